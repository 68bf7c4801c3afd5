package followup

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// recurring: at least M entries in every interval of the cadence that has
// ended within the window. Intervals are calendar intervals (ISO weeks,
// months, quarters …) clipped to the window; a clipped interval needs M
// scaled by its share of days, rounded up, and at least 1.
func (c *actCtx) recurring(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	if t.Value == nil || !(*t.Value > 0) || math.IsInf(*t.Value, 0) {
		return tres{outcome: mk(Unassessable, sayNoValue.text())}
	}
	m := *t.Value
	if _, _, ok := interval(w.Start, t.Every); !ok {
		return tres{outcome: mk(Unassessable, sayNoCadence.text(string(t.Every)))}
	}
	if c.sc.cut.Before(w.Start) {
		return tres{outcome: mk(NotStarted, sayStarts.text(w.Start))}
	}
	last := w.End
	if w.Open() {
		last = c.sc.cut
	}
	entries := tf.occ.dated(c.sc.known, w.Start, earlier(c.sc.cut, last))
	d := c.dataEndIn(w)
	var total, ended, met int
	var missed []promise.Date
	k := 0
	for _, iv := range tf.intervals(w, later(c.ix.at, w.Start), t.Every, m) {
		if iv.start.After(last) {
			break
		}
		total++
		if !c.hasUpdate || iv.end.After(d) {
			continue
		}
		ended++
		got := 0.0
		for ; k < len(entries) && !entries[k].date.After(iv.end); k++ {
			if !entries[k].date.Before(iv.start) {
				got += entries[k].amount
			}
		}
		if got >= iv.need-eps {
			met++
		} else {
			missed = append(missed, iv.label)
		}
	}
	measured := len(entries) > 0
	every := cadenceWord{t.Every, false}
	rate := phrase{"minst %s per %s", "at least %s per %s"}.text(num{m, 2}, every)
	out := tres{measured: measured}
	denom := total
	if w.Open() {
		denom = ended
	} else {
		out.Target = c.ix.num(float64(total))
	}
	out.Expected = c.ix.num(float64(ended))
	if measured {
		out.Achieved = c.ix.num(float64(met))
	}
	if denom > 0 {
		out.Progress = float64(met) / float64(denom)
		out.nums = phrase{"%s av %s %s", "%s of %s %s"}.text(met, denom, cadenceWord{t.Every, true})
	}
	missing := func() reason {
		if len(missed) == 0 {
			return nil
		}
		return sayMissed.text(intervals{missed, t.Every, 3})
	}
	switch {
	case measured && c.complete(w) && total > 0:
		share := float64(met) / float64(total)
		switch {
		case met == total:
			out.Status = Achieved
		case share >= c.ix.th.PartlyAchieved-eps:
			out.Status = PartlyAchieved
		default:
			out.Status = NotAchieved
		}
		out.why = concat(sayRecurEnded.text(met, total, cadenceWord{t.Every, true}, rate), missing())
		return out
	}
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		out.outcome = withNumbers(c.notReported(miss, nil), out.outcome)
		return out
	}
	switch {
	case !c.hasUpdate:
		out.outcome = withNumbers(c.nothingYet(w), out.outcome)
		return out
	case !measured:
		out.Status, out.why = Unassessable, sayNoEntries.text(rate)
		return out
	}
	if ended == 0 {
		out.Status = NotStarted
		if measured {
			out.Status = OnTrack
		}
		out.why = sayRecurNone.text(rate, num{sumEntries(entries), 2})
		return out
	}
	share := float64(met) / float64(ended)
	out.Status = paceStatus(share, c.ix.th)
	out.why = concat(sayRecur.text(met, ended, cadenceWord{t.Every, true}, rate, pct(share)), missing())
	return out
}

// recurInterval is one interval of a recurring target, clipped to the
// window, with the entries it needs.
type recurInterval struct {
	start, end promise.Date // clipped to the window
	label      promise.Date // the start of the whole calendar interval
	need       float64
}

// intervals returns the intervals of w (up to upTo for an open window),
// computed once per target: they do not depend on the scene.
func (tf *targetFacts) intervals(w promise.Period, upTo promise.Date, every promise.Cadence, m float64) []recurInterval {
	if tf.ivs != nil && tf.ivsFrom == w.Start && tf.ivsTo == w.End {
		return tf.ivs
	}
	last := w.End
	if w.Open() {
		last = upTo
	}
	tf.ivs = tf.ivs[:0]
	for s := w.Start; !s.After(last); {
		is, ie, _ := interval(s, every)
		iv := recurInterval{start: later(is, w.Start), end: ie, label: is}
		if !w.Open() && ie.After(w.End) {
			iv.end = w.End
		}
		share := float64(daysBetween(iv.start, iv.end)+1) / float64(daysBetween(is, ie)+1)
		iv.need = math.Max(1, math.Ceil(m*share-eps))
		tf.ivs = append(tf.ivs, iv)
		s = addDays(ie, 1)
	}
	tf.ivsFrom, tf.ivsTo = w.Start, w.End
	return tf.ivs
}

var (
	sayNoCadence  = phrase{"Målet har inget giltigt intervall (%q).", "The target has no valid interval (%q)."}
	sayRecur      = phrase{"%s av %s avslutade %s når målet (%s; %s).", "%s of %s ended %s meet the target (%s; %s)."}
	sayRecurEnded = phrase{"Perioden är slut: %s av %s %s nådde målet (%s).", "The period has ended: %s of %s %s met the target (%s)."}
	sayRecurNone  = phrase{"Inget intervall har avslutats ännu (%s); %s tillfällen rapporterade.", "No interval has ended yet (%s); %s occurrences reported."}
	sayNoEntries  = phrase{"Inga daterade tillfällen rapporterade (mål: %s).", "No dated occurrences reported (target: %s)."}
	sayMissed     = phrase{"Ej uppfyllt: %s.", "Missed: %s."}
)

// cadenceWord names a cadence's interval, singular or plural.
type cadenceWord struct {
	c      promise.Cadence
	plural bool
}

var cadenceWords = map[promise.Cadence][4]string{
	promise.Daily:     {"dag", "dagar", "day", "days"},
	promise.Weekly:    {"vecka", "veckor", "week", "weeks"},
	promise.Monthly:   {"månad", "månader", "month", "months"},
	promise.Quarterly: {"kvartal", "kvartal", "quarter", "quarters"},
	promise.Tertially: {"tertial", "tertial", "four-month period", "four-month periods"},
	promise.HalfYear:  {"halvår", "halvår", "half-year", "half-years"},
	promise.Yearly:    {"år", "år", "year", "years"},
}

func (cw cadenceWord) appendIn(b []byte, lang string) []byte {
	ws, ok := cadenceWords[cw.c]
	if !ok {
		return append(b, cw.c...)
	}
	i := 0
	if cw.plural {
		i = 1
	}
	if lang == "en" {
		i += 2
	}
	return append(b, ws[i]...)
}

// intervals names the intervals of a cadence that start on the given
// dates, up to n of them, then "med flera" / "and more".
type intervals struct {
	starts []promise.Date
	c      promise.Cadence
	n      int
}

func (iv intervals) appendIn(b []byte, lang string) []byte {
	for i, s := range iv.starts {
		if i == iv.n {
			if lang == "en" {
				return append(b, " and more"...)
			}
			return append(b, " med flera"...)
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = intervalName{s, iv.c}.appendIn(b, lang)
	}
	return b
}

type datedAmount struct {
	date   promise.Date
	amount float64
}

// dated returns the entries within [from, to] as known at known, sorted
// by date.
func (g *occGroups) dated(known, from, to promise.Date) []datedAmount {
	var out []datedAmount
	for i := range g.list {
		grp := &g.list[i]
		if grp.key.date.Before(from) || grp.key.date.After(to) {
			continue
		}
		if n := grp.amount(known); n > 0 {
			out = append(out, datedAmount{grp.key.date, n})
		}
	}
	slices.SortFunc(out, func(a, b datedAmount) int { return a.date.Compare(b.date) })
	return out
}

func sumEntries(es []datedAmount) float64 {
	s := 0.0
	for _, e := range es {
		s += e.amount
	}
	return s
}

// continuous: an assessment in every reporting period; the status is the
// latest assessment.
func (c *actCtx) continuous(w promise.Period) tres {
	la := c.latestAssessed
	switch {
	case c.sc.cut.Before(w.Start):
		return tres{outcome: mk(NotStarted, sayStarts.text(w.Start))}
	case la != nil && c.complete(w):
		return tres{outcome: c.assessed(la, true)}
	}
	if miss := c.missing(w, c.assessCover); len(miss) > 0 {
		o := mk(NotReported, sayNoAssessment.text(missingList(miss)))
		if la != nil {
			o.why = concat(o.why, c.assessed(la, false).why)
		}
		return tres{outcome: o}
	}
	if la != nil {
		return tres{outcome: c.assessed(la, false)}
	}
	o := mk(NotStarted, sayNoAssessmentYet.text())
	if d := c.nextDue(w); !d.IsZero() {
		o.why = concat(o.why, sayNextDue.text(d))
	}
	return tres{outcome: o}
}

// unmeasurable: nothing countable was promised; only an assessment can
// say how it went.
func (c *actCtx) unmeasurable(w promise.Period) tres {
	la := c.latestAssessed
	switch {
	case w.Start.IsZero():
		return tres{outcome: mk(Unassessable, sayNoPeriod.text())}
	case c.sc.cut.Before(w.Start):
		return tres{outcome: mk(NotStarted, sayStarts.text(w.Start))}
	case la != nil && c.complete(w):
		return tres{outcome: c.assessed(la, true)}
	}
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		return tres{outcome: c.notReported(miss, nil)}
	}
	switch {
	case la != nil:
		return tres{outcome: c.assessed(la, false)}
	case !c.hasUpdate:
		return tres{outcome: c.nothingYet(w)}
	}
	return tres{outcome: mk(Unassessable, sayUnmeasurable.text())}
}

var (
	sayNoAssessment    = phrase{"Ingen bedömning för %s.", "No assessment for %s."}
	sayNoAssessmentYet = phrase{"Ingen bedömning ännu.", "No assessment yet."}
	sayUnmeasurable    = phrase{"Inget mätbart utlovades och ingen bedömning är gjord.", "Nothing measurable was promised and no assessment was made."}
	sayAssessed        = phrase{"Bedömning (%s, %s): %s.", "Assessment (%s, %s): %s."}
	sayAssessedEnd     = phrase{"Perioden är slut; den sista bedömningen (%s, %s) var %s.", "The period has ended; the last assessment (%s, %s) was %s."}
)

// assessed is the outcome that an assessment gives. When the window has
// ended, a word about pace becomes a verdict: on track → achieved, at risk
// → partly achieved, behind or not started → not achieved.
func (c *actCtx) assessed(u *updRef, ended bool) outcome {
	a := u.u.Assessment
	s := a.Status
	m := sayAssessed
	if ended {
		m = sayAssessedEnd
		s = verdict(s)
	}
	label := quoted{a.Status}
	o := mk(s, m.text(partyNames{c.ix, u.vr.r.ReportedBy}, u.vr.seen, label))
	if !a.Justification.IsZero() {
		o.why = concat(o.why, raw(a.Justification))
	}
	if s == Achieved {
		o.Progress = 1
	}
	return o
}

func verdict(s Status) Status {
	switch s {
	case OnTrack:
		return Achieved
	case AtRisk:
		return PartlyAchieved
	case Behind, NotStarted:
		return NotAchieved
	}
	return s
}

// quoted is a status label in quotation marks: ”Enligt plan”.
type quoted struct{ s Status }

func (q quoted) appendIn(b []byte, lang string) []byte {
	if lang == "en" {
		b = append(b, "“"...)
		b = append(b, q.s.Label(lang)...)
		return append(b, "”"...)
	}
	b = append(b, "”"...)
	b = append(b, q.s.Label(lang)...)
	return append(b, "”"...)
}

// indicator: the latest measured value's position between the baseline
// and the target value, against the share of time elapsed from the
// baseline's date to the end of the window.
func (c *actCtx) indicator(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	if t.Value == nil || t.Baseline == nil || *t.Value == t.Baseline.Value || math.IsNaN(*t.Value) {
		return tres{outcome: mk(Unassessable, sayNoBaseline.text())}
	}
	b, goal := t.Baseline.Value, *t.Value
	up := goal > b
	from := t.Baseline.Date
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
		default:
			out.Status, out.why = NotStarted, sayNoMeasurementYet.text(base, from, target)
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
			cf.Figures = append(cf.Figures, Figure{Value: f.value, Date: f.date, ReportID: f.vr.r.ID, ReportDate: f.vr.seen, ReportedBy: f.vr.r.ReportedBy})
		}
		out.conflicts = []Conflict{*cf}
	}
	p := (v - b) / (goal - b)
	out.Achieved = c.ix.num(v)
	out.Progress = clamp01(p)
	out.nums = phrase{"%s (mål %s)", "%s (target %s)"}.text(quantity{v, t.Unit, 2}, target)
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

var (
	sayNoBaseline        = phrase{"Indikatorn saknar utgångsvärde eller målvärde.", "The indicator has no baseline or no target value."}
	sayNoMeasurement     = phrase{"Ingen mätning rapporterad (utgångsvärde %s %s; mål %s).", "No measurement reported (baseline %s on %s; target %s)."}
	sayNoMeasurementYet  = phrase{"Ingen mätning rapporterad ännu (utgångsvärde %s %s; mål %s).", "No measurement reported yet (baseline %s on %s; target %s)."}
	sayMeasured          = phrase{"Senaste mätning %s (%s); utgångsvärde %s (%s), mål %s.", "Latest measurement %s (%s); baseline %s (%s), target %s."}
	sayIndicatorReached  = phrase{"Målet nått.", "Target reached."}
	sayIndicatorEnded    = phrase{"Perioden är slut med %s av förändringen mot målet.", "The period ended with %s of the change towards the target."}
	sayIndicatorPace     = phrase{"Väntat per %s: %s (%s av förändringen nådd, %s av tiden gången).", "Expected by %s: %s (%s of the change reached, %s of the time gone)."}
	sayActionThreshold   = phrase{"Åtgärdsgränsen %s är passerad: parterna har lovat att agera.", "The action threshold %s has been crossed: the parties have agreed to act."}
	sayConflictIndicator = phrase{"Uppgifterna går isär: %s; det minst gynnsamma värdet, %s, används.", "The sources disagree: %s; the least favourable value, %s, is used."}
)

// yearly evaluates a target that counts anew each calendar year: each
// year of the window on its own, the current one for the status. A past
// year that fell short caps the status while the window runs (partly
// achieved: at risk at best; worse: behind); when the window is over, the
// whole is achieved if every year was, partly achieved if the mean
// progress of the years reaches the threshold, else not achieved.
func (c *actCtx) yearly(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	last := w.End
	if w.Open() {
		last = later(c.sc.cut, w.Start)
	}
	var out tres
	cur := -1
	sum := 0.0
	for y := w.Start.Year(); y <= last.Year(); y++ {
		yw, _ := clip(promise.Period{Start: date(y, 1, 1), End: date(y, 12, 31)}, w)
		if yw.Open() {
			yw.End = date(y, 12, 31)
		}
		r := c.rule(t, tf, yw)
		out.years = append(out.years, yearOutcome{year: y, outcome: r.outcome})
		out.conflicts = append(out.conflicts, r.conflicts...)
		out.measured = out.measured || r.measured
		sum += r.Progress
		if !c.sc.cut.Before(yw.Start) {
			cur = len(out.years) - 1
		}
	}
	if len(out.years) == 0 {
		return tres{outcome: mk(Unassessable, sayNoPeriod.text())}
	}
	out.Progress = sum / float64(len(out.years))
	if cur < 0 {
		out.outcome = withProgress(out.years[0].outcome, out.Progress)
		return out
	}
	now := out.years[cur]
	out.outcome = withProgress(now.outcome, out.Progress)
	out.why = concat(phrase{"%s:", "%s:"}.text(itoa(now.year)), now.why)
	var past reason
	worst := Achieved
	for _, y := range out.years[:cur] {
		past = append(past, phrase{"%s %s", "%s %s"}.text(itoa(y.year), lower{y.Status})...)
		if y.Status != Achieved && worst != Behind {
			worst = Behind
			if y.Status == PartlyAchieved {
				worst = AtRisk
			}
		}
	}
	if len(past) > 0 {
		out.why = concat(out.why, sayEarlierYears.text(listOf(past)))
	}
	if c.complete(w) && allFinal(out.years) {
		switch {
		case worst == Achieved && now.Status == Achieved:
			out.Status = Achieved
		case out.Progress >= c.ix.th.PartlyAchieved-eps:
			out.Status = PartlyAchieved
		default:
			out.Status = NotAchieved
		}
		return out
	}
	if worst != Achieved {
		out.Status = capStatus(out.Status, worst)
	}
	return out
}

var sayEarlierYears = phrase{"Tidigare år: %s.", "Earlier years: %s."}

func withProgress(o outcome, p float64) outcome {
	o.Progress = p
	return o
}

func allFinal(ys []yearOutcome) bool {
	for _, y := range ys {
		if !y.Status.Final() {
			return false
		}
	}
	return true
}

// capStatus returns the worse of s and limit for a status of work under
// way; other statuses stay.
func capStatus(s, limit Status) Status {
	rank := func(x Status) int {
		switch x {
		case AtRisk:
			return 1
		case Behind:
			return 2
		}
		return 0
	}
	switch s {
	case NotStarted, OnTrack, AtRisk, Behind, Achieved:
		if rank(limit) > rank(s) {
			return limit
		}
	}
	return s
}

// lower is a status label in lower case, for use inside a sentence.
type lower struct{ s Status }

func (l lower) appendIn(b []byte, lang string) []byte {
	s := l.s.Label(lang)
	r, n := utf8.DecodeRuneInString(s)
	b = utf8.AppendRune(b, unicode.ToLower(r))
	return append(b, s[n:]...)
}
