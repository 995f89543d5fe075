package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"lekradar"
)

// jsonTextError is a body that encoding/json would accept but that is
// ambiguous or lossy: invalid UTF-8, which encoding/json silently turns
// into U+FFFD (so two different ids could be stored as one), or an object
// with the same key twice, of which encoding/json keeps the last and
// another reader (a proxy, an audit tool) may take the first.
type jsonTextError struct {
	Field   string // JSON path such as suspects[0].rank, or (body)
	Value   string
	Message string
}

func (e *jsonTextError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("%s %q %s", e.Field, e.Value, e.Message)
	}
	return e.Field + " " + e.Message
}

// checkJSONText refuses a body with a problem lekradar.CheckJSONText finds:
// invalid UTF-8 first, named as the body with the offset of the first bad
// byte, else the first key that comes twice, named by its JSON path. A
// body that is not well-formed JSON passes: the decoder reports that with
// its position.
func checkJSONText(b []byte) error {
	problems := lekradar.CheckJSONText(b)
	for _, p := range problems {
		if p.Kind != lekradar.JSONDuplicateKey {
			return &jsonTextError{Field: "(body)", Message: fmt.Sprintf("is not valid UTF-8 (byte %d)", p.Offset)}
		}
	}
	if len(problems) > 0 {
		return &jsonTextError{Field: problems[0].Path, Message: "appears twice in the same object"}
	}
	return nil
}

// jsonErrorAt finds the first value of body, in document order, that does
// not decode into its place in t, and names it by its JSON path
// (suspects[0].rank): encoding/json names a field without its index
// (suspects.rank), does not name the field of a value whose own decoder
// failed (a date), and names an unknown field without its object. It only
// runs after a decoding error.
func jsonErrorAt(body []byte, t reflect.Type) *lekradar.FieldError {
	return firstBadValue(body, t, "")
}

var jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()

func firstBadValue(raw []byte, t reflect.Type, path string) *lekradar.FieldError {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	at := path
	if at == "" {
		at = "(body)"
	}
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return nil
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice {
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			fe := &lekradar.FieldError{Field: at, Value: jsonValueText(raw), Message: err.Error()}
			if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
				fe.Message = "must be a JSON " + jsonKind(t)
			}
			return fe
		}
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	open, err := dec.Token()
	want := json.Delim('{')
	if t.Kind() == reflect.Slice {
		want = '['
	}
	if err != nil || open != want {
		return &lekradar.FieldError{Field: at, Value: jsonValueText(raw), Message: "must be a JSON " + jsonKind(t)}
	}
	for i := 0; dec.More(); i++ {
		var elemPath string
		var elemType reflect.Type
		if t.Kind() == reflect.Slice {
			elemPath, elemType = path+"["+strconv.Itoa(i)+"]", t.Elem()
		} else {
			tok, err := dec.Token()
			key, ok := tok.(string)
			if err != nil || !ok {
				return nil
			}
			elemPath = key
			if path != "" {
				elemPath = path + "." + key
			}
			f, ok := jsonField(t, key)
			if !ok {
				return &lekradar.FieldError{Field: elemPath, Message: "is not a field of this object"}
			}
			elemType = f.Type
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if fe := firstBadValue(v, elemType, elemPath); fe != nil {
			return fe
		}
	}
	return nil
}

// jsonField is the field of struct t that encoding/json fills from key:
// an exact name first, else one that differs only in case.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold *reflect.StructField
	for _, f := range reflect.VisibleFields(t) {
		name, ok := lekradar.JSONName(f)
		if !ok || f.Anonymous && f.Type.Kind() == reflect.Struct {
			continue
		}
		if name == key {
			return f, true
		}
		if fold == nil && strings.EqualFold(name, key) {
			fold = &f
		}
	}
	if fold != nil {
		return *fold, true
	}
	return reflect.StructField{}, false
}

// jsonValueText is a value for an error message: a string without its
// quotes, anything else as written, cut at 100 bytes.
func jsonValueText(raw []byte) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		s = string(raw)
	}
	if len(s) > 100 {
		s = strings.ToValidUTF8(s[:100], "") + "…"
	}
	return s
}
