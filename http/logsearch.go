package http

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lekradar"
)

// logSearchPageSize is the number of look-ups on one page of the timeline.
const logSearchPageSize = 100

// maxPDFRows bounds a PDF export (about 130 pages); a larger search is
// narrowed or exported as CSV.
const maxPDFRows = 5000

// lookupExporter is what log search needs of the store: the search, the
// CSV export (hashed and audited by the store) and an audit entry for the
// PDF, which is made here. *sqlstore.Store implements it.
type lookupExporter interface {
	lekradar.LookupStore
	ExportLookupsCSV(ctx context.Context, f lekradar.LookupFilter, w io.Writer) (string, int, error)
	RecordAudit(ctx context.Context, action, objectType, objectID, detail string) error
}

// logSearchRoutes registers log search (logging-onderzoek). The subject
// of a search is personal data, so every search is a POST: the ids travel
// in the body, never in a URL.
func (s *Server) logSearchRoutes(mux *http.ServeMux) {
	if _, ok := s.store.(lookupExporter); !ok {
		return
	}
	s.handle(mux, "GET /logsearch", lookupSearcher, s.handleLogSearchForm)
	s.handle(mux, "POST /logsearch", lookupSearcher, s.handleLogSearch)
	s.handle(mux, "POST /logsearch/export/csv", lookupSearcher, s.handleLogExportCSV)
	s.handle(mux, "POST /logsearch/export/pdf", lookupSearcher, s.handleLogExportPDF)
}

// lookupSearcher: log search is an investigative means, for investigators.
func lookupSearcher(u *lekradar.User) bool { return u != nil && lekradar.CanSearchLookups(u) }

func (s *Server) lookups() lookupExporter {
	l, _ := s.store.(lookupExporter)
	return l
}

// logSearchForm is the search as typed: a person or an employee id and a
// period of UTC days, the end day included.
type logSearchForm struct {
	PersonID, EmployeeID string
	From, To             string
	Page                 int
}

// logSearchData is the search page: the form, its errors and one page of
// the timeline.
type logSearchData struct {
	Form     logSearchForm
	Errors   map[string]string // field → message key
	Searched bool
	Lookups  []*lekradar.StoredLookup
	Total    int
	From, To int
	Prev     int // page numbers of the neighbouring pages; 0 for none
	Next     int
}

// E returns the message key of a field's error.
func (d *logSearchData) E(field string) string { return d.Errors[field] }

func readLogSearchForm(r *http.Request) logSearchForm {
	f := logSearchForm{
		PersonID:   strings.TrimSpace(r.PostFormValue("person_id")),
		EmployeeID: strings.TrimSpace(r.PostFormValue("employee_id")),
		From:       strings.TrimSpace(r.PostFormValue("from")),
		To:         strings.TrimSpace(r.PostFormValue("to")),
	}
	f.Page, _ = strconv.Atoi(r.PostFormValue("page"))
	f.Page = max(f.Page, 1)
	return f
}

// filter checks the form and turns it into the store's filter; errors map
// fields to message keys.
func (f logSearchForm) filter() (lekradar.LookupFilter, map[string]string) {
	errs := map[string]string{}
	lf := lekradar.LookupFilter{PersonID: f.PersonID, EmployeeID: f.EmployeeID}
	switch {
	case f.PersonID == "" && f.EmployeeID == "":
		errs["person_id"] = "logsearch.err_subject"
	case f.PersonID != "" && f.EmployeeID != "":
		errs["employee_id"] = "logsearch.err_both"
	}
	if d, err := lekradar.ParseDate(f.From); err != nil {
		errs["from"] = "valerr.not_a_date"
	} else if !d.IsZero() {
		lf.From = d.Time()
	}
	if d, err := lekradar.ParseDate(f.To); err != nil {
		errs["to"] = "valerr.not_a_date"
	} else if !d.IsZero() {
		lf.To = d.Time().AddDate(0, 0, 1) // the end day is included
	}
	if errs["from"] == "" && errs["to"] == "" && !lf.From.IsZero() && !lf.To.IsZero() && !lf.To.After(lf.From) {
		errs["to"] = "logsearch.err_period"
	}
	if len(errs) > 0 {
		return lf, errs
	}
	return lf, nil
}

func (s *Server) handleLogSearchForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "logsearch", "logsearch.title", &logSearchData{Form: logSearchForm{Page: 1}})
}

// handleLogSearch shows one page of the timeline, oldest first. The store
// audits the search with its filter.
func (s *Server) handleLogSearch(w http.ResponseWriter, r *http.Request) {
	form := readLogSearchForm(r)
	data := &logSearchData{Form: form}
	lf, errs := form.filter()
	if errs != nil {
		data.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "logsearch", "logsearch.title", data)
		return
	}
	lf.Offset, lf.Limit = (form.Page-1)*logSearchPageSize, logSearchPageSize
	found, total, err := s.lookups().FindLookups(r.Context(), lf)
	if err != nil {
		if s.logSearchInvalid(w, r, err, data) {
			return
		}
		s.fail(w, r, err)
		return
	}
	data.Searched, data.Lookups, data.Total = true, found, total
	data.From, data.To = lf.Offset+1, lf.Offset+len(found)
	if len(found) == 0 {
		data.From = 0
	}
	if form.Page > 1 {
		data.Prev = form.Page - 1
	}
	if data.To < total {
		data.Next = form.Page + 1
	}
	s.render(w, r, http.StatusOK, "logsearch", "logsearch.title", data)
}

// logSearchInvalid shows the store's refusal of a filter at the form; it
// reports whether err was such a refusal. Searching one's own look-ups is
// forbidden by the store and answered 403 by fail.
func (s *Server) logSearchInvalid(w http.ResponseWriter, r *http.Request, err error, data *logSearchData) bool {
	if lekradar.ErrorCode(err) != lekradar.EINVALID {
		return false
	}
	data.Errors = map[string]string{"person_id": "error.invalid"}
	s.render(w, r, http.StatusUnprocessableEntity, "logsearch", "logsearch.title", data)
	return true
}

// exportFilename is the neutral name of an export: no ids, only the time.
func (s *Server) exportFilename(ext string) string {
	return "logging-onderzoek-" + s.cfg.Now().UTC().Format("20060102-150405") + "." + ext
}

// sendExport serves an export as a download, with its SHA-256 as
// Repr-Digest so that a client can check what it received.
func (s *Server) sendExport(w http.ResponseWriter, contentType, filename string, body []byte) {
	sum := sha256.Sum256(body)
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum[:])+":")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// handleLogExportCSV exports every look-up of the search (not one page)
// as CSV. The store hashes what it writes and records the export with the
// SHA-256; it is buffered so that a failure is a clean error page.
func (s *Server) handleLogExportCSV(w http.ResponseWriter, r *http.Request) {
	form := readLogSearchForm(r)
	lf, errs := form.filter()
	if errs != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "logsearch", "logsearch.title", &logSearchData{Form: form, Errors: errs})
		return
	}
	var buf bytes.Buffer
	if _, _, err := s.lookups().ExportLookupsCSV(r.Context(), lf, &buf); err != nil {
		if s.logSearchInvalid(w, r, err, &logSearchData{Form: form}) {
			return
		}
		s.fail(w, r, err)
		return
	}
	s.sendExport(w, "text/csv; charset=utf-8", s.exportFilename("csv"), buf.Bytes())
}

// handleLogExportPDF exports every look-up of the search as an A4 PDF for
// the dossier and records the export, with the SHA-256 of the file served,
// in the audit trail before serving it.
func (s *Server) handleLogExportPDF(w http.ResponseWriter, r *http.Request) {
	form := readLogSearchForm(r)
	lf, errs := form.filter()
	if errs != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "logsearch", "logsearch.title", &logSearchData{Form: form, Errors: errs})
		return
	}
	ctx := r.Context()
	lf.Limit = maxPDFRows
	found, total, err := s.lookups().FindLookups(ctx, lf)
	if err != nil {
		if s.logSearchInvalid(w, r, err, &logSearchData{Form: form}) {
			return
		}
		s.fail(w, r, err)
		return
	}
	if total > maxPDFRows {
		data := &logSearchData{Form: form, Errors: map[string]string{"export": "logsearch.err_pdf_size"}}
		s.render(w, r, http.StatusUnprocessableEntity, "logsearch", "logsearch.title", data)
		return
	}
	lf.Limit = 0
	p := s.newPage(r, "logsearch.title", nil)
	doc := lookupPDF{
		p: p, form: form, rows: found,
		searchedBy: stateOf(r).user.Username,
		at:         s.cfg.Now(),
		rowsSHA256: lookupRowsSHA256(found),
	}
	body, err := doc.render()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sum := sha256.Sum256(body)
	detail := exportAuditDetail(lf) + " format=pdf rows=" + strconv.Itoa(len(found)) +
		" sha256=" + hex.EncodeToString(sum[:]) + " rows_sha256=" + doc.rowsSHA256
	if err := s.lookups().RecordAudit(ctx, lekradar.AuditExport, lekradar.ObjectLookups, "", detail); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendExport(w, "application/pdf", s.exportFilename("pdf"), body)
}

// exportAuditDetail describes the export's filter as the store's CSV
// export does (docs/security.md: searches and exports name their subject
// in the trail, which only auditors read).
func exportAuditDetail(f lekradar.LookupFilter) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("person", f.PersonID)
	add("employee", f.EmployeeID)
	if !f.From.IsZero() {
		add("from", f.From.UTC().Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		add("to", f.To.UTC().Format(time.RFC3339))
	}
	return strings.Join(parts, " ")
}

// pageArgs passes the page and a page number to the hidden filter fields
// of the pager and export forms.
type pageArgs struct {
	P    *page
	Page int
}

// PageArgs is the hidden filter of a form that repeats the search (page 0:
// every look-up, for the exports).
func (p *page) PageArgs(n int) pageArgs { return pageArgs{P: p, Page: n} }

// MaxPDFRows is the largest PDF export, for its error message.
func (p *page) MaxPDFRows() int { return maxPDFRows }
