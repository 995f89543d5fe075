package http

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"lekradar"
)

// lookupCSVHeader is the header of the store's CSV export of a log search
// (sqlstore.LookupCSVHeader); the PDF prints the SHA-256 of the same rows
// in that form, so that a PDF and a CSV export can be matched.
var lookupCSVHeader = []string{"event_id", "ts", "employee_id", "system", "action", "person_id", "case_id",
	"explained_by", "signals", "alert_id"}

// lookupRowsSHA256 returns the hex SHA-256 of the look-ups written as the
// store's CSV export writes them.
func lookupRowsSHA256(rows []*lekradar.StoredLookup) string {
	h := sha256.New()
	cw := csv.NewWriter(h)
	_ = cw.Write(lookupCSVHeader) // a hash takes every write
	for _, l := range rows {
		explained := ""
		if l.ExplainedBy != nil {
			explained = *l.ExplainedBy
		}
		_ = cw.Write([]string{l.ID, l.TS.UTC().Format(time.RFC3339Nano), l.EmployeeID, l.System, l.Action,
			l.PersonID, l.CaseID, explained, strings.Join(l.Signals, ";"), l.AlertID})
	}
	cw.Flush()
	return hex.EncodeToString(h.Sum(nil))
}

// lookupPDF is a log search as an A4 document for a dossier: who searched
// when, the filter, every look-up, and the SHA-256 of the rows at the end.
//
// A file cannot contain its own hash, so the document prints the hash of
// its rows in CSV form (the same as the CSV export's), and the hash of the
// file itself is recorded in the audit trail when it is served.
type lookupPDF struct {
	p          *page
	form       logSearchForm
	rows       []*lekradar.StoredLookup
	searchedBy string
	at         time.Time
	rowsSHA256 string
}

// column widths in mm on landscape A4 (277 mm between the margins).
var lookupPDFColumns = []struct {
	key   string
	width float64
}{
	{"logsearch.time", 33}, {"logsearch.system", 24}, {"logsearch.action", 18}, {"logsearch.employee", 26},
	{"logsearch.person", 26}, {"logsearch.case", 30}, {"logsearch.outcome", 88}, {"logsearch.alert", 32},
}

func (d *lookupPDF) render() ([]byte, error) {
	p := d.p
	pdf := fpdf.New("L", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("") // core fonts speak cp1252
	pdf.SetCreationDate(d.at)
	pdf.SetModificationDate(d.at)
	pdf.SetTitle(p.T("pdf.title"), true)
	pdf.SetCreator("lekradar", true)
	pdf.SetAuthor(d.searchedBy, true)
	pdf.SetMargins(10, 12, 10)
	pdf.SetAutoPageBreak(false, 12)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont("Helvetica", "", 7)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, tr(fmt.Sprintf(p.T("pdf.footer"), d.at.UTC().Format("2006-01-02 15:04:05"), pdf.PageNo())), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})

	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 15)
	pdf.CellFormat(0, 9, tr(p.T("pdf.title")), "", 1, "L", false, 0, "")
	pdf.Ln(2)
	facts := [][2]string{
		{p.T("pdf.searched_by"), d.searchedBy},
		{p.T("pdf.exported_at"), d.at.UTC().Format("2006-01-02 15:04:05") + " UTC"},
		{p.T("logsearch.person_id"), orDash(d.form.PersonID)},
		{p.T("logsearch.employee_id"), orDash(d.form.EmployeeID)},
		{p.T("logsearch.from"), orDash(d.form.From)},
		{p.T("logsearch.to"), orDash(d.form.To)},
		{p.T("pdf.rows"), fmt.Sprint(len(d.rows))},
	}
	for _, f := range facts {
		pdf.SetFont("Helvetica", "B", 9)
		pdf.CellFormat(45, 5, tr(f[0]), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 9)
		pdf.CellFormat(0, 5, tr(f[1]), "", 1, "L", false, 0, "")
	}
	pdf.SetFont("Helvetica", "I", 8)
	pdf.MultiCell(0, 4, tr(p.T("pdf.times_note")), "", "L", false)
	pdf.Ln(3)

	_, pageH := pdf.GetPageSize()
	bottom := pageH - 14
	const lineH = 4.0
	// row draws one table row of wrapped cells; it reports the height
	// without drawing when measure is set.
	row := func(cells []string, fill, measure bool) float64 {
		lines := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			lines[i] = pdf.SplitText(tr(c), lookupPDFColumns[i].width-2)
			n = max(n, len(lines[i]))
		}
		h := float64(n)*lineH + 1
		if measure {
			return h
		}
		x, y := pdf.GetX(), pdf.GetY()
		for i, c := range lookupPDFColumns {
			style := "D"
			if fill {
				style = "FD"
			}
			pdf.Rect(x, y, c.width, h, style)
			for k, line := range lines[i] {
				pdf.SetXY(x+1, y+0.5+float64(k)*lineH)
				pdf.CellFormat(c.width-2, lineH, line, "", 0, "L", false, 0, "")
			}
			x += c.width
		}
		pdf.SetXY(10, y+h)
		return h
	}
	var headings []string
	for _, c := range lookupPDFColumns {
		headings = append(headings, p.T(c.key))
	}
	header := func() {
		pdf.SetFont("Helvetica", "B", 8)
		pdf.SetFillColor(230, 234, 241)
		row(headings, true, false)
		pdf.SetFont("Helvetica", "", 8)
	}
	header()
	for _, l := range d.rows {
		cells := []string{
			l.TS.UTC().Format("2006-01-02 15:04:05"), shortLabel(p.SystemLabel(l.System)), p.ActionLabel(l.Action),
			l.EmployeeID, l.PersonID, l.CaseID, p.Outcome(l), l.AlertID,
		}
		if pdf.GetY()+row(cells, false, true) > bottom {
			pdf.AddPage()
			header()
		}
		row(cells, false, false)
	}
	if len(d.rows) == 0 {
		pdf.CellFormat(0, 6, tr(p.T("logsearch.none")), "1", 1, "L", false, 0, "")
	}

	if pdf.GetY()+24 > bottom {
		pdf.AddPage()
	}
	pdf.Ln(5)
	pdf.SetFont("Helvetica", "B", 9)
	pdf.CellFormat(0, 5, tr(p.T("pdf.sha256")), "", 1, "L", false, 0, "")
	pdf.SetFont("Courier", "", 9)
	pdf.CellFormat(0, 5, d.rowsSHA256, "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "I", 8)
	pdf.MultiCell(0, 4, tr(p.T("pdf.sha256_note")), "", "L", false)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render log search PDF: %w", err)
	}
	return buf.Bytes(), nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// shortLabel drops a label's explanation in parentheses ("BVH
// (Basisvoorziening Handhaving)" → "BVH") to keep table rows to one line.
func shortLabel(label string) string {
	if i := strings.Index(label, " ("); i > 0 {
		return label[:i]
	}
	return label
}
