package detect_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"lekradar"
	"lekradar/detect"
)

// output is everything a scan wrote, in order.
type output struct {
	lines  []string
	alerts []string
}

func outputTo(o *output) detect.Output {
	return detect.Output{
		Explanation: func(id []byte, by string, sigs []string) error {
			o.lines = append(o.lines, fmt.Sprint(string(id), by, sigs))
			return nil
		},
		Alert: func(a *lekradar.Alert) error { o.alerts = append(o.alerts, fmt.Sprintf("%+v", *a)); return nil },
	}
}

func runAll(t *testing.T, ix *detect.Index, evs []detect.Event) output {
	t.Helper()
	var o output
	en := detect.NewEngine(ix, detect.DefaultPolicy(), outputTo(&o))
	if err := en.Run(context.Background(), &detect.SliceSource{Events: slices.Clone(evs)}, nil); err != nil {
		t.Fatalf("run: %v", err)
	}
	return o
}

func writeCompiled(t *testing.T, ix *detect.Index, info detect.CompiledInfo) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ix.WriteCompiled(&buf, info); err != nil {
		t.Fatalf("write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "context.idx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A scan against the compiled index writes exactly what a scan against the
// index it was compiled from writes.
func TestCompiledIndex(t *testing.T) {
	g := genWorld{employees: 300, persons: 20_000, days: 20, seed: 9}
	ix, cases, teams := g.build()
	evs := g.events(cases, teams, 40_000)
	// a few look-ups of ids the context lacks
	evs = append(evs, detect.Event{ID: []byte("u1"), TS: evs[len(evs)-1].TS, EmployeeID: []byte("E-nobody"),
		Action: detect.ActionView, PersonID: []byte("P-nobody")})
	want := runAll(t, ix, evs)
	if len(want.alerts) == 0 {
		t.Fatal("the world raised no alerts; the comparison would prove little")
	}

	info := detect.CompiledInfo{Dir: "/exports/today", Skipped: 3, Compiled: time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC),
		Sources: []detect.SourceFile{{Name: "persons.csv", Size: 123, ModTime: time.Date(2026, 3, 1, 1, 0, 0, 0, time.UTC)}}}
	path := writeCompiled(t, ix, info)
	if !detect.IsCompiled(path) {
		t.Fatal("IsCompiled: false for a compiled index")
	}
	got, gotInfo, err := detect.ReadCompiled(path)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if gotInfo.Dir != info.Dir || gotInfo.Skipped != 3 || !gotInfo.Compiled.Equal(info.Compiled) || len(gotInfo.Sources) != 1 || gotInfo.Sources[0].Size != 123 {
		t.Errorf("info %+v, want %+v", gotInfo, info)
	}
	if got.Sizes != ix.Sizes {
		t.Errorf("sizes %+v, want %+v", got.Sizes, ix.Sizes)
	}
	res := runAll(t, got, evs)
	if !slices.Equal(res.lines, want.lines) {
		t.Errorf("explanations differ from the directory's index")
	}
	if !slices.Equal(res.alerts, want.alerts) {
		t.Errorf("alerts differ: %d from the compiled index, %d from the directory's", len(res.alerts), len(want.alerts))
	}
}

// A damaged, truncated or foreign file is refused with an error, never
// read.
func TestCompiledIndexRefused(t *testing.T) {
	g := genWorld{employees: 50, persons: 2_000, days: 3, seed: 2}
	ix, _, _ := g.build()
	path := writeCompiled(t, ix, detect.CompiledInfo{})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hdrLen := int(binary.LittleEndian.Uint64(good[16:]))
	body := 24 + hdrLen
	cases := []struct {
		name   string
		mangle func([]byte) []byte
		want   string
	}{
		{"not an index", func(b []byte) []byte { return []byte("person_id,surname\nP1,Jansen\n") }, "not a compiled"},
		{"empty", func(b []byte) []byte { return nil }, "not a compiled"},
		{"truncated in the header", func(b []byte) []byte { return b[:30] }, "header"},
		{"truncated in the sections", func(b []byte) []byte { return b[:len(b)-1000] }, "section"},
		{"a byte flipped in a section", func(b []byte) []byte { b[body+len(b[body:])/2] ^= 0x40; return b }, "damaged"},
		{"a header that is not JSON", func(b []byte) []byte { b[25] = '!'; return b }, "header"},
		{"a huge header length", func(b []byte) []byte { binary.LittleEndian.PutUint64(b[16:], 1<<40); return b }, "header"},
		{"another format version", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`"version":`)) + len(`"version":`)
			b[i] = '9' // a one-digit version: the header keeps its length
			return b
		}, "another version"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "bad.idx")
			if err := os.WriteFile(p, c.mangle(slices.Clone(good)), 0o600); err != nil {
				t.Fatal(err)
			}
			_, _, err := detect.ReadCompiled(p)
			if err == nil {
				t.Fatal("read a damaged index without error")
			}
			if !bytes.Contains([]byte(err.Error()), []byte(c.want)) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
			if c.want == "not a compiled" && !errors.Is(err, detect.ErrNotCompiled) {
				t.Errorf("error %v is not ErrNotCompiled", err)
			}
		})
	}
}
