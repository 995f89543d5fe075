package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"lekradar"
	"lekradar/stats"
)

// Fairness is the fairness monitor over human suspicion: for each group
// attribute of the codebook, whether a group is over- or under-represented
// among identified suspects, and whether suspicions against it are refuted
// more or less often than against others; and in Detection the same for
// lekradar's own alerts.
type Fairness struct {
	Alpha float64 `json:"alpha"`
	// Correction is the multiple-testing correction applied across all
	// tests of the monitor: "holm".
	Correction    string `json:"correction"`
	SuppressBelow int    `json:"suppress_below"`
	// Tests counts the tests computed; Untested the comparisons left out
	// because a cell was under the suppression threshold.
	Tests      int                 `json:"tests"`
	Untested   int                 `json:"untested"`
	Attributes []FairnessAttribute `json:"attributes"`
	// Findings lists the significant disparities (Holm-adjusted p under
	// Alpha), in plain language. Empty when there are none.
	Findings []Finding `json:"findings"`
	// Conclusion is the monitor's statement: the findings in brief, or that
	// no significant difference was found (which is not proof of
	// equality).
	Conclusion Text `json:"conclusion"`
	// Detection is the same monitor over lekradar's own alerts.
	Detection DetectionFairness `json:"detection"`
}

// FairnessAttribute is the monitor for one group attribute.
type FairnessAttribute struct {
	Field      string          `json:"field"`
	Label      string          `json:"label"`
	Shares     ShareTable      `json:"shares"`
	Refutation RefutationTable `json:"refutation"`
}

// ShareTable compares each group's share among identified suspects with its
// share of the workforce.
type ShareTable struct {
	// Suspects counts identified suspects with the attribute recorded;
	// Workforce the staff with it recorded.
	Suspects  int        `json:"suspects"`
	Workforce int        `json:"workforce"`
	Rows      []ShareRow `json:"rows"`
}

// ShareRow is one group. Shares, intervals and tests are nil when a count
// they need is suppressed.
type ShareRow struct {
	Code           string          `json:"code"`
	Label          string          `json:"label"`
	Suspects       Count           `json:"suspects"`
	Workforce      Count           `json:"workforce"`
	SuspectShare   *float64        `json:"suspect_share"`
	SuspectCI      *stats.Interval `json:"suspect_share_ci"`
	WorkforceShare *float64        `json:"workforce_share"`
	// Ratio is the suspect share over the workforce share: above 1 the
	// group is over-represented.
	Ratio *float64 `json:"representation_ratio"`
	// P is the two-sided exact binomial test of the suspect share against
	// the workforce share; PAdjusted its Holm-adjusted value.
	P           *float64 `json:"p"`
	PAdjusted   *float64 `json:"p_adjusted"`
	Significant bool     `json:"significant"`
}

// RefutationTable is the refutation rate per group among decided dossiers
// with an identified suspect.
type RefutationTable struct {
	// Decided counts identified suspects in dossiers with a decided
	// outcome (bevestigd, niet_bevestigd or weerlegd) in the groups that
	// are shown; Refuted those whose suspicion was weerlegd; Rate the
	// share. Groups whose refuted or not-refuted count is under the
	// threshold are left out of these totals and of every comparison.
	Decided int             `json:"decided"`
	Refuted int             `json:"refuted"`
	Rate    *float64        `json:"rate"`
	Rows    []RefutationRow `json:"rows"`
}

// RefutationRow is one group against all other groups.
type RefutationRow struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Decided Count  `json:"decided"`
	Refuted Count  `json:"refuted"`
	// Rate is the share of decided suspicions that were refuted, with its
	// Wilson interval; RestRate the same for the other shown groups.
	Rate     *float64        `json:"rate"`
	CI       *stats.Interval `json:"ci"`
	RestRate *float64        `json:"rest_rate"`
	// RR is the rate ratio against the rest (Katz interval).
	RR *stats.RiskRatio `json:"rate_ratio"`
	// P is Fisher's exact test (two-sided) of this group against the
	// other shown groups;
	// PAdjusted its Holm-adjusted value.
	P           *float64 `json:"p"`
	PAdjusted   *float64 `json:"p_adjusted"`
	Significant bool     `json:"significant"`
}

// Finding is one significant disparity in plain language.
type Finding struct {
	Attribute string `json:"attribute"`
	Group     string `json:"group"`
	// Kind is "representation" (share among suspects) or "refutation".
	Kind string `json:"kind"`
	// Direction is "higher" or "lower" than the comparison.
	Direction string  `json:"direction"`
	P         float64 `json:"p"`
	PAdjusted float64 `json:"p_adjusted"`
	Text      Text    `json:"text"`
}

// groupAttribute reads one group attribute from a suspect and from a
// workforce cell.
type groupAttribute struct {
	suspect func(lekradar.Suspect) string
	cell    func(lekradar.WorkforceCell) string
}

var groupAttributes = map[string]groupAttribute{
	lekradar.FieldSurnameOrigin: {
		func(s lekradar.Suspect) string { return s.SurnameOrigin },
		func(c lekradar.WorkforceCell) string { return c.SurnameOrigin }},
	lekradar.FieldGender: {
		func(s lekradar.Suspect) string { return s.Gender },
		func(c lekradar.WorkforceCell) string { return c.Gender }},
	lekradar.FieldAgeBand: {
		func(s lekradar.Suspect) string { return s.AgeBand },
		func(c lekradar.WorkforceCell) string { return c.AgeBand }},
	lekradar.FieldTenureBand: {
		func(s lekradar.Suspect) string { return s.TenureBand },
		func(c lekradar.WorkforceCell) string { return c.TenureBand }},
}

func (b *builder) fairness() Fairness {
	out := Fairness{Alpha: b.opts.Alpha, Correction: "holm", SuppressBelow: b.opts.SuppressBelow}
	for _, f := range b.cb.Fields {
		ga, ok := groupAttributes[f.Name]
		if !f.Restricted || !ok {
			continue
		}
		attr := FairnessAttribute{Field: f.Name, Label: f.Label(b.opts.Lang)}
		var untested int
		attr.Shares, untested = b.shareTable(f.Name, ga)
		out.Untested += untested
		attr.Refutation, untested = b.refutationTable(f.Name, ga)
		out.Untested += untested
		out.Attributes = append(out.Attributes, attr)
	}
	// One Holm family across every test of the monitor: with dozens of
	// group comparisons, some would reach p < 0.05 by chance alone.
	type testRef struct {
		p           *float64
		adjusted    **float64
		significant *bool
	}
	var tests []testRef
	for i := range out.Attributes {
		a := &out.Attributes[i]
		for j := range a.Shares.Rows {
			if r := &a.Shares.Rows[j]; r.P != nil {
				tests = append(tests, testRef{r.P, &r.PAdjusted, &r.Significant})
			}
		}
		for j := range a.Refutation.Rows {
			if r := &a.Refutation.Rows[j]; r.P != nil {
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
	out.Findings = b.findings(out.Attributes)
	out.Conclusion = conclusion(out)
	out.Detection = b.detection()
	return out
}

func (b *builder) shareTable(field string, ga groupAttribute) (ShareTable, int) {
	below := b.opts.SuppressBelow
	var st ShareTable
	suspects := map[string]int{}
	for _, d := range b.dossiers {
		for _, s := range identifiedSuspects(d) {
			if v := ga.suspect(s); v != "" {
				suspects[v]++
				st.Suspects++
			}
		}
	}
	workforce := map[string]int{}
	for _, c := range b.wf.Cells {
		if v := ga.cell(c); v != "" {
			workforce[v] += c.Count
			st.Workforce += c.Count
		}
	}
	untested := 0
	for _, code := range b.codes(field) {
		x, w := suspects[code], workforce[code]
		if x == 0 && w == 0 {
			continue
		}
		row := ShareRow{Code: code, Label: b.label(field, code), Suspects: suppress(x, below), Workforce: suppress(w, below)}
		xOK := !row.Suspects.Suppressed && st.Suspects-x >= below
		wOK := !row.Workforce.Suppressed && st.Workforce-w >= below
		if !row.Suspects.Suppressed {
			row.SuspectShare = ptr(float64(x) / float64(st.Suspects))
			if ci, err := stats.WilsonCI(x, st.Suspects, b.opts.Level); err == nil {
				row.SuspectCI = &ci
			}
		}
		if !row.Workforce.Suppressed {
			row.WorkforceShare = ptr(float64(w) / float64(st.Workforce))
		}
		if row.SuspectShare != nil && row.WorkforceShare != nil && *row.WorkforceShare > 0 {
			row.Ratio = ptr(*row.SuspectShare / *row.WorkforceShare)
		}
		st.Rows = append(st.Rows, row)
		if !xOK || !wOK {
			untested++
			continue
		}
		p, err := stats.BinomialTest(x, st.Suspects, float64(w)/float64(st.Workforce))
		if err != nil {
			untested++
			continue
		}
		st.Rows[len(st.Rows)-1].P = ptr(p)
	}
	return st, untested
}

func (b *builder) refutationTable(field string, ga groupAttribute) (RefutationTable, int) {
	below := b.opts.SuppressBelow
	var rt RefutationTable
	dec := map[string]int{}
	ref := map[string]int{}
	for _, d := range b.dossiers {
		if !decided(d.SuspicionOutcome) {
			continue
		}
		for _, s := range identifiedSuspects(d) {
			if v := ga.suspect(s); v != "" {
				dec[v]++
				if d.SuspicionOutcome == "weerlegd" {
					ref[v]++
				}
			}
		}
	}
	// A group is shown when both its refuted and its not-refuted count
	// reach the threshold. Totals, the rate of "the others" and every test
	// use shown groups only: a hidden group's refuted count then enters no
	// figure from which it could be worked back.
	shown := func(code string) bool {
		n, a := dec[code], ref[code]
		return a >= below && n-a >= below
	}
	for _, code := range b.codes(field) {
		if shown(code) {
			rt.Decided += dec[code]
			rt.Refuted += ref[code]
		}
	}
	if rt.Decided > 0 {
		rt.Rate = ptr(float64(rt.Refuted) / float64(rt.Decided))
	}
	untested := 0
	for _, code := range b.codes(field) {
		n, a := dec[code], ref[code]
		if n == 0 {
			continue
		}
		row := RefutationRow{Code: code, Label: b.label(field, code), Decided: suppress(n, below)}
		if !shown(code) {
			row.Refuted = Count{Suppressed: true, Below: below}
			rt.Rows = append(rt.Rows, row)
			untested++
			continue
		}
		row.Refuted = Count{N: a}
		row.Rate = ptr(float64(a) / float64(n))
		if ci, err := stats.WilsonCI(a, n, b.opts.Level); err == nil {
			row.CI = &ci
		}
		restN, restA := rt.Decided-n, rt.Refuted-a
		if restA < below || restN-restA < below {
			rt.Rows = append(rt.Rows, row)
			untested++
			continue
		}
		row.RestRate = ptr(float64(restA) / float64(restN))
		if rr, err := stats.RelativeRisk(a, n, restA, restN, b.opts.Level); err == nil {
			row.RR = &rr
		}
		res, err := stats.FisherExact(stats.Table2x2{A: a, B: n - a, C: restA, D: restN - restA})
		if err != nil {
			rt.Rows = append(rt.Rows, row)
			untested++
			continue
		}
		row.P = ptr(res.P)
		rt.Rows = append(rt.Rows, row)
	}
	return rt, untested
}

// findings states each significant disparity in Dutch and English.
func (b *builder) findings(attrs []FairnessAttribute) []Finding {
	out := []Finding{}
	level := fmt.Sprintf("%.0f", b.opts.Level*100)
	for _, a := range attrs {
		for _, r := range a.Shares.Rows {
			if !r.Significant {
				continue
			}
			dir, nlDir, enDir := "higher", "oververtegenwoordigd", "over-represented"
			if *r.SuspectShare < *r.WorkforceShare {
				dir, nlDir, enDir = "lower", "ondervertegenwoordigd", "under-represented"
			}
			nlGroup := b.cb.Label(a.Field, r.Code, "nl")
			enGroup := b.cb.Label(a.Field, r.Code, "en")
			nlAttr, enAttr := b.cb.Field(a.Field).Label("nl"), b.cb.Field(a.Field).Label("en")
			out = append(out, Finding{
				Attribute: a.Field, Group: r.Code, Kind: "representation", Direction: dir,
				P: *r.P, PAdjusted: *r.PAdjusted,
				Text: Text{
					NL: fmt.Sprintf("Medewerkers in de groep ‘%s’ (%s) zijn %s onder de geïdentificeerde verdachten: %s van de verdachten (%s%%-BI %s–%s) tegen %s van het personeelsbestand (exacte binomiale toets, p %s; na Holm-correctie p %s). Dit is een signaal om te onderzoeken, geen oordeel over personen.",
						nlGroup, nlAttr, nlDir, pct("nl", *r.SuspectShare), level, pct("nl", r.SuspectCI.Lo), pct("nl", r.SuspectCI.Hi),
						pct("nl", *r.WorkforceShare), pValue("nl", *r.P), pValue("nl", *r.PAdjusted)),
					EN: fmt.Sprintf("Staff in the group ‘%s’ (%s) are %s among identified suspects: %s of suspects (%s%% CI %s–%s) against %s of the workforce (exact binomial test, p %s; Holm-adjusted p %s). This is a signal to look into, not a judgement of any person.",
						enGroup, enAttr, enDir, pct("en", *r.SuspectShare), level, pct("en", r.SuspectCI.Lo), pct("en", r.SuspectCI.Hi),
						pct("en", *r.WorkforceShare), pValue("en", *r.P), pValue("en", *r.PAdjusted)),
				},
			})
		}
		for _, r := range a.Refutation.Rows {
			if !r.Significant {
				continue
			}
			nlGroup := b.cb.Label(a.Field, r.Code, "nl")
			enGroup := b.cb.Label(a.Field, r.Code, "en")
			nlAttr, enAttr := b.cb.Field(a.Field).Label("nl"), b.cb.Field(a.Field).Label("en")
			f := Finding{Attribute: a.Field, Group: r.Code, Kind: "refutation", P: *r.P, PAdjusted: *r.PAdjusted}
			common := func(lang string) []any {
				return []any{pct(lang, *r.Rate), level, pct(lang, r.CI.Lo), pct(lang, r.CI.Hi), pct(lang, *r.RestRate), pValue(lang, *r.P), pValue(lang, *r.PAdjusted)}
			}
			if *r.Rate > *r.RestRate {
				f.Direction = "higher"
				f.Text = Text{
					NL: fmt.Sprintf("Bij verdachten in de groep ‘%s’ (%s) is de verdenking vaker weerlegd: %s (%s%%-BI %s–%s) van de beslissingen, tegen %s bij de overige verdachten (Fisher exact, p %s; na Holm-correctie p %s). Zij worden mogelijk vaker ten onrechte verdacht; dat vraagt aandacht voor hoe verdenkingen ontstaan. Het zegt niets over individuele personen.",
						append([]any{nlGroup, nlAttr}, common("nl")...)...),
					EN: fmt.Sprintf("For suspects in the group ‘%s’ (%s) the suspicion was refuted more often: %s (%s%% CI %s–%s) of decisions, against %s for other suspects (Fisher's exact test, p %s; Holm-adjusted p %s). They may be wrongly suspected more often; this calls for attention to how suspicions arise. It says nothing about any individual.",
						append([]any{enGroup, enAttr}, common("en")...)...),
				}
			} else {
				f.Direction = "lower"
				f.Text = Text{
					NL: fmt.Sprintf("Bij verdachten in de groep ‘%s’ (%s) is de verdenking minder vaak weerlegd: %s (%s%%-BI %s–%s) van de beslissingen, tegen %s bij de overige verdachten (Fisher exact, p %s; na Holm-correctie p %s).",
						append([]any{nlGroup, nlAttr}, common("nl")...)...),
					EN: fmt.Sprintf("For suspects in the group ‘%s’ (%s) the suspicion was refuted less often: %s (%s%% CI %s–%s) of decisions, against %s for other suspects (Fisher's exact test, p %s; Holm-adjusted p %s).",
						append([]any{enGroup, enAttr}, common("en")...)...),
				}
			}
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(x, y Finding) int { return cmp.Compare(x.PAdjusted, y.PAdjusted) })
	return out
}

func conclusion(f Fairness) Text {
	alphaNL := num("nl", f.Alpha, 2)
	alphaEN := num("en", f.Alpha, 2)
	untestedNL, untestedEN := "", ""
	if f.Untested > 0 {
		untestedNL = fmt.Sprintf(" %d vergelijking(en) zijn niet getoetst omdat een aantal onder %d lag.", f.Untested, f.SuppressBelow)
		untestedEN = fmt.Sprintf(" %d comparison(s) were not tested because a count was under %d.", f.Untested, f.SuppressBelow)
	}
	if len(f.Findings) == 0 {
		return Text{
			NL: fmt.Sprintf("Geen significant verschil gevonden tussen groepen (α = %s, Holm-correctie over %d toetsen). Dit is geen bewijs van gelijkheid: bij kleine aantallen kan een werkelijk verschil onopgemerkt blijven.%s", alphaNL, f.Tests, untestedNL),
			EN: fmt.Sprintf("No significant difference found between groups (α = %s, Holm correction across %d tests). This is not proof of equality: with small numbers a real difference can go undetected.%s", alphaEN, f.Tests, untestedEN),
		}
	}
	return Text{
		NL: fmt.Sprintf("%d significant(e) verschil(len) gevonden (α = %s, Holm-correctie over %d toetsen); zie de bevindingen.%s", len(f.Findings), alphaNL, f.Tests, untestedNL),
		EN: fmt.Sprintf("%d significant difference(s) found (α = %s, Holm correction across %d tests); see the findings.%s", len(f.Findings), alphaEN, f.Tests, untestedEN),
	}
}
