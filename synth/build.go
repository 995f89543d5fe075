package synth

import (
	"math"
	"math/rand/v2"
	"strconv"

	"lekradar"
)

// buildOrg creates the units, teams and employees.
func (w *world) buildOrg() {
	r := newRand(w.seed, streamOrg, 1)
	var total float64
	for _, u := range w.units {
		total += u.staffShare
	}
	w.unitStaff = make([]int, len(w.units))
	assigned := 0
	for i, u := range w.units {
		w.unitStaff[i] = int(math.Round(u.staffShare / total * float64(w.cfg.Employees)))
		assigned += w.unitStaff[i]
	}
	w.unitStaff[len(w.units)-2] += w.cfg.Employees - assigned // rounding rest to the pdc
	w.unitTeams = make([]map[string][]int, len(w.units))
	for ui, u := range w.units {
		w.unitTeams[ui] = map[string][]int{}
		mix := regionalMix
		switch u.code {
		case "landelijke_eenheid":
			mix = nationalMix
		case "pdc":
			mix = pdcMix
		case "staf_korpsleiding":
			mix = stafMix
		}
		staff := w.unitStaff[ui]
		// members per kind, rounding rest to the first (largest) kind
		counts := make([]int, len(mix))
		sum := 0
		for k, m := range mix {
			counts[k] = int(math.Round(m.share * float64(staff)))
			sum += counts[k]
		}
		counts[0] += staff - sum
		if counts[0] < 0 {
			counts[0] = 0
		}
		for k, m := range mix {
			if counts[k] <= 0 {
				continue
			}
			nt := int(math.Round(float64(counts[k]) / float64(m.size)))
			if nt < 1 {
				nt = 1
			}
			first := len(w.teams)
			for t := 0; t < nt; t++ {
				ti := len(w.teams)
				name := teamKindNames[m.kind] + " " + u.name[len("Eenheid "):]
				if u.popShare == 0 {
					name = teamKindNames[m.kind] + " " + u.name
				}
				if nt > 1 {
					name += " " + strconv.Itoa(t+1)
				}
				w.teams = append(w.teams, team{id: teamID(ti), unit: ui, kind: m.kind, name: name})
				w.unitTeams[ui][m.kind] = append(w.unitTeams[ui][m.kind], ti)
			}
			for j := 0; j < counts[k]; j++ {
				w.addEmployee(r, ui, first+j%nt, m.kind)
			}
		}
	}
	w.teamMembers = make([][]int, len(w.teams))
	for i := range w.emps {
		w.teamMembers[w.emps[i].team] = append(w.teamMembers[w.emps[i].team], i)
	}
	w.assignments = make([][]assignment, len(w.emps))
}

func (w *world) addEmployee(r *rand.Rand, unit, team int, kind string) {
	i := len(w.emps)
	fn := functionFor(r, kind)
	e := employee{
		idx:       i,
		id:        employeeID(i),
		unit:      unit,
		team:      team,
		function:  fn,
		rank:      rankFor(r, fn),
		block:     -1,
		rota:      rotaFor(fn),
		offDay:    -1,
		leaveFrom: -1, leaveTo: -1,
		partner: -1, exPartner: -1, parent: -1, sibling: -1, cousin: -1, child: -1,
	}
	e.rotaOffset = r.IntN(10)
	e.jitterMin = []int{-30, 0, 0, 0, 30}[r.IntN(5)]
	if e.rota == rotaDay && r.IntN(100) < 25 {
		e.offDay = 1 + r.IntN(5)
	}
	if r.IntN(100) < 8 && w.days >= 14 {
		e.leaveFrom = r.IntN(w.days)
		e.leaveTo = e.leaveFrom + 5 + r.IntN(6)
	}
	if r.IntN(100) < 3 && w.days >= 6 {
		// joined during the period: no history before startDay
		e.startDay = w.days/3 + r.IntN(w.days/2)
	}
	// The study: hoofdagenten and brigadiers in executive work are
	// over-represented among suspects.
	e.riskWeight = 1
	switch e.rank {
	case "hoofdagent", "brigadier":
		e.riskWeight = 2.2
	case "burger", "extern":
		e.riskWeight = 0.6
	}
	if e.executive() {
		e.riskWeight *= 1.4
	}
	w.emps = append(w.emps, e)
}

// buildFamilies gives most employees their own person record, with a
// household and relatives elsewhere, by overriding population blocks.
func (w *world) buildFamilies() {
	r := newRand(w.seed, streamOrg, 2)
	p := w.pop
	rare := func(s int32) bool { return p.surnames.share(s)*float64(p.n) <= rareBearers(p.n) }
	for i := range w.emps {
		e := &w.emps[i]
		surname := p.surnames.sample(r.Float64())
		e.surname = surname
		if r.IntN(100) >= 92 {
			continue // no own person record
		}
		var rg *region
		if p.regionOfUnit(e.unit) != nil && r.IntN(100) < 85 {
			rg = p.regionOfUnit(e.unit)
		} else {
			rg = &p.regions[r.IntN(len(p.regions))]
		}
		b := w.freeBlock(r, rg)
		if b < 0 {
			continue
		}
		age := 20 + r.IntN(43)
		if e.rank == "aspirant" {
			age = 19 + r.IntN(8)
		}
		birth := int16(p.refYear - age)
		hh := []uint8{hhSingle, hhCouple, hhFamily, hhSingleParent}[pickWeighted(r, []float64{25, 30, 35, 10})]
		if age < 28 && hh == hhFamily {
			hh = hhCouple
		}
		p.overrides[b] = blockOverride{kind: ovEmployee, hhKind: hh, surname: surname, birthYear: birth}
		e.block = b
		w.empByBlock[b] = i
		if p.n-b*blockSlots >= 3 {
			if hh == hhCouple || hh == hhFamily {
				e.partner = b*blockSlots + 1
			}
			if hh == hhFamily {
				e.child = b*blockSlots + 2
			}
			if hh == hhSingleParent {
				e.child = b*blockSlots + 1
			}
		}
		near := func() int64 { return w.freeBlock(r, p.regionOfBlock(b)) }
		if r.IntN(100) < 60 && age < 60 {
			if pb := near(); pb >= 0 {
				p.overrides[pb] = blockOverride{kind: ovParents, surname: surname, birthYear: birth - int16(25+r.IntN(10))}
				e.parent = pb * blockSlots
			}
		}
		if r.IntN(100) < 50 {
			if sb := near(); sb >= 0 {
				p.overrides[sb] = blockOverride{kind: ovSibling, surname: surname, birthYear: birth - 6 + int16(r.IntN(13))}
				e.sibling = sb * blockSlots
			}
		}
		if hh != hhCouple && hh != hhFamily || r.IntN(100) < 15 {
			if r.IntN(100) < 45 {
				if xb := near(); xb >= 0 {
					p.overrides[xb] = blockOverride{kind: ovExPartner, birthYear: birth - 5 + int16(r.IntN(11))}
					e.exPartner = xb * blockSlots
				}
			}
		}
		if rare(surname) && r.IntN(100) < 80 {
			// A cousin: same rare surname, no link in relations.csv.
			if cb := w.freeBlock(r, &p.regions[r.IntN(len(p.regions))]); cb >= 0 {
				p.overrides[cb] = blockOverride{kind: ovCousin, surname: surname, birthYear: birth - 10 + int16(r.IntN(21))}
				e.cousin = cb * blockSlots
			}
		}
	}
}

// freeBlock draws a full, not yet overridden block in the region.
func (w *world) freeBlock(r *rand.Rand, rg *region) int64 {
	p := w.pop
	for try := 0; try < 50; try++ {
		b := p.randomBlockIn(rg, r.Uint64())
		if _, taken := p.overrides[b]; taken {
			continue
		}
		if p.n-b*blockSlots < blockSlots {
			continue
		}
		return b
	}
	return -1
}

// pickFlagged chooses the public figures and shielded persons.
func (w *world) pickFlagged() {
	r := newRand(w.seed, streamOrg, 3)
	p := w.pop
	nvip := int(max(24, p.n/20000))
	nsh := int(max(16, p.n/50000))
	pick := func() int64 {
		for try := 0; try < 1000; try++ {
			rg := &p.regions[r.IntN(len(p.regions))]
			b := w.freeBlock(r, rg)
			if b < 0 {
				continue
			}
			k := b * blockSlots
			if p.vip[k] || p.shielded[k] {
				continue
			}
			// mark the block so that no random look-up lands on it
			p.overrides[b] = blockOverride{kind: ovCousin, surname: p.surnames.sample(r.Float64())}
			return k
		}
		return -1 // a tiny world has no room left
	}
	for i := 0; i < nvip; i++ {
		k := pick()
		if k < 0 {
			break
		}
		p.vip[k] = true
		if i%2 == 0 {
			w.vipLegit = append(w.vipLegit, k)
		} else {
			w.vipCurious = append(w.vipCurious, k)
		}
	}
	for i := 0; i < nsh; i++ {
		k := pick()
		if k < 0 {
			break
		}
		p.shielded[k] = true
		w.shieldedList = append(w.shieldedList, k)
	}
}

// writeOrg writes units, teams and employees.
func (w *world) writeOrg() error {
	for i, u := range w.units {
		fte := math.Round(float64(w.unitStaff[i]) * 0.91)
		if err := w.cs.WriteUnit(lekradar.Unit{ID: u.code, Name: u.name, FTE: fte}); err != nil {
			return err
		}
		w.stats.Units++
	}
	for _, t := range w.teams {
		if err := w.cs.WriteTeam(lekradar.Team{ID: t.id, UnitID: w.units[t.unit].code, Kind: t.kind, Name: t.name}); err != nil {
			return err
		}
		w.stats.Teams++
	}
	for i := range w.emps {
		e := &w.emps[i]
		var pid string
		if k := e.personIndex(); k >= 0 {
			pid = personID(k)
		}
		err := w.cs.WriteEmployee(lekradar.Employee{
			ID: e.id, PersonID: pid, Surname: surnameText(e.surname),
			UnitID: w.units[e.unit].code, TeamID: w.teams[e.team].id,
			Rank: e.rank, Function: functionNames[e.function],
		})
		if err != nil {
			return err
		}
		w.stats.Employees++
	}
	return nil
}

// writePersons streams the population block by block with its relations.
func (w *world) writePersons() error {
	p := w.pop
	var blk block
	flags := make([]string, 0, 3)
	for b := int64(0); b < p.nblocks; b++ {
		if b%4096 == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		p.build(b, &blk)
		pc := p.postcode(b)
		for s := 0; s < blk.n; s++ {
			k := b*blockSlots + int64(s)
			m := &blk.members[s]
			flags = flags[:0]
			if p.vip[k] {
				flags = append(flags, lekradar.FlagVIP)
			}
			if p.shielded[k] {
				flags = append(flags, lekradar.FlagShielded)
			}
			if p.isDeceased(k, int(m.birthYear)) {
				flags = append(flags, lekradar.FlagDeceased)
			}
			err := w.cs.WritePerson(lekradar.Person{
				ID: personID(k), Surname: surnameText(m.surname), BirthYear: int(m.birthYear),
				Postcode: pc, HouseNumber: houseNumber(b, blk.households[m.hh]), Flags: flags,
			})
			if err != nil {
				return err
			}
			w.stats.Persons++
		}
		if err := w.writeBlockRelations(&blk); err != nil {
			return err
		}
	}
	return nil
}

// writeBlockRelations writes the relations of a block's households, one row
// per pair (relations are symmetric; the kind reads "related_person_id is
// the person's KIND"), plus the cross-household links of employees.
func (w *world) writeBlockRelations(blk *block) error {
	base := blk.index * blockSlots
	rel := func(a, b int64, kind string) error {
		w.stats.Relations++
		return w.cs.WriteRelation(lekradar.Relation{PersonID: personID(a), RelatedPersonID: personID(b), Kind: kind})
	}
	for h := 0; h < blk.nh; h++ {
		hh := blk.households[h]
		first := base + int64(hh.first)
		var adults, kids []int64
		for i := 0; i < int(hh.size); i++ {
			switch blk.members[int(hh.first)+i].role {
			case roleHead, rolePartner:
				adults = append(adults, first+int64(i))
			case roleChild:
				kids = append(kids, first+int64(i))
			case roleHousemate:
				if err := rel(first, first+int64(i), lekradar.RelationHousehold); err != nil {
					return err
				}
			}
		}
		if len(adults) == 2 {
			if err := rel(adults[0], adults[1], lekradar.RelationPartner); err != nil {
				return err
			}
		}
		for _, k := range kids {
			for _, a := range adults {
				if err := rel(k, a, lekradar.RelationParent); err != nil {
					return err
				}
			}
		}
		for i := 0; i < len(kids); i++ {
			for j := i + 1; j < len(kids); j++ {
				if err := rel(kids[i], kids[j], lekradar.RelationSibling); err != nil {
					return err
				}
			}
		}
		if h == 0 {
			if _, ov := w.pop.overrides[blk.index]; ov {
				continue
			}
		}
		if x := w.pop.exPartnerOf(blk.index, hh.kind); x >= 0 && h == 0 {
			if _, ov := w.pop.overrides[x/blockSlots]; !ov {
				if err := rel(first, x, lekradar.RelationExPartner); err != nil {
					return err
				}
			}
		}
	}
	if ei, ok := w.empByBlock[blk.index]; ok {
		e := &w.emps[ei]
		me := e.personIndex()
		if e.parent >= 0 {
			if err := rel(me, e.parent, lekradar.RelationParent); err != nil {
				return err
			}
			if err := rel(me, e.parent+1, lekradar.RelationParent); err != nil {
				return err
			}
		}
		if e.sibling >= 0 {
			if err := rel(me, e.sibling, lekradar.RelationSibling); err != nil {
				return err
			}
		}
		if e.exPartner >= 0 {
			if err := rel(me, e.exPartner, lekradar.RelationExPartner); err != nil {
				return err
			}
		}
	}
	return nil
}

// rareBearers is the expected number of bearers below which a surname
// counts as uncommon: a handful in a small world, a few dozen nationally.
func rareBearers(persons int64) float64 { return max(3, 2e-6*float64(persons)) }
