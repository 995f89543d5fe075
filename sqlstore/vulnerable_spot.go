package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"lekradar"
)

// FindVulnerableSpotByID returns one register entry, or ENOTFOUND. The
// read is audited.
func (s *Store) FindVulnerableSpotByID(ctx context.Context, id int64) (*lekradar.VulnerableSpot, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanReadVulnerableSpots(u) {
		return nil, forbidden(u, "read the register of vulnerable spots")
	}
	var spots []*lekradar.VulnerableSpot
	err = s.withTx(ctx, func(tx conn) error {
		var err error
		if spots, _, err = s.findVulnerableSpots(ctx, tx, u, lekradar.VulnerableSpotFilter{ID: &id, Limit: 1}); err != nil {
			return err
		}
		rec := auditRecord{lekradar.AuditRead, lekradar.ObjectVulnerableSpot, idString(id), ""}
		if len(spots) == 0 {
			rec.detail = "result=not_found"
		}
		return s.appendAudit(ctx, tx, u.Username, rec)
	})
	if err != nil {
		return nil, err
	}
	if len(spots) == 0 {
		return nil, notFound("vulnerable spot", id)
	}
	return spots[0], nil
}

// FindVulnerableSpots returns the matching entries in order of creation and
// the total count of matches. Links to dossiers the acting user may not see
// are left out (and filtering by such a dossier finds nothing), so that the
// register does not tell which dossiers exist. The search is audited.
func (s *Store) FindVulnerableSpots(ctx context.Context, f lekradar.VulnerableSpotFilter) ([]*lekradar.VulnerableSpot, int, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !lekradar.CanReadVulnerableSpots(u) {
		return nil, 0, forbidden(u, "read the register of vulnerable spots")
	}
	var spots []*lekradar.VulnerableSpot
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		var err error
		if spots, total, err = s.findVulnerableSpots(ctx, tx, u, f); err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectVulnerableSpot, "",
			detailOf("id", ptrString(f.ID), "area", ptrString(f.Area), "unit", ptrString(f.Unit), "status", ptrString(f.Status),
				"dossier", ptrString(f.DossierID), "offset", fmt.Sprint(f.Offset), "limit", fmt.Sprint(f.Limit),
				"results", fmt.Sprint(len(spots)))})
	})
	if err != nil {
		return nil, 0, err
	}
	return spots, total, nil
}

func (s *Store) findVulnerableSpots(ctx context.Context, q conn, u *lekradar.User, f lekradar.VulnerableSpotFilter) ([]*lekradar.VulnerableSpot, int, error) {
	var a args
	var where []string
	if f.ID != nil {
		where = append(where, "v.id = "+a.add(*f.ID))
	}
	if f.Area != nil {
		where = append(where, "v.area = "+a.add(*f.Area))
	}
	if f.Unit != nil {
		where = append(where, "v.unit = "+a.add(*f.Unit))
	}
	if f.Status != nil {
		where = append(where, "v.status = "+a.add(*f.Status))
	}
	if f.DossierID != nil {
		c := "EXISTS (SELECT 1 FROM vulnerable_spot_dossier l JOIN dossier d ON d.id = l.dossier_id WHERE l.spot_id = v.id AND l.dossier_id = " + a.add(*f.DossierID)
		if vis := visibleDossierCond(u, &a); vis != "" {
			c += " AND " + vis
		}
		where = append(where, c+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM vulnerable_spot v`+cond, a...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count vulnerable spots: %w", err)
	}
	spots := []*lekradar.VulnerableSpot{}
	if total == 0 || f.Offset >= total {
		return spots, total, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT v.id, v.area, v.unit, v.team_kind, v.system, v.description,
		v.measures, v.status, v.identified, v.created_at, v.updated_at
		FROM vulnerable_spot v`+cond+` ORDER BY v.id`+s.limitClause(&a, f.Offset, f.Limit), a...)
	if err != nil {
		return nil, 0, fmt.Errorf("find vulnerable spots: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*lekradar.VulnerableSpot{}
	var ids []int64
	for rows.Next() {
		v := &lekradar.VulnerableSpot{DossierIDs: []int64{}}
		if err := rows.Scan(&v.ID, &v.Area, &v.Unit, &v.TeamKind, &v.System, &v.Description, &v.Measures,
			&v.Status, nullDate{&v.Identified}, timestamp{&v.CreatedAt}, timestamp{&v.UpdatedAt}); err != nil {
			return nil, 0, fmt.Errorf("scan vulnerable spot: %w", err)
		}
		spots = append(spots, v)
		byID[v.ID] = v
		ids = append(ids, v.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find vulnerable spots: %w", err)
	}
	rows.Close()
	err = chunked(ids, idChunk, func(ids []int64) error {
		var a args
		query := `SELECT l.spot_id, l.dossier_id FROM vulnerable_spot_dossier l JOIN dossier d ON d.id = l.dossier_id
			WHERE l.spot_id IN (` + a.in(ids) + `)`
		if vis := visibleDossierCond(u, &a); vis != "" {
			query += " AND " + vis
		}
		rows, err := q.QueryContext(ctx, query+` ORDER BY l.spot_id, l.position`, a...)
		if err != nil {
			return fmt.Errorf("load vulnerable spot links: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var spotID, dossierID int64
			if err := rows.Scan(&spotID, &dossierID); err != nil {
				return fmt.Errorf("load vulnerable spot links: %w", err)
			}
			byID[spotID].DossierIDs = append(byID[spotID].DossierIDs, dossierID)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, err
	}
	return spots, total, nil
}

// CreateVulnerableSpot stores a new entry with its dossier links; linking a
// dossier the acting user may not see is refused as if it did not exist.
func (s *Store) CreateVulnerableSpot(ctx context.Context, v *lekradar.VulnerableSpot) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanWriteVulnerableSpots(u) {
		return forbidden(u, "change the register of vulnerable spots")
	}
	if err := v.Validate(s.cb); err != nil {
		return err
	}
	now := s.now()
	var id int64
	err = s.withTx(ctx, func(tx conn) error {
		if err := checkLinkedDossiers(ctx, tx, u, v.DossierIDs); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO vulnerable_spot (area, unit, team_kind, system, description,
			measures, status, identified, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			v.Area, v.Unit, v.TeamKind, v.System, v.Description, v.Measures, v.Status,
			dateArg(v.Identified), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert vulnerable spot: %w", err)
		}
		if err := s.insertSpotLinks(ctx, tx, id, v.DossierIDs); err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditCreate, lekradar.ObjectVulnerableSpot, idString(id), ""})
	})
	if err != nil {
		return err
	}
	v.ID, v.CreatedAt, v.UpdatedAt = id, now, now
	if v.DossierIDs == nil {
		v.DossierIDs = []int64{}
	}
	return nil
}

// UpdateVulnerableSpot replaces the entry with v.ID, links included. Links
// to dossiers the acting user may not see stay as they are: the user was
// never shown them.
func (s *Store) UpdateVulnerableSpot(ctx context.Context, v *lekradar.VulnerableSpot) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanWriteVulnerableSpots(u) {
		return forbidden(u, "change the register of vulnerable spots")
	}
	if err := v.Validate(s.cb); err != nil {
		return err
	}
	now := s.now()
	var created time.Time
	err = s.withTx(ctx, func(tx conn) error {
		err := tx.QueryRowContext(ctx, `SELECT created_at FROM vulnerable_spot WHERE id = $1`, v.ID).Scan(timestamp{&created})
		if isNoRows(err) {
			return notFound("vulnerable spot", v.ID)
		}
		if err != nil {
			return fmt.Errorf("update vulnerable spot %d: %w", v.ID, err)
		}
		if err := checkLinkedDossiers(ctx, tx, u, v.DossierIDs); err != nil {
			return err
		}
		hidden, err := hiddenSpotLinks(ctx, tx, u, v.ID, v.DossierIDs)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE vulnerable_spot SET area = $1, unit = $2, team_kind = $3, system = $4,
			description = $5, measures = $6, status = $7, identified = $8, updated_at = $9 WHERE id = $10`,
			v.Area, v.Unit, v.TeamKind, v.System, v.Description, v.Measures, v.Status, dateArg(v.Identified), now, v.ID)
		if err != nil {
			return fmt.Errorf("update vulnerable spot %d: %w", v.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM vulnerable_spot_dossier WHERE spot_id = $1`, v.ID); err != nil {
			return fmt.Errorf("update vulnerable spot %d: clear links: %w", v.ID, err)
		}
		if err := s.insertSpotLinks(ctx, tx, v.ID, append(slices.Clone(v.DossierIDs), hidden...)); err != nil {
			return err
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditUpdate, lekradar.ObjectVulnerableSpot, idString(v.ID), ""})
	})
	if err != nil {
		return err
	}
	v.CreatedAt, v.UpdatedAt = created, now
	if v.DossierIDs == nil {
		v.DossierIDs = []int64{}
	}
	return nil
}

// DeleteVulnerableSpot removes an entry and its links.
func (s *Store) DeleteVulnerableSpot(ctx context.Context, id int64) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanWriteVulnerableSpots(u) {
		return forbidden(u, "change the register of vulnerable spots")
	}
	return s.withTx(ctx, func(tx conn) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM vulnerable_spot WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("delete vulnerable spot %d: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("delete vulnerable spot %d: %w", id, err)
		}
		if n == 0 {
			return notFound("vulnerable spot", id)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditDelete, lekradar.ObjectVulnerableSpot, idString(id), ""})
	})
}

// hiddenSpotLinks returns the stored links of spot id to dossiers u may not
// see, in their order, leaving out any that keep appears in.
func hiddenSpotLinks(ctx context.Context, tx conn, u *lekradar.User, id int64, keep []int64) ([]int64, error) {
	if u.IsSystem() {
		return nil, nil
	}
	var a args
	query := `SELECT l.dossier_id FROM vulnerable_spot_dossier l JOIN dossier d ON d.id = l.dossier_id
		WHERE l.spot_id = ` + a.add(id) + ` AND NOT (` + visibleDossierCond(u, &a) + `) ORDER BY l.position`
	rows, err := tx.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, fmt.Errorf("update vulnerable spot %d: read links: %w", id, err)
	}
	defer rows.Close()
	var hidden []int64
	for rows.Next() {
		var did int64
		if err := rows.Scan(&did); err != nil {
			return nil, fmt.Errorf("update vulnerable spot %d: read links: %w", id, err)
		}
		if !slices.Contains(keep, did) {
			hidden = append(hidden, did)
		}
	}
	return hidden, rows.Err()
}

// checkLinkedDossiers refuses links to dossiers that do not exist or that u
// may not see (alike), and the same dossier twice, naming each offending
// position.
func checkLinkedDossiers(ctx context.Context, tx conn, u *lekradar.User, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	exists := map[int64]bool{}
	err := chunked(ids, idChunk, func(ids []int64) error {
		var a args
		query := `SELECT d.id FROM dossier d WHERE d.id IN (` + a.in(ids) + `)`
		if vis := visibleDossierCond(u, &a); vis != "" {
			query += " AND " + vis
		}
		rows, err := tx.QueryContext(ctx, query, a...)
		if err != nil {
			return fmt.Errorf("check linked dossiers: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("check linked dossiers: %w", err)
			}
			exists[id] = true
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	v := &lekradar.ValidationError{}
	seen := map[int64]bool{}
	for i, id := range ids {
		field := fmt.Sprintf("dossier_ids[%d]", i)
		switch {
		case !exists[id]:
			v.Fields = append(v.Fields, lekradar.FieldError{Field: field, Value: fmt.Sprint(id), Message: "is not the id of a stored dossier"})
		case seen[id]:
			v.Fields = append(v.Fields, lekradar.FieldError{Field: field, Value: fmt.Sprint(id), Message: "links the same dossier twice"})
		}
		seen[id] = true
	}
	if len(v.Fields) > 0 {
		return v
	}
	return nil
}

func (s *Store) insertSpotLinks(ctx context.Context, tx conn, spotID int64, dossierIDs []int64) error {
	if len(dossierIDs) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO vulnerable_spot_dossier (spot_id, dossier_id, position) VALUES ($1, $2, $3)`)
	if err != nil {
		return fmt.Errorf("link vulnerable spot %d: %w", spotID, err)
	}
	defer st.Close()
	for i, id := range dossierIDs {
		if _, err := st.ExecContext(ctx, spotID, id, i); err != nil {
			if s.isConstraint(err, ForeignKeyViolation) {
				// The dossier went away since the check.
				return lekradar.Errorf(lekradar.EINVALID, "field dossier_ids[%d]: value %d: is not the id of a stored dossier", i, id)
			}
			return fmt.Errorf("link vulnerable spot %d to dossier %d: %w", spotID, id, err)
		}
	}
	return nil
}
