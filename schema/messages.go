package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

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

var (
	mRequired   = msg{"%q is missing: add it", "%q saknas: lägg till det"}
	mUnknown    = msg{"%q is not a known property here: check the spelling, or move your own data into \"extensions\"", "%q är ingen känd egenskap här: kontrollera stavningen, eller flytta egna uppgifter till \"extensions\""}
	mType       = msg{"expected %s, found %s", "väntade %s, hittade %s"}
	mEnum       = msg{"%s is not allowed here: use one of %s", "%s är inte tillåtet här: använd något av %s"}
	mConst      = msg{"the value must be %s", "värdet måste vara %s"}
	mUUID       = msg{"%s is not a valid id: ids are UUIDs such as \"0193a1c2-7d4e-7f00-8a3b-2c5d6e7f8091\"", "%s är inget giltigt id: id:n är UUID:n som \"0193a1c2-7d4e-7f00-8a3b-2c5d6e7f8091\""}
	mDate       = msg{"%s is not a date of the form YYYY-MM-DD", "%s är inget datum på formen ÅÅÅÅ-MM-DD"}
	mNoSuchDate = msg{"%s is not a real date: check the day and month", "%s är inget riktigt datum: kontrollera dag och månad"}
	mURL        = msg{"%s is not an absolute http or https address: only web links are allowed (no javascript:, mailto: or file:)", "%s är inte en fullständig http- eller https-adress: bara webblänkar är tillåtna (inte javascript:, mailto: eller file:)"}
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

var quoted = regexp.MustCompile(`'([^']*)'`)

// structureProblems explains one failed keyword of the validator.
func structureProblems(ve *jsonschema.ValidationError, tree any) []structural {
	kw := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	ptr := ve.InstanceLocation
	val, _ := lookup(tree, ptr)
	shown := show(val)
	one := func(t promise.Text) []structural { return []structural{{ptr, kw, t}} }
	def := ve.AbsoluteKeywordLocation
	switch {
	case ve.Message == "not allowed":
		// A false schema: a property that does not apply here, such as
		// a field of another kind of target.
		field := ptr[strings.LastIndexByte(ptr, '/')+1:]
		if parent, ok := lookup(tree, ptr[:strings.LastIndexByte(ptr, '/')]); ok {
			if k, ok := parent.(map[string]any)["kind"].(string); ok {
				return one(mNotApplies.text(field, k))
			}
		}
		return one(mUnknown.text(field))
	case strings.Contains(def, "/lineage/anyOf"):
		return one(mLineage.text())
	}
	switch kw {
	case "required":
		var out []structural
		for _, m := range quoted.FindAllStringSubmatch(ve.Message, -1) {
			out = append(out, structural{ptr + "/" + escape(m[1]), kw, mRequired.text(m[1])})
		}
		return out
	case "additionalProperties", "unevaluatedProperties":
		var out []structural
		for _, m := range quoted.FindAllStringSubmatch(ve.Message, -1) {
			out = append(out, structural{ptr + "/" + escape(m[1]), kw, mUnknown.text(m[1])})
		}
		if out == nil {
			return one(mOther.text(ve.Message))
		}
		return out
	case "type":
		want, _, _ := strings.Cut(strings.TrimPrefix(ve.Message, "expected "), ",")
		var en, sv []string
		for _, w := range strings.Split(want, " or ") {
			n := typeNames[w]
			en, sv = append(en, n[0]), append(sv, n[1])
		}
		got := typeNames[typeOf(val)]
		return one(promise.Text{
			"en": mType.text(strings.Join(en, " or "), got[0])["en"],
			"sv": mType.text(strings.Join(sv, " eller "), got[1])["sv"],
		})
	case "enum":
		allowed := strings.TrimPrefix(ve.Message, "value must be one of ")
		allowed = strings.TrimPrefix(allowed, "value must be ")
		return one(mEnum.text(shown, allowed))
	case "const":
		return one(mConst.text(strings.TrimPrefix(ve.Message, "value must be ")))
	case "pattern", "format":
		switch {
		case strings.Contains(ve.KeywordLocation, "/propertyNames/"):
			// A key that fails the key pattern: name the key, not its value.
			key := ptr[strings.LastIndexByte(ptr, '/')+1:]
			return one(mLangKey.text(strconv.Quote(strings.NewReplacer("~1", "/", "~0", "~").Replace(key))))
		case strings.Contains(def, "/uuid/"):
			return one(mUUID.text(shown))
		case strings.Contains(def, "/date/") && kw == "format":
			return one(mNoSuchDate.text(shown))
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

var numbers = regexp.MustCompile(`[0-9]+`)

// lastNumber returns the i-th number in a validator message.
func lastNumber(s string, i int) string {
	ns := numbers.FindAllString(s, -1)
	if i < len(ns) {
		return ns[i]
	}
	return "?"
}

func escape(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// lookup returns the value at ptr in tree.
func lookup(tree any, ptr string) (any, bool) {
	if ptr == "" {
		return tree, true
	}
	cur := tree
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
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

// show returns a short rendering of a value for a message: strings quoted
// and cut at 60 characters.
func show(v any) string {
	switch v := v.(type) {
	case string:
		r := []rune(v)
		if len(r) > 60 {
			return strconv.Quote(string(r[:57]) + "…")
		}
		return strconv.Quote(v)
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
func syntaxMessage(e *jsonscan.Error, body []byte) promise.Text {
	var m msg
	switch e.Code {
	case jsonscan.CodeEmpty:
		m = msg{"the file is empty: it must hold a JSON object", "filen är tom: den måste innehålla ett JSON-objekt"}
	case jsonscan.CodeInvalidUTF8:
		m = msg{"the file is not valid UTF-8 text here: save it as UTF-8 (not Latin-1 or Windows-1252)", "filen är inte giltig UTF-8-text här: spara den som UTF-8 (inte Latin-1 eller Windows-1252)"}
	case jsonscan.CodeDuplicateKey:
		m = msg{"%s: a property may appear only once in an object; remove or rename one", "%s: en egenskap får bara förekomma en gång i ett objekt; ta bort eller byt namn på den ena"}
	case jsonscan.CodeTooDeep:
		m = msg{"the file is nested too deeply (%s): it cannot be a valid file of this format", "filen är för djupt nästlad (%s): den kan inte vara en giltig fil i detta format"}
	case jsonscan.CodeTrailingData:
		m = msg{"there is more after the end of the JSON value (%s): remove it, or check for a missing bracket", "det finns mer efter slutet av JSON-värdet (%s): ta bort det, eller leta efter en saknad klammer"}
	case jsonscan.CodeNumberRange:
		m = msg{"the number is too large (%s)", "talet är för stort (%s)"}
	default:
		m = msg{"the file is not valid JSON here: %s", "filen är inte giltig JSON här: %s"}
	}
	if !strings.Contains(m.en, "%s") {
		return m.text()
	}
	return m.text(e.Detail)
}
