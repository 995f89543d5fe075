package detect

import (
	"fmt"
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

	job []uint32 // each employee's job peer group (peers.go)

	listCount map[uint32]listTally // crowdOnList's scratch

	// windows in seconds
	caseBefore, caseAfter, givenAfter  int64
	staffAfter                         int64
	incBefore, incAfter, slack, recent int64
	repeat, gap, gmax, browse, follow  int64
	browseLong                         int64
	followGap                          int64 // days
	hypeWin, sensWin, volHours         int64
	workEvidence                       int64
	incWorkWin                         int64
	quotedWin                          int64
	analysisWin                        int64
	workStretchWin                     int64
	offRosterShift                     int64
	operation                          int64
	// alwaysScope holds the signals that count for explained look-ups
	// too (scope always): what stays of a look-up later taken back as work
	alwaysScope SignalSet
	burstLink   int64 // browsing: longest pause within a burst

	emp     []empState
	peers   []peerState
	pairs   pairTable
	follows followTable
	groups  map[uint64]*group
	hype    map[uint32]*hypeEntry // per person key
	crowd   map[uint32]crowdEntry // per person key (crowd.go)
	// flagged persons' recent lookers, per person key (teamsubject.go)
	teamSubjects map[uint32]teamSubject
	hypeBits     []uint64 // bit pkey%2^20 set: hype may hold an entry for pkey
	// supportsCases marks employees of support and analysis teams, who
	// work on investigations without being on their staff (explain.go)
	supportsCases []bool
	// integrity marks the integrity office's staff (integrity.go)
	integrity []bool
	// detectives marks the staff who canvass streets (canvass.go)
	detectives []bool
	// teamStaff lists each team's employees who are not role staff
	// (operation.go)
	teamStaff [][]uint32
	// teamQuotes: per (team, sensitive investigation), its detectives who
	// quoted the number lately (teamsupport.go)
	teamQuotes map[uint64]teamQuote
	curDay     int64
	firstDay   int64 // the day of the first look-up of the log
	firstT     int64 // the time of the first look-up of the log, seconds
	// historyFrom is the first day that counts in baselines: the log's
	// first day only when the log covers at least half of it (a log that
	// starts at local midnight starts an hour or two before the end of a
	// UTC day, and an hour is no day's work to compare with)
	historyFrom int64
	started     bool
	alertNo     int64
	act         activation
	names       []string
	closing     []*group
	err         error
	// findings made before a peer group had a baseline, and the closed
	// groups that wait for them (warmup.go)
	heldFindings []heldFinding
	heldGroups   []*group
	heldHypes    map[uint32]*heldHype // news_hype marks at the log's start (hypewarmup.go)
	lastT        int64                // the latest look-up time so far, seconds
	// servedUnits[u] has bit k set when role staff of unit u serve every
	// unit for cases of kind k: u registers no cases of that kind itself (a
	// regional control room dispatches for all district units; a regional
	// analysis or intake unit works for the districts' cases).
	servedUnits []uint8
	personEmps  map[uint32][]uint32 // employees by their own person record
	links       caseLinks           // cases by employee and by team (household.go)
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
		caseBefore: s(w.CaseBefore), caseAfter: s(w.CaseAfter), staffAfter: s(w.StaffAfter), givenAfter: s(w.GivenCaseAfter),
		incBefore: s(w.IncidentBefore), incAfter: s(w.IncidentAfter), slack: s(w.ShiftSlack),
		recent: s(w.RoleRecent), repeat: s(w.Repeat), gap: s(w.GroupGap), gmax: s(w.GroupMax),
		browse: s(w.Browsing), browseLong: s(w.BrowsingLong), follow: s(w.FollowingMinSpan), followGap: max(s(w.FollowingGap)/daySecs, 1), hypeWin: max(s(w.Hype), 1), sensWin: s(w.Sensitive), workEvidence: s(w.WorkEvidence), incWorkWin: s(w.IncidentWork), quotedWin: s(w.QuotedCase), analysisWin: s(w.Analysis), workStretchWin: s(w.WorkStretch), offRosterShift: s(w.OffRosterShift), operation: s(w.Operation), volHours: min(max(s(w.Volume)/3600, 1), 24),
		emp:          make([]empState, ix.Employees.Len()),
		groups:       map[uint64]*group{},
		hype:         map[uint32]*hypeEntry{},
		crowd:        map[uint32]crowdEntry{},
		teamSubjects: map[uint32]teamSubject{},
		heldHypes:    map[uint32]*heldHype{},
		hypeBits:     make([]uint64, hypeBitsMask+1),
	}
	var groups int
	en.job, groups = jobPeers(ix, p.Limits.JobPeers)
	en.peers = make([]peerState, groups)
	// A burst is browsing_min_persons look-ups within windows.browsing, so
	// at about that average pause; a pause of twice the average still
	// belongs to the burst, a longer one ends it.
	en.burstLink = max(2*en.browse/int64(max(p.Limits.BrowsingMinPersons, 1)), 60)
	// The per-employee counters are tens of MiB at national scale, read
	// at random by every look-up on the engine goroutine, the critical
	// path: ask for huge pages before the first look-up writes them (a
	// no-op when they are small).
	adviseHugePages(en.emp)
	for sig := Signal(0); sig < numSignals; sig++ {
		if p.compiled[sig].always {
			en.alwaysScope.add(sig)
		}
	}
	for i := range p.custom {
		if p.custom[i].always {
			en.alwaysScope.addCustom(i)
		}
	}
	en.servedUnits = servedUnits(ix)
	en.supportsCases = supportStaff(ix)
	en.integrity = integrityStaff(ix)
	en.detectives = detectiveStaff(ix)
	en.teamStaff = teamStaffOf(ix)
	en.teamQuotes = map[uint64]teamQuote{}
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
	en.links = newCaseLinks(ix)
	en.pairs.init(p.Limits.MaxRepeatPairs)
	en.follows.init(p.Limits.MaxOpenGroups)
	en.Stats.Alerts = map[string]int64{}
	return en
}

func dayOf(t int64) int64 {
	if t < 0 {
		return (t - daySecs + 1) / daySecs
	}
	return t / daySecs
}

// prepared is what the index alone decides about a look-up, before its
// turn in time order: the workers of Run compute it in parallel, and
// process adds what depends on the look-ups before it.
type prepared struct {
	rel     SignalSet   // relationship signals
	residue SignalSet   // index-only residue signals, when the index explains nothing
	expl    Explanation // given, assigned, team or unit-incident explanation, else Unexplained
	role    bool        // role-based work explains it while the employee stays within the role's volume
	// offRoster is the explanation (unit incident or role work) that would
	// apply if a shift covered the look-up; process accepts it when the
	// employee is demonstrably at work (offRosterWork)
	offRoster Explanation
	rf        relFacts
	// newsCase is set by process: the look-up quoted the case number of a
	// hype's subject and nothing else explains it (it shares in the hype
	// without making it)
	newsCase bool
	// analysable: an analyst's look-up that could be on a list (analysis.go)
	analysable bool
	// incidents: the person's recent incidents (incident_work)
	incidents incidentCases
}

// prepare fills it.pre. It reads only the index and the policy, so any
// number of goroutines may prepare items at once.
func (en *Engine) prepare(it *item) {
	t := floorDiv(it.ts, int64(time.Second))
	pre := &it.pre
	*pre = prepared{}
	if it.emp != none && it.person != none {
		pre.rel = en.relationSignals(it.emp, it.person, it.action, &pre.rf)
	}
	pre.expl, pre.role, pre.offRoster = en.explainFromIndex(it, t, pre.rel != 0, true)
	// (a subject of an ongoing sensitive investigation the employee is not
	// on is need-to-know: incident work does not explain looking them up,
	// nor does such a look-up count as evidence of it)
	if it.emp != none {
		if pre.incidents = en.recentIncidents(it.person, t); pre.incidents.n > 0 && en.sensitiveFinding(it.emp, it.person, t) {
			pre.incidents = incidentCases{}
		}
	}
	if pre.expl == Unexplained {
		pre.residue = en.residueFromIndex(it, t)
		pre.analysable = !pre.role && en.analysable(it, t, pre.rel != 0)
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
	residue, role, offRoster := it.pre.residue, it.pre.role, it.pre.offRoster
	if expl == ExplGivenCase && en.hyped(it.pkey, t) {
		// A case number in the news is known to everybody: while the
		// person is the subject of a hype, quoting it explains nothing by
		// itself, and the look-up needs another work link.
		if expl, role, offRoster = en.explainFromIndex(it, t, sigs != 0, false); expl == Unexplained {
			residue = en.residueFromIndex(it, t)
			it.pre.newsCase = true
		}
	}
	if expl == Unexplained && e != none && p != none {
		if role && en.withinRoleVolume(e) && !en.hyped(it.pkey, t) {
			expl = ExplRoleBased
		} else if last, ok := en.pairs.get(pairKey(it.ekey, it.pkey)); ok && last >= t-en.repeat &&
			// within a week of the work link a return is follow-up work;
			// after that, coming back day after day is judged (follow.go)
			(last >= t-en.follow || !en.habit(it, t)) {
			expl = ExplRepeatExplained
		} else if offRoster != Unexplained && en.offRosterWork(e, t, it.pkey) &&
			(offRoster != ExplRoleBased || en.withinRoleVolume(e) && !en.hyped(it.pkey, t)) {
			expl = offRoster
		} else if !en.hyped(it.pkey, t) && en.teamSupports(e, p, it, t) {
			// (a number in the news explains nothing, as given_case)
			expl = ExplGivenCase
		} else if en.quotedWin > 0 && en.quotedCase(e, p, t) && !en.hyped(it.pkey, t) {
			// (a case number in the news explains nothing, as given_case)
			expl = ExplQuotedCase
		} else if en.ix.eRole[e] == roleAnalysis && en.onList(e, t, it.pkey, it.pre.analysable && !en.hyped(it.pkey, t)) {
			// (a person in the news is no subject of analysis: the look-up
			// breaks the run)
			expl = ExplRoleBased
		}
	}
	// (incidentWork also keeps the look-up as evidence for the next ones,
	// so it runs whatever explained this one)
	incident := it.pre.incidents.n > 0 && e != none && p != none
	if incident && en.incidentWork(e, p, it.pre.incidents, t, expl != Unexplained) && expl == Unexplained {
		expl = ExplIncidentWork
	}
	// (every look-up of a public figure or shielded person is noted, the
	// explained ones too: they show whose business the person is)
	teamBusiness := e != none && en.flaggedPerson(p) && en.teamsSubject(it.pkey, e, dayOf(t))
	var ug *group // the unexplained look-up's group, and its place there
	var ugi uint32
	actFilled := false
	if expl != Unexplained {
		en.Stats.Explained[expl]++
		if e != none {
			en.atWork(e, t)
		}
		if expl == ExplGivenCase {
			en.noteQuoted(e, it.cas, t)
		}
		if expl != ExplRepeatExplained {
			en.pairs.put(pairKey(it.ekey, it.pkey), t, t-en.repeat)
			if expl != ExplRoleBased {
				en.noteWork(it.pkey, it.ekey, t)
			}
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
		sigs |= residue | en.residueFromState(it)
		if teamBusiness {
			sigs &^= 1<<SigVIP | 1<<SigShielded
		}
		if it.action == ActionQuery {
			sigs = en.hitListColleague(it, t, sigs)
		}
		if sigs&(1<<SigExportPrint) != 0 && e != none && en.exportRoutine(e, t) {
			sigs &^= 1 << SigExportPrint
		}
		// (only where there is an off-duty finding to judge or to take
		// back: counting costs a cache miss on the critical path)
		if e != none && (sigs&offDuty != 0 || len(en.emp[e].offDuty) > 0) && en.busy(e, t, it.pkey) {
			sigs &^= offDuty
		} else if sigs&offDuty != 0 && e != none && en.workedNear(e, t) {
			sigs &^= offDuty
		} else if e != none && (sigs&offDuty != 0 || len(en.emp[e].offDuty) > 0) && en.workStretch(e, t, it.pkey) {
			sigs &^= offDuty
		}
		// sensitive_investigation is decided with the employee's other
		// such look-ups, in patterns
		sensitive := sigs.Has(SigSensitiveInvestigation)
		sigs &^= 1 << SigSensitiveInvestigation
		if sensitive && e != none {
			en.countSensitive(e, t)
		}
		sigs = en.applyPolicy(sigs, it, t, expl, &rf, false, &actFilled)
		g, gi := en.addToGroup(it, t, expl, sigs)
		ug, ugi = g, gi
		if it.pre.analysable {
			en.heldForRun(e, p, t, g, gi)
		}
		if sigs&offDuty != 0 && e != none {
			en.holdOffDuty(e, g, gi, t)
		}
		sigs |= en.patterns(it, t, g, gi, sensitive, &rf, &actFilled)
		if int(gi) < len(g.evs) {
			g.evs[gi].sigs |= sigs
		} else {
			g.signals |= sigs
		}
	}
	if incident {
		en.emp[e].inc.add(t, p, it.pre.incidents, ug, ugi)
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// advance runs the daily housekeeping when event time enters a new day.
func (en *Engine) advance(t int64) {
	d := dayOf(t)
	en.lastT = max(en.lastT, t)
	if !en.started {
		en.started, en.curDay, en.firstDay, en.firstT = true, d, d, t
		en.historyFrom = d
		if t-d*daySecs > partialDay {
			en.historyFrom = d + 1
		}
		return
	}
	if d <= en.curDay {
		return
	}
	en.curDay = d
	en.judgeHeld(d)
	en.judgeHeldHypes(t, false)
	en.sweep(t, false)
	// (the persons nobody looked up within windows.following_gap)
	forgetBefore(en.crowd, d-en.followGap)
	forgetBefore(en.teamSubjects, d-en.followGap)
	// A person who draws attention every day keeps that history over a
	// quiet day or two (the usual attention a hype must surge over);
	// others are forgotten a window after their last look-up.
	for k, h := range en.hype {
		keep := en.hypeWin
		if h.arrivals >= en.pol.Limits.HypeMinEmployees {
			keep = hypeMemory
		}
		if h.last <= t-keep {
			delete(en.hype, k)
		}
	}
	clear(en.hypeBits)
	for k := range en.hype {
		en.hypeBits[k>>6&hypeBitsMask] |= 1 << (k & 63)
	}
}

// partialDay is how late into its first day a log may start for that day
// to count in the baselines: it must cover at least half of it.
const partialDay = daySecs / 2

// hypeMemory is how long the history of a person who drew several
// employees' attention outlives the last look-up, in seconds.
const hypeMemory = 7 * daySecs

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
