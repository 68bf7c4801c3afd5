package followup

import (
	"math"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// indicator: the latest measured value's position between the baseline
// and the target value, against the share of time elapsed from the
// baseline's date to the end of the window.
func (c *actCtx) indicator(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	if t.Value == nil && (t.Direction == promise.Increase || t.Direction == promise.Decrease) {
		return c.direction(t, tf, w)
	}
	if t.Value == nil || t.Baseline == nil || *t.Value == t.Baseline.Value || math.IsNaN(*t.Value) {
		return tres{outcome: mk(Unassessable, sayNoBaseline.text())}
	}
	b, goal := t.Baseline.Value, *t.Value
	up := goal > b
	from := t.Baseline.Date.Last()
	if from.IsZero() {
		from = w.Start
	}
	var last promise.Date
	var vals []fig
	for _, f := range tf.figs {
		if f.vr.seen.After(c.sc.known) || f.date.After(c.sc.cut) || f.date.Before(from) {
			continue
		}
		if f.date.After(last) {
			last, vals = f.date, vals[:0]
		}
		if f.date == last {
			vals = append(vals, f)
		}
	}
	base := quantity{b, t.Unit, 2}
	target := quantity{goal, t.Unit, 2}
	out := tres{measured: len(vals) > 0}
	out.Target = c.ix.num(goal)
	if c.sc.cut.Before(w.Start) {
		out.Status, out.why = NotStarted, sayStarts.text(w.Start)
		return out
	}
	if len(vals) == 0 {
		switch miss := c.missing(w, c.cover); {
		case c.complete(w):
			out.Status, out.why = Unassessable, sayNoMeasurement.text(base, from, target)
		case len(miss) > 0:
			out.outcome = withNumbers(c.notReported(miss, nil), out.outcome)
		case c.awaits(w):
			out.outcome = withNumbers(c.awaitingFinal(w, sayNoMeasurementYet.text(base, from, target)), out.outcome)
		default:
			out.Status, out.why = AwaitingReport, sayNoMeasurementYet.text(base, from, target)
		}
		return out
	}
	// Reports that disagree on the same date: the least favourable value
	// is used.
	v := vals[0].value
	for _, f := range vals[1:] {
		if (up && f.value < v) || (!up && f.value > v) {
			v = f.value
		}
	}
	if distinct(vals) {
		cf := &Conflict{TargetID: t.ID, Used: v}
		for _, f := range vals {
			cf.Figures = append(cf.Figures, Figure{Value: f.value, Date: f.date, ReportID: f.vr.r.ID, ReportDate: f.vr.date, ReportedBy: f.vr.r.ReportedBy})
		}
		out.conflicts = []Conflict{*cf}
	}
	p := (v - b) / (goal - b)
	out.Achieved = c.ix.num(v)
	out.Progress = clamp01(p)
	out.nums = phrase("followup.valueOfTarget").text(quantity{v, t.Unit, 2}, target)
	now := sayMeasured.text(quantity{v, t.Unit, 2}, last, base, from, target)
	switch {
	case p >= 1-eps:
		out.Status, out.why = Achieved, concat(sayIndicatorReached.text(), now)
	case c.complete(w):
		out.Status = NotAchieved
		if p >= c.ix.th.PartlyAchieved-eps {
			out.Status = PartlyAchieved
		}
		out.why = concat(sayIndicatorEnded.text(pct(clamp01(p))), now)
	default:
		if miss := c.missing(w, c.cover); len(miss) > 0 {
			out.outcome = withNumbers(c.notReported(miss, now), out.outcome)
			break
		}
		if c.awaits(w) {
			out.outcome = withNumbers(c.awaitingFinal(w, now), out.outcome)
			break
		}
		e := 0.0
		if !w.Open() && w.End.After(from) {
			e = clamp01(float64(daysBetween(from, last)) / float64(daysBetween(from, w.End)))
		}
		if e <= eps {
			out.Status = OnTrack
			if p < 0 {
				out.Status = Behind
			}
			out.why = now
			break
		}
		exp := b + (goal-b)*e
		out.Expected = c.ix.num(exp)
		out.Status = paceStatus(p/e, c.ix.th)
		out.why = concat(now, sayIndicatorPace.text(last, quantity{exp, t.Unit, 2}, pct(clamp01(p)), pct(e)))
	}
	if at := t.ActionThreshold; at != nil && ((up && v <= *at) || (!up && v >= *at)) {
		out.why = concat(out.why, sayActionThreshold.text(quantity{*at, t.Unit, 2}))
	}
	if len(out.conflicts) > 0 {
		out.why = concat(out.why, sayConflictIndicator.text(conflictFigs{c.ix, &out.conflicts[0]}, num{v, 2}))
	}
	return out
}

// latestMeasured returns the measurements of the latest date seen from
// from on (several when reports disagree), and that date.
func (c *actCtx) latestMeasured(tf *targetFacts, from promise.Date) (vals []fig, last promise.Date) {
	for _, f := range tf.figs {
		if f.vr.seen.After(c.sc.known) || f.date.After(c.sc.cut) || f.date.Before(from) {
			continue
		}
		if f.date.After(last) {
			last, vals = f.date, vals[:0]
		}
		if f.date == last {
			vals = append(vals, f)
		}
	}
	return vals, last
}

// direction: an indicator with a direction and no target value ("färre
// trafikolyckor"). The latest measurement is held against the baseline,
// or, without one, against the earliest measurement in the window: moved
// the right way is on track (achieved when the window has ended and the
// reports cover it), unchanged or the wrong way is behind (not achieved).
// Reports that disagree on a date: the least favourable value is used.
func (c *actCtx) direction(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	up := t.Direction == promise.Increase
	worse := func(a, b float64) bool { return (up && a < b) || (!up && a > b) }
	out := tres{}
	if c.sc.cut.Before(w.Start) {
		out.Status, out.why = NotStarted, sayStarts.text(w.Start)
		return out
	}
	var ref float64
	var refDate promise.Date
	if t.Baseline != nil {
		ref, refDate = t.Baseline.Value, t.Baseline.Date.Last()
	} else {
		for _, f := range tf.figs {
			if f.vr.seen.After(c.sc.known) || f.date.After(c.sc.cut) || f.date.Before(w.Start) {
				continue
			}
			if refDate.IsZero() || f.date.Before(refDate) {
				ref, refDate = f.value, f.date
			} else if f.date == refDate && worse(ref, f.value) {
				ref = f.value // the reference the work is judged against: the most favourable
			}
		}
	}
	from := refDate
	if from.IsZero() {
		from = w.Start
	}
	vals, last := c.latestMeasured(tf, from)
	way := phrase("followup.fewer")
	if up {
		way = phrase("followup.more")
	}
	if len(vals) == 0 || last == refDate && t.Baseline == nil {
		why := sayNoSecondMeasurement.text(way.text())
		switch miss := c.missing(w, c.cover); {
		case len(miss) > 0:
			out.outcome = c.notReported(miss, why)
		case c.complete(w):
			out.Status, out.why = Unassessable, why
		case c.awaits(w):
			out.outcome = c.awaitingFinal(w, why)
		default:
			out.Status, out.why = AwaitingReport, why
		}
		return out
	}
	v := vals[0].value
	for _, f := range vals[1:] {
		if worse(f.value, v) {
			v = f.value
		}
	}
	out.measured = true
	out.Achieved = c.ix.num(v)
	moved := (up && v > ref+eps) || (!up && v < ref-eps)
	now := sayDirection.text(quantity{v, t.Unit, 2}, last, quantity{ref, t.Unit, 2}, refDate, way.text())
	out.nums = phrase("followup.valueFrom").text(quantity{v, t.Unit, 2}, quantity{ref, t.Unit, 2})
	if moved {
		out.Progress = 1
	}
	switch {
	case c.complete(w) && moved:
		out.Status, out.why = Achieved, now
	case c.complete(w):
		out.Status, out.why = NotAchieved, now
	default:
		if miss := c.missing(w, c.cover); len(miss) > 0 {
			out.outcome = withNumbers(c.notReported(miss, now), out.outcome)
			return out
		}
		if c.awaits(w) {
			out.outcome = withNumbers(c.awaitingFinal(w, now), out.outcome)
			return out
		}
		out.Status, out.why = Behind, now
		if moved {
			out.Status = OnTrack
		}
	}
	return out
}

var (
	sayNoSecondMeasurement = phrase("followup.noSecondMeasurement")
	sayDirection           = phrase("followup.direction")
	sayNoBaseline          = phrase("followup.noBaseline")
	sayNoMeasurement       = phrase("followup.noMeasurement")
	sayNoMeasurementYet    = phrase("followup.noMeasurementYet")
	sayMeasured            = phrase("followup.measured")
	sayIndicatorReached    = phrase("followup.indicatorReached")
	sayIndicatorEnded      = phrase("followup.indicatorEnded")
	sayIndicatorPace       = phrase("followup.indicatorPace")
	sayActionThreshold     = phrase("followup.actionThreshold")
	sayConflictIndicator   = phrase("followup.conflictIndicator")
)
