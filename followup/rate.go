package followup

import (
	"math"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// daysPer is the mean length in days of one interval of each cadence, for
// rates: 71 controls in 92 days is 0.77 a day, 23.4 a month.
var daysPer = map[promise.Cadence]float64{
	promise.Daily:     1,
	promise.Weekly:    7,
	promise.Monthly:   365.2425 / 12,
	promise.Quarterly: 365.2425 / 4,
	promise.Tertially: 365.2425 / 3,
	promise.HalfYear:  365.2425 / 2,
	promise.Yearly:    365.2425,
}

// rate: at least Value per Every on average ("minst en trafikkontroll
// varje dygn"), judged from reported totals over periods. A total with a
// period of its own counts over that period, one without over its
// report's period; totals over different periods are never added: the
// one whose period ends last (on a tie, the longest) is used, so that
// "71 in May–July" and then "301 in May–December" give 0.77 a day, then
// 1.23. Without totals, the entries up to the latest date reported count
// over the days from the window's start.
//
// Once a total's period reaches the end of the window, or the reports
// cover the window, the rate is a verdict: achieved at Value or more,
// partly achieved at PartlyAchieved × Value, else not achieved. Under way
// the rate is held against Value itself, not a pace: on track at Value or
// more, at risk at OnTrack × Value, else behind (days below the rate
// already count).
func (c *actCtx) rate(t *promise.Target, tf *targetFacts, w promise.Period) tres {
	if t.Value == nil || !(*t.Value > 0) || math.IsInf(*t.Value, 0) {
		return tres{outcome: mk(Unassessable, sayNoValue.text())}
	}
	per, ok := daysPer[t.Every]
	if !ok {
		return tres{outcome: mk(Unassessable, sayNoCadence.text(string(t.Every)))}
	}
	want := *t.Value
	out := tres{}
	out.Target = c.ix.num(want)
	if c.sc.cut.Before(w.Start) {
		out.Status, out.why = NotStarted, sayStarts.text(w.Start)
		return out
	}
	cut := c.sc.cut
	if !w.Open() && w.End.Before(cut) {
		cut = w.End
	}
	// The total whose period ends last, within the window.
	var best *fig
	var bestSpan promise.Period
	for i := range tf.figs {
		f := &tf.figs[i]
		if f.vr.seen.After(c.sc.known) || f.date.After(c.sc.cut) {
			continue
		}
		span, ok := clip(f.span, w)
		if !ok || span.End.After(cut) {
			continue
		}
		if best == nil || span.End.After(bestSpan.End) || (span.End == bestSpan.End && span.Start.Before(bestSpan.Start)) {
			best, bestSpan = f, span
		}
	}
	var total float64
	var span promise.Period
	var qual promise.Qualifier
	switch {
	case best != nil:
		total, span, qual = best.value, bestSpan, best.qual
	case c.hasUpdate:
		end := c.dataEndIn(w)
		if end.After(cut) {
			end = cut
		}
		if s := tf.occ.sum(c.sc.known, w.Start, end); s > 0 && !end.Before(w.Start) {
			total, span = s, promise.Period{Start: w.Start, End: end}
		}
	}
	measured := !span.Start.IsZero()
	out.measured = measured
	goal := rateOf{want, t.Every, true, t.Unit}
	var got rateOf
	var why reason
	if measured {
		n := float64(daysBetween(span.Start, span.End) + 1)
		r := total / n * per
		got = rateOf{r, t.Every, false, t.Unit}
		out.Achieved = c.ix.num(r)
		out.Progress = clamp01(r / want)
		out.nums = phrase("followup.rateOfTarget").text(got, goal)
		why = sayRate.text(qualified{total, qual, t.Unit}, span, got, goal)
	}
	th := c.ix.th
	switch {
	case measured && (span.End == w.End || c.complete(w)):
		ratio := got.v / want
		switch {
		case ratio >= 1-eps:
			out.Status = Achieved
		case ratio >= th.PartlyAchieved-eps:
			out.Status = PartlyAchieved
		default:
			out.Status = NotAchieved
		}
		out.why = why
		return out
	}
	if miss := c.missing(w, c.cover); len(miss) > 0 {
		out.outcome = withNumbers(c.notReported(miss, why), out.outcome)
		return out
	}
	switch {
	case c.awaits(w):
		out.outcome = withNumbers(c.awaitingFinal(w, why), out.outcome)
	case !c.hasUpdate:
		out.outcome = withNumbers(c.nothingYet(w), out.outcome)
	case !measured:
		out.Status, out.why = Unassessable, sayNoRateTotal.text(goal)
	case got.v >= want-eps:
		out.Status, out.why = OnTrack, why
	case got.v >= th.OnTrack*want-eps:
		out.Status, out.why = AtRisk, why
	default:
		out.Status, out.why = Behind, why
	}
	return out
}

var (
	sayRate        = phrase("followup.rate")
	sayNoRateTotal = phrase("followup.noRateTotal")
)

// rateOf is "0,78 per dygn" / "at least 1 a day".
type rateOf struct {
	v       float64
	every   promise.Cadence
	atLeast bool
	unit    promise.Text
}

func (r rateOf) AppendIn(b []byte, lang string) []byte {
	m := words.M("followup.perInterval", quantity{r.v, r.unit, 2}, cadenceWord{r.every, false})
	if r.atLeast {
		return words.M("followup.atLeast", m).AppendIn(b, lang)
	}
	return m.AppendIn(b, lang)
}

// qualified is a reported figure with its qualifier: "drygt 300
// trafikkontroller".
type qualified struct {
	v    float64
	q    promise.Qualifier
	unit promise.Text
}

func (q qualified) AppendIn(b []byte, lang string) []byte {
	if q.q == "" {
		return quantity{q.v, q.unit, 2}.AppendIn(b, lang)
	}
	return words.M("qualified", words.Key("qualifier."+string(q.q)), quantity{q.v, q.unit, 2}).AppendIn(b, lang)
}

// stated applies what the reports state in words ("genomfört", "delvis",
// "ej genomfört") to a target whose rule found no figure to judge by (t is
// nil for an activity without targets): the latest stated outcome seen.
// Done is achieved whenever it is stated. At or after the end of the
// window (the report speaks for its end, or the reports cover the window)
// partly done is partly achieved and not done not achieved; stated while
// the window runs they are on track and behind. A number is not a word,
// though: for a target of a number greater than one (a count, a rate, a
// recurring target, an indicator), done and partly done say nothing about
// how many, and only not done at the end is a verdict. A rule that
// measured something keeps its own outcome; the stated outcome is named in
// the reason either way.
func (c *actCtx) stated(t *promise.Target, fs []fig, w promise.Period, r tres) tres {
	var last *fig
	for i := range fs {
		f := &fs[i]
		if f.vr.seen.After(c.sc.known) || f.date.After(c.sc.cut) || f.date.Before(w.Start) {
			continue
		}
		last = f
	}
	if last == nil {
		return r
	}
	said := sayStated.text(partyNames{c.ix, last.vr.r.ReportedBy}, last.vr.date, statedWord(last.stated))
	if d := last.res.Description; !d.IsZero() {
		said = concat(said, raw(d))
	}
	end := (!w.End.IsZero() && !last.vr.cover.End.Before(w.End)) || c.complete(w)
	numeric := t != nil && ruleOf(t.Kind).numeric(t)
	if r.measured || r.Status == Withdrawn || r.Status == NotStarted || numeric && !(last.stated == NotDone && end) {
		r.why = concat(r.why, said)
		return r
	}
	var s Status
	switch last.stated {
	case Done:
		s = Achieved
	case PartlyDone:
		s = OnTrack
		if end {
			s = PartlyAchieved
		}
	case NotDone:
		s = Behind
		if end {
			s = NotAchieved
		}
	default:
		return r
	}
	out := tres{outcome: mk(s, said), measured: true}
	out.nums, out.Target = r.nums, r.Target
	switch s {
	case Achieved:
		out.Progress = 1
	case PartlyAchieved:
		out.Progress = c.ix.th.PartlyAchieved
	}
	return out
}

var sayStated = phrase("followup.stated")

// statedWord is a stated outcome in words.
type statedWord StatedOutcome

func (s statedWord) AppendIn(b []byte, lang string) []byte {
	return words.Key("outcome."+string(s)).AppendIn(b, lang)
}
