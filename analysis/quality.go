package analysis

import (
	"maps"
	"slices"

	"lekradar"
)

// QualityField is one field checked for completeness, with the dossiers it
// applies to.
type QualityField struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	AppliesTo Text   `json:"applies_to"`
}

// QualityCell is the completeness of one field in one department: of the
// Applicable dossiers, Known have the field filled in. Share is nil when
// the field applies to none.
type QualityCell struct {
	Field      string   `json:"field"`
	Applicable int      `json:"applicable"`
	Known      int      `json:"known"`
	Share      *float64 `json:"share"`
}

// QualityRow is the completeness of every field in one VIK department.
type QualityRow struct {
	Department string        `json:"department"`
	Label      string        `json:"label"`
	Dossiers   int           `json:"dossiers"`
	Cells      []QualityCell `json:"cells"`
}

// Quality is the registration quality: how completely each department
// fills in each field.
type Quality struct {
	Fields  []QualityField `json:"fields"`
	Rows    []QualityRow   `json:"rows"`
	Overall QualityRow     `json:"overall"`
}

// qualityCheck decides for one dossier whether a field applies and, if so,
// whether it is known.
type qualityCheck struct {
	id        string
	label     Text
	appliesTo Text
	check     func(d *lekradar.Dossier) (applies, known bool)
}

func identifiedSuspects(d *lekradar.Dossier) []lekradar.Suspect {
	var out []lekradar.Suspect
	for _, s := range d.Suspects {
		if s.Identified {
			out = append(out, s)
		}
	}
	return out
}

func closed(d *lekradar.Dossier) bool { return d.CurrentPhase() == "afgesloten" }

var (
	allDossiers        = Text{"alle dossiers", "all dossiers"}
	withItems          = Text{"dossiers met gelekte gegevens", "dossiers with leaked items"}
	withSuspect        = Text{"dossiers met een geïdentificeerde verdachte", "dossiers with an identified suspect"}
	closedDossiers     = Text{"afgesloten dossiers", "closed dossiers"}
	closedWithSuspect  = Text{"afgesloten dossiers met een geïdentificeerde verdachte", "closed dossiers with an identified suspect"}
	closedCriminal     = Text{"afgesloten dossiers met een strafrechtelijk onderzoek", "closed dossiers with a criminal investigation"}
	disclosureDossiers = Text{"dossiers over verstrekken", "dossiers about disclosure"}
)

func always(known bool) (bool, bool) { return true, known }

// qualityChecks are the fields of the registration-quality table.
var qualityChecks = []qualityCheck{
	{"summary", Text{"Samenvatting", "Summary"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(d.Summary != "") }},
	{"channel", Text{"Meldkanaal", "Reporting channel"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(len(d.Reports) > 0) }},
	{"report_acknowledged", Text{"Ontvangstbevestiging", "Acknowledgement"}, Text{"dossiers met een melding", "dossiers with a report"},
		func(d *lekradar.Dossier) (bool, bool) {
			if len(d.Reports) == 0 {
				return false, false
			}
			for _, r := range d.Reports {
				if r.Acknowledged.IsZero() {
					return true, false
				}
			}
			return true, true
		}},
	{"investigative_means", Text{"Onderzoeksmiddelen", "Investigative means"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(len(d.Means) > 0) }},
	{"leaked_items", Text{"Gelekte gegevens", "Leaked items"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(len(d.Items) > 0) }},
	{"harm", Text{"Schade", "Harm"}, withItems,
		func(d *lekradar.Dossier) (bool, bool) {
			if len(d.Items) == 0 {
				return false, false
			}
			for _, it := range d.Items {
				if it.Harm == "" {
					return true, false
				}
			}
			return true, true
		}},
	{"ongoing_investigation", Text{"Lopend onderzoek", "Ongoing investigation"}, withItems,
		func(d *lekradar.Dossier) (bool, bool) {
			if len(d.Items) == 0 {
				return false, false
			}
			for _, it := range d.Items {
				if it.OngoingInvestigation == nil {
					return true, false
				}
			}
			return true, true
		}},
	{"use", Text{"Gebruik", "Use"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(d.Context.Use != "") }},
	{"recipient", Text{"Ontvanger", "Recipient"}, disclosureDossiers,
		func(d *lekradar.Dossier) (bool, bool) {
			if d.Allegation == "raadplegen" {
				return false, false
			}
			return true, d.Context.Recipient != "" && d.Context.Recipient != "onbekend"
		}},
	{"initiative", Text{"Initiatief", "Initiative"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(d.Context.Initiative != "") }},
	{"benefit_to_crime", Text{"Voordeel voor criminaliteit", "Benefit to crime"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) { return always(d.Context.BenefitToCrime != nil) }},
	{"motive", Text{"Motief", "Motive"}, allDossiers,
		func(d *lekradar.Dossier) (bool, bool) {
			return always(d.Context.Motive != "" && d.Context.Motive != "onbekend")
		}},
	{"suspect_rank", Text{"Rang verdachte", "Suspect's rank"}, withSuspect, suspectField(func(s lekradar.Suspect) bool { return s.Rank != "" })},
	{"suspect_team_kind", Text{"Soort team verdachte", "Suspect's team kind"}, withSuspect, suspectField(func(s lekradar.Suspect) bool { return s.TeamKind != "" })},
	{"suspect_executive", Text{"Executief ja/nee", "Executive yes/no"}, withSuspect, suspectField(func(s lekradar.Suspect) bool { return s.Executive != nil })},
	{"suspicion_outcome", Text{"Uitkomst verdenking", "Suspicion outcome"}, closedDossiers,
		func(d *lekradar.Dossier) (bool, bool) {
			if !closed(d) {
				return false, false
			}
			return true, d.SuspicionOutcome != ""
		}},
	{"disciplinary_measure", Text{"Disciplinaire maatregel", "Disciplinary measure"}, closedWithSuspect,
		func(d *lekradar.Dossier) (bool, bool) {
			if !closed(d) || len(identifiedSuspects(d)) == 0 {
				return false, false
			}
			return true, d.DisciplinaryMeasure != ""
		}},
	{"criminal_outcome", Text{"Strafrechtelijke afdoening", "Criminal outcome"}, closedCriminal,
		func(d *lekradar.Dossier) (bool, bool) {
			if _, ok := d.PhaseDate("strafrechtelijk_onderzoek"); !ok || !closed(d) {
				return false, false
			}
			return true, d.CriminalOutcome != ""
		}},
}

// suspectField applies to dossiers with an identified suspect and is known
// when every identified suspect has the field.
func suspectField(known func(lekradar.Suspect) bool) func(*lekradar.Dossier) (bool, bool) {
	return func(d *lekradar.Dossier) (bool, bool) {
		ids := identifiedSuspects(d)
		if len(ids) == 0 {
			return false, false
		}
		for _, s := range ids {
			if !known(s) {
				return true, false
			}
		}
		return true, true
	}
}

func (b *builder) quality() Quality {
	var out Quality
	for _, c := range qualityChecks {
		out.Fields = append(out.Fields, QualityField{ID: c.id, Label: c.label.In(b.opts.Lang), AppliesTo: c.appliesTo})
	}
	newRow := func(dept, label string) QualityRow {
		r := QualityRow{Department: dept, Label: label, Cells: make([]QualityCell, len(qualityChecks))}
		for i, c := range qualityChecks {
			r.Cells[i].Field = c.id
		}
		return r
	}
	rows := map[string]*QualityRow{}
	overall := newRow("total", totalLabel.In(b.opts.Lang))
	for _, d := range b.dossiers {
		r := rows[d.Department]
		if r == nil {
			nr := newRow(d.Department, b.label(lekradar.FieldUnit, d.Department))
			r = &nr
			rows[d.Department] = r
		}
		r.Dossiers++
		overall.Dossiers++
		for i, c := range qualityChecks {
			applies, known := c.check(d)
			if !applies {
				continue
			}
			r.Cells[i].Applicable++
			overall.Cells[i].Applicable++
			if known {
				r.Cells[i].Known++
				overall.Cells[i].Known++
			}
		}
	}
	finish := func(r *QualityRow) {
		for i := range r.Cells {
			if c := &r.Cells[i]; c.Applicable > 0 {
				c.Share = ptr(float64(c.Known) / float64(c.Applicable))
			}
		}
	}
	for _, code := range b.codes(lekradar.FieldUnit) {
		if r := rows[code]; r != nil {
			finish(r)
			out.Rows = append(out.Rows, *r)
			delete(rows, code)
		}
	}
	// Departments the codebook lacks (rare: retired or foreign codes).
	for _, dept := range slices.Sorted(maps.Keys(rows)) {
		finish(rows[dept])
		out.Rows = append(out.Rows, *rows[dept])
	}
	finish(&overall)
	out.Overall = overall
	return out
}
