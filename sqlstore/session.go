package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"lekradar"
)

var _ lekradar.AuthService = (*Store)(nil)

// anonymousActor names who failed to log in in the audit trail.
const anonymousActor = "anonymous"

// FindUserForLogin returns the enabled account with username, credentials
// included. It needs no acting user: it is how one is found.
func (s *Store) FindUserForLogin(ctx context.Context, username string) (*lekradar.User, error) {
	u, err := s.scanUser(s.conn.QueryRowContext(ctx, `SELECT `+userColumns+` FROM app_user u WHERE u.username = $1`, username))
	if isNoRows(err) || (err == nil && u.Disabled) {
		return nil, notFound("user", username)
	}
	if err != nil {
		return nil, err
	}
	return u, nil
}

// RecordLoginAttempt stores the attempt under the username and the address;
// a failure is audited (as anonymous, naming the account when it exists).
func (s *Store) RecordLoginAttempt(ctx context.Context, a lekradar.LoginAttempt) error {
	now := s.now()
	return s.withTx(ctx, func(tx conn) error {
		keys := []string{lekradar.LoginKeyUser(a.Username)}
		if a.IP != "" {
			keys = append(keys, lekradar.LoginKeyIP(a.IP))
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO login_attempt (key, success, at) VALUES ($1, $2, $3)`, k, a.Success, now); err != nil {
				return fmt.Errorf("record login attempt: %w", err)
			}
		}
		if a.Success {
			return nil
		}
		rec := auditRecord{lekradar.AuditLoginFailed, lekradar.ObjectUser, "", "result=unknown_account"}
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM app_user WHERE username = $1`, a.Username).Scan(&id)
		switch {
		case err == nil:
			rec.objectID, rec.detail = idString(id), ""
		case !isNoRows(err):
			return fmt.Errorf("record login attempt: %w", err)
		}
		return s.appendAudit(ctx, tx, anonymousActor, rec)
	})
}

// LoginAttempts counts the failed attempts under key since since, and after
// the last successful attempt under the same key.
func (s *Store) LoginAttempts(ctx context.Context, key string, since time.Time) (int, error) {
	var last sql.NullString
	var lastT time.Time
	err := s.conn.QueryRowContext(ctx, `SELECT MAX(at) FROM login_attempt WHERE key = $1 AND success`, key).Scan(timestampOrNull{&lastT, &last})
	if err != nil {
		return 0, fmt.Errorf("count login attempts: %w", err)
	}
	from := since.UTC()
	if last.Valid && lastT.After(from) {
		from = lastT
	}
	var n int
	err = s.conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_attempt WHERE key = $1 AND NOT success AND at >= $2`, key, from).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count login attempts: %w", err)
	}
	return n, nil
}

// timestampOrNull scans a nullable timestamp; valid tells whether it was set.
type timestampOrNull struct {
	t     *time.Time
	valid *sql.NullString
}

func (ts timestampOrNull) Scan(src any) error {
	ts.valid.Valid = src != nil
	if src == nil {
		return nil
	}
	return timestamp{ts.t}.Scan(src)
}

// DeleteLoginAttempts forgets attempts older than before.
func (s *Store) DeleteLoginAttempts(ctx context.Context, before time.Time) (int, error) {
	res, err := s.conn.ExecContext(ctx, `DELETE FROM login_attempt WHERE at < $1`, before.UTC())
	if err != nil {
		return 0, fmt.Errorf("delete login attempts: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// ConsumeTOTPStep moves the account's last used TOTP step forward to step,
// in one statement, so that of two logins with the same code only one wins.
func (s *Store) ConsumeTOTPStep(ctx context.Context, userID, step int64) (bool, error) {
	res, err := s.conn.ExecContext(ctx, `UPDATE app_user SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1`, step, userID)
	if err != nil {
		return false, fmt.Errorf("consume TOTP step: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("consume TOTP step: %w", err)
	}
	return n == 1, nil
}

// CreateSession starts a session for an enabled account and audits the
// login under the account's name. The plain token is returned once.
func (s *Store) CreateSession(ctx context.Context, userID int64, expiresAt time.Time) (*lekradar.Session, string, error) {
	token, err := lekradar.NewSecretToken()
	if err != nil {
		return nil, "", err
	}
	csrf, err := lekradar.NewSecretToken()
	if err != nil {
		return nil, "", err
	}
	now := s.now()
	sess := &lekradar.Session{UserID: userID, CSRFSecret: csrf, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: expiresAt.UTC().Truncate(time.Microsecond)}
	err = s.withTx(ctx, func(tx conn) error {
		u, ok, err := s.userByID(ctx, tx, userID)
		if err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		if !ok || u.Disabled {
			return notFound("user", userID)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO user_session (token_hash, user_id, csrf_secret, created_at, last_seen_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			lekradar.HashSecretToken(token), userID, csrf, now, now, sess.ExpiresAt).Scan(&sess.ID)
		if err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditLogin, lekradar.ObjectUser, idString(userID), ""})
	})
	if err != nil {
		return nil, "", err
	}
	return sess, token, nil
}

// FindSession returns the unexpired session of token and its enabled
// account; ENOTFOUND otherwise.
func (s *Store) FindSession(ctx context.Context, token string) (*lekradar.Session, *lekradar.User, error) {
	sess := &lekradar.Session{}
	row := s.conn.QueryRowContext(ctx, `SELECT s.id, s.user_id, s.csrf_secret, s.created_at, s.last_seen_at, s.expires_at, `+
		userColumns+` FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1`, lekradar.HashSecretToken(token))
	u := &lekradar.User{}
	err := row.Scan(&sess.ID, &sess.UserID, &sess.CSRFSecret, timestamp{&sess.CreatedAt}, timestamp{&sess.LastSeenAt},
		timestamp{&sess.ExpiresAt}, &u.ID, &u.Username, &u.Role, &u.Department, &u.EmployeeRef, &u.PasswordHash,
		&u.TOTPSecret, &u.Disabled, timestamp{&u.CreatedAt}, timestamp{&u.UpdatedAt})
	if isNoRows(err) {
		return nil, nil, notFound("session", "")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("find session: %w", err)
	}
	if u.TOTPSecret, err = s.openTOTP(u.TOTPSecret); err != nil {
		return nil, nil, fmt.Errorf("find session: %w", err)
	}
	if u.Disabled || !s.now().Before(sess.ExpiresAt) {
		return nil, nil, notFound("session", "")
	}
	return sess, u, nil
}

// TouchSession records activity on a session and moves its expiry.
func (s *Store) TouchSession(ctx context.Context, id int64, expiresAt time.Time) error {
	res, err := s.conn.ExecContext(ctx, `UPDATE user_session SET last_seen_at = $1, expires_at = $2 WHERE id = $3`,
		s.now(), expiresAt.UTC().Truncate(time.Microsecond), id)
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return notFound("session", id)
	}
	return nil
}

// DeleteSession ends the session of token (logout), audited under the
// account's name; ENOTFOUND when there is none.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.withTx(ctx, func(tx conn) error {
		var userID int64
		var username string
		err := tx.QueryRowContext(ctx, `SELECT u.id, u.username FROM user_session s JOIN app_user u ON u.id = s.user_id
			WHERE s.token_hash = $1`, lekradar.HashSecretToken(token)).Scan(&userID, &username)
		if isNoRows(err) {
			return notFound("session", "")
		}
		if err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM user_session WHERE token_hash = $1`, lekradar.HashSecretToken(token)); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		return s.appendAudit(ctx, tx, username, auditRecord{lekradar.AuditLogout, lekradar.ObjectUser, idString(userID), ""})
	})
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int, error) {
	res, err := s.conn.ExecContext(ctx, `DELETE FROM user_session WHERE expires_at <= $1`, s.now())
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// CreateAPIToken stores a token (admins and the system actor only) and
// returns the plain token once. A token of ScopeUser acts as an existing
// account; one of ScopeIngest belongs to no account.
func (s *Store) CreateAPIToken(ctx context.Context, t *lekradar.APIToken) (string, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return "", err
	}
	if !lekradar.CanManageUsers(u) {
		return "", forbidden(u, "manage API tokens")
	}
	v := &lekradar.ValidationError{}
	if t.Name == "" || len(t.Name) > 100 {
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "name", Value: t.Name, Message: "is required, at most 100 characters"})
	}
	switch {
	case t.Scope == lekradar.ScopeIngest && t.UserID != 0:
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "user_id", Value: fmt.Sprint(t.UserID), Message: "must be empty for scope ingest"})
	case t.Scope == lekradar.ScopeUser && t.UserID == 0:
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "user_id", Message: "is required for scope user"})
	case t.Scope != lekradar.ScopeIngest && t.Scope != lekradar.ScopeUser:
		v.Fields = append(v.Fields, lekradar.FieldError{Field: "scope", Value: t.Scope, Message: "is not a token scope",
			Allowed: []string{lekradar.ScopeIngest, lekradar.ScopeUser}})
	}
	if len(v.Fields) > 0 {
		return "", v
	}
	token, err := lekradar.NewSecretToken()
	if err != nil {
		return "", err
	}
	now := s.now()
	err = s.withTx(ctx, func(tx conn) error {
		var userID any
		if t.UserID != 0 {
			if _, ok, err := s.userByID(ctx, tx, t.UserID); err != nil {
				return fmt.Errorf("create API token: %w", err)
			} else if !ok {
				return &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "user_id", Value: fmt.Sprint(t.UserID), Message: "is not an account"}}}
			}
			userID = t.UserID
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO api_token (token_hash, name, scope, user_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			lekradar.HashSecretToken(token), t.Name, t.Scope, userID, u.Username, now).Scan(&t.ID)
		if err != nil {
			return fmt.Errorf("create API token: %w", err)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditCreate, lekradar.ObjectAPIToken, idString(t.ID),
			detailOf("scope", t.Scope, "user", ptrString(nonZero(t.UserID)))})
	})
	if err != nil {
		t.ID = 0
		return "", err
	}
	t.CreatedBy, t.CreatedAt = u.Username, now
	return token, nil
}

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

const apiTokenColumns = `id, name, scope, user_id, created_by, created_at, last_used_at, revoked_at`

func scanAPIToken(sc interface{ Scan(...any) error }) (*lekradar.APIToken, error) {
	t := &lekradar.APIToken{}
	var userID sql.NullInt64
	err := sc.Scan(&t.ID, &t.Name, &t.Scope, &userID, &t.CreatedBy, timestamp{&t.CreatedAt},
		timestamp{&t.LastUsedAt}, timestamp{&t.RevokedAt})
	t.UserID = userID.Int64
	return t, err
}

// FindAPIToken returns the unrevoked token (whose account, for ScopeUser, is
// enabled) and records its use; ENOTFOUND otherwise.
func (s *Store) FindAPIToken(ctx context.Context, token string) (*lekradar.APIToken, error) {
	hash := lekradar.HashSecretToken(token)
	t, err := scanAPIToken(s.conn.QueryRowContext(ctx, `SELECT `+apiTokenColumns+` FROM api_token WHERE token_hash = $1`, hash))
	if isNoRows(err) {
		return nil, notFound("API token", "")
	}
	if err != nil {
		return nil, fmt.Errorf("find API token: %w", err)
	}
	if !t.RevokedAt.IsZero() {
		return nil, notFound("API token", "")
	}
	if t.UserID != 0 {
		u, ok, err := s.userByID(ctx, s.conn, t.UserID)
		if err != nil {
			return nil, fmt.Errorf("find API token: %w", err)
		}
		if !ok || u.Disabled {
			return nil, notFound("API token", "")
		}
	}
	t.LastUsedAt = s.now()
	if _, err := s.conn.ExecContext(ctx, `UPDATE api_token SET last_used_at = $1 WHERE id = $2`, t.LastUsedAt, t.ID); err != nil {
		return nil, fmt.Errorf("find API token: %w", err)
	}
	return t, nil
}

// FindAPITokens lists all tokens, revoked ones included (admins and the
// system actor only).
func (s *Store) FindAPITokens(ctx context.Context) ([]*lekradar.APIToken, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanManageUsers(u) {
		return nil, forbidden(u, "manage API tokens")
	}
	tokens := []*lekradar.APIToken{}
	err = s.withTx(ctx, func(tx conn) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+apiTokenColumns+` FROM api_token ORDER BY id`)
		if err != nil {
			return fmt.Errorf("find API tokens: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanAPIToken(rows)
			if err != nil {
				return fmt.Errorf("find API tokens: %w", err)
			}
			tokens = append(tokens, t)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find API tokens: %w", err)
		}
		rows.Close()
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectAPIToken, "",
			"results=" + fmt.Sprint(len(tokens))})
	})
	if err != nil {
		return nil, err
	}
	return tokens, nil
}

// RevokeAPIToken revokes a token (admins and the system actor only).
func (s *Store) RevokeAPIToken(ctx context.Context, id int64) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanManageUsers(u) {
		return forbidden(u, "manage API tokens")
	}
	return s.withTx(ctx, func(tx conn) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_token SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, s.now(), id)
		if err != nil {
			return fmt.Errorf("revoke API token %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return notFound("API token", id)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditDelete, lekradar.ObjectAPIToken, idString(id), "revoked"})
	})
}
