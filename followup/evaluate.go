package followup

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Options choose how [EvaluateWith] evaluates. The zero value means the
// defaults.
type Options struct {
	// View chooses which reports are seen: the period view (the
	// default) or the as-known view.
	View View
}

// Evaluate is [EvaluateWith] in the period view: the status of every
// citizen promise, action plan, promise, activity and target of b at
// date at, judged with every report that covers the time up to at,
// whenever it was published.
func Evaluate(b *Bundle, at promise.Date) *Evaluation {
	return EvaluateWith(b, at, Options{})
}

// EvaluateWith derives the status of every citizen promise, action plan,
// promise, activity and target of b at date at (a month or a year stands
// for its last day). What happened after at is not seen: entries, figures
// and completions dated later do not count. Which reports are seen depends
// on opts.View: in the period view every report whose period has ended by
// at, and every report published by at; in the as-known view only those
// published by at. The evaluation says which view it used.
//
// It is a pure function: the same bundle, date and options always give the
// same evaluation; there is no clock inside; b is only read, so it may
// run on one bundle from many goroutines at once. A nil bundle gives an
// empty evaluation. EvaluateWith never fails: what it cannot use it
// reports in [Evaluation.Warnings].
func EvaluateWith(b *Bundle, at promise.Date, opts Options) *Evaluation {
	at = at.Last()
	e := &Evaluation{At: at, View: opts.View, CitizenPromises: []CitizenPromiseStatus{}}
	if b == nil {
		return e
	}
	doc := &b.Document
	dx := newDocIndex(b)
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		ix := newIndex(dx, doc, cp, at, opts.View)
		e.CitizenPromises = append(e.CitizenPromises, ix.evaluate())
		e.Warnings = append(e.Warnings, ix.warns...)
	}
	for i := range doc.ActionPlans {
		cp := dx.plans[i]
		ix := newIndex(dx, doc, cp, at, opts.View)
		e.ActionPlans = append(e.ActionPlans, ix.evaluate())
		e.Warnings = append(e.Warnings, ix.warns...)
	}
	e.Warnings = append(e.Warnings, dx.warnings(b, at)...)
	// Warnings come out in a fixed order, whatever the order of the
	// reports in the bundle.
	slices.SortStableFunc(e.Warnings, func(a, b Warning) int {
		if c := bytes.Compare(a.ReportID[:], b.ReportID[:]); c != 0 {
			return c
		}
		if c := bytes.Compare(a.ActivityID[:], b.ActivityID[:]); c != 0 {
			return c
		}
		return strings.Compare(a.Message["en"], b.Message["en"])
	})
	e.Warnings = slices.CompactFunc(e.Warnings, func(a, b Warning) bool {
		return a.ReportID == b.ReportID && a.ActivityID == b.ActivityID && a.Message["en"] == b.Message["en"]
	})
	return e
}

// MaxHistory is the most reporting periods a history holds: the latest
// ones. Each period's entry evaluates every activity anew, so an
// unbounded history would cost the square of the periods; real citizen
// promises have at most a few dozen.
const MaxHistory = 100

// evaluate is the evaluation of the index's citizen promise: now, and at
// the end of each reporting period that has ended.
func (ix *cpIndex) evaluate() CitizenPromiseStatus {
	cp := ix.cp
	out := CitizenPromiseStatus{ID: cp.ID}
	now := scene{known: ix.at, cut: ix.at, overdue: ix.at}
	out.Activities = make([]ActivityStatus, len(cp.Activities))
	outcomes := make([]outcome, len(cp.Activities))
	for i := range cp.Activities {
		outcomes[i] = ix.activity(ix.acts[cp.Activities[i].ID], now, &out.Activities[i])
	}
	serving := ix.serving()
	out.Promises = make([]PromiseStatus, len(cp.Promises))
	for i := range cp.Promises {
		p := &cp.Promises[i]
		out.Promises[i] = PromiseStatus{ID: p.ID, Rollup: ix.promise(p, serving[i], outcomes, now).render(&ix.buf)}
		for _, j := range serving[i] {
			out.Promises[i].Activities = append(out.Promises[i].Activities, cp.Activities[j].ID)
		}
	}
	out.Rollup = rollup(outcomes, ix.th, ix.ended(now), nounActivities).render(&ix.buf)
	if cp.Effect != nil {
		c := ix.context(nil, now)
		for j := range cp.Effect.Targets {
			t := &cp.Effect.Targets[j]
			out.Effect = append(out.Effect, ix.targetStatus(t, c.target(t, ix.targets[t.ID])))
		}
	}
	out.Calendar = ix.calendar()
	for _, vr := range ix.reports {
		out.Reports = append(out.Reports, vr.r.ID)
		out.LastReport = later(out.LastReport, vr.date)
		if !vr.r.Summary.IsZero() || len(vr.r.Notes) > 0 {
			out.Texts = append(out.Texts, ReportText{ReportID: vr.r.ID, Summary: vr.r.Summary, Notes: vr.r.Notes})
		}
	}
	for _, r := range ix.results {
		out.Results = append(out.Results, r.Result)
	}

	hist := make([]outcome, len(cp.Activities))
	ended := sort.Search(len(ix.cal), func(i int) bool { return !ix.cal[i].Period.End.Before(ix.at) })
	for _, q := range ix.cal[max(0, ended-MaxHistory):ended] {
		// The period's end, as reported by its due date (as known then),
		// or with every report that covers it (the period view).
		sc := scene{known: ix.at, cut: q.Period.End, overdue: ix.at}
		if ix.view == AsKnownView {
			sc.known = earlier(ix.at, q.Due)
			if ix.at.After(q.Due) {
				sc.overdue = addDays(q.Due, 1)
			}
		}
		for i := range cp.Activities {
			hist[i] = ix.activity(ix.acts[cp.Activities[i].ID], sc, nil)
			out.Activities[i].History = appendOutcome(out.Activities[i].History, q.Period, hist[i].data())
		}
		for i := range cp.Promises {
			r := ix.promise(&cp.Promises[i], serving[i], hist, sc)
			out.Promises[i].History = appendOutcome(out.Promises[i].History, q.Period, r.outcome.data())
		}
		r := rollup(hist, ix.th, ix.ended(sc), nounActivities)
		out.History = appendOutcome(out.History, q.Period, r.outcome.data())
	}
	return out
}

// appendOutcome appends the outcome o at the end of period p to a
// history, or extends its last entry to p when that entry ended the day
// before p began with the same outcome: a history says "12 periods not
// reported, 2024-09-01–2025-08-31" once, not twelve times.
func appendOutcome(h []PeriodOutcome, p promise.Period, o Outcome) []PeriodOutcome {
	if n := len(h); n > 0 {
		if last := &h[n-1]; follows(last.Period, p) && sameOutcome(last.Outcome, o) {
			last.Period.End = p.End
			last.Periods = max(last.Periods, 1) + 1
			return h
		}
	}
	return append(h, PeriodOutcome{Period: p, Outcome: o})
}

// follows reports whether q begins the day after p ends.
func follows(p, q promise.Period) bool {
	return !p.End.IsZero() && !q.Start.IsZero() && p.End.Last().AddDays(1) == q.Start.First()
}

// sameOutcome reports whether two history entries say the same: status,
// reason codes, numbers and progress.
func sameOutcome(a, b Outcome) bool {
	num := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Status == b.Status && a.Progress == b.Progress && slices.Equal(a.Codes, b.Codes) &&
		num(a.Achieved, b.Achieved) && num(a.Target, b.Target) && num(a.Expected, b.Expected)
}

func (ix *cpIndex) targetStatus(t *promise.Target, r tres) TargetStatus {
	ts := TargetStatus{ID: t.ID, Kind: t.Kind, Outcome: r.render(&ix.buf)}
	for _, y := range r.years {
		ts.Years = append(ts.Years, YearOutcome{Year: y.year, Outcome: y.render(&ix.buf)})
	}
	return ts
}

// ended reports whether the citizen promise's period is over at the
// scene's cut (its last day included).
func (ix *cpIndex) ended(sc scene) bool {
	p := ix.period
	return !p.End.IsZero() && !sc.cut.Before(p.End)
}

// serving lists, per promise, the indexes of the activities that serve
// it.
func (ix *cpIndex) serving() [][]int {
	cp := ix.cp
	pos := make(map[promise.ID]int, len(cp.Promises))
	for i := range cp.Promises {
		pos[cp.Promises[i].ID] = i
	}
	out := make([][]int, len(cp.Promises))
	for j := range cp.Activities {
		for _, id := range cp.Activities[j].PromiseIDs {
			if i, ok := pos[id]; ok && !slices.Contains(out[i], j) {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

func (ix *cpIndex) promise(p *promise.Promise, acts []int, outcomes []outcome, sc scene) rolled {
	children := make([]outcome, len(acts))
	for k, j := range acts {
		children[k] = outcomes[j]
	}
	r := rollup(children, ix.th, ix.ended(sc), nounActivities)
	if w := p.Withdrawn; w != nil && (w.Date.IsZero() || !w.Date.Last().After(sc.cut)) {
		r.outcome = mk(Withdrawn, withdrawnReason(w))
	}
	return r
}

func withdrawnReason(w *promise.Withdrawal) reason {
	if w.Date.IsZero() {
		return concat(phrase("followup.withdrawn").text(), raw(w.Reason))
	}
	return concat(phrase("followup.withdrawnOn").text(w.Date), raw(w.Reason))
}

// activity evaluates one activity in a scene and returns its outcome.
// With a non-nil as it also fills in the details of the current status
// (rendered outcome, targets, conflicts, loose results, reports), which
// the history leaves out.
func (ix *cpIndex) activity(af *actFacts, sc scene, as *ActivityStatus) outcome {
	a := af.a
	full := as != nil
	if full {
		as.ID = a.ID
	}
	if w := a.Withdrawn; w != nil && (w.Date.IsZero() || !w.Date.Last().After(sc.cut)) {
		o := mk(Withdrawn, withdrawnReason(w))
		if full {
			as.Outcome = o.render(&ix.buf)
			for j := range a.Targets {
				as.Targets = append(as.Targets, TargetStatus{ID: a.Targets[j].ID, Kind: a.Targets[j].Kind, Outcome: as.Outcome})
			}
		}
		return o
	}
	c := ix.context(af, sc)
	var computed outcome
	switch len(a.Targets) {
	case 0:
		computed = c.stated(nil, af.stated, c.window, c.unmeasurable(c.window)).outcome
	case 1:
		t := &a.Targets[0]
		r := c.target(t, ix.targets[t.ID])
		computed = r.outcome
		if full {
			as.Targets = append(as.Targets, ix.targetStatus(t, r))
			as.Conflicts = append(as.Conflicts, r.conflicts...)
		}
	default:
		outs := make([]outcome, len(a.Targets))
		for j := range a.Targets {
			t := &a.Targets[j]
			r := c.target(t, ix.targets[t.ID])
			outs[j] = r.outcome
			if full {
				as.Targets = append(as.Targets, ix.targetStatus(t, r))
				as.Conflicts = append(as.Conflicts, r.conflicts...)
			}
		}
		ended := !c.window.Open() && !sc.cut.Before(c.window.End)
		computed = rollup(outs, ix.th, ended, nounTargets).outcome
	}
	var results []Result
	var latest int
	if computed.Status == Unassessable || full {
		results, latest = af.loose(sc)
	}
	if computed.Status == Unassessable && len(results) > 0 {
		// The reason cites what the latest report said; earlier figures
		// are in Results.
		computed.why = concat(computed.why, sayReported.text(resultList(results[latest:])))
	}
	shown, byAssessment := computed, false
	var assessedBy *ReportedAssessment
	if la := c.latestAssessed; la != nil {
		assessedBy = &ReportedAssessment{Assessment: *la.u.Assessment, ReportID: la.vr.r.ID, Date: la.vr.date, ReportedBy: la.vr.r.ReportedBy}
		if la == c.latest && !assessedByRule(a) {
			switch computed.Status {
			case NotReported, AwaitingReport, NotStarted, Withdrawn:
			default:
				shown, byAssessment = c.assessed(la, c.complete(c.window)), true
				if shown.Status != Achieved {
					shown.Progress = max(shown.Progress, computed.Progress)
				}
				shown.nums, shown.Achieved, shown.Target, shown.Expected = computed.nums, computed.Achieved, computed.Target, computed.Expected
				beside := computed.why
				if shown.Status != computed.Status {
					beside = concat(sayComputed.text(computed.Status), computed.why)
				}
				shown.why = concat(shown.why, beside)
			}
		}
	}
	if full {
		as.Outcome = shown.render(&ix.buf)
		if byAssessment {
			r := computed.render(&ix.buf)
			as.Computed = &r
		}
		as.Assessment = assessedBy
		as.Results = results
		as.Occurrences = af.otherWork(sc)
		as.Leads = leadConflict(a)
		for _, u := range af.updates {
			if !u.vr.seen.After(sc.known) && !slices.Contains(as.Reports, u.vr.r.ID) {
				as.Reports = append(as.Reports, u.vr.r.ID)
			}
		}
	}
	return shown
}

var (
	sayReported = phrase("followup.reported")
	sayComputed = phrase("followup.computed")
)

// assessedByRule reports whether the activity's rules already rest on
// assessments alone: it has only continuous and unmeasurable targets (or
// none).
func assessedByRule(a *promise.Activity) bool {
	for j := range a.Targets {
		switch a.Targets[j].Kind {
		case promise.Continuous, promise.Unmeasurable:
		default:
			return false
		}
	}
	return true
}

// loose returns the activity's figures that belong to no target, as
// seen in the scene, in report order, and the index of the first one from
// the latest report that has any.
func (af *actFacts) loose(sc scene) (out []Result, latest int) {
	var last *vreport
	for _, r := range af.results {
		if r.vr.seen.After(sc.known) || r.Date.After(sc.cut) {
			continue
		}
		if r.vr != last {
			last, latest = r.vr, len(out)
		}
		out = append(out, r.Result)
	}
	return out, latest
}

// otherWork returns the entries that count towards no target.
func (af *actFacts) otherWork(sc scene) []Occurrence {
	var out []Occurrence
	for i := range af.other.list {
		g := &af.other.list[i]
		if g.key.date.After(sc.cut) {
			continue
		}
		n := g.amount(sc.known)
		if n == 0 {
			continue
		}
		o := *g.first
		o.Date = g.key.date
		if n != 1 {
			o.Count = int(n)
		}
		out = append(out, o)
	}
	return out
}

// resultList is "303 trafikkontroller, 12 insatser (mot trimmade
// mopeder)".
type resultList []Result

func (rl resultList) AppendIn(b []byte, lang string) []byte {
	l := make(words.List, len(rl))
	for i, r := range rl {
		l[i] = resultText(r)
	}
	return l.AppendIn(b, lang)
}

// resultText is one result of a resultList.
type resultText Result

func (r resultText) AppendIn(b []byte, lang string) []byte {
	{
		start := len(b)
		if r.Value != nil {
			b = qualified{*r.Value, r.Qualifier, r.Unit}.AppendIn(b, lang)
		}
		d := strings.TrimSuffix(strings.TrimSpace(r.Description.In(lang)), ".")
		switch {
		case d == "":
		case strings.Contains(d, string(b[start:])):
			// "303 trafikkontroller genomfördes …" says it all.
			b = append(b[:start], d...)
		default:
			b = append(b, " ("...)
			b = append(b, d...)
			b = append(b, ')')
		}
	}
	return b
}

// calendar is the reporting calendar with the reports that cover it.
func (ix *cpIndex) calendar() []CalendarPeriod {
	out := make([]CalendarPeriod, 0, len(ix.cal))
	for _, q := range ix.cal {
		cp := CalendarPeriod{ReportingPeriod: q}
		var cover []promise.Period
		for _, vr := range ix.reports {
			if _, ok := clip(vr.cover, q.Period); ok {
				cp.Reports = append(cp.Reports, vr.r.ID)
			}
			if cp.Received.IsZero() {
				cover = merge(append(cover, vr.cover))
				if covered(q.Period, cover) {
					cp.Received = vr.date
				}
			}
		}
		switch {
		case !q.Period.End.Before(ix.at):
			cp.State = PeriodUpcoming
		case !cp.Received.IsZero() && cp.Received.After(q.Due):
			cp.State = PeriodLate
		case !cp.Received.IsZero():
			cp.State = PeriodReceived
		case ix.at.After(q.Due):
			cp.State = PeriodMissing
		default:
			cp.State = PeriodAwaiting
		}
		// A run of missing periods that no report covers is one entry
		// ("12 periods missing, the last due 2025-09-30"), and so are the
		// upcoming periods after the next one, which keeps its own.
		if n := len(out); n > 0 && len(cp.Reports) == 0 && cp.Received.IsZero() && (cp.State == PeriodMissing || cp.State == PeriodUpcoming && n >= 2 && out[n-2].State == PeriodUpcoming) {
			if last := &out[n-1]; last.State == cp.State && len(last.Reports) == 0 && last.Received.IsZero() && follows(last.Period, cp.Period) {
				if last.Periods == 0 {
					last.FirstDue = last.Due
				}
				last.Period.End, last.Due = cp.Period.End, cp.Due
				last.Periods = max(last.Periods, 1) + 1
				continue
			}
		}
		out = append(out, cp)
	}
	return out
}

// leadConflict returns what each source names as the activity's lead when
// the sources differ: from each other, or from the lead the document
// shows.
func leadConflict(a *promise.Activity) []promise.SourcedLead {
	same := func(x, y []promise.ID) bool {
		if len(x) != len(y) {
			return false
		}
		for _, id := range x {
			if !slices.Contains(y, id) {
				return false
			}
		}
		return true
	}
	for _, l := range a.LeadsBySource {
		if !same(l.LeadIDs, a.LeadIDs) {
			return a.LeadsBySource
		}
	}
	return nil
}
