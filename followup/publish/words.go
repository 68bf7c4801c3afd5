package publish

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// texts are the report's own texts in one language.
type texts struct {
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
}

// wordsFor returns the report's texts in lang, from the catalog (package
// promise/words; Swedish for a language without a catalog).
func wordsFor(lang string) *texts {
	lang = words.Lang(lang)
	k := func(key words.Key) string { return key.In(lang) }
	return &texts{
		lang:               lang,
		DefaultTitle:       k("publish.defaultTitle"),
		FollowUpOf:         k("publish.followUpOf"),
		StatusAt:           k("publish.statusAt"),
		LastReport:         k("publish.lastReport"),
		IllustrativeNote:   k("publish.illustrativeNote"),
		Summary:            k("publish.summary"),
		Status:             k("publish.status"),
		Count:              k("publish.count"),
		Done:               k("publish.done"),
		GivenBy:            k("publish.givenBy"),
		Lead:               k("publish.lead"),
		Activity:           k("publish.activity"),
		Result:             k("publish.result"),
		Explanation:        k("publish.explanation"),
		Computed:           k("publish.computed"),
		AssessmentBy:       k("publish.assessmentBy"),
		FollowUp:           k("publish.followUp"),
		Shortfall:          k("publish.shortfall"),
		Substitutes:        k("publish.substitutes"),
		Evidence:           k("publish.evidence"),
		Reported:           k("publish.reported"),
		Elsewhere:          k("publish.elsewhere"),
		Times:              k("publish.times"),
		OtherActivities:    k("publish.otherActivities"),
		NoActivities:       k("publish.noActivities"),
		Effect:             k("publish.effect"),
		Target:             k("publish.target"),
		Calendar:           k("publish.calendar"),
		Period:             k("publish.period"),
		Due:                k("publish.due"),
		State:              k("publish.state"),
		Received:           k("publish.received"),
		History:            k("publish.history"),
		HistoryNote:        k("publish.historyNote"),
		HistoryNoteAsKnown: k("publish.historyNoteAsKnown"),
		WholePromise:       k("publish.wholePromise"),
		DateNotStated:      k("publish.dateNotStated"),
		Unknown:            k("publish.unknown"),
		Reports:            k("publish.reports"),
		Final:              k("publish.final"),
		Illustrative:       k("publish.illustrative"),
		Source:             k("publish.source"),
		Sources:            k("publish.sources"),
		Results:            k("publish.results"),
		Signed:             k("publish.signed"),
		In:                 k("publish.in"),
		And:                k("publish.and"),
		Footer:             k("publish.footer"),
	}
}

func (t *texts) state(s followup.CalendarState) string {
	return words.Key("calendar." + string(s)).In(t.lang)
}

// longDate is "8 februari 2019" / "8 February 2019", "februari 2019" for a
// month and "2019" for a year: as precise as the source.
func longDate(d promise.Date, t *texts) string {
	if d.IsZero() {
		return ""
	}
	return string(words.AppendLongDate(nil, d.Year(), d.Month(), d.Day(), t.lang))
}

// longPeriod is "1 januari–31 december 2019", "2019", "oktober 2018–2019",
// "från 1 januari 2024" for an open period, and "okänt" for a bound the
// source does not state.
func longPeriod(p promise.Period, t *texts) string {
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
		return words.M("publish.from", bound(p.Start, p.StartUnknown())).In(t.lang)
	case p.Start == p.End:
		return longDate(p.Start, t)
	case p.Start.Precision() == promise.DayPrecision && p.End.Precision() == promise.DayPrecision && p.Start.Year() == p.End.Year():
		return words.M("fmt.dayMonth", strconv.Itoa(p.Start.Day()), words.Month(p.Start.Month(), t.lang)).In(t.lang) + "–" + longDate(p.End, t)
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
