//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// The widget's words are in the catalog (package promise/words, keys
// widget.*, view.* and publish.*), the same as the published report's;
// texts of the data come from the data, in the widget's language.

// formatTime returns a moment as a date and a time of day in the
// browser's time zone: "22 november 2026 kl. 14.05", "22 November 2026,
// 14:05".
func formatTime(t time.Time, lang string) string {
	t = t.Local()
	d := view.DateOf(promise.DateOf(t), lang).Text
	hh, mm, _ := t.Clock()
	return words.M("widget.time", d, pad2(hh), pad2(mm)).In(lang)
}

// isoTime returns t in UTC as RFC 3339, 2020-01-31T10:00:00Z, without
// time's formatter (which the widget links for nothing else).
func isoTime(t time.Time) string {
	t = t.UTC()
	hh, mm, ss := t.Clock()
	return promise.DateOf(t).String() + "T" + pad2(hh) + ":" + pad2(mm) + ":" + pad2(ss) + "Z"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// language returns the widget's language for a lang attribute: the
// catalog's language that serves it ("en" for "en-GB"), else Swedish.
func language(lang string) string {
	return words.Lang(strings.ToLower(lang))
}
