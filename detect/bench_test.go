package detect_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"lekradar"
	"lekradar/detect"
)

// BenchmarkEngine measures the explain hot path (resolve, reorder, explain,
// signals, groups) over an in-memory log; ns/op is per event.
func BenchmarkEngine(b *testing.B) {
	g := genWorld{employees: 5000, persons: 1_000_000, days: 60, seed: 1}
	ix, cases, empTeam := g.build()
	evs := g.events(cases, empTeam, 2_000_000)
	pol := detect.DefaultPolicy()
	b.ReportAllocs()
	b.ResetTimer()
	var alerts int
	done := 0
	for done < b.N {
		n := min(b.N-done, len(evs))
		en := detect.NewEngine(ix, pol, detect.Output{Alert: func(*lekradar.Alert) error { alerts++; return nil }})
		if err := en.Run(context.Background(), &detect.SliceSource{Events: evs[:n]}, nil); err != nil {
			b.Fatal(err)
		}
		done += n
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// TestNationalIndexMemory loads a national-scale context (65,000 employees,
// 18 million persons) and reports heap and load time. It is slow, so it
// only runs with LEKRADAR_TEST_NATIONAL=1.
func TestNationalIndexMemory(t *testing.T) {
	if os.Getenv("LEKRADAR_TEST_NATIONAL") == "" {
		t.Skip("set LEKRADAR_TEST_NATIONAL=1 to build the national-scale index (18M persons)")
	}
	g := genWorld{employees: 65_000, persons: 18_000_000, days: 90, seed: 3}
	start := time.Now()
	ix, cases, empTeam := g.build()
	cases, empTeam = nil, nil
	_, _ = cases, empTeam
	took := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("built in %s (including generating the rows); heap in use %d MiB, peak sys %d MiB; index estimate %d MiB; sizes %+v",
		took.Round(time.Millisecond), ms.HeapInuse>>20, ms.Sys>>20, ix.MemoryBytes()>>20, ix.Sizes)
	if ms.HeapInuse > 2<<30 {
		t.Errorf("heap in use %d MiB exceeds 2 GiB", ms.HeapInuse>>20)
	}
	runtime.KeepAlive(ix)
}
