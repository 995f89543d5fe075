package lekradar_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lekradar"
)

// TestCheckJSONText: a key twice in one object and strings that are not
// valid UTF-8 are found with their JSON paths and byte offsets; the same key
// in two objects, non-ASCII text and malformed JSON (for the decoder to
// report) pass.
func TestCheckJSONText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []lekradar.JSONTextProblem
	}{
		{"a key twice at the top level", `{"a":1,"b":2,"a":3}`,
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONDuplicateKey, Path: "a", Offset: 13}}},
		{"a key twice in an array element", `{"s":[{"r":"x"},{"r":"y","r":"z"}]}`,
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONDuplicateKey, Path: "s[1].r", Offset: 25}}},
		{"a key twice in a nested array", `[[1],[{"k":1,"k":2}]]`,
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONDuplicateKey, Path: "[1][0].k", Offset: 13}}},
		{"invalid UTF-8 in a key", "{\"ok\":1,\"n\xe9e\":2}",
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONInvalidUTF8Key, Path: "n\ufffde", Offset: 10, Text: "n\xe9e"}}},
		{"invalid UTF-8 in a value", "{\"c\":{\"s\":\"Caf\xe9\"}}",
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONInvalidUTF8Value, Path: "c.s", Offset: 14, Text: "Caf\xe9"}}},
		{"all problems, in document order", "{\"a\":\"\xff\",\"a\":1,\"b\":[\"\xc3\"]}",
			[]lekradar.JSONTextProblem{
				{Kind: lekradar.JSONInvalidUTF8Value, Path: "a", Offset: 6, Text: "\xff"},
				{Kind: lekradar.JSONDuplicateKey, Path: "a", Offset: 9},
				{Kind: lekradar.JSONInvalidUTF8Value, Path: "b[0]", Offset: 21, Text: "\xc3"},
			}},
		{"well-formed", `{"a":{"k":1},"b":{"k":2},"s":"geüpload, één melding","l":[{"k":1},{"k":2}]}`, nil},
		{"a top-level string", `"Zoë"`, nil},
		{"malformed: left to the decoder", `{"a":1,}`, nil},
		{"malformed: nothing looked at past the break", "{\"a\" 1, \"b\":\"\xff\", \"a\":2}", nil},
		{"malformed after a problem: the problem is found", `{"a":1,"a"`,
			[]lekradar.JSONTextProblem{{Kind: lekradar.JSONDuplicateKey, Path: "a", Offset: 7}}},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lekradar.CheckJSONText([]byte(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("CheckJSONText(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
			for _, p := range got {
				if p.Offset < 0 || p.Offset >= int64(len(tt.text)) {
					t.Errorf("offset %d outside the text", p.Offset)
				}
			}
			if tt.want == nil && json.Valid([]byte(tt.text)) {
				var v any
				if err := json.Unmarshal([]byte(tt.text), &v); err != nil {
					t.Errorf("well-formed text does not decode: %v", err)
				}
			}
		})
	}
	t.Run("nesting deeper than encoding/json takes is left to the decoder", func(t *testing.T) {
		nested := func(depth int) []byte {
			return []byte(strings.Repeat("[", depth-1) + `{"a":1,"a":2}` + strings.Repeat("]", depth-1))
		}
		if got := lekradar.CheckJSONText(nested(10000)); len(got) != 1 || got[0].Kind != lekradar.JSONDuplicateKey {
			t.Errorf("at depth 10000: %d problems, want the repeated key", len(got))
		}
		if got := lekradar.CheckJSONText(nested(10001)); got != nil {
			t.Errorf("at depth 10001: %d problems, want none", len(got))
		}
	})
}

func TestJSONName(t *testing.T) {
	type sample struct {
		Tagged  string `json:"tagged_name,omitempty"`
		Plain   string
		Skipped string `json:"-"`
		hidden  string
	}
	_ = sample{}.hidden
	want := map[string]struct {
		name string
		ok   bool
	}{
		"Tagged": {"tagged_name", true}, "Plain": {"Plain", true}, "Skipped": {"", false}, "hidden": {"", false},
	}
	for f := range reflect.TypeFor[sample]().Fields() {
		t.Run(f.Name, func(t *testing.T) {
			name, ok := lekradar.JSONName(f)
			if w := want[f.Name]; name != w.name || ok != w.ok {
				t.Errorf("JSONName(%s) = %q, %v; want %q, %v", f.Name, name, ok, w.name, w.ok)
			}
		})
	}
}
