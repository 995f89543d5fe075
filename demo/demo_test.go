package demo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"lekradar"
	"lekradar/demo"
)

var cb = lekradar.DefaultCodebook()

// seeds are the data sets the distribution tests check: the default seed of
// the command and a few others, so that a tolerance is not tuned to one draw.
var seeds = []uint64{2019, 1, 2, 3}

func MustGenerate(tb testing.TB, opts demo.Options) *demo.Data {
	tb.Helper()
	d, err := demo.Generate(opts, cb)
	if err != nil {
		tb.Fatalf("Generate(%+v): %v", opts, err)
	}
	return d
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestGenerate_Determinism(t *testing.T) {
	t.Run("same seed gives identical data", func(t *testing.T) {
		a := mustJSON(t, MustGenerate(t, demo.Options{Seed: 7}))
		b := mustJSON(t, MustGenerate(t, demo.Options{Seed: 7}))
		if !bytes.Equal(a, b) {
			t.Fatal("two runs with seed 7 differ")
		}
	})
	t.Run("different seeds give different data", func(t *testing.T) {
		a := MustGenerate(t, demo.Options{Seed: 7})
		b := MustGenerate(t, demo.Options{Seed: 8})
		if bytes.Equal(mustJSON(t, a.Dossiers), mustJSON(t, b.Dossiers)) {
			t.Error("seeds 7 and 8 give the same dossiers")
		}
		if bytes.Equal(mustJSON(t, a.Workforce), mustJSON(t, b.Workforce)) {
			t.Error("seeds 7 and 8 give the same workforce")
		}
	})
}

func TestGenerate_Shape(t *testing.T) {
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			d := MustGenerate(t, demo.Options{Seed: seed})
			if len(d.Dossiers) != 761 {
				t.Fatalf("got %d dossiers, want 761", len(d.Dossiers))
			}
			checkWorkforce(t, d.Workforce)
			checkRegNos(t, d.Dossiers)
			for _, ds := range d.Dossiers {
				if err := ds.Validate(cb); err != nil {
					t.Errorf("dossier %s invalid: %v", ds.RegNo, err)
				}
				checkDossier(t, ds)
			}
			checkSpots(t, d)
		})
	}
}

func checkWorkforce(t *testing.T, w *lekradar.Workforce) {
	t.Helper()
	if len(w.Units) != 13 {
		t.Errorf("workforce has %d units, want 13", len(w.Units))
	}
	perUnit := map[string]int{}
	for _, c := range w.Cells {
		if c.Count <= 0 {
			t.Errorf("cell %+v has count %d", c, c.Count)
		}
		for field, v := range map[string]string{
			lekradar.FieldUnit: c.Unit, lekradar.FieldRank: c.Rank, lekradar.FieldTeamKind: c.TeamKind,
			lekradar.FieldSurnameOrigin: c.SurnameOrigin, lekradar.FieldGender: c.Gender,
			lekradar.FieldAgeBand: c.AgeBand, lekradar.FieldTenureBand: c.TenureBand,
		} {
			if !cb.Valid(field, v) {
				t.Errorf("cell %+v: %s %q is not a code", c, field, v)
			}
		}
		if c.Executive == (c.Rank == "burger" || c.Rank == "extern") {
			t.Errorf("cell %+v: executive %v does not fit rank %s", c, c.Executive, c.Rank)
		}
		perUnit[c.Unit] += c.Count
	}
	for _, u := range w.Units {
		if u.Headcount != perUnit[u.Unit] {
			t.Errorf("unit %s: headcount %d, cells sum to %d", u.Unit, u.Headcount, perUnit[u.Unit])
		}
		if u.FTE <= 0 || float64(u.Headcount) < u.FTE {
			t.Errorf("unit %s: FTE %v and headcount %d do not fit", u.Unit, u.FTE, u.Headcount)
		}
	}
	total := float64(sumCells(w, func(lekradar.WorkforceCell) bool { return true }))
	shares := []struct {
		what   string
		match  func(lekradar.WorkforceCell) bool
		lo, hi float64
	}{
		{"surname origin nl", func(c lekradar.WorkforceCell) bool { return c.SurnameOrigin == "nl" }, 0.85, 0.90},
		{"civilian staff", func(c lekradar.WorkforceCell) bool { return c.Rank == "burger" }, 0.20, 0.40},
		{"hoofdagenten", func(c lekradar.WorkforceCell) bool { return c.Rank == "hoofdagent" }, 0.15, 0.35},
		{"contractors", func(c lekradar.WorkforceCell) bool { return c.Rank == "extern" }, 0.01, 0.08},
		{"aspiranten", func(c lekradar.WorkforceCell) bool { return c.Rank == "aspirant" }, 0.01, 0.08},
		{"inspecteur and up", func(c lekradar.WorkforceCell) bool {
			return slices.Contains([]string{"inspecteur", "hoofdinspecteur", "commissaris", "hoofdcommissaris", "eerste_hoofdcommissaris"}, c.Rank)
		}, 0.05, 0.15},
		{"women", func(c lekradar.WorkforceCell) bool { return c.Gender == "vrouw" }, 0.30, 0.45},
	}
	for _, s := range shares {
		got := float64(sumCells(w, s.match)) / total
		if got < s.lo || got > s.hi {
			t.Errorf("share of %s in the workforce is %.3f, want %.2f–%.2f", s.what, got, s.lo, s.hi)
		}
	}
}

func sumCells(w *lekradar.Workforce, match func(lekradar.WorkforceCell) bool) int {
	n := 0
	for _, c := range w.Cells {
		if match(c) {
			n += c.Count
		}
	}
	return n
}

// checkRegNos asserts that registration numbers run 1, 2, 3… per department
// and year in the order the dossiers were opened.
func checkRegNos(t *testing.T, ds []*lekradar.Dossier) {
	t.Helper()
	type key struct {
		abbr string
		year int
	}
	last := map[key]int{}
	lastOpened := map[key]lekradar.Date{}
	sorted := slices.Clone(ds)
	slices.SortFunc(sorted, func(a, b *lekradar.Dossier) int { return strings.Compare(a.RegNo, b.RegNo) })
	for _, d := range sorted {
		abbr, year, seq, ok := lekradar.ParseRegNo(d.RegNo)
		if !ok {
			t.Errorf("reg_no %q does not parse", d.RegNo)
			continue
		}
		if abbr != cb.UnitAbbr(d.Department) {
			t.Errorf("reg_no %s does not match department %s", d.RegNo, d.Department)
		}
		if year != d.Opened().Year || (year != 2015 && year != 2016) {
			t.Errorf("reg_no %s: year %d, opened %s", d.RegNo, year, d.Opened())
		}
		k := key{abbr, year}
		if seq != last[k]+1 {
			t.Errorf("reg_no %s follows sequence %d", d.RegNo, last[k])
		}
		if d.Opened().Before(lastOpened[k]) {
			t.Errorf("reg_no %s opened %s, before its predecessor (%s)", d.RegNo, d.Opened(), lastOpened[k])
		}
		last[k], lastOpened[k] = seq, d.Opened()
	}
}

// checkDossier asserts the consistency rules a reader of the registry
// would rely on.
func checkDossier(t *testing.T, d *lekradar.Dossier) {
	t.Helper()
	fail := func(format string, args ...any) { t.Errorf("%s: %s", d.RegNo, fmt.Sprintf(format, args...)) }
	if d.Phases[0].Phase != "ontvangen" {
		fail("first phase is %s", d.Phases[0].Phase)
	}
	closed := d.CurrentPhase() == "afgesloten"
	var dates []lekradar.Date
	for _, p := range d.Phases {
		dates = append(dates, p.Date)
	}
	if len(d.Reports) == 0 || len(d.Reports) > 2 {
		fail("has %d reports, want 1 or 2", len(d.Reports))
	}
	for i, r := range d.Reports {
		dates = append(dates, r.Received, r.Acknowledged, r.FeedbackSent)
		if r.Channel == "detectie" {
			fail("report %d came from detection, which did not exist in 2015–2016", i)
		}
		if !strings.HasPrefix(r.ReporterRef, "DEMO-") {
			fail("reporter_ref %q is not obviously fake", r.ReporterRef)
		}
		if r.Summary == "" {
			fail("report %d has no summary", i)
		}
		if r.Acknowledged.IsZero() || r.Received.DaysUntil(r.Acknowledged) > 21 {
			fail("report %d received %s acknowledged %s", i, r.Received, r.Acknowledged)
		}
		if !r.FeedbackSent.IsZero() && !closed {
			fail("report %d got feedback while the dossier is open", i)
		}
	}
	if d.Reports[0].Received != d.Opened() {
		fail("first report received %s, dossier opened %s", d.Reports[0].Received, d.Opened())
	}
	_, criminal := d.PhaseDate("strafrechtelijk_onderzoek")
	for _, m := range d.Means {
		dates = append(dates, m.Date)
		if m.Date.Before(d.Opened()) {
			fail("means %s on %s before the dossier opened", m.Means, m.Date)
		}
		if slices.Contains([]string{"tap", "observatie", "doorzoeking"}, m.Means) && !criminal {
			fail("intrusive means %s without a criminal investigation", m.Means)
		}
	}
	for _, dt := range dates {
		if dt.After(demo.ReferenceDate) {
			fail("date %s after the reference date %s", dt, demo.ReferenceDate)
		}
	}
	if len(d.Items) == 0 {
		fail("no leaked items")
	}

	identified := len(d.Suspects) > 0 && d.Suspects[0].Identified
	switch d.SuspicionOutcome {
	case "verdachte_onbekend":
		if identified {
			fail("outcome verdachte_onbekend with an identified suspect")
		}
	case "":
		if closed {
			fail("closed without a suspicion outcome")
		}
	default:
		if !identified || !closed {
			fail("outcome %s: identified %v, closed %v", d.SuspicionOutcome, identified, closed)
		}
	}
	if !closed {
		if d.DisciplinaryMeasure != "" || d.CriminalOutcome != "" {
			fail("open dossier has a disposition (%q, %q)", d.DisciplinaryMeasure, d.CriminalOutcome)
		}
		return
	}
	measured := d.DisciplinaryMeasure != "geen" && d.DisciplinaryMeasure != ""
	if d.SuspicionOutcome == "bevestigd" {
		if !measured && d.Suspects[0].Rank != "extern" {
			fail("bevestigd without a measure")
		}
	} else if measured {
		fail("measure %s with outcome %s", d.DisciplinaryMeasure, d.SuspicionOutcome)
	}
	if d.CriminalOutcome != "geen" && !criminal {
		fail("criminal outcome %s without a criminal investigation", d.CriminalOutcome)
	}
}

func checkSpots(t *testing.T, d *demo.Data) {
	t.Helper()
	if n := len(d.Spots); n < 40 || n > 80 {
		t.Errorf("%d vulnerable spots, want 40–80", n)
	}
	if len(d.SpotDossiers) != len(d.Spots) {
		t.Fatalf("%d spots but %d link lists", len(d.Spots), len(d.SpotDossiers))
	}
	areas := map[string]bool{}
	statuses := map[string]bool{}
	for i, s := range d.Spots {
		if err := s.Validate(cb); err != nil {
			t.Errorf("spot %d invalid: %v", i, err)
		}
		areas[s.Area] = true
		statuses[s.Status] = true
		links := d.SpotDossiers[i]
		if len(links) == 0 {
			t.Errorf("spot %d links no dossier", i)
		}
		for _, j := range links {
			if j < 0 || j >= len(d.Dossiers) {
				t.Fatalf("spot %d links dossier index %d", i, j)
			}
			ds := d.Dossiers[j]
			if s.Unit != "" && ds.Department != s.Unit {
				t.Errorf("spot %d of unit %s links dossier %s of %s", i, s.Unit, ds.RegNo, ds.Department)
			}
			if s.Identified.Before(ds.Opened()) {
				t.Errorf("spot %d identified %s, before dossier %s opened", i, s.Identified, ds.RegNo)
			}
		}
		if s.Identified.After(demo.ReferenceDate) {
			t.Errorf("spot %d identified after the reference date", i)
		}
	}
	if len(areas) < 5 || len(statuses) < 3 {
		t.Errorf("spots cover %d areas and %d statuses, want a varied register", len(areas), len(statuses))
	}
}

// stats are the shares the study's public figures speak of.
type stats struct {
	unknown, confirmed, criminalAmongDisclosures float64
	rankRR                                       map[string]float64
	unitRates                                    []float64 // dossiers per 1,000 FTE
	originShareIdentified, originShareWorkforce  float64   // niet_nl
	refutation                                   map[string][2]int
}

func computeStats(d *demo.Data) stats {
	s := stats{rankRR: map[string]float64{}, refutation: map[string][2]int{}}
	n := float64(len(d.Dossiers))
	var unknown, confirmed, disclosures, toCriminal, identified, nietNL int
	rankCount := map[string]int{}
	perUnit := map[string]int{}
	for _, ds := range d.Dossiers {
		perUnit[ds.Department]++
		switch ds.SuspicionOutcome {
		case "verdachte_onbekend":
			unknown++
		case "bevestigd":
			confirmed++
		}
		if ds.Allegation != "raadplegen" {
			disclosures++
			if ds.Context.Recipient == "crimineel" {
				toCriminal++
			}
		}
		for _, sp := range ds.Suspects {
			if !sp.Identified {
				continue
			}
			identified++
			rankCount[sp.Rank]++
			if sp.SurnameOrigin == "niet_nl" {
				nietNL++
			}
			if ds.SuspicionOutcome != "" {
				r := s.refutation[sp.SurnameOrigin]
				r[1]++
				if ds.SuspicionOutcome == "weerlegd" {
					r[0]++
				}
				s.refutation[sp.SurnameOrigin] = r
			}
		}
	}
	s.unknown = float64(unknown) / n
	s.confirmed = float64(confirmed) / n
	s.criminalAmongDisclosures = float64(toCriminal) / float64(disclosures)
	total := float64(sumCells(d.Workforce, func(lekradar.WorkforceCell) bool { return true }))
	for _, rank := range []string{"hoofdagent", "brigadier", "burger"} {
		inWorkforce := float64(sumCells(d.Workforce, func(c lekradar.WorkforceCell) bool { return c.Rank == rank })) / total
		s.rankRR[rank] = (float64(rankCount[rank]) / float64(identified)) / inWorkforce
	}
	s.originShareIdentified = float64(nietNL) / float64(identified)
	s.originShareWorkforce = float64(sumCells(d.Workforce, func(c lekradar.WorkforceCell) bool { return c.SurnameOrigin == "niet_nl" })) / total
	for _, u := range d.Workforce.Units {
		s.unitRates = append(s.unitRates, 1000*float64(perUnit[u.Unit])/u.FTE)
	}
	return s
}

func TestGenerate_PublicFigures(t *testing.T) {
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			d := MustGenerate(t, demo.Options{Seed: seed})
			s := computeStats(d)
			within := func(what string, got, lo, hi float64) {
				if got < lo || got > hi {
					t.Errorf("%s = %.3f, want %.2f–%.2f", what, got, lo, hi)
				}
			}
			within("share with the leaker unknown", s.unknown, 0.42, 0.46)
			within("share bevestigd", s.confirmed, 0.30, 0.37)
			within("criminal recipients among disclosures", s.criminalAmongDisclosures, 0.17, 0.23)
			within("relative risk hoofdagent", s.rankRR["hoofdagent"], 1.2, 3)
			within("relative risk brigadier", s.rankRR["brigadier"], 1.1, 3)
			within("relative risk burger", s.rankRR["burger"], 0, 0.8)
			// No over-representation of non-Dutch surnames among suspects.
			within("niet_nl share among identified suspects / in workforce",
				s.originShareIdentified/s.originShareWorkforce, 0.6, 1.4)
			lo, hi := slices.Min(s.unitRates), slices.Max(s.unitRates)
			within("highest / lowest unit rate per 1,000 FTE", hi/lo, 1, 2)
		})
	}
}

func TestGenerate_StudyPatterns(t *testing.T) {
	d := MustGenerate(t, demo.Options{Seed: 2019})
	count := map[string]int{}
	var criminal, criminalOngoing, criminalSevere, criminalBenefit, criminalItems int
	var ownUseLookups, lookups, initiativeLekker, benefitOther int
	years := map[int]int{}
	for _, ds := range d.Dossiers {
		count["allegation:"+ds.Allegation]++
		count["channel:"+ds.Reports[0].Channel]++
		count["open:"+fmt.Sprint(ds.CurrentPhase() != "afgesloten")]++
		years[ds.Opened().Year]++
		for _, m := range ds.Means {
			count["means:"+m.Means]++
		}
		if ds.Context.Initiative == "lekker" {
			initiativeLekker++
		}
		if ds.Allegation == "raadplegen" {
			lookups++
			if ds.Context.Use == "eigen_gebruik" {
				ownUseLookups++
			}
		}
		if ds.Context.Recipient != "crimineel" {
			if b := ds.Context.BenefitToCrime; b != nil && *b {
				benefitOther++
			}
			continue
		}
		criminal++
		if b := ds.Context.BenefitToCrime; b != nil && *b {
			criminalBenefit++
		}
		for i, it := range ds.Items {
			if ds.Allegation == "beide" && i == 0 {
				continue // the look-up that preceded the disclosure
			}
			criminalItems++
			if it.OngoingInvestigation != nil && *it.OngoingInvestigation {
				criminalOngoing++
			}
			if it.Harm == "ernstig" {
				criminalSevere++
			}
		}
	}
	n := len(d.Dossiers)
	check := func(what string, ok bool) {
		if !ok {
			t.Errorf("%s (counts %v)", what, count)
		}
	}
	check("raadplegen is the most common allegation",
		count["allegation:raadplegen"] > count["allegation:verstrekken"] && count["allegation:raadplegen"] > count["allegation:beide"])
	check("both years hold 40–60% of dossiers", years[2015] > n*4/10 && years[2016] > n*4/10)
	check("supervisors, colleagues and VIK bring most reports",
		count["channel:leidinggevende"]+count["channel:collega"]+count["channel:vik_eigen"] > n/2)
	check("every other channel except detection occurs",
		count["channel:meldpunt"] > 0 && count["channel:klokkenluider"] > 0 && count["channel:cie"] > 0 &&
			count["channel:extern_om"] > 0 && count["channel:burger"] > 0 && count["channel:detectie"] == 0)
	check("most dossiers are closed, some are open", count["open:true"] > 0 && count["open:true"] < n/10)
	check("logging is the most used means, then interviews",
		count["means:logging"] > count["means:verhoor_betrokkene"] && count["means:verhoor_betrokkene"] > count["means:tap"]*5)
	check("intrusive means are rare", count["means:tap"]+count["means:observatie"]+count["means:doorzoeking"] < n/10)
	check("the initiative is almost always the leaker's", float64(initiativeLekker)/float64(n) > 0.9)
	check("pure look-ups are mostly for own use", float64(ownUseLookups)/float64(lookups) > 0.75)
	check("leaks to criminals mostly concern ongoing investigations", 2*criminalOngoing > criminalItems)
	check("leaks to criminals mostly do serious harm", 2*criminalSevere > criminalItems)
	check("leaks to criminals mostly benefit crime", 2*criminalBenefit > criminal)
	check("other leaks do not benefit crime", benefitOther == 0)
}

func TestGenerate_PlantDisparity(t *testing.T) {
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			plain := MustGenerate(t, demo.Options{Seed: seed})
			planted := MustGenerate(t, demo.Options{Seed: seed, PlantDisparity: true})

			rates := func(d *demo.Data) (nl, nietNL [2]int) {
				s := computeStats(d)
				return s.refutation["nl"], s.refutation["niet_nl"]
			}
			rate := func(x [2]int) float64 { return float64(x[0]) / float64(x[1]) }

			nl, other := rates(plain)
			p := fisherTwoSided(other[0], other[1]-other[0], nl[0], nl[1]-nl[0])
			t.Logf("default: weerlegd niet_nl %d/%d, nl %d/%d, Fisher p = %.3g", other[0], other[1], nl[0], nl[1], p)
			if math.Abs(rate(other)-rate(nl)) > 0.03 {
				t.Errorf("default refutation rates differ: niet_nl %.3f, nl %.3f", rate(other), rate(nl))
			}
			if p < 0.2 {
				t.Errorf("default data show a refutation disparity (Fisher p = %.3g)", p)
			}

			nlP, otherP := rates(planted)
			pP := fisherTwoSided(otherP[0], otherP[1]-otherP[0], nlP[0], nlP[1]-nlP[0])
			t.Logf("planted: weerlegd niet_nl %d/%d, nl %d/%d, Fisher p = %.3g", otherP[0], otherP[1], nlP[0], nlP[1], pP)
			if rate(otherP) < 2*rate(nlP) {
				t.Errorf("planted refutation rate niet_nl %.3f is not at least twice nl %.3f", rate(otherP), rate(nlP))
			}
			if pP >= 0.01 {
				t.Errorf("planted disparity is not significant: Fisher p = %.3g", pP)
			}
			if rate(nlP) != rate(nl) {
				t.Errorf("planting changed the nl refutation rate from %.3f to %.3f", rate(nl), rate(nlP))
			}

			// Planting changes outcomes and dispositions, nothing else.
			strip := func(d *demo.Data) []byte {
				var ds []lekradar.Dossier
				for _, x := range d.Dossiers {
					c := *x
					c.SuspicionOutcome, c.DisciplinaryMeasure, c.CriminalOutcome = "", "", ""
					ds = append(ds, c)
				}
				return mustJSON(t, struct {
					W  *lekradar.Workforce
					DS []lekradar.Dossier
				}{d.Workforce, ds})
			}
			if !bytes.Equal(strip(plain), strip(planted)) {
				t.Error("planting a disparity changed more than outcomes and dispositions")
			}
		})
	}
}

// TestGenerate_GroupAttributesNeutral checks that, without a planted
// disparity, no group attribute sets suspects apart: their mix matches the
// workforce, and suspicions are refuted equally often in every group.
func TestGenerate_GroupAttributesNeutral(t *testing.T) {
	attrs := []struct {
		field     string
		ofCell    func(lekradar.WorkforceCell) string
		ofSuspect func(lekradar.Suspect) string
	}{
		{lekradar.FieldSurnameOrigin, func(c lekradar.WorkforceCell) string { return c.SurnameOrigin }, func(s lekradar.Suspect) string { return s.SurnameOrigin }},
		{lekradar.FieldGender, func(c lekradar.WorkforceCell) string { return c.Gender }, func(s lekradar.Suspect) string { return s.Gender }},
		{lekradar.FieldAgeBand, func(c lekradar.WorkforceCell) string { return c.AgeBand }, func(s lekradar.Suspect) string { return s.AgeBand }},
		{lekradar.FieldTenureBand, func(c lekradar.WorkforceCell) string { return c.TenureBand }, func(s lekradar.Suspect) string { return s.TenureBand }},
	}
	for _, seed := range seeds {
		d := MustGenerate(t, demo.Options{Seed: seed})
		total := float64(sumCells(d.Workforce, func(lekradar.WorkforceCell) bool { return true }))
		var suspects []lekradar.Suspect
		var outcomes []string
		for _, ds := range d.Dossiers {
			for _, s := range ds.Suspects {
				if s.Identified {
					suspects = append(suspects, s)
					outcomes = append(outcomes, ds.SuspicionOutcome)
				}
			}
		}
		for _, a := range attrs {
			t.Run(fmt.Sprintf("seed %d %s", seed, a.field), func(t *testing.T) {
				for _, code := range cb.Field(a.field).Allowed() {
					inWorkforce := float64(sumCells(d.Workforce, func(c lekradar.WorkforceCell) bool { return a.ofCell(c) == code })) / total
					var n, refuted, decided, refutedOther, decidedOther int
					for i, s := range suspects {
						in := a.ofSuspect(s) == code
						if in {
							n++
						}
						if outcomes[i] == "" {
							continue
						}
						switch {
						case in:
							decided++
							if outcomes[i] == "weerlegd" {
								refuted++
							}
						default:
							decidedOther++
							if outcomes[i] == "weerlegd" {
								refutedOther++
							}
						}
					}
					share := float64(n) / float64(len(suspects))
					if math.Abs(share-inWorkforce) > 0.015 {
						t.Errorf("%s: %.3f of identified suspects, %.3f of the workforce", code, share, inWorkforce)
					}
					if decided < 20 {
						continue
					}
					p := fisherTwoSided(refuted, decided-refuted, refutedOther, decidedOther-refutedOther)
					if p < 0.2 {
						t.Errorf("%s: refuted %d of %d against %d of %d for the rest (Fisher p = %.3g)",
							code, refuted, decided, refutedOther, decidedOther, p)
					}
				}
			})
		}
	}
}

// fisherTwoSided is Fisher's exact test for the 2×2 table [[a b] [c d]]:
// the probability, given the margins, of a table no more likely than the
// observed one.
func fisherTwoSided(a, b, c, d int) float64 {
	row1, col1, n := a+b, a+c, a+b+c+d
	lf := func(k int) float64 { v, _ := math.Lgamma(float64(k) + 1); return v }
	prob := func(x int) float64 {
		return math.Exp(lf(row1) + lf(n-row1) + lf(col1) + lf(n-col1) -
			lf(n) - lf(x) - lf(row1-x) - lf(col1-x) - lf(n-row1-col1+x))
	}
	observed := prob(a)
	p := 0.0
	for x := max(0, row1+col1-n); x <= min(row1, col1); x++ {
		if px := prob(x); px <= observed*(1+1e-7) {
			p += px
		}
	}
	return math.Min(1, p)
}

func TestFisherTwoSided(t *testing.T) {
	// Fisher's lady tasting tea: 3 of 4 cups right each way, p = 0.4857
	// (Agresti, Categorical Data Analysis, 2nd ed., §3.5.1).
	if p := fisherTwoSided(3, 1, 1, 3); math.Abs(p-0.4857) > 5e-4 {
		t.Errorf("tea tasting p = %.4f, want 0.4857", p)
	}
	// R: fisher.test(matrix(c(1,11,9,3), 2)) gives p-value = 0.002759.
	if p := fisherTwoSided(1, 9, 11, 3); math.Abs(p-0.002759) > 5e-6 {
		t.Errorf("p = %.6f, want 0.002759", p)
	}
}

func TestData_LinkSpots(t *testing.T) {
	d := MustGenerate(t, demo.Options{Seed: 5})
	if err := d.LinkSpots(); err == nil {
		t.Fatal("LinkSpots before the dossiers have IDs: want an error")
	}
	for i, ds := range d.Dossiers {
		ds.ID = int64(1000 + i)
	}
	if err := d.LinkSpots(); err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Spots {
		if len(s.DossierIDs) != len(d.SpotDossiers[i]) {
			t.Fatalf("spot %d: %d IDs for %d links", i, len(s.DossierIDs), len(d.SpotDossiers[i]))
		}
		for k, j := range d.SpotDossiers[i] {
			if s.DossierIDs[k] != int64(1000+j) {
				t.Errorf("spot %d link %d: ID %d, want %d", i, k, s.DossierIDs[k], 1000+j)
			}
		}
		if err := s.Validate(cb); err != nil {
			t.Errorf("linked spot %d invalid: %v", i, err)
		}
	}
}

func TestSummary(t *testing.T) {
	d := MustGenerate(t, demo.Options{Seed: 2019, PlantDisparity: true})
	s := d.Summary(cb, "en")
	sum := func(cs []demo.Count) int {
		n := 0
		for _, c := range cs {
			n += c.N
		}
		return n
	}
	for name, cs := range map[string][]demo.Count{
		"year": s.ByYear, "unit": s.ByUnit, "allegation": s.ByAllegation, "outcome": s.ByOutcome, "channel": s.ByChannel,
	} {
		if got := sum(cs); got != 761 {
			t.Errorf("counts by %s sum to %d, want 761", name, got)
		}
	}
	if sum(s.SpotsByStatus) != len(d.Spots) || s.Spots != len(d.Spots) {
		t.Errorf("spot counts %d/%d, want %d", sum(s.SpotsByStatus), s.Spots, len(d.Spots))
	}
	if s.Units != 13 || s.Headcount < 50000 {
		t.Errorf("summary has %d units and headcount %d", s.Units, s.Headcount)
	}
	var buf bytes.Buffer
	if err := s.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"761", "2015", "2016", "Rotterdam", "Police Services Centre", "planted", fmt.Sprint(len(d.Spots))} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		if _, err := demo.Generate(demo.Options{Seed: 2019}, cb); err != nil {
			b.Fatal(err)
		}
	}
}
