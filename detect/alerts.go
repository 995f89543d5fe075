package detect

import (
	"fmt"
	"math"
	"slices"
	"time"

	"lekradar"
)

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
	held        int32 // findings awaiting their day's peer counts or a hype's end (warmup.go, hypewarmup.go)
}

type gev struct {
	id   string
	ts   int64 // seconds
	sigs SignalSet
	expl Explanation
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
	en.judgeHeldHypes(en.lastT, true)
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
		// (a look-up taken back as work keeps only what counts for
		// explained ones, whatever a pattern found later marked on it)
		if g.evs[i].expl != Unexplained {
			sigs |= g.evs[i].sigs & en.alwaysScope
		} else {
			sigs |= g.evs[i].sigs
		}
	}
	if sigs.Has(SigFollowing) && en.followingRoutineByClose(g) {
		sigs &^= 1 << SigFollowing
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
			"No work link was found for %d of the %d look-ups in the police's records (cases, case staff, team cases, unit incidents on shift, role, earlier explained look-ups, several persons of one incident, case numbers quoted before).",
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
