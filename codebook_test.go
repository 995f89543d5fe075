package lekradar_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"lekradar"
)

func TestDefaultCodebook(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	snake := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)

	t.Run("every field of the spec is present", func(t *testing.T) {
		for _, name := range []string{
			"channel", "allegation", "investigative_means", "phase", "suspicion_outcome",
			"disciplinary_measure", "criminal_outcome", "source_system", "info_type", "harm",
			"use", "recipient", "initiative", "motive", "rank", "unit", "team_kind",
			"vulnerability_area", "surname_origin", "gender", "age_band", "tenure_band",
		} {
			if cb.Field(name) == nil {
				t.Errorf("codebook lacks field %q", name)
			}
		}
	})

	t.Run("codes are snake_case with both labels", func(t *testing.T) {
		for _, f := range cb.Fields {
			for _, c := range f.Codes {
				if !snake.MatchString(c.Code) {
					t.Errorf("%s: code %q is not snake_case", f.Name, c.Code)
				}
				if c.NL == "" || c.EN == "" {
					t.Errorf("%s.%s: missing a label", f.Name, c.Code)
				}
			}
		}
	})

	t.Run("13 units each with a unique registration prefix", func(t *testing.T) {
		units := cb.Field("unit").Codes
		if len(units) != 13 {
			t.Fatalf("got %d units, want 13", len(units))
		}
		seen := map[string]bool{}
		for _, u := range units {
			if u.Abbr == "" || seen[u.Abbr] {
				t.Errorf("unit %s: abbreviation %q empty or duplicate", u.Code, u.Abbr)
			}
			seen[u.Abbr] = true
			if got, ok := cb.UnitByAbbr(u.Abbr); !ok || got != u.Code {
				t.Errorf("UnitByAbbr(%q) = %q, want %q", u.Abbr, got, u.Code)
			}
		}
	})

	t.Run("group attributes are restricted", func(t *testing.T) {
		for _, name := range []string{"surname_origin", "gender", "age_band", "tenure_band"} {
			if !cb.Field(name).Restricted {
				t.Errorf("%s should be restricted", name)
			}
		}
		if cb.Field("rank").Restricted {
			t.Error("rank should not be restricted")
		}
	})

	t.Run("labels by language", func(t *testing.T) {
		if got := cb.Label("channel", "klokkenluider", "en"); got != "Whistleblower procedure" {
			t.Errorf("en label = %q", got)
		}
		if got := cb.Label("channel", "klokkenluider", "nl"); got != "Klokkenluidersregeling" {
			t.Errorf("nl label = %q", got)
		}
		if got := cb.Label("channel", "nope", "nl"); got != "nope" {
			t.Errorf("unknown code label = %q, want the code itself", got)
		}
	})
}

func TestParseCodebookRejectsBrokenFiles(t *testing.T) {
	for name, src := range map[string]string{
		"no version":      `{"fields":[]}`,
		"duplicate code":  `{"version":"1","fields":[{"name":"x","nl":"x","en":"x","codes":[{"code":"a","nl":"a","en":"a"},{"code":"a","nl":"b","en":"b"}]}]}`,
		"missing label":   `{"version":"1","fields":[{"name":"x","nl":"x","en":"x","codes":[{"code":"a","nl":"a"}]}]}`,
		"duplicate field": `{"version":"1","fields":[{"name":"x","nl":"x","en":"x","codes":[]},{"name":"x","nl":"x","en":"x","codes":[]}]}`,
		"not json":        `{`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := lekradar.ParseCodebook([]byte(src)); err == nil {
				t.Fatal("expected an error")
			}
		})
	}
}

func TestRetiredCodesAreRefused(t *testing.T) {
	cb, err := lekradar.ParseCodebook([]byte(`{"version":"1","fields":[{"name":"harm","nl":"h","en":"h","codes":[
		{"code":"geen","nl":"g","en":"n"},{"code":"oud","nl":"o","en":"o","retired":true}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if cb.Valid("harm", "oud") {
		t.Error("a retired code must not be valid for new values")
	}
	if !cb.Valid("harm", "geen") {
		t.Error("geen should be valid")
	}
	if slices.Contains(cb.Field("harm").Allowed(), "oud") {
		t.Error("a retired code must not be listed as allowed")
	}
	if got := cb.Label("harm", "oud", "en"); !strings.EqualFold(got, "o") {
		t.Errorf("retired code keeps its label, got %q", got)
	}
}
