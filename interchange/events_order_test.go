package interchange_test

import (
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
		{"CSV in order, a quoted line passed over", "ID,TS,employee_id,action,person_id\na,2026-03-02T09:00:00Z,E1,view,P1\n\"b\",2026-03-01T09:00:00Z,E1,view,P1\nc,2026-03-02T09:01:00Z,E1,view,P1\n", true, 0},
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
