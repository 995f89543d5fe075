package lekradar_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"lekradar"
)

func validDossier() *lekradar.Dossier {
	yes := true
	return &lekradar.Dossier{
		RegNo:      "VIK-AMS-2016-0042",
		Department: "amsterdam",
		Allegation: "raadplegen",
		Phases: []lekradar.PhaseEntry{
			{Phase: "ontvangen", Date: lekradar.MustParseDate("2016-03-01")},
			{Phase: "triage", Date: lekradar.MustParseDate("2016-03-03")},
		},
		Means:    []lekradar.MeansEntry{{Means: "logging", Date: lekradar.MustParseDate("2016-03-10")}},
		Reports:  []lekradar.Report{{Channel: "collega", Received: lekradar.MustParseDate("2016-03-01")}},
		Suspects: []lekradar.Suspect{{Identified: true, Rank: "hoofdagent", Unit: "amsterdam", TeamKind: "basisteam", Executive: &yes}},
		Items:    []lekradar.LeakedItem{{SourceSystem: "bvh", InfoType: "adresgegevens", Harm: "geen"}},
		Context:  lekradar.LeakContext{Use: "eigen_gebruik", Recipient: "geen", Initiative: "lekker", Motive: "nieuwsgierigheid"},
	}
}

func TestDossierValidate(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	if err := validDossier().Validate(cb); err != nil {
		t.Fatalf("valid dossier refused: %v", err)
	}

	for _, tc := range []struct {
		name      string
		mutate    func(d *lekradar.Dossier)
		field     string
		value     string
		wantCodes bool
	}{
		{"bad allegation", func(d *lekradar.Dossier) { d.Allegation = "kijken" }, "allegation", "kijken", true},
		{"missing department", func(d *lekradar.Dossier) { d.Department = "" }, "department", "", true},
		{"bad suspect rank", func(d *lekradar.Dossier) { d.Suspects[0].Rank = "generaal" }, "suspects[0].rank", "generaal", true},
		{"bad channel", func(d *lekradar.Dossier) { d.Reports[0].Channel = "twitter" }, "reports[0].channel", "twitter", true},
		{"bad info type", func(d *lekradar.Dossier) { d.Items[0].InfoType = "x" }, "leaked_items[0].info_type", "x", true},
		{"bad recipient", func(d *lekradar.Dossier) { d.Context.Recipient = "buurman" }, "context.recipient", "buurman", true},
		{"no phases", func(d *lekradar.Dossier) { d.Phases = nil }, "phases", "", true},
		{"phases out of order", func(d *lekradar.Dossier) { d.Phases[1].Date = lekradar.MustParseDate("2016-02-01") }, "phases[1].date", "2016-02-01", false},
		{"reg no of another unit", func(d *lekradar.Dossier) { d.RegNo = "VIK-RT-2016-0001" }, "reg_no", "VIK-RT-2016-0001", false},
		{"malformed reg no", func(d *lekradar.Dossier) { d.RegNo = "AMS-42" }, "reg_no", "AMS-42", false},
		{"restricted attribute checked too", func(d *lekradar.Dossier) { d.Suspects[0].SurnameOrigin = "marokkaans" }, "suspects[0].surname_origin", "marokkaans", true},
		{"opening year that no registration number can carry", func(d *lekradar.Dossier) {
			d.RegNo = ""
			d.Phases[0].Date = lekradar.MustParseDate("1900-01-01")
		}, "phases[0].date", "1900-01-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := validDossier()
			tc.mutate(d)
			err := d.Validate(cb)
			var ve *lekradar.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a *ValidationError, got %v", err)
			}
			i := slices.IndexFunc(ve.Fields, func(f lekradar.FieldError) bool { return f.Field == tc.field })
			if i < 0 {
				t.Fatalf("no error for field %s in %v", tc.field, ve)
			}
			f := ve.Fields[i]
			if f.Value != tc.value {
				t.Errorf("value = %q, want %q", f.Value, tc.value)
			}
			if tc.wantCodes && len(f.Allowed) == 0 {
				t.Errorf("error for %s does not list the allowed codes", tc.field)
			}
			if lekradar.ErrorCode(err) != lekradar.EINVALID {
				t.Errorf("ErrorCode = %q, want invalid", lekradar.ErrorCode(err))
			}
		})
	}

	t.Run("a registration number's year out of range names the range", func(t *testing.T) {
		d := validDossier()
		d.RegNo = "VIK-AMS-1900-0001"
		var ve *lekradar.ValidationError
		if !errors.As(d.Validate(cb), &ve) || len(ve.Fields) != 1 || !strings.Contains(ve.Fields[0].Message, "1990–2100") {
			t.Fatalf("want one error naming the years 1990–2100, got %v", ve)
		}
	})

	t.Run("every problem is reported at once", func(t *testing.T) {
		d := validDossier()
		d.Allegation = "x"
		d.Context.Motive = "y"
		var ve *lekradar.ValidationError
		if !errors.As(d.Validate(cb), &ve) || len(ve.Fields) != 2 {
			t.Fatalf("want 2 field errors, got %v", ve)
		}
	})
}

func TestDossierDerivedFields(t *testing.T) {
	d := validDossier()
	if got := d.CurrentPhase(); got != "triage" {
		t.Errorf("CurrentPhase = %q", got)
	}
	if got := d.Opened().String(); got != "2016-03-01" {
		t.Errorf("Opened = %q", got)
	}
	d.Phases = nil
	d.Reports = append(d.Reports, lekradar.Report{Channel: "meldpunt", Received: lekradar.MustParseDate("2016-02-20")})
	if got := d.Opened().String(); got != "2016-02-20" {
		t.Errorf("Opened without phases = %q, want the earliest report", got)
	}
}

func TestRegNo(t *testing.T) {
	abbr, year, seq, ok := lekradar.ParseRegNo("VIK-ZWB-2015-0761")
	if !ok || abbr != "ZWB" || year != 2015 || seq != 761 {
		t.Fatalf("ParseRegNo = %q %d %d %v", abbr, year, seq, ok)
	}
	if got := lekradar.FormatRegNo("AMS", 2016, 42); got != "VIK-AMS-2016-0042" {
		t.Errorf("FormatRegNo = %q", got)
	}
	for _, bad := range []string{"", "VIK-AMS-16-1", "vik-ams-2016-0001", "VIK-AMSX-2016-0001"} {
		if _, _, _, ok := lekradar.ParseRegNo(bad); ok {
			t.Errorf("ParseRegNo(%q) accepted", bad)
		}
	}
}

func TestDateJSON(t *testing.T) {
	var v struct {
		A lekradar.Date `json:"a"`
		B lekradar.Date `json:"b"`
	}
	if err := json.Unmarshal([]byte(`{"a":"2016-02-29","b":null}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A.String() != "2016-02-29" || !v.B.IsZero() {
		t.Errorf("got %v %v", v.A, v.B)
	}
	out, _ := json.Marshal(v)
	if string(out) != `{"a":"2016-02-29","b":null}` {
		t.Errorf("marshal = %s", out)
	}
	for _, bad := range []string{`{"a":"2016-02-30"}`, `{"a":"29-02-2016"}`, `{"a":20160229}`} {
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestParseDossierJSON(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	valid, err := json.Marshal(validDossier())
	if err != nil {
		t.Fatal(err)
	}
	line := string(valid)

	// fieldErrors parses line and returns its field errors as text.
	fieldErrors := func(t *testing.T, line string) []string {
		t.Helper()
		_, err := lekradar.ParseDossierJSON([]byte(line), cb)
		var ve *lekradar.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("want a *ValidationError, got %v", err)
		}
		var texts []string
		for _, f := range ve.Fields {
			texts = append(texts, f.String())
		}
		return texts
	}

	t.Run("a valid record", func(t *testing.T) {
		d, err := lekradar.ParseDossierJSON(valid, cb)
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		if d.RegNo != "VIK-AMS-2016-0042" || len(d.Suspects) != 1 {
			t.Errorf("decoded %+v", d)
		}
	})

	t.Run("a key given twice is refused, not the first value dropped", func(t *testing.T) {
		dup := strings.Replace(line, `"allegation":"raadplegen"`, `"allegation":"raadplegen","allegation":"beide"`, 1)
		dup = strings.Replace(dup, `"rank":"hoofdagent"`, `"rank":"hoofdagent","rank":"agent"`, 1)
		got := fieldErrors(t, dup)
		want := []string{
			"field allegation: appears twice in the same object (give every field once)",
			"field suspects[0].rank: appears twice in the same object (give every field once)",
		}
		if !slices.Equal(got, want) {
			t.Errorf("errors\n%q\nwant\n%q", got, want)
		}
		if _, err := lekradar.DecodeDossierJSON([]byte(dup)); err == nil {
			t.Error("DecodeDossierJSON accepted a key given twice")
		}
	})

	t.Run("text that is not UTF-8 is refused, naming the field", func(t *testing.T) {
		latin1 := strings.Replace(line, `"reg_no"`, "\"summary\":\"Caf\xe9 in Zw\xfcrich\",\"reg_no\"", 1)
		badCode := strings.Replace(line, `"lekker"`, "\"lekk\xe9r\"", 1)
		if got, want := fieldErrors(t, latin1), []string{`field summary: value "Caf\xe9 in Zw\xfcrich": is not valid UTF-8 (the file must be UTF-8)`}; !slices.Equal(got, want) {
			t.Errorf("errors\n%q\nwant\n%q", got, want)
		}
		if got, want := fieldErrors(t, badCode), []string{`field context.initiative: value "lekk\xe9r": is not valid UTF-8 (the file must be UTF-8)`}; !slices.Equal(got, want) {
			t.Errorf("errors\n%q\nwant\n%q", got, want)
		}
	})

	t.Run("a wrong JSON type does not hide bad codes", func(t *testing.T) {
		bad := strings.Replace(line, `"identified":true`, `"identified":"yes"`, 1)
		bad = strings.Replace(bad, `"date":"2016-03-03"`, `"date":"03-03-2016"`, 1)
		bad = strings.Replace(bad, `"allegation":"raadplegen"`, `"allegation":"kijken","allgation":"x"`, 1)
		bad = strings.Replace(bad, `"rank":"hoofdagent"`, `"rank":"generaal"`, 1)
		got := fieldErrors(t, bad)
		want := []string{
			`field allgation: is not a known field (field names are case-sensitive) (allowed: id, reg_no, department, allegation, summary, phases, suspicion_outcome, disciplinary_measure, criminal_outcome, investigative_means, reports, suspects, leaked_items, context, created_at, updated_at)`,
			`field phases[1].date: value "03-03-2016": is not a date of the form YYYY-MM-DD`,
			`field suspects[0].identified: value "yes": must be true, false or null, not a string`,
			`field allegation: value "kijken": is not a code of allegation (allowed: raadplegen, verstrekken, beide)`,
			`field suspects[0].rank: value "generaal": is not a code of rank (allowed: ` + strings.Join(cb.Field(lekradar.FieldRank).Allowed(), ", ") + `)`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("errors\n%q\nwant\n%q", got, want)
		}
	})
}
