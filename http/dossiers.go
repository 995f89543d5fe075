package http

import (
	"net/http"
	"net/url"
	"strconv"

	"lekradar"
)

// dossierPageSize is the number of dossiers on one list page.
const dossierPageSize = 50

// dossierListData is the list page: filters, one page of dossiers and the
// links to the neighbouring pages.
type dossierListData struct {
	Department, Year, Phase, Outcome string
	Dossiers                         []*lekradar.Dossier
	Total, From, To                  int
	PrevURL, NextURL                 string
}

// handleDossierList lists the dossiers the user may see. The filters are
// codes and a year, never personal data, so they may travel in the query.
func (s *Server) handleDossierList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := dossierListData{Department: q.Get("department"), Year: q.Get("year"), Phase: q.Get("phase"), Outcome: q.Get("outcome")}
	f := lekradar.DossierFilter{Limit: dossierPageSize}
	if data.Department != "" {
		f.Department = &data.Department
	}
	if data.Phase != "" {
		f.Phase = &data.Phase
	}
	if data.Outcome != "" {
		f.Outcome = &data.Outcome
	}
	if data.Year != "" {
		y, err := strconv.Atoi(data.Year)
		if err != nil {
			s.renderError(w, r, http.StatusBadRequest, "error.invalid")
			return
		}
		f.Year = &y
	}
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	f.Offset = (pageNo - 1) * dossierPageSize
	ds, total, err := s.store.FindDossiers(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Dossiers, data.Total = ds, total
	data.From, data.To = f.Offset+1, f.Offset+len(ds)
	if len(ds) == 0 {
		data.From = 0
	}
	link := func(n int) string {
		v := url.Values{}
		for k, val := range map[string]string{"department": data.Department, "year": data.Year, "phase": data.Phase, "outcome": data.Outcome} {
			if val != "" {
				v.Set(k, val)
			}
		}
		v.Set("page", strconv.Itoa(n))
		return "/dossiers?" + v.Encode()
	}
	if pageNo > 1 {
		data.PrevURL = link(pageNo - 1)
	}
	if data.To < total {
		data.NextURL = link(pageNo + 1)
	}
	s.render(w, r, http.StatusOK, "dossiers", "dossiers.title", data)
}

// dossierShowData is the dossier page with the phase-change form.
type dossierShowData struct {
	D            *lekradar.Dossier
	CanWrite     bool
	ShowReporter bool
	Phase        string
	PhaseDate    string
	Errors       map[string]string
	Saved        bool
}

// dossierID reads the {id} path value; anything but a positive number is
// a page that does not exist.
func dossierID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// handleDossierShow shows one dossier. One the user may not see is 404,
// exactly as one that does not exist (the store answers ENOTFOUND).
func (s *Server) handleDossierShow(w http.ResponseWriter, r *http.Request) {
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
	s.render(w, r, http.StatusOK, "dossier", "dossier.title", s.showData(r, d))
}

// Heading is the dossier's registration number.
func (d *dossierShowData) Heading() string { return d.D.RegNo }

func (s *Server) showData(r *http.Request, d *lekradar.Dossier) *dossierShowData {
	u := stateOf(r).user
	return &dossierShowData{
		D:            d,
		Phase:        s.nextPhase(d.CurrentPhase()),
		CanWrite:     registryWriter(u),
		ShowReporter: s.showsReporter(u),
		PhaseDate:    lekradar.DateOf(s.cfg.Now()).String(),
		Saved:        r.URL.Query().Get("saved") == "1",
	}
}

// showsReporter reports whether the reporter identity field is shown to u:
// only to the role the access policy names (the store blanks it for
// everyone else anyway).
func (s *Server) showsReporter(u *lekradar.User) bool {
	return u != nil && s.cfg.Policy.ReporterIdentityRole != "" && u.Role == s.cfg.Policy.ReporterIdentityRole
}

// fieldErrors maps a validation error's fields (JSON paths such as
// "suspects[0].rank", which are also the form's field names) to messages;
// nil when err is not a validation error.
func fieldErrors(err error) map[string]string {
	v, ok := asValidation(err)
	if !ok {
		return nil
	}
	m := map[string]string{}
	for _, f := range v.Fields {
		msg := f.Message
		if m[f.Field] != "" {
			msg = m[f.Field] + "; " + msg
		}
		m[f.Field] = msg
	}
	return m
}

// nextPhase is the phase the form offers first: the one after current in
// codebook order, or the first.
func (s *Server) nextPhase(current string) string {
	allowed := s.cb.Field(lekradar.FieldPhase).Allowed()
	for i, p := range allowed {
		if p == current && i+1 < len(allowed) {
			return allowed[i+1]
		}
	}
	if current != "" {
		return current
	}
	return s.firstPhase()
}
