package research

import (
	"strings"

	"lekradar"
)

// RiskCount measures how recognisable the records of an export are on a set
// of quasi-identifiers: facts that someone who knows the organisation may
// know about a case or a colleague. A record alone in its group can be
// singled out by anyone who knows those facts.
type RiskCount struct {
	Table   string
	Columns []string
	Records int
	Unique  int // records alone in their group within the export
	Under5  int // records in a group of fewer than 5 within the export
	// UniqueInRegistry counts the exported records whose combination
	// occurs only once among all the dossiers sampled from: whoever knows
	// those facts of a case can tell that this row is that case.
	UniqueInRegistry int
}

// quasiDossier and quasiSuspect read a quasi-identifier as exported.
var quasiDossier = map[string]func(*lekradar.Dossier) string{
	"department":           func(d *lekradar.Dossier) string { return d.Department },
	"opened_month":         func(d *lekradar.Dossier) string { return Month(d.Opened()) },
	"allegation":           func(d *lekradar.Dossier) string { return d.Allegation },
	"suspicion_outcome":    func(d *lekradar.Dossier) string { return d.SuspicionOutcome },
	"disciplinary_measure": func(d *lekradar.Dossier) string { return d.DisciplinaryMeasure },
}

var quasiSuspect = map[string]func(*lekradar.Dossier, *lekradar.Suspect) string{
	"unit":           func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.Unit },
	"rank":           func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.Rank },
	"team_kind":      func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.TeamKind },
	"opened_month":   func(d *lekradar.Dossier, _ *lekradar.Suspect) string { return Month(d.Opened()) },
	"gender":         func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.Gender },
	"age_band":       func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.AgeBand },
	"surname_origin": func(_ *lekradar.Dossier, s *lekradar.Suspect) string { return s.SurnameOrigin },
}

// riskCounts computes the RiskCounts the README reports.
func riskCounts(e *Export) []RiskCount {
	var out []RiskCount
	d := e.Design
	for _, cols := range [][]string{
		{"department", "opened_month"},
		{"department", "opened_month", "allegation", "suspicion_outcome"},
		{"department", "opened_month", "disciplinary_measure"},
	} {
		key := func(x *lekradar.Dossier) string {
			vals := make([]string, len(cols))
			for i, c := range cols {
				vals[i] = quasiDossier[c](x)
			}
			return strings.Join(vals, "\x00")
		}
		out = append(out, count("dossiers", cols, keysOf(d.Dossiers, key), keysOf(d.population, key)))
	}
	sets := [][]string{
		{"unit", "rank", "team_kind"},
		{"unit", "rank", "team_kind", "opened_month"},
	}
	if e.Options.GroupAttributes {
		sets = append(sets, []string{"unit", "rank", "gender", "age_band", "surname_origin"})
	}
	for _, cols := range sets {
		// Unidentified suspects are nobody in particular.
		keys := func(ds []*lekradar.Dossier) []string {
			var out []string
			for _, x := range ds {
				for i := range x.Suspects {
					s := &x.Suspects[i]
					if !s.Identified {
						continue
					}
					vals := make([]string, len(cols))
					for j, c := range cols {
						vals[j] = quasiSuspect[c](x, s)
					}
					out = append(out, strings.Join(vals, "\x00"))
				}
			}
			return out
		}
		out = append(out, count("suspects (identified)", cols, keys(d.Dossiers), keys(d.population)))
	}
	return out
}

func keysOf(ds []*lekradar.Dossier, key func(*lekradar.Dossier) string) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = key(x)
	}
	return out
}

// count groups the sampled records' keys, within the sample and within the
// population.
func count(table string, cols []string, sample, population []string) RiskCount {
	inSample, inPopulation := map[string]int{}, map[string]int{}
	for _, k := range sample {
		inSample[k]++
	}
	for _, k := range population {
		inPopulation[k]++
	}
	rc := RiskCount{Table: table, Columns: cols, Records: len(sample)}
	for _, k := range sample {
		if n := inSample[k]; n == 1 {
			rc.Unique++
		}
		if inSample[k] < 5 {
			rc.Under5++
		}
		if inPopulation[k] == 1 {
			rc.UniqueInRegistry++
		}
	}
	return rc
}
