package followup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// ruleCase is one row of the rule tables: a one-activity bundle, a date,
// and what the activity's outcome must be.
type ruleCase struct {
	name string
	b    one
	at   string
	view followup.View
	want followup.Status
	// sv and en are parts the reason must contain; notSv what it must
	// not.
	sv, en, notSv []string
	// achieved and expected, when set, are the numbers the outcome must
	// carry; noNumber says it must carry no achieved number.
	achieved, expected *float64
	noNumber           bool
	progress           *float64
}

func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := activityIn(tc.b.bundle(), tc.at, tc.view)
			assert.Equal(t, tc.want, a.Status, "Evaluate(%s).Status = %v, want %v; reason: %s", tc.at, a.Status, tc.want, a.Reason["sv"])
			for _, s := range tc.sv {
				assert.Contains(t, a.Reason["sv"], s)
			}
			for _, s := range tc.en {
				assert.Contains(t, a.Reason["en"], s)
			}
			for _, s := range tc.notSv {
				assert.NotContains(t, a.Reason["sv"], s)
			}
			require.NotEmpty(t, a.Reason["sv"])
			require.NotEmpty(t, a.Reason["en"])
			if tc.achieved != nil {
				require.NotNil(t, a.Achieved, "achieved")
				assert.InDelta(t, *tc.achieved, *a.Achieved, 1e-9)
			}
			if tc.expected != nil {
				require.NotNil(t, a.Expected, "expected")
				assert.InDelta(t, *tc.expected, *a.Expected, 1e-3)
			}
			if tc.noNumber {
				assert.Nil(t, a.Achieved)
			}
			if tc.progress != nil {
				assert.InDelta(t, *tc.progress, a.Progress, 1e-9)
			}
			assert.GreaterOrEqual(t, a.Progress, 0.0)
			assert.LessOrEqual(t, a.Progress, 1.0)
		})
	}
}

var (
	walks4 = []promise.Target{countTarget(4, promise.AtLeast)}
	areas2 = []promise.Target{{Kind: promise.Count, Value: f(2), Comparison: promise.Exactly, Unit: sv("områden", "areas")}}
	areas8 = []promise.Target{{Kind: promise.Count, Value: f(8), Comparison: promise.AtLeast, Unit: sv("områden", "areas")}}
)

func TestCount(t *testing.T) {
	t1 := func(us ...followup.Update) followup.Report {
		return rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", us...)
	}
	t2 := func(us ...followup.Update) followup.Report {
		return rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", us...)
	}
	year := func(date string, us ...followup.Update) followup.Report {
		return rep("year", date, "2019-01-01", "2019-12-31", us...)
	}
	runRules(t, []ruleCase{
		{
			name: "before the window",
			b:    one{targets: walks4, window: &promise.Period{Start: d("2019-03-01"), End: d("2019-12-31")}},
			at:   "2019-02-28", want: followup.NotStarted,
			sv: []string{"Börjar 2019-03-01"}, en: []string{"Starts on 2019-03-01"},
		},
		{
			name: "first day of the window, nothing due",
			b:    one{targets: walks4},
			at:   "2019-01-01", want: followup.AwaitingReport,
			sv: []string{"Inget rapporterat ännu", "senast 2019-05-31"}, en: []string{"Nothing reported yet", "due by 2019-05-31"},
		},
		{
			name: "at risk against the pace of the first tertial",
			b:    one{targets: walks4, reports: []followup.Report{t1(occ("2019-04-10"))}},
			at:   "2019-06-01", want: followup.AtRisk,
			sv:       []string{"1 av minst 4 vandringar genomförda; 1,3 väntade per 2019-04-30 (76\u00a0% av väntat)"},
			en:       []string{"1 of at least 4 walks done; 1.3 expected by 2019-04-30 (76% of expected)"},
			achieved: f(1), expected: f(4 * 120.0 / 365),
		},
		{
			name: "on track at exactly 90 % of the pace",
			b: one{targets: []promise.Target{countTarget(365, promise.AtLeast)}, reports: []followup.Report{
				t1(res(108, "2019-04-30")),
			}},
			at: "2019-06-01", want: followup.OnTrack,
			sv: []string{"108 av minst 365 vandringar genomförda; 120 väntade per 2019-04-30 (90\u00a0% av väntat)"},
		},
		{
			name: "at risk at exactly 60 % of the pace",
			b:    one{targets: []promise.Target{countTarget(365, promise.AtLeast)}, reports: []followup.Report{t1(res(72, "2019-04-30"))}},
			at:   "2019-06-01", want: followup.AtRisk,
		},
		{
			name: "behind just under 60 % of the pace",
			b:    one{targets: []promise.Target{countTarget(365, promise.AtLeast)}, reports: []followup.Report{t1(res(71, "2019-04-30"))}},
			at:   "2019-06-01", want: followup.Behind,
		},
		{
			name: "the design's example: 3 of at least 4, 2.7 expected",
			b:    one{targets: walks4, reports: []followup.Report{t1(occ("2019-04-10")), t2(occ("2019-06-12", "2019-08-20"))}},
			at:   "2019-09-25", want: followup.OnTrack,
			sv: []string{"3 av minst 4 vandringar genomförda; 2,7 väntade per 2019-08-31"},
			en: []string{"3 of at least 4 walks done; 2.7 expected by 2019-08-31"},
		},
		{
			name: "behind with a reported zero",
			b:    one{targets: walks4, reports: []followup.Report{t1(res(0, ""))}},
			at:   "2019-06-01", want: followup.Behind,
			sv: []string{"0 av minst 4"}, achieved: f(0),
		},
		{
			name: "achieved before the end",
			b:    one{targets: walks4, reports: []followup.Report{t1(occ("2019-02-01", "2019-03-01", "2019-04-01", "2019-04-20"))}},
			at:   "2019-06-01", want: followup.Achieved,
			sv: []string{"Målet nått: 4 av minst 4 vandringar"}, en: []string{"Target reached: 4 of at least 4 walks"},
		},
		{
			name: "over-achieved: 20 of at least 8, progress capped",
			b:    one{targets: areas8, reports: []followup.Report{year("2020-01-28", res(20, ""))}},
			at:   "2020-01-31", want: followup.Achieved,
			sv: []string{"20 av minst 8 områden"}, en: []string{"20 of at least 8 areas"},
			achieved: f(20), progress: f(1),
		},
		{
			name: "exactly 2, 3 done: achieved",
			b:    one{targets: areas2, reports: []followup.Report{year("2020-01-28", res(3, ""))}},
			at:   "2020-01-31", want: followup.Achieved,
			sv: []string{"3 av 2 områden"}, en: []string{"3 of 2 areas"},
		},
		{
			name: "partly achieved at the end",
			b:    one{targets: walks4, reports: []followup.Report{year("2020-01-20", res(3, ""))}},
			at:   "2020-01-31", want: followup.PartlyAchieved,
			sv: []string{"Perioden är slut med 3 av minst 4 vandringar (75\u00a0% av målet; 50\u00a0% krävs"},
			en: []string{"The period ended with 3 of at least 4 walks (75% of the target; 50% needed"},
		},
		{
			name: "partly achieved at exactly the threshold",
			b:    one{targets: walks4, reports: []followup.Report{year("2020-01-20", res(2, ""))}},
			at:   "2020-01-31", want: followup.PartlyAchieved,
		},
		{
			name: "not achieved at the end",
			b:    one{targets: walks4, reports: []followup.Report{year("2020-01-20", res(1, ""))}},
			at:   "2020-01-31", want: followup.NotAchieved,
			sv: []string{"1 av minst 4"},
		},
		{
			name: "the last day of the window with a report through it",
			b:    one{targets: walks4, reports: []followup.Report{year("2019-12-31", res(3, ""))}},
			at:   "2019-12-31", want: followup.PartlyAchieved,
		},
		{
			name: "thresholds from the document",
			b: one{targets: walks4, thresholds: &promise.Thresholds{PartlyAchieved: 0.8},
				reports: []followup.Report{year("2020-01-20", res(3, ""))}},
			at: "2020-01-31", want: followup.NotAchieved,
			sv: []string{"80\u00a0% krävs"},
		},
		{
			name: "reported without a figure: cannot be assessed",
			b:    one{targets: walks4, reports: []followup.Report{t1(followup.Update{Narrative: sv("Planering pågår.", "Planning.")})}},
			at:   "2019-06-01", want: followup.Unassessable,
			sv: []string{"Inget antal rapporterat (mål: minst 4 vandringar)"}, noNumber: true,
		},
		{
			name: "no figure, but an assessment: the assessment is shown",
			b:    one{targets: areas2, reports: []followup.Report{year("2020-01-28", asm(followup.Achieved))}},
			at:   "2020-01-31", want: followup.Achieved,
			sv: []string{"”Uppfyllt”", "Motivering.", "Beräknad status: Kan inte bedömas"},
		},
		{
			name: "an assessment beside the numbers, the numbers stay",
			b:    one{targets: walks4, reports: []followup.Report{t1(followup.Update{Occurrences: occ("2019-04-10").Occurrences, Assessment: asm(followup.OnTrack).Assessment})}},
			at:   "2019-06-01", want: followup.OnTrack,
			sv:       []string{"”Enligt plan”", "Beräknad status: Risk för förseningar", "1 av minst 4"},
			achieved: f(1),
		},
		{
			name: "open window: no pace",
			b:    one{period: per("2019-01-01", ""), targets: walks4, reports: []followup.Report{t1(occ("2019-04-10"))}},
			at:   "2019-06-01", want: followup.OnTrack,
			sv: []string{"ingen slutdag"}, en: []string{"no end date"},
		},
		{
			name: "a count without a value cannot be assessed",
			b:    one{targets: []promise.Target{{Kind: promise.Count}}},
			at:   "2019-06-01", want: followup.Unassessable,
			sv: []string{"saknar ett antal"},
		},
		{
			name: "split by place: a share missed",
			b: one{
				places:  []promise.Place{{ID: id("M"), Name: sv("Mariefred", "Mariefred")}, {ID: id("S"), Name: sv("Stallarholmen", "Stallarholmen")}, {ID: id("L"), Name: sv("Läggesta", "Läggesta"), ParentID: id("M")}},
				targets: []promise.Target{{Kind: promise.Count, Value: f(2), Split: []promise.Share{{PlaceID: id("M"), Value: 1}, {PlaceID: id("S"), Value: 1}}}},
				reports: []followup.Report{year("2020-01-20", followup.Update{Occurrences: []followup.Occurrence{
					{Date: d("2019-05-01"), PlaceID: id("M")}, {Date: d("2019-06-01"), PlaceID: id("L")},
				}})},
			},
			at: "2020-01-31", want: followup.PartlyAchieved,
			sv: []string{"2 av 2", "Per plats: Mariefred 2 av 1, Stallarholmen 0 av 1"}, achieved: f(2), progress: f(0.5),
		},
	})
}

func TestCountLeapDays(t *testing.T) {
	monthly := &promise.Reporting{Cadence: promise.Monthly}
	runRules(t, []ruleCase{
		{
			name: "the pace on a leap day",
			b: one{period: per("2020-01-01", "2020-12-31"), reporting: monthly, targets: walks4, reports: []followup.Report{
				rep("jan", "2020-02-10", "2020-01-01", "2020-01-31", res(0, "")),
				rep("feb", "2020-02-29", "2020-02-01", "2020-02-29", occ("2020-02-29")),
			}},
			at: "2020-02-29", want: followup.OnTrack,
			sv: []string{"0,7 väntade per 2020-02-29"}, expected: f(4 * 60.0 / 366),
		},
		{
			name: "a report due on a leap day is missing the day after",
			b:    one{period: per("2020-01-01", "2020-12-31"), reporting: monthly, targets: walks4},
			at:   "2020-03-01", want: followup.NotReported,
			sv: []string{"2020-01-01–2020-01-31 (senast 2020-02-29)"}, en: []string{"(due by 2020-02-29)"},
		},
		{
			name: "a window that ends on a leap day: achieved",
			b: one{period: per("2020-01-01", "2020-12-31"), window: &promise.Period{Start: d("2020-01-01"), End: d("2020-02-29")},
				targets: []promise.Target{countTarget(2, promise.AtLeast)},
				reports: []followup.Report{rep("r", "2020-03-05", "2020-01-01", "2020-02-29", occ("2020-01-15", "2020-02-29"))}},
			at: "2020-03-10", want: followup.Achieved,
		},
		{
			name: "a window that ends on a leap day: an entry the day after does not count",
			b: one{period: per("2020-01-01", "2020-12-31"), window: &promise.Period{Start: d("2020-01-01"), End: d("2020-02-29")},
				targets: []promise.Target{countTarget(2, promise.AtLeast)},
				reports: []followup.Report{rep("r", "2020-03-05", "2020-01-01", "2020-03-01", occ("2020-01-15", "2020-03-01"))}},
			at: "2020-03-10", want: followup.PartlyAchieved,
			sv: []string{"1 av minst 2"},
		},
	})
}

func TestMilestone(t *testing.T) {
	ms := func(due string) []promise.Target {
		t := promise.Target{Kind: promise.Milestone}
		if due != "" {
			t.Due = d(due)
		}
		return []promise.Target{t}
	}
	done := func(date string) followup.Update { return followup.Update{Completed: d(date)} }
	runRules(t, []ruleCase{
		{name: "nothing reported", b: one{targets: ms("2019-06-30")}, at: "2019-03-01", want: followup.AwaitingReport},
		{
			name: "under way before the due date",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("Pågår", "")})}},
			at:   "2019-06-01", want: followup.OnTrack, sv: []string{"ska vara klart senast 2019-06-30"},
		},
		{
			name: "done",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", done("2019-03-12"))}},
			at:   "2019-06-01", want: followup.Achieved, sv: []string{"Klart 2019-03-12"}, en: []string{"Done on 2019-03-12"}, progress: f(1),
		},
		{
			name: "done late",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", done("2019-08-10"))}},
			at:   "2019-10-01", want: followup.Achieved, sv: []string{"Sista dag var 2019-06-30"},
		},
		{
			name: "a completion seen only after the date evaluated, as known then",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", done("2019-08-10"))}},
			at:   "2019-09-19", view: followup.AsKnownView, want: followup.NotReported,
		},
		{
			name: "a completion reported after the date evaluated, for its period",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", done("2019-08-10"))}},
			at:   "2019-09-19", want: followup.Achieved, sv: []string{"Klart 2019-08-10"},
		},
		{
			name: "due date passed, not yet reported on",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("Pågår", "")})}},
			at:   "2019-07-15", want: followup.Behind, sv: []string{"Sista dag 2019-06-30 har passerat"},
		},
		{
			name: "not done by the due date",
			b:    one{targets: ms("2019-06-30"), reports: []followup.Report{rep("t2", "2019-09-20", "2019-01-01", "2019-08-31", followup.Update{Narrative: sv("Inte klart", "")})}},
			at:   "2019-09-25", want: followup.NotAchieved, sv: []string{"Inte klart per sista dag 2019-06-30"}, progress: f(0),
		},
		{
			name: "the due date defaults to the end of the window",
			b:    one{targets: ms(""), reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Narrative: sv("Inte klart", "")})}},
			at:   "2020-01-31", want: followup.NotAchieved, sv: []string{"2019-12-31"},
		},
		{
			name: "a report missing",
			b:    one{targets: ms("")},
			at:   "2019-06-01", want: followup.NotReported,
		},
	})
}

func TestRecurring(t *testing.T) {
	monthly := []promise.Target{{Kind: promise.Recurring, Value: f(1), Every: promise.Monthly}}
	months := func(ms ...string) followup.Update {
		var dates []string
		for _, m := range ms {
			dates = append(dates, "2019-"+m+"-15")
		}
		return occ(dates...)
	}
	runRules(t, []ruleCase{
		{
			name: "every month so far",
			b: one{targets: monthly, reports: []followup.Report{
				rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", months("01", "02", "03", "04")),
				rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", months("05", "06", "07", "08")),
			}},
			at: "2019-09-25", want: followup.OnTrack,
			sv: []string{"8 av 8 avslutade månader når målet (minst 1 per månad"}, en: []string{"8 of 8 ended months meet the target (at least 1 per month"},
		},
		{
			name: "one month missed: at risk",
			b: one{targets: monthly, reports: []followup.Report{
				rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", months("01", "02", "03", "04")),
				rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", months("05", "06", "08")),
			}},
			at: "2019-09-25", want: followup.AtRisk,
			sv: []string{"7 av 8", "Ej uppfyllt: 2019-07"}, en: []string{"Missed: 2019-07"}, achieved: f(7), expected: f(8),
		},
		{
			name: "all twelve months: achieved",
			b: one{targets: monthly, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", months("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12")),
			}},
			at: "2020-01-31", want: followup.Achieved, progress: f(1),
		},
		{
			name: "ten of twelve: partly",
			b: one{targets: monthly, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", months("01", "02", "03", "04", "05", "06", "07", "08", "09", "10")),
			}},
			at: "2020-01-31", want: followup.PartlyAchieved, sv: []string{"10 av 12 månader nådde målet", "2019-11, 2019-12"},
		},
		{
			name: "five of twelve: not achieved",
			b: one{targets: monthly, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", months("01", "02", "03", "04", "05")),
			}},
			at: "2020-01-31", want: followup.NotAchieved, sv: []string{"2019-06, 2019-07, 2019-08 med flera"},
		},
		{
			name: "a clipped first week needs its share, rounded up",
			b: one{period: per("2019-01-05", "2019-03-31"), targets: []promise.Target{{Kind: promise.Recurring, Value: f(3), Every: promise.Weekly}},
				reports: []followup.Report{rep("t1", "2019-01-08", "2019-01-05", "2019-01-06", occ("2019-01-05"))}},
			at: "2019-01-08", want: followup.OnTrack, sv: []string{"1 av 1 avslutade veckor"},
		},
		{
			name: "no interval ended yet",
			b:    one{targets: monthly, reports: []followup.Report{rep("early", "2019-01-10", "2019-01-01", "2019-01-10", months("01"))}},
			at:   "2019-01-20", want: followup.OnTrack, sv: []string{"Inget intervall har avslutats ännu"},
		},
		{
			name: "reported without entries",
			b:    one{targets: monthly, reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("x", "x")})}},
			at:   "2019-06-01", want: followup.Unassessable, sv: []string{"Inga daterade tillfällen"},
		},
		{
			name: "half the months missed: behind",
			b:    one{targets: monthly, reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", months("01", "03"))}},
			at:   "2019-06-01", want: followup.Behind, sv: []string{"2 av 4 avslutade månader", "Ej uppfyllt: 2019-02, 2019-04"},
		},
		{
			name: "the second tertial not reported",
			b:    one{targets: monthly, reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", months("01", "02", "03", "04"))}},
			at:   "2019-10-01", want: followup.NotReported, sv: []string{"Uppföljning saknas för 2019-05-01–2019-08-31"},
		},
	})
}

func TestCoverage(t *testing.T) {
	places := []promise.Place{
		{ID: id("A"), Name: sv("Åker", "Åker")}, {ID: id("B"), Name: sv("Mariefred", "Mariefred")}, {ID: id("C"), Name: sv("Stallarholmen", "Stallarholmen")},
		{ID: id("B1"), Name: sv("Läggesta", "Läggesta"), ParentID: id("B")},
	}
	districts := []promise.Target{{Kind: promise.Coverage, PlaceIDs: []promise.ID{id("A"), id("B"), id("C")}, Unit: sv("kommundelar", "districts")}}
	at := func(date string, places ...string) followup.Update {
		var u followup.Update
		for _, p := range places {
			u.Occurrences = append(u.Occurrences, followup.Occurrence{Date: d(date), PlaceID: id(p)})
		}
		return u
	}
	runRules(t, []ruleCase{
		{
			name: "two of three districts by August",
			b: one{places: places, targets: districts, reports: []followup.Report{
				rep("t2", "2019-09-20", "2019-01-01", "2019-08-31", at("2019-03-01", "A"), at("2019-07-01", "B1")),
			}},
			at: "2019-09-25", want: followup.OnTrack,
			sv: []string{"2 av 3 kommundelar genomförda", "Ej nådda: Stallarholmen"}, achieved: f(2), expected: f(3 * 243.0 / 365),
		},
		{
			name: "none of three by August: behind",
			b: one{places: places, targets: districts, reports: []followup.Report{
				rep("t2", "2019-09-20", "2019-01-01", "2019-08-31", followup.Update{Occurrences: []followup.Occurrence{{Date: d("2019-03-01"), Place: sv("Abborrberget", "Abborrberget")}}}),
			}},
			at: "2019-09-25", want: followup.Behind, sv: []string{"0 av 3 kommundelar genomförda", "Ej nådda: Åker, Mariefred och Stallarholmen"},
		},
		{
			name: "all three: achieved",
			b: one{places: places, targets: districts, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", at("2019-03-01", "A", "C"), at("2019-07-01", "B")),
			}},
			at: "2020-01-31", want: followup.Achieved, sv: []string{"3 av 3 kommundelar"},
		},
		{
			name: "work elsewhere does not count",
			b: one{places: places, targets: districts, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Occurrences: []followup.Occurrence{{Date: d("2019-03-01"), Place: sv("Abborrberget", "Abborrberget")}, {Date: d("2019-03-02"), PlaceID: id("A")}}}),
			}},
			at: "2020-01-31", want: followup.NotAchieved, sv: []string{"1 av 3"},
		},
		{
			name: "a number of things without places",
			b: one{targets: []promise.Target{{Kind: promise.Coverage, Value: f(4), Unit: sv("skolor", "schools")}}, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Occurrences: []followup.Occurrence{
					{Date: d("2019-03-01"), Place: sv("Skola A", "")}, {Date: d("2019-04-01"), Place: sv("skola a", "")}, {Date: d("2019-05-01"), Place: sv("Skola B", "")},
				}}),
			}},
			at: "2020-01-31", want: followup.PartlyAchieved, sv: []string{"2 av 4 skolor"},
		},
		{
			name: "reported, but no place: cannot be assessed, the loose figure shown",
			b: one{places: places, targets: districts, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Results: []followup.Result{{Value: new(303.0), Unit: sv("trafikkontroller", "traffic controls")}}}),
			}},
			at: "2020-01-31", want: followup.Unassessable,
			sv: []string{"Inga nådda platser rapporterade (mål: Åker, Mariefred och Stallarholmen)", "Rapporterat: 303 trafikkontroller"}, en: []string{"Reported: 303 traffic controls"},
		},
	})
}

func TestContinuous(t *testing.T) {
	cont := []promise.Target{{Kind: promise.Continuous}}
	runRules(t, []ruleCase{
		{
			name: "the latest assessment",
			b: one{targets: cont, reports: []followup.Report{
				rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", asm(followup.OnTrack)),
				rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", asm(followup.AtRisk)),
			}},
			at: "2019-09-25", want: followup.AtRisk, sv: []string{"Bedömning (Kommunen, 2019-09-20): ”Risk för förseningar”", "Motivering."},
		},
		{
			name: "a period without an assessment",
			b: one{targets: cont, reports: []followup.Report{
				rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", asm(followup.OnTrack)),
				rep("t2", "2019-09-20", "2019-05-01", "2019-08-31", followup.Update{Narrative: sv("Inget att rapportera", "")}),
			}},
			at: "2019-10-01", want: followup.NotReported, sv: []string{"Ingen bedömning för 2019-05-01–2019-08-31"},
		},
		{
			name: "on track at the end is achieved",
			b: one{targets: cont, reports: []followup.Report{
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", asm(followup.OnTrack)),
			}},
			at: "2020-02-01", want: followup.Achieved, sv: []string{"Perioden är slut; den sista bedömningen (Kommunen, 2020-01-20) var ”Enligt plan”"},
		},
		{
			name: "at risk at the end is partly achieved",
			b:    one{targets: cont, reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", asm(followup.AtRisk))}},
			at:   "2020-02-01", want: followup.PartlyAchieved,
		},
		{
			name: "no assessment yet, none due",
			b:    one{targets: cont},
			at:   "2019-02-01", want: followup.AwaitingReport, sv: []string{"Ingen bedömning ännu", "senast 2019-05-31"},
		},
	})
}

func TestUnmeasurable(t *testing.T) {
	none := []promise.Target{{Kind: promise.Unmeasurable}}
	runRules(t, []ruleCase{
		{
			name: "an assessment",
			b:    one{targets: none, reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", asm(followup.Behind))}},
			at:   "2019-06-01", want: followup.Behind,
		},
		{
			name: "reported, no assessment: cannot be assessed",
			b:    one{targets: none, reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("Vi har synts", "")})}},
			at:   "2019-06-01", want: followup.Unassessable, sv: []string{"Inget mätbart utlovades"}, en: []string{"Nothing measurable was promised"},
		},
		{
			name: "no targets at all is the same",
			b:    one{reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("Vi har synts", "")})}},
			at:   "2019-06-01", want: followup.Unassessable,
		},
		{
			name: "the reason cites the latest report's loose figures",
			b: one{targets: none, reports: []followup.Report{
				rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Results: []followup.Result{{Value: new(88.0), Unit: sv("kontroller", "controls")}}}),
				rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Results: []followup.Result{{Value: new(303.0), Unit: sv("kontroller", "controls"), Description: sv("303 kontroller i hela kommunen.", "303 controls in the whole municipality.")}}}),
			}},
			at: "2020-02-01", want: followup.Unassessable,
			sv: []string{"Rapporterat: 303 kontroller i hela kommunen."}, en: []string{"Reported: 303 controls in the whole municipality."}, notSv: []string{"88"},
		},
		{
			name: "not reported",
			b:    one{targets: none},
			at:   "2019-06-01", want: followup.NotReported, sv: []string{"Uppföljning saknas för 2019-01-01–2019-04-30 (senast 2019-05-31)"},
		},
		{
			name: "an assessment at the end becomes a verdict",
			b:    one{targets: none, reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", asm(followup.Behind))}},
			at:   "2020-02-01", want: followup.NotAchieved,
		},
	})
}

func TestIndicator(t *testing.T) {
	safe := func(dir promise.Direction, base, goal float64, action *float64) []promise.Target {
		return []promise.Target{{Kind: promise.Indicator, Value: f(goal), Direction: dir, Unit: sv("%", "%"),
			Baseline: &promise.Measurement{Value: base, Date: d("2018-10-01")}, ActionThreshold: action}}
	}
	measured := func(v float64, date string) followup.Update { return res(v, date) }
	// From the baseline (2018-10-01) to the end of 2019 is 456 days; to
	// 2019-10-01, 365: 80 % of the time.
	runRules(t, []ruleCase{
		{
			name: "half the change with 80 % of the time: at risk",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("t3", "2019-10-20", "2019-01-01", "2019-10-15", measured(66, "2019-10-01"))}},
			at:   "2019-10-25", want: followup.AtRisk,
			sv:       []string{"Senaste mätning 66\u00a0% (2019-10-01); utgångsvärde 62\u00a0% (2018-10-01), mål 70\u00a0%", "Väntat per 2019-10-01: 68,4\u00a0%"},
			en:       []string{"Latest measurement 66% (2019-10-01)"},
			achieved: f(66), expected: f(62 + 8*365.0/456), progress: f(0.5),
		},
		{
			name: "reached",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("t3", "2019-10-20", "2019-01-01", "2019-10-15", measured(71, "2019-10-01"))}},
			at:   "2019-10-25", want: followup.Achieved, progress: f(1),
		},
		{
			name: "a decrease on pace, action threshold not crossed",
			b:    one{targets: safe(promise.Decrease, 40, 30, f(38)), reports: []followup.Report{rep("t3", "2019-10-20", "2019-01-01", "2019-10-15", measured(31, "2019-10-01"))}},
			at:   "2019-10-25", want: followup.OnTrack, notSv: []string{"Åtgärdsgränsen"},
		},
		{
			name: "the wrong way, action threshold crossed",
			b:    one{targets: safe(promise.Decrease, 40, 30, f(42)), reports: []followup.Report{rep("t3", "2019-10-20", "2019-01-01", "2019-10-15", measured(43, "2019-10-01"))}},
			at:   "2019-10-25", want: followup.Behind, sv: []string{"Åtgärdsgränsen 42\u00a0% är passerad"}, en: []string{"The action threshold 42% has been crossed"},
			progress: f(0),
		},
		{
			name: "partly at the end",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", measured(67, "2019-11-01"))}},
			at:   "2020-02-01", want: followup.PartlyAchieved, sv: []string{"Perioden är slut med 63\u00a0% av förändringen"},
		},
		{
			name: "not achieved at the end",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", measured(63, "2019-11-01"))}},
			at:   "2020-02-01", want: followup.NotAchieved, progress: f(0.125),
		},
		{
			name: "no measurement by the end: cannot be assessed",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("y", "2020-01-20", "2019-01-01", "2019-12-31", followup.Update{Narrative: sv("Mätningen ställdes in", "")})}},
			at:   "2020-02-01", want: followup.Unassessable, sv: []string{"Ingen mätning rapporterad (utgångsvärde 62\u00a0% 2018-10-01; mål 70\u00a0%)"},
		},
		{
			name: "no measurement yet",
			b:    one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{rep("t1", "2019-05-20", "2019-01-01", "2019-04-30", followup.Update{Narrative: sv("Mätning i höst", "")})}},
			at:   "2019-06-01", want: followup.AwaitingReport, sv: []string{"Ingen mätning rapporterad ännu (utgångsvärde 62\u00a0% 2018-10-01; mål 70\u00a0%)"},
		},
		{
			name: "two values of the same date: the least favourable",
			b: one{targets: safe(promise.Increase, 62, 70, nil), reports: []followup.Report{
				rep("a", "2019-10-20", "2019-01-01", "2019-10-15", measured(69, "2019-10-01")),
				by(rep("b", "2019-10-21", "2019-01-01", "2019-10-15", measured(64, "2019-10-01")), "lpo"),
			}},
			at: "2019-10-25", want: followup.Behind, sv: []string{"det minst gynnsamma värdet, 64, används"}, achieved: f(64),
		},
	})
}

func TestWithdrawn(t *testing.T) {
	runRules(t, []ruleCase{
		{
			name: "withdrawn with a reason",
			b:    one{targets: walks4, withdrawn: &promise.Withdrawal{Date: d("2019-06-01"), Reason: sv("Ersatt av nattvandringar.", "Replaced by night walks.")}},
			at:   "2019-07-01", want: followup.Withdrawn, sv: []string{"Återkallat 2019-06-01.", "Ersatt av nattvandringar."}, en: []string{"Withdrawn on 2019-06-01."},
		},
		{
			name: "before the withdrawal it is evaluated",
			b:    one{targets: walks4, withdrawn: &promise.Withdrawal{Date: d("2019-06-01"), Reason: sv("Ersatt.", "Replaced.")}},
			at:   "2019-05-01", want: followup.AwaitingReport,
		},
	})
}

func TestEachYear(t *testing.T) {
	yearly := []promise.Target{{Kind: promise.Count, Value: f(4), Comparison: promise.AtLeast, Scope: promise.EachYear, Unit: sv("möten", "meetings")}}
	period := per("2019-01-01", "2021-12-31")
	y := func(year string, n int) followup.Report {
		dates := make([]string, n)
		for i := range dates {
			dates[i] = year + "-03-0" + string(rune('1'+i))
		}
		return rep("y"+year, year+"-12-31", year+"-01-01", year+"-12-31", occ(dates...))
	}
	yearly2 := func() []promise.Target { return append([]promise.Target(nil), yearly...) }
	runRules(t, []ruleCase{
		{
			name: "the current year on pace, earlier years achieved",
			b:    one{period: period, targets: yearly2(), reports: []followup.Report{y("2019", 4), rep("t1", "2020-05-20", "2020-01-01", "2020-04-30", occ("2020-02-01", "2020-03-01"))}},
			at:   "2020-06-01", want: followup.OnTrack,
			sv: []string{"2020: 2 av minst 4 möten genomförda", "Tidigare år: 2019 uppfyllt"},
		},
		{
			name: "a past year missed caps the status",
			b:    one{period: period, targets: yearly2(), reports: []followup.Report{y("2019", 1), rep("t1", "2020-05-20", "2020-01-01", "2020-04-30", occ("2020-02-01", "2020-03-01"))}},
			at:   "2020-06-01", want: followup.Behind, sv: []string{"Tidigare år: 2019 ej uppfyllt"},
		},
		{
			name: "all years achieved",
			b:    one{period: period, targets: yearly2(), reports: []followup.Report{y("2019", 4), y("2020", 5), y("2021", 4)}},
			at:   "2022-02-01", want: followup.Achieved, progress: f(1),
		},
		{
			name: "one year short: partly",
			b:    one{period: period, targets: yearly2(), reports: []followup.Report{y("2019", 4), y("2020", 1), y("2021", 4)}},
			at:   "2022-02-01", want: followup.PartlyAchieved, progress: f(0.75),
		},
	})
}
