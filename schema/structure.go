package schema

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// This file runs the JSON Schema with a bounded cost. The library builds
// every error it finds, with several strings each (about 17 µs and 2 KB a
// failing value, all kept until it returns), and gives each array and
// object it validates a map of its members: on a file of 16 MiB with a
// mistake in every value that is minutes and gigabytes. So the library is
// only ever given small values. A large array or object is walked here in
// the order of the file: its own keywords (type, required, uniqueItems …)
// are checked by the library on a copy of its schema without the keywords
// that descend, and its members are validated one by one against the
// subschemas that apply to them, the same subschemas the library would
// apply. Once maxCounted problems are found the walk stops: every value
// after that point lies after them in the file, so the problems reported
// (the first MaxProblems) are exact, and only the count of the rest is a
// lower bound.

// smallTree is the most values a value may hold to be given to the library
// whole. A failing value costs the library about 17 µs: a small tree costs
// at most a few milliseconds, however wrong. (A variable for the tests,
// which check that walking gives what the library gives.)
var smallTree = 256

// walker validates a tree against the schema, see above.
type walker struct {
	d     *decoder
	valid map[any]bool // scalar elements known to be valid under the items schemas of the array being walked
	names map[*jsonschema.Schema]*names
}

// view returns what of v the library needs to judge v against s (an if,
// or the anyOf, oneOf, not … of a large value): an object of a flood of
// members that s never names would cost the library a map of all of them
// for each of these schemas. When s and what it applies in place look only
// at named members (properties, required …), the object of those members
// is enough; when they look at every member (additionalProperties,
// propertyNames, minProperties, enum …), the whole object is given.
func (w *walker) view(v any, s *jsonschema.Schema) any {
	obj, ok := v.(map[string]any)
	if !ok || len(obj) <= smallTree {
		return v
	}
	n := w.namesOf(s)
	if n.all {
		return v
	}
	out := make(map[string]any, len(n.keys))
	for k := range n.keys {
		if x, ok := obj[k]; ok {
			out[k] = x
		}
	}
	return out
}

// names is what a schema, with what it applies in place, looks at in an
// object: the members it names, or all of them.
type names struct {
	keys map[string]bool
	all  bool
}

func (w *walker) namesOf(s *jsonschema.Schema) *names {
	if n := w.names[s]; n != nil {
		return n
	}
	n := &names{keys: map[string]bool{}}
	seen := map[*jsonschema.Schema]bool{}
	var visit func(s *jsonschema.Schema)
	visit = func(s *jsonschema.Schema) {
		if s == nil || seen[s] || n.all {
			return
		}
		seen[s] = true
		if s.AdditionalProperties != nil || len(s.PatternProperties) > 0 || s.PropertyNames != nil ||
			s.MinProperties >= 0 || s.MaxProperties >= 0 || s.UnevaluatedProperties != nil ||
			len(s.Constant) > 0 || len(s.Enum) > 0 || s.RecursiveRef != nil || s.DynamicRef != nil || len(s.Extensions) > 0 {
			n.all = true
			return
		}
		for k := range s.Properties {
			n.keys[k] = true
		}
		for _, k := range s.Required {
			n.keys[k] = true
		}
		for k, ks := range s.DependentRequired {
			n.keys[k] = true
			for _, x := range ks {
				n.keys[x] = true
			}
		}
		for k, dep := range s.Dependencies {
			n.keys[k] = true
			if ks, ok := dep.([]string); ok {
				for _, x := range ks {
					n.keys[x] = true
				}
			} else if ds, ok := dep.(*jsonschema.Schema); ok {
				visit(ds)
			}
		}
		for k, ds := range s.DependentSchemas {
			n.keys[k] = true
			visit(ds)
		}
		visit(s.Ref)
		visit(s.Not)
		visit(s.If)
		visit(s.Then)
		visit(s.Else)
		for _, list := range [][]*jsonschema.Schema{s.AllOf, s.AnyOf, s.OneOf} {
			for _, c := range list {
				visit(c)
			}
		}
	}
	visit(s)
	if w.names == nil {
		w.names = map[*jsonschema.Schema]*names{}
	}
	w.names[s] = n
	return n
}

func (d *decoder) structure(kind Kind) {
	ss, err := schemas()
	if err != nil {
		// The embedded schemas are tested to compile: this is a bug in
		// this package, reported rather than hidden.
		d.add(0, "", CodeStructure, Error, mInternal.text(err))
		return
	}
	w := walker{d: d}
	w.node(d.tree, "", d.ix.RootOffset(), []*jsonschema.Schema{ss[kind]})
}

// stop records that the walk stopped before the value at off.
func (w *walker) stop(off int) {
	if w.d.horizon < 0 {
		w.d.horizon = off
	}
}

// node validates v, which starts at offset off, against every schema of
// set: the subschemas that apply to it from its parent.
func (w *walker) node(v any, ptr string, off int, set []*jsonschema.Schema) {
	if w.d.full() {
		w.stop(off)
		return
	}
	if len(set) == 0 {
		return
	}
	if isScalar(v) || w.d.ix.Size(v) <= smallTree {
		for _, s := range set {
			w.library(s, v, site{base: ptr})
		}
		return
	}
	flat, ok := w.expand(set, v)
	if !ok {
		// A keyword this walk does not follow: the library validates
		// the value whole, at its own cost.
		for _, s := range set {
			w.library(s, v, site{base: ptr})
		}
		return
	}
	for _, s := range flat {
		w.local(s, v, ptr)
	}
	// As the library, descend only through the schemas whose type the
	// value has.
	flat = slices.DeleteFunc(flat, func(s *jsonschema.Schema) bool {
		return s.Always != nil || len(s.Types) > 0 && !slices.Contains(s.Types, typeOf(v))
	})
	switch v := v.(type) {
	case map[string]any:
		w.members(v, ptr, flat)
	case []any:
		w.elements(v, ptr, flat)
	}
}

// members validates the members of a large object in the order written.
func (w *walker) members(obj map[string]any, ptr string, flat []*jsonschema.Schema) {
	keys, offs := w.d.ix.Members(obj)
	var sub []*jsonschema.Schema
	for k, key := range keys {
		if w.d.full() {
			w.stop(offs[k])
			return
		}
		mptr := ptr + "/" + escape(key)
		sub = sub[:0]
		for _, s := range flat {
			matched := false
			if ps, ok := s.Properties[key]; ok {
				sub, matched = append(sub, ps), true
			}
			for re, ps := range s.PatternProperties {
				if re.MatchString(key) {
					sub, matched = append(sub, ps), true
				}
			}
			switch ap := s.AdditionalProperties.(type) {
			case bool:
				if !ap && !matched {
					w.d.addStructural(mptr, "additionalProperties", unknownProperty(key, s))
				}
			case *jsonschema.Schema:
				if !matched {
					sub = append(sub, ap)
				}
			}
			if s.PropertyNames != nil {
				w.library(s.PropertyNames, key, site{base: mptr, name: true})
			}
		}
		w.node(obj[key], mptr, offs[k], sub)
	}
}

// elements validates the elements of a large array in order. A scalar
// found valid is not validated again when it comes back.
func (w *walker) elements(arr []any, ptr string, flat []*jsonschema.Schema) {
	offs := w.d.ix.Elements(arr)
	prefix := 0
	for _, s := range flat {
		prefix = max(prefix, len(s.PrefixItems))
	}
	outer := w.valid
	w.valid = nil
	defer func() { w.valid = outer }()
	var sub []*jsonschema.Schema
	for i, item := range arr {
		if w.d.full() {
			w.stop(offs[i])
			return
		}
		sub = sub[:0]
		for _, s := range flat {
			switch {
			case i < len(s.PrefixItems):
				sub = append(sub, s.PrefixItems[i])
			case s.Items2020 != nil:
				sub = append(sub, s.Items2020)
			}
		}
		scalar := isScalar(item) && i >= prefix
		if scalar && w.valid[item] {
			continue
		}
		before := len(w.d.found)
		w.node(item, ptr+"/"+strconv.Itoa(i), offs[i], sub)
		if scalar && len(w.d.found) == before && len(w.valid) < 4096 {
			if w.valid == nil {
				w.valid = map[any]bool{}
			}
			w.valid[item] = true
		}
	}
}

func isScalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}

// library validates v against s with the JSON Schema library and records
// what it finds.
func (w *walker) library(s *jsonschema.Schema, v any, at site) {
	err := s.Validate(v)
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		w.d.add(0, "", CodeStructure, Error, mInternal.text(err))
		return
	}
	at.root = w.d.tree
	for _, leaf := range leaves(ve, nil) {
		for _, p := range structureProblems(leaf, at) {
			w.d.addStructural(p.ptr, p.keyword, p.text)
		}
	}
}

// expand returns the schemas that apply to v in place, from set and the
// subschemas they apply in place ($ref, allOf, the branch of if that v
// takes, dependentSchemas), each once. It reports false when one of them
// uses a keyword that needs the library to see the whole value
// (unevaluatedProperties, unevaluatedItems, contains, $dynamicRef …).
func (w *walker) expand(set []*jsonschema.Schema, v any) ([]*jsonschema.Schema, bool) {
	var flat []*jsonschema.Schema
	seen := map[*jsonschema.Schema]bool{}
	queue := append([]*jsonschema.Schema(nil), set...)
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if s == nil || seen[s] {
			continue
		}
		seen[s] = true
		if s.UnevaluatedProperties != nil || s.UnevaluatedItems != nil || s.Contains != nil ||
			s.RecursiveRef != nil || s.DynamicRef != nil || s.Items != nil || s.AdditionalItems != nil ||
			len(s.Extensions) > 0 {
			return nil, false
		}
		flat = append(flat, s)
		queue = append(queue, s.Ref)
		queue = append(queue, s.AllOf...)
		if s.If != nil {
			if s.If.Validate(w.view(v, s.If)) == nil {
				queue = append(queue, s.Then)
			} else {
				queue = append(queue, s.Else)
			}
		}
		if obj, ok := v.(map[string]any); ok {
			for name, dep := range s.DependentSchemas {
				if _, present := obj[name]; present {
					queue = append(queue, dep)
				}
			}
			for name, dep := range s.Dependencies {
				if ds, isSchema := dep.(*jsonschema.Schema); isSchema {
					if _, present := obj[name]; present {
						queue = append(queue, ds)
					}
				}
			}
		}
	}
	return flat, true
}

// local checks the keywords of s that judge the large array or object v
// itself, not its members: the library would build a map of every member
// to check them. Those it checks as the library does; the rare ones that
// judge a value as a whole (enum, const, anyOf, oneOf, not …) are left to
// the library, on a copy of s that holds only them.
func (w *walker) local(s *jsonschema.Schema, v any, ptr string) {
	if s.Always != nil {
		w.library(s, v, site{base: ptr})
		return
	}
	if len(s.Types) > 0 && !slices.Contains(s.Types, typeOf(v)) {
		w.d.addStructural(ptr, "type", typeText(s.Types, v))
		return // as the library: nothing else is checked
	}
	if len(s.Constant) > 0 || len(s.Enum) > 0 || len(s.AnyOf) > 0 || len(s.OneOf) > 0 || s.Not != nil ||
		s.Format != "" || len(s.Dependencies) > 0 {
		l := jsonschema.Schema{
			Location: s.Location, Draft: s.Draft, Constant: s.Constant, Enum: s.Enum, AnyOf: s.AnyOf, OneOf: s.OneOf, Not: s.Not,
			Dependencies: s.Dependencies, MinProperties: -1, MaxProperties: -1, MinItems: -1, MaxItems: -1,
			MinContains: 1, MaxContains: -1, MinLength: -1, MaxLength: -1,
		}
		if s.Format != "" || len(s.Enum) > 0 {
			// The format's function and the enum's message are not
			// exported: copy the whole schema and take out the rest.
			l = *s
			l.Types, l.Ref, l.AllOf, l.If, l.Then, l.Else, l.DependentSchemas = nil, nil, nil, nil, nil, nil, nil
			l.Properties, l.PatternProperties, l.AdditionalProperties, l.PropertyNames = nil, nil, nil, nil
			l.PrefixItems, l.Items2020, l.Required, l.DependentRequired = nil, nil, nil, nil
			l.MinProperties, l.MaxProperties, l.MinItems, l.MaxItems, l.UniqueItems = -1, -1, -1, -1, false
		}
		w.library(&l, w.view(v, &l), site{base: ptr})
	}
	switch v := v.(type) {
	case []any:
		if s.MinItems >= 0 && len(v) < s.MinItems {
			t := mMinItems.text(strconv.Itoa(s.MinItems))
			if s.MinItems == 1 {
				t = mNoItems.text()
			}
			w.d.addStructural(ptr, "minItems", t)
		}
		if s.MaxItems >= 0 && len(v) > s.MaxItems {
			w.d.addStructural(ptr, "maxItems", mMaxItems.text(strconv.Itoa(s.MaxItems)))
		}
		if s.UniqueItems {
			if j, i, dup := firstDuplicate(v); dup {
				w.d.addStructural(ptr, "uniqueItems", mUnique.text(strconv.Itoa(j), strconv.Itoa(i)))
			}
		}
	case map[string]any:
		for _, name := range s.Required {
			if _, ok := v[name]; !ok {
				w.d.addStructural(ptr+"/"+escape(name), "required", mRequired.text(clip(name)))
			}
		}
		for name, needs := range s.DependentRequired {
			if _, ok := v[name]; !ok {
				continue
			}
			for _, need := range needs {
				if _, ok := v[need]; !ok {
					w.d.addStructural(ptr+"/"+escape(need), "dependentRequired", mDependent.text(clip(need), clip(name)))
				}
			}
		}
		if s.MinProperties >= 0 && len(v) < s.MinProperties {
			w.d.addStructural(ptr, "minProperties", mMinProps.text(strconv.Itoa(s.MinProperties)))
		}
		if s.MaxProperties >= 0 && len(v) > s.MaxProperties {
			w.d.addStructural(ptr, "maxProperties", mOther.text("at most "+strconv.Itoa(s.MaxProperties)+" properties"))
		}
	}
}

// firstDuplicate finds the first element of arr equal to an earlier one,
// as the library's uniqueItems does, and returns both indexes. Scalars are
// their own keys (numbers are normalized, and a number and a string differ
// by type); arrays and objects are keyed by their canonical text.
func firstDuplicate(arr []any) (j, i int, ok bool) {
	seen := make(map[any]int, len(arr))
	var b []byte
	for i, v := range arr {
		key := v
		if !isScalar(v) {
			b = canonical(b[:0], v)
			key = string(b)
			// A string key of a container cannot meet a scalar string:
			// canonical texts of containers start with [ or {, and
			// scalars keep their own type.
			key = containerKey(key.(string))
		}
		if j, dup := seen[key]; dup {
			return j, i, true
		}
		seen[key] = i
	}
	return 0, 0, false
}

// containerKey is the map key of an array or object in firstDuplicate.
type containerKey string

// canonical appends the text of v with its keys sorted: two JSON values are
// equal exactly when their canonical texts are. Numbers are normalized.
func canonical(b []byte, v any) []byte {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, k)
			b = append(b, ':')
			b = canonical(b, v[k])
		}
		return append(b, '}')
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = canonical(b, x)
		}
		return append(b, ']')
	case string:
		return strconv.AppendQuote(b, v)
	case json.Number:
		return append(b, v...)
	case bool:
		return strconv.AppendBool(b, v)
	}
	return append(b, "null"...)
}

// addStructural records a problem the schema found at ptr.
func (d *decoder) addStructural(ptr, keyword string, t promise.Text) {
	if under(d.reported, ptr) {
		return
	}
	if d.structural == nil {
		d.structural, d.faulty, d.repeated = map[string]bool{}, map[int]bool{}, map[int]bool{}
	}
	d.structural[ptr] = true
	switch {
	case keyword == "uniqueItems":
		// The model keeps each element once: its checks would otherwise
		// find every repetition again.
		if off, ok := d.ix.Offset(d.tree, ptr); ok {
			d.repeated[off] = true
		}
	case keyword != "required" && !containerKeyword[keyword]:
		// The value itself is wrong: the model leaves it out. (For
		// "required", ptr names the missing value.)
		if off, ok := d.ix.Offset(d.tree, ptr); ok {
			d.faulty[off] = true
		}
	}
	d.addAt(phaseSchema, ptr, CodeStructure, keyword, t)
}

// containerKeyword tells the keywords that find fault with an array or
// object as a whole, not with what it holds: the model can still read it.
var containerKeyword = map[string]bool{
	"minItems": true, "maxItems": true, "uniqueItems": true, "minProperties": true, "maxProperties": true,
	"anyOf": true, "oneOf": true, "dependentRequired": true, "dependencies": true,
}

// under reports whether set holds ptr or a pointer to a value that holds
// it.
func under(set map[string]bool, ptr string) bool {
	if len(set) == 0 {
		return false
	}
	for {
		if set[ptr] {
			return true
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return false
		}
		ptr = ptr[:i]
	}
}

// normalizeNumbers replaces every number of tree by the shortest text of
// the IEEE 754 double nearest to it ("4.0" by "4", "1E2" by "100", a
// thousand digits by at most 17), in place.
func normalizeNumbers(tree any) {
	switch v := tree.(type) {
	case map[string]any:
		for k, x := range v {
			if n, ok := x.(json.Number); ok {
				v[k] = normalNumber(n)
			} else {
				normalizeNumbers(x)
			}
		}
	case []any:
		for i, x := range v {
			if n, ok := x.(json.Number); ok {
				v[i] = normalNumber(n)
			} else {
				normalizeNumbers(x)
			}
		}
	}
}

func normalNumber(n json.Number) json.Number {
	if plainInteger(string(n)) {
		return n // already the shortest text of a double
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return n // jsonscan refuses numbers out of range: not reached
	}
	var s string
	if a := math.Abs(f); a == 0 || a >= 1e-6 && a < 1e21 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(f, 'g', -1, 64)
	}
	if s == "-0" {
		s = "0" // equal to 0, as in the library and in JavaScript
	}
	if s == string(n) {
		return n
	}
	return json.Number(s)
}

// leaves returns the failed keywords of a validation error.
func leaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	// A failed oneOf or anyOf is explained as a whole: its branches'
	// failures (each branch is wrong in its own way) would only confuse.
	if len(ve.Causes) == 0 || strings.HasSuffix(ve.KeywordLocation, "/oneOf") || strings.HasSuffix(ve.KeywordLocation, "/anyOf") {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = leaves(c, out)
	}
	return out
}

// plainInteger reports whether s is an integer of at most 15 digits
// without a sign or leading zero: a double holds it exactly and prints it
// the same.
func plainInteger(s string) bool {
	if s == "" || len(s) > 15 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
