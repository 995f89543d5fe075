package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newCodebookCmd() *cobra.Command {
	return &cobra.Command{
		Use: "codebook",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("codebook: not implemented yet")
		},
	}
}
