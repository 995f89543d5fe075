package detect

// Browsing bursts and volume are judged against the routine of the
// employee's peer group, as sensitive look-ups are (routine.go).
// Information analysts run lists: twenty or thirty persons without a
// registered link in a few minutes, and a hundred on a busy day, is their
// work, and a threshold scaled from the group's daily mean cannot tell that
// from a burst, because their look-ups come in lumps. So each
// employee-day's peak (the most distinct persons without a work link
// within windows.browsing; the most look-ups without a work link within
// windows.volume) is counted per peer group, and a finding of n is made
// only when fewer than limits.browsing_routine_chance of the group's
// employee-days peaked as high, in its history or, before it has one,
// among the others at work so far today. For patrol, whose days almost
// never peak at ten persons in half an hour, nothing changes.

type peakKind uint8

const (
	peakBurst  peakKind = iota // distinct persons within windows.browsing
	peakVolume                 // look-ups within windows.volume
	peakExport                 // exports and prints without a work link that day
	numPeaks
)

// peakBuckets bounds the peaks kept (and the memory: 14 KiB a peer group
// and kind): a peak at or above the last bucket counts as the last bucket,
// which errs towards routine only for employee-days already past 127 —
// which the group has shown to have.
const peakBuckets = 128

// notePeak records that employee e reaches n of kind at t: the day's peak
// moves up.
func (en *Engine) notePeak(kind peakKind, e uint32, t int64, n int) {
	st := &en.emp[e]
	n = min(n, peakBuckets-1)
	if n <= int(st.peak[kind]) {
		return
	}
	d := dayOf(t)
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		ps := en.peerDay(pe, d)
		if ps.peaks[kind] == nil {
			ps.peaks[kind] = newCountDays(peakBuckets)
		}
		ps.peaks[kind].days[mod(d, historyDays)].moveTo(int(st.peak[kind]), n)
	}
	st.peak[kind] = uint8(n)
}

// peakRoutine reports whether n of kind by employee e on the day of t is
// within the routine of either of the employee's peer groups.
func (en *Engine) peakRoutine(kind peakKind, e uint32, t int64, n int) bool {
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		if en.peakRoutineIn(pe, kind, e, t, n) {
			return true
		}
	}
	return false
}

func (en *Engine) peakRoutineIn(pe uint32, kind peakKind, e uint32, t int64, n int) bool {
	ps := &en.peers[pe]
	pd := ps.peaks[kind]
	if pd == nil {
		return false
	}
	alpha := en.pol.Limits.BrowsingRoutineChance
	if ps.ready && chance(pd.hist.atLeast(n), ps.histActive) >= alpha {
		return true
	}
	// The others at work today; the employee's own day is left out, or a
	// burst would make its own routine.
	d := dayOf(t)
	i := mod(d, historyDays)
	if int64(ps.stamp[i]) != d || ps.active[i] < peerReadyEmployeeDays/4+1 {
		return false
	}
	k := pd.days[i].atLeast(n)
	if st := &en.emp[e]; st.day == d && int(st.peak[kind]) >= min(max(n, 1), peakBuckets-1) && k > 0 {
		k--
	}
	return chance(k, ps.active[i]-1) >= alpha
}

// exportRoutine counts an export or print without a work link towards the
// employee's day and reports whether that many are within the peer
// group's routine: analysts export what they analyse, every day, while a
// patrol officer's export of a record nothing connects is rare.
func (en *Engine) exportRoutine(e uint32, t int64) bool {
	st := &en.emp[e]
	n := 1
	if st.day == dayOf(t) {
		n = int(st.peak[peakExport]) + 1
	}
	en.notePeak(peakExport, e, t, n)
	return en.peakRoutine(peakExport, e, t, n)
}
