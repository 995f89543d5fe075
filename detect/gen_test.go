package detect_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"lekradar"
	"lekradar/detect"
)

// genWorld is a test-only generator of a plausible world in memory, for
// benchmarks and the memory check: legitimate work explained by cases,
// incidents and roles, plus street checks.
type genWorld struct {
	employees, persons, days int
	seed                     uint64
}

var teamKinds = []string{"basisteam", "basisteam", "basisteam", "wijkteam", "noodhulp", "recherche", "intake_service", "meldkamer", "informatie_analyse", "ondersteuning"}

func pid(i int) string { return "P" + strconv.Itoa(i) }
func eid(i int) string { return "E" + strconv.Itoa(i) }
func cid(i int) string { return "C" + strconv.Itoa(i) }

type genCase struct {
	team, unit int
	kind       string
	opened     time.Time
	persons    []int
}

// build streams the context into a builder and returns the index plus what
// the event generator needs.
func (g genWorld) build() (*detect.Index, []genCase, []int) {
	r := rand.New(rand.NewPCG(g.seed, 1))
	nUnits := 10
	nTeams := max(g.employees/25, 10)
	b := detect.NewBuilder(detect.SizeHint{Persons: g.persons, Employees: g.employees, Cases: g.persons / 8})
	for u := 0; u < nUnits; u++ {
		b.AddUnit(&lekradar.Unit{ID: "U" + strconv.Itoa(u)})
	}
	for t := 0; t < nTeams; t++ {
		b.AddTeam(&lekradar.Team{ID: "T" + strconv.Itoa(t), UnitID: "U" + strconv.Itoa(t%nUnits), Kind: teamKinds[t%len(teamKinds)]})
	}
	empTeam := make([]int, g.employees)
	for e := 0; e < g.employees; e++ {
		t := r.IntN(nTeams)
		empTeam[e] = t
		b.AddEmployee(&lekradar.Employee{ID: eid(e), PersonID: pid(e), Surname: "S" + strconv.Itoa(r.IntN(20000)),
			UnitID: "U" + strconv.Itoa(t%nUnits), TeamID: "T" + strconv.Itoa(t), Rank: "agent", Function: "noodhulp"})
	}
	var p lekradar.Person
	for i := 0; i < g.persons; i++ {
		p = lekradar.Person{ID: pid(i), Surname: "S" + strconv.Itoa(int(r.ExpFloat64()*3000)), BirthYear: 1930 + r.IntN(90),
			Postcode: strconv.Itoa(1000+r.IntN(9000)) + "AB", HouseNumber: strconv.Itoa(1 + r.IntN(200))}
		if i%10000 == 7 {
			p.Flags = []string{lekradar.FlagVIP}
		}
		b.AddPerson(&p)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	nCases := g.persons / 8
	cases := make([]genCase, nCases)
	kinds := []string{"incident", "incident", "investigation", "intake"}
	for c := 0; c < nCases; c++ {
		t := r.IntN(nTeams)
		gc := genCase{team: t, unit: t % nUnits, kind: kinds[r.IntN(len(kinds))], opened: start.Add(time.Duration(r.Int64N(int64(g.days) * int64(24*time.Hour))))}
		lc := lekradar.Case{ID: cid(c), Kind: gc.kind, UnitID: "U" + strconv.Itoa(gc.unit), TeamID: "T" + strconv.Itoa(t),
			Opened: gc.opened, OpenedHasTime: true, Sensitive: gc.kind == "investigation" && r.IntN(20) == 0}
		if r.IntN(2) == 0 {
			lc.Closed = gc.opened.Add(time.Duration(1+r.IntN(60)) * 24 * time.Hour)
			lc.ClosedHasTime = true
		}
		b.AddCase(&lc)
		n := 1 + r.IntN(3)
		for k := 0; k < n; k++ {
			pp := r.IntN(g.persons)
			gc.persons = append(gc.persons, pp)
			b.AddCasePerson(&lekradar.CasePerson{CaseID: cid(c), PersonID: pid(pp), Role: "betrokkene"})
		}
		if gc.kind == "investigation" {
			for k := 0; k < 2; k++ {
				b.AddCaseStaff(&lekradar.CaseStaff{CaseID: cid(c), EmployeeID: eid(r.IntN(g.employees)), From: gc.opened.Truncate(24 * time.Hour)})
			}
		}
		cases[c] = gc
	}
	for e := 0; e < g.employees; e++ {
		for d := 0; d < g.days; d++ {
			s := start.AddDate(0, 0, d).Add(7 * time.Hour)
			b.AddShift(&lekradar.Shift{EmployeeID: eid(e), Start: s, End: s.Add(8 * time.Hour)})
		}
	}
	return b.Build(), cases, empTeam
}

// events generates n look-ups in time order: mostly persons from the
// employee's team's cases, some street checks of random persons.
func (g genWorld) events(cases []genCase, empTeam []int, n int) []detect.Event {
	r := rand.New(rand.NewPCG(g.seed, 2))
	byTeam := map[int][]int{}
	for c, gc := range cases {
		byTeam[gc.team] = append(byTeam[gc.team], c)
	}
	for _, cs := range byTeam {
		slices.SortFunc(cs, func(a, b int) int { return cases[a].opened.Compare(cases[b].opened) })
	}
	start := time.Date(2026, 1, 1, 7, 0, 0, 0, time.UTC)
	perDay := max(n/g.days, 1)
	step := int64(8*time.Hour) / int64(perDay)
	out := make([]detect.Event, n)
	actions := []detect.Action{detect.ActionQuery, detect.ActionQuery, detect.ActionView, detect.ActionView, detect.ActionView}
	for i := range out {
		ts := start.UnixNano() + int64(i/perDay)*int64(24*time.Hour) + int64(i%perDay)*step
		e := r.IntN(g.employees)
		var person int
		cs := byTeam[empTeam[e]]
		// cases of the team opened in the 20 days before the look-up
		hi, _ := slices.BinarySearchFunc(cs, ts, func(c int, ts int64) int { return cmp.Compare(cases[c].opened.UnixNano(), ts) })
		lo, _ := slices.BinarySearchFunc(cs, ts-int64(20*24*time.Hour), func(c int, ts int64) int { return cmp.Compare(cases[c].opened.UnixNano(), ts) })
		if hi > lo && r.IntN(100) < 95 {
			gc := cases[cs[lo+r.IntN(hi-lo)]]
			person = gc.persons[r.IntN(len(gc.persons))]
		} else {
			person = r.IntN(g.persons)
		}
		out[i] = detect.Event{ID: []byte("e" + strconv.Itoa(i)), TS: ts, EmployeeID: []byte(eid(e)), System: []byte("bvh"),
			Action: actions[r.IntN(len(actions))], PersonID: []byte(pid(person))}
	}
	return out
}
