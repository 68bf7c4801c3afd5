package followup

import (
	"math"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Reasons are written in Swedish and English at once. A phrase is a pair
// of patterns with %s verbs only; its arguments are values that know how
// to print themselves in either language (numbers with a decimal comma in
// Swedish, labels, texts), so that the two sentences always carry the same
// numbers.
//
// The rules build a reason as a list of unrendered parts, and the
// evaluation renders only the reasons that reach its output (the reasons
// of the targets inside an activity's history are never printed). Parts
// append to one byte buffer, so that a rendered reason costs its two
// strings and its map.

// loc is an argument of a phrase that prints differently per language.
type loc interface {
	appendIn(b []byte, lang string) []byte
}

// phrase is a message in Swedish and English with the same arguments.
type phrase struct{ sv, en string }

// text returns the phrase with its arguments as an unrendered reason.
func (m phrase) text(args ...any) reason { return reason{{p: m, args: args}} }

// now returns the phrase rendered.
func (m phrase) now(args ...any) promise.Text { return m.text(args...).render(nil) }

// appendIn writes the phrase in lang, replacing each %s (or %q, quoted)
// with the next argument.
func (m phrase) appendIn(b []byte, lang string, args []any) []byte {
	pattern := m.sv
	if lang == "en" {
		pattern = m.en
	}
	for {
		i := strings.IndexByte(pattern, '%')
		if i < 0 || i == len(pattern)-1 || len(args) == 0 {
			return append(b, pattern...)
		}
		b = append(b, pattern[:i]...)
		if pattern[i+1] == 'q' {
			b = strconv.AppendQuote(b, string(appendArg(nil, args[0], lang)))
		} else {
			b = appendArg(b, args[0], lang)
		}
		args, pattern = args[1:], pattern[i+2:]
	}
}

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

// render writes the reason in Swedish and English, using buf (which may
// be nil) as scratch space; nil for no reason.
func (r reason) render(buf *[]byte) promise.Text {
	if len(r) == 0 {
		return nil
	}
	var scratch []byte
	if buf == nil {
		buf = &scratch
	}
	*buf = r.appendIn((*buf)[:0], "sv")
	sv := string(*buf)
	*buf = r.appendIn((*buf)[:0], "en")
	return promise.Text{"sv": sv, "en": string(*buf)}
}

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

func appendArg(b []byte, a any, lang string) []byte {
	switch v := a.(type) {
	case string:
		return append(b, v...)
	case loc:
		return v.appendIn(b, lang)
	case promise.Text:
		return append(b, v.In(lang)...)
	case promise.Date:
		return appendDate(b, v)
	case promise.Period:
		return appendPeriod(b, v)
	case Status:
		return append(b, v.Label(lang)...)
	case int:
		return appendNumber(b, float64(v), 0, lang)
	case float64:
		return appendNumber(b, v, 2, lang)
	}
	return append(b, '?')
}

// num is a number printed with at most dec decimals.
type num struct {
	v   float64
	dec int
}

func (n num) appendIn(b []byte, lang string) []byte { return appendNumber(b, n.v, n.dec, lang) }

// pct is a share printed as a whole percentage: "83 %" in Swedish, "83%"
// in English.
type pct float64

func (p pct) appendIn(b []byte, lang string) []byte {
	b = appendNumber(b, math.Round(float64(p)*100), 0, lang)
	if lang == "en" {
		return append(b, '%')
	}
	return append(b, "\u00a0%"...)
}

// joined is a list of texts joined with commas and a final "och"/"and".
type joined []promise.Text

func (j joined) appendIn(b []byte, lang string) []byte {
	and := " och "
	if lang == "en" {
		and = " and "
	}
	for i, t := range j {
		switch {
		case i == 0:
		case i == len(j)-1:
			b = append(b, and...)
		default:
			b = append(b, ", "...)
		}
		b = append(b, t.In(lang)...)
	}
	return b
}

// listOf joins the parts of a reason with commas: "Mariefred 2 av 1,
// Stallarholmen 0 av 1".
type listOf reason

func (l listOf) appendIn(b []byte, lang string) []byte {
	for i, p := range l {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = p.p.appendIn(b, lang, p.args)
	}
	return b
}

// formatNumber prints v as appendNumber does.
func formatNumber(v float64, dec int, lang string) string {
	return string(appendNumber(nil, v, dec, lang))
}

// appendNumber prints v rounded to at most dec decimals, without trailing
// zeros: "2,7" and "12 000" in Swedish (a no-break space groups numbers of
// five digits or more, as Språkrådet recommends), "2.7" and "12,000" in
// English.
func appendNumber(b []byte, v float64, dec int, lang string) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	// Rounding to dec decimals multiplies by 10^dec first, which would
	// overflow near the largest floats (1e308 printed as +Inf); from
	// 2^53 on every float is a whole number anyway.
	if math.Abs(v) < 1<<53 {
		p := math.Pow(10, float64(dec))
		v = math.Round(v*p) / p
	} else {
		dec = 0
	}
	var arr [40]byte
	s := strconv.AppendFloat(arr[:0], math.Abs(v), 'f', dec, 64)
	if dec > 0 {
		for s[len(s)-1] == '0' {
			s = s[:len(s)-1]
		}
		if s[len(s)-1] == '.' {
			s = s[:len(s)-1]
		}
	}
	intPart, frac := s, []byte(nil)
	if i := indexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	sep, point, groupFrom := "\u00a0", byte(','), 5
	if lang == "en" {
		sep, point, groupFrom = ",", '.', 4
	}
	if v < 0 {
		b = append(b, '-')
	}
	if len(intPart) >= groupFrom {
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b = append(b, sep...)
			}
			b = append(b, c)
		}
	} else {
		b = append(b, intPart...)
	}
	if frac != nil {
		b = append(b, point)
		b = append(b, frac...)
	}
	return b
}

func indexByte(s []byte, c byte) int {
	for i, x := range s {
		if x == c {
			return i
		}
	}
	return -1
}

// appendDate writes d as YYYY-MM-DD.
func appendDate(b []byte, d promise.Date) []byte {
	if d.IsZero() {
		return b
	}
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
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

func (q quantity) appendIn(b []byte, lang string) []byte {
	b = appendNumber(b, q.v, q.dec, lang)
	switch u := q.unit.In(lang); {
	case u == "":
		return b
	case u == "%" && lang == "en":
		return append(b, '%')
	case u == "%":
		return append(b, "\u00a0%"...)
	default:
		b = append(b, ' ')
		return append(b, u...)
	}
}

// partyNames names the parties of a report by their short names.
type partyNames struct {
	ix  *cpIndex
	ids []uuid.UUID
}

func (p partyNames) appendIn(b []byte, lang string) []byte {
	if len(p.ids) == 0 {
		if lang == "en" {
			return append(b, "unknown party"...)
		}
		return append(b, "okänd part"...)
	}
	names := make(joined, 0, len(p.ids))
	for _, id := range p.ids {
		names = append(names, p.ix.partyName(id))
	}
	return names.appendIn(b, lang)
}
