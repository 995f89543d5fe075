package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"lekradar"
)

// Shares taken from the public figures (SPEC §1, docs/synthetic-data.md).
const (
	unknownShare           = 0.44 // leaker stayed unknown
	confirmedShare         = 1.0 / 3
	criminalRecipientShare = 0.20 // among disclosures
)

// detailStream is the first PCG stream of the per-dossier streams.
const detailStream = 1 << 20

// draft is a dossier under construction with the facts the generator needs
// across its passes.
type draft struct {
	d          *lekradar.Dossier
	unit       string
	opened     lekradar.Date
	disclosure bool   // verstrekken or beide
	recipient  string // for disclosures
	unknown    bool   // the leaker stayed unknown
	suspect    *person
	profile    profile // group profile dealt to an identified suspect
	criminal   bool    // a criminal investigation was opened
	closed     bool
	closedOn   lekradar.Date
	// Start and end of the investigative work (vooronderzoek to the last
	// investigation phase), clipped to ReferenceDate.
	workFrom, workTo lekradar.Date
}

func (dr *draft) toCriminal() bool { return dr.recipient == "crimineel" }

// Seasonal weights of reports per month: a little quieter in summer and
// around the year's end.
var monthWeights = []float64{1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.82, 0.85, 1.05, 1.1, 1.05, 0.9}

func generateDossiers(r *rand.Rand, opts Options, cb *lekradar.Codebook, org *organisation) ([]*lekradar.Dossier, error) {
	ord := newOrdering(cb)
	drafts := openDrafts(r, cb, ord)

	// Allegation and, for disclosures, the recipient. Exactly a fifth of
	// disclosures go to criminals; the rest follow the mix below.
	var disclosures []int
	for i, dr := range drafts {
		dr.d.Allegation = pick(r, []choice[string]{{"raadplegen", 55}, {"verstrekken", 20}, {"beide", 25}})
		if dr.d.Allegation != "raadplegen" {
			dr.disclosure = true
			disclosures = append(disclosures, i)
		}
	}
	nCriminal := int(math.Round(criminalRecipientShare * float64(len(disclosures))))
	toCriminal := map[int]bool{}
	for _, j := range sampleWithoutReplacement(r, uniform(len(disclosures)), nCriminal) {
		toCriminal[disclosures[j]] = true
	}
	for _, i := range disclosures {
		if toCriminal[i] {
			drafts[i].recipient = "crimineel"
			continue
		}
		drafts[i].recipient = pick(r, []choice[string]{
			{"familie_partner", 30}, {"vriend_kennis", 37}, {"collega", 6}, {"media", 5},
			{"commercieel", 5}, {"onbekend", 17},
		})
	}

	// Which leakers stay unknown: exactly 44%, more often when information
	// was passed on (the source of a disclosure is harder to trace than a
	// look-up, which the logs record).
	weights := make([]float64, len(drafts))
	for i, dr := range drafts {
		switch dr.d.Allegation {
		case "raadplegen":
			weights[i] = 0.7
		case "beide":
			weights[i] = 1.0
		default:
			weights[i] = 1.6
		}
		if dr.toCriminal() {
			weights[i] *= 1.4
		}
	}
	for _, i := range sampleWithoutReplacement(r, weights, int(math.Round(unknownShare*DossierCount))) {
		drafts[i].unknown = true
	}

	dealProfiles(r, drafts, org)
	for _, dr := range drafts {
		drawSuspect(r, dr, org)
		drawPath(r, dr)
	}
	assignOutcomes(r, opts, drafts)
	// The details of each dossier come from a stream of its own, so that a
	// planted disparity changes the outcomes it targets and nothing else.
	for i, dr := range drafts {
		rd := newRand(opts.Seed, detailStream+uint64(i))
		drawItemsAndContext(rd, dr)
		drawReports(rd, dr, cb)
		drawMeans(rd, dr, ord)
		dr.d.Summary = dossierSummary(dr)
		drawDisposition(rd, dr) // last: it alone depends on the outcome
	}

	out := make([]*lekradar.Dossier, len(drafts))
	for i, dr := range drafts {
		out[i] = dr.d
	}
	return out, nil
}

func uniform(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	return w
}

// openDrafts spreads the 761 dossiers over the units, roughly in proportion
// to FTE with modest variation, and over 2015–2016, and numbers them per
// department and year in date order.
func openDrafts(r *rand.Rand, cb *lekradar.Codebook, ord ordering) []*draft {
	weights := make([]float64, len(unitProfiles))
	for i, up := range unitProfiles {
		factor := 1 + 0.12*r.NormFloat64()
		factor = max(0.75, min(1.25, factor))
		weights[i] = up.fte * factor
	}
	perUnit := apportion(DossierCount, weights)

	months := make([]choice[time.Month], 12)
	for m := range 12 {
		months[m] = choice[time.Month]{time.Month(m + 1), monthWeights[m]}
	}
	var drafts []*draft
	for i, up := range unitProfiles {
		for range perUnit[i] {
			year := 2015
			if chance(r, 0.5) {
				year = 2016
			}
			month := pick(r, months)
			days := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
			opened := lekradar.Date{Year: year, Month: month, Day: 1 + r.IntN(days)}
			drafts = append(drafts, &draft{
				d:      &lekradar.Dossier{Department: up.unit},
				unit:   up.unit,
				opened: opened,
			})
		}
	}
	// Sequence numbers follow the opening date within department and year.
	slices.SortStableFunc(drafts, func(a, b *draft) int {
		return cmp.Or(ord.cmp(lekradar.FieldUnit, a.unit, b.unit), cmp.Compare(a.opened.Year, b.opened.Year),
			a.opened.Time().Compare(b.opened.Time()))
	})
	seq := map[string]int{}
	for _, dr := range drafts {
		key := fmt.Sprintf("%s/%d", dr.unit, dr.opened.Year)
		seq[key]++
		dr.d.RegNo = lekradar.FormatRegNo(cb.UnitAbbr(dr.unit), dr.opened.Year, seq[key])
	}
	// The register lists dossiers in the order they were opened.
	slices.SortStableFunc(drafts, func(a, b *draft) int {
		return cmp.Or(a.opened.Time().Compare(b.opened.Time()), cmp.Compare(a.d.RegNo, b.d.RegNo))
	})
	return drafts
}

// dealProfiles gives every identified suspect a group profile (surname
// origin, gender, age band, tenure band) such that the suspects mirror the
// workforce on each attribute: a systematic sample of the workforce sorted
// by profile, in random order. The suspect is then drawn by position among
// the unit's staff with that profile, so that ranks are over-represented as
// the study found while the group attributes are not, and a fairness monitor
// has nothing to find unless a disparity is planted.
func dealProfiles(r *rand.Rand, drafts []*draft, org *organisation) {
	var identified []*draft
	for _, dr := range drafts {
		if !dr.unknown {
			identified = append(identified, dr)
		}
	}
	total := 0
	for _, pc := range org.profiles {
		total += pc.n
	}
	dealt := make([]profile, 0, len(identified))
	u := r.Float64()
	k, cum := 0, org.profiles[0].n
	for j := range identified {
		target := int((float64(j) + u) * float64(total) / float64(len(identified)))
		for target >= cum {
			k++
			cum += org.profiles[k].n
		}
		dealt = append(dealt, org.profiles[k].profile)
	}
	r.Shuffle(len(dealt), func(a, b int) { dealt[a], dealt[b] = dealt[b], dealt[a] })
	for j, dr := range identified {
		dr.profile = dealt[j]
	}
}

// drawSuspect records the suspect: an identified employee drawn from the
// unit by position, or for an unknown leaker sometimes a placeholder that
// records what is known (the unit, at times the team kind).
func drawSuspect(r *rand.Rand, dr *draft, org *organisation) {
	if !dr.unknown {
		p := org.byUnit[dr.unit].drawSuspect(r, dr.profile)
		dr.suspect = &p
		exec := p.executive
		dr.d.Suspects = []lekradar.Suspect{{
			Identified: true, EmployeeRef: p.ref, Rank: p.rank, Unit: p.unit, TeamKind: p.team,
			Executive:     &exec,
			SurnameOrigin: p.origin, Gender: p.gender, AgeBand: p.age, TenureBand: p.tenure,
		}}
		return
	}
	if chance(r, 0.4) {
		s := lekradar.Suspect{Identified: false, Unit: dr.unit}
		if chance(r, 0.3) {
			s.TeamKind = pick(r, regionalTeams)
			if dr.unit == "pdc" || dr.unit == "staf_korpsleiding" || dr.unit == "landelijke_eenheid" {
				s.TeamKind = ""
			}
		}
		dr.d.Suspects = []lekradar.Suspect{s}
	}
}

// drawPath builds the phase history: ontvangen → triage → vooronderzoek →
// strafrechtelijk and/or disciplinair onderzoek → besluitvorming →
// afgesloten, cut off at ReferenceDate.
func drawPath(r *rand.Rand, dr *draft) {
	switch {
	case dr.toCriminal():
		dr.criminal = chance(r, 0.85)
	case dr.recipient == "media" || dr.recipient == "commercieel":
		dr.criminal = chance(r, 0.35)
	case dr.disclosure:
		dr.criminal = chance(r, 0.08)
	default:
		dr.criminal = chance(r, 0.02)
	}
	// Contractors fall outside the civil-service disciplinary law: their
	// contract is ended instead.
	disciplinary := !dr.unknown && dr.suspect.rank != "extern"

	type step struct {
		phase string
		days  int // days spent in the previous phase before this one
	}
	steps := []step{{"ontvangen", 0}, {"triage", between(r, 0, 7, 1.8)}, {"vooronderzoek", between(r, 1, 21, 1.5)}}
	if dr.criminal {
		steps = append(steps, step{"strafrechtelijk_onderzoek", between(r, 7, 45, 1.3)})
	}
	if dr.unknown {
		last := between(r, 20, 120, 1.3)
		if dr.criminal {
			last = between(r, 60, 360, 1.4)
		}
		steps = append(steps, step{"afgesloten", last})
	} else {
		if disciplinary {
			d := between(r, 14, 90, 1.3)
			if dr.criminal {
				d = between(r, 60, 400, 1.4)
			}
			steps = append(steps, step{"disciplinair_onderzoek", d})
			steps = append(steps, step{"besluitvorming", between(r, 30, 180, 1.4)})
		} else {
			d := between(r, 14, 60, 1.3)
			if dr.criminal {
				d = between(r, 60, 400, 1.4)
			}
			steps = append(steps, step{"besluitvorming", d})
		}
		steps = append(steps, step{"afgesloten", between(r, 14, 90, 1.5)})
	}

	date := dr.opened
	dr.workFrom = lekradar.Date{}
	for _, s := range steps {
		date = date.AddDays(s.days)
		if date.After(ReferenceDate) {
			break
		}
		dr.d.Phases = append(dr.d.Phases, lekradar.PhaseEntry{Phase: s.phase, Date: date})
		switch s.phase {
		case "vooronderzoek":
			dr.workFrom = date
		case "besluitvorming", "afgesloten":
			if dr.workTo.IsZero() {
				dr.workTo = date
			}
		}
		if s.phase == "afgesloten" {
			dr.closed = true
			dr.closedOn = date
		}
	}
	if dr.workFrom.IsZero() {
		dr.workFrom = dr.d.Phases[len(dr.d.Phases)-1].Date
	}
	if dr.workTo.IsZero() {
		dr.workTo = ReferenceDate
	}
}

// assignOutcomes decides the suspicion outcome. Unknown leakers are
// verdachte_onbekend. Among decided dossiers with an identified suspect the
// outcomes are dealt by quota within each surname-origin group, so that the
// refutation rate is the same for every group unless a disparity is planted
// on purpose, and about a third of all dossiers end bevestigd.
func assignOutcomes(r *rand.Rand, opts Options, drafts []*draft) {
	var decided []int
	for i, dr := range drafts {
		switch {
		case dr.unknown:
			dr.d.SuspicionOutcome = "verdachte_onbekend"
		case dr.closed:
			decided = append(decided, i)
		}
	}
	confirmRate := float64(int(math.Round(confirmedShare*DossierCount))) / float64(len(decided))
	groups := []struct {
		origins    []string
		refutation float64
	}{
		{[]string{"nl", "onbekend"}, baseRefutationRate},
		{[]string{"niet_nl"}, baseRefutationRate},
	}
	if opts.PlantDisparity {
		groups[1].refutation = plantedRefutationRate
	}
	for _, g := range groups {
		var members []int
		for _, i := range decided {
			if slices.Contains(g.origins, drafts[i].suspect.origin) {
				members = append(members, i)
			}
		}
		n := float64(len(members))
		refuted := int(math.Round(g.refutation * n))
		confirmed := int(math.Round(min(confirmRate, 1-g.refutation-0.15) * n))
		rest := members
		for _, deal := range []struct {
			outcome string
			k       int
		}{{"weerlegd", refuted}, {"bevestigd", confirmed}} {
			picked := balancedPick(r, rest, deal.k, func(i int) []string {
				p := drafts[i].suspect
				return []string{p.origin, p.gender, p.age, p.tenure}
			})
			var left []int
			for _, i := range rest {
				if picked[i] {
					drafts[i].d.SuspicionOutcome = deal.outcome
				} else {
					left = append(left, i)
				}
			}
			rest = left
		}
		for _, i := range rest {
			drafts[i].d.SuspicionOutcome = "niet_bevestigd"
		}
	}
}

// balancedPick picks k of members at random, but so that every level of
// every attribute gets as nearly as possible its proportional share of the
// k: at each step it takes the member whose levels are furthest behind
// their share. An outcome dealt this way has the same rate in every group.
func balancedPick(r *rand.Rand, members []int, k int, attrs func(i int) []string) map[int]bool {
	picked := make(map[int]bool, k)
	if k <= 0 || len(members) == 0 {
		return picked
	}
	order := slices.Clone(members)
	r.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	levelOf := make([][]string, len(order))
	size := map[string]float64{}
	for j, i := range order {
		for a, v := range attrs(i) {
			key := fmt.Sprintf("%d/%s", a, v)
			levelOf[j] = append(levelOf[j], key)
			size[key]++
		}
	}
	rate := float64(k) / float64(len(order))
	got := map[string]float64{}
	for range min(k, len(order)) {
		best, bestScore := -1, math.Inf(-1)
		for j, i := range order {
			if picked[i] {
				continue
			}
			score := 0.0
			for _, key := range levelOf[j] {
				score += rate*size[key] - got[key]
			}
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		picked[order[best]] = true
		for _, key := range levelOf[best] {
			got[key]++
		}
	}
	return picked
}

// drawDisposition sets the disciplinary measure (Barp) and the criminal
// outcome of closed dossiers, consistent with the suspicion outcome.
func drawDisposition(r *rand.Rand, dr *draft) {
	if !dr.closed {
		return
	}
	d := dr.d
	d.DisciplinaryMeasure = "geen"
	d.CriminalOutcome = "geen"
	if d.SuspicionOutcome == "bevestigd" {
		if dr.suspect.rank != "extern" {
			switch {
			case dr.toCriminal():
				d.DisciplinaryMeasure = pick(r, []choice[string]{
					{"schriftelijke_berisping", 4}, {"geldboete", 5}, {"inhouding_bezoldiging", 8},
					{"overplaatsing", 6}, {"schorsing", 4}, {"voorwaardelijk_ontslag", 15}, {"strafontslag", 58},
				})
			case dr.disclosure:
				d.DisciplinaryMeasure = pick(r, []choice[string]{
					{"aanspreken", 15}, {"schriftelijke_berisping", 33}, {"vermindering_verlof", 4},
					{"geldboete", 14}, {"inhouding_bezoldiging", 9}, {"overplaatsing", 8},
					{"voorwaardelijk_ontslag", 10}, {"strafontslag", 7},
				})
			default:
				d.DisciplinaryMeasure = pick(r, []choice[string]{
					{"aanspreken", 40}, {"schriftelijke_berisping", 35}, {"vermindering_verlof", 5},
					{"geldboete", 8}, {"inhouding_bezoldiging", 5}, {"overplaatsing", 4},
					{"voorwaardelijk_ontslag", 2}, {"strafontslag", 1},
				})
			}
		}
		if dr.criminal {
			d.CriminalOutcome = pick(r, []choice[string]{
				{"geen", 10}, {"sepot", 22}, {"transactie", 8}, {"strafbeschikking", 15},
				{"veroordeling", 38}, {"vrijspraak", 7},
			})
		}
		return
	}
	if dr.criminal && !dr.unknown {
		d.CriminalOutcome = pick(r, []choice[string]{{"geen", 25}, {"sepot", 65}, {"vrijspraak", 10}})
	}
}

// Source systems and the kind of information each mostly holds.
var (
	lookupSystems = []choice[string]{
		{"bvh", 40}, {"brp", 17}, {"rdw", 12}, {"blueview", 13}, {"meos", 8}, {"summit", 6}, {"bvi", 4},
	}
	disclosureSystems = []choice[string]{
		{"bvh", 33}, {"brp", 13}, {"rdw", 9}, {"blueview", 10}, {"meos", 5}, {"email", 8},
		{"mondeling", 14}, {"overig", 8},
	}
	criminalSystems = []choice[string]{
		{"bvh", 24}, {"bvi", 20}, {"summit", 20}, {"blueview", 10}, {"cie", 10}, {"mondeling", 12}, {"meos", 4},
	}
	infoBySystem = map[string][]choice[string]{
		"bvh":       {{"persoonsgegevens", 48}, {"adresgegevens", 20}, {"lopend_onderzoek", 10}, {"intern", 10}, {"voertuiggegevens", 6}, {"overig", 6}},
		"brp":       {{"persoonsgegevens", 60}, {"adresgegevens", 40}},
		"rdw":       {{"voertuiggegevens", 85}, {"persoonsgegevens", 15}},
		"blueview":  {{"persoonsgegevens", 55}, {"adresgegevens", 20}, {"lopend_onderzoek", 12}, {"beeldmateriaal", 5}, {"intern", 8}},
		"meos":      {{"persoonsgegevens", 50}, {"voertuiggegevens", 30}, {"adresgegevens", 20}},
		"summit":    {{"lopend_onderzoek", 70}, {"persoonsgegevens", 30}},
		"bvi":       {{"lopend_onderzoek", 60}, {"operationele_info", 20}, {"persoonsgegevens", 20}},
		"cie":       {{"lopend_onderzoek", 60}, {"operationele_info", 30}, {"persoonsgegevens", 10}},
		"email":     {{"intern", 45}, {"persoonsgegevens", 30}, {"beeldmateriaal", 15}, {"overig", 10}},
		"mondeling": {{"persoonsgegevens", 35}, {"operationele_info", 25}, {"intern", 25}, {"adresgegevens", 15}},
		"overig":    {{"beeldmateriaal", 40}, {"intern", 30}, {"overig", 30}},
	}
)

func isInvestigationInfo(infoType string) bool {
	return infoType == "lopend_onderzoek" || infoType == "operationele_info"
}

// drawItemsAndContext draws what leaked and the recipient dimension.
func drawItemsAndContext(r *rand.Rand, dr *draft) {
	d := dr.d
	f := false
	t := true
	ctx := &d.Context
	switch {
	case !dr.disclosure:
		n := pick(r, []choice[int]{{1, 60}, {2, 30}, {3, 10}})
		for range n {
			d.Items = append(d.Items, lookupItem(r))
		}
		if chance(r, 0.88) {
			ctx.Use = "eigen_gebruik"
			ctx.Recipient = "geen"
		}
		ctx.Initiative = "lekker"
		ctx.BenefitToCrime = &f
		ctx.Motive = pick(r, []choice[string]{
			{"nieuwsgierigheid", 55}, {"onoplettendheid", 15}, {"persoonlijk_belang", 14},
			{"hulp_aan_bekende", 8}, {"onbekend", 8},
		})
		if dr.unknown && chance(r, 0.6) {
			ctx.Motive = "onbekend"
		}
	case dr.toCriminal():
		if d.Allegation == "beide" {
			d.Items = append(d.Items, lookupItem(r))
		}
		n := pick(r, []choice[int]{{1, 65}, {2, 35}})
		for range n {
			it := lekradar.LeakedItem{SourceSystem: pick(r, criminalSystems)}
			ongoing := chance(r, 0.8)
			if ongoing {
				it.InfoType = pick(r, []choice[string]{{"lopend_onderzoek", 65}, {"operationele_info", 35}})
				it.Harm = pick(r, []choice[string]{{"ernstig", 80}, {"beperkt", 20}})
			} else {
				it.InfoType = pick(r, []choice[string]{{"persoonsgegevens", 50}, {"adresgegevens", 25}, {"voertuiggegevens", 25}})
				it.Harm = pick(r, []choice[string]{{"ernstig", 30}, {"beperkt", 60}, {"geen", 10}})
			}
			it.OngoingInvestigation = &ongoing
			it.Description = itemDescription(it)
			d.Items = append(d.Items, it)
		}
		ctx.Use = "gedeeld"
		ctx.Recipient = "crimineel"
		ctx.Initiative = pick(r, []choice[string]{{"lekker", 85}, {"ontvanger", 12}, {"onduidelijk", 3}})
		if chance(r, 0.92) {
			ctx.BenefitToCrime = &t
		}
		ctx.Motive = pick(r, []choice[string]{
			{"financieel", 28}, {"hulp_aan_bekende", 25}, {"druk_dwang", 14}, {"persoonlijk_belang", 10},
			{"onoplettendheid", 5}, {"onbekend", 18},
		})
	default:
		if d.Allegation == "beide" {
			d.Items = append(d.Items, lookupItem(r))
		}
		n := pick(r, []choice[int]{{1, 70}, {2, 30}})
		for range n {
			sys := pick(r, disclosureSystems)
			it := lekradar.LeakedItem{SourceSystem: sys, InfoType: pick(r, infoBySystem[sys])}
			if dr.recipient == "media" && chance(r, 0.5) {
				it.InfoType = pick(r, []choice[string]{{"beeldmateriaal", 50}, {"intern", 35}, {"operationele_info", 15}})
			}
			ongoing := isInvestigationInfo(it.InfoType)
			it.OngoingInvestigation = &ongoing
			if ongoing {
				it.Harm = pick(r, []choice[string]{{"beperkt", 55}, {"ernstig", 40}, {"geen", 5}})
			} else {
				it.Harm = pick(r, []choice[string]{{"geen", 35}, {"beperkt", 55}, {"ernstig", 10}})
			}
			it.Description = itemDescription(it)
			d.Items = append(d.Items, it)
		}
		ctx.Use = "gedeeld"
		ctx.Recipient = dr.recipient
		ctx.Initiative = pick(r, []choice[string]{{"lekker", 94}, {"ontvanger", 2}, {"onduidelijk", 4}})
		ctx.BenefitToCrime = &f
		switch dr.recipient {
		case "media":
			ctx.Motive = pick(r, []choice[string]{{"ideologisch", 30}, {"onoplettendheid", 30}, {"onbekend", 40}})
		case "commercieel":
			ctx.Motive = pick(r, []choice[string]{{"financieel", 50}, {"hulp_aan_bekende", 20}, {"onbekend", 30}})
		default:
			ctx.Motive = pick(r, []choice[string]{
				{"onoplettendheid", 40}, {"hulp_aan_bekende", 24}, {"nieuwsgierigheid", 8},
				{"persoonlijk_belang", 10}, {"onbekend", 18},
			})
		}
	}
	if dr.unknown && dr.disclosure && chance(r, 0.5) {
		ctx.Motive = "onbekend"
		if ctx.Initiative == "lekker" && chance(r, 0.3) {
			ctx.Initiative = "onduidelijk"
		}
	}
}

// lookupItem is one record looked up in a police system.
func lookupItem(r *rand.Rand) lekradar.LeakedItem {
	sys := pick(r, lookupSystems)
	it := lekradar.LeakedItem{SourceSystem: sys, InfoType: pick(r, infoBySystem[sys])}
	switch {
	case isInvestigationInfo(it.InfoType):
		t := true
		it.OngoingInvestigation = &t
		it.Harm = pick(r, []choice[string]{{"geen", 30}, {"beperkt", 50}, {"ernstig", 20}})
	case chance(r, 0.06):
		// unknown whether it touched an investigation
		it.Harm = pick(r, []choice[string]{{"geen", 70}, {"beperkt", 30}})
	default:
		f := false
		it.OngoingInvestigation = &f
		it.Harm = pick(r, []choice[string]{{"geen", 72}, {"beperkt", 26}, {"ernstig", 2}})
	}
	it.Description = itemDescription(it)
	return it
}

// drawMeans records the investigative means used, dated within the
// investigation: look-up logs above all, then interviews; intrusive means
// only in criminal investigations.
func drawMeans(r *rand.Rand, dr *draft, ord ordering) {
	d := dr.d
	strafFrom, inCriminal := d.PhaseDate("strafrechtelijk_onderzoek")
	discFrom, inDisc := d.PhaseDate("disciplinair_onderzoek")
	lookups := d.Allegation != "verstrekken"
	during := func(from lekradar.Date, early float64) lekradar.Date {
		span := max(0, from.DaysUntil(dr.workTo))
		return from.AddDays(int(float64(span) * early * r.Float64()))
	}
	add := func(means string, on lekradar.Date) {
		if on.After(ReferenceDate) {
			return
		}
		d.Means = append(d.Means, lekradar.MeansEntry{Means: means, Date: on})
	}
	pLogging := 0.65
	if lookups {
		pLogging = 0.92
	}
	if chance(r, pLogging) {
		add("logging", dr.workFrom.AddDays(between(r, 1, 20, 1.5)))
	}
	if chance(r, 0.3) {
		add("verhoor_getuigen", during(dr.workFrom, 0.7))
	}
	if dr.disclosure && chance(r, 0.12) {
		add("email_chat", during(dr.workFrom, 0.6))
	}
	if dr.disclosure && chance(r, 0.07) {
		add("sociale_media", during(dr.workFrom, 0.6))
	}
	// A report from criminal intelligence comes with its information.
	if hasReportChannel(d, "cie") || (dr.toCriminal() && chance(r, 0.3)) {
		add("cie_informatie", dr.workFrom.AddDays(between(r, 0, 10, 1.5)))
	}
	if inCriminal {
		if chance(r, 0.6) {
			add("rijksrecherche", strafFrom.AddDays(between(r, 0, 14, 1.5)))
		}
		if chance(r, 0.5) {
			add("telefoon", during(strafFrom, 0.8))
		}
		if dr.toCriminal() && chance(r, 0.35) {
			add("financieel", during(strafFrom, 0.8))
		}
		if chance(r, 0.25) {
			add("tap", during(strafFrom, 0.5))
		}
		if chance(r, 0.18) {
			add("observatie", during(strafFrom, 0.5))
		}
		if !dr.unknown && chance(r, 0.25) {
			add("doorzoeking", during(strafFrom, 0.9))
		}
	} else if dr.disclosure && chance(r, 0.05) {
		add("telefoon", during(dr.workFrom, 0.6))
	}
	if !dr.unknown && chance(r, 0.88) {
		from := dr.workFrom
		if inDisc {
			from = discFrom
		} else if inCriminal {
			from = strafFrom
		}
		add("verhoor_betrokkene", during(from, 0.9))
	}
	slices.SortStableFunc(d.Means, func(a, b lekradar.MeansEntry) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), ord.cmp(lekradar.FieldInvestigativeMeans, a.Means, b.Means))
	})
	if d.Means == nil {
		d.Means = []lekradar.MeansEntry{}
	}
}

func hasReportChannel(d *lekradar.Dossier, channel string) bool {
	for _, rep := range d.Reports {
		if rep.Channel == channel {
			return true
		}
	}
	return false
}

// Report channels. Criminal leaks mostly surface through criminal
// intelligence or another agency; the rest through the line, colleagues and
// VIK's own work. Detection (detectie) did not exist in 2015–2016.
var (
	generalChannels = []choice[string]{
		{"leidinggevende", 31}, {"collega", 23}, {"vik_eigen", 20}, {"meldpunt", 6}, {"klokkenluider", 2},
		{"cie", 4}, {"extern_om", 6}, {"burger", 8},
	}
	criminalChannels = []choice[string]{
		{"cie", 35}, {"extern_om", 25}, {"vik_eigen", 15}, {"leidinggevende", 10}, {"collega", 10},
		{"klokkenluider", 3}, {"meldpunt", 2},
	}
)

// drawReports records the report that opened the dossier and, for some, a
// second report that joined it, with acknowledgement and feedback dates.
func drawReports(r *rand.Rand, dr *draft, cb *lekradar.Codebook) {
	d := dr.d
	abbr := cb.UnitAbbr(dr.unit)
	channels := generalChannels
	if dr.toCriminal() {
		channels = criminalChannels
	}
	first := pick(r, channels)
	d.Reports = append(d.Reports, newReport(r, dr, abbr, first, dr.opened, true))
	if chance(r, 0.18) {
		var rest []choice[string]
		for _, c := range generalChannels {
			if c.v != first {
				rest = append(rest, c)
			}
		}
		received := dr.opened.AddDays(between(r, 2, 60, 1.4))
		if dr.closed && received.After(dr.closedOn) {
			received = dr.closedOn
		}
		if !received.After(ReferenceDate) {
			d.Reports = append(d.Reports, newReport(r, dr, abbr, pick(r, rest), received, false))
		}
	}
}

func newReport(r *rand.Rand, dr *draft, abbr, channel string, received lekradar.Date, first bool) lekradar.Report {
	rep := lekradar.Report{Channel: channel, Received: received}
	ackDays := pick(r, []choice[int]{{0, 15}, {1, 30}, {2, 20}, {3, 12}, {4, 7}, {5, 5}, {6, 3}, {9, 4}, {12, 3}, {16, 1}})
	if ack := received.AddDays(ackDays); !ack.After(ReferenceDate) {
		rep.Acknowledged = ack
	}
	if dr.closed {
		if fb := dr.closedOn.AddDays(between(r, 0, 14, 1.5)); !fb.After(ReferenceDate) {
			rep.FeedbackSent = fb
		}
	}
	rep.ReporterRef = reporterRef(r, channel, abbr, received.Year)
	rep.Summary = reportSummary(dr, channel, first)
	return rep
}

// reporterRef is an obviously fake reference of the kind each channel
// yields: a hotline case number, an employee reference, a citizen's file.
func reporterRef(r *rand.Rand, channel, abbr string, year int) string {
	switch channel {
	case "meldpunt":
		return fmt.Sprintf("DEMO-LMM-%d-%04d", year, 1+r.IntN(9999))
	case "klokkenluider":
		return fmt.Sprintf("DEMO-KLR-%d-%03d", year, 1+r.IntN(999))
	case "cie":
		return fmt.Sprintf("DEMO-CIE-%s-%05d", abbr, 1+r.IntN(99999))
	case "extern_om":
		return fmt.Sprintf("DEMO-OM-%d-%05d", year, 1+r.IntN(99999))
	case "burger":
		return fmt.Sprintf("DEMO-BURGER-%05d", 1+r.IntN(99999))
	case "vik_eigen":
		return fmt.Sprintf("DEMO-VIK-%s-%03d", abbr, 1+r.IntN(999))
	default:
		return fmt.Sprintf("DEMO-MEDEWERKER-%06d", 1+r.IntN(999999))
	}
}
