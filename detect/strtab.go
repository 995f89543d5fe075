package detect

import (
	"encoding/binary"
)

// StringTable interns byte strings to dense uint32 ids (0, 1, 2, …) without a
// Go map: the strings live back to back in one byte arena, each after its
// id (4 bytes), and an open-addressing table of 64-bit slots points into
// it. Each slot holds the string's offset in the arena and a tag of hash
// bits and length, so a probe costs one cache line, most misses never touch
// the arena, and a hit costs one more line, the arena entry, which holds
// both the bytes to compare and the id. (With the id in the slot instead, a
// hit reads three lines at random: slot, end offsets and bytes. In tables
// of millions of strings each is a cache and TLB miss.) For 18 million
// person ids this costs about 23 bytes of table, offset and id plus the
// id's own bytes per entry, where a map[string]uint32 costs several times
// that. Offsets are 32 bits: the strings may take up to 4 GiB in all.
type StringTable struct {
	seed  hashSeed
	arena []byte   // per string: its id (4 bytes, little endian), then its bytes
	ends  []uint32 // ends[i] is the end offset of the entry of string i in arena
	slots []uint64 // 0 = empty, otherwise tag<<32 | offset of the entry in arena
	mask  uint64
}

// idBytes is the size of the id before each string in the arena.
const idBytes = 4

// The table grows beyond 70% load: with tags, probes stay short.
const maxLoadNum, maxLoadDen = 7, 10

// tagOf is the upper half of a slot: a set bit (so that a slot is never
// 0), 23 bits of the hash and the length of the string (255 for 255 bytes
// or more).
func tagOf(h uint64, n int) uint64 {
	return (1<<31 | h>>41<<8 | uint64(min(n, 0xff))) << 32
}

// NewStringTable returns a table sized for about n strings.
func NewStringTable(n int) *StringTable {
	t := &StringTable{seed: newHashSeed()}
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
	return t.arena[start+idBytes : t.ends[i] : t.ends[i]]
}

// entryID is the id stored at the start of the entry at off.
func (t *StringTable) entryID(off uint32) uint32 {
	return binary.LittleEndian.Uint32(t.arena[off:])
}

// matches reports whether the entry at off, whose tag matched, holds s.
func (t *StringTable) matches(off uint32, s []byte) bool {
	if len(s) < 0xff { // the tag holds the exact length
		e := t.arena[off+idBytes:]
		return len(e) >= len(s) && string(e[:len(s)]) == string(s)
	}
	id := t.entryID(off)
	return int(id) < len(t.ends) && string(t.Get(id)) == string(s)
}

// find returns the slot index holding s, or the empty slot where it would go.
func (t *StringTable) find(h uint64, s []byte) (i uint64, found bool) {
	tag := tagOf(h, len(s))
	for i = h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return i, false
		}
		if v&^0xffffffff == tag && t.matches(uint32(v), s) {
			return i, true
		}
	}
}

// Lookup returns the id of s and whether it is present.
func (t *StringTable) Lookup(s []byte) (uint32, bool) {
	return t.LookupHashed(t.seed.sum(s), s)
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
	return t.InternHashed(t.seed.sum(s), s)
}

// InternHashed is InternBytes with the hash (from Hash) already computed.
func (t *StringTable) InternHashed(h uint64, s []byte) (id uint32, added bool) {
	if (len(t.ends)+1)*maxLoadDen > len(t.slots)*maxLoadNum {
		t.grow()
	}
	i, ok := t.find(h, s)
	if ok {
		return t.entryID(uint32(t.slots[i])), false
	}
	if n := len(t.arena) + idBytes + len(s); n > cap(t.arena) && cap(t.arena) >= 1<<16 {
		// append grows a large slice by a quarter at a time: for the
		// national person table that copies the arena many times over
		t.reserve(max(n, 2*cap(t.arena)))
	}
	id = uint32(len(t.ends))
	off := uint32(len(t.arena))
	t.arena = binary.LittleEndian.AppendUint32(t.arena, id)
	t.arena = append(t.arena, s...)
	t.ends = append(t.ends, uint32(len(t.arena)))
	t.slots[i] = tagOf(h, len(s)) | uint64(off)
	return id, true
}

func (t *StringTable) grow() {
	size := 2 * len(t.slots)
	t.slots = make([]uint64, size)
	t.mask = uint64(size - 1)
	off := uint32(0)
	for id := range t.ends {
		s := t.Get(uint32(id))
		h := t.seed.sum(s)
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = tagOf(h, len(s)) | uint64(off)
		off = t.ends[id]
	}
}

// ReserveBytes makes room for strings of n bytes in all, so that a table
// whose size is known does not grow its arena step by step.
func (t *StringTable) ReserveBytes(n int) {
	n += idBytes * cap(t.ends) // the ids of the strings the table was sized for
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
func (t *StringTable) Hash(s []byte) uint64 { return t.seed.sum(s) }

// Touch loads the first slot a lookup with hash h probes. Touching the slots
// of a whole batch first lets the CPU fetch their cache lines in parallel;
// the lookups that follow then hit the cache.
func (t *StringTable) Touch(h uint64) uint64 { return t.slots[h&t.mask] }

// TouchEntry follows the first slot a lookup with hash h probes (loaded by
// Touch) to the start of the arena entry it points to, and TouchBytes to the
// entry's end, in case it crosses a cache line. A batch run through Touch,
// TouchEntry and TouchBytes in turn overlaps the cache misses of each lookup
// with those of the others, where one lookup after the other would wait for
// each in sequence.
func (t *StringTable) TouchEntry(h uint64) uint64 {
	v := t.slots[h&t.mask]
	if v == 0 || v>>32&^0xff != tagOf(h, 0)>>32&^0xff {
		return 0
	}
	return uint64(t.arena[uint32(v)])
}

// TouchBytes: see TouchEntry.
func (t *StringTable) TouchBytes(h uint64) uint64 {
	v := t.slots[h&t.mask]
	if v == 0 || v>>32&^0xff != tagOf(h, 0)>>32&^0xff {
		return 0
	}
	end := uint64(uint32(v)) + idBytes + v>>32&0xff - 1
	if end >= uint64(len(t.arena)) || end>>6 == uint64(uint32(v))>>6 {
		return 0 // one cache line (or a guess past the end)
	}
	return uint64(t.arena[end])
}

// LookupHashed is Lookup with the hash already computed.
func (t *StringTable) LookupHashed(h uint64, s []byte) (uint32, bool) {
	i, ok := t.find(h, s)
	if !ok {
		return 0, false
	}
	id := t.entryID(uint32(t.slots[i]))
	if int(id) >= len(t.ends) { // only from a damaged compiled index
		return 0, false
	}
	return id, true
}
