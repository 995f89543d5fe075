// Package sqlstore implements the lekradar storage services over database/sql
// with hand-written SQL. The SQL is shared by the SQLite and PostgreSQL
// adapters; a Dialect value carries the few things that differ. The adapters
// open the database, run their own migrations and hand the *sql.DB to New.
package sqlstore

import (
	"context"
	"crypto/cipher"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

// Constraint is the kind of integrity constraint a driver error reports.
type Constraint int

const (
	NoConstraint Constraint = iota
	UniqueViolation
	ForeignKeyViolation
)

// Dialect describes what differs between the SQL databases the store runs on.
// Every statement uses $1-style placeholders, which both SQLite and
// PostgreSQL accept.
type Dialect struct {
	Name string
	// Positional makes the store rewrite $n placeholders to ?. SQLite takes
	// $n as a named parameter and looks names up linearly, which made a
	// multi-row INSERT of a few thousand parameters ten times slower.
	Positional bool
	// Constraint classifies a driver error, so that a duplicate key becomes
	// ECONFLICT without sqlstore importing a driver.
	Constraint func(err error) Constraint
	// LockRegNos, when set, is run in a create transaction before it hands
	// out registration numbers, so that concurrent writers do not pick the
	// same next number. SQLite needs none: its write transactions already
	// run one at a time.
	LockRegNos string
	// LimitAll is the LIMIT value that means "no limit"; SQLite cannot take
	// OFFSET without a LIMIT.
	LimitAll string
}

// MigrationTable is the table in which the adapters' migration tool records
// the applied schema versions.
const MigrationTable = "goose_db_version"

// Store implements lekradar.DossierService, lekradar.VulnerableSpotService and
// lekradar.WorkforceService.
type Store struct {
	db      *sql.DB
	conn    conn // db, rewriting placeholders for the dialect
	dialect Dialect
	cb      *lekradar.Codebook

	// identities encrypts reporter identities (identity.go) and auditSeal
	// keys the MAC of the audit trail's head (audit.go); nil until SetKey
	identities cipher.AEAD
	auditSeal  []byte

	// Policy holds the configurable need-to-know rules (which role reads
	// reporter identities); New sets lekradar.DefaultAccessPolicy.
	Policy lekradar.AccessPolicy

	// Now returns the current time; tests may replace it. Stored times are
	// truncated to microseconds (PostgreSQL's precision) so that what is
	// stored is what is read back.
	Now func() time.Time
}

var (
	_ lekradar.DossierService        = (*Store)(nil)
	_ lekradar.VulnerableSpotService = (*Store)(nil)
	_ lekradar.WorkforceService      = (*Store)(nil)
)

// New returns a store over an open, migrated database.
func New(db *sql.DB, dialect Dialect, cb *lekradar.Codebook) *Store {
	if dialect.Constraint == nil {
		dialect.Constraint = func(error) Constraint { return NoConstraint }
	}
	if dialect.LimitAll == "" {
		dialect.LimitAll = "ALL"
	}
	s := &Store{db: db, dialect: dialect, cb: cb, Policy: lekradar.DefaultAccessPolicy(), Now: time.Now}
	s.conn = conn{db, s.rebind}
	return s
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying database, for packages that add their own tables.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's SQL dialect.
func (s *Store) Dialect() Dialect { return s.dialect }

// Codebook returns the codebook the store validates against.
func (s *Store) Codebook() *lekradar.Codebook { return s.cb }

// SchemaVersion returns the highest applied migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := s.conn.QueryRowContext(ctx, `SELECT MAX(version_id) FROM `+MigrationTable+` WHERE is_applied`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v.Int64, nil
}

func (s *Store) now() time.Time {
	return s.Now().UTC().Truncate(time.Microsecond)
}

// withTx runs fn in a transaction and commits when fn returns nil.
func (s *Store) withTx(ctx context.Context, fn func(tx conn) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(conn{tx, s.rebind}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// conn runs statements on a database or transaction after rewriting their
// placeholders for the dialect. All SQL in this package is written with $n.
type conn struct {
	q      querier
	rebind func(string) string
}

func (c conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.rebind(query), args...)
}

func (c conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.rebind(query), args...)
}

func (c conn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.rebind(query), args...)
}

func (c conn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return c.q.PrepareContext(ctx, c.rebind(query))
}

// rebind rewrites $1, $2, … to ? for a positional dialect. It does so only
// when the placeholders appear exactly in the order 1, 2, 3, … (each once),
// since ? binds by position; any other query keeps its $n, which SQLite
// still binds correctly, only more slowly. The SQL here has no $ in
// literals or identifiers.
func (s *Store) rebind(query string) string {
	if !s.dialect.Positional || !strings.Contains(query, "$") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query))
	want := 1
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c != '$' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(query[i+1 : j])
		if err != nil || n != want {
			return query
		}
		want++
		b.WriteByte('?')
		i = j - 1
	}
	return b.String()
}

// args collects the arguments of a statement built at run time and hands
// out their $n placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// in returns "$k, $k+1, …" for a list of values.
func (a *args) in(vs []int64) string {
	ph := make([]string, len(vs))
	for i, v := range vs {
		ph[i] = a.add(v)
	}
	return strings.Join(ph, ", ")
}

// chunked calls fn with consecutive pieces of ids of at most n elements, so
// that IN lists stay within the databases' parameter limits.
func chunked(ids []int64, n int, fn func([]int64) error) error {
	for len(ids) > 0 {
		k := min(n, len(ids))
		if err := fn(ids[:k]); err != nil {
			return err
		}
		ids = ids[k:]
	}
	return nil
}

// idChunk bounds IN lists: well below SQLite's 32766 and PostgreSQL's 65535
// parameters, and large enough that 761 dossiers take two round trips.
const idChunk = 500

// limitClause returns LIMIT/OFFSET for a page; an empty string for all rows.
func (s *Store) limitClause(a *args, offset, limit int) string {
	switch {
	case limit > 0:
		return " LIMIT " + a.add(int64(limit)) + " OFFSET " + a.add(int64(max(offset, 0)))
	case offset > 0:
		return " LIMIT " + s.dialect.LimitAll + " OFFSET " + a.add(int64(offset))
	}
	return ""
}

// nullDate converts a lekradar.Date to and from a nullable column: the zero
// Date is NULL; SQLite keeps TEXT 'YYYY-MM-DD', PostgreSQL a DATE (which the
// pgx driver reads as a time.Time).
type nullDate struct{ d *lekradar.Date }

func dateArg(d lekradar.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func (n nullDate) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*n.d = lekradar.Date{}
	case time.Time:
		*n.d = lekradar.DateOf(v)
	case string:
		return n.parse(v)
	case []byte:
		return n.parse(string(v))
	default:
		return fmt.Errorf("scan date: unsupported type %T", src)
	}
	return nil
}

func (n nullDate) parse(s string) error {
	// A driver may hand back a timestamp form of a date ("2016-03-01 00:00:00…").
	if len(s) > len(lekradar.DateLayout) {
		s = s[:len(lekradar.DateLayout)]
	}
	d, err := lekradar.ParseDate(s)
	if err != nil {
		return fmt.Errorf("scan date: %w", err)
	}
	*n.d = d
	return nil
}

// timestamp reads a point in time as UTC. SQLite keeps the text that the
// driver writes for a time.Time; PostgreSQL a TIMESTAMPTZ.
type timestamp struct{ t *time.Time }

// timeLayouts are the text forms a timestamp may come back in.
var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999 -0700 MST", // time.Time.String
}

func (ts timestamp) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*ts.t = time.Time{}
		return nil
	case time.Time:
		*ts.t = v.UTC()
		return nil
	case []byte:
		src = string(v)
	}
	str, ok := src.(string)
	if !ok {
		return fmt.Errorf("scan timestamp: unsupported type %T", src)
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, str); err == nil {
			*ts.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("scan timestamp: %q is not a known time format", str)
}

// boolArg returns a nullable boolean argument.
func boolArg(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// nullBoolPtr returns nil for NULL, else a pointer to a fresh copy.
func nullBoolPtr(n sql.NullBool) *bool {
	if !n.Valid {
		return nil
	}
	b := n.Bool
	return &b
}

// BatchError tells which record of a batch failed. It unwraps both to a
// *lekradar.Error that carries the record's position in its message (for
// lekradar.ErrorCode and lekradar.ErrorMessage) and to the original error (for
// errors.As on *lekradar.ValidationError and its field list).
type BatchError struct {
	Index int    // position in the batch, from 0
	RegNo string // the dossier's registration number, when it has one
	Err   error
}

func (e *BatchError) Error() string {
	if lekradar.ErrorCode(e.Err) == lekradar.EINTERNAL {
		return e.prefix() + ": " + e.Err.Error()
	}
	return e.userMessage()
}

// userMessage is safe to show: it has no storage details.
func (e *BatchError) userMessage() string {
	return e.prefix() + ": " + lekradar.ErrorMessage(e.Err)
}

func (e *BatchError) prefix() string {
	if e.RegNo == "" {
		return fmt.Sprintf("dossier %d (no reg_no yet)", e.Index)
	}
	return fmt.Sprintf("dossier %d (reg_no %s)", e.Index, e.RegNo)
}

func (e *BatchError) Unwrap() []error {
	code := lekradar.ErrorCode(e.Err)
	if code == lekradar.EINTERNAL {
		// Internal details stay internal: only the original error.
		return []error{e.Err}
	}
	return []error{&lekradar.Error{Code: code, Message: e.userMessage()}, e.Err}
}

// isConstraint reports whether err violates a constraint of kind c.
func (s *Store) isConstraint(err error, c Constraint) bool {
	return err != nil && s.dialect.Constraint(err) == c
}

// notFound returns ENOTFOUND for a missing record.
func notFound(what string, key any) error {
	return lekradar.Errorf(lekradar.ENOTFOUND, "%s %v not found", what, key)
}

var errNoRows = sql.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }
