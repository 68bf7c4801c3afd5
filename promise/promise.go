package promise

import "github.com/google/uuid"

// Agreement is a samverkansöverenskommelse: the cooperation agreement
// between a municipality (or several) and the police, usually for two to
// four years, under which citizen promises are given.
type Agreement struct {
	ID          uuid.UUID   `json:"id"`
	Title       Text        `json:"title"`
	Period      Period      `json:"period"`
	PartyIDs    []uuid.UUID `json:"partyIds"`
	Signatories []Signatory `json:"signatories,omitempty"`
	Signed      Date        `json:"signed,omitzero"`
	Summary     Text        `json:"summary,omitempty"`
	ThemeIDs    []uuid.UUID `json:"themeIds,omitempty"`
	SourceIDs   []uuid.UUID `json:"sourceIds,omitempty"`
	Lineage     []Lineage   `json:"lineage,omitempty"`
	Notes       []Note      `json:"notes,omitempty"`
}

// CitizenPromise is a medborgarlöfte: the set of promises and activities
// that the parties sign and publish for a period, usually one or two years.
type CitizenPromise struct {
	ID          uuid.UUID `json:"id"`
	AgreementID uuid.UUID `json:"agreementId,omitzero"`
	Title       Text      `json:"title"`
	Period      Period    `json:"period"`
	// PartyIDs are the parties that stand behind the citizen promise.
	PartyIDs    []uuid.UUID `json:"partyIds"`
	Signatories []Signatory `json:"signatories,omitempty"`
	Signed      Date        `json:"signed,omitzero"`
	SignedAt    string      `json:"signedAt,omitempty"` // the place of signing: "Strängnäs"
	Summary     Text        `json:"summary,omitempty"`
	Purpose     Text        `json:"purpose,omitempty"` // "Det här ska vi åstadkomma"
	Basis       []Basis     `json:"basis,omitempty"`
	Promises    []Promise   `json:"promises"`
	Activities  []Activity  `json:"activities,omitempty"`
	Effect      *Effect     `json:"expectedEffect,omitempty"`
	Reporting   *Reporting  `json:"reporting,omitempty"`
	Thresholds  *Thresholds `json:"thresholds,omitempty"`
	SourceIDs   []uuid.UUID `json:"sourceIds,omitempty"`
	Lineage     []Lineage   `json:"lineage,omitempty"`
	Notes       []Note      `json:"notes,omitempty"`
}

// BasisKind says what kind of ground a [Basis] is.
type BasisKind string

// The kinds of basis.
const (
	CitizenDialogue  BasisKind = "citizenDialogue"  // medborgardialog
	SituationPicture BasisKind = "situationPicture" // lägesbild (EST, the joint local picture)
	Statistics       BasisKind = "statistics"       // crime statistics
	Survey           BasisKind = "survey"           // trygghetsmätning
	OtherBasis       BasisKind = "other"
)

// Basis is what a citizen promise rests on: a citizen dialogue, the joint
// situation picture, statistics. Promises point to it, so that each promise
// can say which problem it answers.
type Basis struct {
	ID          uuid.UUID   `json:"id"`
	Kind        BasisKind   `json:"kind"`
	Description Text        `json:"description"`
	Period      *Period     `json:"period,omitempty"`
	Links       []Link      `json:"links,omitempty"`
	SourceIDs   []uuid.UUID `json:"sourceIds,omitempty"`
}

// Promise is a löfte: one thing the parties promise ("Polisen lovar
// tillsammans med Strängnäs kommun att …").
type Promise struct {
	ID   uuid.UUID `json:"id"`
	Text Text      `json:"text"`
	// GivenBy are the parties that give the promise; each must stand
	// behind the citizen promise.
	GivenBy   []uuid.UUID `json:"givenBy"`
	ThemeIDs  []uuid.UUID `json:"themeIds,omitempty"`
	BasisIDs  []uuid.UUID `json:"basisIds,omitempty"`
	PlaceIDs  []uuid.UUID `json:"placeIds,omitempty"`
	SourceIDs []uuid.UUID `json:"sourceIds,omitempty"`
	Lineage   []Lineage   `json:"lineage,omitempty"`
	Notes     []Note      `json:"notes,omitempty"`
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// Activity is an aktivitet: concrete work with a lead, partners, places, a
// time window and targets. An activity serves the promises it names, which
// may be several or none.
type Activity struct {
	ID         uuid.UUID   `json:"id"`
	Text       Text        `json:"text"`
	PromiseIDs []uuid.UUID `json:"promiseIds,omitempty"`
	ThemeIDs   []uuid.UUID `json:"themeIds,omitempty"`
	// LeadIDs are the parties responsible; PartnerIDs those who take
	// part. Neither need have signed.
	LeadIDs    []uuid.UUID `json:"leadIds"`
	PartnerIDs []uuid.UUID `json:"partnerIds,omitempty"`
	PlaceIDs   []uuid.UUID `json:"placeIds,omitempty"`
	// Window is when the activity takes place, within the citizen
	// promise's period; nil means the whole period.
	Window    *Period     `json:"window,omitempty"`
	Targets   []Target    `json:"targets,omitempty"`
	SourceIDs []uuid.UUID `json:"sourceIds,omitempty"`
	Lineage   []Lineage   `json:"lineage,omitempty"`
	Notes     []Note      `json:"notes,omitempty"`
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// Withdrawal records that a promise or activity was withdrawn, when and why.
type Withdrawal struct {
	Date   Date `json:"date"`
	Reason Text `json:"reason"`
}

// Effect is the expected effect (förväntad effekt) of a citizen promise: a
// text, and optionally indicator targets that measure it.
type Effect struct {
	Description Text     `json:"description"`
	Targets     []Target `json:"targets,omitempty"`
}

// Cadence is the length of a recurring interval: of a recurring target, or
// of the reporting periods of a [Reporting] calendar.
type Cadence string

// The cadences.
const (
	Daily     Cadence = "day"
	Weekly    Cadence = "week"
	Monthly   Cadence = "month"
	Quarterly Cadence = "quarter"
	Tertially Cadence = "tertial" // four months: Jan–Apr, May–Aug, Sep–Dec
	HalfYear  Cadence = "halfYear"
	Yearly    Cadence = "year"
)

// Reporting is the reporting calendar of a citizen promise: when follow-up
// reports cover and when they are due. A nil *Reporting means the default,
// tertials reported within the month after each ends.
type Reporting struct {
	// Cadence is the length of regular reporting periods; it is ignored
	// when Periods is set.
	Cadence Cadence `json:"cadence,omitempty"`
	// DueDays is how many days after a period ends its report is due.
	// Zero means the end of the following month.
	DueDays int `json:"dueDays,omitempty"`
	// Periods lists explicit reporting periods with their due dates, for
	// calendars that follow no cadence.
	Periods []ReportingPeriod `json:"periods,omitempty"`
}

// ReportingPeriod is one explicit period of a [Reporting] calendar.
type ReportingPeriod struct {
	Period Period `json:"period"`
	Due    Date   `json:"due"`
}

// Thresholds tune the progress rules. A nil *Thresholds, or a zero field,
// means the defaults documented in package followup.
type Thresholds struct {
	// OnTrack is the least share of the expected progress at a date
	// that counts as on track (default 0.9).
	OnTrack float64 `json:"onTrack,omitempty"`
	// AtRisk is the least share that counts as at risk rather than
	// behind (default 0.6).
	AtRisk float64 `json:"atRisk,omitempty"`
	// PartlyAchieved is the least share of a count target, at the end,
	// that counts as partly achieved rather than not achieved (default 0.5).
	PartlyAchieved float64 `json:"partlyAchieved,omitempty"`
}
