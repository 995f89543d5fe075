package interchange

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"lekradar"
)

// The files of a context directory, in the order ReadContextDir reads them.
const (
	FileUnits       = "units.csv"
	FileTeams       = "teams.csv"
	FileEmployees   = "employees.csv"
	FilePersons     = "persons.csv"
	FileRelations   = "relations.csv"
	FileCases       = "cases.csv"
	FileCasePersons = "case_persons.csv"
	FileCaseStaff   = "case_staff.csv"
	FileShifts      = "shifts.csv"
)

// OptionalContextFiles may be absent from a context directory; an absent one
// reads as a file with no rows.
var OptionalContextFiles = []string{FileUnits, FileRelations, FileShifts}

// ContextHandler receives the rows of a context directory. A nil callback
// skips its file (which must still exist unless it is optional). OnError
// gets every bad row: return nil to skip the row and go on, an error to
// stop; a nil OnError stops at the first bad row.
type ContextHandler struct {
	Unit       func(lekradar.Unit) error
	Team       func(lekradar.Team) error
	Employee   func(lekradar.Employee) error
	Person     func(lekradar.Person) error
	Relation   func(lekradar.Relation) error
	Case       func(lekradar.Case) error
	CasePerson func(lekradar.CasePerson) error
	CaseStaff  func(lekradar.CaseStaff) error
	Shift      func(lekradar.Shift) error
	OnError    func(*LineError) error

	// Persons, Relations and CasePersons, when set, take the place of
	// Person, Relation and CasePerson: the file is then parsed on all cores
	// (see Stage).
	Persons     *Stage[lekradar.Person]
	Relations   *Stage[lekradar.Relation]
	CasePersons *Stage[lekradar.CasePerson]
}

// ReadContextDir reads the nine files of a context directory in the order
// units, teams, employees, persons, relations, cases, case_persons,
// case_staff, shifts. A file may also be given gzip-compressed as NAME.gz.
// A missing required file is an error naming it.
func ReadContextDir(ctx context.Context, dir string, h ContextHandler) error {
	// With more than one core, each file is parsed on a second goroutine
	// while the callbacks (index building) run on this one.
	pipe := runtime.GOMAXPROCS(0) > 1
	steps := []struct {
		file string
		skip bool
		read func(io.Reader) error
	}{
		{FileUnits, h.Unit == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileUnits, unitCols, parseUnit, h.Unit, h.OnError, pipe)
		}},
		{FileTeams, h.Team == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileTeams, teamCols, parseTeam, h.Team, h.OnError, pipe)
		}},
		{FileEmployees, h.Employee == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileEmployees, employeeCols, parseEmployee, h.Employee, h.OnError, pipe)
		}},
		{FilePersons, h.Person == nil && h.Persons == nil, func(r io.Reader) error {
			if h.Persons != nil {
				return readTableStaged(ctx, r, FilePersons, personCols, parsePerson, h.Persons, h.OnError)
			}
			return readFile(ctx, r, FilePersons, personCols, parsePerson, h.Person, h.OnError, pipe)
		}},
		{FileRelations, h.Relation == nil && h.Relations == nil, func(r io.Reader) error {
			if h.Relations != nil {
				return readTableStaged(ctx, r, FileRelations, relationCols, parseRelation, h.Relations, h.OnError)
			}
			return readFile(ctx, r, FileRelations, relationCols, parseRelation, h.Relation, h.OnError, pipe)
		}},
		{FileCases, h.Case == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileCases, caseCols, parseCase, h.Case, h.OnError, pipe)
		}},
		{FileCasePersons, h.CasePerson == nil && h.CasePersons == nil, func(r io.Reader) error {
			if h.CasePersons != nil {
				return readTableStaged(ctx, r, FileCasePersons, casePersonCols, parseCasePerson, h.CasePersons, h.OnError)
			}
			return readFile(ctx, r, FileCasePersons, casePersonCols, parseCasePerson, h.CasePerson, h.OnError, pipe)
		}},
		{FileCaseStaff, h.CaseStaff == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileCaseStaff, caseStaffCols, parseCaseStaff, h.CaseStaff, h.OnError, pipe)
		}},
		{FileShifts, h.Shift == nil, func(r io.Reader) error {
			return readFile(ctx, r, FileShifts, shiftCols, parseShift, h.Shift, h.OnError, pipe)
		}},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		f, err := openContextFile(dir, s.file)
		if err != nil {
			return err
		}
		if f == nil {
			continue // optional and absent
		}
		if s.skip {
			f.Close()
			continue
		}
		err = s.read(f)
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("read %s: %w", s.file, cerr)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readFile[T any](ctx context.Context, r io.Reader, name string, cols []column,
	parse func(*row, *T) *LineError, fn func(T) error, onErr func(*LineError) error, pipelined bool) error {
	if pipelined {
		return readTablePipelined(ctx, r, name, cols, parse, fn, onErr)
	}
	return readTable(ctx, r, name, cols, parse, fn, onErr)
}

// openContextFile opens dir/name or dir/name.gz. It returns nil, nil for an
// absent optional file.
func openContextFile(dir, name string) (io.ReadCloser, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if gz, gerr := os.Open(filepath.Join(dir, name+".gz")); gerr == nil {
		return newGzipFile(gz, name+".gz")
	}
	for _, o := range OptionalContextFiles {
		if o == name {
			return nil, nil
		}
	}
	return nil, fmt.Errorf("context directory %s: required file %s is missing", dir, name)
}

type gzipFile struct {
	*gzip.Reader
	f *os.File
}

func (g gzipFile) Close() error {
	err := g.Reader.Close()
	if ferr := g.f.Close(); err == nil {
		err = ferr
	}
	return err
}

func newGzipFile(f *os.File, name string) (io.ReadCloser, error) {
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return gzipFile{zr, f}, nil
}

var unitCols = []column{{"unit_id", true}, {"name", false}, {"fte", false}}

// ReadUnits reads units.csv.
func ReadUnits(ctx context.Context, r io.Reader, name string, fn func(lekradar.Unit) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, unitCols, parseUnit, fn, onErr)
}

func parseUnit(r *row, u *lekradar.Unit) (le *LineError) {
	if u.ID, le = r.required(0); le != nil {
		return le
	}
	u.Name = r.str(1)
	if v := r.get(2); len(v) > 0 {
		f, ok := parseFTE(v)
		if !ok {
			return r.fail(2, v, "not a non-negative number (full-time equivalents, e.g. 4210.5)")
		}
		u.FTE = f
	}
	return nil
}

var teamCols = []column{{"team_id", true}, {"unit_id", true}, {"kind", true}, {"name", false}}

// ReadTeams reads teams.csv. kind is a team_kind code of the codebook.
func ReadTeams(ctx context.Context, r io.Reader, name string, fn func(lekradar.Team) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, teamCols, parseTeam, fn, onErr)
}

func parseTeam(r *row, t *lekradar.Team) (le *LineError) {
	if t.ID, le = r.required(0); le != nil {
		return le
	}
	t.UnitID = r.str(1)
	if t.Kind, le = r.code(2, codebookLists().teamKinds, "team_kind code", true); le != nil {
		return le
	}
	t.Name = r.str(3)
	return nil
}

var employeeCols = []column{{"employee_id", true}, {"person_id", true}, {"surname", true}, {"unit_id", true},
	{"team_id", true}, {"rank", true}, {"function", false}}

// ReadEmployees reads employees.csv. rank is a rank code of the codebook.
func ReadEmployees(ctx context.Context, r io.Reader, name string, fn func(lekradar.Employee) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, employeeCols, parseEmployee, fn, onErr)
}

func parseEmployee(r *row, e *lekradar.Employee) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	if e.Rank, le = r.code(5, codebookLists().ranks, "rank code", true); le != nil {
		return le
	}
	r.startPack()
	for _, k := range [...]int{0, 1, 2, 3, 4, 6} {
		r.add(r.get(k))
	}
	s := r.packed()
	e.ID, e.PersonID, e.Surname, e.UnitID, e.TeamID, e.Function = r.part(s, 0), r.part(s, 1), r.part(s, 2), r.part(s, 3), r.part(s, 4), r.part(s, 5)
	return nil
}

var personCols = []column{{"person_id", true}, {"surname", true}, {"birth_year", false}, {"postcode", true},
	{"house_number", false}, {"flags", false}}

// ReadPersons reads persons.csv. Postcodes are normalised (spaces removed,
// upper case); unknown flags are ignored.
func ReadPersons(ctx context.Context, r io.Reader, name string, fn func(lekradar.Person) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, personCols, parsePerson, fn, onErr)
}

func parsePerson(r *row, p *lekradar.Person) (le *LineError) {
	id := r.get(0)
	if len(id) == 0 {
		return r.fail(0, nil, "value is required")
	}
	if v := r.get(2); len(v) > 0 {
		y, ok := parseBirthYear(v)
		if !ok {
			return r.fail(2, v, "not a year between 1800 and 2200 (empty = unknown)")
		}
		p.BirthYear = y
	}
	if r.keep {
		// Values alias the chunk; only a postcode to normalise is copied.
		p.ID, p.Surname, p.HouseNumber = r.view(id), r.view(r.get(1)), r.view(r.get(4))
		pc := r.get(3)
		if !normalPostcode(pc) {
			r.startPack()
			r.pack = appendPostcode(r.pack, pc)
			pc = r.pack[r.mark:]
		}
		p.Postcode = r.view(pc)
		p.Flags = sharedFlags[flagMask(r.get(5))]
		return nil
	}
	r.startPack()
	r.add(id)
	r.add(r.get(1))
	r.add(r.get(4))
	r.pack = appendPostcode(r.pack, r.get(3))
	r.ends = append(r.ends, len(r.pack))
	s := r.packed()
	p.ID, p.Surname, p.HouseNumber, p.Postcode = r.part(s, 0), r.part(s, 1), r.part(s, 2), r.part(s, 3)
	p.Flags = parseFlags(r.get(5))
	return nil
}

var relationCols = []column{{"person_id", true}, {"related_person_id", true}, {"kind", true}}

// normalPostcode reports whether appendPostcode would copy b unchanged.
func normalPostcode(b []byte) bool {
	for _, c := range b {
		if c == ' ' || c == '\t' || 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// ReadRelations reads relations.csv.
func ReadRelations(ctx context.Context, r io.Reader, name string, fn func(lekradar.Relation) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, relationCols, parseRelation, fn, onErr)
}

func parseRelation(r *row, rel *lekradar.Relation) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	if le = r.need(1); le != nil {
		return le
	}
	if rel.Kind, le = r.code(2, relationKinds, "relation kind", false); le != nil {
		return le
	}
	if r.keep {
		rel.PersonID, rel.RelatedPersonID = r.view(r.get(0)), r.view(r.get(1))
		return nil
	}
	r.startPack()
	r.add(r.get(0))
	r.add(r.get(1))
	s := r.packed()
	rel.PersonID, rel.RelatedPersonID = r.part(s, 0), r.part(s, 1)
	return nil
}

var caseCols = []column{{"case_id", true}, {"kind", true}, {"unit_id", true}, {"team_id", true},
	{"opened", true}, {"closed", true}, {"sensitive", true}}

// ReadCases reads cases.csv. opened and closed are a date or a timestamp.
func ReadCases(ctx context.Context, r io.Reader, name string, fn func(lekradar.Case) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, caseCols, parseCase, fn, onErr)
}

// closedBeforeOpened reports whether a case closed before it opened.
func closedBeforeOpened(c *lekradar.Case) bool {
	return endsBeforeStart(c.Opened, c.OpenedHasTime, c.Closed, c.ClosedHasTime)
}

// endsBeforeStart reports whether a span ends before it starts. Two dates
// or two timestamps compare as they are. A date against a timestamp covers
// its whole day wherever the source is (a date is read as midnight UTC;
// offsets run from −12 to +14 hours): an incident opened at 18:36 and
// closed "that day", or a detective put on a case at 18:05 and taken off
// it "that day", is no error.
func endsBeforeStart(start time.Time, startHasTime bool, end time.Time, endHasTime bool) bool {
	if startHasTime != endHasTime {
		if !startHasTime {
			start = start.Add(-14 * time.Hour)
		}
		if !endHasTime {
			end = end.Add(36 * time.Hour)
		}
	}
	return end.Before(start)
}

const dateOrTimeMsg = "not a date (YYYY-MM-DD) or an RFC 3339 timestamp (e.g. 2026-03-02T14:05:09Z or 2026-03-02T15:05:09+01:00; empty = unknown)"

func parseCase(r *row, c *lekradar.Case) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	if c.Kind, le = r.code(1, caseKinds, "case kind", false); le != nil {
		return le
	}
	var ok bool
	if v := r.get(4); len(v) > 0 {
		if c.Opened, c.OpenedHasTime, ok = parseDateOrTimestamp(v); !ok {
			return r.fail(4, v, timeProblem(v, dateOrTimeMsg, true))
		}
	}
	if v := r.get(5); len(v) > 0 {
		if c.Closed, c.ClosedHasTime, ok = parseDateOrTimestamp(v); !ok {
			return r.fail(5, v, timeProblem(v, dateOrTimeMsg, true))
		}
		if !c.Opened.IsZero() && closedBeforeOpened(c) {
			return r.fail(5, v, "closed is before opened")
		}
	}
	if v := r.get(6); len(v) > 0 {
		if c.Sensitive, ok = parseBool(v); !ok {
			return r.fail(6, v, "not a boolean "+boolAllowed)
		}
	}
	r.startPack()
	r.add(r.get(0))
	r.add(r.get(2))
	r.add(r.get(3))
	s := r.packed()
	c.ID, c.UnitID, c.TeamID = r.part(s, 0), r.part(s, 1), r.part(s, 2)
	return nil
}

var casePersonCols = []column{{"case_id", true}, {"person_id", true}, {"role", false}}

// ReadCasePersons reads case_persons.csv. role is free text.
func ReadCasePersons(ctx context.Context, r io.Reader, name string, fn func(lekradar.CasePerson) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, casePersonCols, parseCasePerson, fn, onErr)
}

func parseCasePerson(r *row, cp *lekradar.CasePerson) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	if le = r.need(1); le != nil {
		return le
	}
	if r.keep {
		cp.CaseID, cp.PersonID, cp.Role = r.view(r.get(0)), r.view(r.get(1)), r.view(r.get(2))
		return nil
	}
	r.startPack()
	r.add(r.get(0))
	r.add(r.get(1))
	r.add(r.get(2))
	s := r.packed()
	cp.CaseID, cp.PersonID, cp.Role = r.part(s, 0), r.part(s, 1), r.part(s, 2)
	return nil
}

var caseStaffCols = []column{{"case_id", true}, {"employee_id", true}, {"from", true}, {"to", true}}

// ReadCaseStaff reads case_staff.csv. from and to are a date or a timestamp.
func ReadCaseStaff(ctx context.Context, r io.Reader, name string, fn func(lekradar.CaseStaff) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, caseStaffCols, parseCaseStaff, fn, onErr)
}

func parseCaseStaff(r *row, cs *lekradar.CaseStaff) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	if le = r.need(1); le != nil {
		return le
	}
	var ok, fromHasTime, toHasTime bool
	if v := r.get(2); len(v) > 0 {
		if cs.From, fromHasTime, ok = parseDateOrTimestamp(v); !ok {
			return r.fail(2, v, timeProblem(v, dateOrTimeMsg, true))
		}
	}
	if v := r.get(3); len(v) > 0 {
		if cs.To, toHasTime, ok = parseDateOrTimestamp(v); !ok {
			return r.fail(3, v, timeProblem(v, dateOrTimeMsg, true))
		}
		if !cs.From.IsZero() && endsBeforeStart(cs.From, fromHasTime, cs.To, toHasTime) {
			return r.fail(3, v, "to is before from")
		}
	}
	r.startPack()
	r.add(r.get(0))
	r.add(r.get(1))
	s := r.packed()
	cs.CaseID, cs.EmployeeID = r.part(s, 0), r.part(s, 1)
	return nil
}

var shiftCols = []column{{"employee_id", true}, {"start", true}, {"end", true}}

// ReadShifts reads shifts.csv. start and end are RFC 3339 timestamps; a
// night shift ends the next day.
func ReadShifts(ctx context.Context, r io.Reader, name string, fn func(lekradar.Shift) error, onErr func(*LineError) error) error {
	return readTable(ctx, r, name, shiftCols, parseShift, fn, onErr)
}

const timestampMsg = "not an RFC 3339 timestamp with a UTC offset (e.g. 2026-03-02T14:05:09Z or 2026-03-02T15:05:09+01:00)"

func parseShift(r *row, s *lekradar.Shift) (le *LineError) {
	if le = r.need(0); le != nil {
		return le
	}
	start, le := r.timestamp(1)
	if le != nil {
		return le
	}
	end, le := r.timestamp(2)
	if le != nil {
		return le
	}
	if end < start {
		return r.fail(2, r.get(2), "end is before start")
	}
	s.EmployeeID, s.Start, s.End = r.str(0), nsToTime(start), nsToTime(end)
	return nil
}
