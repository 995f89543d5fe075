package detect

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"lekradar"
)

// sameSeeds gives b the hash seeds of a, so that two builders fed the same
// rows build identical indexes.
func sameSeeds(a, b *Builder) {
	b.seed, b.ix.seed = a.seed, a.ix.seed
	for _, p := range [][2]*StringTable{{a.ix.Persons, b.ix.Persons}, {a.ix.Employees, b.ix.Employees},
		{a.ix.Cases, b.ix.Cases}, {a.ix.units, b.ix.units}, {a.ix.teams, b.ix.teams},
		{a.ix.codes, b.ix.codes}, {a.ix.peers, b.ix.peers}} {
		p[1].seed = p[0].seed
	}
}

// TestStagedBuilderMatchesRowBuilder feeds the same rows to AddPerson and
// AddRelation one at a time and to the Prepare/Add pairs in runs, and wants
// the same index: the staged path is only a faster way to the same table.
func TestStagedBuilderMatchesRowBuilder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 5000
	surnames := []string{"de Vries", " Bakker ", "Öztürk", "VAN  DAM", "", "jansen\tsmit"}
	postcodes := []string{"1012 ab", "1012AB", "", "9999zz"}
	houses := []string{"", "1", " 12a ", "3-ß"}
	flags := [][]string{nil, {"vip"}, {"shielded", " deceased"}, {"other"}}
	var persons []lekradar.Person
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("P%d", rng.IntN(n)) // duplicates: later rows update earlier ones
		persons = append(persons, lekradar.Person{ID: id, Surname: surnames[rng.IntN(len(surnames))],
			BirthYear: []int{0, 1950, 2001, 70000}[rng.IntN(4)], Postcode: postcodes[rng.IntN(len(postcodes))],
			HouseNumber: houses[rng.IntN(len(houses))], Flags: flags[rng.IntN(len(flags))]})
	}
	var rels []lekradar.Relation
	kinds := []string{lekradar.RelationPartner, lekradar.RelationExPartner, lekradar.RelationParent, lekradar.RelationHousehold, "cousin"}
	for i := 0; i < n; i++ {
		rels = append(rels, lekradar.Relation{PersonID: fmt.Sprintf("P%d", rng.IntN(n+100)),
			RelatedPersonID: fmt.Sprintf("P%d", rng.IntN(n+100)), Kind: kinds[rng.IntN(len(kinds))]})
	}
	var cps []lekradar.CasePerson
	for i := 0; i < n; i++ {
		cps = append(cps, lekradar.CasePerson{CaseID: fmt.Sprintf("C%d", rng.IntN(n/10)),
			PersonID: fmt.Sprintf("P%d", rng.IntN(n+500))}) // some persons only known from cases
	}
	for _, withEmployees := range []bool{true, false} {
		build := func(staged bool, seeds *Builder) *Builder {
			b := NewBuilder(SizeHint{Persons: 100})
			if seeds != nil {
				sameSeeds(seeds, b)
			}
			b.AddTeam(&lekradar.Team{ID: "T1", UnitID: "U1", Kind: "basisteam"})
			if withEmployees {
				for i := 0; i < 200; i++ {
					b.AddEmployee(&lekradar.Employee{ID: fmt.Sprintf("E%d", i), PersonID: fmt.Sprintf("P%d", i*7),
						Surname: surnames[i%len(surnames)], UnitID: "U1", TeamID: "T1"})
				}
			}
			if !staged {
				for i := range persons {
					b.AddPerson(&persons[i])
				}
				for i := range rels {
					b.AddRelation(&rels[i])
				}
				for i := range cps {
					b.AddCasePerson(&cps[i])
				}
				return b
			}
			keys := make([][4]uint64, n)
			for i := range persons {
				b.PreparePerson(&persons[i], &keys[i])
			}
			for lo := 0; lo < n; lo += 777 { // runs of any length
				b.AddPersons(persons[lo:min(lo+777, n)], keys[lo:min(lo+777, n)])
			}
			for i := range rels {
				b.PrepareRelation(&rels[i], &keys[i])
			}
			b.AddRelations(rels[:10], keys[:10])
			b.AddRelations(rels[10:], keys[10:])
			for i := range cps {
				b.PrepareCasePerson(&cps[i], &keys[i])
			}
			b.AddCasePersons(cps[:300], keys[:300])
			b.AddCasePersons(cps[300:], keys[300:])
			return b
		}
		rowB := build(false, nil)
		stagedB := build(true, rowB)
		if len(stagedB.relA) == 0 || (withEmployees && len(stagedB.relA) >= n) {
			t.Fatalf("employees %v: %d of %d relations kept", withEmployees, len(stagedB.relA), n)
		}
		want, got := rowB.Build(), stagedB.Build()
		if want.Sizes.Persons == 0 || want.Sizes.Relations != n || want.Sizes.CasePersons != n {
			t.Fatalf("sizes %+v", want.Sizes)
		}
		// Build's person → cases index against the rows themselves.
		type link struct{ c, p uint32 }
		links := map[link]int{}
		for _, cp := range cps {
			c, _ := got.Cases.LookupString(cp.CaseID)
			p, _ := got.Persons.LookupString(cp.PersonID)
			links[link{c, p}]++
			if !got.caseHasPerson(c, p) {
				t.Fatalf("case %s lacks person %s", cp.CaseID, cp.PersonID)
			}
		}
		total := 0
		for p := 0; p < got.Persons.Len(); p++ {
			for _, c := range got.personCases(uint32(p)) {
				links[link{c, uint32(p)}]--
				total++
			}
		}
		for l, k := range links {
			if k != 0 {
				t.Fatalf("person %d, case %d: %d links more in the rows than in the index", l.p, l.c, k)
			}
		}
		if total != n {
			t.Fatalf("%d person → case links, want %d", total, n)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("employees %v: the staged builder made another index\nsizes %+v / %+v", withEmployees, got.Sizes, want.Sizes)
			for p := range want.pers {
				if got.pers[p] != want.pers[p] {
					t.Fatalf("person %q: %+v, want %+v", want.Persons.Get(uint32(p)), got.pers[p], want.pers[p])
				}
			}
		}
	}
}
