package interchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// OrderCheck is what CheckEventOrder found.
type OrderCheck struct {
	InOrder bool
	// Line is the first line whose event lies more than the window behind
	// an earlier one (when not in order).
	Line int
	// Behind is how far that event lies behind.
	Behind time.Duration
}

// CheckEventOrder reads a look-up log (JSON Lines or CSV, as
// NewEventReader) only as far as each event's timestamp and reports whether
// every event is at most window earlier than the latest one before it:
// whether a scan that holds events back for window sees them in time
// order. It stops at the first event that is not.
//
// It must read every event as the scan reads it: a wrong "in order" lets a
// shuffled log through unsorted. CSV records go through the event reader
// itself (quotes, line breaks in fields, header spelling). JSON Lines are
// read in blocks; a block whose every line is a flat object with one "ts"
// key (no escapes, nested values or keys that fold to "ts") is read with a
// plain search per line, any other through the event parser. Malformed
// events are passed over: the scan reports them.
func CheckEventOrder(r io.Reader, window time.Duration) (OrderCheck, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	c := orderChecker{window: int64(window)}
	if first, err := firstContentByte(br); err != nil {
		return OrderCheck{}, fmt.Errorf("read events: %w", err)
	} else if first != '{' && first != 0 {
		return c.csv(br)
	}
	oc, _, err := c.jsonLines(br)
	return oc, err
}

type orderChecker struct {
	window   int64
	latest   int64 // the latest event time seen
	earliest int64 // the earliest event time seen
	started  bool
	raw      RawEvent
}

// behind reports whether an event at ns lies beyond the window, else takes
// it into the latest time seen.
func (c *orderChecker) behind(ns int64) (time.Duration, bool) {
	if c.started && ns < c.latest-c.window {
		return time.Duration(c.latest - ns), true
	}
	if !c.started {
		c.latest, c.earliest, c.started = ns, ns, true
	}
	c.latest, c.earliest = max(c.latest, ns), min(c.earliest, ns)
	return 0, false
}

func (c *orderChecker) csv(r io.Reader) (OrderCheck, error) {
	er, err := NewEventReader(r, "events")
	if err != nil {
		var le *LineError
		if errors.As(err, &le) {
			return OrderCheck{InOrder: true}, nil // a bad header: the scan reports it
		}
		return OrderCheck{}, err
	}
	for {
		err := er.nextCSV(&c.raw)
		if err == io.EOF {
			return OrderCheck{InOrder: true}, nil
		}
		if err != nil {
			if _, ok := err.(*LineError); ok {
				continue
			}
			return OrderCheck{}, err
		}
		if d, ok := c.behind(c.raw.TS); ok {
			return OrderCheck{Line: er.line, Behind: d}, nil
		}
	}
}

// orderBlockBytes is how much of a JSON Lines log is judged at a time: it
// holds a line of MaxLineBytes whole.
const orderBlockBytes = 4 << 20

// jsonLines checks a JSON Lines log, or a part of one that starts at a line;
// it returns how many lines it read.
func (c *orderChecker) jsonLines(r io.Reader) (OrderCheck, int, error) {
	er := &EventReader{name: "events"} // its parser, for lines a plain search cannot read
	buf := make([]byte, orderBlockBytes)
	have, line := 0, 0
	skipping := false // the rest of an overlong line
	for first := true; ; first = false {
		n, err := io.ReadFull(r, buf[have:])
		have += n
		eof := err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return OrderCheck{}, line, fmt.Errorf("read events: %w", err)
		}
		data := buf[:have]
		if first {
			data = bytes.TrimPrefix(data, bom)
		}
		end := bytes.LastIndexByte(data, '\n') + 1
		if eof {
			end = len(data)
		}
		if have == 0 {
			return OrderCheck{InOrder: true}, line, nil
		}
		if end == 0 { // no line end in a whole block: an overlong line
			skipping, have = true, 0
			continue
		}
		block := data[:end]
		if skipping {
			if i := bytes.IndexByte(block, '\n'); i >= 0 {
				block = block[i+1:]
			} else {
				block = nil // the log ends inside the overlong line
			}
			skipping = false
			line++
		}
		plain := plainBlock(block)
		for len(block) > 0 {
			var ln []byte
			if i := bytes.IndexByte(block, '\n'); i >= 0 {
				ln, block = block[:i], block[i+1:]
			} else {
				ln, block = block, nil
			}
			line++
			ln = trimSpace(ln)
			if len(ln) == 0 || len(ln) > MaxLineBytes {
				continue
			}
			var ts []byte
			if plain && endsObject(ln) {
				ts = plainTS(ln)
			}
			ns, ok := parseTimestamp(ts)
			if ts == nil || !ok {
				er.line = line
				if ln[0] != '{' || er.parseJSON(ln, 0, &c.raw) != nil {
					continue
				}
				ns = c.raw.TS
			}
			if d, ok := c.behind(ns); ok {
				return OrderCheck{Line: line, Behind: d}, line, nil
			}
		}
		if eof {
			return OrderCheck{InOrder: true}, line, nil
		}
		have = copy(buf, data[end:])
	}
}

var (
	tsKey        = []byte(`"ts"`)
	tsKeysFolded = [][]byte{[]byte(`"TS"`), []byte(`"Ts"`), []byte(`"tS"`)}
)

// plainBlock reports whether a plain search can find each line's "ts" for
// certain: every line is one flat object (as many '{' as lines, no '['),
// without escapes, and no key folds to "ts" (plainTS sees to a second
// "ts"). The searches run over the whole block many bytes at a time; one
// line off the pattern sends the block to the parser.
func plainBlock(b []byte) bool {
	lines := bytes.Count(b, []byte{'\n'})
	if len(b) > 0 && b[len(b)-1] != '\n' {
		lines++
	}
	if bytes.IndexByte(b, '\\') >= 0 || bytes.IndexByte(b, '[') >= 0 || bytes.Count(b, []byte{'{'}) != lines {
		return false
	}
	for _, k := range tsKeysFolded {
		if bytes.Contains(b, k) {
			return false
		}
	}
	return true
}

// plainTS is the value of the "ts" key of a line of a plain block when it
// is a string and the only "ts" of the line, or nil.
func plainTS(line []byte) []byte {
	i := bytes.Index(line, tsKey)
	if i < 0 {
		return nil
	}
	i = skipWS(line, i+len(tsKey))
	if i >= len(line) || line[i] != ':' {
		return nil
	}
	i = skipWS(line, i+1)
	if i >= len(line) || line[i] != '"' {
		return nil
	}
	j := bytes.IndexByte(line[i+1:], '"')
	if j < 0 {
		return nil
	}
	// Another "ts" (a key given twice, whose last counts) ends in ts". The
	// search starts with a 't' rather than a quote: there are fewer.
	if bytes.Contains(line[i+2+j:], tsKey[1:]) {
		return nil
	}
	return bytes.TrimSpace(line[i+1 : i+1+j])
}

// firstContentByte peeks at the first byte of the input that is not white
// space or a byte order mark, or 0 when the first 64 KiB hold none.
func firstContentByte(br *bufio.Reader) (byte, error) {
	b, err := br.Peek(br.Size())
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	b = bytes.TrimPrefix(b, bom)
	for _, c := range b {
		if !isSpace(c) {
			return c, nil
		}
	}
	return 0, nil
}

// endsObject reports whether the line's last byte other than white space
// closes a JSON object.
func endsObject(line []byte) bool {
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '}':
			return true
		default:
			return false
		}
	}
	return false
}

// CheckEventOrderFile is CheckEventOrder on a log file, with a JSON Lines
// file read in parts concurrently: the check runs while the context loads,
// and a compiled context loads faster than one core reads a national log.
// A compressed or CSV file is read in one pass (a CSV record may span
// lines, so a part could start inside one).
func CheckEventOrderFile(path string, window time.Duration, parts int) (OrderCheck, error) {
	f, err := os.Open(path)
	if err != nil {
		return OrderCheck{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return OrderCheck{}, err
	}
	if parts < 2 || strings.HasSuffix(path, ".gz") || fi.Size() < orderBlockBytes {
		rc, err := OpenEvents(path)
		if err != nil {
			return OrderCheck{}, err
		}
		defer rc.Close()
		return CheckEventOrder(rc, window)
	}
	br := bufio.NewReaderSize(io.NewSectionReader(f, 0, fi.Size()), 64<<10)
	if first, err := firstContentByte(br); err != nil {
		return OrderCheck{}, fmt.Errorf("read events: %w", err)
	} else if first != '{' && first != 0 {
		return CheckEventOrder(br, window)
	}
	bounds, err := lineBounds(f, fi.Size(), parts)
	if err != nil {
		return OrderCheck{}, err
	}
	return checkParts(f, bounds, window)
}

// checkParts checks the JSON Lines log in f, whose parts start at bounds
// (the last bound is the end).
func checkParts(f io.ReaderAt, bounds []int64, window time.Duration) (OrderCheck, error) {
	type result struct {
		c     orderChecker
		oc    OrderCheck
		lines int
		err   error
	}
	res := make([]result, len(bounds)-1)
	var wg sync.WaitGroup
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &res[i]
			r.c.window = int64(window)
			r.oc, r.lines, r.err = r.c.jsonLines(io.NewSectionReader(f, bounds[i], bounds[i+1]-bounds[i]))
		}()
	}
	wg.Wait()
	// Part k is in order after the parts before it when it is in order
	// itself and none of its events lies beyond the window behind their
	// latest; the first part that is not is read again after them.
	var before orderChecker
	before.window = int64(window)
	offset := 0
	for i := range res {
		r := &res[i]
		if r.err != nil {
			return OrderCheck{}, r.err
		}
		if !r.oc.InOrder || (before.started && r.c.started && r.c.earliest < before.latest-before.window) {
			oc, _, err := before.jsonLines(io.NewSectionReader(f, bounds[i], bounds[i+1]-bounds[i]))
			if err != nil {
				return OrderCheck{}, err
			}
			oc.Line += offset
			return oc, nil
		}
		if r.c.started {
			if !before.started {
				before.latest, before.earliest, before.started = r.c.latest, r.c.earliest, true
			}
			before.latest = max(before.latest, r.c.latest)
		}
		offset += r.lines
	}
	return OrderCheck{InOrder: true}, nil
}

// lineBounds splits a file of size bytes into at most parts byte ranges
// that each start at the start of a line.
func lineBounds(f io.ReaderAt, size int64, parts int) ([]int64, error) {
	bounds := []int64{0}
	buf := make([]byte, 64<<10)
	for k := 1; k < parts; k++ {
		at := max(size*int64(k)/int64(parts), bounds[len(bounds)-1])
		for at < size {
			n, err := f.ReadAt(buf, at)
			if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
				at += int64(i) + 1
				break
			}
			at += int64(n)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("read events: %w", err)
			}
		}
		if at < size && at > bounds[len(bounds)-1] {
			bounds = append(bounds, at)
		}
	}
	return append(bounds, size), nil
}
