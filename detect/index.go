package detect

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"lekradar"
)

const (
	none     = ^uint32(0)
	forever  = int64(math.MaxInt64)
	daySecs  = 86400
	flagVIP  = 1 << 0
	flagShld = 1 << 1
	flagDead = 1 << 2
	flagSeen = 1 << 7 // the person has a row in persons.csv
)

// Case kinds as stored in the index.
const (
	kindOther uint8 = iota
	kindIncident
	kindInvestigation
	kindIntake
)

// Index is the compact, read-only form of the context directory that the
// explain hot path works on: dense uint32 ids and parallel slices.
type Index struct {
	Persons   *StringTable
	Employees *StringTable
	Cases     *StringTable
	units     *StringTable
	teams     *StringTable
	codes     *StringTable // team kinds, functions, ranks

	// persons, by person id
	pers      []personRec // one more than persons: the last holds the end offset
	pCases    []uint32
	pEmployee []uint64 // bit set: the person is an employee's own record

	// persons per surname, for the surnames of employees only (the
	// rarity of a shared surname); surnames are kept as hashes
	surnameCount map[uint32]uint32
	knownPersons int

	// employees, by employee id
	eUnit []uint32
	eTeam []uint32
	// eFormerTeam is the team of an earlier employees.csv row of the
	// employee (a transfer), none when there was none or it was the same
	eFormerTeam []uint32
	eTeamKind   []uint32 // code id
	eFunction   []uint32 // code id
	eRank       []uint32 // code id
	ePeer       []uint32
	eRole       []uint8 // roleNone, roleDesk or roleAnalysis
	eSurname    []uint32
	ePerson     []uint32 // own record, none when unknown
	eGuessSelf  []bool   // own record guessed from a unique surname
	eShiftOff   []uint32
	shiftStart  []int64
	shiftEnd    []int64
	maxShift    int64
	eRelOff     []uint32
	relPerson   []uint32
	relSignal   []Signal
	peers       *StringTable

	// teams
	tUnit []uint32
	tKind []uint32

	// cases, by case id
	cs        []caseRec // one more than cases: the last holds the end offsets
	cPersons  []uint32  // sorted per case
	staffEmp  []uint32
	staffFrom []int64
	staffTo   []int64

	Sizes Sizes
	seed  hashSeed // for keys of ids the context lacks, and for names
}

// personRec holds what the hot path reads about a person in one place, so
// that a look-up costs one cache miss rather than one per attribute.
type personRec struct {
	surname  uint32 // hash of the normalised surname, 0 unknown
	postcode uint32 // hash of the normalised postcode, 0 unknown
	address  uint32 // hash of postcode + house number, 0 unknown
	caseOff  uint32 // the person's cases are pCases[caseOff : next record's caseOff]
	birth    uint16
	flags    uint8
}

// caseRec is the same for a case.
type caseRec struct {
	open, close         int64 // unix seconds; close is the end of the closing day for dates, forever when open
	team, unit          uint32
	staffOff, personOff uint32 // into staff* and cPersons, ending at the next record's offsets
	kind                uint8
	sensitive           bool
	openDay             bool // open is a date: the case opened some time on that day (docs/formats.md)
}

func (ix *Index) personCases(p uint32) []uint32 {
	return ix.pCases[ix.pers[p].caseOff:ix.pers[p+1].caseOff]
}

// Sizes counts what the context held, for the scan summary.
type Sizes struct {
	Units, Teams, Employees, Persons, Relations, Cases, CasePersons, CaseStaff, Shifts int
}

// Builder collects the context rows one at a time so that the national
// population never exists as a slice of structs.
type Builder struct {
	ix         *Index
	cpCase     []uint32
	cpPerson   []uint32
	csCase     []uint32
	csEmp      []uint32
	csFrom     []int64
	csTo       []int64
	shEmp      []uint32
	shStart    []int64
	shEnd      []int64
	relA       []uint32
	relB       []uint32
	relKind    []Signal
	empPersons map[string]struct{}
	// empBits has the bit hash32(id) % len of each id in empPersons set:
	// most relations touch no employee, and a bit test tells so for less
	// than a map look-up
	empBits []uint64
	// persons.csv rows waiting to be interned as a batch: the person table
	// is large, and touching the slots of a batch first overlaps the
	// cache misses
	pending []lekradar.Person
	hashes  []uint64
	sink    uint64
	seed    hashSeed
	buf     []byte
}

// SizeHint pre-sizes the tables; zero values are fine.
type SizeHint struct {
	Persons, Employees, Cases int
	PersonIDBytes             int // the length of all person ids together
}

// prefaultPersons is the size hint from which NewBuilder faults in the
// person tables ahead of the rows (see prefault).
const prefaultPersons = 1 << 20

// NewBuilder starts an empty index.
func NewBuilder(h SizeHint) *Builder {
	ix := &Index{
		seed:      newHashSeed(),
		Persons:   NewStringTable(h.Persons),
		Employees: NewStringTable(h.Employees),
		Cases:     NewStringTable(h.Cases),
		units:     NewStringTable(16),
		teams:     NewStringTable(1024),
		codes:     NewStringTable(64),
		peers:     NewStringTable(64),
	}
	n := h.Persons
	ix.pers = make([]personRec, 0, n+n/8+1)
	adviseHugePages(ix.pers)
	ix.Persons.ReserveBytes(h.PersonIDBytes)
	ix.cs = make([]caseRec, 0, h.Cases+1)
	if n >= prefaultPersons {
		// The person table and records are written at random and in
		// order: fault them in meanwhile, up to the rows the hint
		// expects (it is an eighth over, and memory faulted in is held).
		t, rows := ix.Persons, n*8/9
		prefault(bytesOf(t.slots, len(t.slots)),
			bytesOf(ix.pers, rows), bytesOf(t.ends, rows), bytesOf(t.arena, cap(t.arena)*8/9))
	}
	return &Builder{ix: ix, seed: ix.seed, empPersons: map[string]struct{}{}}
}

func (b *Builder) person(id string) uint32 {
	return b.personHashed(b.ix.Persons.Hash(unsafe.Slice(unsafe.StringData(id), len(id))), id)
}

func (b *Builder) personHashed(h uint64, id string) uint32 {
	ix := b.ix
	p, added := ix.Persons.InternHashed(h, unsafe.Slice(unsafe.StringData(id), len(id)))
	if added {
		ix.pers = append(ix.pers, personRec{})
	}
	return p
}

func (b *Builder) employee(id string) uint32 {
	ix := b.ix
	e, added := ix.Employees.Intern(id)
	if added {
		ix.eUnit = append(ix.eUnit, none)
		ix.eTeam = append(ix.eTeam, none)
		ix.eFormerTeam = append(ix.eFormerTeam, none)
		ix.eTeamKind = append(ix.eTeamKind, none)
		ix.eFunction = append(ix.eFunction, none)
		ix.eRank = append(ix.eRank, none)
		ix.eSurname = append(ix.eSurname, 0)
		ix.ePerson = append(ix.ePerson, none)
	}
	return e
}

func (b *Builder) caseID(id string) uint32 {
	return b.caseIDHashed(b.ix.Cases.Hash(unsafe.Slice(unsafe.StringData(id), len(id))), id)
}

func (b *Builder) caseIDHashed(h uint64, id string) uint32 {
	ix := b.ix
	c, added := ix.Cases.InternHashed(h, unsafe.Slice(unsafe.StringData(id), len(id)))
	if added {
		ix.cs = append(ix.cs, caseRec{kind: kindOther, unit: none, team: none, open: math.MinInt64, close: forever})
	}
	return c
}

func (b *Builder) team(id string) uint32 {
	ix := b.ix
	t, added := ix.teams.Intern(id)
	if added {
		ix.tUnit = append(ix.tUnit, none)
		ix.tKind = append(ix.tKind, none)
	}
	return t
}

func (b *Builder) code(s string) uint32 {
	if s == "" {
		return none
	}
	c, _ := b.ix.codes.Intern(s)
	return c
}

func (b *Builder) unit(s string) uint32 {
	if s == "" {
		return none
	}
	u, _ := b.ix.units.Intern(s)
	return u
}

// AddUnit adds a row of units.csv.
func (b *Builder) AddUnit(u *lekradar.Unit) {
	b.flushPersons()
	b.unit(u.ID)
	b.ix.Sizes.Units++
}

// AddTeam adds a row of teams.csv.
func (b *Builder) AddTeam(t *lekradar.Team) {
	b.flushPersons()
	id := b.team(t.ID)
	b.ix.tUnit[id] = b.unit(t.UnitID)
	b.ix.tKind[id] = b.code(t.Kind)
	b.ix.Sizes.Teams++
}

// AddEmployee adds a row of employees.csv.
func (b *Builder) AddEmployee(e *lekradar.Employee) {
	b.flushPersons()
	ix := b.ix
	n := ix.Employees.Len()
	id := b.employee(e.ID)
	prevFormer := uint32(none)
	if int(id) < n {
		prevFormer = ix.eFormerTeam[id]
		// A repeated row is the employee's later state (a transfer):
		// it replaces the earlier row as a whole. The earlier team is
		// kept as the former team: the log goes back to before the
		// transfer, and employees.csv has no dates to tell when.
		if old := ix.eTeam[id]; old != none {
			ix.eFormerTeam[id] = old
		}
		ix.eTeam[id], ix.eSurname[id], ix.ePerson[id] = none, 0, none
	} else {
		ix.Sizes.Employees++
	}
	ix.eUnit[id] = b.unit(e.UnitID)
	if e.TeamID != "" {
		ix.eTeam[id] = b.team(e.TeamID)
	}
	// a row that repeats the current team (the same state exported
	// twice) keeps the team before it
	if ix.eFormerTeam[id] == ix.eTeam[id] {
		ix.eFormerTeam[id] = prevFormer
		if prevFormer == ix.eTeam[id] {
			ix.eFormerTeam[id] = none
		}
	}
	ix.eFunction[id] = b.code(strings.ToLower(strings.TrimSpace(e.Function)))
	ix.eRank[id] = b.code(e.Rank)
	if s := b.normSurname(e.Surname); len(s) > 0 {
		ix.eSurname[id] = b.hash32(s)
	}
	if e.PersonID != "" {
		ix.ePerson[id] = b.person(e.PersonID)
		b.empPersons[strings.Clone(e.PersonID)] = struct{}{}
		if b.empBits == nil {
			b.empBits = make([]uint64, empBitsWords)
		}
		h := hash32(b.seed, unsafe.Slice(unsafe.StringData(e.PersonID), len(e.PersonID))) % (64 * empBitsWords)
		b.empBits[h/64] |= 1 << (h % 64)
	}
}

// AddPerson adds a row of persons.csv.
func (b *Builder) AddPerson(p *lekradar.Person) {
	b.pending = append(b.pending, *p)
	if len(b.pending) == 256 {
		b.flushPersons()
	}
}

func (b *Builder) flushPersons() {
	if len(b.pending) == 0 {
		return
	}
	t := b.ix.Persons
	b.hashes = b.hashes[:0]
	var sink uint64
	for i := range b.pending {
		h := t.Hash(unsafe.Slice(unsafe.StringData(b.pending[i].ID), len(b.pending[i].ID)))
		b.hashes = append(b.hashes, h)
		sink ^= t.Touch(h)
	}
	b.sink = sink
	for i := range b.pending {
		b.addPerson(&b.pending[i], b.hashes[i])
	}
	clear(b.pending)
	b.pending = b.pending[:0]
}

func (b *Builder) addPerson(p *lekradar.Person, h uint64) {
	ix := b.ix
	id, added := ix.Persons.InternHashed(h, unsafe.Slice(unsafe.StringData(p.ID), len(p.ID)))
	if added {
		ix.pers = append(ix.pers, personRec{})
	}
	if s := b.normSurname(p.Surname); len(s) > 0 {
		ix.pers[id].surname = b.hash32(s)
	}
	if p.BirthYear > 0 && p.BirthYear < 65535 {
		ix.pers[id].birth = uint16(p.BirthYear)
	}
	pc := b.normPostcode(p.Postcode)
	if len(pc) > 0 {
		ix.pers[id].postcode = b.hash32(pc)
		if hn := strings.TrimSpace(p.HouseNumber); hn != "" {
			pc = append(pc, '|')
			pc = appendHouseNumber(pc, hn)
			ix.pers[id].address = b.hash32(pc)
		}
	}
	f := personFlags(p.Flags)
	if ix.pers[id].flags&flagSeen == 0 {
		ix.Sizes.Persons++
	}
	ix.pers[id].flags = f
}

// Keys of a persons.csv row as PreparePerson packs them: [0] the hash of
// the id in the person table; [1] surname hash << 32 | postcode hash; [2]
// address hash << 32 | birth year << 8 | flags. A zero hash is unknown.

// PreparePerson computes what AddPersons needs of a row of persons.csv,
// everything but the interning of its id. It only reads state fixed when
// the Builder was made, so several goroutines may call it at once, also
// while rows are being added.
func (b *Builder) PreparePerson(p *lekradar.Person, k *[4]uint64) {
	k[0] = b.ix.Persons.Hash(unsafe.Slice(unsafe.StringData(p.ID), len(p.ID)))
	var buf [64]byte
	var surname, postcode, address uint32
	if s := appendNormSurname(buf[:0], p.Surname); len(s) > 0 {
		surname = hash32(b.seed, s)
	}
	if pc := appendNormPostcode(buf[:0], p.Postcode); len(pc) > 0 {
		postcode = hash32(b.seed, pc)
		if hn := strings.TrimSpace(p.HouseNumber); hn != "" {
			pc = append(pc, '|')
			pc = appendHouseNumber(pc, hn)
			address = hash32(b.seed, pc)
		}
	}
	var birth uint64
	if p.BirthYear > 0 && p.BirthYear < 65535 {
		birth = uint64(p.BirthYear)
	}
	k[1] = uint64(surname)<<32 | uint64(postcode)
	k[2] = uint64(address)<<32 | birth<<8 | uint64(personFlags(p.Flags))
}

// appendUpper appends strings.ToUpper(s) without allocating for ASCII.
// appendHouseNumber normalises a house number with its addition, as
// registers write it in several ways: "12-A", "12a", "12 A" and "12A" are
// one address, "12-hs" and "12 HS" another, and "12-2" is not "122". The
// number's digits come first, then "|" and the addition in upper case
// without spaces, hyphens, slashes or dots.
func appendHouseNumber(dst []byte, hn string) []byte {
	i := 0
	for i < len(hn) && '0' <= hn[i] && hn[i] <= '9' {
		i++
	}
	dst = append(dst, hn[:i]...)
	dst = append(dst, '|')
	for _, r := range strings.ToUpper(hn[i:]) {
		switch r {
		case ' ', '\t', '-', '/', '.', '_':
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func personFlags(flags []string) uint8 {
	var f uint8 = flagSeen
	for _, fl := range flags {
		switch strings.TrimSpace(fl) {
		case lekradar.FlagVIP:
			f |= flagVIP
		case lekradar.FlagShielded:
			f |= flagShld
		case lekradar.FlagDeceased:
			f |= flagDead
		}
	}
	return f
}

// AddPersons adds rows of persons.csv with their keys from PreparePerson;
// it is AddPerson for each, without keeping the rows.
func (b *Builder) AddPersons(ps []lekradar.Person, keys [][4]uint64) {
	b.flushPersons()
	t := b.ix.Persons
	// Touching the slots of a block first overlaps their cache misses.
	const block = 256
	for lo := 0; lo < len(ps); lo += block {
		hi := min(lo+block, len(ps))
		var sink uint64
		for i := lo; i < hi; i++ {
			sink ^= t.Touch(keys[i][0])
		}
		b.sink = sink
		for i := lo; i < hi; i++ {
			b.addPersonKeys(ps[i].ID, &keys[i])
		}
	}
}

func (b *Builder) addPersonKeys(pid string, k *[4]uint64) {
	ix := b.ix
	id, added := ix.Persons.InternHashed(k[0], unsafe.Slice(unsafe.StringData(pid), len(pid)))
	if added {
		ix.pers = append(ix.pers, personRec{})
	}
	rec := &ix.pers[id]
	if s := uint32(k[1] >> 32); s != 0 {
		rec.surname = s
	}
	if y := uint16(k[2] >> 8); y != 0 {
		rec.birth = y
	}
	if pc := uint32(k[1]); pc != 0 {
		rec.postcode = pc
		if a := uint32(k[2] >> 32); a != 0 {
			rec.address = a
		}
	}
	if rec.flags&flagSeen == 0 {
		ix.Sizes.Persons++
	}
	rec.flags = uint8(k[2])
}

// PrepareRelation computes what AddRelations needs of a row of
// relations.csv: [0] is 1 when the relation may matter (it touches an
// employee's own record), [1] its signal. Like PreparePerson it may run on
// several goroutines at once, once employees.csv has been added.
func (b *Builder) PrepareRelation(r *lekradar.Relation, k *[4]uint64) {
	k[0], k[1] = 1, uint64(relationSignal(r.Kind))
	if len(b.empPersons) > 0 && !b.maybeEmployee(r.PersonID) && !b.maybeEmployee(r.RelatedPersonID) {
		k[0] = 0
	}
}

// empBitsWords sizes empBits: 2^20 bits, a few percent of them set by a
// national workforce, in 128 KiB that stay in cache.
const empBitsWords = 1 << 14

// maybeEmployee reports whether person id is an employee's own record.
func (b *Builder) maybeEmployee(id string) bool {
	h := hash32(b.seed, unsafe.Slice(unsafe.StringData(id), len(id))) % (64 * empBitsWords)
	if b.empBits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	_, ok := b.empPersons[id]
	return ok
}

// AddRelations adds rows of relations.csv with their keys from
// PrepareRelation; it is AddRelation for each, without keeping the rows.
func (b *Builder) AddRelations(rs []lekradar.Relation, keys [][4]uint64) {
	b.flushPersons()
	b.ix.Sizes.Relations += len(rs)
	for i := range rs {
		if keys[i][0] == 0 {
			continue
		}
		b.relA = append(b.relA, b.person(rs[i].PersonID))
		b.relB = append(b.relB, b.person(rs[i].RelatedPersonID))
		b.relKind = append(b.relKind, Signal(keys[i][1]))
	}
}

func relationSignal(kind string) Signal {
	switch kind {
	case lekradar.RelationPartner:
		return SigPartner
	case lekradar.RelationExPartner:
		return SigExPartner
	case lekradar.RelationHousehold:
		return SigHousehold
	}
	return SigRelative // parent, child, sibling and any kin a source adds later
}

// AddRelation adds a row of relations.csv.
func (b *Builder) AddRelation(r *lekradar.Relation) {
	b.flushPersons()
	sig := relationSignal(r.Kind)
	b.ix.Sizes.Relations++
	// Only relations of employees matter. The population's relations are
	// millions of rows: skipping the others saves two look-ups in the big
	// person table per row. employees.csv comes first; without it, keep all.
	if len(b.empPersons) > 0 {
		_, a := b.empPersons[r.PersonID]
		_, c := b.empPersons[r.RelatedPersonID]
		if !a && !c {
			return
		}
	}
	b.relA = append(b.relA, b.person(r.PersonID))
	b.relB = append(b.relB, b.person(r.RelatedPersonID))
	b.relKind = append(b.relKind, sig)
}

// AddCase adds a row of cases.csv.
func (b *Builder) AddCase(c *lekradar.Case) {
	b.flushPersons()
	ix := b.ix
	n := ix.Cases.Len()
	id := b.caseID(c.ID)
	if int(id) < n && ix.cs[id].kind != kindOther {
		// A repeated row is the case's later state (reopened, moved to
		// another team): it replaces the earlier row as a whole.
		r := &ix.cs[id]
		r.kind, r.team, r.unit, r.open, r.close, r.sensitive, r.openDay = kindOther, none, none, math.MinInt64, forever, false, false
	} else {
		ix.Sizes.Cases++
	}
	switch c.Kind {
	case lekradar.CaseIncident:
		ix.cs[id].kind = kindIncident
	case lekradar.CaseInvestigation:
		ix.cs[id].kind = kindInvestigation
	case lekradar.CaseIntake:
		ix.cs[id].kind = kindIntake
	}
	ix.cs[id].unit = b.unit(c.UnitID)
	if c.TeamID != "" {
		ix.cs[id].team = b.team(c.TeamID)
	}
	if !c.Opened.IsZero() {
		ix.cs[id].open = c.Opened.Unix()
		ix.cs[id].openDay = !c.OpenedHasTime
	}
	if !c.Closed.IsZero() {
		end := c.Closed.Unix()
		if !c.ClosedHasTime {
			end += daySecs // a date closes at the end of that day
		}
		ix.cs[id].close = end
	}
	ix.cs[id].sensitive = c.Sensitive
}

// AddCasePerson adds a row of case_persons.csv.
func (b *Builder) AddCasePerson(cp *lekradar.CasePerson) {
	b.flushPersons()
	b.cpCase = append(b.cpCase, b.caseID(cp.CaseID))
	b.cpPerson = append(b.cpPerson, b.person(cp.PersonID))
	b.ix.Sizes.CasePersons++
}

// PrepareCasePerson computes what AddCasePersons needs of a row of
// case_persons.csv: [0] the hash of the case id, [1] of the person id. Like
// PreparePerson it may run on several goroutines at once.
func (b *Builder) PrepareCasePerson(cp *lekradar.CasePerson, k *[4]uint64) {
	k[0] = b.ix.Cases.Hash(unsafe.Slice(unsafe.StringData(cp.CaseID), len(cp.CaseID)))
	k[1] = b.ix.Persons.Hash(unsafe.Slice(unsafe.StringData(cp.PersonID), len(cp.PersonID)))
}

// AddCasePersons adds rows of case_persons.csv with their keys from
// PrepareCasePerson; it is AddCasePerson for each, without keeping the rows.
func (b *Builder) AddCasePersons(cps []lekradar.CasePerson, keys [][4]uint64) {
	b.flushPersons()
	// The persons of cases are spread over the whole person table: touch
	// a block's slots first, as AddPersons does.
	const block = 256
	t := b.ix.Persons
	for lo := 0; lo < len(cps); lo += block {
		hi := min(lo+block, len(cps))
		var sink uint64
		for i := lo; i < hi; i++ {
			sink ^= t.Touch(keys[i][1])
		}
		b.sink = sink
		for i := lo; i < hi; i++ {
			b.cpCase = append(b.cpCase, b.caseIDHashed(keys[i][0], cps[i].CaseID))
			b.cpPerson = append(b.cpPerson, b.personHashed(keys[i][1], cps[i].PersonID))
		}
	}
	b.ix.Sizes.CasePersons += len(cps)
}

// AddCaseStaff adds a row of case_staff.csv.
func (b *Builder) AddCaseStaff(cs *lekradar.CaseStaff) {
	b.flushPersons()
	from, to := int64(math.MinInt64), forever
	if !cs.From.IsZero() {
		from = cs.From.Unix()
	}
	if !cs.To.IsZero() {
		to = cs.To.Unix() + daySecs // the last day counts in full
	}
	b.csCase = append(b.csCase, b.caseID(cs.CaseID))
	b.csEmp = append(b.csEmp, b.employee(cs.EmployeeID))
	b.csFrom = append(b.csFrom, from)
	b.csTo = append(b.csTo, to)
	b.ix.Sizes.CaseStaff++
}

// AddShift adds a row of shifts.csv.
func (b *Builder) AddShift(s *lekradar.Shift) {
	b.flushPersons()
	start, end := s.Start.Unix(), s.End.Unix()
	if end < start { // a night shift written with the end's clock time only
		end += daySecs
	}
	b.shEmp = append(b.shEmp, b.employee(s.EmployeeID))
	b.shStart = append(b.shStart, start)
	b.shEnd = append(b.shEnd, end)
	b.ix.Sizes.Shifts++
}

func (b *Builder) hash32(s []byte) uint32 { return hash32(b.seed, s) }

func hash32(seed hashSeed, s []byte) uint32 {
	h := uint32(seed.sum(s))
	if h == 0 {
		h = 1
	}
	return h
}

// normSurname folds case and spacing so "de Vries" and "De  Vries" match.
func (b *Builder) normSurname(s string) []byte {
	b.buf = appendNormSurname(b.buf[:0], s)
	return b.buf
}

func appendNormSurname(dst []byte, s string) []byte {
	if strings.IndexByte(s, ',') >= 0 {
		return appendSortedSurname(dst, s)
	}
	start := len(dst)
	if ascii, normal := asciiLower(s); ascii {
		if normal {
			return append(dst, s...)
		}
		space := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				space = true
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
		}
		return dst
	}
	// Not ASCII: letters with diacritics are folded to their base letter,
	// since one register writes "Çelik" or "Özdemir" and another "Celik"
	// or "Ozdemir".
	space := false
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = appendFolded(dst, unicode.ToLower(r))
	}
	return dst
}

// appendFolded appends r, spelling the letters that have no decomposition
// as registers without them write them.
func appendFolded(dst []byte, r rune) []byte {
	switch r {
	case 'ı':
		return append(dst, 'i')
	case 'ß':
		return append(dst, "ss"...)
	case 'ø':
		return append(dst, 'o')
	case 'æ':
		return append(dst, "ae"...)
	case 'đ':
		return append(dst, 'd')
	case 'ł':
		return append(dst, 'l')
	}
	return utf8.AppendRune(dst, r)
}

// asciiLower reports whether s is ASCII, and if so whether it is already
// in normal form (lower case, single inner spaces, no outer space).
func asciiLower(s string) (ascii, normal bool) {
	normal = len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return false, false
		case c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\r':
			normal = false
		case c == ' ' && i > 0 && s[i-1] == ' ':
			normal = false
		}
	}
	return true, normal
}

func (b *Builder) normPostcode(s string) []byte {
	b.buf = appendNormPostcode(b.buf[:0], s)
	return b.buf
}

// appendSortedSurname normalises a surname written in the sorting form of
// Dutch registers, "Jong, de" or "Holtenhoff, in 't", as the name it is,
// "de jong": an HR export often sorts names so, while the population
// register writes them in full. A part after the comma that is not a
// surname prefix (initials, say) is left where it is.
func appendSortedSurname(dst []byte, s string) []byte {
	i := strings.LastIndexByte(s, ',')
	head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if head == "" || tail == "" || strings.IndexByte(head, ',') >= 0 {
		return appendNormSurname(dst, strings.ReplaceAll(s, ",", " "))
	}
	for _, w := range strings.Fields(tail) {
		if !surnamePrefixes[strings.ToLower(w)] {
			return appendNormSurname(dst, strings.ReplaceAll(s, ",", " "))
		}
	}
	return appendNormSurname(dst, tail+" "+head)
}

// surnamePrefixes are the words that come before a surname in Dutch
// (tussenvoegsels) and in the names of neighbouring languages.
var surnamePrefixes = map[string]bool{
	"van": true, "de": true, "der": true, "den": true, "het": true, "'t": true, "te": true, "ten": true, "ter": true,
	"in": true, "op": true, "aan": true, "bij": true, "uit": true, "onder": true, "over": true, "voor": true,
	"'s": true, "d'": true, "la": true, "le": true, "les": true, "du": true, "da": true, "di": true, "del": true,
	"della": true, "dos": true, "das": true, "von": true, "zu": true, "vom": true, "zum": true, "zur": true,
	"el": true, "al": true, "al-": true, "el-": true, "ben": true, "bin": true, "ibn": true, "mc": true, "mac": true, "o'": true,
}

func appendNormPostcode(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
		case c >= 'a' && c <= 'z':
			dst = append(dst, c-'a'+'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// Build finishes the index; the builder must not be used afterwards.
func (b *Builder) Build() *Index {
	b.flushPersons()
	ix := b.ix
	nP, nE, nC := ix.Persons.Len(), ix.Employees.Len(), ix.Cases.Len()

	// Employee-derived fields are resolved now, since teams.csv may come
	// after employees.csv.
	ix.eTeamKind = make([]uint32, nE)
	ix.ePeer = make([]uint32, nE)
	ix.eRole = make([]uint8, nE)
	ix.eGuessSelf = make([]bool, nE)
	for e := 0; e < nE; e++ {
		ix.eTeamKind[e] = none
		if t := ix.eTeam[e]; t != none {
			ix.eTeamKind[e] = ix.tKind[t]
			if ix.eUnit[e] == none {
				ix.eUnit[e] = ix.tUnit[t]
			}
		}
		kind, fn := ix.codeString(ix.eTeamKind[e]), ix.codeString(ix.eFunction[e])
		ix.eRole[e] = roleOf(kind, fn)
		peer := "team_kind:" + strings.ToLower(strings.TrimSpace(kind))
		if kind == "" {
			peer = "function:" + strings.ToLower(strings.TrimSpace(fn))
		}
		ix.ePeer[e], _ = ix.peers.Intern(peer)
	}

	// Surname counts, then the unique-surname guess of an employee's own
	// record when employees.csv gives none.
	// The count runs over every person: a small open-addressing table of
	// the employees' surnames costs a fraction of a map look-up each.
	size := 16
	for size < 2*len(ix.eSurname) {
		size <<= 1
	}
	keys, counts, mask := make([]uint32, size), make([]uint32, size), uint32(size-1)
	slot := func(s uint32) (uint32, bool) { // s != 0
		for i := s & mask; ; i = (i + 1) & mask {
			switch keys[i] {
			case s:
				return i, true
			case 0:
				return i, false
			}
		}
	}
	for _, s := range ix.eSurname {
		if s != 0 {
			if i, ok := slot(s); !ok {
				keys[i] = s
			}
		}
	}
	// Counting runs over every person, and so does the person → cases
	// index: they touch different fields of the records, so the count runs
	// on a second core meanwhile.
	ix.pers = append(ix.pers, personRec{}) // the end offset of the last person's cases
	var counted sync.WaitGroup
	counted.Add(1)
	go func() {
		defer counted.Done()
		known := 0
		for p := 0; p < nP; p++ {
			if s := ix.pers[p].surname; s != 0 {
				if i, ok := slot(s); ok {
					counts[i]++
				}
			}
			if ix.pers[p].flags&flagSeen != 0 {
				known++
			}
		}
		ix.knownPersons = known
	}()
	ix.pEmployee = make([]uint64, (nP+63)/64)
	for e := 0; e < nE; e++ {
		if p := ix.ePerson[e]; p != none {
			ix.pEmployee[p/64] |= 1 << (p % 64)
		}
	}

	// Person → cases, with the offsets kept in the person records
	// themselves (csr's offsets would be another 4 bytes a person).
	pers := ix.pers
	for _, p := range b.cpPerson {
		pers[p+1].caseOff++
	}
	for p := 0; p < nP; p++ {
		pers[p+1].caseOff += pers[p].caseOff
	}
	ix.pCases = make([]uint32, len(b.cpCase))
	for i, p := range b.cpPerson { // caseOff as the cursor of person p: shifted by one after
		ix.pCases[pers[p].caseOff] = b.cpCase[i]
		pers[p].caseOff++
	}
	for p := nP; p > 0; p-- {
		pers[p].caseOff = pers[p-1].caseOff
	}
	pers[0].caseOff = 0
	counted.Wait()
	ix.surnameCount = map[uint32]uint32{}
	for i, s := range keys {
		if s != 0 {
			ix.surnameCount[s] = counts[i]
		}
	}

	// Case → persons.
	var off []uint32
	off, ix.cPersons = csr(nC, b.cpCase, b.cpPerson)
	ix.cs = append(ix.cs, caseRec{unit: none, team: none})
	for c := range ix.cs {
		ix.cs[c].personOff = off[c]
	}
	for c := 0; c < nC; c++ {
		slices.Sort(ix.cPersons[ix.cs[c].personOff:ix.cs[c+1].personOff])
	}
	b.cpCase, b.cpPerson = nil, nil

	// Case → staff.
	off, ix.staffEmp, ix.staffFrom, ix.staffTo = csrStaff(nC, b.csCase, b.csEmp, b.csFrom, b.csTo)
	for c := range ix.cs {
		ix.cs[c].staffOff = off[c]
	}
	b.csCase, b.csEmp, b.csFrom, b.csTo = nil, nil, nil, nil

	// Employee → shifts sorted by start.
	ix.eShiftOff, ix.shiftStart, ix.shiftEnd = csrShifts(nE, b.shEmp, b.shStart, b.shEnd)
	for i := range ix.shiftStart {
		if d := ix.shiftEnd[i] - ix.shiftStart[i]; d > ix.maxShift {
			ix.maxShift = d
		}
	}
	b.shEmp, b.shStart, b.shEnd = nil, nil, nil

	// Relations touching an employee's own record, both directions.
	empOf := map[uint32][]uint32{}
	for e := 0; e < nE; e++ {
		if p := ix.ePerson[e]; p != none {
			empOf[p] = append(empOf[p], uint32(e))
		}
	}
	type rel struct {
		emp, other uint32
		sig        Signal
	}
	var rels []rel
	for i := range b.relA {
		for _, e := range empOf[b.relA[i]] {
			rels = append(rels, rel{e, b.relB[i], b.relKind[i]})
		}
		for _, e := range empOf[b.relB[i]] {
			rels = append(rels, rel{e, b.relA[i], b.relKind[i]})
		}
	}
	slices.SortFunc(rels, func(x, y rel) int { return int(x.emp) - int(y.emp) })
	ix.eRelOff = make([]uint32, nE+1)
	for _, r := range rels {
		ix.eRelOff[r.emp+1]++
		ix.relPerson = append(ix.relPerson, r.other)
		ix.relSignal = append(ix.relSignal, r.sig)
	}
	for e := 0; e < nE; e++ {
		ix.eRelOff[e+1] += ix.eRelOff[e]
	}
	b.relA, b.relB, b.relKind = nil, nil, nil

	for e := 0; e < nE; e++ {
		if ix.ePerson[e] == none {
			s := ix.eSurname[e]
			ix.eGuessSelf[e] = s != 0 && ix.surnameCount[s] == 1
		}
	}
	ix.Persons.Compact()
	return ix
}

func (ix *Index) codeString(c uint32) string {
	if c == none {
		return ""
	}
	return string(ix.codes.Get(c))
}

// Role-based work (SPEC §5): the intake desk and the control room look up
// whoever calls or comes to the counter; information analysts look up the
// persons of their unit's work.
const (
	roleNone uint8 = iota
	roleDesk
	roleAnalysis
)

func roleOf(kind, function string) uint8 {
	kind = strings.ToLower(strings.TrimSpace(kind))
	switch kind {
	case "informatie_analyse":
		return roleAnalysis
	case "intake_service", "meldkamer":
		return roleDesk
	}
	// function is free text ("Operationeel Analist", "Centralist meldkamer",
	// "Medewerker Intake & Service"): look for the words that name the work.
	fn := strings.ToLower(function)
	switch {
	case strings.Contains(fn, "analist"):
		return roleAnalysis
	case strings.Contains(fn, "meldkamer"), strings.Contains(fn, "centralist"),
		strings.Contains(fn, "intake"), strings.Contains(fn, "servicedesk"):
		return roleDesk
	}
	return roleNone
}

// csr turns (key, value) pairs into offsets and values grouped by key.
func csr(n int, keys, vals []uint32) (off, out []uint32) {
	off = make([]uint32, n+1)
	for _, k := range keys {
		off[k+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	out = make([]uint32, len(vals))
	// Fill with off[k] as the cursor of group k, which leaves off shifted
	// by one group; shifting it back saves a copy of n offsets (18 million
	// for person → cases).
	for i, k := range keys {
		out[off[k]] = vals[i]
		off[k]++
	}
	copy(off[1:], off[:n])
	off[0] = 0
	return off, out
}

func csrStaff(n int, cases, emps []uint32, from, to []int64) (off, oe []uint32, of, ot []int64) {
	off = make([]uint32, n+1)
	for _, c := range cases {
		off[c+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	oe = make([]uint32, len(cases))
	of = make([]int64, len(cases))
	ot = make([]int64, len(cases))
	pos := slices.Clone(off[:n])
	for i, c := range cases {
		j := pos[c]
		oe[j], of[j], ot[j] = emps[i], from[i], to[i]
		pos[c]++
	}
	return
}

func csrShifts(n int, emps []uint32, start, end []int64) (off []uint32, os, oe []int64) {
	off = make([]uint32, n+1)
	for _, e := range emps {
		off[e+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	os = make([]int64, len(emps))
	oe = make([]int64, len(emps))
	pos := slices.Clone(off[:n])
	for i, e := range emps {
		j := pos[e]
		os[j], oe[j] = start[i], end[i]
		pos[e]++
	}
	for e := 0; e < n; e++ {
		lo, hi := off[e], off[e+1]
		if hi-lo > 1 {
			sortShifts(os[lo:hi], oe[lo:hi])
		}
	}
	return
}

func sortShifts(s, e []int64) {
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case s[a] < s[b]:
			return -1
		case s[a] > s[b]:
			return 1
		}
		return 0
	})
	ss, ee := slices.Clone(s), slices.Clone(e)
	for i, j := range idx {
		s[i], e[i] = ss[j], ee[j]
	}
}

// isEmployeePerson reports whether person p is an employee's own record.
func (ix *Index) isEmployeePerson(p uint32) bool {
	return int(p/64) < len(ix.pEmployee) && ix.pEmployee[p/64]&(1<<(p%64)) != 0
}

// hasShifts reports whether the roster has any shift for employee e.
func (ix *Index) hasShifts(e uint32) bool {
	return ix.eShiftOff[e+1] > ix.eShiftOff[e]
}

// onShift reports whether a shift of employee e covers t (unix seconds)
// widened by slack on both sides; shifts may cross midnight.
func (ix *Index) onShift(e uint32, t, slack int64) bool {
	lo, hi := int(ix.eShiftOff[e]), int(ix.eShiftOff[e+1])
	starts := ix.shiftStart[lo:hi]
	// first shift starting after t+slack; the covering one is before it
	i, _ := slices.BinarySearch(starts, t+slack+1)
	for j := i - 1; j >= 0; j-- {
		if ix.shiftEnd[lo+j]+slack >= t {
			return true
		}
		if starts[j] < t-ix.maxShift-slack {
			break
		}
	}
	return false
}

// caseHasPerson reports whether person p has a role in case c.
func (ix *Index) caseHasPerson(c, p uint32) bool {
	ps := ix.cPersons[ix.cs[c].personOff:ix.cs[c+1].personOff]
	if len(ps) < 16 {
		for _, q := range ps {
			if q == p {
				return true
			}
		}
		return false
	}
	_, ok := slices.BinarySearch(ps, p)
	return ok
}

// staffed reports whether employee e is assigned to case c at t.
func (ix *Index) staffed(c, e uint32, t int64) bool {
	for i := ix.cs[c].staffOff; i < ix.cs[c+1].staffOff; i++ {
		if ix.staffEmp[i] == e && ix.staffFrom[i] <= t && t < ix.staffTo[i] {
			return true
		}
	}
	return false
}

// MemoryBytes estimates the index's heap use for the load summary.
func (ix *Index) MemoryBytes() int {
	n := ix.Persons.Bytes() + ix.Employees.Bytes() + ix.Cases.Bytes()
	n += int(unsafe.Sizeof(personRec{}))*len(ix.pers) + 4*len(ix.pCases) + 8*len(ix.pEmployee) + 16*len(ix.surnameCount)
	n += int(unsafe.Sizeof(caseRec{}))*len(ix.cs) + 4*len(ix.cPersons) + 20*len(ix.staffEmp)
	n += 16*len(ix.shiftStart) + 4*len(ix.eShiftOff)
	return n
}
