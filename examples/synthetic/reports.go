package synthetic

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// reporter is who makes a report: all parties together, or the police or
// the municipalities each for its own share.
type reporter struct {
	ids         []uuid.UUID
	label       string // "polisens redovisning", or "" for a joint report
	police, own bool   // reports on activities the police lead; on the others
}

// covers reports whether the reporter reports on the activity of pl.
func (r reporter) covers(pl *plan) bool {
	switch pl.lead {
	case rPolice:
		return r.police
	case rBoth:
		return true
	}
	return r.own
}

// reports returns the follow-up reports of a citizen promise: one per
// reporting period that ended before the data's last day and whose
// report was published by then, from all parties together or, for some
// citizen promises, from the police and the municipality separately. Now
// and then a report is missing or late.
func (b *builder) reports(cs *cpState) []followup.Report {
	cp := &b.doc.CitizenPromises[cs.index]
	cadence, dueDays := promise.Tertially, 0
	if r := cp.Reporting; r != nil {
		if r.Cadence != "" {
			cadence = r.Cadence
		}
		dueDays = r.DueDays
	}
	split := b.s.chance(0.3)
	reporters := []reporter{{ids: slices.Clone(cs.parties), police: true, own: true}}
	if split {
		reporters = []reporter{
			{ids: []uuid.UUID{b.area.party.ID}, label: "polisens redovisning", police: true},
			{ids: slices.Clone(b.munis), label: "kommunens redovisning", own: true},
		}
	}
	var out []followup.Report
	for _, p := range intervals(cadence, cs.period) {
		if !p.End.Before(b.asOf) {
			break
		}
		due := p.End.AddDays(1).AddMonths(1).AddDays(-1) // the end of the following month
		if dueDays > 0 {
			due = p.End.AddDays(dueDays)
		}
		for _, r := range reporters {
			if b.s.chance(0.04) { // never reported
				continue
			}
			d := due.AddDays(-b.s.between(0, 20))
			if b.s.chance(0.08) {
				d = due.AddDays(b.s.between(10, 60))
			}
			if d.After(b.asOf) { // not yet published
				continue
			}
			out = append(out, b.report(cs, cp, p, d, r, split))
		}
	}
	for _, r := range out {
		if r.Final {
			url := fmt.Sprintf("https://%s/trygghet-och-sakerhet/medborgarloften/uppfoljning-%s.html", b.ms[0].domain(), years(cs.period))
			src := b.source(promise.FollowUpReport, "Uppföljning av medborgarlöfte "+years(cs.period), url, r.Date, b.munis[0])
			cp.SourceIDs = append(cp.SourceIDs, src)
			break
		}
	}
	return out
}

func (b *builder) report(cs *cpState, cp *promise.CitizenPromise, p promise.Period, d promise.Date, r reporter, split bool) followup.Report {
	title := "Uppföljning av medborgarlöfte " + years(cs.period) + ", " + periodName(p)
	if r.label != "" {
		title += " (" + r.label + ")"
	}
	summary := pick(b.s, summaries)
	if p.Start.Year() == 2020 || p.Start.Year() == 2021 && p.Start.Month() < 6 {
		summary += " " + pandemicShortfall
	}
	rep := followup.Report{
		Schema: ReportSchema, SchemaVersion: promise.SchemaVersion,
		ID: b.s.id(d), CitizenPromiseID: cs.id,
		Title:  promise.Text{"sv": title},
		Period: p, Date: d, ReportedBy: slices.Clone(r.ids),
		Final:   p.End == cs.period.End,
		Summary: promise.Text{"sv": summary},
		Updates: []followup.Update{},
	}
	for _, pl := range cs.plans {
		if pl.activity == uuid.Nil { // an expected effect's indicator
			if r.own {
				rep.Results = append(rep.Results, pl.results(p)...)
			}
			continue
		}
		if !r.covers(pl) {
			continue
		}
		if u, ok := b.update(pl, p, r, split); ok {
			rep.Updates = append(rep.Updates, u)
		}
	}
	if r.police && b.s.chance(0.2) {
		rep.Results = append(rep.Results, followup.Result{
			Value: new(float64(b.s.between(40, 400))), Unit: promise.Text{"sv": "trafikkontroller"}, Date: p.End,
			Description: promise.Text{"sv": "Trafikkontroller i kommunen under perioden, utöver medborgarlöftet"},
		})
	}
	if b.s.chance(0.5) {
		rep.Sources = []promise.Link{{URL: fmt.Sprintf("https://%s/trygghet-och-sakerhet/medborgarloften/uppfoljning-%s.html", b.ms[0].domain(), years(cs.period)), Title: promise.Text{"sv": "Uppföljningen på kommunens webbplats"}}}
	}
	return rep
}

// results are an indicator's values measured within p.
func (pl *plan) results(p promise.Period) []followup.Result {
	var out []followup.Result
	for _, m := range pl.measures {
		if p.Contains(m.date) {
			out = append(out, followup.Result{TargetID: pl.target.ID, Value: new(m.value), Unit: pl.target.Unit, Date: m.date})
		}
	}
	return out
}

// update says what a report for period p tells about the activity of pl,
// or false when it says nothing.
func (b *builder) update(pl *plan, p promise.Period, r reporter, split bool) (followup.Update, bool) {
	w := pl.active()
	o, ok := overlap(p, w)
	if !ok || !pl.withdrawn.IsZero() && pl.withdrawn.Before(p.Start) {
		return followup.Update{}, false
	}
	u := followup.Update{ActivityID: pl.activity}
	t := &pl.target
	var sv []string
	switch t.Kind {
	case promise.Count, promise.Recurring, promise.Coverage:
		n := 0
		for _, e := range pl.events {
			if o.Contains(e.date) {
				n += e.count
			}
		}
		if t.Kind == promise.Count && (pl.totals || split && pl.lead == rBoth) {
			total := pl.total(o.End)
			if split && pl.lead == rBoth && r.own && b.s.chance(0.25) {
				total++ // the municipality counts one more than the police
			}
			u.Results = []followup.Result{{TargetID: t.ID, Value: new(float64(total)), Unit: t.Unit, Date: o.End}}
		} else {
			u.Occurrences = pl.occurrences(o)
		}
		if n > 0 {
			sv = append(sv, fmt.Sprintf(pl.done, n))
		} else {
			sv = append(sv, "Inget genomfördes under perioden.")
		}
		if pl.behind(o) && b.s.chance(0.6) {
			u.Shortfall = promise.Text{"sv": b.shortfall(p)}
			if b.s.chance(0.3) {
				u.Substitutes = []followup.Substitute{{Text: promise.Text{"sv": pick(b.s, substitutes)}, Date: b.s.day(o)}}
			}
		}
	case promise.Milestone:
		switch {
		case o.Contains(pl.completed):
			u.Completed = pl.completed
			sv = append(sv, "Klart: "+lowerFirst(t.Description["sv"])+".")
		case !pl.completed.IsZero() && pl.completed.Before(o.Start):
			return followup.Update{}, false // done and reported before
		case o.End.After(t.Due):
			sv = append(sv, "Arbetet är försenat.")
			u.Shortfall = promise.Text{"sv": b.shortfall(p)}
		default:
			sv = append(sv, "Arbetet pågår.")
		}
	case promise.Indicator:
		u.Results = pl.results(o)
		if len(u.Results) == 0 {
			return followup.Update{}, false
		}
		sv = append(sv, fmt.Sprintf("Mätningen %d visar %v %s.", o.End.Year(), *u.Results[0].Value, pl.unit))
	case promise.Continuous, promise.Unmeasurable:
		u.Assessment = b.assessment(pl, t.Kind, o, w)
	default: // no target
		if b.s.chance(0.5) {
			return followup.Update{}, false
		}
		sv = append(sv, pick(b.s, onTrackNotes))
	}
	if b.s.chance(0.04) { // a quiet activity the report leaves out
		return followup.Update{}, false
	}
	if len(sv) > 0 {
		u.Narrative = promise.Text{"sv": strings.Join(sv, " ")}
	}
	if b.s.chance(0.1) {
		u.Evidence = []promise.Link{{URL: fmt.Sprintf("https://polisen.se/aktuellt/nyheter/%d/%s/%s/", o.End.Year(), monthNames[o.End.Month()], slug(b.ms[0].Name)), Title: promise.Text{"sv": "Nyhet på polisen.se"}}}
	}
	return u, true
}

// occurrences are the events of pl within o.
func (pl *plan) occurrences(o promise.Period) []followup.Occurrence {
	var out []followup.Occurrence
	for _, e := range pl.events {
		if !o.Contains(e.date) {
			continue
		}
		occ := followup.Occurrence{Date: e.date, TargetID: pl.target.ID, PlaceID: e.place}
		if e.count > 1 {
			occ.Count = e.count
		}
		if e.elsewhere != "" {
			occ.Place = promise.Text{"sv": e.elsewhere}
		}
		out = append(out, occ)
	}
	return out
}

// total is the running total of a count target at d: since the start of
// the year for a target counted each year, else since the window began.
func (pl *plan) total(d promise.Date) int {
	from := pl.window.Start
	if pl.target.Scope == promise.EachYear {
		from = intervalStart(promise.Yearly, d)
	}
	n := 0
	for _, e := range pl.events {
		if !e.date.Before(from) && !e.date.After(d) {
			n += e.count
		}
	}
	return n
}

// behind reports whether less was done by o's end than the pace of the
// target asks (a count) or whether an interval ended short (recurring).
func (pl *plan) behind(o promise.Period) bool {
	t := &pl.target
	switch t.Kind {
	case promise.Count:
		span := pl.window
		if t.Scope == promise.EachYear {
			span, _ = overlap(pl.window, intervals(promise.Yearly, promise.Period{Start: o.End, End: o.End})[0])
		}
		elapsed := float64(span.Start.DaysUntil(o.End)+1) / float64(span.Days())
		return float64(pl.total(o.End)) < 0.8**t.Value*elapsed
	case promise.Recurring:
		for _, in := range intervals(t.Every, o) {
			n := 0
			for _, e := range pl.events {
				if in.Contains(e.date) {
					n += e.count
				}
			}
			if n < int(*t.Value) {
				return true
			}
		}
	}
	return false
}

func (b *builder) shortfall(p promise.Period) string {
	if p.Start.Year() == 2020 && b.s.chance(0.5) {
		return pandemicShortfall
	}
	return pick(b.s, shortfalls)
}

// assessment is a party's judgement of continuing or unmeasurable work,
// worse for activities that go badly.
func (b *builder) assessment(pl *plan, kind promise.TargetKind, o, w promise.Period) *followup.Assessment {
	weights := []int{80, 15, 5} // on track, at risk, behind
	if pl.perf < 1 {
		weights = []int{40, 35, 25}
	}
	a := &followup.Assessment{}
	switch b.s.weighted(weights) {
	case 0:
		a.Status, a.Justification = followup.OnTrack, promise.Text{"sv": pick(b.s, onTrackNotes)}
		if kind == promise.Unmeasurable && o.End == w.End {
			a.Status = followup.Achieved
		}
	case 1:
		a.Status, a.Justification = followup.AtRisk, promise.Text{"sv": pick(b.s, atRiskNotes)}
	default:
		a.Status, a.Justification = followup.Behind, promise.Text{"sv": pick(b.s, behindNotes)}
	}
	return a
}
