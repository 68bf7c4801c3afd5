package schema

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema/internal/jsonscan"
)

// This file turns the JSON Schema validator's English messages, written
// for schema authors, into messages for the officials who edit the files:
// what is wrong, in their terms, and what to do.

type structural struct {
	ptr     string
	keyword string
	text    promise.Text
}

// site says where a value given to the library lies in the file.
type site struct {
	root any    // the whole tree, to show values
	base string // the pointer of the value validated
	name bool   // the value validated is the key of the member at base
}

var (
	mRequired   = msg("schema.required")
	mUnknown    = msg("schema.unknown")
	mDependent  = msg("schema.dependent")
	mDidYouMean = msg("schema.didYouMean")
	mType       = msg("schema.type")
	mEnum       = msg("schema.enum")
	mConst      = msg("schema.const")
	mUUID       = msg("schema.uUID")
	mDate       = msg("schema.date")
	mDateRange  = msg("schema.dateRange")
	mNoSuchDate = msg("schema.noSuchDate")
	mURL        = msg("schema.uRL")
	mLangKey    = msg("schema.langKey")
	mPattern    = msg("schema.pattern")
	mMinLength  = msg("schema.minLength")
	mMaxLength  = msg("schema.maxLength")
	mMinItems   = msg("schema.minItems")
	mNoItems    = msg("schema.noItems")
	mMaxItems   = msg("schema.maxItems")
	mUnique     = msg("schema.unique")
	mMinProps   = msg("schema.minProps")
	mRange      = msg("schema.range")
	mWhole      = msg("schema.whole")
	mNotApplies = msg("schema.notApplies")
	mLineage    = msg("schema.lineage")
	mOther      = msg("schema.other")
)

// quoted finds the names jsonschema v5 quotes in its messages: Go's %q
// without its double quotes, in single quotes, with ' escaped as \'.
var quoted = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// unquote returns the name that quoted found, as it is in the file.
func unquote(q string) string {
	q = strings.ReplaceAll(q, `\'`, `'`)
	q = strings.ReplaceAll(q, `"`, `\"`)
	s, err := strconv.Unquote(`"` + q + `"`)
	if err != nil {
		return q
	}
	return s
}

// structureProblems explains one failed keyword of the validator, which
// validated the value at site.
func structureProblems(ve *jsonschema.ValidationError, at site) []structural {
	kw := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	ptr := at.base + libraryPointer(ve.InstanceLocation)
	val, _ := lookup(at.root, ptr)
	if at.name {
		val = unescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:])
	}
	shown := show(val)
	one := func(t promise.Text) []structural { return []structural{{ptr, kw, t}} }
	def := ve.AbsoluteKeywordLocation
	switch {
	case ve.Message == "not allowed":
		// A false schema: a property that does not apply here, such as
		// a field of another kind of target.
		kw = "false"
		field := unescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:])
		if parent, ok := lookup(at.root, ptr[:max(strings.LastIndexByte(ptr, '/'), 0)]); ok {
			if obj, ok := parent.(map[string]any); ok {
				if k, ok := obj["kind"].(string); ok {
					return one(mNotApplies.text(clip(field), clip(k)))
				}
			}
		}
		return one(mUnknown.text(clip(field)))
	case strings.Contains(def, "/lineage/anyOf"):
		return one(mLineage.text())
	case strings.Contains(ve.KeywordLocation, "/dependentRequired/") || strings.Contains(ve.KeywordLocation, "/dependencies/"):
		// "property 'baseline' is required, if 'value' property exists"
		if names := quoted.FindAllStringSubmatch(ve.Message, 2); len(names) == 2 {
			need, with := unquote(names[0][1]), unquote(names[1][1])
			return []structural{{ptr + "/" + escape(need), "dependentRequired", mDependent.text(clip(need), clip(with))}}
		}
	}
	switch kw {
	case "required":
		var out []structural
		for _, m := range quoted.FindAllStringSubmatch(ve.Message, -1) {
			name := unquote(m[1])
			out = append(out, structural{ptr + "/" + escape(name), kw, mRequired.text(clip(name))})
		}
		return out
	case "additionalProperties", "unevaluatedProperties":
		var out []structural
		owner := schemaAt(strings.TrimSuffix(def, "/"+kw))
		for _, m := range quoted.FindAllStringSubmatch(ve.Message, -1) {
			name := unquote(m[1])
			out = append(out, structural{ptr + "/" + escape(name), kw, unknownProperty(name, owner)})
		}
		if out == nil {
			return one(mOther.text(ve.Message))
		}
		return out
	case "type":
		want, _, _ := strings.Cut(strings.TrimPrefix(ve.Message, "expected "), ",")
		return one(typeText(strings.Split(want, " or "), val))
	case "enum":
		allowed := strings.TrimPrefix(ve.Message, "value must be one of ")
		allowed = strings.TrimPrefix(allowed, "value must be ")
		return one(mEnum.text(shown, allowed))
	case "const":
		return one(mConst.text(strings.TrimPrefix(ve.Message, "value must be ")))
	case "pattern", "format":
		switch {
		case at.name || strings.Contains(ve.KeywordLocation, "/propertyNames/"):
			// A key that fails the key pattern: name the key, not its value.
			key := ptr[strings.LastIndexByte(ptr, '/')+1:]
			return one(mLangKey.text(strconv.Quote(clip(unescapeToken(key)))))
		case strings.Contains(def, "/uuid/"):
			return one(mUUID.text(shown))
		case strings.Contains(def, "/date/") && kw == "format":
			return one(noSuchDate(shown, val))
		case strings.HasSuffix(def, "/date/then/pattern"):
			return one(mDateRange.text(shown))
		case strings.Contains(def, "/date/"):
			return one(mDate.text(shown))
		case strings.Contains(def, "/webUrl/"):
			return one(mURL.text(shown))
		}
		return one(mPattern.text(shown))
	case "propertyNames":
		return one(mLangKey.text(shown))
	case "minLength":
		return one(mMinLength.text(lastNumber(ve.Message, 0)))
	case "maxLength":
		return one(mMaxLength.text(lastNumber(ve.Message, 0)))
	case "minItems":
		if n := lastNumber(ve.Message, 0); n != "1" {
			return one(mMinItems.text(n))
		}
		return one(mNoItems.text())
	case "maxItems":
		return one(mMaxItems.text(lastNumber(ve.Message, 0)))
	case "minProperties":
		return one(mMinProps.text(lastNumber(ve.Message, 0)))
	case "uniqueItems":
		return one(mUnique.text(lastNumber(ve.Message, 0), lastNumber(ve.Message, 1)))
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		cond, _, _ := strings.Cut(strings.TrimPrefix(ve.Message, "must be "), " but")
		return one(mRange.text(shown, cond))
	case "multipleOf":
		return one(mWhole.text(shown))
	}
	return one(mOther.text(ve.Message))
}

// typeText says that val is not of one of the types want.
func typeText(want []string, val any) promise.Text {
	var names []words.Key
	for _, w := range want {
		names = append(names, words.Key("jsontype."+w))
	}
	return mType.text(orList(names), words.Key("jsontype."+typeOf(val)))
}

// noSuchDate says which month has fewer days than a date of the form
// YYYY-MM-DD names.
func noSuchDate(shown string, val any) promise.Text {
	s, _ := val.(string)
	y, err1 := strconv.Atoi(s[:min(4, len(s))])
	m, err2 := strconv.Atoi(s[min(5, len(s)):min(7, len(s))])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return mDateRange.text(shown)
	}
	first, _ := promise.NewMonth(y, time.Month(m))
	return mNoSuchDate.text(shown, monthOf{first}, first.Last().Day())
}

// monthOf is a month as prose writes it: "februari 2019".
type monthOf struct{ d promise.Date }

func (m monthOf) AppendIn(b []byte, lang string) []byte {
	return words.AppendLongDate(b, m.d.Year(), m.d.Month(), 0, lang)
}

// orList is "a text in quotes or a number".
type orList []words.Key

func (l orList) AppendIn(b []byte, lang string) []byte {
	for i, k := range l {
		if i > 0 {
			b = words.Key("fmt.or").AppendIn(b, lang)
		}
		b = k.AppendIn(b, lang)
	}
	return b
}

var numbers = regexp.MustCompile(`[0-9]+`)

// lastNumber returns the i-th number in a validator message.
func lastNumber(s string, i int) string {
	ns := numbers.FindAllString(s, -1)
	if i < len(ns) {
		return ns[i]
	}
	return "?"
}

// escape returns s as a JSON pointer token.
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func unescapeToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

// libraryPointer turns an instance location of the library, whose tokens
// it escapes further with url.PathEscape, into a JSON pointer.
func libraryPointer(loc string) string {
	if !strings.Contains(loc, "%") {
		return loc
	}
	toks := strings.Split(loc, "/")
	for i, t := range toks {
		if u, err := url.PathUnescape(t); err == nil {
			toks[i] = u
		}
	}
	return strings.Join(toks, "/")
}

// unknownProperty explains that a member named name is not allowed by the
// schema s (which may be nil), suggesting the known property it is closest
// to when one is close.
func unknownProperty(name string, s *jsonschema.Schema) promise.Text {
	if s != nil {
		known := make([]string, 0, len(s.Properties))
		for k := range s.Properties {
			known = append(known, k)
		}
		if best, ok := closest(name, known); ok {
			return mDidYouMean.text(clip(name), best)
		}
	}
	return mUnknown.text(clip(name))
}

// lookup returns the value at ptr in tree.
func lookup(tree any, ptr string) (any, bool) {
	if ptr == "" {
		return tree, true
	}
	cur := tree
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = unescapeToken(tok)
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

func typeOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "number"
}

// clip cuts a text from the file for a message at 60 characters: a name
// or value of megabytes must not make a message of megabytes.
func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	n := 0
	for i := range s {
		if n == 57 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// show returns a short rendering of a value for a message: strings quoted
// and cut at 60 characters.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(clip(v))
	case map[string]any:
		return "{…}"
	case []any:
		return "[…]"
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v) // a json.Number
}

// syntaxMessage explains a problem of the JSON text itself.
func syntaxMessage(e *jsonscan.Error) promise.Text {
	switch e.Code {
	case jsonscan.CodeEmpty:
		return msg("schema.emptyFile").text()
	case jsonscan.CodeInvalidUTF8:
		if strings.HasPrefix(e.Detail, "lone surrogate escape ") {
			esc, _, _ := strings.Cut(strings.TrimPrefix(e.Detail, "lone surrogate escape "), " ")
			return msg("schema.loneSurrogate").text(esc)
		}
		return msg("schema.notUTF8").text(e.Detail)
	case jsonscan.CodeDuplicateKey:
		key := e.Pointer[strings.LastIndexByte(e.Pointer, '/')+1:]
		key = strings.NewReplacer("~1", "/", "~0", "~").Replace(key)
		first := ""
		if m := firstAt.FindStringSubmatch(e.Detail); m != nil {
			first = m[1] + ":" + m[2]
		}
		return msg("schema.duplicateKey").text(clip(key), first)
	case jsonscan.CodeTooDeep:
		return msg("schema.tooDeep").text(lastNumber(e.Detail, 0))
	case jsonscan.CodeTrailingData:
		return msg("schema.trailing").text(syntaxDetail(e.Detail))
	case jsonscan.CodeNumberRange:
		return msg("schema.numberRange").text(e.Detail)
	}
	return msg("schema.syntax").text(syntaxDetail(e.Detail))
}

var firstAt = regexp.MustCompile(`line ([0-9]+), column ([0-9]+)`)

// syntaxPhrases is how many phrases the scanner's English details are
// built from (with a quoted character): the catalog's "syntax.00" … in
// order, longest first where one is part of another.
const syntaxPhrases = 23

// syntaxDetail is a detail of the scanner in every language: its English
// phrases replaced by the catalog's.
type syntaxDetail string

func (s syntaxDetail) AppendIn(b []byte, lang string) []byte {
	pairs := make([]string, 0, 2*syntaxPhrases)
	for i := range syntaxPhrases {
		k := words.Key(fmt.Sprintf("syntax.%02d", i))
		pairs = append(pairs, k.In("en"), k.In(lang))
	}
	return append(b, strings.NewReplacer(pairs...).Replace(string(s))...)
}
