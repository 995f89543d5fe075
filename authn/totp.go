package authn

import (
	"crypto/subtle"
	"fmt"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPIssuer names lekradar in authenticator apps.
const TOTPIssuer = "lekradar"

// TOTPEnrolment is a fresh second factor for an account: the secret to
// store, and the otpauth:// URL for the authenticator app (shown once, as
// text or QR code).
type TOTPEnrolment struct {
	Secret string
	URL    string
}

// NewTOTP makes a TOTP secret (RFC 6238: SHA-1, 6 digits, 30 seconds, what
// every authenticator app reads) for an account.
func NewTOTP(username string) (*TOTPEnrolment, error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: username})
	if err != nil {
		return nil, fmt.Errorf("totp secret: %w", err)
	}
	return &TOTPEnrolment{Secret: key.Secret(), URL: key.URL()}, nil
}

// totpPeriod is the TOTP time step.
const totpPeriod = 30

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// VerifyTOTP reports whether code is valid for secret at time t, allowing one
// 30-second step of clock skew either way, and returns the time step it
// matched. A code is valid for up to 90 seconds: pass the step to the
// store's ConsumeTOTPStep so that each code logs in once (no replay).
func VerifyTOTP(secret, code string, t time.Time) (step int64, ok bool) {
	now := t.Unix() / totpPeriod
	for _, s := range []int64{now, now - 1, now + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totpOpts)
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return s, true
		}
	}
	return 0, false
}

// TOTPCode returns the code for secret at t; for tests and enrolment checks.
func TOTPCode(secret string, t time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, t, totpOpts)
}
