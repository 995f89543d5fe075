package analysis_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"lekradar"
	"lekradar/analysis"
	"lekradar/demo"
)

var cb = lekradar.DefaultCodebook()

func boolp(b bool) *bool { return &b }

// newDossier is a minimal valid dossier of a department opened on a date.
func newDossier(dept, opened string) *lekradar.Dossier {
	d := lekradar.MustParseDate(opened)
	return &lekradar.Dossier{
		Department: dept,
		Allegation: "raadplegen",
		Phases:     []lekradar.PhaseEntry{{Phase: "ontvangen", Date: d}},
		Reports:    []lekradar.Report{{Channel: "collega", Received: d}},
	}
}

// withSuspect adds an identified suspect.
func withSuspect(d *lekradar.Dossier, rank, origin string) *lekradar.Dossier {
	d.Suspects = append(d.Suspects, lekradar.Suspect{Identified: true, Rank: rank, Unit: d.Department, SurnameOrigin: origin})
	return d
}

// decidedDossier is a closed dossier with one identified suspect and an
// outcome.
func decidedDossier(origin, outcome string) *lekradar.Dossier {
	d := withSuspect(newDossier("amsterdam", "2016-03-01"), "hoofdagent", origin)
	d.Phases = append(d.Phases, lekradar.PhaseEntry{Phase: "afgesloten", Date: lekradar.MustParseDate("2016-06-01")})
	d.SuspicionOutcome = outcome
	return d
}

func repeat(n int, f func() *lekradar.Dossier) []*lekradar.Dossier {
	out := make([]*lekradar.Dossier, n)
	for i := range out {
		out[i] = f()
	}
	return out
}

func mustBuild(t *testing.T, ds []*lekradar.Dossier, wf *lekradar.Workforce, spots []*lekradar.VulnerableSpot, opts analysis.Options) *analysis.Report {
	t.Helper()
	for i, d := range ds {
		if err := d.Validate(cb); err != nil {
			t.Fatalf("test dossier %d is invalid: %v", i, err)
		}
	}
	r, err := analysis.Build(cb, ds, wf, spots, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestUnitRates(t *testing.T) {
	wf := &lekradar.Workforce{Units: []lekradar.OrgUnit{
		{Unit: "noord_nederland", FTE: 1000},
		{Unit: "oost_nederland", FTE: 2000},
	}}
	var ds []*lekradar.Dossier
	ds = append(ds, repeat(10, func() *lekradar.Dossier { return newDossier("noord_nederland", "2015-05-01") })...)
	ds = append(ds, repeat(20, func() *lekradar.Dossier { return newDossier("oost_nederland", "2015-07-01") })...)
	// Outside the period: must not count.
	ds = append(ds, newDossier("noord_nederland", "2016-02-01"))
	opts := analysis.Options{From: lekradar.MustParseDate("2015-01-01"), To: lekradar.MustParseDate("2015-12-31")}
	r := mustBuild(t, ds, wf, nil, opts)

	if r.Totals.Dossiers != 30 || r.Period.Days != 365 {
		t.Fatalf("totals %d dossiers over %d days, want 30 over 365", r.Totals.Dossiers, r.Period.Days)
	}
	if len(r.UnitRates.Rows) != 2 {
		t.Fatalf("got %d unit rows, want 2 (units without FTE are left out)", len(r.UnitRates.Rows))
	}
	nn := r.UnitRates.Rows[0]
	if nn.Unit != "noord_nederland" || nn.Dossiers != 10 || nn.Rate != 10 {
		t.Errorf("noord_nederland: %d dossiers, rate %v; want 10 and 10 per 1,000 FTE", nn.Dossiers, nn.Rate)
	}
	// 10 events over 1,000 FTE: the exact Poisson interval of 10 (Ulm 1990
	// table: 4.7954–18.3904) per 1,000 FTE.
	if !near(nn.CI.Lo, 4.7954, 0.0001) || !near(nn.CI.Hi, 18.3904, 0.0001) {
		t.Errorf("noord_nederland CI = %+v, want [4.7954, 18.3904]", nn.CI)
	}
	if oo := r.UnitRates.Rows[1]; oo.Rate != 10 || oo.Expected != 20 {
		t.Errorf("oost_nederland rate %v expected %v, want 10 and 20", oo.Rate, oo.Expected)
	}
	// Counts exactly proportional to FTE: X² = 0, p = 1.
	if tt := r.UnitRates.Test; tt == nil || tt.Statistic != 0 || !near(tt.P, 1, 1e-12) || tt.DF != 1 {
		t.Errorf("homogeneity test = %+v, want X² 0, df 1, p 1", tt)
	}
	if r.UnitRates.Total.Dossiers != 30 || r.UnitRates.Total.Rate != 10 {
		t.Errorf("total = %+v, want 30 dossiers at 10 per 1,000 FTE", r.UnitRates.Total)
	}

	t.Run("unequal rates are detected", func(t *testing.T) {
		var ds []*lekradar.Dossier
		ds = append(ds, repeat(30, func() *lekradar.Dossier { return newDossier("noord_nederland", "2015-05-01") })...)
		ds = append(ds, repeat(10, func() *lekradar.Dossier { return newDossier("oost_nederland", "2015-05-01") })...)
		r := mustBuild(t, ds, wf, nil, analysis.Options{})
		// By hand: expected 40/3 and 80/3; X² = (30−13.33)²/13.33 + (10−26.67)²/26.67 = 31.25.
		if tt := r.UnitRates.Test; tt == nil || !near(tt.Statistic, 31.25, 1e-9) || tt.P > 1e-6 {
			t.Errorf("homogeneity test = %+v, want X² 31.25 and a tiny p", tt)
		}
	})
	t.Run("small expected counts are flagged", func(t *testing.T) {
		ds := []*lekradar.Dossier{newDossier("noord_nederland", "2015-05-01"), newDossier("oost_nederland", "2015-05-01")}
		r := mustBuild(t, ds, wf, nil, analysis.Options{})
		if !r.UnitRates.SmallExpected || len(r.UnitRates.Notes) == 0 {
			t.Error("expected counts under 1 not flagged")
		}
	})
	t.Run("no workforce", func(t *testing.T) {
		r := mustBuild(t, ds, nil, nil, analysis.Options{})
		if r.UnitRates.Test != nil || len(r.UnitRates.Notes) == 0 {
			t.Error("without FTE figures the report should say rates were not computed")
		}
	})
}

func TestRanks(t *testing.T) {
	wf := &lekradar.Workforce{Cells: []lekradar.WorkforceCell{
		{Unit: "amsterdam", Rank: "hoofdagent", Count: 100},
		{Unit: "amsterdam", Rank: "agent", Count: 300},
		{Unit: "amsterdam", Rank: "inspecteur", Count: 3},
	}}
	var ds []*lekradar.Dossier
	ds = append(ds, repeat(10, func() *lekradar.Dossier {
		return withSuspect(newDossier("amsterdam", "2015-05-01"), "hoofdagent", "nl")
	})...)
	ds = append(ds, repeat(10, func() *lekradar.Dossier { return withSuspect(newDossier("amsterdam", "2015-05-01"), "agent", "nl") })...)
	ds = append(ds, repeat(3, func() *lekradar.Dossier {
		return withSuspect(newDossier("amsterdam", "2015-05-01"), "inspecteur", "nl")
	})...)
	// An unidentified suspect does not count.
	d := newDossier("amsterdam", "2015-05-01")
	d.Suspects = []lekradar.Suspect{{Identified: false, Unit: "amsterdam"}}
	ds = append(ds, d)
	r := mustBuild(t, ds, wf, nil, analysis.Options{})

	if r.Ranks.Suspects != 23 || r.Ranks.Workforce != 403 {
		t.Fatalf("ranks count %d suspects and %d staff, want 23 and 403", r.Ranks.Suspects, r.Ranks.Workforce)
	}
	rows := map[string]analysis.RankRow{}
	for _, row := range r.Ranks.Rows {
		rows[row.Rank] = row
	}
	ha := rows["hoofdagent"]
	// By hand: (10/100)/(13/303) = 2.3308; Katz se = sqrt(1/10−1/100+1/13−1/303) = 0.40450,
	// CI = 2.3308·exp(∓1.95996·0.40450) = [1.0548, 5.1501].
	if ha.RR == nil || !near(ha.RR.RR, 2.3308, 0.0001) || !near(ha.RR.CI.Lo, 1.0548, 0.0005) || !near(ha.RR.CI.Hi, 5.1501, 0.0005) {
		t.Errorf("hoofdagent RR = %+v, want 2.3308 [1.0548, 5.1501]", ha.RR)
	}
	if ha.SuspectShare == nil || !near(*ha.SuspectShare, 10.0/23, 1e-12) {
		t.Errorf("hoofdagent suspect share = %v, want 10/23", ha.SuspectShare)
	}
	insp := rows["inspecteur"]
	if !insp.Suspects.Suppressed || !insp.Workforce.Suppressed || insp.RR != nil || insp.SuspectShare != nil {
		t.Errorf("inspecteur with 3 suspects and 3 staff must be suppressed without RR: %+v", insp)
	}
	b, err := json.Marshal(insp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"suspects":"\u003c5"`) && !strings.Contains(string(b), `"suspects":"<5"`) {
		t.Errorf("suppressed count marshals as %s, want \"<5\"", b)
	}
}

func TestDistributionsAndCrossTabs(t *testing.T) {
	shared := func(recipient string, ongoing *bool, harm string) *lekradar.Dossier {
		d := newDossier("rotterdam", "2016-01-10")
		d.Allegation = "verstrekken"
		d.Context = lekradar.LeakContext{Use: "gedeeld", Recipient: recipient, Initiative: "lekker", BenefitToCrime: boolp(recipient == "crimineel")}
		d.Items = []lekradar.LeakedItem{{SourceSystem: "bvh", InfoType: "lopend_onderzoek", OngoingInvestigation: ongoing, Harm: harm}}
		return d
	}
	ds := []*lekradar.Dossier{
		shared("crimineel", boolp(true), "ernstig"),
		shared("crimineel", boolp(true), "ernstig"),
		shared("crimineel", boolp(false), "beperkt"),
		shared("familie_partner", boolp(false), "geen"),
		shared("familie_partner", nil, ""),
		newDossier("rotterdam", "2016-02-10"),
	}
	ds[5].Means = []lekradar.MeansEntry{{Means: "logging"}, {Means: "logging"}, {Means: "verhoor_betrokkene"}}
	r := mustBuild(t, ds, nil, nil, analysis.Options{})

	rec := r.Distribution("recipient")
	if rec == nil || rec.N != 6 || rec.Known != 5 || rec.Unknown != 1 {
		t.Fatalf("recipient distribution = %+v, want 6 dossiers, 5 known", rec)
	}
	for _, row := range rec.Rows {
		want := map[string]int{"crimineel": 3, "familie_partner": 2}[row.Code]
		if row.Count != want {
			t.Errorf("recipient %s: %d, want %d", row.Code, row.Count, want)
		}
		if row.Code == "crimineel" && !near(row.Share, 0.6, 1e-12) {
			t.Errorf("crimineel share %v, want 0.6 of known", row.Share)
		}
	}
	means := r.Distribution("investigative_means")
	if means == nil || !means.MultiValued || means.Rows[0].Code != "logging" || means.Rows[0].Count != 1 {
		t.Errorf("means must count a means once per dossier: %+v", means)
	}
	if harm := r.Distribution("harm"); harm == nil || harm.Base != analysis.BaseItems || harm.N != 5 || harm.Unknown != 1 {
		t.Errorf("harm distribution = %+v, want 5 items, 1 unknown", harm)
	}

	crime := r.CrossTab("recipient_crimineel_ongoing_investigation")
	if crime == nil {
		t.Fatal("no criminal recipient × ongoing investigation table")
	}
	// Rows crimineel / overig; columns ja / nee / onbekend.
	if got := crime.Rows[0].Counts; got[0] != 2 || got[1] != 1 || got[2] != 0 {
		t.Errorf("crimineel row = %v, want [2 1 0]", got)
	}
	if got := crime.Rows[1].Counts; got[0] != 0 || got[1] != 1 || got[2] != 1 {
		t.Errorf("other recipient row = %v, want [0 1 1]", got)
	}
	harm := r.CrossTab("ongoing_investigation_harm")
	if harm == nil || harm.Rows[0].Code != "ja" || harm.Rows[0].Counts[2] != 2 {
		t.Errorf("ongoing × harm: ongoing items with serious harm should be 2: %+v", harm)
	}
}

func TestDurationsAndTrends(t *testing.T) {
	mk := func(days ...int) *lekradar.Dossier {
		d := newDossier("limburg", "2015-01-01")
		phases := []string{"triage", "vooronderzoek", "afgesloten"}
		date := d.Phases[0].Date
		for i, n := range days {
			date = date.AddDays(n)
			d.Phases = append(d.Phases, lekradar.PhaseEntry{Phase: phases[i], Date: date})
		}
		return d
	}
	ds := []*lekradar.Dossier{mk(1, 10, 20), mk(2, 10, 40), mk(3, 10, 60), mk(4, 10)}
	ds[3].Phases[0].Date = lekradar.MustParseDate("2015-04-01")
	for i := 1; i < len(ds[3].Phases); i++ {
		ds[3].Phases[i].Date = ds[3].Phases[i].Date.AddDays(90)
	}
	r := mustBuild(t, ds, nil, nil, analysis.Options{})
	var closedRow, triageRow *analysis.DurationRow
	for i, row := range r.Durations.FromReceived {
		switch row.Phase {
		case "afgesloten":
			closedRow = &r.Durations.FromReceived[i]
		case "triage":
			triageRow = &r.Durations.FromReceived[i]
		}
	}
	// Received → closed: 31, 52, 73 days; type 7 quartiles 41.5, 52, 62.5.
	if closedRow == nil || closedRow.N != 3 || closedRow.Median != 52 || closedRow.Q1 != 41.5 || closedRow.Q3 != 62.5 {
		t.Errorf("received → closed = %+v, want n 3, median 52, Q1 41.5, Q3 62.5", closedRow)
	}
	// Received → triage: 1, 2, 3, 4 days; median 2.5, Q1 1.75, Q3 3.25.
	if triageRow == nil || triageRow.Median != 2.5 || triageRow.Q1 != 1.75 || triageRow.Q3 != 3.25 {
		t.Errorf("received → triage = %+v, want median 2.5, Q1 1.75, Q3 3.25", triageRow)
	}
	for _, row := range r.Durations.InPhase {
		if row.Phase == "vooronderzoek" && (row.N != 3 || row.Ongoing != 1 || row.Median != 40) {
			t.Errorf("time in vooronderzoek = %+v, want 3 ended stays (median 40) and 1 ongoing", row)
		}
	}
	if len(r.Trends.Monthly) != 4 || r.Trends.Monthly[0].Dossiers != 3 || r.Trends.Monthly[1].Dossiers != 0 || r.Trends.Monthly[3].Dossiers != 1 {
		t.Errorf("monthly trend = %+v, want Jan 3, Feb 0, Mar 0, Apr 1", r.Trends.Monthly)
	}
	if len(r.Trends.Quarterly) != 2 || r.Trends.Quarterly[0].Period != "2015-Q1" || r.Trends.Quarterly[1].Dossiers != 1 {
		t.Errorf("quarterly trend = %+v", r.Trends.Quarterly)
	}
}

func TestHotspots(t *testing.T) {
	spot := func(area, unit, status string) *lekradar.VulnerableSpot {
		return &lekradar.VulnerableSpot{Area: area, Unit: unit, TeamKind: "basisteam", System: "bvh", Status: status,
			Description: "x", Identified: lekradar.MustParseDate("2016-01-01"), DossierIDs: []int64{1}}
	}
	spots := []*lekradar.VulnerableSpot{
		spot("toegangsrechten", "amsterdam", "gesignaleerd"),
		spot("toegangsrechten", "amsterdam", "gesloten"),
		spot("bewustzijn", "limburg", "maatregel_genomen"),
	}
	r := mustBuild(t, nil, nil, spots, analysis.Options{})
	h := r.Hotspots
	if h.Total != 3 || h.Open != 2 {
		t.Errorf("spots total %d open %d, want 3 and 2", h.Total, h.Open)
	}
	if h.ByArea.Rows[0].Code != "toegangsrechten" || h.ByArea.Rows[0].Count != 2 {
		t.Errorf("by area = %+v", h.ByArea.Rows[0])
	}
	if len(h.Top) != 1 || h.Top[0].Area != "toegangsrechten" || h.Top[0].Unit != "amsterdam" || h.Top[0].Spots != 2 {
		t.Errorf("top hotspots = %+v, want toegangsrechten in amsterdam with 2", h.Top)
	}
}

func TestQuality(t *testing.T) {
	var ds []*lekradar.Dossier
	for i := range 4 {
		d := newDossier("den_haag", "2016-01-01")
		if i < 2 {
			d.Context.Motive = "nieuwsgierigheid"
		}
		ds = append(ds, d)
	}
	d := newDossier("limburg", "2016-01-01")
	d.Context.Motive = "financieel"
	ds = append(ds, d)
	r := mustBuild(t, ds, nil, nil, analysis.Options{})
	motive := -1
	for i, f := range r.Quality.Fields {
		if f.ID == "motive" {
			motive = i
		}
	}
	if motive < 0 {
		t.Fatal("quality lists no motive field")
	}
	want := map[string]float64{"den_haag": 0.5, "limburg": 1}
	for _, row := range r.Quality.Rows {
		c := row.Cells[motive]
		if c.Share == nil || *c.Share != want[row.Department] {
			t.Errorf("%s motive completeness = %v, want %v", row.Department, c.Share, want[row.Department])
		}
	}
	if c := r.Quality.Overall.Cells[motive]; c.Known != 3 || c.Applicable != 5 {
		t.Errorf("overall motive = %d of %d, want 3 of 5", c.Known, c.Applicable)
	}
}

func TestFairness(t *testing.T) {
	// Two thirds nl, one third niet_nl: the suspect sets below (60 and 20
	// or 30) mirror or nearly mirror it.
	wf := &lekradar.Workforce{Cells: []lekradar.WorkforceCell{
		{Rank: "hoofdagent", SurnameOrigin: "nl", Count: 600},
		{Rank: "hoofdagent", SurnameOrigin: "niet_nl", Count: 300},
	}}
	group := func(origin string, refuted, other int) []*lekradar.Dossier {
		out := repeat(refuted, func() *lekradar.Dossier { return decidedDossier(origin, "weerlegd") })
		return append(out, repeat(other, func() *lekradar.Dossier { return decidedDossier(origin, "bevestigd") })...)
	}
	t.Run("disparity is found and stated", func(t *testing.T) {
		ds := append(group("nl", 10, 50), group("niet_nl", 15, 5)...)
		r := mustBuild(t, ds, wf, nil, analysis.Options{})
		f := r.Fairness
		var found *analysis.Finding
		for i := range f.Findings {
			if f.Findings[i].Group == "niet_nl" && f.Findings[i].Kind == "refutation" {
				found = &f.Findings[i]
			}
		}
		if found == nil {
			t.Fatalf("no refutation finding for niet_nl; conclusion: %s", f.Conclusion.EN)
		}
		// niet_nl: 15 of 20 refuted (75%); others 10 of 60 (17%).
		if found.Direction != "higher" || !strings.Contains(found.Text.EN, "75%") || !strings.Contains(found.Text.EN, "17%") ||
			!strings.Contains(found.Text.NL, "vaker weerlegd") {
			t.Errorf("finding = %+v", found)
		}
		if found.PAdjusted < found.P || found.PAdjusted >= 0.05 {
			t.Errorf("adjusted p %v should be ≥ raw p %v and < 0.05", found.PAdjusted, found.P)
		}
	})
	t.Run("equal rates give no finding", func(t *testing.T) {
		ds := append(group("nl", 10, 50), group("niet_nl", 5, 25)...)
		r := mustBuild(t, ds, wf, nil, analysis.Options{})
		if len(r.Fairness.Findings) != 0 {
			t.Errorf("findings on equal rates: %+v", r.Fairness.Findings)
		}
		if !strings.Contains(r.Fairness.Conclusion.EN, "not proof of equality") || !strings.Contains(r.Fairness.Conclusion.NL, "geen bewijs van gelijkheid") {
			t.Errorf("conclusion lacks the not-proof statement: %+v", r.Fairness.Conclusion)
		}
	})
	t.Run("cells under 5 are suppressed and not tested", func(t *testing.T) {
		// niet_nl: 4 decided, all refuted — a striking rate that must not
		// be shown or tested.
		ds := append(group("nl", 10, 50), group("niet_nl", 4, 0)...)
		r := mustBuild(t, ds, wf, nil, analysis.Options{})
		origin := r.Fairness.Attributes[0]
		if origin.Field != "surname_origin" {
			t.Fatalf("first attribute %s, want surname_origin", origin.Field)
		}
		for _, row := range origin.Refutation.Rows {
			if row.Code != "niet_nl" {
				continue
			}
			if !row.Decided.Suppressed || !row.Refuted.Suppressed || row.Rate != nil || row.P != nil || row.RestRate != nil {
				t.Errorf("niet_nl row with 4 decided not suppressed: %+v", row)
			}
			if row.Decided.N != 0 {
				t.Errorf("suppressed count keeps its value %d", row.Decided.N)
			}
		}
		for _, row := range origin.Shares.Rows {
			if row.Code == "niet_nl" && (!row.Suspects.Suppressed || row.P != nil) {
				t.Errorf("niet_nl share with 4 suspects not suppressed: %+v", row)
			}
		}
		if len(r.Fairness.Findings) != 0 || r.Fairness.Untested == 0 {
			t.Errorf("findings %v, untested %d: a suppressed cell must give no finding and count as untested", r.Fairness.Findings, r.Fairness.Untested)
		}
		b, _ := json.Marshal(origin.Refutation)
		if strings.Contains(string(b), `"decided":4`) {
			t.Errorf("JSON discloses the suppressed count: %s", b)
		}
	})
}

func TestFairnessHiddenGroupEntersNoFigure(t *testing.T) {
	group := func(origin string, refuted, other int) []*lekradar.Dossier {
		out := repeat(refuted, func() *lekradar.Dossier { return decidedDossier(origin, "weerlegd") })
		return append(out, repeat(other, func() *lekradar.Dossier { return decidedDossier(origin, "bevestigd") })...)
	}
	// onbekend: 6 decided of which 2 refuted — hidden. Were it part of the
	// totals, total refuted minus the shown groups would give away the 2.
	ds := append(group("nl", 10, 50), group("niet_nl", 15, 5)...)
	ds = append(ds, group("onbekend", 2, 4)...)
	r := mustBuild(t, ds, nil, nil, analysis.Options{})
	rt := r.Fairness.Attributes[0].Refutation
	if rt.Decided != 80 || rt.Refuted != 25 {
		t.Errorf("refutation totals %d decided, %d refuted; want 80 and 25 (shown groups only)", rt.Decided, rt.Refuted)
	}
	for _, row := range rt.Rows {
		switch row.Code {
		case "niet_nl":
			// The others are nl alone: 10 of 60.
			if row.RestRate == nil || !near(*row.RestRate, 10.0/60, 1e-12) {
				t.Errorf("niet_nl rest rate = %v, want 10/60", row.RestRate)
			}
		case "onbekend":
			if row.Decided.Suppressed || row.Decided.N != 6 || !row.Refuted.Suppressed || row.Rate != nil {
				t.Errorf("onbekend row = %+v, want 6 decided shown and the refuted count hidden", row)
			}
		}
	}
}

func TestFairnessOnDemoData(t *testing.T) {
	t.Run("planted disparity is reported", func(t *testing.T) {
		data, err := demo.Generate(demo.Options{Seed: 2019, PlantDisparity: true}, cb)
		if err != nil {
			t.Fatal(err)
		}
		r := mustBuild(t, data.Dossiers, data.Workforce, data.Spots, analysis.Options{})
		ok := false
		for _, f := range r.Fairness.Findings {
			if f.Attribute == "surname_origin" && f.Group == "niet_nl" && f.Kind == "refutation" && f.Direction == "higher" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no surname_origin refutation finding with the planted disparity; findings %+v", r.Fairness.Findings)
		}
	})
	for _, seed := range []uint64{2019, 1, 2, 3, 42} {
		t.Run("no finding without planting, seed "+jsonNum(seed), func(t *testing.T) {
			data, err := demo.Generate(demo.Options{Seed: seed}, cb)
			if err != nil {
				t.Fatal(err)
			}
			r := mustBuild(t, data.Dossiers, data.Workforce, data.Spots, analysis.Options{})
			if len(r.Fairness.Findings) != 0 {
				t.Errorf("false finding(s) on seed %d: %+v", seed, r.Fairness.Findings)
			}
			if r.Fairness.Tests == 0 {
				t.Error("the monitor ran no test on the demo data")
			}
		})
	}
}

func TestDemoReport(t *testing.T) {
	data, err := demo.Generate(demo.Options{Seed: 2019}, cb)
	if err != nil {
		t.Fatal(err)
	}
	r := mustBuild(t, data.Dossiers, data.Workforce, data.Spots, analysis.Options{Lang: "en"})
	if r.Totals.Dossiers != demo.DossierCount || len(r.UnitRates.Rows) != 13 || r.UnitRates.Test == nil {
		t.Fatalf("demo report: %d dossiers, %d unit rows, test %v", r.Totals.Dossiers, len(r.UnitRates.Rows), r.UnitRates.Test)
	}
	// The study found hoofdagenten and brigadiers over-represented; the
	// demo data are shaped after it.
	for _, row := range r.Ranks.Rows {
		if (row.Rank == "hoofdagent" || row.Rank == "brigadier") && (row.RR == nil || row.RR.CI.Lo <= 1) {
			t.Errorf("%s: relative risk %+v, want one clearly above 1", row.Rank, row.RR)
		}
	}
	if r.Hotspots.Total != len(data.Spots) || len(r.Quality.Rows) != 13 {
		t.Errorf("hotspots %d (want %d), quality rows %d (want 13)", r.Hotspots.Total, len(data.Spots), len(r.Quality.Rows))
	}
	if r.Distribution("recipient").Rows[0].Label == "" || r.Lang != "en" {
		t.Error("labels missing")
	}
}

func TestBuildRejectsBadOptions(t *testing.T) {
	for _, opts := range []analysis.Options{
		{Lang: "de"},
		{From: lekradar.MustParseDate("2016-01-01"), To: lekradar.MustParseDate("2015-01-01")},
		{Level: 1.5},
	} {
		if _, err := analysis.Build(cb, nil, nil, nil, opts); err == nil {
			t.Errorf("options %+v accepted", opts)
		}
	}
}

func jsonNum(n uint64) string { b, _ := json.Marshal(n); return string(b) }

func BenchmarkBuildDemo(b *testing.B) {
	data, err := demo.Generate(demo.Options{Seed: 2019}, cb)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := analysis.Build(cb, data.Dossiers, data.Workforce, data.Spots, analysis.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
