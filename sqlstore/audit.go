package sqlstore

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

var _ lekradar.AuditService = (*Store)(nil)

// auditRecord is what an action writes to the trail; appendAudit adds the
// sequence, time, actor and hashes.
type auditRecord struct {
	action, objectType, objectID, detail string
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }

// appendAudit appends records to the hash chain inside tx, the transaction
// of the action they record, so that an action and its trace commit or roll
// back together. It must be the last statement of the transaction that
// touches shared rows: it locks the chain head (an UPDATE takes the row lock
// on PostgreSQL; SQLite's write transaction is exclusive anyway), so
// appends are serialised and the chain never forks, and the lock is held
// only until commit.
func (s *Store) appendAudit(ctx context.Context, tx conn, actor string, recs ...auditRecord) error {
	if len(recs) == 0 {
		return nil
	}
	var headSeq int64
	var headHash string
	err := tx.QueryRowContext(ctx, `UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash`,
		int64(len(recs))).Scan(&headSeq, &headHash)
	if err != nil {
		return fmt.Errorf("audit: lock chain head: %w", err)
	}
	seq := headSeq - int64(len(recs))
	now := s.now()
	prev := headHash
	rows := make([][]any, len(recs))
	for i, r := range recs {
		seq++
		e := lekradar.AuditEntry{Seq: seq, Time: now, Actor: actor, Action: r.action,
			ObjectType: r.objectType, ObjectID: r.objectID, Detail: r.detail, PrevHash: prev}
		e.Hash = lekradar.AuditHash(&e)
		rows[i] = []any{e.Seq, e.Time, e.Actor, e.Action, e.ObjectType, e.ObjectID, e.Detail, e.PrevHash, e.Hash}
		prev = e.Hash
	}
	w := newBulkWriter(s, tx)
	defer w.close()
	if err := w.insertRows(ctx, "audit_entry",
		[]string{"seq", "at", "actor", "action", "object_type", "object_id", "detail", "prev_hash", "hash"},
		rows, "", nil); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET hash = $1, mac = $2 WHERE id = 1`, prev, s.headMAC(headSeq, prev)); err != nil {
		return fmt.Errorf("audit: move chain head: %w", err)
	}
	return nil
}

// headMAC seals the chain's head under the registry's key. The chain's
// hashes alone let anyone who can write the database rewrite an entry and
// recompute every hash after it; the head's MAC cannot be recomputed
// without the key, which is not in the database. (It does not stop a
// rollback to an earlier head and its MAC, from a copy: that takes an
// anchor outside the database.) Without a key the head is left unsealed
// (NULL), which a verification with the key reports.
func (s *Store) headMAC(seq int64, hash string) any {
	if s.auditSeal == nil {
		return nil
	}
	m := hmac.New(sha256.New, s.auditSeal)
	fmt.Fprintf(m, "%d:%s", seq, hash)
	return hex.EncodeToString(m.Sum(nil))
}

// RecordAudit appends one entry for an action that happens outside the
// store (an export written to a file, a pseudonym revealed), in its own
// transaction. Detail must hold no personal data.
func (s *Store) RecordAudit(ctx context.Context, action, objectType, objectID, detail string) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx conn) error {
		return s.appendAudit(ctx, tx, u.Username, auditRecord{action, objectType, objectID, detail})
	})
}

// AppendAuditTx appends one entry inside tx, a transaction of a package that
// keeps its own tables in the store's database (see DB), so that its action
// and the trace commit together. Call it last in the transaction.
func (s *Store) AppendAuditTx(ctx context.Context, tx *sql.Tx, action, objectType, objectID, detail string) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	return s.appendAudit(ctx, conn{tx, s.rebind}, u.Username, auditRecord{action, objectType, objectID, detail})
}

// detailOf joins key=value pairs for an audit detail, skipping empty values.
func detailOf(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			parts = append(parts, kv[i]+"="+kv[i+1])
		}
	}
	return strings.Join(parts, " ")
}

func ptrString[T any](p *T) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

const auditColumns = `seq, at, actor, action, object_type, object_id, detail, prev_hash, hash`

func scanAuditEntry(rows *sql.Rows) (*lekradar.AuditEntry, error) {
	e := &lekradar.AuditEntry{}
	if err := rows.Scan(&e.Seq, timestamp{&e.Time}, &e.Actor, &e.Action, &e.ObjectType, &e.ObjectID,
		&e.Detail, &e.PrevHash, &e.Hash); err != nil {
		return nil, fmt.Errorf("scan audit entry: %w", err)
	}
	return e, nil
}

// FindAuditEntries returns matching entries, newest first, and the total
// count; auditors and the system actor only. The search is itself audited.
func (s *Store) FindAuditEntries(ctx context.Context, f lekradar.AuditFilter) ([]*lekradar.AuditEntry, int, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !lekradar.CanReadAudit(u) {
		return nil, 0, forbidden(u, "read the audit trail")
	}
	var a args
	var where []string
	if f.Actor != nil {
		where = append(where, "actor = "+a.add(*f.Actor))
	}
	if f.Action != nil {
		where = append(where, "action = "+a.add(*f.Action))
	}
	if f.ObjectType != nil {
		where = append(where, "object_type = "+a.add(*f.ObjectType))
	}
	if f.ObjectID != nil {
		where = append(where, "object_id = "+a.add(*f.ObjectID))
	}
	if f.Since != nil {
		where = append(where, "at >= "+a.add(f.Since.UTC()))
	}
	if f.Until != nil {
		where = append(where, "at < "+a.add(f.Until.UTC()))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	entries := []*lekradar.AuditEntry{}
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_entry`+cond, a...).Scan(&total); err != nil {
			return fmt.Errorf("count audit entries: %w", err)
		}
		if total > 0 && f.Offset < total {
			qa := append(args{}, a...)
			rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_entry`+cond+
				` ORDER BY seq DESC`+s.limitClause(&qa, f.Offset, f.Limit), qa...)
			if err != nil {
				return fmt.Errorf("find audit entries: %w", err)
			}
			defer rows.Close()
			for rows.Next() {
				e, err := scanAuditEntry(rows)
				if err != nil {
					return err
				}
				entries = append(entries, e)
			}
			if err := rows.Err(); err != nil {
				return fmt.Errorf("find audit entries: %w", err)
			}
			rows.Close()
		}
		var since, until string
		if f.Since != nil {
			since = f.Since.UTC().Format(time.RFC3339)
		}
		if f.Until != nil {
			until = f.Until.UTC().Format(time.RFC3339)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectAudit, "",
			detailOf("actor", ptrString(f.Actor), "action", ptrString(f.Action), "object_type", ptrString(f.ObjectType),
				"object_id", ptrString(f.ObjectID), "since", since, "until", until,
				"offset", strconv.Itoa(f.Offset), "limit", strconv.Itoa(f.Limit), "results", strconv.Itoa(len(entries)))})
	})
	if err != nil {
		return nil, 0, err
	}
	return entries, total, nil
}

// VerifyAudit recomputes the whole chain in sequence order, one row at a
// time, and returns the first entry whose hash, link or sequence is wrong;
// then it checks the end of the chain against the recorded head. The check
// is audited (after it ran).
func (s *Store) VerifyAudit(ctx context.Context) (*lekradar.AuditProblem, *lekradar.AuditVerification, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !lekradar.CanReadAudit(u) {
		return nil, nil, forbidden(u, "verify the audit trail")
	}
	// Entries are only ever appended, so the entries up to the head read
	// here stay as they are while later appends go on.
	var headSeq int64
	var headHash string
	var headMAC sql.NullString
	if err := s.conn.QueryRowContext(ctx, `SELECT seq, hash, mac FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash, &headMAC); err != nil {
		return nil, nil, fmt.Errorf("verify audit: read head: %w", err)
	}
	c := lekradar.NewAuditChecker()
	var problem *lekradar.AuditProblem
	rows, err := s.conn.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_entry WHERE seq <= $1 ORDER BY seq`, headSeq)
	if err != nil {
		return nil, nil, fmt.Errorf("verify audit: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("verify audit: %w", err)
		}
		if problem = c.Check(e); problem != nil {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("verify audit: %w", err)
	}
	rows.Close()
	if problem == nil {
		problem = c.Finish(headSeq, headHash)
	}
	if problem == nil && s.auditSeal != nil && headSeq > 0 {
		want, _ := s.headMAC(headSeq, headHash).(string)
		switch {
		case !headMAC.Valid:
			problem = &lekradar.AuditProblem{Seq: headSeq, Kind: "seal",
				Reason: "the head is not sealed: the newest entries were written without the registry's key, or the seal was removed"}
		case !hmac.Equal([]byte(headMAC.String), []byte(want)):
			problem = &lekradar.AuditProblem{Seq: headSeq, Kind: "seal",
				Reason: "the head's seal does not match: the trail was rewritten (its hashes recomputed) by someone without the registry's key, or the key is another"}
		}
	}
	if problem == nil {
		// Rows above the head that no append made: read head and maximum in
		// one statement, so a concurrent append (which moves both in one
		// transaction) is not taken for one.
		var head2 int64
		var maxSeq sql.NullInt64
		err := s.conn.QueryRowContext(ctx, `SELECT h.seq, (SELECT MAX(seq) FROM audit_entry) FROM audit_head h WHERE h.id = 1`).
			Scan(&head2, &maxSeq)
		if err != nil {
			return nil, nil, fmt.Errorf("verify audit: read head: %w", err)
		}
		if maxSeq.Valid && maxSeq.Int64 > head2 {
			problem = &lekradar.AuditProblem{Seq: head2 + 1, Kind: "head",
				Reason: fmt.Sprintf("entries up to %d exist beyond the recorded head %d: they were added outside the store", maxSeq.Int64, head2)}
		}
	}
	v := &lekradar.AuditVerification{Entries: c.Count(), HeadSeq: headSeq, HeadHash: headHash}
	result := "result=intact entries=" + strconv.FormatInt(v.Entries, 10)
	if problem != nil {
		result = fmt.Sprintf("result=broken seq=%d kind=%s", problem.Seq, problem.Kind)
	}
	err = s.withTx(ctx, func(tx conn) error {
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditVerify, lekradar.ObjectAudit, "", result})
	})
	if err != nil && problem == nil {
		// A broken chain may well refuse appends (forged rows in the way):
		// the problem is the answer then.
		return nil, nil, err
	}
	return problem, v, nil
}
