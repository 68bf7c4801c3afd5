package sheet

import (
	"slices"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// This file holds the words of a result's value (format 1.1): a qualifier
// before the number ("drygt 300"), an outcome instead of a number or after
// it ("genomfört", "300 (genomfört)"), and a date that may be a period
// ("2019-05-01/2019-07-31", with the as-of date after a comma).

// The qualifiers and outcomes as the sheet writes them (the catalog's
// "qualifier.…" and "outcome.…") and reads them: those, and the words of
// "sheet.read.…" in any language ("|" between alternatives).
var (
	qualifiers = []promise.Qualifier{promise.AtLeastQualifier, promise.OverQualifier, promise.AboutQualifier, promise.UnderQualifier, promise.AtMostQualifier}
	outcomes   = []followup.StatedOutcome{followup.Done, followup.PartlyDone, followup.NotDone}
)

func qualifierWord(q promise.Qualifier, lang string) string {
	if q == "" {
		return ""
	}
	return words.Key("qualifier." + string(q)).In(lang)
}

func outcomeWord(o followup.StatedOutcome, lang string) string {
	if o == "" {
		return ""
	}
	return words.Key("outcome." + string(o)).In(lang)
}

// readings returns what the sheet reads as the word of key k: its text in
// every language, and the alternatives of "sheet.read." and k.
func readings(k string) []string {
	var out []string
	for _, lang := range words.Languages() {
		out = append(out, words.Key(k).In(lang))
		out = append(out, strings.Split(words.Key("sheet.read."+k).In(lang), "|")...)
	}
	return out
}

// parseOutcome reads an outcome in any language, or its token.
func parseOutcome(s string) (followup.StatedOutcome, bool) {
	k := key(s)
	for _, o := range outcomes {
		if k == strings.ToLower(string(o)) || slices.ContainsFunc(readings("outcome."+string(o)), func(w string) bool { return key(w) == k }) {
			return o, true
		}
	}
	return "", false
}

// formatValue writes a result's value field.
func formatValue(res *followup.Result, lang string) string {
	if res.Value == nil {
		return outcomeWord(res.Outcome, lang)
	}
	s := formatNumber(*res.Value)
	if w := qualifierWord(res.Qualifier, lang); w != "" {
		s = w + " " + s
	}
	if res.Outcome != "" {
		s += " (" + outcomeWord(res.Outcome, lang) + ")"
	}
	return s
}

// parseValue reads a result's value field into res; false when it is
// neither a number (with a qualifier and an outcome, as written by
// formatValue) nor an outcome.
func parseValue(s string, res *followup.Result) bool {
	s = strings.TrimSpace(s)
	if o, ok := parseOutcome(s); ok {
		res.Outcome = o
		return true
	}
	if open := strings.LastIndex(s, " ("); open >= 0 && strings.HasSuffix(s, ")") {
		o, ok := parseOutcome(s[open+2 : len(s)-1])
		if !ok {
			return false
		}
		res.Outcome, s = o, strings.TrimSpace(s[:open])
	}
	for _, q := range qualifiers {
		for _, word := range readings("qualifier." + string(q)) {
			if n := len(word) + 1; len(s) > n && strings.EqualFold(s[:n], word+" ") {
				res.Qualifier, s = q, strings.TrimSpace(s[n:])
			}
		}
	}
	v, ok := parseNumber(s)
	if !ok {
		return false
	}
	res.Value = &v
	return true
}

// formatWhen writes a result's date field: its date, its period, or the
// period and, after a comma, the date.
func formatWhen(res *followup.Result) string {
	date := ""
	if !res.Date.IsZero() {
		date = res.Date.String()
	}
	if res.Period == nil {
		return date
	}
	s := res.Period.Start.String() + "/" + res.Period.End.String()
	if date != "" {
		s += ", " + date
	}
	return s
}

// parseWhen reads a result's date field; the name of the part that is not
// a date, when one is not.
func parseWhen(s string, res *followup.Result) (bad string) {
	period, date, hasDate := strings.Cut(s, ",")
	if !strings.Contains(period, "/") {
		period, date, hasDate = "", s, true
	}
	if hasDate && strings.TrimSpace(date) != "" {
		d, ok := parseDate(date)
		if !ok {
			return strings.TrimSpace(date)
		}
		res.Date = d
	}
	if period != "" {
		start, end, _ := strings.Cut(period, "/")
		from, ok1 := parseDate(start)
		through, ok2 := parseDate(end)
		if !ok1 || !ok2 {
			return strings.TrimSpace(period)
		}
		res.Period = &promise.Period{Start: from, End: through}
	}
	return ""
}
