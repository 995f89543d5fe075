package http_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"lekradar"
	lekhttp "lekradar/http"
)

// TestLogSearch: the timeline of a person or an employee, in time order,
// each look-up with its explanation or signals; period and form errors.
func TestLogSearch(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	e := storeEvents(t, "", lekradar.SeverityHigh, 4)

	for _, form := range []url.Values{{"person_id": {e.person}}, {"employee_id": {e.employee}}} {
		resp, body := c.post(t, "/logsearch", form)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("search %v: status %d", form, resp.StatusCode)
		}
		i1, i2, i3 := strings.Index(body, "2026-03-02 09:00:00"), strings.Index(body, "2026-03-03 11:00:00"), strings.Index(body, "2026-03-04 11:00:00")
		if i1 < 0 || i2 < 0 || i3 < 0 || !(i1 < i2 && i2 < i3) {
			t.Errorf("search %v: look-ups not in time order (%d, %d, %d)", form, i1, i2, i3)
		}
		for _, want := range []string{
			"verklaard: opgegeven zaaknummer", e.explained.CaseID,
			"niet verklaard; signalen: Buiten dienst, Ongebruikelijk tijdstip",
			"niet verklaard; signalen: Partner",
			`href="/alerts/` + e.alertID + `"`,
			e.employee, e.person,
			"Raadplegingen 1–3 van 3",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("search %v: result lacks %q", form, want)
			}
		}
	}

	t.Run("period", func(t *testing.T) {
		// 2026-03-03 only: the second look-up.
		_, body := c.post(t, "/logsearch", url.Values{"person_id": {e.person}, "from": {"2026-03-03"}, "to": {"2026-03-03"}})
		if !strings.Contains(body, "2026-03-03 11:00:00") || strings.Contains(body, "2026-03-02 09:00:00") || strings.Contains(body, "2026-03-04 11:00:00") {
			t.Errorf("a one-day period does not give exactly that day's look-up")
		}
	})

	t.Run("form errors", func(t *testing.T) {
		for _, tt := range []struct {
			form  url.Values
			field string
			text  string
		}{
			{url.Values{}, "person_id", "vul een persoonsnummer of een personeelsnummer in"},
			{url.Values{"person_id": {e.person}, "employee_id": {e.employee}}, "employee_id", "niet allebei"},
			{url.Values{"person_id": {e.person}, "from": {"2026-03-05"}, "to": {"2026-03-04"}}, "to", "mag niet voor de begindatum liggen"},
			{url.Values{"person_id": {e.person}, "from": {"5 maart"}}, "from", "geen datum"},
		} {
			resp, body := c.post(t, "/logsearch", tt.form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%v: status %d, want 422", tt.form, resp.StatusCode)
			}
			if !regexp.MustCompile(`name="`+tt.field+`"[^>]*aria-invalid="true"`).MatchString(body) || !strings.Contains(body, tt.text) {
				t.Errorf("%v: no error %q at field %s", tt.form, tt.text, tt.field)
			}
			if strings.Contains(body, "2026-03-02 09:00:00") {
				t.Errorf("%v: results shown despite the error", tt.form)
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		person := storeMany(t, 130)
		_, body := c.post(t, "/logsearch", url.Values{"person_id": {person}})
		rows := strings.Count(body, `<tr class="`)
		if rows != 100 || !strings.Contains(body, "Raadplegingen 1–100 van 130") {
			t.Fatalf("page 1: %d rows", rows)
		}
		next := regexp.MustCompile(`<input type="hidden" name="page" value="(\d+)">`).FindAllStringSubmatch(body, -1)
		if len(next) != 1 || next[0][1] != "2" {
			t.Fatalf("page 1: pager %v, want one form for page 2", next)
		}
		_, body = c.post(t, "/logsearch", url.Values{"person_id": {person}, "page": {"2"}})
		if rows := strings.Count(body, `<tr class="`); rows != 30 || !strings.Contains(body, "Raadplegingen 101–130 van 130") {
			t.Errorf("page 2: %d rows", rows)
		}
		if !strings.Contains(body, "12:09:00") || strings.Contains(body, "10:39:00<") {
			t.Errorf("page 2 does not hold the last 30 look-ups")
		}
	})

	t.Run("English", func(t *testing.T) {
		c := loggedIn(t, ts, "demo-investigator")
		c.get(t, "/lang?set=en&next=/logsearch")
		_, body := c.post(t, "/logsearch", url.Values{"person_id": {e.person}})
		for _, want := range []string{"explained: case number given", "not explained; signals: Off shift, Unusual hour", "Look-ups 1–3 of 3"} {
			if !strings.Contains(body, want) {
				t.Errorf("English result lacks %q", want)
			}
		}
	})
}

// storeMany stores n look-ups of a new person, one a minute from 10:00.
func storeMany(t testing.TB, n int) string {
	t.Helper()
	seq := userSeq.Add(1)
	person := fmt.Sprintf("PRS-M%05d", seq)
	w, err := fx.store.NewScanWriter(fx.sysCtx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		ev := lekradar.LookupEvent{ID: fmt.Sprintf("ev-m%05d-%03d", seq, i), TS: time.Date(2026, 4, 1, 10, i, 0, 0, time.UTC),
			EmployeeID: fmt.Sprintf("E-M%05d", seq), System: "bvh", Action: lekradar.ActionQuery, PersonID: person}
		if err := w.WriteLookup(ev, "role_based", nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return person
}

// lastExport returns the newest export entry of the look-up log.
func lastExport(t *testing.T) *lekradar.AuditEntry {
	t.Helper()
	action, object := lekradar.AuditExport, lekradar.ObjectLookups
	entries, _, err := fx.store.FindAuditEntries(fx.sysCtx, lekradar.AuditFilter{Action: &action, ObjectType: &object, Limit: 1})
	if err != nil || len(entries) != 1 {
		t.Fatalf("find the export in the audit trail: %v (%d entries)", err, len(entries))
	}
	return entries[0]
}

// TestLogExports: CSV and PDF downloads with neutral names, recorded in
// the audit trail with the SHA-256 of the bytes served.
func TestLogExports(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	e := storeEvents(t, "", lekradar.SeverityHigh, 4)
	form := url.Values{"person_id": {e.person}, "from": {"2026-03-01"}, "to": {"2026-03-31"}}
	neutral := regexp.MustCompile(`^attachment; filename="logging-onderzoek-\d{8}-\d{6}\.(csv|pdf)"$`)

	checkServed := func(t *testing.T, resp *http.Response, body string, format string) *lekradar.AuditEntry {
		t.Helper()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if cd := resp.Header.Get("Content-Disposition"); !neutral.MatchString(cd) || !strings.HasSuffix(cd, format+`"`) {
			t.Errorf("Content-Disposition %q, want an attachment with a neutral .%s name", cd, format)
		}
		sum := sha256.Sum256([]byte(body))
		if got, want := resp.Header.Get("Repr-Digest"), "sha-256=:"+base64.StdEncoding.EncodeToString(sum[:])+":"; got != want {
			t.Errorf("Repr-Digest %q, want %q", got, want)
		}
		entry := lastExport(t)
		if entry.Actor != "demo-investigator" || !strings.Contains(entry.Detail, "sha256="+hex.EncodeToString(sum[:])) ||
			!strings.Contains(entry.Detail, "format="+format) || !strings.Contains(entry.Detail, "rows=3") ||
			!strings.Contains(entry.Detail, "person="+e.person) {
			t.Errorf("audit entry %q does not record this %s export with the SHA-256 of the bytes served", entry.Detail, format)
		}
		return entry
	}

	var csvSum string
	t.Run("CSV", func(t *testing.T) {
		resp, body := c.post(t, "/logsearch/export/csv", form)
		checkServed(t, resp, body, "csv")
		recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 4 || recs[0][0] != "event_id" || recs[1][0] != e.explained.ID || recs[2][0] != e.signalled.ID || recs[3][0] != e.partner.ID {
			t.Errorf("CSV rows %v, want the header and the three look-ups in time order", recs)
		}
		if recs[1][7] != "given_case" || recs[2][8] != "off_shift;unusual_hour" {
			t.Errorf("CSV lacks the explanation or signals: %v", recs[1:])
		}
		s := sha256.Sum256([]byte(body))
		csvSum = hex.EncodeToString(s[:])
	})

	t.Run("PDF", func(t *testing.T) {
		for _, lang := range []string{"nl", "en"} {
			c.get(t, "/lang?set="+lang+"&next=/logsearch")
			resp, body := c.post(t, "/logsearch/export/pdf", form)
			if !strings.HasPrefix(body, "%PDF-") || resp.Header.Get("Content-Type") != "application/pdf" {
				t.Fatalf("%s: not a PDF (%q, %s)", lang, body[:min(8, len(body))], resp.Header.Get("Content-Type"))
			}
			entry := checkServed(t, resp, body, "pdf")
			// The document prints the SHA-256 of its rows in the CSV
			// export's form: the same as the CSV of the same search.
			if csvSum == "" || !strings.Contains(entry.Detail, "rows_sha256="+csvSum) {
				t.Errorf("%s: audit entry %q: rows hash does not match the CSV export's %s", lang, entry.Detail, csvSum)
			}
		}
	})

	t.Run("PDF of many pages", func(t *testing.T) {
		person := storeMany(t, 130)
		resp, body := c.post(t, "/logsearch/export/pdf", url.Values{"person_id": {person}})
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if pages := bytes.Count([]byte(body), []byte("/Type /Page\n")); pages < 3 {
			t.Errorf("130 look-ups on %d pages, want at least 3", pages)
		}
		if entry := lastExport(t); !strings.Contains(entry.Detail, "rows=130") {
			t.Errorf("audit entry %q, want rows=130", entry.Detail)
		}
	})

	t.Run("PDF too large", func(t *testing.T) {
		person := storeMany(t, 5001)
		before := lastExport(t).Seq
		resp, body := c.post(t, "/logsearch/export/pdf", url.Values{"person_id": {person}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "5000") {
			t.Fatalf("PDF of 5001 look-ups: status %d, want 422 with the limit", resp.StatusCode)
		}
		if after := lastExport(t).Seq; after != before {
			t.Errorf("a refused PDF export was recorded")
		}
		resp, body = c.post(t, "/logsearch/export/csv", url.Values{"person_id": {person}})
		if resp.StatusCode != http.StatusOK || strings.Count(body, "\n") != 5002 {
			t.Errorf("CSV of 5001 look-ups: status %d, %d lines", resp.StatusCode, strings.Count(body, "\n"))
		}
	})

	t.Run("refused export is not recorded", func(t *testing.T) {
		before := lastExport(t).Seq
		analyst := loggedIn(t, ts, "demo-analyst")
		for _, f := range []string{"csv", "pdf"} {
			if resp, _ := analyst.post(t, "/logsearch/export/"+f, form); resp.StatusCode != http.StatusForbidden {
				t.Errorf("analyst %s export: status %d, want 403", f, resp.StatusCode)
			}
		}
		if resp, _ := c.post(t, "/logsearch/export/pdf", url.Values{}); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("export without a subject: status %d, want 422", resp.StatusCode)
		}
		if after := lastExport(t).Seq; after != before {
			t.Errorf("a refused export was recorded (entry %d)", after)
		}
	})
}

// BenchmarkLogExportPDF: a PDF export of the largest allowed search
// (5000 look-ups) over HTTP, audit entries included.
func BenchmarkLogExportPDF(b *testing.B) { benchExport(b, "pdf") }

// BenchmarkLogExportCSV: the same search exported as CSV.
func BenchmarkLogExportCSV(b *testing.B) { benchExport(b, "csv") }

func benchExport(b *testing.B, format string) {
	cfg := lekhttp.DefaultConfig()
	cfg.Codebook, cfg.Policy = fx.cb, fx.store.Policy
	cfg.Logger = slog.New(slog.DiscardHandler)
	srv, err := lekhttp.New(fx.store, cfg)
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar}
	post := func(path string, form url.Values) ([]byte, int) {
		resp, err := hc.PostForm(ts.URL+path, form)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return body, resp.StatusCode
	}
	post("/login", url.Values{"username": {"demo-investigator"}, "password": {fx.passwords["demo-investigator"]}})
	resp, err := hc.Get(ts.URL + "/")
	if err != nil {
		b.Fatal(err)
	}
	home, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindSubmatch(home)
	if m == nil {
		b.Fatal("no CSRF token: login failed")
	}
	form := url.Values{"person_id": {storeMany(b, 5000)}, "csrf_token": {string(m[1])}}
	for b.Loop() {
		body, status := post("/logsearch/export/"+format, form)
		if status != http.StatusOK {
			b.Fatalf("status %d", status)
		}
		b.SetBytes(int64(len(body)))
	}
}
