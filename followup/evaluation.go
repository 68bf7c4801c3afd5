package followup

import (
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Evaluation is the state of every citizen promise of a [Bundle] at a
// date, as [Evaluate] derives it. It is plain data with JSON tags: the
// report command prints it, the widget renders it.
type Evaluation struct {
	// At is the date evaluated: what happened later is not seen.
	At promise.Date `json:"at,omitzero"`
	// View says which reports were seen: "period" (every report that
	// covers the time up to At, whenever published) or "asKnown" (only
	// those published by At).
	View            View                   `json:"view"`
	CitizenPromises []CitizenPromiseStatus `json:"citizenPromises"`
	// ActionPlans are the evaluations of the document's action plans,
	// which are followed up like citizen promises (they have no
	// promises).
	ActionPlans []CitizenPromiseStatus `json:"actionPlans,omitempty"`
	// Warnings are what the evaluation had to ignore or guess: reports of
	// unknown citizen promises, updates of unknown activities, figures that
	// are not numbers.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Outcome is a status with its reason and the numbers behind it.
type Outcome struct {
	Status Status `json:"status"`
	// Reason says why, in every language of the catalog (package
	// promise/words), with the numbers.
	Reason promise.Text `json:"reason,omitempty"`
	// Codes are the reason as data: the catalog keys of its parts, in
	// order ("followup.pace", "followup.conflict"), for tools that branch
	// on why rather than read it. The numbers are Achieved, Target and
	// Expected.
	Codes []string `json:"codes,omitempty"`
	// Numbers is the achieved and target values as a short phrase ("20 av
	// minst 8 områden" / "20 of at least 8 areas"); nil when there is no
	// number.
	Numbers promise.Text `json:"numbers,omitempty"`
	// Achieved, Target and Expected are the numbers of the rule, nil where
	// it has none: for a count the total reached, N and the total expected
	// by now at the promised pace; for a recurring target the intervals
	// met, the intervals of the window and those ended so far; for a
	// coverage target the places reached, to reach and expected; for an
	// indicator the latest value, the target value and the value expected
	// on the straight line from the baseline.
	Achieved *float64 `json:"achieved,omitempty"`
	Target   *float64 `json:"target,omitempty"`
	Expected *float64 `json:"expected,omitempty"`
	// Progress is the share done, in [0, 1]: over-achievement is capped
	// at 1. Targets without a number count 1 when achieved, else 0.
	Progress float64 `json:"progress"`
}

// Rollup is the outcome of a promise or citizen promise, rolled up from
// its activities, with how many activities stand at each status.
type Rollup struct {
	Outcome
	// Counted says what Counts, Assessed and Total count: "activities"
	// (of a promise or citizen promise) or "targets" (of an activity).
	Counted string `json:"counted"`
	// Counts lists each status that occurs among the children, in the
	// order of the Status constants, with how many have it.
	Counts []StatusCount `json:"counts"`
	// Assessed is how many of the Total children could be assessed: not
	// withdrawn, not cannot-be-assessed and not awaiting a report.
	Assessed int `json:"assessed"`
	Total    int `json:"total"`
}

// StatusCount is how many activities have a status.
type StatusCount struct {
	Status Status `json:"status"`
	Count  int    `json:"count"`
}

// Count returns how many activities have status s.
func (r *Rollup) Count(s Status) int {
	for _, c := range r.Counts {
		if c.Status == s {
			return c.Count
		}
	}
	return 0
}

// CitizenPromiseStatus is the evaluation of one citizen promise.
type CitizenPromiseStatus struct {
	ID promise.ID `json:"id"`
	// Rollup is over the citizen promise's activities, each counted once
	// whichever promises it serves.
	Rollup
	Promises   []PromiseStatus  `json:"promises"`
	Activities []ActivityStatus `json:"activities"`
	// Effect is the evaluation of the expected effect's indicator
	// targets. It is not part of the roll-up.
	Effect []TargetStatus `json:"effect,omitempty"`
	// Calendar is the reporting calendar up to the date evaluated, with
	// which reports cover each period.
	Calendar []CalendarPeriod `json:"calendar"`
	// Reports are the ids of the reports seen, oldest first (see
	// [Bundle.Visible]).
	Reports []promise.ID `json:"reports,omitempty"`
	// LastReport is the date of the latest report seen.
	LastReport promise.Date `json:"lastReport,omitzero"`
	// Texts are the summaries and notes of the reports seen, in the
	// order of Reports, for those that have any: every output shows a
	// report's own words.
	Texts []ReportText `json:"texts,omitempty"`
	// Results are reported figures of the citizen promise as a whole
	// that belong to no target.
	Results []Result `json:"results,omitempty"`
	// History is the roll-up at the end of each reporting period that has
	// ended, as reported by its due date.
	History []PeriodOutcome `json:"history,omitempty"`
}

// ReportText is what a report says in its own words: its summary and its
// notes.
type ReportText struct {
	ReportID promise.ID     `json:"reportId"`
	Summary  promise.Text   `json:"summary,omitempty"`
	Notes    []promise.Note `json:"notes,omitempty"`
}

// PromiseStatus is the evaluation of one promise, rolled up from the
// activities that serve it.
type PromiseStatus struct {
	ID promise.ID `json:"id"`
	Rollup
	// Activities are the ids of the activities that serve the promise.
	Activities []promise.ID    `json:"activities,omitempty"`
	History    []PeriodOutcome `json:"history,omitempty"`
}

// ActivityStatus is the evaluation of one activity.
type ActivityStatus struct {
	ID promise.ID `json:"id"`
	// Outcome is what is shown and rolled up: the latest manual
	// assessment where one applies, else the computed outcome.
	Outcome
	// Computed is the outcome of the progress rules when Outcome comes
	// from a manual assessment instead; nil otherwise.
	Computed *Outcome `json:"computed,omitempty"`
	// Assessment is the latest manual assessment of the activity, with
	// who made it and when.
	Assessment *ReportedAssessment `json:"assessment,omitempty"`
	Targets    []TargetStatus      `json:"targets,omitempty"`
	// Conflicts are figures on which reports disagree.
	Conflicts []Conflict `json:"conflicts,omitempty"`
	// Leads is what each source names as the lead, when the sources
	// disagree about it (the document's LeadsBySource); nil when they
	// agree.
	Leads []promise.SourcedLead `json:"leads,omitempty"`
	// Results are reported figures that belong to no target ("303
	// trafikkontroller").
	Results []Result `json:"results,omitempty"`
	// Occurrences are dated entries that count towards no target: work
	// done elsewhere than promised, or for an activity with nothing to
	// count.
	Occurrences []Occurrence `json:"occurrences,omitempty"`
	// Reports are the ids of the reports seen that say something about
	// the activity, oldest first.
	Reports []promise.ID `json:"reports,omitempty"`
	// History is the outcome at the end of each reporting period that has
	// ended, as reported by its due date.
	History []PeriodOutcome `json:"history,omitempty"`
}

// TargetStatus is the evaluation of one target.
type TargetStatus struct {
	ID   promise.ID         `json:"id"`
	Kind promise.TargetKind `json:"kind"`
	Outcome
	// Years holds one outcome per calendar year for a target that counts
	// anew each year (scope "year"); Outcome is then the whole.
	Years []YearOutcome `json:"years,omitempty"`
}

// YearOutcome is the outcome of one calendar year of a yearly target.
type YearOutcome struct {
	Year int `json:"year"`
	Outcome
}

// PeriodOutcome is an outcome at the end of a reporting period, as data:
// its status, numbers and the codes of its reason, without the reason's
// text or the numbers phrase (a history has an entry per period and
// activity; see [MaxHistory]).
type PeriodOutcome struct {
	Period promise.Period `json:"period"`
	// Periods is how many reporting periods in a row ended with this
	// same outcome, when more than one: Period then runs from the first
	// one's start to the last one's end. A history holds one entry for a
	// run, so that its size grows with the changes, not with the periods.
	Periods int `json:"periods,omitempty"`
	Outcome
}

// ReportedAssessment is a manual assessment with the report it comes from.
type ReportedAssessment struct {
	Assessment
	ReportID   promise.ID   `json:"reportId"`
	Date       promise.Date `json:"date"`
	ReportedBy []promise.ID `json:"reportedBy,omitempty"`
}

// Conflict is a figure on which reports disagree. Every figure is kept;
// the lowest (for an indicator: the least favourable) is the one used.
type Conflict struct {
	TargetID promise.ID `json:"targetId"`
	Used     float64    `json:"used"`
	Figures  []Figure   `json:"figures"`
}

// Figure is one reported value of a [Conflict].
type Figure struct {
	Value float64 `json:"value"`
	// Date is the date the value is for.
	Date promise.Date `json:"date"`
	// ReportID is the report that gives the value; zero for the sum of
	// dated entries (occurrences).
	ReportID   promise.ID   `json:"reportId,omitzero"`
	ReportDate promise.Date `json:"reportDate,omitzero"`
	ReportedBy []promise.ID `json:"reportedBy,omitempty"`
	// Entries marks the sum of dated entries rather than a reported
	// total.
	Entries bool `json:"entries,omitempty"`
}

// CalendarState says where a reporting period stands.
type CalendarState string

// The states of a [CalendarPeriod].
const (
	PeriodUpcoming CalendarState = "upcoming" // the period has not ended
	PeriodAwaiting CalendarState = "awaiting" // ended, not yet reported, not yet due
	PeriodReceived CalendarState = "received" // reported by its due date
	PeriodLate     CalendarState = "late"     // reported after its due date
	PeriodMissing  CalendarState = "missing"  // due, and not reported
)

// CalendarPeriod is a reporting period with the reports that cover it.
type CalendarPeriod struct {
	promise.ReportingPeriod
	// Periods is how many reporting periods in a row this entry stands
	// for, when more than one: a run of missing periods that no report
	// covers, or of the upcoming periods after the next one, from the
	// first one's start to the last one's end and due date; FirstDue is
	// then the first one's due date (how long the run has been overdue).
	Periods  int           `json:"periods,omitempty"`
	FirstDue promise.Date  `json:"firstDue,omitzero"`
	State    CalendarState `json:"state"`
	// Received is the date by which the reports seen together covered
	// the whole period; zero if they do not yet.
	Received promise.Date `json:"received,omitzero"`
	// Reports are the ids of the reports seen whose period overlaps this
	// one.
	Reports []promise.ID `json:"reports,omitempty"`
}

// Warning is something the evaluation ignored or had to guess.
type Warning struct {
	ReportID   promise.ID   `json:"reportId,omitzero"`
	ActivityID promise.ID   `json:"activityId,omitzero"`
	Message    promise.Text `json:"message"`
}

// CitizenPromise returns the evaluation of the citizen promise with the
// given id, or nil.
func (e *Evaluation) CitizenPromise(id promise.ID) *CitizenPromiseStatus {
	for i := range e.CitizenPromises {
		if e.CitizenPromises[i].ID == id {
			return &e.CitizenPromises[i]
		}
	}
	return nil
}

// Activity returns the evaluation of the activity with the given id, or
// nil.
func (c *CitizenPromiseStatus) Activity(id promise.ID) *ActivityStatus {
	for i := range c.Activities {
		if c.Activities[i].ID == id {
			return &c.Activities[i]
		}
	}
	return nil
}

// Promise returns the evaluation of the promise with the given id, or nil.
func (c *CitizenPromiseStatus) Promise(id promise.ID) *PromiseStatus {
	for i := range c.Promises {
		if c.Promises[i].ID == id {
			return &c.Promises[i]
		}
	}
	return nil
}

// Activity returns the evaluation of the activity with the given id in
// any citizen promise, or nil.
func (e *Evaluation) Activity(id promise.ID) *ActivityStatus {
	for i := range e.CitizenPromises {
		if a := e.CitizenPromises[i].Activity(id); a != nil {
			return a
		}
	}
	return nil
}
