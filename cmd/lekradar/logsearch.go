package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"lekradar"
)

type logsearchOptions struct {
	person, employee string
	from, to         string
	format, out      string
	limit            int
}

func newLogsearchCmd() *cobra.Command {
	var o logsearchOptions
	cmd := &cobra.Command{
		Use:   "logsearch --person ID | --employee ID [--from DATE|TIME] [--to DATE|TIME] [--format table|json|csv] [--out FILE]",
		Short: "Log search: every stored look-up of a person, or by an employee, with its explanation",
		Long: `Log search (logging-onderzoek) over the look-ups that scan --db stored: all
look-ups of one person, or by one employee, over a period, oldest first, each
with the explanation that covered it or the risk signals that fired.

--from and --to take a date (YYYY-MM-DD, a UTC day; --to includes that day)
or an RFC 3339 time (2024-03-01T08:00:00Z; --to excludes it).

--format csv is the export for a dossier: its SHA-256 is printed on standard
error and recorded in the audit trail, so that a copy can be checked later.
Every search is audited with the person or employee searched for.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runLogsearch(cmd, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.person, "person", "", "the person id looked up")
	f.StringVar(&o.employee, "employee", "", "the employee id who looked up")
	f.StringVar(&o.from, "from", "", "from this date or time (inclusive)")
	f.StringVar(&o.to, "to", "", "up to this date (inclusive) or time (exclusive)")
	f.StringVar(&o.format, "format", "table", "output format: table, json or csv")
	f.StringVar(&o.out, "out", "", "write to this file instead of standard output")
	f.IntVar(&o.limit, "limit", 0, "at most this many look-ups (0: all)")
	return cmd
}

// parseBound reads a --from/--to value: a date is a UTC day (for --to, up
// to the end of it), anything else an RFC 3339 time.
func parseBound(flag, v string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if d, err := lekradar.ParseDate(v); err == nil {
		t := d.Time()
		if end {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("flag --%s: value %q is neither a date (YYYY-MM-DD) nor an RFC 3339 time (2024-03-01T08:00:00Z)", flag, v)
	}
	return t, nil
}

func (o logsearchOptions) filter() (lekradar.LookupFilter, error) {
	f := lekradar.LookupFilter{PersonID: o.person, EmployeeID: o.employee, Limit: o.limit}
	switch {
	case o.person == "" && o.employee == "":
		return f, fmt.Errorf("flags --person, --employee: give the person or the employee to search for")
	case o.person != "" && o.employee != "":
		return f, fmt.Errorf("flags --person, --employee: give one of them, not both")
	case o.limit < 0:
		return f, fmt.Errorf("flag --limit: value %d: must be 0 (all) or more", o.limit)
	}
	var err error
	if f.From, err = parseBound("from", o.from, false); err != nil {
		return f, err
	}
	if f.To, err = parseBound("to", o.to, true); err != nil {
		return f, err
	}
	return f, nil
}

func runLogsearch(cmd *cobra.Command, o logsearchOptions) (err error) {
	if err := checkFormat(o.format, "table", "json", "csv"); err != nil {
		return err
	}
	f, err := o.filter()
	if err != nil {
		return err
	}
	store, err := openExistingStore(cmd)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := cmd.Context()

	out := cmd.OutOrStdout()
	if o.out != "" {
		file, err := os.Create(o.out)
		if err != nil {
			return fmt.Errorf("flag --out: %w", err)
		}
		defer func() {
			if cerr := file.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("write %s: %w", o.out, cerr)
			}
			if err != nil {
				os.Remove(o.out) // no half export that looks whole
			}
		}()
		out = file
	}

	if o.format == "csv" {
		sum, n, err := store.ExportLookupsCSV(ctx, f, out)
		if err != nil {
			return fmt.Errorf("logsearch: %w", err)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "exported %d look-ups; sha256 %s (recorded in the audit trail)\n", n, sum)
		return nil
	}
	ls, total, err := store.FindLookups(ctx, f)
	if err != nil {
		return fmt.Errorf("logsearch: %w", err)
	}
	if o.format == "json" {
		return writeJSONIndent(out, ls)
	}
	if err := writeLookupTable(out, ls); err != nil {
		return err
	}
	if len(ls) < total {
		fmt.Fprintf(cmd.ErrOrStderr(), "%d of %d look-ups shown\n", len(ls), total)
	}
	return nil
}

// writeLookupTable prints a timeline, one look-up a line.
func writeLookupTable(w io.Writer, ls []*lekradar.StoredLookup) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME (UTC)\tEMPLOYEE\tSYSTEM\tACTION\tPERSON\tCASE\tEXPLAINED BY\tSIGNALS\tALERT")
	for _, l := range ls {
		explained := "(unexplained)"
		if l.ExplainedBy != nil {
			explained = *l.ExplainedBy
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.TS.UTC().Format("2006-01-02 15:04:05"),
			l.EmployeeID, l.System, l.Action, l.PersonID, dash(l.CaseID), explained,
			dash(strings.Join(l.Signals, ",")), dash(l.AlertID))
	}
	return tw.Flush()
}
