package detect_test

import (
	"strconv"
	"testing"

	"lekradar/detect"
)

func TestStringTable(t *testing.T) {
	tab := detect.NewStringTable(4) // small: forces growth
	const n = 100_000
	for i := 0; i < n; i++ {
		id, added := tab.Intern("P" + strconv.Itoa(i))
		if !added || id != uint32(i) {
			t.Fatalf("intern P%d: id %d added %v, want %d true", i, id, added, i)
		}
	}
	for i := 0; i < n; i += 7 {
		s := "P" + strconv.Itoa(i)
		if id, added := tab.Intern(s); added || id != uint32(i) {
			t.Fatalf("re-intern %s: id %d added %v", s, id, added)
		}
		if id, ok := tab.Lookup([]byte(s)); !ok || id != uint32(i) {
			t.Fatalf("lookup %s: id %d ok %v", s, id, ok)
		}
		if got := string(tab.Get(uint32(i))); got != s {
			t.Fatalf("get %d: %q, want %q", i, got, s)
		}
	}
	for _, s := range []string{"", "P", "P-1", "Q1", "P100000"} {
		if _, ok := tab.LookupString(s); ok {
			t.Errorf("lookup %q: found, want absent", s)
		}
	}
	if tab.Len() != n {
		t.Errorf("len %d, want %d", tab.Len(), n)
	}
}
