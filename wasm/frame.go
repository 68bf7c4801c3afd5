//go:build js && wasm

package main

import (
	"strconv"
	"time"

	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// frameInput is what the widget shows around a view: where the data came
// from and how fresh it is.
type frameInput struct {
	Lang string
	// Src is the absolute URL of the data.
	Src string
	// Fetched is when the data was fetched, or confirmed unchanged.
	Fetched time.Time
	// Stale, when not nil, is why the refresh failed: the data shown is
	// the offline copy.
	Stale error
	// Retrying is set while a retry the visitor asked for runs.
	Retrying bool
}

// frame wraps a view: a notice with a retry button when the data is
// stale, the view, and a footer with the data's link and date.
func frame(in frameInput, body node) node {
	var kids []node
	if in.Stale != nil {
		kids = append(kids, h("div",
			textEl("p", words.M("widget.stale", formatTime(in.Fetched, in.Lang)).In(in.Lang)),
			retryButton(in.Lang, in.Retrying),
		).class("notice stale").attr("role", "status"))
	}
	kids = append(kids, body)
	var foot []node
	foot = append(foot, link(in.Src, words.Key("widget.data").In(in.Lang)))
	if !in.Fetched.IsZero() {
		foot = append(foot, text(" · "+words.Key("widget.fetched").In(in.Lang)+" "),
			textEl("time", formatTime(in.Fetched, in.Lang)).attr("datetime", isoTime(in.Fetched)))
	}
	kids = append(kids, h("footer", h("p", foot...)).attr("part", "footer"))
	return h("div", kids...).class("mlo").attr("lang", in.Lang)
}

func retryButton(lang string, retrying bool) node {
	b := textEl("button", words.Key("widget.retry").In(lang)).attr("data-action", "retry").class("retry")
	if retrying {
		b = textEl("button", words.Key("widget.retrying").In(lang)).attr("data-action", "retry").attr("disabled", "").class("retry")
	}
	return b
}

// maxProblems is how many problems the widget lists; the console gets all.
const maxProblems = 5

// explained is an error the widget explains to the visitor in one
// sentence; retryable ones get a retry button, and with offline data they
// make it stale rather than an error.
type explained interface {
	error
	explain(lang string) string
	retryable() bool
}

// errorView explains why nothing can be shown, in the visitor's language:
// in a sentence, for data with its first problems behind a disclosure
// (the console has them all, with lines and columns), and with a retry
// button when trying again may help.
func errorView(lang, src string, err error, retrying bool) node {
	kids := []node{h("p", textEl("strong", words.Key("widget.errTitle").In(lang)))}
	switch e := err.(type) {
	case dataError:
		kids = append(kids, h("p", text(e.explain(lang)+" "+words.Key("widget.errConsole").In(lang)+" "), link(src, words.Key("widget.data").In(lang))))
		list := []node{textEl("summary", words.Key("widget.details").In(lang)), problemList(e.err.Problems, lang)}
		if n := len(e.err.Problems) - maxProblems + e.err.More; n > 0 {
			list = append(list, textEl("p", words.M("widget.errMore", strconv.Itoa(n)).In(lang)))
		}
		kids = append(kids, h("details", list...).attr("data-key", "problems"))
	case explained:
		kids = append(kids, textEl("p", e.explain(lang)))
		if e.retryable() {
			kids = append(kids, retryButton(lang, retrying))
		}
	default:
		kids = append(kids, textEl("p", words.M("widget.errInternal", err.Error()).In(lang)))
	}
	return h("div", h("div", kids...).class("notice error").attr("role", "alert")).class("mlo").attr("lang", lang)
}

func problemList(ps []strict.Problem, lang string) node {
	var items []node
	for i, p := range ps {
		if i == maxProblems {
			break
		}
		ptr := p.Pointer
		if ptr == "" {
			ptr = "(root)"
		}
		items = append(items, h("li", textEl("span", ptr).class("pointer"), text(": "+p.Message.In(lang))))
	}
	return h("ul", items...).class("problems")
}
