package sqlstore

import (
	"context"
	"fmt"

	"lekradar"
)

var _ lekradar.DossierMemberService = (*Store)(nil)

// AddDossierMember gives account userID sight of dossier dossierID. The
// acting user must be allowed to manage the dossier's members.
func (s *Store) AddDossierMember(ctx context.Context, dossierID, userID int64) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx conn) error {
		f, err := s.visibleDossierFacts(ctx, tx, u, dossierID)
		if err != nil {
			return err
		}
		if !lekradar.CanManageMembers(u, f) {
			return forbidden(u, "manage the members of dossier "+idString(dossierID))
		}
		member, ok, err := s.userByID(ctx, tx, userID)
		if err != nil {
			return fmt.Errorf("add member to dossier %d: %w", dossierID, err)
		}
		if !ok {
			return notFound("user", userID)
		}
		if member.Disabled {
			return lekradar.Errorf(lekradar.EINVALID, "account %s is disabled", member.Username)
		}
		if lekradar.IsSuspectIn(member, f) {
			return lekradar.Errorf(lekradar.EINVALID, "account %s is named as suspect in dossier %d and can never see it", member.Username, dossierID)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO dossier_member (dossier_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4)`,
			dossierID, userID, u.Username, s.now())
		if s.isConstraint(err, UniqueViolation) {
			return lekradar.Errorf(lekradar.ECONFLICT, "account %s is already a member of dossier %d", member.Username, dossierID)
		}
		if err != nil {
			return fmt.Errorf("add member to dossier %d: %w", dossierID, err)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditAddMember, lekradar.ObjectDossier,
			idString(dossierID), "user=" + idString(userID)})
	})
}

// RemoveDossierMember takes a member off a dossier; ENOTFOUND when the
// account is not a member.
func (s *Store) RemoveDossierMember(ctx context.Context, dossierID, userID int64) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx conn) error {
		f, err := s.visibleDossierFacts(ctx, tx, u, dossierID)
		if err != nil {
			return err
		}
		if !lekradar.CanManageMembers(u, f) {
			return forbidden(u, "manage the members of dossier "+idString(dossierID))
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM dossier_member WHERE dossier_id = $1 AND user_id = $2`, dossierID, userID)
		if err != nil {
			return fmt.Errorf("remove member from dossier %d: %w", dossierID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return notFound("member", userID)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditRemoveMember, lekradar.ObjectDossier,
			idString(dossierID), "user=" + idString(userID)})
	})
}

// FindDossierMembers lists the members of a dossier the acting user can
// see, ordered by username.
func (s *Store) FindDossierMembers(ctx context.Context, dossierID int64) ([]*lekradar.DossierMember, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	members := []*lekradar.DossierMember{}
	err = s.withTx(ctx, func(tx conn) error {
		if _, err := s.visibleDossierFacts(ctx, tx, u, dossierID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT m.dossier_id, m.user_id, u.username, u.role, m.added_by, m.added_at
			FROM dossier_member m JOIN app_user u ON u.id = m.user_id WHERE m.dossier_id = $1 ORDER BY u.username`, dossierID)
		if err != nil {
			return fmt.Errorf("find members of dossier %d: %w", dossierID, err)
		}
		defer rows.Close()
		for rows.Next() {
			m := &lekradar.DossierMember{}
			if err := rows.Scan(&m.DossierID, &m.UserID, &m.Username, &m.Role, &m.AddedBy, timestamp{&m.AddedAt}); err != nil {
				return fmt.Errorf("find members of dossier %d: %w", dossierID, err)
			}
			members = append(members, m)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find members of dossier %d: %w", dossierID, err)
		}
		rows.Close()
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectDossier,
			idString(dossierID), "members results=" + fmt.Sprint(len(members))})
	})
	if err != nil {
		return nil, err
	}
	return members, nil
}
