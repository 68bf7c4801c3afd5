package followup

import (
	"slices"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// scene is one point of evaluation: reports dated on or before known are
// seen, and only what happened on or before cut counts. The current
// status has known = cut = the date evaluated; the history entry of a
// reporting period has cut = the period's end and known = its due date
// (or the date evaluated, if earlier).
type scene struct {
	known, cut promise.Date
	// overdue is the first day on which a report not yet received counts
	// as missing: the day after its due date has passed.
	overdue promise.Date
}

// pastDue reports whether the report for q is overdue in the scene.
func (sc scene) pastDue(q promise.ReportingPeriod) bool {
	return q.Due.Before(sc.overdue)
}

// actCtx is what the rules know about one activity in one scene.
type actCtx struct {
	ix *cpIndex
	af *actFacts // nil for a target of the expected effect
	sc scene
	// window is the activity's window (or the citizen promise's period).
	window promise.Period
	// hasUpdate says whether any report seen says something about the
	// activity.
	hasUpdate bool
	// dataEnd is the latest date that the reports seen speak for, not
	// after cut; zero without any.
	dataEnd promise.Date
	// cover and assessCover are the periods the reports seen speak for:
	// all, and those with an assessment of the activity. Sorted, merged.
	cover, assessCover []promise.Period
	// latest is the latest update seen; latestAssessed the latest with a
	// usable assessment.
	latest, latestAssessed *updRef
}

func (ix *cpIndex) context(af *actFacts, sc scene) *actCtx {
	c := &actCtx{ix: ix, af: af, sc: sc, window: ix.period}
	if af != nil {
		c.cover = make([]promise.Period, 0, len(af.updates))
	}
	if af == nil {
		for _, vr := range ix.reports {
			c.see(vr, nil)
		}
	} else {
		if af.a.Window != nil && !af.a.Window.Start.IsZero() {
			c.window = days(*af.a.Window)
		}
		for i := range af.updates {
			c.see(af.updates[i].vr, &af.updates[i])
		}
	}
	c.cover = merge(c.cover)
	c.assessCover = merge(c.assessCover)
	if c.hasUpdate && c.dataEnd.After(sc.cut) {
		c.dataEnd = sc.cut
	}
	return c
}

func (c *actCtx) see(vr *vreport, u *updRef) {
	if vr.seen.After(c.sc.known) {
		return
	}
	c.hasUpdate = true
	if vr.cover.End.After(c.dataEnd) {
		c.dataEnd = vr.cover.End
	}
	c.cover = append(c.cover, vr.cover)
	if u == nil || vr.cover.Start.After(c.sc.cut) {
		return
	}
	c.latest = u
	if validAssessment(u.u.Assessment) {
		c.latestAssessed = u
		c.assessCover = append(c.assessCover, vr.cover)
	}
}

// merge sorts periods and joins those that overlap or touch.
func merge(ps []promise.Period) []promise.Period {
	if len(ps) < 2 {
		return ps
	}
	slices.SortFunc(ps, func(a, b promise.Period) int { return a.Start.Compare(b.Start) })
	out := ps[:1]
	for _, p := range ps[1:] {
		last := &out[len(out)-1]
		if !p.Start.After(addDays(last.End, 1)) {
			if p.End.After(last.End) {
				last.End = p.End
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// covered reports whether the merged periods cover every day of p.
func covered(p promise.Period, merged []promise.Period) bool {
	for _, m := range merged {
		if !m.Start.After(p.Start) && !m.End.Before(p.End) {
			return true
		}
	}
	return false
}

// missing returns the reporting periods that overlap w, ended by the
// cut, are due by the date known, and are not covered by the given
// periods. Targets of the expected effect have no reporting duty.
func (c *actCtx) missing(w promise.Period, cover []promise.Period) []promise.ReportingPeriod {
	if c.af == nil {
		return nil
	}
	var out []promise.ReportingPeriod
	for _, q := range c.ix.cal {
		if !c.sc.pastDue(q) || q.Period.End.After(c.sc.cut) {
			continue
		}
		part, ok := clip(q.Period, w)
		if !ok {
			continue
		}
		if !covered(part, cover) {
			out = append(out, q)
		}
	}
	return out
}

// nextDue returns the due date of the first reporting period overlapping
// w that is not yet due, or zero.
func (c *actCtx) nextDue(w promise.Period) promise.Date {
	for _, q := range c.ix.cal {
		if _, ok := clip(q.Period, w); ok && !c.sc.pastDue(q) {
			return q.Due
		}
	}
	return promise.Date{}
}

// dataEndIn is how far the reports seen speak for, within w.
func (c *actCtx) dataEndIn(w promise.Period) promise.Date {
	if !w.Open() && c.dataEnd.After(w.End) {
		return w.End
	}
	return c.dataEnd
}

// complete reports whether the reports seen speak for all of w.
func (c *actCtx) complete(w promise.Period) bool {
	return c.hasUpdate && !w.Open() && !c.dataEnd.Before(w.End)
}

// elapsed returns the share of w that has passed by d: days from the
// start through d over the days of w, in [0, 1].
func elapsed(w promise.Period, d promise.Date) float64 {
	n := daysIn(w)
	if n <= 0 || d.Before(w.Start) {
		return 0
	}
	if !d.Before(w.End) {
		return 1
	}
	return float64(daysBetween(w.Start, d)+1) / float64(n)
}

// notReported is the outcome when follow-up is missing.
func (c *actCtx) notReported(miss []promise.ReportingPeriod, last reason) outcome {
	return mk(NotReported, concat(sayNoFollowUp.text(missingList(miss)), last))
}

// nothingYet is the outcome before anything is reported or due: the
// first report is awaited.
func (c *actCtx) nothingYet(w promise.Period) outcome {
	r := sayNothingYet.text()
	if d := c.nextDue(w); !d.IsZero() {
		r = concat(r, sayNextDue.text(d))
	}
	return mk(AwaitingReport, r)
}

// awaits reports whether w is over at the scene's cut (its last day
// included) while the reports seen do not yet speak for all of it: the
// final report is awaited. A window without a known end never is over.
func (c *actCtx) awaits(w promise.Period) bool {
	return !w.End.IsZero() && !c.sc.cut.Before(w.End) && !c.complete(w)
}

// awaitingFinal is the outcome of a window that has ended while the
// reports do not yet speak for all of it, and no report is overdue:
// nothing is "on track" after the end; the final report is awaited until
// it is due. last, if any, is what was last reported.
func (c *actCtx) awaitingFinal(w promise.Period, last reason) outcome {
	r := sayEndedAwaiting.text(w.End)
	if d := c.nextDue(w); !d.IsZero() {
		r = concat(r, sayFinalDue.text(d))
	}
	return mk(AwaitingReport, concat(r, last))
}

type missingList []promise.ReportingPeriod

// maxListed is how many missing periods a reason names one by one; more are
// summarised ("12 perioder, 2024-01-01–2024-01-31 till
// 2024-12-01–2024-12-31"), so that a reason's length, and so an
// evaluation's, stays linear in the number of periods.
const maxListed = 3

func (m missingList) AppendIn(b []byte, lang string) []byte {
	if len(m) > maxListed {
		first, last := m[0], m[len(m)-1]
		b = words.M("followup.periodsSummary", len(m), periodArg(first.Period), periodArg(last.Period)).AppendIn(b, lang)
		return words.M("followup.byDate", dateArg(last.Due)).AppendIn(b, lang)
	}
	l := make(words.List, len(m))
	for i, q := range m {
		l[i] = words.M("followup.periodDue", periodArg(q.Period), dateArg(q.Due))
	}
	return l.AppendIn(b, lang)
}

var (
	sayStarts        = phrase("followup.starts")
	sayNoFollowUp    = phrase("followup.noFollowUp")
	sayLastKnown     = phrase("followup.lastKnown")
	sayNothingYet    = phrase("followup.nothingYet")
	sayNextDue       = phrase("followup.nextDue")
	sayNoPeriod      = phrase("followup.noPeriod")
	sayEndedAwaiting = phrase("followup.endedAwaiting")
	sayFinalDue      = phrase("followup.finalDue")
)
