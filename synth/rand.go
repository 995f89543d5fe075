package synth

import (
	"math"
	"math/rand/v2"
)

// Random streams. Sequential draws use math/rand/v2's PCG seeded from the
// world seed and a stream number; random-access draws (the attributes of
// person k, the shifts of employee e on day d) hash the seed with the key so
// that any part of the world can be recomputed without generating the rest.
const (
	streamBlock uint64 = iota + 1
	streamOrg
	streamCases
	streamDay
	streamShift
	streamPlan
	streamExPartner
	streamDeceased
	streamArrival
)

// mix64 is the splitmix64 finaliser: a bijective, well-mixing hash.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hash3 hashes a seed, a stream and a key.
func hash3(seed, stream, key uint64) uint64 {
	return mix64(mix64(seed^stream*0x632be59bd9b4e019) ^ key)
}

// newRand returns a PCG-backed generator for one stream and key.
func newRand(seed, stream, key uint64) *rand.Rand {
	return rand.New(rand.NewPCG(hash3(seed, stream, key), key^stream))
}

// unitFloat maps a hash to [0,1).
func unitFloat(h uint64) float64 { return float64(h>>11) / (1 << 53) }

// poisson draws a Poisson-distributed count (Knuth; fine for small means).
func poisson(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		n := int(r.NormFloat64()*sqrt(mean) + mean + 0.5)
		if n < 0 {
			return 0
		}
		return n
	}
	l := exp(-mean)
	k, p := 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// pickWeighted returns an index drawn with the given weights.
func pickWeighted(r *rand.Rand, w []float64) int {
	var s float64
	for _, x := range w {
		s += x
	}
	u := r.Float64() * s
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func sqrt(x float64) float64 { return math.Sqrt(x) }
func exp(x float64) float64  { return math.Exp(x) }
