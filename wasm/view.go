//go:build js && wasm

package main

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// nilID is the zero ID: no id.
var nilID promise.ID

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
	// Promise, when not nilID, is the one promise to show.
	Promise promise.ID
	// Level is the level of the widget's top headings (the heading-level
	// attribute, 1 to 4; 0 means 2).
	Level int
}

// viewError is data the view cannot show as asked: the promise attribute
// names no promise of the data, or there is nothing to follow up.
type viewError struct {
	msg words.Key
	arg string
}

func (e viewError) Error() string              { return words.M(e.msg, e.arg).In("en") }
func (e viewError) explain(lang string) string { return words.M(e.msg, e.arg).In(lang) }
func (viewError) retryable() bool              { return false }

// content renders the status of the data at in.At, as followup.Evaluate
// derives it (the same evaluation the report command prints), laid out
// from the page of package followup/view that the published report
// lays out too: for each citizen promise (and action plan) its title,
// parties, period and signing; a summary (the status as a banner, the
// counts of activities per status, the overall progress); the promises
// grouped by theme, each with its status as a banner and its activities
// with theirs as chips; the follow-up of each activity, with its history
// as a chart, behind a disclosure; and the sources. The document's notes
// for editors are not shown. Every promise and activity element carries
// data-id (its UUID) and data-status (the status token). With in.Promise
// set, only that promise is shown.
func content(in viewInput) (node, error) {
	doc := &in.Bundle.Document
	if in.Promise != nilID && !hasPromise(doc, in.Promise) {
		return node{}, viewError{"widget.errNoPromise", in.Promise.String()}
	}
	ev := followup.Evaluate(in.Bundle, in.At)
	pg := view.Build(in.Bundle, ev, in.Lang, view.Options{Promise: in.Promise})
	if len(pg.Sections) == 0 {
		return node{}, viewError{"widget.errNoCitizen", ""}
	}
	level := in.Level
	if level < 1 || level > 4 {
		level = 2
	}
	r := renderer{lang: pg.Lang, level: level}
	var out []node
	for i := range pg.Sections {
		out = append(out, r.section(&pg.Sections[i]))
	}
	return h("div", out...).class("content"), nil
}

func hasPromise(doc *promise.Document, id promise.ID) bool {
	for i := range doc.CitizenPromises {
		for j := range doc.CitizenPromises[i].Promises {
			if doc.CitizenPromises[i].Promises[j].ID == id {
				return true
			}
		}
	}
	return false
}

type renderer struct {
	lang  string
	level int
}

// say returns the catalog's text of k in the widget's language.
func (r renderer) say(k words.Key) string { return k.In(r.lang) }

// heading returns the heading tag d levels below the widget's top.
func (r renderer) heading(d int) string { return "h" + strconv.Itoa(min(r.level+d, 6)) }

// dataEl returns an element holding a text of the data, marked with its
// language when it is not the widget's.
func dataEl(tag string, t view.Text) node {
	n := textEl(tag, t.S)
	if t.S != "" && t.Lang != "" {
		n = n.attr("lang", t.Lang)
	}
	return n
}

// dataText returns a text of the data as inline content.
func dataText(t view.Text) node {
	if t.S != "" && t.Lang != "" {
		return textEl("span", t.S).attr("lang", t.Lang)
	}
	return text(t.S)
}

func (r renderer) section(s *view.Section) node {
	titleID := "t-" + s.ID
	var meta []node
	sep := func() {
		if len(meta) > 0 {
			meta = append(meta, text(" · "))
		}
	}
	if s.Parties != "" {
		meta = append(meta, text(s.Parties))
	}
	if s.Period != "" {
		sep()
		meta = append(meta, text(s.Period))
	}
	if s.Signed != "" {
		sep()
		meta = append(meta, text(s.Signed))
	}
	kids := []node{
		h("header", dataEl(r.heading(0), s.Title).class("title").attr("id", titleID), h("p", meta...).class("meta")).attr("part", "header"),
		r.summary(&s.Summary),
	}
	for i := range s.Themes {
		kids = append(kids, r.theme(&s.Themes[i]))
	}
	if len(s.Sources) > 0 {
		src := []node{text(r.say("widget.sourceDocs") + ": ")}
		for i, l := range s.Sources {
			if i > 0 {
				src = append(src, text(" · "))
			}
			src = append(src, r.link(l))
		}
		kids = append(kids, h("p", src...).class("sources").attr("part", "sources"))
	}
	return h("section", kids...).
		class("citizen-promise").
		attr("part", "citizen-promise").
		attr("data-id", s.ID).
		attr("data-status", s.Summary.Status.Token).
		attr("aria-labelledby", titleID)
}

// summary shows the status as a banner, how many activities stand at each
// status, a bar of the roll-up's progress, the date of the status and of
// the latest follow-up, and a notice when a report seen is only an
// example.
func (r renderer) summary(s *view.Summary) node {
	var chips []node
	for _, c := range s.Counts {
		chips = append(chips, h("li", chip(c.Status), text(" "+c.Text)))
	}
	var bar node
	if s.HasProgress {
		bar = h("p",
			textEl("span", s.ProgressLabel+": "+s.ProgressText).class("label"),
			progress(s.Progress, s.ProgressLabel, s.ProgressText),
		).class("overall")
	}
	asOf := []node{text(r.say("publish.statusAt") + " "), dateEl(s.At), text(" · ")}
	if s.LastReport.IsZero() {
		asOf = append(asOf, text(s.NoReport))
	} else {
		asOf = append(asOf, text(r.say("publish.lastReport")+" "), dateEl(s.LastReport))
	}
	kids := []node{
		h("p", banner(s.Status)).class("overall-status"),
		textEl("p", s.Total).class("total"),
		h("ul", chips...).class("counts").attr("aria-label", s.CountsText),
		bar,
		h("p", asOf...).class("as-of meta"),
	}
	if s.Illustrative != "" {
		kids = append(kids, textEl("p", s.Illustrative).class("illustrative").attr("part", "illustrative"))
	}
	return h("div", kids...).class("summary").attr("part", "summary")
}

// progress is a progress element of a percentage, with its name and
// its value in words.
func progress(pct int, label, value string) node {
	return svgEl("progress", "", "value", strconv.Itoa(pct), "max", "100",
		"aria-label", label, "aria-valuetext", value, "part", "progress")
}

// chip is an activity's status: a small pill with the symbol and the
// label; the symbol is hidden from assistive technology, the label says
// it all.
func chip(s view.Status) node {
	return h("span",
		textEl("span", s.Symbol).class("icon").attr("aria-hidden", "true"),
		text(" "+s.Label),
	).class("status chip status-"+s.Token).attr("part", "status status-"+s.Token)
}

// banner is the status of a promise or of the whole: a wide, squared tag
// with a thick edge, not to be taken for an activity's chip.
func banner(s view.Status) node {
	return h("span",
		textEl("span", s.Symbol).class("icon").attr("aria-hidden", "true"),
		text(" "+s.Label),
	).class("status banner status-"+s.Token).attr("part", "status banner status-"+s.Token)
}

func (r renderer) theme(t *view.Theme) node {
	kids := []node{dataEl(r.heading(1), t.Title).class("group")}
	if len(t.Promises) > 0 {
		var ps []node
		for i := range t.Promises {
			ps = append(ps, r.promise(&t.Promises[i]))
		}
		kids = append(kids, h("ul", ps...).class("promises"))
	}
	if len(t.Activities) > 0 {
		if t.Subtitle != "" {
			kids = append(kids, textEl(r.heading(2), t.Subtitle).class("subgroup"))
		}
		kids = append(kids, r.activities(t.Activities))
	}
	return h("section", kids...).class("theme").attr("part", "theme")
}

func (r renderer) activities(as []view.Activity) node {
	var items []node
	for i := range as {
		items = append(items, r.activity(&as[i]))
	}
	return h("ul", items...).class("activities")
}

func (r renderer) promise(p *view.Promise) node {
	kids := []node{
		h("div", dataEl(r.heading(2), p.Text).class("promise-text"), h("p", banner(p.Status)).class("promise-status")).class("promise-head"),
	}
	if p.GivenBy != "" {
		kids = append(kids, textEl("p", p.GivenBy).class("giver meta"))
	}
	if p.Withdrawn != "" {
		kids = append(kids, textEl("p", p.Withdrawn).class("withdrawn"))
	}
	if len(p.Activities) > 0 {
		kids = append(kids, r.activities(p.Activities))
	}
	return h("li", kids...).class("promise").
		attr("part", "promise").
		attr("data-id", p.ID).
		attr("data-status", p.Status.Token)
}

// activity renders an activity: its status, text, progress and reason,
// and its follow-up behind a disclosure.
func (r renderer) activity(a *view.Activity) node {
	body := []node{dataEl("p", a.Text).class("activity-text")}
	if a.HasProgress {
		body = append(body, h("p",
			progress(a.Progress, r.say("widget.progress"), a.Numbers),
			textEl("span", " "+a.Numbers).class("numbers"),
		).class("progress"))
	}
	if a.Reason != "" {
		body = append(body, textEl("p", a.Reason).class("reason"))
	}
	if a.Computed != nil {
		body = append(body, h("p", text(r.say("publish.computed")+": "), chip(*a.Computed)).class("computed meta"))
	}
	if a.Withdrawn != "" {
		body = append(body, textEl("p", a.Withdrawn).class("withdrawn"))
	}
	body = append(body, r.details(a))
	return h("li",
		h("div", chip(a.Status)).class("activity-status"),
		h("div", body...).class("activity-body"),
	).class("activity").
		attr("part", "activity").
		attr("data-id", a.ID).
		attr("data-status", a.Status.Token)
}

// details returns the activity's follow-up, history and sources behind a
// disclosure: a native details element, which the keyboard opens and
// closes; its data-key keeps it open across renders.
func (r renderer) details(a *view.Activity) node {
	var kids []node
	who := r.say("publish.lead") + ": " + a.Lead
	if a.Partners != "" {
		who += " · " + r.say("view.partners") + ": " + a.Partners
	}
	kids = append(kids, textEl("p", who).class("who"))
	for _, l := range a.Leads {
		kids = append(kids, textEl("p", l).class("who"))
	}
	kids = r.list(kids, "publish.target", a.Targets)
	for i := range a.Updates {
		u := &a.Updates[i]
		head := []node{text(u.Heading)}
		if u.Illustrative {
			head = append(head, text(" – "+r.say("widget.example")))
		}
		kids = append(kids, h("p", h("strong", head...)).class("report-head"))
		if u.Narrative.S != "" {
			kids = append(kids, dataEl("p", u.Narrative))
		}
		if u.Shortfall.S != "" {
			kids = append(kids, h("p", text(r.say("publish.shortfall")+": "), dataText(u.Shortfall)))
		}
		for _, s := range u.Substitutes {
			kids = append(kids, textEl("p", r.say("publish.substitutes")+": "+s))
		}
		kids = r.links(kids, "publish.evidence", u.Evidence)
	}
	if a.Assessment != "" {
		kids = append(kids, textEl("p", a.Assessment).class("assessment"))
	}
	kids = r.list(kids, "publish.reported", a.Results)
	kids = r.list(kids, "publish.elsewhere", a.Elsewhere)
	for _, c := range a.Conflicts {
		kids = append(kids, textEl("p", c).class("conflict"))
	}
	if c := view.ChartOf(a.History, r.lang); c != nil {
		kids = append(kids, r.chart(c, a.ID))
	}
	kids = r.links(kids, "widget.sources", a.Sources)
	return h("details", append([]node{textEl("summary", r.say("view.followUp"))}, kids...)...).
		attr("part", "details").
		attr("data-key", "f-"+a.ID)
}

// list appends a label and a list of texts to kids, when there are any.
func (r renderer) list(kids []node, label words.Key, items []string) []node {
	if len(items) == 0 {
		return kids
	}
	var li []node
	for _, s := range items {
		li = append(li, textEl("li", s))
	}
	return append(kids, textEl("p", r.say(label)+":"), h("ul", li...))
}

// links appends a label and a list of links to kids, when there are any.
func (r renderer) links(kids []node, label words.Key, ls []view.Link) []node {
	if len(ls) == 0 {
		return kids
	}
	var li []node
	for _, l := range ls {
		li = append(li, h("li", r.link(l)))
	}
	return append(kids, textEl("p", r.say(label)+":"), h("ul", li...).class("links"))
}

// chart draws the history of an activity as SVG with the tree's builder:
// a bar per reporting period as high as the share done, the status's
// symbol above it, the period's number below, and a line through the
// tops; the svg has a title and a description, and the description
// stands below it in words too.
func (r renderer) chart(c *view.Chart, id string) node {
	n := strconv.Itoa
	svg := []node{
		textEl("title", c.Title).attr("id", "ct-"+id),
		textEl("desc", c.Desc).attr("id", "cd-"+id),
		svgEl("line", "axis", "x1", "0", "y1", n(c.Base), "x2", n(c.W), "y2", n(c.Base)),
		svgEl("line", "axis top", "x1", "0", "y1", n(c.Top), "x2", n(c.W), "y2", n(c.Top)),
	}
	for _, b := range c.Bars {
		svg = append(svg, h("g",
			svgEl("rect", "bar", "x", n(b.X), "y", n(b.Y), "width", n(b.W), "height", n(b.H)),
			svgEl("text", "sym", "x", n(b.SymbolX), "y", n(b.SymbolY)).withText(b.Status.Symbol),
			svgEl("text", "num", "x", n(b.SymbolX), "y", n(b.LabelY)).withText(b.Label),
		).class("status-"+b.Status.Token))
	}
	svg = append(svg, svgEl("polyline", "line", "points", c.Line))
	return h("div",
		textEl("p", c.Title+":").class("chart-title"),
		svgEl("svg", "", "viewBox", "0 0 "+n(c.W)+" "+n(c.H), "width", n(c.W), "height", n(c.H),
			"role", "img", "aria-labelledby", "ct-"+id+" cd-"+id).withKids(svg),
		textEl("p", c.Desc).class("chart-desc"),
	).class("chart").attr("part", "chart")
}

// svgEl returns an element (of a chart, or a progress) with class c, if
// any, and the attributes kv (name, value, …).
func svgEl(tag, c string, kv ...string) node {
	n := node{Tag: tag, Attrs: map[string]string{}}
	if c != "" {
		n.Attrs["class"] = c
	}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attrs[kv[i]] = kv[i+1]
	}
	return n
}

func (n node) withText(s string) node { n.Text = s; return n }

func (n node) withKids(k []node) node { n.Kids = k; return n }

// link returns a link with a title from the data.
func (r renderer) link(l view.Link) node {
	n := link(l.URL, l.Text.S)
	if l.Text.Lang != "" {
		n = n.attr("lang", l.Text.Lang)
	}
	return n
}

// dateEl returns a date as a time element: "31 januari 2020", with its
// ISO form in datetime.
func dateEl(d view.Date) node {
	if d.IsZero() {
		return node{}
	}
	return textEl("time", d.Text).attr("datetime", d.ISO)
}
