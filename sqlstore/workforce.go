package sqlstore

import (
	"context"
	"fmt"
	"math"

	"lekradar"
)

// ReplaceWorkforce swaps the whole workforce in one transaction.
func (s *Store) ReplaceWorkforce(ctx context.Context, w *lekradar.Workforce) error {
	if err := s.validateWorkforce(w); err != nil {
		return err
	}
	err := s.withTx(ctx, func(tx conn) error {
		for _, table := range []string{"workforce_cell", "org_unit"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return fmt.Errorf("replace workforce: clear %s: %w", table, err)
			}
		}
		unitStmt, err := tx.PrepareContext(ctx, `INSERT INTO org_unit (unit, position, fte, headcount) VALUES ($1, $2, $3, $4)`)
		if err != nil {
			return fmt.Errorf("replace workforce: %w", err)
		}
		defer unitStmt.Close()
		for i, u := range w.Units {
			if _, err := unitStmt.ExecContext(ctx, u.Unit, i, u.FTE, u.Headcount); err != nil {
				return fmt.Errorf("replace workforce: unit %d (%s): %w", i, u.Unit, err)
			}
		}
		cellStmt, err := tx.PrepareContext(ctx, `INSERT INTO workforce_cell (unit, rank, team_kind, executive,
			surname_origin, gender, age_band, tenure_band, count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`)
		if err != nil {
			return fmt.Errorf("replace workforce: %w", err)
		}
		defer cellStmt.Close()
		for i, c := range w.Cells {
			if _, err := cellStmt.ExecContext(ctx, c.Unit, c.Rank, c.TeamKind, c.Executive,
				c.SurnameOrigin, c.Gender, c.AgeBand, c.TenureBand, c.Count); err != nil {
				return fmt.Errorf("replace workforce: cell %d: %w", i, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if w.Units == nil {
		w.Units = []lekradar.OrgUnit{}
	}
	if w.Cells == nil {
		w.Cells = []lekradar.WorkforceCell{}
	}
	return nil
}

// FindWorkforce returns the stored workforce, with empty lists when none.
func (s *Store) FindWorkforce(ctx context.Context) (*lekradar.Workforce, error) {
	w := &lekradar.Workforce{Units: []lekradar.OrgUnit{}, Cells: []lekradar.WorkforceCell{}}
	rows, err := s.conn.QueryContext(ctx, `SELECT unit, fte, headcount FROM org_unit ORDER BY position`)
	if err != nil {
		return nil, fmt.Errorf("find workforce units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u lekradar.OrgUnit
		if err := rows.Scan(&u.Unit, &u.FTE, &u.Headcount); err != nil {
			return nil, fmt.Errorf("scan workforce unit: %w", err)
		}
		w.Units = append(w.Units, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find workforce units: %w", err)
	}
	rows.Close()

	rows, err = s.conn.QueryContext(ctx, `SELECT unit, rank, team_kind, executive, surname_origin, gender,
		age_band, tenure_band, count FROM workforce_cell ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("find workforce cells: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c lekradar.WorkforceCell
		if err := rows.Scan(&c.Unit, &c.Rank, &c.TeamKind, &c.Executive, &c.SurnameOrigin, &c.Gender,
			&c.AgeBand, &c.TenureBand, &c.Count); err != nil {
			return nil, fmt.Errorf("scan workforce cell: %w", err)
		}
		w.Cells = append(w.Cells, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find workforce cells: %w", err)
	}
	return w, nil
}

// validateWorkforce checks the coded fields of the workforce (the unit of a
// cell is required, the other attributes may be empty for unknown), the
// counts, and that no unit or cell comes twice, since either would count
// staff double.
func (s *Store) validateWorkforce(w *lekradar.Workforce) error {
	v := &lekradar.ValidationError{}
	check := func(path, field, value string, optional bool) {
		switch {
		case value == "" && optional:
		case value == "":
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path, Message: "is required", Allowed: s.allowed(field)})
		case !s.cb.Valid(field, value):
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path, Value: value, Message: "is not a code of " + field, Allowed: s.allowed(field)})
		}
	}
	units := map[string]bool{}
	for i, u := range w.Units {
		path := fmt.Sprintf("units[%d]", i)
		check(path+".unit", lekradar.FieldUnit, u.Unit, false)
		if units[u.Unit] {
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".unit", Value: u.Unit, Message: "comes twice"})
		}
		units[u.Unit] = true
		if u.FTE < 0 || math.IsNaN(u.FTE) || math.IsInf(u.FTE, 0) {
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".fte", Value: fmt.Sprint(u.FTE), Message: "must be a number of at least 0"})
		}
		if u.Headcount < 0 {
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".headcount", Value: fmt.Sprint(u.Headcount), Message: "must be at least 0"})
		}
	}
	cells := map[lekradar.WorkforceCell]bool{}
	for i, c := range w.Cells {
		path := fmt.Sprintf("cells[%d]", i)
		check(path+".unit", lekradar.FieldUnit, c.Unit, false)
		check(path+".rank", lekradar.FieldRank, c.Rank, true)
		check(path+".team_kind", lekradar.FieldTeamKind, c.TeamKind, true)
		check(path+".surname_origin", lekradar.FieldSurnameOrigin, c.SurnameOrigin, true)
		check(path+".gender", lekradar.FieldGender, c.Gender, true)
		check(path+".age_band", lekradar.FieldAgeBand, c.AgeBand, true)
		check(path+".tenure_band", lekradar.FieldTenureBand, c.TenureBand, true)
		if c.Count < 0 {
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path + ".count", Value: fmt.Sprint(c.Count), Message: "must be at least 0"})
		}
		key := c
		key.Count = 0
		if cells[key] {
			v.Fields = append(v.Fields, lekradar.FieldError{Field: path, Message: "repeats the attributes of an earlier cell"})
		}
		cells[key] = true
	}
	if len(v.Fields) > 0 {
		return v
	}
	return nil
}

func (s *Store) allowed(field string) []string {
	if l := s.cb.Field(field); l != nil {
		return l.Allowed()
	}
	return nil
}
