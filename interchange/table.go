package interchange

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unsafe"
)

// column is one column a reader knows. A required column must be in the
// header (its values may still be empty where the format allows unknown).
type column struct {
	name     string
	required bool
}

// table reads a CSV file with a header row and finds the known columns in
// it, in any order; other columns are ignored.
type table struct {
	name  string
	csv   *csvReader
	cols  []column
	pos   []int // per known column: its index in a record, or -1
	width int   // fields in the header
}

func openTable(r io.Reader, name string, cols []column) (*table, error) {
	t := &table{name: name, csv: newCSVReader(newLineReader(r, name)), cols: cols, pos: make([]int, len(cols))}
	if err := t.readHeader(); err != nil {
		return nil, err
	}
	return t, nil
}

// readHeader reads the header row and locates the known columns.
func (t *table) readHeader() error {
	name, cols := t.name, t.cols
	header, err := t.csv.next()
	if err == io.EOF {
		return &LineError{File: name, Line: 1, Msg: "empty file: a header row is required " + requiredList(cols)}
	}
	if err != nil {
		if le, ok := err.(*LineError); ok {
			return le
		}
		return fmt.Errorf("read %s: %w", name, err)
	}
	t.width = len(header)
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.ToLower(string(h))
	}
	for k, c := range cols {
		t.pos[k] = -1
		for i, h := range names {
			if h != c.name {
				continue
			}
			if t.pos[k] >= 0 {
				return &LineError{File: name, Line: t.csv.recLine, Column: c.name, Msg: "column appears twice in the header"}
			}
			t.pos[k] = i
		}
		if t.pos[k] < 0 && c.required {
			return &LineError{File: name, Line: t.csv.recLine, Column: c.name,
				Msg: "required column missing from the header (header has: " + strings.Join(names, ", ") + ")"}
		}
	}
	return nil
}

func requiredList(cols []column) string {
	var req []string
	for _, c := range cols {
		if c.required {
			req = append(req, c.name)
		}
	}
	return "(required columns: " + strings.Join(req, ", ") + ")"
}

// next returns the next record; a record whose field count differs from the
// header's is a LineError.
func (t *table) next() ([][]byte, error) {
	rec, err := t.csv.next()
	if err != nil {
		return nil, err
	}
	if len(rec) != t.width {
		return nil, &LineError{File: t.name, Line: t.csv.recLine,
			Msg: fmt.Sprintf("row has %d fields, the header has %d", len(rec), t.width)}
	}
	return rec, nil
}

// row gives a parser access to one record by known-column index.
type row struct {
	t    *table
	f    [][]byte
	pack []byte // values of the row being packed into one string
	ends []int
	// keep makes pack an arena for the rows of a whole chunk: packed then
	// returns a string aliasing it rather than a copy (see Stage)
	keep bool
	mark int // start of the row being packed in pack
}

// The packing methods let a parser turn several values of a row into strings
// with one allocation: add each value, then call packed once and cut the
// strings out with part. Rows of the big files (persons, case links, shifts)
// are read tens of millions of times, where allocations dominate.
func (r *row) startPack() {
	r.ends = r.ends[:0]
	if r.keep {
		r.mark = len(r.pack)
		return
	}
	r.pack = r.pack[:0]
}

func (r *row) add(b []byte) {
	r.pack = append(r.pack, b...)
	r.ends = append(r.ends, len(r.pack))
}

// packed returns the added values as one string; part(s, k) cuts out the
// k-th of them.
func (r *row) packed() string {
	if r.keep {
		if len(r.pack) == r.mark {
			return ""
		}
		// The arena is not written again until the rows cut from it are
		// done with; a reallocation leaves older strings on the old array.
		return unsafe.String(&r.pack[r.mark], len(r.pack)-r.mark)
	}
	return string(r.pack)
}

// view returns b as a string: in keep mode one that aliases the chunk
// (valid as long as the rows cut from it, see Stage), else a copy.
func (r *row) view(b []byte) string {
	if !r.keep {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *row) part(s string, k int) string {
	start := r.mark
	if k > 0 {
		start = r.ends[k-1]
	}
	return s[start-r.mark : r.ends[k]-r.mark]
}

func (r *row) get(k int) []byte {
	p := r.t.pos[k]
	if p < 0 {
		return nil
	}
	return r.f[p]
}

func (r *row) str(k int) string { return string(r.get(k)) }

func (r *row) fail(k int, v []byte, msg string) *LineError {
	return newLineError(r.t.name, r.t.csv.recLine, r.t.cols[k].name, v, msg)
}

// required returns the value of column k, or a LineError when it is empty.
func (r *row) required(k int) (string, *LineError) {
	v := r.get(k)
	if len(v) == 0 {
		return "", r.fail(k, nil, "value is required")
	}
	return string(v), nil
}

// need checks that column k has a value.
func (r *row) need(k int) *LineError {
	if len(r.get(k)) == 0 {
		return r.fail(k, nil, "value is required")
	}
	return nil
}

// timestamp parses the required RFC 3339 timestamp in column k.
func (r *row) timestamp(k int) (int64, *LineError) {
	v := r.get(k)
	if len(v) == 0 {
		return 0, r.fail(k, nil, "value is required")
	}
	ns, ok := parseTimestamp(v)
	if !ok {
		return 0, r.fail(k, v, timeProblem(v, timestampMsg, false))
	}
	return ns, nil
}

// code returns the canonical code of column k; empty gives "" when optional.
func (r *row) code(k int, codes []string, what string, optional bool) (string, *LineError) {
	v := r.get(k)
	if len(v) == 0 {
		if optional {
			return "", nil
		}
		return "", r.fail(k, nil, "value is required "+allowedList(codes))
	}
	c, ok := matchCode(v, codes)
	if !ok {
		return "", r.fail(k, v, "not a "+what+" "+allowedList(codes))
	}
	return c, nil
}

// ctxCheckEvery is how many rows pass between checks for cancellation.
const ctxCheckEvery = 1 << 14

// readTable runs the read loop shared by every context file: parse each row,
// route bad rows to onErr, hand good ones to fn.
func readTable[T any](ctx context.Context, r io.Reader, name string, cols []column,
	parse func(*row, *T) *LineError, fn func(T) error, onErr func(*LineError) error) error {
	var each func(T, *table) error
	if fn != nil {
		each = func(v T, t *table) error {
			if err := fn(v); err != nil {
				return fmt.Errorf("%s line %d: %w", name, t.csv.recLine, err)
			}
			return nil
		}
	}
	return readTableWith(ctx, r, name, cols, parse, each, onErr)
}

// readTableWith is readTable with the row callback given the table (for its
// line number) and returning errors unwrapped.
func readTableWith[T any](ctx context.Context, r io.Reader, name string, cols []column,
	parse func(*row, *T) *LineError, fn func(T, *table) error, onErr func(*LineError) error) error {
	t, err := openTable(r, name, cols)
	if err != nil {
		return err
	}
	return scanRows(ctx, t, parse, fn, onErr)
}

// scanRows parses every remaining row of t and hands it to fn (when not
// nil); bad rows go to onErr.
func scanRows[T any](ctx context.Context, t *table,
	parse func(*row, *T) *LineError, fn func(T, *table) error, onErr func(*LineError) error) error {
	rw := row{t: t}
	// One value, reused: a fresh one per row would escape to the heap
	// through the parse function value.
	var v, zero T
	for n := 1; ; n++ {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := t.next()
		if err != nil {
			if err == io.EOF {
				return ctx.Err()
			}
			if le, ok := err.(*LineError); ok {
				if err := handleLineError(onErr, le); err != nil {
					return err
				}
				continue
			}
			return fmt.Errorf("read %s: %w", t.name, err)
		}
		rw.f = rec
		v = zero
		if le := parse(&rw, &v); le != nil {
			if err := handleLineError(onErr, le); err != nil {
				return err
			}
			continue
		}
		if fn != nil {
			if err := fn(v, t); err != nil {
				return err
			}
		}
	}
}
