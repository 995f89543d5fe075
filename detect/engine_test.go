package detect_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"lekradar/detect"
)

type alertWant struct {
	emp, person string
	alert       bool
	rules       []string // rules the alert must give
	severity    string   // when set, the alert's severity
}

func TestEngineBehaviours(t *testing.T) {
	ix := newTinyWorld().index()
	pol := detect.DefaultPolicy()
	tests := []struct {
		name      string
		events    []ev
		explained map[string]string   // event id → explanation ("" = unexplained)
		signals   map[string][]string // event id → signals that must fire
		without   map[string][]string // event id → signals that must not fire
		alerts    []alertWant
	}{
		{
			name:      "given case number",
			events:    []ev{{id: "a", emp: "E1", person: "P1", caseID: "C1", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "given_case"},
			alerts:    []alertWant{{emp: "E1", person: "P1"}},
		},
		{
			name:      "given case number before the case's formal opening",
			events:    []ev{{id: "a", emp: "E1", person: "PF", caseID: "CF", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "given_case"},
		},
		{
			name: "assigned case: a staff row's end date decides, also after the case closed; an open row ends two weeks after the case",
			events: []ev{
				{id: "a", emp: "E6", person: "PR1", ts: at(6, "10:00")},  // row runs to day 8
				{id: "b", emp: "E4", person: "PR2", ts: at(1, "10:00")},  // open row, case closed a day ago
				{id: "d", emp: "E4", person: "PR2", ts: at(10, "10:00")}, // open row, follow-up ten days on
				{id: "c", emp: "E4", person: "PR1", ts: at(40, "10:00")}, // open row, case long closed
			},
			explained: map[string]string{"a": "assigned_case", "b": "assigned_case", "d": "assigned_case", "c": ""},
		},
		{
			name:      "unit incident: a look-up up to 4 hours before the incident's opening (the look-up came first)",
			events:    []ev{{id: "a", emp: "E3", person: "P10", ts: at(1, "05:30")}}, // C6 opens 09:00; E3's night shift
			explained: map[string]string{"a": "unit_incident_on_shift"},
		},
		{
			// E1 (U1) is sent to U2's riot: four of the arrested in
			// twenty minutes, none of it his unit's, his case or a given
			// number. The vip among them, looked up first, is taken back
			// once the third person shows the work.
			name: "incident work: three persons of another unit's incident within hours, the earlier look-ups taken back",
			events: []ev{
				{id: "a", emp: "E1", person: "PWV", action: "view", ts: at(5, "12:00")},
				{id: "b", emp: "E1", person: "PCW1", ts: at(5, "12:05")},
				{id: "c", emp: "E1", person: "PCW2", ts: at(5, "12:10")},
				{id: "d", emp: "E1", person: "PCW3", ts: at(5, "12:15")},
				{id: "e", emp: "E1", person: "PWV", action: "view", ts: at(6, "10:00")}, // the next day: a repeat of that work
			},
			explained: map[string]string{"a": "", "b": "", "c": "incident_work", "d": "incident_work", "e": "repeat_explained"},
			alerts:    []alertWant{{emp: "E1", person: "PWV"}},
		},
		{
			name: "incident work: two persons of an incident are not enough, nor three of a sensitive one, nor three over more than half a day",
			events: []ev{
				{id: "a", emp: "E1", person: "PWV", action: "view", ts: at(5, "12:00")},
				{id: "b", emp: "E1", person: "PCW1", ts: at(5, "12:05")},
				{id: "s1", emp: "E51", person: "PCWS1", ts: at(5, "12:00")},
				{id: "s2", emp: "E51", person: "PCWS2", ts: at(5, "12:05")},
				{id: "s3", emp: "E51", person: "PCWS3", ts: at(5, "12:10")},
				{id: "h1", emp: "E2", person: "PCW1", ts: at(5, "11:00")},
				{id: "h2", emp: "E2", person: "PCW2", ts: at(5, "16:00")},
				{id: "h3", emp: "E2", person: "PCW3", ts: at(5, "23:30")}, // 12.5 h after the first
			},
			explained: map[string]string{"a": "", "b": "", "s3": "", "h3": ""},
			signals:   map[string][]string{"a": {"vip"}},
			alerts:    []alertWant{{emp: "E1", person: "PWV", alert: true, rules: []string{"vip"}}},
		},
		{
			// the persons of CX are also subjects of CI, a sensitive
			// investigation E1 is not on: need-to-know, not incident work
			name: "incident work: not for subjects of a sensitive investigation the employee is not on",
			events: []ev{
				{id: "a", emp: "E1", person: "PX1", ts: at(5, "12:00")},
				{id: "b", emp: "E1", person: "PX2", ts: at(5, "12:05")},
				{id: "c", emp: "E1", person: "PX3", ts: at(5, "12:10")},
			},
			explained: map[string]string{"a": "", "b": "", "c": ""},
			signals:   map[string][]string{"a": {"sensitive_investigation"}, "c": {"sensitive_investigation"}},
			alerts:    []alertWant{{emp: "E1", person: "PX1", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			name:      "unit incident of the team's unit, for an employee of another unit (a shared control room)",
			events:    []ev{{id: "a", emp: "E52", person: "P10", ts: at(1, "05:30")}}, // C6 of U1; E52 employed by U2, in U1's TM
			explained: map[string]string{"a": "unit_incident_on_shift"},
		},
		{
			name:      "given case number the person is not in",
			events:    []ev{{id: "a", emp: "E1", person: "P50", caseID: "C1", ts: at(1, "11:00")}},
			explained: map[string]string{"a": ""},
		},
		{
			name:      "assigned case",
			events:    []ev{{id: "a", emp: "E2", person: "P1", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "assigned_case"},
		},
		{
			name:      "team case",
			events:    []ev{{id: "a", emp: "E1", person: "P2", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "team_case"},
		},
		{
			// E3 (control room, night shifts) works an afternoon the
			// roster lacks: ten callers of fresh incidents. Once the
			// spell shows work (six look-ups in two hours), the incident
			// explains the look-ups as the shift would, and the findings
			// before are taken back. One look-up the next afternoon, with
			// no work around it, stays unexplained.
			name: "off-roster work: fresh incidents explain the look-ups of an employee busy without a roster row",
			events: func() []ev {
				var evs []ev
				for i := 1; i <= 10; i++ {
					evs = append(evs, ev{id: fmt.Sprintf("b%d", i), emp: "E3", person: fmt.Sprintf("PB%d", i), ts: at(2, fmt.Sprintf("14:%02d", 5*i))})
				}
				return append(evs, ev{id: "c", emp: "E3", person: "PB11", ts: at(3, "14:00")})
			}(),
			explained: map[string]string{"b1": "", "b5": "", "b6": "unit_incident_on_shift", "b10": "unit_incident_on_shift", "c": ""},
			signals:   map[string][]string{"c": {"off_shift"}},
			alerts:    []alertWant{{emp: "E3", person: "PB1"}, {emp: "E3", person: "PB11", alert: true, rules: []string{"off_shift"}}},
		},
		{
			// E4 quotes incident C2 for P2, then looks up PP of the same
			// incident without the number; E1 quotes sensitive CI, which
			// explains nothing for patrol, so nothing is remembered; the
			// analyst E7 may quote it (support staff) and so works it.
			name: "quoted case: a case whose number explained a look-up explains its other people, not a need-to-know case",
			events: []ev{
				{id: "a", emp: "E4", person: "P2", caseID: "C2", ts: at(0, "10:00")},
				{id: "b", emp: "E4", person: "PP", ts: at(0, "11:00")},
				{id: "c", emp: "E1", person: "PI", caseID: "CI", ts: at(0, "10:00")},
				{id: "d", emp: "E1", person: "PO", ts: at(0, "10:30")},
				{id: "e", emp: "E7", person: "PI", caseID: "CI", ts: at(0, "12:00")},
				{id: "f", emp: "E7", person: "PO1", ts: at(0, "12:30")},
			},
			explained: map[string]string{"a": "given_case", "b": "quoted_case", "c": "", "d": "", "e": "given_case", "f": "quoted_case"},
		},
		{
			// The analyst E7 works through last month's incidents of the
			// unit: from the fifth suspect in a row the list is work, and
			// the four before are taken back as its work. A
			// person in no case breaks the run; a public figure is no
			// subject of such analysis. A patrol officer (E1) running the
			// same list has no such role.
			name: "crime analysis: an analyst's run of persons in the unit's recent cases, not a public figure, not a break, not patrol",
			events: []ev{
				{id: "a1", emp: "E7", person: "PA1", ts: at(0, "10:00")},
				{id: "a2", emp: "E7", person: "PA2", ts: at(0, "10:04")},
				{id: "a2v", emp: "E7", person: "PA2", action: "view", ts: at(0, "10:05")},
				{id: "a3", emp: "E7", person: "PA3", ts: at(0, "10:08")},
				{id: "a4", emp: "E7", person: "PA4", ts: at(0, "10:12")},
				{id: "a5", emp: "E7", person: "PA5", ts: at(0, "10:16")},
				{id: "a6", emp: "E7", person: "PA6", ts: at(0, "10:20")},
				{id: "av", emp: "E7", person: "PA9", ts: at(0, "10:24")},
				{id: "a7", emp: "E7", person: "PA7", ts: at(0, "10:28")},
				{id: "x", emp: "E7", person: "P250", ts: at(0, "10:32")},
				{id: "a8", emp: "E7", person: "PA8", ts: at(0, "10:36")},
				{id: "b5", emp: "E1", person: "PA5", ts: at(0, "11:00")},
				{id: "b6", emp: "E1", person: "PA6", ts: at(0, "11:01")},
				{id: "b7", emp: "E1", person: "PA7", ts: at(0, "11:02")},
				{id: "b8", emp: "E1", person: "PA8", ts: at(0, "11:03")},
				{id: "b1", emp: "E1", person: "PA1", ts: at(0, "11:04")},
				{id: "b2", emp: "E1", person: "PA2", ts: at(0, "11:05")},
				{id: "r1", emp: "E7", person: "PA1", ts: at(0, "12:00")}, // the run's first person, taken back as its work
			},
			explained: map[string]string{"a1": "", "a4": "", "a2v": "", "a5": "role_based", "a6": "role_based", "av": "", "a7": "",
				"x": "", "a8": "", "b5": "", "b6": "", "b2": "", "r1": "repeat_explained"},
			signals: map[string][]string{"av": {"vip"}},
			alerts:  []alertWant{{emp: "E7", person: "PA9", alert: true, rules: []string{"vip"}}},
		},
		{
			// Team T3 (E12, E15, E4, E18) guards the shielded PS: by the
			// third member the person is the team's business. Patrol (E1,
			// team T1) looking the person up is still a finding, and so is
			// the team's look-up weeks after the others.
			name: "a shielded person whom two others of the team looked up is the team's business",
			events: []ev{
				{id: "a", emp: "E12", person: "PS", ts: at(1, "10:00")},
				{id: "b", emp: "E15", person: "PS", ts: at(2, "10:00")},
				{id: "c", emp: "E4", person: "PS", ts: at(3, "10:00")},
				{id: "d", emp: "E1", person: "PS", ts: at(3, "11:00")},
				{id: "e", emp: "E18", person: "PS", ts: at(40, "10:00")},
			},
			signals: map[string][]string{"a": {"shielded"}, "b": {"shielded"}, "d": {"shielded"}, "e": {"shielded"}},
			without: map[string][]string{"c": {"shielded"}},
			alerts: []alertWant{{emp: "E4", person: "PS"}, {emp: "E1", person: "PS", alert: true, rules: []string{"shielded"}},
				{emp: "E15", person: "PS", alert: true, rules: []string{"shielded"}}},
		},
		{
			// E90 of the integrity office opens the records of E1 and E6
			// (other teams): its work. Its own teammate E91's record is a
			// finding, as E6's record opened by patrol (E1) is.
			name: "integrity office: a colleague outside the office is its work, a teammate is a finding",
			events: []ev{
				{id: "a", emp: "E90", person: "PE1", action: "view", ts: at(1, "10:00")},
				{id: "b", emp: "E90", person: "PE6", action: "view", ts: at(1, "10:05")},
				{id: "c", emp: "E90", person: "PE91", action: "view", ts: at(1, "10:10")},
				{id: "d", emp: "E1", person: "PE6", action: "view", ts: at(1, "10:15")},
			},
			without: map[string][]string{"a": {"colleague"}, "b": {"colleague"}},
			signals: map[string][]string{"c": {"colleague"}, "d": {"colleague"}},
			alerts: []alertWant{{emp: "E90", person: "PE1"}, {emp: "E90", person: "PE91", alert: true, rules: []string{"colleague"}},
				{emp: "E1", person: "PE6", alert: true, rules: []string{"colleague"}}},
		},
		{
			// Three days of two look-ups each by the analysts E40–E49 make
			// their group's normal day: role work stops explaining past
			// three times it (six look-ups). A list is its own evidence:
			// E7's seventh and eighth suspects in a row are still work.
			name: "crime analysis: a list goes on past the role volume",
			events: append(analystDays(3, 2),
				ev{id: "a1", emp: "E7", person: "PA1", ts: at(3, "10:00")}, ev{id: "a2", emp: "E7", person: "PA2", ts: at(3, "10:04")},
				ev{id: "a3", emp: "E7", person: "PA3", ts: at(3, "10:08")}, ev{id: "a4", emp: "E7", person: "PA4", ts: at(3, "10:12")},
				ev{id: "a5", emp: "E7", person: "PA5", ts: at(3, "10:16")}, ev{id: "a6", emp: "E7", person: "PA6", ts: at(3, "10:20")},
				ev{id: "a7", emp: "E7", person: "PA7", ts: at(3, "10:24")}, ev{id: "a8", emp: "E7", person: "PA8", ts: at(3, "10:28")}),
			explained: map[string]string{"a4": "", "a5": "role_based", "a7": "role_based", "a8": "role_based"},
		},
		{
			// E1 opens P140's record on days 3, 7 and 11: following, as
			// the look-up is judged. On days 12–14 E1 makes a round of
			// eight regulars, as a neighbourhood officer does: by the time
			// the alert is made, coming back is E1's routine. E4, who
			// follows P141 alone, stays an alert.
			name: "following: judged again when the alert is made, against the routine the employee showed by then",
			events: func() []ev {
				evs := followed("E1", "P140")
				for _, d := range []int{3, 7, 11} {
					evs = append(evs, ev{id: fmt.Sprintf("g%d", d), emp: "E4", person: "P141", action: "view", ts: at(d, "11:00")})
				}
				for _, r := range regulars("E1", 8) {
					r.ts = r.ts.Add(12 * 24 * time.Hour)
					evs = append(evs, r)
				}
				return evs
			}(),
			signals: map[string][]string{"f11": {"following"}, "g11": {"following"}},
			alerts:  []alertWant{{emp: "E1", person: "P140"}, {emp: "E4", person: "P141", alert: true, rules: []string{"following"}}},
		},
		{
			// PA3 is in the news this morning (six patrol officers of
			// three teams look the person up): E7's look-up of PA3 in a
			// list breaks the run; it is no analysis and stays a hype
			// finding, and the four suspects after it are a new run.
			name: "crime analysis: a person in the news breaks the run and stays a finding",
			events: append(hype("PA3", 6, at(0, "08:00")),
				ev{id: "a1", emp: "E7", person: "PA1", ts: at(0, "11:00")}, ev{id: "a2", emp: "E7", person: "PA2", ts: at(0, "11:04")},
				ev{id: "a3", emp: "E7", person: "PA3", ts: at(0, "11:08")}, ev{id: "a4", emp: "E7", person: "PA4", ts: at(0, "11:12")},
				ev{id: "a5", emp: "E7", person: "PA5", ts: at(0, "11:16")}, ev{id: "a6", emp: "E7", person: "PA6", ts: at(0, "11:20")},
				ev{id: "a7", emp: "E7", person: "PA7", ts: at(0, "11:24")}),
			explained: map[string]string{"a3": "", "a5": "", "a7": ""},
			signals:   map[string][]string{"a3": {"news_hype"}},
			alerts:    []alertWant{{emp: "E7", person: "PA3", alert: true, rules: []string{"news_hype"}}},
		},
		{
			// a joint investigation is registered without a team; its
			// staff rows say which teams work it
			name: "team case of a case without a team, for a team with somebody on its staff; need-to-know for the others",
			events: []ev{
				{id: "a", emp: "E55", person: "PJ", ts: at(0, "10:00")},
				{id: "b", emp: "E55", person: "PJ", caseID: "CJ", ts: at(0, "10:05")},
				{id: "c", emp: "E1", person: "PJ", ts: at(0, "11:00")},
				{id: "d", emp: "E1", person: "PJ", caseID: "CJ", ts: at(0, "11:05")},
			},
			explained: map[string]string{"a": "team_case", "c": "", "d": ""},
			without:   map[string][]string{"a": {"sensitive_investigation"}},
			signals:   map[string][]string{"c": {"sensitive_investigation"}, "d": {"sensitive_investigation"}},
		},
		{
			// cases.csv may give an opening as a date only: the incident
			// opened some time that day, any time of it counts
			name: "unit incident opened on a date: any time of that day counts, not midnight",
			events: []ev{
				{id: "a", emp: "E1", person: "PD", ts: at(3, "13:00")}, // on shift 07–15
				{id: "b", emp: "E1", person: "PD", ts: at(1, "13:00")}, // two days before
			},
			explained: map[string]string{"a": "unit_incident_on_shift", "b": ""},
		},
		{
			// employees.csv has no dates: the team of an earlier row still
			// explains (work before a transfer, and handed over after it)
			name:      "team case of the former team of a transferred employee",
			events:    []ev{{id: "a", emp: "E51", person: "P1", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "team_case"},
		},
		{
			name:      "team case of the former team when the new state is given twice",
			events:    []ev{{id: "a", emp: "E54", person: "P1", ts: at(0, "10:00")}},
			explained: map[string]string{"a": "team_case"},
		},
		{
			name:      "team case long after closing is not explained",
			events:    []ev{{id: "a", emp: "E1", person: "P2", ts: at(20, "10:00")}},
			explained: map[string]string{"a": ""},
		},
		{
			name: "unit incident on a night shift across midnight",
			events: []ev{
				{id: "a", emp: "E3", person: "P4", ts: at(3, "00:30")},
				{id: "b", emp: "E1", person: "P4", ts: at(3, "00:40")}, // same unit, not on shift
			},
			explained: map[string]string{"a": "unit_incident_on_shift", "b": ""},
			signals:   map[string][]string{"b": {"off_shift", "unusual_hour"}},
			alerts:    []alertWant{{emp: "E1", person: "P4", alert: true, rules: []string{"off_shift", "unusual_hour"}}},
		},
		{
			name: "role based: control room looks up a recent intake",
			events: []ev{
				{id: "a", emp: "E3", person: "P3", ts: at(0, "23:00")},
				{id: "b", emp: "E3", person: "P3", action: "export", ts: at(1, "01:00")},
			},
			explained: map[string]string{"a": "role_based", "b": "repeat_explained"},
		},
		{
			name: "role based: an analyst looks up persons of the unit's investigations, not of a sensitive one",
			events: []ev{
				{id: "a", emp: "E7", person: "P1", action: "view", ts: at(0, "10:00")}, // C1, U1, not sensitive
				{id: "b", emp: "E7", person: "PK", action: "view", ts: at(0, "10:05")}, // CK, U1, sensitive
				{id: "c", emp: "E3", person: "P1", action: "view", ts: at(0, "23:00")}, // control room: no analysis work
			},
			explained: map[string]string{"a": "role_based", "b": "", "c": ""},
			signals:   map[string][]string{"b": {"sensitive_investigation"}},
			alerts:    []alertWant{{emp: "E7", person: "PK", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			name: "a typed case number of a sensitive investigation explains nothing to an outsider",
			events: []ev{
				{id: "a", emp: "E1", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")},
				{id: "b", emp: "E6", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")}, // E6's team handles CI
				// support teams and analysts work on investigations without
				// being on their staff, and quote the case they work for
				{id: "c", emp: "E50", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")},
				{id: "d", emp: "E40", person: "PI", caseID: "CI", action: "query", ts: at(0, "10:00")},
			},
			explained: map[string]string{"a": "", "b": "given_case", "c": "given_case", "d": "given_case"},
			signals:   map[string][]string{"a": {"sensitive_investigation"}},
			alerts:    []alertWant{{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			// E2 and E55, detectives of T2, support T3's sensitive
			// investigation CI: the second one quoting its number makes it
			// the team's support, and the number explains from then on
			name: "a sensitive investigation's number quoted by two detectives of a team is the team's support",
			events: []ev{
				{id: "a", emp: "E2", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")},
				{id: "b", emp: "E55", person: "PO", caseID: "CI", action: "view", ts: at(0, "10:30")},
				{id: "c", emp: "E2", person: "PO1", caseID: "CI", action: "view", ts: at(0, "11:00")},
			},
			explained: map[string]string{"a": "", "b": "given_case", "c": "given_case"},
			signals:   map[string][]string{"a": {"sensitive_investigation"}},
		},
		{
			name: "a detective quoting another team's sensitive investigation alone is no support",
			events: []ev{
				{id: "a", emp: "E2", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")},
				{id: "b", emp: "E2", person: "PO", caseID: "CI", action: "view", ts: at(0, "10:30")},
			},
			explained: map[string]string{"a": "", "b": ""},
			signals:   map[string][]string{"b": {"sensitive_investigation"}},
		},
		{
			name: "a second detective quoting the number a week and more later is no support",
			events: []ev{
				{id: "a", emp: "E2", person: "PI", caseID: "CI", action: "view", ts: at(0, "10:00")},
				{id: "b", emp: "E55", person: "PO", caseID: "CI", action: "view", ts: at(8, "10:30")},
			},
			explained: map[string]string{"a": "", "b": ""},
		},
		{
			name:      "role based does not cover export",
			events:    []ev{{id: "b", emp: "E3", person: "P3", action: "export", ts: at(1, "01:00")}},
			explained: map[string]string{"b": ""},
			signals:   map[string][]string{"b": {"export_print"}},
			alerts:    []alertWant{{emp: "E3", person: "P3", alert: true, rules: []string{"export_print"}}},
		},
		{
			name:      "role based does not cover off-shift look-ups",
			events:    []ev{{id: "a", emp: "E3", person: "P3", ts: at(0, "12:00")}},
			explained: map[string]string{"a": ""},
			signals:   map[string][]string{"a": {"off_shift"}},
		},
		{
			name: "repeat of an explained look-up",
			events: []ev{
				{id: "a", emp: "E1", person: "P9", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P9", ts: at(20, "11:00")},
				{id: "c", emp: "E1", person: "P9", ts: at(45, "11:00")},
			},
			explained: map[string]string{"a": "team_case", "b": "repeat_explained", "c": ""},
		},
		{
			name:      "street check: unexplained, on shift, no signal, no alert",
			events:    []ev{{id: "a", emp: "E1", person: "P50", ts: at(0, "11:00")}},
			explained: map[string]string{"a": ""},
			without:   map[string][]string{"a": {"off_shift", "unusual_hour", "shared_surname"}},
			alerts:    []alertWant{{emp: "E1", person: "P50"}},
		},
		{
			name:      "self",
			events:    []ev{{id: "a", emp: "E1", person: "PE1", ts: at(0, "11:00")}},
			signals:   map[string][]string{"a": {"self"}},
			alerts:    []alertWant{{emp: "E1", person: "PE1", alert: true, rules: []string{"self"}, severity: "high"}},
			explained: map[string]string{"a": ""},
		},
		{
			name:    "self guessed from a unique surname when person_id is empty",
			events:  []ev{{id: "a", emp: "E4", person: "PQ", ts: at(0, "11:00")}},
			signals: map[string][]string{"a": {"self"}},
			alerts:  []alertWant{{emp: "E4", person: "PQ", alert: true, rules: []string{"self"}}},
		},
		{
			name:      "partner at the same address, explained by a team case, still alerts",
			events:    []ev{{id: "a", emp: "E1", person: "PP", ts: at(0, "10:00")}},
			signals:   map[string][]string{"a": {"partner", "same_address"}},
			explained: map[string]string{"a": "team_case"},
			alerts:    []alertWant{{emp: "E1", person: "PP", alert: true, rules: []string{"partner", "same_address"}, severity: "high"}},
		},
		{
			name:    "ex-partner, relation written the other way round",
			events:  []ev{{id: "a", emp: "E1", person: "PX", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"ex_partner"}},
			alerts:  []alertWant{{emp: "E1", person: "PX", alert: true, rules: []string{"ex_partner"}}},
		},
		{
			name:    "neighbour",
			events:  []ev{{id: "a", emp: "E1", person: "PN", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"same_postcode"}},
			without: map[string][]string{"a": {"same_address"}},
			alerts:  []alertWant{{emp: "E1", person: "PN", alert: true, rules: []string{"same_postcode"}}},
		},
		{
			name:    "rare shared surname without a registered relation",
			events:  []ev{{id: "a", emp: "E2", person: "PZ", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"shared_surname"}},
			alerts:  []alertWant{{emp: "E2", person: "PZ", alert: true, rules: []string{"shared_surname"}}},
		},
		{
			name:    "common shared surname counts for nothing",
			events:  []ev{{id: "a", emp: "E6", person: "P3", ts: at(0, "10:00")}},
			without: map[string][]string{"a": {"shared_surname"}},
			alerts:  []alertWant{{emp: "E6", person: "P3"}},
		},
		{
			name:    "colleague",
			events:  []ev{{id: "a", emp: "E1", person: "PE2", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"colleague"}},
			alerts:  []alertWant{{emp: "E1", person: "PE2", alert: true, rules: []string{"colleague"}}},
		},
		{
			// a name search that lists a workmate among namesakes: the
			// workmate first (taken back when the list shows) or later
			name: "a workmate listed by a search among others is no colleague signal",
			events: []ev{
				{id: "a", emp: "E1", person: "PE2", ts: at(0, "10:00")}, {id: "b", emp: "E1", person: "P150", ts: at(0, "10:00")},
				{id: "c", emp: "E1", person: "P151", ts: at(1, "10:00")}, {id: "d", emp: "E1", person: "PE2", ts: at(1, "10:00")},
			},
			without: map[string][]string{"d": {"colleague"}},
			alerts:  []alertWant{{emp: "E1", person: "PE2"}},
		},
		{
			name:    "a search hit on somebody employed in another unit is no colleague signal",
			events:  []ev{{id: "a", emp: "E1", person: "PE6", ts: at(0, "10:00")}},
			without: map[string][]string{"a": {"colleague"}},
			alerts:  []alertWant{{emp: "E1", person: "PE6"}},
		},
		{
			name:    "opening the record of somebody employed in another unit is",
			events:  []ev{{id: "a", emp: "E1", person: "PE6", action: "view", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"colleague"}},
			alerts:  []alertWant{{emp: "E1", person: "PE6", alert: true, rules: []string{"colleague"}}},
		},
		{
			name:    "public figure",
			events:  []ev{{id: "a", emp: "E1", person: "PV", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"vip"}},
			alerts:  []alertWant{{emp: "E1", person: "PV", alert: true, rules: []string{"vip"}}},
		},
		{
			name:    "shielded",
			events:  []ev{{id: "a", emp: "E1", person: "PS", ts: at(0, "10:00")}},
			signals: map[string][]string{"a": {"shielded"}},
			alerts:  []alertWant{{emp: "E1", person: "PS", alert: true, rules: []string{"shielded"}}},
		},
		{
			name: "sensitive investigation the employee is not on: record opened",
			events: []ev{
				{id: "a", emp: "E1", person: "PI", action: "view", ts: at(0, "10:00")},
				{id: "b", emp: "E6", person: "PI", ts: at(0, "10:00")}, // E6's team handles it
			},
			signals:   map[string][]string{"a": {"sensitive_investigation"}},
			explained: map[string]string{"b": "team_case"},
			alerts: []alertWant{
				{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}, severity: "high"},
				{emp: "E6", person: "PI"},
			},
		},
		{
			name: "sensitive investigation: one search hit among a day of street checks alerts: a leak takes one look-up",
			events: append(streetChecks("E1"), []ev{
				{id: "a", emp: "E1", person: "PI", ts: at(0, "10:00")},
			}...),
			signals: map[string][]string{"a": {"sensitive_investigation"}},
			alerts:  []alertWant{{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			name: "sensitive investigation: one search hit by staff who never look anyone up without a work link alerts",
			events: []ev{
				{id: "a", emp: "E1", person: "PI", ts: at(0, "10:00")},
			},
			signals: map[string][]string{"a": {"sensitive_investigation"}},
			alerts:  []alertWant{{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			name: "sensitive investigation: a second query the same day marks both",
			events: []ev{
				{id: "a", emp: "E1", person: "PI", ts: at(0, "10:00")},
				{id: "b", emp: "E1", person: "PI", ts: at(0, "13:00")},
			},
			signals: map[string][]string{"b": {"sensitive_investigation"}},
			alerts:  []alertWant{{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}}},
		},
		{
			name:   "first day of a log: a group that routinely looks into sensitive investigations is judged by its day; an outsider is not",
			events: firstDayRoutine(),
			// (explanation lines report what was known at the look-up; the
			// alerts carry the judgement at the end of the day)
			signals: map[string][]string{"out": {"sensitive_investigation"}},
			alerts: []alertWant{
				{emp: "E1", person: "PI", alert: true, rules: []string{"sensitive_investigation"}},
				{emp: "E20", person: "PI"}, {emp: "E20", person: "PK"}, {emp: "E21", person: "PI"}, {emp: "E29", person: "PK"},
			},
		},
		{
			name:    "sensitive investigation: a control room whose days often bring one such look-up is judged by its own days",
			events:  controlRoomSensitiveRoutine(),
			without: map[string][]string{"one": {"sensitive_investigation"}},
			signals: map[string][]string{"second": {"sensitive_investigation"}},
			alerts: []alertWant{
				{emp: "E20", person: "PK"},
				{emp: "E21", person: "PI"},
				{emp: "E21", person: "PK", alert: true, rules: []string{"sensitive_investigation"}},
			},
		},
		{
			name: "off shift: explained work within two hours before or after shows the roster is incomplete",
			events: []ev{
				{id: "w1", emp: "E1", person: "P1", caseID: "C1", ts: at(0, "16:30")}, // work after the 07–15 shift
				{id: "a", emp: "E1", person: "P60", ts: at(0, "17:00")},               // within 2 h after it
				{id: "b", emp: "E1", person: "P61", ts: at(0, "20:00")},               // work follows within 2 h
				{id: "w2", emp: "E1", person: "P1", caseID: "C1", ts: at(0, "21:30")},
				{id: "c", emp: "E1", person: "P62", ts: at(1, "19:00")}, // nothing near
			},
			without: map[string][]string{"a": {"off_shift"}},
			signals: map[string][]string{"c": {"off_shift"}},
			alerts: []alertWant{
				{emp: "E1", person: "P60"},
				{emp: "E1", person: "P61"},
				{emp: "E1", person: "P62", alert: true, rules: []string{"off_shift"}},
			},
		},
		{
			// E1's roster says 07–15 (05–17 with the slack). Explained work
			// at 19:00 or 21:30 is a shift the roster lacks: the whole
			// evening is work, not only two hours around the case. Work
			// at 16:30 is the registered shift running late.
			name: "off shift: explained work off the roster is a shift the roster lacks, for four hours either side",
			events: []ev{
				{id: "w1", emp: "E1", person: "P1", caseID: "C1", ts: at(2, "19:00")},
				{id: "a", emp: "E1", person: "P63", ts: at(2, "22:00")}, // 3 h after off-roster work
				{id: "b", emp: "E1", person: "P64", ts: at(3, "18:00")}, // 3.5 h before it
				{id: "w2", emp: "E1", person: "P1", caseID: "C1", ts: at(3, "21:30")},
				{id: "w3", emp: "E1", person: "P1", caseID: "C1", ts: at(4, "16:30")}, // on the roster (slack)
				{id: "c", emp: "E1", person: "P65", ts: at(4, "20:00")},               // 3.5 h after it
			},
			without: map[string][]string{"a": {"off_shift"}},
			signals: map[string][]string{"c": {"off_shift"}},
			alerts: []alertWant{
				{emp: "E1", person: "P63"},
				{emp: "E1", person: "P64"},
				{emp: "E1", person: "P65", alert: true, rules: []string{"off_shift"}},
			},
		},
		{
			name: "new employee: who first appears once the log is under way, not who works rotating shifts",
			events: append(peerDays(), // the log starts on day -2; the noodhulp peers get a baseline
				ev{id: "new", emp: "E4", person: "P150", ts: at(5, "10:00")},
				ev{id: "old", emp: "E17", person: "P151", ts: at(6, "10:00")}), // 2 days of history, from the start
			signals: map[string][]string{"new": {"new_employee"}},
			without: map[string][]string{"old": {"new_employee"}},
		},
		{
			name:    "off shift: busy in the systems is at work, the roster notwithstanding",
			events:  burst("E1", 70, 8, at(2, "18:00"), 5*time.Minute), // eight persons without a work link, off the 07–15 roster
			without: map[string][]string{"b7": {"off_shift"}},          // b0 is taken back in its alert, after its line was written
			alerts:  []alertWant{{emp: "E1", person: "P70"}, {emp: "E1", person: "P77"}},
		},
		{
			// E3 (control room, nights) at noon, off the roster: two
			// people looked up seven times is a private errand; three
			// people twice each is a busy desk (a caller is looked up
			// several times in several systems).
			name: "off shift: the control room's busy spell needs several people, not one or two looked up again and again",
			events: func() []ev {
				var evs []ev
				for i := 0; i < 7; i++ {
					evs = append(evs, ev{id: fmt.Sprintf("p%d", i), emp: "E3", person: fmt.Sprintf("P%d", 160+i%2), ts: at(2, fmt.Sprintf("12:%02d", 2*i))})
				}
				for i := 0; i < 6; i++ {
					evs = append(evs, ev{id: fmt.Sprintf("w%d", i), emp: "E3", person: fmt.Sprintf("P%d", 170+i%3), ts: at(3, fmt.Sprintf("12:%02d", 2*i))})
				}
				return evs
			}(),
			alerts: []alertWant{
				{emp: "E3", person: "P160", alert: true, rules: []string{"off_shift"}},
				{emp: "E3", person: "P161", alert: true, rules: []string{"off_shift"}},
				{emp: "E3", person: "P170"}, {emp: "E3", person: "P171"}, {emp: "E3", person: "P172"},
			},
		},
		{
			// E1 opens P140's record on three days over eight (following);
			// with eight regulars he keeps coming back to as well (a
			// neighbourhood officer's), that is his routine.
			name:   "following: one person followed is found, not among eight other regulars",
			events: append(regulars("E1", 4), followed("E1", "P140")...),
			alerts: []alertWant{{emp: "E1", person: "P140", alert: true, rules: []string{"following"}}},
		},
		{
			// P140 is known to many: three colleagues looked the person
			// up without a work link too (a known offender, a regular of
			// the area); with two it is still E1's own interest
			name:   "following: not for a person three other employees looked up without a work link",
			events: append(othersLooked("P140", 3), followed("E1", "P140")...),
			alerts: []alertWant{{emp: "E1", person: "P140"}},
		},
		{
			name:   "following: two other employees are not a crowd",
			events: append(othersLooked("P140", 2), followed("E1", "P140")...),
			alerts: []alertWant{{emp: "E1", person: "P140", alert: true, rules: []string{"following"}}},
		},
		{
			name:   "following: coming back to people is the routine of an employee with eight regulars",
			events: append(regulars("E1", 8), followed("E1", "P140")...),
			alerts: []alertWant{{emp: "E1", person: "P140"}},
		},
		{
			// Three name searches in twenty minutes, each listing four
			// namesakes (a query that lists several people is several
			// events at the same second): three looks, not twelve.
			name: "browsing: a search that lists several people counts as one look",
			events: func() []ev {
				var evs []ev
				for i := 0; i < 12; i++ {
					evs = append(evs, ev{id: fmt.Sprintf("h%d", i), emp: "E1", person: fmt.Sprintf("P%d", 100+i), action: "query", ts: at(2, fmt.Sprintf("10:%02d", 10*(i/4)))})
				}
				return evs
			}(),
			without: map[string][]string{"h11": {"browsing"}},
			alerts:  noBurstAlerts("E1", 100, 12),
		},
		{
			name:    "browsing: the same twelve people searched one by one",
			events:  burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute),
			signals: map[string][]string{"b11": {"browsing"}},
			alerts:  burstWant("E1", 100, 12, "browsing"),
		},
		{
			// E1 is one of the officers at the gates on a match day: E11
			// checked three of the twelve supporters E1 checks within the
			// hour before (a quarter of them). A joint operation, not
			// browsing.
			name:    "browsing: supporters checked together at a match are not browsing",
			events:  append(sharedChecks("E11", 100, 3, at(2, "09:40")), burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute)...),
			without: map[string][]string{"b9": {"browsing"}, "b11": {"browsing"}},
		},
		{
			// one of twelve is chance: a colleague met the same person
			name:    "browsing: one person another officer also checked does not make an operation",
			events:  append(sharedChecks("E11", 100, 1, at(2, "09:40")), burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute)...),
			signals: map[string][]string{"b11": {"browsing"}},
		},
		{
			// the colleague's checks were the morning before: no shared
			// operation now
			name:    "browsing: other officers' checks more than an hour before do not make an operation",
			events:  append(sharedChecks("E11", 100, 3, at(2, "07:40")), burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute)...),
			signals: map[string][]string{"b11": {"browsing"}},
		},
		{
			// a checkpoint: E51, of E1's team, stops six other drivers in
			// the same half hour as E1 stops twelve
			name:    "browsing: a team's checkpoint is not browsing",
			events:  append(burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute), sharedChecks("E51", 300, 6, at(2, "10:05"))...),
			without: map[string][]string{"b9": {"browsing"}, "b11": {"browsing"}},
		},
		{
			name:    "browsing: a teammate's few look-ups at the same time do not make a checkpoint",
			events:  append(burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute), sharedChecks("E51", 300, 4, at(2, "10:05"))...),
			signals: map[string][]string{"b11": {"browsing"}},
		},
		{
			// E12 checks six drivers at the same time, but in another team
			name:    "browsing: another team's look-ups at the same time do not make a checkpoint",
			events:  append(burst("E1", 100, 12, at(2, "10:00"), 2*time.Minute), sharedChecks("E12", 300, 6, at(2, "10:05"))...),
			signals: map[string][]string{"b11": {"browsing"}},
		},
		{
			// E2, a detective, goes along a street after a burglary: its
			// twelve residents in twenty-four minutes, none in a record
			// yet. They count as one person towards browsing.
			name:    "browsing: a detective's canvass of one street is not browsing",
			events:  burst("E2", 920, 12, at(2, "10:00"), 2*time.Minute),
			without: map[string][]string{"b3": {"browsing"}, "b11": {"browsing"}},
			alerts:  noBurstAlerts("E2", 920, 12),
		},
		{
			name:    "browsing: a patrol officer looking up a whole street is",
			events:  burst("E1", 920, 12, at(2, "10:00"), 2*time.Minute),
			signals: map[string][]string{"b11": {"browsing"}},
			alerts:  burstWant("E1", 920, 12, "browsing"),
		},
		{
			// three neighbours among nine people elsewhere: a
			// neighbourhood browsed, not a street canvassed
			name: "browsing: a detective's three residents of one street among others are",
			events: append(burst("E2", 100, 9, at(2, "10:00"), 2*time.Minute),
				ev{id: "k1", emp: "E2", person: "P920", ts: at(2, "10:19")},
				ev{id: "k2", emp: "E2", person: "P921", ts: at(2, "10:20")},
				ev{id: "k3", emp: "E2", person: "P922", ts: at(2, "10:21")}),
			signals: map[string][]string{"k3": {"browsing"}},
		},
		{
			// two streets, one after the other: two canvasses
			name: "browsing: a detective's canvass of two streets in turn is not browsing",
			events: func() []ev {
				var evs []ev
				for i := 0; i < 12; i++ {
					p := 920 + i // six of 3500KV, then six of 3500KW
					if i >= 6 {
						p = 940 + i - 6
					}
					evs = append(evs, ev{id: fmt.Sprintf("s%d", i), emp: "E2", person: fmt.Sprintf("P%d", p), ts: at(2, fmt.Sprintf("10:%02d", 2*i))})
				}
				return evs
			}(),
			without: map[string][]string{"s11": {"browsing", "volume"}},
		},
		{
			// a detective who alternates between two streets every minute
			// is looking at a neighbourhood, not going door to door
			name: "browsing: a detective's look-ups alternating between two streets are",
			events: func() []ev {
				var evs []ev
				for i := 0; i < 6; i++ {
					evs = append(evs,
						ev{id: fmt.Sprintf("v%d", i), emp: "E2", person: fmt.Sprintf("P%d", 920+i), ts: at(2, fmt.Sprintf("10:%02d", 4*i))},
						ev{id: fmt.Sprintf("w%d", i), emp: "E2", person: fmt.Sprintf("P%d", 940+i), ts: at(2, fmt.Sprintf("10:%02d", 4*i+2))})
				}
				return evs
			}(),
			signals: map[string][]string{"w4": {"browsing"}},
		},
		{
			// Off the 07–15 roster, in the evening: a different person
			// every half hour for four hours is a working day the roster
			// lacks (a swapped shift); once the stretch shows, the
			// findings before it are taken back too.
			name:    "off shift: a stretch of work in daytime, the roster notwithstanding",
			events:  burst("E1", 80, 8, at(3, "17:30"), 30*time.Minute),
			without: map[string][]string{"b4": {"off_shift"}, "b7": {"off_shift"}},
			alerts:  noBurstAlerts("E1", 80, 8),
		},
		{
			name:   "off shift: the same stretch at night, or a short one in daytime, is no work evidence",
			events: append(burst("E1", 80, 8, at(4, "00:00"), 30*time.Minute), shortSession("E1", 90, 4, at(5, "18:00"), 15*time.Minute)...),
			alerts: append(burstWant("E1", 80, 8, "off_shift"), burstWant("E1", 90, 4, "off_shift")...),
		},
		{
			// A private session at night: six people, each found and then
			// opened, off the roster. Six different persons are no busy
			// spell yet (an independent world plants sessions of four to
			// seven).
			name: "off shift: six persons found and opened at night are no busy spell",
			events: func() []ev {
				var evs []ev
				for i := 0; i < 6; i++ {
					p := 70 + i
					evs = append(evs,
						ev{id: fmt.Sprintf("q%d", i), emp: "E1", person: fmt.Sprintf("P%d", p), action: "query", ts: at(2, fmt.Sprintf("02:%02d", 5*i))},
						ev{id: fmt.Sprintf("v%d", i), emp: "E1", person: fmt.Sprintf("P%d", p), action: "view", ts: at(2, fmt.Sprintf("02:%02d", 5*i+2))})
				}
				return evs
			}(),
			signals: map[string][]string{"v5": {"off_shift"}},
			alerts: []alertWant{
				{emp: "E1", person: "P70", alert: true, rules: []string{"off_shift"}},
				{emp: "E1", person: "P75", alert: true, rules: []string{"off_shift"}},
			},
		},
		{
			// Three persons, each found and opened (and one opened twice), at
			// night off the roster: a private session comes back to a few
			// people; work brings many.
			name: "off shift: six look-ups of three persons are no busy spell",
			events: []ev{
				{id: "n0", emp: "E1", person: "P70", action: "query", ts: at(2, "02:00")},
				{id: "n1", emp: "E1", person: "P70", action: "view", ts: at(2, "02:01")},
				{id: "n2", emp: "E1", person: "P71", action: "query", ts: at(2, "02:05")},
				{id: "n3", emp: "E1", person: "P71", action: "view", ts: at(2, "02:06")},
				{id: "n4", emp: "E1", person: "P72", action: "query", ts: at(2, "02:10")},
				{id: "n5", emp: "E1", person: "P72", action: "view", ts: at(2, "02:11")},
				{id: "n6", emp: "E1", person: "P72", action: "view", ts: at(2, "02:15")},
			},
			signals: map[string][]string{"n6": {"off_shift"}},
			alerts: []alertWant{
				{emp: "E1", person: "P70", alert: true, rules: []string{"off_shift"}},
				{emp: "E1", person: "P72", alert: true, rules: []string{"off_shift"}},
			},
		},
		{
			// A team incident on day 0; coming back to its person in the
			// days after is follow-up work (repeat_explained), coming back
			// week after week once the work is long over is following.
			name: "following: a repeat explains a return after the work, not a habit weeks later",
			events: []ev{
				{id: "w", emp: "E1", person: "P9", action: "view", ts: at(0, "10:30")},
				{id: "r1", emp: "E1", person: "P9", action: "view", ts: at(4, "10:00")},
				{id: "h1", emp: "E1", person: "P9", action: "view", ts: at(10, "10:00")},
				{id: "h2", emp: "E1", person: "P9", action: "view", ts: at(13, "10:00")},
				{id: "h3", emp: "E1", person: "P9", action: "view", ts: at(17, "10:00")},
				{id: "h4", emp: "E1", person: "P9", action: "view", ts: at(21, "10:00")},
			},
			explained: map[string]string{"w": "team_case", "r1": "repeat_explained", "h1": "repeat_explained", "h2": "repeat_explained", "h3": "", "h4": ""},
			signals:   map[string][]string{"h3": {"following"}, "h4": {"following"}},
			alerts:    []alertWant{{emp: "E1", person: "P9", alert: true, rules: []string{"following"}}},
		},
		{
			name: "following: a detective coming back to a housemate of a person in the case is work; anyone else follows",
			events: byTime([]ev{
				{id: "d1", emp: "E2", person: "PH", action: "view", ts: at(0, "10:00")}, // E2 is on case C1, with P1
				{id: "d2", emp: "E2", person: "PH", action: "view", ts: at(7, "10:00")},
				{id: "d3", emp: "E2", person: "PH", action: "view", ts: at(14, "10:00")},
				{id: "d4", emp: "E2", person: "PH", action: "view", ts: at(21, "10:00")},
				{id: "x1", emp: "E1", person: "PH", action: "view", ts: at(0, "11:00")},
				{id: "x2", emp: "E1", person: "PH", action: "view", ts: at(7, "11:00")},
				{id: "x3", emp: "E1", person: "PH", action: "view", ts: at(14, "11:00")},
				{id: "x4", emp: "E1", person: "PH", action: "view", ts: at(21, "11:00")},
			}),
			without: map[string][]string{"d4": {"following"}},
			signals: map[string][]string{"x4": {"following"}},
			alerts: []alertWant{
				{emp: "E2", person: "PH"},
				{emp: "E1", person: "PH", alert: true, rules: []string{"following"}},
			},
		},
		{
			name: "following: the housemate link counts when it held during the look-ups, not only at the last one",
			events: []ev{ // E6 is on CR (with PR1) from day 0 to day 8
				{id: "f1", emp: "E6", person: "PR1H", action: "view", ts: at(0, "10:00")},
				{id: "f2", emp: "E6", person: "PR1H", action: "view", ts: at(7, "10:00")},
				{id: "f3", emp: "E6", person: "PR1H", action: "view", ts: at(14, "10:00")},
				{id: "f4", emp: "E6", person: "PR1H", action: "view", ts: at(21, "10:00")},
			},
			without: map[string][]string{"f4": {"following"}},
			alerts:  []alertWant{{emp: "E6", person: "PR1H"}},
		},
		{
			name: "off shift alerts low, with a print it weighs more",
			events: []ev{
				{id: "a", emp: "E1", person: "P60", ts: at(0, "19:00")},
				{id: "b", emp: "E1", person: "P61", action: "print", ts: at(0, "19:05")},
			},
			signals: map[string][]string{"a": {"off_shift"}, "b": {"off_shift", "export_print"}},
			without: map[string][]string{"a": {"unusual_hour"}},
			alerts: []alertWant{
				{emp: "E1", person: "P60", alert: true, rules: []string{"off_shift"}, severity: "low"},
				{emp: "E1", person: "P61", alert: true, rules: []string{"off_shift", "export_print"}, severity: "medium"},
			},
		},
		{
			name:    "unusual hour without roster",
			events:  []ev{{id: "a", emp: "E2", person: "P62", ts: at(0, "02:00")}},
			signals: map[string][]string{"a": {"unusual_hour"}},
			without: map[string][]string{"a": {"off_shift"}},
			alerts:  []alertWant{{emp: "E2", person: "P62"}},
		},
		{
			name:   "browsing: many unrelated persons in half an hour, every one alerts",
			events: burst("E1", 100, 12, at(0, "11:00"), 2*time.Minute),
			alerts: burstWant("E1", 100, 12, "browsing"),
		},
		{
			name:   "slow browsing: one unrelated person every six minutes for two hours",
			events: append(peerDays(), burst("E10", 100, 20, at(0, "08:00"), 6*time.Minute)...),
			// the fifteenth person completes it; the persons before and
			// after count towards no second finding
			alerts:  append(burstWant("E10", 114, 1, "browsing"), alertWant{emp: "E10", person: "P100"}, alertWant{emp: "E10", person: "P119"}),
			signals: map[string][]string{"b14": {"browsing"}},
			without: map[string][]string{"b0": {"browsing"}, "b13": {"browsing"}, "b15": {"browsing"}, "b19": {"browsing"}},
		},
		{
			name: "a short burst is not found again as a slow one",
			events: append(append(peerDays(), burst("E10", 100, 15, at(0, "08:00"), time.Minute)...),
				ev{id: "s", emp: "E10", person: "P150", ts: at(0, "09:30")}),
			alerts:  append(burstWant("E10", 100, 15, "browsing"), alertWant{emp: "E10", person: "P150"}),
			without: map[string][]string{"s": {"browsing"}},
		},
		{
			// Callers are in no record: for the control room, a dozen of
			// them in half an hour is a busy spell, judged against the
			// control room's own normal, not against patrol's.
			name: "browsing is judged against the peer group",
			events: append(append(byTime(append(controlRoomDays(), peerDays()...)),
				burst("E20", 100, 12, at(0, "11:00"), 2*time.Minute)...),
				burst("E10", 150, 12, at(0, "11:00"), 2*time.Minute)...),
			alerts: append(burstWant("E10", 150, 12, "browsing"), alertWant{emp: "E20", person: "P100"}, alertWant{emp: "E20", person: "P111"}),
		},
		{
			// Analysts run lists: twenty persons in ten minutes is what
			// every analyst at work today did, so the tenth analyst's list
			// is their routine, not a burst. (The first ones, before the
			// group has shown it, are findings.)
			name:    "browsing: a list run that is the group's routine is no finding",
			events:  listRuns(),
			signals: map[string][]string{"l40-19": {"browsing"}},
			without: map[string][]string{"l49-19": {"browsing"}},
		},
		{
			name:    "a steady day of unrelated look-ups is no browsing",
			events:  burst("E1", 100, 12, at(0, "07:10"), 40*time.Minute),
			alerts:  burstWant("E1", 100, 0, "browsing"),
			without: map[string][]string{"b0": {"browsing"}, "b11": {"browsing"}},
		},
		{
			name: "following: one person's record opened on several days over weeks",
			events: []ev{
				{id: "a", emp: "E1", person: "P70", action: "view", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P70", action: "view", ts: at(6, "11:00")},
				{id: "c", emp: "E1", person: "P70", action: "view", ts: at(13, "11:00")},
				{id: "d", emp: "E1", person: "P70", action: "view", ts: at(20, "11:00")},
			},
			alerts: []alertWant{{emp: "E1", person: "P70", alert: true, rules: []string{"following"}}},
		},
		{
			name: "following survives a pause longer than the group gap",
			events: []ev{
				{id: "a", emp: "E1", person: "P71", action: "view", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P71", action: "view", ts: at(2, "11:00")},
				{id: "c", emp: "E1", person: "P71", action: "view", ts: at(18, "11:00")},
			},
			signals: map[string][]string{"c": {"following"}},
		},
		{
			name: "a local person found by queries now and then is no following",
			events: []ev{
				{id: "a", emp: "E1", person: "P72", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P72", ts: at(6, "11:00")},
				{id: "c", emp: "E1", person: "P72", ts: at(13, "11:00")},
				{id: "d", emp: "E1", person: "P72", ts: at(20, "11:00")},
			},
			without: map[string][]string{"d": {"following"}},
			alerts:  []alertWant{{emp: "E1", person: "P72"}},
		},
		{
			// an ex-partner is searched for, rarely opened: six days of
			// searches over weeks are following all the same
			name: "following: one person searched for on six days over weeks",
			events: []ev{
				{id: "a", emp: "E1", person: "P73", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P73", ts: at(3, "11:00")},
				{id: "c", emp: "E1", person: "P73", ts: at(6, "11:00")},
				{id: "d", emp: "E1", person: "P73", ts: at(9, "11:00")},
				{id: "e", emp: "E1", person: "P73", ts: at(13, "11:00")},
				{id: "f", emp: "E1", person: "P73", ts: at(17, "11:00")},
			},
			without: map[string][]string{"e": {"following"}},
			signals: map[string][]string{"f": {"following"}},
		},
		{
			name: "following: a record opened once among five days of searches",
			events: []ev{
				{id: "a", emp: "E1", person: "P74", ts: at(0, "11:00")},
				{id: "b", emp: "E1", person: "P74", ts: at(4, "11:00")},
				{id: "c", emp: "E1", person: "P74", ts: at(8, "11:00")},
				{id: "d", emp: "E1", person: "P74", ts: at(12, "11:00")},
				{id: "e", emp: "E1", person: "P74", action: "view", ts: at(16, "11:00")},
			},
			signals: map[string][]string{"e": {"following"}},
		},
		{
			name: "news hype: role work does not explain a look-up of the hype's subject",
			events: append(hype("P3", 6, at(0, "19:00")), // P3 is in a recent intake of U1
				ev{id: "op", emp: "E3", person: "P3", ts: at(0, "23:00")}), // the control room serves it
			explained: map[string]string{"op": ""},
			signals:   map[string][]string{"op": {"news_hype"}},
			alerts:    []alertWant{{emp: "E3", person: "P3", alert: true, rules: []string{"news_hype"}}},
		},
		{
			name:   "news hype: many employees without a work link, same day",
			events: hype("P80", 7, at(1, "12:00")),
			alerts: hypeWant("P80", 7),
		},
		{
			// U2's incident of the night: its day shift looks the suspect
			// up after the incident's own window; another unit's is news.
			name:    "the unit's follow-up of its own incident is no hype; another unit's incident is",
			events:  byTime(append(hype("PFLED", 6, at(3, "09:00")), hypeNamed("k", "PFLED1", 6, at(3, "09:00"))...)),
			without: map[string][]string{"h5": {"news_hype"}},
			signals: map[string][]string{"k5": {"news_hype"}},
		},
		{
			// Six employees of three teams go through the same four test
			// persons in a training session: a list, not the news.
			name:   "a crowd working a list is no hype (limits.hype_list_persons)",
			events: listSession(6, []string{"P240", "P241", "P242", "P243"}, at(1, "09:00")),
			without: map[string][]string{
				"l0_0": {"news_hype"}, "l0_5": {"news_hype"}, "l1_5": {"news_hype"}, "l2_5": {"news_hype"}, "l3_5": {"news_hype"},
			},
		},
		{
			// The curious each have their own day besides; two of them, of
			// one team, share three people of their shift's work.
			name: "a hype stands beside the crowd's own work, and teammates' shared work",
			events: byTime(append(hype("P81", 6, at(1, "12:00")),
				ev{id: "s1", emp: "E10", person: "P250", ts: at(1, "08:00")}, ev{id: "s2", emp: "E13", person: "P250", ts: at(1, "08:05")},
				ev{id: "s3", emp: "E10", person: "P251", ts: at(1, "08:10")}, ev{id: "s4", emp: "E13", person: "P251", ts: at(1, "08:15")},
				ev{id: "s5", emp: "E10", person: "P252", ts: at(1, "08:20")}, ev{id: "s6", emp: "E13", person: "P252", ts: at(1, "08:25")},
				ev{id: "s7", emp: "E11", person: "P253", ts: at(1, "09:00")}, ev{id: "s8", emp: "E12", person: "P254", ts: at(1, "09:00")},
				ev{id: "s9", emp: "E14", person: "P255", ts: at(1, "09:00")}, ev{id: "s10", emp: "E15", person: "P256", ts: at(1, "09:00")})),
			signals: map[string][]string{"h5": {"news_hype"}},
		},
		{
			// (The log starts a day earlier: at its start a hype is judged
			// when it has passed, see the warm-up cases below.)
			name: "news hype across midnight: the window slides",
			events: []ev{
				{id: "start", emp: "E1", person: "P1", caseID: "C1", ts: at(0, "10:00")},
				{id: "a", emp: "E10", person: "P82", ts: at(1, "21:00")},
				{id: "b", emp: "E11", person: "P82", ts: at(1, "22:00")},
				{id: "c", emp: "E12", person: "P82", ts: at(1, "23:00")},
				{id: "d", emp: "E13", person: "P82", ts: at(2, "00:30")},
				{id: "e", emp: "E14", person: "P82", ts: at(2, "01:30")},
				{id: "f", emp: "E15", person: "P82", ts: at(3, "03:00")}, // more than a day after the others
			},
			signals: map[string][]string{"e": {"news_hype"}},
			without: map[string][]string{"f": {"news_hype"}},
			alerts:  append(hypeWant("P82", 5), alertWant{emp: "E15", person: "P82"}),
		},
		{
			name: "colleagues of one team are no hype: they share their work",
			events: []ev{
				{id: "a", emp: "E30", person: "P83", ts: at(1, "10:00")},
				{id: "b", emp: "E31", person: "P83", ts: at(1, "10:30")},
				{id: "c", emp: "E32", person: "P83", ts: at(1, "11:00")},
				{id: "d", emp: "E33", person: "P83", ts: at(1, "11:30")},
				{id: "e", emp: "E34", person: "P83", ts: at(1, "12:00")},
				{id: "f", emp: "E35", person: "P83", ts: at(1, "12:30")},
			},
			without: map[string][]string{"f": {"news_hype"}},
		},
		{
			name: "role staff of several teams on one person are no hype: it is their work",
			events: []ev{
				{id: "a", emp: "E20", person: "P84", ts: at(1, "10:00")},
				{id: "b", emp: "E21", person: "P84", ts: at(1, "10:10")},
				{id: "c", emp: "E22", person: "P84", ts: at(1, "10:20")},
				{id: "d", emp: "E23", person: "P84", ts: at(1, "10:30")},
				{id: "e", emp: "E24", person: "P84", ts: at(1, "10:40")},
				{id: "f", emp: "E25", person: "P84", ts: at(1, "10:50")},
			},
			without: map[string][]string{"f": {"news_hype"}},
		},
		{
			// P85 is checked by three employees without a work link every
			// day; five on the seventh day is the person's usual, not news.
			name:    "a known person checked every day is no hype",
			events:  knownPerson("P85", 6, 3, 5),
			without: map[string][]string{"k6-4": {"news_hype"}},
		},
		{
			// Twelve employees handle P1 (they give its case number); five
			// without a link, one before them, are a few extra, not a hype.
			name: "a person many handle is no hype",
			events: append(append(hype("P1", 1, at(1, "07:00")), handled("P1", "C1", 12, at(1, "08:00"))...),
				ev{id: "h1", emp: "E11", person: "P1", ts: at(1, "12:00")}, ev{id: "h2", emp: "E12", person: "P1", ts: at(1, "12:20")},
				ev{id: "h3", emp: "E13", person: "P1", ts: at(1, "12:40")}, ev{id: "h4", emp: "E14", person: "P1", ts: at(1, "13:00")}),
			without: map[string][]string{"h4": {"news_hype"}},
		},
		{
			// From the log's first look-up on, six employees of three teams
			// check P86 every day: the first day's six were a hype by count,
			// but the days after show they are the person's usual.
			name:   "warm-up: a known person checked every day from the log's start is no hype",
			events: knownPerson("P86", 2, 6, 6),
			alerts: noAlerts("P86", 10),
		},
		{
			// Seven on the log's first day, one the day after: a surge that
			// faded, so it stands when judged.
			name: "warm-up: a hype on the log's first day stands when it has passed",
			events: append(hype("P80", 7, at(1, "12:00")),
				ev{id: "next", emp: "E20", person: "P80", ts: at(2, "15:00")}),
			alerts: hypeWant("P80", 7),
		},
		{
			// P1 is in case C1, which E1 is neither on nor in the team of:
			// quoting C1 explains the look-up (see "given case number"), but
			// not while P1 is in the news and the number is known to all.
			name: "a case number quoted during a hype of its subject explains nothing by itself",
			events: append(append([]ev{{id: "start", emp: "E2", person: "P1", ts: at(0, "10:00")}}, hype("P1", 7, at(1, "08:00"))...),
				ev{id: "q", emp: "E1", person: "P1", caseID: "C1", ts: at(1, "12:00")},
				ev{id: "staff", emp: "E2", person: "P1", caseID: "C1", ts: at(1, "12:10")}),
			explained: map[string]string{"start": "assigned_case", "q": "", "staff": "assigned_case"},
			signals:   map[string][]string{"q": {"news_hype"}},
			alerts:    []alertWant{{emp: "E1", person: "P1", alert: true, rules: []string{"news_hype"}}},
		},
		{
			// The log opens on five employees looking P1 up, a hype held
			// for judgement (hypewarmup.go); five more quote C1 while it
			// runs; the next day two look without a link. The quotes share
			// in the hype without making it: the hype's height stays five,
			// about the usual that the next day shows, and it is taken back.
			name: "look-ups that quote a hyped case number do not make the hype",
			events: append(hype("P1", 5, at(1, "08:00")),
				ev{id: "q15", emp: "E15", person: "P1", caseID: "C1", ts: at(1, "10:00")},
				ev{id: "q16", emp: "E16", person: "P1", caseID: "C1", ts: at(1, "11:00")},
				ev{id: "q17", emp: "E17", person: "P1", caseID: "C1", ts: at(1, "12:00")},
				ev{id: "q18", emp: "E18", person: "P1", caseID: "C1", ts: at(1, "13:00")},
				ev{id: "q19", emp: "E19", person: "P1", caseID: "C1", ts: at(1, "14:00")},
				ev{id: "n10", emp: "E10", person: "P1", ts: at(2, "16:00")},
				ev{id: "n11", emp: "E11", person: "P1", ts: at(2, "17:00")}),
			explained: map[string]string{"q15": ""},
			signals:   map[string][]string{"q15": {"news_hype"}},
			alerts:    noAlerts("P1", 10),
		},
		{
			name:    "a surge on a known person is a hype",
			events:  knownPerson("P87", 6, 1, 9),
			signals: map[string][]string{"k6-8": {"news_hype"}},
		},
		{
			name: "two employees are no hype",
			events: []ev{
				{id: "a", emp: "E10", person: "P81", ts: at(1, "12:00")},
				{id: "b", emp: "E11", person: "P81", ts: at(1, "13:00")},
			},
			without: map[string][]string{"a": {"news_hype"}, "b": {"news_hype"}},
			alerts:  []alertWant{{emp: "E10", person: "P81"}, {emp: "E11", person: "P81"}},
		},
		{
			// No own history and no recherche peers yet: only the absolute
			// fallback (limits.volume_absolute_min_persons) can see it.
			name:    "volume on the first day of a log: a detective looks up 90 unrelated persons",
			events:  burst("E2", 100, 90, at(0, "07:20"), 6*time.Minute),
			without: map[string][]string{"b0": {"volume"}, "b38": {"volume"}},
			signals: map[string][]string{"b39": {"volume"}, "b89": {"volume"}},
			alerts:  append(burstWant("E2", 150, 40, "volume"), alertWant{emp: "E2", person: "P100"}),
		},
		{
			// 45 callers in no record in one night shift, above the absolute
			// number: role staff are judged against their peers only.
			name:    "no volume on the first day of a log for a control-room operator's callers",
			events:  burst("E3", 200, 45, at(0, "22:00"), 10*time.Minute),
			without: map[string][]string{"b44": {"volume", "browsing"}},
			alerts:  []alertWant{{emp: "E3", person: "P200"}, {emp: "E3", person: "P244"}},
		},
		{
			// Six days on which all of E2's look-ups were explained, then 20
			// without a work link in a morning: below volume_min, but at
			// volume_min_quiet for an employee who has none.
			name:    "volume for an employee whose look-ups are all explained: volume_min_quiet",
			events:  append(dailyWork("E2", "P1", 6, 0), burst("E2", 300, 20, at(6, "09:00"), 10*time.Minute)...),
			signals: map[string][]string{"b19": {"volume"}},
		},
		{
			// The same morning after six days with two look-ups each without
			// a work link: 20 is ten times the own day, still volume.
			name:    "volume for an employee with two look-ups a day without a work link: volume_min_quiet",
			events:  append(dailyWork("E2", "P1", 6, 2), burst("E2", 300, 20, at(6, "09:00"), 10*time.Minute)...),
			signals: map[string][]string{"b19": {"volume"}},
		},
		{
			// The same morning after six days with four look-ups each without
			// a work link: volume_min holds.
			name:    "no volume below volume_min for an employee who has several look-ups without a work link every day",
			events:  append(dailyWork("E2", "P1", 6, 4), burst("E2", 300, 20, at(6, "09:00"), 10*time.Minute)...),
			without: map[string][]string{"b19": {"volume"}},
		},
		{
			// The log opens at 23:00, an hour before its first UTC day ends:
			// the intake desk's single look-up each in that hour is no day's
			// work, so it is not the baseline that bounds role work the next
			// day (role_volume_factor times it would be 3 look-ups).
			name: "an hour at the end of the log's first day is no baseline",
			events: append(deskHour(), ev{id: "m0", emp: "E60", person: "P710", ts: at(1, "09:10")},
				ev{id: "m1", emp: "E60", person: "P711", ts: at(1, "09:20")}, ev{id: "m2", emp: "E60", person: "P712", ts: at(1, "09:30")},
				ev{id: "m3", emp: "E60", person: "P713", ts: at(1, "09:40")}, ev{id: "m4", emp: "E60", person: "P714", ts: at(1, "09:50")}),
			explained: map[string]string{"m0": "role_based", "m3": "role_based", "m4": "role_based"},
		},
		{
			// Nine of the ten analysts export a record nothing connects
			// them to in the morning: exporting is their group's work, so
			// the tenth's in the afternoon is no finding; one patrol
			// officer's export is (a group that does not export).
			name: "export_print is judged against the peer group's routine",
			events: append(analystExports(),
				ev{id: "x49", emp: "E49", person: "P909", action: "export", ts: at(0, "14:00")},
				ev{id: "x10", emp: "E10", person: "P910", action: "export", ts: at(0, "14:10")}),
			without: map[string][]string{"x49": {"export_print"}},
			signals: map[string][]string{"x10": {"export_print"}},
			alerts:  []alertWant{{emp: "E49", person: "P909"}, {emp: "E10", person: "P910", alert: true, rules: []string{"export_print"}}},
		},
		{
			name:      "unknown employee and person are unexplained, not a crash",
			events:    []ev{{id: "a", emp: "NOBODY", person: "NOONE", ts: at(0, "11:00")}},
			explained: map[string]string{"a": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := scan(t, ix, pol, tt.events)
			for id, want := range tt.explained {
				got, ok := res.explainedBy[id]
				if !ok {
					t.Fatalf("event %s: no explanation line", id)
				}
				if got != want {
					t.Errorf("event %s: explained_by %q, want %q (signals %v)", id, got, want, res.signals[id])
				}
			}
			for id, want := range tt.signals {
				for _, s := range want {
					if !slices.Contains(res.signals[id], s) {
						t.Errorf("event %s: signals %v lack %s", id, res.signals[id], s)
					}
				}
			}
			for id, bad := range tt.without {
				for _, s := range bad {
					if slices.Contains(res.signals[id], s) {
						t.Errorf("event %s: signals %v contain %s", id, res.signals[id], s)
					}
				}
			}
			for _, w := range tt.alerts {
				a := res.alertFor(w.emp, w.person)
				if (a != nil) != w.alert {
					t.Errorf("alert for %s/%s: got %v, want %v (%+v)", w.emp, w.person, a != nil, w.alert, a)
					continue
				}
				if a == nil {
					continue
				}
				var rules []string
				for _, r := range a.Reasons {
					rules = append(rules, r.Rule)
					if r.Text == "" {
						t.Errorf("alert %s: reason %s has no text", a.ID, r.Rule)
					}
				}
				for _, r := range w.rules {
					if !slices.Contains(rules, r) {
						t.Errorf("alert for %s/%s: rules %v lack %s", w.emp, w.person, rules, r)
					}
				}
				if w.severity != "" && a.Severity != w.severity {
					t.Errorf("alert for %s/%s: severity %s (score %v), want %s", w.emp, w.person, a.Severity, a.Score, w.severity)
				}
			}
		})
	}
}

// burst is one employee looking up n unrelated persons a few minutes apart.
func burst(emp string, first, n int, start time.Time, step time.Duration) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		out = append(out, ev{id: fmt.Sprintf("b%d", i), emp: emp, person: fmt.Sprintf("P%d", first+i), ts: start.Add(time.Duration(i) * step)})
	}
	return out
}

// analystExports: analysts E40–E48 each export one record nothing connects
// them to, on the morning of day 0.
func analystExports() []ev {
	var out []ev
	for i := 40; i < 49; i++ {
		out = append(out, ev{id: fmt.Sprintf("x%d", i), emp: fmt.Sprintf("E%d", i), person: fmt.Sprintf("P%d", 860+i), action: "export", ts: at(0, "09:00").Add(time.Duration(i-40) * 10 * time.Minute)})
	}
	return out
}

// deskHour: each of the intake desk's E60–E80 looks up one caller in no
// record between 23:00 and midnight of day 0.
func deskHour() []ev {
	var out []ev
	for i := 60; i <= 80; i++ {
		out = append(out, ev{id: fmt.Sprintf("d%d", i), emp: fmt.Sprintf("E%d", i), person: fmt.Sprintf("P%d", 800+i), ts: at(0, "23:00").Add(time.Duration(i-60) * 2 * time.Minute)})
	}
	return out
}

// analystDays: on each of days days, each of the analysts E40–E49 looks up
// perDay persons that nothing connects them to.
func analystDays(days, perDay int) []ev {
	var out []ev
	for d := 0; d < days; d++ {
		for i := 40; i < 50; i++ {
			for k := 0; k < perDay; k++ {
				out = append(out, ev{id: fmt.Sprintf("n%d-%d-%d", d, i, k), emp: fmt.Sprintf("E%d", i), person: fmt.Sprintf("P%d", 100+(i-40)*3+k), ts: at(d, "09:00").Add(time.Duration(k) * time.Hour)})
			}
		}
	}
	return out
}

// dailyWork: on each of days days the employee looks up person, a work
// link (explained), and then unexplained persons without one.
func dailyWork(emp, person string, days, unexplained int) []ev {
	var out []ev
	for d := 0; d < days; d++ {
		out = append(out, ev{id: fmt.Sprintf("w%d", d), emp: emp, person: person, ts: at(d, "10:00")})
		for i := 0; i < unexplained; i++ {
			out = append(out, ev{id: fmt.Sprintf("u%d-%d", d, i), emp: emp, person: fmt.Sprintf("P%d", 500+10*d+i), ts: at(d, "11:00").Add(time.Duration(i) * time.Hour)})
		}
	}
	return out
}

// listRuns: analysts E40–E49 each look up twenty persons without a work
// link in ten minutes, one after the other.
func listRuns() []ev {
	var out []ev
	for a := 40; a < 50; a++ {
		start := at(0, "08:00").Add(time.Duration(a-40) * 30 * time.Minute)
		for i := 0; i < 20; i++ {
			out = append(out, ev{id: fmt.Sprintf("l%d-%d", a, i), emp: fmt.Sprintf("E%d", a), person: fmt.Sprintf("P%d", 100+(a-40)*20+i%200),
				ts: start.Add(time.Duration(i) * 30 * time.Second)})
		}
	}
	return out
}

// firstDayRoutine is the first day of a log on which every member of the
// control-room group (E20–E29) opens the records of two persons of other
// teams' sensitive investigations, as is their work, and a patrol officer
// opens one of them.
func firstDayRoutine() []ev {
	var out []ev
	for i := 20; i < 30; i++ {
		emp := fmt.Sprintf("E%d", i)
		out = append(out,
			ev{id: fmt.Sprintf("i%d", i), emp: emp, person: "PI", action: "view", ts: at(0, "08:00").Add(time.Duration(i) * time.Minute)},
			ev{id: fmt.Sprintf("k%d", i), emp: emp, person: "PK", action: "view", ts: at(0, "12:00").Add(time.Duration(i) * time.Minute)})
	}
	out = append(out, ev{id: "out", emp: "E1", person: "PI", action: "view", ts: at(0, "11:00")})
	return byTime(out)
}

// controlRoomSensitiveRoutine gives the control room (E20–E29) five days
// of calls in which, each day, three of them look up a subject of a
// sensitive investigation; then, on day 0, one of them does so once (their
// routine) and another twice (beyond it: no day of theirs had two).
func controlRoomSensitiveRoutine() []ev {
	var out []ev
	for d := -5; d < 0; d++ {
		for i := 20; i < 30; i++ {
			emp := fmt.Sprintf("E%d", i)
			for k := 0; k < 5; k++ {
				out = append(out, ev{id: fmt.Sprintf("c%d_%d_%d", -d, i, k), emp: emp, person: fmt.Sprintf("P%d", 100+(i*5+k+d*7)%150), ts: at(d, "09:00").Add(time.Duration(i*10+k) * time.Minute)})
			}
		}
		for j := 0; j < 3; j++ {
			emp := fmt.Sprintf("E%d", 20+(-d*3+j)%10)
			out = append(out, ev{id: fmt.Sprintf("s%d_%d", -d, j), emp: emp, person: "PI", ts: at(d, "14:00").Add(time.Duration(j) * time.Minute)})
		}
	}
	out = append(out,
		ev{id: "one", emp: "E20", person: "PK", ts: at(0, "10:00")},
		ev{id: "first", emp: "E21", person: "PI", ts: at(0, "10:05")},
		ev{id: "second", emp: "E21", person: "PK", ts: at(0, "10:10")})
	return byTime(out)
}

// peerDays gives the noodhulp peer group (E10–E19) two ordinary days of
// street checks, a baseline for the patterns judged against peers.
func peerDays() []ev {
	var out []ev
	for d := -2; d < 0; d++ {
		for i := 10; i < 20; i++ {
			out = append(out, ev{id: fmt.Sprintf("w%d_%d", -d, i), emp: fmt.Sprintf("E%d", i), person: fmt.Sprintf("P%d", 200+i), ts: at(d, "10:00").Add(time.Duration(i) * time.Minute)})
		}
	}
	return out
}

// streetChecks gives a patrol officer a week of street checks before day 0:
// three look-ups a day of people in no record, the own history that makes
// a single search hit weak evidence.
func streetChecks(emp string) []ev {
	var out []ev
	for d := -7; d < 0; d++ {
		for k := 0; k < 3; k++ {
			out = append(out, ev{id: fmt.Sprintf("sc%d_%d", -d, k), emp: emp, person: fmt.Sprintf("STREET%d_%d", -d, k), ts: at(d, "14:00").Add(time.Duration(k) * time.Hour)})
		}
	}
	return out
}

// controlRoomDays gives the control room (E20–E29) two ordinary days of 80
// callers each who are in no record.
func controlRoomDays() []ev {
	var out []ev
	for d := -2; d < 0; d++ {
		for i := 20; i < 30; i++ {
			for k := 0; k < 80; k++ {
				out = append(out, ev{id: fmt.Sprintf("c%d_%d_%d", -d, i, k), emp: fmt.Sprintf("E%d", i),
					person: fmt.Sprintf("CALLER%d_%d_%d", -d, i, k), ts: at(d, "08:00").Add(time.Duration(k) * 6 * time.Minute)})
			}
		}
	}
	return byTime(out)
}

func byTime(evs []ev) []ev {
	slices.SortStableFunc(evs, func(a, b ev) int { return a.ts.Compare(b.ts) })
	return evs
}

// regulars: emp opens the records of n persons (P120 …) on days 0, 1 and
// 2, each: a habit, too short to be following.
func regulars(emp string, n int) []ev {
	var out []ev
	for d := 0; d < 3; d++ {
		for i := 0; i < n; i++ {
			out = append(out, ev{id: fmt.Sprintf("r%d-%d", d, i), emp: emp, person: fmt.Sprintf("P%d", 120+i), action: "view", ts: at(d, fmt.Sprintf("10:%02d", 5*i))})
		}
	}
	return out
}

// followed: emp opens person's record on days 3, 7 and 11.
// othersLooked is n ordinary colleagues looking the person up once each,
// without a work link, on day 1.
func othersLooked(person string, n int) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		out = append(out, ev{id: fmt.Sprintf("o%d", i), emp: fmt.Sprintf("E%d", 10+i), person: person, ts: at(1, fmt.Sprintf("09:%02d", 10*i))})
	}
	return out
}

// sharedChecks: emp looks up n persons from P<first>, one a minute from
// start, without a work link (a colleague in the same operation).
func sharedChecks(emp string, first, n int, start time.Time) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		out = append(out, ev{id: fmt.Sprintf("s%d", i), emp: emp, person: fmt.Sprintf("P%d", first+i), ts: start.Add(time.Duration(i) * time.Minute)})
	}
	return out
}

func followed(emp, person string) []ev {
	var out []ev
	for _, d := range []int{3, 7, 11} {
		out = append(out, ev{id: fmt.Sprintf("f%d", d), emp: emp, person: person, action: "view", ts: at(d, "11:00")})
	}
	return out
}

// shortSession is burst with other event ids.
func shortSession(emp string, first, n int, start time.Time, step time.Duration) []ev {
	out := burst(emp, first, n, start, step)
	for i := range out {
		out[i].id = fmt.Sprintf("s%d", i)
	}
	return out
}

func noBurstAlerts(emp string, first, n int) []alertWant {
	var out []alertWant
	for i := 0; i < n; i++ {
		out = append(out, alertWant{emp: emp, person: fmt.Sprintf("P%d", first+i)})
	}
	return out
}

func burstWant(emp string, first, n int, rule string) []alertWant {
	var out []alertWant
	for i := 0; i < n; i++ {
		out = append(out, alertWant{emp: emp, person: fmt.Sprintf("P%d", first+i), alert: true, rules: []string{rule}})
	}
	return out
}

func hype(person string, n int, start time.Time) []ev { return hypeNamed("h", person, n, start) }

// hypeNamed is hype with the events' ids starting with prefix.
func hypeNamed(prefix, person string, n int, start time.Time) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		out = append(out, ev{id: fmt.Sprintf("%s%d", prefix, i), emp: fmt.Sprintf("E%d", 10+i), person: person, ts: start.Add(time.Duration(i) * 20 * time.Minute)})
	}
	return out
}

// knownPerson: the person is looked up without a work link by perDay
// employees (of three teams) on each of days days, then by last on the
// day after; event ids are k<day>-<i>.
func knownPerson(person string, days, perDay, last int) []ev {
	var out []ev
	for d := 0; d <= days; d++ {
		n := perDay
		if d == days {
			n = last
		}
		for i := 0; i < n; i++ {
			out = append(out, ev{id: fmt.Sprintf("k%d-%d", d, i), emp: fmt.Sprintf("E%d", 10+(d*perDay+i)%10), person: person,
				ts: at(d, "10:00").Add(time.Duration(i) * 40 * time.Minute)})
		}
	}
	return out
}

// handled: n employees look the person up giving the case number.
func handled(person, caseID string, n int, start time.Time) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		out = append(out, ev{id: fmt.Sprintf("w%d", i), emp: fmt.Sprintf("E%d", 20+i), person: person, caseID: caseID, ts: start.Add(time.Duration(i) * 10 * time.Minute)})
	}
	return out
}

// noAlerts: no alert for the person from E10 … E(10+n-1).
func noAlerts(person string, n int) []alertWant {
	var out []alertWant
	for i := 0; i < n; i++ {
		out = append(out, alertWant{emp: fmt.Sprintf("E%d", 10+i), person: person})
	}
	return out
}

// listSession has n employees of three teams (E10…) work through the
// persons one employee after the other, a look-up every two minutes from
// start (a list is told from the news once the crowd shares three other
// persons: the first employees' passes show it).
func listSession(n int, persons []string, start time.Time) []ev {
	var out []ev
	for i := 0; i < n; i++ {
		for k, p := range persons {
			out = append(out, ev{id: fmt.Sprintf("l%d_%d", k, i), emp: fmt.Sprintf("E%d", 10+i), person: p,
				ts: start.Add(time.Duration(i*len(persons)+k) * 2 * time.Minute)})
		}
	}
	return byTime(out)
}

func hypeWant(person string, n int) []alertWant {
	var out []alertWant
	for i := 0; i < n; i++ {
		out = append(out, alertWant{emp: fmt.Sprintf("E%d", 10+i), person: person, alert: true, rules: []string{"news_hype"}})
	}
	return out
}
