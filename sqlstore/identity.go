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
	"reporter identities are encrypted and this store has no key: set LEKRADAR_KEY_FILE to the registry's key file (for SQLite it defaults to the database file's name plus .key)")

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
	if s.identities == nil {
		return "", errNoIdentityKey
	}
	nonce := make([]byte, s.identities.NonceSize(), s.identities.NonceSize()+len(ref)+s.identities.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("reporter identity: %w", err)
	}
	sealed := s.identities.Seal(nonce, nonce, []byte(ref), identityAD(reportID))
	return identityPrefix + base64.RawStdEncoding.EncodeToString(sealed), nil
}

// openIdentity decrypts a stored reporter identity of a report.
func (s *Store) openIdentity(reportID int64, stored string) (string, error) {
	enc, ok := strings.CutPrefix(stored, identityPrefix)
	if !ok {
		return stored, nil // stored before encryption
	}
	if s.identities == nil {
		return "", errNoIdentityKey
	}
	raw, err := base64.RawStdEncoding.DecodeString(enc)
	n := s.identities.NonceSize()
	if err != nil || len(raw) < n+s.identities.Overhead() {
		return "", fmt.Errorf("reporter identity of report %d: damaged", reportID)
	}
	plain, err := s.identities.Open(nil, raw[:n], raw[n:], identityAD(reportID))
	if err != nil {
		return "", errors.New("reporter identity of report " + strconv.FormatInt(reportID, 10) +
			": cannot be decrypted with this key (another key file, or the value was altered)")
	}
	return string(plain), nil
}
