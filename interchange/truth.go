package interchange

import (
	"context"
	"fmt"
	"io"
)

// TruthRow is a row of truth.csv: an improper look-up of a synthetic world,
// the incident it belongs to and the scenario that produced it.
type TruthRow struct {
	EventID    string
	IncidentID string
	Scenario   string
}

var truthCols = []column{{"event_id", true}, {"incident_id", true}, {"scenario", true}}

// ReadTruth reads truth.csv; it stops at the first bad row.
func ReadTruth(ctx context.Context, r io.Reader, name string) ([]TruthRow, error) {
	var out []TruthRow
	err := readTable(ctx, r, name, truthCols, parseTruth, func(t TruthRow) error {
		out = append(out, t)
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func parseTruth(r *row, t *TruthRow) (le *LineError) {
	if t.EventID, le = r.required(0); le != nil {
		return le
	}
	t.IncidentID = r.str(1)
	if t.Scenario, le = r.required(2); le != nil {
		return le
	}
	return nil
}

// TruthWriter writes truth.csv. Call Flush (or Close) at the end.
type TruthWriter struct {
	csv *csvWriter
}

// NewTruthWriter writes the header row and returns the writer.
func NewTruthWriter(w io.Writer) (*TruthWriter, error) {
	tw := &TruthWriter{csv: newCSVWriter(w)}
	if err := tw.csv.record("event_id", "incident_id", "scenario"); err != nil {
		return nil, fmt.Errorf("write truth: %w", err)
	}
	return tw, nil
}

// Write writes one row.
func (tw *TruthWriter) Write(t TruthRow) error {
	return tw.csv.record(t.EventID, t.IncidentID, t.Scenario)
}

// Flush writes buffered output.
func (tw *TruthWriter) Flush() error { return tw.csv.w.Flush() }

// Close flushes; it does not close the underlying writer.
func (tw *TruthWriter) Close() error { return tw.Flush() }
