package sqlstore

import (
	"context"
	"fmt"

	"lekradar"
)

// The need-to-know rules of lekradar/access.go, as SQL for lists and as
// fact loading for single-dossier checks.

// visibleDossierCond returns a condition on the dossier row aliased d that
// holds for exactly the dossiers u may see (lekradar.CanSeeDossier), with
// its arguments added to a; "" when u sees everything.
func visibleDossierCond(u *lekradar.User, a *args) string {
	switch {
	case u.IsSystem():
		return ""
	case u.Disabled || u.Role == lekradar.RoleMachine:
		return "1 = 0"
	}
	cond := ""
	if lekradar.IsDepartmentStaff(u.Role) && u.Department != "" {
		cond = "d.department = " + a.add(u.Department) + " OR "
	}
	cond += "EXISTS (SELECT 1 FROM dossier_member m WHERE m.dossier_id = d.id AND m.user_id = " + a.add(u.ID) + ")"
	cond = "(" + cond + ")"
	if u.EmployeeRef != "" {
		cond += " AND NOT EXISTS (SELECT 1 FROM suspect sx WHERE sx.dossier_id = d.id AND sx.employee_ref = " + a.add(u.EmployeeRef) + ")"
	}
	return cond
}

// dossierFacts loads what the rules need about dossier id for user u; ok is
// false when there is no such dossier.
func (s *Store) dossierFacts(ctx context.Context, q conn, u *lekradar.User, id int64) (f lekradar.DossierAccessFacts, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT department FROM dossier WHERE id = $1`, id).Scan(&f.Department)
	if isNoRows(err) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("check access to dossier %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT employee_ref FROM suspect WHERE dossier_id = $1 AND employee_ref <> ''`, id)
	if err != nil {
		return f, false, fmt.Errorf("check access to dossier %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref string
		if err := rows.Scan(&ref); err != nil {
			return f, false, fmt.Errorf("check access to dossier %d: %w", id, err)
		}
		f.SuspectEmployeeRefs = append(f.SuspectEmployeeRefs, ref)
	}
	if err := rows.Err(); err != nil {
		return f, false, fmt.Errorf("check access to dossier %d: %w", id, err)
	}
	rows.Close()
	if u.ID != 0 {
		var n int
		err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier_member WHERE dossier_id = $1 AND user_id = $2`, id, u.ID).Scan(&n)
		if err != nil {
			return f, false, fmt.Errorf("check access to dossier %d: %w", id, err)
		}
		f.Member = n > 0
	}
	return f, true, nil
}

// visibleDossierFacts loads the facts of a dossier u may see; a dossier that
// does not exist and one u may not see are the same ENOTFOUND.
func (s *Store) visibleDossierFacts(ctx context.Context, q conn, u *lekradar.User, id int64) (lekradar.DossierAccessFacts, error) {
	f, ok, err := s.dossierFacts(ctx, q, u, id)
	if err != nil {
		return f, err
	}
	if !ok || !lekradar.CanSeeDossier(u, f) {
		return f, notFound("dossier", id)
	}
	return f, nil
}

// canReadReporterIdentities reports whether u reads the reporter identities
// of the dossiers it can see.
func (s *Store) canReadReporterIdentities(u *lekradar.User) bool {
	return u.IsSystem() || (s.Policy.ReporterIdentityRole != "" && u.Role == s.Policy.ReporterIdentityRole)
}

// forbidden is the error for an action the user's role does not allow.
func forbidden(u *lekradar.User, action string) error {
	return lekradar.Errorf(lekradar.EFORBIDDEN, "%s (role %s) may not %s", u.Username, u.Role, action)
}
