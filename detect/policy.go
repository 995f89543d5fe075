package detect

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/interpreter"
	"gopkg.in/yaml.v3"

	_ "time/tzdata" // the policy's timezone must load on hosts without zoneinfo
)

//go:embed policy/default.yaml
var defaultPolicyYAML []byte

// DefaultPolicyYAML is the documented default policy as shipped.
func DefaultPolicyYAML() []byte { return append([]byte(nil), defaultPolicyYAML...) }

// Duration is a time.Duration that a policy writes as "90m", "12h" or "14d".
type Duration time.Duration

// UnmarshalYAML accepts Go durations plus a "d" (day) suffix.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := parseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration back in the same notation.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "d") {
		n, err := strconv.ParseFloat(strings.TrimSuffix(s, "d"), 64)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("duration %q: want a number of days such as 14d, or 90m, 12h", s)
		}
		return time.Duration(n * float64(24*time.Hour)), nil
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("duration %q: want a duration such as 90m, 12h or 14d", s)
	}
	return v, nil
}

// Scope says for which look-ups a signal is evaluated.
const (
	// ScopeUnexplained: only look-ups that no explanation covers.
	ScopeUnexplained = "unexplained"
	// ScopeAlways: every look-up, explained or not (relationship flags).
	ScopeAlways = "always"
)

// SignalRule is one risk signal of the policy.
type SignalRule struct {
	Name        string  `yaml:"name"`
	Weight      float64 `yaml:"weight"`
	Scope       string  `yaml:"scope"`
	When        string  `yaml:"when"`
	Text        string  `yaml:"text"`
	Description string  `yaml:"description"`
}

// Windows are the time spans the engine works with.
type Windows struct {
	CaseBefore       Duration `yaml:"case_before"`
	CaseAfter        Duration `yaml:"case_after"`
	StaffAfter       Duration `yaml:"staff_after"`
	GivenCaseAfter   Duration `yaml:"given_case_after"`
	IncidentBefore   Duration `yaml:"incident_before"`
	IncidentAfter    Duration `yaml:"incident_after"`
	ShiftSlack       Duration `yaml:"shift_slack"`
	RoleRecent       Duration `yaml:"role_recent"`
	Repeat           Duration `yaml:"repeat"`
	GroupGap         Duration `yaml:"group_gap"`
	GroupMax         Duration `yaml:"group_max"`
	Reorder          Duration `yaml:"reorder"`
	Browsing         Duration `yaml:"browsing"`
	BrowsingLong     Duration `yaml:"browsing_long"`
	FollowingMinSpan Duration `yaml:"following_min_span"`
	FollowingGap     Duration `yaml:"following_gap"`
	Hype             Duration `yaml:"hype"`
	Sensitive        Duration `yaml:"sensitive"`
	Volume           Duration `yaml:"volume"`
	WorkEvidence     Duration `yaml:"work_evidence"`
	IncidentWork     Duration `yaml:"incident_work"`
	QuotedCase       Duration `yaml:"quoted_case"`
	Analysis         Duration `yaml:"analysis"`
	WorkStretch      Duration `yaml:"work_stretch"`
	OffRosterShift   Duration `yaml:"off_roster_shift"`
	Operation        Duration `yaml:"operation"`
}

// Limits are the counts and factors of the built-in detectors.
type Limits struct {
	BrowsingMinPersons        int     `yaml:"browsing_min_persons"`
	BrowsingLongMinPersons    int     `yaml:"browsing_long_min_persons"`
	CanvassResidents          int     `yaml:"canvass_residents"`
	OperationShare            float64 `yaml:"operation_share"`
	JointActionPersons        int     `yaml:"joint_action_persons"`
	FollowingMinDays          int     `yaml:"following_min_days"`
	FollowingRoutinePersons   int     `yaml:"following_routine_persons"`
	FollowingCrowd            int     `yaml:"following_crowd"`
	FlaggedTeamMates          int     `yaml:"flagged_team_mates"`
	IntegrityOfficeColleagues bool    `yaml:"integrity_office_colleagues"`
	HypeMinEmployees          int     `yaml:"hype_min_employees"`
	HypeMinTeams              int     `yaml:"hype_min_teams"`
	HypeChance                float64 `yaml:"hype_chance"`
	HypeMinShare              float64 `yaml:"hype_min_share"`
	JobPeers                  int     `yaml:"job_peers"`
	HypeListPersons           int     `yaml:"hype_list_persons"`
	VolumeFactor              float64 `yaml:"volume_factor"`
	SensitiveRoutineChance    float64 `yaml:"sensitive_routine_chance"`
	SensitiveKnownCases       int     `yaml:"sensitive_known_cases"`
	BrowsingRoutineChance     float64 `yaml:"browsing_routine_chance"`
	WorkEvidenceLookups       int     `yaml:"work_evidence_lookups"`
	WorkEvidencePersons       int     `yaml:"work_evidence_persons"`
	IncidentWorkPersons       int     `yaml:"incident_work_persons"`
	AnalysisRunPersons        int     `yaml:"analysis_run_persons"`
	WorkStretchPersons        int     `yaml:"work_stretch_persons"`
	VolumeMin                 int     `yaml:"volume_min"`
	VolumeMinQuiet            int     `yaml:"volume_min_quiet"`
	VolumeRecentMin           int     `yaml:"volume_recent_min"`
	VolumeAbsoluteMinPersons  int     `yaml:"volume_absolute_min_persons"`
	MinHistoryDays            int     `yaml:"min_history_days"`
	RoleVolumeFactor          float64 `yaml:"role_volume_factor"`
	RareSurnameShare          float64 `yaml:"rare_surname_share"`
	UncommonSurnameShare      float64 `yaml:"uncommon_surname_share"`
	RareSurnameCount          int     `yaml:"rare_surname_count"`
	MaxRelativeAgeGap         int     `yaml:"max_relative_age_gap"`
	UnusualHours              []int   `yaml:"unusual_hours"`
	Timezone                  string  `yaml:"timezone"`
	AssumeOnShiftNoRoster     bool    `yaml:"assume_on_shift_without_roster"`
	MaxOpenGroups             int     `yaml:"max_open_groups"`
	MaxRepeatPairs            int     `yaml:"max_repeat_pairs"`
	MaxStoredEventsPerGroup   int     `yaml:"max_events_per_alert"`
}

// Thresholds turn a score into an alert and its severity.
type Thresholds struct {
	Alert  float64 `yaml:"alert"`
	Medium float64 `yaml:"medium"`
	High   float64 `yaml:"high"`
}

// Policy is the readable, changeable part of detection: which signals count,
// how much, under which condition, and the windows and thresholds.
type Policy struct {
	Version    int          `yaml:"version"`
	Thresholds Thresholds   `yaml:"thresholds"`
	Windows    Windows      `yaml:"windows"`
	Limits     Limits       `yaml:"limits"`
	Signals    []SignalRule `yaml:"signals"`

	compiled [numSignals]compiledRule // built-in signals by id
	custom   []compiledRule           // signals the policy defines itself
	loc      *time.Location
	hourMask uint32
}

type compiledRule struct {
	rule    SignalRule
	enabled bool
	always  bool
	prg     cel.Program
}

// LoadPolicyFile reads a policy; an empty path gives the default policy.
func LoadPolicyFile(path string) (*Policy, error) {
	if path == "" {
		return ParsePolicy(defaultPolicyYAML, "default policy")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read policy: %w", err)
	}
	return ParsePolicy(data, path)
}

// DefaultPolicy is the embedded default policy.
func DefaultPolicy() *Policy {
	p, err := ParsePolicy(defaultPolicyYAML, "default policy")
	if err != nil {
		panic("embedded default policy is invalid: " + err.Error())
	}
	return p
}

// ParsePolicy parses and checks a policy and compiles its CEL conditions.
// name is used in error messages (the file name).
func ParsePolicy(data []byte, name string) (*Policy, error) {
	// A policy file only needs what it changes: it is read over the
	// default, except that a signals list replaces the default list whole,
	// so that leaving a signal out switches it off.
	var p Policy
	if err := yaml.Unmarshal(defaultPolicyYAML, &p); err != nil {
		return nil, fmt.Errorf("default policy: %w", err)
	}
	defaultSignals := p.Signals
	p.Signals = nil
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	if p.Signals == nil {
		p.Signals = defaultSignals
	}
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	if err := p.compile(); err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	return &p, nil
}

func (p *Policy) check() error {
	var errs []error
	if p.Version != 1 {
		errs = append(errs, fmt.Errorf("version: %d is not supported (want 1)", p.Version))
	}
	t := p.Thresholds
	if t.Alert <= 0 {
		errs = append(errs, fmt.Errorf("thresholds.alert: %v must be above 0", t.Alert))
	}
	if t.Medium < t.Alert || t.High < t.Medium {
		errs = append(errs, fmt.Errorf("thresholds: want alert (%v) <= medium (%v) <= high (%v)", t.Alert, t.Medium, t.High))
	}
	l := &p.Limits
	if l.BrowsingMinPersons < 2 || l.BrowsingMinPersons > recentCap {
		errs = append(errs, fmt.Errorf("limits.browsing_min_persons: %d must be between 2 and %d", l.BrowsingMinPersons, recentCap))
	}
	if l.BrowsingLongMinPersons < 2 || l.BrowsingLongMinPersons > recentCap {
		errs = append(errs, fmt.Errorf("limits.browsing_long_min_persons: %d must be between 2 and %d", l.BrowsingLongMinPersons, recentCap))
	}
	if l.FollowingMinDays < 2 {
		errs = append(errs, fmt.Errorf("limits.following_min_days: %d must be at least 2", l.FollowingMinDays))
	}
	if l.FlaggedTeamMates < 0 || l.FlaggedTeamMates >= teamSubjectCap {
		errs = append(errs, fmt.Errorf("limits.flagged_team_mates: %d must be between 0 (off) and %d", l.FlaggedTeamMates, teamSubjectCap-1))
	}
	if l.FollowingCrowd < 0 || l.FollowingCrowd >= crowdCap {
		errs = append(errs, fmt.Errorf("limits.following_crowd: %d must be between 0 (off) and %d", l.FollowingCrowd, crowdCap-1))
	}
	if l.FollowingRoutinePersons < 0 || l.FollowingRoutinePersons >= habitCap {
		errs = append(errs, fmt.Errorf("limits.following_routine_persons: %d must be between 0 (off) and %d", l.FollowingRoutinePersons, habitCap-1))
	}
	if l.HypeMinEmployees < 2 || l.HypeMinEmployees > 64 {
		errs = append(errs, fmt.Errorf("limits.hype_min_employees: %d must be between 2 and 64", l.HypeMinEmployees))
	}
	if l.HypeMinShare < 0 || l.HypeMinShare > 1 {
		errs = append(errs, fmt.Errorf("limits.hype_min_share: %v must be between 0 (off) and 1", l.HypeMinShare))
	}
	if l.HypeChance < 0 || l.HypeChance >= 1 {
		errs = append(errs, fmt.Errorf("limits.hype_chance: %v must be at least 0 (off) and below 1", l.HypeChance))
	}
	if l.HypeListPersons < 0 {
		errs = append(errs, fmt.Errorf("limits.hype_list_persons: %d must be at least 0 (off)", l.HypeListPersons))
	}
	if l.JobPeers < 0 {
		errs = append(errs, fmt.Errorf("limits.job_peers: %d must be at least 0 (off)", l.JobPeers))
	}
	if l.HypeMinTeams < 0 || l.HypeMinTeams > l.HypeMinEmployees {
		errs = append(errs, fmt.Errorf("limits.hype_min_teams: %d must be between 0 (any) and hype_min_employees (%d)", l.HypeMinTeams, l.HypeMinEmployees))
	}
	if l.WorkEvidenceLookups < 0 || l.WorkEvidenceLookups > recentCap {
		errs = append(errs, fmt.Errorf("limits.work_evidence_lookups: %d must be between 0 (off) and %d", l.WorkEvidenceLookups, recentCap))
	}
	if l.WorkEvidencePersons < 0 || l.WorkEvidencePersons > recentCap {
		errs = append(errs, fmt.Errorf("limits.work_evidence_persons: %d must be between 0 (off) and %d", l.WorkEvidencePersons, recentCap))
	}
	if l.JointActionPersons < 0 || l.JointActionPersons > recentCap {
		errs = append(errs, fmt.Errorf("limits.joint_action_persons: %d must be between 0 (off) and %d", l.JointActionPersons, recentCap))
	}
	if l.OperationShare < 0 || l.OperationShare > 1 {
		errs = append(errs, fmt.Errorf("limits.operation_share: %v must be between 0 (off) and 1", l.OperationShare))
	}
	if l.CanvassResidents < 0 || l.CanvassResidents == 1 || l.CanvassResidents > recentCap {
		errs = append(errs, fmt.Errorf("limits.canvass_residents: %d must be 0 (off) or between 2 and %d", l.CanvassResidents, recentCap))
	}
	if l.WorkStretchPersons < 0 || l.WorkStretchPersons > recentCap {
		errs = append(errs, fmt.Errorf("limits.work_stretch_persons: %d must be between 0 (off) and %d", l.WorkStretchPersons, recentCap))
	}
	if l.IncidentWorkPersons != 0 && (l.IncidentWorkPersons < 2 || l.IncidentWorkPersons > incidentRingCap) {
		errs = append(errs, fmt.Errorf("limits.incident_work_persons: %d must be 0 (off) or between 2 and %d", l.IncidentWorkPersons, incidentRingCap))
	}
	if l.AnalysisRunPersons < 1 {
		errs = append(errs, fmt.Errorf("limits.analysis_run_persons: %d must be at least 1", l.AnalysisRunPersons))
	}
	if !(l.BrowsingRoutineChance > 0 && l.BrowsingRoutineChance < 1) {
		errs = append(errs, fmt.Errorf("limits.browsing_routine_chance: %v must be above 0 and below 1", l.BrowsingRoutineChance))
	}
	if l.UncommonSurnameShare < 0 || l.UncommonSurnameShare >= 1 {
		errs = append(errs, fmt.Errorf("limits.uncommon_surname_share: %v must be 0 (off) or above 0 and below 1", l.UncommonSurnameShare))
	}
	if l.SensitiveKnownCases < 0 {
		errs = append(errs, fmt.Errorf("limits.sensitive_known_cases: %d must be 0 (off) or more", l.SensitiveKnownCases))
	}
	if !(l.SensitiveRoutineChance > 0 && l.SensitiveRoutineChance < 1) {
		errs = append(errs, fmt.Errorf("limits.sensitive_routine_chance: %v must be above 0 and below 1", l.SensitiveRoutineChance))
	}
	if l.VolumeFactor < 1 || l.RoleVolumeFactor < 1 {
		errs = append(errs, fmt.Errorf("limits.volume_factor and role_volume_factor must be at least 1"))
	}
	// The recent look-ups kept per employee hold at least recentCap/2
	// persons when every look-up is a query followed by a view.
	if l.VolumeAbsoluteMinPersons < 0 || l.VolumeAbsoluteMinPersons > recentCap/2 {
		errs = append(errs, fmt.Errorf("limits.volume_absolute_min_persons: %d must be between 0 (off) and %d", l.VolumeAbsoluteMinPersons, recentCap/2))
	}
	if l.VolumeMinQuiet < 1 || l.VolumeMinQuiet > l.VolumeMin {
		errs = append(errs, fmt.Errorf("limits.volume_min_quiet: %d must be between 1 and volume_min (%d)", l.VolumeMinQuiet, l.VolumeMin))
	}
	if l.MinHistoryDays < 1 || l.MinHistoryDays > historyDays {
		errs = append(errs, fmt.Errorf("limits.min_history_days: %d must be between 1 and %d", l.MinHistoryDays, historyDays))
	}
	for _, h := range l.UnusualHours {
		if h < 0 || h > 23 {
			errs = append(errs, fmt.Errorf("limits.unusual_hours: %d is not an hour 0..23", h))
			continue
		}
		p.hourMask |= 1 << h
	}
	if l.Timezone == "" {
		l.Timezone = "UTC"
	}
	loc, err := time.LoadLocation(l.Timezone)
	if err != nil {
		errs = append(errs, fmt.Errorf("limits.timezone: %q: %v", l.Timezone, err))
	}
	p.loc = loc
	if l.MaxOpenGroups <= 0 {
		l.MaxOpenGroups = 4_000_000
	}
	if l.MaxRepeatPairs <= 0 {
		l.MaxRepeatPairs = 8_000_000
	}
	if l.MaxStoredEventsPerGroup <= 0 {
		l.MaxStoredEventsPerGroup = 1000
	}
	w := p.Windows
	if w.GroupGap <= 0 || w.GroupMax < w.GroupGap {
		errs = append(errs, fmt.Errorf("windows: want 0 < group_gap (%v) <= group_max (%v)", time.Duration(w.GroupGap), time.Duration(w.GroupMax)))
	}
	if w.OffRosterShift < 0 || time.Duration(w.OffRosterShift) > 12*time.Hour {
		errs = append(errs, fmt.Errorf("windows.off_roster_shift: %v must be between 0 (off) and 12h", time.Duration(w.OffRosterShift)))
	}
	if w.Operation < 0 || w.Operation > w.Hype {
		errs = append(errs, fmt.Errorf("windows.operation: %v must be between 0 (off) and windows.hype (%v)", time.Duration(w.Operation), time.Duration(w.Hype)))
	}
	if w.WorkEvidence < 0 || time.Duration(w.WorkEvidence) > 12*time.Hour {
		errs = append(errs, fmt.Errorf("windows.work_evidence: %v must be between 0 (off) and 12h", time.Duration(w.WorkEvidence)))
	}
	if w.Browsing <= 0 || w.Hype <= 0 {
		errs = append(errs, errors.New("windows.browsing and windows.hype must be above 0"))
	}
	if w.BrowsingLong < w.Browsing || time.Duration(w.BrowsingLong) > 24*time.Hour {
		errs = append(errs, fmt.Errorf("windows.browsing_long: %v must be between windows.browsing (%v) and 24h", time.Duration(w.BrowsingLong), time.Duration(w.Browsing)))
	}
	seen := map[string]bool{}
	for i, r := range p.Signals {
		where := fmt.Sprintf("signals[%d] (%s)", i, r.Name)
		if r.Name == "" {
			errs = append(errs, fmt.Errorf("signals[%d]: name is empty", i))
			continue
		}
		if seen[r.Name] {
			errs = append(errs, fmt.Errorf("%s: defined twice", where))
		}
		seen[r.Name] = true
		if r.Scope == "" {
			if id, ok := signalByName(r.Name); ok && signalDefaultAlways(id) {
				p.Signals[i].Scope = ScopeAlways
			} else {
				p.Signals[i].Scope = ScopeUnexplained
			}
		} else if r.Scope != ScopeAlways && r.Scope != ScopeUnexplained {
			errs = append(errs, fmt.Errorf("%s: scope %q: want %s or %s", where, r.Scope, ScopeUnexplained, ScopeAlways))
		}
		if _, ok := signalByName(r.Name); !ok {
			if strings.TrimSpace(r.When) == "" {
				errs = append(errs, fmt.Errorf("%s: not a built-in signal (%s), so it needs a when: condition", where, strings.Join(SignalNames(), ", ")))
			}
			if r.Name != strings.ToLower(r.Name) || strings.ContainsAny(r.Name, " \t") {
				errs = append(errs, fmt.Errorf("%s: a name is a snake_case identifier", where))
			}
		}
	}
	custom := 0
	for _, r := range p.Signals {
		if _, ok := signalByName(r.Name); !ok {
			custom++
		}
	}
	if custom > 32 {
		errs = append(errs, fmt.Errorf("signals: %d signals of your own, at most 32", custom))
	}
	return errors.Join(errs...)
}

func (p *Policy) compile() error {
	env, err := celEnv()
	if err != nil {
		return err
	}
	var errs []error
	for _, r := range p.Signals {
		c := compiledRule{rule: r, enabled: true, always: r.Scope == ScopeAlways}
		if strings.TrimSpace(r.When) != "" {
			ast, iss := env.Compile(r.When)
			if iss != nil && iss.Err() != nil {
				errs = append(errs, fmt.Errorf("signal %s: when: %v", r.Name, iss.Err()))
				continue
			}
			if ast.OutputType() != cel.BoolType {
				errs = append(errs, fmt.Errorf("signal %s: when: gives %v, want a bool", r.Name, ast.OutputType()))
				continue
			}
			prg, err := env.Program(ast)
			if err != nil {
				errs = append(errs, fmt.Errorf("signal %s: when: %v", r.Name, err))
				continue
			}
			// Evaluate once on a neutral look-up so runtime errors surface
			// at load rather than in the middle of a scan.
			var a activation
			a.reset()
			if _, _, err := prg.Eval(&a); err != nil {
				errs = append(errs, fmt.Errorf("signal %s: when: %v", r.Name, err))
				continue
			}
			c.prg = prg
		}
		if id, ok := signalByName(r.Name); ok {
			p.compiled[id] = c
		} else {
			p.custom = append(p.custom, c)
		}
	}
	return errors.Join(errs...)
}

// celVariables are the names a policy condition may use, with their types and
// meaning; docs/detection.md lists the same.
var celVariables = []struct {
	name string
	typ  *cel.Type
	doc  string
}{
	{"event.action", cel.StringType, "query, view, export or print"},
	{"event.system", cel.StringType, "source system code"},
	{"event.hour", cel.IntType, "hour of the look-up in the policy's timezone, 0..23"},
	{"event.weekday", cel.IntType, "day of the week, 0 = Sunday"},
	{"event.has_case", cel.BoolType, "the employee gave a case number"},
	{"event.explained", cel.BoolType, "an explanation covered the look-up"},
	{"event.explained_by", cel.StringType, "the explanation's name, empty when none"},
	{"employee.known", cel.BoolType, "the employee is in employees.csv"},
	{"employee.team_kind", cel.StringType, "team_kind code of the employee's team"},
	{"employee.function", cel.StringType, "function from employees.csv"},
	{"employee.rank", cel.StringType, "rank code"},
	{"employee.unit", cel.StringType, "unit id"},
	{"employee.role_based", cel.BoolType, "intake desk, control room or information analysis"},
	{"employee.has_shifts", cel.BoolType, "the employee has rows in shifts.csv"},
	{"employee.on_shift", cel.BoolType, "a shift covers the look-up (true when no shift data)"},
	{"employee.history_days", cel.IntType, "days with look-ups in the employee's recent history"},
	{"person.known", cel.BoolType, "the person is in persons.csv"},
	{"person.flags", cel.ListType(cel.StringType), "flags from persons.csv"},
	{"person.birth_year", cel.IntType, "0 when unknown"},
	{"person.is_employee", cel.BoolType, "the person is an employee's own record"},
	{"stats.lookups_today", cel.IntType, "the employee's look-ups so far this day"},
	{"stats.unexplained_today", cel.IntType, "the employee's unexplained look-ups so far this day"},
	{"stats.unexplained_window", cel.IntType, "the employee's unexplained look-ups within windows.volume"},
	{"stats.own_daily_mean", cel.DoubleType, "the employee's mean unexplained look-ups per active day (recent history)"},
	{"stats.peer_daily_mean", cel.DoubleType, "the peer group's mean unexplained look-ups per active employee-day; -1 until the group has limits.min_history_days of history"},
	{"stats.minutes_since_work", cel.IntType, "minutes since the employee's last explained look-up (evidence of being at work), -1 when there was none"},
	{"stats.sensitive_lookups", cel.IntType, "the employee's unexplained look-ups of persons in sensitive investigations within windows.sensitive, this one included"},
	{"stats.distinct_persons_window", cel.IntType, "distinct persons looked up unexplained within windows.browsing"},
	{"stats.hype_employees", cel.IntType, "distinct employees without work link who looked the person up within windows.hype"},
	{"stats.pair_days", cel.IntType, "distinct days this employee looked this person up without a work link"},
	{"stats.pair_open_days", cel.IntType, "of those, days on which the record was opened (view, export or print), not only found by a query"},
	{"stats.pair_span_days", cel.IntType, "days between the first and the last such look-up"},
	{"signal.surname_count", cel.IntType, "persons in persons.csv with the shared surname"},
	{"signal.surname_share", cel.DoubleType, "surname_count divided by all persons"},
	{"signal.age_gap", cel.IntType, "birth-year difference between employee and person, -1 unknown"},
	{"signal.relation", cel.StringType, "kind from relations.csv linking employee and person, empty when none"},
}

func celEnv() (*cel.Env, error) {
	opts := make([]cel.EnvOption, 0, len(celVariables))
	for _, v := range celVariables {
		opts = append(opts, cel.VariableWithDoc(v.name, v.typ, v.doc))
	}
	env, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("policy environment: %w", err)
	}
	return env, nil
}

// activation feeds one look-up's facts to the CEL programs without a map.
type activation struct {
	action, system, explainedBy             string
	hour, weekday                           int64
	hasCase, explained                      bool
	empKnown, roleBased, hasShifts, onShift bool
	teamKind, function, rank, unit          string
	historyDays                             int64
	personKnown, isEmployee                 bool
	flags                                   []string
	birthYear                               int64
	lookupsToday, unexplainedToday          int64
	unexplainedWindow, sensitiveLookups     int64
	minutesSinceWork                        int64
	ownMean, peerMean                       float64
	distinctWindow, hypeEmployees           int64
	pairDays, pairSpanDays, pairOpenDays    int64
	surnameCount                            int64
	surnameShare                            float64
	ageGap                                  int64
	relation                                string
}

func (a *activation) reset() {
	*a = activation{ageGap: -1, minutesSinceWork: -1, flags: []string{}, onShift: true}
}

// Parent implements interpreter.Activation.
func (a *activation) Parent() interpreter.Activation { return nil }

// ResolveName implements interpreter.Activation.
func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "event.action":
		return a.action, true
	case "event.system":
		return a.system, true
	case "event.hour":
		return a.hour, true
	case "event.weekday":
		return a.weekday, true
	case "event.has_case":
		return a.hasCase, true
	case "event.explained":
		return a.explained, true
	case "event.explained_by":
		return a.explainedBy, true
	case "employee.known":
		return a.empKnown, true
	case "employee.team_kind":
		return a.teamKind, true
	case "employee.function":
		return a.function, true
	case "employee.rank":
		return a.rank, true
	case "employee.unit":
		return a.unit, true
	case "employee.role_based":
		return a.roleBased, true
	case "employee.has_shifts":
		return a.hasShifts, true
	case "employee.on_shift":
		return a.onShift, true
	case "employee.history_days":
		return a.historyDays, true
	case "person.known":
		return a.personKnown, true
	case "person.flags":
		return a.flags, true
	case "person.birth_year":
		return a.birthYear, true
	case "person.is_employee":
		return a.isEmployee, true
	case "stats.lookups_today":
		return a.lookupsToday, true
	case "stats.unexplained_today":
		return a.unexplainedToday, true
	case "stats.unexplained_window":
		return a.unexplainedWindow, true
	case "stats.sensitive_lookups":
		return a.sensitiveLookups, true
	case "stats.minutes_since_work":
		return a.minutesSinceWork, true
	case "stats.own_daily_mean":
		return a.ownMean, true
	case "stats.peer_daily_mean":
		return a.peerMean, true
	case "stats.distinct_persons_window":
		return a.distinctWindow, true
	case "stats.hype_employees":
		return a.hypeEmployees, true
	case "stats.pair_days":
		return a.pairDays, true
	case "stats.pair_open_days":
		return a.pairOpenDays, true
	case "stats.pair_span_days":
		return a.pairSpanDays, true
	case "signal.surname_count":
		return a.surnameCount, true
	case "signal.surname_share":
		return a.surnameShare, true
	case "signal.age_gap":
		return a.ageGap, true
	case "signal.relation":
		return a.relation, true
	}
	return nil, false
}

// evalWhen runs a rule's condition; a rule without one always holds. An
// evaluation error counts as "does not hold" and is counted by the caller.
func (c *compiledRule) evalWhen(a *activation) (bool, error) {
	if c.prg == nil {
		return true, nil
	}
	out, _, err := c.prg.Eval(a)
	if err != nil {
		return false, err
	}
	b, ok := out.(types.Bool)
	return ok && bool(b), nil
}
