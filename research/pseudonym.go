package research

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Pseudonym prefixes: a researcher sees at a glance what a pseudonym stands
// for.
const (
	DossierPrefix = "D"
	SuspectPrefix = "S"
)

// pseudonymBytes is how much of the HMAC a pseudonym keeps: 48 bits, 12 hex
// digits. Among the few thousand ids of one export a collision has a chance
// of about one in 10^7, and Build checks for one anyway.
const pseudonymBytes = 6

// Pseudonymizer turns source ids into keyed pseudonyms. Every Pseudonymizer
// has its own random 256-bit key, so the same id gets a different pseudonym
// from each one: two exports cannot be linked through their pseudonyms. The
// key is never written anywhere; Forget wipes it.
type Pseudonymizer struct {
	key []byte
}

// NewPseudonymizer returns a Pseudonymizer with a fresh random key.
func NewPseudonymizer() (*Pseudonymizer, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	return &Pseudonymizer{key: key}, nil
}

// Dossier returns the pseudonym of a dossier, "D-" and 12 hex digits.
func (p *Pseudonymizer) Dossier(sourceID string) string {
	return p.pseudonym(DossierPrefix, "dossier", sourceID)
}

// Suspect returns the pseudonym of a suspect, "S-" and 12 hex digits.
func (p *Pseudonymizer) Suspect(sourceID string) string {
	return p.pseudonym(SuspectPrefix, "suspect", sourceID)
}

// pseudonym is HMAC-SHA-256 over the kind and the id (the kind separates
// the domains, so a dossier and a suspect with the same id do not share a
// pseudonym), truncated and hex encoded.
func (p *Pseudonymizer) pseudonym(prefix, kind, sourceID string) string {
	if p.key == nil {
		panic("research: Pseudonymizer used after Forget")
	}
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(sourceID))
	return prefix + "-" + strings.ToUpper(hex.EncodeToString(m.Sum(nil)[:pseudonymBytes]))
}

// Forget overwrites the key, so that it does not outlive the export in
// memory longer than needed. The Pseudonymizer cannot be used afterwards.
func (p *Pseudonymizer) Forget() {
	clear(p.key)
	p.key = nil
}
