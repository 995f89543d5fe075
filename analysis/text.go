package analysis

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Text is a sentence in both report languages, so that one Report can be
// shown in Dutch or English (findings, notes).
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// In returns the text in lang, Dutch by default.
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.NL
}

// Labels of pseudo-fields that are not code lists in the codebook.
var localFieldLabels = map[string]Text{
	"benefit_to_crime":      {"Voordeel voor criminaliteit", "Benefit to crime"},
	"ongoing_investigation": {"Betreft lopend onderzoek", "Concerns an ongoing investigation"},
	"recipient_group":       {"Ontvanger", "Recipient"},
	"current_phase":         {"Huidige fase", "Current phase"},
}

// yesNoLabels label the codes of yes/no pseudo-fields.
var yesNoLabels = map[string]Text{
	"ja":       {"Ja", "Yes"},
	"nee":      {"Nee", "No"},
	"onbekend": {"Onbekend", "Unknown"},
}

// unknownLabel labels records where a field is not filled in.
var unknownLabel = Text{"Onbekend / niet vastgelegd", "Unknown / not recorded"}

func yesNo(b *bool) string {
	switch {
	case b == nil:
		return "onbekend"
	case *b:
		return "ja"
	default:
		return "nee"
	}
}

// Count is a count of persons that may be suppressed. A suppressed count
// keeps no value: it marshals as the string "<5" (with the threshold in
// force) and its N is zero, so that no renderer can disclose it.
type Count struct {
	N          int `json:"-"`
	Suppressed bool
	// Below is the threshold a suppressed count fell under.
	Below int `json:"-"`
}

// suppress returns n as a Count, suppressed when it is under below.
func suppress(n, below int) Count {
	if n < below {
		return Count{Suppressed: true, Below: below}
	}
	return Count{N: n}
}

// String returns the number, or "<5" when suppressed.
func (c Count) String() string {
	if c.Suppressed {
		return "<" + strconv.Itoa(c.Below)
	}
	return strconv.Itoa(c.N)
}

// MarshalJSON writes a number, or the string "<5" when suppressed.
func (c Count) MarshalJSON() ([]byte, error) {
	if c.Suppressed {
		// Written by hand: json.Marshal would escape "<" as \u003c.
		return []byte(`"` + c.String() + `"`), nil
	}
	return []byte(strconv.Itoa(c.N)), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Count) UnmarshalJSON(b []byte) error {
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		*c = Count{N: n}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil || !strings.HasPrefix(s, "<") {
		return fmt.Errorf("count must be a number or a string like \"<5\", got %s", b)
	}
	below, err := strconv.Atoi(s[1:])
	if err != nil {
		return fmt.Errorf("count must be a number or a string like \"<5\", got %s", b)
	}
	*c = Count{Suppressed: true, Below: below}
	return nil
}

// pct formats a share as a whole percentage ("42%"); lang is kept for a
// later decimal form.
func pct(_ string, x float64) string {
	return strconv.FormatFloat(100*x, 'f', 0, 64) + "%"
}

// num formats a number with the given decimals and the decimal separator
// of lang.
func num(lang string, x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// pValue formats a p-value as analysts expect: three significant decimals,
// and "< 0.001" below that.
func pValue(lang string, p float64) string {
	if p < 0.001 {
		return "< " + num(lang, 0.001, 3)
	}
	return "= " + num(lang, p, 3)
}

func ptr[T any](v T) *T { return &v }
