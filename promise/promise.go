package promise

// Agreement is a samverkansöverenskommelse: the cooperation agreement
// between a municipality (or several) and the police, usually for two to
// four years or until further notice, under which citizen promises are
// given. Its Period is the zero Period when the source states none.
type Agreement struct {
	ID          ID          `json:"id"`
	Title       Text        `json:"title"`
	Period      Period      `json:"period,omitzero"`
	PartyIDs    []ID        `json:"partyIds"`
	Signatories []Signatory `json:"signatories,omitempty"`
	Signed      Date        `json:"signed,omitzero"`
	Summary     Text        `json:"summary,omitempty"`
	// Purpose is what the agreement is for, in its own words.
	Purpose Text `json:"purpose,omitempty"`
	// ThemeIDs are its focus areas; a theme's sub-areas are the themes
	// whose ParentID names it.
	ThemeIDs   []ID         `json:"themeIds,omitempty"`
	PlaceIDs   []ID         `json:"placeIds,omitempty"`
	LegalBasis []LegalBasis `json:"legalBasis,omitempty"`
	// Duties are what each party undertakes.
	Duties    []Duty        `json:"duties,omitempty"`
	Bodies    []Body        `json:"bodies,omitempty"`
	People    []Involvement `json:"people,omitempty"`
	SourceIDs []ID          `json:"sourceIds,omitempty"`
	Lineage   []Lineage     `json:"lineage,omitempty"`
	Notes     []Note        `json:"notes,omitempty"`
}

// LegalBasis is a law or regulation an agreement rests on, such as lag
// (2023:196) om kommuners ansvar för brottsförebyggande arbete.
type LegalBasis struct {
	Title Text `json:"title"`
	// SFS is the number in Svensk författningssamling: "2023:196".
	SFS string `json:"sfs,omitempty"`
	URL string `json:"url,omitempty"`
}

// Duty is what one party undertakes under an agreement, in the
// agreement's words; LegalBasis, when set, is the SFS number of the law
// that imposes it.
type Duty struct {
	PartyID    ID     `json:"partyId"`
	Text       Text   `json:"text"`
	LegalBasis string `json:"legalBasis,omitempty"`
	SourceIDs  []ID   `json:"sourceIds,omitempty"`
}

// BodyKind says what kind of group a [Body] is.
type BodyKind string

// The kinds of body seen in real agreements.
const (
	CrimePreventionCouncil BodyKind = "crimePreventionCouncil" // brottsförebyggande råd (lokalt Brå)
	SteeringGroup          BodyKind = "steeringGroup"          // styrgrupp
	WorkingGroup           BodyKind = "workingGroup"           // arbetsgrupp, samverkansgrupp
	TrafficSafetyCouncil   BodyKind = "trafficSafetyCouncil"   // trafiksäkerhetsråd
	OtherBody              BodyKind = "other"
)

// Body is a group that an agreement sets up or works through: the local
// Brå, a steering group, a traffic safety council.
type Body struct {
	ID          ID       `json:"id"`
	Kind        BodyKind `json:"kind"`
	Name        Text     `json:"name"`
	PartyIDs    []ID     `json:"partyIds,omitempty"`
	Description Text     `json:"description,omitempty"` // its task, who chairs it, how often it meets
	SourceIDs   []ID     `json:"sourceIds,omitempty"`
}

// ActionPlan is an åtgärdsplan or handlingsplan: the activities decided
// for a part of an agreement's period, typically one year of an
// open-ended agreement, with their own targets. It is followed up like a
// citizen promise; a citizen promise may be a chosen part of it.
type ActionPlan struct {
	ID          ID `json:"id"`
	AgreementID ID `json:"agreementId,omitzero"`
	// AgreementRef names the agreement when it is not in this document.
	AgreementRef *Reference    `json:"agreementRef,omitempty"`
	Title        Text          `json:"title"`
	Period       Period        `json:"period"`
	PartyIDs     []ID          `json:"partyIds"`
	Decided      Date          `json:"decided,omitzero"`
	Summary      Text          `json:"summary,omitempty"`
	ThemeIDs     []ID          `json:"themeIds,omitempty"`
	PlaceIDs     []ID          `json:"placeIds,omitempty"`
	Activities   []Activity    `json:"activities,omitempty"`
	Reporting    *Reporting    `json:"reporting,omitempty"`
	Thresholds   *Thresholds   `json:"thresholds,omitempty"`
	People       []Involvement `json:"people,omitempty"`
	SourceIDs    []ID          `json:"sourceIds,omitempty"`
	Lineage      []Lineage     `json:"lineage,omitempty"`
	Notes        []Note        `json:"notes,omitempty"`
}

// CitizenPromise is a medborgarlöfte: the set of promises and activities
// that the parties sign and publish for a period, usually one or two years.
type CitizenPromise struct {
	ID          ID `json:"id"`
	AgreementID ID `json:"agreementId,omitzero"`
	// AgreementRef names the agreement when it is not in this document:
	// in another file or only on the web.
	AgreementRef *Reference `json:"agreementRef,omitempty"`
	// ActionPlanID names the action plan that the citizen promise is a
	// chosen part of.
	ActionPlanID ID     `json:"actionPlanId,omitzero"`
	Title        Text   `json:"title"`
	Period       Period `json:"period"`
	// PartyIDs are the parties that stand behind the citizen promise.
	PartyIDs    []ID        `json:"partyIds"`
	Signatories []Signatory `json:"signatories,omitempty"`
	Signed      Date        `json:"signed,omitzero"`
	SignedAt    string      `json:"signedAt,omitempty"` // the place of signing: "Strängnäs"
	Summary     Text        `json:"summary,omitempty"`
	Purpose     Text        `json:"purpose,omitempty"` // "Det här ska vi åstadkomma"
	Basis       []Basis     `json:"basis,omitempty"`
	// Context is what the page lists beside the promises without
	// promising it: ongoing programmes and methods (EST, SSPF, Huskurage).
	Context []ContextItem `json:"context,omitempty"`
	// Promises are the promises; empty only when NotStated says the
	// source does not give them.
	Promises   []Promise  `json:"promises,omitempty"`
	Activities []Activity `json:"activities,omitempty"`
	Effect     *Effect    `json:"expectedEffect,omitempty"`
	// EvaluationPlan says in words how the promise will be evaluated.
	EvaluationPlan Text `json:"evaluationPlan,omitempty"`
	// Reporting is the reporting calendar; nil when the document states
	// none (see package followup: then one final report is awaited).
	Reporting  *Reporting    `json:"reporting,omitempty"`
	Thresholds *Thresholds   `json:"thresholds,omitempty"`
	People     []Involvement `json:"people,omitempty"`
	SourceIDs  []ID          `json:"sourceIds,omitempty"`
	Lineage    []Lineage     `json:"lineage,omitempty"`
	Notes      []Note        `json:"notes,omitempty"`
	// NotStated names lists the source does not give at all:
	// "promises" (the page's list of promises is missing).
	NotStated []string `json:"notStated,omitempty"`
	// Incomplete names lists that hold only part of the source's,
	// because the source is cut off: "promises", "activities".
	Incomplete []string `json:"incomplete,omitempty"`
}

// The lists and fields that NotStated and Incomplete may name.
const (
	PromisesField   = "promises"
	ActivitiesField = "activities"
	LeadsField      = "leadIds"
	DateField       = "date"
)

// ContextKind says what kind of context a [ContextItem] is.
type ContextKind string

// The kinds of context.
const (
	Programme    ContextKind = "programme" // an ongoing programme: "Trygg i Strängnäs"
	Method       ContextKind = "method"    // a way of working: EST, SSPF, Huskurage
	OtherContext ContextKind = "other"
)

// ContextItem is something a citizen promise's page lists beside its
// promises without promising it.
type ContextItem struct {
	Kind        ContextKind `json:"kind"`
	Name        Text        `json:"name"`
	Description Text        `json:"description,omitempty"`
	PartyIDs    []ID        `json:"partyIds,omitempty"`
	Links       []Link      `json:"links,omitempty"`
	SourceIDs   []ID        `json:"sourceIds,omitempty"`
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
	ID          ID        `json:"id"`
	Kind        BasisKind `json:"kind"`
	Description Text      `json:"description"`
	Period      *Period   `json:"period,omitempty"`
	// Measurements are the figures the basis gives: "92 % känner sig
	// trygga", "505 brott per 100 000 invånare".
	Measurements []Measurement `json:"measurements,omitempty"`
	Links        []Link        `json:"links,omitempty"`
	SourceIDs    []ID          `json:"sourceIds,omitempty"`
}

// Promise is a löfte: one thing the parties promise ("Polisen lovar
// tillsammans med Strängnäs kommun att …").
type Promise struct {
	ID   ID   `json:"id"`
	Text Text `json:"text"`
	// GivenBy are the parties that give the promise; each must stand
	// behind the citizen promise.
	GivenBy []ID `json:"givenBy"`
	// Wordings keep each source's words where sources word the promise
	// differently; Text is the one the document shows.
	Wordings  []Wording   `json:"wordings,omitempty"`
	ThemeIDs  []ID        `json:"themeIds,omitempty"`
	BasisIDs  []ID        `json:"basisIds,omitempty"`
	PlaceIDs  []ID        `json:"placeIds,omitempty"`
	SourceIDs []ID        `json:"sourceIds,omitempty"`
	Lineage   []Lineage   `json:"lineage,omitempty"`
	Notes     []Note      `json:"notes,omitempty"`
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// Activity is an aktivitet: concrete work with a lead, partners, places, a
// time window and targets. An activity serves the promises it names, which
// may be several or none.
type Activity struct {
	ID   ID   `json:"id"`
	Text Text `json:"text"`
	// Wordings keep each source's words where sources word the activity
	// differently.
	Wordings   []Wording `json:"wordings,omitempty"`
	PromiseIDs []ID      `json:"promiseIds,omitempty"`
	ThemeIDs   []ID      `json:"themeIds,omitempty"`
	// LeadIDs are the parties responsible; PartnerIDs those who take
	// part. Neither need have signed. LeadIDs is empty only when
	// NotStated says the source names no lead.
	LeadIDs    []ID `json:"leadIds,omitempty"`
	PartnerIDs []ID `json:"partnerIds,omitempty"`
	// OtherPartners are partners the source names only in words, not as
	// an organisation: "andra myndigheter", "föreningar".
	OtherPartners []Text `json:"otherPartners,omitempty"`
	// LeadsBySource keeps what each source names as the lead, where the
	// sources differ; the evaluation shows it as a conflict.
	LeadsBySource []SourcedLead `json:"leadsBySource,omitempty"`
	// NotStated names what the source does not give: "leadIds".
	NotStated []string `json:"notStated,omitempty"`
	PlaceIDs  []ID     `json:"placeIds,omitempty"`
	// Window is when the activity takes place, within the citizen
	// promise's period; nil means the whole period.
	Window    *Period     `json:"window,omitempty"`
	Targets   []Target    `json:"targets,omitempty"`
	SourceIDs []ID        `json:"sourceIds,omitempty"`
	Lineage   []Lineage   `json:"lineage,omitempty"`
	Notes     []Note      `json:"notes,omitempty"`
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// SourcedLead is the lead of an activity as one source names it.
type SourcedLead struct {
	LeadIDs   []ID `json:"leadIds"`
	SourceIDs []ID `json:"sourceIds"`
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

// Reporting is the reporting calendar of a citizen promise or action plan:
// when follow-up reports cover and when they are due. A nil *Reporting
// means the document states no calendar: no periodic report is promised,
// and one final report is awaited after the end (package followup).
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

// The default thresholds of the progress rules (package followup).
const (
	DefaultOnTrack        = 0.9
	DefaultAtRisk         = 0.6
	DefaultPartlyAchieved = 0.5
)

// Resolved returns the thresholds the rules use: t's, with every zero field
// (or a nil t) taken from the defaults. ok is false when the result breaks
// 0 < AtRisk ≤ OnTrack ≤ 1, 0 < PartlyAchieved ≤ 1; the defaults are then
// returned.
func (t *Thresholds) Resolved() (_ Thresholds, ok bool) {
	def := Thresholds{OnTrack: DefaultOnTrack, AtRisk: DefaultAtRisk, PartlyAchieved: DefaultPartlyAchieved}
	if t == nil {
		return def, true
	}
	out := def
	if t.OnTrack != 0 {
		out.OnTrack = t.OnTrack
	}
	if t.AtRisk != 0 {
		out.AtRisk = t.AtRisk
	}
	if t.PartlyAchieved != 0 {
		out.PartlyAchieved = t.PartlyAchieved
	}
	if !(0 < out.AtRisk && out.AtRisk <= out.OnTrack && out.OnTrack <= 1 && 0 < out.PartlyAchieved && out.PartlyAchieved <= 1) {
		return def, false
	}
	return out, true
}

// Thresholds tune the progress rules. A nil *Thresholds, or a zero field,
// means the defaults ([DefaultOnTrack], [DefaultAtRisk],
// [DefaultPartlyAchieved]); see [Thresholds.Resolved].
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
