package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/evaluate"
	"lekradar/interchange"
)

func newEvalCmd() *cobra.Command {
	var world, alerts, explanations, events, format string
	var requireTargets bool
	cmd := &cobra.Command{
		Use:   "eval --world DIR --alerts FILE [--explanations FILE] [--format text|json]",
		Short: "Measure detection on a synthetic world against its ground truth",
		Long: `Measure detection on a synthetic world (lekradar synth world) against its
truth.csv: alert precision, recall over incidents and look-ups (overall and per
scenario), employee-level precision and false alerts per 1,000 employees per
day. With --explanations (the file scan --explanations wrote) it also reports
the share of explainable legitimate look-ups the engine explained and the share
of improper look-ups it explained away. "Explainable" is decided by an
independent oracle over the context (docs/synthetic-worlds.md). The targets of
issue 3 are listed as met or not met.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if world == "" || alerts == "" {
				return errors.New("eval: --world DIR and --alerts FILE are required")
			}
			if format != "text" && format != "json" {
				return fmt.Errorf("eval: --format %q: allowed are text, json", format)
			}
			r, err := runEval(cmd.Context(), cmd.ErrOrStderr(), world, events, alerts, explanations)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				err = enc.Encode(r)
			} else {
				err = r.WriteText(out)
			}
			if err == nil && requireTargets && !r.AllMet() {
				return exitError{code: 3}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&world, "world", "", "directory of the synthetic world: truth.csv, the context files (or a context/ subdirectory of them) and events.jsonl or events.csv (.gz allowed)")
	cmd.Flags().StringVar(&alerts, "alerts", "", "alerts (JSON Lines) written by scan")
	cmd.Flags().StringVar(&explanations, "explanations", "", "per-event explanations (JSON Lines) written by scan")
	cmd.Flags().StringVar(&events, "events", "", "look-up log, .gz allowed, - for standard input (default: events.jsonl, events.csv or either .gz in the world)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&requireTargets, "require-targets", false, "exit with status 3 when a target is not met")
	return cmd
}

// worldFiles finds a world's context directory, truth and look-up log: in
// the world directory itself (as synth world writes it) or, for worlds
// written by others, with the context files in a context/ subdirectory;
// the log as events.jsonl or events.csv, either also gzipped.
func worldFiles(world string) (contextDir, truth, events string) {
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	contextDir = world
	if !exists(filepath.Join(world, interchange.FileEmployees)) && !exists(filepath.Join(world, interchange.FileEmployees+".gz")) {
		if sub := filepath.Join(world, "context"); exists(filepath.Join(sub, interchange.FileEmployees)) || exists(filepath.Join(sub, interchange.FileEmployees+".gz")) {
			contextDir = sub
		}
	}
	truth = filepath.Join(world, "truth.csv")
	if !exists(truth) && exists(filepath.Join(contextDir, "truth.csv")) {
		truth = filepath.Join(contextDir, "truth.csv")
	}
	events = filepath.Join(world, "events.jsonl")
	for _, dir := range []string{world, contextDir} {
		for _, name := range []string{"events.jsonl", "events.jsonl.gz", "events.csv", "events.csv.gz"} {
			if p := filepath.Join(dir, name); exists(p) {
				return contextDir, truth, p
			}
		}
	}
	return contextDir, truth, events
}

func runEval(ctx context.Context, stderr io.Writer, world, events, alerts, explanations string) (*evaluate.Report, error) {
	contextDir, truthPath, defaultEvents := worldFiles(world)
	truth, err := readTruthFile(ctx, truthPath)
	if err != nil {
		return nil, err
	}
	ev := evaluate.New(truth)
	oracle := evaluate.NewOracle()
	// An employee given twice (a transfer, docs/formats.md) is one
	// employee: the rate of false alerts is per employee, not per row.
	employees, badContext := map[string]bool{}, 0
	err = interchange.ReadContextDir(ctx, contextDir, interchange.ContextHandler{
		Employee: func(e lekradar.Employee) error {
			employees[e.ID] = true
			oracle.AddEmployee(e)
			return nil
		},
		Case:       func(c lekradar.Case) error { oracle.AddCase(c); return nil },
		CasePerson: func(cp lekradar.CasePerson) error { oracle.AddCasePerson(cp); return nil },
		CaseStaff:  func(s lekradar.CaseStaff) error { oracle.AddCaseStaff(s); return nil },
		Shift:      func(s lekradar.Shift) error { oracle.AddShift(s); return nil },
		// A malformed row is left out, as scan leaves it out, so that the
		// oracle judges the world the engine saw.
		OnError: func(le *interchange.LineError) error {
			if badContext++; badContext <= 5 {
				fmt.Fprintf(stderr, "eval: context: skipped %v\n", le)
			}
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if badContext > 0 {
		fmt.Fprintf(stderr, "eval: %d malformed context rows skipped\n", badContext)
	}
	ev.SetEmployees(len(employees))

	af, err := os.Open(alerts)
	if err != nil {
		return nil, err
	}
	err = interchange.ReadAlerts(ctx, af, filepath.Base(alerts), func(a lekradar.Alert) error {
		ev.AddAlert(&a)
		return nil
	})
	af.Close()
	if err != nil {
		return nil, err
	}

	if events == "" {
		events = defaultEvents
	}
	efile, err := interchange.OpenEvents(events)
	if err != nil {
		return nil, err
	}
	defer efile.Close()
	er, err := interchange.NewEventReader(efile, filepath.Base(events))
	if err != nil {
		return nil, err
	}
	var verdicts *verdictReader
	if explanations != "" {
		xf, err := os.Open(explanations)
		if err != nil {
			return nil, err
		}
		defer xf.Close()
		verdicts = newVerdictReader(xf, filepath.Base(explanations))
	}
	var e lekradar.LookupEvent
	bad := 0
	for n := 0; ; n++ {
		if n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		err := er.Next(&e)
		if err == io.EOF {
			break
		}
		if le, ok := interchange.AsLineError(err); ok {
			bad++
			if bad <= 5 {
				fmt.Fprintf(stderr, "eval: skipped %v\n", le)
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		v := evaluate.VerdictUnknown
		if verdicts != nil {
			if v, err = verdicts.verdict(e.ID); err != nil {
				return nil, err
			}
		}
		ev.AddEvent(&e, oracle.Explain(&e), v)
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "eval: %d malformed look-up lines skipped\n", bad)
	}
	return ev.Report(), nil
}

func readTruthFile(ctx context.Context, path string) ([]evaluate.Truth, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := interchange.ReadTruth(ctx, f, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	out := make([]evaluate.Truth, len(rows))
	for i, r := range rows {
		out[i] = evaluate.Truth{EventID: r.EventID, IncidentID: r.IncidentID, Scenario: r.Scenario}
	}
	return out, nil
}

// verdictReader reads the explanations file alongside the event log. scan
// writes it in event order, so it is read in lockstep in constant memory;
// lines out of order are held in a map until their event comes.
type verdictReader struct {
	name    string
	sc      *bufio.Scanner
	line    int
	pending map[string]evaluate.EngineVerdict
	eof     bool
}

func newVerdictReader(r io.Reader, name string) *verdictReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	return &verdictReader{name: name, sc: sc, pending: map[string]evaluate.EngineVerdict{}}
}

type explanationLine struct {
	ID          string          `json:"id"`
	ExplainedBy json.RawMessage `json:"explained_by"`
}

// verdict returns the engine's verdict on event id (VerdictUnknown when the
// file has no line for it).
func (vr *verdictReader) verdict(id string) (evaluate.EngineVerdict, error) {
	if v, ok := vr.pending[id]; ok {
		delete(vr.pending, id)
		return v, nil
	}
	for !vr.eof {
		if !vr.sc.Scan() {
			if err := vr.sc.Err(); err != nil {
				return 0, fmt.Errorf("read %s: %w", vr.name, err)
			}
			vr.eof = true
			break
		}
		vr.line++
		b := vr.sc.Bytes()
		if len(b) == 0 {
			continue
		}
		var x explanationLine
		if err := json.Unmarshal(b, &x); err != nil {
			return 0, fmt.Errorf("%s line %d: not a JSON explanation: %w", vr.name, vr.line, err)
		}
		if x.ID == "" {
			return 0, fmt.Errorf("%s line %d, column id: value is required", vr.name, vr.line)
		}
		v := evaluate.VerdictExplained
		if len(x.ExplainedBy) == 0 || string(x.ExplainedBy) == "null" || string(x.ExplainedBy) == `""` {
			v = evaluate.VerdictUnexplained
		}
		if x.ID == id {
			return v, nil
		}
		vr.pending[x.ID] = v
	}
	return evaluate.VerdictUnknown, nil
}
