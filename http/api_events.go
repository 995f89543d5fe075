package http

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"lekradar"
)

// LookupWriterOpener is a store that opens writers for ingestion acting as
// the context's user.
type LookupWriterOpener interface {
	OpenLookupWriter(ctx context.Context) (lekradar.LookupWriter, error)
}

// openLookupWriter opens the store's ingestion writer.
func (s *Server) openLookupWriter(ctx context.Context) (lekradar.LookupWriter, error) {
	if o, ok := s.store.(LookupWriterOpener); ok {
		return o.OpenLookupWriter(ctx)
	}
	return nil, lekradar.Errorf(lekradar.ENOTIMPLEMENTED, "this store does not take look-up events")
}

// maxEventErrors bounds the per-line errors of one answer; the counts
// stay exact.
const maxEventErrors = 100

// maxEventLine bounds one JSON Lines record.
const maxEventLine = 64 << 10

// apiEventIn is one look-up event as delivered; ts is parsed here so that
// its error names the field.
type apiEventIn struct {
	ID         string `json:"id"`
	TS         string `json:"ts"`
	EmployeeID string `json:"employee_id"`
	System     string `json:"system"`
	Action     string `json:"action"`
	PersonID   string `json:"person_id"`
	CaseID     string `json:"case_id"`
}

// apiEventError is the problem with one event.
type apiEventError struct {
	// Line is the line number (JSON Lines) or the 1-based position in the
	// array (JSON).
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
}

// apiEventsAnswer counts what a delivery brought.
type apiEventsAnswer struct {
	Received int `json:"received"`
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
	// Errors lists the rejected events, the first 100.
	Errors    []apiEventError `json:"errors"`
	Truncated bool            `json:"errors_truncated,omitempty"`
}

func (a *apiEventsAnswer) reject(e apiEventError) {
	a.Rejected++
	if len(a.Errors) < maxEventErrors {
		a.Errors = append(a.Errors, e)
	} else {
		a.Truncated = true
	}
}

func lookupActions() []string {
	return []string{lekradar.ActionQuery, lekradar.ActionView, lekradar.ActionExport, lekradar.ActionPrint}
}

// parseEvent decodes and checks one event.
func parseEvent(raw []byte, line int) (lekradar.LookupEvent, *apiEventError) {
	var in apiEventIn
	if err := checkJSONText(raw); err != nil {
		fe := jsonFieldError(err)
		return lekradar.LookupEvent{}, &apiEventError{Line: line, Field: fe.Field, Value: fe.Value, Message: fe.Message}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		e := &apiEventError{Line: line, Message: "invalid JSON: " + err.Error()}
		if fe := jsonFieldError(err); fe != nil {
			e.Field, e.Value, e.Message = fe.Field, fe.Value, fe.Message
		}
		return lekradar.LookupEvent{}, e
	}
	fail := func(field, value, msg string) (lekradar.LookupEvent, *apiEventError) {
		return lekradar.LookupEvent{}, &apiEventError{Line: line, ID: in.ID, Field: field, Value: value, Message: msg}
	}
	for _, req := range []struct{ field, value string }{{"id", in.ID}, {"ts", in.TS}, {"employee_id", in.EmployeeID}, {"person_id", in.PersonID}} {
		if strings.TrimSpace(req.value) == "" {
			return fail(req.field, "", "is required")
		}
	}
	ts, err := time.Parse(time.RFC3339, in.TS)
	if err != nil {
		return fail("ts", in.TS, "is not an RFC 3339 time such as 2026-01-05T08:00:00Z")
	}
	if !slices.Contains(lookupActions(), in.Action) {
		return fail("action", in.Action, "is not a look-up action (allowed: "+strings.Join(lookupActions(), ", ")+")")
	}
	return lekradar.LookupEvent{ID: in.ID, TS: ts, EmployeeID: in.EmployeeID, System: in.System, Action: in.Action,
		PersonID: in.PersonID, CaseID: in.CaseID}, nil
}

// apiEvents: POST /api/events takes look-up events as JSON Lines
// (application/x-ndjson) or as a JSON array (application/json), for ingest
// tokens. Every event is checked; the valid ones are stored (unexplained:
// the next `lekradar scan --db` explains them), the others reported by
// line. Stored by event id, so delivering a batch again stores nothing
// twice. The body is read whole before anything is stored, so that a
// broken body stores nothing.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	mt, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	var (
		events []lekradar.LookupEvent
		ans    = apiEventsAnswer{Errors: []apiEventError{}}
		err    error
	)
	add := func(raw []byte, line int) {
		ans.Received++
		ev, perr := parseEvent(raw, line)
		if perr != nil {
			ans.reject(*perr)
			return
		}
		events = append(events, ev)
	}
	switch mt {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		err = readJSONLines(r, add)
	case "application/json":
		err = readJSONArray(r, add)
	default:
		s.apiError(w, r, http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("Content-Type %q: send application/x-ndjson (JSON Lines) or application/json (an array)", mt), nil)
		return
	}
	if err != nil {
		s.badJSON(w, r, err)
		return
	}
	if len(events) > 0 {
		lw, err := s.openLookupWriter(r.Context())
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		for _, ev := range events {
			if err = lw.WriteLookup(ev, "", nil); err != nil {
				break
			}
		}
		if cerr := lw.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
	}
	ans.Accepted = len(events)
	if ans.Received > 0 && ans.Accepted == 0 {
		// Nothing was stored: an error answer, with the counts beside it.
		fields := make([]lekradar.FieldError, len(ans.Errors))
		for i, e := range ans.Errors {
			fields[i] = lekradar.FieldError{Field: fmt.Sprintf("line %d: %s", e.Line, e.Field), Value: e.Value, Message: e.Message}
		}
		s.writeJSON(w, r, http.StatusUnprocessableEntity, struct {
			apiErrorBody
			apiEventsAnswer
		}{apiErrorBody{apiErrorDetail{Code: lekradar.EINVALID, Message: "no event of the delivery is valid; nothing was stored", Fields: fields}}, ans})
		return
	}
	s.writeJSON(w, r, http.StatusOK, ans)
}

// readJSONLines hands every non-blank line to add with its number.
func readJSONLines(r *http.Request, add func([]byte, int)) error {
	sc := bufio.NewScanner(r.Body)
	sc.Buffer(make([]byte, 0, 64<<10), maxEventLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		add(b, line)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d is longer than %d bytes", line+1, maxEventLine)
		}
		return err
	}
	return nil
}

// readJSONArray hands every element of the body's array to add with its
// 1-based position.
func readJSONArray(r *http.Request, add func([]byte, int)) error {
	dec := json.NewDecoder(r.Body)
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return errors.New("the body must be a JSON array of events")
	}
	n := 0
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("element %d: %w", n+1, err)
		}
		n++
		add(raw, n)
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	return nil
}
