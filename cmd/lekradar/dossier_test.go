package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lekradar"
)

func boolp(b bool) *bool { return &b }

// makeDossier builds a dossier with every part filled in: phases a few weeks
// apart from opened, reports, means, suspects, leaked items and context.
func makeDossier(regNo, department, opened string, phases []string, outcome string, suspects int) *lekradar.Dossier {
	start := lekradar.MustParseDate(opened)
	d := &lekradar.Dossier{
		RegNo:            regNo,
		Department:       department,
		Allegation:       "raadplegen",
		Summary:          "Look-ups of a neighbour in BVH",
		SuspicionOutcome: outcome,
		Means: []lekradar.MeansEntry{
			{Means: "logging", Date: start.AddDays(3)},
			{Means: "verhoor_betrokkene"}, // date unknown
		},
		Reports: []lekradar.Report{{
			Channel: "leidinggevende", Received: start, Summary: "Supervisor noticed look-ups",
			ReporterRef: "hotline-" + opened, Acknowledged: start.AddDays(2),
		}},
		Items: []lekradar.LeakedItem{
			{SourceSystem: "bvh", InfoType: "adresgegevens", OngoingInvestigation: boolp(false), Harm: "beperkt"},
			{SourceSystem: "brp", InfoType: "persoonsgegevens"},
		},
		Context: lekradar.LeakContext{Use: "gedeeld", Recipient: "familie_partner", Initiative: "ontvanger", BenefitToCrime: boolp(false), Motive: "hulp_aan_bekende"},
	}
	for i, p := range phases {
		d.Phases = append(d.Phases, lekradar.PhaseEntry{Phase: p, Date: start.AddDays(20 * i)})
	}
	if outcome == "bevestigd" {
		d.DisciplinaryMeasure = "schriftelijke_berisping"
		d.CriminalOutcome = "geen"
	}
	ranks := []string{"hoofdagent", "brigadier", "agent"}
	for i := range suspects {
		d.Suspects = append(d.Suspects, lekradar.Suspect{
			Identified: outcome != "verdachte_onbekend", EmployeeRef: fmt.Sprintf("E%04d", 100+i),
			Rank: ranks[i%len(ranks)], Unit: department, TeamKind: "basisteam", Executive: boolp(i%2 == 0),
			SurnameOrigin: "nl", Gender: "vrouw", AgeBand: "35_44", TenureBand: "10_20",
		})
	}
	return d
}

// sampleDossiers covers three departments, both study years, several
// current phases and suspicion outcomes, in no particular order.
func sampleDossiers() []*lekradar.Dossier {
	ds := []*lekradar.Dossier{
		makeDossier("VIK-AMS-2015-0001", "amsterdam", "2015-03-02", []string{"ontvangen", "triage", "vooronderzoek", "besluitvorming", "afgesloten"}, "bevestigd", 1),
		makeDossier("VIK-RT-2016-0001", "rotterdam", "2016-05-03", []string{"ontvangen", "triage", "disciplinair_onderzoek", "afgesloten"}, "weerlegd", 2),
		makeDossier("VIK-AMS-2016-0001", "amsterdam", "2016-01-15", []string{"ontvangen", "triage"}, "", 0),
		makeDossier("VIK-RT-2015-0007", "rotterdam", "2015-11-20", []string{"ontvangen", "afgesloten"}, "verdachte_onbekend", 1),
		makeDossier("VIK-LB-2016-0003", "limburg", "2016-09-09", []string{"ontvangen", "vooronderzoek"}, "", 3),
		makeDossier("VIK-LB-2015-0002", "limburg", "2015-07-07", []string{"ontvangen", "triage", "vooronderzoek", "afgesloten"}, "bevestigd", 1),
	}
	// Characters that JSON, CSV and HTML escaping treat specially.
	ds[5].Summary = `Shared "<address>" & plate; via WhatsApp, café`
	ds[5].Items[0].Description = "line one\nline two"
	return ds
}

// writeJSONL writes dossiers as a JSON Lines file and returns its path.
func writeJSONL(t *testing.T, ds []*lekradar.Dossier) string {
	t.Helper()
	var b strings.Builder
	for _, d := range ds {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return writeFile(t, "dossiers.jsonl", b.String())
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mustImportSample fills a fresh database with sampleDossiers.
func mustImportSample(t *testing.T) (string, []*lekradar.Dossier) {
	t.Helper()
	db := mustInitDB(t)
	ds := sampleDossiers()
	mustRunCLI(t, "", "dossier", "import", writeJSONL(t, ds), "--db", db)
	return db, ds
}

// listJSON returns what dossier list --format json prints, decoded.
func listJSON(t *testing.T, db string, filters ...string) []*lekradar.Dossier {
	t.Helper()
	out := mustRunCLI(t, "", append([]string{"dossier", "list", "--db", db, "--format", "json"}, filters...)...).stdout
	var ds []*lekradar.Dossier
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("list --format json printed no JSON array: %v\n%s", err, out)
	}
	return ds
}

func listRegNos(t *testing.T, db string, filters ...string) []string {
	t.Helper()
	var regNos []string
	for _, d := range listJSON(t, db, filters...) {
		regNos = append(regNos, d.RegNo)
	}
	return regNos
}

// normalizedJSONL decodes JSON Lines of dossiers, drops what a store assigns
// (ids and timestamps), sorts by registration number and encodes them again,
// so that two registries' exports can be compared.
func normalizedJSONL(t *testing.T, jsonl string) string {
	t.Helper()
	var ds []*lekradar.Dossier
	for i, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var d lekradar.Dossier
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("line %d: %v\n%s", i+1, err, line)
		}
		clearStoreIDs(&d)
		d.CreatedAt, d.UpdatedAt = time.Time{}, time.Time{}
		ds = append(ds, normalizeDossier(&d))
	}
	slices.SortFunc(ds, func(a, b *lekradar.Dossier) int { return strings.Compare(a.RegNo, b.RegNo) })
	var b strings.Builder
	for _, d := range ds {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDossierAddShowUpdate(t *testing.T) {
	db := mustInitDB(t)
	cb := lekradar.DefaultCodebook()

	input := makeDossier("", "amsterdam", "2016-04-01", []string{"ontvangen", "triage"}, "", 1)
	body, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	var added lekradar.Dossier
	out := mustRunCLI(t, string(body), "dossier", "add", "--db", db).stdout
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatalf("add printed no dossier: %v\n%s", err, out)
	}
	if added.ID <= 0 || !strings.HasPrefix(added.RegNo, "VIK-AMS-2016-") {
		t.Fatalf("added dossier has id %d and reg_no %q, want an id and a VIK-AMS-2016- number", added.ID, added.RegNo)
	}
	if added.Suspects[0].Rank != "hoofdagent" || added.Reports[0].ReporterRef == "" {
		t.Errorf("add lost parts of the dossier: %s", out)
	}

	t.Run("add from --file takes the next number", func(t *testing.T) {
		file := writeFile(t, "d.json", string(body))
		var second lekradar.Dossier
		out := mustRunCLI(t, "", "dossier", "add", "--db", db, "--file", file).stdout
		if err := json.Unmarshal([]byte(out), &second); err != nil {
			t.Fatal(err)
		}
		if second.RegNo == added.RegNo || !strings.HasPrefix(second.RegNo, "VIK-AMS-2016-") {
			t.Errorf("second dossier got reg_no %q (first %q)", second.RegNo, added.RegNo)
		}
	})

	t.Run("show by id and by reg_no print the same dossier", func(t *testing.T) {
		byID := mustRunCLI(t, "", "dossier", "show", strconv.FormatInt(added.ID, 10), "--db", db).stdout
		byRegNo := mustRunCLI(t, "", "dossier", "show", added.RegNo, "--db", db).stdout
		if byID != byRegNo || byID != out {
			t.Errorf("show by id, by reg_no and add differ:\n%s\n%s\n%s", byID, byRegNo, out)
		}
	})

	t.Run("show of an unknown dossier fails", func(t *testing.T) {
		for _, ref := range []string{"999999", "VIK-AMS-2016-9999"} {
			r := runCLI(t, "", "dossier", "show", ref, "--db", db)
			if r.err == nil || lekradar.ErrorCode(r.err) != lekradar.ENOTFOUND {
				t.Errorf("show %s: error %v, want not found", ref, r.err)
			}
		}
	})

	t.Run("update by id replaces the dossier", func(t *testing.T) {
		changed := added
		changed.Allegation = "verstrekken"
		changed.Phases = append(changed.Phases, lekradar.PhaseEntry{Phase: "afgesloten", Date: lekradar.MustParseDate("2016-08-01")})
		changed.SuspicionOutcome = "niet_bevestigd"
		changed.Suspects = nil
		body, _ := json.Marshal(changed)
		var got lekradar.Dossier
		out := mustRunCLI(t, string(body), "dossier", "update", "--db", db).stdout
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != added.ID || got.RegNo != added.RegNo || got.Allegation != "verstrekken" ||
			got.CurrentPhase() != "afgesloten" || got.SuspicionOutcome != "niet_bevestigd" || len(got.Suspects) != 0 {
			t.Errorf("update printed %s", out)
		}
		if shown := mustRunCLI(t, "", "dossier", "show", added.RegNo, "--db", db).stdout; shown != out {
			t.Errorf("show after update differs from update's output:\n%s\n%s", shown, out)
		}
	})

	t.Run("update by reg_no alone", func(t *testing.T) {
		changed := added
		changed.ID = 0
		changed.Summary = "Updated by registration number"
		body, _ := json.Marshal(changed)
		file := writeFile(t, "u.json", string(body))
		var got lekradar.Dossier
		out := mustRunCLI(t, "", "dossier", "update", "--file", file, "--db", db).stdout
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != added.ID || got.Summary != changed.Summary {
			t.Errorf("update by reg_no printed %s", out)
		}
	})

	t.Run("refused input", func(t *testing.T) {
		bad := *input
		bad.Allegation = "kijken"
		badBody, _ := json.Marshal(&bad)
		unknown := added
		unknown.ID = 0
		unknown.RegNo = "VIK-AMS-2016-9999"
		unknownBody, _ := json.Marshal(&unknown)
		allegations := strings.Join(cb.Field(lekradar.FieldAllegation).Allowed(), ", ")
		tests := []struct {
			name  string
			stdin string
			args  []string
			want  string // in the error or on stderr
		}{
			{"add with a bad code", string(badBody), []string{"add"},
				`stdin: field allegation: value "kijken": is not a code of allegation (allowed: ` + allegations + `)`},
			{"add with an id", out, []string{"add"}, "field id"},
			{"add of malformed JSON", `{"department": "amsterdam",`, []string{"add"}, "stdin: invalid JSON"},
			{"add with an unknown key", `{"departement": "amsterdam"}`, []string{"add"}, "field departement: is not a known field"},
			{"update of an unknown reg_no", string(unknownBody), []string{"update"}, "not found"},
			{"update naming no dossier", string(badBody), []string{"update"}, "stdin: field allegation"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := listRegNos(t, db)
				r := runCLI(t, tt.stdin, append(append([]string{"dossier"}, tt.args...), "--db", db)...)
				if r.exitCode() == 0 {
					t.Fatalf("succeeded; stdout:\n%s", r.stdout)
				}
				if msg := r.stderr + errorText(r.err); !strings.Contains(msg, tt.want) {
					t.Errorf("message %q does not contain %q", msg, tt.want)
				}
				if after := listRegNos(t, db); !slices.Equal(before, after) {
					t.Errorf("registry changed from %v to %v", before, after)
				}
			})
		}
	})
}

func TestDossierList(t *testing.T) {
	db, sample := mustImportSample(t)

	tests := []struct {
		name    string
		filters []string
		keep    func(d *lekradar.Dossier) bool
	}{
		{"all", nil, func(*lekradar.Dossier) bool { return true }},
		{"unit", []string{"--unit", "amsterdam"}, func(d *lekradar.Dossier) bool { return d.Department == "amsterdam" }},
		{"year", []string{"--year", "2015"}, func(d *lekradar.Dossier) bool { return d.Opened().Year == 2015 }},
		{"phase", []string{"--phase", "afgesloten"}, func(d *lekradar.Dossier) bool { return d.CurrentPhase() == "afgesloten" }},
		{"outcome", []string{"--outcome", "bevestigd"}, func(d *lekradar.Dossier) bool { return d.SuspicionOutcome == "bevestigd" }},
		{"all four", []string{"--unit", "rotterdam", "--year", "2016", "--phase", "afgesloten", "--outcome", "weerlegd"},
			func(d *lekradar.Dossier) bool {
				return d.Department == "rotterdam" && d.Opened().Year == 2016 && d.CurrentPhase() == "afgesloten" && d.SuspicionOutcome == "weerlegd"
			}},
		{"none match", []string{"--unit", "pdc"}, func(d *lekradar.Dossier) bool { return d.Department == "pdc" }},
	}
	for _, tt := range tests {
		var want []*lekradar.Dossier
		for _, d := range sample {
			if tt.keep(d) {
				want = append(want, d)
			}
		}
		slices.SortFunc(want, func(a, b *lekradar.Dossier) int { return strings.Compare(a.RegNo, b.RegNo) })

		t.Run(tt.name+"/json", func(t *testing.T) {
			got := listJSON(t, db, tt.filters...)
			if len(got) != len(want) {
				t.Fatalf("got %d dossiers, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i].RegNo != want[i].RegNo || len(got[i].Suspects) != len(want[i].Suspects) || len(got[i].Reports) != len(want[i].Reports) {
					t.Errorf("dossier %d: got %s with %d suspects, want %s with %d", i, got[i].RegNo, len(got[i].Suspects), want[i].RegNo, len(want[i].Suspects))
				}
			}
			if len(want) == 0 {
				raw := mustRunCLI(t, "", append([]string{"dossier", "list", "--db", db, "--format", "json"}, tt.filters...)...).stdout
				if strings.TrimSpace(raw) != "[]" {
					t.Errorf("empty list printed %q, want []", raw)
				}
			}
		})

		t.Run(tt.name+"/table", func(t *testing.T) {
			out := mustRunCLI(t, "", append([]string{"dossier", "list", "--db", db}, tt.filters...)...).stdout
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if got := strings.Fields(lines[0]); !slices.Equal(got, []string{"REG_NO", "DEPARTMENT", "OPENED", "ALLEGATION", "PHASE", "OUTCOME", "SUSPECTS"}) {
				t.Errorf("header %q", lines[0])
			}
			if len(lines)-1 != len(want) {
				t.Fatalf("table has %d rows, want %d:\n%s", len(lines)-1, len(want), out)
			}
			for i, d := range want {
				cells := []string{d.RegNo, d.Department, d.Opened().String(), d.Allegation, d.CurrentPhase(), dash(d.SuspicionOutcome), strconv.Itoa(len(d.Suspects))}
				if got := strings.Fields(lines[i+1]); !slices.Equal(got, cells) {
					t.Errorf("row %d = %q, want %q", i+1, got, cells)
				}
			}
		})

		t.Run(tt.name+"/csv", func(t *testing.T) {
			out := mustRunCLI(t, "", append([]string{"dossier", "list", "--db", db, "--format", "csv"}, tt.filters...)...).stdout
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("csv output does not parse: %v\n%s", err, out)
			}
			if !slices.Equal(rows[0], dossierCSVColumns) {
				t.Fatalf("header %q", rows[0])
			}
			if len(rows)-1 != len(want) {
				t.Fatalf("csv has %d rows, want %d", len(rows)-1, len(want))
			}
			for i, d := range want {
				row := map[string]string{}
				for j, col := range rows[0] {
					row[col] = rows[i+1][j]
				}
				var ranks, phases []string
				for _, s := range d.Suspects {
					ranks = append(ranks, s.Rank)
				}
				for _, p := range d.Phases {
					phases = append(phases, p.Phase)
				}
				checks := map[string]string{
					"reg_no":        d.RegNo,
					"opened":        d.Opened().String(),
					"current_phase": d.CurrentPhase(),
					"phases":        strings.Join(phases, ";"),
					"suspects":      strconv.Itoa(len(d.Suspects)),
					"suspect_ranks": strings.Join(ranks, ";"),
					"means_dates":   d.Means[0].Date.String() + ";",
					"recipient":     d.Context.Recipient,
				}
				for col, want := range checks {
					if row[col] != want {
						t.Errorf("%s: column %s = %q, want %q", d.RegNo, col, row[col], want)
					}
				}
			}
		})
	}

	t.Run("bad filter values name the flag, the value and the allowed codes", func(t *testing.T) {
		cb := lekradar.DefaultCodebook()
		bad := []struct {
			flag, value, field string
		}{
			{"--unit", "utrecht", lekradar.FieldUnit},
			{"--phase", "closed", lekradar.FieldPhase},
			{"--outcome", "proven", lekradar.FieldSuspicionOutcome},
		}
		for _, b := range bad {
			r := runCLI(t, "", "dossier", "list", "--db", db, b.flag, b.value)
			want := fmt.Sprintf("flag %s: value %q is not a code of %s (allowed: %s)", b.flag, b.value, b.field, strings.Join(cb.Field(b.field).Allowed(), ", "))
			if r.err == nil || r.err.Error() != want {
				t.Errorf("list %s %s: error %v, want %q", b.flag, b.value, r.err, want)
			}
		}
		for _, args := range [][]string{{"--year", "15"}, {"--year", "last"}, {"--format", "xml"}} {
			r := runCLI(t, "", append([]string{"dossier", "list", "--db", db}, args...)...)
			if r.err == nil || !strings.Contains(r.err.Error(), args[0]) || !strings.Contains(r.err.Error(), args[1]) {
				t.Errorf("list %v: error %v, want one naming the flag and the value", args, r.err)
			}
		}
	})
}

// importLines builds an import file from raw lines.
func importLines(t *testing.T, lines ...string) string {
	t.Helper()
	return writeFile(t, "import.jsonl", strings.Join(lines, "\n")+"\n")
}

func mustMarshal(t *testing.T, d *lekradar.Dossier) string {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDossierImport(t *testing.T) {
	cb := lekradar.DefaultCodebook()
	allowed := func(field string) string { return strings.Join(cb.Field(field).Allowed(), ", ") }
	good := sampleDossiers()

	badRank := sampleDossiers()[2]
	badRank.Suspects = []lekradar.Suspect{{Identified: true, Rank: "generaal"}}
	twoBad := sampleDossiers()[3]
	twoBad.Allegation = "lekken"
	twoBad.Items[1].Harm = "enorm"

	tests := []struct {
		name  string
		lines []string
		want  []string // each must appear on stderr; FILE stands for the file's path
	}{
		{
			name:  "one bad code among good records",
			lines: []string{mustMarshal(t, good[0]), mustMarshal(t, good[1]), mustMarshal(t, badRank), mustMarshal(t, good[4])},
			want: []string{
				`FILE:3: field suspects[0].rank: value "generaal": is not a code of rank (allowed: ` + allowed(lekradar.FieldRank) + `)`,
				"FILE: 1 problem on 1 line; nothing imported",
			},
		},
		{
			name:  "every problem of every line",
			lines: []string{mustMarshal(t, badRank), mustMarshal(t, good[0]), mustMarshal(t, twoBad)},
			want: []string{
				`FILE:1: field suspects[0].rank: value "generaal"`,
				`FILE:3: field allegation: value "lekken": is not a code of allegation (allowed: ` + allowed(lekradar.FieldAllegation) + `)`,
				`FILE:3: field leaked_items[1].harm: value "enorm": is not a code of harm (allowed: ` + allowed(lekradar.FieldHarm) + `)`,
				"FILE: 3 problems on 2 lines; nothing imported",
			},
		},
		{
			name:  "malformed JSON",
			lines: []string{mustMarshal(t, good[0]), `{"reg_no": "VIK-AMS-2016-0009", "department": }`},
			want:  []string{"FILE:2: invalid JSON at byte"},
		},
		{
			name:  "a line cut short",
			lines: []string{mustMarshal(t, good[0])[:40]},
			want:  []string{"FILE:1: invalid JSON: input ends before the object is complete"},
		},
		{
			name:  "not an object",
			lines: []string{`["VIK-AMS-2016-0009"]`},
			want:  []string{"FILE:1: invalid dossier: expected a JSON object, got an array"},
		},
		{
			name:  "two objects on one line",
			lines: []string{mustMarshal(t, good[0]) + " " + mustMarshal(t, good[1])},
			want:  []string{"FILE:1: invalid JSON: more than one value"},
		},
		{
			name: "unknown fields, also in parts and case variants",
			lines: []string{
				strings.Replace(mustMarshal(t, good[0]), `"rank":`, `"rnak":`, 1),
				strings.Replace(mustMarshal(t, good[1]), `"summary":`, `"Summary":`, 1),
			},
			want: []string{
				"FILE:1: field suspects[0].rnak: is not a known field (field names are case-sensitive) (allowed: id, identified, employee_ref, rank,",
				"FILE:2: field Summary: is not a known field",
			},
		},
		{
			name: "wrong JSON types name the field",
			lines: []string{
				strings.Replace(mustMarshal(t, good[0]), `"identified":true`, `"identified":"yes"`, 1),
				strings.Replace(mustMarshal(t, good[1]), `"department":"rotterdam"`, `"department":7`, 1),
				strings.Replace(mustMarshal(t, good[4]), `"date":"2016-09-09"`, `"date":"09-09-2016"`, 1),
			},
			want: []string{
				`FILE:1: field suspects[0].identified: value "yes": must be true, false or null, not a string`,
				`FILE:2: field department: value "7": must be a string, not a number`,
				`FILE:3: field phases[0].date: value "09-09-2016": is not a date of the form YYYY-MM-DD`,
			},
		},
		{
			name: "a key given twice, and text that is not UTF-8",
			lines: []string{
				strings.Replace(mustMarshal(t, good[0]), `"allegation":"raadplegen"`, `"allegation":"raadplegen","allegation":"beide"`, 1),
				strings.Replace(mustMarshal(t, good[5]), "café", "caf\xe9", 1), // Latin-1, as a spreadsheet may save it
			},
			want: []string{
				`FILE:1: field allegation: appears twice in the same object (give every field once)`,
				`FILE:2: field summary: value "…plate; via WhatsApp, caf\xe9": is not valid UTF-8 (the file must be UTF-8)`,
			},
		},
		{
			name:  "a wrong JSON type does not hide a bad code",
			lines: []string{strings.Replace(mustMarshal(t, twoBad), `"identified":false`, `"identified":"yes"`, 1)},
			want: []string{
				`FILE:1: field suspects[0].identified: value "yes": must be true, false or null, not a string`,
				`FILE:1: field allegation: value "lekken": is not a code of allegation`,
				`FILE:1: field leaked_items[1].harm: value "enorm": is not a code of harm`,
				"FILE: 3 problems on 1 line; nothing imported",
			},
		},
		{
			name: "an opening year that no registration number can carry",
			lines: []string{func() string {
				d := makeDossier("", "amsterdam", "1900-01-01", []string{"ontvangen"}, "", 0)
				return mustMarshal(t, d)
			}()},
			want: []string{`FILE:1: field phases[0].date: value "1900-01-01": opening year is outside the years a registration number can have (1990–2100)`},
		},
		{
			name:  "duplicate registration numbers in the file",
			lines: []string{mustMarshal(t, good[0]), mustMarshal(t, good[1]), mustMarshal(t, good[0])},
			want:  []string{`FILE:3: field reg_no: value "VIK-AMS-2015-0001": appears twice in the file (first on line 1)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustInitDB(t)
			file := importLines(t, tt.lines...)
			r := runCLI(t, "", "dossier", "import", file, "--db", db)
			if r.exitCode() != 1 {
				t.Fatalf("exit code %d (err %v), want 1; stdout:\n%s", r.exitCode(), r.err, r.stdout)
			}
			for _, w := range tt.want {
				if w = strings.ReplaceAll(w, "FILE", file); !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q; stderr:\n%s", w, r.stderr)
				}
			}
			if got := listRegNos(t, db); len(got) != 0 {
				t.Errorf("a refused import stored %v", got)
			}
		})
	}

	t.Run("registration numbers already in the database", func(t *testing.T) {
		db := mustInitDB(t)
		mustRunCLI(t, "", "dossier", "import", importLines(t, mustMarshal(t, good[0])), "--db", db)
		file := importLines(t, mustMarshal(t, good[1]), mustMarshal(t, good[0]))
		r := runCLI(t, "", "dossier", "import", file, "--db", db)
		want := file + `:2: field reg_no: value "VIK-AMS-2015-0001": is already registered in the database`
		if r.exitCode() != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("exit %d, stderr:\n%s\nwant %q", r.exitCode(), r.stderr, want)
		}
		if got := listRegNos(t, db); !slices.Equal(got, []string{"VIK-AMS-2015-0001"}) {
			t.Errorf("registry holds %v after a refused import", got)
		}
	})

	t.Run("the check for registered numbers reads no reporter identity", func(t *testing.T) {
		db := mustInitDB(t)
		mustRunCLI(t, "", "dossier", "import", importLines(t, mustMarshal(t, good[0])), "--db", db)
		r := runCLI(t, "", "dossier", "import", importLines(t, mustMarshal(t, good[0])), "--db", db)
		if r.exitCode() != 1 || !strings.Contains(r.stderr, "is already registered in the database") {
			t.Fatalf("exit %d, stderr:\n%s", r.exitCode(), r.stderr)
		}
		out := mustRunCLI(t, "", "audit", "list", "--db", db, "--action", "read_reporter_identity", "--format", "json").stdout
		if strings.TrimSpace(out) != "[]" {
			t.Errorf("a refused import read reporter identities:\n%s", out)
		}
	})

	t.Run("blank lines, CRLF and a byte-order mark are accepted", func(t *testing.T) {
		db := mustInitDB(t)
		content := "\xef\xbb\xbf" + mustMarshal(t, good[0]) + "\r\n\r\n   \n" + mustMarshal(t, good[1]) // no final newline
		out := mustRunCLI(t, "", "dossier", "import", writeFile(t, "crlf.jsonl", content), "--db", db).stdout
		if !strings.Contains(out, "imported 2 dossiers") {
			t.Errorf("import printed %q", out)
		}
		if got := listRegNos(t, db); len(got) != 2 {
			t.Errorf("registry holds %v", got)
		}
	})

	t.Run("from stdin, assigning missing registration numbers", func(t *testing.T) {
		db := mustInitDB(t)
		a, b := sampleDossiers()[0], sampleDossiers()[0]
		a.RegNo, b.RegNo = "", ""
		out := mustRunCLI(t, mustMarshal(t, a)+"\n"+mustMarshal(t, b)+"\n", "dossier", "import", "-", "--db", db).stdout
		if !strings.Contains(out, "imported 2 dossiers from stdin") {
			t.Errorf("import printed %q", out)
		}
		if got := listRegNos(t, db); !slices.Equal(got, []string{"VIK-AMS-2015-0001", "VIK-AMS-2015-0002"}) {
			t.Errorf("registry holds %v", got)
		}
	})

	t.Run("a missing file", func(t *testing.T) {
		db := mustInitDB(t)
		r := runCLI(t, "", "dossier", "import", filepath.Join(t.TempDir(), "nope.jsonl"), "--db", db)
		if r.err == nil || !strings.Contains(r.err.Error(), "nope.jsonl") || strings.Contains(r.err.Error(), "open open") {
			t.Errorf("error %v, want one naming the file once", r.err)
		}
	})
}

func TestDossierExportImportRoundTrip(t *testing.T) {
	db, sample := mustImportSample(t)
	// A dossier added later gets a higher id than its reg_no order suggests,
	// so ids in the two registries differ; everything else must not.
	late := makeDossier("VIK-AMS-2015-0000", "amsterdam", "2015-01-05", []string{"ontvangen"}, "", 2)
	mustRunCLI(t, mustMarshal(t, late), "dossier", "add", "--db", db)

	exportFile := filepath.Join(t.TempDir(), "export.jsonl")
	mustRunCLI(t, "", "dossier", "export", "--format", "jsonl", "--out", exportFile, "--db", db)
	exported := string(mustReadFile(t, exportFile))

	t.Run("export is ordered by registration number", func(t *testing.T) {
		var regNos []string
		for line := range strings.Lines(exported) {
			var d lekradar.Dossier
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				t.Fatal(err)
			}
			regNos = append(regNos, d.RegNo)
		}
		if len(regNos) != len(sample)+1 || !slices.IsSorted(regNos) {
			t.Errorf("export holds %v", regNos)
		}
	})

	t.Run("export holds what was imported", func(t *testing.T) {
		want := normalizedJSONL(t, string(mustReadFile(t, writeJSONL(t, append(sampleDossiers(), late)))))
		if got := normalizedJSONL(t, exported); got != want {
			t.Errorf("export differs from the input\ngot:\n%s\nwant:\n%s", got, want)
		}
	})

	t.Run("import into a fresh database and export again", func(t *testing.T) {
		fresh := mustInitDB(t)
		out := mustRunCLI(t, "", "dossier", "import", exportFile, "--db", fresh).stdout
		if !strings.Contains(out, fmt.Sprintf("imported %d dossiers", len(sample)+1)) {
			t.Errorf("import printed %q", out)
		}
		again := mustRunCLI(t, "", "dossier", "export", "--db", fresh).stdout
		if normalizedJSONL(t, again) != normalizedJSONL(t, exported) {
			t.Errorf("round trip changed the dossiers\nfirst:\n%s\nsecond:\n%s", exported, again)
		}
	})

	t.Run("csv export equals list --format csv", func(t *testing.T) {
		csvFile := filepath.Join(t.TempDir(), "export.csv")
		mustRunCLI(t, "", "dossier", "export", "--format", "csv", "--out", csvFile, "--db", db)
		listed := mustRunCLI(t, "", "dossier", "list", "--format", "csv", "--db", db).stdout
		if got := string(mustReadFile(t, csvFile)); got != listed {
			t.Errorf("export --format csv differs from list --format csv\n%s\n%s", got, listed)
		}
	})

	t.Run("export with a filter", func(t *testing.T) {
		out := mustRunCLI(t, "", "dossier", "export", "--unit", "limburg", "--db", db).stdout
		if n := strings.Count(out, "\n"); n != 2 {
			t.Errorf("export --unit limburg wrote %d lines, want 2", n)
		}
	})
}
