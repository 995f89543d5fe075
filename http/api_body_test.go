package http_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"lekradar"
)

// TestAPIBodyText: bodies that encoding/json would take but read
// differently from other parsers, or lossily — a key twice in one object,
// invalid UTF-8, a body that is not an object — are refused with 400
// naming the field, and store nothing; the same keys in different objects
// and non-ASCII text are taken.
func TestAPIBodyText(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.userToken) // demo-investigator, department amsterdam
	phases := `"phases":[{"phase":"ontvangen","date":"2026-02-03"}]`
	tests := []struct {
		name, method, path, body string
		want                     int
		field                    string // named in error.fields
	}{
		{"dossier: department twice", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","department":"` + otherDept + `","allegation":"raadplegen",` + phases + `}`, 400, "department"},
		{"dossier: department twice, own last", "POST", "/api/dossiers",
			`{"department":"` + otherDept + `","department":"` + homeDept + `","allegation":"raadplegen",` + phases + `}`, 400, "department"},
		{"dossier: nested key twice", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","phases":[{"phase":"ontvangen","date":"2026-02-03"},{"phase":"triage","date":"2026-02-04","date":"2026-02-05"}]}`,
			400, "phases[1].date"},
		{"dossier: invalid UTF-8", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","summary":"a` + "\xff\xfe" + `b",` + phases + `}`, 400, "(body)"},
		{"dossier: null", "POST", "/api/dossiers", `null`, 400, ""},
		{"dossier: array", "POST", "/api/dossiers", `[{"department":"` + homeDept + `"}]`, 400, ""},
		{"dossier: same key in two objects", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","phases":[{"phase":"ontvangen","date":"2026-02-03"},{"phase":"triage","date":"2026-02-04"}]}`, 201, ""},
		{"dossier: non-ASCII text", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","summary":"geüpload, één melding",` + phases + `}`, 201, ""},
		{"dossier: unknown field in an object", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen",` + phases + `,"context":{"use":"gedeeld","evil":1}}`, 400, "context.evil"},
		{"dossier: wrong type in a list", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen",` + phases + `,"suspects":[{"identified":true},{"identified":"yes"}]}`, 400, "suspects[1].identified"},
		{"dossier: bad date in a list", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","phases":[{"phase":"ontvangen","date":"2026-02-03"},{"phase":"triage","date":"2026-02-30"}]}`, 400, "phases[1].date"},
		{"dossier: object for a list", "POST", "/api/dossiers",
			`{"department":"` + homeDept + `","allegation":"raadplegen","phases":{"phase":"ontvangen"}}`, 400, "phases"},
		{"search: bad time", "POST", "/api/lookups/search", `{"person_id":"P-1","from":"gisteren"}`, 400, "from"},
		{"intake: channel twice", "POST", idPath("/api/dossiers/%d/reports", fx.ownID),
			`{"channel":"collega","channel":"burger","received":"2026-02-03"}`, 400, "channel"},
		{"replace: id twice", "PUT", idPath("/api/dossiers/%d", fx.ownID), `{"id":1,"id":2}`, 400, "id"},
		{"search: person twice", "POST", "/api/lookups/search", `{"person_id":"P-1","person_id":"P-2"}`, 400, "person_id"},
		{"search: invalid UTF-8", "POST", "/api/lookups/search", `{"person_id":"P-` + "\xc3" + `"}`, 400, "(body)"},
		{"search: null", "POST", "/api/lookups/search", `null`, 400, ""},
		{"action: action twice", "POST", "/api/alerts/" + apiFx.alertID + "/actions", `{"action":"dismissed","action":"forgiven","reason":"x"}`, 400, "action"},
		{"spot: area twice", "POST", "/api/spots",
			`{"area":"toegangsrechten","area":"logging","status":"gesignaleerd","description":"d","identified":"2026-01-05"}`, 400, "area"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, before, err := fx.store.FindDossiers(fx.sysCtx, lekradar.DossierFilter{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			reports := len(dossier(t, fx.ownID).Reports)
			resp, body := c.call(t, tt.method, tt.path, "application/json", tt.body, nil)
			checkAPIAnswer(t, tt.name, resp, body, strconv.Itoa(tt.want))
			if tt.field != "" {
				var e struct {
					Error struct {
						Fields []lekradar.FieldError `json:"fields"`
					} `json:"error"`
				}
				json.Unmarshal(body, &e)
				if !slices.ContainsFunc(e.Error.Fields, func(f lekradar.FieldError) bool { return f.Field == tt.field }) {
					t.Errorf("fields %+v do not name %q: %s", e.Error.Fields, tt.field, body)
				}
			}
			if tt.want >= 400 {
				_, after, err := fx.store.FindDossiers(fx.sysCtx, lekradar.DossierFilter{Limit: 1})
				if err != nil {
					t.Fatal(err)
				}
				if after != before || len(dossier(t, fx.ownID).Reports) != reports {
					t.Errorf("a refused body stored something: %d → %d dossiers", before, after)
				}
			}
		})
	}
}

// TestAPIEventsText: an event with invalid UTF-8 (which would be stored
// under a mangled id, so that two different events could collide) or with
// a key twice is rejected by line; a valid one beside it is stored.
func TestAPIEventsText(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.ingest)
	valid := `{"id":"text-ok-1","ts":"2026-03-01T10:00:00Z","employee_id":"E-T-1","action":"view","person_id":"P-Zoë"}`
	tests := []struct {
		name, contentType, body string
		want                    int
		rejected                int
		field                   string
	}{
		{"invalid UTF-8 in the id", "application/x-ndjson",
			`{"id":"text-` + "\xff" + `","ts":"2026-03-01T10:00:00Z","employee_id":"E-T-1","action":"view","person_id":"P-1"}`, 422, 1, "(body)"},
		{"person twice", "application/x-ndjson",
			`{"id":"text-2","ts":"2026-03-01T10:00:00Z","employee_id":"E-T-1","action":"view","person_id":"P-1","person_id":"P-2"}`, 422, 1, "person_id"},
		{"array: person twice beside a valid event", "application/json",
			`[` + valid + `,{"id":"text-3","ts":"2026-03-01T10:00:00Z","employee_id":"E-T-1","action":"view","person_id":"P-1","person_id":"P-2"}]`, 200, 1, "person_id"},
		{"valid non-ASCII", "application/x-ndjson", valid, 200, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := c.call(t, "POST", "/api/events", tt.contentType, tt.body, nil)
			checkAPIAnswer(t, tt.name, resp, body, strconv.Itoa(tt.want))
			var ans struct {
				Rejected int `json:"rejected"`
				Errors   []struct {
					Field string `json:"field"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(body, &ans); err != nil {
				t.Fatal(err)
			}
			if ans.Rejected != tt.rejected {
				t.Errorf("rejected %d, want %d: %s", ans.Rejected, tt.rejected, body)
			}
			if tt.field != "" && (len(ans.Errors) == 0 || ans.Errors[0].Field != tt.field) {
				t.Errorf("errors do not name %q: %s", tt.field, body)
			}
		})
	}
}

// TestAPIListFilterErrors: an unknown code in a list filter answers 400
// naming the parameter and the allowed codes, on every list.
func TestAPIListFilterErrors(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	c := tokenAPIClient(ts, apiFx.userToken)
	tests := []struct {
		path, field string
		want        int
	}{
		{"/api/dossiers?department=utrecht", "department", 400},
		{"/api/dossiers?phase=melding", "phase", 400},
		{"/api/spots?area=everywhere", "area", 400},
		{"/api/spots?unit=utrecht", "unit", 400},
		{"/api/spots?status=forgotten", "status", 400},
		{"/api/alerts?status=forgotten", "status", 400},
		{"/api/spots?area=toegangsrechten&unit=" + homeDept + "&status=gesignaleerd", "", 200},
		{"/api/dossiers?department=" + homeDept + "&phase=afgesloten", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := c.get(t, tt.path)
			checkAPIAnswer(t, tt.path, resp, body, strconv.Itoa(tt.want))
			if tt.field == "" {
				return
			}
			var e struct {
				Error struct {
					Fields []lekradar.FieldError `json:"fields"`
				} `json:"error"`
			}
			json.Unmarshal(body, &e)
			if len(e.Error.Fields) != 1 || e.Error.Fields[0].Field != tt.field || len(e.Error.Fields[0].Allowed) == 0 {
				t.Errorf("fields %+v: want %q with the allowed codes", e.Error.Fields, tt.field)
			}
		})
	}
}
