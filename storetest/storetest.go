// Package storetest is the conformance suite that every lekradar store
// backend must pass. The sqlite and postgres packages run it from their
// tests, each on its own fresh databases.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lekradar"
	"lekradar/sqlstore"
)

// OpenFunc opens (again) the one database a NewDatabaseFunc made, running the
// migrations each time.
type OpenFunc func(ctx context.Context) (*sqlstore.Store, error)

// NewDatabaseFunc makes a new, empty database that is removed at the end of
// the test, and returns how to open it.
type NewDatabaseFunc func(tb testing.TB) OpenFunc

// Run runs the conformance suite; every subtest gets its own database.
func Run(t *testing.T, newDB NewDatabaseFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, newDB NewDatabaseFunc)
	}{
		{"RoundTrip", testRoundTrip},
		{"RegNoAssignment", testRegNoAssignment},
		{"DuplicateRegNo", testDuplicateRegNo},
		{"InvalidCode", testInvalidCode},
		{"CreateDossiersAllOrNothing", testCreateDossiersAllOrNothing},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"UpdateReplacesParts", testUpdateReplacesParts},
		{"DeleteCascades", testDeleteCascades},
		{"NotFound", testNotFound},
		{"VulnerableSpots", testVulnerableSpots},
		{"Workforce", testWorkforce},
		{"Reopen", testReopen},
		{"ConcurrentCreates", testConcurrentCreates},
		{"IngestKeepsExplanations", testIngestKeepsExplanations},
		{"Meta", testMeta},
		{"AccessRules", testAccessRules},
		{"ReporterIdentity", testReporterIdentity},
		{"ReporterIdentityKey", testReporterIdentityKey},
		{"NoActor", testNoActor},
		{"DossierMembers", testDossierMembers},
		{"VulnerableSpotAccess", testVulnerableSpotAccess},
		{"AuditAppends", testAuditAppends},
		{"AuditVerify", testAuditVerify},
		{"AuditConcurrentAppends", testAuditConcurrentAppends},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"APITokens", testAPITokens},
		{"LoginThrottling", testLoginThrottling},
		{"EventUpsert", testEventUpsert},
		{"LogSearch", testLogSearch},
		{"AlertPseudonyms", testAlertPseudonyms},
		{"AlertReveal", testAlertReveal},
		{"AlertActions", testAlertActions},
		{"EventRoles", testEventRoles},
		{"EventNoActor", testEventNoActor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newDB) })
	}
}

// MustOpen makes a fresh database and opens a store on it, closed at cleanup.
func MustOpen(tb testing.TB, newDB NewDatabaseFunc) *sqlstore.Store {
	tb.Helper()
	return mustOpenWith(tb, newDB(tb))
}

func mustOpenWith(tb testing.TB, open OpenFunc) *sqlstore.Store {
	tb.Helper()
	s, err := open(context.Background())
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.SetKey(MustIdentityKey(tb)); err != nil {
		tb.Fatal(err)
	}
	return s
}

// MustIdentityKey returns a fresh random secret for reporter identities.
func MustIdentityKey(tb testing.TB) []byte {
	tb.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		tb.Fatal(err)
	}
	return key
}

// fullDossier has every field and part set, with known, unknown (nil) and
// false booleans, and zero (unknown) dates beside set ones.
func fullDossier(dept string, opened string) *lekradar.Dossier {
	o := lekradar.MustParseDate(opened)
	return &lekradar.Dossier{
		Department: dept,
		Allegation: "beide",
		Summary:    "Looked up a neighbour in BVH and told a friend.",
		Phases: []lekradar.PhaseEntry{
			{Phase: "ontvangen", Date: o},
			{Phase: "triage", Date: o.AddDays(2)},
			{Phase: "disciplinair_onderzoek", Date: o.AddDays(20)},
			{Phase: "afgesloten", Date: o.AddDays(120)},
		},
		SuspicionOutcome:    "bevestigd",
		DisciplinaryMeasure: "schriftelijke_berisping",
		CriminalOutcome:     "geen",
		Means: []lekradar.MeansEntry{
			{Means: "logging", Date: o.AddDays(3)},
			{Means: "verhoor_betrokkene"}, // date unknown
		},
		Reports: []lekradar.Report{
			{Channel: "leidinggevende", Received: o, Summary: "team chief noticed", ReporterRef: "E01234",
				Acknowledged: o.AddDays(1), FeedbackSent: o.AddDays(60)},
			{Channel: "detectie", Received: o.AddDays(-1), AlertID: "a-000042"}, // no reporter
		},
		Suspects: []lekradar.Suspect{
			{Identified: true, EmployeeRef: "E04711", Rank: "hoofdagent", Unit: dept, TeamKind: "basisteam",
				Executive: new(true), SurnameOrigin: "nl", Gender: "man", AgeBand: "35_44", TenureBand: "10_20"},
			{Identified: false, Unit: dept, Executive: nil},
			{Identified: true, EmployeeRef: "E09999", Rank: "burger", Executive: new(false)},
		},
		Items: []lekradar.LeakedItem{
			{SourceSystem: "bvh", InfoType: "adresgegevens", OngoingInvestigation: new(false), Harm: "beperkt", Description: "address"},
			{SourceSystem: "summit", InfoType: "lopend_onderzoek", OngoingInvestigation: new(true), Harm: "ernstig"},
			{SourceSystem: "mondeling", InfoType: "overig"}, // ongoing unknown
		},
		Context: lekradar.LeakContext{
			Use: "gedeeld", Recipient: "vriend_kennis", Initiative: "lekker", BenefitToCrime: new(false), Motive: "hulp_aan_bekende",
		},
	}
}

// minimalDossier has only what validation requires.
func minimalDossier(dept, opened string) *lekradar.Dossier {
	return &lekradar.Dossier{
		Department: dept,
		Allegation: "raadplegen",
		Phases:     []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate(opened)}},
	}
}

func mustCreate(t *testing.T, s *sqlstore.Store, d *lekradar.Dossier) *lekradar.Dossier {
	t.Helper()
	if err := s.CreateDossier(SystemContext(), d); err != nil {
		t.Fatalf("create dossier: %v", err)
	}
	return d
}

func assertEqual[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("%s differs\n got: %s\nwant: %s\n(go values: got %#v want %#v)", what, g, w, got, want)
	}
}

func assertCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := lekradar.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (err %v), want %q", got, err, code)
	}
}

func countDossiers(t *testing.T, s *sqlstore.Store) int {
	t.Helper()
	_, n, err := s.FindDossiers(SystemContext(), lekradar.DossierFilter{Limit: 1})
	if err != nil {
		t.Fatalf("count dossiers: %v", err)
	}
	return n
}

func testRoundTrip(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)

	for _, tc := range []struct {
		name string
		d    *lekradar.Dossier
	}{
		{"full", fullDossier("amsterdam", "2016-03-01")},
		{"minimal", minimalDossier("limburg", "2015-12-31")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustCreate(t, s, tc.d)
			if d.ID == 0 || d.RegNo == "" || d.CreatedAt.IsZero() || !d.UpdatedAt.Equal(d.CreatedAt) {
				t.Fatalf("create did not set ID, RegNo and timestamps: %+v", d)
			}
			for i, r := range d.Reports {
				if r.ID == 0 {
					t.Errorf("report %d has no ID", i)
				}
			}
			for i, p := range d.Suspects {
				if p.ID == 0 {
					t.Errorf("suspect %d has no ID", i)
				}
			}
			for i, it := range d.Items {
				if it.ID == 0 {
					t.Errorf("leaked item %d has no ID", i)
				}
			}
			byID, err := s.FindDossierByID(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "dossier by id", byID, d)
			byRegNo, err := s.FindDossierByRegNo(ctx, d.RegNo)
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "dossier by reg_no", byRegNo, d)
		})
	}

	t.Run("empty lists read back empty, not nil", func(t *testing.T) {
		d := mustCreate(t, s, minimalDossier("pdc", "2016-01-01"))
		got, err := s.FindDossierByID(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Means == nil || got.Reports == nil || got.Suspects == nil || got.Items == nil {
			t.Fatalf("nil list in %#v", got)
		}
	})

	t.Run("reporter identity stored apart from the report, encrypted", func(t *testing.T) {
		d := mustCreate(t, s, fullDossier("rotterdam", "2016-05-05"))
		var ref string
		err := s.DB().QueryRowContext(ctx, `SELECT reporter_ref FROM reporter_identity WHERE report_id = $1`, d.Reports[0].ID).Scan(&ref)
		if err != nil || !strings.HasPrefix(ref, "v1:") || strings.Contains(ref, "E01234") {
			t.Fatalf("stored reporter identity of report %d = %q, %v; want it encrypted", d.Reports[0].ID, ref, err)
		}
		got, err := s.FindDossierByID(ctx, d.ID)
		if err != nil || got.Reports[0].ReporterRef != "E01234" {
			t.Fatalf("reporter identity read back as %q (%v), want E01234", got.Reports[0].ReporterRef, err)
		}
		// The ciphertext is bound to its report: moved to another, it
		// does not decrypt.
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO reporter_identity (report_id, reporter_ref) VALUES ($1, $2)`, d.Reports[1].ID, ref); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindDossierByID(ctx, d.ID); err == nil {
			t.Error("an identity moved to another report was read")
		}
		if _, err := s.DB().ExecContext(ctx, `DELETE FROM reporter_identity WHERE report_id = $1`, d.Reports[1].ID); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM reporter_identity WHERE report_id = $1`, d.Reports[1].ID).Scan(&n); err != nil || n != 0 {
			t.Fatalf("report without reporter has %d identity rows (%v)", n, err)
		}
	})

	t.Run("reporter identities can be left out of a search", func(t *testing.T) {
		d := mustCreate(t, s, fullDossier("limburg", "2016-06-06"))
		identityReads := func() int {
			action := lekradar.AuditReadReporterIdentity
			_, n, err := s.FindAuditEntries(ctx, lekradar.AuditFilter{Action: &action})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := identityReads()
		ds, _, err := s.FindDossiers(ctx, lekradar.DossierFilter{RegNo: &d.RegNo, OmitReporterIdentities: true})
		if err != nil || len(ds) != 1 || ds[0].ID != d.ID {
			t.Fatalf("FindDossiers = %d dossiers, %v", len(ds), err)
		}
		for _, r := range ds[0].Reports {
			if r.ReporterRef != "" {
				t.Fatalf("reporter identity %q returned though omitted", r.ReporterRef)
			}
		}
		if after := identityReads(); after != before {
			t.Fatalf("omitted identities still audited as read: %d new entries", after-before)
		}
		ds, _, err = s.FindDossiers(ctx, lekradar.DossierFilter{RegNo: &d.RegNo})
		if err != nil || ds[0].Reports[0].ReporterRef != "E01234" {
			t.Fatalf("without the option the identity is %q (%v), want E01234", ds[0].Reports[0].ReporterRef, err)
		}
		if after := identityReads(); after != before+1 {
			t.Fatalf("identity read audited %d times, want 1", after-before)
		}
	})
}

func testRegNoAssignment(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)

	steps := []struct {
		dept, opened, given string
		want                string
	}{
		{"amsterdam", "2016-02-01", "", "VIK-AMS-2016-0001"},
		{"amsterdam", "2016-11-30", "", "VIK-AMS-2016-0002"},
		{"amsterdam", "2015-06-01", "", "VIK-AMS-2015-0001"},
		{"den_haag", "2016-02-01", "", "VIK-DH-2016-0001"},
		{"amsterdam", "2016-03-01", "VIK-AMS-2016-0042", "VIK-AMS-2016-0042"},
		{"amsterdam", "2016-04-01", "", "VIK-AMS-2016-0043"},
		// a given number keeps the year it names, whatever the opening date
		{"den_haag", "2016-04-01", "VIK-DH-2014-0007", "VIK-DH-2014-0007"},
		{"den_haag", "2016-04-02", "", "VIK-DH-2016-0002"},
	}
	for _, st := range steps {
		d := minimalDossier(st.dept, st.opened)
		d.RegNo = st.given
		mustCreate(t, s, d)
		if d.RegNo != st.want {
			t.Fatalf("%s opened %s: reg_no %s, want %s", st.dept, st.opened, d.RegNo, st.want)
		}
	}

	t.Run("batch numbers around a number it brings along", func(t *testing.T) {
		// A batch numbers per department and opening year, and does not hand
		// out a number that a later dossier of the batch brings along.
		batch := []*lekradar.Dossier{
			minimalDossier("oost_brabant", "2015-01-01"),
			minimalDossier("oost_brabant", "2015-12-31"),
			minimalDossier("oost_brabant", "2016-01-01"),
		}
		batch = append(batch, minimalDossier("oost_brabant", "2015-05-05"))
		batch[3].RegNo = "VIK-OB-2015-0005" // later in the batch: must not be taken earlier
		if err := s.CreateDossiers(ctx, batch); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range batch {
			got = append(got, d.RegNo)
		}
		assertEqual(t, "batch reg_nos", got, []string{"VIK-OB-2015-0006", "VIK-OB-2015-0007", "VIK-OB-2016-0001", "VIK-OB-2015-0005"})
	})
}

func testDuplicateRegNo(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	d := minimalDossier("amsterdam", "2016-01-01")
	d.RegNo = "VIK-AMS-2016-0007"
	mustCreate(t, s, d)

	dup := minimalDossier("amsterdam", "2016-02-01")
	dup.RegNo = "VIK-AMS-2016-0007"
	err := s.CreateDossier(ctx, dup)
	assertCode(t, err, lekradar.ECONFLICT)
	if !strings.Contains(lekradar.ErrorMessage(err), "VIK-AMS-2016-0007") {
		t.Errorf("conflict message %q does not name the reg_no", lekradar.ErrorMessage(err))
	}
	if dup.ID != 0 {
		t.Errorf("failed create set ID %d", dup.ID)
	}
	if n := countDossiers(t, s); n != 1 {
		t.Errorf("%d dossiers stored, want 1", n)
	}

	t.Run("update to a taken reg_no", func(t *testing.T) {
		other := mustCreate(t, s, minimalDossier("amsterdam", "2016-03-01"))
		other.RegNo = "VIK-AMS-2016-0007"
		assertCode(t, s.UpdateDossier(ctx, other), lekradar.ECONFLICT)
	})
}

func testInvalidCode(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	d := fullDossier("amsterdam", "2016-01-01")
	d.Suspects[0].Rank = "generaal"
	err := s.CreateDossier(ctx, d)
	assertCode(t, err, lekradar.EINVALID)
	var v *lekradar.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %T %v is not a *lekradar.ValidationError", err, err)
	}
	if len(v.Fields) != 1 {
		t.Fatalf("field errors %+v, want one", v.Fields)
	}
	f := v.Fields[0]
	if f.Field != "suspects[0].rank" || f.Value != "generaal" || !slices.Contains(f.Allowed, "hoofdagent") {
		t.Errorf("field error %+v does not name field, value and allowed codes", f)
	}
	if n := countDossiers(t, s); n != 0 {
		t.Errorf("%d dossiers stored after a refused create", n)
	}
}

func testCreateDossiersAllOrNothing(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	cb := s.Codebook()
	mustCreate(t, s, minimalDossier("zeeland_west_brabant", "2016-01-01"))

	t.Run("invalid record", func(t *testing.T) {
		batch := GenerateDossiers(cb, 10, 1)
		batch[6].RegNo = "VIK-ZWB-2016-0099"
		batch[6].Department = "zeeland_west_brabant"
		batch[6].Items = append(batch[6].Items, lekradar.LeakedItem{SourceSystem: "facebook", InfoType: "overig"})
		err := s.CreateDossiers(ctx, batch)
		assertCode(t, err, lekradar.EINVALID)
		msg := lekradar.ErrorMessage(err)
		for _, want := range []string{"dossier 6", "VIK-ZWB-2016-0099", "facebook"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
		var v *lekradar.ValidationError
		if !errors.As(err, &v) {
			t.Errorf("error %v does not carry the *lekradar.ValidationError", err)
		}
		if n := countDossiers(t, s); n != 1 {
			t.Errorf("%d dossiers stored, want the 1 from before", n)
		}
	})

	t.Run("conflict late in the batch", func(t *testing.T) {
		batch := GenerateDossiers(cb, 50, 2)
		batch[10].Department, batch[10].RegNo = "zeeland_west_brabant", "VIK-ZWB-2016-0300"
		batch[40].Department, batch[40].RegNo = "zeeland_west_brabant", "VIK-ZWB-2016-0300"
		err := s.CreateDossiers(ctx, batch)
		assertCode(t, err, lekradar.ECONFLICT)
		var be *sqlstore.BatchError
		if !errors.As(err, &be) || be.Index != 40 || be.RegNo != "VIK-ZWB-2016-0300" {
			t.Fatalf("error %v does not name dossier 40 and its reg_no", err)
		}
		if n := countDossiers(t, s); n != 1 {
			t.Errorf("%d dossiers stored, want the 1 from before", n)
		}
		for i, d := range batch {
			if d.ID != 0 || (i != 10 && i != 40 && d.RegNo != "") {
				t.Fatalf("dossier %d changed by a failed batch: id %d reg_no %q", i, d.ID, d.RegNo)
			}
		}
	})

	t.Run("good batch", func(t *testing.T) {
		batch := GenerateDossiers(cb, 30, 3)
		if err := s.CreateDossiers(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if n := countDossiers(t, s); n != 31 {
			t.Errorf("%d dossiers stored, want 31", n)
		}
		got, err := s.FindDossierByID(ctx, batch[17].ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "batch dossier 17", got, batch[17])
	})
}

func testFilters(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	all := GenerateDossiers(s.Codebook(), 200, 7)
	if err := s.CreateDossiers(ctx, all); err != nil {
		t.Fatal(err)
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b *lekradar.Dossier) int { return strings.Compare(a.RegNo, b.RegNo) })

	id, regNo := all[33].ID, all[33].RegNo
	year := 2015
	dept := all[5].Department
	phase := all[8].CurrentPhase()
	outcome := "weerlegd"
	noMatch := "staf_korpsleiding-none"
	tests := []struct {
		name   string
		filter lekradar.DossierFilter
		match  func(d *lekradar.Dossier) bool
	}{
		{"none", lekradar.DossierFilter{}, func(*lekradar.Dossier) bool { return true }},
		{"id", lekradar.DossierFilter{ID: &id}, func(d *lekradar.Dossier) bool { return d.ID == id }},
		{"reg_no", lekradar.DossierFilter{RegNo: &regNo}, func(d *lekradar.Dossier) bool { return d.RegNo == regNo }},
		{"department", lekradar.DossierFilter{Department: &dept}, func(d *lekradar.Dossier) bool { return d.Department == dept }},
		{"year", lekradar.DossierFilter{Year: &year}, func(d *lekradar.Dossier) bool { return d.Opened().Year == year }},
		{"phase", lekradar.DossierFilter{Phase: &phase}, func(d *lekradar.Dossier) bool { return d.CurrentPhase() == phase }},
		{"outcome", lekradar.DossierFilter{Outcome: &outcome}, func(d *lekradar.Dossier) bool { return d.SuspicionOutcome == outcome }},
		{"department and year", lekradar.DossierFilter{Department: &dept, Year: &year}, func(d *lekradar.Dossier) bool {
			return d.Department == dept && d.Opened().Year == year
		}},
		{"no match", lekradar.DossierFilter{Department: &noMatch}, func(*lekradar.Dossier) bool { return false }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := []*lekradar.Dossier{}
			for _, d := range sorted {
				if tt.match(d) {
					want = append(want, d)
				}
			}
			if tt.name != "no match" && len(want) == 0 {
				t.Fatal("the generated data has no match for this filter; the test would prove nothing")
			}
			got, n, err := s.FindDossiers(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("total %d, want %d", n, len(want))
			}
			assertEqual(t, "matching dossiers", got, want)
		})
	}
}

func testPagination(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	all := GenerateDossiers(s.Codebook(), 45, 11)
	if err := s.CreateDossiers(ctx, all); err != nil {
		t.Fatal(err)
	}
	var regNos []string
	for _, d := range all {
		regNos = append(regNos, d.RegNo)
	}
	slices.Sort(regNos)
	tests := []struct {
		offset, limit int
		want          []string
	}{
		{0, 10, regNos[:10]},
		{10, 10, regNos[10:20]},
		{40, 10, regNos[40:]},
		{45, 10, []string{}},
		{100, 0, []string{}},
		{30, 0, regNos[30:]},
		{0, 0, regNos},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("offset %d limit %d", tt.offset, tt.limit), func(t *testing.T) {
			got, n, err := s.FindDossiers(ctx, lekradar.DossierFilter{Offset: tt.offset, Limit: tt.limit})
			if err != nil {
				t.Fatal(err)
			}
			if n != 45 {
				t.Errorf("total %d, want 45", n)
			}
			gotRegNos := []string{}
			for _, d := range got {
				gotRegNos = append(gotRegNos, d.RegNo)
			}
			assertEqual(t, "page", gotRegNos, tt.want)
		})
	}
}

func testUpdateReplacesParts(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	orig := mustCreate(t, s, fullDossier("noord_holland", "2016-04-01"))

	upd := fullDossier("noord_holland", "2016-04-01")
	upd.ID = orig.ID
	upd.RegNo = "" // keeps the stored one
	upd.Summary = "rewritten"
	upd.Suspects = upd.Suspects[:1]
	upd.Suspects[0].Rank = "brigadier"
	upd.Items = []lekradar.LeakedItem{}
	upd.Means = nil
	upd.Reports[0].ReporterRef = "hotline-77"
	upd.Reports[1].ReporterRef = "E5555"
	upd.Phases = append(upd.Phases[:2], lekradar.PhaseEntry{Phase: "vooronderzoek", Date: upd.Phases[1].Date.AddDays(5)})
	upd.SuspicionOutcome = ""
	upd.Context.BenefitToCrime = nil
	later := orig.CreatedAt.Add(36 * time.Hour)
	s.Now = func() time.Time { return later }
	if err := s.UpdateDossier(ctx, upd); err != nil {
		t.Fatal(err)
	}
	if upd.RegNo != orig.RegNo || !upd.CreatedAt.Equal(orig.CreatedAt) || !upd.UpdatedAt.Equal(later) {
		t.Fatalf("after update reg_no %s created_at %v updated_at %v; want %s, %v, %v",
			upd.RegNo, upd.CreatedAt, upd.UpdatedAt, orig.RegNo, orig.CreatedAt, later)
	}
	got, err := s.FindDossierByID(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "updated dossier", got, upd)
	if got.CurrentPhase() != "vooronderzoek" {
		t.Errorf("current phase %q", got.CurrentPhase())
	}
	phase := "vooronderzoek"
	if _, n, _ := s.FindDossiers(ctx, lekradar.DossierFilter{Phase: &phase}); n != 1 {
		t.Errorf("phase filter finds %d after update, want 1", n)
	}
	var suspects, refs int
	s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM suspect WHERE dossier_id = $1`, orig.ID).Scan(&suspects)
	s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM reporter_identity`).Scan(&refs)
	if suspects != 1 || refs != 2 {
		t.Errorf("after update %d suspect rows and %d reporter identities, want 1 and 2", suspects, refs)
	}

	t.Run("invalid update leaves the dossier", func(t *testing.T) {
		bad := fullDossier("noord_holland", "2016-04-01")
		bad.ID = orig.ID
		bad.Allegation = "roddelen"
		assertCode(t, s.UpdateDossier(ctx, bad), lekradar.EINVALID)
		again, err := s.FindDossierByID(ctx, orig.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "dossier after refused update", again, got)
	})
	t.Run("department change needs a new reg_no", func(t *testing.T) {
		moved := fullDossier("limburg", "2016-04-01")
		moved.ID = orig.ID
		assertCode(t, s.UpdateDossier(ctx, moved), lekradar.EINVALID)
	})
}

func testDeleteCascades(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	gone := mustCreate(t, s, fullDossier("oost_nederland", "2016-01-01"))
	kept := mustCreate(t, s, fullDossier("oost_nederland", "2016-01-02"))
	spot := &lekradar.VulnerableSpot{Area: "toegangsrechten", Description: "wide access", Status: "gesignaleerd",
		Identified: lekradar.MustParseDate("2016-02-01"), DossierIDs: []int64{gone.ID, kept.ID}}
	if err := s.CreateVulnerableSpot(ctx, spot); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDossier(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindDossierByID(ctx, gone.ID)
	assertCode(t, err, lekradar.ENOTFOUND)
	for _, table := range []string{"dossier_phase", "dossier_means", "report", "suspect", "leaked_item", "vulnerable_spot_dossier"} {
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE dossier_id = $1`, gone.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s keeps %d rows of the deleted dossier", table, n)
		}
	}
	var refs int
	s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM reporter_identity`).Scan(&refs)
	if refs != 1 {
		t.Errorf("%d reporter identities left, want the kept dossier's 1", refs)
	}
	if got, err := s.FindDossierByID(ctx, kept.ID); err != nil {
		t.Fatal(err)
	} else {
		assertEqual(t, "kept dossier", got, kept)
	}
	s2, err := s.FindVulnerableSpotByID(ctx, spot.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "links after delete", s2.DossierIDs, []int64{kept.ID})
	assertCode(t, s.DeleteDossier(ctx, gone.ID), lekradar.ENOTFOUND)
}

func testNotFound(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	_, err := s.FindDossierByID(ctx, 424242)
	assertCode(t, err, lekradar.ENOTFOUND)
	_, err = s.FindDossierByRegNo(ctx, "VIK-AMS-2016-9999")
	assertCode(t, err, lekradar.ENOTFOUND)
	d := minimalDossier("amsterdam", "2016-01-01")
	d.ID = 424242
	assertCode(t, s.UpdateDossier(ctx, d), lekradar.ENOTFOUND)
	assertCode(t, s.DeleteDossier(ctx, 424242), lekradar.ENOTFOUND)
	_, err = s.FindVulnerableSpotByID(ctx, 424242)
	assertCode(t, err, lekradar.ENOTFOUND)
	spot := &lekradar.VulnerableSpot{ID: 424242, Area: "overig", Description: "x", Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-01-01")}
	assertCode(t, s.UpdateVulnerableSpot(ctx, spot), lekradar.ENOTFOUND)
	assertCode(t, s.DeleteVulnerableSpot(ctx, 424242), lekradar.ENOTFOUND)
}

func testVulnerableSpots(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	d1 := mustCreate(t, s, minimalDossier("amsterdam", "2016-01-01"))
	d2 := mustCreate(t, s, minimalDossier("rotterdam", "2016-01-02"))

	a := &lekradar.VulnerableSpot{Area: "zichtbare_schermen", Unit: "amsterdam", TeamKind: "intake_service", System: "bvh",
		Description: "screens visible from the front desk", Measures: "privacy filters", Status: "maatregel_gepland",
		Identified: lekradar.MustParseDate("2016-03-01"), DossierIDs: []int64{d2.ID, d1.ID}}
	b := &lekradar.VulnerableSpot{Area: "gedeelde_accounts", Unit: "rotterdam", Description: "shared login at the desk",
		Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-04-01")}
	c := &lekradar.VulnerableSpot{Area: "zichtbare_schermen", Unit: "rotterdam", Description: "screen in the hall",
		Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-05-01"), DossierIDs: []int64{d2.ID}}
	for _, v := range []*lekradar.VulnerableSpot{a, b, c} {
		if err := s.CreateVulnerableSpot(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FindVulnerableSpotByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "spot round trip", got, a)
	if got, _ := s.FindVulnerableSpotByID(ctx, b.ID); got == nil || got.DossierIDs == nil {
		t.Errorf("spot without links reads back nil links: %+v", got)
	}

	area, unit, status, did := "zichtbare_schermen", "rotterdam", "gesignaleerd", d2.ID
	for _, tt := range []struct {
		name   string
		filter lekradar.VulnerableSpotFilter
		want   []int64
	}{
		{"all", lekradar.VulnerableSpotFilter{}, []int64{a.ID, b.ID, c.ID}},
		{"area", lekradar.VulnerableSpotFilter{Area: &area}, []int64{a.ID, c.ID}},
		{"unit", lekradar.VulnerableSpotFilter{Unit: &unit}, []int64{b.ID, c.ID}},
		{"status", lekradar.VulnerableSpotFilter{Status: &status}, []int64{b.ID, c.ID}},
		{"dossier", lekradar.VulnerableSpotFilter{DossierID: &did}, []int64{a.ID, c.ID}},
		{"area and unit", lekradar.VulnerableSpotFilter{Area: &area, Unit: &unit}, []int64{c.ID}},
		{"page", lekradar.VulnerableSpotFilter{Offset: 1, Limit: 1}, []int64{b.ID}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spots, n, err := s.FindVulnerableSpots(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			ids := []int64{}
			for _, v := range spots {
				ids = append(ids, v.ID)
			}
			if tt.name == "page" {
				if n != 3 {
					t.Errorf("total %d, want 3", n)
				}
			} else if n != len(tt.want) {
				t.Errorf("total %d, want %d", n, len(tt.want))
			}
			assertEqual(t, "spot ids", ids, tt.want)
		})
	}

	t.Run("unknown dossier", func(t *testing.T) {
		bad := &lekradar.VulnerableSpot{Area: "werkproces", Description: "x", Status: "gesignaleerd",
			Identified: lekradar.MustParseDate("2016-01-01"), DossierIDs: []int64{d1.ID, 987654}}
		err := s.CreateVulnerableSpot(ctx, bad)
		assertCode(t, err, lekradar.EINVALID)
		if !strings.Contains(lekradar.ErrorMessage(err), "dossier_ids[1]") || !strings.Contains(lekradar.ErrorMessage(err), "987654") {
			t.Errorf("message %q does not name the link", lekradar.ErrorMessage(err))
		}
		if _, n, _ := s.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{}); n != 3 {
			t.Errorf("%d spots stored, want 3", n)
		}
	})
	t.Run("invalid area", func(t *testing.T) {
		bad := &lekradar.VulnerableSpot{Area: "koffieautomaat", Description: "x", Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-01-01")}
		assertCode(t, s.CreateVulnerableSpot(ctx, bad), lekradar.EINVALID)
	})
	t.Run("update replaces links", func(t *testing.T) {
		a.Status = "maatregel_genomen"
		a.DossierIDs = []int64{d1.ID}
		if err := s.UpdateVulnerableSpot(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindVulnerableSpotByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "updated spot", got, a)
		a.DossierIDs = []int64{d1.ID, 987654}
		assertCode(t, s.UpdateVulnerableSpot(ctx, a), lekradar.EINVALID)
	})
	t.Run("delete", func(t *testing.T) {
		if err := s.DeleteVulnerableSpot(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.FindVulnerableSpotByID(ctx, b.ID)
		assertCode(t, err, lekradar.ENOTFOUND)
	})
}

func testWorkforce(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	empty, err := s.FindWorkforce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "empty workforce", empty, &lekradar.Workforce{Units: []lekradar.OrgUnit{}, Cells: []lekradar.WorkforceCell{}})

	w1 := &lekradar.Workforce{
		Units: []lekradar.OrgUnit{{Unit: "amsterdam", FTE: 5843.5, Headcount: 6200}, {Unit: "limburg", FTE: 3100.25, Headcount: 3300}},
		Cells: []lekradar.WorkforceCell{
			{Unit: "amsterdam", Rank: "hoofdagent", TeamKind: "basisteam", Executive: true, SurnameOrigin: "nl", Gender: "vrouw", AgeBand: "25_34", TenureBand: "5_10", Count: 412},
			{Unit: "amsterdam", Rank: "hoofdagent", TeamKind: "basisteam", Executive: true, SurnameOrigin: "niet_nl", Gender: "vrouw", AgeBand: "25_34", TenureBand: "5_10", Count: 61},
			{Unit: "limburg", Rank: "burger", TeamKind: "staf", Executive: false, Count: 12},
		},
	}
	if err := s.ReplaceWorkforce(ctx, w1); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindWorkforce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "workforce", got, w1)

	w2 := &lekradar.Workforce{
		Units: []lekradar.OrgUnit{{Unit: "pdc", FTE: 900, Headcount: 950}},
		Cells: []lekradar.WorkforceCell{{Unit: "pdc", Rank: "burger", TeamKind: "ondersteuning", Count: 950}},
	}
	if err := s.ReplaceWorkforce(ctx, w2); err != nil {
		t.Fatal(err)
	}
	got, err = s.FindWorkforce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "replaced workforce", got, w2)

	for _, tc := range []struct {
		name  string
		w     *lekradar.Workforce
		field string
	}{
		{"unknown unit", &lekradar.Workforce{Units: []lekradar.OrgUnit{{Unit: "utrecht", FTE: 1}}}, "units[0].unit"},
		{"unknown rank", &lekradar.Workforce{Cells: []lekradar.WorkforceCell{{Unit: "pdc", Rank: "kapitein", Count: 1}}}, "cells[0].rank"},
		{"twice the same cell", &lekradar.Workforce{Cells: []lekradar.WorkforceCell{{Unit: "pdc", Count: 1}, {Unit: "pdc", Count: 2}}}, "cells[1]"},
		{"negative count", &lekradar.Workforce{Cells: []lekradar.WorkforceCell{{Unit: "pdc", Count: -1}}}, "cells[0].count"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.ReplaceWorkforce(ctx, tc.w)
			assertCode(t, err, lekradar.EINVALID)
			var v *lekradar.ValidationError
			if !errors.As(err, &v) || v.Fields[0].Field != tc.field {
				t.Errorf("error %v does not name %s", err, tc.field)
			}
			got, err := s.FindWorkforce(ctx)
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "workforce after refused replace", got, w2)
		})
	}
}

func testReopen(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	open := newDB(t)
	s, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := MustIdentityKey(t) // the key file outlives the process
	if err := s.SetKey(key); err != nil {
		t.Fatal(err)
	}
	v1, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1 < 1 {
		t.Fatalf("schema version %d after migration", v1)
	}
	d := mustCreate(t, s, fullDossier("midden_nederland", "2016-07-07"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for i := range 2 { // migrating an up-to-date database changes nothing
		s2 := mustOpenWith(t, open)
		if err := s2.SetKey(key); err != nil {
			t.Fatal(err)
		}
		v, err := s2.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != v1 {
			t.Errorf("reopen %d: schema version %d, want %d", i, v, v1)
		}
		got, err := s2.FindDossierByID(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "dossier after reopen", got, d)
		s2.Close()
	}
}

// testConcurrentCreates has several writers number dossiers of one
// department and year at once: every create must succeed with its own
// number, and together they must use 1…n without gaps.
func testConcurrentCreates(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	const writers, each = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for range writers {
		wg.Go(func() {
			for range each {
				if err := s.CreateDossier(ctx, minimalDossier("den_haag", "2016-06-01")); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent create: %v", err)
	}
	ds, n, err := s.FindDossiers(ctx, lekradar.DossierFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != writers*each {
		t.Fatalf("%d dossiers stored, want %d", n, writers*each)
	}
	for i, d := range ds {
		if want := lekradar.FormatRegNo("DH", 2016, i+1); d.RegNo != want {
			t.Fatalf("dossier %d has reg_no %s, want %s", i, d.RegNo, want)
		}
	}
}

func testMeta(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	s := MustOpen(t, newDB)
	if _, ok, err := s.Meta(ctx, sqlstore.MetaOrigin); err != nil || ok {
		t.Fatalf("fresh database: Meta = ok %v, err %v; want no value", ok, err)
	}
	for _, v := range []string{"demo", "import"} {
		if err := s.SetMeta(ctx, sqlstore.MetaOrigin, v); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.Meta(ctx, sqlstore.MetaOrigin)
		if err != nil || !ok || got != v {
			t.Fatalf("Meta = %q %v %v, want %q", got, ok, err, v)
		}
	}
}
