package detect_test

import (
	"cmp"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"lekradar/detect"
)

// SortEvents serves any order of events sorted by time, those with the
// same time in their original order, whether they fit in memory or spill
// to several runs on disk.
func TestSortEvents(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var in []detect.Event
	for i := 0; i < 20000; i++ {
		ev := detect.Event{ID: []byte("e" + strconv.Itoa(i)), TS: int64(r.IntN(5000)) * 1e9,
			EmployeeID: []byte("E" + strconv.Itoa(r.IntN(50))), Action: detect.Action(r.IntN(4)),
			PersonID: []byte("P" + strconv.Itoa(r.IntN(900)))}
		if i%3 == 0 {
			ev.CaseID = []byte("C" + strconv.Itoa(i))
		}
		if i%2 == 0 {
			ev.System = []byte("bvh")
		}
		in = append(in, ev)
	}
	want := slices.Clone(in)
	slices.SortStableFunc(want, func(a, b detect.Event) int { return cmp.Compare(a.TS, b.TS) })

	for _, c := range []struct {
		name     string
		memBytes int
		spilled  bool
	}{{"in memory", 64 << 20, false}, {"spilled to runs", 1 << 16, true}} {
		t.Run(c.name, func(t *testing.T) {
			s, err := detect.SortEvents(context.Background(), &detect.SliceSource{Events: slices.Clone(in)}, t.TempDir(), c.memBytes)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if (s.Runs() > 1) != c.spilled {
				t.Errorf("%d runs", s.Runs())
			}
			var got []detect.Event
			var ev detect.Event
			for {
				err := s.Next(context.Background(), &ev)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, detect.Event{ID: slices.Clone(ev.ID), TS: ev.TS, EmployeeID: slices.Clone(ev.EmployeeID),
					System: slices.Clone(ev.System), Action: ev.Action, PersonID: slices.Clone(ev.PersonID), CaseID: slices.Clone(ev.CaseID)})
			}
			if len(got) != len(want) {
				t.Fatalf("%d events, want %d", len(got), len(want))
			}
			for i := range want {
				w, g := want[i], got[i]
				if string(g.ID) != string(w.ID) || g.TS != w.TS || string(g.EmployeeID) != string(w.EmployeeID) ||
					string(g.System) != string(w.System) || g.Action != w.Action || string(g.PersonID) != string(w.PersonID) ||
					string(g.CaseID) != string(w.CaseID) {
					t.Fatalf("event %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
	t.Run("a scan of the sorted log", func(t *testing.T) {
		// A log in random order, sorted, scans as the sorted log does.
		g := genWorld{employees: 300, persons: 20_000, days: 20, seed: 9}
		ix, cases, teams := g.build()
		sorted := g.events(cases, teams, 40_000)
		shuffled := slices.Clone(sorted)
		rand.New(rand.NewPCG(3, 3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		want := runAll(t, ix, sorted)
		if len(want.alerts) == 0 {
			t.Fatal("no alerts in the sorted log: the comparison would show little")
		}
		s, err := detect.SortEvents(context.Background(), &detect.SliceSource{Events: shuffled}, t.TempDir(), 1<<18)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var got output
		en := detect.NewEngine(ix, detect.DefaultPolicy(), outputTo(&got))
		if err := en.Run(context.Background(), s, nil); err != nil {
			t.Fatal(err)
		}
		if en.Stats.Late != 0 || !slices.Equal(got.lines, want.lines) || !slices.Equal(got.alerts, want.alerts) {
			t.Errorf("sorted log: %d late, %d alerts (want %d), explanations equal %v",
				en.Stats.Late, len(got.alerts), len(want.alerts), slices.Equal(got.lines, want.lines))
		}
		if unsorted := runAll(t, ix, shuffled); slices.Equal(unsorted.alerts, want.alerts) {
			t.Error("the shuffled log scanned unsorted gives the same alerts: the test shows nothing")
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := detect.SortEvents(ctx, &detect.SliceSource{Events: slices.Clone(in)}, t.TempDir(), 1<<16); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}
