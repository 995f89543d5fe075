package detect

// Crime analysis. Information analysts look up the suspects of weeks of
// the unit's incidents and reports at a time (a phenomenon, a hot spot, a
// top list) for no one case and without being on its staff. The role
// explanation covers their current investigations and the fresh cases of
// the desk; it cannot cover a list of last month's cases without also
// covering an analyst's look-up of anyone who was once in a case. What
// tells the list from curiosity is its run: person after person, each in
// a recent case of the unit. Curiosity (a village, a birth year, a name in
// the news) breaks the run with people in no such case. The run is its own
// evidence, so the role volume cap does not stop it: a list of a hundred
// suspects is far above an analyst's normal day, and each look-up in it is
// checked against the records.

// analysable reports whether the look-up could be part of an analyst's
// list (windows.analysis): the employee is an information analyst on
// shift, the look-up is a search or a view, the person is no relation, no
// public figure, shielded person or colleague (for those a direct work
// link is needed), and is in a non-sensitive case of a unit the analyst
// serves that ran within windows.analysis. It reads only the index.
func (en *Engine) analysable(it *item, t int64, relFlag bool) bool {
	e, p := it.emp, it.person
	ix := en.ix
	if en.analysisWin <= 0 || e == none || p == none || relFlag || ix.eRole[e] != roleAnalysis ||
		it.action != ActionQuery && it.action != ActionView ||
		ix.pers[p].flags&(flagVIP|flagShld) != 0 || ix.isEmployeePerson(p) {
		return false
	}
	unit, teamUnit := ix.employeeUnits(e)
	for _, c := range ix.personCases(p) {
		cs := &ix.cs[c]
		if cs.sensitive || !en.servedBy(unit, teamUnit, cs) {
			continue
		}
		if en.relevant(c, t, en.analysisWin) {
			return en.onShift(e, t)
		}
	}
	return false
}

// analysisRun is an analyst's current run of look-ups of analysable
// persons.
type analysisRun struct {
	last    int64  // seconds: the run's last look-up
	person  uint32 // its person
	persons uint16 // different persons in a row (a search and a view of one count once)
	// the run's look-ups judged before it showed the list, to take back
	// as work once it does (allocated for analysts only)
	before *runLookups
}

// runLookups are the look-ups of a run before it reached
// limits.analysis_run_persons; past runLookupsCap the earliest stand.
type runLookups struct {
	n      int
	g      [runLookupsCap]*group
	gi     [runLookupsCap]uint32
	person [runLookupsCap]uint32
	ts     [runLookupsCap]int64
}

const runLookupsCap = 16

// onList reports whether employee e's look-up of person pkey at t, which
// nothing else explains, continues a run of at least
// limits.analysis_run_persons analysable persons, each within
// windows.browsing of the one before. A look-up that is not analysable
// ends the run.
func (en *Engine) onList(e uint32, t int64, pkey uint32, analysable bool) bool {
	r := &en.emp[e].analysis
	if !analysable {
		r.reset()
		return false
	}
	if r.persons == 0 || t-r.last > en.browse {
		r.reset()
		r.persons, r.person = 1, pkey
	} else if pkey != r.person && r.persons < ^uint16(0) {
		r.persons++
		r.person = pkey
	}
	r.last = t
	if int(r.persons) < en.pol.Limits.AnalysisRunPersons {
		return false
	}
	// the list shows: its look-ups before were work too (only their
	// relationship flags stay), and a return to those persons is a repeat
	if b := r.before; b != nil {
		for i := range b.n {
			en.takeBackAs(b.g[i], b.gi[i], ExplRoleBased)
			en.pairs.put(pairKey(e, b.person[i]), b.ts[i], t-en.repeat)
		}
		*b = runLookups{}
	}
	return true
}

// reset ends the run.
func (r *analysisRun) reset() {
	r.last, r.person, r.persons = 0, 0, 0
	if r.before != nil {
		*r.before = runLookups{}
	}
}

// heldForRun keeps an analyst's unexplained look-up (g, gi) of person p at
// t while its run has not yet shown the list: the run may still take it
// back as work.
func (en *Engine) heldForRun(e, p uint32, t int64, g *group, gi uint32) {
	r := &en.emp[e].analysis
	if r.persons == 0 || r.last != t {
		return
	}
	if r.before == nil {
		r.before = &runLookups{}
	}
	if b := r.before; b.n < runLookupsCap {
		b.g[b.n], b.gi[b.n], b.person[b.n], b.ts[b.n] = g, gi, p, t
		b.n++
	}
}
