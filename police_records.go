package lekradar

import "time"

// The police's own records, as exported by the source systems in the context
// directory (docs/formats.md). Detection explains look-ups from these.

// Unit is a row of units.csv.
type Unit struct {
	ID   string
	Name string
	FTE  float64
}

// Team is a row of teams.csv; Kind is a team_kind code.
type Team struct {
	ID     string
	UnitID string
	Kind   string
	Name   string
}

// Employee is a row of employees.csv. PersonID is the employee's own record in
// persons.csv and may be empty.
type Employee struct {
	ID       string
	PersonID string
	Surname  string
	UnitID   string
	TeamID   string
	Rank     string
	Function string
}

// Person flags in persons.csv.
const (
	FlagVIP      = "vip"
	FlagShielded = "shielded"
	FlagDeceased = "deceased"
)

// Person is a row of persons.csv. Flags holds codes from vip, shielded,
// deceased. BirthYear is 0 when unknown.
type Person struct {
	ID          string
	Surname     string
	BirthYear   int
	Postcode    string
	HouseNumber string
	Flags       []string
}

// Relation kinds in relations.csv.
const (
	RelationPartner   = "partner"
	RelationExPartner = "ex_partner"
	RelationParent    = "parent"
	RelationChild     = "child"
	RelationSibling   = "sibling"
	RelationHousehold = "household"
)

// Relation is a row of relations.csv.
type Relation struct {
	PersonID        string
	RelatedPersonID string
	Kind            string
}

// Case kinds in cases.csv.
const (
	CaseIncident      = "incident"
	CaseInvestigation = "investigation"
	CaseIntake        = "intake"
)

// Case is a row of cases.csv. Opened and Closed are a date (midnight UTC) or a
// timestamp; OpenedHasTime says which, since incidents usually carry a time
// and the explanation margin depends on it. A zero Closed means still open.
type Case struct {
	ID            string
	Kind          string
	UnitID        string
	TeamID        string
	Opened        time.Time
	OpenedHasTime bool
	Closed        time.Time
	ClosedHasTime bool
	Sensitive     bool
}

// CasePerson is a row of case_persons.csv: a person has a role in a case.
type CasePerson struct {
	CaseID   string
	PersonID string
	Role     string
}

// CaseStaff is a row of case_staff.csv: an employee is assigned to a case
// from a date until a date (zero To: still assigned).
type CaseStaff struct {
	CaseID     string
	EmployeeID string
	From       time.Time
	To         time.Time
}

// Shift is a row of shifts.csv. A night shift may end the next day.
type Shift struct {
	EmployeeID string
	Start      time.Time
	End        time.Time
}
