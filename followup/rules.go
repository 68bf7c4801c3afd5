package followup

import (
	"math"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// eps absorbs floating-point error in comparisons with thresholds, so
// that exactly 90 % of the pace is on track.
const eps = 1e-9

// outcome is an [Outcome] whose reason and numbers are not yet rendered.
type outcome struct {
	Outcome
	why, nums reason
}

func mk(s Status, why reason) outcome { return outcome{Outcome: Outcome{Status: s}, why: why} }

// render returns the outcome with its reason and numbers written out,
// using buf as scratch space.
func (o outcome) render(buf *[]byte) Outcome {
	out := o.Outcome
	out.Reason = o.why.render(buf)
	out.Numbers = o.nums.render(buf)
	return out
}

// renderReason is render without the numbers phrase, for the history,
// whose reasons carry the numbers anyway.
func (o outcome) renderReason(buf *[]byte) Outcome {
	out := o.Outcome
	out.Reason = o.why.render(buf)
	return out
}

// tres is the result of a rule for one target.
type tres struct {
	outcome
	// measured says whether the outcome rests on reported figures.
	measured  bool
	conflicts []Conflict
	years     []yearOutcome
}

type yearOutcome struct {
	year int
	outcome
}

// target evaluates one target in the activity's window, year by year for
// a target that counts anew each year.
func (c *actCtx) target(t *promise.Target, tf *targetFacts) tres {
	w := c.window
	if w.Start.IsZero() {
		return tres{outcome: mk(Unassessable, sayNoPeriod.text())}
	}
	if t.Scope == promise.EachYear {
		switch t.Kind {
		case promise.Count, promise.Coverage, promise.Milestone:
			return c.yearly(t, tf, w)
		}
	}
	return c.rule(t, tf, w)
}

func (c *actCtx) rule(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	switch t.Kind {
	case promise.Count:
		return c.count(t, tf, w)
	case promise.Coverage:
		return c.coverage(t, tf, w)
	case promise.Milestone:
		return c.milestone(t, tf, w)
	case promise.Recurring:
		return c.recurring(t, tf, w)
	case promise.Continuous:
		return c.continuous(w)
	case promise.Indicator:
		return c.indicator(t, tf, w)
	}
	return c.unmeasurable(w)
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
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		var last reason
		if measured {
			last = sayLastKnown.text(of, c.dataEndIn(w))
		}
		out.outcome = withNumbers(c.notReported(miss, last), out.outcome)
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

// paceStatus turns a share of the expected progress into a status.
func paceStatus(ratio float64, th promise.Thresholds) Status {
	switch {
	case ratio >= th.OnTrack-eps:
		return OnTrack
	case ratio >= th.AtRisk-eps:
		return AtRisk
	}
	return Behind
}

// withNumbers returns o with the numbers of n.
func withNumbers(o, n outcome) outcome {
	o.nums, o.Achieved, o.Target, o.Expected, o.Progress = n.nums, n.Achieved, n.Target, n.Expected, n.Progress
	return o
}

var (
	sayOf              = phrase{"%s", "%s"}
	sayReached         = phrase{"Målet nått: %s.", "Target reached: %s."}
	sayEndedWith       = phrase{"Perioden är slut med %s (%s av målet; %s krävs för delvis uppfyllt).", "The period ended with %s (%s of the target; %s needed for partly achieved)."}
	sayNoFigure        = phrase{"Inget antal rapporterat (mål: %s).", "No figure reported (target: %s)."}
	sayNoPlaceReached  = phrase{"Inga nådda platser rapporterade (mål: %s).", "No places reached reported (target: %s)."}
	sayNoEnd           = phrase{"%s genomförda; ingen slutdag, så ingen takt kan beräknas.", "%s done; there is no end date, so no pace can be computed."}
	sayNothingExpected = phrase{"%s genomförda; inget väntat ännu per %s.", "%s done; nothing expected yet by %s."}
	sayPace            = phrase{"%s genomförda; %s väntade per %s (%s av väntat).", "%s done; %s expected by %s (%s of expected)."}
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
			conflict.Figures = append(conflict.Figures, Figure{Value: f.value, Date: f.date, ReportID: f.vr.r.ID, ReportDate: f.vr.seen, ReportedBy: f.vr.r.ReportedBy})
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

func (c *actCtx) coverage(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	unit := t.Unit
	if unit.IsZero() {
		unit = promise.Text{"sv": "platser", "en": "places"}
		if len(t.PlaceIDs) == 1 || (t.Value != nil && *t.Value == 1) {
			unit = promise.Text{"sv": "plats", "en": "place"}
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
				if g.key.place != uuid.Nil && c.ix.within(g.key.place, p) {
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
			if g.key.place == uuid.Nil && g.key.placeText == "" {
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

var sayNotReached = phrase{"Ej nådda: %s.", "Not reached: %s."}

func hasFigs(tf *targetFacts, sc scene, w promise.Period) bool {
	for _, f := range tf.figs {
		if !f.vr.seen.After(sc.known) && !f.date.After(sc.cut) && !f.date.Before(w.Start) {
			return true
		}
	}
	return false
}

func (c *actCtx) milestone(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	due := t.Due
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
	sayDone         = phrase{"Klart %s.", "Done on %s."}
	sayDoneLate     = phrase{"Sista dag var %s.", "It was due by %s."}
	sayNotDone      = phrase{"Inte klart per sista dag %s.", "Not done by the due date %s."}
	sayOverdue      = phrase{"Sista dag %s har passerat och det är inte rapporterat klart.", "The due date %s has passed and it is not reported done."}
	sayUnderWay     = phrase{"Pågår; ska vara klart senast %s.", "Under way; due by %s."}
	sayUnderWayOpen = phrase{"Pågår; inget slutdatum.", "Under way; no due date."}
)

func clamp01(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}
