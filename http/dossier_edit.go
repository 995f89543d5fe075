package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lekradar"
)

// The edit form's field names are the JSON paths that Dossier.Validate
// names in its errors ("suspects[0].rank"), so every error is shown next
// to its own field without a mapping table. Every coded field is a
// <select> of the codebook's codes, labelled in the page's language.

// editData is the edit form: the dossier as it would be stored, and the
// errors by field path.
type editData struct {
	D            *lekradar.Dossier
	ShowReporter bool
	Errors       map[string]string
	General      []string // errors of fields that have no input of their own
}

// Heading is the dossier's registration number as stored.
func (e *editData) Heading() string { return e.D.RegNo }

// E returns the error of a top-level field.
func (e *editData) E(path string) string { return e.Errors[path] }

// Err returns the error of a field of row i of a list.
func (e *editData) Err(list string, i int, field string) string {
	return e.Errors[list+"["+strconv.Itoa(i)+"]."+field]
}

func triString(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "true"
	}
	return "false"
}

func parseTri(s string) *bool {
	switch s {
	case "true":
		t := true
		return &t
	case "false":
		f := false
		return &f
	}
	return nil
}

func (s *Server) handleDossierEditForm(w http.ResponseWriter, r *http.Request) {
	id, ok := dossierID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	d, err := s.store.FindDossierByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dossier_edit", "edit.title", &editData{D: d, ShowReporter: s.showsReporter(stateOf(r).user)})
}

// handleDossierEdit applies the form to the stored dossier and stores it
// through UpdateDossier, which validates exactly as the command line's
// import does. Invalid input re-renders the form with every error and
// stores nothing.
func (s *Server) handleDossierEdit(w http.ResponseWriter, r *http.Request) {
	id, ok := dossierID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	ctx := r.Context()
	stored, err := s.store.FindDossierByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// What the form does not show is kept by row id, and every update
	// gives the rows new ids: a form opened before the last save (a second
	// tab, the back button, a colleague's edit) is refused as a whole.
	if err := checkPartIDs(formPartIDs(r.PostForm), stored); err != nil {
		if lekradar.ErrorCode(err) != lekradar.ECONFLICT {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusConflict, "dossier_stale", "edit.title", &editData{D: stored})
		return
	}
	showReporter := s.showsReporter(stateOf(r).user)
	d, formErrs := dossierFromForm(r.PostForm, stored, showReporter)
	// Validate even when the form found errors, so that every error is
	// shown in one pass.
	err = d.Validate(s.cb)
	if err == nil && len(formErrs) == 0 {
		err = s.store.UpdateDossier(ctx, d)
		if err == nil {
			http.Redirect(w, r, "/dossiers/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
			return
		}
	}
	if err != nil {
		if _, isValidation := asValidation(err); !isValidation {
			s.fail(w, r, err)
			return
		}
		if formErrs == nil {
			formErrs = map[string]string{}
		}
		for path, msg := range fieldErrors(err) {
			if formErrs[path] == "" {
				formErrs[path] = msg
			}
		}
	}
	s.localizeErrors(r, formErrs)
	data := &editData{D: d, ShowReporter: showReporter, Errors: formErrs}
	data.General = generalErrors(formErrs)
	s.render(w, r, http.StatusUnprocessableEntity, "dossier_edit", "edit.title", data)
}

// formFields are the inputs of the edit form; errors on other paths (the
// phase history, which phase.go changes) are listed above the form.
var formFields = map[string]bool{
	"reg_no": true, "department": true, "allegation": true, "summary": true,
	"suspicion_outcome": true, "disciplinary_measure": true, "criminal_outcome": true,
	"context.use": true, "context.recipient": true, "context.initiative": true, "context.motive": true,
	"context.benefit_to_crime": true,
}

var rowFields = map[string]bool{
	"channel": true, "received": true, "summary": true, "reporter_ref": true, "acknowledged": true, "feedback_sent": true,
	"identified": true, "employee_ref": true, "rank": true, "unit": true, "team_kind": true, "executive": true,
	"source_system": true, "info_type": true, "harm": true, "ongoing_investigation": true, "description": true,
	"means": true, "date": true,
}

func generalErrors(errs map[string]string) []string {
	var out []string
	for path, msg := range errs {
		if formFields[path] {
			continue
		}
		if i := strings.LastIndex(path, "]."); i > 0 && rowFields[path[i+2:]] && !strings.HasPrefix(path, "phases[") {
			continue
		}
		out = append(out, path+": "+msg)
	}
	return out
}

// dossierFromForm builds the dossier the form describes on top of the
// stored one: what the form does not show (the phase history, the group
// attributes of suspects, alert links) is kept from the stored record, by
// the row's id, which checkPartIDs has found to be the stored rows' ids.
// Errors are those the form itself finds (unreadable dates);
// codes are left to Validate.
func dossierFromForm(f url.Values, stored *lekradar.Dossier, showReporter bool) (*lekradar.Dossier, map[string]string) {
	errs := map[string]string{}
	d := *stored
	d.RegNo = strings.TrimSpace(f.Get("reg_no"))
	d.Department = f.Get("department")
	d.Allegation = f.Get("allegation")
	d.Summary = strings.TrimSpace(f.Get("summary"))
	d.SuspicionOutcome = f.Get("suspicion_outcome")
	d.DisciplinaryMeasure = f.Get("disciplinary_measure")
	d.CriminalOutcome = f.Get("criminal_outcome")
	d.Context = lekradar.LeakContext{
		Use: f.Get("context.use"), Recipient: f.Get("context.recipient"), Initiative: f.Get("context.initiative"),
		Motive: f.Get("context.motive"), BenefitToCrime: parseTri(f.Get("context.benefit_to_crime")),
	}
	// Rows: each existing row has a hidden "<list>[i].row"; removed rows
	// and an untouched blank new row are skipped. Kept rows are renumbered,
	// so date errors are recorded under the new index.
	d.Reports = nil
	storedReports := map[int64]lekradar.Report{}
	for _, rp := range stored.Reports {
		storedReports[rp.ID] = rp
	}
	for _, i := range rowIndexes(f, "reports") {
		p := "reports[" + strconv.Itoa(i) + "]."
		if f.Get(p+"remove") != "" || (f.Get(p+"new") != "" && blankRow(f, p, "channel", "received", "summary", "reporter_ref")) {
			continue
		}
		id, _ := strconv.ParseInt(f.Get(p+"id"), 10, 64)
		rp := storedReports[id] // zero for a new row
		rp.ID = id
		if _, ok := storedReports[id]; !ok {
			rp.ID = 0
		}
		np := "reports[" + strconv.Itoa(len(d.Reports)) + "]."
		rp.Channel = f.Get(p + "channel")
		rp.Summary = strings.TrimSpace(f.Get(p + "summary"))
		if showReporter {
			rp.ReporterRef = strings.TrimSpace(f.Get(p + "reporter_ref"))
		}
		rp.Received = dateAt(f, p+"received", np+"received", errs)
		rp.Acknowledged = dateAt(f, p+"acknowledged", np+"acknowledged", errs)
		rp.FeedbackSent = dateAt(f, p+"feedback_sent", np+"feedback_sent", errs)
		d.Reports = append(d.Reports, rp)
	}

	d.Suspects = nil
	storedSuspects := map[int64]lekradar.Suspect{}
	for _, sp := range stored.Suspects {
		storedSuspects[sp.ID] = sp
	}
	for _, i := range rowIndexes(f, "suspects") {
		p := "suspects[" + strconv.Itoa(i) + "]."
		if f.Get(p+"remove") != "" || (f.Get(p+"new") != "" && blankRow(f, p, "employee_ref", "rank", "unit", "team_kind", "executive", "identified")) {
			continue
		}
		id, _ := strconv.ParseInt(f.Get(p+"id"), 10, 64)
		sp, ok := storedSuspects[id]
		if !ok {
			sp = lekradar.Suspect{}
		}
		sp.Identified = f.Get(p+"identified") != ""
		sp.EmployeeRef = strings.TrimSpace(f.Get(p + "employee_ref"))
		sp.Rank, sp.Unit, sp.TeamKind = f.Get(p+"rank"), f.Get(p+"unit"), f.Get(p+"team_kind")
		sp.Executive = parseTri(f.Get(p + "executive"))
		d.Suspects = append(d.Suspects, sp)
	}

	d.Items = nil
	for _, i := range rowIndexes(f, "leaked_items") {
		p := "leaked_items[" + strconv.Itoa(i) + "]."
		if f.Get(p+"remove") != "" || (f.Get(p+"new") != "" && blankRow(f, p, "source_system", "info_type", "harm", "ongoing_investigation", "description")) {
			continue
		}
		d.Items = append(d.Items, lekradar.LeakedItem{
			SourceSystem: f.Get(p + "source_system"), InfoType: f.Get(p + "info_type"), Harm: f.Get(p + "harm"),
			OngoingInvestigation: parseTri(f.Get(p + "ongoing_investigation")),
			Description:          strings.TrimSpace(f.Get(p + "description")),
		})
	}

	d.Means = nil
	for _, i := range rowIndexes(f, "investigative_means") {
		p := "investigative_means[" + strconv.Itoa(i) + "]."
		if f.Get(p+"remove") != "" || (f.Get(p+"new") != "" && blankRow(f, p, "means", "date")) {
			continue
		}
		np := "investigative_means[" + strconv.Itoa(len(d.Means)) + "]."
		d.Means = append(d.Means, lekradar.MeansEntry{Means: f.Get(p + "means"), Date: dateAt(f, p+"date", np+"date", errs)})
	}
	if len(errs) == 0 {
		return &d, nil
	}
	return &d, errs
}

// formPartIDs returns the report and suspect ids the form was opened with,
// of every row including removed ones, for checkPartIDs. A row id that is
// not a positive number matches no stored part (-1), so a forged one is
// refused like a stale one rather than taken as a new row.
func formPartIDs(f url.Values) *lekradar.Dossier {
	var d lekradar.Dossier
	rowID := func(list string, i int) int64 {
		p := list + "[" + strconv.Itoa(i) + "].id"
		if !f.Has(p) {
			return 0
		}
		id, err := strconv.ParseInt(f.Get(p), 10, 64)
		if err != nil || id <= 0 {
			return -1
		}
		return id
	}
	for _, i := range rowIndexes(f, "reports") {
		d.Reports = append(d.Reports, lekradar.Report{ID: rowID("reports", i)})
	}
	for _, i := range rowIndexes(f, "suspects") {
		d.Suspects = append(d.Suspects, lekradar.Suspect{ID: rowID("suspects", i)})
	}
	return &d
}

// dateAt parses the date at form path from, recording an error under to.
func dateAt(f url.Values, from, to string, errs map[string]string) lekradar.Date {
	v := strings.TrimSpace(f.Get(from))
	dt, err := lekradar.ParseDate(v)
	if err != nil {
		errs[to] = "is not a date YYYY-MM-DD: " + v
	}
	return dt
}

// rowIndexes returns the row numbers of a list in the form, in order.
func rowIndexes(f url.Values, list string) []int {
	var out []int
	for i := 0; i < 1000; i++ {
		if !f.Has(list + "[" + strconv.Itoa(i) + "].row") {
			break
		}
		out = append(out, i)
	}
	return out
}

func blankRow(f url.Values, prefix string, fields ...string) bool {
	for _, name := range fields {
		if strings.TrimSpace(f.Get(prefix+name)) != "" {
			return false
		}
	}
	return true
}
