package demo

import (
	"math"
	"math/rand/v2"
	"slices"
)

// choice is one option of a weighted draw. Options are kept in slices, never
// in maps, so that a draw does not depend on map iteration order.
type choice[T any] struct {
	v T
	w float64
}

// pick draws one option with probability proportional to its weight.
func pick[T any](r *rand.Rand, opts []choice[T]) T {
	total := 0.0
	for _, o := range opts {
		total += o.w
	}
	x := r.Float64() * total
	for _, o := range opts {
		if x < o.w {
			return o.v
		}
		x -= o.w
	}
	return opts[len(opts)-1].v
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi], skewed towards lo when skew > 1:
// durations of casework are right-skewed (most short, a few long).
func between(r *rand.Rand, lo, hi int, skew float64) int {
	if hi <= lo {
		return lo
	}
	u := math.Pow(r.Float64(), skew)
	return lo + int(u*float64(hi-lo+1)-1e-9)
}

// newRand returns a PCG generator for one part of the data set. Each part
// (workforce, dossiers, spots) has its own stream, so that changing how one
// part is drawn does not reshuffle the others.
func newRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x6c656b7261646172^stream))
}

// sampleWithoutReplacement returns k distinct indexes of weights, drawn with
// probability proportional to weight (Efraimidis–Spirakis), in ascending
// order.
func sampleWithoutReplacement(r *rand.Rand, weights []float64, k int) []int {
	type keyed struct {
		i   int
		key float64
	}
	keys := make([]keyed, len(weights))
	for i, w := range weights {
		u := r.Float64()
		if u == 0 {
			u = math.SmallestNonzeroFloat64
		}
		keys[i] = keyed{i, math.Log(u) / w}
	}
	// Largest keys win; ties broken by index so the result is stable.
	slices.SortFunc(keys, func(a, b keyed) int {
		switch {
		case a.key > b.key:
			return -1
		case a.key < b.key:
			return 1
		}
		return a.i - b.i
	})
	if k > len(keys) {
		k = len(keys)
	}
	out := make([]int, k)
	for j := range k {
		out[j] = keys[j].i
	}
	slices.Sort(out)
	return out
}

// apportion splits total into integer parts proportional to weights by the
// largest-remainder method, ties going to the earlier index.
func apportion(total int, weights []float64) []int {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	rem := make([]float64, len(weights))
	given := 0
	for i, w := range weights {
		exact := float64(total) * w / sum
		out[i] = int(math.Floor(exact))
		rem[i] = exact - float64(out[i])
		given += out[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for j := 0; given < total; j++ {
		out[order[j%len(order)]]++
		given++
	}
	return out
}
