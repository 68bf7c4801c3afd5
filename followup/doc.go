// Package followup holds follow-up reports (uppföljningar) of citizen
// promises and the rules that derive an explainable status for each
// target, activity, promise and citizen promise at a date.
//
// A [Bundle] is one promise document with its [Report] values. [Evaluate]
// turns a bundle and a date into an [Evaluation]: for every citizen
// promise (and every action plan, which is followed up the same way) a
// [Rollup] with counts per [Status], for every promise a roll-up
// of the activities that serve it, for every activity and target an
// [Outcome] (a status, a reason in Swedish and English with the numbers
// behind it, the achieved, target and expected values, and the share
// done), the conflicts between reports, the reporting [Calendar], and the
// history: the outcome at the end of each reporting period that has
// ended. Evaluate is a pure function of the bundle and the date: no clock,
// no I/O, no shared state; the same input always gives the same output,
// whatever the order of the reports; it may run on one bundle from many
// goroutines at once. The package stays small (no templates, no
// reflection of its own) so that the widget can compile it to
// WebAssembly; package followup/publish renders evaluations as Markdown
// and HTML.
//
// # What is seen at a date: two views of time
//
// Evaluating at a date D judges the time up to D. Nothing that happened
// after D counts: an entry (occurrence), figure (result) or completion
// dated after D is not seen. Which reports are seen depends on the
// [View] ([Options.View], [Evaluation.View] says which was used):
//
//   - the period view (the default, [Evaluate]): every report whose
//     period has ended by D, whenever it was published, and every report
//     published by D. Evaluating 2020 at 2020-12-31 uses the follow-up of
//     2020 published in February 2021: a report counts for the time it
//     covers;
//   - the as-known view ([AsKnownView], for archives): only the reports
//     published by D, as the status could be known that day.
//
// A report without a date (the source does not state it: notStated
// "date") counts as published at the end of its period; one with neither
// date nor period is ignored, with a warning. A report speaks for its
// whole period, even if published before the period ends. When two
// reports share an id, the one with the later date is used (on a tie, the
// first in the bundle) and a [Warning] says so. [Bundle.Visible] lists the
// reports seen.
//
// Dates of the document and reports are as precise as their source (see
// [promise.Date]). The rules read a month or year at the start of a
// period as its first day, and everywhere else as its last: an entry
// dated "2019-05" counts from 2019-05-31, a report dated "2020-01" is
// published on 2020-01-31, a period "2018-10"–"2019" runs from 2018-10-01
// through 2019-12-31. A period whose end the source does not state has no
// end to judge against (it is never "until further notice"); one whose
// start is not stated cannot be assessed.
//
// # The reporting calendar
//
// [Calendar] cuts the citizen promise's period into reporting periods from
// its [promise.Reporting]: months, quarters, tertials (January–April,
// May–August, September–December), half-years or years, or explicit
// periods with their own due dates. The first and last periods are
// clipped to the citizen promise's period. A report is due DueDays after
// its period ends or, by default, on the last day of the following month
// (31 May, 30 September, 31 January for tertials). An open-ended citizen
// promise with a cadence has periods up to the date evaluated.
//
// No calendar is invented: a citizen promise that states no cadence and
// no periods promised no periodic report. Its calendar is one period, its
// whole period, whose (final) report is due after it ends; it gets no
// "not reported" or "late" verdict for any period before. An open-ended
// one, or one whose end is not stated, then has no calendar at all.
//
// # A finished period
//
// After a window ends nothing is "on track": each target has its final
// verdict (achieved, partly achieved, not achieved, or cannot be
// assessed when the reports cover the window without a figure), or, while
// the reports do not yet speak for the whole window, it is
// [AwaitingReport] ("Inväntar rapport") until the report is due, then
// [NotReported]. A final verdict is never undone by a later period
// falling due: a target reached in May stays achieved. Before anything is
// reported, and while no report is yet due, a target that has started is
// awaiting its first report as well.
//
// A reporting period is covered for an activity when the periods of the
// reports seen that update the activity together cover every day of it
// (within the activity's window): one yearly report covers three tertials,
// and "May–July" plus "May–December" cover the second and third. A period
// whose due date has passed (the due date is the last day to report) and
// that is not covered is missing: the activity is [NotReported] — with
// the exceptions below. [CalendarPeriod] says the same for the citizen
// promise as a whole: upcoming, awaiting, received, late or missing.
//
// # The progress rules
//
// The window of an activity is its own window, or else the citizen
// promise's period. "Elapsed" is the share of the window's days from its
// start through a date, both ends included. The pace of a count is judged
// at the date the reports seen speak for (the latest end of their
// periods, not after D): a report for January–April is held against the
// pace at 30 April, not at D, so that a report not yet due does not make
// an activity look late. Before its window starts every target is
// [NotStarted].
//
//   - rate ("minst en trafikkontroll varje dygn"): the latest reported
//     total over a period (a [Result] with its own Period, else over its
//     report's period) divided by the period's days, per day, week,
//     month (30.44 days), quarter, tertial, half-year or year; totals over
//     different periods are never added: the one whose period ends last
//     is used ("71 in May–July" is 0.77 a day; "301 in May–December"
//     1.23). Without totals, the entries from the window's start to the
//     latest date reported. Under way the rate is held against Value
//     itself: on track at Value or more, at risk at OnTrack × Value or
//     more, else behind. Once the total's period reaches the window's
//     end (or the reports cover the window): achieved at Value or more,
//     partly achieved at PartlyAchieved × Value, else not achieved.
//   - count ("minst fyra trygghetsvandringar"): the total is the latest
//     reported figure (a [Result] with the target's id, the total by its
//     date) plus entries dated after it; without a figure, the sum of the
//     entries ([Occurrence], Count 0 meaning 1) for the target, or for the
//     activity when it has exactly one target of kind count, recurring or
//     coverage and the entry names none. Achieved at N or more, "exactly
//     N" included (over-achievement is shown: "3 av 2"; the share done is
//     capped at 1). When the reports cover the whole window: partly
//     achieved at PartlyAchieved × N or more, else not achieved. Before
//     that: missing reports give not reported; a window that has ended
//     awaits its final report (see A finished period); nothing reported
//     yet awaits a report; reported without any figure gives cannot be assessed
//     ("Inget antal rapporterat"); otherwise the total is held against
//     the pace N × elapsed: on track at OnTrack of it or more, at risk at
//     AtRisk or more, else behind. A target split by place counts each
//     share at most its value ("Per plats: Mariefred 2 av 1,
//     Stallarholmen 0 av 1"), when the entries name places.
//   - coverage ("i kommunens samtliga kommundelar"): the places reached
//     are the target's places that an entry names, itself or through a
//     place inside it; entries elsewhere do not count. Without places, the
//     distinct places named (entries without a place count as many as
//     they say), or a reported figure. Then as a count. Without places
//     or a value, of a set whose size the source does not give ("alla
//     skolor", named by Unit): the places reached are counted and shown,
//     but cannot be judged; only a stated outcome or an assessment can.
//   - recurring ("en kontroll per dag"): every calendar interval of the
//     cadence (ISO weeks, months, quarters, tertials, half-years, years),
//     clipped to the window, needs Value entries — a clipped interval its
//     share of them, rounded up, at least one. Among the intervals the
//     reports cover: all met at the end is achieved, a share of at least
//     PartlyAchieved partly achieved, else not achieved; under way, the
//     share met is held against OnTrack and AtRisk like a pace.
//   - milestone ("upprätta ett trafiksäkerhetsråd"): achieved when an
//     update reports it Completed (or an entry names the target) on or
//     before D; not achieved when the reports cover its due date (Due, or
//     the window's end) without it; behind when the due date has passed
//     but the reports do not yet reach it; otherwise on track once
//     reported on, awaiting a report before.
//   - continuous ("fortsätta arbeta med …"): needs an assessment in every
//     reporting period; a period without one is not reported. The status
//     is the latest assessment.
//   - indicator ("öka andelen som känner sig trygga"): the latest measured
//     value (a Result with the target's id) is placed between the baseline
//     and the target value (direction-aware); achieved when it reaches the
//     target; when the reports cover the window, partly achieved at
//     PartlyAchieved of the change or more, else not achieved; before,
//     the position is held against the time elapsed from the baseline's
//     date to the window's end like a pace. A value at or beyond the
//     action threshold is named in the reason. Without a measurement:
//     awaiting a report while the window runs, cannot be assessed once
//     the reports cover it. Direction-only ("färre trafikolyckor", no
//     Value): the latest measurement against the baseline, or, without
//     one, against the earliest measurement in the window; moved the
//     right way is on track (achieved at the end), unchanged or the wrong
//     way behind (not achieved at the end).
//   - none measurable ("verka för att synas mer"), or no target at all:
//     only an assessment says how it went; reported on without one is
//     cannot be assessed; not reported on, as above.
//
// # Outcomes stated in words
//
// A [Result] may state an outcome instead of a figure ("genomfört",
// "delvis", "ej genomfört": Done, PartlyDone, NotDone). It applies to its
// target, or, without a target, to the activity's only target, or to an
// activity without targets. When the target's rule measured nothing, the
// latest stated outcome decides: done is achieved whenever stated; at or
// after the window's end partly done is partly achieved and not done not
// achieved; stated while the window runs they are on track and behind.
// Words are not numbers: for a target of a number greater than one (a
// count, a rate, a recurring target, an indicator), done and partly done
// say nothing about how many, so only not done at the end is a verdict.
// A rule that measured a figure keeps its outcome. The stated outcome is
// named in the reason either way.
//
// A target that counts anew each year (scope "year"; count, coverage and
// milestone) is evaluated per calendar year of its window, each with the
// full Value. The status is the current year's, but a past year that fell
// short caps it while the window runs (a partly achieved year: at risk at
// best; a worse one: behind). When the window is over, the whole is
// achieved if every year was, partly achieved if the mean share of the
// years reaches PartlyAchieved, else not achieved. [TargetStatus.Years]
// holds each year.
//
// When a window has ended and the reports cover it, an assessment's word
// about pace becomes a verdict: on track is achieved, at risk partly
// achieved, behind (or not started) not achieved.
//
// # Thresholds
//
// [promise.Thresholds] of the citizen promise tune the rules; a missing
// one or a zero field means the default: on track at [DefaultOnTrack]
// (0.9) of the expected pace, at risk at [DefaultAtRisk] (0.6), partly
// achieved at the end at [DefaultPartlyAchieved] (0.5) of N. Comparisons
// include the threshold itself (exactly 90 % of the pace is on track).
// Thresholds that break 0 < atRisk ≤ onTrack ≤ 1, 0 < partlyAchieved ≤ 1
// are replaced by the defaults, with a warning.
//
// # Manual assessments
//
// An [Update] may carry an [Assessment]: a party's own status with a
// justification. The latest assessment of an activity is always shown
// ([ActivityStatus.Assessment]). When it comes from the latest report on
// the activity, it is the activity's status (what is shown and rolled
// up), and the computed outcome stays visible beside it in
// [ActivityStatus.Computed] and in the reason ("Beräknad status: …").
// Four computed statuses are not overruled: not reported (a missing
// report stays visible), awaiting report (a final report stays
// awaited), not started, withdrawn. For continuous and
// unmeasurable targets the assessment is the rule itself. Assessments
// with the statuses not reported or withdrawn are ignored, with a
// warning.
//
// # Conflicting and duplicated reports
//
// A party may report only its share, as entries; a [Result] is a total,
// whoever reports it. Figures are never silently merged:
//
//   - two totals of the same date that differ, or an earlier total higher
//     than the latest (a total of things done cannot fall), are a
//     [Conflict]: every figure is kept with its report, date and parties,
//     the reason names them ("Uppgifterna går isär: 5 (Strängnäs kommun,
//     2019-12-17) och 4 (…, 2020-01-28)"), and the lowest is used;
//   - dated entries that add up to more than the total reported for their
//     dates are a conflict too (the total is used);
//   - two measurements of an indicator of the same date that differ: the
//     least favourable is used.
//
// Entries with the same date, count, target and place (id, or name) are
// the same work: within one report they add up, across reports the
// largest tally counts, so that the same report twice, the same content
// under another id, or reports that accumulate ("May–July", then
// "May–December") never count an entry twice. Entries that aggregate
// differently across reports (one entry "7" for May–December after "3"
// for May–July) cannot be told apart: report totals as results instead.
// Identical figures that belong to no target are shown once.
//
// # Roll-ups
//
// An activity with several targets, a promise (the activities that serve
// it) and a citizen promise (all its activities, each once, whichever
// promises it serves) are rolled up from their children's statuses by
// one rule:
//
//   - withdrawn children are counted but ignored; cannot-be-assessed and
//     awaiting-report children are counted and unknown; the rest are the
//     assessable ones;
//   - the share done ([Outcome.Progress]) is the mean of the assessable
//     children's, each already capped at 1, so it never exceeds 100 %;
//   - all assessable achieved: achieved; all not started: not started;
//     all not reported: not reported; none assessable: cannot be
//     assessed (withdrawn if all are withdrawn);
//   - once nothing is under way (no child not started, on track, at risk
//     or behind, and, while the citizen promise's period runs, none not
//     reported): partly achieved if the share done reaches
//     PartlyAchieved, else not achieved;
//   - otherwise on track if the share of assessable children that are
//     achieved, on track or not yet started reaches OnTrack; at risk if
//     the share not in trouble (those, plus at risk and partly achieved)
//     reaches AtRisk; else behind. A roll-up is never behind unless some
//     child is behind, not achieved or not reported;
//   - a roll-up never looks better than its parts: while a child awaits
//     its report, a roll-up that would be achieved, on track or a verdict
//     awaits the report too; while a child cannot be assessed, one that
//     would be achieved or on track cannot be assessed. The reason then
//     says how many were assessed ("1 av 3 aktiviteter bedömda"), and
//     [Rollup.Assessed], [Rollup.Total] and [Rollup.Counted] ("activities"
//     or "targets") say it as data. A promise that no activity serves
//     cannot be assessed ("Inga aktiviteter att bedöma").
//
// [Rollup.Counts] gives how many children have each status ("Uppfyllt 5,
// Kan inte bedömas 1"). A withdrawn promise is withdrawn whatever its
// activities; withdrawing a promise does not withdraw them. An activity or
// promise withdrawn on or before the date is [Withdrawn] with its reason.
// The targets of the expected effect are evaluated
// ([CitizenPromiseStatus.Effect]) but not rolled up: they measure effect,
// not delivery.
//
// # History
//
// For each reporting period that has ended before the date evaluated (the
// latest [MaxHistory] of them), every activity, promise and citizen
// promise has a [PeriodOutcome]: the outcome at the period's end, as data
// (status, progress, numbers and the codes of its reason; no text). It
// counts entries, figures and completions up to the period's end; in the
// period view from every report that covers the period, in the as-known
// view only from reports dated up to its due date (or the date evaluated,
// if earlier), so that a report that came late leaves "not reported" in
// the history of its period while the current status uses it.
//
// # Cost
//
// Evaluate's time and memory grow linearly with the size of the bundle and
// with the number of reporting periods, each bounded: a calendar holds at
// most [MaxReportingPeriods] periods, a history the latest [MaxHistory],
// a recurring target at most [MaxIntervals] intervals (a hundred years of
// days), a target that counts anew each year at most
// [promise.MaxPeriodYears] years; a reason names at most three missing
// periods. What is over a bound cannot be assessed, with a reason that
// says so; only a document that breaks the invariants of package promise
// gets there. The output does not grow with the periods either: a history
// says a run of periods with the same outcome once
// ([PeriodOutcome.Periods]), and the calendar a run of missing periods and
// the upcoming periods after the next one ([CalendarPeriod.Periods]), so
// a small file with a hundred years of months evaluates to about twice
// its size in JSON. A valid bundle of 16 MiB evaluates in well under a
// second on one core (see the cost command of the test tooling for
// figures).
//
// # Statuses
//
// Each [Status] has a stable snake_case token ([Status.String]), labels in
// Swedish and English ([Status.Label]) and a mapping to the completion
// levels of the Open Government Partnership's Independent Reporting
// Mechanism ([Status.OGP]) and to the milestone statuses of the Open
// Contracting Data Standard ([Status.OCDS]):
//
//	token               sv                    en                  OGP           OCDS
//	not_started         Ej påbörjat           Not started         not_started   scheduled
//	on_track            Enligt plan           On track            substantial   scheduled
//	at_risk             Risk för förseningar  At risk             limited       scheduled
//	behind              Försenat              Behind              limited       scheduled
//	achieved            Uppfyllt              Achieved            complete      met
//	partly_achieved     Delvis uppfyllt       Partly achieved     substantial   partiallyMet
//	not_achieved        Ej uppfyllt           Not achieved        limited       notMet
//	awaiting_report     Inväntar rapport      Awaiting report     –             –
//	not_reported        Ej rapporterat        Not reported        –             –
//	cannot_be_assessed  Kan inte bedömas      Cannot be assessed  –             –
//	withdrawn           Återkallat            Withdrawn           –             –
//
// The OGP mapping is by status alone; an outcome's Progress refines it
// (a not-achieved activity with nothing done is OGP "not started"). OGP's
// "no evidence available" and "withdrawn" and OCDS's lack of either are
// the "–" rows.
//
// # Nothing dropped in silence
//
// Every entry, figure and assessment of a valid report is used by the
// rules, shown (loose results, other work, the latest assessment), or
// named in a [Warning] that says why it does not count: an entry dated
// outside the activity's window, an entry or figure for a target whose
// kind cannot use it (a figure for a milestone), a report or update about
// something not in the document, an assessment with a status that cannot
// be one. A report's own result that names activities is shown with each
// of them. Where two sources name different leads for an activity, both
// are kept ([ActivityStatus.Leads]).
//
// # Reasons
//
// Every outcome carries a reason in Swedish and English with the numbers:
// "3 av minst 4 vandringar genomförda; 2,7 väntade per 2019-08-31 (113 %
// av väntat)" / "3 of at least 4 walks done; 2.7 expected by 2019-08-31
// (113% of expected)". Swedish has a decimal comma and a no-break space
// before "%" and between groups of digits from 10 000; dates are ISO
// 8601. An activity that cannot be assessed cites the figures of no
// target that the latest report gave ("Rapporterat: 303
// trafikkontroller"); [ActivityStatus.Results] keeps them all. A reason names at most three missing periods one by
// one and summarises more ("12 perioder, från … till …"), so that an
// evaluation's size grows linearly with the number of reporting periods.
package followup
