package detect

import (
	"fmt"
	"math"
	"slices"
	"time"

	"lekradar"
)

const (
	historyDays = 28 // days of per-employee and per-peer history kept
	// a peer group's baseline counts once it rests on this many
	// employee-days: a group is many people, so a day or two suffices
	peerReadyEmployeeDays = 20
	recentCap             = 128 // recent unexplained look-ups kept per employee
)

// Stats are the counts of a scan, for the summary.
type Stats struct {
	Events      int64
	Late        int64 // arrived after later events were already processed
	Explained   [numExplanations]int64
	Unexplained int64
	Flagged     int64 // explained but matching a relationship flag
	Alerts      map[string]int64
	UnknownEmp  int64
	UnknownPers int64
	CELErrors   int64
	Groups      int64
}

// ExplainedBy is the count of events covered by the named explanation.
func (s *Stats) ExplainedBy(name string) int64 {
	for i, n := range explanationNames {
		if n == name && i > 0 {
			return s.Explained[i]
		}
	}
	return 0
}

// Output receives the engine's results. Either function may be nil.
type Output struct {
	// Explanation is called once per event, in processing order. signals
	// is reused after the call returns.
	Explanation func(id []byte, explainedBy string, signals []string) error
	// Alert is called for every alert as its group closes.
	Alert func(a *lekradar.Alert) error
}

// Engine explains look-ups and turns the unexplained residue and the
// relationship flags into alerts. It is not safe for concurrent use: one
// goroutine processes events in time order (Run adds a parsing goroutine).
type Engine struct {
	ix  *Index
	pol *Policy
	out Output

	// windows in seconds
	caseBefore, caseAfter, givenAfter  int64
	incBefore, incAfter, slack, recent int64
	repeat, gap, gmax, browse, follow  int64
	browseLong                         int64
	followGap                          int64 // days
	hypeWin, sensWin, volHours         int64
	burstLink                          int64 // browsing: longest pause within a burst

	emp      []empState
	peers    []peerState
	pairs    pairTable
	follows  followTable
	groups   map[uint64]*group
	hype     map[uint32]*hypeEntry // per person key
	curDay   int64
	firstDay int64 // the day of the first look-up of the log
	started  bool
	alertNo  int64
	act      activation
	names    []string
	closing  []*group
	err      error
	// findings made before a peer group had a baseline, and the closed
	// groups that wait for them (warmup.go)
	heldFindings []heldFinding
	heldGroups   []*group
	// servedUnits[u] has bit k set when role staff of unit u serve every
	// unit for cases of kind k: u registers no cases of that kind itself (a
	// regional control room dispatches for all district units; a regional
	// analysis or intake unit works for the districts' cases).
	servedUnits []uint8
	personEmps  map[uint32][]uint32 // employees by their own person record
	unitStaff   []int               // employees per unit
	ro          *reorder            // for Feed
	res         *resolver           // for Feed
	ids         idSet               // for Feed
	cur         item

	Stats Stats
}

// NewEngine prepares an engine over an index with a policy.
func NewEngine(ix *Index, p *Policy, out Output) *Engine {
	s := func(d Duration) int64 { return int64(time.Duration(d) / time.Second) }
	w := p.Windows
	en := &Engine{
		ix: ix, pol: p, out: out,
		caseBefore: s(w.CaseBefore), caseAfter: s(w.CaseAfter), givenAfter: s(w.GivenCaseAfter),
		incBefore: s(w.IncidentBefore), incAfter: s(w.IncidentAfter), slack: s(w.ShiftSlack),
		recent: s(w.RoleRecent), repeat: s(w.Repeat), gap: s(w.GroupGap), gmax: s(w.GroupMax),
		browse: s(w.Browsing), browseLong: s(w.BrowsingLong), follow: s(w.FollowingMinSpan), followGap: max(s(w.FollowingGap)/daySecs, 1), hypeWin: max(s(w.Hype), 1), sensWin: s(w.Sensitive), volHours: min(max(s(w.Volume)/3600, 1), 24),
		emp:    make([]empState, ix.Employees.Len()),
		peers:  make([]peerState, ix.peers.Len()),
		groups: map[uint64]*group{},
		hype:   map[uint32]*hypeEntry{},
	}
	// A burst is browsing_min_persons look-ups within windows.browsing, so
	// at about that average pause; a pause of twice the average still
	// belongs to the burst, a longer one ends it.
	en.burstLink = max(2*en.browse/int64(max(p.Limits.BrowsingMinPersons, 1)), 60)
	// The per-employee counters are tens of MiB at national scale, read
	// at random by every look-up on the engine goroutine, the critical
	// path: ask for huge pages before the first look-up writes them (a
	// no-op when they are small).
	adviseHugePages(en.emp)
	en.servedUnits = servedUnits(ix)
	en.unitStaff = make([]int, ix.units.Len()+1)
	for _, u := range ix.eUnit {
		if int(u) < len(en.unitStaff) {
			en.unitStaff[u]++
		}
	}
	en.personEmps = map[uint32][]uint32{}
	for e, p := range ix.ePerson {
		if p != none {
			en.personEmps[p] = append(en.personEmps[p], uint32(e))
		}
	}
	en.pairs.init(p.Limits.MaxRepeatPairs)
	en.follows.init(p.Limits.MaxOpenGroups)
	en.Stats.Alerts = map[string]int64{}
	return en
}

// empState is the bounded per-employee baseline: daily counts of the
// last weeks, and hourly counts of unexplained look-ups for a rolling day.
type empState struct {
	day         int64
	today       uint32
	unexplToday uint32
	hist        [historyDays]uint16 // look-ups per day
	histU       [historyDays]uint16 // unexplained look-ups per day
	histS       [historyDays]uint16 // look-ups per day of persons in another team's sensitive investigation
	sensToday   uint32
	histDay     [historyDays]int32
	ownMean     float32 // look-ups per active day
	ownMeanU    float32 // unexplained look-ups per active day
	activeDays  uint8
	hourU       [24]uint16 // unexplained look-ups per hour, rolling day
	hourStamp   [24]int32
	rec         *recentRing
}

type peerState struct {
	day    int64
	total  [historyDays]uint32
	totalU [historyDays]uint32
	// employees by their number of unexplained look-ups that day of
	// persons in a sensitive investigation they are not on (routine.go);
	// nil until the group makes one: peers can be as many as functions
	sens       *sensDays
	histActive uint32 // employee-days in the history before today
	active     [historyDays]uint32
	stamp      [historyDays]int32
	mean       float32
	meanU      float32
	activeDays uint8
	ready      bool // enough employee-days of history for a baseline
}

// recentRing holds an employee's last unexplained look-ups with a pointer
// to where each is kept, so a pattern found later (browsing, volume) can
// mark the look-ups that formed it.
type recentRing struct {
	n, pos    int
	ts        [recentCap]int64
	pkey      [recentCap]uint32
	g         [recentCap]*group
	gi        [recentCap]uint32
	sensitive [recentCap]bool // the person is in a sensitive investigation the employee is not on
	browsing  [recentCap]bool // already part of a browsing burst
	slow      [recentCap]bool // already counted towards a slow browsing finding
}

// hypeEntry holds, for one person, the employees without a work link who
// looked the person up within the last windows.hype (a sliding window: a
// hype that starts with the evening news runs past midnight).
type hypeEntry struct {
	last  int64    // last look-up
	emps  []uint32 // distinct employees, oldest look-up first …
	empTS []int64  // … and the time of each one's last look-up
	refs  []evRef  // look-ups not yet marked
	refTS []int64
}

// hyped reports whether the person is the subject of a news hype at t:
// role work explains a look-up of a person in a recent incident, but while
// employees of several teams are looking the person up without a work
// link, a control-room operator's or analyst's look-up is more likely the
// same curiosity than the incident's handling, which comes first.
func (en *Engine) hyped(pkey uint32, t int64) bool {
	h := en.hype[pkey]
	if h == nil {
		return false
	}
	h.slide(t - en.hypeWin + 1)
	lim := &en.pol.Limits
	return len(h.emps) >= lim.HypeMinEmployees && en.distinctTeams(h.emps, lim.HypeMinTeams) >= lim.HypeMinTeams
}

// slide drops what fell out of the window that starts at from.
func (h *hypeEntry) slide(from int64) {
	k := 0
	for i := range h.emps {
		if h.empTS[i] >= from {
			h.emps[k], h.empTS[k] = h.emps[i], h.empTS[i]
			k++
		}
	}
	h.emps, h.empTS = h.emps[:k], h.empTS[:k]
	k = 0
	for i := range h.refs {
		if h.refTS[i] >= from {
			h.refs[k], h.refTS[k] = h.refs[i], h.refTS[i]
			k++
		}
	}
	clear(h.refs[k:])
	h.refs, h.refTS = h.refs[:k], h.refTS[:k]
}

type evRef struct {
	g  *group
	gi uint32
}

// group collects the flagged and unexplained look-ups of one person by one
// employee until they stop for windows.group_gap.
type group struct {
	key         uint64
	emp         uint32
	person      uint32
	empID       string // only for an employee the context lacks
	personID    string // only for a person the context lacks
	first, last int64  // seconds
	firstNS     int64
	lastNS      int64
	evs         []gev
	more        int // events beyond the stored maximum
	signals     SignalSet
	explained   [numExplanations]bool
	unexplained bool
	lastItem    item
	lastExpl    Explanation
	held        int32 // findings awaiting their day's peer counts (warmup.go)
}

type gev struct {
	id   string
	ts   int64 // seconds
	sigs SignalSet
	expl Explanation
}

func dayOf(t int64) int64 {
	if t < 0 {
		return (t - daySecs + 1) / daySecs
	}
	return t / daySecs
}

func servedUnits(ix *Index) []uint8 {
	own := make([]uint8, ix.units.Len()+1)
	for c := 0; c < ix.Cases.Len(); c++ {
		if u := ix.cs[c].unit; int(u) < len(own) {
			own[u] |= 1 << ix.cs[c].kind
		}
	}
	for u := range own {
		own[u] = ^own[u]
	}
	return own
}

// serves reports whether role staff of unit serve the unit of case cs.
func (en *Engine) serves(unit uint32, cs *caseRec) bool {
	return cs.unit == unit || int(unit) < len(en.servedUnits) && en.servedUnits[unit]&(1<<cs.kind) != 0
}

// prepared is what the index alone decides about a look-up, before its
// turn in time order: the workers of Run compute it in parallel, and
// process adds what depends on the look-ups before it.
type prepared struct {
	rel     SignalSet   // relationship signals
	residue SignalSet   // index-only residue signals, when the index explains nothing
	expl    Explanation // given, assigned, team or unit-incident explanation, else Unexplained
	role    bool        // role-based work explains it while the employee stays within the role's volume
	rf      relFacts
}

// prepare fills it.pre. It reads only the index and the policy, so any
// number of goroutines may prepare items at once.
func (en *Engine) prepare(it *item) {
	t := floorDiv(it.ts, int64(time.Second))
	pre := &it.pre
	*pre = prepared{}
	if it.emp != none && it.person != none {
		pre.rel = en.relationSignals(it.emp, it.person, &pre.rf)
	}
	pre.expl, pre.role = en.explainFromIndex(it, t, pre.rel != 0)
	if pre.expl == Unexplained {
		pre.residue = en.residueFromIndex(it, t)
	}
}

// Process handles one event that is already in time order and prepared.
func (en *Engine) process(it *item) {
	t := floorDiv(it.ts, int64(time.Second))
	en.advance(t)
	en.Stats.Events++
	e, p := it.emp, it.person
	if e == none {
		en.Stats.UnknownEmp++
	}
	if p == none {
		en.Stats.UnknownPers++
	}
	if e != none {
		en.count(e, t)
	}

	sigs := it.pre.rel
	rf := it.pre.rf
	expl := it.pre.expl
	if expl == Unexplained && e != none && p != none {
		if it.pre.role && en.withinRoleVolume(e) && !en.hyped(it.pkey, t) {
			expl = ExplRoleBased
		} else if last, ok := en.pairs.get(pairKey(it.ekey, it.pkey)); ok && last >= t-en.repeat {
			expl = ExplRepeatExplained
		}
	}
	actFilled := false
	if expl != Unexplained {
		en.Stats.Explained[expl]++
		if expl != ExplRepeatExplained {
			en.pairs.put(pairKey(it.ekey, it.pkey), t, t-en.repeat)
		}
		if sigs != 0 {
			sigs = en.applyPolicy(sigs, it, t, expl, &rf, true, &actFilled)
		}
		if sigs != 0 {
			en.Stats.Flagged++
			en.addToGroup(it, t, expl, sigs)
		}
	} else {
		en.Stats.Unexplained++
		if e != none {
			en.countUnexplained(e, t)
		}
		sigs |= it.pre.residue | en.residueFromState(it)
		// sensitive_investigation is decided with the employee's other
		// such look-ups, in patterns
		sensitive := sigs.Has(SigSensitiveInvestigation)
		sigs &^= 1 << SigSensitiveInvestigation
		if sensitive && e != none {
			en.countSensitive(e, t)
		}
		sigs = en.applyPolicy(sigs, it, t, expl, &rf, false, &actFilled)
		g, gi := en.addToGroup(it, t, expl, sigs)
		sigs |= en.patterns(it, t, g, gi, sensitive, &rf, &actFilled)
		if int(gi) < len(g.evs) {
			g.evs[gi].sigs |= sigs
		} else {
			g.signals |= sigs
		}
	}
	if en.out.Explanation != nil && en.err == nil {
		en.names = en.signalNames(sigs, en.names[:0])
		if err := en.out.Explanation(it.idBytes(), expl.String(), en.names); err != nil {
			en.err = fmt.Errorf("write explanation: %w", err)
		}
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func pairKey(ekey, pkey uint32) uint64 { return uint64(ekey)<<32 | uint64(pkey) }

// count updates the employee's and the peer group's daily volume.
func (en *Engine) count(e uint32, t int64) {
	st := &en.emp[e]
	d := dayOf(t)
	if st.day != d || st.today == 0 {
		if st.today > 0 && d > st.day {
			i := mod(st.day, historyDays)
			st.hist[i], st.histDay[i] = uint16(min(st.today, math.MaxUint16)), int32(st.day)
			st.histU[i] = uint16(min(st.unexplToday, math.MaxUint16))
			st.histS[i] = uint16(min(st.sensToday, math.MaxUint16))
		}
		if d > st.day || st.today == 0 {
			st.day, st.today, st.unexplToday, st.sensToday = d, 0, 0, 0
			var sum, sumU, n int
			for i := range st.hist {
				if dd := int64(st.histDay[i]); dd < d && dd >= d-historyDays && st.hist[i] > 0 {
					sum += int(st.hist[i])
					sumU += int(st.histU[i])
					n++
				}
			}
			st.activeDays = uint8(n)
			st.ownMean, st.ownMeanU = 0, 0
			if n > 0 {
				st.ownMean = float32(sum) / float32(n)
				st.ownMeanU = float32(sumU) / float32(n)
			}
			en.peerDay(en.ix.ePeer[e], d).active[mod(d, historyDays)]++
		}
	}
	st.today++
	en.peerDay(en.ix.ePeer[e], d).total[mod(d, historyDays)]++
}

// countUnexplained adds an unexplained look-up to the employee's rolling
// day and the peer group's daily figures.
func (en *Engine) countUnexplained(e uint32, t int64) {
	st := &en.emp[e]
	st.unexplToday++
	h := floorDiv(t, 3600)
	i := mod(h, 24)
	if int64(st.hourStamp[i]) != h {
		st.hourStamp[i], st.hourU[i] = int32(h), 0
	}
	if st.hourU[i] < math.MaxUint16 {
		st.hourU[i]++
	}
	d := dayOf(t)
	en.peerDay(en.ix.ePeer[e], d).totalU[mod(d, historyDays)]++
}

// rollingUnexplained is the employee's unexplained look-ups in the hours
// (at most 24) up to t.
func (st *empState) rollingUnexplained(t int64, hours int64) int {
	h := floorDiv(t, 3600)
	n := 0
	for i := range st.hourU {
		if s := int64(st.hourStamp[i]); s > h-hours && s <= h {
			n += int(st.hourU[i])
		}
	}
	return n
}

// peerDay returns the peer group's state with day d current.
func (en *Engine) peerDay(pe uint32, d int64) *peerState {
	ps := &en.peers[pe]
	if d > ps.day {
		ps.day = d
		var sum, sumU, act uint64
		if ps.sens != nil {
			ps.sens.hist = sensCounts{}
		}
		var n int
		for i := range ps.stamp {
			if dd := int64(ps.stamp[i]); dd < d && dd >= d-historyDays && ps.active[i] > 0 {
				sum += uint64(ps.total[i])
				sumU += uint64(ps.totalU[i])
				if ps.sens != nil {
					ps.sens.hist.add(&ps.sens.days[i])
				}
				act += uint64(ps.active[i])
				n++
			}
		}
		ps.activeDays = uint8(n)
		ps.ready = act >= peerReadyEmployeeDays
		ps.histActive = uint32(min(act, math.MaxUint32))
		ps.mean, ps.meanU = 0, 0
		if act > 0 {
			ps.mean = float32(sum) / float32(act)
			ps.meanU = float32(sumU) / float32(act)
		}
	}
	i := mod(d, historyDays)
	if int64(ps.stamp[i]) != d {
		ps.stamp[i], ps.total[i], ps.totalU[i], ps.active[i] = int32(d), 0, 0, 0
		if ps.sens != nil {
			ps.sens.days[i] = sensCounts{}
		}
	}
	return ps
}

// relevant reports whether case c counts at t, with the case margins.
func (en *Engine) relevant(c uint32, t, after int64) bool {
	ix := en.ix
	o := ix.cs[c].open
	if o != math.MinInt64 && t < o-en.caseBefore {
		return false
	}
	cl := ix.cs[c].close
	return cl == forever || t <= cl+after
}

// workmate reports whether person p is the record of an employee who works
// with e: in the same team, or in the same unit unless that unit holds
// most of the staff (a force exported as one unit says nothing about who
// works with whom; then only the team counts). Curiosity about colleagues
// is about the people one works with; an unexplained hit on the record of
// somebody employed elsewhere in the force is as likely as a hit on anybody
// (the police employ one in a few hundred adults), so it is no signal on
// its own. An unknown employee's look-up of any colleague counts.
func (en *Engine) workmate(e, p uint32) bool {
	if e == none {
		return true
	}
	ix := en.ix
	for _, o := range en.personEmps[p] {
		if o == e {
			continue
		}
		if t := ix.eTeam[e]; t != none && ix.eTeam[o] == t {
			return true
		}
		if u := ix.eUnit[e]; u != none && ix.eUnit[o] == u && 2*en.unitStaff[u] <= len(ix.eUnit) {
			return true
		}
	}
	return false
}

// notClosedLongAgo reports whether case c is open at t or closed at most
// windows.case_after before it.
func (en *Engine) notClosedLongAgo(c uint32, t int64) bool {
	return en.notClosedLongAgoBy(c, t, en.caseAfter)
}

func (en *Engine) notClosedLongAgoBy(c uint32, t, after int64) bool {
	cl := en.ix.cs[c].close
	return cl == forever || t <= cl+after
}

func (en *Engine) onShift(e uint32, t int64) bool {
	if !en.ix.hasShifts(e) {
		return en.pol.Limits.AssumeOnShiftNoRoster
	}
	return en.ix.onShift(e, t, en.slack)
}

// explainFromIndex tries the explanations that the index alone decides,
// in their fixed order; the first that applies wins. It also reports
// whether role-based work would explain the look-up: that one also needs
// the employee's volume so far, which process checks in time order, before
// trying a repeat. relFlag blocks role_based: a role does not explain
// looking up one's own circle.
func (en *Engine) explainFromIndex(it *item, t int64, relFlag bool) (expl Explanation, role bool) {
	e, p := it.emp, it.person
	if e == none || p == none {
		return Unexplained, false
	}
	ix := en.ix
	// A case number quoted with the look-up needs no opening date: case
	// numbers exist while an investigation is prepared, before its formal
	// opening, and quoting the right one for a person in it is the
	// strongest work link there is.
	if c := it.cas; c != none && ix.caseHasPerson(c, p) && en.notClosedLongAgoBy(c, t, en.givenAfter) && !en.needToKnow(c, e, t) {
		return ExplGivenCase, false
	}
	cases := ix.personCases(p)
	for _, c := range cases {
		// The staff row's own dates bound the assignment; the case's
		// opening does not: staff are often put on a case before it is
		// formally opened (the preparation of an investigation).
		if ix.cs[c+1].staffOff > ix.cs[c].staffOff && ix.staffed(c, e, t) && en.notClosedLongAgo(c, t) {
			return ExplAssignedCase, false
		}
	}
	if team := ix.eTeam[e]; team != none {
		for _, c := range cases {
			if ix.cs[c].team == team && en.relevant(c, t, en.caseAfter) {
				return ExplTeamCase, false
			}
		}
	}
	unit := ix.eUnit[e]
	shift := -1 // not yet known
	if unit != none {
		for _, c := range cases {
			if ix.cs[c].kind != kindIncident || ix.cs[c].unit != unit {
				continue
			}
			o := ix.cs[c].open
			if o == math.MinInt64 || o < t-en.incBefore || o > t+en.incAfter {
				continue
			}
			if shift < 0 {
				shift = b2i(en.onShift(e, t))
			}
			if shift == 1 {
				return ExplUnitIncidentOnShift, false
			}
			break
		}
	}
	if r := ix.eRole[e]; r != roleNone && !relFlag && (it.action == ActionQuery || it.action == ActionView) && unit != none {
		if shift < 0 {
			shift = b2i(en.onShift(e, t))
		}
		if shift == 1 {
			for _, c := range cases {
				cs := &ix.cs[c]
				if !en.serves(unit, cs) {
					continue
				}
				switch cs.kind {
				case kindIntake:
					if o := cs.open; o != math.MinInt64 && o >= t-en.recent && o <= t+en.incAfter {
						return Unexplained, true
					}
				case kindIncident:
					// An incident is work while it runs, as for the unit on
					// shift; a visitor to the counter comes back days later.
					if o := cs.open; o != math.MinInt64 && o >= t-min(en.recent, en.incBefore) && o <= t+en.incAfter {
						return Unexplained, true
					}
				case kindInvestigation:
					// Analysts support the unit's investigations without
					// being on their staff; sensitive ones stay need-to-know.
					if r == roleAnalysis && !cs.sensitive && en.relevant(c, t, en.caseAfter) {
						return Unexplained, true
					}
				}
			}
		}
	}
	return Unexplained, false
}

// needToKnow reports whether case c is an ongoing sensitive investigation
// that employee e is neither on nor handles with the team: anybody can type
// a case number, and for such a case giving it is no work link.
func (en *Engine) needToKnow(c, e uint32, t int64) bool {
	ix := en.ix
	cs := &ix.cs[c]
	if cs.kind != kindInvestigation || !cs.sensitive || !en.relevant(c, t, 0) {
		return false
	}
	if cs.team != none && cs.team == ix.eTeam[e] {
		return false
	}
	return !ix.staffed(c, e, t)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (en *Engine) withinRoleVolume(e uint32) bool {
	st := &en.emp[e]
	ps := &en.peers[en.ix.ePeer[e]]
	if !ps.ready || ps.mean <= 0 {
		return true
	}
	return float64(st.today) <= en.pol.Limits.RoleVolumeFactor*float64(ps.mean)
}

// relFacts carries details of the relationship check to the policy
// conditions and the reason texts.
type relFacts struct {
	surnameCount int
	surnameShare float64
	ageGap       int
	relation     Signal
	hasRelation  bool
}

// relationSignals finds the relationship flags: cheap integer compares,
// run for every look-up.
func (en *Engine) relationSignals(e, p uint32, rf *relFacts) SignalSet {
	ix := en.ix
	var s SignalSet
	rf.ageGap = -1
	own := ix.ePerson[e]
	if own == p {
		s.add(SigSelf)
		return s
	}
	es, ps := ix.eSurname[e], ix.pers[p].surname
	if own == none && ix.eGuessSelf[e] && es != 0 && es == ps {
		s.add(SigSelf)
		return s
	}
	if own != none {
		for i := ix.eRelOff[e]; i < ix.eRelOff[e+1]; i++ {
			if ix.relPerson[i] == p {
				s.add(ix.relSignal[i])
				rf.relation, rf.hasRelation = ix.relSignal[i], true
			}
		}
		if a := ix.pers[own].address; a != 0 && a == ix.pers[p].address {
			s.add(SigSameAddress)
		}
	}
	if es != 0 && es == ps && !rf.hasRelation {
		cnt := int(ix.surnameCount[es])
		rf.surnameCount = cnt
		if ix.knownPersons > 0 {
			rf.surnameShare = float64(cnt) / float64(ix.knownPersons)
		}
		if own != none && ix.pers[own].birth != 0 && ix.pers[p].birth != 0 {
			rf.ageGap = abs(int(ix.pers[own].birth) - int(ix.pers[p].birth))
		}
		lim := &en.pol.Limits
		rare := cnt <= lim.RareSurnameCount || rf.surnameShare <= lim.RareSurnameShare
		if rare && (rf.ageGap < 0 || rf.ageGap <= lim.MaxRelativeAgeGap) {
			s.add(SigSharedSurname)
		}
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// residueFromIndex runs the detectors that only matter when nothing
// explains a look-up and that the index alone decides.
func (en *Engine) residueFromIndex(it *item, t int64) SignalSet {
	ix := en.ix
	e, p := it.emp, it.person
	var s SignalSet
	if p != none {
		f := ix.pers[p].flags
		if f&flagVIP != 0 {
			s.add(SigVIP)
		}
		if f&flagShld != 0 {
			s.add(SigShielded)
		}
		if ix.isEmployeePerson(p) && (e == none || ix.ePerson[e] != p) && en.workmate(e, p) {
			s.add(SigColleague)
		}
		if e != none {
			if own := ix.ePerson[e]; own != none && own != p {
				if pc := ix.pers[own].postcode; pc != 0 && pc == ix.pers[p].postcode && ix.pers[own].address != ix.pers[p].address {
					s.add(SigSamePostcode)
				}
			}
		}
		for _, c := range ix.personCases(p) {
			if ix.cs[c].kind != kindInvestigation || !ix.cs[c].sensitive || !en.relevant(c, t, 0) {
				continue
			}
			if e != none && (ix.cs[c].team == ix.eTeam[e] && ix.eTeam[e] != none || ix.staffed(c, e, t)) {
				continue
			}
			s.add(SigSensitiveInvestigation)
			break
		}
	}
	if it.action == ActionExport || it.action == ActionPrint {
		s.add(SigExportPrint)
	}
	if e != none {
		if ix.hasShifts(e) && !ix.onShift(e, t, en.slack) {
			s.add(SigOffShift)
		}
		if en.pol.hourMask != 0 {
			h := time.Unix(t, 0).In(en.pol.loc).Hour()
			if en.pol.hourMask&(1<<h) != 0 {
				s.add(SigUnusualHour)
			}
		}
	}
	return s
}

// residueFromState is the residue signal that depends on the look-ups
// before this one: a new employee, judged by the history seen so far.
func (en *Engine) residueFromState(it *item) SignalSet {
	var s SignalSet
	if e := it.emp; e != none {
		st := &en.emp[e]
		ps := &en.peers[en.ix.ePeer[e]]
		// At the start of a log nobody has a history yet: that says
		// nothing about the employee.
		logDays := dayOf(floorDiv(it.ts, int64(time.Second))) - en.firstDay
		if int(st.activeDays) < en.pol.Limits.MinHistoryDays && ps.ready && logDays >= int64(en.pol.Limits.MinHistoryDays) {
			s.add(SigNewEmployee)
		}
	}
	return s
}

// applyPolicy keeps the detected signals that the policy enables for this
// scope and whose conditions hold, and adds the policy's own signals.
func (en *Engine) applyPolicy(s SignalSet, it *item, t int64, expl Explanation, rf *relFacts, explained bool, filled *bool) SignalSet {
	var out SignalSet
	for sig := Signal(0); sig < numSignals; sig++ {
		if !s.Has(sig) {
			continue
		}
		r := &en.pol.compiled[sig]
		if !r.enabled || (explained && !r.always) {
			continue
		}
		if r.prg != nil {
			if !*filled {
				en.fill(it, t, expl, rf)
				*filled = true
			}
			ok, err := r.evalWhen(&en.act)
			if err != nil {
				en.Stats.CELErrors++
			}
			if !ok {
				continue
			}
		}
		out.add(sig)
	}
	for i := range en.pol.custom {
		r := &en.pol.custom[i]
		if explained && !r.always {
			continue
		}
		if !*filled {
			en.fill(it, t, expl, rf)
			*filled = true
		}
		ok, err := r.evalWhen(&en.act)
		if err != nil {
			en.Stats.CELErrors++
		}
		if ok {
			out.addCustom(i)
		}
	}
	return out
}

// checkWhen evaluates one built-in signal's condition for a pattern found
// at this look-up; set, when not nil, adds pattern figures to the facts.
func (en *Engine) checkWhen(sig Signal, it *item, t int64, rf *relFacts, filled *bool, set func(*activation)) bool {
	r := &en.pol.compiled[sig]
	if !r.enabled {
		return false
	}
	if r.prg == nil {
		return true
	}
	if !*filled {
		en.fill(it, t, Unexplained, rf)
		*filled = true
	}
	if set != nil {
		set(&en.act)
	}
	ok, err := r.evalWhen(&en.act)
	if err != nil {
		en.Stats.CELErrors++
	}
	return ok
}

func (en *Engine) fill(it *item, t int64, expl Explanation, rf *relFacts) {
	a := &en.act
	a.reset()
	ix := en.ix
	a.action = it.action.String()
	a.system = it.system()
	lt := time.Unix(t, 0).In(en.pol.loc)
	a.hour, a.weekday = int64(lt.Hour()), int64(lt.Weekday())
	a.hasCase = it.hasCas
	a.explained = expl != Unexplained
	a.explainedBy = expl.String()
	if e := it.emp; e != none {
		a.empKnown = true
		a.teamKind = ix.codeString(ix.eTeamKind[e])
		a.function = ix.codeString(ix.eFunction[e])
		a.rank = ix.codeString(ix.eRank[e])
		if u := ix.eUnit[e]; u != none {
			a.unit = string(ix.units.Get(u))
		}
		a.roleBased = ix.eRole[e] != roleNone
		a.hasShifts = ix.hasShifts(e)
		a.onShift = en.onShift(e, t)
		st := &en.emp[e]
		a.historyDays = int64(st.activeDays)
		a.lookupsToday = int64(st.today)
		a.unexplainedToday = int64(st.unexplToday)
		a.unexplainedWindow = int64(st.rollingUnexplained(t, en.volHours))
		a.ownMean = float64(st.ownMeanU)
		a.peerMean = -1
		if ps := &en.peers[ix.ePeer[e]]; ps.ready {
			a.peerMean = float64(ps.meanU)
		}
		if st.rec != nil {
			a.distinctWindow = int64(st.rec.distinct(t - en.browse))
		}
	}
	if p := it.person; p != none {
		f := ix.pers[p].flags
		a.personKnown = f&flagSeen != 0
		if f&flagVIP != 0 {
			a.flags = append(a.flags, lekradar.FlagVIP)
		}
		if f&flagShld != 0 {
			a.flags = append(a.flags, lekradar.FlagShielded)
		}
		if f&flagDead != 0 {
			a.flags = append(a.flags, lekradar.FlagDeceased)
		}
		a.birthYear = int64(ix.pers[p].birth)
		a.isEmployee = ix.isEmployeePerson(p)
	}
	if h := en.hype[it.pkey]; h != nil {
		n := 0
		for _, ts := range h.empTS {
			if ts > t-en.hypeWin {
				n++
			}
		}
		a.hypeEmployees = int64(n)
	}
	a.surnameCount = int64(rf.surnameCount)
	a.surnameShare = rf.surnameShare
	a.ageGap = int64(rf.ageGap)
	if rf.hasRelation {
		a.relation = rf.relation.String()
	}
}

func (r *recentRing) add(t int64, pkey uint32, g *group, gi uint32, sensitive bool) {
	r.ts[r.pos], r.pkey[r.pos], r.g[r.pos], r.gi[r.pos], r.sensitive[r.pos], r.browsing[r.pos], r.slow[r.pos] = t, pkey, g, gi, sensitive, false, false
	r.pos = (r.pos + 1) % recentCap
	if r.n < recentCap {
		r.n++
	}
}

// distinct counts the distinct persons looked up since from.
func (r *recentRing) distinct(from int64) int {
	n := 0
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		dup := false
		for m := 0; m < k; m++ {
			j := (r.pos - 1 - m + recentCap) % recentCap
			if r.pkey[j] == r.pkey[i] {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// distinctSlow counts the distinct persons looked up since from that no
// earlier slow browsing finding counted.
func (r *recentRing) distinctSlow(from int64) int {
	n := 0
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		if r.slow[i] {
			continue
		}
		dup := false
		for m := 0; m < k; m++ {
			j := (r.pos - 1 - m + recentCap) % recentCap
			if !r.slow[j] && r.pkey[j] == r.pkey[i] {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// countSlow marks the look-ups since from as counted by a slow browsing
// finding.
func (r *recentRing) countSlow(from int64) {
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		r.slow[i] = true
	}
}

// burstStart is where the run of look-ups that ends with the newest one
// begins, going back no further than from: each look-up of the run follows
// the one before it within link seconds.
func (r *recentRing) burstStart(from, link int64) int64 {
	start := int64(math.MaxInt64)
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from || (k > 0 && start-r.ts[i] > link) {
			break
		}
		start = r.ts[i]
	}
	return start
}

// countSensitive counts the recent look-ups since from of persons in a
// sensitive investigation.
func (r *recentRing) countSensitive(from int64) int {
	n := 0
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		if r.sensitive[i] {
			n++
		}
	}
	return n
}

// mark adds sig to the recent look-ups since from (only those of persons in
// a sensitive investigation when onlySensitive is set).
func (r *recentRing) mark(from int64, onlySensitive bool, sig Signal) {
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		if onlySensitive && !r.sensitive[i] {
			continue
		}
		if g := r.g[i]; g != nil && int(r.gi[i]) < len(g.evs) {
			g.evs[r.gi[i]].sigs.add(sig)
		}
	}
}

// uncountBrowsing takes the look-ups of a browsing burst out of the volume
// count: each look-up counts towards one pattern, and a volume alert after
// a burst would only repeat the browsing one.
func (en *Engine) uncountBrowsing(st *empState, from int64) {
	r := st.rec
	for k := 0; k < r.n; k++ {
		i := (r.pos - 1 - k + recentCap) % recentCap
		if r.ts[i] < from {
			break
		}
		if r.browsing[i] {
			continue
		}
		r.browsing[i] = true
		h := floorDiv(r.ts[i], 3600)
		if b := mod(h, 24); int64(st.hourU[b]) > 0 && int64(st.hourStamp[b]) == h {
			st.hourU[b]--
		}
	}
}

// patterns finds browsing, volume and news hype, which look-ups only form
// together, and marks the earlier look-ups of the pattern too.
func (en *Engine) patterns(it *item, t int64, g *group, gi uint32, sensitive bool, rf *relFacts, filled *bool) SignalSet {
	var s SignalSet
	lim := &en.pol.Limits
	var st *empState
	if e := it.emp; e != none {
		st = &en.emp[e]
		if st.rec == nil {
			st.rec = &recentRing{}
		}
		st.rec.add(t, it.pkey, g, gi, sensitive)
	}
	routineWork := false
	if sensitive {
		n := 1
		if st != nil {
			n = st.rec.countSensitive(t - en.sensWin)
		}
		switch {
		case st != nil && en.sensitiveRoutine(it.emp, t, int(st.sensToday)):
			// The peer group's normal work (judged by the day's count, as
			// the group's days are counted): no signal, and coming back to
			// the person on other days is that work too, not following.
			routineWork = true
		case en.checkWhen(SigSensitiveInvestigation, it, t, rf, filled, func(a *activation) { a.sensitiveLookups = int64(n) }):
			s.add(SigSensitiveInvestigation)
			if st != nil {
				en.holdFinding(g, gi, it.emp, t, int(st.sensToday))
			}
			// The earlier such look-ups of the window take part in the
			// finding, except where they are routine for the peer group:
			// then, as with volume, only those past the threshold count.
			if st != nil && !en.sensitiveRoutine(it.emp, t, 1) {
				st.rec.mark(t-en.sensWin, true, SigSensitiveInvestigation)
			}
		}
	}
	if e := it.emp; e != none {
		switch from, kind := en.browsing(e, st, t); kind {
		case browseShort:
			if !en.checkWhen(SigBrowsing, it, t, rf, filled, nil) {
				break
			}
			s.add(SigBrowsing)
			// The earlier look-ups of the burst formed it and are marked
			// too — the run of look-ups in quick succession that leads up
			// to this one, not every look-up in the window: a street
			// check half an hour before is no part of a burst — except
			// for role staff: their normal work brings many
			// look-ups without a work link (callers, the counter) that
			// cannot be told from the burst, so, as with volume, only the
			// look-ups from this one on are marked.
			if en.ix.eRole[e] == roleNone {
				st.rec.mark(st.rec.burstStart(from, en.burstLink), false, SigBrowsing)
			}
			en.uncountBrowsing(st, from)
			// what a short burst found is not found again as a slow one
			st.rec.countSlow(t - en.browseLong)
		case browseSlow:
			if !en.checkWhen(SigBrowsing, it, t, rf, filled, nil) {
				break
			}
			// A slow burst runs for hours among other work: only the
			// look-up that completes it is marked, and its persons are
			// not counted again, so a long stretch gives a finding per
			// browsing_long_min_persons new persons, not a mark on every
			// street check in between. volume covers the stretch as such.
			s.add(SigBrowsing)
			st.rec.countSlow(from)
		}
		// volume marks look-ups from the moment the count passes the
		// threshold, not the ones before: ordinary work that preceded an
		// unusual stretch stays unflagged.
		if en.overVolume(e, t) && en.checkWhen(SigVolume, it, t, rf, filled, nil) {
			s.add(SigVolume)
		}
	}
	// following: the same person on several distinct days over weeks
	fs := en.follows.add(pairKey(it.ekey, it.pkey), dayOf(t), it.action != ActionQuery, en.followGap)
	if !routineWork && fs.days >= lim.FollowingMinDays && (fs.last-fs.first)*daySecs >= en.follow && en.checkWhen(SigFollowing, it, t, rf, filled, func(a *activation) {
		a.pairDays, a.pairOpenDays, a.pairSpanDays = int64(fs.days), int64(fs.openDays), fs.last-fs.first
	}) {
		s.add(SigFollowing)
		g.signals.add(SigFollowing)
	}
	// news hype: distinct employees without a work link, same person,
	// within the sliding window (t-hype, t]
	h := en.hype[it.pkey]
	if h == nil {
		h = &hypeEntry{}
		en.hype[it.pkey] = h
	}
	h.slide(t - en.hypeWin + 1)
	h.last = t
	// Role staff (control room, intake, analysts) look up many people
	// without a registered link as their work; several of them on one
	// person is their work too. They do not make a hype, but their look-ups
	// are part of one that others make.
	if it.emp == none || en.ix.eRole[it.emp] == roleNone {
		if i := slices.Index(h.emps, it.ekey); i >= 0 {
			h.emps = slices.Delete(h.emps, i, i+1)
			h.empTS = slices.Delete(h.empTS, i, i+1)
		}
		h.emps, h.empTS = append(h.emps, it.ekey), append(h.empTS, t)
	}
	h.refs, h.refTS = append(h.refs, evRef{g, gi}), append(h.refTS, t)
	if len(h.emps) >= lim.HypeMinEmployees && en.distinctTeams(h.emps, lim.HypeMinTeams) >= lim.HypeMinTeams &&
		en.checkWhen(SigNewsHype, it, t, rf, filled, nil) {
		s.add(SigNewsHype)
		for _, r := range h.refs {
			if int(r.gi) < len(r.g.evs) {
				r.g.evs[r.gi].sigs.add(SigNewsHype)
			}
		}
		clear(h.refs)
		h.refs, h.refTS = h.refs[:0], h.refTS[:0]
	}
	return s
}

// distinctTeams counts the teams of the employees, up to enough: a hype
// runs through the force, while colleagues of one team (analysts on the
// same network, a crew) share their work without it being registered. An
// employee without a known team counts as a team of one.
func (en *Engine) distinctTeams(emps []uint32, enough int) int {
	var seen [64]uint32
	n := 0
	for _, k := range emps {
		team := k | unknownKey // unknown employees and those without a team: their own
		if k&unknownKey == 0 && int(k) < len(en.ix.eTeam) && en.ix.eTeam[k] != none {
			team = en.ix.eTeam[k]
		}
		if slices.Contains(seen[:n], team) {
			continue
		}
		seen[n] = team
		if n++; n >= enough || n == len(seen) {
			return n
		}
	}
	return n
}

type browseKind uint8

const (
	browseNone browseKind = iota
	browseShort
	browseSlow
)

// browsing reports whether the employee's recent look-ups without a work
// link form a browsing burst, in the short or the long window, and from
// when the burst is counted. The thresholds are the policy's minimums,
// raised for a peer group whose normal work brings more look-ups without a
// work link: in the short window above volume_factor times the peer
// group's hourly rate (its daily mean over an 8-hour working day), in the
// long window above volume_factor times the peer group's whole daily mean
// (slow browsing is a day's breadth in a few hours); the long window needs
// the peer group's baseline.
func (en *Engine) browsing(e uint32, st *empState, t int64) (int64, browseKind) {
	lim := &en.pol.Limits
	peerDay, ready := 0.0, false
	if ps := &en.peers[en.ix.ePeer[e]]; ps.ready {
		peerDay, ready = float64(ps.meanU), true
	}
	need := func(min int, base float64) int {
		return max(min, int(math.Ceil(lim.VolumeFactor*base)))
	}
	if from := t - en.browse; st.rec.distinct(from) >= need(lim.BrowsingMinPersons, peerDay/8*float64(en.browse)/3600) {
		return from, browseShort
	}
	// A day's breadth needs a day's baseline: without one (the first day
	// of a log) only the short window counts.
	if en.browseLong > en.browse && ready {
		if from := t - en.browseLong; st.rec.distinctSlow(from) >= need(lim.BrowsingLongMinPersons, peerDay) {
			return from, browseSlow
		}
	}
	return 0, browseNone
}

// overVolume compares the employee's unexplained look-ups of the last 24
// hours with the own history and the peer group's: explained look-ups are
// work and do not count towards volume.
func (en *Engine) overVolume(e uint32, t int64) bool {
	lim := &en.pol.Limits
	st := &en.emp[e]
	n := st.rollingUnexplained(t, en.volHours)
	if n < lim.VolumeMin {
		return false
	}
	base := 0.0
	ps := &en.peers[en.ix.ePeer[e]]
	if ps.ready {
		base = float64(ps.meanU)
	} else if int(st.activeDays) < lim.MinHistoryDays {
		return en.overAbsoluteVolume(e, st, t)
	}
	if int(st.activeDays) >= lim.MinHistoryDays {
		base = max(base, float64(st.ownMeanU))
	}
	if float64(n) <= lim.VolumeFactor*base {
		return false
	}
	// The unusual stretch must still be going on: a short burst earlier in
	// the window does not make every later look-up part of it. The last two
	// hours must run at least at the window's average rate, and above the
	// threshold's share of two hours in the window (a spike spread evenly
	// over a 12-hour control-room shift is still a spike).
	recent := float64(st.rollingUnexplained(t, 2))
	share := 2 / float64(en.volHours)
	return recent >= float64(lim.VolumeRecentMin) && recent > lim.VolumeFactor*base*share &&
		recent >= float64(n)*share
}

// overAbsoluteVolume is volume without any baseline (the first working
// day(s) of a log, or of a new peer group): neither the own history nor the
// peer group's can say what is normal, so a fixed number of distinct persons
// without a work link in windows.volume stands in for it. Role staff (intake
// desk, control room, analysts) are left out: looking up callers, visitors
// and broad queries without a record is their job, a busy day brings 20–36
// such persons, and their peer group's baseline is ready after the first day.
func (en *Engine) overAbsoluteVolume(e uint32, st *empState, t int64) bool {
	lim := &en.pol.Limits
	if lim.VolumeAbsoluteMinPersons <= 0 || en.ix.eRole[e] != roleNone || st.rec == nil {
		return false
	}
	persons := st.rec.distinct(t - en.volHours*3600)
	if persons < lim.VolumeAbsoluteMinPersons {
		return false
	}
	// As with a baseline, the stretch must still be going on: the last two
	// hours at least at the window's average rate, counted in persons to
	// the second (not in clock hours).
	recent := st.rec.distinct(t - 2*3600)
	return recent >= lim.VolumeRecentMin && float64(recent) >= float64(persons)*2/float64(en.volHours)
}

// addToGroup files a look-up under its (employee, person) group.
func (en *Engine) addToGroup(it *item, t int64, expl Explanation, sigs SignalSet) (*group, uint32) {
	key := pairKey(it.ekey, it.pkey)
	g := en.groups[key]
	if g != nil && (t-g.last > en.gap || t-g.first > en.gmax) {
		en.closeGroup(g)
		delete(en.groups, key)
		g = nil
	}
	if g == nil {
		if len(en.groups) >= en.pol.Limits.MaxOpenGroups {
			en.sweep(t, true)
		}
		// Ids the context knows are copied out of the index only for the
		// few groups that become alerts (see score): for a look-up of a
		// random person of millions that copy is a cache miss.
		g = &group{key: key, emp: it.emp, person: it.person, first: t, firstNS: it.ts}
		if it.emp == none {
			g.empID = it.ext.employeeID
		}
		if it.person == none {
			g.personID = it.ext.personID
		}
		en.groups[key] = g
		en.Stats.Groups++
	}
	g.last, g.lastNS = t, it.ts
	g.lastItem, g.lastExpl = *it, expl
	g.lastItem.ext = nil
	g.explained[expl] = true
	if expl == Unexplained {
		g.unexplained = true
	}
	if len(g.evs) >= en.pol.Limits.MaxStoredEventsPerGroup {
		g.more++
		g.signals |= sigs
		return g, uint32(len(g.evs)) // out of range: marks are ignored
	}
	g.evs = append(g.evs, gev{id: it.idString(), ts: t, sigs: sigs, expl: expl})
	return g, uint32(len(g.evs) - 1)
}

// advance runs the daily housekeeping when event time enters a new day.
func (en *Engine) advance(t int64) {
	d := dayOf(t)
	if !en.started {
		en.started, en.curDay, en.firstDay = true, d, d
		return
	}
	if d <= en.curDay {
		return
	}
	en.curDay = d
	en.judgeHeld(d)
	en.sweep(t, false)
	for k, h := range en.hype {
		if h.last <= t-en.hypeWin {
			delete(en.hype, k)
		}
	}
}

// sweep closes the groups whose gap has passed; under memory pressure
// (force) it also closes the older half.
func (en *Engine) sweep(t int64, force bool) {
	cut := t - en.gap
	if force {
		cut = t - en.gap/2
	}
	for k, g := range en.groups {
		if g.last < cut || t-g.first > en.gmax {
			en.closing = append(en.closing, g)
			delete(en.groups, k)
		}
	}
	en.flushClosing()
}

// Flush closes every open group (end of input).
func (en *Engine) flushAll() {
	for k, g := range en.groups {
		en.closing = append(en.closing, g)
		delete(en.groups, k)
	}
	en.flushClosing()
	en.judgeHeld(math.MaxInt64)
}

func (en *Engine) closeGroup(g *group) {
	en.closing = append(en.closing, g)
	en.flushClosing()
}

// flushClosing scores closed groups in a stable order, so output does not
// depend on map iteration.
func (en *Engine) flushClosing() {
	slices.SortFunc(en.closing, func(a, b *group) int {
		switch {
		case a.firstNS != b.firstNS:
			if a.firstNS < b.firstNS {
				return -1
			}
			return 1
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	for _, g := range en.closing {
		if g.held > 0 {
			en.heldGroups = append(en.heldGroups, g)
			continue
		}
		en.score(g)
	}
	clear(en.closing)
	en.closing = en.closing[:0]
}

// score turns a closed group into an alert when its signals weigh enough.
func (en *Engine) score(g *group) {
	sigs := g.signals
	for i := range g.evs {
		sigs |= g.evs[i].sigs
	}
	score := 0.0
	for sig := Signal(0); sig < numSignals; sig++ {
		if sigs.Has(sig) {
			score += en.pol.compiled[sig].rule.Weight
		}
	}
	for i := range en.pol.custom {
		if sigs.hasCustom(i) {
			score += en.pol.custom[i].rule.Weight
		}
	}
	th := en.pol.Thresholds
	if score < th.Alert || en.err != nil {
		return
	}
	sev := lekradar.SeverityLow
	switch {
	case score >= th.High:
		sev = lekradar.SeverityHigh
	case score >= th.Medium:
		sev = lekradar.SeverityMedium
	}
	en.alertNo++
	if g.emp != none {
		g.empID = string(en.ix.Employees.Get(g.emp))
	}
	if g.person != none {
		g.personID = string(en.ix.Persons.Get(g.person))
	}
	a := &lekradar.Alert{
		ID:         fmt.Sprintf("A%08d", en.alertNo),
		EmployeeID: g.empID,
		PersonID:   g.personID,
		EventIDs:   make([]string, 0, len(g.evs)),
		FirstTS:    time.Unix(0, g.firstNS).UTC(),
		LastTS:     time.Unix(0, g.lastNS).UTC(),
		Score:      math.Round(score*100) / 100,
		Severity:   sev,
	}
	for i := range g.evs {
		a.EventIDs = append(a.EventIDs, g.evs[i].id)
	}
	a.Reasons = en.reasons(g, sigs)
	for x := ExplGivenCase; x < numExplanations; x++ {
		if !g.explained[x] {
			a.Explanations = append(a.Explanations, x.String())
		}
	}
	en.Stats.Alerts[sev]++
	if en.out.Alert != nil {
		if err := en.out.Alert(a); err != nil {
			en.err = fmt.Errorf("write alert: %w", err)
		}
	}
}

func (en *Engine) reasons(g *group, sigs SignalSet) []lekradar.Reason {
	var out []lekradar.Reason
	var workLinks []string
	for x := ExplGivenCase; x < numExplanations; x++ {
		if g.explained[x] {
			workLinks = append(workLinks, x.String())
		}
	}
	n := len(g.evs) + g.more
	for sig := Signal(0); sig < numSignals; sig++ {
		if !sigs.Has(sig) {
			continue
		}
		r := &en.pol.compiled[sig]
		text := r.rule.Text
		if text == "" {
			text = signalTexts[sig]
		}
		if signalDefaultAlways(sig) && len(workLinks) > 0 {
			text += fmt.Sprintf(" A work link was found (%s); the look-up is shown because of this possible conflict of interest.", joinNames(workLinks))
		}
		out = append(out, lekradar.Reason{Rule: sig.String(), Text: text})
	}
	for i := range en.pol.custom {
		if sigs.hasCustom(i) {
			r := &en.pol.custom[i].rule
			text := r.Text
			if text == "" {
				text = "The condition of policy rule " + r.Name + " held."
			}
			out = append(out, lekradar.Reason{Rule: r.Name, Text: text})
		}
	}
	if g.unexplained {
		out = append(out, lekradar.Reason{Rule: "unexplained", Text: fmt.Sprintf(
			"No work link was found for %d of the %d look-ups in the police's records (cases, case staff, team cases, unit incidents on shift, role, earlier explained look-ups).",
			countUnexplained(g), n)})
	}
	return out
}

func countUnexplained(g *group) int {
	n := g.more
	for i := range g.evs {
		if g.evs[i].expl == Unexplained {
			n++
		}
	}
	return n
}

func joinNames(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// signalNames appends the names of the signals in s to dst.
func (en *Engine) signalNames(s SignalSet, dst []string) []string {
	for sig := Signal(0); sig < numSignals; sig++ {
		if s.Has(sig) {
			dst = append(dst, signalNames[sig])
		}
	}
	for i := range en.pol.custom {
		if s.hasCustom(i) {
			dst = append(dst, en.pol.custom[i].rule.Name)
		}
	}
	return dst
}

// StateSize counts what the engine holds between events; it is bounded by
// the policy's windows and caps, not by the length of the log.
type StateSize struct {
	OpenGroups, RepeatPairs, FollowPairs, HypeEntries int
}

// State reports the current StateSize.
func (en *Engine) State() StateSize {
	return StateSize{OpenGroups: len(en.groups), RepeatPairs: en.pairs.n, FollowPairs: en.follows.n, HypeEntries: len(en.hype)}
}

// mod is a non-negative remainder: days before 1970 are negative.
func mod(a, n int64) int64 {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}
