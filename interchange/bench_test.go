package interchange_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"lekradar"
	"lekradar/interchange"
)

// eventLog builds n event lines in the shape of the SPEC example.
func eventLog(b *testing.B, n int, f interchange.Format) []byte {
	var buf bytes.Buffer
	ew, err := interchange.NewEventWriter(&buf, f)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2026, 3, 2, 14, 5, 9, 0, time.UTC)
	actions := []string{"query", "view", "view", "view", "export", "print"}
	for i := 0; i < n; i++ {
		ev := lekradar.LookupEvent{
			ID: fmt.Sprintf("e-%06d", i), TS: t0.Add(time.Duration(i) * 137 * time.Millisecond / 100 * 100),
			EmployeeID: fmt.Sprintf("E%d", 1000+i%65000), System: "bvh", Action: actions[i%len(actions)],
			PersonID: fmt.Sprintf("P%d", 88231+i*7919%18000000),
		}
		if i%3 == 0 {
			ev.CaseID = fmt.Sprintf("C%d", 771+i%100000)
		}
		if err := ew.Write(&ev); err != nil {
			b.Fatal(err)
		}
	}
	ew.Close()
	return buf.Bytes()
}

func benchmarkEventReader(b *testing.B, f interchange.Format) { benchmarkEvents(b, f, false) }

// BenchmarkPipelinedEventReaderJSONL: the same log read on a second
// goroutine; events/s is what the consumer sees.
func BenchmarkPipelinedEventReaderJSONL(b *testing.B) {
	benchmarkEvents(b, interchange.FormatJSONL, true)
}

type rawReader interface {
	NextRaw(*interchange.RawEvent) error
}

func benchmarkEvents(b *testing.B, f interchange.Format, pipelined bool) {
	const n = 200000
	data := eventLog(b, n, f)
	b.SetBytes(int64(len(data)) / n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	var ev interchange.RawEvent
	read := 0
	for read < b.N {
		er, err := interchange.NewEventReader(bytes.NewReader(data), "events")
		if err != nil {
			b.Fatal(err)
		}
		var r rawReader = er
		if pipelined {
			p := interchange.NewPipelinedEventReader(er)
			defer p.Close()
			r = p
		}
		for read < b.N {
			err := r.NextRaw(&ev)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			read++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	reportCPU(b, cpu0, b.N)
}

// cpuTime is the process's user+system CPU time. On a shared, loaded box the
// CPU time per operation is a fairer figure than the wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, n int) {
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkEventReaderJSONL is the hot path of scan: b.N events.
func BenchmarkEventReaderJSONL(b *testing.B) { benchmarkEventReader(b, interchange.FormatJSONL) }

func BenchmarkEventReaderCSV(b *testing.B) { benchmarkEventReader(b, interchange.FormatCSV) }

func BenchmarkExplanationWriter(b *testing.B) {
	xw := interchange.NewExplanationWriter(io.Discard)
	id := []byte("e-000001")
	signals := []string{"off_shift", "unusual_hour"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		by := ""
		if i%10 != 0 {
			by = "assigned_case"
		}
		if err := xw.WriteRaw(id, by, signals[:i%3]); err != nil {
			b.Fatal(err)
		}
	}
	xw.Flush()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkEventWriterJSONL(b *testing.B) {
	ew, _ := interchange.NewEventWriter(io.Discard, interchange.FormatJSONL)
	ev := lekradar.LookupEvent{ID: "e-000001", TS: time.Date(2026, 3, 2, 14, 5, 9, 0, time.UTC), EmployeeID: "E1042",
		System: "bvh", Action: "view", PersonID: "P88231", CaseID: "C771"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := ew.Write(&ev); err != nil {
			b.Fatal(err)
		}
	}
	ew.Flush()
}

// personsCSV builds n rows of persons.csv.
func personsCSV(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("person_id,surname,birth_year,postcode,house_number,flags\n")
	surnames := []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer"}
	for i := 0; i < n; i++ {
		flags := ""
		if i%1000 == 0 {
			flags = "vip"
		}
		fmt.Fprintf(&buf, "P%d,%s,%d,%04d%c%c,%d,%s\n", i, surnames[i%len(surnames)], 1930+i%90, 1000+i%9000,
			'A'+byte(i%26), 'A'+byte(i/26%26), 1+i%200, flags)
	}
	return buf.Bytes()
}

// BenchmarkReadPersons: b.N rows of persons.csv; 18 million rows must load in
// well under 30 s.
func BenchmarkReadPersons(b *testing.B) {
	const n = 200000
	data := personsCSV(n)
	b.SetBytes(int64(len(data)) / n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	rows := 0
	for rows < b.N {
		err := interchange.ReadPersons(context.Background(), bytes.NewReader(data), "persons.csv", func(p lekradar.Person) error {
			rows++
			return nil
		}, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(18e6/(float64(rows)/b.Elapsed().Seconds()), "s/18M")
	reportCPU(b, cpu0, rows)
}

// The context benchmarks load persons into a map, as an index builder
// would: ReadPersons parses on the calling goroutine, ReadContextDir on a
// second one.
func benchmarkPersonsIndex(b *testing.B, viaDir bool) {
	const n = 1000000
	data := personsCSV(n)
	dir := b.TempDir()
	if viaDir {
		cw, err := interchange.NewContextWriter(dir)
		if err != nil {
			b.Fatal(err)
		}
		cw.Close()
		if err := os.WriteFile(filepath.Join(dir, interchange.FilePersons), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	rows := 0
	for i := 0; i < b.N; i++ {
		index := make(map[string]int32, n)
		add := func(p lekradar.Person) error {
			index[p.ID] = int32(len(index))
			rows++
			return nil
		}
		var err error
		if viaDir {
			err = interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{Person: add})
		} else {
			err = interchange.ReadPersons(context.Background(), bytes.NewReader(data), "persons.csv", add, nil)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(18e6/(float64(rows)/b.Elapsed().Seconds()), "s/18M")
	reportCPU(b, cpu0, rows)
}

func BenchmarkPersonsIndexSequential(b *testing.B) { benchmarkPersonsIndex(b, false) }
func BenchmarkPersonsIndexPipelined(b *testing.B)  { benchmarkPersonsIndex(b, true) }

func BenchmarkContextWriterPersons(b *testing.B) {
	cw, err := interchange.NewContextWriter(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	p := lekradar.Person{ID: "P1234567", Surname: "van den Berg", BirthYear: 1980, Postcode: "1012AB", HouseNumber: "12"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := cw.WritePerson(p); err != nil {
			b.Fatal(err)
		}
	}
	if err := cw.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkReadWorld reads a whole world written by `lekradar synth world`
// (set LEKRADAR_BENCH_WORLD to its directory): every context file with
// callbacks that only count, then the event log.
func BenchmarkReadWorld(b *testing.B) {
	dir := os.Getenv("LEKRADAR_BENCH_WORLD")
	if dir == "" {
		b.Skip("set LEKRADAR_BENCH_WORLD to a world directory")
	}
	for i := 0; i < b.N; i++ {
		var rows int
		count := func() error { rows++; return nil }
		t0, cpu0 := time.Now(), cpuTime()
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Unit: func(lekradar.Unit) error { return count() }, Team: func(lekradar.Team) error { return count() },
			Employee: func(lekradar.Employee) error { return count() }, Person: func(lekradar.Person) error { return count() },
			Relation: func(lekradar.Relation) error { return count() }, Case: func(lekradar.Case) error { return count() },
			CasePerson: func(lekradar.CasePerson) error { return count() }, CaseStaff: func(lekradar.CaseStaff) error { return count() },
			Shift: func(lekradar.Shift) error { return count() },
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rows), "context-rows")
		b.ReportMetric(time.Since(t0).Seconds(), "context-s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "context-cpu-s")

		name := filepath.Join(dir, "events.jsonl")
		if _, err := os.Stat(name); err != nil {
			name = filepath.Join(dir, "events.csv")
		}
		f, err := interchange.OpenEvents(name)
		if err != nil {
			b.Fatal(err)
		}
		t0, cpu0 = time.Now(), cpuTime()
		er, err := interchange.NewEventReader(f, name)
		if err != nil {
			b.Fatal(err)
		}
		var ev interchange.RawEvent
		n := 0
		for {
			err := er.NextRaw(&ev)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		b.ReportMetric(float64(n), "events")
		b.ReportMetric(float64(n)/time.Since(t0).Seconds(), "events/s")
		b.ReportMetric(float64(n)/(cpuTime()-cpu0).Seconds(), "events/cpu-s")
	}
}

// BenchmarkStagedWorld reads persons.csv and relations.csv of a world (set
// LEKRADAR_BENCH_WORLD) on all cores through Stages whose callbacks only
// count, as a scan's context load parses them.
func BenchmarkStagedWorld(b *testing.B) {
	dir := os.Getenv("LEKRADAR_BENCH_WORLD")
	if dir == "" {
		b.Skip("set LEKRADAR_BENCH_WORLD to a world directory")
	}
	for i := 0; i < b.N; i++ {
		var persons, relations int
		t0, cpu0 := time.Now(), cpuTime()
		err := interchange.ReadContextDir(context.Background(), dir, interchange.ContextHandler{
			Persons: &interchange.Stage[lekradar.Person]{Prepare: func(*lekradar.Person, *interchange.RowKeys) {},
				Add: func(ps []lekradar.Person, _ []interchange.RowKeys) error { persons += len(ps); return nil }},
			Relations: &interchange.Stage[lekradar.Relation]{Prepare: func(*lekradar.Relation, *interchange.RowKeys) {},
				Add: func(rs []lekradar.Relation, _ []interchange.RowKeys) error { relations += len(rs); return nil }},
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(persons+relations), "rows")
		b.ReportMetric(time.Since(t0).Seconds(), "s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s")
	}
}

// BenchmarkCheckEventOrder: the pass scan makes over a log file to see
// whether it must be sorted; per event, to set against reading it.
func BenchmarkCheckEventOrder(b *testing.B) {
	for _, f := range []interchange.Format{interchange.FormatJSONL, interchange.FormatCSV} {
		b.Run(f.String(), func(b *testing.B) {
			const n = 200000
			data := eventLog(b, n, f)
			b.SetBytes(int64(len(data)) / n)
			b.ResetTimer()
			for i := 0; i < b.N; i += n {
				c, err := interchange.CheckEventOrder(bytes.NewReader(data), 10*time.Minute)
				if err != nil || !c.InOrder {
					b.Fatalf("%+v %v", c, err)
				}
			}
		})
	}
}
