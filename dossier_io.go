package lekradar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"
)

// DecodeDossierJSON reads one dossier from a JSON object, strictly: every key
// must be a field of the dossier (keys are case-sensitive, so a typo is never
// silently dropped), every value must have the field's JSON type, and dates
// must be YYYY-MM-DD. A null value means unknown and leaves the field empty.
//
// Problems with keys and values are returned together as a *ValidationError
// whose field paths are the ones Validate uses (e.g. "suspects[1].rank"), so
// that a user fixes a record in one pass. Malformed JSON is a plain error
// naming the byte offset. DecodeDossierJSON does not check codes against the
// codebook: call Validate for that.
func DecodeDossierJSON(data []byte) (*Dossier, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, describeJSONError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("invalid JSON: more than one value (expected exactly one object)")
	}
	if _, ok := raw.(map[string]any); !ok {
		return nil, fmt.Errorf("invalid dossier: expected a JSON object, got %s", jsonKind(raw))
	}
	v := &ValidationError{}
	checkJSONShape(v, "", raw, reflect.TypeFor[Dossier]())
	if err := v.errOrNil(); err != nil {
		return nil, err
	}
	var d Dossier
	if err := json.Unmarshal(data, &d); err != nil {
		// The shape check above should have caught everything that
		// encoding/json refuses; this is a safety net.
		return nil, fmt.Errorf("decode dossier: %w", err)
	}
	return &d, nil
}

// describeJSONError turns a decoder error into a message that says where the
// JSON broke.
func describeJSONError(err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("invalid JSON: input ends before the object is complete")
	case errors.Is(err, io.EOF):
		return fmt.Errorf("invalid JSON: no value")
	default:
		return fmt.Errorf("invalid JSON: %w", err)
	}
}

var (
	dateType = reflect.TypeFor[Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// checkJSONShape compares a generically decoded JSON value with the Go type it
// will be decoded into and records every mismatch under its path.
func checkJSONShape(v *ValidationError, path string, val any, t reflect.Type) {
	if val == nil {
		return // null: unknown, decodes to the zero value
	}
	switch t {
	case dateType:
		s, ok := val.(string)
		if !ok {
			v.add(path, jsonValueText(val), "must be a date string YYYY-MM-DD, not "+jsonKind(val), nil)
		} else if _, err := ParseDate(s); err != nil {
			v.add(path, s, "is not a date of the form YYYY-MM-DD", nil)
		}
		return
	case timeType:
		s, ok := val.(string)
		if !ok {
			v.add(path, jsonValueText(val), "must be an RFC 3339 timestamp string, not "+jsonKind(val), nil)
		} else if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			v.add(path, s, "is not an RFC 3339 timestamp", nil)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		checkJSONShape(v, path, val, t.Elem())
	case reflect.String:
		if _, ok := val.(string); !ok {
			v.add(path, jsonValueText(val), "must be a string, not "+jsonKind(val), nil)
		}
	case reflect.Bool:
		if _, ok := val.(bool); !ok {
			v.add(path, jsonValueText(val), "must be true, false or null, not "+jsonKind(val), nil)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			v.add(path, jsonValueText(val), "must be a whole number, not "+jsonKind(val), nil)
		} else if _, err := n.Int64(); err != nil {
			v.add(path, n.String(), "must be a whole number", nil)
		}
	case reflect.Slice:
		arr, ok := val.([]any)
		if !ok {
			v.add(path, jsonValueText(val), "must be an array, not "+jsonKind(val), nil)
			return
		}
		for i, e := range arr {
			checkJSONShape(v, fmt.Sprintf("%s[%d]", path, i), e, t.Elem())
		}
	case reflect.Struct:
		obj, ok := val.(map[string]any)
		if !ok {
			v.add(path, jsonValueText(val), "must be an object, not "+jsonKind(val), nil)
			return
		}
		fields, names := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			sub := k
			if path != "" {
				sub = path + "." + k
			}
			ft, ok := fields[k]
			if !ok {
				v.add(sub, "", "is not a known field (field names are case-sensitive)", names)
				continue
			}
			checkJSONShape(v, sub, obj[k], ft)
		}
	}
}

// jsonFields returns the JSON names of a struct's fields with their types,
// and the names in declaration order for error messages.
func jsonFields(t reflect.Type) (map[string]reflect.Type, []string) {
	fields := make(map[string]reflect.Type, t.NumField())
	var names []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	return fields, names
}

// jsonKind names the JSON type of a generically decoded value.
func jsonKind(val any) string {
	switch val.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", val)
	}
}

// jsonValueText renders a value for an error message, shortened so that a
// large misplaced object does not flood the output.
func jsonValueText(val any) string {
	var s string
	switch x := val.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		s = string(b)
	}
	const maxLen = 60
	if r := []rune(s); len(r) > maxLen {
		s = string(r[:maxLen]) + "…"
	}
	return s
}
