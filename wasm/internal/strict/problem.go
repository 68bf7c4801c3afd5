package strict

import (
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Code is a stable, machine-readable kind of problem.
type Code string

// The codes of problems in the JSON text.
const (
	CodeEmpty         Code = "empty"          // no JSON value at all
	CodeEOF           Code = "eof"            // the text ends in the middle of a value
	CodeUnexpected    Code = "unexpected"     // a character that does not fit
	CodeUTF8          Code = "invalid-utf8"   // bytes that are not UTF-8
	CodeControl       Code = "control"        // a line break or control character in a string
	CodeEscape        Code = "escape"         // a backslash escape JSON does not have
	CodeSurrogate     Code = "surrogate"      // a \u escape of half a character
	CodeLeadingZero   Code = "leading-zero"   // a number such as 007
	CodeTrailingComma Code = "trailing-comma" // a comma before } or ]
	CodeTrailing      Code = "trailing-data"  // something after the value
	CodeTooDeep       Code = "too-deep"       // nested deeper than 64
	CodeDuplicateKey  Code = "duplicate-key"  // a key twice in one object
	CodeNumberRange   Code = "number-range"   // a number beyond float64 (1e400)
)

// The codes of problems with what the file is.
const (
	CodeNotObject     Code = "not-object"     // the text is not an object
	CodeSchemaMissing Code = "schema-missing" // no "$schema"
	CodeSchemaUnknown Code = "schema-unknown" // a "$schema" of another kind of file
	CodeSchemaVersion Code = "schema-version" // a schemaVersion that is not 1.x
)

// The codes of problems with the file's structure, by JSON Schema keyword.
const (
	CodeType              Code = "type"
	CodeRequired          Code = "required"
	CodeDependentRequired Code = "dependent-required"
	CodeContains          Code = "contains"
	CodeUnknown           Code = "unknown-property" // additionalProperties: false
	CodeNotAllowed        Code = "not-allowed"      // a property the kind of thing may not have
	CodePropertyName      Code = "property-name"
	CodeEnum              Code = "enum"
	CodeConst             Code = "const"
	CodePattern           Code = "pattern"
	CodeFormat            Code = "format"
	codeFormatDate        Code = "format-date" // only a key of messages
	CodeMinLength         Code = "min-length"
	CodeMaxLength         Code = "max-length"
	CodeMinItems          Code = "min-items"
	CodeMaxItems          Code = "max-items"
	CodeUnique            Code = "unique"
	CodeMinProperties     Code = "min-properties"
	CodeMaxProperties     Code = "max-properties"
	CodeMinimum           Code = "minimum"
	CodeMaximum           Code = "maximum"
	CodeExclusiveMinimum  Code = "exclusive-minimum"
	CodeExclusiveMaximum  Code = "exclusive-maximum"
	CodeMultipleOf        Code = "multiple-of"
	CodeAnyOf             Code = "any-of"
	CodeOneOf             Code = "one-of"
	CodeNot               Code = "not"
	// CodeDecode is a value that fits the schema but not the model: a
	// whole number too large for it, or one written 1.0 where the model
	// takes an integer.
	CodeDecode Code = "decode"
	// CodeInternal is a bug of the widget, reported rather than hidden:
	// the embedded schema does not compile, or the model and the schema
	// disagree.
	CodeInternal Code = "internal"
)

// MaxProblems is the most problems Decode reports for one file; Error.More
// counts the rest.
const MaxProblems = 100

// Problem is one thing wrong with a file, placed in it: Line and Column
// (1-based, the column in characters) and Offset (in bytes, counting a
// byte order mark) of the value or, for a member, of its key; Pointer is
// its RFC 6901 JSON pointer ("" is the whole file).
type Problem struct {
	Line, Column int
	Offset       int
	Pointer      string
	Code         Code
	// Arg is the value, key or character at fault, quoted as the
	// messages show it; Want what was expected (a type, a list of
	// values, a limit, the name of a form).
	Arg, Want string
	// Message is the problem in Swedish and English. Decode fills it in.
	Message promise.Text
}

// String returns the problem as a validator line: "12:5: /pointer:
// message", in English.
func (p Problem) String() string {
	ptr := p.Pointer
	if ptr == "" {
		ptr = "(root)"
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + ": " + ptr + ": " + p.Message.In("en")
}

// ErrorKind says what kind of problem keeps a file from being shown.
type ErrorKind uint8

// The kinds of Error.
const (
	// Syntax: the file is not JSON, or not JSON a file may be.
	Syntax ErrorKind = iota + 1
	// NotCitizenPromise: the file is JSON but not a bundle or promise
	// document of format 1.x.
	NotCitizenPromise
	// Structure: the file breaks the format's JSON Schema: an unknown
	// property, a value of the wrong type or form, a missing property.
	Structure
	// Invalid: the file has the format's structure but breaks the
	// model's invariants (promise.Document.Validate and
	// followup.Report.Validate).
	Invalid
	// Internal: a bug of the widget (CodeInternal).
	Internal
)

// Error is a file Decode refuses, with its problems in file order.
type Error struct {
	Kind     ErrorKind
	Problems []Problem
	// More is how many more problems there are than listed.
	More int
}

// Error returns the first problem and the count of the rest, in English.
func (e *Error) Error() string {
	if len(e.Problems) == 0 {
		return "strict: the file cannot be read"
	}
	s := "strict: " + e.Problems[0].String()
	if n := len(e.Problems) - 1 + e.More; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	return s
}

// msg is a message template in English and Swedish; {arg} and {want} are
// replaced by the problem's Arg and Want (in Swedish, the word for a type
// is translated).
type msg struct{ en, sv string }

var messages = map[Code]msg{
	CodeEmpty:         {"the file is empty: it holds no JSON value", "filen är tom: den innehåller inget JSON-värde"},
	CodeEOF:           {"the file ends in the middle of a value: it is cut off, or a closing } ] or \" is missing", "filen tar slut mitt i ett värde: den är avkortad, eller så saknas ett avslutande } ] eller \""},
	CodeUnexpected:    {"unexpected character {arg}: this is not JSON (missing comma, quote or bracket?)", "oväntat tecken {arg}: detta är inte JSON (saknas ett kommatecken, citattecken eller en parentes?)"},
	CodeUTF8:          {"byte {arg} is not UTF-8: save the file as UTF-8", "byten {arg} är inte UTF-8: spara filen som UTF-8"},
	CodeControl:       {"a line break or control character inside a text: write it as \\n, or close the text with \"", "en radbrytning eller ett styrtecken i en text: skriv det som \\n, eller avsluta texten med \""},
	CodeEscape:        {"an escape with backslash that JSON does not have (\\{arg}): write \\\\ for a backslash", "ett omvänt snedstreck som JSON inte känner till (\\{arg}): skriv \\\\ för ett omvänt snedstreck"},
	CodeSurrogate:     {"the escape {arg} is half a character", "escape-sekvensen {arg} är ett halvt tecken"},
	CodeLeadingZero:   {"a number starts with 0: write it without leading zeros", "ett tal börjar med 0: skriv det utan inledande nollor"},
	CodeTrailingComma: {"a comma before {arg}: remove it", "ett kommatecken före {arg}: ta bort det"},
	CodeTrailing:      {"{arg} after the end of the value: the file holds more than one value", "{arg} efter värdets slut: filen innehåller mer än ett värde"},
	CodeTooDeep:       {"objects and lists nested more than {arg} deep", "objekt och listor i mer än {arg} nivåer"},
	CodeDuplicateKey:  {"\"{arg}\" appears twice in the same object", "\"{arg}\" förekommer två gånger i samma objekt"},
	CodeNumberRange:   {"the number {arg} is too large", "talet {arg} är för stort"},

	CodeNotObject:     {"the file is not a JSON object ({…})", "filen är inte ett JSON-objekt ({…})"},
	CodeSchemaMissing: {"the file does not say what it is: \"$schema\" is missing", "filen säger inte vad den är: \"$schema\" saknas"},
	CodeSchemaUnknown: {"\"$schema\" is {arg}: the widget shows a bundle or a promise document", "\"$schema\" är {arg}: widgeten visar en bundle eller ett löftesdokument"},
	CodeSchemaVersion: {"schemaVersion {arg} is not supported: the widget reads version 1.x", "schemaVersion {arg} stöds inte: widgeten läser version 1.x"},

	CodeType:              {"must be {want}, not {arg}", "ska vara {want}, inte {arg}"},
	CodeRequired:          {"\"{arg}\" is missing", "\"{arg}\" saknas"},
	CodeDependentRequired: {"\"{arg}\" is missing: it goes with \"{want}\"", "\"{arg}\" saknas: den hör ihop med \"{want}\""},
	CodeContains:          {"the list lacks a value the format requires here", "listan saknar ett värde som formatet kräver här"},
	CodeUnknown:           {"\"{arg}\" is not part of the format: remove it, or correct its spelling", "\"{arg}\" ingår inte i formatet: ta bort den, eller rätta stavningen"},
	CodeNotAllowed:        {"this property is not allowed here", "egenskapen är inte tillåten här"},
	CodePropertyName:      {"the key is not allowed: {arg}", "nyckeln är inte tillåten: {arg}"},
	CodeEnum:              {"{arg} is not allowed here: use one of {want}", "{arg} är inte tillåtet här: använd något av {want}"},
	CodeConst:             {"{arg} is not allowed here: it must be {want}", "{arg} är inte tillåtet här: det ska vara {want}"},
	CodePattern:           {"{arg} is not {want}", "{arg} är inte {want}"},
	CodeFormat:            {"{arg} is not {want}", "{arg} är inte {want}"},
	// A value of the right form that names no such thing: a date such as
	// 2019-02-30 (its form is a date's).
	codeFormatDate:       {"{arg} is not a date that exists: check the day and month", "{arg} är inget datum som finns: kontrollera dag och månad"},
	CodeMinLength:        {"the text is shorter than {want} characters", "texten är kortare än {want} tecken"},
	CodeMaxLength:        {"the text is longer than {want} characters", "texten är längre än {want} tecken"},
	CodeMinItems:         {"the list holds too few items: at least {want}", "listan har för få poster: minst {want}"},
	CodeMaxItems:         {"the list holds too many items: at most {want}", "listan har för många poster: högst {want}"},
	CodeUnique:           {"{arg} is in the list twice", "{arg} finns två gånger i listan"},
	CodeMinProperties:    {"must hold at least {want}: it is empty", "ska innehålla minst {want}: det är tomt"},
	CodeMaxProperties:    {"may hold at most {want} properties", "får innehålla högst {want} egenskaper"},
	CodeMinimum:          {"{arg} is less than {want}", "{arg} är mindre än {want}"},
	CodeMaximum:          {"{arg} is more than {want}", "{arg} är större än {want}"},
	CodeExclusiveMinimum: {"{arg} must be more than {want}", "{arg} ska vara större än {want}"},
	CodeExclusiveMaximum: {"{arg} must be less than {want}", "{arg} ska vara mindre än {want}"},
	CodeMultipleOf:       {"{arg} must be a whole number", "{arg} ska vara ett heltal"},
	CodeAnyOf:            {"this fits none of the forms the format allows here", "detta passar ingen av de former som formatet tillåter här"},
	CodeOneOf:            {"this must fit exactly one of the forms the format allows here", "detta ska passa exakt en av de former som formatet tillåter här"},
	CodeNot:              {"this is not allowed here", "detta är inte tillåtet här"},
	CodeDecode:           {"{arg} cannot be read: {want}", "{arg} kan inte läsas: {want}"},
	CodeInternal:         {"internal error of the widget, please report it: {want}", "internt fel i widgeten, rapportera det gärna: {want}"},
}

// words translates what Want holds into each language: JSON types, and
// the names of the forms a pattern or format describes (the $def or
// property that holds it in the schema).
var words = map[string]msg{
	"null":    {"null", "null"},
	"boolean": {"true or false", "true eller false"},
	"object":  {"an object ({…})", "ett objekt ({…})"},
	"array":   {"a list ([…])", "en lista ([…])"},
	"number":  {"a number", "ett tal"},
	"string":  {"a text in quotes", "en text inom citattecken"},
	"integer": {"a whole number", "ett heltal"},

	"uuid":                {"an id (a UUID such as 01912b7e-5c3a-7d4e-8f60-1a2b3c4d5e6f)", "ett id (en UUID som 01912b7e-5c3a-7d4e-8f60-1a2b3c4d5e6f)"},
	"date":                {"a date written YYYY-MM-DD, such as 2019-02-08 (or YYYY-MM or YYYY)", "ett datum skrivet ÅÅÅÅ-MM-DD, som 2019-02-08 (eller ÅÅÅÅ-MM eller ÅÅÅÅ)"},
	"languageTag":         {"a language code such as \"sv\" or \"en\"", "en språkkod som \"sv\" eller \"en\""},
	"webUrl":              {"a web address starting with https:// or http://", "en webbadress som börjar med https:// eller http://"},
	"schemaVersion":       {"a version 1.x such as \"1.0\"", "en version 1.x som \"1.0\""},
	"kommunkod":           {"a kommunkod of four digits", "en kommunkod med fyra siffror"},
	"organisationsnummer": {"an organisationsnummer written NNNNNN-NNNN", "ett organisationsnummer skrivet NNNNNN-NNNN"},
	"":                    {"of the right form", "av rätt form"},
}

// message fills in p.Message from the catalog.
func (p *Problem) message() {
	code := p.Code
	if code == CodeFormat && p.Want == "date" {
		code = codeFormatDate
	}
	m, ok := messages[code]
	if !ok {
		m = msg{string(p.Code), string(p.Code)}
	}
	p.Message = promise.Text{"en": p.fill(m.en, 0), "sv": p.fill(m.sv, 1)}
}

// fill replaces {arg} and {want} in s; want is translated word by word
// where it names types or forms ("string|null"), and so is arg where it
// names the type found.
func (p *Problem) fill(s string, lang int) string {
	arg, want := p.Arg, p.Want
	if w, ok := translate(want, lang); ok {
		want = w
	}
	if p.Code == CodeType {
		if w, ok := translate(arg, lang); ok {
			arg = w
		}
	}
	return strings.NewReplacer("{arg}", arg, "{want}", want).Replace(s)
}

func translate(want string, lang int) (string, bool) {
	parts := strings.Split(want, "|")
	out := make([]string, len(parts))
	for i, p := range parts {
		w, ok := words[p]
		if !ok {
			return "", false
		}
		out[i] = w.en
		if lang == 1 {
			out[i] = w.sv
		}
	}
	or := " or "
	if lang == 1 {
		or = " eller "
	}
	return strings.Join(out, or), true
}
