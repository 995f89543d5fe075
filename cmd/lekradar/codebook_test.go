package main

import (
	"fmt"
	"strings"
	"testing"

	"lekradar"
)

func TestCodebookMarkdown(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	for _, args := range [][]string{{"codebook"}, {"codebook", "--format", "md"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out := mustRunCLI(t, "", args...).stdout
			if !strings.Contains(out, "version "+cb.Version) {
				t.Errorf("output lacks the codebook version %s", cb.Version)
			}
			for _, f := range cb.Fields {
				heading := fmt.Sprintf("## %s — %s / %s\n", f.Name, f.NL, f.EN)
				section, ok := strings.CutPrefix(out[strings.Index(out, "\n## "+f.Name+" ")+1:], heading)
				if !ok {
					t.Errorf("no section %q", heading)
					continue
				}
				if next := strings.Index(section, "\n## "); next >= 0 {
					section = section[:next]
				}
				if f.Restricted != strings.Contains(section, "Restricted") {
					t.Errorf("field %s: restricted is %v, section says otherwise", f.Name, f.Restricted)
				}
				for _, c := range f.Codes {
					row := fmt.Sprintf("| %s | %s | %s |", c.Code, c.NL, c.EN)
					if !strings.Contains(section, row) {
						t.Errorf("field %s: no row %q", f.Name, row)
					}
				}
			}
		})
	}
}

func TestCodebookJSON(t *testing.T) {
	out := mustRunCLI(t, "", "codebook", "--format", "json").stdout
	got, err := lekradar.ParseCodebook([]byte(out))
	if err != nil {
		t.Fatalf("codebook --format json does not parse as a codebook: %v", err)
	}
	want := lekradar.DefaultCodebook()
	if got.Version != want.Version || len(got.Fields) != len(want.Fields) {
		t.Fatalf("got version %s with %d fields, want %s with %d", got.Version, len(got.Fields), want.Version, len(want.Fields))
	}
	for i, f := range want.Fields {
		if got.Fields[i].Name != f.Name || len(got.Fields[i].Codes) != len(f.Codes) {
			t.Errorf("field %d: got %s with %d codes, want %s with %d", i, got.Fields[i].Name, len(got.Fields[i].Codes), f.Name, len(f.Codes))
			continue
		}
		for j, c := range f.Codes {
			if got.Fields[i].Codes[j] != c {
				t.Errorf("field %s code %d: got %+v, want %+v", f.Name, j, got.Fields[i].Codes[j], c)
			}
		}
	}
}

func TestCodebookRefusesUnknownFormat(t *testing.T) {
	r := runCLI(t, "", "codebook", "--format", "yaml")
	if r.err == nil || !strings.Contains(r.err.Error(), `"yaml"`) || !strings.Contains(r.err.Error(), "md, json") {
		t.Errorf("error %v, want one naming the value and the allowed formats", r.err)
	}
}
