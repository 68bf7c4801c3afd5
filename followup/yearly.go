package followup

import (
	"unicode"
	"unicode/utf8"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

var sayTooManyYears = phrase("followup.tooManyYears")

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
	if last.Year()-w.Start.Year() >= promise.MaxPeriodYears {
		// Only a document that breaks the invariants gets here: a year's
		// outcome per year would cost its thousands of years.
		return tres{outcome: mk(Unassessable, sayTooManyYears.text(promise.MaxPeriodYears))}
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
	out.why = concat(phrase("followup.yearColon").text(itoa(now.year)), now.why)
	var past reason
	worst := Achieved
	for _, y := range out.years[:cur] {
		past = append(past, phrase("followup.yearStatus").text(itoa(y.year), lower{y.Status})...)
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

var sayEarlierYears = phrase("followup.earlierYears")

func allFinal(ys []yearOutcome) bool {
	for _, y := range ys {
		if !y.Status.Final() {
			return false
		}
	}
	return true
}

// lower is a status label in lower case, for use inside a sentence.
type lower struct{ s Status }

func (l lower) AppendIn(b []byte, lang string) []byte {
	s := l.s.Label(lang)
	r, n := utf8.DecodeRuneInString(s)
	b = utf8.AppendRune(b, unicode.ToLower(r))
	return append(b, s[n:]...)
}
