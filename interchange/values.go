package interchange

import (
	"bytes"
	"math"
	"strconv"
	"sync"
	"time"

	"lekradar"
)

// Timestamps are carried as Unix nanoseconds, which cover 1678–2262.
const (
	minYear = 1678
	maxYear = 2261
)

// parseTimestamp parses an RFC 3339 timestamp (any offset, optional fraction
// of a second, 'T', 't' or a space between date and time) into Unix
// nanoseconds UTC. The common forms are parsed by hand; anything else falls
// back to time.Parse.
func parseTimestamp(b []byte) (int64, bool) {
	if ns, ok := fastTimestamp(b); ok {
		return ns, true
	}
	return slowTimestamp(b)
}

func slowTimestamp(b []byte) (int64, bool) {
	s := string(b)
	if len(s) > 10 && (s[10] == 't' || s[10] == ' ') {
		s = s[:10] + "T" + s[11:]
	}
	if n := len(s); n > 0 && s[n-1] == 'z' {
		s = s[:n-1] + "Z"
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return 0, false
	}
	if y := t.UTC().Year(); y < minYear || y > maxYear {
		return 0, false
	}
	return t.UnixNano(), true
}

func digits2(b []byte) (int, bool) {
	d0, d1 := b[0]-'0', b[1]-'0'
	if d0 > 9 || d1 > 9 {
		return 0, false
	}
	return int(d0)*10 + int(d1), true
}

// parseYMD parses YYYY-MM-DD at the start of b and checks the day exists.
func parseYMD(b []byte) (y, m, d int, ok bool) {
	if len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return 0, 0, 0, false
	}
	hi, ok1 := digits2(b[0:2])
	lo, ok2 := digits2(b[2:4])
	m, ok3 := digits2(b[5:7])
	d, ok4 := digits2(b[8:10])
	if !(ok1 && ok2 && ok3 && ok4) {
		return 0, 0, 0, false
	}
	y = hi*100 + lo
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func fastTimestamp(b []byte) (int64, bool) {
	// 2006-01-02T15:04:05[.frac](Z|±hh:mm)
	if len(b) < 20 {
		return 0, false
	}
	y, mo, d, ok := parseYMD(b)
	if !ok || y < minYear || y > maxYear {
		return 0, false
	}
	if c := b[10]; c != 'T' && c != 't' && c != ' ' {
		return 0, false
	}
	if b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	hh, ok1 := digits2(b[11:13])
	mm, ok2 := digits2(b[14:16])
	ss, ok3 := digits2(b[17:19])
	if !(ok1 && ok2 && ok3) || hh > 23 || mm > 59 || ss > 59 {
		return 0, false
	}
	i := 19
	var frac int64
	if b[i] == '.' {
		i++
		start := i
		scale := int64(100000000)
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			if i-start >= 9 {
				return 0, false // more than nanoseconds: let time.Parse decide
			}
			frac += int64(b[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i >= len(b) {
		return 0, false
	}
	var off int64
	switch b[i] {
	case 'Z', 'z':
		i++
	case '+', '-':
		if len(b)-i != 6 || b[i+3] != ':' {
			return 0, false
		}
		oh, ok1 := digits2(b[i+1 : i+3])
		om, ok2 := digits2(b[i+4 : i+6])
		if !(ok1 && ok2) || oh > 23 || om > 59 {
			return 0, false
		}
		off = int64(oh*3600 + om*60)
		if b[i] == '-' {
			off = -off
		}
		i += 6
	default:
		return 0, false
	}
	if i != len(b) {
		return 0, false
	}
	secs := daysFromCivil(y, mo, d)*86400 + int64(hh*3600+mm*60+ss) - off
	return secs*1e9 + frac, true
}

// parseDate parses YYYY-MM-DD as midnight UTC.
func parseDate(b []byte) (time.Time, bool) {
	if len(b) != 10 {
		return time.Time{}, false
	}
	y, m, d, ok := parseYMD(b)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// parseDateOrTimestamp accepts a date or an RFC 3339 timestamp and says which
// it was.
func parseDateOrTimestamp(b []byte) (t time.Time, hasTime bool, ok bool) {
	if len(b) == 10 {
		t, ok = parseDate(b)
		return t, false, ok
	}
	ns, ok := parseTimestamp(b)
	if !ok {
		return time.Time{}, false, false
	}
	return time.Unix(0, ns).UTC(), true, true
}

func nsToTime(ns int64) time.Time { return time.Unix(0, ns).UTC() }

// parseBool accepts true/false, 1/0, yes/no and ja/nee in any case; empty is
// false.
func parseBool(b []byte) (bool, bool) {
	switch len(b) {
	case 0:
		return false, true
	case 1:
		switch b[0] {
		case '1':
			return true, true
		case '0':
			return false, true
		}
	}
	for _, t := range []string{"true", "yes", "ja", "y", "j"} {
		if equalFold(b, t) {
			return true, true
		}
	}
	for _, f := range []string{"false", "no", "nee", "n"} {
		if equalFold(b, f) {
			return false, true
		}
	}
	return false, false
}

var boolAllowed = "(allowed: true, false, 1, 0, yes, no, y, n, ja, nee, j, in any case; empty = false)"

// equalFold compares ASCII case-insensitively; code lists are ASCII.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// matchCode returns the canonical code that b names, case-insensitively, so
// that codes cost no allocation.
func matchCode(b []byte, codes []string) (string, bool) {
	for _, c := range codes {
		if string(b) == c {
			return c, true
		}
	}
	for _, c := range codes {
		if equalFold(b, c) {
			return c, true
		}
	}
	return "", false
}

var (
	relationKinds = []string{lekradar.RelationPartner, lekradar.RelationExPartner, lekradar.RelationParent,
		lekradar.RelationChild, lekradar.RelationSibling, lekradar.RelationHousehold}
	caseKinds   = []string{lekradar.CaseIncident, lekradar.CaseInvestigation, lekradar.CaseIntake}
	personFlags = []string{lekradar.FlagVIP, lekradar.FlagShielded, lekradar.FlagDeceased}
	actions     = []string{lekradar.ActionQuery, lekradar.ActionView, lekradar.ActionExport, lekradar.ActionPrint}
)

// codebookLists holds the code lists taken from the embedded codebook.
var codebookLists = sync.OnceValue(func() (l struct{ ranks, teamKinds []string }) {
	cb := lekradar.DefaultCodebook()
	l.ranks = cb.Field(lekradar.FieldRank).Allowed()
	l.teamKinds = cb.Field(lekradar.FieldTeamKind).Allowed()
	return l
})

// parseFlags splits a ';'-separated flag list. Unknown flags are ignored and
// the result is in the fixed order vip, shielded, deceased, without
// duplicates, so that equal inputs give equal outputs.
func parseFlags(b []byte) []string {
	m := flagMask(b)
	if m == 0 {
		return nil
	}
	return append([]string(nil), sharedFlags[m]...)
}

// flagMask returns the known flags of a flag list as bits in the order of
// personFlags.
func flagMask(b []byte) uint8 {
	var m uint8
	for len(b) > 0 {
		var f []byte
		if i := bytes.IndexByte(b, ';'); i >= 0 {
			f, b = b[:i], b[i+1:]
		} else {
			f, b = b, nil
		}
		f = trimSpace(f)
		for k, code := range personFlags {
			if equalFold(f, code) {
				m |= 1 << k
			}
		}
	}
	return m
}

// sharedFlags holds the flag list of each flag mask, shared by the rows a
// Stage reads so that a row costs no allocation; nil for no flags. Each has
// its capacity cut to its length, so that an append copies.
var sharedFlags = func() (out [8][]string) {
	for m := 1; m < 8; m++ {
		var l []string
		for k, code := range personFlags {
			if m&(1<<k) != 0 {
				l = append(l, code)
			}
		}
		out[m] = l[:len(l):len(l)]
	}
	return out
}()

func appendPostcode(dst, b []byte) []byte {
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t':
		case 'a' <= c && c <= 'z':
			dst = append(dst, c-('a'-'A'))
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// parseFTE parses a non-negative decimal; a single decimal comma is accepted.
func parseFTE(b []byte) (float64, bool) {
	s := string(b)
	if bytes.IndexByte(b, '.') < 0 && bytes.Count(b, []byte{','}) == 1 {
		s = string(bytes.Replace(b, []byte{','}, []byte{'.'}, 1))
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// parseBirthYear accepts a year between 1800 and 2200.
func parseBirthYear(b []byte) (int, bool) {
	if len(b) != 4 {
		return 0, false
	}
	y := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	if y < 1800 || y > 2200 {
		return 0, false
	}
	return y, true
}

// timeProblem says what is wrong with a date or timestamp that the parsers
// refused, so that the error names the likely mistake (above all a
// timestamp without an offset) instead of only the expected form. It runs
// on the error path only; dflt is the message for anything else.
func timeProblem(b []byte, dflt string, dateAllowed bool) string {
	if !dateShape(b) {
		return dflt
	}
	y, _, _, ok := parseYMD(b)
	if !ok {
		return "no such date (month 01–12, day within the month); " + dflt
	}
	if len(b) == 10 {
		if dateAllowed {
			return dflt
		}
		return "a date where a timestamp is required: give the time of day and the UTC offset, e.g. 2026-03-02T00:00:00Z"
	}
	if y < minYear || y > maxYear {
		return "year outside 1678–2261"
	}
	if len(b) < 16 || (b[10] != 'T' && b[10] != 't' && b[10] != ' ') || b[13] != ':' {
		return dflt
	}
	if len(b) == 16 || b[16] != ':' {
		if _, ok := digits2(b[14:16]); ok {
			return "a time without seconds: write hours, minutes and seconds, e.g. 14:05:00; " + dflt
		}
		return dflt
	}
	if len(b) < 19 {
		return dflt
	}
	hh, ok1 := digits2(b[11:13])
	mm, ok2 := digits2(b[14:16])
	ss, ok3 := digits2(b[17:19])
	if !(ok1 && ok2 && ok3) {
		return dflt
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return "no such time of day (hours 00–23, minutes and seconds 00–59); " + dflt
	}
	rest := b[19:]
	if len(rest) > 0 && rest[0] == '.' {
		rest = rest[1:]
		for len(rest) > 0 && '0' <= rest[0] && rest[0] <= '9' {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return "a timestamp without a UTC offset: local time and UTC cannot be told apart; add Z (UTC) or the offset, e.g. +01:00 (Dutch winter time) or +02:00 (summer time)"
	}
	if len(rest) == 5 && (rest[0] == '+' || rest[0] == '-') && isDigits(rest[1:]) {
		return "an offset without its colon: write +01:00, not +0100; " + dflt
	}
	return dflt
}

// dateShape reports whether b starts with NNNN-NN-NN.
func dateShape(b []byte) bool {
	if len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
