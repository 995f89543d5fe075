package storetest

import (
	"testing"

	"lekradar"
)

// StudySize is the number of leak dossiers the 2019 study found in 2015–2016.
const StudySize = 761

// Benchmark measures the two operations a bulk import and a full listing
// hinge on: creating StudySize generated dossiers in one batch, and reading
// them all back with their parts.
func Benchmark(b *testing.B, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	b.Run("CreateDossiers761", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := MustOpen(b, newDB)
			ds := GenerateDossiers(s.Codebook(), StudySize, 761)
			b.StartTimer()
			if err := s.CreateDossiers(ctx, ds); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})
	b.Run("FindDossiers761", func(b *testing.B) {
		s := MustOpen(b, newDB)
		if err := s.CreateDossiers(ctx, GenerateDossiers(s.Codebook(), StudySize, 761)); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			ds, n, err := s.FindDossiers(ctx, lekradar.DossierFilter{})
			if err != nil {
				b.Fatal(err)
			}
			if n != StudySize || len(ds) != StudySize {
				b.Fatalf("listed %d of %d dossiers, want %d", len(ds), n, StudySize)
			}
		}
	})
}
