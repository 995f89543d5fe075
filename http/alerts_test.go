package http_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/sqlstore"
)

// events is a set of look-ups and one alert stored for a test through the
// scan writer, with ids unique to the call so that tests can run more than
// once on the fixture.
type events struct {
	person, employee string
	// explained, signalled, partner are the look-ups in time order: the
	// first explained by a given case number, the other two in the alert.
	explained, signalled, partner lekradar.LookupEvent
	alertID                       string
	severity                      string
}

var eventBase = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Texts as the detection engine writes them.
const (
	partnerText     = "The person looked up is registered as the employee's partner."
	workLinkText    = " A work link was found (given_case); the look-up is shown because of this possible conflict of interest."
	unexplainedText = "No work link was found for 2 of the 2 look-ups in the police's records (cases, case staff, team cases, unit incidents on shift, role, earlier explained look-ups, several persons of one incident, case numbers quoted before)."
)

// storeEvents stores three look-ups of a new person by employee (a new id
// when ""), the last two in an alert of the given severity.
func storeEvents(t *testing.T, employee, severity string, score float64) *events {
	t.Helper()
	n := userSeq.Add(1)
	if employee == "" {
		employee = fmt.Sprintf("E-T%05d", n)
	}
	e := &events{person: fmt.Sprintf("PRS-T%05d", n), employee: employee, severity: severity}
	ev := func(k int, at time.Duration, system, action, caseID string) lekradar.LookupEvent {
		return lekradar.LookupEvent{ID: fmt.Sprintf("ev-t%05d-%d", n, k), TS: eventBase.Add(at), EmployeeID: employee,
			System: system, Action: action, PersonID: e.person, CaseID: caseID}
	}
	e.explained = ev(1, 0, "bvh", lekradar.ActionQuery, fmt.Sprintf("CASE-%05d", n))
	e.signalled = ev(2, 26*time.Hour, "bvi", lekradar.ActionView, "")
	e.partner = ev(3, 50*time.Hour, "bvh", lekradar.ActionPrint, "")
	w, err := fx.store.NewScanWriter(fx.sysCtx)
	if err != nil {
		t.Fatal(err)
	}
	given := "given_case"
	// Out of time order, as a log may deliver them.
	for _, x := range []struct {
		ev      lekradar.LookupEvent
		expl    string
		signals []string
	}{
		{e.partner, "", []string{"partner"}},
		{e.explained, given, nil},
		{e.signalled, "", []string{"off_shift", "unusual_hour"}},
	} {
		if err := w.WriteLookup(x.ev, x.expl, x.signals); err != nil {
			t.Fatal(err)
		}
	}
	a := &lekradar.Alert{ID: "A1", EmployeeID: employee, PersonID: e.person,
		EventIDs: []string{e.signalled.ID, e.partner.ID}, FirstTS: e.signalled.TS, LastTS: e.partner.TS,
		Score: score, Severity: severity,
		Reasons: []lekradar.Reason{
			{Rule: "partner", Text: partnerText + workLinkText},
			{Rule: "unexplained", Text: unexplainedText},
		},
		Explanations: []string{"assigned_case", "team_case"},
	}
	if err := w.WriteAlert(a); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	e.alertID = sqlstore.AlertID(a)
	return e
}

func suspectRef(t *testing.T) string {
	t.Helper()
	return dossier(t, fx.suspectID).Suspects[0].EmployeeRef
}

// alertAs reads an alert as the system actor.
func alertAs(t *testing.T, id string) *lekradar.StoredAlert {
	t.Helper()
	a, err := fx.store.FindAlertByID(fx.sysCtx, id)
	if err != nil {
		t.Fatalf("read alert %s: %v", id, err)
	}
	return a
}

// TestAlertAccess checks every alert and log-search endpoint for every
// role: what must be denied as well as what must be allowed.
func TestAlertAccess(t *testing.T) {
	ts := newServer(t, nil)
	clients := map[string]*client{"anonymous": newClient(ts)}
	for _, u := range columns[1:] {
		clients[u] = loggedIn(t, ts, u)
	}
	e := storeEvents(t, "", lekradar.SeverityMedium, 2.5)
	aboutSuspect := storeEvents(t, suspectRef(t), lekradar.SeverityHigh, 5)
	reason := url.Values{"reason": {"interview planned"}}
	person := url.Values{"person_id": {e.person}}
	tests := []struct {
		name   string
		method string
		path   string
		form   url.Values
		// fresh makes the path on a new alert per column (escalation is
		// final, so every column needs its own).
		fresh bool
		// per column: anon admin intake invest analyst research privacy auditor other-inv suspect
		want string
	}{
		{"inbox", "GET", "/alerts", nil, false, "303 403 403 200 200 403 403 403 200 200"},
		{"inbox filtered", "GET", "/alerts?status=&severity=high", nil, false, "303 403 403 200 200 403 403 403 200 200"},
		{"inbox bad filter", "GET", "/alerts?severity=urgent", nil, false, "303 403 403 400 400 403 403 403 400 400"},
		{"alert", "GET", "/alerts/" + e.alertID, nil, false, "303 403 403 200 200 403 403 403 200 200"},
		{"alert about the user", "GET", "/alerts/" + aboutSuspect.alertID, nil, false, "303 403 403 200 200 403 403 403 200 404"},
		{"missing alert", "GET", "/alerts/A-0000000000000000", nil, false, "303 403 403 404 404 403 403 403 404 404"},
		{"malformed alert id", "GET", "/alerts/x'1", nil, false, "303 403 403 404 404 403 403 403 404 404"},
		{"explain", "POST", "/alerts/" + e.alertID + "/action", url.Values{"action": {"explained"}, "reason": {"on duty"}}, false, "303 403 403 303 303 403 403 403 303 303"},
		{"dismiss", "POST", "/alerts/" + e.alertID + "/action", url.Values{"action": {"dismissed"}, "reason": {"known"}}, false, "303 403 403 303 303 403 403 403 303 303"},
		{"dismiss alert about the user", "POST", "/alerts/" + aboutSuspect.alertID + "/action", url.Values{"action": {"dismissed"}, "reason": {"known"}}, false, "303 403 403 303 303 403 403 403 303 404"},
		{"escalate", "POST", "", url.Values{"action": {"escalated"}, "reason": {"pattern"}}, true, "303 403 403 303 403 403 403 403 303 303"},
		{"unknown action", "POST", "/alerts/" + e.alertID + "/action", url.Values{"action": {"deleted"}, "reason": {"x"}}, false, "303 403 403 400 400 403 403 403 400 400"},
		{"reveal", "POST", "/alerts/" + e.alertID + "/reveal", reason, false, "303 403 403 200 403 403 403 403 200 200"},
		{"reveal about the user", "POST", "/alerts/" + aboutSuspect.alertID + "/reveal", reason, false, "303 403 403 200 403 403 403 403 200 404"},
		{"log search form", "GET", "/logsearch", nil, false, "303 403 403 200 403 403 403 403 200 200"},
		{"log search", "POST", "/logsearch", person, false, "303 403 403 200 403 403 403 403 200 200"},
		{"log search of own look-ups", "POST", "/logsearch", url.Values{"employee_id": {suspectRef(t)}}, false, "303 403 403 200 403 403 403 403 200 403"},
		{"CSV export", "POST", "/logsearch/export/csv", person, false, "303 403 403 200 403 403 403 403 200 200"},
		{"PDF export", "POST", "/logsearch/export/pdf", person, false, "303 403 403 200 403 403 403 403 200 200"},
		{"log search GET with query", "GET", "/logsearch/export/csv?person_id=" + e.person, nil, false, "404 404 404 404 404 404 404 404 404 404"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		if len(want) != len(columns) {
			t.Fatalf("%s: %d statuses for %d columns", tt.name, len(want), len(columns))
		}
		for i, who := range columns {
			t.Run(tt.name+"/"+who, func(t *testing.T) {
				path := tt.path
				if tt.fresh {
					path = "/alerts/" + storeEvents(t, "", lekradar.SeverityLow, 1).alertID + "/action"
				}
				var resp *http.Response
				var body string
				if tt.method == "GET" {
					resp, body = clients[who].get(t, path)
				} else {
					resp, body = clients[who].post(t, path, tt.form)
				}
				if got := strconv.Itoa(resp.StatusCode); got != want[i] {
					t.Fatalf("%s %s as %s: status %s, want %s", tt.method, tt.name, who, got, want[i])
				}
				if who == "anonymous" && resp.StatusCode == http.StatusSeeOther && resp.Header.Get("Location") != "/login" {
					t.Errorf("%s as anonymous: redirect to %q, want /login", tt.name, resp.Header.Get("Location"))
				}
				if resp.StatusCode == http.StatusNotFound && !strings.Contains(body, "404") {
					t.Errorf("%s as %s: 404 without the error page", tt.name, who)
				}
			})
		}
	}
}

// TestAlertCSRF: every alert action refuses a missing or foreign token and
// changes nothing.
func TestAlertCSRF(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	e := storeEvents(t, "", lekradar.SeverityHigh, 4)
	foreign := loggedIn(t, ts, "other-investigator").csrf
	for _, tt := range []struct {
		name string
		path string
		form url.Values
	}{
		{"escalate", "/alerts/" + e.alertID + "/action", url.Values{"action": {"escalated"}, "reason": {"r"}}},
		{"dismiss", "/alerts/" + e.alertID + "/action", url.Values{"action": {"dismissed"}, "reason": {"r"}}},
		{"reveal", "/alerts/" + e.alertID + "/reveal", url.Values{"reason": {"r"}}},
		{"log search", "/logsearch", url.Values{"person_id": {e.person}}},
		{"CSV export", "/logsearch/export/csv", url.Values{"person_id": {e.person}}},
		{"PDF export", "/logsearch/export/pdf", url.Values{"person_id": {e.person}}},
	} {
		for _, token := range []string{"", foreign} {
			t.Run(tt.name+"/token="+strconv.FormatBool(token != ""), func(t *testing.T) {
				form := url.Values{"csrf_token": {token}}
				for k, v := range tt.form {
					form[k] = v
				}
				resp, body := c.postRaw(t, tt.path, form)
				if resp.StatusCode != http.StatusForbidden {
					t.Fatalf("status %d, want 403", resp.StatusCode)
				}
				if strings.Contains(body, e.employee) || strings.Contains(body, e.explained.ID) {
					t.Errorf("refused request shows the employee or the look-ups")
				}
			})
		}
	}
	a := alertAs(t, e.alertID)
	if a.Status != lekradar.AlertOpen || len(a.Actions) != 0 {
		t.Errorf("after refused requests: status %s, %d actions; want open and none", a.Status, len(a.Actions))
	}
}

// TestAlertReveal: the reveal needs a reason, shows the real id on its
// response only and is recorded.
func TestAlertReveal(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	e := storeEvents(t, "", lekradar.SeverityHigh, 4)
	path := "/alerts/" + e.alertID

	for _, blank := range []string{"", "   "} {
		resp, body := c.post(t, path+"/reveal", url.Values{"reason": {blank}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("reveal with reason %q: status %d, want 422", blank, resp.StatusCode)
		}
		if strings.Contains(body, e.employee) {
			t.Fatalf("reveal without a reason shows the employee")
		}
		if !strings.Contains(body, "Een reden is verplicht.") {
			t.Errorf("reveal without a reason: no error at the form")
		}
	}
	if a := alertAs(t, e.alertID); len(a.Actions) != 0 {
		t.Fatalf("refused reveals were recorded: %+v", a.Actions)
	}

	_, inbox := c.get(t, "/alerts?status=&severity=high")
	_, page := c.get(t, path)
	for name, body := range map[string]string{"inbox": inbox, "alert page": page} {
		if strings.Contains(body, e.employee) {
			t.Errorf("%s shows the employee id before a reveal", name)
		}
	}
	a := alertAs(t, e.alertID)
	if !strings.Contains(page, a.EmployeePseudonym) || !strings.Contains(page, e.person) {
		t.Errorf("alert page lacks the pseudonym %s or the person id", a.EmployeePseudonym)
	}

	resp, body := c.post(t, path+"/reveal", url.Values{"reason": {"interview planned"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, e.employee) {
		t.Fatalf("reveal: status %d, employee shown %v", resp.StatusCode, strings.Contains(body, e.employee))
	}
	a = alertAs(t, e.alertID)
	if n := len(a.Actions); n != 1 || a.Actions[0].Action != lekradar.AlertReveal || a.Actions[0].Reason != "interview planned" ||
		a.Actions[0].Actor != "demo-investigator" {
		t.Fatalf("history after the reveal: %+v", a.Actions)
	}
	if _, again := c.get(t, path); strings.Contains(again, e.employee) {
		t.Errorf("the alert page shows the employee after the reveal's response")
	}
	action, object := lekradar.AuditRevealEmployee, e.alertID
	entries, _, err := fx.store.FindAuditEntries(fx.sysCtx, lekradar.AuditFilter{Action: &action, ObjectID: &object})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Actor != "demo-investigator" || !strings.Contains(entries[0].Detail, "interview planned") {
		t.Errorf("audit trail of the reveal: %+v", entries)
	}
}

// TestAlertActions: explain and dismiss need a reason and return to the
// alert; escalation opens a dossier the investigator can see, with the
// look-ups attached, and is final.
func TestAlertActions(t *testing.T) {
	ts := newServer(t, nil)
	analyst := loggedIn(t, ts, "demo-analyst")
	inv := loggedIn(t, ts, "demo-investigator")

	e := storeEvents(t, "", lekradar.SeverityMedium, 3)
	path := "/alerts/" + e.alertID
	resp, body := analyst.post(t, path+"/action", url.Values{"action": {"explained"}, "reason": {""}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Een reden is verplicht.") {
		t.Fatalf("explain without a reason: status %d", resp.StatusCode)
	}
	if a := alertAs(t, e.alertID); a.Status != lekradar.AlertOpen {
		t.Fatalf("explain without a reason changed the status to %s", a.Status)
	}
	resp, _ = analyst.post(t, path+"/action", url.Values{"action": {"explained"}, "reason": {"rostered on the case"}})
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != path+"?done=explained" {
		t.Fatalf("explain: status %d to %q", resp.StatusCode, loc)
	}
	a := alertAs(t, e.alertID)
	if a.Status != lekradar.AlertExplained || a.Actions[0].Reason != "rostered on the case" || a.Actions[0].Actor != "demo-analyst" {
		t.Fatalf("after explaining: status %s, history %+v", a.Status, a.Actions)
	}
	if _, page := analyst.get(t, path+"?done=explained"); !strings.Contains(page, "Het signaal is nu verklaard.") {
		t.Errorf("the alert page does not confirm the action")
	}

	t.Run("analyst may not escalate", func(t *testing.T) {
		e := storeEvents(t, "", lekradar.SeverityHigh, 4)
		resp, _ := analyst.post(t, "/alerts/"+e.alertID+"/action", url.Values{"action": {"escalated"}, "reason": {"r"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d, want 403", resp.StatusCode)
		}
		if a := alertAs(t, e.alertID); a.Status != lekradar.AlertOpen || a.DossierID != 0 {
			t.Errorf("refused escalation changed the alert: %s, dossier %d", a.Status, a.DossierID)
		}
		if _, page := analyst.get(t, "/alerts/"+e.alertID); strings.Contains(page, `value="escalated"`) {
			t.Errorf("the analyst is offered the escalation form")
		}
	})

	t.Run("investigator escalates", func(t *testing.T) {
		e := storeEvents(t, "", lekradar.SeverityHigh, 4)
		resp, _ := inv.post(t, "/alerts/"+e.alertID+"/action", url.Values{"action": {"escalated"}, "reason": {"repeated partner look-ups"}})
		loc := resp.Header.Get("Location")
		m := regexp.MustCompile(`^/dossiers/(\d+)$`).FindStringSubmatch(loc)
		if resp.StatusCode != http.StatusSeeOther || m == nil {
			t.Fatalf("escalate: status %d to %q, want 303 to the new dossier", resp.StatusCode, loc)
		}
		if resp, _ := inv.get(t, loc); resp.StatusCode != http.StatusOK {
			t.Fatalf("the investigator cannot open the new dossier: status %d", resp.StatusCode)
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		d := dossier(t, id)
		if d.Department != homeDept || len(d.Reports) != 1 || d.Reports[0].Channel != "detectie" || d.Reports[0].AlertID != e.alertID {
			t.Errorf("new dossier: department %s, reports %+v", d.Department, d.Reports)
		}
		attached, err := fx.store.FindDossierLookups(fx.sysCtx, id)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, l := range attached {
			ids = append(ids, l.ID)
		}
		if !slices.Equal(ids, []string{e.signalled.ID, e.partner.ID}) {
			t.Errorf("attached look-ups %v, want the alert's %v", ids, []string{e.signalled.ID, e.partner.ID})
		}
		a := alertAs(t, e.alertID)
		if a.Status != lekradar.AlertEscalated || a.DossierID != id {
			t.Errorf("alert after escalation: %s, dossier %d", a.Status, a.DossierID)
		}
		resp, body := inv.post(t, "/alerts/"+e.alertID+"/action", url.Values{"action": {"dismissed"}, "reason": {"changed my mind"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "al opgeschaald") {
			t.Errorf("acting on an escalated alert: status %d, want 422 with the message", resp.StatusCode)
		}
		if a := alertAs(t, e.alertID); a.Status != lekradar.AlertEscalated {
			t.Errorf("escalation was not final: status %s", a.Status)
		}
		if _, page := inv.get(t, "/alerts/"+e.alertID); !strings.Contains(page, fmt.Sprintf(`href="/dossiers/%d"`, id)) ||
			strings.Contains(page, `value="dismissed"`) {
			t.Errorf("the escalated alert's page lacks the dossier link or still offers actions")
		}
	})
}

// TestAlertInbox: open alerts by severity, then score; the employee as a
// pseudonym; reasons as sentences in the page's language; explanations
// tried; the alert's look-ups on its page.
func TestAlertInbox(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-analyst")
	low := storeEvents(t, "", lekradar.SeverityLow, 9.5)
	high := storeEvents(t, "", lekradar.SeverityHigh, 3)
	higher := storeEvents(t, "", lekradar.SeverityHigh, 8)

	_, body := c.get(t, "/alerts")
	headings := regexp.MustCompile(`<h2 class="severity severity-(\w+)">`).FindAllStringSubmatch(body, -1)
	var order []string
	for _, h := range headings {
		order = append(order, h[1])
	}
	if !slices.IsSortedFunc(order, func(a, b string) int { return rank(b) - rank(a) }) || len(order) == 0 {
		t.Errorf("severity groups in order %v, want high before medium before low", order)
	}
	iHigher, iHigh, iLow := strings.Index(body, higher.alertID), strings.Index(body, high.alertID), strings.Index(body, low.alertID)
	if iHigher < 0 || iHigh < 0 || iLow < 0 || !(iHigher < iHigh && iHigh < iLow) {
		t.Errorf("inbox order: high score 8 at %d, high score 3 at %d, low at %d", iHigher, iHigh, iLow)
	}
	scores := regexp.MustCompile(`<tr>\s*<td>([0-9.]+)</td>`).FindAllStringSubmatch(body, -1)
	if len(scores) == 0 {
		t.Fatalf("no alert rows")
	}
	a := alertAs(t, high.alertID)
	for _, want := range []string{a.EmployeePseudonym, high.person,
		"De geraadpleegde persoon staat geregistreerd als partner van de medewerker. Er is wel een werkrelatie gevonden (opgegeven zaaknummer)",
		"Voor 2 van de 2 raadplegingen is geen werkrelatie gevonden",
		"toegewezen zaak, zaak van het team"} {
		if !strings.Contains(body, want) {
			t.Errorf("inbox lacks %q", want)
		}
	}
	if strings.Contains(body, high.employee) {
		t.Errorf("inbox shows an employee id")
	}

	// Only open alerts by default.
	e := storeEvents(t, "", lekradar.SeverityHigh, 7)
	c.post(t, "/alerts/"+e.alertID+"/action", url.Values{"action": {"dismissed"}, "reason": {"test"}})
	if _, body := c.get(t, "/alerts"); strings.Contains(body, e.alertID) {
		t.Errorf("the default inbox lists a dismissed alert")
	}
	if _, body := c.get(t, "/alerts?status=dismissed"); !strings.Contains(body, e.alertID) {
		t.Errorf("the dismissed filter does not list the dismissed alert")
	}

	c.get(t, "/lang?set=en&next=/alerts")
	_, body = c.get(t, "/alerts")
	if !strings.Contains(body, html.EscapeString(partnerText+" A work link was found (case number given)")) ||
		!strings.Contains(body, html.EscapeString(unexplainedText)) {
		t.Errorf("English inbox lacks the engine's sentences")
	}

	// The alert's page: analysts see the look-ups' event ids, investigators
	// their details (without the employee id, which needs a reveal).
	_, page := c.get(t, "/alerts/"+high.alertID)
	if !strings.Contains(page, high.signalled.ID) || !strings.Contains(page, high.partner.ID) || strings.Contains(page, high.explained.ID) {
		t.Errorf("analyst's alert page does not list exactly the alert's look-ups")
	}
	inv := loggedIn(t, ts, "demo-investigator")
	_, page = inv.get(t, "/alerts/"+high.alertID)
	for _, want := range []string{"niet verklaard; signalen: Buiten dienst, Ongebruikelijk tijdstip", "niet verklaard; signalen: Partner",
		"2026-03-03 11:00:00", "2026-03-04 11:00:00"} {
		if !strings.Contains(page, want) {
			t.Errorf("investigator's alert page lacks %q", want)
		}
	}
	if strings.Contains(page, high.employee) || strings.Contains(page, "2026-03-02 09:00:00") {
		t.Errorf("investigator's alert page shows the employee id or a look-up outside the alert")
	}
}

func rank(sev string) int {
	return map[string]int{lekradar.SeverityHigh: 3, lekradar.SeverityMedium: 2, lekradar.SeverityLow: 1}[sev]
}

// TestNoPersonalIDsInURLs: no redirect Location, link, form action or
// access-log line carries a person or employee id.
func TestNoPersonalIDsInURLs(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	e := storeEvents(t, "", lekradar.SeverityHigh, 6)
	urlAttr := regexp.MustCompile(`(?i)(?:href|action|src)="([^"]*)"`)
	check := func(what string, resp *http.Response, body string) {
		t.Helper()
		var urls []string
		if loc := resp.Header.Get("Location"); loc != "" {
			urls = append(urls, loc)
		}
		for _, m := range urlAttr.FindAllStringSubmatch(body, -1) {
			urls = append(urls, m[1])
		}
		for _, u := range urls {
			for _, id := range []string{e.person, e.employee} {
				if strings.Contains(u, id) || strings.Contains(u, url.QueryEscape(id)) {
					t.Errorf("%s: URL %q carries a personal id", what, u)
				}
			}
		}
	}
	for _, p := range []string{"/alerts", "/alerts/" + e.alertID, "/logsearch"} {
		resp, body := c.get(t, p)
		check("GET "+p, resp, body)
	}
	steps := []struct {
		path string
		form url.Values
	}{
		{"/logsearch", url.Values{"person_id": {e.person}}},
		{"/logsearch", url.Values{"employee_id": {e.employee}, "page": {"1"}}},
		{"/logsearch", url.Values{"employee_id": {e.employee}, "person_id": {e.person}}},
		{"/alerts/" + e.alertID + "/reveal", url.Values{"reason": {"check"}}},
		{"/alerts/" + e.alertID + "/action", url.Values{"action": {"dismissed"}, "reason": {"check"}}},
		{"/alerts/" + e.alertID + "/action", url.Values{"action": {"escalated"}, "reason": {"check"}}},
		{"/logsearch/export/csv", url.Values{"person_id": {e.person}}},
		{"/logsearch/export/pdf", url.Values{"employee_id": {e.employee}}},
	}
	for _, s := range steps {
		resp, body := c.post(t, s.path, s.form)
		check("POST "+s.path, resp, body)
		if cd := resp.Header.Get("Content-Disposition"); strings.Contains(cd, e.person) || strings.Contains(cd, e.employee) {
			t.Errorf("POST %s: Content-Disposition %q names a personal id", s.path, cd)
		}
	}
	if logs := ts.logs.String(); strings.Contains(logs, e.person) || strings.Contains(logs, e.employee) || strings.Contains(logs, e.alertID) {
		t.Errorf("the access log holds an id")
	}
}

// TestTriagePagesSelfContained: the alert and log-search pages, in both
// languages, have no external references, inline code or untranslated
// keys.
func TestTriagePagesSelfContained(t *testing.T) {
	ts := newServer(t, nil)
	e := storeEvents(t, "", lekradar.SeverityHigh, 4)
	external := regexp.MustCompile(`(?i)(src|href|action|formaction)\s*=\s*"(https?:)?//`)
	inline := regexp.MustCompile(`(?i)<script|\sstyle\s*=|\son[a-z]+\s*=|<style`)
	key := regexp.MustCompile(`>\s*[a-z_]+\.[a-z_]+\s*<|\b(alerts?|logsearch|reason|signal|expl|severity|alertstatus|lookup|pdf)\.[a-z_]+\b`)
	for _, who := range []string{"demo-investigator", "demo-analyst"} {
		for _, lang := range []string{"nl", "en"} {
			c := loggedIn(t, ts, who)
			c.get(t, "/lang?set="+lang+"&next=/")
			pages := map[string]func() string{
				"inbox": func() string { _, b := c.get(t, "/alerts?status="); return b },
				"alert": func() string { _, b := c.get(t, "/alerts/"+e.alertID); return b },
				"form error": func() string {
					_, b := c.post(t, "/alerts/"+e.alertID+"/action", url.Values{"action": {"explained"}})
					return b
				},
				"search form": func() string { _, b := c.get(t, "/logsearch"); return b },
				"results":     func() string { _, b := c.post(t, "/logsearch", url.Values{"person_id": {e.person}}); return b },
				"search error": func() string {
					_, b := c.post(t, "/logsearch", url.Values{"person_id": {e.person}, "employee_id": {e.employee}})
					return b
				},
			}
			for name, get := range pages {
				t.Run(who+"/"+lang+"/"+name, func(t *testing.T) {
					body := get()
					if who == "demo-analyst" && strings.HasPrefix(name, "search") || who == "demo-analyst" && name == "results" {
						return // 403 pages, covered by TestAlertAccess
					}
					if m := external.FindString(body); m != "" {
						t.Errorf("external reference %q", m)
					}
					if m := inline.FindString(body); m != "" {
						t.Errorf("inline style or script %q", m)
					}
					if m := key.FindString(body); m != "" {
						t.Errorf("untranslated key %q", m)
					}
				})
			}
		}
	}
}
