package synthetic

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// filler returns the replacer of a text's placeholders for the k-th
// municipality of the bundle, with extra pairs ("{N}", "4"…).
func (b *builder) filler(k int, period promise.Period, extra map[string]string) *strings.Replacer {
	l := &b.local[k]
	pairs := map[string]string{
		"{kommun}": b.orgName(k),
		"{ort}":    b.ms[k].Seat,
		"{site}":   l.sites[0].name,
		"{site2}":  l.sites[1].name,
		"{area}":   l.areas[0].name,
		"{area2}":  l.areas[1].name,
	}
	if !period.Start.IsZero() {
		pairs["{perioden}"] = "under " + yearsProse(period)
	}
	for k, v := range extra {
		pairs[k] = v
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a replacer's result may depend on the order of its pairs
	args := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, pairs[k])
	}
	return strings.NewReplacer(args...)
}

// usable reports whether a variant fits a citizen promise: a variant tied
// to a season of one year does not fit one of two years.
func usable(v *variant, multiYear bool) bool { return !multiYear || v.season == anyTime }

// seasonWindow returns the window of a season in year y, and how texts
// name it.
func seasonWindow(s season, y int) (promise.Period, string) {
	ys := strconv.Itoa(y)
	switch s {
	case spring:
		return promise.Period{Start: date(y, time.March, 1), End: date(y, time.June, 15)}, "under våren " + ys
	case summer:
		return promise.Period{Start: date(y, time.June, 15), End: date(y, time.August, 15)}, "under sommarlovet " + ys
	case autumn:
		return promise.Period{Start: date(y, time.September, 1), End: date(y, time.November, 30)}, "under hösten " + ys
	default:
		return promise.Period{Start: date(y, time.April, 1), End: date(y, time.September, 30)}, "under mopedsäsongen " + ys
	}
}

var withdrawalReasons = []string{
	"Aktiviteten ersattes av en gemensam insats i hela lokalpolisområdet.",
	"Lokalerna som aktiviteten byggde på är inte längre tillgängliga.",
	"Parterna beslutade på Brå-mötet att prioritera om resurserna till arbetet mot narkotika.",
}

// activity builds one activity of template t, its target and the plan of
// what will be reported about it.
func (b *builder) activity(cs *cpState, cp *promise.CitizenPromise, t *activityTemplate, serves []uuid.UUID, prev *cpState) (promise.Activity, *plan) {
	multi := cs.period.Start.Year() != cs.period.End.Year()
	vi := -1
	if prev != nil {
		if v, ok := prev.variants[t.key]; ok && usable(&t.variants[v], multi) && b.s.chance(0.7) {
			vi = v
		}
	}
	if vi < 0 {
		ws := make([]int, len(t.variants))
		for i := range t.variants {
			if usable(&t.variants[i], multi) {
				ws[i] = t.variants[i].weight
			}
		}
		vi = b.s.weighted(ws)
	}
	cs.variants[t.key] = vi
	v := &t.variants[vi]

	k := b.s.r.IntN(len(b.ms)) // the municipality the activity is about
	l := &b.local[k]
	y := cs.period.Start.Year()
	window := cs.period
	a := promise.Activity{ID: b.s.id(cp.Signed), PromiseIDs: serves}
	extra := map[string]string{}
	s := v.season
	if s == anyTime && !multi && len(t.seasons) > 0 && b.s.chance(0.15) {
		s = pick(b.s, t.seasons)
	}
	if s != anyTime {
		w, name := seasonWindow(s, y)
		a.Window, window = &w, w
		extra["{perioden}"] = name
	} else if !multi {
		extra["{perioden}"] = pick(b.s, []string{"under " + strconv.Itoa(y), "under året"})
	}

	var places []placeRef
	switch v.places {
	case pSeat:
		places = []placeRef{l.seat}
	case pStation:
		places = l.sites[:1]
	case pSite:
		places = choose(b.s, l.sites, 1)
	case pSites:
		places = choose(b.s, l.sites, 2)
	case pArea:
		places = choose(b.s, l.areas, 1)
	case pAreas2:
		places = choose(b.s, l.areas, 2)
	case pAreas:
		places = l.areas
	case pSchools:
		places = l.schools
	}
	for i, key := range [...]string{"{site}", "{site2}"} {
		if (v.places == pStation || v.places == pSite || v.places == pSites) && i < len(places) {
			extra[key] = places[i].name
		}
	}
	for i, key := range [...]string{"{area}", "{area2}"} {
		if (v.places == pArea || v.places == pAreas2) && i < len(places) {
			extra[key] = places[i].name
		}
	}
	for _, p := range places {
		a.PlaceIDs = append(a.PlaceIDs, p.id)
	}
	if len(places) == 0 && b.s.chance(0.3) {
		a.PlaceIDs = []uuid.UUID{l.muni.id}
	}

	lead, partners := b.parties(t, k)
	extra["{lead}"], extra["{partners}"] = lead.words, join(partners.words())
	a.LeadIDs, a.PartnerIDs = lead.ids, partners.ids()
	if t.theme != "" {
		if id := b.themeID(t.theme); id != uuid.Nil {
			a.ThemeIDs = []uuid.UUID{id}
		}
	}

	pl := &plan{activity: a.ID, lead: t.lead, unit: v.unit, done: v.done, window: window}
	if pl.done == "" {
		pl.done = "Under perioden genomfördes %d " + v.unit + "."
	}
	if tg, ok := b.target(cs, v, window, multi, places, extra, pl); ok {
		a.Targets, pl.target = []promise.Target{tg}, tg
	}
	// "{lead} och {partners}" with two partners would read "A och B och
	// C": list them all at once instead.
	text := strings.ReplaceAll(v.text, "{lead} och {partners}", "{all}")
	extra["{all}"] = join(append([]string{lead.words}, partners.words()...))
	a.Text = promise.Text{"sv": b.filler(k, cs.period, extra).Replace(text)}

	if prev != nil {
		if old, ok := prev.acts[t.key]; ok {
			rel := promise.Renews
			if b.s.chance(0.2) {
				rel = promise.CarriesOver
			}
			a.Lineage = []promise.Lineage{{Relation: rel, ID: old}}
		}
	}
	cs.acts[t.key] = a.ID
	if b.s.chance(0.2) {
		a.SourceIDs = []uuid.UUID{cs.signedDoc}
	}
	if start := window.Start.AddDays(30); b.s.chance(0.02) && start.Before(minDate(window.End, b.asOf)) {
		d := b.s.day(promise.Period{Start: start, End: minDate(window.End, b.asOf)})
		a.Withdrawn = &promise.Withdrawal{Date: d, Reason: promise.Text{"sv": pick(b.s, withdrawalReasons)}}
		pl.withdrawn = d
	}
	for _, p := range places {
		pl.places = append(pl.places, p.id)
	}
	pl.simulate(b.s)
	return a, pl
}

// target builds the target of variant v, filling {N}, {gånger}, {per}
// and {perioden} in extra. It reports false for an activity without a
// target.
func (b *builder) target(cs *cpState, v *variant, window promise.Period, multi bool, places []placeRef, extra map[string]string, pl *plan) (promise.Target, bool) {
	t := promise.Target{ID: b.s.id(cs.period.Start), Kind: v.kind}
	if v.unit != "" {
		t.Unit = promise.Text{"sv": v.unit}
	}
	yearly := multi && (v.yearly || b.s.chance(0.5))
	if multi && extra["{perioden}"] == "" {
		if yearly {
			extra["{perioden}"] = "varje år"
		} else {
			extra["{perioden}"] = pick(b.s, []string{"under " + yearsProse(cs.period), "under perioden"})
		}
	}
	switch v.kind {
	case promise.Count:
		n := b.s.between(v.lo, v.hi)
		if window.Days() < cs.period.Days() {
			n = max(v.lo, n/2)
		}
		if multi && yearly {
			t.Scope = promise.EachYear
		} else if multi {
			t.Scope, n = promise.WholePeriod, 2*n
		}
		t.Value = ptr(float64(n))
		t.Comparison, t.Description = promise.AtLeast, promise.Text{"sv": "minst " + number(n) + " " + v.unit}
		if v.exact {
			t.Comparison, t.Description = promise.Exactly, promise.Text{"sv": number(n) + " " + v.unit}
		}
		if t.Scope == promise.EachYear {
			t.Description["sv"] += " per år"
		}
		if v.split && len(places) >= 2 && n >= 2 {
			s1 := max(1, n/3)
			s2 := max(1, min(n/4, n-s1))
			t.Split = []promise.Share{{PlaceID: places[0].id, Value: float64(s1)}, {PlaceID: places[1].id, Value: float64(s2)}}
		}
		extra["{N}"] = number(n)
		pl.totals = b.s.chance(0.3)
	case promise.Recurring:
		n := b.s.between(v.lo, v.hi)
		t.Value, t.Every = ptr(float64(n)), v.every
		extra["{gånger}"], extra["{per}"] = times(n), perCadence[v.every]
		t.Description = promise.Text{"sv": times(n) + " " + perCadence[v.every]}
	case promise.Coverage:
		if len(places) > 0 {
			for _, p := range places {
				t.PlaceIDs = append(t.PlaceIDs, p.id)
			}
			t.Description = promise.Text{"sv": "samtliga " + v.unit + " (" + strconv.Itoa(len(places)) + ")"}
		} else {
			n := b.s.between(v.lo, v.hi)
			t.Value = ptr(float64(n))
			t.Description = promise.Text{"sv": "samtliga " + v.unit + " (" + strconv.Itoa(n) + ")"}
		}
		if multi && v.yearly {
			t.Scope = promise.EachYear
		}
	case promise.Milestone:
		days := window.Days()
		t.Due = window.Start.AddDays(b.s.between(days/3, days-1))
		t.Description = promise.Text{"sv": b.filler(0, promise.Period{}, extra).Replace(v.goal)}
	case promise.Indicator:
		it, ipl := b.indicatorTarget(cs, v.measure, b.filler(0, cs.period, extra), window)
		pl.measures, pl.decimals = ipl.measures, ipl.decimals
		return it, true
	case promise.Unmeasurable:
		if b.s.chance(0.3) {
			return promise.Target{}, false
		}
	}
	return t, true
}

func ptr[T any](v T) *T { return &v }

// actor is who leads an activity: party ids and the words for them.
type actor struct {
	ids   []uuid.UUID
	words string
}

type actors []actor

func (as actors) ids() []uuid.UUID {
	var out []uuid.UUID
	for _, a := range as {
		out = append(out, a.ids...)
	}
	return out
}

func (as actors) words() []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.words
	}
	return out
}

// parties returns the lead of an activity of template t about the k-th
// municipality, and its partners.
func (b *builder) parties(t *activityTemplate, k int) (actor, actors) {
	police := actor{[]uuid.UUID{b.area.party.ID}, "polisen"}
	muni := actor{[]uuid.UUID{b.munis[k]}, b.orgName(k)}
	var lead actor
	switch t.lead {
	case rPolice:
		lead = actor{police.ids, "Polisen"}
	case rMuni:
		lead = muni
	case rBoth:
		lead = actor{[]uuid.UUID{b.area.party.ID, b.munis[k]}, "Polisen och " + muni.words}
		if b.s.chance(0.5) {
			lead.words = muni.words + " och polisen"
		}
	default:
		p := b.partyFor(t.lead)
		lead = actor{[]uuid.UUID{p.ID}, p.Name["sv"]}
	}
	var partners actors
	for _, r := range t.partners {
		var p actor
		switch r {
		case rPolice:
			p = police
		case rMuni:
			p = muni
		default:
			party := b.partyFor(r)
			p = actor{[]uuid.UUID{party.ID}, party.Name["sv"]}
		}
		if !slices.Contains(lead.ids, p.ids[0]) {
			partners = append(partners, p)
		}
	}
	return lead, partners
}
