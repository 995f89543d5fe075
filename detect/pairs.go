package detect

// pairTable remembers when an (employee, person) pair was last explained,
// for repeat_explained. Open addressing over one slice of slots, so that a
// probe costs one cache miss (the table holds millions of pairs at national
// scale and is touched by nearly every look-up); expired pairs are dropped
// by rebuilding, and the size is capped.
type pairTable struct {
	slots  []pairSlot
	n      int
	limit  int
	oldest int64 // no pair in the table is older: when it is not below the cutoff, nothing can expire
}

type pairSlot struct {
	key uint64 // 0 empty, else key|pairUsed
	t   int64  // last explained, unix seconds
}

const pairUsed = 1 << 63

func (p *pairTable) init(limit int) {
	p.limit = limit
	p.slots = make([]pairSlot, 1<<16)
}

func mix64(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

func (p *pairTable) get(key uint64) (int64, bool) {
	key |= pairUsed
	mask := uint64(len(p.slots) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		s := &p.slots[i]
		if s.key == key {
			return s.t, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// put records that the pair was explained at t; cutoff is the oldest time
// still worth remembering, used when the table must make room.
func (p *pairTable) put(key uint64, t, cutoff int64) {
	key |= pairUsed
	if 2*(p.n+1) > len(p.slots) {
		// Expire lazily, only when the table fills: a daily rebuild
		// would cost a pass over the whole table every day.
		if p.oldest < cutoff {
			p.rebuild(len(p.slots), cutoff)
		}
		if 3*p.n > len(p.slots) {
			if p.n+1 > p.limit {
				p.evictOldest()
			} else {
				p.rebuild(2*len(p.slots), cutoff)
			}
		}
	}
	mask := uint64(len(p.slots) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		s := &p.slots[i]
		if s.key == key {
			if t > s.t {
				s.t = t
			}
			return
		}
		if s.key == 0 {
			s.key, s.t = key, t
			if p.n == 0 || t < p.oldest {
				p.oldest = t
			}
			p.n++
			return
		}
	}
}

// evictOldest halves the table by dropping the older pairs when the cap is
// reached: memory stays bounded and recent pairs survive.
func (p *pairTable) evictOldest() {
	lo, hi := int64(1<<62), int64(-1<<62)
	for _, s := range p.slots {
		if s.key != 0 {
			lo, hi = min(lo, s.t), max(hi, s.t)
		}
	}
	p.rebuild(len(p.slots), lo+(hi-lo)/2)
}

func (p *pairTable) rebuild(size int, cutoff int64) {
	old := p.slots
	p.slots, p.n = make([]pairSlot, size), 0
	// At national scale the table holds millions of pairs probed at
	// random by nearly every look-up, on the engine's critical path: with
	// 4 KiB pages most probes would also miss the TLB.
	adviseHugePages(p.slots)
	mask := uint64(size - 1)
	for _, s := range old {
		if s.key == 0 || s.t < cutoff {
			continue
		}
		if p.n == 0 || s.t < p.oldest {
			p.oldest = s.t
		}
		i := mix64(s.key) & mask
		for p.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		p.slots[i] = s
		p.n++
	}
}
