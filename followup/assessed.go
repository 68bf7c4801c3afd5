package followup

import (
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

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
	if c.awaits(w) {
		var last reason
		if la != nil {
			last = c.assessed(la, false).why
		}
		return tres{outcome: c.awaitingFinal(w, last)}
	}
	if la != nil {
		return tres{outcome: c.assessed(la, false)}
	}
	o := mk(AwaitingReport, sayNoAssessmentYet.text())
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
	case c.awaits(w) && la != nil:
		return tres{outcome: c.awaitingFinal(w, c.assessed(la, false).why)}
	case c.awaits(w) && !c.hasUpdate:
		return tres{outcome: c.awaitingFinal(w, nil)}
	case la != nil:
		return tres{outcome: c.assessed(la, false)}
	case !c.hasUpdate:
		return tres{outcome: c.nothingYet(w)}
	}
	return tres{outcome: mk(Unassessable, sayUnmeasurable.text())}
}

var (
	sayNoAssessment    = phrase("followup.noAssessment")
	sayNoAssessmentYet = phrase("followup.noAssessmentYet")
	sayUnmeasurable    = phrase("followup.unmeasurable")
	sayAssessed        = phrase("followup.assessed")
	sayAssessedEnd     = phrase("followup.assessedEnd")
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
	o := mk(s, m.text(partyNames{c.ix, u.vr.r.ReportedBy}, u.vr.date, label))
	if !a.Justification.IsZero() {
		o.why = concat(o.why, raw(a.Justification))
	}
	switch s {
	case Achieved:
		o.Progress = 1
	case PartlyAchieved:
		// A partly-achieved verdict means at least the partly-achieved
		// share was done, whatever numbers there are: roll-ups must
		// agree with it.
		o.Progress = c.ix.th.PartlyAchieved
	}
	return o
}

// quoted is a status label in quotation marks: ”Enligt plan”.
type quoted struct{ s Status }

func (q quoted) AppendIn(b []byte, lang string) []byte {
	b = words.Key("fmt.quoteOpen").AppendIn(b, lang)
	b = append(b, q.s.Label(lang)...)
	return words.Key("fmt.quoteClose").AppendIn(b, lang)
}
