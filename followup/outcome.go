package followup

import (
	"math"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// eps absorbs floating-point error in comparisons with thresholds, so
// that exactly 90 % of the pace is on track.
const eps = 1e-9

// outcome is an [Outcome] whose reason and numbers are not yet rendered.
type outcome struct {
	Outcome
	why, nums reason
}

func mk(s Status, why reason) outcome { return outcome{Outcome: Outcome{Status: s}, why: why} }

// render returns the outcome with its reason and numbers written out,
// using buf as scratch space.
func (o outcome) render(buf *[]byte) Outcome {
	out := o.Outcome
	out.Reason = o.why.render(buf)
	out.Codes = o.why.codes()
	out.Numbers = o.nums.render(buf)
	return out
}

// data is the outcome as data only, for the history: status, numbers and
// the codes of its reason, no text. A history has an entry per period and
// activity; its texts would make a small file with a long calendar cost
// a hundred times its size.
func (o outcome) data() Outcome {
	out := o.Outcome
	out.Codes = o.why.codes()
	return out
}

// tres is the result of a rule for one target.
type tres struct {
	outcome
	// measured says whether the outcome rests on reported figures.
	measured  bool
	conflicts []Conflict
	years     []yearOutcome
}

type yearOutcome struct {
	year int
	outcome
}

// paceStatus turns a share of the expected progress into a status.
func paceStatus(ratio float64, th promise.Thresholds) Status {
	switch {
	case ratio >= th.OnTrack-eps:
		return OnTrack
	case ratio >= th.AtRisk-eps:
		return AtRisk
	}
	return Behind
}

// withNumbers returns o with the numbers of n.
func withNumbers(o, n outcome) outcome {
	o.nums, o.Achieved, o.Target, o.Expected, o.Progress = n.nums, n.Achieved, n.Target, n.Expected, n.Progress
	return o
}

func clamp01(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

func verdict(s Status) Status {
	switch s {
	case OnTrack:
		return Achieved
	case AtRisk:
		return PartlyAchieved
	case Behind, NotStarted:
		return NotAchieved
	}
	return s
}

func withProgress(o outcome, p float64) outcome {
	o.Progress = p
	return o
}

// capStatus returns the worse of s and limit for a status of work under
// way; other statuses stay.
func capStatus(s, limit Status) Status {
	rank := func(x Status) int {
		switch x {
		case AtRisk:
			return 1
		case Behind:
			return 2
		}
		return 0
	}
	switch s {
	case NotStarted, OnTrack, AtRisk, Behind, Achieved:
		if rank(limit) > rank(s) {
			return limit
		}
	}
	return s
}

// Defaults of [promise.Thresholds], used where a citizen promise sets
// none.
const (
	DefaultOnTrack        = promise.DefaultOnTrack
	DefaultAtRisk         = promise.DefaultAtRisk
	DefaultPartlyAchieved = promise.DefaultPartlyAchieved
)

// resolveThresholds fills in the defaults; ok is false (and the defaults
// are returned) when the result breaks 0 < atRisk ≤ onTrack ≤ 1 and
// 0 < partlyAchieved ≤ 1.
func resolveThresholds(t *promise.Thresholds) (promise.Thresholds, bool) { return t.Resolved() }
