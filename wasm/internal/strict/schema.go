package strict

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict/internal/nfa"
)

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

// sch is one (sub)schema of the format's JSON Schema: an entry of
// schemaTable (schema_gen.go), which go generate writes from
// schema/*.schema.json. The JSON Schema keywords of the format's schema are
// all here; the generator refuses a schema that uses another. A reference
// to another schema is its index in schemaTable plus 1, 0 for none (at).
type sch struct {
	always int8 // +1: the schema true; -1: false; 0: the keywords decide
	ref    int32
	types  uint8
	// enum indexes schemaLiterals (nil: no enum); cnst too, plus 1.
	enum []int32
	cnst int32

	props     []prop
	required  []string
	dependent []dep // dependentRequired
	addl      int32 // additionalProperties
	propNames int32
	minProps  int32
	maxProps  int32 // the limit plus 1; 0: none

	items    int32
	contains int32
	minItems int32
	maxItems int32 // plus 1
	unique   bool

	minLen     int32
	maxLen     int32 // plus 1
	pattern    *nfa.Program
	patternSrc string
	// what names the pattern's or format's value for messages: the $def
	// or property that holds it ("uuid", "date", "kommunkod").
	what   string
	format uint8 // formatDate, formatURI

	// The bounds, as number literals ("" for none).
	minimum, maximum, exclMin, exclMax string
	multipleOf                         int64

	allOf, anyOf, oneOf  []int32
	not, ifS, thenS, els int32
}

// prop is a property's subschema.
type prop struct {
	name string
	s    int32
}

// dep is a property of dependentRequired and the properties it requires.
type dep struct {
	name     string
	required []string
}

// The formats of sch.format.
const (
	formatDate uint8 = iota + 1
	formatURI
)

// at returns the schema of a reference.
func at(ref int32) *sch { return &schemaTable[ref-1] }

// prop returns the subschema of property name, or 0.
func (s *sch) prop(name string) int32 {
	for i := range s.props {
		if s.props[i].name == name {
			return s.props[i].s
		}
	}
	return 0
}

// value is a JSON value of a tree: an enum or const of the schema, or a
// node of a document.
type value struct {
	t *tree
	n int32
}

var (
	literalsOnce sync.Once
	literals     []value
)

// literal returns the value of schemaLiterals[i], which is parsed on
// first use.
func literal(i int32) value {
	literalsOnce.Do(func() {
		t, err := parse([]byte(schemaLiterals))
		if err != nil {
			panic("strict: schemaLiterals is not JSON") // generated: a test parses it
		}
		for c := t.nodes[0].first; c >= 0; c = t.nodes[c].next {
			literals = append(literals, value{t, c})
		}
	})
	return literals[i]
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
	if s.ref != 0 {
		ok = v.check(at(s.ref), n)
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
	if s.cnst != 0 && !equal(literal(s.cnst-1), value{v.t, n}) {
		c := literal(s.cnst - 1)
		ok = v.fail(n, CodeConst, quoteValue(v.t, n), quoteValue(c.t, c.n))
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
		ok = v.check(at(a), n) && ok
	}
	if s.anyOf != nil && v.count(s.anyOf, n, 1) == 0 {
		ok = v.fail(n, CodeAnyOf, "", "")
	}
	if s.oneOf != nil && v.count(s.oneOf, n, 2) != 1 {
		ok = v.fail(n, CodeOneOf, "", "")
	}
	if s.not != 0 && v.count([]int32{s.not}, n, 1) == 1 {
		ok = v.fail(n, CodeNot, "", "")
	}
	if s.ifS != 0 {
		if v.count([]int32{s.ifS}, n, 1) == 1 {
			if s.thenS != 0 {
				ok = v.check(at(s.thenS), n) && ok
			}
		} else if s.els != 0 {
			ok = v.check(at(s.els), n) && ok
		}
	}
	return ok
}

// count returns how many of the schemas n is valid against, trying them
// quietly and stopping at stop.
func (v *validator) count(list []int32, n int32, stop int) int {
	v.quiet++
	defer func() { v.quiet-- }()
	k := 0
	for _, s := range list {
		if v.check(at(s), n) {
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
	for _, d := range s.dependent {
		if t.member(n, d.name) < 0 {
			continue
		}
		for _, name := range d.required {
			if t.member(n, name) < 0 {
				ok = v.fail(n, CodeDependentRequired, name, d.name)
				if v.quiet > 0 {
					return false
				}
			}
		}
	}
	if nd.n < s.minProps {
		ok = v.fail(n, CodeMinProperties, "", strconv.Itoa(int(s.minProps)))
	}
	if s.maxProps > 0 && nd.n > s.maxProps-1 {
		ok = v.fail(n, CodeMaxProperties, "", strconv.Itoa(int(s.maxProps-1)))
	}
	for m := nd.first; m >= 0; m = t.nodes[m].next {
		if !ok && v.quiet > 0 {
			return false
		}
		key := t.nodes[m].key
		v.path = append(v.path, key)
		if s.propNames != 0 && !v.checkName(at(s.propNames), m) {
			ok = false
		}
		if p := s.prop(key); p != 0 {
			ok = v.check(at(p), m) && ok
		} else if s.addl != 0 {
			if at(s.addl).always == -1 {
				ok = v.fail(m, CodeUnknown, key, "")
			} else {
				ok = v.check(at(s.addl), m) && ok
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
	if nd.n < s.minItems {
		ok = v.fail(n, CodeMinItems, "", strconv.Itoa(int(s.minItems)))
	}
	if s.maxItems > 0 && nd.n > s.maxItems-1 {
		ok = v.fail(n, CodeMaxItems, "", strconv.Itoa(int(s.maxItems-1)))
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
	if s.contains != 0 {
		found := false
		for c := nd.first; c >= 0 && !found; c = t.nodes[c].next {
			found = v.count([]int32{s.contains}, c, 1) == 1
		}
		if !found {
			ok = v.fail(n, CodeContains, "", "")
		}
	}
	if s.items != 0 {
		items := at(s.items)
		i := 0
		for c := nd.first; c >= 0; c = t.nodes[c].next {
			if !ok && v.quiet > 0 {
				return false
			}
			v.path = append(v.path, strconv.Itoa(i))
			ok = v.check(items, c) && ok
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
	if s.minLen > 0 || s.maxLen > 0 {
		l := int32(utf8.RuneCountInString(str))
		if l < s.minLen {
			ok = v.fail(n, CodeMinLength, "", strconv.Itoa(int(s.minLen)))
		}
		if s.maxLen > 0 && l > s.maxLen-1 {
			ok = v.fail(n, CodeMaxLength, "", strconv.Itoa(int(s.maxLen-1)))
		}
	}
	if s.pattern != nil && !s.pattern.Match(str) {
		ok = v.fail(n, CodePattern, quoteValue(v.t, n), s.what)
	}
	if s.format != 0 && !checkFormat(s.format, str) {
		ok = v.fail(n, CodeFormat, quoteValue(v.t, n), s.what)
	}
	return ok
}

func (v *validator) number(s *sch, n int32) bool {
	lit := v.t.nodes[n].str
	d := parseDecimal(lit)
	ok := true
	if s.minimum != "" && d.cmp(parseDecimal(s.minimum)) < 0 {
		ok = v.fail(n, CodeMinimum, abbreviate(lit), s.minimum)
	}
	if s.maximum != "" && d.cmp(parseDecimal(s.maximum)) > 0 {
		ok = v.fail(n, CodeMaximum, abbreviate(lit), s.maximum)
	}
	if s.exclMin != "" && d.cmp(parseDecimal(s.exclMin)) <= 0 {
		ok = v.fail(n, CodeExclusiveMinimum, abbreviate(lit), s.exclMin)
	}
	if s.exclMax != "" && d.cmp(parseDecimal(s.exclMax)) >= 0 {
		ok = v.fail(n, CodeExclusiveMaximum, abbreviate(lit), s.exclMax)
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

func contains(list []int32, x value) bool {
	for _, i := range list {
		if equal(literal(i), x) {
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
func listValues(list []int32) string {
	var parts []string
	for _, i := range list {
		e := literal(i)
		parts = append(parts, quoteValue(e.t, e.n))
	}
	return strings.Join(parts, ", ")
}
