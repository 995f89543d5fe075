package detect_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lekradar/detect"
)

func TestDefaultPolicy(t *testing.T) {
	p := detect.DefaultPolicy()
	names := map[string]bool{}
	for _, s := range p.Signals {
		names[s.Name] = true
		if s.Weight < 0 {
			t.Errorf("signal %s: negative weight %v", s.Name, s.Weight)
		}
	}
	for _, n := range detect.SignalNames() {
		if !names[n] {
			t.Errorf("default policy lacks built-in signal %s", n)
		}
	}
	if p.Thresholds.Alert <= 0 || p.Thresholds.Medium < p.Thresholds.Alert || p.Thresholds.High < p.Thresholds.Medium {
		t.Errorf("thresholds out of order: %+v", p.Thresholds)
	}
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // every fragment must be in the error
	}{
		{"bad CEL names the rule and CEL's message", `signals:
  - name: vip
    weight: 1
    when: "event.hour >"`, []string{"signal vip", "when"}},
		{"unknown variable", `signals:
  - name: vip
    weight: 1
    when: "event.hoour > 3"`, []string{"signal vip", "undeclared reference", "event.hoour"}},
		{"condition must be a bool", `signals:
  - name: vip
    weight: 1
    when: "event.hour + 1"`, []string{"signal vip", "want a bool"}},
		{"custom signal needs a condition", `signals:
  - name: my_rule
    weight: 1`, []string{"my_rule", "needs a when"}},
		{"duplicate signal", `signals:
  - {name: vip, weight: 1}
  - {name: vip, weight: 2}`, []string{"vip", "defined twice"}},
		{"bad scope", `signals:
  - {name: vip, weight: 1, scope: sometimes}`, []string{"vip", "scope", "sometimes"}},
		{"thresholds out of order", `thresholds: {alert: 2, medium: 1, high: 3}`, []string{"thresholds"}},
		{"bad duration", `windows: {group_gap: fortnight}`, []string{"fortnight"}},
		{"unknown key", `windowz: {}`, []string{"windowz"}},
		{"bad timezone", `limits: {timezone: Mars/Olympus}`, []string{"timezone", "Mars/Olympus"}},
		{"bad version", `version: 2`, []string{"version"}},
		{"absolute volume beyond what is kept", `limits: {volume_absolute_min_persons: 500}`, []string{"volume_absolute_min_persons", "500"}},
		{"an unregistered shift longer than half a day", `windows: {off_roster_shift: 13h}`, []string{"off_roster_shift", "12h"}},
		{"a canvass of one resident", `limits: {canvass_residents: 1}`, []string{"canvass_residents", "0 (off) or between 2"}},
		{"an operation longer than the hype's memory", `windows: {operation: 25h}`, []string{"windows.operation", "windows.hype"}},
		{"an operation share above one", `limits: {operation_share: 1.5}`, []string{"operation_share", "between 0 (off) and 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := detect.ParsePolicy([]byte(tt.yaml), "test.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), "test.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestPolicyOverridesDefaults(t *testing.T) {
	p, err := detect.ParsePolicy([]byte("thresholds: {alert: 2.5, medium: 3, high: 4}\nwindows: {group_gap: 21d}\n"), "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.Thresholds.Alert != 2.5 || len(p.Signals) != len(detect.DefaultPolicy().Signals) {
		t.Errorf("override lost: thresholds %+v, %d signals", p.Thresholds, len(p.Signals))
	}
	if got := p.Windows.GroupGap; got != detect.Duration(21*24*3600*1e9) {
		t.Errorf("group_gap %v, want 21d", got)
	}
	if p.Windows.Browsing != detect.DefaultPolicy().Windows.Browsing {
		t.Errorf("browsing window not kept from the default")
	}
}

// A privacy officer switches a signal off by leaving it out, and adds one of
// her own with a condition.
func TestPolicyChangesOutcome(t *testing.T) {
	ix := newTinyWorld().index()
	events := []ev{
		{id: "a", emp: "E1", person: "PV", ts: at(0, "10:00")},                  // public figure
		{id: "b", emp: "E1", person: "P55", ts: at(0, "10:30"), action: "view"}, // street check
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "policy.yaml")
	os.WriteFile(path, []byte(`signals:
  - name: self
    weight: 3
  - name: views_in_morning
    weight: 1
    when: "event.action == 'view' && event.hour < 12 && !event.explained"
    text: "A record was opened in the morning without a work link."
`), 0o644)
	pol, err := detect.LoadPolicyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := scan(t, ix, pol, events)
	if a := res.alertFor("E1", "PV"); a != nil {
		t.Errorf("vip is not in the policy, yet alert %+v", a)
	}
	a := res.alertFor("E1", "P55")
	if a == nil || a.Reasons[0].Rule != "views_in_morning" || !strings.Contains(a.Reasons[0].Text, "morning") {
		t.Errorf("custom rule: alert %+v", a)
	}
}

// volume_absolute_min_persons: 0 switches the first-day volume fallback off;
// the detective's 90 unrelated look-ups on day 1 then get no volume signal.
func TestPolicyAbsoluteVolumeOff(t *testing.T) {
	ix := newTinyWorld().index()
	events := burst("E2", 100, 90, at(0, "07:20"), 6*time.Minute)
	for _, tt := range []struct {
		yaml string
		want bool
	}{
		{"limits: {volume_absolute_min_persons: 40}\n", true},
		{"limits: {volume_absolute_min_persons: 0}\n", false},
	} {
		pol, err := detect.ParsePolicy([]byte(tt.yaml), "p.yaml")
		if err != nil {
			t.Fatal(err)
		}
		res := scan(t, ix, pol, events)
		if got := slices.Contains(res.signals["b89"], "volume"); got != tt.want {
			t.Errorf("%s: volume on b89 %v, want %v (signals %v)", strings.TrimSpace(tt.yaml), got, tt.want, res.signals["b89"])
		}
	}
}

// FuzzParsePolicy: a policy file is input like any other; whatever it
// holds, parsing returns a policy or an error, never a panic, and a policy
// it returns can run.
func FuzzParsePolicy(f *testing.F) {
	f.Add(detect.DefaultPolicyYAML())
	f.Add([]byte("windows: {browsing: 30m}\nlimits: {browsing_min_persons: 10}\n"))
	f.Add([]byte("signals:\n  - name: off_shift\n    weight: 1\n    when: 'stats.minutes_since_work > 30'\n"))
	f.Add([]byte("signals:\n  - name: x\n    when: '1 +'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := detect.ParsePolicy(data, "policy.yaml")
		if err != nil {
			if p != nil {
				t.Fatalf("a policy and an error: %v", err)
			}
			return
		}
		evs := append(burst("E1", 100, 12, at(0, "11:00"), time.Minute),
			ev{id: "p", emp: "E1", person: "PP", ts: at(0, "23:00")},
			ev{id: "s", emp: "E4", person: "PI", action: "print", ts: at(1, "03:00")})
		scan(t, newTinyWorld().index(), p, evs)
	})
}
