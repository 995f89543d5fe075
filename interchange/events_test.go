package interchange_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/interchange"
)

func readAllEvents(t *testing.T, in string) ([]lekradar.LookupEvent, []*interchange.LineError) {
	t.Helper()
	er, err := interchange.NewEventReader(strings.NewReader(in), "events")
	if err != nil {
		t.Fatalf("NewEventReader: %v", err)
	}
	var evs []lekradar.LookupEvent
	var errs []*interchange.LineError
	for {
		var ev lekradar.LookupEvent
		err := er.Next(&ev)
		if err == io.EOF {
			return evs, errs
		}
		if le, ok := interchange.AsLineError(err); ok {
			if er.Line() != le.Line {
				t.Errorf("Line() = %d after error on line %d", er.Line(), le.Line)
			}
			errs = append(errs, le)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
}

func TestEventsRoundTrip(t *testing.T) {
	events := []lekradar.LookupEvent{
		{ID: "e-000001", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1042", System: "bvh", Action: "view", PersonID: "P88231", CaseID: "C771"},
		{ID: "e,2", TS: ts("2026-03-02T14:05:09.000000001Z"), EmployeeID: "E\"1\"", System: "", Action: "export", PersonID: "Pé\n\t\\"},
		{ID: "3", TS: ts("2026-12-31T23:59:59.5Z"), EmployeeID: "E", System: "brp", Action: "print", PersonID: "P", CaseID: "C 1"},
	}
	for _, f := range []interchange.Format{interchange.FormatJSONL, interchange.FormatCSV} {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			ew, err := interchange.NewEventWriter(&buf, f)
			must(t, err)
			for i := range events {
				must(t, ew.Write(&events[i]))
			}
			must(t, ew.Close())
			got, errs := readAllEvents(t, buf.String())
			if len(errs) > 0 {
				t.Fatalf("errors: %v\n%s", errs, buf.String())
			}
			if !reflect.DeepEqual(got, events) {
				t.Errorf("got  %+v\nwant %+v\n%s", got, events, buf.String())
			}
		})
	}
}

func TestEventReaderJSONLenient(t *testing.T) {
	in := "\xEF\xBB\xBF\r\n" +
		` { "person_id" : "P1" , "extra": {"a":[1,2,{"b":null}],"c":"\u00e9"}, "action":"VIEW", "ts":"2026-03-02T15:05:09+01:00",` +
		` "employee_id":1042, "id":"e\u002d1", "case_id":null, "system":null }` + "\r\n" +
		"\n   \t\n" +
		`{"id":7,"ts":"2026-03-02t14:05:09.123456789z","employee_id":"E\ud83d\ude00","action":"query","person_id":"P2","case_id":""}` + "\n" +
		`{"id":"e3","ts":"2026-03-02 14:05:09Z","employee_id":"E1","action":"print","person_id":" P3 ","case_id":"C1","id":"e4"}`
	got, errs := readAllEvents(t, in)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []lekradar.LookupEvent{
		{ID: "e-1", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "1042", Action: "view", PersonID: "P1"},
		{ID: "7", TS: ts("2026-03-02T14:05:09.123456789Z"), EmployeeID: "E😀", Action: "query", PersonID: "P2"},
		{ID: "e4", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "print", PersonID: "P3", CaseID: "C1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestEventReaderAccepts lists what real exports write and the documented
// format allows, one line each, and the event it reads as.
func TestEventReaderAccepts(t *testing.T) {
	want := lekradar.LookupEvent{ID: "e1", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "view", PersonID: "P1"}
	with := func(f func(*lekradar.LookupEvent)) lekradar.LookupEvent { e := want; f(&e); return e }
	tests := []struct {
		name, in string
		want     lekradar.LookupEvent
	}{
		{"plain", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"keys reversed, extra nested", `{"z":{"a":[1,{"b":null}],"c":"}"},"person_id":"P1","action":"view","employee_id":"E1","ts":"2026-03-02T14:05:09Z","id":"e1","y":[]}`, want},
		{"offset +01:00", `{"id":"e1","ts":"2026-03-02T15:05:09+01:00","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"offset +02:00", `{"id":"e1","ts":"2026-03-02T16:05:09+02:00","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"offset -05:00", `{"id":"e1","ts":"2026-03-02T09:05:09-05:00","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"milliseconds", `{"id":"e1","ts":"2026-03-02T14:05:09.250Z","employee_id":"E1","action":"view","person_id":"P1"}`,
			with(func(e *lekradar.LookupEvent) { e.TS = ts("2026-03-02T14:05:09.25Z") })},
		{"microseconds, lower-case t and z", `{"id":"e1","ts":"2026-03-02t14:05:09.123456z","employee_id":"E1","action":"view","person_id":"P1"}`,
			with(func(e *lekradar.LookupEvent) { e.TS = ts("2026-03-02T14:05:09.123456Z") })},
		{"case_id absent", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"case_id null", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","case_id":null}`, want},
		{"case_id empty", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","case_id":""}`, want},
		{"case_id blank", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","case_id":"  "}`, want},
		{"ids as integers", `{"id":1,"ts":"2026-03-02T14:05:09Z","employee_id":1042,"action":"view","person_id":-7,"case_id":0}`,
			with(func(e *lekradar.LookupEvent) { e.ID, e.EmployeeID, e.PersonID, e.CaseID = "1", "1042", "-7", "0" })},
		{"escapes", `{"id":"e\u00e9\"1","ts":"2026-03-02T14:05:09Z","employee_id":"E\/1","action":"vi\u0065w","person_id":"P1"}`,
			with(func(e *lekradar.LookupEvent) { e.ID, e.EmployeeID = "eé\"1", "E/1" })},
		{"escaped key", `{"\u0069d":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, want},
		{"duplicate key, last counts", `{"id":"e0","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","id":"e1"}`, want},
		{"keys in other case", `{"ID":"e1","TS":"2026-03-02T14:05:09Z","Employee_Id":"E1","Action":"view","PERSON_ID":"P1"}`, want},
		{"action in upper case", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"VIEW","person_id":"P1"}`, want},
		{"long extra field", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","pad":"` + strings.Repeat("x", 300<<10) + `"}`, want},
		{"BOM, CRLF, no final newline", "\xEF\xBB\xBF" + `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\r", want},
		{"CSV, header in other case, extra column", "ID, TS ,Employee_ID,Action,Person_ID,Extra\r\ne1,2026-03-02T15:05:09+01:00,E1,view,P1,\"a,\"\"b\"\"\nc\"\r\n", want},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := readAllEvents(t, tc.in)
			if len(errs) > 0 || len(got) != 1 {
				t.Fatalf("%d events, errors %v; want 1 event", len(got), errs)
			}
			if !reflect.DeepEqual(got[0], tc.want) {
				t.Errorf("got  %+v\nwant %+v", got[0], tc.want)
			}
		})
	}
}

func TestEventReaderErrors(t *testing.T) {
	good := `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`
	tests := []struct {
		name, line    string
		column, value string
		msg           string
	}{
		{"bad action", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"delete","person_id":"P1"}`, "action", "delete", "allowed: query, view, export, print"},
		{"no id", `{"ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, "id", "", "required"},
		{"null person", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":null}`, "person_id", "", "required"},
		{"no employee", `{"id":"e1","ts":"2026-03-02T14:05:09Z","action":"view","person_id":"P1"}`, "employee_id", "", "required"},
		{"bad ts", `{"id":"e1","ts":"02-03-2026 14:05","employee_id":"E1","action":"view","person_id":"P1"}`, "ts", "02-03-2026 14:05", "RFC 3339"},
		{"ts without offset", `{"id":"e1","ts":"2026-03-02T14:05:09","employee_id":"E1","action":"view","person_id":"P1"}`, "ts", "2026-03-02T14:05:09", "offset"},
		{"ts number", `{"id":"e1","ts":1772460309,"employee_id":"E1","action":"view","person_id":"P1"}`, "ts", "1772460309", "string"},
		{"id object", `{"id":{"x":1},"ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, "id", `{"x":1}`, "must be a string"},
		{"truncated", `{"id":"e1","ts":"2026-03-02T14:05:09Z"`, "", "", "not closed"},
		{"not an object", `["e1"]`, "", "", "not a JSON object"},
		{"two objects", good + good, "", "", "text after the object"},
		{"bad escape", `{"id":"e\x1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, "", "", "invalid escape"},
		{"bad extra value", `{"id":"e1","x":tru,"ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, "", "", "invalid JSON value"},
		{"trailing comma", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1",}`, "", "", "expected a quoted key"},
		{"long line", `{"id":"` + strings.Repeat("x", interchange.MaxLineBytes) + `"}`, "", "", "longer than 1 MiB"},
		// An id as a number is its text; a fraction or exponent would be
		// text that is not the number ("1042.0"), so it is refused.
		{"id with fraction", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":1042.0,"action":"view","person_id":"P1"}`, "employee_id", "1042.0", "whole number"},
		{"id with exponent", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":1e3}`, "person_id", "1e3", "whole number"},
		{"case id with fraction", `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","case_id":0.5}`, "case_id", "0.5", "whole number"},
		// Keys are lower case; "ID" next to "id" could disagree.
		{"ts as a date", `{"id":"e1","ts":"2026-03-02","employee_id":"E1","action":"view","person_id":"P1"}`, "ts", "2026-03-02", "a date where a timestamp is required"},
		{"ts month 13", `{"id":"e1","ts":"2026-13-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}`, "ts", "2026-13-02T14:05:09Z", "no such date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := good + "\n\n" + tc.line + "\r\n" + good + "\n"
			got, errs := readAllEvents(t, in)
			if len(got) != 2 || len(errs) != 1 {
				t.Fatalf("%d events, errors %v; want 2 events and 1 error", len(got), errs)
			}
			le := errs[0]
			if le.File != "events" || le.Line != 3 || le.Column != tc.column || le.Value != clipValue(tc.value) || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("got %+v; want line 3 column %q value %q msg ~ %q", le, tc.column, tc.value, tc.msg)
			}
		})
	}
}

func clipValue(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func TestEventReaderCSV(t *testing.T) {
	in := "\xEF\xBB\xBFPerson_ID,ts,employee_id,action,id,extra\r\n" +
		"P1,2026-03-02T14:05:09Z,E1,view,e1,x\r\n" +
		"P2,2026-03-02T14:05:09Z,E1,drop,e2,x\r\n" +
		"\"P\"\"3\",2026-03-02T14:05:09Z,E1,Export,e3,\"multi\nline\"\r\n" +
		"P4,2026-03-02T14:05:09Z,E1,view,e4\r\n" +
		"P5,2026-03-02T14:05:09Z,E1,view,e5,\r\n"
	got, errs := readAllEvents(t, in)
	want := []lekradar.LookupEvent{
		{ID: "e1", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "view", PersonID: "P1"},
		{ID: "e3", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "export", PersonID: `P"3`},
		{ID: "e5", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "view", PersonID: "P5"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if len(errs) != 2 || errs[0].Line != 3 || errs[0].Column != "action" || errs[1].Line != 6 {
		t.Errorf("errors %v", errs)
	}
	_, err := interchange.NewEventReader(strings.NewReader("id,ts,employee_id,person_id\n"), "events.csv")
	if le, ok := interchange.AsLineError(err); !ok || le.Column != "action" || le.Line != 1 {
		t.Errorf("missing column: err = %v", err)
	}
}

func TestEventReaderLongFirstLine(t *testing.T) {
	in := strings.Repeat("x", interchange.MaxLineBytes+10) + "\n" +
		`{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n"
	got, errs := readAllEvents(t, in)
	if len(got) != 1 || len(errs) != 1 || errs[0].Line != 1 {
		t.Errorf("events %v, errors %v", got, errs)
	}
}

func TestEventReaderSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want interchange.Format
	}{
		{"", interchange.FormatJSONL},
		{"\n\n  ", interchange.FormatJSONL},
		{"\xEF\xBB\xBF\n {", interchange.FormatJSONL},
		{strings.Repeat(" \n", 5000) + "{}", interchange.FormatJSONL},
		{"id,ts,employee_id,action,person_id\n", interchange.FormatCSV},
	} {
		er, err := interchange.NewEventReader(strings.NewReader(tc.in), "x")
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if er.Format() != tc.want {
			t.Errorf("%q: format %v, want %v", tc.in, er.Format(), tc.want)
		}
	}
}

func TestOpenEventsGzip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.jsonl.gz")
	f, err := os.Create(path)
	must(t, err)
	zw := gzip.NewWriter(f)
	ew, err := interchange.NewEventWriter(zw, interchange.FormatJSONL)
	must(t, err)
	ev := lekradar.LookupEvent{ID: "e1", TS: ts("2026-03-02T14:05:09Z"), EmployeeID: "E1", Action: "view", PersonID: "P1"}
	must(t, ew.Write(&ev))
	must(t, ew.Close())
	must(t, zw.Close())
	must(t, f.Close())

	rc, err := interchange.OpenEvents(path)
	must(t, err)
	defer rc.Close()
	er, err := interchange.NewEventReader(rc, path)
	must(t, err)
	var got lekradar.LookupEvent
	must(t, er.Next(&got))
	if got != ev {
		t.Errorf("got %+v", got)
	}
	if err := er.Next(&got); err != io.EOF {
		t.Errorf("err = %v, want EOF", err)
	}
	if _, err := interchange.OpenEvents(filepath.Join(dir, "absent")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("absent file: %v", err)
	}
}

// TestPipelinedEventReader: the pipelined reader returns exactly what the
// plain reader returns, events, errors and line numbers, across batches.
func TestPipelinedEventReader(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		switch {
		case i%997 == 0:
			b.WriteString(`{"id":"bad"}` + "\n")
		case i%1500 == 0:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, `{"id":"e%d","ts":"2026-03-02T14:05:09.%03dZ","employee_id":"E%d","system":"bvh","action":"view","person_id":"P\u00e9%d","case_id":"%s"}`+"\n",
				i, i%1000, i%70, i, strings.Repeat("C", i%5))
		}
	}
	type result struct {
		ev   lekradar.LookupEvent
		line int
		err  string
	}
	collect := func(next func(*interchange.RawEvent) error, line func() int) []result {
		var out []result
		var raw interchange.RawEvent
		for {
			err := next(&raw)
			if err == io.EOF {
				return out
			}
			r := result{line: line()}
			if err != nil {
				r.err = err.Error()
			} else {
				r.ev = lekradar.LookupEvent{ID: string(raw.ID), TS: time.Unix(0, raw.TS).UTC(), EmployeeID: string(raw.EmployeeID),
					System: string(raw.System), Action: string(raw.Action), PersonID: string(raw.PersonID), CaseID: string(raw.CaseID)}
			}
			out = append(out, r)
		}
	}
	plain, err := interchange.NewEventReader(strings.NewReader(b.String()), "events")
	must(t, err)
	want := collect(plain.NextRaw, plain.Line)
	er, err := interchange.NewEventReader(strings.NewReader(b.String()), "events")
	must(t, err)
	p := interchange.NewPipelinedEventReader(er)
	defer p.Close()
	got := collect(p.NextRaw, p.Line)
	if len(want) != 20000-13 || len(got) != len(want) {
		t.Fatalf("%d results, plain reader %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("result %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if err := p.NextRaw(new(interchange.RawEvent)); err != io.EOF {
		t.Errorf("after the end: %v", err)
	}
}

func TestPipelinedEventReaderClose(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, `{"id":"e%d","ts":"2026-03-02T14:05:09Z","employee_id":"E","action":"view","person_id":"P"}`+"\n", i)
	}
	er, err := interchange.NewEventReader(strings.NewReader(b.String()), "events")
	must(t, err)
	p := interchange.NewPipelinedEventReader(er)
	var ev lekradar.LookupEvent
	must(t, p.Next(&ev))
	if ev.ID != "e0" {
		t.Errorf("first event %+v", ev)
	}
	must(t, p.Close())
	must(t, p.Close())
}

// TestEventReaderLineLimit: the 1 MiB limit is on a line's text; its line
// end (LF or CRLF) does not count.
func TestEventReaderLineLimit(t *testing.T) {
	event := func(size int) string {
		head := `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P1","pad":"`
		return head + strings.Repeat("x", size-len(head)-2) + `"}`
	}
	for _, tc := range []struct {
		name string
		in   string
		ok   bool
	}{
		{"exactly 1 MiB, LF", event(interchange.MaxLineBytes) + "\n", true},
		{"exactly 1 MiB, CRLF", event(interchange.MaxLineBytes) + "\r\n", true},
		{"exactly 1 MiB, last line", event(interchange.MaxLineBytes), true},
		{"a byte more", event(interchange.MaxLineBytes+1) + "\r\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := readAllEvents(t, tc.in)
			if tc.ok && (len(got) != 1 || len(errs) != 0) {
				t.Errorf("events %d, errors %v; want the event", len(got), errs)
			}
			if !tc.ok && (len(got) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Msg, "longer than 1 MiB")) {
				t.Errorf("events %d, errors %v; want it refused as too long", len(got), errs)
			}
		})
	}
}
