package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/analysis"
	"lekradar/demo"
	"lekradar/postgres"
	"lekradar/sqlite"
	"lekradar/sqlstore"
	"lekradar/storetest"
)

// forEachDialect runs test on a fresh SQLite store, and on a fresh
// PostgreSQL database when LEKRADAR_TEST_POSTGRES is set.
func forEachDialect(t *testing.T, test func(t *testing.T, s *sqlstore.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), lekradar.DefaultCodebook())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.SetKey(storetest.MustIdentityKey(t)); err != nil {
			t.Fatal(err)
		}
		test(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		base := os.Getenv("LEKRADAR_TEST_POSTGRES")
		if base == "" {
			t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to run these tests against PostgreSQL")
		}
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Close() })
		name := fmt.Sprintf("lekradar_sqlstore_test_%d", time.Now().UnixNano())
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
			t.Fatal(err)
		}
		u.Path = "/" + name
		s, err := postgres.Open(context.Background(), u.String(), lekradar.DefaultCodebook())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.SetKey(storetest.MustIdentityKey(t)); err != nil {
			t.Fatal(err)
		}
		test(t, s)
	})
}

func as(role string) context.Context {
	return lekradar.NewContextWithUser(context.Background(), &lekradar.User{ID: 9999, Username: "test-" + role, Role: role, Department: "amsterdam"})
}

var sysCtx = lekradar.NewContextWithUser(context.Background(), lekradar.SystemActor("cli:test"))

func auditOf(t *testing.T, s *sqlstore.Store, actor, objectType string) []*lekradar.AuditEntry {
	t.Helper()
	es, _, err := s.FindAuditEntries(sysCtx, lekradar.AuditFilter{Actor: &actor, ObjectType: &objectType})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestEmployeeGroups(t *testing.T) { forEachDialect(t, testEmployeeGroups) }

func testEmployeeGroups(t *testing.T, s *sqlstore.Store) {
	var groups []sqlstore.EmployeeGroup
	for i := 1; i <= 11; i++ {
		g := sqlstore.EmployeeGroup{EmployeeID: "E" + string(rune('a'+i)), SurnameOrigin: "nl", Gender: "man", AgeBand: "35_44"}
		if i > 6 {
			g.SurnameOrigin, g.Gender = "niet_nl", ""
		}
		groups = append(groups, g)
	}
	id := func(i int) string { return "E" + string(rune('a'+i)) }

	t.Run("replace is for the system actor only", func(t *testing.T) {
		for _, role := range []string{lekradar.RoleAdmin, lekradar.RoleAnalyst, lekradar.RolePrivacyOfficer} {
			if err := s.ReplaceEmployeeGroups(as(role), groups); lekradar.ErrorCode(err) != lekradar.EFORBIDDEN {
				t.Errorf("%s: error %v, want EFORBIDDEN", role, err)
			}
		}
	})
	t.Run("bad codes are refused", func(t *testing.T) {
		bad := append([]sqlstore.EmployeeGroup{}, groups...)
		bad[2].Gender = "m"
		err := s.ReplaceEmployeeGroups(sysCtx, bad)
		if lekradar.ErrorCode(err) != lekradar.EINVALID || !strings.Contains(err.Error(), "employee_groups[2].gender") || !strings.Contains(err.Error(), `"m"`) {
			t.Errorf("error %v, want EINVALID naming employee_groups[2].gender and \"m\"", err)
		}
	})
	if err := s.ReplaceEmployeeGroups(sysCtx, groups); err != nil {
		t.Fatal(err)
	}
	if es := auditOf(t, s, "cli:test", sqlstore.ObjectEmployeeGroup); len(es) != 1 || es[0].Action != lekradar.AuditUpdate || !strings.Contains(es[0].Detail, "replaced=11") {
		t.Errorf("audit of the replacement: %+v", es)
	}

	// Alerts: employee index, status, first look-up.
	in, out := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	for n, a := range []struct {
		emp    string
		status string
		first  time.Time
	}{
		{id(1), "open", in}, {id(1), "dismissed", in}, {id(2), "explained", in},
		{id(7), "escalated", in}, {id(8), "dismissed", in},
		{id(9), "dismissed", out}, // outside the period
		{"no-group", "dismissed", in},
	} {
		_, err := s.DB().ExecContext(context.Background(), `INSERT INTO alert (id, employee_id, employee_pseudonym, person_id,
			first_ts, last_ts, score, severity, severity_rank, status, created_at, updated_at)
			VALUES ($1, $2, $3, 'P1', $4, $5, 1, 'high', 3, $6, $7, $8)`,
			"A"+string(rune('0'+n)), a.emp, "P-"+a.emp, a.first, a.first, a.status, in, in)
		if err != nil {
			t.Fatal(err)
		}
	}

	t.Run("counts per group", func(t *testing.T) {
		ctx := as(lekradar.RolePrivacyOfficer)
		got, err := s.DetectionGroupCounts(ctx, lekradar.MustParseDate("2026-01-01"), lekradar.MustParseDate("2026-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		cells := map[string]analysis.DetectionCell{}
		for _, c := range got.Cells {
			cells[c.Field+"/"+c.Code] = c
		}
		want := map[string]analysis.DetectionCell{
			"surname_origin/nl":      {Field: "surname_origin", Code: "nl", Employees: 6, Alerts: 3, Triaged: 2, DismissedOrExplained: 2},
			"surname_origin/niet_nl": {Field: "surname_origin", Code: "niet_nl", Employees: 5, Alerts: 2, Triaged: 2, DismissedOrExplained: 1},
			"gender/man":             {Field: "gender", Code: "man", Employees: 6, Alerts: 3, Triaged: 2, DismissedOrExplained: 2},
			"gender/":                {Field: "gender", Code: "", Employees: 5, Alerts: 2, Triaged: 2, DismissedOrExplained: 1},
		}
		for k, w := range want {
			if cells[k] != w {
				t.Errorf("%s: %+v, want %+v", k, cells[k], w)
			}
		}
		all, err := s.DetectionGroupCounts(ctx, lekradar.Date{}, lekradar.Date{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range all.Cells {
			if c.Field == "surname_origin" && c.Code == "niet_nl" && c.Alerts != 3 {
				t.Errorf("open period: niet_nl has %d alerts, want 3", c.Alerts)
			}
		}
		if es := auditOf(t, s, "test-privacy_officer", sqlstore.ObjectEmployeeGroup); len(es) != 2 || !strings.Contains(es[1].Detail, "purpose=aggregate_report") || !strings.Contains(es[1].Detail, "from=2026-01-01") {
			t.Errorf("audit of the counts: %+v", es)
		}
	})
	t.Run("counts are for aggregate roles only", func(t *testing.T) {
		for _, role := range []string{lekradar.RoleAdmin, lekradar.RoleInvestigator, lekradar.RoleIntake, lekradar.RoleAuditor, lekradar.RoleResearcher} {
			if _, err := s.DetectionGroupCounts(as(role), lekradar.Date{}, lekradar.Date{}); lekradar.ErrorCode(err) != lekradar.EFORBIDDEN {
				t.Errorf("%s: error %v, want EFORBIDDEN", role, err)
			}
		}
	})
}

func TestDossiersForAnalysis(t *testing.T) { forEachDialect(t, testDossiersForAnalysis) }

func testDossiersForAnalysis(t *testing.T, s *sqlstore.Store) {
	data, err := demo.Generate(demo.Options{Seed: 3}, lekradar.DefaultCodebook())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDossiers(sysCtx, data.Dossiers); err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{lekradar.RoleAnalyst, lekradar.RolePrivacyOfficer} {
		t.Run(role, func(t *testing.T) {
			ctx := as(role)
			visible, _, err := s.FindDossiers(ctx, lekradar.DossierFilter{})
			if err != nil {
				t.Fatal(err)
			}
			ds, err := s.DossiersForAnalysis(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != len(data.Dossiers) || len(visible) >= len(ds) {
				t.Errorf("%d dossiers for analysis (%d visible), want all %d", len(ds), len(visible), len(data.Dossiers))
			}
			for _, d := range ds {
				for _, r := range d.Reports {
					if r.ReporterRef != "" {
						t.Fatalf("dossier %d has a reporter identity", d.ID)
					}
				}
			}
			es := auditOf(t, s, "test-"+role, lekradar.ObjectDossier)
			if len(es) != 2 || es[0].Action != lekradar.AuditSearch || !strings.Contains(es[0].Detail, "purpose=aggregate_report") {
				t.Errorf("audit: %+v; want one search with purpose=aggregate_report after the FindDossiers", es)
			}
			for _, e := range es {
				if e.Action == lekradar.AuditReadReporterIdentity {
					t.Errorf("reporter identity read: %+v", e)
				}
			}
		})
	}
	for _, role := range []string{lekradar.RoleAdmin, lekradar.RoleIntake, lekradar.RoleInvestigator, lekradar.RoleResearcher, lekradar.RoleAuditor} {
		if _, err := s.DossiersForAnalysis(as(role)); lekradar.ErrorCode(err) != lekradar.EFORBIDDEN {
			t.Errorf("%s: error %v, want EFORBIDDEN", role, err)
		}
	}
}
