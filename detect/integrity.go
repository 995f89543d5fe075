package detect

import (
	"strings"
	"unicode"
)

// The integrity office (VIK: Veiligheid, Integriteit en Klachten) looks
// up colleagues as its work: the subjects and witnesses of its
// investigations, screenings, complaints. Its own files are often not
// exported, so no case explains those look-ups, and every one of them
// would be a colleague finding that tells the office only what it is
// doing. For its staff a colleague is a finding only when the colleague
// is a teammate (a colleague within the office itself). Their other
// signals stay: a relative, an ex-partner, a look-up off shift.

// integrityStaff marks the employees of the integrity office: a function
// or team id that names integrity (integriteit, integrity) or VIK as a
// word. The team kinds of docs/formats.md have no kind for it.
func integrityStaff(ix *Index) []bool {
	out := make([]bool, ix.Employees.Len())
	for e := range out {
		t := ix.eTeam[e]
		out[e] = namesIntegrity(ix.codeString(ix.eFunction[e])) || t != none && namesIntegrity(string(ix.teams.Get(t)))
	}
	return out
}

// namesIntegrity reports whether s names the integrity office.
func namesIntegrity(s string) bool {
	s = strings.ToLower(s)
	if strings.Contains(s, "integrit") {
		return true
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "vik" {
			return true
		}
	}
	return false
}

// teammate reports whether person p is the own record of another employee
// of employee e's team.
func (en *Engine) teammate(e, p uint32) bool {
	t := en.ix.eTeam[e]
	if t == none {
		return false
	}
	for _, o := range en.personEmps[p] {
		if o != e && en.ix.eTeam[o] == t {
			return true
		}
	}
	return false
}
