package detect

import (
	"time"

	"lekradar"
)

// applyPolicy keeps the detected signals that the policy enables for this
// scope and whose conditions hold, and adds the policy's own signals.
func (en *Engine) applyPolicy(s SignalSet, it *item, t int64, expl Explanation, rf *relFacts, explained bool, filled *bool) SignalSet {
	var out SignalSet
	for sig := Signal(0); sig < numSignals; sig++ {
		if !s.Has(sig) {
			continue
		}
		r := &en.pol.compiled[sig]
		if !r.enabled || (explained && !r.always) {
			continue
		}
		if r.prg != nil {
			if !*filled {
				en.fill(it, t, expl, rf)
				*filled = true
			}
			ok, err := r.evalWhen(&en.act)
			if err != nil {
				en.Stats.CELErrors++
			}
			if !ok {
				continue
			}
		}
		out.add(sig)
	}
	for i := range en.pol.custom {
		r := &en.pol.custom[i]
		if explained && !r.always {
			continue
		}
		if !*filled {
			en.fill(it, t, expl, rf)
			*filled = true
		}
		ok, err := r.evalWhen(&en.act)
		if err != nil {
			en.Stats.CELErrors++
		}
		if ok {
			out.addCustom(i)
		}
	}
	return out
}

// checkWhen evaluates one built-in signal's condition for a pattern found
// at this look-up; set, when not nil, adds pattern figures to the facts.
func (en *Engine) checkWhen(sig Signal, it *item, t int64, rf *relFacts, filled *bool, set func(*activation)) bool {
	r := &en.pol.compiled[sig]
	if !r.enabled {
		return false
	}
	if r.prg == nil {
		return true
	}
	if !*filled {
		en.fill(it, t, Unexplained, rf)
		*filled = true
	}
	if set != nil {
		set(&en.act)
	}
	ok, err := r.evalWhen(&en.act)
	if err != nil {
		en.Stats.CELErrors++
	}
	return ok
}

func (en *Engine) fill(it *item, t int64, expl Explanation, rf *relFacts) {
	a := &en.act
	a.reset()
	ix := en.ix
	a.action = it.action.String()
	a.system = it.system()
	lt := time.Unix(t, 0).In(en.pol.loc)
	a.hour, a.weekday = int64(lt.Hour()), int64(lt.Weekday())
	a.hasCase = it.hasCas
	a.explained = expl != Unexplained
	a.explainedBy = expl.String()
	if e := it.emp; e != none {
		a.empKnown = true
		a.teamKind = ix.codeString(ix.eTeamKind[e])
		a.function = ix.codeString(ix.eFunction[e])
		a.rank = ix.codeString(ix.eRank[e])
		if u := ix.eUnit[e]; u != none {
			a.unit = string(ix.units.Get(u))
		}
		a.roleBased = ix.eRole[e] != roleNone
		a.hasShifts = ix.hasShifts(e)
		a.onShift = en.onShift(e, t)
		st := &en.emp[e]
		a.historyDays = int64(st.activeDays)
		a.lookupsToday = int64(st.today)
		a.unexplainedToday = int64(st.unexplToday)
		a.unexplainedWindow = int64(st.rollingUnexplained(t, en.volHours))
		a.minutesSinceWork = -1
		if st.lastWork != 0 && t >= st.lastWork {
			a.minutesSinceWork = (t - st.lastWork) / 60
		}
		a.ownMean = float64(st.ownMeanU)
		a.peerMean = -1
		if mean, ready := en.peerMeanU(e); ready {
			a.peerMean = mean
		}
		if st.rec != nil {
			a.distinctWindow = int64(st.rec.distinct(t - en.browse))
		}
	}
	if p := it.person; p != none {
		f := ix.pers[p].flags
		a.personKnown = f&flagSeen != 0
		if f&flagVIP != 0 {
			a.flags = append(a.flags, lekradar.FlagVIP)
		}
		if f&flagShld != 0 {
			a.flags = append(a.flags, lekradar.FlagShielded)
		}
		if f&flagDead != 0 {
			a.flags = append(a.flags, lekradar.FlagDeceased)
		}
		a.birthYear = int64(ix.pers[p].birth)
		a.isEmployee = ix.isEmployeePerson(p)
	}
	if h := en.hype[it.pkey]; h != nil {
		n := 0
		for _, ts := range h.empTS {
			if ts > t-en.hypeWin {
				n++
			}
		}
		a.hypeEmployees = int64(n)
	}
	a.surnameCount = int64(rf.surnameCount)
	a.surnameShare = rf.surnameShare
	a.ageGap = int64(rf.ageGap)
	if rf.hasRelation {
		a.relation = rf.relation.String()
	}
}
