package analysis

import (
	"fmt"
	"slices"

	"lekradar"
	"lekradar/stats"
)

// QuantileDefinition names the quantile definition of the durations.
const QuantileDefinition = "R type 7 (linear interpolation between order statistics)"

// DurationRow summarises a number of days: the median and quartiles (R type
// 7), the range, and how many dossiers are still under way.
type DurationRow struct {
	Phase  string  `json:"phase"`
	Label  string  `json:"label"`
	N      int     `json:"n"`
	Median float64 `json:"median"`
	Q1     float64 `json:"q1"`
	Q3     float64 `json:"q3"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	// Ongoing counts dossiers still in the phase at the end of their
	// history (censored: their stay so far is not in the figures).
	Ongoing int `json:"ongoing,omitempty"`
}

// Durations are the times of the investigation process in days.
type Durations struct {
	// FromReceived: days from the report (the ontvangen phase, or the
	// opening date) to the first entry of each later phase, among the
	// dossiers that reached it.
	FromReceived []DurationRow `json:"from_received"`
	// InPhase: days spent in each phase, among stays that ended.
	InPhase    []DurationRow `json:"in_phase"`
	Definition string        `json:"quantile_definition"`
}

func summarise(days []float64) (DurationRow, error) {
	r := DurationRow{N: len(days)}
	if len(days) == 0 {
		return r, nil
	}
	var err error
	for _, q := range []struct {
		p   float64
		dst *float64
	}{{0.5, &r.Median}, {0.25, &r.Q1}, {0.75, &r.Q3}} {
		if *q.dst, err = stats.Quantile(days, q.p); err != nil {
			return r, fmt.Errorf("quantile %v: %w", q.p, err)
		}
	}
	r.Min = slices.Min(days)
	r.Max = slices.Max(days)
	return r, nil
}

func (b *builder) durations() Durations {
	from := map[string][]float64{}
	in := map[string][]float64{}
	ongoing := map[string]int{}
	for _, d := range b.dossiers {
		start, ok := d.PhaseDate("ontvangen")
		if !ok || start.IsZero() {
			start = d.Opened()
		}
		seen := map[string]bool{}
		for i, p := range d.Phases {
			if p.Date.IsZero() {
				continue
			}
			if p.Phase != "ontvangen" && !seen[p.Phase] && !start.IsZero() {
				seen[p.Phase] = true
				from[p.Phase] = append(from[p.Phase], float64(start.DaysUntil(p.Date)))
			}
			if i+1 < len(d.Phases) {
				if next := d.Phases[i+1].Date; !next.IsZero() {
					in[p.Phase] = append(in[p.Phase], float64(p.Date.DaysUntil(next)))
				}
			} else if p.Phase != "afgesloten" {
				ongoing[p.Phase]++
			}
		}
	}
	out := Durations{Definition: QuantileDefinition}
	for _, code := range b.codes(lekradar.FieldPhase) {
		label := b.label(lekradar.FieldPhase, code)
		if code != "ontvangen" {
			if r, err := summarise(from[code]); err == nil && r.N > 0 {
				r.Phase, r.Label = code, label
				out.FromReceived = append(out.FromReceived, r)
			}
		}
		if code == "afgesloten" {
			continue
		}
		if r, err := summarise(in[code]); err == nil && (r.N > 0 || ongoing[code] > 0) {
			r.Phase, r.Label, r.Ongoing = code, label, ongoing[code]
			out.InPhase = append(out.InPhase, r)
		}
	}
	return out
}
