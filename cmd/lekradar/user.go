package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"lekradar"
	"lekradar/authn"
)

func newUserCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage the accounts of the web workbench: add, list, disable, enable",
		Long: `Manage accounts. Roles: ` + strings.Join(lekradar.AccountRoles(), ", ") + `.
What each role may see and do is in docs/security.md. Every change is written
to the audit trail under the command line's name, cli:<os user>.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newUserAddCmd(), newUserListCmd(), newUserDisableCmd(true), newUserDisableCmd(false))
	return cmd
}

func newUserAddCmd() *cobra.Command {
	var (
		u        lekradar.User
		withTOTP bool
	)
	cmd := &cobra.Command{
		Use:   "add --username NAME --role ROLE [--department UNIT] [--employee-ref ID] [--totp] < password",
		Short: "Add an account; the password is read from stdin",
		Long: `Add an account. The password is read from stdin: the first line when
stdin is a file or pipe, or typed twice without echo at a terminal. It never
goes on the command line, where other users of the machine could see it.
Passwords need at least ` + fmt.Sprint(authn.MinPasswordLength) + ` characters; a passphrase of several words is
easiest. The password is stored as an Argon2id hash.

--department is the unit code of the user's VIK department: intake,
investigator and analyst accounts see that department's dossiers.
--employee-ref is the user's own employee id: a dossier that names it as a
suspect stays closed to the user. --totp enrols a second factor and prints
its otpauth:// URL once, for the user's authenticator app.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cb := lekradar.DefaultCodebook()
			if err := u.Validate(cb); err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			password, err := readPassword(cmd)
			if err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			if err := authn.CheckPassword(password, u.Username); err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			if u.PasswordHash, err = authn.HashPassword(password); err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			var enrol *authn.TOTPEnrolment
			if withTOTP {
				if enrol, err = authn.NewTOTP(u.Username); err != nil {
					return fmt.Errorf("user add: %w", err)
				}
				u.TOTPSecret = enrol.Secret
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.CreateUser(cmd.Context(), &u); err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "added user %s (id %d, role %s%s)\n", u.Username, u.ID, u.Role, ifSet(", department ", u.Department))
			if enrol != nil {
				fmt.Fprintf(out, "second factor: add this to the user's authenticator app (shown once):\n%s\n", enrol.URL)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&u.Username, "username", "", "login name: 2-64 of a-z 0-9 . _ -")
	f.StringVar(&u.Role, "role", "", "role: "+strings.Join(lekradar.AccountRoles(), ", "))
	f.StringVar(&u.Department, "department", "", "unit code of the user's VIK department")
	f.StringVar(&u.EmployeeRef, "employee-ref", "", "the user's own employee id")
	f.BoolVar(&withTOTP, "totp", false, "enrol a TOTP second factor")
	cmd.MarkFlagRequired("username")
	cmd.MarkFlagRequired("role")
	return cmd
}

func ifSet(prefix, v string) string {
	if v == "" {
		return ""
	}
	return prefix + v
}

// readPassword reads the new password: typed twice without echo when stdin
// is a terminal, else the first line of stdin.
func readPassword(cmd *cobra.Command) (string, error) {
	in := cmd.InOrStdin()
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		prompt := cmd.ErrOrStderr()
		fmt.Fprint(prompt, "Password: ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(prompt, "Repeat password: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(first) != string(second) {
			return "", errors.New("the two passwords differ")
		}
		return string(first), nil
	}
	line, err := bufio.NewReader(io.LimitReader(in, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on stdin: pipe it in (e.g. from a password manager) or type it at the prompt")
	}
	return line, nil
}

func newUserListCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "List the accounts (never their credentials)",
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
			users, _, err := store.FindUsers(cmd.Context(), lekradar.UserFilter{})
			if err != nil {
				return fmt.Errorf("user list: %w", err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSONIndent(out, users) // credentials are json:"-"
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tUSERNAME\tROLE\tDEPARTMENT\tEMPLOYEE_REF\tTOTP\tSTATUS\tCREATED")
			for _, u := range users {
				status := "active"
				if u.Disabled {
					status = "disabled"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", u.ID, u.Username, u.Role, dash(u.Department),
					dash(u.EmployeeRef), map[bool]string{true: "yes", false: "no"}[u.HasTOTP()], status,
					u.CreatedAt.Format("2006-01-02 15:04"))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

// newUserDisableCmd makes `user disable` (disable true) or `user enable`.
func newUserDisableCmd(disable bool) *cobra.Command {
	var username string
	verb, short := "enable", "Enable a disabled account again"
	if disable {
		verb, short = "disable", "Disable an account: it can no longer log in, and its sessions end"
	}
	cmd := &cobra.Command{
		Use:   verb + " --username NAME",
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			u, err := store.FindUserByUsername(cmd.Context(), username)
			if err != nil {
				return fmt.Errorf("user %s: %w", verb, err)
			}
			if _, err := store.UpdateUser(cmd.Context(), u.ID, lekradar.UserUpdate{Disabled: &disable}); err != nil {
				return fmt.Errorf("user %s: %w", verb, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%sd user %s\n", verb, username)
			return nil
		},
	}
	cmd.Flags().StringVar(&username, "username", "", "login name of the account")
	cmd.MarkFlagRequired("username")
	return cmd
}
