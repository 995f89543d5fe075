package e2e_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"lekradar"
	"lekradar/sqlstore"
)

// testLogSearch searches the look-ups of an alert's person, checks the
// timeline against the store, exports it as CSV through the browser's
// download and checks the file against the audit trail's hash.
func testLogSearch(t *testing.T, ctx context.Context, ts *httptest.Server) {
	if !pageExists(t, ts, "/logsearch") {
		t.Skip("the workbench has no log search page at /logsearch yet")
	}
	as, _ := openAlerts(t)
	if len(as) == 0 {
		t.Fatal("no open alert to take a person from")
	}
	person := as[0].PersonID
	want, total, err := fx.store.FindLookups(fx.sysCtx, lekradar.LookupFilter{PersonID: person})
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 {
		t.Fatalf("the store has no look-ups of person %s, whose alert %s lists %d", person, as[0].ID, len(as[0].EventIDs))
	}

	run(t, ctx,
		chromedp.Navigate(ts.URL+"/logsearch"),
		chromedp.WaitVisible(chromedp.CSS(`form.logsearch input[name="person_id"]`)),
		chromedp.SendKeys(chromedp.CSS(`form.logsearch input[name="person_id"]`), person),
		chromedp.Click(chromedp.CSS(`form.logsearch button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.count`)),
	)
	loc := get(t, ctx, chromedp.Location())
	if strings.Contains(loc, person) {
		t.Errorf("the person id is in the URL %s", loc)
	}
	if count := text(t, ctx, "p.count"); !strings.Contains(count, " van "+strconv.Itoa(total)+",") {
		t.Errorf("count line %q, want it to end with the %d look-ups", count, total)
	}
	rows := get(t, ctx, chromedp.Nodes(chromedp.CSSAll(`table.timeline tbody tr`)))
	if len(rows) != min(total, 100) {
		t.Errorf("timeline shows %d rows, want %d", len(rows), min(total, 100))
	}
	timeline := text(t, ctx, "table.timeline tbody")
	if n := strings.Count(timeline, person); n != len(rows) {
		t.Errorf("person %s appears %d times in %d rows", person, n, len(rows))
	}
	if !strings.Contains(timeline, as[0].ID) {
		t.Errorf("the timeline does not link alert %s", as[0].ID)
	}
	requireAudit(t, investigator, lekradar.AuditSearch, lekradar.ObjectLookups, "", "person="+person)

	file := download(t, ctx, `form[action="/logsearch/export/csv"] button[type="submit"]`)
	records, err := csv.NewReader(bytes.NewReader(file)).ReadAll()
	if err != nil {
		t.Fatalf("exported CSV: %v", err)
	}
	if len(records) == 0 || !slices.Equal(records[0], sqlstore.LookupCSVHeader) {
		t.Fatalf("exported CSV header %v, want %v", records[:min(1, len(records))], sqlstore.LookupCSVHeader)
	}
	if len(records)-1 != total {
		t.Errorf("exported CSV has %d look-ups, the search %d", len(records)-1, total)
	}
	for i, l := range want {
		if i+1 < len(records) && (records[i+1][0] != l.ID || records[i+1][5] != person) {
			t.Errorf("CSV row %d is %v, want event %s of person %s", i+1, records[i+1], l.ID, person)
			break
		}
	}
	sum := sha256.Sum256(file)
	requireAudit(t, investigator, lekradar.AuditExport, lekradar.ObjectLookups, "",
		"rows="+strconv.Itoa(total)+" sha256="+hex.EncodeToString(sum[:]))
}

// download clicks the element of the CSS selector sel, which must start
// a download, and returns the downloaded file.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	progress := chromedp.Events(sctx, browser.DownloadProgress)
	run(t, ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			allow := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &allow})
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)),
	)
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("no download completed after clicking %s: %v", sel, err)
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		if err != nil {
			t.Fatalf("read download: %v", err)
		}
		return b
	}
	t.Fatalf("no download completed after clicking %s", sel)
	return nil
}
