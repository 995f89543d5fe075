package http_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// The columns of the scenario tables: anonymous, then the demo account of
// every role, then an investigator of another department and an
// investigator named as suspect in fx.suspectID.
var columns = []string{"anonymous", "demo-admin", "demo-intake", "demo-investigator", "demo-analyst",
	"demo-researcher", "demo-privacy_officer", "demo-auditor", "other-investigator", "suspect"}

// TestPageAccess checks every page for every role: what must be denied as
// well as what must be allowed. 303 is the redirect to the login page.
func TestPageAccess(t *testing.T) {
	ts := newServer(t, nil)
	clients := map[string]*client{"anonymous": newClient(ts)}
	for _, u := range columns[1:] {
		clients[u] = loggedIn(t, ts, u)
	}
	own, other, susp := fx.ownID, fx.otherID, fx.suspectID
	tests := []struct {
		path string
		// want lists the status per column:
		// anon admin intake invest analyst research privacy auditor other-inv suspect
		want string
	}{
		{"/", "303 200 200 200 200 200 200 200 200 200"},
		{"/dossiers", "303 403 200 200 200 403 403 403 200 200"},
		{idPath("/dossiers/%d", own), "303 403 200 200 200 403 403 403 404 200"},
		{idPath("/dossiers/%d", other), "303 403 404 404 404 403 403 403 200 404"},
		{idPath("/dossiers/%d", susp), "303 403 200 200 200 403 403 403 404 404"},
		{"/dossiers/99999999", "303 403 404 404 404 403 403 403 404 404"},
		{"/dossiers/not-a-number", "303 403 404 404 404 403 403 403 404 404"},
		{idPath("/dossiers/%d/edit", own), "303 403 200 200 403 403 403 403 404 200"},
		{idPath("/dossiers/%d/edit", other), "303 403 404 404 403 403 403 403 200 404"},
		{idPath("/dossiers/%d/edit", susp), "303 403 200 200 403 403 403 403 404 404"},
		{"/intake", "303 403 200 200 403 403 403 403 200 200"},
		{"/deadlines", "303 403 200 200 200 403 403 403 200 200"},
		{"/spots", "303 403 200 200 200 403 200 403 200 200"},
		{"/spots/new", "303 403 403 200 200 403 403 403 200 200"},
		{idPath("/spots/%d/edit", fx.spotID), "303 403 403 200 200 403 403 403 200 200"},
		{"/spots/99999999/edit", "303 403 403 404 404 403 403 403 404 404"},
		{"/report", "303 403 403 403 200 403 200 403 403 403"},
		{"/login", "200 303 303 303 303 303 303 303 303 303"},
		{"/no-such-page", "404 404 404 404 404 404 404 404 404 404"},
		{"/static/style.css", "200 200 200 200 200 200 200 200 200 200"},
		{"/static/", "404 404 404 404 404 404 404 404 404 404"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		if len(want) != len(columns) {
			t.Fatalf("%s: %d statuses for %d columns", tt.path, len(want), len(columns))
		}
		for i, who := range columns {
			t.Run(tt.path+"/"+who, func(t *testing.T) {
				resp, body := clients[who].get(t, tt.path)
				if got := strconv.Itoa(resp.StatusCode); got != want[i] {
					t.Fatalf("GET %s as %s: status %s, want %s", tt.path, who, got, want[i])
				}
				if resp.StatusCode == http.StatusSeeOther && who == "anonymous" && resp.Header.Get("Location") != "/login" {
					t.Errorf("GET %s as anonymous: redirect to %q, want /login", tt.path, resp.Header.Get("Location"))
				}
				if resp.StatusCode == http.StatusNotFound && !strings.Contains(body, "404") {
					t.Errorf("GET %s as %s: 404 without the error page", tt.path, who)
				}
			})
		}
	}
}

// TestNotFoundIsIndistinguishable: a dossier one may not see answers
// exactly as one that does not exist, in status and body.
func TestNotFoundIsIndistinguishable(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	hiddenPath := idPath("/dossiers/%d", fx.otherID)
	_, hidden := c.get(t, hiddenPath)
	_, missing := c.get(t, "/dossiers/99999999")
	// The pages differ only in the path of the language switch's link.
	hidden = strings.ReplaceAll(hidden, url.QueryEscape(hiddenPath), "PATH")
	missing = strings.ReplaceAll(missing, url.QueryEscape("/dossiers/99999999"), "PATH")
	if hidden != missing {
		t.Errorf("the page of another department's dossier differs from that of a missing one")
	}
	_, hiddenSusp := loggedIn(t, ts, "suspect").get(t, idPath("/dossiers/%d", fx.suspectID))
	if !strings.Contains(hiddenSusp, "404") {
		t.Errorf("suspect sees something other than a 404 page for their own dossier")
	}
}

// TestPostAccess checks the writing endpoints per role. Refused writes
// must store nothing.
func TestPostAccess(t *testing.T) {
	ts := newServer(t, nil)
	clients := map[string]*client{"anonymous": newClient(ts)}
	for _, u := range columns[1:] {
		clients[u] = loggedIn(t, ts, u)
	}
	phaseForm := url.Values{"phase": {"besluitvorming"}, "date": {"2026-01-05"}}
	spotForm := url.Values{"area": {"toegangsrechten"}, "status": {"gesignaleerd"}, "description": {"Test spot"}, "identified": {"2026-01-05"}}
	tests := []struct {
		name string
		path string
		form url.Values
		want string // per column, as in TestPageAccess
	}{
		{"phase of other department", idPath("/dossiers/%d/phase", fx.otherID), phaseForm, "303 403 404 404 403 403 403 403 303 404"},
		{"phase of suspect's dossier", idPath("/dossiers/%d/phase", fx.suspectID), phaseForm, "303 403 303 303 403 403 403 403 404 404"},
		{"new spot", "/spots/new", spotForm, "303 403 403 303 303 403 403 403 303 303"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		for i, who := range columns {
			t.Run(tt.name+"/"+who, func(t *testing.T) {
				before := len(dossier(t, fx.otherID).Phases)
				resp, _ := clients[who].post(t, tt.path, tt.form)
				if got := strconv.Itoa(resp.StatusCode); got != want[i] {
					t.Fatalf("POST %s as %s: status %s, want %s", tt.path, who, got, want[i])
				}
				after := len(dossier(t, fx.otherID).Phases)
				changedOther := after != before
				if changedOther != (tt.path == idPath("/dossiers/%d/phase", fx.otherID) && who == "other-investigator") {
					t.Errorf("POST %s as %s: other department's phases %d → %d", tt.path, who, before, after)
				}
			})
		}
	}
}
