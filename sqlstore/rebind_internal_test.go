package sqlstore

import "testing"

func TestRebind(t *testing.T) {
	positional := New(nil, Dialect{Name: "test", Positional: true}, nil)
	numbered := New(nil, Dialect{Name: "test"}, nil)
	tests := []struct {
		name, in, want string
	}{
		{"in order", "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)", "SELECT a FROM t WHERE b = ? AND c IN (?, ?)"},
		{"two digits", "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{"no placeholders", "SELECT 1", "SELECT 1"},
		// ? binds by position, so anything else must keep its numbers.
		{"out of order", "UPDATE t SET a = $2 WHERE id = $1", "UPDATE t SET a = $2 WHERE id = $1"},
		{"repeated", "SELECT $1, $1", "SELECT $1, $1"},
		{"gap", "SELECT $1, $3", "SELECT $1, $3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := positional.rebind(tt.in); got != tt.want {
				t.Errorf("positional rebind(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := numbered.rebind(tt.in); got != tt.in {
				t.Errorf("numbered rebind(%q) = %q, want it unchanged", tt.in, got)
			}
		})
	}
}
