package detect

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// recentRing holds an employee's last unexplained look-ups with a pointer
// to where each is kept, so a pattern found later (browsing, volume) can
// mark the look-ups that formed it.
type recentRing struct {
	n, pos int
	ts     [recentCap]int64
	pkey   [recentCap]uint32
	g      [recentCap]*group
	gi     [recentCap]uint32
	street [recentCap]uint32      // hash of the person's postcode, 0 unknown
	flags  [recentCap]recentFlags // one byte each: a look-up touches one cache line of them
}

// recentFlags describe a recent look-up.
type recentFlags uint8

const (
	recSensitive recentFlags = 1 << iota // the person is in a sensitive investigation the employee is not on
	recBrowsing                          // already part of a browsing burst
	recSlow                              // already counted towards a slow browsing finding
	recQuery                             // a search (action query), not an opened record
	// a further person of the search before it (a query at the same
	// second: one search that listed several people, several events)
	recHit
)

// hypeEntry holds, for one person, the employees without a work link who
// looked the person up within the last windows.hype (a sliding window: a
// hype that starts with the evening news runs past midnight).
type hypeEntry struct {
	since int64 // first look-up since the entry was made
	// arrivals counts the employees who joined the window, each time they
	// did: what came before the window is the person's usual attention
	arrivals int
	// work holds the employees whose look-ups of the person in the window
	// their work explained: a person many handle is not a hype because a
	// few more look without a registered link
	work   []uint32
	workTS []int64
	last   int64    // last look-up
	emps   []uint32 // distinct employees, oldest look-up first …
	empTS  []int64  // … and the time of each one's last look-up
	refs   []evRef  // look-ups not yet marked
	refTS  []int64
	// listAt is when the crowd was last checked for working a list, and
	// onList what that found (crowdOnList)
	listAt int64
	onList bool
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
	return en.isHype(h, pkey, t)
}

// isHype reports whether the employees in the window make a news hype:
// enough of them, from enough teams, at least a share of all who looked
// the person up (a person many handle is not a hype because a few more
// look without a registered link), and more than the attention the person
// drew before the window would bring by chance. A known offender whom
// patrols stop and check every day draws a few officers a day without any
// news; a hype is a surge over that usual.
func (en *Engine) isHype(h *hypeEntry, pkey uint32, t int64) bool {
	lim := &en.pol.Limits
	n := len(h.emps)
	if n < lim.HypeMinEmployees || float64(n) < lim.HypeMinShare*float64(n+len(h.work)) {
		return false
	}
	// A short history counts as a whole window: it lowers the usual rate
	// rather than guessing it high. (At the start of a log there is none:
	// hypewarmup.go.)
	if before := t - en.hypeWin - h.since; before > 0 && lim.HypeChance > 0 && h.arrivals > n {
		usual := float64(h.arrivals-n) * float64(en.hypeWin) / float64(max(before, en.hypeWin))
		if (distuv.Poisson{Lambda: usual}).Survival(float64(n-1)) >= lim.HypeChance {
			return false
		}
	}
	if en.distinctTeams(h.emps, lim.HypeMinTeams) < lim.HypeMinTeams {
		return false
	}
	return !en.crowdOnList(h, pkey, t)
}

// listRecheck is how long what crowdOnList found for a person stands, in
// seconds: the crowd changes slowly, and a hype is checked at every look-up.
const listRecheck = 600

// crowdOnList reports whether the employees looking the person up are
// working a list together rather than looking at one person: between
// them they looked up, without a work link within windows.hype, at least
// limits.hype_list_persons other persons that employees of two or more of
// their teams each looked up, at least an eighth of them (a training class
// on its test persons, a briefing on the wanted, the tractors' owners at a
// blockade). News is about one person, or a few, and the curious of
// different teams share nothing else; colleagues of one team share their
// day's work. The eighth keeps a crowd of a hundred, whose own days meet
// by chance (two districts at one incident), from looking like a list.
func (en *Engine) crowdOnList(h *hypeEntry, pkey uint32, t int64) bool {
	need := en.pol.Limits.HypeListPersons
	if need <= 0 {
		return false
	}
	if h.listAt != 0 && t >= h.listAt && t-h.listAt < listRecheck {
		return h.onList
	}
	h.listAt, h.onList = t, false
	if en.listCount == nil {
		en.listCount = make(map[uint32]listTally)
	}
	clear(en.listCount)
	from := t - en.hypeWin + 1
	least := max(2, (len(h.emps)+7)/8)
	shared := 0
	for _, k := range h.emps {
		if k&unknownKey != 0 || int(k) >= len(en.emp) || en.emp[k].rec == nil {
			continue
		}
		team := k | unknownKey // without a team: a team of one
		if en.ix.eTeam[k] != none {
			team = en.ix.eTeam[k]
		}
		r := en.emp[k].rec
		for j, m := 0, r.countSince(from, recentCap); j < m; j++ {
			y := r.pkey[r.slot(j)]
			c, seen := en.listCount[y]
			if y == pkey || c.last == k+1 || c.counted {
				continue // (each employee once per person)
			}
			if !seen {
				c.team = team
			}
			c.last, c.n = k+1, c.n+1
			c.teams = c.teams || c.team != team
			if c.teams && int(c.n) >= least {
				c.counted = true
				if shared++; shared >= need {
					h.onList = true
					return true
				}
			}
			en.listCount[y] = c
		}
	}
	return false
}

// listTally is what crowdOnList knows of a person: how many of the crowd
// looked the person up (the last one counted, plus one, to count each
// once), the team of the first, whether another team did too, and whether
// the person is already counted as shared.
type listTally struct {
	last, team     uint32
	n              uint16
	teams, counted bool
}

// hypeBitsMask sizes the filter in front of the hype map: 2^20 bits.
const hypeBitsMask = 1<<14 - 1

// noteWork counts an explained look-up towards the person's hype entry,
// when there is one (a person nobody looks up without a work link has
// none, and needs none).
func (en *Engine) noteWork(pkey, ekey uint32, t int64) {
	// Most explained look-ups are of persons without an entry: a bit per
	// person key (some shared) says so without the map.
	if en.hypeBits[pkey>>6&hypeBitsMask]&(1<<(pkey&63)) == 0 {
		return
	}
	h := en.hype[pkey]
	if h == nil {
		return
	}
	from := t - en.hypeWin + 1
	k := 0
	found := false
	for i := range h.work {
		if h.workTS[i] >= from {
			if h.work[i] == ekey {
				found = true
				h.workTS[i] = t
			}
			h.work[k], h.workTS[k] = h.work[i], h.workTS[i]
			k++
		}
	}
	h.work, h.workTS = h.work[:k], h.workTS[:k]
	if !found {
		h.work, h.workTS = append(h.work, ekey), append(h.workTS, t)
	}
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
	k = 0
	for i := range h.work {
		if h.workTS[i] >= from {
			h.work[k], h.workTS[k] = h.work[i], h.workTS[i]
			k++
		}
	}
	h.work, h.workTS = h.work[:k], h.workTS[:k]
}

type evRef struct {
	g  *group
	gi uint32
}

// add keeps a look-up of person pkey, living at postcode street (0 when
// not counted as a canvass: canvass.go).
func (r *recentRing) add(t int64, pkey, street uint32, g *group, gi uint32, sensitive, query bool) {
	var f recentFlags
	if sensitive {
		f |= recSensitive
	}
	if query {
		f |= recQuery
		if r.n > 0 && r.flags[r.slot(0)]&recQuery != 0 && r.ts[r.slot(0)] == t {
			f |= recHit
		}
	}
	r.ts[r.pos], r.pkey[r.pos], r.street[r.pos], r.g[r.pos], r.gi[r.pos], r.flags[r.pos] = t, pkey, street, g, gi, f
	r.pos = (r.pos + 1) % recentCap
	if r.n < recentCap {
		r.n++
	}
}

// slot is where the k-th newest look-up kept is (0: the newest).
func (r *recentRing) slot(k int) int { return (r.pos - 1 - k + recentCap) % recentCap }

// countSince counts the look-ups kept since from, up to limit: the newest
// ones, so the walks over a window take k = 0 … countSince-1 in slot(k).
func (r *recentRing) countSince(from int64, limit int) int {
	n := 0
	for n < r.n && n < limit && r.ts[r.slot(n)] >= from {
		n++
	}
	return n
}

// distinct counts the distinct persons looked up since from.
func (r *recentRing) distinct(from int64) int { return r.distinctExcept(from, 0) }

// distinctSearched counts the distinct persons looked up since from, a
// search that listed several people counting with its first: browsing is
// looking at many people one by one, and a name search that lists five
// namesakes is one look. So is a canvass of a street: residents of a
// postcode of which at least canvass were looked up count as one (0: off).
func (r *recentRing) distinctSearched(from int64, canvass int) int {
	return r.distinctExcept(from, recHit) - r.canvassed(from, recHit, canvass)
}

// distinctSlow counts the distinct persons looked up since from that no
// earlier slow browsing finding counted (a search's list and a canvassed
// street counting as one, as in distinctSearched).
func (r *recentRing) distinctSlow(from int64, canvass int) int {
	return r.distinctExcept(from, recSlow|recHit) - r.canvassed(from, recSlow|recHit, canvass)
}

// canvassed is how many fewer persons the look-ups since from (leaving out
// those with any of the flags skip) count when each canvass counts as one:
// an unbroken run of look-ups of residents of one postcode, at least least
// distinct persons. A canvass goes from door to door along a street; a
// detective who alternates between streets is looking at a neighbourhood.
func (r *recentRing) canvassed(from int64, skip recentFlags, least int) int {
	if least < 2 {
		return 0
	}
	fewer := 0
	var run [recentCap]uint32 // the persons of the current run
	nr := 0
	street := uint32(0)
	end := func() {
		if nr >= least {
			fewer += nr - 1
		}
		nr = 0
	}
	for k := r.countSince(from, recentCap) - 1; k >= 0; k-- {
		i := r.slot(k)
		if r.flags[i]&skip != 0 {
			continue
		}
		if r.street[i] != street || street == 0 {
			end()
			street = r.street[i]
		}
		if street != 0 && !slices.Contains(run[:nr], r.pkey[i]) {
			run[nr] = r.pkey[i]
			nr++
		}
	}
	end()
	return fewer
}

// distinctExcept counts the distinct persons looked up since from, leaving
// out the look-ups with any of the flags skip.
func (r *recentRing) distinctExcept(from int64, skip recentFlags) int {
	n := 0
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		if r.flags[i]&skip != 0 {
			continue
		}
		dup := false
		for m := 0; m < k; m++ {
			j := r.slot(m)
			if r.flags[j]&skip == 0 && r.pkey[j] == r.pkey[i] {
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

// distinctWith counts the distinct persons looked up since from, person
// pkey (the look-up at hand, not yet in the ring) included.
func (r *recentRing) distinctWith(from int64, pkey uint32) int {
	n, seen := r.distinct(from), false
	for k := range r.countSince(from, recentCap) {
		if r.pkey[r.slot(k)] == pkey {
			seen = true
			break
		}
	}
	if !seen {
		n++
	}
	return n
}

// countSlow marks the look-ups since from as counted by a slow browsing
// finding.
func (r *recentRing) countSlow(from int64) {
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		r.flags[i] |= recSlow
	}
}

// burstStart is where the run of look-ups that ends with the newest one
// begins, going back no further than from: each look-up of the run follows
// the one before it within link seconds.
func (r *recentRing) burstStart(from, link int64) int64 {
	start := int64(math.MaxInt64)
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		if k > 0 && start-r.ts[i] > link {
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
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		if r.flags[i]&recSensitive != 0 {
			n++
		}
	}
	return n
}

// mark adds sig to the recent look-ups since from (only those of persons in
// a sensitive investigation when onlySensitive is set).
func (r *recentRing) mark(from int64, onlySensitive bool, sig Signal) {
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		if onlySensitive && r.flags[i]&recSensitive == 0 {
			continue
		}
		if g := r.g[i]; g != nil && int(r.gi[i]) < len(g.evs) {
			g.evs[r.gi[i]].sigs.add(sig)
		}
	}
}

// hitListColleague drops the colleague finding of a workmate that a name
// search listed among others: a search that lists several people is
// several queries at the same second, and a workmate who shares a common
// surname with the person searched for comes up by chance. The first
// person of the list was judged before the list showed, so its finding is
// taken back when the second arrives. An opened record of a workmate
// stays a finding, as does a search that lists only the workmate. it is a
// query (the caller checks).
func (en *Engine) hitListColleague(it *item, t int64, sigs SignalSet) SignalSet {
	if it.emp == none {
		return sigs
	}
	r := en.emp[it.emp].rec
	if r == nil || r.n == 0 {
		return sigs
	}
	prev := r.slot(0)
	if r.flags[prev]&recQuery == 0 || r.ts[prev] != t || r.pkey[prev] == it.pkey {
		return sigs
	}
	if g := r.g[prev]; g != nil && int(r.gi[prev]) < len(g.evs) {
		g.evs[r.gi[prev]].sigs &^= 1 << SigColleague
	}
	return sigs &^ (1 << SigColleague)
}

// uncountBrowsing takes the look-ups of a browsing burst out of the volume
// count: each look-up counts towards one pattern, and a volume alert after
// a burst would only repeat the browsing one.
func (en *Engine) uncountBrowsing(st *empState, from int64) {
	r := st.rec
	for k := range r.countSince(from, recentCap) {
		st.uncount(r.slot(k))
	}
}

// uncountCanvass takes a canvass's look-ups since from out of the volume
// count, all but its first resident's, once the run that ends with the
// newest look-up has least residents of its postcode: a canvass counts as
// one person towards browsing and as one look-up towards volume.
func (st *empState) uncountCanvass(from int64, street uint32, least int) {
	r := st.rec
	if street == 0 || least < 2 {
		return
	}
	var persons [recentCap]uint32
	np, k := 0, 0
	for n := r.countSince(from, recentCap); k < n && r.street[r.slot(k)] == street; k++ {
		if p := r.pkey[r.slot(k)]; !slices.Contains(persons[:np], p) {
			persons[np] = p
			np++
		}
	}
	if np < least {
		return
	}
	first := r.pkey[r.slot(k-1)]
	for m := 0; m < k; m++ {
		if i := r.slot(m); r.pkey[i] != first {
			st.uncount(i)
		}
	}
}

// uncount takes look-up i of the ring out of the volume count, once.
func (st *empState) uncount(i int) {
	r := st.rec
	if r.flags[i]&recBrowsing != 0 {
		return
	}
	r.flags[i] |= recBrowsing
	h := floorDiv(r.ts[i], 3600)
	if b := mod(h, 24); int64(st.hourU[b]) > 0 && int64(st.hourStamp[b]) == h {
		st.hourU[b]--
	}
}

// patterns finds browsing, volume and news hype, which look-ups only form
// together, and marks the earlier look-ups of the pattern too.
func (en *Engine) patterns(it *item, t int64, g *group, gi uint32, sensitive bool, rf *relFacts, filled *bool) SignalSet {
	var s SignalSet
	lim := &en.pol.Limits
	var st *empState
	known := sensitive && en.knownToPolice(it.person, t)
	if e := it.emp; e != none {
		st = &en.emp[e]
		if st.rec == nil {
			st.rec = &recentRing{}
		}
		street := en.streetOf(e, it.person)
		st.rec.add(t, it.pkey, street, g, gi, sensitive && !known, it.action == ActionQuery)
		st.uncountCanvass(t-en.browse, street, en.canvassResidents(e))
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
		case known:
			// a known offender found by a street check (knownToPolice):
			// no finding, and no part in another subject's
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
		switch from, kind := en.browsing(e, it.ekey, st, t); kind {
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
	crowded := en.lookedUpByCrowd(it.pkey, it.ekey, dayOf(t), it.emp != none)
	if !crowded && !en.followingRoutine(it.emp, it.pkey, fs) && !routineWork && fs.days >= lim.FollowingMinDays && (fs.last-fs.first)*daySecs >= en.follow && !en.housemateAtWork(it.emp, it.person, fs.first*daySecs, t) && en.checkWhen(SigFollowing, it, t, rf, filled, func(a *activation) {
		a.pairDays, a.pairOpenDays, a.pairSpanDays = int64(fs.days), int64(fs.openDays), fs.last-fs.first
	}) {
		s.add(SigFollowing)
		g.signals.add(SigFollowing)
	}
	// news hype: distinct employees without a work link, same person,
	// within the sliding window (t-hype, t]
	h := en.hype[it.pkey]
	if h == nil {
		h = &hypeEntry{since: t}
		en.hype[it.pkey] = h
		en.hypeBits[it.pkey>>6&hypeBitsMask] |= 1 << (it.pkey & 63)
	}
	h.slide(t - en.hypeWin + 1)
	h.last = t
	// Role staff (control room, intake, analysts) look up many people
	// without a registered link as their work; several of them on one
	// person is their work too. They do not make a hype, but their look-ups
	// are part of one that others make; so are look-ups that quoted the
	// case number of the hype's subject (a number in the news).
	if (it.emp == none || en.ix.eRole[it.emp] == roleNone) && !it.pre.newsCase && !en.ownUnitsIncident(it) {
		if i := slices.Index(h.emps, it.ekey); i >= 0 {
			h.emps = slices.Delete(h.emps, i, i+1)
			h.empTS = slices.Delete(h.empTS, i, i+1)
		} else {
			h.arrivals++
		}
		h.emps, h.empTS = append(h.emps, it.ekey), append(h.empTS, t)
	}
	h.refs, h.refTS = append(h.refs, evRef{g, gi}), append(h.refTS, t)
	if len(h.emps) >= lim.HypeMinEmployees && en.isHype(h, it.pkey, t) && en.checkWhen(SigNewsHype, it, t, rf, filled, nil) {
		s.add(SigNewsHype)
		if en.holdsHype(it.pkey, h, t) {
			en.holdHype(it.pkey, h, h.refs, t)
		} else {
			for _, r := range h.refs {
				if int(r.gi) < len(r.g.evs) {
					r.g.evs[r.gi].sigs.add(SigNewsHype)
				}
			}
		}
		clear(h.refs)
		h.refs, h.refTS = h.refs[:0], h.refTS[:0]
	}
	return s
}

// ownUnitsIncident reports whether the person of the look-up is in a
// recent incident (windows.incident_work) of the employee's unit: the
// unit's next shifts follow up its incidents (a suspect who fled, the
// victim's family), which is work, not news.
func (en *Engine) ownUnitsIncident(it *item) bool {
	if it.emp == none || it.pre.incidents.n == 0 {
		return false
	}
	unit, teamUnit := en.ix.employeeUnits(it.emp)
	for _, c := range it.pre.incidents.c[:it.pre.incidents.n] {
		if cu := en.ix.cs[c].unit; cu != none && (cu == unit || cu == teamUnit) {
			return true
		}
	}
	return false
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
// raised for a peer group (or an employee, once there is an own history)
// whose normal work brings more look-ups without a work link: in the short
// window above volume_factor times the hourly rate (the daily mean over an
// 8-hour working day), in the long window above volume_factor times the
// whole daily mean (slow browsing is a day's breadth in a few hours); the
// long window needs the peer group's baseline.
func (en *Engine) browsing(e, ekey uint32, st *empState, t int64) (int64, browseKind) {
	lim := &en.pol.Limits
	peerDay, ready := en.peerMeanU(e)
	if int(st.activeDays) >= lim.MinHistoryDays {
		// (as for volume: a control-room operator who takes twice the
		// calls of the others every day is measured against that)
		peerDay = max(peerDay, float64(st.ownMeanU))
	}
	need := func(min int, base float64) int {
		return max(min, int(math.Ceil(lim.VolumeFactor*base)))
	}
	from := t - en.browse
	canvass := en.canvassResidents(e)
	n := st.rec.distinctSearched(from, canvass)
	en.notePeak(peakBurst, e, t, n)
	if n >= need(lim.BrowsingMinPersons, peerDay/8*float64(en.browse)/3600) && !en.peakRoutine(peakBurst, e, t, n) && !en.sharedOperation(e, st.rec, ekey, from, t) {
		return from, browseShort
	}
	// A day's breadth needs a day's baseline: without one (the first day
	// of a log) only the short window counts.
	if en.browseLong > en.browse && ready {
		if from := t - en.browseLong; st.rec.distinctSlow(from, canvass) >= need(lim.BrowsingLongMinPersons, peerDay) {
			return from, browseSlow
		}
	}
	return 0, browseNone
}

// quietFactor: volume_min_quiet applies to employees whose own daily
// number of look-ups without a work link it exceeds this many times.
const quietFactor = 5

// overVolume compares the employee's unexplained look-ups of the last 24
// hours with the own history and the peer group's: explained look-ups are
// work and do not count towards volume.
func (en *Engine) overVolume(e uint32, t int64) bool {
	lim := &en.pol.Limits
	st := &en.emp[e]
	n := st.rollingUnexplained(t, en.volHours)
	en.notePeak(peakVolume, e, t, n)
	// An employee whose look-ups are mostly explained (volume_min_quiet is
	// more than five times the own daily number without a work link: fewer
	// than three a day with the default 15) is as far out of the ordinary
	// with volume_min_quiet of them as others with volume_min (30 is ten
	// times three).
	least := lim.VolumeMin
	if int(st.activeDays) >= lim.MinHistoryDays && quietFactor*st.ownMeanU < float32(lim.VolumeMinQuiet) {
		least = lim.VolumeMinQuiet
	}
	if n < least || en.peakRoutine(peakVolume, e, t, n) {
		return false
	}
	base, ready := en.peerMeanU(e)
	if !ready && int(st.activeDays) < lim.MinHistoryDays {
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
