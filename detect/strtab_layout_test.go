package detect

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestStringTableLengths covers the lengths the slot's tag holds exactly
// (below 255) and those it does not, the empty string, and near misses:
// same prefix, other length; same length, other bytes.
func TestStringTableLengths(t *testing.T) {
	tab := NewStringTable(2) // small: forces growth
	var keys []string
	for _, n := range []int{0, 1, 2, 8, 9, 254, 255, 256, 300, 1000} {
		for _, c := range "ab" {
			keys = append(keys, strings.Repeat(string(c), n))
			if n > 0 {
				keys = append(keys, strings.Repeat(string(c), n-1)+"z")
			}
		}
	}
	for i := 0; i < 5000; i++ {
		keys = append(keys, "P"+strconv.Itoa(i))
	}
	seen := map[string]uint32{}
	for _, k := range keys {
		id, added := tab.Intern(k)
		want, dup := seen[k]
		if dup {
			if added || id != want {
				t.Fatalf("re-intern %.20q (len %d): id %d added %v, want %d", k, len(k), id, added, want)
			}
			continue
		}
		if !added || id != uint32(len(seen)) {
			t.Fatalf("intern %.20q (len %d): id %d added %v, want %d true", k, len(k), id, added, len(seen))
		}
		seen[k] = id
	}
	for k, id := range seen {
		if got, ok := tab.LookupString(k); !ok || got != id {
			t.Fatalf("lookup %.20q (len %d): %d %v, want %d", k, len(k), got, ok, id)
		}
		if got := tab.Get(id); !bytes.Equal(got, []byte(k)) {
			t.Fatalf("get %d: %.20q (len %d), want %.20q (len %d)", id, got, len(got), k, len(k))
		}
		h := tab.Hash([]byte(k))
		_ = tab.Touch(h) ^ tab.TouchEntry(h) ^ tab.TouchBytes(h)
	}
	for _, k := range []string{"c", strings.Repeat("a", 257), strings.Repeat("a", 255) + "b", "P5000", "P"} {
		if _, ok := tab.LookupString(k); ok {
			t.Fatalf("lookup %.20q (len %d) found a string never added", k, len(k))
		}
	}
}

// FuzzStringTable interns the strings of the input (split at 0xff bytes)
// into a small table, forcing growth, and checks every id, lookup and Get
// against a map.
func FuzzStringTable(f *testing.F) {
	f.Add([]byte("P1\xffP2\xff\xffP1\xff" + strings.Repeat("x", 300) + "\xff" + strings.Repeat("x", 299)))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab := NewStringTable(1)
		ids := map[string]uint32{}
		for _, s := range bytes.Split(data, []byte{0xff}) {
			id, added := tab.InternBytes(s)
			want, dup := ids[string(s)]
			if dup != !added || dup && id != want || !dup && id != uint32(len(ids)) {
				t.Fatalf("intern %q: id %d added %v; had %d %v", s, id, added, want, dup)
			}
			ids[string(s)] = id
		}
		for s, id := range ids {
			if got, ok := tab.LookupString(s); !ok || got != id {
				t.Fatalf("lookup %q: %d %v, want %d", s, got, ok, id)
			}
			if got := string(tab.Get(id)); got != s {
				t.Fatalf("get %d: %q, want %q", id, got, s)
			}
			if _, ok := tab.LookupString(s + "\xff"); ok {
				t.Fatalf("lookup %q found a string never added", s+"\xff")
			}
		}
	})
}
