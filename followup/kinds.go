package followup

import "github.com/medborgarlofte/medborgarlofte/promise"

// ruleSpec is how the progress rules treat one kind of target (package
// promise describes its fields and checks): its rule, and what of a report
// it uses. Adding a kind of target adds its rule here.
type ruleSpec struct {
	// judge is the rule: the target's outcome in window w in the scene
	// of c.
	judge func(c *actCtx, t *promise.Target, tf *targetFacts, w promise.Period) tres
	// entries says that the rule counts dated entries (occurrences), and
	// takes those of its activity that name no target when it is the
	// activity's only kind that does.
	entries bool
	// figures says that the rule uses reported figures (results with a
	// value).
	figures bool
	// yearly says that the target may count anew each year (scope
	// "year").
	yearly bool
	// numeric says that the target is a number (more than one thing):
	// words that state an outcome ("genomfört") are no verdict on it.
	numeric func(t *promise.Target) bool
}

var (
	manyThings = func(t *promise.Target) bool { return t.Value == nil || *t.Value != 1 }
	never      = func(*promise.Target) bool { return false }
)

// rules is the table of kinds of target.
var rules = map[promise.TargetKind]ruleSpec{
	promise.Count:     {judge: (*actCtx).count, entries: true, figures: true, yearly: true, numeric: manyThings},
	promise.Milestone: {judge: (*actCtx).milestone, entries: true, yearly: true, numeric: never},
	promise.Recurring: {judge: (*actCtx).recurring, entries: true, numeric: manyThings},
	promise.Rate:      {judge: (*actCtx).rate, entries: true, figures: true, numeric: manyThings},
	promise.Coverage: {judge: (*actCtx).coverage, entries: true, figures: true, yearly: true,
		numeric: func(t *promise.Target) bool { return t.Value != nil && *t.Value != 1 || len(t.PlaceIDs) > 1 }},
	promise.Continuous: {judge: func(c *actCtx, _ *promise.Target, _ *targetFacts, w promise.Period) tres { return c.continuous(w) }, numeric: never},
	promise.Indicator:  {judge: (*actCtx).indicator, figures: true, numeric: manyThings},
	promise.Unmeasurable: {judge: func(c *actCtx, _ *promise.Target, _ *targetFacts, w promise.Period) tres { return c.unmeasurable(w) },
		numeric: never},
}

// ruleOf returns the rule of kind k; an unknown kind (only a document that
// breaks the invariants has one) is judged as nothing measurable.
func ruleOf(k promise.TargetKind) ruleSpec {
	if r, ok := rules[k]; ok {
		return r
	}
	return rules[promise.Unmeasurable]
}
