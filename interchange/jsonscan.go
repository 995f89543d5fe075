package interchange

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// maxJSONDepth is the nesting encoding/json accepts; deeper values in
// ignored keys are refused the same way.
const maxJSONDepth = 10000

func skipWS(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// parseJSON parses one event object starting at line[i] == '{'. Keys may
// come in any order; unknown keys are skipped (their values validated);
// the last of duplicate keys wins, as in encoding/json.
func (er *EventReader) parseJSON(line []byte, i int, ev *RawEvent) *LineError {
	*ev = RawEvent{}
	er.scratch = er.scratch[:0]
	if line[i] != '{' {
		return er.fail("", nil, "not a JSON object: the line does not start with '{'")
	}
	var ts []byte
	i = skipWS(line, i+1)
	if i < len(line) && line[i] == '}' {
		i++
	} else {
		for {
			if i >= len(line) || line[i] != '"' {
				return er.fail("", nil, "invalid JSON: expected a quoted key")
			}
			key, j := knownKey(line, i+1)
			if key == nil {
				var msg string
				if key, j, msg = er.jsonString(line, i+1); msg != "" {
					return er.fail("", nil, "invalid JSON: "+msg)
				}
			}
			i = skipWS(line, j)
			if i >= len(line) || line[i] != ':' {
				return er.fail("", nil, "invalid JSON: expected ':' after a key")
			}
			i = skipWS(line, i+1)
			dst := ev.field(key, &ts)
			if dst == nil {
				if k := foldedKey(key); k != "" {
					dst = ev.field([]byte(k), &ts) // "ID", "Employee_ID": read as the key they spell
				}
			}
			if dst == nil {
				j, ok := skipValue(line, i, 0)
				if !ok {
					return er.fail("", nil, "invalid JSON value")
				}
				i = j
			} else {
				if i >= len(line) {
					return er.fail("", nil, "invalid JSON: a value is missing")
				}
				switch c := line[i]; {
				case c == '"':
					v, j, msg := er.jsonString(line, i+1)
					if msg != "" {
						return er.fail("", nil, "invalid JSON: "+msg)
					}
					*dst = trimSpace(v)
					i = j
				case c == 'n':
					j, ok := skipLiteral(line, i, "null")
					if !ok {
						return er.fail("", nil, "invalid JSON value")
					}
					*dst = nil
					i = j
				case c == '-' || ('0' <= c && c <= '9'):
					j, ok := skipNumber(line, i)
					if !ok {
						return er.fail("", nil, "invalid JSON number")
					}
					if dst == &ts {
						return er.fail("ts", line[i:j], "not a string: ts must be an RFC 3339 timestamp in quotes")
					}
					if !isInteger(line[i:j]) {
						// 1042.0 and 1.042e3 would be the text "1042.0" and
						// "1.042e3", not the id 1042: refused rather than guessed.
						return er.fail(string(key), line[i:j], "not a whole number: an identifier given as a JSON number must be an integer (write other identifiers as strings)")
					}
					*dst = line[i:j] // an id given as a number counts as its text
					i = j
				default:
					j, ok := skipValue(line, i, 0)
					if !ok {
						return er.fail("", nil, "invalid JSON value")
					}
					return er.fail(string(key), line[i:j], "must be a string")
				}
			}
			i = skipWS(line, i)
			if i >= len(line) {
				return er.fail("", nil, "invalid JSON: the object is not closed with '}'")
			}
			if line[i] == ',' {
				i = skipWS(line, i+1)
				continue
			}
			if line[i] == '}' {
				i++
				break
			}
			return er.fail("", nil, "invalid JSON: expected ',' or '}'")
		}
	}
	if i = skipWS(line, i); i != len(line) {
		return er.fail("", nil, "invalid JSON: text after the object (one event per line)")
	}
	return er.finish(ev, ts)
}

// field is where the value of key goes (ts: into ts, for parsing), or nil
// for a key that is not an event field.
func (ev *RawEvent) field(key []byte, ts *[]byte) *[]byte {
	switch string(key) {
	case "id":
		return &ev.ID
	case "ts":
		return ts
	case "employee_id":
		return &ev.EmployeeID
	case "system":
		return &ev.System
	case "action":
		return &ev.Action
	case "person_id":
		return &ev.PersonID
	case "case_id":
		return &ev.CaseID
	}
	return nil
}

// eventKeys are the keys of an event object, all lower case.
var eventKeys = [...]string{"id", "ts", "employee_id", "system", "action", "person_id", "case_id"}

// foldedKey returns the event key that key spells in other case ("ID",
// "Employee_ID"), or "" when it is no such key or already lower case.
// Called for unknown keys only, so known keys cost nothing. CSV
// headers are matched without regard to case, and JSON keys are read the
// same way; when a line holds both spellings the later wins, as for any
// repeated key.
func foldedKey(key []byte) string {
	if isLowerKey(key) {
		return ""
	}
	for _, k := range eventKeys {
		if equalFold(key, k) {
			return k
		}
	}
	return ""
}

// isLowerKey reports whether key has no upper-case ASCII letter, so that
// the usual keys skip the folding.
func isLowerKey(key []byte) bool {
	for _, c := range key {
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// isInteger reports whether a valid JSON number has no fraction or exponent.
func isInteger(num []byte) bool {
	for _, c := range num {
		if c == '.' || c == 'e' || c == 'E' {
			return false
		}
	}
	return true
}

// knownKey recognises the usual keys, written without escapes, by comparing
// bytes instead of scanning; it returns nil for anything else.
func knownKey(line []byte, i int) ([]byte, int) {
	if i >= len(line) {
		return nil, 0
	}
	var k string
	switch line[i] {
	case 'i':
		k = `id"`
	case 't':
		k = `ts"`
	case 'e':
		k = `employee_id"`
	case 's':
		k = `system"`
	case 'a':
		k = `action"`
	case 'p':
		k = `person_id"`
	case 'c':
		k = `case_id"`
	default:
		return nil, 0
	}
	if len(line)-i < len(k) || string(line[i:i+len(k)]) != k {
		return nil, 0
	}
	return line[i : i+len(k)-1], i + len(k)
}

// jsonString reads a JSON string whose opening quote precedes line[i]. It
// returns the decoded content, the index after the closing quote, or a
// message. Strings without escapes and non-ASCII bytes are returned in place.
func (er *EventReader) jsonString(line []byte, i int) ([]byte, int, string) {
	start := i
	// Eight bytes at a time: find the first quote, backslash, control or
	// non-ASCII byte.
	for i+8 <= len(line) {
		if m := specialBytes(binary.LittleEndian.Uint64(line[i:])); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			if line[i] == '"' {
				return line[start:i], i + 1, ""
			}
			return er.jsonStringSlow(line, start)
		}
		i += 8
	}
	for i < len(line) {
		c := line[i]
		if c == '"' {
			return line[start:i], i + 1, ""
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return er.jsonStringSlow(line, start)
		}
		i++
	}
	return nil, 0, "a string is not closed"
}

const (
	lsbs = 0x0101010101010101
	msbs = 0x8080808080808080
)

// specialBytes marks (in the top bit of each byte) the bytes of x that end
// the fast path of a JSON string: '"', '\\', below 0x20 or above 0x7f. Bytes
// above a marked byte may be marked wrongly (borrows), so only the lowest
// mark is exact; that is the only one used.
func specialBytes(x uint64) uint64 {
	q := x ^ (lsbs * '"')
	bs := x ^ (lsbs * '\\')
	return ((q - lsbs) &^ q & msbs) | ((bs - lsbs) &^ bs & msbs) | ((x - lsbs*0x20) &^ x & msbs) | (x & msbs)
}

// jsonStringSlow decodes escapes and replaces invalid UTF-8 by U+FFFD, the
// way encoding/json does, into the scratch buffer.
func (er *EventReader) jsonStringSlow(line []byte, start int) ([]byte, int, string) {
	// Reserve room for every string of this line at once, so that earlier
	// results in scratch are never moved: decoding at most triples a byte.
	if len(er.scratch) == 0 && cap(er.scratch) < 3*len(line)+8 {
		er.scratch = make([]byte, 0, 3*len(line)+8)
	}
	out := len(er.scratch)
	i := start
	for i < len(line) {
		c := line[i]
		switch {
		case c == '"':
			return er.scratch[out:len(er.scratch):len(er.scratch)], i + 1, ""
		case c < 0x20:
			return nil, 0, "a control character inside a string (escape it)"
		case c == '\\':
			if i+1 >= len(line) {
				return nil, 0, "a string is not closed"
			}
			switch e := line[i+1]; e {
			case '"', '\\', '/':
				er.scratch = append(er.scratch, e)
			case 'b':
				er.scratch = append(er.scratch, '\b')
			case 'f':
				er.scratch = append(er.scratch, '\f')
			case 'n':
				er.scratch = append(er.scratch, '\n')
			case 'r':
				er.scratch = append(er.scratch, '\r')
			case 't':
				er.scratch = append(er.scratch, '\t')
			case 'u':
				r, ok := hex4(line, i+2)
				if !ok {
					return nil, 0, `a \u escape needs four hex digits`
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2, ok := hex4(line, i+2); ok && i+1 < len(line) && line[i] == '\\' && line[i+1] == 'u' {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							er.scratch = utf8.AppendRune(er.scratch, d)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				er.scratch = utf8.AppendRune(er.scratch, r)
				continue
			default:
				return nil, 0, "an invalid escape in a string"
			}
			i += 2
		case c < utf8.RuneSelf:
			er.scratch = append(er.scratch, c)
			i++
		default:
			r, size := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && size == 1 {
				er.scratch = utf8.AppendRune(er.scratch, utf8.RuneError)
			} else {
				er.scratch = append(er.scratch, line[i:i+size]...)
			}
			i += size
		}
	}
	return nil, 0, "a string is not closed"
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

func skipLiteral(b []byte, i int, lit string) (int, bool) {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return 0, false
	}
	return i + len(lit), true
}

// skipNumber checks the JSON number grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(b []byte, i int) (int, bool) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return 0, false
	}
	switch {
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		s := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == s {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		s := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == s {
			return 0, false
		}
	}
	return i, true
}

// skipString validates a string starting at its opening quote b[i].
func skipString(b []byte, i int) (int, bool) {
	i++
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return i + 1, true
		case c < 0x20:
			return 0, false
		case c == '\\':
			if i+1 >= len(b) {
				return 0, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := hex4(b, i+2); !ok {
					return 0, false
				}
				i += 6
			default:
				return 0, false
			}
		default:
			i++
		}
	}
	return 0, false
}

// skipValue validates any JSON value starting at b[i] and returns the index
// after it.
func skipValue(b []byte, i int, depth int) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		return skipString(b, i)
	case c == '{' || c == '[':
		if depth >= maxJSONDepth {
			return 0, false
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i = skipWS(b, i+1)
		if i < len(b) && b[i] == closer {
			return i + 1, true
		}
		for {
			var ok bool
			if c == '{' {
				if i >= len(b) || b[i] != '"' {
					return 0, false
				}
				if i, ok = skipString(b, i); !ok {
					return 0, false
				}
				i = skipWS(b, i)
				if i >= len(b) || b[i] != ':' {
					return 0, false
				}
				i = skipWS(b, i+1)
			}
			if i, ok = skipValue(b, i, depth+1); !ok {
				return 0, false
			}
			i = skipWS(b, i)
			if i >= len(b) {
				return 0, false
			}
			if b[i] == ',' {
				i = skipWS(b, i+1)
				continue
			}
			if b[i] == closer {
				return i + 1, true
			}
			return 0, false
		}
	case c == 't':
		return skipLiteral(b, i, "true")
	case c == 'f':
		return skipLiteral(b, i, "false")
	case c == 'n':
		return skipLiteral(b, i, "null")
	case c == '-' || ('0' <= c && c <= '9'):
		return skipNumber(b, i)
	}
	return 0, false
}
