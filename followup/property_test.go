package followup_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

const seeds = 300

// goodness orders the statuses for the monotonicity property: a verdict
// ranks with the pace word it ends (not achieved with behind, partly
// achieved with at risk). Cannot be assessed and withdrawn rank with
// nothing.
var goodness = map[followup.Status]int{
	followup.NotReported:    1,
	followup.NotAchieved:    1,
	followup.Behind:         1,
	followup.AtRisk:         2,
	followup.PartlyAchieved: 2,
	followup.NotStarted:     3,
	followup.OnTrack:        3,
	followup.Achieved:       4,
}

// TestMoreProgressIsNeverWorse adds reported progress (an entry, a higher
// total, a more favourable measurement, a completion) to random bundles
// and checks that no activity, promise or citizen promise stands worse at
// the same date, and that no progress share falls.
func TestMoreProgressIsNeverWorse(t *testing.T) {
	changed := 0
	for seed := range uint64(seeds) {
		g := newGen(seed)
		b := g.bundle(1, 6)
		cp := &b.Document.CitizenPromises[0]
		at := g.date(promise.Period{Start: cp.Period.Start, End: cp.Period.End.AddDays(60)})
		before := followup.Evaluate(b, at)
		if !addProgress(g, b, at) {
			continue
		}
		changed++
		after := followup.Evaluate(b, at)
		cb, ca := before.CitizenPromises[0], after.CitizenPromises[0]
		check := func(what string, x, y followup.Outcome) {
			t.Helper()
			gx, okx := goodness[x.Status]
			gy, oky := goodness[y.Status]
			if okx && oky {
				assert.GreaterOrEqual(t, gy, gx, "seed %d, %s at %s: %v → %v\nbefore: %s\nafter: %s", seed, what, at, x.Status, y.Status, x.Reason["en"], y.Reason["en"])
			}
			if okx {
				assert.GreaterOrEqual(t, y.Progress, x.Progress-1e-9, "seed %d, %s: progress fell\nbefore: %s\nafter: %s", seed, what, x.Reason["en"], y.Reason["en"])
			}
		}
		for i := range cb.Activities {
			check("activity "+cb.Activities[i].ID.String(), cb.Activities[i].Outcome, ca.Activities[i].Outcome)
		}
		for i := range cb.Promises {
			check("promise", cb.Promises[i].Outcome, ca.Promises[i].Outcome)
		}
		check("citizen promise", cb.Outcome, ca.Outcome)
	}
	assert.Greater(t, changed, seeds/2, "too few bundles changed to test anything")
}

// addProgress adds one piece of progress to a random update seen at at,
// and reports whether it found one to change.
func addProgress(g *gen, b *followup.Bundle, at promise.Date) bool {
	cp := &b.Document.CitizenPromises[0]
	targets := map[[16]byte]*promise.Target{}
	for i := range cp.Activities {
		for j := range cp.Activities[i].Targets {
			t := &cp.Activities[i].Targets[j]
			targets[t.ID] = t
		}
	}
	for range 20 {
		if len(b.Reports) == 0 {
			return false
		}
		r := &b.Reports[g.pick(len(b.Reports))]
		if r.Date.After(at) || len(r.Updates) == 0 {
			continue
		}
		u := &r.Updates[g.pick(len(r.Updates))]
		switch g.pick(4) {
		case 0: // one more entry where there are entries
			if len(u.Occurrences) == 0 {
				continue
			}
			o := u.Occurrences[g.pick(len(u.Occurrences))]
			o.Date = g.date(promise.Period{Start: r.Period.Start, End: earlier(r.Period.End, at)})
			if t := targets[o.TargetID]; t != nil && len(t.PlaceIDs) > 0 {
				o.PlaceID = t.PlaceIDs[g.pick(len(t.PlaceIDs))]
			}
			u.Occurrences = append(u.Occurrences, o)
			return true
		case 1: // a larger count on an entry
			if len(u.Occurrences) == 0 {
				continue
			}
			o := &u.Occurrences[g.pick(len(u.Occurrences))]
			o.Count = max(o.Count, 1) + 1 + g.pick(3)
			return true
		case 2: // a higher total or a better measurement
			if len(u.Results) == 0 {
				continue
			}
			res := &u.Results[g.pick(len(u.Results))]
			t := targets[res.TargetID]
			if t == nil || res.Value == nil {
				continue
			}
			if t.Kind == promise.Indicator && t.Direction == promise.Decrease {
				res.Value = new(*res.Value - float64(1+g.pick(5)))
			} else {
				res.Value = new(*res.Value + float64(1+g.pick(5)))
			}
			return true
		case 3: // a milestone reported done
			for _, t := range cpActivity(cp, u.ActivityID).Targets {
				if t.Kind == promise.Milestone && u.Completed.IsZero() {
					u.Completed = g.date(promise.Period{Start: r.Period.Start, End: earlier(r.Period.End, at)})
					return true
				}
			}
		}
	}
	return false
}

func cpActivity(cp *promise.CitizenPromise, id [16]byte) *promise.Activity {
	for i := range cp.Activities {
		if cp.Activities[i].ID == id {
			return &cp.Activities[i]
		}
	}
	return &promise.Activity{}
}

func earlier(a, b promise.Date) promise.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// TestDeterministic: the same input gives the same output, whatever the
// order of the reports in the bundle.
func TestDeterministic(t *testing.T) {
	for seed := range uint64(seeds / 3) {
		g := newGen(seed)
		b := g.bundle(2, 5)
		at := g.date(promise.Period{Start: b.Document.CitizenPromises[0].Period.Start, End: b.Document.CitizenPromises[0].Period.End.AddDays(90)})
		first := mustJSON(t, followup.Evaluate(b, at))
		require.Equal(t, first, mustJSON(t, followup.Evaluate(b, at)), "seed %d: two evaluations differ", seed)
		g.r.Shuffle(len(b.Reports), func(i, j int) { b.Reports[i], b.Reports[j] = b.Reports[j], b.Reports[i] })
		require.Equal(t, first, mustJSON(t, followup.Evaluate(b, at)), "seed %d: the order of the reports matters", seed)
	}
}

// TestRollupsWithinBounds: every progress share lies in [0, 1], and the
// counts of a roll-up add up to its activities.
func TestRollupsWithinBounds(t *testing.T) {
	for seed := range uint64(seeds) {
		g := newGen(seed)
		b := g.bundle(1, 8)
		cp := &b.Document.CitizenPromises[0]
		for _, at := range []promise.Date{cp.Period.Start, g.date(cp.Period), cp.Period.End, cp.Period.End.AddDays(45)} {
			e := followup.Evaluate(b, at)
			c := e.CitizenPromises[0]
			inBounds := func(what string, o followup.Outcome) {
				t.Helper()
				assert.True(t, o.Progress >= 0 && o.Progress <= 1, "seed %d at %s: %s progress %v", seed, at, what, o.Progress)
				assert.NotEmpty(t, o.Reason["sv"], "seed %d: %s without a reason", seed, what)
				assert.NotEmpty(t, o.Reason["en"], "seed %d: %s without a reason", seed, what)
			}
			inBounds("citizen promise", c.Outcome)
			assert.Equal(t, len(c.Activities), sum(c.Counts))
			for _, p := range c.Promises {
				inBounds("promise", p.Outcome)
				assert.Equal(t, len(p.Activities), sum(p.Counts))
			}
			for _, a := range c.Activities {
				inBounds("activity", a.Outcome)
				for _, h := range a.History {
					// The history is data: status, numbers and codes.
					assert.True(t, h.Progress >= 0 && h.Progress <= 1, "seed %d: history progress %v", seed, h.Progress)
					assert.NotEmpty(t, h.Codes, "seed %d: history without a reason's codes", seed)
					assert.Empty(t, h.Reason)
				}
				for _, tg := range a.Targets {
					inBounds("target", tg.Outcome)
				}
			}
		}
	}
}

func sum(cs []followup.StatusCount) int {
	n := 0
	for _, c := range cs {
		n += c.Count
	}
	return n
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// TestConcurrent evaluates one bundle from many goroutines at once (run
// with -race).
func TestConcurrent(t *testing.T) {
	bundles := []*followup.Bundle{strangnas(strangnasT1(), strangnasT2(), strangnasPage(), strangnasFinal()), newGen(7).bundle(3, 8)}
	dates := []promise.Date{d("2019-09-25"), d("2020-01-31"), d("2021-06-30")}
	for _, b := range bundles {
		want := make([]string, len(dates))
		for i, at := range dates {
			want[i] = mustJSON(t, followup.Evaluate(b, at))
		}
		var wg sync.WaitGroup
		for i := range 32 {
			wg.Go(func() {
				at := i % len(dates)
				got, err := json.Marshal(followup.Evaluate(b, dates[at]))
				if assert.NoError(t, err) {
					assert.Equal(t, want[at], string(got))
				}
			})
		}
		wg.Wait()
	}
}
