package main

import (
	"context"
	"fmt"
	"io"

	lekhttp "lekradar/http"
	"lekradar/sqlstore"
)

// createDemoLogins makes a demo account for every role (staff in
// department) and prints the logins, for `lekradar demo --serve`. The
// passwords are fresh random ones, shown here once.
func createDemoLogins(ctx context.Context, out io.Writer, store *sqlstore.Store, department string) ([]lekhttp.DemoLogin, error) {
	logins, err := lekhttp.CreateDemoUsers(cliContext(ctx), store, department)
	if err != nil {
		return nil, fmt.Errorf("demo logins: %w", err)
	}
	fmt.Fprintln(out, "Demo logins (passwords shown once):")
	for _, l := range logins {
		dept := l.Department
		if dept == "" {
			dept = "-"
		}
		fmt.Fprintf(out, "  %-22s %-16s %-20s %s\n", l.Username, l.Role, dept, l.Password)
	}
	return logins, nil
}
