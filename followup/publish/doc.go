// Package publish renders a follow-up [followup.Evaluation] as the
// report a municipality puts on its website or takes to a Brå meeting or
// a council: [Markdown] for CMSs and repositories, [HTML] for a page of
// its own, in any language of the catalog (package promise/words).
//
// Both lay out the one view of an evaluation, package followup/view, that
// the status widget shows too: the same grouping, order, symbols and
// words. For each citizen promise and action plan: its parties, period and
// signing; a summary (the status as a banner, the overall progress, the
// counts of activities per status); a table per theme with each
// activity's target, result, status and reason, the promises as rows
// that head their activities; then what was reported on each activity
// (narrative, shortfall, substitutes, evidence, figures the reports
// disagree on) with its history as a small chart; the expected effect,
// the history of the whole, the reporting calendar, the reports seen with
// their own words, and the sources. The document's notes, written for
// editors, come last under a heading that says so.
//
// Text from the data is escaped in both formats and only absolute http(s)
// links are kept. The HTML is one standalone document: an embedded
// stylesheet for the screen and for print (A4, a page per citizen promise,
// links printed after their text), the charts as inline SVG with a title,
// a description and a table beside them, dates in time elements with
// datetime, no script, and a Content-Security-Policy of its own that
// allows only its stylesheet (by hash). A status is never told by colour
// alone: its symbol and label stand in every chip and banner. Package
// publish uses html/template and is not meant for the widget.
package publish
