package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lekradar"
	"lekradar/interchange"
)

// mustSynthWorld generates a small world into a temporary directory.
func mustSynthWorld(t *testing.T, extra ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "world")
	args := append([]string{"synth", "world", "--out", dir, "--employees", "200", "--persons", "12000",
		"--days", "7", "--seed", "5"}, extra...)
	r := mustRunCLI(t, "", args...)
	if !strings.Contains(r.stderr, "incidents per scenario") {
		t.Errorf("synth world summary lacks the scenarios:\n%s", r.stderr)
	}
	return dir
}

func TestSynthWorldFiles(t *testing.T) {
	dir := mustSynthWorld(t)
	rows := map[string]int{}
	count := func(name string) func() error {
		return func() error { rows[name]++; return nil }
	}
	err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
		Unit:       func(lekradar.Unit) error { return count("units")() },
		Team:       func(lekradar.Team) error { return count("teams")() },
		Employee:   func(lekradar.Employee) error { return count("employees")() },
		Person:     func(lekradar.Person) error { return count("persons")() },
		Relation:   func(lekradar.Relation) error { return count("relations")() },
		Case:       func(lekradar.Case) error { return count("cases")() },
		CasePerson: func(lekradar.CasePerson) error { return count("case_persons")() },
		CaseStaff:  func(lekradar.CaseStaff) error { return count("case_staff")() },
		Shift:      func(lekradar.Shift) error { return count("shifts")() },
	})
	if err != nil {
		t.Fatalf("the context directory does not read back: %v", err)
	}
	if rows["units"] != 13 || rows["employees"] != 200 || rows["persons"] != 12000 {
		t.Errorf("rows %v, want 13 units, 200 employees, 12000 persons", rows)
	}
	for _, f := range []string{"events.jsonl", "truth.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s missing: %v", f, err)
		}
	}

	t.Run("csv events", func(t *testing.T) {
		csvDir := mustSynthWorld(t, "--events-format", "csv")
		a, err := os.ReadFile(filepath.Join(csvDir, "truth.csv"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "truth.csv"))
		if string(a) != string(b) {
			t.Error("the event format changed the ground truth")
		}
		if _, err := os.Stat(filepath.Join(csvDir, "events.csv")); err != nil {
			t.Errorf("events.csv missing: %v", err)
		}
	})
	t.Run("bad flags", func(t *testing.T) {
		for _, args := range [][]string{
			{"synth", "world"},
			{"synth", "world", "--out", t.TempDir(), "--start", "2026-13-01"},
			{"synth", "world", "--out", t.TempDir(), "--events-format", "xml"},
			{"synth", "world", "--out", t.TempDir(), "--employees", "3"},
		} {
			if r := runCLI(t, "", args...); r.err == nil {
				t.Errorf("lekradar %s succeeded", strings.Join(args, " "))
			}
		}
	})
}

func TestEvalOnWorld(t *testing.T) {
	dir := mustSynthWorld(t)
	f, err := os.Open(filepath.Join(dir, "truth.csv"))
	if err != nil {
		t.Fatal(err)
	}
	truth, err := interchange.ReadTruth(context.Background(), f, "truth.csv")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The employee of each improper look-up, from the log.
	emp := map[string]string{}
	var ids []string
	ef, err := os.Open(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	er, err := interchange.NewEventReader(ef, "events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var e lekradar.LookupEvent
	for er.Next(&e) == nil {
		emp[e.ID] = e.EmployeeID
		ids = append(ids, e.ID)
	}
	ef.Close()

	// One alert per incident on its first look-up, and one false alert on
	// a legitimate look-up.
	improper := map[string]bool{}
	for _, tr := range truth {
		improper[tr.EventID] = true
	}
	var alerts strings.Builder
	seen := map[string]bool{}
	n := 0
	for _, tr := range truth {
		if seen[tr.IncidentID] {
			continue
		}
		seen[tr.IncidentID] = true
		n++
		fmt.Fprintf(&alerts, `{"id":"A%d","employee_id":%q,"person_id":"P1","event_ids":[%q],"severity":"high","score":1,"reasons":[]}`+"\n",
			n, emp[tr.EventID], tr.EventID)
	}
	legit := ""
	for _, id := range ids {
		if !improper[id] {
			legit = id
			break
		}
	}
	fmt.Fprintf(&alerts, `{"id":"F1","employee_id":%q,"person_id":"P1","event_ids":[%q],"severity":"low","score":1,"reasons":[]}`+"\n",
		emp[legit], legit)
	alertsPath := filepath.Join(t.TempDir(), "alerts.jsonl")
	if err := os.WriteFile(alertsPath, []byte(alerts.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// An engine that explains nothing.
	var expl strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&expl, `{"id":%q,"explained_by":null,"signals":[]}`+"\n", id)
	}
	explPath := filepath.Join(t.TempDir(), "explanations.jsonl")
	if err := os.WriteFile(explPath, []byte(expl.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	r := mustRunCLI(t, "", "eval", "--world", dir, "--alerts", alertsPath, "--explanations", explPath, "--format", "json")
	var rep struct {
		Alerts         int     `json:"alerts"`
		CorrectAlerts  int     `json:"correct_alerts"`
		Incidents      int     `json:"incidents"`
		IncidentsFound int     `json:"incidents_found"`
		Precision      float64 `json:"precision"`
		Recall         float64 `json:"recall"`
		Explainable    int64   `json:"explainable_legitimate"`
		ExplainedShare float64 `json:"explainable_explained_share"`
		Targets        []struct {
			Name string
			Met  bool
		}
	}
	rep.Alerts = -1
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("eval --format json: %v\n%s", err, r.stdout)
	}
	if rep.Alerts != n+1 || rep.CorrectAlerts != n {
		t.Errorf("alerts %d correct %d, want %d %d", rep.Alerts, rep.CorrectAlerts, n+1, n)
	}
	if rep.Incidents != n || rep.IncidentsFound != n || rep.Recall != 1 {
		t.Errorf("incidents %d found %d recall %v, want %d %d 1", rep.Incidents, rep.IncidentsFound, rep.Recall, n, n)
	}
	if want := float64(n) / float64(n+1); rep.Precision < want-1e-6 || rep.Precision > want+1e-6 {
		t.Errorf("precision %v, want %v", rep.Precision, want)
	}
	if rep.Explainable == 0 || rep.ExplainedShare != 0 {
		t.Errorf("explainable %d explained share %v, want many and 0", rep.Explainable, rep.ExplainedShare)
	}
	if len(rep.Targets) != 7 {
		t.Errorf("%d targets, want 7", len(rep.Targets))
	}

	t.Run("explanations out of order", func(t *testing.T) {
		// An engine that explains everything, written in reverse order:
		// the reader falls back from lockstep to a map.
		var rev strings.Builder
		for i := len(ids) - 1; i >= 0; i-- {
			fmt.Fprintf(&rev, `{"id":%q,"explained_by":"assigned_case","signals":[]}`+"\n", ids[i])
		}
		p := filepath.Join(t.TempDir(), "reversed.jsonl")
		if err := os.WriteFile(p, []byte(rev.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		r := mustRunCLI(t, "", "eval", "--world", dir, "--alerts", alertsPath, "--explanations", p, "--format", "json")
		var got struct {
			Share    float64 `json:"explainable_explained_share"`
			Improper float64 `json:"improper_explained_away_share"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.Share != 1 || got.Improper != 1 {
			t.Errorf("explained share %v, improper explained away %v; want 1 and 1", got.Share, got.Improper)
		}
	})

	t.Run("an employee given twice counts once", func(t *testing.T) {
		employees := func() (int, float64) {
			r := mustRunCLI(t, "", "eval", "--world", dir, "--alerts", alertsPath, "--format", "json")
			var got struct {
				Employees int     `json:"employees"`
				Rate      float64 `json:"false_alerts_per_1000_employees_per_day"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			return got.Employees, got.Rate
		}
		n0, rate0 := employees()
		// A transfer: the employee's earlier row again, as docs/formats.md
		// allows, at the end of the file.
		path := filepath.Join(dir, "employees.csv")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		if err := os.WriteFile(path, []byte(string(data)+lines[1]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(path, data, 0o644)
		if n, rate := employees(); n != n0 || rate != rate0 || n != 200 {
			t.Errorf("with a row given twice: %d employees, %v false alerts per 1,000 employee-days; want %d and %v (200 employees)", n, rate, n0, rate0)
		}
	})

	text := mustRunCLI(t, "", "eval", "--world", dir, "--alerts", alertsPath)
	for _, want := range []string{"alert precision", "MET      recall", "NOT MET"} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, text.stdout)
		}
	}
	if r := runCLI(t, "", "eval", "--world", dir, "--alerts", alertsPath, "--require-targets"); r.exitCode() != 3 {
		t.Errorf("eval --require-targets with unmet targets: exit %d, want 3", r.exitCode())
	}
	if r := runCLI(t, "", "eval", "--world", dir); r.err == nil {
		t.Error("eval without --alerts succeeded")
	}
}

// A world written by others may keep its context files in a context/
// subdirectory and gzip its log: eval finds them and reports what it
// reports on the flat layout.
func TestEvalOnWorldLayouts(t *testing.T) {
	flat := mustSynthWorld(t)
	alerts := filepath.Join(t.TempDir(), "alerts.jsonl")
	mustRunCLI(t, "", "scan", "--context", flat, "--events", filepath.Join(flat, "events.jsonl"), "--alerts", alerts)
	want := mustRunCLI(t, "", "eval", "--world", flat, "--alerts", alerts, "--format", "json").stdout

	nested := filepath.Join(t.TempDir(), "world")
	ctxDir := filepath.Join(nested, "context")
	if err := os.MkdirAll(ctxDir, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(flat)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(flat, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case e.Name() == "events.jsonl":
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			err = os.WriteFile(filepath.Join(nested, "events.jsonl.gz"), buf.Bytes(), 0o644)
		case e.Name() == "truth.csv":
			err = os.WriteFile(filepath.Join(nested, e.Name()), data, 0o644)
		default:
			err = os.WriteFile(filepath.Join(ctxDir, e.Name()), data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	got := mustRunCLI(t, "", "eval", "--world", nested, "--alerts", alerts, "--format", "json").stdout
	if got != want {
		t.Errorf("eval of the nested layout:\n%s\nof the flat one:\n%s", got, want)
	}
}
