package followup

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// View says which reports an evaluation at a date sees.
type View uint8

// The views of time.
const (
	// PeriodView judges the time up to the date with every report that
	// covers it, whenever it was published: the follow-up of 2019
	// published in January 2020 counts at 2019-12-31. It is the default.
	PeriodView View = iota
	// AsKnownView uses only the reports published by the date: the
	// status as it could be known that day (archives).
	AsKnownView
)

var viewTokens = [...]string{"period", "asKnown"}

// String returns the view's token: "period" or "asKnown".
func (v View) String() string {
	if int(v) < len(viewTokens) {
		return viewTokens[v]
	}
	return "View(" + itoa(int(v)) + ")"
}

// MarshalText implements [encoding.TextMarshaler].
func (v View) MarshalText() ([]byte, error) {
	if int(v) >= len(viewTokens) {
		return nil, errors.New("followup: cannot encode " + v.String())
	}
	return []byte(viewTokens[v]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (v *View) UnmarshalText(b []byte) error {
	for i, t := range viewTokens {
		if t == string(b) {
			*v = View(i)
			return nil
		}
	}
	return fmt.Errorf("followup: unknown view %q", b)
}

// vreport is a report as the evaluation sees it.
type vreport struct {
	r *Report
	// date is the day the report was published: its date (the last day
	// of a month or year), or, when the source does not state it, the
	// end of its period.
	date promise.Date
	// seen is the first day the report counts: its date in the as-known
	// view; in the period view its date or the end of its period,
	// whichever is earlier.
	seen promise.Date
	// cover is the period the report speaks for, in days; its End is
	// never zero.
	cover promise.Period
}

// Visible returns the reports of citizen promise (or action plan) cp that
// are seen at date at in view v, oldest first, one per report id. In the
// as-known view a report is seen from its date on; in the period view also
// from the end of its period on. When an id occurs twice the later-dated
// copy is used (on a tie, the first in the bundle). A report without a
// date counts as dated at the end of its period; one with neither is
// ignored. Reports are ordered by date, then by the end and start of their
// period, then by id, so that the order of b.Reports does not matter.
func (b *Bundle) Visible(cp promise.ID, at promise.Date, v View) []*Report {
	if b == nil {
		return nil
	}
	var rs []*Report
	for i := range b.Reports {
		if b.Reports[i].CitizenPromiseID == cp || b.Reports[i].ActionPlanID == cp {
			rs = append(rs, &b.Reports[i])
		}
	}
	vs, _ := visibleIn(rs, at.Last(), v)
	out := make([]*Report, len(vs))
	for i, x := range vs {
		out[i] = x.r
	}
	return out
}

// visibleIn is the reports rs of one citizen promise seen at at in view v.
func visibleIn(rs []*Report, at promise.Date, view View) ([]*vreport, []Warning) {
	var (
		out   []*vreport
		warns []Warning
		byID  = make(map[promise.ID]int)
	)
	for _, r := range rs {
		v := newVReport(r, view)
		if v.seen.IsZero() {
			warns = append(warns, Warning{ReportID: r.ID, Message: sayNoDate.now()})
			continue
		}
		if v.seen.After(at) {
			continue
		}
		if j, dup := byID[r.ID]; dup && r.ID != nilID {
			old := out[j]
			used, other := old, v
			if v.date.After(old.date) {
				out[j], used, other = v, v, old
			}
			warns = append(warns, Warning{ReportID: r.ID, Message: sayDupReport.now(r.ID.String(), used.date, other.date)})
			continue
		}
		byID[r.ID] = len(out)
		out = append(out, v)
	}
	slices.SortStableFunc(out, compareReports)
	return out, warns
}

// days returns p with its bounds as days: a month or year as its first day
// at the start and its last day at the end. An unknown bound stays zero.
func days(p promise.Period) promise.Period {
	return promise.Period{Start: p.From(), End: p.Through()}
}

func newVReport(r *Report, view View) *vreport {
	p := days(r.Period)
	date := r.Date.Last()
	if date.IsZero() {
		date = p.End
		if date.IsZero() {
			date = p.Start
		}
	}
	if p.Start.IsZero() {
		p.Start = date
	}
	if p.End.IsZero() || p.End.Before(p.Start) {
		p.End = later(date, p.Start)
	}
	seen := date
	if view == PeriodView {
		seen = earlier(date, p.End)
	}
	return &vreport{r: r, date: date, seen: seen, cover: p}
}

func compareReports(a, b *vreport) int {
	if c := a.date.Compare(b.date); c != 0 {
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
