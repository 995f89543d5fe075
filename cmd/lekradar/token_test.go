package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lekradar"
	lekhttp "lekradar/http"
)

// apiMe calls GET /api/me of a workbench over db with token and returns
// the status and the answer.
func apiMe(t *testing.T, db, token string) (int, map[string]any) {
	t.Helper()
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	cfg := lekhttp.DefaultConfig()
	cfg.Codebook, cfg.Policy = store.Codebook(), store.Policy
	srv, err := lekhttp.New(store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var ans map[string]any
	json.NewDecoder(resp.Body).Decode(&ans)
	return resp.StatusCode, ans
}

func TestToken(t *testing.T) {
	db := mustInitDB(t)

	ingest := mustRunCLI(t, "", "token", "add", "--db", db, "--name", "police-log-feed", "--role", "ingest")
	plain := strings.TrimSpace(ingest.stdout)
	if len(plain) < 40 || strings.Contains(plain, " ") || !strings.Contains(ingest.stderr, "shown once") {
		t.Fatalf("token add printed %q (stderr %q)", ingest.stdout, ingest.stderr)
	}
	if status, me := apiMe(t, db, plain); status != 200 || me["role"] != lekradar.RoleMachine || me["username"] != "token:police-log-feed" {
		t.Errorf("ingest token: /api/me %d %v", status, me)
	}

	inv := mustRunCLI(t, "", "token", "add", "--db", db, "--name", "case-system", "--role", "investigator", "--department", "amsterdam")
	invToken := strings.TrimSpace(inv.stdout)
	if status, me := apiMe(t, db, invToken); status != 200 || me["role"] != lekradar.RoleInvestigator ||
		me["username"] != "api-case-system" || me["department"] != "amsterdam" {
		t.Errorf("investigator token: /api/me %d %v", status, me)
	}

	t.Run("list", func(t *testing.T) {
		out := mustRunCLI(t, "", "token", "list", "--db", db).stdout
		for _, want := range []string{"police-log-feed", "ingest", "case-system", "api-case-system", "active"} {
			if !strings.Contains(out, want) {
				t.Errorf("token list lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, plain) || strings.Contains(out, invToken) {
			t.Error("token list shows a plain token")
		}
		js := mustRunCLI(t, "", "token", "list", "--db", db, "--format", "json").stdout
		var tokens []lekradar.APIToken
		if err := json.Unmarshal([]byte(js), &tokens); err != nil || len(tokens) != 2 {
			t.Errorf("token list --format json: %v\n%s", err, js)
		}
	})

	t.Run("the service account has a password nobody knows", func(t *testing.T) {
		store, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		u, err := store.FindUserForLogin(context.Background(), "api-case-system")
		if err != nil || u.PasswordHash == "" {
			t.Errorf("service account %+v (%v): want a hash of an unknown password", u, err)
		}
	})

	t.Run("revoke", func(t *testing.T) {
		mustRunCLI(t, "", "token", "revoke", "--db", db, "--name", "police-log-feed")
		if status, _ := apiMe(t, db, plain); status != http.StatusUnauthorized {
			t.Errorf("revoked token: /api/me %d, want 401", status)
		}
		if status, _ := apiMe(t, db, invToken); status != 200 {
			t.Errorf("the other token stopped working: %d", status)
		}
		if out := mustRunCLI(t, "", "token", "list", "--db", db).stdout; !strings.Contains(out, "revoked") {
			t.Errorf("token list does not show the revocation:\n%s", out)
		}
		r := runCLI(t, "", "token", "revoke", "--db", db, "--name", "police-log-feed")
		if r.exitCode() != 1 || !strings.Contains(errorText(r.err), "no active token") {
			t.Errorf("revoking twice: exit %d, %v", r.exitCode(), r.err)
		}
	})

	t.Run("refused", func(t *testing.T) {
		for _, tc := range []struct {
			name    string
			args    []string
			wantErr string
		}{
			{"no role", []string{"--name", "x1"}, "--role"},
			{"unknown role", []string{"--name", "x2", "--role", "god"}, "allowed: ingest, admin"},
			{"ingest with department", []string{"--name", "x3", "--role", "ingest", "--department", "amsterdam"}, "no department"},
			{"bad name", []string{"--name", "Feed One", "--role", "ingest"}, "--name"},
			{"unknown department", []string{"--name", "x4", "--role", "analyst", "--department", "utrecht"}, "utrecht"},
			{"unknown user", []string{"--name", "x5", "--user", "nobody"}, "nobody"},
			{"role and user", []string{"--name", "x6", "--role", "ingest", "--user", "api-case-system"}, "not both"},
			{"taken service account", []string{"--name", "case-system", "--role", "analyst"}, "already taken"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := runCLI(t, "", append([]string{"token", "add", "--db", db}, tc.args...)...)
				if r.exitCode() != 1 || !strings.Contains(errorText(r.err), tc.wantErr) || r.stdout != "" {
					t.Errorf("exit %d, error %v, stdout %q; want exit 1 and an error about %q", r.exitCode(), r.err, r.stdout, tc.wantErr)
				}
			})
		}
	})

	t.Run("audited", func(t *testing.T) {
		out := mustRunCLI(t, "", "audit", "list", "--db", db, "--object-type", lekradar.ObjectAPIToken, "--format", "json").stdout
		var entries []lekradar.AuditEntry
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		var creates, revokes int
		for _, e := range entries {
			switch e.Action {
			case lekradar.AuditCreate:
				creates++
			case lekradar.AuditDelete:
				revokes++
			}
		}
		if creates != 2 || revokes != 1 {
			t.Errorf("audit: %d creates, %d revokes of tokens; want 2 and 1", creates, revokes)
		}
	})
}
