package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/authn"
)

// roleIngest is the --role of a token that delivers look-up events and
// nothing else (scope ingest, the machine actor).
const roleIngest = "ingest"

// tokenNamePattern keeps token names usable in actor names ("token:N")
// and in the service account's username ("api-N").
var tokenNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,59}$`)

func newTokenCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Manage the API tokens of programs: add, list, revoke",
		Long: `Manage API tokens for programs that call the JSON API under /api/ with
"Authorization: Bearer <token>". A token of role ingest may only deliver
look-up events (POST /api/events) and is audited as token:<name>. A token of
an account role acts as an account with that role and department: token add
creates a service account api-<name> for it (which cannot log in to the
pages), or --user names an existing account. Only the token's SHA-256 is
stored; the plain token is printed once. Every change is audited.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newTokenAddCmd(), newTokenListCmd(), newTokenRevokeCmd())
	return cmd
}

func newTokenAddCmd() *cobra.Command {
	var name, role, department, employeeRef, username string
	cmd := &cobra.Command{
		Use:   "add --name N (--role ingest|ROLE [--department UNIT] | --user USERNAME)",
		Short: "Add an API token and print it once",
		Long: `Add an API token and print the plain token once on stdout (only its hash is
stored: keep it in the program's secret store).

--role ingest: the token may deliver look-up events and nothing else.
--role ` + strings.Join(lekradar.AccountRoles(), "|") + `: a service account api-<name> is created with that
role (and --department, --employee-ref) and the token acts as it, with the
same need-to-know rules as a person of that role.
--user USERNAME: the token acts as an existing account.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !tokenNamePattern.MatchString(name) {
				return fmt.Errorf("token add: --name %q: use 1 to 60 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", name)
			}
			switch {
			case role == "" && username == "":
				return errors.New("token add: give --role (ingest or an account role) or --user")
			case role != "" && username != "":
				return errors.New("token add: give --role or --user, not both")
			case role == roleIngest && (department != "" || employeeRef != ""):
				return errors.New("token add: an ingest token belongs to no department or employee: drop --department and --employee-ref")
			case role != "" && role != roleIngest && !lekradar.IsAccountRole(role):
				return fmt.Errorf("token add: --role %q is not a token role (allowed: %s, %s)", role, roleIngest, strings.Join(lekradar.AccountRoles(), ", "))
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			t := &lekradar.APIToken{Name: name, Scope: lekradar.ScopeIngest}
			var account *lekradar.User
			switch {
			case username != "":
				if account, err = store.FindUserByUsername(ctx, username); err != nil {
					return fmt.Errorf("token add: --user %s: %w", username, err)
				}
			case role != roleIngest:
				// A random password nobody knows: the account works through
				// its token only.
				secret, err := lekradar.NewSecretToken()
				if err != nil {
					return fmt.Errorf("token add: %w", err)
				}
				hash, err := authn.HashPassword(secret)
				if err != nil {
					return fmt.Errorf("token add: %w", err)
				}
				account = &lekradar.User{Username: "api-" + name, Role: role, Department: department, EmployeeRef: employeeRef, PasswordHash: hash}
				if err := store.CreateUser(ctx, account); err != nil {
					return fmt.Errorf("token add: service account %s: %w", account.Username, err)
				}
			}
			if account != nil {
				t.Scope, t.UserID = lekradar.ScopeUser, account.ID
			}
			plain, err := store.CreateAPIToken(ctx, t)
			if err != nil {
				return fmt.Errorf("token add: %w", err)
			}
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if account != nil {
				fmt.Fprintf(errOut, "added token %s (id %d) acting as account %s (role %s%s); shown once:\n",
					t.Name, t.ID, account.Username, account.Role, ifSet(", department ", account.Department))
			} else {
				fmt.Fprintf(errOut, "added ingest token %s (id %d); shown once:\n", t.Name, t.ID)
			}
			fmt.Fprintln(out, plain)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&name, "name", "", "name of the token (the program that uses it)")
	f.StringVar(&role, "role", "", "ingest, or an account role: "+strings.Join(lekradar.AccountRoles(), ", "))
	f.StringVar(&department, "department", "", "unit code of the service account's VIK department")
	f.StringVar(&employeeRef, "employee-ref", "", "employee id of the service account (rarely needed)")
	f.StringVar(&username, "user", "", "act as this existing account instead of a new service account")
	cmd.MarkFlagRequired("name")
	return cmd
}

func newTokenListCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "List the API tokens, revoked ones included (never the tokens themselves)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			tokens, err := store.FindAPITokens(cmd.Context())
			if err != nil {
				return fmt.Errorf("token list: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSONIndent(out, tokens)
			}
			users, _, err := store.FindUsers(cmd.Context(), lekradar.UserFilter{})
			if err != nil {
				return fmt.Errorf("token list: %w", err)
			}
			names := map[int64]string{}
			for _, u := range users {
				names[u.ID] = u.Username
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tSCOPE\tACCOUNT\tCREATED_BY\tCREATED\tLAST_USED\tSTATUS")
			for _, t := range tokens {
				status, lastUsed := "active", "-"
				if !t.RevokedAt.IsZero() {
					status = "revoked " + t.RevokedAt.Format("2006-01-02 15:04")
				}
				if !t.LastUsedAt.IsZero() {
					lastUsed = t.LastUsedAt.Format("2006-01-02 15:04")
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Scope, dash(names[t.UserID]), t.CreatedBy,
					t.CreatedAt.Format("2006-01-02 15:04"), lastUsed, status)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

func newTokenRevokeCmd() *cobra.Command {
	var (
		id   int64
		name string
	)
	cmd := &cobra.Command{
		Use:   "revoke (--id N | --name N)",
		Short: "Revoke an API token: calls with it answer 401 from now on",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (id == 0) == (name == "") {
				return errors.New("token revoke: give --id or --name (one of them)")
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			if name != "" {
				tokens, err := store.FindAPITokens(ctx)
				if err != nil {
					return fmt.Errorf("token revoke: %w", err)
				}
				var ids []int64
				for _, t := range tokens {
					if t.Name == name && t.RevokedAt.IsZero() {
						ids = append(ids, t.ID)
					}
				}
				switch len(ids) {
				case 0:
					return fmt.Errorf("token revoke: no active token named %q (see lekradar token list)", name)
				case 1:
					id = ids[0]
				default:
					return fmt.Errorf("token revoke: %d active tokens are named %q (ids %v): choose one with --id", len(ids), name, ids)
				}
			}
			if err := store.RevokeAPIToken(ctx, id); err != nil {
				if lekradar.ErrorCode(err) == lekradar.ENOTFOUND {
					return fmt.Errorf("token revoke: no active token with id %d (see lekradar token list)", id)
				}
				return fmt.Errorf("token revoke: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "revoked token %d\n", id)
			return nil
		},
	}
	cmd.Flags().Int64Var(&id, "id", 0, "id of the token (lekradar token list)")
	cmd.Flags().StringVar(&name, "name", "", "name of the token, when only one active token has it")
	return cmd
}
