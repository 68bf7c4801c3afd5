package promise

import "github.com/google/uuid"

// TargetKind says what "done" means for a [Target], and so which progress
// rule of package followup applies.
type TargetKind string

// The kinds of target seen in real promises.
const (
	// Count: a number of occurrences or things, "minst fyra
	// trygghetsvandringar", "två nya båtsamverkansområden".
	Count TargetKind = "count"
	// Milestone: one thing done once, "upprätta ett trafiksäkerhetsråd".
	Milestone TargetKind = "milestone"
	// Recurring: at least Value occurrences in every interval of Every,
	// "en kontroll per dag", "fyra gånger per år".
	Recurring TargetKind = "recurring"
	// Coverage: every one of a set of places (or Value things) reached,
	// "i kommunens samtliga kommundelar", "alla skolor".
	Coverage TargetKind = "coverage"
	// Continuous: ongoing work with no end state, "fortsätta arbeta med
	// Linköpingsmodellen".
	Continuous TargetKind = "continuous"
	// Indicator: a measured value to move from Baseline towards Value,
	// "öka andelen som känner sig trygga".
	Indicator TargetKind = "indicator"
	// Unmeasurable: nothing countable is promised, "verka för att synas
	// mer"; only an assessment can say how it went.
	Unmeasurable TargetKind = "none"
)

// Comparison says how a count's reported total is held against Value.
type Comparison string

// The comparisons of a count target.
const (
	AtLeast Comparison = "atLeast" // "minst åtta"
	Exactly Comparison = "exactly" // "två nya", "etablera två"
)

// Scope says whether a target counts once over the whole window or anew each
// calendar year of it.
type Scope string

// The scopes.
const (
	WholePeriod Scope = "period" // "under den totala tre-års-perioden"
	EachYear    Scope = "year"   // "varje nytt år"
)

// Direction says which way an indicator should move.
type Direction string

// The directions of an indicator.
const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
)

// Target says what an activity (or a citizen promise's expected effect)
// aims for. Which fields apply depends on Kind:
//
//   - Count: Value (N > 0), Comparison, Unit, optionally Split by place.
//   - Milestone: Due, optionally (else the end of the window).
//   - Recurring: Value occurrences (M > 0) in every Every.
//   - Coverage: PlaceIDs to reach, or Value things when they are not places.
//   - Continuous, Unmeasurable: nothing more.
//   - Indicator: Baseline, Value (≠ the baseline), Direction, Unit,
//     optionally ActionThreshold.
//
// Scope applies to count, coverage and milestone targets.
type Target struct {
	ID          uuid.UUID    `json:"id"`
	Kind        TargetKind   `json:"kind"`
	Description Text         `json:"description,omitempty"`
	Value       *float64     `json:"value,omitempty"`
	Comparison  Comparison   `json:"comparison,omitempty"`
	Unit        Text         `json:"unit,omitempty"`
	Scope       Scope        `json:"scope,omitempty"`
	Every       Cadence      `json:"every,omitempty"`
	Due         Date         `json:"due,omitzero"`
	PlaceIDs    []uuid.UUID  `json:"placeIds,omitempty"`
	Split       []Share      `json:"split,omitempty"`
	Baseline    *Measurement `json:"baseline,omitempty"`
	Direction   Direction    `json:"direction,omitempty"`
	// ActionThreshold is an indicator level at which the parties have
	// agreed to act, whichever the trend.
	ActionThreshold *float64 `json:"actionThreshold,omitempty"`
}

// Share is the part of a count target that falls on one place.
type Share struct {
	PlaceID uuid.UUID `json:"placeId"`
	Value   float64   `json:"value"`
}

// Measurement is a measured value of an indicator at a date, with its
// source.
type Measurement struct {
	Value    float64   `json:"value"`
	Date     Date      `json:"date"`
	SourceID uuid.UUID `json:"sourceId,omitzero"`
}
