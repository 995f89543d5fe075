package detect_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"lekradar"
	"lekradar/detect"
)

// base is a Monday; shifts and cases are placed around it.
var base = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

func at(day int, hhmm string) time.Time {
	d, err := time.Parse("15:04", hhmm)
	if err != nil {
		panic(err)
	}
	return base.AddDate(0, 0, day).Add(time.Duration(d.Hour())*time.Hour + time.Duration(d.Minute())*time.Minute)
}

func date(day int) time.Time { return base.AddDate(0, 0, day) }

// tinyWorld is a hand-built context with one fixture per behaviour.
type tinyWorld struct {
	units      []lekradar.Unit
	teams      []lekradar.Team
	employees  []lekradar.Employee
	persons    []lekradar.Person
	relations  []lekradar.Relation
	cases      []lekradar.Case
	casePeople []lekradar.CasePerson
	staff      []lekradar.CaseStaff
	shifts     []lekradar.Shift
}

func newTinyWorld() *tinyWorld {
	w := &tinyWorld{}
	w.units = []lekradar.Unit{{ID: "U1"}, {ID: "U2"}, {ID: "U3"}}
	w.teams = []lekradar.Team{
		{ID: "T1", UnitID: "U1", Kind: "basisteam"},
		{ID: "T2", UnitID: "U1", Kind: "recherche"},
		{ID: "TM", UnitID: "U1", Kind: "meldkamer"},
		{ID: "TM2", UnitID: "U1", Kind: "meldkamer"},
		{ID: "TM3", UnitID: "U1", Kind: "meldkamer"},
		{ID: "T3", UnitID: "U2", Kind: "noodhulp"},
		{ID: "TA", UnitID: "U1", Kind: "informatie_analyse"},
		{ID: "T4", UnitID: "U2", Kind: "noodhulp"},
		{ID: "T5", UnitID: "U2", Kind: "noodhulp"},
		{ID: "TA3", UnitID: "U3", Kind: "informatie_analyse"},
		{ID: "TS", UnitID: "U3", Kind: "Specialistisch"},
		{ID: "TI", UnitID: "U3", Kind: "intake_service"},
	}
	w.employees = []lekradar.Employee{
		{ID: "E1", PersonID: "PE1", Surname: "Bakker", UnitID: "U1", TeamID: "T1", Rank: "hoofdagent", Function: "noodhulp"},
		{ID: "E2", PersonID: "PE2", Surname: "Zwartkruis", UnitID: "U1", TeamID: "T2", Rank: "brigadier", Function: "rechercheur"},
		{ID: "E3", PersonID: "PE3", Surname: "Visser", UnitID: "U1", TeamID: "TM", Rank: "agent", Function: "meldkamer"},
		{ID: "E4", Surname: "Quistenberg", UnitID: "U2", TeamID: "T3", Rank: "agent", Function: "noodhulp"},
		{ID: "E6", PersonID: "PE6", Surname: "de Jong", UnitID: "U2", TeamID: "T3", Rank: "agent", Function: "noodhulp"},
		{ID: "E7", Surname: "Analyse", UnitID: "U1", TeamID: "TA", Function: "analist"}, // no roster: counts as on shift
	}
	for i := 20; i < 30; i++ { // control-room staff of three teams without a roster, a peer group
		team := []string{"TM", "TM2", "TM3"}[i%3]
		w.employees = append(w.employees, lekradar.Employee{ID: fmt.Sprintf("E%d", i), Surname: "Dekker", UnitID: "U1", TeamID: team, Function: "meldkamer"})
	}
	for i := 10; i < 20; i++ { // ordinary colleagues of three teams, for the news hype
		team := []string{"T3", "T4", "T5"}[i%3]
		w.employees = append(w.employees, lekradar.Employee{ID: fmt.Sprintf("E%d", i), Surname: "Mulder", UnitID: "U2", TeamID: team, Function: "noodhulp"})
	}
	for i := 40; i < 50; i++ { // information analysts without a roster, a peer group
		w.employees = append(w.employees, lekradar.Employee{ID: fmt.Sprintf("E%d", i), Surname: "Lijst", UnitID: "U3", TeamID: "TA3", Function: "analist"})
	}
	w.employees = append(w.employees, lekradar.Employee{ID: "E50", Surname: "Observant", UnitID: "U3", TeamID: "TS", Function: "observant"})
	for i := 60; i <= 80; i++ { // an intake desk of 21 without a roster, a peer group of its own
		w.employees = append(w.employees, lekradar.Employee{ID: fmt.Sprintf("E%d", i), Surname: "Balie", UnitID: "U3", TeamID: "TI", Function: "intake"})
	}
	// E52 is employed by U2 and works in U1's control room (a control
	// room shared by two forces)
	w.employees = append(w.employees, lekradar.Employee{ID: "E52", Surname: "Gedeeld", UnitID: "U2", TeamID: "TM", Function: "meldkamer"})
	// E51 moved from the detectives of C1 (T2) to patrol (T1): two rows
	w.employees = append(w.employees,
		lekradar.Employee{ID: "E51", Surname: "Verhuisd", UnitID: "U1", TeamID: "T2", Function: "rechercheur"},
		lekradar.Employee{ID: "E51", Surname: "Verhuisd", UnitID: "U1", TeamID: "T1", Function: "noodhulp"})
	// E54 moved the same way, and the export gives the new state twice
	w.employees = append(w.employees,
		lekradar.Employee{ID: "E54", Surname: "Verhuisd", UnitID: "U1", TeamID: "T2", Function: "rechercheur"},
		lekradar.Employee{ID: "E54", Surname: "Verhuisd", UnitID: "U1", TeamID: "T1", Function: "noodhulp"},
		lekradar.Employee{ID: "E54", Surname: "Verhuisd", UnitID: "U1", TeamID: "T1", Function: "noodhulp"})
	// the integrity office: E90 and E91 in team T-VIK, E91's own record PE91
	w.teams = append(w.teams, lekradar.Team{ID: "T-VIK", UnitID: "U3", Kind: "staf"})
	w.employees = append(w.employees,
		lekradar.Employee{ID: "E90", Surname: "Toezicht", UnitID: "U3", TeamID: "T-VIK", Function: "VIK-onderzoeker"},
		lekradar.Employee{ID: "E91", PersonID: "PE91", Surname: "Klacht", UnitID: "U3", TeamID: "T-VIK", Function: "integriteit"})
	w.persons = append(w.persons, lekradar.Person{ID: "PE91", Surname: "Klacht", BirthYear: 1977, Postcode: "1600AA", HouseNumber: "1"})
	for i := 30; i < 36; i++ { // one team working the same case
		w.employees = append(w.employees, lekradar.Employee{ID: fmt.Sprintf("E%d", i), Surname: "Smits", UnitID: "U2", TeamID: "T4", Function: "noodhulp"})
	}
	w.persons = []lekradar.Person{
		{ID: "PE1", Surname: "Bakker", BirthYear: 1980, Postcode: "1234AB", HouseNumber: "10"},
		{ID: "PE2", Surname: "Zwartkruis", BirthYear: 1975, Postcode: "5678CD", HouseNumber: "1"},
		{ID: "PE3", Surname: "Visser", BirthYear: 1990, Postcode: "9999ZZ", HouseNumber: "3"},
		{ID: "PE6", Surname: "de Jong", BirthYear: 1985, Postcode: "4444EE", HouseNumber: "4"},
		{ID: "PP", Surname: "Smit", BirthYear: 1982, Postcode: "1234AB", HouseNumber: "10"},   // partner of E1, same address
		{ID: "PX", Surname: "Kok", BirthYear: 1979, Postcode: "3000AA", HouseNumber: "7"},     // ex-partner of E1
		{ID: "PN", Surname: "Meijer", BirthYear: 1960, Postcode: "1234AB", HouseNumber: "12"}, // neighbour of E1
		{ID: "PZ", Surname: "Zwartkruis", BirthYear: 1948, Postcode: "7000XX", HouseNumber: "2"},
		{ID: "PQ", Surname: "Quistenberg", BirthYear: 1970, Postcode: "7100XX", HouseNumber: "2"},
		{ID: "PV", Surname: "Star", BirthYear: 1995, Postcode: "1000AA", HouseNumber: "1", Flags: []string{lekradar.FlagVIP}},
		{ID: "PS", Surname: "Hidden", BirthYear: 1970, Postcode: "1000AB", HouseNumber: "1", Flags: []string{lekradar.FlagShielded}},
		{ID: "PI", Surname: "Target", BirthYear: 1988, Postcode: "1000AC", HouseNumber: "1"},
		{ID: "PK", Surname: "Suspect", BirthYear: 1991, Postcode: "1000AD", HouseNumber: "1"},
		{ID: "PO", Surname: "Bekende", BirthYear: 1989, Postcode: "1000AG", HouseNumber: "1"},   // in CI and two old incidents
		{ID: "PO1", Surname: "Eenmalig", BirthYear: 1987, Postcode: "1000AH", HouseNumber: "1"}, // in CI and one old incident
		{ID: "PF", Surname: "Voorbereid", BirthYear: 1993, Postcode: "1000AE", HouseNumber: "1"},
		{ID: "PH", Surname: "Huisgenoot", BirthYear: 1990, Postcode: "2001QQ", HouseNumber: "5"}, // lives with P1 (case C1)
		{ID: "PR1", Surname: "Melder", BirthYear: 1970, Postcode: "3100AA", HouseNumber: "1"},
		{ID: "PR1H", Surname: "Melder-Huis", BirthYear: 1975, Postcode: "3100 aa", HouseNumber: "1"}, // lives with PR1 (case CR)
		{ID: "PR2", Surname: "Getuige", BirthYear: 1972, Postcode: "3100AB", HouseNumber: "2"},
	}
	for i := 0; i < 300; i++ {
		surname := fmt.Sprintf("Name%03d", i%150)
		if i < 40 {
			surname = "de Jong"
		}
		w.persons = append(w.persons, lekradar.Person{ID: fmt.Sprintf("P%d", i), Surname: surname, BirthYear: 1950 + i%50,
			Postcode: fmt.Sprintf("%04dQQ", 2000+i), HouseNumber: "5"})
	}
	w.relations = []lekradar.Relation{
		{PersonID: "PE1", RelatedPersonID: "PP", Kind: "partner"},
		{PersonID: "PX", RelatedPersonID: "PE1", Kind: "ex_partner"}, // the other direction
	}
	w.cases = []lekradar.Case{
		{ID: "C1", Kind: "investigation", UnitID: "U1", TeamID: "T2", Opened: date(-30)},
		{ID: "C2", Kind: "incident", UnitID: "U1", TeamID: "T1", Opened: at(0, "09:00"), OpenedHasTime: true, Closed: date(1)},
		{ID: "C3", Kind: "intake", UnitID: "U1", Opened: at(0, "08:00"), OpenedHasTime: true},
		{ID: "C4", Kind: "incident", UnitID: "U1", Opened: at(2, "23:30"), OpenedHasTime: true, Closed: date(4)},
		{ID: "C5", Kind: "incident", UnitID: "U1", TeamID: "T1", Opened: at(0, "10:00"), OpenedHasTime: true, Closed: date(0)},
		{ID: "CI", Kind: "investigation", UnitID: "U2", TeamID: "T3", Opened: date(-60), Sensitive: true},
		{ID: "C6", Kind: "incident", UnitID: "U1", TeamID: "T1", Opened: at(1, "09:00"), OpenedHasTime: true, Closed: date(2)},
		{ID: "CK", Kind: "investigation", UnitID: "U1", TeamID: "T2", Opened: date(-20), Sensitive: true},
		{ID: "CF", Kind: "investigation", UnitID: "U2", TeamID: "T5", Opened: date(10)},                                        // formally opened later
		{ID: "CR", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: at(0, "08:00"), OpenedHasTime: true, Closed: date(0)}, // closed the same day
		{ID: "CM", Kind: "intake", UnitID: "U3", Opened: at(1, "09:00"), OpenedHasTime: true, Closed: date(2)},                 // five persons at the desk
		{ID: "CO1", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: date(-200), Closed: date(-199)},                      // a known offender's past
		{ID: "CO2", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: date(-90), Closed: date(-89)},
	}
	w.casePeople = []lekradar.CasePerson{
		{CaseID: "C1", PersonID: "P1"}, {CaseID: "C2", PersonID: "P2"}, {CaseID: "C2", PersonID: "PP"},
		{CaseID: "C3", PersonID: "P3"}, {CaseID: "C4", PersonID: "P4"}, {CaseID: "C5", PersonID: "P9"},
		{CaseID: "CI", PersonID: "PI"}, {CaseID: "C6", PersonID: "P10"}, {CaseID: "CK", PersonID: "PK"},
		{CaseID: "CF", PersonID: "PF"},
		{CaseID: "CI", PersonID: "PO"}, {CaseID: "CO1", PersonID: "PO"}, {CaseID: "CO2", PersonID: "PO"},
		{CaseID: "CI", PersonID: "PO1"}, {CaseID: "CO1", PersonID: "PO1"},
		{CaseID: "CR", PersonID: "PR1"}, {CaseID: "CR", PersonID: "PR2"},
	}
	// a riot in U2 (a vip among the arrested) and a sensitive incident,
	// three persons each (incident_work)
	w.cases = append(w.cases,
		lekradar.Case{ID: "CW", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: at(5, "11:00"), OpenedHasTime: true, Closed: at(5, "13:00"), ClosedHasTime: true},
		lekradar.Case{ID: "CWS", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: at(5, "11:00"), OpenedHasTime: true, Sensitive: true})
	w.persons = append(w.persons, lekradar.Person{ID: "PWV", Surname: "Spits", BirthYear: 1996, Postcode: "1100AA", HouseNumber: "1", Flags: []string{lekradar.FlagVIP}})
	w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: "CW", PersonID: "PWV"})
	for i := 1; i <= 3; i++ {
		for _, c := range []string{"CW", "CWS"} {
			id := fmt.Sprintf("P%s%d", c, i)
			w.persons = append(w.persons, lekradar.Person{ID: id, Surname: "Supporter", BirthYear: 1990 + i, Postcode: "1100AB", HouseNumber: id})
			w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: c, PersonID: id})
		}
	}
	// a joint sensitive investigation registered without a team: E2 of T2
	// is on its staff, E55 of T2 is not (a missing row); and an incident
	// whose opening is given as a date only
	w.employees = append(w.employees, lekradar.Employee{ID: "E55", Surname: "Gezamenlijk", UnitID: "U1", TeamID: "T2", Function: "rechercheur"})
	w.cases = append(w.cases,
		lekradar.Case{ID: "CJ", Kind: "investigation", UnitID: "U1", Opened: date(-30), Sensitive: true},
		lekradar.Case{ID: "CD", Kind: "incident", UnitID: "U1", Opened: date(3), Closed: date(3)})
	w.persons = append(w.persons,
		lekradar.Person{ID: "PJ", Surname: "Verdacht", BirthYear: 1980, Postcode: "1200AA", HouseNumber: "1"},
		lekradar.Person{ID: "PD", Surname: "Betrokken", BirthYear: 1985, Postcode: "1200AA", HouseNumber: "2"})
	w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: "CJ", PersonID: "PJ"}, lekradar.CasePerson{CaseID: "CD", PersonID: "PD"})
	// fresh incidents of U1, one caller each, for a control-room operator
	// whose roster row for the day is lost: ten on day 2, one on day 3
	for i := 1; i <= 11; i++ {
		id, c, day := fmt.Sprintf("PB%d", i), fmt.Sprintf("CB%d", i), 2
		if i == 11 {
			day = 3
		}
		w.cases = append(w.cases, lekradar.Case{ID: c, Kind: "incident", UnitID: "U1", Opened: at(day, "13:50"), OpenedHasTime: true, Closed: date(day)})
		w.persons = append(w.persons, lekradar.Person{ID: id, Surname: "Beller", BirthYear: 1960 + i, Postcode: "1300AA", HouseNumber: strconv.Itoa(i)})
		w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: c, PersonID: id})
	}
	// an incident whose three persons are also subjects of the sensitive
	// investigation CI (the raid before the arrests)
	w.cases = append(w.cases, lekradar.Case{ID: "CX", Kind: "incident", UnitID: "U2", TeamID: "T5", Opened: at(5, "06:00"), OpenedHasTime: true, Closed: date(5)})
	for i := 1; i <= 3; i++ {
		id := fmt.Sprintf("PX%d", i)
		w.persons = append(w.persons, lekradar.Person{ID: id, Surname: "Inval", BirthYear: 1980 + i, Postcode: "1400AA", HouseNumber: strconv.Itoa(i)})
		w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: "CX", PersonID: id}, lekradar.CasePerson{CaseID: "CI", PersonID: id})
	}
	// a night incident of U2 whose suspect fled (the next shifts of U2's
	// teams look him up), and one of U1 (for U2 it is news)
	w.cases = append(w.cases,
		lekradar.Case{ID: "CN", Kind: "incident", UnitID: "U2", Opened: at(3, "02:00"), OpenedHasTime: true, Closed: date(3)},
		lekradar.Case{ID: "CN1", Kind: "incident", UnitID: "U1", Opened: at(3, "02:00"), OpenedHasTime: true, Closed: date(3)})
	w.persons = append(w.persons,
		lekradar.Person{ID: "PFLED", Surname: "Vluchter", BirthYear: 1990, Postcode: "1500AA", HouseNumber: "1"},
		lekradar.Person{ID: "PFLED1", Surname: "Vluchter", BirthYear: 1991, Postcode: "1500AA", HouseNumber: "2"})
	w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: "CN", PersonID: "PFLED"}, lekradar.CasePerson{CaseID: "CN1", PersonID: "PFLED1"})
	// ten days ago, U1's incidents: eight suspects and a public figure
	// (an analyst's list of last month's cases)
	for i := 1; i <= 9; i++ {
		id, c := fmt.Sprintf("PA%d", i), fmt.Sprintf("CA%d", i)
		p := lekradar.Person{ID: id, Surname: "Fenomeen", BirthYear: 1970 + i, Postcode: "1500AA", HouseNumber: strconv.Itoa(i)}
		if i == 9 {
			p.Flags = []string{lekradar.FlagVIP}
		}
		w.cases = append(w.cases, lekradar.Case{ID: c, Kind: "incident", UnitID: "U1", TeamID: "T1", Opened: date(-10), Closed: date(-9)})
		w.persons = append(w.persons, p)
		w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: c, PersonID: id})
	}
	// two streets: twelve residents of postcode 3500KV and twelve of
	// 3500KW (a canvass)
	for i := 920; i < 932; i++ {
		w.persons = append(w.persons,
			lekradar.Person{ID: fmt.Sprintf("P%d", i), Surname: fmt.Sprintf("Straat%d", i), BirthYear: 1960 + i%30, Postcode: "3500KV", HouseNumber: strconv.Itoa(i - 919)},
			lekradar.Person{ID: fmt.Sprintf("P%d", i+20), Surname: fmt.Sprintf("Steeg%d", i), BirthYear: 1960 + i%30, Postcode: "3500KW", HouseNumber: strconv.Itoa(i - 919)})
	}
	for i := 710; i < 715; i++ {
		w.persons = append(w.persons, lekradar.Person{ID: fmt.Sprintf("P%d", i), Surname: "Melder", BirthYear: 1970, Postcode: "1000AA", HouseNumber: strconv.Itoa(i)})
		w.casePeople = append(w.casePeople, lekradar.CasePerson{CaseID: "CM", PersonID: fmt.Sprintf("P%d", i)})
	}
	w.staff = []lekradar.CaseStaff{{CaseID: "C1", EmployeeID: "E2", From: date(-30)},
		{CaseID: "CR", EmployeeID: "E6", From: date(0), To: date(8)}, // the reporting officer's follow-up
		{CaseID: "CR", EmployeeID: "E4", From: date(0)},              // never taken off the case
		{CaseID: "CJ", EmployeeID: "E2", From: date(-30)}}
	for d := -10; d < 40; d++ {
		w.shifts = append(w.shifts,
			lekradar.Shift{EmployeeID: "E1", Start: at(d, "07:00"), End: at(d, "15:00")},
			lekradar.Shift{EmployeeID: "E3", Start: at(d, "22:00"), End: at(d+1, "06:00")}, // night shift across midnight
			lekradar.Shift{EmployeeID: "E52", Start: at(d, "22:00"), End: at(d+1, "06:00")},
		)
	}
	return w
}

func (w *tinyWorld) index() *detect.Index {
	b := detect.NewBuilder(detect.SizeHint{})
	for i := range w.units {
		b.AddUnit(&w.units[i])
	}
	for i := range w.teams {
		b.AddTeam(&w.teams[i])
	}
	for i := range w.employees {
		b.AddEmployee(&w.employees[i])
	}
	for i := range w.persons {
		b.AddPerson(&w.persons[i])
	}
	for i := range w.relations {
		b.AddRelation(&w.relations[i])
	}
	for i := range w.cases {
		b.AddCase(&w.cases[i])
	}
	for i := range w.casePeople {
		b.AddCasePerson(&w.casePeople[i])
	}
	for i := range w.staff {
		b.AddCaseStaff(&w.staff[i])
	}
	for i := range w.shifts {
		b.AddShift(&w.shifts[i])
	}
	return b.Build()
}

// ev builds an event; action defaults to query.
type ev struct {
	id, emp, person, action, caseID string
	ts                              time.Time
}

// result is what a scan produced, by event id and by (employee, person).
type result struct {
	explainedBy map[string]string
	signals     map[string][]string
	alerts      []lekradar.Alert
	stats       detect.Stats
}

// withSignal counts the events among ids that got signal sig.
func (r *result) withSignal(ids []string, sig string) int {
	n := 0
	for _, id := range ids {
		if slices.Contains(r.signals[id], sig) {
			n++
		}
	}
	return n
}

func (r *result) alertFor(emp, person string) *lekradar.Alert {
	for i := range r.alerts {
		if r.alerts[i].EmployeeID == emp && r.alerts[i].PersonID == person {
			return &r.alerts[i]
		}
	}
	return nil
}

func scan(t testing.TB, ix *detect.Index, pol *detect.Policy, evs []ev) *result {
	t.Helper()
	res := &result{explainedBy: map[string]string{}, signals: map[string][]string{}}
	out := detect.Output{
		Explanation: func(id []byte, by string, sigs []string) error {
			res.explainedBy[string(id)] = by
			res.signals[string(id)] = slices.Clone(sigs)
			return nil
		},
		Alert: func(a *lekradar.Alert) error { res.alerts = append(res.alerts, *a); return nil },
	}
	src := &detect.SliceSource{}
	for _, e := range evs {
		action := e.action
		if action == "" {
			action = "query"
		}
		src.Events = append(src.Events, detect.Event{ID: []byte(e.id), TS: e.ts.UnixNano(), EmployeeID: []byte(e.emp),
			System: []byte("bvh"), Action: detect.ParseAction([]byte(action)), PersonID: []byte(e.person), CaseID: []byte(e.caseID)})
	}
	en := detect.NewEngine(ix, pol, out)
	if err := en.Run(context.Background(), src, nil); err != nil {
		t.Fatalf("run: %v", err)
	}
	res.stats = en.Stats
	return res
}
