package lekradar

import (
	"errors"
	"fmt"
	"strings"
)

// Application error codes. Adapters translate their own failures into these so
// that the CLI and the HTTP layer can answer without knowing the adapter.
const (
	ECONFLICT       = "conflict"
	EINTERNAL       = "internal"
	EINVALID        = "invalid"
	ENOTFOUND       = "not_found"
	EUNAUTHORIZED   = "unauthorized"
	EFORBIDDEN      = "forbidden"
	ENOTIMPLEMENTED = "not_implemented"
)

// Error is an application error with a machine-readable code and a message
// that is safe to show to the user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("lekradar error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error or *ValidationError in err's
// chain, EINTERNAL for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var v *ValidationError
	if errors.As(err, &v) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err. Internal errors get a
// generic text so that details of the storage never leak to a client.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Error()
	}
	return "Internal error."
}

// FieldError is one invalid value: which field (a JSON path such as
// "suspects[0].rank"), the value given, why it was refused and, for coded
// fields, the allowed codes.
type FieldError struct {
	Field   string   `json:"field"`
	Value   string   `json:"value"`
	Message string   `json:"message"`
	Allowed []string `json:"allowed,omitempty"`
}

func (f FieldError) String() string {
	s := fmt.Sprintf("field %s: %s", f.Field, f.Message)
	if f.Value != "" {
		s = fmt.Sprintf("field %s: value %q: %s", f.Field, f.Value, f.Message)
	}
	if len(f.Allowed) > 0 {
		s += " (allowed: " + strings.Join(f.Allowed, ", ") + ")"
	}
	return s
}

// ValidationError collects every invalid field of one record, so that a user
// fixes an import in one pass instead of one error at a time.
type ValidationError struct {
	Fields []FieldError
}

func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		parts[i] = f.String()
	}
	return strings.Join(parts, "; ")
}

// add appends a field error; it is a small convenience for the validators.
func (v *ValidationError) add(field, value, msg string, allowed []string) {
	v.Fields = append(v.Fields, FieldError{Field: field, Value: value, Message: msg, Allowed: allowed})
}

// errOrNil returns v as an error when it holds at least one field error.
func (v *ValidationError) errOrNil() error {
	if len(v.Fields) == 0 {
		return nil
	}
	return v
}
