package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"lekradar"
)

// dossierCSVColumns is the flat CSV form of a dossier, one row per dossier,
// for spreadsheets and statistics packages. It is a public format: keep it in
// step with docs/dossier-format.md and only ever append columns.
//
// Lists are joined by ";". Columns that describe the parts of one list
// (phases and phase_dates; the suspect_* columns; the item columns) are
// aligned: the n-th value of each belongs to the n-th entry, and an unknown
// value is an empty string between the separators. The reporter reference,
// the employee reference, the restricted group attributes and free-text
// descriptions are left out: this export is for analysis, and the JSON
// export carries the full record.
var dossierCSVColumns = []string{
	"id", "reg_no", "department", "allegation", "opened",
	"current_phase", "phases", "phase_dates",
	"suspicion_outcome", "disciplinary_measure", "criminal_outcome",
	"investigative_means", "means_dates",
	"reports", "report_channels", "report_received",
	"suspects", "suspects_identified", "suspect_ranks", "suspect_units", "suspect_team_kinds", "suspect_executive",
	"leaked_items", "item_source_systems", "item_info_types", "item_ongoing_investigation", "item_harms",
	"use", "recipient", "initiative", "benefit_to_crime", "motive",
	"created_at", "updated_at",
}

// dossierCSVWriter writes the header before the first row, so that an empty
// result is still a valid CSV file with its header.
type dossierCSVWriter struct {
	w             *csv.Writer
	headerWritten bool
}

func newDossierCSVWriter(w io.Writer) *dossierCSVWriter {
	return &dossierCSVWriter{w: csv.NewWriter(w)}
}

func (cw *dossierCSVWriter) writeHeader() error {
	if cw.headerWritten {
		return nil
	}
	cw.headerWritten = true
	if err := cw.w.Write(dossierCSVColumns); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	return nil
}

// Write appends one dossier as one row.
func (cw *dossierCSVWriter) Write(d *lekradar.Dossier) error {
	if err := cw.writeHeader(); err != nil {
		return err
	}
	if err := cw.w.Write(dossierCSVRecord(d)); err != nil {
		return fmt.Errorf("write csv row for %s: %w", d.RegNo, err)
	}
	return nil
}

// Flush writes the header if no row was written, and flushes.
func (cw *dossierCSVWriter) Flush() error {
	if err := cw.writeHeader(); err != nil {
		return err
	}
	cw.w.Flush()
	if err := cw.w.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// dossierCSVRecord flattens a dossier into the values of dossierCSVColumns.
func dossierCSVRecord(d *lekradar.Dossier) []string {
	identified := 0
	for _, s := range d.Suspects {
		if s.Identified {
			identified++
		}
	}
	rec := []string{
		fmt.Sprint(d.ID), d.RegNo, d.Department, d.Allegation, d.Opened().String(),
		d.CurrentPhase(),
		joinEach(d.Phases, func(p lekradar.PhaseEntry) string { return p.Phase }),
		joinEach(d.Phases, func(p lekradar.PhaseEntry) string { return p.Date.String() }),
		d.SuspicionOutcome, d.DisciplinaryMeasure, d.CriminalOutcome,
		joinEach(d.Means, func(m lekradar.MeansEntry) string { return m.Means }),
		joinEach(d.Means, func(m lekradar.MeansEntry) string { return m.Date.String() }),
		itoa(len(d.Reports)),
		joinEach(d.Reports, func(r lekradar.Report) string { return r.Channel }),
		joinEach(d.Reports, func(r lekradar.Report) string { return r.Received.String() }),
		itoa(len(d.Suspects)), itoa(identified),
		joinEach(d.Suspects, func(s lekradar.Suspect) string { return s.Rank }),
		joinEach(d.Suspects, func(s lekradar.Suspect) string { return s.Unit }),
		joinEach(d.Suspects, func(s lekradar.Suspect) string { return s.TeamKind }),
		joinEach(d.Suspects, func(s lekradar.Suspect) string { return boolText(s.Executive) }),
		itoa(len(d.Items)),
		joinEach(d.Items, func(it lekradar.LeakedItem) string { return it.SourceSystem }),
		joinEach(d.Items, func(it lekradar.LeakedItem) string { return it.InfoType }),
		joinEach(d.Items, func(it lekradar.LeakedItem) string { return boolText(it.OngoingInvestigation) }),
		joinEach(d.Items, func(it lekradar.LeakedItem) string { return it.Harm }),
		d.Context.Use, d.Context.Recipient, d.Context.Initiative, boolText(d.Context.BenefitToCrime), d.Context.Motive,
		timeText(d.CreatedAt), timeText(d.UpdatedAt),
	}
	return rec
}

func joinEach[T any](xs []T, f func(T) string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = f(x)
	}
	return strings.Join(parts, ";")
}

// boolText is true, false, or empty for unknown.
func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	return fmt.Sprint(*b)
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
