package followup_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// gen makes random but plausible bundles for the property tests, the
// concurrency test and the benchmark: every target kind and scope,
// windows, places with parents, tertial reports that are sometimes late,
// missing, duplicated, overlapping or in conflict.
type gen struct {
	r *rand.Rand
	n int
}

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g *gen) id() promise.ID {
	g.n++
	var u promise.ID
	for i := range u {
		u[i] = byte(g.r.UintN(256))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

func (g *gen) date(p promise.Period) promise.Date {
	n := p.Start.DaysUntil(p.End)
	if n <= 0 {
		return p.Start
	}
	return p.Start.AddDays(g.r.IntN(n + 1))
}

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// bundle returns a bundle of cps citizen promises with about acts
// activities each.
func (g *gen) bundle(cps, acts int) *followup.Bundle {
	kommun, polis := g.id(), g.id()
	doc := promise.Document{
		SchemaVersion: promise.SchemaVersion,
		ID:            g.id(),
		Parties: []promise.Party{
			{ID: kommun, Kind: promise.Municipality, Name: sv("Kommunen", "The municipality")},
			{ID: polis, Kind: promise.Police, Name: sv("Polisen", "The police")},
		},
	}
	var places []promise.ID
	for i := range 6 {
		p := promise.Place{ID: g.id(), Kind: promise.PlaceDistrict, Name: sv(fmt.Sprintf("Plats %d", i), fmt.Sprintf("Place %d", i))}
		if i > 2 {
			p.ParentID = places[g.pick(3)]
		}
		places = append(places, p.ID)
		doc.Places = append(doc.Places, p)
	}
	b := &followup.Bundle{SchemaVersion: promise.SchemaVersion}
	for range cps {
		cp, reports := g.citizenPromise(kommun, polis, places, acts)
		doc.CitizenPromises = append(doc.CitizenPromises, cp)
		b.Reports = append(b.Reports, reports...)
	}
	b.Document = doc
	return b
}

func (g *gen) citizenPromise(kommun, polis promise.ID, places []promise.ID, acts int) (promise.CitizenPromise, []followup.Report) {
	start := date(2019+g.pick(3), 1, 1)
	if g.chance(0.2) {
		start = start.AddMonths(g.pick(10))
	}
	period := promise.Period{Start: start, End: start.AddMonths(12 * (1 + g.pick(3))).AddDays(-1)}
	cp := promise.CitizenPromise{
		ID: g.id(), Title: sv("Löfte", "Promise"), Period: period, PartyIDs: []promise.ID{kommun, polis},
		Promises: []promise.Promise{
			{ID: g.id(), Text: sv("Ett", "One"), GivenBy: []promise.ID{kommun}},
			{ID: g.id(), Text: sv("Två", "Two"), GivenBy: []promise.ID{polis}},
		},
	}
	switch {
	case g.chance(0.2):
		cp.Reporting = &promise.Reporting{Cadence: []promise.Cadence{promise.Quarterly, promise.HalfYear, promise.Yearly, promise.Monthly}[g.pick(4)]}
	case g.chance(0.8):
		cp.Reporting = &promise.Reporting{Cadence: promise.Tertially}
	}
	kinds := []promise.TargetKind{promise.Count, promise.Count, promise.Count, promise.Milestone, promise.Recurring, promise.Coverage, promise.Continuous, promise.Indicator, promise.Unmeasurable}
	for range acts {
		a := promise.Activity{ID: g.id(), Text: sv("Aktivitet", "Activity"), LeadIDs: []promise.ID{kommun}}
		if g.chance(0.8) {
			a.PromiseIDs = []promise.ID{cp.Promises[g.pick(2)].ID}
		}
		if g.chance(0.2) {
			w := promise.Period{Start: g.date(period)}
			w.End = g.date(promise.Period{Start: w.Start, End: period.End})
			a.Window = &w
		}
		for range 1 + g.pick(2) {
			a.Targets = append(a.Targets, g.target(kinds[g.pick(len(kinds))], places, period))
		}
		if g.chance(0.03) {
			a.Withdrawn = &promise.Withdrawal{Date: g.date(period), Reason: sv("Utgår", "Dropped")}
		}
		cp.Activities = append(cp.Activities, a)
	}
	return cp, g.reports(&cp, places)
}

func (g *gen) target(k promise.TargetKind, places []promise.ID, period promise.Period) promise.Target {
	t := promise.Target{ID: g.id(), Kind: k}
	switch k {
	case promise.Count:
		t.Value = f(float64(1 + g.pick(20)))
		t.Comparison = promise.AtLeast
		t.Unit = sv("st", "pcs")
		if g.chance(0.2) {
			t.Scope = promise.EachYear
		}
	case promise.Milestone:
		if g.chance(0.5) {
			t.Due = g.date(period)
		}
	case promise.Recurring:
		t.Value = f(float64(1 + g.pick(3)))
		t.Every = []promise.Cadence{promise.Weekly, promise.Monthly, promise.Quarterly}[g.pick(3)]
	case promise.Coverage:
		if g.chance(0.7) {
			t.PlaceIDs = append(t.PlaceIDs, places[:1+g.pick(3)]...)
		} else {
			t.Value = f(float64(1 + g.pick(5)))
		}
	case promise.Indicator:
		base := float64(40 + g.pick(30))
		if g.chance(0.5) {
			t.Direction, t.Value = promise.Increase, f(base+5)
		} else {
			t.Direction, t.Value = promise.Decrease, f(base-5)
		}
		t.Baseline = &promise.Measurement{Value: base, Date: period.Start.AddDays(-90)}
		t.Unit = sv("%", "%")
	}
	return t
}

func (g *gen) reports(cp *promise.CitizenPromise, places []promise.ID) []followup.Report {
	var out []followup.Report
	for _, q := range followup.Calendar(cp, cp.Period.End) {
		if g.chance(0.1) {
			continue // missing
		}
		from := q.Period.Start
		if g.chance(0.15) {
			from = cp.Period.Start // accumulating
		}
		date := q.Due.AddDays(-g.pick(20))
		if g.chance(0.15) {
			date = q.Due.AddDays(1 + g.pick(30)) // late
		}
		r := followup.Report{
			SchemaVersion: promise.SchemaVersion, ID: g.id(), CitizenPromiseID: cp.ID, Title: sv("Uppföljning", "Follow-up"),
			Period: promise.Period{Start: from, End: q.Period.End}, Date: date, ReportedBy: []promise.ID{cp.PartyIDs[g.pick(2)]},
		}
		for i := range cp.Activities {
			a := &cp.Activities[i]
			if g.chance(0.1) {
				continue
			}
			r.Updates = append(r.Updates, g.update(a, r.Period, places))
		}
		out = append(out, r)
		if g.chance(0.1) {
			dup := r
			dup.ID = g.id() // the same content under another id
			out = append(out, dup)
		}
		if g.chance(0.1) && len(r.Updates) > 0 {
			other := r
			other.ID = g.id()
			other.ReportedBy = []promise.ID{cp.PartyIDs[1]}
			other.Updates = []followup.Update{g.update(&cp.Activities[g.pick(len(cp.Activities))], r.Period, places)}
			out = append(out, other)
		}
	}
	return out
}

func (g *gen) update(a *promise.Activity, p promise.Period, places []promise.ID) followup.Update {
	u := followup.Update{ActivityID: a.ID}
	for _, t := range a.Targets {
		switch t.Kind {
		case promise.Count, promise.Recurring, promise.Coverage:
			if g.chance(0.3) && t.Kind != promise.Recurring {
				u.Results = append(u.Results, followup.Result{TargetID: t.ID, Value: new(float64(g.pick(25))), Date: p.End})
				continue
			}
			for range g.pick(6) {
				o := followup.Occurrence{Date: g.date(p), TargetID: t.ID}
				if g.chance(0.5) {
					o.PlaceID = places[g.pick(len(places))]
				}
				if g.chance(0.2) {
					o.Count = 1 + g.pick(3)
				}
				u.Occurrences = append(u.Occurrences, o)
			}
		case promise.Milestone:
			if g.chance(0.3) {
				u.Completed = g.date(p)
			}
		case promise.Indicator:
			if g.chance(0.5) {
				u.Results = append(u.Results, followup.Result{TargetID: t.ID, Value: new(t.Baseline.Value + float64(g.pick(15)) - 5), Date: g.date(p)})
			}
		}
	}
	u.Narrative = sv("Arbetet har pågått under perioden tillsammans med föreningar och bostadsbolag. Det som kom fram har lämnats vidare till berörda förvaltningar.",
		"Work went on during the period with associations and housing companies. What came up has been passed on to the departments concerned.")
	u.Evidence = []promise.Link{{URL: "https://polisen.se/aktuellt/nyheter/", Title: sv("Nyhet på polisen.se", "News on polisen.se")}}
	if g.chance(0.4) {
		statuses := []followup.Status{followup.OnTrack, followup.AtRisk, followup.Behind, followup.Achieved}
		u.Assessment = &followup.Assessment{Status: statuses[g.pick(len(statuses))], Justification: sv("Så här", "Like so")}
	}
	if g.chance(0.2) {
		u.Results = append(u.Results, followup.Result{Value: new(float64(g.pick(500))), Unit: sv("kontroller", "controls")})
	}
	return u
}

func date(y int, m, dd int) promise.Date {
	return promise.MustParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, dd))
}
