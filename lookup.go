package lekradar

import "time"

// Look-up actions in the event log.
const (
	ActionQuery  = "query"
	ActionView   = "view"
	ActionExport = "export"
	ActionPrint  = "print"
)

// LookupEvent is one person looked up by one employee in one police system
// (a query returning several people is several events). CaseID is the case
// number the employee gave with the look-up, if any.
type LookupEvent struct {
	ID         string    `json:"id"`
	TS         time.Time `json:"ts"`
	EmployeeID string    `json:"employee_id"`
	System     string    `json:"system"`
	Action     string    `json:"action"`
	PersonID   string    `json:"person_id"`
	CaseID     string    `json:"case_id,omitempty"`
}

// Severity of an alert.
const (
	SeverityLow    = "low"
	SeverityMedium = "medium"
	SeverityHigh   = "high"
)

// Reason is one named rule that contributed to an alert, with a sentence an
// analyst can read.
type Reason struct {
	Rule string `json:"rule"`
	Text string `json:"text"`
}

// Alert groups the unexplained or worrying look-ups of one person by one
// employee. It never claims guilt: unexplained is not wrong.
type Alert struct {
	ID         string    `json:"id"`
	EmployeeID string    `json:"employee_id"`
	PersonID   string    `json:"person_id"`
	EventIDs   []string  `json:"event_ids"`
	FirstTS    time.Time `json:"first_ts"`
	LastTS     time.Time `json:"last_ts"`
	Score      float64   `json:"score"`
	Severity   string    `json:"severity"`
	Reasons    []Reason  `json:"reasons"`
	// Explanations lists the explanations that were tried and did not
	// apply, so an analyst sees what was checked.
	Explanations []string `json:"explanations_tried,omitempty"`
}

// EventExplanation is the outcome for one event: the explanation that
// covered it (nil when none did) and the risk signals that fired.
type EventExplanation struct {
	ID          string   `json:"id"`
	ExplainedBy *string  `json:"explained_by"`
	Signals     []string `json:"signals"`
}
