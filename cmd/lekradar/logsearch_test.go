package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/sqlstore"
)

var scanBase = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)

// eventBackends makes an empty database per backend: SQLite always,
// PostgreSQL when LEKRADAR_TEST_POSTGRES is set.
var eventBackends = map[string]func(t *testing.T) string{
	"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "lekradar.db") },
	"postgres": func(t *testing.T) string {
		base := os.Getenv("LEKRADAR_TEST_POSTGRES")
		if base == "" {
			t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to run the CLI against PostgreSQL")
		}
		return mustCreatePostgresDB(t, base)
	},
}

// scannedDatabase fills db with a few look-ups and alerts, stored through
// the ScanWriter as scan --db does, and returns the alerts' stable ids.
func scannedDatabase(t *testing.T, db string) (string, []string) {
	t.Helper()
	mustRunCLI(t, "", "init", "--db", db)
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w, err := store.NewScanWriter(cliContext(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	ev := func(id string, h int, emp, person string) lekradar.LookupEvent {
		return lekradar.LookupEvent{ID: id, TS: scanBase.Add(time.Duration(h) * time.Hour), EmployeeID: emp,
			System: "bvh", Action: lekradar.ActionQuery, PersonID: person}
	}
	for _, l := range []struct {
		ev      lekradar.LookupEvent
		by      string
		signals []string
	}{
		{ev("ev-1", 0, "E100", "P1"), "case_given", nil},
		{ev("ev-2", 1, "E100", "P2"), "", []string{"neighbour"}},
		{ev("ev-3", 30, "E200", "P1"), "assigned_case", nil},
		{ev("ev-4", 50, "E100", "P1"), "", []string{"repeat", "night"}},
	} {
		if err := w.WriteLookup(l.ev, l.by, l.signals); err != nil {
			t.Fatal(err)
		}
	}
	alerts := []*lekradar.Alert{
		{ID: "1", EmployeeID: "E100", PersonID: "P2", EventIDs: []string{"ev-2"}, FirstTS: scanBase.Add(time.Hour),
			LastTS: scanBase.Add(time.Hour), Score: 4.5, Severity: lekradar.SeverityHigh,
			Reasons: []lekradar.Reason{{Rule: "neighbour", Text: "the employee lives next door"}}},
		{ID: "2", EmployeeID: "E100", PersonID: "P1", EventIDs: []string{"ev-4"}, FirstTS: scanBase.Add(50 * time.Hour),
			LastTS: scanBase.Add(50 * time.Hour), Score: 2, Severity: lekradar.SeverityLow,
			Reasons: []lekradar.Reason{{Rule: "night", Text: "at night"}}},
	}
	var ids []string
	for _, a := range alerts {
		if err := w.WriteAlert(a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sqlstore.AlertID(a))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return db, ids
}

func TestLogsearch(t *testing.T) {
	for backend, newDB := range eventBackends {
		t.Run(backend, func(t *testing.T) { testLogsearch(t, newDB(t)) })
	}
}

func testLogsearch(t *testing.T, db string) {
	db, alertIDs := scannedDatabase(t, db)

	t.Run("json by person", func(t *testing.T) {
		r := mustRunCLI(t, "", "logsearch", "--db", db, "--person", "P1", "--format", "json")
		var ls []lekradar.StoredLookup
		if err := json.Unmarshal([]byte(r.stdout), &ls); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		var ids []string
		for _, l := range ls {
			ids = append(ids, l.ID)
		}
		if !slices.Equal(ids, []string{"ev-1", "ev-3", "ev-4"}) {
			t.Fatalf("look-ups of P1 = %v", ids)
		}
		if ls[0].ExplainedBy == nil || *ls[0].ExplainedBy != "case_given" || ls[2].ExplainedBy != nil ||
			!slices.Equal(ls[2].Signals, []string{"repeat", "night"}) || ls[2].AlertID != alertIDs[1] {
			t.Fatalf("outcomes not kept: %s", r.stdout)
		}
	})
	t.Run("table by employee over dates", func(t *testing.T) {
		r := mustRunCLI(t, "", "logsearch", "--db", db, "--employee", "E100", "--from", "2024-03-01", "--to", "2024-03-02")
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(lines) != 3 || !strings.Contains(lines[1], "case_given") || !strings.Contains(lines[2], "(unexplained)") ||
			!strings.Contains(lines[2], "neighbour") || !strings.Contains(lines[2], alertIDs[0]) {
			t.Fatalf("table:\n%s", r.stdout)
		}
	})
	t.Run("times", func(t *testing.T) {
		r := mustRunCLI(t, "", "logsearch", "--db", db, "--person", "P1", "--from", "2024-03-01T09:00:00Z",
			"--to", "2024-03-03T10:00:00Z", "--format", "json")
		if strings.Contains(r.stdout, "ev-1") || !strings.Contains(r.stdout, "ev-3") || strings.Contains(r.stdout, "ev-4") {
			t.Fatalf("period 09:00–10:00 two days later:\n%s", r.stdout)
		}
	})
	t.Run("csv export with hash", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "export.csv")
		r := mustRunCLI(t, "", "logsearch", "--db", db, "--person", "P1", "--format", "csv", "--out", out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		hexSum := hex.EncodeToString(sum[:])
		if !strings.Contains(r.stderr, "sha256 "+hexSum) || !strings.Contains(r.stderr, "exported 3 look-ups") {
			t.Fatalf("stderr %q does not name the file's hash %s", r.stderr, hexSum)
		}
		recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
		if err != nil || len(recs) != 4 || recs[0][0] != "event_id" || recs[1][0] != "ev-1" {
			t.Fatalf("csv (%v):\n%s", err, data)
		}
		audit := mustRunCLI(t, "", "audit", "list", "--db", db, "--action", "export", "--format", "json").stdout
		if !strings.Contains(audit, "sha256="+hexSum) || !strings.Contains(audit, "person=P1") {
			t.Fatalf("export not in the audit trail:\n%s", audit)
		}
	})
	t.Run("bad flags", func(t *testing.T) {
		for _, args := range [][]string{
			{"--person", "P1", "--employee", "E100"},
			{},
			{"--person", "P1", "--from", "yesterday"},
			{"--person", "P1", "--format", "pdf"},
			{"--person", "P1", "--from", "2024-03-05", "--to", "2024-03-01"},
		} {
			r := runCLI(t, "", append([]string{"logsearch", "--db", db}, args...)...)
			if r.err == nil {
				t.Errorf("logsearch %v succeeded", args)
			}
		}
	})
}
