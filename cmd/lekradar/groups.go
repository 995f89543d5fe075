package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/sqlstore"
)

func newGroupsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "groups",
		Short: "Manage the restricted group attributes of employees (employee_groups.csv)",
	}
	cmd.AddCommand(newGroupsImportCmd())
	return cmd
}

func newGroupsImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import [--db …] FILE",
		Short: "Replace the stored employee groups by employee_groups.csv",
		Long: `Replace the stored group attributes of employees by those in FILE
(employee_groups.csv: employee_id, surname_origin, gender, age_band,
tenure_band; codes of the codebook, empty for unknown). The file is
restricted context: lekradar uses it only for the aggregate detection half
of the fairness monitor in ` + "`lekradar report`" + ` and the workbench's report page,
never per employee (docs/formats.md). The whole file is checked first;
nothing is stored when any line is wrong. The import is audited.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("groups import: %w", err)
			}
			defer f.Close()
			cb := lekradar.DefaultCodebook()
			groups, err := readEmployeeGroups(f, filepath.Base(args[0]), cb)
			if err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.ReplaceEmployeeGroups(cmd.Context(), groups); err != nil {
				return fmt.Errorf("groups import: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Imported the groups of %d employees from %s (replacing the earlier ones).\n", len(groups), args[0])
			return nil
		},
	}
}

// employeeGroupColumns are the columns of employee_groups.csv and the
// codebook field of each group attribute.
var employeeGroupColumns = []struct{ column, field string }{
	{"employee_id", ""},
	{"surname_origin", lekradar.FieldSurnameOrigin},
	{"gender", lekradar.FieldGender},
	{"age_band", lekradar.FieldAgeBand},
	{"tenure_band", lekradar.FieldTenureBand},
}

// maxGroupErrors bounds the errors reported for one file.
const maxGroupErrors = 20

// readEmployeeGroups reads employee_groups.csv (name is used in errors).
// The header must name the five columns, in any order; other columns are
// ignored. Every bad value is
// reported with its line, column, value and the allowed codes.
func readEmployeeGroups(r io.Reader, name string, cb *lekradar.Codebook) ([]sqlstore.EmployeeGroup, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read %s: the file is empty; want a header line %s", name, groupHeader())
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	// As in every interchange file (docs/formats.md): names match
	// case-insensitively, and columns lekradar does not know are ignored
	// (never read, never stored).
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !isGroupColumn(h) {
			continue
		}
		if _, dup := index[h]; dup {
			return nil, fmt.Errorf("read %s line 1: column %q comes twice", name, h)
		}
		index[h] = i
	}
	for _, c := range employeeGroupColumns {
		if _, ok := index[c.column]; !ok {
			return nil, fmt.Errorf("read %s line 1: column %q is missing (want the columns %s)", name, c.column, groupHeader())
		}
	}

	var (
		out      []sqlstore.EmployeeGroup
		errs     []string
		problems int
	)
	seen := map[string]int{} // employee id → line
	bad := func(line int, column, msg string) {
		problems++
		if len(errs) < maxGroupErrors {
			errs = append(errs, fmt.Sprintf("%s line %d, column %s: %s", name, line, column, msg))
		} else if len(errs) == maxGroupErrors {
			errs = append(errs, "… (more errors not shown)")
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			bad(line, "-", fmt.Sprintf("has %d fields, want %d", len(rec), len(header)))
			continue
		}
		value := func(column string) string { return strings.TrimSpace(rec[index[column]]) }
		g := sqlstore.EmployeeGroup{
			EmployeeID:    value("employee_id"),
			SurnameOrigin: value("surname_origin"),
			Gender:        value("gender"),
			AgeBand:       value("age_band"),
			TenureBand:    value("tenure_band"),
		}
		switch prev, dup := seen[g.EmployeeID]; {
		case g.EmployeeID == "":
			bad(line, "employee_id", "is empty; every line needs an employee id")
		case dup:
			bad(line, "employee_id", fmt.Sprintf("value %q comes twice (first on line %d)", g.EmployeeID, prev))
		default:
			seen[g.EmployeeID] = line
		}
		for _, c := range employeeGroupColumns[1:] {
			v := value(c.column)
			if v != "" && !cb.Valid(c.field, v) {
				bad(line, c.column, fmt.Sprintf("value %q is not a code of %s (allowed: %s; empty for unknown)",
					v, c.field, strings.Join(cb.Field(c.field).Allowed(), ", ")))
			}
		}
		out = append(out, g)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("groups import: %d problem(s), nothing stored:\n%s", problems, strings.Join(errs, "\n"))
	}
	return out, nil
}

func groupHeader() string {
	cols := make([]string, len(employeeGroupColumns))
	for i, c := range employeeGroupColumns {
		cols[i] = c.column
	}
	return strings.Join(cols, ",")
}

func isGroupColumn(h string) bool {
	for _, c := range employeeGroupColumns {
		if c.column == h {
			return true
		}
	}
	return false
}
