package interchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"lekradar"
)

// contextHeaders are the columns ContextWriter writes, in SPEC §6 order.
var contextHeaders = map[string][]string{
	FileUnits:       {"unit_id", "name", "fte"},
	FileTeams:       {"team_id", "unit_id", "kind", "name"},
	FileEmployees:   {"employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function"},
	FilePersons:     {"person_id", "surname", "birth_year", "postcode", "house_number", "flags"},
	FileRelations:   {"person_id", "related_person_id", "kind"},
	FileCases:       {"case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"},
	FileCasePersons: {"case_id", "person_id", "role"},
	FileCaseStaff:   {"case_id", "employee_id", "from", "to"},
	FileShifts:      {"employee_id", "start", "end"},
}

var contextFiles = []string{FileUnits, FileTeams, FileEmployees, FilePersons, FileRelations,
	FileCases, FileCasePersons, FileCaseStaff, FileShifts}

// ContextWriter writes a context directory: the nine CSV files with their
// headers. It is not safe for concurrent use. Close flushes and closes all
// files; a write error is returned by the failing call and again by Close.
type ContextWriter struct {
	dir   string
	files map[string]*os.File
	w     map[string]*csvWriter
	err   error
}

// NewContextWriter creates dir (if needed) and the nine files in it,
// replacing existing ones.
func NewContextWriter(dir string) (*ContextWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create context directory: %w", err)
	}
	cw := &ContextWriter{dir: dir, files: map[string]*os.File{}, w: map[string]*csvWriter{}}
	for _, name := range contextFiles {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			cw.Close()
			return nil, fmt.Errorf("create %s: %w", name, err)
		}
		cw.files[name] = f
		cw.w[name] = newCSVWriter(f)
		if err := cw.w[name].record(contextHeaders[name]...); err != nil {
			cw.Close()
			return nil, fmt.Errorf("write %s: %w", name, err)
		}
	}
	return cw, nil
}

func (cw *ContextWriter) done(name string, err error) error {
	if err != nil {
		err = fmt.Errorf("write %s: %w", name, err)
		if cw.err == nil {
			cw.err = err
		}
	}
	return err
}

// WriteUnit writes a row of units.csv (FTE 0 is written as unknown).
func (cw *ContextWriter) WriteUnit(u lekradar.Unit) error {
	c := cw.w[FileUnits]
	c.str(u.ID)
	c.str(u.Name)
	c.floatOrEmpty(u.FTE)
	return cw.done(FileUnits, c.end())
}

// WriteTeam writes a row of teams.csv.
func (cw *ContextWriter) WriteTeam(t lekradar.Team) error {
	return cw.done(FileTeams, cw.w[FileTeams].record(t.ID, t.UnitID, t.Kind, t.Name))
}

// WriteEmployee writes a row of employees.csv.
func (cw *ContextWriter) WriteEmployee(e lekradar.Employee) error {
	return cw.done(FileEmployees, cw.w[FileEmployees].record(e.ID, e.PersonID, e.Surname, e.UnitID, e.TeamID, e.Rank, e.Function))
}

// WritePerson writes a row of persons.csv (BirthYear 0 is written as unknown).
func (cw *ContextWriter) WritePerson(p lekradar.Person) error {
	c := cw.w[FilePersons]
	c.str(p.ID)
	c.str(p.Surname)
	c.intOrEmpty(int64(p.BirthYear))
	c.str(p.Postcode)
	c.str(p.HouseNumber)
	c.list(p.Flags, ";")
	return cw.done(FilePersons, c.end())
}

// WriteRelation writes a row of relations.csv.
func (cw *ContextWriter) WriteRelation(r lekradar.Relation) error {
	return cw.done(FileRelations, cw.w[FileRelations].record(r.PersonID, r.RelatedPersonID, r.Kind))
}

// WriteCase writes a row of cases.csv; opened and closed are written as a
// timestamp when OpenedHasTime/ClosedHasTime, else as a date.
func (cw *ContextWriter) WriteCase(k lekradar.Case) error {
	c := cw.w[FileCases]
	c.str(k.ID)
	c.str(k.Kind)
	c.str(k.UnitID)
	c.str(k.TeamID)
	c.dateOrTimestamp(k.Opened, k.OpenedHasTime)
	c.dateOrTimestamp(k.Closed, k.ClosedHasTime)
	c.bool(k.Sensitive)
	return cw.done(FileCases, c.end())
}

// WriteCasePerson writes a row of case_persons.csv.
func (cw *ContextWriter) WriteCasePerson(cp lekradar.CasePerson) error {
	return cw.done(FileCasePersons, cw.w[FileCasePersons].record(cp.CaseID, cp.PersonID, cp.Role))
}

// WriteCaseStaff writes a row of case_staff.csv; from and to are written as
// a date when they fall on midnight UTC, else as a timestamp.
func (cw *ContextWriter) WriteCaseStaff(s lekradar.CaseStaff) error {
	c := cw.w[FileCaseStaff]
	c.str(s.CaseID)
	c.str(s.EmployeeID)
	c.dateOrTimestamp(s.From, !isMidnightUTC(s.From))
	c.dateOrTimestamp(s.To, !isMidnightUTC(s.To))
	return cw.done(FileCaseStaff, c.end())
}

func isMidnightUTC(t time.Time) bool {
	u := t.UTC()
	return u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0
}

// WriteShift writes a row of shifts.csv.
func (cw *ContextWriter) WriteShift(s lekradar.Shift) error {
	c := cw.w[FileShifts]
	c.str(s.EmployeeID)
	c.timestamp(s.Start)
	c.timestamp(s.End)
	return cw.done(FileShifts, c.end())
}

// Close flushes and closes every file and returns the first error seen.
func (cw *ContextWriter) Close() error {
	errs := []error{cw.err}
	for _, name := range contextFiles {
		if w := cw.w[name]; w != nil {
			if err := w.w.Flush(); err != nil {
				errs = append(errs, fmt.Errorf("write %s: %w", name, err))
			}
		}
		if f := cw.files[name]; f != nil {
			if err := f.Close(); err != nil {
				errs = append(errs, fmt.Errorf("close %s: %w", name, err))
			}
		}
	}
	cw.w, cw.files = nil, nil
	for _, e := range errs {
		if e != nil {
			return errors.Join(errs...)
		}
	}
	return nil
}
