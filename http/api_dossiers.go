package http

import (
	"net/http"
	"net/url"
	"strconv"

	"lekradar"
)

// API list pages: 50 by default, at most 500.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 500
)

// pageParams reads offset and limit from the query; a bad value answers
// 400 naming the parameter and returns false.
func (s *Server) pageParams(w http.ResponseWriter, r *http.Request) (offset, limit int, ok bool) {
	q := r.URL.Query()
	limit = apiDefaultLimit
	var fields []lekradar.FieldError
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			fields = append(fields, lekradar.FieldError{Field: "offset", Value: v, Message: "must be a whole number ≥ 0"})
		}
		offset = n
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > apiMaxLimit {
			fields = append(fields, lekradar.FieldError{Field: "limit", Value: v, Message: "must be a whole number from 1 to " + strconv.Itoa(apiMaxLimit)})
		}
		limit = n
	}
	if len(fields) > 0 {
		s.apiError(w, r, http.StatusBadRequest, lekradar.EINVALID, "invalid query parameter", fields)
		return 0, 0, false
	}
	return offset, limit, true
}

// codeParam is a list filter given as a codebook code in the query:
// the parameter's name, the codebook field and where the code goes.
type codeParam struct {
	name, field string
	dst         **string
}

// codeParams reads the code filters of a list from the query: each one
// given goes to its dst, and each that is not a code of its field is
// returned as a problem naming the parameter and the allowed codes.
func (s *Server) codeParams(q url.Values, params []codeParam) []lekradar.FieldError {
	var fields []lekradar.FieldError
	for _, p := range params {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		if !s.cb.Valid(p.field, v) {
			fields = append(fields, lekradar.FieldError{Field: p.name, Value: v, Message: "is not a code of " + p.field,
				Allowed: s.cb.Field(p.field).Allowed()})
		}
		*p.dst = &v
	}
	return fields
}

// pathID reads a positive numeric {id} written as the API writes it (no
// sign, no leading zeros: one URL per record); anything else answers 404,
// as a record that does not exist.
func (s *Server) pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != v {
		s.apiNotFound(w, r)
		return 0, false
	}
	return id, true
}

// apiDossier is what the API shows of a dossier: the suspects' group
// attributes (restricted codebook fields, for aggregate monitoring only)
// are left out, as on the pages.
func apiDossier(d *lekradar.Dossier) *lekradar.Dossier {
	c := *d
	c.Suspects = make([]lekradar.Suspect, len(d.Suspects))
	for i, sp := range d.Suspects {
		sp.SurnameOrigin, sp.Gender, sp.AgeBand, sp.TenureBand = "", "", "", ""
		c.Suspects[i] = sp
	}
	return &c
}

// apiDossierList: GET /api/dossiers with the filters of the list page
// (department, year, phase, outcome: codes and a year, never personal
// data) and offset/limit.
func (s *Server) apiDossierList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	offset, limit, ok := s.pageParams(w, r)
	if !ok {
		return
	}
	f := lekradar.DossierFilter{Offset: offset, Limit: limit}
	fields := s.codeParams(q, []codeParam{
		{"department", lekradar.FieldUnit, &f.Department},
		{"phase", lekradar.FieldPhase, &f.Phase},
		{"outcome", lekradar.FieldSuspicionOutcome, &f.Outcome},
	})
	if len(fields) > 0 {
		s.apiError(w, r, http.StatusBadRequest, lekradar.EINVALID, "invalid query parameter", fields)
		return
	}
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil {
			s.apiError(w, r, http.StatusBadRequest, lekradar.EINVALID, "invalid query parameter",
				[]lekradar.FieldError{{Field: "year", Value: v, Message: "must be a year such as 2016"}})
			return
		}
		f.Year = &y
	}
	ds, total, err := s.store.FindDossiers(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ans := listAnswer[*lekradar.Dossier]{Items: make([]*lekradar.Dossier, len(ds)), Total: total, Offset: offset, Limit: limit}
	for i, d := range ds {
		ans.Items[i] = apiDossier(d)
	}
	s.writeJSON(w, r, http.StatusOK, ans)
}

// apiDossierGet: GET /api/dossiers/{id}. One the caller may not see is
// 404 with the body of one that does not exist.
func (s *Server) apiDossierGet(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	d, err := s.store.FindDossierByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, apiDossier(d))
}

// apiDossierCreate: POST /api/dossiers, validated as by the command
// line's import. The server assigns id and, when empty, reg_no; group
// attributes of suspects and reporter identities from a role that may not
// see them are ignored, as in the forms.
func (s *Server) apiDossierCreate(w http.ResponseWriter, r *http.Request) {
	var d lekradar.Dossier
	if !s.decodeJSON(w, r, &d) {
		return
	}
	d.ID = 0
	s.clearHidden(r, &d, nil)
	if err := d.Validate(s.cb); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := s.store.CreateDossier(r.Context(), &d); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.answerDossier(w, r, http.StatusCreated, d.ID)
}

// apiDossierReplace: PUT /api/dossiers/{id} replaces the whole dossier.
// What the API does not show is kept from the stored record: the
// suspects' group attributes (by suspect id) and, for roles that may not
// read them, the reporter identities (the store keeps those).
func (s *Server) apiDossierReplace(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	stored, err := s.store.FindDossierByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var d lekradar.Dossier
	if !s.decodeJSON(w, r, &d) {
		return
	}
	if d.ID != 0 && d.ID != id {
		s.apiFail(w, r, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "id", Value: strconv.FormatInt(d.ID, 10),
			Message: "differs from the id in the path (" + strconv.FormatInt(id, 10) + ")"}}})
		return
	}
	d.ID = id
	if err := checkPartIDs(&d, stored); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.clearHidden(r, &d, stored)
	if err := d.Validate(s.cb); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := s.store.UpdateDossier(r.Context(), &d); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.answerDossier(w, r, http.StatusOK, id)
}

// checkPartIDs refuses report and suspect ids that are not those of the
// stored dossier, for the API's PUT and the edit form alike. What these do
// not show — reporter identities for most roles, the suspects' group
// attributes for all, reports' alert links — is kept by part id, and the
// store gives the parts new ids with every update: a body or form read
// before the last update (another user's, or the caller's own previous
// save) would otherwise drop them without a word.
func checkPartIDs(d, stored *lekradar.Dossier) error {
	reports, suspects := map[int64]bool{}, map[int64]bool{}
	for _, rp := range stored.Reports {
		reports[rp.ID] = true
	}
	for _, sp := range stored.Suspects {
		suspects[sp.ID] = true
	}
	stale := func(field string, id int64) error {
		return lekradar.Errorf(lekradar.ECONFLICT, "%s %d is not one of the dossier as stored: it changed since it was read "+
			"(every update gives the parts new ids); read it again and send the changes with its current ids", field, id)
	}
	for i, rp := range d.Reports {
		if rp.ID != 0 && !reports[rp.ID] {
			return stale("reports["+strconv.Itoa(i)+"].id", rp.ID)
		}
	}
	for i, sp := range d.Suspects {
		if sp.ID != 0 && !suspects[sp.ID] {
			return stale("suspects["+strconv.Itoa(i)+"].id", sp.ID)
		}
	}
	return nil
}

// clearHidden drops what the caller may not set: group attributes (kept
// from stored, by suspect id, when replacing) and reporter identities of a
// role that does not see them.
func (s *Server) clearHidden(r *http.Request, d *lekradar.Dossier, stored *lekradar.Dossier) {
	keep := map[int64]lekradar.Suspect{}
	if stored != nil {
		for _, sp := range stored.Suspects {
			keep[sp.ID] = sp
		}
	}
	for i := range d.Suspects {
		sp := &d.Suspects[i]
		old, ok := keep[sp.ID]
		if sp.ID == 0 || !ok {
			sp.ID = 0
			old = lekradar.Suspect{}
		}
		sp.SurnameOrigin, sp.Gender, sp.AgeBand, sp.TenureBand = old.SurnameOrigin, old.Gender, old.AgeBand, old.TenureBand
	}
	if !s.showsReporter(lekradar.UserFromContext(r.Context())) {
		for i := range d.Reports {
			d.Reports[i].ReporterRef = ""
		}
	}
}

// answerDossier answers with the dossier as stored.
func (s *Server) answerDossier(w http.ResponseWriter, r *http.Request, status int, id int64) {
	d, err := s.store.FindDossierByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/dossiers/"+strconv.FormatInt(id, 10))
	}
	s.writeJSON(w, r, status, apiDossier(d))
}

// apiReportIn is a report for intake into an existing dossier.
type apiReportIn struct {
	Channel     string        `json:"channel"`
	Received    lekradar.Date `json:"received"`
	Summary     string        `json:"summary"`
	ReporterRef string        `json:"reporter_ref"`
}

// apiDossierIntake: POST /api/dossiers/{id}/reports adds a report of any
// channel to a dossier the caller may see and change.
func (s *Server) apiDossierIntake(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	d, err := s.store.FindDossierByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiReportIn
	if !s.decodeJSON(w, r, &in) {
		return
	}
	if !s.showsReporter(lekradar.UserFromContext(r.Context())) {
		in.ReporterRef = ""
	}
	d.Reports = append(d.Reports, lekradar.Report{Channel: in.Channel, Received: in.Received, Summary: in.Summary, ReporterRef: in.ReporterRef})
	if err := d.Validate(s.cb); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := s.store.UpdateDossier(r.Context(), d); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.answerDossier(w, r, http.StatusCreated, id)
}
