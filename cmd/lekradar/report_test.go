package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRunCLI(t, "", "demo", "--db", db, "--plant-disparity")

	t.Run("json", func(t *testing.T) {
		out := mustRunCLI(t, "", "report", "--db", db, "--format", "json").stdout
		var doc struct {
			Totals struct {
				Dossiers int `json:"dossiers"`
				Spots    int `json:"vulnerable_spots"`
			} `json:"totals"`
			UnitRates struct {
				Rows []json.RawMessage `json:"rows"`
			} `json:"unit_rates"`
			Fairness struct {
				Findings []struct {
					Attribute string `json:"attribute"`
					Group     string `json:"group"`
					Kind      string `json:"kind"`
				} `json:"findings"`
			} `json:"fairness"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("report --format json does not parse: %v\n%.300s", err, out)
		}
		if doc.Totals.Dossiers != 761 || doc.Totals.Spots == 0 || len(doc.UnitRates.Rows) != 13 {
			t.Errorf("report counts %d dossiers, %d spots, %d units; want 761, some, 13", doc.Totals.Dossiers, doc.Totals.Spots, len(doc.UnitRates.Rows))
		}
		found := false
		for _, f := range doc.Fairness.Findings {
			if f.Attribute == "surname_origin" && f.Group == "niet_nl" && f.Kind == "refutation" {
				found = true
			}
		}
		if !found {
			t.Errorf("the planted disparity is not among the findings: %+v", doc.Fairness.Findings)
		}
	})

	t.Run("html to a file, in English", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "report.html")
		mustRunCLI(t, "", "report", "--db", db, "--format", "html", "--out", path, "--lang", "en")
		html := string(mustReadFile(t, path))
		if strings.Count(html, "<svg") < 5 || !strings.Contains(html, "Fairness monitor") || !strings.Contains(html, "refuted more often") {
			t.Errorf("HTML report lacks charts or the fairness finding (%d bytes)", len(html))
		}
	})

	t.Run("period filter", func(t *testing.T) {
		out := mustRunCLI(t, "", "report", "--db", db, "--format", "json", "--from", "2016-01-01", "--to", "2016-12-31").stdout
		var doc struct {
			Totals struct {
				Dossiers int `json:"dossiers"`
			} `json:"totals"`
			Period struct {
				From string `json:"from"`
			} `json:"period"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Totals.Dossiers == 0 || doc.Totals.Dossiers >= 761 || doc.Period.From != "2016-01-01" {
			t.Errorf("2016 report: %d dossiers from %s", doc.Totals.Dossiers, doc.Period.From)
		}
	})

	t.Run("markdown", func(t *testing.T) {
		out := mustRunCLI(t, "", "report", "--db", db, "--format", "md").stdout
		if !strings.Contains(out, "## Eerlijkheidsmonitor") {
			t.Errorf("Markdown report lacks the fairness section")
		}
	})

	t.Run("bad flags", func(t *testing.T) {
		for _, args := range [][]string{
			{"--format", "pdf"},
			{"--lang", "de"},
			{"--from", "2016-13-01"},
		} {
			r := runCLI(t, "", append([]string{"report", "--db", db}, args...)...)
			if r.err == nil || !strings.Contains(r.err.Error(), args[0]) {
				t.Errorf("report %v: error %v, want one naming %s", args, r.err, args[0])
			}
		}
	})

	t.Run("missing database", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "typo.db")
		r := runCLI(t, "", "report", "--db", missing, "--format", "json")
		if r.err == nil || !strings.Contains(r.err.Error(), "lekradar init") {
			t.Errorf("error = %v, want one that points at lekradar init", r.err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Error("report created the missing database")
		}
	})
}

func TestReport_NoDisparity(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRunCLI(t, "", "demo", "--db", db)
	out := mustRunCLI(t, "", "report", "--db", db, "--format", "json").stdout
	var doc struct {
		Fairness struct {
			Findings   []json.RawMessage `json:"findings"`
			Conclusion struct {
				EN string `json:"en"`
			} `json:"conclusion"`
		} `json:"fairness"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Fairness.Findings) != 0 || !strings.Contains(doc.Fairness.Conclusion.EN, "not proof of equality") {
		t.Errorf("without a planted disparity: %d findings, conclusion %q", len(doc.Fairness.Findings), doc.Fairness.Conclusion.EN)
	}
}
