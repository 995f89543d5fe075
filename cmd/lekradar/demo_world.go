package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"lekradar"
	"lekradar/detect"
	"lekradar/sqlstore"
	"lekradar/synth"
)

// demoWorldConfig is the synthetic world that `lekradar demo --serve`
// scans so that the alert inbox and log search have something to show:
// small enough to generate, scan and store in seconds.
func demoWorldConfig(seed uint64) synth.Config {
	cfg := synth.DefaultConfig()
	cfg.Employees = 300
	cfg.Persons = 30_000
	cfg.Days = 7
	cfg.Seed = seed
	return cfg
}

// demoWorldResult is what scanDemoWorld made.
type demoWorldResult struct {
	World  *synth.Stats
	Scan   detect.Stats
	Stored sqlstore.ScanCounts
	Took   time.Duration
}

// scanDemoWorld generates a synthetic world in memory, runs the detection
// engine over its look-up log with the default policy and stores every
// look-up with its explanation, and the alerts, through the store's scan
// writer. ctx must carry an actor allowed to write look-ups (the command
// line's system actor).
func scanDemoWorld(ctx context.Context, store *sqlstore.Store, cfg synth.Config) (*demoWorldResult, error) {
	began := time.Now()
	b := detect.NewBuilder(detect.SizeHint{Persons: int(cfg.Persons)})
	events := &synth.EventList{}
	world, err := synth.Generate(ctx, cfg, detect.RowSink{B: b}, events, synth.DiscardTruth{})
	if err != nil {
		return nil, fmt.Errorf("generate world: %w", err)
	}
	sw, err := store.NewScanWriter(ctx)
	if err != nil {
		return nil, fmt.Errorf("store scan: %w", err)
	}
	en := detect.NewEngine(b.Build(), detect.DefaultPolicy(), detect.Output{
		Explanation: sw.Explanation,
		Alert:       sw.WriteAlert,
	})
	src := &detect.LookupSource{Events: events.Events, OnEvent: sw.Stage}
	runErr := en.Run(ctx, src, &detect.Progress{})
	if err := sw.Close(); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return nil, fmt.Errorf("scan world: %w", runErr)
	}
	return &demoWorldResult{World: world, Scan: en.Stats, Stored: sw.Counts(), Took: time.Since(began)}, nil
}

// writeDemoWorldSummary prints what the world holds and what the scan found.
func writeDemoWorldSummary(out io.Writer, cfg synth.Config, r *demoWorldResult) {
	w := r.World
	alerts := r.Scan.Alerts[lekradar.SeverityHigh] + r.Scan.Alerts[lekradar.SeverityMedium] + r.Scan.Alerts[lekradar.SeverityLow]
	fmt.Fprintf(out, "Synthetic world (seed %d): %d employees, %d persons, %d cases, %d look-ups over %d days from %s (%d improper)\n",
		cfg.Seed, w.Employees, w.Persons, w.Cases, w.Events, cfg.Days, cfg.Start.Format(time.DateOnly), w.ImproperEvents)
	fmt.Fprintf(out, "Scanned and stored in %.1fs: %d look-ups, %d alerts (high %d, medium %d, low %d)\n",
		r.Took.Seconds(), r.Stored.Lookups, alerts,
		r.Scan.Alerts[lekradar.SeverityHigh], r.Scan.Alerts[lekradar.SeverityMedium], r.Scan.Alerts[lekradar.SeverityLow])
}
