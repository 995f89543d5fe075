package lekradar

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Dossier is one leak case as registered by a VIK department: how it came in,
// how it was investigated, who was suspected, what leaked, to whom, and how it
// was disposed of. It covers the four dimensions of the 2019 study.
type Dossier struct {
	ID int64 `json:"id,omitempty"`
	// RegNo is the registration number, VIK-<unit abbr>-<year>-<sequence>,
	// e.g. VIK-AMS-2016-0042. The store assigns one when it is empty.
	RegNo string `json:"reg_no"`
	// Department is the unit code of the VIK department that owns the dossier.
	Department string `json:"department"`
	Allegation string `json:"allegation"`
	// Summary is a short free-text description for the investigators.
	Summary string `json:"summary,omitempty"`

	// Phases is the phase history in chronological order; the last entry is
	// the current phase.
	Phases []PhaseEntry `json:"phases"`

	SuspicionOutcome    string `json:"suspicion_outcome,omitempty"`
	DisciplinaryMeasure string `json:"disciplinary_measure,omitempty"`
	CriminalOutcome     string `json:"criminal_outcome,omitempty"`

	Means    []MeansEntry `json:"investigative_means"`
	Reports  []Report     `json:"reports"`
	Suspects []Suspect    `json:"suspects"`
	Items    []LeakedItem `json:"leaked_items"`
	Context  LeakContext  `json:"context"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// PhaseEntry records that a dossier entered a phase on a date.
type PhaseEntry struct {
	Phase string `json:"phase"`
	Date  Date   `json:"date"`
}

// MeansEntry records an investigative means used, and when (if known).
type MeansEntry struct {
	Means string `json:"means"`
	Date  Date   `json:"date"`
}

// Report (melding) is one report that started or joined a dossier.
type Report struct {
	ID       int64  `json:"id,omitempty"`
	Channel  string `json:"channel"`
	Received Date   `json:"received"`
	Summary  string `json:"summary,omitempty"`
	// ReporterRef identifies the reporter (a name, an employee id, a hotline
	// case number). It is the most sensitive field in the registry: stores
	// keep it apart from the report so that it can be encrypted and
	// restricted on its own.
	ReporterRef string `json:"reporter_ref,omitempty"`
	// AlertID links a report of channel detectie to the lekradar alert.
	AlertID string `json:"alert_id,omitempty"`
	// Acknowledged and FeedbackSent track the legal deadlines for the
	// reporter (acknowledge within 7 days, feedback within 3 months).
	Acknowledged Date `json:"acknowledged"`
	FeedbackSent Date `json:"feedback_sent"`
}

// Suspect is a suspected employee as they were at the time of the dossier: the
// position is a snapshot, so that analyses stay right after transfers.
type Suspect struct {
	ID int64 `json:"id,omitempty"`
	// Identified is false while the leaker is unknown; the position fields
	// may then describe what is known (e.g. the unit) or be empty.
	Identified  bool   `json:"identified"`
	EmployeeRef string `json:"employee_ref,omitempty"`
	Rank        string `json:"rank,omitempty"`
	Unit        string `json:"unit,omitempty"`
	TeamKind    string `json:"team_kind,omitempty"`
	Executive   *bool  `json:"executive"`

	// Group attributes, for aggregate fairness monitoring only.
	SurnameOrigin string `json:"surname_origin,omitempty"`
	Gender        string `json:"gender,omitempty"`
	AgeBand       string `json:"age_band,omitempty"`
	TenureBand    string `json:"tenure_band,omitempty"`
}

// LeakedItem is one piece of information that was looked up or passed on.
type LeakedItem struct {
	ID           int64  `json:"id,omitempty"`
	SourceSystem string `json:"source_system"`
	InfoType     string `json:"info_type"`
	// OngoingInvestigation is whether the item concerns an ongoing
	// investigation; nil means unknown.
	OngoingInvestigation *bool  `json:"ongoing_investigation"`
	Harm                 string `json:"harm,omitempty"`
	Description          string `json:"description,omitempty"`
}

// LeakContext is the recipient and context dimension: own use or shared, with
// whom, on whose initiative, and why. Empty fields mean unknown.
type LeakContext struct {
	Use            string `json:"use,omitempty"`
	Recipient      string `json:"recipient,omitempty"`
	Initiative     string `json:"initiative,omitempty"`
	BenefitToCrime *bool  `json:"benefit_to_crime"`
	Motive         string `json:"motive,omitempty"`
}

// CurrentPhase returns the phase of the last history entry, or "".
func (d *Dossier) CurrentPhase() string {
	if len(d.Phases) == 0 {
		return ""
	}
	return d.Phases[len(d.Phases)-1].Phase
}

// Opened returns the date the dossier was opened: its first phase date, or
// else the earliest report.
func (d *Dossier) Opened() Date {
	if len(d.Phases) > 0 && !d.Phases[0].Date.IsZero() {
		return d.Phases[0].Date
	}
	var first Date
	for _, r := range d.Reports {
		if !r.Received.IsZero() && (first.IsZero() || r.Received.Before(first)) {
			first = r.Received
		}
	}
	return first
}

// PhaseDate returns the date the dossier first entered phase, if it did.
func (d *Dossier) PhaseDate(phase string) (Date, bool) {
	for _, p := range d.Phases {
		if p.Phase == phase {
			return p.Date, true
		}
	}
	return Date{}, false
}

var regNoPattern = regexp.MustCompile(`^VIK-([A-Z]{2,3})-(\d{4})-(\d{4,})$`)

// The years a registration number may carry. A dossier without a reg_no gets
// its opening year, so that year must lie in this range too.
const (
	regNoMinYear = 1990
	regNoMaxYear = 2100
)

// ParseRegNo splits a registration number into unit abbreviation, year and
// sequence.
func ParseRegNo(s string) (abbr string, year, seq int, ok bool) {
	m := regNoPattern.FindStringSubmatch(s)
	if m == nil {
		return "", 0, 0, false
	}
	year, _ = strconv.Atoi(m[2])
	seq, _ = strconv.Atoi(m[3])
	return m[1], year, seq, true
}

// FormatRegNo builds a registration number.
func FormatRegNo(abbr string, year, seq int) string {
	return fmt.Sprintf("VIK-%s-%04d-%04d", abbr, year, seq)
}

// Validate checks every coded field against the codebook and the dossier's
// own consistency, and returns a *ValidationError listing every problem.
func (d *Dossier) Validate(cb *Codebook) error {
	v := &ValidationError{}
	cb.check(v, "department", FieldUnit, d.Department, false)
	cb.check(v, "allegation", FieldAllegation, d.Allegation, false)
	if d.RegNo != "" {
		abbr, year, _, ok := ParseRegNo(d.RegNo)
		switch {
		case !ok:
			v.add("reg_no", d.RegNo, "is not of the form VIK-<unit abbreviation>-<year>-<sequence>, e.g. VIK-AMS-2016-0042", nil)
		case cb.Valid(FieldUnit, d.Department) && abbr != cb.UnitAbbr(d.Department):
			v.add("reg_no", d.RegNo, fmt.Sprintf("prefix does not match department %s (expected VIK-%s-…)", d.Department, cb.UnitAbbr(d.Department)), nil)
		case year < regNoMinYear || year > regNoMaxYear:
			v.add("reg_no", d.RegNo, fmt.Sprintf("year is out of range (%d–%d)", regNoMinYear, regNoMaxYear), nil)
		}
	} else if len(d.Phases) > 0 && !d.Phases[0].Date.IsZero() {
		// The store numbers the dossier by its opening year; a number it
		// cannot give would make the dossier impossible to import again.
		if y := d.Phases[0].Date.Year; y < regNoMinYear || y > regNoMaxYear {
			v.add("phases[0].date", d.Phases[0].Date.String(),
				fmt.Sprintf("opening year is outside the years a registration number can have (%d–%d)", regNoMinYear, regNoMaxYear), nil)
		}
	}
	if len(d.Phases) == 0 {
		v.add("phases", "", "needs at least one phase with its date", cb.Field(FieldPhase).Allowed())
	}
	for i, p := range d.Phases {
		path := fmt.Sprintf("phases[%d]", i)
		cb.check(v, path+".phase", FieldPhase, p.Phase, false)
		if p.Date.IsZero() {
			v.add(path+".date", "", "is required (YYYY-MM-DD)", nil)
		} else if i > 0 && !d.Phases[i-1].Date.IsZero() && p.Date.Before(d.Phases[i-1].Date) {
			v.add(path+".date", p.Date.String(), "is earlier than the previous phase ("+d.Phases[i-1].Date.String()+")", nil)
		}
	}
	cb.check(v, "suspicion_outcome", FieldSuspicionOutcome, d.SuspicionOutcome, true)
	cb.check(v, "disciplinary_measure", FieldDisciplinaryMeasure, d.DisciplinaryMeasure, true)
	cb.check(v, "criminal_outcome", FieldCriminalOutcome, d.CriminalOutcome, true)
	for i, m := range d.Means {
		cb.check(v, fmt.Sprintf("investigative_means[%d].means", i), FieldInvestigativeMeans, m.Means, false)
	}
	for i, r := range d.Reports {
		path := fmt.Sprintf("reports[%d]", i)
		cb.check(v, path+".channel", FieldChannel, r.Channel, false)
		if r.Received.IsZero() {
			v.add(path+".received", "", "is required (YYYY-MM-DD)", nil)
		}
		if !r.Acknowledged.IsZero() && !r.Received.IsZero() && r.Acknowledged.Before(r.Received) {
			v.add(path+".acknowledged", r.Acknowledged.String(), "is earlier than received ("+r.Received.String()+")", nil)
		}
		if !r.FeedbackSent.IsZero() && !r.Received.IsZero() && r.FeedbackSent.Before(r.Received) {
			v.add(path+".feedback_sent", r.FeedbackSent.String(), "is earlier than received ("+r.Received.String()+")", nil)
		}
	}
	for i, s := range d.Suspects {
		path := fmt.Sprintf("suspects[%d]", i)
		cb.check(v, path+".rank", FieldRank, s.Rank, true)
		cb.check(v, path+".unit", FieldUnit, s.Unit, true)
		cb.check(v, path+".team_kind", FieldTeamKind, s.TeamKind, true)
		cb.check(v, path+".surname_origin", FieldSurnameOrigin, s.SurnameOrigin, true)
		cb.check(v, path+".gender", FieldGender, s.Gender, true)
		cb.check(v, path+".age_band", FieldAgeBand, s.AgeBand, true)
		cb.check(v, path+".tenure_band", FieldTenureBand, s.TenureBand, true)
	}
	for i, it := range d.Items {
		path := fmt.Sprintf("leaked_items[%d]", i)
		cb.check(v, path+".source_system", FieldSourceSystem, it.SourceSystem, false)
		cb.check(v, path+".info_type", FieldInfoType, it.InfoType, false)
		cb.check(v, path+".harm", FieldHarm, it.Harm, true)
	}
	cb.check(v, "context.use", FieldUse, d.Context.Use, true)
	cb.check(v, "context.recipient", FieldRecipient, d.Context.Recipient, true)
	cb.check(v, "context.initiative", FieldInitiative, d.Context.Initiative, true)
	cb.check(v, "context.motive", FieldMotive, d.Context.Motive, true)
	return v.errOrNil()
}

// DossierFilter selects dossiers. Nil fields do not filter.
type DossierFilter struct {
	ID         *int64
	RegNo      *string
	Department *string // unit code of the owning VIK department
	Year       *int    // year the dossier was opened
	Phase      *string // current phase
	Outcome    *string // suspicion outcome

	// OmitReporterIdentities leaves every ReporterRef empty, so that callers
	// that never show them (analyses, research exports) neither read them
	// nor fill the audit trail with identity reads.
	OmitReporterIdentities bool

	Offset int
	Limit  int // 0 means no limit
}

// DossierService stores and retrieves dossiers. Implementations validate
// every dossier against the codebook before they store it.
type DossierService interface {
	// FindDossierByID returns ENOTFOUND when there is no such dossier.
	FindDossierByID(ctx context.Context, id int64) (*Dossier, error)
	// FindDossierByRegNo returns ENOTFOUND when there is no such dossier.
	FindDossierByRegNo(ctx context.Context, regNo string) (*Dossier, error)
	// FindDossiers returns the matching dossiers ordered by registration
	// number, and the total count of matches ignoring Offset and Limit.
	FindDossiers(ctx context.Context, filter DossierFilter) ([]*Dossier, int, error)
	// CreateDossier stores a new dossier and sets its ID, its RegNo when
	// empty, and the IDs of its parts. A duplicate RegNo is ECONFLICT.
	CreateDossier(ctx context.Context, d *Dossier) error
	// CreateDossiers stores all dossiers in one transaction: either every
	// one is stored or none is.
	CreateDossiers(ctx context.Context, ds []*Dossier) error
	// UpdateDossier replaces the dossier with d.ID (its parts included).
	UpdateDossier(ctx context.Context, d *Dossier) error
	// DeleteDossier removes a dossier and its parts.
	DeleteDossier(ctx context.Context, id int64) error
}
