package detect

import "slices"

// Explanation identifies what connected a look-up to the employee's work.
type Explanation uint8

// Explanations, in the fixed cheap-first order in which they are tried.
const (
	Unexplained Explanation = iota
	ExplGivenCase
	ExplAssignedCase
	ExplTeamCase
	ExplUnitIncidentOnShift
	ExplRoleBased
	ExplRepeatExplained
	ExplIncidentWork
	ExplQuotedCase
	numExplanations
)

var explanationNames = [numExplanations]string{
	"", "given_case", "assigned_case", "team_case", "unit_incident_on_shift", "role_based", "repeat_explained",
	"incident_work", "quoted_case",
}

// String is the explanation's reported name ("" for Unexplained).
func (e Explanation) String() string {
	if e >= numExplanations {
		return ""
	}
	return explanationNames[e]
}

// ExplanationNames lists every explanation in the order they are tried.
func ExplanationNames() []string { return slices.Clone(explanationNames[1:]) }

// Signal identifies a built-in risk signal.
type Signal uint8

// Built-in risk signals.
const (
	SigSelf Signal = iota
	SigPartner
	SigExPartner
	SigRelative
	SigHousehold
	SigSameAddress
	SigSharedSurname
	SigSamePostcode
	SigColleague
	SigVIP
	SigShielded
	SigSensitiveInvestigation
	SigOffShift
	SigUnusualHour
	SigVolume
	SigBrowsing
	SigFollowing
	SigExportPrint
	SigNewsHype
	SigNewEmployee
	numSignals
)

var signalNames = [numSignals]string{
	"self", "partner", "ex_partner", "relative", "household", "same_address", "shared_surname",
	"same_postcode", "colleague", "vip", "shielded", "sensitive_investigation", "off_shift",
	"unusual_hour", "volume", "browsing", "following", "export_print", "news_hype", "new_employee",
}

// Default reason texts: what was found, never what it means about the
// employee. The policy may replace them.
var signalTexts = [numSignals]string{
	SigSelf:                   "The person looked up appears to be the employee's own record.",
	SigPartner:                "The person looked up is registered as the employee's partner.",
	SigExPartner:              "The person looked up is registered as the employee's former partner.",
	SigRelative:               "The person looked up is registered as a relative (parent, child or sibling) of the employee.",
	SigHousehold:              "The person looked up is registered as a member of the employee's household.",
	SigSameAddress:            "The person looked up lives at the employee's address.",
	SigSharedSurname:          "The person looked up shares the employee's uncommon surname; no registered relation explains this.",
	SigSamePostcode:           "The person looked up lives in the employee's postcode area (a neighbour).",
	SigColleague:              "The person looked up is a colleague (an employee's own record).",
	SigVIP:                    "The person looked up is a public figure.",
	SigShielded:               "The person looked up has a shielded record.",
	SigSensitiveInvestigation: "The person is in a sensitive ongoing investigation that the employee and the employee's team are not on.",
	SigOffShift:               "The look-up happened while no shift of the employee was registered.",
	SigUnusualHour:            "The look-up happened at an unusual hour.",
	SigVolume:                 "The employee's look-ups that day were well above the employee's own history and the peer group's (with no history yet: above a fixed number of persons without a work link).",
	SigBrowsing:               "The employee looked up many unrelated persons without a work link in a short time.",
	SigFollowing:              "The employee looked up this person repeatedly, on several days over weeks, without a work link.",
	SigExportPrint:            "The record was exported or printed without a work link.",
	SigNewsHype:               "Many employees without a work link looked up this person on the same day.",
	SigNewEmployee:            "The employee has little look-up history in this log (a new employee, or the start of the log), so the volume baselines are less certain.",
}

// String is the signal's reported name.
func (s Signal) String() string {
	if s >= numSignals {
		return ""
	}
	return signalNames[s]
}

// SignalNames lists the built-in signals.
func SignalNames() []string { return slices.Clone(signalNames[:]) }

func signalByName(name string) (Signal, bool) {
	for i, n := range signalNames {
		if n == name {
			return Signal(i), true
		}
	}
	return 0, false
}

// relationship signals are flags that send a look-up to a human even when it
// is explained: a work link does not remove a conflict of interest.
func signalDefaultAlways(s Signal) bool {
	switch s {
	case SigSelf, SigPartner, SigExPartner, SigRelative, SigHousehold, SigSameAddress, SigSharedSurname:
		return true
	}
	return false
}

// SignalSet is a bit set of built-in signals plus up to 32 custom ones.
type SignalSet uint64

const customShift = 32

func (s SignalSet) Has(sig Signal) bool  { return s&(1<<sig) != 0 }
func (s *SignalSet) add(sig Signal)      { *s |= 1 << sig }
func (s SignalSet) hasCustom(i int) bool { return s&(1<<(customShift+i)) != 0 }
func (s *SignalSet) addCustom(i int)     { *s |= 1 << (customShift + i) }
