package http

import (
	"net/http"
	"slices"

	"lekradar"
)

// Kinds of legal deadline of a report.
const (
	deadlineAcknowledge = "acknowledge"
	deadlineFeedback    = "feedback"
)

// deadline is one open legal deadline of a report.
type deadline struct {
	DossierID int64
	RegNo     string
	Channel   string
	Received  lekradar.Date
	Kind      string
	Due       lekradar.Date
	Days      int // days overdue (Overdue) or days left (DueSoon)
}

// deadlineData is the deadlines page.
type deadlineData struct {
	Today           lekradar.Date
	AcknowledgeDays int
	FeedbackMonths  int
	DueSoonDays     int
	Overdue         []deadline
	DueSoon         []deadline
}

// handleDeadlines lists the reports, in the dossiers the user may see,
// whose acknowledgement or feedback is overdue or due within DueSoonDays.
func (s *Server) handleDeadlines(w http.ResponseWriter, r *http.Request) {
	ds, _, err := s.store.FindDossiers(r.Context(), lekradar.DossierFilter{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	today := lekradar.DateOf(s.cfg.Now())
	overdue, soon := openDeadlines(ds, today, s.cfg.AcknowledgeDays, s.cfg.FeedbackMonths, s.cfg.DueSoonDays)
	s.render(w, r, http.StatusOK, "deadlines", "deadlines.title", deadlineData{
		Today: today, AcknowledgeDays: s.cfg.AcknowledgeDays, FeedbackMonths: s.cfg.FeedbackMonths,
		DueSoonDays: s.cfg.DueSoonDays, Overdue: overdue, DueSoon: soon,
	})
}

// openDeadlines finds the deadlines not yet met: a report not acknowledged
// is due AcknowledgeDays after receipt, one without feedback FeedbackMonths
// after receipt. Overdue ones come most overdue first, due-soon ones
// soonest first.
func openDeadlines(ds []*lekradar.Dossier, today lekradar.Date, ackDays, feedbackMonths, soonDays int) (overdue, soon []deadline) {
	for _, d := range ds {
		for _, rp := range d.Reports {
			if rp.Received.IsZero() {
				continue
			}
			var dues []deadline
			if rp.Acknowledged.IsZero() {
				dues = append(dues, deadline{Kind: deadlineAcknowledge, Due: rp.Received.AddDays(ackDays)})
			}
			if rp.FeedbackSent.IsZero() {
				dues = append(dues, deadline{Kind: deadlineFeedback, Due: lekradar.DateOf(rp.Received.Time().AddDate(0, feedbackMonths, 0))})
			}
			for _, dl := range dues {
				dl.DossierID, dl.RegNo, dl.Channel, dl.Received = d.ID, d.RegNo, rp.Channel, rp.Received
				left := today.DaysUntil(dl.Due)
				switch {
				case left < 0:
					dl.Days = -left
					overdue = append(overdue, dl)
				case left <= soonDays:
					dl.Days = left
					soon = append(soon, dl)
				}
			}
		}
	}
	slices.SortStableFunc(overdue, func(a, b deadline) int { return b.Days - a.Days })
	slices.SortStableFunc(soon, func(a, b deadline) int { return a.Days - b.Days })
	return overdue, soon
}
