package detect

import "math"

// An investigation reaches past the persons registered in it: detectives
// look up the people a suspect or victim lives with, on several days, as
// the case goes on. Coming back to a housemate of a person in one of the
// employee's current cases (assigned, or handled by the team) is that work,
// not following someone. It does not explain the look-up — the records do
// not name the housemate — but it keeps `following` from firing on it.

// caseLinks lists the cases of each employee (case_staff rows) and of each
// team, for the housemate check.
type caseLinks struct {
	empOff, empCases   []uint32
	teamOff, teamCases []uint32
}

func newCaseLinks(ix *Index) caseLinks {
	var l caseLinks
	var emps, ecs, teams, tcs []uint32
	nE, nT := ix.Employees.Len(), ix.teams.Len()
	for c := 0; c < ix.Cases.Len(); c++ {
		for i := ix.cs[c].staffOff; i < ix.cs[c+1].staffOff; i++ {
			if e := ix.staffEmp[i]; int(e) < nE {
				emps, ecs = append(emps, e), append(ecs, uint32(c))
			}
		}
		if t := ix.cs[c].team; int(t) < nT {
			teams, tcs = append(teams, t), append(tcs, uint32(c))
		}
	}
	l.empOff, l.empCases = csr(nE, emps, ecs)
	l.teamOff, l.teamCases = csr(nT, teams, tcs)
	return l
}

// housemateAtWork reports whether person p lives at the address of a
// person in one of employee e's cases that was current at some time from
// from to t: the span of the look-ups that would make following, which may
// begin before the employee was put on the case or end after it closed.
func (en *Engine) housemateAtWork(e, p uint32, from, t int64) bool {
	ix := en.ix
	if e == none || p == none {
		return false
	}
	a := ix.pers[p].address
	if a == 0 {
		return false
	}
	sharesAddress := func(c uint32) bool {
		for _, q := range ix.cPersons[ix.cs[c].personOff:ix.cs[c+1].personOff] {
			if q != p && ix.pers[q].address == a {
				return true
			}
		}
		return false
	}
	l := &en.links
	for _, c := range l.empCases[l.empOff[e]:l.empOff[e+1]] {
		if en.assignedDuring(c, e, from, t) && sharesAddress(c) {
			return true
		}
	}
	if team := ix.eTeam[e]; int(team) < len(l.teamOff)-1 {
		for _, c := range l.teamCases[l.teamOff[team]:l.teamOff[team+1]] {
			if en.relevant(c, t, en.caseAfter) || en.relevant(c, from, en.caseAfter) || en.openedWithin(c, from, t) {
				if sharesAddress(c) {
					return true
				}
			}
		}
	}
	return false
}

// openedWithin reports whether case c opened (less its case_before margin)
// from from to t.
func (en *Engine) openedWithin(c uint32, from, t int64) bool {
	o := en.ix.cs[c].open
	return o != math.MinInt64 && o-en.caseBefore >= from && o-en.caseBefore <= t
}
