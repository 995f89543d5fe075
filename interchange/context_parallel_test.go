package interchange

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lekradar"
)

// stagedDir writes a context directory whose persons.csv and relations.csv
// are given; the other required files have a header only.
func stagedDir(t *testing.T, persons, relations string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		FileTeams:       "team_id,unit_id,kind,name\n",
		FileEmployees:   "employee_id,person_id,surname,unit_id,team_id,rank,function\n",
		FilePersons:     persons,
		FileRelations:   relations,
		FileCases:       "case_id,kind,unit_id,team_id,opened,closed,sensitive\n",
		FileCasePersons: "case_id,person_id,role\nC1,P1,witness\nC2,,x\n\nC3,P3,\n",
		FileCaseStaff:   "case_id,employee_id,from,to\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readLogged reads dir and logs every person, relation and bad row in the
// order the callbacks see them, through Person/Relation (the sequential
// reader) or through the Stages (the chunked one).
func readLogged(dir string, staged bool, stopAtError bool) ([]string, error) {
	var log []string
	h := ContextHandler{OnError: func(le *LineError) error {
		log = append(log, "error: "+le.Error())
		return nil
	}}
	if stopAtError {
		h.OnError = nil
	}
	if staged {
		h.Persons = &Stage[lekradar.Person]{
			Prepare: func(p *lekradar.Person, k *RowKeys) { k[0] = uint64(len(p.ID)) + 1; k[3] = uint64(p.BirthYear) },
			Add: func(ps []lekradar.Person, keys []RowKeys) error {
				for i, p := range ps {
					if keys[i][0] != uint64(len(p.ID))+1 || keys[i][3] != uint64(p.BirthYear) {
						return fmt.Errorf("row %+v has the keys of another row", p)
					}
					log = append(log, fmt.Sprintf("person: %#v", p))
				}
				return nil
			},
		}
		h.Relations = &Stage[lekradar.Relation]{
			Add: func(rs []lekradar.Relation, _ []RowKeys) error {
				for _, r := range rs {
					log = append(log, fmt.Sprintf("relation: %#v", r))
				}
				return nil
			},
		}
		h.CasePersons = &Stage[lekradar.CasePerson]{
			Add: func(cps []lekradar.CasePerson, _ []RowKeys) error {
				for _, cp := range cps {
					log = append(log, fmt.Sprintf("case person: %#v", cp))
				}
				return nil
			},
		}
	} else {
		h.Person = func(p lekradar.Person) error { log = append(log, fmt.Sprintf("person: %#v", p)); return nil }
		h.Relation = func(r lekradar.Relation) error { log = append(log, fmt.Sprintf("relation: %#v", r)); return nil }
		h.CasePerson = func(cp lekradar.CasePerson) error {
			log = append(log, fmt.Sprintf("case person: %#v", cp))
			return nil
		}
	}
	err := ReadContextDir(context.Background(), dir, h)
	return log, err
}

// personsCSV makes a persons.csv of n rows with every kind of line the
// chunked reader must treat as the sequential one does; quoted adds rows
// with quoted fields (one spanning lines) at about two thirds.
func personsCSV(n int, quoted, long bool) string {
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("person_id,surname,birth_year,postcode,house_number,flags\n")
	surnames := []string{"de Vries", " Bakker ", "Öztürk", "VAN  DAM", "jansen"}
	flags := []string{"", "vip", "shielded; VIP", "deceased;unknown", "vip;vip"}
	for i := 0; i < n; i++ {
		if quoted && i == n*2/3 {
			b.WriteString("P\"q1,\"O'Brien, \"\"Jr\"\"\",1970,1234ab,1,vip\n")
			b.WriteString("Pq2,\"Line\nbreak\",1971,,2,\n")
		}
		if long && i == n/2 {
			b.WriteString("Plong," + strings.Repeat("x", MaxLineBytes) + ",1980,1000AA,1,\n")
			// Exactly at the limit, which is on the text without its line end.
			row := "Pmax,,1980,1000AA,1,"
			b.WriteString("Pmax," + strings.Repeat("y", MaxLineBytes-len(row)) + ",1980,1000AA,1,\r\n")
		}
		end := "\n"
		if rng.IntN(7) == 0 {
			end = "\r\n"
		}
		switch rng.IntN(40) {
		case 0:
			b.WriteString(end) // blank
			continue
		case 1:
			b.WriteString(" \t " + end)
			continue
		case 2:
			fmt.Fprintf(&b, "P%d,too,few%s", i, end)
			continue
		case 3:
			fmt.Fprintf(&b, "P%d,Smit,19x0,1000AA,1,%s", i, end)
			continue
		case 4:
			fmt.Fprintf(&b, ",Smit,1990,1000AA,1,%s", end)
			continue
		}
		year := ""
		if rng.IntN(5) > 0 {
			year = fmt.Sprint(1900 + rng.IntN(120))
		}
		fmt.Fprintf(&b, "P%d, %s ,%s,%d %s,%d,%s%s", i, surnames[rng.IntN(len(surnames))], year,
			1000+rng.IntN(9000), []string{"AB", "ab", "Zz"}[rng.IntN(3)], rng.IntN(300), flags[rng.IntN(len(flags))], end)
	}
	b.WriteString("Plast,Last,2000,9999ZZ,9,deceased") // no final line end
	return b.String()
}

func relationsCSV(n int) string {
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString("kind,person_id,related_person_id,extra\n") // columns in another order
	kinds := []string{"partner", "ex_partner", "PARENT", "child", "sibling", "household", "cousin"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s,P%d,P%d,x\n", kinds[rng.IntN(len(kinds))], rng.IntN(n), rng.IntN(n))
	}
	return b.String()
}

func TestStagedReadMatchesSequential(t *testing.T) {
	for _, tc := range []struct {
		name         string
		chunk        int
		quoted, long bool
	}{
		{"default chunks", 2 << 20, false, false},
		{"small chunks", 4096, false, false},
		{"tiny chunks", 61, false, false},
		{"quoted from two thirds", 4096, true, false},
		{"line over 1 MiB", 2 << 20, false, true},
		{"line over 1 MiB, small chunks", 8192, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(old int) { chunkBytes = old }(chunkBytes)
			chunkBytes = tc.chunk
			dir := stagedDir(t, personsCSV(30000, tc.quoted, tc.long), relationsCSV(20000))
			want, err := readLogged(dir, false, false)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readLogged(dir, true, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) < 45000 {
				t.Fatalf("only %d rows and errors read", len(want))
			}
			nerr := 0
			for _, l := range want {
				if strings.HasPrefix(l, "error: ") {
					nerr++
				}
			}
			if nerr < 1000 {
				t.Fatalf("only %d bad rows: the test data lost its bad rows", nerr)
			}
			if tc.long && !slices.ContainsFunc(want, func(l string) bool { return strings.Contains(l, "Pmax") && !strings.HasPrefix(l, "error: ") }) {
				t.Fatal("the row of exactly 1 MiB was not read")
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("entry %d differs:\nchunked    %s\nsequential %s", i, got[i], want[i])
					}
				}
				t.Fatalf("chunked read %d entries, sequential %d", len(got), len(want))
			}
		})
	}
}

func TestStagedReadStopsAtFirstError(t *testing.T) {
	defer func(old int) { chunkBytes = old }(chunkBytes)
	chunkBytes = 1000
	dir := stagedDir(t, personsCSV(5000, false, false), relationsCSV(10))
	wantLog, wantErr := readLogged(dir, false, true)
	gotLog, gotErr := readLogged(dir, true, true)
	if wantErr == nil || gotErr == nil {
		t.Fatalf("errors: sequential %v, chunked %v", wantErr, gotErr)
	}
	if gotErr.Error() != wantErr.Error() {
		t.Errorf("chunked error %q, sequential %q", gotErr, wantErr)
	}
	if !strings.Contains(gotErr.Error(), "persons.csv line ") {
		t.Errorf("error %q does not name file and line", gotErr)
	}
	// Rows before the bad one may arrive in runs; none after it.
	if !reflect.DeepEqual(gotLog, wantLog) {
		t.Errorf("chunked read %d rows before stopping, sequential %d", len(gotLog), len(wantLog))
	}
}

func TestStagedReadLineNumbers(t *testing.T) {
	body := "person_id,surname,birth_year,postcode,house_number,flags\n" +
		"P1,A,1990,1000AA,1,\n" +
		"\n" +
		"P2,B,18,1000AA,1,\r\n" + // line 4: bad year
		"P3,C\n" + // line 5: too few fields
		"P4,D,1990,1000AA,1,vip\n"
	for _, quoted := range []bool{false, true} {
		b := body
		if quoted {
			b += "P5,\"E\nF\",1990,,,\n" + "P6,G,3000,,,\n" // line 9: bad year after a quoted line break
		} else {
			b += "P5,E,1990,,,\n" + "P6,G,3000,,,\n" // line 8
		}
		for _, chunk := range []int{2 << 20, 30} {
			chunkBytes = chunk
			log, err := readLogged(stagedDir(t, b, "person_id,related_person_id,kind\n"), true, false)
			chunkBytes = 2 << 20
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range log {
				if strings.HasPrefix(l, "error: ") {
					msg := l[len("error: "):]
					lines = append(lines, msg[:strings.Index(msg, ":")])
				}
			}
			last := "persons.csv line 8, column birth_year"
			if quoted {
				last = "persons.csv line 9, column birth_year"
			}
			want := []string{"persons.csv line 4, column birth_year", "persons.csv line 5", last, "case_persons.csv line 3, column person_id"}
			if !reflect.DeepEqual(lines, want) {
				t.Errorf("quoted %v, chunk %d: errors at %q, want %q", quoted, chunk, lines, want)
			}
		}
	}
}

// FuzzStagedPersons checks that the chunked reader reads any persons.csv as
// the sequential one does: the same rows, the same bad rows and lines.
func FuzzStagedPersons(f *testing.F) {
	for _, s := range []string{
		"person_id,surname,birth_year,postcode,house_number,flags\nP1,A,1990,1000 ab,1,vip\n\nP2,B,x,,,\r\nP3\n",
		"\xEF\xBB\xBFperson_id,surname,postcode\nP1,A,1\nP2,\"B\nC\",2\nP3,,3",
		"flags,postcode,surname,person_id\n;vip;;DECEASED,1,a,P1\n,,,\n \n",
		"person_id,surname,postcode\n" + strings.Repeat("P,S,1\n", 40) + "P\"x,S,1\n",
	} {
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, body string, chunk uint8) {
		defer func(old int) { chunkBytes = old }(chunkBytes)
		chunkBytes = int(chunk) + 1
		var want, got []string
		logErr := func(log *[]string) func(*LineError) error {
			return func(le *LineError) error { *log = append(*log, "error: "+le.Error()); return nil }
		}
		werr := readTable(context.Background(), strings.NewReader(body), FilePersons, personCols, parsePerson,
			func(p lekradar.Person) error { want = append(want, fmt.Sprintf("%#v", p)); return nil }, logErr(&want))
		gerr := readTableStaged(context.Background(), strings.NewReader(body), FilePersons, personCols, parsePerson,
			&Stage[lekradar.Person]{Add: func(ps []lekradar.Person, _ []RowKeys) error {
				for _, p := range ps {
					got = append(got, fmt.Sprintf("%#v", p))
				}
				return nil
			}}, logErr(&got))
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("error %v, sequential %v", gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunked\n%q\nsequential\n%q", got, want)
		}
	})
}
