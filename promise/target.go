package promise

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
	// Rate: at least Value a day, week, month or year (Every), judged
	// from totals reported over periods: "minst en trafikkontroll varje
	// dygn" (71 in May–July is 0.78 a day).
	Rate TargetKind = "rate"
	// Coverage: every one of a set of places (or Value things) reached,
	// "i kommunens samtliga kommundelar"; or of a set whose size the
	// source does not give, named by Unit, "alla skolor".
	Coverage TargetKind = "coverage"
	// Continuous: ongoing work with no end state, "fortsätta arbeta med
	// Linköpingsmodellen".
	Continuous TargetKind = "continuous"
	// Indicator: a measured value to move from Baseline towards Value,
	// "öka andelen som känner sig trygga"; without Value, only in
	// Direction, "färre trafikolyckor".
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
//   - Rate: Value (> 0) per Every on average, Unit.
//   - Coverage: PlaceIDs to reach, or Value things when they are not
//     places, or a Unit naming a set whose size is not given ("skolor").
//   - Continuous, Unmeasurable: nothing more.
//   - Indicator: Direction, Unit, and Value (≠ the baseline) with a
//     Baseline, or no Value for a direction-only target ("färre"),
//     optionally ActionThreshold.
//
// Scope applies to count, coverage and milestone targets.
type Target struct {
	ID          ID           `json:"id"`
	Kind        TargetKind   `json:"kind"`
	Description Text         `json:"description,omitempty"`
	Value       *float64     `json:"value,omitempty"`
	Comparison  Comparison   `json:"comparison,omitempty"`
	Unit        Text         `json:"unit,omitempty"`
	Scope       Scope        `json:"scope,omitempty"`
	Every       Cadence      `json:"every,omitempty"`
	Due         Date         `json:"due,omitzero"`
	PlaceIDs    []ID         `json:"placeIds,omitempty"`
	Split       []Share      `json:"split,omitempty"`
	Baseline    *Measurement `json:"baseline,omitempty"`
	Direction   Direction    `json:"direction,omitempty"`
	// ActionThreshold is an indicator level at which the parties have
	// agreed to act, whichever the trend.
	ActionThreshold *float64 `json:"actionThreshold,omitempty"`
}

// Share is the part of a count target that falls on one place.
type Share struct {
	PlaceID ID      `json:"placeId"`
	Value   float64 `json:"value"`
}

// Measurement is a measured value at a date, with its source: an
// indicator's baseline, or a figure of a citizen promise's basis ("92 %
// känner sig trygga", "505 brott per 100 000 invånare").
type Measurement struct {
	Value float64 `json:"value"`
	// Qualifier says how exact Value is, as the source words it.
	Qualifier Qualifier `json:"qualifier,omitempty"`
	Unit      Text      `json:"unit,omitempty"`
	Date      Date      `json:"date"`
	// Description says what was measured, where the unit does not.
	Description Text `json:"description,omitempty"`
	PlaceID     ID   `json:"placeId,omitzero"`
	SourceID    ID   `json:"sourceId,omitzero"`
}

// Qualifier says how exact a reported or measured figure is, in the
// source's words. The empty Qualifier means the figure is exact.
type Qualifier string

// The qualifiers.
const (
	AtLeastQualifier Qualifier = "atLeast" // "minst 300"
	OverQualifier    Qualifier = "over"    // "drygt 300", "över 300"
	AboutQualifier   Qualifier = "about"   // "cirka 300", "ungefär 300"
	UnderQualifier   Qualifier = "under"   // "knappt 300", "nästan 300"
	AtMostQualifier  Qualifier = "atMost"  // "högst 300"
)
