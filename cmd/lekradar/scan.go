package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newScanCmd() *cobra.Command {
	return &cobra.Command{
		Use: "scan",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("scan: not implemented yet")
		},
	}
}
