package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// A shape is a kind of file to measure: adversarial or national.
type shape struct {
	name string
	// what says in a few words what the file holds.
	what string
	// valid is whether the file is meant to be valid: Evaluate runs only
	// on valid files (the report command and the widget run on all).
	valid bool
	// sized is whether the file grows to the size asked for; the others
	// have one size of their own.
	sized bool
	// make returns the file, at most size bytes when sized, and the date
	// to evaluate it at.
	make func(size int) ([]byte, promise.Date)
}

// shapes are the files the command measures, in order. The national
// synthetic data of the same size is added beside each sized shape.
var shapes = []shape{
	{"small", "a valid promise document of one activity: what any file costs", true, false,
		func(int) ([]byte, promise.Date) { return []byte(small()), promise.MustParseDate("2025-06-30") }},
	{"period-100y-month-10", "one citizen promise over 100 years, monthly reporting, 10 activities, no reports", true, false,
		func(int) ([]byte, promise.Date) { return longPeriod(10, false) }},
	{"period-100y-month-40", "the same with 40 activities", true, false,
		func(int) ([]byte, promise.Date) { return longPeriod(40, false) }},
	{"period-100y-month-40-reports", "the same with a report for each of its 1,200 months", true, false,
		func(int) ([]byte, promise.Date) { return longPeriod(40, true) }},
	{"explicit-periods", "a calendar of 1,250 accumulating explicit periods (Jan–Jan, Jan–Feb, …)", true, false,
		func(int) ([]byte, promise.Date) { return explicitPeriods(1250) }},
	{"many-activities", "one citizen promise with as many activities as fit", true, true, manyActivities},
	{"many-reports", "one citizen promise, 20 activities, as many monthly reports as fit", true, true, manyReports},
	{"many-occurrences", "one report with as many dated occurrences as fit", true, true, manyOccurrences},
	{"places-and-reports", "half the file places, half small reports", true, true, placesAndReports},
	{"bad-ids", "partyIds holding strings that are not UUIDs", false, true, textShape(`"x%d"`)},
	{"nulls", "partyIds holding nulls", false, true, textShape(`null`)},
	{"unknown-properties", "a citizen promise with as many unknown properties as fit", false, true, unknownProperties},
	{"dangling-refs", "partyIds holding valid UUIDs of nothing", false, true, textShape(`"0193a1c2-7d4e-7f00-8a3b-1%011d"`)},
	{"empty-places", "places that are empty objects", false, true, emptyPlaces},
	{"long-numbers", "partyIds holding numbers of 400 digits", false, true, textShape("0." + strings.Repeat("1", 400))},
}

// id returns the n-th id of the shapes: a UUID whose last digits are n.
func id(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("0193a1c2-7d4e-7f00-8a3b-%012x", n))
}

func text(s string) promise.Text { return promise.Text{"sv": s} }

func num(x float64) *float64 { return &x }

// doc is a promise document with one citizen promise of n activities,
// targets of every kind in turn, over period, reported by cadence.
func doc(n int, period promise.Period, cadence promise.Cadence) *promise.Document {
	muni, police, place, source, cpID, promiseID := id(1), id(2), id(3), id(4), id(5), id(6)
	d := &promise.Document{
		Schema: synthetic.DocumentSchema, SchemaVersion: promise.SchemaVersion, ID: id(0),
		Title: text("Kostnadsprov"),
		Parties: []promise.Party{
			{ID: muni, Kind: promise.Municipality, Name: text("Provkommun"), Identifiers: promise.Identifiers{Kommunkod: "0486"}},
			{ID: police, Kind: promise.Police, Name: text("Lokalpolisområde Prov")},
		},
		Places:  []promise.Place{{ID: place, Kind: promise.PlaceSite, Name: text("Torget")}},
		Sources: []promise.Source{{ID: source, Kind: promise.WebPage, Title: text("Medborgarlöfte"), URL: "https://www.provkommun.se/medborgarlofte"}},
	}
	cp := promise.CitizenPromise{
		ID: cpID, Title: text("Medborgarlöfte"), Period: period, PartyIDs: []uuid.UUID{muni, police},
		Signed:   period.Start,
		Promises: []promise.Promise{{ID: promiseID, Text: text("Polisen och kommunen lovar att arbeta för tryggheten."), GivenBy: []uuid.UUID{muni, police}}},
	}
	if cadence != "" {
		cp.Reporting = &promise.Reporting{Cadence: cadence}
	}
	kinds := []promise.TargetKind{promise.Count, promise.Recurring, promise.Rate, promise.Milestone, promise.Continuous,
		promise.Indicator, promise.Coverage, promise.Unmeasurable}
	for i := range n {
		t := promise.Target{ID: id(1_000_000 + i), Kind: kinds[i%len(kinds)]}
		switch t.Kind {
		case promise.Count:
			t.Value, t.Comparison, t.Unit = num(4), promise.AtLeast, text("trygghetsvandringar")
		case promise.Recurring:
			t.Value, t.Every = num(1), promise.Weekly
		case promise.Rate:
			t.Value, t.Every, t.Unit = num(1), promise.Daily, text("trafikkontroller")
		case promise.Milestone:
			t.Due = period.End
		case promise.Indicator:
			t.Value, t.Direction = num(75), promise.Increase
			t.Baseline = &promise.Measurement{Value: 60, Date: period.Start}
		case promise.Coverage:
			t.PlaceIDs = []uuid.UUID{place}
		}
		cp.Activities = append(cp.Activities, promise.Activity{
			ID: id(100_000 + i), Text: text(fmt.Sprintf("Aktivitet %d: trygghetsvandringar i centrum.", i+1)),
			PromiseIDs: []uuid.UUID{promiseID}, LeadIDs: []uuid.UUID{muni}, PartnerIDs: []uuid.UUID{police},
			Targets: []promise.Target{t},
		})
	}
	d.CitizenPromises = []promise.CitizenPromise{cp}
	return d
}

// update returns what a report says about activity a in the period from
// start to end.
func update(a promise.Activity, start, end promise.Date) followup.Update {
	u := followup.Update{ActivityID: a.ID}
	t := a.Targets[0]
	mid := start.AddDays(start.DaysUntil(end) / 2)
	switch t.Kind {
	case promise.Count, promise.Recurring, promise.Rate:
		u.Occurrences = []followup.Occurrence{{Date: mid, TargetID: t.ID, Count: 2}}
	case promise.Indicator, promise.Coverage:
		u.Results = []followup.Result{{TargetID: t.ID, Value: num(70), Date: end}}
	default:
		u.Assessment = &followup.Assessment{Status: followup.OnTrack, Justification: text("Arbetet pågår.")}
	}
	return u
}

func report(n int, cp *promise.CitizenPromise, start, end promise.Date, activities []promise.Activity) followup.Report {
	r := followup.Report{
		Schema: synthetic.ReportSchema, SchemaVersion: promise.SchemaVersion, ID: id(10_000_000 + n),
		CitizenPromiseID: cp.ID, Period: promise.Period{Start: start, End: end}, Date: end.AddDays(10),
		ReportedBy: []uuid.UUID{cp.PartyIDs[0]},
	}
	for _, a := range activities {
		r.Updates = append(r.Updates, update(a, start, end))
	}
	return r
}

func encode(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // the shapes are built of the model's types
	}
	return append(b, '\n')
}

func bundle(d *promise.Document, reports []followup.Report) []byte {
	return encode(followup.Bundle{Schema: synthetic.BundleSchema, SchemaVersion: promise.SchemaVersion, Document: *d, Reports: reports})
}

func month(y int, m time.Month) (start, end promise.Date) {
	first, err := promise.NewDate(y, m, 1)
	if err != nil {
		panic(err)
	}
	return first, first.AddMonths(1).AddDays(-1)
}

// longPeriod is the shape of issue 8: a small file of a long period with a
// fine cadence.
func longPeriod(activities int, withReports bool) ([]byte, promise.Date) {
	start, _ := month(1926, time.January)
	_, end := month(2025, time.December)
	d := doc(activities, promise.Period{Start: start, End: end}, promise.Monthly)
	var reports []followup.Report
	if withReports {
		cp := &d.CitizenPromises[0]
		for y := 1926; y <= 2025; y++ {
			for m := time.January; m <= time.December; m++ {
				s, e := month(y, m)
				reports = append(reports, report(len(reports), cp, s, e, cp.Activities))
			}
		}
	}
	return bundle(d, reports), end.AddMonths(6)
}

// explicitPeriods is a citizen promise whose calendar lists n periods that
// all start on its first day: each one longer than the one before.
func explicitPeriods(n int) ([]byte, promise.Date) {
	start, _ := month(1926, time.January)
	_, end := month(2025, time.December)
	d := doc(10, promise.Period{Start: start, End: end}, "")
	cp := &d.CitizenPromises[0]
	cp.Reporting = &promise.Reporting{}
	for i := range n {
		e := start.AddDays(29 * (i + 1))
		if e.After(end) {
			e = end
		}
		cp.Reporting.Periods = append(cp.Reporting.Periods, promise.ReportingPeriod{Period: promise.Period{Start: start, End: e}, Due: e.AddDays(30)})
	}
	return bundle(d, nil), end.AddMonths(6)
}

// grow adds items made by add until the file would exceed size; it returns
// the largest file that fits.
func grow(size int, build func(n int) []byte) []byte {
	// Double, then bisect: encoding is linear, so this costs a few
	// encodings of the final size.
	lo, hi := 1, 2
	for len(build(hi)) <= size {
		lo, hi = hi, hi*2
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if len(build(mid)) <= size {
			lo = mid
		} else {
			hi = mid
		}
	}
	return build(lo)
}

func manyActivities(size int) ([]byte, promise.Date) {
	period := promise.Period{Start: promise.MustParseDate("2024-01-01"), End: promise.MustParseDate("2024-12-31")}
	// Estimate the count from one activity's size, then fit.
	return grow(size, func(n int) []byte { return bundle(doc(n, period, promise.Tertially), nil) }), promise.MustParseDate("2025-06-30")
}

func manyReports(size int) ([]byte, promise.Date) {
	start, _ := month(2020, time.January)
	_, end := month(2023, time.December)
	d := doc(20, promise.Period{Start: start, End: end}, promise.Monthly)
	cp := &d.CitizenPromises[0]
	build := func(n int) []byte {
		reports := make([]followup.Report, n)
		for i := range reports {
			s, e := month(2020+i/12%4, time.Month(1+i%12))
			reports[i] = report(i, cp, s, e, cp.Activities)
		}
		return bundle(d, reports)
	}
	return grow(size, build), end.AddMonths(6)
}

func manyOccurrences(size int) ([]byte, promise.Date) {
	start, _ := month(2020, time.January)
	_, end := month(2023, time.December)
	d := doc(8, promise.Period{Start: start, End: end}, promise.Yearly)
	cp := &d.CitizenPromises[0]
	a := cp.Activities[1] // the recurring target, weekly
	build := func(n int) []byte {
		r := report(0, cp, start, end, nil)
		u := followup.Update{ActivityID: a.ID}
		for i := range n {
			u.Occurrences = append(u.Occurrences, followup.Occurrence{Date: start.AddDays(i % 1461), TargetID: a.Targets[0].ID})
		}
		r.Updates = []followup.Update{u}
		return bundle(d, []followup.Report{r})
	}
	return grow(size, build), end.AddMonths(6)
}

// placesAndReports is a document with many places and a bundle of many
// small reports: each report's references are checked against the
// document.
func placesAndReports(size int) ([]byte, promise.Date) {
	start, _ := month(2024, time.January)
	_, end := month(2024, time.December)
	d := doc(8, promise.Period{Start: start, End: end}, promise.Monthly)
	cp := &d.CitizenPromises[0]
	build := func(n int) []byte {
		dd := *d
		dd.Places = append([]promise.Place(nil), d.Places...)
		for i := range n {
			dd.Places = append(dd.Places, promise.Place{ID: id(20_000_000 + i), Kind: promise.PlaceSite, Name: text(fmt.Sprintf("Plats %d", i))})
		}
		reports := make([]followup.Report, n/8)
		for i := range reports {
			s, e := month(2024, time.Month(1+i%12))
			reports[i] = report(i, cp, s, e, cp.Activities[:1])
		}
		return bundle(&dd, reports)
	}
	return grow(size, build), end.AddMonths(6)
}

// small is the valid promise document that the invalid shapes are made of.
func small() string {
	return string(encode(doc(1, promise.Period{Start: promise.MustParseDate("2024-01-01"), End: promise.MustParseDate("2024-12-31")}, promise.Tertially)))
}

// textShape returns a shape whose citizen promise's partyIds hold as many
// copies of item (a format with the copy's number, or none) as fit.
func textShape(item string) func(int) ([]byte, promise.Date) {
	return func(size int) ([]byte, promise.Date) {
		return fill(size, `"partyIds": [`, item), promise.MustParseDate("2025-06-30")
	}
}

// fill inserts copies of item after the first occurrence of at in the
// small document, separated by commas, until the file is about size bytes.
func fill(size int, at, item string) []byte {
	base := small()
	i := strings.Index(base, at)
	if i < 0 {
		panic("the small document has no " + at)
	}
	i += len(at)
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(base[:i])
	rest := base[i:]
	for n := 0; b.Len()+len(rest)+len(item)+24 < size; n++ {
		if strings.Contains(item, "%") {
			fmt.Fprintf(&b, item, n)
		} else {
			b.WriteString(item)
		}
		b.WriteString(", ")
	}
	b.WriteString(rest)
	return b.Bytes()
}

func unknownProperties(size int) ([]byte, promise.Date) {
	return fill(size, `"signed": "2024-01-01",`, `"u%07d": 1`), promise.MustParseDate("2025-06-30")
}

func emptyPlaces(size int) ([]byte, promise.Date) {
	return fill(size, `"places": [`, `{}`), promise.MustParseDate("2025-06-30")
}

// national returns the national synthetic data as one bundle of at most
// size bytes (at least one municipality's): the documents of the first
// municipalities merged, with their reports.
func national(bundles []followup.Bundle, size int) ([]byte, promise.Date) {
	build := func(n int) []byte {
		n = min(n, len(bundles))
		b := followup.Bundle{Schema: synthetic.BundleSchema, SchemaVersion: promise.SchemaVersion, Document: synthetic.Merge(bundles[:n])}
		for _, x := range bundles[:n] {
			b.Reports = append(b.Reports, x.Reports...)
		}
		return encode(b)
	}
	data := build(1)
	if len(data) < size {
		lo, hi := 1, len(bundles)+1
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if len(build(mid)) <= size {
				lo = mid
			} else {
				hi = mid
			}
		}
		data = build(lo)
	}
	return data, synthetic.Options{}.AsOf()
}
