package synth

import (
	"strconv"
)

// The population is laid out in blocks of blockSlots person slots. A block
// holds one to several households; blocksPerPostcode consecutive blocks share
// a postcode (a street segment of about 30 people, as in the Netherlands).
// Everything about person k follows from the seed, the block k/blockSlots and
// the few overrides the world's story needs (employees' households and their
// relatives), so any person can be recomputed without storing the
// population: that is what lets an 18-million-person world stream.
const (
	blockSlots        = 8
	blocksPerPostcode = 4
)

// Household kinds.
const (
	hhSingle uint8 = iota
	hhCouple
	hhFamily
	hhSingleParent
	hhHousemates
	hhElderly
)

// Member roles within a household.
const (
	roleHead uint8 = iota
	rolePartner
	roleChild
	roleHousemate
)

type member struct {
	surname   int32
	birthYear int16
	role      uint8
	hh        uint8 // household number within the block
}

type household struct {
	kind  uint8
	first uint8 // first slot
	size  uint8
}

type block struct {
	index      int64
	n          int // persons (fewer than blockSlots in the last block)
	members    [blockSlots]member
	households [blockSlots]household
	nh         int
}

// Override kinds: the first household of a block is shaped to fit the story.
const (
	ovNone uint8 = iota
	ovEmployee
	ovParents
	ovSibling
	ovCousin
	ovExPartner
)

type blockOverride struct {
	kind      uint8
	hhKind    uint8 // for ovEmployee
	surname   int32
	birthYear int16
}

// population computes persons on demand.
type population struct {
	seed      uint64
	n         int64 // persons
	nblocks   int64
	refYear   int
	surnames  *surnameTable
	overrides map[int64]blockOverride
	vip       map[int64]bool
	shielded  map[int64]bool
	regions   []region // by unit, cumulative over postcode indices
}

// region is the stretch of postcode indices of one territorial unit and the
// four-digit postcode areas it maps to.
type region struct {
	unit           int
	firstPC, endPC int64 // postcode index range [firstPC, endPC)
	areaLo, areaHi int   // four-digit area range, inclusive
}

func newPopulation(seed uint64, n int64, refYear int, units []unitInfo) *population {
	p := &population{
		seed:      seed,
		n:         n,
		nblocks:   (n + blockSlots - 1) / blockSlots,
		refYear:   refYear,
		surnames:  newSurnameTable(),
		overrides: map[int64]blockOverride{},
		vip:       map[int64]bool{},
		shielded:  map[int64]bool{},
	}
	npc := (p.nblocks + blocksPerPostcode - 1) / blocksPerPostcode
	var total float64
	for _, u := range units {
		total += u.popShare
	}
	var acc float64
	var start int64
	for i, u := range units {
		if u.popShare == 0 {
			continue
		}
		acc += u.popShare
		end := int64(acc / total * float64(npc))
		if end <= start {
			end = start + 1
		}
		p.regions = append(p.regions, region{unit: i, firstPC: start, endPC: end, areaLo: u.areaLo, areaHi: u.areaHi})
		start = end
	}
	p.regions[len(p.regions)-1].endPC = npc
	return p
}

// regionOfBlock returns the region a block lies in.
func (p *population) regionOfBlock(b int64) *region {
	pc := b / blocksPerPostcode
	for i := range p.regions {
		if pc < p.regions[i].endPC {
			return &p.regions[i]
		}
	}
	return &p.regions[len(p.regions)-1]
}

// regionOfUnit returns the region of a territorial unit, or nil.
func (p *population) regionOfUnit(unit int) *region {
	for i := range p.regions {
		if p.regions[i].unit == unit {
			return &p.regions[i]
		}
	}
	return nil
}

// randomBlockIn returns a block in the region drawn from h.
func (p *population) randomBlockIn(rg *region, h uint64) int64 {
	first := rg.firstPC * blocksPerPostcode
	end := rg.endPC * blocksPerPostcode
	if end > p.nblocks {
		end = p.nblocks
	}
	if end <= first {
		return first % p.nblocks
	}
	return first + int64(h%uint64(end-first))
}

// postcodeLetters are the letters used in Dutch postcodes (F, I, O, Q, U and
// Y are not used).
const postcodeLetters = "ABCDEGHJKLMNPRSTVWXZ"

// postcode returns the postcode text of a block.
func (p *population) postcode(b int64) string {
	pc := b / blocksPerPostcode
	rg := p.regionOfBlock(b)
	local := pc - rg.firstPC
	areas := int64(rg.areaHi - rg.areaLo + 1)
	n := rg.endPC - rg.firstPC
	perArea := (n + areas - 1) / areas
	if perArea < 1 {
		perArea = 1
	}
	if perArea > 397 {
		perArea = 397
	}
	area := rg.areaLo + int((local/perArea)%areas)
	l := local % perArea
	// skip the combinations SA, SD and SS, which are not used
	l1, l2 := l/20, l%20
	if postcodeLetters[l1] == 'S' && (postcodeLetters[l2] == 'A' || postcodeLetters[l2] == 'D' || postcodeLetters[l2] == 'S') {
		l2 = (l2 + 3) % 20
	}
	buf := strconv.AppendInt(make([]byte, 0, 6), int64(area), 10)
	return string(append(buf, postcodeLetters[l1], postcodeLetters[l2]))
}

// houseNumber returns the house number of household h of block b; the
// numbers of one postcode do not repeat.
func houseNumber(b int64, h household) string {
	n := (int(b%blocksPerPostcode)*blockSlots+int(h.first))*2 + 1
	return strconv.Itoa(n)
}

// personID is the identifier of person k.
func personID(k int64) string { return "P" + strconv.FormatInt(k+1, 10) }

// blockOf returns the block and slot of person k.
func blockOf(k int64) (int64, int) { return k / blockSlots, int(k % blockSlots) }

// build fills out with block b's households and members.
func (p *population) build(b int64, out *block) {
	r := newRand(p.seed, streamBlock, uint64(b))
	out.index = b
	out.n = blockSlots
	if rest := p.n - b*blockSlots; rest < blockSlots {
		out.n = int(rest)
	}
	out.nh = 0
	ov, hasOv := p.overrides[b]
	slot := 0
	for slot < out.n {
		var kind uint8
		first := out.nh == 0 && hasOv
		if first {
			switch ov.kind {
			case ovEmployee:
				kind = ov.hhKind
			case ovParents:
				kind = hhElderly
			case ovSibling, ovCousin:
				kind = []uint8{hhSingle, hhCouple, hhFamily}[r.IntN(3)]
			case ovExPartner:
				kind = hhSingle
			}
		} else {
			kind = uint8(pickWeighted(r, householdWeights[:]))
		}
		size := 1
		switch kind {
		case hhCouple, hhElderly:
			size = 2
		case hhFamily:
			size = 3 + r.IntN(3)
		case hhSingleParent:
			size = 2 + r.IntN(2)
		case hhHousemates:
			size = 2 + r.IntN(2)
		}
		if slot+size > out.n {
			size = out.n - slot
		}
		h := household{kind: kind, first: uint8(slot), size: uint8(size)}
		headSurname := p.surnames.sample(r.Float64())
		var headYear int
		switch kind {
		case hhElderly:
			headYear = p.refYear - 66 - r.IntN(25)
		case hhFamily, hhSingleParent:
			headYear = p.refYear - 27 - r.IntN(28)
		default:
			headYear = p.refYear - 19 - r.IntN(62)
		}
		if first {
			if ov.kind != ovExPartner {
				headSurname = ov.surname
			}
			if ov.birthYear != 0 {
				headYear = int(ov.birthYear)
			}
		}
		partnerSurname := headSurname
		for i := 0; i < size; i++ {
			m := &out.members[slot+i]
			m.hh = uint8(out.nh)
			switch {
			case i == 0:
				m.role = roleHead
				m.surname = headSurname
				m.birthYear = int16(headYear)
			case kind == hhHousemates:
				m.role = roleHousemate
				m.surname = p.surnames.sample(r.Float64())
				m.birthYear = int16(p.refYear - 19 - r.IntN(15))
			case i == 1 && (kind == hhCouple || kind == hhElderly || kind == hhFamily):
				m.role = rolePartner
				if r.IntN(100) < 85 {
					partnerSurname = p.surnames.sample(r.Float64())
				}
				m.surname = partnerSurname
				m.birthYear = int16(headYear - 4 + r.IntN(9))
			default:
				m.role = roleChild
				m.surname = headSurname
				if partnerSurname != headSurname && r.IntN(100) < 20 {
					m.surname = partnerSurname
				}
				young := p.refYear - headYear - 20
				if young < 1 {
					young = 1
				}
				if young > 24 {
					young = 24
				}
				m.birthYear = int16(p.refYear - r.IntN(young))
			}
		}
		out.households[out.nh] = h
		out.nh++
		slot += size
	}
}

// householdWeights are the shares of household kinds (CBS: about 38% single,
// 29% couples, 25% couples with children, 7% single parents).
var householdWeights = [...]float64{
	hhSingle:       0.36,
	hhCouple:       0.25,
	hhFamily:       0.24,
	hhSingleParent: 0.07,
	hhHousemates:   0.02,
	hhElderly:      0.06,
}

// isDeceased reports whether person k is registered as deceased.
func (p *population) isDeceased(k int64, birthYear int) bool {
	if p.refYear-birthYear < 75 {
		return false
	}
	return hash3(p.seed, streamDeceased, uint64(k))%100 < 6
}

// exPartnerOf returns the ex-partner (a person index) that a single head of
// household in block b has, or -1. Ex-partners live in the same region.
func (p *population) exPartnerOf(b int64, hhKind uint8) int64 {
	if hhKind != hhSingle && hhKind != hhSingleParent {
		return -1
	}
	h := hash3(p.seed, streamExPartner, uint64(b))
	if h%100 >= 15 {
		return -1
	}
	other := p.randomBlockIn(p.regionOfBlock(b), h>>8)
	if other == b {
		return -1
	}
	return other * blockSlots
}

// personOf fills the attributes of person k: surname index, birth year,
// postcode block and household.
func (p *population) personOf(k int64, scratch *block) (member, household) {
	b, s := blockOf(k)
	if scratch.index != b || scratch.nh == 0 {
		p.build(b, scratch)
	}
	m := scratch.members[s]
	return m, scratch.households[m.hh]
}
