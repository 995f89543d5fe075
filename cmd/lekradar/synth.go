package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/interchange"
	"lekradar/synth"
)

func newSynthCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "synth",
		Short: "Generate synthetic data for detection",
	}
	cmd.AddCommand(newSynthWorldCmd())
	return cmd
}

func newSynthWorldCmd() *cobra.Command {
	cfg := synth.DefaultConfig()
	var out, start, format string
	cmd := &cobra.Command{
		Use:   "world --out DIR [--employees N] [--persons N] [--days N] [--seed N] [--start DATE]",
		Short: "Generate a synthetic world: context directory, look-up log and ground truth",
		Long: `Generate a synthetic world for lekradar's detection (docs/synthetic-worlds.md):
the nine CSV files of a context directory (units, teams, employees, persons,
relations, cases, case_persons, case_staff, shifts), the look-up log
events.jsonl (or events.csv), mostly in time order, and truth.csv listing the improper
look-ups with their incident and scenario. The same flags give the same world.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return fmt.Errorf("synth world: --out DIR is required")
			}
			s, err := lekradar.ParseDate(start)
			if err != nil || s.IsZero() {
				return fmt.Errorf("synth world: --start %q: want a date YYYY-MM-DD", start)
			}
			cfg.Start = s.Time()
			f, err := interchange.ParseFormat(format)
			if err != nil {
				return fmt.Errorf("synth world: --events-format: %w", err)
			}
			return runSynthWorld(cmd.Context(), cmd.ErrOrStderr(), out, cfg, f)
		},
	}
	def := synth.DefaultConfig()
	cmd.Flags().StringVar(&out, "out", "", "directory to write the world into (created if needed)")
	cmd.Flags().IntVar(&cfg.Employees, "employees", def.Employees, "number of employees")
	cmd.Flags().Int64Var(&cfg.Persons, "persons", def.Persons, "number of persons in the population")
	cmd.Flags().IntVar(&cfg.Days, "days", def.Days, "length of the look-up log in days")
	cmd.Flags().Uint64Var(&cfg.Seed, "seed", def.Seed, "seed; the same seed gives the same world")
	cmd.Flags().StringVar(&start, "start", def.Start.Format(lekradar.DateLayout), "first day of the log (YYYY-MM-DD)")
	cmd.Flags().StringVar(&format, "events-format", "jsonl", "format of the look-up log: jsonl or csv")
	return cmd
}

// truthSink adapts interchange's TruthWriter to synth.TruthSink.
type truthSink struct{ w *interchange.TruthWriter }

func (t truthSink) WriteTruth(eventID, incidentID, scenario string) error {
	return t.w.Write(interchange.TruthRow{EventID: eventID, IncidentID: incidentID, Scenario: scenario})
}

func runSynthWorld(ctx context.Context, stderr io.Writer, dir string, cfg synth.Config, format interchange.Format) (err error) {
	began := time.Now()
	cw, err := interchange.NewContextWriter(dir)
	if err != nil {
		return fmt.Errorf("synth world: %w", err)
	}
	defer func() {
		if cerr := cw.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("synth world: %w", cerr)
		}
	}()
	evName := "events.jsonl"
	other := "events.csv"
	if format == interchange.FormatCSV {
		evName, other = other, evName
	}
	// A stale log of the other format would make the world ambiguous.
	if err := os.Remove(filepath.Join(dir, other)); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("synth world: %w", err)
	}
	evFile, err := createBuffered(filepath.Join(dir, evName))
	if err != nil {
		return err
	}
	defer evFile.close(&err)
	ew, err := interchange.NewEventWriter(evFile.w, format)
	if err != nil {
		return err
	}
	trFile, err := createBuffered(filepath.Join(dir, "truth.csv"))
	if err != nil {
		return err
	}
	defer trFile.close(&err)
	tw, err := interchange.NewTruthWriter(trFile.w)
	if err != nil {
		return err
	}
	st, err := synth.Generate(ctx, cfg, cw, ew, truthSink{tw})
	if err != nil {
		return fmt.Errorf("synth world: %w", err)
	}
	if err := ew.Flush(); err != nil {
		return fmt.Errorf("synth world: write %s: %w", evName, err)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("synth world: write truth.csv: %w", err)
	}
	fmt.Fprintf(stderr, "synth world: %s in %.1fs (seed %d)\n", dir, time.Since(began).Seconds(), cfg.Seed)
	fmt.Fprintf(stderr, "  %d units, %d teams, %d employees, %d persons, %d relations\n",
		st.Units, st.Teams, st.Employees, st.Persons, st.Relations)
	fmt.Fprintf(stderr, "  %d cases, %d case persons, %d case staff, %d shifts\n",
		st.Cases, st.CasePersons, st.CaseStaff, st.Shifts)
	fmt.Fprintf(stderr, "  %d look-ups over %d days, %d improper (%.3f%%)\n",
		st.Events, cfg.Days, st.ImproperEvents, 100*float64(st.ImproperEvents)/float64(max(1, st.Events)))
	fmt.Fprintf(stderr, "  incidents per scenario:")
	for _, s := range synth.Scenarios {
		fmt.Fprintf(stderr, " %s=%d", s, st.Incidents[s])
	}
	fmt.Fprintln(stderr)
	return nil
}

// bufferedFile is a created file with a write buffer; close flushes it and
// reports the first error into *err.
type bufferedFile struct {
	f *os.File
	w *bufio.Writer
}

func createBuffered(path string) (*bufferedFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("synth world: %w", err)
	}
	return &bufferedFile{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (b *bufferedFile) close(err *error) {
	ferr := b.w.Flush()
	cerr := b.f.Close()
	if *err == nil {
		if ferr != nil {
			*err = fmt.Errorf("write %s: %w", b.f.Name(), ferr)
		} else if cerr != nil {
			*err = fmt.Errorf("close %s: %w", b.f.Name(), cerr)
		}
	}
}
