package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Scenarios are the improper-look-up patterns, as named in truth.csv.
var Scenarios = []string{
	"self", "family", "partner", "ex_partner", "neighbour", "surname_relative", "colleague",
	"vip_curiosity", "shielded", "sensitive_investigation", "off_shift", "browsing",
	"following", "export_print", "news_hype", "volume_spike",
}

// minFollowingDays is the shortest world that gets following incidents.
const minFollowingDays = 14

// incident is one improper episode: an employee and the look-ups it made.
type incident struct {
	id       string
	scenario string
	emp      int
	events   []event
}

// scheduledIncident is a police incident made for the story (the famous
// person of a news hype) that the day loop writes with the day's incidents.
type scheduledIncident struct {
	unit   int
	opened int64
	person int64
}

// event is a look-up in compact form; ts in Unix seconds.
type event struct {
	ts     int64
	arrive int64 // when the log receives it: ts, or a little later for a late system
	seq    uint32
	emp    int32
	person int32
	cas    int32 // case number given, -1 none
	truth  int32 // incident index, -1 for legitimate look-ups
	system uint8
	action uint8
}

var systems = []string{"bvh", "blueview", "brp", "rdw", "summit", "bvi", "meos"}
var systemWeights = []float64{50, 18, 12, 6, 5, 4, 5}

var actions = []string{"query", "view", "export", "print"}

const (
	actQuery uint8 = iota
	actView
	actExport
	actPrint
)

func pickSystem(r *rand.Rand) uint8 { return uint8(pickWeighted(r, systemWeights)) }

// coverCaseNumberPct is the share of improper look-ups that quote a case
// number of the employee's own work which the person is not in.
const coverCaseNumberPct = 15

// perScenario is the number of incidents of each scenario: enough to
// measure recall per scenario on a small world, growing with its size.
func (w *world) perScenario() int {
	n := w.cfg.Employees * w.days / 4000
	return max(min(10, max(2, w.cfg.Employees/40)), n)
}

// planImproper draws the improper incidents and reserves their targets.
func (w *world) planImproper() {
	r := newRand(w.seed, streamPlan, 1)
	weights := make([]float64, len(w.emps))
	for i := range w.emps {
		e := &w.emps[i]
		if e.function == fnOndersteuning || e.function == fnStaf {
			weights[i] = 0.15
		} else {
			weights[i] = e.riskWeight
		}
	}
	cum := make([]float64, len(weights))
	var total float64
	for i, x := range weights {
		total += x
		cum[i] = total
	}
	pickEmp := func(ok func(e *employee) bool) int {
		for try := 0; try < 2000; try++ {
			i, _ := slices.BinarySearch(cum, r.Float64()*total)
			i = min(i, len(cum)-1)
			if ok(&w.emps[i]) {
				return i
			}
		}
		return -1
	}
	n := w.perScenario()
	for _, sc := range Scenarios {
		count := n
		if sc == "news_hype" {
			count = max(4, n/3)
		}
		for j := 0; j < count; j++ {
			var inc *incident
			for try := 0; try < 20 && inc == nil; try++ {
				inc = w.planOne(r, sc, pickEmp)
			}
			if inc == nil {
				continue
			}
			inc.id = fmt.Sprintf("I%04d", len(w.incidents)+1)
			w.incidents = append(w.incidents, inc)
		}
	}
}

// shiftTime draws a day with a shift of the employee (from minDay) and a
// moment within it.
func (w *world) shiftTime(r *rand.Rand, e *employee, minDay int) (int64, shift, bool) {
	for try := 0; try < 60; try++ {
		d := minDay + r.IntN(max(1, w.days-minDay))
		if s, ok := w.shiftOn(e, d); ok {
			span := s.end - s.start
			t := s.start + int64(float64(span)*(0.05+0.9*r.Float64()))
			if w.dayOf(t) < w.days {
				return t, s, true
			}
		}
	}
	return 0, shift{}, false
}

// unrelatedPerson draws a person the employee has no recorded link with
// and who is in no case: mostly from the employee's own region.
func (w *world) unrelatedPerson(r *rand.Rand, e *employee) int64 {
	p := w.pop
	var rg *region
	if x := p.regionOfUnit(e.unit); x != nil && r.IntN(100) < 75 {
		rg = x
	} else {
		rg = &p.regions[r.IntN(len(p.regions))]
	}
	myPC := int64(-1)
	if e.block >= 0 {
		myPC = e.block / blocksPerPostcode
	}
	for try := 0; try < 5000; try++ {
		b := p.randomBlockIn(rg, r.Uint64())
		if _, ov := p.overrides[b]; ov || b/blocksPerPostcode == myPC || p.n-b*blockSlots < blockSlots {
			continue
		}
		k := b*blockSlots + r.Int64N(blockSlots)
		if w.inCase[k] || w.reserved[k] {
			continue
		}
		var blk block
		m, _ := p.personOf(k, &blk)
		if m.surname == e.surname || p.isDeceased(k, int(m.birthYear)) {
			continue
		}
		return k
	}
	return -1
}

func (w *world) ev(r *rand.Rand, t int64, person int64, action uint8) event {
	return event{ts: t, person: int32(person), cas: -1, system: pickSystem(r), action: action}
}

// burst makes 1..max look-ups of one person starting at t, minutes apart.
func (w *world) burst(r *rand.Rand, t int64, person int64, maxN int) []event {
	n := 1 + r.IntN(maxN)
	out := make([]event, 0, n)
	for i := 0; i < n; i++ {
		a := actView
		if i == 0 {
			a = actQuery
		}
		out = append(out, w.ev(r, t, person, a))
		t += 30 + r.Int64N(600)
	}
	return out
}

func (w *world) planOne(r *rand.Rand, sc string, pickEmp func(func(*employee) bool) int) *incident {
	hasRecord := func(e *employee) bool { return e.block >= 0 }
	var ei int
	var evs []event
	switch sc {
	case "self", "neighbour":
		ei = pickEmp(hasRecord)
	case "family":
		ei = pickEmp(func(e *employee) bool { return e.parent >= 0 || e.sibling >= 0 || e.child >= 0 })
	case "partner":
		ei = pickEmp(func(e *employee) bool { return e.partner >= 0 })
	case "ex_partner":
		ei = pickEmp(func(e *employee) bool { return e.exPartner >= 0 })
	case "surname_relative":
		ei = pickEmp(func(e *employee) bool { return e.cousin >= 0 })
	case "volume_spike":
		ei = pickEmp(func(e *employee) bool {
			return e.startDay == 0 && (e.function == fnNoodhulp || e.function == fnWijkagent || e.function == fnRechercheur)
		})
	default:
		ei = pickEmp(func(e *employee) bool { return true })
	}
	if ei < 0 {
		return nil
	}
	e := &w.emps[ei]
	t, s, ok := w.shiftTime(r, e, 0)
	if !ok {
		return nil
	}
	switch sc {
	case "self":
		evs = w.burst(r, t, e.personIndex(), 3)
	case "family":
		var c []int64
		for _, k := range []int64{e.parent, e.parent + 1, e.sibling, e.child} {
			if k >= 0 && !(k == e.parent+1 && e.parent < 0) {
				c = append(c, k)
			}
		}
		evs = w.burst(r, t, c[r.IntN(len(c))], 3)
	case "partner":
		evs = w.burst(r, t, e.partner, 2)
	case "ex_partner":
		evs = w.burst(r, t, e.exPartner, 3)
		if r.IntN(2) == 0 {
			if t2, _, ok := w.shiftTime(r, e, 0); ok && t2 > t+3600 {
				evs = append(evs, w.burst(r, t2, e.exPartner, 2)...)
			}
		}
	case "neighbour":
		k := w.neighbourOf(r, e)
		if k < 0 {
			return nil
		}
		evs = w.burst(r, t, k, 3)
	case "surname_relative":
		evs = w.burst(r, t, e.cousin, 2)
	case "colleague":
		var cands []int
		for _, j := range w.teamMembers[e.team] {
			if j != ei && w.emps[j].block >= 0 {
				cands = append(cands, j)
			}
		}
		if len(cands) == 0 || r.IntN(100) < 30 {
			for try := 0; try < 100; try++ {
				j := r.IntN(len(w.emps))
				if j != ei && w.emps[j].block >= 0 && w.emps[j].unit == e.unit {
					cands = append(cands[:0], j)
					break
				}
			}
		}
		if len(cands) == 0 {
			return nil
		}
		evs = w.burst(r, t, w.emps[cands[r.IntN(len(cands))]].personIndex(), 3)
	case "vip_curiosity":
		if len(w.vipCurious) == 0 {
			return nil
		}
		evs = w.burst(r, t, w.vipCurious[r.IntN(len(w.vipCurious))], 2)
	case "shielded":
		if len(w.shieldedList) == 0 {
			return nil
		}
		evs = w.burst(r, t, w.shieldedList[r.IntN(len(w.shieldedList))], 2)
	case "sensitive_investigation":
		c := w.sensitiveCaseFor(r, ei, w.dayOf(t))
		if c == nil {
			return nil
		}
		n := 1 + r.IntN(min(3, len(c.persons)))
		for _, j := range r.Perm(len(c.persons))[:n] {
			evs = append(evs, w.burst(r, t, c.persons[j], 2)...)
			t += 60 + r.Int64N(900)
		}
	case "off_shift":
		ot, ok := w.offShiftTime(r, e)
		k := w.unrelatedPerson(r, e)
		if !ok || k < 0 {
			return nil
		}
		evs = w.burst(r, ot, k, 3)
	case "browsing":
		n := 12 + r.IntN(19)
		window := int64(20+r.IntN(26)) * 60
		start := min(t, s.end-window)
		for i := 0; i < n; i++ {
			if k := w.unrelatedPerson(r, e); k >= 0 {
				evs = append(evs, w.ev(r, start+r.Int64N(window), k, []uint8{actQuery, actView}[r.IntN(2)]))
			}
		}
	case "following":
		// Following is a pattern over weeks: a log of less than two weeks
		// cannot hold one that anybody could tell from chance.
		if w.days < minFollowingDays {
			return nil
		}
		k := w.unrelatedPerson(r, e)
		if k < 0 {
			return nil
		}
		n := 6 + r.IntN(7)
		days := map[int]bool{}
		for i := 0; i < n*4 && len(evs) < n; i++ {
			if tt, _, ok := w.shiftTime(r, e, 0); ok && !days[w.dayOf(tt)] {
				days[w.dayOf(tt)] = true
				evs = append(evs, w.ev(r, tt, k, actView))
			}
		}
		if len(evs) < min(4, max(2, w.days/2)) {
			return nil
		}
	case "export_print":
		k := w.unrelatedPerson(r, e)
		if k < 0 {
			return nil
		}
		evs = append(evs, w.ev(r, t, k, actView), w.ev(r, t+60+r.Int64N(600), k, []uint8{actExport, actPrint}[r.IntN(2)]))
	case "news_hype":
		evs = w.planHype(r)
		if evs == nil {
			return nil
		}
		return &incident{scenario: sc, emp: -1, events: evs}
	case "volume_spike":
		t, s, ok = w.shiftTime(r, e, min(10, w.days/2))
		if !ok {
			return nil
		}
		n := 40 + r.IntN(51)
		for i := 0; i < n; i++ {
			if k := w.unrelatedPerson(r, e); k >= 0 {
				evs = append(evs, w.ev(r, s.start+r.Int64N(s.end-s.start), k, []uint8{actQuery, actView}[r.IntN(2)]))
			}
		}
	}
	if len(evs) == 0 {
		return nil
	}
	// Some cover their tracks with a case number of their own work, which
	// the person is not in.
	var own []int
	for _, a := range w.assignments[ei] {
		if !slices.Contains(a.c.persons, int64(evs[0].person)) {
			own = append(own, a.c.idx)
		}
	}
	for i := range evs {
		evs[i].emp = int32(ei)
		evs[i].cas = -1
		if len(own) > 0 && r.IntN(100) < coverCaseNumberPct {
			evs[i].cas = int32(own[r.IntN(len(own))])
		}
		w.reserved[int64(evs[i].person)] = true
	}
	return &incident{scenario: sc, emp: ei, events: evs}
}

// neighbourOf returns a person at the employee's postcode outside their
// household and family.
func (w *world) neighbourOf(r *rand.Rand, e *employee) int64 {
	p := w.pop
	pc := e.block / blocksPerPostcode
	for try := 0; try < 40; try++ {
		b := pc*blocksPerPostcode + r.Int64N(blocksPerPostcode)
		if b >= p.nblocks {
			continue
		}
		var blk block
		p.build(b, &blk)
		h := r.IntN(blk.nh)
		if b == e.block && h == 0 {
			continue
		}
		if _, ok := p.overrides[b]; ok && h == 0 {
			continue // someone's family or a flagged person: keep the label clean
		}
		hh := blk.households[h]
		k := b*blockSlots + int64(hh.first) + r.Int64N(int64(hh.size))
		if w.inCase[k] || p.vip[k] || p.shielded[k] {
			continue
		}
		return k
	}
	return -1
}

// sensitiveCaseFor returns a sensitive investigation open on day d that the
// employee is neither on nor in the team of.
func (w *world) sensitiveCaseFor(r *rand.Rand, ei, d int) *caseRec {
	e := &w.emps[ei]
	var same, other []*caseRec
	for _, c := range w.invest {
		if !c.sensitive || !w.openOn(c, d) || c.team == e.team {
			continue
		}
		if slices.ContainsFunc(c.staff, func(s staffRec) bool { return s.emp == ei }) {
			continue
		}
		if c.unit == e.unit {
			same = append(same, c)
		} else {
			other = append(other, c)
		}
	}
	if len(same) > 0 && (r.IntN(100) < 60 || len(other) == 0) {
		return same[r.IntN(len(same))]
	}
	if len(other) > 0 {
		return other[r.IntN(len(other))]
	}
	return nil
}

// offShiftTime draws a moment at least three hours away from any shift of
// the employee: an evening at home or a day off.
func (w *world) offShiftTime(r *rand.Rand, e *employee) (int64, bool) {
	for try := 0; try < 100; try++ {
		d := max(e.startDay, r.IntN(w.days))
		t := w.dayStart(d) + int64(7*3600+r.IntN(16*3600))
		if w.dayOf(t) >= w.days {
			continue
		}
		if !w.onShiftAt(e, t, 3*3600) {
			return t, true
		}
	}
	return 0, false
}

// planHype makes a famous person appear in an incident of one unit, then
// many employees elsewhere with no work link open the file within a day.
func (w *world) planHype(r *rand.Rand) []event {
	p := w.pop
	rgi := r.IntN(len(p.regions))
	rg := &p.regions[rgi]
	var famous int64
	if r.IntN(2) == 0 && len(w.vipLegit) > 0 {
		famous = w.vipLegit[r.IntN(len(w.vipLegit))]
	} else {
		famous = w.randomRegionPerson(r, rg)
		if w.inCase[famous] {
			return nil
		}
	}
	d := r.IntN(w.days)
	t0 := w.dayStart(d) + int64(r.IntN(20*3600))
	w.scheduled[d] = append(w.scheduled[d], &scheduledIncident{unit: rg.unit, opened: t0, person: famous})
	k := min(150, max(8, len(w.emps)/60))
	var evs []event
	used := map[int]bool{}
	for try := 0; try < k*30 && len(used) < k; try++ {
		ei := r.IntN(len(w.emps))
		e := &w.emps[ei]
		if used[ei] || e.unit == rg.unit || e.function == fnOndersteuning || e.function == fnStaf {
			continue
		}
		t := t0 + 1800 + r.Int64N(22*3600)
		if !w.onShiftAt(e, t, 0) || w.dayOf(t) >= w.days {
			continue
		}
		used[ei] = true
		for _, x := range w.burst(r, t, famous, 2) {
			x.emp = int32(ei)
			evs = append(evs, x)
		}
	}
	if len(used) < 5 {
		return nil
	}
	w.reserved[famous] = true
	return evs
}
