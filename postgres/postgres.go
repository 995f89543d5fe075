// Package postgres opens the lekradar store on a PostgreSQL server, for a
// shared deployment where several lekradar processes use one registry.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"lekradar"
	"lekradar/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is PostgreSQL's SQL dialect for sqlstore.
var Dialect = sqlstore.Dialect{
	Name:       "postgres",
	Constraint: constraint,
	LimitAll:   "ALL",
	// A transaction-level advisory lock (released at commit or rollback)
	// serialises the handing out of registration numbers, and nothing else.
	LockRegNos: "SELECT pg_advisory_xact_lock(" + regNoLockKey + ")",
}

// regNoLockKey is the advisory lock key for registration numbers, an
// arbitrary constant ("lekradar" in ASCII, shortened to fit a bigint).
const regNoLockKey = "7810767267748405618"

// Open connects to the database at url (postgres://user@host:port/db?…),
// brings its schema up to date and returns the store.
func Open(ctx context.Context, url string, cb *lekradar.Codebook) (*sqlstore.Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return sqlstore.New(db, Dialect, cb), nil
}

// migrate applies the embedded migrations that the database lacks. Goose
// runs each migration in a transaction, so a failed one leaves no half
// schema behind.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	// Several lekradar processes may start at once against one server; the
	// session lock lets one of them migrate while the others wait.
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys,
		goose.WithDisableGlobalRegistry(true), goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// PostgreSQL error codes (SQLSTATE) for the constraint violations the store
// translates.
const (
	uniqueViolation     = "23505"
	foreignKeyViolation = "23503"
)

func constraint(err error) sqlstore.Constraint {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return sqlstore.NoConstraint
	}
	switch e.Code {
	case uniqueViolation:
		return sqlstore.UniqueViolation
	case foreignKeyViolation:
		return sqlstore.ForeignKeyViolation
	}
	return sqlstore.NoConstraint
}
