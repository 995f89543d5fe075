package http

import (
	"net/http"
	"time"

	"lekradar"
)

// apiLookupSearchIn is a log search. It travels in a POST body, never in
// the query string: person and employee ids must not reach access logs,
// proxies or browser history.
type apiLookupSearchIn struct {
	PersonID   string    `json:"person_id"`
	EmployeeID string    `json:"employee_id"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Offset     int       `json:"offset"`
	Limit      int       `json:"limit"`
}

// apiLookupSearch: POST /api/lookups/search, the look-ups of a person or
// by an employee over a period, in time order, each with its explanation
// or signals (investigators only; audited by the store).
func (s *Server) apiLookupSearch(w http.ResponseWriter, r *http.Request) {
	ls, ok := s.store.(lekradar.LookupStore)
	if !ok {
		s.apiError(w, r, http.StatusNotImplemented, lekradar.ENOTIMPLEMENTED, "this store keeps no look-ups", nil)
		return
	}
	var in apiLookupSearchIn
	if !s.decodeJSON(w, r, &in) {
		return
	}
	if in.Limit == 0 {
		in.Limit = apiMaxLimit
	}
	f := lekradar.LookupFilter{PersonID: in.PersonID, EmployeeID: in.EmployeeID, From: in.From, To: in.To, Offset: in.Offset, Limit: in.Limit}
	if err := f.Validate(); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if in.Limit > 10*apiMaxLimit {
		s.apiFail(w, r, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "limit", Message: "must be at most 5000"}}})
		return
	}
	found, total, err := ls.FindLookups(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, listAnswer[*lekradar.StoredLookup]{Items: found, Total: total, Offset: in.Offset, Limit: in.Limit})
}
