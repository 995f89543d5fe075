package analysis

import (
	"fmt"

	"lekradar"
)

// TrendPoint counts the dossiers opened in one month or quarter.
type TrendPoint struct {
	// Period is "2015-03" for a month, "2015-Q1" for a quarter.
	Period      string `json:"period"`
	Dossiers    int    `json:"dossiers"`
	Disclosures int    `json:"disclosures"` // allegation verstrekken or beide
	Confirmed   int    `json:"confirmed"`   // suspicion outcome bevestigd
}

// Trends are the counts per month and per quarter over the period, with
// empty months and quarters included as zeros.
type Trends struct {
	Monthly   []TrendPoint `json:"monthly"`
	Quarterly []TrendPoint `json:"quarterly"`
}

func monthKey(d lekradar.Date) string   { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }
func quarterKey(d lekradar.Date) string { return fmt.Sprintf("%04d-Q%d", d.Year, (int(d.Month)-1)/3+1) }

func (b *builder) trends(p Period) Trends {
	var out Trends
	if p.From.IsZero() || p.To.IsZero() {
		return out
	}
	monthIdx := map[string]int{}
	quarterIdx := map[string]int{}
	for m := (lekradar.Date{Year: p.From.Year, Month: p.From.Month, Day: 1}); !m.After(p.To); m = lekradar.DateOf(m.Time().AddDate(0, 1, 0)) {
		monthIdx[monthKey(m)] = len(out.Monthly)
		out.Monthly = append(out.Monthly, TrendPoint{Period: monthKey(m)})
		if _, ok := quarterIdx[quarterKey(m)]; !ok {
			quarterIdx[quarterKey(m)] = len(out.Quarterly)
			out.Quarterly = append(out.Quarterly, TrendPoint{Period: quarterKey(m)})
		}
	}
	add := func(tp *TrendPoint, d *lekradar.Dossier) {
		tp.Dossiers++
		if d.Allegation == "verstrekken" || d.Allegation == "beide" {
			tp.Disclosures++
		}
		if d.SuspicionOutcome == "bevestigd" {
			tp.Confirmed++
		}
	}
	for _, d := range b.dossiers {
		o := d.Opened()
		if o.IsZero() {
			continue
		}
		if i, ok := monthIdx[monthKey(o)]; ok {
			add(&out.Monthly[i], d)
		}
		if i, ok := quarterIdx[quarterKey(o)]; ok {
			add(&out.Quarterly[i], d)
		}
	}
	return out
}
