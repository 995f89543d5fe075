package lekradar

import (
	"context"
	"slices"
	"time"
)

// The event store: the look-ups a scan explained (or did not), the alerts
// it raised, log search over both and alert triage. docs/security.md
// ("Look-ups and alerts") explains who may do what and why.

// Audit object types of the event store.
const (
	ObjectLookups = "lookups" // look-up events: searches, exports and scan batches
	ObjectAlert   = "alert"
)

// AuditRevealEmployee is revealing who an alert's pseudonymised employee
// is: its own action, with the stated reason.
const AuditRevealEmployee = "reveal_employee"

// StoredLookup is one look-up as the event store keeps it: the event, what
// explained it (nil when nothing did), the risk signals that fired and the
// alert it belongs to ("" when none).
type StoredLookup struct {
	LookupEvent
	ExplainedBy *string  `json:"explained_by"`
	Signals     []string `json:"signals"`
	AlertID     string   `json:"alert_id,omitempty"`
}

// LookupFilter selects the look-ups of one person or by one employee over a
// period: exactly one of PersonID and EmployeeID is required. From is
// inclusive, To exclusive; zero times do not bound.
type LookupFilter struct {
	PersonID   string
	EmployeeID string
	From       time.Time
	To         time.Time

	Offset int
	Limit  int // 0 means no limit
}

// Validate checks that the filter names exactly one subject and a period
// that is not reversed.
func (f LookupFilter) Validate() error {
	v := &ValidationError{}
	switch {
	case f.PersonID == "" && f.EmployeeID == "":
		v.add("person_id", "", "a log search needs a person id or an employee id", nil)
	case f.PersonID != "" && f.EmployeeID != "":
		v.add("employee_id", f.EmployeeID, "give a person id or an employee id, not both", nil)
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.To.After(f.From) {
		v.add("to", f.To.Format(time.RFC3339), "must be later than from ("+f.From.Format(time.RFC3339)+")", nil)
	}
	if f.Offset < 0 {
		v.add("offset", "", "must not be negative", nil)
	}
	if f.Limit < 0 {
		v.add("limit", "", "must not be negative", nil)
	}
	return v.errOrNil()
}

// Alert statuses, and the actions that set them.
const (
	AlertOpen      = "open"
	AlertExplained = "explained"
	AlertDismissed = "dismissed"
	AlertEscalated = "escalated"
	// AlertReveal is the action history's entry for a revealed employee; it
	// does not change the status.
	AlertReveal = "reveal"
)

// AlertStatuses returns the statuses an alert can have, in a fixed order.
func AlertStatuses() []string {
	return []string{AlertOpen, AlertExplained, AlertDismissed, AlertEscalated}
}

// AlertActions returns the actions that change an alert's status.
func AlertActions() []string {
	return []string{AlertExplained, AlertDismissed, AlertEscalated}
}

// StoredAlert is an alert as the triage inbox shows it. The employee is
// shown only as EmployeePseudonym ("P-" and a keyed hash of the employee
// id, stable per database); RevealAlertEmployee gives the real id.
type StoredAlert struct {
	ID                string    `json:"id"`
	EmployeePseudonym string    `json:"employee"`
	PersonID          string    `json:"person_id"`
	EventIDs          []string  `json:"event_ids"`
	FirstTS           time.Time `json:"first_ts"`
	LastTS            time.Time `json:"last_ts"`
	Score             float64   `json:"score"`
	Severity          string    `json:"severity"`
	Reasons           []Reason  `json:"reasons"`
	Explanations      []string  `json:"explanations_tried"`
	Status            string    `json:"status"`
	// DossierID is the dossier an escalation opened; 0 before.
	DossierID int64     `json:"dossier_id,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Actions is the history, oldest first; only FindAlertByID fills it.
	Actions []AlertAction `json:"actions,omitempty"`
}

// AlertFilter selects alerts for the inbox. Empty fields do not filter.
// From and To select alerts whose look-ups overlap the period.
type AlertFilter struct {
	Status            string
	Severity          string
	EmployeePseudonym string
	From              time.Time
	To                time.Time

	Offset int
	Limit  int
}

// AlertAction is one entry of an alert's history: a status change or a
// reveal, who did it, when and why.
type AlertAction struct {
	ID      int64  `json:"id"`
	AlertID string `json:"alert_id"`
	Action  string `json:"action"`
	// Reason is required for every action (AlertNeedsReason).
	Reason    string    `json:"reason"`
	Actor     string    `json:"actor"`
	Time      time.Time `json:"time"`
	DossierID int64     `json:"dossier_id,omitempty"`
}

// AlertNeedsReason reports whether action must state a reason: all of them
// do, since each either clears a look-up pattern, opens an investigation
// of a colleague or discloses who they are.
func AlertNeedsReason(action string) bool {
	return action == AlertExplained || action == AlertDismissed || action == AlertEscalated || action == AlertReveal
}

// LookupStore is log search (logging-onderzoek) over the stored look-ups.
type LookupStore interface {
	// FindLookups returns the matching look-ups in time order and the
	// total count ignoring Offset and Limit. The search is audited with
	// its filter.
	FindLookups(ctx context.Context, filter LookupFilter) ([]*StoredLookup, int, error)
}

// AlertService is alert triage.
type AlertService interface {
	// FindAlerts returns the inbox: by severity (high first), then score,
	// and the total count.
	FindAlerts(ctx context.Context, filter AlertFilter) ([]*StoredAlert, int, error)
	// FindAlertByID returns one alert with its history; ENOTFOUND when it
	// does not exist or the caller may not see it.
	FindAlertByID(ctx context.Context, id string) (*StoredAlert, error)
	// RevealAlertEmployee returns the real employee id behind the alert's
	// pseudonym, and records the reveal with its reason.
	RevealAlertEmployee(ctx context.Context, id, reason string) (string, error)
	// ActOnAlert explains, dismisses or escalates an alert. Escalation
	// opens a dossier (channel detectie, the alert's look-ups attached) in
	// the actor's department and returns it; the other actions return nil.
	ActOnAlert(ctx context.Context, id, action, reason string) (*Dossier, error)
}

// CanSearchLookups: log search shows who looked up whom, about colleagues
// and citizens alike, so only investigators (and the system actor) may.
func CanSearchLookups(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && u.Role == RoleInvestigator
}

// CanWriteLookups: the scan (system actor) and ingest tokens deliver
// look-ups and alerts.
func CanWriteLookups(u *User) bool {
	return u.IsSystem() || (u != nil && !u.Disabled && u.Role == RoleMachine)
}

// CanTriageAlerts: investigators and analysts read the pseudonymised inbox
// and may explain or dismiss alerts.
func CanTriageAlerts(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && (u.Role == RoleInvestigator || u.Role == RoleAnalyst)
}

// CanActOnAlert: escalating opens an investigation and a dossier, which
// only investigators (with a department) may; explaining and dismissing is
// triage.
func CanActOnAlert(u *User, action string) bool {
	if !slices.Contains(AlertActions(), action) || !CanTriageAlerts(u) {
		return false
	}
	if action == AlertEscalated {
		return u.IsSystem() || u.Role == RoleInvestigator
	}
	return true
}

// CanRevealAlertEmployee: only investigators (and the system actor) see who
// an alert is about.
func CanRevealAlertEmployee(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && u.Role == RoleInvestigator
}

// IsAlertSubject reports whether u is the employee an alert is about: such
// a user never sees the alert, like a suspect never sees their dossier.
func IsAlertSubject(u *User, employeeID string) bool {
	return u != nil && u.EmployeeRef != "" && u.EmployeeRef == employeeID
}

// LookupWriter takes look-up events for the event store, batched; Close
// commits what is left. A writer for ingestion (the API) never overwrites a
// look-up that is already stored: a scan may have explained it.
type LookupWriter interface {
	WriteLookup(ev LookupEvent, explainedBy string, signals []string) error
	Close() error
}
