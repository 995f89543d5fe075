package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"lekradar"
	"lekradar/detect"
	"lekradar/sqlstore"
	"lekradar/synth"
)

// demoWorldConfig is the synthetic world that `lekradar demo --serve`
// scans so that the alert inbox and log search have something to show:
// small enough to generate, scan and store in seconds.
func demoWorldConfig(seed uint64) synth.Config {
	cfg := synth.DefaultConfig()
	cfg.Employees = 300
	cfg.Persons = 30_000
	cfg.Days = 7
	cfg.Seed = seed
	return cfg
}

// demoWorldResult is what scanDemoWorld made.
type demoWorldResult struct {
	World  *synth.Stats
	Scan   detect.Stats
	Stored sqlstore.ScanCounts
	Took   time.Duration
}

// scanDemoWorld generates a synthetic world in memory, runs the detection
// engine over its look-up log with the default policy and stores every
// look-up with its explanation, and the alerts, through the store's scan
// writer. ctx must carry an actor allowed to write look-ups (the command
// line's system actor).
func scanDemoWorld(ctx context.Context, store *sqlstore.Store, cfg synth.Config) (*demoWorldResult, error) {
	began := time.Now()
	b := detect.NewBuilder(detect.SizeHint{Persons: int(cfg.Persons)})
	events := &eventList{}
	world, err := synth.Generate(ctx, cfg, builderSink{b}, events, discardTruth{})
	if err != nil {
		return nil, fmt.Errorf("generate world: %w", err)
	}
	sw, err := store.NewScanWriter(ctx)
	if err != nil {
		return nil, fmt.Errorf("store scan: %w", err)
	}
	en := detect.NewEngine(b.Build(), detect.DefaultPolicy(), detect.Output{
		Explanation: sw.Explanation,
		Alert:       sw.WriteAlert,
	})
	src := &eventSlice{events: events.list, stage: sw.Stage}
	runErr := en.Run(ctx, src, &detect.Progress{})
	if err := sw.Close(); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return nil, fmt.Errorf("scan world: %w", runErr)
	}
	return &demoWorldResult{World: world, Scan: en.Stats, Stored: sw.Counts(), Took: time.Since(began)}, nil
}

// writeDemoWorldSummary prints what the world holds and what the scan found.
func writeDemoWorldSummary(out io.Writer, cfg synth.Config, r *demoWorldResult) {
	w := r.World
	alerts := r.Scan.Alerts[lekradar.SeverityHigh] + r.Scan.Alerts[lekradar.SeverityMedium] + r.Scan.Alerts[lekradar.SeverityLow]
	fmt.Fprintf(out, "Synthetic world (seed %d): %d employees, %d persons, %d cases, %d look-ups over %d days from %s (%d improper)\n",
		cfg.Seed, w.Employees, w.Persons, w.Cases, w.Events, cfg.Days, cfg.Start.Format(time.DateOnly), w.ImproperEvents)
	fmt.Fprintf(out, "Scanned and stored in %.1fs: %d look-ups, %d alerts (high %d, medium %d, low %d)\n",
		r.Took.Seconds(), r.Stored.Lookups, alerts,
		r.Scan.Alerts[lekradar.SeverityHigh], r.Scan.Alerts[lekradar.SeverityMedium], r.Scan.Alerts[lekradar.SeverityLow])
}

// builderSink feeds the world's context rows straight into the detection
// index, without the round trip through CSV files.
type builderSink struct{ b *detect.Builder }

func (s builderSink) WriteUnit(u lekradar.Unit) error         { s.b.AddUnit(&u); return nil }
func (s builderSink) WriteTeam(t lekradar.Team) error         { s.b.AddTeam(&t); return nil }
func (s builderSink) WriteEmployee(e lekradar.Employee) error { s.b.AddEmployee(&e); return nil }
func (s builderSink) WritePerson(p lekradar.Person) error     { s.b.AddPerson(&p); return nil }
func (s builderSink) WriteRelation(r lekradar.Relation) error { s.b.AddRelation(&r); return nil }
func (s builderSink) WriteCase(c lekradar.Case) error         { s.b.AddCase(&c); return nil }
func (s builderSink) WriteCasePerson(cp lekradar.CasePerson) error {
	s.b.AddCasePerson(&cp)
	return nil
}
func (s builderSink) WriteCaseStaff(cs lekradar.CaseStaff) error { s.b.AddCaseStaff(&cs); return nil }
func (s builderSink) WriteShift(sh lekradar.Shift) error         { s.b.AddShift(&sh); return nil }

// eventList keeps the world's look-ups in memory: a demo world's week is
// small, and the index must be complete before the engine starts.
type eventList struct{ list []lekradar.LookupEvent }

func (l *eventList) Write(ev *lekradar.LookupEvent) error {
	l.list = append(l.list, *ev)
	return nil
}

// discardTruth drops the ground truth: the world's Stats count it, and the
// workbench has no use for it.
type discardTruth struct{}

func (discardTruth) WriteTruth(eventID, incidentID, scenario string) error { return nil }

// eventSlice hands stored events to the engine, staging each with the
// scan writer, which stores it when the engine explains it.
type eventSlice struct {
	events []lekradar.LookupEvent
	next   int
	stage  func(lekradar.LookupEvent)
}

func (s *eventSlice) Next(ctx context.Context, ev *detect.Event) error {
	if s.next >= len(s.events) {
		return io.EOF
	}
	if s.next&4095 == 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	e := s.events[s.next]
	s.next++
	*ev = detect.Event{ID: []byte(e.ID), TS: e.TS.UnixNano(), EmployeeID: []byte(e.EmployeeID),
		System: []byte(e.System), Action: detect.ParseAction([]byte(e.Action)),
		PersonID: []byte(e.PersonID), CaseID: []byte(e.CaseID)}
	s.stage(e)
	return nil
}
