package detect

import "container/heap"

// reorder releases events in time order although they arrive up to a window
// late. In-order arrivals (the common case) go to a FIFO ring; only the
// stragglers pay for the heap.
type reorder struct {
	window   int64 // nanoseconds
	fifo     []item
	head, n  int
	late     itemHeap
	maxTS    int64
	released int64
	started  bool
}

func newReorder(window int64) *reorder {
	return &reorder{window: window, fifo: make([]item, 1024)}
}

func (r *reorder) fifoPush(it *item) {
	if r.n == len(r.fifo) {
		grown := make([]item, 2*len(r.fifo))
		for i := 0; i < r.n; i++ {
			grown[i] = r.fifo[(r.head+i)%len(r.fifo)]
		}
		r.fifo, r.head = grown, 0
	}
	r.fifo[(r.head+r.n)%len(r.fifo)] = *it
	r.n++
}

// push adds an event. It reports false for a straggler older than what was
// already released: the caller processes that one at once.
func (r *reorder) push(it *item) bool {
	if r.started && it.ts < r.released {
		return false
	}
	if r.n == 0 || it.ts >= r.fifo[(r.head+r.n-1)%len(r.fifo)].ts {
		r.fifoPush(it)
	} else {
		heap.Push(&r.late, *it)
	}
	if it.ts > r.maxTS {
		r.maxTS = it.ts
	}
	return true
}

// pop returns the next event whose time is at least a window behind the
// newest seen, or every remaining one when flush is set.
func (r *reorder) pop(dst *item, flush bool) bool {
	var useFifo bool
	switch {
	case r.n == 0 && len(r.late) == 0:
		return false
	case r.n == 0:
		useFifo = false
	case len(r.late) == 0:
		useFifo = true
	default:
		f := &r.fifo[r.head]
		l := &r.late[0]
		useFifo = f.ts < l.ts || (f.ts == l.ts && f.seq < l.seq)
	}
	var ts int64
	if useFifo {
		ts = r.fifo[r.head].ts
	} else {
		ts = r.late[0].ts
	}
	if !flush && ts > r.maxTS-r.window {
		return false
	}
	if useFifo {
		*dst = r.fifo[r.head]
		r.fifo[r.head].ext = nil
		r.head = (r.head + 1) % len(r.fifo)
		r.n--
	} else {
		*dst = heap.Pop(&r.late).(item)
	}
	r.released, r.started = ts, true
	return true
}

type itemHeap []item

func (h itemHeap) Len() int { return len(h) }
func (h itemHeap) Less(i, j int) bool {
	return h[i].ts < h[j].ts || (h[i].ts == h[j].ts && h[i].seq < h[j].seq)
}
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *itemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
