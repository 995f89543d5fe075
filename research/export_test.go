package research_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lekradar"
	"lekradar/research"
)

var (
	pseudonymPattern  = regexp.MustCompile(`^[DS]-[0-9A-F]{12}$`)
	anyPseudonym      = regexp.MustCompile(`\b[DS]-[0-9A-F]{12}\b`)
	exportIDPattern   = regexp.MustCompile(`X-[0-9A-F]{12}`)
	monthPattern      = regexp.MustCompile(`^\d{4}-\d{2}$`)
	exactDatePattern  = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	dataTables        = []string{"dossiers", "suspects", "leaked_items", "reports", "phases", "means"}
	pseudonymColumns  = []string{"dossier_id", "suspect_id"}
	exportedCSVFiles  = []string{"dossiers.csv", "suspects.csv", "leaked_items.csv", "reports.csv", "phases.csv", "means.csv", "codebook.csv"}
	exportedFileNames = append(slices.Clone(exportedCSVFiles), "sample.xlsx", "codebook.md", "README.md")
)

// mustExport draws, builds and writes an export into a new directory.
func mustExport(t *testing.T, ds []*lekradar.Dossier, fraction float64, seed uint64, strata []string, opts research.ExportOptions) (*research.Export, string) {
	t.Helper()
	d, err := research.Draw(ds, fraction, seed, strata)
	if err != nil {
		t.Fatal(err)
	}
	e, err := research.Build(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := e.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	return e, dir
}

// readCSV reads an exported CSV file: header and rows.
func readCSV(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	return recs[0], recs[1:]
}

// readWorkbook reads every sheet of the export's workbook back.
func readWorkbook(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = rows
	}
	return sheets
}

// maskedLines returns a table's rows with the pseudonyms blanked, sorted:
// what two exports of the same sample must share.
func maskedLines(header []string, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		r = slices.Clone(r)
		for i, h := range header {
			if slices.Contains(pseudonymColumns, h) && i < len(r) {
				r[i] = "*"
			}
		}
		out = append(out, strings.Join(r, ","))
	}
	slices.Sort(out)
	return out
}

// sourceIdentifiers lists what must never appear in an export of ds:
// registration numbers, reporter references, free texts and exact dates as
// plain substrings, employee ids as whole words (a random hex pseudonym may
// contain the letters of one inside a longer word).
func sourceIdentifiers(ds []*lekradar.Dossier) (substrings, words []string) {
	add := func(s string) {
		if s != "" {
			substrings = append(substrings, s)
		}
	}
	addDate := func(d lekradar.Date) { add(d.String()) }
	for _, d := range ds {
		add(d.RegNo)
		add(d.Summary)
		for _, p := range d.Phases {
			addDate(p.Date)
		}
		for _, m := range d.Means {
			addDate(m.Date)
		}
		for _, r := range d.Reports {
			add(r.ReporterRef)
			add(r.Summary)
			add(r.AlertID)
			addDate(r.Received)
			addDate(r.Acknowledged)
			addDate(r.FeedbackSent)
		}
		for _, s := range d.Suspects {
			if s.EmployeeRef != "" {
				words = append(words, s.EmployeeRef)
			}
		}
		for _, it := range d.Items {
			add(it.Description)
		}
	}
	slices.Sort(substrings)
	return slices.Compact(substrings), words
}

// assertNoSourceIdentifiers scans every file of an export directory, the
// workbook's cells included, for the source identifiers of ds.
func assertNoSourceIdentifiers(t *testing.T, dir string, ds []*lekradar.Dossier) {
	t.Helper()
	substrings, words := sourceIdentifiers(ds)
	if len(substrings) < 1000 || len(words) < 100 {
		t.Fatalf("only %d identifiers and %d employee ids to look for: the scan would prove little", len(substrings), len(words))
	}
	texts := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".xlsx") {
			for sheet, rows := range readWorkbook(t, filepath.Join(dir, e.Name())) {
				var b strings.Builder
				for _, r := range rows {
					b.WriteString(strings.Join(r, "\t") + "\n")
				}
				texts[e.Name()+"#"+sheet] = b.String()
			}
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		texts[e.Name()] = string(data)
	}
	if len(texts) < len(exportedFileNames)-1+7 {
		t.Fatalf("scanned only %d files and sheets", len(texts))
	}
	wordPattern := regexp.MustCompile(`\b(` + strings.Join(words, "|") + `)\b`)
	for name, text := range texts {
		for _, s := range substrings {
			if strings.Contains(text, s) {
				t.Errorf("%s holds source identifier %q", name, s)
			}
		}
		if m := wordPattern.FindString(text); m != "" {
			t.Errorf("%s holds employee id %q", name, m)
		}
		if name != "README.md" { // the README may state a selection period
			if m := exactDatePattern.FindString(text); m != "" {
				t.Errorf("%s holds an exact date %q", name, m)
			}
		}
	}
}

func TestExport_NoSourceIdentifiers(t *testing.T) {
	ds := mustDemoDossiers(t)
	for _, group := range []bool{false, true} {
		t.Run("group attributes "+strconv.FormatBool(group), func(t *testing.T) {
			_, dir := mustExport(t, ds, 0.2, 2019, []string{"unit", "year"}, research.ExportOptions{GroupAttributes: group})
			var names []string
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				names = append(names, e.Name())
			}
			slices.Sort(names)
			want := slices.Sorted(slices.Values(exportedFileNames))
			if !slices.Equal(names, want) {
				t.Errorf("export files %v, want %v", names, want)
			}
			assertNoSourceIdentifiers(t, dir, ds)
		})
	}
}

func TestExport_SameSeedSameFilesButNewPseudonyms(t *testing.T) {
	ds := mustDemoDossiers(t)
	strata := []string{"unit", "year"}
	e1, dir1 := mustExport(t, ds, 0.2, 11, strata, research.ExportOptions{})
	e2, dir2 := mustExport(t, ds, 0.2, 11, strata, research.ExportOptions{})

	for _, name := range exportedCSVFiles {
		h1, r1 := readCSV(t, filepath.Join(dir1, name))
		h2, r2 := readCSV(t, filepath.Join(dir2, name))
		if !slices.Equal(h1, h2) || len(r1) != len(r2) {
			t.Errorf("%s: headers or row counts differ", name)
			continue
		}
		if !slices.Equal(maskedLines(h1, r1), maskedLines(h2, r2)) {
			t.Errorf("%s: the two exports differ beyond their pseudonyms", name)
		}
	}
	t.Run("workbook cells", func(t *testing.T) {
		w1, w2 := readWorkbook(t, filepath.Join(dir1, "sample.xlsx")), readWorkbook(t, filepath.Join(dir2, "sample.xlsx"))
		for _, sheet := range append(slices.Clone(dataTables), "codebook") {
			if len(w1[sheet]) == 0 || len(w1[sheet]) != len(w2[sheet]) {
				t.Errorf("sheet %s: %d and %d rows", sheet, len(w1[sheet]), len(w2[sheet]))
				continue
			}
			if !slices.Equal(maskedLines(w1[sheet][0], w1[sheet][1:]), maskedLines(w2[sheet][0], w2[sheet][1:])) {
				t.Errorf("sheet %s: the two workbooks differ beyond their pseudonyms", sheet)
			}
		}
	})
	t.Run("README and codebook", func(t *testing.T) {
		for _, name := range []string{"README.md", "codebook.md", "codebook.csv"} {
			a, b := mustRead(t, filepath.Join(dir1, name)), mustRead(t, filepath.Join(dir2, name))
			// Only the export's own (random) name may differ.
			a, b = exportIDPattern.ReplaceAll(a, []byte("X-*")), exportIDPattern.ReplaceAll(b, []byte("X-*"))
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs between two exports of the same sample", name)
			}
		}
	})
	t.Run("no pseudonym in common", func(t *testing.T) {
		p1 := anyPseudonym.FindAllString(string(mustRead(t, filepath.Join(dir1, "dossiers.csv")))+string(mustRead(t, filepath.Join(dir1, "suspects.csv"))), -1)
		p2 := anyPseudonym.FindAllString(string(mustRead(t, filepath.Join(dir2, "dossiers.csv")))+string(mustRead(t, filepath.Join(dir2, "suspects.csv"))), -1)
		if len(p1) < 152 {
			t.Fatalf("found %d pseudonyms", len(p1))
		}
		for _, p := range p1 {
			if slices.Contains(p2, p) {
				t.Errorf("pseudonym %s occurs in both exports", p)
			}
		}
	})
	if e1.ID == e2.ID {
		t.Errorf("two exports share the ID %s", e1.ID)
	}
	if !strings.Contains(string(mustRead(t, filepath.Join(dir1, "README.md"))), "Seed: 11.") {
		t.Error("the README does not state the seed")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPseudonymizer(t *testing.T) {
	p1, err := research.NewPseudonymizer()
	if err != nil {
		t.Fatal(err)
	}
	p2, err := research.NewPseudonymizer()
	if err != nil {
		t.Fatal(err)
	}
	const reg = "VIK-AMS-2016-0042"
	a, b := p1.Dossier(reg), p2.Dossier(reg)
	for _, p := range []string{a, b, p1.Suspect("employee:E1")} {
		if !pseudonymPattern.MatchString(p) {
			t.Errorf("pseudonym %q is not of the form D-/S- and 12 hex digits", p)
		}
	}
	if a == b {
		t.Error("two pseudonymizers gave the same pseudonym: the key is not per export")
	}
	if p1.Dossier(reg) != a {
		t.Error("one pseudonymizer gave two pseudonyms for the same dossier")
	}
	if p1.Dossier("VIK-AMS-2016-0043") == a {
		t.Error("two dossiers got the same pseudonym")
	}
	if strings.TrimPrefix(p1.Suspect(reg), "S-") == strings.TrimPrefix(a, "D-") {
		t.Error("a suspect and a dossier with the same source id share a pseudonym")
	}
	p1.Forget()
	defer func() {
		if recover() == nil {
			t.Error("a forgotten key still makes pseudonyms")
		}
	}()
	p1.Dossier(reg)
}

// twoDossiers: employee E000777 is suspected in both; the second dossier
// also has an unidentified suspect and is still open.
func twoDossiers() []*lekradar.Dossier {
	yes := true
	return []*lekradar.Dossier{
		{
			RegNo: "VIK-AMS-2016-0001", Department: "amsterdam", Allegation: "verstrekken", Summary: "Jan de Vries gaf een adres door.",
			Phases: []lekradar.PhaseEntry{
				{Phase: "ontvangen", Date: lekradar.MustParseDate("2016-01-31")},
				{Phase: "vooronderzoek", Date: lekradar.MustParseDate("2016-02-02")},
				{Phase: "afgesloten", Date: lekradar.MustParseDate("2016-03-01")},
			},
			SuspicionOutcome: "bevestigd", DisciplinaryMeasure: "schriftelijke_berisping",
			Means:    []lekradar.MeansEntry{{Means: "logging", Date: lekradar.MustParseDate("2016-02-10")}, {Means: "verhoor_betrokkene"}},
			Reports:  []lekradar.Report{{Channel: "collega", Received: lekradar.MustParseDate("2016-01-31"), ReporterRef: "Piet Jansen", Summary: "Piet zag het."}},
			Suspects: []lekradar.Suspect{{Identified: true, EmployeeRef: "E000777", Rank: "brigadier", Unit: "amsterdam", Executive: &yes, Gender: "man"}},
			Items:    []lekradar.LeakedItem{{SourceSystem: "brp", InfoType: "adresgegevens", OngoingInvestigation: &yes, Description: "Adres van K. Bakker"}},
			Context:  lekradar.LeakContext{Use: "gedeeld", Recipient: "crimineel", BenefitToCrime: &yes},
		},
		{
			RegNo: "VIK-AMS-2016-0002", Department: "amsterdam", Allegation: "raadplegen",
			Phases:   []lekradar.PhaseEntry{{Phase: "ontvangen", Date: lekradar.MustParseDate("2016-05-17")}},
			Reports:  []lekradar.Report{{Channel: "detectie", Received: lekradar.MustParseDate("2016-05-17"), AlertID: "alert-123"}},
			Suspects: []lekradar.Suspect{{Identified: true, EmployeeRef: "E000777", Rank: "brigadier"}, {Identified: false}, {Identified: false}},
		},
	}
}

func tableByName(t *testing.T, e *research.Export, name string) *research.Table {
	t.Helper()
	tb := e.Table(name)
	if tb == nil {
		t.Fatalf("export has no table %s", name)
	}
	return tb
}

// column returns the values of one column.
func column(t *testing.T, tb *research.Table, name string) []string {
	t.Helper()
	i := slices.Index(tb.Header(), name)
	if i < 0 {
		t.Fatalf("table %s has no column %s", tb.Name, name)
	}
	var out []string
	for _, r := range tb.Rows {
		out = append(out, r[i])
	}
	return out
}

func TestExport_PseudonymsWithinOneExport(t *testing.T) {
	e, _ := mustExport(t, twoDossiers(), 1, 1, nil, research.ExportOptions{})
	dossierIDs := column(t, tableByName(t, e, "dossiers"), "dossier_id")
	if len(dossierIDs) != 2 || dossierIDs[0] == dossierIDs[1] {
		t.Fatalf("dossier ids %v", dossierIDs)
	}
	for _, name := range dataTables[1:] {
		for _, id := range column(t, tableByName(t, e, name), "dossier_id") {
			if !slices.Contains(dossierIDs, id) {
				t.Errorf("%s refers to dossier %s, which dossiers.csv lacks", name, id)
			}
		}
	}
	suspects := tableByName(t, e, "suspects")
	ids, ds, identified := column(t, suspects, "suspect_id"), column(t, suspects, "dossier_id"), column(t, suspects, "identified")
	if len(ids) != 4 {
		t.Fatalf("%d suspects, want 4", len(ids))
	}
	var known []int
	for i := range ids {
		if identified[i] == "true" {
			known = append(known, i)
		}
	}
	if len(known) != 2 || ids[known[0]] != ids[known[1]] || ds[known[0]] == ds[known[1]] {
		t.Errorf("the employee suspected in both dossiers does not have one pseudonym across them: %v %v", ids, ds)
	}
	seen := map[string]bool{}
	for i, id := range ids {
		if identified[i] == "false" {
			if seen[id] || id == ids[known[0]] {
				t.Errorf("unidentified suspect shares pseudonym %s", id)
			}
			seen[id] = true
		}
	}
	// The counts in dossiers.csv agree with the rows of the other tables.
	dt := tableByName(t, e, "dossiers")
	for _, c := range []struct{ count, table string }{{"n_reports", "reports"}, {"n_suspects", "suspects"}, {"n_leaked_items", "leaked_items"}, {"n_means", "means"}} {
		counts := column(t, dt, c.count)
		rows := column(t, tableByName(t, e, c.table), "dossier_id")
		for i, id := range dossierIDs {
			n := 0
			for _, r := range rows {
				if r == id {
					n++
				}
			}
			if strconv.Itoa(n) != counts[i] {
				t.Errorf("dossier %s: %s = %s but %s.csv has %d rows", id, c.count, counts[i], c.table, n)
			}
		}
	}

	t.Run("same dossier, another export, another pseudonym", func(t *testing.T) {
		for range 3 {
			again, _ := mustExport(t, twoDossiers(), 1, 1, nil, research.ExportOptions{})
			for _, id := range column(t, tableByName(t, again, "dossiers"), "dossier_id") {
				if slices.Contains(dossierIDs, id) {
					t.Errorf("dossier pseudonym %s came back in another export", id)
				}
			}
			for _, id := range column(t, tableByName(t, again, "suspects"), "suspect_id") {
				if slices.Contains(ids, id) {
					t.Errorf("suspect pseudonym %s came back in another export", id)
				}
			}
		}
	})
}

func TestExport_Coarsening(t *testing.T) {
	e, dir := mustExport(t, twoDossiers(), 1, 1, nil, research.ExportOptions{})
	dt := tableByName(t, e, "dossiers")
	row := map[string]string{}
	for i, r := range dt.Rows {
		if r[slices.Index(dt.Header(), "opened_month")] == "2016-01" {
			for j, h := range dt.Header() {
				row[h] = dt.Rows[i][j]
			}
		}
	}
	// 31 January to 1 March 2016 is 30 days, though the months are two apart.
	if row["closed_month"] != "2016-03" || row["days_to_close"] != "30" {
		t.Errorf("closed %q after %q days, want 2016-03 after 30", row["closed_month"], row["days_to_close"])
	}
	phases := tableByName(t, e, "phases")
	var got []string
	for _, r := range phases.Rows {
		got = append(got, strings.Join(r[1:], " "))
	}
	slices.Sort(got)
	want := []string{"1 ontvangen 2016-01 0 2", "1 ontvangen 2016-05 0 ", "2 vooronderzoek 2016-02 2 28", "3 afgesloten 2016-03 30 "}
	if !slices.Equal(got, want) {
		t.Errorf("phases (no, phase, month, days since opened, days in phase):\n got %q\nwant %q", got, want)
	}
	means := tableByName(t, e, "means")
	got = nil
	for _, r := range means.Rows {
		got = append(got, strings.Join(r[1:], " "))
	}
	slices.Sort(got)
	if want := []string{"1 logging 2016-02 10", "2 verhoor_betrokkene  "}; !slices.Equal(got, want) {
		t.Errorf("means %q, want %q", got, want)
	}
	for _, tb := range e.Tables {
		for j, c := range tb.Columns {
			if c.Type != research.TypeMonth {
				continue
			}
			for _, r := range tb.Rows {
				if r[j] != "" && !monthPattern.MatchString(r[j]) {
					t.Errorf("%s.%s holds %q, not a month", tb.Name, c.Name, r[j])
				}
			}
		}
	}
	if h, _ := readCSV(t, filepath.Join(dir, "suspects.csv")); slices.Contains(h, "gender") {
		t.Error("group attributes exported without being asked for")
	}
	assertNoHandMadeIdentifiers(t, dir)
}

// assertNoHandMadeIdentifiers checks twoDossiers' names and texts are gone.
func assertNoHandMadeIdentifiers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "sample.xlsx" {
			continue
		}
		text := string(mustRead(t, filepath.Join(dir, e.Name())))
		for _, s := range []string{"Jan de Vries", "Piet", "Bakker", "E000777", "VIK-AMS", "alert-123", "2016-01-31", "2016-05-17", "2016-03-01"} {
			if strings.Contains(text, s) {
				t.Errorf("%s holds %q", e.Name(), s)
			}
		}
	}
}

func TestExport_GroupAttributesOnRequest(t *testing.T) {
	e, _ := mustExport(t, twoDossiers(), 1, 1, nil, research.ExportOptions{GroupAttributes: true})
	s := tableByName(t, e, "suspects")
	for _, c := range []string{"surname_origin", "gender", "age_band", "tenure_band"} {
		if !slices.Contains(s.Header(), c) {
			t.Errorf("suspects lack %s", c)
		}
	}
	if !slices.Contains(column(t, s, "gender"), "man") {
		t.Error("gender values not exported")
	}
	if !strings.Contains(string(e.README()), "INCLUDED on request") {
		t.Error("README does not say that group attributes are included")
	}
}

func TestExport_READMEExplainsEveryColumn(t *testing.T) {
	_, dir := mustExport(t, mustDemoDossiers(t), 0.2, 5, []string{"unit", "year"}, research.ExportOptions{GroupAttributes: true, Period: "dossiers opened from 2015-01-01"})
	readme := string(mustRead(t, filepath.Join(dir, "README.md")))
	for _, name := range exportedCSVFiles {
		header, _ := readCSV(t, filepath.Join(dir, name))
		if !strings.Contains(readme, "### "+name) {
			t.Errorf("README has no section for %s", name)
		}
		for _, col := range header {
			if !regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(col) + ` \| [^|]+ \| .{10,}`).MatchString(readme) {
				t.Errorf("README does not explain column %s of %s", col, name)
			}
		}
	}
	for _, want := range []string{"Seed: 5.", "department × year", "largest-remainder", "HMAC-SHA-256", "YYYY-MM", "Residual risk", "amsterdam/2015", "dossiers opened from 2015-01-01"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README does not mention %q", want)
		}
	}
}

func TestExport_WriteDirRefusesNonEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := research.Draw(twoDossiers(), 1, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := research.Build(d, research.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = e.WriteDir(dir)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("error %v, want one about a non-empty directory", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory now holds %d files", len(entries))
	}
}

func TestExport_WorkbookNumbersAreNumbers(t *testing.T) {
	_, dir := mustExport(t, twoDossiers(), 1, 1, nil, research.ExportOptions{})
	f, err := excelize.OpenFile(filepath.Join(dir, "sample.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, append(slices.Clone(dataTables), "codebook")) {
		t.Errorf("sheets %v", got)
	}
	header, err := f.GetRows("dossiers")
	if err != nil || len(header) != 3 {
		t.Fatalf("dossiers sheet: %d rows, %v", len(header), err)
	}
	for _, c := range []struct {
		col     string
		numeric bool
	}{{"sampling_weight", true}, {"n_reports", true}, {"dossier_id", false}, {"department", false}} {
		i := slices.Index(header[0], c.col)
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		typ, err := f.GetCellType("dossiers", cell)
		if err != nil {
			t.Fatal(err)
		}
		isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
		if isText == c.numeric {
			t.Errorf("column %s: cell type %v, want numeric %v", c.col, typ, c.numeric)
		}
	}
}

func TestExport_RiskCounts(t *testing.T) {
	// Three dossiers: two of amsterdam opened in 2016-01 (one sampled only
	// if the fraction is 1), one of pdc in 2016-02.
	ds := []*lekradar.Dossier{
		smallDossier("VIK-AMS-2016-0001", "amsterdam", "2016-01-04"),
		smallDossier("VIK-AMS-2016-0002", "amsterdam", "2016-01-20"),
		smallDossier("VIK-PDC-2016-0001", "pdc", "2016-02-11"),
	}
	find := func(e *research.Export, table string, cols ...string) research.RiskCount {
		for _, r := range e.Risk {
			if r.Table == table && slices.Equal(r.Columns, cols) {
				return r
			}
		}
		t.Fatalf("no risk count for %s %v", table, cols)
		return research.RiskCount{}
	}
	e, _ := mustExport(t, ds, 1, 1, nil, research.ExportOptions{})
	got := find(e, "dossiers", "department", "opened_month")
	// amsterdam/2016-01 twice, pdc/2016-02 once.
	if got.Records != 3 || got.Unique != 1 || got.Under5 != 3 || got.UniqueInRegistry != 1 {
		t.Errorf("fraction 1: %+v, want 3 records, 1 unique, 3 under 5, 1 unique in the registry", got)
	}
	// At 2 of 3 the sample has two dossiers; whichever amsterdam dossier
	// was drawn may be alone in the sample but is not in the registry.
	e, _ = mustExport(t, ds, 0.67, 3, []string{"unit"}, research.ExportOptions{})
	got = find(e, "dossiers", "department", "opened_month")
	if got.Records != 2 || got.Unique != 2 || got.UniqueInRegistry != 1 {
		t.Errorf("fraction 2/3 by unit: %+v, want 2 records, both unique in the sample, 1 in the registry", got)
	}
	if !strings.Contains(string(e.README()), "| dossiers | department + opened_month | 2 | 2 | 2 | 1 |") {
		t.Error("README does not report the risk count")
	}
}

func TestExport_ReopenedDossierIsOpen(t *testing.T) {
	d := smallDossier("VIK-PDC-2016-0007", "pdc", "2016-03-01")
	d.Phases = append(d.Phases,
		lekradar.PhaseEntry{Phase: "afgesloten", Date: lekradar.MustParseDate("2016-04-01")},
		lekradar.PhaseEntry{Phase: "vooronderzoek", Date: lekradar.MustParseDate("2016-06-01")})
	e, _ := mustExport(t, []*lekradar.Dossier{d}, 1, 1, nil, research.ExportOptions{})
	dt := tableByName(t, e, "dossiers")
	if got := column(t, dt, "closed_month")[0] + "|" + column(t, dt, "days_to_close")[0] + "|" + column(t, dt, "current_phase")[0]; got != "||vooronderzoek" {
		t.Errorf("reopened dossier: closed_month|days_to_close|current_phase = %q, want ||vooronderzoek", got)
	}
}
