package synth

import (
	"math/rand/v2"
	"strconv"

	"lekradar"
)

// caseRec is a case the generator keeps in memory (investigations; incidents
// and intakes live only for their day).
type caseRec struct {
	idx       int
	kind      string
	unit      int
	team      int
	opened    int64 // Unix seconds
	openTime  bool  // opened carries a time of day
	closed    int64 // 0: still open
	closeTime bool
	sensitive bool
	persons   []int64
	roles     []string
	staff     []staffRec
}

type staffRec struct {
	emp      int
	from, to int // days; to < 0: still assigned
}

// assignment is a case an employee works on, for the days [from, to].
type assignment struct {
	c        *caseRec
	from, to int
}

func caseID(idx int) string { return "C" + strconv.Itoa(idx+1) }

func (w *world) newCase(kind string, unit, team int) *caseRec {
	c := &caseRec{idx: w.cases, kind: kind, unit: unit, team: team}
	w.cases++
	return c
}

// openOn reports whether the case is open on day d (dates inclusive).
func (w *world) openOn(c *caseRec, d int) bool {
	if w.dayOf(c.opened) > d {
		return false
	}
	return c.closed == 0 || w.dayOf(c.closed) >= d
}

var investigationRoles = []string{"verdachte", "verdachte", "verdachte", "getuige", "getuige",
	"slachtoffer", "betrokkene", "informant"}

// randomRegionPerson draws a person in the region for a case: never an
// improper target, never in an overridden block (employees, their
// relatives, public figures and shielded persons appear only on purpose).
func (w *world) randomRegionPerson(r *rand.Rand, rg *region) int64 {
	p := w.pop
	for try := 0; ; try++ {
		b := p.randomBlockIn(rg, r.Uint64())
		if _, ov := p.overrides[b]; ov && try < 100 {
			continue
		}
		n := int64(blockSlots)
		if rest := p.n - b*blockSlots; rest < n {
			n = rest
		}
		k := b*blockSlots + r.Int64N(n)
		if w.reserved[k] && try < 100 {
			continue
		}
		return k
	}
}

// regionFor returns the unit's region, or a random one for national units.
func (w *world) regionFor(r *rand.Rand, unit int) *region {
	if rg := w.pop.regionOfUnit(unit); rg != nil {
		return rg
	}
	return &w.pop.regions[r.IntN(len(w.pop.regions))]
}

// buildInvestigations creates the long-running investigations of recherche,
// specialist and neighbourhood teams, with persons and staff.
func (w *world) buildInvestigations() {
	r := newRand(w.seed, streamCases, 1)
	for ti, t := range w.teams {
		members := w.teamMembers[ti]
		if len(members) == 0 {
			continue
		}
		var n int
		sensitivePct := 0
		switch t.kind {
		case tkRecherche:
			n = 2 + len(members)/5
			sensitivePct = 12
			if w.units[t.unit].code == "landelijke_eenheid" {
				sensitivePct = 55
			}
		case tkSpecial:
			n = 1 + len(members)/10
			sensitivePct = 60
		default:
			continue
		}
		for i := 0; i < n; i++ {
			c := w.newCase(lekradar.CaseInvestigation, t.unit, ti)
			openDay := -r.IntN(120)
			if r.IntN(100) < 30 {
				openDay = r.IntN(max(1, w.days))
			}
			c.opened = w.dayStart(openDay)
			if r.IntN(100) < 25 {
				cd := openDay + 20 + r.IntN(60)
				if cd < w.days {
					c.closed = w.dayStart(max(cd, 0))
				}
			}
			c.sensitive = r.IntN(100) < sensitivePct
			rg := w.regionFor(r, t.unit)
			np := 3 + r.IntN(10)
			for j := 0; j < np; j++ {
				k := w.randomRegionPerson(r, rg)
				c.persons = append(c.persons, k)
				c.roles = append(c.roles, investigationRoles[r.IntN(len(investigationRoles))])
				w.inCase[k] = true
			}
			// a team of detectives, sometimes with an analyst or a specialist
			ns := min(len(members), 2+r.IntN(4))
			for _, j := range r.Perm(len(members))[:ns] {
				w.assign(c, members[j], openDay, r)
			}
			if r.IntN(100) < 50 {
				if an := w.unitTeams[t.unit][tkAnalyse]; len(an) > 0 {
					if m := w.teamMembers[an[r.IntN(len(an))]]; len(m) > 0 {
						w.assign(c, m[r.IntN(len(m))], openDay, r)
					}
				}
			}
			if c.sensitive {
				for _, k := range c.persons {
					w.sensitivePersons[k] = true
				}
			}
			w.invest = append(w.invest, c)
		}
	}
	// Analysts without an investigation of their own unit join one anywhere.
	for i := range w.emps {
		e := &w.emps[i]
		if e.function != fnAnalist || len(w.assignments[i]) > 0 || len(w.invest) == 0 {
			continue
		}
		for j := 0; j < 2; j++ {
			c := w.invest[r.IntN(len(w.invest))]
			w.assign(c, i, w.dayOf(c.opened), r)
		}
	}
	// Neighbourhood officers have small cases of their own (nuisance,
	// domestic trouble), handled by their team.
	for i := range w.emps {
		e := &w.emps[i]
		if e.function != fnWijkagent {
			continue
		}
		rg := w.regionFor(r, e.unit)
		for j := 0; j < 1+r.IntN(2); j++ {
			c := w.newCase(lekradar.CaseInvestigation, e.unit, e.team)
			openDay := -r.IntN(60) + r.IntN(max(1, w.days/2))
			c.opened = w.dayStart(openDay)
			for q := 0; q < 1+r.IntN(4); q++ {
				k := w.randomRegionPerson(r, rg)
				c.persons = append(c.persons, k)
				c.roles = append(c.roles, []string{"betrokkene", "verdachte", "melder"}[r.IntN(3)])
				w.inCase[k] = true
			}
			w.assign(c, i, openDay, r)
			w.invest = append(w.invest, c)
		}
	}
}

// assign puts an employee on a case from a day (not before the employee
// joined) until the case closes.
func (w *world) assign(c *caseRec, emp, from int, r *rand.Rand) {
	e := &w.emps[emp]
	if from < e.startDay {
		from = e.startDay
	}
	to := -1
	if c.closed != 0 {
		to = w.dayOf(c.closed)
	}
	if to >= 0 && to < from {
		return
	}
	for _, s := range c.staff {
		if s.emp == emp {
			return
		}
	}
	c.staff = append(c.staff, staffRec{emp: emp, from: from, to: to})
	w.assignments[emp] = append(w.assignments[emp], assignment{c: c, from: from, to: to})
}

// writeCase writes a case with its persons and staff.
func (w *world) writeCase(c *caseRec) error {
	k := lekradar.Case{
		ID: caseID(c.idx), Kind: c.kind, UnitID: w.units[c.unit].code, TeamID: w.teams[c.team].id,
		Opened: w.timeOf(c.opened), OpenedHasTime: c.openTime, Sensitive: c.sensitive,
	}
	if c.closed != 0 {
		k.Closed, k.ClosedHasTime = w.timeOf(c.closed), c.closeTime
	}
	if err := w.cs.WriteCase(k); err != nil {
		return err
	}
	w.stats.Cases++
	for i, p := range c.persons {
		if err := w.cs.WriteCasePerson(lekradar.CasePerson{CaseID: k.ID, PersonID: personID(p), Role: c.roles[i]}); err != nil {
			return err
		}
		w.stats.CasePersons++
	}
	for _, s := range c.staff {
		cs := lekradar.CaseStaff{CaseID: k.ID, EmployeeID: w.emps[s.emp].id, From: w.dateOf(s.from)}
		if s.to >= 0 {
			cs.To = w.dateOf(s.to)
		}
		if err := w.cs.WriteCaseStaff(cs); err != nil {
			return err
		}
		w.stats.CaseStaff++
	}
	return nil
}

func (w *world) writeInvestigations() error {
	w.teamInvest = make([][]*caseRec, len(w.teams))
	for _, c := range w.invest {
		w.teamInvest[c.team] = append(w.teamInvest[c.team], c)
	}
	for _, c := range w.invest {
		if err := w.writeCase(c); err != nil {
			return err
		}
	}
	return nil
}
