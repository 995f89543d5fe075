package interchange

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// LineError is a problem in one line of an input file. Line is 1-based; for
// a CSV record that spans several lines (a quoted field with a line break) it
// is the line the record starts on. Column is empty when the problem concerns
// the whole line.
type LineError struct {
	File   string
	Line   int
	Column string
	Value  string
	Msg    string
}

// maxErrorValue caps the value quoted in an error message, so that a broken
// megabyte-long field does not become a megabyte-long log line.
const maxErrorValue = 80

func (e *LineError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	fmt.Fprintf(&b, " line %d", e.Line)
	if e.Column != "" {
		b.WriteString(", column ")
		b.WriteString(e.Column)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": value %q", e.Value)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// newLineError builds a LineError, shortening an overlong value.
func newLineError(file string, line int, column string, value []byte, msg string) *LineError {
	return &LineError{File: file, Line: line, Column: column, Value: clip(value), Msg: msg}
}

func clip(v []byte) string {
	if len(v) <= maxErrorValue {
		return string(v)
	}
	cut := maxErrorValue
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return string(v[:cut]) + "…"
}

// handleLineError applies an OnError policy: a nil handler stops at the first
// bad row; otherwise the handler decides (nil = skip the row and go on).
func handleLineError(onErr func(*LineError) error, le *LineError) error {
	if onErr == nil {
		return le
	}
	return onErr(le)
}

// AsLineError reports whether err is or wraps a *LineError and returns it.
func AsLineError(err error) (*LineError, bool) {
	var le *LineError
	ok := errors.As(err, &le)
	return le, ok
}

// allowedList renders allowed codes for an error message.
func allowedList(codes []string) string {
	return "(allowed: " + strings.Join(codes, ", ") + ")"
}
