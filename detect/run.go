package detect

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

const batchSize = 1024

type batch struct {
	items []item
	n     int
	ids   idSet
	ready chan struct{} // a worker has resolved and prepared the batch
}

// Progress reports how far a scan is; safe to read from another goroutine.
type Progress struct {
	Read atomic.Int64
}

// Run reads every event of src, explains them in time order and writes the
// results to the engine's Output; at the end of input it closes all groups.
//
// Three stages pass batches of fixed-size items: one goroutine parses
// (the source is a stream), workers resolve the ids against the index and
// decide what the index alone decides (prepare), and the calling goroutine
// takes the batches in their original order and does what depends on the
// look-ups before (baselines, repeats, patterns, grouping). The index work
// is most of the cost, with cache misses in tables of millions of rows, so
// it is the part spread over the cores.
func (en *Engine) Run(ctx context.Context, src Source, prog *Progress) error {
	workers := max(runtime.GOMAXPROCS(0), 1)
	inFlight := 4 * (workers + 2)
	order := make(chan *batch, inFlight) // in input order, to the engine
	work := make(chan *batch, inFlight)  // to whichever worker is free
	free := make(chan *batch, inFlight)
	for i := 0; i < inFlight; i++ {
		free <- &batch{items: make([]item, batchSize), ready: make(chan struct{}, 1)}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(work)
		defer close(order)
		r := resolver{ix: en.ix, seed: en.ix.seed}
		var ev Event
		for {
			var b *batch
			select {
			case b = <-free:
			case <-ctx.Done():
				readErr = ctx.Err()
				return
			}
			b.n = 0
			var err error
			for b.n < batchSize {
				if err = src.Next(ctx, &ev); err != nil {
					break
				}
				r.resolve(&ev, &b.items[b.n], &b.ids)
				b.n++
			}
			if b.n > 0 {
				if prog != nil {
					prog.Read.Add(int64(b.n))
				}
				order <- b
				work <- b
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
		}
	}()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := resolver{ix: en.ix, seed: en.ix.seed}
			for b := range work {
				items := b.items[:b.n]
				r.finish(items, &b.ids)
				for j := range items {
					en.prepare(&items[j])
				}
				b.ready <- struct{}{}
			}
		}()
	}

	ro := newReorder(int64(time.Duration(en.pol.Windows.Reorder)))
	var cur item
	for b := range order {
		<-b.ready
		for i := 0; i < b.n; i++ {
			it := &b.items[i]
			if !ro.push(it) {
				en.Stats.Late++
				en.process(it)
			}
			for ro.pop(&cur, false) {
				en.process(&cur)
			}
			it.ext = nil
		}
		free <- b
		if en.err != nil {
			cancel()
			break
		}
	}
	for range order { // let the reader finish after a write error
	}
	wg.Wait()
	for ro.pop(&cur, true) {
		en.process(&cur)
	}
	en.flushAll()
	if en.err != nil {
		return en.err
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return readErr
	}
	return ctx.Err()
}

// SliceSource serves events from memory, for tests and benchmarks.
type SliceSource struct {
	Events []Event
	i      int
}

// Next implements Source.
func (s *SliceSource) Next(_ context.Context, ev *Event) error {
	if s.i >= len(s.Events) {
		return io.EOF
	}
	*ev = s.Events[s.i]
	s.i++
	return nil
}

// Feed explains one event synchronously, for sources that push events (a
// message-queue consumer) rather than being pulled by Run. Call Finish at
// the end of input to close the open groups.
func (en *Engine) Feed(ev *Event) error {
	if en.ro == nil {
		en.ro = newReorder(int64(time.Duration(en.pol.Windows.Reorder)))
		en.res = &resolver{ix: en.ix, seed: en.ix.seed}
	}
	var it item
	en.res.resolve(ev, &it, &en.ids)
	en.res.finish(unsafeOne(&it), &en.ids)
	en.prepare(&it)
	if !en.ro.push(&it) {
		en.Stats.Late++
		en.process(&it)
	}
	for en.ro.pop(&en.cur, false) {
		en.process(&en.cur)
	}
	return en.err
}

// Finish releases the events still held for reordering and closes every
// open group, writing their alerts.
func (en *Engine) Finish() error {
	if en.ro != nil {
		for en.ro.pop(&en.cur, true) {
			en.process(&en.cur)
		}
	}
	en.flushAll()
	return en.err
}

func unsafeOne(it *item) []item { return unsafe.Slice(it, 1) }
