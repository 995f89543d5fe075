package detect

import (
	"testing"
	"time"

	"lekradar"
)

// A row that repeats an identifier is the record's later state and
// replaces the earlier row as a whole (docs/formats.md, "Rows given
// twice"): a transfer, a case reopened. It is counted once.
func TestRepeatedRowsReplace(t *testing.T) {
	b := NewBuilder(SizeHint{})
	b.AddUnit(&lekradar.Unit{ID: "U1"})
	b.AddTeam(&lekradar.Team{ID: "T1", UnitID: "U1", Kind: "basisteam"})
	b.AddTeam(&lekradar.Team{ID: "T2", UnitID: "U1", Kind: "recherche"})
	b.AddEmployee(&lekradar.Employee{ID: "E1", PersonID: "P1", Surname: "Bakker", UnitID: "U1", TeamID: "T1", Function: "noodhulp"})
	b.AddEmployee(&lekradar.Employee{ID: "E1", Surname: "Bakker", UnitID: "U1", TeamID: "T2", Function: "rechercheur"}) // moved
	b.AddEmployee(&lekradar.Employee{ID: "E2", Surname: "Visser", UnitID: "U1", TeamID: "T1", Function: "noodhulp"})
	b.AddEmployee(&lekradar.Employee{ID: "E2", Surname: "Visser", UnitID: "U1", Function: "staf"}) // no team any more
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	b.AddCase(&lekradar.Case{ID: "C1", Kind: "investigation", UnitID: "U1", TeamID: "T2", Opened: day, Closed: day.AddDate(0, 0, 5)})
	b.AddCase(&lekradar.Case{ID: "C1", Kind: "investigation", UnitID: "U1", TeamID: "T2", Opened: day}) // reopened
	ix := b.Build()

	e1, _ := ix.Employees.LookupString("E1")
	e2, _ := ix.Employees.LookupString("E2")
	t2, _ := ix.teams.LookupString("T2")
	if ix.eTeam[e1] != t2 || ix.ePerson[e1] != none {
		t.Errorf("E1 after the transfer row: team %d (want %d), own record %d (want none)", ix.eTeam[e1], t2, ix.ePerson[e1])
	}
	if ix.eTeam[e2] != none {
		t.Errorf("E2's later row has no team, but the team %d stayed", ix.eTeam[e2])
	}
	c1, _ := ix.Cases.LookupString("C1")
	if ix.cs[c1].close != forever {
		t.Errorf("C1 reopened, but still closes at %d", ix.cs[c1].close)
	}
	if ix.Sizes.Employees != 2 || ix.Sizes.Cases != 1 {
		t.Errorf("sizes %+v: repeated rows counted again", ix.Sizes)
	}
}
