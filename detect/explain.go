package detect

import (
	"math"
	"strings"
)

// supportStaff marks the employees of support teams (observation, arrest
// and other specialist teams: team kind specialistisch) and of information
// analysis. They work on investigations, sensitive ones too, without
// being on their staff, and quote the case number they work for: for them
// that number explains a look-up of a person in that case even when the
// case is a sensitive investigation. For anybody else it does not (anybody
// can type a case number). On two independent worlds such look-ups were
// 2,400–2,600 legitimate ones each (support teams on one, analysts on the
// other), and no improper one came from these teams.
func supportStaff(ix *Index) []bool {
	out := make([]bool, ix.Employees.Len())
	for e := range out {
		kind := strings.ToLower(strings.TrimSpace(ix.codeString(ix.eTeamKind[e])))
		out[e] = kind == "specialistisch" || ix.eRole[e] == roleAnalysis
	}
	return out
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

// notClosedLongAgo reports whether case c is open at t or closed at most
// after before it.
func (en *Engine) notClosedLongAgo(c uint32, t, after int64) bool {
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
// looking up one's own circle. quoted lets the case number given with the
// look-up explain it.
func (en *Engine) explainFromIndex(it *item, t int64, relFlag, quoted bool) (expl Explanation, role bool) {
	e, p := it.emp, it.person
	if e == none || p == none {
		return Unexplained, false
	}
	ix := en.ix
	// A case number quoted with the look-up needs no opening date: case
	// numbers exist while an investigation is prepared, before its formal
	// opening, and quoting the right one for a person in it is the
	// strongest work link there is.
	if c := it.cas; quoted && c != none && ix.caseHasPerson(c, p) && en.notClosedLongAgo(c, t, en.givenAfter) && (en.supportsCases[e] || !en.needToKnow(c, e, t)) {
		return ExplGivenCase, false
	}
	cases := ix.personCases(p)
	for _, c := range cases {
		if ix.cs[c+1].staffOff > ix.cs[c].staffOff && en.assigned(c, e, t) {
			return ExplAssignedCase, false
		}
	}
	// A former team (an earlier employees.csv row) counts as well: the
	// export has no dates, and work for the old team goes on up to a
	// transfer and is handed over after it.
	if team, former := ix.eTeam[e], ix.eFormerTeam[e]; team != none || former != none {
		for _, c := range cases {
			if ct := ix.cs[c].team; ct != none && (ct == team || ct == former) && en.relevant(c, t, en.caseAfter) {
				return ExplTeamCase, false
			}
		}
	}
	// The unit is the employee's, and also the team's when that differs: a
	// control room shared by two forces has dispatchers employed by the
	// other one, working in a team of this one.
	unit, teamUnit := ix.eUnit[e], uint32(none)
	if team := ix.eTeam[e]; team != none && ix.tUnit[team] != unit {
		teamUnit = ix.tUnit[team]
	}
	shift := -1 // not yet known
	if unit != none || teamUnit != none {
		for _, c := range cases {
			if cu := ix.cs[c].unit; ix.cs[c].kind != kindIncident || cu != unit && cu != teamUnit || cu == none {
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
	if r := ix.eRole[e]; r != roleNone && !relFlag && (it.action == ActionQuery || it.action == ActionView) && (unit != none || teamUnit != none) {
		if shift < 0 {
			shift = b2i(en.onShift(e, t))
		}
		if shift == 1 {
			for _, c := range cases {
				cs := &ix.cs[c]
				if !(unit != none && en.serves(unit, cs) || teamUnit != none && en.serves(teamUnit, cs)) {
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

// assigned reports whether employee e is on the staff of case c at t. The
// staff row's own dates bound the assignment, not the case's: staff are put
// on a case before it is formally opened (the preparation of an
// investigation) and keep working on it after it closes (the reporting
// officer's follow-up) as long as the row says. A row left open ends with
// the case, plus windows.staff_after: the follow-up of a closed case
// (statements, the court, the victim) goes on for weeks, but an assignment
// nobody closed is no licence for ever.
func (en *Engine) assigned(c, e uint32, t int64) bool {
	return en.assignedDuring(c, e, t, t)
}

// assignedDuring reports whether employee e was on the staff of case c at
// some time from from to t, by the rules of assigned.
func (en *Engine) assignedDuring(c, e uint32, from, t int64) bool {
	ix := en.ix
	for i := ix.cs[c].staffOff; i < ix.cs[c+1].staffOff; i++ {
		if ix.staffEmp[i] != e || t < ix.staffFrom[i] {
			continue
		}
		last := ix.staffTo[i] - 1 // staffTo is exclusive
		if ix.staffTo[i] == forever {
			last = forever
			if cl := ix.cs[c].close; cl != forever {
				last = cl + en.staffAfter
			}
		}
		if last >= from {
			return true
		}
	}
	return false
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
