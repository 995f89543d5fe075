package lekradar_test

import (
	"context"
	"testing"

	"lekradar"
)

func TestCanSeeDossier(t *testing.T) {
	ams := lekradar.DossierAccessFacts{Department: "amsterdam", SuspectEmployeeRefs: []string{"E1"}}
	amsMember := ams
	amsMember.Member = true
	user := func(role, dept, ref string) *lekradar.User {
		return &lekradar.User{ID: 7, Username: "u", Role: role, Department: dept, EmployeeRef: ref}
	}
	for _, tc := range []struct {
		name string
		u    *lekradar.User
		f    lekradar.DossierAccessFacts
		want bool
	}{
		{"no user", nil, ams, false},
		{"system", lekradar.SystemActor("cli:x"), ams, true},
		{"intake own department", user(lekradar.RoleIntake, "amsterdam", ""), ams, true},
		{"investigator own department", user(lekradar.RoleInvestigator, "amsterdam", "E2"), ams, true},
		{"analyst own department", user(lekradar.RoleAnalyst, "amsterdam", ""), ams, true},
		{"investigator other department", user(lekradar.RoleInvestigator, "rotterdam", ""), ams, false},
		{"investigator other department, member", user(lekradar.RoleInvestigator, "rotterdam", ""), amsMember, true},
		{"staff without department", user(lekradar.RoleInvestigator, "", ""), ams, false},
		{"admin of the department", user(lekradar.RoleAdmin, "amsterdam", ""), ams, false},
		{"admin member", user(lekradar.RoleAdmin, "", ""), amsMember, true},
		{"auditor of the department", user(lekradar.RoleAuditor, "amsterdam", ""), ams, false},
		{"researcher", user(lekradar.RoleResearcher, "amsterdam", ""), ams, false},
		{"privacy officer", user(lekradar.RolePrivacyOfficer, "amsterdam", ""), ams, false},
		{"suspect in own department", user(lekradar.RoleInvestigator, "amsterdam", "E1"), ams, false},
		{"suspect as member", user(lekradar.RoleInvestigator, "rotterdam", "E1"), amsMember, false},
		{"machine", &lekradar.User{Username: "token:x", Role: lekradar.RoleMachine}, amsMember, false},
		{"disabled", &lekradar.User{Username: "d", Role: lekradar.RoleInvestigator, Department: "amsterdam", Disabled: true}, ams, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := lekradar.CanSeeDossier(tc.u, tc.f); got != tc.want {
				t.Errorf("CanSeeDossier = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCanReadReporterIdentity(t *testing.T) {
	ams := lekradar.DossierAccessFacts{Department: "amsterdam"}
	inv := &lekradar.User{Role: lekradar.RoleInvestigator, Department: "amsterdam"}
	ana := &lekradar.User{Role: lekradar.RoleAnalyst, Department: "amsterdam"}
	invElsewhere := &lekradar.User{Role: lekradar.RoleInvestigator, Department: "limburg"}
	def := lekradar.DefaultAccessPolicy()
	analysts := lekradar.AccessPolicy{ReporterIdentityRole: lekradar.RoleAnalyst}
	for _, tc := range []struct {
		name string
		u    *lekradar.User
		p    lekradar.AccessPolicy
		want bool
	}{
		{"investigator, default", inv, def, true},
		{"analyst, default", ana, def, false},
		{"investigator who cannot see the dossier", invElsewhere, def, false},
		{"analyst when analysts are configured", ana, analysts, true},
		{"investigator when analysts are configured", inv, analysts, false},
		{"nobody configured", inv, lekradar.AccessPolicy{}, false},
		{"system", lekradar.SystemActor("cli:x"), lekradar.AccessPolicy{}, true},
	} {
		if got := lekradar.CanReadReporterIdentity(tc.u, tc.p, ams); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestActor(t *testing.T) {
	if _, err := lekradar.Actor(context.Background()); lekradar.ErrorCode(err) != lekradar.EUNAUTHORIZED {
		t.Errorf("no user: %v", err)
	}
	u := &lekradar.User{Username: "x", Role: lekradar.RoleAnalyst}
	if got, err := lekradar.Actor(lekradar.NewContextWithUser(context.Background(), u)); err != nil || got != u {
		t.Errorf("user: %v %v", got, err)
	}
	u.Disabled = true
	if _, err := lekradar.Actor(lekradar.NewContextWithUser(context.Background(), u)); lekradar.ErrorCode(err) != lekradar.EUNAUTHORIZED {
		t.Errorf("disabled user: %v", err)
	}
}

func TestSecretToken(t *testing.T) {
	a, err := lekradar.NewSecretToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := lekradar.NewSecretToken()
	if len(a) != 43 || a == b {
		t.Errorf("tokens %q %q", a, b)
	}
	if h := lekradar.HashSecretToken(a); len(h) != 64 || h == lekradar.HashSecretToken(b) || h != lekradar.HashSecretToken(a) {
		t.Errorf("hash %q", h)
	}
}
