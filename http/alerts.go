package http

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

// alertPageSize is the number of alerts on one inbox page.
const alertPageSize = 50

// alertRoutes registers alert triage. The pages need the store's alert
// service; a store without one gets no alert pages.
func (s *Server) alertRoutes(mux *http.ServeMux) {
	if _, ok := s.store.(lekradar.AlertService); !ok {
		return
	}
	s.handle(mux, "GET /alerts", alertTriager, s.handleAlertInbox)
	s.handle(mux, "GET /alerts/{id}", alertTriager, s.handleAlertShow)
	s.handle(mux, "POST /alerts/{id}/action", alertTriager, s.handleAlertAction)
	s.handle(mux, "POST /alerts/{id}/reveal", alertRevealer, s.handleAlertReveal)
}

// alertTriager: investigators and analysts work the pseudonymised inbox.
func alertTriager(u *lekradar.User) bool { return u != nil && lekradar.CanTriageAlerts(u) }

// alertRevealer: only investigators may see who an alert is about.
func alertRevealer(u *lekradar.User) bool { return u != nil && lekradar.CanRevealAlertEmployee(u) }

func (s *Server) alertService() lekradar.AlertService {
	a, _ := s.store.(lekradar.AlertService)
	return a
}

// alertGroup is the alerts of one severity on an inbox page.
type alertGroup struct {
	Severity string
	Alerts   []*lekradar.StoredAlert
}

// alertInboxData is the inbox: filters (codes only), the alerts of one page
// grouped by severity and the pager.
type alertInboxData struct {
	Status, Severity string
	Statuses         []string
	Severities       []string
	Groups           []alertGroup
	Total, From, To  int
	PrevURL, NextURL string
}

var alertSeverities = []string{lekradar.SeverityHigh, lekradar.SeverityMedium, lekradar.SeverityLow}

// handleAlertInbox lists the alerts, open ones by default, high severity
// first and by score within a severity (the store's order). The filters
// are codes, so they may travel in the query.
func (s *Server) handleAlertInbox(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := alertInboxData{Status: lekradar.AlertOpen, Severity: q.Get("severity"),
		Statuses: lekradar.AlertStatuses(), Severities: alertSeverities}
	if q.Has("status") {
		data.Status = q.Get("status") // "" lists every status
	}
	if data.Status != "" && !slices.Contains(data.Statuses, data.Status) ||
		data.Severity != "" && !slices.Contains(data.Severities, data.Severity) {
		s.renderError(w, r, http.StatusBadRequest, "error.invalid")
		return
	}
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	f := lekradar.AlertFilter{Status: data.Status, Severity: data.Severity, Offset: (pageNo - 1) * alertPageSize, Limit: alertPageSize}
	alerts, total, err := s.alertService().FindAlerts(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, a := range alerts {
		if n := len(data.Groups); n == 0 || data.Groups[n-1].Severity != a.Severity {
			data.Groups = append(data.Groups, alertGroup{Severity: a.Severity})
		}
		g := &data.Groups[len(data.Groups)-1]
		g.Alerts = append(g.Alerts, a)
	}
	data.Total = total
	data.From, data.To = f.Offset+1, f.Offset+len(alerts)
	if len(alerts) == 0 {
		data.From = 0
	}
	link := func(n int) string {
		v := url.Values{}
		v.Set("status", data.Status)
		if data.Severity != "" {
			v.Set("severity", data.Severity)
		}
		v.Set("page", strconv.Itoa(n))
		return "/alerts?" + v.Encode()
	}
	if pageNo > 1 {
		data.PrevURL = link(pageNo - 1)
	}
	if data.To < total {
		data.NextURL = link(pageNo + 1)
	}
	s.render(w, r, http.StatusOK, "alerts", "alerts.title", data)
}

// alertShowData is one alert with its look-ups, history and action forms.
type alertShowData struct {
	A *lekradar.StoredAlert
	// Lookups are the alert's look-ups with their details; only for
	// investigators, who may search the log (analysts see the event ids).
	Lookups   []*lekradar.StoredLookup
	CanAct    bool // explain, dismiss
	CanEsc    bool // escalate
	CanReveal bool
	// Revealed is the employee id after a reveal: on this response only.
	Revealed string
	Done     string // the action just taken
	Reason   string // the reason typed, when the form is shown again
	Form     string // the form an error belongs to: "action", "reveal" or "" (none shown)
	Error    string // message key
}

// Heading is the alert's id.
func (d *alertShowData) Heading() string { return d.A.ID }

// alertID reads the {id} path value: "A-" and hex digits, as the store
// makes them. Anything else is a page that does not exist.
var alertIDPattern = regexp.MustCompile(`^A-[0-9a-f]{1,64}$`)

func alertID(r *http.Request) (string, bool) {
	id := r.PathValue("id")
	return id, alertIDPattern.MatchString(id)
}

// loadAlert reads the alert of the request with what its page shows.
func (s *Server) loadAlert(w http.ResponseWriter, r *http.Request) (*alertShowData, bool) {
	id, ok := alertID(r)
	if !ok {
		s.handleNotFound(w, r)
		return nil, false
	}
	a, err := s.alertService().FindAlertByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	u := stateOf(r).user
	open := a.Status != lekradar.AlertEscalated
	data := &alertShowData{A: a,
		CanAct:    open && lekradar.CanActOnAlert(u, lekradar.AlertExplained),
		CanEsc:    open && lekradar.CanActOnAlert(u, lekradar.AlertEscalated),
		CanReveal: lekradar.CanRevealAlertEmployee(u),
	}
	if ls, ok := s.store.(lekradar.LookupStore); ok && lekradar.CanSearchLookups(u) && len(a.EventIDs) > 0 {
		// The look-ups of one person within the alert's period, narrowed
		// to the alert's events; audited as a log search.
		found, _, err := ls.FindLookups(r.Context(), lekradar.LookupFilter{PersonID: a.PersonID,
			From: a.FirstTS, To: a.LastTS.Add(time.Microsecond)})
		if err != nil {
			s.fail(w, r, err)
			return nil, false
		}
		ids := make(map[string]bool, len(a.EventIDs))
		for _, ev := range a.EventIDs {
			ids[ev] = true
		}
		for _, l := range found {
			if ids[l.ID] {
				data.Lookups = append(data.Lookups, l)
			}
		}
	}
	return data, true
}

// handleAlertShow shows one alert. An alert about the user themselves is
// 404, as one that does not exist.
func (s *Server) handleAlertShow(w http.ResponseWriter, r *http.Request) {
	data, ok := s.loadAlert(w, r)
	if !ok {
		return
	}
	if done := r.URL.Query().Get("done"); slices.Contains(lekradar.AlertActions(), done) {
		data.Done = done
	}
	s.render(w, r, http.StatusOK, "alerts_show", "alert.title", data)
}

// handleAlertAction explains, dismisses or escalates an alert with a
// reason. Escalation leads to the dossier it opened.
func (s *Server) handleAlertAction(w http.ResponseWriter, r *http.Request) {
	id, ok := alertID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	action := r.PostFormValue("action")
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if !slices.Contains(lekradar.AlertActions(), action) {
		s.renderError(w, r, http.StatusBadRequest, "error.invalid")
		return
	}
	if reason == "" {
		s.alertFormError(w, r, "action", reason, "alert.reason_required")
		return
	}
	d, err := s.alertService().ActOnAlert(r.Context(), id, action, reason)
	switch {
	case err == nil && d != nil:
		http.Redirect(w, r, "/dossiers/"+strconv.FormatInt(d.ID, 10), http.StatusSeeOther)
	case err == nil:
		http.Redirect(w, r, "/alerts/"+id+"?done="+action, http.StatusSeeOther)
	case lekradar.ErrorCode(err) == lekradar.ECONFLICT:
		// The action forms are gone from an escalated alert's page.
		s.alertFormError(w, r, "", reason, "alert.already_escalated")
	case lekradar.ErrorCode(err) == lekradar.EINVALID:
		key := "error.invalid"
		if v, ok := asValidation(err); ok && len(v.Fields) > 0 && v.Fields[0].Field == "department" {
			key = "alert.no_department"
		} else if ok && len(v.Fields) > 0 && v.Fields[0].Field == "reason" {
			key = "alert.reason_required"
		}
		s.alertFormError(w, r, "action", reason, key)
	default:
		s.fail(w, r, err)
	}
}

// handleAlertReveal shows the real employee id behind the pseudonym on
// this response only; the store records the reveal with its reason.
func (s *Server) handleAlertReveal(w http.ResponseWriter, r *http.Request) {
	id, ok := alertID(r)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if reason == "" {
		s.alertFormError(w, r, "reveal", reason, "alert.reason_required")
		return
	}
	employee, err := s.alertService().RevealAlertEmployee(r.Context(), id, reason)
	if err != nil {
		if lekradar.ErrorCode(err) == lekradar.EINVALID {
			s.alertFormError(w, r, "reveal", reason, "alert.reason_required")
			return
		}
		s.fail(w, r, err)
		return
	}
	data, ok := s.loadAlert(w, r) // with the reveal in its history
	if !ok {
		return
	}
	data.Revealed = employee
	s.render(w, r, http.StatusOK, "alerts_show", "alert.title", data)
}

// alertFormError shows the alert page again with the error at the form
// that caused it; nothing was changed.
func (s *Server) alertFormError(w http.ResponseWriter, r *http.Request, form, reason, key string) {
	data, ok := s.loadAlert(w, r)
	if !ok {
		return
	}
	data.Form, data.Reason, data.Error = form, reason, key
	s.render(w, r, http.StatusUnprocessableEntity, "alerts_show", "alert.title", data)
}

// Texts of the detection engine. Its reasons are English sentences (the
// policy may set its own); a known sentence is shown in the page's
// language, anything else as it is.

var (
	unexplainedPattern = regexp.MustCompile(`^No work link was found for (\d+) of the (\d+) look-ups`)
	workLinkPattern    = regexp.MustCompile(` A work link was found \(([^)]*)\); the look-up is shown because of this possible conflict of interest\.$`)
)

// ReasonText returns an alert reason as a sentence in the page's language.
func (p *page) ReasonText(rs lekradar.Reason) string {
	if rs.Rule == "unexplained" {
		if m := unexplainedPattern.FindStringSubmatch(rs.Text); m != nil {
			return p.Tf("reason.unexplained", m[1], m[2])
		}
		return rs.Text
	}
	key := "reason." + rs.Rule
	en := p.s.catalog.text("en", key)
	if en == key || !strings.HasPrefix(rs.Text, en) {
		return rs.Text // a policy's own text, or one we do not know
	}
	rest := strings.TrimPrefix(rs.Text, en)
	text := p.T(key)
	if rest == "" {
		return text
	}
	if m := workLinkPattern.FindStringSubmatch(rest); m != nil {
		var names []string
		for _, n := range strings.Split(m[1], ", ") {
			names = append(names, p.ExplLabel(n))
		}
		return text + " " + p.Tf("reason.work_link", strings.Join(names, ", "))
	}
	if p.Lang == "en" {
		return rs.Text
	}
	return text + rest
}

// RuleLabel names a signal or rule in the page's language.
func (p *page) RuleLabel(rule string) string { return p.textOr("signal."+rule, rule) }

// ExplLabel names an explanation (a kind of work link) in the page's
// language.
func (p *page) ExplLabel(name string) string { return p.textOr("expl."+name, name) }

// SeverityLabel names a severity.
func (p *page) SeverityLabel(sev string) string { return p.textOr("severity."+sev, sev) }

// AlertStatusLabel names an alert status or action.
func (p *page) AlertStatusLabel(status string) string { return p.textOr("alertstatus."+status, status) }

// SystemLabel names a police system by its codebook label.
func (p *page) SystemLabel(system string) string { return p.Label(lekradar.FieldSourceSystem, system) }

// ActionLabel names a look-up action.
func (p *page) ActionLabel(action string) string { return p.textOr("lookupaction."+action, action) }

// Time formats a time in UTC to the second, as the log search takes it.
func (p *page) Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

// Score formats an alert's score.
func (p *page) Score(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func (p *page) textOr(key, fallback string) string {
	if t := p.s.catalog.text(p.Lang, key); t != key {
		return t
	}
	return fallback
}

// Join joins texts for a cell.
func (p *page) Join(parts []string, sep string) string { return strings.Join(parts, sep) }

// Count formats a number for a message.
func (p *page) Count(n int) string { return fmt.Sprint(n) }

// reasonArgs is what the reason field of one action form needs.
type reasonArgs struct {
	P    *page
	Form string
}

// ReasonArgs passes the page and the form's name to the reason field.
func (p *page) ReasonArgs(form string) reasonArgs { return reasonArgs{P: p, Form: form} }

// Outcome describes what a scan found for a look-up: the explanation that
// covered it, or the signals that fired, or that nothing explained it.
func (p *page) Outcome(l *lekradar.StoredLookup) string {
	var signals []string
	for _, sg := range l.Signals {
		signals = append(signals, p.RuleLabel(sg))
	}
	switch {
	case l.ExplainedBy != nil && len(signals) > 0:
		return p.Tf("lookup.explained_signals", p.ExplLabel(*l.ExplainedBy), strings.Join(signals, ", "))
	case l.ExplainedBy != nil:
		return p.Tf("lookup.explained", p.ExplLabel(*l.ExplainedBy))
	case len(signals) > 0:
		return p.Tf("lookup.unexplained_signals", strings.Join(signals, ", "))
	}
	return p.T("lookup.unexplained")
}
