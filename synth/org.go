package synth

import (
	"math/rand/v2"
	"strconv"
)

// unitInfo describes one of the 13 police units: its share of the
// workforce, its share of the population (0 for the national units, which
// have no territory) and the four-digit postcode areas of its territory.
type unitInfo struct {
	code, name     string
	staffShare     float64
	popShare       float64
	areaLo, areaHi int
}

var unitTable = []unitInfo{
	{"noord_nederland", "Eenheid Noord-Nederland", 3800, 1.75, 8400, 9999},
	{"oost_nederland", "Eenheid Oost-Nederland", 6500, 3.3, 6600, 8399},
	{"midden_nederland", "Eenheid Midden-Nederland", 4000, 2.2, 3400, 3999},
	{"noord_holland", "Eenheid Noord-Holland", 3400, 1.8, 1300, 2199},
	{"amsterdam", "Eenheid Amsterdam", 5900, 1.3, 1000, 1299},
	{"den_haag", "Eenheid Den Haag", 5000, 2.0, 2200, 2799},
	{"rotterdam", "Eenheid Rotterdam", 6000, 1.85, 2800, 3399},
	{"zeeland_west_brabant", "Eenheid Zeeland-West-Brabant", 3900, 1.55, 4300, 5199},
	{"oost_brabant", "Eenheid Oost-Brabant", 3500, 1.3, 5200, 5899},
	{"limburg", "Eenheid Limburg", 2900, 1.1, 5900, 6599},
	{"landelijke_eenheid", "Landelijke Eenheid", 5500, 0, 0, 0},
	{"pdc", "Politiedienstencentrum", 7500, 0, 0, 0},
	{"staf_korpsleiding", "Staf Korpsleiding", 1200, 0, 0, 0},
}

// Functions (employees.function) and what they do.
const (
	fnNoodhulp uint8 = iota
	fnWijkagent
	fnRechercheur
	fnIntake
	fnMeldkamer
	fnAnalist
	fnSpecialist
	fnOndersteuning
	fnStaf
	fnTeamchef
)

var functionNames = []string{"noodhulp", "wijkagent", "rechercheur", "intake", "meldkamer",
	"analist", "specialist", "ondersteuning", "staf", "teamchef"}

// Team kinds (codebook team_kind).
const (
	tkBasisteam = "basisteam"
	tkWijkteam  = "wijkteam"
	tkNoodhulp  = "noodhulp"
	tkRecherche = "recherche"
	tkIntake    = "intake_service"
	tkMeldkamer = "meldkamer"
	tkAnalyse   = "informatie_analyse"
	tkSpecial   = "specialistisch"
	tkSupport   = "ondersteuning"
	tkStaf      = "staf"
)

// teamMix is the share of a unit's staff per team kind and the usual team size.
type teamMix struct {
	kind  string
	share float64
	size  int
}

var regionalMix = []teamMix{
	{tkBasisteam, 0.40, 110}, {tkWijkteam, 0.05, 40}, {tkNoodhulp, 0.08, 60},
	{tkRecherche, 0.17, 50}, {tkIntake, 0.06, 40}, {tkMeldkamer, 0.05, 50},
	{tkAnalyse, 0.06, 40}, {tkSpecial, 0.04, 40}, {tkSupport, 0.07, 60}, {tkStaf, 0.02, 40},
}

var nationalMix = []teamMix{
	{tkRecherche, 0.40, 60}, {tkSpecial, 0.25, 50}, {tkAnalyse, 0.15, 50},
	{tkNoodhulp, 0.10, 60}, {tkSupport, 0.07, 60}, {tkStaf, 0.03, 40},
}

var pdcMix = []teamMix{{tkSupport, 0.85, 80}, {tkAnalyse, 0.05, 40}, {tkStaf, 0.10, 50}}

var stafMix = []teamMix{{tkStaf, 0.8, 40}, {tkAnalyse, 0.2, 40}}

var teamKindNames = map[string]string{
	tkBasisteam: "Basisteam", tkWijkteam: "Wijkteam", tkNoodhulp: "Noodhulp",
	tkRecherche: "Districtsrecherche", tkIntake: "Intake en Service", tkMeldkamer: "Meldkamer",
	tkAnalyse: "Informatieorganisatie", tkSpecial: "Specialistisch team", tkSupport: "Bedrijfsvoering",
	tkStaf: "Staf",
}

type team struct {
	id   string
	unit int
	kind string
	name string
}

// Rota kinds.
const (
	rotaNone   uint8 = iota
	rota247          // early, late and night shifts around the clock
	rotaDay          // office days
	rotaIntake       // day and evening shifts, seven days a week
)

type employee struct {
	idx      int
	id       string
	unit     int
	team     int
	function uint8
	rank     string
	block    int64 // block of the own person record, -1 when none
	surname  int32
	// startDay > 0: joined during the period (no history before).
	startDay   int
	rota       uint8
	rotaOffset int
	jitterMin  int
	offDay     int // weekday not worked (part time), -1 none
	leaveFrom  int // leave days [leaveFrom, leaveTo)
	leaveTo    int
	// family, for the relationship scenarios (person indices, -1 none)
	partner, exPartner, parent, sibling, cousin int64
	child                                       int64
	riskWeight                                  float64
}

// personIndex returns the index of the employee's own person record.
func (e *employee) personIndex() int64 {
	if e.block < 0 {
		return -1
	}
	return e.block * blockSlots
}

func (e *employee) executive() bool {
	switch e.function {
	case fnNoodhulp, fnWijkagent, fnRechercheur, fnSpecialist:
		return true
	}
	return false
}

// functionFor picks a function for a member of a team kind.
func functionFor(r *rand.Rand, kind string) uint8 {
	switch kind {
	case tkBasisteam:
		return []uint8{fnNoodhulp, fnNoodhulp, fnNoodhulp, fnNoodhulp, fnNoodhulp, fnNoodhulp,
			fnWijkagent, fnWijkagent, fnRechercheur, fnTeamchef}[r.IntN(10)]
	case tkWijkteam:
		return fnWijkagent
	case tkNoodhulp:
		return fnNoodhulp
	case tkRecherche:
		if r.IntN(20) == 0 {
			return fnTeamchef
		}
		return fnRechercheur
	case tkIntake:
		return fnIntake
	case tkMeldkamer:
		return fnMeldkamer
	case tkAnalyse:
		return fnAnalist
	case tkSpecial:
		return fnSpecialist
	case tkSupport:
		return fnOndersteuning
	default:
		return fnStaf
	}
}

// rankFor picks a rank for a function (hoofdagenten and brigadiers are the
// backbone of executive work).
func rankFor(r *rand.Rand, fn uint8) string {
	type rw struct {
		rank string
		w    float64
	}
	var t []rw
	switch fn {
	case fnNoodhulp:
		t = []rw{{"aspirant", 8}, {"surveillant", 5}, {"agent", 30}, {"hoofdagent", 45}, {"brigadier", 12}}
	case fnWijkagent:
		t = []rw{{"hoofdagent", 50}, {"brigadier", 45}, {"inspecteur", 5}}
	case fnRechercheur, fnSpecialist:
		t = []rw{{"agent", 10}, {"hoofdagent", 35}, {"brigadier", 40}, {"inspecteur", 15}}
	case fnIntake:
		t = []rw{{"burger", 50}, {"agent", 20}, {"hoofdagent", 30}}
	case fnMeldkamer:
		t = []rw{{"burger", 60}, {"hoofdagent", 25}, {"brigadier", 15}}
	case fnAnalist:
		t = []rw{{"burger", 70}, {"brigadier", 15}, {"inspecteur", 15}}
	case fnOndersteuning:
		t = []rw{{"burger", 90}, {"extern", 10}}
	case fnTeamchef:
		t = []rw{{"inspecteur", 70}, {"hoofdinspecteur", 30}}
	default:
		t = []rw{{"burger", 50}, {"inspecteur", 20}, {"hoofdinspecteur", 20}, {"commissaris", 8},
			{"hoofdcommissaris", 2}}
	}
	w := make([]float64, len(t))
	for i, x := range t {
		w[i] = x.w
	}
	return t[pickWeighted(r, w)].rank
}

func rotaFor(fn uint8) uint8 {
	switch fn {
	case fnNoodhulp, fnMeldkamer:
		return rota247
	case fnIntake:
		return rotaIntake
	default:
		return rotaDay
	}
}

func employeeID(i int) string { return "E" + strconv.Itoa(10001+i) }
func teamID(i int) string     { return "T" + strconv.Itoa(101+i) }

// shift is one worked shift in Unix seconds.
type shift struct {
	start, end int64
}

// shiftOn returns the shift the employee starts on day d, if any. It is a
// pure function of the employee and the day, so that shifts.csv, the events
// and the improper-scenario planner agree without storing the roster.
func (w *world) shiftOn(e *employee, d int) (shift, bool) {
	if d < e.startDay || (d >= e.leaveFrom && d < e.leaveTo) {
		return shift{}, false
	}
	day0 := w.dayStart(d)
	wd := w.weekday(d)
	jit := int64(e.jitterMin) * 60
	switch e.rota {
	case rota247:
		// ten-day cycle: early, early, late, late, night, night, four days off
		switch (d + e.rotaOffset) % 10 {
		case 0, 1:
			return shift{day0 + 7*3600 + jit, day0 + 15*3600 + jit}, true
		case 2, 3:
			return shift{day0 + 15*3600 + jit, day0 + 23*3600 + jit}, true
		case 4, 5:
			return shift{day0 + 23*3600 + jit, day0 + 31*3600 + jit}, true
		}
		return shift{}, false
	case rotaIntake:
		switch (d + e.rotaOffset) % 7 {
		case 0, 1, 2:
			return shift{day0 + 8*3600 + jit, day0 + 16*3600 + 1800 + jit}, true
		case 3, 4:
			return shift{day0 + 14*3600 + jit, day0 + 22*3600 + jit}, true
		}
		return shift{}, false
	case rotaDay:
		if wd == 0 || wd == 6 || wd == e.offDay {
			return shift{}, false
		}
		if e.function == fnWijkagent && hash3(w.seed, streamShift, uint64(e.idx)<<20|uint64(d))%10 < 3 {
			return shift{day0 + 14*3600 + jit, day0 + 22*3600 + jit}, true
		}
		return shift{day0 + 8*3600 + jit, day0 + 16*3600 + 1800 + jit}, true
	}
	return shift{}, false
}

// onShiftAt reports whether the employee works at Unix time t, looking at
// shifts that started that day or the day before.
func (w *world) onShiftAt(e *employee, t int64, margin int64) bool {
	d := w.dayOf(t)
	for _, dd := range []int{d - 1, d} {
		if s, ok := w.shiftOn(e, dd); ok && t >= s.start-margin && t < s.end+margin {
			return true
		}
	}
	return false
}
