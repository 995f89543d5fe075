package detect

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
)

// hashSeed keys the hash of the index's tables. Unlike a maphash.Seed it
// is a plain number, so a compiled index (compiled.go) can store it with
// the slots it placed; it is drawn at random for every index built, so
// that ids written by an outsider cannot be chosen to collide.
type hashSeed uint64

func newHashSeed() hashSeed { return hashSeed(rand.Uint64()) }

// The multipliers of wyhash (public domain), whose 64×64→128-bit multiply
// and fold mixes short keys such as ids in a few cycles.
const (
	hashK1 = 0xa0761d6478bd642f
	hashK2 = 0xe7037ed1a0b428db
	hashK3 = 0x8ebc6af09c88c6e3
)

func hashMix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// sum hashes p. Every bit of the result depends on every byte of p and on
// the seed; the tables take their slot from the low bits and a tag from
// the high ones.
func (s hashSeed) sum(p []byte) uint64 {
	seed := uint64(s) ^ hashK1
	n := len(p)
	var a, b uint64
	switch {
	case n > 16:
		rest := p
		for len(rest) > 16 {
			seed = hashMix(binary.LittleEndian.Uint64(rest)^hashK2, binary.LittleEndian.Uint64(rest[8:])^seed)
			rest = rest[16:]
		}
		a = binary.LittleEndian.Uint64(p[n-16:])
		b = binary.LittleEndian.Uint64(p[n-8:])
	case n >= 8:
		a = binary.LittleEndian.Uint64(p)
		b = binary.LittleEndian.Uint64(p[n-8:])
	case n >= 4:
		a = uint64(binary.LittleEndian.Uint32(p))
		b = uint64(binary.LittleEndian.Uint32(p[n-4:]))
	case n > 0:
		a = uint64(p[0])<<16 | uint64(p[n>>1])<<8 | uint64(p[n-1])
	}
	return hashMix(hashK3^uint64(n), hashMix(a^hashK2, b^seed))
}
