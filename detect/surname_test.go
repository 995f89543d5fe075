package detect_test

import (
	"fmt"
	"slices"
	"testing"

	"lekradar"
	"lekradar/detect"
)

// TestUncommonSurname: a surname too common to count for a search hit (more
// than limits.rare_surname_count bearers, a larger share than
// limits.rare_surname_share) still counts when the employee opens the
// record of a bearer, up to limits.uncommon_surname_share.
func TestUncommonSurname(t *testing.T) {
	w := newTinyWorld()
	// 20,000 more persons: 9 bearers of Ruyenga (1 in 2,200) and 4 of
	// Weshorst (rare by count).
	for i := 0; i < 20000; i++ {
		surname := fmt.Sprintf("Filler%05d", i)
		switch {
		case i < 9:
			surname = "Ruyenga"
		case i < 13:
			surname = "Weshorst"
		}
		w.persons = append(w.persons, lekradar.Person{ID: fmt.Sprintf("PU%d", i), Surname: surname, BirthYear: 1960 + i%40,
			Postcode: fmt.Sprintf("%04dUU", 1000+i%8000), HouseNumber: "3"})
	}
	w.employees = append(w.employees,
		lekradar.Employee{ID: "EU1", Surname: "Ruyenga", UnitID: "U2", TeamID: "T4", Function: "noodhulp"},
		lekradar.Employee{ID: "EU2", Surname: "Weshorst", UnitID: "U2", TeamID: "T4", Function: "noodhulp"})
	ix := w.index()
	pol := detect.DefaultPolicy()
	tests := []struct {
		name, emp, person, action string
		want                      bool
	}{
		{"uncommon surname, record opened", "EU1", "PU1", "view", true},
		{"uncommon surname, search hit", "EU1", "PU1", "query", false},
		{"rare surname, search hit", "EU2", "PU10", "query", true},
		{"common surname, record opened", "E6", "P3", "view", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scan(t, ix, pol, []ev{{id: "a", emp: tt.emp, person: tt.person, action: tt.action, ts: at(0, "10:00")}})
			got := slices.Contains(r.signals["a"], "shared_surname")
			if got != tt.want {
				t.Errorf("shared_surname: got %v, want %v (signals %v)", got, tt.want, r.signals["a"])
			}
		})
	}
}
