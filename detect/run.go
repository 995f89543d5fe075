package detect

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

const batchSize = 1024

type batch struct {
	items []item
	n     int
}

// Progress reports how far a scan is; safe to read from another goroutine.
type Progress struct {
	Read atomic.Int64
}

// Run reads every event of src, explains them in time order and writes the
// results to the engine's Output; at the end of input it closes all groups.
// Parsing and index look-ups run in one goroutine, explaining in the
// calling one; batches of fixed-size items pass between them.
func (en *Engine) Run(ctx context.Context, src Source, prog *Progress) error {
	full := make(chan *batch, 8)
	free := make(chan *batch, 8)
	for i := 0; i < 8; i++ {
		free <- &batch{items: make([]item, batchSize)}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(full)
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
			for b.n < batchSize {
				err := src.Next(ctx, &ev)
				if err != nil {
					if !errors.Is(err, io.EOF) {
						readErr = err
					}
					if b.n > 0 {
						r.finish(b.items[:b.n])
						full <- b
					}
					return
				}
				r.resolve(&ev, &b.items[b.n])
				b.n++
			}
			r.finish(b.items[:b.n])
			if prog != nil {
				prog.Read.Add(int64(b.n))
			}
			full <- b
		}
	}()

	ro := newReorder(int64(time.Duration(en.pol.Windows.Reorder)))
	var cur item
	for b := range full {
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
	for range full { // let the reader finish after a write error
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
	en.res.resolve(ev, &it)
	en.res.finish(unsafeOne(&it))
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
