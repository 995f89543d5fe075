package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"lekradar"
)

func newAlertCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alert",
		Short: "Triage the alerts that scan --db stored: list, show, reveal, act",
		Long: `Alert triage for scripts. Alerts show the employee as a pseudonym (P-…, the
same for every alert of that employee in this database); "alert reveal" gives
the real employee id and records who asked and why. "alert act" explains,
dismisses or escalates an alert; escalation opens a dossier with channel
detectie and the alert's look-ups attached. Every call is audited.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newAlertListCmd(), newAlertShowCmd(), newAlertRevealCmd(), newAlertActCmd())
	return cmd
}

func newAlertListCmd() *cobra.Command {
	var (
		f        lekradar.AlertFilter
		employee string
		from, to string
		format   string
	)
	cmd := &cobra.Command{
		Use:   "list [--status S] [--severity S] [--employee ID|P-…] [--from] [--to] [--limit N] [--format table|json]",
		Short: "List alerts by severity, then score",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if f.Limit < 0 {
				return fmt.Errorf("flag --limit: value %d: must be 0 (all) or more", f.Limit)
			}
			var err error
			if f.From, err = parseBound("from", from, false); err != nil {
				return err
			}
			if f.To, err = parseBound("to", to, true); err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			f.EmployeePseudonym = employee
			if employee != "" && !strings.HasPrefix(employee, "P-") {
				if f.EmployeePseudonym, err = store.EmployeePseudonym(ctx, employee); err != nil {
					return fmt.Errorf("flag --employee: %w", err)
				}
			}
			alerts, total, err := store.FindAlerts(ctx, f)
			if err != nil {
				return fmt.Errorf("alert list: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSONIndent(out, alerts)
			}
			if err := writeAlertTable(out, alerts); err != nil {
				return err
			}
			if len(alerts) < total {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d of %d alerts shown\n", len(alerts), total)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Status, "status", "", "only alerts of this status: "+strings.Join(lekradar.AlertStatuses(), ", "))
	fl.StringVar(&f.Severity, "severity", "", "only alerts of this severity: high, medium, low")
	fl.StringVar(&employee, "employee", "", "only alerts about this employee: a pseudonym (P-…) or an employee id")
	fl.StringVar(&from, "from", "", "only alerts with look-ups from this date or time")
	fl.StringVar(&to, "to", "", "only alerts with look-ups up to this date (inclusive) or time")
	fl.IntVar(&f.Limit, "limit", 50, "at most this many alerts (0: all)")
	fl.StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

func writeAlertTable(w io.Writer, alerts []*lekradar.StoredAlert) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSCORE\tSTATUS\tEMPLOYEE\tPERSON\tLOOK-UPS\tFIRST (UTC)\tLAST (UTC)\tRULES")
	for _, a := range alerts {
		rules := make([]string, len(a.Reasons))
		for i, r := range a.Reasons {
			rules[i] = r.Rule
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2f\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", a.ID, a.Severity, a.Score, a.Status,
			a.EmployeePseudonym, a.PersonID, len(a.EventIDs), a.FirstTS.UTC().Format("2006-01-02 15:04"),
			a.LastTS.UTC().Format("2006-01-02 15:04"), dash(strings.Join(rules, ",")))
	}
	return tw.Flush()
}

func newAlertShowCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show ID [--format text|json]",
		Short: "Show one alert with its reasons, look-ups and history",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			a, err := store.FindAlertByID(cmd.Context(), args[0])
			if err != nil {
				return fmt.Errorf("alert show: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSONIndent(out, a)
			}
			fmt.Fprintf(out, "alert %s: %s, score %.2f, %s\n", a.ID, a.Severity, a.Score, a.Status)
			fmt.Fprintf(out, "employee %s looked up person %s %d times, %s – %s (UTC)\n", a.EmployeePseudonym, a.PersonID,
				len(a.EventIDs), a.FirstTS.UTC().Format("2006-01-02 15:04:05"), a.LastTS.UTC().Format("2006-01-02 15:04:05"))
			for _, r := range a.Reasons {
				fmt.Fprintf(out, "  reason %s: %s\n", r.Rule, r.Text)
			}
			if len(a.Explanations) > 0 {
				fmt.Fprintf(out, "explanations tried: %s\n", strings.Join(a.Explanations, ", "))
			}
			fmt.Fprintf(out, "look-ups: %s\n", strings.Join(a.EventIDs, ", "))
			if a.DossierID != 0 {
				fmt.Fprintf(out, "dossier: %d\n", a.DossierID)
			}
			for _, x := range a.Actions {
				fmt.Fprintf(out, "  %s %s by %s: %s\n", x.Time.UTC().Format("2006-01-02 15:04:05"), x.Action, x.Actor, x.Reason)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func newAlertRevealCmd() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "reveal ID --reason TEXT",
		Short: "Print the employee id behind an alert's pseudonym (recorded with the reason)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return fmt.Errorf("flag --reason: state why the employee must be known")
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			emp, err := store.RevealAlertEmployee(cmd.Context(), args[0], reason)
			if err != nil {
				return fmt.Errorf("alert reveal: %w", err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), emp)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the employee must be known (required; recorded)")
	return cmd
}

func newAlertActCmd() *cobra.Command {
	var action, reason, department string
	cmd := &cobra.Command{
		Use:   "act ID --action explained|dismissed|escalated --reason TEXT [--department UNIT]",
		Short: "Explain, dismiss or escalate an alert; escalation opens a dossier",
		Long: `Explain, dismiss or escalate an alert, with a reason (required, recorded).
Escalation is final: it opens a dossier (channel detectie, allegation
raadplegen, phase ontvangen today) of the VIK department given with
--department, attaches the alert's look-ups and prints its registration
number.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return fmt.Errorf("flag --reason: state why (required for every action)")
			}
			if action == lekradar.AlertEscalated && department == "" {
				return fmt.Errorf("flag --department: escalation opens a dossier of a VIK department: name it (a unit code)")
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			if department != "" {
				// The command line's actor has no department of its own.
				u := *lekradar.UserFromContext(ctx)
				u.Department = department
				ctx = lekradar.NewContextWithUser(ctx, &u)
			}
			d, err := store.ActOnAlert(ctx, args[0], action, reason)
			if err != nil {
				return fmt.Errorf("alert act: %w", err)
			}
			if d != nil {
				fmt.Fprintf(cmd.OutOrStdout(), "alert %s escalated: dossier %s (id %d)\n", args[0], d.RegNo, d.ID)
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "alert %s %s\n", args[0], action)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&action, "action", "", "explained, dismissed or escalated")
	f.StringVar(&reason, "reason", "", "why (required; recorded)")
	f.StringVar(&department, "department", "", "for escalated: the VIK department (unit code) that gets the dossier")
	return cmd
}
