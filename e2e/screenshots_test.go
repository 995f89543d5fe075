package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lekradar"
)

// TestScreenshots saves PNGs of the main pages, in Dutch, into the
// directory named by LEKRADAR_SCREENSHOTS (docs/screenshots for the
// documentation):
//
//	LEKRADAR_SCREENSHOTS=$PWD/docs/screenshots go test -run TestScreenshots ./e2e/
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("LEKRADAR_SCREENSHOTS")
	if dir == "" {
		t.Skip("set LEKRADAR_SCREENSHOTS=DIR to save screenshots of the main pages")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	ts := newServer(t)
	run(t, ctx, chromedp.EmulateViewport(1366, 900))
	shot := func(name string) {
		t.Helper()
		png := get(t, ctx, chromedp.CaptureScreenshot())
		if len(png) < 8 || string(png[1:4]) != "PNG" {
			t.Fatalf("%s: the screenshot is not a PNG", name)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("saved %s (%d KiB)", filepath.Join(dir, name), len(png)>>10)
	}
	page := func(path, name string) {
		t.Helper()
		run(t, ctx, chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("footer")))
		shot(name)
	}

	run(t, ctx, chromedp.Navigate(ts.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), investigator))
	shot("web-login.png")
	login(t, ctx, ts, investigator)

	page("/dossiers", "web-dossiers.png")
	link := chromedp.CSS(`main table a[href^="/dossiers/"]`)
	dossier := get(t, ctx, chromedp.AttributeValue(link, "href")).Value
	page(dossier, "web-dossier.png")
	page(dossier+"/edit", "web-dossier-edit.png")
	page("/intake", "web-intake.png")
	page("/deadlines", "web-deadlines.png")
	page("/spots", "web-spots.png")

	as, _, err := fx.store.FindAlerts(fx.sysCtx, lekradar.AlertFilter{Status: lekradar.AlertOpen, Severity: lekradar.SeverityHigh, Limit: 1})
	if err != nil || len(as) == 0 {
		t.Fatalf("no open high alert to show (%v)", err)
	}
	page("/alerts", "web-alerts.png")
	page("/alerts/"+as[0].ID, "web-alert.png")

	// The log search shows the alert's employee's look-ups on the day of
	// the alert: a fuller timeline than the person's.
	ls, _, err := fx.store.FindLookups(fx.sysCtx, lekradar.LookupFilter{PersonID: as[0].PersonID, Limit: 1})
	if err != nil || len(ls) == 0 {
		t.Fatalf("no look-ups of person %s (%v)", as[0].PersonID, err)
	}
	day := as[0].FirstTS.UTC().Format("2006-01-02")
	form := `form.logsearch `
	run(t, ctx,
		chromedp.Navigate(ts.URL+"/logsearch"),
		chromedp.WaitVisible(chromedp.CSS(form+`input[name="employee_id"]`)),
		chromedp.SendKeys(chromedp.CSS(form+`input[name="employee_id"]`), ls[0].EmployeeID),
		chromedp.SetValue(chromedp.CSS(form+`input[name="from"]`), day),
		chromedp.SetValue(chromedp.CSS(form+`input[name="to"]`), day),
		chromedp.Click(chromedp.CSS(form+`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.timeline`)),
	)
	if got := text(t, ctx, "table.timeline tbody"); !strings.Contains(got, ls[0].EmployeeID) || !strings.Contains(got, as[0].PersonID) {
		t.Fatalf("log search result does not show employee %s's look-up of person %s", ls[0].EmployeeID, as[0].PersonID)
	}
	shot("web-logsearch.png")
}
