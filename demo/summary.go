package demo

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"lekradar"
)

// Count is the number of records with one code, in codebook order.
type Count struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	N     int    `json:"n"`
}

// Summary describes a generated data set in a few numbers.
type Summary struct {
	Seed           uint64  `json:"seed"`
	PlantDisparity bool    `json:"plant_disparity"`
	Units          int     `json:"units"`
	FTE            float64 `json:"fte"`
	Headcount      int     `json:"headcount"`
	WorkforceCells int     `json:"workforce_cells"`
	Dossiers       int     `json:"dossiers"`
	Open           int     `json:"open"`
	ByYear         []Count `json:"by_year"`
	ByUnit         []Count `json:"by_unit"`
	ByAllegation   []Count `json:"by_allegation"`
	ByOutcome      []Count `json:"by_outcome"`
	ByChannel      []Count `json:"by_channel"` // channel of the report that opened the dossier
	Spots          int     `json:"spots"`
	SpotsByStatus  []Count `json:"spots_by_status"`
}

// Summary counts the data set by year, unit, allegation, outcome and
// channel, with labels in lang ("nl" or "en").
func (d *Data) Summary(cb *lekradar.Codebook, lang string) Summary {
	s := Summary{
		Seed:           d.Options.Seed,
		PlantDisparity: d.Options.PlantDisparity,
		Units:          len(d.Workforce.Units),
		WorkforceCells: len(d.Workforce.Cells),
		Dossiers:       len(d.Dossiers),
		Spots:          len(d.Spots),
	}
	for _, u := range d.Workforce.Units {
		s.FTE += u.FTE
		s.Headcount += u.Headcount
	}
	units := codeCounter(cb, lekradar.FieldUnit, lang)
	allegations := codeCounter(cb, lekradar.FieldAllegation, lang)
	outcomes := codeCounter(cb, lekradar.FieldSuspicionOutcome, lang)
	channels := codeCounter(cb, lekradar.FieldChannel, lang)
	undecided := 0
	var years []Count
	for _, ds := range d.Dossiers {
		y := strconv.Itoa(ds.Opened().Year)
		if len(years) == 0 || years[len(years)-1].Code != y {
			years = append(years, Count{Code: y, Label: y})
		}
		years[len(years)-1].N++
		units.add(ds.Department)
		allegations.add(ds.Allegation)
		if ds.SuspicionOutcome == "" {
			undecided++
		} else {
			outcomes.add(ds.SuspicionOutcome)
		}
		if len(ds.Reports) > 0 {
			channels.add(ds.Reports[0].Channel)
		}
		if ds.CurrentPhase() != "afgesloten" {
			s.Open++
		}
	}
	s.ByYear = years
	s.ByUnit = units.counts
	s.ByAllegation = allegations.counts
	s.ByOutcome = outcomes.counts
	if undecided > 0 {
		label := "nog geen besluit"
		if lang == "en" {
			label = "not yet decided"
		}
		s.ByOutcome = append(s.ByOutcome, Count{Code: "", Label: label, N: undecided})
	}
	s.ByChannel = channels.counts
	statuses := codeCounter(cb, lekradar.FieldVulnerabilityStatus, lang)
	for _, sp := range d.Spots {
		statuses.add(sp.Status)
	}
	s.SpotsByStatus = statuses.counts
	return s
}

// counter counts codes of one field in codebook order.
type counter struct {
	counts []Count
	index  map[string]int
}

func codeCounter(cb *lekradar.Codebook, field, lang string) *counter {
	c := &counter{index: map[string]int{}}
	if f := cb.Field(field); f != nil {
		for _, code := range f.Codes {
			c.index[code.Code] = len(c.counts)
			c.counts = append(c.counts, Count{Code: code.Code, Label: code.Label(lang)})
		}
	}
	return c
}

func (c *counter) add(code string) {
	i, ok := c.index[code]
	if !ok {
		i = len(c.counts)
		c.index[code] = i
		c.counts = append(c.counts, Count{Code: code, Label: code})
	}
	c.counts[i].N++
}

// Write prints the summary as aligned plain text.
func (s Summary) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Synthetic data set, seed %d", s.Seed)
	if s.PlantDisparity {
		fmt.Fprint(bw, " (with a planted refutation disparity for non-Dutch surnames)")
	}
	fmt.Fprintln(bw)
	fmt.Fprintf(bw, "Workforce: %d units, %.0f FTE, headcount %d (%d workforce cells)\n", s.Units, s.FTE, s.Headcount, s.WorkforceCells)
	fmt.Fprintf(bw, "Dossiers: %d, of which %d still open on %s\n", s.Dossiers, s.Open, ReferenceDate)
	section := func(title string, counts []Count, skipZero bool) {
		fmt.Fprintf(bw, "  %s:\n", title)
		width := 0
		for _, c := range counts {
			width = max(width, len([]rune(c.Label)))
		}
		for _, c := range counts {
			if skipZero && c.N == 0 {
				continue
			}
			fmt.Fprintf(bw, "    %-*s %5d\n", width, c.Label, c.N)
		}
	}
	section("per year opened", s.ByYear, false)
	section("per department", s.ByUnit, false)
	section("per allegation", s.ByAllegation, false)
	section("per suspicion outcome", s.ByOutcome, false)
	section("per channel of the first report", s.ByChannel, true)
	fmt.Fprintf(bw, "Vulnerable spots: %d\n", s.Spots)
	section("per status", s.SpotsByStatus, false)
	return bw.Flush()
}
