package detect

import "slices"

// A public figure or a shielded person can be a team's daily business: a
// protection detail looks up the people it guards, an analysis team the
// threatened persons it assesses. The vip and shielded signals are about
// curiosity, which is one employee's, not a team's. So they do not fire
// for a person whom at least limits.flagged_team_mates other employees of
// the employee's team looked up (with a work link or without) within
// windows.following_gap before. A news hype is found by its own signal,
// whatever teams it runs through.

// teamSubjectCap is how many distinct employees are remembered per
// flagged person: the most recent ones.
const teamSubjectCap = 8

// maxTeamSubjects bounds the flagged persons remembered: past it, new
// persons are not remembered (their look-ups keep their signals).
const maxTeamSubjects = 1 << 20

// teamSubject holds the last employees who looked up a flagged person,
// each with the team at the time and the day (plus one; 0 = empty) of
// the last look-up.
type teamSubject struct {
	emp  [teamSubjectCap]uint32
	team [teamSubjectCap]uint32
	day  [teamSubjectCap]int32
}

// flaggedPerson reports whether person p carries a flag whose signal
// the team's business takes back.
func (en *Engine) flaggedPerson(p uint32) bool {
	return p != none && en.ix.pers[p].flags&(flagVIP|flagShld) != 0
}

// teamsSubject reports whether at least limits.flagged_team_mates
// employees of employee e's team other than e looked up the flagged
// person pkey within windows.following_gap before day d, and records this
// look-up.
func (en *Engine) teamsSubject(pkey, e uint32, d int64) bool {
	need := en.pol.Limits.FlaggedTeamMates
	team := en.ix.eTeam[e]
	s, ok := en.teamSubjects[pkey]
	if !ok && len(en.teamSubjects) >= maxTeamSubjects {
		return false
	}
	n := 0
	for i := range s.emp {
		if s.day[i] != 0 && s.emp[i] != e && team != none && s.team[i] == team && int64(s.day[i])-1 >= d-en.followGap {
			n++
		}
	}
	slot := slotFor(s.emp[:], s.day[:], e)
	s.emp[slot], s.team[slot], s.day[slot] = e, team, int32(d+1)
	en.teamSubjects[pkey] = s
	return need > 0 && n >= need
}

// lastDay is the day (plus one) of the person's latest look-up.
func (s teamSubject) lastDay() int32 { return slices.Max(s.day[:]) }
