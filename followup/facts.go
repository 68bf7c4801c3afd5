package followup

import (
	"math"
	"slices"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// cpIndex holds what the reports seen at the date evaluated say about one
// citizen promise, indexed for the rules. It is built once per citizen
// promise and read by every snapshot (the current one and the history).
type cpIndex struct {
	doc  *promise.Document
	cp   *promise.CitizenPromise
	at   promise.Date
	view View
	// period is the citizen promise's period in days (see days).
	period  promise.Period
	th      promise.Thresholds
	cal     []promise.ReportingPeriod
	reports []*vreport
	acts    map[promise.ID]*actFacts
	targets map[promise.ID]*targetFacts
	parties map[promise.ID]*promise.Party
	places  map[promise.ID]*promise.Place
	results []looseResult
	warns   []Warning
	// buf is scratch space for rendering reasons.
	buf []byte
	// nums is where the numbers of outcomes are allocated, many at a
	// time; see num.
	nums []float64
}

// num returns a pointer to v, allocated with others.
func (ix *cpIndex) num(v float64) *float64 {
	if len(ix.nums) == 0 {
		ix.nums = make([]float64, 256)
	}
	p := &ix.nums[0]
	*p = v
	ix.nums = ix.nums[1:]
	return p
}

// looseResult is a figure that belongs to no target, with the report it
// was first seen in.
type looseResult struct {
	Result
	vr *vreport
}

// actFacts is what the reports say about one activity.
type actFacts struct {
	a       *promise.Activity
	updates []updRef // in report order
	// single is the activity's only target of kind count, recurring or
	// coverage, which entries without a target count towards; nil when
	// there is not exactly one.
	single      *promise.Target
	completions []seenDate
	other       *occGroups // entries towards no target
	results     []looseResult
	// stated are the outcomes stated about an activity without targets.
	stated     []fig
	resultKeys map[resultKey]bool
}

type updRef struct {
	vr *vreport
	u  *Update
}

type seenDate struct {
	date, seen promise.Date
}

// targetFacts is what the reports say about one target.
type targetFacts struct {
	t    *promise.Target
	act  *actFacts // nil for a target of the expected effect
	occ  *occGroups
	figs []fig // figures with a value, sorted by date
	// stated are the results that state an outcome ("genomfört"), with
	// or without a value, sorted by date.
	stated []fig
	// ivs caches the intervals of a recurring target for the window
	// ivsFrom–ivsTo.
	ivs            []recurInterval
	ivsFrom, ivsTo promise.Date
}

// fig is a reported figure or stated outcome (a Result) for a target.
type fig struct {
	value float64
	date  promise.Date
	vr    *vreport
	// span is the period the figure is a total over (the result's own
	// period, else the report's), in days.
	span promise.Period
	qual promise.Qualifier
	// stated is the outcome the report states; without a value (hasValue
	// false) it is all the figure says.
	stated   StatedOutcome
	hasValue bool
	res      *Result
}

type resultKey struct {
	value float64
	date  promise.Date
	what  string
}

var (
	sayNoDate        = phrase("followup.noDate")
	sayDupReport     = phrase("followup.dupReport")
	sayUnknownCP     = phrase("followup.unknownCP")
	sayUnknownAct    = phrase("followup.unknownAct")
	sayUnknownTarget = phrase("followup.unknownTarget")
	sayOutsideWindow = phrase("followup.outsideWindow")
	sayKindUnused    = phrase("followup.kindUnused")
	sayNotANumber    = phrase("followup.notANumber")
	sayNegativeCount = phrase("followup.negativeCount")
	sayBadAssessment = phrase("followup.badAssessment")
	sayBadThresholds = phrase("followup.badThresholds")
	wordOccurrence   = words.Key("followup.entry")
	wordResult       = words.Key("followup.result")
	assessableKinds  = [numStatuses]bool{NotStarted: true, OnTrack: true, AtRisk: true, Behind: true, Achieved: true, PartlyAchieved: true, NotAchieved: true, Unassessable: true}
)

// validAssessment reports whether a is an assessment the rules can use.
func validAssessment(a *Assessment) bool {
	return a != nil && a.Status < numStatuses && assessableKinds[a.Status]
}

// docIndex is what every citizen promise of a bundle looks up: built once
// per evaluation, so that evaluating a document grows linearly with its
// number of citizen promises.
type docIndex struct {
	parties map[promise.ID]*promise.Party
	places  map[promise.ID]*promise.Place
	// reports are the bundle's reports by what they follow up (a
	// citizen promise or an action plan), in bundle order; a report
	// about an agreement is filed under each citizen promise and action
	// plan of the agreement.
	reports map[promise.ID][]*Report
	// plans are the document's action plans as citizen promises without
	// promises, so that one engine evaluates both.
	plans []*promise.CitizenPromise
	// acts holds every activity id of the document.
	acts map[promise.ID]bool
}

func newDocIndex(b *Bundle) *docIndex {
	doc := &b.Document
	dx := &docIndex{
		parties: make(map[promise.ID]*promise.Party, len(doc.Parties)),
		places:  make(map[promise.ID]*promise.Place, len(doc.Places)),
		reports: make(map[promise.ID][]*Report, len(doc.CitizenPromises)+len(doc.ActionPlans)),
		acts:    make(map[promise.ID]bool),
	}
	for i := range doc.Parties {
		dx.parties[doc.Parties[i].ID] = &doc.Parties[i]
	}
	for i := range doc.Places {
		dx.places[doc.Places[i].ID] = &doc.Places[i]
	}
	under := make(map[promise.ID][]promise.ID) // agreement → its citizen promises and plans
	for i := range doc.CitizenPromises {
		c := &doc.CitizenPromises[i]
		under[c.AgreementID] = append(under[c.AgreementID], c.ID)
		for j := range c.Activities {
			dx.acts[c.Activities[j].ID] = true
		}
	}
	for i := range doc.ActionPlans {
		a := &doc.ActionPlans[i]
		dx.plans = append(dx.plans, &promise.CitizenPromise{
			ID: a.ID, AgreementID: a.AgreementID, Title: a.Title, Period: a.Period, PartyIDs: a.PartyIDs,
			Activities: a.Activities, Reporting: a.Reporting, Thresholds: a.Thresholds,
		})
		under[a.AgreementID] = append(under[a.AgreementID], a.ID)
		for j := range a.Activities {
			dx.acts[a.Activities[j].ID] = true
		}
	}
	for i := range b.Reports {
		r := &b.Reports[i]
		switch {
		case r.CitizenPromiseID != nilID:
			dx.reports[r.CitizenPromiseID] = append(dx.reports[r.CitizenPromiseID], r)
		case r.ActionPlanID != nilID:
			dx.reports[r.ActionPlanID] = append(dx.reports[r.ActionPlanID], r)
		case r.AgreementID != nilID:
			for _, id := range under[r.AgreementID] {
				dx.reports[id] = append(dx.reports[id], r)
			}
		}
	}
	return dx
}

// warnings are what the evaluation of the whole bundle ignores: reports
// about nothing in the document, and updates of an agreement's report for
// activities of none of its citizen promises and action plans.
func (dx *docIndex) warnings(b *Bundle, at promise.Date) []Warning {
	doc := &b.Document
	known := make(map[promise.ID]bool, len(doc.CitizenPromises)+len(doc.ActionPlans)+len(doc.Agreements))
	for i := range doc.CitizenPromises {
		known[doc.CitizenPromises[i].ID] = true
	}
	for i := range doc.ActionPlans {
		known[doc.ActionPlans[i].ID] = true
	}
	for i := range doc.Agreements {
		known[doc.Agreements[i].ID] = true
	}
	var out []Warning
	for i := range b.Reports {
		r := &b.Reports[i]
		if r.Date.First().After(at) {
			continue
		}
		subject := r.CitizenPromiseID
		switch {
		case r.ActionPlanID != nilID:
			subject = r.ActionPlanID
		case r.AgreementID != nilID:
			subject = r.AgreementID
		}
		if !known[subject] {
			out = append(out, Warning{ReportID: r.ID, Message: sayUnknownCP.now(subject.String())})
			continue
		}
		if r.AgreementID == nilID {
			continue
		}
		for j := range r.Updates {
			if id := r.Updates[j].ActivityID; !dx.acts[id] {
				out = append(out, Warning{ReportID: r.ID, ActivityID: id, Message: sayUnknownAct.now(id.String())})
			}
		}
	}
	return out
}

func newIndex(dx *docIndex, doc *promise.Document, cp *promise.CitizenPromise, at promise.Date, view View) *cpIndex {
	ix := &cpIndex{
		doc:     doc,
		cp:      cp,
		at:      at,
		view:    view,
		period:  days(cp.Period),
		acts:    make(map[promise.ID]*actFacts, len(cp.Activities)),
		targets: make(map[promise.ID]*targetFacts),
		parties: dx.parties,
		places:  dx.places,
	}
	var ok bool
	if ix.th, ok = resolveThresholds(cp.Thresholds); !ok {
		ix.warns = append(ix.warns, Warning{Message: sayBadThresholds.now()})
	}
	ix.cal = Calendar(cp, at)
	for i := range cp.Activities {
		a := &cp.Activities[i]
		af := &actFacts{a: a, other: &occGroups{}}
		ix.acts[a.ID] = af
		countable := 0
		for j := range a.Targets {
			t := &a.Targets[j]
			ix.targets[t.ID] = &targetFacts{t: t, act: af, occ: &occGroups{}}
			if t.Kind != promise.Milestone && ruleOf(t.Kind).entries {
				countable++
				af.single = t
			}
		}
		if countable != 1 {
			af.single = nil
		}
	}
	if cp.Effect != nil {
		for j := range cp.Effect.Targets {
			t := &cp.Effect.Targets[j]
			ix.targets[t.ID] = &targetFacts{t: t, occ: &occGroups{}}
		}
	}
	var warns []Warning
	ix.reports, warns = visibleIn(dx.reports[cp.ID], at, view)
	ix.warns = append(ix.warns, warns...)
	cpKeys := make(map[resultKey]bool)
	for _, vr := range ix.reports {
		for i := range vr.r.Results {
			r := &vr.r.Results[i]
			ix.result(r, vr, nil, &ix.results, cpKeys)
			// A result about several activities is shown with each.
			for _, id := range r.ActivityIDs {
				if af := ix.acts[id]; af != nil {
					if af.resultKeys == nil {
						af.resultKeys = make(map[resultKey]bool)
					}
					x := *r
					x.TargetID = nilID
					ix.result(&x, vr, nil, &af.results, af.resultKeys)
				}
			}
		}
		for i := range vr.r.Updates {
			u := &vr.r.Updates[i]
			af := ix.acts[u.ActivityID]
			if af == nil {
				if vr.r.AgreementID == nilID {
					// An agreement's report speaks for several
					// citizen promises and plans; the bundle
					// warns once for what none of them holds.
					ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: u.ActivityID, Message: sayUnknownAct.now(u.ActivityID.String())})
				}
				continue
			}
			ix.update(u, vr, af)
		}
	}
	byDate := func(a, b fig) int { return a.date.Compare(b.date) }
	for _, tf := range ix.targets {
		slices.SortStableFunc(tf.figs, byDate)
		slices.SortStableFunc(tf.stated, byDate)
	}
	return ix
}

func (ix *cpIndex) update(u *Update, vr *vreport, af *actFacts) {
	af.updates = append(af.updates, updRef{vr: vr, u: u})
	if u.Assessment != nil && !validAssessment(u.Assessment) {
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayBadAssessment.now(u.Assessment.Status.String())})
	}
	if done := u.Completed.Last(); !done.IsZero() && !done.After(ix.at) {
		af.completions = append(af.completions, seenDate{date: done, seen: vr.seen})
	}
	window := ix.period
	if af.a.Window != nil && !af.a.Window.Start.IsZero() {
		window = days(*af.a.Window)
	}
	for i := range u.Occurrences {
		o := &u.Occurrences[i]
		d := o.Date.Last()
		if d.IsZero() {
			d = vr.cover.End
		}
		if d.After(ix.at) {
			continue
		}
		if o.Count < 0 {
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayNegativeCount.now(o.Count)})
			continue
		}
		if !o.Date.IsZero() && !window.Start.IsZero() && !window.Contains(o.Date) {
			// Shown as other work, never counted towards a target.
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayOutsideWindow.now(wordOccurrence, o.Date, window)})
			af.other.add(o, d, vr)
			continue
		}
		switch {
		case o.TargetID != nilID:
			if tf := ix.targets[o.TargetID]; tf != nil {
				if !ruleOf(tf.t.Kind).entries {
					ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayKindUnused.now(wordOccurrence, string(tf.t.Kind))})
					af.other.add(o, d, vr)
					continue
				}
				tf.occ.add(o, d, vr)
				continue
			}
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayUnknownTarget.now(wordOccurrence, o.TargetID.String())})
		case af.single != nil:
			ix.targets[af.single.ID].occ.add(o, d, vr)
			continue
		}
		af.other.add(o, d, vr)
	}
	if af.resultKeys == nil {
		af.resultKeys = make(map[resultKey]bool)
	}
	for i := range u.Results {
		ix.result(&u.Results[i], vr, af, &af.results, af.resultKeys)
	}
}

// result files a reported figure under its target, or among the results
// that belong to no target (identical ones once).
func (ix *cpIndex) result(r *Result, vr *vreport, af *actFacts, loose *[]looseResult, seen map[resultKey]bool) {
	var actID promise.ID
	if af != nil {
		actID = af.a.ID
	}
	value := 0.0
	if r.Value != nil {
		value = *r.Value
	}
	if math.IsNaN(value) || math.IsInf(value, 0) {
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: actID, Message: sayNotANumber.now(num{value, 0})})
		return
	}
	d := r.Date.Last()
	if d.IsZero() && r.Period != nil {
		d = r.Period.Through()
	}
	if d.IsZero() {
		d = vr.cover.End
	}
	if d.After(ix.at) {
		return
	}
	target := r.TargetID
	if target == nilID && r.Value == nil && r.Outcome != "" && af != nil && len(af.a.Targets) == 1 {
		// "Genomfört" about an activity of one target is about that target.
		target = af.a.Targets[0].ID
	}
	if target != nilID {
		if tf := ix.targets[target]; tf != nil && r.Value != nil && r.Outcome == "" && !ruleOf(tf.t.Kind).figures {
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: actID, Message: sayKindUnused.now(wordResult, string(tf.t.Kind))})
		}
		if tf := ix.targets[target]; tf != nil {
			span := vr.cover
			if r.Period != nil && !r.Period.Start.IsZero() && !r.Period.End.IsZero() {
				span = days(*r.Period)
			}
			f := fig{value: value, date: d, vr: vr, span: span, qual: r.Qualifier, stated: r.Outcome, hasValue: r.Value != nil, res: r}
			if f.stated != "" {
				tf.stated = append(tf.stated, f)
			}
			if f.hasValue {
				tf.figs = append(tf.figs, f)
			}
			return
		}
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: actID, Message: sayUnknownTarget.now(wordResult, r.TargetID.String())})
	}
	if af != nil && r.Value == nil && r.Outcome != "" && len(af.a.Targets) == 0 {
		af.stated = append(af.stated, fig{date: d, vr: vr, stated: r.Outcome, res: r})
	}
	k := resultKey{value: value, date: d, what: r.Description.In("sv") + "\x00" + r.Unit.In("sv") + "\x00" + string(r.Outcome)}
	if seen[k] {
		return
	}
	seen[k] = true
	x := *r
	x.Date = d
	*loose = append(*loose, looseResult{Result: x, vr: vr})
}

// partyName is a party's short name, else its name, else its id.
func (ix *cpIndex) partyName(id promise.ID) promise.Text {
	if p := ix.parties[id]; p != nil {
		if !p.ShortName.IsZero() {
			return p.ShortName
		}
		if !p.Name.IsZero() {
			return p.Name
		}
	}
	return promise.Text{"sv": id.String()}
}

func (ix *cpIndex) placeName(id promise.ID) promise.Text {
	if p := ix.places[id]; p != nil && !p.Name.IsZero() {
		return p.Name
	}
	return promise.Text{"sv": id.String()}
}

// within reports whether place p is q or lies within q, following the
// places' parents.
func (ix *cpIndex) within(p, q promise.ID) bool {
	for i := 0; p != nilID && i <= len(ix.places); i++ {
		if p == q {
			return true
		}
		pl := ix.places[p]
		if pl == nil {
			return false
		}
		p = pl.ParentID
	}
	return false
}
