package research

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

// AuditObjectType is the object type under which an export is recorded in
// the audit trail (action lekradar.AuditExport), with the export's ID as
// object id.
const AuditObjectType = "research_sample"

// closedPhase is the codebook's phase of a closed dossier.
const closedPhase = "afgesloten"

// Column types, as the README explains them.
const (
	TypePseudonym = "pseudonym"
	TypeCode      = "code"
	TypeMonth     = "month"
	TypeInteger   = "integer"
	TypeNumber    = "number"
	TypeBoolean   = "boolean"
	TypeText      = "text"
)

// Column describes one column of an exported table.
type Column struct {
	Name string
	Type string
	// Field is the codebook field of a TypeCode column.
	Field       string
	Description string
}

// Table is one exported table: a CSV file and a sheet of the workbook.
type Table struct {
	Name        string // file name without .csv, and sheet name
	Description string
	Columns     []Column
	Rows        [][]string
}

// Header returns the column names.
func (t *Table) Header() []string {
	h := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		h[i] = c.Name
	}
	return h
}

// ExportOptions choose what goes into an export.
type ExportOptions struct {
	// Codebook labels the codes; DefaultCodebook when nil.
	Codebook *lekradar.Codebook
	// GroupAttributes adds the suspects' restricted group attributes
	// (surname origin, gender, age band, tenure band). They are off by
	// default: the codebook reserves them for aggregate use, and they make
	// a suspect much easier to recognise.
	GroupAttributes bool
	// Period describes the selection period for the README, e.g.
	// "dossiers opened 2016-01-01 to 2016-12-31"; empty means all.
	Period string
	// Created is when the export is made; only its month is written.
	Created time.Time
}

// Export is a pseudonymised export of a sample, built in memory. It holds
// no source identifier and no pseudonym key: the key lived only inside
// Build.
type Export struct {
	// ID names the export in the README and the audit trail. It is random
	// and unrelated to the pseudonym key.
	ID      string
	Design  *Design
	Options ExportOptions
	// Tables are the data tables in file order; Codebook is the codebook
	// table.
	Tables   []*Table
	Codebook *Table
	// Risk counts records in small groups of quasi-identifiers (README).
	Risk []RiskCount
}

// Table returns the data table of the given name, or nil.
func (e *Export) Table(name string) *Table {
	for _, t := range e.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Build makes the pseudonymised export of a drawn sample: pseudonyms from a
// fresh key that is wiped when Build returns, no names, employee ids,
// registration numbers, reporter references or free text, dates coarsened to
// the month (durations in days computed from the exact dates first).
func Build(design *Design, opts ExportOptions) (*Export, error) {
	if design == nil {
		return nil, fmt.Errorf("research export: no sample")
	}
	if opts.Codebook == nil {
		opts.Codebook = lekradar.DefaultCodebook()
	}
	if opts.Created.IsZero() {
		opts.Created = time.Now()
	}
	id, err := newExportID()
	if err != nil {
		return nil, err
	}
	// A collision of truncated pseudonyms is astronomically rare; a fresh
	// key resolves it.
	for attempt := 0; attempt < 3; attempt++ {
		p, err := NewPseudonymizer()
		if err != nil {
			return nil, err
		}
		tables, ok := buildTables(design, opts, p)
		p.Forget()
		if !ok {
			continue
		}
		e := &Export{ID: id, Design: design, Options: opts, Tables: tables, Codebook: codebookTable(opts.Codebook)}
		e.Risk = riskCounts(e)
		return e, nil
	}
	return nil, fmt.Errorf("research export: pseudonyms collided three times; try again")
}

func newExportID() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("export id: %w", err)
	}
	return "X-" + strings.ToUpper(hex.EncodeToString(b)), nil
}

// Month formats a date coarsened to its month, YYYY-MM; "" when unknown.
func Month(d lekradar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
}

func boolCell(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func daysBetween(from, to lekradar.Date) string {
	if from.IsZero() || to.IsZero() {
		return ""
	}
	return strconv.Itoa(from.DaysUntil(to))
}

func code(field, desc string) Column {
	return Column{Type: TypeCode, Field: field, Description: desc}
}

func named(name string, c Column) Column { c.Name = name; return c }

var (
	dossierIDColumn = Column{Name: "dossier_id", Type: TypePseudonym,
		Description: "Pseudonym of the dossier (D-…), new for every export. Links the rows of every table that belong to the same dossier."}
)

// Table definitions. The README is written from these, so a column cannot
// be exported without its description.
func dossiersColumns() []Column {
	return []Column{
		dossierIDColumn,
		{Name: "stratum", Type: TypeText, Description: "The sampling stratum: the values of the stratification variables joined by '/' (see Sampling design); 'all' for a simple random sample."},
		{Name: "sampling_weight", Type: TypeNumber, Description: "Sampling weight: dossiers in the stratum divided by dossiers sampled from it (the inverse of the inclusion probability). Weight estimates of registry totals with it."},
		named("department", code(lekradar.FieldUnit, "The unit of the VIK department that owns the dossier.")),
		named("allegation", code(lekradar.FieldAllegation, "What the suspicion is: look-up without a work reason, disclosure, or both.")),
		{Name: "opened_month", Type: TypeMonth, Description: "Month the dossier was opened (its first phase, else its first report)."},
		named("current_phase", code(lekradar.FieldPhase, "The phase the dossier was in when the export was made.")),
		{Name: "closed_month", Type: TypeMonth, Description: "Month the dossier was closed (phase afgesloten); empty while open."},
		{Name: "days_to_close", Type: TypeInteger, Description: "Days from opening to closing, from the exact dates; empty while open."},
		named("suspicion_outcome", code(lekradar.FieldSuspicionOutcome, "Whether the suspicion was confirmed, not confirmed, refuted, or the suspect stayed unknown; empty while undecided.")),
		named("disciplinary_measure", code(lekradar.FieldDisciplinaryMeasure, "The disciplinary measure (Barp); empty when not (yet) decided.")),
		named("criminal_outcome", code(lekradar.FieldCriminalOutcome, "The criminal-law outcome; empty when not (yet) known.")),
		named("use", code(lekradar.FieldUse, "Own use, or shared with others; empty when unknown.")),
		named("recipient", code(lekradar.FieldRecipient, "Who received the information; empty when unknown.")),
		named("initiative", code(lekradar.FieldInitiative, "Whose initiative the leak was; empty when unknown.")),
		{Name: "benefit_to_crime", Type: TypeBoolean, Description: "Whether the leak benefited crime: true, false, or empty when unknown."},
		named("motive", code(lekradar.FieldMotive, "The motive; empty when unknown.")),
		{Name: "n_reports", Type: TypeInteger, Description: "Number of reports (rows in reports.csv)."},
		{Name: "n_suspects", Type: TypeInteger, Description: "Number of suspects, identified or not (rows in suspects.csv)."},
		{Name: "n_identified_suspects", Type: TypeInteger, Description: "Number of identified suspects."},
		{Name: "n_leaked_items", Type: TypeInteger, Description: "Number of leaked items (rows in leaked_items.csv)."},
		{Name: "n_means", Type: TypeInteger, Description: "Number of investigative means used (rows in means.csv)."},
	}
}

func suspectsColumns(groupAttributes bool) []Column {
	cols := []Column{
		{Name: "suspect_id", Type: TypePseudonym, Description: "Pseudonym of the suspected employee (S-…), new for every export. The same employee has the same pseudonym in every dossier of this export; an unidentified suspect has a pseudonym of its own."},
		dossierIDColumn,
		{Name: "suspect_no", Type: TypeInteger, Description: "Position of the suspect in the dossier (1, 2, …)."},
		{Name: "identified", Type: TypeBoolean, Description: "Whether the suspected employee was identified. For an unidentified suspect the position columns describe what is known, or are empty."},
		named("rank", code(lekradar.FieldRank, "Rank at the time of the dossier (a snapshot, not the present rank).")),
		named("unit", code(lekradar.FieldUnit, "Unit the suspect worked in at the time.")),
		named("team_kind", code(lekradar.FieldTeamKind, "Kind of team the suspect worked in at the time.")),
		{Name: "executive", Type: TypeBoolean, Description: "Whether the suspect had an executive (operational police) function: true, false, or empty when unknown."},
	}
	if groupAttributes {
		cols = append(cols,
			named("surname_origin", code(lekradar.FieldSurnameOrigin, "RESTRICTED group attribute: origin of the surname. For aggregate analysis only.")),
			named("gender", code(lekradar.FieldGender, "RESTRICTED group attribute: gender. For aggregate analysis only.")),
			named("age_band", code(lekradar.FieldAgeBand, "RESTRICTED group attribute: age band. For aggregate analysis only.")),
			named("tenure_band", code(lekradar.FieldTenureBand, "RESTRICTED group attribute: years of service. For aggregate analysis only.")),
		)
	}
	return cols
}

func itemsColumns() []Column {
	return []Column{
		dossierIDColumn,
		{Name: "item_no", Type: TypeInteger, Description: "Position of the item in the dossier (1, 2, …)."},
		named("source_system", code(lekradar.FieldSourceSystem, "The system (or channel) the information came from.")),
		named("info_type", code(lekradar.FieldInfoType, "The kind of information.")),
		{Name: "ongoing_investigation", Type: TypeBoolean, Description: "Whether the item concerns an ongoing investigation: true, false, or empty when unknown."},
		named("harm", code(lekradar.FieldHarm, "The harm done; empty when unknown.")),
	}
}

func reportsColumns() []Column {
	return []Column{
		dossierIDColumn,
		{Name: "report_no", Type: TypeInteger, Description: "Position of the report in the dossier (1, 2, …)."},
		named("channel", code(lekradar.FieldChannel, "Channel the report came in through.")),
		{Name: "received_month", Type: TypeMonth, Description: "Month the report was received."},
	}
}

func phasesColumns() []Column {
	return []Column{
		dossierIDColumn,
		{Name: "phase_no", Type: TypeInteger, Description: "Position of the phase in the dossier's history (1 is the first)."},
		named("phase", code(lekradar.FieldPhase, "The phase entered.")),
		{Name: "entered_month", Type: TypeMonth, Description: "Month the phase was entered."},
		{Name: "days_since_opened", Type: TypeInteger, Description: "Days from the dossier's opening to entering this phase, from the exact dates."},
		{Name: "days_in_phase", Type: TypeInteger, Description: "Days from entering this phase to entering the next one, from the exact dates; empty for the current phase."},
	}
}

func meansColumns() []Column {
	return []Column{
		dossierIDColumn,
		{Name: "means_no", Type: TypeInteger, Description: "Position of the means in the dossier (1, 2, …)."},
		named("means", code(lekradar.FieldInvestigativeMeans, "The investigative means used.")),
		{Name: "month", Type: TypeMonth, Description: "Month the means was used; empty when unknown."},
		{Name: "days_since_opened", Type: TypeInteger, Description: "Days from the dossier's opening to the use of the means, from the exact dates; empty when unknown."},
	}
}

// buildTables fills the data tables with pseudonyms from p; ok is false when
// two different source ids got the same pseudonym.
func buildTables(design *Design, opts ExportOptions, p *Pseudonymizer) ([]*Table, bool) {
	dossiers := &Table{Name: "dossiers", Description: "One row per sampled dossier.", Columns: dossiersColumns()}
	suspects := &Table{Name: "suspects", Description: "One row per suspect of a sampled dossier, with the suspect's position at the time.", Columns: suspectsColumns(opts.GroupAttributes)}
	items := &Table{Name: "leaked_items", Description: "One row per piece of information that was looked up or passed on.", Columns: itemsColumns()}
	reports := &Table{Name: "reports", Description: "One row per report (melding): channel and month only.", Columns: reportsColumns()}
	phases := &Table{Name: "phases", Description: "One row per phase a dossier went through, in order.", Columns: phasesColumns()}
	means := &Table{Name: "means", Description: "One row per investigative means used.", Columns: meansColumns()}

	dossierIDs := map[string]string{} // pseudonym → source, to catch collisions
	suspectIDs := map[string]string{}
	unique := func(seen map[string]string, pseudonym, source string) bool {
		if prev, ok := seen[pseudonym]; ok && prev != source {
			return false
		}
		seen[pseudonym] = source
		return true
	}

	for _, d := range design.Dossiers {
		src := SortKey(d)
		did := p.Dossier(src)
		if !unique(dossierIDs, did, src) {
			return nil, false
		}
		opened := d.Opened()
		// Closed means closed now: a dossier reopened after afgesloten is
		// open again.
		var closed lekradar.Date
		if d.CurrentPhase() == closedPhase {
			closed = d.Phases[len(d.Phases)-1].Date
		}
		identified := 0
		for i, s := range d.Suspects {
			ssrc := "dossier:" + src + ":suspect:" + strconv.Itoa(i+1)
			if s.Identified && s.EmployeeRef != "" {
				ssrc = "employee:" + s.EmployeeRef
			}
			if s.Identified {
				identified++
			}
			sid := p.Suspect(ssrc)
			if !unique(suspectIDs, sid, ssrc) {
				return nil, false
			}
			row := []string{sid, did, strconv.Itoa(i + 1), strconv.FormatBool(s.Identified), s.Rank, s.Unit, s.TeamKind, boolCell(s.Executive)}
			if opts.GroupAttributes {
				row = append(row, s.SurnameOrigin, s.Gender, s.AgeBand, s.TenureBand)
			}
			suspects.Rows = append(suspects.Rows, row)
		}
		stratum, weight := "", ""
		if s := design.StratumOf(d); s != nil {
			stratum, weight = s.Key, strconv.FormatFloat(s.Weight(), 'f', 6, 64)
		}
		dossiers.Rows = append(dossiers.Rows, []string{
			did, stratum, weight, d.Department, d.Allegation, Month(opened), d.CurrentPhase(),
			Month(closed), daysBetween(opened, closed),
			d.SuspicionOutcome, d.DisciplinaryMeasure, d.CriminalOutcome,
			d.Context.Use, d.Context.Recipient, d.Context.Initiative, boolCell(d.Context.BenefitToCrime), d.Context.Motive,
			strconv.Itoa(len(d.Reports)), strconv.Itoa(len(d.Suspects)), strconv.Itoa(identified),
			strconv.Itoa(len(d.Items)), strconv.Itoa(len(d.Means)),
		})
		for i, it := range d.Items {
			items.Rows = append(items.Rows, []string{did, strconv.Itoa(i + 1), it.SourceSystem, it.InfoType, boolCell(it.OngoingInvestigation), it.Harm})
		}
		for i, r := range d.Reports {
			reports.Rows = append(reports.Rows, []string{did, strconv.Itoa(i + 1), r.Channel, Month(r.Received)})
		}
		for i, ph := range d.Phases {
			inPhase := ""
			if i+1 < len(d.Phases) {
				inPhase = daysBetween(ph.Date, d.Phases[i+1].Date)
			}
			phases.Rows = append(phases.Rows, []string{did, strconv.Itoa(i + 1), ph.Phase, Month(ph.Date), daysBetween(opened, ph.Date), inPhase})
		}
		for i, m := range d.Means {
			means.Rows = append(means.Rows, []string{did, strconv.Itoa(i + 1), m.Means, Month(m.Date), daysBetween(opened, m.Date)})
		}
	}

	// Rows go in pseudonym order: an order by registration number would
	// carry the registration sequence into the export, and would line up
	// the rows of two exports of the same sample.
	slices.SortFunc(dossiers.Rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	byDossierThenNo := func(a, b []string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), cmp.Compare(atoi(a[1]), atoi(b[1])))
	}
	for _, t := range []*Table{items, reports, phases, means} {
		slices.SortFunc(t.Rows, byDossierThenNo)
	}
	slices.SortFunc(suspects.Rows, func(a, b []string) int {
		return cmp.Or(strings.Compare(a[1], b[1]), cmp.Compare(atoi(a[2]), atoi(b[2])))
	})
	return []*Table{dossiers, suspects, items, reports, phases, means}, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// codebookTable lists every code of every field with its labels.
func codebookTable(cb *lekradar.Codebook) *Table {
	t := &Table{Name: "codebook", Description: "Every code of the codebook (version " + cb.Version + ") with its Dutch and English labels.",
		Columns: []Column{
			{Name: "field", Type: TypeText, Description: "The codebook field; the column descriptions name the field each coded column takes its codes from."},
			{Name: "field_nl", Type: TypeText, Description: "Dutch name of the field."},
			{Name: "field_en", Type: TypeText, Description: "English name of the field."},
			{Name: "restricted", Type: TypeBoolean, Description: "Whether the field is a restricted group attribute, for aggregate analysis only."},
			{Name: "code", Type: TypeText, Description: "The code as it appears in the tables."},
			{Name: "label_nl", Type: TypeText, Description: "Dutch label of the code."},
			{Name: "label_en", Type: TypeText, Description: "English label of the code."},
			{Name: "retired", Type: TypeBoolean, Description: "Whether the code is retired: kept for old records, no longer given to new ones."},
		}}
	for _, f := range cb.Fields {
		for _, c := range f.Codes {
			t.Rows = append(t.Rows, []string{f.Name, f.NL, f.EN, strconv.FormatBool(f.Restricted), c.Code, c.NL, c.EN, strconv.FormatBool(c.Retired)})
		}
	}
	return t
}
