// Package promise models the cooperation agreements
// (samverkansöverenskommelser) and citizen promises (medborgarlöften) that
// Swedish municipalities and the police sign, down to each promise, activity
// and target, and checks their invariants.
//
// A [Document] holds the parties, places, themes and source documents that
// [Agreement] and [CitizenPromise] values refer to by id. A citizen
// promise holds its [Promise] values and [Activity] values; an activity
// serves zero or more promises and carries the [Target] values that say
// what "done" means. Lineage links an entity to the one it renews, extends
// or carries over from.
//
// The package is pure: no I/O and no clock. Package schema decodes and
// validates the JSON exchange format; package followup evaluates progress.
//
// # Dates
//
// [Date] is a civil date in Europe/Stockholm, encoded "YYYY-MM-DD";
// [Period] is an inclusive range of dates, possibly open-ended.
//
// # Text
//
// Human text is a [Text], a map from language tag to text; Swedish ("sv")
// is the fallback.
//
// # Validation
//
// [Document.Validate] reports every broken invariant at once as
// [Violations], each with a JSON pointer, a stable [Code] and a message in
// Swedish and English.
package promise
