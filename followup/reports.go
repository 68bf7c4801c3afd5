package followup

import (
	"bytes"
	"slices"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// vreport is a report seen at the date evaluated.
type vreport struct {
	r *Report
	// seen is the report's date: it is invisible before.
	seen promise.Date
	// cover is the period the report speaks for; its End is never zero.
	cover promise.Period
}

// Visible returns the reports of citizen promise cp that are seen at date
// at, oldest first: those dated on or before at, one per report id. When
// an id occurs twice the later-dated copy is used (on a tie, the first in
// the bundle). A report without a date counts as dated at the end of its
// period; one with neither is ignored. Reports are ordered by date, then by the end and start of their
// period, then by id, so that the order of b.Reports does not matter.
func (b *Bundle) Visible(cp uuid.UUID, at promise.Date) []*Report {
	vs, _ := visible(b, cp, at)
	out := make([]*Report, len(vs))
	for i, v := range vs {
		out[i] = v.r
	}
	return out
}

func visible(b *Bundle, cp uuid.UUID, at promise.Date) ([]*vreport, []Warning) {
	if b == nil {
		return nil, nil
	}
	var rs []*Report
	for i := range b.Reports {
		if b.Reports[i].CitizenPromiseID == cp {
			rs = append(rs, &b.Reports[i])
		}
	}
	return visibleIn(rs, at)
}

// visibleIn is visible for the reports rs of one citizen promise.
func visibleIn(rs []*Report, at promise.Date) ([]*vreport, []Warning) {
	var (
		out   []*vreport
		warns []Warning
		byID  = make(map[uuid.UUID]int)
	)
	for _, r := range rs {
		v := newVReport(r)
		if v.seen.IsZero() {
			warns = append(warns, Warning{ReportID: r.ID, Message: sayNoDate.now()})
			continue
		}
		if v.seen.After(at) {
			continue
		}
		if j, dup := byID[r.ID]; dup && r.ID != uuid.Nil {
			old := out[j]
			used, other := old, v
			if v.seen.After(old.seen) {
				out[j], used, other = v, v, old
			}
			warns = append(warns, Warning{ReportID: r.ID, Message: sayDupReport.now(r.ID.String(), used.seen, other.seen)})
			continue
		}
		byID[r.ID] = len(out)
		out = append(out, v)
	}
	slices.SortStableFunc(out, compareReports)
	return out, warns
}

func newVReport(r *Report) *vreport {
	p := r.Period
	seen := r.Date
	if seen.IsZero() {
		seen = p.End
		if seen.IsZero() {
			seen = p.Start
		}
	}
	if p.Start.IsZero() {
		p.Start = seen
	}
	if p.End.IsZero() || p.End.Before(p.Start) {
		p.End = later(seen, p.Start)
	}
	return &vreport{r: r, seen: seen, cover: promise.Period{Start: p.Start, End: p.End}}
}

func compareReports(a, b *vreport) int {
	if c := a.seen.Compare(b.seen); c != 0 {
		return c
	}
	if c := a.cover.End.Compare(b.cover.End); c != 0 {
		return c
	}
	if c := a.cover.Start.Compare(b.cover.Start); c != 0 {
		return c
	}
	return bytes.Compare(a.r.ID[:], b.r.ID[:])
}
