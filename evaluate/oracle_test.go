package evaluate_test

import (
	"testing"
	"time"

	"lekradar"
	"lekradar/evaluate"
)

// MustOpenOracle returns an oracle over a small hand-made context: employee
// E1 (unit u1, team T1) with a night shift across midnight, an incident of
// u1, an investigation of T1, an investigation of another team with E1
// assigned for two days, and an intake of another unit.
func MustOpenOracle(t *testing.T) *evaluate.Oracle {
	t.Helper()
	o := evaluate.NewOracle()
	o.AddEmployee(lekradar.Employee{ID: "E1", UnitID: "u1", TeamID: "T1"})
	o.AddEmployee(lekradar.Employee{ID: "E2", UnitID: "u2", TeamID: "T9"})
	o.AddShift(lekradar.Shift{EmployeeID: "E1", Start: t0.Add(23 * time.Hour), End: t0.Add(31 * time.Hour)})
	o.AddCase(lekradar.Case{ID: "INC", Kind: lekradar.CaseIncident, UnitID: "u1", TeamID: "T5",
		Opened: t0.Add(24*time.Hour + 30*time.Minute), OpenedHasTime: true,
		Closed: t0.Add(26 * time.Hour), ClosedHasTime: true})
	o.AddCase(lekradar.Case{ID: "TEAM", Kind: lekradar.CaseInvestigation, UnitID: "u1", TeamID: "T1",
		Opened: t0, Closed: t0.Add(2 * 24 * time.Hour)})
	o.AddCase(lekradar.Case{ID: "OTHER", Kind: lekradar.CaseInvestigation, UnitID: "u1", TeamID: "T2", Opened: t0.Add(-240 * time.Hour)})
	o.AddCase(lekradar.Case{ID: "INTAKE", Kind: lekradar.CaseIntake, UnitID: "u2", TeamID: "T9", Opened: t0, OpenedHasTime: true})
	o.AddCasePerson(lekradar.CasePerson{CaseID: "INC", PersonID: "Pinc"})
	o.AddCasePerson(lekradar.CasePerson{CaseID: "TEAM", PersonID: "Pteam"})
	o.AddCasePerson(lekradar.CasePerson{CaseID: "OTHER", PersonID: "Pother"})
	o.AddCasePerson(lekradar.CasePerson{CaseID: "INTAKE", PersonID: "Pintake"})
	o.AddCaseStaff(lekradar.CaseStaff{CaseID: "OTHER", EmployeeID: "E1", From: t0.Add(24 * time.Hour), To: t0.Add(48 * time.Hour)})
	return o
}

func TestOracleExplain(t *testing.T) {
	o := MustOpenOracle(t)
	h := time.Hour
	tests := []struct {
		name   string
		emp    string
		person string
		caseID string
		at     time.Duration
		want   string
	}{
		{"case number given, person in it", "E2", "Pother", "OTHER", 0, evaluate.ExplGivenCase},
		{"case number given, person not in it", "E2", "Pteam", "OTHER", 0, ""},
		{"unknown case number", "E2", "Pteam", "NOPE", 0, ""},
		{"assigned, first day", "E1", "Pother", "", 24*h + 1, evaluate.ExplAssignedCase},
		{"assigned, last day inclusive", "E1", "Pother", "", 72*h - 1, evaluate.ExplAssignedCase},
		{"assigned, day before", "E1", "Pother", "", 24*h - 1, ""},
		{"assigned, day after", "E1", "Pother", "", 72 * h, ""},
		{"team case, open", "E1", "Pteam", "", 10 * h, evaluate.ExplTeamCase},
		{"team case, closed date covers its day and the margin", "E1", "Pteam", "", 72*h + 3*h, evaluate.ExplTeamCase},
		{"team case, after closed plus margin", "E1", "Pteam", "", 72*h + 5*h, ""},
		{"other team's case", "E2", "Pteam", "", 10 * h, ""},
		{"incident after midnight on a night shift", "E1", "Pinc", "", 25 * h, evaluate.ExplIncidentOnShift},
		{"incident, before opening within margin", "E1", "Pinc", "", 23*h + 30*time.Minute, evaluate.ExplIncidentOnShift},
		{"incident, beyond margin", "E1", "Pinc", "", 24*h + 30*time.Minute + 4*h + 1, ""},
		{"incident, off shift", "E1", "Pinc", "", 22 * h, ""},
		{"incident of another unit", "E2", "Pinc", "", 25 * h, ""},
		{"intake is not an incident", "E1", "Pintake", "", 0, ""},
		{"person in no case", "E1", "Pnobody", "", 25 * h, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := lookup("x", tt.emp, tt.person, tt.at)
			e.CaseID = tt.caseID
			if got := o.Explain(e); got != tt.want {
				t.Errorf("Explain = %q, want %q", got, tt.want)
			}
		})
	}
}
