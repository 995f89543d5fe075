package detect

import "time"

// Rosters are incomplete: a shift row goes missing, overtime is not
// registered. An employee whose look-ups are explained by their work is at
// work, whatever shifts.csv says, and so is one busy in the systems (a
// control-room operator's calls are mostly in no record; a private look-up
// from home is one or a few). So off_shift and unusual_hour do not fire on
// a look-up within windows.work_evidence of explained work or of a busy
// spell of look-ups without a work link (busy): before it
// (checked at once) or after it (the finding is taken back when the
// evidence arrives; the alert is scored long after, when its group
// closes). A stretch of work counts too (workStretch): in daytime, a
// stream of different people over hours (street checks, callers, a shift
// swapped and never registered) is a working day, where a private look-up
// is one or a few people and a private session is short.

// offDuty holds the signals that explained work nearby takes back.
const offDuty = SignalSet(1<<SigOffShift | 1<<SigUnusualHour)

// maxOffDutyMarks bounds the findings kept per employee: past it, the
// oldest stands.
const maxOffDutyMarks = 32

// offDutyMark is an off_shift or unusual_hour finding that explained work
// within windows.work_evidence after it would take back.
type offDutyMark struct {
	g  *group
	gi uint32 // the look-up within g.evs
	t  int64  // seconds
}

// atWork records an explained look-up of employee e at t and takes back the
// off-duty findings of the window before it: windows.work_evidence, or
// windows.off_roster_shift when no shift covers the work (a shift the
// roster lacks: the employee works its whole length, not only around
// this look-up). The roster is read only when there is a finding to take
// back.
func (en *Engine) atWork(e uint32, t int64) {
	st := &en.emp[e]
	st.lastWork = t
	if len(st.offDuty) == 0 {
		return
	}
	from := t - en.workEvidence
	if en.offRosterShift > en.workEvidence && !en.onShift(e, t) {
		from = t - en.offRosterShift
	}
	en.takeBackOffDuty(e, from, false)
}

// workedNear reports whether employee e's explained work is close enough
// before t to show that e is at work: within windows.work_evidence, or
// within windows.off_roster_shift when no shift covered that work.
func (en *Engine) workedNear(e uint32, t int64) bool {
	w := en.emp[e].lastWork
	switch {
	case w == 0:
		return false
	case en.workEvidence > 0 && w >= t-en.workEvidence:
		return true
	}
	return en.offRosterShift > en.workEvidence && w >= t-en.offRosterShift && !en.onShift(e, w)
}

// busy reports whether employee e's look-ups without a work link within
// windows.work_evidence up to t, this one (of person pkey) included, reach
// limits.work_evidence_lookups of at least half as many persons for the
// role groups, or outside them
// limits.work_evidence_persons look-ups of as many different persons (work
// brings many people; a private session at night finds and opens a
// handful); then it takes back the off-duty findings of that window. A
// dispatcher looks a caller up several times in several systems, so for
// the role groups the look-ups count.
func (en *Engine) busy(e uint32, t int64, pkey uint32) bool {
	role := en.ix.eRole[e] != roleNone
	need := en.pol.Limits.WorkEvidenceLookups
	if !role {
		need = en.pol.Limits.WorkEvidencePersons
	}
	st := &en.emp[e]
	persons := need // outside the role groups, as many persons as look-ups
	if role {
		persons = (need + 1) / 2 // a desk has several callers, each looked up several times
	}
	if need <= 0 || en.workEvidence <= 0 || st.rec == nil || st.rec.countSince(t-en.workEvidence, need-1)+1 < need ||
		st.rec.distinctWith(t-en.workEvidence, pkey) < persons {
		return false
	}
	en.takeBackOffDuty(e, t-en.workEvidence, false)
	return true
}

// workStretch reports whether employee e's look-ups without a work link
// within windows.work_stretch up to t, this one (of person pkey) included,
// are limits.work_stretch_persons different persons spread over at least
// half the window, in daytime (outside limits.unusual_hours: a private
// session at night can be as long); then it takes back the daytime
// off-duty findings of that window.
func (en *Engine) workStretch(e uint32, t int64, pkey uint32) bool {
	need := en.pol.Limits.WorkStretchPersons
	st := &en.emp[e]
	if need <= 0 || en.workStretchWin <= 0 || st.rec == nil || en.unusualHour(t) {
		return false
	}
	from := t - en.workStretchWin
	n := st.rec.countSince(from, recentCap)
	if n == 0 || n+1 < need || t-st.rec.ts[st.rec.slot(n-1)] < en.workStretchWin/2 || st.rec.distinctWith(from, pkey) < need {
		return false
	}
	en.takeBackOffDuty(e, from, true)
	return true
}

// unusualHour reports whether t falls in limits.unusual_hours.
func (en *Engine) unusualHour(t int64) bool {
	return en.pol.hourMask != 0 && en.pol.hourMask&(1<<time.Unix(t, 0).In(en.pol.loc).Hour()) != 0
}

// takeBackOffDuty clears the off-duty findings of employee e made at or
// after from (only those outside the unusual hours when daytime is set):
// evidence now shows they were at work. The findings it does not take
// back stay held.
func (en *Engine) takeBackOffDuty(e uint32, from int64, daytime bool) {
	st := &en.emp[e]
	if len(st.offDuty) == 0 {
		return
	}
	k := 0
	for _, m := range st.offDuty {
		if m.t >= from && !(daytime && en.unusualHour(m.t)) {
			if int(m.gi) < len(m.g.evs) {
				m.g.evs[m.gi].sigs &^= offDuty
			}
			continue
		}
		st.offDuty[k] = m
		k++
	}
	clear(st.offDuty[k:])
	st.offDuty = st.offDuty[:k]
}

// holdOffDuty keeps an off-duty finding on look-up gi of g for the
// explained work that may follow it.
func (en *Engine) holdOffDuty(e uint32, g *group, gi uint32, t int64) {
	keep := max(en.workEvidence, en.workStretchWin, en.offRosterShift)
	if keep <= 0 || int(gi) >= len(g.evs) {
		return
	}
	st := &en.emp[e]
	// findings past the windows are final
	k := 0
	for k < len(st.offDuty) && st.offDuty[k].t < t-keep {
		k++
	}
	if k > 0 || len(st.offDuty) >= maxOffDutyMarks {
		k = max(k, len(st.offDuty)-maxOffDutyMarks+1)
		clear(st.offDuty[:k])
		st.offDuty = append(st.offDuty[:0], st.offDuty[k:]...)
	}
	st.offDuty = append(st.offDuty, offDutyMark{g: g, gi: gi, t: t})
}

// offRosterWork reports whether employee e, whom no shift covers at t, is
// demonstrably at work: explained work within windows.work_evidence, or a
// busy spell or a stretch of work up to this look-up (of person pkey). A
// lost roster row does not make a control-room operator's day of callers
// from fresh incidents private: the incident link and the evidence of work
// together explain the look-up as the shift would (unit incident, role
// work). A private look-up from home is one or a few people, with no work
// around it.
func (en *Engine) offRosterWork(e uint32, t int64, pkey uint32) bool {
	return en.workedNear(e, t) || en.busy(e, t, pkey) || en.workStretch(e, t, pkey)
}
