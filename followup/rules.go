package followup

import (
	"math"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// target evaluates one target in the activity's window, year by year for
// a target that counts anew each year.
func (c *actCtx) target(t *promise.Target, tf *targetFacts) tres {
	w := c.window
	if w.Start.IsZero() {
		return tres{outcome: mk(Unassessable, sayNoPeriod.text())}
	}
	var r tres
	if t.Scope == promise.EachYear && ruleOf(t.Kind).yearly {
		r = c.yearly(t, tf, w)
	} else {
		r = c.rule(t, tf, w)
	}
	if tf != nil {
		r = c.stated(t, tf.stated, w, r)
	}
	return r
}

func (c *actCtx) rule(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	return ruleOf(t.Kind).judge(c, t, tf, w)
}

// amountRule is the rule shared by counts and coverage: got of want,
// against the pace want × the elapsed share of w.
func (c *actCtx) amountRule(w promise.Period, got, want, progressGot float64, measured bool, of, goal loc, none phrase) tres {
	th := c.ix.th
	out := tres{measured: measured}
	out.Target = c.ix.num(want)
	if measured {
		out.Achieved = c.ix.num(got)
		out.nums = sayOf.text(of)
	}
	out.Progress = clamp01(progressGot / want)
	switch {
	case c.sc.cut.Before(w.Start):
		out.Status, out.why = NotStarted, sayStarts.text(w.Start)
		return out
	case measured && progressGot >= want-eps:
		out.Status, out.why = Achieved, sayReached.text(of)
		return out
	case measured && c.complete(w):
		share := progressGot / want
		out.Status = NotAchieved
		if share >= th.PartlyAchieved-eps {
			out.Status = PartlyAchieved
		}
		out.why = sayEndedWith.text(of, pct(share), pct(th.PartlyAchieved))
		return out
	}
	var last reason
	if measured {
		last = sayLastKnown.text(of, c.dataEndIn(w))
	}
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		out.outcome = withNumbers(c.notReported(miss, last), out.outcome)
		return out
	}
	if c.awaits(w) {
		out.outcome = withNumbers(c.awaitingFinal(w, last), out.outcome)
		return out
	}
	switch {
	case !c.hasUpdate:
		out.outcome = withNumbers(c.nothingYet(w), out.outcome)
		return out
	case !measured:
		// Reported on, but without a figure: nothing to measure.
		out.Status, out.why = Unassessable, none.text(goal)
		return out
	}
	if w.Open() {
		out.Status = NotStarted
		if got > 0 {
			out.Status = OnTrack
		}
		out.why = sayNoEnd.text(of)
		return out
	}
	d := c.dataEndIn(w)
	expected := want * elapsed(w, d)
	if expected <= eps {
		out.Status = NotStarted
		if got > 0 {
			out.Status = OnTrack
		}
		out.why = sayNothingExpected.text(of, d)
		return out
	}
	out.Expected = c.ix.num(expected)
	ratio := progressGot / expected
	out.Status = paceStatus(ratio, th)
	out.why = sayPace.text(of, num{expected, 1}, d, pct(ratio))
	return out
}

var (
	sayOf              = phrase("followup.of")
	sayReached         = phrase("followup.reached")
	sayEndedWith       = phrase("followup.endedWith")
	sayNoFigure        = phrase("followup.noFigure")
	sayNoPlaceReached  = phrase("followup.noPlaceReached")
	sayNoEnd           = phrase("followup.noEnd")
	sayNothingExpected = phrase("followup.nothingExpected")
	sayPace            = phrase("followup.pace")
)

func (c *actCtx) coverage(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	unit := t.Unit
	if unit.IsZero() {
		unit = nounText("noun.place", true)
		if len(t.PlaceIDs) == 1 || (t.Value != nil && *t.Value == 1) {
			unit = nounText("noun.place", false)
		}
	}
	cut := c.sc.cut
	if !w.Open() && w.End.Before(cut) {
		cut = w.End
	}
	if len(t.PlaceIDs) > 0 {
		want := float64(len(t.PlaceIDs))
		reached := 0.0
		var notReached []promise.Text
		entries := false
		for _, p := range t.PlaceIDs {
			hit := false
			for i := range tf.occ.list {
				g := &tf.occ.list[i]
				if g.key.date.Before(w.Start) || g.key.date.After(cut) || g.amount(c.sc.known) == 0 {
					continue
				}
				entries = true
				if g.key.place != nilID && c.ix.within(g.key.place, p) {
					hit = true
					break
				}
			}
			if hit {
				reached++
			} else {
				notReached = append(notReached, c.ix.placeName(p))
			}
		}
		of := ofTarget{reached, want, false, unit}
		names := make(joined, len(t.PlaceIDs))
		for i, p := range t.PlaceIDs {
			names[i] = c.ix.placeName(p)
		}
		out := c.amountRule(w, reached, want, reached, entries, of, names, sayNoPlaceReached)
		if len(notReached) > 0 && entries {
			out.why = concat(out.why, sayNotReached.text(joined(notReached)))
		}
		return out
	}
	if t.Value == nil && !t.Unit.IsZero() {
		return c.unknownSet(tf, w, unit)
	}
	if t.Value == nil || !(*t.Value > 0) || math.IsInf(*t.Value, 0) {
		return tres{outcome: mk(Unassessable, sayNoValue.text())}
	}
	want := *t.Value
	// Without places to reach, the things reached are the distinct places
	// of the entries; entries without a place count as many as they say.
	// A reported total, if any, counts like a count's.
	var got float64
	var measured bool
	var conflict *Conflict
	if hasFigs(tf, c.sc, w) {
		got, measured, conflict = c.total(tf, w)
	} else {
		places := map[occKey]bool{}
		for i := range tf.occ.list {
			g := &tf.occ.list[i]
			if g.key.date.Before(w.Start) || g.key.date.After(cut) {
				continue
			}
			n := g.amount(c.sc.known)
			if n == 0 {
				continue
			}
			measured = true
			if g.key.place == nilID && g.key.placeText == "" {
				got += n
				continue
			}
			k := occKey{place: g.key.place, placeText: g.key.placeText}
			if !places[k] {
				places[k] = true
				got++
			}
		}
	}
	of := ofTarget{got, want, false, unit}
	out := c.amountRule(w, got, want, got, measured, of, goalOf{want, false, unit}, sayNoPlaceReached)
	if conflict != nil {
		out.conflicts = []Conflict{*conflict}
		out.why = concat(out.why, sayConflict.text(conflictFigs{c.ix, conflict}, num{conflict.Used, 2}))
	}
	return out
}

var sayNotReached = phrase("followup.notReached")

// unknownSet is a coverage target of a set whose size the source does not
// give ("alla skolor"): the places reached are counted and shown, but
// without a number to reach nothing can be judged from them; only what
// the reports state ("genomfört") or an assessment can.
func (c *actCtx) unknownSet(tf *targetFacts, w promise.Period, unit promise.Text) tres {
	if c.sc.cut.Before(w.Start) {
		return tres{outcome: mk(NotStarted, sayStarts.text(w.Start))}
	}
	cut := c.sc.cut
	if !w.Open() && w.End.Before(cut) {
		cut = w.End
	}
	places := map[occKey]bool{}
	got := 0.0
	for i := range tf.occ.list {
		g := &tf.occ.list[i]
		if g.key.date.Before(w.Start) || g.key.date.After(cut) {
			continue
		}
		n := g.amount(c.sc.known)
		if n == 0 {
			continue
		}
		if g.key.place == nilID && g.key.placeText == "" {
			got += n
			continue
		}
		if k := (occKey{place: g.key.place, placeText: g.key.placeText}); !places[k] {
			places[k] = true
			got++
		}
	}
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		return tres{outcome: c.notReported(miss, nil)}
	}
	switch {
	case c.awaits(w):
		return tres{outcome: c.awaitingFinal(w, nil)}
	case !c.hasUpdate:
		return tres{outcome: c.nothingYet(w)}
	}
	out := tres{outcome: mk(Unassessable, sayUnknownSet.text(quantity{got, unit, 2}, unit))}
	out.Achieved = c.ix.num(got)
	return out
}

var sayUnknownSet = phrase("followup.unknownSet")

func hasFigs(tf *targetFacts, sc scene, w promise.Period) bool {
	for _, f := range tf.figs {
		if !f.vr.seen.After(sc.known) && !f.date.After(sc.cut) && !f.date.Before(w.Start) {
			return true
		}
	}
	return false
}

func (c *actCtx) milestone(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	due := t.Due.Last()
	if due.IsZero() || (t.Scope == promise.EachYear && !w.Contains(due)) {
		due = w.End
	}
	// The earliest completion seen, within the window.
	var done promise.Date
	consider := func(d promise.Date) {
		if d.Before(w.Start) || d.After(c.sc.cut) || (!w.Open() && d.After(w.End)) {
			return
		}
		if done.IsZero() || d.Before(done) {
			done = d
		}
	}
	if tf.act != nil {
		for _, sd := range tf.act.completions {
			if !sd.seen.After(c.sc.known) {
				consider(sd.date)
			}
		}
	}
	for i := range tf.occ.list {
		if g := &tf.occ.list[i]; g.amount(c.sc.known) > 0 {
			consider(g.key.date)
		}
	}
	out := tres{measured: !done.IsZero()}
	switch {
	case c.sc.cut.Before(w.Start):
		out.Status, out.why = NotStarted, sayStarts.text(w.Start)
	case !done.IsZero():
		out.Status, out.Progress = Achieved, 1
		out.why = sayDone.text(done)
		if !due.IsZero() && done.After(due) {
			out.why = concat(out.why, sayDoneLate.text(due))
		}
	case !due.IsZero() && c.hasUpdate && !c.dataEnd.Before(due):
		out.Status, out.why = NotAchieved, sayNotDone.text(due)
	default:
		if miss := c.missing(w, c.cover); len(miss) > 0 {
			out.outcome = c.notReported(miss, nil)
			return out
		}
		switch {
		case c.awaits(w):
			out.outcome = c.awaitingFinal(w, nil)
		case !c.hasUpdate:
			out.outcome = c.nothingYet(w)
		case !due.IsZero() && c.sc.cut.After(due):
			out.Status, out.why = Behind, sayOverdue.text(due)
		case due.IsZero():
			out.Status, out.why = OnTrack, sayUnderWayOpen.text()
		default:
			out.Status, out.why = OnTrack, sayUnderWay.text(due)
		}
	}
	return out
}

var (
	sayDone         = phrase("followup.done")
	sayDoneLate     = phrase("followup.doneLate")
	sayNotDone      = phrase("followup.notDone")
	sayOverdue      = phrase("followup.overdue")
	sayUnderWay     = phrase("followup.underWay")
	sayUnderWayOpen = phrase("followup.underWayOpen")
)

// nounText is a noun of the catalog as a text in every language.
func nounText(k words.Key, many bool) promise.Text {
	out := make(promise.Text, len(langs))
	for _, l := range langs {
		out[l] = words.Noun(k, many, l)
	}
	return out
}
