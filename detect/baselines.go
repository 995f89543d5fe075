package detect

import "math"

// empState is the bounded per-employee baseline: daily counts of the
// last weeks, and hourly counts of unexplained look-ups for a rolling day.
type empState struct {
	day         int64
	lastWork    int64         // seconds: the last explained look-up, 0 none
	firstDay    int32         // the day of the employee's first look-up in the log, plus one (0: none yet)
	offDuty     []offDutyMark // off_shift findings of the last windows.work_evidence (workevidence.go)
	today       uint32
	unexplToday uint32
	hist        [historyDays]uint16 // look-ups per day
	histU       [historyDays]uint16 // unexplained look-ups per day
	histS       [historyDays]uint16 // look-ups per day of persons in another team's sensitive investigation
	sensToday   uint32
	peak        [numPeaks]uint8 // the day's peaks (peakroutine.go)
	histDay     [historyDays]int32
	ownMean     float32 // look-ups per active day
	ownMeanU    float32 // unexplained look-ups per active day
	activeDays  uint8
	hourU       [24]uint16 // unexplained look-ups per hour, rolling day
	hourStamp   [24]int32
	rec         *recentRing
	inc         *incidentRing // look-ups of persons in recent incidents (incidentwork.go)
	habits      *keyTimes     // persons the employee came back to on following_min_days days, with the last such day (follow.go)
	quoted      *keyTimes     // cases the employee quoted lately, with the time (quotedcase.go)
	analysis    analysisRun   // an analyst's run of look-ups of persons in recent cases (analysis.go)
}

type peerState struct {
	day    int64
	total  [historyDays]uint32
	totalU [historyDays]uint32
	// employees by their number of unexplained look-ups that day of
	// persons in a sensitive investigation they are not on (routine.go);
	// nil until the group makes one: peers can be as many as functions
	sens       *countDays
	peaks      [numPeaks]*countDays // employees by their day's peaks (peakroutine.go)
	histActive uint32               // employee-days in the history before today
	active     [historyDays]uint32
	stamp      [historyDays]int32
	mean       float32
	meanU      float32
	activeDays uint8
	ready      bool // enough employee-days of history for a baseline
}

// count updates the employee's and the peer group's daily volume.
func (en *Engine) count(e uint32, t int64) {
	st := &en.emp[e]
	d := dayOf(t)
	if st.firstDay == 0 {
		st.firstDay = int32(d) + 1
	}
	if st.day != d || st.today == 0 {
		if st.today > 0 && d > st.day {
			i := mod(st.day, historyDays)
			st.hist[i], st.histDay[i] = uint16(min(st.today, math.MaxUint16)), int32(st.day)
			st.histU[i] = uint16(min(st.unexplToday, math.MaxUint16))
			st.histS[i] = uint16(min(st.sensToday, math.MaxUint16))
		}
		if d > st.day || st.today == 0 {
			st.day, st.today, st.unexplToday, st.sensToday, st.peak = d, 0, 0, 0, [numPeaks]uint8{}
			var sum, sumU, n int
			for i := range st.hist {
				if dd := int64(st.histDay[i]); dd < d && dd >= d-historyDays && dd >= en.historyFrom && st.hist[i] > 0 {
					sum += int(st.hist[i])
					sumU += int(st.histU[i])
					n++
				}
			}
			st.activeDays = uint8(n)
			st.ownMean, st.ownMeanU = 0, 0
			if n > 0 {
				st.ownMean = float32(sum) / float32(n)
				st.ownMeanU = float32(sumU) / float32(n)
			}
			gs := en.peerGroups(e)
			for _, pe := range gs.all() {
				en.peerDay(pe, d).active[mod(d, historyDays)]++
			}
		}
	}
	st.today++
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		en.peerDay(pe, d).total[mod(d, historyDays)]++
	}
}

// countUnexplained adds an unexplained look-up to the employee's rolling
// day and the peer group's daily figures.
func (en *Engine) countUnexplained(e uint32, t int64) {
	st := &en.emp[e]
	st.unexplToday++
	h := floorDiv(t, 3600)
	i := mod(h, 24)
	if int64(st.hourStamp[i]) != h {
		st.hourStamp[i], st.hourU[i] = int32(h), 0
	}
	if st.hourU[i] < math.MaxUint16 {
		st.hourU[i]++
	}
	d := dayOf(t)
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		en.peerDay(pe, d).totalU[mod(d, historyDays)]++
	}
}

// rollingUnexplained is the employee's unexplained look-ups in the hours
// (at most 24) up to t.
func (st *empState) rollingUnexplained(t int64, hours int64) int {
	h := floorDiv(t, 3600)
	n := 0
	for i := range st.hourU {
		if s := int64(st.hourStamp[i]); s > h-hours && s <= h {
			n += int(st.hourU[i])
		}
	}
	return n
}

// peerDay returns the peer group's state with day d current.
func (en *Engine) peerDay(pe uint32, d int64) *peerState {
	ps := &en.peers[pe]
	if d > ps.day {
		ps.day = d
		var sum, sumU, act uint64
		counts := ps.dayCounts()
		for _, c := range counts {
			clear(c.hist)
		}
		var n int
		for i := range ps.stamp {
			if dd := int64(ps.stamp[i]); dd < d && dd >= d-historyDays && dd >= en.historyFrom && ps.active[i] > 0 {
				sum += uint64(ps.total[i])
				sumU += uint64(ps.totalU[i])
				for _, c := range counts {
					c.hist.add(c.days[i])
				}
				act += uint64(ps.active[i])
				n++
			}
		}
		ps.activeDays = uint8(n)
		ps.ready = act >= peerReadyEmployeeDays
		ps.histActive = uint32(min(act, math.MaxUint32))
		ps.mean, ps.meanU = 0, 0
		if act > 0 {
			ps.mean = float32(sum) / float32(act)
			ps.meanU = float32(sumU) / float32(act)
		}
	}
	i := mod(d, historyDays)
	if int64(ps.stamp[i]) != d {
		ps.stamp[i], ps.total[i], ps.totalU[i], ps.active[i] = int32(d), 0, 0, 0
		for _, c := range ps.dayCounts() {
			clear(c.days[i])
		}
	}
	return ps
}

// dayCounts are the group's employee-day counts made so far (nil until
// the group has one of the kind: peer groups can be as many as functions).
func (ps *peerState) dayCounts() []*countDays {
	out := make([]*countDays, 0, 1+numPeaks)
	if ps.sens != nil {
		out = append(out, ps.sens)
	}
	for _, c := range ps.peaks {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

func (en *Engine) withinRoleVolume(e uint32) bool {
	mean, _ := en.peerMean(e)
	if mean <= 0 {
		return true
	}
	return float64(en.emp[e].today) <= en.pol.Limits.RoleVolumeFactor*mean
}
