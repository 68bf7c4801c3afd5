// The example uses google/uuid's UUID as the ID it is in the default
// build; it is left out of the widget's build (see promise.ID).

//go:build !medborgarlofte_nouuid

package followup_test

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func ExampleEvaluate() {
	kommun := uuid.MustParse("01a2013e-d988-7b27-8175-845675e60ecc")
	walks := promise.Activity{
		ID:      uuid.MustParse("01a2013e-d989-740c-a0d0-96bfdc24a075"),
		Text:    promise.Text{"sv": "Minst fyra trygghetsvandringar under 2019"},
		LeadIDs: []uuid.UUID{kommun},
		Targets: []promise.Target{{
			ID:         uuid.MustParse("01a2013e-d989-7476-8ac8-75fb22f24a5b"),
			Kind:       promise.Count,
			Value:      new(4.0),
			Comparison: promise.AtLeast,
			Unit:       promise.Text{"sv": "trygghetsvandringar", "en": "safety walks"},
		}},
	}
	cp := promise.CitizenPromise{
		ID:         uuid.MustParse("01a2013e-d988-7de5-bc78-50dc7b123343"),
		Title:      promise.Text{"sv": "Medborgarlöfte 2019"},
		Period:     promise.Period{Start: promise.MustParseDate("2019-01-01"), End: promise.MustParseDate("2019-12-31")},
		PartyIDs:   []uuid.UUID{kommun},
		Activities: []promise.Activity{walks},
		// "Arbetet följs upp tertialvis."
		Reporting: &promise.Reporting{Cadence: promise.Tertially},
	}
	walk := func(date string) followup.Occurrence {
		return followup.Occurrence{Date: promise.MustParseDate(date)}
	}
	report := func(from, to, date string, o ...followup.Occurrence) followup.Report {
		return followup.Report{
			ID:               uuid.NewSHA1(cp.ID, []byte(from)),
			CitizenPromiseID: cp.ID,
			Period:           promise.Period{Start: promise.MustParseDate(from), End: promise.MustParseDate(to)},
			Date:             promise.MustParseDate(date),
			ReportedBy:       []uuid.UUID{kommun},
			Updates:          []followup.Update{{ActivityID: walks.ID, Occurrences: o}},
		}
	}
	b := &followup.Bundle{
		Document: promise.Document{
			Parties:         []promise.Party{{ID: kommun, Kind: promise.Municipality, Name: promise.Text{"sv": "Strängnäs kommun"}}},
			CitizenPromises: []promise.CitizenPromise{cp},
		},
		Reports: []followup.Report{
			report("2019-01-01", "2019-04-30", "2019-05-20", walk("2019-04-10")),
			report("2019-05-01", "2019-08-31", "2019-09-20", walk("2019-06-12"), walk("2019-08-20")),
		},
	}

	for _, at := range []string{"2019-06-01", "2019-09-25", "2020-02-01"} {
		e := followup.Evaluate(b, promise.MustParseDate(at))
		a := e.CitizenPromises[0].Activities[0]
		fmt.Printf("%s %s\n  %s\n  %s\n", at, a.Status, a.Reason["sv"], a.Reason["en"])
	}
	// Output:
	// 2019-06-01 at_risk
	//   1 av minst 4 trygghetsvandringar genomförda; 1,3 väntade per 2019-04-30 (76 % av väntat).
	//   1 of at least 4 safety walks done; 1.3 expected by 2019-04-30 (76% of expected).
	// 2019-09-25 on_track
	//   3 av minst 4 trygghetsvandringar genomförda; 2,7 väntade per 2019-08-31 (113 % av väntat).
	//   3 of at least 4 safety walks done; 2.7 expected by 2019-08-31 (113% of expected).
	// 2020-02-01 not_reported
	//   Uppföljning saknas för 2019-09-01–2019-12-31 (senast 2020-01-31). Senast rapporterat: 3 av minst 4 trygghetsvandringar per 2019-08-31.
	//   No follow-up for 2019-09-01–2019-12-31 (due by 2020-01-31). Last reported: 3 of at least 4 safety walks by 2019-08-31.
}

func ExampleCalendar() {
	cp := &promise.CitizenPromise{
		Period:    promise.Period{Start: promise.MustParseDate("2019-02-08"), End: promise.MustParseDate("2019-12-31")},
		Reporting: &promise.Reporting{Cadence: promise.Tertially},
	}
	for _, p := range followup.Calendar(cp, promise.Date{}) {
		fmt.Println(p.Period.Start, "–", p.Period.End, "due", p.Due)
	}
	// A document that states no calendar promises only a final report.
	cp.Reporting = nil
	for _, p := range followup.Calendar(cp, promise.Date{}) {
		fmt.Println(p.Period.Start, "–", p.Period.End, "due", p.Due)
	}
	// Output:
	// 2019-02-08 – 2019-04-30 due 2019-05-31
	// 2019-05-01 – 2019-08-31 due 2019-09-30
	// 2019-09-01 – 2019-12-31 due 2020-01-31
	// 2019-02-08 – 2019-12-31 due 2020-01-31
}

func ExampleStatus_Label() {
	for _, s := range followup.Statuses() {
		line := fmt.Sprintf("%-18s  %-20s  %-18s  %-11s  %s", s, s.Label("sv"), s.Label("en"), s.OGP(), s.OCDS())
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	// not_started         Ej påbörjat           Not started         not_started  scheduled
	// on_track            Enligt plan           On track            substantial  scheduled
	// at_risk             Risk för förseningar  At risk             limited      scheduled
	// behind              Försenat              Behind              limited      scheduled
	// achieved            Uppfyllt              Achieved            complete     met
	// partly_achieved     Delvis uppfyllt       Partly achieved     substantial  partiallyMet
	// not_achieved        Ej uppfyllt           Not achieved        limited      notMet
	// awaiting_report     Inväntar rapport      Awaiting report
	// not_reported        Ej rapporterat        Not reported
	// cannot_be_assessed  Kan inte bedömas      Cannot be assessed
	// withdrawn           Återkallat            Withdrawn
}
