package authn_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"lekradar/authn"
)

// cheap keeps the tests fast; the format and comparison are the same.
var cheap = authn.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestPasswordRoundTrip(t *testing.T) {
	h, err := authn.HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not in PHC format with the default parameters", h)
	}
	for _, tc := range []struct {
		password string
		want     bool
	}{
		{"correct horse battery staple", true},
		{"correct horse battery stapl", false},
		{"Correct horse battery staple", false},
		{"", false},
	} {
		ok, err := authn.VerifyPassword(h, tc.password)
		if err != nil || ok != tc.want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", tc.password, ok, err, tc.want)
		}
	}
	h2, _ := authn.HashPassword("correct horse battery staple")
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

func TestNeedsRehash(t *testing.T) {
	weak, err := authn.HashPasswordWith("a long enough password", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := authn.VerifyPassword(weak, "a long enough password"); !ok || err != nil {
		t.Fatalf("hash with other parameters does not verify: %v %v", ok, err)
	}
	if !authn.NeedsRehash(weak, authn.DefaultParams) {
		t.Error("a 64 KiB hash does not need a rehash at the default parameters")
	}
	strong, _ := authn.HashPassword("a long enough password")
	if authn.NeedsRehash(strong, authn.DefaultParams) {
		t.Error("a hash with the default parameters needs a rehash")
	}
}

func TestMalformedHash(t *testing.T) {
	for _, h := range []string{
		"",
		"plaintext",
		"$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5",
		"$argon2id$v=18$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5",
		"$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$a2V5",
		"$argon2id$v=19$m=64,t=1,p=1,x=2$c2FsdHNhbHQ$a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$!!$a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$",
	} {
		ok, err := authn.VerifyPassword(h, "x")
		if ok || !errors.Is(err, authn.ErrMalformedHash) {
			t.Errorf("VerifyPassword(%q) = %v, %v; want ErrMalformedHash", h, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	for _, tc := range []struct {
		password, username string
		wantErr            string
	}{
		{"correct horse battery staple", "alice", ""},
		{"kort", "alice", "too short"},
		{"elevenchars", "alice", "too short"},
		{"aaaaaaaaaaaaaaaa", "alice", "different characters"},
		{"abababababababab", "alice", "different characters"},
		{"Wachtwoord123", "alice", "well-known"},
		{"xx-Alice-garden-2026", "alice", "username"},
		{strings.Repeat("abcdefgh", 40), "alice", "too long"},
	} {
		err := authn.CheckPassword(tc.password, tc.username)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("CheckPassword(%q) = %v, want nil", tc.password, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("CheckPassword(%q) = %v, want an error about %q", tc.password, err, tc.wantErr)
		}
	}
}

func TestTOTP(t *testing.T) {
	e, err := authn.NewTOTP("alice")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.URL, "otpauth://totp/lekradar:alice?") || e.Secret == "" {
		t.Fatalf("enrolment %+v", e)
	}
	now := time.Date(2026, 3, 2, 14, 5, 9, 0, time.UTC)
	code, err := authn.TOTPCode(e.Secret, now)
	if err != nil {
		t.Fatal(err)
	}
	step := now.Unix() / 30
	for _, tc := range []struct {
		name string
		code string
		at   time.Time
		want bool
	}{
		{"same step", code, now, true},
		{"one step later (skew)", code, now.Add(30 * time.Second), true},
		{"one step earlier (skew)", code, now.Add(-30 * time.Second), true},
		{"three steps later", code, now.Add(90 * time.Second), false},
		{"wrong code", wrongCode(code), now, false},
		{"empty", "", now, false},
	} {
		got, ok := authn.VerifyTOTP(e.Secret, tc.code, tc.at)
		if ok != tc.want || (ok && got != step) {
			t.Errorf("%s: VerifyTOTP = step %d, %v; want step %d, %v", tc.name, got, ok, step, tc.want)
		}
	}
	other, _ := authn.NewTOTP("bob")
	if _, ok := authn.VerifyTOTP(other.Secret, code, now); ok {
		t.Error("a code of one secret verifies against another (1 in a million chance; rerun if so)")
	}
}

func wrongCode(code string) string {
	b := []byte(code)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}

func TestVerifyDummy(t *testing.T) {
	if authn.VerifyDummy("anything") {
		t.Error("VerifyDummy returned true")
	}
}
