package sheet

import (
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// TargetSentence says what a target aims for as a short sentence in lang:
// "minst 4 trygghetsvandringar", "klart senast 2019-06-30", "minst 1 per
// vecka". A target's own description, when it has one, comes first. The
// words are for reading; the sheet never reads them back.
func TargetSentence(t *promise.Target, doc *promise.Document, lang string) string {
	w := func(k words.Key) string { return k.In(lang) }
	value := ""
	if t.Value != nil {
		value = formatNumber(*t.Value)
	}
	unit := t.Unit.In(lang)
	var s string
	switch t.Kind {
	case promise.Count:
		cmp := w("sheet.target.atLeast")
		if t.Comparison == promise.Exactly {
			cmp = w("sheet.target.exactly")
		}
		s = join(cmp, value, unit)
		if t.Scope == promise.EachYear {
			s += w("sheet.target.eachYear")
		}
	case promise.Milestone:
		s = w("sheet.target.done")
		if !t.Due.IsZero() {
			s = w("sheet.target.doneBy") + t.Due.String()
		}
	case promise.Recurring:
		s = join(w("sheet.target.atLeast"), value, unit, w("sheet.target.per"), words.Noun(words.Key("cadence."+string(t.Every)), false, lang))
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
			s = w("sheet.target.allOf") + strings.Join(names, ", ")
		} else {
			s = join(w("sheet.target.all"), value, unit)
		}
	case promise.Continuous:
		s = w("sheet.target.continuous")
	case promise.Indicator:
		dir := w("sheet.target.increase")
		if t.Direction == promise.Decrease {
			dir = w("sheet.target.decrease")
		}
		if t.Baseline != nil {
			s = join(dir, w("sheet.target.from"), formatNumber(t.Baseline.Value), w("sheet.target.to"), value, unit)
		} else {
			s = join(dir, w("sheet.target.to"), value, unit)
		}
	default:
		s = w("sheet.target.none")
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
