package e2e_test

import (
	"context"
	"fmt"
	"io"

	"lekradar"
	"lekradar/detect"
	"lekradar/sqlstore"
	"lekradar/synth"
)

// scanWorld generates the small synthetic world of `lekradar demo --serve`
// (300 employees, 30,000 persons, a week), scans it with the default
// policy and stores the look-ups and alerts, as cmd/lekradar's
// scanDemoWorld does; a command's package cannot be imported.
func scanWorld(ctx context.Context, store *sqlstore.Store, seed uint64) (sqlstore.ScanCounts, error) {
	cfg := synth.DefaultConfig()
	cfg.Employees, cfg.Persons, cfg.Days, cfg.Seed = 300, 30_000, 7, seed
	b := detect.NewBuilder(detect.SizeHint{Persons: int(cfg.Persons)})
	events := &eventList{}
	if _, err := synth.Generate(ctx, cfg, builderSink{b}, events, discardTruth{}); err != nil {
		return sqlstore.ScanCounts{}, fmt.Errorf("generate world: %w", err)
	}
	sw, err := store.NewScanWriter(ctx)
	if err != nil {
		return sqlstore.ScanCounts{}, err
	}
	en := detect.NewEngine(b.Build(), detect.DefaultPolicy(), detect.Output{Explanation: sw.Explanation, Alert: sw.WriteAlert})
	runErr := en.Run(ctx, &eventSlice{events: events.list, stage: sw.Stage}, &detect.Progress{})
	if err := sw.Close(); err != nil && runErr == nil {
		runErr = err
	}
	return sw.Counts(), runErr
}

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

type eventList struct{ list []lekradar.LookupEvent }

func (l *eventList) Write(ev *lekradar.LookupEvent) error {
	l.list = append(l.list, *ev)
	return nil
}

type discardTruth struct{}

func (discardTruth) WriteTruth(eventID, incidentID, scenario string) error { return nil }

type eventSlice struct {
	events []lekradar.LookupEvent
	next   int
	stage  func(lekradar.LookupEvent)
}

func (s *eventSlice) Next(ctx context.Context, ev *detect.Event) error {
	if s.next >= len(s.events) {
		return io.EOF
	}
	e := s.events[s.next]
	s.next++
	*ev = detect.Event{ID: []byte(e.ID), TS: e.TS.UnixNano(), EmployeeID: []byte(e.EmployeeID),
		System: []byte(e.System), Action: detect.ParseAction([]byte(e.Action)),
		PersonID: []byte(e.PersonID), CaseID: []byte(e.CaseID)}
	s.stage(e)
	return nil
}
