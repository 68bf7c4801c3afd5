package promise

import (
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Code is the stable, machine-readable name of a kind of [Violation]. Codes
// never change meaning; tools may branch on them.
type Code string

// The codes of [Document.Validate].
const (
	CodeMissing         Code = "missing"         // a required value is absent or blank
	CodeDuplicateID     Code = "duplicate-id"    // two entities share an id
	CodeDanglingRef     Code = "dangling-ref"    // an id names nothing, or the wrong kind of thing
	CodeBadValue        Code = "bad-value"       // a value outside its allowed set or range
	CodeDateOrder       Code = "date-order"      // an end before its start, a due date before its period
	CodeOutsidePeriod   Code = "outside-period"  // a window or date outside the period that holds it
	CodeNotApplicable   Code = "not-applicable"  // a field that does not apply to this kind of target
	CodeNotAParty       Code = "not-a-party"     // a promise given by no party of its citizen promise
	CodeCycle           Code = "cycle"           // a parent chain that loops
	CodeBadLink         Code = "bad-link"        // a link that is not an absolute http(s) URL
	CodeSchemaVersion   Code = "schema-version"  // an unsupported schemaVersion
	CodeDuplicateRef    Code = "duplicate-ref"   // the same id twice in one list
	CodeBadLanguage     Code = "bad-language"    // a text keyed by something that is not a language tag
	CodeSignatoryParty  Code = "signatory-party" // a signatory of a party that is not among the signers
	CodeTargetValue     Code = "target-value"    // a target whose numbers make no sense (N ≤ 0, baseline = target)
	CodeBadIdentifier   Code = "bad-identifier"  // a kommunkod or organisationsnummer of the wrong form
	CodeEmptyCollection Code = "empty"           // a list that must hold at least one item is empty
	CodeTooMany         Code = "too-many"        // more violations than are listed; the last one says how many
)

// Violation is one broken invariant of a [Document]: where (an RFC 6901 JSON
// pointer into the document's JSON form), what (a stable [Code]) and a
// message for people in Swedish and English.
type Violation struct {
	Pointer string `json:"pointer"`
	Code    Code   `json:"code"`
	Message Text   `json:"message"`
	// Count is, for CodeTooMany, how many more violations there are than
	// are listed.
	Count int `json:"count,omitempty"`
}

// Error returns the violation in English, prefixed by its pointer.
func (v Violation) Error() string {
	return "promise: " + v.Pointer + ": " + v.Message.In("en")
}

// Violations is every violation found in a document. It is the error that
// [Document.Validate] returns.
type Violations []Violation

// Error joins the violations' English messages, one a line.
func (vs Violations) Error() string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(v.Error())
	}
	return b.String()
}

// msg is a message of the catalog (package promise/words).
type msg words.Key

func (m msg) text(args ...any) Text { return Text(words.M(words.Key(m), args...).Text()) }
