package http_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"lekradar"
	lekhttp "lekradar/http"
)

var eventBatchSeq atomic.Int64

type eventsAnswer struct {
	Received, Accepted, Rejected int
	Errors                       []struct {
		Line             int
		ID, Field, Value string
		Message          string
	}
}

// storedLookups counts the stored look-ups by an employee.
func storedLookups(t *testing.T, employee string) []*lekradar.StoredLookup {
	t.Helper()
	found, _, err := fx.store.FindLookups(fx.sysCtx, lekradar.LookupFilter{EmployeeID: employee})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestAPIEvents: events are checked one by one, the valid ones stored and
// the others reported by line; a batch delivered twice is stored once; the
// JSON array form works alike.
func TestAPIEvents(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.ingest)

	for _, form := range []string{"ndjson", "array"} {
		t.Run(form, func(t *testing.T) {
			emp := fmt.Sprintf("E-INGEST-%d", eventBatchSeq.Add(1))
			ev := func(id, ts, action, person string) string {
				return fmt.Sprintf(`{"id":%q,"ts":%q,"employee_id":%q,"system":"bvh","action":%q,"person_id":%q}`, emp+id, ts, emp, action, person)
			}
			lines := []string{
				ev("-1", "2026-03-01T10:00:00Z", "query", "P-1"),
				ev("-2", "2026-03-01T10:05:00+01:00", "view", "P-2"),
				"",
				ev("-3", "2026-03-01 10:06", "view", "P-3"),                                                          // line 4: ts not RFC 3339
				ev("-4", "2026-03-01T10:07:00Z", "delete", "P-4"),                                                    // line 5: action
				ev("-5", "2026-03-01T10:08:00Z", "export", ""),                                                       // line 6: person_id
				`{"id":"x","ts":"2026-03-01T10:08:00Z","employee_id":"e","action":"view","person_id":"p","extra":1}`, // line 7
				`{"id": 42}`, // line 8
				ev("-6", "2026-03-01T10:09:00Z", "print", "P-6"),
			}
			body, ct := strings.Join(lines, "\n"), "application/x-ndjson"
			wantLines := []int{4, 5, 6, 7, 8}
			wantFields := []string{"ts", "action", "person_id", "extra", "id"}
			if form == "array" {
				var items []string
				for _, l := range lines {
					if l != "" {
						items = append(items, l)
					}
				}
				body, ct = "["+strings.Join(items, ",")+"]", "application/json"
				wantLines = []int{3, 4, 5, 6, 7}
			}
			for round := 1; round <= 2; round++ {
				resp, b := c.call(t, "POST", "/api/events", ct, body, nil)
				checkAPIAnswer(t, "deliver events", resp, b, "200")
				var ans eventsAnswer
				if err := json.Unmarshal(b, &ans); err != nil {
					t.Fatal(err)
				}
				if ans.Received != 8 || ans.Accepted != 3 || ans.Rejected != 5 || len(ans.Errors) != 5 {
					t.Fatalf("round %d: answer %s", round, b)
				}
				for i, e := range ans.Errors {
					if e.Line != wantLines[i] || e.Field != wantFields[i] || e.Message == "" {
						t.Errorf("round %d: error %d = %+v, want line %d field %s", round, i, e, wantLines[i], wantFields[i])
					}
				}
				stored := storedLookups(t, emp)
				if len(stored) != 3 {
					t.Fatalf("round %d: %d look-ups stored, want 3", round, len(stored))
				}
				for _, l := range stored {
					if l.ExplainedBy != nil {
						t.Errorf("event %s stored as explained by %q", l.ID, *l.ExplainedBy)
					}
				}
			}
		})
	}

	t.Run("nothing valid", func(t *testing.T) {
		resp, b := c.call(t, "POST", "/api/events", "application/x-ndjson", `{"id":"only-bad"}`, nil)
		checkAPIAnswer(t, "all invalid", resp, b, "422")
	})
	t.Run("broken array stores nothing", func(t *testing.T) {
		emp := fmt.Sprintf("E-INGEST-%d", eventBatchSeq.Add(1))
		body := fmt.Sprintf(`[{"id":"%s-1","ts":"2026-03-01T10:00:00Z","employee_id":%q,"action":"view","person_id":"p"}, {`, emp, emp)
		resp, b := c.call(t, "POST", "/api/events", "application/json", body, nil)
		checkAPIAnswer(t, "broken array", resp, b, "400")
		if n := len(storedLookups(t, emp)); n != 0 {
			t.Errorf("a broken delivery stored %d look-ups", n)
		}
	})
	t.Run("wrong content type", func(t *testing.T) {
		resp, b := c.call(t, "POST", "/api/events", "text/csv", "id,ts\n", nil)
		checkAPIAnswer(t, "csv", resp, b, "415")
	})
	t.Run("audited as the token", func(t *testing.T) {
		actor := "token:api-test-ingest"
		entries, _, err := fx.store.FindAuditEntries(fx.sysCtx, lekradar.AuditFilter{Actor: &actor})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 {
			t.Error("no audit entries of the ingest token")
		}
	})
}

// TestAPIAccessLog: the access log names route patterns, never ids, query
// strings or tokens.
func TestAPIAccessLog(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.userToken)
	c.get(t, idPath("/api/dossiers/%d?department=amsterdam", fx.ownID))
	c.call(t, "POST", "/api/lookups/search", "application/json", `{"person_id":"`+apiFx.alertPerson+`"}`, nil)
	c.get(t, "/api/alerts/"+apiFx.alertID)
	tokenAPIClient(ts, apiFx.ingest).call(t, "POST", "/api/events", "application/x-ndjson",
		`{"id":"log-test-1","ts":"2026-03-01T10:00:00Z","employee_id":"E-LOG-SECRET","action":"view","person_id":"P-LOG-SECRET"}`, nil)
	logs := ts.logs.String()
	for _, want := range []string{`route="GET /api/dossiers/{id}"`, `route="POST /api/lookups/search"`, `route="GET /api/alerts/{id}"`, `route="POST /api/events"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("access log lacks %s:\n%s", want, logs)
		}
	}
	for _, secret := range []string{strconv.FormatInt(fx.ownID, 10) + "?", "department=", apiFx.alertPerson, apiFx.alertID,
		"E-LOG-SECRET", "P-LOG-SECRET", apiFx.userToken, apiFx.ingest} {
		if strings.Contains(logs, secret) {
			t.Errorf("access log contains %q:\n%s", secret, logs)
		}
	}
}

// BenchmarkAPIEvents measures delivering look-up events over the API:
// 1,000 events a request as JSON Lines, new ids every time.
func BenchmarkAPIEvents(b *testing.B) {
	apiFixture(b)
	cfg := lekhttp.DefaultConfig()
	cfg.Codebook, cfg.Policy, cfg.Logger = fx.cb, fx.store.Policy, slog.New(slog.DiscardHandler)
	srv, err := lekhttp.New(fx.store, cfg)
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	c := tokenAPIClient(&testServer{Server: hs}, apiFx.ingest)
	const perRequest = 1000
	run := eventBatchSeq.Add(1)
	var body strings.Builder
	b.ResetTimer()
	for i := range b.N {
		body.Reset()
		for j := range perRequest {
			fmt.Fprintf(&body, `{"id":"bench-%d-%d-%d","ts":"2026-03-01T10:00:00Z","employee_id":"E-BENCH-%d","system":"bvh","action":"query","person_id":"P-%d"}`+"\n",
				run, i, j, j%50, j)
		}
		resp, out := c.call(b, "POST", "/api/events", "application/x-ndjson", body.String(), nil)
		if resp.StatusCode != 200 {
			b.Fatalf("status %d: %s", resp.StatusCode, out)
		}
	}
	b.ReportMetric(float64(b.N*perRequest)/b.Elapsed().Seconds(), "events/s")
}
