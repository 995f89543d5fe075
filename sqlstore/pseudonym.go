package sqlstore

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"lekradar"
)

// MetaPseudonymKey holds the hex secret under which employee ids become
// alert pseudonyms. It is made on first use and never leaves the database:
// without it a pseudonym cannot be matched to an employee id by trying ids.
const MetaPseudonymKey = "pseudonym_key"

// pseudonymHexLen is how much of the HMAC a pseudonym shows: 64 bits, so
// that pseudonyms of some hundred thousand employees do not collide.
const pseudonymHexLen = 16

// pseudonymizer turns employee ids into stable pseudonyms.
type pseudonymizer struct{ key []byte }

// pseudonymizer returns the database's pseudonymizer, creating its secret
// when there is none. Two processes that create one at once agree on the
// first one stored.
func (s *Store) pseudonymizer(ctx context.Context) (*pseudonymizer, error) {
	v, ok, err := s.Meta(ctx, MetaPseudonymKey)
	if err != nil {
		return nil, err
	}
	if !ok {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("pseudonym key: %w", err)
		}
		if _, err := s.conn.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
			MetaPseudonymKey, hex.EncodeToString(b)); err != nil {
			return nil, fmt.Errorf("store pseudonym key: %w", err)
		}
		if v, ok, err = s.Meta(ctx, MetaPseudonymKey); err != nil {
			return nil, err
		} else if !ok {
			return nil, fmt.Errorf("pseudonym key was stored but cannot be read back")
		}
	}
	key, err := hex.DecodeString(v)
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("meta %s is not a hex key of at least 16 bytes", MetaPseudonymKey)
	}
	return &pseudonymizer{key: key}, nil
}

// of returns the pseudonym of an employee id: "P-" and the first 16 hex
// digits of HMAC-SHA-256(key, id).
func (p *pseudonymizer) of(employeeID string) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(employeeID))
	return "P-" + hex.EncodeToString(m.Sum(nil))[:pseudonymHexLen]
}

// EmployeePseudonym returns the pseudonym that alerts show for an employee
// id. The system actor only: anyone else could use it to find a colleague's
// alerts by trying ids.
func (s *Store) EmployeePseudonym(ctx context.Context, employeeID string) (string, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return "", err
	}
	if !u.IsSystem() {
		return "", forbidden(u, "compute employee pseudonyms")
	}
	p, err := s.pseudonymizer(ctx)
	if err != nil {
		return "", err
	}
	return p.of(employeeID), nil
}
