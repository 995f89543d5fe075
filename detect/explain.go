package detect

import (
	"math"
	"strings"
	"time"
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

// employeeUnits is employee e's unit, and also the team's when that
// differs (else none): a control room shared by two forces has
// dispatchers employed by the other one, working in a team of this one.
func (ix *Index) employeeUnits(e uint32) (unit, teamUnit uint32) {
	unit, teamUnit = ix.eUnit[e], none
	if team := ix.eTeam[e]; team != none && ix.tUnit[team] != unit {
		teamUnit = ix.tUnit[team]
	}
	return unit, teamUnit
}

// servedBy reports whether role staff of unit or of teamUnit (either may
// be none) serve case cs.
func (en *Engine) servedBy(unit, teamUnit uint32, cs *caseRec) bool {
	return unit != none && en.serves(unit, cs) || teamUnit != none && en.serves(teamUnit, cs)
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

// opensIn reports whether case cs opened from lo to hi. An opening given
// as a date (docs/formats.md allows it; incidents should carry the time)
// says only the day: the case opened some time on that day in the
// policy's time zone, and any time of it counts. Read as midnight UTC,
// the look-ups of that day's incidents would fall hours after it.
func (en *Engine) opensIn(cs *caseRec, lo, hi int64) bool {
	o := cs.open
	if o == math.MinInt64 {
		return false
	}
	if !cs.openDay {
		return o >= lo && o <= hi
	}
	d := time.Unix(o, 0).UTC()
	start := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, en.pol.loc)
	return start.Unix() <= hi && start.AddDate(0, 0, 1).Unix() > lo
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
// look-up explain it. offRoster is the unit-incident or role explanation
// that only a missing shift kept from applying (process asks
// offRosterWork).
func (en *Engine) explainFromIndex(it *item, t int64, relFlag, quoted bool) (expl Explanation, role bool, offRoster Explanation) {
	e, p := it.emp, it.person
	if e == none || p == none {
		return Unexplained, false, Unexplained
	}
	ix := en.ix
	// A case number quoted with the look-up needs no opening date: case
	// numbers exist while an investigation is prepared, before its formal
	// opening, and quoting the right one for a person in it is the
	// strongest work link there is.
	if c := it.cas; quoted && c != none && ix.caseHasPerson(c, p) && en.notClosedLongAgo(c, t, en.givenAfter) && (en.supportsCases[e] || !en.needToKnow(c, e, t)) {
		return ExplGivenCase, false, Unexplained
	}
	cases := ix.personCases(p)
	for _, c := range cases {
		if ix.cs[c+1].staffOff > ix.cs[c].staffOff && en.assigned(c, e, t) {
			return ExplAssignedCase, false, Unexplained
		}
	}
	// A former team (an earlier employees.csv row) counts as well: the
	// export has no dates, and work for the old team goes on up to a
	// transfer and is handed over after it.
	if team, former := ix.eTeam[e], ix.eFormerTeam[e]; team != none || former != none {
		for _, c := range cases {
			ct := ix.cs[c].team
			if (ct != none && (ct == team || ct == former) || ct == none && en.staffTeam(c, team, t)) && en.relevant(c, t, en.caseAfter) {
				return ExplTeamCase, false, Unexplained
			}
		}
	}
	unit, teamUnit := ix.employeeUnits(e)
	shift := -1 // not yet known
	if unit != none || teamUnit != none {
		for _, c := range cases {
			if cu := ix.cs[c].unit; ix.cs[c].kind != kindIncident || cu != unit && cu != teamUnit || cu == none {
				continue
			}
			if !en.opensIn(&ix.cs[c], t-en.incBefore, t+en.incAfter) {
				continue
			}
			if shift < 0 {
				shift = b2i(en.onShift(e, t))
			}
			if shift == 1 {
				return ExplUnitIncidentOnShift, false, Unexplained
			}
			offRoster = ExplUnitIncidentOnShift
			break
		}
	}
	if r := ix.eRole[e]; r != roleNone && !relFlag && (it.action == ActionQuery || it.action == ActionView) && (unit != none || teamUnit != none) {
		if shift < 0 {
			shift = b2i(en.onShift(e, t))
		}
		for _, c := range cases {
			cs := &ix.cs[c]
			if !en.servedBy(unit, teamUnit, cs) {
				continue
			}
			switch cs.kind {
			case kindIntake:
				if en.opensIn(cs, t-en.recent, t+en.incAfter) {
					return Unexplained, shift == 1, roleOffRoster(shift, offRoster)
				}
			case kindIncident:
				// An incident is work while it runs, as for the unit on
				// shift; a visitor to the counter comes back days later.
				if en.opensIn(cs, t-min(en.recent, en.incBefore), t+en.incAfter) {
					return Unexplained, shift == 1, roleOffRoster(shift, offRoster)
				}
			case kindInvestigation:
				// Analysts support the unit's investigations without
				// being on their staff; sensitive ones stay need-to-know.
				if r == roleAnalysis && !cs.sensitive && en.relevant(c, t, en.caseAfter) {
					return Unexplained, shift == 1, roleOffRoster(shift, offRoster)
				}
			}
		}
	}
	return Unexplained, false, offRoster
}

// roleOffRoster is the off-roster explanation when role work matches and
// no shift covers the look-up: the unit incident found before, else role
// work.
func roleOffRoster(shift int, found Explanation) Explanation {
	if shift == 1 || found != Unexplained {
		return found
	}
	return ExplRoleBased
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
	if en.teamHandles(c, ix.eTeam[e], t) {
		return false
	}
	return !ix.staffed(c, e, t)
}

// teamHandles reports whether team handles case c at t: the case is the
// team's, or it is an investigation without a team and somebody of the
// team is on its staff (staffTeam).
func (en *Engine) teamHandles(c, team uint32, t int64) bool {
	if team == none {
		return false
	}
	if ct := en.ix.cs[c].team; ct != none {
		return ct == team
	}
	return en.staffTeam(c, team, t)
}

// staffTeam reports whether case c is an investigation registered without
// a team and somebody of team is on its staff at t. A joint investigation
// of several teams is registered without one; its staff rows say which
// teams work it, and a detective of such a team whose own row is missing
// works it as the team does. Incidents are left out: a patrol colleague's
// row on an incident weeks ago says nothing about the rest of the team.
func (en *Engine) staffTeam(c, team uint32, t int64) bool {
	ix := en.ix
	if team == none || ix.cs[c].kind != kindInvestigation {
		return false
	}
	for i := ix.cs[c].staffOff; i < ix.cs[c+1].staffOff; i++ {
		if ix.eTeam[ix.staffEmp[i]] == team && ix.staffFrom[i] <= t && t < ix.staffTo[i] {
			return true
		}
	}
	return false
}
