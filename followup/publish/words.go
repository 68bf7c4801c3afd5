package publish

import (
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// words are the report's own texts in one language.
type words struct {
	lang                                 string
	DefaultTitle, FollowUpOf             string
	StatusAt, LastReport                 string
	IllustrativeNote                     string
	Summary, Status, Count, Done         string
	GivenBy, Lead, Activity, Result      string
	Explanation, Computed, AssessmentBy  string
	FollowUp, Shortfall, Substitutes     string
	Evidence, Reported, Elsewhere        string
	Times                                string
	OtherActivities, NoActivities        string
	Effect, Target                       string
	Calendar, Period, Due, State         string
	Received                             string
	History, HistoryNote, WholePromise   string
	DateNotStated, Unknown               string
	HistoryNoteAsKnown                   string
	Reports, Final, Illustrative, Source string
	Sources, Results                     string
	Signed, In, And                      string
	Footer                               string
	months                               [12]string
	states                               map[followup.CalendarState]string
}

var swedish = &words{
	lang:               "sv",
	DefaultTitle:       "Uppföljning av medborgarlöften",
	FollowUpOf:         "Uppföljning:",
	StatusAt:           "Status per",
	LastReport:         "Senaste uppföljning",
	IllustrativeNote:   "Några av uppföljningarna nedan är illustrativa exempel, inte verkliga rapporter.",
	Summary:            "Sammanfattning",
	Status:             "Status",
	Count:              "Antal aktiviteter",
	Done:               "av målen nådda",
	GivenBy:            "Lovas av",
	Lead:               "Ansvarig",
	Activity:           "Aktivitet",
	Result:             "Resultat",
	Explanation:        "Förklaring och uppföljning",
	Computed:           "Beräknad status",
	AssessmentBy:       "Bedömning av",
	FollowUp:           "Uppföljning",
	Shortfall:          "Orsak till avvikelse",
	Substitutes:        "Gjort i stället",
	Evidence:           "Underlag",
	Reported:           "Rapporterat",
	Elsewhere:          "Genomfört utan koppling till målet",
	Times:              "gånger",
	OtherActivities:    "Aktiviteter utan kopplat löfte",
	NoActivities:       "Inga aktiviteter är kopplade till löftet.",
	Effect:             "Förväntad effekt",
	Target:             "Mål",
	Calendar:           "Rapporteringskalender",
	Period:             "Period",
	Due:                "Senast",
	State:              "Läge",
	Received:           "Inkommen",
	History:            "Historik",
	HistoryNote:        "Status i slutet av varje rapporteringsperiod, bedömd med alla uppföljningar som gäller perioden, oavsett när de publicerades.",
	HistoryNoteAsKnown: "Status i slutet av varje rapporteringsperiod, så som den var rapporterad när perioden skulle redovisas.",
	WholePromise:       "Hela medborgarlöftet",
	DateNotStated:      "datum anges inte",
	Unknown:            "okänt",
	Reports:            "Uppföljningar och källor",
	Final:              "slutrapport",
	Illustrative:       "illustrativt exempel",
	Source:             "källa",
	Sources:            "Medborgarlöftet",
	Results:            "Övriga resultat",
	Signed:             "Undertecknat",
	In:                 "i",
	And:                "och",
	Footer:             "Statusen räknas fram ur målen och de rapporterade uppgifterna enligt de regler som beskrivs i medborgarlofte (paketet followup).",
	months:             [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	states: map[followup.CalendarState]string{
		followup.PeriodUpcoming: "Pågår",
		followup.PeriodAwaiting: "Inväntas",
		followup.PeriodReceived: "Inkommen",
		followup.PeriodLate:     "Inkommen sent",
		followup.PeriodMissing:  "Saknas",
	},
}

var english = &words{
	lang:               "en",
	DefaultTitle:       "Follow-up of citizen promises",
	FollowUpOf:         "Follow-up:",
	StatusAt:           "Status as of",
	LastReport:         "Latest follow-up",
	IllustrativeNote:   "Some of the follow-ups below are illustrative examples, not real reports.",
	Summary:            "Summary",
	Status:             "Status",
	Count:              "Activities",
	Done:               "of the targets reached",
	GivenBy:            "Promised by",
	Lead:               "Responsible",
	Activity:           "Activity",
	Result:             "Result",
	Explanation:        "Explanation and follow-up",
	Computed:           "Computed status",
	AssessmentBy:       "Assessment by",
	FollowUp:           "Follow-up",
	Shortfall:          "Reason for the shortfall",
	Substitutes:        "Done instead",
	Evidence:           "Evidence",
	Reported:           "Reported",
	Elsewhere:          "Done without a link to the target",
	Times:              "times",
	OtherActivities:    "Activities of no promise",
	NoActivities:       "No activities serve this promise.",
	Effect:             "Expected effect",
	Target:             "Target",
	Calendar:           "Reporting calendar",
	Period:             "Period",
	Due:                "Due",
	State:              "State",
	Received:           "Received",
	History:            "History",
	HistoryNote:        "The status at the end of each reporting period, judged with every follow-up that covers the period, whenever it was published.",
	HistoryNoteAsKnown: "The status at the end of each reporting period, as reported by the period's due date.",
	WholePromise:       "The whole citizen promise",
	DateNotStated:      "date not stated",
	Unknown:            "unknown",
	Reports:            "Follow-ups and sources",
	Final:              "final report",
	Illustrative:       "illustrative example",
	Source:             "source",
	Sources:            "The citizen promise",
	Results:            "Other results",
	Signed:             "Signed",
	In:                 "in",
	And:                "and",
	Footer:             "The status is derived from the targets and the reported figures by the rules described in medborgarlofte (package followup).",
	months:             [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	states: map[followup.CalendarState]string{
		followup.PeriodUpcoming: "Under way",
		followup.PeriodAwaiting: "Awaited",
		followup.PeriodReceived: "Received",
		followup.PeriodLate:     "Received late",
		followup.PeriodMissing:  "Missing",
	},
}

// wordsFor returns the report's texts in lang: English for "en" and its
// variants, Swedish otherwise.
func wordsFor(lang string) *words {
	if lang == "en" || strings.HasPrefix(lang, "en-") {
		return english
	}
	return swedish
}

func (t *words) state(s followup.CalendarState) string {
	if l, ok := t.states[s]; ok {
		return l
	}
	return string(s)
}

// longDate is "8 februari 2019" / "8 February 2019", "februari 2019" for a
// month and "2019" for a year: as precise as the source.
func longDate(d promise.Date, t *words) string {
	switch d.Precision() {
	case promise.YearPrecision:
		if d.IsZero() {
			return ""
		}
		return strconv.Itoa(d.Year())
	case promise.MonthPrecision:
		return t.months[d.Month()-1] + " " + strconv.Itoa(d.Year())
	}
	return strconv.Itoa(d.Day()) + " " + t.months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// longPeriod is "1 januari–31 december 2019", "2019", "oktober 2018–2019",
// "från 1 januari 2024" for an open period, and "okänt" for a bound the
// source does not state.
func longPeriod(p promise.Period, t *words) string {
	bound := func(d promise.Date, unknown bool) string {
		if d.IsZero() && unknown {
			return t.Unknown
		}
		return longDate(d, t)
	}
	switch {
	case p.IsZero():
		return t.Unknown
	case p.Open():
		if t.lang == "en" {
			return "from " + bound(p.Start, p.StartUnknown())
		}
		return "från " + bound(p.Start, p.StartUnknown())
	case p.Start == p.End:
		return longDate(p.Start, t)
	case p.Start.Precision() == promise.DayPrecision && p.End.Precision() == promise.DayPrecision && p.Start.Year() == p.End.Year():
		return strconv.Itoa(p.Start.Day()) + " " + t.months[p.Start.Month()-1] + "–" + longDate(p.End, t)
	}
	return bound(p.Start, p.StartUnknown()) + "–" + bound(p.End, p.EndUnknown())
}

// shortPeriod is "2019-01-01–2019-04-30".
func shortPeriod(p promise.Period) string {
	if p.Open() {
		return p.Start.String() + "–"
	}
	return p.Start.String() + "–" + p.End.String()
}
