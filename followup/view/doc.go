// Package view builds the one view of a follow-up [followup.Evaluation]
// that every layout shows: the published report (package
// followup/publish, Markdown and HTML) and the status widget (package
// wasm) lay out the same tree, so that they group, order, name and mark
// everything alike.
//
// [Build] turns a bundle, its evaluation, a language and [Options] into a
// [Page]: for each citizen promise and action plan its title, parties,
// period (a bound the source does not state is "okänt", an open end "tills
// vidare") and signing; a summary (status, progress, and counts that say
// what they count: "7 aktiviteter: Uppfyllt 4 …"); the promises grouped
// by their first theme, each with who gives it, its status and its
// activities (text, lead or "anges inte", targets as sentences, result,
// status, reason, what each report said, figures the reports disagree on,
// leads the sources disagree on); the history of each activity per
// reporting period, the data of a chart; the reports seen with their own
// words; and the sources. Every text is resolved to the language and
// every number and date formatted, all from the catalog (package
// promise/words).
//
// The document's notes are written for editors ("coverage", "comparison
// exactly", where sources differ): the page keeps them in Notes fields for
// a layout that wants them, and a layout for citizens leaves them out.
//
// The package is pure and small (no fmt, no templates, no reflection):
// the widget compiles it to WebAssembly.
package view
