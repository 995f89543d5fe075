package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"lekradar"
	"lekradar/detect"
	"lekradar/interchange"
	"lekradar/sqlstore"
)

type scanOptions struct {
	contextDir   string
	events       string
	policy       string
	alerts       string
	explanations string
	strict       bool
	maxErrors    int
	printPolicy  bool
	stream       bool
	cpuProfile   string
}

func newScanCmd() *cobra.Command {
	var o scanOptions
	cmd := &cobra.Command{
		Use:   "scan --context DIR|INDEX --events FILE|- [--policy FILE] [--alerts FILE] [--explanations FILE] [--strict]",
		Short: "Explain every look-up in an event log and write alerts for what nothing explains",
		Long: `Scan a look-up log against a context directory (docs/formats.md), or against
a compiled index of one (lekradar context compile), which loads in a fraction
of the time.

Every look-up is first explained from the police's own records (a case number
given with it, an assigned case, a team case, a unit incident while on shift,
role-based work, a repeat of an explained look-up). Only the unexplained
residue and look-ups that match a relationship flag are scored against the
policy (docs/detection.md); groups that score enough become alerts.

Alerts are JSON Lines on standard output unless --alerts names a file.
--explanations writes one line per event with what explained it and the
signals that fired. Malformed event lines are reported on standard error with
their line number and skipped; --strict stops at the first. A log further
out of time order than the policy's reorder window is sorted and scanned
again from the start (the outputs are truncated), or sorted before the scan
when the outputs cannot be taken back (a pipe, >>, --db); standard input and
pipes are copied to a temporary file for that, unless --stream says they are
a live feed. --print-policy writes the default policy,
annotated, to standard output.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.printPolicy {
				_, err := cmd.OutOrStdout().Write(detect.DefaultPolicyYAML())
				return err
			}
			// --db (given explicitly) also stores look-ups and alerts.
			var sw *sqlstore.ScanWriter
			if cmd.Flags().Changed("db") {
				store, err := openExistingStore(cmd)
				if err != nil {
					return err
				}
				defer store.Close()
				if sw, err = store.NewScanWriter(cmd.Context()); err != nil {
					return err
				}
			}
			return runScan(cmd.Context(), o, sw, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.contextDir, "context", "", "context directory (units.csv, teams.csv, employees.csv, …) or a compiled index of one (lekradar context compile)")
	f.StringVar(&o.events, "events", "", "look-up log, JSON Lines or CSV, .gz allowed; - for standard input")
	f.StringVar(&o.policy, "policy", "", "policy file (YAML); default: the built-in policy")
	f.StringVar(&o.alerts, "alerts", "-", "alerts output file (JSON Lines); - for standard output")
	f.StringVar(&o.explanations, "explanations", "", "write one explanation line per event to this file (- for standard output)")
	f.BoolVar(&o.strict, "strict", false, "stop at the first malformed line instead of skipping it")
	f.IntVar(&o.maxErrors, "max-errors", 20, "malformed lines reported one by one before only counting them")
	f.BoolVar(&o.printPolicy, "print-policy", false, "print the default policy and exit")
	f.BoolVar(&o.stream, "stream", false, "read standard input or a pipe as a live feed: explain events as they arrive, without copying the log first to sort it when it is out of order")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the scan to this file")
	_ = f.MarkHidden("cpuprofile")
	return cmd
}

// lockedWriter serialises writes to standard error from the reader
// goroutine and the progress bar.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func runScan(ctx context.Context, o scanOptions, sw *sqlstore.ScanWriter, stdin io.Reader, stdout, stderrRaw io.Writer) error {
	if o.contextDir == "" {
		return errors.New("flag --context: a context directory is required")
	}
	if o.events == "" {
		return errors.New("flag --events: an event log is required (a file, or - for standard input)")
	}
	stderr := &lockedWriter{w: stderrRaw}
	// The index is a few large slices without pointers, cheap to mark, so
	// a low GC target keeps the national context well inside its memory
	// budget at little cost.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	pol, err := detect.LoadPolicyFile(o.policy)
	if err != nil {
		return err
	}

	if o.cpuProfile != "" {
		pf, err := os.Create(o.cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	window := time.Duration(pol.Windows.Reorder)
	// A log is usually in time order, so by default it is scanned straight
	// away and scanned again, sorted, only when an event turns out to lie
	// beyond the reorder window; that needs outputs that can be taken back.
	// Otherwise the order is checked (and standard input copied) while the
	// context loads.
	optimistic := !o.stream && sw == nil && canRewind(o.alerts, stdout) && (o.explanations == "" || canRewind(o.explanations, stdout))
	var prepared func() (eventInput, interchange.OrderCheck, error)
	if !optimistic {
		prepared = prepareEvents(o.events, stdin, window, o.stream)
	}
	start := time.Now()
	var ix *detect.Index
	var ctxErrors int
	if detect.IsCompiled(o.contextDir) {
		ix, err = openCompiledContext(o.contextDir, stderr)
	} else {
		ix, ctxErrors, err = loadContext(ctx, o.contextDir, o.strict, o.maxErrors, stderr)
	}
	if err != nil {
		return err
	}
	loadTime := time.Since(start)
	s := ix.Sizes
	fmt.Fprintf(stderr, "context: loaded in %s: %d units, %d teams, %d employees, %d persons, %d relations, %d cases, %d case persons, %d case staff, %d shifts (index about %d MiB)",
		loadTime.Round(time.Millisecond), s.Units, s.Teams, s.Employees, s.Persons, s.Relations, s.Cases, s.CasePersons, s.CaseStaff, s.Shifts, ix.MemoryBytes()>>20)
	if ctxErrors > 0 {
		fmt.Fprintf(stderr, "; %d malformed rows skipped", ctxErrors)
	}
	fmt.Fprintln(stderr)

	if optimistic && o.events != "-" {
		// (before the outputs are created over an earlier scan's)
		if _, err := os.Stat(o.events); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	alertOut, err := openOutput(o.alerts, stdout)
	if err != nil {
		return fmt.Errorf("open alerts output: %w", err)
	}
	defer alertOut.close()
	var explOut *scanOutput
	if o.explanations != "" {
		if explOut, err = openOutput(o.explanations, stdout); err != nil {
			return fmt.Errorf("open explanations output: %w", err)
		}
		defer explOut.close()
	}
	if optimistic && (!alertOut.rewindable || (explOut != nil && !explOut.rewindable)) {
		// The output changed kind since canRewind looked at it.
		optimistic, prepared = false, prepareEvents(o.events, stdin, window, o.stream)
	}

	var input eventInput
	oc := interchange.OrderCheck{InOrder: true}
	var tee *spoolTee
	if optimistic {
		input = eventInput{path: o.events, name: o.events}
		if o.events == "-" {
			input.name = "stdin"
		}
		if fi, err := os.Stat(o.events); o.events == "-" || (err == nil && !fi.Mode().IsRegular()) {
			// Standard input and pipes are read once: kept in a temporary
			// file on the way in, in case the log has to be sorted after all.
			var from io.Reader = stdin
			if o.events != "-" {
				rc, err := interchange.OpenEvents(o.events)
				if err != nil {
					return err
				}
				defer rc.Close()
				from = rc
			}
			tee = newSpoolTee(from)
			input.spool = tee.path
		}
	} else if input, oc, err = prepared(); err != nil {
		if input.spool != "" {
			os.Remove(input.spool)
		}
		return err
	}
	if input.spool != "" {
		defer os.Remove(input.spool)
	}

	p := scanPass{ctx: ctx, ix: ix, pol: pol, o: o, sw: sw, stdin: stdin, stderr: stderr, stderrRaw: stderrRaw,
		alerts: alertOut, explanations: explOut, window: window}
	res, runErr := p.run(input, tee, oc, optimistic, 0)
	var late *lateEventError
	if optimistic && errors.As(runErr, &late) {
		// Beyond the reorder window the engine would take events out of
		// time order: take back what this pass wrote and scan the log
		// sorted, reporting the malformed lines it already reported once.
		fmt.Fprintf(stderr, "events: line %d lies %s behind an earlier event, beyond the reorder window of %s: sorting the log by time and scanning it again\n",
			late.line, lagString(late.behind), window)
		if err := alertOut.rewind(); err != nil {
			return fmt.Errorf("rewrite alerts output: %w", err)
		}
		if explOut != nil {
			if err := explOut.rewind(); err != nil {
				return fmt.Errorf("rewrite explanations output: %w", err)
			}
		}
		if tee != nil {
			if err := tee.finish(); err != nil {
				return err
			}
			input.path = tee.path
		}
		res, runErr = p.run(input, nil, interchange.OrderCheck{Line: late.line, Behind: late.behind}, false, late.line)
	} else if tee != nil {
		tee.close()
	}
	if res.src != nil && res.en != nil { // (else the pass failed before the scan: nothing to sum up)
		src := res.src
		if src.bad > int64(o.maxErrors) {
			fmt.Fprintf(stderr, "events: %d more malformed lines not shown\n", src.bad-int64(o.maxErrors))
		}
		writeSummary(stderr, &res.en.Stats, src.bad, &src.order, window, res.sortedRuns >= 0, res.elapsed)
		if res.sortedRuns >= 0 {
			fmt.Fprintf(stderr, "order: the log was sorted by time before the scan (%d events behind an earlier one, the furthest by %s; %s)\n",
				src.order.behind, lagString(time.Duration(src.order.maxLag)), sortedWhere(res.sortedRuns))
		}
	}
	if runErr != nil {
		return runErr
	}
	if explOut != nil {
		if err := explOut.close(); err != nil {
			return err
		}
	}
	return alertOut.close()
}

// scanPass is what one pass over the log needs; a log found out of order
// during the first pass is read again, sorted, in a second.
type scanPass struct {
	ctx                  context.Context
	ix                   *detect.Index
	pol                  *detect.Policy
	o                    scanOptions
	sw                   *sqlstore.ScanWriter
	stdin                io.Reader
	stderr, stderrRaw    io.Writer
	alerts, explanations *scanOutput
	window               time.Duration
}

type passResult struct {
	en         *detect.Engine
	src        *eventSource
	sortedRuns int // -1: not sorted
	elapsed    time.Duration
}

// run scans the log once: sorted first when oc says it is out of order,
// else as it comes, stopping at the first event beyond the reorder window
// when stopLate. Malformed lines up to quietThrough were reported by an
// earlier pass.
func (p *scanPass) run(input eventInput, tee *spoolTee, oc interchange.OrderCheck, stopLate bool, quietThrough int) (passResult, error) {
	res := passResult{sortedRuns: -1}
	var in io.ReadCloser
	var err error
	switch {
	case tee != nil:
		in = io.NopCloser(tee)
	case input.path == "-":
		in = io.NopCloser(p.stdin)
	default:
		if in, err = interchange.OpenEvents(input.path); err != nil {
			return res, err
		}
	}
	defer in.Close()
	er, err := interchange.NewEventReader(in, input.name)
	if err != nil {
		return res, fmt.Errorf("read events: %w", err)
	}
	src := &eventSource{er: er, stderr: p.stderr, strict: p.o.strict, maxPrint: p.o.maxErrors, quietThrough: quietThrough}
	res.src = src
	var engineSrc detect.Source = src
	if !oc.InOrder {
		if quietThrough == 0 {
			fmt.Fprintf(p.stderr, "events: line %d lies %s behind an earlier event, beyond the reorder window of %s: sorting the log by time first\n",
				oc.Line, lagString(oc.Behind), p.window)
		}
		sorted, err := detect.SortEvents(p.ctx, src, "", sortMemory)
		if err != nil {
			return res, fmt.Errorf("sort events: %w", err)
		}
		defer sorted.Close()
		engineSrc, res.sortedRuns = sorted, sorted.Runs()
	} else if stopLate {
		src.stopBeyond = int64(p.window)
	}

	aw := interchange.NewAlertWriter(p.alerts.w)
	out := detect.Output{Alert: aw.Write}
	var xw *interchange.ExplanationWriter
	if p.explanations != nil {
		xw = interchange.NewExplanationWriter(p.explanations.w)
		out.Explanation = xw.WriteRaw
	}
	if sw := p.sw; sw != nil {
		src.stage = sw.Stage
		toFile, explained := out.Alert, out.Explanation
		out.Alert = func(a *lekradar.Alert) error {
			if err := toFile(a); err != nil {
				return err
			}
			return sw.WriteAlert(a)
		}
		out.Explanation = func(id []byte, by string, signals []string) error {
			if explained != nil {
				if err := explained(id, by, signals); err != nil {
					return err
				}
			}
			return sw.Explanation(id, by, signals)
		}
	}
	en := detect.NewEngine(p.ix, p.pol, out)
	res.en = en
	var prog detect.Progress
	stopBar := startProgress(p.stderrRaw, p.stderr, &prog, input.path)
	scanStart := time.Now()
	runErr := en.Run(p.ctx, engineSrc, &prog)
	res.elapsed = time.Since(scanStart)
	stopBar()
	var late *lateEventError
	if errors.As(runErr, &late) {
		return res, runErr // the pass is taken back: nothing to flush
	}
	if err := aw.Flush(); err != nil && runErr == nil {
		runErr = fmt.Errorf("write alerts: %w", err)
	}
	if xw != nil {
		if err := xw.Flush(); err != nil && runErr == nil {
			runErr = fmt.Errorf("write explanations: %w", err)
		}
	}
	if sw := p.sw; sw != nil {
		if err := sw.Close(); err != nil && runErr == nil {
			runErr = err
		}
		c := sw.Counts()
		fmt.Fprintf(p.stderr, "stored: %d look-ups, %d alerts in %d transactions\n", c.Lookups, c.Alerts, c.Batches)
	}
	return res, runErr
}

func loadContext(ctx context.Context, dir string, strict bool, maxErrors int, stderr io.Writer) (*detect.Index, int, error) {
	hint := personsHint(filepath.Join(dir, interchange.FilePersons))
	// Rows of cases.csv and employees.csv are rarely shorter than 40 bytes:
	// a generous count costs address space only.
	if fi, err := os.Stat(filepath.Join(dir, interchange.FileCases)); err == nil {
		hint.Cases = int(fi.Size() / 40)
	}
	if fi, err := os.Stat(filepath.Join(dir, interchange.FileEmployees)); err == nil {
		hint.Employees = int(fi.Size() / 40)
	}
	b := detect.NewBuilder(hint)
	bad := 0
	h := interchange.ContextHandler{
		Unit:     func(u lekradar.Unit) error { b.AddUnit(&u); return nil },
		Team:     func(t lekradar.Team) error { b.AddTeam(&t); return nil },
		Employee: func(e lekradar.Employee) error { b.AddEmployee(&e); return nil },
		// The big files are parsed on all cores, with the hashing of
		// their keys done there too.
		Persons: &interchange.Stage[lekradar.Person]{Prepare: b.PreparePerson,
			Add: func(ps []lekradar.Person, keys []interchange.RowKeys) error { b.AddPersons(ps, keys); return nil }},
		Relations: &interchange.Stage[lekradar.Relation]{Prepare: b.PrepareRelation,
			Add: func(rs []lekradar.Relation, keys []interchange.RowKeys) error { b.AddRelations(rs, keys); return nil }},
		Case: func(c lekradar.Case) error { b.AddCase(&c); return nil },
		CasePersons: &interchange.Stage[lekradar.CasePerson]{Prepare: b.PrepareCasePerson,
			Add: func(cps []lekradar.CasePerson, keys []interchange.RowKeys) error {
				b.AddCasePersons(cps, keys)
				return nil
			}},
		CaseStaff: func(cs lekradar.CaseStaff) error { b.AddCaseStaff(&cs); return nil },
		Shift:     func(s lekradar.Shift) error { b.AddShift(&s); return nil },
		OnError: func(le *interchange.LineError) error {
			if strict {
				return le
			}
			bad++
			if bad <= maxErrors {
				fmt.Fprintf(stderr, "context: skipped: %v\n", le)
			}
			return nil
		},
	}
	if err := interchange.ReadContextDir(ctx, dir, h); err != nil {
		return nil, bad, fmt.Errorf("load context %s: %w", dir, err)
	}
	return b.Build(), bad, nil
}

// personsHint sizes the person table from persons.csv: its size over the
// length of its last rows. Numbered ids are longest there, so the id bytes
// come out high and the row count low, hence the margin on the count
// (spare capacity that is never written costs no memory). Without the file
// (or gzipped) the table grows as it fills.
func personsHint(path string) detect.SizeHint {
	var hint detect.SizeHint
	f, err := os.Open(path)
	if err != nil {
		return hint
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return hint
	}
	size := fi.Size()
	hint.Persons = int(size / 36) // rows of persons.csv are about 36 bytes
	tail := make([]byte, min(size, 64<<10))
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		return hint
	}
	lines := bytes.Split(tail, []byte{'\n'})
	if int64(len(tail)) < size {
		lines = lines[1:] // the first is cut
	}
	rows, rowBytes, idBytes := 0, 0, 0
	for _, l := range lines {
		if len(l) == 0 {
			continue
		}
		rows++
		rowBytes += len(l) + 1
		if i := bytes.IndexByte(l, ','); i >= 0 {
			idBytes += i
		}
	}
	if rows < 16 {
		return hint
	}
	n := size * int64(rows) / int64(rowBytes)
	hint.Persons = int(n + n/8)
	hint.PersonIDBytes = int(n * int64(idBytes) / int64(rows) * 33 / 32)
	return hint
}

// eventSource adapts interchange's zero-copy reader to the engine and
// handles malformed lines: reported and skipped, or fatal with --strict.
type eventSource struct {
	er       *interchange.EventReader
	raw      interchange.RawEvent
	stderr   io.Writer
	strict   bool
	maxPrint int
	bad      int64
	n        int
	stage    func(lekradar.LookupEvent) // keeps the event for the store, when set
	order    orderStats
	// stopBeyond, when not 0, ends the pass at the first event that lies
	// more than this many nanoseconds behind an earlier one.
	stopBeyond int64
	// quietThrough is the last line whose problems an earlier pass reported.
	quietThrough int
}

// orderStats measures how far the log is from time order, for the summary:
// the engine only counts the events beyond its reorder window, not how many
// were out of order nor by how much.
type orderStats struct {
	n      int64
	maxTS  int64 // latest ts read so far
	behind int64 // events earlier than an event read before them
	maxLag int64 // nanoseconds the worst of them lay behind
}

func (o *orderStats) add(ts int64) {
	if o.n > 0 && ts < o.maxTS {
		o.behind++
		o.maxLag = max(o.maxLag, o.maxTS-ts)
	} else {
		o.maxTS = ts
	}
	o.n++
}

func (s *eventSource) Next(ctx context.Context, ev *detect.Event) error {
	for {
		s.n++
		if s.n&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		err := s.er.NextRaw(&s.raw)
		if err == nil {
			r := &s.raw
			if s.stopBeyond > 0 && s.order.n > 0 && r.TS < s.order.maxTS-s.stopBeyond {
				return &lateEventError{line: s.er.Line(), behind: time.Duration(s.order.maxTS - r.TS)}
			}
			s.order.add(r.TS)
			*ev = detect.Event{ID: r.ID, TS: r.TS, EmployeeID: r.EmployeeID, System: r.System,
				Action: detect.ParseAction(r.Action), PersonID: r.PersonID, CaseID: r.CaseID}
			if s.stage != nil {
				s.stage(lekradar.LookupEvent{ID: string(r.ID), TS: time.Unix(0, r.TS).UTC(), EmployeeID: string(r.EmployeeID),
					System: string(r.System), Action: string(r.Action), PersonID: string(r.PersonID), CaseID: string(r.CaseID)})
			}
			return nil
		}
		if errors.Is(err, io.EOF) {
			return io.EOF
		}
		le, ok := interchange.AsLineError(err)
		if !ok {
			return fmt.Errorf("read events: %w", err)
		}
		if s.strict {
			return fmt.Errorf("malformed event (--strict): %w", le)
		}
		s.bad++
		if s.bad <= int64(s.maxPrint) && le.Line > s.quietThrough {
			fmt.Fprintf(s.stderr, "events: skipped: %v\n", le)
		}
	}
}

// startProgress draws a progress line on standard error when it is a
// terminal; the returned function stops and clears it.
func startProgress(raw io.Writer, stderr io.Writer, prog *detect.Progress, path string) func() {
	f, ok := raw.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	var total int64
	if path != "-" && !strings.HasSuffix(path, ".gz") {
		if fi, err := os.Stat(path); err == nil {
			total = fi.Size() / 110 // about 110 bytes per JSON line
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		start := time.Now()
		for {
			select {
			case <-done:
				fmt.Fprint(stderr, "\r\033[K")
				return
			case <-t.C:
				n := prog.Read.Load()
				rate := float64(n) / time.Since(start).Seconds()
				if total > 0 {
					frac := min(float64(n)/float64(total), 1)
					bar := strings.Repeat("█", int(frac*30)) + strings.Repeat("░", 30-int(frac*30))
					fmt.Fprintf(stderr, "\r%s ~%3.0f%% %d events, %.0f/s\033[K", bar, 100*frac, n, rate)
				} else {
					fmt.Fprintf(stderr, "\r%d events, %.0f/s\033[K", n, rate)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// peakRSS is the process's peak resident memory (Linux), 0 when unknown.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
			return kb << 10
		}
	}
	return 0
}

// sortMemory bounds the memory a log sorted before the scan takes; beyond
// it the log is sorted in runs on disk.
const sortMemory = 256 << 20

// eventInput is where the scan reads the log: the file given, a temporary
// copy of standard input or a pipe, or (a live feed) standard input itself.
type eventInput struct {
	path  string // the file to open, or "-" for standard input
	name  string // the log's name in messages: the file given, or stdin
	spool string // the temporary copy to remove afterwards, or ""
}

// prepareEvents starts, while the context loads, what must happen before
// the scan reads the log at path, and returns a function that waits for
// it: whether the log is in time order and where to read it. A regular
// file is read twice, once for its timestamps. Standard input and pipes
// can be read only once, so they are copied to a temporary file on the way
// through the order check, and a log out of order is sorted as a file is
// (an exporter may well pipe a compressed or shuffled log); with stream
// (a live feed that never ends) events are explained as they arrive.
func prepareEvents(path string, stdin io.Reader, window time.Duration, stream bool) func() (eventInput, interchange.OrderCheck, error) {
	name := path
	if path == "-" {
		name = "stdin"
	}
	type result struct {
		in  eventInput
		oc  interchange.OrderCheck
		err error
	}
	done := make(chan result, 1)
	fi, statErr := os.Stat(path)
	switch {
	case path != "-" && (statErr != nil || fi.Mode().IsRegular()):
		go func() {
			oc, err := interchange.CheckEventOrderFile(path, window, runtime.GOMAXPROCS(0))
			if err != nil {
				err = fmt.Errorf("read events: %w", err)
			}
			done <- result{eventInput{path: path, name: name}, oc, err}
		}()
	case stream:
		done <- result{eventInput{path: path, name: name}, interchange.OrderCheck{InOrder: true}, nil}
	default:
		go func() {
			spool, oc, err := spoolEvents(path, stdin, window)
			done <- result{eventInput{path: spool, name: name, spool: spool}, oc, err}
		}()
	}
	return func() (eventInput, interchange.OrderCheck, error) {
		r := <-done
		return r.in, r.oc, r.err
	}
}

// spoolEvents copies standard input (path "-") or a pipe to a temporary
// file, readable only by this user, checking its time order on the way.
func spoolEvents(path string, stdin io.Reader, window time.Duration) (string, interchange.OrderCheck, error) {
	src := io.NopCloser(stdin)
	if path != "-" {
		var err error
		if src, err = interchange.OpenEvents(path); err != nil {
			return "", interchange.OrderCheck{}, fmt.Errorf("open events: %w", err)
		}
	}
	defer src.Close()
	f, err := os.CreateTemp("", "lekradar-events-*.log")
	if err != nil {
		return "", interchange.OrderCheck{}, fmt.Errorf("copy the look-up log to a temporary file: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	tee := io.TeeReader(src, bw)
	oc, err := interchange.CheckEventOrder(tee, window)
	if err == nil {
		_, err = io.Copy(io.Discard, tee) // the check stops at the first event out of order
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return f.Name(), interchange.OrderCheck{}, fmt.Errorf("copy the look-up log to a temporary file %s: %w", f.Name(), err)
	}
	return f.Name(), oc, nil
}

func sortedWhere(runs int) string {
	if runs == 0 {
		return "in memory"
	}
	return fmt.Sprintf("in %d runs on disk", runs)
}

// lagString renders how far an event lay behind: seconds for short lags,
// days for a log of two systems concatenated.
func lagString(d time.Duration) string {
	if d >= 48*time.Hour {
		return fmt.Sprintf("%.1f days", d.Hours()/24)
	}
	return d.Round(time.Second).String()
}

func pct(n, of int64) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func writeSummary(w io.Writer, st *detect.Stats, bad int64, ord *orderStats, window time.Duration, sorted bool, elapsed time.Duration) {
	n := st.Events
	if sorted {
		// The count is of the log as read; the engine saw it sorted.
		fmt.Fprintf(w, "events: %d read, %d malformed lines skipped, %d out of time order in the log (sorted before the scan)\n",
			n, bad, ord.behind)
	} else {
		fmt.Fprintf(w, "events: %d read, %d malformed lines skipped, %d out of time order (%d beyond the reorder window of %s)\n",
			n, bad, ord.behind, st.Late, window)
	}
	if st.Late > 0 {
		// Say plainly that the result depends on the order: a log of two
		// systems concatenated is processed, not refused.
		fmt.Fprintf(w, "order: warning: %d events (%.2f%%) arrived after later events were already processed (reorder window %s; the furthest behind by %s); "+
			"they were processed out of time order, so the alerts can differ from those of the same log sorted by ts (docs/formats.md §3)\n",
			st.Late, pct(st.Late, n), window, lagString(time.Duration(ord.maxLag)))
	}
	var explained int64
	var parts []string
	for _, name := range detect.ExplanationNames() {
		c := st.ExplainedBy(name)
		explained += c
		parts = append(parts, fmt.Sprintf("%s %.2f%%", name, pct(c, n)))
	}
	fmt.Fprintf(w, "explained: %.2f%% (%s)\n", pct(explained, n), strings.Join(parts, ", "))
	fmt.Fprintf(w, "unexplained: %.2f%%; explained but with a relationship flag: %d; unknown employee: %d, unknown person: %d\n",
		pct(st.Unexplained, n), st.Flagged, st.UnknownEmp, st.UnknownPers)
	if st.CELErrors > 0 {
		fmt.Fprintf(w, "policy: %d condition evaluations failed and counted as false\n", st.CELErrors)
	}
	total := st.Alerts[lekradar.SeverityHigh] + st.Alerts[lekradar.SeverityMedium] + st.Alerts[lekradar.SeverityLow]
	fmt.Fprintf(w, "alerts: %d (high %d, medium %d, low %d)\n", total,
		st.Alerts[lekradar.SeverityHigh], st.Alerts[lekradar.SeverityMedium], st.Alerts[lekradar.SeverityLow])
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(n) / s
	}
	fmt.Fprintf(w, "speed: %.0f events/s (%s)", rate, elapsed.Round(time.Millisecond))
	if peak := peakRSS(); peak > 0 {
		fmt.Fprintf(w, "; peak memory %d MiB", peak>>20)
	}
	fmt.Fprintln(w)
}
