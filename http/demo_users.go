package http

import (
	"context"
	"fmt"

	"lekradar"
	"lekradar/authn"
)

// DemoLogin is a demo account and its generated password, printed once by
// `lekradar demo --serve`.
type DemoLogin struct {
	Username   string
	Password   string
	Role       string
	Department string
}

// UserCreator stores accounts; *sqlstore.Store is one.
type UserCreator interface {
	CreateUser(ctx context.Context, u *lekradar.User) error
}

// CreateDemoUsers makes one account for every role, named "demo-<role>",
// each with a fresh random password. Department staff belong to
// department (a unit code); the other roles have none. ctx must carry an
// actor allowed to manage accounts (the system actor of the command line).
func CreateDemoUsers(ctx context.Context, store UserCreator, department string) ([]DemoLogin, error) {
	var logins []DemoLogin
	for _, role := range lekradar.AccountRoles() {
		password, err := lekradar.NewSecretToken()
		if err != nil {
			return nil, err
		}
		password = password[:20]
		username := "demo-" + role
		hash, err := authn.HashPassword(password)
		if err != nil {
			return nil, fmt.Errorf("demo account %s: %w", username, err)
		}
		u := &lekradar.User{Username: username, Role: role, PasswordHash: hash}
		if lekradar.IsDepartmentStaff(role) {
			u.Department = department
		}
		if err := store.CreateUser(ctx, u); err != nil {
			return nil, fmt.Errorf("demo account %s: %w", username, err)
		}
		logins = append(logins, DemoLogin{Username: username, Password: password, Role: role, Department: u.Department})
	}
	return logins, nil
}
