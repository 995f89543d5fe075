package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"lekradar"
	"lekradar/postgres"
	"lekradar/sqlstore"
	"lekradar/storetest"
)

// serverURL returns the connection string of the test server, or skips.
func serverURL(tb testing.TB) string {
	u := os.Getenv("LEKRADAR_TEST_POSTGRES")
	if u == "" {
		tb.Skip("LEKRADAR_TEST_POSTGRES is not set; set it to a connection string such as " +
			"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable to run the PostgreSQL store tests")
	}
	return u
}

// newDatabase creates a uniquely named database on the test server for one
// test and drops it at cleanup.
func newDatabase(tb testing.TB) storetest.OpenFunc {
	admin := serverURL(tb)
	ctx := context.Background()
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatal(err)
	}
	buf := make([]byte, 6)
	rand.Read(buf)
	name := "lekradar_test_" + hex.EncodeToString(buf)
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		// WITH (FORCE) ends connections a failed test may have left open.
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("LEKRADAR_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	dbURL := u.String()
	cb := lekradar.DefaultCodebook()
	return func(ctx context.Context) (*sqlstore.Store, error) {
		return postgres.Open(ctx, dbURL, cb)
	}
}

func TestStore(t *testing.T) {
	serverURL(t)
	storetest.Run(t, newDatabase)
}

func BenchmarkStore(b *testing.B) {
	serverURL(b)
	storetest.Benchmark(b, newDatabase)
}
