package schema

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// This file reads the file into the model and runs the model's checks. A
// file the schema found no fault with is decoded by encoding/json. One
// with problems is decoded leniently from its tree, without the values the
// schema refused and without any value the model cannot read, so that the
// model's checks still run and every problem is reported in one run.

func newFile(kind Kind) (*File, any) {
	f := &File{Kind: kind}
	switch kind {
	case PromiseDocument:
		f.Document = new(promise.Document)
		return f, f.Document
	case Report:
		f.Report = new(followup.Report)
		return f, f.Report
	default:
		f.Bundle = new(followup.Bundle)
		return f, f.Bundle
	}
}

// model decodes the file into the model of its kind.
func (d *decoder) model(kind Kind) *File {
	f, target := newFile(kind)
	if len(d.structural) == 0 && len(d.reported) == 0 && d.horizon < 0 {
		if json.Unmarshal(d.body, target) == nil {
			return f
		}
		// The model refuses what the schema accepts: the lenient
		// decoding below says where.
		f, target = newFile(kind)
	}
	l := lenient{d: d}
	l.value(reflect.ValueOf(target).Elem(), d.tree, nil, d.ix.RootOffset())
	return f
}

// lenient decodes a tree into the model, leaving out what it cannot read.
type lenient struct {
	d      *decoder
	fields map[reflect.Type]*fieldNames
	kinds  map[reflect.Type]decoding
}

// decoding says how values of a type are decoded.
type decoding uint8

const (
	byKind decoding = iota // by its reflect.Kind
	byText                 // it implements encoding.TextUnmarshaler
	byJSON                 // it implements json.Unmarshaler
)

func (l *lenient) decodingOf(t reflect.Type) decoding {
	if k, ok := l.kinds[t]; ok {
		return k
	}
	k := byKind
	switch pt := reflect.PointerTo(t); {
	case pt.Implements(jsonUnmarshaler):
		k = byJSON
	case pt.Implements(textUnmarshaler):
		k = byText
	}
	if l.kinds == nil {
		l.kinds = map[reflect.Type]decoding{}
	}
	l.kinds[t] = k
	return k
}

// path is the JSON pointer of a value, built only when a problem needs it.
type path struct {
	up    *path
	key   string
	index int // the element's index, or -1 for the member named key
}

func (p *path) String() string {
	if p == nil {
		return ""
	}
	if p.index >= 0 {
		return p.up.String() + "/" + strconv.Itoa(p.index)
	}
	return p.up.String() + "/" + escape(p.key)
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// value decodes v, the value at ptr that starts at offset off, into rv,
// which is addressable, and reports whether it did: a value left out is
// the zero value.
func (l *lenient) value(rv reflect.Value, v any, ptr *path, off int) bool {
	if l.d.faulty[off] {
		return false
	}
	if rv.Kind() == reflect.Pointer {
		if v == nil {
			rv.SetZero()
			return true
		}
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		return l.value(rv.Elem(), v, ptr, off)
	}
	if l.decodingOf(rv.Type()) != byKind {
		return l.leaf(rv, v, ptr)
	}
	switch rv.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			break
		}
		names := l.fieldsOf(rv.Type())
		keys, offs := l.d.ix.Members(obj)
		for k, key := range keys {
			if index, ok := names.lookup(key); ok {
				if f, err := rv.FieldByIndexErr(index); err == nil {
					l.value(f, obj[key], &path{up: ptr, key: key, index: -1}, offs[k])
				}
			}
		}
		return true
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok || rv.Type().Elem().Kind() == reflect.Uint8 {
			break
		}
		l.slice(rv, arr, ptr, l.d.repeated[off])
		return true
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok || rv.Type().Key().Kind() != reflect.String {
			break
		}
		m := reflect.MakeMapWithSize(rv.Type(), len(obj))
		keys, offs := l.d.ix.Members(obj)
		for k, key := range keys {
			e := reflect.New(rv.Type().Elem()).Elem()
			if l.value(e, obj[key], &path{up: ptr, key: key, index: -1}, offs[k]) {
				m.SetMapIndex(reflect.ValueOf(key).Convert(rv.Type().Key()), e)
			}
		}
		rv.Set(m)
		return true
	}
	return l.leaf(rv, v, ptr)
}

// slice decodes the elements of arr into a new slice and leaves out those
// it cannot read, so that the model's checks do not stumble over zero
// values (a list of three million nulls is a list of none), and when once
// is set the repetitions, which the schema reported. The indexes of
// the elements kept are recorded to place the model's problems. An array
// whose every element is left out keeps its first, as a zero value, so
// that it does not look empty.
func (l *lenient) slice(rv reflect.Value, arr []any, ptr *path, once bool) {
	s := reflect.MakeSlice(rv.Type(), len(arr), len(arr))
	offs := l.d.ix.Elements(arr)
	var seen map[string]bool
	var b []byte
	if once {
		seen = map[string]bool{}
	}
	keep := func(i int) bool {
		if once {
			b = canonical(b[:0], arr[i])
			if seen[string(b)] {
				return false
			}
			seen[string(b)] = true
		}
		return true
	}
	var kept []int // nil while every element is kept
	n := 0
	for i := range arr {
		if keep(i) && l.value(s.Index(n), arr[i], &path{up: ptr, index: i}, offs[i]) {
			if kept != nil {
				kept = append(kept, i)
			}
			n++
			continue
		}
		if kept == nil {
			kept = make([]int, n, len(arr))
			for j := range kept {
				kept[j] = j
			}
		}
		s.Index(n).SetZero()
	}
	if kept != nil {
		if n == 0 {
			n, kept = 1, []int{0}
		}
		if l.d.remap == nil {
			l.d.remap = map[string][]int{}
		}
		l.d.remap[ptr.String()] = kept
	}
	rv.Set(s.Slice3(0, n, n))
}

// leaf decodes v into rv as encoding/json does, the common cases directly,
// the others through encoding/json itself, except that null is no value
// where the model has no room for one.
func (l *lenient) leaf(rv reflect.Value, v any, ptr *path) bool {
	how := l.decodingOf(rv.Type())
	custom, text := how == byJSON, how == byText
	var err error
	switch x := v.(type) {
	case string:
		switch {
		case text:
			err = rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(x))
		case !custom && rv.Kind() == reflect.String:
			rv.SetString(x)
		default:
			err = l.byJSON(rv, v)
		}
	case json.Number:
		switch {
		case custom || text:
			err = l.byJSON(rv, v)
		case rv.Kind() == reflect.Float64 || rv.Kind() == reflect.Float32:
			var f float64
			if f, err = strconv.ParseFloat(string(x), rv.Type().Bits()); err == nil {
				rv.SetFloat(f)
			}
		default:
			err = l.byJSON(rv, v)
		}
	case nil:
		switch rv.Kind() {
		case reflect.Interface, reflect.Map, reflect.Slice:
			rv.SetZero()
		default:
			err = errNull
		}
	default:
		err = l.byJSON(rv, v)
	}
	if err != nil {
		l.fail(rv, ptr, err)
		return false
	}
	return true
}

var errNull = errors.New("null where a value is needed")

func (l *lenient) byJSON(rv reflect.Value, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, rv.Addr().Interface())
}

// fail leaves out a value the model cannot read and reports it, unless the
// schema already said what is wrong there.
func (l *lenient) fail(rv reflect.Value, at *path, err error) {
	rv.SetZero()
	d := l.d
	ptr := at.String()
	if under(d.structural, ptr) || under(d.reported, ptr) {
		return
	}
	if d.structural == nil {
		d.structural = map[string]bool{}
	}
	d.structural[ptr] = true
	reason := err.Error()
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		reason = fmt.Sprintf("expected %s, found %s", te.Type, te.Value)
	}
	d.addAt(phaseModel, ptr, CodeDecode, "", mDecode.text(reason))
}

// fieldNames maps the JSON names of a struct's fields to their indexes,
// as encoding/json matches them: the exact name, else one that differs
// only in case.
type fieldNames struct {
	exact  map[string][]int
	folded map[string][]int
}

func (n *fieldNames) lookup(key string) ([]int, bool) {
	if i, ok := n.exact[key]; ok {
		return i, true
	}
	i, ok := n.folded[strings.ToLower(key)]
	return i, ok
}

func (l *lenient) fieldsOf(t reflect.Type) *fieldNames {
	if n := l.fields[t]; n != nil {
		return n
	}
	n := &fieldNames{exact: map[string][]int{}, folded: map[string][]int{}}
	for _, f := range reflect.VisibleFields(t) {
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if tag == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				continue // its fields are promoted
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := n.exact[name]; !dup || len(f.Index) < len(n.exact[name]) {
			n.exact[name] = f.Index
		}
		if _, dup := n.folded[strings.ToLower(name)]; !dup {
			n.folded[strings.ToLower(name)] = f.Index
		}
	}
	if l.fields == nil {
		l.fields = map[reflect.Type]*fieldNames{}
	}
	l.fields[t] = n
	return n
}

// semantic runs the model's checks. A problem at a value about which the
// schema (or the reading of the model) already said something is left out:
// it would say the same thing twice, or follow from it.
func (d *decoder) semantic(f *File) {
	add := func(prefix string, err error) {
		var vs promise.Violations
		if !errors.As(err, &vs) {
			return
		}
		for _, v := range vs {
			if v.Code == promise.CodeTooMany {
				// The model lists MaxViolations and counts the rest.
				d.modelCount += v.Count
				continue
			}
			ptr := d.original(prefix + v.Pointer)
			if under(d.structural, ptr) || under(d.reported, ptr) {
				continue
			}
			d.addAt(phaseModel, ptr, Code(v.Code), "", v.Message)
		}
	}
	switch f.Kind {
	case PromiseDocument:
		add("", f.Document.Validate())
	case Report:
		add("", f.Report.Validate(nil))
	case Bundle:
		add("/document", f.Bundle.Document.Validate())
		for i, err := range d.validateReports(&f.Bundle.Document, f.Bundle.Reports) {
			add(fmt.Sprintf("/reports/%d", i), err)
		}
	}
}

// original returns the pointer in the file of a value the model's checks
// name by ptr, whose indexes count only the elements the model kept.
func (d *decoder) original(ptr string) string {
	if len(d.remap) == 0 || ptr == "" {
		return ptr
	}
	var b strings.Builder
	for _, tok := range strings.Split(ptr[1:], "/") {
		if kept := d.remap[b.String()]; kept != nil {
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(kept) {
				tok = strconv.Itoa(kept[i])
			}
		}
		b.WriteByte('/')
		b.WriteString(tok)
	}
	return b.String()
}
