// Package e2e_test drives the web workbench in a real browser: headless
// Chromium (Debian's package) through the DevTools protocol, against the
// real server over a SQLite store holding the demo registry, a scanned
// synthetic world and the demo accounts.
//
// Without Chromium the tests skip; with LEKRADAR_TEST_BROWSER=1 (set by
// .ci/run) a missing Chromium fails them instead. LEKRADAR_SCREENSHOTS=DIR
// also saves screenshots of the main pages into DIR.
package e2e_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lekradar"
	"lekradar/demo"
	lekhttp "lekradar/http"
	"lekradar/sqlite"
	"lekradar/sqlstore"
)

// homeDept is the department of the demo accounts' staff.
const homeDept = "amsterdam"

// fx is the fixture every test shares: the store and the accounts. Tests
// that change data use objects of their own (a new dossier, an alert no
// other test touches).
var fx struct {
	store     *sqlstore.Store
	cb        *lekradar.Codebook
	sysCtx    context.Context
	passwords map[string]string // username → password
	world     sqlstore.ScanCounts
}

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e setup:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	dir, err := os.MkdirTemp("", "lekradar-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	fx.cb = lekradar.DefaultCodebook()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "e2e.db"), fx.cb)
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
	fx.sysCtx = lekradar.NewContextWithUser(ctx, lekradar.SystemActor("cli:e2e"))

	data, err := demo.Generate(demo.Options{Seed: 2019}, fx.cb)
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
	}
	if fx.world, err = scanWorld(fx.sysCtx, store, 2019); err != nil {
		return 0, fmt.Errorf("scan world: %w", err)
	}
	logins, err := lekhttp.CreateDemoUsers(fx.sysCtx, store, homeDept)
	if err != nil {
		return 0, err
	}
	fx.passwords = map[string]string{}
	for _, l := range logins {
		fx.passwords[l.Username] = l.Password
	}
	return m.Run(), nil
}

// newServer serves the workbench over the fixture store.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	cfg := lekhttp.DefaultConfig()
	cfg.Codebook = fx.cb
	cfg.Policy = fx.store.Policy
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := lekhttp.New(fx.store, cfg)
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// newBrowser starts a headless Chromium with a fresh profile and returns
// a tab's context, which ends with the test. Without Chromium the test is
// skipped, or fails when LEKRADAR_TEST_BROWSER=1.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		msg := "chromium is not installed (apt-get install chromium): the browser tests need it"
		if os.Getenv("LEKRADAR_TEST_BROWSER") == "1" {
			t.Fatal(msg + " (LEKRADAR_TEST_BROWSER=1)")
		}
		t.Skip(msg)
	}
	profile, err := os.MkdirTemp("", "lekradar-e2e-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "nl-NL"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		// Chromium's helpers may still write to the profile for a moment.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	// The first run starts the browser; it lives as long as ctx, so no
	// timeout here: each step gets its own (see run).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return ctx
}
