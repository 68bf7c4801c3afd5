package view

import (
	"math"
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// symbols stand beside each status's label, one per status in the order
// of the followup.Status constants: the widget and the report draw the
// same.
var symbols = [...]string{
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

// StatusOf returns s with its label in lang and its symbol.
func StatusOf(s followup.Status, lang string) Status {
	sym := "?"
	if int(s) < len(symbols) {
		sym = symbols[s]
	}
	return Status{Token: s.String(), Label: s.Label(lang), Symbol: sym}
}

// DateOf returns d as people read it in lang, as precise as its source,
// with its ISO form; the zero Date for no date.
func DateOf(d promise.Date, lang string) Date {
	if d.IsZero() {
		return Date{}
	}
	return Date{ISO: d.String(), Text: string(words.AppendLongDate(nil, d.Year(), d.Month(), d.Day(), lang))}
}

func longDate(d promise.Date, lang string) string { return DateOf(d, lang).Text }

// PeriodText returns p in words: "1 januari–31 december 2019", "2019",
// "oktober 2018–2019", "från 1 januari 2024, tills vidare" for an open
// period, and "okänt" for a bound the source does not state.
func PeriodText(p promise.Period, lang string) string {
	bound := func(d promise.Date, unknown bool) string {
		if d.IsZero() && unknown {
			return words.Key("fmt.unknown").In(lang)
		}
		return longDate(d, lang)
	}
	switch {
	case p.IsZero(), p.Start.IsZero() && p.End.IsZero() && p.StartUnknown() && p.EndUnknown():
		return words.Key("fmt.unknown").In(lang)
	case p.Open():
		return words.M("view.openPeriod", bound(p.Start, p.StartUnknown())).In(lang)
	case p.Start == p.End && !p.Start.IsZero():
		return longDate(p.Start, lang)
	case p.Start.Precision() == promise.DayPrecision && p.End.Precision() == promise.DayPrecision && p.Start.Year() == p.End.Year():
		return words.M("fmt.dayMonth", strconv.Itoa(p.Start.Day()), words.Month(p.Start.Month(), lang)).In(lang) + "–" + longDate(p.End, lang)
	}
	return bound(p.Start, p.StartUnknown()) + "–" + bound(p.End, p.EndUnknown())
}

// shortPeriod names a reporting period briefly, for the axis of a chart:
// "januari–april 2019" for whole months of one year, else as PeriodText.
func shortPeriod(p promise.Period, lang string) string {
	from, through := p.From(), p.Through()
	if !p.Open() && !from.IsZero() && !through.IsZero() && from.Year() == through.Year() &&
		from.Day() == 1 && through.AddDays(1).Day() == 1 {
		y := strconv.Itoa(from.Year())
		if from.Month() == through.Month() {
			return words.Month(from.Month(), lang) + " " + y
		}
		return words.Month(from.Month(), lang) + "–" + words.Month(through.Month(), lang) + " " + y
	}
	return PeriodText(p, lang)
}

// Percent returns a share in [0, 1] as a whole percentage.
func Percent(f float64) int {
	return min(max(int(math.Round(f*100)), 0), 100)
}

// PercentText writes a whole percentage as lang does: "83 %", "83%".
func PercentText(p int, lang string) string {
	return string(words.AppendShare(nil, float64(p)/100, lang))
}

func number(v float64, lang string) string {
	return string(words.AppendNumber(nil, v, 2, lang))
}
