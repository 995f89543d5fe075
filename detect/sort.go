package detect

import (
	"bufio"
	"cmp"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// SortEvents reads every event of src and returns a Source that serves them
// in time order (events with the same time in the order src gave them),
// for a log too far out of order for the engine's reorder window: two
// systems' exports concatenated, or a log written per employee. Memory is
// bounded by memBytes: events are sorted in runs of about that size, which
// are spilled to temporary files in dir (os.TempDir() when empty) and
// merged. The files are unlinked as soon as they are created, so nothing
// is left behind, even after a crash. Close releases them.
func SortEvents(ctx context.Context, src Source, dir string, memBytes int) (*SortedSource, error) {
	if memBytes < 1<<16 {
		memBytes = 1 << 16
	}
	s := &SortedSource{}
	// The arena is allocated at its full size once: grown by append it
	// would double past the bound.
	c := chunk{data: make([]byte, 0, memBytes+1<<16)}
	var (
		ev  Event
		err error
		n   int
	)
	for {
		if n++; n&4095 == 0 {
			if err := ctx.Err(); err != nil {
				s.Close()
				return nil, err
			}
		}
		if err = src.Next(ctx, &ev); err != nil {
			break
		}
		c.add(&ev)
		if len(c.data) >= memBytes {
			if err := s.spill(&c, dir); err != nil {
				s.Close()
				return nil, err
			}
		}
	}
	if !errors.Is(err, io.EOF) {
		s.Close()
		return nil, err
	}
	c.sort()
	if len(s.runs) == 0 {
		s.mem = &c // it all fitted: served from memory
		return s, nil
	}
	if len(c.recs) > 0 {
		if err := s.spill(&c, dir); err != nil {
			s.Close()
			return nil, err
		}
	}
	for i, r := range s.runs {
		if _, err := r.f.Seek(0, io.SeekStart); err != nil {
			s.Close()
			return nil, fmt.Errorf("sort events: %w", err)
		}
		r.br = bufio.NewReaderSize(r.f, 1<<20)
		r.order = i
		if err := r.next(); err == nil {
			s.heap = append(s.heap, r)
		} else if !errors.Is(err, io.EOF) {
			s.Close()
			return nil, err
		}
	}
	heap.Init(&s.heap)
	return s, nil
}

// SortedSource serves the events SortEvents sorted.
type SortedSource struct {
	mem  *chunk // when every event fitted in memory
	next int    // into mem.recs
	runs []*run
	heap runHeap
	last *run // the run the previous event came from: advanced on the next call
}

// Next implements Source.
func (s *SortedSource) Next(_ context.Context, ev *Event) error {
	if s.mem != nil {
		if s.next >= len(s.mem.recs) {
			return io.EOF
		}
		decodeEvent(s.mem.data[s.mem.recs[s.next].off:], ev)
		s.next++
		return nil
	}
	// The previous event's bytes live in its run's buffer until now.
	if s.last != nil {
		if err := s.last.next(); err == nil {
			heap.Fix(&s.heap, 0)
		} else if errors.Is(err, io.EOF) {
			heap.Pop(&s.heap)
		} else {
			return err
		}
		s.last = nil
	}
	if len(s.heap) == 0 {
		return io.EOF
	}
	r := s.heap[0]
	*ev = r.ev
	s.last = r
	return nil
}

// Close removes the temporary files.
func (s *SortedSource) Close() error {
	var first error
	for _, r := range s.runs {
		if err := r.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	s.runs, s.heap, s.mem = nil, nil, nil
	return first
}

// Runs is how many sorted runs were spilled to disk (0: sorted in memory).
func (s *SortedSource) Runs() int { return len(s.runs) }

func (s *SortedSource) spill(c *chunk, dir string) error {
	c.sort()
	f, err := os.CreateTemp(dir, "lekradar-sort-*")
	if err != nil {
		return fmt.Errorf("sort events: %w", err)
	}
	// Unlinked at once: the open file stays readable and nothing outlives
	// the process. (Where unlinking an open file fails, Close removes it.)
	_ = os.Remove(f.Name())
	s.runs = append(s.runs, &run{f: f})
	w := bufio.NewWriterSize(f, 1<<20)
	for _, r := range c.recs {
		rec := c.data[r.off:]
		if _, err := w.Write(rec[:recordLen(rec)]); err != nil {
			return fmt.Errorf("sort events: write %s: %w", f.Name(), err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("sort events: write %s: %w", f.Name(), err)
	}
	c.data, c.recs = c.data[:0], c.recs[:0]
	return nil
}

// chunk holds encoded events and their order.
type chunk struct {
	data []byte
	recs []chunkRec
}

type chunkRec struct {
	ts  int64
	off int
}

func (c *chunk) add(ev *Event) {
	c.recs = append(c.recs, chunkRec{ev.TS, len(c.data)})
	c.data = encodeEvent(c.data, ev)
}

func (c *chunk) sort() {
	slices.SortStableFunc(c.recs, func(a, b chunkRec) int { return cmp.Compare(a.ts, b.ts) })
}

// An encoded event: its length (4 bytes), the time (8), the action (1),
// then id, employee, system, person and case number, each a 4-byte length
// and its bytes.
func encodeEvent(dst []byte, ev *Event) []byte {
	start := len(dst)
	dst = binary.LittleEndian.AppendUint32(dst, 0)
	dst = binary.LittleEndian.AppendUint64(dst, uint64(ev.TS))
	dst = append(dst, byte(ev.Action))
	for _, f := range [...][]byte{ev.ID, ev.EmployeeID, ev.System, ev.PersonID, ev.CaseID} {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(len(f)))
		dst = append(dst, f...)
	}
	binary.LittleEndian.PutUint32(dst[start:], uint32(len(dst)-start))
	return dst
}

func recordLen(rec []byte) int { return int(binary.LittleEndian.Uint32(rec)) }

// decodeEvent fills ev from an encoded event; the slices alias rec.
func decodeEvent(rec []byte, ev *Event) {
	ev.TS = int64(binary.LittleEndian.Uint64(rec[4:]))
	ev.Action = Action(rec[12])
	i := 13
	field := func() []byte {
		n := int(binary.LittleEndian.Uint32(rec[i:]))
		b := rec[i+4 : i+4+n : i+4+n]
		i += 4 + n
		return b
	}
	ev.ID, ev.EmployeeID, ev.System, ev.PersonID = field(), field(), field(), field()
	if ev.CaseID = field(); len(ev.CaseID) == 0 {
		ev.CaseID = nil
	}
	if len(ev.System) == 0 {
		ev.System = nil
	}
}

// run is one spilled, sorted run being merged.
type run struct {
	f     *os.File
	br    *bufio.Reader
	buf   []byte
	ev    Event
	order int // runs hold consecutive stretches of the log: ties go to the earlier
}

func (r *run) next() error {
	var n [4]byte
	if _, err := io.ReadFull(r.br, n[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("sort events: a temporary run was cut short")
		}
		return err
	}
	size := int(binary.LittleEndian.Uint32(n[:]))
	if size < 13+5*4 {
		return fmt.Errorf("sort events: a temporary run is damaged")
	}
	if cap(r.buf) < size {
		r.buf = make([]byte, size, 2*size)
	}
	r.buf = r.buf[:size]
	copy(r.buf, n[:])
	if _, err := io.ReadFull(r.br, r.buf[4:]); err != nil {
		return fmt.Errorf("sort events: a temporary run was cut short: %w", err)
	}
	decodeEvent(r.buf, &r.ev)
	return nil
}

type runHeap []*run

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if h[i].ev.TS != h[j].ev.TS {
		return h[i].ev.TS < h[j].ev.TS
	}
	return h[i].order < h[j].order
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*run)) }
func (h *runHeap) Pop() any {
	old := *h
	r := old[len(old)-1]
	*h = old[:len(old)-1]
	return r
}
