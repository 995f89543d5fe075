package detect

// The sensitive_investigation signal is judged against the routine of the
// employee's peer group. Most groups (patrol, detectives) almost never look
// up a subject of another team's sensitive investigation without a work
// link, and for them one such look-up is the finding. Some groups' work
// brings them: information analysts support many investigations without
// being on their staff, a control room takes calls from people the police
// know. For those, n such look-ups within windows.sensitive are a finding
// only when fewer than limits.sensitive_routine_chance of the group's
// employee-days have as many. The chance is read off the group's own
// employee-days, not a model of them: such counts are lumpy (a few
// analysts do most of it), which a Poisson rate would understate.

// sensBuckets bounds the counts kept per employee-day: n at or above the
// last bucket are judged as if n were the last bucket, which errs towards
// routine only for employees already past sensBuckets-1 such look-ups in a
// day — each of which the group has shown to do.
const sensBuckets = 16

// dayCounts holds, for one day or a history, how many employee-days had
// exactly k of something (k = 1 … len-1; the last bucket also holds more).
// Employee-days without any are the rest of the active ones.
type dayCounts []uint32

// countDays is a peer group's dayCounts per day of the history ring, and
// their sum over the history before today.
type countDays struct {
	days [historyDays]dayCounts
	hist dayCounts
}

func newCountDays(buckets int) *countDays {
	c := &countDays{hist: make(dayCounts, buckets)}
	for i := range c.days {
		c.days[i] = make(dayCounts, buckets)
	}
	return c
}

func (c dayCounts) add(o dayCounts) {
	for k := range c {
		c[k] += o[k]
	}
}

// atLeast is the number of employee-days with n or more.
func (c dayCounts) atLeast(n int) uint32 {
	var s uint32
	for k := min(max(n, 1), len(c)-1); k < len(c); k++ {
		s += c[k]
	}
	return s
}

// moveTo moves an employee-day from bucket from (none when 0) to bucket
// to, both capped at the last bucket.
func (c dayCounts) moveTo(from, to int) {
	from, to = min(from, len(c)-1), min(to, len(c)-1)
	if from != to {
		if from > 0 {
			c[from]--
		}
		c[to]++
	}
}

// countSensitive counts a look-up of a person in another team's sensitive
// investigation: the employee moves up one bucket in the peer group's day.
func (en *Engine) countSensitive(e uint32, t int64) {
	st := &en.emp[e]
	st.sensToday++
	d := dayOf(t)
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		ps := en.peerDay(pe, d)
		if ps.sens == nil {
			ps.sens = newCountDays(sensBuckets)
		}
		// the employee's k-th such look-up of the day moves the
		// employee-day from bucket k-1 to bucket k
		ps.sens.days[mod(d, historyDays)].moveTo(int(st.sensToday)-1, int(st.sensToday))
	}
}

// sensitiveRoutine reports whether n such look-ups by employee e on the
// day of t are within the peer group's routine: at least
// sensitive_routine_chance of the group's employee-days had as many, in
// its history or, before it has one, among the others at work so far
// today. Within a group for which one such look-up is routine, the
// employee's own history counts too: an analyst who supports more
// investigations than most.
func (en *Engine) sensitiveRoutine(e uint32, t int64, n int) bool {
	alpha := en.pol.Limits.SensitiveRoutineChance
	gs := en.peerGroups(e)
	group := func(n int) float64 { // (either peer group's routine)
		p := 0.0
		for _, pe := range gs.all() {
			p = max(p, en.othersChance(pe, e, dayOf(t), n))
			if ps := &en.peers[pe]; ps.ready && ps.sens != nil {
				p = max(p, chance(ps.sens.hist.atLeast(n), ps.histActive))
			}
		}
		return p
	}
	if group(n) >= alpha {
		return true
	}
	st := &en.emp[e]
	if int(st.activeDays) < en.pol.Limits.MinHistoryDays || group(1) < alpha {
		return false
	}
	d := dayOf(t)
	days := 0
	for i := range st.histS {
		if dd := int64(st.histDay[i]); dd < d && dd >= d-historyDays && dd >= en.historyFrom && st.hist[i] > 0 && int(st.histS[i]) >= n {
			days++
		}
	}
	return float64(days)/float64(st.activeDays) >= alpha
}

// othersChance is the share of the other employees of peer group pe at
// work on day d who had n or more such look-ups that day: employee e's own
// day is left out, or a leak would make its own routine. It is 0 when too
// few of the group worked that day to tell.
func (en *Engine) othersChance(pe, e uint32, d int64, n int) float64 {
	ps := &en.peers[pe]
	i := mod(d, historyDays)
	if ps.sens == nil || int64(ps.stamp[i]) != d || ps.active[i] < peerReadyEmployeeDays/4+1 {
		return 0
	}
	own := 0
	if st := &en.emp[e]; st.day == d {
		own = int(st.sensToday)
	} else if int64(st.histDay[i]) == d {
		own = int(st.histS[i])
	}
	k := ps.sens.days[i].atLeast(n)
	if own >= max(n, 1) && k > 0 {
		k--
	}
	return chance(k, ps.active[i]-1)
}

// chance is k of days as a share. One employee-day is not yet a routine: a
// single street check that happened to hit a subject must not make a leak
// by a colleague look ordinary, so one fewer is counted.
func chance(k, days uint32) float64 {
	if days == 0 || k <= 1 {
		return 0
	}
	return float64(k-1) / float64(days)
}
