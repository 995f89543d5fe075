package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"lekradar"
	"lekradar/sqlite"
	"lekradar/sqlstore"
	"lekradar/storetest"
)

// newDatabase gives each test its own database file in a temporary folder.
func newDatabase(tb testing.TB) storetest.OpenFunc {
	path := filepath.Join(tb.TempDir(), "lekradar.db")
	cb := lekradar.DefaultCodebook()
	return func(ctx context.Context) (*sqlstore.Store, error) {
		return sqlite.Open(ctx, path, cb)
	}
}

func TestStore(t *testing.T) {
	storetest.Run(t, newDatabase)
}

func TestOpenRefusesQueryInPath(t *testing.T) {
	_, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db?mode=ro"), lekradar.DefaultCodebook())
	if err == nil {
		t.Fatal("a path with '?' was accepted; its tail would be taken for driver options")
	}
}

func TestPragmas(t *testing.T) {
	s := storetest.MustOpen(t, newDatabase)
	ctx := context.Background()
	for _, tc := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
	} {
		var got string
		if err := s.DB().QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s = %s, want %s", tc.pragma, got, tc.want)
		}
	}
}

// TestTwoHandlesOneFile has two stores (as two processes would) write to
// one file at once: the busy timeout and immediate write transactions must
// make them take turns instead of failing with "database is locked".
func TestTwoHandlesOneFile(t *testing.T) {
	ctx := storetest.SystemContext()
	open := newDatabase(t)
	a, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	key := storetest.MustIdentityKey(t)
	for _, s := range []*sqlstore.Store{a, b} {
		if err := s.SetKey(key); err != nil {
			t.Fatal(err)
		}
	}
	cb := a.Codebook()
	errs := make(chan error, 2)
	for i, s := range []*sqlstore.Store{a, b} {
		go func() {
			for k := range 10 {
				if err := s.CreateDossiers(ctx, storetest.GenerateDossiers(cb, 20, uint64(100*i+k))); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if _, n, err := a.FindDossiers(ctx, lekradar.DossierFilter{Limit: 1}); err != nil || n != 400 {
		t.Fatalf("%d dossiers (%v), want 400", n, err)
	}
}

func BenchmarkStore(b *testing.B) {
	storetest.Benchmark(b, newDatabase)
}
