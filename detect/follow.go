package detect

// followTable keeps, per (employee, person) pair, the days on which the
// employee looked the person up without a work link: first day, last day
// and the number of distinct days, packed into one word. Like pairTable it
// is open addressing with lazy expiry, so memory stays bounded however long
// the log.
type followTable struct {
	keys  []uint64
	vals  []uint64 // firstDay<<48 | lastDay<<32 | lastOpenDay<<16 | days<<8 | openDays
	n     int
	limit int
}

// followState is one pair's record; days count from 1970 in 16 bits.
type followState struct {
	first, last, lastOpen int64
	days, openDays        int
}

func (s followState) pack() uint64 {
	return uint64(s.first)&0xffff<<48 | uint64(s.last)&0xffff<<32 | uint64(s.lastOpen)&0xffff<<16 |
		uint64(min(s.days, 255))<<8 | uint64(min(s.openDays, 255))
}

func unpackFollow(v uint64) followState {
	return followState{first: int64(v >> 48), last: int64(v >> 32 & 0xffff), lastOpen: int64(v >> 16 & 0xffff),
		days: int(v >> 8 & 0xff), openDays: int(v & 0xff)}
}

func (f *followTable) init(limit int) {
	f.limit = limit
	f.keys = make([]uint64, 1<<14)
	f.vals = make([]uint64, 1<<14)
}

// add records an unexplained look-up on day (opened: a view, export or
// print rather than a query) and returns the pair's state; a gap longer
// than maxGap days starts afresh.
func (f *followTable) add(key uint64, day int64, opened bool, maxGap int64) followState {
	key |= pairUsed
	day &= 0xffff
	if 2*(f.n+1) > len(f.keys) {
		f.rebuild(len(f.keys), day-maxGap)
		if 3*f.n > len(f.keys) {
			if f.n+1 > f.limit {
				f.rebuild(len(f.keys), day-maxGap/2)
			} else {
				f.rebuild(2*len(f.keys), day-maxGap)
			}
		}
	}
	mask := uint64(len(f.keys) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		k := f.keys[i]
		if k == key || k == 0 {
			var s followState
			if k == key {
				s = unpackFollow(f.vals[i])
			}
			if k == 0 || day-s.last > maxGap {
				s = followState{first: day, last: day - 1, lastOpen: day - 1}
			}
			if day != s.last {
				s.days++
				s.last = day
			}
			if opened && day != s.lastOpen {
				s.openDays++
				s.lastOpen = day
			}
			if k == 0 {
				f.keys[i] = key
				f.n++
			}
			f.vals[i] = s.pack()
			return s
		}
	}
}

func (f *followTable) rebuild(size int, cutoffDay int64) {
	oldK, oldV := f.keys, f.vals
	f.keys, f.vals, f.n = make([]uint64, size), make([]uint64, size), 0
	// probed at random by every unexplained look-up (see pairTable.rebuild)
	adviseHugePages(f.keys)
	adviseHugePages(f.vals)
	mask := uint64(size - 1)
	for j, k := range oldK {
		if k == 0 || unpackFollow(oldV[j]).last < cutoffDay {
			continue
		}
		i := mix64(k) & mask
		for f.keys[i] != 0 {
			i = (i + 1) & mask
		}
		f.keys[i], f.vals[i] = k, oldV[j]
		f.n++
	}
}

// habit records a look-up that only an earlier explained one would explain
// (repeat_explained) among the pair's days and reports whether those days
// have become a following pattern: limits.following_min_days distinct
// days over at least windows.following_min_span. A repeat explains coming
// back to a person after the work, not coming back again and again for
// weeks once the work link is gone; then the look-up is judged as
// unexplained, and following decides.
func (en *Engine) habit(it *item, t int64) bool {
	fs := en.follows.add(pairKey(it.ekey, it.pkey), dayOf(t), it.action != ActionQuery, en.followGap)
	return fs.days >= en.pol.Limits.FollowingMinDays && (fs.last-fs.first)*daySecs >= en.follow
}

// followingRoutineByClose reports whether, by the time group g closes,
// coming back to people has shown itself the employee's routine: at least
// limits.following_routine_persons other persons followed since
// windows.following_gap before the group's last look-up, those the
// employee took up after it included. A neighbourhood officer's first
// regulars of a log are found before the others are: judged when the
// look-up is made, they are following; judged when the alert is made, the
// officer's round is plain.
func (en *Engine) followingRoutineByClose(g *group) bool {
	need := en.pol.Limits.FollowingRoutinePersons
	if need <= 0 || g.emp == none {
		return false
	}
	h := en.emp[g.emp].habits
	return h != nil && h.others(uint32(g.key), dayOf(g.last)-en.followGap) >= need
}

// habitCap bounds the persons remembered per employee as followed.
const habitCap = 16

// followingRoutine reports whether coming back to people is the employee's
// routine: limits.following_routine_persons other persons followed within
// windows.following_gap. Following one person is remarkable for an
// employee who follows nobody else; for a neighbourhood officer who comes
// back to forty residents of the area, it is the job.
func (en *Engine) followingRoutine(e uint32, pkey uint32, fs followState) bool {
	need := en.pol.Limits.FollowingRoutinePersons
	if need <= 0 || e == none {
		return false
	}
	st := &en.emp[e]
	if st.habits == nil {
		st.habits = newKeyTimes(habitCap)
	}
	if fs.days >= en.pol.Limits.FollowingMinDays {
		st.habits.note(pkey, fs.last)
	}
	return st.habits.others(pkey, fs.last-en.followGap) >= need
}
