package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"lekradar"
)

// FindDossierByID returns the dossier with the given id, or ENOTFOUND, also
// when the acting user may not see it. The read is audited either way.
func (s *Store) FindDossierByID(ctx context.Context, id int64) (*lekradar.Dossier, error) {
	return s.findOneDossier(ctx, lekradar.DossierFilter{ID: &id, Limit: 1}, id)
}

// FindDossierByRegNo returns the dossier with the given registration number,
// or ENOTFOUND, also when the acting user may not see it.
func (s *Store) FindDossierByRegNo(ctx context.Context, regNo string) (*lekradar.Dossier, error) {
	return s.findOneDossier(ctx, lekradar.DossierFilter{RegNo: &regNo, Limit: 1}, regNo)
}

// findOneDossier reads one dossier and audits the read: of the dossier's id
// when it was found, else of the key asked for, with the outcome.
func (s *Store) findOneDossier(ctx context.Context, f lekradar.DossierFilter, key any) (*lekradar.Dossier, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	var d *lekradar.Dossier
	err = s.withTx(ctx, func(tx conn) error {
		ds, _, err := s.findDossiers(ctx, tx, u, f)
		if err != nil {
			return err
		}
		rec := auditRecord{lekradar.AuditRead, lekradar.ObjectDossier, "", ""}
		switch {
		case len(ds) == 1:
			d = ds[0]
			rec.objectID = idString(d.ID)
		case f.ID != nil:
			rec.objectID, rec.detail = idString(*f.ID), "result=not_found"
		default:
			rec.detail = detailOf("reg_no", ptrString(f.RegNo), "result", "not_found")
		}
		return s.appendAudit(ctx, tx, u.Username, append([]auditRecord{rec}, reporterReads(ds)...)...)
	})
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, notFound("dossier", key)
	}
	return d, nil
}

// reporterReads returns the audit records of the reporter identities that
// ds carry: reading one is an action of its own.
func reporterReads(ds []*lekradar.Dossier) []auditRecord {
	var recs []auditRecord
	for _, d := range ds {
		for _, r := range d.Reports {
			if r.ReporterRef != "" {
				recs = append(recs, auditRecord{lekradar.AuditReadReporterIdentity, lekradar.ObjectReport,
					idString(r.ID), "dossier=" + idString(d.ID)})
			}
		}
	}
	return recs
}

// dossierFilterDetail describes a search for the audit trail: the filters,
// which hold no personal data, and the number of results.
func dossierFilterDetail(f lekradar.DossierFilter, results int) string {
	return detailOf("id", ptrString(f.ID), "reg_no", ptrString(f.RegNo), "department", ptrString(f.Department),
		"year", ptrString(f.Year), "phase", ptrString(f.Phase), "outcome", ptrString(f.Outcome),
		"offset", fmt.Sprint(f.Offset), "limit", fmt.Sprint(f.Limit), "results", fmt.Sprint(results))
}

const dossierColumns = `d.id, d.reg_no, d.department, d.allegation, d.summary,
	d.suspicion_outcome, d.disciplinary_measure, d.criminal_outcome,
	d.context_use, d.context_recipient, d.context_initiative,
	d.context_benefit_to_crime, d.context_motive, d.created_at, d.updated_at`

// FindDossiers returns the matching dossiers that the acting user may see,
// ordered by registration number, with all their parts, and the total count
// of those. The search is audited with its filters, and every reporter
// identity returned with an entry of its own.
func (s *Store) FindDossiers(ctx context.Context, f lekradar.DossierFilter) ([]*lekradar.Dossier, int, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	var ds []*lekradar.Dossier
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		var err error
		if ds, total, err = s.findDossiers(ctx, tx, u, f); err != nil {
			return err
		}
		rec := auditRecord{lekradar.AuditSearch, lekradar.ObjectDossier, "", dossierFilterDetail(f, len(ds))}
		return s.appendAudit(ctx, tx, u.Username, append([]auditRecord{rec}, reporterReads(ds)...)...)
	})
	if err != nil {
		return nil, 0, err
	}
	return ds, total, nil
}

// findDossiers is FindDossiers inside a transaction, without the audit.
// Dossiers u may not see are left out as if they did not exist; reporter
// identities are loaded only for a user who may read them.
func (s *Store) findDossiers(ctx context.Context, q conn, u *lekradar.User, f lekradar.DossierFilter) ([]*lekradar.Dossier, int, error) {
	var a args
	var where []string
	if f.ID != nil {
		where = append(where, "d.id = "+a.add(*f.ID))
	}
	if f.RegNo != nil {
		where = append(where, "d.reg_no = "+a.add(*f.RegNo))
	}
	if f.Department != nil {
		where = append(where, "d.department = "+a.add(*f.Department))
	}
	if f.Year != nil {
		where = append(where, "d.opened_year = "+a.add(int64(*f.Year)))
	}
	if f.Phase != nil {
		where = append(where, "d.current_phase = "+a.add(*f.Phase))
	}
	if f.Outcome != nil {
		where = append(where, "d.suspicion_outcome = "+a.add(*f.Outcome))
	}
	if vis := visibleDossierCond(u, &a); vis != "" {
		where = append(where, vis)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}

	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier d`+cond, a...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count dossiers: %w", err)
	}
	if total == 0 || (f.Offset >= total) {
		return []*lekradar.Dossier{}, total, nil
	}

	query := `SELECT ` + dossierColumns + ` FROM dossier d` + cond + ` ORDER BY d.reg_no` + s.limitClause(&a, f.Offset, f.Limit)
	rows, err := q.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, 0, fmt.Errorf("find dossiers: %w", err)
	}
	defer rows.Close()
	ds := []*lekradar.Dossier{}
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, 0, err
		}
		ds = append(ds, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find dossiers: %w", err)
	}
	if err := rows.Close(); err != nil {
		return nil, 0, fmt.Errorf("find dossiers: %w", err)
	}
	withReporters := !f.OmitReporterIdentities && s.canReadReporterIdentities(u)
	if err := s.loadDossierParts(ctx, q, ds, withReporters); err != nil {
		return nil, 0, err
	}
	return ds, total, nil
}

func scanDossier(rows *sql.Rows) (*lekradar.Dossier, error) {
	d := &lekradar.Dossier{
		Phases:   []lekradar.PhaseEntry{},
		Means:    []lekradar.MeansEntry{},
		Reports:  []lekradar.Report{},
		Suspects: []lekradar.Suspect{},
		Items:    []lekradar.LeakedItem{},
	}
	var benefit sql.NullBool
	err := rows.Scan(&d.ID, &d.RegNo, &d.Department, &d.Allegation, &d.Summary,
		&d.SuspicionOutcome, &d.DisciplinaryMeasure, &d.CriminalOutcome,
		&d.Context.Use, &d.Context.Recipient, &d.Context.Initiative,
		&benefit, &d.Context.Motive, timestamp{&d.CreatedAt}, timestamp{&d.UpdatedAt})
	if err != nil {
		return nil, fmt.Errorf("scan dossier: %w", err)
	}
	d.Context.BenefitToCrime = nullBoolPtr(benefit)
	return d, nil
}

// loadDossierParts fills the parts of ds with one query per part table and
// chunk of dossiers, never one per dossier. Reporter identities are read
// only when withReporters is set.
func (s *Store) loadDossierParts(ctx context.Context, q conn, ds []*lekradar.Dossier, withReporters bool) error {
	byID := make(map[int64]*lekradar.Dossier, len(ds))
	ids := make([]int64, len(ds))
	for i, d := range ds {
		byID[d.ID] = d
		ids[i] = d.ID
	}
	return chunked(ids, idChunk, func(ids []int64) error {
		for _, load := range []func(context.Context, conn, []int64, map[int64]*lekradar.Dossier) error{
			s.loadPhases, s.loadMeans, s.loadReports, s.loadSuspects, s.loadItems,
		} {
			if err := load(ctx, q, ids, byID); err != nil {
				return err
			}
		}
		if withReporters {
			return s.loadReporterRefs(ctx, q, ids, byID)
		}
		return nil
	})
}

// queryParts runs a part query over the dossiers in ids and calls scan for
// each row. The query text holds one %s for the id list.
func (s *Store) queryParts(ctx context.Context, q conn, what, query string, ids []int64, scan func(*sql.Rows) error) error {
	var a args
	rows, err := q.QueryContext(ctx, fmt.Sprintf(query, a.in(ids)), a...)
	if err != nil {
		return fmt.Errorf("load %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load %s: %w", what, err)
	}
	return nil
}

func (s *Store) loadPhases(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	return s.queryParts(ctx, q, "phases",
		`SELECT dossier_id, phase, date FROM dossier_phase WHERE dossier_id IN (%s) ORDER BY dossier_id, position`,
		ids, func(rows *sql.Rows) error {
			var id int64
			var p lekradar.PhaseEntry
			if err := rows.Scan(&id, &p.Phase, nullDate{&p.Date}); err != nil {
				return err
			}
			byID[id].Phases = append(byID[id].Phases, p)
			return nil
		})
}

func (s *Store) loadMeans(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	return s.queryParts(ctx, q, "investigative means",
		`SELECT dossier_id, means, date FROM dossier_means WHERE dossier_id IN (%s) ORDER BY dossier_id, position`,
		ids, func(rows *sql.Rows) error {
			var id int64
			var m lekradar.MeansEntry
			if err := rows.Scan(&id, &m.Means, nullDate{&m.Date}); err != nil {
				return err
			}
			byID[id].Means = append(byID[id].Means, m)
			return nil
		})
}

func (s *Store) loadReports(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	return s.queryParts(ctx, q, "reports",
		`SELECT dossier_id, id, channel, received, summary, alert_id, acknowledged, feedback_sent
		FROM report WHERE dossier_id IN (%s) ORDER BY dossier_id, position`,
		ids, func(rows *sql.Rows) error {
			var id int64
			var r lekradar.Report
			if err := rows.Scan(&id, &r.ID, &r.Channel, nullDate{&r.Received}, &r.Summary, &r.AlertID,
				nullDate{&r.Acknowledged}, nullDate{&r.FeedbackSent}); err != nil {
				return err
			}
			byID[id].Reports = append(byID[id].Reports, r)
			return nil
		})
}

// loadReporterRefs reads the reporter identities on their own, so that
// access to them is restricted and audited in one place.
func (s *Store) loadReporterRefs(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	refs := map[int64]string{}
	err := s.queryParts(ctx, q, "reporter identities",
		`SELECT ri.report_id, ri.reporter_ref FROM reporter_identity ri
		JOIN report r ON r.id = ri.report_id WHERE r.dossier_id IN (%s)`,
		ids, func(rows *sql.Rows) error {
			var reportID int64
			var ref string
			if err := rows.Scan(&reportID, &ref); err != nil {
				return err
			}
			ref, err := s.openIdentity(reportID, ref)
			if err != nil {
				return err
			}
			refs[reportID] = ref
			return nil
		})
	if err != nil || len(refs) == 0 {
		return err
	}
	for _, id := range ids {
		reports := byID[id].Reports
		for i := range reports {
			reports[i].ReporterRef = refs[reports[i].ID]
		}
	}
	return nil
}

func (s *Store) loadSuspects(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	return s.queryParts(ctx, q, "suspects",
		`SELECT dossier_id, id, identified, employee_ref, rank, unit, team_kind, executive,
			surname_origin, gender, age_band, tenure_band
		FROM suspect WHERE dossier_id IN (%s) ORDER BY dossier_id, position`,
		ids, func(rows *sql.Rows) error {
			var id int64
			var p lekradar.Suspect
			var executive sql.NullBool
			if err := rows.Scan(&id, &p.ID, &p.Identified, &p.EmployeeRef, &p.Rank, &p.Unit, &p.TeamKind, &executive,
				&p.SurnameOrigin, &p.Gender, &p.AgeBand, &p.TenureBand); err != nil {
				return err
			}
			p.Executive = nullBoolPtr(executive)
			byID[id].Suspects = append(byID[id].Suspects, p)
			return nil
		})
}

func (s *Store) loadItems(ctx context.Context, q conn, ids []int64, byID map[int64]*lekradar.Dossier) error {
	return s.queryParts(ctx, q, "leaked items",
		`SELECT dossier_id, id, source_system, info_type, ongoing_investigation, harm, description
		FROM leaked_item WHERE dossier_id IN (%s) ORDER BY dossier_id, position`,
		ids, func(rows *sql.Rows) error {
			var id int64
			var it lekradar.LeakedItem
			var ongoing sql.NullBool
			if err := rows.Scan(&id, &it.ID, &it.SourceSystem, &it.InfoType, &ongoing, &it.Harm, &it.Description); err != nil {
				return err
			}
			it.OngoingInvestigation = nullBoolPtr(ongoing)
			byID[id].Items = append(byID[id].Items, it)
			return nil
		})
}

// DeleteDossier removes a dossier; its parts and links go with it. Only an
// investigator of its own department (or the system actor) may.
func (s *Store) DeleteDossier(ctx context.Context, id int64) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx conn) error {
		f, err := s.visibleDossierFacts(ctx, tx, u, id)
		if err != nil {
			return err
		}
		if !lekradar.CanDeleteDossier(u, f) {
			return forbidden(u, "delete dossier "+idString(id))
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM dossier WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("delete dossier %d: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("delete dossier %d: %w", id, err)
		}
		if n == 0 {
			return notFound("dossier", id)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditDelete, lekradar.ObjectDossier, idString(id), ""})
	})
}
