package followup

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// noun names what a roll-up is over: the key of its singular in the
// catalog, and its token in [Rollup.Counted].
type noun struct {
	key   words.Key
	token string
}

var (
	nounActivities = noun{"noun.activity", "activities"}
	nounTargets    = noun{"noun.target", "targets"}
)

// pluralOf is the plural of a noun.
type pluralOf noun

func (p pluralOf) AppendIn(b []byte, lang string) []byte {
	return append(b, words.Noun(p.key, true, lang)...)
}

// counted is "3 aktiviteter".
func counted(n int, w noun) words.Count { return words.Count{N: n, Noun: w.key} }

// rollup combines the outcomes of activities (or of one activity's
// targets). The rules, documented in the package documentation:
//
//   - withdrawn children are counted but ignored; cannot-be-assessed and
//     awaiting-report children are counted and unknown; the rest are the
//     assessable ones;
//   - progress is the mean progress of the assessable children, each
//     already capped at 1;
//   - all assessable achieved: achieved; all not started: not started;
//     all not reported: not reported;
//   - once nothing is under way (no child not started, on track, at risk
//     or behind, and, while the period runs, none not reported): a
//     verdict, partly achieved if progress reaches the partly-achieved
//     threshold, else not achieved;
//   - otherwise, like a pace: on track if the share of assessable
//     children that are achieved, on track or not yet started reaches
//     the on-track threshold; else at risk if the share that are not in
//     trouble (those, plus at risk and partly achieved) reaches the
//     at-risk threshold; else behind. A roll-up is thus never behind
//     unless some child is behind, not achieved or not reported;
//   - a roll-up never looks better than its parts: while some child
//     awaits its report, the roll-up awaits it too instead of a verdict
//     or a favourable status (achieved, on track); while some child
//     cannot be assessed, it cannot be assessed instead of a favourable
//     status. Its reason then says how many were assessed ("1 av 3
//     aktiviteter bedömda").
func rollup(children []outcome, th promise.Thresholds, ended bool, what noun) rolled {
	var r rolled
	var n [numStatuses]int
	assessable, sum := 0, 0.0
	running := false
	for _, o := range children {
		if o.Status < numStatuses {
			n[o.Status]++
		}
		if o.Status.ignored() {
			continue
		}
		assessable++
		sum += clamp01(o.Progress)
		if o.Status.running() || (o.Status == NotReported && !ended) {
			running = true
		}
	}
	kinds := 0
	for _, k := range n {
		if k > 0 {
			kinds++
		}
	}
	r.Counts = make([]StatusCount, 0, kinds)
	for s, k := range n {
		if k > 0 {
			r.Counts = append(r.Counts, StatusCount{Status: Status(s), Count: k})
		}
	}
	r.Assessed, r.Total, r.Counted = assessable, len(children), what.token
	tally := countsText{r.Counts}
	total := counted(len(children), what)
	switch {
	case len(children) == 0:
		r.Status, r.why = Unassessable, sayRollupEmpty.text(pluralOf(what))
		return r
	case assessable == 0 && n[Withdrawn] == len(children):
		r.Status, r.why = Withdrawn, sayRollupWithdrawn.text(total)
		return r
	case assessable == 0 && n[AwaitingReport] > 0:
		r.Status, r.why = AwaitingReport, sayRollupAwaiting.text(total, tally)
		return r
	case assessable == 0:
		r.Status, r.why = Unassessable, sayRollupNone.text(total, tally)
		return r
	}
	r.Progress = sum / float64(assessable)
	done := pct(r.Progress)
	switch {
	case n[Achieved] == assessable:
		r.Status = Achieved
		r.why = sayRollupAll.text(total, tally, assessable)
		if assessable == 1 {
			r.why = sayRollupOne.text(total, tally)
		}
	case n[NotStarted] == assessable:
		r.Status = NotStarted
		r.why = sayRollupNotStarted.text(total, tally)
	case n[NotReported] == assessable:
		r.Status = NotReported
		r.why = sayRollupNotReported.text(total, tally)
	case !running:
		r.Status = NotAchieved
		if r.Progress >= th.PartlyAchieved-eps {
			r.Status = PartlyAchieved
		}
		r.why = sayRollupVerdict.text(total, tally, n[Achieved], assessable, done, pct(th.PartlyAchieved))
	default:
		good := n[Achieved] + n[OnTrack] + n[NotStarted]
		fair := good + n[AtRisk] + n[PartlyAchieved]
		share, fairShare := float64(good)/float64(assessable), float64(fair)/float64(assessable)
		switch {
		case share >= th.OnTrack-eps:
			r.Status = OnTrack
			r.why = sayRollupOnTrack.text(total, tally, good, assessable, pct(share), done)
		case fairShare >= th.AtRisk-eps:
			r.Status = AtRisk
			r.why = sayRollupAtRisk.text(total, tally, good, assessable, pct(share), pct(th.OnTrack), done)
		default:
			r.Status = Behind
			r.why = sayRollupBehind.text(total, tally, assessable-fair, assessable, pct(1-fairShare), done)
		}
	}
	unknown := n[AwaitingReport] + n[Unassessable]
	if unknown == 0 {
		return r
	}
	favourable := r.Status == Achieved || r.Status == OnTrack
	switch {
	case n[AwaitingReport] > 0 && (favourable || r.Status.Final()):
		r.why = concat(sayRollupCapped.text(quoted{r.Status}), r.why)
		r.Status = AwaitingReport
	case n[AwaitingReport] == 0 && favourable:
		r.why = concat(sayRollupCapped.text(quoted{r.Status}), r.why)
		r.Status = Unassessable
	}
	r.why = concat(sayRollupAssessed.text(assessable, total), r.why)
	return r
}

var (
	sayRollupAssessed    = phrase("followup.rollupAssessed")
	sayRollupCapped      = phrase("followup.rollupCapped")
	sayRollupAwaiting    = phrase("followup.rollupAwaiting")
	sayRollupEmpty       = phrase("followup.rollupEmpty")
	sayRollupWithdrawn   = phrase("followup.rollupWithdrawn")
	sayRollupNone        = phrase("followup.rollupNone")
	sayRollupOne         = phrase("followup.rollupOne")
	sayRollupAll         = phrase("followup.rollupAll")
	sayRollupNotStarted  = phrase("followup.rollupNotStarted")
	sayRollupNotReported = phrase("followup.rollupNotReported")
	sayRollupVerdict     = phrase("followup.rollupVerdict")
	sayRollupOnTrack     = phrase("followup.rollupOnTrack")
	sayRollupAtRisk      = phrase("followup.rollupAtRisk")
	sayRollupBehind      = phrase("followup.rollupBehind")
)

// rolled is a roll-up whose reason is not yet rendered.
type rolled struct {
	outcome
	Counts          []StatusCount
	Assessed, Total int
	Counted         string
}

func (r rolled) render(buf *[]byte) Rollup {
	return Rollup{Outcome: r.outcome.render(buf), Counts: r.Counts, Assessed: r.Assessed, Total: r.Total, Counted: r.Counted}
}

// countsText is "Uppfyllt 5, Kan inte bedömas 1".
type countsText struct{ counts []StatusCount }

func (c countsText) AppendIn(b []byte, lang string) []byte {
	for i, sc := range c.counts {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, sc.Status.Label(lang)...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(sc.Count), 10)
	}
	return b
}
