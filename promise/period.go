package promise

import "slices"

// The bounds of a [Period] that its NotStated may name.
const (
	StartBound = "start"
	EndBound   = "end"
)

// Period is an inclusive range of dates. Its bounds are as precise as the
// source ([Date]): a period "2018-10"–"2019" runs from 2018-10-01 through
// 2019-12-31.
//
// A bound may be missing for two different reasons, and the two never mix:
//
//   - the period is open-ended ("tills vidare", until further notice): no
//     End, and "end" not in NotStated;
//   - the source does not say: the bound is named in NotStated ("start" or
//     "end") and left out. The period is then not open but unknown at that
//     end, and readers say "okänt" / "unknown", never "until further
//     notice".
//
// Label keeps the document's own words for a period not given as dates
// ("hösten 2015").
type Period struct {
	Start Date `json:"start,omitzero"`
	End   Date `json:"end,omitzero"`
	Label Text `json:"label,omitempty"`
	// NotStated names the bounds the source does not give: "start",
	// "end", or both.
	NotStated []string `json:"notStated,omitempty"`
}

// IsZero reports whether p holds nothing at all: no dates, no label and no
// unknown bound. An agreement whose source states no period has the zero
// Period.
func (p Period) IsZero() bool {
	return p.Start.IsZero() && p.End.IsZero() && len(p.Label) == 0 && len(p.NotStated) == 0
}

// StartUnknown reports whether the source does not state p's start.
func (p Period) StartUnknown() bool { return slices.Contains(p.NotStated, StartBound) }

// EndUnknown reports whether the source does not state p's end.
func (p Period) EndUnknown() bool { return slices.Contains(p.NotStated, EndBound) }

// Open reports whether p is open-ended ("tills vidare"): it has no end, and
// not because the source does not say.
func (p Period) Open() bool { return p.End.IsZero() && !p.EndUnknown() }

// Closed reports whether p has a known start and end.
func (p Period) Closed() bool { return !p.Start.IsZero() && !p.End.IsZero() }

// From returns p's first day ([Date.First] of Start), or the zero Date when
// the start is unknown.
func (p Period) From() Date { return p.Start.First() }

// Through returns p's last day ([Date.Last] of End), or the zero Date when
// p is open or its end unknown.
func (p Period) Through() Date { return p.End.Last() }

// Contains reports whether the day d (or every day a month or year d stands
// for) lies within p, both ends included. A missing bound, open or unknown,
// does not limit.
func (p Period) Contains(d Date) bool {
	if f := p.From(); !f.IsZero() && d.First().Before(f) {
		return false
	}
	if t := p.Through(); !t.IsZero() && d.Last().After(t) {
		return false
	}
	return true
}

// Within reports whether p lies entirely within q. A missing bound of q
// does not limit; a missing bound of p lies within q only where q's is
// missing too.
func (p Period) Within(q Period) bool {
	if qf := q.From(); !qf.IsZero() {
		if pf := p.From(); pf.IsZero() || pf.Before(qf) {
			return false
		}
	}
	if qt := q.Through(); !qt.IsZero() {
		if pt := p.Through(); pt.IsZero() || pt.After(qt) {
			return false
		}
	}
	return true
}

// Days returns the number of days in p, both ends included, or 0 when a
// bound is missing.
func (p Period) Days() int {
	if !p.Closed() {
		return 0
	}
	return p.From().DaysUntil(p.Through()) + 1
}

// String returns "START/END" (ISO 8601 interval notation) with the bounds as
// precise as they are given, ".." for an open end and "?" for a bound the
// source does not state.
func (p Period) String() string {
	return p.bound(p.Start, p.StartUnknown(), "..") + "/" + p.bound(p.End, p.EndUnknown(), "..")
}

func (p Period) bound(d Date, unknown bool, open string) string {
	switch {
	case !d.IsZero():
		return d.String()
	case unknown:
		return "?"
	}
	return open
}
