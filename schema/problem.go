package schema

import (
	"fmt"
	"slices"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Severity says whether a [Problem] makes a file invalid.
type Severity uint8

// The severities.
const (
	Error   Severity = iota // the file is invalid
	Warning                 // the file is valid, but something deserves a look
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Code is the stable, machine-readable name of a kind of [Problem]: one
// namespace with the codes of the document's invariants ([promise.Code] is
// the same type), the others listed here.
type Code = promise.Code

// The codes of problems found before or instead of the invariants.
const (
	CodeTooLarge      Code = "too-large"         // the file exceeds Options.MaxBytes
	CodeEmpty         Code = "empty-file"        // the file holds no JSON value (a list without entries is promise.CodeEmptyCollection, "empty")
	CodeSyntax        Code = "syntax"            // the file is not JSON
	CodeInvalidUTF8   Code = "invalid-utf8"      // the file is not UTF-8 text
	CodeDuplicateKey  Code = "duplicate-key"     // the same key twice in one object
	CodeTooDeep       Code = "too-deep"          // nesting beyond Options.MaxDepth
	CodeTrailingData  Code = "trailing-data"     // something after the JSON value
	CodeNumberRange   Code = "number-range"      // a number too large to represent
	CodeBOM           Code = "byte-order-mark"   // a UTF-8 byte order mark (a warning)
	CodeNotObject     Code = "not-object"        // the file is JSON, but not an object
	CodeSchemaMissing Code = "schema-missing"    // no "$schema" naming the kind of file
	CodeSchemaUnknown Code = "schema-unknown"    // a "$schema" this package does not know
	CodeSchemaVersion Code = "schema-version"    // an unsupported "schemaVersion"
	CodeStructure     Code = "structure"         // the JSON Schema is not satisfied (see Problem.Keyword)
	CodeDecode        Code = "decode"            // the JSON could not be read into the model
	CodeTooMany       Code = promise.CodeTooMany // more problems than MaxProblems; the rest are not listed
)

// Problem is one thing wrong with a file: where, what, and a message that
// says what to do, in Swedish and English.
type Problem struct {
	// Line and Column are 1-based; Column counts characters (runes), not
	// bytes. Offset is the 0-based byte offset in the file as given.
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
	// Pointer is the RFC 6901 JSON pointer of the value concerned; "" is
	// the whole file. A reference token longer than 256 bytes (a property
	// name no real file has) is shortened to its first and last 100 bytes
	// around "…", so that the pointer no longer names the value: Offset
	// still places it.
	Pointer  string   `json:"pointer"`
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Keyword is the JSON Schema keyword that failed ("required",
	// "additionalProperties", "pattern" …), for CodeStructure; "false"
	// for a property that a false schema forbids (a field that does not
	// apply to a kind of target).
	Keyword string       `json:"keyword,omitempty"`
	Message promise.Text `json:"message"`
}

// Error returns the problem in English as "LINE:COL: POINTER: message".
func (p Problem) Error() string {
	return fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Column, DisplayPointer(p.Pointer, "en"), p.Message.In("en"))
}

// Format returns the problem as one line of the validator's output,
// "FILE:LINE:COL: POINTER: message", in lang ("sv" or "en"), with warnings
// marked as such.
func (p Problem) Format(file, lang string) string {
	warning := ""
	if p.Severity == Warning {
		warning = words.Key("schema.warningPrefix").In(lang)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s%s", file, p.Line, p.Column, DisplayPointer(p.Pointer, lang), warning, p.Message.In(lang))
}

// DisplayPointer returns ptr for display: the pointer itself, or "(root)"
// ("(roten)" in Swedish) for the empty pointer that names the whole file.
func DisplayPointer(ptr, lang string) string {
	if ptr != "" {
		return ptr
	}
	return words.Key("schema.root").In(lang)
}

// Problems is every problem found in one file, ordered by position.
type Problems []Problem

// Invalid reports whether any problem is an [Error].
func (ps Problems) Invalid() bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == Error })
}

// msg is a message in English and Swedish with the same arguments.
// msg is a message of the catalog (package promise/words).
type msg words.Key

func (m msg) text(args ...any) promise.Text {
	return promise.Text(words.M(words.Key(m), args...).Text())
}

// typed is the message with the name of v's JSON type before the other
// arguments.
func (m msg) typed(v any, args ...any) promise.Text {
	return m.text(append([]any{words.Key("jsontype." + typeOf(v))}, args...)...)
}
