package detect

// pairTable remembers when an (employee, person) pair was last explained,
// for repeat_explained. Open addressing over two parallel slices; expired
// pairs are dropped by rebuilding, and the size is capped.
type pairTable struct {
	keys  []uint64 // 0 empty, else key|pairUsed
	vals  []int64
	n     int
	limit int
}

const pairUsed = 1 << 63

func (p *pairTable) init(limit int) {
	p.limit = limit
	p.keys = make([]uint64, 1<<16)
	p.vals = make([]int64, 1<<16)
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
	mask := uint64(len(p.keys) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		k := p.keys[i]
		if k == key {
			return p.vals[i], true
		}
		if k == 0 {
			return 0, false
		}
	}
}

// put records that the pair was explained at t; cutoff is the oldest time
// still worth remembering, used when the table must make room.
func (p *pairTable) put(key uint64, t, cutoff int64) {
	key |= pairUsed
	if 2*(p.n+1) > len(p.keys) {
		// Expire lazily, only when the table fills: a daily rebuild
		// would cost a pass over the whole table every day.
		p.rebuild(len(p.keys), cutoff)
		if 3*p.n > len(p.keys) {
			if p.n+1 > p.limit {
				p.evictOldest()
			} else {
				p.rebuild(2*len(p.keys), cutoff)
			}
		}
	}
	mask := uint64(len(p.keys) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		k := p.keys[i]
		if k == key {
			if t > p.vals[i] {
				p.vals[i] = t
			}
			return
		}
		if k == 0 {
			p.keys[i], p.vals[i] = key, t
			p.n++
			return
		}
	}
}

// evictOldest halves the table by dropping the older pairs when the cap is
// reached: memory stays bounded and recent pairs survive.
func (p *pairTable) evictOldest() {
	lo, hi := int64(1<<62), int64(-1<<62)
	for i, k := range p.keys {
		if k != 0 {
			lo, hi = min(lo, p.vals[i]), max(hi, p.vals[i])
		}
	}
	p.rebuild(len(p.keys), lo+(hi-lo)/2)
}

func (p *pairTable) rebuild(size int, cutoff int64) {
	oldK, oldV := p.keys, p.vals
	p.keys, p.vals, p.n = make([]uint64, size), make([]int64, size), 0
	mask := uint64(size - 1)
	for j, k := range oldK {
		if k == 0 || oldV[j] < cutoff {
			continue
		}
		i := mix64(k) & mask
		for p.keys[i] != 0 {
			i = (i + 1) & mask
		}
		p.keys[i], p.vals[i] = k, oldV[j]
		p.n++
	}
}
