package detect

import (
	"errors"
	"fmt"
	"math/bits"
	"unsafe"
)

// validate checks that an index read from a compiled file holds together:
// every offset within what it points into and in order, every id within
// its table or none, every enumeration within its values and every string
// table findable (a full slot table would make a lookup probe forever).
// The engine indexes with these values without checking them again.
func (ix *Index) validate() error {
	for i, tp := range ix.tables() {
		if err := (*tp).validate(); err != nil {
			return fmt.Errorf("%s table: %w", tableNames[i], err)
		}
	}
	nP, nE, nC := uint32(ix.Persons.Len()), uint32(ix.Employees.Len()), uint32(ix.Cases.Len())
	nU, nT, nK, nPeer := uint32(ix.units.Len()), uint32(ix.teams.Len()), uint32(ix.codes.Len()), uint32(ix.peers.Len())

	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	ids := func(name string, s []uint32, n uint32, noneOK bool) {
		for i, v := range s {
			if v >= n && !(noneOK && v == none) {
				check(false, "%s[%d] = %d, outside 0..%d", name, i, v, n)
				return
			}
		}
	}
	offsets := func(name string, at func(i int) uint32, rows, n int, end int) {
		if rows != n+1 {
			check(false, "%s: %d offsets for %d rows", name, rows, n)
			return
		}
		prev := uint32(0)
		for i := 0; i < rows; i++ {
			v := at(i)
			if v < prev || int(v) > end || (i == 0 && v != 0) {
				check(false, "%s[%d] = %d out of order or past %d", name, i, v, end)
				return
			}
			prev = v
		}
		check(int(prev) == end, "%s ends at %d, not %d", name, prev, end)
	}
	slice := func(s []uint32) func(int) uint32 { return func(i int) uint32 { return s[i] } }

	// persons
	check(len(ix.pers) == int(nP)+1, "%d person records for %d persons", len(ix.pers), nP)
	offsets("person cases", func(i int) uint32 { return ix.pers[i].caseOff }, len(ix.pers), int(nP), len(ix.pCases))
	ids("person cases", ix.pCases, nC, false)
	check(len(ix.pEmployee) == (int(nP)+63)/64, "employee bits: %d words for %d persons", len(ix.pEmployee), nP)

	// employees
	for _, f := range []struct {
		name string
		n    int
	}{{"eUnit", len(ix.eUnit)}, {"eTeam", len(ix.eTeam)}, {"eFormerTeam", len(ix.eFormerTeam)}, {"eTeamKind", len(ix.eTeamKind)},
		{"eFunction", len(ix.eFunction)}, {"eRank", len(ix.eRank)}, {"ePeer", len(ix.ePeer)},
		{"eRole", len(ix.eRole)}, {"eSurname", len(ix.eSurname)}, {"ePerson", len(ix.ePerson)},
		{"eGuessSelf", len(ix.eGuessSelf)}} {
		check(f.n == int(nE), "%s: %d rows for %d employees", f.name, f.n, nE)
	}
	ids("eUnit", ix.eUnit, nU, true)
	ids("eTeam", ix.eTeam, nT, true)
	ids("eFormerTeam", ix.eFormerTeam, nT, true)
	ids("eTeamKind", ix.eTeamKind, nK, true)
	ids("eFunction", ix.eFunction, nK, true)
	ids("eRank", ix.eRank, nK, true)
	ids("ePeer", ix.ePeer, nPeer, false)
	ids("ePerson", ix.ePerson, nP, true)
	for i, r := range ix.eRole {
		if r > roleAnalysis {
			check(false, "eRole[%d] = %d", i, r)
			break
		}
	}
	for i := range ix.eGuessSelf {
		if b := *(*uint8)(unsafe.Pointer(&ix.eGuessSelf[i])); b > 1 {
			check(false, "eGuessSelf[%d] = %d", i, b)
			break
		}
	}
	offsets("employee shifts", slice(ix.eShiftOff), len(ix.eShiftOff), int(nE), len(ix.shiftStart))
	check(len(ix.shiftEnd) == len(ix.shiftStart), "%d shift ends for %d starts", len(ix.shiftEnd), len(ix.shiftStart))
	offsets("employee relations", slice(ix.eRelOff), len(ix.eRelOff), int(nE), len(ix.relPerson))
	check(len(ix.relSignal) == len(ix.relPerson), "%d relation kinds for %d relations", len(ix.relSignal), len(ix.relPerson))
	ids("relPerson", ix.relPerson, nP, false)
	for i, s := range ix.relSignal {
		if s >= numSignals {
			check(false, "relSignal[%d] = %d", i, s)
			break
		}
	}

	// teams
	check(len(ix.tUnit) == int(nT) && len(ix.tKind) == int(nT), "team rows: %d units and %d kinds for %d teams", len(ix.tUnit), len(ix.tKind), nT)
	ids("tUnit", ix.tUnit, nU, true)
	ids("tKind", ix.tKind, nK, true)

	// cases
	check(len(ix.cs) == int(nC)+1, "%d case records for %d cases", len(ix.cs), nC)
	for c := 0; c < min(len(ix.cs), int(nC)); c++ {
		r := &ix.cs[c]
		if (r.team >= nT && r.team != none) || (r.unit >= nU && r.unit != none) || r.kind > kindIntake ||
			*(*uint8)(unsafe.Pointer(&r.sensitive)) > 1 {
			check(false, "case record %d: team, unit, kind or sensitivity out of range", c)
			break
		}
	}
	offsets("case staff", func(i int) uint32 { return ix.cs[i].staffOff }, len(ix.cs), int(nC), len(ix.staffEmp))
	offsets("case persons", func(i int) uint32 { return ix.cs[i].personOff }, len(ix.cs), int(nC), len(ix.cPersons))
	ids("cPersons", ix.cPersons, nP, false)
	ids("staffEmp", ix.staffEmp, nE, false)
	check(len(ix.staffFrom) == len(ix.staffEmp) && len(ix.staffTo) == len(ix.staffEmp), "case staff: dates for %d/%d of %d rows", len(ix.staffFrom), len(ix.staffTo), len(ix.staffEmp))
	return errors.Join(errs...)
}

// validate checks a string table read from a compiled file: entries back
// to back in the arena, each with its own id, and slots that point at
// the arena with at least one slot empty.
func (t *StringTable) validate() error {
	n := len(t.slots)
	if n == 0 || bits.OnesCount(uint(n)) != 1 {
		return fmt.Errorf("%d slots is not a power of two", n)
	}
	if len(t.arena) > 1<<32-1 || len(t.ends) > 1<<32-1 {
		return errors.New("too large")
	}
	start := uint32(0)
	for i, end := range t.ends {
		if end < start+idBytes || int(end) > len(t.arena) || t.entryID(start) != uint32(i) {
			return fmt.Errorf("entry %d malformed", i)
		}
		start = end
	}
	if int(start) != len(t.arena) {
		return fmt.Errorf("arena of %d bytes holds entries of %d", len(t.arena), start)
	}
	// Slots are checked in order, without following them into the arena
	// (at random, a cache miss each): a slot may still name another entry
	// than its own, which LookupHashed guards against.
	empty, used := 0, 0
	for _, v := range t.slots {
		if v == 0 {
			empty++
			continue
		}
		used++
		if int(uint32(v))+idBytes > len(t.arena) {
			return fmt.Errorf("slot points past the arena")
		}
	}
	if empty == 0 || used != len(t.ends) {
		return fmt.Errorf("%d slots used for %d strings, %d empty", used, len(t.ends), empty)
	}
	return nil
}
