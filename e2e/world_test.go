package e2e_test

import (
	"context"
	"fmt"

	"lekradar/detect"
	"lekradar/sqlstore"
	"lekradar/synth"
)

// scanWorld generates the small synthetic world of `lekradar demo --serve`
// (300 employees, 30,000 persons, a week), scans it with the default
// policy and stores the look-ups and alerts, as cmd/lekradar's
// scanDemoWorld does; a command's package cannot be imported.
func scanWorld(ctx context.Context, store *sqlstore.Store, seed uint64) (sqlstore.ScanCounts, error) {
	cfg := synth.DefaultConfig()
	cfg.Employees, cfg.Persons, cfg.Days, cfg.Seed = 300, 30_000, 7, seed
	b := detect.NewBuilder(detect.SizeHint{Persons: int(cfg.Persons)})
	events := &synth.EventList{}
	if _, err := synth.Generate(ctx, cfg, detect.RowSink{B: b}, events, synth.DiscardTruth{}); err != nil {
		return sqlstore.ScanCounts{}, fmt.Errorf("generate world: %w", err)
	}
	sw, err := store.NewScanWriter(ctx)
	if err != nil {
		return sqlstore.ScanCounts{}, err
	}
	en := detect.NewEngine(b.Build(), detect.DefaultPolicy(), detect.Output{Explanation: sw.Explanation, Alert: sw.WriteAlert})
	runErr := en.Run(ctx, &detect.LookupSource{Events: events.Events, OnEvent: sw.Stage}, &detect.Progress{})
	if err := sw.Close(); err != nil && runErr == nil {
		runErr = err
	}
	return sw.Counts(), runErr
}
