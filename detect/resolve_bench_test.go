package detect

import (
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"testing"

	"lekradar"
)

// benchIndex is a person table of national size (LEKRADAR_BENCH_PERSONS,
// default 18 million) built the way a scan loads persons.csv, shared by the
// benchmarks below.
var benchIndex = sync.OnceValue(func() *Index {
	n := 18_000_000
	if s := os.Getenv("LEKRADAR_BENCH_PERSONS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	idBytes := 0
	for i := 1; i <= n; i++ {
		idBytes += 1 + len(strconv.Itoa(i))
	}
	// the hint of a scan: the count and id bytes estimated a little high
	b := NewBuilder(SizeHint{Persons: n + n/8, Employees: 70_000, Cases: 300_000, PersonIDBytes: idBytes * 33 / 32})
	for e := 0; e < 65_000; e++ {
		b.AddEmployee(&lekradar.Employee{ID: "E" + strconv.Itoa(e), UnitID: "U1", Surname: "x"})
	}
	for c := 0; c < 300_000; c++ {
		b.AddCase(&lekradar.Case{ID: "C" + strconv.Itoa(c), Kind: lekradar.CaseIncident})
	}
	const block = 4096
	ps := make([]lekradar.Person, 0, block)
	keys := make([][4]uint64, block)
	for i := 1; i <= n; i++ {
		ps = append(ps, lekradar.Person{ID: "P" + strconv.Itoa(i), Surname: "Jansen", BirthYear: 1980, Postcode: "1234AB", HouseNumber: "1"})
		if len(ps) == block || i == n {
			for j := range ps {
				b.PreparePerson(&ps[j], &keys[j])
			}
			b.AddPersons(ps, keys[:len(ps)])
			ps = ps[:0]
		}
	}
	return b.Build()
})

// BenchmarkResolvePersons measures resolve and finish, the id look-ups of
// a scan's reader and workers, on random persons of the national table;
// ns/op is per event.
func BenchmarkResolvePersons(b *testing.B) {
	ix := benchIndex()
	n := ix.Persons.Len()
	rng := rand.New(rand.NewPCG(1, 2))
	const m = 1 << 20
	evs := make([]Event, m)
	for i := range evs {
		evs[i] = Event{ID: []byte("e-" + strconv.Itoa(i)), TS: int64(i), EmployeeID: []byte("E" + strconv.Itoa(rng.IntN(65_000))),
			System: []byte("bvh"), PersonID: []byte("P" + strconv.Itoa(1+rng.IntN(n)))}
		if i%3 == 0 {
			evs[i].CaseID = []byte("C" + strconv.Itoa(rng.IntN(300_000)))
		}
	}
	r := resolver{ix: ix, seed: ix.seed}
	items := make([]item, batchSize)
	var ids idSet
	b.ResetTimer()
	for done := 0; done < b.N; {
		k := min(batchSize, b.N-done)
		for j := 0; j < k; j++ {
			r.resolve(&evs[(done+j)%m], &items[j], &ids)
		}
		r.finish(items[:k], &ids)
		done += k
	}
	b.StopTimer()
	for j := range items {
		if items[j].person == none && items[j].idLen > 0 {
			b.Fatal("a person was not found")
		}
	}
}

// BenchmarkAddPersons measures the serial part of loading persons.csv,
// AddPersons, for LEKRADAR_BENCH_PERSONS rows (default 18 million) whose
// keys are prepared beforehand; ns/op is per row.
func BenchmarkAddPersons(b *testing.B) {
	n := 18_000_000
	if s := os.Getenv("LEKRADAR_BENCH_PERSONS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ids := make([]string, n)
	idBytes := 0
	for i := range ids {
		ids[i] = "P" + strconv.Itoa(i+1)
		idBytes += len(ids[i])
	}
	keys := make([][4]uint64, n)
	rows := make([]lekradar.Person, 2048)
	b.ResetTimer()
	for range b.N / n {
		b.StopTimer()
		bl := NewBuilder(SizeHint{Persons: n + n/8, Employees: 70_000, Cases: 300_000, PersonIDBytes: idBytes * 33 / 32})
		for i := range ids {
			p := lekradar.Person{ID: ids[i], Surname: "Jansen", BirthYear: 1980, Postcode: "1234AB", HouseNumber: "1"}
			bl.PreparePerson(&p, &keys[i])
		}
		b.StartTimer()
		for lo := 0; lo < n; lo += len(rows) {
			hi := min(lo+len(rows), n)
			for i := lo; i < hi; i++ {
				rows[i-lo] = lekradar.Person{ID: ids[i]}
			}
			bl.AddPersons(rows[:hi-lo], keys[lo:hi])
		}
	}
}
