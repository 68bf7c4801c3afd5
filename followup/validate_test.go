package followup_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/internal/fixture"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func TestReportValidate(t *testing.T) {
	b := fixture.Strangnas(fixture.T1(), fixture.T2(), fixture.Final())
	require.NotEmpty(t, b.Reports)
	for i := range b.Reports {
		require.NoError(t, b.Reports[i].Validate(&b.Document), "report %d", i)
	}
	act := b.Document.CitizenPromises[0].Activities[0]
	tests := []struct {
		name    string
		break_  func(r *followup.Report)
		code    promise.Code
		pointer string
	}{
		{"unknown citizen promise", func(r *followup.Report) { r.CitizenPromiseID = promise.ID(uuid.New()) }, promise.CodeDanglingRef, "/citizenPromiseId"},
		{"unknown party", func(r *followup.Report) { r.ReportedBy = []promise.ID{promise.ID(uuid.New())} }, promise.CodeDanglingRef, "/reportedBy/0"},
		{"unknown activity", func(r *followup.Report) { r.Updates[0].ActivityID = promise.ID(uuid.New()) }, promise.CodeDanglingRef, "/updates/0/activityId"},
		{"activity updated twice", func(r *followup.Report) {
			r.Updates = []followup.Update{r.Updates[0], {ActivityID: r.Updates[0].ActivityID}}
		}, promise.CodeDuplicateRef, "/updates/1/activityId"},
		{"entry after the report's date", func(r *followup.Report) {
			r.Updates[0].Occurrences = []followup.Occurrence{{Date: r.Date.AddDays(1)}}
		}, promise.CodeDateOrder, "/updates/0/occurrences/0/date"},
		{"count over the limit", func(r *followup.Report) {
			r.Updates[0].Occurrences = []followup.Occurrence{{Date: r.Period.Start, Count: followup.MaxCount + 1}}
		}, promise.CodeBadValue, "/updates/0/occurrences/0/count"},
		{"target of the citizen promise as a whole that is not there", func(r *followup.Report) {
			r.Results = []followup.Result{{TargetID: promise.ID(uuid.New()), Value: new(5.0)}}
		}, promise.CodeDanglingRef, "/results/0/targetId"},
		{"javascript evidence", func(r *followup.Report) {
			r.Updates[0].Evidence = []promise.Link{{URL: "javascript:alert(1)"}}
		}, promise.CodeBadLink, "/updates/0/evidence/0/url"},
		{"end before start", func(r *followup.Report) { r.Period.End = r.Period.Start.AddDays(-1) }, promise.CodeDateOrder, "/period/end"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := b.Reports[len(b.Reports)-1]
			r.Updates = append([]followup.Update(nil), r.Updates...)
			tc.break_(&r)
			err := r.Validate(&b.Document)
			var vs promise.Violations
			require.True(t, errors.As(err, &vs), "Validate() = %v, want violations", err)
			for _, v := range vs {
				if v.Code == tc.code && v.Pointer == tc.pointer {
					assert.NotEmpty(t, v.Message["sv"])
					return
				}
			}
			t.Errorf("Validate() = %v, want %s at %s", err, tc.code, tc.pointer)
		})
	}
	// A result of the citizen promise as a whole may name one of its targets.
	r := b.Reports[len(b.Reports)-1]
	r.Results = []followup.Result{{TargetID: act.Targets[0].ID, Value: new(1.0)}}
	assert.NoError(t, r.Validate(&b.Document))
}

func TestCalendarIsBounded(t *testing.T) {
	months := &promise.Reporting{Cadence: promise.Monthly}
	cp := &promise.CitizenPromise{Period: promise.Period{Start: promise.MustParseDate("1000-01-01"), End: promise.MustParseDate("9999-12-31")}, Reporting: months}
	assert.Len(t, followup.Calendar(cp, promise.Date{}), followup.MaxReportingPeriods)
	open := &promise.CitizenPromise{Period: promise.Period{Start: promise.MustParseDate("2024-01-01")}, Reporting: months}
	assert.Len(t, followup.Calendar(open, promise.MustParseDate("9000-01-01")), followup.MaxReportingPeriods)
}

// TestFractionOfWholeThings: a fractional count of a target that counts
// whole things is refused with a message that names the kind.
func TestFractionOfWholeThings(t *testing.T) {
	b := fixture.Strangnas(fixture.T1(), fixture.T2(), fixture.Final())
	var target *promise.Target
	for _, a := range b.Document.CitizenPromises[0].Activities {
		for i := range a.Targets {
			if a.Targets[i].Kind == promise.Count {
				target = &a.Targets[i]
			}
		}
	}
	require.NotNil(t, target, "the fixture has a count target")
	r := b.Reports[len(b.Reports)-1]
	r.Results = []followup.Result{{TargetID: target.ID, Value: new(20.5)}}
	var vs promise.Violations
	require.True(t, errors.As(r.Validate(&b.Document), &vs))
	require.Len(t, vs, 1)
	assert.Equal(t, "/results/0/value", vs[0].Pointer)
	assert.Equal(t, "20.5 is not a whole number, but a count target counts whole things: report a whole number", vs[0].Message["en"])
	assert.Equal(t, "20,5 är inget heltal, men ett mål av typen count räknar hela saker: rapportera ett heltal", vs[0].Message["sv"])
}

// TestValidateReportsIsValidate: ValidateReports says for each report what
// its Validate says, also when reports share a subject and some are wrong.
func TestValidateReportsIsValidate(t *testing.T) {
	b := fixture.Strangnas(fixture.T1(), fixture.T2(), fixture.Final())
	reports := append([]followup.Report(nil), b.Reports...)
	bad := reports[1]
	bad.Updates = append([]followup.Update(nil), bad.Updates...)
	bad.Updates[0].ActivityID = promise.ID(uuid.New())
	bad.ReportedBy = []promise.ID{promise.ID(uuid.New())}
	other := reports[0]
	other.CitizenPromiseID = promise.ID(uuid.New())
	reports = append(reports, bad, other)
	errs := followup.ValidateReports(&b.Document, reports)
	require.Len(t, errs, len(reports))
	for i := range reports {
		assert.Equal(t, reports[i].Validate(&b.Document), errs[i], "report %d", i)
	}
	assert.Error(t, errs[len(errs)-2])
	assert.Error(t, errs[len(errs)-1])
}
