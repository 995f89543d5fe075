package http_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/authn"
	lekhttp "lekradar/http"
)

func TestCSRF(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	path := idPath("/dossiers/%d/phase", fx.ownID)
	form := url.Values{"phase": {"besluitvorming"}, "date": {"2026-11-27"}}
	tests := []struct {
		name   string
		token  string
		header map[string]string
	}{
		{"no token", "", nil},
		{"wrong token", "0123abcd", nil},
		{"token of another session", loggedIn(t, ts, "demo-intake").csrf, nil},
		{"foreign Origin", c.csrf, map[string]string{"Origin": "https://evil.example"}},
		{"cross-site fetch", c.csrf, map[string]string{"Sec-Fetch-Site": "cross-site"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(dossier(t, fx.ownID).Phases)
			f := url.Values{"csrf_token": {tt.token}}
			for k, v := range form {
				f[k] = v
			}
			for k, v := range tt.header {
				c.header.Set(k, v)
			}
			resp, body := c.postRaw(t, path, f)
			for k := range tt.header {
				c.header.Del(k)
			}
			if resp.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403", resp.StatusCode)
			}
			if !strings.Contains(body, "403") {
				t.Errorf("no error page")
			}
			if len(dossier(t, fx.ownID).Phases) != before {
				t.Errorf("the refused POST changed the dossier")
			}
		})
	}
	t.Run("same-origin with token is accepted", func(t *testing.T) {
		c.header.Set("Origin", ts.URL)
		c.header.Set("Sec-Fetch-Site", "same-origin")
		defer func() { c.header.Del("Origin"); c.header.Del("Sec-Fetch-Site") }()
		resp, _ := c.post(t, path, form)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", resp.StatusCode)
		}
	})
	t.Run("logout needs the token too", func(t *testing.T) {
		c2 := loggedIn(t, ts, "demo-analyst")
		if resp, _ := c2.postRaw(t, "/logout", url.Values{}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("logout without token: status %d, want 403", resp.StatusCode)
		}
		if resp, _ := c2.get(t, "/dossiers"); resp.StatusCode != http.StatusOK {
			t.Errorf("session ended by a logout without token")
		}
	})
}

func TestLoginThrottling(t *testing.T) {
	throttled := addTestUser(t, lekradar.User{Username: "throttled", Role: lekradar.RoleAnalyst, Department: homeDept}, "")
	ts := newServer(t, func(c *lekhttp.Config) { c.MaxFailuresPerUser = 3 })
	c := newClient(ts)
	_, wrongBody := c.login(t, throttled, "wrong password entirely", "")
	for i := 0; i < 2; i++ {
		c.login(t, throttled, "wrong password entirely", "")
	}
	resp, body := c.login(t, throttled, fx.passwords[throttled], "")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("right password after 3 failures: status %d, want 401", resp.StatusCode)
	}
	if body != wrongBody {
		t.Errorf("the locked-out answer differs from the wrong-password answer")
	}
	if resp, _ := newClient(ts).login(t, "demo-analyst", fx.passwords["demo-analyst"], ""); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("another account is locked out too: status %d", resp.StatusCode)
	}
	t.Run("per address", func(t *testing.T) {
		ts := newServer(t, func(c *lekhttp.Config) { c.MaxFailuresPerIP = 3; c.TrustProxy = true })
		c := newClient(ts)
		c.header.Set("X-Forwarded-For", "192.0.2.77")
		for i := 0; i < 3; i++ {
			c.login(t, "nobody-"+strconv.Itoa(i), "wrong password entirely", "")
		}
		if resp, _ := c.login(t, "demo-auditor", fx.passwords["demo-auditor"], ""); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("login from a throttled address: status %d, want 401", resp.StatusCode)
		}
		c.header.Set("X-Forwarded-For", "192.0.2.78")
		if resp, _ := c.login(t, "demo-auditor", fx.passwords["demo-auditor"], ""); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("login from another address: status %d, want 303", resp.StatusCode)
		}
	})
}

func TestTOTPLogin(t *testing.T) {
	enrol, err := authn.NewTOTP("totp-user")
	if err != nil {
		t.Fatal(err)
	}
	totpUser := addTestUser(t, lekradar.User{Username: "totp-user", Role: lekradar.RoleAnalyst, Department: homeDept}, enrol.Secret)
	ts := newServer(t, nil)
	code, err := authn.TOTPCode(enrol.Secret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	pw := fx.passwords[totpUser]
	for _, tt := range []struct {
		name, code string
		want       int
	}{
		{"no code", "", http.StatusUnauthorized},
		{"wrong code", wrongCode(code), http.StatusUnauthorized},
		{"right code", code, http.StatusSeeOther},
		{"replayed code", code, http.StatusUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if resp, _ := newClient(ts).login(t, totpUser, pw, tt.code); resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func wrongCode(code string) string {
	b := []byte(code)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}

func TestSessionCookieAndLogout(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run("secure="+strconv.FormatBool(secure), func(t *testing.T) {
			ts := newServer(t, func(c *lekhttp.Config) { c.SecureCookies = secure; c.HSTS = secure })
			c := newClient(ts)
			resp, _ := c.login(t, "demo-intake", fx.passwords["demo-intake"], "")
			var sc *http.Cookie
			for _, ck := range resp.Cookies() {
				if strings.Contains(ck.Name, "session") {
					sc = ck
				}
			}
			if sc == nil {
				t.Fatal("no session cookie")
			}
			if !sc.HttpOnly || sc.SameSite != http.SameSiteStrictMode || sc.Path != "/" || sc.Secure != secure {
				t.Errorf("cookie %s: HttpOnly %v SameSite %v Path %q Secure %v", sc.Name, sc.HttpOnly, sc.SameSite, sc.Path, sc.Secure)
			}
			if strings.HasPrefix(sc.Name, "__Host-") != secure {
				t.Errorf("cookie name %s: __Host- prefix should be %v", sc.Name, secure)
			}
			if hsts := resp.Header.Get("Strict-Transport-Security"); (hsts != "") != secure {
				t.Errorf("HSTS %q with secure=%v", hsts, secure)
			}
		})
	}
	t.Run("logout ends the session", func(t *testing.T) {
		ts := newServer(t, nil)
		c := loggedIn(t, ts, "demo-intake")
		u, _ := url.Parse(ts.URL)
		cookies := c.hc.Jar.Cookies(u)
		if resp, _ := c.post(t, "/logout", nil); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
			t.Fatalf("logout: status %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		// Replaying the old cookie must not work either.
		old := newClient(ts)
		old.hc.Jar.SetCookies(u, cookies)
		if resp, _ := old.get(t, "/dossiers"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("old session cookie still works: status %d", resp.StatusCode)
		}
	})
}

// TestSecurityHeaders: every response, errors and redirects included,
// carries the headers.
func TestSecurityHeaders(t *testing.T) {
	ts := newServer(t, nil)
	anon := newClient(ts)
	inv := loggedIn(t, ts, "demo-investigator")
	type req struct {
		name string
		do   func() *http.Response
	}
	reqs := []req{
		{"login page", func() *http.Response { return first(anon.get(t, "/login")) }},
		{"redirect to login", func() *http.Response { return first(anon.get(t, "/dossiers")) }},
		{"failed login", func() *http.Response { return first(anon.login(t, "nobody", "wrong password entirely", "")) }},
		{"404", func() *http.Response { return first(inv.get(t, "/no-such-page")) }},
		{"hidden dossier", func() *http.Response { return first(inv.get(t, idPath("/dossiers/%d", fx.otherID))) }},
		{"403", func() *http.Response { return first(loggedIn(t, ts, "demo-auditor").get(t, "/dossiers")) }},
		{"CSRF refusal", func() *http.Response { return first(inv.postRaw(t, "/intake", url.Values{})) }},
		{"dossier", func() *http.Response { return first(inv.get(t, idPath("/dossiers/%d", fx.ownID))) }},
		{"static", func() *http.Response { return first(anon.get(t, "/static/style.css")) }},
		{"method not allowed", func() *http.Response { return first(inv.postRaw(t, "/deadlines", url.Values{})) }},
	}
	want := map[string]string{
		"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	for _, r := range reqs {
		t.Run(r.name, func(t *testing.T) {
			resp := r.do()
			for k, v := range want {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s: %q, want %q", k, got, v)
				}
			}
			if resp.Header.Get("Permissions-Policy") == "" {
				t.Errorf("no Permissions-Policy")
			}
			cc := resp.Header.Get("Cache-Control")
			if r.name != "static" && cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
		})
	}
}

// TestPagesAreSelfContained: no page refers to another site, and none has
// inline styles or scripts (the CSP would block them).
func TestPagesAreSelfContained(t *testing.T) {
	ts := newServer(t, nil)
	external := regexp.MustCompile(`(?i)(src|href|action)\s*=\s*"(https?:)?//`)
	inline := regexp.MustCompile(`(?i)<script|\sstyle\s*=|\son[a-z]+\s*=|<style`)
	pages := map[string][]string{
		"anonymous":            {"/login"},
		"demo-investigator":    {"/", "/dossiers", idPath("/dossiers/%d", fx.ownID), idPath("/dossiers/%d/edit", fx.ownID), "/intake", "/deadlines", "/spots", "/spots/new", idPath("/spots/%d/edit", fx.spotID), "/no-such-page"},
		"demo-privacy_officer": {"/", "/spots"},
		"demo-admin":           {"/", "/dossiers"},
	}
	for who, paths := range pages {
		c := newClient(ts)
		if who != "anonymous" {
			c = loggedIn(t, ts, who)
		}
		for _, p := range paths {
			for _, lang := range []string{"nl", "en"} {
				t.Run(who+p+"/"+lang, func(t *testing.T) {
					u, _ := url.Parse(ts.URL)
					c.hc.Jar.SetCookies(u, []*http.Cookie{{Name: "lang", Value: lang, Path: "/"}})
					_, body := c.get(t, p)
					if m := external.FindString(body); m != "" {
						t.Errorf("external reference %q", m)
					}
					if m := inline.FindString(body); m != "" {
						t.Errorf("inline style or script %q", m)
					}
					// A message key shown as such means a missing text.
					if m := regexp.MustCompile(`>\s*[a-z_]+\.[a-z_]+\s*<`).FindString(body); m != "" {
						t.Errorf("untranslated key %q", m)
					}
				})
			}
		}
	}
}

func TestLanguage(t *testing.T) {
	ts := newServer(t, nil)
	c := newClient(ts)
	_, body := c.get(t, "/login")
	if !strings.Contains(body, `<html lang="nl">`) || !strings.Contains(body, "Wachtwoord") {
		t.Fatalf("the default language is not Dutch")
	}
	resp, _ := c.get(t, "/lang?set=en&next=/login")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Fatalf("switch: status %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = c.get(t, "/login")
	if !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "Password") {
		t.Errorf("the switch did not make the page English")
	}
	c = loggedIn(t, ts, "demo-investigator")
	c.get(t, "/lang?set=en&next=/dossiers")
	_, body = c.get(t, idPath("/dossiers/%d/edit", fx.ownID))
	if !strings.Contains(body, ">"+fx.cb.Label(lekradar.FieldAllegation, "raadplegen", "en")+"<") {
		t.Errorf("codebook labels are not English after the switch")
	}
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		resp, _ := c.get(t, "/lang?set=nl&next="+url.QueryEscape(next))
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("next=%s: redirect to %q, want /", next, loc)
		}
	}
}

// TestMessageCatalogues: every key a template uses exists in every
// language, and the catalogues have the same keys.
func TestMessageCatalogues(t *testing.T) {
	cats := map[string]map[string]string{}
	for _, lang := range []string{"nl", "en"} {
		b, err := os.ReadFile(filepath.Join("messages", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("messages/%s.json: %v", lang, err)
		}
		cats[lang] = m
	}
	files, _ := filepath.Glob("templates/*.html")
	keyUse := regexp.MustCompile(`\.Tf? "([a-z_.]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
			for lang, cat := range cats {
				if _, ok := cat[m[1]]; !ok {
					t.Errorf("%s uses key %q, missing in messages/%s.json", f, m[1], lang)
				}
			}
		}
		// Templates hold keys, not texts: no bare words between tags.
		text := regexp.MustCompile(`>([^<{}]*[A-Za-z]{3,}[^<{}]*)<`).FindAllStringSubmatch(string(b), -1)
		for _, m := range text {
			t.Errorf("%s: literal text %q; use a message key", f, strings.TrimSpace(m[1]))
		}
	}
	for _, role := range lekradar.AccountRoles() {
		for lang, cat := range cats {
			if _, ok := cat["role."+role]; !ok {
				t.Errorf("messages/%s.json lacks role.%s", lang, role)
			}
		}
	}
}

// TestAccessLog: method, route pattern, status and duration; never the
// query string or the path's ids.
func TestAccessLog(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	c.get(t, idPath("/dossiers/%d", fx.ownID)+"?q=Jansen-Secret")
	logs := ts.logs.String()
	if strings.Contains(logs, "Jansen-Secret") || strings.Contains(logs, idPath("/dossiers/%d", fx.ownID)) {
		t.Errorf("the access log holds the query or the path:\n%s", logs)
	}
	if !strings.Contains(logs, `route="GET /dossiers/{id}"`) || !strings.Contains(logs, "status=200") {
		t.Errorf("the access log lacks the route pattern or status:\n%s", logs)
	}
	if strings.Contains(logs, fx.passwords["demo-investigator"]) || strings.Contains(logs, "demo-investigator") {
		t.Errorf("the access log holds the user's name or password")
	}
}
