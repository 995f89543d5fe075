package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lekradar"
	"lekradar/sqlstore"
)

// SystemContext returns a context whose actor is the trusted system actor
// "storetest", for tests of what a store does rather than who may do it.
func SystemContext() context.Context {
	return lekradar.NewContextWithUser(context.Background(), lekradar.SystemActor("storetest"))
}

// as returns a context acting as u.
func as(u *lekradar.User) context.Context {
	return lekradar.NewContextWithUser(context.Background(), u)
}

// world is a registry with accounts of every role and two dossiers, for the
// need-to-know scenarios.
type world struct {
	s     *sqlstore.Store
	users map[string]*lekradar.User
	// ams and rot are full dossiers of the Amsterdam and Rotterdam VIK
	// departments; ams names E04711 and E09999 as suspects, rot E07777.
	ams, rot *lekradar.Dossier
}

// Employee ids of the world's accounts that matter for the suspect rule.
const (
	suspectRef       = "E04711" // a suspect in ams
	lateSuspectRef   = "E05555" // becomes a suspect in ams after joining it
	reporterIdentity = "E01234" // the reporter of ams's first report
)

func newWorld(t *testing.T, newDB NewDatabaseFunc) *world {
	t.Helper()
	s := MustOpen(t, newDB)
	sys := SystemContext()
	w := &world{s: s, users: map[string]*lekradar.User{}}
	for _, u := range []*lekradar.User{
		{Username: "admin", Role: lekradar.RoleAdmin},
		{Username: "admin-member", Role: lekradar.RoleAdmin},
		{Username: "intake-ams", Role: lekradar.RoleIntake, Department: "amsterdam"},
		{Username: "inv-ams", Role: lekradar.RoleInvestigator, Department: "amsterdam", EmployeeRef: "E10001"},
		{Username: "ana-ams", Role: lekradar.RoleAnalyst, Department: "amsterdam"},
		{Username: "inv-rot", Role: lekradar.RoleInvestigator, Department: "rotterdam"},
		{Username: "inv-rot-member", Role: lekradar.RoleInvestigator, Department: "rotterdam"},
		{Username: "researcher", Role: lekradar.RoleResearcher},
		{Username: "privacy", Role: lekradar.RolePrivacyOfficer},
		{Username: "auditor", Role: lekradar.RoleAuditor},
		// an Amsterdam investigator who is a suspect in ams
		{Username: "inv-ams-suspect", Role: lekradar.RoleInvestigator, Department: "amsterdam", EmployeeRef: suspectRef},
		// a member of ams who is named as suspect in it after joining
		{Username: "ana-nh-member", Role: lekradar.RoleAnalyst, Department: "noord_holland", EmployeeRef: lateSuspectRef},
		{Username: "inv-ams-disabled", Role: lekradar.RoleInvestigator, Department: "amsterdam", Disabled: true},
	} {
		u.PasswordHash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$a2V5" // never checked by the store
		if err := s.CreateUser(sys, u); err != nil {
			t.Fatalf("create user %s: %v", u.Username, err)
		}
		w.users[u.Username] = u
	}
	w.ams = mustCreateAs(t, s, sys, fullDossier("amsterdam", "2016-03-01"))
	rot := fullDossier("rotterdam", "2016-04-01")
	rot.Suspects[0].EmployeeRef = "E07777"
	rot.Suspects[2].EmployeeRef = ""
	w.rot = mustCreateAs(t, s, sys, rot)
	for _, m := range []struct {
		d    *lekradar.Dossier
		user string
	}{
		{w.ams, "inv-rot-member"},
		{w.ams, "ana-nh-member"},
		{w.rot, "admin-member"},
	} {
		if err := s.AddDossierMember(sys, m.d.ID, w.users[m.user].ID); err != nil {
			t.Fatalf("add %s to %s: %v", m.user, m.d.RegNo, err)
		}
	}
	// ana-nh-member is named as suspect after being added: membership must
	// not let them in.
	w.ams.Suspects = append(w.ams.Suspects, lekradar.Suspect{Identified: true, EmployeeRef: lateSuspectRef, Rank: "agent"})
	if err := s.UpdateDossier(sys, w.ams); err != nil {
		t.Fatal(err)
	}
	return w
}

func mustCreateAs(t *testing.T, s *sqlstore.Store, ctx context.Context, d *lekradar.Dossier) *lekradar.Dossier {
	t.Helper()
	if err := s.CreateDossier(ctx, d); err != nil {
		t.Fatalf("create dossier: %v", err)
	}
	return d
}

func (w *world) ctx(name string) context.Context {
	if name == "system" {
		return SystemContext()
	}
	u, ok := w.users[name]
	if !ok {
		panic("no user " + name)
	}
	return as(u)
}

func (w *world) dossier(name string) *lekradar.Dossier {
	if name == "ams" {
		return w.ams
	}
	return w.rot
}

// testAccessRules checks, per account, which dossiers it sees (by id, by
// registration number and in lists) and what it may write: what must be
// denied as well as what must be allowed.
func testAccessRules(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s

	t.Run("sight", func(t *testing.T) {
		for _, tc := range []struct {
			user string
			sees []string // of ams, rot
			why  string
		}{
			{"system", []string{"ams", "rot"}, "the command line sees everything"},
			{"admin", nil, "admins manage accounts, not dossiers"},
			{"admin-member", []string{"rot"}, "a member sees the dossier whatever the role"},
			{"intake-ams", []string{"ams"}, "own department"},
			{"inv-ams", []string{"ams"}, "own department"},
			{"ana-ams", []string{"ams"}, "own department"},
			{"inv-rot", []string{"rot"}, "own department only"},
			{"inv-rot-member", []string{"ams", "rot"}, "own department and member of ams"},
			{"researcher", nil, "pseudonymised exports only"},
			{"privacy", nil, "aggregates only"},
			{"auditor", nil, "the audit trail, not dossiers"},
			{"inv-ams-suspect", nil, "a suspect never sees the dossier that names them"},
			{"ana-nh-member", nil, "a suspect does not get in as a member either"},
		} {
			t.Run(tc.user, func(t *testing.T) {
				ctx := w.ctx(tc.user)
				for _, name := range []string{"ams", "rot"} {
					d := w.dossier(name)
					want := slices.Contains(tc.sees, name)
					byID, err := s.FindDossierByID(ctx, d.ID)
					byRegNo, err2 := s.FindDossierByRegNo(ctx, d.RegNo)
					if want {
						if err != nil || err2 != nil || byID.ID != d.ID || byRegNo.ID != d.ID {
							t.Errorf("%s must see %s (%s): by id %v, by reg_no %v", tc.user, name, tc.why, err, err2)
						}
						continue
					}
					// Denied exactly as if it did not exist.
					if lekradar.ErrorCode(err) != lekradar.ENOTFOUND || lekradar.ErrorCode(err2) != lekradar.ENOTFOUND {
						t.Errorf("%s must not see %s (%s): by id %v, by reg_no %v; want not_found", tc.user, name, tc.why, err, err2)
					}
					_, missing := s.FindDossierByID(ctx, 987654)
					if lekradar.ErrorMessage(err) != strings.Replace(lekradar.ErrorMessage(missing), "987654", fmt.Sprint(d.ID), 1) {
						t.Errorf("denied message %q differs from a missing dossier's %q", lekradar.ErrorMessage(err), lekradar.ErrorMessage(missing))
					}
				}
				ds, n, err := s.FindDossiers(ctx, lekradar.DossierFilter{})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, d := range ds {
					got = append(got, map[int64]string{w.ams.ID: "ams", w.rot.ID: "rot"}[d.ID])
				}
				if !slices.Equal(got, tc.sees) || n != len(tc.sees) {
					t.Errorf("%s lists %v (total %d), want %v (%s)", tc.user, got, n, tc.sees, tc.why)
				}
				dept := "amsterdam"
				if _, n, err := s.FindDossiers(ctx, lekradar.DossierFilter{Department: &dept}); err != nil || n != len(slices.DeleteFunc(slices.Clone(tc.sees), func(x string) bool { return x != "ams" })) {
					t.Errorf("%s: filter by department amsterdam counts %d (%v)", tc.user, n, err)
				}
			})
		}
	})

	t.Run("pure rules agree", func(t *testing.T) {
		// The store's SQL and lekradar.CanSeeDossier must give the same answer.
		for name, u := range w.users {
			for _, d := range []*lekradar.Dossier{w.ams, w.rot} {
				members, err := s.FindDossierMembers(SystemContext(), d.ID)
				if err != nil {
					t.Fatal(err)
				}
				member := slices.ContainsFunc(members, func(m *lekradar.DossierMember) bool { return m.UserID == u.ID })
				pure := lekradar.CanSeeDossier(u, lekradar.FactsOf(d, member))
				_, err = s.FindDossierByID(as(u), d.ID)
				if store := err == nil; store != pure && !u.Disabled {
					t.Errorf("%s on %s: store sees %v, CanSeeDossier %v", name, d.RegNo, store, pure)
				}
			}
		}
	})

	t.Run("writes", func(t *testing.T) {
		for _, tc := range []struct {
			user, action, dossier string
			want                  string // error code, "" for allowed
		}{
			{"system", "create", "ams", ""},
			{"intake-ams", "create", "ams", ""},
			{"inv-ams", "create", "ams", ""},
			{"intake-ams", "create", "rot", lekradar.EFORBIDDEN},
			{"ana-ams", "create", "ams", lekradar.EFORBIDDEN},
			{"admin", "create", "ams", lekradar.EFORBIDDEN},
			{"auditor", "create", "ams", lekradar.EFORBIDDEN},
			{"researcher", "create", "ams", lekradar.EFORBIDDEN},
			{"privacy", "create", "ams", lekradar.EFORBIDDEN},
			{"inv-rot-member", "create", "ams", lekradar.EFORBIDDEN},

			{"system", "update", "ams", ""},
			{"intake-ams", "update", "ams", ""},
			{"inv-ams", "update", "ams", ""},
			{"inv-rot-member", "update", "ams", ""},
			{"ana-ams", "update", "ams", lekradar.EFORBIDDEN},
			{"admin-member", "update", "rot", lekradar.EFORBIDDEN},
			{"inv-rot", "update", "ams", lekradar.ENOTFOUND},
			{"admin", "update", "ams", lekradar.ENOTFOUND},
			{"auditor", "update", "ams", lekradar.ENOTFOUND},
			{"inv-ams-suspect", "update", "ams", lekradar.ENOTFOUND},
			{"ana-nh-member", "update", "ams", lekradar.ENOTFOUND},

			{"system", "delete", "ams", ""},
			{"inv-ams", "delete", "ams", ""},
			{"intake-ams", "delete", "ams", lekradar.EFORBIDDEN},
			{"ana-ams", "delete", "ams", lekradar.EFORBIDDEN},
			{"inv-rot-member", "delete", "ams", lekradar.EFORBIDDEN},
			{"inv-rot", "delete", "ams", lekradar.ENOTFOUND},
			{"admin", "delete", "ams", lekradar.ENOTFOUND},
			{"inv-ams-suspect", "delete", "ams", lekradar.ENOTFOUND},
		} {
			t.Run(tc.user+" "+tc.action+" "+tc.dossier, func(t *testing.T) {
				ctx := w.ctx(tc.user)
				dept := map[string]string{"ams": "amsterdam", "rot": "rotterdam"}[tc.dossier]
				var err error
				switch tc.action {
				case "create":
					d := fullDossier(dept, "2016-09-01")
					err = s.CreateDossier(ctx, d)
					if err == nil && d.ID == 0 {
						t.Fatal("create reported success without an ID")
					}
				case "update", "delete":
					// A fresh copy of the scenario's dossier, with the same
					// suspects and members.
					src := w.dossier(tc.dossier)
					d := fullDossier(dept, "2016-09-02")
					d.Suspects = slices.Clone(src.Suspects)
					mustCreateAs(t, s, SystemContext(), d)
					members, _ := s.FindDossierMembers(SystemContext(), src.ID)
					for _, m := range members {
						s.AddDossierMember(SystemContext(), d.ID, m.UserID) // a suspect is refused: fine
					}
					if tc.action == "update" {
						d.Summary = "changed by " + tc.user
						err = s.UpdateDossier(ctx, d)
					} else {
						err = s.DeleteDossier(ctx, d.ID)
					}
					stored, ferr := s.FindDossierByID(SystemContext(), d.ID)
					switch {
					case tc.action == "delete" && err == nil && lekradar.ErrorCode(ferr) != lekradar.ENOTFOUND:
						t.Errorf("delete succeeded but the dossier is still there (%v)", ferr)
					case tc.action == "delete" && err != nil && ferr != nil:
						t.Errorf("refused delete removed the dossier (%v)", ferr)
					case tc.action == "update" && ferr == nil && (stored.Summary == d.Summary) != (err == nil):
						t.Errorf("update returned %v but the stored summary is %q", err, stored.Summary)
					}
				}
				if got := lekradar.ErrorCode(err); got != tc.want {
					t.Errorf("%s %s %s: error %v (code %q), want code %q", tc.user, tc.action, tc.dossier, err, got, tc.want)
				}
			})
		}
	})

	t.Run("disabled account", func(t *testing.T) {
		ctx := w.ctx("inv-ams-disabled")
		_, err := s.FindDossierByID(ctx, w.ams.ID)
		assertCode(t, err, lekradar.EUNAUTHORIZED)
		assertCode(t, s.CreateDossier(ctx, fullDossier("amsterdam", "2016-01-01")), lekradar.EUNAUTHORIZED)
	})
}

// testReporterIdentity checks that the reporter's identity is blanked for
// every role but the configured one, that reading it is audited on its own,
// and that an update by a user who never saw it keeps it.
// testReporterIdentityKey: reporter identities are encrypted under the
// key the store is given. Without it they can be neither written nor read,
// under another key they do not decrypt, and one stored before encryption
// is read as it is.
func testReporterIdentityKey(t *testing.T, newDB NewDatabaseFunc) {
	ctx := SystemContext()
	open := newDB(t)
	key := MustIdentityKey(t)
	s := mustOpenWith(t, open)
	if err := s.SetKey(key); err != nil {
		t.Fatal(err)
	}
	d := mustCreate(t, s, fullDossier("rotterdam", "2016-05-05"))

	t.Run("no key", func(t *testing.T) {
		s2, err := open(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		if _, err := s2.FindDossierByID(ctx, d.ID); err == nil || !strings.Contains(err.Error(), "key") {
			t.Errorf("read without a key: %v, want an error about the key", err)
		}
		if err := s2.CreateDossier(ctx, fullDossier("rotterdam", "2016-05-06")); err == nil {
			t.Error("a reporter identity was written without a key")
		}
		if _, err := s2.FindDossierByID(ctx, mustCreate(t, s2, minimalDossier("rotterdam", "2016-05-07")).ID); err != nil {
			t.Errorf("a dossier without reporter identities needs no key: %v", err)
		}
	})
	t.Run("another key", func(t *testing.T) {
		s3 := mustOpenWith(t, open) // a random key of its own
		if _, err := s3.FindDossierByID(ctx, d.ID); err == nil || !strings.Contains(err.Error(), "cannot be decrypted") {
			t.Errorf("read under another key: %v", err)
		}
	})
	t.Run("the key", func(t *testing.T) {
		s4 := mustOpenWith(t, open)
		if err := s4.SetKey(key); err != nil {
			t.Fatal(err)
		}
		got, err := s4.FindDossierByID(ctx, d.ID)
		if err != nil || got.Reports[0].ReporterRef != "E01234" {
			t.Fatalf("read under the key: %q, %v", got.Reports[0].ReporterRef, err)
		}
	})
	t.Run("stored before encryption", func(t *testing.T) {
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO reporter_identity (report_id, reporter_ref) VALUES ($1, $2)`, d.Reports[1].ID, "E05678"); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindDossierByID(ctx, d.ID)
		if err != nil || got.Reports[1].ReporterRef != "E05678" {
			t.Fatalf("a plaintext identity read back as %q, %v", got.Reports[1].ReporterRef, err)
		}
	})
	if err := s.SetKey(key[:16]); err == nil {
		t.Error("a 16-byte key was taken")
	}
}

func testReporterIdentity(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	refOf := func(d *lekradar.Dossier) string { return d.Reports[0].ReporterRef }

	for _, tc := range []struct {
		policy  string
		user    string
		dossier string
		want    bool
	}{
		{lekradar.RoleInvestigator, "system", "ams", true},
		{lekradar.RoleInvestigator, "inv-ams", "ams", true},
		{lekradar.RoleInvestigator, "inv-rot-member", "ams", true},
		{lekradar.RoleInvestigator, "inv-rot", "rot", true},
		{lekradar.RoleInvestigator, "intake-ams", "ams", false},
		{lekradar.RoleInvestigator, "ana-ams", "ams", false},
		{lekradar.RoleInvestigator, "admin-member", "rot", false},
		// another configured role
		{lekradar.RoleAnalyst, "ana-ams", "ams", true},
		{lekradar.RoleAnalyst, "inv-ams", "ams", false},
		{lekradar.RoleAnalyst, "system", "ams", true},
		// no role at all
		{"", "inv-ams", "ams", false},
	} {
		t.Run(fmt.Sprintf("policy %q %s", tc.policy, tc.user), func(t *testing.T) {
			s.Policy = lekradar.AccessPolicy{ReporterIdentityRole: tc.policy}
			defer func() { s.Policy = lekradar.DefaultAccessPolicy() }()
			ctx := w.ctx(tc.user)
			action, object := lekradar.AuditReadReporterIdentity, fmt.Sprint(w.dossier(tc.dossier).Reports[0].ID)
			actor := lekradar.UserFromContext(ctx).Username
			identityReads := func() int {
				t.Helper()
				_, n, err := s.FindAuditEntries(SystemContext(), lekradar.AuditFilter{Action: &action, ObjectID: &object, Actor: &actor})
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			before := identityReads()
			d, err := s.FindDossierByID(ctx, w.dossier(tc.dossier).ID)
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := s.FindDossiers(ctx, lekradar.DossierFilter{ID: &d.ID})
			if err != nil || len(list) != 1 {
				t.Fatalf("list: %v %v", list, err)
			}
			for what, got := range map[string]*lekradar.Dossier{"by id": d, "in a list": list[0]} {
				if (refOf(got) == reporterIdentity) != tc.want || (!tc.want && refOf(got) != "") {
					t.Errorf("%s reads reporter_ref %q %s; want visible=%v", tc.user, refOf(got), what, tc.want)
				}
			}
			// Reading the identity is its own audited action, one per
			// read; reading without it leaves no such entry.
			if got, want := identityReads()-before, map[bool]int{true: 2, false: 0}[tc.want]; got != want {
				t.Errorf("%d %s entries for %s's two reads, want %d", got, action, actor, want)
			}
		})
	}

	t.Run("update without the right keeps the identity", func(t *testing.T) {
		ctx := w.ctx("intake-ams")
		d, err := s.FindDossierByID(ctx, w.ams.ID)
		if err != nil {
			t.Fatal(err)
		}
		if refOf(d) != "" {
			t.Fatalf("intake reads reporter_ref %q", refOf(d))
		}
		d.Summary = "intake added a note"
		d.Reports = append(d.Reports, lekradar.Report{Channel: "collega", Received: d.Reports[0].Received, ReporterRef: "E02222"})
		if err := s.UpdateDossier(ctx, d); err != nil {
			t.Fatal(err)
		}
		if refOf(d) != "" || d.Reports[2].ReporterRef != "E02222" {
			t.Errorf("update handed the stored identity back to the caller: %+v", d.Reports)
		}
		got, err := s.FindDossierByID(SystemContext(), w.ams.ID)
		if err != nil {
			t.Fatal(err)
		}
		if refOf(got) != reporterIdentity || got.Reports[2].ReporterRef != "E02222" || got.Summary != "intake added a note" {
			t.Errorf("after intake's update: reporter refs %q, %q; summary %q", refOf(got), got.Reports[2].ReporterRef, got.Summary)
		}
	})
}

// testNoActor checks that nothing is read or written without an acting
// user, and that the refusal leaves no trace but the refusal.
func testNoActor(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	before := auditCount(t, s)
	ctx := context.Background()
	spot := &lekradar.VulnerableSpot{Area: "overig", Description: "x", Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-01-01")}
	for name, call := range map[string]func() error{
		"FindDossierByID":    func() error { _, err := s.FindDossierByID(ctx, w.ams.ID); return err },
		"FindDossierByRegNo": func() error { _, err := s.FindDossierByRegNo(ctx, w.ams.RegNo); return err },
		"FindDossiers":       func() error { _, _, err := s.FindDossiers(ctx, lekradar.DossierFilter{}); return err },
		"CreateDossier":      func() error { return s.CreateDossier(ctx, minimalDossier("amsterdam", "2016-01-01")) },
		"CreateDossiers": func() error {
			return s.CreateDossiers(ctx, []*lekradar.Dossier{minimalDossier("amsterdam", "2016-01-01")})
		},
		"UpdateDossier":        func() error { return s.UpdateDossier(ctx, w.ams) },
		"DeleteDossier":        func() error { return s.DeleteDossier(ctx, w.ams.ID) },
		"FindVulnerableSpots":  func() error { _, _, err := s.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{}); return err },
		"FindVulnerableSpot":   func() error { _, err := s.FindVulnerableSpotByID(ctx, 1); return err },
		"CreateVulnerableSpot": func() error { return s.CreateVulnerableSpot(ctx, spot) },
		"UpdateVulnerableSpot": func() error { return s.UpdateVulnerableSpot(ctx, spot) },
		"DeleteVulnerableSpot": func() error { return s.DeleteVulnerableSpot(ctx, 1) },
		"AddDossierMember":     func() error { return s.AddDossierMember(ctx, w.ams.ID, w.users["inv-rot"].ID) },
		"RemoveDossierMember":  func() error { return s.RemoveDossierMember(ctx, w.ams.ID, w.users["inv-rot-member"].ID) },
		"FindDossierMembers":   func() error { _, err := s.FindDossierMembers(ctx, w.ams.ID); return err },
		"FindUsers":            func() error { _, _, err := s.FindUsers(ctx, lekradar.UserFilter{}); return err },
		"FindUserByUsername":   func() error { _, err := s.FindUserByUsername(ctx, "admin"); return err },
		"CreateUser":           func() error { return s.CreateUser(ctx, &lekradar.User{Username: "eve", Role: lekradar.RoleAdmin}) },
		"UpdateUser":           func() error { _, err := s.UpdateUser(ctx, 1, lekradar.UserUpdate{Disabled: new(true)}); return err },
		"FindAuditEntries":     func() error { _, _, err := s.FindAuditEntries(ctx, lekradar.AuditFilter{}); return err },
		"VerifyAudit":          func() error { _, _, err := s.VerifyAudit(ctx); return err },
		"RecordAudit":          func() error { return s.RecordAudit(ctx, lekradar.AuditExport, lekradar.ObjectDossier, "1", "") },
		"CreateAPIToken": func() error {
			_, err := s.CreateAPIToken(ctx, &lekradar.APIToken{Name: "x", Scope: lekradar.ScopeIngest})
			return err
		},
		"FindAPITokens":  func() error { _, err := s.FindAPITokens(ctx); return err },
		"RevokeAPIToken": func() error { return s.RevokeAPIToken(ctx, 1) },
	} {
		t.Run(name, func(t *testing.T) {
			assertCode(t, call(), lekradar.EUNAUTHORIZED)
		})
	}
	if after := auditCount(t, s); after != before {
		t.Errorf("refused calls appended %d audit entries", after-before)
	}
	if n := countDossiers(t, s); n != 2 {
		t.Errorf("%d dossiers after refused calls, want 2", n)
	}
}

// testDossierMembers checks adding and removing members and who may.
func testDossierMembers(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	invRot := w.users["inv-rot"]

	_, err := s.FindDossierByID(as(invRot), w.ams.ID)
	assertCode(t, err, lekradar.ENOTFOUND)
	assertCode(t, s.AddDossierMember(w.ctx("intake-ams"), w.ams.ID, invRot.ID), lekradar.EFORBIDDEN)
	assertCode(t, s.AddDossierMember(w.ctx("inv-rot"), w.ams.ID, invRot.ID), lekradar.ENOTFOUND)
	if err := s.AddDossierMember(w.ctx("inv-ams"), w.ams.ID, invRot.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindDossierByID(as(invRot), w.ams.ID); err != nil {
		t.Fatalf("member cannot see the dossier: %v", err)
	}
	assertCode(t, s.AddDossierMember(w.ctx("inv-ams"), w.ams.ID, invRot.ID), lekradar.ECONFLICT)
	err = s.AddDossierMember(w.ctx("inv-ams"), w.ams.ID, w.users["inv-ams-suspect"].ID)
	assertCode(t, err, lekradar.EINVALID)
	assertCode(t, s.AddDossierMember(w.ctx("inv-ams"), w.ams.ID, 987654), lekradar.ENOTFOUND)

	members, err := s.FindDossierMembers(w.ctx("inv-ams"), w.ams.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range members {
		names = append(names, m.Username)
	}
	assertEqual(t, "members", names, []string{"ana-nh-member", "inv-rot", "inv-rot-member"})
	if members[1].AddedBy != "inv-ams" || members[1].Role != lekradar.RoleInvestigator {
		t.Errorf("member record %+v", members[1])
	}
	_, err = s.FindDossierMembers(w.ctx("admin"), w.ams.ID)
	assertCode(t, err, lekradar.ENOTFOUND)

	if err := s.RemoveDossierMember(w.ctx("inv-ams"), w.ams.ID, invRot.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindDossierByID(as(invRot), w.ams.ID)
	assertCode(t, err, lekradar.ENOTFOUND)
	assertCode(t, s.RemoveDossierMember(w.ctx("inv-ams"), w.ams.ID, invRot.ID), lekradar.ENOTFOUND)
}

// testVulnerableSpotAccess checks that the register does not reveal
// dossiers a user may not see, and who may read and keep it.
func testVulnerableSpotAccess(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	spot := &lekradar.VulnerableSpot{Area: "toegangsrechten", Description: "wide access", Status: "gesignaleerd",
		Identified: lekradar.MustParseDate("2016-05-01"), DossierIDs: []int64{w.rot.ID, w.ams.ID}}
	if err := s.CreateVulnerableSpot(SystemContext(), spot); err != nil {
		t.Fatal(err)
	}
	ctx := w.ctx("inv-ams")
	got, err := s.FindVulnerableSpotByID(ctx, spot.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "links inv-ams sees", got.DossierIDs, []int64{w.ams.ID})
	rot := w.rot.ID
	if _, n, err := s.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{DossierID: &rot}); err != nil || n != 0 {
		t.Errorf("filter by a dossier inv-ams may not see finds %d spots (%v)", n, err)
	}
	bad := *got
	bad.DossierIDs = []int64{w.ams.ID, w.rot.ID}
	assertCode(t, s.UpdateVulnerableSpot(ctx, &bad), lekradar.EINVALID)

	got.Measures = "narrowed the access"
	if err := s.UpdateVulnerableSpot(ctx, got); err != nil {
		t.Fatal(err)
	}
	all, err := s.FindVulnerableSpotByID(SystemContext(), spot.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(all.DossierIDs, w.rot.ID) || !slices.Contains(all.DossierIDs, w.ams.ID) || all.Measures != "narrowed the access" {
		t.Errorf("update by inv-ams lost a link it could not see: %+v", all)
	}

	for _, tc := range []struct {
		user        string
		read, write string
	}{
		{"inv-ams", "", ""},
		{"ana-ams", "", ""},
		{"intake-ams", "", lekradar.EFORBIDDEN},
		{"privacy", "", lekradar.EFORBIDDEN},
		{"admin", lekradar.EFORBIDDEN, lekradar.EFORBIDDEN},
		{"auditor", lekradar.EFORBIDDEN, lekradar.EFORBIDDEN},
		{"researcher", lekradar.EFORBIDDEN, lekradar.EFORBIDDEN},
	} {
		t.Run(tc.user, func(t *testing.T) {
			ctx := w.ctx(tc.user)
			_, _, err := s.FindVulnerableSpots(ctx, lekradar.VulnerableSpotFilter{})
			assertCode(t, err, tc.read)
			v := &lekradar.VulnerableSpot{Area: "overig", Description: "by " + tc.user, Status: "gesignaleerd", Identified: lekradar.MustParseDate("2016-01-01")}
			assertCode(t, s.CreateVulnerableSpot(ctx, v), tc.write)
		})
	}
}

func auditCount(t *testing.T, s *sqlstore.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_entry`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// lastAudit returns the newest n entries, oldest first, read with SQL so
// that reading them adds none.
func lastAudit(t *testing.T, s *sqlstore.Store, n int) []lekradar.AuditEntry {
	t.Helper()
	rows, err := s.DB().QueryContext(context.Background(), `SELECT seq, actor, action, object_type, object_id, detail
		FROM audit_entry ORDER BY seq DESC LIMIT `+fmt.Sprint(n))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []lekradar.AuditEntry
	for rows.Next() {
		var e lekradar.AuditEntry
		if err := rows.Scan(&e.Seq, &e.Actor, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	slices.Reverse(out)
	return out
}

// testAuditAppends checks that reads, searches and writes append entries,
// in the transaction of the action: a failed write leaves none, and a write
// whose entry cannot be appended is not stored.
func testAuditAppends(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	inv := w.ctx("inv-ams")

	type want struct{ actor, action, objectType, objectID, detailHas string }
	check := func(t *testing.T, got []lekradar.AuditEntry, wants ...want) {
		t.Helper()
		if len(got) != len(wants) {
			t.Fatalf("%d entries %+v, want %d", len(got), got, len(wants))
		}
		for i, w := range wants {
			g := got[i]
			if g.Actor != w.actor || g.Action != w.action || g.ObjectType != w.objectType || g.ObjectID != w.objectID || !strings.Contains(g.Detail, w.detailHas) {
				t.Errorf("entry %d = %+v, want %+v", i, g, w)
			}
		}
	}

	t.Run("write", func(t *testing.T) {
		d := fullDossier("amsterdam", "2016-10-01")
		if err := s.CreateDossier(inv, d); err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"inv-ams", "create", "dossier", fmt.Sprint(d.ID), ""})
		d.Summary = "update"
		if err := s.UpdateDossier(inv, d); err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"inv-ams", "update", "dossier", fmt.Sprint(d.ID), ""})
		if err := s.DeleteDossier(inv, d.ID); err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"inv-ams", "delete", "dossier", fmt.Sprint(d.ID), ""})
	})
	t.Run("batch create: one entry per dossier", func(t *testing.T) {
		before := auditCount(t, s)
		batch := GenerateDossiers(s.Codebook(), 25, 9)
		if err := s.CreateDossiers(SystemContext(), batch); err != nil {
			t.Fatal(err)
		}
		if n := auditCount(t, s) - before; n != 25 {
			t.Errorf("%d entries for a batch of 25", n)
		}
		check(t, lastAudit(t, s, 1), want{"storetest", "create", "dossier", fmt.Sprint(batch[24].ID), ""})
	})
	t.Run("read", func(t *testing.T) {
		d, err := s.FindDossierByID(w.ctx("ana-ams"), w.ams.ID)
		if err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"ana-ams", "read", "dossier", fmt.Sprint(d.ID), ""})
		// The investigator also reads the reporter's identity.
		if _, err := s.FindDossierByRegNo(inv, w.ams.RegNo); err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 2),
			want{"inv-ams", "read", "dossier", fmt.Sprint(w.ams.ID), ""},
			want{"inv-ams", "read_reporter_identity", "report", fmt.Sprint(w.ams.Reports[0].ID), fmt.Sprint("dossier=", w.ams.ID)})
	})
	t.Run("denied read is audited as not found", func(t *testing.T) {
		_, err := s.FindDossierByID(w.ctx("inv-rot"), w.ams.ID)
		assertCode(t, err, lekradar.ENOTFOUND)
		check(t, lastAudit(t, s, 1), want{"inv-rot", "read", "dossier", fmt.Sprint(w.ams.ID), "result=not_found"})
	})
	t.Run("search logs the filters, not the rows", func(t *testing.T) {
		dept, year := "amsterdam", 2016
		ds, _, err := s.FindDossiers(w.ctx("ana-ams"), lekradar.DossierFilter{Department: &dept, Year: &year, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"ana-ams", "search", "dossier", "", "department=amsterdam year=2016"})
		if e := lastAudit(t, s, 1)[0]; !strings.Contains(e.Detail, fmt.Sprint("results=", len(ds))) || !strings.Contains(e.Detail, "limit=10") {
			t.Errorf("search detail %q lacks the page and the number of results", e.Detail)
		}
	})
	t.Run("no personal data in the trail", func(t *testing.T) {
		rows, err := s.DB().QueryContext(context.Background(), `SELECT object_id, detail FROM audit_entry`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var obj, detail string
			rows.Scan(&obj, &detail)
			for _, secret := range []string{reporterIdentity, suspectRef, "neighbour", "address"} {
				if strings.Contains(obj+" "+detail, secret) {
					t.Errorf("audit entry holds %q: object %q detail %q", secret, obj, detail)
				}
			}
		}
	})
	t.Run("failed writes leave no entry", func(t *testing.T) {
		before := auditCount(t, s)
		bad := fullDossier("amsterdam", "2016-01-01")
		bad.Allegation = "roddelen"
		assertCode(t, s.CreateDossier(inv, bad), lekradar.EINVALID)
		dup := minimalDossier("amsterdam", "2016-01-01")
		dup.RegNo = w.ams.RegNo
		assertCode(t, s.CreateDossier(inv, dup), lekradar.ECONFLICT)
		batch := GenerateDossiers(s.Codebook(), 5, 4)
		batch[3].Department, batch[3].RegNo = w.ams.Department, w.ams.RegNo
		assertCode(t, s.CreateDossiers(SystemContext(), batch), lekradar.ECONFLICT)
		assertCode(t, s.CreateDossier(w.ctx("ana-ams"), minimalDossier("amsterdam", "2016-01-01")), lekradar.EFORBIDDEN)
		assertCode(t, s.DeleteDossier(w.ctx("intake-ams"), w.ams.ID), lekradar.EFORBIDDEN)
		if after := auditCount(t, s); after != before {
			t.Errorf("failed writes appended %d entries: %+v", after-before, lastAudit(t, s, after-before))
		}
	})
	t.Run("a write whose entry cannot be appended is not stored", func(t *testing.T) {
		// A row in the way of the next sequence number makes the append
		// fail; the dossier written in the same transaction must go too.
		before := countDossiers(t, s)
		var head int64
		if err := s.DB().QueryRowContext(context.Background(), `SELECT seq FROM audit_head`).Scan(&head); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().ExecContext(context.Background(), `INSERT INTO audit_entry (seq, at, actor, action, object_type, prev_hash, hash)
			VALUES ($1, $2, 'x', 'x', 'x', 'x', 'x')`, head+1, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		d := minimalDossier("amsterdam", "2016-02-02")
		if err := s.CreateDossier(inv, d); err == nil {
			t.Fatal("create succeeded although its audit entry could not be appended")
		}
		if _, err := s.DB().ExecContext(context.Background(), `DELETE FROM audit_entry WHERE seq = $1`, head+1); err != nil {
			t.Fatal(err)
		}
		if after := countDossiers(t, s); after != before {
			t.Errorf("%d dossiers after the failed create, want %d", after, before)
		}
	})
	t.Run("record an action outside the store", func(t *testing.T) {
		if err := s.RecordAudit(inv, lekradar.AuditExport, lekradar.ObjectDossier, fmt.Sprint(w.ams.ID), "format=pdf sha256=abc"); err != nil {
			t.Fatal(err)
		}
		check(t, lastAudit(t, s, 1), want{"inv-ams", "export", "dossier", fmt.Sprint(w.ams.ID), "sha256=abc"})
	})
	t.Run("auditors read the trail, nobody else", func(t *testing.T) {
		entries, n, err := s.FindAuditEntries(w.ctx("auditor"), lekradar.AuditFilter{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 5 || n < 5 || entries[0].Seq < entries[4].Seq {
			t.Errorf("got %d of %d entries, newest first? %v", len(entries), n, entries)
		}
		check(t, lastAudit(t, s, 1), want{"auditor", "search", "audit", "", "limit=5"})
		for _, u := range []string{"admin", "inv-ams", "privacy", "researcher"} {
			_, _, err := s.FindAuditEntries(w.ctx(u), lekradar.AuditFilter{})
			assertCode(t, err, lekradar.EFORBIDDEN)
			_, _, err = s.VerifyAudit(w.ctx(u))
			assertCode(t, err, lekradar.EFORBIDDEN)
		}
	})
}

// tamper is a hand edit of the audit trail with SQL, and the first entry
// that verification must name.
type tamper struct {
	name    string
	edit    func(t *testing.T, s *sqlstore.Store)
	wantSeq int64
	kind    string
}

func execSQL(t *testing.T, s *sqlstore.Store, q string, args ...any) {
	t.Helper()
	if _, err := s.DB().ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// testAuditVerify checks that verification passes on an untouched trail
// and names the first bad entry after each kind of hand edit.
func testAuditVerify(t *testing.T, newDB NewDatabaseFunc) {
	tampers := []tamper{
		{"changed detail", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `UPDATE audit_entry SET detail = 'nothing to see' WHERE seq = 4`)
		}, 4, "hash"},
		{"changed actor", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 6`)
		}, 6, "hash"},
		{"changed time", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `UPDATE audit_entry SET at = $1 WHERE seq = 2`, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		}, 2, "hash"},
		{"changed and rehashed", func(t *testing.T, s *sqlstore.Store) {
			// Who recomputes the hash of the edited entry breaks the link
			// of the next one.
			e := readEntry(t, s, 4)
			e.Actor = "someone-else"
			e.Hash = lekradar.AuditHash(&e)
			execSQL(t, s, `UPDATE audit_entry SET actor = $1, hash = $2 WHERE seq = 4`, e.Actor, e.Hash)
		}, 5, "link"},
		{"removed", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `DELETE FROM audit_entry WHERE seq = 5`)
		}, 5, "sequence"},
		{"removed first", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `DELETE FROM audit_entry WHERE seq = 1`)
		}, 1, "sequence"},
		{"removed newest", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `DELETE FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)`)
		}, -1, "head"},
		{"swapped", func(t *testing.T, s *sqlstore.Store) {
			a, b := readEntry(t, s, 3), readEntry(t, s, 4)
			for _, pair := range [][2]lekradar.AuditEntry{{a, b}, {b, a}} {
				dst, src := pair[0], pair[1]
				execSQL(t, s, `UPDATE audit_entry SET at = $1, actor = $2, action = $3, object_type = $4, object_id = $5,
					detail = $6, prev_hash = $7, hash = $8 WHERE seq = $9`,
					src.Time, src.Actor, src.Action, src.ObjectType, src.ObjectID, src.Detail, src.PrevHash, src.Hash, dst.Seq)
			}
		}, 3, "hash"},
		{"renumbered", func(t *testing.T, s *sqlstore.Store) {
			// Moving entry 3 to the end, under a new number.
			execSQL(t, s, `UPDATE audit_entry SET seq = 1000 WHERE seq = 3`)
		}, 3, "sequence"},
		{"rewritten, every later hash and the head recomputed", func(t *testing.T, s *sqlstore.Store) {
			// The chain holds again, but its head's seal needs the
			// registry's key, which is not in the database.
			head := readEntry(t, s, -1).Seq
			prev := readEntry(t, s, 3).Hash
			for seq := int64(4); seq <= head; seq++ {
				e := readEntry(t, s, seq)
				if seq == 4 {
					e.Actor = "someone-else"
				}
				e.PrevHash = prev
				e.Hash = lekradar.AuditHash(&e)
				execSQL(t, s, `UPDATE audit_entry SET actor = $1, prev_hash = $2, hash = $3 WHERE seq = $4`, e.Actor, e.PrevHash, e.Hash, seq)
				prev = e.Hash
			}
			execSQL(t, s, `UPDATE audit_head SET hash = $1 WHERE id = 1`, prev)
		}, -1, "seal"},
		{"seal removed", func(t *testing.T, s *sqlstore.Store) {
			execSQL(t, s, `UPDATE audit_head SET mac = NULL WHERE id = 1`)
		}, -1, "seal"},
		{"forged after the head", func(t *testing.T, s *sqlstore.Store) {
			last := readEntry(t, s, -1)
			e := lekradar.AuditEntry{Seq: last.Seq + 1, Time: last.Time, Actor: "forger", Action: "read", ObjectType: "dossier", PrevHash: last.Hash}
			e.Hash = lekradar.AuditHash(&e)
			execSQL(t, s, `INSERT INTO audit_entry (seq, at, actor, action, object_type, object_id, detail, prev_hash, hash)
				VALUES ($1, $2, $3, $4, $5, '', '', $6, $7)`, e.Seq, e.Time, e.Actor, e.Action, e.ObjectType, e.PrevHash, e.Hash)
		}, -2, "head"},
	}

	// fill makes a trail of more than 8 entries by the world's own work.
	fill := func(t *testing.T) *world {
		w := newWorld(t, newDB)
		if _, err := w.s.FindDossierByID(w.ctx("inv-ams"), w.ams.ID); err != nil {
			t.Fatal(err)
		}
		return w
	}

	t.Run("untouched", func(t *testing.T) {
		w := fill(t)
		for i := range 2 { // the check appends its own entry, and verifies again
			p, v, err := w.s.VerifyAudit(w.ctx("auditor"))
			if err != nil {
				t.Fatal(err)
			}
			if p != nil {
				t.Fatalf("untouched trail reported broken: %v", p)
			}
			if n := int64(auditCount(t, w.s)); v.Entries != n-1 || v.HeadSeq != n-1 || len(v.HeadHash) != 64 {
				t.Errorf("check %d: verification %+v, want %d entries", i, v, n-1)
			}
		}
		last := lastAudit(t, w.s, 1)[0]
		if last.Action != "verify" || !strings.Contains(last.Detail, "result=intact") {
			t.Errorf("verification not audited: %+v", last)
		}
	})
	for _, tc := range tampers {
		t.Run(tc.name, func(t *testing.T) {
			w := fill(t)
			head := readEntry(t, w.s, -1).Seq
			tc.edit(t, w.s)
			p, _, err := w.s.VerifyAudit(SystemContext())
			if err != nil {
				t.Fatal(err)
			}
			want := tc.wantSeq
			switch want {
			case -1:
				want = head // the removed newest entry
			case -2:
				want = head + 1
			}
			if p == nil {
				t.Fatalf("%s: verification passed", tc.name)
			}
			if p.Seq != want || p.Kind != tc.kind {
				t.Errorf("%s: problem %v, want entry %d of kind %s", tc.name, p, want, tc.kind)
			}
		})
	}
}

// readEntry reads entry seq (-1: the newest) with SQL, adding no entry.
func readEntry(t *testing.T, s *sqlstore.Store, seq int64) lekradar.AuditEntry {
	t.Helper()
	ctx := context.Background()
	if seq == -1 {
		if err := s.DB().QueryRowContext(ctx, `SELECT MAX(seq) FROM audit_entry`).Scan(&seq); err != nil {
			t.Fatal(err)
		}
	}
	var e lekradar.AuditEntry
	err := s.DB().QueryRowContext(ctx, `SELECT seq, at, actor, action, object_type, object_id, detail, prev_hash, hash
		FROM audit_entry WHERE seq = $1`, seq).Scan(&e.Seq, anyTime{&e.Time}, &e.Actor, &e.Action, &e.ObjectType,
		&e.ObjectID, &e.Detail, &e.PrevHash, &e.Hash)
	if err != nil {
		t.Fatalf("read audit entry %d: %v", seq, err)
	}
	return e
}

// anyTime scans a timestamp as either driver returns it.
type anyTime struct{ t *time.Time }

func (a anyTime) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*a.t = v.UTC()
		return nil
	case []byte:
		src = string(v)
	}
	str, ok := src.(string)
	if !ok {
		return fmt.Errorf("scan time: %T", src)
	}
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00"} {
		if t, err := time.Parse(layout, str); err == nil {
			*a.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("scan time: %q", str)
}

// testAuditConcurrentAppends has several users read and write at once: the
// chain must not fork (every entry links to the one before it).
func testAuditConcurrentAppends(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	before := auditCount(t, s)
	const workers, each = 4, 6
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for i := range workers {
		wg.Go(func() {
			ctx := w.ctx([]string{"inv-ams", "intake-ams", "ana-ams", "inv-rot-member"}[i])
			for k := range each {
				var err error
				switch {
				case i < 2 && k%2 == 0:
					err = s.CreateDossier(ctx, minimalDossier("amsterdam", "2016-06-01"))
				case k%3 == 0:
					_, _, err = s.FindDossiers(ctx, lekradar.DossierFilter{Limit: 2})
				default:
					_, err = s.FindDossierByID(ctx, w.ams.ID)
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent action: %v", err)
	}
	if n := auditCount(t, s) - before; n < workers*each {
		t.Errorf("%d entries for %d actions", n, workers*each)
	}
	p, _, err := s.VerifyAudit(SystemContext())
	if err != nil || p != nil {
		t.Fatalf("after concurrent appends: problem %v, err %v", p, err)
	}
}

// testUsers checks account management and who may do it.
func testUsers(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	admin := w.ctx("admin")

	u := &lekradar.User{Username: "new-inv", Role: lekradar.RoleInvestigator, Department: "limburg", EmployeeRef: "E42", PasswordHash: "$argon2id$x", TOTPSecret: "JBSWY3DPEHPK3PXP"}
	if err := s.CreateUser(admin, u); err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || u.CreatedAt.IsZero() {
		t.Fatalf("create did not set ID and time: %+v", u)
	}
	got, err := s.FindUserByUsername(admin, "new-inv")
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "user round trip", got, u)
	if b, _ := json.Marshal(got); strings.Contains(string(b), "argon2id") || strings.Contains(string(b), "JBSWY3DPEHPK3PXP") {
		t.Errorf("JSON of a user carries credentials: %s", b)
	}
	// The TOTP secret is encrypted at rest, as reporter identities are;
	// one stored before encryption is still read.
	var stored string
	if err := s.DB().QueryRowContext(admin, `SELECT totp_secret FROM app_user WHERE id = $1`, u.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stored, "v1:") || strings.Contains(stored, "JBSWY3DPEHPK3PXP") {
		t.Errorf("stored TOTP secret %q, want it encrypted", stored)
	}
	execSQL(t, s, `UPDATE app_user SET totp_secret = 'KRSXG5CTMVRXEZLU' WHERE id = $1`, u.ID)
	if legacy, err := s.FindUserByUsername(admin, "new-inv"); err != nil || legacy.TOTPSecret != "KRSXG5CTMVRXEZLU" {
		t.Errorf("a TOTP secret stored before encryption read as %q, %v", legacy.TOTPSecret, err)
	}
	execSQL(t, s, `UPDATE app_user SET totp_secret = $1 WHERE id = $2`, stored, u.ID)

	for _, tc := range []struct {
		name string
		u    *lekradar.User
		code string
	}{
		{"taken username", &lekradar.User{Username: "new-inv", Role: lekradar.RoleAnalyst}, lekradar.ECONFLICT},
		{"unknown role", &lekradar.User{Username: "x1", Role: "superuser"}, lekradar.EINVALID},
		{"system role", &lekradar.User{Username: "x2", Role: lekradar.RoleSystem}, lekradar.EINVALID},
		{"colon in username", &lekradar.User{Username: "cli:root", Role: lekradar.RoleAdmin}, lekradar.EINVALID},
		{"unknown department", &lekradar.User{Username: "x3", Role: lekradar.RoleIntake, Department: "utrecht"}, lekradar.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertCode(t, s.CreateUser(admin, tc.u), tc.code)
		})
	}
	t.Run("only admins manage accounts", func(t *testing.T) {
		for _, name := range []string{"inv-ams", "auditor", "privacy", "intake-ams"} {
			ctx := w.ctx(name)
			assertCode(t, s.CreateUser(ctx, &lekradar.User{Username: "y-" + name, Role: lekradar.RoleAdmin}), lekradar.EFORBIDDEN)
			_, _, err := s.FindUsers(ctx, lekradar.UserFilter{})
			assertCode(t, err, lekradar.EFORBIDDEN)
			_, err = s.UpdateUser(ctx, u.ID, lekradar.UserUpdate{Role: new(lekradar.RoleAdmin)})
			assertCode(t, err, lekradar.EFORBIDDEN)
		}
	})
	t.Run("list", func(t *testing.T) {
		role := lekradar.RoleInvestigator
		users, n, err := s.FindUsers(admin, lekradar.UserFilter{Role: &role})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range users {
			names = append(names, u.Username)
		}
		assertEqual(t, "investigators", names, []string{"inv-ams", "inv-ams-disabled", "inv-ams-suspect", "inv-rot", "inv-rot-member", "new-inv"})
		if n != 6 {
			t.Errorf("total %d", n)
		}
	})
	t.Run("disable ends sessions", func(t *testing.T) {
		_, token, err := s.CreateSession(context.Background(), u.ID, time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		upd, err := s.UpdateUser(admin, u.ID, lekradar.UserUpdate{Disabled: new(true)})
		if err != nil {
			t.Fatal(err)
		}
		if !upd.Disabled {
			t.Error("not disabled")
		}
		_, _, err = s.FindSession(context.Background(), token)
		assertCode(t, err, lekradar.ENOTFOUND)
		_, err = s.FindUserForLogin(context.Background(), "new-inv")
		assertCode(t, err, lekradar.ENOTFOUND)
		e := lastAudit(t, s, 1)[0]
		if e.Action != "update" || e.ObjectID != fmt.Sprint(u.ID) || !strings.Contains(e.Detail, "changed=disabled") {
			t.Errorf("audit entry %+v", e)
		}
	})
	t.Run("update validates", func(t *testing.T) {
		_, err := s.UpdateUser(admin, u.ID, lekradar.UserUpdate{Role: new("root")})
		assertCode(t, err, lekradar.EINVALID)
		_, err = s.UpdateUser(admin, 987654, lekradar.UserUpdate{Role: new(lekradar.RoleAdmin)})
		assertCode(t, err, lekradar.ENOTFOUND)
	})
}

// testSessions checks the server-side sessions the HTTP layer will use.
func testSessions(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	ctx := context.Background() // logging in needs no actor
	u := w.users["inv-ams"]
	now := time.Now().UTC()
	s.Now = func() time.Time { return now }
	defer func() { s.Now = time.Now }()

	sess, token, err := s.CreateSession(ctx, u.ID, now.Add(30*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(token) < 43 || sess.CSRFSecret == "" || sess.ID == 0 {
		t.Fatalf("session %+v token %q", sess, token)
	}
	var stored int
	s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM user_session WHERE token_hash = $1`, token).Scan(&stored)
	if stored != 0 {
		t.Error("the plain token is stored")
	}
	e := lastAudit(t, s, 1)[0]
	if e.Actor != "inv-ams" || e.Action != "login" {
		t.Errorf("login not audited: %+v", e)
	}
	got, gu, err := s.FindSession(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != sess.ID || gu.Username != "inv-ams" || gu.Department != "amsterdam" || got.CSRFSecret != sess.CSRFSecret {
		t.Errorf("found session %+v user %+v", got, gu)
	}
	_, _, err = s.FindSession(ctx, token+"x")
	assertCode(t, err, lekradar.ENOTFOUND)

	now = now.Add(20 * time.Minute)
	if err := s.TouchSession(ctx, sess.ID, now.Add(30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	now = now.Add(20 * time.Minute) // 40 minutes after login, 20 after the touch
	if _, _, err := s.FindSession(ctx, token); err != nil {
		t.Fatalf("touched session expired: %v", err)
	}
	now = now.Add(11 * time.Minute)
	_, _, err = s.FindSession(ctx, token)
	assertCode(t, err, lekradar.ENOTFOUND)
	if n, err := s.DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Errorf("deleted %d expired sessions (%v), want 1", n, err)
	}

	_, token2, err := s.CreateSession(ctx, u.ID, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, token2); err != nil {
		t.Fatal(err)
	}
	if e := lastAudit(t, s, 1)[0]; e.Action != "logout" || e.Actor != "inv-ams" {
		t.Errorf("logout not audited: %+v", e)
	}
	_, _, err = s.FindSession(ctx, token2)
	assertCode(t, err, lekradar.ENOTFOUND)
	assertCode(t, s.DeleteSession(ctx, token2), lekradar.ENOTFOUND)

	_, _, err = s.CreateSession(ctx, w.users["inv-ams-disabled"].ID, now.Add(time.Hour))
	assertCode(t, err, lekradar.ENOTFOUND)
	_, _, err = s.CreateSession(ctx, 987654, now.Add(time.Hour))
	assertCode(t, err, lekradar.ENOTFOUND)
	login, err := s.FindUserForLogin(ctx, "inv-ams")
	if err != nil || login.PasswordHash == "" {
		t.Errorf("login lookup %+v %v", login, err)
	}

	t.Run("a TOTP step is used once", func(t *testing.T) {
		step := now.Unix() / 30
		for _, tc := range []struct {
			user int64
			step int64
			want bool
		}{
			{u.ID, step, true},
			{u.ID, step, false},     // the same code again
			{u.ID, step - 1, false}, // an older code still within the skew
			{u.ID, step + 1, true},
			{w.users["ana-ams"].ID, step, true}, // per account
		} {
			ok, err := s.ConsumeTOTPStep(ctx, tc.user, tc.step)
			if err != nil || ok != tc.want {
				t.Errorf("ConsumeTOTPStep(user %d, step %d) = %v, %v; want %v", tc.user, tc.step, ok, err, tc.want)
			}
		}
	})
}

// testAPITokens checks machine tokens.
func testAPITokens(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	admin := w.ctx("admin")
	ingest := &lekradar.APIToken{Name: "bvh feed", Scope: lekradar.ScopeIngest}
	plain, err := s.CreateAPIToken(admin, ingest)
	if err != nil {
		t.Fatal(err)
	}
	if ingest.ID == 0 || ingest.CreatedBy != "admin" || len(plain) < 43 {
		t.Fatalf("token %+v %q", ingest, plain)
	}
	got, err := s.FindAPIToken(context.Background(), plain)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != ingest.ID || got.Scope != lekradar.ScopeIngest || got.LastUsedAt.IsZero() {
		t.Errorf("found token %+v", got)
	}
	_, err = s.FindAPIToken(context.Background(), plain[:len(plain)-1])
	assertCode(t, err, lekradar.ENOTFOUND)

	userToken := &lekradar.APIToken{Name: "report script", Scope: lekradar.ScopeUser, UserID: w.users["ana-ams"].ID}
	plain2, err := s.CreateAPIToken(admin, userToken)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.FindAPIToken(context.Background(), plain2); err != nil || got.UserID != w.users["ana-ams"].ID {
		t.Errorf("user token %+v %v", got, err)
	}

	for _, tc := range []struct {
		name string
		tok  *lekradar.APIToken
		ctx  context.Context
		code string
	}{
		{"no name", &lekradar.APIToken{Scope: lekradar.ScopeIngest}, admin, lekradar.EINVALID},
		{"bad scope", &lekradar.APIToken{Name: "x", Scope: "all"}, admin, lekradar.EINVALID},
		{"user scope without user", &lekradar.APIToken{Name: "x", Scope: lekradar.ScopeUser}, admin, lekradar.EINVALID},
		{"user scope, unknown user", &lekradar.APIToken{Name: "x", Scope: lekradar.ScopeUser, UserID: 987654}, admin, lekradar.EINVALID},
		{"investigator", &lekradar.APIToken{Name: "x", Scope: lekradar.ScopeIngest}, w.ctx("inv-ams"), lekradar.EFORBIDDEN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreateAPIToken(tc.ctx, tc.tok)
			assertCode(t, err, tc.code)
		})
	}

	tokens, err := s.FindAPITokens(admin)
	if err != nil || len(tokens) != 2 {
		t.Fatalf("listed %d tokens (%v)", len(tokens), err)
	}
	if err := s.RevokeAPIToken(admin, ingest.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindAPIToken(context.Background(), plain)
	assertCode(t, err, lekradar.ENOTFOUND)
	assertCode(t, s.RevokeAPIToken(admin, ingest.ID), lekradar.ENOTFOUND)

	// A token of a disabled account stops working.
	if _, err := s.UpdateUser(admin, w.users["ana-ams"].ID, lekradar.UserUpdate{Disabled: new(true)}); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindAPIToken(context.Background(), plain2)
	assertCode(t, err, lekradar.ENOTFOUND)
}

// testLoginThrottling checks the failed-login counts per username and per
// address.
func testLoginThrottling(t *testing.T, newDB NewDatabaseFunc) {
	w := newWorld(t, newDB)
	s := w.s
	ctx := context.Background()
	start := time.Now().UTC()
	now := start
	s.Now = func() time.Time { return now }
	defer func() { s.Now = time.Now }()
	fail := func(user, ip string) {
		t.Helper()
		now = now.Add(time.Second)
		if err := s.RecordLoginAttempt(ctx, lekradar.LoginAttempt{Username: user, IP: ip}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(key string, since time.Time) int {
		t.Helper()
		n, err := s.LoginAttempts(ctx, key, since)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := auditCount(t, s)
	fail("inv-ams", "10.0.0.1")
	fail("inv-ams", "10.0.0.1")
	fail("nobody", "10.0.0.1")
	fail("inv-ams", "10.0.0.2")
	for _, tc := range []struct {
		key  string
		want int
	}{
		{lekradar.LoginKeyUser("inv-ams"), 3},
		{lekradar.LoginKeyUser("nobody"), 1},
		{lekradar.LoginKeyIP("10.0.0.1"), 3},
		{lekradar.LoginKeyIP("10.0.0.2"), 1},
		{lekradar.LoginKeyUser("ana-ams"), 0},
	} {
		if got := count(tc.key, start); got != tc.want {
			t.Errorf("%s: %d failed attempts, want %d", tc.key, got, tc.want)
		}
	}
	if got := count(lekradar.LoginKeyUser("inv-ams"), start.Add(2500*time.Millisecond)); got != 1 {
		t.Errorf("window: %d failed attempts since 2.5 s, want 1", got)
	}
	if n := auditCount(t, s) - before; n != 4 {
		t.Errorf("%d audit entries for 4 failed logins", n)
	}
	if e := lastAudit(t, s, 2); e[0].Detail != "result=unknown_account" || e[1].ObjectID != fmt.Sprint(w.users["inv-ams"].ID) || e[1].Actor != "anonymous" {
		t.Errorf("failed login entries %+v", e)
	}
	now = now.Add(time.Second)
	if err := s.RecordLoginAttempt(ctx, lekradar.LoginAttempt{Username: "inv-ams", IP: "10.0.0.1", Success: true}); err != nil {
		t.Fatal(err)
	}
	if got := count(lekradar.LoginKeyUser("inv-ams"), start); got != 0 {
		t.Errorf("%d failed attempts counted after a successful login, want 0", got)
	}
	now = now.Add(time.Hour)
	if n, err := s.DeleteLoginAttempts(ctx, now.Add(-time.Minute)); err != nil || n != 10 {
		t.Errorf("deleted %d old attempts (%v), want 10", n, err)
	}
}
