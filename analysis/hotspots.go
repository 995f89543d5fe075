package analysis

import (
	"cmp"
	"slices"

	"lekradar"
)

// Hotspots is the register of vulnerable spots counted by where it hurts.
type Hotspots struct {
	Total int `json:"total"`
	// Open counts spots whose status is not gesloten.
	Open       int          `json:"open"`
	ByArea     Distribution `json:"by_area"`
	ByUnit     Distribution `json:"by_unit"`
	ByTeamKind Distribution `json:"by_team_kind"`
	BySystem   Distribution `json:"by_system"`
	ByStatus   Distribution `json:"by_status"`
	// AreaStatus crosses area and status: where measures are still open.
	AreaStatus CrossTab `json:"area_status"`
	// Top lists the area × unit combinations with the most spots (two or
	// more), most first.
	Top []HotspotCombo `json:"top"`
}

// HotspotCombo is one area in one unit with its number of spots and of
// dossiers that revealed them.
type HotspotCombo struct {
	Area      string `json:"area"`
	AreaLabel string `json:"area_label"`
	Unit      string `json:"unit"`
	UnitLabel string `json:"unit_label"`
	Spots     int    `json:"spots"`
	Dossiers  int    `json:"dossiers"`
}

func (b *builder) hotspots() Hotspots {
	area := newTally(lekradar.FieldVulnerabilityArea, false)
	unit := newTally(lekradar.FieldUnit, false)
	team := newTally(lekradar.FieldTeamKind, false)
	system := newTally(lekradar.FieldSourceSystem, false)
	status := newTally(lekradar.FieldVulnerabilityStatus, false)
	out := Hotspots{Total: len(b.spots), Top: []HotspotCombo{}}
	type key struct{ area, unit string }
	combos := map[key]*HotspotCombo{}
	var pairs [][2]string
	for _, s := range b.spots {
		area.add(s.Area)
		unit.add(s.Unit)
		team.add(s.TeamKind)
		system.add(s.System)
		status.add(s.Status)
		if s.Status != "gesloten" {
			out.Open++
		}
		pairs = append(pairs, [2]string{s.Area, s.Status})
		if s.Unit != "" {
			k := key{s.Area, s.Unit}
			c := combos[k]
			if c == nil {
				c = &HotspotCombo{Area: s.Area, AreaLabel: b.label(lekradar.FieldVulnerabilityArea, s.Area),
					Unit: s.Unit, UnitLabel: b.label(lekradar.FieldUnit, s.Unit)}
				combos[k] = c
			}
			c.Spots++
			c.Dossiers += len(s.DossierIDs)
		}
	}
	out.ByArea = b.distribution("spot_area", area, BaseSpots, nil, nil)
	out.ByUnit = b.distribution("spot_unit", unit, BaseSpots, nil, nil)
	out.ByTeamKind = b.distribution("spot_team_kind", team, BaseSpots, nil, nil)
	out.BySystem = b.distribution("spot_system", system, BaseSpots, nil, nil)
	out.ByStatus = b.distribution("spot_status", status, BaseSpots, nil, nil)
	areas := b.levels(lekradar.FieldVulnerabilityArea, b.codes(lekradar.FieldVulnerabilityArea), nil)
	statuses := b.levels(lekradar.FieldVulnerabilityStatus, b.codes(lekradar.FieldVulnerabilityStatus), nil)
	out.AreaStatus = CrossTab{
		ID:       "spot_area_status",
		Title:    Text{"Kwetsbaarheden naar gebied en status", "Vulnerable spots by area and status"},
		Base:     BaseSpots,
		RowLabel: b.fieldLabel(lekradar.FieldVulnerabilityArea),
		ColLabel: b.fieldLabel(lekradar.FieldVulnerabilityStatus),
		Cols:     statuses,
		Rows:     crossTable(areas, statuses, pairs),
	}
	for _, c := range combos {
		if c.Spots >= 2 {
			out.Top = append(out.Top, *c)
		}
	}
	slices.SortFunc(out.Top, func(a, b HotspotCombo) int {
		return cmp.Or(cmp.Compare(b.Spots, a.Spots), cmp.Compare(b.Dossiers, a.Dossiers),
			cmp.Compare(a.Area, b.Area), cmp.Compare(a.Unit, b.Unit))
	})
	if len(out.Top) > 10 {
		out.Top = out.Top[:10]
	}
	return out
}
