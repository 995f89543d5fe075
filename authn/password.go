// Package authn holds the credentials checks of lekradar: Argon2id password
// hashes, the password policy and the optional TOTP second factor. The
// command line uses it to make accounts; the HTTP layer to log users in.
package authn

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Params are the Argon2id cost parameters. They are stored in every hash
// (PHC string format), so they can be raised later: old hashes keep
// verifying and NeedsRehash tells when to store a new one at login.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // iterations
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// DefaultParams follow the OWASP password storage recommendation for
// Argon2id (19 MiB, 2 iterations, 1 thread).
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// ErrMalformedHash is returned for a stored hash that is not an Argon2id PHC
// string this package can read.
var ErrMalformedHash = errors.New("password hash is not an argon2id PHC string")

var b64 = base64.RawStdEncoding

// HashPassword returns the Argon2id hash of password with a fresh random
// salt, as $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(password string) (string, error) {
	return HashPasswordWith(password, DefaultParams)
}

// HashPasswordWith hashes with the given parameters.
func HashPasswordWith(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches the stored hash, in
// constant time with respect to the key.
func VerifyPassword(encoded, password string) (bool, error) {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether a stored hash uses weaker parameters than
// want, so that a login may store a fresh hash.
func NeedsRehash(encoded string, want Params) bool {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return true
	}
	return p.Memory < want.Memory || p.Time < want.Time || p.Threads < want.Threads ||
		uint32(len(salt)) < want.SaltLen || uint32(len(key)) < want.KeyLen
}

// dummyHash is verified against when a username is unknown, so that a
// login answers as slowly for an unknown account as for a wrong password.
// It is made on first use: hashing costs about 0.1 s, which every command
// of the binary (a scan, an import) would otherwise pay at start-up.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("lekradar-dummy-password")
	if err != nil {
		panic(err)
	}
	return h
})

// VerifyDummy spends the time of one verification and returns false.
func VerifyDummy(password string) bool {
	_, _ = VerifyPassword(dummyHash(), password)
	return false
}

// decode parses $argon2id$v=19$m=…,t=…,p=…$salt$key.
func decode(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformedHash
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, fmt.Errorf("%w: unsupported version %q", ErrMalformedHash, parts[2])
	}
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return p, nil, nil, ErrMalformedHash
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return p, nil, nil, fmt.Errorf("%w: parameter %s", ErrMalformedHash, kv)
		}
		switch k {
		case "m":
			p.Memory = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			if n > 255 {
				return p, nil, nil, fmt.Errorf("%w: parameter %s", ErrMalformedHash, kv)
			}
			p.Threads = uint8(n)
		default:
			return p, nil, nil, fmt.Errorf("%w: unknown parameter %s", ErrMalformedHash, kv)
		}
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 {
		return p, nil, nil, fmt.Errorf("%w: missing parameter", ErrMalformedHash)
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, fmt.Errorf("%w: salt", ErrMalformedHash)
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) == 0 {
		return p, nil, nil, fmt.Errorf("%w: key", ErrMalformedHash)
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// Password policy bounds. Length is what protects against guessing; the
// upper bound keeps one login from costing unbounded hashing input.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 256
)

// commonPasswords are refused outright, whatever their length.
var commonPasswords = map[string]bool{
	"passwordpassword": true, "password1234": true, "123456789012": true, "qwertyuiopas": true,
	"welkom123456": true, "wachtwoord12": true, "wachtwoord123": true, "welkomwelkom": true,
	"politie12345": true, "politie123456": true, "lekradar1234": true, "iloveyou1234": true,
	"administrator": true, "changeme1234": true, "letmein12345": true, "qwerty123456": true,
}

// CheckPassword enforces the password policy: 12 to 256 characters, more
// than a few distinct characters, not a well-known password, and not
// containing the username. The error says which rule failed.
func CheckPassword(password, username string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case !utf8.ValidString(password):
		return errors.New("password is not valid UTF-8")
	case n < MinPasswordLength:
		return fmt.Errorf("password is too short: %d characters, at least %d needed (a passphrase of several words is easy to remember)", n, MinPasswordLength)
	case n > MaxPasswordLength:
		return fmt.Errorf("password is too long: %d characters, at most %d", n, MaxPasswordLength)
	}
	distinct := map[rune]bool{}
	for _, r := range password {
		distinct[r] = true
	}
	lower := strings.ToLower(password)
	switch {
	case len(distinct) < 5:
		return fmt.Errorf("password is too weak: it uses only %d different characters, at least 5 needed", len(distinct))
	case commonPasswords[lower]:
		return errors.New("password is too weak: it is a well-known password")
	case username != "" && len(username) >= 3 && strings.Contains(lower, strings.ToLower(username)):
		return errors.New("password is too weak: it contains the username")
	}
	return nil
}
