package promise

// SchemaVersion is the version of the exchange format this package reads and
// writes. Files declare it in "schemaVersion"; a file of another major
// version is refused, never misread.
const SchemaVersion = "1.1"

// nilID is the zero ID: no id.
var nilID ID

// Document is a promise document: the agreements and citizen promises of one
// or more parties, with the parties, places, themes and sources they refer
// to. Entities refer to each other by id, so that one activity can serve
// several promises and one party can appear everywhere without being
// repeated.
//
// The zero Document is empty and invalid (it has no id).
type Document struct {
	Schema          string           `json:"$schema"`
	SchemaVersion   string           `json:"schemaVersion"`
	ID              ID               `json:"id"`
	Title           Text             `json:"title,omitempty"`
	Language        string           `json:"language,omitempty"`
	Updated         Date             `json:"updated,omitzero"`
	Parties         []Party          `json:"parties"`
	People          []Person         `json:"people,omitempty"`
	Places          []Place          `json:"places,omitempty"`
	Themes          []Theme          `json:"themes,omitempty"`
	Sources         []Source         `json:"sources,omitempty"`
	Agreements      []Agreement      `json:"agreements,omitempty"`
	ActionPlans     []ActionPlan     `json:"actionPlans,omitempty"`
	CitizenPromises []CitizenPromise `json:"citizenPromises,omitempty"`
	// Extensions is the one place where a file may carry data this format
	// does not define. Keys should be URLs or reverse domain names that
	// say whose data it is ("se.strangnas.diarienummer"). Readers ignore
	// what they do not know.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// PartyKind says what kind of organisation a [Party] is.
type PartyKind string

// The kinds of party seen in real agreements.
const (
	Municipality       PartyKind = "municipality"       // kommun
	Police             PartyKind = "police"             // Polismyndigheten, a polisregion or a lokalpolisområde
	RescueService      PartyKind = "rescueService"      // räddningstjänst, brandförsvarsförbund
	Region             PartyKind = "region"             // region (healthcare, public transport)
	HousingCompany     PartyKind = "housingCompany"     // bostadsbolag
	TransportAuthority PartyKind = "transportAuthority" // kollektivtrafikmyndighet, trafikbolag
	Association        PartyKind = "association"        // förening, nattvandrare
	Company            PartyKind = "company"            // näringsliv
	OtherParty         PartyKind = "other"
)

// Party is an organisation that signs an agreement, gives a promise, leads
// or takes part in an activity, or is served by another party (a
// municipality that a police area serves).
type Party struct {
	ID          ID          `json:"id"`
	Kind        PartyKind   `json:"kind"`
	Name        Text        `json:"name"`
	ShortName   Text        `json:"shortName,omitempty"`
	Identifiers Identifiers `json:"identifiers,omitzero"`
	// ParentID names the organisation this party is part of: a
	// lokalpolisområde's polisregion, a municipality's förvaltning's
	// municipality.
	ParentID ID     `json:"parentId,omitzero"`
	Website  string `json:"website,omitempty"`
	// Aliases are other names of the party: what it is also called,
	// what it was called, spellings that differ between sources.
	Aliases []Alias `json:"aliases,omitempty"`
	// ServesIDs are the municipalities a police area (or another party
	// with an area) serves: "Lokalpolisområde Stenungsund" serves
	// Stenungsund, Orust and Tjörn.
	ServesIDs []ID `json:"servesIds,omitempty"`
}

// AliasKind says how an [Alias] relates to the name it stands beside.
type AliasKind string

// The kinds of alias.
const (
	OtherName  AliasKind = "alias"      // another current name: "Polisen i Strängnäs"
	FormerName AliasKind = "formerName" // a name used before: "Närpolisområde Strängnäs"
	Spelling   AliasKind = "spelling"   // the same name spelled differently by a source
)

// Alias is another name of a party or person, with the sources that use it.
type Alias struct {
	Name      string    `json:"name"`
	Kind      AliasKind `json:"kind,omitempty"` // default: "alias"
	SourceIDs []ID      `json:"sourceIds,omitempty"`
}

// Person is someone the sources name: who signed, who is pictured or
// quoted, who was present, whom to contact. A person belongs to a party.
type Person struct {
	ID      ID     `json:"id"`
	Name    string `json:"name"`
	PartyID ID     `json:"partyId,omitzero"`
	// Title is the person's position, as the source gives it:
	// "Kommundirektör", "Lokalpolisområdeschef".
	Title     Text    `json:"title,omitempty"`
	Aliases   []Alias `json:"aliases,omitempty"`
	SourceIDs []ID    `json:"sourceIds,omitempty"`
}

// PersonRole is what a person did in an agreement, action plan or citizen
// promise besides signing (signing is a [Signatory]).
type PersonRole string

// The roles of a person.
const (
	Pictured PersonRole = "pictured" // in a photo of the page
	Quoted   PersonRole = "quoted"   // quoted on the page
	Present  PersonRole = "present"  // present at the signing or a meeting
	Contact  PersonRole = "contact"  // named as the contact for questions
)

// Involvement is a person's part in an agreement, action plan or citizen
// promise: their roles, and a quote when they are quoted.
type Involvement struct {
	PersonID  ID           `json:"personId"`
	Roles     []PersonRole `json:"roles"`
	Quote     Text         `json:"quote,omitempty"`
	SourceIDs []ID         `json:"sourceIds,omitempty"`
}

// Identifiers are a party's official identifiers, where it has them.
type Identifiers struct {
	// Kommunkod is the four-digit municipality code of SCB ("0486").
	Kommunkod string `json:"kommunkod,omitempty"`
	// Organisationsnummer is the Swedish organisation number
	// ("212000-0308").
	Organisationsnummer string `json:"organisationsnummer,omitempty"`
}

// PlaceKind says what kind of place a [Place] is.
type PlaceKind string

// The kinds of place seen in real promises.
const (
	PlaceMunicipality PlaceKind = "municipality" // the whole municipality
	PlaceTown         PlaceKind = "town"         // tätort
	PlaceDistrict     PlaceKind = "district"     // kommundel, stadsdel
	PlaceSite         PlaceKind = "site"         // a named square, station, school, harbour
	PlaceType         PlaceKind = "placeType"    // a kind of place: "skolor", "stationsområden"
	PlaceArea         PlaceKind = "area"         // any other area: a lake, a road
)

// Place is where an activity happens or a target counts.
type Place struct {
	ID       ID        `json:"id"`
	Kind     PlaceKind `json:"kind"`
	Name     Text      `json:"name"`
	ParentID ID        `json:"parentId,omitzero"`
	// Kommunkod is the municipality the place lies in, where it is one.
	Kommunkod string `json:"kommunkod,omitempty"`
}

// Theme is a focus area (fokusområde) of an agreement or citizen promise.
// Themes nest through ParentID (sub-areas).
type Theme struct {
	ID          ID   `json:"id"`
	Title       Text `json:"title"`
	Description Text `json:"description,omitempty"`
	ParentID    ID   `json:"parentId,omitzero"`
}

// SourceKind says what kind of document a [Source] is.
type SourceKind string

// The kinds of source document.
const (
	SignedDocument SourceKind = "signedDocument" // the signed agreement or promise (usually a PDF)
	WebPage        SourceKind = "webPage"        // a page on a party's website
	PressRelease   SourceKind = "pressRelease"   // a news item
	FollowUpReport SourceKind = "followUp"       // a published follow-up
	Decision       SourceKind = "decision"       // a decision of a board or council
	Dataset        SourceKind = "dataset"        // statistics, a survey
	OtherSource    SourceKind = "other"
)

// Source is a document that agreements, promises and activities come from,
// so that every entity can be traced to what was signed or published.
type Source struct {
	ID          ID         `json:"id"`
	Kind        SourceKind `json:"kind"`
	Title       Text       `json:"title"`
	URL         string     `json:"url,omitempty"`
	Published   Date       `json:"published,omitzero"`
	Updated     Date       `json:"updated,omitzero"`
	PublisherID ID         `json:"publisherId,omitzero"`
	Note        Text       `json:"note,omitempty"`
}

// Signatory is a person who signed for a party.
type Signatory struct {
	PartyID ID `json:"partyId"`
	// PersonID names the person in the document's people, where the
	// document lists them; Name is the name as the signature gives it.
	PersonID ID     `json:"personId,omitzero"`
	Name     string `json:"name,omitempty"`
	Role     Text   `json:"role,omitempty"` // "Kommundirektör", "Lokalpolisområdeschef"
	// Acting marks a signature as acting for the role (t.f.,
	// tillförordnad).
	Acting bool `json:"acting,omitempty"`
	Signed Date `json:"signed,omitzero"`
}

// Relation says how an agreement, citizen promise, promise or activity
// relates to an earlier one.
type Relation string

// The relations of [Lineage].
const (
	Renews      Relation = "renews"      // a new version for a new period, possibly revised
	Extends     Relation = "extends"     // the same content, a longer period
	CarriesOver Relation = "carriesOver" // taken over in part from an earlier one
	Replaces    Relation = "replaces"    // supersedes, within the same period
	SucceededBy Relation = "succeededBy" // is followed by a later one, its successor
)

// Lineage links an entity to an earlier one (or, with [SucceededBy], to a
// later one): in this document by ID; in another document by URL, with the
// entity's ID there when it is known; or, when neither is known, by Title
// alone ("the first agreement, December 2016"). At least one of ID, URL and
// Title is set.
type Lineage struct {
	Relation Relation `json:"relation"`
	ID       ID       `json:"id,omitzero"`
	URL      string   `json:"url,omitempty"`
	Title    Text     `json:"title,omitempty"`
	// Unchanged says that the content was taken over unchanged: a
	// promise renewed as it was for the next year.
	Unchanged bool `json:"unchanged,omitempty"`
	Note      Text `json:"note,omitempty"`
}

// Reference names an entity that may be in another document or only on
// the web: in this document by ID; in another by URL, with its ID there
// when known; or by Title alone. At least one of the three is set.
type Reference struct {
	ID    ID     `json:"id,omitzero"`
	URL   string `json:"url,omitempty"`
	Title Text   `json:"title,omitempty"`
}

// Wording is how one source words a promise or activity, where the sources
// word it differently: the police's page and the municipality's page.
type Wording struct {
	Text      Text `json:"text"`
	SourceIDs []ID `json:"sourceIds"`
}

// Note is a remark on an entity, usually on where sources differ ("the web
// page lists other activities than the signed document").
type Note struct {
	Text      Text `json:"text"`
	SourceIDs []ID `json:"sourceIds,omitempty"`
}
