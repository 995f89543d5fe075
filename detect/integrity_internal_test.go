package detect

import "testing"

func TestNamesIntegrity(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"integriteit", true},
		{"Bureau Integriteit", true},
		{"Integrity Office", true},
		{"VIK-onderzoeker", true},
		{"T-RG-VIK", true},
		{"STAF-VIK", true},
		{"vik", true},
		{"Viking", false},
		{"T-VIKTORIA", false},
		{"bedrijfsvoering", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := namesIntegrity(tt.s); got != tt.want {
			t.Errorf("namesIntegrity(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
