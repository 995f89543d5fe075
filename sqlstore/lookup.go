package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"lekradar"
)

var _ lekradar.LookupStore = (*Store)(nil)

// DefaultScanBatch is how many look-ups and alerts a ScanWriter commits per
// transaction: large enough that the per-transaction cost (the audit
// append, the commit's fsync) is spread thin, small enough that a failed
// batch loses little and other writers wait briefly.
const DefaultScanBatch = 10000

// scanRowsPerStmt is how many rows one multi-row INSERT carries: 9 columns
// of look-ups make 4,500 parameters, within SQLite's and PostgreSQL's
// limits.
const scanRowsPerStmt = 500

// ScanWriter stores what a scan produces: every look-up with its
// explanation and signals, and the alerts. It upserts, so that re-running a
// scan over the same events creates no duplicates, and commits in batches
// of BatchSize rows, each batch with one audit entry (action create, object
// lookups, the counts as detail). Close writes the last batch.
//
// Its methods may be called from different goroutines (the engine's reader
// stages events while the engine explains them).
type ScanWriter struct {
	s     *Store
	ctx   context.Context
	actor string
	pseud *pseudonymizer

	// BatchSize is the number of rows per transaction; DefaultScanBatch
	// unless changed before the first write.
	BatchSize int

	// insertOnly leaves look-ups already stored untouched (ingestion).
	insertOnly bool

	mu      sync.Mutex
	lookups []lookupRow
	seen    map[string]int // event id → index in lookups
	alerts  []alertRow
	aseen   map[string]int
	rows    int // rows pending: look-ups, alerts, their links and reasons
	staged  map[string]stagedEvent
	err     error
	closed  bool
	written ScanCounts
}

// ScanCounts is what a ScanWriter stored.
type ScanCounts struct {
	Lookups int64 // look-ups written (new or updated)
	Alerts  int64 // alerts written (new or updated)
	Batches int64 // transactions committed
	// Unexplained counts staged events that the engine never explained
	// (it drops events far out of order): they are not stored.
	Unexplained int64
}

// stagedEvent is an event waiting for its outcome; n counts copies of it
// (a log may repeat an event), each of which the engine explains.
type stagedEvent struct {
	ev lekradar.LookupEvent
	n  int
}

type lookupRow struct {
	ev          lekradar.LookupEvent
	explainedBy *string
	signals     string
}

type alertRow struct {
	id, pseudonym string
	a             *lekradar.Alert
}

// NewScanWriter returns a writer acting as the context's actor, which must
// be allowed to deliver look-ups (the system actor or an ingest token).
func (s *Store) NewScanWriter(ctx context.Context) (*ScanWriter, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanWriteLookups(u) {
		return nil, forbidden(u, "store look-ups and alerts")
	}
	p, err := s.pseudonymizer(ctx)
	if err != nil {
		return nil, err
	}
	return &ScanWriter{s: s, ctx: ctx, actor: u.Username, pseud: p, BatchSize: DefaultScanBatch,
		seen: map[string]int{}, aseen: map[string]int{}, staged: map[string]stagedEvent{}}, nil
}

// OpenLookupWriter returns a writer for ingestion: look-ups already stored
// are left as they are (with their explanation), so delivering a batch again
// neither duplicates nor resets anything.
func (s *Store) OpenLookupWriter(ctx context.Context) (lekradar.LookupWriter, error) {
	w, err := s.NewScanWriter(ctx)
	if err != nil {
		return nil, err
	}
	w.insertOnly = true
	return w, nil
}

// AlertID returns the stable id under which an alert is stored: "A-" and
// 16 hex digits of the SHA-256 of its employee, person and first event. The
// engine numbers alerts per run; this id stays the same when the same
// events are scanned again.
func AlertID(a *lekradar.Alert) string {
	h := sha256.New()
	first := ""
	if len(a.EventIDs) > 0 {
		first = a.EventIDs[0]
	}
	for _, f := range []string{a.EmployeeID, a.PersonID, first} {
		fmt.Fprintf(h, "%d:%s,", len(f), f)
	}
	return "A-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// WriteLookup adds one look-up with the name of the explanation that
// covered it ("" for none) and the signals that fired.
func (w *ScanWriter) WriteLookup(ev lekradar.LookupEvent, explainedBy string, signals []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.addLookup(ev, explainedBy, signals)
}

func (w *ScanWriter) addLookup(ev lekradar.LookupEvent, explainedBy string, signals []string) error {
	if err := w.usable(); err != nil {
		return err
	}
	if ev.ID == "" {
		return lekradar.Errorf(lekradar.EINVALID, "look-up without an event id (employee event at %s)", ev.TS.UTC().Format(time.RFC3339))
	}
	r := lookupRow{ev: ev, signals: strings.Join(signals, ",")}
	r.ev.TS = ev.TS.UTC().Truncate(time.Microsecond)
	if explainedBy != "" {
		r.explainedBy = &explainedBy
	}
	// One statement may not upsert a row twice (PostgreSQL refuses): the
	// later outcome of an event replaces the earlier in the batch.
	if i, ok := w.seen[ev.ID]; ok {
		w.lookups[i] = r
		return nil
	}
	w.seen[ev.ID] = len(w.lookups)
	w.lookups = append(w.lookups, r)
	w.rows++
	return w.flushIfFull()
}

// Stage keeps an event until the engine reports its outcome through
// Explanation, which only carries the event id.
func (w *ScanWriter) Stage(ev lekradar.LookupEvent) {
	w.mu.Lock()
	st := w.staged[ev.ID]
	w.staged[ev.ID] = stagedEvent{ev: ev, n: st.n + 1}
	w.mu.Unlock()
}

// Explanation stores the staged event id with its outcome; it has the
// signature of detect.Output.Explanation. signals may be reused by the
// caller after it returns.
func (w *ScanWriter) Explanation(id []byte, explainedBy string, signals []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	st, ok := w.staged[string(id)]
	if !ok {
		return fmt.Errorf("scan writer: event %q was explained but never staged", id)
	}
	if st.n--; st.n == 0 {
		delete(w.staged, st.ev.ID)
	} else {
		w.staged[st.ev.ID] = st
	}
	return w.addLookup(st.ev, explainedBy, signals)
}

// WriteAlert adds an alert under its stable id (AlertID). A stored alert
// keeps its status and history; its score, severity, reasons and end are
// updated and new look-ups are linked.
func (w *ScanWriter) WriteAlert(a *lekradar.Alert) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	if len(a.EventIDs) == 0 {
		return lekradar.Errorf(lekradar.EINVALID, "alert %s has no look-ups", a.ID)
	}
	if severityRank(a.Severity) == 0 {
		return lekradar.Errorf(lekradar.EINVALID, "alert %s: severity %q is not one of low, medium, high", a.ID, a.Severity)
	}
	// The engine may reuse the alert's slices once this returns.
	c := *a
	c.EventIDs, c.Reasons, c.Explanations = slices.Clone(a.EventIDs), slices.Clone(a.Reasons), slices.Clone(a.Explanations)
	r := alertRow{id: AlertID(a), pseudonym: w.pseud.of(a.EmployeeID), a: &c}
	if i, ok := w.aseen[r.id]; ok {
		w.alerts[i] = r
		return nil
	}
	w.aseen[r.id] = len(w.alerts)
	w.alerts = append(w.alerts, r)
	w.rows += 1 + len(a.EventIDs) + len(a.Reasons)
	return w.flushIfFull()
}

// Close writes what is pending. The writer cannot be used afterwards.
func (w *ScanWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return w.err
	}
	if w.err == nil {
		w.err = w.flush()
	}
	for _, st := range w.staged {
		w.written.Unexplained += int64(st.n)
	}
	w.staged = nil
	w.closed = true
	return w.err
}

// Counts returns what was stored so far.
func (w *ScanWriter) Counts() ScanCounts {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written
}

func (w *ScanWriter) usable() error {
	switch {
	case w.closed:
		return fmt.Errorf("scan writer: closed")
	case w.err != nil:
		return w.err
	}
	return nil
}

func (w *ScanWriter) flushIfFull() error {
	if w.rows < max(w.BatchSize, 1) {
		return nil
	}
	w.err = w.flush()
	return w.err
}

// flush writes the pending rows in one transaction with one audit entry.
func (w *ScanWriter) flush() error {
	if len(w.lookups) == 0 && len(w.alerts) == 0 {
		return nil
	}
	s := w.s
	ctx := w.ctx
	now := s.now()
	err := s.withTx(ctx, func(tx conn) error {
		u := newUpserter(tx)
		defer u.close()
		rows := make([][]any, len(w.lookups))
		for i, r := range w.lookups {
			var explained any
			if r.explainedBy != nil {
				explained = *r.explainedBy
			}
			rows[i] = []any{r.ev.ID, r.ev.TS, r.ev.EmployeeID, r.ev.System, r.ev.Action, r.ev.PersonID, r.ev.CaseID, explained, r.signals}
		}
		conflict := ` ON CONFLICT (event_id) DO UPDATE SET explained_by = excluded.explained_by, signals = excluded.signals
			WHERE lookup.explained_by IS DISTINCT FROM excluded.explained_by OR lookup.signals <> excluded.signals`
		if w.insertOnly {
			conflict = ` ON CONFLICT (event_id) DO NOTHING`
		}
		if err := u.upsert(ctx, "lookup",
			[]string{"event_id", "ts", "employee_id", "system", "action", "person_id", "case_id", "explained_by", "signals"}, rows,
			conflict); err != nil {
			return err
		}
		if err := w.writeAlerts(ctx, tx, u, now); err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, w.actor, auditRecord{lekradar.AuditCreate, lekradar.ObjectLookups, "",
			detailOf("lookups", strconv.Itoa(len(w.lookups)), "alerts", strconv.Itoa(len(w.alerts)))})
	})
	if err != nil {
		return fmt.Errorf("store scan batch of %d look-ups and %d alerts: %w", len(w.lookups), len(w.alerts), err)
	}
	w.written.Lookups += int64(len(w.lookups))
	w.written.Alerts += int64(len(w.alerts))
	w.written.Batches++
	w.lookups = w.lookups[:0]
	w.alerts = w.alerts[:0]
	clear(w.seen)
	clear(w.aseen)
	w.rows = 0
	return nil
}

func (w *ScanWriter) writeAlerts(ctx context.Context, tx conn, u *upserter, now time.Time) error {
	if len(w.alerts) == 0 {
		return nil
	}
	var alerts, links, reasons [][]any
	ids := make([]any, len(w.alerts))
	for i, r := range w.alerts {
		a := r.a
		ids[i] = r.id
		alerts = append(alerts, []any{r.id, a.EmployeeID, r.pseudonym, a.PersonID,
			a.FirstTS.UTC().Truncate(time.Microsecond), a.LastTS.UTC().Truncate(time.Microsecond),
			a.Score, a.Severity, severityRank(a.Severity), strings.Join(a.Explanations, ","), now, now})
		dup := map[string]bool{}
		for k, ev := range a.EventIDs {
			if !dup[ev] {
				dup[ev] = true
				links = append(links, []any{r.id, ev, k})
			}
		}
		for k, rs := range a.Reasons {
			reasons = append(reasons, []any{r.id, k, rs.Rule, rs.Text})
		}
	}
	if err := u.upsert(ctx, "alert",
		[]string{"id", "employee_id", "employee_pseudonym", "person_id", "first_ts", "last_ts", "score", "severity",
			"severity_rank", "explanations", "created_at", "updated_at"}, alerts,
		` ON CONFLICT (id) DO UPDATE SET last_ts = excluded.last_ts, score = excluded.score,
			severity = excluded.severity, severity_rank = excluded.severity_rank,
			explanations = excluded.explanations, updated_at = excluded.updated_at
		WHERE alert.last_ts <> excluded.last_ts OR alert.score <> excluded.score
			OR alert.severity <> excluded.severity OR alert.explanations <> excluded.explanations`); err != nil {
		return err
	}
	// Reasons are replaced: a re-scan under a new policy gives new ones.
	for start := 0; start < len(ids); start += scanRowsPerStmt {
		chunk := ids[start:min(start+scanRowsPerStmt, len(ids))]
		var a args
		ph := make([]string, len(chunk))
		for i, id := range chunk {
			ph[i] = a.add(id)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM alert_reason WHERE alert_id IN (`+strings.Join(ph, ", ")+`)`, a...); err != nil {
			return fmt.Errorf("replace alert reasons: %w", err)
		}
	}
	if err := u.upsert(ctx, "alert_reason", []string{"alert_id", "position", "rule", "text"}, reasons, ""); err != nil {
		return err
	}
	return u.upsert(ctx, "alert_event", []string{"alert_id", "event_id", "position"}, links,
		` ON CONFLICT (alert_id, event_id) DO NOTHING`)
}

func severityRank(severity string) int {
	switch severity {
	case lekradar.SeverityHigh:
		return 3
	case lekradar.SeverityMedium:
		return 2
	case lekradar.SeverityLow:
		return 1
	}
	return 0
}

// upserter runs multi-row INSERTs with a conflict clause, prepared once per
// transaction, table and row count.
type upserter struct {
	tx    conn
	stmts map[string]*sql.Stmt
}

func newUpserter(tx conn) *upserter { return &upserter{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (u *upserter) close() {
	for _, st := range u.stmts {
		st.Close()
	}
}

func (u *upserter) upsert(ctx context.Context, table string, cols []string, rows [][]any, conflict string) error {
	for len(rows) > 0 {
		chunk := rows[:min(scanRowsPerStmt, len(rows))]
		rows = rows[len(chunk):]
		key := fmt.Sprintf("%s/%d", table, len(chunk))
		st, ok := u.stmts[key]
		if !ok {
			var b strings.Builder
			b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
			p := 1
			for r := range chunk {
				if r > 0 {
					b.WriteString(", ")
				}
				b.WriteByte('(')
				for c := range cols {
					if c > 0 {
						b.WriteString(", ")
					}
					b.WriteString("$" + strconv.Itoa(p))
					p++
				}
				b.WriteByte(')')
			}
			b.WriteString(conflict)
			var err error
			if st, err = u.tx.PrepareContext(ctx, b.String()); err != nil {
				return fmt.Errorf("prepare upsert into %s: %w", table, err)
			}
			u.stmts[key] = st
		}
		flat := make([]any, 0, len(chunk)*len(cols))
		for _, r := range chunk {
			flat = append(flat, r...)
		}
		if _, err := st.ExecContext(ctx, flat...); err != nil {
			return fmt.Errorf("upsert into %s: %w", table, err)
		}
	}
	return nil
}

const lookupColumns = `l.event_id, l.ts, l.employee_id, l.system, l.action, l.person_id, l.case_id, l.explained_by, l.signals,
	COALESCE((SELECT MIN(ae.alert_id) FROM alert_event ae WHERE ae.event_id = l.event_id), '')`

// lookupQuery returns the condition and arguments of a log search.
func lookupQuery(f lekradar.LookupFilter) (string, args) {
	var a args
	var where []string
	if f.PersonID != "" {
		where = append(where, "l.person_id = "+a.add(f.PersonID))
	} else {
		where = append(where, "l.employee_id = "+a.add(f.EmployeeID))
	}
	if !f.From.IsZero() {
		where = append(where, "l.ts >= "+a.add(f.From.UTC().Truncate(time.Microsecond)))
	}
	if !f.To.IsZero() {
		where = append(where, "l.ts < "+a.add(f.To.UTC().Truncate(time.Microsecond)))
	}
	return " WHERE " + strings.Join(where, " AND "), a
}

// lookupFilterDetail describes a log search for the audit trail. It names
// the person or employee searched for: an investigator's search for a
// person must be traceable, and the trail is readable by auditors only
// (docs/security.md, "Look-ups and alerts").
func lookupFilterDetail(f lekradar.LookupFilter) string {
	var from, to string
	if !f.From.IsZero() {
		from = f.From.UTC().Format(time.RFC3339)
	}
	if !f.To.IsZero() {
		to = f.To.UTC().Format(time.RFC3339)
	}
	return detailOf("person", f.PersonID, "employee", f.EmployeeID, "from", from, "to", to,
		"offset", strconv.Itoa(f.Offset), "limit", strconv.Itoa(f.Limit))
}

// checkLookupSearch applies the rules of a log search.
func checkLookupSearch(ctx context.Context, f lekradar.LookupFilter) (*lekradar.User, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanSearchLookups(u) {
		return nil, forbidden(u, "search the look-up log")
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.EmployeeID != "" && lekradar.IsAlertSubject(u, f.EmployeeID) {
		return nil, forbidden(u, "search their own look-ups")
	}
	return u, nil
}

// FindLookups returns the look-ups of one person or by one employee over a
// period, oldest first, each with its explanation, signals and alert, and
// the total count. Investigators (and the system actor) only; audited as a
// search with its filter.
func (s *Store) FindLookups(ctx context.Context, f lekradar.LookupFilter) ([]*lekradar.StoredLookup, int, error) {
	u, err := checkLookupSearch(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	cond, a := lookupQuery(f)
	out := []*lekradar.StoredLookup{}
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM lookup l`+cond, a...).Scan(&total); err != nil {
			return fmt.Errorf("count look-ups: %w", err)
		}
		if total > 0 && f.Offset < total {
			qa := append(args{}, a...)
			err := s.eachLookup(ctx, tx, cond+` ORDER BY l.ts, l.event_id`+s.limitClause(&qa, f.Offset, f.Limit), qa,
				func(l *lekradar.StoredLookup) error {
					out = append(out, l)
					return nil
				})
			if err != nil {
				return err
			}
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectLookups, "",
			lookupFilterDetail(f) + " results=" + strconv.Itoa(len(out))})
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

func (s *Store) eachLookup(ctx context.Context, q conn, tail string, a args, fn func(*lekradar.StoredLookup) error) error {
	rows, err := q.QueryContext(ctx, `SELECT `+lookupColumns+` FROM lookup l`+tail, a...)
	if err != nil {
		return fmt.Errorf("find look-ups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		l := &lekradar.StoredLookup{Signals: []string{}}
		var explained sql.NullString
		var signals string
		if err := rows.Scan(&l.ID, timestamp{&l.TS}, &l.EmployeeID, &l.System, &l.Action, &l.PersonID, &l.CaseID,
			&explained, &signals, &l.AlertID); err != nil {
			return fmt.Errorf("scan look-up: %w", err)
		}
		if explained.Valid {
			l.ExplainedBy = &explained.String
		}
		if signals != "" {
			l.Signals = strings.Split(signals, ",")
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find look-ups: %w", err)
	}
	return nil
}

// LookupCSVHeader is the header row of a log-search export.
var LookupCSVHeader = []string{"event_id", "ts", "employee_id", "system", "action", "person_id", "case_id",
	"explained_by", "signals", "alert_id"}

// ExportLookupsCSV writes the log search's look-ups to w as CSV (header
// LookupCSVHeader, times RFC 3339 UTC, signals separated by ';') and
// returns the hex SHA-256 of what it wrote and the number of look-ups. The
// export is audited with its filter, row count and hash, so that a copy in
// a dossier can be checked against the trail.
func (s *Store) ExportLookupsCSV(ctx context.Context, f lekradar.LookupFilter, w io.Writer) (string, int, error) {
	u, err := checkLookupSearch(ctx, f)
	if err != nil {
		return "", 0, err
	}
	cond, a := lookupQuery(f)
	h := sha256.New()
	cw := csv.NewWriter(io.MultiWriter(w, h))
	n := 0
	var sum string
	err = s.withTx(ctx, func(tx conn) error {
		if err := cw.Write(LookupCSVHeader); err != nil {
			return fmt.Errorf("export look-ups: %w", err)
		}
		err := s.eachLookup(ctx, tx, cond+` ORDER BY l.ts, l.event_id`+s.limitClause(&a, f.Offset, f.Limit), a,
			func(l *lekradar.StoredLookup) error {
				n++
				explained := ""
				if l.ExplainedBy != nil {
					explained = *l.ExplainedBy
				}
				return cw.Write([]string{l.ID, l.TS.UTC().Format(time.RFC3339Nano), l.EmployeeID, l.System, l.Action,
					l.PersonID, l.CaseID, explained, strings.Join(l.Signals, ";"), l.AlertID})
			})
		if err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("export look-ups: %w", err)
		}
		sum = hex.EncodeToString(h.Sum(nil))
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditExport, lekradar.ObjectLookups, "",
			lookupFilterDetail(f) + " format=csv rows=" + strconv.Itoa(n) + " sha256=" + sum})
	})
	if err != nil {
		return "", 0, err
	}
	return sum, n, nil
}
