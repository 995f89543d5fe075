package detect

import "testing"

func TestRoleOf(t *testing.T) {
	tests := []struct {
		kind, function string
		want           uint8
	}{
		{"informatie_analyse", "", roleAnalysis},
		{" Meldkamer ", "", roleDesk},
		{"intake_service", "Medewerker", roleDesk},
		{"", "analist", roleAnalysis},
		{"recherche", "Operationeel Analist", roleAnalysis},
		{"", "Centralist meldkamer", roleDesk},
		{"", "Intaker 112", roleDesk},
		{"", "Medewerker Intake & Service", roleDesk},
		{"basisteam", "Medewerker Noodhulp", roleNone},
		{"basisteam", "Wijkagent", roleNone},
		{"recherche", "Tactisch Rechercheur", roleNone},
		{"", "", roleNone},
	}
	for _, tt := range tests {
		if got := roleOf(tt.kind, tt.function); got != tt.want {
			t.Errorf("roleOf(%q, %q) = %d, want %d", tt.kind, tt.function, got, tt.want)
		}
	}
}
