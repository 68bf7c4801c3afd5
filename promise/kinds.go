package promise

import "math"

// A kind of target is one concept, described once: the optional fields it
// takes, those it needs, and the checks of its values, in the table of
// kinds below. Its progress rule is package followup's (its table of
// rules), its name and words are the catalog's ("kind.<kind>"), and its
// form is the schema's (one rule per kind in the target's allOf). Adding a
// kind is a constant in target.go, an entry here, a rule in followup, its
// schema rule and words, and their tests.

// kindSpec describes one kind of target.
type kindSpec struct {
	kind TargetKind
	// fields are the optional fields that apply; any other that is set
	// is reported as not applicable.
	fields []string
	// needs are the fields the kind cannot do without.
	needs []string
	// check checks the kind's values, beyond the fields' presence.
	check func(v *validator, p string, window Period, t *Target)
}

// targetKinds is the table of kinds, in the order of the schema's enum.
var targetKinds = []kindSpec{
	{kind: Count, fields: []string{"value", "comparison", "unit", "scope", "placeIds", "split"}, needs: []string{"value"}, check: checkCount},
	{kind: Milestone, fields: []string{"scope", "due"}, check: checkMilestone},
	{kind: Recurring, fields: []string{"value", "unit", "every"}, needs: []string{"value", "every"}, check: checkWhole},
	{kind: Rate, fields: []string{"value", "unit", "every"}, needs: []string{"value", "every"}, check: checkRate},
	{kind: Coverage, fields: []string{"value", "unit", "scope", "placeIds"}, check: checkCoverage},
	{kind: Continuous},
	{kind: Indicator, fields: []string{"value", "unit", "baseline", "direction", "actionThreshold"}, needs: []string{"direction"}, check: checkIndicator},
	{kind: Unmeasurable},
}

// targetKindNames are the kinds' tokens, in order.
var targetKindNames = func() []string {
	out := make([]string, len(targetKinds))
	for i, k := range targetKinds {
		out[i] = string(k.kind)
	}
	return out
}()

// TargetKinds returns every kind of target, in the order of the schema.
func TargetKinds() []TargetKind {
	out := make([]TargetKind, len(targetKinds))
	for i, k := range targetKinds {
		out[i] = k.kind
	}
	return out
}

// Fields returns the optional fields of a target that apply to kind k and
// those it needs (as JSON names), or nils for an unknown kind.
func (k TargetKind) Fields() (apply, needs []string) {
	if s := kindSpecOf(k); s != nil {
		return append([]string(nil), s.fields...), append([]string(nil), s.needs...)
	}
	return nil, nil
}

func kindSpecOf(k TargetKind) *kindSpec {
	for i := range targetKinds {
		if targetKinds[i].kind == k {
			return &targetKinds[i]
		}
	}
	return nil
}

// targetFields are the optional fields of a [Target], each with a test of
// whether it is set.
var targetFields = []struct {
	name    string
	present func(t *Target) bool
}{
	{"value", func(t *Target) bool { return t.Value != nil }},
	{"comparison", func(t *Target) bool { return t.Comparison != "" }},
	{"unit", func(t *Target) bool { return len(t.Unit) > 0 }},
	{"scope", func(t *Target) bool { return t.Scope != "" }},
	{"every", func(t *Target) bool { return t.Every != "" }},
	{"due", func(t *Target) bool { return !t.Due.IsZero() }},
	{"placeIds", func(t *Target) bool { return len(t.PlaceIDs) > 0 }},
	{"split", func(t *Target) bool { return len(t.Split) > 0 }},
	{"baseline", func(t *Target) bool { return t.Baseline != nil }},
	{"direction", func(t *Target) bool { return t.Direction != "" }},
	{"actionThreshold", func(t *Target) bool { return t.ActionThreshold != nil }},
}

// whole checks a value that counts whole things, if there is one: greater
// than zero and whole.
func (v *validator) whole(p string, t *Target) {
	if t.Value == nil {
		return
	}
	switch n := *t.Value; {
	case !(n > 0) || math.IsInf(n, 0):
		v.add(p+"/value", CodeTargetValue, mPositive, "value", n)
	case n != math.Trunc(n):
		v.add(p+"/value", CodeTargetValue, mWhole, "value", n)
	}
}

func checkWhole(v *validator, p string, _ Period, t *Target) { v.whole(p, t) }

func checkCount(v *validator, p string, _ Period, t *Target) {
	v.whole(p, t)
	sum := 0.0
	for i, s := range t.Split {
		sp := idx(p+"/split", i)
		v.ref(sp+"/placeId", s.PlaceID, kPlace, true)
		if !(s.Value > 0) {
			v.add(sp+"/value", CodeTargetValue, mPositive, "value", s.Value)
		}
		sum += s.Value
	}
	if t.Value != nil && sum > *t.Value {
		v.add(p+"/split", CodeTargetValue, mSplitSum, sum, *t.Value)
	}
}

func checkRate(v *validator, p string, _ Period, t *Target) {
	if t.Value != nil && (!(*t.Value > 0) || math.IsInf(*t.Value, 0)) {
		v.add(p+"/value", CodeTargetValue, mPositive, "value", *t.Value)
	}
}

func checkCoverage(v *validator, p string, _ Period, t *Target) {
	v.whole(p, t)
	if t.Value == nil && len(t.PlaceIDs) == 0 && t.Unit.IsZero() {
		v.add(p, CodeMissing, mNeeds, t.Kind, "placeIds, value or unit")
	}
}

func checkMilestone(v *validator, p string, window Period, t *Target) {
	if !t.Due.IsZero() && !window.Contains(t.Due.Last()) {
		v.add(p+"/due", CodeOutsidePeriod, mOutside, "due", t.Due, window)
	}
}

func checkIndicator(v *validator, p string, _ Period, t *Target) {
	if t.Baseline == nil && t.Value != nil {
		v.add(p+"/baseline", CodeMissing, mNeeds, t.Kind, "baseline")
	}
	if t.Baseline != nil {
		v.measurement(p+"/baseline", t.Baseline)
	}
	if t.Baseline != nil && t.Value != nil {
		switch b, n := t.Baseline.Value, *t.Value; {
		case b == n:
			v.add(p+"/value", CodeTargetValue, mSameBaseline, n)
		case t.Direction == Increase && n < b:
			v.add(p+"/value", CodeTargetValue, mNotIncrease, n, b)
		case t.Direction == Decrease && n > b:
			v.add(p+"/value", CodeTargetValue, mNotDecrease, n, b)
		}
	}
}
