//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// viewInput is what a view shows: valid data (decodeBundle checked its
// invariants) and the widget's attributes. Views must not change Bundle:
// widgets of the same src share it.
type viewInput struct {
	Bundle *followup.Bundle
	// Lang is "sv" or "en": the language of the widget's words and the
	// one chosen from the data's texts.
	Lang string
	// At is the date the status is shown as of: the at attribute, or
	// today.
	At promise.Date
	// Promise, when not uuid.Nil, is the one promise to show.
	Promise uuid.UUID
}

// viewError is data the view cannot show as asked: the promise attribute
// names no promise of the data, or there is no citizen promise.
type viewError struct {
	msg phrase
	arg string
}

func (e viewError) Error() string              { return sprintf(e.msg.en, e.arg) }
func (e viewError) explain(lang string) string { return sprintf(e.msg.in(lang), e.arg) }
func (viewError) retryable() bool              { return false }

// content renders the status of the data at in.At, as followup.Evaluate
// derives it (the same evaluation the report command prints): for each
// citizen promise its title, parties, period and signing; a summary of the
// activities' statuses; the promises grouped by theme, each with its
// status and activities; and the sources. Every promise and activity
// element carries data-id (its UUID) and data-status (the status token).
// With in.Promise set, only that promise is shown.
func content(in viewInput) (node, error) {
	doc := &in.Bundle.Document
	ev := followup.Evaluate(in.Bundle, in.At)
	r := renderer{
		lang:    in.Lang,
		at:      in.At,
		parties: make(map[uuid.UUID]*promise.Party, len(doc.Parties)),
		sources: make(map[uuid.UUID]*promise.Source, len(doc.Sources)),
		themes:  make(map[uuid.UUID]*promise.Theme, len(doc.Themes)),
		reports: make(map[uuid.UUID]*followup.Report, len(in.Bundle.Reports)),
	}
	for i := range doc.Parties {
		r.parties[doc.Parties[i].ID] = &doc.Parties[i]
	}
	for i := range doc.Sources {
		r.sources[doc.Sources[i].ID] = &doc.Sources[i]
	}
	for i := range doc.Themes {
		r.themes[doc.Themes[i].ID] = &doc.Themes[i]
	}
	for i := range in.Bundle.Reports {
		r.reports[in.Bundle.Reports[i].ID] = &in.Bundle.Reports[i]
	}

	var out []node
	found := in.Promise == uuid.Nil
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if in.Promise != uuid.Nil && !hasPromise(cp, in.Promise) {
			continue
		}
		cs := ev.CitizenPromise(cp.ID)
		if cs == nil { // Evaluate covers every citizen promise
			continue
		}
		found = true
		out = append(out, r.citizenPromise(cp, cs, in.Promise))
	}
	switch {
	case !found:
		return node{}, viewError{wErrNoPromise, in.Promise.String()}
	case len(out) == 0:
		return node{}, viewError{wErrNoCitizen, ""}
	}
	return h("div", out...).class("content"), nil
}

func hasPromise(cp *promise.CitizenPromise, id uuid.UUID) bool {
	for i := range cp.Promises {
		if cp.Promises[i].ID == id {
			return true
		}
	}
	return false
}

type renderer struct {
	lang    string
	at      promise.Date
	parties map[uuid.UUID]*promise.Party
	sources map[uuid.UUID]*promise.Source
	themes  map[uuid.UUID]*promise.Theme
	reports map[uuid.UUID]*followup.Report
}

// pick returns the text of t shown in the widget's language and the
// language it is in: the widget's, else the fallback of [promise.Text.In].
func (r renderer) pick(t promise.Text) (s, lang string) {
	s = t.In(r.lang)
	if s == "" || t[r.lang] == s {
		return s, r.lang
	}
	if t[promise.DefaultLanguage] == s {
		return s, promise.DefaultLanguage
	}
	for k, v := range t {
		if v == s && (lang == "" || k < lang) {
			lang = k
		}
	}
	return s, lang
}

// dataEl returns an element holding a text of the data, marked with its
// language when it is not the widget's (an English page showing a text
// that exists only in Swedish).
func (r renderer) dataEl(tag string, t promise.Text) node {
	s, lang := r.pick(t)
	n := textEl(tag, s)
	if s != "" && lang != r.lang {
		n = n.attr("lang", lang)
	}
	return n
}

// dataText returns a text of the data as inline content: a text node, or
// a span with lang when its language is not the widget's.
func (r renderer) dataText(t promise.Text) node {
	s, lang := r.pick(t)
	if s != "" && lang != r.lang {
		return textEl("span", s).attr("lang", lang)
	}
	return text(s)
}

func (r renderer) citizenPromise(cp *promise.CitizenPromise, cs *followup.CitizenPromiseStatus, only uuid.UUID) node {
	titleID := "t-" + cp.ID.String()
	var meta []node
	sep := func() {
		if len(meta) > 0 {
			meta = append(meta, text(" · "))
		}
	}
	if names := r.partyNames(cp.PartyIDs); names != "" {
		meta = append(meta, text(names))
	}
	if p := formatPeriod(cp.Period, r.lang); p != "" {
		sep()
		meta = append(meta, text(p))
	}
	if !cp.Signed.IsZero() {
		sep()
		meta = append(meta, text(wSigned.in(r.lang)+" "), dateEl(cp.Signed, r.lang))
	}
	header := h("header",
		r.dataEl("h2", cp.Title).attr("id", titleID),
		h("p", meta...).class("meta"),
	).attr("part", "header")

	kids := []node{header}
	rollup := &cs.Rollup
	if only != uuid.Nil {
		if ps := cs.Promise(only); ps != nil {
			rollup = &ps.Rollup
		}
	}
	kids = append(kids, r.summary(rollup, cs))

	acts := make(map[uuid.UUID]*promise.Activity, len(cp.Activities))
	for j := range cp.Activities {
		acts[cp.Activities[j].ID] = &cp.Activities[j]
	}

	// Promises grouped by their first theme, in the order the themes
	// first occur; promises without a theme come last.
	type group struct {
		theme    *promise.Theme
		promises []node
	}
	var groups []*group
	byTheme := map[uuid.UUID]*group{}
	served := map[uuid.UUID]bool{}
	for i := range cp.Promises {
		p := &cp.Promises[i]
		if only != uuid.Nil && p.ID != only {
			continue
		}
		ps := cs.Promise(p.ID)
		if ps == nil {
			continue
		}
		var items []node
		for _, aid := range ps.Activities {
			a, as := acts[aid], cs.Activity(aid)
			if a == nil || as == nil {
				continue
			}
			served[aid] = true
			items = append(items, r.activity(a, as, p.ID.String()))
		}
		var key uuid.UUID
		var th *promise.Theme
		for _, tid := range p.ThemeIDs {
			if t := r.themes[tid]; t != nil {
				key, th = tid, t
				break
			}
		}
		g := byTheme[key]
		if g == nil {
			g = &group{theme: th}
			byTheme[key] = g
			if th != nil {
				groups = append(groups, g)
			}
		}
		g.promises = append(g.promises, r.promise(p, ps, items))
	}
	if g := byTheme[uuid.Nil]; g != nil {
		groups = append(groups, g)
	}
	for _, g := range groups {
		var head node
		switch {
		case g.theme != nil:
			head = r.dataEl("h3", g.theme.Title)
		case len(groups) > 1:
			head = textEl("h3", wOtherPromises.in(r.lang))
		default:
			head = textEl("h3", wPromises.in(r.lang))
		}
		kids = append(kids, h("section", head.class("group"), h("ul", g.promises...).class("promises")).class("theme").attr("part", "theme"))
	}
	if only == uuid.Nil {
		var other []node
		for j := range cp.Activities {
			a := &cp.Activities[j]
			if served[a.ID] {
				continue
			}
			if as := cs.Activity(a.ID); as != nil {
				other = append(other, r.activity(a, as, "other"))
			}
		}
		if len(other) > 0 {
			kids = append(kids, h("section",
				textEl("h3", wOther.in(r.lang)).class("group"),
				h("ul", other...).class("activities"),
			).class("theme").attr("part", "theme"))
		}
	}
	if src := r.sourceLinks(cp.SourceIDs); len(src) > 0 {
		kids = append(kids, h("p", append([]node{text(wSourceDocs.in(r.lang) + ": ")}, src...)...).class("sources").attr("part", "sources"))
	}
	return h("section", kids...).
		class("citizen-promise").
		attr("part", "citizen-promise").
		attr("data-id", cp.ID.String()).
		attr("data-status", cs.Status.String()).
		attr("aria-labelledby", titleID)
}

// summary shows how many activities stand at each status, a bar of the
// roll-up's progress, the date of the status and of the latest follow-up,
// and a notice when a report seen is only an example.
func (r renderer) summary(ru *followup.Rollup, cs *followup.CitizenPromiseStatus) node {
	var chips []node
	for _, c := range ru.Counts {
		chips = append(chips, h("li", statusChip(c.Status, r.lang, " "+strconv.Itoa(c.Count))))
	}
	pct := percent(ru.Progress)
	bar := h("p",
		textEl("span", wOverall.in(r.lang)+": "+strconv.Itoa(pct)+" %").class("label"),
		node{Tag: "progress", Attrs: map[string]string{
			"value":          strconv.Itoa(pct),
			"max":            "100",
			"aria-label":     wOverall.in(r.lang),
			"aria-valuetext": strconv.Itoa(pct) + " %",
			"part":           "progress",
		}},
	).class("overall")
	asOf := []node{text(wStatusAt.in(r.lang) + " "), dateEl(r.at, r.lang), text(" · ")}
	if cs.LastReport.IsZero() {
		asOf = append(asOf, text(wNoReport.in(r.lang)))
	} else {
		asOf = append(asOf, text(wLastReport.in(r.lang)+" "), dateEl(cs.LastReport, r.lang))
	}
	kids := []node{
		h("ul", chips...).class("counts").attr("aria-label", wCounts.in(r.lang)),
		bar,
		h("p", asOf...).class("as-of meta"),
	}
	var examples []string
	for _, id := range cs.Reports {
		if rep := r.reports[id]; rep != nil && rep.Illustrative {
			examples = append(examples, formatDate(rep.Date, r.lang))
		}
	}
	if len(examples) > 0 {
		kids = append(kids, textEl("p", sprintf(wIllustrative.in(r.lang), joinList(examples, r.lang))).class("illustrative").attr("part", "illustrative"))
	}
	return h("div", kids...).class("summary").attr("part", "summary")
}

// percent returns the share as a whole percentage in [0, 100].
func percent(f float64) int {
	p := int(f*100 + 0.5)
	return min(max(p, 0), 100)
}

// statusIcons are text glyphs beside each status's label, so that a
// status never rests on colour alone.
var statusIcons = [...]string{"○", "→", "!", "!!", "✓", "◐", "✗", "…", "?", "–", "⊘"}

// statusChip returns the status as an icon and its label, with extra
// (a count) after; the icon is hidden from assistive technology, the
// label says it all.
func statusChip(s followup.Status, lang, extra string) node {
	icon := "?"
	if int(s) < len(statusIcons) {
		icon = statusIcons[s]
	}
	tok := s.String()
	return h("span",
		textEl("span", icon).class("icon").attr("aria-hidden", "true"),
		text(" "+s.Label(lang)+extra),
	).class("status status-"+tok).attr("part", "status status-"+tok)
}

func (r renderer) promise(p *promise.Promise, ps *followup.PromiseStatus, acts []node) node {
	var kids []node
	if names := r.partyNames(p.GivenBy); names != "" {
		kids = append(kids, textEl("p", names+" "+wPromise.in(r.lang)).class("giver meta"))
	}
	kids = append(kids, r.dataEl("h4", p.Text).class("promise-text"),
		h("p", statusChip(ps.Status, r.lang, "")).class("promise-status"))
	if p.Withdrawn != nil {
		kids = append(kids, r.withdrawn(p.Withdrawn))
	}
	if len(acts) > 0 {
		kids = append(kids, h("ul", acts...).class("activities"))
	}
	return h("li", kids...).class("promise").
		attr("part", "promise").
		attr("data-id", p.ID.String()).
		attr("data-status", ps.Status.String())
}

func (r renderer) withdrawn(w *promise.Withdrawal) node {
	return h("p", text(wWithdrawn.in(r.lang)+" "), dateEl(w.Date, r.lang), text(": "), r.dataText(w.Reason)).class("withdrawn")
}

// activity renders an activity under the promise (or group) key: its
// status, text, progress and reason, and its follow-up behind a
// disclosure.
func (r renderer) activity(a *promise.Activity, as *followup.ActivityStatus, key string) node {
	body := []node{r.dataEl("p", a.Text).class("activity-text")}
	if prog := r.progress(&as.Outcome); prog.Tag != "" {
		body = append(body, prog)
	}
	if !as.Reason.IsZero() {
		body = append(body, r.dataEl("p", as.Reason).class("reason"))
	}
	if as.Computed != nil && as.Computed.Status != as.Status {
		body = append(body, h("p", text(wComputed.in(r.lang)+": "), statusChip(as.Computed.Status, r.lang, "")).class("computed meta"))
	}
	if a.Withdrawn != nil {
		body = append(body, r.withdrawn(a.Withdrawn))
	}
	if d := r.details(a, as, key); d.Tag != "" {
		body = append(body, d)
	}
	return h("li",
		h("div", statusChip(as.Status, r.lang, "")).class("activity-status"),
		h("div", body...).class("activity-body"),
	).class("activity").
		attr("part", "activity").
		attr("data-id", a.ID.String()).
		attr("data-status", as.Status.String())
}

// progress returns the outcome's numbers as a progress bar with its value
// text ("20 av minst 8 områden"), or nothing when the outcome has none.
func (r renderer) progress(o *followup.Outcome) node {
	if o.Numbers.IsZero() || o.Status == followup.Withdrawn {
		return node{}
	}
	nums, lang := r.pick(o.Numbers)
	pct := percent(o.Progress)
	bar := node{Tag: "progress", Attrs: map[string]string{
		"value":          strconv.Itoa(pct),
		"max":            "100",
		"aria-label":     wProgress.in(r.lang),
		"aria-valuetext": nums,
		"part":           "progress",
	}}
	num := textEl("span", " "+nums).class("numbers")
	if lang != r.lang {
		num = num.attr("lang", lang)
	}
	return h("p", bar, num).class("progress")
}

// details returns the activity's follow-up and sources behind a
// disclosure: a native details element, which the keyboard opens and
// closes; its data-key keeps it open across renders.
func (r renderer) details(a *promise.Activity, as *followup.ActivityStatus, key string) node {
	var kids []node
	// The latest report seen that says something about the activity.
	var upd *followup.Update
	var rep *followup.Report
	for i := len(as.Reports) - 1; i >= 0 && upd == nil; i-- {
		rp := r.reports[as.Reports[i]]
		if rp == nil {
			continue
		}
		for j := range rp.Updates {
			if rp.Updates[j].ActivityID == a.ID {
				upd, rep = &rp.Updates[j], rp
				break
			}
		}
	}
	if upd != nil {
		head := []node{text(wLatest.in(r.lang) + " "), dateEl(rep.Date, r.lang)}
		if names := r.partyNames(rep.ReportedBy); names != "" {
			head = append(head, text(" ("+names+")"))
		}
		if rep.Illustrative {
			head = append(head, text(" – "+wExample.in(r.lang)))
		}
		kids = append(kids, h("p", h("strong", head...)).class("report-head"))
		if !upd.Narrative.IsZero() {
			kids = append(kids, r.dataEl("p", upd.Narrative))
		}
		if !upd.Shortfall.IsZero() {
			kids = append(kids, h("p", text(wShortfall.in(r.lang)+": "), r.dataText(upd.Shortfall)))
		}
		for _, s := range upd.Substitutes {
			kids = append(kids, h("p", text(wInstead.in(r.lang)+": "), r.dataText(s.Text)))
		}
	}
	if as.Assessment != nil {
		x := as.Assessment
		p := []node{text(wAssessment.in(r.lang) + " "), dateEl(x.Date, r.lang)}
		if names := r.partyNames(x.ReportedBy); names != "" {
			p = append(p, text(" ("+names+")"))
		}
		p = append(p, text(": "+x.Status.Label(r.lang)+". "), r.dataText(x.Justification))
		kids = append(kids, h("p", p...).class("assessment"))
	}
	if len(as.Results) > 0 {
		var items []node
		for _, res := range as.Results {
			items = append(items, r.result(res))
		}
		kids = append(kids, textEl("p", wResults.in(r.lang)+":"), h("ul", items...).class("results"))
	}
	for _, c := range as.Conflicts {
		var figs []string
		for _, f := range c.Figures {
			s := formatNumber(f.Value, r.lang)
			if !f.ReportDate.IsZero() {
				s += " (" + formatDate(f.ReportDate, r.lang) + ")"
			}
			figs = append(figs, s)
		}
		kids = append(kids, textEl("p", wConflict.in(r.lang)+": "+joinList(figs, r.lang)+". "+
			sprintf(wUsed.in(r.lang), formatNumber(c.Used, r.lang))).class("conflict"))
	}
	var who []string
	if names := r.partyNames(a.LeadIDs); names != "" {
		who = append(who, wLead.in(r.lang)+": "+names)
	}
	if names := r.partyNames(a.PartnerIDs); names != "" {
		who = append(who, wPartners.in(r.lang)+": "+names)
	}
	if len(who) > 0 {
		kids = append(kids, textEl("p", strings.Join(who, " · ")).class("who"))
	}
	for _, n := range a.Notes {
		kids = append(kids, r.dataEl("p", n.Text).class("note"))
	}
	var links []node
	if upd != nil {
		for _, l := range upd.Evidence {
			links = append(links, h("li", r.link(l.URL, l.Title)))
		}
	}
	for _, id := range a.SourceIDs {
		if s := r.sources[id]; s != nil {
			links = append(links, h("li", r.link(s.URL, s.Title)))
		}
	}
	if len(links) > 0 {
		kids = append(kids, textEl("p", wEvidence.in(r.lang)+":"), h("ul", links...).class("links"))
	}
	if len(kids) == 0 {
		return node{}
	}
	return h("details", append([]node{textEl("summary", wFollowUp.in(r.lang))}, kids...)...).
		attr("part", "details").
		attr("data-key", "f-"+key+"-"+a.ID.String())
}

func (r renderer) result(res followup.Result) node {
	s := ""
	if res.Value != nil {
		s = formatNumber(*res.Value, r.lang)
	}
	if u := res.Unit.In(r.lang); u != "" {
		s += " " + u
	}
	kids := []node{text(s)}
	if !res.Description.IsZero() {
		kids = append(kids, text(": "), r.dataText(res.Description))
	}
	if !res.Date.IsZero() {
		kids = append(kids, text(" ("), dateEl(res.Date, r.lang), text(")"))
	}
	return h("li", kids...)
}

// link returns a link with a title from the data, or its text when the
// URL is not http(s).
func (r renderer) link(href string, title promise.Text) node {
	s, lang := r.pick(title)
	n := link(href, s)
	if s != "" && lang != r.lang {
		n = n.attr("lang", lang)
	}
	return n
}

// partyNames returns the short names (else names) of the parties, as a
// sentence.
func (r renderer) partyNames(ids []uuid.UUID) string {
	var names []string
	for _, id := range ids {
		p := r.parties[id]
		if p == nil {
			continue
		}
		n := p.ShortName.In(r.lang)
		if n == "" {
			n = p.Name.In(r.lang)
		}
		names = append(names, n)
	}
	return joinList(names, r.lang)
}

// sourceLinks returns the sources as links (as plain text when a source
// has no web address), separated by " · ".
func (r renderer) sourceLinks(ids []uuid.UUID) []node {
	var out []node
	for _, id := range ids {
		s := r.sources[id]
		if s == nil {
			continue
		}
		if len(out) > 0 {
			out = append(out, text(" · "))
		}
		out = append(out, r.link(s.URL, s.Title))
	}
	return out
}

// dateEl returns a date as a time element: "31 januari 2020", with its
// ISO form in datetime.
func dateEl(d promise.Date, lang string) node {
	if d.IsZero() {
		return node{}
	}
	return textEl("time", formatDate(d, lang)).attr("datetime", d.String())
}
