package interchange

import (
	"io"
	"sync"

	"lekradar"
)

// PipelinedEventReader reads events on a second goroutine and hands them
// over in batches, so that parsing the log and processing the events use two
// cores. Its NextRaw has the contract of EventReader.NextRaw (the slices stay
// valid until the next call), so it is a drop-in replacement.
type PipelinedEventReader struct {
	ch    chan *eventBatch
	free  chan *eventBatch
	stop  chan struct{}
	once  sync.Once
	cur   *eventBatch
	pos   int
	line  int
	err   error // a read error that ended the stream, returned from then on
	raw   RawEvent
	owner *EventReader
}

const (
	eventBatchSize  = 4096
	eventBatchBytes = 512 << 10
)

// eventItem is an event (or an error) in a batch, with its byte fields kept
// as offsets into the batch buffer, which may grow while the batch fills.
type eventItem struct {
	off    [5][2]int32 // id, employee_id, system, person_id, case_id
	ts     int64
	action []byte // a canonical code slice
	line   int
	err    error
}

type eventBatch struct {
	items []eventItem
	buf   []byte
}

// NewPipelinedEventReader starts reading er on a second goroutine. From then
// on er must not be used directly. Call Close when stopping before io.EOF.
func NewPipelinedEventReader(er *EventReader) *PipelinedEventReader {
	p := &PipelinedEventReader{
		ch:    make(chan *eventBatch, 2),
		free:  make(chan *eventBatch, 4),
		stop:  make(chan struct{}),
		owner: er,
	}
	go p.produce(er)
	return p
}

func (p *PipelinedEventReader) produce(er *EventReader) {
	defer close(p.ch)
	var raw RawEvent
	for {
		var b *eventBatch
		select {
		case b = <-p.free:
			b.items, b.buf = b.items[:0], b.buf[:0]
		default:
			b = &eventBatch{items: make([]eventItem, 0, eventBatchSize), buf: make([]byte, 0, eventBatchBytes)}
		}
		end := false
		for len(b.items) < eventBatchSize && len(b.buf) < eventBatchBytes {
			err := er.NextRaw(&raw)
			if err == io.EOF {
				end = true
				break
			}
			it := eventItem{line: er.Line()}
			if err != nil {
				it.err = err
				b.items = append(b.items, it)
				if _, ok := err.(*LineError); !ok {
					end = true
					break
				}
				continue
			}
			for k, f := range [5][]byte{raw.ID, raw.EmployeeID, raw.System, raw.PersonID, raw.CaseID} {
				it.off[k][0] = int32(len(b.buf))
				b.buf = append(b.buf, f...)
				it.off[k][1] = int32(len(b.buf))
			}
			it.ts, it.action = raw.TS, raw.Action
			b.items = append(b.items, it)
		}
		if len(b.items) > 0 {
			select {
			case p.ch <- b:
			case <-p.stop:
				return
			}
		}
		if end {
			return
		}
	}
}

// NextRaw reads the next event; see EventReader.NextRaw.
func (p *PipelinedEventReader) NextRaw(ev *RawEvent) error {
	if p.err != nil {
		return p.err
	}
	for {
		if p.cur != nil && p.pos < len(p.cur.items) {
			it := &p.cur.items[p.pos]
			p.pos++
			p.line = it.line
			if it.err != nil {
				if _, ok := it.err.(*LineError); !ok {
					p.err = it.err
				}
				return it.err
			}
			buf := p.cur.buf
			*ev = RawEvent{
				ID:         buf[it.off[0][0]:it.off[0][1]:it.off[0][1]],
				EmployeeID: buf[it.off[1][0]:it.off[1][1]:it.off[1][1]],
				System:     buf[it.off[2][0]:it.off[2][1]:it.off[2][1]],
				PersonID:   buf[it.off[3][0]:it.off[3][1]:it.off[3][1]],
				CaseID:     buf[it.off[4][0]:it.off[4][1]:it.off[4][1]],
				Action:     it.action,
				TS:         it.ts,
			}
			return nil
		}
		if p.cur != nil {
			select {
			case p.free <- p.cur:
			default:
			}
			p.cur = nil
		}
		b, ok := <-p.ch
		if !ok {
			p.err = io.EOF
			return io.EOF
		}
		p.cur, p.pos = b, 0
	}
}

// Next reads the next event into ev, allocating its strings.
func (p *PipelinedEventReader) Next(ev *lekradar.LookupEvent) error {
	if err := p.NextRaw(&p.raw); err != nil {
		return err
	}
	*ev = p.raw.lookupEvent()
	return nil
}

// Line returns the line number of the event (or error) returned last.
func (p *PipelinedEventReader) Line() int { return p.line }

// Format reports the sniffed format of the log.
func (p *PipelinedEventReader) Format() Format { return p.owner.format }

// Close stops the reading goroutine. It does not wait for a read that is
// blocked in the underlying reader (standard input, say); that goroutine ends
// when the read returns.
func (p *PipelinedEventReader) Close() error {
	p.once.Do(func() { close(p.stop) })
	return nil
}
