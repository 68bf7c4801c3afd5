package synthetic

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// cpState is a citizen promise being built, with what its reports need
// and what the next citizen promise renews.
type cpState struct {
	index     int // in the document's CitizenPromises
	id        uuid.UUID
	period    promise.Period
	parties   []uuid.UUID
	themes    []*theme
	plans     []*plan // one per activity, then one per effect target
	promises  map[string]uuid.UUID
	acts      map[string]uuid.UUID // activity template key → id
	variants  map[string]int       // activity template key → variant
	sources   map[string]uuid.UUID // dataset sources by name
	signedDoc uuid.UUID
}

// citizenPromise adds a citizen promise for period under an agreement;
// it renews prev, if any.
func (b *builder) citizenPromise(agreement uuid.UUID, period promise.Period, prev *cpState) *cpState {
	y := period.Start.Year()
	var signed promise.Date
	switch r := b.s.r.Float64(); {
	case r < 0.3:
		signed = date(y-1, time.December, b.s.between(1, 20))
	case r < 0.7:
		signed = date(y, time.January, b.s.between(10, 31))
	case r < 0.9:
		signed = date(y, time.February, b.s.between(1, 28))
	default: // signed weeks after the period began
		signed = date(y, time.Month(b.s.between(3, 4)), b.s.between(1, 28))
	}
	cs := &cpState{
		index: len(b.doc.CitizenPromises), id: b.s.id(signed), period: period, parties: b.signingParties(),
		promises: map[string]uuid.UUID{}, acts: map[string]uuid.UUID{}, variants: map[string]int{}, sources: map[string]uuid.UUID{},
	}
	names := make([]string, len(b.ms))
	for i, m := range b.ms {
		names[i] = m.Name
	}
	home := b.ms[0]
	cs.signedDoc = b.source(promise.SignedDocument, "Medborgarlöfte "+years(period),
		fmt.Sprintf("https://%s/download/medborgarlofte-%s.pdf", home.domain(), years(period)), signed, b.munis[0])
	cp := promise.CitizenPromise{
		ID: cs.id, AgreementID: agreement,
		Title:       promise.Text{"sv": "Medborgarlöfte " + years(period) + " för " + join(names)},
		Period:      period,
		PartyIDs:    cs.parties,
		Signatories: b.signatories(cs.parties, signed),
		Signed:      signed,
		SignedAt:    home.Seat,
		SourceIDs:   append([]uuid.UUID{cs.signedDoc}, b.pages...),
	}
	if b.s.chance(0.3) {
		cp.SourceIDs = append(cp.SourceIDs, b.source(promise.PressRelease, "Nytt medborgarlöfte för "+years(period),
			fmt.Sprintf("https://%s/nyheter/%d/nytt-medborgarlofte-%s.html", home.domain(), signed.Year(), years(period)), signed, b.munis[0]))
	}
	switch {
	case prev != nil:
		cp.Lineage = []promise.Lineage{{Relation: promise.Renews, ID: prev.id}}
	case b.s.chance(0.6):
		cp.Lineage = []promise.Lineage{{Relation: promise.Renews, URL: fmt.Sprintf("https://%s/download/medborgarlofte-%d.pdf", home.domain(), y-1), Title: promise.Text{"sv": fmt.Sprintf("Medborgarlöfte %d", y-1)}}}
	}

	// Focus areas: two to four of the agreement's, most of them kept
	// from the citizen promise before.
	n := b.s.between(2, min(4, len(b.themes)))
	if prev != nil {
		for _, t := range choose(b.s, prev.themes, len(prev.themes)) {
			if len(cs.themes) < n && b.s.chance(0.8) {
				cs.themes = append(cs.themes, t)
			}
		}
	}
	for _, t := range choose(b.s, b.themes, len(b.themes)) {
		if len(cs.themes) < n && !slices.Contains(cs.themes, t) {
			cs.themes = append(cs.themes, t)
		}
	}
	titles := make([]string, len(cs.themes))
	for i, t := range cs.themes {
		titles[i] = lowerFirst(t.sv)
	}
	givers := join(append([]string{"Polisen"}, b.orgNames()...))
	// Theme titles hold "och" themselves: list them with semicolons.
	cp.Summary = promise.Text{"sv": fmt.Sprintf("%s lovar under %s konkreta aktiviteter inom %s fokusområden: %s.", givers, yearsProse(period), number(len(titles)), strings.Join(titles, "; "))}
	cp.Purpose = promise.Text{"sv": fmt.Sprintf("Syftet med medborgarlöftet är att %s tillsammans ska minska brottsligheten och öka tryggheten för dem som bor och vistas i %s.", lowerFirst(givers), join(names))}
	cp.Basis = b.basis(cs, home)
	b.promisesAndActivities(cs, &cp, prev)
	b.effect(cs, &cp)
	switch r := b.s.r.Float64(); {
	case r < 0.1:
		cp.Reporting = &promise.Reporting{Cadence: promise.HalfYear}
	case r < 0.15:
		cp.Reporting = &promise.Reporting{Cadence: promise.Tertially, DueDays: 30}
	}
	if b.s.chance(0.05) {
		cp.Thresholds = &promise.Thresholds{OnTrack: 0.85, AtRisk: 0.5, PartlyAchieved: 0.6}
	}
	if b.s.chance(0.05) {
		cp.Notes = []promise.Note{{Text: promise.Text{"sv": "Kommunens webbsida och det undertecknade dokumentet anger delvis olika aktiviteter; här gäller det undertecknade dokumentet."}, SourceIDs: []uuid.UUID{cs.signedDoc, b.pages[0]}}}
	}
	b.doc.CitizenPromises = append(b.doc.CitizenPromises, cp)
	return cs
}

func (b *builder) orgNames() []string {
	out := make([]string, len(b.ms))
	for i := range b.ms {
		out[i] = b.orgName(i)
	}
	return out
}

// yearsProse is "2021" or "2022 och 2023".
func yearsProse(p promise.Period) string {
	return strings.Replace(years(p), "–", " och ", 1)
}

// basis adds what the citizen promise rests on: citizen dialogues, the
// joint situation picture, and a survey or statistics.
func (b *builder) basis(cs *cpState, home Municipality) []promise.Basis {
	y := cs.period.Start.Year()
	areas := make([]string, 0, 3)
	for _, a := range choose(b.s, b.local[0].areas, 3) {
		areas = append(areas, a.name)
	}
	dialog := promise.Period{Start: date(y-1, time.September, 1), End: date(y-1, time.November, 30)}
	out := []promise.Basis{
		{
			ID: b.s.id(cs.period.Start), Kind: promise.CitizenDialogue,
			Description: promise.Text{"sv": fmt.Sprintf("Medborgardialoger i %s under hösten %d, där invånarna berättade vilka platser och problem som skapar otrygghet.", join(areas), y-1)},
			Period:      &dialog,
			Links:       []promise.Link{{URL: fmt.Sprintf("https://%s/trygghet-och-sakerhet/medborgardialog-%d.html", home.domain(), y-1), Title: promise.Text{"sv": fmt.Sprintf("Resultat av medborgardialogerna %d", y-1)}}},
		},
		{
			ID: b.s.id(cs.period.Start), Kind: promise.SituationPicture,
			Description: promise.Text{"sv": fmt.Sprintf("Den gemensamma lägesbilden för %s inför %d, framtagen av kommunen och polisen.", home.Name, y)},
		},
	}
	if b.s.chance(0.7) {
		src := b.dataset(cs, "Trygghetsmätning", y-1)
		out = append(out, promise.Basis{
			ID: b.s.id(cs.period.Start), Kind: promise.Survey,
			Description: promise.Text{"sv": fmt.Sprintf("Polisens och kommunens trygghetsmätning %d.", y-1)},
			SourceIDs:   []uuid.UUID{src},
		})
	} else {
		out = append(out, promise.Basis{
			ID: b.s.id(cs.period.Start), Kind: promise.Statistics,
			Description: promise.Text{"sv": fmt.Sprintf("Polisens statistik över anmälda brott i %s %d.", home.Name, y-1)},
			Links:       []promise.Link{{URL: "https://bra.se/statistik", Title: promise.Text{"sv": "Brottsförebyggande rådets statistik"}}},
		})
	}
	return out
}

// dataset returns the source of a yearly survey or statistic, adding it
// once per citizen promise.
func (b *builder) dataset(cs *cpState, name string, year int) uuid.UUID {
	key := fmt.Sprintf("%s %d", name, year)
	if id, ok := cs.sources[key]; ok {
		return id
	}
	id := b.source(promise.Dataset, key, fmt.Sprintf("https://%s/statistik/%s-%d.html", b.ms[0].domain(), slug(name), year), date(year, time.December, 15), b.munis[0])
	cs.sources[key] = id
	return id
}

// givers returns who gives a promise, as party ids and as the words that
// open its text.
func (b *builder) givers(cs *cpState) ([]uuid.UUID, string) {
	orgs := b.orgNames()
	switch b.s.weighted([]int{55, 25, 15, 5}) {
	case 1:
		return []uuid.UUID{b.area.party.ID}, "Polisen"
	case 2:
		return slices.Clone(b.munis), join(orgs)
	case 3:
		if b.third != nil {
			return slices.Clone(cs.parties), join(append(append([]string{"Polisen"}, orgs...), b.third.Name["sv"]))
		}
	}
	ids := append([]uuid.UUID{b.area.party.ID}, b.munis...)
	if b.s.chance(0.5) {
		return ids, join(append([]string{"Polisen"}, orgs...))
	}
	return ids, join(append(orgs, "polisen"))
}

// promisesAndActivities adds one or two promises per focus area and one
// to three activities per promise, within 2–6 promises and 3–12
// activities.
func (b *builder) promisesAndActivities(cs *cpState, cp *promise.CitizenPromise, prev *cpState) {
	type group struct {
		t        *theme
		promises []uuid.UUID
	}
	var groups []group
	for _, t := range cs.themes {
		g := group{t: t}
		n := 1
		if b.s.chance(0.3) {
			n = 2
		}
		for _, text := range choose(b.s, t.promises, n) {
			if len(cp.Promises) == 6 {
				break
			}
			ids, who := b.givers(cs)
			l := &b.local[0]
			f := b.filler(0, promise.Period{}, map[string]string{"{givers}": who, "{kommun}": join(b.orgNames())})
			p := promise.Promise{ID: b.s.id(cp.Signed), Text: promise.Text{"sv": f.Replace(text)}, GivenBy: ids, ThemeIDs: []uuid.UUID{b.themeIDs[t.key]}}
			p.BasisIDs = []uuid.UUID{pick(b.s, cp.Basis).ID}
			switch {
			case strings.Contains(text, "{site}"):
				p.PlaceIDs = []uuid.UUID{l.sites[0].id}
			case t.key == "narkotika" || t.key == "exploatering":
				p.PlaceIDs = []uuid.UUID{l.kinds.id}
			}
			if prev != nil {
				if old, ok := prev.promises[text]; ok {
					p.Lineage = []promise.Lineage{{Relation: promise.Renews, ID: old}}
				}
			}
			cs.promises[text] = p.ID
			cp.Promises = append(cp.Promises, p)
			g.promises = append(g.promises, p.ID)
		}
		if len(g.promises) > 0 {
			groups = append(groups, g)
		}
	}
	n := len(cp.Promises)
	want := b.s.between(max(3, n), min(12, 3*n))
	for round := 0; len(cp.Activities) < want && round < 4; round++ {
		for _, g := range groups {
			if len(cp.Activities) >= want {
				break
			}
			var fresh []*activityTemplate
			for _, t := range templatesFor(g.t) {
				if _, used := cs.acts[t.key]; !used {
					fresh = append(fresh, t)
				}
			}
			if len(fresh) == 0 {
				continue
			}
			t := pick(b.s, fresh)
			if prev != nil { // keep what was done before, most often
				for _, c := range fresh {
					if _, ok := prev.acts[c.key]; ok && b.s.chance(0.6) {
						t = c
						break
					}
				}
			}
			var serves []uuid.UUID
			switch r := b.s.r.Float64(); {
			case r < 0.08: // serves no promise explicitly
			case r < 0.3:
				serves = g.promises
			default:
				serves = []uuid.UUID{pick(b.s, g.promises)}
			}
			a, pl := b.activity(cs, cp, t, serves, prev)
			cp.Activities = append(cp.Activities, a)
			cs.plans = append(cs.plans, pl)
		}
	}
}

// effect adds the expected effect, with indicators from the focus areas
// most of the time.
func (b *builder) effect(cs *cpState, cp *promise.CitizenPromise) {
	e := &promise.Effect{Description: promise.Text{"sv": pick(b.s, []string{
		"Polisen och kommunen vill genom gemensamma aktiviteter och samverkan med invånarna medverka till en tryggare kommun att leva, bo och vistas i.",
		"Färre brott och en ökad trygghet, mätt i trygghetsmätningen och i polisens statistik över anmälda brott.",
		"Invånarna ska uppleva att polisen och kommunen finns där de behövs och att det går att påverka arbetet med tryggheten.",
	})}}
	var pool []*indicator
	for _, t := range cs.themes {
		for i := range t.effects {
			pool = append(pool, &t.effects[i])
		}
	}
	if b.s.chance(0.7) {
		for _, m := range choose(b.s, pool, b.s.between(1, 2)) {
			t, pl := b.indicatorTarget(cs, m, b.filler(0, cs.period, nil), cs.period)
			e.Targets = append(e.Targets, t)
			cs.plans = append(cs.plans, pl)
		}
	}
	cp.Effect = e
}

// indicatorTarget returns an indicator target with its baseline from the
// year before window, and the plan of its measured values.
func (b *builder) indicatorTarget(cs *cpState, m *indicator, f *strings.Replacer, window promise.Period) (promise.Target, *plan) {
	y := cs.period.Start.Year()
	base := round(b.s.float(m.lo, m.hi), m.decimals)
	change := m.change * b.s.float(1, 2)
	goal := base * (1 + change)
	if m.dir == promise.Decrease {
		goal = base * (1 - change)
	}
	goal = round(goal, m.decimals)
	if goal == base {
		step := 1 / pow10(m.decimals)
		if m.dir == promise.Decrease {
			step = -step
		}
		goal = round(base+step, m.decimals)
	}
	t := promise.Target{
		ID: b.s.id(cs.period.Start), Kind: promise.Indicator,
		Description: promise.Text{"sv": f.Replace(m.text)},
		Value:       &goal, Unit: promise.Text{"sv": m.unit}, Direction: m.dir,
		Baseline: &promise.Measurement{Value: base, Date: date(y-1, time.November, 15), SourceID: b.dataset(cs, m.source, y-1)},
	}
	if m.threshold {
		th := round(base*1.25, m.decimals)
		if m.dir == promise.Increase {
			th = round(base*0.8, m.decimals)
		}
		t.ActionThreshold = &th
	}
	pl := &plan{target: t, window: window, decimals: m.decimals, unit: m.unit}
	pl.measure(b.s, base, goal)
	return t, pl
}

func round(x float64, decimals int) float64 {
	p := pow10(decimals)
	return float64(int64(x*p+0.5)) / p
}

func pow10(n int) float64 {
	p := 1.0
	for range n {
		p *= 10
	}
	return p
}
