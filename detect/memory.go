package detect

import (
	"context"
	"io"

	"lekradar"
)

// RowSink feeds context rows straight into a Builder, for worlds made in
// memory (the demo, tests) that need no round trip through CSV files. Its
// methods match the row writers of the interchange and synth packages.
type RowSink struct{ B *Builder }

func (s RowSink) WriteUnit(u lekradar.Unit) error              { s.B.AddUnit(&u); return nil }
func (s RowSink) WriteTeam(t lekradar.Team) error              { s.B.AddTeam(&t); return nil }
func (s RowSink) WriteEmployee(e lekradar.Employee) error      { s.B.AddEmployee(&e); return nil }
func (s RowSink) WritePerson(p lekradar.Person) error          { s.B.AddPerson(&p); return nil }
func (s RowSink) WriteRelation(r lekradar.Relation) error      { s.B.AddRelation(&r); return nil }
func (s RowSink) WriteCase(c lekradar.Case) error              { s.B.AddCase(&c); return nil }
func (s RowSink) WriteCasePerson(cp lekradar.CasePerson) error { s.B.AddCasePerson(&cp); return nil }
func (s RowSink) WriteCaseStaff(cs lekradar.CaseStaff) error   { s.B.AddCaseStaff(&cs); return nil }
func (s RowSink) WriteShift(sh lekradar.Shift) error           { s.B.AddShift(&sh); return nil }

// LookupSource hands events held in memory to the engine. OnEvent, when
// set, sees each event as it is handed over (a store stages it there until
// the engine has explained it).
type LookupSource struct {
	Events  []lekradar.LookupEvent
	OnEvent func(lekradar.LookupEvent)
	next    int
}

// Next implements Source.
func (s *LookupSource) Next(ctx context.Context, ev *Event) error {
	if s.next >= len(s.Events) {
		return io.EOF
	}
	if s.next&4095 == 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	e := s.Events[s.next]
	s.next++
	*ev = Event{ID: []byte(e.ID), TS: e.TS.UnixNano(), EmployeeID: []byte(e.EmployeeID),
		System: []byte(e.System), Action: ParseAction([]byte(e.Action)),
		PersonID: []byte(e.PersonID), CaseID: []byte(e.CaseID)}
	if s.OnEvent != nil {
		s.OnEvent(e)
	}
	return nil
}
