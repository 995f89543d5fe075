package evaluate

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"lekradar"
)

// Truth is a row of truth.csv: an improper look-up, its incident and its
// scenario.
type Truth struct {
	EventID    string
	IncidentID string
	Scenario   string
}

// EngineVerdict is what the engine's explanations file says about an event.
type EngineVerdict int8

const (
	VerdictUnknown     EngineVerdict = iota // no explanations file, or no line for the event
	VerdictExplained                        // explained_by is a name
	VerdictUnexplained                      // explained_by is null
)

type truthEvent struct {
	incident string
	scenario string
	employee string
	alerted  bool
}

type incidentState struct {
	scenario string
	found    bool
}

// Evaluator accumulates alerts and events and computes the metrics. Add the
// alerts and the events in any order, then call Report.
type Evaluator struct {
	truth     map[string]*truthEvent
	incidents map[string]*incidentState
	scenarios []string

	alerts          int
	correctAlerts   int
	alertEmployees  map[string]bool
	employeesInCtx  int
	improperEmps    map[string]bool
	events          int64
	firstTS, lastTS time.Time

	haveExplanations  bool
	explainable       int64
	explainableOK     int64
	explainableByName map[string]int64
	explainedByName   map[string]int64
	improperSeen      int64
	improperExplained int64
	improperOracle    int64
	missingVerdicts   int64
}

// New returns an evaluator for the ground truth.
func New(truth []Truth) *Evaluator {
	ev := &Evaluator{
		truth:             map[string]*truthEvent{},
		incidents:         map[string]*incidentState{},
		alertEmployees:    map[string]bool{},
		improperEmps:      map[string]bool{},
		explainableByName: map[string]int64{},
		explainedByName:   map[string]int64{},
	}
	seen := map[string]bool{}
	for _, t := range truth {
		inc := t.IncidentID
		if inc == "" {
			inc = "event:" + t.EventID // an improper look-up without an incident is its own incident
		}
		ev.truth[t.EventID] = &truthEvent{incident: inc, scenario: t.Scenario}
		if ev.incidents[inc] == nil {
			ev.incidents[inc] = &incidentState{scenario: t.Scenario}
		}
		if !seen[t.Scenario] {
			seen[t.Scenario] = true
			ev.scenarios = append(ev.scenarios, t.Scenario)
		}
	}
	sort.Strings(ev.scenarios)
	return ev
}

// SetEmployees sets the number of employees in the context (the
// denominator of the false-alert rate).
func (ev *Evaluator) SetEmployees(n int) { ev.employeesInCtx = n }

// AddAlert counts an alert: it is correct when any of its events is
// improper, and every improper event in it is found.
func (ev *Evaluator) AddAlert(a *lekradar.Alert) {
	ev.alerts++
	ev.alertEmployees[a.EmployeeID] = true
	correct := false
	for _, id := range a.EventIDs {
		if t := ev.truth[id]; t != nil {
			correct = true
			t.alerted = true
			ev.incidents[t.incident].found = true
		}
	}
	if correct {
		ev.correctAlerts++
	}
}

// AddEvent counts a look-up of the log. oracle is the oracle's explanation
// ("" none); verdict is the engine's.
func (ev *Evaluator) AddEvent(e *lekradar.LookupEvent, oracle string, verdict EngineVerdict) {
	ev.events++
	if ev.firstTS.IsZero() || e.TS.Before(ev.firstTS) {
		ev.firstTS = e.TS
	}
	if e.TS.After(ev.lastTS) {
		ev.lastTS = e.TS
	}
	if verdict != VerdictUnknown {
		ev.haveExplanations = true
	}
	if t := ev.truth[e.ID]; t != nil {
		t.employee = e.EmployeeID
		ev.improperEmps[e.EmployeeID] = true
		ev.improperSeen++
		if verdict == VerdictExplained {
			ev.improperExplained++
		}
		if oracle != "" {
			ev.improperOracle++
		}
		return
	}
	if oracle == "" {
		return
	}
	ev.explainable++
	ev.explainableByName[oracle]++
	switch verdict {
	case VerdictExplained:
		ev.explainableOK++
		ev.explainedByName[oracle]++
	case VerdictUnknown:
		ev.missingVerdicts++
	}
}

// ScenarioResult is recall for one scenario.
type ScenarioResult struct {
	Scenario       string  `json:"scenario"`
	Incidents      int     `json:"incidents"`
	IncidentsFound int     `json:"incidents_found"`
	Recall         float64 `json:"recall"`
	Events         int     `json:"events"`
	EventsAlerted  int     `json:"events_alerted"`
	EventRecall    float64 `json:"event_recall"`
}

// Target is one quality target and whether it is met.
type Target struct {
	Name  string `json:"name"`
	Value Ratio  `json:"value"`
	Goal  string `json:"goal"`
	Met   bool   `json:"met"`
}

// Report holds the metrics. Ratios with an empty denominator are NaN in
// memory and null in JSON.
type Report struct {
	Events         int64   `json:"events"`
	Employees      int     `json:"employees"`
	Days           float64 `json:"days"`
	Alerts         int     `json:"alerts"`
	CorrectAlerts  int     `json:"correct_alerts"`
	FalseAlerts    int     `json:"false_alerts"`
	Precision      Ratio   `json:"precision"`
	Incidents      int     `json:"incidents"`
	IncidentsFound int     `json:"incidents_found"`
	Recall         Ratio   `json:"recall"`
	ImproperEvents int     `json:"improper_events"`
	EventsAlerted  int     `json:"improper_events_alerted"`
	EventRecall    Ratio   `json:"event_recall"`

	PerScenario []ScenarioResult `json:"per_scenario"`

	AlertedEmployees         int   `json:"alerted_employees"`
	AlertedEmployeesImproper int   `json:"alerted_employees_with_improper"`
	EmployeePrecision        Ratio `json:"employee_precision"`

	FalseAlertsPer1000EmployeeDays Ratio `json:"false_alerts_per_1000_employees_per_day"`

	HaveExplanations     bool             `json:"have_explanations"`
	Explainable          int64            `json:"explainable_legitimate"`
	ExplainableExplained int64            `json:"explainable_legitimate_explained"`
	ExplainedShare       Ratio            `json:"explainable_explained_share"`
	ExplainableByOracle  map[string]int64 `json:"explainable_by_oracle"`
	ExplainedByOracle    map[string]int64 `json:"explained_by_oracle_name"`
	ImproperExplained    int64            `json:"improper_explained_away"`
	ImproperExplShare    Ratio            `json:"improper_explained_away_share"`
	MissingVerdicts      int64            `json:"explainable_without_verdict"`
	// ImproperOracleExplained counts improper look-ups the records explain:
	// a check on the world itself (it should be 0).
	ImproperOracleExplained int64 `json:"improper_explained_by_records"`

	Targets    []Target `json:"targets"`
	AllTargets bool     `json:"all_targets_met"`
}

// Ratio is a share that may be undefined (NaN, written as null).
type Ratio float64

func (r Ratio) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(r)) {
		return []byte("null"), nil
	}
	return []byte(fmt.Sprintf("%.6g", float64(r))), nil
}

func ratio(a, b float64) Ratio {
	if b == 0 {
		return Ratio(math.NaN())
	}
	return Ratio(a / b)
}

// Goals of issue 3.
const (
	GoalRecall            = 0.95
	GoalScenarioRecall    = 0.8
	GoalPrecision         = 0.85
	GoalEmployeePrecision = 0.75
	GoalFalseAlertRate    = 0.3
	GoalExplainedShare    = 0.995
	GoalImproperExplained = 0.01
)

// Report computes the metrics.
func (ev *Evaluator) Report() *Report {
	r := &Report{
		Events:              ev.events,
		Employees:           ev.employeesInCtx,
		Alerts:              ev.alerts,
		CorrectAlerts:       ev.correctAlerts,
		FalseAlerts:         ev.alerts - ev.correctAlerts,
		Incidents:           len(ev.incidents),
		ImproperEvents:      len(ev.truth),
		HaveExplanations:    ev.haveExplanations,
		ExplainableByOracle: ev.explainableByName,
		ExplainedByOracle:   ev.explainedByName,
	}
	if ev.events > 0 {
		r.Days = max(ev.lastTS.Sub(ev.firstTS).Hours()/24, 1)
	}
	r.Precision = ratio(float64(ev.correctAlerts), float64(ev.alerts))
	per := map[string]*ScenarioResult{}
	for _, s := range ev.scenarios {
		per[s] = &ScenarioResult{Scenario: s}
	}
	for _, inc := range ev.incidents {
		s := per[inc.scenario]
		s.Incidents++
		if inc.found {
			r.IncidentsFound++
			s.IncidentsFound++
		}
	}
	for _, t := range ev.truth {
		s := per[t.scenario]
		s.Events++
		if t.alerted {
			r.EventsAlerted++
			s.EventsAlerted++
		}
	}
	for _, name := range ev.scenarios {
		s := per[name]
		s.Recall = float64(ratio(float64(s.IncidentsFound), float64(s.Incidents)))
		s.EventRecall = float64(ratio(float64(s.EventsAlerted), float64(s.Events)))
		r.PerScenario = append(r.PerScenario, *s)
	}
	r.Recall = ratio(float64(r.IncidentsFound), float64(r.Incidents))
	r.EventRecall = ratio(float64(r.EventsAlerted), float64(r.ImproperEvents))
	r.AlertedEmployees = len(ev.alertEmployees)
	for emp := range ev.alertEmployees {
		if ev.improperEmps[emp] {
			r.AlertedEmployeesImproper++
		}
	}
	r.EmployeePrecision = ratio(float64(r.AlertedEmployeesImproper), float64(r.AlertedEmployees))
	r.FalseAlertsPer1000EmployeeDays = ratio(float64(r.FalseAlerts), float64(r.Employees)/1000*r.Days)
	r.Explainable = ev.explainable
	r.ExplainableExplained = ev.explainableOK
	r.ImproperExplained = ev.improperExplained
	r.MissingVerdicts = ev.missingVerdicts
	r.ImproperOracleExplained = ev.improperOracle
	if ev.haveExplanations {
		r.ExplainedShare = ratio(float64(ev.explainableOK), float64(ev.explainable))
		r.ImproperExplShare = ratio(float64(ev.improperExplained), float64(ev.improperSeen))
	} else {
		r.ExplainedShare, r.ImproperExplShare = Ratio(math.NaN()), Ratio(math.NaN())
	}
	r.Targets = r.targets()
	r.AllTargets = r.AllMet()
	return r
}

func (r *Report) targets() []Target {
	atLeast := func(name string, v Ratio, goal float64, goalText string) Target {
		return Target{Name: name, Value: v, Goal: goalText, Met: !math.IsNaN(float64(v)) && float64(v) >= goal}
	}
	atMost := func(name string, v Ratio, goal float64, goalText string) Target {
		return Target{Name: name, Value: v, Goal: goalText, Met: !math.IsNaN(float64(v)) && float64(v) <= goal}
	}
	t := []Target{atLeast("recall", r.Recall, GoalRecall, "≥ 0.95")}
	minScen := Ratio(math.NaN())
	for _, s := range r.PerScenario {
		if math.IsNaN(float64(minScen)) || s.Recall < float64(minScen) {
			minScen = Ratio(s.Recall)
		}
	}
	t = append(t,
		atLeast("recall, lowest scenario", minScen, GoalScenarioRecall, "≥ 0.8 in every scenario"),
		atLeast("alert precision", r.Precision, GoalPrecision, "≥ 0.85"),
		atLeast("employee precision", r.EmployeePrecision, GoalEmployeePrecision, "≥ 0.75"),
		atMost("false alerts /1000 employees/day", r.FalseAlertsPer1000EmployeeDays, GoalFalseAlertRate, "≤ 0.3"),
	)
	if r.HaveExplanations {
		t = append(t,
			atLeast("explainable legitimate explained", r.ExplainedShare, GoalExplainedShare, "≥ 0.995"),
			atMost("improper explained away", r.ImproperExplShare, GoalImproperExplained, "≤ 0.01"),
		)
	}
	return t
}

// AllMet reports whether every target is met.
func (r *Report) AllMet() bool {
	return !slices.ContainsFunc(r.Targets, func(t Target) bool { return !t.Met })
}
