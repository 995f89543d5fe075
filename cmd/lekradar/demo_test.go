package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lekradar"
	"lekradar/demo"
)

// listDossiersJSON runs `dossier list --format json` and decodes the array.
func listDossiersJSON(t *testing.T, dsn string) []lekradar.Dossier {
	t.Helper()
	out := mustRunCLI(t, "", "dossier", "list", "--db", dsn, "--format", "json").stdout
	var ds []lekradar.Dossier
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("dossier list --format json is not a JSON array of dossiers: %v\n%.500s", err, out)
	}
	return ds
}

func TestDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	out := mustRunCLI(t, "", "demo", "--db", path).stdout
	for _, want := range []string{path, "761", "2015", "2016", "Rotterdam", "Vulnerable spots"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}

	ds := listDossiersJSON(t, path)
	if len(ds) != demo.DossierCount {
		t.Fatalf("dossier list shows %d dossiers, want %d", len(ds), demo.DossierCount)
	}

	// What the database holds is what the generator made for the seed.
	want, err := demo.Generate(demo.Options{Seed: defaultDemoSeed}, lekradar.DefaultCodebook())
	if err != nil {
		t.Fatal(err)
	}
	byRegNo := map[string]*lekradar.Dossier{}
	for _, d := range want.Dossiers {
		byRegNo[d.RegNo] = d
	}
	for _, got := range ds {
		w := byRegNo[got.RegNo]
		if w == nil {
			t.Fatalf("stored dossier %s was not generated", got.RegNo)
		}
		if got.SuspicionOutcome != w.SuspicionOutcome || len(got.Reports) != len(w.Reports) || len(got.Phases) != len(w.Phases) {
			t.Errorf("stored dossier %s differs from the generated one", got.RegNo)
		}
	}

	store, err := openStore(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	spots, n, err := store.FindVulnerableSpots(cliContext(context.Background()), lekradar.VulnerableSpotFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(want.Spots) || len(spots) == 0 {
		t.Errorf("database holds %d vulnerable spots, want %d", n, len(want.Spots))
	}
	for _, s := range spots {
		if len(s.DossierIDs) == 0 {
			t.Errorf("spot %d links no dossier", s.ID)
		}
	}
	w, err := store.FindWorkforce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Units) != 13 || len(w.Cells) != len(want.Workforce.Cells) {
		t.Errorf("database holds %d units and %d workforce cells, want 13 and %d", len(w.Units), len(w.Cells), len(want.Workforce.Cells))
	}
	store.Close()

	t.Run("again makes the database fresh", func(t *testing.T) {
		mustRunCLI(t, "", "demo", "--db", path, "--seed", "7")
		if n := len(listDossiersJSON(t, path)); n != demo.DossierCount {
			t.Errorf("after a second demo the database holds %d dossiers, want %d", n, demo.DossierCount)
		}
	})
}

func TestDemo_Seed(t *testing.T) {
	dir := t.TempDir()
	export := func(name string, args ...string) string {
		path := filepath.Join(dir, name)
		mustRunCLI(t, "", append([]string{"demo", "--db", path}, args...)...)
		return mustRunCLI(t, "", "dossier", "export", "--db", path).stdout
	}
	a := export("a.db", "--seed", "11")
	b := export("b.db", "--seed", "11")
	c := export("c.db", "--seed", "12")
	// Timestamps of storage differ between runs; compare the dossiers
	// without them.
	if normalizedJSONL(t, a) != normalizedJSONL(t, b) {
		t.Error("two demo databases with seed 11 hold different dossiers")
	}
	if normalizedJSONL(t, a) == normalizedJSONL(t, c) {
		t.Error("demo databases with seeds 11 and 12 hold the same dossiers")
	}
}

func TestDemo_RefusesToReplaceOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "demo", "--db", path)
	if r.err == nil || !strings.Contains(r.err.Error(), "not a SQLite database") {
		t.Fatalf("demo on a text file: err = %v, want a refusal", r.err)
	}
	if b, _ := os.ReadFile(path); string(b) != "not a database" {
		t.Error("demo changed a file that is not a database")
	}
}

func TestDemo_RefusesToReplaceARealRegistry(t *testing.T) {
	path := mustInitDB(t)
	mustRunCLI(t, mustMarshal(t, makeDossier("", "amsterdam", "2016-04-01", []string{"ontvangen"}, "", 1)), "dossier", "add", "--db", path)

	r := runCLI(t, "", "demo", "--db", path)
	if r.err == nil || !strings.Contains(r.err.Error(), "demo did not make") {
		t.Fatalf("demo over a registry: err = %v, want a refusal", r.err)
	}
	if n := len(listDossiersJSON(t, path)); n != 1 {
		t.Fatalf("after the refusal the registry holds %d dossiers, want its 1", n)
	}

	mustRunCLI(t, "", "demo", "--db", path, "--force")
	if n := len(listDossiersJSON(t, path)); n != 761 {
		t.Fatalf("demo --force: %d dossiers, want 761", n)
	}
	// A database demo made itself is replaced without --force.
	mustRunCLI(t, "", "demo", "--db", path, "--seed", "3")
}

func TestDemo_Postgres(t *testing.T) {
	base := os.Getenv("LEKRADAR_TEST_POSTGRES")
	if base == "" {
		t.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a PostgreSQL URL to run demo against PostgreSQL")
	}
	dsn := mustCreatePostgresDB(t, base)
	mustRunCLI(t, "", "demo", "--db", dsn, "--plant-disparity")
	if n := len(listDossiersJSON(t, dsn)); n != demo.DossierCount {
		t.Fatalf("PostgreSQL holds %d dossiers after demo, want %d", n, demo.DossierCount)
	}
	r := runCLI(t, "", "demo", "--db", dsn)
	if r.err == nil || !strings.Contains(r.err.Error(), "already holds") {
		t.Fatalf("demo on a filled PostgreSQL database: err = %v, want a refusal", r.err)
	}
	if n := len(listDossiersJSON(t, dsn)); n != demo.DossierCount {
		t.Errorf("after the refused demo PostgreSQL holds %d dossiers, want %d", n, demo.DossierCount)
	}
}
