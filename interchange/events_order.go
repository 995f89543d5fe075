package interchange

import (
	"bufio"
	"bytes"
	"errors"
	"io"
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
// NewEventReader) only as far as each line's timestamp and reports whether
// every event is at most window earlier than the latest one before it:
// whether a scan that holds events back for window sees them in time
// order. It stops at the first event that is not. Lines it cannot read
// quickly (a quoted CSV line, a key in other case, a malformed line) are
// passed over: the scan itself reads and reports them.
func CheckEventOrder(r io.Reader, window time.Duration) (OrderCheck, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var (
		line    []byte
		err     error
		n       int
		csvCol  = -1 // the ts column of a CSV log; -1 for JSON Lines
		latest  int64
		started bool
	)
	next := func() bool {
		line, err = br.ReadSlice('\n')
		for errors.Is(err, bufio.ErrBufferFull) { // an overlong line: skip the rest of it
			_, err = br.ReadSlice('\n')
			line = nil
		}
		n++
		return len(line) > 0 || err == nil
	}
	first := true
	for next() {
		if first {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
			t := bytes.TrimSpace(line)
			if len(t) == 0 {
				continue
			}
			first = false
			if t[0] != '{' {
				csvCol = headerColumn(t, "ts")
				if csvCol < 0 {
					return OrderCheck{InOrder: true}, nil // the scan reports the missing column
				}
				continue
			}
		}
		var ts []byte
		if csvCol >= 0 {
			ts = csvField(line, csvCol)
		} else if endsObject(line) {
			ts = jsonTS(line) // a cut-off line would be skipped by the scan
		}
		if ts == nil {
			continue
		}
		ns, ok := parseTimestamp(ts)
		if !ok {
			continue
		}
		if started && ns < latest-int64(window) {
			return OrderCheck{Line: n, Behind: time.Duration(latest - ns)}, nil
		}
		if !started || ns > latest {
			latest, started = ns, true
		}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return OrderCheck{}, err
	}
	return OrderCheck{InOrder: true}, nil
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

// headerColumn is the position of name in a CSV header without quotes, or -1.
func headerColumn(header []byte, name string) int {
	for i, f := range bytes.Split(header, []byte{','}) {
		if string(bytes.ToLower(bytes.TrimSpace(f))) == name {
			return i
		}
	}
	return -1
}

// csvField is field i of a CSV line without quotes, trimmed; nil when the
// line has a quote or too few fields.
func csvField(line []byte, i int) []byte {
	if bytes.IndexByte(line, '"') >= 0 {
		return nil
	}
	for ; i > 0; i-- {
		j := bytes.IndexByte(line, ',')
		if j < 0 {
			return nil
		}
		line = line[j+1:]
	}
	if j := bytes.IndexByte(line, ','); j >= 0 {
		line = line[:j]
	}
	return bytes.TrimSpace(line)
}

var tsKey = []byte(`"ts"`)

// jsonTS is the value of the "ts" key of a JSON line when it is a plain
// string, or nil.
func jsonTS(line []byte) []byte {
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
	return bytes.TrimSpace(line[i+1 : i+1+j])
}
