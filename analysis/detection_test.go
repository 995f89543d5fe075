package analysis_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"lekradar"
	"lekradar/analysis"
)

// surnameCounts are detection counts for surname_origin: employees,
// alerts, triaged alerts and those dismissed or explained, for nl and
// niet_nl.
func surnameCounts(nl, nietNL [4]int) *analysis.DetectionCounts {
	cell := func(code string, c [4]int) analysis.DetectionCell {
		return analysis.DetectionCell{Field: lekradar.FieldSurnameOrigin, Code: code,
			Employees: c[0], Alerts: c[1], Triaged: c[2], DismissedOrExplained: c[3]}
	}
	return &analysis.DetectionCounts{Cells: []analysis.DetectionCell{
		cell("nl", nl), cell("niet_nl", nietNL),
		// unknown is in no group
		cell("", [4]int{500, 400, 300, 1}), cell("onbekend", [4]int{500, 400, 300, 1}),
	}}
}

func detection(t *testing.T, counts *analysis.DetectionCounts) analysis.DetectionFairness {
	t.Helper()
	r := mustBuild(t, nil, nil, nil, analysis.Options{Detection: counts})
	return r.Fairness.Detection
}

func relNear(got, want, rel float64) bool { return math.Abs(got-want) <= rel*math.Abs(want) }

func TestDetectionFairness(t *testing.T) {
	t.Run("no data", func(t *testing.T) {
		for name, counts := range map[string]*analysis.DetectionCounts{
			"nil":       nil,
			"no alerts": surnameCounts([4]int{1000, 0, 0, 0}, [4]int{200, 0, 0, 0}),
		} {
			if name == "no alerts" {
				counts.Cells = counts.Cells[:2]
			}
			d := detection(t, counts)
			if d.Available || len(d.Attributes) != 0 || !strings.Contains(d.Conclusion.EN, "No detection data") {
				t.Errorf("%s: available %v, %d attributes, conclusion %q; want no detection data", name, d.Available, len(d.Attributes), d.Conclusion.EN)
			}
		}
	})

	t.Run("equal rates give no finding", func(t *testing.T) {
		// 50 per 1,000 in both groups; half of the triaged alerts closed
		// in both: both exact tests give p = 1.
		d := detection(t, surnameCounts([4]int{1000, 50, 40, 20}, [4]int{200, 10, 10, 5}))
		if !d.Available || len(d.Attributes) != 1 {
			t.Fatalf("available %v, %d attributes; want 1", d.Available, len(d.Attributes))
		}
		a := d.Attributes[0]
		if len(a.Rates.Rows) != 2 || len(a.Closure.Rows) != 2 {
			t.Fatalf("%d rate rows, %d closure rows; want 2 each (unknown left out)", len(a.Rates.Rows), len(a.Closure.Rows))
		}
		for _, r := range a.Rates.Rows {
			if r.P == nil || !relNear(*r.P, 1, 1e-9) || r.Significant {
				t.Errorf("rate %s: p %v, significant %v; want p = 1, not significant", r.Code, r.P, r.Significant)
			}
			if r.Rate == nil || !relNear(*r.Rate, 50, 1e-12) {
				t.Errorf("rate %s: %v per 1,000, want 50", r.Code, r.Rate)
			}
		}
		for _, r := range a.Closure.Rows {
			if r.P == nil || !relNear(*r.P, 1, 1e-9) || r.Significant {
				t.Errorf("closure %s: p %v; want p = 1", r.Code, r.P)
			}
		}
		if d.Tests != 4 || len(d.Findings) != 0 || !strings.Contains(d.Conclusion.EN, "No significant difference") {
			t.Errorf("tests %d, findings %d, conclusion %q; want 4 tests and no finding", d.Tests, len(d.Findings), d.Conclusion.EN)
		}
		// Exact Garwood interval of 10 alerts (R: poisson.test(10)
		// gives 4.795389–18.390356), per 1,000 of 200 employees.
		nietNL := a.Rates.Rows[1]
		if nietNL.Code != "niet_nl" || nietNL.CI == nil || !relNear(nietNL.CI.Lo, 4.795389*5, 1e-6) || !relNear(nietNL.CI.Hi, 18.390356*5, 1e-6) {
			t.Errorf("niet_nl rate interval %+v, want 23.97695–91.95178", nietNL.CI)
		}
	})

	t.Run("a difference within chance gives no finding", func(t *testing.T) {
		// 70 vs 50 per 1,000: exact conditional test p = 0.24396
		// (binom.test(14, 64, 1/6), computed independently).
		d := detection(t, surnameCounts([4]int{1000, 50, 40, 20}, [4]int{200, 14, 10, 5}))
		r := d.Attributes[0].Rates.Rows[1]
		if r.P == nil || !relNear(*r.P, 0.24396423, 1e-6) {
			t.Errorf("p %v, want 0.24396", r.P)
		}
		if len(d.Findings) != 0 {
			t.Errorf("findings %v, want none", d.Findings)
		}
	})

	t.Run("a planted disparity is found", func(t *testing.T) {
		// niet_nl: 200 per 1,000 against 50, and 80% of triaged alerts
		// dismissed or explained against 30%. References computed
		// independently: binom.test(40, 90, 1/6) p = 6.481318e-10;
		// fisher.test(matrix(c(32, 8, 60, 140), 2, byrow = TRUE)) p =
		// 5.083054e-09.
		d := detection(t, surnameCounts([4]int{1000, 50, 200, 60}, [4]int{200, 40, 40, 32}))
		a := d.Attributes[0]
		rate, closure := a.Rates.Rows[1], a.Closure.Rows[1]
		if rate.Code != "niet_nl" || closure.Code != "niet_nl" {
			t.Fatalf("rows %s, %s; want niet_nl second", rate.Code, closure.Code)
		}
		if rate.P == nil || !relNear(*rate.P, 6.481318e-10, 1e-5) {
			t.Errorf("rate p %v, want 6.481318e-10", rate.P)
		}
		if rate.RR == nil || !relNear(rate.RR.RR, 4, 1e-12) || !rate.RR.CI.Contains(4) || rate.RR.CI.Lo <= 1 {
			t.Errorf("rate ratio %+v, want 4 with an interval above 1", rate.RR)
		}
		if closure.P == nil || !relNear(*closure.P, 5.083054e-09, 1e-5) {
			t.Errorf("closure p %v, want 5.083054e-09", closure.P)
		}
		kinds := map[string]string{}
		for _, f := range d.Findings {
			if f.Group == "niet_nl" {
				kinds[f.Kind] = f.Direction
			}
		}
		if kinds["alert_rate"] != "higher" || kinds["alert_closure"] != "higher" {
			t.Errorf("findings for niet_nl %v, want a higher alert rate and a higher closure share", kinds)
		}
		for _, f := range d.Findings {
			if f.Text.NL == "" || f.Text.EN == "" || strings.Contains(f.Text.EN, "%!") {
				t.Errorf("finding text %+v is broken", f.Text)
			}
		}
	})

	t.Run("small cells are suppressed", func(t *testing.T) {
		// niet_nl: 4 employees; vrouw: 3 alerts; anders: 4 dismissed.
		counts := surnameCounts([4]int{1000, 50, 40, 20}, [4]int{4, 3, 3, 2})
		counts.Cells = append(counts.Cells,
			analysis.DetectionCell{Field: lekradar.FieldGender, Code: "man", Employees: 900, Alerts: 40, Triaged: 30, DismissedOrExplained: 12},
			analysis.DetectionCell{Field: lekradar.FieldGender, Code: "vrouw", Employees: 100, Alerts: 3, Triaged: 3, DismissedOrExplained: 1},
			analysis.DetectionCell{Field: lekradar.FieldGender, Code: "anders", Employees: 50, Alerts: 20, Triaged: 10, DismissedOrExplained: 4},
		)
		d := detection(t, counts)
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var byField = map[string]analysis.DetectionAttribute{}
		for _, a := range d.Attributes {
			byField[a.Field] = a
		}
		so := byField[lekradar.FieldSurnameOrigin].Rates.Rows[1]
		if !so.Employees.Suppressed || !so.Alerts.Suppressed || so.Rate != nil || so.P != nil {
			t.Errorf("niet_nl with 4 employees: %+v; want counts suppressed, no rate, no test", so)
		}
		// nl is left alone: its rest is hidden, so it is not tested
		// either, and the totals hold nl only.
		rates := byField[lekradar.FieldSurnameOrigin].Rates
		if rates.Rows[0].P != nil || rates.Employees != 1000 || rates.Alerts != 50 {
			t.Errorf("nl against a hidden rest: p %v, totals %d/%d; want untested, totals 1000/50", rates.Rows[0].P, rates.Employees, rates.Alerts)
		}
		g := byField[lekradar.FieldGender]
		vrouw := g.Rates.Rows[1]
		if vrouw.Code != "vrouw" || vrouw.Employees.Suppressed || vrouw.Employees.N != 100 || !vrouw.Alerts.Suppressed || vrouw.Rate != nil {
			t.Errorf("vrouw with 3 alerts: %+v; want employees shown, alerts suppressed, no rate", vrouw)
		}
		for _, r := range g.Closure.Rows {
			if r.Code == "anders" && (!r.Closed.Suppressed || r.Rate != nil) {
				t.Errorf("anders with 4 dismissed: %+v; want suppressed", r)
			}
		}
		if g.Rates.Employees != 950 || g.Rates.Alerts != 60 {
			t.Errorf("gender totals %d/%d, want 950/60 (shown groups only)", g.Rates.Employees, g.Rates.Alerts)
		}
		if d.Untested == 0 || !strings.Contains(d.Conclusion.EN, "not tested") {
			t.Errorf("untested %d, conclusion %q; want the untested comparisons named", d.Untested, d.Conclusion.EN)
		}
		// The suppressed values appear nowhere in the JSON.
		if strings.Contains(string(b), `"employees":4,`) || strings.Contains(string(b), `"alerts":3,`) {
			t.Errorf("suppressed counts in the JSON: %s", b)
		}
	})
}
