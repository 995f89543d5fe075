package interchange

import (
	"bufio"
	"fmt"
	"io"

	"lekradar"
)

// Format is the encoding of an event log.
type Format int

const (
	FormatJSONL Format = iota // one JSON object per line
	FormatCSV                 // a header row and the same names as columns
)

func (f Format) String() string {
	switch f {
	case FormatJSONL:
		return "jsonl"
	case FormatCSV:
		return "csv"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat accepts "jsonl" (also "json", "ndjson") or "csv".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "jsonl", "json", "ndjson":
		return FormatJSONL, nil
	case "csv":
		return FormatCSV, nil
	}
	return 0, fmt.Errorf("event format %q: not a format (allowed: jsonl, csv)", s)
}

// eventColumns is the column order EventWriter uses for CSV.
var eventColumns = []string{"id", "ts", "employee_id", "system", "action", "person_id", "case_id"}

// EventWriter writes look-up events as JSON Lines or CSV. Output is buffered:
// call Flush (or Close) at the end. It is not safe for concurrent use.
type EventWriter struct {
	format Format
	w      *bufio.Writer
	csv    *csvWriter
	buf    []byte
}

// NewEventWriter returns a writer of events in format; for CSV it writes the
// header row first.
func NewEventWriter(w io.Writer, format Format) (*EventWriter, error) {
	ew := &EventWriter{format: format}
	switch format {
	case FormatJSONL:
		ew.w = bufio.NewWriterSize(w, 256<<10)
		ew.buf = make([]byte, 0, 256)
	case FormatCSV:
		ew.csv = newCSVWriter(w)
		ew.w = ew.csv.w
		if err := ew.csv.record(eventColumns...); err != nil {
			return nil, fmt.Errorf("write events: %w", err)
		}
	default:
		return nil, fmt.Errorf("event writer: unknown format %v", format)
	}
	return ew, nil
}

// Write writes one event. An empty CaseID is omitted (JSON) or left empty
// (CSV).
func (ew *EventWriter) Write(e *lekradar.LookupEvent) error {
	if ew.format == FormatCSV {
		c := ew.csv
		c.str(e.ID)
		c.timestamp(e.TS)
		c.str(e.EmployeeID)
		c.str(e.System)
		c.str(e.Action)
		c.str(e.PersonID)
		c.str(e.CaseID)
		return c.end()
	}
	b := append(ew.buf[:0], `{"id":`...)
	b = appendJSONString(b, e.ID)
	b = append(b, `,"ts":"`...)
	b = appendTimestamp(b, e.TS)
	b = append(b, `","employee_id":`...)
	b = appendJSONString(b, e.EmployeeID)
	b = append(b, `,"system":`...)
	b = appendJSONString(b, e.System)
	b = append(b, `,"action":`...)
	b = appendJSONString(b, e.Action)
	b = append(b, `,"person_id":`...)
	b = appendJSONString(b, e.PersonID)
	if e.CaseID != "" {
		b = append(b, `,"case_id":`...)
		b = appendJSONString(b, e.CaseID)
	}
	b = append(b, '}', '\n')
	ew.buf = b
	_, err := ew.w.Write(b)
	return err
}

// Flush writes buffered output.
func (ew *EventWriter) Flush() error { return ew.w.Flush() }

// Close flushes; it does not close the underlying writer.
func (ew *EventWriter) Close() error { return ew.Flush() }
