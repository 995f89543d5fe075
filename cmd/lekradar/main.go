// Command lekradar is the one binary of lekradar: the registry of leak
// dossiers, detection of unexplained look-ups, and the tools around them.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"lekradar"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "lekradar:", errorText(err))
		os.Exit(1)
	}
}

// exitError ends the program with a code after the command has already told
// the user what went wrong (for instance an import's list of invalid records).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// errorText is the message for the user: an application error shows its
// message rather than its debugging form with the code.
func errorText(err error) string {
	msg := err.Error()
	var e *lekradar.Error
	if errors.As(err, &e) {
		msg = strings.Replace(msg, e.Error(), e.Message, 1)
	}
	return msg
}

// run builds the command tree and executes it; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := &cobra.Command{
		Use:           "lekradar",
		Short:         "Registry, detection and analysis of police information leaks for VIK departments",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	addDBFlag(root)
	root.AddCommand(
		newInitCmd(),
		newCodebookCmd(),
		newDossierCmd(),
		newDemoCmd(),
		newSynthCmd(),
		newScanCmd(),
		newContextCmd(),
		newEvalCmd(),
		newReportCmd(),
		newGroupsCmd(),
		newUserCmd(),
		newAuditCmd(),
		newSampleCmd(),
		newLogsearchCmd(),
		newAlertCmd(),
		newServeCmd(),
		newTokenCmd(),
	)
	return root.ExecuteContext(ctx)
}
