package synth

import "lekradar"

// EventList keeps a world's look-ups in memory, for small worlds whose
// detection index must be complete before the engine starts.
type EventList struct{ Events []lekradar.LookupEvent }

// Write implements EventSink.
func (l *EventList) Write(ev *lekradar.LookupEvent) error {
	l.Events = append(l.Events, *ev)
	return nil
}

// DiscardTruth drops the ground truth, for uses that do not score detection.
type DiscardTruth struct{}

// WriteTruth implements TruthSink.
func (DiscardTruth) WriteTruth(eventID, incidentID, scenario string) error { return nil }
