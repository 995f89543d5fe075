package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"lekradar"
	"lekradar/interchange"
)

func TestAlertsRoundTrip(t *testing.T) {
	alerts := []lekradar.Alert{
		{ID: "A1", EmployeeID: "E1", PersonID: "P\"1\"\n", EventIDs: []string{"e1", "e2"}, FirstTS: ts("2026-03-02T14:05:09Z"),
			LastTS: ts("2026-03-09T14:05:09.123Z"), Score: 0.87, Severity: "high",
			Reasons:      []lekradar.Reason{{Rule: "relative", Text: "De persoon is familie <ouder> & ‘partner’ \u2028"}},
			Explanations: []string{"assigned_case", "team_case"}},
		{ID: "A2", EmployeeID: "E2", PersonID: "P2", EventIDs: []string{"e3"}, FirstTS: ts("2026-03-02T14:05:09Z"),
			LastTS: ts("2026-03-02T14:05:09Z"), Score: 1e-9, Severity: "low", Reasons: []lekradar.Reason{}},
	}
	var buf bytes.Buffer
	aw := interchange.NewAlertWriter(&buf)
	for i := range alerts {
		must(t, aw.Write(&alerts[i]))
	}
	must(t, aw.Close())

	// Every line is valid JSON that encoding/json reads to the same alert.
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		var a lekradar.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		if !reflect.DeepEqual(a, alerts[i]) {
			t.Errorf("json line %d:\n got %+v\nwant %+v", i+1, a, alerts[i])
		}
	}
	var got []lekradar.Alert
	must(t, interchange.ReadAlerts(context.Background(), &buf, "alerts.jsonl", func(a lekradar.Alert) error {
		got = append(got, a)
		return nil
	}))
	if !reflect.DeepEqual(got, alerts) {
		t.Errorf("read back:\n got %+v\nwant %+v", got, alerts)
	}
}

func TestReadAlertsErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		column   string
	}{
		{"not json", `{"id":"A1"` + "\n", 1, ""},
		{"no id", "\n" + `{"employee_id":"E","person_id":"P","event_ids":["e"],"severity":"low"}` + "\n", 2, "id"},
		{"no events", `{"id":"A","employee_id":"E","person_id":"P","event_ids":[],"severity":"low"}`, 1, "event_ids"},
		{"bad severity", `{"id":"A","employee_id":"E","person_id":"P","event_ids":["e"],"severity":"urgent"}`, 1, "severity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := interchange.ReadAlerts(context.Background(), strings.NewReader(tc.in), "alerts.jsonl", func(lekradar.Alert) error { return nil })
			le, ok := interchange.AsLineError(err)
			if !ok || le.Line != tc.line || le.Column != tc.column || le.File != "alerts.jsonl" {
				t.Errorf("err = %#v", err)
			}
		})
	}
}

func TestExplanationWriter(t *testing.T) {
	by := "assigned_case"
	rows := []lekradar.EventExplanation{
		{ID: "e-1", ExplainedBy: &by, Signals: []string{"off_shift", "vip"}},
		{ID: "e-\"2\"\\\t\x01é\xff", Signals: nil},
	}
	var buf bytes.Buffer
	xw := interchange.NewExplanationWriter(&buf)
	must(t, xw.Write(&rows[0]))
	must(t, xw.WriteRaw([]byte(rows[1].ID), "", nil))
	must(t, xw.Flush())
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, line := range lines {
		var got struct {
			ID          string   `json:"id"`
			ExplainedBy *string  `json:"explained_by"`
			Signals     []string `json:"signals"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d %s: %v", i+1, line, err)
		}
		wantID := strings.ToValidUTF8(rows[i].ID, "\uFFFD")
		if got.ID != wantID || (got.ExplainedBy == nil) != (rows[i].ExplainedBy == nil) || got.Signals == nil {
			t.Errorf("line %d: %s", i+1, line)
		}
	}
	if !strings.Contains(lines[1], `"explained_by":null,"signals":[]`) {
		t.Errorf("line 2 = %s", lines[1])
	}
}

func TestTruthRoundTrip(t *testing.T) {
	rows := []interchange.TruthRow{{EventID: "e1", IncidentID: "I1", Scenario: "relative"}, {EventID: "e,2", IncidentID: "", Scenario: "vip"}}
	var buf bytes.Buffer
	tw, err := interchange.NewTruthWriter(&buf)
	must(t, err)
	for _, r := range rows {
		must(t, tw.Write(r))
	}
	must(t, tw.Close())
	got, err := interchange.ReadTruth(context.Background(), &buf, "truth.csv")
	must(t, err)
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("got %+v", got)
	}
	_, err = interchange.ReadTruth(context.Background(), strings.NewReader("event_id,scenario\ne1,x\n"), "truth.csv")
	if le, ok := interchange.AsLineError(err); !ok || le.Column != "incident_id" {
		t.Errorf("err = %v", err)
	}
}
