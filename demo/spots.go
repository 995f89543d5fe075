package demo

import (
	"math/rand/v2"
	"slices"

	"lekradar"
)

// Vulnerable spots by the kind of case that revealed them.
var (
	spotAreasCriminal = []choice[string]{
		{"toegangsrechten", 35}, {"toezicht", 20}, {"werkproces", 15}, {"logging", 15}, {"bewustzijn", 10}, {"overig", 5},
	}
	spotAreasLookup = []choice[string]{
		{"toegangsrechten", 25}, {"bewustzijn", 25}, {"toezicht", 15}, {"logging", 12}, {"werkproces", 10},
		{"gedeelde_accounts", 8}, {"zichtbare_schermen", 5},
	}
	spotAreasDisclosure = []choice[string]{
		{"bewustzijn", 25}, {"werkproces", 20}, {"zichtbare_schermen", 15}, {"toezicht", 15},
		{"gedeelde_accounts", 10}, {"toegangsrechten", 10}, {"overig", 5},
	}
)

// systemAreas are the areas that concern one police system.
var systemAreas = []string{"toegangsrechten", "logging", "gedeelde_accounts", "werkproces"}

var spotDescription = map[string]string{
	"toegangsrechten":    "Medewerkers hebben leesrechten die ruimer zijn dan hun taak vraagt",
	"gedeelde_accounts":  "Een werkplek of account wordt door meerdere medewerkers gedeeld, zodat raadplegingen niet aan één persoon te koppelen zijn",
	"zichtbare_schermen": "Beeldschermen met politie-informatie zijn zichtbaar voor bezoekers of derden",
	"werkproces":         "Het werkproces nodigt uit tot raadplegingen zonder zaaknummer of vastgelegde reden",
	"toezicht":           "Leidinggevenden hebben weinig zicht op het raadpleeggedrag van hun medewerkers",
	"bewustzijn":         "Medewerkers zijn zich onvoldoende bewust van de regels voor het raadplegen en delen van informatie",
	"logging":            "Raadplegingen worden onvolledig gelogd of de logging wordt niet gecontroleerd",
	"overig":             "Informatie verlaat de organisatie via een onverwachte route",
}

var spotMeasures = map[string]string{
	"toegangsrechten":    "Autorisaties herzien en beperkt tot de taak; periodieke hercertificering ingevoerd.",
	"gedeelde_accounts":  "Persoonlijke accounts verplicht; gedeelde werkplekken vergrendelen automatisch.",
	"zichtbare_schermen": "Schermen verplaatst en voorzien van privacyfilters.",
	"werkproces":         "Zaaknummer of reden verplicht gesteld bij raadplegen; werkinstructie aangepast.",
	"toezicht":           "Leidinggevenden krijgen periodiek een overzicht en bespreken het in het team.",
	"bewustzijn":         "Teambijeenkomsten en e-learning over informatiebeveiliging en integriteit.",
	"logging":            "Logging aangevuld en steekproefsgewijze controle ingevoerd.",
	"overig":             "Maatregel in overleg met de informatiebeveiliger bepaald.",
}

// generateSpots builds the register of vulnerable spots, each revealed by
// one or more dossiers. It returns, per spot, the indexes of its dossiers.
func generateSpots(r *rand.Rand, cb *lekradar.Codebook, dossiers []*lekradar.Dossier) ([]*lekradar.VulnerableSpot, [][]int) {
	n := 50 + r.IntN(21)
	weights := make([]float64, len(dossiers))
	for i, d := range dossiers {
		w := 1.0
		switch d.SuspicionOutcome {
		case "bevestigd":
			w = 3
		case "niet_bevestigd":
			w = 1.5
		case "weerlegd":
			w = 0.3
		}
		if d.Context.Recipient == "crimineel" {
			w *= 3
		}
		weights[i] = w
	}
	seeds := sampleWithoutReplacement(r, weights, n)
	r.Shuffle(len(seeds), func(a, b int) { seeds[a], seeds[b] = seeds[b], seeds[a] })

	spots := make([]*lekradar.VulnerableSpot, 0, n)
	links := make([][]int, 0, n)
	for _, si := range seeds {
		seed := dossiers[si]
		var area string
		switch {
		case seed.Context.Recipient == "crimineel":
			area = pick(r, spotAreasCriminal)
		case seed.Allegation == "raadplegen":
			area = pick(r, spotAreasLookup)
		default:
			area = pick(r, spotAreasDisclosure)
		}
		s := &lekradar.VulnerableSpot{Area: area, Unit: seed.Department}
		if len(seed.Suspects) > 0 {
			s.TeamKind = seed.Suspects[0].TeamKind
		}
		if slices.Contains(systemAreas, area) && len(seed.Items) > 0 {
			if _, ok := systemName[seed.Items[0].SourceSystem]; ok {
				s.System = seed.Items[0].SourceSystem
			}
		}
		// A weakness in a national system is everyone's: some of those are
		// registered without a unit and gather dossiers from every unit.
		national := s.System != "" && chance(r, 0.25)
		if national {
			s.Unit = ""
			s.TeamKind = ""
		}

		linked := []int{si}
		var candidates []int
		for j, d := range dossiers {
			if j == si || (!national && d.Department != seed.Department) {
				continue
			}
			if s.System != "" && !slices.ContainsFunc(d.Items, func(it lekradar.LeakedItem) bool { return it.SourceSystem == s.System }) {
				continue
			}
			if s.TeamKind != "" && (len(d.Suspects) == 0 || d.Suspects[0].TeamKind != s.TeamKind) {
				continue
			}
			candidates = append(candidates, j)
		}
		extra := pick(r, []choice[int]{{0, 35}, {1, 30}, {2, 18}, {3, 10}, {4, 7}})
		if national {
			extra += 2
		}
		for k := 0; k < extra && len(candidates) > 0; k++ {
			c := r.IntN(len(candidates))
			linked = append(linked, candidates[c])
			candidates = slices.Delete(candidates, c, c+1)
		}
		slices.Sort(linked)

		// The spot is registered once the last of its dossiers shows it:
		// at the decision, or a month into the inquiry when still open.
		var identified lekradar.Date
		for _, j := range linked {
			d := dossiers[j]
			on, ok := d.PhaseDate("besluitvorming")
			if !ok {
				on, ok = d.PhaseDate("afgesloten")
			}
			if !ok {
				on = d.Opened().AddDays(30)
			}
			if on.After(identified) {
				identified = on
			}
		}
		if identified.After(ReferenceDate) {
			identified = ReferenceDate
		}
		s.Identified = identified

		age := identified.DaysUntil(ReferenceDate)
		switch {
		case age < 90:
			s.Status = pick(r, []choice[string]{{"gesignaleerd", 60}, {"maatregel_gepland", 35}, {"maatregel_genomen", 5}})
		case age < 365:
			s.Status = pick(r, []choice[string]{{"gesignaleerd", 15}, {"maatregel_gepland", 35}, {"maatregel_genomen", 40}, {"gesloten", 10}})
		default:
			s.Status = pick(r, []choice[string]{{"gesignaleerd", 5}, {"maatregel_gepland", 15}, {"maatregel_genomen", 45}, {"gesloten", 35}})
		}

		desc := spotDescription[area]
		if s.System != "" {
			desc += " (" + cb.Label(lekradar.FieldSourceSystem, s.System, "nl") + ")"
		}
		if s.TeamKind != "" {
			desc += ", gezien bij " + teamPhrase[s.TeamKind]
		}
		s.Description = desc + "."
		switch s.Status {
		case "maatregel_gepland":
			s.Measures = "Gepland: " + spotMeasures[area]
		case "maatregel_genomen", "gesloten":
			s.Measures = spotMeasures[area]
		}
		s.DossierIDs = []int64{}
		spots = append(spots, s)
		links = append(links, linked)
	}
	// The register lists spots in the order they were identified.
	order := make([]int, len(spots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return spots[a].Identified.Time().Compare(spots[b].Identified.Time())
	})
	sortedSpots := make([]*lekradar.VulnerableSpot, len(spots))
	sortedLinks := make([][]int, len(spots))
	for k, i := range order {
		sortedSpots[k] = spots[i]
		sortedLinks[k] = links[i]
	}
	return sortedSpots, sortedLinks
}
