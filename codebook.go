package lekradar

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// codebookJSON is the one codebook that every coded field is validated
// against. Codes are stable: a retired code stays in the file marked retired
// so that it is never reused for something else.
//
//go:embed codebook.json
var codebookJSON []byte

// Code is one allowed value of a coded field.
type Code struct {
	Code    string `json:"code"`
	NL      string `json:"nl"`
	EN      string `json:"en"`
	Abbr    string `json:"abbr,omitempty"`    // units: the registration-number prefix
	Retired bool   `json:"retired,omitempty"` // kept for old records, refused for new values
}

// Label returns the label in the given language ("nl" or "en"), Dutch by default.
func (c Code) Label(lang string) string {
	if lang == "en" {
		return c.EN
	}
	return c.NL
}

// CodeList is the set of codes of one field.
type CodeList struct {
	Name string `json:"name"`
	NL   string `json:"nl"`
	EN   string `json:"en"`
	// Restricted fields (the group attributes) exist for aggregate fairness
	// monitoring only and must not be shown per person.
	Restricted bool   `json:"restricted,omitempty"`
	Codes      []Code `json:"codes"`
}

// Label returns the field's label in the given language.
func (l *CodeList) Label(lang string) string {
	if lang == "en" {
		return l.EN
	}
	return l.NL
}

// Allowed returns the codes that new values may take, in codebook order.
func (l *CodeList) Allowed() []string {
	out := make([]string, 0, len(l.Codes))
	for _, c := range l.Codes {
		if !c.Retired {
			out = append(out, c.Code)
		}
	}
	return out
}

// Lookup returns the code entry for code.
func (l *CodeList) Lookup(code string) (Code, bool) {
	for _, c := range l.Codes {
		if c.Code == code {
			return c, true
		}
	}
	return Code{}, false
}

// Codebook is the versioned set of code lists.
type Codebook struct {
	Version string      `json:"version"`
	Fields  []*CodeList `json:"fields"`
	byName  map[string]*CodeList
}

// Codebook field names, as used in records and error messages.
const (
	FieldChannel             = "channel"
	FieldAllegation          = "allegation"
	FieldInvestigativeMeans  = "investigative_means"
	FieldPhase               = "phase"
	FieldSuspicionOutcome    = "suspicion_outcome"
	FieldDisciplinaryMeasure = "disciplinary_measure"
	FieldCriminalOutcome     = "criminal_outcome"
	FieldSourceSystem        = "source_system"
	FieldInfoType            = "info_type"
	FieldHarm                = "harm"
	FieldUse                 = "use"
	FieldRecipient           = "recipient"
	FieldInitiative          = "initiative"
	FieldMotive              = "motive"
	FieldRank                = "rank"
	FieldUnit                = "unit"
	FieldTeamKind            = "team_kind"
	FieldVulnerabilityArea   = "vulnerability_area"
	FieldVulnerabilityStatus = "vulnerability_status"
	FieldSurnameOrigin       = "surname_origin"
	FieldGender              = "gender"
	FieldAgeBand             = "age_band"
	FieldTenureBand          = "tenure_band"
)

// DefaultCodebook returns the codebook embedded in the binary. It panics only
// if the embedded file is broken, which the tests rule out.
func DefaultCodebook() *Codebook {
	cb, err := ParseCodebook(codebookJSON)
	if err != nil {
		panic(fmt.Sprintf("embedded codebook: %v", err))
	}
	return cb
}

// ParseCodebook reads a codebook from JSON and checks it for duplicate or
// empty codes and missing labels.
func ParseCodebook(data []byte) (*Codebook, error) {
	var cb Codebook
	if err := json.Unmarshal(data, &cb); err != nil {
		return nil, fmt.Errorf("parse codebook: %w", err)
	}
	if cb.Version == "" {
		return nil, fmt.Errorf("parse codebook: no version")
	}
	cb.byName = make(map[string]*CodeList, len(cb.Fields))
	for _, f := range cb.Fields {
		if _, dup := cb.byName[f.Name]; dup {
			return nil, fmt.Errorf("parse codebook: field %q twice", f.Name)
		}
		seen := map[string]bool{}
		for _, c := range f.Codes {
			if c.Code == "" || c.NL == "" || c.EN == "" {
				return nil, fmt.Errorf("parse codebook: field %q: code %q lacks a code or a label", f.Name, c.Code)
			}
			if seen[c.Code] {
				return nil, fmt.Errorf("parse codebook: field %q: code %q twice", f.Name, c.Code)
			}
			seen[c.Code] = true
		}
		cb.byName[f.Name] = f
	}
	return &cb, nil
}

// Field returns the code list of a field, or nil when the codebook has none.
func (cb *Codebook) Field(name string) *CodeList {
	return cb.byName[name]
}

// Valid reports whether value is an allowed (not retired) code of field.
func (cb *Codebook) Valid(field, value string) bool {
	l := cb.byName[field]
	if l == nil {
		return false
	}
	c, ok := l.Lookup(value)
	return ok && !c.Retired
}

// Label returns the label of a code in lang, or the code itself when unknown.
func (cb *Codebook) Label(field, code, lang string) string {
	if l := cb.byName[field]; l != nil {
		if c, ok := l.Lookup(code); ok {
			return c.Label(lang)
		}
	}
	return code
}

// UnitByAbbr returns the unit code for a registration-number prefix.
func (cb *Codebook) UnitByAbbr(abbr string) (string, bool) {
	i := slices.IndexFunc(cb.byName[FieldUnit].Codes, func(c Code) bool { return c.Abbr == abbr })
	if i < 0 {
		return "", false
	}
	return cb.byName[FieldUnit].Codes[i].Code, true
}

// UnitAbbr returns the registration-number prefix of a unit code.
func (cb *Codebook) UnitAbbr(unit string) string {
	c, _ := cb.byName[FieldUnit].Lookup(unit)
	return c.Abbr
}

// check validates one coded value and records a field error when it is not
// allowed. An empty value is accepted when optional is true (empty means
// unknown, per the interchange conventions).
func (cb *Codebook) check(v *ValidationError, path, field, value string, optional bool) {
	if value == "" {
		if !optional {
			v.add(path, "", "is required", cb.byName[field].Allowed())
		}
		return
	}
	if !cb.Valid(field, value) {
		v.add(path, value, "is not a code of "+field, cb.byName[field].Allowed())
	}
}
