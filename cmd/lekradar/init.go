package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"lekradar"
)

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create the database, or migrate it to this binary's schema, and print the schema version",
		Long: `Create the database named by --db (or $LEKRADAR_DB, else ./lekradar.db),
or bring an existing one up to the schema this binary expects. Running it
again is harmless. A file path is a SQLite database; a postgres:// URL names
an existing PostgreSQL database.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dsn := dbDSN(cmd)
			store, err := openStore(cmd.Context(), dsn)
			if err != nil {
				return err
			}
			defer store.Close()
			version, err := store.SchemaVersion(cmd.Context())
			if err != nil {
				return fmt.Errorf("init %s: %w", redactDSN(dsn), err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "database %s: schema version %d (codebook %s)\n",
				redactDSN(dsn), version, lekradar.DefaultCodebook().Version)
			return nil
		},
	}
}
