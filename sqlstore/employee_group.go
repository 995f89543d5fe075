package sqlstore

import (
	"context"
	"fmt"

	"lekradar"
	"lekradar/analysis"
)

// ObjectEmployeeGroup is the audit object type of the restricted employee
// group attributes (employee_groups.csv).
const ObjectEmployeeGroup = "employee_group"

// EmployeeGroup is the group attributes of one employee: codes of the
// codebook's restricted fields, "" when unknown. Restricted context, used
// only for the aggregate detection fairness monitor.
type EmployeeGroup struct {
	EmployeeID    string
	SurnameOrigin string
	Gender        string
	AgeBand       string
	TenureBand    string
}

// groupColumns are the employee_group columns of the group attributes, by
// codebook field; the aggregate query takes its column names only from here.
var groupColumns = []struct{ field, column string }{
	{lekradar.FieldSurnameOrigin, "surname_origin"},
	{lekradar.FieldGender, "gender"},
	{lekradar.FieldAgeBand, "age_band"},
	{lekradar.FieldTenureBand, "tenure_band"},
}

// ReplaceEmployeeGroups replaces all stored employee groups by gs. Only the
// system actor (the command line) may; the replacement is audited with its
// size, never with an employee id.
func (s *Store) ReplaceEmployeeGroups(ctx context.Context, gs []EmployeeGroup) error {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return err
	}
	if !u.IsSystem() {
		return forbidden(u, "replace employee groups")
	}
	if err := s.validateEmployeeGroups(gs); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx conn) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM employee_group`); err != nil {
			return fmt.Errorf("replace employee groups: %w", err)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO employee_group (employee_id, surname_origin, gender, age_band, tenure_band) VALUES ($1, $2, $3, $4, $5)`)
		if err != nil {
			return fmt.Errorf("replace employee groups: %w", err)
		}
		defer stmt.Close()
		for i, g := range gs {
			if _, err := stmt.ExecContext(ctx, g.EmployeeID, g.SurnameOrigin, g.Gender, g.AgeBand, g.TenureBand); err != nil {
				return fmt.Errorf("replace employee groups: row %d: %w", i+1, err)
			}
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditUpdate, ObjectEmployeeGroup, "",
			detailOf("replaced", fmt.Sprint(len(gs)))})
	})
}

func (s *Store) validateEmployeeGroups(gs []EmployeeGroup) error {
	v := &lekradar.ValidationError{}
	seen := map[string]bool{}
	for i, g := range gs {
		path := fmt.Sprintf("employee_groups[%d]", i)
		switch {
		case g.EmployeeID == "":
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".employee_id", Message: "is required"})
		case seen[g.EmployeeID]:
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".employee_id", Message: "comes twice"})
		}
		seen[g.EmployeeID] = true
		for _, c := range []struct{ field, value string }{
			{lekradar.FieldSurnameOrigin, g.SurnameOrigin}, {lekradar.FieldGender, g.Gender},
			{lekradar.FieldAgeBand, g.AgeBand}, {lekradar.FieldTenureBand, g.TenureBand},
		} {
			if c.value != "" && !s.cb.Valid(c.field, c.value) {
				v.Fields = append(v.Fields, lekradar.FieldError{Field: path + "." + c.field, Value: c.value,
					Message: "is not a code of " + c.field, Allowed: s.allowed(c.field)})
			}
		}
	}
	if len(v.Fields) > 0 {
		return v
	}
	return nil
}

// DetectionGroupCounts returns, per group attribute and group, the number
// of employees, of stored alerts about them raised (first look-up) in the
// period, of those triaged (no longer open), and of those closed as
// dismissed or explained: the input of the detection fairness monitor.
// Only counts leave the store. The caller must be allowed to build
// aggregates (CanBuildAggregates); the read is audited as one search of
// employee groups. Zero dates leave the period open.
func (s *Store) DetectionGroupCounts(ctx context.Context, from, to lekradar.Date) (*analysis.DetectionCounts, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !CanBuildAggregates(u) {
		return nil, forbidden(u, "compute aggregate reports")
	}
	out := &analysis.DetectionCounts{Cells: []analysis.DetectionCell{}}
	err = s.withTx(ctx, func(tx conn) error {
		for _, gc := range groupColumns {
			cells := map[string]*analysis.DetectionCell{}
			var order []string
			cell := func(code string) *analysis.DetectionCell {
				c, ok := cells[code]
				if !ok {
					c = &analysis.DetectionCell{Field: gc.field, Code: code}
					cells[code] = c
					order = append(order, code)
				}
				return c
			}
			rows, err := tx.QueryContext(ctx, `SELECT `+gc.column+`, COUNT(*) FROM employee_group GROUP BY `+gc.column+` ORDER BY `+gc.column)
			if err != nil {
				return fmt.Errorf("count employees by %s: %w", gc.field, err)
			}
			for rows.Next() {
				var code string
				var n int
				if err := rows.Scan(&code, &n); err != nil {
					rows.Close()
					return fmt.Errorf("count employees by %s: %w", gc.field, err)
				}
				cell(code).Employees = n
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if err := rows.Err(); err != nil {
				return fmt.Errorf("count employees by %s: %w", gc.field, err)
			}

			var a args
			var where []string
			if !from.IsZero() {
				where = append(where, "al.first_ts >= "+a.add(from.Time()))
			}
			if !to.IsZero() {
				where = append(where, "al.first_ts < "+a.add(to.AddDays(1).Time()))
			}
			cond := ""
			for i, w := range where {
				if i == 0 {
					cond = " WHERE " + w
				} else {
					cond += " AND " + w
				}
			}
			rows, err = tx.QueryContext(ctx, `SELECT g.`+gc.column+`, al.status, COUNT(*) FROM alert al
				JOIN employee_group g ON g.employee_id = al.employee_id`+cond+`
				GROUP BY g.`+gc.column+`, al.status ORDER BY g.`+gc.column+`, al.status`, a...)
			if err != nil {
				return fmt.Errorf("count alerts by %s: %w", gc.field, err)
			}
			for rows.Next() {
				var code, status string
				var n int
				if err := rows.Scan(&code, &status, &n); err != nil {
					rows.Close()
					return fmt.Errorf("count alerts by %s: %w", gc.field, err)
				}
				c := cell(code)
				c.Alerts += n
				if status != lekradar.AlertOpen {
					c.Triaged += n
				}
				if status == lekradar.AlertDismissed || status == lekradar.AlertExplained {
					c.DismissedOrExplained += n
				}
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if err := rows.Err(); err != nil {
				return fmt.Errorf("count alerts by %s: %w", gc.field, err)
			}
			for _, code := range order {
				out.Cells = append(out.Cells, *cells[code])
			}
		}
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, ObjectEmployeeGroup, "",
			detailOf("purpose", auditPurposeAnalysis, "from", dateDetail(from), "to", dateDetail(to))})
	})
	if err != nil {
		return nil, fmt.Errorf("detection group counts: %w", err)
	}
	return out, nil
}

func dateDetail(d lekradar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
