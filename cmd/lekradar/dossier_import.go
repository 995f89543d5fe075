package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"lekradar"
	"lekradar/sqlstore"
)

func newDossierImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Import dossiers from JSON Lines, all or nothing",
		Long: `Import dossiers from FILE ("-" for stdin): JSON Lines, one dossier object per
line, the shape that lekradar dossier export --format jsonl writes. Blank
lines are ignored.

The import is all or nothing. Every line is decoded strictly (an unknown key
is an error, since it is usually a typo) and validated against the codebook,
and registration numbers must be unique within the file and new to the
database. If any line has a problem, nothing is stored: every problem is
printed as FILE:LINE: field F: value "V": message (allowed: codes) and the
command exits with status 1. Otherwise all dossiers are stored in one
transaction.

The ids of dossiers and their parts are assigned by the receiving database;
ids in the file are ignored. A dossier without reg_no gets the next number of
its department and opening year.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, r, closeInput, err := openInput(cmd, args[0])
			if err != nil {
				return err
			}
			defer closeInput()
			records, problems, err := readDossierLines(r, lekradar.DefaultCodebook())
			if err != nil {
				return fmt.Errorf("import %s: %w", name, err)
			}
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			conflicts, err := registeredRegNos(cmd, store, records)
			if err != nil {
				return fmt.Errorf("import %s: %w", name, err)
			}
			problems = append(problems, conflicts...)
			if len(problems) > 0 {
				reportImportProblems(cmd.ErrOrStderr(), name, problems, len(records))
				return exitError{code: 1}
			}
			ds := make([]*lekradar.Dossier, len(records))
			for i, rec := range records {
				ds[i] = clearStoreIDs(rec.dossier)
			}
			if err := store.CreateDossiers(cmd.Context(), ds); err != nil {
				return fmt.Errorf("import %s: nothing imported: %w", name, importStoreError(err, records))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %s from %s\n", plural(len(ds), "dossier", "dossiers"), name)
			return nil
		},
	}
}

// importRecord is one decoded dossier and the line it came from.
type importRecord struct {
	line    int
	dossier *lekradar.Dossier
}

// importProblem is one reason an import line is refused.
type importProblem struct {
	line int
	text string // "field F: value "V": message (allowed: …)" or a decoding error
}

// readDossierLines decodes and validates every line and collects every
// problem instead of stopping at the first, so that a user fixes a file in
// one pass. Records are returned only for lines without problems. The error
// is for failures to read at all.
func readDossierLines(r io.Reader, cb *lekradar.Codebook) ([]importRecord, []importProblem, error) {
	var (
		records  []importRecord
		problems []importProblem
		regLine  = map[string]int{} // reg_no → first line with it
		br       = bufio.NewReader(r)
		lineNo   = 0
	)
	for {
		line, readErr := br.ReadBytes('\n')
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return nil, nil, fmt.Errorf("read line %d: %w", lineNo+1, readErr)
		}
		if len(line) > 0 {
			lineNo++
			if lineNo == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark from a spreadsheet tool
			}
			if line = bytes.TrimSpace(line); len(line) > 0 {
				d, lineProblems := decodeDossierLine(line, cb)
				if d != nil && d.RegNo != "" {
					if first, dup := regLine[d.RegNo]; dup {
						lineProblems = append(lineProblems, fmt.Sprintf("field reg_no: value %q: appears twice in the file (first on line %d)", d.RegNo, first))
					} else {
						regLine[d.RegNo] = lineNo
					}
				}
				for _, p := range lineProblems {
					problems = append(problems, importProblem{line: lineNo, text: p})
				}
				if len(lineProblems) == 0 {
					records = append(records, importRecord{line: lineNo, dossier: d})
				}
			}
		}
		if readErr != nil {
			return records, problems, nil
		}
	}
}

// decodeDossierLine decodes one line strictly and validates it. It returns
// the dossier when it could be decoded (even if invalid, so that duplicate
// registration numbers are still found) and the problems as text.
func decodeDossierLine(line []byte, cb *lekradar.Codebook) (*lekradar.Dossier, []string) {
	d, err := lekradar.ParseDossierJSON(line, cb)
	if err == nil {
		return d, nil
	}
	var v *lekradar.ValidationError
	if !errors.As(err, &v) {
		return nil, []string{err.Error()}
	}
	texts := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		texts[i] = f.String()
	}
	return d, texts
}

// registeredRegNos reports the records whose registration number is already
// in the database. It asks only whether the number exists, so it reads no
// reporter identities (which would put an identity read of every existing
// dossier into the audit trail).
func registeredRegNos(cmd *cobra.Command, store *sqlstore.Store, records []importRecord) ([]importProblem, error) {
	var problems []importProblem
	for _, rec := range records {
		if rec.dossier.RegNo == "" {
			continue
		}
		found, _, err := store.FindDossiers(cmd.Context(), lekradar.DossierFilter{
			RegNo: &rec.dossier.RegNo, OmitReporterIdentities: true, Limit: 1,
		})
		if err != nil {
			return nil, fmt.Errorf("line %d: look up reg_no %s: %w", rec.line, rec.dossier.RegNo, err)
		}
		if len(found) == 0 {
			continue
		}
		existing := found[0]
		problems = append(problems, importProblem{
			line: rec.line,
			text: fmt.Sprintf("field reg_no: value %q: is already registered in the database (id %d)", rec.dossier.RegNo, existing.ID),
		})
	}
	return problems, nil
}

// reportImportProblems prints every problem in line order, then a summary.
func reportImportProblems(w io.Writer, name string, problems []importProblem, goodRecords int) {
	slices.SortStableFunc(problems, func(a, b importProblem) int { return cmp.Compare(a.line, b.line) })
	badLines := map[int]bool{}
	for _, p := range problems {
		fmt.Fprintf(w, "%s:%d: %s\n", name, p.line, p.text)
		badLines[p.line] = true
	}
	fmt.Fprintf(w, "%s: %s on %s; nothing imported\n",
		name, plural(len(problems), "problem", "problems"), plural(len(badLines), "line", "lines"))
}

// importStoreError points a failure of the batch store at the file's line.
func importStoreError(err error, records []importRecord) error {
	var be *sqlstore.BatchError
	if errors.As(err, &be) && be.Index >= 0 && be.Index < len(records) {
		return fmt.Errorf("line %d: %w", records[be.Index].line, err)
	}
	return err
}

// clearStoreIDs drops the ids a dossier had in the registry it was exported
// from: ids belong to a database, the registration number is the identity.
func clearStoreIDs(d *lekradar.Dossier) *lekradar.Dossier {
	d.ID = 0
	for i := range d.Reports {
		d.Reports[i].ID = 0
	}
	for i := range d.Suspects {
		d.Suspects[i].ID = 0
	}
	for i := range d.Items {
		d.Items[i].ID = 0
	}
	return d
}

// openInput opens a file, or stdin for "-", and returns a name for messages.
func openInput(cmd *cobra.Command, file string) (string, io.Reader, func(), error) {
	if file == "-" {
		return "stdin", cmd.InOrStdin(), func() {}, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return file, nil, nil, err // an *os.PathError: "open FILE: reason"
	}
	return file, f, func() { f.Close() }, nil
}
