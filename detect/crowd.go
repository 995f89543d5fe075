package detect

import "slices"

// A person whom several employees look up without a work link is known
// to many: a known offender the patrols keep meeting, a neighbourhood's
// regular, a test record the trainers use. Coming back to such a person
// on several days is how the records fall short of the work, not the
// private interest that following is about: the object of a private
// interest (an ex-partner's new friend, a neighbour) is looked up by
// nobody else. So following is not found for a person whom at least
// limits.following_crowd other employees looked up without a work link
// within windows.following_gap. The other signals of the look-up stay.

// crowdCap is how many distinct employees are remembered per person: the
// most recent ones, enough to tell following_crowd others from the
// employee in question.
const crowdCap = 4

// maxCrowd bounds the persons remembered: past it, new persons are not
// remembered (following is then judged as if nobody else looked).
const maxCrowd = 1 << 21

// crowdEntry holds the last employees who looked a person up without a
// work link, and the day (plus one; 0 = empty) of each one's last look-up.
type crowdEntry struct {
	emp [crowdCap]uint32
	day [crowdCap]int32
}

// lookedUpByCrowd reports whether at least limits.following_crowd
// employees other than ekey looked up person pkey without a work link
// within windows.following_gap before day d, and then, when note is set,
// records this look-up by ekey (one map read on the engine's critical
// path, not two).
func (en *Engine) lookedUpByCrowd(pkey, ekey uint32, d int64, note bool) bool {
	need := en.pol.Limits.FollowingCrowd
	if need <= 0 {
		return false
	}
	c, ok := en.crowd[pkey]
	n := 0
	for i := range c.emp {
		if c.day[i] != 0 && c.emp[i] != ekey && int64(c.day[i])-1 >= d-en.followGap {
			n++
		}
	}
	if note && (ok || len(en.crowd) < maxCrowd) {
		slot := slotFor(c.emp[:], c.day[:], ekey)
		c.emp[slot], c.day[slot] = ekey, int32(d+1)
		en.crowd[pkey] = c
	}
	return n >= need
}

// slotFor is where a per-person memory (emps with the day plus one of
// each one's last look-up; 0 = empty) records employee e: e's own slot,
// else an empty one, else the oldest.
func slotFor(emps []uint32, days []int32, e uint32) int {
	slot := 0
	for i := range emps {
		if days[i] != 0 && emps[i] == e {
			return i
		}
		if days[i] < days[slot] {
			slot = i
		}
	}
	return slot
}

// lastDay is the day (plus one) of the entry's latest look-up.
func (c crowdEntry) lastDay() int32 { return slices.Max(c.day[:]) }

// forgetBefore deletes the persons of m whose latest look-up was before
// day from: the per-person memories of crowd.go and teamsubject.go.
func forgetBefore[E interface{ lastDay() int32 }](m map[uint32]E, from int64) {
	for k, e := range m {
		if int64(e.lastDay())-1 < from {
			delete(m, k)
		}
	}
}
