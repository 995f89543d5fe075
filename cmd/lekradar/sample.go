package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/research"
)

func newSampleCmd() *cobra.Command {
	var (
		fraction        float64
		seed            uint64
		strata, out     string
		from, to        string
		groupAttributes bool
	)
	cmd := &cobra.Command{
		Use:   "sample [--db …] --fraction F --seed N [--strata unit,year] --out DIR [--from DATE] [--to DATE]",
		Short: "Draw a reproducible stratified sample and write a pseudonymised export for researchers",
		Long: `Draw a stratified random sample of the dossiers opened in the period and
write a pseudonymised export of it into DIR (a new or empty directory):
dossiers.csv, suspects.csv, leaked_items.csv, reports.csv, phases.csv,
means.csv, the same tables in sample.xlsx, the codebook (codebook.csv,
codebook.md) and a README.md that explains every column, the sampling design
and the pseudonymisation.

The same seed, fraction, strata and period on the same registry draw the same
dossiers. Pseudonyms are new for every export (a random key that is thrown
away), so two exports cannot be linked through them. The export holds no
names, employee ids, registration numbers, reporter identities or free text,
and its dates are coarsened to the month. Every export is recorded in the
audit trail. See docs/research-export.md.

Strata: department (or unit), year (opened), allegation, outcome (suspicion
outcome), phase (current); --strata unit,year stratifies by department ×
year.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("fraction") {
				return fmt.Errorf("flag --fraction is required: the share of dossiers to draw, e.g. 0.2")
			}
			if !cmd.Flags().Changed("seed") {
				return fmt.Errorf("flag --seed is required: a number that makes the sample reproducible, e.g. --seed %d", time.Now().Unix())
			}
			if out == "" {
				return fmt.Errorf("flag --out is required: a new or empty directory for the export")
			}
			if fraction <= 0 || fraction > 1 {
				return fmt.Errorf("flag --fraction: value %v is out of range (allowed: more than 0, at most 1)", fraction)
			}
			vars := sampleSplitList(strata)
			for _, v := range vars {
				if !slices.Contains(research.StratumNames(), v) {
					return fmt.Errorf("flag --strata: value %q is not a stratification variable (allowed: %s)", v, strings.Join(research.StratumNames(), ", "))
				}
			}
			fromDate, err := reportDateFlag("from", from)
			if err != nil {
				return err
			}
			toDate, err := reportDateFlag("to", to)
			if err != nil {
				return err
			}
			if !fromDate.IsZero() && !toDate.IsZero() && toDate.Before(fromDate) {
				return fmt.Errorf("flag --to: value %s is before --from %s", toDate, fromDate)
			}

			if err := research.CheckOutputDir(out); err != nil {
				return fmt.Errorf("flag --out: %w", err)
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			all, _, err := store.FindDossiers(ctx, lekradar.DossierFilter{OmitReporterIdentities: true})
			if err != nil {
				return fmt.Errorf("sample: load dossiers: %w", err)
			}
			population := sampleInPeriod(all, fromDate, toDate)
			design, err := research.Draw(population, fraction, seed, vars)
			if err != nil {
				return err
			}
			export, err := research.Build(design, research.ExportOptions{
				Codebook:        store.Codebook(),
				GroupAttributes: groupAttributes,
				Period:          samplePeriodText(fromDate, toDate),
			})
			if err != nil {
				return err
			}
			if err := export.WriteDir(out); err != nil {
				return err
			}
			detail := strings.Join([]string{
				"fraction=" + strconv.FormatFloat(fraction, 'f', -1, 64),
				"strata=" + strings.Join(design.Variables, ","),
				"seed=" + strconv.FormatUint(seed, 10),
				"population=" + strconv.Itoa(design.Population),
				"count=" + strconv.Itoa(len(design.Dossiers)),
				"from=" + fromDate.String(),
				"to=" + toDate.String(),
				"group_attributes=" + strconv.FormatBool(groupAttributes),
			}, " ")
			if err := store.RecordAudit(ctx, lekradar.AuditExport, research.AuditObjectType, export.ID, detail); err != nil {
				// An export the trail does not show must not stay behind.
				removeSampleExport(out, export.Files())
				return fmt.Errorf("sample: record the export in the audit trail (export removed): %w", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Sample %s: %d of %d dossiers (fraction %s, strata %s, seed %d) written to %s\n",
				export.ID, len(design.Dossiers), design.Population, strconv.FormatFloat(fraction, 'f', -1, 64),
				sampleOrNone(strings.Join(design.Variables, ",")), seed, out)
			return nil
		},
	}
	cmd.Flags().Float64Var(&fraction, "fraction", 0, "share of the dossiers to draw, more than 0 and at most 1 (required)")
	cmd.Flags().Uint64Var(&seed, "seed", 0, "seed of the random draw; the same seed draws the same sample (required)")
	cmd.Flags().StringVar(&strata, "strata", "", "comma-separated stratification variables: department (or unit), year, allegation, outcome, phase; default none")
	cmd.Flags().StringVar(&out, "out", "", "new or empty directory to write the export into (required)")
	cmd.Flags().StringVar(&from, "from", "", "first opening date of the period (YYYY-MM-DD); default the earliest dossier")
	cmd.Flags().StringVar(&to, "to", "", "last opening date of the period (YYYY-MM-DD); default the latest dossier")
	cmd.Flags().BoolVar(&groupAttributes, "group-attributes", false, "include the suspects' restricted group attributes (surname origin, gender, age band, tenure band)")
	return cmd
}

// sampleInPeriod keeps the dossiers opened between from and to (inclusive; a
// zero bound does not bound). Without a bound every dossier is kept, also
// one without an opening date.
func sampleInPeriod(ds []*lekradar.Dossier, from, to lekradar.Date) []*lekradar.Dossier {
	if from.IsZero() && to.IsZero() {
		return ds
	}
	var out []*lekradar.Dossier
	for _, d := range ds {
		o := d.Opened()
		if o.IsZero() || (!from.IsZero() && o.Before(from)) || (!to.IsZero() && o.After(to)) {
			continue
		}
		out = append(out, d)
	}
	return out
}

func samplePeriodText(from, to lekradar.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return "dossiers opened from " + from.String()
	case from.IsZero():
		return "dossiers opened up to " + to.String()
	}
	return "dossiers opened from " + from.String() + " to " + to.String()
}

func sampleSplitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func sampleOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// removeSampleExport deletes the files of an export that could not be
// recorded.
func removeSampleExport(dir string, files []string) {
	for _, name := range files {
		os.Remove(filepath.Join(dir, name))
	}
}
