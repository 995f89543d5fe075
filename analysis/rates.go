package analysis

import (
	"slices"

	"lekradar"
	"lekradar/stats"
)

// UnitRate is the number of dossiers of one VIK department per 1,000 FTE of
// its unit.
type UnitRate struct {
	Unit     string  `json:"unit"`
	Label    string  `json:"label"`
	Dossiers int     `json:"dossiers"`
	FTE      float64 `json:"fte"`
	// Rate is dossiers per 1,000 FTE over the whole period; CI is the exact
	// Poisson interval of it.
	Rate float64        `json:"rate_per_1000_fte"`
	CI   stats.Interval `json:"ci"`
	// RatePerYear and CIPerYear are the same per year of the period.
	RatePerYear float64        `json:"rate_per_1000_fte_per_year"`
	CIPerYear   stats.Interval `json:"ci_per_year"`
	// Expected is the count the unit would have if every unit had the
	// overall rate.
	Expected float64 `json:"expected"`
}

// UnitRates compares the units' rates.
type UnitRates struct {
	Rows  []UnitRate `json:"rows"`
	Total UnitRate   `json:"total"`
	// Test is the chi-square test of homogeneity of the Poisson rates: do
	// the units differ more than chance would make them? Nil when it cannot
	// be computed (fewer than two units with FTE, no dossiers).
	Test *stats.ChiSquareResult `json:"test"`
	// SmallExpected is true when expected counts are too small for the
	// chi-square approximation (more than a fifth under 5, or any under 1).
	SmallExpected bool `json:"small_expected"`
	// Unassigned counts dossiers whose department has no FTE figure.
	Unassigned int `json:"unassigned"`
	// Notes explain what was not computed and why.
	Notes []Text `json:"notes,omitempty"`
}

func (b *builder) unitRates(p Period) (UnitRates, error) {
	level := b.opts.Level
	fte := map[string]float64{}
	for _, u := range b.wf.Units {
		fte[u.Unit] += u.FTE
	}
	counts := map[string]int{}
	for _, d := range b.dossiers {
		counts[d.Department]++
	}
	var out UnitRates
	var obs []int
	var exposure []float64
	var totalFTE float64
	total := 0
	for _, code := range b.codes(lekradar.FieldUnit) {
		f := fte[code]
		if f <= 0 {
			out.Unassigned += counts[code]
			continue
		}
		obs = append(obs, counts[code])
		exposure = append(exposure, f)
		totalFTE += f
		total += counts[code]
		out.Rows = append(out.Rows, UnitRate{Unit: code, Label: b.label(lekradar.FieldUnit, code), Dossiers: counts[code], FTE: f})
	}
	// Departments outside the codebook (not even retired) have no row.
	units := b.codes(lekradar.FieldUnit)
	for dept, n := range counts {
		if !slices.Contains(units, dept) {
			out.Unassigned += n
		}
	}
	if out.Unassigned > 0 {
		out.Notes = append(out.Notes, Text{
			NL: "Dossiers van afdelingen zonder FTE-gegevens tellen niet mee in de percentages.",
			EN: "Dossiers of departments without FTE figures are left out of the rates.",
		})
	}
	if len(out.Rows) == 0 {
		out.Notes = append(out.Notes, Text{
			NL: "Er zijn geen FTE-gegevens per eenheid: de percentages per 1.000 FTE zijn niet berekend.",
			EN: "There are no FTE figures per unit: rates per 1,000 FTE were not computed.",
		})
		return out, nil
	}
	years := p.Years()
	fill := func(r *UnitRate) error {
		ci, err := stats.PoissonCI(r.Dossiers, level)
		if err != nil {
			return err
		}
		per := 1000 / r.FTE
		r.Rate = float64(r.Dossiers) * per
		r.CI = ci.Scale(per)
		if years > 0 {
			r.RatePerYear = r.Rate / years
			r.CIPerYear = r.CI.Scale(1 / years)
		}
		return nil
	}
	for i := range out.Rows {
		r := &out.Rows[i]
		if err := fill(r); err != nil {
			return out, err
		}
		r.Expected = float64(total) * r.FTE / totalFTE
	}
	out.Total = UnitRate{Unit: "total", Label: totalLabel.In(b.opts.Lang), Dossiers: total, FTE: totalFTE, Expected: float64(total)}
	if err := fill(&out.Total); err != nil {
		return out, err
	}
	if len(out.Rows) >= 2 && total > 0 {
		res, err := stats.PoissonHomogeneity(obs, exposure)
		if err != nil {
			return out, err
		}
		out.Test = &res
		out.SmallExpected = res.ApproximationDoubtful()
		if out.SmallExpected {
			out.Notes = append(out.Notes, Text{
				NL: "Een deel van de verwachte aantallen is kleiner dan 5: de chi-kwadraattoets is dan een ruwe benadering.",
				EN: "Some expected counts are under 5: the chi-square test is then only a rough approximation.",
			})
		}
	}
	return out, nil
}

var totalLabel = Text{"Totaal", "Total"}

// RankRow compares one rank's share among identified suspects with its
// share of the workforce.
type RankRow struct {
	Rank      string `json:"rank"`
	Label     string `json:"label"`
	Suspects  Count  `json:"suspects"`
	Workforce Count  `json:"workforce"`
	// SuspectShare is the rank's share of identified suspects with a known
	// rank; WorkforceShare its share of the headcount. Nil when suppressed.
	SuspectShare   *float64 `json:"suspect_share"`
	WorkforceShare *float64 `json:"workforce_share"`
	// RR is the relative risk of being an identified suspect for this rank
	// against all other ranks, with the Katz log interval. Nil when a cell
	// is suppressed or zero.
	RR *stats.RiskRatio `json:"relative_risk"`
}

// RankAnalysis is the rank mix of identified suspects against the
// workforce.
type RankAnalysis struct {
	Rows []RankRow `json:"rows"`
	// Suspects counts identified suspects with a known rank (one per
	// suspect entry: a person in two dossiers counts twice); UnknownRank
	// those without.
	Suspects    int    `json:"suspects"`
	UnknownRank int    `json:"unknown_rank"`
	Workforce   int    `json:"workforce"`
	Notes       []Text `json:"notes,omitempty"`
}

func (b *builder) ranks() RankAnalysis {
	below := b.opts.SuppressBelow
	suspects := map[string]int{}
	var out RankAnalysis
	for _, d := range b.dossiers {
		for _, s := range d.Suspects {
			if !s.Identified {
				continue
			}
			if s.Rank == "" {
				out.UnknownRank++
				continue
			}
			suspects[s.Rank]++
			out.Suspects++
		}
	}
	workforce := map[string]int{}
	for _, c := range b.wf.Cells {
		workforce[c.Rank] += c.Count
		out.Workforce += c.Count
	}
	if out.Workforce == 0 {
		out.Notes = append(out.Notes, Text{
			NL: "Er zijn geen personeelsgegevens: de vergelijking met het personeelsbestand is niet berekend.",
			EN: "There are no workforce figures: the comparison with the workforce was not computed.",
		})
	}
	for _, code := range b.codes(lekradar.FieldRank) {
		x, w := suspects[code], workforce[code]
		if x == 0 && w == 0 {
			continue
		}
		row := RankRow{Rank: code, Label: b.label(lekradar.FieldRank, code),
			Suspects: suppress(x, below), Workforce: suppress(w, below)}
		if !row.Suspects.Suppressed && out.Suspects > 0 {
			row.SuspectShare = ptr(float64(x) / float64(out.Suspects))
		}
		if !row.Workforce.Suppressed && out.Workforce > 0 {
			row.WorkforceShare = ptr(float64(w) / float64(out.Workforce))
		}
		restX, restW := out.Suspects-x, out.Workforce-w
		if !row.Suspects.Suppressed && !row.Workforce.Suppressed && restX >= below && restW >= below && x <= w && restX <= restW {
			if rr, err := stats.RelativeRisk(x, w, restX, restW, b.opts.Level); err == nil {
				row.RR = &rr
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}
