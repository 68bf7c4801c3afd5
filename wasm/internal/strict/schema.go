package strict

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// schemaJSON is the exchange format's JSON Schema (schema/*.schema.json)
// in one document without its annotations, each file under
// #/$defs/NAME (bundle, promise-document, followup-report, common) and
// every $ref a pointer into it. go generate writes it from the schema
// files; a test fails when it is stale.
//
//go:embed schema.json
var schemaJSON []byte

// The JSON types a schema may name, as bits.
const (
	tNull uint8 = 1 << iota
	tBoolean
	tObject
	tArray
	tNumber
	tString
	tInteger // a number without a fractional part
)

// sch is one compiled (sub)schema. The JSON Schema keywords of the
// format's schema are all here; the generator refuses a schema that uses
// another.
type sch struct {
	always int8 // +1: the schema true; -1: false; 0: the keywords decide
	ref    *sch
	types  uint8
	enum   []value
	cnst   *value

	props    map[string]*sch
	required []string
	// dependent lists, for a property, the properties required with it
	// (dependentRequired).
	dependent map[string][]string
	addl      *sch // additionalProperties; nil allows any
	propNames *sch
	minProps  int
	maxProps  int // -1: no limit

	items    *sch
	contains *sch
	minItems int
	maxItems int // -1: no limit
	unique   bool

	minLen  int
	maxLen  int // -1: no limit
	pattern *pattern
	// what names the pattern's or format's value for messages: the $def
	// or property that holds it ("uuid", "date", "kommunkod").
	what   string
	format func(string) bool

	minimum, maximum, exclMin, exclMax *decimal
	multipleOf                         int64

	allOf, anyOf, oneOf  []*sch
	not, ifS, thenS, els *sch
}

// value is a JSON value of a tree: an enum or const of the schema, or a
// node of a document.
type value struct {
	t *tree
	n int32
}

var (
	schemaOnce  sync.Once
	schemaRoots map[string]*sch
	schemaErr   error
)

// rootSchema returns the compiled schema of a file kind: "bundle" or
// "promise-document". The schema is compiled on first use.
func rootSchema(name string) (*sch, error) {
	schemaOnce.Do(func() { schemaRoots, schemaErr = compileSchema(schemaJSON) })
	if schemaErr != nil {
		return nil, schemaErr
	}
	s := schemaRoots[name]
	if s == nil {
		return nil, errors.New("strict: no schema " + name)
	}
	return s, nil
}

// compileSchema compiles the combined schema document.
func compileSchema(data []byte) (map[string]*sch, error) {
	t, serr := parse(data)
	if serr != nil {
		return nil, errors.New("strict: the embedded schema is not JSON: " + string(serr.Code) + " at " + strconv.Itoa(serr.Offset))
	}
	c := &schemaCompiler{t: t, byNode: map[int32]*sch{}}
	defs := t.member(0, "$defs")
	if defs < 0 {
		return nil, errors.New("strict: the embedded schema has no $defs")
	}
	roots := map[string]*sch{}
	for m := t.nodes[defs].first; m >= 0; m = t.nodes[m].next {
		roots[t.nodes[m].key] = c.compile(m)
	}
	for _, r := range c.refs {
		target := t.locate(strings.TrimPrefix(r.ref, "#"))
		if !strings.HasPrefix(r.ref, "#/") || target < 0 {
			c.fail("unresolved $ref " + r.ref)
			continue
		}
		r.s.ref = c.compile(target)
	}
	return roots, c.err
}

type schemaCompiler struct {
	t      *tree
	byNode map[int32]*sch
	refs   []struct {
		s   *sch
		ref string
	}
	err error
}

func (c *schemaCompiler) fail(msg string) {
	if c.err == nil {
		c.err = errors.New("strict: the embedded schema: " + msg)
	}
}

// compile compiles the schema at node n once.
func (c *schemaCompiler) compile(n int32) *sch {
	if s := c.byNode[n]; s != nil {
		return s
	}
	s := &sch{maxProps: -1, maxItems: -1, maxLen: -1}
	c.byNode[n] = s
	t := c.t
	switch t.nodes[n].kind {
	case kTrue:
		s.always = 1
		return s
	case kFalse:
		s.always = -1
		return s
	case kObject:
	default:
		c.fail("a schema is not an object or a boolean")
		return s
	}
	for m := t.nodes[n].first; m >= 0; m = t.nodes[m].next {
		nd := &t.nodes[m]
		switch nd.key {
		case "$ref":
			c.refs = append(c.refs, struct {
				s   *sch
				ref string
			}{s, nd.str})
		case "type":
			if nd.kind == kString {
				s.types = typeBit(nd.str)
			} else {
				for e := nd.first; e >= 0; e = t.nodes[e].next {
					s.types |= typeBit(t.nodes[e].str)
				}
			}
		case "enum":
			for e := nd.first; e >= 0; e = t.nodes[e].next {
				s.enum = append(s.enum, value{t, e})
			}
			if s.enum == nil {
				s.enum = []value{} // an empty enum allows nothing
			}
		case "const":
			s.cnst = &value{t, m}
		case "properties":
			s.props = map[string]*sch{}
			for p := nd.first; p >= 0; p = t.nodes[p].next {
				s.props[t.nodes[p].key] = c.compile(p)
			}
		case "required":
			for e := nd.first; e >= 0; e = t.nodes[e].next {
				s.required = append(s.required, t.nodes[e].str)
			}
		case "dependentRequired":
			s.dependent = map[string][]string{}
			for p := nd.first; p >= 0; p = t.nodes[p].next {
				var names []string
				for e := t.nodes[p].first; e >= 0; e = t.nodes[e].next {
					names = append(names, t.nodes[e].str)
				}
				s.dependent[t.nodes[p].key] = names
			}
		case "additionalProperties":
			s.addl = c.compile(m)
		case "propertyNames":
			s.propNames = c.compile(m)
		case "minProperties":
			s.minProps = c.int(m)
		case "maxProperties":
			s.maxProps = c.int(m)
		case "items":
			s.items = c.compile(m)
		case "contains":
			s.contains = c.compile(m)
		case "minItems":
			s.minItems = c.int(m)
		case "maxItems":
			s.maxItems = c.int(m)
		case "uniqueItems":
			s.unique = nd.kind == kTrue
		case "minLength":
			s.minLen = c.int(m)
		case "maxLength":
			s.maxLen = c.int(m)
		case "pattern":
			p, err := compilePattern(nd.str)
			if err != nil {
				c.fail(err.Error())
			}
			s.pattern = p
		case "format":
			if s.format = formats[nd.str]; s.format == nil {
				c.fail("unknown format " + nd.str)
			}
		case "x-what":
			s.what = nd.str
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
			d := parseDecimal(nd.str)
			if nd.kind != kNumber {
				c.fail(nd.key + " is not a number")
			}
			switch nd.key {
			case "minimum":
				s.minimum = &d
			case "maximum":
				s.maximum = &d
			case "exclusiveMinimum":
				s.exclMin = &d
			default:
				s.exclMax = &d
			}
		case "multipleOf":
			v, err := strconv.ParseInt(nd.str, 10, 64)
			if err != nil || v <= 0 {
				c.fail("multipleOf " + nd.str + " is not a positive integer")
			}
			s.multipleOf = v
		case "allOf", "anyOf", "oneOf":
			var list []*sch
			for e := nd.first; e >= 0; e = t.nodes[e].next {
				list = append(list, c.compile(e))
			}
			switch nd.key {
			case "allOf":
				s.allOf = list
			case "anyOf":
				s.anyOf = list
			default:
				s.oneOf = list
			}
		case "not":
			s.not = c.compile(m)
		case "if":
			s.ifS = c.compile(m)
		case "then":
			s.thenS = c.compile(m)
		case "else":
			s.els = c.compile(m)
		case "$defs":
			for d := nd.first; d >= 0; d = t.nodes[d].next {
				c.compile(d)
			}
		default:
			c.fail("unknown keyword " + nd.key)
		}
	}
	return s
}

func (c *schemaCompiler) int(n int32) int {
	v, err := strconv.Atoi(c.t.nodes[n].str)
	if err != nil || v < 0 {
		c.fail(c.t.nodes[n].key + " is not a count")
	}
	return v
}

func typeBit(name string) uint8 {
	switch name {
	case "null":
		return tNull
	case "boolean":
		return tBoolean
	case "object":
		return tObject
	case "array":
		return tArray
	case "number":
		return tNumber | tInteger
	case "string":
		return tString
	case "integer":
		return tInteger
	}
	return 0
}

// member returns the member of object n with the key, or -1.
func (t *tree) member(n int32, key string) int32 {
	if t.nodes[n].kind != kObject {
		return -1
	}
	for m := t.nodes[n].first; m >= 0; m = t.nodes[m].next {
		if t.nodes[m].key == key {
			return m
		}
	}
	return -1
}

// validator checks a document's tree against a schema, collecting
// problems in the order it meets them.
type validator struct {
	t    *tree
	path []string
	// quiet counts the subschemas being tried (if, anyOf, oneOf, not)
	// whose failures are not problems of the document.
	quiet    int
	problems []Problem
	more     int
	// name is a one-node tree that holds a key for propertyNames.
	name *tree
}

// check reports whether node n is valid against s.
func (v *validator) check(s *sch, n int32) bool {
	switch s.always {
	case 1:
		return true
	case -1:
		return v.fail(n, CodeNotAllowed, "", "")
	}
	nd := &v.t.nodes[n]
	ok := true
	if s.ref != nil {
		ok = v.check(s.ref, n)
		if !ok && v.quiet > 0 {
			return false
		}
	}
	bit := bitOf(nd)
	if s.types != 0 && s.types&bit == 0 {
		return v.fail(n, CodeType, jsonTypeName(bit), typeNames(s.types))
	}
	if s.enum != nil && !contains(s.enum, value{v.t, n}) {
		ok = v.fail(n, CodeEnum, quoteValue(v.t, n), listValues(s.enum))
	}
	if s.cnst != nil && !equal(*s.cnst, value{v.t, n}) {
		ok = v.fail(n, CodeConst, quoteValue(v.t, n), quoteValue(s.cnst.t, s.cnst.n))
	}
	if !ok && v.quiet > 0 {
		return false
	}
	switch nd.kind {
	case kObject:
		ok = v.object(s, n) && ok
	case kArray:
		ok = v.array(s, n) && ok
	case kString:
		ok = v.string(s, n) && ok
	case kNumber:
		ok = v.number(s, n) && ok
	}
	if !ok && v.quiet > 0 {
		return false
	}
	for _, a := range s.allOf {
		ok = v.check(a, n) && ok
	}
	if s.anyOf != nil && v.count(s.anyOf, n, 1) == 0 {
		ok = v.fail(n, CodeAnyOf, "", "")
	}
	if s.oneOf != nil && v.count(s.oneOf, n, 2) != 1 {
		ok = v.fail(n, CodeOneOf, "", "")
	}
	if s.not != nil && v.count([]*sch{s.not}, n, 1) == 1 {
		ok = v.fail(n, CodeNot, "", "")
	}
	if s.ifS != nil {
		if v.count([]*sch{s.ifS}, n, 1) == 1 {
			if s.thenS != nil {
				ok = v.check(s.thenS, n) && ok
			}
		} else if s.els != nil {
			ok = v.check(s.els, n) && ok
		}
	}
	return ok
}

// count returns how many of the schemas n is valid against, trying them
// quietly and stopping at stop.
func (v *validator) count(list []*sch, n int32, stop int) int {
	v.quiet++
	defer func() { v.quiet-- }()
	k := 0
	for _, s := range list {
		if v.check(s, n) {
			if k++; k == stop {
				break
			}
		}
	}
	return k
}

func (v *validator) object(s *sch, n int32) bool {
	t := v.t
	nd := &t.nodes[n]
	ok := true
	for _, name := range s.required {
		if t.member(n, name) < 0 {
			ok = v.fail(n, CodeRequired, name, "")
			if v.quiet > 0 {
				return false
			}
		}
	}
	for m := nd.first; m >= 0 && s.dependent != nil; m = t.nodes[m].next {
		for _, name := range s.dependent[t.nodes[m].key] {
			if t.member(n, name) < 0 {
				ok = v.fail(n, CodeDependentRequired, name, t.nodes[m].key)
				if v.quiet > 0 {
					return false
				}
			}
		}
	}
	if int(nd.n) < s.minProps {
		ok = v.fail(n, CodeMinProperties, "", strconv.Itoa(s.minProps))
	}
	if s.maxProps >= 0 && int(nd.n) > s.maxProps {
		ok = v.fail(n, CodeMaxProperties, "", strconv.Itoa(s.maxProps))
	}
	for m := nd.first; m >= 0; m = t.nodes[m].next {
		if !ok && v.quiet > 0 {
			return false
		}
		key := t.nodes[m].key
		v.path = append(v.path, key)
		if s.propNames != nil && !v.checkName(s.propNames, m) {
			ok = false
		}
		if p, known := s.props[key]; known {
			ok = v.check(p, m) && ok
		} else if s.addl != nil {
			if s.addl.always == -1 {
				ok = v.fail(m, CodeUnknown, key, "")
			} else {
				ok = v.check(s.addl, m) && ok
			}
		}
		v.path = v.path[:len(v.path)-1]
	}
	return ok
}

// checkName checks the key of member m against the propertyNames schema,
// as a string value.
func (v *validator) checkName(s *sch, m int32) bool {
	if v.name == nil {
		v.name = &tree{nodes: make([]node, 1)}
	}
	v.name.nodes[0] = node{kind: kString, str: v.t.nodes[m].key, off: v.t.nodes[m].koff, first: -1, next: -1}
	sub := validator{t: v.name, path: v.path, quiet: v.quiet}
	ok := sub.check(s, 0)
	for _, p := range sub.problems {
		p.Code = CodePropertyName
		v.add(p)
	}
	v.more += sub.more
	return ok
}

func (v *validator) array(s *sch, n int32) bool {
	t := v.t
	nd := &t.nodes[n]
	ok := true
	if int(nd.n) < s.minItems {
		ok = v.fail(n, CodeMinItems, "", strconv.Itoa(s.minItems))
	}
	if s.maxItems >= 0 && int(nd.n) > s.maxItems {
		ok = v.fail(n, CodeMaxItems, "", strconv.Itoa(s.maxItems))
	}
	if s.unique {
		seen := make(map[string]struct{}, nd.n)
		var b strings.Builder
		for c := nd.first; c >= 0; c = t.nodes[c].next {
			b.Reset()
			canonical(&b, t, c)
			k := b.String()
			if _, dup := seen[k]; dup {
				v.path = append(v.path, strconv.Itoa(index(t, n, c)))
				ok = v.fail(c, CodeUnique, quoteValue(t, c), "")
				v.path = v.path[:len(v.path)-1]
				break
			}
			seen[k] = struct{}{}
		}
	}
	if s.contains != nil {
		found := false
		for c := nd.first; c >= 0 && !found; c = t.nodes[c].next {
			found = v.count([]*sch{s.contains}, c, 1) == 1
		}
		if !found {
			ok = v.fail(n, CodeContains, "", "")
		}
	}
	if s.items != nil {
		i := 0
		for c := nd.first; c >= 0; c = t.nodes[c].next {
			if !ok && v.quiet > 0 {
				return false
			}
			v.path = append(v.path, strconv.Itoa(i))
			ok = v.check(s.items, c) && ok
			v.path = v.path[:len(v.path)-1]
			i++
		}
	}
	return ok
}

func index(t *tree, arr, child int32) int {
	i := 0
	for c := t.nodes[arr].first; c >= 0 && c != child; c = t.nodes[c].next {
		i++
	}
	return i
}

func (v *validator) string(s *sch, n int32) bool {
	str := v.t.nodes[n].str
	ok := true
	if s.minLen > 0 || s.maxLen >= 0 {
		l := utf8.RuneCountInString(str)
		if l < s.minLen {
			ok = v.fail(n, CodeMinLength, "", strconv.Itoa(s.minLen))
		}
		if s.maxLen >= 0 && l > s.maxLen {
			ok = v.fail(n, CodeMaxLength, "", strconv.Itoa(s.maxLen))
		}
	}
	if s.pattern != nil && !s.pattern.matches(str) {
		ok = v.fail(n, CodePattern, quoteValue(v.t, n), s.what)
	}
	if s.format != nil && !s.format(str) {
		ok = v.fail(n, CodeFormat, quoteValue(v.t, n), s.what)
	}
	return ok
}

func (v *validator) number(s *sch, n int32) bool {
	lit := v.t.nodes[n].str
	d := parseDecimal(lit)
	ok := true
	if s.minimum != nil && d.cmp(*s.minimum) < 0 {
		ok = v.fail(n, CodeMinimum, abbreviate(lit), s.minimum.text())
	}
	if s.maximum != nil && d.cmp(*s.maximum) > 0 {
		ok = v.fail(n, CodeMaximum, abbreviate(lit), s.maximum.text())
	}
	if s.exclMin != nil && d.cmp(*s.exclMin) <= 0 {
		ok = v.fail(n, CodeExclusiveMinimum, abbreviate(lit), s.exclMin.text())
	}
	if s.exclMax != nil && d.cmp(*s.exclMax) >= 0 {
		ok = v.fail(n, CodeExclusiveMaximum, abbreviate(lit), s.exclMax.text())
	}
	if s.multipleOf > 0 && !d.multipleOf(s.multipleOf) {
		ok = v.fail(n, CodeMultipleOf, abbreviate(lit), strconv.FormatInt(s.multipleOf, 10))
	}
	return ok
}

// fail records a problem at node n (whose pointer is v.path) unless the
// validator is trying a subschema, and returns false.
func (v *validator) fail(n int32, code Code, arg, want string) bool {
	if v.quiet > 0 {
		return false
	}
	v.add(Problem{Offset: v.t.offsetOf(n), Pointer: joinPointer(v.path), Code: code, Arg: arg, Want: want})
	return false
}

func (v *validator) add(p Problem) {
	if len(v.problems) >= MaxProblems {
		v.more++
		return
	}
	v.problems = append(v.problems, p)
}

func joinPointer(path []string) string {
	var b strings.Builder
	for _, k := range path {
		b.WriteByte('/')
		b.WriteString(escapeToken(k))
	}
	return b.String()
}

// bitOf returns the type bit of a node; an integral number is both a
// number and an integer.
func bitOf(nd *node) uint8 {
	switch nd.kind {
	case kNull:
		return tNull
	case kTrue, kFalse:
		return tBoolean
	case kObject:
		return tObject
	case kArray:
		return tArray
	case kString:
		return tString
	}
	if parseDecimal(nd.str).isInteger() {
		return tNumber | tInteger
	}
	return tNumber
}

// The names of types in messages, in the order of their bits.
var typeWords = []string{"null", "boolean", "object", "array", "number", "string", "integer"}

// typeNames returns the type bits as names joined by "|": "string",
// "number", "integer", "string|null".
func typeNames(bits uint8) string {
	if bits&(tNumber|tInteger) == tNumber|tInteger {
		bits &^= tInteger
	}
	var names []string
	for i, w := range typeWords {
		if bits&(1<<i) != 0 {
			names = append(names, w)
		}
	}
	return strings.Join(names, "|")
}

// jsonTypeName names a value's type for a message: "integer" only where
// "number" would not say why.
func jsonTypeName(bit uint8) string { return typeNames(bit &^ tInteger) }

func contains(list []value, x value) bool {
	for _, e := range list {
		if equal(e, x) {
			return true
		}
	}
	return false
}

// equal reports whether two JSON values are equal as JSON Schema compares
// them: numbers by value, objects whatever their members' order.
func equal(a, b value) bool {
	x, y := &a.t.nodes[a.n], &b.t.nodes[b.n]
	switch {
	case x.kind == kNumber && y.kind == kNumber:
		return parseDecimal(x.str).cmp(parseDecimal(y.str)) == 0
	case x.kind != y.kind || x.n != y.n:
		return false
	}
	switch x.kind {
	case kString:
		return x.str == y.str
	case kArray:
		for c, d := x.first, y.first; c >= 0; c, d = a.t.nodes[c].next, b.t.nodes[d].next {
			if !equal(value{a.t, c}, value{b.t, d}) {
				return false
			}
		}
	case kObject:
		for c := x.first; c >= 0; c = a.t.nodes[c].next {
			d := b.t.member(b.n, a.t.nodes[c].key)
			if d < 0 || !equal(value{a.t, c}, value{b.t, d}) {
				return false
			}
		}
	}
	return true
}

// canonical writes a text of node n that is the same for equal values.
func canonical(b *strings.Builder, t *tree, n int32) {
	nd := &t.nodes[n]
	switch nd.kind {
	case kNull:
		b.WriteString("n")
	case kTrue:
		b.WriteString("t")
	case kFalse:
		b.WriteString("f")
	case kNumber:
		b.WriteString("#")
		b.WriteString(parseDecimal(nd.str).key())
	case kString:
		// The length first: no string is a prefix of another's key.
		b.WriteString("s")
		b.WriteString(strconv.Itoa(len(nd.str)))
		b.WriteString(":")
		b.WriteString(nd.str)
	case kArray:
		b.WriteString("[")
		for c := nd.first; c >= 0; c = t.nodes[c].next {
			canonical(b, t, c)
			b.WriteString(",")
		}
		b.WriteString("]")
	case kObject:
		var keys []int32
		for c := nd.first; c >= 0; c = t.nodes[c].next {
			keys = append(keys, c)
		}
		// Few members: a simple sort by key.
		for i := 1; i < len(keys); i++ {
			for j := i; j > 0 && t.nodes[keys[j]].key < t.nodes[keys[j-1]].key; j-- {
				keys[j], keys[j-1] = keys[j-1], keys[j]
			}
		}
		b.WriteString("{")
		for _, c := range keys {
			b.WriteString(strconv.Itoa(len(t.nodes[c].key)))
			b.WriteString(":")
			b.WriteString(t.nodes[c].key)
			canonical(b, t, c)
			b.WriteString(",")
		}
		b.WriteString("}")
	}
}

// quoteValue returns a short text of node n for a message: a string
// quoted and cut at 60 characters, a number as written, else its type.
func quoteValue(t *tree, n int32) string {
	nd := &t.nodes[n]
	switch nd.kind {
	case kString:
		return Quote(nd.str)
	case kNumber:
		return abbreviate(nd.str)
	case kTrue:
		return "true"
	case kFalse:
		return "false"
	case kNull:
		return "null"
	case kArray:
		return "[…]"
	}
	return "{…}"
}

// listValues returns enum values for a message: "a", "b" or "c".
func listValues(list []value) string {
	var parts []string
	for _, e := range list {
		parts = append(parts, quoteValue(e.t, e.n))
	}
	return strings.Join(parts, ", ")
}

// text returns d as a plain decimal for a message.
func (d decimal) text() string {
	if d.digits == "" {
		return "0"
	}
	s := d.digits
	switch {
	case d.exp >= 0 && d.exp < 20:
		s += strings.Repeat("0", d.exp)
	case d.exp < 0 && -d.exp < len(s):
		s = s[:len(s)+d.exp] + "." + s[len(s)+d.exp:]
	case d.exp < 0 && -d.exp < 20:
		s = "0." + strings.Repeat("0", -d.exp-len(s)) + s
	default:
		s += "e" + strconv.Itoa(d.exp)
	}
	if d.neg {
		s = "-" + s
	}
	return s
}
