// Package evaluate measures detection against the ground truth of a
// synthetic world: alert precision, recall overall and per scenario,
// employee-level precision, false alerts per 1,000 employees per day, and
// how well the engine's explanations agree with an independent oracle.
//
// The oracle decides which look-ups the police's own records explain. It is
// deliberately plain (maps and linear scans over short lists) and shares no
// code with the detection engine, so that the engine is checked against a
// definition rather than against itself. docs/synthetic-worlds.md states
// the definition.
package evaluate

import (
	"slices"
	"time"

	"lekradar"
)

// IncidentMargin is how far from an incident's opening time a look-up by an
// on-shift employee of the incident's unit is still explained by it; it is
// also the margin around a case's open period for team cases.
const IncidentMargin = 4 * time.Hour

// Explanation names, as the oracle reports them. They match the names of
// SPEC §5 that the oracle covers.
const (
	ExplGivenCase       = "given_case"
	ExplAssignedCase    = "assigned_case"
	ExplTeamCase        = "team_case"
	ExplIncidentOnShift = "unit_incident_on_shift"
)

// OracleExplanations lists the names in the order the oracle tries them.
var OracleExplanations = []string{ExplGivenCase, ExplAssignedCase, ExplTeamCase, ExplIncidentOnShift}

type oracleCase struct {
	kind          string
	unit, team    string
	opened        time.Time
	openedHasTime bool
	closed        time.Time // zero: open
	closedHasTime bool
}

type assignment struct {
	caseID   string
	from, to time.Time // dates; zero to: still assigned
}

type period struct{ start, end time.Time }

// Oracle decides whether the records explain a look-up. Feed it the
// context with the Add methods, then call Explain.
type Oracle struct {
	empUnit     map[string]string
	empTeam     map[string]string
	cases       map[string]*oracleCase
	personCases map[string][]string        // person -> cases they are in
	casePersons map[string]map[string]bool // case -> persons
	staff       map[string][]assignment    // employee -> assignments
	shifts      map[string][]period        // employee -> shifts
}

// NewOracle returns an empty oracle.
func NewOracle() *Oracle {
	return &Oracle{
		empUnit:     map[string]string{},
		empTeam:     map[string]string{},
		cases:       map[string]*oracleCase{},
		personCases: map[string][]string{},
		casePersons: map[string]map[string]bool{},
		staff:       map[string][]assignment{},
		shifts:      map[string][]period{},
	}
}

// AddEmployee records an employee's unit and team.
func (o *Oracle) AddEmployee(e lekradar.Employee) {
	o.empUnit[e.ID] = e.UnitID
	o.empTeam[e.ID] = e.TeamID
}

// AddCase records a case.
func (o *Oracle) AddCase(c lekradar.Case) {
	o.cases[c.ID] = &oracleCase{kind: c.Kind, unit: c.UnitID, team: c.TeamID,
		opened: c.Opened, openedHasTime: c.OpenedHasTime, closed: c.Closed, closedHasTime: c.ClosedHasTime}
}

// AddCasePerson records that a person has a role in a case.
func (o *Oracle) AddCasePerson(cp lekradar.CasePerson) {
	m := o.casePersons[cp.CaseID]
	if m == nil {
		m = map[string]bool{}
		o.casePersons[cp.CaseID] = m
	}
	if !m[cp.PersonID] {
		m[cp.PersonID] = true
		o.personCases[cp.PersonID] = append(o.personCases[cp.PersonID], cp.CaseID)
	}
}

// AddCaseStaff records an assignment.
func (o *Oracle) AddCaseStaff(s lekradar.CaseStaff) {
	o.staff[s.EmployeeID] = append(o.staff[s.EmployeeID], assignment{caseID: s.CaseID, from: s.From, to: s.To})
}

// AddShift records a shift.
func (o *Oracle) AddShift(s lekradar.Shift) {
	o.shifts[s.EmployeeID] = append(o.shifts[s.EmployeeID], period{s.Start, s.End})
}

// dayOf returns midnight UTC of t's date.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// onDates reports whether t falls on a date from from to to, inclusive
// (zero to: no end).
func onDates(t, from, to time.Time) bool {
	d := dayOf(t)
	if d.Before(dayOf(from)) {
		return false
	}
	return to.IsZero() || !d.After(dayOf(to))
}

// openAround reports whether the case is open at t, with the margin around
// its open period; a date without a time covers the whole day.
func (c *oracleCase) openAround(t time.Time) bool {
	from := c.opened
	if !c.openedHasTime {
		from = dayOf(from)
	}
	if t.Before(from.Add(-IncidentMargin)) {
		return false
	}
	if c.closed.IsZero() {
		return true
	}
	to := c.closed
	if !c.closedHasTime {
		to = dayOf(to).Add(24 * time.Hour)
	}
	return !t.After(to.Add(IncidentMargin))
}

// onShift reports whether a shift of the employee covers t (no margin).
func (o *Oracle) onShift(emp string, t time.Time) bool {
	for _, p := range o.shifts[emp] {
		if !t.Before(p.start) && !t.After(p.end) {
			return true
		}
	}
	return false
}

// Explain returns the name of the first explanation the records give for
// the look-up, or "" when none does:
//
//   - given_case: the look-up quotes a case number and the person is in
//     that case;
//   - assigned_case: the employee is assigned (case_staff) on the date of
//     the look-up to a case the person is in;
//   - team_case: a case the person is in belongs to the employee's team and
//     is open at the time of the look-up (± IncidentMargin);
//   - unit_incident_on_shift: the person is in an incident of the
//     employee's unit opened within IncidentMargin of the look-up, and a
//     shift of the employee covers the look-up.
func (o *Oracle) Explain(ev *lekradar.LookupEvent) string {
	if ev.CaseID != "" && o.casePersons[ev.CaseID][ev.PersonID] {
		return ExplGivenCase
	}
	cases := o.personCases[ev.PersonID]
	if len(cases) == 0 {
		return ""
	}
	for _, a := range o.staff[ev.EmployeeID] {
		if slices.Contains(cases, a.caseID) && onDates(ev.TS, a.from, a.to) {
			return ExplAssignedCase
		}
	}
	team := o.empTeam[ev.EmployeeID]
	for _, id := range cases {
		if c := o.cases[id]; c != nil && team != "" && c.team == team && c.openAround(ev.TS) {
			return ExplTeamCase
		}
	}
	unit := o.empUnit[ev.EmployeeID]
	for _, id := range cases {
		c := o.cases[id]
		if c == nil || c.kind != lekradar.CaseIncident || unit == "" || c.unit != unit {
			continue
		}
		d := ev.TS.Sub(c.opened)
		if d < -IncidentMargin || d > IncidentMargin {
			continue
		}
		if o.onShift(ev.EmployeeID, ev.TS) {
			return ExplIncidentOnShift
		}
	}
	return ""
}
