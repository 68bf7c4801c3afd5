package promise

import "github.com/google/uuid"

// SchemaVersion is the version of the exchange format this package reads and
// writes. Files declare it in "schemaVersion"; a file of another major
// version is refused, never misread.
const SchemaVersion = "1.0"

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
	ID              uuid.UUID        `json:"id"`
	Title           Text             `json:"title,omitempty"`
	Language        string           `json:"language,omitempty"`
	Updated         Date             `json:"updated,omitzero"`
	Parties         []Party          `json:"parties"`
	Places          []Place          `json:"places,omitempty"`
	Themes          []Theme          `json:"themes,omitempty"`
	Sources         []Source         `json:"sources,omitempty"`
	Agreements      []Agreement      `json:"agreements,omitempty"`
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

// Party is an organisation that signs an agreement, gives a promise, or
// leads or takes part in an activity.
type Party struct {
	ID          uuid.UUID   `json:"id"`
	Kind        PartyKind   `json:"kind"`
	Name        Text        `json:"name"`
	ShortName   Text        `json:"shortName,omitempty"`
	Identifiers Identifiers `json:"identifiers,omitzero"`
	// ParentID names the organisation this party is part of: a
	// lokalpolisområde's polisregion, a municipality's förvaltning's
	// municipality.
	ParentID uuid.UUID `json:"parentId,omitzero"`
	Website  string    `json:"website,omitempty"`
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
	ID       uuid.UUID `json:"id"`
	Kind     PlaceKind `json:"kind"`
	Name     Text      `json:"name"`
	ParentID uuid.UUID `json:"parentId,omitzero"`
	// Kommunkod is the municipality the place lies in, where it is one.
	Kommunkod string `json:"kommunkod,omitempty"`
}

// Theme is a focus area (fokusområde) of an agreement or citizen promise.
// Themes nest through ParentID (sub-areas).
type Theme struct {
	ID          uuid.UUID `json:"id"`
	Title       Text      `json:"title"`
	Description Text      `json:"description,omitempty"`
	ParentID    uuid.UUID `json:"parentId,omitzero"`
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
	ID          uuid.UUID  `json:"id"`
	Kind        SourceKind `json:"kind"`
	Title       Text       `json:"title"`
	URL         string     `json:"url,omitempty"`
	Published   Date       `json:"published,omitzero"`
	Updated     Date       `json:"updated,omitzero"`
	PublisherID uuid.UUID  `json:"publisherId,omitzero"`
	Note        Text       `json:"note,omitempty"`
}

// Signatory is a person who signed for a party.
type Signatory struct {
	PartyID uuid.UUID `json:"partyId"`
	Name    string    `json:"name,omitempty"`
	Role    Text      `json:"role,omitempty"` // "Kommundirektör", "Lokalpolisområdeschef"
	Signed  Date      `json:"signed,omitzero"`
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
)

// Lineage links an entity to an earlier one: in this document by ID;
// in another document by URL, with the entity's ID there when it is known;
// or, when neither is known, by Title alone ("the first agreement, December
// 2016"). At least one of ID, URL and Title is set.
type Lineage struct {
	Relation Relation  `json:"relation"`
	ID       uuid.UUID `json:"id,omitzero"`
	URL      string    `json:"url,omitempty"`
	Title    Text      `json:"title,omitempty"`
	Note     Text      `json:"note,omitempty"`
}

// Note is a remark on an entity, usually on where sources differ ("the web
// page lists other activities than the signed document").
type Note struct {
	Text      Text        `json:"text"`
	SourceIDs []uuid.UUID `json:"sourceIds,omitempty"`
}
