package followup

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Validate checks the report's invariants and returns every violation as
// [promise.Violations], or nil. With doc (the promise document it reports
// on) it also checks that every id the report uses names the right thing
// there: what it follows up (a citizen promise, an action plan, or an
// agreement and the citizen promises and action plans under it), the
// reporting parties, each update's activity (of what it follows up),
// targets of that activity, and places.
//
// Besides: exactly one of citizenPromiseId, actionPlanId and agreementId
// is given; the period is ordered and has an end; the date is given unless
// notStated names it; every occurrence and result is dated within the
// report's period (a month or year only needs to overlap it), not after
// the report's date; a result has a value or a stated outcome; counts and
// the totals of count, rate, recurring and coverage targets are whole and
// not negative; evidence links are absolute http(s) URLs; an activity is
// updated at most once per report.
func (r *Report) Validate(doc *promise.Document) error {
	return r.validate(doc, nil)
}

// ValidateReports returns what Validate returns for each report against
// doc, nil for a valid one. It indexes the document once, where Validate
// indexes it for each report: the cost is the document's size plus the
// reports', not their product (a bundle of 2 MiB with thousands of places
// and reports).
func ValidateReports(doc *promise.Document, reports []Report) []error {
	errs := make([]error, len(reports))
	shared := &reportsIndex{subjects: map[subjectKey]subjectIndex{}}
	for i := range reports {
		errs[i] = reports[i].validate(doc, shared)
	}
	return errs
}

func (r *Report) validate(doc *promise.Document, shared *reportsIndex) error {
	v := reportValidator{r: r, shared: shared}
	v.check(doc)
	if len(v.out) == 0 {
		return nil
	}
	return v.out
}

// reportsIndex is what ValidateReports shares between the reports of one
// document: its parties and places, and the activities and targets of
// each subject. The maps are only read once built.
type reportsIndex struct {
	parties, places map[promise.ID]bool
	subjects        map[subjectKey]subjectIndex
}

// subjectKey names what a report follows up.
type subjectKey struct{ cp, plan, agreement promise.ID }

type subjectIndex struct {
	acts    map[promise.ID]*promise.Activity
	targets map[promise.ID]*promise.Target
}

type reportValidator struct {
	r      *Report
	out    promise.Violations
	shared *reportsIndex // nil: index the document for this report alone
	// What the report follows up, when the document is known: its
	// activities and targets by id, and the document's parties and
	// places.
	acts    map[promise.ID]*promise.Activity
	targets map[promise.ID]*promise.Target
	parties map[promise.ID]bool
	places  map[promise.ID]bool
}

// msg is a message of the catalog (package promise/words).
type msg words.Key

func (m msg) text(args ...any) promise.Text {
	return promise.Text(words.M(words.Key(m), argsOf(args)...).Text())
}

var (
	mMissing    = msg("report.missing")
	mUnstated   = msg("report.unstated")
	mStatedToo  = msg("report.statedToo")
	mSubject    = msg("report.subject")
	mNoCP       = msg("report.noCP")
	mNoPlan     = msg("report.noPlan")
	mNoAgr      = msg("report.noAgr")
	mNoParty    = msg("report.noParty")
	mNoActivity = msg("report.noActivity")
	mNoTarget   = msg("report.noTarget")
	mNoPlace    = msg("report.noPlace")
	mEndBefore  = msg("report.endBefore")
	mOutside    = msg("report.outside")
	mAfterDate  = msg("report.afterDate")
	mNegative   = msg("report.negative")
	mFraction   = msg("report.fraction")
	mNoValue    = msg("report.noValue")
	mBadEnum    = msg("report.badEnum")
	mActsHere   = msg("report.actsHere")
	mTwice      = msg("report.twice")
	mLink       = msg("report.link")
	mEmptyText  = msg("report.emptyText")
	mNoCPTarget = msg("report.noCPTarget")
	mTooMany    = msg("report.tooMany")
	mBadStatus  = msg("report.badStatus")
)

func (v *reportValidator) add(ptr string, code promise.Code, m msg, args ...any) {
	v.out = append(v.out, promise.Violation{Pointer: ptr, Code: code, Message: m.text(args...)})
}

// Subject returns the activities of what the report follows up in doc:
// its citizen promise's or action plan's, or, for an agreement, those of
// every citizen promise and action plan under it. ok is false when doc
// holds no such thing.
func (r *Report) Subject(doc *promise.Document) (acts []*promise.Activity, ok bool) {
	add := func(as []promise.Activity) {
		for i := range as {
			acts = append(acts, &as[i])
		}
	}
	switch {
	case r.CitizenPromiseID != nilID:
		for i := range doc.CitizenPromises {
			if c := &doc.CitizenPromises[i]; c.ID == r.CitizenPromiseID {
				add(c.Activities)
				return acts, true
			}
		}
	case r.ActionPlanID != nilID:
		for i := range doc.ActionPlans {
			if a := &doc.ActionPlans[i]; a.ID == r.ActionPlanID {
				add(a.Activities)
				return acts, true
			}
		}
	case r.AgreementID != nilID:
		for i := range doc.Agreements {
			ok = ok || doc.Agreements[i].ID == r.AgreementID
		}
		for i := range doc.ActionPlans {
			if a := &doc.ActionPlans[i]; a.AgreementID == r.AgreementID {
				add(a.Activities)
			}
		}
		for i := range doc.CitizenPromises {
			if c := &doc.CitizenPromises[i]; c.AgreementID == r.AgreementID {
				add(c.Activities)
			}
		}
		return acts, ok
	}
	return nil, false
}

func (v *reportValidator) check(doc *promise.Document) {
	r := v.r
	if r.ID == nilID {
		v.add("/id", promise.CodeMissing, mMissing, "id")
	}
	switch {
	case r.Period.Start.IsZero():
		v.add("/period/start", promise.CodeMissing, mMissing, "start")
	case r.Period.End.IsZero():
		v.add("/period/end", promise.CodeMissing, mMissing, "end")
	case r.Period.Through().Before(r.Period.From()):
		v.add("/period/end", promise.CodeDateOrder, mEndBefore, r.Period.End, r.Period.Start)
	}
	for i, n := range r.NotStated {
		if n != promise.DateField {
			v.add("/notStated/"+strconv.Itoa(i), promise.CodeBadValue, mBadEnum, "notStated", n, promise.DateField)
		}
	}
	dateUnstated := slices.Contains(r.NotStated, promise.DateField)
	switch {
	case r.Date.IsZero() && !dateUnstated:
		v.add("/date", promise.CodeMissing, mUnstated, "date", promise.DateField)
	case !r.Date.IsZero() && dateUnstated:
		v.add("/date", promise.CodeBadValue, mStatedToo, "date")
	}
	if len(r.ReportedBy) == 0 {
		v.add("/reportedBy", promise.CodeEmptyCollection, mMissing, "reportedBy")
	}
	subjects := 0
	for _, id := range [...]promise.ID{r.CitizenPromiseID, r.ActionPlanID, r.AgreementID} {
		if id != nilID {
			subjects++
		}
	}
	if subjects != 1 {
		v.add("", promise.CodeMissing, mSubject)
	}
	if doc != nil && subjects == 1 {
		v.index(doc)
		for i, id := range r.ReportedBy {
			if !v.parties[id] {
				v.add("/reportedBy/"+strconv.Itoa(i), promise.CodeDanglingRef, mNoParty, id)
			}
		}
	}
	seen := make(map[promise.ID]bool, len(r.Updates))
	for i := range r.Updates {
		p := "/updates/" + strconv.Itoa(i)
		u := &r.Updates[i]
		if seen[u.ActivityID] {
			v.add(p+"/activityId", promise.CodeDuplicateRef, mTwice, u.ActivityID)
		}
		seen[u.ActivityID] = true
		var act *promise.Activity
		if v.acts != nil {
			act = v.acts[u.ActivityID]
			if act == nil {
				v.add(p+"/activityId", promise.CodeDanglingRef, mNoActivity, "activityId", u.ActivityID)
			}
		}
		v.update(p, u, act)
	}
	for i := range r.Results {
		p := "/results/" + strconv.Itoa(i)
		res := &r.Results[i]
		v.result(p, res, nil)
		// A result of the report as a whole may still name a target or
		// activities; they must be of what the report follows up.
		if v.acts != nil && res.TargetID != nilID && v.targets[res.TargetID] == nil {
			v.add(p+"/targetId", promise.CodeDanglingRef, mNoCPTarget, res.TargetID)
		}
		for j, id := range res.ActivityIDs {
			if v.acts != nil && v.acts[id] == nil {
				v.add(p+"/activityIds/"+strconv.Itoa(j), promise.CodeDanglingRef, mNoActivity, "activityIds", id)
			}
		}
	}
	for i, l := range r.Sources {
		v.link("/sources/"+strconv.Itoa(i)+"/url", l.URL)
	}
}

// index indexes the document's parties and places and, when the report's
// subject is found, its activities and targets; otherwise it reports the
// dangling subject.
func (v *reportValidator) index(doc *promise.Document) {
	r := v.r
	if v.shared != nil && v.shared.parties != nil {
		v.parties, v.places = v.shared.parties, v.shared.places
	} else {
		v.parties = make(map[promise.ID]bool, len(doc.Parties))
		for i := range doc.Parties {
			v.parties[doc.Parties[i].ID] = true
		}
		v.places = make(map[promise.ID]bool, len(doc.Places))
		for i := range doc.Places {
			v.places[doc.Places[i].ID] = true
		}
		if v.shared != nil {
			v.shared.parties, v.shared.places = v.parties, v.places
		}
	}
	key := subjectKey{r.CitizenPromiseID, r.ActionPlanID, r.AgreementID}
	if v.shared != nil {
		if x, ok := v.shared.subjects[key]; ok {
			v.acts, v.targets = x.acts, x.targets
			return
		}
		defer func() {
			if v.acts != nil {
				v.shared.subjects[key] = subjectIndex{v.acts, v.targets}
			}
		}()
	}
	acts, ok := r.Subject(doc)
	if !ok {
		switch {
		case r.CitizenPromiseID != nilID:
			v.add("/citizenPromiseId", promise.CodeDanglingRef, mNoCP, r.CitizenPromiseID)
		case r.ActionPlanID != nilID:
			v.add("/actionPlanId", promise.CodeDanglingRef, mNoPlan, r.ActionPlanID)
		default:
			v.add("/agreementId", promise.CodeDanglingRef, mNoAgr, r.AgreementID)
		}
		return
	}
	v.acts = make(map[promise.ID]*promise.Activity, len(acts))
	v.targets = make(map[promise.ID]*promise.Target)
	for _, a := range acts {
		v.acts[a.ID] = a
		for i := range a.Targets {
			v.targets[a.Targets[i].ID] = &a.Targets[i]
		}
	}
	if r.CitizenPromiseID != nilID {
		for i := range doc.CitizenPromises {
			if c := &doc.CitizenPromises[i]; c.ID == r.CitizenPromiseID && c.Effect != nil {
				for j := range c.Effect.Targets {
					v.targets[c.Effect.Targets[j].ID] = &c.Effect.Targets[j]
				}
			}
		}
	}
}

func (v *reportValidator) update(p string, u *Update, act *promise.Activity) {
	for i := range u.Occurrences {
		op := p + "/occurrences/" + strconv.Itoa(i)
		o := &u.Occurrences[i]
		v.dated(op+"/date", o.Date)
		if o.Count < 0 {
			v.add(op+"/count", promise.CodeBadValue, mNegative, "count", o.Count)
		} else if o.Count > MaxCount {
			v.add(op+"/count", promise.CodeBadValue, mTooMany, o.Count, MaxCount)
		}
		if act != nil && o.TargetID != nilID && !hasTarget(act, o.TargetID) {
			v.add(op+"/targetId", promise.CodeDanglingRef, mNoTarget, o.TargetID, act.ID)
		}
		if v.places != nil && o.PlaceID != nilID && !v.places[o.PlaceID] {
			v.add(op+"/placeId", promise.CodeDanglingRef, mNoPlace, o.PlaceID)
		}
	}
	for i := range u.Results {
		v.result(p+"/results/"+strconv.Itoa(i), &u.Results[i], act)
	}
	if !u.Completed.IsZero() {
		v.dated(p+"/completed", u.Completed)
	}
	if a := u.Assessment; a != nil {
		if a.Status == NotStarted || a.Status == NotReported || a.Status == AwaitingReport || a.Status >= numStatuses {
			v.add(p+"/assessment/status", promise.CodeBadValue, mBadStatus, a.Status)
		}
		if a.Justification.IsZero() {
			v.add(p+"/assessment/justification", promise.CodeMissing, mEmptyText, "justification")
		}
	}
	for i := range u.Substitutes {
		sp := p + "/substitutes/" + strconv.Itoa(i)
		if u.Substitutes[i].Text.IsZero() {
			v.add(sp+"/text", promise.CodeMissing, mEmptyText, "text")
		}
		if !u.Substitutes[i].Date.IsZero() {
			v.dated(sp+"/date", u.Substitutes[i].Date)
		}
	}
	for i, l := range u.Evidence {
		v.link(p+"/evidence/"+strconv.Itoa(i)+"/url", l.URL)
	}
}

// wholeKinds are the target kinds whose figures count whole things.
var wholeKinds = []promise.TargetKind{promise.Count, promise.Recurring, promise.Rate, promise.Coverage}

var (
	outcomes   = []string{string(Done), string(PartlyDone), string(NotDone)}
	qualifiers = []string{string(promise.AtLeastQualifier), string(promise.OverQualifier), string(promise.AboutQualifier), string(promise.UnderQualifier), string(promise.AtMostQualifier)}
)

func (v *reportValidator) result(p string, res *Result, act *promise.Activity) {
	if !res.Date.IsZero() {
		v.dated(p+"/date", res.Date)
	}
	if res.Period != nil {
		q := *res.Period
		switch {
		case q.Start.IsZero():
			v.add(p+"/period/start", promise.CodeMissing, mMissing, "start")
		case q.End.IsZero():
			v.add(p+"/period/end", promise.CodeMissing, mMissing, "end")
		case q.Through().Before(q.From()):
			v.add(p+"/period/end", promise.CodeDateOrder, mEndBefore, q.End, q.Start)
		default:
			v.dated(p+"/period/start", q.Start)
			v.dated(p+"/period/end", q.End)
		}
	}
	if res.Value == nil && res.Outcome == "" {
		v.add(p, promise.CodeMissing, mNoValue)
	}
	v.enum(p+"/outcome", string(res.Outcome), outcomes)
	v.enum(p+"/qualifier", string(res.Qualifier), qualifiers)
	if act != nil && len(res.ActivityIDs) > 0 {
		v.add(p+"/activityIds", promise.CodeNotApplicable, mActsHere)
	}
	if act != nil && res.TargetID != nilID && !hasTarget(act, res.TargetID) {
		v.add(p+"/targetId", promise.CodeDanglingRef, mNoTarget, res.TargetID, act.ID)
	}
	if t := v.targets[res.TargetID]; t != nil && res.Value != nil && slices.Contains(wholeKinds, t.Kind) {
		switch x := *res.Value; {
		case x < 0:
			v.add(p+"/value", promise.CodeBadValue, mNegative, "value", x)
		case x != math.Trunc(x):
			v.add(p+"/value", promise.CodeBadValue, mFraction, x, string(t.Kind))
		}
	}
}

func (v *reportValidator) enum(p, val string, allowed []string) {
	if val != "" && !slices.Contains(allowed, val) {
		v.add(p, promise.CodeBadValue, mBadEnum, p[strings.LastIndexByte(p, '/')+1:], val, strings.Join(allowed, ", "))
	}
}

// dated checks that d lies in the report's period (overlaps it, for a
// month or a year) and not after its date.
func (v *reportValidator) dated(p string, d promise.Date) {
	r := v.r
	if r.Period.Closed() && !r.Period.Through().Before(r.Period.From()) &&
		(d.Last().Before(r.Period.From()) || d.First().After(r.Period.Through())) {
		v.add(p, promise.CodeOutsidePeriod, mOutside, d, r.Period)
	}
	if !r.Date.IsZero() && d.First().After(r.Date.Last()) {
		v.add(p, promise.CodeDateOrder, mAfterDate, d, r.Date)
	}
}

func (v *reportValidator) link(p, u string) {
	if !promise.IsWebURL(u) {
		v.add(p, promise.CodeBadLink, mLink, u)
	}
}

// MaxCount is the largest count one occurrence may stand for.
const MaxCount = 1000000

func hasTarget(a *promise.Activity, id promise.ID) bool {
	for i := range a.Targets {
		if a.Targets[i].ID == id {
			return true
		}
	}
	return false
}
