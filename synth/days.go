package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"

	"lekradar"
)

// onShift is an employee at work in a shift.
type onShift struct {
	emp int
	s   shift
}

// Rates of the legitimate work, per shift unless said otherwise. They are
// set so that the default world has about 1.5 million look-ups with the mix
// of a police force: most look-ups explained by incidents and cases, a
// residue of street checks and role-based work that no record explains.
const (
	incidentsPerStaffDay = 0.4 // police incidents per employee of a territorial unit per day
	followUpPct          = 8   // incidents a neighbourhood officer follows up
	vipIncidentPct       = 1.0 // incidents with a public figure in them (legitimately)
	streetChecksNoodhulp = 2.5
	streetChecksWijk     = 1.2
	assistWithCaseNumber = 0.4 // look-ups for another team's case, quoting its number
	assignedWijk         = 25
	assignedRecherche    = 60
	teamCaseRecherche    = 5
	assignedSpecialist   = 25
	assignedAnalist      = 90
	networkAnalist       = 4  // analysts' unexplained network look-ups
	callersMeldkamer     = 12 // control-room look-ups of callers not in any record
	intakesPerShift      = 10
	walkInsPerShift      = 0.5
	teamCaseTeamchef     = 5
	regularsPerWijk      = 4
	overtimePct          = 10  // rechercheur shifts with case work after the rostered end
	colleagueIncidentPct = 0.5 // incidents with an employee of another unit in them
	regularPerShift      = 0.07
)

// regularsOf returns the neighbourhood officer's regulars, drawn once.
func (w *world) regularsOf(r *rand.Rand, emp int) []int64 {
	if l, ok := w.regulars[emp]; ok {
		return l
	}
	l := make([]int64, regularsPerWijk)
	for i := range l {
		l[i] = w.localPerson(r, &w.emps[emp])
	}
	w.regulars[emp] = l
	return l
}

var hourWeights = []float64{2.5, 2, 1.5, 1, 1, 1, 1.5, 2.5, 3, 3.5, 4, 4, 4, 4, 4, 4.5, 5, 5, 5, 5, 4.5, 4, 3.5, 3}

// runDays generates the roster, the day's incidents and intakes, and the
// look-ups, day by day, writing events in time order.
func (w *world) runDays() error {
	impByDay := make([][]event, w.days+1)
	for ii, inc := range w.incidents {
		for _, x := range inc.events {
			x.truth = int32(ii)
			d := min(max(w.dayOf(x.ts), 0), w.days)
			impByDay[d] = append(impByDay[d], x)
		}
	}
	var buf []event
	var prev []onShift // shifts that started the day before
	for d := 0; d < w.days; d++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		r := newRand(w.seed, streamDay, uint64(d))
		var today []onShift
		for i := range w.emps {
			if s, ok := w.shiftOn(&w.emps[i], d); ok {
				today = append(today, onShift{i, s})
				err := w.cs.WriteShift(lekradar.Shift{EmployeeID: w.emps[i].id, Start: w.timeOf(s.start), End: w.timeOf(s.end)})
				if err != nil {
					return err
				}
				w.stats.Shifts++
			}
		}
		working := append(slices.Clip(prev), today...)
		var err error
		if buf, err = w.incidentsOfDay(r, d, working, buf); err != nil {
			return err
		}
		for _, os := range today {
			if buf, err = w.workOfShift(r, d, os, buf); err != nil {
				return err
			}
		}
		buf = append(buf, impByDay[d]...)
		if d == w.days-1 {
			buf = append(buf, impByDay[w.days]...)
		}
		for i := range buf {
			if buf[i].seq == 0 {
				w.eventSeq++
				buf[i].seq = w.eventSeq
				buf[i].arrive = buf[i].ts
				// Some source systems deliver late: the log is in time
				// order, mostly.
				if h := hash3(w.seed, streamArrival, uint64(w.eventSeq)); h%1000 < lateArrivalPerMille {
					buf[i].arrive += 1 + int64((h>>10)%uint64(maxLateSeconds))
				}
			}
		}
		slices.SortFunc(buf, byArrival)
		end := w.dayStart(d + 1)
		n := 0
		for n < len(buf) && buf[n].arrive < end {
			n++
		}
		if d == w.days-1 {
			n = len(buf)
		}
		if err := w.writeEvents(buf[:n]); err != nil {
			return err
		}
		buf = append(buf[:0], buf[n:]...)
		prev = today
		w.pruneAssignments(d)
	}
	return nil
}

// Late arrivals: this share of look-ups (per mille) reaches the log up to
// maxLateSeconds after later ones.
const (
	lateArrivalPerMille = 5
	maxLateSeconds      = 120
)

func byArrival(a, b event) int {
	if a.arrive != b.arrive {
		if a.arrive < b.arrive {
			return -1
		}
		return 1
	}
	return int(a.seq) - int(b.seq)
}

// pruneAssignments drops finished short assignments (incident follow-ups),
// so memory does not grow with the length of the period.
func (w *world) pruneAssignments(d int) {
	for i := range w.assignments {
		a := w.assignments[i]
		if len(a) == 0 {
			continue
		}
		w.assignments[i] = slices.DeleteFunc(a, func(x assignment) bool {
			return x.c.kind == lekradar.CaseIncident && x.to >= 0 && x.to < d
		})
	}
}

func (w *world) writeEvents(evs []event) error {
	var le lekradar.LookupEvent
	idbuf := make([]byte, 0, 16)
	for i := range evs {
		x := &evs[i]
		w.nextID++
		idbuf = append(idbuf[:0], "e-"...)
		num := strconv.FormatInt(w.nextID, 10)
		for p := len(num); p < 9; p++ {
			idbuf = append(idbuf, '0')
		}
		idbuf = append(idbuf, num...)
		le.ID = string(idbuf)
		le.TS = w.timeOf(x.ts)
		le.EmployeeID = w.emps[x.emp].id
		le.System = systems[x.system]
		le.Action = actions[x.action]
		le.PersonID = personID(int64(x.person))
		le.CaseID = ""
		if x.cas >= 0 {
			le.CaseID = caseID(int(x.cas))
		}
		if err := w.es.Write(&le); err != nil {
			return err
		}
		w.stats.Events++
		if x.truth >= 0 {
			inc := w.incidents[x.truth]
			if err := w.ts.WriteTruth(le.ID, inc.id, inc.scenario); err != nil {
				return err
			}
			w.stats.ImproperEvents++
		}
	}
	return nil
}

func (w *world) legit(r *rand.Rand, emp int, t int64, person int64, action uint8, cas int) event {
	return event{ts: t, emp: int32(emp), person: int32(person), cas: int32(cas), truth: -1,
		system: pickSystem(r), action: action}
}

// incidentsOfDay creates the day's police incidents per territorial unit,
// writes them, and makes the look-ups of the responders and the control
// room on shift.
func (w *world) incidentsOfDay(r *rand.Rand, d int, working []onShift, buf []event) ([]event, error) {
	// on-shift responders and operators per unit
	responders := make([][]onShift, len(w.units))
	operators := make([][]onShift, len(w.units))
	wijk := make([][]int, len(w.units))
	for _, os := range working {
		e := &w.emps[os.emp]
		switch e.function {
		case fnNoodhulp:
			responders[e.unit] = append(responders[e.unit], os)
		case fnMeldkamer:
			operators[e.unit] = append(operators[e.unit], os)
		}
	}
	for i := range w.emps {
		if w.emps[i].function == fnWijkagent && w.emps[i].startDay <= d {
			wijk[w.emps[i].unit] = append(wijk[w.emps[i].unit], i)
		}
	}
	type todo struct {
		unit   int
		opened int64
		forced int64 // a person that must be in it, or -1
	}
	var list []todo
	for ui, u := range w.units {
		if u.popShare == 0 {
			continue
		}
		n := poisson(r, float64(w.unitStaff[ui])*incidentsPerStaffDay)
		for i := 0; i < n; i++ {
			h := pickWeighted(r, hourWeights)
			list = append(list, todo{ui, w.dayStart(d) + int64(h*3600+r.IntN(3600)), -1})
		}
	}
	for _, s := range w.scheduled[d] {
		list = append(list, todo{s.unit, s.opened, s.person})
	}
	slices.SortStableFunc(list, func(a, b todo) int { return int(a.opened - b.opened) })
	for _, td := range list {
		teams := append(slices.Clip(w.unitTeams[td.unit][tkBasisteam]), w.unitTeams[td.unit][tkNoodhulp]...)
		if len(teams) == 0 {
			continue
		}
		c := w.newCase(lekradar.CaseIncident, td.unit, teams[r.IntN(len(teams))])
		c.opened, c.openTime = td.opened, true
		c.closed, c.closeTime = td.opened+int64(3600+r.IntN(5*3600)), true
		rg := w.pop.regionOfUnit(td.unit)
		np := 1 + pickWeighted(r, []float64{40, 35, 18, 7})
		for j := 0; j < np; j++ {
			c.persons = append(c.persons, w.randomRegionPerson(r, rg))
			c.roles = append(c.roles, []string{"melder", "verdachte", "betrokkene", "slachtoffer"}[r.IntN(4)])
		}
		if r.Float64()*100 < colleagueIncidentPct {
			// An employee (off duty, of another unit) as witness or victim:
			// the responders look up a colleague, legitimately.
			for try := 0; try < 20; try++ {
				j := r.IntN(len(w.emps))
				if k := w.emps[j].personIndex(); k >= 0 && w.emps[j].unit != td.unit && !w.reserved[k] {
					c.persons = append(c.persons, k)
					c.roles = append(c.roles, []string{"getuige", "slachtoffer"}[r.IntN(2)])
					break
				}
			}
		}
		if td.forced >= 0 {
			c.persons = append(c.persons, td.forced)
			c.roles = append(c.roles, "betrokkene")
		} else if r.Float64()*100 < vipIncidentPct && len(w.vipLegit) > 0 {
			// a public figure, legitimately in an incident
			v := w.vipLegit[r.IntN(len(w.vipLegit))]
			if !w.reserved[v] {
				c.persons = append(c.persons, v)
				c.roles = append(c.roles, []string{"slachtoffer", "betrokkene", "verdachte"}[r.IntN(3)])
			}
		}
		if r.IntN(100) < followUpPct && len(wijk[td.unit]) > 0 {
			emp := wijk[td.unit][r.IntN(len(wijk[td.unit]))]
			a := staffRec{emp: emp, from: d, to: d + 3 + r.IntN(8)}
			c.staff = append(c.staff, a)
			w.assignments[emp] = append(w.assignments[emp], assignment{c: c, from: a.from, to: a.to})
		}
		if err := w.writeCase(c); err != nil {
			return buf, err
		}
		// responders: on shift when it happens, preferably of the team
		var cands []onShift
		for _, os := range responders[td.unit] {
			if os.s.start <= c.opened && c.opened < os.s.end-600 {
				cands = append(cands, os)
			}
		}
		nr := min(len(cands), 1+r.IntN(3))
		for _, j := range r.Perm(len(cands))[:nr] {
			os := cands[j]
			hi := min(c.opened+3*3600, os.s.end)
			for _, k := range c.persons {
				nv := 1 + poisson(r, 2.5)
				for v := 0; v < nv; v++ {
					t := c.opened + 60 + r.Int64N(max(1, hi-c.opened-60))
					cas := -1
					if r.IntN(100) < 25 {
						cas = c.idx
					}
					a := actView
					if v == 0 {
						a = actQuery
					}
					buf = append(buf, w.legit(r, os.emp, t, k, a, cas))
				}
			}
		}
		// the control room looks everyone up when the call comes in
		var ops []onShift
		for _, os := range operators[td.unit] {
			if os.s.start <= c.opened && c.opened < os.s.end-600 {
				ops = append(ops, os)
			}
		}
		if len(ops) > 0 {
			os := ops[r.IntN(len(ops))]
			for _, k := range c.persons {
				for v := 0; v < 1+r.IntN(3); v++ {
					buf = append(buf, w.legit(r, os.emp, c.opened+r.Int64N(600), k, actQuery, -1))
				}
			}
		}
	}
	return buf, nil
}

// localPerson draws a person of the unit's region for a look-up no record
// explains (a street check, a caller, a walk-in): never an employee, a
// relative of one, a public figure, a shielded person or an improper target.
func (w *world) localPerson(r *rand.Rand, e *employee) int64 {
	p := w.pop
	rg := w.regionFor(r, e.unit)
	myPC := int64(-1)
	if e.block >= 0 {
		myPC = e.block / blocksPerPostcode
	}
	for try := 0; ; try++ {
		b := p.randomBlockIn(rg, r.Uint64())
		if _, ov := p.overrides[b]; (ov || b/blocksPerPostcode == myPC) && try < 5000 {
			continue
		}
		n := int64(blockSlots)
		if rest := p.n - b*blockSlots; rest < n {
			n = rest
		}
		k := b*blockSlots + r.Int64N(n)
		if (w.reserved[k] || w.sensitivePersons[k]) && try < 5000 {
			continue
		}
		return k
	}
}

// sameSurnamePerson finds a local person who shares the employee's (very
// common) surname without being family: the hard case for surname rules.
func (w *world) sameSurnamePerson(r *rand.Rand, e *employee) int64 {
	var blk block
	for try := 0; try < 400; try++ {
		k := w.localPerson(r, e)
		m, _ := w.pop.personOf(k, &blk)
		if m.surname == e.surname {
			return k
		}
	}
	return -1
}

// workOfShift makes the look-ups of one shift's own work.
func (w *world) workOfShift(r *rand.Rand, d int, os onShift, buf []event) ([]event, error) {
	e := &w.emps[os.emp]
	s := os.s
	at := func() int64 { return s.start + r.Int64N(s.end-s.start) }
	streetChecks := func(mean float64) {
		for i := poisson(r, mean); i > 0; i-- {
			t := at()
			k := int64(-1)
			if isVeryCommon(e.surname) && r.IntN(100) < 15 {
				k = w.sameSurnamePerson(r, e)
			}
			if k < 0 {
				k = w.localPerson(r, e)
			}
			buf = append(buf, w.legit(r, os.emp, t, k, actQuery, -1))
			if r.IntN(100) < 12 { // a car with passengers
				for j := 0; j < 1+r.IntN(2); j++ {
					buf = append(buf, w.legit(r, os.emp, t+int64(5+r.IntN(60)), w.localPerson(r, e), actQuery, -1))
				}
			}
		}
	}
	assigned := func(mean float64, casePct, exportPct int) {
		var act []*caseRec
		for _, a := range w.assignments[os.emp] {
			if a.from <= d && (a.to < 0 || d <= a.to) && w.openOn(a.c, d) {
				act = append(act, a.c)
			}
		}
		if len(act) == 0 {
			return
		}
		for i := poisson(r, mean); i > 0; i-- {
			c := act[r.IntN(len(act))]
			buf = append(buf, w.caseLookup(r, os.emp, at(), c, casePct, exportPct))
		}
	}
	teamCases := func(mean float64) {
		var act []*caseRec
		for _, c := range w.teamInvest[e.team] {
			if w.openOn(c, d) {
				act = append(act, c)
			}
		}
		if len(act) == 0 {
			return
		}
		for i := poisson(r, mean); i > 0; i-- {
			buf = append(buf, w.caseLookup(r, os.emp, at(), act[r.IntN(len(act))], 20, 0))
		}
	}
	unexplained := func(mean float64) {
		for i := poisson(r, mean); i > 0; i-- {
			buf = append(buf, w.legit(r, os.emp, at(), w.localPerson(r, e), actQuery, -1))
		}
	}
	switch e.function {
	case fnNoodhulp:
		streetChecks(streetChecksNoodhulp)
		for i := poisson(r, assistWithCaseNumber); i > 0; i-- {
			if c := w.unitCase(r, e.unit, d); c != nil {
				buf = append(buf, w.caseLookup(r, os.emp, at(), c, 100, 0))
			}
		}
	case fnWijkagent:
		assigned(assignedWijk, 35, 0)
		streetChecks(streetChecksWijk)
		// Regulars: locals a neighbourhood officer knows and checks now
		// and then without a case (a hard case for "following").
		for _, k := range w.regularsOf(r, os.emp) {
			if r.Float64() < regularPerShift {
				buf = append(buf, w.legit(r, os.emp, at(), k, actQuery, -1))
			}
		}
	case fnRechercheur:
		assigned(assignedRecherche, 45, 3)
		teamCases(teamCaseRecherche)
		if r.IntN(100) < overtimePct {
			// Overtime: case work after the rostered shift ends.
			s.start, s.end = s.end, s.end+int64(30+r.IntN(61))*60
			assigned(3, 45, 0)
		}
	case fnSpecialist:
		assigned(assignedSpecialist, 30, 0)
	case fnAnalist:
		assigned(assignedAnalist, 30, 2)
		unexplained(networkAnalist)
	case fnTeamchef:
		teamCases(teamCaseTeamchef)
	case fnMeldkamer:
		unexplained(callersMeldkamer)
	case fnIntake:
		var err error
		if buf, err = w.intakes(r, d, os, buf); err != nil {
			return buf, err
		}
		unexplained(walkInsPerShift)
	}
	return buf, nil
}

// caseLookup looks up a person of a case; the first persons (the main
// suspects) are looked up most, which makes repeats over days.
func (w *world) caseLookup(r *rand.Rand, emp int, t int64, c *caseRec, casePct, exportPct int) event {
	j := min(len(c.persons)-1, int(r.ExpFloat64()*2))
	cas := -1
	if r.IntN(100) < casePct {
		cas = c.idx
	}
	a := []uint8{actQuery, actView, actView}[r.IntN(3)]
	if r.IntN(100) < exportPct {
		a = []uint8{actExport, actPrint}[r.IntN(2)]
	}
	return w.legit(r, emp, t, c.persons[j], a, cas)
}

// unitCase returns a random open, not sensitive investigation of the unit.
func (w *world) unitCase(r *rand.Rand, unit, d int) *caseRec {
	for try := 0; try < 20 && len(w.invest) > 0; try++ {
		c := w.invest[r.IntN(len(w.invest))]
		if c.unit == unit && !c.sensitive && w.openOn(c, d) {
			return c
		}
	}
	return nil
}

// intakes registers the reports an intake employee takes in a shift and
// the look-ups that go with them.
func (w *world) intakes(r *rand.Rand, d int, os onShift, buf []event) ([]event, error) {
	e := &w.emps[os.emp]
	rg := w.regionFor(r, e.unit)
	for i := poisson(r, intakesPerShift); i > 0; i-- {
		t := os.s.start + r.Int64N(max(1, os.s.end-os.s.start-1800))
		c := w.newCase(lekradar.CaseIntake, e.unit, e.team)
		c.opened, c.openTime = t, true
		c.closed, c.closeTime = t+int64(1800+r.IntN(3*3600)), true
		if r.IntN(100) < 20 {
			c.closed, c.closeTime = 0, false // still open: waiting for a follow-up
		}
		c.persons = append(c.persons, w.randomRegionPerson(r, rg))
		c.roles = append(c.roles, "aangever")
		if r.IntN(100) < 35 {
			c.persons = append(c.persons, w.randomRegionPerson(r, rg))
			c.roles = append(c.roles, []string{"verdachte", "betrokkene"}[r.IntN(2)])
		}
		c.staff = append(c.staff, staffRec{emp: os.emp, from: d, to: d})
		if err := w.writeCase(c); err != nil {
			return buf, err
		}
		for _, k := range c.persons {
			for v := 0; v < 1+r.IntN(3); v++ {
				cas := -1
				if r.IntN(100) < 70 {
					cas = c.idx
				}
				tt := min(t+r.Int64N(2400), os.s.end-1)
				buf = append(buf, w.legit(r, os.emp, tt, k, []uint8{actQuery, actView}[r.IntN(2)], cas))
			}
		}
	}
	return buf, nil
}
