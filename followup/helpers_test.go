package followup_test

import (
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/internal/fixture"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Short names for the shared fixtures.
var (
	id             = fixture.ID
	d              = fixture.D
	per            = fixture.Per
	sv             = fixture.SV
	f              = fixture.F
	strangnas      = fixture.Strangnas
	strangnasFinal = fixture.Final
	strangnasPage  = fixture.Page
	strangnasT1    = fixture.T1
	strangnasT2    = fixture.T2
)

// The activities of the Strängnäs fixture.
const (
	aGrann  = fixture.Grann
	aBat    = fixture.Bat
	aLokal  = fixture.Lokal
	aVandr  = fixture.Vandr
	aTrafik = fixture.Trafik
	aMoped  = fixture.Moped
	aRad    = fixture.Rad
)

// one describes a bundle of one citizen promise with one activity, for
// the rule tables. Zero fields mean: the year 2019, tertials (stated as
// the calendar), default thresholds, the activity's window the whole
// period. noCalendar states no calendar at all.
type one struct {
	period     promise.Period
	window     *promise.Period
	targets    []promise.Target
	reporting  *promise.Reporting
	noCalendar bool
	thresholds *promise.Thresholds
	withdrawn  *promise.Withdrawal
	places     []promise.Place
	reports    []followup.Report
}

var (
	cp1 = id("cp1")
	act = id("a")
	tgt = id("a/t")
)

func (o one) bundle() *followup.Bundle {
	period := o.period
	if period.Start.IsZero() {
		period = per("2019-01-01", "2019-12-31")
	}
	reporting := o.reporting
	if reporting == nil && !o.noCalendar {
		reporting = &promise.Reporting{Cadence: promise.Tertially}
	}
	targets := o.targets
	for i := range targets {
		if targets[i].ID == (promise.ID{}) {
			targets[i].ID = tgt
		}
	}
	return &followup.Bundle{
		SchemaVersion: promise.SchemaVersion,
		Document: promise.Document{
			SchemaVersion: promise.SchemaVersion,
			ID:            id("doc1"),
			Parties: []promise.Party{
				{ID: id("kommun"), Kind: promise.Municipality, Name: sv("Kommunen", "The municipality")},
				{ID: id("lpo"), Kind: promise.Police, Name: sv("Polisen", "The police")},
			},
			Places: o.places,
			CitizenPromises: []promise.CitizenPromise{{
				ID:         cp1,
				Title:      sv("Löfte", "Promise"),
				Period:     period,
				PartyIDs:   []promise.ID{id("kommun"), id("lpo")},
				Reporting:  reporting,
				Thresholds: o.thresholds,
				Promises:   []promise.Promise{{ID: id("p"), Text: sv("Vi lovar", "We promise"), GivenBy: []promise.ID{id("kommun")}}},
				Activities: []promise.Activity{{
					ID:         act,
					Text:       sv("Aktiviteten", "The activity"),
					PromiseIDs: []promise.ID{id("p")},
					LeadIDs:    []promise.ID{id("kommun")},
					Window:     o.window,
					Targets:    targets,
					Withdrawn:  o.withdrawn,
				}},
			}},
		},
		Reports: o.reports,
	}
}

// rep is a report by the municipality on cp1 covering from–to, dated on
// date, with updates of the activity.
func rep(name, date, from, to string, us ...followup.Update) followup.Report {
	for i := range us {
		if us[i].ActivityID == (promise.ID{}) {
			us[i].ActivityID = act
		}
	}
	return followup.Report{
		SchemaVersion:    promise.SchemaVersion,
		ID:               id(name),
		CitizenPromiseID: cp1,
		Period:           per(from, to),
		Date:             d(date),
		ReportedBy:       []promise.ID{id("kommun")},
		Updates:          us,
	}
}

// by returns r reported by the given parties.
func by(r followup.Report, parties ...string) followup.Report {
	r.ReportedBy = nil
	for _, p := range parties {
		r.ReportedBy = append(r.ReportedBy, id(p))
	}
	return r
}

// occ is an update with entries on the given dates, one thing each.
func occ(dates ...string) followup.Update {
	var u followup.Update
	for _, s := range dates {
		u.Occurrences = append(u.Occurrences, followup.Occurrence{Date: d(s)})
	}
	return u
}

// res is an update with a total for the target as of a date.
func res(v float64, date string) followup.Update {
	r := followup.Result{TargetID: tgt, Value: new(v)}
	if date != "" {
		r.Date = d(date)
	}
	return followup.Update{Results: []followup.Result{r}}
}

// asm is an update with an assessment.
func asm(s followup.Status) followup.Update {
	return followup.Update{Assessment: &followup.Assessment{Status: s, Justification: sv("Motivering.", "Justification.")}}
}

func countTarget(n float64, cmp promise.Comparison) promise.Target {
	return promise.Target{Kind: promise.Count, Value: f(n), Comparison: cmp, Unit: sv("vandringar", "walks")}
}

// activityOf evaluates b at date at and returns the one activity.
func activityOf(b *followup.Bundle, at string) followup.ActivityStatus {
	return activityIn(b, at, followup.PeriodView)
}

func activityIn(b *followup.Bundle, at string, v followup.View) followup.ActivityStatus {
	e := followup.EvaluateWith(b, d(at), followup.Options{View: v})
	return *e.CitizenPromises[0].Activity(act)
}
