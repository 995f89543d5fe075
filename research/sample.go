// Package research draws reproducible stratified random samples of the
// registry's dossiers and writes pseudonymised exports of them for
// researchers: CSV tables, one XLSX workbook, the codebook and a README that
// documents every column, the sampling design and what was done to protect
// the people in the dossiers.
package research

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"lekradar"
)

// Stratification variables that Sample accepts. "unit" is an alias of
// "department": the VIK department is the unit that owns the dossier.
const (
	StratumDepartment = "department"
	StratumYear       = "year"
	StratumAllegation = "allegation"
	StratumOutcome    = "outcome"
	StratumPhase      = "phase"
)

// stratumVariables maps every accepted name to its variable and how a
// dossier's value is read.
var stratumVariables = map[string]struct {
	canonical string
	value     func(*lekradar.Dossier) string
}{
	"unit":            {StratumDepartment, func(d *lekradar.Dossier) string { return d.Department }},
	StratumDepartment: {StratumDepartment, func(d *lekradar.Dossier) string { return d.Department }},
	StratumYear: {StratumYear, func(d *lekradar.Dossier) string {
		if o := d.Opened(); !o.IsZero() {
			return strconv.Itoa(o.Year)
		}
		return ""
	}},
	StratumAllegation: {StratumAllegation, func(d *lekradar.Dossier) string { return d.Allegation }},
	StratumOutcome:    {StratumOutcome, func(d *lekradar.Dossier) string { return d.SuspicionOutcome }},
	StratumPhase:      {StratumPhase, func(d *lekradar.Dossier) string { return d.CurrentPhase() }},
}

// StratumNames returns the stratification variables Sample accepts.
func StratumNames() []string {
	return []string{StratumDepartment, "unit", StratumYear, StratumAllegation, StratumOutcome, StratumPhase}
}

// unknownValue stands for an empty value in a stratum key.
const unknownValue = "unknown"

// Stratum is one cell of the stratification: the dossiers that share the
// values of every stratification variable.
type Stratum struct {
	// Key joins the values with "/", e.g. "amsterdam/2015"; "all" when the
	// sample is not stratified.
	Key    string
	Values []string
	// Population is how many dossiers the stratum holds, Sampled how many
	// were drawn from it.
	Population int
	Sampled    int
	// Quota is fraction × Population before rounding.
	Quota float64
}

// Weight is the sampling weight of a dossier of the stratum, the inverse of
// its inclusion probability (Population / Sampled); 0 when none was drawn.
func (s *Stratum) Weight() float64 {
	if s.Sampled == 0 {
		return 0
	}
	return float64(s.Population) / float64(s.Sampled)
}

// Design is a drawn sample together with how it was drawn.
type Design struct {
	Fraction float64
	Seed     uint64
	// Variables are the stratification variables in the order given
	// (canonical names); empty for a simple random sample.
	Variables []string
	// Population is the number of dossiers sampled from.
	Population int
	// Strata in key order.
	Strata []*Stratum
	// Dossiers is the sample, ordered by registration number.
	Dossiers []*lekradar.Dossier

	stratumOf map[*lekradar.Dossier]*Stratum
	// population is every dossier sampled from, for the README's measure
	// of how unique a sampled record is in the whole registry.
	population []*lekradar.Dossier
}

// StratumOf returns the stratum of a sampled dossier, or nil.
func (d *Design) StratumOf(x *lekradar.Dossier) *Stratum { return d.stratumOf[x] }

// Sample draws a reproducible stratified random sample: see Draw.
func Sample(dossiers []*lekradar.Dossier, fraction float64, seed uint64, strata []string) ([]*lekradar.Dossier, error) {
	d, err := Draw(dossiers, fraction, seed, strata)
	if err != nil {
		return nil, err
	}
	return d.Dossiers, nil
}

// Draw draws round(fraction × N) of the N dossiers, stratified by the
// variables in strata (none: a simple random sample). Each stratum gets
// fraction × its size, rounded by the largest-remainder method so that the
// strata add up to the total: every stratum gets its quota rounded down or
// up, never further off than one. Within a stratum the dossiers are sorted by
// registration number and drawn with a PCG generator seeded by the seed and
// the stratum's key, so the same seed and the same registry give the same
// sample whatever order the dossiers come in, and a stratum's draw does not
// change when other strata do.
func Draw(dossiers []*lekradar.Dossier, fraction float64, seed uint64, strata []string) (*Design, error) {
	if math.IsNaN(fraction) || fraction <= 0 || fraction > 1 {
		return nil, fmt.Errorf("sample: fraction %v is out of range: it must be more than 0 and at most 1", fraction)
	}
	var vars []string
	var readers []func(*lekradar.Dossier) string
	for _, name := range strata {
		v, ok := stratumVariables[strings.TrimSpace(name)]
		if !ok {
			return nil, fmt.Errorf("sample: stratification variable %q is unknown (allowed: %s)", name, strings.Join(StratumNames(), ", "))
		}
		if slices.Contains(vars, v.canonical) {
			return nil, fmt.Errorf("sample: stratification variable %q is given twice", name)
		}
		vars = append(vars, v.canonical)
		readers = append(readers, v.value)
	}

	sorted := make([]*lekradar.Dossier, 0, len(dossiers))
	keys := make(map[*lekradar.Dossier]string, len(dossiers))
	seen := make(map[string]bool, len(dossiers))
	for i, d := range dossiers {
		if d == nil {
			return nil, fmt.Errorf("sample: dossier %d is nil", i)
		}
		k := SortKey(d)
		if seen[k] {
			return nil, fmt.Errorf("sample: registration number %q occurs twice: the sample needs a unique key per dossier", k)
		}
		seen[k] = true
		keys[d] = k
		sorted = append(sorted, d)
	}
	slices.SortFunc(sorted, func(a, b *lekradar.Dossier) int { return strings.Compare(keys[a], keys[b]) })

	design := &Design{Fraction: fraction, Seed: seed, Variables: vars, Population: len(sorted),
		stratumOf: make(map[*lekradar.Dossier]*Stratum), population: sorted}
	byKey := map[string]*Stratum{}
	members := map[*Stratum][]*lekradar.Dossier{}
	for _, d := range sorted {
		values := make([]string, len(readers))
		for i, read := range readers {
			if values[i] = read(d); values[i] == "" {
				values[i] = unknownValue
			}
		}
		key := "all"
		if len(values) > 0 {
			key = strings.Join(values, "/")
		}
		s := byKey[key]
		if s == nil {
			s = &Stratum{Key: key, Values: values}
			byKey[key] = s
			design.Strata = append(design.Strata, s)
		}
		s.Population++
		members[s] = append(members[s], d)
	}
	slices.SortFunc(design.Strata, func(a, b *Stratum) int { return strings.Compare(a.Key, b.Key) })
	allocate(design.Strata, fraction, len(sorted))

	for _, s := range design.Strata {
		for _, d := range draw(members[s], s.Sampled, seed, s.Key) {
			design.Dossiers = append(design.Dossiers, d)
			design.stratumOf[d] = s
		}
	}
	slices.SortFunc(design.Dossiers, func(a, b *lekradar.Dossier) int { return strings.Compare(keys[a], keys[b]) })
	return design, nil
}

// SortKey is the stable key a dossier is sorted by before the draw: its
// registration number, or its store id when it has none.
func SortKey(d *lekradar.Dossier) string {
	if d.RegNo != "" {
		return d.RegNo
	}
	return "id:" + strconv.FormatInt(d.ID, 10)
}

// allocate sets each stratum's Quota and Sampled: round(fraction × total)
// in all, by the largest-remainder method. Ties in the remainder go to the
// stratum whose key sorts first, so the allocation is deterministic.
func allocate(strata []*Stratum, fraction float64, total int) {
	target := int(math.Round(fraction * float64(total)))
	assigned := 0
	for _, s := range strata {
		s.Quota = fraction * float64(s.Population)
		s.Sampled = int(math.Floor(s.Quota))
		assigned += s.Sampled
	}
	order := make([]*Stratum, len(strata))
	copy(order, strata)
	slices.SortStableFunc(order, func(a, b *Stratum) int {
		ra, rb := a.Quota-math.Floor(a.Quota), b.Quota-math.Floor(b.Quota)
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return 0
	})
	for i := 0; assigned < target && i < len(order); i++ {
		if order[i].Sampled < order[i].Population {
			order[i].Sampled++
			assigned++
		}
	}
}

// draw picks n of members (sorted by key) with a partial Fisher–Yates
// shuffle driven by a PCG stream of its own for the stratum.
func draw(members []*lekradar.Dossier, n int, seed uint64, stratumKey string) []*lekradar.Dossier {
	if n <= 0 {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(stratumKey))
	rng := rand.New(rand.NewPCG(seed, h.Sum64()))
	pool := slices.Clone(members)
	for i := 0; i < n; i++ {
		j := i + rng.IntN(len(pool)-i)
		pool[i], pool[j] = pool[j], pool[i]
	}
	return pool[:n]
}
