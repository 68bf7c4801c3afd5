package publish

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// build makes the view of e for the bundle b in lang.
func build(e *followup.Evaluation, b *followup.Bundle, lang string) *view {
	t := wordsFor(lang)
	if e.View == followup.AsKnownView {
		as := *t
		as.HistoryNote = as.HistoryNoteAsKnown
		t = &as
	}
	doc := &b.Document
	v := &view{Lang: t.lang, T: t, At: longDate(e.At, t), Title: doc.Title.In(lang)}
	if v.Title == "" {
		v.Title = t.DefaultTitle
	}
	bld := builder{doc: doc, lang: lang, t: t, e: e, b: b}
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if st := e.CitizenPromise(cp.ID); st != nil {
			v.CPs = append(v.CPs, bld.citizenPromise(cp, st))
		}
	}
	if len(v.CPs) == 1 {
		v.Title = t.FollowUpOf + " " + v.CPs[0].Title
	}
	return v
}

type builder struct {
	doc  *promise.Document
	lang string
	t    *texts
	e    *followup.Evaluation
	b    *followup.Bundle
}

func (bl *builder) party(id uuid.UUID) string {
	for i := range bl.doc.Parties {
		p := &bl.doc.Parties[i]
		if p.ID == id {
			if s := p.ShortName.In(bl.lang); s != "" {
				return s
			}
			return p.Name.In(bl.lang)
		}
	}
	return id.String()
}

func (bl *builder) parties(ids []uuid.UUID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = bl.party(id)
	}
	return andList(names, bl.t)
}

func (bl *builder) place(id uuid.UUID) string {
	for i := range bl.doc.Places {
		if bl.doc.Places[i].ID == id {
			return bl.doc.Places[i].Name.In(bl.lang)
		}
	}
	return ""
}

func (bl *builder) citizenPromise(cp *promise.CitizenPromise, st *followup.CitizenPromiseStatus) cpView {
	t, lang := bl.t, bl.lang
	v := cpView{
		Anchor:   "cp-" + cp.ID.String(),
		Title:    cp.Title.In(lang),
		Parties:  bl.parties(cp.PartyIDs),
		Period:   longPeriod(cp.Period, t),
		Status:   status(st.Status, lang),
		Reason:   st.Reason.In(lang),
		Progress: percent(st.Progress),
	}
	if !cp.Signed.IsZero() {
		v.Signed = t.Signed + " " + longDate(cp.Signed, t)
		if cp.SignedAt != "" {
			v.Signed += " " + t.In + " " + cp.SignedAt
		}
	}
	for _, c := range st.Counts {
		v.Counts = append(v.Counts, countView{Status: status(c.Status, lang), Count: c.Count})
	}
	if !st.LastReport.IsZero() {
		v.LastReport = longDate(st.LastReport, t)
	}
	reports := bl.b.Visible(cp.ID, bl.e.At, bl.e.View)
	for _, r := range reports {
		v.Illustrative = v.Illustrative || r.Illustrative
		v.Reports = append(v.Reports, bl.report(r))
	}
	for _, r := range st.Results {
		v.Results = append(v.Results, result(r, lang))
	}

	acts := map[uuid.UUID]*promise.Activity{}
	for i := range cp.Activities {
		acts[cp.Activities[i].ID] = &cp.Activities[i]
	}
	activity := func(id uuid.UUID) activityView {
		return bl.activity(acts[id], st.Activity(id), reports)
	}
	// Group the promises by their first theme, in the document's order of
	// themes; the activities of no promise go with their own first theme,
	// or last.
	groups := map[uuid.UUID]*groupView{}
	var order []uuid.UUID
	group := func(themes []uuid.UUID) *groupView {
		key := uuid.Nil
		if len(themes) > 0 {
			key = themes[0]
		}
		if g := groups[key]; g != nil {
			return g
		}
		g := &groupView{}
		for _, th := range bl.doc.Themes {
			if th.ID == key {
				g.Title = th.Title.In(lang)
			}
		}
		groups[key] = g
		order = append(order, key)
		return g
	}
	served := map[uuid.UUID]bool{}
	for i := range cp.Promises {
		p := &cp.Promises[i]
		ps := st.Promise(p.ID)
		if ps == nil {
			continue
		}
		pv := promiseView{
			Anchor:   "promise-" + p.ID.String(),
			Text:     p.Text.In(lang),
			GivenBy:  bl.parties(p.GivenBy),
			Status:   status(ps.Status, lang),
			Reason:   ps.Reason.In(lang),
			Progress: percent(ps.Progress),
		}
		for _, id := range ps.Activities {
			served[id] = true
			pv.Activities = append(pv.Activities, activity(id))
		}
		g := group(p.ThemeIDs)
		g.Promises = append(g.Promises, pv)
	}
	var rest []activityView
	for i := range cp.Activities {
		a := &cp.Activities[i]
		if served[a.ID] {
			continue
		}
		if len(a.ThemeIDs) > 0 {
			g := group(a.ThemeIDs)
			g.Activities = append(g.Activities, activity(a.ID))
			continue
		}
		rest = append(rest, activity(a.ID))
	}
	themeOrder := func(id uuid.UUID) int {
		if id == uuid.Nil {
			return len(bl.doc.Themes)
		}
		return slices.IndexFunc(bl.doc.Themes, func(th promise.Theme) bool { return th.ID == id })
	}
	slices.SortStableFunc(order, func(a, b uuid.UUID) int { return themeOrder(a) - themeOrder(b) })
	for _, key := range order {
		g := groups[key]
		if len(g.Promises) > 0 && len(g.Activities) > 0 {
			g.Subtitle = t.OtherActivities
		}
		v.Groups = append(v.Groups, *g)
	}
	if len(rest) > 0 {
		v.Groups = append(v.Groups, groupView{Title: t.OtherActivities, Activities: rest})
	}

	if cp.Effect != nil {
		for _, ts := range st.Effect {
			for _, tg := range cp.Effect.Targets {
				if tg.ID == ts.ID {
					v.Effect = append(v.Effect, targetView{Text: tg.Description.In(lang), Status: status(ts.Status, lang), Numbers: ts.Numbers.In(lang), Reason: ts.Reason.In(lang)})
				}
			}
		}
	}
	for _, c := range st.Calendar {
		row := calendarRow{Period: shortPeriod(c.Period), Due: c.Due.String(), State: t.state(c.State)}
		if !c.Received.IsZero() {
			row.Received = c.Received.String()
		}
		v.Calendar = append(v.Calendar, row)
	}
	v.History = bl.history(cp, st)
	for _, src := range bl.doc.Sources {
		if slices.Contains(cp.SourceIDs, src.ID) {
			if l, ok := link(src.URL, src.Title.In(lang)); ok {
				v.Sources = append(v.Sources, l)
			}
		}
	}
	return v
}

func (bl *builder) activity(a *promise.Activity, st *followup.ActivityStatus, reports []*followup.Report) activityView {
	t, lang := bl.t, bl.lang
	if a == nil || st == nil {
		return activityView{}
	}
	v := activityView{
		Anchor:  "activity-" + a.ID.String(),
		Text:    a.Text.In(lang),
		Lead:    bl.parties(a.LeadIDs),
		Status:  status(st.Status, lang),
		Numbers: st.Numbers.In(lang),
		Reason:  st.Reason.In(lang),
	}
	if st.Computed != nil && st.Computed.Status != st.Status {
		s := status(st.Computed.Status, lang)
		v.Computed = &s
	}
	// The assessment is shown on its own unless the reason already cites
	// it (as it does when the assessment sets the status).
	if as := st.Assessment; as != nil && !strings.Contains(v.Reason, as.Date.String()) {
		v.Assessment = t.AssessmentBy + " " + bl.parties(as.ReportedBy) + ", " + as.Date.String() + ": " + as.Status.Label(lang)
		if j := strings.TrimSpace(as.Justification.In(lang)); j != "" {
			v.Assessment += " – " + j
		}
	}
	for _, r := range reports {
		for i := range r.Updates {
			u := &r.Updates[i]
			if u.ActivityID != a.ID {
				continue
			}
			uv := updateView{
				Heading:      t.FollowUp + " " + r.Date.String() + ", " + bl.parties(r.ReportedBy),
				Illustrative: r.Illustrative,
				Narrative:    strings.TrimSpace(u.Narrative.In(lang)),
				Shortfall:    strings.TrimSpace(u.Shortfall.In(lang)),
			}
			for _, s := range u.Substitutes {
				text := strings.TrimSpace(s.Text.In(lang))
				if !s.Date.IsZero() {
					text = s.Date.String() + ": " + text
				}
				uv.Substitutes = append(uv.Substitutes, text)
			}
			for _, ev := range u.Evidence {
				if l, ok := link(ev.URL, ev.Title.In(lang)); ok {
					uv.Evidence = append(uv.Evidence, l)
				}
			}
			if uv.Narrative != "" || uv.Shortfall != "" || len(uv.Substitutes) > 0 || len(uv.Evidence) > 0 {
				v.Updates = append(v.Updates, uv)
			}
		}
	}
	// The reason of an activity that cannot be assessed already cites
	// what the latest report said.
	if st.Status != followup.Unassessable {
		for _, r := range st.Results {
			v.Results = append(v.Results, result(r, lang))
		}
	}
	for _, o := range st.Occurrences {
		where := o.Place.In(lang)
		if where == "" && o.PlaceID != uuid.Nil {
			where = bl.place(o.PlaceID)
		}
		s := o.Date.String()
		if o.Count > 1 {
			s += ", " + strconv.Itoa(o.Count) + " " + t.Times
		}
		if where != "" {
			s += ", " + where
		}
		if n := strings.TrimSpace(o.Note.In(lang)); n != "" {
			s += ": " + n
		}
		v.Elsewhere = append(v.Elsewhere, s)
	}
	return v
}

func (bl *builder) report(r *followup.Report) reportView {
	t, lang := bl.t, bl.lang
	v := reportView{
		Date:         r.Date.String(),
		Title:        r.Title.In(lang),
		Period:       shortPeriod(r.Period),
		By:           bl.parties(r.ReportedBy),
		Final:        r.Final,
		Illustrative: r.Illustrative,
		Summary:      strings.TrimSpace(r.Summary.In(lang)),
	}
	for _, n := range r.Notes {
		if s := strings.TrimSpace(n.Text.In(lang)); s != "" {
			v.Notes = append(v.Notes, s)
		}
	}
	if v.Date == "" {
		v.Date = t.DateNotStated
	}
	if v.Title == "" {
		v.Title = t.FollowUp
	}
	for _, l := range r.Sources {
		if lv, ok := link(l.URL, l.Title.In(lang)); ok {
			v.Links = append(v.Links, lv)
		}
	}
	return v
}

func (bl *builder) history(cp *promise.CitizenPromise, st *followup.CitizenPromiseStatus) historyView {
	var h historyView
	for _, p := range st.History {
		h.Periods = append(h.Periods, shortPeriod(p.Period))
	}
	if len(h.Periods) == 0 {
		return h
	}
	for i := range cp.Activities {
		as := st.Activity(cp.Activities[i].ID)
		if as == nil {
			continue
		}
		row := historyRow{Name: cp.Activities[i].Text.In(bl.lang)}
		for _, p := range as.History {
			row.Cells = append(row.Cells, status(p.Status, bl.lang))
		}
		h.Rows = append(h.Rows, row)
	}
	row := historyRow{Name: bl.t.WholePromise}
	for _, p := range st.History {
		row.Cells = append(row.Cells, status(p.Status, bl.lang))
	}
	h.Rows = append(h.Rows, row)
	return h
}

// link returns a link to an absolute http(s) URL; anything else (a
// javascript: or data: URL, say) is dropped.
func link(url, text string) (linkView, bool) {
	if !promise.IsWebURL(url) {
		return linkView{}, false
	}
	if strings.TrimSpace(text) == "" {
		text = url
	}
	return linkView{URL: url, Text: text}, true
}

func result(r followup.Result, lang string) string {
	s := ""
	if r.Value != nil {
		s = number(*r.Value, lang)
	}
	if u := r.Unit.In(lang); u != "" {
		s += " " + u
	}
	if d := strings.TrimSpace(r.Description.In(lang)); d != "" {
		s += " (" + d + ")"
	}
	return s
}

func percent(p float64) int { return int(math.Round(p * 100)) }

// number prints v as the catalog's language writes numbers.
func number(v float64, lang string) string {
	return string(words.AppendNumber(nil, v, 2, lang))
}

func andList(items []string, t *texts) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + t.And + " " + items[len(items)-1]
}
