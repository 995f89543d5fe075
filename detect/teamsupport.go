package detect

// Detectives of one team often support another team's sensitive
// investigation — an arrest team, a financial team tracing assets, a
// district's detectives doing the searches — without being on its staff,
// and quote its number with each look-up. One detective quoting such a
// number is what a leak looks like (given_case does not explain it: anybody
// can type a number); two or more detectives of the same team quoting the
// same investigation's number within windows.quoted_case is the team's
// support of it, and the number then explains their look-ups of its
// people as given_case would. Look-ups of the first detective before the
// second one quoted it stay as they were judged.

// teamQuoteCap bounds the (team, investigation) pairs remembered.
const teamQuoteCap = 1 << 18

// teamQuote holds the last two detectives of a team who quoted an
// investigation's number, and when.
type teamQuote struct {
	emp [2]uint32
	at  [2]int64
}

// teamSupports reports whether the look-up it, by detective e at t,
// quotes the number of a sensitive investigation that need-to-know kept
// from explaining it, and another detective of e's team quoted the same
// number within windows.quoted_case before; it records this quote.
func (en *Engine) teamSupports(e, p uint32, it *item, t int64) bool {
	c := it.cas
	if en.quotedWin <= 0 || c == none || !en.detectives[e] || !en.ix.caseHasPerson(c, p) ||
		!en.notClosedLongAgo(c, t, en.givenAfter) || !en.needToKnow(c, e, t) {
		return false
	}
	team := en.ix.eTeam[e]
	if team == none {
		return false
	}
	key := uint64(team)<<32 | uint64(c)
	q, ok := en.teamQuotes[key]
	supported := false
	for i := range q.emp {
		if q.at[i] != 0 && q.emp[i] != e && q.at[i] >= t-en.quotedWin {
			supported = true
		}
	}
	if !ok && len(en.teamQuotes) >= teamQuoteCap {
		return supported
	}
	// e's own slot, else an empty one, else the older one
	slot := -1
	for i := range q.emp {
		if q.at[i] != 0 && q.emp[i] == e {
			slot = i
		}
	}
	switch {
	case slot >= 0:
	case q.at[0] == 0:
		slot = 0
	case q.at[1] == 0 || q.at[1] < q.at[0]:
		slot = 1
	default:
		slot = 0
	}
	q.emp[slot], q.at[slot] = e, t
	en.teamQuotes[key] = q
	return supported
}
