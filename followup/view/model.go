package view

// The tree of a page. Every text is resolved to the page's language and
// every number and date formatted; a layout only places it.

// Page is what a page shows of an evaluation: one Section per citizen
// promise and per action plan, in the document's order.
type Page struct {
	Lang  string
	Title Text
	// At is the date of the status.
	At Date
	// View is the evaluation's view of time ("period" or "asKnown"),
	// ViewNote says in words which follow-ups count in it, and
	// HistoryNote what the history of that view shows.
	View        string
	ViewNote    string
	HistoryNote string
	Sections    []Section
}

// Text is a text of the data in the page's language, or in another when
// the data has none in it: Lang is then that language (a layout marks
// it with a lang attribute), else empty.
type Text struct {
	_    noCompare
	S    string `json:"s"`
	Lang string `json:"lang,omitempty"`
}

// Date is a date as people read it ("8 februari 2019", "februari 2019")
// with its ISO form for a machine (a time element's datetime).
type Date struct {
	_    noCompare
	ISO  string `json:"iso"`
	Text string `json:"text"`
}

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d.ISO == "" }

// Status is a status as its token (for classes and data attributes), its
// label and the symbol that stands beside the label so that a status is
// never told by colour alone.
type Status struct {
	_      noCompare
	Token  string `json:"token"`
	Label  string `json:"label"`
	Symbol string `json:"symbol"`
}

// Link is a link to an absolute http(s) URL; others are dropped.
type Link struct {
	_    noCompare
	URL  string `json:"url"`
	Text Text   `json:"text"`
}

// Section is one citizen promise or action plan.
type Section struct {
	// Kind is "citizenPromise" or "actionPlan".
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Parties string `json:"parties"`
	// Period is the period in words, with a bound the source does not
	// state as "okänt" and an open end as "tills vidare".
	Period string `json:"period"`
	// Signed is "Undertecknat 8 februari 2019 i Strängnäs" (a citizen
	// promise) or "Beslutad …" (an action plan); SignedDate its date.
	Signed     string   `json:"signed,omitempty"`
	SignedDate Date     `json:"signedDate"`
	Summary    Summary  `json:"summary"`
	Themes     []Theme  `json:"themes"`
	Effect     []Target `json:"effect,omitempty"`
	// Calendar is the reporting calendar up to the date.
	Calendar []CalendarRow `json:"calendar,omitempty"`
	// History is the roll-up at the end of each reporting period that has
	// ended.
	History []Point  `json:"history,omitempty"`
	Reports []Report `json:"reports,omitempty"`
	// Results are figures of the whole that belong to no target.
	Results []string `json:"results,omitempty"`
	Sources []Link   `json:"sources,omitempty"`
	// Notes are the document's notes, written for editors ("(coverage)",
	// where sources differ): a layout for citizens leaves them out.
	Notes []Text `json:"notes,omitempty"`
}

// Summary is the status of a section (or of the one promise shown).
type Summary struct {
	Status   Status `json:"status"`
	Reason   string `json:"reason,omitempty"`
	Progress int    `json:"progress"`
	// ProgressText is Progress as the language writes a percentage.
	ProgressText string `json:"progressText"`
	// HasProgress is false when the status is no verdict and no pace (it
	// awaits a report, cannot be assessed, or is withdrawn): Progress then
	// counts only the activities that could be assessed, and a bar of it
	// would look better than the whole; layouts show the reason instead.
	HasProgress bool `json:"hasProgress"`
	// ProgressLabel names the bar: "Sammantagen måluppfyllelse", or, when
	// some activities could not be assessed, "Måluppfyllelse för de 6 av
	// 7 aktiviteter som kan bedömas", which is what Progress counts.
	ProgressLabel string `json:"progressLabel"`
	// Total says what is counted: "7 aktiviteter".
	Total  string  `json:"total"`
	Counts []Count `json:"counts"`
	// CountsText is the counts as a sentence: "7 aktiviteter: Uppfyllt 4,
	// Delvis uppfyllt 1 …".
	CountsText string `json:"countsText"`
	At         Date   `json:"at"`
	// LastReport is the date of the latest report seen; NoReport says
	// there is none yet.
	LastReport Date   `json:"lastReport"`
	NoReport   string `json:"noReport,omitempty"`
	// Illustrative warns that reports seen are examples, not real ones.
	Illustrative string `json:"illustrative,omitempty"`
}

// Count is how many activities have a status.
type Count struct {
	_      noCompare
	Status Status `json:"status"`
	N      int    `json:"n"`
	// Text is the count with its noun: "4 aktiviteter".
	Text string `json:"text"`
}

// Theme is a group of promises (by their first theme), with the
// activities of the theme that serve no promise.
type Theme struct {
	Title    Text      `json:"title"`
	Promises []Promise `json:"promises,omitempty"`
	// Subtitle heads Activities when there are promises too.
	Subtitle   string     `json:"subtitle,omitempty"`
	Activities []Activity `json:"activities,omitempty"`
}

// Promise is one promise with the activities that serve it.
type Promise struct {
	ID   string `json:"id"`
	Text Text   `json:"text"`
	// GivenBy is "Lovas av Polisen och Strängnäs kommun".
	GivenBy    string     `json:"givenBy,omitempty"`
	Status     Status     `json:"status"`
	Reason     string     `json:"reason,omitempty"`
	Progress   int        `json:"progress"`
	Withdrawn  string     `json:"withdrawn,omitempty"`
	Activities []Activity `json:"activities,omitempty"`
	History    []Point    `json:"history,omitempty"`
	Notes      []Text     `json:"notes,omitempty"`
}

// Activity is one activity with its follow-up.
type Activity struct {
	ID   string `json:"id"`
	Text Text   `json:"text"`
	// Lead is who leads, or "anges inte" when the source does not say.
	Lead     string `json:"lead"`
	Partners string `json:"partners,omitempty"`
	// Leads are the leads each source names, when sources disagree.
	Leads []string `json:"leads,omitempty"`
	// Targets say what each target aims for, as a sentence.
	Targets []string `json:"targets,omitempty"`
	Status  Status   `json:"status"`
	// Numbers is the result against the target: "20 av minst 8 områden".
	Numbers     string  `json:"numbers,omitempty"`
	Progress    int     `json:"progress"`
	HasProgress bool    `json:"hasProgress"`
	Reason      string  `json:"reason,omitempty"`
	Computed    *Status `json:"computed,omitempty"`
	// Assessment is the latest manual assessment, when the reason does
	// not already cite it.
	Assessment string   `json:"assessment,omitempty"`
	Updates    []Update `json:"updates,omitempty"`
	// Results are figures reported for no target.
	Results []string `json:"results,omitempty"`
	// Elsewhere is work done that counts towards no target.
	Elsewhere []string `json:"elsewhere,omitempty"`
	// Conflicts are figures the reports disagree on, with the one used.
	Conflicts []string `json:"conflicts,omitempty"`
	Withdrawn string   `json:"withdrawn,omitempty"`
	// History is the status and progress at the end of each reporting
	// period that has ended: the data of a chart.
	History []Point `json:"history,omitempty"`
	Sources []Link  `json:"sources,omitempty"`
	Notes   []Text  `json:"notes,omitempty"`
}

// Update is what one report says about an activity.
type Update struct {
	// Heading is "Uppföljning 28 januari 2020, Strängnäs kommun".
	Heading      string   `json:"heading"`
	Date         Date     `json:"date"`
	Illustrative bool     `json:"illustrative,omitempty"`
	Narrative    Text     `json:"narrative"`
	Shortfall    Text     `json:"shortfall"`
	Substitutes  []string `json:"substitutes,omitempty"`
	Evidence     []Link   `json:"evidence,omitempty"`
}

// Point is the outcome at the end of one reporting period.
type Point struct {
	_ noCompare
	// Period is short ("jan–apr 2019"), with how many reporting periods
	// it spans when it is a run of them with one outcome ("januari–augusti
	// 2019 (2 perioder)"); Start and End are ISO dates.
	Period   string `json:"period"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Status   Status `json:"status"`
	Progress int    `json:"progress"`
}

// Target is a target of the expected effect with its outcome.
type Target struct {
	_       noCompare
	Text    Text   `json:"text"`
	Status  Status `json:"status"`
	Numbers string `json:"numbers,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// CalendarRow is one reporting period of the calendar.
type CalendarRow struct {
	_ noCompare
	// Period says the period, and for a run of periods in the same state
	// how many ("januari 2024–april 2025 (16 perioder)"); FirstDue is
	// then the first one's due date, Due the last one's.
	Period   string `json:"period"`
	FirstDue Date   `json:"firstDue"`
	Due      Date   `json:"due"`
	State    string `json:"state"`
	Received Date   `json:"received"`
}

// Report is a report seen, with its own words.
type Report struct {
	Date         Date   `json:"date"`
	Title        Text   `json:"title"`
	Period       string `json:"period"`
	By           string `json:"by"`
	Final        bool   `json:"final,omitempty"`
	Illustrative bool   `json:"illustrative,omitempty"`
	Summary      Text   `json:"summary"`
	Notes        []Text `json:"notes,omitempty"`
	Links        []Link `json:"links,omitempty"`
}

// noCompare makes a type not comparable: the compiler then writes no
// equality function for it, which the widget's WebAssembly would carry
// for nothing (about 1 kB each).
type noCompare [0]func()
