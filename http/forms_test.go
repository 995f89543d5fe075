package http_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
	lekhttp "lekradar/http"
)

// savedID returns the dossier id of a redirect to /dossiers/{id}?saved=1.
func savedID(t *testing.T, resp *http.Response) int64 {
	t.Helper()
	m := regexp.MustCompile(`^/dossiers/(\d+)\?saved=1$`).FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("status %d, location %q: want a redirect to the saved dossier", resp.StatusCode, resp.Header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// TestIntakeEveryChannel registers a report of every channel of the
// codebook into a new dossier.
func TestIntakeEveryChannel(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-intake")
	for _, ch := range fx.cb.Field(lekradar.FieldChannel).Allowed() {
		t.Run(ch, func(t *testing.T) {
			resp, _ := c.post(t, "/intake", url.Values{"target": {"new"}, "channel": {ch}, "received": {"2026-11-20"},
				"summary": {"intake test " + ch}, "department": {homeDept}, "allegation": {"raadplegen"}})
			d := dossier(t, savedID(t, resp))
			if d.Department != homeDept || len(d.Reports) != 1 || d.Reports[0].Channel != ch || d.CurrentPhase() != "ontvangen" {
				t.Errorf("stored dossier %s: department %s, reports %+v, phase %s", d.RegNo, d.Department, d.Reports, d.CurrentPhase())
			}
		})
	}
}

func TestIntakeExistingDossier(t *testing.T) {
	ts := newServer(t, nil)
	inv := loggedIn(t, ts, "demo-investigator")
	form := func(id int64) url.Values {
		return url.Values{"target": {"existing"}, "dossier_id": {strconv.FormatInt(id, 10)}, "channel": {"burger"},
			"received": {"2026-11-21"}, "reporter_ref": {"R-4711 reporter"}}
	}
	t.Run("own department", func(t *testing.T) {
		before := len(dossier(t, fx.ownID).Reports)
		resp, _ := inv.post(t, "/intake", form(fx.ownID))
		d := dossier(t, savedID(t, resp))
		if d.ID != fx.ownID || len(d.Reports) != before+1 {
			t.Fatalf("dossier %d has %d reports, want %d", d.ID, len(d.Reports), before+1)
		}
		if got := d.Reports[len(d.Reports)-1].ReporterRef; got != "R-4711 reporter" {
			t.Errorf("reporter identity stored as %q", got)
		}
	})
	for _, tt := range []struct {
		name string
		who  string
		id   int64
	}{
		{"other department", "demo-investigator", fx.otherID},
		{"suspect's own dossier", "suspect", fx.suspectID},
		{"missing dossier", "demo-investigator", 99999999},
	} {
		t.Run(tt.name+" is denied", func(t *testing.T) {
			var before int
			if tt.id != 99999999 {
				before = len(dossier(t, tt.id).Reports)
			}
			resp, _ := loggedIn(t, ts, tt.who).post(t, "/intake", form(tt.id))
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d, want 404", resp.StatusCode)
			}
			if tt.id != 99999999 && len(dossier(t, tt.id).Reports) != before {
				t.Errorf("a report was added to dossier %d", tt.id)
			}
		})
	}
	t.Run("by registration number", func(t *testing.T) {
		own, other := dossier(t, fx.ownID), dossier(t, fx.otherID)
		f := form(0)
		f.Set("dossier_id", own.RegNo)
		if id := savedID(t, first(inv.post(t, "/intake", f))); id != fx.ownID || len(dossier(t, id).Reports) != len(own.Reports)+1 {
			t.Errorf("report not added to %s", own.RegNo)
		}
		f.Set("dossier_id", other.RegNo)
		if resp, _ := inv.post(t, "/intake", f); resp.StatusCode != http.StatusNotFound {
			t.Errorf("another department's dossier by registration number: status %d, want 404", resp.StatusCode)
		}
		if len(dossier(t, fx.otherID).Reports) != len(other.Reports) {
			t.Errorf("a report was added to another department's dossier")
		}
	})
	t.Run("invalid channel stores nothing", func(t *testing.T) {
		before := len(dossier(t, fx.ownID).Reports)
		f := form(fx.ownID)
		f.Set("channel", "carrier-pigeon")
		resp, body := inv.post(t, "/intake", f)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `<span class="field-error">geen geldige code: kies uit de lijst</span>`) {
			t.Fatalf("status %d; want 422 with the channel error", resp.StatusCode)
		}
		if len(dossier(t, fx.ownID).Reports) != before {
			t.Errorf("a report was stored")
		}
	})
}

// TestReporterIdentity: only the configured role sees the field, in forms
// and pages, and another role cannot set it through a crafted form.
func TestReporterIdentity(t *testing.T) {
	ts := newServer(t, nil)
	const secret = "Reporter-Identity-Zx81"
	inv := loggedIn(t, ts, "demo-investigator")
	resp, _ := inv.post(t, "/intake", url.Values{"target": {"new"}, "channel": {"klokkenluider"}, "received": {"2026-11-22"},
		"department": {homeDept}, "allegation": {"verstrekken"}, "reporter_ref": {secret}})
	id := savedID(t, resp)

	for _, tt := range []struct {
		who  string
		sees bool
	}{
		{"demo-investigator", true},
		{"demo-intake", false},
		{"demo-analyst", false},
	} {
		t.Run(tt.who, func(t *testing.T) {
			c := loggedIn(t, ts, tt.who)
			_, page := c.get(t, idPath("/dossiers/%d", id))
			if strings.Contains(page, secret) != tt.sees {
				t.Errorf("dossier page shows the identity: %v, want %v", !tt.sees, tt.sees)
			}
			if resp, form := c.get(t, "/intake"); resp.StatusCode == http.StatusOK && strings.Contains(form, `name="reporter_ref"`) != tt.sees {
				t.Errorf("intake form has the reporter field: %v, want %v", !tt.sees, tt.sees)
			}
			if resp, form := c.get(t, idPath("/dossiers/%d/edit", id)); resp.StatusCode == http.StatusOK &&
				(strings.Contains(form, secret) != tt.sees || strings.Contains(form, "reporter_ref") != tt.sees) {
				t.Errorf("edit form shows the reporter field: %v, want %v", !tt.sees, tt.sees)
			}
		})
	}

	t.Run("intake role cannot set it", func(t *testing.T) {
		c := loggedIn(t, ts, "demo-intake")
		resp, _ := c.post(t, "/intake", url.Values{"target": {"new"}, "channel": {"collega"}, "received": {"2026-11-22"},
			"department": {homeDept}, "allegation": {"verstrekken"}, "reporter_ref": {"smuggled"}})
		if d := dossier(t, savedID(t, resp)); d.Reports[0].ReporterRef != "" {
			t.Errorf("reporter identity %q stored from the intake role's form", d.Reports[0].ReporterRef)
		}
	})

	t.Run("an edit by the intake role keeps it", func(t *testing.T) {
		c := loggedIn(t, ts, "demo-intake")
		_, form := c.get(t, idPath("/dossiers/%d/edit", id))
		f := formValues(t, form, idPath("/dossiers/%d/edit", id))
		f.Set("summary", "edited by intake")
		savedID(t, first(c.post(t, idPath("/dossiers/%d/edit", id), f)))
		d := dossier(t, id)
		if d.Summary != "edited by intake" || d.Reports[0].ReporterRef != secret {
			t.Errorf("after edit: summary %q, reporter identity %q", d.Summary, d.Reports[0].ReporterRef)
		}
	})
}

func first(resp *http.Response, _ string) *http.Response { return resp }

// formValues extracts the values a browser would submit from the form
// with the given action: inputs (checked boxes only), selects, textareas.
func formValues(t *testing.T, page, action string) url.Values {
	t.Helper()
	m := regexp.MustCompile(`(?s)<form method="post" action="` + regexp.QuoteMeta(action) + `".*?</form>`).FindString(page)
	if m == "" {
		t.Fatalf("no form with action %s", action)
	}
	v := url.Values{}
	attr := func(tag, name string) (string, bool) {
		a := regexp.MustCompile(`\b` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if a == nil {
			return "", false
		}
		return unescape(a[1]), true
	}
	for _, in := range regexp.MustCompile(`<input[^>]*>`).FindAllString(m, -1) {
		name, ok := attr(in, "name")
		if !ok {
			continue
		}
		if typ, _ := attr(in, "type"); (typ == "checkbox" || typ == "radio") && !strings.Contains(in, " checked") {
			continue
		}
		val, _ := attr(in, "value")
		v.Add(name, val)
	}
	for _, sel := range regexp.MustCompile(`(?s)<select name="([^"]*)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(m, -1) {
		val := ""
		if o := regexp.MustCompile(`<option value="([^"]*)" selected`).FindStringSubmatch(sel[2]); o != nil {
			val = unescape(o[1])
		}
		v.Add(unescape(sel[1]), val)
	}
	for _, ta := range regexp.MustCompile(`(?s)<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(m, -1) {
		v.Add(unescape(ta[1]), unescape(ta[2]))
	}
	return v
}

func unescape(s string) string {
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)
	return r.Replace(s)
}

// TestDossierEdit: the form built from the codebook round-trips unchanged;
// invalid codes re-render with every error next to its field and store
// nothing.
func TestDossierEdit(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-investigator")
	path := idPath("/dossiers/%d/edit", fx.ownID)
	_, page := c.get(t, path)

	t.Run("every coded field is a select of the codebook", func(t *testing.T) {
		for _, name := range []string{"department", "allegation", "suspicion_outcome", "context.motive"} {
			if !strings.Contains(page, `<select name="`+name+`"`) {
				t.Errorf("no <select> for %s", name)
			}
		}
		// Labels in the page's language (Dutch by default).
		if !strings.Contains(page, ">"+fx.cb.Label(lekradar.FieldAllegation, "raadplegen", "nl")+"<") {
			t.Errorf("allegation labels are not the codebook's Dutch labels")
		}
	})

	t.Run("unchanged form saves the same dossier", func(t *testing.T) {
		before := dossier(t, fx.ownID)
		savedID(t, first(c.post(t, path, formValues(t, page, path))))
		after := dossier(t, fx.ownID)
		if after.Allegation != before.Allegation || len(after.Suspects) != len(before.Suspects) ||
			len(after.Reports) != len(before.Reports) || len(after.Items) != len(before.Items) || len(after.Means) != len(before.Means) {
			t.Errorf("a round trip changed the dossier")
		}
		for i := range before.Suspects {
			if after.Suspects[i].Gender != before.Suspects[i].Gender || after.Suspects[i].AgeBand != before.Suspects[i].AgeBand {
				t.Errorf("suspect %d lost its group attributes", i)
			}
		}
	})

	t.Run("invalid codes", func(t *testing.T) {
		before := dossier(t, fx.ownID)
		_, page := c.get(t, path) // the form above was saved: it is stale now
		f := formValues(t, page, path)
		f.Set("allegation", "gossip")
		f.Set("context.motive", "boredom")
		f.Set("investigative_means[0].date", "31-12-2016")
		resp, body := c.post(t, path, f)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", resp.StatusCode)
		}
		if before.Means != nil {
			if !strings.Contains(body, "geen datum (JJJJ-MM-DD)") {
				t.Errorf("no error for the bad means date")
			}
		}
		for _, field := range []string{"allegation", "context.motive"} {
			re := regexp.MustCompile(`(?s)<select name="` + regexp.QuoteMeta(field) + `"[^>]*aria-invalid="true".*?</select><span class="field-error">[^<]+</span>`)
			if !re.MatchString(body) {
				t.Errorf("no error next to field %s", field)
			}
		}
		after := dossier(t, fx.ownID)
		if after.Allegation != before.Allegation || after.Context.Motive != before.Context.Motive || !after.UpdatedAt.Equal(before.UpdatedAt) {
			t.Errorf("an invalid form changed the stored dossier")
		}
	})

	t.Run("add a leaked item through the new row", func(t *testing.T) {
		before := len(dossier(t, fx.ownID).Items)
		_, page := c.get(t, path)
		f := formValues(t, page, path)
		n := strconv.Itoa(before)
		f.Set("leaked_items["+n+"].source_system", "rdw")
		f.Set("leaked_items["+n+"].info_type", "voertuiggegevens")
		savedID(t, first(c.post(t, path, f)))
		d := dossier(t, fx.ownID)
		if len(d.Items) != before+1 || d.Items[before].SourceSystem != "rdw" {
			t.Errorf("items: %d, want %d with rdw last", len(d.Items), before+1)
		}
	})
}

func TestPhaseChange(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-intake")
	resp, _ := c.post(t, "/intake", url.Values{"target": {"new"}, "channel": {"collega"}, "received": {"2026-11-01"},
		"department": {homeDept}, "allegation": {"raadplegen"}})
	id := savedID(t, resp)
	path := idPath("/dossiers/%d/phase", id)

	resp, _ = c.post(t, path, url.Values{"phase": {"triage"}, "date": {"2026-11-03"}})
	savedID(t, resp)
	if d := dossier(t, id); d.CurrentPhase() != "triage" || d.Phases[1].Date.String() != "2026-11-03" {
		t.Fatalf("phases %+v", d.Phases)
	}
	for _, tt := range []struct{ name, phase, date, msg string }{
		{"unknown phase", "limbo", "2026-11-04", "geen geldige code"},
		{"date before the previous phase", "vooronderzoek", "2026-10-01", "ligt vóór de vorige fase (2026-11-03)"},
		{"no date", "vooronderzoek", "", "verplicht (JJJJ-MM-DD)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := c.post(t, path, url.Values{"phase": {tt.phase}, "date": {tt.date}})
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.msg) {
				t.Errorf("status %d, message %q shown: %v", resp.StatusCode, tt.msg, strings.Contains(body, tt.msg))
			}
			if d := dossier(t, id); len(d.Phases) != 2 {
				t.Errorf("phases stored: %d, want 2", len(d.Phases))
			}
		})
	}
	t.Run("errors in English after the switch", func(t *testing.T) {
		c.get(t, "/lang?set=en&next=/")
		defer c.get(t, "/lang?set=nl&next=/")
		_, body := c.post(t, path, url.Values{"phase": {"vooronderzoek"}, "date": {"2026-10-01"}})
		if !strings.Contains(body, "is before the previous phase (2026-11-03)") {
			t.Errorf("the phase error is not in English")
		}
	})
}

func TestSpots(t *testing.T) {
	ts := newServer(t, nil)
	c := loggedIn(t, ts, "demo-analyst")
	resp, _ := c.post(t, "/spots/new", url.Values{"area": {"zichtbare_schermen"}, "unit": {homeDept}, "status": {"gesignaleerd"},
		"description": {"Screens visible from the front desk"}, "identified": {"2026-11-02"}, "dossier_ids": {strconv.FormatInt(fx.ownID, 10)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create spot: status %d", resp.StatusCode)
	}
	_, list := c.get(t, "/spots?area=zichtbare_schermen")
	if !strings.Contains(list, "Screens visible from the front desk") {
		t.Fatalf("new spot not listed")
	}
	t.Run("invalid codes and a hidden dossier", func(t *testing.T) {
		resp, body := c.post(t, "/spots/new", url.Values{"area": {"moon"}, "status": {"gesignaleerd"},
			"description": {"Invalid spot"}, "identified": {"2026-11-02"}, "dossier_ids": {strconv.FormatInt(fx.otherID, 10)}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "geen geldige code") {
			t.Fatalf("status %d, want 422 with the area error", resp.StatusCode)
		}
		if _, list := c.get(t, "/spots"); strings.Contains(list, "Invalid spot") {
			t.Errorf("the invalid spot was stored")
		}
	})
	t.Run("edit", func(t *testing.T) {
		path := idPath("/spots/%d/edit", fx.spotID)
		_, page := c.get(t, path)
		f := formValues(t, page, path)
		f.Set("status", "maatregel_genomen")
		f.Set("measures", "Access narrowed to the team's own cases")
		if resp, _ := c.post(t, path, f); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit spot: status %d", resp.StatusCode)
		}
		sp, err := fx.store.FindVulnerableSpotByID(fx.sysCtx, fx.spotID)
		if err != nil || sp.Status != "maatregel_genomen" || sp.Measures != "Access narrowed to the team's own cases" {
			t.Errorf("stored spot %+v, %v", sp, err)
		}
	})
}

// TestDeadlines: an unacknowledged report is due soon within the
// configured days and overdue after them.
func TestDeadlines(t *testing.T) {
	// Sessions expire by the store's clock, so the server runs on real time.
	today := lekradar.DateOf(time.Now())
	tsNow := newServer(t, func(c *lekhttp.Config) { c.AcknowledgeDays = 10 })
	c := loggedIn(t, tsNow, "demo-intake")
	mk := func(received lekradar.Date) string {
		resp, _ := c.post(t, "/intake", url.Values{"target": {"new"}, "channel": {"burger"}, "received": {received.String()},
			"department": {homeDept}, "allegation": {"raadplegen"}})
		return dossier(t, savedID(t, resp)).RegNo
	}
	soon := mk(today.AddDays(-3))  // acknowledge within 10 days: due in 7
	late := mk(today.AddDays(-18)) // 8 days late
	_, page := c.get(t, "/deadlines")
	overdueSection, soonSection, ok := strings.Cut(page, "<h2>"+"Verloopt binnen")
	if !ok {
		t.Fatalf("no due-soon section")
	}
	if !strings.Contains(overdueSection, late) || strings.Contains(overdueSection, soon) {
		t.Errorf("overdue list: has late %v, has soon %v", strings.Contains(overdueSection, late), strings.Contains(overdueSection, soon))
	}
	if !strings.Contains(soonSection, soon) || strings.Contains(soonSection, late) {
		t.Errorf("due-soon list: has soon %v, has late %v", strings.Contains(soonSection, soon), strings.Contains(soonSection, late))
	}
	if !strings.Contains(page, "binnen 10 dagen") {
		t.Errorf("the configured acknowledgement term is not shown")
	}
}

// TestDossierEditStaleForm: the edit form keeps what it does not show —
// reporter identities (from most roles), suspects' group attributes,
// alert links — by row id, and every save gives the rows new ids. A form
// opened before the last save (a second tab, the back button, a
// colleague) is refused with 409, says so in the page's language with a
// link to reload the form, and changes nothing.
func TestDossierEditStaleForm(t *testing.T) {
	ts := newServer(t, nil)
	gender := fx.cb.Field(lekradar.FieldGender).Allowed()[0]
	tests := []struct {
		name, who, lang string
		edit            func(f url.Values) // on the stale form before its second save
		msg             string
	}{
		{"intake, unchanged form", "demo-intake", "nl", nil, "het dossier is gewijzigd sinds dit formulier werd geopend"},
		{"intake, changed summary", "demo-intake", "nl", func(f url.Values) { f.Set("summary", "second save") },
			"het dossier is gewijzigd sinds dit formulier werd geopend"},
		{"intake, in English", "demo-intake", "en", nil, "the dossier was changed since this form was opened"},
		{"investigator, unchanged form", "demo-investigator", "nl", nil, "het dossier is gewijzigd sinds dit formulier werd geopend"},
		{"intake, stale rows removed", "demo-intake", "nl", func(f url.Values) {
			f.Set("reports[0].remove", "1")
			f.Set("reports[1].remove", "1")
			f.Set("suspects[0].remove", "1")
		}, "het dossier is gewijzigd sinds dit formulier werd geopend"},
		{"intake, stale suspect only", "demo-intake", "nl", func(f url.Values) {
			f.Del("reports[0].row")
			f.Del("reports[1].row")
		}, "het dossier is gewijzigd sinds dit formulier werd geopend"},
		{"intake, forged report id", "demo-intake", "nl", func(f url.Values) { f.Set("reports[0].id", "x1") },
			"het dossier is gewijzigd sinds dit formulier werd geopend"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &lekradar.Dossier{Department: homeDept, Allegation: "raadplegen", Summary: "before the edits",
				Phases: []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate("2026-02-03")}},
				Reports: []lekradar.Report{
					{Channel: "collega", Received: lekradar.MustParseDate("2026-02-03"), ReporterRef: "R-FORM-STALE-1"},
					{Channel: "detectie", Received: lekradar.MustParseDate("2026-02-04"), AlertID: "alert-form-stale-1"},
				},
				Suspects: []lekradar.Suspect{{Identified: true, EmployeeRef: "E-FORM-STALE-1", Gender: gender}}}
			if err := fx.store.CreateDossier(fx.sysCtx, d); err != nil {
				t.Fatal(err)
			}
			c := loggedIn(t, ts, tt.who)
			if tt.lang != "nl" {
				c.get(t, "/lang?set="+tt.lang+"&next=/")
			}
			path := idPath("/dossiers/%d/edit", d.ID)
			_, page := c.get(t, path)
			stale := formValues(t, page, path)

			once := url.Values{}
			for k, v := range stale {
				once[k] = append([]string(nil), v...)
			}
			once.Set("summary", "first save")
			savedID(t, first(c.post(t, path, once)))
			before := dossier(t, d.ID)

			if tt.edit != nil {
				tt.edit(stale)
			}
			resp, body := c.post(t, path, stale)
			if resp.StatusCode != http.StatusConflict {
				t.Errorf("second save of the same form: status %d, want 409", resp.StatusCode)
			}
			if !strings.Contains(body, tt.msg) {
				t.Errorf("the page does not say the dossier changed (%q)", tt.msg)
			}
			if !strings.Contains(body, `href="`+path+`"`) {
				t.Errorf("no link to reload the form")
			}
			after := dossier(t, d.ID)
			if after.Summary != "first save" || !after.UpdatedAt.Equal(before.UpdatedAt) {
				t.Errorf("the refused form changed the dossier: summary %q", after.Summary)
			}
			if len(after.Reports) != 2 || after.Reports[0].ReporterRef != "R-FORM-STALE-1" || after.Reports[1].AlertID != "alert-form-stale-1" {
				t.Errorf("reporter identity or alert link lost: %+v", after.Reports)
			}
			if len(after.Suspects) != 1 || after.Suspects[0].Gender != gender {
				t.Errorf("group attributes lost: %+v", after.Suspects)
			}
		})
	}
}
