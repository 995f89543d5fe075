package interchange

import (
	"context"
	"fmt"
	"io"
)

// pipelineBatch is how many rows the parsing goroutine hands over at once.
const pipelineBatch = 2048

type pipelineItem[T any] struct {
	v    T
	line int
	le   *LineError
}

// readTablePipelined is readTable with the reading and parsing on a second
// goroutine, so that a caller who builds indexes from the rows uses both
// cores. fn and onErr are still called on the calling goroutine, one row at
// a time, in file order.
func readTablePipelined[T any](ctx context.Context, r io.Reader, name string, cols []column,
	parse func(*row, *T) *LineError, fn func(T) error, onErr func(*LineError) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan []pipelineItem[T], 4)
	free := make(chan []pipelineItem[T], 6) // used batches, back for reuse
	var readErr error
	go func() {
		defer close(ch)
		batch := make([]pipelineItem[T], 0, pipelineBatch)
		send := func() error {
			select {
			case ch <- batch:
				select {
				case batch = <-free:
					batch = batch[:0]
				default:
					batch = make([]pipelineItem[T], 0, pipelineBatch)
				}
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		readErr = readTableWith(ctx, r, name, cols, parse, func(v T, tb *table) error {
			batch = append(batch, pipelineItem[T]{v: v, line: tb.csv.recLine})
			if len(batch) == pipelineBatch {
				return send()
			}
			return nil
		}, func(le *LineError) error {
			batch = append(batch, pipelineItem[T]{le: le})
			if len(batch) == pipelineBatch {
				return send()
			}
			return nil
		})
		if readErr == nil && len(batch) > 0 {
			readErr = send()
		}
	}()
	var stop error
	for batch := range ch {
		if stop != nil {
			continue // draining after a stop, so that the reader ends before we return
		}
		for i := range batch {
			it := &batch[i]
			if it.le != nil {
				if err := handleLineError(onErr, it.le); err != nil {
					stop = err
					break
				}
				continue
			}
			if err := fn(it.v); err != nil {
				stop = fmt.Errorf("%s line %d: %w", name, it.line, err)
				break
			}
		}
		if stop != nil {
			cancel()
			continue
		}
		select {
		case free <- batch:
		default:
		}
	}
	if stop != nil {
		return stop
	}
	return readErr
}
