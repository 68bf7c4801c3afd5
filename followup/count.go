package followup

import (
	"math"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// nilID is the zero ID: no id.
var nilID promise.ID

// ofTarget is "20 av minst 8 områden" / "20 of at least 8 areas".
type ofTarget struct {
	got, want float64
	atLeast   bool
	unit      promise.Text
}

func (o ofTarget) AppendIn(b []byte, lang string) []byte {
	return words.M("followup.ofTarget", num{o.got, 2}, goalOf{o.want, o.atLeast, o.unit}).AppendIn(b, lang)
}

// goalOf is "minst 8 områden" / "at least 8 areas".
type goalOf struct {
	want    float64
	atLeast bool
	unit    promise.Text
}

func (g goalOf) AppendIn(b []byte, lang string) []byte {
	q := quantity{g.want, g.unit, 2}
	if g.atLeast {
		return words.M("followup.atLeast", q).AppendIn(b, lang)
	}
	return q.AppendIn(b, lang)
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
	sayNoValue  = phrase("followup.noValue")
	sayConflict = phrase("followup.conflict")
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

func (cf conflictFigs) AppendIn(b []byte, lang string) []byte {
	l := make(words.List, len(cf.c.Figures))
	for i, f := range cf.c.Figures {
		if f.Entries {
			l[i] = words.M("followup.entriesAddingUp", num{f.Value, 2})
			continue
		}
		l[i] = words.M("followup.figureBy", num{f.Value, 2}, partyNames{cf.ix, f.ReportedBy}, dateArg(f.ReportDate))
	}
	return l.AppendIn(b, lang)
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
			if g.key.place != nilID && !g.key.date.Before(w.Start) && !g.key.date.After(cut) && c.ix.within(g.key.place, s.PlaceID) {
				got += g.amount(c.sc.known)
			}
		}
		claimed += s.Value
		inShares += got
		eff += min(got, s.Value)
		parts = append(parts, phrase("followup.placeShare").text(c.ix.placeName(s.PlaceID), num{got, 2}, num{s.Value, 2})...)
	}
	rest := max(total-inShares, 0)
	eff += min(rest, max(want-claimed, 0))
	return eff, saySplit.text(listOf(parts))
}

var saySplit = phrase("followup.split")
