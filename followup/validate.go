package followup

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Validate checks the report's invariants and returns every violation as
// [promise.Violations], or nil. With doc (the promise document it reports
// on) it also checks that every id the report uses names the right thing
// there: its citizen promise, the reporting parties, each update's activity
// (of that citizen promise), targets of that activity, and places.
//
// Besides: the period is ordered; every occurrence and result is dated
// within the report's period, on or before the report's date; counts are
// not negative; evidence links are absolute http(s) URLs; an activity is
// updated at most once per report.
func (r *Report) Validate(doc *promise.Document) error {
	v := reportValidator{r: r}
	v.check(doc)
	if len(v.out) == 0 {
		return nil
	}
	return v.out
}

type reportValidator struct {
	r   *Report
	out promise.Violations
}

type msg struct{ en, sv string }

func (m msg) text(args ...any) promise.Text {
	return promise.Text{"en": fmt.Sprintf(m.en, args...), "sv": fmt.Sprintf(m.sv, args...)}
}

var (
	mMissing    = msg{"%s is missing: fill it in", "%s saknas: fyll i det"}
	mNoCP       = msg{"citizenPromiseId %s names no citizen promise of the document", "citizenPromiseId %s är inget medborgarlöfte i dokumentet"}
	mNoParty    = msg{"%s names no party of the document", "%s är ingen part i dokumentet"}
	mNoActivity = msg{"activityId %s names no activity of the citizen promise reported on", "activityId %s är ingen aktivitet i det medborgarlöfte som rapporteras"}
	mNoTarget   = msg{"targetId %s names no target of activity %s", "targetId %s är inget mål för aktivitet %s"}
	mNoPlace    = msg{"placeId %s names no place of the document", "placeId %s är ingen plats i dokumentet"}
	mEndBefore  = msg{"the period ends (%s) before it starts (%s)", "perioden slutar (%s) innan den börjar (%s)"}
	mOutside    = msg{"%s is outside the report's period %s: report it in the report for its own period", "%s ligger utanför rapportens period %s: rapportera det i rapporten för dess period"}
	mAfterDate  = msg{"%s is after the report's date %s: a report cannot tell what has not happened yet", "%s ligger efter rapportens datum %s: en rapport kan inte berätta om det som inte har hänt än"}
	mNegative   = msg{"%s must not be negative (is %v)", "%s får inte vara negativt (är %v)"}
	mTwice      = msg{"activity %s is updated twice in this report: merge the two updates", "aktivitet %s uppdateras två gånger i rapporten: slå ihop uppdateringarna"}
	mLink       = msg{"%q is not an absolute http or https address: only web links are allowed", "%q är inte en fullständig http- eller https-adress: bara webblänkar är tillåtna"}
	mEmptyText  = msg{"%s is empty: write the text in at least Swedish (\"sv\")", "%s är tom: skriv texten på åtminstone svenska (\"sv\")"}
	mNoCPTarget = msg{"targetId %s names no target of the citizen promise reported on", "targetId %s är inget mål i det medborgarlöfte som rapporteras"}
	mTooMany    = msg{"count is %d, more than the largest allowed, %d", "antalet är %d, mer än det största tillåtna, %d"}
	mBadStatus  = msg{"the status of an assessment cannot be %s", "en bedömning kan inte ha statusen %s"}
)

func (v *reportValidator) add(ptr string, code promise.Code, m msg, args ...any) {
	v.out = append(v.out, promise.Violation{Pointer: ptr, Code: code, Message: m.text(args...)})
}

func (v *reportValidator) check(doc *promise.Document) {
	r := v.r
	if r.ID == uuid.Nil {
		v.add("/id", promise.CodeMissing, mMissing, "id")
	}
	if r.Period.Start.IsZero() {
		v.add("/period/start", promise.CodeMissing, mMissing, "start")
	} else if r.Period.Open() {
		v.add("/period/end", promise.CodeMissing, mMissing, "end")
	} else if r.Period.End.Before(r.Period.Start) {
		v.add("/period/end", promise.CodeDateOrder, mEndBefore, r.Period.End, r.Period.Start)
	}
	if r.Date.IsZero() {
		v.add("/date", promise.CodeMissing, mMissing, "date")
	}
	if len(r.ReportedBy) == 0 {
		v.add("/reportedBy", promise.CodeEmptyCollection, mMissing, "reportedBy")
	}
	var cp *promise.CitizenPromise
	if doc != nil {
		for i := range doc.CitizenPromises {
			if doc.CitizenPromises[i].ID == r.CitizenPromiseID {
				cp = &doc.CitizenPromises[i]
			}
		}
		if cp == nil {
			v.add("/citizenPromiseId", promise.CodeDanglingRef, mNoCP, r.CitizenPromiseID)
		}
		for i, id := range r.ReportedBy {
			if !hasParty(doc, id) {
				v.add("/reportedBy/"+strconv.Itoa(i), promise.CodeDanglingRef, mNoParty, id)
			}
		}
	}
	seen := make(map[uuid.UUID]bool, len(r.Updates))
	for i := range r.Updates {
		p := "/updates/" + strconv.Itoa(i)
		u := &r.Updates[i]
		if seen[u.ActivityID] {
			v.add(p+"/activityId", promise.CodeDuplicateRef, mTwice, u.ActivityID)
		}
		seen[u.ActivityID] = true
		var act *promise.Activity
		if cp != nil {
			act = findActivity(cp, u.ActivityID)
			if act == nil {
				v.add(p+"/activityId", promise.CodeDanglingRef, mNoActivity, u.ActivityID)
			}
		}
		v.update(p, u, doc, act)
	}
	for i := range r.Results {
		p := "/results/" + strconv.Itoa(i)
		res := &r.Results[i]
		v.result(p, res, nil)
		// A result of the citizen promise as a whole may still name a
		// target; it must be one of the citizen promise's.
		if cp != nil && res.TargetID != uuid.Nil && !cpHasTarget(cp, res.TargetID) {
			v.add(p+"/targetId", promise.CodeDanglingRef, mNoCPTarget, res.TargetID)
		}
	}
	for i, l := range r.Sources {
		v.link("/sources/"+strconv.Itoa(i)+"/url", l.URL)
	}
}

func (v *reportValidator) update(p string, u *Update, doc *promise.Document, act *promise.Activity) {
	for i := range u.Occurrences {
		op := p + "/occurrences/" + strconv.Itoa(i)
		o := &u.Occurrences[i]
		v.dated(op+"/date", o.Date)
		if o.Count < 0 {
			v.add(op+"/count", promise.CodeBadValue, mNegative, "count", o.Count)
		} else if o.Count > MaxCount {
			v.add(op+"/count", promise.CodeBadValue, mTooMany, o.Count, MaxCount)
		}
		if act != nil && o.TargetID != uuid.Nil && !hasTarget(act, o.TargetID) {
			v.add(op+"/targetId", promise.CodeDanglingRef, mNoTarget, o.TargetID, act.ID)
		}
		if doc != nil && o.PlaceID != uuid.Nil && !hasPlace(doc, o.PlaceID) {
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
		if a.Status == NotStarted || a.Status == NotReported || a.Status >= numStatuses {
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

func (v *reportValidator) result(p string, res *Result, act *promise.Activity) {
	if !res.Date.IsZero() {
		v.dated(p+"/date", res.Date)
	}
	if act != nil && res.TargetID != uuid.Nil && !hasTarget(act, res.TargetID) {
		v.add(p+"/targetId", promise.CodeDanglingRef, mNoTarget, res.TargetID, act.ID)
	}
}

// dated checks that d lies in the report's period and not after its date.
func (v *reportValidator) dated(p string, d promise.Date) {
	r := v.r
	if !r.Period.Start.IsZero() && !r.Period.Open() && !r.Period.End.Before(r.Period.Start) && !r.Period.Contains(d) {
		v.add(p, promise.CodeOutsidePeriod, mOutside, d, r.Period)
	}
	if !r.Date.IsZero() && d.After(r.Date) {
		v.add(p, promise.CodeDateOrder, mAfterDate, d, r.Date)
	}
}

func (v *reportValidator) link(p, u string) {
	if !promise.IsWebURL(u) {
		v.add(p, promise.CodeBadLink, mLink, u)
	}
}

func findActivity(cp *promise.CitizenPromise, id uuid.UUID) *promise.Activity {
	for i := range cp.Activities {
		if cp.Activities[i].ID == id {
			return &cp.Activities[i]
		}
	}
	return nil
}

// MaxCount is the largest count one occurrence may stand for.
const MaxCount = 1000000

func cpHasTarget(cp *promise.CitizenPromise, id uuid.UUID) bool {
	for i := range cp.Activities {
		if hasTarget(&cp.Activities[i], id) {
			return true
		}
	}
	if cp.Effect != nil {
		for i := range cp.Effect.Targets {
			if cp.Effect.Targets[i].ID == id {
				return true
			}
		}
	}
	return false
}

func hasTarget(a *promise.Activity, id uuid.UUID) bool {
	for i := range a.Targets {
		if a.Targets[i].ID == id {
			return true
		}
	}
	return false
}

func hasParty(doc *promise.Document, id uuid.UUID) bool {
	for i := range doc.Parties {
		if doc.Parties[i].ID == id {
			return true
		}
	}
	return false
}

func hasPlace(doc *promise.Document, id uuid.UUID) bool {
	for i := range doc.Places {
		if doc.Places[i].ID == id {
			return true
		}
	}
	return false
}
