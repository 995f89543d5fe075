package storetest

import (
	"fmt"
	"math/rand/v2"

	"lekradar"
)

// GenerateDossiers returns n valid dossiers opened in 2015–2016 across all
// units, with every kind of part, deterministic for a seed. Registration
// numbers are left empty for the store to assign.
func GenerateDossiers(cb *lekradar.Codebook, n int, seed uint64) []*lekradar.Dossier {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	pick := func(field string) string {
		codes := cb.Field(field).Allowed()
		return codes[r.IntN(len(codes))]
	}
	maybe := func(field string) string {
		if r.IntN(4) == 0 {
			return ""
		}
		return pick(field)
	}
	triBool := func() *bool {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return new(true)
		}
		return new(false)
	}
	phases := cb.Field(lekradar.FieldPhase).Allowed()
	start := lekradar.MustParseDate("2015-01-01")

	ds := make([]*lekradar.Dossier, n)
	for i := range ds {
		opened := start.AddDays(r.IntN(730))
		d := &lekradar.Dossier{
			Department: pick(lekradar.FieldUnit),
			Allegation: pick(lekradar.FieldAllegation),
			Summary:    fmt.Sprintf("generated dossier %d", i),
			Phases:     []lekradar.PhaseEntry{},
			Means:      []lekradar.MeansEntry{},
			Reports:    []lekradar.Report{},
			Suspects:   []lekradar.Suspect{},
			Items:      []lekradar.LeakedItem{},
			Context: lekradar.LeakContext{
				Use:            maybe(lekradar.FieldUse),
				Recipient:      maybe(lekradar.FieldRecipient),
				Initiative:     maybe(lekradar.FieldInitiative),
				BenefitToCrime: triBool(),
				Motive:         maybe(lekradar.FieldMotive),
			},
		}
		date := opened
		for _, p := range phases[:1+r.IntN(len(phases))] {
			d.Phases = append(d.Phases, lekradar.PhaseEntry{Phase: p, Date: date})
			date = date.AddDays(r.IntN(60))
		}
		if d.CurrentPhase() == "afgesloten" {
			d.SuspicionOutcome = pick(lekradar.FieldSuspicionOutcome)
			d.DisciplinaryMeasure = maybe(lekradar.FieldDisciplinaryMeasure)
			d.CriminalOutcome = maybe(lekradar.FieldCriminalOutcome)
		}
		for range r.IntN(4) {
			m := lekradar.MeansEntry{Means: pick(lekradar.FieldInvestigativeMeans)}
			if r.IntN(2) == 0 {
				m.Date = opened.AddDays(r.IntN(90))
			}
			d.Means = append(d.Means, m)
		}
		for k := range 1 + r.IntN(2) {
			rep := lekradar.Report{Channel: pick(lekradar.FieldChannel), Received: opened.AddDays(-r.IntN(10))}
			if r.IntN(2) == 0 {
				rep.ReporterRef = fmt.Sprintf("reporter-%d-%d", i, k)
			}
			if r.IntN(3) > 0 {
				rep.Acknowledged = rep.Received.AddDays(r.IntN(8))
			}
			if r.IntN(3) == 0 {
				rep.FeedbackSent = rep.Received.AddDays(30 + r.IntN(60))
			}
			if rep.Channel == "detectie" {
				rep.AlertID = fmt.Sprintf("a-%06d", i)
			}
			d.Reports = append(d.Reports, rep)
		}
		for range r.IntN(3) {
			s := lekradar.Suspect{Identified: r.IntN(3) > 0, Unit: maybe(lekradar.FieldUnit), Executive: triBool()}
			if s.Identified {
				s.EmployeeRef = fmt.Sprintf("E%05d", r.IntN(100000))
				s.Rank = pick(lekradar.FieldRank)
				s.TeamKind = maybe(lekradar.FieldTeamKind)
				s.SurnameOrigin = pick(lekradar.FieldSurnameOrigin)
				s.Gender = maybe(lekradar.FieldGender)
				s.AgeBand = maybe(lekradar.FieldAgeBand)
				s.TenureBand = maybe(lekradar.FieldTenureBand)
			}
			d.Suspects = append(d.Suspects, s)
		}
		for range r.IntN(4) {
			d.Items = append(d.Items, lekradar.LeakedItem{
				SourceSystem:         pick(lekradar.FieldSourceSystem),
				InfoType:             pick(lekradar.FieldInfoType),
				OngoingInvestigation: triBool(),
				Harm:                 maybe(lekradar.FieldHarm),
				Description:          "item",
			})
		}
		ds[i] = d
	}
	return ds
}
