package detect

import "strings"

// A door-to-door canvass (buurtonderzoek) is detectives' work after a
// crime: they go along a street and look up its residents one after
// another, witnesses nobody has registered yet. The investigation's
// records name the suspect and the victim, not the neighbours, so no
// record explains those look-ups, and ten of them within
// windows.browsing would be a browsing finding. For a detective, an
// unbroken run of look-ups of at least limits.canvass_residents residents
// of one postcode counts as one person towards browsing and as one
// look-up towards volume (recentRing.canvassed, empState.uncountCanvass);
// their other signals stay. A few people of one postcode among others, or
// look-ups that alternate between streets, are a neighbourhood browsed,
// not a street canvassed. Curiosity about a street by anybody else (a
// patrol officer, an analyst, the intake desk) is still browsing, and so
// is a detective's look-up of people scattered over the town.

// detectiveStaff marks the employees who canvass: a team of kind
// recherche, or a function that names detective work (rechercheur,
// "opsporing"), as in a basic team's own detectives.
func detectiveStaff(ix *Index) []bool {
	out := make([]bool, ix.Employees.Len())
	for e := range out {
		kind := strings.ToLower(strings.TrimSpace(ix.codeString(ix.eTeamKind[e])))
		fn := strings.ToLower(ix.codeString(ix.eFunction[e]))
		out[e] = ix.eRole[e] == roleNone &&
			(kind == "recherche" || strings.Contains(fn, "recherch") || strings.Contains(fn, "opsporing"))
	}
	return out
}

// canvassResidents is limits.canvass_residents for a detective and 0 (no
// canvass) for anybody else, so the browsing counts of everybody else
// skip the canvass pass over their recent look-ups.
func (en *Engine) canvassResidents(e uint32) int {
	if e == none || !en.detectives[e] {
		return 0
	}
	return en.pol.Limits.CanvassResidents
}

// streetOf is the postcode of person p when employee e's look-ups of its
// residents may be a canvass, and 0 when not (not a detective, the
// setting off, the postcode unknown).
func (en *Engine) streetOf(e, p uint32) uint32 {
	if p == none || en.canvassResidents(e) < 2 {
		return 0
	}
	return en.ix.pers[p].postcode
}
