package followup

import (
	"math"
	"sort"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
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
	ivs := tf.intervals(w, later(c.ix.at, w.Start), t.Every, m)
	if ivs == nil {
		return tres{outcome: mk(Unassessable, sayTooManyIntervals.text(MaxIntervals))}
	}
	// The intervals up to last, found by bisection: a scene costs what its
	// reports cover, not the whole window.
	total := sort.Search(len(ivs), func(i int) bool { return ivs[i].start.After(last) })
	entries := tf.occ.dated(c.sc.known, w.Start, earlier(c.sc.cut, last))
	d := c.dataEndIn(w)
	var ended, met int
	var missed []promise.Date // the first few, for the reason
	k := 0
	for _, iv := range ivs[:total] {
		if !c.hasUpdate || iv.end.After(d) {
			break
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
		} else if len(missed) <= 3 {
			missed = append(missed, iv.label)
		}
	}
	measured := len(entries) > 0
	every := cadenceWord{t.Every, false}
	rate := phrase("followup.atLeastPer").text(num{m, 2}, every)
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
		out.nums = phrase("followup.intervalsMet").text(met, denom, cadenceWord{t.Every, true})
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
	case c.awaits(w):
		out.outcome = withNumbers(c.awaitingFinal(w, nil), out.outcome)
		return out
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

// MaxIntervals is the most intervals a recurring target is judged over: a
// hundred years of days is 36,525. A target over more (only a document
// that breaks the invariants can have one) cannot be assessed, so that no
// file costs more than this.
const MaxIntervals = 40000

// intervals returns the intervals of w (up to upTo for an open window),
// computed once per target: they do not depend on the scene. It returns
// nil when there would be more than MaxIntervals.
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
		if len(tf.ivs) == MaxIntervals {
			tf.ivs = nil
			return nil
		}
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
	sayNoCadence        = phrase("followup.noCadence")
	sayRecur            = phrase("followup.recur")
	sayRecurEnded       = phrase("followup.recurEnded")
	sayRecurNone        = phrase("followup.recurNone")
	sayNoEntries        = phrase("followup.noEntries")
	sayMissed           = phrase("followup.missed")
	sayTooManyIntervals = phrase("followup.tooManyIntervals")
)

// cadenceWord names a cadence's interval, singular or plural.
type cadenceWord struct {
	c      promise.Cadence
	plural bool
}

func (cw cadenceWord) AppendIn(b []byte, lang string) []byte {
	if _, ok := daysPer[cw.c]; !ok {
		return append(b, cw.c...)
	}
	return append(b, words.Noun(words.Key("cadence."+string(cw.c)), cw.plural, lang)...)
}

// intervals names the intervals of a cadence that start on the given
// dates, up to n of them, then "med flera" / "and more".
type intervals struct {
	starts []promise.Date
	c      promise.Cadence
	n      int
}

func (iv intervals) AppendIn(b []byte, lang string) []byte {
	for i, s := range iv.starts {
		if i == iv.n {
			return words.Key("fmt.andMore").AppendIn(b, lang)
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = intervalName{s, iv.c}.AppendIn(b, lang)
	}
	return b
}
