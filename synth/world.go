// Package synth generates synthetic worlds for lekradar's detection: a
// realistic police organisation, a population with households, relations
// and a Dutch surname distribution, cases with persons and staff, rosters,
// a look-up log of mostly legitimate work (including the hard legitimate
// cases) and improper look-ups of named scenarios with their ground truth.
//
// The generator is deterministic per seed (math/rand/v2 PCG streams and
// hashes, never map iteration order) and streams: persons are computed block
// by block and written at once, events are generated day by day, so an
// 18-million-person world needs memory for the organisation and one day of
// events only. docs/synthetic-worlds.md describes the design.
package synth

import (
	"context"
	"fmt"
	"time"

	"lekradar"
)

// Config sets the size of a world.
type Config struct {
	Employees int
	Persons   int64
	Days      int
	Seed      uint64
	// Start is the first day of the period (midnight UTC).
	Start time.Time
}

// DefaultConfig is a small world that generates in seconds.
func DefaultConfig() Config {
	return Config{
		Employees: 2000,
		Persons:   200_000,
		Days:      28,
		Seed:      1,
		Start:     time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
	}
}

func (c Config) validate() error {
	if c.Employees < 50 {
		return fmt.Errorf("employees %d: need at least 50", c.Employees)
	}
	if minP := max(10_000, int64(c.Employees)*20); c.Persons < minP {
		return fmt.Errorf("persons %d: need at least %d (10,000 and 20 per employee)", c.Persons, minP)
	}
	if c.Persons > 1<<31-1 {
		return fmt.Errorf("persons %d: at most %d", c.Persons, 1<<31-1)
	}
	if c.Days < 1 || c.Days > 366 {
		return fmt.Errorf("days %d: must be 1 to 366", c.Days)
	}
	return nil
}

// ContextSink receives the rows of the context directory; the interchange
// package's ContextWriter is one.
type ContextSink interface {
	WriteUnit(lekradar.Unit) error
	WriteTeam(lekradar.Team) error
	WriteEmployee(lekradar.Employee) error
	WritePerson(lekradar.Person) error
	WriteRelation(lekradar.Relation) error
	WriteCase(lekradar.Case) error
	WriteCasePerson(lekradar.CasePerson) error
	WriteCaseStaff(lekradar.CaseStaff) error
	WriteShift(lekradar.Shift) error
}

// EventSink receives the look-up events in time order.
type EventSink interface {
	Write(*lekradar.LookupEvent) error
}

// TruthSink receives one row per improper look-up.
type TruthSink interface {
	WriteTruth(eventID, incidentID, scenario string) error
}

// Stats summarises a generated world.
type Stats struct {
	Units, Teams, Employees int
	Persons                 int64
	Relations               int64
	Cases, CasePersons      int64
	CaseStaff, Shifts       int64
	Events                  int64
	ImproperEvents          int64
	// Incidents counts the improper incidents per scenario name.
	Incidents map[string]int
}

// Generate builds the world described by cfg and writes it to the sinks.
func Generate(ctx context.Context, cfg Config, cs ContextSink, es EventSink, ts TruthSink) (*Stats, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	w := newWorld(cfg)
	w.ctx = ctx
	w.cs, w.es, w.ts = cs, es, ts
	w.stats = &Stats{Incidents: map[string]int{}}
	w.buildOrg()
	w.buildFamilies()
	w.pickFlagged()
	w.buildInvestigations()
	w.planImproper()
	if err := w.writeOrg(); err != nil {
		return nil, err
	}
	if err := w.writePersons(); err != nil {
		return nil, err
	}
	if err := w.writeInvestigations(); err != nil {
		return nil, err
	}
	if err := w.runDays(); err != nil {
		return nil, err
	}
	for _, inc := range w.incidents {
		w.stats.Incidents[inc.scenario]++
	}
	return w.stats, nil
}

type world struct {
	ctx   context.Context
	cfg   Config
	seed  uint64
	start int64 // Unix seconds of day 0
	days  int

	cs    ContextSink
	es    EventSink
	ts    TruthSink
	stats *Stats

	units     []unitInfo
	unitStaff []int
	teams     []team
	emps      []employee
	// unitTeams[unit][kind] lists team indices.
	unitTeams []map[string][]int
	// teamMembers lists employee indices per team.
	teamMembers [][]int
	pop         *population
	empByBlock  map[int64]int

	vipLegit     []int64 // public figures who may appear in incidents
	vipCurious   []int64 // public figures kept out of cases
	shieldedList []int64

	cases      int // cases created so far (case ids are C1, C2, …)
	invest     []*caseRec
	teamInvest [][]*caseRec   // investigations per team
	inCase     map[int64]bool // persons in investigations
	// sensitivePersons are in a sensitive investigation: random look-ups
	// that no record explains never land on them.
	sensitivePersons map[int64]bool
	regulars         map[int][]int64 // neighbourhood officers' regulars
	reserved         map[int64]bool  // improper targets, kept out of all cases
	incidents        []*incident
	scheduled        map[int][]*scheduledIncident // by day
	assignments      [][]assignment               // per employee: cases assigned to them

	eventSeq uint32
	nextID   int64
}

func newWorld(cfg Config) *world {
	start := time.Date(cfg.Start.Year(), cfg.Start.Month(), cfg.Start.Day(), 0, 0, 0, 0, time.UTC)
	w := &world{
		cfg:        cfg,
		seed:       cfg.Seed,
		start:      start.Unix(),
		days:       cfg.Days,
		units:      unitTable,
		empByBlock: map[int64]int{},
		inCase:     map[int64]bool{},
		reserved:   map[int64]bool{},
		regulars:   map[int][]int64{},

		sensitivePersons: map[int64]bool{},
		scheduled:        map[int][]*scheduledIncident{},
	}
	w.pop = newPopulation(cfg.Seed, cfg.Persons, start.Year(), unitTable)
	return w
}

func (w *world) dayStart(d int) int64 { return w.start + int64(d)*86400 }
func (w *world) dayOf(t int64) int {
	if t < w.start {
		return -1 - int((w.start-t-1)/86400)
	}
	return int((t - w.start) / 86400)
}

// weekday returns 0 for Sunday … 6 for Saturday.
func (w *world) weekday(d int) int {
	return int(time.Unix(w.dayStart(d), 0).UTC().Weekday())
}

func (w *world) timeOf(t int64) time.Time { return time.Unix(t, 0).UTC() }

func (w *world) dateOf(d int) time.Time { return time.Unix(w.dayStart(d), 0).UTC() }
