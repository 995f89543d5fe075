package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"lekradar"
)

var _ lekradar.UserService = (*Store)(nil)

const userColumns = `u.id, u.username, u.role, u.department, u.employee_ref, u.password_hash, u.totp_secret,
	u.disabled, u.created_at, u.updated_at`

func (s *Store) scanUser(sc interface{ Scan(...any) error }) (*lekradar.User, error) {
	u := &lekradar.User{}
	if err := sc.Scan(&u.ID, &u.Username, &u.Role, &u.Department, &u.EmployeeRef, &u.PasswordHash, &u.TOTPSecret,
		&u.Disabled, timestamp{&u.CreatedAt}, timestamp{&u.UpdatedAt}); err != nil {
		return nil, fmt.Errorf("scan user: %w", err)
	}
	var err error
	if u.TOTPSecret, err = s.openTOTP(u.TOTPSecret); err != nil {
		return nil, fmt.Errorf("user %s: %w", u.Username, err)
	}
	return u, nil
}

// userByID reads one account inside q; ok is false when there is none.
func (s *Store) userByID(ctx context.Context, q conn, id int64) (*lekradar.User, bool, error) {
	u, err := s.scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM app_user u WHERE u.id = $1`, id))
	if isNoRows(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return u, true, nil
}

// FindUserByID returns one account (credentials included: the caller is an
// admin or the system); ENOTFOUND when there is none.
func (s *Store) FindUserByID(ctx context.Context, id int64) (*lekradar.User, error) {
	users, _, err := s.findUsersAudited(ctx, lekradar.UserFilter{ID: &id, Limit: 1}, true)
	if err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, notFound("user", id)
	}
	return users[0], nil
}

// FindUserByUsername returns one account; ENOTFOUND when there is none.
func (s *Store) FindUserByUsername(ctx context.Context, username string) (*lekradar.User, error) {
	users, _, err := s.findUsersAudited(ctx, lekradar.UserFilter{Username: &username, Limit: 1}, true)
	if err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, notFound("user", username)
	}
	return users[0], nil
}

// FindUsers lists accounts ordered by username.
func (s *Store) FindUsers(ctx context.Context, f lekradar.UserFilter) ([]*lekradar.User, int, error) {
	return s.findUsersAudited(ctx, f, false)
}

// findUsersAudited finds accounts and audits it: as the read of one account
// when one is set (a lookup by id or username), else as a search.
func (s *Store) findUsersAudited(ctx context.Context, f lekradar.UserFilter, one bool) ([]*lekradar.User, int, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !lekradar.CanManageUsers(u) {
		return nil, 0, forbidden(u, "manage accounts")
	}
	var a args
	var where []string
	if f.ID != nil {
		where = append(where, "u.id = "+a.add(*f.ID))
	}
	if f.Username != nil {
		where = append(where, "u.username = "+a.add(*f.Username))
	}
	if f.Role != nil {
		where = append(where, "u.role = "+a.add(*f.Role))
	}
	if f.Disabled != nil {
		where = append(where, "u.disabled = "+a.add(*f.Disabled))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	users := []*lekradar.User{}
	var total int
	err = s.withTx(ctx, func(tx conn) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM app_user u`+cond, a...).Scan(&total); err != nil {
			return fmt.Errorf("count users: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+userColumns+` FROM app_user u`+cond+` ORDER BY u.username`+
			s.limitClause(&a, f.Offset, f.Limit), a...)
		if err != nil {
			return fmt.Errorf("find users: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			usr, err := s.scanUser(rows)
			if err != nil {
				return err
			}
			users = append(users, usr)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find users: %w", err)
		}
		rows.Close()
		rec := auditRecord{lekradar.AuditSearch, lekradar.ObjectUser, "",
			detailOf("role", ptrString(f.Role), "disabled", ptrString(f.Disabled), "results", fmt.Sprint(len(users)))}
		if one {
			rec.action = lekradar.AuditRead
			switch {
			case len(users) == 1:
				rec.objectID, rec.detail = idString(users[0].ID), ""
			case f.ID != nil:
				rec.objectID, rec.detail = idString(*f.ID), "result=not_found"
			default:
				rec.detail = "result=not_found"
			}
		}
		return s.appendAudit(ctx, tx, u.Username, rec)
	})
	if err != nil {
		return nil, 0, err
	}
	return users, total, nil
}

// CreateUser stores a new account (admins and the system actor only).
func (s *Store) CreateUser(ctx context.Context, nu *lekradar.User) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !lekradar.CanManageUsers(u) {
		return forbidden(u, "manage accounts")
	}
	if err := nu.Validate(s.cb); err != nil {
		return err
	}
	totp, err := s.sealTOTP(nu.TOTPSecret)
	if err != nil {
		return fmt.Errorf("create user %s: %w", nu.Username, err)
	}
	now := s.now()
	var id int64
	err = s.withTx(ctx, func(tx conn) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO app_user (username, role, department, employee_ref, password_hash,
			totp_secret, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			nu.Username, nu.Role, nu.Department, nu.EmployeeRef, nu.PasswordHash, totp, nu.Disabled, now, now).Scan(&id)
		if s.isConstraint(err, UniqueViolation) {
			return lekradar.Errorf(lekradar.ECONFLICT, "username %s is already taken", nu.Username)
		}
		if err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditCreate, lekradar.ObjectUser, idString(id),
			detailOf("role", nu.Role, "department", nu.Department, "disabled", fmt.Sprint(nu.Disabled))})
	})
	if err != nil {
		return err
	}
	nu.ID, nu.CreatedAt, nu.UpdatedAt = id, now, now
	return nil
}

// UpdateUser applies upd to an account (admins and the system actor only).
// A change of password, second factor, role, department or employee id, and
// disabling, end the account's sessions: its rights changed.
func (s *Store) UpdateUser(ctx context.Context, id int64, upd lekradar.UserUpdate) (*lekradar.User, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !lekradar.CanManageUsers(u) {
		return nil, forbidden(u, "manage accounts")
	}
	var out *lekradar.User
	err = s.withTx(ctx, func(tx conn) error {
		cur, ok, err := s.userByID(ctx, tx, id)
		if err != nil {
			return fmt.Errorf("update user %d: %w", id, err)
		}
		if !ok {
			return notFound("user", id)
		}
		var changed []string
		set := func(name string, dst *string, v *string) {
			if v != nil && *v != *dst {
				*dst = *v
				changed = append(changed, name)
			}
		}
		set("role", &cur.Role, upd.Role)
		set("department", &cur.Department, upd.Department)
		set("employee_ref", &cur.EmployeeRef, upd.EmployeeRef)
		set("password", &cur.PasswordHash, upd.PasswordHash)
		set("totp", &cur.TOTPSecret, upd.TOTPSecret)
		if upd.Disabled != nil && *upd.Disabled != cur.Disabled {
			cur.Disabled = *upd.Disabled
			changed = append(changed, "disabled")
		}
		if err := cur.Validate(s.cb); err != nil {
			return err
		}
		out = cur
		if len(changed) == 0 {
			return nil
		}
		cur.UpdatedAt = s.now()
		totp, err := s.sealTOTP(cur.TOTPSecret)
		if err != nil {
			return fmt.Errorf("update user %d: %w", id, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE app_user SET role = $1, department = $2, employee_ref = $3,
			password_hash = $4, totp_secret = $5, disabled = $6, updated_at = $7 WHERE id = $8`,
			cur.Role, cur.Department, cur.EmployeeRef, cur.PasswordHash, totp, cur.Disabled, cur.UpdatedAt, id)
		if err != nil {
			return fmt.Errorf("update user %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM user_session WHERE user_id = $1`, id); err != nil {
			return fmt.Errorf("update user %d: end sessions: %w", id, err)
		}
		// The detail names what changed, with values only for the
		// non-secret coded fields.
		role := ""
		if slices.Contains(changed, "role") {
			role = cur.Role
		}
		disabled := ""
		if slices.Contains(changed, "disabled") {
			disabled = fmt.Sprint(cur.Disabled)
		}
		detail := "changed=" + strings.Join(changed, ",") + " " + detailOf("role", role, "disabled", disabled)
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditUpdate, lekradar.ObjectUser, idString(id), strings.TrimSpace(detail)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
