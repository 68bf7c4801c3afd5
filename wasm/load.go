//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// dataError is a file the widget refuses: not JSON, not a citizen promise
// of format 1.x, not of the format's structure, or breaking the model's
// invariants; with every problem placed in the file.
type dataError struct{ err *strict.Error }

func (e dataError) Error() string { return e.err.Error() }

// explain says, in the reader's language, why the data cannot be shown;
// the problems follow it in the view, the details go to the console.
func (e dataError) explain(lang string) string {
	switch e.err.Kind {
	case strict.Syntax:
		return words.Key("widget.errJSON").In(lang)
	case strict.NotCitizenPromise:
		return words.Key("widget.errKind").In(lang)
	case strict.Structure:
		return words.Key("widget.errStructure").In(lang)
	case strict.Invalid:
		return words.Key("widget.errInvalid").In(lang)
	}
	return words.Key("widget.errBug").In(lang)
}

func (dataError) retryable() bool { return false }

// decodeBundle decodes data, a bundle or a promise document, as strictly
// as the validator (package strict): what the validator refuses the widget
// refuses too, with the same places, and never shows.
func decodeBundle(data []byte) (*followup.Bundle, error) {
	b, err := strict.Decode(data)
	if err != nil {
		if e, ok := err.(*strict.Error); ok {
			return nil, dataError{e}
		}
		return nil, err
	}
	return b, nil
}

// consoleMessage is the error for the page's editor, in the widget's
// language: what failed and, for data, every problem with its line,
// column and JSON pointer, and how to check the file.
func consoleMessage(src, lang string, err error) string {
	var b strings.Builder
	b.WriteString("medborgarlofte-status: ")
	b.WriteString(src)
	b.WriteString(": ")
	e, ok := err.(dataError)
	if !ok {
		if x, ok := err.(explained); ok {
			b.WriteString(x.explain(lang))
			if d, ok := err.(interface{ detail(string) string }); ok {
				b.WriteString(" ")
				b.WriteString(d.detail(lang))
			}
			b.WriteString(" (")
			b.WriteString(err.Error())
			b.WriteString(")")
		} else {
			b.WriteString(err.Error())
		}
		return b.String()
	}
	b.WriteString(e.explain(lang))
	b.WriteString(" ")
	b.WriteString(words.Key("widget.problems").In(lang))
	for _, p := range e.err.Problems {
		b.WriteString("\n  ")
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Column))
		b.WriteString(": ")
		ptr := p.Pointer
		if ptr == "" {
			ptr = "(root)"
		}
		b.WriteString(ptr)
		b.WriteString(": ")
		b.WriteString(p.Message.In(lang))
	}
	if e.err.More > 0 {
		b.WriteString("\n  ")
		b.WriteString(words.M("widget.errMore", strconv.Itoa(e.err.More)).In(lang))
	}
	return b.String()
}
