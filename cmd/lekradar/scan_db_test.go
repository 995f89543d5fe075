package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"lekradar"
)

// A scan with --db stores every look-up with its explanation and every
// alert; scanning the same log again stores nothing twice.
func TestScan_StoresLookupsAndAlerts(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 200)
	events := writeSampleEvents(t)
	db := filepath.Join(t.TempDir(), "scan.db")
	mustRunCLI(t, "", "init", "--db", db)

	counts := func() (lookups, alerts int) {
		t.Helper()
		store, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		if err := store.DB().QueryRow("SELECT COUNT(*) FROM lookup").Scan(&lookups); err != nil {
			t.Fatal(err)
		}
		_, alerts, err = store.FindAlerts(cliContext(context.Background()), lekradar.AlertFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return lookups, alerts
	}

	var firstAlerts int
	for run := 1; run <= 2; run++ {
		r := mustRunCLI(t, "", "scan", "--db", db, "--context", ctxDir, "--events", events,
			"--alerts", filepath.Join(t.TempDir(), "alerts.jsonl"))
		if !strings.Contains(r.stderr, "stored: 6 look-ups") {
			t.Fatalf("run %d: summary does not report the stored look-ups:\n%s", run, r.stderr)
		}
		lookups, alerts := counts()
		if lookups != 6 {
			t.Fatalf("run %d: %d look-ups stored, want 6", run, lookups)
		}
		if alerts == 0 {
			t.Fatalf("run %d: no alerts stored (the partner look-up must alert)", run)
		}
		if run == 1 {
			firstAlerts = alerts
		} else if alerts != firstAlerts {
			t.Fatalf("re-scan changed the alerts from %d to %d: duplicates", firstAlerts, alerts)
		}
	}

	// The stored explanations are what log search shows.
	r := mustRunCLI(t, "", "logsearch", "--db", db, "--employee", "E3", "--format", "json")
	if !strings.Contains(r.stdout, `"e5"`) || !strings.Contains(r.stdout, "given_case") {
		t.Fatalf("log search of E3 lacks e5 explained by given_case:\n%s", r.stdout)
	}
	r = mustRunCLI(t, "", "logsearch", "--db", db, "--person", "PARTNER", "--format", "json")
	if !strings.Contains(r.stdout, `"e3"`) || !strings.Contains(r.stdout, "partner") {
		t.Fatalf("log search of PARTNER lacks e3 with the partner signal:\n%s", r.stdout)
	}
}
