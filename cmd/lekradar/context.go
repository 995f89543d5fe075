package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"lekradar/detect"
	"lekradar/interchange"
)

// contextFiles are the files of a context directory whose state a
// compiled index records, each also as NAME.gz.
var contextFiles = []string{
	interchange.FileUnits, interchange.FileTeams, interchange.FileEmployees, interchange.FilePersons,
	interchange.FileRelations, interchange.FileCases, interchange.FileCasePersons, interchange.FileCaseStaff,
	interchange.FileShifts,
}

func newContextCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "context",
		Short: "Work with context directories",
	}
	cmd.AddCommand(newContextCompileCmd())
	return cmd
}

func newContextCompileCmd() *cobra.Command {
	var dir, out string
	var strict bool
	var maxErrors int
	cmd := &cobra.Command{
		Use:   "compile --context DIR --out FILE [--strict]",
		Short: "Compile a context directory into an index file that scans load in a fraction of the time",
		Long: `Read a context directory (docs/formats.md) once and write the index that
scan builds from it to FILE. "lekradar scan --context FILE" then loads it in
well under a second where the national context takes seconds to parse: compile
once per context export, scan the day's logs against it.

The index records the size and modification time of every file it was compiled
from; scan refuses it when the directory's files have changed since, and checks
every table in it before use. The file is written next to FILE and renamed into
place, so an interrupted compile leaves no half-written index.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return compileContext(cmd.Context(), dir, out, strict, maxErrors, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "context", "", "context directory to compile")
	f.StringVar(&out, "out", "", "index file to write")
	f.BoolVar(&strict, "strict", false, "stop at the first malformed row instead of skipping it")
	f.IntVar(&maxErrors, "max-errors", 20, "malformed rows reported one by one before only counting them")
	return cmd
}

func compileContext(ctx context.Context, dir, out string, strict bool, maxErrors int, stderr io.Writer) (err error) {
	if dir == "" {
		return errors.New("flag --context: a context directory is required")
	}
	if out == "" {
		return errors.New("flag --out: the index file to write is required")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("context %s: %w", dir, err)
	}
	// The files' state is taken before reading them, so that a file
	// replaced during the compile makes the index stale rather than
	// silently recorded as read.
	sources, err := contextSources(abs)
	if err != nil {
		return err
	}
	// As in scan: the index is a few large slices without pointers, cheap
	// to mark, and a low GC target keeps the national context inside 2 GiB.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	start := time.Now()
	ix, skipped, err := loadContext(ctx, dir, strict, maxErrors, stderr)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 4<<20)
	info := detect.CompiledInfo{Dir: abs, Sources: sources, Skipped: skipped, Compiled: time.Now().UTC()}
	if err = ix.WriteCompiled(w, info); err != nil {
		return fmt.Errorf("write index %s: %w", out, err)
	}
	if err = w.Flush(); err != nil {
		return fmt.Errorf("write index %s: %w", out, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write index %s: %w", out, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write index %s: %w", out, err)
	}
	if err = os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write index %s: %w", out, err)
	}
	s := ix.Sizes
	fmt.Fprintf(stderr, "context: compiled %s into %s in %s: %d employees, %d persons, %d cases",
		dir, out, time.Since(start).Round(time.Millisecond), s.Employees, s.Persons, s.Cases)
	if skipped > 0 {
		fmt.Fprintf(stderr, "; %d malformed rows skipped", skipped)
	}
	fmt.Fprintln(stderr)
	return nil
}

// contextSources is the state of the context files present in dir.
func contextSources(dir string) ([]detect.SourceFile, error) {
	var srcs []detect.SourceFile
	for _, name := range contextFiles {
		for _, n := range []string{name, name + ".gz"} {
			fi, err := os.Stat(filepath.Join(dir, n))
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("context %s: %w", dir, err)
			}
			srcs = append(srcs, detect.SourceFile{Name: n, Size: fi.Size(), ModTime: fi.ModTime().UTC()})
		}
	}
	return srcs, nil
}

// openCompiledContext loads a compiled index and refuses it when the
// directory it was compiled from has changed since; when that directory
// is not here (the index was copied to another machine) it says so.
func openCompiledContext(path string, stderr io.Writer) (*detect.Index, error) {
	ix, info, err := detect.ReadCompiled(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(info.Dir); err != nil {
		fmt.Fprintf(stderr, "context: %s was compiled from %s, which is not here; using it as compiled on %s\n",
			path, info.Dir, info.Compiled.Format(time.DateTime))
	} else {
		now, err := contextSources(info.Dir)
		if err != nil {
			return nil, err
		}
		if stale := staleSource(info.Sources, now); stale != "" {
			return nil, fmt.Errorf("compiled index %s is out of date: %s in %s changed after it was compiled on %s; run lekradar context compile again",
				path, stale, info.Dir, info.Compiled.Format(time.DateTime))
		}
	}
	if info.Skipped > 0 {
		fmt.Fprintf(stderr, "context: %d malformed rows were skipped when %s was compiled\n", info.Skipped, path)
	}
	return ix, nil
}

// staleSource names a file that differs between then and now, or "".
func staleSource(then, now []detect.SourceFile) string {
	was := map[string]detect.SourceFile{}
	for _, s := range then {
		was[s.Name] = s
	}
	for _, s := range now {
		w, ok := was[s.Name]
		if !ok || w.Size != s.Size || !w.ModTime.Equal(s.ModTime) {
			return s.Name
		}
		delete(was, s.Name)
	}
	for name := range was {
		return name // removed since
	}
	return ""
}
