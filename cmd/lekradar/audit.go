package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"lekradar"
)

// exitAuditBroken is the exit status of `audit verify` when the trail was
// tampered with, apart from 1 for a failure to check it at all.
const exitAuditBroken = 2

func newAuditCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Verify and read the audit trail of every read and write",
		Long: `The audit trail records every read, search and write of the registry, in
the transaction of the action, as a hash chain: each entry's hash covers its
contents and the previous entry's hash (docs/security.md).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newAuditVerifyCmd(), newAuditListCmd())
	return cmd
}

func newAuditVerifyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Recompute the audit trail's hash chain; exit 2 naming the first bad entry",
		Long: `Recompute the hash chain of the whole audit trail, one entry at a time.

Exit status 0: the trail is intact; the newest entry's sequence number and
hash are printed (keep them elsewhere: a later check that still finds them
shows the history up to there unchanged).
Exit status 2: an entry was changed, removed or reordered; the first bad
entry is named on stderr.
Exit status 1: the check could not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			problem, v, err := store.VerifyAudit(cmd.Context())
			if err != nil {
				return fmt.Errorf("audit verify: %w", err)
			}
			if problem != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "lekradar: audit trail BROKEN at entry %d (%s): %s\n", problem.Seq, problem.Kind, problem.Reason)
				fmt.Fprintf(cmd.ErrOrStderr(), "%d entries before it are intact.\n", v.Entries)
				return exitError{code: exitAuditBroken}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "audit trail intact: %d entries; newest entry %d has hash %s\n",
				v.Entries, v.HeadSeq, v.HeadHash)
			return nil
		},
	}
}

func newAuditListCmd() *cobra.Command {
	var (
		limit          int
		actor, action  string
		objectType, id string
		format         string
	)
	cmd := &cobra.Command{
		Use:   "list [--limit N] [--actor A] [--action A] [--object-type T] [--object-id ID] [--format table|json]",
		Short: "List audit entries, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if limit < 0 {
				return fmt.Errorf("flag --limit: value %d: must be 0 (all) or more", limit)
			}
			f := lekradar.AuditFilter{Limit: limit}
			for _, opt := range []struct {
				flag string
				v    *string
				dst  **string
			}{{"actor", &actor, &f.Actor}, {"action", &action, &f.Action}, {"object-type", &objectType, &f.ObjectType}, {"object-id", &id, &f.ObjectID}} {
				if cmd.Flags().Changed(opt.flag) {
					*opt.dst = opt.v
				}
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			entries, _, err := store.FindAuditEntries(cmd.Context(), f)
			if err != nil {
				return fmt.Errorf("audit list: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSONIndent(out, entries)
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SEQ\tTIME\tACTOR\tACTION\tOBJECT\tDETAIL")
			for _, e := range entries {
				obj := e.ObjectType
				if e.ObjectID != "" {
					obj += ":" + e.ObjectID
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.Time.Format("2006-01-02 15:04:05"), e.Actor, e.Action, obj, dash(e.Detail))
			}
			return tw.Flush()
		},
	}
	f := cmd.Flags()
	f.IntVar(&limit, "limit", 50, "at most this many entries (0: all)")
	f.StringVar(&actor, "actor", "", "only entries of this actor (a username, or cli:<os user>)")
	f.StringVar(&action, "action", "", "only entries of this action (read, search, create, update, delete, export, read_reporter_identity, login, …)")
	f.StringVar(&objectType, "object-type", "", "only entries about this kind of object (dossier, report, user, …)")
	f.StringVar(&id, "object-id", "", "only entries about the object with this id")
	f.StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}
