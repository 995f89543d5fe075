package detect

// An officer sent as backup to another unit's incident, or one of the
// hundred on a public-order operation (a football riot with dozens
// arrested), works an incident the records do not tie them to: not on its
// staff, not their unit, often without quoting its number. What ties them
// to it is the look-ups themselves: several different persons of one
// incident within hours is working that incident, where a private look-up
// is of one person. So a look-up is explained as incident_work when the
// employee looked up at least limits.incident_work_persons different
// persons of one non-sensitive incident, this one included, within
// windows.incident_work; the earlier ones of that incident, judged before
// the evidence was complete, are taken back as work too. Sensitive cases
// and investigations stay out: a leak is often about several suspects of
// one investigation. Relationship flags stand (scope always).

// incidentRingCap bounds the look-ups of incident persons kept per employee.
const incidentRingCap = 16

// incidentRing holds an employee's last look-ups of persons in a recent
// incident.
type incidentRing struct {
	n, pos int
	// lastOpen is the time of the newest look-up kept while it stands
	// unexplained: without one in the window an explained look-up has
	// nothing to take back and needs no count
	lastOpen int64
	ts       [incidentRingCap]int64
	person   [incidentRingCap]uint32
	cases    [incidentRingCap]incidentCases
	g        [incidentRingCap]*group // the look-up's group while it stands unexplained, else nil
	gi       [incidentRingCap]uint32
}

// incidentCases are the recent incidents a person is in: the first two,
// more at once is rare. The zero value holds none.
type incidentCases struct {
	c [2]uint32
	n uint8
}

func (ic *incidentCases) has(c uint32) bool {
	return ic.n > 0 && ic.c[0] == c || ic.n > 1 && ic.c[1] == c
}

func (r *incidentRing) add(t int64, person uint32, cases incidentCases, g *group, gi uint32) {
	r.ts[r.pos], r.person[r.pos], r.cases[r.pos], r.g[r.pos], r.gi[r.pos] = t, person, cases, g, gi
	if g != nil {
		r.lastOpen = t
	}
	r.pos = (r.pos + 1) % incidentRingCap
	r.n = min(r.n+1, incidentRingCap)
}

// slot is where the k-th newest look-up kept is (0: the newest).
func (r *incidentRing) slot(k int) int { return (r.pos - 1 - k + incidentRingCap) % incidentRingCap }

// workIncident reports whether case c counts for incident_work at t: a
// non-sensitive incident opened at most windows.incident_work before t (or
// at most incident_after after it: the look-up came first).
func (en *Engine) workIncident(c uint32, t int64) bool {
	cs := &en.ix.cs[c]
	return cs.kind == kindIncident && !cs.sensitive && en.opensIn(cs, t-en.incWorkWin, t+en.incAfter)
}

// recentIncidents finds the incidents of person p that count for
// incident_work at t; the workers decide it (prepare), so the ordered
// stage does not read the index for it.
func (en *Engine) recentIncidents(p uint32, t int64) (ic incidentCases) {
	if en.incWorkWin <= 0 || en.pol.Limits.IncidentWorkPersons == 0 || p == none {
		return ic
	}
	for _, c := range en.ix.personCases(p) {
		if en.workIncident(c, t) {
			ic.c[ic.n] = c
			if ic.n++; int(ic.n) == len(ic.c) {
				break
			}
		}
	}
	return ic
}

// incidentWork records employee e's look-up of person p (in a recent
// incident) and reports whether enough different persons of one such
// incident were looked up within the window to make it incident work;
// then the earlier unexplained look-ups of that incident are taken back
// as work.
func (en *Engine) incidentWork(e, p uint32, cases incidentCases, t int64, explained bool) bool {
	st := &en.emp[e]
	if st.inc == nil {
		st.inc = &incidentRing{}
	}
	r := st.inc
	need := en.pol.Limits.IncidentWorkPersons
	from := t - en.incWorkWin
	if explained && r.lastOpen < from {
		return false
	}
	for _, c := range cases.c[:cases.n] {
		// distinct other persons of c in the window (a handful: count by
		// comparing with the ones seen so far)
		var seen [incidentRingCap]uint32
		n := 0
		for k := 0; k < r.n && n+1 < need; k++ {
			i := r.slot(k)
			if r.ts[i] < from {
				break
			}
			q := r.person[i]
			if q == p || !r.cases[i].has(c) || containsU32(seen[:n], q) {
				continue
			}
			seen[n] = q
			n++
		}
		if n+1 < need {
			continue
		}
		for k := 0; k < r.n; k++ {
			i := r.slot(k)
			if r.ts[i] < from {
				break
			}
			if g := r.g[i]; g != nil && r.cases[i].has(c) {
				en.takeBackAsWork(g, r.gi[i])
				// (a known employee's and person's keys are their indexes)
				en.pairs.put(pairKey(e, r.person[i]), r.ts[i], t-en.repeat)
				r.g[i] = nil
			}
		}
		return true
	}
	return false
}

// takeBackAsWork turns look-up gi of g from unexplained into incident work.
func (en *Engine) takeBackAsWork(g *group, gi uint32) { en.takeBackAs(g, gi, ExplIncidentWork) }

// takeBackAs turns look-up gi of g from unexplained into work explained
// by x: it keeps only the signals that count for explained look-ups too.
func (en *Engine) takeBackAs(g *group, gi uint32, x Explanation) {
	if int(gi) >= len(g.evs) || g.evs[gi].expl != Unexplained {
		return
	}
	g.evs[gi].expl = x
	g.evs[gi].sigs &= en.alwaysScope
	g.explained[x] = true
}

func containsU32(s []uint32, v uint32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
