package followup

import "github.com/medborgarlofte/medborgarlofte/promise/words"

// Label returns the status's name for people in lang, from the catalog
// (key "status." and the token; Swedish for a language without a
// catalog). A value that is no status gets its [Status.String] form.
func (s Status) Label(lang string) string {
	if s >= numStatuses {
		return s.String()
	}
	return s.Key().In(lang)
}

// Key returns the catalog key of the status's label: "status.achieved".
func (s Status) Key() words.Key { return words.Key("status." + s.String()) }

// OGP completion levels, the scale the Open Government Partnership's
// Independent Reporting Mechanism uses for commitments. See [Status.OGP].
const (
	OGPNotStarted  = "not_started"
	OGPLimited     = "limited"
	OGPSubstantial = "substantial"
	OGPComplete    = "complete"
)

// OGP returns the Open Government Partnership completion level that the
// status corresponds to, or "" when none does (awaiting report, not
// reported, cannot be assessed, withdrawn: the IRM's "no evidence
// available" or "withdrawn").
// The mapping is by status alone; see the package documentation for the
// table.
func (s Status) OGP() string {
	switch s {
	case NotStarted:
		return OGPNotStarted
	case AtRisk, Behind, NotAchieved:
		return OGPLimited
	case OnTrack, PartlyAchieved:
		return OGPSubstantial
	case Achieved:
		return OGPComplete
	}
	return ""
}

// OCDS milestone statuses, the codelist milestoneStatus of the Open
// Contracting Data Standard. See [Status.OCDS].
const (
	OCDSScheduled    = "scheduled"
	OCDSMet          = "met"
	OCDSNotMet       = "notMet"
	OCDSPartiallyMet = "partiallyMet"
)

// OCDS returns the OCDS milestone status that the status corresponds to,
// or "" when none does (awaiting report, not reported, cannot be
// assessed, withdrawn).
// Every status of work still under way is "scheduled": OCDS records only
// whether a milestone was met, not the pace towards it.
func (s Status) OCDS() string {
	switch s {
	case NotStarted, OnTrack, AtRisk, Behind:
		return OCDSScheduled
	case Achieved:
		return OCDSMet
	case PartlyAchieved:
		return OCDSPartiallyMet
	case NotAchieved:
		return OCDSNotMet
	}
	return ""
}

// Final reports whether the status is a verdict on work whose window has
// ended (or whose target is reached): achieved, partly achieved or not
// achieved.
func (s Status) Final() bool {
	return s == Achieved || s == PartlyAchieved || s == NotAchieved
}

// running reports whether the status describes work under way.
func (s Status) running() bool {
	return s == NotStarted || s == OnTrack || s == AtRisk || s == Behind
}

// ignored reports whether roll-ups leave the status out of what they
// judge: what cannot be assessed, is withdrawn or awaits its report.
// Roll-ups still count it, and never look better for leaving it out.
func (s Status) ignored() bool {
	return s == Unassessable || s == Withdrawn || s == AwaitingReport || s >= numStatuses
}
