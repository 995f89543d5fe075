package http_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lekradar"
	lekhttp "lekradar/http"
)

// apiClient calls the API with a bearer token, a session (its cookie and
// the CSRF token from /api/me), or neither.
type apiClient struct {
	ts      *testServer
	hc      *http.Client
	bearer  string
	csrf    string
	browser *client // the logged-in browser whose cookie is used
}

func (c *apiClient) call(t testing.TB, method, path, contentType, body string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, c.ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	if c.csrf != "" && method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	hc := c.hc
	if c.browser != nil {
		hc = c.browser.hc
	}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func (c *apiClient) get(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	return c.call(t, http.MethodGet, path, "", "", nil)
}

func (c *apiClient) postJSON(t *testing.T, method, path string, v any) (*http.Response, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return c.call(t, method, path, "application/json", string(b), nil)
}

// sessionAPIClient logs username in and fetches the session's CSRF token.
func sessionAPIClient(t *testing.T, ts *testServer, username string) *apiClient {
	t.Helper()
	b := loggedIn(t, ts, username)
	c := &apiClient{ts: ts, browser: b}
	resp, body := c.get(t, "/api/me")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/me as %s: %d %s", username, resp.StatusCode, body)
	}
	var me struct {
		CSRF string `json:"csrf_token"`
		Auth string `json:"auth"`
	}
	if err := json.Unmarshal(body, &me); err != nil || me.CSRF == "" || me.Auth != "session" {
		t.Fatalf("GET /api/me as %s: %s (%v)", username, body, err)
	}
	c.csrf = me.CSRF
	return c
}

func tokenAPIClient(ts *testServer, token string) *apiClient {
	return &apiClient{ts: ts, hc: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, bearer: token}
}

// The API fixture: tokens and alerts, made once.
var apiFx struct {
	once                 sync.Once
	err                  error
	ingest, revoked      string // plain tokens
	userToken            string // acts as demo-investigator
	alertID, suspectAlID string // an alert, and one about the account "suspect"
	alertPerson          string
}

func apiFixture(t testing.TB) {
	t.Helper()
	apiFx.once.Do(func() { apiFx.err = makeAPIFixture() })
	if apiFx.err != nil {
		t.Fatalf("API fixture: %v", apiFx.err)
	}
}

func makeAPIFixture() error {
	ctx := fx.sysCtx
	var err error
	if apiFx.ingest, err = fx.store.CreateAPIToken(ctx, &lekradar.APIToken{Name: "api-test-ingest", Scope: lekradar.ScopeIngest}); err != nil {
		return err
	}
	rt := &lekradar.APIToken{Name: "api-test-revoked", Scope: lekradar.ScopeIngest}
	if apiFx.revoked, err = fx.store.CreateAPIToken(ctx, rt); err != nil {
		return err
	}
	if err := fx.store.RevokeAPIToken(ctx, rt.ID); err != nil {
		return err
	}
	inv, err := fx.store.FindUserByUsername(ctx, "demo-investigator")
	if err != nil {
		return err
	}
	if apiFx.userToken, err = fx.store.CreateAPIToken(ctx, &lekradar.APIToken{Name: "api-test-user", Scope: lekradar.ScopeUser, UserID: inv.ID}); err != nil {
		return err
	}
	suspect, err := fx.store.FindUserByUsername(ctx, "suspect")
	if err != nil {
		return err
	}
	w, err := fx.store.NewScanWriter(ctx)
	if err != nil {
		return err
	}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	apiFx.alertPerson = "P-API-1"
	alerts := []*lekradar.Alert{
		{ID: "1", EmployeeID: "E-API-1", PersonID: apiFx.alertPerson, EventIDs: []string{"api-ev-1", "api-ev-2"}},
		{ID: "2", EmployeeID: suspect.EmployeeRef, PersonID: "P-API-2", EventIDs: []string{"api-ev-3"}},
	}
	for i, a := range alerts {
		for j, id := range a.EventIDs {
			ev := lekradar.LookupEvent{ID: id, TS: t0.Add(time.Duration(i*10+j) * time.Minute), EmployeeID: a.EmployeeID,
				System: "bvh", Action: lekradar.ActionQuery, PersonID: a.PersonID}
			if err := w.WriteLookup(ev, "", []string{"no_case"}); err != nil {
				return err
			}
		}
		a.FirstTS, a.LastTS = t0, t0.Add(time.Hour)
		a.Score, a.Severity = 0.9, lekradar.SeverityHigh
		a.Reasons = []lekradar.Reason{{Rule: "unexplained", Text: "no explanation applies"}}
		if err := w.WriteAlert(a); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	found, _, err := fx.store.FindAlerts(ctx, lekradar.AlertFilter{})
	if err != nil {
		return err
	}
	for _, a := range found {
		switch a.PersonID {
		case apiFx.alertPerson:
			apiFx.alertID = a.ID
		case "P-API-2":
			apiFx.suspectAlID = a.ID
		}
	}
	if apiFx.alertID == "" || apiFx.suspectAlID == "" {
		return fmt.Errorf("stored alerts not found (%d alerts)", len(found))
	}
	return nil
}

// apiColumns are the callers of the API scenario tables: no credentials,
// a token that does not exist, a revoked token, an ingest token, a user
// token of demo-investigator, then sessions of the page tables' accounts.
var apiColumns = append([]string{"anonymous", "bad-token", "revoked-token", "ingest-token", "user-token"}, columns[1:]...)

func apiClients(t *testing.T, ts *testServer) map[string]*apiClient {
	t.Helper()
	apiFixture(t)
	cs := map[string]*apiClient{
		"anonymous":     tokenAPIClient(ts, ""),
		"bad-token":     tokenAPIClient(ts, "not-a-token-"+strings.Repeat("x", 30)),
		"revoked-token": tokenAPIClient(ts, apiFx.revoked),
		"ingest-token":  tokenAPIClient(ts, apiFx.ingest),
		"user-token":    tokenAPIClient(ts, apiFx.userToken),
	}
	for _, u := range columns[1:] {
		cs[u] = sessionAPIClient(t, ts, u)
	}
	return cs
}

// checkStatus compares a status with the table and checks the JSON
// answer's form: every API answer is uncached JSON with the security
// headers, and every error has an error code.
func checkAPIAnswer(t *testing.T, what string, resp *http.Response, body []byte, want string) {
	t.Helper()
	if got := strconv.Itoa(resp.StatusCode); got != want {
		t.Fatalf("%s: status %s, want %s; body %s", what, got, want, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
	if resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("%s: headers %v", what, resp.Header)
	}
	if resp.StatusCode >= 400 {
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: error body %s (%v)", what, body, err)
		}
	}
	if resp.StatusCode == http.StatusUnauthorized && resp.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("%s: 401 without WWW-Authenticate", what)
	}
}

// TestAPIReadAccess: every GET endpoint for every caller, denied as well
// as allowed.
func TestAPIReadAccess(t *testing.T) {
	ts := newServer(t, nil)
	cs := apiClients(t, ts)
	own, other, susp := fx.ownID, fx.otherID, fx.suspectID
	tests := []struct {
		path string
		// anon bad revoked ingest usertok | admin intake invest analyst research privacy auditor other-inv suspect
		want string
	}{
		{"/api/openapi.json", "200 200 200 200 200 200 200 200 200 200 200 200 200 200"},
		{"/api/me", "401 401 401 200 200 200 200 200 200 200 200 200 200 200"},
		{"/api/dossiers", "401 401 401 403 200 403 200 200 200 403 403 403 200 200"},
		{"/api/dossiers?department=amsterdam&year=2016&limit=5", "401 401 401 403 200 403 200 200 200 403 403 403 200 200"},
		{"/api/dossiers?department=utrecht", "401 401 401 403 400 403 400 400 400 403 403 403 400 400"},
		{"/api/dossiers?year=twenty", "401 401 401 403 400 403 400 400 400 403 403 403 400 400"},
		{idPath("/api/dossiers/%d", own), "401 401 401 403 200 403 200 200 200 403 403 403 404 200"},
		{idPath("/api/dossiers/%d", other), "401 401 401 403 404 403 404 404 404 403 403 403 200 404"},
		{idPath("/api/dossiers/%d", susp), "401 401 401 403 200 403 200 200 200 403 403 403 404 404"},
		{"/api/dossiers/99999999", "401 401 401 403 404 403 404 404 404 403 403 403 404 404"},
		{"/api/dossiers/not-a-number", "401 401 401 403 404 403 404 404 404 403 403 403 404 404"},
		{idPath("/api/dossiers/+%d", own), "401 401 401 403 404 403 404 404 404 403 403 403 404 404"},
		{idPath("/api/dossiers/0%d", own), "401 401 401 403 404 403 404 404 404 403 403 403 404 404"},
		{"/api/spots", "401 401 401 403 200 403 200 200 200 403 200 403 200 200"},
		{idPath("/api/spots/%d", fx.spotID), "401 401 401 403 200 403 200 200 200 403 200 403 200 200"},
		{"/api/spots/99999999", "401 401 401 403 404 403 404 404 404 403 404 403 404 404"},
		{idPath("/api/spots/+%d", fx.spotID), "401 401 401 403 404 403 404 404 404 403 404 403 404 404"},
		{"/api/spots?area=everywhere", "401 401 401 403 400 403 400 400 400 403 400 403 400 400"},
		{"/api/spots?unit=utrecht", "401 401 401 403 400 403 400 400 400 403 400 403 400 400"},
		{"/api/spots?status=forgotten", "401 401 401 403 400 403 400 400 400 403 400 403 400 400"},
		{"/api/alerts", "401 401 401 403 200 403 403 200 200 403 403 403 200 200"},
		{"/api/alerts?severity=urgent", "401 401 401 403 400 403 403 400 400 403 403 403 400 400"},
		{"/api/alerts/" + apiFx.alertID, "401 401 401 403 200 403 403 200 200 403 403 403 200 200"},
		{"/api/alerts/" + apiFx.suspectAlID, "401 401 401 403 200 403 403 200 200 403 403 403 200 404"},
		{"/api/alerts/A-0000000000000000", "401 401 401 403 404 403 403 404 404 403 403 403 404 404"},
		{"/api/no-such-thing", "404 404 404 404 404 404 404 404 404 404 404 404 404 404"},
		{"/api/events", "405 405 405 405 405 405 405 405 405 405 405 405 405 405"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		if len(want) != len(apiColumns) {
			t.Fatalf("%s: %d statuses for %d columns", tt.path, len(want), len(apiColumns))
		}
		for i, who := range apiColumns {
			t.Run(tt.path+"/"+who, func(t *testing.T) {
				resp, body := cs[who].get(t, tt.path)
				checkAPIAnswer(t, "GET "+tt.path+" as "+who, resp, body, want[i])
			})
		}
	}
}

// TestAPIHiddenIsNotFound: a dossier one may not see answers exactly as
// one that does not exist.
func TestAPIHiddenIsNotFound(t *testing.T) {
	ts := newServer(t, nil)
	c := sessionAPIClient(t, ts, "demo-investigator")
	_, hidden := c.get(t, idPath("/api/dossiers/%d", fx.otherID))
	_, missing := c.get(t, "/api/dossiers/99999999")
	if string(hidden) != string(missing) {
		t.Errorf("hidden dossier %s, missing dossier %s", hidden, missing)
	}
}

// TestAPIWriteAccess: the writing endpoints for every caller. Refused
// writes must store nothing.
func TestAPIWriteAccess(t *testing.T) {
	ts := newServer(t, nil)
	cs := apiClients(t, ts)
	search := map[string]any{"person_id": apiFx.alertPerson}
	event := `{"id":"api-write-access-1","ts":"2026-03-01T10:00:00Z","employee_id":"E-W-1","system":"bvh","action":"view","person_id":"P-W-1"}`
	report := map[string]any{"channel": "collega", "received": "2026-02-01", "summary": "API intake"}
	// A spot of its own, without dossier links (which the store checks
	// against what the caller may see).
	spot := &lekradar.VulnerableSpot{Area: "toegangsrechten", Status: "gesignaleerd", Description: "API replace test",
		Identified: lekradar.MustParseDate("2026-01-05")}
	if err := fx.store.CreateVulnerableSpot(fx.sysCtx, spot); err != nil {
		t.Fatal(err)
	}
	newDossier := mustJSON(map[string]any{"department": homeDept, "allegation": fx.cb.Field(lekradar.FieldAllegation).Allowed()[0],
		"phases": []map[string]string{{"phase": fx.cb.Field(lekradar.FieldPhase).Allowed()[0], "date": "2026-02-03"}}})
	tests := []struct {
		name, method, path, contentType, body string
		want                                  string
	}{
		{"create dossier", "POST", "/api/dossiers", "application/json", newDossier,
			"401 401 401 403 201 403 201 201 403 403 403 403 403 201"},
		{"replace own dossier", "PUT", idPath("/api/dossiers/%d", fx.ownID), "application/json", "(read when called)",
			"401 401 401 403 200 403 200 200 403 403 403 403 404 200"},
		{"replace spot", "PUT", idPath("/api/spots/%d", spot.ID), "application/json", mustJSON(spot),
			"401 401 401 403 200 403 403 200 200 403 403 403 200 200"},
		{"act without a reason", "POST", "/api/alerts/" + apiFx.alertID + "/actions", "application/json", `{"action":"dismissed","reason":""}`,
			"401 401 401 403 422 403 403 422 422 403 403 403 422 422"},
		{"log search", "POST", "/api/lookups/search", "application/json", mustJSON(search),
			"401 401 401 403 200 403 403 200 403 403 403 403 200 200"},
		{"events", "POST", "/api/events", "application/x-ndjson", event,
			"401 401 401 200 403 403 403 403 403 403 403 403 403 403"},
		{"reveal", "POST", "/api/alerts/" + apiFx.suspectAlID + "/reveal", "application/json", `{"reason":"access test"}`,
			"401 401 401 403 200 403 403 200 403 403 403 403 200 404"},
		{"intake into other department", "POST", idPath("/api/dossiers/%d/reports", fx.otherID), "application/json", mustJSON(report),
			"401 401 401 403 404 403 404 404 403 403 403 403 201 404"},
		{"intake into suspect's dossier", "POST", idPath("/api/dossiers/%d/reports", fx.suspectID), "application/json", mustJSON(report),
			"401 401 401 403 201 403 201 201 403 403 403 403 404 404"},
		{"new spot", "POST", "/api/spots", "application/json", `{"area":"toegangsrechten","status":"gesignaleerd","description":"API spot","identified":"2026-01-05"}`,
			"401 401 401 403 201 403 403 201 201 403 403 403 201 201"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		if len(want) != len(apiColumns) {
			t.Fatalf("%s: %d statuses for %d columns", tt.name, len(want), len(apiColumns))
		}
		for i, who := range apiColumns {
			t.Run(tt.name+"/"+who, func(t *testing.T) {
				before := len(dossier(t, fx.otherID).Reports)
				in := tt.body
				if tt.name == "replace own dossier" {
					in = mustJSON(dossier(t, fx.ownID)) // as stored now: every update gives its parts new ids
				}
				resp, body := cs[who].call(t, tt.method, tt.path, tt.contentType, in, nil)
				checkAPIAnswer(t, tt.method+" "+tt.path+" as "+who, resp, body, want[i])
				after := len(dossier(t, fx.otherID).Reports)
				wantChange := tt.name == "intake into other department" && who == "other-investigator"
				if (after != before) != wantChange {
					t.Errorf("%s as %s: other department's reports %d → %d", tt.name, who, before, after)
				}
			})
		}
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestAPISessionCSRF: a session call that changes something needs the
// X-CSRF-Token header and a same-origin request; a token call needs no
// cookie and no CSRF token.
func TestAPISessionCSRF(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := sessionAPIClient(t, ts, "demo-investigator")
	search := mustJSON(map[string]any{"person_id": apiFx.alertPerson})
	tests := []struct {
		name   string
		csrf   string
		header http.Header
		want   int
	}{
		{"with token", c.csrf, nil, 200},
		{"without token", "", nil, 403},
		{"wrong token", strings.Repeat("0", len(c.csrf)), nil, 403},
		{"cross-site fetch", c.csrf, http.Header{"Sec-Fetch-Site": {"cross-site"}}, 403},
		{"foreign origin", c.csrf, http.Header{"Origin": {"https://evil.example"}}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := *c
			cc.csrf = tt.csrf
			resp, body := cc.call(t, "POST", "/api/lookups/search", "application/json", search, tt.header)
			// Refusals, cross-origin ones included, are JSON like every answer.
			checkAPIAnswer(t, tt.name, resp, body, strconv.Itoa(tt.want))
		})
	}
	t.Run("bearer token needs no CSRF token", func(t *testing.T) {
		resp, body := tokenAPIClient(ts, apiFx.userToken).call(t, "POST", "/api/lookups/search", "application/json", search, nil)
		checkAPIAnswer(t, "token search", resp, body, "200")
	})
	t.Run("bearer token from another site", func(t *testing.T) {
		resp, body := tokenAPIClient(ts, apiFx.userToken).call(t, "POST", "/api/lookups/search", "application/json", search,
			http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {"https://evil.example"}})
		checkAPIAnswer(t, "cross-site token search", resp, body, "403")
	})
}

// TestAPIBadRequests: malformed bodies name the field; wrong types,
// unknown fields, too large bodies and wrong content types are refused.
func TestAPIBadRequests(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.userToken)
	big := `{"summary":"` + strings.Repeat("x", 1<<20+10) + `"}`
	tests := []struct {
		name, path, contentType, body string
		want                          int
		field                         string
	}{
		{"unknown field", "/api/lookups/search", "application/json", `{"person":"P-1"}`, 400, "person"},
		{"wrong type", "/api/lookups/search", "application/json", `{"person_id":42}`, 400, "person_id"},
		{"syntax", "/api/lookups/search", "application/json", `{"person_id":`, 400, ""},
		{"empty body", "/api/lookups/search", "application/json", ``, 415, ""},
		{"two values", "/api/lookups/search", "application/json", `{"person_id":"a"} {}`, 400, ""},
		{"form instead of JSON", "/api/lookups/search", "application/x-www-form-urlencoded", `person_id=P-1`, 415, ""},
		{"no subject", "/api/lookups/search", "application/json", `{}`, 422, "person_id"},
		{"bad date", idPath("/api/dossiers/%d/reports", fx.ownID), "application/json", `{"channel":"collega","received":"2026-13-01"}`, 400, "received"},
		{"too large", "/api/dossiers", "application/json", big, 413, ""},
		{"invalid dossier codes", "/api/dossiers", "application/json",
			`{"department":"utrecht","allegation":"nonsense","phases":[{"phase":"melding","date":"2026-01-02"}]}`, 422, "department"},
		{"action not allowed", "/api/alerts/" + apiFx.alertID + "/actions", "application/json", `{"action":"forgiven","reason":"x"}`, 422, "action"},
		{"action without reason", "/api/alerts/" + apiFx.alertID + "/actions", "application/json", `{"action":"dismissed"}`, 422, "reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := c.call(t, "POST", tt.path, tt.contentType, tt.body, nil)
			checkAPIAnswer(t, tt.name, resp, body, strconv.Itoa(tt.want))
			var e struct {
				Error struct {
					Fields []lekradar.FieldError `json:"fields"`
				} `json:"error"`
			}
			json.Unmarshal(body, &e)
			if tt.name == "bad date" && !strings.Contains(string(body), "2026-13-01") {
				t.Errorf("bad date: the error does not name the value: %s", body)
			}
			if tt.field != "" && !slices.ContainsFunc(e.Error.Fields, func(f lekradar.FieldError) bool { return f.Field == tt.field }) {
				t.Errorf("%s: fields %+v do not name %q", tt.name, e.Error.Fields, tt.field)
			}
		})
	}
}

// TestAPIDossierRoundTrip: create, read, replace and intake through the
// API, with the same validation as the command line; what the API hides
// (group attributes) survives a replace.
func TestAPIDossierRoundTrip(t *testing.T) {
	ts := newServer(t, nil)
	c := sessionAPIClient(t, ts, "demo-intake")
	in := map[string]any{"department": homeDept, "allegation": fx.cb.Field(lekradar.FieldAllegation).Allowed()[0],
		"phases":  []map[string]string{{"phase": fx.cb.Field(lekradar.FieldPhase).Allowed()[0], "date": "2026-02-03"}},
		"reports": []map[string]string{{"channel": "collega", "received": "2026-02-03", "reporter_ref": "should be ignored for intake"}}}
	resp, body := c.postJSON(t, "POST", "/api/dossiers", in)
	checkAPIAnswer(t, "create", resp, body, "201")
	var d lekradar.Dossier
	if err := json.Unmarshal(body, &d); err != nil || d.ID == 0 || d.RegNo == "" {
		t.Fatalf("created %s (%v)", body, err)
	}
	if loc := resp.Header.Get("Location"); loc != idPath("/api/dossiers/%d", d.ID) {
		t.Errorf("Location %q", loc)
	}
	if stored := dossier(t, d.ID); stored.Reports[0].ReporterRef != "" {
		t.Errorf("intake stored a reporter identity it may not set: %q", stored.Reports[0].ReporterRef)
	}

	// Give the dossier a suspect with group attributes behind the API's back.
	stored := dossier(t, d.ID)
	stored.Suspects = []lekradar.Suspect{{Identified: true, EmployeeRef: "E-RT-1", Gender: fx.cb.Field(lekradar.FieldGender).Allowed()[0]}}
	if err := fx.store.UpdateDossier(fx.sysCtx, stored); err != nil {
		t.Fatal(err)
	}
	resp, body = c.get(t, idPath("/api/dossiers/%d", d.ID))
	checkAPIAnswer(t, "read", resp, body, "200")
	if strings.Contains(string(body), `"gender"`) {
		t.Errorf("the API shows group attributes: %s", body)
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	d.Summary = "replaced through the API"
	resp, body = c.postJSON(t, "PUT", idPath("/api/dossiers/%d", d.ID), d)
	checkAPIAnswer(t, "replace", resp, body, "200")
	after := dossier(t, d.ID)
	if after.Summary != d.Summary || len(after.Suspects) != 1 || after.Suspects[0].Gender == "" {
		t.Errorf("after replace: summary %q, suspects %+v", after.Summary, after.Suspects)
	}

	resp, body = c.postJSON(t, "POST", idPath("/api/dossiers/%d/reports", d.ID), map[string]string{"channel": "nonsense", "received": "2026-02-04"})
	checkAPIAnswer(t, "intake with a bad channel", resp, body, "422")
	if !strings.Contains(string(body), `"reports[1].channel"`) {
		t.Errorf("bad channel not named: %s", body)
	}
	if n := len(dossier(t, d.ID).Reports); n != 1 {
		t.Errorf("a refused intake stored a report: %d reports", n)
	}
	for _, ch := range fx.cb.Field(lekradar.FieldChannel).Allowed() {
		resp, body = c.postJSON(t, "POST", idPath("/api/dossiers/%d/reports", d.ID), map[string]string{"channel": ch, "received": "2026-02-04"})
		checkAPIAnswer(t, "intake channel "+ch, resp, body, "201")
	}
	if n := len(dossier(t, d.ID).Reports); n != 1+len(fx.cb.Field(lekradar.FieldChannel).Allowed()) {
		t.Errorf("after intake of every channel: %d reports", n)
	}
	resp, body = c.postJSON(t, "PUT", idPath("/api/dossiers/%d", d.ID), map[string]any{"id": d.ID + 1})
	checkAPIAnswer(t, "replace with another id", resp, body, "422")
}

// TestAPIAlertTriage: analysts may dismiss but not escalate; escalation by
// an investigator opens a dossier; acting twice conflicts.
func TestAPIAlertTriage(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	// An alert of its own, so that the other tests' alerts stay open.
	w, err := fx.store.NewScanWriter(fx.sysCtx)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 4, 1, 9, 0, 0, int(time.Now().UnixNano()%1000)*1000, time.UTC)
	person := fmt.Sprintf("P-TRIAGE-%d", time.Now().UnixNano())
	ev := lekradar.LookupEvent{ID: "ev-" + person, TS: t0, EmployeeID: "E-TRIAGE", System: "bvh", Action: lekradar.ActionQuery, PersonID: person}
	if err := w.WriteLookup(ev, "", nil); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAlert(&lekradar.Alert{ID: "x", EmployeeID: ev.EmployeeID, PersonID: person, EventIDs: []string{ev.ID},
		FirstTS: t0, LastTS: t0, Score: 0.5, Severity: lekradar.SeverityMedium}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	found, _, err := fx.store.FindAlerts(fx.sysCtx, lekradar.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, a := range found {
		if a.PersonID == person {
			id = a.ID
		}
	}
	analyst := sessionAPIClient(t, ts, "demo-analyst")
	inv := tokenAPIClient(ts, apiFx.userToken)
	path := "/api/alerts/" + id + "/actions"
	resp, body := analyst.postJSON(t, "POST", path, map[string]string{"action": "escalated", "reason": "looks bad"})
	checkAPIAnswer(t, "analyst escalates", resp, body, "403")
	resp, body = inv.postJSON(t, "POST", path, map[string]string{"action": "escalated", "reason": "no case explains it"})
	checkAPIAnswer(t, "investigator escalates", resp, body, "200")
	var ans struct {
		Alert   lekradar.StoredAlert `json:"alert"`
		Dossier *lekradar.Dossier    `json:"dossier"`
	}
	if err := json.Unmarshal(body, &ans); err != nil || ans.Alert.Status != lekradar.AlertEscalated || ans.Dossier == nil || ans.Dossier.ID == 0 {
		t.Fatalf("escalation answer %s (%v)", body, err)
	}
	if len(ans.Dossier.Reports) == 0 || ans.Dossier.Reports[0].Channel != "detectie" {
		t.Errorf("escalated dossier reports %+v", ans.Dossier.Reports)
	}
	// Handing out the dossier is a read of it, audited as every other.
	actor, action, object, objectID := "demo-investigator", lekradar.AuditRead, lekradar.ObjectDossier, strconv.FormatInt(ans.Dossier.ID, 10)
	reads, _, err := fx.store.FindAuditEntries(fx.sysCtx, lekradar.AuditFilter{Actor: &actor, Action: &action, ObjectType: &object, ObjectID: &objectID})
	if err != nil {
		t.Fatal(err)
	}
	if len(reads) != 1 {
		t.Errorf("the escalation answer showed dossier %d with %d audited reads, want 1", ans.Dossier.ID, len(reads))
	}
	resp, body = analyst.postJSON(t, "POST", path, map[string]string{"action": "dismissed", "reason": "again"})
	if resp.StatusCode < 400 {
		t.Errorf("acting on an escalated alert: %d %s", resp.StatusCode, body)
	}
}

// TestAPIOpenAPI: the document parses, is OpenAPI 3, and documents every
// route the router serves (and no other), each with its error answers.
func TestAPIOpenAPI(t *testing.T) {
	ts := newServer(t, nil)
	resp, body := tokenAPIClient(ts, "").get(t, "/api/openapi.json")
	checkAPIAnswer(t, "openapi", resp, body, "200")
	var doc struct {
		OpenAPI    string                                `json:"openapi"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			SecuritySchemes map[string]json.RawMessage `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("the OpenAPI document is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	if doc.Components.SecuritySchemes["bearerToken"] == nil || doc.Components.SecuritySchemes["sessionCookie"] == nil {
		t.Errorf("security schemes %v", doc.Components.SecuritySchemes)
	}
	var whole any
	if err := json.Unmarshal(body, &whole); err != nil {
		t.Fatal(err)
	}
	for _, ref := range collectRefs(whole, nil) {
		if !resolves(whole, ref) {
			t.Errorf("$ref %s does not resolve", ref)
		}
	}
	srv, err := lekhttp.New(fx.store, lekhttp.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	for _, r := range lekhttp.APIRoutes(srv) {
		served[r] = true
		method, path, _ := strings.Cut(r, " ")
		raw := doc.Paths[path][strings.ToLower(method)]
		if raw == nil {
			t.Errorf("%s is served but not documented", r)
			continue
		}
		var op struct {
			Responses map[string]json.RawMessage `json:"responses"`
			Security  *[]any                     `json:"security"`
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Errorf("%s: %v", r, err)
			continue
		}
		public := op.Security != nil && len(*op.Security) == 0
		if !public && (op.Responses["401"] == nil || op.Responses["403"] == nil) {
			t.Errorf("%s: no 401/403 answers documented", r)
		}
		if path != "/api/openapi.json" && public {
			t.Errorf("%s is documented as public", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			if r := strings.ToUpper(method) + " " + path; !served[r] {
				t.Errorf("%s is documented but not served", r)
			}
		}
	}
}

// collectRefs returns every "$ref" value in a JSON document.
func collectRefs(v any, refs []string) []string {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "$ref" {
				refs = append(refs, s)
			} else {
				refs = collectRefs(e, refs)
			}
		}
	case []any:
		for _, e := range x {
			refs = collectRefs(e, refs)
		}
	}
	return refs
}

// resolves reports whether a local reference (#/a/b) names a node.
func resolves(doc any, ref string) bool {
	path, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return false
	}
	node := doc
	for _, part := range strings.Split(path, "/") {
		m, ok := node.(map[string]any)
		if !ok {
			return false
		}
		if node, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// TestAPIReporterIdentity: only the policy's role reads reporter
// identities through the API, and another role cannot overwrite one.
func TestAPIReporterIdentity(t *testing.T) {
	ts := newServer(t, nil)
	d := &lekradar.Dossier{Department: homeDept, Allegation: fx.cb.Field(lekradar.FieldAllegation).Allowed()[0],
		Phases:  []lekradar.PhaseEntry{{Phase: fx.cb.Field(lekradar.FieldPhase).Allowed()[0], Date: lekradar.MustParseDate("2026-01-10")}},
		Reports: []lekradar.Report{{Channel: "collega", Received: lekradar.MustParseDate("2026-01-10"), ReporterRef: "Reporter Secret-Name"}}}
	if err := fx.store.CreateDossier(fx.sysCtx, d); err != nil {
		t.Fatal(err)
	}
	path := idPath("/api/dossiers/%d", d.ID)
	for _, tc := range []struct {
		who  string
		sees bool
	}{{"demo-investigator", true}, {"demo-intake", false}, {"demo-analyst", false}} {
		t.Run(tc.who, func(t *testing.T) {
			c := sessionAPIClient(t, ts, tc.who)
			resp, body := c.get(t, path)
			checkAPIAnswer(t, "read", resp, body, "200")
			if got := strings.Contains(string(body), "Secret-Name"); got != tc.sees {
				t.Errorf("%s sees the reporter identity: %v, want %v", tc.who, got, tc.sees)
			}
			if tc.who != "demo-intake" {
				return
			}
			forged := dossier(t, d.ID)
			forged.Reports[0].ReporterRef = "Forged By Intake"
			resp, body = c.postJSON(t, "PUT", path, forged)
			checkAPIAnswer(t, "replace", resp, body, "200")
			if got := dossier(t, d.ID).Reports[0].ReporterRef; got != "Reporter Secret-Name" {
				t.Errorf("after intake's replace the reporter identity is %q", got)
			}
		})
	}
}
