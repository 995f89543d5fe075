package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeGroupsCSV(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "employee_groups.csv")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGroupsImportRefusesBadInput(t *testing.T) {
	db := mustInitDB(t)
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"bad gender", "employee_id,surname_origin,gender,age_band,tenure_band\nE1,nl,man,25_34,2_5\nE2,nl,m,25_34,2_5\n",
			[]string{"employee_groups.csv line 3", "column gender", `"m"`, "man, vrouw, anders, onbekend"}},
		{"bad band and origin", "employee_id,surname_origin,gender,age_band,tenure_band\nE1,dutch,man,25-34,2_5\n",
			[]string{"line 2, column surname_origin", `"dutch"`, "nl, niet_nl, onbekend", "line 2, column age_band", `"25-34"`, "2 problem(s)"}},
		{"duplicate employee", "employee_id,surname_origin,gender,age_band,tenure_band\nE1,nl,,,\nE1,nl,,,\n",
			[]string{"line 3, column employee_id", `"E1" comes twice (first on line 2)`}},
		{"missing column", "employee_id,surname_origin,gender,age_band\nE1,nl,man,25_34\n",
			[]string{"line 1", `column "tenure_band" is missing`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", "groups", "import", "--db", db, writeGroupsCSV(t, tt.csv))
			if r.err == nil {
				t.Fatal("import succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(r.err.Error(), w) {
					t.Errorf("error %q lacks %q", r.err, w)
				}
			}
		})
	}
	// Nothing was stored by the refused imports.
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var n int
	if err := store.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM employee_group`).Scan(&n); err != nil || n != 0 {
		t.Errorf("employee_group holds %d rows (%v), want 0", n, err)
	}
}

// TestGroupsImportAndReport: without alerts and groups the report says
// there is no detection data; with them it has the detection figures.
func TestGroupsImportAndReport(t *testing.T) {
	db := mustInitDB(t)
	detection := func() map[string]any {
		t.Helper()
		out := mustRunCLI(t, "", "report", "--db", db, "--format", "json").stdout
		var r struct {
			Fairness struct {
				Detection map[string]any `json:"detection"`
			} `json:"fairness"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.Fairness.Detection
	}
	if d := detection(); d["available"] != false || !strings.Contains(fmt.Sprint(d["conclusion"]), "No detection data") {
		t.Errorf("empty database: detection %v, want no detection data", d)
	}
	if md := mustRunCLI(t, "", "report", "--db", db, "--format", "md").stdout; !strings.Contains(md, "Geen detectiegegevens") {
		t.Error("Markdown report of an empty database does not say there is no detection data")
	}

	var csv strings.Builder
	// Any column order, names in any case, unknown columns ignored.
	csv.WriteString("Tenure_Band,employee_id,surname_origin,gender,age_band,note\n")
	for i := range 60 {
		origin := "nl"
		if i >= 40 {
			origin = "niet_nl"
		}
		fmt.Fprintf(&csv, ",E%02d,%s,,,ignored\n", i, origin)
	}
	res := mustRunCLI(t, "", "groups", "import", "--db", db, writeGroupsCSV(t, csv.String()))
	if !strings.Contains(res.stdout, "60 employees") {
		t.Errorf("import output %q does not count 60 employees", res.stdout)
	}
	// Alerts as a scan would store them: 10 about each group.
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2016, 5, 1, 10, 0, 0, 0, time.UTC)
	for i := range 20 {
		emp := fmt.Sprintf("E%02d", i*3%40)
		if i >= 10 {
			emp = fmt.Sprintf("E%02d", 40+i%20)
		}
		status := []string{"open", "dismissed", "explained", "escalated"}[i%4]
		if _, err := store.DB().ExecContext(context.Background(), `INSERT INTO alert (id, employee_id, employee_pseudonym, person_id,
			first_ts, last_ts, score, severity, severity_rank, status, created_at, updated_at)
			VALUES ($1, $2, $3, 'P1', $4, $5, 1, 'high', 3, $6, $7, $8)`, fmt.Sprintf("A%d", i), emp, "P-"+emp, ts, ts, status, ts, ts); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()

	d := detection()
	if d["available"] != true {
		t.Fatalf("detection %v, want available", d)
	}
	attrs, _ := d["attributes"].([]any)
	if len(attrs) != 1 {
		t.Fatalf("detection attributes %v, want surname_origin only", attrs)
	}
	rates := attrs[0].(map[string]any)["alert_rates"].(map[string]any)
	if rates["employees"] != float64(60) || rates["alerts"] != float64(20) {
		t.Errorf("alert rate totals %v/%v, want 60 employees, 20 alerts", rates["employees"], rates["alerts"])
	}
	html := mustRunCLI(t, "", "report", "--db", db, "--format", "html").stdout
	if !strings.Contains(html, `id="fairness-detection"`) || strings.Contains(html, "Geen detectiegegevens") {
		t.Error("HTML report lacks the detection figures")
	}
}
