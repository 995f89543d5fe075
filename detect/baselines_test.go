package detect_test

import (
	"fmt"
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
	res := scan(t, ix, detect.DefaultPolicy(), byTime(evs))
	browsed := func(ids []string) int { return res.withSignal(ids, "browsing") }
	if n := browsed(screener); n != 0 {
		t.Errorf("a screener's ordinary burst: %d look-ups with browsing, want none", n)
	}
	if n := browsed(admin); n == 0 {
		t.Errorf("an administrator's burst of applicants: no browsing")
	}

	off := detect.DefaultPolicy()
	off.Limits.JobPeers = 0
	res = scan(t, ix, off, byTime(evs))
	if n := browsed(screener); n == 0 {
		t.Errorf("job_peers 0 (team kind only): the screener's burst is no browsing")
	}
}

// An employee whose every day brings sixty times the peers' look-ups
// without a work link is measured against those days: twelve people in
// twenty minutes is no browsing for that employee, while the same by a peer
// is.
func TestBrowsingAgainstOwnDays(t *testing.T) {
	b := detect.NewBuilder(detect.SizeHint{})
	b.AddUnit(&lekradar.Unit{ID: "U1"})
	b.AddTeam(&lekradar.Team{ID: "B1", UnitID: "U1", Kind: "basisteam"})
	b.AddTeam(&lekradar.Team{ID: "B2", UnitID: "U1", Kind: "basisteam"})
	b.AddEmployee(&lekradar.Employee{ID: "BUSY", Surname: "Druk", UnitID: "U1", TeamID: "B1", Function: "noodhulp"})
	for i := 0; i < 30; i++ {
		b.AddEmployee(&lekradar.Employee{ID: fmt.Sprintf("Q%d", i), Surname: "Rustig", UnitID: "U1", TeamID: []string{"B1", "B2"}[i%2], Function: "noodhulp"})
	}
	person := 0
	var evs []ev
	look := func(id, emp string, ts time.Time) {
		person++
		p := fmt.Sprintf("P%d", person)
		b.AddPerson(&lekradar.Person{ID: p, Surname: fmt.Sprintf("Naam%d", person), BirthYear: 1970 + person%40, Postcode: fmt.Sprintf("%04dAB", 1000+person%8000), HouseNumber: "1"})
		evs = append(evs, ev{id: id, emp: emp, person: p, ts: ts})
	}
	for d := -7; d < 0; d++ {
		for k := 0; k < 120; k++ { // every four minutes for eight hours
			look(fmt.Sprintf("busy%d_%d", -d, k), "BUSY", at(d, "08:00").Add(time.Duration(k)*4*time.Minute))
		}
		for i := 0; i < 30; i++ {
			for k := 0; k < 2; k++ {
				look(fmt.Sprintf("q%d_%d_%d", -d, i, k), fmt.Sprintf("Q%d", i), at(d, "09:00").Add(time.Duration(i*2+k)*7*time.Minute))
			}
		}
	}
	var busy, quiet []string
	for k := 0; k < 12; k++ { // twelve people in twenty minutes
		id := fmt.Sprintf("busy-today-%d", k)
		look(id, "BUSY", at(0, "09:00").Add(time.Duration(k)*100*time.Second))
		busy = append(busy, id)
		id = fmt.Sprintf("quiet-today-%d", k)
		look(id, "Q3", at(0, "09:00").Add(time.Duration(k)*100*time.Second))
		quiet = append(quiet, id)
	}
	ix := b.Build()
	res := scan(t, ix, detect.DefaultPolicy(), byTime(evs))
	if n := res.withSignal(busy, "browsing"); n != 0 {
		t.Errorf("the busy employee's usual pace: %d look-ups with browsing, want none", n)
	}
	if res.withSignal(quiet, "browsing") == 0 {
		t.Errorf("a quiet peer at that pace: no browsing")
	}
}
