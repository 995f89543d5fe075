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
// silently dropped) and appear once per object, every value must have the
// field's JSON type, text must be valid UTF-8, and dates must be YYYY-MM-DD. A
// null value means unknown and leaves the field empty.
//
// Problems with keys and values are returned together as a *ValidationError
// whose field paths are the ones Validate uses (e.g. "suspects[1].rank"), so
// that a user fixes a record in one pass. Malformed JSON is a plain error
// naming the byte offset. DecodeDossierJSON does not check codes against the
// codebook: call Validate for that, or ParseDossierJSON for both at once.
func DecodeDossierJSON(data []byte) (*Dossier, error) {
	d, v, err := decodeDossierJSON(data)
	if err != nil {
		return nil, err
	}
	if err := v.errOrNil(); err != nil {
		return nil, err
	}
	return d, nil
}

// ParseDossierJSON decodes one dossier strictly, as DecodeDossierJSON does,
// and validates it against cb. The problems of both steps come back together
// in one *ValidationError: a value of the wrong type or an unknown key does
// not hide a bad code elsewhere in the record. When there are problems the
// dossier is returned too, decoded from the keys and values that were
// usable, so that a caller can still see e.g. its registration number.
func ParseDossierJSON(data []byte, cb *Codebook) (*Dossier, error) {
	d, v, err := decodeDossierJSON(data)
	if err != nil {
		return nil, err
	}
	var vv *ValidationError
	if errors.As(d.Validate(cb), &vv) {
		// A value dropped for its JSON type reads as empty to Validate;
		// its path was reported already, so "is required" would only
		// repeat it.
		reported := make(map[string]bool, len(v.Fields))
		for _, f := range v.Fields {
			reported[f.Field] = true
		}
		for _, f := range vv.Fields {
			if !reported[f.Field] {
				v.Fields = append(v.Fields, f)
			}
		}
	}
	if err := v.errOrNil(); err != nil {
		return d, err
	}
	return d, nil
}

// decodeDossierJSON decodes data into a dossier and collects the problems of
// keys and values in v. A key or value with a problem is left out of the
// dossier, which is decoded from the rest. err is for JSON that is malformed
// or not an object.
func decodeDossierJSON(data []byte) (*Dossier, *ValidationError, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, nil, describeJSONError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, fmt.Errorf("invalid JSON: more than one value (expected exactly one object)")
	}
	if _, ok := raw.(map[string]any); !ok {
		return nil, nil, fmt.Errorf("invalid dossier: expected a JSON object, got %s", jsonKind(raw))
	}
	v := &ValidationError{}
	checkJSONText(v, data)
	clean := checkJSONShape(v, "", raw, reflect.TypeFor[Dossier]())
	if len(v.Fields) > 0 {
		// Decode what is left after the refused keys and values are
		// dropped; it has the right shape by construction.
		b, err := json.Marshal(clean)
		if err != nil {
			return nil, nil, fmt.Errorf("decode dossier: %w", err)
		}
		data = b
	}
	var d Dossier
	if err := json.Unmarshal(data, &d); err != nil {
		// The shape check above should have caught everything that
		// encoding/json refuses; this is a safety net.
		return nil, nil, fmt.Errorf("decode dossier: %w", err)
	}
	return &d, v, nil
}

// checkJSONText records what encoding/json lets pass silently (see
// CheckJSONText): a key that comes twice in one object (the last value
// would win, the first be dropped) and text that is not valid UTF-8 (each
// bad byte would become U+FFFD, altering the record).
func checkJSONText(v *ValidationError, data []byte) {
	for _, p := range CheckJSONText(data) {
		switch p.Kind {
		case JSONInvalidUTF8Key:
			v.add(p.Path, p.Text, "the field name is not valid UTF-8 (the file must be UTF-8)", nil)
		case JSONInvalidUTF8Value:
			v.add(p.Path, p.Text, "is not valid UTF-8 (the file must be UTF-8)", nil)
		case JSONDuplicateKey:
			v.add(p.Path, "", "appears twice in the same object (give every field once)", nil)
		}
	}
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
// will be decoded into and records every mismatch under its path. It returns
// the value with every refused part dropped (a value becomes null, an unknown
// key is removed), which encoding/json decodes into t without error.
func checkJSONShape(v *ValidationError, path string, val any, t reflect.Type) any {
	if val == nil {
		return nil // null: unknown, decodes to the zero value
	}
	switch t {
	case dateType:
		s, ok := val.(string)
		if !ok {
			v.add(path, jsonValueText(val), "must be a date string YYYY-MM-DD, not "+jsonKind(val), nil)
			return nil
		} else if _, err := ParseDate(s); err != nil {
			v.add(path, s, "is not a date of the form YYYY-MM-DD", nil)
			return nil
		}
		return val
	case timeType:
		s, ok := val.(string)
		if !ok {
			v.add(path, jsonValueText(val), "must be an RFC 3339 timestamp string, not "+jsonKind(val), nil)
			return nil
		} else if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			v.add(path, s, "is not an RFC 3339 timestamp", nil)
			return nil
		}
		return val
	}
	switch t.Kind() {
	case reflect.Pointer:
		return checkJSONShape(v, path, val, t.Elem())
	case reflect.String:
		if _, ok := val.(string); !ok {
			v.add(path, jsonValueText(val), "must be a string, not "+jsonKind(val), nil)
			return nil
		}
	case reflect.Bool:
		if _, ok := val.(bool); !ok {
			v.add(path, jsonValueText(val), "must be true, false or null, not "+jsonKind(val), nil)
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			v.add(path, jsonValueText(val), "must be a whole number, not "+jsonKind(val), nil)
			return nil
		} else if _, err := n.Int64(); err != nil {
			v.add(path, n.String(), "must be a whole number", nil)
			return nil
		}
	case reflect.Slice:
		arr, ok := val.([]any)
		if !ok {
			v.add(path, jsonValueText(val), "must be an array, not "+jsonKind(val), nil)
			return nil
		}
		for i, e := range arr {
			arr[i] = checkJSONShape(v, fmt.Sprintf("%s[%d]", path, i), e, t.Elem())
		}
	case reflect.Struct:
		obj, ok := val.(map[string]any)
		if !ok {
			v.add(path, jsonValueText(val), "must be an object, not "+jsonKind(val), nil)
			return nil
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
				delete(obj, k)
				continue
			}
			obj[k] = checkJSONShape(v, sub, obj[k], ft)
		}
	}
	return val
}

// jsonFields returns the JSON names of a struct's fields with their types,
// and the names in declaration order for error messages.
func jsonFields(t reflect.Type) (map[string]reflect.Type, []string) {
	fields := make(map[string]reflect.Type, t.NumField())
	var names []string
	for f := range t.Fields() {
		name, ok := JSONName(f)
		if !ok {
			continue
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
