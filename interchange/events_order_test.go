package interchange_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lekradar/interchange"
)

func TestCheckEventOrder(t *testing.T) {
	j := func(id, ts string) string {
		return `{"id":"` + id + `","ts":"` + ts + `","employee_id":"E1","action":"view","person_id":"P1"}`
	}
	tests := []struct {
		name    string
		log     string
		inOrder bool
		line    int
	}{
		{"in order", j("a", "2026-03-02T08:00:00Z") + "\n" + j("b", "2026-03-02T09:00:00Z") + "\n", true, 0},
		{"behind within the window", j("a", "2026-03-02T08:05:00Z") + "\n" + j("b", "2026-03-02T08:00:00+00:00") + "\n", true, 0},
		{"behind beyond the window", j("a", "2026-03-02T09:00:00Z") + "\n" + j("b", "2026-03-02T10:00:00+02:00") + "\n", false, 2},
		{"offsets compared in UTC", j("a", "2026-03-02T09:00:00+01:00") + "\n" + j("b", "2026-03-02T08:30:00Z") + "\n", true, 0},
		{"a cut-off line does not count", j("a", "2026-03-02T08:00:00Z") + "\n" + `{"id":"x","ts":"2026-03-09T08:00:00Z","employee_id":"E1"` + "\n" + j("b", "2026-03-02T08:01:00Z") + "\n", true, 0},
		{"BOM and CRLF", "\xEF\xBB\xBF" + j("a", "2026-03-02T09:00:00Z") + "\r\n" + j("b", "2026-03-01T09:00:00Z") + "\r\n", false, 2},
		{"CSV", "id,employee_id,ts,action,person_id\r\na,E1,2026-03-02T09:00:00Z,view,P1\r\nb,E1,2026-03-02T07:00:00Z,view,P1\r\n", false, 3},
		{"CSV with a quoted line", "ID,TS,employee_id,action,person_id\na,2026-03-02T09:00:00Z,E1,view,P1\n\"b\",2026-03-01T09:00:00Z,E1,view,P1\nc,2026-03-02T09:01:00Z,E1,view,P1\n", false, 3},
		// Forms a plain search for "ts" misreads: each must be read as the scan reads it.
		{"CSV, every field quoted", "\"id\",\"ts\",\"employee_id\",\"action\",\"person_id\"\n\"a\",\"2026-03-05T09:00:00Z\",\"E1\",\"view\",\"P1\"\n\"b\",\"2026-03-02T09:00:00Z\",\"E1\",\"view\",\"P1\"\n", false, 3},
		{"CSV, the header quoted", "\"id\",\"ts\",\"employee_id\",\"action\",\"person_id\"\na,2026-03-05T09:00:00Z,E1,view,P1\nb,2026-03-02T09:00:00Z,E1,view,P1\n", false, 3},
		{"CSV, a quoted comma before ts", "note,id,ts,employee_id,action,person_id\n\"x, y\",a,2026-03-05T09:00:00Z,E1,view,P1\n\"x, y\",b,2026-03-02T09:00:00Z,E1,view,P1\n", false, 3},
		{"CSV, a quoted line break", "id,note,ts,employee_id,action,person_id\na,\"x\ny\",2026-03-05T09:00:00Z,E1,view,P1\nb,z,2026-03-02T09:00:00Z,E1,view,P1\n", false, 4},
		{"JSON, keys in upper case", `{"ID":"a","TS":"2026-03-05T09:00:00Z","EMPLOYEE_ID":"E1","ACTION":"view","PERSON_ID":"P1"}` + "\n" + `{"ID":"b","TS":"2026-03-02T09:00:00Z","EMPLOYEE_ID":"E1","ACTION":"view","PERSON_ID":"P1"}` + "\n", false, 2},
		{"JSON, an escaped key", j("a", "2026-03-05T09:00:00Z") + "\n" + `{"id":"b","\u0074s":"2026-03-02T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n", false, 2},
		{"JSON, ts twice: the last counts", j("a", "2026-03-05T09:00:00Z") + "\n" + `{"ts":"2026-03-09T00:00:00Z","id":"b","ts":"2026-03-02T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n", false, 2},
		{"JSON, ts in a nested value", j("a", "2026-03-05T09:00:00Z") + "\n" + `{"meta":{"ts":"2026-03-09T00:00:00Z"},"id":"b","ts":"2026-03-02T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n", false, 2},
		{"JSON, \"ts\" as a value first", j("a", "2026-03-05T09:00:00Z") + "\n" + `{"src":"ts","id":"b","ts":"2026-03-02T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n", false, 2},
		{"JSON, a malformed line passed over", j("a", "2026-03-05T09:00:00Z") + "\n" + `{"id":"b","ts":"2026-03-02","employee_id":"E1","action":"view","person_id":"P1"}` + "\n" + j("c", "2026-03-05T09:01:00Z") + "\n", true, 0},
		{"empty", "", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := interchange.CheckEventOrder(strings.NewReader(tt.log), 10*time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if c.InOrder != tt.inOrder || c.Line != tt.line {
				t.Errorf("got %+v, want in order %v at line %d", c, tt.inOrder, tt.line)
			}
		})
	}
}

// TestCheckEventOrderFile: reading a file in parts finds what one pass
// finds, the line included, wherever the event out of order lies.
func TestCheckEventOrderFile(t *testing.T) {
	const n = 60000 // about 8 MiB: more than one block per part
	t0 := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	line := func(i int, at time.Time) string {
		return fmt.Sprintf(`{"id":"e-%07d","ts":"%s","employee_id":"E%d","system":"bvh","action":"view","person_id":"P%d"}`+"\n",
			i, at.Format(time.RFC3339), 1000+i%650, 88231+i*7919%1800000)
	}
	// build moves the events moved..moved+run-1 back in time.
	build := func(moved, run int, back time.Duration, blankEvery int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			at := t0.Add(time.Duration(i) * time.Second)
			if i >= moved && i < moved+run {
				at = at.Add(-back)
			}
			b.WriteString(line(i, at))
			if blankEvery > 0 && i%blankEvery == 0 {
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	tests := []struct {
		name    string
		log     string
		inOrder bool
	}{
		{"in order", build(-1, 0, 0, 0), true},
		{"within the window", build(n/2+3, 1, 9*time.Minute, 0), true},
		{"just after the middle, behind the first half", build(n/2+3, 1, 3*time.Hour, 0), false},
		// The second half starts in order but behind the first: only
		// the parts together show it.
		{"a run across the middle", build(n/2-500, 1000, 3*time.Hour, 0), false},
		{"late in the second half", build(n-10, 1, 2*time.Hour, 0), false},
		{"in the first half", build(n/4, 1, 2*time.Hour, 0), false},
		{"blank lines counted", build(n*3/4, 1, 2*time.Hour, 7), false},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "events.jsonl")
			if err := os.WriteFile(path, []byte(tt.log), 0o600); err != nil {
				t.Fatal(err)
			}
			want, err := interchange.CheckEventOrder(strings.NewReader(tt.log), 10*time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if want.InOrder != tt.inOrder {
				t.Fatalf("one pass: %+v, want in order %v", want, tt.inOrder)
			}
			for _, parts := range []int{1, 2, 3, 7} {
				got, err := interchange.CheckEventOrderFile(path, 10*time.Minute, parts)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("%d parts: %+v, one pass %+v", parts, got, want)
				}
			}
		})
	}
}
