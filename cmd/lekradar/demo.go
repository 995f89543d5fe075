package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/demo"
	lekhttp "lekradar/http"
	"lekradar/sqlstore"
)

// defaultDemoSeed is the seed of the data set the README shows: the year
// the study reached Parliament.
const defaultDemoSeed = 2019

func newDemoCmd() *cobra.Command {
	var (
		opts  demo.Options
		force bool
		serve bool
		sopts serveOptions
	)
	cmd := &cobra.Command{
		Use:   "demo [--db FILE] [--seed N] [--plant-disparity] [--serve [--listen 127.0.0.1:8080]]",
		Short: "Make a fresh database with a synthetic organisation, 761 leak dossiers of 2015–2016 and vulnerable spots",
		Long: `Make a fresh database holding synthetic demo data: 13 units with their
workforce, exactly 761 leak dossiers opened in 2015–2016 whose distributions
follow the public figures of the 2019 Politieacademie study, and a register
of vulnerable spots. Everything is synthetic (see docs/synthetic-data.md).
The same --seed gives the same data.

For a SQLite file the database is made anew: an existing file at the path is
removed first (only if it is a SQLite database that demo made, or that holds
no dossiers; --force replaces any SQLite database). A PostgreSQL database must
be empty of dossiers and spots; demo refuses to add to one that is not.

--plant-disparity makes suspicions against staff with a non-Dutch surname
about three times as often refuted as others, so that the fairness monitor
has a disparity to report; without it the refutation rate is equal.

--serve also generates a small synthetic world (300 employees, 30,000
persons, one week of look-ups, the same --seed), scans it with the default
policy and stores its look-ups and alerts, makes a demo account for every
role (staff in department amsterdam; the passwords are printed once) and
serves the workbench at --listen until Ctrl-C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !serve {
				if cmd.Flags().Changed("listen") {
					return fmt.Errorf("demo: --listen needs --serve")
				}
				return runDemo(cmd.Context(), cmd.OutOrStdout(), dbDSN(cmd), opts, force)
			}
			return runDemoServe(cmd, dbDSN(cmd), opts, force, sopts)
		},
	}
	cmd.Flags().Uint64Var(&opts.Seed, "seed", defaultDemoSeed, "seed of the synthetic data set")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing SQLite database even when it holds dossiers demo did not make")
	cmd.Flags().BoolVar(&opts.PlantDisparity, "plant-disparity", false,
		"plant a refutation disparity against non-Dutch surnames for the fairness monitor to find")
	cmd.Flags().BoolVar(&serve, "serve", false,
		"also scan a small synthetic world, make demo logins and serve the workbench")
	cmd.Flags().StringVar(&sopts.listen, "listen", "127.0.0.1:8080", "address the workbench listens on (with --serve)")
	return cmd
}

// runDemo generates the data set, makes the database fresh, stores the data
// and prints a summary.
func runDemo(ctx context.Context, out io.Writer, dsn string, opts demo.Options, force bool) error {
	store, err := makeDemo(ctx, out, dsn, opts, force)
	if err != nil {
		return err
	}
	return store.Close()
}

// demoDepartment is the VIK department of the demo logins' staff accounts.
const demoDepartment = "amsterdam"

// runDemoServe makes the demo database, adds a scanned synthetic world and
// the demo logins, and serves the workbench until the command's context
// ends (Ctrl-C).
func runDemoServe(cmd *cobra.Command, dsn string, opts demo.Options, force bool, sopts serveOptions) error {
	out := cmd.OutOrStdout()
	store, err := makeDemo(cmd.Context(), out, dsn, opts, force)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := cliContext(cmd.Context())
	cfg := demoWorldConfig(opts.Seed)
	res, err := scanDemoWorld(ctx, store, cfg)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	writeDemoWorldSummary(out, cfg, res)
	if _, err := createDemoLogins(ctx, out, store, demoDepartment); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintln(out, "demo-investigator sees everything the workbench has: dossiers, alerts and log search.")
	wcfg := lekhttp.DefaultConfig()
	wcfg.Codebook = store.Codebook()
	wcfg.Policy = store.Policy
	wcfg.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
	// The request contexts start without the command line's system actor:
	// every page acts as the logged-in account only.
	return runServe(cmd.Context(), cmd, store, wcfg, sopts)
}

// makeDemo generates the data set, makes the database fresh, stores the
// data, prints a summary and returns the open store.
func makeDemo(ctx context.Context, out io.Writer, dsn string, opts demo.Options, force bool) (_ *sqlstore.Store, err error) {
	ctx = cliContext(ctx)
	cb := lekradar.DefaultCodebook()
	// Generate first: a failure here leaves an existing database untouched.
	data, err := demo.Generate(opts, cb)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if !isPostgresDSN(dsn) {
		if err := refuseRealRegistry(ctx, dsn, force); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		if err := removeSQLiteDatabase(dsn); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	store, err := openStore(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	defer func() {
		if err != nil {
			store.Close()
		}
	}()
	if isPostgresDSN(dsn) {
		if err := requireEmpty(ctx, store, dsn); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	if err := storeDemo(ctx, store, data); err != nil {
		return nil, fmt.Errorf("demo: store in %s: %w", redactDSN(dsn), err)
	}
	if err := store.SetMeta(ctx, sqlstore.MetaOrigin, "demo"); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(out, "Demo database: %s\n", redactDSN(dsn))
	if err := data.Summary(cb, "en").Write(out); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "List the dossiers with: lekradar dossier list --db %s\n", redactDSN(dsn))
	return store, nil
}

// storeDemo writes the workforce, then all dossiers in one transaction, then
// the spots, which need the dossiers' IDs.
func storeDemo(ctx context.Context, store *sqlstore.Store, data *demo.Data) error {
	if err := store.ReplaceWorkforce(ctx, data.Workforce); err != nil {
		return fmt.Errorf("workforce: %w", err)
	}
	if err := store.CreateDossiers(ctx, data.Dossiers); err != nil {
		return fmt.Errorf("dossiers: %w", err)
	}
	if err := data.LinkSpots(); err != nil {
		return err
	}
	for i, s := range data.Spots {
		if err := store.CreateVulnerableSpot(ctx, s); err != nil {
			return fmt.Errorf("vulnerable spot %d of %d: %w", i+1, len(data.Spots), err)
		}
	}
	return nil
}

// refuseRealRegistry stops demo from replacing a SQLite database that holds
// dossiers it did not make itself: LEKRADAR_DB may well point at the real
// registry, and demo must never wipe that without being told to.
func refuseRealRegistry(ctx context.Context, path string, force bool) error {
	if force {
		return nil
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 || !isSQLiteFile(path) {
		return nil // nothing there, or removeSQLiteDatabase refuses it itself
	}
	store, err := openStore(ctx, path)
	if err != nil {
		return fmt.Errorf("check existing database %s: %w", path, err)
	}
	defer store.Close()
	origin, _, err := store.Meta(ctx, sqlstore.MetaOrigin)
	if err != nil {
		return fmt.Errorf("check existing database %s: %w", path, err)
	}
	_, n, err := store.FindDossiers(ctx, lekradar.DossierFilter{Limit: 1})
	if err != nil {
		return fmt.Errorf("check existing database %s: %w", path, err)
	}
	if n > 0 && origin != "demo" {
		return fmt.Errorf("database %s holds %d dossiers that demo did not make; demo will not replace it (choose another --db, or add --force to replace it anyway)", path, n)
	}
	return nil
}

// isSQLiteFile reports whether the file at path starts with the SQLite header.
func isSQLiteFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteHeader)
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// removeSQLiteDatabase removes the database file at path with its WAL and
// shared-memory files, so that demo starts from nothing. It refuses to
// remove anything that is not a SQLite database (or an empty file): a
// mistyped --db must not delete someone's document.
func removeSQLiteDatabase(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("database %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("database %s is not a regular file; demo makes a fresh SQLite file there and will not replace it", path)
	}
	if info.Size() > 0 && !isSQLiteFile(path) {
		return fmt.Errorf("%s is not a SQLite database; demo replaces only a database file: choose another --db", path)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove old database %s: %w", p, err)
		}
	}
	return nil
}

// requireEmpty refuses a PostgreSQL database that already holds dossiers
// or spots: demo data must never mix with a real registry.
func requireEmpty(ctx context.Context, store *sqlstore.Store, dsn string) error {
	_, dossiers, err := store.FindDossiers(ctx, lekradar.DossierFilter{Limit: 1})
	if err != nil {
		return fmt.Errorf("check %s is empty: %w", redactDSN(dsn), err)
	}
	_, spots, err := store.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{Limit: 1})
	if err != nil {
		return fmt.Errorf("check %s is empty: %w", redactDSN(dsn), err)
	}
	if dossiers > 0 || spots > 0 {
		return fmt.Errorf("database %s already holds %d dossiers and %d vulnerable spots; demo fills only an empty database: create a new one (e.g. createdb lekradar_demo) and point --db at it",
			redactDSN(dsn), dossiers, spots)
	}
	return nil
}
