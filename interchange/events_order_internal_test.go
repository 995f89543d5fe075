package interchange

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// TestCheckPartsSeam: each part in order by itself, the second wholly
// behind the first (a system's first days appended to the log): only the
// parts together show it, at the second part's first line.
func TestCheckPartsSeam(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	write := func(from, to int, shift time.Duration) {
		for i := from; i < to; i++ {
			fmt.Fprintf(&b, `{"id":"e-%d","ts":"%s","employee_id":"E1","action":"view","person_id":"P1"}`+"\n",
				i, t0.Add(time.Duration(i)*time.Minute+shift).Format(time.RFC3339))
		}
	}
	write(0, 100, 3*24*time.Hour)
	seam := int64(b.Len())
	write(100, 200, 0)
	data := b.Bytes()
	for _, tc := range []struct {
		name   string
		bounds []int64
		want   OrderCheck
	}{
		{"one part", []int64{0, int64(len(data))}, OrderCheck{Line: 101, Behind: 3*24*time.Hour - time.Minute}},
		{"split at the seam", []int64{0, seam, int64(len(data))}, OrderCheck{Line: 101, Behind: 3*24*time.Hour - time.Minute}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := checkParts(bytes.NewReader(data), tc.bounds, 10*time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestCheckOrderOverlongLastLine: a log that ends inside a line longer than
// a block is read to its end without taking the line's tail for an event.
func TestCheckOrderOverlongLastLine(t *testing.T) {
	ev := `{"id":"a","ts":"2026-03-05T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}` + "\n"
	tail := `{"id":"b","ts":"2026-03-01T09:00:00Z","employee_id":"E1","action":"view","person_id":"P1"}`
	log := ev + string(bytes.Repeat([]byte{'x'}, orderBlockBytes+10)) + tail
	got, err := CheckEventOrder(bytes.NewReader([]byte(log)), 10*time.Minute)
	if err != nil || !got.InOrder {
		t.Errorf("got %+v, %v; want in order (the overlong line is the scan's to report)", got, err)
	}
}
