package view

import (
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// nilID is the zero ID: no id.
var nilID promise.ID

// Options choose what Build shows. The zero value shows everything.
type Options struct {
	// Promise, when not the zero ID, is the one promise to show: its
	// citizen promise with only that promise, its activities and its
	// roll-up as the summary.
	Promise promise.ID
}

// Build returns the page of evaluation e of bundle b in lang (a language
// of the catalog; another gets the default's words and the data's texts
// in lang where it has them). It only reads b and e. With opts.Promise
// naming no promise of b, the page has no sections.
func Build(b *followup.Bundle, e *followup.Evaluation, lang string, opts Options) *Page {
	data := lang
	lang = words.Lang(lang)
	p := &Page{Lang: lang, View: e.View.String()}
	p.At = DateOf(e.At, lang)
	p.ViewNote = words.Key("publish.viewPeriod").In(lang)
	p.HistoryNote = words.Key("publish.historyNote").In(lang)
	if e.View == followup.AsKnownView {
		p.ViewNote = words.Key("publish.viewAsKnown").In(lang)
		p.HistoryNote = words.Key("publish.historyNoteAsKnown").In(lang)
	}
	if b == nil {
		return p
	}
	doc := &b.Document
	bl := builder{b: b, e: e, doc: doc, lang: lang, data: data, only: opts.Promise}
	p.Title = bl.text(doc.Title)
	if p.Title.S == "" {
		p.Title = Text{S: words.Key("publish.defaultTitle").In(lang)}
	}
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if opts.Promise != nilID && !hasPromise(cp, opts.Promise) {
			continue
		}
		if st := e.CitizenPromise(cp.ID); st != nil {
			p.Sections = append(p.Sections, bl.citizenPromise(cp, st))
		}
	}
	if opts.Promise == nilID {
		for i := range doc.ActionPlans {
			ap := &doc.ActionPlans[i]
			for j := range e.ActionPlans {
				if e.ActionPlans[j].ID == ap.ID {
					p.Sections = append(p.Sections, bl.actionPlan(ap, &e.ActionPlans[j]))
				}
			}
		}
	}
	if len(p.Sections) == 1 {
		p.Title = Text{S: words.M("view.followUpOf", p.Sections[0].Title.S).In(lang), Lang: p.Sections[0].Title.Lang}
	}
	return p
}

func hasPromise(cp *promise.CitizenPromise, id promise.ID) bool {
	for i := range cp.Promises {
		if cp.Promises[i].ID == id {
			return true
		}
	}
	return false
}

// themeIndex is the place of theme id in the document, -1 if none.
func themeIndex(doc *promise.Document, id promise.ID) int {
	for i := range doc.Themes {
		if doc.Themes[i].ID == id {
			return i
		}
	}
	return -1
}

func hasCode(codes []string, c string) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// BuildReport is Build for a published report: the page with, besides,
// the expected effect, the history of each section as a whole, the
// reporting calendar, the reports seen with their own words, and the
// figures of no target. (The widget shows none of it and does not link
// the code.)
func BuildReport(b *followup.Bundle, e *followup.Evaluation, lang string) *Page {
	p := Build(b, e, lang, Options{})
	if b == nil {
		return p
	}
	bl := builder{b: b, e: e, doc: &b.Document, lang: p.Lang, data: lang}
	for i := range p.Sections {
		sec := &p.Sections[i]
		id, _ := promise.ParseID(sec.ID)
		st := e.CitizenPromise(id)
		for j := range e.ActionPlans {
			if e.ActionPlans[j].ID == id {
				st = &e.ActionPlans[j]
			}
		}
		if st == nil {
			continue
		}
		bl.extras(sec, st)
		for j := range b.Document.CitizenPromises {
			if cp := &b.Document.CitizenPromises[j]; cp.ID == id && cp.Effect != nil {
				bl.effect(sec, cp, st)
			}
		}
	}
	return p
}

func (bl *builder) effect(sec *Section, cp *promise.CitizenPromise, st *followup.CitizenPromiseStatus) {
	lang := bl.lang
	for _, ts := range st.Effect {
		for _, tg := range cp.Effect.Targets {
			if tg.ID == ts.ID {
				sec.Effect = append(sec.Effect, Target{Text: bl.text(tg.Description), Status: bl.status(ts.Status), Numbers: ts.Numbers.In(lang), Reason: ts.Reason.In(lang)})
			}
		}
	}
}

// extras fills what only the report shows: the calendar, the history of
// the whole, the reports and the figures of no target.
func (bl *builder) extras(sec *Section, st *followup.CitizenPromiseStatus) {
	lang := bl.lang
	for _, c := range st.Calendar {
		sec.Calendar = append(sec.Calendar, CalendarRow{
			Period:   withPeriods(PeriodText(c.Period, lang), c.Periods, lang),
			FirstDue: bl.date(c.FirstDue),
			Due:      bl.date(c.Due),
			State:    words.Key("calendar." + string(c.State)).In(lang),
			Received: bl.date(c.Received),
		})
	}
	sec.History = bl.history(st.History)
	for _, r := range bl.b.Visible(st.ID, bl.e.At, bl.e.View) {
		sec.Reports = append(sec.Reports, bl.report(r))
	}
	for _, r := range st.Results {
		sec.Results = append(sec.Results, bl.result(r))
	}
}

type builder struct {
	_    noCompare
	b    *followup.Bundle
	e    *followup.Evaluation
	doc  *promise.Document
	lang string // the catalog's language
	data string // the language asked for, of the data's texts
	only promise.ID
}

// text returns t in the language asked for, marked with its own language
// when it is not the page's.
func (bl *builder) text(t promise.Text) Text {
	s := strings.TrimSpace(t.In(bl.data))
	if s == "" || strings.TrimSpace(t[bl.data]) == s {
		return Text{S: s}
	}
	// In fell back: find which language it took.
	lang := ""
	for k, v := range t {
		if strings.TrimSpace(v) == s && (lang == "" || k == promise.DefaultLanguage || (lang != promise.DefaultLanguage && k < lang)) {
			lang = k
		}
	}
	if lang == bl.lang {
		lang = ""
	}
	return Text{S: s, Lang: lang}
}

func (bl *builder) texts(notes []promise.Note) []Text {
	var out []Text
	for _, n := range notes {
		if t := bl.text(n.Text); t.S != "" {
			out = append(out, t)
		}
	}
	return out
}

func (bl *builder) party(id promise.ID) string {
	for i := range bl.doc.Parties {
		p := &bl.doc.Parties[i]
		if p.ID == id {
			if s := p.ShortName.In(bl.data); s != "" {
				return s
			}
			return p.Name.In(bl.data)
		}
	}
	return ""
}

// parties returns the names of the parties as a list: "A, B och C".
func (bl *builder) parties(ids []promise.ID) string {
	var l words.List
	for _, id := range ids {
		if n := bl.party(id); n != "" {
			l = append(l, n)
		}
	}
	if len(l) == 0 {
		return ""
	}
	return string(l.AppendIn(nil, bl.lang))
}

func (bl *builder) status(s followup.Status) Status { return StatusOf(s, bl.lang) }

func (bl *builder) date(d promise.Date) Date { return DateOf(d, bl.lang) }

func (bl *builder) summary(ru *followup.Rollup, st *followup.CitizenPromiseStatus, reports []*followup.Report) Summary {
	lang := bl.lang
	total := words.Count{N: ru.Total, Noun: "noun.activity"}
	s := Summary{
		Status:     bl.status(ru.Status),
		Reason:     ru.Reason.In(lang),
		Progress:   Percent(ru.Progress),
		At:         bl.date(bl.e.At),
		LastReport: bl.date(st.LastReport),
		Total:      string(total.AppendIn(nil, lang)),
	}
	s.ProgressText = PercentText(s.Progress, lang)
	s.HasProgress = ru.Status != followup.AwaitingReport && ru.Status != followup.Unassessable && ru.Status != followup.Withdrawn
	s.ProgressLabel = words.Key("view.overall").In(lang)
	withdrawn := 0
	for _, c := range ru.Counts {
		if c.Status == followup.Withdrawn {
			withdrawn = c.Count
		}
	}
	if ru.Assessed < ru.Total-withdrawn {
		s.ProgressLabel = words.M("view.overallOfAssessed", words.Number{V: float64(ru.Assessed)}, words.Count{N: ru.Total - withdrawn, Noun: "noun.activity"}).In(lang)
	}
	var l words.List
	for _, c := range ru.Counts {
		s.Counts = append(s.Counts, Count{Status: bl.status(c.Status), N: c.Count,
			Text: string(words.Count{N: c.Count, Noun: "noun.activity"}.AppendIn(nil, lang))})
		l = append(l, words.M("view.countOf", c.Status.Key(), words.Number{V: float64(c.Count)}))
	}
	s.CountsText = words.M("view.counts", total, l).In(lang)
	if st.LastReport.IsZero() {
		s.NoReport = words.Key("view.noReport").In(lang)
	}
	var examples words.List
	for _, r := range reports {
		if r.Illustrative {
			examples = append(examples, longDate(r.Date, lang))
		}
	}
	if len(examples) > 0 {
		s.Illustrative = words.M("view.illustrative", examples).In(lang)
	}
	return s
}

func (bl *builder) citizenPromise(cp *promise.CitizenPromise, st *followup.CitizenPromiseStatus) Section {
	lang := bl.lang
	sec := Section{
		Kind:    "citizenPromise",
		ID:      cp.ID.String(),
		Title:   bl.text(cp.Title),
		Parties: bl.parties(cp.PartyIDs),
		Period:  PeriodText(cp.Period, lang),
	}
	if !cp.Signed.IsZero() {
		sec.SignedDate = bl.date(cp.Signed)
		if cp.SignedAt != "" {
			sec.Signed = words.M("view.signedAt", sec.SignedDate.Text, cp.SignedAt).In(lang)
		} else {
			sec.Signed = words.M("view.signed", sec.SignedDate.Text).In(lang)
		}
	}
	reports := bl.b.Visible(cp.ID, bl.e.At, bl.e.View)
	rollup := &st.Rollup
	if bl.only != nilID {
		if ps := st.Promise(bl.only); ps != nil {
			rollup = &ps.Rollup
		}
	}
	sec.Summary = bl.summary(rollup, st, reports)

	acts := map[promise.ID]*promise.Activity{}
	for i := range cp.Activities {
		acts[cp.Activities[i].ID] = &cp.Activities[i]
	}
	g := bl.newGrouper()
	served := map[promise.ID]bool{}
	for i := range cp.Promises {
		p := &cp.Promises[i]
		ps := st.Promise(p.ID)
		if ps == nil || (bl.only != nilID && p.ID != bl.only) {
			continue
		}
		pv := Promise{
			ID:       p.ID.String(),
			Text:     bl.text(p.Text),
			Status:   bl.status(ps.Status),
			Reason:   ps.Reason.In(lang),
			Progress: Percent(ps.Progress),
			History:  bl.history(ps.History),
			Notes:    bl.texts(p.Notes),
		}
		if names := bl.parties(p.GivenBy); names != "" {
			pv.GivenBy = words.M("view.givenBy", names).In(lang)
		}
		if p.Withdrawn != nil {
			pv.Withdrawn = bl.withdrawn(p.Withdrawn)
		}
		for _, id := range ps.Activities {
			if a, as := acts[id], st.Activity(id); a != nil && as != nil {
				served[id] = true
				pv.Activities = append(pv.Activities, bl.activity(a, as, reports))
			}
		}
		t := g.group(p.ThemeIDs, true)
		t.Promises = append(t.Promises, pv)
	}
	if bl.only == nilID {
		for i := range cp.Activities {
			a := &cp.Activities[i]
			as := st.Activity(a.ID)
			if served[a.ID] || as == nil {
				continue
			}
			t := g.group(a.ThemeIDs, false)
			t.Activities = append(t.Activities, bl.activity(a, as, reports))
		}
	}
	sec.Themes = g.themes()
	sec.Sources = bl.sources(cp.SourceIDs)
	sec.Notes = bl.texts(cp.Notes)
	return sec
}

func (bl *builder) actionPlan(ap *promise.ActionPlan, st *followup.CitizenPromiseStatus) Section {
	lang := bl.lang
	sec := Section{
		Kind:    "actionPlan",
		ID:      ap.ID.String(),
		Title:   bl.text(ap.Title),
		Parties: bl.parties(ap.PartyIDs),
		Period:  PeriodText(ap.Period, lang),
	}
	if !ap.Decided.IsZero() {
		sec.SignedDate = bl.date(ap.Decided)
		sec.Signed = words.M("view.decided", sec.SignedDate.Text).In(lang)
	}
	reports := bl.b.Visible(ap.ID, bl.e.At, bl.e.View)
	sec.Summary = bl.summary(&st.Rollup, st, reports)
	g := bl.newGrouper()
	for i := range ap.Activities {
		a := &ap.Activities[i]
		if as := st.Activity(a.ID); as != nil {
			themes := a.ThemeIDs
			if len(themes) == 0 {
				themes = ap.ThemeIDs
			}
			t := g.group(themes, false)
			t.Activities = append(t.Activities, bl.activity(a, as, reports))
		}
	}
	sec.Themes = g.themes()
	sec.Sources = bl.sources(ap.SourceIDs)
	sec.Notes = bl.texts(ap.Notes)
	return sec
}

func (bl *builder) sources(ids []promise.ID) []Link {
	var out []Link
	for _, id := range ids {
		for i := range bl.doc.Sources {
			if s := &bl.doc.Sources[i]; s.ID == id {
				if l, ok := bl.link(s.URL, s.Title); ok {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// grouper groups promises by their first theme, and activities of no
// promise by theme too, in the document's order of themes; what has no
// theme comes last.
type grouper struct {
	bl    *builder
	byKey map[promise.ID]*Theme
	keys  []promise.ID
	// loose holds the activities of no promise and no theme.
	loose *Theme
}

func (bl *builder) newGrouper() *grouper {
	return &grouper{bl: bl, byKey: map[promise.ID]*Theme{}}
}

func (g *grouper) group(themes []promise.ID, isPromise bool) *Theme {
	key := nilID
	for _, id := range themes {
		if themeIndex(g.bl.doc, id) >= 0 {
			key = id
			break
		}
	}
	if key == nilID && !isPromise {
		if g.loose == nil {
			g.loose = &Theme{Title: Text{S: words.Key("publish.otherActivities").In(g.bl.lang)}}
		}
		return g.loose
	}
	if t := g.byKey[key]; t != nil {
		return t
	}
	t := &Theme{}
	for i := range g.bl.doc.Themes {
		if g.bl.doc.Themes[i].ID == key {
			t.Title = g.bl.text(g.bl.doc.Themes[i].Title)
		}
	}
	g.byKey[key] = t
	g.keys = append(g.keys, key)
	return t
}

func (g *grouper) themes() []Theme {
	order := func(id promise.ID) int {
		if id == nilID {
			return len(g.bl.doc.Themes)
		}
		return themeIndex(g.bl.doc, id)
	}
	// An insertion sort, stable: a handful of themes.
	for i := 1; i < len(g.keys); i++ {
		for j := i; j > 0 && order(g.keys[j]) < order(g.keys[j-1]); j-- {
			g.keys[j], g.keys[j-1] = g.keys[j-1], g.keys[j]
		}
	}
	var out []Theme
	for _, k := range g.keys {
		t := g.byKey[k]
		if k == nilID {
			key := words.Key("view.promises")
			if len(g.keys) > 1 {
				key = "view.otherPromises"
			}
			t.Title = Text{S: key.In(g.bl.lang)}
		}
		if len(t.Promises) > 0 && len(t.Activities) > 0 {
			t.Subtitle = words.Key("publish.otherActivities").In(g.bl.lang)
		}
		out = append(out, *t)
	}
	if g.loose != nil {
		out = append(out, *g.loose)
	}
	return out
}

// withPeriods adds to a period's text how many reporting periods it
// spans, when it is a run of more than one.
func withPeriods(text string, n int, lang string) string {
	if n < 2 {
		return text
	}
	return words.M("view.periods", text, words.Count{N: n, Noun: "noun.period"}).In(lang)
}

func (bl *builder) withdrawn(w *promise.Withdrawal) string {
	return words.M("view.withdrawn", longDate(w.Date, bl.lang), bl.text(w.Reason).S).In(bl.lang)
}

func (bl *builder) history(h []followup.PeriodOutcome) []Point {
	var out []Point
	for _, p := range h {
		out = append(out, Point{
			Period:   withPeriods(shortPeriod(p.Period, bl.lang), p.Periods, bl.lang),
			Start:    p.Period.From().String(),
			End:      p.Period.Through().String(),
			Status:   bl.status(p.Status),
			Progress: Percent(p.Progress),
		})
	}
	return out
}

func (bl *builder) activity(a *promise.Activity, st *followup.ActivityStatus, reports []*followup.Report) Activity {
	lang := bl.lang
	v := Activity{
		ID:       a.ID.String(),
		Text:     bl.text(a.Text),
		Lead:     bl.parties(a.LeadIDs),
		Status:   bl.status(st.Status),
		Numbers:  st.Numbers.In(lang),
		Progress: Percent(st.Progress),
		Reason:   st.Reason.In(lang),
		History:  bl.history(st.History),
		Sources:  bl.sources(a.SourceIDs),
		Notes:    bl.texts(a.Notes),
	}
	v.HasProgress = v.Numbers != "" && st.Status != followup.Withdrawn
	if v.Lead == "" {
		v.Lead = words.Key("view.notStated").In(lang)
	}
	var partners words.List
	if names := bl.parties(a.PartnerIDs); names != "" {
		partners = append(partners, names)
	}
	for _, o := range a.OtherPartners {
		if s := bl.text(o).S; s != "" {
			partners = append(partners, s)
		}
	}
	if len(partners) > 0 {
		v.Partners = string(partners.AppendIn(nil, lang))
	}
	for _, l := range st.Leads {
		var src words.List
		for _, id := range l.SourceIDs {
			for i := range bl.doc.Sources {
				if bl.doc.Sources[i].ID == id {
					src = append(src, bl.text(bl.doc.Sources[i].Title).S)
				}
			}
		}
		lead := bl.parties(l.LeadIDs)
		if lead == "" {
			lead = words.Key("view.notStated").In(lang)
		}
		v.Leads = append(v.Leads, words.M("view.sourcedLead", src, lead).In(lang))
	}
	for i := range a.Targets {
		v.Targets = append(v.Targets, bl.targetSentence(&a.Targets[i]))
	}
	if st.Computed != nil && st.Computed.Status != st.Status {
		s := bl.status(st.Computed.Status)
		v.Computed = &s
	}
	if as := st.Assessment; as != nil && !hasCode(st.Codes, "followup.assessed") && !hasCode(st.Codes, "followup.assessedEnd") {
		v.Assessment = words.M("view.assessment", bl.parties(as.ReportedBy), longDate(as.Date, lang), as.Status.Key()).In(lang)
		if j := bl.text(as.Justification).S; j != "" {
			v.Assessment += " " + j
		}
	}
	if a.Withdrawn != nil {
		v.Withdrawn = bl.withdrawn(a.Withdrawn)
	}
	for _, r := range reports {
		for i := range r.Updates {
			u := &r.Updates[i]
			if u.ActivityID != a.ID {
				continue
			}
			uv := Update{
				Date:         bl.date(r.Date),
				Illustrative: r.Illustrative,
				Narrative:    bl.text(u.Narrative),
				Shortfall:    bl.text(u.Shortfall),
			}
			d := uv.Date.Text
			if d == "" {
				d = words.Key("publish.dateNotStated").In(lang)
			}
			uv.Heading = words.M("view.update", d, bl.parties(r.ReportedBy)).In(lang)
			for _, s := range u.Substitutes {
				t := bl.text(s.Text).S
				if !s.Date.IsZero() {
					t = longDate(s.Date, lang) + ": " + t
				}
				uv.Substitutes = append(uv.Substitutes, t)
			}
			for _, ev := range u.Evidence {
				if l, ok := bl.link(ev.URL, ev.Title); ok {
					uv.Evidence = append(uv.Evidence, l)
				}
			}
			if uv.Narrative.S != "" || uv.Shortfall.S != "" || len(uv.Substitutes) > 0 || len(uv.Evidence) > 0 {
				v.Updates = append(v.Updates, uv)
			}
		}
	}
	// The reason of an activity that cannot be assessed already cites
	// what the latest report said.
	if st.Status != followup.Unassessable {
		for _, r := range st.Results {
			v.Results = append(v.Results, bl.result(r))
		}
	}
	for _, o := range st.Occurrences {
		where := bl.text(o.Place).S
		if where == "" && o.PlaceID != nilID {
			for i := range bl.doc.Places {
				if bl.doc.Places[i].ID == o.PlaceID {
					where = bl.text(bl.doc.Places[i].Name).S
				}
			}
		}
		s := longDate(o.Date, lang)
		if o.Count > 1 {
			s = words.M("view.times", s, words.Number{V: float64(o.Count)}).In(lang)
		}
		if where != "" {
			s += ", " + where
		}
		if n := bl.text(o.Note).S; n != "" {
			s += ": " + n
		}
		v.Elsewhere = append(v.Elsewhere, s)
	}
	for _, c := range st.Conflicts {
		var figs words.List
		for _, f := range c.Figures {
			s := number(f.Value, lang)
			if !f.ReportDate.IsZero() {
				s += " (" + longDate(f.ReportDate, lang) + ")"
			}
			figs = append(figs, s)
		}
		v.Conflicts = append(v.Conflicts, words.M("view.conflict", figs, words.Number{V: c.Used, Dec: 2}).In(lang))
	}
	return v
}

func (bl *builder) report(r *followup.Report) Report {
	lang := bl.lang
	v := Report{
		Date:         bl.date(r.Date),
		Title:        bl.text(r.Title),
		Period:       PeriodText(r.Period, lang),
		By:           bl.parties(r.ReportedBy),
		Final:        r.Final,
		Illustrative: r.Illustrative,
		Summary:      bl.text(r.Summary),
		Notes:        bl.texts(r.Notes),
	}
	if v.Title.S == "" {
		v.Title = Text{S: words.Key("publish.followUp").In(lang)}
	}
	for _, l := range r.Sources {
		if lv, ok := bl.link(l.URL, l.Title); ok {
			v.Links = append(v.Links, lv)
		}
	}
	return v
}

// link returns a link to an absolute http(s) URL; anything else (a
// javascript: or data: URL, say) is dropped.
func (bl *builder) link(url string, title promise.Text) (Link, bool) {
	if !promise.IsWebURL(url) {
		return Link{}, false
	}
	t := bl.text(title)
	if t.S == "" {
		t = Text{S: url}
	}
	return Link{URL: url, Text: t}, true
}

func (bl *builder) result(r followup.Result) string {
	lang := bl.lang
	var parts []string
	if r.Qualifier != "" {
		parts = append(parts, words.Key("qualifier."+words.Key(r.Qualifier)).In(lang))
	}
	if r.Value != nil {
		parts = append(parts, number(*r.Value, lang))
	}
	if u := bl.text(r.Unit).S; u != "" {
		parts = append(parts, u)
	}
	if r.Outcome != "" {
		parts = append(parts, "("+words.Key("outcome."+words.Key(r.Outcome)).In(lang)+")")
	}
	s := strings.Join(parts, " ")
	if d := bl.text(r.Description).S; d != "" {
		if s == "" {
			return d
		}
		s += ": " + d
	}
	if !r.Date.IsZero() {
		s += " (" + longDate(r.Date, lang) + ")"
	}
	return s
}

// targetSentence says what a target aims for: "minst 4 trygghetsvandringar",
// "klart senast 30 juni 2019", "minst 1 per vecka"; the target's own
// description, when it has one, first.
func (bl *builder) targetSentence(t *promise.Target) string {
	lang := bl.lang
	value := ""
	if t.Value != nil {
		value = number(*t.Value, lang)
	}
	unit := bl.text(t.Unit).S
	var s string
	switch t.Kind {
	case promise.Count:
		key := words.Key("view.target.atLeast")
		if t.Comparison == promise.Exactly {
			key = "view.target.exactly"
		}
		s = words.M(key, value, unit).In(lang)
		if t.Scope == promise.EachYear {
			s = words.M("view.target.eachYear", s).In(lang)
		}
	case promise.Milestone:
		s = words.Key("view.target.done").In(lang)
		if !t.Due.IsZero() {
			s = words.M("view.target.doneBy", longDate(t.Due, lang)).In(lang)
		}
	case promise.Recurring, promise.Rate:
		s = words.M("view.target.per", value, unit, words.Noun(words.Key("cadence."+string(t.Every)), false, lang)).In(lang)
	case promise.Coverage:
		var names words.List
		for _, id := range t.PlaceIDs {
			for i := range bl.doc.Places {
				if bl.doc.Places[i].ID == id {
					names = append(names, bl.text(bl.doc.Places[i].Name).S)
				}
			}
		}
		switch {
		case len(names) > 0:
			s = words.M("view.target.allOf", names).In(lang)
		default:
			s = words.M("view.target.all", value, unit).In(lang)
		}
	case promise.Continuous:
		s = words.Key("view.target.continuous").In(lang)
	case promise.Indicator:
		key := words.Key("view.target.increase")
		if t.Direction == promise.Decrease {
			key = "view.target.decrease"
		}
		to := strings.TrimSpace(value + " " + unit)
		switch {
		case t.Baseline != nil && to != "":
			s = words.M(key+"FromTo", number(t.Baseline.Value, lang), to).In(lang)
		case to != "":
			s = words.M(key+"To", to).In(lang)
		default:
			s = key.In(lang)
		}
	default:
		s = words.Key("view.target.none").In(lang)
	}
	s = strings.Join(strings.Fields(s), " ")
	if d := bl.text(t.Description).S; d != "" {
		return d + " (" + s + ")"
	}
	return s
}
