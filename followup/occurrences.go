package followup

import (
	"slices"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// occGroups holds dated entries (occurrences), deduplicated: entries with
// the same date, count, target and place are the same work. Within one
// report identical entries add up (two walks listed twice are two walks);
// across reports the largest tally wins, so that reports that overlap or
// accumulate ("May–July", then "May–December") never count an entry
// twice.
type occGroups struct {
	list  []occGroup
	index map[occKey]int
}

type occKey struct {
	date      promise.Date
	count     int
	place     promise.ID
	placeText string
}

type occGroup struct {
	key   occKey
	first *Occurrence
	// tallies is one total per report, in report order.
	tallies []tally
}

type tally struct {
	vr     *vreport
	amount float64
}

func (g *occGroups) add(o *Occurrence, date promise.Date, vr *vreport) {
	n := o.Count
	if n == 0 {
		n = 1
	}
	k := occKey{date: date, count: n, place: o.PlaceID, placeText: strings.ToLower(strings.TrimSpace(o.Place.In("sv")))}
	if g.index == nil {
		g.index = make(map[occKey]int)
	}
	i, ok := g.index[k]
	if !ok {
		i = len(g.list)
		g.index[k] = i
		g.list = append(g.list, occGroup{key: k, first: o})
	}
	grp := &g.list[i]
	if t := len(grp.tallies); t > 0 && grp.tallies[t-1].vr == vr {
		grp.tallies[t-1].amount += float64(n)
		return
	}
	grp.tallies = append(grp.tallies, tally{vr: vr, amount: float64(n)})
}

// amount returns how many things the group stands for, as known at known.
func (grp *occGroup) amount(known promise.Date) float64 {
	best := 0.0
	for _, t := range grp.tallies {
		if !t.vr.seen.After(known) && t.amount > best {
			best = t.amount
		}
	}
	return best
}

// sum returns the total of the entries dated within [from, to] as known
// at known; a zero from means no lower bound.
func (g *occGroups) sum(known, from, to promise.Date) float64 {
	if g == nil {
		return 0
	}
	s := 0.0
	for i := range g.list {
		grp := &g.list[i]
		if grp.key.date.After(to) || (!from.IsZero() && grp.key.date.Before(from)) {
			continue
		}
		s += grp.amount(known)
	}
	return s
}

type datedAmount struct {
	date   promise.Date
	amount float64
}

// dated returns the entries within [from, to] as known at known, sorted
// by date.
func (g *occGroups) dated(known, from, to promise.Date) []datedAmount {
	var out []datedAmount
	for i := range g.list {
		grp := &g.list[i]
		if grp.key.date.Before(from) || grp.key.date.After(to) {
			continue
		}
		if n := grp.amount(known); n > 0 {
			out = append(out, datedAmount{grp.key.date, n})
		}
	}
	slices.SortFunc(out, func(a, b datedAmount) int { return a.date.Compare(b.date) })
	return out
}

func sumEntries(es []datedAmount) float64 {
	s := 0.0
	for _, e := range es {
		s += e.amount
	}
	return s
}
