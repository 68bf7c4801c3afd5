// Package words holds every text that medborgarlofte shows to people, in one
// catalog per language, and the formatters that write numbers, shares,
// dates, lists and counted nouns the way each language writes them.
//
// Code elsewhere names a text by its [Key] and passes its arguments as a
// [Message]; the text is written out at the edge, in the reader's
// language, with [Message.In] or [Message.AppendIn]. An argument that
// prints differently per language (a number, a date, a label) implements
// [Arg].
//
// # Languages
//
// Swedish ("sv", the default and the fallback) and English ("en") are
// complete: a test fails when a key of either catalog is missing in the
// other. A language is added by adding its catalog (a file with a Catalog
// value) and one line in the table of catalogs; [Languages] lists them.
// [Lang] maps a BCP 47 tag to the language of a catalog ("en-GB" → "en").
//
// # Templates
//
// A template is text with verbs that take the arguments in order: %s writes
// the argument, %q writes it in quotation marks, and %% writes a percent
// sign. The formatters ([AppendNumber], [AppendShare], [AppendList]) and
// the keys of the form "fmt.…" hold what differs between languages in how
// things are written, so that no code outside this package branches on
// the language.
package words

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Key names a text of the catalogs: "followup.pace", "status.achieved".
// Keys are stable: tools may branch on them.
type Key string

// Catalog maps keys to the templates of one language.
type Catalog map[Key]string

// Default is the language of the fallback: documents are written by
// Swedish municipalities and the police, in Swedish first.
const Default = "sv"

// catalogs are the languages, the default first.
var catalogs = []struct {
	lang string
	c    Catalog
}{
	{"sv", swedish},
	{"en", english},
}

// Languages returns the languages that have a catalog, the default first.
func Languages() []string {
	out := make([]string, len(catalogs))
	for i, c := range catalogs {
		out[i] = c.lang
	}
	return out
}

// Lang returns the language of the catalog that serves tag: its primary
// language subtag when there is a catalog for it ("en-GB" → "en"), else
// [Default].
func Lang(tag string) string {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	for _, c := range catalogs {
		if c.lang == primary {
			return c.lang
		}
	}
	return Default
}

func catalog(lang string) Catalog {
	for _, c := range catalogs {
		if c.lang == lang {
			return c.c
		}
	}
	return catalogs[0].c
}

// Template returns the template of k in lang, else in [Default], else the
// key itself (which a test keeps from happening).
func Template(k Key, lang string) string {
	if s, ok := catalog(Lang(lang))[k]; ok {
		return s
	}
	if s, ok := catalogs[0].c[k]; ok {
		return s
	}
	return string(k)
}

// Lookup returns the template of k in lang (else in [Default]), and
// whether the catalog has k at all.
func Lookup(k Key, lang string) (string, bool) {
	if s, ok := catalog(Lang(lang))[k]; ok {
		return s, true
	}
	s, ok := catalogs[0].c[k]
	return s, ok
}

// In returns the text of k in lang, with no arguments.
func (k Key) In(lang string) string { return Template(k, lang) }

// AppendIn implements [Arg]: a key as an argument is its text.
func (k Key) AppendIn(b []byte, lang string) []byte { return append(b, Template(k, lang)...) }

// Arg is an argument that prints itself in a language.
type Arg interface {
	AppendIn(b []byte, lang string) []byte
}

// Message is a text of the catalog with its arguments.
type Message struct {
	Key  Key
	Args []any
}

// M returns the message k with args.
func M(k Key, args ...any) Message { return Message{Key: k, Args: args} }

// AppendIn writes the message in lang.
func (m Message) AppendIn(b []byte, lang string) []byte {
	return Fill(b, Template(m.Key, lang), lang, m.Args)
}

// In returns the message in lang.
func (m Message) In(lang string) string { return string(m.AppendIn(nil, lang)) }

// Text returns the message in every language, keyed by language.
func (m Message) Text() map[string]string {
	out := make(map[string]string, len(catalogs))
	var b []byte
	for _, c := range catalogs {
		b = m.AppendIn(b[:0], c.lang)
		out[c.lang] = string(b)
	}
	return out
}

// Fill writes pattern with its verbs replaced by args, in lang.
func Fill(b []byte, pattern, lang string, args []any) []byte {
	for {
		i := strings.IndexByte(pattern, '%')
		if i < 0 || i == len(pattern)-1 {
			return append(b, pattern...)
		}
		b = append(b, pattern[:i]...)
		verb := pattern[i+1]
		pattern = pattern[i+2:]
		switch {
		case verb == '%':
			b = append(b, '%')
		case len(args) == 0:
			b = append(b, '%', verb)
		case verb == 'q':
			b = strconv.AppendQuote(b, string(AppendArg(nil, args[0], lang)))
			args = args[1:]
		default:
			b = AppendArg(b, args[0], lang)
			args = args[1:]
		}
	}
}

// AppendArg writes one argument in lang: an [Arg] as it writes itself, a
// text map in lang (else the default language, else any), a number as
// [AppendNumber] writes it with up to two decimals, a string as it is.
func AppendArg(b []byte, a any, lang string) []byte {
	switch v := a.(type) {
	case Arg:
		return v.AppendIn(b, lang)
	case string:
		return append(b, v...)
	case map[string]string:
		return append(b, In(v, lang)...)
	case int:
		return AppendNumber(b, float64(v), 0, lang)
	case int64:
		return AppendNumber(b, float64(v), 0, lang)
	case float64:
		return AppendNumber(b, v, 2, lang)
	case interface{ String() string }:
		return append(b, v.String()...)
	case nil:
		return b
	}
	return append(b, '?')
}

// In returns the text of t, a map from language to text, in lang; else in
// [Default]; else in the alphabetically first language present; else "".
func In(t map[string]string, lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	if s := t[Lang(lang)]; s != "" {
		return s
	}
	if s := t[Default]; s != "" {
		return s
	}
	first := ""
	for k, s := range t {
		if s != "" && (first == "" || k < first) {
			first = k
		}
	}
	return t[first]
}

// AppendNumber writes v with at most dec decimals, trailing zeros left
// out, as lang writes numbers: Swedish has a decimal comma and a no-break
// space between groups of three digits from 10 000; English a decimal
// point and commas from 1,000.
func AppendNumber(b []byte, v float64, dec int, lang string) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	// Rounding to dec decimals multiplies by 10^dec first, which would
	// overflow near the largest floats; from 2^53 on every float is whole.
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
	if i := strings.IndexByte(string(s), '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	cat := catalog(Lang(lang))
	sep, point := cat["fmt.group"], cat["fmt.decimal"]
	groupFrom, _ := strconv.Atoi(cat["fmt.groupFrom"])
	if v < 0 {
		b = append(b, '-')
	}
	if groupFrom > 0 && len(intPart) >= groupFrom {
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b = append(b, sep...)
			}
			b = append(b, c)
		}
	} else {
		b = append(b, intPart...)
	}
	if len(frac) > 0 {
		b = append(b, point...)
		b = append(b, frac...)
	}
	return b
}

// Number is a number as an argument, with at most Dec decimals.
type Number struct {
	V   float64
	Dec int
}

// AppendIn implements [Arg].
func (n Number) AppendIn(b []byte, lang string) []byte { return AppendNumber(b, n.V, n.Dec, lang) }

// AppendShare writes a share (0.58) as a percentage, "58 %" in Swedish
// and "58%" in English.
func AppendShare(b []byte, share float64, lang string) []byte {
	return Fill(b, Template("fmt.percent", lang), lang, []any{Number{share * 100, 0}})
}

// Share is a share as an argument: 0.58 is "58 %".
type Share float64

// AppendIn implements [Arg].
func (s Share) AppendIn(b []byte, lang string) []byte { return AppendShare(b, float64(s), lang) }

// List is a list of arguments written "A, B och C" / "A, B and C".
type List []any

// AppendIn implements [Arg].
func (l List) AppendIn(b []byte, lang string) []byte {
	and := Template("fmt.and", lang)
	for i, x := range l {
		switch {
		case i == 0:
		case i == len(l)-1:
			b = append(b, and...)
		default:
			b = append(b, ", "...)
		}
		b = AppendArg(b, x, lang)
	}
	return b
}

// Count is a number of things with a noun that has a singular and a
// plural: "1 aktivitet", "3 aktiviteter". Noun is the key of the singular;
// the plural's key adds ".many".
type Count struct {
	N    int
	Noun Key
}

// AppendIn implements [Arg].
func (c Count) AppendIn(b []byte, lang string) []byte {
	b = AppendNumber(b, float64(c.N), 0, lang)
	b = append(b, ' ')
	return append(b, Noun(c.Noun, c.N != 1, lang)...)
}

// Noun returns the noun of key k in lang, its plural when many.
func Noun(k Key, many bool, lang string) string {
	if many {
		return Template(k+".many", lang)
	}
	return Template(k, lang)
}

// Month returns the name of month m in lang ("februari", "February").
func Month(m time.Month, lang string) string {
	if m < time.January || m > time.December {
		return ""
	}
	return Template(Key("month."+strconv.Itoa(int(m))), lang)
}

// AppendLongDate writes a date as lang writes it in prose, as precise as it
// is: "8 februari 2019", "februari 2019" (day 0), "2019" (month 0).
func AppendLongDate(b []byte, y int, m time.Month, d int, lang string) []byte {
	switch {
	case m == 0:
		return strconv.AppendInt(b, int64(y), 10)
	case d == 0:
		b = append(b, Month(m, lang)...)
	default:
		b = Fill(b, Template("fmt.dayMonth", lang), lang, []any{strconv.Itoa(d), Month(m, lang)})
	}
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(y), 10)
}
