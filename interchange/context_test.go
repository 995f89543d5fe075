package interchange_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lekradar"
	"lekradar/interchange"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// sampleContext is one of everything, with values that need quoting.
type sampleContext struct {
	units       []lekradar.Unit
	teams       []lekradar.Team
	employees   []lekradar.Employee
	persons     []lekradar.Person
	relations   []lekradar.Relation
	cases       []lekradar.Case
	casePersons []lekradar.CasePerson
	caseStaff   []lekradar.CaseStaff
	shifts      []lekradar.Shift
}

func newSample() sampleContext {
	return sampleContext{
		units: []lekradar.Unit{{ID: "amsterdam", Name: "Eenheid Amsterdam", FTE: 6200.5}, {ID: "pdc", Name: "PDC, \"services\""}},
		teams: []lekradar.Team{{ID: "T1", UnitID: "amsterdam", Kind: "basisteam", Name: "Basisteam Centrum"},
			{ID: "T2", UnitID: "amsterdam", Kind: "meldkamer", Name: "Meldkamer\nNoord"}},
		employees: []lekradar.Employee{{ID: "E1", PersonID: "P1", Surname: "de Vries", UnitID: "amsterdam", TeamID: "T1", Rank: "hoofdagent", Function: "noodhulp"},
			{ID: "E2", Surname: "Jansen", UnitID: "amsterdam", Rank: "burger"}},
		persons: []lekradar.Person{{ID: "P1", Surname: "de Vries", BirthYear: 1980, Postcode: "1012AB", HouseNumber: "12-3", Flags: nil},
			{ID: "P2", Surname: "Öztürk", Postcode: "", Flags: []string{"vip", "shielded"}},
			{ID: "P3", Surname: " Bakker ", BirthYear: 2001, Flags: []string{"deceased"}}},
		relations: []lekradar.Relation{{PersonID: "P1", RelatedPersonID: "P2", Kind: "ex_partner"}},
		cases: []lekradar.Case{
			{ID: "C1", Kind: "incident", UnitID: "amsterdam", TeamID: "T1", Opened: ts("2026-03-02T14:05:09Z"), OpenedHasTime: true, Closed: ts("2026-03-02T18:00:00.5Z"), ClosedHasTime: true},
			{ID: "C2", Kind: "investigation", UnitID: "amsterdam", Opened: ts("2026-01-01T00:00:00Z"), Sensitive: true},
		},
		casePersons: []lekradar.CasePerson{{CaseID: "C1", PersonID: "P2", Role: "witness"}, {CaseID: "C2", PersonID: "P3"}},
		caseStaff: []lekradar.CaseStaff{{CaseID: "C2", EmployeeID: "E1", From: ts("2026-01-02T00:00:00Z")},
			{CaseID: "C2", EmployeeID: "E2", From: ts("2026-01-02T08:30:00Z"), To: ts("2026-02-01T00:00:00Z")}},
		shifts: []lekradar.Shift{{EmployeeID: "E1", Start: ts("2026-03-02T22:00:00Z"), End: ts("2026-03-03T07:00:00Z")}},
	}
}

func writeSample(t *testing.T, dir string, s sampleContext) {
	t.Helper()
	cw, err := interchange.NewContextWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range s.units {
		must(t, cw.WriteUnit(v))
	}
	for _, v := range s.teams {
		must(t, cw.WriteTeam(v))
	}
	for _, v := range s.employees {
		must(t, cw.WriteEmployee(v))
	}
	for _, v := range s.persons {
		must(t, cw.WritePerson(v))
	}
	for _, v := range s.relations {
		must(t, cw.WriteRelation(v))
	}
	for _, v := range s.cases {
		must(t, cw.WriteCase(v))
	}
	for _, v := range s.casePersons {
		must(t, cw.WriteCasePerson(v))
	}
	for _, v := range s.caseStaff {
		must(t, cw.WriteCaseStaff(v))
	}
	for _, v := range s.shifts {
		must(t, cw.WriteShift(v))
	}
	must(t, cw.Close())
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readSample(t *testing.T, dir string) (sampleContext, []string) {
	t.Helper()
	var got sampleContext
	var order []string
	note := func(f string) {
		if len(order) == 0 || order[len(order)-1] != f {
			order = append(order, f)
		}
	}
	err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
		Unit: func(v lekradar.Unit) error { note("units"); got.units = append(got.units, v); return nil },
		Team: func(v lekradar.Team) error { note("teams"); got.teams = append(got.teams, v); return nil },
		Employee: func(v lekradar.Employee) error {
			note("employees")
			got.employees = append(got.employees, v)
			return nil
		},
		Person: func(v lekradar.Person) error { note("persons"); got.persons = append(got.persons, v); return nil },
		Relation: func(v lekradar.Relation) error {
			note("relations")
			got.relations = append(got.relations, v)
			return nil
		},
		Case: func(v lekradar.Case) error { note("cases"); got.cases = append(got.cases, v); return nil },
		CasePerson: func(v lekradar.CasePerson) error {
			note("case_persons")
			got.casePersons = append(got.casePersons, v)
			return nil
		},
		CaseStaff: func(v lekradar.CaseStaff) error {
			note("case_staff")
			got.caseStaff = append(got.caseStaff, v)
			return nil
		},
		Shift: func(v lekradar.Shift) error { note("shifts"); got.shifts = append(got.shifts, v); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, order
}

func TestContextRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := newSample()
	writeSample(t, dir, want)
	got, order := readSample(t, dir)

	// Readers trim values: the written " Bakker " comes back trimmed.
	want.persons[2].Surname = "Bakker"
	for name, pair := range map[string][2]any{
		"units": {want.units, got.units}, "teams": {want.teams, got.teams}, "employees": {want.employees, got.employees},
		"persons": {want.persons, got.persons}, "relations": {want.relations, got.relations}, "cases": {want.cases, got.cases},
		"case_persons": {want.casePersons, got.casePersons}, "case_staff": {want.caseStaff, got.caseStaff}, "shifts": {want.shifts, got.shifts},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s:\nwant %+v\ngot  %+v", name, pair[0], pair[1])
		}
	}
	wantOrder := []string{"units", "teams", "employees", "persons", "relations", "cases", "case_persons", "case_staff", "shifts"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("file order %v, want %v", order, wantOrder)
	}
}

func TestReadContextDirOptionalAndMissingFiles(t *testing.T) {
	t.Run("optional files absent", func(t *testing.T) {
		dir := t.TempDir()
		writeSample(t, dir, newSample())
		for _, f := range interchange.OptionalContextFiles {
			must(t, os.Remove(filepath.Join(dir, f)))
		}
		got, _ := readSample(t, dir)
		if len(got.units)+len(got.relations)+len(got.shifts) != 0 || len(got.persons) != 3 {
			t.Errorf("got %d units, %d relations, %d shifts, %d persons", len(got.units), len(got.relations), len(got.shifts), len(got.persons))
		}
	})
	t.Run("required file absent", func(t *testing.T) {
		dir := t.TempDir()
		writeSample(t, dir, newSample())
		must(t, os.Remove(filepath.Join(dir, "case_staff.csv")))
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{})
		if err == nil || !strings.Contains(err.Error(), "case_staff.csv") {
			t.Errorf("err = %v, want one naming case_staff.csv", err)
		}
	})
	t.Run("nil callbacks skip rows", func(t *testing.T) {
		dir := t.TempDir()
		writeSample(t, dir, newSample())
		// A broken persons.csv does not matter when nobody asks for persons.
		must(t, os.WriteFile(filepath.Join(dir, "persons.csv"), []byte("nonsense\n"), 0o644))
		n := 0
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Case: func(lekradar.Case) error { n++; return nil },
		})
		if err != nil || n != 2 {
			t.Errorf("err = %v, cases = %d", err, n)
		}
	})
	t.Run("callback error stops", func(t *testing.T) {
		dir := t.TempDir()
		writeSample(t, dir, newSample())
		stop := errors.New("stop")
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Person: func(lekradar.Person) error { return stop },
		})
		if !errors.Is(err, stop) || !strings.Contains(err.Error(), "persons.csv line 2") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestReadPersonsLenient(t *testing.T) {
	in := "\xEF\xBB\xBFFlags , Extra,postcode,PERSON_ID,surname\r\n" +
		"vip;VIP; unknown ;deceased,x, 1234 ab ,P1,\"de \"\"Wit\"\"\"\r\n" +
		"\r\n" +
		",y,,P2,\"multi\nline\"\n" +
		"   \n"
	var got []lekradar.Person
	err := interchange.ReadPersons(context.Background(), strings.NewReader(in), "persons.csv",
		func(p lekradar.Person) error { got = append(got, p); return nil }, nil)
	must(t, err)
	want := []lekradar.Person{
		{ID: "P1", Surname: `de "Wit"`, Postcode: "1234AB", Flags: []string{"vip", "deceased"}},
		{ID: "P2", Surname: "multi\nline"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

// TestReadShiftsAcrossMidnightAndDST checks that shifts in Dutch local time
// with their offsets come out as the hours really worked.
func TestReadShiftsAcrossMidnightAndDST(t *testing.T) {
	tests := []struct {
		name, start, end string
		want             time.Duration
	}{
		{"night shift", "2026-03-02T22:00:00+01:00", "2026-03-03T07:00:00+01:00", 9 * time.Hour},
		{"night of the spring change", "2026-03-28T22:00:00+01:00", "2026-03-29T07:00:00+02:00", 8 * time.Hour},
		{"night of the autumn change", "2026-10-24T22:00:00+02:00", "2026-10-25T07:00:00+01:00", 10 * time.Hour},
		{"fractions, lower case, space", "2026-03-02 21:00:00.5z", "2026-03-03t06:00:00.500000000Z", 9 * time.Hour},
		{"offset -05:00 against Z", "2026-03-02T17:00:00-05:00", "2026-03-03T07:00:00Z", 9 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := "employee_id,start,end\nE1," + tc.start + "," + tc.end + "\n"
			var got []lekradar.Shift
			must(t, interchange.ReadShifts(context.Background(), strings.NewReader(in), "shifts.csv",
				func(s lekradar.Shift) error { got = append(got, s); return nil }, nil))
			if len(got) != 1 || got[0].End.Sub(got[0].Start) != tc.want || got[0].Start.Location() != time.UTC {
				t.Errorf("got %+v, want one shift of %s in UTC", got, tc.want)
			}
		})
	}
}

func TestReadCasesDatesAndTimes(t *testing.T) {
	in := "case_id,kind,unit_id,team_id,opened,closed,sensitive\n" +
		"C1,Incident,u,t,2026-03-02T15:05:09.25+01:00,2026-03-03,YES\n" +
		"C2,intake,u,,2026-03-02,,0\n" +
		// closed "that day": a date covers its whole day
		"C3,incident,u,t,2026-03-16T18:36:05+01:00,2026-03-16,\n" +
		"C4,incident,u,t,2026-03-16,2026-03-16T01:00:00+05:00,\n"
	var got []lekradar.Case
	must(t, interchange.ReadCases(context.Background(), strings.NewReader(in), "cases.csv",
		func(c lekradar.Case) error { got = append(got, c); return nil }, nil))
	want := []lekradar.Case{
		{ID: "C1", Kind: "incident", UnitID: "u", TeamID: "t", Opened: ts("2026-03-02T14:05:09.25Z"), OpenedHasTime: true,
			Closed: ts("2026-03-03T00:00:00Z"), Sensitive: true},
		{ID: "C2", Kind: "intake", UnitID: "u", Opened: ts("2026-03-02T00:00:00Z")},
		{ID: "C3", Kind: "incident", UnitID: "u", TeamID: "t", Opened: ts("2026-03-16T17:36:05Z"), OpenedHasTime: true, Closed: ts("2026-03-16T00:00:00Z")},
		{ID: "C4", Kind: "incident", UnitID: "u", TeamID: "t", Opened: ts("2026-03-16T00:00:00Z"), Closed: ts("2026-03-15T20:00:00Z"), ClosedHasTime: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got[0].Opened.Location() != time.UTC {
		t.Errorf("opened not in UTC: %v", got[0].Opened.Location())
	}
}

// A staff row taken off "that day" after a timestamped start is no error:
// the date covers its whole day, as a case's closing date does.
func TestReadCaseStaffDatesAndTimes(t *testing.T) {
	in := "case_id,employee_id,from,to\n" +
		"C1,E1,2026-03-16T18:05:07Z,2026-03-16\n" +
		"C2,E2,2026-03-16,2026-03-16T09:00:00+01:00\n" +
		"C3,E3,2026-03-16,\n"
	var got []lekradar.CaseStaff
	must(t, interchange.ReadCaseStaff(context.Background(), strings.NewReader(in), "case_staff.csv",
		func(cs lekradar.CaseStaff) error { got = append(got, cs); return nil }, nil))
	want := []lekradar.CaseStaff{
		{CaseID: "C1", EmployeeID: "E1", From: ts("2026-03-16T18:05:07Z"), To: ts("2026-03-16T00:00:00Z")},
		{CaseID: "C2", EmployeeID: "E2", From: ts("2026-03-16T00:00:00Z"), To: ts("2026-03-16T08:00:00Z")},
		{CaseID: "C3", EmployeeID: "E3", From: ts("2026-03-16T00:00:00Z")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestContextErrors checks that every bad input names file, line and column.
func TestContextErrors(t *testing.T) {
	type reader func(string) error
	ctx := context.Background()
	read := map[string]reader{
		"units.csv": func(s string) error {
			return interchange.ReadUnits(ctx, strings.NewReader(s), "units.csv", func(lekradar.Unit) error { return nil }, nil)
		},
		"teams.csv": func(s string) error {
			return interchange.ReadTeams(ctx, strings.NewReader(s), "teams.csv", func(lekradar.Team) error { return nil }, nil)
		},
		"employees.csv": func(s string) error {
			return interchange.ReadEmployees(ctx, strings.NewReader(s), "employees.csv", func(lekradar.Employee) error { return nil }, nil)
		},
		"persons.csv": func(s string) error {
			return interchange.ReadPersons(ctx, strings.NewReader(s), "persons.csv", func(lekradar.Person) error { return nil }, nil)
		},
		"relations.csv": func(s string) error {
			return interchange.ReadRelations(ctx, strings.NewReader(s), "relations.csv", func(lekradar.Relation) error { return nil }, nil)
		},
		"cases.csv": func(s string) error {
			return interchange.ReadCases(ctx, strings.NewReader(s), "cases.csv", func(lekradar.Case) error { return nil }, nil)
		},
		"case_persons.csv": func(s string) error {
			return interchange.ReadCasePersons(ctx, strings.NewReader(s), "case_persons.csv", func(lekradar.CasePerson) error { return nil }, nil)
		},
		"case_staff.csv": func(s string) error {
			return interchange.ReadCaseStaff(ctx, strings.NewReader(s), "case_staff.csv", func(lekradar.CaseStaff) error { return nil }, nil)
		},
		"shifts.csv": func(s string) error {
			return interchange.ReadShifts(ctx, strings.NewReader(s), "shifts.csv", func(lekradar.Shift) error { return nil }, nil)
		},
	}
	tests := []struct {
		name, file, in string
		line           int
		column, value  string
		msg            string // a fragment of the message
	}{
		{"empty file", "units.csv", "", 1, "", "", "header row is required"},
		{"missing required column", "employees.csv", "employee_id,person_id,surname,unit_id,team_id\nE1,,,,\n", 1, "rank", "", "required column missing"},
		{"column twice", "relations.csv", "person_id,person_id,related_person_id,kind\n", 1, "person_id", "", "twice"},
		{"bad rank", "employees.csv", "employee_id,person_id,surname,unit_id,team_id,rank\nE1,,,,,\nE2,P,S,u,t,x\n", 3, "rank", "x", "not a rank code (allowed: aspirant,"},
		{"bad team kind", "teams.csv", "team_id,unit_id,kind\nT1,u,politie\n", 2, "kind", "politie", "allowed: basisteam"},
		{"empty id", "persons.csv", "person_id,surname,postcode\n ,x,y\n", 2, "person_id", "", "required"},
		{"bad birth year", "persons.csv", "person_id,surname,postcode,birth_year\nP1,x,y,19x0\n", 2, "birth_year", "19x0", "year"},
		{"bad fte", "units.csv", "unit_id,fte\nu,-3\n", 2, "fte", "-3", "non-negative"},
		{"field count", "units.csv", "unit_id,name\nu,n,extra\n", 2, "", "", "3 fields, the header has 2"},
		{"bad relation", "relations.csv", "person_id,related_person_id,kind\nP1,P2,cousin\n", 2, "kind", "cousin", "allowed: partner, ex_partner, parent, child, sibling, household"},
		{"bad case kind", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,,u,t,,,\n", 2, "kind", "", "allowed: incident, investigation, intake"},
		{"bad opened", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,intake,u,t,2026-02-30,,\n", 2, "opened", "2026-02-30", "YYYY-MM-DD"},
		{"closed before opened", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,intake,u,t,2026-02-03,2026-02-01,\n", 2, "closed", "2026-02-01", "before"},
		{"bad sensitive", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,intake,u,t,,,maybe\n", 2, "sensitive", "maybe", "allowed: true, false"},
		{"case person without person", "case_persons.csv", "case_id,person_id\nC1,\n", 2, "person_id", "", "required"},
		{"staff taken off the day before", "case_staff.csv", "case_id,employee_id,from,to\nC1,E1,2026-03-16T18:05:07Z,2026-03-14\n", 2, "to", "2026-03-14", "before from"},
		{"bad staff to", "case_staff.csv", "case_id,employee_id,from,to\nC1,E1,2026-01-01,soon\n", 2, "to", "soon", "RFC 3339"},
		{"shift without offset", "shifts.csv", "employee_id,start,end\nE1,2026-03-02T22:00:00,2026-03-03T06:00:00Z\n", 2, "start", "2026-03-02T22:00:00", "UTC offset"},
		{"shift end before start", "shifts.csv", "employee_id,start,end\nE1,2026-03-02T22:00:00Z,2026-03-02T06:00:00Z\n", 2, "end", "2026-03-02T06:00:00Z", "before start"},
		{"shift missing end", "shifts.csv", "employee_id,start,end\nE1,2026-03-02T22:00:00Z,\n", 2, "end", "", "required"},
		{"unclosed quote", "persons.csv", "person_id,surname,postcode\nP1,\"abc,x\n", 2, "", "", "not closed"},
		{"bare quote", "persons.csv", "person_id,surname,postcode\nP1,a\"b,x\n", 2, "", "", "bare"},
		{"text after quote", "persons.csv", "person_id,surname,postcode\n\nP1,\"a\"b,x\n", 3, "", "", "after a closing"},
		// The message names the likely mistake, not only the expected form.
		{"opened without offset", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,2026-03-02T14:05:09.250,,\n", 2, "opened", "2026-03-02T14:05:09.250", "without a UTC offset"},
		{"opened month 13", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,2026-13-02,,\n", 2, "opened", "2026-13-02", "no such date"},
		{"closed hour 24", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,,2026-03-02T24:00:00Z,\n", 2, "closed", "2026-03-02T24:00:00Z", "no such time of day"},
		{"leap second", "case_staff.csv", "case_id,employee_id,from,to\nC1,E1,2026-12-31T23:59:60Z,\n", 2, "from", "2026-12-31T23:59:60Z", "no such time of day"},
		{"time without seconds", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,2026-03-02T14:05Z,,\n", 2, "opened", "2026-03-02T14:05Z", "a time without seconds"},
		{"offset without its colon", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,2026-03-02T14:05:00+0100,,\n", 2, "opened", "2026-03-02T14:05:00+0100", "an offset without its colon"},
		{"staff from year 2300", "case_staff.csv", "case_id,employee_id,from,to\nC1,E1,2300-01-01T00:00:00Z,\n", 2, "from", "2300-01-01T00:00:00Z", "year outside 1678–2261"},
		{"offset without colon", "case_staff.csv", "case_id,employee_id,from,to\nC1,E1,2026-03-02T14:05:09+0100,\n", 2, "from", "2026-03-02T14:05:09+0100", "RFC 3339"},
		{"shift as a date", "shifts.csv", "employee_id,start,end\nE1,2026-03-02,2026-03-03T06:00:00Z\n", 2, "start", "2026-03-02", "a date where a timestamp is required"},
		{"shift end without offset", "shifts.csv", "employee_id,start,end\nE1,2026-03-02T22:00:00+01:00,2026-03-03 07:00:00\n", 2, "end", "2026-03-03 07:00:00", "add Z (UTC) or the offset"},
		{"sensitive t", "cases.csv", "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,intake,u,t,,,t\n", 2, "sensitive", "t", "allowed: true, false, 1, 0, yes, no, y, n, ja, nee, j, in any case;"},
		{"flags list unquoted", "persons.csv", "person_id,surname,postcode,flags\nP1,a,x,vip,shielded\n", 2, "", "", "5 fields, the header has 4"},
		{"header with inner space", "persons.csv", "person id,surname,postcode\nP1,a,x\n", 1, "person_id", "", "header has: person id, surname, postcode"},
		{"multi-line record error line", "persons.csv", "person_id,surname,postcode,birth_year\nP1,\"a\nb\",x,1\n", 2, "birth_year", "1", "year"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := read[tc.file](tc.in)
			le, ok := interchange.AsLineError(err)
			if !ok {
				t.Fatalf("err = %v, want a *LineError", err)
			}
			if le.File != tc.file || le.Line != tc.line || le.Column != tc.column || le.Value != tc.value || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("got %+v\nwant file %s line %d column %q value %q msg containing %q", le, tc.file, tc.line, tc.column, tc.value, tc.msg)
			}
			if !strings.HasPrefix(le.Error(), tc.file+" line ") {
				t.Errorf("Error() = %q", le.Error())
			}
		})
	}
}

func TestOnErrorSkipsBadRows(t *testing.T) {
	in := "person_id,surname,postcode,birth_year\nP1,a,x,1\nP2,b,y,1990\nP3,\"c,z,\nP4,d,w,\n"
	var ids []string
	var errs []int
	err := interchange.ReadPersons(context.Background(), strings.NewReader(in), "persons.csv",
		func(p lekradar.Person) error { ids = append(ids, p.ID); return nil },
		func(le *interchange.LineError) error { errs = append(errs, le.Line); return nil })
	must(t, err)
	// The unclosed quote swallows the rest of the file: that is what RFC 4180 says.
	if !reflect.DeepEqual(ids, []string{"P2"}) || !reflect.DeepEqual(errs, []int{2, 4}) {
		t.Errorf("ids %v, error lines %v", ids, errs)
	}
	stop := errors.New("stop")
	err = interchange.ReadPersons(context.Background(), strings.NewReader(in), "persons.csv", nil,
		func(le *interchange.LineError) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want stop", err)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	b.WriteString("person_id,surname,postcode\n")
	for i := 0; i < 100000; i++ {
		b.WriteString("P,s,p\n")
	}
	err := interchange.ReadPersons(ctx, strings.NewReader(b.String()), "persons.csv", func(lekradar.Person) error { return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestReadContextDirManyRows crosses the batches of the pipelined reader and
// checks order, error routing and stopping.
func TestReadContextDirManyRows(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, newSample())
	var b strings.Builder
	b.WriteString("person_id,surname,postcode,birth_year\n")
	const n = 10000
	for i := 0; i < n; i++ {
		if i%1000 == 999 {
			b.WriteString(fmt.Sprintf("P%d,s,p,bad\n", i))
			continue
		}
		b.WriteString(fmt.Sprintf("P%d,s,p,\n", i))
	}
	must(t, os.WriteFile(filepath.Join(dir, "persons.csv"), []byte(b.String()), 0o644))

	t.Run("skip bad rows", func(t *testing.T) {
		var ids []string
		var lines []int
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Person:  func(p lekradar.Person) error { ids = append(ids, p.ID); return nil },
			OnError: func(le *interchange.LineError) error { lines = append(lines, le.Line); return nil },
		})
		must(t, err)
		if len(ids) != n-10 || len(lines) != 10 {
			t.Fatalf("%d persons, %d errors", len(ids), len(lines))
		}
		for k, l := range lines {
			if l != 1000*(k+1)+1 {
				t.Errorf("error %d on line %d, want %d", k, l, 1000*(k+1)+1)
			}
		}
		prev := -1
		for _, id := range ids {
			var i int
			fmt.Sscanf(id, "P%d", &i)
			if i <= prev {
				t.Fatalf("order: %s after P%d", id, prev)
			}
			prev = i
		}
	})
	t.Run("stop at first bad row", func(t *testing.T) {
		count := 0
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Person: func(p lekradar.Person) error { count++; return nil },
		})
		le, ok := interchange.AsLineError(err)
		if !ok || le.Line != 1001 || le.Column != "birth_year" || count != 999 {
			t.Errorf("err = %v, %d persons before it", err, count)
		}
	})
	t.Run("callback stops", func(t *testing.T) {
		stop := errors.New("enough")
		count := 0
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Person: func(p lekradar.Person) error {
				count++
				if count == 5000 {
					return stop
				}
				return nil
			},
			OnError: func(*interchange.LineError) error { return nil },
		})
		if !errors.Is(err, stop) || count != 5000 || !strings.Contains(err.Error(), "persons.csv line 5006") {
			t.Errorf("err = %v after %d", err, count)
		}
	})
}

func TestReadContextDirGzip(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, newSample())
	raw, err := os.ReadFile(filepath.Join(dir, "persons.csv"))
	must(t, err)
	must(t, os.Remove(filepath.Join(dir, "persons.csv")))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err = zw.Write(raw)
	must(t, err)
	must(t, zw.Close())
	must(t, os.WriteFile(filepath.Join(dir, "persons.csv.gz"), gz.Bytes(), 0o644))
	got, _ := readSample(t, dir)
	if len(got.persons) != 3 || got.persons[1].ID != "P2" {
		t.Errorf("persons from gzip: %+v", got.persons)
	}
}

func TestLineErrorClipsLongValues(t *testing.T) {
	long := strings.Repeat("é", 100)
	err := interchange.ReadCases(context.Background(),
		strings.NewReader("case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,"+long+",u,t,,,\n"), "cases.csv", nil, nil)
	le, ok := interchange.AsLineError(err)
	if !ok || !strings.HasSuffix(le.Value, "…") || len(le.Value) > 90 || !utf8.ValidString(le.Value) {
		t.Errorf("value %q", le.Value)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]interchange.Format{"jsonl": interchange.FormatJSONL, "ndjson": interchange.FormatJSONL, "csv": interchange.FormatCSV} {
		got, err := interchange.ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	if _, err := interchange.ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "allowed: jsonl, csv") {
		t.Errorf("xml: %v", err)
	}
}
