package lekradar

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// userContextKey is the context key of the acting user.
type userContextKey struct{}

// NewContextWithUser returns a context that carries u as the acting user.
// Every store operation on registry data needs one: it decides what the
// operation may see and is written to the audit trail.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userContextKey{}, u)
}

// UserFromContext returns the acting user, or nil when there is none.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userContextKey{}).(*User)
	return u
}

// SystemActor returns the trusted actor of a process that needs no login,
// such as the command line (name "cli:<os user>"). It has full access and is
// audited under its name.
func SystemActor(name string) *User {
	return &User{Username: name, Role: RoleSystem}
}

// MachineActor returns the actor of a program authenticated by an API token
// of scope ingest, audited as "token:<name>".
func MachineActor(tokenName string) *User {
	return &User{Username: "token:" + tokenName, Role: RoleMachine}
}

// NewSecretToken returns a fresh random 256-bit token, base64url without
// padding: session cookies and API tokens. Only its HashSecretToken is
// stored, so that a copy of the database opens no session.
func NewSecretToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", Errorf(EINTERNAL, "random token: %v", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashSecretToken returns the hex SHA-256 of a token. A fast hash is right
// here (unlike for passwords): the token has 256 random bits, so there is
// nothing to guess.
func HashSecretToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Session is a server-side login session. The browser holds the token; the
// store holds only its hash.
type Session struct {
	ID     int64 `json:"id"`
	UserID int64 `json:"user_id"`
	// CSRFSecret is a random value for the HTTP layer's CSRF tokens.
	CSRFSecret string    `json:"-"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
}

// API token scopes.
const (
	// ScopeIngest may deliver look-up events and nothing else (RoleMachine).
	ScopeIngest = "ingest"
	// ScopeUser acts as the account UserID, with that account's rights.
	ScopeUser = "user"
)

// APIToken lets a program call the API. Only the hash of the token is
// stored; CreateAPIToken returns the plain token once.
type APIToken struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Scope  string `json:"scope"`
	UserID int64  `json:"user_id,omitempty"` // for ScopeUser
	// CreatedBy is the actor that made the token.
	CreatedBy  string    `json:"created_by"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
	RevokedAt  time.Time `json:"revoked_at,omitzero"`
}

// LoginAttempt is one try to log in, kept for throttling: the store counts
// it under the username and, when given, under the client address.
type LoginAttempt struct {
	Username string
	IP       string // may be empty (the command line has none)
	Success  bool
}

// LoginKeyUser and LoginKeyIP are the keys that LoginAttempts counts under.
func LoginKeyUser(username string) string { return "user:" + username }

// LoginKeyIP is the throttling key of a client address.
func LoginKeyIP(ip string) string { return "ip:" + ip }

// AuthService is what logging in and staying logged in need. Its lookups do
// not need an acting user in the context (they are how one is found); what
// changes state is audited.
type AuthService interface {
	// FindUserForLogin returns the account with its credentials; ENOTFOUND
	// for an unknown or disabled account.
	FindUserForLogin(ctx context.Context, username string) (*User, error)
	// RecordLoginAttempt stores an attempt under its keys; a failed one is
	// also audited.
	RecordLoginAttempt(ctx context.Context, a LoginAttempt) error
	// LoginAttempts counts the failed attempts under key (LoginKeyUser,
	// LoginKeyIP) since a time, and since the last successful one.
	LoginAttempts(ctx context.Context, key string, since time.Time) (int, error)
	// DeleteLoginAttempts forgets attempts older than before.
	DeleteLoginAttempts(ctx context.Context, before time.Time) (int, error)

	// ConsumeTOTPStep records that the account logged in with the TOTP code
	// of a time step (authn.VerifyTOTP); false when that step or a later one
	// was used already, so that a code cannot be replayed.
	ConsumeTOTPStep(ctx context.Context, userID, step int64) (bool, error)

	// CreateSession starts a session for an enabled account, audited as a
	// login, and returns it with its plain token (shown once).
	CreateSession(ctx context.Context, userID int64, expiresAt time.Time) (*Session, string, error)
	// FindSession returns the unexpired session of a token and its enabled
	// account; ENOTFOUND otherwise.
	FindSession(ctx context.Context, token string) (*Session, *User, error)
	// TouchSession records activity and moves the expiry (sliding timeout).
	TouchSession(ctx context.Context, id int64, expiresAt time.Time) error
	// DeleteSession ends a session (logout), audited.
	DeleteSession(ctx context.Context, token string) error
	// DeleteExpiredSessions removes the sessions that have expired.
	DeleteExpiredSessions(ctx context.Context) (int, error)

	// CreateAPIToken stores a token (admin or system only) and returns the
	// plain token once.
	CreateAPIToken(ctx context.Context, t *APIToken) (string, error)
	// FindAPIToken returns the unrevoked token and records its use;
	// ENOTFOUND otherwise.
	FindAPIToken(ctx context.Context, token string) (*APIToken, error)
	// FindAPITokens lists the tokens (admin or system only).
	FindAPITokens(ctx context.Context) ([]*APIToken, error)
	// RevokeAPIToken revokes a token (admin or system only).
	RevokeAPIToken(ctx context.Context, id int64) error
}
