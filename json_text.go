package lekradar

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSONTextProblemKind is what is wrong in a JSON text that encoding/json
// would accept anyway.
type JSONTextProblemKind int

const (
	// JSONDuplicateKey is a key that comes twice in one object:
	// encoding/json keeps the last value, another reader (a proxy, an
	// audit tool) may take the first.
	JSONDuplicateKey JSONTextProblemKind = iota + 1
	// JSONInvalidUTF8Key is an object key that is not valid UTF-8.
	JSONInvalidUTF8Key
	// JSONInvalidUTF8Value is a string value that is not valid UTF-8:
	// encoding/json turns each bad byte into U+FFFD, so two different
	// texts could be read as one.
	JSONInvalidUTF8Value
)

// JSONTextProblem is one problem CheckJSONText found.
type JSONTextProblem struct {
	Kind JSONTextProblemKind
	// Path names the member or element by its JSON path, such as
	// suspects[1].rank; it is empty for a top-level value. For a key,
	// it is the path of the member the key opens.
	Path string
	// Offset is the byte offset in the text of the first invalid byte
	// (UTF-8 problems) or of the repeated key (JSONDuplicateKey).
	Offset int64
	// Text is, for UTF-8 problems, the string around the first invalid
	// byte, cut to some 24 bytes either side, for an error message
	// (print it with %q to show the bad bytes as \x escapes).
	Text string
}

// maxJSONDepth is encoding/json's own limit of nesting: a decoder refuses
// deeper text, so CheckJSONText does not look beyond it.
const maxJSONDepth = 10000

// CheckJSONText walks the tokens of a JSON text and returns, in document
// order, what encoding/json lets pass silently: a key that comes twice in
// one object and strings (keys or values) that are not valid UTF-8. A key
// that is not valid UTF-8 is not also checked for repetition. Text that is
// not well-formed JSON is checked up to where it breaks; the decoder
// reports the break itself, with its position. Nil means no problems.
func CheckJSONText(data []byte) []JSONTextProblem {
	type frame struct {
		object bool
		key    string          // object: the key of the value being read
		index  int             // array: the index of the value being read
		keys   map[string]bool // object: the keys seen so far
		inKey  bool            // object: the next string is a key
	}
	var stack []*frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack {
			if f.object {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			} else {
				b.WriteByte('[')
				b.WriteString(strconv.Itoa(f.index))
				b.WriteByte(']')
			}
		}
		return b.String()
	}
	// valueDone moves the enclosing container past the value just read.
	valueDone := func() {
		if len(stack) == 0 {
			return
		}
		if top := stack[len(stack)-1]; top.object {
			top.inKey = true
		} else {
			top.index++
		}
	}
	var problems []JSONTextProblem
	badText := func(kind JSONTextProblemKind, start int64, raw []byte) {
		at, text := invalidUTF8Text(raw)
		problems = append(problems, JSONTextProblem{Kind: kind, Path: path(), Offset: start + int64(at), Text: text})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return problems // the end, or malformed JSON, which the decoder reports
		}
		raw := data[start:dec.InputOffset()]
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxJSONDepth {
					return problems // the decoder refuses the nesting itself
				}
				if t == '{' {
					stack = append(stack, &frame{object: true, keys: map[string]bool{}, inKey: true})
				} else {
					stack = append(stack, &frame{})
				}
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		case string:
			if len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].inKey {
				top := stack[len(stack)-1]
				top.key, top.inKey = t, false
				if !utf8.Valid(raw) {
					badText(JSONInvalidUTF8Key, start, raw)
				} else if top.keys[t] {
					problems = append(problems, JSONTextProblem{Kind: JSONDuplicateKey, Path: path(),
						Offset: start + int64(bytes.IndexByte(raw, '"'))})
				}
				top.keys[t] = true
				continue
			}
			if !utf8.Valid(raw) {
				badText(JSONInvalidUTF8Value, start, raw)
			}
			valueDone()
		default:
			valueDone()
		}
	}
}

// invalidUTF8Text returns the offset in raw of the first invalid UTF-8
// byte of a raw JSON string token, and the string around it.
func invalidUTF8Text(raw []byte) (int, string) {
	lead := len(raw)
	raw = bytes.TrimLeft(raw, " \t\r\n:,") // the separators before the token
	raw = bytes.TrimPrefix(raw, []byte(`"`))
	lead -= len(raw)
	raw = bytes.TrimSuffix(raw, []byte(`"`))
	i := 0
	for i < len(raw) {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	from, to := max(i-24, 0), min(i+24, len(raw))
	for from > 0 && !utf8.RuneStart(raw[from]) {
		from++
	}
	s := string(raw[from:to])
	if from > 0 {
		s = "…" + s
	}
	if to < len(raw) {
		s += "…"
	}
	return lead + i, s
}

// JSONName is the name encoding/json gives struct field f: its json tag's
// name, else the Go name; ok is false for a field encoding/json leaves out
// (unexported, or tagged "-").
func JSONName(f reflect.StructField) (name string, ok bool) {
	if !f.IsExported() {
		return "", false
	}
	name, _, _ = strings.Cut(f.Tag.Get("json"), ",")
	switch name {
	case "-":
		return "", false
	case "":
		return f.Name, true
	}
	return name, true
}
