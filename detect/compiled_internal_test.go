package detect

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"lekradar"
)

// smallCompiled is a valid compiled index of a small context with every
// kind of row, and its header.
func smallCompiled(t testing.TB) ([]byte, compiledHeader) {
	b := NewBuilder(SizeHint{})
	b.AddUnit(&lekradar.Unit{ID: "U1"})
	b.AddTeam(&lekradar.Team{ID: "T1", UnitID: "U1", Kind: "recherche"})
	b.AddTeam(&lekradar.Team{ID: "T2", UnitID: "U1", Kind: "meldkamer"})
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 40; i++ {
		p := lekradar.Person{ID: "P" + strconv.Itoa(i), Surname: "Naam" + strconv.Itoa(i%7), Postcode: "1234AB", HouseNumber: strconv.Itoa(i % 5)}
		if i%9 == 0 {
			p.Flags = []string{lekradar.FlagVIP}
		}
		b.AddPerson(&p)
	}
	for i := 0; i < 6; i++ {
		e, team := "E"+strconv.Itoa(i), "T"+strconv.Itoa(1+i%2)
		b.AddEmployee(&lekradar.Employee{ID: e, PersonID: "P" + strconv.Itoa(i), Surname: "Naam" + strconv.Itoa(i), UnitID: "U1", TeamID: team, Function: "rechercheur"})
		b.AddShift(&lekradar.Shift{EmployeeID: e, Start: day.Add(7 * time.Hour), End: day.Add(15 * time.Hour)})
	}
	b.AddRelation(&lekradar.Relation{PersonID: "P1", RelatedPersonID: "P20", Kind: "partner"})
	for c := 0; c < 5; c++ {
		id := "C" + strconv.Itoa(c)
		b.AddCase(&lekradar.Case{ID: id, Kind: "investigation", UnitID: "U1", TeamID: "T1", Opened: day, Sensitive: c == 2})
		b.AddCasePerson(&lekradar.CasePerson{CaseID: id, PersonID: "P" + strconv.Itoa(10+c)})
		b.AddCaseStaff(&lekradar.CaseStaff{CaseID: id, EmployeeID: "E" + strconv.Itoa(c), From: day})
	}
	var buf bytes.Buffer
	if err := b.Build().WriteCompiled(&buf, CompiledInfo{}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	var h compiledHeader
	n := binary.LittleEndian.Uint64(data[len(compiledMagic):])
	if err := json.Unmarshal(data[len(compiledMagic)+8:len(compiledMagic)+8+int(n)], &h); err != nil {
		t.Fatal(err)
	}
	return data, h
}

// exercise runs an index through the engine with look-ups of every
// person and employee it names and some it does not: whatever a compiled
// file held, this must not panic.
func exercise(ix *Index) {
	en := NewEngine(ix, DefaultPolicy(), Output{})
	ts := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).UnixNano()
	n := 0
	for e := 0; e < min(ix.Employees.Len(), 8); e++ {
		for p := 0; p < min(ix.Persons.Len(), 50)+1; p++ {
			pid := []byte("P-unknown")
			if p < ix.Persons.Len() {
				pid = ix.Persons.Get(uint32(p))
			}
			cid := []byte(nil)
			if ix.Cases.Len() > 0 {
				cid = ix.Cases.Get(uint32(p % ix.Cases.Len()))
			}
			n++
			ev := Event{ID: []byte(strconv.Itoa(n)), TS: ts + int64(n)*int64(time.Minute), EmployeeID: ix.Employees.Get(uint32(e)),
				Action: ActionView, PersonID: pid, CaseID: cid}
			_ = en.Feed(&ev)
		}
	}
	_ = en.Finish()
}

// An index whose checksums are right but whose tables are not (a crafted
// file) is refused by validate or, where a value is wrong but harmless,
// read and used without a panic: every element position at the start,
// middle and end of every section set to extreme values.
func TestCompiledIndexCrafted(t *testing.T) {
	data, h := smallCompiled(t)
	if _, _, err := readCompiled(bytes.NewReader(data), int64(len(data)), true); err != nil {
		t.Fatalf("the valid index: %v", err)
	}
	refused := 0
	for _, s := range h.Sections {
		if s.Length == 0 {
			continue
		}
		for _, at := range []int64{0, s.Length / 2 &^ 3, s.Length - 4} {
			for _, v := range []uint32{0xffffffff, 0x7fffffff, 0x10000, 1} {
				bad := bytes.Clone(data)
				binary.LittleEndian.PutUint32(bad[s.Offset+max(at, 0):], v)
				ix, _, err := readCompiled(bytes.NewReader(bad), int64(len(bad)), false)
				if err != nil {
					refused++
					continue
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("section %s, byte %d = %#x: accepted, then panicked: %v", s.Name, at, v, r)
						}
					}()
					exercise(ix)
				}()
			}
		}
	}
	if refused == 0 {
		t.Error("no crafted index was refused")
	}
}

func FuzzReadCompiled(f *testing.F) {
	data, h := smallCompiled(f)
	f.Add(uint8(0), uint32(0), uint32(0xffffffff))
	f.Add(uint8(len(h.Sections)-1), uint32(8), uint32(7))
	f.Fuzz(func(t *testing.T, section uint8, at, v uint32) {
		s := h.Sections[int(section)%len(h.Sections)]
		if s.Length < 4 {
			return
		}
		bad := bytes.Clone(data)
		binary.LittleEndian.PutUint32(bad[s.Offset+int64(at)%(s.Length-3):], v)
		if ix, _, err := readCompiled(bytes.NewReader(bad), int64(len(bad)), false); err == nil {
			exercise(ix)
		}
	})
}
