package http_test

import (
	"encoding/json"
	"testing"

	"lekradar"
)

// TestAPIReplaceStaleParts: what the API does not show — reporter
// identities (to intake), suspects' group attributes (to everyone) — is kept
// by part id on PUT, and every update gives the parts new ids. A PUT with
// the ids of an earlier read is refused with 409 and changes nothing,
// instead of dropping those hidden values; one with the current ids is
// taken and keeps them; parts without ids are taken as new parts.
func TestAPIReplaceStaleParts(t *testing.T) {
	ts := newServer(t, nil)
	apiFixture(t)
	gender := fx.cb.Field(lekradar.FieldGender).Allowed()[0]
	clients := map[string]*apiClient{
		"demo-intake":       sessionAPIClient(t, ts, "demo-intake"),
		"demo-investigator": tokenAPIClient(ts, apiFx.userToken),
	}
	tests := []struct {
		name, who string
		stale     bool // read before another update
		edit      func(d *lekradar.Dossier)
		want      string
	}{
		{"intake, current ids", "demo-intake", false, nil, "200"},
		{"intake, stale ids", "demo-intake", true, nil, "409"},
		{"intake, stale report id only", "demo-intake", true, func(d *lekradar.Dossier) { d.Suspects = nil }, "409"},
		{"intake, stale suspect id only", "demo-intake", true, func(d *lekradar.Dossier) { d.Reports = nil }, "409"},
		{"investigator, stale ids", "demo-investigator", true, nil, "409"},
		{"investigator, current ids", "demo-investigator", false, nil, "200"},
		{"intake, foreign report id", "demo-intake", false, func(d *lekradar.Dossier) {
			d.Reports[0].ID = dossier(t, fx.otherID).Reports[0].ID
		}, "409"},
		{"intake, parts without ids", "demo-intake", true, func(d *lekradar.Dossier) {
			for i := range d.Reports {
				d.Reports[i].ID = 0
			}
			d.Suspects = nil
		}, "200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &lekradar.Dossier{Department: homeDept, Allegation: "raadplegen",
				Phases:   []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate("2026-02-03")}},
				Reports:  []lekradar.Report{{Channel: "collega", Received: lekradar.MustParseDate("2026-02-03"), ReporterRef: "R-STALE-1"}},
				Suspects: []lekradar.Suspect{{Identified: true, EmployeeRef: "E-STALE-1", Gender: gender}}}
			if err := fx.store.CreateDossier(fx.sysCtx, d); err != nil {
				t.Fatal(err)
			}
			c := clients[tt.who]
			resp, body := c.get(t, idPath("/api/dossiers/%d", d.ID))
			checkAPIAnswer(t, "read", resp, body, "200")
			var read lekradar.Dossier
			if err := json.Unmarshal(body, &read); err != nil {
				t.Fatal(err)
			}
			if tt.stale { // someone else saves the dossier in between
				now := dossier(t, d.ID)
				now.Summary = "saved in between"
				if err := fx.store.UpdateDossier(fx.sysCtx, now); err != nil {
					t.Fatal(err)
				}
			}
			if tt.edit != nil {
				tt.edit(&read)
			}
			before := dossier(t, d.ID)
			read.Summary = "replaced through the API"
			resp, body = c.postJSON(t, "PUT", idPath("/api/dossiers/%d", d.ID), read)
			checkAPIAnswer(t, "replace", resp, body, tt.want)
			after := dossier(t, d.ID)
			if tt.want != "200" {
				if after.Summary != before.Summary {
					t.Errorf("a refused replace changed the dossier: summary %q", after.Summary)
				}
				return
			}
			if tt.name == "intake, parts without ids" {
				return // new parts: intake cannot give them an identity it never saw
			}
			if len(after.Reports) != 1 || after.Reports[0].ReporterRef != "R-STALE-1" {
				t.Errorf("reporter identity after replace: %+v", after.Reports)
			}
			if len(read.Suspects) > 0 && (len(after.Suspects) != 1 || after.Suspects[0].Gender != gender) {
				t.Errorf("group attributes after replace: %+v", after.Suspects)
			}
		})
	}
}
