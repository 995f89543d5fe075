package lekradar

import (
	"context"
	"slices"
	"time"
)

// The need-to-know rules. Everything is denied unless a rule here allows it.
// The stores apply the same rules in their queries (a list shows only what
// CanSeeDossier allows); these functions are the reference and decide every
// single-object check. docs/security.md explains them.

// AccessPolicy holds the configurable parts of the rules.
type AccessPolicy struct {
	// ReporterIdentityRole is the one account role that may read a
	// reporter's identity, on the dossiers it may see.
	ReporterIdentityRole string
}

// DefaultAccessPolicy lets investigators, and no other role, read reporter
// identities.
func DefaultAccessPolicy() AccessPolicy {
	return AccessPolicy{ReporterIdentityRole: RoleInvestigator}
}

// IsDepartmentStaff reports whether role sees the dossiers of its own VIK
// department without being added to them.
func IsDepartmentStaff(role string) bool {
	return role == RoleIntake || role == RoleInvestigator || role == RoleAnalyst
}

// canWriteDossiers reports whether role may register and change dossiers.
func canWriteDossiers(role string) bool {
	return role == RoleIntake || role == RoleInvestigator
}

// DossierAccessFacts is what the rules need to know about one dossier and
// one user.
type DossierAccessFacts struct {
	Department string
	// SuspectEmployeeRefs are the employee ids of the dossier's suspects.
	SuspectEmployeeRefs []string
	// Member is whether the user was added to the dossier.
	Member bool
}

// FactsOf returns the facts of dossier d for a user who is (or is not) a
// member of it.
func FactsOf(d *Dossier, member bool) DossierAccessFacts {
	f := DossierAccessFacts{Department: d.Department, Member: member}
	for _, s := range d.Suspects {
		if s.EmployeeRef != "" {
			f.SuspectEmployeeRefs = append(f.SuspectEmployeeRefs, s.EmployeeRef)
		}
	}
	return f
}

// IsSuspectIn reports whether u is named (by employee id) as a suspect.
func IsSuspectIn(u *User, f DossierAccessFacts) bool {
	return u != nil && u.EmployeeRef != "" && slices.Contains(f.SuspectEmployeeRefs, u.EmployeeRef)
}

// CanSeeDossier: the system actor sees everything; a user named as suspect
// never sees the dossier, not even as a member; otherwise department staff
// (intake, investigator, analyst) see the dossiers of their own department,
// and any account sees the dossiers it was added to as a member. A disabled
// account sees nothing.
func CanSeeDossier(u *User, f DossierAccessFacts) bool {
	switch {
	case u == nil || u.Disabled:
		return false
	case u.IsSystem():
		return true
	case u.Role == RoleMachine || IsSuspectIn(u, f):
		return false
	case IsDepartmentStaff(u.Role) && u.Department != "" && u.Department == f.Department:
		return true
	}
	return f.Member
}

// CanReadReporterIdentity: the system actor, and accounts of the policy's
// role on a dossier they can see.
func CanReadReporterIdentity(u *User, p AccessPolicy, f DossierAccessFacts) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && p.ReporterIdentityRole != "" && u.Role == p.ReporterIdentityRole && CanSeeDossier(u, f)
}

// CanCreateDossier: intake and investigators register dossiers of their own
// department only; the system actor any.
func CanCreateDossier(u *User, department string) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && canWriteDossiers(u.Role) && u.Department != "" && u.Department == department
}

// CanUpdateDossier: intake and investigators change the dossiers they can
// see (their department's, or those they are members of); the system actor
// any. Moving a dossier to another department is a hand-over the writer may
// make.
func CanUpdateDossier(u *User, f DossierAccessFacts) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && canWriteDossiers(u.Role) && CanSeeDossier(u, f)
}

// CanDeleteDossier: investigators of the dossier's own department (not
// members from elsewhere), and the system actor.
func CanDeleteDossier(u *User, f DossierAccessFacts) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && u.Role == RoleInvestigator && u.Department == f.Department && CanSeeDossier(u, f)
}

// CanManageMembers: investigators who can see the dossier, and the system
// actor.
func CanManageMembers(u *User, f DossierAccessFacts) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && u.Role == RoleInvestigator && CanSeeDossier(u, f)
}

// CanReadVulnerableSpots: the register holds no personal data and serves
// prevention: department staff and the privacy officer read all of it.
func CanReadVulnerableSpots(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && (IsDepartmentStaff(u.Role) || u.Role == RolePrivacyOfficer)
}

// CanWriteVulnerableSpots: investigators and analysts keep the register.
func CanWriteVulnerableSpots(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && (u.Role == RoleInvestigator || u.Role == RoleAnalyst)
}

// CanManageUsers: admins (accounts and API tokens), and the system actor.
func CanManageUsers(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && u.Role == RoleAdmin
}

// CanReadAudit: auditors, and the system actor.
func CanReadAudit(u *User) bool {
	if u.IsSystem() {
		return true
	}
	return u != nil && !u.Disabled && u.Role == RoleAuditor
}

// DossierMember is an account added to a dossier, which gives it sight of
// that dossier whatever its department.
type DossierMember struct {
	DossierID int64     `json:"dossier_id"`
	UserID    int64     `json:"user_id"`
	Username  string    `json:"username"`
	Role      string    `json:"role"`
	AddedBy   string    `json:"added_by"`
	AddedAt   time.Time `json:"added_at"`
}

// DossierMemberService manages who was added to a dossier. The caller must
// be allowed to manage its members (CanManageMembers); a dossier the caller
// cannot see is ENOTFOUND.
type DossierMemberService interface {
	// AddDossierMember adds an account; adding one named as suspect in the
	// dossier is EINVALID, adding a member twice ECONFLICT.
	AddDossierMember(ctx context.Context, dossierID, userID int64) error
	RemoveDossierMember(ctx context.Context, dossierID, userID int64) error
	// FindDossierMembers lists the members of a dossier the caller can see.
	FindDossierMembers(ctx context.Context, dossierID int64) ([]*DossierMember, error)
}

// Actor returns the acting user of ctx, or EUNAUTHORIZED when there is
// none or the account is disabled. Services call it first.
func Actor(ctx context.Context) (*User, error) {
	u := UserFromContext(ctx)
	if u == nil {
		return nil, Errorf(EUNAUTHORIZED, "no authenticated user: log in first")
	}
	if u.Disabled {
		return nil, Errorf(EUNAUTHORIZED, "account %s is disabled", u.Username)
	}
	return u, nil
}
