package detect

import "testing"

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
		{"Çelik, el", "el çelik"},
		{"Jansen, J.", "jansen j."},          // initials are not a prefix: left in place
		{"Jansen,", "jansen"},                // nothing after the comma
		{", de", "de"},                       // nothing before it
		{"Bakker, de, van", "bakker de van"}, // two commas: not the sorting form
		{"Yilmaz", "yilmaz"},
	} {
		if got := string(appendNormSurname(nil, c.in)); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
