package e2e_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lekradar"
)

const investigator = "demo-investigator"

// TestWorkbench walks through the investigator's day in the browser: log
// in, register a report, work the alert inbox, search the look-up log.
// Each step checks what the page shows and what the store and the audit
// trail recorded.
func TestWorkbench(t *testing.T) {
	ctx := newBrowser(t)
	ts := newServer(t)

	t.Run("login", func(t *testing.T) {
		login(t, ctx, ts, investigator)
		who := text(t, ctx, ".who")
		if !strings.Contains(who, investigator) || !strings.Contains(who, "onderzoeker") {
			t.Errorf("header names %q, want the account and its Dutch role (onderzoeker)", who)
		}
		nav := text(t, ctx, "nav")
		for _, want := range []string{"Dossiers", "Intake", "Termijnen", "Kwetsbare plekken"} {
			if !strings.Contains(nav, want) {
				t.Errorf("navigation %q lacks %q", nav, want)
			}
		}
	})

	t.Run("intake into a new and an existing dossier", func(t *testing.T) {
		before := dossierCount(t, ctx, ts)
		summary := fmt.Sprintf("Collega zag op %s een schermafdruk van een BVH-registratie in een appgroep.", time.Now().Format("15:04:05.000"))
		run(t, ctx,
			chromedp.Navigate(ts.URL+"/intake"),
			chromedp.WaitVisible(chromedp.CSS(`#channel`)),
			chromedp.SetValue(chromedp.CSS(`#channel`), "collega"),
			chromedp.SendKeys(chromedp.CSS(`#summary`), summary),
			chromedp.Click(chromedp.CSS(`input[name="target"][value="new"]`)),
			chromedp.SetValue(chromedp.CSS(`#allegation`), "verstrekken"),
			chromedp.Click(chromedp.CSS(`form.edit button[type="submit"]`)),
		)
		id := waitForPath(t, ctx, `^/dossiers/(\d+)$`)
		page := text(t, ctx, "main")
		for _, want := range []string{summary, "Collega", "Onrechtmatig verstrekken", "Amsterdam"} {
			if !strings.Contains(page, want) {
				t.Errorf("the new dossier's page lacks %q:\n%.1500s", want, page)
			}
		}
		d, err := fx.store.FindDossierByID(fx.sysCtx, id)
		if err != nil {
			t.Fatalf("the page shows dossier %d, the store has none: %v", id, err)
		}
		if len(d.Reports) != 1 || d.Reports[0].Summary != summary || d.Reports[0].Channel != "collega" ||
			d.Department != homeDept || d.Allegation != "verstrekken" {
			t.Errorf("stored dossier %d: department %s, allegation %s, reports %+v", id, d.Department, d.Allegation, d.Reports)
		}
		if !strings.Contains(page, d.RegNo) {
			t.Errorf("the page does not show the registration number %s", d.RegNo)
		}
		if after := dossierCount(t, ctx, ts); after != before+1 {
			t.Errorf("dossier list counts %d after the intake, %d before; want one more", after, before)
		}
		requireAudit(t, investigator, lekradar.AuditCreate, lekradar.ObjectDossier, strconv.FormatInt(id, 10), "")

		// A second report into the same dossier, named by its number.
		second := "Anonieme burger meldt dat een agent informatie over een buurman doorvertelde."
		run(t, ctx,
			chromedp.Navigate(ts.URL+"/intake"),
			chromedp.WaitVisible(chromedp.CSS(`#channel`)),
			chromedp.SetValue(chromedp.CSS(`#channel`), "burger"),
			chromedp.SendKeys(chromedp.CSS(`#summary`), second),
			chromedp.Click(chromedp.CSS(`input[name="target"][value="existing"]`)),
			chromedp.SendKeys(chromedp.CSS(`#dossier_id`), d.RegNo),
			chromedp.Click(chromedp.CSS(`form.edit button[type="submit"]`)),
		)
		if got := waitForPath(t, ctx, `^/dossiers/(\d+)$`); got != id {
			t.Fatalf("the report into %s went to dossier %d, want %d", d.RegNo, got, id)
		}
		page = text(t, ctx, "main")
		for _, want := range []string{summary, second, "Burger", "Collega"} {
			if !strings.Contains(page, want) {
				t.Errorf("the dossier's page lacks %q after the second report", want)
			}
		}
		if d, err = fx.store.FindDossierByID(fx.sysCtx, id); err != nil || len(d.Reports) != 2 {
			t.Errorf("stored dossier %d has %d reports (%v), want 2", id, len(d.Reports), err)
		}
		if after := dossierCount(t, ctx, ts); after != before+1 {
			t.Errorf("dossier list counts %d after a report into an existing dossier, want %d", after, before+1)
		}
		requireAudit(t, investigator, lekradar.AuditUpdate, lekradar.ObjectDossier, strconv.FormatInt(id, 10), "")
	})

	t.Run("alert triage and escalation", func(t *testing.T) {
		if !pageExists(t, ts, "/alerts") {
			t.Fatal("the workbench has no alert inbox at /alerts")
		}
		_, openBefore := openAlerts(t)
		if openBefore < 2 {
			t.Fatalf("the scanned world left %d open alerts; the test needs two", openBefore)
		}
		run(t, ctx, chromedp.Navigate(ts.URL+"/alerts"), chromedp.WaitReady(chromedp.CSS(`footer`)))
		if count := text(t, ctx, "p.count"); !strings.HasSuffix(strings.TrimSpace(count), strconv.Itoa(openBefore)) {
			t.Errorf("inbox count %q, want it to end with the %d open alerts", count, openBefore)
		}

		// Explain the first alert of the inbox.
		first := openFirstAlert(t, ctx, ts)
		a := alert(t, first)
		page := text(t, ctx, "main")
		if !strings.Contains(page, a.PersonID) || !strings.Contains(page, a.EmployeePseudonym) {
			t.Errorf("alert page lacks the person %s or the pseudonym %s", a.PersonID, a.EmployeePseudonym)
		}
		reason := "Raadpleging hoorde bij een melding van de meldkamer (incident nagevraagd)."
		actOnAlert(t, ctx, lekradar.AlertExplained, reason)
		// The same page comes back, with a notice of what was done.
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS(`p.notice`)))
		waitForPath(t, ctx, `^/alerts/`+regexp.QuoteMeta(first)+`$`)
		history := text(t, ctx, "main")
		if !strings.Contains(history, reason) || !strings.Contains(history, investigator) {
			t.Errorf("alert history after explaining lacks the reason or the actor:\n%.1500s", history)
		}
		if got := alert(t, first); got.Status != lekradar.AlertExplained || len(got.Actions) != 1 || got.Actions[0].Reason != reason {
			t.Errorf("stored alert %s: status %s, actions %+v; want explained with the reason", first, got.Status, got.Actions)
		}
		requireAudit(t, investigator, lekradar.AuditUpdate, lekradar.ObjectAlert, first, "status=explained")
		if _, open := openAlerts(t); open != openBefore-1 {
			t.Errorf("%d open alerts after explaining one, %d before", open, openBefore)
		}

		// Escalate the next one: it opens a dossier of the investigator's
		// department with the alert's look-ups.
		second := openFirstAlert(t, ctx, ts)
		if second == first {
			t.Fatalf("the inbox still lists the explained alert %s first", first)
		}
		before := dossierCount(t, ctx, ts)
		openFirstAlertByID(t, ctx, ts, second)
		reason = "Vijftien raadplegingen van een buurtbewoner zonder zaak: onderzoek nodig."
		actOnAlert(t, ctx, lekradar.AlertEscalated, reason)
		dossierID := waitForPath(t, ctx, `^/dossiers/(\d+)$`)
		page = text(t, ctx, "main")
		for _, want := range []string{"Detection alert " + second, "Lekradar-signaal", "Amsterdam"} {
			if !strings.Contains(page, want) {
				t.Errorf("the escalated dossier's page lacks %q:\n%.1500s", want, page)
			}
		}
		got := alert(t, second)
		if got.Status != lekradar.AlertEscalated || got.DossierID != dossierID {
			t.Errorf("stored alert %s: status %s, dossier %d; want escalated to dossier %d", second, got.Status, got.DossierID, dossierID)
		}
		lookups, err := fx.store.FindDossierLookups(fx.sysCtx, dossierID)
		if err != nil {
			t.Fatal(err)
		}
		if len(lookups) != len(got.EventIDs) {
			t.Errorf("dossier %d has %d look-ups attached, the alert %d", dossierID, len(lookups), len(got.EventIDs))
		}
		if after := dossierCount(t, ctx, ts); after != before+1 {
			t.Errorf("dossier list counts %d after the escalation, %d before", after, before)
		}
		requireAudit(t, investigator, lekradar.AuditUpdate, lekradar.ObjectAlert, second, "status=escalated")
		requireAudit(t, investigator, lekradar.AuditCreate, lekradar.ObjectDossier, strconv.FormatInt(dossierID, 10), "alert="+second)
	})

	t.Run("log search and export", func(t *testing.T) {
		testLogSearch(t, ctx, ts)
	})

	t.Run("logout", func(t *testing.T) {
		run(t, ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"] button`)),
			chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		)
		waitForPath(t, ctx, `^/login$`)
		run(t, ctx, chromedp.Navigate(ts.URL+"/dossiers"))
		waitForPath(t, ctx, `^/login$`)
		if page := text(t, ctx, "main"); strings.Contains(page, "VIK-AMS-") {
			t.Errorf("after logout /dossiers still shows dossiers")
		}
	})
}

// stepTimeout bounds one browser step.
const stepTimeout = 30 * time.Second

// run runs browser actions and fails the test on error.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// get runs one browser action that returns a value.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// text returns the visible text of the first element matching the CSS
// selector sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	run(t, ctx, chromedp.WaitReady(chromedp.CSS(sel)))
	return get(t, ctx, chromedp.Text(chromedp.CSS(sel)))
}

// login logs in through the login form.
func login(t *testing.T, ctx context.Context, ts *httptest.Server, username string) {
	t.Helper()
	run(t, ctx,
		chromedp.Navigate(ts.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), username),
		chromedp.SendKeys(chromedp.CSS(`#password`), fx.passwords[username]),
		chromedp.Click(chromedp.CSS(`form.login button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)),
	)
	waitForPath(t, ctx, `^/$`)
}

// waitForPath waits until the tab shows a fully loaded document whose
// path matches pattern, and returns the number its first group captured
// (0 when it captured none or no number). Path and load state are read
// together from the document, so an old page still on screen during a
// navigation does not count.
func waitForPath(t *testing.T, ctx context.Context, pattern string) int64 {
	t.Helper()
	re := regexp.MustCompile(pattern)
	var state []string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		st, err := chromedp.Run(sctx, chromedp.Evaluate[[]string](`[location.pathname, document.readyState]`))
		cancel()
		if err != nil || len(st) != 2 {
			continue // between documents
		}
		state = st
		if m := re.FindStringSubmatch(st[0]); m != nil && st[1] == "complete" {
			if len(m) > 1 {
				n, _ := strconv.ParseInt(m[1], 10, 64)
				return n
			}
			return 0
		}
	}
	body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	t.Fatalf("the browser is at %v, want a loaded page at a path matching %s; page:\n%.1000s", state, pattern, body)
	return 0
}

// dossierCount reads the total from the dossier list's count line
// ("Dossiers 1–50 van 73").
func dossierCount(t *testing.T, ctx context.Context, ts *httptest.Server) int {
	t.Helper()
	run(t, ctx, chromedp.Navigate(ts.URL+"/dossiers"))
	waitForPath(t, ctx, `^/dossiers$`)
	s := text(t, ctx, "p.count")
	m := regexp.MustCompile(`^Dossiers \d+–\d+ van (\d+)$`).FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		t.Fatalf("dossier list count line %q, want \"Dossiers a–b van n\"", s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageExists reports whether path is a route of the workbench: an
// anonymous request to a page is sent to the login page, to an unknown
// path answered 404.
func pageExists(t *testing.T, ts *httptest.Server, path string) bool {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode != http.StatusNotFound
}

// openAlerts returns the open alerts the store holds and their count.
func openAlerts(t *testing.T) ([]*lekradar.StoredAlert, int) {
	t.Helper()
	as, n, err := fx.store.FindAlerts(fx.sysCtx, lekradar.AlertFilter{Status: lekradar.AlertOpen, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	return as, n
}

func alert(t *testing.T, id string) *lekradar.StoredAlert {
	t.Helper()
	a, err := fx.store.FindAlertByID(fx.sysCtx, id)
	if err != nil {
		t.Fatalf("read alert %s: %v", id, err)
	}
	return a
}

// openFirstAlert opens the inbox, follows the first alert's link and
// returns the alert's id.
func openFirstAlert(t *testing.T, ctx context.Context, ts *httptest.Server) string {
	t.Helper()
	run(t, ctx, chromedp.Navigate(ts.URL+"/alerts"), chromedp.WaitReady(chromedp.CSS(`footer`)))
	link := chromedp.CSS(`table.alerts a[href^="/alerts/"]`)
	href := get(t, ctx, chromedp.AttributeValue(link, "href")).Value
	run(t, ctx, chromedp.Click(link))
	waitForPath(t, ctx, `^/alerts/A-[0-9a-f]+$`)
	return strings.TrimPrefix(href, "/alerts/")
}

func openFirstAlertByID(t *testing.T, ctx context.Context, ts *httptest.Server, id string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(ts.URL+"/alerts/"+id))
	waitForPath(t, ctx, `^/alerts/`+regexp.QuoteMeta(id)+`$`)
}

// actOnAlert fills the reason on an alert page and presses the action's
// button.
func actOnAlert(t *testing.T, ctx context.Context, action, reason string) {
	t.Helper()
	const form = `form[action$="/action"] `
	run(t, ctx,
		chromedp.SendKeys(chromedp.CSS(form+`textarea[name="reason"]`), reason),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(form+`button[name="action"][value=%q]`, action))),
	)
}

// requireAudit fails unless the trail has an entry of actor with the
// action on the object whose detail contains detail.
func requireAudit(t *testing.T, actor, action, objectType, objectID, detail string) {
	t.Helper()
	f := lekradar.AuditFilter{Actor: &actor, Action: &action, ObjectType: &objectType}
	if objectID != "" {
		f.ObjectID = &objectID
	}
	es, _, err := fx.store.FindAuditEntries(fx.sysCtx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(es, func(e *lekradar.AuditEntry) bool { return strings.Contains(e.Detail, detail) }) {
		var got []string
		for _, e := range es {
			got = append(got, e.Detail)
		}
		t.Errorf("audit trail lacks %s %s %s/%s with %q (found details %q)", actor, action, objectType, objectID, detail, got)
	}
}
