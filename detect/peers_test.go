package detect_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"lekradar"
	"lekradar/detect"
)

// A support team kind where a few screeners look up twenty applicants in
// half an hour several times a day, and hundreds of others almost nobody:
// the screeners' bursts are their job's routine (limits.job_peers), while
// the same burst by anybody else of the kind is browsing.
func TestPeerGroupsByJob(t *testing.T) {
	const screeners, others = 10, 600
	b := detect.NewBuilder(detect.SizeHint{})
	b.AddUnit(&lekradar.Unit{ID: "U1"})
	b.AddTeam(&lekradar.Team{ID: "S1", UnitID: "U1", Kind: "ondersteuning"})
	b.AddTeam(&lekradar.Team{ID: "S2", UnitID: "U1", Kind: "ondersteuning"})
	for i := 0; i < screeners; i++ {
		// one job whatever the team and the spelling
		b.AddEmployee(&lekradar.Employee{ID: fmt.Sprintf("SCR%d", i), Surname: "Screen", UnitID: "U1", TeamID: []string{"S1", "S2"}[i%2],
			Function: []string{"screener", " Screener"}[i%2]})
	}
	for i := 0; i < others; i++ {
		b.AddEmployee(&lekradar.Employee{ID: fmt.Sprintf("ADM%d", i), Surname: "Admin", UnitID: "U1", TeamID: "S1", Function: "administratie"})
	}
	person := 0
	next := func() string {
		person++
		id := fmt.Sprintf("P%d", person)
		b.AddPerson(&lekradar.Person{ID: id, Surname: fmt.Sprintf("Naam%d", person), BirthYear: 1970 + person%40, Postcode: fmt.Sprintf("%04dAB", 1000+person%8000), HouseNumber: "1"})
		return id
	}
	var evs []ev
	burst := func(emp string, start time.Time, n int, prefix string) []string {
		var ids []string
		for k := 0; k < n; k++ {
			id := fmt.Sprintf("%s-%s-%d", prefix, emp, k)
			evs = append(evs, ev{id: id, emp: emp, person: next(), ts: start.Add(time.Duration(k) * 90 * time.Second)})
			ids = append(ids, id)
		}
		return ids
	}
	for d := -4; d < 0; d++ {
		for i := 0; i < screeners; i++ {
			for _, hh := range []string{"09:00", "11:00", "14:00"} {
				burst(fmt.Sprintf("SCR%d", i), at(d, hh), 20, fmt.Sprintf("h%d%s", -d, hh))
			}
		}
		for i := 0; i < others; i++ {
			burst(fmt.Sprintf("ADM%d", i), at(d, "10:00").Add(time.Duration(i)*time.Second), 1, fmt.Sprintf("h%d", -d))
		}
	}
	screener := burst("SCR3", at(0, "09:00"), 20, "today")
	admin := burst("ADM7", at(0, "09:00"), 20, "today")
	ix := b.Build()
	slices.SortStableFunc(evs, func(a, b ev) int { return a.ts.Compare(b.ts) })
	res := scan(t, ix, detect.DefaultPolicy(), evs)

	browsed := func(ids []string) int {
		n := 0
		for _, id := range ids {
			if slices.Contains(res.signals[id], "browsing") {
				n++
			}
		}
		return n
	}
	if n := browsed(screener); n != 0 {
		t.Errorf("a screener's ordinary burst: %d look-ups with browsing, want none", n)
	}
	if n := browsed(admin); n == 0 {
		t.Errorf("an administrator's burst of applicants: no browsing")
	}

	off := detect.DefaultPolicy()
	off.Limits.JobPeers = 0
	res = scan(t, ix, off, evs)
	if n := browsed(screener); n == 0 {
		t.Errorf("job_peers 0 (team kind only): the screener's burst is no browsing")
	}
}
