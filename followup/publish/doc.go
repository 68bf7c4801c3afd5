// Package publish renders a follow-up [followup.Evaluation] as the
// report a municipality puts on its website or takes to a Brå meeting:
// [Markdown] for CMSs and repositories, [HTML] for a page of its own, each
// in Swedish or English.
//
// The report follows the evaluation: the citizen promise with its parties,
// period and signing; a summary with the roll-up, the share of targets
// reached and the count of activities per status; the promises grouped by
// focus area, each with who gives it, its status and its activities (the
// status as icon and text, the numbers, the reason, the latest manual
// assessment, disagreeing figures, and what each report said: narrative,
// reasons for shortfalls, substitute work, evidence links); the activities
// of no promise; the expected effect; the history per reporting period;
// the reporting calendar with late and missing reports; and the reports
// and sources, illustrative ones marked as such.
//
// Text from the data is escaped in both formats and only absolute http(s)
// links are kept. The HTML is one self-contained document without script
// or inline style (classes status and status-<token> are there for a
// site's own stylesheet), so that it passes a strict
// Content-Security-Policy and WCAG's demand that status is never told by
// colour alone. Package publish uses html/template and is not meant for
// the widget; package followup stays free of it.
package publish
