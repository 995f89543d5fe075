package interchange

import (
	"bufio"
	"io"

	"lekradar"
)

// ExplanationWriter writes one JSON line per event:
//
//	{"id":"e-000001","explained_by":"assigned_case","signals":["off_shift"]}
//
// explained_by is null when nothing explained the event. The encoding is
// written by hand, for millions of lines a second. Call Flush (or Close) at
// the end. It is not safe for concurrent use.
type ExplanationWriter struct {
	w   *bufio.Writer
	buf []byte
}

// NewExplanationWriter returns a buffered explanation writer.
func NewExplanationWriter(w io.Writer) *ExplanationWriter {
	return &ExplanationWriter{w: bufio.NewWriterSize(w, 256<<10), buf: make([]byte, 0, 256)}
}

// WriteRaw writes one line without allocating; explainedBy "" is written as
// null and nil signals as [].
func (xw *ExplanationWriter) WriteRaw(id []byte, explainedBy string, signals []string) error {
	b := append(xw.buf[:0], `{"id":`...)
	b = appendJSONString(b, id)
	b = append(b, `,"explained_by":`...)
	if explainedBy == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, explainedBy)
	}
	b = append(b, `,"signals":`...)
	b = appendStringList(b, signals)
	b = append(b, '}', '\n')
	xw.buf = b
	_, err := xw.w.Write(b)
	return err
}

// Write writes one explanation.
func (xw *ExplanationWriter) Write(e *lekradar.EventExplanation) error {
	by := ""
	if e.ExplainedBy != nil {
		by = *e.ExplainedBy
	}
	b := append(xw.buf[:0], `{"id":`...)
	b = appendJSONString(b, e.ID)
	b = append(b, `,"explained_by":`...)
	if e.ExplainedBy == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, by)
	}
	b = append(b, `,"signals":`...)
	b = appendStringList(b, e.Signals)
	b = append(b, '}', '\n')
	xw.buf = b
	_, err := xw.w.Write(b)
	return err
}

// Flush writes buffered output.
func (xw *ExplanationWriter) Flush() error { return xw.w.Flush() }

// Close flushes; it does not close the underlying writer.
func (xw *ExplanationWriter) Close() error { return xw.Flush() }
