package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"lekradar"
)

// cliResult is what one run of the command line produced.
type cliResult struct {
	stdout, stderr string
	err            error
}

// exitCode is the process exit status main would use: 0 on success, the
// exitError's code, or 1 for any other error.
func (r cliResult) exitCode() int {
	if r.err == nil {
		return 0
	}
	var ex exitError
	if errors.As(r.err, &ex) {
		return ex.code
	}
	return 1
}

// runCLI runs the command line in-process with the given stdin.
func runCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return cliResult{stdout: stdout.String(), stderr: stderr.String(), err: err}
}

// mustRunCLI runs the command line and fails the test when it fails.
func mustRunCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	r := runCLI(t, stdin, args...)
	if r.err != nil {
		t.Fatalf("lekradar %s: %v\nstderr:\n%s", strings.Join(args, " "), r.err, r.stderr)
	}
	return r
}

// mustInitDB creates a fresh SQLite database in a temporary directory and
// returns its path.
func mustInitDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lekradar.db")
	mustRunCLI(t, "", "init", "--db", path)
	return path
}

var schemaVersionPattern = regexp.MustCompile(`schema version (\d+)`)

func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub.db")

	first := mustRunCLI(t, "", "init", "--db", path)
	m := schemaVersionPattern.FindStringSubmatch(first.stdout)
	if m == nil || m[1] == "0" {
		t.Fatalf("init output %q does not report a schema version above 0", first.stdout)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("init did not create the database file: %v", err)
	}

	t.Run("again migrates nothing and reports the same version", func(t *testing.T) {
		again := mustRunCLI(t, "", "init", "--db", path)
		if again.stdout != first.stdout {
			t.Errorf("second init printed %q, first %q", again.stdout, first.stdout)
		}
	})

	t.Run("LEKRADAR_DB names the database when --db is absent", func(t *testing.T) {
		envPath := filepath.Join(t.TempDir(), "env.db")
		t.Setenv("LEKRADAR_DB", envPath)
		mustRunCLI(t, "", "init")
		if _, err := os.Stat(envPath); err != nil {
			t.Fatalf("init without --db did not create $LEKRADAR_DB: %v", err)
		}
	})

	t.Run("--db wins over LEKRADAR_DB", func(t *testing.T) {
		envPath := filepath.Join(t.TempDir(), "env.db")
		flagPath := filepath.Join(t.TempDir(), "flag.db")
		t.Setenv("LEKRADAR_DB", envPath)
		mustRunCLI(t, "", "init", "--db", flagPath)
		if _, err := os.Stat(flagPath); err != nil {
			t.Errorf("--db file not created: %v", err)
		}
		if _, err := os.Stat(envPath); err == nil {
			t.Errorf("$LEKRADAR_DB file created although --db was given")
		}
	})
}

func TestCommandsRefuseMissingDatabase(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"dossier", "list"},
		{"dossier", "show", "1"},
		{"dossier", "export"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCLI(t, "", append(args, "--db", missing)...)
			if r.err == nil || !strings.Contains(r.err.Error(), "lekradar init") {
				t.Errorf("error = %v, want one that points at lekradar init", r.err)
			}
			if _, err := os.Stat(missing); err == nil {
				t.Errorf("the command created %s", missing)
			}
		})
	}
}

func TestRedactDSN(t *testing.T) {
	tests := []struct {
		dsn, want string
	}{
		{"./lekradar.db", "./lekradar.db"},
		{"postgres://lek@db.example/reg", "postgres://lek@db.example/reg"},
		{"postgres://lek:s3cret@db.example:5432/reg?sslmode=disable", "postgres://lek:xxxxx@db.example:5432/reg?sslmode=disable"},
		{"postgresql://db.example/reg?password=s3cret&user=lek", "postgresql://db.example/reg?password=xxxxx&user=lek"},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			got := redactDSN(tt.dsn)
			if got != tt.want {
				t.Errorf("redactDSN(%q) = %q, want %q", tt.dsn, got, tt.want)
			}
			if strings.Contains(got, "s3cret") {
				t.Errorf("redactDSN(%q) shows the password", tt.dsn)
			}
		})
	}
}

func TestOpenStoreErrorHidesPassword(t *testing.T) {
	// Nothing listens on port 1; the connection fails and the error must
	// not repeat the password.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := openStore(ctx, "postgres://lek:s3cret-pw@127.0.0.1:1/reg?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("openStore on a closed port succeeded")
	}
	if strings.Contains(err.Error(), "s3cret-pw") {
		t.Errorf("error shows the password: %v", err)
	}
}

// TestPostgres runs the registry commands against PostgreSQL through --db,
// in a database made for this run and dropped afterwards.
func TestPostgres(t *testing.T) {
	base := os.Getenv("LEKRADAR_TEST_POSTGRES")
	if base == "" {
		t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to run the CLI against PostgreSQL")
	}
	dsn := mustCreatePostgresDB(t, base)

	out := mustRunCLI(t, "", "init", "--db", dsn)
	if m := schemaVersionPattern.FindStringSubmatch(out.stdout); m == nil || m[1] == "0" {
		t.Fatalf("init output %q does not report a schema version", out.stdout)
	}
	ds := sampleDossiers()
	file := writeJSONL(t, ds)
	mustRunCLI(t, "", "dossier", "import", file, "--db", dsn)
	got := listRegNos(t, dsn)
	if len(got) != len(ds) {
		t.Fatalf("after import PostgreSQL lists %d dossiers, want %d", len(got), len(ds))
	}
	exported := mustRunCLI(t, "", "dossier", "export", "--db", dsn).stdout
	if want := normalizedJSONL(t, string(mustReadFile(t, file))); normalizedJSONL(t, exported) != want {
		t.Errorf("PostgreSQL export differs from the imported file\ngot:\n%s\nwant:\n%s", normalizedJSONL(t, exported), want)
	}
}

// mustCreatePostgresDB creates a uniquely named database on the server of
// base and drops it when the test ends.
func mustCreatePostgresDB(t *testing.T, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", redactDSN(base), err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("lekradar_cli_test_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", redactDSN(base), err)
	}
	u.Path = "/" + name
	// A PostgreSQL registry's reporter identities are encrypted under the
	// key file LEKRADAR_KEY_FILE names (made on first use).
	t.Setenv(keyEnv, filepath.Join(t.TempDir(), "identity.key"))
	return u.String()
}

// Reporter identities are encrypted under a key file next to the SQLite
// database: made on first use, readable by its owner only, needed to read
// them back, and refused when others can read it.
func TestIdentityKeyFile(t *testing.T) {
	db := mustInitDB(t)
	key := db + ".key"
	fi, err := os.Stat(key)
	if err != nil {
		t.Fatalf("no key file next to the database: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", fi.Mode().Perm())
	}
	ctx := lekradar.NewContextWithUser(context.Background(), lekradar.SystemActor("cli:test"))
	store, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	d := &lekradar.Dossier{Department: "amsterdam", Allegation: "raadplegen",
		Phases:  []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate("2026-03-02")}},
		Reports: []lekradar.Report{{Channel: "klokkenluider", Received: lekradar.MustParseDate("2026-03-01"), ReporterRef: "Jansen, tel. 0612345678"}}}
	if err := store.CreateDossier(ctx, d); err != nil {
		t.Fatal(err)
	}
	store.Close()
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("0612345678")) {
		t.Error("the reporter identity is in the database file in plain text")
	}

	t.Run("read back with the key", func(t *testing.T) {
		store, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		got, err := store.FindDossierByID(ctx, d.ID)
		if err != nil || got.Reports[0].ReporterRef != "Jansen, tel. 0612345678" {
			t.Fatalf("read back %q, %v", got.Reports[0].ReporterRef, err)
		}
	})
	t.Run("not without it", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "other.key")
		t.Setenv(keyEnv, other)
		store, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		if _, err := store.FindDossierByID(ctx, d.ID); err == nil {
			t.Error("read the identity under another key")
		}
	})
	t.Run("a key file others can read is refused", func(t *testing.T) {
		if err := os.Chmod(key, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(key, 0o600)
		if _, err := openStore(ctx, db); err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("open with a world-readable key file: %v", err)
		}
	})
}
