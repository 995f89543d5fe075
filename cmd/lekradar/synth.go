package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newSynthCmd() *cobra.Command {
	return &cobra.Command{
		Use: "synth",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("synth: not implemented yet")
		},
	}
}
