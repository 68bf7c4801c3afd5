package followup

import (
	"math"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// A reason is a list of parts, each a text of the catalog (package
// promise/words) with its arguments, or a text of the document as it is
// (a justification, a withdrawal's reason). The rules build reasons as
// data: the key of each part is its code ([Outcome.Codes]), and the
// arguments are values that know how to print themselves in each language
// (numbers, dates, labels, texts), so that every language carries the
// same numbers. The evaluation renders only the reasons that reach its
// output, into every language of the catalog; parts append to one byte
// buffer, so that a rendered reason costs its strings and its map.

// loc is an argument of a phrase that prints differently per language.
type loc = words.Arg

// phrase is a text of the catalog.
type phrase words.Key

// text returns the phrase with its arguments as an unrendered reason.
func (m phrase) text(args ...any) reason { return reason{{p: m, args: args}} }

// now returns the phrase rendered.
func (m phrase) now(args ...any) promise.Text { return m.text(args...).render(nil) }

// appendIn writes the phrase in lang with its arguments.
func (m phrase) appendIn(b []byte, lang string, args []any) []byte {
	return words.Fill(b, words.Template(words.Key(m), lang), lang, argsOf(args))
}

// AppendIn lets a phrase without arguments be the argument of another.
func (m phrase) AppendIn(b []byte, lang string) []byte { return m.appendIn(b, lang, nil) }

// argsOf adapts the arguments of the rules to package words: dates,
// periods and statuses print as the rules print them.
func argsOf(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case promise.Date:
			args[i] = dateArg(v)
		case promise.Period:
			args[i] = periodArg(v)
		case Status:
			args[i] = words.Key("status." + v.String())
		case promise.Text:
			args[i] = map[string]string(v)
		}
	}
	return args
}

type dateArg promise.Date

func (d dateArg) AppendIn(b []byte, _ string) []byte { return appendDate(b, promise.Date(d)) }

type periodArg promise.Period

func (p periodArg) AppendIn(b []byte, _ string) []byte { return appendPeriod(b, promise.Period(p)) }

// reason is an unrendered text: parts joined with spaces.
type reason []part

// part is a phrase with its arguments, or a text as it is (a
// justification, a withdrawal's reason).
type part struct {
	p    phrase
	args []any
	raw  promise.Text
}

// concat joins reasons.
func concat(rs ...reason) reason {
	n := 0
	for _, r := range rs {
		n += len(r)
	}
	out := make(reason, 0, n)
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

// raw is a text as it is.
func raw(t promise.Text) reason {
	if t.IsZero() {
		return nil
	}
	return reason{{raw: t}}
}

// render writes the reason in every language of the catalog, using buf
// (which may be nil) as scratch space; nil for no reason.
func (r reason) render(buf *[]byte) promise.Text {
	if len(r) == 0 {
		return nil
	}
	var scratch []byte
	if buf == nil {
		buf = &scratch
	}
	out := make(promise.Text, len(langs))
	for _, l := range langs {
		*buf = r.appendIn((*buf)[:0], l)
		out[l] = string(*buf)
	}
	return out
}

// langs are the languages reasons are rendered in.
var langs = words.Languages()

// codes returns the keys of the reason's parts, in order: the reason as
// data.
func (r reason) codes() []string {
	var out []string
	for _, p := range r {
		if p.raw == nil && p.p != "" {
			out = append(out, string(p.p))
		}
	}
	return out
}

// AppendIn lets a reason be the argument of a phrase.
func (r reason) AppendIn(b []byte, lang string) []byte { return r.appendIn(b, lang) }

func (r reason) appendIn(b []byte, lang string) []byte {
	start := len(b)
	for _, p := range r {
		if p.raw != nil {
			s := strings.TrimSpace(p.raw.In(lang))
			if s == "" {
				continue
			}
			if len(b) > start {
				b = append(b, ' ')
			}
			b = append(b, s...)
			continue
		}
		if len(b) > start {
			b = append(b, ' ')
		}
		b = p.p.appendIn(b, lang, p.args)
	}
	return b
}

// num is a number printed with at most dec decimals.
type num struct {
	v   float64
	dec int
}

func (n num) AppendIn(b []byte, lang string) []byte { return words.AppendNumber(b, n.v, n.dec, lang) }

// pct is a share printed as a whole percentage: "83 %" in Swedish, "83%"
// in English.
type pct float64

func (p pct) AppendIn(b []byte, lang string) []byte {
	return words.AppendShare(b, math.Round(float64(p)*100)/100, lang)
}

// joined is a list of texts joined with commas and a final "och"/"and".
type joined []promise.Text

func (j joined) AppendIn(b []byte, lang string) []byte {
	l := make(words.List, len(j))
	for i, t := range j {
		l[i] = map[string]string(t)
	}
	return l.AppendIn(b, lang)
}

// listOf joins the parts of a reason with commas: "Mariefred 2 av 1,
// Stallarholmen 0 av 1".
type listOf reason

func (l listOf) AppendIn(b []byte, lang string) []byte {
	for i, p := range l {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = p.p.appendIn(b, lang, p.args)
	}
	return b
}

// appendDate writes d as YYYY-MM-DD, or as precise as it is (YYYY-MM,
// YYYY).
func appendDate(b []byte, d promise.Date) []byte {
	return append(b, d.String()...)
}

// appendPeriod writes p as "2019-01-01–2019-04-30".
func appendPeriod(b []byte, p promise.Period) []byte {
	b = appendDate(b, p.Start)
	b = append(b, "–"...)
	return appendDate(b, p.End)
}

// quantity is a number with its unit: "20 områden", "58 %".
type quantity struct {
	v    float64
	unit promise.Text
	dec  int
}

func (q quantity) AppendIn(b []byte, lang string) []byte {
	switch u := q.unit.In(lang); u {
	case "":
		return words.AppendNumber(b, q.v, q.dec, lang)
	case "%":
		return words.Fill(b, words.Template("fmt.percent", lang), lang, []any{words.Number{V: q.v, Dec: q.dec}})
	default:
		b = words.AppendNumber(b, q.v, q.dec, lang)
		b = append(b, ' ')
		return append(b, u...)
	}
}

// partyNames names the parties of a report by their short names.
type partyNames struct {
	ix  *cpIndex
	ids []promise.ID
}

func (p partyNames) AppendIn(b []byte, lang string) []byte {
	if len(p.ids) == 0 {
		return words.Key("followup.unknownParty").AppendIn(b, lang)
	}
	names := make(joined, 0, len(p.ids))
	for _, id := range p.ids {
		names = append(names, p.ix.partyName(id))
	}
	return names.AppendIn(b, lang)
}
