package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"lekradar"
	"lekradar/authn"
)

const goodPassword = "paard batterij nietje correct"

func TestUserAdd(t *testing.T) {
	db := mustInitDB(t)
	r := mustRunCLI(t, goodPassword+"\n", "user", "add", "--db", db, "--username", "inv-ams",
		"--role", "investigator", "--department", "amsterdam", "--employee-ref", "E10001")
	if !strings.Contains(r.stdout, "added user inv-ams") || !strings.Contains(r.stdout, "department amsterdam") {
		t.Errorf("output %q", r.stdout)
	}

	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	u, err := store.FindUserForLogin(context.Background(), "inv-ams")
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != lekradar.RoleInvestigator || u.Department != "amsterdam" || u.EmployeeRef != "E10001" || u.HasTOTP() {
		t.Errorf("stored account %+v", u)
	}
	for _, tc := range []struct {
		password string
		want     bool
	}{{goodPassword, true}, {goodPassword + "\n", false}, {"paard batterij nietje", false}} {
		if ok, err := authn.VerifyPassword(u.PasswordHash, tc.password); err != nil || ok != tc.want {
			t.Errorf("password %q verifies %v (%v), want %v", tc.password, ok, err, tc.want)
		}
	}
	if strings.Contains(u.PasswordHash, goodPassword) {
		t.Error("the password is stored in the clear")
	}

	t.Run("audited under the os user", func(t *testing.T) {
		out := mustRunCLI(t, "", "audit", "list", "--db", db, "--action", "create", "--object-type", "user", "--format", "json").stdout
		var entries []lekradar.AuditEntry
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if len(entries) != 1 || entries[0].Actor != "cli:"+osUsername() || entries[0].ObjectID != "1" ||
			!strings.Contains(entries[0].Detail, "role=investigator") || strings.Contains(out, goodPassword) {
			t.Errorf("audit entries %s", out)
		}
	})

	t.Run("refused", func(t *testing.T) {
		for _, tc := range []struct {
			name, stdin string
			args        []string
			wantErr     string
		}{
			{"short password", "kort\n", []string{"--username", "a1", "--role", "analyst"}, "too short"},
			{"weak password", "aaaaaaaaaaaaaaaa\n", []string{"--username", "a2", "--role", "analyst"}, "different characters"},
			{"password with the username", "my name is analyst-jan\n", []string{"--username", "analyst-jan", "--role", "analyst"}, "username"},
			{"no password", "", []string{"--username", "a3", "--role", "analyst"}, "no password"},
			{"unknown role", goodPassword, []string{"--username", "a4", "--role", "god"}, "allowed: admin, intake"},
			{"unknown department", goodPassword, []string{"--username", "a5", "--role", "intake", "--department", "utrecht"}, "utrecht"},
			{"bad username", goodPassword, []string{"--username", "Jan Jansen", "--role", "intake"}, "username"},
			{"taken username", goodPassword, []string{"--username", "inv-ams", "--role", "intake"}, "already taken"},
			{"no role", goodPassword, []string{"--username", "a6"}, "role"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := runCLI(t, tc.stdin, append([]string{"user", "add", "--db", db}, tc.args...)...)
				if r.exitCode() != 1 || !strings.Contains(errorText(r.err), tc.wantErr) {
					t.Errorf("exit %d, error %v; want exit 1 and an error about %q", r.exitCode(), r.err, tc.wantErr)
				}
			})
		}
		users := mustRunCLI(t, "", "user", "list", "--db", db).stdout
		if strings.Count(users, "\n") != 2 {
			t.Errorf("refused adds left accounts behind:\n%s", users)
		}
	})

	t.Run("totp", func(t *testing.T) {
		r := mustRunCLI(t, goodPassword, "user", "add", "--db", db, "--username", "auditor1", "--role", "auditor", "--totp")
		if !strings.Contains(r.stdout, "otpauth://totp/lekradar:auditor1?") {
			t.Errorf("no enrolment URL in %q", r.stdout)
		}
		u, err := store.FindUserForLogin(context.Background(), "auditor1")
		if err != nil || !u.HasTOTP() || !strings.Contains(r.stdout, "secret="+u.TOTPSecret) {
			t.Errorf("stored %+v (%v)", u, err)
		}
	})
}

func TestUserListDisableEnable(t *testing.T) {
	db := mustInitDB(t)
	mustRunCLI(t, goodPassword, "user", "add", "--db", db, "--username", "adm", "--role", "admin")
	mustRunCLI(t, goodPassword, "user", "add", "--db", db, "--username", "ana", "--role", "analyst", "--department", "limburg")

	out := mustRunCLI(t, "", "user", "list", "--db", db).stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "USERNAME") || !strings.Contains(lines[1], "adm") ||
		!strings.Contains(lines[2], "limburg") || !strings.Contains(lines[2], "active") {
		t.Fatalf("user list:\n%s", out)
	}
	js := mustRunCLI(t, "", "user", "list", "--db", db, "--format", "json").stdout
	if strings.Contains(js, "argon2id") || strings.Contains(js, "password") {
		t.Errorf("user list --format json shows credentials: %s", js)
	}

	mustRunCLI(t, "", "user", "disable", "--db", db, "--username", "ana")
	if out := mustRunCLI(t, "", "user", "list", "--db", db).stdout; !strings.Contains(out, "disabled") {
		t.Errorf("after disable:\n%s", out)
	}
	store, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.FindUserForLogin(context.Background(), "ana"); lekradar.ErrorCode(err) != lekradar.ENOTFOUND {
		t.Errorf("a disabled account can log in: %v", err)
	}
	mustRunCLI(t, "", "user", "enable", "--db", db, "--username", "ana")
	if _, err := store.FindUserForLogin(context.Background(), "ana"); err != nil {
		t.Errorf("an enabled account cannot log in: %v", err)
	}
	r := runCLI(t, "", "user", "disable", "--db", db, "--username", "nobody")
	if r.exitCode() != 1 || !strings.Contains(errorText(r.err), "nobody not found") {
		t.Errorf("disabling an unknown account: %v", r.err)
	}
}
