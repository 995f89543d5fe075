package research_test

import (
	"path/filepath"
	"strconv"
	"testing"

	"lekradar/research"
)

// BenchmarkSampleAndExport draws 20% of the 761 demo dossiers by
// department × year, builds the export and writes it (CSV, XLSX, README).
func BenchmarkSampleAndExport(b *testing.B) {
	ds := mustDemoDossiers(b)
	base := b.TempDir()
	i := 0
	for b.Loop() {
		d, err := research.Draw(ds, 0.2, uint64(i), []string{"unit", "year"})
		if err != nil {
			b.Fatal(err)
		}
		e, err := research.Build(d, research.ExportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.WriteDir(filepath.Join(base, strconv.Itoa(i))); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDraw draws 20% of the 761 demo dossiers by department × year.
func BenchmarkDraw(b *testing.B) {
	ds := mustDemoDossiers(b)
	for b.Loop() {
		if _, err := research.Draw(ds, 0.2, 1, []string{"unit", "year"}); err != nil {
			b.Fatal(err)
		}
	}
}
