package http

import (
	"bytes"
	"context"
	"html/template"
	"net/http"

	"lekradar"
	"lekradar/analysis"
	"lekradar/report"
)

// analysisStore is what the report page needs beyond Store: all dossiers,
// without reporter identities, for aggregates only (audited by the store),
// and the workforce. *sqlstore.Store implements it.
type analysisStore interface {
	DossiersForAnalysis(ctx context.Context) ([]*lekradar.Dossier, error)
	FindWorkforce(ctx context.Context) (*lekradar.Workforce, error)
}

// detectionStore is the optional detection half of the fairness monitor:
// alerts and staff counts per group. A store without it gives a report
// without detection figures.
type detectionStore interface {
	DetectionGroupCounts(ctx context.Context, from, to lekradar.Date) (*analysis.DetectionCounts, error)
}

// reportReader: the analyst and the privacy officer see the aggregate
// report over the whole registry; no other role does.
func reportReader(u *lekradar.User) bool {
	return u != nil && !u.Disabled && (u.Role == lekradar.RoleAnalyst || u.Role == lekradar.RolePrivacyOfficer)
}

func (s *Server) reportRoutes(mux *http.ServeMux) {
	if _, ok := s.store.(analysisStore); !ok {
		return
	}
	s.handle(mux, "GET /report", reportReader, s.handleReport)
}

// reportData is the report page: the period form and the rendered report.
type reportData struct {
	From, To           string
	FromError, ToError string // message keys
	Error              string // message key
	Body               template.HTML
}

// handleReport computes the study's analyses and the fairness monitor over
// the period and shows them as package report renders them. The period is
// in the query: dates are not personal data.
func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := reportData{From: q.Get("from"), To: q.Get("to")}
	st := stateOf(r)
	opts := analysis.Options{Lang: st.lang}
	if opts.Lang != "en" {
		opts.Lang = "nl"
	}
	var err error
	if opts.From, err = lekradar.ParseDate(data.From); err != nil {
		data.FromError = "report.bad_date"
	}
	if opts.To, err = lekradar.ParseDate(data.To); err != nil {
		data.ToError = "report.bad_date"
	}
	if data.FromError == "" && data.ToError == "" && !opts.From.IsZero() && !opts.To.IsZero() && opts.To.Before(opts.From) {
		data.ToError = "report.bad_period"
	}
	if data.FromError != "" || data.ToError != "" {
		s.render(w, r, http.StatusBadRequest, "report", "report.title", data)
		return
	}

	ctx := r.Context()
	as := s.store.(analysisStore)
	dossiers, err := as.DossiersForAnalysis(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	wf, err := as.FindWorkforce(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	spots, _, err := s.store.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ds, ok := s.store.(detectionStore); ok {
		counts, err := ds.DetectionGroupCounts(ctx, opts.From, opts.To)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		opts.Detection = counts
	}
	rep, err := analysis.Build(s.cb, dossiers, wf, spots, opts)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Fragment(&buf, rep); err != nil {
		s.fail(w, r, err)
		return
	}
	// The fragment is package report's own html/template output.
	data.Body = template.HTML(buf.String())
	s.render(w, r, http.StatusOK, "report", "report.title", data)
}
