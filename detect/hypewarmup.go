package detect

import "gonum.org/v1/gonum/stat/distuv"

// A news hype is a surge over the attention a person usually draws, and
// at the start of a log nobody's usual attention is known: a known
// offender whom patrols check all day draws five officers without a work
// link on the log's first day as on any other. So a news_hype finding on a
// person whose history began in the log's first window, made before that
// history spans a whole window, is held with its alerts and judged once
// the hype has passed: when the person drew, in the window after the last
// look-up marked, about as many employees as at the hype's height, that
// was the person's usual and the marks are taken back; a hype fades.

// heldHype is one person's news_hype marks awaiting that judgement.
type heldHype struct {
	h        *hypeEntry
	refs     []evRef // the look-ups marked
	peak     int     // most employees in the window at a mark
	last     int64   // seconds: the last mark
	arrivals int     // h.arrivals at the last mark
}

// holdsHype reports whether a news_hype finding on h at t is held: the
// person's entry began in the log's first window and has less than a
// window of history before the current one, or the person's earlier
// marks are still held.
func (en *Engine) holdsHype(pkey uint32, h *hypeEntry, t int64) bool {
	if _, ok := en.heldHypes[pkey]; ok {
		return true
	}
	return h.since-en.firstT < en.hypeWin && t-en.hypeWin-h.since < en.hypeWin && len(en.heldHypes) < maxHeldFindings
}

// holdHype marks the look-ups refs of person pkey with news_hype and holds
// the marks for judgement.
func (en *Engine) holdHype(pkey uint32, h *hypeEntry, refs []evRef, t int64) {
	hh := en.heldHypes[pkey]
	if hh == nil {
		hh = &heldHype{h: h}
		en.heldHypes[pkey] = hh
	}
	for _, r := range refs {
		if int(r.gi) >= len(r.g.evs) {
			continue // beyond the stored look-ups: the mark is the group's and stays
		}
		r.g.evs[r.gi].sigs.add(SigNewsHype)
		r.g.held++
		hh.refs = append(hh.refs, r)
	}
	hh.peak = max(hh.peak, len(h.emps))
	hh.last, hh.arrivals = t, h.arrivals
}

// judgeHeldHypes judges the held hypes whose last mark is a window or more
// before t, or all of them at the end of input (final), and scores the
// closed groups that no longer wait for a judgement.
func (en *Engine) judgeHeldHypes(t int64, final bool) {
	if len(en.heldHypes) == 0 {
		return
	}
	judged := false
	for pkey, hh := range en.heldHypes {
		elapsed := t - hh.last
		if elapsed < en.hypeWin && !final {
			continue
		}
		after := hh.h.arrivals - hh.arrivals
		if cur := en.hype[pkey]; cur != nil && cur != hh.h {
			after += cur.arrivals // the entry was forgotten and made anew
		}
		after = max(after, 1)
		usual := float64(after) * float64(en.hypeWin) / float64(max(elapsed, en.hypeWin))
		stands := (distuv.Poisson{Lambda: usual}).Survival(float64(hh.peak-1)) < en.pol.Limits.HypeChance
		for _, r := range hh.refs {
			if !stands {
				r.g.evs[r.gi].sigs &^= 1 << SigNewsHype
			}
			r.g.held--
		}
		delete(en.heldHypes, pkey)
		judged = true
	}
	if judged {
		en.releaseHeldGroups()
	}
}

// releaseHeldGroups scores the closed groups that no longer wait for a
// held finding.
func (en *Engine) releaseHeldGroups() {
	waiting := en.heldGroups[:0]
	for _, g := range en.heldGroups {
		if g.held > 0 {
			waiting = append(waiting, g)
		} else {
			en.closing = append(en.closing, g)
		}
	}
	clear(en.heldGroups[len(waiting):])
	en.heldGroups = waiting
	en.flushClosing()
}
