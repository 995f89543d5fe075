// Package analysis computes the 2019 study's analyses from the registry: the
// rates per unit, the ranks of identified suspects against the workforce,
// the distributions of the four dimensions, durations, trends, the register
// of vulnerable spots, registration quality, and the fairness monitor over
// human suspicion. It produces one Report model that the report package
// renders as JSON, Markdown or HTML, and that the web workbench can render
// with its own templates.
//
// The model holds aggregates only. Counts of persons (suspects, workforce)
// that fall under the suppression threshold are stored as suppressed, with
// their value dropped, so that no renderer can show them by mistake.
package analysis

import (
	"fmt"
	"slices"

	"lekradar"
	"lekradar/stats"
)

// DefaultSuppressBelow is the small-cell threshold: a count of persons under
// it is shown as "<5" and no rate or test is computed from it.
const DefaultSuppressBelow = 5

// DefaultAlpha is the significance level of the fairness monitor's tests,
// applied to Holm-adjusted p-values.
const DefaultAlpha = 0.05

// Options choose the period and presentation of a report.
type Options struct {
	// From and To bound the period (inclusive) by the date a dossier was
	// opened and a vulnerable spot was identified. Zero means open-ended.
	From, To lekradar.Date
	// Lang is the language of the labels: "nl" (default) or "en".
	Lang string
	// Level is the confidence level of the intervals (default 0.95).
	Level float64
	// SuppressBelow is the small-cell threshold (default 5).
	SuppressBelow int
	// Alpha is the significance level of the fairness tests (default 0.05).
	Alpha float64
	// Detection holds the alert and staff counts per group for the
	// detection half of the fairness monitor; nil when there are none.
	Detection *DetectionCounts
}

func (o *Options) defaults() error {
	switch o.Lang {
	case "":
		o.Lang = "nl"
	case "nl", "en":
	default:
		return fmt.Errorf("language %q is not supported (allowed: nl, en)", o.Lang)
	}
	if o.Level == 0 {
		o.Level = stats.DefaultLevel
	}
	if !(o.Level > 0 && o.Level < 1) {
		return fmt.Errorf("confidence level %v is not between 0 and 1", o.Level)
	}
	if o.SuppressBelow == 0 {
		o.SuppressBelow = DefaultSuppressBelow
	}
	if o.SuppressBelow < 1 {
		return fmt.Errorf("suppression threshold %d must be at least 1", o.SuppressBelow)
	}
	if o.Alpha == 0 {
		o.Alpha = DefaultAlpha
	}
	if !(o.Alpha > 0 && o.Alpha < 1) {
		return fmt.Errorf("significance level %v is not between 0 and 1", o.Alpha)
	}
	if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
		return fmt.Errorf("period end %s is before its start %s", o.To, o.From)
	}
	return nil
}

// Report is the whole analysis of one period.
type Report struct {
	Lang            string  `json:"lang"`
	CodebookVersion string  `json:"codebook_version"`
	Level           float64 `json:"confidence_level"`
	SuppressBelow   int     `json:"suppress_below"`
	Period          Period  `json:"period"`
	Totals          Totals  `json:"totals"`

	UnitRates     UnitRates      `json:"unit_rates"`
	Ranks         RankAnalysis   `json:"ranks"`
	Distributions []Distribution `json:"distributions"`
	CrossTabs     []CrossTab     `json:"crosstabs"`
	Durations     Durations      `json:"durations"`
	Trends        Trends         `json:"trends"`
	Hotspots      Hotspots       `json:"hotspots"`
	Quality       Quality        `json:"quality"`
	Fairness      Fairness       `json:"fairness"`
}

// Period is the span the report covers. When the options leave an end open,
// it is the earliest or latest opening date among the dossiers.
type Period struct {
	From lekradar.Date `json:"from"`
	To   lekradar.Date `json:"to"`
	// Days is the length of the period, both ends included.
	Days int `json:"days"`
}

// Years is the length of the period in years (of 365.25 days).
func (p Period) Years() float64 { return float64(p.Days) / 365.25 }

// Totals are the sizes of what the report counts.
type Totals struct {
	Dossiers           int     `json:"dossiers"`
	Reports            int     `json:"reports"`
	LeakedItems        int     `json:"leaked_items"`
	IdentifiedSuspects int     `json:"identified_suspects"`
	Spots              int     `json:"vulnerable_spots"`
	FTE                float64 `json:"fte"`
	Headcount          int     `json:"headcount"`
}

// Distribution returns the distribution with id, or nil.
func (r *Report) Distribution(id string) *Distribution {
	i := slices.IndexFunc(r.Distributions, func(d Distribution) bool { return d.ID == id })
	if i < 0 {
		return nil
	}
	return &r.Distributions[i]
}

// CrossTab returns the cross-tabulation with id, or nil.
func (r *Report) CrossTab(id string) *CrossTab {
	i := slices.IndexFunc(r.CrossTabs, func(c CrossTab) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	return &r.CrossTabs[i]
}

// Build computes the report for the dossiers and spots in the period,
// measured against the workforce. The workforce may be empty: the analyses
// that need it then say so instead of computing rates.
func Build(cb *lekradar.Codebook, dossiers []*lekradar.Dossier, wf *lekradar.Workforce, spots []*lekradar.VulnerableSpot, opts Options) (*Report, error) {
	if err := opts.defaults(); err != nil {
		return nil, fmt.Errorf("build report: %w", err)
	}
	if wf == nil {
		wf = &lekradar.Workforce{}
	}
	b := &builder{cb: cb, opts: opts, wf: wf}
	b.selectDossiers(dossiers)
	b.selectSpots(spots)

	r := &Report{
		Lang:            opts.Lang,
		CodebookVersion: cb.Version,
		Level:           opts.Level,
		SuppressBelow:   opts.SuppressBelow,
		Period:          b.period(),
	}
	r.Totals = b.totals()
	var err error
	if r.UnitRates, err = b.unitRates(r.Period); err != nil {
		return nil, fmt.Errorf("build report: unit rates: %w", err)
	}
	r.Ranks = b.ranks()
	r.Distributions = b.distributions()
	r.CrossTabs = b.crossTabs()
	r.Durations = b.durations()
	r.Trends = b.trends(r.Period)
	r.Hotspots = b.hotspots()
	r.Quality = b.quality()
	r.Fairness = b.fairness()
	r.fillEmptyLists()
	return r, nil
}

// fillEmptyLists replaces nil lists by empty ones, so that the JSON form
// always has arrays where a client expects them (never null).
func (r *Report) fillEmptyLists() {
	orEmpty(&r.UnitRates.Rows)
	orEmpty(&r.Ranks.Rows)
	orEmpty(&r.Durations.FromReceived)
	orEmpty(&r.Durations.InPhase)
	orEmpty(&r.Trends.Monthly)
	orEmpty(&r.Trends.Quarterly)
	orEmpty(&r.Quality.Rows)
	orEmpty(&r.Fairness.Attributes)
	orEmpty(&r.CrossTabs)
}

// builder carries the selected records through the analyses.
type builder struct {
	cb       *lekradar.Codebook
	opts     Options
	wf       *lekradar.Workforce
	dossiers []*lekradar.Dossier
	spots    []*lekradar.VulnerableSpot
}

func (b *builder) inPeriod(d lekradar.Date) bool {
	if d.IsZero() {
		return b.opts.From.IsZero() && b.opts.To.IsZero()
	}
	if !b.opts.From.IsZero() && d.Before(b.opts.From) {
		return false
	}
	if !b.opts.To.IsZero() && d.After(b.opts.To) {
		return false
	}
	return true
}

func (b *builder) selectDossiers(all []*lekradar.Dossier) {
	for _, d := range all {
		if d != nil && b.inPeriod(d.Opened()) {
			b.dossiers = append(b.dossiers, d)
		}
	}
}

func (b *builder) selectSpots(all []*lekradar.VulnerableSpot) {
	for _, s := range all {
		if s != nil && b.inPeriod(s.Identified) {
			b.spots = append(b.spots, s)
		}
	}
}

func (b *builder) period() Period {
	p := Period{From: b.opts.From, To: b.opts.To}
	for _, d := range b.dossiers {
		o := d.Opened()
		if o.IsZero() {
			continue
		}
		if b.opts.From.IsZero() && (p.From.IsZero() || o.Before(p.From)) {
			p.From = o
		}
		if b.opts.To.IsZero() && (p.To.IsZero() || o.After(p.To)) {
			p.To = o
		}
	}
	if !p.From.IsZero() && !p.To.IsZero() {
		p.Days = p.From.DaysUntil(p.To) + 1
	}
	return p
}

func (b *builder) totals() Totals {
	t := Totals{Dossiers: len(b.dossiers), Spots: len(b.spots)}
	for _, d := range b.dossiers {
		t.Reports += len(d.Reports)
		t.LeakedItems += len(d.Items)
		for _, s := range d.Suspects {
			if s.Identified {
				t.IdentifiedSuspects++
			}
		}
	}
	for _, u := range b.wf.Units {
		t.FTE += u.FTE
		t.Headcount += u.Headcount
	}
	return t
}

// label returns the codebook label of a code in the report's language.
func (b *builder) label(field, code string) string {
	return b.cb.Label(field, code, b.opts.Lang)
}

// fieldLabel returns the label of a codebook field, or local for fields
// outside the codebook.
func (b *builder) fieldLabel(field string) string {
	if l := b.cb.Field(field); l != nil {
		return l.Label(b.opts.Lang)
	}
	if t, ok := localFieldLabels[field]; ok {
		return t.In(b.opts.Lang)
	}
	return field
}

// codes returns the codes of a field in codebook order, retired ones
// included (old dossiers may carry them).
func (b *builder) codes(field string) []string {
	l := b.cb.Field(field)
	if l == nil {
		return nil
	}
	out := make([]string, len(l.Codes))
	for i, c := range l.Codes {
		out[i] = c.Code
	}
	return out
}

// decided reports whether a suspicion outcome is a decision about an
// identified suspect.
func decided(outcome string) bool {
	return outcome == "bevestigd" || outcome == "niet_bevestigd" || outcome == "weerlegd"
}

func orEmpty[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}
