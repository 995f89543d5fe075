package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/interchange"
)

// checkErrors asserts what every reader promises about bad rows: a
// *LineError naming the file and a line, in increasing line order.
type errorCheck struct {
	t    *testing.T
	file string
	last int
}

func (c *errorCheck) onErr(le *interchange.LineError) error {
	c.t.Helper()
	if le.File != c.file || le.Line < 1 || le.Line < c.last || le.Msg == "" {
		c.t.Fatalf("bad LineError %+v (previous line %d)", le, c.last)
	}
	c.last = le.Line
	_ = le.Error()
	return nil
}

// trimmed reports whether s has no white space around it, as readers promise.
func trimmed(s string) bool { return strings.TrimSpace(s) == s || strings.Trim(s, " \t\r\n\v\f") == s }

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func checkReaderErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if _, ok := interchange.AsLineError(err); !ok {
		t.Fatalf("error is not a LineError: %v", err)
	}
}

func isUTC(tm time.Time) bool { return tm.IsZero() || tm.Location() == time.UTC }

func FuzzReadUnits(f *testing.F) {
	fuzzSeeds(f, "unit_id,name,fte\namsterdam,Eenheid,6200.5\npdc,,\n", "unit_id\n\"a\"\"\",x\n", "fte,unit_id\n\"1,5\",u\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "units.csv"}
		err := interchange.ReadUnits(context.Background(), bytes.NewReader(data), "units.csv", func(u lekradar.Unit) error {
			if u.ID == "" || !trimmed(u.ID) || u.FTE < 0 {
				t.Fatalf("bad unit %+v", u)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadTeams(f *testing.F) {
	fuzzSeeds(f, "team_id,unit_id,kind,name\nT1,amsterdam,basisteam,Centrum\nT2,u,MELDKAMER,\n", "team_id,unit_id,kind\nT,u,x\n")
	kinds := lekradar.DefaultCodebook().Field(lekradar.FieldTeamKind).Allowed()
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "teams.csv"}
		err := interchange.ReadTeams(context.Background(), bytes.NewReader(data), "teams.csv", func(v lekradar.Team) error {
			if v.ID == "" || (v.Kind != "" && !slices.Contains(kinds, v.Kind)) {
				t.Fatalf("bad team %+v", v)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadEmployees(f *testing.F) {
	fuzzSeeds(f, "employee_id,person_id,surname,unit_id,team_id,rank,function\nE1,P1,de Vries,amsterdam,T1,hoofdagent,noodhulp\nE2,,,,,,\n",
		"rank,employee_id,person_id,surname,unit_id,team_id\nBrigadier,E,P,S,U,T\nx,E,P,S,U,T\n")
	ranks := lekradar.DefaultCodebook().Field(lekradar.FieldRank).Allowed()
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "employees.csv"}
		err := interchange.ReadEmployees(context.Background(), bytes.NewReader(data), "employees.csv", func(v lekradar.Employee) error {
			if v.ID == "" || !trimmed(v.ID) || !trimmed(v.Surname) || (v.Rank != "" && !slices.Contains(ranks, v.Rank)) {
				t.Fatalf("bad employee %+v", v)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadPersons(f *testing.F) {
	fuzzSeeds(f, "person_id,surname,birth_year,postcode,house_number,flags\nP1,de Vries,1980,1012 ab,12,vip;shielded\nP2,,,,,\n",
		"\xEF\xBB\xBFflags,person_id,surname,postcode\r\n\"vip; x ;VIP;deceased\",P,\"a\nb\",1\r\n", "person_id,surname,postcode\n\"P\"x,a,b\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "persons.csv"}
		err := interchange.ReadPersons(context.Background(), bytes.NewReader(data), "persons.csv", func(p lekradar.Person) error {
			if p.ID == "" || !trimmed(p.ID) || strings.ContainsAny(p.Postcode, " \tabcdefghijklmnopqrstuvwxyz") {
				t.Fatalf("bad person %+v", p)
			}
			if p.BirthYear != 0 && (p.BirthYear < 1800 || p.BirthYear > 2200) {
				t.Fatalf("bad birth year %+v", p)
			}
			// Flags are known codes, in the fixed order, without duplicates.
			order := []string{lekradar.FlagVIP, lekradar.FlagShielded, lekradar.FlagDeceased}
			last := -1
			for _, fl := range p.Flags {
				i := slices.Index(order, fl)
				if i <= last {
					t.Fatalf("bad flags %q", p.Flags)
				}
				last = i
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadRelations(f *testing.F) {
	fuzzSeeds(f, "person_id,related_person_id,kind\nP1,P2,partner\nP1,P3,Ex_Partner\nP1,P4,cousin\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "relations.csv"}
		kinds := []string{"partner", "ex_partner", "parent", "child", "sibling", "household"}
		err := interchange.ReadRelations(context.Background(), bytes.NewReader(data), "relations.csv", func(r lekradar.Relation) error {
			if r.PersonID == "" || r.RelatedPersonID == "" || !slices.Contains(kinds, r.Kind) {
				t.Fatalf("bad relation %+v", r)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

// closedTooEarly is the documented rule for closed before opened: a date
// against a timestamp covers its whole day in any time zone (UTC−12 to
// UTC+14), so an incident opened at 14:05 and closed that day is no error.
func closedTooEarly(k lekradar.Case) bool {
	open, end := k.Opened, k.Closed
	if k.OpenedHasTime != k.ClosedHasTime {
		if !k.OpenedHasTime {
			open = open.Add(-14 * time.Hour)
		}
		if !k.ClosedHasTime {
			end = end.Add(36 * time.Hour)
		}
	}
	return end.Before(open)
}

func FuzzReadCases(f *testing.F) {
	fuzzSeeds(f, "case_id,kind,unit_id,team_id,opened,closed,sensitive\nC1,incident,u,t,2026-03-02T14:05:09Z,2026-03-03,true\nC2,investigation,u,,2026-01-01,,No\n",
		"case_id,kind,unit_id,team_id,opened,closed,sensitive\nC,intake,,,2026-03-02t14:05:09.5+01:00,2026-03-02 20:00:00Z,1\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "cases.csv"}
		err := interchange.ReadCases(context.Background(), bytes.NewReader(data), "cases.csv", func(k lekradar.Case) error {
			if k.ID == "" || !slices.Contains([]string{"incident", "investigation", "intake"}, k.Kind) ||
				!isUTC(k.Opened) || !isUTC(k.Closed) || (!k.Opened.IsZero() && !k.Closed.IsZero() && closedTooEarly(k)) {
				t.Fatalf("bad case %+v", k)
			}
			if !k.OpenedHasTime && !k.Opened.Equal(k.Opened.Truncate(24*time.Hour)) {
				t.Fatalf("a date with a time %+v", k)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadCasePersons(f *testing.F) {
	fuzzSeeds(f, "case_id,person_id,role\nC1,P1,suspect\nC1,,x\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "case_persons.csv"}
		err := interchange.ReadCasePersons(context.Background(), bytes.NewReader(data), "case_persons.csv", func(v lekradar.CasePerson) error {
			if v.CaseID == "" || v.PersonID == "" || !trimmed(v.Role) {
				t.Fatalf("bad case person %+v", v)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadCaseStaff(f *testing.F) {
	fuzzSeeds(f, "case_id,employee_id,from,to\nC1,E1,2026-01-01,\nC1,E2,2026-01-01T08:00:00+01:00,2026-02-01\nC1,E3,2026-03-16T18:05:07Z,2026-03-16\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "case_staff.csv"}
		err := interchange.ReadCaseStaff(context.Background(), bytes.NewReader(data), "case_staff.csv", func(v lekradar.CaseStaff) error {
			// a date against a timestamp covers its whole day: "to" may read
			// up to 50 hours before "from", never more
			if v.CaseID == "" || v.EmployeeID == "" || !isUTC(v.From) || !isUTC(v.To) || (!v.From.IsZero() && !v.To.IsZero() && v.To.Add(50*time.Hour).Before(v.From)) {
				t.Fatalf("bad case staff %+v", v)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadShifts(f *testing.F) {
	fuzzSeeds(f, "employee_id,start,end\nE1,2026-03-02T22:00:00Z,2026-03-03T06:00:00Z\nE1,2026-03-02T22:00:00,x\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &errorCheck{t: t, file: "shifts.csv"}
		err := interchange.ReadShifts(context.Background(), bytes.NewReader(data), "shifts.csv", func(v lekradar.Shift) error {
			if v.EmployeeID == "" || !isUTC(v.Start) || !isUTC(v.End) || v.End.Before(v.Start) {
				t.Fatalf("bad shift %+v", v)
			}
			return nil
		}, c.onErr)
		checkReaderErr(t, err)
	})
}

func FuzzReadTruth(f *testing.F) {
	fuzzSeeds(f, "event_id,incident_id,scenario\ne1,I1,relative\n", "scenario,event_id,incident_id\n,e,\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := interchange.ReadTruth(context.Background(), bytes.NewReader(data), "truth.csv")
		checkReaderErr(t, err)
		for _, r := range rows {
			if r.EventID == "" || r.Scenario == "" {
				t.Fatalf("bad truth row %+v", r)
			}
		}
	})
}

func FuzzReadAlerts(f *testing.F) {
	fuzzSeeds(f, `{"id":"A1","employee_id":"E1","person_id":"P1","event_ids":["e1"],"first_ts":"2026-03-02T14:05:09Z","last_ts":"2026-03-02T14:05:09Z","score":0.9,"severity":"high","reasons":[{"rule":"r","text":"t"}]}`+"\n",
		`{"id":"A1","severity":"urgent"}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		err := interchange.ReadAlerts(context.Background(), bytes.NewReader(data), "alerts.jsonl", func(a lekradar.Alert) error {
			if a.ID == "" || len(a.EventIDs) == 0 || !slices.Contains([]string{"low", "medium", "high"}, a.Severity) {
				t.Fatalf("bad alert %+v", a)
			}
			return nil
		})
		checkReaderErr(t, err)
	})
}

// FuzzEventReader reads a whole log (either format), then checks each JSON
// line on its own against encoding/json: whatever we accept is valid JSON
// with the same values, and a JSON object we refuse is refused for a field
// problem, never for its syntax.
func FuzzEventReader(f *testing.F) {
	fuzzSeeds(f,
		`{"id":"e-000001","ts":"2026-03-02T14:05:09Z","employee_id":"E1042","system":"bvh","action":"view","person_id":"P88231","case_id":"C771"}`+"\n",
		` { "person_id" : "P1" , "extra": {"a":[1,2.5e3,{"b":null}],"c":"\u00e9"}, "action":"VIEW", "ts":"2026-03-02T15:05:09+01:00", "employee_id":1042, "id":"e\u002d1", "case_id":null }`+"\r\n\n",
		`{"id":"e\ud83d\ude00","ts":"2026-03-02t14:05:09.123456789z","employee_id":"E","action":"query","person_id":"\ud800x"}`,
		"id,ts,employee_id,action,person_id,case_id\ne1,2026-03-02T14:05:09Z,E1,view,P1,\n\"e,2\",2026-03-02T14:05:09Z,E1,print,P1,C1\n",
		`{"id":"e1","id":null,"ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`,
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := interchange.CheckEventOrder(bytes.NewReader(data), time.Minute); err != nil {
			t.Fatalf("CheckEventOrder: %v", err) // reading from memory cannot fail
		}
		er, err := interchange.NewEventReader(bytes.NewReader(data), "events")
		if err != nil {
			checkReaderErr(t, err)
			return
		}
		last := 0
		var ev interchange.RawEvent
		for {
			err := er.NextRaw(&ev)
			if err == io.EOF {
				break
			}
			if er.Line() < last {
				t.Fatalf("line went back from %d to %d", last, er.Line())
			}
			last = er.Line()
			if err != nil {
				le, ok := interchange.AsLineError(err)
				if !ok || le.Line != er.Line() || le.File != "events" {
					t.Fatalf("err = %v", err)
				}
				continue
			}
			if len(ev.ID) == 0 || len(ev.EmployeeID) == 0 || len(ev.PersonID) == 0 ||
				!slices.Contains([]string{"query", "view", "export", "print"}, string(ev.Action)) {
				t.Fatalf("bad event %+v", ev)
			}
		}
		if er.Format() == interchange.FormatJSONL {
			for _, line := range bytes.Split(data, []byte("\n")) {
				checkJSONLine(t, line)
			}
		}
	})
}

func checkJSONLine(t *testing.T, line []byte) {
	t.Helper()
	er, err := interchange.NewEventReader(bytes.NewReader(line), "line")
	if err != nil || er.Format() != interchange.FormatJSONL {
		return // not a JSON line on its own (e.g. a BOM-less CSV sniff)
	}
	var ev interchange.RawEvent
	err = er.NextRaw(&ev)
	if err == io.EOF {
		return
	}
	valid := json.Valid(line)
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	decErr := dec.Decode(&m)
	if err == nil {
		if !valid || decErr != nil {
			t.Fatalf("accepted invalid JSON %q", line)
		}
		// Keys are read without regard to case; where two spellings of
		// one key meet, the line's order decides, which a map has lost.
		folded, ambiguous := map[string]any{}, map[string]bool{}
		for k, v := range m {
			lk := strings.ToLower(k)
			if _, dup := folded[lk]; dup {
				ambiguous[lk] = true
			}
			folded[lk] = v
		}
		m = folded
		for key, got := range map[string][]byte{"id": ev.ID, "employee_id": ev.EmployeeID, "system": ev.System, "person_id": ev.PersonID, "case_id": ev.CaseID} {
			if ambiguous[key] {
				continue
			}
			var want string
			switch v := m[key].(type) {
			case string:
				want = strings.Trim(v, " \t\r\n\v\f")
			case json.Number:
				want = string(v)
			case nil:
			default:
				t.Fatalf("%q: key %s accepted with %T", line, key, v)
			}
			if string(got) != want {
				t.Fatalf("%q: %s = %q, encoding/json %q", line, key, got, want)
			}
		}
		if !ambiguous["action"] && !strings.EqualFold(strings.Trim(m["action"].(string), " \t\r\n\v\f"), string(ev.Action)) {
			t.Fatalf("%q: action %q", line, ev.Action)
		}
		return
	}
	var le *interchange.LineError
	if !errors.As(err, &le) {
		t.Fatalf("%q: err = %v", line, err)
	}
	if valid && len(bytes.TrimSpace(line)) > 0 && bytes.TrimSpace(line)[0] == '{' && le.Column == "" {
		t.Fatalf("%q: valid JSON object refused as syntax: %v", line, le)
	}
}
