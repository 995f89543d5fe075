package http_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"lekradar"
)

// TestReportPageAccess: the aggregate report is for the analyst and the
// privacy officer, and no one else.
func TestReportPageAccess(t *testing.T) {
	ts := newServer(t, nil)
	// anon admin intake invest analyst research privacy auditor other-inv suspect
	want := strings.Fields("303 403 403 403 200 403 200 403 403 403")
	for i, who := range columns {
		t.Run(who, func(t *testing.T) {
			c := newClient(ts)
			if who != "anonymous" {
				c = loggedIn(t, ts, who)
			}
			resp, body := c.get(t, "/report")
			if got := strconv.Itoa(resp.StatusCode); got != want[i] {
				t.Fatalf("GET /report as %s: status %s, want %s", who, got, want[i])
			}
			hasNav := strings.Contains(body, `href="/report"`)
			if ok := want[i] == "200"; who != "anonymous" && hasNav != ok {
				t.Errorf("GET /report as %s: navigation link shown %v, want %v", who, hasNav, ok)
			}
		})
	}
}

// TestReportPage: the page shows the same analysis as the command's HTML —
// charts and the fairness monitor — over the whole registry, holds no
// reporter identity, and its reading of the dossiers is audited.
func TestReportPage(t *testing.T) {
	ts := newServer(t, nil)
	for _, who := range []string{"demo-analyst", "demo-privacy_officer"} {
		t.Run(who, func(t *testing.T) {
			c := loggedIn(t, ts, who)
			before := auditCount(t, who)
			resp, body := c.get(t, "/report")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /report: status %d", resp.StatusCode)
			}
			for _, want := range []string{
				`<svg`, `id="fairness"`, `id="fairness-detection"`, `id="unit-rates"`, `id="quality"`, `class="report"`,
				`/static/report.css`,
				"Eerlijkheidsmonitor",
			} {
				if !strings.Contains(body, want) {
					t.Errorf("report page lacks %q", want)
				}
			}
			if n := strings.Count(body, "<svg"); n < 3 {
				t.Errorf("report page has %d charts, want at least 3", n)
			}
			if strings.Contains(body, ` style="`) {
				t.Error("report page has style attributes, which the Content-Security-Policy blocks")
			}
			// All dossiers count, not only the ones the role may read:
			// the privacy officer reads none, the analyst one department.
			total, _, err := fx.store.FindDossiers(fx.sysCtx, lekradar.DossierFilter{OmitReporterIdentities: true})
			if err != nil {
				t.Fatal(err)
			}
			if want := `<th>Dossiers</th><td class="n">` + strconv.Itoa(len(total)) + `</td>`; !strings.Contains(body, want) {
				t.Errorf("report page does not count all %d dossiers", len(total))
			}
			if after := auditCount(t, who); after != before+1 {
				t.Errorf("audit entries of %s for dossier searches: %d before, %d after, want one more", who, before, after)
			}
			entries := auditEntries(t, who)
			if d := entries[0].Detail; !strings.Contains(d, "purpose=aggregate_report") {
				t.Errorf("audit detail %q lacks the purpose", d)
			}
		})
	}
	t.Run("period", func(t *testing.T) {
		c := loggedIn(t, ts, "demo-analyst")
		resp, body := c.get(t, "/report?from=2017-01-01&to=2017-12-31")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if !strings.Contains(body, "2017-01-01 – 2017-12-31") {
			t.Error("report page does not show the chosen period")
		}
	})
	t.Run("bad dates", func(t *testing.T) {
		c := loggedIn(t, ts, "demo-analyst")
		for _, q := range []string{"?from=yesterday", "?to=2017-13-01", "?from=2018-01-01&to=2017-01-01"} {
			resp, body := c.get(t, "/report"+q)
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET /report%s: status %d, want 400", q, resp.StatusCode)
			}
			if !strings.Contains(body, `aria-invalid="true"`) || strings.Contains(body, "<svg") {
				t.Errorf("GET /report%s: want the form with its error and no report", q)
			}
		}
	})
}

// auditEntries returns the dossier searches of actor, newest first.
func auditEntries(t *testing.T, actor string) []*lekradar.AuditEntry {
	t.Helper()
	action, object := lekradar.AuditSearch, lekradar.ObjectDossier
	entries, _, err := fx.store.FindAuditEntries(fx.sysCtx, lekradar.AuditFilter{Actor: &actor, Action: &action, ObjectType: &object})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func auditCount(t *testing.T, actor string) int { return len(auditEntries(t, actor)) }
