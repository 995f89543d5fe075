// Package sqlite opens the lekradar store on an SQLite file, the embedded
// default: no server, and a pure-Go driver so the binary needs no C
// toolchain.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"lekradar"
	"lekradar/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's SQL dialect for sqlstore.
var Dialect = sqlstore.Dialect{
	Name:       "sqlite",
	Positional: true,
	Constraint: constraint,
	LimitAll:   "-1",
}

// Open opens (creating it when absent) the database file at path, brings its
// schema up to date and returns the store.
//
// Every connection runs in WAL mode (readers do not block the writer), with
// foreign keys enforced (parts are deleted with their dossier) and a busy
// timeout, and write transactions take the write lock when they begin, so
// that two writers wait for each other instead of failing on lock upgrade.
func Open(ctx context.Context, path string, cb *lekradar.Codebook) (*sqlstore.Store, error) {
	if path == "" {
		return nil, errors.New("open sqlite: no database path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open sqlite %s: a path may not contain '?'", path)
	}
	dsn := path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=busy_timeout(10000)&_txlock=immediate&_time_format=sqlite"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return sqlstore.New(db, Dialect, cb), nil
}

// migrate applies the embedded migrations that the database lacks.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

func constraint(err error) sqlstore.Constraint {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return sqlstore.NoConstraint
	}
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return sqlstore.UniqueViolation
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return sqlstore.ForeignKeyViolation
	}
	return sqlstore.NoConstraint
}
