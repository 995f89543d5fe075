package sqlstore

import (
	"context"
	"fmt"

	"lekradar"
)

// auditPurposeAnalysis marks, in the audit detail, a read of all dossiers
// for aggregate analysis (see DossiersForAnalysis).
const auditPurposeAnalysis = "aggregate_report"

// CanBuildAggregates reports whether u may have aggregate reports computed
// over the whole registry: analysts, the privacy officer and the system
// actor. Neither account role may read the dossiers themselves outside its
// department (the privacy officer none at all); they see only what the
// analysis package computes from them.
func CanBuildAggregates(u *lekradar.User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && (u.Role == lekradar.RoleAnalyst || u.Role == lekradar.RolePrivacyOfficer)
}

// DossiersForAnalysis returns every dossier of the registry, whatever the
// acting user's need-to-know, without reporter identities, for computing
// aggregates (lekradar/analysis). It is the one narrow exception to the
// need-to-know rules and exists only so that an analyst or the privacy
// officer can have the study's figures computed over the whole registry:
// callers must never show the dossiers themselves, only aggregates with
// small cells suppressed. The read is audited as one search entry with
// purpose=aggregate_report and the number of dossiers read.
func (s *Store) DossiersForAnalysis(ctx context.Context) ([]*lekradar.Dossier, error) {
	u, err := lekradar.Actor(ctx)
	if err != nil {
		return nil, err
	}
	if !CanBuildAggregates(u) {
		return nil, forbidden(u, "compute aggregate reports")
	}
	var ds []*lekradar.Dossier
	err = s.withTx(ctx, func(tx conn) error {
		var err error
		// The system actor's visibility (all dossiers) with identities
		// left out; the audit names the real actor.
		all := lekradar.SystemActor(u.Username)
		if ds, _, err = s.findDossiers(ctx, tx, all, lekradar.DossierFilter{OmitReporterIdentities: true}); err != nil {
			return err
		}
		detail := detailOf("purpose", auditPurposeAnalysis, "results", fmt.Sprint(len(ds)))
		return s.appendAudit(ctx, tx, u.Username, auditRecord{lekradar.AuditSearch, lekradar.ObjectDossier, "", detail})
	})
	if err != nil {
		return nil, fmt.Errorf("read dossiers for analysis: %w", err)
	}
	return ds, nil
}
