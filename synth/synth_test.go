package synth_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"regexp"
	"slices"
	"testing"
	"time"

	"lekradar"
	"lekradar/evaluate"
	"lekradar/synth"
)

// memWorld collects a generated world in memory.
type memWorld struct {
	units     []lekradar.Unit
	teams     []lekradar.Team
	employees []lekradar.Employee
	persons   map[string]lekradar.Person
	relations []lekradar.Relation
	cases     map[string]lekradar.Case
	casePers  []lekradar.CasePerson
	caseStaff []lekradar.CaseStaff
	shifts    []lekradar.Shift
	events    []lekradar.LookupEvent
	truth     []evaluate.Truth
	digest    hash.Hash
	stats     *synth.Stats
}

func (m *memWorld) sum(v ...any) { fmt.Fprintln(m.digest, v...) }

func (m *memWorld) WriteUnit(u lekradar.Unit) error {
	m.units = append(m.units, u)
	m.sum(u)
	return nil
}
func (m *memWorld) WriteTeam(t lekradar.Team) error {
	m.teams = append(m.teams, t)
	m.sum(t)
	return nil
}
func (m *memWorld) WriteEmployee(e lekradar.Employee) error {
	m.employees = append(m.employees, e)
	m.sum(e)
	return nil
}
func (m *memWorld) WritePerson(p lekradar.Person) error {
	p.Flags = slices.Clone(p.Flags)
	m.persons[p.ID] = p
	m.sum(p)
	return nil
}
func (m *memWorld) WriteRelation(r lekradar.Relation) error {
	m.relations = append(m.relations, r)
	m.sum(r)
	return nil
}
func (m *memWorld) WriteCase(c lekradar.Case) error { m.cases[c.ID] = c; m.sum(c); return nil }
func (m *memWorld) WriteCasePerson(c lekradar.CasePerson) error {
	m.casePers = append(m.casePers, c)
	m.sum(c)
	return nil
}
func (m *memWorld) WriteCaseStaff(c lekradar.CaseStaff) error {
	m.caseStaff = append(m.caseStaff, c)
	m.sum(c)
	return nil
}
func (m *memWorld) WriteShift(s lekradar.Shift) error {
	m.shifts = append(m.shifts, s)
	m.sum(s)
	return nil
}
func (m *memWorld) Write(e *lekradar.LookupEvent) error {
	m.events = append(m.events, *e)
	m.sum(*e)
	return nil
}
func (m *memWorld) WriteTruth(id, inc, sc string) error {
	m.truth = append(m.truth, evaluate.Truth{EventID: id, IncidentID: inc, Scenario: sc})
	m.sum(id, inc, sc)
	return nil
}

func smallConfig(seed uint64) synth.Config {
	cfg := synth.DefaultConfig()
	cfg.Employees = 600
	cfg.Persons = 60_000
	cfg.Days = 21
	cfg.Seed = seed
	return cfg
}

// MustGenerate generates a world in memory or fails the test.
func MustGenerate(t testing.TB, cfg synth.Config) *memWorld {
	t.Helper()
	m := &memWorld{persons: map[string]lekradar.Person{}, cases: map[string]lekradar.Case{}, digest: sha256.New()}
	st, err := synth.Generate(context.Background(), cfg, m, m, m)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	m.stats = st
	return m
}

func TestDeterministic(t *testing.T) {
	a := MustGenerate(t, smallConfig(3))
	b := MustGenerate(t, smallConfig(3))
	c := MustGenerate(t, smallConfig(4))
	if string(a.digest.Sum(nil)) != string(b.digest.Sum(nil)) {
		t.Error("the same seed gave two different worlds")
	}
	if string(a.digest.Sum(nil)) == string(c.digest.Sum(nil)) {
		t.Error("different seeds gave the same world")
	}
}

func TestConfigRefused(t *testing.T) {
	for _, cfg := range []synth.Config{
		{Employees: 10, Persons: 100000, Days: 5},
		{Employees: 100, Persons: 100, Days: 5},
		{Employees: 100, Persons: 100000, Days: 0},
	} {
		if _, err := synth.Generate(context.Background(), cfg, nil, nil, nil); err == nil {
			t.Errorf("config %+v accepted", cfg)
		}
	}
}

// A tiny world still terminates and keeps improper look-ups rare.
func TestTinyWorld(t *testing.T) {
	cfg := synth.Config{Employees: 50, Persons: 10_000, Days: 2, Seed: 9, Start: synth.DefaultConfig().Start}
	m := MustGenerate(t, cfg)
	if len(m.events) == 0 || len(m.truth) == 0 {
		t.Fatalf("%d look-ups, %d improper; want some of both", len(m.events), len(m.truth))
	}
	if len(m.truth)*2 > len(m.events) {
		t.Errorf("%d of %d look-ups improper", len(m.truth), len(m.events))
	}
}

func TestWorld(t *testing.T) {
	cfg := smallConfig(11)
	m := MustGenerate(t, cfg)
	cb := lekradar.DefaultCodebook()

	empPerson := map[string]string{} // employee -> own person id
	personEmp := map[string]string{}
	empByID := map[string]lekradar.Employee{}
	for _, e := range m.employees {
		empByID[e.ID] = e
		if e.PersonID != "" {
			empPerson[e.ID] = e.PersonID
			personEmp[e.PersonID] = e.ID
		}
	}
	related := map[[2]string]string{}
	for _, r := range m.relations {
		related[[2]string{r.PersonID, r.RelatedPersonID}] = r.Kind
		related[[2]string{r.RelatedPersonID, r.PersonID}] = r.Kind
	}
	oracle := evaluate.NewOracle()
	for _, e := range m.employees {
		oracle.AddEmployee(e)
	}
	for _, c := range m.cases {
		oracle.AddCase(c)
	}
	for _, cp := range m.casePers {
		oracle.AddCasePerson(cp)
	}
	for _, cs := range m.caseStaff {
		oracle.AddCaseStaff(cs)
	}
	for _, s := range m.shifts {
		oracle.AddShift(s)
	}

	t.Run("organisation", func(t *testing.T) {
		if len(m.units) != 13 {
			t.Errorf("%d units, want 13", len(m.units))
		}
		for _, u := range m.units {
			if !cb.Valid(lekradar.FieldUnit, u.ID) {
				t.Errorf("unit %q not in the codebook", u.ID)
			}
		}
		kinds := map[string]bool{}
		for _, tm := range m.teams {
			if !cb.Valid(lekradar.FieldTeamKind, tm.Kind) {
				t.Errorf("team kind %q not in the codebook", tm.Kind)
			}
			kinds[tm.Kind] = true
		}
		for _, k := range []string{"basisteam", "noodhulp", "recherche", "intake_service", "meldkamer", "informatie_analyse"} {
			if !kinds[k] {
				t.Errorf("no team of kind %s", k)
			}
		}
		fns := map[string]int{}
		for _, e := range m.employees {
			if !cb.Valid(lekradar.FieldRank, e.Rank) {
				t.Errorf("rank %q not in the codebook", e.Rank)
			}
			fns[e.Function]++
		}
		for _, f := range []string{"noodhulp", "wijkagent", "rechercheur", "intake", "meldkamer", "analist"} {
			if fns[f] == 0 {
				t.Errorf("no employee with function %s", f)
			}
		}
		if len(m.employees) != cfg.Employees {
			t.Errorf("%d employees, want %d", len(m.employees), cfg.Employees)
		}
		if n := len(empPerson); n < cfg.Employees*80/100 || n == cfg.Employees {
			t.Errorf("%d of %d employees have a person record, want most but not all", n, cfg.Employees)
		}
	})

	t.Run("population", func(t *testing.T) {
		if int64(len(m.persons)) != cfg.Persons {
			t.Fatalf("%d persons, want %d", len(m.persons), cfg.Persons)
		}
		pc := regexp.MustCompile(`^[1-9][0-9]{3}[A-Z]{2}$`)
		count := map[string]int{}
		flags := map[string]int{}
		for _, p := range m.persons {
			if !pc.MatchString(p.Postcode) {
				t.Fatalf("postcode %q of %s is not 1234AB", p.Postcode, p.ID)
			}
			count[p.Surname]++
			for _, f := range p.Flags {
				flags[f]++
			}
		}
		top := ""
		for s, n := range count {
			if top == "" || n > count[top] || n == count[top] && s < top {
				top = s
			}
		}
		if top != "de Jong" {
			t.Errorf("most frequent surname %q (%d), want de Jong", top, count[top])
		}
		var common int
		for _, s := range []string{"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker"} {
			common += count[s]
		}
		if share := float64(common) / float64(cfg.Persons); share < 0.01 || share > 0.05 {
			t.Errorf("five most common surnames carry %.3f of the population, want about 0.02", share)
		}
		rare := 0
		for _, n := range count {
			if n <= 3 {
				rare++
			}
		}
		if rare < len(count)/2 {
			t.Errorf("%d of %d surnames have at most 3 bearers: the tail is not long", rare, len(count))
		}
		for _, f := range []string{lekradar.FlagVIP, lekradar.FlagShielded, lekradar.FlagDeceased} {
			if flags[f] == 0 {
				t.Errorf("no person flagged %s", f)
			}
		}
		kinds := map[string]int{}
		for _, r := range m.relations {
			kinds[r.Kind]++
			if _, ok := m.persons[r.RelatedPersonID]; !ok {
				t.Fatalf("relation to unknown person %s", r.RelatedPersonID)
			}
		}
		for _, k := range []string{"partner", "ex_partner", "parent", "sibling", "household"} {
			if kinds[k] == 0 {
				t.Errorf("no relation of kind %s", k)
			}
		}
	})

	t.Run("cases and shifts", func(t *testing.T) {
		kinds := map[string]int{}
		sensitive := 0
		for _, c := range m.cases {
			kinds[c.Kind]++
			if c.Sensitive {
				sensitive++
			}
			if !c.Closed.IsZero() && c.Closed.Before(c.Opened) {
				t.Errorf("case %s closed %v before opened %v", c.ID, c.Closed, c.Opened)
			}
		}
		for _, k := range []string{lekradar.CaseIncident, lekradar.CaseInvestigation, lekradar.CaseIntake} {
			if kinds[k] == 0 {
				t.Errorf("no case of kind %s", k)
			}
		}
		if sensitive == 0 {
			t.Error("no sensitive investigation")
		}
		night := 0
		for _, s := range m.shifts {
			if !s.End.After(s.Start) || s.End.Sub(s.Start) > 12*time.Hour {
				t.Fatalf("shift %+v is not 0–12 hours", s)
			}
			if s.Start.YearDay() != s.End.YearDay() {
				night++
			}
		}
		if night == 0 {
			t.Error("no night shift across midnight")
		}
	})

	t.Run("events", func(t *testing.T) {
		ids := map[string]bool{}
		var latest time.Time
		late := 0
		for i, e := range m.events {
			if ids[e.ID] {
				t.Fatalf("event id %s twice", e.ID)
			}
			ids[e.ID] = true
			if i > 0 && e.TS.Before(latest) {
				late++
				if latest.Sub(e.TS) > 2*time.Minute {
					t.Fatalf("event %s at %v more than two minutes before an earlier line at %v", e.ID, e.TS, latest)
				}
			}
			if e.TS.After(latest) {
				latest = e.TS
			}
			if _, ok := m.persons[e.PersonID]; !ok {
				t.Fatalf("event %s looks up unknown person %s", e.ID, e.PersonID)
			}
			if _, ok := empByID[e.EmployeeID]; !ok {
				t.Fatalf("event %s by unknown employee %s", e.ID, e.EmployeeID)
			}
			if !cb.Valid(lekradar.FieldSourceSystem, e.System) {
				t.Fatalf("event %s: system %q not in the codebook", e.ID, e.System)
			}
		}
		if late == 0 || late > len(m.events)/100 {
			t.Errorf("%d of %d look-ups arrive late, want a few (mostly time-ordered)", late, len(m.events))
		}
		for _, tr := range m.truth {
			if !ids[tr.EventID] {
				t.Fatalf("truth names unknown event %s", tr.EventID)
			}
		}
		if len(m.events) < 100_000 {
			t.Errorf("%d look-ups, want a busy force", len(m.events))
		}
	})

	// The oracle must explain most legitimate look-ups and no improper one.
	t.Run("explainable", func(t *testing.T) {
		improper := map[string]bool{}
		for _, tr := range m.truth {
			improper[tr.EventID] = true
		}
		var legit, explained int
		for i := range m.events {
			e := &m.events[i]
			x := oracle.Explain(e)
			if improper[e.ID] {
				if x != "" {
					t.Errorf("improper look-up %s is explained by the records (%s)", e.ID, x)
				}
				continue
			}
			legit++
			if x != "" {
				explained++
			}
		}
		share := float64(explained) / float64(legit)
		if share < 0.85 || share > 0.99 {
			t.Errorf("%.3f of legitimate look-ups explainable, want most but not all (street checks)", share)
		}
	})

	t.Run("scenarios", func(t *testing.T) {
		byIncident := map[string][]lekradar.LookupEvent{}
		scenario := map[string]string{}
		evByID := map[string]lekradar.LookupEvent{}
		for _, e := range m.events {
			evByID[e.ID] = e
		}
		for _, tr := range m.truth {
			byIncident[tr.IncidentID] = append(byIncident[tr.IncidentID], evByID[tr.EventID])
			scenario[tr.IncidentID] = tr.Scenario
		}
		per := map[string]int{}
		for inc, evs := range byIncident {
			sc := scenario[inc]
			per[sc]++
			e := evs[0]
			emp := empByID[e.EmployeeID]
			target := m.persons[e.PersonID]
			own := m.persons[emp.PersonID]
			kind := related[[2]string{emp.PersonID, e.PersonID}]
			check := func(ok bool, what string) {
				if !ok {
					t.Errorf("%s incident %s (%s looks up %s): %s", sc, inc, emp.ID, e.PersonID, what)
				}
			}
			switch sc {
			case "self":
				check(e.PersonID == emp.PersonID, "not the employee's own record")
			case "partner", "ex_partner":
				check(kind == sc, "relation is "+kind)
			case "family":
				check(kind == "parent" || kind == "sibling", "relation is "+kind)
			case "neighbour":
				check(target.Postcode == own.Postcode && kind == "", "not a neighbour without relation")
			case "surname_relative":
				check(target.Surname == emp.Surname && kind == "", "no shared surname, or a recorded relation")
			case "colleague":
				check(personEmp[e.PersonID] != "" && personEmp[e.PersonID] != emp.ID, "not a colleague's record")
			case "vip_curiosity":
				check(slices.Contains(target.Flags, lekradar.FlagVIP), "not a vip")
			case "shielded":
				check(slices.Contains(target.Flags, lekradar.FlagShielded), "not shielded")
			case "following":
				days := map[int]bool{}
				for _, x := range evs {
					days[x.TS.YearDay()] = true
				}
				check(len(days) >= 4, fmt.Sprintf("on %d days only", len(days)))
			case "browsing", "volume_spike":
				persons := map[string]bool{}
				for _, x := range evs {
					persons[x.PersonID] = true
				}
				check(len(persons) >= 10, fmt.Sprintf("%d persons only", len(persons)))
			case "news_hype":
				emps := map[string]bool{}
				for _, x := range evs {
					emps[x.EmployeeID] = true
				}
				check(len(emps) >= 5, fmt.Sprintf("%d employees only", len(emps)))
			case "export_print":
				check(slices.ContainsFunc(evs, func(x lekradar.LookupEvent) bool {
					return x.Action == lekradar.ActionExport || x.Action == lekradar.ActionPrint
				}), "no export or print")
			}
		}
		for _, sc := range synth.Scenarios {
			if per[sc] == 0 {
				t.Errorf("no incident of scenario %s", sc)
			}
			if per[sc] != m.stats.Incidents[sc] {
				t.Errorf("scenario %s: %d incidents in truth, stats say %d", sc, per[sc], m.stats.Incidents[sc])
			}
		}
	})
}

func BenchmarkGenerate(b *testing.B) {
	cfg := smallConfig(1)
	for b.Loop() {
		MustGenerate(b, cfg)
	}
}
