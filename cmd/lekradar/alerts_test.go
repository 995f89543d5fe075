package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"lekradar"
)

func TestAlertCommands(t *testing.T) {
	for backend, newDB := range eventBackends {
		t.Run(backend, func(t *testing.T) { testAlertCommands(t, newDB(t)) })
	}
}

func testAlertCommands(t *testing.T, db string) {
	db, ids := scannedDatabase(t, db)
	high, low := ids[0], ids[1]

	r := mustRunCLI(t, "", "alert", "list", "--db", db, "--format", "json")
	var list []lekradar.StoredAlert
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(list) != 2 || list[0].ID != high || list[1].ID != low {
		t.Fatalf("inbox order:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "E100") || !strings.HasPrefix(list[0].EmployeePseudonym, "P-") ||
		list[0].EmployeePseudonym != list[1].EmployeePseudonym {
		t.Fatalf("employee not pseudonymised (stably):\n%s", r.stdout)
	}
	table := mustRunCLI(t, "", "alert", "list", "--db", db, "--employee", "E100", "--severity", "high").stdout
	if !strings.Contains(table, high) || strings.Contains(table, low) || strings.Contains(table, "E100") {
		t.Fatalf("list --employee E100 --severity high:\n%s", table)
	}

	if r := runCLI(t, "", "alert", "reveal", high, "--db", db); r.err == nil {
		t.Fatal("reveal without a reason succeeded")
	}
	if got := mustRunCLI(t, "", "alert", "reveal", high, "--db", db, "--reason", "interview planned").stdout; got != "E100\n" {
		t.Fatalf("reveal printed %q", got)
	}

	mustRunCLI(t, "", "alert", "act", low, "--db", db, "--action", "dismissed", "--reason", "night shift, known")
	if r := runCLI(t, "", "alert", "act", high, "--db", db, "--action", "escalated", "--reason", "pattern"); r.err == nil {
		t.Fatal("escalation without --department succeeded")
	}
	out := mustRunCLI(t, "", "alert", "act", high, "--db", db, "--action", "escalated", "--reason", "pattern",
		"--department", "amsterdam").stdout
	m := regexp.MustCompile(`dossier (VIK-AMS-\d{4}-\d{4})`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("escalation printed %q", out)
	}
	show := mustRunCLI(t, "", "dossier", "show", m[1], "--db", db).stdout
	if !strings.Contains(show, "detectie") || !strings.Contains(show, high) {
		t.Fatalf("escalated dossier:\n%s", show)
	}
	text := mustRunCLI(t, "", "alert", "show", high, "--db", db).stdout
	for _, want := range []string{"escalated", "reveal by cli:", "interview planned", "dossier:", "neighbour"} {
		if !strings.Contains(text, want) {
			t.Errorf("alert show lacks %q:\n%s", want, text)
		}
	}
	if r := runCLI(t, "", "alert", "act", high, "--db", db, "--action", "dismissed", "--reason", "x"); r.err == nil {
		t.Fatal("acting on an escalated alert succeeded")
	}
	if r := runCLI(t, "", "alert", "act", high, "--db", db, "--action", "closed", "--reason", "x"); r.err == nil ||
		!strings.Contains(errorText(r.err), "explained") {
		t.Fatalf("unknown action: %v", r.err)
	}
	open := mustRunCLI(t, "", "alert", "list", "--db", db, "--status", "open").stdout
	if strings.Contains(open, high) || strings.Contains(open, low) {
		t.Fatalf("open alerts after triage:\n%s", open)
	}
	mustRunCLI(t, "", "audit", "verify", "--db", db)
}
