package lekradar

import (
	"context"
	"fmt"
	"time"
)

// VulnerableSpot is an entry in the register of vulnerable spots: a weakness
// in the organisation that incidents revealed (access wider than the work
// needs, screens visible to visitors, a work process that invites look-ups),
// the measures taken, and the dossiers that revealed it. The study names this
// register as the start of a proactive approach.
type VulnerableSpot struct {
	ID          int64   `json:"id,omitempty"`
	Area        string  `json:"area"`
	Unit        string  `json:"unit,omitempty"`
	TeamKind    string  `json:"team_kind,omitempty"`
	System      string  `json:"system,omitempty"` // a source_system code
	Description string  `json:"description"`
	Measures    string  `json:"measures,omitempty"`
	Status      string  `json:"status"`
	Identified  Date    `json:"identified"`
	DossierIDs  []int64 `json:"dossier_ids"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Validate checks the coded fields and required values.
func (s *VulnerableSpot) Validate(cb *Codebook) error {
	v := &ValidationError{}
	cb.check(v, "area", FieldVulnerabilityArea, s.Area, false)
	cb.check(v, "unit", FieldUnit, s.Unit, true)
	cb.check(v, "team_kind", FieldTeamKind, s.TeamKind, true)
	cb.check(v, "system", FieldSourceSystem, s.System, true)
	cb.check(v, "status", FieldVulnerabilityStatus, s.Status, false)
	if s.Description == "" {
		v.add("description", "", "is required", nil)
	}
	if s.Identified.IsZero() {
		v.add("identified", "", "is required (YYYY-MM-DD)", nil)
	}
	for i, id := range s.DossierIDs {
		if id <= 0 {
			v.add(fmt.Sprintf("dossier_ids[%d]", i), fmt.Sprint(id), "is not a dossier id", nil)
		}
	}
	return v.errOrNil()
}

// VulnerableSpotFilter selects register entries. Nil fields do not filter.
type VulnerableSpotFilter struct {
	ID        *int64
	Area      *string
	Unit      *string
	Status    *string
	DossierID *int64

	Offset int
	Limit  int
}

// VulnerableSpotService stores the register of vulnerable spots.
type VulnerableSpotService interface {
	FindVulnerableSpotByID(ctx context.Context, id int64) (*VulnerableSpot, error)
	FindVulnerableSpots(ctx context.Context, filter VulnerableSpotFilter) ([]*VulnerableSpot, int, error)
	// CreateVulnerableSpot stores a new entry; linking a dossier that does
	// not exist is EINVALID.
	CreateVulnerableSpot(ctx context.Context, s *VulnerableSpot) error
	UpdateVulnerableSpot(ctx context.Context, s *VulnerableSpot) error
	DeleteVulnerableSpot(ctx context.Context, id int64) error
}
