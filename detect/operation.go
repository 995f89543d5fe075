package detect

import "slices"

// A joint operation is not browsing. On a match day the officers at the
// gates check supporters one after another; at a checkpoint a whole shift
// checks every driver; in a large search the team runs through the same
// list. Each of them looks up ten or more people within windows.browsing
// that no record connects them to, as a browser would, but they do it
// together: the people one of them looks up are looked up by the others
// too, within the hour. The object of curiosity — a street, a village, a
// birth year, an ex-partner's friends — is looked at by the browser
// alone. So a short browsing finding is not made when at least
// limits.operation_share of the burst's distinct persons were also looked
// up without a work link by another employee within windows.operation
// before the look-up at hand. Nor is it made when another employee of
// the same team looked up at least limits.joint_action_persons different
// people without a work link within the same window: a checkpoint or a
// traffic control, where the officers of a shift each stop their own
// drivers at the same time. A browser of the team is alone at it. Role
// staff (control room, intake, analysts) are left out of the teammate
// rule on both sides, and are not counted as the others who looked a
// person up: their desks are busy with people nobody registered all day,
// and one of them browsing while the others work is still browsing. The look-ups
// stay unexplained and keep their other signals; volume still counts
// them.

// sharedOperation reports whether the burst of employee e (key ekey,
// recent look-ups r) since from is part of a joint operation: a
// teammate at the same work (jointAction), or enough of its distinct
// persons looked up without a work link by another employee since
// t-windows.operation. The latter reads the per-person memory of the
// news hype (the employees without a work link in windows.hype, role
// staff left out). It runs only when a browsing finding is about to be
// made.
func (en *Engine) sharedOperation(e uint32, r *recentRing, ekey uint32, from, t int64) bool {
	if en.jointAction(e, from) {
		return true
	}
	share := en.pol.Limits.OperationShare
	if share <= 0 || en.operation <= 0 {
		return false
	}
	since := t - en.operation
	var seen [recentCap]uint32
	persons, shared := 0, 0
	for k := range r.countSince(from, recentCap) {
		i := r.slot(k)
		p := r.pkey[i]
		if slices.Contains(seen[:persons], p) {
			continue
		}
		seen[persons] = p
		persons++
		if en.lookedUpByOther(p, ekey, since) {
			shared++
		}
	}
	return persons > 0 && float64(shared) >= share*float64(persons)
}

// lookedUpByOther reports whether an employee other than ekey looked up
// person pkey without a work link at or after since.
func (en *Engine) lookedUpByOther(pkey, ekey uint32, since int64) bool {
	if en.hypeBits[pkey>>6&hypeBitsMask]&(1<<(pkey&63)) == 0 {
		return false
	}
	h := en.hype[pkey]
	if h == nil {
		return false
	}
	for j, k := range h.emps {
		if k != ekey && h.empTS[j] >= since {
			return true
		}
	}
	return false
}

// jointAction reports whether another employee of e's team, neither of
// them role staff, looked up at least limits.joint_action_persons
// different people without a work link since from.
func (en *Engine) jointAction(e uint32, from int64) bool {
	need := en.pol.Limits.JointActionPersons
	if need <= 0 || e == none || en.ix.eRole[e] != roleNone {
		return false
	}
	team := en.ix.eTeam[e]
	if team == none || int(team) >= len(en.teamStaff) {
		return false
	}
	for _, o := range en.teamStaff[team] {
		if o == e {
			continue
		}
		rec := en.emp[o].rec
		if rec == nil || rec.n == 0 || rec.ts[rec.slot(0)] < from {
			continue
		}
		if rec.distinctSearched(from, en.canvassResidents(o)) >= need {
			return true
		}
	}
	return false
}

// teamStaffOf lists, per team, its employees who are not role staff.
func teamStaffOf(ix *Index) [][]uint32 {
	out := make([][]uint32, ix.teams.Len())
	for e, team := range ix.eTeam {
		if team != none && int(team) < len(out) && ix.eRole[e] == roleNone {
			out[team] = append(out[team], uint32(e))
		}
	}
	return out
}
