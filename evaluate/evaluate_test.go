package evaluate_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/evaluate"
)

var t0 = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

func lookup(id, emp, person string, at time.Duration) *lekradar.LookupEvent {
	return &lekradar.LookupEvent{ID: id, TS: t0.Add(at), EmployeeID: emp, PersonID: person, Action: "view", System: "bvh"}
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) != math.IsNaN(got) || (!math.IsNaN(want) && math.Abs(got-want) > 1e-9) {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

// A hand-made world: three incidents in two scenarios, four alerts of which
// two are correct, ten employees over two days.
func handMade(t *testing.T) *evaluate.Report {
	t.Helper()
	ev := evaluate.New([]evaluate.Truth{
		{EventID: "e1", IncidentID: "I1", Scenario: "self"},
		{EventID: "e2", IncidentID: "I1", Scenario: "self"},
		{EventID: "e3", IncidentID: "I2", Scenario: "browsing"},
		{EventID: "e4", IncidentID: "I3", Scenario: "browsing"},
	})
	ev.SetEmployees(10)
	for _, a := range []lekradar.Alert{
		{ID: "A1", EmployeeID: "E1", EventIDs: []string{"e2", "e6"}},
		{ID: "A2", EmployeeID: "E4", EventIDs: []string{"e5"}},
		{ID: "A3", EmployeeID: "E2", EventIDs: []string{"e3"}},
		{ID: "A4", EmployeeID: "E5", EventIDs: []string{"e7"}},
	} {
		ev.AddAlert(&a)
	}
	events := []struct {
		e       *lekradar.LookupEvent
		oracle  string
		verdict evaluate.EngineVerdict
	}{
		{lookup("e1", "E1", "P1", 0), "", evaluate.VerdictUnexplained},
		{lookup("e2", "E1", "P1", time.Hour), "", evaluate.VerdictExplained}, // explained away
		{lookup("e3", "E2", "P2", 2*time.Hour), "", evaluate.VerdictUnexplained},
		{lookup("e4", "E3", "P3", 3*time.Hour), "", evaluate.VerdictUnexplained},
		{lookup("e5", "E4", "P4", 4*time.Hour), evaluate.ExplAssignedCase, evaluate.VerdictExplained},
		{lookup("e6", "E1", "P5", 5*time.Hour), evaluate.ExplTeamCase, evaluate.VerdictUnexplained}, // missed
		{lookup("e7", "E5", "P6", 6*time.Hour), "", evaluate.VerdictUnexplained},
		{lookup("e8", "E6", "P7", 48*time.Hour), evaluate.ExplAssignedCase, evaluate.VerdictExplained},
		{lookup("e9", "E6", "P8", 47*time.Hour), evaluate.ExplGivenCase, evaluate.VerdictExplained},
	}
	for _, x := range events {
		ev.AddEvent(x.e, x.oracle, x.verdict)
	}
	return ev.Report()
}

func TestReportMetrics(t *testing.T) {
	r := handMade(t)
	t.Run("alerts", func(t *testing.T) {
		if r.Alerts != 4 || r.CorrectAlerts != 2 || r.FalseAlerts != 2 {
			t.Errorf("alerts %d correct %d false %d, want 4 2 2", r.Alerts, r.CorrectAlerts, r.FalseAlerts)
		}
		near(t, "precision", float64(r.Precision), 0.5)
	})
	t.Run("recall", func(t *testing.T) {
		if r.Incidents != 3 || r.IncidentsFound != 2 {
			t.Errorf("incidents %d found %d, want 3 2", r.Incidents, r.IncidentsFound)
		}
		near(t, "recall", float64(r.Recall), 2.0/3)
		near(t, "event recall", float64(r.EventRecall), 0.5)
		want := map[string][4]int{"browsing": {2, 1, 2, 1}, "self": {1, 1, 2, 1}}
		if len(r.PerScenario) != 2 {
			t.Fatalf("scenarios %+v, want browsing and self", r.PerScenario)
		}
		for _, s := range r.PerScenario {
			w := want[s.Scenario]
			if [4]int{s.Incidents, s.IncidentsFound, s.Events, s.EventsAlerted} != w {
				t.Errorf("%s: %+v, want incidents/found/events/alerted %v", s.Scenario, s, w)
			}
		}
		near(t, "browsing recall", r.PerScenario[0].Recall, 0.5)
		near(t, "self recall", r.PerScenario[1].Recall, 1)
	})
	t.Run("employees", func(t *testing.T) {
		if r.AlertedEmployees != 4 || r.AlertedEmployeesImproper != 2 {
			t.Errorf("alerted employees %d with improper %d, want 4 2", r.AlertedEmployees, r.AlertedEmployeesImproper)
		}
		near(t, "employee precision", float64(r.EmployeePrecision), 0.5)
	})
	t.Run("false alert rate", func(t *testing.T) {
		near(t, "days", r.Days, 2)
		// 2 false alerts / (10 employees / 1000) / 2 days
		near(t, "rate", float64(r.FalseAlertsPer1000EmployeeDays), 100)
	})
	t.Run("explanations", func(t *testing.T) {
		if r.Explainable != 4 || r.ExplainableExplained != 3 {
			t.Errorf("explainable %d explained %d, want 4 3", r.Explainable, r.ExplainableExplained)
		}
		near(t, "explained share", float64(r.ExplainedShare), 0.75)
		near(t, "improper explained away", float64(r.ImproperExplShare), 0.25)
		if r.ExplainableByOracle[evaluate.ExplAssignedCase] != 2 || r.ExplainedByOracle[evaluate.ExplTeamCase] != 0 {
			t.Errorf("by oracle %v explained %v", r.ExplainableByOracle, r.ExplainedByOracle)
		}
	})
	t.Run("targets", func(t *testing.T) {
		if r.AllMet() {
			t.Error("AllMet on a poor result")
		}
		met := map[string]bool{}
		for _, x := range r.Targets {
			met[x.Name] = x.Met
		}
		if len(r.Targets) != 7 {
			t.Errorf("%d targets, want 7 with explanations", len(r.Targets))
		}
		if met["recall"] || met["alert precision"] || met["false alerts /1000 employees/day"] {
			t.Errorf("targets met that are not: %v", met)
		}
	})
}

func TestPerfectDetection(t *testing.T) {
	ev := evaluate.New([]evaluate.Truth{
		{EventID: "x1", IncidentID: "I1", Scenario: "partner"},
		{EventID: "x2", Scenario: "shielded"}, // no incident id: its own incident
	})
	ev.SetEmployees(1000)
	ev.AddAlert(&lekradar.Alert{EmployeeID: "E1", EventIDs: []string{"x1"}})
	ev.AddAlert(&lekradar.Alert{EmployeeID: "E2", EventIDs: []string{"x2"}})
	ev.AddEvent(lookup("x1", "E1", "P1", 0), "", evaluate.VerdictUnexplained)
	ev.AddEvent(lookup("x2", "E2", "P2", 30*time.Hour), "", evaluate.VerdictUnexplained)
	ev.AddEvent(lookup("l1", "E3", "P3", time.Hour), evaluate.ExplGivenCase, evaluate.VerdictExplained)
	r := ev.Report()
	if !r.AllMet() {
		t.Errorf("perfect detection does not meet all targets: %+v", r.Targets)
	}
	if r.Incidents != 2 {
		t.Errorf("incidents %d, want 2", r.Incidents)
	}
	near(t, "days (span under a day counts as one)", r.Days, 30.0/24)
}

func TestWithoutExplanations(t *testing.T) {
	ev := evaluate.New([]evaluate.Truth{{EventID: "x1", IncidentID: "I1", Scenario: "self"}})
	ev.AddEvent(lookup("x1", "E1", "P1", 0), "", evaluate.VerdictUnknown)
	r := ev.Report()
	if r.HaveExplanations || len(r.Targets) != 5 {
		t.Errorf("have explanations %v, %d targets; want false, 5", r.HaveExplanations, len(r.Targets))
	}
	if !math.IsNaN(float64(r.Precision)) {
		t.Errorf("precision without alerts = %v, want undefined", r.Precision)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"precision":null`) {
		t.Errorf("undefined precision not null in JSON: %s", b)
	}
	var sb strings.Builder
	if err := r.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "NOT MET  recall") {
		t.Errorf("text report lacks the unmet recall target:\n%s", sb.String())
	}
}
