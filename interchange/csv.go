package interchange

import (
	"bytes"
	"io"
)

// csvReader splits CSV records (RFC 4180, the dialect of encoding/csv) with a
// fast path for lines without quotes. Values are trimmed of surrounding
// white space; blank lines are skipped. The returned fields stay valid until
// the next call.
type csvReader struct {
	lr      *lineReader
	recLine int // line the current record starts on
	fields  [][]byte
	buf     []byte // unquoted content of a record with quoted fields
	offs    []int  // start/end pairs into buf
}

func newCSVReader(lr *lineReader) *csvReader {
	return &csvReader{lr: lr, fields: make([][]byte, 0, 16)}
}

// next returns the fields of the next non-blank record, io.EOF at the end, a
// *LineError for a malformed record (which is skipped), or a read error.
func (c *csvReader) next() ([][]byte, error) {
	for {
		line, err := c.lr.next()
		if err != nil {
			if le, ok := err.(*LineError); ok {
				c.recLine = le.Line
			}
			return nil, err
		}
		c.recLine = c.lr.line
		if isBlank(line) {
			continue
		}
		if bytes.IndexByte(line, '"') < 0 {
			c.fields = splitUnquoted(line, c.fields[:0])
			return c.fields, nil
		}
		return c.parseQuoted(line)
	}
}

func splitUnquoted(line []byte, out [][]byte) [][]byte {
	// A byte loop beats bytes.IndexByte here: fields are short.
	start := 0
	for i, c := range line {
		if c == ',' {
			out = append(out, trimSpace(line[start:i]))
			start = i + 1
		}
	}
	return append(out, trimSpace(line[start:]))
}

func (c *csvReader) errf(msg string) *LineError {
	return &LineError{File: c.lr.name, Line: c.recLine, Msg: msg}
}

// parseQuoted handles a record with at least one double quote. A quoted field
// may span lines; the line break inside it is kept as "\n".
func (c *csvReader) parseQuoted(line []byte) ([][]byte, error) {
	c.buf = c.buf[:0]
	c.offs = c.offs[:0]
	pos := 0
	for {
		i := pos
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i < len(line) && line[i] == '"' {
			start := len(c.buf)
			i++
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					c.buf = append(c.buf, line[i:]...)
					c.buf = append(c.buf, '\n')
					if len(c.buf) > MaxLineBytes {
						return nil, c.errf("quoted field longer than 1 MiB")
					}
					next, err := c.lr.next()
					if err == io.EOF {
						return nil, c.errf(`quoted field not closed: a '"' is missing`)
					}
					if err != nil {
						if _, ok := err.(*LineError); ok {
							return nil, c.errf("quoted field with a line longer than 1 MiB")
						}
						return nil, err
					}
					line, i = next, 0
					continue
				}
				c.buf = append(c.buf, line[i:i+j]...)
				i += j + 1
				if i < len(line) && line[i] == '"' {
					c.buf = append(c.buf, '"')
					i++
					continue
				}
				break
			}
			c.offs = append(c.offs, start, len(c.buf))
			for i < len(line) && isSpace(line[i]) {
				i++
			}
			if i == len(line) {
				return c.finishQuoted(), nil
			}
			if line[i] != ',' {
				return nil, c.errf(`unexpected text after a closing '"' (write a quote inside a quoted field as "")`)
			}
			pos = i + 1
			continue
		}
		j := bytes.IndexByte(line[pos:], ',')
		f := line[pos:]
		if j >= 0 {
			f = line[pos : pos+j]
		}
		if bytes.IndexByte(f, '"') >= 0 {
			return nil, c.errf(`bare '"' in an unquoted field (quote the whole field and write a quote as "")`)
		}
		start := len(c.buf)
		c.buf = append(c.buf, f...)
		c.offs = append(c.offs, start, len(c.buf))
		if j < 0 {
			return c.finishQuoted(), nil
		}
		pos += j + 1
	}
}

func (c *csvReader) finishQuoted() [][]byte {
	c.fields = c.fields[:0]
	for k := 0; k < len(c.offs); k += 2 {
		c.fields = append(c.fields, trimSpace(c.buf[c.offs[k]:c.offs[k+1]]))
	}
	return c.fields
}
