package interchange_test

// Conformance of the readers with docs/formats.md: every freedom the
// document grants an exporter (spellings of values, header case and order,
// optional columns and files, BOM, CRLF, quoting, blank lines, gzip, …) is
// applied to a small plain input, and the variant must read exactly as the
// plain form does. The context directory is read the way scan reads it
// (the big files through Stages) and sequentially; events through
// EventReader and PipelinedEventReader.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"lekradar"
	"lekradar/interchange"
)

// confContext is the plain form of a context directory: one file per name,
// comma separated, LF line ends, no quotes, lower-case headers.
var confContext = map[string]string{
	"units.csv": "unit_id,name,fte\n" +
		"amsterdam,Eenheid Amsterdam,6200.5\n" +
		"pdc,PDC,\n",
	"teams.csv": "team_id,unit_id,kind,name\n" +
		"T1,amsterdam,basisteam,Basisteam Centrum\n" +
		"T2,amsterdam,meldkamer,Meldkamer\n" +
		"T3,pdc,,Onbekend\n",
	"employees.csv": "employee_id,person_id,surname,unit_id,team_id,rank,function\n" +
		"E1,P1,de Vries,amsterdam,T1,hoofdagent,noodhulp\n" +
		"E2,,Jansen,amsterdam,T2,burger,meldkamer\n" +
		"E3,P9,Bakker,pdc,,,\n",
	"persons.csv": "person_id,surname,birth_year,postcode,house_number,flags\n" +
		"P1,de Vries,1984,1012AB,12,\n" +
		"P2,Jansen,1979,1013CD,4-II,vip\n" +
		"P3,Öztürk,,1013CD,6,vip;shielded\n" +
		"P4,Bakker,2001,,,deceased\n",
	"relations.csv": "person_id,related_person_id,kind\n" +
		"P1,P2,ex_partner\n" +
		"P3,P4,parent\n",
	"cases.csv": "case_id,kind,unit_id,team_id,opened,closed,sensitive\n" +
		"C1,incident,amsterdam,T1,2026-03-02T14:05:09Z,2026-03-02T18:30:00Z,false\n" +
		"C2,investigation,amsterdam,,2026-01-10,,true\n" +
		"C3,intake,pdc,T3,2026-02-01,2026-02-03,\n" +
		"C4,investigation,pdc,T3,2026-02-01T08:00:00Z,,true\n",
	"case_persons.csv": "case_id,person_id,role\n" +
		"C1,P2,witness\n" +
		"C2,P3,\n" +
		"C3,P4,suspect\n",
	"case_staff.csv": "case_id,employee_id,from,to\n" +
		"C2,E1,2026-01-11,\n" +
		"C1,E2,2026-03-02T14:00:00Z,2026-03-02\n" +
		"C3,E3,,2026-02-03\n",
	"shifts.csv": "employee_id,start,end\n" +
		"E1,2026-03-02T22:00:00Z,2026-03-03T07:00:00Z\n" +
		"E2,2026-03-02T08:00:00Z,2026-03-02T16:30:00Z\n",
}

var confFiles = []string{"units.csv", "teams.csv", "employees.csv", "persons.csv", "relations.csv",
	"cases.csv", "case_persons.csv", "case_staff.csv", "shifts.csv"}

// confTable is a parsed CSV file: header and rows.
type confTable [][]string

func confParse(t *testing.T, s string) confTable {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// confRender writes a table in a chosen dialect.
func confRender(tb confTable, quoteAll bool, eol string) string {
	var b strings.Builder
	for _, rec := range tb {
		for i, f := range rec {
			if i > 0 {
				b.WriteByte(',')
			}
			if quoteAll || strings.ContainsAny(f, ",\"\r\n") {
				b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
			} else {
				b.WriteString(f)
			}
		}
		b.WriteString(eol)
	}
	return b.String()
}

func confCol(tb confTable, col string) int {
	for i, h := range tb[0] {
		if strings.EqualFold(strings.TrimSpace(h), col) {
			return i
		}
	}
	return -1
}

// files is a context directory to write; a name ending in .gz is
// compressed.
type confDir map[string]string

func confClone(d confDir) confDir {
	out := confDir{}
	for k, v := range d {
		out[k] = v
	}
	return out
}

// eachFile rewrites every context file.
func eachFile(f func(name, s string) string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confDir{}
		for k, v := range d {
			out[k] = f(k, v)
		}
		return out
	}
}

// eachTable rewrites every context file as a table.
func eachTable(f func(name string, tb confTable) confTable, quoteAll bool, eol string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confDir{}
		for k, v := range d {
			out[k] = confRender(f(k, confParse(t, v)), quoteAll, eol)
		}
		return out
	}
}

// mapValues rewrites the values of the named columns of a file.
func mapValues(file string, cols []string, f func(string) string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confClone(d)
		tb := confParse(t, d[file])
		for _, c := range cols {
			i := confCol(tb, c)
			if i < 0 {
				t.Fatalf("%s has no column %s", file, c)
			}
			for _, rec := range tb[1:] {
				rec[i] = f(rec[i])
			}
		}
		out[file] = confRender(tb, false, "\n")
		return out
	}
}

func chain(fs ...func(*testing.T, confDir) confDir) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		for _, f := range fs {
			d = f(t, d)
		}
		return d
	}
}

// dropColumn removes a column from a file.
func dropColumn(file, col string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confClone(d)
		tb := confParse(t, d[file])
		i := confCol(tb, col)
		for k, rec := range tb {
			tb[k] = slices.Delete(rec, i, i+1)
		}
		out[file] = confRender(tb, false, "\n")
		return out
	}
}

func blankColumn(file, col string) func(*testing.T, confDir) confDir {
	return mapValues(file, []string{col}, func(string) string { return "" })
}

// confTimestampRE matches the plain form of a timestamp (UTC, Z).
var confTimestampRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// confTimeForms are the documented spellings of a timestamp, each a
// function of the plain form's instant.
var confTimeForms = []struct {
	name string
	f    func(time.Time) string
}{
	{"offset +01:00", func(t time.Time) string { return t.In(time.FixedZone("", 3600)).Format("2006-01-02T15:04:05-07:00") }},
	{"offset +02:00", func(t time.Time) string { return t.In(time.FixedZone("", 7200)).Format("2006-01-02T15:04:05-07:00") }},
	{"offset -05:30", func(t time.Time) string {
		return t.In(time.FixedZone("", -5*3600-1800)).Format("2006-01-02T15:04:05-07:00")
	}},
	{"offset +14:00", func(t time.Time) string { return t.In(time.FixedZone("", 14*3600)).Format("2006-01-02T15:04:05-07:00") }},
	{"offset +00:00", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + "+00:00" }},
	{"offset -00:00", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + "-00:00" }},
	{"lower-case t and z", func(t time.Time) string { return t.Format("2006-01-02t15:04:05") + "z" }},
	{"space between date and time", func(t time.Time) string { return t.Format("2006-01-02 15:04:05") + "Z" }},
	{"space and offset", func(t time.Time) string { return t.In(time.FixedZone("", 3600)).Format("2006-01-02 15:04:05-07:00") }},
	{"fraction .0", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + ".0Z" }},
	{"fraction .000", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + ".000Z" }},
	{"fraction of 9 digits", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + ".000000000Z" }},
	{"fraction of 6 digits and offset", func(t time.Time) string {
		return t.In(time.FixedZone("", 7200)).Format("2006-01-02T15:04:05.000000-07:00")
	}},
	{"fraction beyond nanoseconds cut", func(t time.Time) string { return t.Format("2006-01-02T15:04:05") + ".000000000999Z" }},
	{"fraction beyond nanoseconds, offset", func(t time.Time) string {
		return t.In(time.FixedZone("", 3600)).Format("2006-01-02T15:04:05") + ".0000000009+01:00"
	}},
	{"fraction beyond nanoseconds, lower case", func(t time.Time) string { return t.Format("2006-01-02t15:04:05") + ".000000000999z" }},
	{"fraction beyond nanoseconds, space", func(t time.Time) string { return t.Format("2006-01-02 15:04:05") + ".000000000999Z" }},
}

func confTimestamps(f func(time.Time) string) func(string) string {
	return func(v string) string {
		if !confTimestampRE.MatchString(v) {
			return v
		}
		tt, err := time.Parse(time.RFC3339, v)
		if err != nil {
			panic(err)
		}
		return f(tt)
	}
}

// writeConfDir writes d into a fresh directory.
func writeConfDir(t *testing.T, d confDir) string {
	t.Helper()
	dir := t.TempDir()
	for name, s := range d {
		data := []byte(s)
		if strings.HasSuffix(name, ".gz") {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			if _, err := zw.Write(data); err != nil {
				t.Fatal(err)
			}
			must(t, zw.Close())
			data = b.Bytes()
		}
		must(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

// dumpContext reads a context directory and renders every row and error,
// in file order. staged reads the big files through Stages, as scan does.
func dumpContext(t *testing.T, dir string, staged bool) []string {
	t.Helper()
	var out []string
	add := func(file string) func(v any) {
		return func(v any) { out = append(out, fmt.Sprintf("%s %+v", file, v)) }
	}
	h := interchange.ContextHandler{
		Unit:       func(v lekradar.Unit) error { add("unit")(v); return nil },
		Team:       func(v lekradar.Team) error { add("team")(v); return nil },
		Employee:   func(v lekradar.Employee) error { add("employee")(v); return nil },
		Person:     func(v lekradar.Person) error { add("person")(v); return nil },
		Relation:   func(v lekradar.Relation) error { add("relation")(v); return nil },
		Case:       func(v lekradar.Case) error { add("case")(v); return nil },
		CasePerson: func(v lekradar.CasePerson) error { add("case_person")(v); return nil },
		CaseStaff:  func(v lekradar.CaseStaff) error { add("case_staff")(v); return nil },
		Shift:      func(v lekradar.Shift) error { add("shift")(v); return nil },
		OnError: func(le *interchange.LineError) error {
			out = append(out, "error: "+le.Error())
			return nil
		},
	}
	if staged {
		h.Persons = &interchange.Stage[lekradar.Person]{Add: func(rows []lekradar.Person, _ []interchange.RowKeys) error {
			for _, v := range rows {
				add("person")(v)
			}
			return nil
		}}
		h.Relations = &interchange.Stage[lekradar.Relation]{Add: func(rows []lekradar.Relation, _ []interchange.RowKeys) error {
			for _, v := range rows {
				add("relation")(v)
			}
			return nil
		}}
		h.CasePersons = &interchange.Stage[lekradar.CasePerson]{Add: func(rows []lekradar.CasePerson, _ []interchange.RowKeys) error {
			for _, v := range rows {
				add("case_person")(v)
			}
			return nil
		}}
	}
	if err := interchange.ReadContextDir(context.Background(), dir, h); err != nil {
		t.Fatalf("ReadContextDir: %v", err)
	}
	return out
}

func TestConformanceContext(t *testing.T) {
	header := func(f func(string) string) func(*testing.T, confDir) confDir {
		return eachFile(func(_, s string) string {
			h, rest, _ := strings.Cut(s, "\n")
			return f(h) + "\n" + rest
		})
	}
	eachHeaderName := func(f func(string) string) func(string) string {
		return func(h string) string {
			names := strings.Split(h, ",")
			for i, n := range names {
				names[i] = f(n)
			}
			return strings.Join(names, ",")
		}
	}
	type variant struct {
		name string
		// ref rewrites the plain form into the reference the variant is
		// compared with (nil: the plain form itself)
		ref func(*testing.T, confDir) confDir
		f   func(*testing.T, confDir) confDir
	}
	tests := []variant{
		// Encoding and CSV dialect (section 1)
		{"BOM and CRLF on every file", nil, eachFile(func(_, s string) string { return "\xEF\xBB\xBF" + strings.ReplaceAll(s, "\n", "\r\n") })},
		{"CRLF without a final line end", nil, eachFile(func(_, s string) string {
			return strings.TrimSuffix(strings.ReplaceAll(s, "\n", "\r\n"), "\r\n")
		})},
		{"BOM then a blank line before the header", nil, eachFile(func(_, s string) string { return "\xEF\xBB\xBF\n \t\n" + s })},
		{"header in upper case", nil, header(strings.ToUpper)},
		{"header in title case with white space", nil, header(eachHeaderName(func(n string) string { return " \t" + strings.ToTitle(n[:1]) + n[1:] + "  " }))},
		{"header quoted, upper case, spaces inside the quotes", nil, header(eachHeaderName(func(n string) string { return `" ` + strings.ToUpper(n) + ` "` }))},
		{"columns reversed", nil, eachTable(func(_ string, tb confTable) confTable {
			for _, rec := range tb {
				slices.Reverse(rec)
			}
			return tb
		}, false, "\n")},
		{"unknown columns with quoted commas, quotes and line breaks", nil, eachTable(func(_ string, tb confTable) confTable {
			out := confTable{append(append([]string{"Export_Date"}, tb[0]...), "note", "note2")}
			for _, rec := range tb[1:] {
				out = append(out, append(append([]string{`de "Wit", 2026`}, rec...), "", "a,b\r\nc"))
			}
			return out
		}, false, "\n")},
		{"unknown column named twice", nil, eachTable(func(_ string, tb confTable) confTable {
			out := confTable{append(append([]string{}, tb[0]...), "x", "X")}
			for _, rec := range tb[1:] {
				out = append(out, append(append([]string{}, rec...), "1", "2"))
			}
			return out
		}, false, "\n")},
		{"every field quoted", nil, eachTable(func(_ string, tb confTable) confTable { return tb }, true, "\n")},
		{"every field quoted, CRLF", nil, eachTable(func(_ string, tb confTable) confTable { return tb }, true, "\r\n")},
		{"white space around values", nil, eachTable(func(_ string, tb confTable) confTable {
			for _, rec := range tb[1:] {
				for i := range rec {
					rec[i] = " \t" + rec[i] + " \v\f "
				}
			}
			return tb
		}, false, "\n")},
		{"white space inside quotes", nil, eachFile(func(_, s string) string {
			lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
			for k := 1; k < len(lines); k++ {
				fs := strings.Split(lines[k], ",")
				for i := range fs {
					fs[i] = `"  ` + fs[i] + "\t\""
				}
				lines[k] = strings.Join(fs, ",")
			}
			return strings.Join(lines, "\n") + "\n"
		})},
		{"white space outside quotes", nil, eachFile(func(_, s string) string {
			lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
			for k := 1; k < len(lines); k++ {
				fs := strings.Split(lines[k], ",")
				for i := range fs {
					fs[i] = ` "` + fs[i] + "\"\t"
				}
				lines[k] = strings.Join(fs, ",")
			}
			return strings.Join(lines, "\n") + "\n"
		})},
		{"blank lines everywhere", nil, eachFile(func(_, s string) string {
			return "\n  \n" + strings.ReplaceAll(s, "\n", "\n\n \t \r\n") + "\n   \n"
		})},
		{"every file gzip-compressed", nil, func(t *testing.T, d confDir) confDir {
			out := confDir{}
			for k, v := range d {
				out[k+".gz"] = v
			}
			return out
		}},
		{"gzip-compressed with BOM and CRLF", nil, func(t *testing.T, d confDir) confDir {
			out := confDir{}
			for k, v := range d {
				out[k+".gz"] = "\xEF\xBB\xBF" + strings.ReplaceAll(v, "\n", "\r\n")
			}
			return out
		}},

		// Optional files (section 2): absent reads as empty
		{"units.csv absent", blankFile("units.csv"), dropFile("units.csv")},
		{"relations.csv absent", blankFile("relations.csv"), dropFile("relations.csv")},
		{"shifts.csv absent", blankFile("shifts.csv"), dropFile("shifts.csv")},

		// Optional columns: absent reads as empty values
		{"units.csv without name", blankColumn("units.csv", "name"), dropColumn("units.csv", "name")},
		{"units.csv without fte", blankColumn("units.csv", "fte"), dropColumn("units.csv", "fte")},
		{"teams.csv without name", blankColumn("teams.csv", "name"), dropColumn("teams.csv", "name")},
		{"employees.csv without function", blankColumn("employees.csv", "function"), dropColumn("employees.csv", "function")},
		{"persons.csv without birth_year", blankColumn("persons.csv", "birth_year"), dropColumn("persons.csv", "birth_year")},
		{"persons.csv without house_number", blankColumn("persons.csv", "house_number"), dropColumn("persons.csv", "house_number")},
		{"persons.csv without flags", blankColumn("persons.csv", "flags"), dropColumn("persons.csv", "flags")},
		{"case_persons.csv without role", blankColumn("case_persons.csv", "role"), dropColumn("case_persons.csv", "role")},

		// Values
		{"codes in upper case", nil, chain(
			mapValues("teams.csv", []string{"kind"}, strings.ToUpper),
			mapValues("employees.csv", []string{"rank"}, strings.ToUpper),
			mapValues("relations.csv", []string{"kind"}, strings.ToUpper),
			mapValues("cases.csv", []string{"kind"}, strings.ToUpper))},
		{"codes capitalised", nil, chain(
			mapValues("teams.csv", []string{"kind"}, confCapital),
			mapValues("employees.csv", []string{"rank"}, confCapital),
			mapValues("relations.csv", []string{"kind"}, confCapital),
			mapValues("cases.csv", []string{"kind"}, confCapital))},
		{"postcode in lower case with a space", nil, mapValues("persons.csv", []string{"postcode"}, func(v string) string {
			if len(v) < 6 {
				return v
			}
			return strings.ToLower(v[:4] + " " + v[4:])
		})},
		{"postcode with spaces and a tab", nil, mapValues("persons.csv", []string{"postcode"}, func(v string) string {
			if len(v) < 6 {
				return v
			}
			return v[:2] + " " + v[2:4] + " \t" + strings.ToLower(v[4:])
		})},
		{"flags in other case, spaced, repeated, unknown", nil, mapValues("persons.csv", []string{"flags"}, func(v string) string {
			if v == "" {
				return "Onbekend;;politiek"
			}
			return " " + strings.ToUpper(v) + " ; " + v + ";foo;"
		})},
		{"fte with a decimal comma", nil, mapValues("units.csv", []string{"fte"}, func(v string) string { return strings.Replace(v, ".", ",", 1) })},
		{"fte with trailing zeros", nil, mapValues("units.csv", []string{"fte"}, func(v string) string {
			if v == "" {
				return v
			}
			return v + "000"
		})},
	}
	for _, s := range []string{"true", "TRUE", "True", "1", "yes", "YES", "Yes", "y", "Y", "ja", "JA", "Ja", "j", "J"} {
		tests = append(tests, variant{"boolean true as " + s, nil,
			mapValues("cases.csv", []string{"sensitive"}, func(v string) string { return confIf(v == "true", s, v) })})
	}
	for _, s := range []string{"false", "FALSE", "False", "0", "no", "NO", "No", "n", "N", "nee", "NEE", "Nee", ""} {
		tests = append(tests, variant{"boolean false as " + confIf(s == "", "(empty)", s), nil,
			mapValues("cases.csv", []string{"sensitive"}, func(v string) string { return confIf(v == "false", s, v) })})
	}
	for _, tf := range confTimeForms {
		tests = append(tests, variant{"timestamps: " + tf.name, nil, chain(
			mapValues("cases.csv", []string{"opened", "closed"}, confTimestamps(tf.f)),
			mapValues("case_staff.csv", []string{"from", "to"}, confTimestamps(tf.f)),
			mapValues("shifts.csv", []string{"start", "end"}, confTimestamps(tf.f)))})
	}

	plainDir := writeConfDir(t, confContext)
	plain := dumpContext(t, plainDir, false)
	if len(plain) != 26 {
		t.Fatalf("the plain form reads as %d rows:\n%s", len(plain), strings.Join(plain, "\n"))
	}
	if staged := dumpContext(t, plainDir, true); !reflect.DeepEqual(staged, plain) {
		t.Fatalf("staged read of the plain form differs:\n%s", strings.Join(staged, "\n"))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := plain
			if tc.ref != nil {
				want = dumpContext(t, writeConfDir(t, tc.ref(t, confClone(confContext))), false)
			}
			dir := writeConfDir(t, tc.f(t, confClone(confContext)))
			for _, staged := range []bool{false, true} {
				got := dumpContext(t, dir, staged)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("staged=%v: read differently from the plain form:\n got:\n%s\nwant:\n%s", staged,
						strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

func confCapital(v string) string {
	if v == "" {
		return v
	}
	return strings.ToUpper(v[:1]) + v[1:]
}

func confIf(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func dropFile(name string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confClone(d)
		delete(out, name)
		return out
	}
}

// blankFile leaves only the header of a file.
func blankFile(name string) func(*testing.T, confDir) confDir {
	return func(t *testing.T, d confDir) confDir {
		out := confClone(d)
		h, _, _ := strings.Cut(d[name], "\n")
		out[name] = h + "\n"
		return out
	}
}

// confEvents is the plain form of a look-up log.
var confEvents = []map[string]any{
	{"id": "e-000001", "ts": "2026-03-02T14:05:09Z", "employee_id": "E1042", "system": "bvh", "action": "view", "person_id": "P88231", "case_id": "C771"},
	{"id": "e-000002", "ts": "2026-03-02T14:05:31Z", "employee_id": "E1042", "system": "bvh", "action": "query", "person_id": "P10007"},
	{"id": "e-000003", "ts": "2026-03-02T14:06:00Z", "employee_id": "E7", "action": "export", "person_id": "P1"},
	{"id": "e-000004", "ts": "2026-03-02T14:07:00Z", "employee_id": "E7", "system": "summit", "action": "print", "person_id": "P2", "case_id": "C9"},
}

var confEventKeys = []string{"id", "ts", "employee_id", "system", "action", "person_id", "case_id"}

// confJSONL renders events one per line, keys in the given order, absent
// keys left out.
func confJSONL(evs []map[string]any, keys []string, sep, colon, eol string) string {
	var b strings.Builder
	for _, ev := range evs {
		b.WriteString("{")
		first := true
		for _, k := range keys {
			v, ok := ev[k]
			if !ok {
				continue
			}
			if !first {
				b.WriteString(sep)
			}
			first = false
			kb, _ := json.Marshal(k)
			vb, _ := json.Marshal(v)
			b.Write(kb)
			b.WriteString(colon)
			b.Write(vb)
		}
		b.WriteString("}" + eol)
	}
	return b.String()
}

func confEventsCSV(evs []map[string]any, cols []string, header []string, quoteAll bool, eol string) string {
	tb := confTable{header}
	if header == nil {
		tb[0] = cols
	}
	for _, ev := range evs {
		var rec []string
		for _, c := range cols {
			s, _ := ev[c].(string)
			rec = append(rec, s)
		}
		tb = append(tb, rec)
	}
	return confRender(tb, quoteAll, eol)
}

func confMapEvents(f func(map[string]any) map[string]any) []map[string]any {
	var out []map[string]any
	for _, ev := range confEvents {
		c := map[string]any{}
		for k, v := range ev {
			c[k] = v
		}
		out = append(out, f(c))
	}
	return out
}

// dumpEvents reads a log with EventReader and with PipelinedEventReader
// and renders the events and errors of both.
func dumpEvents(t *testing.T, data []byte) []string {
	t.Helper()
	read := func(pipelined bool) []string {
		er, err := interchange.NewEventReader(bytes.NewReader(data), "events")
		if err != nil {
			t.Fatalf("NewEventReader: %v", err)
		}
		next := er.Next
		if pipelined {
			p := interchange.NewPipelinedEventReader(er)
			defer p.Close()
			next = p.Next
		}
		var out []string
		for {
			var ev lekradar.LookupEvent
			err := next(&ev)
			if err == io.EOF {
				return out
			}
			if le, ok := interchange.AsLineError(err); ok {
				out = append(out, "error: "+le.Error())
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%+v", ev))
		}
	}
	seq := read(false)
	if pipe := read(true); !reflect.DeepEqual(pipe, seq) {
		t.Errorf("pipelined read differs:\n%s\nsequential:\n%s", strings.Join(pipe, "\n"), strings.Join(seq, "\n"))
	}
	return seq
}

func TestConformanceEvents(t *testing.T) {
	plainText := confJSONL(confEvents, confEventKeys, ",", ":", "\n")
	plain := dumpEvents(t, []byte(plainText))
	if len(plain) != len(confEvents) || strings.HasPrefix(plain[0], "error") {
		t.Fatalf("plain form: %v", plain)
	}
	// Without system and case_id: the reference for logs that leave them out.
	noOptional := dumpEvents(t, []byte(confJSONL(confMapEvents(func(ev map[string]any) map[string]any {
		delete(ev, "system")
		delete(ev, "case_id")
		return ev
	}), confEventKeys, ",", ":", "\n")))
	upperKeys := make([]string, len(confEventKeys))
	for i, k := range confEventKeys {
		upperKeys[i] = strings.ToUpper(k)
	}
	reversed := slices.Clone(confEventKeys)
	slices.Reverse(reversed)
	lines := func(f func(i int, line string) string) string {
		ls := strings.Split(strings.TrimSuffix(plainText, "\n"), "\n")
		for i := range ls {
			ls[i] = f(i, ls[i])
		}
		return strings.Join(ls, "\n") + "\n"
	}
	tests := []struct {
		name string
		in   string
		want []string // nil: the plain form
	}{
		// JSON Lines
		{"BOM", "\xEF\xBB\xBF" + plainText, nil},
		{"CRLF", strings.ReplaceAll(plainText, "\n", "\r\n"), nil},
		{"BOM, CRLF, no final line end", "\xEF\xBB\xBF" + strings.TrimSuffix(strings.ReplaceAll(plainText, "\n", "\r\n"), "\r\n"), nil},
		{"blank lines", "\n \t\n" + strings.ReplaceAll(plainText, "\n", "\n\n   \n\r\n"), nil},
		{"white space wherever JSON allows", lines(func(_ int, l string) string {
			l = strings.ReplaceAll(l, `":`, "\" \t:  ")
			l = strings.ReplaceAll(l, `,"`, " ,\t\"")
			return " \t" + strings.Replace(strings.Replace(l, "{", "{ ", 1), "}", " }", 1) + " \t"
		}), nil},
		{"keys in reverse order", confJSONL(confEvents, reversed, ",", ":", "\n"), nil},
		{"keys in upper case", confJSONL(confMapEvents(func(ev map[string]any) map[string]any {
			out := map[string]any{}
			for k, v := range ev {
				out[strings.ToUpper(k)] = v
			}
			return out
		}), upperKeys, ",", ":", "\n"), nil},
		{"unknown keys with any JSON values", lines(func(_ int, l string) string {
			return `{"x":{"a":[1,null,{"b":"}"}],"c":"\u00e9"},"n":-1.5e3,"t":true,"f":false,"z":null,"s":"ts",` + l[1:len(l)-1] + `,"y":[]}`
		}), nil},
		{"a key given twice, the last counts", lines(func(_ int, l string) string {
			return `{"id":"bogus","ts":"1999-01-01T00:00:00Z","action":"delete","person_id":"X",` + l[1:]
		}), nil},
		{"a key given twice in other case, the later counts", lines(func(_ int, l string) string {
			return `{"ID":"bogus","Ts":"1999-01-01T00:00:00Z",` + l[1:]
		}), nil},
		{"escapes in keys and values", lines(func(_ int, l string) string {
			l = strings.ReplaceAll(l, `"id"`, `"\u0069d"`)
			l = strings.ReplaceAll(l, `:"E`, `:"\u0045`)
			return strings.ReplaceAll(l, `:"P`, `:"\u0050`)
		}), nil},
		{"white space around values", lines(func(_ int, l string) string {
			return strings.NewReplacer(`:"`, `:" \t`, `",`, ` \t",`, `"}`, `  "}`).Replace(l)
		}), nil},
		{"action in upper case", strings.NewReplacer(`"view"`, `"VIEW"`, `"query"`, `"Query"`, `"export"`, `"EXPORT"`).Replace(plainText), nil},
		{"system and case_id null", confJSONL(confMapEvents(func(ev map[string]any) map[string]any {
			ev["system"], ev["case_id"] = nil, nil
			return ev
		}), confEventKeys, ",", ":", "\n"), noOptional},
		{"system and case_id empty strings", confJSONL(confMapEvents(func(ev map[string]any) map[string]any {
			ev["system"], ev["case_id"] = "", "  "
			return ev
		}), confEventKeys, ",", ":", "\n"), noOptional},

		// CSV
		{"CSV", confEventsCSV(confEvents, confEventKeys, nil, false, "\n"), nil},
		{"CSV, BOM and CRLF", "\xEF\xBB\xBF" + confEventsCSV(confEvents, confEventKeys, nil, false, "\r\n"), nil},
		{"CSV, every field quoted", confEventsCSV(confEvents, confEventKeys, nil, true, "\n"), nil},
		{"CSV, header in upper case with spaces", confEventsCSV(confEvents, confEventKeys, []string{" ID", "TS ", "Employee_ID", "\tSystem", "ACTION", "Person_Id", "CASE_ID"}, false, "\n"), nil},
		{"CSV, columns reversed", confEventsCSV(confEvents, reversed, nil, false, "\n"), nil},
		{"CSV, without system and case_id", confEventsCSV(confEvents, []string{"id", "ts", "employee_id", "action", "person_id"}, nil, false, "\n"), noOptional},
		{"CSV, unknown columns", func() string {
			tb := confParse(t, confEventsCSV(confEvents, confEventKeys, nil, false, "\n"))
			tb[0] = append([]string{"extra"}, append(tb[0], "Extra2")...)
			for i := 1; i < len(tb); i++ {
				tb[i] = append([]string{`a,"b"`}, append(tb[i], "multi\nline")...)
			}
			return confRender(tb, false, "\r\n")
		}(), nil},
		{"CSV, blank lines and a blank line before the header", "\n  \n" + strings.ReplaceAll(confEventsCSV(confEvents, confEventKeys, nil, false, "\n"), "\n", "\n\n \t\n"), nil},
		{"CSV, action in upper case", strings.NewReplacer(",view,", ",VIEW,", ",print,", ",Print,").Replace(confEventsCSV(confEvents, confEventKeys, nil, false, "\n")), nil},
	}
	for _, tf := range confTimeForms {
		conv := confTimestamps(tf.f)
		evs := confMapEvents(func(ev map[string]any) map[string]any { ev["ts"] = conv(ev["ts"].(string)); return ev })
		tests = append(tests,
			struct {
				name string
				in   string
				want []string
			}{"ts: " + tf.name, confJSONL(evs, confEventKeys, ",", ":", "\n"), nil},
			struct {
				name string
				in   string
				want []string
			}{"CSV ts: " + tf.name, confEventsCSV(evs, confEventKeys, nil, false, "\n"), nil})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == nil {
				want = plain
			}
			if got := dumpEvents(t, []byte(tc.in)); !reflect.DeepEqual(got, want) {
				t.Errorf("read differently:\n got:\n%s\nwant:\n%s\ninput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), tc.in)
			}
		})
	}

	// A file ending in .gz is decompressed, whatever the rest of its name.
	for _, name := range []string{"events.jsonl.gz", "events.csv.gz", "log.gz"} {
		t.Run("gzip file "+name, func(t *testing.T) {
			text := plainText
			if strings.Contains(name, "csv") {
				text = "\xEF\xBB\xBF" + confEventsCSV(confEvents, confEventKeys, nil, true, "\r\n")
			}
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			_, err := zw.Write([]byte(text))
			must(t, err)
			must(t, zw.Close())
			path := filepath.Join(t.TempDir(), name)
			must(t, os.WriteFile(path, b.Bytes(), 0o644))
			f, err := interchange.OpenEvents(path)
			must(t, err)
			defer f.Close()
			data, err := io.ReadAll(f)
			must(t, err)
			if got := dumpEvents(t, data); !reflect.DeepEqual(got, plain) {
				t.Errorf("read differently:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// TestConformanceEventOrder checks that logs further out of order than the
// reorder window are found by the quick pass (so that scan sorts them),
// whatever documented form they take.
func TestConformanceEventOrder(t *testing.T) {
	// The third event lies three days behind the second.
	evs := []map[string]any{
		{"id": "a", "ts": "2026-03-05T09:00:00Z", "employee_id": "E1", "action": "view", "person_id": "P1"},
		{"id": "b", "ts": "2026-03-05T10:00:00Z", "employee_id": "E1", "action": "view", "person_id": "P2"},
		{"id": "c", "ts": "2026-03-02T10:00:00Z", "employee_id": "E2", "action": "view", "person_id": "P3", "case_id": "C1"},
	}
	keys := confEventKeys
	offset := func(ev []map[string]any) []map[string]any {
		var out []map[string]any
		for _, e := range ev {
			c := map[string]any{}
			for k, v := range e {
				c[k] = v
			}
			tt, _ := time.Parse(time.RFC3339, e["ts"].(string))
			c["ts"] = tt.In(time.FixedZone("", 3600)).Format("2006-01-02 15:04:05.000-07:00")
			out = append(out, c)
		}
		return out
	}
	tests := []struct{ name, in string }{
		{"JSON Lines", confJSONL(evs, keys, ",", ":", "\n")},
		{"JSON Lines, BOM, CRLF, blank lines", "\xEF\xBB\xBF\r\n" + confJSONL(evs, keys, ",", ":", "\r\n\r\n")},
		{"JSON Lines, space before the colon", confJSONL(evs, keys, " , ", " : ", "\n")},
		{"JSON Lines, offsets and fractions", confJSONL(offset(evs), keys, ",", ":", "\n")},
		{"CSV", confEventsCSV(evs, keys, nil, false, "\n")},
		{"CSV, BOM, CRLF, header in other case", "\xEF\xBB\xBF" + confEventsCSV(evs, keys, []string{"ID", " Ts ", "EMPLOYEE_ID", "system", "action", "person_id", "case_id"}, false, "\r\n")},
		{"CSV, blank line before the header", "\n \n" + confEventsCSV(evs, keys, nil, false, "\n")},
		{"CSV, ts first", confEventsCSV(evs, []string{"ts", "id", "employee_id", "action", "person_id"}, nil, false, "\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			oc, err := interchange.CheckEventOrder(strings.NewReader(tc.in), 10*time.Minute)
			must(t, err)
			if oc.InOrder || oc.Behind < 70*time.Hour {
				t.Errorf("got %+v, want the third event found three days behind\n%s", oc, tc.in)
			}
		})
	}
}

// TestConformanceTruth applies the general CSV rules to truth.csv.
func TestConformanceTruth(t *testing.T) {
	plainText := "event_id,incident_id,scenario\ne-004711,I-0042,ex_partner\ne-004712,,vip_curiosity\n"
	read := func(s string) []interchange.TruthRow {
		rows, err := interchange.ReadTruth(context.Background(), strings.NewReader(s), "truth.csv")
		if err != nil {
			t.Fatalf("ReadTruth: %v", err)
		}
		return rows
	}
	plain := read(plainText)
	tb := confParse(t, plainText)
	rev := confTable{}
	for _, rec := range tb {
		r := slices.Clone(rec)
		slices.Reverse(r)
		rev = append(rev, append(r, "extra"))
	}
	for _, tc := range []struct{ name, in string }{
		{"BOM, CRLF, blank lines", "\xEF\xBB\xBF\r\n" + strings.ReplaceAll(plainText, "\n", "\r\n\r\n")},
		{"every field quoted, header in upper case", strings.ToUpper(confRender(tb[:1], true, "\n")) + confRender(tb[1:], true, "\n")},
		{"columns reversed, an unknown column", confRender(rev, false, "\n")},
		{"white space around values", strings.ReplaceAll(plainText, ",", " \t, ")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := read(tc.in); !reflect.DeepEqual(got, plain) {
				t.Errorf("got %+v, want %+v", got, plain)
			}
		})
	}
}

// TestConformanceValues checks documented edges of the value types.
func TestConformanceValues(t *testing.T) {
	shift := func(start, end string) ([]lekradar.Shift, error) {
		var got []lekradar.Shift
		err := interchange.ReadShifts(context.Background(), strings.NewReader("employee_id,start,end\nE1,"+start+","+end+"\n"),
			"shifts.csv", func(s lekradar.Shift) error { got = append(got, s); return nil }, nil)
		return got, err
	}
	for _, tc := range []struct {
		name, start, end string
		wantStart        string
	}{
		{"digits beyond nanoseconds are cut, not rounded", "2026-03-02T14:05:09.9999999999Z", "2026-03-02T15:00:00Z", "2026-03-02T14:05:09.999999999Z"},
		{"digits beyond nanoseconds with an offset", "2026-03-02T15:05:09.1234567891+01:00", "2026-03-02T15:00:00Z", "2026-03-02T14:05:09.123456789Z"},
		{"first instant of 1678", "1678-01-01T00:00:00Z", "1678-01-01T01:00:00Z", "1678-01-01T00:00:00Z"},
		{"last second of 2261", "2261-12-31T23:59:58Z", "2261-12-31T23:59:59Z", "2261-12-31T23:59:58Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := shift(tc.start, tc.end)
			must(t, err)
			if len(got) != 1 || !got[0].Start.Equal(ts(tc.wantStart)) {
				t.Errorf("got %+v, want start %s", got, tc.wantStart)
			}
		})
	}
	t.Run("invalid UTF-8 in a JSON string is replaced by U+FFFD", func(t *testing.T) {
		evs, errs := readAllEvents(t, `{"id":"e1","ts":"2026-03-02T14:05:09Z","employee_id":"E1","action":"view","person_id":"P`+"\xff"+`1"}`+"\n")
		if len(errs) > 0 || len(evs) != 1 || evs[0].PersonID != "P\uFFFD1" {
			t.Errorf("events %+v, errors %v", evs, errs)
		}
	})
	t.Run("a non-breaking space is kept", func(t *testing.T) {
		var got []lekradar.Person
		must(t, interchange.ReadPersons(context.Background(), strings.NewReader("person_id,surname,postcode\nP1\u00a0,x,1012AB\n"), "persons.csv",
			func(p lekradar.Person) error { got = append(got, p); return nil }, nil))
		if len(got) != 1 || got[0].ID != "P1\u00a0" {
			t.Errorf("got %+v", got)
		}
	})
}

// TestConformanceErrors checks that forbidden input is reported with file,
// line, column, value and what is allowed, and never panics.
func TestConformanceErrors(t *testing.T) {
	ctx := context.Background()
	cases := func(row string) error {
		return interchange.ReadCases(ctx, strings.NewReader("case_id,kind,unit_id,team_id,opened,closed,sensitive\n\n"+row+"\n"), "cases.csv",
			func(lekradar.Case) error { return nil }, nil)
	}
	tests := []struct {
		name          string
		read          func() error
		line          int
		column, value string
		msg           string
	}{
		{"boolean f", func() error { return cases("C1,intake,u,t,,,f") }, 3, "sensitive", "f", "allowed: true, false, 1, 0, yes, no, y, n, ja, nee, j"},
		{"boolean 2", func() error { return cases("C1,intake,u,t,,,2") }, 3, "sensitive", "2", "not a boolean"},
		{"boolean unknown", func() error { return cases("C1,intake,u,t,,,unknown") }, 3, "sensitive", "unknown", "not a boolean"},
		{"date 2-3-2026", func() error { return cases("C1,intake,u,t,2-3-2026,,") }, 3, "opened", "2-3-2026", "YYYY-MM-DD"},
		{"date 2026-3-2", func() error { return cases("C1,intake,u,t,2026-3-2,,") }, 3, "opened", "2026-3-2", "YYYY-MM-DD"},
		{"30 February", func() error { return cases("C1,intake,u,t,2026-02-30T10:00:00Z,,") }, 3, "opened", "2026-02-30T10:00:00Z", "no such date"},
		{"time without seconds", func() error { return cases("C1,intake,u,t,2026-03-02T14:05Z,,") }, 3, "opened", "2026-03-02T14:05Z", "RFC 3339"},
		{"header names a known column twice in other case", func() error {
			_, err := interchange.ReadTruth(ctx, strings.NewReader("event_id,Scenario,incident_id,SCENARIO\n"), "truth.csv")
			return err
		}, 1, "scenario", "", "twice"},
		{"header with a hyphen", func() error {
			_, err := interchange.NewEventReader(strings.NewReader("id,ts,employee-id,action,person_id\n"), "events.csv")
			return err
		}, 1, "employee_id", "", "header has: id, ts, employee-id, action, person_id"},
		{"CSV event row with a field too many", func() error {
			er, err := interchange.NewEventReader(strings.NewReader("id,ts,employee_id,action,person_id\ne1,2026-03-02T14:05:09Z,E1,view,P1,x\n"), "events.csv")
			if err != nil {
				return err
			}
			var ev lekradar.LookupEvent
			return er.Next(&ev)
		}, 2, "", "", "row has 6 fields, the header has 5"},
		{"event ts offset without colon", func() error {
			er, err := interchange.NewEventReader(strings.NewReader(`{"id":"e1","ts":"2026-03-02T14:05:09+0100","employee_id":"E1","action":"view","person_id":"P1"}`), "events.jsonl")
			if err != nil {
				return err
			}
			var ev lekradar.LookupEvent
			return er.Next(&ev)
		}, 1, "ts", "2026-03-02T14:05:09+0100", "RFC 3339"},
		{"required file missing header column", func() error {
			return interchange.ReadPersons(ctx, strings.NewReader("\xEF\xBB\xBFperson_id,surname,birth_year,house_number\n"), "persons.csv", nil, nil)
		}, 1, "postcode", "", "required column missing from the header (header has: person_id, surname, birth_year, house_number)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read()
			le, ok := interchange.AsLineError(err)
			if !ok {
				t.Fatalf("err = %v, want a *LineError", err)
			}
			if le.Line != tc.line || le.Column != tc.column || le.Value != tc.value || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("got %+v\nwant line %d column %q value %q msg containing %q", le, tc.line, tc.column, tc.value, tc.msg)
			}
			if le.File == "" || !strings.HasPrefix(le.Error(), le.File+" line ") {
				t.Errorf("Error() = %q", le.Error())
			}
		})
	}
}
