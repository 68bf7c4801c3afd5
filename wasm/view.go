//go:build js && wasm

package main

import (
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

// content renders the data: each citizen promise with its title, parties,
// period and signing, and its promises with their activities; every
// promise and activity element carries data-id with its UUID. It is the
// minimal view that makes the pipeline testable; the status view replaces
// it, keeping this signature.
func content(in viewInput) (node, error) {
	doc := &in.Bundle.Document
	parties := make(map[uuid.UUID]*promise.Party, len(doc.Parties))
	for i := range doc.Parties {
		parties[doc.Parties[i].ID] = &doc.Parties[i]
	}
	sources := make(map[uuid.UUID]*promise.Source, len(doc.Sources))
	for i := range doc.Sources {
		sources[doc.Sources[i].ID] = &doc.Sources[i]
	}
	r := renderer{lang: in.Lang, parties: parties, sources: sources}

	var out []node
	found := in.Promise == uuid.Nil
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if in.Promise != uuid.Nil && !hasPromise(cp, in.Promise) {
			continue
		}
		found = true
		out = append(out, r.citizenPromise(cp, in.Promise))
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
	parties map[uuid.UUID]*promise.Party
	sources map[uuid.UUID]*promise.Source
}

func (r renderer) citizenPromise(cp *promise.CitizenPromise, only uuid.UUID) node {
	titleID := "t-" + cp.ID.String()
	var meta []string
	if names := r.partyNames(cp.PartyIDs); names != "" {
		meta = append(meta, names)
	}
	if p := formatPeriod(cp.Period, r.lang); p != "" {
		meta = append(meta, p)
	}
	if !cp.Signed.IsZero() {
		meta = append(meta, wSigned.in(r.lang)+" "+formatDate(cp.Signed, r.lang))
	}
	header := h("header",
		textEl("h2", cp.Title.In(r.lang)).attr("id", titleID),
		textEl("p", strings.Join(meta, " · ")).class("meta"),
	)

	// Activities under each promise they serve; those that name no
	// promise are listed after, unless one promise is asked for.
	var promises []node
	served := make(map[uuid.UUID]bool)
	for i := range cp.Promises {
		p := &cp.Promises[i]
		if only != uuid.Nil && p.ID != only {
			continue
		}
		var acts []node
		for j := range cp.Activities {
			a := &cp.Activities[j]
			for _, pid := range a.PromiseIDs {
				if pid == p.ID {
					acts = append(acts, r.activity(a))
					served[a.ID] = true
				}
			}
		}
		promises = append(promises, r.promise(p, acts))
	}
	kids := []node{header, h("ul", promises...).class("promises")}
	if only == uuid.Nil {
		var other []node
		for j := range cp.Activities {
			if a := &cp.Activities[j]; !served[a.ID] {
				other = append(other, r.activity(a))
			}
		}
		if len(other) > 0 {
			kids = append(kids, textEl("h3", wOther.in(r.lang)).class("other"),
				h("ul", other...).class("activities"))
		}
	}
	if src := r.sourceLinks(cp.SourceIDs); len(src) > 0 {
		kids = append(kids, h("p", append([]node{text(wSources.in(r.lang) + ": ")}, src...)...).class("sources"))
	}
	return h("section", kids...).
		class("citizen-promise").
		attr("data-id", cp.ID.String()).
		attr("aria-labelledby", titleID)
}

func (r renderer) promise(p *promise.Promise, acts []node) node {
	kids := []node{textEl("p", p.Text.In(r.lang)).class("promise-text")}
	if p.Withdrawn != nil {
		kids = append(kids, textEl("p", wWithdrawn.in(r.lang)+" "+formatDate(p.Withdrawn.Date, r.lang)+": "+p.Withdrawn.Reason.In(r.lang)).class("withdrawn"))
	}
	if len(acts) > 0 {
		kids = append(kids, h("ul", acts...).class("activities"))
	}
	return h("li", kids...).class("promise").attr("data-id", p.ID.String())
}

func (r renderer) activity(a *promise.Activity) node {
	var meta []string
	if names := r.partyNames(a.LeadIDs); names != "" {
		meta = append(meta, wLead.in(r.lang)+": "+names)
	}
	if names := r.partyNames(a.PartnerIDs); names != "" {
		meta = append(meta, wPartners.in(r.lang)+": "+names)
	}
	kids := []node{textEl("p", a.Text.In(r.lang)).class("activity-text")}
	if len(meta) > 0 {
		kids = append(kids, textEl("p", strings.Join(meta, " · ")).class("meta"))
	}
	if a.Withdrawn != nil {
		kids = append(kids, textEl("p", wWithdrawn.in(r.lang)+" "+formatDate(a.Withdrawn.Date, r.lang)+": "+a.Withdrawn.Reason.In(r.lang)).class("withdrawn"))
	}
	if d := r.details(a); d.Tag != "" {
		kids = append(kids, d)
	}
	return h("li", kids...).class("activity").attr("data-id", a.ID.String())
}

// details returns the activity's notes and sources behind a disclosure: a
// native details element, which the keyboard opens for free; its data-key
// keeps it open across renders.
func (r renderer) details(a *promise.Activity) node {
	var kids []node
	for _, n := range a.Notes {
		kids = append(kids, textEl("p", n.Text.In(r.lang)))
	}
	if src := r.sourceLinks(a.SourceIDs); len(src) > 0 {
		kids = append(kids, h("p", append([]node{text(wSources.in(r.lang) + ": ")}, src...)...))
	}
	if len(kids) == 0 {
		return node{}
	}
	return h("details", append([]node{textEl("summary", wNotesSources.in(r.lang))}, kids...)...).
		attr("data-key", "notes-"+a.ID.String())
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
		out = append(out, link(s.URL, s.Title.In(r.lang)))
	}
	return out
}
