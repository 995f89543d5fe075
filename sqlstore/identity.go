package sqlstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lekradar"
)

// Reporter identities are the registry's most sensitive field: a
// whistleblower's or colleague's name next to the leak they reported. They
// are stored encrypted (AES-256-GCM) under a key that is not in the
// database, so that a copy of the database — a backup, a dump, a stolen
// file — does not reveal them. The key comes from a key file the operator
// keeps apart (cmd/lekradar: LEKRADAR_KEY_FILE, or next to a SQLite
// file); each ciphertext is bound to its
// report, so that one cannot be moved to another report.

// identityPrefix marks an encrypted identity and its format; a value
// without it was stored before encryption and is read as it is, then
// encrypted when its dossier is next saved.
const identityPrefix = "v1:"

// errNoIdentityKey is returned when reporter identities are written or
// read by a store that was given no key.
var errNoIdentityKey = lekradar.Errorf(lekradar.EINVALID,
	"reporter identities and TOTP secrets are encrypted and this store has no key: set LEKRADAR_KEY_FILE to the registry's key file (for SQLite it defaults to the database file's name plus .key)")

// SetKey sets the registry's secret (at least 32 bytes, from its key
// file). Two keys are derived from it: one encrypts reporter identities,
// the other seals the audit trail's head (audit.go).
func (s *Store) SetKey(secret []byte) error {
	if len(secret) < 32 {
		return fmt.Errorf("registry key: %d bytes, want at least 32", len(secret))
	}
	key, err := hkdf.Key(sha256.New, secret, nil, "lekradar reporter identity v1", 32)
	if err != nil {
		return fmt.Errorf("registry key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return fmt.Errorf("registry key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return fmt.Errorf("registry key: %w", err)
	}
	seal, err := hkdf.Key(sha256.New, secret, nil, "lekradar audit seal v1", 32)
	if err != nil {
		return fmt.Errorf("registry key: %w", err)
	}
	s.identities, s.auditSeal = aead, seal
	return nil
}

// identityAD binds a ciphertext to the report it belongs to.
func identityAD(reportID int64) []byte {
	return []byte("reporter_identity:" + strconv.FormatInt(reportID, 10))
}

// sealIdentity encrypts a reporter identity of a report for storage.
func (s *Store) sealIdentity(reportID int64, ref string) (string, error) {
	return s.seal(identityAD(reportID), ref)
}

// openIdentity decrypts a stored reporter identity of a report.
func (s *Store) openIdentity(reportID int64, stored string) (string, error) {
	v, err := s.open(identityAD(reportID), stored)
	if err != nil {
		return "", fmt.Errorf("reporter identity of report %d: %w", reportID, err)
	}
	return v, nil
}

// totpAD marks a ciphertext as an account's TOTP secret.
var totpAD = []byte("app_user.totp_secret")

// sealTOTP encrypts an account's TOTP secret; an empty one (no second
// factor) stays empty.
func (s *Store) sealTOTP(secret string) (string, error) {
	if secret == "" {
		return "", nil
	}
	return s.seal(totpAD, secret)
}

// openTOTP decrypts a stored TOTP secret.
func (s *Store) openTOTP(stored string) (string, error) {
	v, err := s.open(totpAD, stored)
	if err != nil {
		return "", fmt.Errorf("TOTP secret: %w", err)
	}
	return v, nil
}

// seal encrypts plain under the registry's key, bound to ad.
func (s *Store) seal(ad []byte, plain string) (string, error) {
	if s.identities == nil {
		return "", errNoIdentityKey
	}
	n := s.identities.NonceSize()
	nonce := make([]byte, n, n+len(plain)+s.identities.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("encrypt: %w", err)
	}
	sealed := s.identities.Seal(nonce, nonce, []byte(plain), ad)
	return identityPrefix + base64.RawStdEncoding.EncodeToString(sealed), nil
}

// open decrypts a value seal made with the same ad; a value without the
// prefix was stored before encryption and is returned as it is.
func (s *Store) open(ad []byte, stored string) (string, error) {
	enc, ok := strings.CutPrefix(stored, identityPrefix)
	if !ok {
		return stored, nil
	}
	if s.identities == nil {
		return "", errNoIdentityKey
	}
	raw, err := base64.RawStdEncoding.DecodeString(enc)
	n := s.identities.NonceSize()
	if err != nil || len(raw) < n+s.identities.Overhead() {
		return "", errors.New("damaged")
	}
	plain, err := s.identities.Open(nil, raw[:n], raw[n:], ad)
	if err != nil {
		return "", errors.New("cannot be decrypted with this key (another key file, or the value was altered or moved)")
	}
	return string(plain), nil
}
