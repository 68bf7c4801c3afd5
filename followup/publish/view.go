package publish

import (
	"github.com/medborgarlofte/medborgarlofte/followup"
)

// The view is the report with every text resolved to one language and
// every date and number formatted: the Markdown writer and the HTML
// template only lay it out.

type view struct {
	Lang  string
	T     *texts
	Title string
	At    string
	CPs   []cpView
}

type cpView struct {
	Anchor       string
	Title        string
	Parties      string
	Period       string
	Signed       string
	Status       statusView
	Reason       string
	Progress     int
	Counts       []countView
	LastReport   string
	Illustrative bool
	Groups       []groupView
	Effect       []targetView
	Calendar     []calendarRow
	History      historyView
	Reports      []reportView
	Results      []string
	Sources      []linkView
}

type statusView struct {
	Token, Label, Icon string
}

type countView struct {
	Status statusView
	Count  int
}

// groupView is a theme (or no theme) with its promises, and the
// activities of the theme that serve no promise (under Subtitle when
// there are promises too).
type groupView struct {
	Title      string
	Promises   []promiseView
	Subtitle   string
	Activities []activityView
}

type promiseView struct {
	Anchor     string
	Text       string
	GivenBy    string
	Status     statusView
	Reason     string
	Progress   int
	Activities []activityView
}

type activityView struct {
	Anchor     string
	Text       string
	Lead       string
	Status     statusView
	Numbers    string
	Reason     string
	Computed   *statusView
	Assessment string
	Updates    []updateView
	Results    []string
	Elsewhere  []string
}

type updateView struct {
	Heading      string // "Uppföljning 2020-01-28, Strängnäs kommun"
	Illustrative bool
	Narrative    string
	Shortfall    string
	Substitutes  []string
	Evidence     []linkView
}

type targetView struct {
	Text    string
	Status  statusView
	Numbers string
	Reason  string
}

type linkView struct {
	URL, Text string
}

type calendarRow struct {
	Period, Due, State, Received string
}

type historyView struct {
	Periods []string
	Rows    []historyRow
}

type historyRow struct {
	Name  string
	Cells []statusView
}

type reportView struct {
	Date, Title, Period, By string
	Final, Illustrative     bool
	// Summary and Notes are the report's own words, shown with it.
	Summary string
	Notes   []string
	Links   []linkView
}

// icons mark each status, so that it is never told by colour alone; the
// label always stands beside the icon.
var icons = map[followup.Status]string{
	followup.NotStarted:     "○",
	followup.OnTrack:        "→",
	followup.AtRisk:         "!",
	followup.Behind:         "↓",
	followup.Achieved:       "✓",
	followup.PartlyAchieved: "◐",
	followup.NotAchieved:    "✗",
	followup.AwaitingReport: "…",
	followup.NotReported:    "?",
	followup.Unassessable:   "–",
	followup.Withdrawn:      "⊘",
}

func status(s followup.Status, lang string) statusView {
	return statusView{Token: s.String(), Label: s.Label(lang), Icon: icons[s]}
}
