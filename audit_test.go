package lekradar_test

import (
	"testing"
	"time"

	"lekradar"
)

func TestAuditHashEncodesFieldBoundaries(t *testing.T) {
	at := time.Date(2026, 3, 2, 14, 5, 9, 123456789, time.UTC)
	base := lekradar.AuditEntry{Seq: 7, Time: at, Actor: "ab", Action: "read", ObjectType: "dossier", ObjectID: "12", PrevHash: lekradar.GenesisHash}
	h := lekradar.AuditHash(&base)
	for name, change := range map[string]func(e *lekradar.AuditEntry){
		"boundary moved": func(e *lekradar.AuditEntry) { e.Actor, e.Action = "abr", "ead" },
		"seq":            func(e *lekradar.AuditEntry) { e.Seq = 8 },
		"time":           func(e *lekradar.AuditEntry) { e.Time = at.Add(time.Microsecond) },
		"object id":      func(e *lekradar.AuditEntry) { e.ObjectID = "13" },
		"detail":         func(e *lekradar.AuditEntry) { e.Detail = "x" },
		"prev hash":      func(e *lekradar.AuditEntry) { e.PrevHash = "1" + e.PrevHash[1:] },
	} {
		e := base
		change(&e)
		if lekradar.AuditHash(&e) == h {
			t.Errorf("%s: same hash", name)
		}
	}
	// Below a microsecond nothing is stored, so nothing is hashed.
	e := base
	e.Time = at.Truncate(time.Microsecond)
	if lekradar.AuditHash(&e) != h {
		t.Error("nanoseconds below the stored precision change the hash")
	}
	e.Hash = "ignored"
	if lekradar.AuditHash(&e) != h {
		t.Error("the stored hash enters its own hash")
	}
}

// chain makes n linked entries.
func chain(n int) []*lekradar.AuditEntry {
	prev := lekradar.GenesisHash
	var out []*lekradar.AuditEntry
	for i := 1; i <= n; i++ {
		e := &lekradar.AuditEntry{Seq: int64(i), Time: time.Unix(int64(i), 0), Actor: "a", Action: "read", ObjectType: "dossier", PrevHash: prev}
		e.Hash = lekradar.AuditHash(e)
		prev = e.Hash
		out = append(out, e)
	}
	return out
}

func TestAuditChecker(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func([]*lekradar.AuditEntry) []*lekradar.AuditEntry
		headSeq  int64
		wantSeq  int64
		wantKind string
	}{
		{"intact", func(c []*lekradar.AuditEntry) []*lekradar.AuditEntry { return c }, 5, 0, ""},
		{"changed", func(c []*lekradar.AuditEntry) []*lekradar.AuditEntry { c[2].Actor = "b"; return c }, 5, 3, "hash"},
		{"removed", func(c []*lekradar.AuditEntry) []*lekradar.AuditEntry { return append(c[:1], c[2:]...) }, 5, 2, "sequence"},
		{"swapped", func(c []*lekradar.AuditEntry) []*lekradar.AuditEntry { c[1], c[2] = c[2], c[1]; return c }, 5, 2, "sequence"},
		{"newest removed", func(c []*lekradar.AuditEntry) []*lekradar.AuditEntry { return c[:4] }, 5, 5, "head"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := chain(5)
			head := c[4].Hash
			checker := lekradar.NewAuditChecker()
			var p *lekradar.AuditProblem
			for _, e := range tc.edit(c) {
				if p = checker.Check(e); p != nil {
					break
				}
			}
			if p == nil {
				p = checker.Finish(tc.headSeq, head)
			}
			switch {
			case tc.wantKind == "" && p != nil:
				t.Errorf("intact chain: %v", p)
			case tc.wantKind != "" && (p == nil || p.Seq != tc.wantSeq || p.Kind != tc.wantKind):
				t.Errorf("problem %v, want entry %d (%s)", p, tc.wantSeq, tc.wantKind)
			}
		})
	}
}
