package followup

import (
	"bytes"
	"math"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// vreport is a report seen at the date evaluated.
type vreport struct {
	r *Report
	// seen is the report's date: it is invisible before.
	seen promise.Date
	// cover is the period the report speaks for; its End is never zero.
	cover promise.Period
}

// Visible returns the reports of citizen promise cp that are seen at date
// at, oldest first: those dated on or before at, one per report id. When
// an id occurs twice the later-dated copy is used (on a tie, the first in
// the bundle). A report without a date counts as dated at the end of its
// period; one with neither is ignored. Reports are ordered by date, then by the end and start of their
// period, then by id, so that the order of b.Reports does not matter.
func (b *Bundle) Visible(cp uuid.UUID, at promise.Date) []*Report {
	vs, _ := visible(b, cp, at)
	out := make([]*Report, len(vs))
	for i, v := range vs {
		out[i] = v.r
	}
	return out
}

func visible(b *Bundle, cp uuid.UUID, at promise.Date) ([]*vreport, []Warning) {
	if b == nil {
		return nil, nil
	}
	var (
		out   []*vreport
		warns []Warning
		byID  = make(map[uuid.UUID]int)
	)
	for i := range b.Reports {
		r := &b.Reports[i]
		if r.CitizenPromiseID != cp {
			continue
		}
		v := newVReport(r)
		if v.seen.IsZero() {
			warns = append(warns, Warning{ReportID: r.ID, Message: sayNoDate.now()})
			continue
		}
		if v.seen.After(at) {
			continue
		}
		if j, dup := byID[r.ID]; dup && r.ID != uuid.Nil {
			old := out[j]
			used, other := old, v
			if v.seen.After(old.seen) {
				out[j], used, other = v, v, old
			}
			warns = append(warns, Warning{ReportID: r.ID, Message: sayDupReport.now(r.ID.String(), used.seen, other.seen)})
			continue
		}
		byID[r.ID] = len(out)
		out = append(out, v)
	}
	slices.SortStableFunc(out, compareReports)
	return out, warns
}

func newVReport(r *Report) *vreport {
	p := r.Period
	seen := r.Date
	if seen.IsZero() {
		seen = p.End
		if seen.IsZero() {
			seen = p.Start
		}
	}
	if p.Start.IsZero() {
		p.Start = seen
	}
	if p.End.IsZero() || p.End.Before(p.Start) {
		p.End = later(seen, p.Start)
	}
	return &vreport{r: r, seen: seen, cover: promise.Period{Start: p.Start, End: p.End}}
}

func compareReports(a, b *vreport) int {
	if c := a.seen.Compare(b.seen); c != 0 {
		return c
	}
	if c := a.cover.End.Compare(b.cover.End); c != 0 {
		return c
	}
	if c := a.cover.Start.Compare(b.cover.Start); c != 0 {
		return c
	}
	return bytes.Compare(a.r.ID[:], b.r.ID[:])
}

// cpIndex holds what the reports seen at the date evaluated say about one
// citizen promise, indexed for the rules. It is built once per citizen
// promise and read by every snapshot (the current one and the history).
type cpIndex struct {
	doc     *promise.Document
	cp      *promise.CitizenPromise
	at      promise.Date
	th      promise.Thresholds
	cal     []promise.ReportingPeriod
	reports []*vreport
	acts    map[uuid.UUID]*actFacts
	targets map[uuid.UUID]*targetFacts
	parties map[uuid.UUID]*promise.Party
	places  map[uuid.UUID]*promise.Place
	results []looseResult
	warns   []Warning
	// buf is scratch space for rendering reasons.
	buf []byte
	// nums is where the numbers of outcomes are allocated, many at a
	// time; see num.
	nums []float64
}

// num returns a pointer to v, allocated with others.
func (ix *cpIndex) num(v float64) *float64 {
	if len(ix.nums) == 0 {
		ix.nums = make([]float64, 256)
	}
	p := &ix.nums[0]
	*p = v
	ix.nums = ix.nums[1:]
	return p
}

// looseResult is a figure that belongs to no target, with the date of the
// report it was first seen in.
type looseResult struct {
	Result
	seen promise.Date
}

// actFacts is what the reports say about one activity.
type actFacts struct {
	a       *promise.Activity
	updates []updRef // in report order
	// single is the activity's only target of kind count, recurring or
	// coverage, which entries without a target count towards; nil when
	// there is not exactly one.
	single      *promise.Target
	completions []seenDate
	other       *occGroups // entries towards no target
	results     []looseResult
	resultKeys  map[resultKey]bool
}

type updRef struct {
	vr *vreport
	u  *Update
}

type seenDate struct {
	date, seen promise.Date
}

// targetFacts is what the reports say about one target.
type targetFacts struct {
	t    *promise.Target
	act  *actFacts // nil for a target of the expected effect
	occ  *occGroups
	figs []fig // sorted by date
	// ivs caches the intervals of a recurring target for the window
	// ivsFrom–ivsTo.
	ivs            []recurInterval
	ivsFrom, ivsTo promise.Date
}

// fig is a reported figure (a Result) for a target.
type fig struct {
	value float64
	date  promise.Date
	vr    *vreport
}

// occGroups holds dated entries (occurrences), deduplicated: entries with
// the same date, count, target and place are the same work. Within one
// report identical entries add up (two walks listed twice are two walks);
// across reports the largest tally wins, so that reports that overlap or
// accumulate ("May–July", then "May–December") never count an entry
// twice.
type occGroups struct {
	list  []occGroup
	index map[occKey]int
}

type occKey struct {
	date      promise.Date
	count     int
	place     uuid.UUID
	placeText string
}

type occGroup struct {
	key   occKey
	first *Occurrence
	// tallies is one total per report, in report order.
	tallies []tally
}

type tally struct {
	vr     *vreport
	amount float64
}

func (g *occGroups) add(o *Occurrence, date promise.Date, vr *vreport) {
	n := o.Count
	if n == 0 {
		n = 1
	}
	k := occKey{date: date, count: n, place: o.PlaceID, placeText: strings.ToLower(strings.TrimSpace(o.Place.In("sv")))}
	if g.index == nil {
		g.index = make(map[occKey]int)
	}
	i, ok := g.index[k]
	if !ok {
		i = len(g.list)
		g.index[k] = i
		g.list = append(g.list, occGroup{key: k, first: o})
	}
	grp := &g.list[i]
	if t := len(grp.tallies); t > 0 && grp.tallies[t-1].vr == vr {
		grp.tallies[t-1].amount += float64(n)
		return
	}
	grp.tallies = append(grp.tallies, tally{vr: vr, amount: float64(n)})
}

// amount returns how many things the group stands for, as known at known.
func (grp *occGroup) amount(known promise.Date) float64 {
	best := 0.0
	for _, t := range grp.tallies {
		if !t.vr.seen.After(known) && t.amount > best {
			best = t.amount
		}
	}
	return best
}

// sum returns the total of the entries dated within [from, to] as known
// at known; a zero from means no lower bound.
func (g *occGroups) sum(known, from, to promise.Date) float64 {
	if g == nil {
		return 0
	}
	s := 0.0
	for i := range g.list {
		grp := &g.list[i]
		if grp.key.date.After(to) || (!from.IsZero() && grp.key.date.Before(from)) {
			continue
		}
		s += grp.amount(known)
	}
	return s
}

type resultKey struct {
	value float64
	date  promise.Date
	what  string
}

var (
	sayNoDate        = phrase{"rapporten har varken datum eller period: den bortses från", "the report has neither a date nor a period: it is ignored"}
	sayDupReport     = phrase{"rapporten %s förekommer två gånger: versionen daterad %s används, den daterad %s bortses från", "report %s occurs twice: the copy dated %s is used, the one dated %s is ignored"}
	sayUnknownCP     = phrase{"rapporten gäller medborgarlöftet %s, som inte finns i dokumentet", "the report is about citizen promise %s, which is not in the document"}
	sayUnknownAct    = phrase{"rapporten har en uppdatering för aktiviteten %s, som inte finns i medborgarlöftet", "the report updates activity %s, which is not in the citizen promise"}
	sayUnknownTarget = phrase{"%s hänvisar till målet %s, som inte finns i medborgarlöftet: uppgiften räknas inte mot något mål", "%s refers to target %s, which is not in the citizen promise: it counts towards no target"}
	sayNotANumber    = phrase{"ett resultat har värdet %s, som inte är ett tal: det bortses från", "a result has the value %s, which is not a number: it is ignored"}
	sayNegativeCount = phrase{"en post har antalet %s: negativa antal bortses från", "an entry has the count %s: negative counts are ignored"}
	sayBadAssessment = phrase{"en bedömning har statusen %s, som inte kan vara en bedömning: den bortses från", "an assessment has the status %s, which cannot be an assessment: it is ignored"}
	sayBadThresholds = phrase{"gränsvärdena är ogiltiga: standardvärdena används", "the thresholds are invalid: the defaults are used"}
	wordOccurrence   = promise.Text{"sv": "en post", "en": "an entry"}
	wordResult       = promise.Text{"sv": "ett resultat", "en": "a result"}
	assessableKinds  = [numStatuses]bool{NotStarted: true, OnTrack: true, AtRisk: true, Behind: true, Achieved: true, PartlyAchieved: true, NotAchieved: true, Unassessable: true}
)

// validAssessment reports whether a is an assessment the rules can use.
func validAssessment(a *Assessment) bool {
	return a != nil && a.Status < numStatuses && assessableKinds[a.Status]
}

func newIndex(doc *promise.Document, cp *promise.CitizenPromise, b *Bundle, at promise.Date) *cpIndex {
	ix := &cpIndex{
		doc:     doc,
		cp:      cp,
		at:      at,
		acts:    make(map[uuid.UUID]*actFacts, len(cp.Activities)),
		targets: make(map[uuid.UUID]*targetFacts),
		parties: make(map[uuid.UUID]*promise.Party, len(doc.Parties)),
		places:  make(map[uuid.UUID]*promise.Place, len(doc.Places)),
	}
	var ok bool
	if ix.th, ok = resolveThresholds(cp.Thresholds); !ok {
		ix.warns = append(ix.warns, Warning{Message: sayBadThresholds.now()})
	}
	ix.cal = Calendar(cp, at)
	for i := range doc.Parties {
		ix.parties[doc.Parties[i].ID] = &doc.Parties[i]
	}
	for i := range doc.Places {
		ix.places[doc.Places[i].ID] = &doc.Places[i]
	}
	for i := range cp.Activities {
		a := &cp.Activities[i]
		af := &actFacts{a: a, other: &occGroups{}}
		ix.acts[a.ID] = af
		countable := 0
		for j := range a.Targets {
			t := &a.Targets[j]
			ix.targets[t.ID] = &targetFacts{t: t, act: af, occ: &occGroups{}}
			switch t.Kind {
			case promise.Count, promise.Recurring, promise.Coverage:
				countable++
				af.single = t
			}
		}
		if countable != 1 {
			af.single = nil
		}
	}
	if cp.Effect != nil {
		for j := range cp.Effect.Targets {
			t := &cp.Effect.Targets[j]
			ix.targets[t.ID] = &targetFacts{t: t, occ: &occGroups{}}
		}
	}
	var warns []Warning
	ix.reports, warns = visible(b, cp.ID, at)
	ix.warns = append(ix.warns, warns...)
	cpKeys := make(map[resultKey]bool)
	for _, vr := range ix.reports {
		for i := range vr.r.Results {
			ix.result(&vr.r.Results[i], vr, nil, &ix.results, cpKeys)
		}
		for i := range vr.r.Updates {
			u := &vr.r.Updates[i]
			af := ix.acts[u.ActivityID]
			if af == nil {
				ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: u.ActivityID, Message: sayUnknownAct.now(u.ActivityID.String())})
				continue
			}
			ix.update(u, vr, af)
		}
	}
	for _, tf := range ix.targets {
		slices.SortStableFunc(tf.figs, func(a, b fig) int { return a.date.Compare(b.date) })
	}
	return ix
}

func (ix *cpIndex) update(u *Update, vr *vreport, af *actFacts) {
	af.updates = append(af.updates, updRef{vr: vr, u: u})
	if u.Assessment != nil && !validAssessment(u.Assessment) {
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayBadAssessment.now(u.Assessment.Status.String())})
	}
	if !u.Completed.IsZero() && !u.Completed.After(ix.at) {
		af.completions = append(af.completions, seenDate{date: u.Completed, seen: vr.seen})
	}
	for i := range u.Occurrences {
		o := &u.Occurrences[i]
		d := o.Date
		if d.IsZero() {
			d = vr.cover.End
		}
		if d.After(ix.at) {
			continue
		}
		if o.Count < 0 {
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayNegativeCount.now(o.Count)})
			continue
		}
		switch {
		case o.TargetID != uuid.Nil:
			if tf := ix.targets[o.TargetID]; tf != nil {
				tf.occ.add(o, d, vr)
				continue
			}
			ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: af.a.ID, Message: sayUnknownTarget.now(wordOccurrence, o.TargetID.String())})
		case af.single != nil:
			ix.targets[af.single.ID].occ.add(o, d, vr)
			continue
		}
		af.other.add(o, d, vr)
	}
	if af.resultKeys == nil {
		af.resultKeys = make(map[resultKey]bool)
	}
	for i := range u.Results {
		ix.result(&u.Results[i], vr, af, &af.results, af.resultKeys)
	}
}

// result files a reported figure under its target, or among the results
// that belong to no target (identical ones once).
func (ix *cpIndex) result(r *Result, vr *vreport, af *actFacts, loose *[]looseResult, seen map[resultKey]bool) {
	var actID uuid.UUID
	if af != nil {
		actID = af.a.ID
	}
	if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: actID, Message: sayNotANumber.now(formatNumber(r.Value, 0, "en"))})
		return
	}
	d := r.Date
	if d.IsZero() {
		d = vr.cover.End
	}
	if d.After(ix.at) {
		return
	}
	if r.TargetID != uuid.Nil {
		if tf := ix.targets[r.TargetID]; tf != nil {
			tf.figs = append(tf.figs, fig{value: r.Value, date: d, vr: vr})
			return
		}
		ix.warns = append(ix.warns, Warning{ReportID: vr.r.ID, ActivityID: actID, Message: sayUnknownTarget.now(wordResult, r.TargetID.String())})
	}
	k := resultKey{value: r.Value, date: d, what: r.Description.In("sv") + "\x00" + r.Unit.In("sv")}
	if seen[k] {
		return
	}
	seen[k] = true
	x := *r
	x.Date = d
	*loose = append(*loose, looseResult{Result: x, seen: vr.seen})
}

// partyName is a party's short name, else its name, else its id.
func (ix *cpIndex) partyName(id uuid.UUID) promise.Text {
	if p := ix.parties[id]; p != nil {
		if !p.ShortName.IsZero() {
			return p.ShortName
		}
		if !p.Name.IsZero() {
			return p.Name
		}
	}
	return promise.Text{"sv": id.String()}
}

func (ix *cpIndex) placeName(id uuid.UUID) promise.Text {
	if p := ix.places[id]; p != nil && !p.Name.IsZero() {
		return p.Name
	}
	return promise.Text{"sv": id.String()}
}

// within reports whether place p is q or lies within q, following the
// places' parents.
func (ix *cpIndex) within(p, q uuid.UUID) bool {
	for i := 0; p != uuid.Nil && i <= len(ix.places); i++ {
		if p == q {
			return true
		}
		pl := ix.places[p]
		if pl == nil {
			return false
		}
		p = pl.ParentID
	}
	return false
}

// Defaults of [promise.Thresholds], used where a citizen promise sets
// none.
const (
	DefaultOnTrack        = 0.9
	DefaultAtRisk         = 0.6
	DefaultPartlyAchieved = 0.5
)

// resolveThresholds fills in the defaults; ok is false (and the defaults
// are returned) when the result breaks 0 < atRisk ≤ onTrack ≤ 1 and
// 0 < partlyAchieved ≤ 1.
func resolveThresholds(t *promise.Thresholds) (promise.Thresholds, bool) {
	def := promise.Thresholds{OnTrack: DefaultOnTrack, AtRisk: DefaultAtRisk, PartlyAchieved: DefaultPartlyAchieved}
	if t == nil {
		return def, true
	}
	out := def
	if t.OnTrack != 0 {
		out.OnTrack = t.OnTrack
	}
	if t.AtRisk != 0 {
		out.AtRisk = t.AtRisk
	}
	if t.PartlyAchieved != 0 {
		out.PartlyAchieved = t.PartlyAchieved
	}
	if !(0 < out.AtRisk && out.AtRisk <= out.OnTrack && out.OnTrack <= 1 && 0 < out.PartlyAchieved && out.PartlyAchieved <= 1) {
		return def, false
	}
	return out, true
}
