package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"lekradar"
)

func newDossierExportCmd() *cobra.Command {
	var (
		filterFlags dossierFilterFlags
		format      string
		out         string
	)
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv [--out FILE]",
		Short: "Export dossiers as JSON Lines (for import) or flat CSV (for analysis)",
		Long: `Export dossiers, ordered by registration number, to stdout or --out FILE.

--format jsonl (the default) writes one full dossier per line, the shape
lekradar dossier import reads: an export imported into a fresh database gives
the same dossiers back. --format csv writes the flat columns of
docs/dossier-format.md (no reporter or employee references, no restricted
group attributes). The filter flags select a part of the registry.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "jsonl", "csv"); err != nil {
				return err
			}
			filter, err := filterFlags.filter(cmd, lekradar.DefaultCodebook())
			if err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			var n int
			err = writeOutput(cmd, out, func(w io.Writer) error {
				var write func(*lekradar.Dossier) error
				var flush func() error
				if format == "csv" {
					cw := newDossierCSVWriter(w)
					write, flush = cw.Write, cw.Flush
				} else {
					bw := bufio.NewWriter(w)
					enc := json.NewEncoder(bw)
					enc.SetEscapeHTML(false)
					write = func(d *lekradar.Dossier) error { return enc.Encode(normalizeDossier(d)) }
					flush = bw.Flush
				}
				var err error
				n, err = forEachDossier(cmd.Context(), store, filter, write)
				if err != nil {
					return err
				}
				return flush()
			})
			if err != nil {
				return fmt.Errorf("dossier export: %w", err)
			}
			if out != "" && out != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "exported %s to %s\n", plural(n, "dossier", "dossiers"), out)
			}
			return nil
		},
	}
	filterFlags.register(cmd)
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	cmd.Flags().StringVar(&out, "out", "", `output file ("-" or absent: stdout)`)
	return cmd
}

// writeOutput runs write against stdout, or against a temporary file that
// replaces out only when everything was written, so that a failed export
// never leaves a truncated file that looks complete.
func writeOutput(cmd *cobra.Command, out string, write func(io.Writer) error) error {
	if out == "" || out == "-" {
		return write(cmd.OutOrStdout())
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create output file: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}
