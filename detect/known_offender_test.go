package detect_test

import (
	"bytes"
	"testing"

	"lekradar/detect"
)

// TestKnownOffenderOption: with limits.sensitive_known_cases set, one
// look-up of a subject of a sensitive investigation who is already in that
// many other cases (a known offender) is no sensitive_investigation
// finding and takes no part in another subject's; by default (0) it is.
func TestKnownOffenderOption(t *testing.T) {
	ix := newTinyWorld().index()
	yaml := bytes.Replace(detect.DefaultPolicyYAML(), []byte("sensitive_known_cases: 0"), []byte("sensitive_known_cases: 2"), 1)
	withOption, err := detect.ParsePolicy(yaml, "test policy")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		pol    *detect.Policy
		events []ev
		want   map[string]bool // event id → sensitive_investigation fires
	}{
		{"default: a known offender's look-up is a finding", detect.DefaultPolicy(),
			[]ev{{id: "a", emp: "E1", person: "PO", action: "view", ts: at(0, "10:00")}},
			map[string]bool{"a": true}},
		{"option: a known offender (two other cases) looked up once is a street check", withOption,
			[]ev{{id: "a", emp: "E1", person: "PO", action: "view", ts: at(0, "10:00")}},
			map[string]bool{"a": false}},
		{"option: a person in one other case still is a finding", withOption,
			[]ev{{id: "a", emp: "E1", person: "PO1", action: "view", ts: at(0, "10:00")}},
			map[string]bool{"a": true}},
		{"option: a known offender's look-up takes no part in another subject's finding", withOption,
			[]ev{{id: "a", emp: "E1", person: "PO", ts: at(0, "10:00")}, {id: "b", emp: "E1", person: "PI", ts: at(0, "11:00")}},
			map[string]bool{"a": false, "b": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scan(t, ix, tt.pol, tt.events)
			for id, want := range tt.want {
				got := false
				for _, s := range r.signals[id] {
					got = got || s == "sensitive_investigation"
				}
				if got != want {
					t.Errorf("event %s: sensitive_investigation %v, want %v (signals %v)", id, got, want, r.signals[id])
				}
			}
			for _, a := range r.alerts {
				if a.PersonID == "PO" && tt.pol == withOption {
					t.Errorf("alert on the known offender: %+v", a)
				}
			}
		})
	}
}
