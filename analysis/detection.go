package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"lekradar/stats"
)

// DetectionCounts are the inputs of the detection half of the fairness
// monitor, per group attribute and group: how many employees the group
// has, how many of lekradar's alerts concern them, and how the triaged
// ones were closed. The store computes them (employee_groups joined with
// the stored alerts); nothing in them names a person.
type DetectionCounts struct {
	Cells []DetectionCell `json:"cells"`
}

// DetectionCell is one group of one attribute.
type DetectionCell struct {
	Field string `json:"field"`
	Code  string `json:"code"`
	// Employees in the group; Alerts concerning them (any status);
	// Triaged the alerts no longer open; DismissedOrExplained those
	// closed as dismissed or explained (the rest of Triaged were
	// escalated).
	Employees            int `json:"employees"`
	Alerts               int `json:"alerts"`
	Triaged              int `json:"triaged"`
	DismissedOrExplained int `json:"dismissed_or_explained"`
}

// DetectionFairness is the fairness monitor over lekradar's own alerts:
// for each group attribute, alerts per 1,000 employees by group, and the
// share of triaged alerts closed as dismissed or explained by group (a
// high share means alerts against the group were more often unfounded).
// Its tests form a Holm family of their own, apart from the monitor over
// human suspicion.
type DetectionFairness struct {
	// Available is false when there are no employee groups or no alerts:
	// then Conclusion says so and nothing else is filled in.
	Available     bool    `json:"available"`
	Alpha         float64 `json:"alpha"`
	Correction    string  `json:"correction"`
	SuppressBelow int     `json:"suppress_below"`
	Tests         int     `json:"tests"`
	Untested      int     `json:"untested"`
	// Attributes are in codebook order.
	Attributes []DetectionAttribute `json:"attributes"`
	Findings   []Finding            `json:"findings"`
	Conclusion Text                 `json:"conclusion"`
}

// DetectionAttribute is the detection monitor for one group attribute.
type DetectionAttribute struct {
	Field   string       `json:"field"`
	Label   string       `json:"label"`
	Rates   AlertRates   `json:"alert_rates"`
	Closure AlertClosure `json:"closure"`
}

// AlertRates are alerts per 1,000 employees by group. Totals cover the
// shown groups only (both counts at or above the threshold), so that a
// hidden group's counts cannot be worked back from them.
type AlertRates struct {
	Employees int            `json:"employees"`
	Alerts    int            `json:"alerts"`
	Rate      *float64       `json:"rate_per_1000"`
	Rows      []AlertRateRow `json:"rows"`
}

// AlertRateRow is one group against the other shown groups.
type AlertRateRow struct {
	Code      string `json:"code"`
	Label     string `json:"label"`
	Employees Count  `json:"employees"`
	Alerts    Count  `json:"alerts"`
	// Rate is alerts per 1,000 employees with its exact Poisson (Garwood)
	// interval; RestRate the same for the other shown groups.
	Rate     *float64        `json:"rate_per_1000"`
	CI       *stats.Interval `json:"ci_per_1000"`
	RestRate *float64        `json:"rest_rate_per_1000"`
	// RR is the rate ratio against the rest with its exact interval,
	// from the Clopper-Pearson interval of the conditional binomial.
	RR *stats.RiskRatio `json:"rate_ratio"`
	// P is the exact conditional test of equal Poisson rates (given the
	// alerts of group and rest together, the group's are binomial with
	// its share of the employees; R's poisson.test with two samples).
	P           *float64 `json:"p"`
	PAdjusted   *float64 `json:"p_adjusted"`
	Significant bool     `json:"significant"`
}

// AlertClosure is the share of triaged alerts closed as dismissed or
// explained, by group. A group is shown when both its dismissed-or-
// explained and its escalated count reach the threshold; totals and "the
// others" use shown groups only.
type AlertClosure struct {
	Triaged int               `json:"triaged"`
	Closed  int               `json:"dismissed_or_explained"`
	Rate    *float64          `json:"rate"`
	Rows    []AlertClosureRow `json:"rows"`
}

// AlertClosureRow is one group against the other shown groups.
type AlertClosureRow struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Triaged Count  `json:"triaged"`
	Closed  Count  `json:"dismissed_or_explained"`
	// Rate is the share dismissed or explained with its Wilson interval.
	Rate     *float64         `json:"rate"`
	CI       *stats.Interval  `json:"ci"`
	RestRate *float64         `json:"rest_rate"`
	RR       *stats.RiskRatio `json:"rate_ratio"`
	// P is Fisher's exact test (two-sided) against the other shown
	// groups.
	P           *float64 `json:"p"`
	PAdjusted   *float64 `json:"p_adjusted"`
	Significant bool     `json:"significant"`
}

// detection computes the detection monitor from the counts in the options.
func (b *builder) detection() DetectionFairness {
	out := DetectionFairness{Alpha: b.opts.Alpha, Correction: "holm", SuppressBelow: b.opts.SuppressBelow,
		Attributes: []DetectionAttribute{}, Findings: []Finding{}}
	cells := map[string]map[string]DetectionCell{}
	employees, alerts := 0, 0
	if b.opts.Detection != nil {
		for _, c := range b.opts.Detection.Cells {
			if c.Code == "" || c.Code == "onbekend" {
				continue // unknown: in no group, and not a group of its own
			}
			if cells[c.Field] == nil {
				cells[c.Field] = map[string]DetectionCell{}
			}
			acc := cells[c.Field][c.Code]
			acc.Field, acc.Code = c.Field, c.Code
			acc.Employees += c.Employees
			acc.Alerts += c.Alerts
			acc.Triaged += c.Triaged
			acc.DismissedOrExplained += c.DismissedOrExplained
			cells[c.Field][c.Code] = acc
			employees += c.Employees
			alerts += c.Alerts
		}
	}
	if employees == 0 || alerts == 0 {
		out.Conclusion = Text{
			NL: "Geen detectiegegevens: er zijn geen opgeslagen signalen of geen groepskenmerken van medewerkers (employee_groups.csv). De detectiemonitor is niet berekend.",
			EN: "No detection data: there are no stored alerts or no group attributes of employees (employee_groups.csv). The detection monitor was not computed.",
		}
		return out
	}
	out.Available = true
	for _, f := range b.cb.Fields {
		if _, ok := groupAttributes[f.Name]; !ok || !f.Restricted {
			continue
		}
		byCode := cells[f.Name]
		if len(byCode) == 0 {
			continue
		}
		attr := DetectionAttribute{Field: f.Name, Label: f.Label(b.opts.Lang)}
		var untested int
		attr.Rates, untested = b.alertRates(f.Name, byCode)
		out.Untested += untested
		attr.Closure, untested = b.alertClosure(f.Name, byCode)
		out.Untested += untested
		out.Attributes = append(out.Attributes, attr)
	}
	type testRef struct {
		p           *float64
		adjusted    **float64
		significant *bool
	}
	var tests []testRef
	for i := range out.Attributes {
		a := &out.Attributes[i]
		for j := range a.Rates.Rows {
			if r := &a.Rates.Rows[j]; r.P != nil {
				tests = append(tests, testRef{r.P, &r.PAdjusted, &r.Significant})
			}
		}
		for j := range a.Closure.Rows {
			if r := &a.Closure.Rows[j]; r.P != nil {
				tests = append(tests, testRef{r.P, &r.PAdjusted, &r.Significant})
			}
		}
	}
	out.Tests = len(tests)
	ps := make([]float64, len(tests))
	for i, t := range tests {
		ps[i] = *t.p
	}
	for i, adj := range stats.Holm(ps) {
		*tests[i].adjusted = ptr(adj)
		*tests[i].significant = adj < out.Alpha
	}
	out.Findings = b.detectionFindings(out.Attributes)
	out.Conclusion = detectionConclusion(out)
	return out
}

func (b *builder) alertRates(field string, byCode map[string]DetectionCell) (AlertRates, int) {
	below := b.opts.SuppressBelow
	var ar AlertRates
	shown := func(c DetectionCell) bool { return c.Employees >= below && c.Alerts >= below }
	for _, code := range b.codes(field) {
		if c, ok := byCode[code]; ok && shown(c) {
			ar.Employees += c.Employees
			ar.Alerts += c.Alerts
		}
	}
	if ar.Employees > 0 {
		ar.Rate = ptr(1000 * float64(ar.Alerts) / float64(ar.Employees))
	}
	untested := 0
	for _, code := range b.codes(field) {
		c, ok := byCode[code]
		if !ok || c.Employees == 0 {
			continue
		}
		row := AlertRateRow{Code: code, Label: b.label(field, code), Employees: suppress(c.Employees, below), Alerts: suppress(c.Alerts, below)}
		if !shown(c) {
			row.Alerts = Count{Suppressed: true, Below: below}
			ar.Rows = append(ar.Rows, row)
			untested++
			continue
		}
		row.Rate = ptr(1000 * float64(c.Alerts) / float64(c.Employees))
		if ci, err := stats.PoissonCI(c.Alerts, b.opts.Level); err == nil {
			ci = ci.Scale(1000 / float64(c.Employees))
			row.CI = &ci
		}
		restE, restA := ar.Employees-c.Employees, ar.Alerts-c.Alerts
		if restE < below || restA < below {
			ar.Rows = append(ar.Rows, row)
			untested++
			continue
		}
		row.RestRate = ptr(1000 * float64(restA) / float64(restE))
		n := c.Alerts + restA
		share := float64(c.Employees) / float64(c.Employees+restE)
		p, err := stats.BinomialTest(c.Alerts, n, share)
		if err != nil {
			ar.Rows = append(ar.Rows, row)
			untested++
			continue
		}
		row.P = ptr(p)
		// The rate ratio and its exact interval follow from the binomial
		// proportion π = x1/(x1+x2): RR = π/(1−π) · E2/E1.
		if ci, err := stats.ClopperPearsonCI(c.Alerts, n, b.opts.Level); err == nil {
			odds := func(q float64) float64 { return q / (1 - q) * float64(restE) / float64(c.Employees) }
			rr := stats.RiskRatio{RR: *row.Rate / *row.RestRate, CI: stats.Interval{Lo: odds(ci.Lo), Hi: odds(ci.Hi)}}
			row.RR = &rr
		}
		ar.Rows = append(ar.Rows, row)
	}
	return ar, untested
}

func (b *builder) alertClosure(field string, byCode map[string]DetectionCell) (AlertClosure, int) {
	below := b.opts.SuppressBelow
	var ac AlertClosure
	shown := func(c DetectionCell) bool {
		return c.DismissedOrExplained >= below && c.Triaged-c.DismissedOrExplained >= below
	}
	for _, code := range b.codes(field) {
		if c, ok := byCode[code]; ok && shown(c) {
			ac.Triaged += c.Triaged
			ac.Closed += c.DismissedOrExplained
		}
	}
	if ac.Triaged > 0 {
		ac.Rate = ptr(float64(ac.Closed) / float64(ac.Triaged))
	}
	untested := 0
	for _, code := range b.codes(field) {
		c, ok := byCode[code]
		if !ok || c.Triaged == 0 {
			continue
		}
		row := AlertClosureRow{Code: code, Label: b.label(field, code), Triaged: suppress(c.Triaged, below)}
		if !shown(c) {
			row.Closed = Count{Suppressed: true, Below: below}
			ac.Rows = append(ac.Rows, row)
			untested++
			continue
		}
		n, a := c.Triaged, c.DismissedOrExplained
		row.Closed = Count{N: a}
		row.Rate = ptr(float64(a) / float64(n))
		if ci, err := stats.WilsonCI(a, n, b.opts.Level); err == nil {
			row.CI = &ci
		}
		restN, restA := ac.Triaged-n, ac.Closed-a
		if restA < below || restN-restA < below {
			ac.Rows = append(ac.Rows, row)
			untested++
			continue
		}
		row.RestRate = ptr(float64(restA) / float64(restN))
		if rr, err := stats.RelativeRisk(a, n, restA, restN, b.opts.Level); err == nil {
			row.RR = &rr
		}
		res, err := stats.FisherExact(stats.Table2x2{A: a, B: n - a, C: restA, D: restN - restA})
		if err != nil {
			ac.Rows = append(ac.Rows, row)
			untested++
			continue
		}
		row.P = ptr(res.P)
		ac.Rows = append(ac.Rows, row)
	}
	return ac, untested
}

// detectionFindings states each significant disparity of the detection
// monitor in Dutch and English.
func (b *builder) detectionFindings(attrs []DetectionAttribute) []Finding {
	out := []Finding{}
	level := fmt.Sprintf("%.0f", b.opts.Level*100)
	for _, a := range attrs {
		nlAttr, enAttr := b.cb.Field(a.Field).Label("nl"), b.cb.Field(a.Field).Label("en")
		for _, r := range a.Rates.Rows {
			if !r.Significant {
				continue
			}
			nlGroup, enGroup := b.cb.Label(a.Field, r.Code, "nl"), b.cb.Label(a.Field, r.Code, "en")
			dir, nlDir, enDir := "higher", "meer", "more"
			if *r.Rate < *r.RestRate {
				dir, nlDir, enDir = "lower", "minder", "fewer"
			}
			args := func(lang string) []any {
				return []any{num(lang, *r.Rate, 1), level, num(lang, r.CI.Lo, 1), num(lang, r.CI.Hi, 1), num(lang, *r.RestRate, 1), pValue(lang, *r.P), pValue(lang, *r.PAdjusted)}
			}
			out = append(out, Finding{
				Attribute: a.Field, Group: r.Code, Kind: "alert_rate", Direction: dir, P: *r.P, PAdjusted: *r.PAdjusted,
				Text: Text{
					NL: fmt.Sprintf("Lekradar geeft %s signalen over medewerkers in de groep ‘%s’ (%s): %s per 1.000 medewerkers (%s%%-BI %s–%s) tegen %s bij de overige medewerkers (exacte toets op gelijke Poisson-intensiteit, p %s; na Holm-correctie p %s). Dit is een signaal om de detectieregels te onderzoeken, geen oordeel over personen.",
						append([]any{nlDir, nlGroup, nlAttr}, args("nl")...)...),
					EN: fmt.Sprintf("Lekradar raises %s alerts about staff in the group ‘%s’ (%s): %s per 1,000 employees (%s%% CI %s–%s) against %s for other staff (exact test of equal Poisson rates, p %s; Holm-adjusted p %s). This is a signal to look into the detection rules, not a judgement of any person.",
						append([]any{enDir, enGroup, enAttr}, args("en")...)...),
				},
			})
		}
		for _, r := range a.Closure.Rows {
			if !r.Significant {
				continue
			}
			nlGroup, enGroup := b.cb.Label(a.Field, r.Code, "nl"), b.cb.Label(a.Field, r.Code, "en")
			args := func(lang string) []any {
				return []any{pct(lang, *r.Rate), level, pct(lang, r.CI.Lo), pct(lang, r.CI.Hi), pct(lang, *r.RestRate), pValue(lang, *r.P), pValue(lang, *r.PAdjusted)}
			}
			f := Finding{Attribute: a.Field, Group: r.Code, Kind: "alert_closure", P: *r.P, PAdjusted: *r.PAdjusted}
			if *r.Rate > *r.RestRate {
				f.Direction = "higher"
				f.Text = Text{
					NL: fmt.Sprintf("Signalen over medewerkers in de groep ‘%s’ (%s) worden vaker afgewezen of verklaard: %s (%s%%-BI %s–%s) van de beoordeelde signalen, tegen %s bij de overige medewerkers (Fisher exact, p %s; na Holm-correctie p %s). Lekradar signaleert deze groep mogelijk vaker ten onrechte; dat vraagt aandacht voor de detectieregels. Het zegt niets over individuele personen.",
						append([]any{nlGroup, nlAttr}, args("nl")...)...),
					EN: fmt.Sprintf("Alerts about staff in the group ‘%s’ (%s) are dismissed or explained more often: %s (%s%% CI %s–%s) of triaged alerts, against %s for other staff (Fisher's exact test, p %s; Holm-adjusted p %s). Lekradar may flag this group wrongly more often; this calls for attention to the detection rules. It says nothing about any individual.",
						append([]any{enGroup, enAttr}, args("en")...)...),
				}
			} else {
				f.Direction = "lower"
				f.Text = Text{
					NL: fmt.Sprintf("Signalen over medewerkers in de groep ‘%s’ (%s) worden minder vaak afgewezen of verklaard: %s (%s%%-BI %s–%s) van de beoordeelde signalen, tegen %s bij de overige medewerkers (Fisher exact, p %s; na Holm-correctie p %s).",
						append([]any{nlGroup, nlAttr}, args("nl")...)...),
					EN: fmt.Sprintf("Alerts about staff in the group ‘%s’ (%s) are dismissed or explained less often: %s (%s%% CI %s–%s) of triaged alerts, against %s for other staff (Fisher's exact test, p %s; Holm-adjusted p %s).",
						append([]any{enGroup, enAttr}, args("en")...)...),
				}
			}
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(x, y Finding) int { return cmp.Compare(x.PAdjusted, y.PAdjusted) })
	return out
}

func detectionConclusion(d DetectionFairness) Text {
	f := Fairness{Alpha: d.Alpha, SuppressBelow: d.SuppressBelow, Tests: d.Tests, Untested: d.Untested, Findings: d.Findings}
	return conclusion(f)
}
