package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newDemoCmd() *cobra.Command {
	return &cobra.Command{
		Use: "demo",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("demo: not implemented yet")
		},
	}
}
