package followup_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The rules that format 1.1 added or changed: each test is one rule of
// the package documentation, on the shape of a real document.

// periodTotal is an update with a total of the target over a period of its
// own.
func periodTotal(v float64, from, to string) followup.Update {
	p := per(from, to)
	return followup.Update{Results: []followup.Result{{TargetID: tgt, Value: new(v), Period: &p}}}
}

// TestRateLulea is the Luleå medborgarlöfte 2018: "minst en trafikkontroll
// varje dygn", followed up with "71 trafikkontroller under perioden
// maj–juli" (published in August) and "301 … maj–december" (published in
// March 2019). Totals over different periods are never added.
func TestRateLulea(t *testing.T) {
	rate := promise.Target{Kind: promise.Rate, Value: f(1), Every: promise.Daily, Unit: sv("trafikkontroller", "traffic controls")}
	b := one{period: per("2018-01-01", "2018-12-31"), noCalendar: true, targets: []promise.Target{rate}, reports: []followup.Report{
		rep("maj-jul", "2018-08-15", "2018-05-01", "2018-07-31", periodTotal(71, "2018-05-01", "2018-07-31")),
		rep("maj-dec", "2019-03-15", "2018-05-01", "2018-12-31", periodTotal(301, "2018-05-01", "2018-12-31")),
	}}
	a := activityOf(b.bundle(), "2018-07-31")
	assert.Equal(t, []string{"followup.rate"}, a.Codes, "the reason as data")
	assert.InDelta(t, 71.0/92, *a.Achieved, 1e-9)
	assert.Equal(t, 1.0, *a.Target)
	runRules(t, []ruleCase{
		{name: "71 in May–July is 0.77 a day: behind", b: b, at: "2018-07-31", want: followup.Behind,
			achieved: new(71.0 / 92), sv: []string{"71 trafikkontroller under 2018-05-01–2018-07-31: 0,77 trafikkontroller per dag"}},
		{name: "301 in May–December is 1.23 a day: achieved", b: b, at: "2018-12-31", want: followup.Achieved,
			achieved: new(301.0 / 245), sv: []string{"301 trafikkontroller under 2018-05-01–2018-12-31: 1,23"}, notSv: []string{"372"}},
		{name: "as known at the year's end, the final total is not yet published", b: b, at: "2018-12-31", view: followup.AsKnownView,
			want: followup.AwaitingReport, sv: []string{"slutrapporten har inte kommit", "0,77"}},
		{name: "before anything is published", b: b, at: "2018-06-30", want: followup.AwaitingReport},
	})
}

// TestPublishedAfterThePeriod: evaluating 2020 at 2020-12-31 uses the
// follow-up of 2020 even though it was published in February 2021; the
// as-known view does not.
func TestPublishedAfterThePeriod(t *testing.T) {
	b := one{period: per("2020-01-01", "2020-12-31"), noCalendar: true, targets: []promise.Target{countTarget(4, promise.AtLeast)},
		reports: []followup.Report{rep("2020", "2021-02-10", "2020-01-01", "2020-12-31", occ("2020-03-01", "2020-05-01", "2020-09-01", "2020-11-01"))}}
	runRules(t, []ruleCase{
		{name: "the period view", b: b, at: "2020-12-31", want: followup.Achieved, achieved: new(4.0)},
		{name: "as known that day", b: b, at: "2020-12-31", view: followup.AsKnownView, want: followup.AwaitingReport, noNumber: true},
		{name: "as known once it was published", b: b, at: "2021-02-10", view: followup.AsKnownView, want: followup.Achieved},
	})
	e := followup.EvaluateWith(b.bundle(), d("2020-12-31"), followup.Options{View: followup.AsKnownView})
	assert.Equal(t, followup.AsKnownView, e.View, "the evaluation says which view it used")
}

// TestNoInventedCalendar: a citizen promise that states no calendar gets
// no verdict about periods nobody promised to report; after its end it
// awaits one final report.
func TestNoInventedCalendar(t *testing.T) {
	b := one{noCalendar: true, targets: []promise.Target{countTarget(4, promise.AtLeast)}}
	runRules(t, []ruleCase{
		{name: "nothing reported in September: no tertial is missing", b: b, at: "2019-09-30", want: followup.AwaitingReport,
			notSv: []string{"Uppföljning saknas"}, sv: []string{"senast 2020-01-31"}},
		{name: "after the end, before the final report is due", b: b, at: "2020-01-15", want: followup.AwaitingReport, sv: []string{"Perioden slutade 2019-12-31"}},
		{name: "after the final report was due", b: b, at: "2020-02-01", want: followup.NotReported, sv: []string{"Uppföljning saknas för 2019-01-01–2019-12-31"}},
	})
	e := followup.Evaluate(b.bundle(), d("2020-02-01"))
	cp := e.CitizenPromises[0]
	require.Len(t, cp.Calendar, 1, "one final report, no invented tertials")
	assert.Len(t, cp.Activity(act).History, 1)
}

// TestFinishedPeriod: after the end nothing is on track; each activity has
// its final verdict or awaits the final report, then is not reported. A
// final verdict is never undone by a later period falling due.
func TestFinishedPeriod(t *testing.T) {
	onPace := []followup.Report{
		rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", occ("2019-02-01")),
		rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", occ("2019-06-01", "2019-07-01")),
	}
	early := []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", occ("2019-02-01", "2019-03-01", "2019-03-15", "2019-04-01"))}
	runRules(t, []ruleCase{
		{name: "on pace while it runs", b: one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: onPace}, at: "2019-12-30", want: followup.OnTrack},
		{name: "the last day: no on track after the end", b: one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: onPace}, at: "2019-12-31",
			want: followup.AwaitingReport, sv: []string{"Perioden slutade 2019-12-31", "Den ska lämnas senast 2020-01-31", "Senast rapporterat: 3 av minst 4"}},
		{name: "the final report overdue", b: one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: onPace}, at: "2020-02-01",
			want: followup.NotReported},
		{name: "achieved early stays achieved when a later tertial is missing", b: one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: early},
			at: "2019-10-15", want: followup.Achieved},
		{name: "and after the end", b: one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: early}, at: "2020-06-01", want: followup.Achieved},
	})
}

// statedUpdate is an update stating an outcome in words, with no figure.
func statedUpdate(o followup.StatedOutcome, target bool) followup.Update {
	r := followup.Result{Outcome: o, Description: sv("Genomfört enligt plan.", "Done as planned.")}
	if target {
		r.TargetID = tgt
	}
	return followup.Update{Results: []followup.Result{r}}
}

// TestStatedOutcomes: results with no number but a stated outcome
// ("genomfört", "delvis", "ej genomfört").
func TestStatedOutcomes(t *testing.T) {
	milestone := []promise.Target{{Kind: promise.Milestone}}
	walks := []promise.Target{countTarget(4, promise.AtLeast)}
	final := func(o followup.StatedOutcome, target bool) []followup.Report {
		return []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", statedUpdate(o, target))}
	}
	runRules(t, []ruleCase{
		{name: "genomfört: a milestone achieved", b: one{targets: milestone, reports: final(followup.Done, true)}, at: "2020-02-01",
			want: followup.Achieved, sv: []string{"Rapporterat (Kommunen, 2020-01-20): genomfört.", "Genomfört enligt plan."}},
		{name: "genomfört about an activity of one thing", b: one{targets: []promise.Target{countTarget(1, promise.AtLeast)}, reports: final(followup.Done, false)},
			at: "2020-02-01", want: followup.Achieved},
		{name: "genomfört says nothing of how many of four", b: one{targets: walks, reports: final(followup.Done, false)}, at: "2020-02-01",
			want: followup.Unassessable, sv: []string{"Inget antal rapporterat", "genomfört"}},
		{name: "delvis at the end: partly achieved", b: one{targets: milestone, reports: final(followup.PartlyDone, true)}, at: "2020-02-01", want: followup.PartlyAchieved},
		{name: "ej genomfört at the end: not achieved, whatever the number", b: one{targets: walks, reports: final(followup.NotDone, true)}, at: "2020-02-01", want: followup.NotAchieved},
		{name: "ej genomfört while it runs: behind", b: one{targets: milestone, reports: []followup.Report{
			rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", statedUpdate(followup.NotDone, true)),
		}}, at: "2019-06-01", want: followup.Behind},
		{name: "an activity without targets", b: one{reports: final(followup.Done, false)}, at: "2020-02-01", want: followup.Achieved},
		{name: "a figure wins over words, which are named", b: one{targets: walks, reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31",
			followup.Update{Results: []followup.Result{{TargetID: tgt, Value: new(1.0), Outcome: followup.Done}}})}}, at: "2020-02-01",
			want: followup.NotAchieved, sv: []string{"genomfört"}},
	})
}

// TestDirectionOnly: "färre trafikolyckor", with a baseline in the target
// or only measurements.
func TestDirectionOnly(t *testing.T) {
	fewer := func(baseline bool) []promise.Target {
		t := promise.Target{Kind: promise.Indicator, Direction: promise.Decrease, Unit: sv("olyckor", "accidents")}
		if baseline {
			t.Baseline = &promise.Measurement{Value: 40, Date: d("2018")}
		}
		return []promise.Target{t}
	}
	measure := func(v float64, date string) followup.Update {
		return followup.Update{Results: []followup.Result{{TargetID: tgt, Value: new(v), Date: d(date)}}}
	}
	runRules(t, []ruleCase{
		{name: "fewer than the baseline", b: one{noCalendar: true, targets: fewer(true), reports: []followup.Report{rep("t2", "2019-09-10", "2019-05-01", "2019-08-31", measure(31, "2019-08-31"))}},
			at: "2019-09-15", want: followup.OnTrack, sv: []string{"Senaste mätning 31 olyckor (2019-08-31) mot 40 olyckor (2018-12-31); målet är färre."}},
		{name: "more than the baseline", b: one{noCalendar: true, targets: fewer(true), reports: []followup.Report{rep("t2", "2019-09-10", "2019-05-01", "2019-08-31", measure(44, "2019-08-31"))}},
			at: "2019-09-15", want: followup.Behind},
		{name: "fewer at the end: achieved", b: one{noCalendar: true, targets: fewer(true), reports: []followup.Report{rep("y", "2020-01-10", "2019-01-01", "2019-12-31", measure(35, "2019-12-31"))}},
			at: "2020-02-01", want: followup.Achieved},
		{name: "the same at the end: not achieved", b: one{noCalendar: true, targets: fewer(true), reports: []followup.Report{rep("y", "2020-01-10", "2019-01-01", "2019-12-31", measure(40, "2019-12-31"))}},
			at: "2020-02-01", want: followup.NotAchieved},
		{name: "no baseline, one measurement: nothing to compare", b: one{noCalendar: true, targets: fewer(false), reports: []followup.Report{rep("y", "2020-01-10", "2019-01-01", "2019-12-31", measure(35, "2019-12-31"))}},
			at: "2020-02-01", want: followup.Unassessable, sv: []string{"en senare mätning"}},
		{name: "no baseline, two measurements", b: one{noCalendar: true, targets: fewer(false), reports: []followup.Report{
			rep("t1", "2019-05-10", "2019-01-01", "2019-04-30", measure(12, "2019-04-30")),
			rep("y", "2020-01-10", "2019-01-01", "2019-12-31", measure(9, "2019-12-31")),
		}}, at: "2020-02-01", want: followup.Achieved},
	})
}

// TestCoverageOfAnUnknownSet: "alla skolor", the number of schools not
// given.
func TestCoverageOfAnUnknownSet(t *testing.T) {
	schools := []promise.Target{{Kind: promise.Coverage, Unit: sv("skolor", "schools")}}
	visits := followup.Update{Occurrences: []followup.Occurrence{
		{Date: d("2019-03-01"), Place: sv("Paulinskolan", "")}, {Date: d("2019-03-08"), Place: sv("Karsby", "")},
	}}
	runRules(t, []ruleCase{
		{name: "places counted, nothing judged", b: one{targets: schools, reports: []followup.Report{rep("t1", "2019-05-10", "2019-01-01", "2019-04-30", visits)}},
			at: "2019-06-01", want: followup.Unassessable, achieved: new(2.0), sv: []string{"2 skolor nådda; hur många skolor som ska nås anges inte"}},
		{name: "genomfört says all", b: one{targets: schools, reports: []followup.Report{
			rep("t1", "2019-05-10", "2019-01-01", "2019-04-30", visits),
			rep("y", "2020-01-10", "2019-01-01", "2019-12-31", statedUpdate(followup.Done, true)),
		}}, at: "2020-02-01", want: followup.Achieved},
	})
}

// TestRollupsNeverHideTheUnknown: a promise of one activity achieved and
// two that cannot be assessed says "1 av 3"; one awaiting its report holds
// back a verdict; a promise with no activities is what it is.
func TestRollupsNeverHideTheUnknown(t *testing.T) {
	b := one{noCalendar: true, targets: []promise.Target{countTarget(1, promise.AtLeast)}, reports: []followup.Report{
		rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", occ("2019-02-01")),
	}}.bundle()
	c := &b.Document.CitizenPromises[0]
	// A second activity that reaches its target only at the end, and a
	// promise that no activity serves.
	c.Activities = append(c.Activities, promise.Activity{ID: id("a2"), Text: sv("Två", "Two"), LeadIDs: c.PartyIDs[:1],
		PromiseIDs: []promise.ID{id("p")}, Targets: []promise.Target{{ID: id("a2/t"), Kind: promise.Count, Value: f(3)}}})
	c.Promises = append(c.Promises, promise.Promise{ID: id("p2"), Text: sv("Tomt", "Empty"), GivenBy: c.PartyIDs[:1]})

	e := followup.Evaluate(b, d("2020-01-15"))
	cp := e.CitizenPromises[0]
	assert.Equal(t, followup.Achieved, cp.Activity(act).Status)
	assert.Equal(t, followup.AwaitingReport, cp.Activity(id("a2")).Status, cp.Activity(id("a2")).Reason["sv"])
	p := cp.Promise(id("p"))
	assert.Equal(t, followup.AwaitingReport, p.Status, "one achieved, one awaiting: no verdict yet; %s", p.Reason["sv"])
	assert.Equal(t, 1, p.Assessed)
	assert.Equal(t, 2, p.Total)
	assert.Contains(t, p.Reason["sv"], "1 av 2 aktiviteter bedömda")
	empty := cp.Promise(id("p2"))
	assert.Equal(t, followup.Unassessable, empty.Status)
	assert.Equal(t, 0, empty.Total)
	assert.Contains(t, empty.Reason["sv"], "Inga aktiviteter")
	assert.Equal(t, "activities", cp.Counted)
}

// TestNothingDroppedInSilence: what a valid file reports but a rule cannot
// use is shown and explained by a warning.
func TestNothingDroppedInSilence(t *testing.T) {
	window := per("2019-03-01", "2019-10-31")
	b := one{window: &window, targets: []promise.Target{{Kind: promise.Milestone}}, reports: []followup.Report{
		rep("y", "2020-01-10", "2019-01-01", "2019-12-31", followup.Update{
			Occurrences: []followup.Occurrence{{Date: d("2019-01-15")}},
			Results:     []followup.Result{{TargetID: tgt, Value: new(3.0)}},
		}),
	}}.bundle()
	e := followup.Evaluate(b, d("2020-02-01"))
	var msgs []string
	for _, w := range e.Warnings {
		msgs = append(msgs, w.Message["en"])
	}
	assert.Contains(t, msgs, "an entry dated 2019-01-15 lies outside the activity's period 2019-03-01–2019-10-31: it counts towards no target")
	assert.Contains(t, msgs, "a result for a target of kind milestone is not used by that kind's rule: it is shown, but does not count")
	a := e.CitizenPromises[0].Activity(act)
	assert.Len(t, a.Occurrences, 1, "the entry is shown as other work")
}

// TestResultsAboutSeveralActivities: a report's own result about two
// activities is shown with each.
func TestResultsAboutSeveralActivities(t *testing.T) {
	b := one{targets: []promise.Target{countTarget(4, promise.AtLeast)}}.bundle()
	c := &b.Document.CitizenPromises[0]
	c.Activities = append(c.Activities, promise.Activity{ID: id("a2"), Text: sv("Två", "Two"), LeadIDs: c.PartyIDs[:1]})
	r := rep("y", "2020-01-10", "2019-01-01", "2019-12-31")
	r.Results = []followup.Result{{Value: new(21.0), Unit: sv("tillsyner", "inspections"), ActivityIDs: []promise.ID{act, id("a2")}}}
	b.Reports = []followup.Report{r}
	cp := followup.Evaluate(b, d("2020-02-01")).CitizenPromises[0]
	require.Len(t, cp.Results, 1)
	for _, a := range []promise.ID{act, id("a2")} {
		require.Len(t, cp.Activity(a).Results, 1, "activity %s", a)
		assert.Equal(t, 21.0, *cp.Activity(a).Results[0].Value)
	}
}

// TestLeadsThatDisagree: the police's page and the municipality's name
// different leads; the evaluation keeps both.
func TestLeadsThatDisagree(t *testing.T) {
	b := one{}.bundle()
	a := &b.Document.CitizenPromises[0].Activities[0]
	a.LeadsBySource = []promise.SourcedLead{
		{LeadIDs: []promise.ID{id("kommun")}, SourceIDs: []promise.ID{id("s1")}},
		{LeadIDs: []promise.ID{id("lpo")}, SourceIDs: []promise.ID{id("s2")}},
	}
	as := followup.Evaluate(b, d("2019-06-01")).CitizenPromises[0].Activity(act)
	assert.Len(t, as.Leads, 2)
}

// TestActionPlansAndAgreementReports: an action plan is followed up like a
// citizen promise, and a report about the agreement counts for the plans
// under it.
func TestActionPlansAndAgreementReports(t *testing.T) {
	b := one{}.bundle()
	doc := &b.Document
	doc.Agreements = []promise.Agreement{{ID: id("agr"), Title: sv("Överenskommelse", "Agreement"), PartyIDs: doc.CitizenPromises[0].PartyIDs}}
	doc.ActionPlans = []promise.ActionPlan{{ID: id("plan"), AgreementID: id("agr"), Title: sv("Åtgärdsplan 2024", "Action plan 2024"),
		Period: promise.Period{Start: d("2024"), End: d("2024")}, PartyIDs: doc.CitizenPromises[0].PartyIDs,
		Activities: []promise.Activity{{ID: id("pa"), Text: sv("Kameror", "Cameras"), LeadIDs: doc.CitizenPromises[0].PartyIDs[:1],
			Targets: []promise.Target{{ID: id("pa/t"), Kind: promise.Milestone}}}}}}
	b.Reports = []followup.Report{{ID: id("ar"), AgreementID: id("agr"), Period: per("2024-01-01", "2024-12-31"), Date: d("2025-01"),
		ReportedBy: []promise.ID{id("kommun")}, Updates: []followup.Update{{ActivityID: id("pa"), Completed: d("2024-10")}}}}
	require.NoError(t, b.Reports[0].Validate(doc))
	e := followup.Evaluate(b, d("2025-02-01"))
	require.Len(t, e.ActionPlans, 1)
	pa := e.ActionPlans[0].Activity(id("pa"))
	assert.Equal(t, followup.Achieved, pa.Status, pa.Reason["sv"])
	assert.Contains(t, pa.Reason["sv"], "Klart 2024-10-31")
	assert.Empty(t, e.Warnings)
}

// TestReducedPrecision: dates known only to the month or year read as
// days: a month at the end of a period is its last day, at the start its
// first.
func TestReducedPrecision(t *testing.T) {
	b := one{period: promise.Period{Start: d("2018-10"), End: d("2019")}, noCalendar: true, targets: []promise.Target{countTarget(2, promise.AtLeast)},
		reports: []followup.Report{rep("y", "2020-01", "2018-10", "2019-12",
			followup.Update{Occurrences: []followup.Occurrence{{Date: d("2018-11")}, {Date: d("2019-05")}}})}}
	runRules(t, []ruleCase{
		{name: "a report dated by the month counts from its last day", b: b, at: "2020-01-30", view: followup.AsKnownView, want: followup.AwaitingReport},
		{name: "and on it", b: b, at: "2020-01-31", view: followup.AsKnownView, want: followup.Achieved},
		{name: "entries dated by the month count from their last day", b: b, at: "2019-05-30", want: followup.AwaitingReport},
	})
	cal := followup.Calendar(&b.bundle().Document.CitizenPromises[0], promise.Date{})
	require.NotEmpty(t, cal)
	assert.Equal(t, d("2018-10-01"), cal[0].Period.Start)
}

// TestUnknownEnd: a period whose end the source does not state is not
// "until further notice", and has no calendar to miss.
func TestUnknownEnd(t *testing.T) {
	b := one{period: promise.Period{Start: d("2019-01-01"), NotStated: []string{promise.EndBound}}, noCalendar: true,
		targets: []promise.Target{countTarget(4, promise.AtLeast)}}
	a := activityOf(b.bundle(), "2021-01-01")
	assert.Equal(t, followup.AwaitingReport, a.Status, a.Reason["sv"])
	assert.NotContains(t, a.Reason["sv"], "tills vidare")
}

// TestCostIsLinearInPeriods: an evaluation's size grows linearly with the
// number of reporting periods, so a tiny file with a long period and a
// fine cadence cannot make gigabytes (reasons summarise long lists of
// missing periods instead of naming each).
func TestCostIsLinearInPeriods(t *testing.T) {
	size := func(years int) int {
		b := one{period: promise.Period{Start: d("1950-01-01"), End: d("1950-01-01").AddMonths(12 * years).AddDays(-1)},
			reporting: &promise.Reporting{Cadence: promise.Monthly}, targets: []promise.Target{countTarget(4, promise.AtLeast)}}.bundle()
		c := &b.Document.CitizenPromises[0]
		for i := range 9 {
			a := c.Activities[0]
			a.ID, a.Targets = id("extra"+string(rune('a'+i))), []promise.Target{{ID: id("extra/t" + string(rune('a'+i))), Kind: promise.Continuous}}
			c.Activities = append(c.Activities, a)
		}
		js, err := json.Marshal(followup.Evaluate(b, d("2060-01-01")))
		require.NoError(t, err)
		return len(js)
	}
	half, full := size(40), size(80)
	t.Logf("evaluation of 40 years of months: %d bytes; of 80 years: %d bytes", half, full)
	assert.Less(t, float64(full)/float64(half), 2.3, "twice the periods must cost about twice the output, not four times")
	assert.Less(t, full/(80*12*10), 2000, "bytes per period and activity")
}

// TestBounds: the history covers the latest MaxHistory periods, and a
// recurring target over more than MaxIntervals intervals (a document that
// breaks the invariants) cannot be assessed, rather than cost minutes.
func TestBounds(t *testing.T) {
	daily := promise.Target{Kind: promise.Recurring, Value: f(1), Every: promise.Daily}
	b := one{period: per("1950-01-01", "2049-12-31"), reporting: &promise.Reporting{Cadence: promise.Monthly}, targets: []promise.Target{daily}}
	a := activityOf(b.bundle(), "2060-01-01")
	// The latest MaxHistory periods, 2041-09 to 2049-12, all unreported:
	// one entry for the run.
	require.Len(t, a.History, 1)
	assert.Equal(t, per("2041-09-01", "2049-12-31"), a.History[0].Period, "the latest periods: 2041-09 to 2049-12")
	assert.Equal(t, followup.MaxHistory, a.History[0].Periods)
	assert.NotEqual(t, followup.Unassessable, a.Status, "a hundred years of days is within the bound")

	b.period = per("1000-01-01", "9999-12-31")
	a = activityOf(b.bundle(), "2060-01-01")
	assert.Equal(t, followup.Unassessable, a.Status)
	assert.Contains(t, a.Reason["en"], "more than 40,000 intervals")
}

// TestCalendarRuns: in the calendar, missing periods in a row are one
// entry that counts them; the next upcoming period keeps its own entry
// with its due date, and the upcoming periods after it are one.
func TestCalendarRuns(t *testing.T) {
	b := one{period: per("2020-01-01", "2029-12-31"), reporting: &promise.Reporting{Cadence: promise.Monthly}, targets: []promise.Target{countTarget(4, promise.AtLeast)}}
	e := followup.Evaluate(b.bundle(), d("2025-06-15"))
	cal := e.CitizenPromises[0].Calendar
	var states []followup.CalendarState
	for _, c := range cal {
		states = append(states, c.State)
	}
	// Months to 2025-04 are past their due date, 2025-05 awaits its
	// report, 2025-06 is the next upcoming, then 54 more months.
	require.Equal(t, []followup.CalendarState{followup.PeriodMissing, followup.PeriodAwaiting, followup.PeriodUpcoming, followup.PeriodUpcoming}, states)
	assert.Equal(t, per("2020-01-01", "2025-04-30"), cal[0].Period)
	assert.Equal(t, 64, cal[0].Periods)
	assert.Equal(t, d("2020-02-29"), cal[0].FirstDue, "the first missing period's due date: overdue since")
	assert.Equal(t, d("2025-05-31"), cal[0].Due)
	assert.Zero(t, cal[1].Periods)
	assert.Equal(t, per("2025-06-01", "2025-06-30"), cal[2].Period, "the next period keeps its own entry")
	assert.Zero(t, cal[2].Periods)
	assert.Equal(t, per("2025-07-01", "2029-12-31"), cal[3].Period)
	assert.Equal(t, 54, cal[3].Periods)
	assert.Equal(t, d("2030-01-31"), cal[3].Due, "the due date of the last period of the run")
}

// TestUndatedReport: a report whose date the source does not give counts
// as made at the end of its period (go doc ./followup): as known on that
// day it is seen, the day before it is not; the period view sees it for
// its period.
func TestUndatedReport(t *testing.T) {
	r := rep("undated", "2020-01-01", "2020-01-01", "2020-06-30", occ("2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01"))
	r.Date, r.NotStated = promise.Date{}, []string{"date"}
	b := one{period: per("2020-01-01", "2020-12-31"), noCalendar: true, targets: []promise.Target{countTarget(8, promise.AtLeast)}, reports: []followup.Report{r}}
	bb := b.bundle()
	require.NoError(t, bb.Reports[0].Validate(&bb.Document))
	runRules(t, []ruleCase{
		{name: "as known the day before the period's end", b: b, at: "2020-06-29", view: followup.AsKnownView, want: followup.AwaitingReport, noNumber: true},
		{name: "as known on the period's end", b: b, at: "2020-06-30", view: followup.AsKnownView, want: followup.OnTrack, achieved: new(4.0)},
		{name: "the period view", b: b, at: "2020-06-30", want: followup.OnTrack, achieved: new(4.0)},
	})
}
