package interchange

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
)

// FuzzTimestamp: the hand-written parser agrees with time.Parse.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{"2026-03-02T14:05:09Z", "2026-03-02T15:05:09.123+01:00", "2024-02-29t23:59:59.999999999z",
		"2026-03-02 14:05:09-05:30", "1678-01-01T00:00:00Z", "2261-12-31T23:59:59Z", "2026-03-02T14:05:09,5Z",
		"2026-02-30T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T14:05:09.1234567891Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ns, ok := parseTimestamp([]byte(s))
		norm := s
		if len(norm) > 10 && (norm[10] == 't' || norm[10] == ' ') {
			norm = norm[:10] + "T" + norm[11:]
		}
		if n := len(norm); n > 0 && norm[n-1] == 'z' {
			norm = norm[:n-1] + "Z"
		}
		want, err := time.Parse(time.RFC3339Nano, norm)
		inRange := err == nil && want.UTC().Year() >= minYear && want.UTC().Year() <= maxYear
		if inRange && !ok {
			t.Fatalf("%q: time.Parse gives %v, parseTimestamp refuses", s, want)
		}
		if !ok && (timeProblem([]byte(s), "x", true) == "" || timeProblem([]byte(s), "x", false) == "") {
			t.Fatalf("%q: refused without a message", s)
		}
		if ok {
			if err != nil {
				t.Fatalf("%q: parseTimestamp gives %d, time.Parse refuses: %v", s, ns, err)
			}
			if want.UnixNano() != ns {
				t.Fatalf("%q: parseTimestamp %d, time.Parse %d", s, ns, want.UnixNano())
			}
		}
	})
}

// FuzzCSVRecords: the CSV splitter agrees with encoding/csv wherever
// encoding/csv accepts the input (ours is more lenient: white space around
// quoted fields, blank lines of spaces).
func FuzzCSVRecords(f *testing.F) {
	for _, s := range []string{"a,b,c\n1,2,3\n", "a,\"b\"\"c\",d\r\n\"x\ny\",z\n", " a , b \n\n\"\",\n", "\"unclosed\n", "a\"b,c\n", "\"a\"b\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ours, oerr := readCSVAll(s)
		theirs, terr := readStdCSV(s)
		if terr != nil {
			return
		}
		if oerr != nil {
			t.Fatalf("%q: encoding/csv reads %q, ours fails: %v", s, theirs, oerr)
		}
		if len(ours) != len(theirs) {
			t.Fatalf("%q: %d records, encoding/csv %d\nours   %q\ntheirs %q", s, len(ours), len(theirs), ours, theirs)
		}
		for i := range ours {
			if strings.Join(ours[i], "\x00") != strings.Join(theirs[i], "\x00") {
				t.Fatalf("%q: record %d\nours   %q\ntheirs %q", s, i, ours[i], theirs[i])
			}
		}
	})
}

func keep(rec []string) bool { return !(len(rec) == 1 && rec[0] == "") }

func readCSVAll(s string) ([][]string, error) {
	c := newCSVReader(newLineReader(strings.NewReader(s), "x.csv"))
	var out [][]string
	for {
		rec, err := c.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		r := make([]string, len(rec))
		for i, f := range rec {
			r[i] = string(f)
		}
		if keep(r) {
			out = append(out, r)
		}
	}
}

func readStdCSV(s string) ([][]string, error) {
	s = strings.TrimPrefix(s, "\xEF\xBB\xBF")
	cr := csv.NewReader(strings.NewReader(s))
	cr.FieldsPerRecord = -1
	var out [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		for i := range rec {
			rec[i] = string(trimSpace([]byte(rec[i])))
		}
		if keep(rec) {
			out = append(out, rec)
		}
	}
}

// FuzzJSONString: the string decoder agrees with encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b\\c\/\b\f\n\r\t"`, `"\u00e9\ud83d\ude00"`, `"\ud800x"`, `"\ud800\u0041"`, "\"\xff\xfe\"", `"\x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := []byte(s)
		if len(line) == 0 || line[0] != '"' {
			return
		}
		er := &EventReader{}
		got, next, msg := er.jsonString(line, 1)
		_, skipOK := skipString(line, 0)
		var want string
		err := json.Unmarshal(line, &want)
		if msg == "" {
			if !skipOK {
				t.Fatalf("%q: decoded but skipString refuses", s)
			}
			if next == len(line) && err != nil {
				t.Fatalf("%q: decoded %q but encoding/json refuses: %v", s, got, err)
			}
			if next == len(line) && string(got) != want {
				t.Fatalf("%q: decoded %q, encoding/json %q", s, got, want)
			}
		} else if skipOK {
			t.Fatalf("%q: refused (%s) but skipString accepts", s, msg)
		}
		if err == nil && msg != "" {
			t.Fatalf("%q: encoding/json decodes %q, we refuse: %s", s, want, msg)
		}
	})
}
