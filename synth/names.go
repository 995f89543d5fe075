package synth

import (
	"math"
	"sort"
)

// commonSurnames are the most frequent Dutch surnames with approximate
// numbers of bearers in the Netherlands (order of magnitude after the
// Meertens Institute's name database). They carry a large share of the
// population, which makes "shares a surname" worthless as evidence for them.
var commonSurnames = []struct {
	name  string
	count int
}{
	{"de Jong", 86500}, {"Jansen", 75700}, {"de Vries", 71100}, {"van den Berg", 58100},
	{"van Dijk", 56800}, {"Bakker", 56000}, {"Janssen", 55400}, {"Visser", 50300},
	{"Smit", 44600}, {"Meijer", 41000}, {"de Boer", 38500}, {"Mulder", 37100},
	{"de Groot", 36800}, {"Bos", 35800}, {"Vos", 31100}, {"Peters", 30900},
	{"Hendriks", 30300}, {"van Leeuwen", 29800}, {"Dekker", 28800}, {"Brouwer", 27400},
	{"de Wit", 27100}, {"Dijkstra", 26900}, {"Smits", 26200}, {"de Graaf", 26000},
	{"van der Meer", 25800}, {"van der Linden", 24500}, {"Kok", 24200}, {"Jacobs", 23700},
	{"de Haan", 23500}, {"Vermeulen", 23300}, {"van den Heuvel", 22700}, {"van der Veen", 22600},
	{"van den Broek", 22300}, {"de Bruijn", 21800}, {"de Bruin", 21600}, {"van der Heijden", 21500},
	{"Schouten", 21200}, {"van Beek", 20900}, {"Willems", 20800}, {"van Vliet", 20800},
	{"van de Ven", 20400}, {"Hoekstra", 20200}, {"Maas", 20000}, {"Verhoeven", 19800},
	{"Koster", 19700}, {"van Dam", 19500}, {"van der Wal", 19400}, {"Prins", 19100},
	{"Blom", 19100}, {"Huisman", 18800}, {"Peeters", 18700}, {"de Jonge", 18500},
	{"Kuipers", 18400}, {"van Veen", 18300}, {"Post", 18200}, {"Kuiper", 17900},
	{"Veenstra", 17800}, {"Kramer", 17600}, {"van den Brink", 17400}, {"Scholten", 17200},
	{"van Wijk", 17000}, {"Postma", 17000}, {"Martens", 16700}, {"Vink", 16600},
	{"de Ruiter", 16400}, {"Timmermans", 16300}, {"Groen", 16300}, {"Gerritsen", 16200},
	{"Jonker", 16100}, {"van Loon", 16000}, {"Boer", 15800}, {"van der Velde", 15700},
	{"Willemsen", 15500}, {"Smeets", 15400}, {"de Lange", 15300}, {"de Vos", 15100},
	{"Bosch", 15000}, {"van Dongen", 14900}, {"Schipper", 14800}, {"de Koning", 14700},
	{"Yilmaz", 12000}, {"Kaya", 9500}, {"Demir", 8800}, {"Sahin", 7900},
	{"Nguyen", 6000}, {"Celik", 5800}, {"Ozturk", 5200}, {"El Idrissi", 4200},
	{"Aydin", 4000}, {"Bouzid", 3000},
}

// dutchPopulation is the population the common-surname counts refer to.
const dutchPopulation = 17_900_000

// tailSize is the number of distinct generated surnames in the long tail.
const tailSize = 300_000

// Generated tail names: a mixed-radix construction, so that tail index i maps
// to exactly one name and no two indices of one kind share a name.
var (
	tailPrefixes = []string{"", "", "", "van ", "de ", "van de ", "van der ", "ter "}
	tailOnsets   = []string{"Ber", "Hoo", "Wie", "Ver", "Kle", "Ster", "Dui", "Bol", "Mee", "Rij",
		"Scha", "Gro", "Brak", "Hol", "Lan", "Ree", "Stuy", "Wou", "Zwa", "Elz", "Fok", "Gee", "Hui",
		"Kam", "Lub", "Mol", "Nij", "Oos", "Pol", "Roe", "Slo", "Tuy", "Uit", "Vel", "Wes", "Zui",
		"Blan", "Dro", "Haz", "Kor"}
	tailMiddles = []string{"ge", "ker", "den", "rin", "ven", "ter", "mel", "bo", "le", "sel",
		"we", "ke", "ne", "ste", "ma", "ren", "del", "ber", "ho", "ger", "lin", "te", "sen", "na", "wer"}
	tailEndings = []string{"raad", "a", "ink", "stra", "man", "mans", "huis", "kamp", "veld", "ma",
		"inga", "hof", "dijk", "broek", "laar", "horst", "beek", "burg", "wijk", "berg", "bos",
		"rop", "ing", "sma", "ema", "ens", "er", "ink", "werf", "heim", "loo", "vliet", "meer",
		"steen", "hout", "land", "zand", "kes", "gen", "tjes"}
	otherPrefixes = []string{"", "El ", "Ben ", "Al ", "Abou ", "Van "}
	otherRoots    = []string{"Amr", "Had", "Oual", "Bouch", "Ham", "Kar", "Mour", "Tah", "Yous", "Zah",
		"Ak", "Ars", "Bal", "Cak", "Dog", "Erd", "Gul", "Kil", "Oz", "Tur", "Uys", "Yal", "Sar",
		"Ram", "Sing", "Pers", "Tjon", "Kho", "Lie", "Tan", "Wij", "Soe", "Kart", "Pan", "Mang",
		"Dia", "Nou", "Benn", "Lah", "Mek", "Sed", "Rah", "Faz", "Nad", "Jab", "Qas", "Waz", "Xia",
		"Zhen", "Chen", "Liu", "Ngu", "Pham", "Tran", "Vo", "Do", "Kow", "Nowa", "Wis", "Lew",
		"Kam", "Mal", "Pod", "Sik", "Gor", "Bab", "Ivan", "Pet", "Dim", "Ste", "Gjo", "Hox",
		"Ber", "Kra", "Dur", "Fer", "Gar", "Lop", "Mar", "Rod"}
	otherEndings = []string{"ani", "ouchi", "ali", "idi", "aoui", "ach", "ouri", "ane", "assi", "iri",
		"soy", "can", "mak", "oglu", "tas", "kaya", "dag", "ci", "er", "en", "dien", "sie",
		"djo", "pal", "wan", "dja", "jat", "ong", "ie", "ing", "ski", "cki", "ak", "ic", "ovic",
		"escu", "os", "ez", "ov", "ova", "aj", "oj", "ul", "ut", "ami", "adi", "emi", "awi",
		"ine", "oun", "ika", "ita", "ulu", "eni", "ani", "ouni", "atti", "elli", "aroui", "abi",
		"eski", "enko", "yan", "jan", "bey", "han", "gil", "tür", "ber", "nov", "vic", "sen",
		"sma", "dar", "lar", "ler", "sal", "zal"}
)

// surnameTable samples surnames from a realistic distribution: a head of
// very common names with their real shares, then a Zipf-shaped long tail of
// rare names. Index i < len(commonSurnames) is a common name; others are
// tail names.
type surnameTable struct {
	cum []float64 // cumulative probability per index
}

func newSurnameTable() *surnameTable {
	n := len(commonSurnames) + tailSize
	w := make([]float64, n)
	var headShare float64
	for i, c := range commonSurnames {
		w[i] = float64(c.count) / dutchPopulation
		headShare += w[i]
	}
	// Zipf tail with an offset: its first names have a few thousand
	// bearers nationally, its last ones a handful.
	const offset = 100.0
	var z float64
	for r := 0; r < tailSize; r++ {
		z += 1 / (float64(r) + offset)
	}
	for r := 0; r < tailSize; r++ {
		w[len(commonSurnames)+r] = (1 - headShare) / ((float64(r) + offset) * z)
	}
	cum := make([]float64, n)
	var s float64
	for i, x := range w {
		s += x
		cum[i] = s
	}
	cum[n-1] = math.Inf(1)
	return &surnameTable{cum: cum}
}

// sample maps a uniform u in [0,1) to a surname index.
func (t *surnameTable) sample(u float64) int32 {
	return int32(sort.SearchFloat64s(t.cum, u))
}

// share returns the expected population share of surname index i.
func (t *surnameTable) share(i int32) float64 {
	if i == 0 {
		return t.cum[0]
	}
	if int(i) == len(t.cum)-1 {
		return t.cum[i-1] - t.cum[i-2] // last one: close enough
	}
	return t.cum[i] - t.cum[i-1]
}

// isCommon reports whether a surname index is one of the very common names.
func isCommon(i int32) bool { return int(i) < len(commonSurnames) }

// isVeryCommon reports whether a surname is among the most frequent ones
// (20,000 bearers nationally or more, over 0.1% of the population).
func isVeryCommon(i int32) bool { return isCommon(i) && commonSurnames[i].count >= 20000 }

// surnameText returns the surname for index i.
func surnameText(i int32) string {
	if isCommon(i) {
		return commonSurnames[i].name
	}
	r := int(i) - len(commonSurnames)
	if r%8 == 7 {
		// One in eight tail names is of non-Dutch origin.
		j := r / 8
		p := otherPrefixes[j%len(otherPrefixes)]
		j /= len(otherPrefixes)
		root := otherRoots[j%len(otherRoots)]
		j /= len(otherRoots)
		end := otherEndings[j%len(otherEndings)]
		return p + root + end
	}
	j := r
	p := tailPrefixes[j%len(tailPrefixes)]
	j /= len(tailPrefixes)
	o := tailOnsets[j%len(tailOnsets)]
	j /= len(tailOnsets)
	m := tailMiddles[j%len(tailMiddles)]
	j /= len(tailMiddles)
	e := tailEndings[j%len(tailEndings)]
	return p + o + m + e
}
