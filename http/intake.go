package http

import (
	"net/http"
	"strconv"
	"strings"

	"lekradar"
)

// intakeData is the intake form: a report from any channel of the
// codebook, into a new dossier or an existing one.
type intakeData struct {
	Target       string // "new" or "existing"
	DossierID    string
	Channel      string
	Received     string
	Summary      string
	ReporterRef  string
	Department   string
	Allegation   string
	ShowReporter bool
	Errors       map[string]string
	General      []string
}

func (e *intakeData) E(field string) string { return e.Errors[field] }

func (s *Server) handleIntakeForm(w http.ResponseWriter, r *http.Request) {
	u := stateOf(r).user
	s.render(w, r, http.StatusOK, "intake", "intake.title", &intakeData{
		Target: "new", Department: u.Department, Received: lekradar.DateOf(s.cfg.Now()).String(),
		ShowReporter: s.showsReporter(u),
	})
}

// handleIntake registers the report. Into a new dossier: the dossier opens
// in the codebook's first phase on the date of receipt. Into an existing
// one: the user must be allowed to see and change it; one of another
// department is 404 as if it did not exist.
func (s *Server) handleIntake(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := stateOf(r).user
	in := &intakeData{
		Target:       r.PostFormValue("target"),
		DossierID:    strings.TrimSpace(r.PostFormValue("dossier_id")),
		Channel:      r.PostFormValue("channel"),
		Received:     strings.TrimSpace(r.PostFormValue("received")),
		Summary:      strings.TrimSpace(r.PostFormValue("summary")),
		Department:   r.PostFormValue("department"),
		Allegation:   r.PostFormValue("allegation"),
		ShowReporter: s.showsReporter(u),
		Errors:       map[string]string{},
	}
	if in.ShowReporter {
		in.ReporterRef = strings.TrimSpace(r.PostFormValue("reporter_ref"))
	}
	received, err := lekradar.ParseDate(in.Received)
	if err != nil {
		in.Errors["received"] = "is not a date YYYY-MM-DD"
	}
	report := lekradar.Report{Channel: in.Channel, Received: received, Summary: in.Summary, ReporterRef: in.ReporterRef}

	var d *lekradar.Dossier
	var reportPath string
	switch in.Target {
	case "existing":
		// The dossier by its id or its registration number.
		if id, perr := strconv.ParseInt(in.DossierID, 10, 64); perr == nil && id > 0 {
			d, err = s.store.FindDossierByID(ctx, id)
		} else if _, _, _, ok := lekradar.ParseRegNo(in.DossierID); ok {
			d, err = s.store.FindDossierByRegNo(ctx, in.DossierID)
		} else {
			in.Errors["dossier_id"] = "is not a dossier id or registration number (VIK-AMS-2016-0042)"
			break
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		reportPath = "reports[" + strconv.Itoa(len(d.Reports)) + "]."
		d.Reports = append(d.Reports, report)
	case "new":
		d = &lekradar.Dossier{
			Department: in.Department, Allegation: in.Allegation,
			Phases:  []lekradar.PhaseEntry{{Phase: s.firstPhase(), Date: received}},
			Reports: []lekradar.Report{report},
		}
		reportPath = "reports[0]."
	default:
		in.Errors["target"] = "choose a new or an existing dossier"
	}
	if len(in.Errors) == 0 {
		err = d.Validate(s.cb)
		if err == nil {
			if in.Target == "new" {
				err = s.store.CreateDossier(ctx, d)
			} else {
				err = s.store.UpdateDossier(ctx, d)
			}
		}
		if err == nil {
			http.Redirect(w, r, "/dossiers/"+strconv.FormatInt(d.ID, 10)+"?saved=1", http.StatusSeeOther)
			return
		}
		if _, isValidation := asValidation(err); !isValidation {
			s.fail(w, r, err)
			return
		}
		for path, msg := range fieldErrors(err) {
			switch {
			case strings.HasPrefix(path, reportPath):
				in.Errors[strings.TrimPrefix(path, reportPath)] = msg
			case path == "phases[0].date" && in.Target == "new":
				in.Errors["received"] = msg
			case path == "department" || path == "allegation":
				in.Errors[path] = msg
			default:
				in.General = append(in.General, path+": "+msg)
			}
		}
	}
	s.localizeErrors(r, in.Errors)
	s.render(w, r, http.StatusUnprocessableEntity, "intake", "intake.title", in)
}

// firstPhase is the phase a new dossier opens in: the codebook's first.
func (s *Server) firstPhase() string {
	if l := s.cb.Field(lekradar.FieldPhase); l != nil {
		if a := l.Allowed(); len(a) > 0 {
			return a[0]
		}
	}
	return ""
}
