package detect

import "slices"

// A log starts cold: on its first day no peer group has a history, so the
// routine of a group whose work brings look-ups of other teams' sensitive
// investigations (information analysts) is unknown until enough of the
// day has been seen. Judged at once, every analyst's first such look-up of
// the log would alert. Instead, a sensitive_investigation finding made
// while the employee's peer group had no baseline is held, with its alert,
// until the day is over, and then judged again against the group's counts
// over that whole day, as sensitiveRoutine would have judged it with a
// history. Findings on groups that rarely make such look-ups stand.

// maxHeldFindings bounds the memory the warm-up may take: past it,
// findings are decided at once, as without a warm-up.
const maxHeldFindings = 1 << 16

// heldFinding is a sensitive_investigation finding awaiting its day's counts.
type heldFinding struct {
	g   *group
	gi  uint32 // the look-up within g.evs
	emp uint32
	t   int64 // seconds
	n   int   // the employee's such look-ups that day, this one included
}

// holdFinding holds the finding on look-up gi of g for judgement at the
// end of its day when it was made without a peer baseline.
func (en *Engine) holdFinding(g *group, gi uint32, e uint32, t int64, n int) {
	if en.peers[en.ix.ePeer[e]].ready || int(gi) >= len(g.evs) || len(en.heldFindings) >= maxHeldFindings {
		return
	}
	en.heldFindings = append(en.heldFindings, heldFinding{g: g, gi: gi, emp: e, t: t, n: n})
	g.held++
}

// judgeHeld judges the held findings of the days before day `before` (all
// of them at the end of input) with their day's peer counts, and scores the
// closed groups that no longer wait for one.
func (en *Engine) judgeHeld(before int64) {
	if len(en.heldFindings) == 0 {
		return
	}
	k := 0
	for k < len(en.heldFindings) && dayOf(en.heldFindings[k].t) < before {
		k++
	}
	if k == 0 {
		return
	}
	judged := en.heldFindings[:k]
	routine := make([]bool, len(judged))
	for i := range judged {
		h := &judged[i]
		p := 0.0
		gs := en.peerGroups(h.emp)
		for _, pe := range gs.all() {
			p = max(p, en.othersChance(pe, h.emp, dayOf(h.t), h.n))
		}
		routine[i] = p >= en.pol.Limits.SensitiveRoutineChance
	}
	// A finding that stands also covers the employee's earlier such
	// look-ups of its window (as the mark in patterns did), so a routine
	// one is cleared only when no later standing one reaches back to it.
	lastStanding := map[uint32]int64{}
	for i := len(judged) - 1; i >= 0; i-- {
		h := &judged[i]
		if !routine[i] {
			lastStanding[h.emp] = h.t
			continue
		}
		if ts, ok := lastStanding[h.emp]; ok && ts-en.sensWin <= h.t {
			continue
		}
		h.g.evs[h.gi].sigs &^= 1 << SigSensitiveInvestigation
	}
	for i := range judged {
		judged[i].g.held--
	}
	clear(judged)
	en.heldFindings = slices.Delete(en.heldFindings, 0, k)

	en.releaseHeldGroups()
}
