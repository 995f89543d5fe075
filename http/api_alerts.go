package http

import (
	"net/http"
	"slices"
	"time"

	"lekradar"
)

// alertStore returns the store's alert triage, or answers 501.
func (s *Server) alertStore(w http.ResponseWriter, r *http.Request) (lekradar.AlertService, bool) {
	as, ok := s.store.(lekradar.AlertService)
	if !ok {
		s.apiError(w, r, http.StatusNotImplemented, lekradar.ENOTIMPLEMENTED, "this store keeps no alerts", nil)
	}
	return as, ok
}

// apiAlertList: GET /api/alerts, the triage inbox by severity, with the
// filters status, severity, employee (a pseudonym), from and to (RFC 3339)
// and offset/limit. Employees appear only as pseudonyms.
func (s *Server) apiAlertList(w http.ResponseWriter, r *http.Request) {
	as, ok := s.alertStore(w, r)
	if !ok {
		return
	}
	offset, limit, ok := s.pageParams(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := lekradar.AlertFilter{Status: q.Get("status"), Severity: q.Get("severity"), EmployeePseudonym: q.Get("employee"),
		Offset: offset, Limit: limit}
	var fields []lekradar.FieldError
	if f.Status != "" && !slices.Contains(lekradar.AlertStatuses(), f.Status) {
		fields = append(fields, lekradar.FieldError{Field: "status", Value: f.Status, Message: "is not an alert status", Allowed: lekradar.AlertStatuses()})
	}
	severities := []string{lekradar.SeverityLow, lekradar.SeverityMedium, lekradar.SeverityHigh}
	if f.Severity != "" && !slices.Contains(severities, f.Severity) {
		fields = append(fields, lekradar.FieldError{Field: "severity", Value: f.Severity, Message: "is not a severity", Allowed: severities})
	}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				fields = append(fields, lekradar.FieldError{Field: name, Value: v, Message: "is not an RFC 3339 time such as 2026-01-05T08:00:00Z"})
			}
			*dst = t
		}
	}
	if len(fields) > 0 {
		s.apiError(w, r, http.StatusBadRequest, lekradar.EINVALID, "invalid query parameter", fields)
		return
	}
	alerts, total, err := as.FindAlerts(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, listAnswer[*lekradar.StoredAlert]{Items: alerts, Total: total, Offset: offset, Limit: limit})
}

// apiAlertGet: GET /api/alerts/{id} with its action history.
func (s *Server) apiAlertGet(w http.ResponseWriter, r *http.Request) {
	as, ok := s.alertStore(w, r)
	if !ok {
		return
	}
	a, err := as.FindAlertByID(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, a)
}

// apiAlertActionIn is a triage action with its required reason.
type apiAlertActionIn struct {
	Action string `json:"action"`
	Reason string `json:"reason"`
}

// apiAlertActionAnswer is the alert after the action, and the dossier an
// escalation opened.
type apiAlertActionAnswer struct {
	Alert   *lekradar.StoredAlert `json:"alert"`
	Dossier *lekradar.Dossier     `json:"dossier,omitempty"`
}

// apiAlertAct: POST /api/alerts/{id}/actions explains, dismisses or
// escalates an alert (escalation: investigators only; it opens a dossier
// with channel detectie).
func (s *Server) apiAlertAct(w http.ResponseWriter, r *http.Request) {
	as, ok := s.alertStore(w, r)
	if !ok {
		return
	}
	var in apiAlertActionIn
	if !s.decodeJSON(w, r, &in) {
		return
	}
	var fields []lekradar.FieldError
	if !slices.Contains(lekradar.AlertActions(), in.Action) {
		fields = append(fields, lekradar.FieldError{Field: "action", Value: in.Action, Message: "is not an alert action", Allowed: lekradar.AlertActions()})
	}
	if in.Reason == "" {
		fields = append(fields, lekradar.FieldError{Field: "reason", Message: "is required"})
	}
	if len(fields) > 0 {
		s.apiFail(w, r, &lekradar.ValidationError{Fields: fields})
		return
	}
	id := r.PathValue("id")
	d, err := as.ActOnAlert(r.Context(), id, in.Action, in.Reason)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, err := as.FindAlertByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ans := apiAlertActionAnswer{Alert: a}
	if d != nil {
		// The dossier the escalation opened is read back through the
		// store, as the caller, so that showing it is an audited read like
		// every other dossier the API hands out.
		stored, err := s.store.FindDossierByID(r.Context(), d.ID)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		ans.Dossier = apiDossier(stored)
	}
	s.writeJSON(w, r, http.StatusOK, ans)
}

// apiRevealIn states why the employee must be known.
type apiRevealIn struct {
	Reason string `json:"reason"`
}

// apiRevealAnswer is the employee behind an alert's pseudonym.
type apiRevealAnswer struct {
	AlertID    string `json:"alert_id"`
	EmployeeID string `json:"employee_id"`
}

// apiAlertReveal: POST /api/alerts/{id}/reveal gives the real employee id
// (investigators only), recorded with the reason. A POST, so that the
// answer is never cached and the reason travels in the body.
func (s *Server) apiAlertReveal(w http.ResponseWriter, r *http.Request) {
	as, ok := s.alertStore(w, r)
	if !ok {
		return
	}
	var in apiRevealIn
	if !s.decodeJSON(w, r, &in) {
		return
	}
	if in.Reason == "" {
		s.apiFail(w, r, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "reason", Message: "is required"}}})
		return
	}
	id := r.PathValue("id")
	emp, err := as.RevealAlertEmployee(r.Context(), id, in.Reason)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, apiRevealAnswer{AlertID: id, EmployeeID: emp})
}
