package sheet

import (
	"slices"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// This file holds the words of a result's value (format 1.1): a qualifier
// before the number ("drygt 300"), an outcome instead of a number or after
// it ("genomfört", "300 (genomfört)"), and a date that may be a period
// ("2019-05-01/2019-07-31", with the as-of date after a comma).

// qualifierWords are the qualifiers as the sheet writes them (first) and
// reads them (any), in Swedish and English.
var qualifierWords = []struct {
	q      promise.Qualifier
	sv, en []string
}{
	{promise.AtLeastQualifier, []string{"minst"}, []string{"at least"}},
	{promise.OverQualifier, []string{"drygt", "över"}, []string{"over", "more than"}},
	{promise.AboutQualifier, []string{"cirka", "ca", "ungefär"}, []string{"about", "circa", "approximately"}},
	{promise.UnderQualifier, []string{"knappt", "nästan"}, []string{"under", "almost", "nearly"}},
	{promise.AtMostQualifier, []string{"högst"}, []string{"at most"}},
}

var outcomeWords = []struct {
	o       followup.StatedOutcome
	sv, en  string
	aliases []string
}{
	{followup.Done, "genomfört", "done", []string{"klart", "genomförd"}},
	{followup.PartlyDone, "delvis genomfört", "partly done", []string{"delvis", "delvis genomförd"}},
	{followup.NotDone, "ej genomfört", "not done", []string{"inte genomfört", "ej genomförd", "inte genomförd"}},
}

func qualifierWord(q promise.Qualifier, lang string) string {
	for _, w := range qualifierWords {
		if w.q == q {
			if lang == "en" {
				return w.en[0]
			}
			return w.sv[0]
		}
	}
	return ""
}

func outcomeWord(o followup.StatedOutcome, lang string) string {
	for _, w := range outcomeWords {
		if w.o == o {
			return label{w.sv, w.en}.in(lang)
		}
	}
	return ""
}

// parseOutcome reads an outcome in either language, or its token.
func parseOutcome(s string) (followup.StatedOutcome, bool) {
	k := key(s)
	for _, w := range outcomeWords {
		if k == w.sv || k == w.en || k == strings.ToLower(string(w.o)) || slices.Contains(w.aliases, k) {
			return w.o, true
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
	for _, w := range qualifierWords {
		for _, word := range slices.Concat(w.sv, w.en) {
			if n := len(word) + 1; len(s) > n && strings.EqualFold(s[:n], word+" ") {
				res.Qualifier, s = w.q, strings.TrimSpace(s[n:])
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
