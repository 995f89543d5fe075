package lekradar

import (
	"context"
	"regexp"
	"slices"
	"time"
)

// Roles of user accounts. What each may do is decided by the functions in
// access.go and described in docs/security.md.
const (
	// RoleAdmin manages accounts; it does not read dossiers unless added to
	// one as a member.
	RoleAdmin = "admin"
	// RoleIntake registers reports and dossiers of its own VIK department.
	RoleIntake = "intake"
	// RoleInvestigator works the dossiers of its own VIK department and, by
	// default, is the only role that may read a reporter's identity.
	RoleInvestigator = "investigator"
	// RoleAnalyst reads the dossiers of its own VIK department.
	RoleAnalyst = "analyst"
	// RoleResearcher gets pseudonymised exports only (not yet built); no
	// dossier access unless added as a member.
	RoleResearcher = "researcher"
	// RolePrivacyOfficer sees aggregates and the register of vulnerable
	// spots, not dossiers.
	RolePrivacyOfficer = "privacy_officer"
	// RoleAuditor reads the audit trail, not dossiers.
	RoleAuditor = "auditor"
)

// Roles that no account can have: actors that the program itself makes.
const (
	// RoleSystem is the operator at the command line (or another trusted
	// process): full access, audited under its own name.
	RoleSystem = "system"
	// RoleMachine is a program authenticated by an API token of scope
	// ingest: it may deliver look-up events and nothing else.
	RoleMachine = "machine"
)

// AccountRoles returns the roles an account may have, in a fixed order.
func AccountRoles() []string {
	return []string{RoleAdmin, RoleIntake, RoleInvestigator, RoleAnalyst, RoleResearcher, RolePrivacyOfficer, RoleAuditor}
}

// IsAccountRole reports whether role is one an account may have.
func IsAccountRole(role string) bool {
	return slices.Contains(AccountRoles(), role)
}

// User is an account of a person who works with lekradar, or (with
// RoleSystem or RoleMachine) an actor the program makes itself.
type User struct {
	ID       int64  `json:"id,omitempty"`
	Username string `json:"username"`
	Role     string `json:"role"`
	// Department is the unit code of the user's VIK department. Staff roles
	// (intake, investigator, analyst) see that department's dossiers; it may
	// be empty for the other roles.
	Department string `json:"department,omitempty"`
	// EmployeeRef is the user's own employee id: a user named as suspect in
	// a dossier (by this id) can never open that dossier.
	EmployeeRef string `json:"employee_ref,omitempty"`
	// PasswordHash is an Argon2id hash in PHC string format; it never
	// leaves the server.
	PasswordHash string `json:"-"`
	// TOTPSecret is the base32 secret of the optional second factor; it
	// never leaves the server.
	TOTPSecret string    `json:"-"`
	Disabled   bool      `json:"disabled"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
	UpdatedAt  time.Time `json:"updated_at,omitzero"`
}

// HasTOTP reports whether the user has enrolled a second factor.
func (u *User) HasTOTP() bool { return u.TOTPSecret != "" }

// IsSystem reports whether u is the trusted system actor.
func (u *User) IsSystem() bool { return u != nil && u.Role == RoleSystem }

// usernamePattern allows what is safe in logs, URLs and the audit trail, and
// never a colon: actor names with a colon ("cli:…", "token:…") are the
// program's own.
var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// Validate checks an account: username form, role, department code.
func (u *User) Validate(cb *Codebook) error {
	v := &ValidationError{}
	if !usernamePattern.MatchString(u.Username) {
		v.add("username", u.Username, "must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", nil)
	}
	if !IsAccountRole(u.Role) {
		v.add("role", u.Role, "is not an account role", AccountRoles())
	}
	cb.check(v, "department", FieldUnit, u.Department, true)
	if len(u.EmployeeRef) > 64 {
		v.add("employee_ref", u.EmployeeRef, "is longer than 64 characters", nil)
	}
	return v.errOrNil()
}

// UserFilter selects accounts. Nil fields do not filter.
type UserFilter struct {
	ID       *int64
	Username *string
	Role     *string
	Disabled *bool

	Offset int
	Limit  int
}

// UserUpdate changes an account; nil fields stay as they are.
type UserUpdate struct {
	Role         *string
	Department   *string
	EmployeeRef  *string
	PasswordHash *string
	// TOTPSecret set to "" removes the second factor.
	TOTPSecret *string
	Disabled   *bool
}

// UserService manages accounts. Only an admin (or the system actor) may use
// it; a disabled or changed account loses its sessions.
type UserService interface {
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUserByUsername(ctx context.Context, username string) (*User, error)
	FindUsers(ctx context.Context, filter UserFilter) ([]*User, int, error)
	// CreateUser stores a new account; a taken username is ECONFLICT.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser applies upd and returns the account as stored. Disabling an
	// account, or changing its password or role, ends its sessions.
	UpdateUser(ctx context.Context, id int64, upd UserUpdate) (*User, error)
}
