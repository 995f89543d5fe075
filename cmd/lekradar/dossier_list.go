package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/sqlstore"
)

// dossierFilterFlags are the selection flags shared by list and export.
type dossierFilterFlags struct {
	unit    string
	year    int
	phase   string
	outcome string
}

func (f *dossierFilterFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.unit, "unit", "", "only dossiers of this VIK department (a unit code)")
	cmd.Flags().IntVar(&f.year, "year", 0, "only dossiers opened in this year")
	cmd.Flags().StringVar(&f.phase, "phase", "", "only dossiers whose current phase is this (a phase code)")
	cmd.Flags().StringVar(&f.outcome, "outcome", "", "only dossiers with this suspicion outcome (a suspicion_outcome code)")
}

// filter checks the flag values against the codebook and builds the store
// filter. Retired codes are accepted: old dossiers may carry them.
func (f *dossierFilterFlags) filter(cmd *cobra.Command, cb *lekradar.Codebook) (lekradar.DossierFilter, error) {
	var filter lekradar.DossierFilter
	coded := []struct {
		flag, field, value string
		dst                **string
	}{
		{"unit", lekradar.FieldUnit, f.unit, &filter.Department},
		{"phase", lekradar.FieldPhase, f.phase, &filter.Phase},
		{"outcome", lekradar.FieldSuspicionOutcome, f.outcome, &filter.Outcome},
	}
	for _, c := range coded {
		if !cmd.Flags().Changed(c.flag) {
			continue
		}
		list := cb.Field(c.field)
		if _, ok := list.Lookup(c.value); !ok {
			return filter, fmt.Errorf("flag --%s: value %q is not a code of %s (allowed: %s)",
				c.flag, c.value, c.field, strings.Join(list.Allowed(), ", "))
		}
		v := c.value
		*c.dst = &v
	}
	if cmd.Flags().Changed("year") {
		if f.year < 1990 || f.year > 2100 {
			return filter, fmt.Errorf("flag --year: value %d is not a year between 1990 and 2100", f.year)
		}
		y := f.year
		filter.Year = &y
	}
	return filter, nil
}

func newDossierListCmd() *cobra.Command {
	var (
		filterFlags dossierFilterFlags
		format      string
	)
	cmd := &cobra.Command{
		Use:   "list [--unit U] [--year Y] [--phase P] [--outcome O] [--format table|json|csv]",
		Short: "List dossiers, filtered, as a table, a JSON array or CSV",
		Long: `List dossiers ordered by registration number.

--format table (default) prints one aligned line per dossier; json prints a
JSON array of full dossiers ([] when none match); csv prints one row per
dossier with the flat columns of docs/dossier-format.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cb := lekradar.DefaultCodebook()
			if err := checkFormat(format, "table", "json", "csv"); err != nil {
				return err
			}
			filter, err := filterFlags.filter(cmd, cb)
			if err != nil {
				return err
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ds, _, err := store.FindDossiers(cmd.Context(), filter)
			if err != nil {
				return fmt.Errorf("dossier list: %w", err)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				for _, d := range ds {
					normalizeDossier(d)
				}
				if ds == nil {
					ds = []*lekradar.Dossier{}
				}
				return writeJSONIndent(out, ds)
			case "csv":
				cw := newDossierCSVWriter(out)
				for _, d := range ds {
					if err := cw.Write(d); err != nil {
						return err
					}
				}
				return cw.Flush()
			default:
				if len(ds) == 0 {
					fmt.Fprintln(cmd.ErrOrStderr(), "no dossiers match")
				}
				return writeDossierTable(out, ds)
			}
		},
	}
	filterFlags.register(cmd)
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}

// checkFormat refuses a --format value that the command does not know.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return fmt.Errorf("flag --format: value %q is not a format of this command (allowed: %s)", format, strings.Join(allowed, ", "))
}

// writeDossierTable prints the overview columns an investigator scans.
func writeDossierTable(w io.Writer, ds []*lekradar.Dossier) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REG_NO\tDEPARTMENT\tOPENED\tALLEGATION\tPHASE\tOUTCOME\tSUSPECTS")
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\n",
			dash(d.RegNo), dash(d.Department), dash(d.Opened().String()), dash(d.Allegation),
			dash(d.CurrentPhase()), dash(d.SuspicionOutcome), len(d.Suspects))
	}
	return tw.Flush()
}

// dash shows an unknown value as "-" so that table columns stay aligned.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// forEachDossier calls fn for every dossier matching filter, a page at a
// time, so that an export of a large registry does not hold it all in
// memory.
func forEachDossier(ctx context.Context, store *sqlstore.Store, filter lekradar.DossierFilter, fn func(*lekradar.Dossier) error) (int, error) {
	const pageSize = 500
	filter.Limit = pageSize
	n := 0
	for {
		filter.Offset = n
		ds, _, err := store.FindDossiers(ctx, filter)
		if err != nil {
			return n, err
		}
		for _, d := range ds {
			if err := fn(d); err != nil {
				return n, err
			}
			n++
		}
		if len(ds) < pageSize {
			return n, nil
		}
	}
}

// itoa is strconv.Itoa for the CSV writer's counts.
func itoa(n int) string { return strconv.Itoa(n) }
