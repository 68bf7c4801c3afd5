package followup

import (
	"slices"
	"strconv"
	"time"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Calendar returns the reporting periods of c with their due dates, in
// order, with every bound a day (a month or year at the start is its first
// day, at the end its last). It reads c.Reporting:
//
//   - explicit Periods are used as given (sorted, clipped to c's period);
//   - a Cadence (months, quarters, tertials: January–April, May–August,
//     September–December; half-years or years) cuts c's period at
//     calendar boundaries; the first and last periods are clipped to c's
//     period;
//   - without either, or without Reporting, the document promises no
//     periodic report: the calendar is one period, c's whole period, whose
//     report (the final one) is due after it ends. An open-ended citizen
//     promise, or one whose end the source does not state, then has no
//     calendar at all;
//   - a period's report is due DueDays after it ends or, when DueDays is
//     zero, on the last day of the month after it ends (a tertial ending
//     30 April is due 31 May; one ending 31 December, 31 January).
//
// With a cadence, an open-ended citizen promise ("tills vidare") has
// periods without end; Calendar then returns those that start on or before
// until. For a closed period until is ignored. A citizen promise without a
// start has no calendar.
//
// A calendar holds at most [MaxReportingPeriods] periods, the first ones:
// a hostile or mistaken document (a period of eight thousand years) must
// not cost minutes and gigabytes in a resident's browser.
func Calendar(c *promise.CitizenPromise, until promise.Date) []promise.ReportingPeriod {
	if c == nil {
		return nil
	}
	period := days(c.Period)
	if period.Start.IsZero() {
		return nil
	}
	r := c.Reporting
	if r != nil && len(r.Periods) > 0 {
		return explicitPeriods(r.Periods, period)
	}
	dueDays := 0
	if r != nil {
		dueDays = max(r.DueDays, 0)
	}
	if r == nil || r.Cadence == "" {
		if period.End.IsZero() {
			return nil
		}
		return []promise.ReportingPeriod{{Period: period, Due: dueDate(period.End, dueDays)}}
	}
	last := period.End
	if last.IsZero() {
		if until.IsZero() {
			return nil
		}
		last = until.Last()
	}
	cadence := r.Cadence
	if _, _, ok := interval(period.Start, cadence); !ok {
		cadence = promise.Tertially
	}
	var out []promise.ReportingPeriod
	for s := period.Start; !s.After(last) && len(out) < MaxReportingPeriods; {
		is, ie, _ := interval(s, cadence)
		p := promise.Period{Start: later(is, period.Start), End: ie}
		if !period.End.IsZero() && ie.After(period.End) {
			p.End = period.End
		}
		out = append(out, promise.ReportingPeriod{Period: p, Due: dueDate(p.End, dueDays)})
		s = addDays(ie, 1)
	}
	return out
}

// MaxReportingPeriods is the most periods a [Calendar] holds: enough for
// a hundred years of months (at most 1,201 of them, the longest calendar a
// valid document can have), which no real citizen promise comes near.
const MaxReportingPeriods = 1250

func explicitPeriods(ps []promise.ReportingPeriod, within promise.Period) []promise.ReportingPeriod {
	out := make([]promise.ReportingPeriod, 0, len(ps))
	for _, q := range ps {
		qp := days(q.Period)
		if qp.Start.IsZero() || qp.End.IsZero() || qp.End.Before(qp.Start) {
			continue
		}
		p, ok := clip(qp, within)
		if !ok {
			continue
		}
		due := q.Due.Last()
		if due.IsZero() || due.Before(p.End) {
			due = dueDate(p.End, 0)
		}
		out = append(out, promise.ReportingPeriod{Period: p, Due: due})
	}
	slices.SortStableFunc(out, func(a, b promise.ReportingPeriod) int {
		if c := a.Period.Start.Compare(b.Period.Start); c != 0 {
			return c
		}
		return a.Period.End.Compare(b.Period.End)
	})
	return out
}

// dueDate is when the report for a period ending on end is due.
func dueDate(end promise.Date, dueDays int) promise.Date {
	if dueDays > 0 {
		return addDays(end, dueDays)
	}
	first := date(end.Year(), end.Month(), 1)
	return addDays(first.AddMonths(2), -1)
}

// interval returns the calendar interval of cadence c that holds d: ISO
// weeks start on Monday; quarters, tertials and half-years start in
// January. ok is false for an unknown cadence.
func interval(d promise.Date, c promise.Cadence) (start, end promise.Date, ok bool) {
	y, m := d.Year(), d.Month()
	months := 0
	switch c {
	case promise.Daily:
		return d, d, true
	case promise.Weekly:
		wd := (int(d.Weekday()) + 6) % 7 // Monday = 0
		start = addDays(d, -wd)
		return start, addDays(start, 6), true
	case promise.Monthly:
		months = 1
	case promise.Quarterly:
		months = 3
	case promise.Tertially:
		months = 4
	case promise.HalfYear:
		months = 6
	case promise.Yearly:
		months = 12
	default:
		return d, d, false
	}
	first := time.Month((int(m)-1)/months*months + 1)
	start = date(y, first, 1)
	return start, addDays(start.AddMonths(months), -1), true
}

// intervalName names the interval of cadence c that starts on s:
// "2019-07", "2019 T2", "v. 27 2019".
type intervalName struct {
	s promise.Date
	c promise.Cadence
}

func (n intervalName) AppendIn(b []byte, lang string) []byte {
	y := itoa(n.s.Year())
	m := int(n.s.Month())
	switch n.c {
	case promise.Weekly:
		_, w := n.s.Time().ISOWeek()
		return words.M("interval.week", itoa(w), y).AppendIn(b, lang)
	case promise.Monthly:
		if out := appendDate(b, n.s); len(out) == len(b)+10 {
			return out[:len(b)+7]
		}
		return b
	case promise.Yearly:
		return append(b, y...)
	case promise.Quarterly:
		return words.M("interval.quarter", y, itoa((m-1)/3+1)).AppendIn(b, lang)
	case promise.Tertially:
		return words.M("interval.tertial", y, itoa((m-1)/4+1)).AppendIn(b, lang)
	case promise.HalfYear:
		return words.M("interval.halfYear", y, itoa((m-1)/6+1)).AppendIn(b, lang)
	}
	return appendDate(b, n.s)
}

func itoa(i int) string { return strconv.Itoa(i) }

// date returns y-m-d; the caller guarantees the day exists.
func date(y int, m time.Month, d int) promise.Date {
	out, _ := promise.NewDate(y, m, d)
	return out
}

func later(a, b promise.Date) promise.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b promise.Date) promise.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// clip returns the part of p inside w, and whether there is any. Open ends
// stay open only where both are open.
func clip(p, w promise.Period) (promise.Period, bool) {
	out := promise.Period{Start: later(p.Start, w.Start)}
	switch {
	case p.Open():
		out.End = w.End
	case w.Open():
		out.End = p.End
	default:
		out.End = earlier(p.End, w.End)
	}
	if !out.Open() && out.End.Before(out.Start) {
		return promise.Period{}, false
	}
	return out, true
}

// daysIn returns the number of days of the closed period p, both ends
// included.
func daysIn(p promise.Period) int {
	if p.Open() {
		return 0
	}
	return daysBetween(p.Start, p.End) + 1
}

// addDays returns d moved by n days ([promise.Date.AddDays]).
func addDays(d promise.Date, n int) promise.Date { return d.AddDays(n) }

// daysBetween returns the days from d to e, negative when e is before d
// ([promise.Date.DaysUntil]).
func daysBetween(d, e promise.Date) int { return d.DaysUntil(e) }
