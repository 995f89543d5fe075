package research

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WorkbookFile is the name of the XLSX workbook in an export directory.
const WorkbookFile = "sample.xlsx"

// Files returns the names of the files WriteDir writes, in order.
func (e *Export) Files() []string {
	var names []string
	for _, t := range e.Tables {
		names = append(names, t.Name+".csv")
	}
	return append(names, WorkbookFile, "codebook.csv", "codebook.md", "README.md")
}

// WriteDir writes the export into dir, which must be empty or not exist yet
// (it is then made, readable by its owner only). Files are readable by
// their owner only. On failure the files written so far are removed.
func (e *Export) WriteDir(dir string) (err error) {
	if err := prepareDir(dir); err != nil {
		return err
	}
	var written []string
	defer func() {
		if err != nil {
			for _, p := range written {
				os.Remove(p)
			}
		}
	}()
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, name)
		written = append(written, p)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return fmt.Errorf("research export: write %s: %w", p, err)
		}
		return nil
	}
	for _, t := range append(append([]*Table{}, e.Tables...), e.Codebook) {
		data, err := csvBytes(t)
		if err != nil {
			return fmt.Errorf("research export: %s.csv: %w", t.Name, err)
		}
		if err := write(t.Name+".csv", data); err != nil {
			return err
		}
	}
	wb, err := e.workbook()
	if err != nil {
		return err
	}
	if err := write(WorkbookFile, wb); err != nil {
		return err
	}
	if err := write("codebook.md", codebookMarkdown(e)); err != nil {
		return err
	}
	return write("README.md", e.README())
}

// CheckOutputDir reports whether dir can take an export: it must not exist
// yet, or be an empty directory. Call it before reading the registry, so
// that a wrong --out costs no reads.
func CheckOutputDir(dir string) error {
	_, err := checkDir(dir)
	return err
}

// checkDir refuses a directory that holds anything, so that an export never
// mixes with (or overwrites) other files; exists is false when dir is
// missing.
func checkDir(dir string) (exists bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("research export: directory %s: %w", dir, err)
	case len(entries) > 0:
		return true, fmt.Errorf("research export: directory %s is not empty (it holds %s…): choose a new or empty directory", dir, entries[0].Name())
	}
	return true, nil
}

// prepareDir checks dir and makes it when it is missing.
func prepareDir(dir string) error {
	exists, err := checkDir(dir)
	if err != nil || exists {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("research export: make directory %s: %w", dir, err)
	}
	return nil
}

func csvBytes(t *Table) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeCSV(&buf, t); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header()); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// workbook returns the XLSX workbook: a sheet per table, the codebook last.
// Numbers are written as numbers, empty cells as blanks.
func (e *Export) workbook() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	tables := append(append([]*Table{}, e.Tables...), e.Codebook)
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), t.Name); err != nil {
				return nil, fmt.Errorf("research export: workbook: %w", err)
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return nil, fmt.Errorf("research export: workbook: %w", err)
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return nil, fmt.Errorf("research export: workbook sheet %s: %w", t.Name, err)
		}
		header := make([]any, len(t.Columns))
		for j, c := range t.Columns {
			header[j] = c.Name
		}
		if err := sw.SetRow("A1", header); err != nil {
			return nil, fmt.Errorf("research export: workbook sheet %s: %w", t.Name, err)
		}
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = cellValue(t.Columns[j].Type, v)
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return nil, fmt.Errorf("research export: workbook sheet %s row %d: %w", t.Name, r+2, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, fmt.Errorf("research export: workbook sheet %s: %w", t.Name, err)
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("research export: workbook: %w", err)
	}
	return buf.Bytes(), nil
}

func cellValue(typ, v string) any {
	if v == "" {
		return nil
	}
	switch typ {
	case TypeInteger:
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	case TypeNumber:
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return x
		}
	}
	return v
}

// codebookMarkdown renders the codebook as one Markdown table per field.
func codebookMarkdown(e *Export) []byte {
	var b strings.Builder
	cb := e.Options.Codebook
	fmt.Fprintf(&b, "# Codebook (version %s)\n\nEvery code a coded column can take, with its Dutch and English label. The same list is in codebook.csv and on the codebook sheet of %s.\n", cb.Version, WorkbookFile)
	for _, f := range cb.Fields {
		fmt.Fprintf(&b, "\n## %s — %s / %s\n\n", f.Name, f.NL, f.EN)
		if f.Restricted {
			b.WriteString("Restricted group attribute: for aggregate analysis only.\n\n")
		}
		b.WriteString("| code | Nederlands | English |\n|---|---|---|\n")
		for _, c := range f.Codes {
			retired := ""
			if c.Retired {
				retired = " (retired)"
			}
			fmt.Fprintf(&b, "| `%s`%s | %s | %s |\n", c.Code, retired, mdCell(c.NL), mdCell(c.EN))
		}
	}
	return []byte(b.String())
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
