package synthetic

import (
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// plan is what actually happens with one activity (or one expected-effect
// indicator), drawn once when the activity is made; the reports then tell
// it period by period. Keeping the truth in one place lets reports that
// cover overlapping periods, or come from two parties, agree or disagree
// on purpose.
type plan struct {
	activity  uuid.UUID // zero for an expected effect's indicator
	lead      role
	unit      string
	done      string // the report's words for what was done, with %d
	window    promise.Period
	target    promise.Target // zero ID when the activity has no target
	decimals  int
	places    []uuid.UUID // where the work happens
	totals    bool        // a count reported as running totals, not occurrences
	perf      float64     // how well it goes: 1 is as promised
	events    []event
	completed promise.Date // a milestone's
	measures  []measurement
	withdrawn promise.Date
}

// event is work done on a date: Count things (a month's controls), at a
// place of the document or, now and then, elsewhere.
type event struct {
	date      promise.Date
	count     int
	place     uuid.UUID
	elsewhere string
}

type measurement struct {
	date  promise.Date
	value float64
}

// active is the part of the window in which work happens: up to the
// withdrawal, if any.
func (p *plan) active() promise.Period {
	w := p.window
	if !p.withdrawn.IsZero() {
		w.End = minDate(w.End, p.withdrawn)
	}
	return w
}

// simulate draws the plan's events from its target.
func (p *plan) simulate(s *source) {
	switch r := s.r.Float64(); {
	case r < 0.05:
		p.perf = 0
	case r < 0.2:
		p.perf = s.float(0.4, 0.9)
	case r < 0.75:
		p.perf = s.float(1, 1.3)
	default:
		p.perf = s.float(1.3, 2.5)
	}
	t := &p.target
	w := p.active()
	switch t.Kind {
	case promise.Count:
		for _, span := range p.spans(w) {
			p.spread(s, span, int(*t.Value*p.perf+0.5))
		}
	case promise.Coverage:
		for _, span := range p.spans(w) {
			if len(t.PlaceIDs) == 0 {
				p.spread(s, span, int(*t.Value*min(p.perf, 1.1)+0.5))
				continue
			}
			reach := 0.97
			if p.perf < 1 {
				reach = 0.75
			}
			for _, id := range t.PlaceIDs {
				if s.chance(reach) {
					p.events = append(p.events, event{date: s.day(span), count: 1, place: id})
				}
			}
		}
	case promise.Recurring:
		miss := 0.1
		if p.perf < 1 {
			miss = 0.4
		}
		for _, in := range intervals(t.Every, w) {
			n := int(*t.Value)
			switch {
			case p.perf == 0:
				n = 0
			case s.chance(miss):
				n--
			case s.chance(0.05):
				n++
			}
			for range n {
				p.events = append(p.events, p.at(s, s.day(in), 1))
			}
		}
	case promise.Milestone:
		switch r := s.r.Float64(); {
		case p.perf == 0 || r < 0.1:
		case r < 0.85 || !t.Due.Before(w.End):
			p.completed = s.day(promise.Period{Start: minDate(w.Start.AddDays(14), t.Due), End: t.Due})
		default: // late
			p.completed = s.day(promise.Period{Start: t.Due.AddDays(1), End: w.End})
		}
		if !p.withdrawn.IsZero() && p.completed.After(p.withdrawn) {
			p.completed = promise.Date{}
		}
	}
	sortEvents(p.events)
}

// spans are the parts of w a count or coverage target counts in: each
// calendar year for a target counted anew each year, else all of w.
func (p *plan) spans(w promise.Period) []promise.Period {
	if p.target.Scope != promise.EachYear {
		return []promise.Period{w}
	}
	return intervals(promise.Yearly, w)
}

// spread adds n things done in span: one event each when they are few,
// monthly totals when they are many.
func (p *plan) spread(s *source, span promise.Period, n int) {
	if n <= 24 {
		for range n {
			p.events = append(p.events, p.at(s, s.day(span), 1))
		}
		return
	}
	months := intervals(promise.Monthly, span)
	weights := make([]float64, len(months))
	total := 0.0
	for i := range weights {
		weights[i] = s.float(0.5, 1.5) * float64(months[i].Days())
		total += weights[i]
	}
	left := n
	for i, m := range months {
		k := int(float64(n)*weights[i]/total + 0.5)
		if i == len(months)-1 || k > left {
			k = left
		}
		left -= k
		if k > 0 {
			p.events = append(p.events, p.at(s, s.day(m), k))
		}
	}
}

// at returns an event of count things on d at one of the plan's places,
// sometimes at a place the document does not name.
func (p *plan) at(s *source, d promise.Date, count int) event {
	e := event{date: d, count: count}
	switch {
	case s.chance(0.03):
		e.elsewhere = pick(s, elsewhere)
	case len(p.places) > 0 && s.chance(0.9):
		e.place = pick(s, p.places)
	}
	return e
}

// measure draws an indicator's yearly values, moving from base towards
// goal as well as the plan's performance allows.
func (p *plan) measure(s *source, base, goal float64) {
	years := intervals(promise.Yearly, p.window)
	perf := s.float(0.2, 1.4)
	for i, y := range years {
		frac := float64(i+1) / float64(len(years))
		v := base + (goal-base)*frac*perf + (goal-base)*s.float(-0.15, 0.15)
		v = max(0, round(v, p.decimals))
		when := date(y.Start.Year(), time.October, 1).AddDays(s.between(0, 60))
		if y.Contains(when) {
			p.measures = append(p.measures, measurement{when, v})
		}
	}
}

// intervals returns the calendar intervals of cadence c (weeks from
// Monday, months, quarters, tertials, half-years, years) that meet w,
// clipped to w.
func intervals(c promise.Cadence, w promise.Period) []promise.Period {
	var out []promise.Period
	for start := intervalStart(c, w.Start); !start.After(w.End); {
		next := intervalNext(c, start)
		in := promise.Period{Start: maxDate(start, w.Start), End: minDate(next.AddDays(-1), w.End)}
		out = append(out, in)
		start = next
	}
	return out
}

func intervalStart(c promise.Cadence, d promise.Date) promise.Date {
	m := int(d.Month())
	switch c {
	case promise.Daily:
		return d
	case promise.Weekly:
		return d.AddDays(-((int(d.Time().Weekday()) + 6) % 7))
	case promise.Monthly:
		return date(d.Year(), d.Month(), 1)
	case promise.Quarterly:
		return date(d.Year(), time.Month((m-1)/3*3+1), 1)
	case promise.Tertially:
		return date(d.Year(), time.Month((m-1)/4*4+1), 1)
	case promise.HalfYear:
		return date(d.Year(), time.Month((m-1)/6*6+1), 1)
	}
	return date(d.Year(), time.January, 1)
}

func intervalNext(c promise.Cadence, start promise.Date) promise.Date {
	switch c {
	case promise.Daily:
		return start.AddDays(1)
	case promise.Weekly:
		return start.AddDays(7)
	case promise.Monthly:
		return start.AddMonths(1)
	case promise.Quarterly:
		return start.AddMonths(3)
	case promise.Tertially:
		return start.AddMonths(4)
	case promise.HalfYear:
		return start.AddMonths(6)
	}
	return start.AddMonths(12)
}

// sortEvents orders events by date, keeping equal dates in the order
// drawn.
func sortEvents(es []event) {
	slices.SortStableFunc(es, func(a, b event) int { return a.date.Compare(b.date) })
}
