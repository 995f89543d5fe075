package research_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"lekradar"
	"lekradar/demo"
	"lekradar/research"
)

var (
	demoOnce     sync.Once
	demoDossiers []*lekradar.Dossier
	demoErr      error
)

// mustDemoDossiers returns the 761 demo dossiers (seed 2019), generated once.
func mustDemoDossiers(t testing.TB) []*lekradar.Dossier {
	t.Helper()
	demoOnce.Do(func() {
		data, err := demo.Generate(demo.Options{Seed: 2019}, lekradar.DefaultCodebook())
		if err != nil {
			demoErr = err
			return
		}
		demoDossiers = data.Dossiers
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoDossiers
}

func regNos(ds []*lekradar.Dossier) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.RegNo
	}
	return out
}

// stratumOf computes a dossier's stratum from its fields, independently of
// the package, for the strata the tests use.
func stratumOf(d *lekradar.Dossier, strata []string) string {
	var parts []string
	for _, s := range strata {
		switch s {
		case "unit", "department":
			parts = append(parts, d.Department)
		case "year":
			parts = append(parts, strconv.Itoa(d.Opened().Year))
		case "allegation":
			parts = append(parts, d.Allegation)
		case "outcome":
			parts = append(parts, d.SuspicionOutcome)
		}
	}
	return strings.Join(parts, "|")
}

func TestSample_Demo(t *testing.T) {
	ds := mustDemoDossiers(t)
	if len(ds) != 761 {
		t.Fatalf("demo has %d dossiers, want 761", len(ds))
	}
	for _, strata := range [][]string{nil, {"unit", "year"}, {"allegation"}, {"department", "year", "outcome"}} {
		t.Run(strings.Join(strata, ",")+"_", func(t *testing.T) {
			s, err := research.Sample(ds, 0.2, 42, strata)
			if err != nil {
				t.Fatal(err)
			}
			if len(s) != 152 {
				t.Errorf("20%% of 761 gave %d dossiers, want 152", len(s))
			}
			seen := map[string]bool{}
			for _, d := range s {
				if seen[d.RegNo] {
					t.Errorf("%s drawn twice", d.RegNo)
				}
				seen[d.RegNo] = true
			}
		})
	}
}

func TestSample_Reproducible(t *testing.T) {
	ds := mustDemoDossiers(t)
	strata := []string{"unit", "year"}
	first, err := research.Sample(ds, 0.2, 7, strata)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("same seed, same sample", func(t *testing.T) {
		again, err := research.Sample(ds, 0.2, 7, strata)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(regNos(first), regNos(again)) {
			t.Error("two samples with the same seed differ")
		}
	})
	t.Run("whatever order the store returns", func(t *testing.T) {
		shuffled := slices.Clone(ds)
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		slices.Reverse(shuffled[:100])
		again, err := research.Sample(shuffled, 0.2, 7, strata)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(regNos(first), regNos(again)) {
			t.Error("the sample depends on the order of the input")
		}
	})
	t.Run("another seed, another sample", func(t *testing.T) {
		other, err := research.Sample(ds, 0.2, 8, strata)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(regNos(first), regNos(other)) {
			t.Error("seeds 7 and 8 drew the same sample")
		}
	})
	t.Run("a stratum's draw does not depend on other strata", func(t *testing.T) {
		// Drop every dossier of one stratum: the others keep their draw.
		var rest []*lekradar.Dossier
		for _, d := range ds {
			if d.Department != "amsterdam" {
				rest = append(rest, d)
			}
		}
		other, err := research.Sample(rest, 0.2, 7, strata)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, d := range first {
			if d.Department != "amsterdam" {
				want = append(want, d.RegNo)
			}
		}
		got := regNos(other)
		// Largest-remainder rounding may move one dossier between strata;
		// all but a handful must be the same dossiers.
		common := 0
		for _, r := range got {
			if slices.Contains(want, r) {
				common++
			}
		}
		if common < len(want)-3 {
			t.Errorf("only %d of %d dossiers outside amsterdam stayed in the sample", common, len(want))
		}
	})
}

func TestSample_Proportions(t *testing.T) {
	ds := mustDemoDossiers(t)
	sizes := map[string]map[string]int{}
	for _, fraction := range []float64{0.05, 0.2, 0.333, 0.5, 0.9, 1} {
		for _, strata := range [][]string{nil, {"unit", "year"}, {"allegation", "year"}, {"department", "outcome"}} {
			key := strings.Join(strata, ",")
			if sizes[key] == nil {
				sizes[key] = map[string]int{}
				for _, d := range ds {
					sizes[key][stratumOf(d, strata)]++
				}
			}
			s, err := research.Sample(ds, fraction, 99, strata)
			if err != nil {
				t.Fatal(err)
			}
			if want := int(math.Round(fraction * 761)); len(s) != want {
				t.Errorf("fraction %v strata %q: %d dossiers, want %d", fraction, key, len(s), want)
			}
			got := map[string]int{}
			for _, d := range s {
				got[stratumOf(d, strata)]++
			}
			for stratum, n := range sizes[key] {
				quota := fraction * float64(n)
				if math.Abs(float64(got[stratum])-quota) >= 1 {
					t.Errorf("fraction %v strata %q: stratum %s of %d has %d sampled, want within 1 of %.2f", fraction, key, stratum, n, got[stratum], quota)
				}
			}
		}
	}
}

func TestDraw_Design(t *testing.T) {
	ds := mustDemoDossiers(t)
	d, err := research.Draw(ds, 0.2, 3, []string{"unit", "year"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Variables, []string{"department", "year"}) || d.Population != 761 {
		t.Errorf("variables %v population %d", d.Variables, d.Population)
	}
	total, sampled := 0, 0
	for _, s := range d.Strata {
		total += s.Population
		sampled += s.Sampled
		if s.Sampled > 0 && math.Abs(s.Weight()-float64(s.Population)/float64(s.Sampled)) > 1e-12 {
			t.Errorf("stratum %s weight %v", s.Key, s.Weight())
		}
	}
	if total != 761 || sampled != 152 {
		t.Errorf("strata hold %d dossiers and %d sampled", total, sampled)
	}
	for _, x := range d.Dossiers {
		s := d.StratumOf(x)
		if s == nil || s.Key != x.Department+"/"+strconv.Itoa(x.Opened().Year) {
			t.Errorf("%s is in stratum %v", x.RegNo, s)
		}
	}
	if !slices.IsSorted(regNos(d.Dossiers)) {
		t.Error("the sample is not in registration-number order")
	}
}

func smallDossier(regNo, department, opened string) *lekradar.Dossier {
	return &lekradar.Dossier{RegNo: regNo, Department: department, Allegation: "raadplegen",
		Phases: []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate(opened)}}}
}

func TestSample_LargestRemainder(t *testing.T) {
	// Three strata of 3, 3 and 4 at 50%: quotas 1.5, 1.5 and 2 give 1, 1, 2
	// and one more to the first stratum with the largest remainder.
	var ds []*lekradar.Dossier
	for i, dep := range []string{"amsterdam", "amsterdam", "amsterdam", "limburg", "limburg", "limburg", "pdc", "pdc", "pdc", "pdc"} {
		ds = append(ds, smallDossier("VIK-X-2016-"+strconv.Itoa(1000+i), dep, "2016-02-01"))
	}
	d, err := research.Draw(ds, 0.5, 1, []string{"unit"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, s := range d.Strata {
		got[s.Key] = s.Sampled
	}
	want := map[string]int{"amsterdam": 2, "limburg": 1, "pdc": 2}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("stratum %s: %d sampled, want %d (all: %v)", k, got[k], n, got)
		}
	}
	if len(d.Dossiers) != 5 {
		t.Errorf("%d sampled, want 5", len(d.Dossiers))
	}

	t.Run("fraction 1 takes everything", func(t *testing.T) {
		s, err := research.Sample(ds, 1, 5, []string{"unit"})
		if err != nil || len(s) != len(ds) {
			t.Errorf("got %d dossiers, %v", len(s), err)
		}
	})
	t.Run("empty registry", func(t *testing.T) {
		s, err := research.Sample(nil, 0.2, 5, []string{"unit"})
		if err != nil || len(s) != 0 {
			t.Errorf("got %d dossiers, %v", len(s), err)
		}
	})
	t.Run("unknown opening date is its own year stratum", func(t *testing.T) {
		undated := &lekradar.Dossier{RegNo: "VIK-X-2016-9999", Department: "pdc", Allegation: "raadplegen"}
		d, err := research.Draw(append(slices.Clone(ds), undated), 1, 5, []string{"year"})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, s := range d.Strata {
			keys = append(keys, s.Key)
		}
		if !slices.Equal(keys, []string{"2016", "unknown"}) {
			t.Errorf("strata %v", keys)
		}
	})
}

func TestSample_Errors(t *testing.T) {
	ds := []*lekradar.Dossier{smallDossier("VIK-AMS-2016-0001", "amsterdam", "2016-01-01"), smallDossier("VIK-AMS-2016-0002", "amsterdam", "2016-01-02")}
	dup := append(slices.Clone(ds), smallDossier("VIK-AMS-2016-0001", "amsterdam", "2016-01-03"))
	tests := []struct {
		name     string
		ds       []*lekradar.Dossier
		fraction float64
		strata   []string
		want     string
	}{
		{"zero fraction", ds, 0, nil, "fraction 0"},
		{"fraction above 1", ds, 1.5, nil, "fraction 1.5"},
		{"NaN fraction", ds, math.NaN(), nil, "fraction NaN"},
		{"unknown variable", ds, 0.5, []string{"colour"}, `"colour" is unknown`},
		{"alias twice", ds, 0.5, []string{"unit", "department"}, "twice"},
		{"duplicate registration number", dup, 0.5, nil, "VIK-AMS-2016-0001"},
		{"nil dossier", append(slices.Clone(ds), nil), 0.5, nil, "nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := research.Sample(tt.ds, tt.fraction, 1, tt.strata)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
