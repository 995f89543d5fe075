package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"

	"lekradar"
)

// unitProfile is the size and make-up of one unit. The FTE figures are
// approximate, rounded figures in the range of the police's annual reports of
// 2015–2016 (see docs/synthetic-data.md); headPerFTE reflects part-time work.
type unitProfile struct {
	unit       string
	fte        float64
	headPerFTE float64
	teams      []choice[string]
}

// Team-kind mixes. The ten regional units share one; the national unit, the
// services centre and the staff have their own.
var (
	regionalTeams = []choice[string]{
		{"basisteam", 36}, {"wijkteam", 9}, {"noodhulp", 8}, {"recherche", 17},
		{"intake_service", 6}, {"meldkamer", 3}, {"informatie_analyse", 5},
		{"specialistisch", 4}, {"ondersteuning", 8}, {"staf", 4},
	}
	nationalTeams = []choice[string]{
		{"specialistisch", 38}, {"recherche", 25}, {"informatie_analyse", 10},
		{"meldkamer", 4}, {"noodhulp", 3}, {"ondersteuning", 12}, {"staf", 8},
	}
	servicesTeams = []choice[string]{
		{"ondersteuning", 82}, {"staf", 10}, {"informatie_analyse", 5}, {"intake_service", 3},
	}
	staffTeams = []choice[string]{
		{"staf", 78}, {"ondersteuning", 15}, {"informatie_analyse", 7},
	}
)

// unitProfiles lists the 13 units in codebook order.
var unitProfiles = []unitProfile{
	{"noord_nederland", 4300, 1.10, regionalTeams},
	{"oost_nederland", 6200, 1.10, regionalTeams},
	{"midden_nederland", 3900, 1.10, regionalTeams},
	{"noord_holland", 3600, 1.10, regionalTeams},
	{"amsterdam", 5400, 1.07, regionalTeams},
	{"den_haag", 5300, 1.08, regionalTeams},
	{"rotterdam", 6100, 1.08, regionalTeams},
	{"zeeland_west_brabant", 3800, 1.10, regionalTeams},
	{"oost_brabant", 2900, 1.10, regionalTeams},
	{"limburg", 3000, 1.10, regionalTeams},
	{"landelijke_eenheid", 4600, 1.06, nationalTeams},
	{"pdc", 6600, 1.14, servicesTeams},
	{"staf_korpsleiding", 1700, 1.08, staffTeams},
}

// Rank mixes per team kind. Operational teams are mostly agents and
// hoofdagenten; support and staff are mostly civilian (burger).
var ranksByTeam = map[string][]choice[string]{
	"basisteam": {{"aspirant", 8}, {"surveillant", 3}, {"agent", 22}, {"hoofdagent", 38},
		{"brigadier", 17}, {"inspecteur", 5}, {"hoofdinspecteur", 1.5}, {"commissaris", 0.2},
		{"burger", 5}, {"extern", 0.3}},
	"wijkteam": {{"aspirant", 3}, {"agent", 8}, {"hoofdagent", 42}, {"brigadier", 35},
		{"inspecteur", 5}, {"burger", 6}, {"extern", 1}},
	"noodhulp": {{"aspirant", 10}, {"surveillant", 2}, {"agent", 30}, {"hoofdagent", 38},
		{"brigadier", 14}, {"inspecteur", 4}, {"burger", 2}},
	"recherche": {{"aspirant", 1}, {"agent", 5}, {"hoofdagent", 25}, {"brigadier", 33},
		{"inspecteur", 12}, {"hoofdinspecteur", 3}, {"commissaris", 0.5}, {"burger", 18},
		{"extern", 2.5}},
	"intake_service": {{"surveillant", 6}, {"agent", 10}, {"hoofdagent", 18}, {"brigadier", 5},
		{"inspecteur", 1}, {"burger", 58}, {"extern", 2}},
	"meldkamer": {{"agent", 3}, {"hoofdagent", 15}, {"brigadier", 12}, {"inspecteur", 5},
		{"hoofdinspecteur", 1}, {"burger", 62}, {"extern", 2}},
	"informatie_analyse": {{"agent", 2}, {"hoofdagent", 10}, {"brigadier", 14}, {"inspecteur", 9},
		{"hoofdinspecteur", 2}, {"burger", 58}, {"extern", 5}},
	"specialistisch": {{"agent", 5}, {"hoofdagent", 30}, {"brigadier", 30}, {"inspecteur", 15},
		{"hoofdinspecteur", 5}, {"commissaris", 1}, {"burger", 12}, {"extern", 2}},
	"ondersteuning": {{"hoofdagent", 3}, {"brigadier", 3}, {"inspecteur", 2}, {"hoofdinspecteur", 0.5},
		{"burger", 79}, {"extern", 12.5}},
	"staf": {{"brigadier", 4}, {"inspecteur", 10}, {"hoofdinspecteur", 10}, {"commissaris", 5},
		{"hoofdcommissaris", 1}, {"eerste_hoofdcommissaris", 0.1}, {"burger", 62}, {"extern", 8}},
}

var ageBands = []string{"tot_25", "25_34", "35_44", "45_54", "55_plus"}

// ageMix gives the weights of ageBands per rank group.
func ageMix(rank string) []float64 {
	switch rank {
	case "aspirant":
		return []float64{55, 40, 5, 0, 0}
	case "surveillant", "agent":
		return []float64{25, 45, 15, 10, 5}
	case "hoofdagent":
		return []float64{3, 30, 27, 25, 15}
	case "brigadier":
		return []float64{0, 12, 28, 35, 25}
	case "inspecteur", "hoofdinspecteur", "commissaris", "hoofdcommissaris", "eerste_hoofdcommissaris":
		return []float64{0, 8, 27, 38, 27}
	case "extern":
		return []float64{8, 35, 30, 17, 10}
	default: // burger
		return []float64{4, 18, 22, 30, 26}
	}
}

// Origin of the surname, independent of position: the study found no
// over-representation, and the generator draws suspects by position only,
// so identified suspects follow this mix.
var surnameOrigins = []choice[string]{{"nl", 87.5}, {"niet_nl", 11}, {"onbekend", 1.5}}

// person is one synthetic employee. The workforce is stored only as counts;
// the people exist so that suspects can be drawn from the same population.
type person struct {
	ref       string
	unit      string
	team      string
	rank      string
	executive bool
	origin    string
	gender    string
	age       string
	tenure    string
	weight    float64 // relative chance of being suspected (position only)
}

// organisation is the generated workforce with its people per unit.
type organisation struct {
	workforce *lekradar.Workforce
	byUnit    map[string]*unitStaff
	// profiles counts the whole workforce per group profile, in codebook
	// order; suspects are dealt profiles in these proportions.
	profiles []profileCount
}

// profile is the combination of group attributes of a person.
type profile struct {
	origin, gender, age, tenure string
}

type profileCount struct {
	profile
	n int
}

// keys returns the lookup keys of p from the most to the least specific:
// all four attributes, then dropping tenure, age and gender in turn, then
// none.
func (p profile) keys() [5]profile {
	return [5]profile{
		p,
		{p.origin, p.gender, p.age, ""},
		{p.origin, p.gender, "", ""},
		{p.origin, "", "", ""},
		{},
	}
}

// pool is a set of people with cumulative suspect weights for drawing by
// position.
type pool struct {
	people []int // indexes into unitStaff.people
	cum    []float64
}

func (p *pool) add(i int, w float64) {
	total := w
	if n := len(p.cum); n > 0 {
		total += p.cum[n-1]
	}
	p.people = append(p.people, i)
	p.cum = append(p.cum, total)
}

func (p *pool) draw(r *rand.Rand) int {
	x := r.Float64() * p.cum[len(p.cum)-1]
	i, _ := slices.BinarySearchFunc(p.cum, x, func(c, t float64) int { return cmp.Compare(c, t) })
	return p.people[min(i, len(p.people)-1)]
}

// unitStaff holds a unit's people, pooled by group profile at every level
// of detail.
type unitStaff struct {
	people []person
	pools  map[profile]*pool
}

// drawSuspect picks a person of the unit with the given group profile, with
// probability proportional to the position weight. When nobody in the unit
// has the exact profile it relaxes the profile attribute by attribute.
func (u *unitStaff) drawSuspect(r *rand.Rand, p profile) person {
	for _, k := range p.keys() {
		if pl := u.pools[k]; pl != nil && pl.cum[len(pl.cum)-1] > 0 {
			return u.people[pl.draw(r)]
		}
	}
	panic("demo: unit without staff")
}

// Relative chances of being suspected of leaking, by rank and by team kind.
// They encode the study's finding: hoofdagenten and brigadiers in basic
// police work, with wide access and a visible role, are over-represented.
var (
	rankSuspicionWeight = map[string]float64{
		"aspirant": 0.6, "surveillant": 0.8, "agent": 1.0, "hoofdagent": 2.0, "brigadier": 1.8,
		"inspecteur": 0.7, "hoofdinspecteur": 0.35, "commissaris": 0.2, "hoofdcommissaris": 0.1,
		"eerste_hoofdcommissaris": 0.1, "burger": 0.35, "extern": 0.5,
	}
	teamSuspicionWeight = map[string]float64{
		"basisteam": 1.3, "wijkteam": 1.2, "noodhulp": 1.2, "recherche": 1.0, "intake_service": 1.2,
		"meldkamer": 1.0, "informatie_analyse": 1.0, "specialistisch": 0.8, "ondersteuning": 0.4,
		"staf": 0.3,
	}
)

// generateOrganisation draws every employee of every unit and aggregates
// them into workforce cells.
func generateOrganisation(r *rand.Rand, cb *lekradar.Codebook) (*organisation, error) {
	org := &organisation{
		workforce: &lekradar.Workforce{},
		byUnit:    make(map[string]*unitStaff, len(unitProfiles)),
	}
	type cellKey struct {
		unit, rank, team         string
		exec                     bool
		origin, gender, age, ten string
	}
	counts := map[cellKey]int{}
	seq := 0
	for _, up := range unitProfiles {
		if !cb.Valid(lekradar.FieldUnit, up.unit) {
			return nil, fmt.Errorf("demo unit %q is not in codebook %s", up.unit, cb.Version)
		}
		head := int(up.fte*up.headPerFTE + 0.5)
		org.workforce.Units = append(org.workforce.Units, lekradar.OrgUnit{Unit: up.unit, FTE: up.fte, Headcount: head})
		staff := &unitStaff{people: make([]person, 0, head), pools: map[profile]*pool{}}
		for i := range head {
			seq++
			p := drawPerson(r, up)
			p.ref = fmt.Sprintf("E%06d", seq)
			p.weight = rankSuspicionWeight[p.rank] * teamSuspicionWeight[p.team]
			staff.people = append(staff.people, p)
			for _, k := range (profile{p.origin, p.gender, p.age, p.tenure}).keys() {
				pl := staff.pools[k]
				if pl == nil {
					pl = &pool{}
					staff.pools[k] = pl
				}
				pl.add(i, p.weight)
			}
			counts[cellKey{p.unit, p.rank, p.team, p.executive, p.origin, p.gender, p.age, p.tenure}]++
		}
		org.byUnit[up.unit] = staff
	}

	ord := newOrdering(cb)
	// Cells are sorted in codebook order of their attributes; the sort
	// keys are computed once, as there are many cells.
	type sortable struct {
		key cellKey
		pos [8]int
	}
	sorted := make([]sortable, 0, len(counts))
	for k := range counts {
		exec := 0
		if k.exec {
			exec = 1
		}
		sorted = append(sorted, sortable{k, [8]int{
			ord.pos(lekradar.FieldUnit, k.unit), ord.pos(lekradar.FieldRank, k.rank),
			ord.pos(lekradar.FieldTeamKind, k.team), exec,
			ord.pos(lekradar.FieldSurnameOrigin, k.origin), ord.pos(lekradar.FieldGender, k.gender),
			ord.pos(lekradar.FieldAgeBand, k.age), ord.pos(lekradar.FieldTenureBand, k.ten),
		}})
	}
	slices.SortFunc(sorted, func(a, b sortable) int { return slices.Compare(a.pos[:], b.pos[:]) })
	keys := make([]cellKey, len(sorted))
	for i, s := range sorted {
		keys[i] = s.key
	}
	org.workforce.Cells = make([]lekradar.WorkforceCell, len(keys))
	perProfile := map[profile]int{}
	for i, k := range keys {
		org.workforce.Cells[i] = lekradar.WorkforceCell{
			Unit: k.unit, Rank: k.rank, TeamKind: k.team, Executive: k.exec,
			SurnameOrigin: k.origin, Gender: k.gender, AgeBand: k.age, TenureBand: k.ten,
			Count: counts[k],
		}
		perProfile[profile{k.origin, k.gender, k.age, k.ten}] += counts[k]
	}
	for p, n := range perProfile {
		org.profiles = append(org.profiles, profileCount{p, n})
	}
	slices.SortFunc(org.profiles, func(a, b profileCount) int {
		return cmp.Or(
			ord.cmp(lekradar.FieldSurnameOrigin, a.origin, b.origin),
			ord.cmp(lekradar.FieldGender, a.gender, b.gender),
			ord.cmp(lekradar.FieldAgeBand, a.age, b.age),
			ord.cmp(lekradar.FieldTenureBand, a.tenure, b.tenure),
		)
	})
	return org, nil
}

// drawPerson draws one employee's position and group attributes.
func drawPerson(r *rand.Rand, up unitProfile) person {
	p := person{unit: up.unit}
	p.team = pick(r, up.teams)
	p.rank = pick(r, ranksByTeam[p.team])
	p.executive = p.rank != "burger" && p.rank != "extern"
	p.origin = pick(r, surnameOrigins)

	female := 0.30
	switch p.rank {
	case "burger":
		female = 0.52
	case "extern":
		female = 0.28
	}
	p.gender = pick(r, []choice[string]{{"man", 1 - female - 0.004}, {"vrouw", female}, {"anders", 0.001}, {"onbekend", 0.003}})

	mix := ageMix(p.rank)
	opts := make([]choice[int], len(ageBands))
	for i, w := range mix {
		opts[i] = choice[int]{i, w}
	}
	band := pick(r, opts)
	p.age = ageBands[band]
	lo := []int{18, 25, 35, 45, 55}[band]
	hi := []int{24, 34, 44, 54, 66}[band]
	age := between(r, lo, hi, 1)

	// Years of service: at most the years since 18, right-skewed for
	// contractors and recruits, close to the maximum for career officers.
	maxYears := age - 18
	var years int
	switch p.rank {
	case "aspirant":
		years = between(r, 0, min(3, maxYears), 1.5)
	case "extern":
		years = between(r, 0, min(8, maxYears), 2)
	case "burger":
		years = between(r, 0, maxYears, 1.2)
	default:
		years = between(r, min(2, maxYears), maxYears, 0.6)
	}
	switch {
	case years < 2:
		p.tenure = "tot_2"
	case years < 5:
		p.tenure = "2_5"
	case years < 10:
		p.tenure = "5_10"
	case years < 20:
		p.tenure = "10_20"
	default:
		p.tenure = "20_plus"
	}
	return p
}

// ordering sorts codes in codebook order, so that output never depends on
// map iteration or on the spelling of codes.
type ordering struct {
	index map[string]map[string]int
}

func newOrdering(cb *lekradar.Codebook) ordering {
	o := ordering{index: map[string]map[string]int{}}
	for _, f := range cb.Fields {
		m := make(map[string]int, len(f.Codes))
		for i, c := range f.Codes {
			m[c.Code] = i
		}
		o.index[f.Name] = m
	}
	return o
}

// pos returns the codebook position of code, unknown codes last.
func (o ordering) pos(field, code string) int {
	if i, ok := o.index[field][code]; ok {
		return i
	}
	return 1 << 30
}

func (o ordering) cmp(field, a, b string) int {
	return cmp.Or(cmp.Compare(o.pos(field, a), o.pos(field, b)), cmp.Compare(a, b))
}
