package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newEvalCmd() *cobra.Command {
	return &cobra.Command{
		Use: "eval",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("eval: not implemented yet")
		},
	}
}
