package detect

import "testing"

// TestSensCounts checks the day counts behind the sensitive routine: an
// employee moves up one bucket per look-up, counts past the last bucket
// stay in it, and "at least n" sums the buckets from n on.
func TestSensCounts(t *testing.T) {
	c := make(dayCounts, sensBuckets)
	move := func(k uint32) { c.moveTo(int(k)-1, int(k)) }
	for k := uint32(1); k <= 3; k++ { // one employee with 3
		move(k)
	}
	move(1)                            // another with 1
	for k := uint32(1); k <= 40; k++ { // a third with 40
		move(k)
	}
	for _, tt := range []struct {
		n    int
		want uint32
	}{{0, 3}, {1, 3}, {2, 2}, {3, 2}, {4, 1}, {sensBuckets - 1, 1}, {40, 1}, {100, 1}} {
		if got := c.atLeast(tt.n); got != tt.want {
			t.Errorf("atLeast(%d) = %d, want %d (counts %v)", tt.n, got, tt.want, c)
		}
	}
	sum := make(dayCounts, sensBuckets)
	sum.add(c)
	sum.add(c)
	if got := sum.atLeast(1); got != 6 {
		t.Errorf("sum of two days: atLeast(1) = %d, want 6", got)
	}
}

// TestChance checks that one employee-day is not yet a routine.
func TestChance(t *testing.T) {
	for _, tt := range []struct {
		k, days uint32
		want    float64
	}{{0, 10, 0}, {1, 10, 0}, {2, 10, 0.1}, {11, 10, 1}, {5, 0, 0}} {
		if got := chance(tt.k, tt.days); got != tt.want {
			t.Errorf("chance(%d, %d) = %v, want %v", tt.k, tt.days, got, tt.want)
		}
	}
}
