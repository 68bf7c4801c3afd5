package view_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// TestPeriodText: a period in words, as precise as its source; a bound
// the source does not state is "okänt", never left out and never "tills
// vidare", which is only for an open end.
func TestPeriodText(t *testing.T) {
	d := promise.MustParseDate
	both := []string{promise.StartBound, promise.EndBound}
	for _, tc := range []struct {
		p      promise.Period
		sv, en string
	}{
		{promise.Period{Start: d("2019-01-01"), End: d("2019-12-31")}, "1 januari–31 december 2019", "1 January–31 December 2019"},
		{promise.Period{Start: d("2018-10"), End: d("2019")}, "oktober 2018–2019", "October 2018–2019"},
		{promise.Period{Start: d("2019"), End: d("2019")}, "2019", "2019"},
		{promise.Period{NotStated: both}, "okänt", "unknown"},
		{promise.Period{Start: d("2024")}, "från 2024, tills vidare", "from 2024, until further notice"},
		{promise.Period{Start: d("2024"), NotStated: []string{promise.EndBound}}, "2024–okänt", "2024–unknown"},
		{promise.Period{End: d("2020-12-31"), NotStated: []string{promise.StartBound}}, "okänt–31 december 2020", "unknown–31 December 2020"},
	} {
		assert.Equal(t, tc.sv, view.PeriodText(tc.p, "sv"), "%+v", tc.p)
		assert.Equal(t, tc.en, view.PeriodText(tc.p, "en"), "%+v", tc.p)
	}
}
