package http

import (
	"errors"
	"net/http"
	"strconv"

	"lekradar"
)

// handlePhaseChange moves a dossier into a phase on a date. The new entry
// is validated with the dossier (a known phase code, a date not before the
// previous phase); on error the dossier page shows the errors at the form.
func (s *Server) handlePhaseChange(w http.ResponseWriter, r *http.Request) {
	id, ok := dossierID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	ctx := r.Context()
	d, err := s.store.FindDossierByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	phase := r.PostFormValue("phase")
	dateText := r.PostFormValue("date")
	errs := map[string]string{}
	date, err := lekradar.ParseDate(dateText)
	if err != nil || date.IsZero() {
		errs["date"] = "is required (YYYY-MM-DD)"
	}
	if len(errs) == 0 {
		d.Phases = append(d.Phases, lekradar.PhaseEntry{Phase: phase, Date: date})
		err = s.store.UpdateDossier(ctx, d)
		if err == nil {
			http.Redirect(w, r, "/dossiers/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
			return
		}
		if _, isValidation := asValidation(err); !isValidation {
			s.fail(w, r, err)
			return
		}
		// Errors on the new (last) entry belong to the form's fields.
		last := "phases[" + strconv.Itoa(len(d.Phases)-1) + "]."
		for field, msg := range fieldErrors(err) {
			switch field {
			case last + "phase":
				errs["phase"] = msg
			case last + "date":
				errs["date"] = msg
			default:
				errs[field] = msg
			}
		}
		d.Phases = d.Phases[:len(d.Phases)-1]
	}
	s.localizeErrors(r, errs)
	data := s.showData(r, d)
	data.Phase, data.PhaseDate, data.Errors = phase, dateText, errs
	s.render(w, r, http.StatusUnprocessableEntity, "dossier", "dossier.title", data)
}

// asValidation returns err's validation error, if it is one.
func asValidation(err error) (*lekradar.ValidationError, bool) {
	var v *lekradar.ValidationError
	ok := errors.As(err, &v)
	return v, ok
}
