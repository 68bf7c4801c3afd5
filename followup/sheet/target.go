package sheet

import (
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

var cadenceNames = map[promise.Cadence]label{
	promise.Daily:     {"dag", "day"},
	promise.Weekly:    {"vecka", "week"},
	promise.Monthly:   {"månad", "month"},
	promise.Quarterly: {"kvartal", "quarter"},
	promise.Tertially: {"tertial", "tertial"},
	promise.HalfYear:  {"halvår", "half-year"},
	promise.Yearly:    {"år", "year"},
}

// TargetSentence says what a target aims for as a short sentence in lang:
// "minst 4 trygghetsvandringar", "klart senast 2019-06-30", "minst 1 per
// vecka". A target's own description, when it has one, comes first. The
// words are for reading; the sheet never reads them back.
func TargetSentence(t *promise.Target, doc *promise.Document, lang string) string {
	w := func(sv, en string) string { return label{sv, en}.in(lang) }
	value := ""
	if t.Value != nil {
		value = formatNumber(*t.Value)
	}
	unit := t.Unit.In(lang)
	var s string
	switch t.Kind {
	case promise.Count:
		cmp := w("minst", "at least")
		if t.Comparison == promise.Exactly {
			cmp = w("exakt", "exactly")
		}
		s = join(cmp, value, unit)
		if t.Scope == promise.EachYear {
			s += w(" varje år", " each year")
		}
	case promise.Milestone:
		s = w("klart", "done")
		if !t.Due.IsZero() {
			s = w("klart senast ", "done by ") + t.Due.String()
		}
	case promise.Recurring:
		s = join(w("minst", "at least"), value, unit, w("per", "per"), cadenceNames[t.Every].in(lang))
	case promise.Coverage:
		var names []string
		for _, id := range t.PlaceIDs {
			for _, p := range doc.Places {
				if p.ID == id {
					names = append(names, p.Name.In(lang))
				}
			}
		}
		if len(names) > 0 {
			s = w("alla: ", "all of: ") + strings.Join(names, ", ")
		} else {
			s = join(w("alla", "all"), value, unit)
		}
	case promise.Continuous:
		s = w("löpande arbete", "continuing work")
	case promise.Indicator:
		dir := w("öka", "increase")
		if t.Direction == promise.Decrease {
			dir = w("minska", "decrease")
		}
		if t.Baseline != nil {
			s = join(dir, w("från", "from"), formatNumber(t.Baseline.Value), w("till", "to"), value, unit)
		} else {
			s = join(dir, w("till", "to"), value, unit)
		}
	default:
		s = w("inget mätbart mål", "nothing measurable")
	}
	if d := t.Description.In(lang); d != "" {
		return d + " (" + s + ")"
	}
	return s
}

func join(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}
