package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/analysis"
	"lekradar/report"
)

func newReportCmd() *cobra.Command {
	var (
		from, to, format, out, lang string
	)
	cmd := &cobra.Command{
		Use:   "report [--db …] [--from DATE] [--to DATE] --format html|md|json [--out FILE] [--lang nl|en]",
		Short: "Compute the study's analyses and the fairness monitor over the registry",
		Long: `Compute the analyses of the 2019 Politieacademie study over the dossiers
opened in the period: dossiers per unit per 1,000 FTE with exact Poisson
intervals and a test of whether units differ, ranks of identified suspects
against the workforce (relative risks), recipients, use, initiative, benefit
to crime, harm to ongoing investigations, info types, systems, means,
outcomes and measures, durations per phase, trends, the register of
vulnerable spots as hotspots, registration quality per VIK department, and
the fairness monitor (share among suspects and refutation rate per group,
counts under 5 suppressed, Holm-corrected tests), with its detection half
over lekradar's stored alerts when employee groups have been imported
(lekradar groups import; otherwise the report says there is no detection
data).

--format html writes one self-contained page with inline SVG charts; md
writes Markdown; json writes the report model. Dutch by default (--lang en
for English). The methods are described in docs/analytics.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := analysis.Options{Lang: lang}
			var err error
			if opts.From, err = reportDateFlag("from", from); err != nil {
				return err
			}
			if opts.To, err = reportDateFlag("to", to); err != nil {
				return err
			}
			if !slices.Contains(report.Formats, format) {
				return fmt.Errorf("flag --format: value %q is not supported (allowed: %s)", format, strings.Join(report.Formats, ", "))
			}
			if lang != "nl" && lang != "en" {
				return fmt.Errorf("flag --lang: value %q is not supported (allowed: nl, en)", lang)
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			dossiers, _, err := store.FindDossiers(ctx, lekradar.DossierFilter{OmitReporterIdentities: true})
			if err != nil {
				return fmt.Errorf("report: load dossiers: %w", err)
			}
			wf, err := store.FindWorkforce(ctx)
			if err != nil {
				return fmt.Errorf("report: load workforce: %w", err)
			}
			spots, _, err := store.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{})
			if err != nil {
				return fmt.Errorf("report: load vulnerable spots: %w", err)
			}
			// The detection half of the fairness monitor: alerts and staff
			// per group, counted in the store (no data gives a report that
			// says so).
			if opts.Detection, err = store.DetectionGroupCounts(ctx, opts.From, opts.To); err != nil {
				return fmt.Errorf("report: load detection counts: %w", err)
			}
			r, err := analysis.Build(lekradar.DefaultCodebook(), dossiers, wf, spots, opts)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			// Render fully before writing, so that a failure leaves no
			// half-written file behind.
			var buf bytes.Buffer
			if err := report.Render(&buf, r, format); err != nil {
				return fmt.Errorf("report: %w", err)
			}
			if out == "" || out == "-" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
				return fmt.Errorf("report: write %s: %w", out, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Report of %d dossiers (%s – %s) written to %s\n", r.Totals.Dossiers, r.Period.From, r.Period.To, out)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first opening date of the period (YYYY-MM-DD); default the earliest dossier")
	cmd.Flags().StringVar(&to, "to", "", "last opening date of the period (YYYY-MM-DD); default the latest dossier")
	cmd.Flags().StringVar(&format, "format", "html", "output format: html, md or json")
	cmd.Flags().StringVar(&out, "out", "", "file to write (default standard output)")
	cmd.Flags().StringVar(&lang, "lang", "nl", "language of the report: nl or en")
	return cmd
}

func reportDateFlag(name, value string) (lekradar.Date, error) {
	d, err := lekradar.ParseDate(value)
	if err != nil {
		return d, fmt.Errorf("flag --%s: value %q is not a date YYYY-MM-DD", name, value)
	}
	return d, nil
}
