package detect

import "hash/maphash"

// StringTable interns byte strings to dense uint32 ids (0, 1, 2, …) without a
// Go map: the strings live back to back in one byte arena and an
// open-addressing table of 64-bit slots points into it. Each slot holds the
// id and a tag of hash bits, so a probe costs one cache line and most misses
// never touch the arena. For 18 million person ids this costs about 12 bytes
// of table and offset plus the id's own bytes per entry, where a
// map[string]uint32 costs several times that.
type StringTable struct {
	seed  maphash.Seed
	arena []byte
	ends  []uint32 // ends[i] is the end offset of string i in arena
	slots []uint64 // 0 = empty, otherwise tag<<32 | id+1
	mask  uint64
}

// The table grows beyond 70% load: with tags, probes stay short.
const maxLoadNum, maxLoadDen = 7, 10

func tagOf(h uint64) uint64 { return (h>>40 | 1) << 32 } // never 0, top 24 bits of the hash

// NewStringTable returns a table sized for about n strings.
func NewStringTable(n int) *StringTable {
	t := &StringTable{seed: maphash.MakeSeed()}
	size := 16
	for size*maxLoadNum < n*maxLoadDen {
		size <<= 1
	}
	t.slots = make([]uint64, size)
	t.mask = uint64(size - 1)
	t.ends = make([]uint32, 0, n)
	adviseHugePages(t.slots)
	adviseHugePages(t.ends)
	return t
}

// Len is the number of strings interned.
func (t *StringTable) Len() int { return len(t.ends) }

// Get returns the string with id i; the slice aliases the arena.
func (t *StringTable) Get(i uint32) []byte {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.arena[start:t.ends[i]:t.ends[i]]
}

// find returns the slot index holding s, or the empty slot where it would go.
func (t *StringTable) find(h uint64, s []byte) (i uint64, found bool) {
	tag := tagOf(h)
	for i = h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return i, false
		}
		if v&^0xffffffff == tag && string(t.Get(uint32(v)-1)) == string(s) {
			return i, true
		}
	}
}

// Lookup returns the id of s and whether it is present.
func (t *StringTable) Lookup(s []byte) (uint32, bool) {
	i, ok := t.find(maphash.Bytes(t.seed, s), s)
	if !ok {
		return 0, false
	}
	return uint32(t.slots[i]) - 1, true
}

// LookupString is Lookup for a string.
func (t *StringTable) LookupString(s string) (uint32, bool) {
	return t.Lookup([]byte(s)) // the conversion does not escape, so no copy is kept
}

// Intern returns the id of s, adding it when new; added reports whether it was.
func (t *StringTable) Intern(s string) (id uint32, added bool) {
	return t.InternBytes([]byte(s))
}

// InternBytes is Intern for a byte slice; it copies s only when adding it.
func (t *StringTable) InternBytes(s []byte) (id uint32, added bool) {
	return t.InternHashed(maphash.Bytes(t.seed, s), s)
}

// InternHashed is InternBytes with the hash (from Hash) already computed.
func (t *StringTable) InternHashed(h uint64, s []byte) (id uint32, added bool) {
	if (len(t.ends)+1)*maxLoadDen > len(t.slots)*maxLoadNum {
		t.grow()
	}
	i, ok := t.find(h, s)
	if ok {
		return uint32(t.slots[i]) - 1, false
	}
	if n := len(t.arena) + len(s); n > cap(t.arena) && cap(t.arena) >= 1<<16 {
		// append grows a large slice by a quarter at a time: for the
		// national person table that copies the arena many times over
		t.reserve(max(n, 2*cap(t.arena)))
	}
	t.arena = append(t.arena, s...)
	t.ends = append(t.ends, uint32(len(t.arena)))
	id = uint32(len(t.ends) - 1)
	t.slots[i] = tagOf(h) | uint64(id+1)
	return id, true
}

func (t *StringTable) grow() {
	size := 2 * len(t.slots)
	t.slots = make([]uint64, size)
	t.mask = uint64(size - 1)
	for id := range t.ends {
		h := maphash.Bytes(t.seed, t.Get(uint32(id)))
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = tagOf(h) | uint64(id+1)
	}
}

// ReserveBytes makes room for n bytes of strings in all, so that a table
// whose size is known does not grow its arena step by step.
func (t *StringTable) ReserveBytes(n int) {
	if n > cap(t.arena) {
		t.reserve(n)
	}
}

func (t *StringTable) reserve(n int) {
	a := make([]byte, len(t.arena), n)
	adviseHugePages(a)
	copy(a, t.arena)
	t.arena = a
}

// Compact trims spare capacity once loading is done, when it is worth a copy.
func (t *StringTable) Compact() {
	if cap(t.arena)-len(t.arena) > len(t.arena)/8 {
		t.arena = append([]byte(nil), t.arena...)
	}
	if cap(t.ends)-len(t.ends) > len(t.ends)/8 {
		t.ends = append([]uint32(nil), t.ends...)
	}
}

// Bytes is the memory the table holds, for the load summary.
func (t *StringTable) Bytes() int {
	return cap(t.arena) + 4*cap(t.ends) + 8*len(t.slots)
}

// Hash is the hash Lookup would compute for s.
func (t *StringTable) Hash(s []byte) uint64 { return maphash.Bytes(t.seed, s) }

// Touch loads the first slot a lookup with hash h probes. Touching the slots
// of a whole batch first lets the CPU fetch their cache lines in parallel;
// the lookups that follow then hit the cache.
func (t *StringTable) Touch(h uint64) uint64 { return t.slots[h&t.mask] }

// TouchEntry follows the first slot a lookup with hash h probes (loaded by
// Touch) to the string's offsets, and TouchBytes from those to the string's
// first bytes. A batch run through Touch, TouchEntry and TouchBytes in turn
// overlaps all three cache misses of each lookup with those of the others,
// where one lookup after the other would wait for each in sequence.
func (t *StringTable) TouchEntry(h uint64) uint64 {
	v := t.slots[h&t.mask]
	if v == 0 || v&^0xffffffff != tagOf(h) {
		return 0
	}
	return uint64(t.ends[uint32(v)-1])
}

// TouchBytes: see TouchEntry.
func (t *StringTable) TouchBytes(h uint64) uint64 {
	v := t.slots[h&t.mask]
	if v == 0 || v&^0xffffffff != tagOf(h) {
		return 0
	}
	id := uint32(v) - 1
	start := uint32(0)
	if id > 0 {
		start = t.ends[id-1]
	}
	if start >= uint32(len(t.arena)) {
		return 0
	}
	return uint64(t.arena[start])
}

// LookupHashed is Lookup with the hash already computed.
func (t *StringTable) LookupHashed(h uint64, s []byte) (uint32, bool) {
	i, ok := t.find(h, s)
	if !ok {
		return 0, false
	}
	return uint32(t.slots[i]) - 1, true
}
