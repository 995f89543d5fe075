package interchange

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// MaxLineBytes caps the length of one line of input. A longer line is
// reported as a LineError and skipped, so that a corrupt file (or one
// without line breaks) cannot exhaust memory.
const MaxLineBytes = 1 << 20

// lineReader returns the lines of its input without the line end (LF or CRLF)
// and without a leading UTF-8 byte order mark. The returned slices point into
// the read buffer and stay valid until the next call.
type lineReader struct {
	name   string
	br     *bufio.Reader
	line   int // number of the line returned last
	first  bool
	long   []byte // a line longer than the read buffer, assembled
	last   []byte // the line returned last, for unread
	reread bool
}

// readBufferSize holds most lines whole, so that they are returned in place;
// longer lines (up to MaxLineBytes) are assembled in a separate buffer.
const readBufferSize = 64 << 10

func newLineReader(r io.Reader, name string) *lineReader {
	return &lineReader{name: name, br: bufio.NewReaderSize(r, readBufferSize), first: true}
}

var bom = []byte("\xEF\xBB\xBF")

// unread makes the next call to next return the last line again.
func (lr *lineReader) unread() { lr.reread = true }

// next returns the next line, io.EOF at the end, a *LineError for an
// overlong line (which is then skipped), or a read error.
func (lr *lineReader) next() ([]byte, error) {
	if lr.reread {
		lr.reread = false
		return lr.last, nil
	}
	b, err := lr.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		lr.long = append(lr.long[:0], b...)
		// The limit is on the line's text: room for a CRLF beyond it.
		for errors.Is(err, bufio.ErrBufferFull) && len(lr.long) <= MaxLineBytes+2 {
			b, err = lr.br.ReadSlice('\n')
			lr.long = append(lr.long, b...)
		}
		if errors.Is(err, bufio.ErrBufferFull) || len(withoutLineEnd(lr.long)) > MaxLineBytes {
			lr.line++
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = lr.br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, &LineError{File: lr.name, Line: lr.line, Msg: "line longer than 1 MiB"}
		}
		b = lr.long
	}
	if err != nil {
		if err != io.EOF {
			return nil, err
		}
		if len(b) == 0 {
			return nil, io.EOF
		}
	}
	lr.line++
	b = withoutLineEnd(b)
	if lr.first {
		lr.first = false
		b = bytes.TrimPrefix(b, bom)
	}
	lr.last = b
	return b, nil
}

// withoutLineEnd is b without a final LF or CRLF.
func withoutLineEnd(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// isSpace reports ASCII white space as trimmed around values.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}
