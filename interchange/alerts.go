package interchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"lekradar"
)

// AlertWriter writes alerts as JSON Lines (SPEC §6) with a fixed key order:
// id, employee_id, person_id, event_ids, first_ts, last_ts, score, severity,
// reasons, explanations_tried (omitted when empty). Call Flush (or Close) at
// the end. It is not safe for concurrent use.
type AlertWriter struct {
	w   *bufio.Writer
	buf []byte
}

// NewAlertWriter returns a buffered alert writer.
func NewAlertWriter(w io.Writer) *AlertWriter {
	return &AlertWriter{w: bufio.NewWriterSize(w, 64<<10), buf: make([]byte, 0, 1024)}
}

// Write writes one alert. Nil lists are written as [] so that readers need
// not tell null from empty. A score that is NaN or infinite is an error.
func (aw *AlertWriter) Write(a *lekradar.Alert) error {
	if math.IsNaN(a.Score) || math.IsInf(a.Score, 0) {
		return fmt.Errorf("write alert %s: score %v is not a finite number", a.ID, a.Score)
	}
	b := append(aw.buf[:0], `{"id":`...)
	b = appendJSONString(b, a.ID)
	b = append(b, `,"employee_id":`...)
	b = appendJSONString(b, a.EmployeeID)
	b = append(b, `,"person_id":`...)
	b = appendJSONString(b, a.PersonID)
	b = append(b, `,"event_ids":`...)
	b = appendStringList(b, a.EventIDs)
	b = append(b, `,"first_ts":"`...)
	b = appendTimestamp(b, a.FirstTS)
	b = append(b, `","last_ts":"`...)
	b = appendTimestamp(b, a.LastTS)
	b = append(b, `","score":`...)
	b = appendJSONFloat(b, a.Score)
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, a.Severity)
	b = append(b, `,"reasons":[`...)
	for i, r := range a.Reasons {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rule":`...)
		b = appendJSONString(b, r.Rule)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, r.Text)
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(a.Explanations) > 0 {
		b = append(b, `,"explanations_tried":`...)
		b = appendStringList(b, a.Explanations)
	}
	b = append(b, '}', '\n')
	aw.buf = b
	_, err := aw.w.Write(b)
	return err
}

func appendStringList(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONFloat formats like encoding/json: plain decimals except for very
// small or very large magnitudes.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(b, f, format, -1, 64)
}

// Flush writes buffered output.
func (aw *AlertWriter) Flush() error { return aw.w.Flush() }

// Close flushes; it does not close the underlying writer.
func (aw *AlertWriter) Close() error { return aw.Flush() }

// maxAlertLine caps one alert line; alerts of long-running patterns carry
// many event ids.
const maxAlertLine = 64 << 20

var severities = []string{lekradar.SeverityLow, lekradar.SeverityMedium, lekradar.SeverityHigh}

// ReadAlerts reads alerts written as JSON Lines (by AlertWriter or another
// tool). Unknown keys are ignored; id, employee_id, person_id, event_ids
// (non-empty) and severity are required. It stops at the first bad line.
func ReadAlerts(ctx context.Context, r io.Reader, name string, fn func(lekradar.Alert) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var line []byte
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var err error
		line, err = readLongLine(br, line[:0], maxAlertLine)
		if err == io.EOF {
			return ctx.Err()
		}
		if err == errLineTooLong {
			return &LineError{File: name, Line: n, Msg: "line longer than 64 MiB"}
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if isBlank(line) {
			continue
		}
		var a lekradar.Alert
		if err := json.Unmarshal(line, &a); err != nil {
			return &LineError{File: name, Line: n, Msg: "not a JSON alert: " + err.Error()}
		}
		for _, f := range []struct{ col, v string }{{"id", a.ID}, {"employee_id", a.EmployeeID}, {"person_id", a.PersonID}} {
			if f.v == "" {
				return &LineError{File: name, Line: n, Column: f.col, Msg: "value is required"}
			}
		}
		if len(a.EventIDs) == 0 {
			return &LineError{File: name, Line: n, Column: "event_ids", Msg: "at least one event id is required"}
		}
		sev, ok := matchCode([]byte(a.Severity), severities)
		if !ok {
			return newLineError(name, n, "severity", []byte(a.Severity), "not a severity "+allowedList(severities))
		}
		a.Severity = sev
		a.FirstTS, a.LastTS = a.FirstTS.UTC(), a.LastTS.UTC()
		if err := fn(a); err != nil {
			return fmt.Errorf("%s line %d: %w", name, n, err)
		}
	}
}

var errLineTooLong = fmt.Errorf("line too long")

// readLongLine appends the next line (without its line end) to buf. After
// errLineTooLong the rest of that line has been skipped.
func readLongLine(br *bufio.Reader, buf []byte, max int) ([]byte, error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			return buf[:0], errLineTooLong
		}
		buf = append(buf, chunk...)
		switch err {
		case nil:
			buf = buf[:len(buf)-1]
			if n := len(buf); n > 0 && buf[n-1] == '\r' {
				buf = buf[:n-1]
			}
			return buf, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(buf) == 0 {
				return buf, io.EOF
			}
			return buf, nil
		default:
			return buf, err
		}
	}
}
