package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lekradar"
)

var (
	sampleDataFiles      = []string{"dossiers.csv", "suspects.csv", "leaked_items.csv", "reports.csv", "phases.csv", "means.csv"}
	sampleExportIDInText = regexp.MustCompile(`research sample (X-[0-9A-F]{12})`)
)

// sampleSourceDossiers reads every dossier of db as the CLI actor.
func sampleSourceDossiers(t *testing.T, db string) []*lekradar.Dossier {
	t.Helper()
	ctx := cliContext(context.Background())
	store, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ds, _, err := store.FindDossiers(ctx, lekradar.DossierFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// sampleReadCSV returns header and rows of an exported CSV file.
func sampleReadCSV(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v (%d records)", path, err, len(recs))
	}
	return recs[0], recs[1:]
}

// sampleMasked returns the rows with the pseudonym columns blanked, sorted.
func sampleMasked(header []string, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		r = slices.Clone(r)
		for i, h := range header {
			if h == "dossier_id" || h == "suspect_id" {
				r[i] = "*"
			}
		}
		out = append(out, strings.Join(r, ","))
	}
	slices.Sort(out)
	return out
}

// sampleExportTexts returns the text of every file in an export directory,
// with every cell of every sheet of the workbook read back.
func sampleExportTexts(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if strings.HasSuffix(e.Name(), ".xlsx") {
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				var b strings.Builder
				for _, r := range rows {
					b.WriteString(strings.Join(r, "\t") + "\n")
				}
				texts[e.Name()+"#"+sheet] = b.String()
			}
			f.Close()
			continue
		}
		texts[e.Name()] = string(mustReadFile(t, path))
	}
	return texts
}

func sampleExportID(t *testing.T, dir string) string {
	t.Helper()
	m := sampleExportIDInText.FindStringSubmatch(string(mustReadFile(t, filepath.Join(dir, "README.md"))))
	if m == nil {
		t.Fatal("README names no export")
	}
	return m[1]
}

func sampleAuditExports(t *testing.T, db string) []lekradar.AuditEntry {
	t.Helper()
	var entries []lekradar.AuditEntry
	js := mustRunCLI(t, "", "audit", "list", "--db", db, "--limit", "0", "--action", "export", "--object-type", "research_sample", "--format", "json").stdout
	if err := json.Unmarshal([]byte(js), &entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRunCLI(t, "", "demo", "--db", db)
	source := sampleSourceDossiers(t, db)
	if len(source) != 761 {
		t.Fatalf("demo database holds %d dossiers", len(source))
	}
	base := t.TempDir()
	out1, out2 := filepath.Join(base, "one"), filepath.Join(base, "two")
	r := mustRunCLI(t, "", "sample", "--db", db, "--fraction", "0.2", "--seed", "2019", "--strata", "unit,year", "--out", out1)
	if !strings.Contains(r.stderr, "152 of 761 dossiers") {
		t.Errorf("stderr %q, want it to count 152 of 761 dossiers", r.stderr)
	}
	mustRunCLI(t, "", "sample", "--db", db, "--fraction", "0.2", "--seed", "2019", "--strata", "unit,year", "--out", out2)

	t.Run("same seed, same sample, other pseudonyms", func(t *testing.T) {
		for _, name := range append(slices.Clone(sampleDataFiles), "codebook.csv") {
			h1, r1 := sampleReadCSV(t, filepath.Join(out1, name))
			h2, r2 := sampleReadCSV(t, filepath.Join(out2, name))
			if !slices.Equal(h1, h2) || !slices.Equal(sampleMasked(h1, r1), sampleMasked(h2, r2)) {
				t.Errorf("%s differs between two samples with the same seed", name)
			}
			if name == "dossiers.csv" {
				if len(r1) != 152 {
					t.Errorf("dossiers.csv has %d rows, want 152", len(r1))
				}
				ids2 := map[string]bool{}
				for _, row := range r2 {
					ids2[row[0]] = true
				}
				for _, row := range r1 {
					if ids2[row[0]] {
						t.Errorf("pseudonym %s is in both exports", row[0])
					}
				}
			}
		}
	})

	t.Run("no identifier of the source", func(t *testing.T) {
		var substrings, employees []string
		for _, d := range source {
			substrings = append(substrings, d.RegNo, d.Summary)
			for _, p := range d.Phases {
				substrings = append(substrings, p.Date.String())
			}
			for _, m := range d.Means {
				substrings = append(substrings, m.Date.String())
			}
			for _, rep := range d.Reports {
				substrings = append(substrings, rep.ReporterRef, rep.Summary, rep.Received.String(), rep.Acknowledged.String(), rep.FeedbackSent.String())
			}
			for _, it := range d.Items {
				substrings = append(substrings, it.Description)
			}
			for _, s := range d.Suspects {
				if s.EmployeeRef != "" {
					employees = append(employees, s.EmployeeRef)
				}
			}
		}
		slices.Sort(substrings)
		substrings = slices.Compact(substrings)
		if substrings[0] == "" {
			substrings = substrings[1:]
		}
		reporters := 0
		for _, d := range source {
			for _, rep := range d.Reports {
				if rep.ReporterRef != "" {
					reporters++
				}
			}
		}
		if len(employees) < 300 || reporters < 700 {
			t.Fatalf("the source has %d employee ids and %d reporter refs: the CLI actor should read them all", len(employees), reporters)
		}
		// Employee ids as whole words: a random hex pseudonym may hold the
		// same letters inside a longer word.
		employeeWord := regexp.MustCompile(`\b(` + strings.Join(employees, "|") + `)\b`)
		texts := sampleExportTexts(t, out1)
		if len(texts) < 10+6 {
			t.Fatalf("only %d files and sheets to scan", len(texts))
		}
		for name, text := range texts {
			for _, s := range substrings {
				if strings.Contains(text, s) {
					t.Errorf("%s holds %q of the source", name, s)
				}
			}
			if m := employeeWord.FindString(text); m != "" {
				t.Errorf("%s holds employee id %q", name, m)
			}
		}
	})

	t.Run("README explains every column", func(t *testing.T) {
		readme := string(mustReadFile(t, filepath.Join(out1, "README.md")))
		for _, name := range append(slices.Clone(sampleDataFiles), "codebook.csv") {
			header, _ := sampleReadCSV(t, filepath.Join(out1, name))
			for _, col := range header {
				if !strings.Contains(readme, "| "+col+" | ") {
					t.Errorf("README does not explain %s of %s", col, name)
				}
			}
		}
		if !strings.Contains(readme, "Seed: 2019.") {
			t.Error("README does not state the seed")
		}
	})

	t.Run("each export is in the audit trail", func(t *testing.T) {
		entries := sampleAuditExports(t, db)
		if len(entries) != 2 {
			t.Fatalf("%d export entries, want 2", len(entries))
		}
		ids := []string{sampleExportID(t, out2), sampleExportID(t, out1)} // newest first
		for i, e := range entries {
			if e.ObjectID != ids[i] || e.Action != lekradar.AuditExport || !strings.HasPrefix(e.Actor, "cli:") {
				t.Errorf("entry %+v, want export of %s by the CLI", e, ids[i])
			}
			for _, want := range []string{"fraction=0.2", "strata=department,year", "seed=2019", "count=152", "population=761"} {
				if !strings.Contains(e.Detail, want) {
					t.Errorf("detail %q lacks %q", e.Detail, want)
				}
			}
			if strings.Contains(e.Detail, "VIK-") {
				t.Errorf("detail %q names a dossier", e.Detail)
			}
		}
		if out := mustRunCLI(t, "", "audit", "verify", "--db", db).stdout; !strings.HasPrefix(out, "audit trail intact") {
			t.Errorf("audit verify: %s", out)
		}
	})

	t.Run("refuses a directory that is not empty", func(t *testing.T) {
		r := runCLI(t, "", "sample", "--db", db, "--fraction", "0.2", "--seed", "1", "--out", out1)
		if r.err == nil || !strings.Contains(r.err.Error(), "not empty") {
			t.Errorf("error %v, want one about a non-empty directory", r.err)
		}
		if n := len(sampleAuditExports(t, db)); n != 2 {
			t.Errorf("a refused export left %d export entries, want 2", n)
		}
		// Refused before the registry is read: no search was audited.
		var searches []lekradar.AuditEntry
		js := mustRunCLI(t, "", "audit", "list", "--db", db, "--limit", "1", "--action", "search", "--object-type", "dossier", "--format", "json").stdout
		if err := json.Unmarshal([]byte(js), &searches); err != nil || len(searches) != 1 {
			t.Fatalf("%v: %s", err, js)
		}
		exports := sampleAuditExports(t, db)
		if searches[0].Seq > exports[0].Seq {
			t.Errorf("the refused export searched the registry (entry %d after export entry %d)", searches[0].Seq, exports[0].Seq)
		}
	})

	t.Run("period", func(t *testing.T) {
		n2016 := 0
		for _, d := range source {
			if d.Opened().Year == 2016 {
				n2016++
			}
		}
		out := filepath.Join(base, "2016")
		mustRunCLI(t, "", "sample", "--db", db, "--fraction", "0.2", "--seed", "5", "--strata", "unit", "--out", out, "--from", "2016-01-01", "--to", "2016-12-31")
		_, rows := sampleReadCSV(t, filepath.Join(out, "dossiers.csv"))
		if want := int(math.Round(0.2 * float64(n2016))); len(rows) != want {
			t.Errorf("%d dossiers sampled of %d opened in 2016, want %d", len(rows), n2016, want)
		}
		for _, row := range rows {
			if !strings.HasPrefix(row[5], "2016-") {
				t.Errorf("dossier opened %s is outside the period", row[5])
			}
		}
	})

	t.Run("bad flags", func(t *testing.T) {
		out := filepath.Join(base, "bad")
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"--seed", "1", "--out", out}, "--fraction"},
			{[]string{"--fraction", "0.2", "--out", out}, "--seed"},
			{[]string{"--fraction", "0.2", "--seed", "1"}, "--out"},
			{[]string{"--fraction", "0", "--seed", "1", "--out", out}, "--fraction"},
			{[]string{"--fraction", "1.5", "--seed", "1", "--out", out}, "--fraction"},
			{[]string{"--fraction", "0.2", "--seed", "1", "--out", out, "--strata", "unit,colour"}, `"colour"`},
			{[]string{"--fraction", "0.2", "--seed", "1", "--out", out, "--from", "2016-13-01"}, "--from"},
			{[]string{"--fraction", "0.2", "--seed", "1", "--out", out, "--from", "2016-02-01", "--to", "2016-01-01"}, "--to"},
		} {
			r := runCLI(t, "", append([]string{"sample", "--db", db}, tt.args...)...)
			if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
				t.Errorf("sample %v: error %v, want one naming %s", tt.args, r.err, tt.want)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a refused sample made its output directory")
		}
	})
}

// TestSample_Postgres draws the same sample from the same registry kept in
// SQLite and in PostgreSQL: the draw depends on the registry, not the store.
func TestSample_Postgres(t *testing.T) {
	base := os.Getenv("LEKRADAR_TEST_POSTGRES")
	if base == "" {
		t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to sample from PostgreSQL")
	}
	pg := mustCreatePostgresDB(t, base)
	lite := filepath.Join(t.TempDir(), "demo.db")
	mustRunCLI(t, "", "demo", "--db", pg)
	mustRunCLI(t, "", "demo", "--db", lite)
	dir := t.TempDir()
	outPG, outLite := filepath.Join(dir, "pg"), filepath.Join(dir, "lite")
	args := []string{"sample", "--fraction", "0.2", "--seed", "77", "--strata", "unit,year"}
	mustRunCLI(t, "", append(slices.Clone(args), "--db", pg, "--out", outPG)...)
	mustRunCLI(t, "", append(slices.Clone(args), "--db", lite, "--out", outLite)...)
	for _, name := range sampleDataFiles {
		h1, r1 := sampleReadCSV(t, filepath.Join(outPG, name))
		h2, r2 := sampleReadCSV(t, filepath.Join(outLite, name))
		if !slices.Equal(h1, h2) || !slices.Equal(sampleMasked(h1, r1), sampleMasked(h2, r2)) {
			t.Errorf("%s: PostgreSQL and SQLite gave different samples", name)
		}
	}
	entries := sampleAuditExports(t, pg)
	if len(entries) != 1 || entries[0].ObjectID != sampleExportID(t, outPG) {
		t.Errorf("PostgreSQL audit trail has export entries %+v", entries)
	}
}
