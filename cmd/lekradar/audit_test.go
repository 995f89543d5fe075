package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"lekradar"
)

var intactPattern = regexp.MustCompile(`^audit trail intact: (\d+) entries; newest entry (\d+) has hash [0-9a-f]{64}\n$`)

// auditedDatabase makes a database and does some registry work in it, so
// that the trail has entries of imports, reads and searches.
func auditedDatabase(t *testing.T, db string) {
	t.Helper()
	mustRunCLI(t, "", "init", "--db", db)
	ds := sampleDossiers()
	mustRunCLI(t, "", "dossier", "import", writeJSONL(t, ds), "--db", db)
	mustRunCLI(t, "", "dossier", "show", ds[0].RegNo, "--db", db)
	mustRunCLI(t, "", "dossier", "list", "--db", db, "--unit", ds[0].Department)
}

// handEdit changes the audit trail with SQL, as someone with access to the
// database file or server could.
func handEdit(t *testing.T, db, query string, args ...any) {
	t.Helper()
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	res, err := store.DB().ExecContext(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("%s changed %d rows, want 1", query, n)
	}
}

func TestAuditVerify(t *testing.T) {
	dbs := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return t.TempDir() + "/lekradar.db" },
		"postgres": func(t *testing.T) string {
			base := os.Getenv("LEKRADAR_TEST_POSTGRES")
			if base == "" {
				t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to run the CLI against PostgreSQL")
			}
			return mustCreatePostgresDB(t, base)
		},
	}
	edits := []struct {
		name, query string
		args        []any
		wantEntry   int
	}{
		{"changed", `UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 3`, nil, 3},
		{"removed", `DELETE FROM audit_entry WHERE seq = 2`, nil, 2},
		{"reordered", `UPDATE audit_entry SET seq = 100000 WHERE seq = 4`, nil, 4},
	}
	for backend, newDB := range dbs {
		t.Run(backend, func(t *testing.T) {
			for _, e := range edits {
				t.Run(e.name, func(t *testing.T) {
					db := newDB(t)
					auditedDatabase(t, db)

					r := mustRunCLI(t, "", "audit", "verify", "--db", db)
					m := intactPattern.FindStringSubmatch(r.stdout)
					if m == nil || m[1] != m[2] || m[1] == "0" {
						t.Fatalf("verify on an untouched trail printed %q", r.stdout)
					}

					handEdit(t, db, e.query, e.args...)
					r = runCLI(t, "", "audit", "verify", "--db", db)
					if r.exitCode() != exitAuditBroken {
						t.Fatalf("verify after a hand edit: exit %d (%v), want %d; stdout %q", r.exitCode(), r.err, exitAuditBroken, r.stdout)
					}
					if want := fmt.Sprintf("audit trail BROKEN at entry %d ", e.wantEntry); !strings.Contains(r.stderr, want) {
						t.Errorf("stderr %q does not name the first bad entry (%q)", r.stderr, want)
					}
					if r.stdout != "" {
						t.Errorf("stdout %q on a broken trail", r.stdout)
					}
					// Still broken when asked again: the check's own entry
					// does not heal the chain.
					if again := runCLI(t, "", "audit", "verify", "--db", db); again.exitCode() != exitAuditBroken {
						t.Errorf("second verify: exit %d", again.exitCode())
					}
				})
			}
		})
	}
}

func TestAuditVerifyFailsToOpen(t *testing.T) {
	r := runCLI(t, "", "audit", "verify", "--db", t.TempDir()+"/missing.db")
	if r.exitCode() != 1 {
		t.Errorf("exit %d for a missing database, want 1 (not the tampering status)", r.exitCode())
	}
}

func TestAuditList(t *testing.T) {
	db := t.TempDir() + "/lekradar.db"
	auditedDatabase(t, db)
	ds := sampleDossiers()

	out := mustRunCLI(t, "", "audit", "list", "--db", db, "--limit", "3").stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "SEQ") {
		t.Fatalf("audit list --limit 3:\n%s", out)
	}
	out = mustRunCLI(t, "", "audit", "list", "--db", db, "--action", "search", "--object-type", "dossier").stdout
	lines = strings.Split(strings.TrimSpace(out), "\n")
	// Newest first: the list search of auditedDatabase, with its filter.
	if !strings.Contains(lines[1], "search") || !strings.Contains(lines[1], "department="+ds[0].Department) ||
		!strings.Contains(lines[1], "cli:"+osUsername()) {
		t.Errorf("newest entry %q", lines[1])
	}

	var entries []lekradar.AuditEntry
	js := mustRunCLI(t, "", "audit", "list", "--db", db, "--limit", "0", "--action", "create", "--format", "json").stdout
	if err := json.Unmarshal([]byte(js), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(ds) {
		t.Errorf("%d create entries after importing %d dossiers", len(entries), len(ds))
	}
	for _, e := range entries {
		if e.ObjectType != "dossier" || e.Hash == "" || e.PrevHash == "" {
			t.Errorf("entry %+v", e)
		}
	}
	r := runCLI(t, "", "audit", "list", "--db", db, "--limit", "-1")
	if r.exitCode() != 1 || !strings.Contains(errorText(r.err), "--limit") {
		t.Errorf("negative limit: %v", r.err)
	}
}
