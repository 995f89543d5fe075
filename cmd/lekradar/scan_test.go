package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"lekradar"
	"lekradar/interchange"
)

var scanDay = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// mustWriteScanContext writes a small context directory: one team with a
// case, an employee whose partner is in the population register, a public
// figure, and a crowd of ordinary persons.
func mustWriteScanContext(t testing.TB, persons int) string {
	t.Helper()
	dir := t.TempDir()
	cw, err := interchange.NewContextWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(cw.WriteUnit(lekradar.Unit{ID: "amsterdam", Name: "Amsterdam", FTE: 5000}))
	must(cw.WriteTeam(lekradar.Team{ID: "T1", UnitID: "amsterdam", Kind: "basisteam", Name: "Basisteam 1"}))
	for e := 0; e < 20; e++ {
		must(cw.WriteEmployee(lekradar.Employee{ID: fmt.Sprintf("E%d", e), PersonID: fmt.Sprintf("PE%d", e), Surname: fmt.Sprintf("Zoeklicht%d", e),
			UnitID: "amsterdam", TeamID: "T1", Rank: "agent", Function: "noodhulp"}))
		must(cw.WritePerson(lekradar.Person{ID: fmt.Sprintf("PE%d", e), Surname: fmt.Sprintf("Zoeklicht%d", e), BirthYear: 1980,
			Postcode: fmt.Sprintf("10%02dAA", e), HouseNumber: "1"}))
		for d := -1; d < 30; d++ {
			start := scanDay.AddDate(0, 0, d).Add(7 * time.Hour)
			must(cw.WriteShift(lekradar.Shift{EmployeeID: fmt.Sprintf("E%d", e), Start: start, End: start.Add(9 * time.Hour)}))
		}
	}
	must(cw.WritePerson(lekradar.Person{ID: "PARTNER", Surname: "Anders", BirthYear: 1981, Postcode: "2000BB", HouseNumber: "2"}))
	must(cw.WriteRelation(lekradar.Relation{PersonID: "PE0", RelatedPersonID: "PARTNER", Kind: "partner"}))
	must(cw.WritePerson(lekradar.Person{ID: "STAR", Surname: "Ster", BirthYear: 1995, Postcode: "3000CC", HouseNumber: "3", Flags: []string{"vip"}}))
	for p := 0; p < persons; p++ {
		must(cw.WritePerson(lekradar.Person{ID: fmt.Sprintf("P%d", p), Surname: fmt.Sprintf("Naam%d", p%500), BirthYear: 1940 + p%60,
			Postcode: fmt.Sprintf("%04dXY", 4000+p%5000), HouseNumber: fmt.Sprint(p % 90)}))
	}
	must(cw.WriteCase(lekradar.Case{ID: "C1", Kind: "investigation", UnitID: "amsterdam", TeamID: "T1", Opened: scanDay.AddDate(0, 0, -10)}))
	for p := 0; p < 50; p++ {
		must(cw.WriteCasePerson(lekradar.CasePerson{CaseID: "C1", PersonID: fmt.Sprintf("P%d", p), Role: "verdachte"}))
	}
	must(cw.Close())
	return dir
}

func writeEventsFile(t testing.TB, lines []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeSampleEvents writes a day's log against mustWriteScanContext: a
// team case, a street check, the partner, the public figure, a case number
// given and an unexplained print.
func writeSampleEvents(t testing.TB) string {
	at := func(h int) time.Time { return scanDay.Add(time.Duration(h) * time.Hour) }
	return writeEventsFile(t, []string{
		eventLine("e1", at(8), "E1", "view", "P1", ""),
		eventLine("e2", at(9), "E1", "query", "P120", ""),
		eventLine("e3", at(10), "E0", "view", "PARTNER", ""),
		eventLine("e4", at(11), "E2", "query", "STAR", ""),
		eventLine("e5", at(12), "E3", "view", "P2", "C1"),
		eventLine("e6", at(13), "E4", "print", "P150", ""),
	})
}

func eventLine(id string, ts time.Time, emp, action, person, caseID string) string {
	s := fmt.Sprintf(`{"id":%q,"ts":%q,"employee_id":%q,"system":"bvh","action":%q,"person_id":%q`, id, ts.Format(time.RFC3339), emp, action, person)
	if caseID != "" {
		s += fmt.Sprintf(`,"case_id":%q`, caseID)
	}
	return s + "}"
}

func readJSONLines[T any](t *testing.T, data string) []T {
	t.Helper()
	var out []T
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		out = append(out, v)
	}
	return out
}

func TestScan(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 200)
	at := func(h int) time.Time { return scanDay.Add(time.Duration(h) * time.Hour) }
	events := writeEventsFile(t, []string{
		eventLine("e1", at(8), "E1", "view", "P1", ""),       // team case
		eventLine("e2", at(9), "E1", "query", "P120", ""),    // street check: unexplained, no alert
		eventLine("e3", at(10), "E0", "view", "PARTNER", ""), // partner: alert
		`{"id":"bad","ts":"not a time","employee_id":"E1"}`,  // malformed: line 4
		eventLine("e4", at(11), "E2", "query", "STAR", ""),   // public figure: alert
		eventLine("e5", at(12), "E3", "view", "P2", "C1"),    // case number given
		`this is not json`, // malformed: line 7
		eventLine("e6", at(13), "E4", "print", "P150", ""), // unexplained print: alert
	})
	alertsPath := filepath.Join(t.TempDir(), "alerts.jsonl")
	r := mustRunCLI(t, "", "scan", "--context", ctxDir, "--events", events, "--alerts", alertsPath, "--explanations", "-")

	t.Run("explanations", func(t *testing.T) {
		lines := readJSONLines[lekradar.EventExplanation](t, r.stdout)
		got := map[string]string{}
		for _, x := range lines {
			by := ""
			if x.ExplainedBy != nil {
				by = *x.ExplainedBy
			}
			got[x.ID] = by
		}
		want := map[string]string{"e1": "team_case", "e2": "", "e3": "", "e4": "", "e5": "given_case", "e6": ""}
		if len(lines) != len(want) {
			t.Errorf("%d explanation lines, want %d", len(lines), len(want))
		}
		for id, w := range want {
			if g, ok := got[id]; !ok || g != w {
				t.Errorf("event %s: explained_by %q (present %v), want %q", id, g, ok, w)
			}
		}
	})
	t.Run("alerts", func(t *testing.T) {
		data, err := os.ReadFile(alertsPath)
		if err != nil {
			t.Fatal(err)
		}
		alerts := readJSONLines[lekradar.Alert](t, string(data))
		got := map[string]lekradar.Alert{}
		for _, a := range alerts {
			if len(a.EventIDs) != 1 {
				t.Errorf("alert %s: event ids %v", a.ID, a.EventIDs)
				continue
			}
			got[a.EventIDs[0]] = a
		}
		for _, id := range []string{"e3", "e4", "e6"} {
			if _, ok := got[id]; !ok {
				t.Errorf("no alert for %s (alerts %+v)", id, alerts)
			}
		}
		for _, id := range []string{"e1", "e2", "e5"} {
			if _, ok := got[id]; ok {
				t.Errorf("alert for %s, want none", id)
			}
		}
		if a, ok := got["e3"]; ok && (a.Severity != lekradar.SeverityHigh || a.EmployeeID != "E0" || a.PersonID != "PARTNER") {
			t.Errorf("partner alert: %+v", a)
		}
		for _, a := range alerts {
			for _, reason := range a.Reasons {
				for _, word := range []string{"misuse", "guilty", "illegal"} {
					if strings.Contains(strings.ToLower(reason.Text), word) {
						t.Errorf("alert %s: reason claims guilt: %q", a.ID, reason.Text)
					}
				}
			}
		}
	})
	t.Run("stderr reports malformed lines and a summary", func(t *testing.T) {
		for _, want := range []string{"line 4", "line 7", "events: 6 read, 2 malformed lines skipped", "explained:", "given_case", "alerts: 3", "events/s"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
		}
	})
	t.Run("strict stops at the first malformed line", func(t *testing.T) {
		r := runCLI(t, "", "scan", "--context", ctxDir, "--events", events, "--alerts", filepath.Join(t.TempDir(), "a.jsonl"), "--strict")
		if r.err == nil || !strings.Contains(r.err.Error(), "line 4") {
			t.Errorf("err = %v, want one naming line 4", r.err)
		}
	})
	t.Run("alerts go to stdout by default", func(t *testing.T) {
		r := mustRunCLI(t, "", "scan", "--context", ctxDir, "--events", events)
		if n := len(readJSONLines[lekradar.Alert](t, r.stdout)); n != 3 {
			t.Errorf("%d alerts on stdout, want 3", n)
		}
	})
	t.Run("events from stdin", func(t *testing.T) {
		data, _ := os.ReadFile(events)
		r := mustRunCLI(t, string(data), "scan", "--context", ctxDir, "--events", "-")
		if n := len(readJSONLines[lekradar.Alert](t, r.stdout)); n != 3 {
			t.Errorf("%d alerts on stdout, want 3", n)
		}
	})
}

// TestScanReportsDisorder checks that the summary says how far the log was
// from time order and warns when events came beyond the reorder window
// (detection itself processes them as they come).
// A log out of time order beyond the reorder window is sorted before the
// scan, a file as standard input (copied to a temporary file for it); a
// live feed (--stream) is scanned as it comes, with a warning that says
// how far it was out of order.
func TestScanReportsDisorder(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 10)
	at := func(d time.Duration) time.Time { return scanDay.Add(8*time.Hour + d) }
	ev := func(id string, d time.Duration) string { return eventLine(id, at(d), "E1", "view", "P1", "") }
	tests := []struct {
		name    string
		lines   []string
		behind  string // the file's summary
		sorted  string // "" = not sorted
		stdin   string // the summary of a live feed on standard input
		warning string // "" = no warning line
	}{
		{"in order", []string{ev("e1", 0), ev("e2", time.Second), ev("e3", time.Hour)},
			"0 out of time order (0 beyond", "", "0 out of time order (0 beyond the reorder window of 10m0s)", ""},
		{"seconds", []string{ev("e1", 0), ev("e2", 30*time.Second), ev("e3", 10*time.Second), ev("e4", time.Minute)},
			"1 out of time order (0 beyond", "", "1 out of time order (0 beyond the reorder window of 10m0s)", ""},
		{"hours", []string{ev("e1", 0), ev("e2", 3*time.Hour), ev("e3", 3*time.Hour+15*time.Minute), ev("e4", time.Hour)},
			"1 out of time order in the log (sorted before the scan)", "line 4 lies 2h15m0s behind an earlier event",
			"1 out of time order (1 beyond the reorder window of 10m0s)", "1 events (25.00%) arrived after later events were already processed (reorder window 10m0s; the furthest behind by 2h15m0s)"},
		// On standard input the engine holds the newest events for the
		// window: e4 is late once e3 has pushed e2 out, e5 against e2.
		{"days: two logs concatenated", []string{ev("e1", 0), ev("e2", 72*time.Hour), ev("e3", 73*time.Hour), ev("e4", time.Hour), ev("e5", 2*time.Hour)},
			"2 out of time order in the log (sorted before the scan)", "line 4 lies 3.0 days behind an earlier event",
			"2 out of time order (2 beyond the reorder window of 10m0s)", "2 events (40.00%) arrived after later events were already processed (reorder window 10m0s; the furthest behind by 3.0 days)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := strings.Join(tt.lines, "\n") + "\n"
			for _, from := range []string{"file", "stdin"} {
				events, in := writeEventsFile(t, tt.lines), ""
				if from == "stdin" {
					events, in = "-", log
				}
				r := mustRunCLI(t, in, "scan", "--context", ctxDir, "--events", events, "--alerts", filepath.Join(t.TempDir(), "a.jsonl"))
				if !strings.Contains(r.stderr, tt.behind) {
					t.Errorf("%s: stderr lacks %q:\n%s", from, tt.behind, r.stderr)
				}
				if sorted := strings.Contains(r.stderr, "sorting the log by time"); sorted != (tt.sorted != "") || !strings.Contains(r.stderr, tt.sorted) {
					t.Errorf("%s: sorted %v, want %q:\n%s", from, sorted, tt.sorted, r.stderr)
				}
				if strings.Contains(r.stderr, "order: warning:") {
					t.Errorf("%s: a warning although the log can be sorted:\n%s", from, r.stderr)
				}
			}

			r := mustRunCLI(t, log, "scan", "--context", ctxDir, "--events", "-", "--stream", "--alerts", filepath.Join(t.TempDir(), "a.jsonl"))
			if !strings.Contains(r.stderr, tt.stdin) {
				t.Errorf("stream: stderr lacks %q:\n%s", tt.stdin, r.stderr)
			}
			warned := strings.Contains(r.stderr, "order: warning:")
			if tt.warning == "" && warned {
				t.Errorf("stream: unexpected order warning:\n%s", r.stderr)
			}
			if tt.warning != "" && !strings.Contains(r.stderr, tt.warning) {
				t.Errorf("stream: stderr lacks warning %q:\n%s", tt.warning, r.stderr)
			}
		})
	}

	t.Run("a concatenated log scans as the sorted one", func(t *testing.T) {
		var lines []string
		for d := 0; d < 6; d++ {
			for i := 0; i < 40; i++ {
				lines = append(lines, eventLine(fmt.Sprintf("e%d-%d", d, i), scanDay.AddDate(0, 0, d).Add(time.Duration(8*60+i*7)*time.Minute),
					fmt.Sprintf("E%d", i%5), "view", fmt.Sprintf("P%d", (d*40+i)%9), ""))
			}
			lines = append(lines, eventLine(fmt.Sprintf("x%d", d), scanDay.AddDate(0, 0, d).Add(13*time.Hour), "E0", "view", "PARTNER", ""),
				eventLine(fmt.Sprintf("y%d", d), scanDay.AddDate(0, 0, d).Add(14*time.Hour), fmt.Sprintf("E%d", 2+d%3), "query", "STAR", ""))
		}
		concatenated := append(slices.Clone(lines[len(lines)/2:]), lines[:len(lines)/2]...)
		// Explanations to standard output (here not a file) have the order
		// checked before the scan; to a file, the scan starts at once and
		// starts again, sorted, at the first event beyond the window.
		scanOf := func(lines []string, stdin, explToFile bool) (string, string) {
			alerts := filepath.Join(t.TempDir(), "a.jsonl")
			events, in := writeEventsFile(t, lines), ""
			if stdin {
				events, in = "-", strings.Join(lines, "\n")+"\n"
			}
			expl := "-"
			if explToFile {
				expl = filepath.Join(t.TempDir(), "x.jsonl")
			}
			r := mustRunCLI(t, in, "scan", "--context", ctxDir, "--events", events, "--alerts", alerts, "--explanations", expl)
			if explToFile != strings.Contains(r.stderr, "scanning it again") {
				t.Errorf("stdin %v, explanations to a file %v: scanned twice %v:\n%s", stdin, explToFile, !explToFile, r.stderr)
			}
			data, err := os.ReadFile(alerts)
			if err != nil {
				t.Fatal(err)
			}
			if !explToFile {
				return string(data), r.stdout
			}
			x, err := os.ReadFile(expl)
			if err != nil {
				t.Fatal(err)
			}
			return string(data), string(x)
		}
		wantAlerts, wantExpl := scanOf(lines, false, false)
		sortedLines := func(s string) []string { l := strings.Split(s, "\n"); slices.Sort(l); return l }
		for _, stdin := range []bool{false, true} {
			for _, explToFile := range []bool{false, true} {
				gotAlerts, gotExpl := scanOf(concatenated, stdin, explToFile)
				if wantAlerts == "" || gotAlerts != wantAlerts {
					t.Errorf("stdin %v, explanations to a file %v: alerts of the concatenated log:\n%s\nof the sorted log:\n%s", stdin, explToFile, gotAlerts, wantAlerts)
				}
				if !slices.Equal(sortedLines(gotExpl), sortedLines(wantExpl)) {
					t.Errorf("stdin %v, explanations to a file %v: explanations of the concatenated log differ from the sorted log's", stdin, explToFile)
				}
			}
		}
	})

	t.Run("alerts to standard output redirected to a file", func(t *testing.T) {
		var lines []string
		for d := 0; d < 4; d++ {
			for i := 0; i < 30; i++ {
				lines = append(lines, eventLine(fmt.Sprintf("e%d-%d", d, i), scanDay.AddDate(0, 0, d).Add(time.Duration(9*60+i*5)*time.Minute),
					fmt.Sprintf("E%d", 2+i%4), "view", fmt.Sprintf("P%d", i%7), ""))
			}
			lines = append(lines, eventLine(fmt.Sprintf("x%d", d), scanDay.AddDate(0, 0, d).Add(13*time.Hour), "E0", "view", "PARTNER", ""))
		}
		want := mustRunCLI(t, "", "scan", "--context", ctxDir, "--events", writeEventsFile(t, lines)).stdout
		if want == "" {
			t.Fatal("the sorted log gives no alerts to compare")
		}
		concatenated := writeEventsFile(t, append(slices.Clone(lines[len(lines)/2:]), lines[:len(lines)/2]...))
		// > (a new file): scanned at once, then again sorted; >> (append to
		// an earlier scan's): the order is checked first.
		for _, appendTo := range []bool{false, true} {
			path := filepath.Join(t.TempDir(), "out.jsonl")
			earlier := ""
			flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			if appendTo {
				earlier = "{\"earlier\":true}\n"
				if err := os.WriteFile(path, []byte(earlier), 0o644); err != nil {
					t.Fatal(err)
				}
				flag = os.O_WRONLY | os.O_APPEND
			}
			f, err := os.OpenFile(path, flag, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			err = run(context.Background(), []string{"scan", "--context", ctxDir, "--events", concatenated}, strings.NewReader(""), f, &stderr)
			f.Close()
			if err != nil {
				t.Fatalf("append %v: %v\n%s", appendTo, err, stderr.String())
			}
			if again := strings.Contains(stderr.String(), "scanning it again"); again == appendTo {
				t.Errorf("append %v: scanned twice %v:\n%s", appendTo, again, stderr.String())
			}
			if got, _ := os.ReadFile(path); string(got) != earlier+want {
				t.Errorf("append %v: output\n%s\nwant\n%s", appendTo, got, earlier+want)
			}
		}
	})

	t.Run("standard input without room for its copy", func(t *testing.T) {
		t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
		inOrder := []string{ev("e1", 0), ev("e2", time.Hour)}
		r := runCLI(t, strings.Join(inOrder, "\n")+"\n", "scan", "--context", ctxDir, "--events", "-", "--alerts", filepath.Join(t.TempDir(), "a.jsonl"))
		if r.err != nil || !strings.Contains(r.stderr, "events: 2 read") {
			t.Errorf("a log in order: err %v:\n%s", r.err, r.stderr)
		}
		disorder := []string{ev("e1", 0), ev("e2", 3*time.Hour), ev("e3", time.Hour)}
		alerts := filepath.Join(t.TempDir(), "a.jsonl")
		r = runCLI(t, strings.Join(disorder, "\n")+"\n", "scan", "--context", ctxDir, "--events", "-", "--alerts", alerts)
		if r.err == nil || !strings.Contains(r.err.Error(), "copy of it to sort could not be written") {
			t.Errorf("a log out of order: err %v", r.err)
		}
		if data, err := os.ReadFile(alerts); err != nil || len(data) != 0 {
			t.Errorf("a log out of order: alerts of the pass taken back left behind: %q (%v)", data, err)
		}
	})

	t.Run("--strict stops at a malformed line the sort reads", func(t *testing.T) {
		lines := []string{ev("e1", 0), ev("e2", 3*time.Hour), ev("e3", time.Hour), `{"id":"bad","ts":"not a time"}`}
		events := writeEventsFile(t, lines)
		for _, expl := range []string{"-", filepath.Join(t.TempDir(), "x.jsonl")} {
			r := runCLI(t, "", "scan", "--context", ctxDir, "--events", events, "--strict", "--alerts", filepath.Join(t.TempDir(), "a.jsonl"), "--explanations", expl)
			if r.err == nil || !strings.Contains(r.err.Error(), "--strict") || !strings.Contains(r.err.Error(), "line 4") {
				t.Errorf("explanations to %s: err %v, want the malformed line 4 under --strict", expl, r.err)
			}
		}
	})

	t.Run("a malformed line before the disorder is reported once", func(t *testing.T) {
		lines := []string{ev("e1", 0), `{"id":"bad","ts":"not a time"}`, ev("e2", 3*time.Hour), ev("e3", time.Hour)}
		for _, from := range []string{"file", "stdin"} {
			events, in := writeEventsFile(t, lines), ""
			if from == "stdin" {
				events, in = "-", strings.Join(lines, "\n")+"\n"
			}
			r := mustRunCLI(t, in, "scan", "--context", ctxDir, "--events", events, "--alerts", filepath.Join(t.TempDir(), "a.jsonl"))
			if n := strings.Count(r.stderr, "events: skipped:"); n != 1 || !strings.Contains(r.stderr, "line 2") {
				t.Errorf("%s: the malformed line reported %d times, want once with its line:\n%s", from, n, r.stderr)
			}
			if !strings.Contains(r.stderr, "events: 3 read, 1 malformed lines skipped, 1 out of time order in the log (sorted before the scan)") {
				t.Errorf("%s: summary of the second pass wrong:\n%s", from, r.stderr)
			}
		}
	})
}

func TestScanRefusesBadInput(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 10)
	events := writeEventsFile(t, []string{eventLine("e1", scanDay.Add(8*time.Hour), "E1", "view", "P1", "")})
	badPolicy := filepath.Join(t.TempDir(), "policy.yaml")
	os.WriteFile(badPolicy, []byte("version: 1\nthresholds: {alert: 1, medium: 2, high: 3}\nsignals:\n  - name: vip\n    weight: 1\n    when: \"event.hoour > 3\"\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no context", []string{"scan", "--events", events}, "--context"},
		{"no events", []string{"scan", "--context", ctxDir}, "--events"},
		{"missing context dir", []string{"scan", "--context", filepath.Join(ctxDir, "nope"), "--events", events}, "nope"},
		{"missing events file", []string{"scan", "--context", ctxDir, "--events", events + ".missing"}, "missing"},
		{"bad policy names the rule", []string{"scan", "--context", ctxDir, "--events", events, "--policy", badPolicy}, "signal vip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", r.err, tt.want)
			}
		})
	}
	t.Run("a missing events file leaves an earlier scan's alerts alone", func(t *testing.T) {
		alerts := filepath.Join(t.TempDir(), "a.jsonl")
		if err := os.WriteFile(alerts, []byte("{\"earlier\":true}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := runCLI(t, "", "scan", "--context", ctxDir, "--events", events+".missing", "--alerts", alerts); r.err == nil {
			t.Fatal("no error for a missing events file")
		}
		if data, _ := os.ReadFile(alerts); string(data) != "{\"earlier\":true}\n" {
			t.Errorf("alerts file now %q", data)
		}
	})
}

// TestScanSurvivesGarbage feeds random bytes and broken JSON lines: the
// scan reports and skips them, and never panics.
func TestScanSurvivesGarbage(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 10)
	r := rand.New(rand.NewPCG(1, 2))
	good := eventLine("ok", scanDay.Add(8*time.Hour), "E1", "view", "P1", "")
	inputs := map[string]string{
		"empty":        "",
		"blank lines":  "\n\n\n",
		"binary":       string(randomBytes(r, 5000)),
		"broken json":  strings.Repeat(`{"id":"x","ts":"2026-03-02T10:00:00Z","employee_id":`+"\n", 50) + good + "\n",
		"wrong types":  `{"id":1,"ts":2,"employee_id":[],"action":{},"person_id":null}` + "\n" + good + "\n",
		"huge line":    `{"id":"` + strings.Repeat("x", 1<<20) + `"}` + "\n" + good + "\n",
		"csv garbage":  "id,ts,employee_id,action,person_id\n1,2,3\n,,,,\n\"unterminated\n",
		"future, past": eventLine("f", time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), "E1", "view", "P1", "") + "\n" + eventLine("p", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "E1", "view", "P1", "") + "\n",
	}
	for i := 0; i < 20; i++ {
		lines := []string{good}
		for j := 0; j < 20; j++ {
			b := []byte(good)
			for k := 0; k < 3; k++ {
				b[r.IntN(len(b))] = byte(r.IntN(256))
			}
			lines = append(lines, string(b))
		}
		inputs[fmt.Sprintf("mutated %d", i)] = strings.Join(lines, "\n")
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("panic: %v", p)
					}
				}()
				err := run(context.Background(), []string{"scan", "--context", ctxDir, "--events", "-"}, strings.NewReader(in), &stdout, &stderr)
				if err != nil && !strings.Contains(err.Error(), "events") {
					t.Logf("error (allowed): %v", err)
				}
			}()
			if !strings.Contains(stderr.String(), "events:") && !strings.Contains(stderr.String(), "context:") {
				t.Errorf("no summary on stderr:\n%s", stderr.String())
			}
		})
	}
}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

// BenchmarkScan runs the whole scan command over a generated JSON Lines
// log (ns/op is per event). LEKRADAR_BENCH_WORLD names a world directory
// (context plus events.jsonl, e.g. from lekradar synth world) to use instead.
func BenchmarkScan(b *testing.B) {
	ctxDir, events := os.Getenv("LEKRADAR_BENCH_WORLD"), ""
	n := 0
	if ctxDir != "" {
		events = filepath.Join(ctxDir, "events.jsonl")
		f, err := os.Open(events)
		if err != nil {
			b.Fatal(err)
		}
		n = countLines(f)
		f.Close()
	} else {
		ctxDir = mustWriteScanContext(b, 100_000)
		n = 1_000_000
		var sb strings.Builder
		r := rand.New(rand.NewPCG(3, 4))
		step := 9 * time.Hour / time.Duration(n/20)
		for i := 0; i < n; i++ {
			day := i / (n / 20)
			ts := scanDay.AddDate(0, 0, day).Add(7*time.Hour + time.Duration(i%(n/20))*step)
			person := fmt.Sprintf("P%d", r.IntN(50))
			if r.IntN(20) == 0 {
				person = fmt.Sprintf("P%d", r.IntN(100_000))
			}
			sb.WriteString(eventLine(fmt.Sprintf("e%d", i), ts, fmt.Sprintf("E%d", r.IntN(20)), "view", person, ""))
			sb.WriteByte('\n')
		}
		events = filepath.Join(b.TempDir(), "events.jsonl")
		if err := os.WriteFile(events, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := run(context.Background(), []string{"scan", "--context", ctxDir, "--events", events, "--alerts", os.DevNull}, strings.NewReader(""), io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*float64(n)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/event")
}

func countLines(r io.Reader) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}

// A log given as a named pipe is read once, as it comes: the order check
// must not consume it.
func TestScanEventsFromPipe(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 10)
	lines := []string{
		eventLine("e1", scanDay.Add(10*time.Hour), "E1", "view", "P1", ""),
		eventLine("e2", scanDay.Add(8*time.Hour), "E0", "view", "PARTNER", ""), // out of order
	}
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream %v", stream), func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "events.fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp) // where the copy goes
			go func() {
				f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err != nil {
					return
				}
				defer f.Close()
				f.WriteString(strings.Join(lines, "\n") + "\n")
			}()
			done := make(chan cliResult, 1)
			args := []string{"scan", "--context", ctxDir, "--events", fifo, "--alerts", filepath.Join(t.TempDir(), "a.jsonl")}
			if stream {
				args = append(args, "--stream")
			}
			go func() { done <- runCLI(t, "", args...) }()
			var r cliResult
			select {
			case r = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("scan of a named pipe hung: something read the pipe before the scan did")
			}
			if r.err != nil {
				t.Fatalf("scan: %v\n%s", r.err, r.stderr)
			}
			if !strings.Contains(r.stderr, "events: 2 read") {
				t.Errorf("the pipe's events were not all read:\n%s", r.stderr)
			}
			// Copied to a temporary file, a pipe is sorted as a file is; a
			// live feed is explained as it comes.
			if sorted := strings.Contains(r.stderr, "sorting the log"); sorted == stream {
				t.Errorf("sorted %v, want %v:\n%s", sorted, !stream, r.stderr)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("the temporary copy was left behind: %v", left)
			}
		})
	}
}
