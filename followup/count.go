package followup

import (
	"math"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// ofTarget is "20 av minst 8 områden" / "20 of at least 8 areas".
type ofTarget struct {
	got, want float64
	atLeast   bool
	unit      promise.Text
}

func (o ofTarget) appendIn(b []byte, lang string) []byte {
	b = appendNumber(b, o.got, 2, lang)
	if lang == "en" {
		b = append(b, " of "...)
	} else {
		b = append(b, " av "...)
	}
	return goalOf{o.want, o.atLeast, o.unit}.appendIn(b, lang)
}

// goalOf is "minst 8 områden" / "at least 8 areas".
type goalOf struct {
	want    float64
	atLeast bool
	unit    promise.Text
}

func (g goalOf) appendIn(b []byte, lang string) []byte {
	if g.atLeast {
		if lang == "en" {
			b = append(b, "at least "...)
		} else {
			b = append(b, "minst "...)
		}
	}
	return quantity{g.want, g.unit, 2}.appendIn(b, lang)
}

func (c *actCtx) count(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	if t.Value == nil || !(*t.Value > 0) || math.IsInf(*t.Value, 0) {
		return tres{outcome: mk(Unassessable, sayNoValue.text())}
	}
	want := *t.Value
	total, measured, conflict := c.total(tf, w)
	eff := total
	var split reason
	if len(t.Split) > 0 && measured && len(tf.figs) == 0 {
		eff, split = c.split(t, tf, w, total, want)
	}
	atLeast := t.Comparison == promise.AtLeast
	of := ofTarget{total, want, atLeast, t.Unit}
	out := c.amountRule(w, total, want, eff, measured, of, goalOf{want, atLeast, t.Unit}, sayNoFigure)
	if split != nil {
		out.why = concat(out.why, split)
	}
	if conflict != nil {
		out.conflicts = []Conflict{*conflict}
		out.why = concat(out.why, sayConflict.text(conflictFigs{c.ix, conflict}, num{conflict.Used, 2}))
	}
	return out
}

var (
	sayNoValue  = phrase{"Målet saknar ett antal att mäta mot.", "The target has no number to measure against."}
	sayConflict = phrase{"Uppgifterna går isär: %s; det lägsta värdet, %s, används.", "The sources disagree: %s; the lowest value, %s, is used."}
)

// total is what a count or coverage target has reached by the cut within
// w: the latest reported total (the lowest, when reports disagree) plus
// entries dated after it; else the sum of entries. measured is false when
// nothing at all was reported.
func (c *actCtx) total(tf *targetFacts, w promise.Period) (total float64, measured bool, conflict *Conflict) {
	known, cut := c.sc.known, c.sc.cut
	if !w.Open() && w.End.Before(cut) {
		cut = w.End
	}
	var figs []fig
	for _, f := range tf.figs {
		if !f.vr.seen.After(known) && !f.date.After(cut) && !f.date.Before(w.Start) {
			figs = append(figs, f)
		}
	}
	if len(figs) == 0 {
		s := tf.occ.sum(known, w.Start, cut)
		return s, s > 0, nil
	}
	last := figs[len(figs)-1].date
	lowest := math.Inf(1)
	for _, f := range figs {
		if f.date == last {
			lowest = min(lowest, f.value)
		}
	}
	// A total of things done cannot fall: an earlier, higher total
	// contradicts the latest one as much as a different total of the
	// same date does.
	var cands []fig
	for _, f := range figs {
		if f.date == last || f.value > lowest {
			cands = append(cands, f)
		}
	}
	used := lowest
	for _, f := range cands {
		used = min(used, f.value)
	}
	entries := tf.occ.sum(known, w.Start, last)
	after := tf.occ.sum(known, addDays(last, 1), cut)
	total = used + after
	if distinct(cands) || entries > used+eps {
		conflict = &Conflict{TargetID: tf.t.ID, Used: used}
		seen := map[[2]any]bool{}
		for _, f := range cands {
			k := [2]any{f.value, f.vr.r.ID}
			if seen[k] {
				continue
			}
			seen[k] = true
			conflict.Figures = append(conflict.Figures, Figure{Value: f.value, Date: f.date, ReportID: f.vr.r.ID, ReportDate: f.vr.date, ReportedBy: f.vr.r.ReportedBy})
		}
		if entries > used+eps {
			conflict.Figures = append(conflict.Figures, Figure{Value: entries, Date: last, Entries: true})
		}
	}
	return total, true, conflict
}

func distinct(fs []fig) bool {
	for _, f := range fs[1:] {
		if f.value != fs[0].value {
			return true
		}
	}
	return false
}

// conflictFigs lists the figures of a conflict: "4 (Strängnäs kommun,
// 2020-01-28) och 5 (Strängnäs kommun, 2019-12-17)".
type conflictFigs struct {
	ix *cpIndex
	c  *Conflict
}

func (cf conflictFigs) appendIn(b []byte, lang string) []byte {
	and := " och "
	if lang == "en" {
		and = " and "
	}
	for i, f := range cf.c.Figures {
		switch {
		case i == 0:
		case i == len(cf.c.Figures)-1:
			b = append(b, and...)
		default:
			b = append(b, ", "...)
		}
		if f.Entries {
			b = phrase{"summan av daterade poster, %s", "the dated entries adding up to %s"}.appendIn(b, lang, []any{num{f.Value, 2}})
			continue
		}
		b = appendNumber(b, f.Value, 2, lang)
		b = append(b, " ("...)
		b = partyNames{cf.ix, f.ReportedBy}.appendIn(b, lang)
		b = append(b, ", "...)
		b = appendDate(b, f.ReportDate)
		b = append(b, ')')
	}
	return b
}

// split counts a count target's shares by place: each share counts at
// most its value, entries elsewhere at most what no share claims.
func (c *actCtx) split(t *promise.Target, tf *targetFacts, w promise.Period, total, want float64) (float64, reason) {
	cut := c.sc.cut
	claimed, eff, inShares := 0.0, 0.0, 0.0
	parts := make(reason, 0, len(t.Split))
	for _, s := range t.Split {
		got := 0.0
		for i := range tf.occ.list {
			g := &tf.occ.list[i]
			if g.key.place != uuid.Nil && !g.key.date.Before(w.Start) && !g.key.date.After(cut) && c.ix.within(g.key.place, s.PlaceID) {
				got += g.amount(c.sc.known)
			}
		}
		claimed += s.Value
		inShares += got
		eff += min(got, s.Value)
		parts = append(parts, phrase{"%s %s av %s", "%s %s of %s"}.text(c.ix.placeName(s.PlaceID), num{got, 2}, num{s.Value, 2})...)
	}
	rest := max(total-inShares, 0)
	eff += min(rest, max(want-claimed, 0))
	return eff, saySplit.text(listOf(parts))
}

var saySplit = phrase{"Per plats: %s.", "By place: %s."}
