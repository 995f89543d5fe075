package interchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// RowKeys is what a Stage's Prepare computes for one row, typically hashes
// of its keys, for its Add to use.
type RowKeys = [4]uint64

// Stage is a two-step row callback that lets ReadContextDir parse a big file
// (persons.csv, relations.csv) on all cores. Prepare is called on the
// goroutines that parse, several at once, for each good row; it must only
// read state that does not change while the file is read. Add is called on
// the goroutine of ReadContextDir, in file order, with runs of consecutive
// good rows and what Prepare wrote for each; bad rows go to OnError between
// the runs, in file order too.
//
// The strings of the rows (and their Flags) are valid only until Add
// returns: they alias the reader's buffers. Clone what is kept.
type Stage[T any] struct {
	Prepare func(*T, *RowKeys)
	Add     func(rows []T, keys []RowKeys) error
}

// chunkBytes is how much of a file one parsing goroutine takes at a time.
// It is larger than MaxLineBytes, so that a line that is too long still
// ends in the chunk it starts in and is reported like the sequential reader
// reports it.
var chunkBytes = 2 << 20 // a variable for tests

// chunk is a run of whole lines of a file and, once parsed, its rows.
type chunk[T any] struct {
	data     []byte
	firstNum int // number of the line before data's first line
	lines    int // lines in data
	done     chan struct{}

	// fallback, when set, is the rest of the file from data's first line on,
	// for the sequential reader: it may contain quoted fields.
	fallback io.Reader

	rows  []T
	keys  []RowKeys
	errs  []chunkErr
	arena []byte // the rows' strings
	err   error  // context cancelled while parsing
}

// chunkErr is a bad row, reported before rows[at].
type chunkErr struct {
	at int
	le *LineError
}

// readTableStaged reads a CSV file into a Stage. After the header, the file
// is cut into chunks at line ends and the chunks are parsed on several
// goroutines. A chunk boundary can only be trusted where no quoted field
// spans it, so this is done only while no '"' has been seen: from the first
// chunk holding one to the end of the file, the sequential reader takes over.
// Either way rows and errors arrive in file order with their line numbers.
func readTableStaged[T any](ctx context.Context, r io.Reader, name string, cols []column,
	parse func(*row, *T) *LineError, st *Stage[T], onErr func(*LineError) error) error {
	t, err := openTable(r, name, cols)
	if err != nil {
		return err
	}
	// What the line reader has buffered beyond the header comes first.
	br := t.csv.lr.br
	head, _ := br.Peek(br.Buffered())
	head = bytes.Clone(head)
	startLine := t.csv.lr.line

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(runtime.GOMAXPROCS(0), 1)
	free := make(chan *chunk[T], workers+3)
	for range workers + 3 {
		free <- &chunk[T]{done: make(chan struct{}, 1)}
	}
	work := make(chan *chunk[T], workers)
	order := make(chan *chunk[T], workers+2)
	var wg sync.WaitGroup
	var readErr error // set by the splitter before it closes order

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(work)
		readErr = splitChunks(ctx, io.MultiReader(bytes.NewReader(head), r), startLine, free, work, order)
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := chunkParser[T]{t: table{name: t.name, cols: t.cols, pos: t.pos, width: t.width, csv: &csvReader{}},
				parse: parse, prepare: st.Prepare}
			for c := range work {
				p.run(ctx, c)
				c.done <- struct{}{}
			}
		}()
	}
	stop := func(err error) error {
		cancel()
		for c := range order { // let the goroutines end before r is closed
			if c.fallback == nil {
				<-c.done
			}
		}
		wg.Wait()
		return err
	}
	for c := range order {
		if c.fallback != nil {
			// The splitter has ended: it hands over the rest of the file.
			wg.Wait()
			return stop(readStagedSequential(ctx, c.fallback, t, c.firstNum, parse, st, onErr))
		}
		<-c.done
		if c.err != nil {
			return stop(c.err)
		}
		at := 0
		for _, e := range c.errs {
			if e.at > at {
				if err := st.Add(c.rows[at:e.at], c.keys[at:e.at]); err != nil {
					return stop(fmt.Errorf("%s: %w", name, err))
				}
				at = e.at
			}
			if err := handleLineError(onErr, e.le); err != nil {
				return stop(err)
			}
		}
		if at < len(c.rows) {
			if err := st.Add(c.rows[at:], c.keys[at:]); err != nil {
				return stop(fmt.Errorf("%s: %w", name, err))
			}
		}
		c.release()
		free <- c
	}
	wg.Wait()
	if readErr != nil {
		if errors.Is(readErr, context.Canceled) || errors.Is(readErr, context.DeadlineExceeded) {
			return readErr
		}
		return fmt.Errorf("read %s: %w", name, readErr)
	}
	return ctx.Err()
}

// release drops the references a used chunk holds into its rows, so that
// nothing the callbacks saw stays reachable through the free list.
func (c *chunk[T]) release() {
	clear(c.rows)
	c.rows = c.rows[:0]
	c.keys = c.keys[:0]
	clear(c.errs)
	c.errs = c.errs[:0]
	c.arena = c.arena[:0]
	c.err = nil
}

// splitChunks reads r into chunks of whole lines, in file order onto both
// work (for a parser) and order (for the consumer). On the first chunk that
// holds a '"' or no line end at all, it sends a fallback chunk with the
// rest of the file and stops.
func splitChunks[T any](ctx context.Context, r io.Reader, line int, free, work, order chan *chunk[T]) error {
	var carry []byte
	for {
		var c *chunk[T]
		select {
		case c = <-free:
		case <-ctx.Done():
			return ctx.Err()
		}
		buf := append(c.data[:0], carry...)
		if cap(buf) < len(carry)+chunkBytes {
			buf = make([]byte, len(carry), len(carry)+chunkBytes+chunkBytes/4)
			copy(buf, carry)
		}
		n, err := io.ReadFull(r, buf[len(buf):len(carry)+chunkBytes])
		buf = buf[:len(carry)+n]
		eof := false
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			eof = true
		case err != nil:
			return err
		}
		if len(buf) == 0 {
			return nil
		}
		end := len(buf)
		if !eof {
			end = bytes.LastIndexByte(buf, '\n') + 1
		}
		if end == 0 || bytes.IndexByte(buf[:end], '"') >= 0 {
			c.data = buf
			c.firstNum = line
			c.fallback = io.MultiReader(bytes.NewReader(buf), r)
			select {
			case order <- c:
			case <-ctx.Done():
			}
			return nil
		}
		carry = append(carry[:0], buf[end:]...)
		c.data = buf[:end]
		c.firstNum = line
		c.lines = bytes.Count(c.data, []byte{'\n'})
		if eof && c.data[len(c.data)-1] != '\n' {
			c.lines++
		}
		line += c.lines
		select {
		case order <- c:
		case <-ctx.Done():
			return ctx.Err()
		}
		work <- c // a parser is waiting or soon free: work has room for each
		if eof {
			return nil
		}
	}
}

// chunkParser parses the lines of a chunk as csvReader, table and
// readTableWith would, for a file without quotes.
type chunkParser[T any] struct {
	t       table
	parse   func(*row, *T) *LineError
	prepare func(*T, *RowKeys)
	fields  [][]byte
}

func (p *chunkParser[T]) run(ctx context.Context, c *chunk[T]) {
	if err := ctx.Err(); err != nil {
		c.err = err
		return
	}
	// Values alias data; the arena holds those a parser rewrites (such as
	// postcodes to normalise), if any. Growing it leaves the strings cut
	// before on the old array, so a guess will do.
	if cap(c.arena) < len(c.data)/4 {
		c.arena = make([]byte, 0, len(c.data)/4)
	}
	if cap(c.rows) < c.lines {
		c.rows = make([]T, 0, c.lines)
		c.keys = make([]RowKeys, 0, c.lines)
	}
	rw := row{t: &p.t, pack: c.arena[:0], keep: true}
	data := c.data
	num := c.firstNum
	var zero T
	for len(data) > 0 {
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		num++
		p.t.csv.recLine = num
		if n := len(ln); n > 0 && ln[n-1] == '\r' {
			ln = ln[:n-1]
		}
		if len(ln) > MaxLineBytes {
			c.errs = append(c.errs, chunkErr{len(c.rows), &LineError{File: p.t.name, Line: num, Msg: "line longer than 1 MiB"}})
			continue
		}
		if isBlank(ln) {
			continue
		}
		p.fields = splitUnquoted(ln, p.fields[:0])
		if len(p.fields) != p.t.width {
			c.errs = append(c.errs, chunkErr{len(c.rows), &LineError{File: p.t.name, Line: num,
				Msg: fmt.Sprintf("row has %d fields, the header has %d", len(p.fields), p.t.width)}})
			continue
		}
		rw.f = p.fields
		c.rows = append(c.rows, zero)
		v := &c.rows[len(c.rows)-1]
		if le := p.parse(&rw, v); le != nil {
			c.rows = c.rows[:len(c.rows)-1]
			c.errs = append(c.errs, chunkErr{len(c.rows), le})
			continue
		}
		c.keys = append(c.keys, RowKeys{})
		if p.prepare != nil {
			p.prepare(v, &c.keys[len(c.keys)-1])
		}
	}
	c.arena = rw.pack
}

// readStagedSequential reads the rest of a file, from after line num on,
// with the sequential reader, for a Stage.
func readStagedSequential[T any](ctx context.Context, r io.Reader, t0 *table, num int,
	parse func(*row, *T) *LineError, st *Stage[T], onErr func(*LineError) error) error {
	lr := newLineReader(r, t0.name)
	lr.first = false
	lr.line = num
	t := &table{name: t0.name, cols: t0.cols, pos: t0.pos, width: t0.width, csv: newCSVReader(lr)}
	var rows [1]T
	var keys [1]RowKeys
	return scanRows(ctx, t, parse, func(v T, t *table) error {
		rows[0], keys[0] = v, RowKeys{}
		if st.Prepare != nil {
			st.Prepare(&rows[0], &keys[0])
		}
		if err := st.Add(rows[:], keys[:]); err != nil {
			return fmt.Errorf("%s line %d: %w", t.name, t.csv.recLine, err)
		}
		return nil
	}, onErr)
}
