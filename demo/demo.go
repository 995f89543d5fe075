// Package demo generates a deterministic synthetic organisation, the 761 leak
// dossiers of 2015–2016 and a register of vulnerable spots, shaped after the
// public figures of the 2019 Politieacademie study (see
// docs/synthetic-data.md for which figures are public and which are
// assumptions). Everything is synthetic: no real person, case or summary.
//
// The same Options give byte-identical data: the generator draws from PCG
// streams seeded by Options.Seed and never iterates over a map.
package demo

import (
	"fmt"

	"lekradar"
)

// DossierCount is the number of leak dossiers the study found for 2015–2016.
const DossierCount = 761

// ReferenceDate is the day the synthetic registry is a snapshot of: the
// registry as a study of 2015–2016 could have read it. Dossiers whose work
// ran on past this day are still open; nothing is dated later.
var ReferenceDate = lekradar.MustParseDate("2017-06-30")

// Options choose the data set.
type Options struct {
	// Seed selects the data set; the same seed gives the same data.
	Seed uint64
	// PlantDisparity makes a suspicion against staff with a non-Dutch
	// surname about three times as often refuted (weerlegd) as against
	// others, so that the fairness monitor has something to find. Without
	// it the refutation rate is the same for every group.
	PlantDisparity bool
}

// Refutation rates among decided dossiers with an identified suspect.
const (
	baseRefutationRate    = 0.14
	plantedRefutationRate = 0.42
)

// Data is one generated data set.
type Data struct {
	Options   Options
	Workforce *lekradar.Workforce
	// Dossiers are ordered by opening date; IDs are unset until stored.
	Dossiers []*lekradar.Dossier
	// Spots are the register of vulnerable spots. Their DossierIDs stay
	// empty until LinkSpots fills them from the stored dossiers' IDs.
	Spots []*lekradar.VulnerableSpot
	// SpotDossiers holds, for each spot, the indexes into Dossiers of the
	// dossiers that revealed it.
	SpotDossiers [][]int
}

// Generate builds the data set for opts. Every dossier and spot is checked
// against cb before it is returned.
func Generate(opts Options, cb *lekradar.Codebook) (*Data, error) {
	org, err := generateOrganisation(newRand(opts.Seed, 1), cb)
	if err != nil {
		return nil, err
	}
	dossiers, err := generateDossiers(newRand(opts.Seed, 2), opts, cb, org)
	if err != nil {
		return nil, err
	}
	spots, links := generateSpots(newRand(opts.Seed, 3), cb, dossiers)
	data := &Data{Options: opts, Workforce: org.workforce, Dossiers: dossiers, Spots: spots, SpotDossiers: links}
	for i, d := range data.Dossiers {
		if err := d.Validate(cb); err != nil {
			return nil, fmt.Errorf("generated dossier %d (%s) is invalid: %w", i, d.RegNo, err)
		}
	}
	for i, s := range data.Spots {
		if err := s.Validate(cb); err != nil {
			return nil, fmt.Errorf("generated vulnerable spot %d is invalid: %w", i, err)
		}
	}
	return data, nil
}

// LinkSpots sets each spot's DossierIDs from the IDs of its dossiers. Call it
// after the dossiers are stored and before the spots are.
func (d *Data) LinkSpots() error {
	for i, s := range d.Spots {
		s.DossierIDs = make([]int64, 0, len(d.SpotDossiers[i]))
		for _, j := range d.SpotDossiers[i] {
			if j < 0 || j >= len(d.Dossiers) {
				return fmt.Errorf("vulnerable spot %d links dossier index %d of %d", i, j, len(d.Dossiers))
			}
			id := d.Dossiers[j].ID
			if id <= 0 {
				return fmt.Errorf("vulnerable spot %d links dossier %s, which has no ID yet: store the dossiers first", i, d.Dossiers[j].RegNo)
			}
			s.DossierIDs = append(s.DossierIDs, id)
		}
	}
	return nil
}
