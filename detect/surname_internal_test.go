package detect

import (
	"strings"
	"testing"
)

// Surnames in the sorting form of registers ("Jong, de") normalise as the
// name written in full, so an employee's record from HR matches the
// population register.
func TestNormSurname(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"de Jong", "de jong"},
		{"  De   JONG ", "de jong"},
		{"Jong, de", "de jong"},
		{"Jong,de", "de jong"},
		{"Holtenhoff, in 't", "in 't holtenhoff"},
		{"Linelbeek, van den", "van den linelbeek"},
		{"Veenmeijer, ten", "ten veenmeijer"},
		{"Çelik, el", "el celik"},
		{"Jansen, J.", "jansen j."},          // initials are not a prefix: left in place
		{"Jansen,", "jansen"},                // nothing after the comma
		{", de", "de"},                       // nothing before it
		{"Bakker, de, van", "bakker de van"}, // two commas: not the sorting form
		{"Yilmaz", "yilmaz"},
		{"Çelik", "celik"},
		{"Özdemir", "ozdemir"},
		{"Yılmaz", "yilmaz"},
		{"Ødegård", "odegard"},
		{"Groß", "gross"},
		{"Aït Taleb", "ait taleb"},
	} {
		if got := string(appendNormSurname(nil, c.in)); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

// House numbers with their additions, as registers write them.
func TestHouseNumber(t *testing.T) {
	same := [][]string{
		{"12-A", "12a", "12 A", "12A", " 12 a "},
		{"12-hs", "12 HS", "12hs"},
		{"12-2", "12 2", "12/2"},
		{"122"},
		{"7"},
	}
	norm := func(s string) string { return string(appendHouseNumber(nil, strings.TrimSpace(s))) }
	seen := map[string]int{}
	for g, group := range same {
		for _, hn := range group {
			n := norm(hn)
			if n != norm(group[0]) {
				t.Errorf("%q: %q, want %q as %q", hn, n, norm(group[0]), group[0])
			}
			if h, ok := seen[n]; ok && h != g {
				t.Errorf("%q: %q is also %q's", hn, n, same[h][0])
			}
			seen[n] = g
		}
	}
}
