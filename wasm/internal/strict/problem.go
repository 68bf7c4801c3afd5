package strict

import (
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
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

// messageKeys are the catalog's message of each code (package
// promise/words, strict.*): a template in which {arg} and {want} stand
// for the problem's Arg and Want, where Want, and Arg of a type problem,
// are translated when they name JSON types or forms.
var messageKeys = map[Code]words.Key{
	CodeEmpty:             "strict.empty",
	CodeEOF:               "strict.eOF",
	CodeUnexpected:        "strict.unexpected",
	CodeUTF8:              "strict.uTF8",
	CodeControl:           "strict.control",
	CodeEscape:            "strict.escape",
	CodeSurrogate:         "strict.surrogate",
	CodeLeadingZero:       "strict.leadingZero",
	CodeTrailingComma:     "strict.trailingComma",
	CodeTrailing:          "strict.trailing",
	CodeTooDeep:           "strict.tooDeep",
	CodeDuplicateKey:      "strict.duplicateKey",
	CodeNumberRange:       "strict.numberRange",
	CodeNotObject:         "strict.notObject",
	CodeSchemaMissing:     "strict.schemaMissing",
	CodeSchemaUnknown:     "strict.schemaUnknown",
	CodeSchemaVersion:     "strict.schemaVersion",
	CodeType:              "strict.type",
	CodeRequired:          "strict.required",
	CodeDependentRequired: "strict.dependentRequired",
	CodeContains:          "strict.contains",
	CodeUnknown:           "strict.unknown",
	CodeNotAllowed:        "strict.notAllowed",
	CodePropertyName:      "strict.propertyName",
	CodeEnum:              "strict.enum",
	CodeConst:             "strict.const",
	CodePattern:           "strict.pattern",
	CodeFormat:            "strict.format",
	codeFormatDate:        "strict.formatDate",
	CodeMinLength:         "strict.minLength",
	CodeMaxLength:         "strict.maxLength",
	CodeMinItems:          "strict.minItems",
	CodeMaxItems:          "strict.maxItems",
	CodeUnique:            "strict.unique",
	CodeMinProperties:     "strict.minProperties",
	CodeMaxProperties:     "strict.maxProperties",
	CodeMinimum:           "strict.minimum",
	CodeMaximum:           "strict.maximum",
	CodeExclusiveMinimum:  "strict.exclusiveMinimum",
	CodeExclusiveMaximum:  "strict.exclusiveMaximum",
	CodeMultipleOf:        "strict.multipleOf",
	CodeAnyOf:             "strict.anyOf",
	CodeOneOf:             "strict.oneOf",
	CodeNot:               "strict.not",
	CodeDecode:            "strict.decode",
	CodeInternal:          "strict.internal",
}

// words translates what Want holds into each language: JSON types, and
// the names of the forms a pattern or format describes (the $def or
// property that holds it in the schema).
// formKeys name the forms a pattern or format describes (the $def or
// property that holds it in the schema), for Want; JSON types are the
// catalog's jsontype.* words.
var formKeys = map[string]words.Key{
	"uuid":                "strict.form.uuid",
	"date":                "strict.form.date",
	"languageTag":         "strict.form.languageTag",
	"webUrl":              "strict.form.webUrl",
	"schemaVersion":       "strict.form.schemaVersion",
	"kommunkod":           "strict.form.kommunkod",
	"organisationsnummer": "strict.form.organisationsnummer",
	"":                    "strict.form.other",
}

// message fills in p.Message from the catalog, in each of its languages.
func (p *Problem) message() {
	code := p.Code
	if code == CodeFormat && p.Want == "date" {
		code = codeFormatDate
	}
	p.Message = promise.Text{}
	for _, lang := range words.Languages() {
		m, ok := words.Lookup(messageKeys[code], lang)
		if !ok {
			m = string(p.Code)
		}
		p.Message[lang] = p.fill(m, lang)
	}
}

// fill replaces {arg} and {want} in s; want is translated word by word
// where it names types or forms ("string|null"), and so is arg where it
// names the type found.
func (p *Problem) fill(s, lang string) string {
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

// translate returns the words of want, a form or JSON types joined by |,
// in lang, or false when want names neither.
func translate(want, lang string) (string, bool) {
	parts := strings.Split(want, "|")
	out := make([]string, len(parts))
	for i, p := range parts {
		k, ok := formKeys[p]
		if !ok {
			k = words.Key("jsontype." + p)
		}
		w, ok := words.Lookup(k, lang)
		if !ok {
			return "", false
		}
		out[i] = w
	}
	return strings.Join(out, words.Key("fmt.or").In(lang)), true
}
