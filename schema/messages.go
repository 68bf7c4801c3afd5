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
	mRequired   = msg{"%q is missing: add it", "%q saknas: lägg till det"}
	mUnknown    = msg{"%q is not a known property here: check the spelling, or move your own data into \"extensions\"", "%q är ingen känd egenskap här: kontrollera stavningen, eller flytta egna uppgifter till \"extensions\""}
	mDependent  = msg{"%q is missing: it is needed with %q; add it", "%q saknas: den behövs när %q finns; lägg till den"}
	mDidYouMean = msg{"%q is not a known property here: did you mean %q?", "%q är ingen känd egenskap här: menar du %q?"}
	mType       = msg{"expected %s, found %s", "väntade %s, hittade %s"}
	mEnum       = msg{"%s is not allowed here: use one of %s", "%s är inte tillåtet här: använd något av %s"}
	mConst      = msg{"the value must be %s", "värdet måste vara %s"}
	mUUID       = msg{"%s is not a valid id: ids are UUIDs such as \"0193a1c2-7d4e-7f00-8a3b-2c5d6e7f8091\"", "%s är inget giltigt id: id:n är UUID:n som \"0193a1c2-7d4e-7f00-8a3b-2c5d6e7f8091\""}
	mDate       = msg{"%s is not a date: write dates as YYYY-MM-DD, e.g. 2019-02-08 (or YYYY-MM or YYYY when the source gives only the month or year)", "%s är inget datum: skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2019-02-08 (eller ÅÅÅÅ-MM eller ÅÅÅÅ när källan bara anger månad eller år)"}
	mDateRange  = msg{"%s is not a date: the year must lie in 1000–9999 and the month in 01–12", "%s är inget datum: året måste ligga mellan 1000 och 9999 och månaden mellan 01 och 12"}
	mNoSuchDate = msg{"%s is not a real date: %s has %d days", "%s är inget riktigt datum: %s har %d dagar"}
	mURL        = msg{"%s is not a web address: write an absolute http or https address (not javascript:, mailto: or file:), with spaces and characters such as \" < > \\ written percent-encoded (a space as %%20)", "%s är ingen webbadress: skriv en fullständig http- eller https-adress (inte javascript:, mailto: eller file:), med mellanslag och tecken som \" < > \\ skrivna med procentkod (ett mellanslag som %%20)"}
	mLangKey    = msg{"%s is not a language code: key texts by languages such as \"sv\" and \"en\"", "%s är ingen språkkod: ange texter med språkkoder som \"sv\" och \"en\""}
	mPattern    = msg{"%s does not have the required form", "%s har inte rätt form"}
	mMinLength  = msg{"the text is empty or too short: write at least %s characters", "texten är tom eller för kort: skriv minst %s tecken"}
	mMaxLength  = msg{"the text is too long: at most %s characters are allowed", "texten är för lång: högst %s tecken är tillåtna"}
	mMinItems   = msg{"the list needs at least %s entries", "listan behöver minst %s poster"}
	mNoItems    = msg{"the list is empty: add at least one entry", "listan är tom: lägg till minst en post"}
	mMaxItems   = msg{"the list has too many entries: at most %s", "listan har för många poster: högst %s"}
	mUnique     = msg{"entries %s and %s of the list are the same: remove one", "post %s och %s i listan är likadana: ta bort den ena"}
	mMinProps   = msg{"the object is empty: fill in at least %s value(s)", "objektet är tomt: fyll i minst %s värde(n)"}
	mRange      = msg{"the number %s is out of range: it must be %s", "talet %s ligger utanför tillåtna värden: det måste vara %s"}
	mWhole      = msg{"the number %s must be a whole number", "talet %s måste vara ett heltal"}
	mNotApplies = msg{"%q does not apply to a target of kind %q: remove it or change the kind", "%q gäller inte för ett mål av typen %q: ta bort det eller ändra typ"}
	mLineage    = msg{"say which entity this one follows: give its \"id\" (in this document), its \"url\", or at least its \"title\"", "ange vilken post denna följer på: dess \"id\" (i detta dokument), dess \"url\", eller åtminstone dess \"title\""}
	mOther      = msg{"the value is not allowed here (%s)", "värdet är inte tillåtet här (%s)"}
)

var typeNames = map[string][2]string{
	"object":  {"an object {…}", "ett objekt {…}"},
	"array":   {"a list […]", "en lista […]"},
	"string":  {"a text in quotes", "en text inom citattecken"},
	"number":  {"a number", "ett tal"},
	"integer": {"a whole number", "ett heltal"},
	"boolean": {"true or false", "true eller false"},
	"null":    {"null", "null"},
}

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
	var en, sv []string
	for _, w := range want {
		n := typeNames[w]
		en, sv = append(en, n[0]), append(sv, n[1])
	}
	got := typeNames[typeOf(val)]
	return promise.Text{
		"en": mType.text(strings.Join(en, " or "), got[0])["en"],
		"sv": mType.text(strings.Join(sv, " eller "), got[1])["sv"],
	}
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
	days := first.Last().Day()
	return promise.Text{
		"en": mNoSuchDate.text(shown, time.Month(m).String()+" "+strconv.Itoa(y), days)["en"],
		"sv": mNoSuchDate.text(shown, svMonths[m-1]+" "+strconv.Itoa(y), days)["sv"],
	}
}

var svMonths = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

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
		return msg{"the file is empty: it must hold a JSON object", "filen är tom: den måste innehålla ett JSON-objekt"}.text()
	case jsonscan.CodeInvalidUTF8:
		if strings.HasPrefix(e.Detail, "lone surrogate escape ") {
			esc, _, _ := strings.Cut(strings.TrimPrefix(e.Detail, "lone surrogate escape "), " ")
			return msg{"%s is a \\u escape of half a character: write the whole character (two escapes such as \\uD83D\\uDE00, or the character itself)",
				"%s är en \\u-kod för ett halvt tecken: skriv hela tecknet (två koder som \\uD83D\\uDE00, eller tecknet självt)"}.text(esc)
		}
		return msg{"the file is not valid UTF-8 text here (%s): save it as UTF-8, not Latin-1 or Windows-1252",
			"filen är inte giltig UTF-8-text här (%s): spara den som UTF-8, inte Latin-1 eller Windows-1252"}.text(e.Detail)
	case jsonscan.CodeDuplicateKey:
		key := e.Pointer[strings.LastIndexByte(e.Pointer, '/')+1:]
		key = strings.NewReplacer("~1", "/", "~0", "~").Replace(key)
		first := ""
		if m := firstAt.FindStringSubmatch(e.Detail); m != nil {
			first = m[1] + ":" + m[2]
		}
		return msg{"the property %q appears twice in this object (first at %s): remove or rename one",
			"egenskapen %q förekommer två gånger i objektet (första gången på %s): ta bort eller byt namn på den ena"}.text(clip(key), first)
	case jsonscan.CodeTooDeep:
		return msg{"lists and objects are nested more than %s levels deep: this cannot be a file of this format", "listor och objekt är nästlade i mer än %s nivåer: detta kan inte vara en fil i detta format"}.text(lastNumber(e.Detail, 0))
	case jsonscan.CodeTrailingData:
		return promise.Text{
			"en": msg{"there is more after the end of the JSON value (%s): remove it, or look for a missing bracket before it", ""}.text(e.Detail)["en"],
			"sv": msg{"", "det finns mer efter slutet av JSON-värdet (%s): ta bort det, eller leta efter en saknad klammer före"}.text(swedishSyntax(e.Detail))["sv"],
		}
	case jsonscan.CodeNumberRange:
		return msg{"the number is too large (%s)", "talet är för stort (%s)"}.text(e.Detail)
	}
	return promise.Text{"en": "the file is not valid JSON here: " + e.Detail, "sv": "filen är inte giltig JSON här: " + swedishSyntax(e.Detail)}
}

var firstAt = regexp.MustCompile(`line ([0-9]+), column ([0-9]+)`)

// syntaxSwedish translates the scanner's English details, which are built
// from a few fixed phrases and a quoted character.
var syntaxSwedish = strings.NewReplacer(
	"unexpected end of input", "filen tar slut",
	"unexpected character", "oväntat tecken",
	"after top-level value", "efter JSON-värdet",
	"after array element (expecting ',' or ']')", "efter ett element i en lista (väntade ',' eller ']')",
	"after object key (expecting ':')", "efter en nyckel (väntade ':')",
	"after object member (expecting ',' or '}')", "efter en egenskap (väntade ',' eller '}')",
	"in number (expecting a digit after '-')", "i ett tal (väntade en siffra efter '-')",
	"in number (expecting a digit after '.')", "i ett tal (väntade en siffra efter '.')",
	"in number (expecting a digit in the exponent)", "i ett tal (väntade en siffra i exponenten)",
	"in string (missing closing quote)", "i en text (avslutande citattecken saknas)",
	"where a value was expected", "där ett värde väntades",
	"where an object key was expected", "där en nyckel inom citattecken väntades",
	"trailing comma before", "kommatecken före",
	"number with a leading zero", "tal som börjar med en nolla",
	"line break in string (missing closing quote, or write it as \\n)", "radbrytning i en text (avslutande citattecken saknas, eller skriv den som \\n)",
	"in string (it must be escaped)", "i en text (det måste skrivas med \\-kod)",
	"control character", "styrtecken",
	"invalid escape in string (backslash followed by", "ogiltig \\-kod i en text (omvänt snedstreck följt av",
	"invalid \\u escape in string (expecting four hex digits)", "ogiltig \\u-kod i en text (väntade fyra hexadecimala siffror)",
	"invalid escape", "ogiltig kod",
	"character", "tecknet",
	"in literal", "i ordet",
	"in string", "i en text",
)

func swedishSyntax(detail string) string { return syntaxSwedish.Replace(detail) }
