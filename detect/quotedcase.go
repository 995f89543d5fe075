package detect

// An employee who quoted a case's number for a look-up, and whose look-up
// that number explained (given_case), is working that case. The next
// look-ups of the case's other people often go without the number: the
// second name of a file already open, a colleague's question about the
// same suspect, the analyst's next query in the same network. So a
// look-up of a person in a case the employee quoted within
// windows.quoted_case is explained as quoted_case, under the same
// conditions as given_case (the case not closed longer than
// given_case_after ago; an ongoing sensitive investigation only for
// those who may quote it). A leaker gains nothing from it that quoting the
// number every time would not give.

// quotedCap bounds the cases remembered per employee: past it, the one
// quoted longest ago is forgotten.
const quotedCap = 8

// noteQuoted records that employee e's look-up at t was explained by the
// case number c it quoted.
func (en *Engine) noteQuoted(e, c uint32, t int64) {
	if en.quotedWin <= 0 || c == none {
		return
	}
	st := &en.emp[e]
	if st.quoted == nil {
		st.quoted = newKeyTimes(quotedCap)
	}
	st.quoted.note(c, t)
}

// quotedCase reports whether person p is in a case that employee e quoted
// within windows.quoted_case before t, and that would still explain a
// look-up quoting it now.
func (en *Engine) quotedCase(e, p uint32, t int64) bool {
	q := en.emp[e].quoted
	if q == nil || p == none {
		return false
	}
	for i, c := range q.keys {
		if q.at[i] < t-en.quotedWin || !en.ix.caseHasPerson(c, p) {
			continue
		}
		if en.notClosedLongAgo(c, t, en.givenAfter) && (en.supportsCases[e] || !en.needToKnow(c, e, t)) {
			return true
		}
	}
	return false
}
