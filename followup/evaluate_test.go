package followup_test

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func TestStrangnasFinal(t *testing.T) {
	e := followup.Evaluate(strangnas(strangnasPage(), strangnasFinal()), d("2020-01-31"))
	require.Len(t, e.CitizenPromises, 1)
	cp := e.CitizenPromises[0]
	tests := []struct {
		activity string
		want     followup.Status
		sv, en   string
		achieved float64 // -1: no number
	}{
		{aGrann, followup.Achieved, "Målet nått: 20 av minst 8 områden.", "Target reached: 20 of at least 8 areas.", 20},
		{aBat, followup.Achieved, "Målet nått: 3 av 2 områden.", "Target reached: 3 of 2 areas.", 3},
		{aVandr, followup.Achieved, "Målet nått: 4 av minst 4 vandringar.", "Target reached: 4 of at least 4 walks.", 4},
		{aTrafik, followup.Unassessable, "Rapporterat: 303 trafikkontroller.", "Reported: 303 traffic controls.", -1},
		{aMoped, followup.Achieved, "”Uppfyllt”", "“Achieved”", -1},
		{aRad, followup.Achieved, "var ”Enligt plan”", "was “On track”", -1},
		// The follow-up says nothing of the premises: not reported for
		// the first two tertials (the last one is due on the date
		// evaluated).
		{aLokal, followup.NotReported, "Ingen bedömning för 2019-01-01–2019-04-30 (senast 2019-05-31) och 2019-05-01–2019-08-31 (senast 2019-09-30).", "No assessment for 2019-01-01–2019-04-30 (due by 2019-05-31)", -1},
	}
	for _, tc := range tests {
		t.Run(tc.activity, func(t *testing.T) {
			a := cp.Activity(id(tc.activity))
			require.NotNil(t, a)
			assert.Equal(t, tc.want, a.Status, a.Reason["sv"])
			assert.Contains(t, a.Reason["sv"], tc.sv)
			assert.Contains(t, a.Reason["en"], tc.en)
			if tc.achieved < 0 {
				assert.Nil(t, a.Achieved)
			} else {
				require.NotNil(t, a.Achieved)
				assert.Equal(t, tc.achieved, *a.Achieved)
			}
		})
	}

	walks := cp.Activity(id(aVandr))
	require.Len(t, walks.Conflicts, 1, "the two official pages disagree")
	c := walks.Conflicts[0]
	assert.Equal(t, 4.0, c.Used)
	var values []float64
	for _, fg := range c.Figures {
		values = append(values, fg.Value)
	}
	assert.ElementsMatch(t, []float64{4, 5}, values)
	assert.Contains(t, walks.Reason["sv"], "Uppgifterna går isär: 5 (Strängnäs kommun, 2019-12-17) och 4 (Strängnäs kommun, 2020-01-28); det lägsta värdet, 4, används.")

	moped := cp.Activity(id(aMoped))
	require.NotNil(t, moped.Computed, "the computed status stays visible")
	assert.Equal(t, followup.Unassessable, moped.Computed.Status)
	require.NotNil(t, moped.Assessment)
	assert.Equal(t, id("final"), moped.Assessment.ReportID)

	traffic := cp.Activity(id(aTrafik))
	require.Len(t, traffic.Results, 1)
	require.NotNil(t, traffic.Results[0].Value)
	assert.Equal(t, 303.0, *traffic.Results[0].Value)

	// The day after the last report was due, the period is over and
	// the citizen promise is only partly achieved: the premises were
	// never reported on.
	e = followup.Evaluate(strangnas(strangnasPage(), strangnasFinal()), d("2020-02-01"))
	cp = e.CitizenPromises[0]
	assert.Equal(t, followup.NotReported, cp.Activity(id(aLokal)).Status)
	assert.Contains(t, cp.Activity(id(aLokal)).Reason["sv"], "2019-09-01–2019-12-31 (senast 2020-01-31)")
	assert.Equal(t, followup.PartlyAchieved, cp.Status, cp.Reason["sv"])
	assert.Equal(t, 5, cp.Count(followup.Achieved))
	assert.Equal(t, 1, cp.Count(followup.NotReported))
	assert.Equal(t, 1, cp.Count(followup.Unassessable))
	assert.InDelta(t, 5.0/6, cp.Progress, 1e-9)
	// Traffic: the walks and the moped operations are achieved, the
	// controls cannot be assessed, so the promise cannot be said to be
	// achieved: it says how many were assessed.
	trafficPromise := cp.Promise(id("p-trafik"))
	assert.Equal(t, followup.Unassessable, trafficPromise.Status, trafficPromise.Reason["sv"])
	assert.Contains(t, trafficPromise.Reason["sv"], "av 3 aktiviteter bedömda")
	assert.Equal(t, "activities", trafficPromise.Counted)
	assert.Equal(t, 3, trafficPromise.Total)
	assert.Equal(t, 2, trafficPromise.Assessed)
	assert.Equal(t, followup.PartlyAchieved, cp.Promise(id("p-samverkan")).Status)
}

func TestStrangnasSeptember(t *testing.T) {
	b := strangnas(strangnasT1(), strangnasT2(), strangnasPage(), strangnasFinal())
	e := followup.Evaluate(b, d("2019-09-25"))
	cp := e.CitizenPromises[0]
	want := map[string]followup.Status{
		aGrann:  followup.OnTrack,  // 6 of 8 × 243/365 = 5.3
		aBat:    followup.AtRisk,   // 1 of 1.3: 75 %
		aVandr:  followup.OnTrack,  // 3 of 2.7
		aTrafik: followup.Achieved, // the one place reached
		aMoped:  followup.AtRisk,   // 1 of 1.3
		aLokal:  followup.OnTrack,  // assessed
		aRad:    followup.AtRisk,   // assessed
	}
	for name, s := range want {
		a := cp.Activity(id(name))
		assert.Equal(t, s, a.Status, "%s: %s", name, a.Reason["sv"])
	}
	assert.Contains(t, cp.Activity(id(aVandr)).Reason["sv"], "3 av minst 4 vandringar genomförda; 2,7 väntade per 2019-08-31")
	assert.Contains(t, cp.Activity(id(aVandr)).Reason["en"], "3 of at least 4 walks done; 2.7 expected by 2019-08-31")
	assert.Equal(t, followup.AtRisk, cp.Status, cp.Reason["sv"])
	assert.Equal(t, d("2019-09-20"), cp.LastReport)

	// The history: where each stood at the end of each tertial.
	require.Len(t, cp.History, 2)
	assert.Equal(t, per("2019-01-01", "2019-04-30"), cp.History[0].Period)
	boat := cp.Activity(id(aBat))
	require.Len(t, boat.History, 2)
	assert.Equal(t, followup.Behind, boat.History[0].Status, boat.History[0].Codes)
	assert.Equal(t, followup.AtRisk, boat.History[1].Status)
}

func TestReportsMissingLateDuplicatedOutOfOrder(t *testing.T) {
	t1 := rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", occ("2019-02-01", "2019-04-10"))
	late := rep("t1", "2019-06-10", "2019-01-01", "2019-04-30", occ("2019-02-01", "2019-04-10"))
	t2 := rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", occ("2019-06-01"))
	tests := []struct {
		name    string
		reports []followup.Report
		at      string
		view    followup.View
		want    followup.Status
		total   float64 // -1: no number
		state   []followup.CalendarState
		warn    int
	}{
		{name: "missing", at: "2019-06-01", want: followup.NotReported, total: -1,
			state: []followup.CalendarState{followup.PeriodMissing, followup.PeriodUpcoming, followup.PeriodUpcoming}},
		{name: "not yet due", at: "2019-05-31", want: followup.AwaitingReport, total: -1,
			state: []followup.CalendarState{followup.PeriodAwaiting, followup.PeriodUpcoming, followup.PeriodUpcoming}},
		{name: "late, before it came, as known then", reports: []followup.Report{late}, at: "2019-06-05", view: followup.AsKnownView, want: followup.NotReported, total: -1},
		{name: "late, before it came, for its period", reports: []followup.Report{late}, at: "2019-06-05", want: followup.OnTrack, total: 2,
			state: []followup.CalendarState{followup.PeriodLate, followup.PeriodUpcoming, followup.PeriodUpcoming}},
		{name: "late, after it came", reports: []followup.Report{late}, at: "2019-06-15", want: followup.OnTrack, total: 2,
			state: []followup.CalendarState{followup.PeriodLate, followup.PeriodUpcoming, followup.PeriodUpcoming}},
		{name: "in order", reports: []followup.Report{t1, t2}, at: "2019-10-01", want: followup.OnTrack, total: 3,
			state: []followup.CalendarState{followup.PeriodReceived, followup.PeriodReceived, followup.PeriodUpcoming}},
		{name: "out of order", reports: []followup.Report{t2, t1}, at: "2019-10-01", want: followup.OnTrack, total: 3},
		{name: "the same report twice", reports: []followup.Report{t1, t1, t2}, at: "2019-10-01", want: followup.OnTrack, total: 3, warn: 1},
		{name: "a later copy of the same report is used", reports: []followup.Report{t1, late}, at: "2019-10-01", want: followup.NotReported, total: 2, warn: 1},
		{name: "the same content under another id", reports: []followup.Report{t1, withID(t1, "copy"), t2}, at: "2019-10-01", want: followup.OnTrack, total: 3},
		{name: "accumulating periods", at: "2019-10-01", want: followup.OnTrack, total: 3, reports: []followup.Report{
			t1,
			rep("may-jul", "2019-08-05", "2019-05-01", "2019-07-31", occ("2019-06-01")),
			rep("may-aug", "2019-09-20", "2019-05-01", "2019-08-31", occ("2019-06-01")),
		}},
		{name: "a report dated after the date evaluated is not seen as known then", reports: []followup.Report{t1, t2}, at: "2019-09-19", view: followup.AsKnownView, want: followup.OnTrack, total: 2},
		{name: "a report dated after the date evaluated counts for its period", reports: []followup.Report{t1, t2}, at: "2019-09-19", want: followup.OnTrack, total: 3},
		{name: "a report of a period not yet ended is not seen before its date", reports: []followup.Report{t1, rep("t2-early", "2019-09-20", "2019-05-01", "2019-12-31", occ("2019-06-01"))}, at: "2019-09-19", want: followup.OnTrack, total: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := followup.EvaluateWith(one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: tc.reports}.bundle(), d(tc.at), followup.Options{View: tc.view})
			assert.Equal(t, tc.view, e.View)
			cp := e.CitizenPromises[0]
			a := cp.Activity(act)
			assert.Equal(t, tc.want, a.Status, a.Reason["sv"])
			if tc.total < 0 {
				assert.Nil(t, a.Achieved)
			} else if assert.NotNil(t, a.Achieved) {
				assert.Equal(t, tc.total, *a.Achieved)
			}
			if tc.state != nil {
				var got []followup.CalendarState
				for _, c := range cp.Calendar {
					got = append(got, c.State)
				}
				assert.Equal(t, tc.state, got)
			}
			assert.Len(t, e.Warnings, tc.warn)
		})
	}
}

func withID(r followup.Report, name string) followup.Report {
	r.ID = id(name)
	return r
}

func TestConflicts(t *testing.T) {
	year := func(name, date string, v float64, parties ...string) followup.Report {
		return by(rep(name, date, "2019-01-01", "2019-12-31", res(v, "")), parties...)
	}
	tests := []struct {
		name    string
		reports []followup.Report
		used    float64
		figures int
		want    followup.Status
	}{
		{name: "two parties, two totals", reports: []followup.Report{year("k", "2020-01-20", 5, "kommun"), year("p", "2020-01-21", 3, "lpo")}, used: 3, figures: 2, want: followup.PartlyAchieved},
		{name: "agreeing totals are no conflict", reports: []followup.Report{year("k", "2020-01-20", 5, "kommun"), year("p", "2020-01-21", 5, "lpo")}, used: 5, figures: 0, want: followup.Achieved},
		{name: "a later, lower total contradicts an earlier one", reports: []followup.Report{
			by(rep("early", "2019-09-20", "2019-01-01", "2019-08-31", res(5, "")), "kommun"), year("final", "2020-01-20", 3, "kommun"),
		}, used: 3, figures: 2, want: followup.PartlyAchieved},
		{name: "a later, higher total is progress", reports: []followup.Report{
			by(rep("early", "2019-09-20", "2019-01-01", "2019-08-31", res(2, "")), "kommun"), year("final", "2020-01-20", 4, "kommun"),
		}, used: 4, figures: 0, want: followup.Achieved},
		{name: "entries that add up to more than the total", reports: []followup.Report{
			rep("final", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{
				Results:     res(2, "").Results,
				Occurrences: occ("2019-03-01", "2019-05-01", "2019-07-01").Occurrences,
			}),
		}, used: 2, figures: 2, want: followup.PartlyAchieved},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := activityOf(one{targets: []promise.Target{countTarget(4, promise.AtLeast)}, reports: tc.reports}.bundle(), "2020-02-01")
			assert.Equal(t, tc.want, a.Status, a.Reason["sv"])
			if tc.figures == 0 {
				assert.Empty(t, a.Conflicts)
				assert.NotContains(t, a.Reason["sv"], "går isär")
				return
			}
			require.Len(t, a.Conflicts, 1)
			assert.Equal(t, tc.used, a.Conflicts[0].Used)
			assert.Len(t, a.Conflicts[0].Figures, tc.figures)
			assert.Contains(t, a.Reason["sv"], "Uppgifterna går isär")
			assert.Contains(t, a.Reason["en"], "The sources disagree")
		})
	}
}

func TestCalendar(t *testing.T) {
	cp := func(period promise.Period, r *promise.Reporting) *promise.CitizenPromise {
		return &promise.CitizenPromise{Period: period, Reporting: r}
	}
	rp := func(from, to, due string) promise.ReportingPeriod {
		return promise.ReportingPeriod{Period: per(from, to), Due: d(due)}
	}
	tertials := &promise.Reporting{Cadence: promise.Tertially}
	tests := []struct {
		name  string
		cp    *promise.CitizenPromise
		until string
		want  []promise.ReportingPeriod
	}{
		{name: "no calendar stated: one final report", cp: cp(per("2019-01-01", "2019-12-31"), nil), want: []promise.ReportingPeriod{
			rp("2019-01-01", "2019-12-31", "2020-01-31"),
		}},
		{name: "no cadence stated: one final report, due as said", cp: cp(per("2019-01-01", "2019-12-31"), &promise.Reporting{DueDays: 60}), want: []promise.ReportingPeriod{
			rp("2019-01-01", "2019-12-31", "2020-02-29"),
		}},
		{name: "no calendar stated and open-ended: no calendar", cp: cp(per("2019-01-01", ""), nil), until: "2025-01-01", want: nil},
		{name: "no calendar stated and the end unknown: no calendar", cp: cp(promise.Period{Start: d("2019-01-01"), NotStated: []string{promise.EndBound}}, nil), until: "2025-01-01", want: nil},
		{name: "tertials stated", cp: cp(per("2019-01-01", "2019-12-31"), tertials), want: []promise.ReportingPeriod{
			rp("2019-01-01", "2019-04-30", "2019-05-31"), rp("2019-05-01", "2019-08-31", "2019-09-30"), rp("2019-09-01", "2019-12-31", "2020-01-31"),
		}},
		{name: "months given as months", cp: cp(promise.Period{Start: d("2018-10"), End: d("2019")}, &promise.Reporting{Cadence: promise.HalfYear}), want: []promise.ReportingPeriod{
			rp("2018-10-01", "2018-12-31", "2019-01-31"), rp("2019-01-01", "2019-06-30", "2019-07-31"), rp("2019-07-01", "2019-12-31", "2020-01-31"),
		}},
		{name: "clipped to a period from October to October", cp: cp(per("2019-10-01", "2020-09-30"), tertials), want: []promise.ReportingPeriod{
			rp("2019-10-01", "2019-12-31", "2020-01-31"), rp("2020-01-01", "2020-04-30", "2020-05-31"), rp("2020-05-01", "2020-08-31", "2020-09-30"), rp("2020-09-01", "2020-09-30", "2020-10-31"),
		}},
		{name: "half-years, due 45 days after", cp: cp(per("2018-07-01", "2020-06-30"), &promise.Reporting{Cadence: promise.HalfYear, DueDays: 45}), want: []promise.ReportingPeriod{
			rp("2018-07-01", "2018-12-31", "2019-02-14"), rp("2019-01-01", "2019-06-30", "2019-08-14"), rp("2019-07-01", "2019-12-31", "2020-02-14"), rp("2020-01-01", "2020-06-30", "2020-08-14"),
		}},
		{name: "quarters over a leap year", cp: cp(per("2020-01-01", "2020-06-30"), &promise.Reporting{Cadence: promise.Quarterly}), want: []promise.ReportingPeriod{
			rp("2020-01-01", "2020-03-31", "2020-04-30"), rp("2020-04-01", "2020-06-30", "2020-07-31"),
		}},
		{name: "a month ending on a leap day is due at the end of March", cp: cp(per("2020-02-01", "2020-02-29"), &promise.Reporting{Cadence: promise.Monthly}), want: []promise.ReportingPeriod{
			rp("2020-02-01", "2020-02-29", "2020-03-31"),
		}},
		{name: "years", cp: cp(per("2019-01-01", "2020-12-31"), &promise.Reporting{Cadence: promise.Yearly}), want: []promise.ReportingPeriod{
			rp("2019-01-01", "2019-12-31", "2020-01-31"), rp("2020-01-01", "2020-12-31", "2021-01-31"),
		}},
		{name: "explicit periods, sorted", cp: cp(per("2019-01-01", "2019-12-31"), &promise.Reporting{Periods: []promise.ReportingPeriod{
			rp("2019-07-01", "2019-12-31", "2020-02-15"), rp("2019-01-01", "2019-06-30", "2019-09-01"),
		}}), want: []promise.ReportingPeriod{rp("2019-01-01", "2019-06-30", "2019-09-01"), rp("2019-07-01", "2019-12-31", "2020-02-15")}},
		{name: "open-ended: up to the date given", cp: cp(per("2024-01-01", ""), tertials), until: "2024-06-15", want: []promise.ReportingPeriod{
			rp("2024-01-01", "2024-04-30", "2024-05-31"), rp("2024-05-01", "2024-08-31", "2024-09-30"),
		}},
		{name: "open-ended without a date", cp: cp(per("2024-01-01", ""), tertials), want: nil},
		{name: "no start", cp: cp(promise.Period{}, tertials), want: nil},
		{name: "an unknown cadence falls back to tertials", cp: cp(per("2019-01-01", "2019-04-30"), &promise.Reporting{Cadence: "fortnight"}), want: []promise.ReportingPeriod{
			rp("2019-01-01", "2019-04-30", "2019-05-31"),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var until promise.Date
			if tc.until != "" {
				until = d(tc.until)
			}
			got := followup.Calendar(tc.cp, until)
			assert.Equal(t, tc.want, got, "Calendar(%v) = %v, want %v", tc.cp.Period, got, tc.want)
		})
	}
}

func TestRollups(t *testing.T) {
	// Three activities under one promise; the roll-up rules on their
	// statuses.
	mk := func(statuses ...followup.Status) *followup.Bundle {
		b := one{}.bundle()
		c := &b.Document.CitizenPromises[0]
		c.Activities = nil
		var updates []followup.Update
		for i, s := range statuses {
			aid := id("act" + string(rune('0'+i)))
			c.Activities = append(c.Activities, promise.Activity{
				ID: aid, Text: sv("a", "a"), LeadIDs: c.PartyIDs[:1], PromiseIDs: []promise.ID{id("p")},
				Targets: []promise.Target{{ID: id("t" + string(rune('0'+i))), Kind: promise.Unmeasurable}},
			})
			u := followup.Update{ActivityID: aid}
			if s != followup.Unassessable {
				u.Assessment = &followup.Assessment{Status: s}
			}
			updates = append(updates, u)
		}
		b.Reports = []followup.Report{rep("r", "2019-05-20", "2019-01-01", "2019-04-30", updates...)}
		return b
	}
	tests := []struct {
		name     string
		statuses []followup.Status
		at       string
		want     followup.Status
		sv       string
	}{
		{"all achieved, one not assessable: not achieved as a whole", []followup.Status{followup.Achieved, followup.Achieved, followup.Unassessable}, "2019-06-01", followup.Unassessable, "2 av 3 aktiviteter bedömda"},
		{"one achieved, two not assessable", []followup.Status{followup.Achieved, followup.Unassessable, followup.Unassessable}, "2019-06-01", followup.Unassessable, "1 av 3 aktiviteter bedömda"},
		{"behind stays behind beside one not assessable", []followup.Status{followup.Behind, followup.Behind, followup.Unassessable}, "2019-06-01", followup.Behind, "2 av 3 aktiviteter bedömda"},
		{"one at risk among many on track", []followup.Status{followup.OnTrack, followup.OnTrack, followup.AtRisk}, "2019-06-01", followup.AtRisk, "2 av 3"},
		{"at risk, never behind without a child behind", []followup.Status{followup.AtRisk, followup.AtRisk, followup.AtRisk}, "2019-06-01", followup.AtRisk, ""},
		{"mostly behind", []followup.Status{followup.Behind, followup.Behind, followup.OnTrack}, "2019-06-01", followup.Behind, "2 av 3 som kan bedömas är försenade"},
		{"none assessable", []followup.Status{followup.Unassessable}, "2019-06-01", followup.Unassessable, "Inget kan bedömas"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := followup.Evaluate(mk(tc.statuses...), d(tc.at))
			cp := e.CitizenPromises[0]
			assert.Equal(t, tc.want, cp.Status, cp.Reason["sv"])
			assert.Equal(t, cp.Status, cp.Promise(id("p")).Status)
			assert.Contains(t, cp.Reason["sv"], tc.sv)
			n := 0
			for _, c := range cp.Counts {
				n += c.Count
			}
			assert.Equal(t, len(tc.statuses), n)
		})
	}
}

func TestPromiseWithdrawnAndEmpty(t *testing.T) {
	b := one{targets: walks4}.bundle()
	c := &b.Document.CitizenPromises[0]
	c.Promises[0].Withdrawn = &promise.Withdrawal{Date: d("2019-03-01"), Reason: sv("Ersatt.", "Replaced.")}
	c.Promises = append(c.Promises, promise.Promise{ID: id("p2"), Text: sv("Tomt", "Empty"), GivenBy: c.PartyIDs[:1]})
	e := followup.Evaluate(b, d("2019-04-01"))
	cp := e.CitizenPromises[0]
	assert.Equal(t, followup.Withdrawn, cp.Promise(id("p")).Status)
	assert.Contains(t, cp.Promise(id("p")).Reason["sv"], "Ersatt.")
	assert.Equal(t, followup.Unassessable, cp.Promise(id("p2")).Status)
	assert.Contains(t, cp.Promise(id("p2")).Reason["sv"], "Inga aktiviteter")
}

func TestWarnings(t *testing.T) {
	b := one{targets: walks4, reports: []followup.Report{
		rep("r", "2019-05-20", "2019-01-01", "2019-04-30",
			followup.Update{ActivityID: id("nope")},
			followup.Update{Occurrences: []followup.Occurrence{{Date: d("2019-02-01"), Count: -2}, {Date: d("2019-02-02"), TargetID: id("nope-t")}}},
		),
	}}.bundle()
	b.Reports = append(b.Reports, followup.Report{ID: id("other"), CitizenPromiseID: id("nope-cp"), Date: d("2019-05-01")})
	b.Reports[0].Updates[1].Results = []followup.Result{{TargetID: tgt, Value: new(nan())}}
	b.Reports[0].Updates[1].Assessment = &followup.Assessment{Status: followup.Withdrawn}
	e := followup.Evaluate(b, d("2019-06-01"))
	var msgs []string
	for _, w := range e.Warnings {
		msgs = append(msgs, w.Message["en"])
	}
	require.Len(t, msgs, 6, "%q", msgs)
	for _, want := range []string{"activity", "negative", "target", "not a number", "cannot be an assessment", "citizen promise"} {
		assert.True(t, slices.ContainsFunc(msgs, func(m string) bool { return contains(m, want) }), "no warning about %q in %q", want, msgs)
	}
	a := e.CitizenPromises[0].Activity(act)
	assert.Len(t, a.Occurrences, 1, "the entry with an unknown target counts towards none")
}

func TestNilAndEmpty(t *testing.T) {
	e := followup.Evaluate(nil, d("2019-01-01"))
	require.NotNil(t, e)
	assert.Empty(t, e.CitizenPromises)
	js, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"at":"2019-01-01","view":"period","citizenPromises":[]}`, string(js))

	// A document that breaks its invariants is evaluated without panic.
	b := &followup.Bundle{Document: promise.Document{CitizenPromises: []promise.CitizenPromise{{
		ID:         id("x"),
		Activities: []promise.Activity{{ID: id("y"), Targets: []promise.Target{{Kind: promise.Recurring}, {Kind: promise.Indicator}, {Kind: "weird"}}}},
		Thresholds: &promise.Thresholds{OnTrack: 2},
	}}}}
	e = followup.Evaluate(b, d("2019-01-01"))
	assert.Equal(t, followup.Unassessable, e.CitizenPromises[0].Activities[0].Status)
	assert.NotEmpty(t, e.Warnings, "invalid thresholds")
}

func TestJSONShape(t *testing.T) {
	e := followup.Evaluate(strangnas(strangnasPage(), strangnasFinal()), d("2020-01-31"))
	js, err := json.Marshal(e)
	require.NoError(t, err)
	var generic struct {
		CitizenPromises []struct {
			Status     string           `json:"status"`
			Progress   float64          `json:"progress"`
			Counts     []map[string]any `json:"counts"`
			Activities []struct {
				ID       string            `json:"id"`
				Status   string            `json:"status"`
				Reason   map[string]string `json:"reason"`
				Achieved *float64          `json:"achieved"`
				Target   *float64          `json:"target"`
			} `json:"activities"`
		} `json:"citizenPromises"`
	}
	require.NoError(t, json.Unmarshal(js, &generic))
	a := generic.CitizenPromises[0].Activities[0]
	assert.Equal(t, id(aGrann).String(), a.ID)
	assert.Equal(t, "achieved", a.Status)
	assert.Equal(t, "Målet nått: 20 av minst 8 områden.", a.Reason["sv"])
	assert.Equal(t, "Target reached: 20 of at least 8 areas.", a.Reason["en"])
	assert.Equal(t, 20.0, *a.Achieved)
	assert.Equal(t, 8.0, *a.Target)
	assert.Equal(t, "achieved", generic.CitizenPromises[0].Counts[0]["status"])
}

func nan() float64 { return math.NaN() }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
