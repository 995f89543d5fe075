package detect

// keyTimes remembers up to a fixed number of keys (persons, cases) with
// the time each was last seen; past that number, the one seen longest ago
// is forgotten. Per-employee memories use it: the persons an employee
// keeps coming back to (follow.go), the cases an employee quoted
// (quotedcase.go).
type keyTimes struct {
	keys []uint32
	at   []int64
}

func newKeyTimes(n int) *keyTimes {
	return &keyTimes{keys: make([]uint32, 0, n), at: make([]int64, 0, n)}
}

// note records key as seen at t.
func (k *keyTimes) note(key uint32, t int64) {
	oldest := 0
	for i, x := range k.keys {
		if x == key {
			k.at[i] = t
			return
		}
		if k.at[i] < k.at[oldest] {
			oldest = i
		}
	}
	if len(k.keys) < cap(k.keys) {
		k.keys, k.at = append(k.keys, key), append(k.at, t)
		return
	}
	k.keys[oldest], k.at[oldest] = key, t
}

// others counts the keys other than key seen since from.
func (k *keyTimes) others(key uint32, from int64) int {
	n := 0
	for i, x := range k.keys {
		if x != key && k.at[i] >= from {
			n++
		}
	}
	return n
}
