package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is written.
func newDossierCmd() *cobra.Command {
	return &cobra.Command{
		Use: "dossier",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("dossier: not implemented yet")
		},
	}
}
