package interchange

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvWriter writes CSV records with the quoting encoding/csv uses, plus
// quoting of values with surrounding white space (which readers trim).
type csvWriter struct {
	w   *bufio.Writer
	buf []byte
	n   int // fields in the current record
}

func newCSVWriter(w io.Writer) *csvWriter {
	return &csvWriter{w: bufio.NewWriterSize(w, 256<<10), buf: make([]byte, 0, 256)}
}

func needsQuote(s string) bool {
	if s == "" {
		return false
	}
	if isSpace(s[0]) || isSpace(s[len(s)-1]) {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

func (c *csvWriter) sep() {
	if c.n > 0 {
		c.buf = append(c.buf, ',')
	}
	c.n++
}

func (c *csvWriter) str(s string) {
	c.sep()
	if !needsQuote(s) {
		c.buf = append(c.buf, s...)
		return
	}
	c.buf = append(c.buf, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			c.buf = append(c.buf, '"')
		}
		c.buf = append(c.buf, s[i])
	}
	c.buf = append(c.buf, '"')
}

// intOrEmpty appends an integer, or nothing for 0 (unknown).
func (c *csvWriter) intOrEmpty(v int64) {
	c.sep()
	if v != 0 {
		c.buf = strconv.AppendInt(c.buf, v, 10)
	}
}

// floatOrEmpty appends a decimal, or nothing for 0 (unknown).
func (c *csvWriter) floatOrEmpty(v float64) {
	c.sep()
	if v != 0 {
		c.buf = strconv.AppendFloat(c.buf, v, 'f', -1, 64)
	}
}

func (c *csvWriter) bool(v bool) {
	c.sep()
	c.buf = strconv.AppendBool(c.buf, v)
}

// list appends values joined by sep as one field.
func (c *csvWriter) list(l []string, sep string) {
	if len(l) <= 1 {
		if len(l) == 0 {
			c.str("")
		} else {
			c.str(l[0])
		}
		return
	}
	c.str(strings.Join(l, sep))
}

// timestamp appends an RFC 3339 UTC timestamp, or nothing for the zero time.
func (c *csvWriter) timestamp(t time.Time) {
	c.sep()
	if !t.IsZero() {
		c.buf = appendTimestamp(c.buf, t)
	}
}

// dateOrTimestamp appends a date when hasTime is false, else a timestamp.
func (c *csvWriter) dateOrTimestamp(t time.Time, hasTime bool) {
	c.sep()
	if t.IsZero() {
		return
	}
	if hasTime {
		c.buf = appendTimestamp(c.buf, t)
		return
	}
	c.buf = t.UTC().AppendFormat(c.buf, time.DateOnly)
}

func (c *csvWriter) record(fields ...string) error {
	for _, f := range fields {
		c.str(f)
	}
	return c.end()
}

func (c *csvWriter) end() error {
	c.buf = append(c.buf, '\n')
	_, err := c.w.Write(c.buf)
	c.buf = c.buf[:0]
	c.n = 0
	return err
}

// appendTimestamp writes t in UTC as RFC 3339 with as many fractional digits
// as needed (none for whole seconds).
func appendTimestamp(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	hh, mm, ss := t.Clock()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, time.RFC3339Nano)
	}
	b = append4(b, y)
	b = append(b, '-')
	b = append2(b, int(mo))
	b = append(b, '-')
	b = append2(b, d)
	b = append(b, 'T')
	b = append2(b, hh)
	b = append(b, ':')
	b = append2(b, mm)
	b = append(b, ':')
	b = append2(b, ss)
	if ns := t.Nanosecond(); ns != 0 {
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i >= 1; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	return append(b, 'Z')
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}
