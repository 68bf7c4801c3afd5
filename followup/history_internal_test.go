package followup

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// TestAppendOutcome: a run of periods with the same outcome is one entry
// that spans them and counts them; a change of status, code or number, or
// a gap between periods, starts a new entry.
func TestAppendOutcome(t *testing.T) {
	month := func(m int) promise.Period {
		d := promise.MustParseDate("2025-01-01").AddMonths(m - 1)
		return promise.Period{Start: d, End: d.AddMonths(1).AddDays(-1)}
	}
	two, three := 2.0, 3.0
	missing := Outcome{Status: NotReported, Codes: []string{"followup.noFollowUp"}}
	var h []PeriodOutcome
	for m := 1; m <= 3; m++ {
		h = appendOutcome(h, month(m), missing)
	}
	h = appendOutcome(h, month(4), Outcome{Status: OnTrack, Achieved: &two, Progress: 0.5})
	h = appendOutcome(h, month(5), Outcome{Status: OnTrack, Achieved: &three, Progress: 0.5})
	h = appendOutcome(h, month(7), Outcome{Status: OnTrack, Achieved: &three, Progress: 0.5})
	h = appendOutcome(h, month(8), Outcome{Status: OnTrack, Achieved: &three, Progress: 0.5, Codes: []string{"followup.pace"}})
	assert.Len(t, h, 5)
	assert.Equal(t, promise.Period{Start: month(1).Start, End: month(3).End}, h[0].Period)
	assert.Equal(t, 3, h[0].Periods)
	for _, e := range h[1:] {
		assert.Zero(t, e.Periods, "a single period: %v", e.Period)
	}
	assert.Equal(t, month(5), h[2].Period, "another number: a new entry")
	assert.Equal(t, month(7), h[3].Period, "a gap of a month: a new entry")
	assert.Equal(t, month(8), h[4].Period, "another reason: a new entry")
}
