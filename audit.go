package lekradar

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Audit actions.
const (
	AuditRead   = "read"   // one object
	AuditSearch = "search" // a list or search; Detail holds the filters
	AuditCreate = "create"
	AuditUpdate = "update"
	AuditDelete = "delete"
	AuditExport = "export"
	// AuditReadReporterIdentity is reading who made a report: its own
	// action, one entry per report.
	AuditReadReporterIdentity = "read_reporter_identity"
	AuditAddMember            = "add_member"
	AuditRemoveMember         = "remove_member"
	AuditLogin                = "login"
	AuditLoginFailed          = "login_failed"
	AuditLogout               = "logout"
	AuditVerify               = "verify"
)

// Audit object types.
const (
	ObjectDossier        = "dossier"
	ObjectReport         = "report"
	ObjectVulnerableSpot = "vulnerable_spot"
	ObjectUser           = "user"
	ObjectAPIToken       = "api_token"
	ObjectAudit          = "audit"
)

// AuditEntry is one link of the audit trail's hash chain. Object and Detail
// never hold personal data: objects are named by type and internal id,
// searches by their filters.
type AuditEntry struct {
	Seq        int64     `json:"seq"`
	Time       time.Time `json:"time"`
	Actor      string    `json:"actor"`
	Action     string    `json:"action"`
	ObjectType string    `json:"object_type"`
	ObjectID   string    `json:"object_id,omitempty"`
	Detail     string    `json:"detail,omitempty"`
	// PrevHash is the Hash of entry Seq-1 (GenesisHash for the first).
	PrevHash string `json:"prev_hash"`
	// Hash is AuditHash of this entry.
	Hash string `json:"hash"`
}

// GenesisHash is the PrevHash of the first entry.
var GenesisHash = strings.Repeat("0", 64)

// AuditTimeLayout is how an entry's time enters its hash: UTC, microseconds
// (what both databases keep).
const AuditTimeLayout = "2006-01-02T15:04:05.000000Z"

// AuditHash returns the hex SHA-256 over the entry's PrevHash and the
// canonical encoding of its other fields (Hash excluded): each field is
// written as its byte length in decimal, a colon, the bytes and a comma, so
// that no two different entries encode alike.
func AuditHash(e *AuditEntry) string {
	h := sha256.New()
	for _, f := range []string{
		e.PrevHash,
		strconv.FormatInt(e.Seq, 10),
		e.Time.UTC().Truncate(time.Microsecond).Format(AuditTimeLayout),
		e.Actor,
		e.Action,
		e.ObjectType,
		e.ObjectID,
		e.Detail,
	} {
		fmt.Fprintf(h, "%d:%s,", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AuditProblem is the first entry at which the chain does not hold.
type AuditProblem struct {
	// Seq is the sequence number of the first bad entry: the one whose
	// contents changed, or the first one missing or out of place.
	Seq int64
	// Kind is one of hash (the contents do not match the entry's hash),
	// link (the entry's prev_hash is not the previous entry's hash),
	// sequence (an entry is missing or out of order), head (the newest
	// entries were removed) and seal (the head's MAC under the registry's
	// key does not match: the trail was rewritten without the key).
	Kind   string
	Reason string
}

func (p *AuditProblem) Error() string {
	return fmt.Sprintf("audit trail broken at entry %d (%s): %s", p.Seq, p.Kind, p.Reason)
}

// AuditChecker verifies a chain one entry at a time, in sequence order, so
// that a trail of any length is checked in constant memory.
type AuditChecker struct {
	next     int64
	prevHash string
	problem  *AuditProblem
}

// NewAuditChecker starts a check at the first entry.
func NewAuditChecker() *AuditChecker {
	return &AuditChecker{next: 1, prevHash: GenesisHash}
}

// Check takes the next stored entry and returns the first problem found so
// far (nil while the chain holds). After a problem it checks nothing more.
func (c *AuditChecker) Check(e *AuditEntry) *AuditProblem {
	if c.problem != nil {
		return c.problem
	}
	switch {
	case e.Seq != c.next:
		reason := fmt.Sprintf("entry %d is missing: the next stored entry is %d", c.next, e.Seq)
		if e.Seq < c.next {
			reason = fmt.Sprintf("entry %d comes again or out of order after entry %d", e.Seq, c.next-1)
		}
		c.problem = &AuditProblem{Seq: c.next, Kind: "sequence", Reason: reason}
	case AuditHash(e) != e.Hash:
		c.problem = &AuditProblem{Seq: e.Seq, Kind: "hash", Reason: "its contents do not match its hash: the entry was changed"}
	case e.PrevHash != c.prevHash:
		c.problem = &AuditProblem{Seq: e.Seq, Kind: "link",
			Reason: "its prev_hash is not the hash of the entry before it: an entry before it was changed, removed or reordered"}
	default:
		c.next++
		c.prevHash = e.Hash
	}
	return c.problem
}

// Finish compares the end of the chain with the recorded head (the sequence
// and hash of the newest entry, kept apart), which catches removed newest
// entries.
func (c *AuditChecker) Finish(headSeq int64, headHash string) *AuditProblem {
	if c.problem != nil {
		return c.problem
	}
	last := c.next - 1
	switch {
	case headSeq > last:
		c.problem = &AuditProblem{Seq: last + 1, Kind: "head",
			Reason: fmt.Sprintf("the trail ends at entry %d but the head records entry %d: the newest entries were removed", last, headSeq)}
	case headSeq < last:
		c.problem = &AuditProblem{Seq: headSeq + 1, Kind: "head",
			Reason: fmt.Sprintf("entries after the recorded head %d exist: they were added outside the store", headSeq)}
	case headHash != c.prevHash:
		c.problem = &AuditProblem{Seq: last, Kind: "head", Reason: "the newest entry's hash differs from the recorded head hash"}
	}
	return c.problem
}

// Count returns how many entries passed the check.
func (c *AuditChecker) Count() int64 { return c.next - 1 }

// HeadHash returns the hash of the last entry that passed.
func (c *AuditChecker) HeadHash() string { return c.prevHash }

// AuditFilter selects audit entries, newest first. Nil fields do not filter.
type AuditFilter struct {
	Actor      *string
	Action     *string
	ObjectType *string
	ObjectID   *string
	Since      *time.Time
	Until      *time.Time

	Offset int
	Limit  int
}

// AuditVerification is the result of a full check of the trail.
type AuditVerification struct {
	Entries  int64  // entries checked and found intact
	HeadSeq  int64  // the newest entry, as recorded in the head
	HeadHash string // its hash: record it elsewhere to anchor the chain
}

// AuditService reads and verifies the audit trail; only an auditor (or the
// system actor) may. Entries are appended by the store itself, in the
// transaction of the action they record.
type AuditService interface {
	FindAuditEntries(ctx context.Context, filter AuditFilter) ([]*AuditEntry, int, error)
	// VerifyAudit recomputes the whole chain and returns the first problem
	// (nil when intact) and what was checked.
	VerifyAudit(ctx context.Context) (*AuditProblem, *AuditVerification, error)
}
