package followup

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

func TestMissingListIsSummarised(t *testing.T) {
	var m missingList
	d := promise.MustParseDate("2020-01-01")
	for range 12 {
		end := d.AddMonths(1).AddDays(-1)
		m = append(m, promise.ReportingPeriod{Period: promise.Period{Start: d, End: end}, Due: end.AddDays(30)})
		d = d.AddMonths(1)
	}
	assert.Equal(t, "12 perioder, från 2020-01-01–2020-01-31 till 2020-12-01–2020-12-31 (senast 2021-01-30)", string(m.AppendIn(nil, "sv")))
	assert.Equal(t, "2020-01-01–2020-01-31 (due by 2020-03-01), 2020-02-01–2020-02-29 (due by 2020-03-30) and 2020-03-01–2020-03-31 (due by 2020-04-30)",
		string(m[:3].AppendIn(nil, "en")))
}

// TestWeeksStartOnMonday checks the weekly intervals over four centuries.
func TestWeeksStartOnMonday(t *testing.T) {
	end := promise.MustParseDate("2301-01-10")
	for d := promise.MustParseDate("1899-12-25"); !d.After(end); d = d.AddDays(1) {
		s, e, ok := interval(d, promise.Weekly)
		if !ok || s.Weekday() != 1 || s.DaysUntil(e) != 6 || d.Before(s) || d.After(e) {
			t.Fatalf("the week of %s is %s–%s", d, s, e)
		}
	}
}

// TestEveryKindHasARule: a kind of target that package promise knows has
// a rule here.
func TestEveryKindHasARule(t *testing.T) {
	for _, k := range promise.TargetKinds() {
		r, ok := rules[k]
		if !ok || r.judge == nil || r.numeric == nil {
			t.Errorf("kind %s has no rule", k)
		}
	}
	if len(rules) != len(promise.TargetKinds()) {
		t.Errorf("%d rules for %d kinds", len(rules), len(promise.TargetKinds()))
	}
}
