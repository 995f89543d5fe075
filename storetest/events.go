package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/sqlstore"
)

// The event store: look-ups, alerts, log search and triage.

var eventBase = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)

// scanOutcome is one look-up with what the engine said about it.
type scanOutcome struct {
	ev          lekradar.LookupEvent
	explainedBy string
	signals     []string
}

func lookupAt(id string, after time.Duration, emp, person string) lekradar.LookupEvent {
	return lekradar.LookupEvent{ID: id, TS: eventBase.Add(after), EmployeeID: emp, System: "bvh",
		Action: lekradar.ActionQuery, PersonID: person}
}

// sampleScan is a small scan: two employees, two persons, three days.
func sampleScan() ([]scanOutcome, []*lekradar.Alert) {
	out := []scanOutcome{
		{lookupAt("ev-1", 0, "E100", "P1"), "case_given", nil},
		{lookupAt("ev-2", time.Hour+500*time.Millisecond, "E100", "P2"), "", []string{"neighbour"}},
		{lookupAt("ev-3", 2*time.Hour+123456*time.Microsecond, "E200", "P1"), "assigned_case", nil},
		{lookupAt("ev-4", 26*time.Hour, "E100", "P1"), "", []string{"repeat", "night"}},
		{lookupAt("ev-5", 50*time.Hour, "E200", "P1"), "", nil},
		{lookupAt("ev-6", 49*time.Hour, "E100", "P2"), "", []string{"neighbour"}},
	}
	out[0].ev.CaseID = "2024-000123"
	out[3].ev.Action = lekradar.ActionView
	alerts := []*lekradar.Alert{
		{ID: "1", EmployeeID: "E100", PersonID: "P2", EventIDs: []string{"ev-2", "ev-6"},
			FirstTS: out[1].ev.TS, LastTS: out[5].ev.TS, Score: 5.5, Severity: lekradar.SeverityHigh,
			Reasons:      []lekradar.Reason{{Rule: "neighbour", Text: "lives next door"}, {Rule: "repeat", Text: "looked up twice"}},
			Explanations: []string{"case_given", "assigned_case"}},
		{ID: "2", EmployeeID: "E100", PersonID: "P1", EventIDs: []string{"ev-4"},
			FirstTS: out[3].ev.TS, LastTS: out[3].ev.TS, Score: 3, Severity: lekradar.SeverityMedium,
			Reasons: []lekradar.Reason{{Rule: "night", Text: "at night"}}},
		{ID: "3", EmployeeID: "E200", PersonID: "P1", EventIDs: []string{"ev-5"},
			FirstTS: out[4].ev.TS, LastTS: out[4].ev.TS, Score: 4, Severity: lekradar.SeverityLow,
			Reasons: []lekradar.Reason{{Rule: "unexplained", Text: "nothing explains it"}}},
		{ID: "4", EmployeeID: "E200", PersonID: "P2", EventIDs: []string{"ev-9"}, // a look-up not (yet) stored
			FirstTS: eventBase, LastTS: eventBase, Score: 1, Severity: lekradar.SeverityMedium,
			Reasons: []lekradar.Reason{{Rule: "x", Text: "y"}}},
	}
	return out, alerts
}

// writeScan stores a scan through a ScanWriter with the given batch size.
func writeScan(t *testing.T, s *sqlstore.Store, batch int, out []scanOutcome, alerts []*lekradar.Alert) sqlstore.ScanCounts {
	t.Helper()
	w, err := s.NewScanWriter(SystemContext())
	if err != nil {
		t.Fatalf("new scan writer: %v", err)
	}
	w.BatchSize = batch
	for _, o := range out {
		if err := w.WriteLookup(o.ev, o.explainedBy, o.signals); err != nil {
			t.Fatalf("write look-up %s: %v", o.ev.ID, err)
		}
	}
	for _, a := range alerts {
		if err := w.WriteAlert(a); err != nil {
			t.Fatalf("write alert %s: %v", a.ID, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("close scan writer: %v", err)
	}
	return w.Counts()
}

func tableCount(t *testing.T, s *sqlstore.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func auditCountOf(t *testing.T, s *sqlstore.Store, action, objectType string) int {
	t.Helper()
	var n int
	q := "SELECT COUNT(*) FROM audit_entry WHERE action = '" + action + "' AND object_type = '" + objectType + "'"
	if err := s.DB().QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("count audit entries: %v", err)
	}
	return n
}

func testEventUpsert(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	tables := []string{"lookup", "alert", "alert_event", "alert_reason"}
	want := map[string]int{"lookup": 6, "alert": 4, "alert_event": 5, "alert_reason": 5}

	c := writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	if c.Lookups != 6 || c.Alerts != 4 || c.Batches != 1 {
		t.Fatalf("first scan counts = %+v, want 6 look-ups, 4 alerts, 1 batch", c)
	}
	for _, tb := range tables {
		if got := tableCount(t, s, tb); got != want[tb] {
			t.Fatalf("after the first scan %s has %d rows, want %d", tb, got, want[tb])
		}
	}
	if got := auditCountOf(t, s, lekradar.AuditCreate, lekradar.ObjectLookups); got != 1 {
		t.Fatalf("%d audit entries for one batch, want 1", got)
	}
	before, _, err := s.FindAlerts(SystemContext(), lekradar.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}

	// The same events again, in batches of 3 rows and through Stage and
	// Explanation, with one outcome changed: no duplicates, the change kept.
	out[4].explainedBy, out[4].signals = "team_case", []string{"late"}
	w, err := s.NewScanWriter(SystemContext())
	if err != nil {
		t.Fatal(err)
	}
	w.BatchSize = 3
	for _, o := range out {
		w.Stage(o.ev)
	}
	w.Stage(out[0].ev) // a log may repeat an event
	if err := w.Explanation([]byte(out[0].ev.ID), out[0].explainedBy, out[0].signals); err != nil {
		t.Fatal(err)
	}
	w.Stage(lookupAt("ev-dropped", 0, "E100", "P1")) // the engine never explains it
	for i := len(out) - 1; i >= 0; i-- {
		if err := w.Explanation([]byte(out[i].ev.ID), out[i].explainedBy, out[i].signals); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Explanation([]byte("ev-unknown"), "", nil); err == nil {
		t.Fatal("an explanation of an event never staged was accepted")
	}
	for _, a := range alerts {
		if err := w.WriteAlert(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if c := w.Counts(); c.Batches < 2 || c.Unexplained != 1 {
		t.Fatalf("batch size 3 committed %d batches; %d staged events left unexplained, want 1", c.Batches, c.Unexplained)
	}
	for _, tb := range tables {
		if got := tableCount(t, s, tb); got != want[tb] {
			t.Fatalf("after the second scan %s has %d rows, want %d", tb, got, want[tb])
		}
	}
	after, _, err := s.FindAlerts(SystemContext(), lekradar.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(as []*lekradar.StoredAlert) []string {
		var r []string
		for _, a := range as {
			r = append(r, a.ID)
		}
		return r
	}
	assertEqual(t, "alert ids after a re-scan", ids(after), ids(before))
	ls, _, err := s.FindLookups(SystemContext(), lekradar.LookupFilter{EmployeeID: "E200", From: eventBase.Add(49 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].ExplainedBy == nil || *ls[0].ExplainedBy != "team_case" || !slices.Equal(ls[0].Signals, []string{"late"}) {
		t.Fatalf("re-scan did not update the outcome of ev-5: %+v", ls)
	}

	// A different scan's alert numbering does not matter.
	alerts[0].ID = "run2-77"
	writeScan(t, s, 100, nil, alerts[:1])
	if got := tableCount(t, s, "alert"); got != 4 {
		t.Fatalf("renumbered alert made a new one: %d alerts", got)
	}
	bad := &lekradar.Alert{ID: "x", EmployeeID: "E1", PersonID: "P", Severity: "urgent", EventIDs: []string{"e"}}
	w3, err := s.NewScanWriter(SystemContext())
	if err != nil {
		t.Fatal(err)
	}
	assertCode(t, w3.WriteAlert(bad), lekradar.EINVALID)
	assertCode(t, w3.WriteLookup(lekradar.LookupEvent{}, "", nil), lekradar.EINVALID)
}

func testLogSearch(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	inv := as(&lekradar.User{Username: "inv", Role: lekradar.RoleInvestigator, Department: "amsterdam"})
	byID := map[string]scanOutcome{}
	for _, o := range out {
		byID[o.ev.ID] = o
	}
	alertOf := map[string]string{}
	for _, a := range alerts {
		for _, ev := range a.EventIDs {
			alertOf[ev] = sqlstore.AlertID(a)
		}
	}

	for _, tc := range []struct {
		name string
		f    lekradar.LookupFilter
		want []string
	}{
		{"person", lekradar.LookupFilter{PersonID: "P1"}, []string{"ev-1", "ev-3", "ev-4", "ev-5"}},
		{"employee", lekradar.LookupFilter{EmployeeID: "E100"}, []string{"ev-1", "ev-2", "ev-4", "ev-6"}},
		{"person from inclusive", lekradar.LookupFilter{PersonID: "P1", From: eventBase.Add(2*time.Hour + 123456*time.Microsecond)},
			[]string{"ev-3", "ev-4", "ev-5"}},
		{"person to exclusive", lekradar.LookupFilter{PersonID: "P1", To: eventBase.Add(26 * time.Hour)}, []string{"ev-1", "ev-3"}},
		{"employee period", lekradar.LookupFilter{EmployeeID: "E100", From: eventBase.Add(time.Hour), To: eventBase.Add(48 * time.Hour)},
			[]string{"ev-2", "ev-4"}},
		{"period in another zone", lekradar.LookupFilter{EmployeeID: "E100",
			From: eventBase.Add(time.Hour).In(time.FixedZone("CET", 3600)), To: eventBase.Add(48 * time.Hour).In(time.FixedZone("X", -7200))},
			[]string{"ev-2", "ev-4"}},
		{"page", lekradar.LookupFilter{PersonID: "P1", Offset: 1, Limit: 2}, []string{"ev-3", "ev-4"}},
		{"nobody", lekradar.LookupFilter{PersonID: "P404"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls, total, err := s.FindLookups(inv, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, l := range ls {
				got = append(got, l.ID)
				o := byID[l.ID]
				if i > 0 && l.TS.Before(ls[i-1].TS) {
					t.Errorf("%s comes before %s but is later", ls[i-1].ID, l.ID)
				}
				if !l.TS.Equal(o.ev.TS) || l.EmployeeID != o.ev.EmployeeID || l.PersonID != o.ev.PersonID ||
					l.Action != o.ev.Action || l.CaseID != o.ev.CaseID || l.System != o.ev.System {
					t.Errorf("%s read back as %+v, stored %+v", l.ID, l.LookupEvent, o.ev)
				}
				wantExpl := ""
				if l.ExplainedBy != nil {
					wantExpl = *l.ExplainedBy
				}
				if wantExpl != o.explainedBy || (l.ExplainedBy != nil && o.explainedBy == "") {
					t.Errorf("%s explained_by = %v, want %q", l.ID, l.ExplainedBy, o.explainedBy)
				}
				if !slices.Equal(l.Signals, o.signals) && !(len(l.Signals) == 0 && len(o.signals) == 0) {
					t.Errorf("%s signals = %v, want %v", l.ID, l.Signals, o.signals)
				}
				if l.Signals == nil {
					t.Errorf("%s signals is nil, want an empty list", l.ID)
				}
				if l.AlertID != alertOf[l.ID] {
					t.Errorf("%s alert = %q, want %q", l.ID, l.AlertID, alertOf[l.ID])
				}
			}
			assertEqual(t, "look-ups", got, tc.want)
			if tc.f.Limit == 0 && total != len(tc.want) {
				t.Errorf("total = %d, want %d", total, len(tc.want))
			}
		})
	}

	t.Run("audited with the filter", func(t *testing.T) {
		if _, _, err := s.FindLookups(inv, lekradar.LookupFilter{PersonID: "P2", From: eventBase}); err != nil {
			t.Fatal(err)
		}
		e := lastAudit(t, s, 1)[0]
		if e.Actor != "inv" || e.Action != lekradar.AuditSearch || e.ObjectType != lekradar.ObjectLookups ||
			!strings.Contains(e.Detail, "person=P2") || !strings.Contains(e.Detail, "results=2") {
			t.Fatalf("audit entry = %+v", e)
		}
	})

	t.Run("invalid filters", func(t *testing.T) {
		for _, f := range []lekradar.LookupFilter{
			{},
			{PersonID: "P1", EmployeeID: "E100"},
			{PersonID: "P1", From: eventBase.Add(time.Hour), To: eventBase},
		} {
			_, _, err := s.FindLookups(inv, f)
			assertCode(t, err, lekradar.EINVALID)
		}
	})

	t.Run("own look-ups", func(t *testing.T) {
		self := as(&lekradar.User{Username: "inv-e100", Role: lekradar.RoleInvestigator, EmployeeRef: "E100"})
		_, _, err := s.FindLookups(self, lekradar.LookupFilter{EmployeeID: "E100"})
		assertCode(t, err, lekradar.EFORBIDDEN)
	})

	t.Run("csv export", func(t *testing.T) {
		var buf bytes.Buffer
		sum, n, err := s.ExportLookupsCSV(inv, lekradar.LookupFilter{PersonID: "P1"}, &buf)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(buf.Bytes())
		if sum != hex.EncodeToString(h[:]) {
			t.Fatalf("reported sha256 %s is not that of the bytes written", sum)
		}
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if n != 4 || len(lines) != 5 || !strings.HasPrefix(lines[0], "event_id,ts,") || !strings.HasPrefix(lines[1], "ev-1,") {
			t.Fatalf("export of %d rows:\n%s", n, buf.String())
		}
		e := lastAudit(t, s, 1)[0]
		if e.Action != lekradar.AuditExport || !strings.Contains(e.Detail, "sha256="+sum) || !strings.Contains(e.Detail, "rows=4") {
			t.Fatalf("export audit entry = %+v", e)
		}
	})
}

func testAlertPseudonyms(t *testing.T, newDB NewDatabaseFunc) {
	open := newDB(t)
	s := mustOpenWith(t, open)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	ana := as(&lekradar.User{Username: "ana", Role: lekradar.RoleAnalyst, Department: "amsterdam"})
	list, total, err := s.FindAlerts(ana, lekradar.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 4 || len(list) != 4 {
		t.Fatalf("inbox has %d of %d alerts, want 4", len(list), total)
	}
	// severity first (high, medium, medium, low), then score
	var order []string
	for _, a := range list {
		order = append(order, a.Severity+"/"+a.PersonID)
	}
	assertEqual(t, "inbox order", order, []string{"high/P2", "medium/P1", "medium/P2", "low/P1"})
	pseud := map[string]string{} // employee → pseudonym
	for i, a := range list {
		emp := alertsByID(alerts)[a.ID].EmployeeID
		if !strings.HasPrefix(a.EmployeePseudonym, "P-") || strings.Contains(a.EmployeePseudonym, emp) {
			t.Fatalf("alert %s shows employee %q", a.ID, a.EmployeePseudonym)
		}
		if p, ok := pseud[emp]; ok && p != a.EmployeePseudonym {
			t.Fatalf("employee %s has pseudonyms %s and %s", emp, p, a.EmployeePseudonym)
		}
		pseud[emp] = a.EmployeePseudonym
		js, _ := json.Marshal(a)
		if strings.Contains(string(js), "E100") || strings.Contains(string(js), "E200") {
			t.Fatalf("alert %d carries a real employee id: %s", i, js)
		}
		if a.Status != lekradar.AlertOpen {
			t.Fatalf("new alert has status %q", a.Status)
		}
	}
	if pseud["E100"] == pseud["E200"] {
		t.Fatal("two employees share a pseudonym")
	}
	high := list[0]
	assertEqual(t, "event ids", high.EventIDs, []string{"ev-2", "ev-6"})
	assertEqual(t, "reasons", high.Reasons, alerts[0].Reasons)
	assertEqual(t, "explanations", high.Explanations, alerts[0].Explanations)
	if !high.FirstTS.Equal(alerts[0].FirstTS) || !high.LastTS.Equal(alerts[0].LastTS) || high.Score != 5.5 {
		t.Fatalf("alert read back as %+v", high)
	}

	byPseud, _, err := s.FindAlerts(ana, lekradar.AlertFilter{EmployeePseudonym: pseud["E200"]})
	if err != nil || len(byPseud) != 2 {
		t.Fatalf("filter by pseudonym: %d alerts, %v", len(byPseud), err)
	}
	high2, _, err := s.FindAlerts(ana, lekradar.AlertFilter{Severity: lekradar.SeverityHigh})
	if err != nil || len(high2) != 1 {
		t.Fatalf("filter by severity: %d alerts, %v", len(high2), err)
	}
	_, _, err = s.FindAlerts(ana, lekradar.AlertFilter{Status: "closed"})
	assertCode(t, err, lekradar.EINVALID)
	if p, err := s.EmployeePseudonym(SystemContext(), "E100"); err != nil || p != pseud["E100"] {
		t.Fatalf("EmployeePseudonym = %q, %v; want %q", p, err, pseud["E100"])
	}
	_, err = s.EmployeePseudonym(ana, "E100")
	assertCode(t, err, lekradar.EFORBIDDEN)

	// Stable across a reopen and a further scan.
	s.Close()
	s = mustOpenWith(t, open)
	writeScan(t, s, 10, out, alerts)
	again, err := s.FindAlertByID(ana, high.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.EmployeePseudonym != high.EmployeePseudonym {
		t.Fatalf("pseudonym changed from %s to %s", high.EmployeePseudonym, again.EmployeePseudonym)
	}
	// An alert about oneself does not exist for oneself.
	self := as(&lekradar.User{Username: "ana-e100", Role: lekradar.RoleAnalyst, EmployeeRef: "E100"})
	_, err = s.FindAlertByID(self, high.ID)
	assertCode(t, err, lekradar.ENOTFOUND)
	mine, n, err := s.FindAlerts(self, lekradar.AlertFilter{})
	if err != nil || n != 2 || len(mine) != 2 {
		t.Fatalf("E100 sees %d alerts (total %d, %v), want only the 2 about E200", len(mine), n, err)
	}
	_, err = s.FindAlertByID(ana, "A-0000000000000000")
	assertCode(t, err, lekradar.ENOTFOUND)
}

func alertsByID(alerts []*lekradar.Alert) map[string]*lekradar.Alert {
	m := map[string]*lekradar.Alert{}
	for _, a := range alerts {
		m[sqlstore.AlertID(a)] = a
	}
	return m
}

func testAlertReveal(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	id := sqlstore.AlertID(alerts[0])
	inv := as(&lekradar.User{Username: "inv", Role: lekradar.RoleInvestigator, Department: "amsterdam"})
	ana := as(&lekradar.User{Username: "ana", Role: lekradar.RoleAnalyst, Department: "amsterdam"})

	_, err := s.RevealAlertEmployee(inv, id, "  ")
	assertCode(t, err, lekradar.EINVALID)
	_, err = s.RevealAlertEmployee(ana, id, "curious")
	assertCode(t, err, lekradar.EFORBIDDEN)
	_, err = s.RevealAlertEmployee(inv, "A-nope", "curious")
	assertCode(t, err, lekradar.ENOTFOUND)
	n := auditCount(t, s)
	emp, err := s.RevealAlertEmployee(inv, id, "triage call with team chief")
	if err != nil {
		t.Fatal(err)
	}
	if emp != "E100" {
		t.Fatalf("revealed %q, want E100", emp)
	}
	if got := auditCount(t, s); got != n+1 {
		t.Fatalf("reveal wrote %d audit entries, want 1", got-n)
	}
	e := lastAudit(t, s, 1)[0]
	if e.Action != lekradar.AuditRevealEmployee || e.ObjectType != lekradar.ObjectAlert || e.ObjectID != id ||
		e.Actor != "inv" || !strings.Contains(e.Detail, "triage call") {
		t.Fatalf("reveal audit entry = %+v", e)
	}
	a, err := s.FindAlertByID(inv, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Actions) != 1 || a.Actions[0].Action != lekradar.AlertReveal || a.Actions[0].Actor != "inv" ||
		a.Actions[0].Reason != "triage call with team chief" || a.Status != lekradar.AlertOpen {
		t.Fatalf("history after reveal = %+v, status %s", a.Actions, a.Status)
	}
	if a.EmployeePseudonym == emp {
		t.Fatal("a reveal unmasked the alert in later reads")
	}
}

func testAlertActions(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	inv := &lekradar.User{Username: "inv", Role: lekradar.RoleInvestigator, Department: "amsterdam"}
	ana := as(&lekradar.User{Username: "ana", Role: lekradar.RoleAnalyst, Department: "amsterdam"})
	high, medium, low := sqlstore.AlertID(alerts[0]), sqlstore.AlertID(alerts[1]), sqlstore.AlertID(alerts[2])

	t.Run("reason required", func(t *testing.T) {
		for _, action := range lekradar.AlertActions() {
			_, err := s.ActOnAlert(as(inv), medium, action, "")
			assertCode(t, err, lekradar.EINVALID)
		}
		_, err := s.ActOnAlert(as(inv), medium, "ignore", "because")
		assertCode(t, err, lekradar.EINVALID)
	})
	t.Run("explain and dismiss", func(t *testing.T) {
		if d, err := s.ActOnAlert(ana, medium, lekradar.AlertExplained, "verbal assignment by shift lead"); err != nil || d != nil {
			t.Fatalf("explain: %v, dossier %v", err, d)
		}
		if _, err := s.ActOnAlert(as(inv), low, lekradar.AlertDismissed, "test account"); err != nil {
			t.Fatal(err)
		}
		e := lastAudit(t, s, 1)[0]
		if e.Action != lekradar.AuditUpdate || e.ObjectType != lekradar.ObjectAlert || e.ObjectID != low ||
			!strings.Contains(e.Detail, "status=dismissed") || !strings.Contains(e.Detail, "test account") {
			t.Fatalf("dismiss audit entry = %+v", e)
		}
		open, _, err := s.FindAlerts(ana, lekradar.AlertFilter{Status: lekradar.AlertOpen})
		if err != nil || len(open) != 2 {
			t.Fatalf("%d open alerts (%v), want 2", len(open), err)
		}
		a, err := s.FindAlertByID(ana, medium)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != lekradar.AlertExplained || len(a.Actions) != 1 || a.Actions[0].Reason != "verbal assignment by shift lead" {
			t.Fatalf("explained alert = %+v", a)
		}
	})
	t.Run("escalate", func(t *testing.T) {
		_, err := s.ActOnAlert(ana, high, lekradar.AlertEscalated, "pattern")
		assertCode(t, err, lekradar.EFORBIDDEN)
		noDept := &lekradar.User{Username: "inv-nodept", Role: lekradar.RoleInvestigator}
		_, err = s.ActOnAlert(as(noDept), high, lekradar.AlertEscalated, "pattern")
		assertCode(t, err, lekradar.EINVALID)

		d, err := s.ActOnAlert(as(inv), high, lekradar.AlertEscalated, "repeated neighbour look-ups")
		if err != nil {
			t.Fatal(err)
		}
		var creates int
		for _, e := range lastAudit(t, s, 2) {
			if e.Action == lekradar.AuditCreate && e.ObjectType == lekradar.ObjectDossier && e.ObjectID == idStr(d.ID) {
				creates++
			}
		}
		if creates != 1 {
			t.Fatalf("the escalation's dossier was audited %d times as created", creates)
		}
		if d == nil || d.ID == 0 || d.Department != "amsterdam" || d.Allegation != "raadplegen" || d.CurrentPhase() != "ontvangen" ||
			len(d.Reports) != 1 || d.Reports[0].Channel != "detectie" || d.Reports[0].AlertID != high {
			t.Fatalf("escalation dossier = %+v", d)
		}
		if strings.Contains(d.Summary, "E100") || strings.Contains(d.Summary, "P2") || !strings.Contains(d.Summary, high) {
			t.Fatalf("summary %q must name the alert and no person", d.Summary)
		}
		stored, err := s.FindDossierByID(as(inv), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.RegNo != d.RegNo || stored.Reports[0].AlertID != high {
			t.Fatalf("stored dossier = %+v", stored)
		}
		ls, err := s.FindDossierLookups(as(inv), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range ls {
			got = append(got, l.ID)
		}
		assertEqual(t, "attached look-ups", got, []string{"ev-2", "ev-6"})
		a, err := s.FindAlertByID(as(inv), high)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != lekradar.AlertEscalated || a.DossierID != d.ID || len(a.Actions) != 1 || a.Actions[0].DossierID != d.ID {
			t.Fatalf("escalated alert = %+v", a)
		}
		// Final: no second dossier, no status change.
		_, err = s.ActOnAlert(as(inv), high, lekradar.AlertEscalated, "again")
		assertCode(t, err, lekradar.ECONFLICT)
		_, err = s.ActOnAlert(as(inv), high, lekradar.AlertDismissed, "changed my mind")
		assertCode(t, err, lekradar.ECONFLICT)
		if n := countDossiers(t, s); n != 1 {
			t.Fatalf("%d dossiers, want 1", n)
		}
		// The employee the alert is about can never open the dossier.
		subject := as(&lekradar.User{Username: "inv-e100", Role: lekradar.RoleInvestigator, Department: "amsterdam", EmployeeRef: "E100"})
		_, err = s.FindDossierByID(subject, d.ID)
		assertCode(t, err, lekradar.ENOTFOUND)
		_, err = s.FindDossierLookups(subject, d.ID)
		assertCode(t, err, lekradar.ENOTFOUND)
		// Nor can another department.
		_, err = s.FindDossierLookups(as(&lekradar.User{Username: "inv-rot", Role: lekradar.RoleInvestigator, Department: "rotterdam"}), d.ID)
		assertCode(t, err, lekradar.ENOTFOUND)
	})
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

// testEventRoles checks every role against every event-store action: what
// must be denied as well as what must be allowed.
func testEventRoles(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	alertIDs := []string{sqlstore.AlertID(alerts[0]), sqlstore.AlertID(alerts[1]), sqlstore.AlertID(alerts[2]), sqlstore.AlertID(alerts[3])}
	next := 0
	// fresh returns an open alert for an action that changes one.
	fresh := func() string {
		a := &lekradar.Alert{ID: "r", EmployeeID: "E300", PersonID: "P9", EventIDs: []string{"role-" + strconv.Itoa(next)},
			FirstTS: eventBase, LastTS: eventBase, Score: 1, Severity: lekradar.SeverityLow}
		next++
		writeScan(t, s, 100, nil, []*lekradar.Alert{a})
		return sqlstore.AlertID(a)
	}
	type op struct {
		name string
		run  func(ctx context.Context) error
	}
	ops := []op{
		{"search", func(ctx context.Context) error {
			_, _, err := s.FindLookups(ctx, lekradar.LookupFilter{PersonID: "P1"})
			return err
		}},
		{"export", func(ctx context.Context) error {
			_, _, err := s.ExportLookupsCSV(ctx, lekradar.LookupFilter{PersonID: "P1"}, &bytes.Buffer{})
			return err
		}},
		{"inbox", func(ctx context.Context) error { _, _, err := s.FindAlerts(ctx, lekradar.AlertFilter{}); return err }},
		{"read", func(ctx context.Context) error { _, err := s.FindAlertByID(ctx, alertIDs[0]); return err }},
		{"reveal", func(ctx context.Context) error { _, err := s.RevealAlertEmployee(ctx, alertIDs[1], "why"); return err }},
		{"explain", func(ctx context.Context) error {
			_, err := s.ActOnAlert(ctx, fresh(), lekradar.AlertExplained, "why")
			return err
		}},
		{"dismiss", func(ctx context.Context) error {
			_, err := s.ActOnAlert(ctx, fresh(), lekradar.AlertDismissed, "why")
			return err
		}},
		{"escalate", func(ctx context.Context) error {
			_, err := s.ActOnAlert(ctx, fresh(), lekradar.AlertEscalated, "why")
			return err
		}},
		{"ingest", func(ctx context.Context) error {
			w, err := s.NewScanWriter(ctx)
			if err != nil {
				return err
			}
			return w.Close()
		}},
	}
	allowed := map[string][]string{
		lekradar.RoleInvestigator:   {"search", "export", "inbox", "read", "reveal", "explain", "dismiss", "escalate"},
		lekradar.RoleAnalyst:        {"inbox", "read", "explain", "dismiss"},
		lekradar.RoleIntake:         nil,
		lekradar.RoleAdmin:          nil,
		lekradar.RoleResearcher:     nil,
		lekradar.RolePrivacyOfficer: nil,
		lekradar.RoleAuditor:        nil,
		lekradar.RoleMachine:        {"ingest"},
		lekradar.RoleSystem:         {"search", "export", "inbox", "read", "reveal", "explain", "dismiss", "ingest"},
	}
	// The system actor may escalate, but has no department for the dossier.
	otherCode := map[string]string{lekradar.RoleSystem + "/escalate": lekradar.EINVALID}
	for role, ok := range allowed {
		u := &lekradar.User{Username: "u-" + role, Role: role, Department: "amsterdam"}
		if role == lekradar.RoleSystem {
			u.Department = "" // escalation needs a department: tested elsewhere
		}
		for _, o := range ops {
			t.Run(role+"/"+o.name, func(t *testing.T) {
				err := o.run(as(u))
				if slices.Contains(ok, o.name) {
					if err != nil {
						t.Fatalf("allowed, but: %v", err)
					}
					return
				}
				want := lekradar.EFORBIDDEN
				if c, ok := otherCode[role+"/"+o.name]; ok {
					want = c
				}
				assertCode(t, err, want)
			})
		}
	}
}

func testEventNoActor(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, alerts := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, alerts)
	id := sqlstore.AlertID(alerts[0])
	disabled := as(&lekradar.User{Username: "inv-off", Role: lekradar.RoleInvestigator, Department: "amsterdam", Disabled: true})
	for _, ctx := range []context.Context{context.Background(), disabled} {
		n := auditCount(t, s)
		_, _, err := s.FindLookups(ctx, lekradar.LookupFilter{PersonID: "P1"})
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, _, err = s.ExportLookupsCSV(ctx, lekradar.LookupFilter{PersonID: "P1"}, &bytes.Buffer{})
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, _, err = s.FindAlerts(ctx, lekradar.AlertFilter{})
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.FindAlertByID(ctx, id)
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.RevealAlertEmployee(ctx, id, "why")
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.ActOnAlert(ctx, id, lekradar.AlertDismissed, "why")
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.NewScanWriter(ctx)
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.FindDossierLookups(ctx, 1)
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		_, err = s.EmployeePseudonym(ctx, "E100")
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		if got := auditCount(t, s); got != n {
			t.Fatalf("refused calls wrote %d audit entries", got-n)
		}
	}
}

// BenchmarkScanWriter measures how fast a scan's output is stored: 100,000
// look-ups with an alert per 100, fresh and again (the upsert of a
// re-scan), reported as look-ups per second; and a log search of one
// person in that table.
func BenchmarkScanWriter(b *testing.B, newDB NewDatabaseFunc) {
	const n = 100_000
	events := make([]scanOutcome, n)
	var alerts []*lekradar.Alert
	for i := range events {
		ev := lekradar.LookupEvent{ID: "ev-" + strconv.Itoa(i), TS: eventBase.Add(time.Duration(i) * 1500 * time.Millisecond),
			EmployeeID: "E" + strconv.Itoa(i%5000), System: "bvh", Action: lekradar.ActionQuery, PersonID: "P" + strconv.Itoa(i%40000)}
		o := scanOutcome{ev: ev, explainedBy: "assigned_case"}
		if i%10 == 0 {
			o.explainedBy, o.signals = "", []string{"neighbour"}
		}
		events[i] = o
		if i%100 == 0 {
			alerts = append(alerts, &lekradar.Alert{ID: strconv.Itoa(i), EmployeeID: ev.EmployeeID, PersonID: ev.PersonID,
				EventIDs: []string{ev.ID}, FirstTS: ev.TS, LastTS: ev.TS, Score: float64(i % 7), Severity: lekradar.SeverityMedium,
				Reasons: []lekradar.Reason{{Rule: "neighbour", Text: "lives next door"}}})
		}
	}
	write := func(b *testing.B, s *sqlstore.Store) {
		w, err := s.NewScanWriter(SystemContext())
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range events {
			if err := w.WriteLookup(o.ev, o.explainedBy, o.signals); err != nil {
				b.Fatal(err)
			}
		}
		for _, a := range alerts {
			if err := w.WriteAlert(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("Fresh100k", func(b *testing.B) {
		var elapsed time.Duration
		for b.Loop() {
			b.StopTimer()
			s := MustOpen(b, newDB)
			b.StartTimer()
			start := time.Now()
			write(b, s)
			elapsed += time.Since(start)
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(n)*float64(b.N)/elapsed.Seconds(), "lookups/s")
	})
	b.Run("Rescan100k", func(b *testing.B) {
		s := MustOpen(b, newDB)
		write(b, s)
		start := time.Now()
		for b.Loop() {
			write(b, s)
		}
		b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "lookups/s")
	})
	b.Run("SearchPerson", func(b *testing.B) {
		s := MustOpen(b, newDB)
		write(b, s)
		inv := as(&lekradar.User{Username: "inv", Role: lekradar.RoleInvestigator})
		for b.Loop() {
			ls, _, err := s.FindLookups(inv, lekradar.LookupFilter{PersonID: "P123"})
			if err != nil || len(ls) != 3 {
				b.Fatalf("%d look-ups, %v", len(ls), err)
			}
		}
	})
}

// testIngestKeepsExplanations: events delivered again through the ingestion
// writer (the API) after a scan explained them keep their explanation, and
// new events are added unexplained.
func testIngestKeepsExplanations(t *testing.T, newDB NewDatabaseFunc) {
	s := MustOpen(t, newDB)
	out, _ := sampleScan()
	writeScan(t, s, sqlstore.DefaultScanBatch, out, nil)

	w, err := s.OpenLookupWriter(SystemContext())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if err := w.WriteLookup(o.ev, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	fresh := lookupAt("ev-new", 3*time.Hour, "E100", "P1")
	if err := w.WriteLookup(fresh, "", nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := tableCount(t, s, "lookup"); got != len(out)+1 {
		t.Fatalf("%d look-ups stored, want %d", got, len(out)+1)
	}
	got, _, err := s.FindLookups(SystemContext(), lekradar.LookupFilter{EmployeeID: "E100"})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*lekradar.StoredLookup{}
	for _, l := range got {
		byID[l.ID] = l
	}
	if l := byID["ev-1"]; l == nil || l.ExplainedBy == nil || *l.ExplainedBy != "case_given" {
		t.Fatalf("ev-1 lost its explanation after re-delivery: %+v", l)
	}
	if l := byID["ev-new"]; l == nil || l.ExplainedBy != nil {
		t.Fatalf("ev-new = %+v, want stored and unexplained", l)
	}
}
