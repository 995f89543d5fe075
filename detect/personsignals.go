package detect

// workmate reports whether person p is the record of an employee who works
// with e: in the same team, or in the same unit unless that unit holds
// most of the staff (a force exported as one unit says nothing about who
// works with whom; then only the team counts). Curiosity about colleagues
// is about the people one works with; an unexplained hit on the record of
// somebody employed elsewhere in the force is as likely as a hit on anybody
// (the police employ one in a few hundred adults), so it is no signal on
// its own. An unknown employee's look-up of any colleague counts.
func (en *Engine) workmate(e, p uint32) bool {
	if e == none {
		return true
	}
	if en.teammate(e, p) {
		return true
	}
	ix := en.ix
	u := ix.eUnit[e]
	if u == none || 2*en.unitStaff[u] > len(ix.eUnit) {
		return false
	}
	for _, o := range en.personEmps[p] {
		if o != e && ix.eUnit[o] == u {
			return true
		}
	}
	return false
}

// relFacts carries details of the relationship check to the policy
// conditions and the reason texts.
type relFacts struct {
	surnameCount int
	surnameShare float64
	ageGap       int
	relation     Signal
	hasRelation  bool
}

// relationSignals finds the relationship flags: cheap integer compares,
// run for every look-up.
func (en *Engine) relationSignals(e, p uint32, action Action, rf *relFacts) SignalSet {
	ix := en.ix
	var s SignalSet
	rf.ageGap = -1
	own := ix.ePerson[e]
	if own == p {
		s.add(SigSelf)
		return s
	}
	es, ps := ix.eSurname[e], ix.pers[p].surname
	if own == none && ix.eGuessSelf[e] && es != 0 && es == ps {
		s.add(SigSelf)
		return s
	}
	if own != none {
		for i := ix.eRelOff[e]; i < ix.eRelOff[e+1]; i++ {
			if ix.relPerson[i] == p {
				s.add(ix.relSignal[i])
				rf.relation, rf.hasRelation = ix.relSignal[i], true
			}
		}
		if a := ix.pers[own].address; a != 0 && a == ix.pers[p].address {
			s.add(SigSameAddress)
		}
	}
	if es != 0 && es == ps && !rf.hasRelation {
		cnt := int(ix.surnameCount[es])
		rf.surnameCount = cnt
		if ix.knownPersons > 0 {
			rf.surnameShare = float64(cnt) / float64(ix.knownPersons)
		}
		if own != none && ix.pers[own].birth != 0 && ix.pers[p].birth != 0 {
			rf.ageGap = abs(int(ix.pers[own].birth) - int(ix.pers[p].birth))
		}
		lim := &en.pol.Limits
		// A namesake in a hit list is chance unless the surname is rare;
		// opening the record of a bearer of a merely uncommon one is not.
		share := lim.RareSurnameShare
		if action != ActionQuery {
			share = max(share, lim.UncommonSurnameShare)
		}
		rare := cnt <= lim.RareSurnameCount || rf.surnameShare <= share
		if rare && (rf.ageGap < 0 || rf.ageGap <= lim.MaxRelativeAgeGap) {
			s.add(SigSharedSurname)
		}
	}
	return s
}

// residueFromIndex runs the detectors that only matter when nothing
// explains a look-up and that the index alone decides.
func (en *Engine) residueFromIndex(it *item, t int64) SignalSet {
	ix := en.ix
	e, p := it.emp, it.person
	var s SignalSet
	if p != none {
		f := ix.pers[p].flags
		if f&flagVIP != 0 {
			s.add(SigVIP)
		}
		if f&flagShld != 0 {
			s.add(SigShielded)
		}
		// A workmate's record is a finding however it came up; anybody
		// else's in the force once it is opened, not when a search lists
		// it among others (a street check of an off-duty officer).
		// (the integrity office's work is colleagues: for its staff only a
		// teammate is a finding, integrity.go)
		if ix.isEmployeePerson(p) && (e == none || ix.ePerson[e] != p) && (it.action != ActionQuery || en.workmate(e, p)) &&
			(e == none || !en.pol.Limits.IntegrityOfficeColleagues || !en.integrity[e] || en.teammate(e, p)) {
			s.add(SigColleague)
		}
		if e != none {
			if own := ix.ePerson[e]; own != none && own != p {
				if pc := ix.pers[own].postcode; pc != 0 && pc == ix.pers[p].postcode && ix.pers[own].address != ix.pers[p].address {
					s.add(SigSamePostcode)
				}
			}
		}
		if en.sensitiveFinding(e, p, t) {
			s.add(SigSensitiveInvestigation)
		}
	}
	if it.action == ActionExport || it.action == ActionPrint {
		s.add(SigExportPrint)
	}
	if e != none {
		if ix.hasShifts(e) && !ix.onShift(e, t, en.slack) {
			s.add(SigOffShift)
		}
		if en.unusualHour(t) {
			s.add(SigUnusualHour)
		}
	}
	return s
}

// residueFromState is the residue signal that depends on the look-ups
// before this one: a new employee, judged by the history seen so far.
func (en *Engine) residueFromState(it *item) SignalSet {
	var s SignalSet
	if e := it.emp; e != none {
		st := &en.emp[e]
		ps := &en.peers[en.ix.ePeer[e]]
		// At the start of a log nobody has a history yet, and staff on
		// rotating shifts gather one slowly: that says nothing about the
		// employee. New is who first appears once the log is under way.
		late := int64(st.firstDay) - 1 - en.firstDay
		// (a class of recruits who all start together is new to nobody:
		// their job's group has no baseline either)
		if gs := en.peerGroups(e); gs.n == 2 && !en.peers[gs.g[1]].ready {
			late = -1
		}
		if int(st.activeDays) < en.pol.Limits.MinHistoryDays && ps.ready && late >= int64(en.pol.Limits.MinHistoryDays) {
			s.add(SigNewEmployee)
		}
	}
	return s
}

// sensitiveFinding reports whether person p is in an ongoing sensitive
// investigation that employee e is not on.
func (en *Engine) sensitiveFinding(e, p uint32, t int64) bool {
	ix := en.ix
	for _, c := range ix.personCases(p) {
		cs := &ix.cs[c]
		if cs.kind != kindInvestigation || !cs.sensitive || !en.relevant(c, t, 0) {
			continue
		}
		if e != none && (en.teamHandles(c, ix.eTeam[e], t) || ix.staffed(c, e, t)) {
			continue
		}
		return true
	}
	return false
}

// knownToPolice reports whether person p was already in at least
// limits.sensitive_known_cases cases other than an ongoing sensitive
// investigation when looked up at t: somebody officers meet on the street
// and in calls, whom checks without a registered link find as they find
// any known offender.
func (en *Engine) knownToPolice(p uint32, t int64) bool {
	least := en.pol.Limits.SensitiveKnownCases
	if least == 0 || p == none {
		return false
	}
	known := 0
	for _, c := range en.ix.personCases(p) {
		cs := &en.ix.cs[c]
		if cs.open > t || cs.kind == kindInvestigation && cs.sensitive && en.relevant(c, t, 0) {
			continue
		}
		if known++; known >= least {
			return true
		}
	}
	return false
}
