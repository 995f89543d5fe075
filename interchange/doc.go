// Package interchange reads and writes the public interchange formats of
// lekradar (SPEC §6, docs/formats.md): the context directory of CSV files
// exported from the police's own records, the look-up event log (JSON Lines or
// CSV), alerts, per-event explanations and the ground truth of synthetic
// worlds.
//
// The readers are written for data from systems we never see: columns in any
// order, extra columns ignored, empty values meaning unknown, and every
// problem reported as a *LineError naming the file, line, column, value and
// the allowed values.
//
// Reading:
//   - ReadContextDir streams the nine context files to callbacks, row by row,
//     parsing on a second goroutine; ReadUnits … ReadShifts read one file.
//   - EventReader reads the event log; NextRaw allocates nothing and returns
//     slices into its buffers. PipelinedEventReader moves that parsing to a
//     second goroutine behind the same contract.
//   - ReadAlerts and ReadTruth read scan's and synth's outputs back.
//
// Writing: ContextWriter, EventWriter, AlertWriter, ExplanationWriter and
// TruthWriter, all buffered (Flush or Close at the end).
//
// Strings of one context row share one allocation (a row of persons.csv is
// one string cut into ID, Surname, …): 18 million rows read at a few hundred
// nanoseconds each. Keeping one of them keeps the row's text alive.
package interchange
