package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

var _ lekradar.AlertService = (*Store)(nil)

// strs returns "$k, $k+1, …" for a list of strings.
func (a *args) strs(vs []string) string {
	ph := make([]string, len(vs))
	for i, v := range vs {
		ph[i] = a.add(v)
	}
	return strings.Join(ph, ", ")
}

// visibleAlertCond returns a condition on the alert row aliased a that
// hides the alerts about the user themselves; "" when none are hidden.
func visibleAlertCond(u *lekradar.User, a *args) string {
	if u.EmployeeRef == "" || u.IsSystem() {
		return ""
	}
	return "a.employee_id <> " + a.add(u.EmployeeRef)
}

const alertColumns = `a.id, a.employee_pseudonym, a.person_id, a.first_ts, a.last_ts, a.score, a.severity,
	a.explanations, a.status, a.dossier_id, a.created_at, a.updated_at`

func alertFilterDetail(f lekradar.AlertFilter, results int) string {
	var from, to string
	if !f.From.IsZero() {
		from = f.From.UTC().Format(time.RFC3339)
	}
	if !f.To.IsZero() {
		to = f.To.UTC().Format(time.RFC3339)
	}
	return detailOf("status", f.Status, "severity", f.Severity, "employee", f.EmployeePseudonym,
		"from", from, "to", to, "offset", strconv.Itoa(f.Offset), "limit", strconv.Itoa(f.Limit),
		"results", strconv.Itoa(results))
}

// FindAlerts returns the inbox: alerts by severity (high first), then
// score and most recent look-up, with the employee pseudonymised, and the
// total count. Investigators and analysts (and the system actor); an
// account never sees alerts about itself. Audited as a search.
func (s *Store) FindAlerts(ctx context.Context, f lekradar.AlertFilter) ([]*lekradar.StoredAlert, int, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !lekradar.CanTriageAlerts(u) {
		return nil, 0, forbidden(u, "read alerts")
	}
	v := &lekradar.ValidationError{}
	if f.Status != "" && !slices.Contains(lekradar.AlertStatuses(), f.Status) {
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "status", Value: f.Status, Message: "is not an alert status",
			Allowed: lekradar.AlertStatuses()})
	}
	if f.Severity != "" && severityRank(f.Severity) == 0 {
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "severity", Value: f.Severity, Message: "is not a severity",
			Allowed: []string{lekradar.SeverityHigh, lekradar.SeverityMedium, lekradar.SeverityLow}})
	}
	if len(v.Fields) > 0 {
		return nil, 0, v
	}
	var a args
	var where []string
	if f.Status != "" {
		where = append(where, "a.status = "+a.add(f.Status))
	}
	if f.Severity != "" {
		where = append(where, "a.severity = "+a.add(f.Severity))
	}
	if f.EmployeePseudonym != "" {
		where = append(where, "a.employee_pseudonym = "+a.add(f.EmployeePseudonym))
	}
	if !f.From.IsZero() {
		where = append(where, "a.last_ts >= "+a.add(f.From.UTC().Truncate(time.Microsecond)))
	}
	if !f.To.IsZero() {
		where = append(where, "a.first_ts < "+a.add(f.To.UTC().Truncate(time.Microsecond)))
	}
	if vis := visibleAlertCond(u, &a); vis != "" {
		where = append(where, vis)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	out := []*lekradar.StoredAlert{}
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM alert a`+cond, a...).Scan(&total); err != nil {
			return fmt.Errorf("count alerts: %w", err)
		}
		if total > 0 && f.Offset < total {
			qa := append(args{}, a...)
			var err error
			out, err = s.queryAlerts(ctx, tx, cond+` ORDER BY a.severity_rank DESC, a.score DESC, a.last_ts DESC, a.id`+
				s.limitClause(&qa, f.Offset, f.Limit), qa)
			if err != nil {
				return err
			}
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectAlert, "",
			alertFilterDetail(f, len(out))})
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// queryAlerts reads alerts with their look-up ids and reasons.
func (s *Store) queryAlerts(ctx context.Context, q conn, tail string, a args) ([]*lekradar.StoredAlert, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+alertColumns+` FROM alert a`+tail, a...)
	if err != nil {
		return nil, fmt.Errorf("find alerts: %w", err)
	}
	defer rows.Close()
	out := []*lekradar.StoredAlert{}
	byID := map[string]*lekradar.StoredAlert{}
	var ids []string
	for rows.Next() {
		al := &lekradar.StoredAlert{EventIDs: []string{}, Reasons: []lekradar.Reason{}, Explanations: []string{}}
		var explanations string
		var dossierID sql.NullInt64
		if err := rows.Scan(&al.ID, &al.EmployeePseudonym, &al.PersonID, timestamp{&al.FirstTS}, timestamp{&al.LastTS},
			&al.Score, &al.Severity, &explanations, &al.Status, &dossierID,
			timestamp{&al.CreatedAt}, timestamp{&al.UpdatedAt}); err != nil {
			return nil, fmt.Errorf("scan alert: %w", err)
		}
		if explanations != "" {
			al.Explanations = strings.Split(explanations, ",")
		}
		al.DossierID = dossierID.Int64
		out = append(out, al)
		byID[al.ID] = al
		ids = append(ids, al.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find alerts: %w", err)
	}
	rows.Close()
	for start := 0; start < len(ids); start += idChunk {
		chunk := ids[start:min(start+idChunk, len(ids))]
		if err := s.queryAlertParts(ctx, q, "look-ups",
			`SELECT alert_id, event_id FROM alert_event WHERE alert_id IN (%s) ORDER BY alert_id, position, event_id`, chunk,
			func(r *sql.Rows) error {
				var id, ev string
				if err := r.Scan(&id, &ev); err != nil {
					return err
				}
				byID[id].EventIDs = append(byID[id].EventIDs, ev)
				return nil
			}); err != nil {
			return nil, err
		}
		if err := s.queryAlertParts(ctx, q, "reasons",
			`SELECT alert_id, rule, text FROM alert_reason WHERE alert_id IN (%s) ORDER BY alert_id, position`, chunk,
			func(r *sql.Rows) error {
				var id string
				var rs lekradar.Reason
				if err := r.Scan(&id, &rs.Rule, &rs.Text); err != nil {
					return err
				}
				byID[id].Reasons = append(byID[id].Reasons, rs)
				return nil
			}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) queryAlertParts(ctx context.Context, q conn, what, query string, ids []string, scan func(*sql.Rows) error) error {
	var a args
	rows, err := q.QueryContext(ctx, fmt.Sprintf(query, a.strs(ids)), a...)
	if err != nil {
		return fmt.Errorf("load alert %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("load alert %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load alert %s: %w", what, err)
	}
	return nil
}

// FindAlertByID returns one alert with its history. An alert that does not
// exist and one about the user themselves are the same ENOTFOUND. Audited
// as a read.
func (s *Store) FindAlertByID(ctx context.Context, id string) (*lekradar.StoredAlert, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanTriageAlerts(u) {
		return nil, forbidden(u, "read alerts")
	}
	var al *lekradar.StoredAlert
	err = s.withTx(ctx, func(tx conn) error {
		var a args
		cond := " WHERE a.id = " + a.add(id)
		if vis := visibleAlertCond(u, &a); vis != "" {
			cond += " AND " + vis
		}
		found, err := s.queryAlerts(ctx, tx, cond, a)
		if err != nil {
			return err
		}
		rec := auditRecord{lekradar.AuditRead, lekradar.ObjectAlert, id, ""}
		if len(found) == 1 {
			al = found[0]
			if al.Actions, err = s.alertActions(ctx, tx, id); err != nil {
				return err
			}
		} else {
			rec.detail = "result=not_found"
		}
		return s.appendAudit(ctx, tx, u.Username, rec)
	})
	if err != nil {
		return nil, err
	}
	if al == nil {
		return nil, notFound("alert", id)
	}
	return al, nil
}

func (s *Store) alertActions(ctx context.Context, q conn, id string) ([]lekradar.AlertAction, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, alert_id, action, reason, actor, at, dossier_id
		FROM alert_action WHERE alert_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("load alert history: %w", err)
	}
	defer rows.Close()
	out := []lekradar.AlertAction{}
	for rows.Next() {
		var x lekradar.AlertAction
		var dossierID sql.NullInt64
		if err := rows.Scan(&x.ID, &x.AlertID, &x.Action, &x.Reason, &x.Actor, timestamp{&x.Time}, &dossierID); err != nil {
			return nil, fmt.Errorf("load alert history: %w", err)
		}
		x.DossierID = dossierID.Int64
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load alert history: %w", err)
	}
	return out, nil
}

// alertFacts reads what acting on an alert needs; ENOTFOUND for an alert
// that does not exist or is about u.
func alertFacts(ctx context.Context, q conn, u *lekradar.User, id string) (employeeID, status string, dossierID int64, err error) {
	var d sql.NullInt64
	err = q.QueryRowContext(ctx, `SELECT employee_id, status, dossier_id FROM alert WHERE id = $1`, id).Scan(&employeeID, &status, &d)
	if isNoRows(err) || (err == nil && lekradar.IsAlertSubject(u, employeeID)) {
		return "", "", 0, notFound("alert", id)
	}
	if err != nil {
		return "", "", 0, fmt.Errorf("read alert %s: %w", id, err)
	}
	return employeeID, status, d.Int64, nil
}

func requireReason(action, reason string) error {
	if strings.TrimSpace(reason) == "" && lekradar.AlertNeedsReason(action) {
		return &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "reason", Message: "is required to " + action + " an alert"}}}
	}
	return nil
}

func (s *Store) insertAlertAction(ctx context.Context, tx conn, id, action, reason, actor string, at time.Time, dossierID int64) error {
	var d any
	if dossierID != 0 {
		d = dossierID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO alert_action (alert_id, action, reason, actor, at, dossier_id)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, action, strings.TrimSpace(reason), actor, at, d); err != nil {
		return fmt.Errorf("record alert action: %w", err)
	}
	return nil
}

// RevealAlertEmployee returns the employee id behind an alert's pseudonym.
// Investigators (and the system actor) only, with a reason; the reveal is
// recorded in the alert's history and the audit trail.
func (s *Store) RevealAlertEmployee(ctx context.Context, id, reason string) (string, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return "", err
	}
	if !lekradar.CanRevealAlertEmployee(u) {
		return "", forbidden(u, "reveal who an alert is about")
	}
	if err := requireReason(lekradar.AlertReveal, reason); err != nil {
		return "", err
	}
	var employeeID string
	err = s.withTx(ctx, func(tx conn) error {
		var err error
		if employeeID, _, _, err = alertFacts(ctx, tx, u, id); err != nil {
			return err
		}
		if err := s.insertAlertAction(ctx, tx, id, lekradar.AlertReveal, reason, u.Username, s.now(), 0); err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditRevealEmployee, lekradar.ObjectAlert, id,
			"reason=" + strconv.Quote(strings.TrimSpace(reason))})
	})
	if err != nil {
		return "", err
	}
	return employeeID, nil
}

// ActOnAlert explains, dismisses or escalates an alert, with a reason.
// Escalation is final: it opens a dossier of the actor's department
// (allegation raadplegen, phase ontvangen today, a report of channel
// detectie linked to the alert, the employee as identified suspect so that
// they can never open it) with the alert's look-ups attached, in the same
// transaction, and returns it.
func (s *Store) ActOnAlert(ctx context.Context, id, action, reason string) (*lekradar.Dossier, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(lekradar.AlertActions(), action) {
		return nil, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "action", Value: action,
			Message: "is not an alert action", Allowed: lekradar.AlertActions()}}}
	}
	if !lekradar.CanActOnAlert(u, action) {
		return nil, forbidden(u, "mark an alert "+action)
	}
	if err := requireReason(action, reason); err != nil {
		return nil, err
	}
	if action != lekradar.AlertEscalated {
		return nil, s.withTx(ctx, func(tx conn) error {
			if err := s.checkOpenAlert(ctx, tx, u, id); err != nil {
				return err
			}
			return s.setAlertStatus(ctx, tx, u, id, action, reason, 0)
		})
	}
	if u.Department == "" {
		return nil, &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "department",
			Message: "escalation opens a dossier of the actor's VIK department, and " + u.Username + " has none"}}}
	}
	if !lekradar.CanCreateDossier(u, u.Department) {
		return nil, forbidden(u, "open a dossier of department "+u.Department)
	}
	for range regNoRetries {
		d, err := s.escalateOnce(ctx, u, id, reason)
		if err != errRegNoRace {
			return d, err
		}
	}
	return nil, errRegNoRace
}

// checkOpenAlert refuses to act on an escalated alert: its dossier carries
// the case on.
func (s *Store) checkOpenAlert(ctx context.Context, tx conn, u *lekradar.User, id string) error {
	_, status, dossierID, err := alertFacts(ctx, tx, u, id)
	if err != nil {
		return err
	}
	if status == lekradar.AlertEscalated {
		return lekradar.Errorf(lekradar.ECONFLICT, "alert %s was escalated to dossier %d already", id, dossierID)
	}
	return nil
}

func (s *Store) setAlertStatus(ctx context.Context, tx conn, u *lekradar.User, id, action, reason string, dossierID int64) error {
	now := s.now()
	var d any
	if dossierID != 0 {
		d = dossierID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE alert SET status = $1, dossier_id = COALESCE($2, dossier_id), updated_at = $3 WHERE id = $4`,
		action, d, now, id); err != nil {
		return fmt.Errorf("update alert %s: %w", id, err)
	}
	if err := s.insertAlertAction(ctx, tx, id, action, reason, u.Username, now, dossierID); err != nil {
		return err
	}
	detail := detailOf("status", action, "dossier", ptrString(nonZero(dossierID))) + " reason=" + strconv.Quote(strings.TrimSpace(reason))
	recs := []auditRecord{{lekradar.AuditUpdate, lekradar.ObjectAlert, id, strings.TrimSpace(detail)}}
	if dossierID != 0 {
		recs = append(recs, auditRecord{lekradar.AuditCreate, lekradar.ObjectDossier, idString(dossierID), "alert=" + id})
	}
	return s.appendAudit(ctx, tx, u.Username, recs...)
}

func (s *Store) escalateOnce(ctx context.Context, u *lekradar.User, id, reason string) (*lekradar.Dossier, error) {
	var d *lekradar.Dossier
	var saved savedIDs
	err := s.withTx(ctx, func(tx conn) error {
		employeeID, _, _, err := alertFacts(ctx, tx, u, id)
		if err != nil {
			return err
		}
		if err := s.checkOpenAlert(ctx, tx, u, id); err != nil {
			return err
		}
		today := lekradar.DateOf(s.now())
		d = &lekradar.Dossier{
			Department: u.Department,
			Allegation: "raadplegen",
			Summary:    "Opened from detection alert " + id + ".",
			Phases:     []lekradar.PhaseEntry{{Phase: "ontvangen", Date: today}},
			Reports: []lekradar.Report{{Channel: "detectie", Received: today,
				Summary: "Detection alert " + id, AlertID: id}},
			Suspects: []lekradar.Suspect{{Identified: true, EmployeeRef: employeeID}},
		}
		if err := d.Validate(s.cb); err != nil {
			return err
		}
		if saved, err = s.createDossierTx(ctx, tx, d); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_lookup (dossier_id, event_id)
			SELECT $1, event_id FROM alert_event WHERE alert_id = $2`, saved.id, id); err != nil {
			return fmt.Errorf("attach look-ups of alert %s: %w", id, err)
		}
		return s.setAlertStatus(ctx, tx, u, id, lekradar.AlertEscalated, reason, saved.id)
	})
	if err != nil {
		return nil, err
	}
	saved.apply(d)
	return d, nil
}

// createDossierTx stores one validated dossier inside tx with the bulk
// writer of CreateDossiers; the caller audits it and applies the result
// after commit.
func (s *Store) createDossierTx(ctx context.Context, tx conn, d *lekradar.Dossier) (savedIDs, error) {
	w := newBulkWriter(s, tx)
	defer w.close()
	ds := []*lekradar.Dossier{d}
	regNos, err := w.assignRegNos(ctx, ds)
	if err != nil {
		if be, ok := errors.AsType[*BatchError](err); ok {
			return savedIDs{}, be.Err
		}
		return savedIDs{}, err
	}
	now := s.now()
	ids, err := w.insertDossierRows(ctx, ds, regNos, now)
	if err != nil {
		return savedIDs{}, err
	}
	parts, err := w.insertParts(ctx, ds, ids)
	if err != nil {
		return savedIDs{}, err
	}
	sv := parts[0]
	sv.id, sv.regNo, sv.createdAt, sv.updatedAt = ids[0], regNos[0], now, now
	return sv, nil
}

// FindDossierLookups returns the look-ups attached to a dossier (those of
// the alert it was escalated from), oldest first, to anyone who can see
// the dossier; ENOTFOUND otherwise. Audited as a read.
func (s *Store) FindDossierLookups(ctx context.Context, dossierID int64) ([]*lekradar.StoredLookup, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	out := []*lekradar.StoredLookup{}
	err = s.withTx(ctx, func(tx conn) error {
		if _, err := s.visibleDossierFacts(ctx, tx, u, dossierID); err != nil {
			return err
		}
		err := s.eachLookup(ctx, tx, ` JOIN dossier_lookup dl ON dl.event_id = l.event_id WHERE dl.dossier_id = $1
			ORDER BY l.ts, l.event_id`, args{dossierID}, func(l *lekradar.StoredLookup) error {
			out = append(out, l)
			return nil
		})
		if err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditRead, lekradar.ObjectLookups, "",
			"dossier=" + idString(dossierID) + " results=" + strconv.Itoa(len(out))})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
