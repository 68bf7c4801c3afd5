package followup

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

func TestAppendNumberExtremes(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		lang string
		want string
	}{
		{12000, "sv", "12\u00a0000"},
		{12000, "en", "12,000"},
		{0.775, "sv", "0,78"},
		{-3.5, "en", "-3.5"},
	} {
		assert.Equal(t, tc.want, string(appendNumber(nil, tc.v, 2, tc.lang)), "appendNumber(%v, %s)", tc.v, tc.lang)
	}
	// The largest floats print as their digits, never as +Inf.
	got := string(appendNumber(nil, 1e308, 2, "en"))
	assert.NotContains(t, got, "Inf")
	assert.True(t, strings.HasPrefix(got, "100,000,000,000,000,00"), got)
}

func TestMissingListIsSummarised(t *testing.T) {
	var m missingList
	d := promise.MustParseDate("2020-01-01")
	for range 12 {
		end := d.AddMonths(1).AddDays(-1)
		m = append(m, promise.ReportingPeriod{Period: promise.Period{Start: d, End: end}, Due: end.AddDays(30)})
		d = d.AddMonths(1)
	}
	assert.Equal(t, "12 perioder, från 2020-01-01–2020-01-31 till 2020-12-01–2020-12-31 (senast 2021-01-30)", string(m.appendIn(nil, "sv")))
	assert.Equal(t, "2020-01-01–2020-01-31 (due by 2020-03-01), 2020-02-01–2020-02-29 (due by 2020-03-30) and 2020-03-01–2020-03-31 (due by 2020-04-30)",
		string(m[:3].appendIn(nil, "en")))
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
