// Package promise models the cooperation agreements
// (samverkansöverenskommelser) and citizen promises (medborgarlöften) that
// Swedish municipalities and the police sign, down to each promise, activity
// and target, and checks their invariants.
//
// A [Document] holds the parties, people, places, themes and source
// documents that [Agreement], [ActionPlan] and [CitizenPromise] values
// refer to by id. A citizen promise holds its [Promise] values and
// [Activity] values; an activity serves zero or more promises and carries
// the [Target] values that say what "done" means. An agreement has its
// purpose, legal basis, duties and bodies; an action plan, decided for a
// part of an agreement's period, has activities of its own. Lineage links
// an entity to the one it renews, extends or carries over from (or that
// succeeds it), in this document or another.
//
// # The source is the truth
//
// Every fact a real page states has a field, and what it does not state is
// said so, never filled in: a date known only to the month is a month; a
// bound of a [Period], a citizen promise's promises, an activity's lead
// that the source does not give is named in NotStated; a list the source
// cuts off is named in Incomplete; where two sources word a promise or name
// a lead differently, each is kept with its source ([Wording],
// [SourcedLead]).
//
// The package is pure: no I/O and no clock. Package schema decodes and
// validates the JSON exchange format; package followup evaluates progress.
//
// # Dates
//
// [Date] is a civil date in Europe/Stockholm, as precise as its source:
// "YYYY-MM-DD", "YYYY-MM" or "YYYY" ([Precision]). [Period] is an inclusive
// range of dates, possibly open-ended ("tills vidare"), with bounds that may
// be unknown (not the same thing).
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
