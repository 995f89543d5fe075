package interchange

import (
	"fmt"
	"io"
	"os"
	"strings"

	"lekradar"
)

// RawEvent is a look-up event as NextRaw returns it: the byte slices point
// into the reader's buffers and stay valid until the next call. Action is
// one of the canonical codes (shared, read-only slices). CaseID and System
// are empty when not given. TS is Unix nanoseconds, UTC.
type RawEvent struct {
	ID, EmployeeID, System, Action, PersonID, CaseID []byte
	TS                                               int64
}

// Canonical action codes, returned in RawEvent.Action. Do not modify.
var (
	rawQuery  = []byte(lekradar.ActionQuery)
	rawView   = []byte(lekradar.ActionView)
	rawExport = []byte(lekradar.ActionExport)
	rawPrint  = []byte(lekradar.ActionPrint)
)

// EventReader reads a look-up event log in JSON Lines or CSV; the format is
// sniffed from the first non-blank byte ('{' means JSON Lines). It is not
// safe for concurrent use.
type EventReader struct {
	name    string
	lr      *lineReader
	format  Format
	table   *table // CSV only
	scratch []byte // decoded JSON strings of the current line
	line    int
	raw     RawEvent
	pending *LineError
}

// CSV event columns, by index into eventCols.
const (
	ecID = iota
	ecTS
	ecEmployee
	ecSystem
	ecAction
	ecPerson
	ecCase
)

var eventCols = []column{{"id", true}, {"ts", true}, {"employee_id", true}, {"system", false},
	{"action", true}, {"person_id", true}, {"case_id", false}}

// NewEventReader sniffs the format of r and, for CSV, reads the header row.
// An empty input is an empty JSON Lines log.
func NewEventReader(r io.Reader, name string) (*EventReader, error) {
	er := &EventReader{name: name, lr: newLineReader(r, name), format: FormatJSONL}
	first, err := er.firstByte()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if first != '{' && first != 0 {
		er.format = FormatCSV
		t := &table{name: name, csv: newCSVReader(er.lr), cols: eventCols, pos: make([]int, len(eventCols))}
		if err := t.readHeader(); err != nil {
			return nil, err
		}
		er.table = t
	}
	return er, nil
}

// firstByte returns the first byte that is not white space, or 0 for a
// blank input. The line holding it is read again by the next read.
func (er *EventReader) firstByte() (byte, error) {
	for {
		line, err := er.lr.next()
		if err == io.EOF {
			return 0, nil
		}
		if le, ok := err.(*LineError); ok {
			er.pending = le // an overlong first line: reported by the first NextRaw
			return '{', nil
		}
		if err != nil {
			return 0, err
		}
		for _, c := range line {
			if !isSpace(c) {
				er.lr.unread()
				return c, nil
			}
		}
	}
}

// Format reports the sniffed format.
func (er *EventReader) Format() Format { return er.format }

// Line returns the line number of the event (or error) returned last; for a
// CSV record spanning lines, the line it starts on.
func (er *EventReader) Line() int { return er.line }

// NextRaw reads the next event without allocating. It returns io.EOF at the
// end. A malformed line gives a *LineError; the reader is then positioned
// after it, so the caller may count it and call again.
func (er *EventReader) NextRaw(ev *RawEvent) error {
	if le := er.pending; le != nil {
		er.pending = nil
		er.line = le.Line
		return le
	}
	if er.format == FormatCSV {
		return er.nextCSV(ev)
	}
	for {
		line, err := er.lr.next()
		if err != nil {
			return er.readErr(err)
		}
		er.line = er.lr.line
		i := 0
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		if i == len(line) {
			continue
		}
		if le := er.parseJSON(line, i, ev); le != nil {
			return le
		}
		return nil
	}
}

func (er *EventReader) readErr(err error) error {
	if le, ok := err.(*LineError); ok {
		er.line = le.Line
		return le
	}
	if err == io.EOF {
		return io.EOF
	}
	return fmt.Errorf("read %s: %w", er.name, err)
}

// Next reads the next event into ev, allocating its strings.
func (er *EventReader) Next(ev *lekradar.LookupEvent) error {
	if err := er.NextRaw(&er.raw); err != nil {
		return err
	}
	*ev = er.raw.lookupEvent()
	return nil
}

// lookupEvent copies r into a LookupEvent.
func (r *RawEvent) lookupEvent() lekradar.LookupEvent {
	return lekradar.LookupEvent{
		ID:         string(r.ID),
		TS:         nsToTime(r.TS),
		EmployeeID: string(r.EmployeeID),
		System:     string(r.System),
		Action:     actionString(r.Action),
		PersonID:   string(r.PersonID),
		CaseID:     string(r.CaseID),
	}
}

func actionString(b []byte) string {
	c, _ := matchCode(b, actions)
	return c
}

func (er *EventReader) fail(column string, value []byte, msg string) *LineError {
	return newLineError(er.name, er.line, column, value, msg)
}

// finish validates the fields every event needs, whatever its format.
func (er *EventReader) finish(ev *RawEvent, ts []byte) *LineError {
	if len(ev.ID) == 0 {
		return er.fail("id", nil, "value is required")
	}
	if len(ts) == 0 {
		return er.fail("ts", nil, "value is required")
	}
	ns, ok := parseTimestamp(ts)
	if !ok {
		return er.fail("ts", ts, timeProblem(ts, timestampMsg, false))
	}
	ev.TS = ns
	if len(ev.EmployeeID) == 0 {
		return er.fail("employee_id", nil, "value is required")
	}
	switch string(ev.Action) {
	case "view":
		ev.Action = rawView
	case "query":
		ev.Action = rawQuery
	case "export":
		ev.Action = rawExport
	case "print":
		ev.Action = rawPrint
	default:
		a := ev.Action
		c, ok := matchCode(a, actions)
		if !ok {
			if len(a) == 0 {
				return er.fail("action", nil, "value is required "+allowedList(actions))
			}
			return er.fail("action", a, "not an action "+allowedList(actions))
		}
		switch c {
		case lekradar.ActionView:
			ev.Action = rawView
		case lekradar.ActionQuery:
			ev.Action = rawQuery
		case lekradar.ActionExport:
			ev.Action = rawExport
		default:
			ev.Action = rawPrint
		}
	}
	if len(ev.PersonID) == 0 {
		return er.fail("person_id", nil, "value is required")
	}
	return nil
}

func (er *EventReader) nextCSV(ev *RawEvent) error {
	rec, err := er.table.next()
	er.line = er.table.csv.recLine
	if err != nil {
		return er.readErr(err)
	}
	rw := row{t: er.table, f: rec}
	*ev = RawEvent{
		ID:         rw.get(ecID),
		EmployeeID: rw.get(ecEmployee),
		System:     rw.get(ecSystem),
		Action:     rw.get(ecAction),
		PersonID:   rw.get(ecPerson),
		CaseID:     rw.get(ecCase),
	}
	if le := er.finish(ev, rw.get(ecTS)); le != nil {
		return le
	}
	return nil
}

// OpenEvents opens an event log: "-" is standard input, and a name ending
// in .gz is decompressed.
func OpenEvents(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open events: %w", err)
	}
	if strings.HasSuffix(path, ".gz") {
		return newGzipFile(f, path)
	}
	return f, nil
}
