package http

import (
	"net/http"
	"strconv"
	"strings"

	"lekradar"
)

// spotListData is the register of vulnerable spots with its filters.
type spotListData struct {
	Area, Status, Unit string
	Spots              []*lekradar.VulnerableSpot
	Total              int
	CanWrite           bool
}

// handleSpotList shows the register. It holds no personal data; the
// filters are codes.
func (s *Server) handleSpotList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := spotListData{Area: q.Get("area"), Status: q.Get("status"), Unit: q.Get("unit"), CanWrite: spotWriter(stateOf(r).user)}
	var f lekradar.VulnerableSpotFilter
	if data.Area != "" {
		f.Area = &data.Area
	}
	if data.Status != "" {
		f.Status = &data.Status
	}
	if data.Unit != "" {
		f.Unit = &data.Unit
	}
	spots, total, err := s.store.FindVulnerableSpots(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Spots, data.Total = spots, total
	s.render(w, r, http.StatusOK, "spots", "spots.title", data)
}

// spotFormData is the add/edit form of one register entry.
type spotFormData struct {
	Spot       *lekradar.VulnerableSpot
	New        bool
	Identified string
	DossierIDs string
	Errors     map[string]string
	General    []string
}

func (e *spotFormData) E(field string) string { return e.Errors[field] }

func (s *Server) handleSpotNewForm(w http.ResponseWriter, r *http.Request) {
	sp := &lekradar.VulnerableSpot{Status: s.firstCode(lekradar.FieldVulnerabilityStatus)}
	s.render(w, r, http.StatusOK, "spot_edit", "spot.new", &spotFormData{Spot: sp, New: true, Identified: lekradar.DateOf(s.cfg.Now()).String()})
}

func (s *Server) handleSpotEditForm(w http.ResponseWriter, r *http.Request) {
	id, ok := dossierID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	sp, err := s.store.FindVulnerableSpotByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "spot_edit", "spot.edit", &spotFormData{Spot: sp, Identified: sp.Identified.String(), DossierIDs: joinIDs(sp.DossierIDs)})
}

func (s *Server) handleSpotCreate(w http.ResponseWriter, r *http.Request) {
	s.saveSpot(w, r, &lekradar.VulnerableSpot{}, true)
}

func (s *Server) handleSpotEdit(w http.ResponseWriter, r *http.Request) {
	id, ok := dossierID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	sp, err := s.store.FindVulnerableSpotByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveSpot(w, r, sp, false)
}

// saveSpot applies the form, validates it as the command line does and
// stores it; invalid input re-renders the form with its errors.
func (s *Server) saveSpot(w http.ResponseWriter, r *http.Request, sp *lekradar.VulnerableSpot, isNew bool) {
	data := &spotFormData{Spot: sp, New: isNew, Errors: map[string]string{},
		Identified: strings.TrimSpace(r.PostFormValue("identified")), DossierIDs: strings.TrimSpace(r.PostFormValue("dossier_ids"))}
	sp.Area, sp.Unit, sp.TeamKind, sp.System = r.PostFormValue("area"), r.PostFormValue("unit"), r.PostFormValue("team_kind"), r.PostFormValue("system")
	sp.Status = r.PostFormValue("status")
	sp.Description = strings.TrimSpace(r.PostFormValue("description"))
	sp.Measures = strings.TrimSpace(r.PostFormValue("measures"))
	var err error
	if sp.Identified, err = lekradar.ParseDate(data.Identified); err != nil {
		data.Errors["identified"] = "is not a date YYYY-MM-DD"
	}
	sp.DossierIDs = nil
	for _, f := range strings.FieldsFunc(data.DossierIDs, func(r rune) bool { return r == ',' || r == ' ' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			data.Errors["dossier_ids"] = "is not a list of dossier numbers: " + f
			continue
		}
		sp.DossierIDs = append(sp.DossierIDs, id)
	}
	if len(data.Errors) == 0 {
		err = sp.Validate(s.cb)
		if err == nil {
			if isNew {
				err = s.store.CreateVulnerableSpot(r.Context(), sp)
			} else {
				err = s.store.UpdateVulnerableSpot(r.Context(), sp)
			}
		}
		if err == nil {
			http.Redirect(w, r, "/spots", http.StatusSeeOther)
			return
		}
		if _, isValidation := asValidation(err); !isValidation {
			s.fail(w, r, err)
			return
		}
		for path, msg := range fieldErrors(err) {
			if strings.HasPrefix(path, "dossier_ids") {
				path = "dossier_ids"
			}
			data.Errors[path] = msg
		}
	}
	s.localizeErrors(r, data.Errors)
	title := "spot.edit"
	if isNew {
		title = "spot.new"
	}
	s.render(w, r, http.StatusUnprocessableEntity, "spot_edit", title, data)
}

func (s *Server) firstCode(field string) string {
	if l := s.cb.Field(field); l != nil {
		if a := l.Allowed(); len(a) > 0 {
			return a[0]
		}
	}
	return ""
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ", ")
}
