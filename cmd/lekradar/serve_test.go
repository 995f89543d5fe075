package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"lekradar"
	"lekradar/authn"
)

// lockedBuffer is written by the server goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe starts the workbench on a free port, fetches the login page
// and stops it as SIGINT would (by ending the context).
func TestServe(t *testing.T) {
	db := mustInitDB(t)
	mustRunCLI(t, goodPassword+"\n", "user", "add", "--db", db, "--username", "inv-ams", "--role", "investigator", "--department", "amsterdam")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, errOut := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--listen", "127.0.0.1:0"}, strings.NewReader(""), out, errOut)
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("no URL printed; stdout %q stderr %q", out.String(), errOut.String())
	}
	resp, err := http.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `name="password"`) {
		t.Fatalf("GET /login: status %d", resp.StatusCode)
	}
	if resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("no CSP header")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after shutdown", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errOut.String(), `route="GET /login"`) {
		t.Errorf("no access log line for the request: %q", errOut.String())
	}
}

func TestServeRefusesHalfTLS(t *testing.T) {
	db := mustInitDB(t)
	err := run(context.Background(), []string{"serve", "--db", db, "--listen", "127.0.0.1:0", "--tls-cert", "cert.pem"},
		strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--tls-key") {
		t.Fatalf("err %v, want one naming --tls-key", err)
	}
}

// TestDemoLogins makes an account for every role whose printed password
// logs in.
func TestDemoLogins(t *testing.T) {
	db := mustInitDB(t)
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out bytes.Buffer
	logins, err := createDemoLogins(context.Background(), &out, store, "amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	if len(logins) != len(lekradar.AccountRoles()) {
		t.Fatalf("%d logins for %d roles", len(logins), len(lekradar.AccountRoles()))
	}
	seen := map[string]bool{}
	for _, l := range logins {
		seen[l.Role] = true
		if !strings.Contains(out.String(), l.Username) || !strings.Contains(out.String(), l.Password) {
			t.Errorf("login %s not printed", l.Username)
		}
		u, err := store.FindUserForLogin(context.Background(), l.Username)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := authn.VerifyPassword(u.PasswordHash, l.Password); !ok || u.Role != l.Role {
			t.Errorf("account %s: password verifies %v, role %s", l.Username, ok, u.Role)
		}
		if lekradar.IsDepartmentStaff(l.Role) != (u.Department == "amsterdam") {
			t.Errorf("account %s: department %q", l.Username, u.Department)
		}
	}
	for _, role := range lekradar.AccountRoles() {
		if !seen[role] {
			t.Errorf("no demo account of role %s", role)
		}
	}
}
