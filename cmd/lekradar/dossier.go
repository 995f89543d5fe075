package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/sqlstore"
)

func newDossierCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dossier",
		Short: "Register, show, list, import and export leak dossiers",
		Long: `Work with the registry of leak dossiers. Dossiers go in and come out as
JSON in the shape docs/dossier-format.md describes; every coded value is
checked against the codebook (see lekradar codebook).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newDossierAddCmd(),
		newDossierShowCmd(),
		newDossierUpdateCmd(),
		newDossierListCmd(),
		newDossierImportCmd(),
		newDossierExportCmd(),
	)
	return cmd
}

func newDossierAddCmd() *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "add [--file F]",
		Short: "Register a new dossier from a JSON object (stdin or --file) and print it as stored",
		Long: `Register a new dossier. The JSON object is read from --file, or from stdin
when --file is absent or "-". Leave out id (the store assigns it); leave out
reg_no to have the next registration number of the department and opening
year assigned. Prints the stored dossier as JSON.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := readDossierArg(cmd, file)
			if err != nil {
				return err
			}
			if d.ID != 0 {
				return fmt.Errorf("dossier add: field id: value %d: the store assigns ids; leave it out, or use `lekradar dossier update` to change dossier %d", d.ID, d.ID)
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.CreateDossier(cmd.Context(), d); err != nil {
				return fmt.Errorf("dossier add: %w", err)
			}
			stored, err := store.FindDossierByID(cmd.Context(), d.ID)
			if err != nil {
				return fmt.Errorf("dossier add: read back dossier %d: %w", d.ID, err)
			}
			return writeJSONIndent(cmd.OutOrStdout(), normalizeDossier(stored))
		},
	}
	cmd.Flags().StringVar(&file, "file", "", `JSON file with the dossier ("-" or absent: stdin)`)
	return cmd
}

func newDossierShowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show ID|REGNO",
		Short: "Print one dossier as JSON, by id or registration number",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			d, err := findDossierByRef(cmd, store, args[0])
			if err != nil {
				return fmt.Errorf("dossier show: %w", err)
			}
			return writeJSONIndent(cmd.OutOrStdout(), normalizeDossier(d))
		},
	}
}

func newDossierUpdateCmd() *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "update [--file F]",
		Short: "Replace a dossier with a JSON object (stdin or --file) and print it as stored",
		Long: `Replace a dossier entirely (its reports, suspects, leaked items and
phase history included) with the JSON object read from --file or stdin. The
object names the dossier by its id, or by its reg_no when id is absent. A
convenient way to edit: lekradar dossier show ID > d.json, edit, then
lekradar dossier update --file d.json.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := readDossierArg(cmd, file)
			if err != nil {
				return err
			}
			if d.ID == 0 && d.RegNo == "" {
				return errors.New("dossier update: the JSON names no dossier: give its id or its reg_no")
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			var current *lekradar.Dossier
			if d.ID != 0 {
				current, err = store.FindDossierByID(ctx, d.ID)
			} else {
				current, err = store.FindDossierByRegNo(ctx, d.RegNo)
			}
			if err != nil {
				return fmt.Errorf("dossier update: %w", err)
			}
			d.ID = current.ID
			if d.RegNo == "" {
				d.RegNo = current.RegNo // the registration number is the dossier's identity; keep it
			}
			if err := store.UpdateDossier(ctx, d); err != nil {
				return fmt.Errorf("dossier update %s: %w", current.RegNo, err)
			}
			stored, err := store.FindDossierByID(ctx, d.ID)
			if err != nil {
				return fmt.Errorf("dossier update: read back dossier %d: %w", d.ID, err)
			}
			return writeJSONIndent(cmd.OutOrStdout(), normalizeDossier(stored))
		},
	}
	cmd.Flags().StringVar(&file, "file", "", `JSON file with the dossier ("-" or absent: stdin)`)
	return cmd
}

// findDossierByRef looks a dossier up by numeric id or by registration number.
func findDossierByRef(cmd *cobra.Command, store *sqlstore.Store, ref string) (*lekradar.Dossier, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return store.FindDossierByID(cmd.Context(), id)
	}
	return store.FindDossierByRegNo(cmd.Context(), ref)
}

// readDossierArg reads, strictly decodes and validates one dossier for add
// and update. Every problem is printed to stderr, one per line, prefixed
// with the input's name, before the command fails.
func readDossierArg(cmd *cobra.Command, file string) (*lekradar.Dossier, error) {
	name, data, err := readInput(cmd, file)
	if err != nil {
		return nil, err
	}
	d, err := lekradar.ParseDossierJSON(data, lekradar.DefaultCodebook())
	if err != nil {
		var v *lekradar.ValidationError
		if !errors.As(err, &v) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, f := range v.Fields {
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s\n", name, f)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; nothing stored\n", name, plural(len(v.Fields), "problem", "problems"))
		return nil, exitError{code: 1}
	}
	return d, nil
}

// readInput reads the whole of file, or of stdin when file is "" or "-",
// and returns a name for messages.
func readInput(cmd *cobra.Command, file string) (string, []byte, error) {
	if file == "" || file == "-" {
		data, err := io.ReadAll(cmd.InOrStdin())
		if err != nil {
			return "stdin", nil, fmt.Errorf("read stdin: %w", err)
		}
		return "stdin", data, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return file, nil, fmt.Errorf("read %w", err)
	}
	return file, data, nil
}

// normalizeDossier makes absent lists empty so that JSON output always has
// arrays where the format promises them, never null.
func normalizeDossier(d *lekradar.Dossier) *lekradar.Dossier {
	if d.Phases == nil {
		d.Phases = []lekradar.PhaseEntry{}
	}
	if d.Means == nil {
		d.Means = []lekradar.MeansEntry{}
	}
	if d.Reports == nil {
		d.Reports = []lekradar.Report{}
	}
	if d.Suspects == nil {
		d.Suspects = []lekradar.Suspect{}
	}
	if d.Items == nil {
		d.Items = []lekradar.LeakedItem{}
	}
	return d
}

// writeJSONIndent writes v as indented JSON without HTML escaping, so that
// labels and summaries stay readable.
func writeJSONIndent(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
