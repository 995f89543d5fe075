package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"lekradar"
)

// CreateDossier stores a new dossier, assigning its ID, its registration
// number when empty, and the IDs of its parts. The acting user must be
// allowed to register dossiers of its department (CanCreateDossier).
func (s *Store) CreateDossier(ctx context.Context, d *lekradar.Dossier) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanCreateDossier(u, d.Department) {
		return forbidden(u, "register a dossier of department "+d.Department)
	}
	if err := d.Validate(s.cb); err != nil {
		return err
	}
	err = s.createDossiers(ctx, u, []*lekradar.Dossier{d})
	if be, ok := errors.AsType[*BatchError](err); ok {
		return be.Err // a batch of one needs no position
	}
	return err
}

// CreateDossiers stores all dossiers in one transaction: every one or none.
// All are validated before anything is written; the error of a failing
// dossier is a *BatchError naming its index and registration number.
func (s *Store) CreateDossiers(ctx context.Context, ds []*lekradar.Dossier) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	for i, d := range ds {
		if !lekradar.CanCreateDossier(u, d.Department) {
			return &BatchError{Index: i, RegNo: d.RegNo, Err: forbidden(u, "register a dossier of department "+d.Department)}
		}
		if err := d.Validate(s.cb); err != nil {
			return &BatchError{Index: i, RegNo: d.RegNo, Err: err}
		}
	}
	if len(ds) == 0 {
		return nil
	}
	return s.createDossiers(ctx, u, ds)
}

// regNoRetries bounds how often a create is retried after a concurrent
// writer took a registration number it had assigned. Each retry means that
// another writer made progress.
const regNoRetries = 10

// errRegNoRace marks a unique violation on reg_no that the pre-insert check
// did not see: another transaction took the number in the meantime.
var errRegNoRace = lekradar.Errorf(lekradar.ECONFLICT, "a registration number of the batch was taken by a concurrent writer; try again")

func (s *Store) createDossiers(ctx context.Context, u *lekradar.User, ds []*lekradar.Dossier) error {
	for range regNoRetries {
		if err := s.createDossiersOnce(ctx, u, ds); err != errRegNoRace {
			return err
		}
	}
	return errRegNoRace
}

func (s *Store) createDossiersOnce(ctx context.Context, u *lekradar.User, ds []*lekradar.Dossier) error {
	var saved []savedIDs
	err := s.withTx(ctx, func(tx conn) error {
		w := newBulkWriter(s, tx)
		defer w.close()
		regNos, err := w.assignRegNos(ctx, ds)
		if err != nil {
			return err
		}
		now := s.now()
		ids, err := w.insertDossierRows(ctx, ds, regNos, now)
		if err != nil {
			return err
		}
		if saved, err = w.insertParts(ctx, ds, ids); err != nil {
			return err
		}
		recs := make([]auditRecord, len(saved))
		for i := range saved {
			saved[i].id, saved[i].regNo, saved[i].createdAt, saved[i].updatedAt = ids[i], regNos[i], now, now
			recs[i] = auditRecord{lekradar.AuditCreate, lekradar.ObjectDossier, idString(ids[i]), ""}
		}
		return s.appendAudit(ctx, tx, u.Username, recs...)
	})
	if err != nil {
		return err
	}
	for i, d := range ds {
		saved[i].apply(d)
	}
	return nil
}

// UpdateDossier replaces the dossier with d.ID, parts included. The ID and
// CreatedAt stay; an empty RegNo keeps the stored one. Parts get new IDs.
//
// The acting user must be allowed to change the dossier (CanUpdateDossier);
// one it may not see is ENOTFOUND. A user who may not read reporter
// identities got them blanked, so for such a user an empty ReporterRef on a
// report that keeps its ID keeps the stored identity (a non-empty one
// replaces it: identities are write-only for them).
func (s *Store) UpdateDossier(ctx context.Context, d *lekradar.Dossier) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if err := d.Validate(s.cb); err != nil {
		return err
	}
	var saved savedIDs
	err = s.withTx(ctx, func(tx conn) error {
		f, err := s.visibleDossierFacts(ctx, tx, u, d.ID)
		if err != nil {
			return err
		}
		if !lekradar.CanUpdateDossier(u, f) {
			return forbidden(u, "change dossier "+idString(d.ID))
		}
		write := d
		if !s.canReadReporterIdentities(u) {
			if write, err = s.keepReporterRefs(ctx, tx, d); err != nil {
				return err
			}
		}
		var regNo string
		var createdAt time.Time
		err = tx.QueryRowContext(ctx, `SELECT reg_no, created_at FROM dossier WHERE id = $1`, d.ID).
			Scan(&regNo, timestamp{&createdAt})
		if isNoRows(err) {
			return notFound("dossier", d.ID)
		}
		if err != nil {
			return fmt.Errorf("update dossier %d: %w", d.ID, err)
		}
		if d.RegNo != "" {
			regNo = d.RegNo
		} else if abbr, _, _, _ := lekradar.ParseRegNo(regNo); abbr != s.cb.UnitAbbr(d.Department) {
			// The kept number would no longer match the department.
			return &lekradar.ValidationError{Fields: []lekradar.FieldError{{
				Field: "reg_no", Value: regNo,
				Message: fmt.Sprintf("prefix does not match department %s; give a new registration number", d.Department),
			}}}
		}
		now := s.now()
		abbr, year, seq, _ := lekradar.ParseRegNo(regNo)
		opened := d.Opened()
		_, err = tx.ExecContext(ctx, `UPDATE dossier SET
			reg_no = $1, reg_abbr = $2, reg_year = $3, reg_seq = $4,
			department = $5, allegation = $6, summary = $7, current_phase = $8, opened = $9, opened_year = $10,
			suspicion_outcome = $11, disciplinary_measure = $12, criminal_outcome = $13,
			context_use = $14, context_recipient = $15, context_initiative = $16,
			context_benefit_to_crime = $17, context_motive = $18, updated_at = $19
			WHERE id = $20`,
			regNo, abbr, year, seq,
			d.Department, d.Allegation, d.Summary, d.CurrentPhase(), dateArg(opened), openedYear(opened),
			d.SuspicionOutcome, d.DisciplinaryMeasure, d.CriminalOutcome,
			d.Context.Use, d.Context.Recipient, d.Context.Initiative,
			boolArg(d.Context.BenefitToCrime), d.Context.Motive, now, d.ID)
		if s.isConstraint(err, UniqueViolation) {
			return regNoConflict(regNo)
		}
		if err != nil {
			return fmt.Errorf("update dossier %d: %w", d.ID, err)
		}
		// Reporter identities go with their reports (ON DELETE CASCADE).
		for _, table := range []string{"dossier_phase", "dossier_means", "report", "suspect", "leaked_item"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE dossier_id = $1`, d.ID); err != nil {
				return fmt.Errorf("update dossier %d: clear %s: %w", d.ID, table, err)
			}
		}
		w := newBulkWriter(s, tx)
		defer w.close()
		parts, err := w.insertParts(ctx, []*lekradar.Dossier{write}, []int64{d.ID})
		if err != nil {
			return err
		}
		saved = parts[0]
		saved.id, saved.regNo, saved.createdAt, saved.updatedAt = d.ID, regNo, createdAt, now
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditUpdate, lekradar.ObjectDossier, idString(d.ID), ""})
	})
	if err != nil {
		return err
	}
	saved.apply(d)
	return nil
}

// keepReporterRefs returns a copy of d in which every report that keeps the
// ID of a stored report of the dossier and has no ReporterRef carries the
// stored identity; d itself is not changed, so the caller never sees it.
func (s *Store) keepReporterRefs(ctx context.Context, tx conn, d *lekradar.Dossier) (*lekradar.Dossier, error) {
	rows, err := tx.QueryContext(ctx, `SELECT ri.report_id, ri.reporter_ref FROM reporter_identity ri
		JOIN report r ON r.id = ri.report_id WHERE r.dossier_id = $1`, d.ID)
	if err != nil {
		return nil, fmt.Errorf("update dossier %d: read reporter identities: %w", d.ID, err)
	}
	defer rows.Close()
	stored := map[int64]string{}
	for rows.Next() {
		var id int64
		var ref string
		if err := rows.Scan(&id, &ref); err != nil {
			return nil, fmt.Errorf("update dossier %d: read reporter identities: %w", d.ID, err)
		}
		if ref, err = s.openIdentity(id, ref); err != nil {
			return nil, fmt.Errorf("update dossier %d: %w", d.ID, err)
		}
		stored[id] = ref
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("update dossier %d: read reporter identities: %w", d.ID, err)
	}
	if len(stored) == 0 {
		return d, nil
	}
	c := *d
	c.Reports = slices.Clone(d.Reports)
	for i, r := range c.Reports {
		if ref, ok := stored[r.ID]; ok && r.ID != 0 && r.ReporterRef == "" {
			c.Reports[i].ReporterRef = ref
		}
	}
	return &c, nil
}

func regNoConflict(regNo string) error {
	return lekradar.Errorf(lekradar.ECONFLICT, "registration number %s is already in use", regNo)
}

func openedYear(opened lekradar.Date) any {
	if opened.IsZero() {
		return nil
	}
	return int64(opened.Year)
}

// savedIDs holds what the store assigned to a dossier. It is applied to the
// caller's struct only after commit, so that a failed batch leaves the
// caller's dossiers as they were.
type savedIDs struct {
	id                   int64
	regNo                string
	createdAt, updatedAt time.Time
	reports              []int64
	suspects             []int64
	items                []int64
}

func (v savedIDs) apply(d *lekradar.Dossier) {
	d.ID, d.RegNo, d.CreatedAt, d.UpdatedAt = v.id, v.regNo, v.createdAt, v.updatedAt
	// What is read back has empty lists, never nil ones.
	if d.Phases == nil {
		d.Phases = []lekradar.PhaseEntry{}
	}
	if d.Means == nil {
		d.Means = []lekradar.MeansEntry{}
	}
	if d.Reports == nil {
		d.Reports = []lekradar.Report{}
	}
	if d.Suspects == nil {
		d.Suspects = []lekradar.Suspect{}
	}
	if d.Items == nil {
		d.Items = []lekradar.LeakedItem{}
	}
	for i, id := range v.reports {
		d.Reports[i].ID = id
	}
	for i, id := range v.suspects {
		d.Suspects[i].ID = id
	}
	for i, id := range v.items {
		d.Items[i].ID = id
	}
}

// bulkWriter inserts many dossiers with multi-row INSERTs, prepared once per
// transaction and row count, so that an import of hundreds of dossiers takes
// tens of statements instead of thousands of round trips.
type bulkWriter struct {
	s     *Store
	tx    conn
	stmts map[string]*sql.Stmt
}

// maxParams bounds the parameters of one statement, well below SQLite's
// 32766 and PostgreSQL's 65535.
const maxParams = 2000

func newBulkWriter(s *Store, tx conn) *bulkWriter {
	return &bulkWriter{s: s, tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (w *bulkWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// insertRows inserts rows into table. When returning is not empty, the
// returned columns of every row are passed to scan; their order is not
// guaranteed, so they should identify the row.
func (w *bulkWriter) insertRows(ctx context.Context, table string, cols []string, rows [][]any,
	returning string, scan func(*sql.Rows) error) error {
	perStmt := max(1, maxParams/len(cols))
	for len(rows) > 0 {
		chunk := rows[:min(perStmt, len(rows))]
		rows = rows[len(chunk):]
		st, err := w.stmt(ctx, table, cols, len(chunk), returning)
		if err != nil {
			return err
		}
		flat := make([]any, 0, len(chunk)*len(cols))
		for _, r := range chunk {
			flat = append(flat, r...)
		}
		if returning == "" {
			if _, err := st.ExecContext(ctx, flat...); err != nil {
				return fmt.Errorf("insert %s: %w", table, err)
			}
			continue
		}
		res, err := st.QueryContext(ctx, flat...)
		if err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		for res.Next() {
			if err := scan(res); err != nil {
				res.Close()
				return fmt.Errorf("insert %s: %w", table, err)
			}
		}
		if err := res.Err(); err != nil {
			res.Close()
			return fmt.Errorf("insert %s: %w", table, err)
		}
		if err := res.Close(); err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
	}
	return nil
}

// stmt returns the prepared INSERT of n rows into table.
func (w *bulkWriter) stmt(ctx context.Context, table string, cols []string, n int, returning string) (*sql.Stmt, error) {
	key := fmt.Sprintf("%s/%d", table, n)
	if st, ok := w.stmts[key]; ok {
		return st, nil
	}
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	p := 1
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", p)
			p++
		}
		b.WriteByte(')')
	}
	if returning != "" {
		b.WriteString(" RETURNING " + returning)
	}
	st, err := w.tx.PrepareContext(ctx, b.String())
	if err != nil {
		return nil, fmt.Errorf("prepare insert into %s: %w", table, err)
	}
	w.stmts[key] = st
	return st, nil
}

type regKey struct {
	abbr string
	year int
}

// assignRegNos returns the registration number of every dossier: the given
// one, or the next free one of its department and opening year. Numbers the
// batch brings along are never handed out to others. A number that is
// already stored, or that comes twice in the batch, is a *BatchError
// (ECONFLICT) naming the first dossier that cannot have it.
func (w *bulkWriter) assignRegNos(ctx context.Context, ds []*lekradar.Dossier) ([]string, error) {
	batchMax := map[regKey]int{}
	for _, d := range ds {
		if abbr, year, seq, ok := lekradar.ParseRegNo(d.RegNo); ok {
			k := regKey{abbr, year}
			batchMax[k] = max(batchMax[k], seq)
		}
	}
	if lock := w.s.dialect.LockRegNos; lock != "" && slices.ContainsFunc(ds, func(d *lekradar.Dossier) bool { return d.RegNo == "" }) {
		if _, err := w.tx.ExecContext(ctx, lock); err != nil {
			return nil, fmt.Errorf("lock registration numbers: %w", err)
		}
	}
	next := map[regKey]int{}
	regNos := make([]string, len(ds))
	first := map[string]int{}
	for i, d := range ds {
		regNo := d.RegNo
		if regNo == "" {
			opened := d.Opened()
			if opened.IsZero() {
				return nil, &BatchError{Index: i, Err: &lekradar.ValidationError{Fields: []lekradar.FieldError{{
					Field: "reg_no", Message: "cannot be assigned without an opening date (a first phase date or a report date)"}}}}
			}
			k := regKey{w.s.cb.UnitAbbr(d.Department), opened.Year}
			seq, ok := next[k]
			if !ok {
				var maxSeq sql.NullInt64
				err := w.tx.QueryRowContext(ctx, `SELECT MAX(reg_seq) FROM dossier WHERE reg_abbr = $1 AND reg_year = $2`,
					k.abbr, k.year).Scan(&maxSeq)
				if err != nil {
					return nil, fmt.Errorf("next registration number of %s %d: %w", k.abbr, k.year, err)
				}
				seq = max(int(maxSeq.Int64), batchMax[k]) + 1
			}
			next[k] = seq + 1
			regNo = lekradar.FormatRegNo(k.abbr, k.year, seq)
		}
		if _, dup := first[regNo]; dup {
			return nil, &BatchError{Index: i, RegNo: regNo, Err: regNoConflict(regNo)}
		}
		first[regNo] = i
		regNos[i] = regNo
	}

	// Only given numbers can be stored already: assigned ones lie above the
	// stored maximum of their department and year.
	var given []string
	for i, d := range ds {
		if d.RegNo != "" {
			given = append(given, regNos[i])
		}
	}
	taken := map[string]bool{}
	for len(given) > 0 {
		chunk := given[:min(idChunk, len(given))]
		given = given[len(chunk):]
		var a args
		ph := make([]string, len(chunk))
		for j, r := range chunk {
			ph[j] = a.add(r)
		}
		rows, err := w.tx.QueryContext(ctx, `SELECT reg_no FROM dossier WHERE reg_no IN (`+strings.Join(ph, ", ")+`)`, a...)
		if err != nil {
			return nil, fmt.Errorf("check registration numbers: %w", err)
		}
		for rows.Next() {
			var r string
			if err := rows.Scan(&r); err != nil {
				rows.Close()
				return nil, fmt.Errorf("check registration numbers: %w", err)
			}
			taken[r] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("check registration numbers: %w", err)
		}
	}
	for i, r := range regNos {
		if taken[r] {
			return nil, &BatchError{Index: i, RegNo: r, Err: regNoConflict(r)}
		}
	}
	return regNos, nil
}

var dossierInsertColumns = []string{"reg_no", "reg_abbr", "reg_year", "reg_seq", "department", "allegation", "summary",
	"current_phase", "opened", "opened_year", "suspicion_outcome", "disciplinary_measure", "criminal_outcome",
	"context_use", "context_recipient", "context_initiative", "context_benefit_to_crime", "context_motive",
	"created_at", "updated_at"}

// insertDossierRows inserts the dossier rows and returns their new IDs.
func (w *bulkWriter) insertDossierRows(ctx context.Context, ds []*lekradar.Dossier, regNos []string, now time.Time) ([]int64, error) {
	rows := make([][]any, len(ds))
	for i, d := range ds {
		abbr, year, seq, _ := lekradar.ParseRegNo(regNos[i])
		opened := d.Opened()
		rows[i] = []any{regNos[i], abbr, year, seq, d.Department, d.Allegation, d.Summary,
			d.CurrentPhase(), dateArg(opened), openedYear(opened),
			d.SuspicionOutcome, d.DisciplinaryMeasure, d.CriminalOutcome,
			d.Context.Use, d.Context.Recipient, d.Context.Initiative,
			boolArg(d.Context.BenefitToCrime), d.Context.Motive, now, now}
	}
	idOf := make(map[string]int64, len(ds))
	err := w.insertRows(ctx, "dossier", dossierInsertColumns, rows, "id, reg_no", func(r *sql.Rows) error {
		var id int64
		var regNo string
		if err := r.Scan(&id, &regNo); err != nil {
			return err
		}
		idOf[regNo] = id
		return nil
	})
	if w.s.isConstraint(err, UniqueViolation) {
		return nil, errRegNoRace
	}
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ds))
	for i, r := range regNos {
		ids[i] = idOf[r]
	}
	return ids, nil
}

// insertParts inserts the parts of dossiers ds, whose rows have ids, and
// returns the IDs of their reports, suspects and leaked items.
func (w *bulkWriter) insertParts(ctx context.Context, ds []*lekradar.Dossier, ids []int64) ([]savedIDs, error) {
	saved := make([]savedIDs, len(ds))
	index := make(map[int64]int, len(ds))
	var phases, means, reports, suspects, items [][]any
	for i, d := range ds {
		id := ids[i]
		index[id] = i
		saved[i].reports = make([]int64, len(d.Reports))
		saved[i].suspects = make([]int64, len(d.Suspects))
		saved[i].items = make([]int64, len(d.Items))
		for k, p := range d.Phases {
			phases = append(phases, []any{id, k, p.Phase, dateArg(p.Date)})
		}
		for k, m := range d.Means {
			means = append(means, []any{id, k, m.Means, dateArg(m.Date)})
		}
		for k, r := range d.Reports {
			reports = append(reports, []any{id, k, r.Channel, dateArg(r.Received), r.Summary, r.AlertID,
				dateArg(r.Acknowledged), dateArg(r.FeedbackSent)})
		}
		for k, p := range d.Suspects {
			suspects = append(suspects, []any{id, k, p.Identified, p.EmployeeRef, p.Rank, p.Unit, p.TeamKind,
				boolArg(p.Executive), p.SurnameOrigin, p.Gender, p.AgeBand, p.TenureBand})
		}
		for k, it := range d.Items {
			items = append(items, []any{id, k, it.SourceSystem, it.InfoType, boolArg(it.OngoingInvestigation),
				it.Harm, it.Description})
		}
	}
	// collect returns a scan function that files a returned (id, dossier_id,
	// position) under the part list that pick selects.
	collect := func(pick func(*savedIDs) []int64) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			var id, dossierID int64
			var pos int
			if err := r.Scan(&id, &dossierID, &pos); err != nil {
				return err
			}
			i, ok := index[dossierID]
			if !ok || pos < 0 || pos >= len(pick(&saved[i])) {
				return fmt.Errorf("returned row (dossier %d, position %d) was not inserted", dossierID, pos)
			}
			pick(&saved[i])[pos] = id
			return nil
		}
	}
	const returning = "id, dossier_id, position"
	steps := []struct {
		table string
		cols  []string
		rows  [][]any
		scan  func(*sql.Rows) error
	}{
		{"dossier_phase", []string{"dossier_id", "position", "phase", "date"}, phases, nil},
		{"dossier_means", []string{"dossier_id", "position", "means", "date"}, means, nil},
		{"report", []string{"dossier_id", "position", "channel", "received", "summary", "alert_id", "acknowledged", "feedback_sent"},
			reports, collect(func(s *savedIDs) []int64 { return s.reports })},
		{"suspect", []string{"dossier_id", "position", "identified", "employee_ref", "rank", "unit", "team_kind", "executive",
			"surname_origin", "gender", "age_band", "tenure_band"},
			suspects, collect(func(s *savedIDs) []int64 { return s.suspects })},
		{"leaked_item", []string{"dossier_id", "position", "source_system", "info_type", "ongoing_investigation", "harm", "description"},
			items, collect(func(s *savedIDs) []int64 { return s.items })},
	}
	for _, st := range steps {
		ret := ""
		if st.scan != nil {
			ret = returning
		}
		if err := w.insertRows(ctx, st.table, st.cols, st.rows, ret, st.scan); err != nil {
			return nil, err
		}
	}

	// Reporter identities need the report IDs, so they come last.
	var identities [][]any
	for i, d := range ds {
		for k, r := range d.Reports {
			if r.ReporterRef != "" {
				sealed, err := w.s.sealIdentity(saved[i].reports[k], r.ReporterRef)
				if err != nil {
					return nil, err
				}
				identities = append(identities, []any{saved[i].reports[k], sealed})
			}
		}
	}
	if err := w.insertRows(ctx, "reporter_identity", []string{"report_id", "reporter_ref"}, identities, "", nil); err != nil {
		return nil, err
	}
	return saved, nil
}
