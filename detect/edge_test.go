package detect_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"lekradar/detect"
)

// Odd timestamps (before 1970, far future, out of order across decades)
// are processed without a panic.
func TestOddTimestamps(t *testing.T) {
	ix := newTinyWorld().index()
	events := []ev{
		{id: "a", emp: "E1", person: "P1", ts: time.Date(1960, 1, 1, 3, 0, 0, 0, time.UTC)},
		{id: "b", emp: "E1", person: "P1", ts: time.Date(1900, 6, 1, 0, 0, 0, 0, time.UTC)},
		{id: "c", emp: "E1", person: "PE1", ts: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
		{id: "d", emp: "E3", person: "P3", ts: time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC)},
		{id: "e", emp: "E1", person: "P2", ts: at(0, "10:00")},
	}
	res := scan(t, ix, detect.DefaultPolicy(), events)
	if len(res.explainedBy) != len(events) {
		t.Errorf("%d explanation lines, want %d", len(res.explainedBy), len(events))
	}
}

// Random events over known and unknown ids, empty fields and wild times
// never panic, and every event gets an explanation line.
func TestRandomEventsDoNotPanic(t *testing.T) {
	ix := newTinyWorld().index()
	r := rand.New(rand.NewPCG(9, 9))
	ids := []string{"", "E1", "E2", "E3", "E4", "E6", "E10", "NOPE", "PE1", "PP", "PV", "PI", "P1", "P2", "P3", "P299", "C1", "C2", "CI", "x"}
	actions := []string{"query", "view", "export", "print", "delete", ""}
	var events []ev
	base := at(0, "00:00")
	for i := 0; i < 20000; i++ {
		ts := base.Add(time.Duration(r.Int64N(int64(60*24*time.Hour))) - 10*24*time.Hour)
		if r.IntN(100) == 0 {
			ts = time.Unix(r.Int64N(1<<40)-1<<39, 0)
		}
		events = append(events, ev{id: fmt.Sprintf("r%d", i), emp: ids[r.IntN(len(ids))], person: ids[r.IntN(len(ids))],
			caseID: ids[r.IntN(len(ids))], action: actions[r.IntN(len(actions))], ts: ts})
	}
	res := scan(t, ix, detect.DefaultPolicy(), events)
	if len(res.explainedBy) != len(events) {
		t.Errorf("%d explanation lines, want %d", len(res.explainedBy), len(events))
	}
	for _, a := range res.alerts {
		if a.Score <= 0 || len(a.EventIDs) == 0 || a.Severity == "" || len(a.Reasons) == 0 {
			t.Fatalf("malformed alert %+v", a)
		}
	}
}
