package report_test

import (
	"bytes"
	"encoding/json"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"lekradar"
	"lekradar/analysis"
	"lekradar/demo"
	"lekradar/report"
)

// mustDemoReport builds the report of the demo data set.
func mustDemoReport(t *testing.T, lang string, plant bool) *analysis.Report {
	t.Helper()
	cb := lekradar.DefaultCodebook()
	data, err := demo.Generate(demo.Options{Seed: 2019, PlantDisparity: plant}, cb)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Build(cb, data.Dossiers, data.Workforce, data.Spots, analysis.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func render(t *testing.T, r *analysis.Report, format string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Render(&buf, r, format); err != nil {
		t.Fatalf("render %s: %v", format, err)
	}
	return buf.String()
}

func TestJSON(t *testing.T) {
	r := mustDemoReport(t, "nl", true)
	out := render(t, r, "json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	for _, key := range []string{"period", "totals", "unit_rates", "ranks", "distributions", "crosstabs", "durations", "trends", "hotspots", "quality", "fairness"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	var back analysis.Report
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatalf("JSON does not decode into analysis.Report: %v", err)
	}
	if back.Totals.Dossiers != demo.DossierCount || len(back.Fairness.Findings) == 0 {
		t.Errorf("decoded report: %d dossiers, %d findings", back.Totals.Dossiers, len(back.Fairness.Findings))
	}
	if !strings.Contains(out, `"<5"`) {
		t.Error("JSON shows no suppressed count, though the demo has small cells")
	}
}

// externalRef matches anything that would make the page load something: a
// URL in src, href, url() or @import (the SVG namespace declarations are
// identifiers, not references, and are allowed).
var externalRef = regexp.MustCompile(`(?i)(src\s*=|href\s*=\s*["']?(https?:|//)|url\(\s*["']?(https?:|//)|@import|<script|<link)`)

func TestHTML(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := mustDemoReport(t, lang, true)
			out := render(t, r, "html")
			if n := strings.Count(out, "<svg"); n < 5 {
				t.Errorf("HTML holds %d inline SVG charts, want at least 5", n)
			}
			if strings.Contains(out, "<?xml") {
				t.Error("HTML contains an XML prolog from the SVG")
			}
			if m := externalRef.FindString(out); m != "" {
				t.Errorf("HTML refers to an external resource: %q", m)
			}
			want := map[string][]string{
				"nl": {`<html lang="nl">`, "Eerlijkheidsmonitor", "Niet-Nederlandse achternaam", "vaker weerlegd", "&lt;5"},
				"en": {`<html lang="en">`, "Fairness monitor", "Non-Dutch surname", "refuted more often", "&lt;5"},
			}[lang]
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("HTML lacks %q", w)
				}
			}
		})
	}
	t.Run("no finding states it is not proof of equality", func(t *testing.T) {
		out := render(t, mustDemoReport(t, "en", false), "html")
		if !strings.Contains(out, "not proof of equality") || strings.Contains(out, `class="finding"`) {
			t.Error("HTML without a disparity must state no significant difference and show no finding")
		}
	})
}

func TestMarkdown(t *testing.T) {
	out := render(t, mustDemoReport(t, "en", false), "md")
	for _, section := range []string{
		"# Lekradar", "## Summary", "## Dossiers per unit per 1,000 FTE", "## Ranks of identified suspects",
		"## Distributions", "### Recipient", "## Harm and crime", "## Durations (days)", "## Trends",
		"## Register of vulnerable spots", "## Registration quality per VIK department", "## Fairness monitor",
	} {
		if !strings.Contains(out, section) {
			t.Errorf("Markdown lacks section %q", section)
		}
	}
	if strings.Contains(out, "<no value>") {
		t.Error("Markdown shows <no value>")
	}
	nl := render(t, mustDemoReport(t, "nl", false), "md")
	if !strings.Contains(nl, "## Samenvatting") || !strings.Contains(nl, "geen bewijs van gelijkheid") {
		t.Error("Dutch Markdown lacks its sections or the no-finding statement")
	}
}

func TestChartPNG(t *testing.T) {
	r := mustDemoReport(t, "nl", false)
	c, err := report.ChartByID(r, "unit_rates")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.PNG(&buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("chart is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 100 {
		t.Errorf("PNG is %v, too small", b)
	}
	if _, err := report.ChartByID(r, "nope"); err == nil {
		t.Error("unknown chart id accepted")
	}
}

func TestRenderRefusesUnknownFormat(t *testing.T) {
	err := report.Render(&bytes.Buffer{}, &analysis.Report{}, "pdf")
	if err == nil || !strings.Contains(err.Error(), "html, md, json") {
		t.Errorf("error = %v, want one listing the formats", err)
	}
}

func BenchmarkHTML(b *testing.B) {
	cb := lekradar.DefaultCodebook()
	data, err := demo.Generate(demo.Options{Seed: 2019}, cb)
	if err != nil {
		b.Fatal(err)
	}
	r, err := analysis.Build(cb, data.Dossiers, data.Workforce, data.Spots, analysis.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := report.HTML(&bytes.Buffer{}, r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDetectionSection: the fairness part has a detection section, which
// says there is no detection data when there is none, and shows the
// tables, the chart and a planted finding when there is.
func TestDetectionSection(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	data, err := demo.Generate(demo.Options{Seed: 2019}, cb)
	if err != nil {
		t.Fatal(err)
	}
	counts := &analysis.DetectionCounts{Cells: []analysis.DetectionCell{
		{Field: lekradar.FieldSurnameOrigin, Code: "nl", Employees: 1000, Alerts: 50, Triaged: 200, DismissedOrExplained: 60},
		{Field: lekradar.FieldSurnameOrigin, Code: "niet_nl", Employees: 200, Alerts: 40, Triaged: 40, DismissedOrExplained: 32},
	}}
	for _, tt := range []struct {
		name   string
		counts *analysis.DetectionCounts
		want   []string
		absent []string
	}{
		{"none", nil, []string{`id="fairness-detection"`, "Geen detectiegegevens"}, []string{"<th>Medewerkers</th>"}},
		{"planted", counts, []string{`id="fairness-detection"`, "Signalen per 1.000 medewerkers", "Lekradar geeft meer signalen over medewerkers in de groep",
			"vaker afgewezen of verklaard", "<td class=\"n\">200,0</td>"}, []string{"Geen detectiegegevens"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := analysis.Build(cb, data.Dossiers, data.Workforce, data.Spots, analysis.Options{Detection: tt.counts})
			if err != nil {
				t.Fatal(err)
			}
			html, md := render(t, r, "html"), render(t, r, "md")
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q", w)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(html, w) {
					t.Errorf("HTML has %q", w)
				}
			}
			hasChart := strings.Contains(html, "Signalen per 1.000 medewerkers per groep")
			if hasChart != (tt.counts != nil) {
				t.Errorf("detection chart shown %v, want %v", hasChart, tt.counts != nil)
			}
			if !strings.Contains(md, "## Eerlijkheidsmonitor (detectie)") {
				t.Error("Markdown lacks the detection section")
			}
		})
	}
}
