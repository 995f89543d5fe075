package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
)

// TestDemoServe runs `demo --serve` on a free port: it must print the URL
// and a password for every role, the investigator's login must work, and
// the database must hold the scanned world's look-ups and alerts.
func TestDemoServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, errOut := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"demo", "--db", db, "--serve", "--listen", "127.0.0.1:0"}, strings.NewReader(""), out, errOut)
	}()
	addr := regexp.MustCompile(`Serving the workbench at (http://127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("demo --serve ended before serving: %v\nstdout %s\nstderr %s", err, out.String(), errOut.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("no URL printed; stdout %q stderr %q", out.String(), errOut.String())
	}
	text := out.String()

	m := regexp.MustCompile(`Scanned and stored in [0-9.]+s: (\d+) look-ups, (\d+) alerts`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no scan summary in the output:\n%s", text)
	}
	printedLookups, _ := strconv.Atoi(m[1])
	printedAlerts, _ := strconv.Atoi(m[2])
	if printedLookups < 10_000 || printedAlerts == 0 {
		t.Errorf("scan summary: %d look-ups, %d alerts; want a week of look-ups and some alerts", printedLookups, printedAlerts)
	}

	passwords := map[string]string{}
	for _, role := range lekradar.AccountRoles() {
		m := regexp.MustCompile(`(?m)^\s+demo-` + role + `\s+` + role + `\s+\S+\s+(\S+)$`).FindStringSubmatch(text)
		if m == nil {
			t.Errorf("no login printed for role %s:\n%s", role, text)
			continue
		}
		passwords[role] = m[1]
	}

	t.Run("investigator logs in", func(t *testing.T) {
		jar, _ := cookiejar.New(nil)
		hc := &http.Client{Jar: jar}
		resp, err := hc.PostForm(base+"/login", url.Values{"username": {"demo-investigator"}, "password": {passwords[lekradar.RoleInvestigator]}})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/" || !strings.Contains(string(body), `action="/logout"`) {
			t.Fatalf("login as demo-investigator: status %d at %s, want the start page with a logout form", resp.StatusCode, resp.Request.URL.Path)
		}
	})
	t.Run("wrong password refused", func(t *testing.T) {
		resp, err := http.PostForm(base+"/login", url.Values{"username": {"demo-investigator"}, "password": {"not-the-password"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password: status %d, want 401", resp.StatusCode)
		}
	})

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("demo --serve returned %v after shutdown", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("demo --serve did not stop")
	}

	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sys := lekradar.NewContextWithUser(context.Background(), lekradar.SystemActor("cli:test"))
	alerts, total, err := store.FindAlerts(sys, lekradar.AlertFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != printedAlerts || len(alerts) != 1 {
		t.Fatalf("database holds %d alerts, the output said %d", total, printedAlerts)
	}
	lookups, n, err := store.FindLookups(sys, lekradar.LookupFilter{PersonID: alerts[0].PersonID})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || len(lookups) != n {
		t.Fatalf("log search for the person of alert %s found %d look-ups", alerts[0].ID, n)
	}
	linked := 0
	for _, l := range lookups {
		if l.AlertID != "" {
			linked++
		}
	}
	if linked == 0 {
		t.Errorf("none of the %d look-ups of person %s links to an alert", n, alerts[0].PersonID)
	}
}

// TestDemo_ListenNeedsServe: --listen alone would silently do nothing.
func TestDemo_ListenNeedsServe(t *testing.T) {
	r := runCLI(t, "", "demo", "--db", filepath.Join(t.TempDir(), "demo.db"), "--listen", "127.0.0.1:0")
	if r.err == nil || !strings.Contains(r.err.Error(), "--listen needs --serve") {
		t.Fatalf("demo --listen without --serve: err %v, want one naming --serve", r.err)
	}
}
