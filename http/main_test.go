package http_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"lekradar"
	"lekradar/authn"
	"lekradar/demo"
	lekhttp "lekradar/http"
	"lekradar/sqlite"
	"lekradar/sqlstore"
)

// The fixture: one SQLite store with the demo registry, accounts of every
// role in the home department, and a few special accounts. Tests that
// change data use dossiers of their own or check only what they changed.
const (
	homeDept  = "amsterdam"
	otherDept = "rotterdam"
)

var fx struct {
	store     *sqlstore.Store
	cb        *lekradar.Codebook
	passwords map[string]string // username → password
	// Dossier ids: of the home department, of another department, and a
	// home-department dossier that names the account "suspect" as suspect.
	ownID, otherID, suspectID int64
	spotID                    int64
	sysCtx                    context.Context
}

// roleUsers are the demo accounts of every role, in AccountRoles order.
var roleUsers []string

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "setup:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	dir, err := os.MkdirTemp("", "lekradar-http-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	fx.cb = lekradar.DefaultCodebook()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "test.db"), fx.cb)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return 0, err
	}
	if err := store.SetKey(key); err != nil {
		return 0, err
	}
	fx.store = store
	fx.sysCtx = lekradar.NewContextWithUser(ctx, lekradar.SystemActor("cli:test"))

	data, err := demo.Generate(demo.Options{Seed: 7}, fx.cb)
	if err != nil {
		return 0, err
	}
	if err := store.ReplaceWorkforce(fx.sysCtx, data.Workforce); err != nil {
		return 0, err
	}
	if err := store.CreateDossiers(fx.sysCtx, data.Dossiers); err != nil {
		return 0, err
	}
	if err := data.LinkSpots(); err != nil {
		return 0, err
	}
	for _, s := range data.Spots {
		if err := store.CreateVulnerableSpot(fx.sysCtx, s); err != nil {
			return 0, err
		}
		fx.spotID = s.ID
	}

	var suspectRef string
	for _, d := range data.Dossiers {
		switch {
		case d.Department == otherDept && fx.otherID == 0:
			fx.otherID = d.ID
		case d.Department == homeDept && fx.suspectID == 0 && len(d.Suspects) > 0 && d.Suspects[0].EmployeeRef != "":
			fx.suspectID, suspectRef = d.ID, d.Suspects[0].EmployeeRef
		}
	}
	for _, d := range data.Dossiers {
		if d.Department == homeDept && d.ID != fx.suspectID && !namesSuspect(d, suspectRef) {
			fx.ownID = d.ID
			break
		}
	}
	if fx.ownID == 0 || fx.otherID == 0 || fx.suspectID == 0 {
		return 0, fmt.Errorf("demo data lacks the dossiers the tests need (own %d, other %d, suspect %d)", fx.ownID, fx.otherID, fx.suspectID)
	}

	logins, err := lekhttp.CreateDemoUsers(fx.sysCtx, store, homeDept)
	if err != nil {
		return 0, err
	}
	fx.passwords = map[string]string{}
	for _, l := range logins {
		fx.passwords[l.Username] = l.Password
		roleUsers = append(roleUsers, l.Username)
	}
	extra := []lekradar.User{
		{Username: "other-investigator", Role: lekradar.RoleInvestigator, Department: otherDept},
		{Username: "suspect", Role: lekradar.RoleInvestigator, Department: homeDept, EmployeeRef: suspectRef},
	}
	for _, u := range extra {
		if err := addUser(u, ""); err != nil {
			return 0, err
		}
	}
	return m.Run(), nil
}

func namesSuspect(d *lekradar.Dossier, ref string) bool {
	for _, s := range d.Suspects {
		if s.EmployeeRef == ref {
			return true
		}
	}
	return false
}

// userSeq makes the names of accounts added by tests unique, so that the
// tests can run more than once on the fixture (go test -count).
var userSeq atomic.Int64

// addTestUser adds an account named base-<n> and returns its name.
func addTestUser(t *testing.T, u lekradar.User, totpSecret string) string {
	t.Helper()
	u.Username = fmt.Sprintf("%s-%d", u.Username, userSeq.Add(1))
	if err := addUser(u, totpSecret); err != nil {
		t.Fatal(err)
	}
	return u.Username
}

// addUser stores an account with a fresh password (and a TOTP secret when
// given) and remembers the password.
func addUser(u lekradar.User, totpSecret string) error {
	password := "pw-" + u.Username + "-Xq7!long-enough"
	hash, err := authn.HashPassword(password)
	if err != nil {
		return err
	}
	u.PasswordHash, u.TOTPSecret = hash, totpSecret
	if err := fx.store.CreateUser(fx.sysCtx, &u); err != nil {
		return fmt.Errorf("add user %s: %w", u.Username, err)
	}
	fx.passwords[u.Username] = password
	return nil
}

// testServer serves the workbench over the fixture store.
type testServer struct {
	*httptest.Server
	logs *syncBuffer
}

// syncBuffer collects the access log of a server.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newServer starts a workbench; configure may change the defaults. The
// per-address throttle is high unless configured: every test client
// comes from 127.0.0.1.
func newServer(t *testing.T, configure func(*lekhttp.Config)) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	cfg := lekhttp.DefaultConfig()
	cfg.Codebook = fx.cb
	cfg.Policy = fx.store.Policy
	cfg.MaxFailuresPerIP = 10000
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	if configure != nil {
		configure(&cfg)
	}
	srv, err := lekhttp.New(fx.store, cfg)
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, logs: logs}
}

// client is a browser: a cookie jar, no redirects followed, and the CSRF
// token of its session.
type client struct {
	ts   *testServer
	hc   *http.Client
	csrf string
	// header is added to every request.
	header http.Header
}

func newClient(ts *testServer) *client {
	jar, _ := cookiejar.New(nil)
	return &client{ts: ts, header: http.Header{}, hc: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// loggedIn returns a client logged in as username.
func loggedIn(t *testing.T, ts *testServer, username string) *client {
	t.Helper()
	c := newClient(ts)
	resp, _ := c.login(t, username, fx.passwords[username], "")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: status %d, want 303", username, resp.StatusCode)
	}
	_, body := c.get(t, "/")
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("login %s: no CSRF token on the start page", username)
	}
	c.csrf = m[1]
	return c
}

func (c *client) login(t *testing.T, username, password, code string) (*http.Response, string) {
	t.Helper()
	return c.postRaw(t, "/login", url.Values{"username": {username}, "password": {password}, "code": {code}})
}

func (c *client) do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	for k, v := range c.header {
		req.Header[k] = v
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", req.Method, req.URL.Path, err)
	}
	return resp, string(b)
}

func (c *client) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.do(t, req)
}

// post sends a form with the session's CSRF token.
func (c *client) post(t *testing.T, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	if !f.Has("csrf_token") && c.csrf != "" {
		f.Set("csrf_token", c.csrf)
	}
	return c.postRaw(t, path, f)
}

// postRaw sends a form as it is.
func (c *client) postRaw(t *testing.T, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(t, req)
}

// dossier reads a dossier as the system actor, to check what was stored.
func dossier(t *testing.T, id int64) *lekradar.Dossier {
	t.Helper()
	d, err := fx.store.FindDossierByID(fx.sysCtx, id)
	if err != nil {
		t.Fatalf("read dossier %d: %v", id, err)
	}
	return d
}

func idPath(format string, id int64) string { return fmt.Sprintf(format, id) }
