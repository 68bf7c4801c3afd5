package followup

import (
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Report is a follow-up report (uppföljning): what one or more parties
// report about a citizen promise, an action plan or an agreement for one
// reporting period. Exactly one of CitizenPromiseID, ActionPlanID and
// AgreementID says what it follows up. A party may report only its own
// share; reports that cover overlapping periods or disagree are all kept,
// and the evaluation shows the disagreement.
type Report struct {
	Schema           string         `json:"$schema"`
	SchemaVersion    string         `json:"schemaVersion"`
	ID               promise.ID     `json:"id"`
	CitizenPromiseID promise.ID     `json:"citizenPromiseId,omitzero"`
	ActionPlanID     promise.ID     `json:"actionPlanId,omitzero"`
	AgreementID      promise.ID     `json:"agreementId,omitzero"`
	Title            promise.Text   `json:"title,omitempty"`
	Period           promise.Period `json:"period"`
	// Date is when the report was made or published; zero only when
	// NotStated says the source does not give it.
	Date       promise.Date `json:"date,omitzero"`
	ReportedBy []promise.ID `json:"reportedBy"`
	// Final marks the report that closes the citizen promise's period.
	Final bool `json:"final,omitempty"`
	// Illustrative marks a report that is an example, not a real one.
	// Tools show it as such.
	Illustrative bool           `json:"illustrative,omitempty"`
	Summary      promise.Text   `json:"summary,omitempty"`
	Updates      []Update       `json:"updates"`
	Results      []Result       `json:"results,omitempty"`
	Sources      []promise.Link `json:"sources,omitempty"`
	Notes        []promise.Note `json:"notes,omitempty"`
	// NotStated names what the source does not give: "date".
	NotStated  []string       `json:"notStated,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Update is what a report says about one activity.
type Update struct {
	ActivityID promise.ID `json:"activityId"`
	// Occurrences are dated things done: a walk, a control, an area
	// set up. They add up towards count, recurring and coverage targets.
	Occurrences []Occurrence `json:"occurrences,omitempty"`
	// Results are reported figures: a count total as of a date ("20 nya
	// områden"), or an indicator's measured value.
	Results []Result `json:"results,omitempty"`
	// Completed is the date a milestone was reached.
	Completed  promise.Date `json:"completed,omitzero"`
	Assessment *Assessment  `json:"assessment,omitempty"`
	Narrative  promise.Text `json:"narrative,omitempty"`
	// Shortfall explains why less was done than promised.
	Shortfall   promise.Text   `json:"shortfall,omitempty"`
	Substitutes []Substitute   `json:"substitutes,omitempty"`
	Evidence    []promise.Link `json:"evidence,omitempty"`
}

// Occurrence is one dated entry of work done.
type Occurrence struct {
	Date promise.Date `json:"date"`
	// Count is how many things the entry stands for; 0 means 1.
	Count    int        `json:"count,omitempty"`
	TargetID promise.ID `json:"targetId,omitzero"`
	PlaceID  promise.ID `json:"placeId,omitzero"`
	// Place names a place that is not in the document, for work done
	// elsewhere than promised ("Abborrberget").
	Place promise.Text `json:"place,omitempty"`
	Note  promise.Text `json:"note,omitempty"`
}

// Result is a reported figure or a stated outcome. With a TargetID it
// counts towards that target: for a count target the total reached by
// Date, for a rate target the total over Period, for an indicator the
// measured value. Without one it is a result that belongs to no target
// ("303 trafikkontroller").
//
// A result has a Value, an Outcome, or both: "genomfört" is an outcome
// with no number. A result with a Period is a total over that period, and
// totals over different periods are never added together ("71 in
// May–July", then "301 in May–December").
type Result struct {
	TargetID promise.ID `json:"targetId,omitzero"`
	// ActivityIDs, on a report's own results, name the activities a
	// result is about: several, or none.
	ActivityIDs []promise.ID      `json:"activityIds,omitempty"`
	Value       *float64          `json:"value,omitempty"`
	Qualifier   promise.Qualifier `json:"qualifier,omitempty"`
	Outcome     StatedOutcome     `json:"outcome,omitempty"`
	Unit        promise.Text      `json:"unit,omitempty"`
	Date        promise.Date      `json:"date,omitzero"`
	Period      *promise.Period   `json:"period,omitempty"`
	Description promise.Text      `json:"description,omitempty"`
}

// StatedOutcome is an outcome a report states in words, with or without a
// number: "genomfört", "delvis genomfört", "ej genomfört".
type StatedOutcome string

// The stated outcomes.
const (
	Done       StatedOutcome = "done"       // genomfört
	PartlyDone StatedOutcome = "partlyDone" // delvis genomfört
	NotDone    StatedOutcome = "notDone"    // ej genomfört
)

// Assessment is a party's own judgement of an activity, with its
// justification. The computed status stays visible beside it.
type Assessment struct {
	Status        Status       `json:"status"`
	Justification promise.Text `json:"justification"`
}

// Substitute is work done instead of what was promised.
type Substitute struct {
	Text promise.Text `json:"text"`
	Date promise.Date `json:"date,omitzero"`
}

// Bundle is one promise document with its follow-up reports: what the
// widget reads and what the report command evaluates.
type Bundle struct {
	Schema        string           `json:"$schema"`
	SchemaVersion string           `json:"schemaVersion"`
	Document      promise.Document `json:"document"`
	Reports       []Report         `json:"reports,omitempty"`
}
