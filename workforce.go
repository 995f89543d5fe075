package lekradar

import "context"

// OrgUnit is one police unit with its size, the denominator for rates per
// 1,000 FTE.
type OrgUnit struct {
	Unit      string  `json:"unit"` // a unit code
	FTE       float64 `json:"fte"`
	Headcount int     `json:"headcount"`
}

// WorkforceCell counts the staff that share one combination of position and
// group attributes. The workforce is kept as such a contingency table rather
// than as a list of people: the registry needs the mix (for relative risks and
// the fairness monitor), never the individuals.
type WorkforceCell struct {
	Unit          string `json:"unit"`
	Rank          string `json:"rank"`
	TeamKind      string `json:"team_kind"`
	Executive     bool   `json:"executive"`
	SurnameOrigin string `json:"surname_origin"`
	Gender        string `json:"gender"`
	AgeBand       string `json:"age_band"`
	TenureBand    string `json:"tenure_band"`
	Count         int    `json:"count"`
}

// Workforce is the organisation the registry's rates are measured against.
type Workforce struct {
	Units []OrgUnit       `json:"units"`
	Cells []WorkforceCell `json:"cells"`
}

// WorkforceService stores the workforce figures.
type WorkforceService interface {
	// ReplaceWorkforce swaps the whole workforce in one transaction.
	ReplaceWorkforce(ctx context.Context, w *Workforce) error
	// FindWorkforce returns the stored workforce (empty when none).
	FindWorkforce(ctx context.Context) (*Workforce, error)
}
