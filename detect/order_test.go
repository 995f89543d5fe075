package detect_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"lekradar"
	"lekradar/detect"
)

// A log that arrives a few minutes out of order gives the same results as
// the sorted log; a straggler beyond the reorder window is counted and
// still explained.
func TestOutOfOrderEvents(t *testing.T) {
	ix := newTinyWorld().index()
	pol := detect.DefaultPolicy()
	var sorted []ev
	sorted = append(sorted, burst("E1", 100, 12, at(0, "11:00"), 2*time.Minute)...) // browsing
	sorted = append(sorted,
		ev{id: "x1", emp: "E1", person: "P9", ts: at(0, "11:05")},   // team case
		ev{id: "x2", emp: "E1", person: "P9", ts: at(20, "11:00")},  // repeat of it
		ev{id: "x3", emp: "E3", person: "P4", ts: at(3, "00:30")},   // night shift incident
		ev{id: "x4", emp: "E1", person: "PE1", ts: at(1, "09:00")},  // self
		ev{id: "x5", emp: "E1", person: "P300", ts: at(1, "09:01")}, // street check
	)
	slices.SortStableFunc(sorted, func(a, b ev) int { return a.ts.Compare(b.ts) })
	want := scan(t, ix, pol, sorted)

	r := rand.New(rand.NewPCG(7, 7))
	shuffled := slices.Clone(sorted)
	// each event keeps its time; only the arrival order is jittered by up to 4 minutes
	slices.SortStableFunc(shuffled, func(a, b ev) int {
		ja := a.ts.Add(time.Duration(r.IntN(240)) * time.Second)
		jb := b.ts.Add(time.Duration(r.IntN(240)) * time.Second)
		return ja.Compare(jb)
	})
	if slices.EqualFunc(sorted, shuffled, func(a, b ev) bool { return a.id == b.id }) {
		t.Fatal("shuffle left the order unchanged")
	}
	got := scan(t, ix, pol, shuffled)
	if got.stats.Late != 0 {
		t.Errorf("late %d, want 0 within the reorder window", got.stats.Late)
	}
	for id, w := range want.explainedBy {
		if got.explainedBy[id] != w {
			t.Errorf("event %s: explained_by %q out of order, %q in order", id, got.explainedBy[id], w)
		}
	}
	if len(got.alerts) != len(want.alerts) {
		t.Errorf("%d alerts out of order, %d in order", len(got.alerts), len(want.alerts))
	}
	for _, a := range want.alerts {
		if b := got.alertFor(a.EmployeeID, a.PersonID); b == nil || b.Score != a.Score || b.Severity != a.Severity {
			t.Errorf("alert %s/%s: in order %v %s, out of order %+v", a.EmployeeID, a.PersonID, a.Score, a.Severity, b)
		}
	}

	t.Run("straggler beyond the window", func(t *testing.T) {
		late := append(slices.Clone(sorted), ev{id: "late", emp: "E1", person: "P2", ts: at(0, "10:00")})
		res := scan(t, ix, pol, late)
		if res.stats.Late != 1 {
			t.Errorf("late %d, want 1", res.stats.Late)
		}
		if res.explainedBy["late"] != "team_case" {
			t.Errorf("straggler explained_by %q, want team_case", res.explainedBy["late"])
		}
	})
}

// The engine's state does not grow with the length of the log: a log four
// times as long ends with about the same state.
func TestStateIsBounded(t *testing.T) {
	g := genWorld{employees: 200, persons: 20_000, days: 160, seed: 5}
	ix, cases, empTeam := g.build()
	sizes := map[int]detect.StateSize{}
	for _, days := range []int{40, 160} {
		gg := g
		gg.days = days
		evs := gg.events(cases, empTeam, days*2000)
		en := detect.NewEngine(ix, detect.DefaultPolicy(), detect.Output{Alert: func(*lekradar.Alert) error { return nil }})
		for i := range evs {
			if err := en.Feed(&evs[i]); err != nil {
				t.Fatal(err)
			}
		}
		sizes[days] = en.State()
		if err := en.Finish(); err != nil {
			t.Fatal(err)
		}
		if s := en.State(); s.OpenGroups != 0 {
			t.Errorf("open groups after Finish: %d", s.OpenGroups)
		}
	}
	short, long := sizes[40], sizes[160]
	t.Logf("state after 40 days %+v, after 160 days %+v", short, long)
	check := func(name string, a, b int) {
		if b > 2*a+1000 {
			t.Errorf("%s grew from %d to %d over a four times longer log", name, a, b)
		}
	}
	check("open groups", short.OpenGroups, long.OpenGroups)
	check("repeat pairs", short.RepeatPairs, long.RepeatPairs)
	check("follow pairs", short.FollowPairs, long.FollowPairs)
	check("hype entries", short.HypeEntries, long.HypeEntries)
}
