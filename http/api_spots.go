package http

import (
	"net/http"
	"strconv"

	"lekradar"
)

// apiSpotList: GET /api/spots, the register of vulnerable spots, with the
// filters area, unit and status (codes) and offset/limit.
func (s *Server) apiSpotList(w http.ResponseWriter, r *http.Request) {
	offset, limit, ok := s.pageParams(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := lekradar.VulnerableSpotFilter{Offset: offset, Limit: limit}
	fields := s.codeParams(q, []codeParam{
		{"area", lekradar.FieldVulnerabilityArea, &f.Area},
		{"unit", lekradar.FieldUnit, &f.Unit},
		{"status", lekradar.FieldVulnerabilityStatus, &f.Status},
	})
	if len(fields) > 0 {
		s.apiError(w, r, http.StatusBadRequest, lekradar.EINVALID, "invalid query parameter", fields)
		return
	}
	spots, total, err := s.store.FindVulnerableSpots(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, listAnswer[*lekradar.VulnerableSpot]{Items: spots, Total: total, Offset: offset, Limit: limit})
}

// apiSpotGet: GET /api/spots/{id}.
func (s *Server) apiSpotGet(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	sp, err := s.store.FindVulnerableSpotByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, sp)
}

// apiSpotCreate: POST /api/spots.
func (s *Server) apiSpotCreate(w http.ResponseWriter, r *http.Request) {
	var sp lekradar.VulnerableSpot
	if !s.decodeJSON(w, r, &sp) {
		return
	}
	sp.ID = 0
	if err := sp.Validate(s.cb); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := s.store.CreateVulnerableSpot(r.Context(), &sp); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/spots/"+strconv.FormatInt(sp.ID, 10))
	s.answerSpot(w, r, http.StatusCreated, sp.ID)
}

// apiSpotReplace: PUT /api/spots/{id} replaces the entry.
func (s *Server) apiSpotReplace(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	if _, err := s.store.FindVulnerableSpotByID(r.Context(), id); err != nil {
		s.apiFail(w, r, err)
		return
	}
	var sp lekradar.VulnerableSpot
	if !s.decodeJSON(w, r, &sp) {
		return
	}
	if sp.ID != 0 && sp.ID != id {
		s.apiFail(w, r, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "id", Value: strconv.FormatInt(sp.ID, 10),
			Message: "differs from the id in the path (" + strconv.FormatInt(id, 10) + ")"}}})
		return
	}
	sp.ID = id
	if err := sp.Validate(s.cb); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := s.store.UpdateVulnerableSpot(r.Context(), &sp); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.answerSpot(w, r, http.StatusOK, id)
}

func (s *Server) answerSpot(w http.ResponseWriter, r *http.Request, status int, id int64) {
	sp, err := s.store.FindVulnerableSpotByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, status, sp)
}
