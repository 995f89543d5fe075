package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/postgres"
	"lekradar/sqlite"
	"lekradar/sqlstore"
)

// defaultDBPath is the SQLite file used when neither --db nor LEKRADAR_DB
// names a database.
const defaultDBPath = "./lekradar.db"

// dbEnv is the environment variable that names the database when --db is
// not given.
const dbEnv = "LEKRADAR_DB"

// addDBFlag declares the persistent --db flag on the root command. Its
// default stays empty so that help output never shows a password from
// LEKRADAR_DB; dbDSN resolves the real default at use time.
func addDBFlag(root *cobra.Command) {
	root.PersistentFlags().String("db", "",
		"database: a file path (SQLite) or a postgres:// URL (PostgreSQL); default $"+dbEnv+", else "+defaultDBPath)
}

// dbDSN returns the database the command should use: --db, else
// $LEKRADAR_DB, else ./lekradar.db.
func dbDSN(cmd *cobra.Command) string {
	if f := cmd.Flags().Lookup("db"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	if env := os.Getenv(dbEnv); env != "" {
		return env
	}
	return defaultDBPath
}

// isPostgresDSN reports whether dsn names a PostgreSQL server rather than a
// SQLite file.
func isPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openStore opens (and migrates) the database named by dsn with the embedded
// codebook: a postgres:// or postgresql:// URL opens PostgreSQL, anything
// else is a SQLite file path. Errors name the database without its password.
func openStore(ctx context.Context, dsn string) (*sqlstore.Store, error) {
	cb := lekradar.DefaultCodebook()
	var (
		store *sqlstore.Store
		err   error
	)
	if isPostgresDSN(dsn) {
		store, err = postgres.Open(ctx, dsn, cb)
	} else {
		store, err = sqlite.Open(ctx, dsn, cb)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", redactDSN(dsn), scrubPassword(err, dsn))
	}
	if kf := identityKeyFile(dsn); kf != "" {
		key, err := loadIdentityKey(kf)
		if err == nil {
			err = store.SetKey(key)
		}
		if err != nil {
			store.Close()
			return nil, err
		}
	}
	return store, nil
}

// keyEnv names the file whose secret encrypts reporter identities in the
// database (sqlstore/identity.go).
const keyEnv = "LEKRADAR_KEY_FILE"

// identityKeyFile is where the key of dsn's reporter identities is:
// $LEKRADAR_KEY_FILE, else, for a SQLite database, next to its file (the
// file's name plus ".key"), so that a copy of the database alone does not
// reveal them. PostgreSQL has no file to stand next to: without
// $LEKRADAR_KEY_FILE its store has no key, and refuses to write or read
// reporter identities.
func identityKeyFile(dsn string) string {
	if env := os.Getenv(keyEnv); env != "" {
		return env
	}
	if isPostgresDSN(dsn) {
		return ""
	}
	path, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	return path + ".key"
}

// loadIdentityKey reads the key file: 64 hex digits, readable by its owner
// only. A missing one is made, with a fresh random secret.
func loadIdentityKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return makeIdentityKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("key file %s can be read by others (mode %04o): it guards the reporter identities; chmod 600 it", path, fi.Mode().Perm())
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(data)))
	if err != nil || len(key) < 32 {
		return nil, fmt.Errorf("key file %s: want 64 hex digits (a 32-byte secret)", path)
	}
	return key, nil
}

// makeIdentityKey writes a fresh key to path, whole or not at all: the
// key goes to a temporary file that is then linked in place, which fails
// when another process made one meanwhile (that one is then used).
func makeIdentityKey(path string) ([]byte, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("make key file %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(hex.EncodeToString(key) + "\n")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), path)
	}
	if errors.Is(err, fs.ErrExist) {
		return loadIdentityKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("make key file %s: %w", path, err)
	}
	return key, nil
}

// openExistingStore opens the command's database for a command that works
// on registered data. Unlike init it refuses to create a new SQLite file, so
// that a mistyped --db does not silently start an empty registry.
func openExistingStore(cmd *cobra.Command) (*sqlstore.Store, error) {
	dsn := dbDSN(cmd)
	if !isPostgresDSN(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("database %s does not exist: create it with `lekradar init --db %s` (or `lekradar demo`), or point --db or %s at an existing one", dsn, dsn, dbEnv)
		}
	}
	store, err := openStore(cmd.Context(), dsn)
	if err != nil {
		return nil, err
	}
	// From here on the command acts, and is audited, as the CLI actor.
	cmd.SetContext(cliContext(cmd.Context()))
	return store, nil
}

// cliContext returns ctx acting as the command line's system actor,
// "cli:<os user>": whoever runs lekradar on the database's machine has the
// database file (or its URL) anyway, so the store gives the command line full
// access and writes every action to the audit trail under that name.
func cliContext(ctx context.Context) context.Context {
	if lekradar.UserFromContext(ctx) != nil {
		return ctx
	}
	return lekradar.NewContextWithUser(ctx, lekradar.SystemActor("cli:"+osUsername()))
}

// osUsername names the operating-system user running the command.
func osUsername() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "uid" + strconv.Itoa(os.Getuid())
}

// redactDSN returns dsn fit for messages: the password of a URL, in its user
// part or in a password query parameter, is replaced by xxxxx.
func redactDSN(dsn string) string {
	if !isPostgresDSN(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		// An unparseable URL may still hold a password: show only its scheme.
		scheme, _, _ := strings.Cut(dsn, "://")
		return scheme + "://(unparseable URL)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// scrubPassword removes the DSN's password from a driver error, since
// drivers may echo parts of the connection string.
func scrubPassword(err error, dsn string) error {
	if !isPostgresDSN(dsn) {
		return err
	}
	var secrets []string
	if u, perr := url.Parse(dsn); perr == nil {
		if p, ok := u.User.Password(); ok && p != "" {
			secrets = append(secrets, p, url.PathEscape(p), url.QueryEscape(p))
		}
		if p := u.Query().Get("password"); p != "" {
			secrets = append(secrets, p, url.QueryEscape(p))
		}
	}
	msg := err.Error()
	leaked := false
	for _, s := range secrets {
		if strings.Contains(msg, s) {
			msg = strings.ReplaceAll(msg, s, "xxxxx")
			leaked = true
		}
	}
	if !leaked {
		return err
	}
	return errors.New(msg)
}
