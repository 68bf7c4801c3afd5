package strict

import (
	"bytes"
	"strconv"
	"strings"
	"unsafe"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The $schema of the files Decode reads: a bundle, and for convenience a
// plain promise document (a bundle without reports).
const (
	BundleSchema   = "https://medborgarlofte.se/schema/1/bundle.schema.json"
	DocumentSchema = "https://medborgarlofte.se/schema/1/promise-document.schema.json"
)

// Decode decodes a bundle, or a promise document as a bundle without
// reports, and returns it only when package schema's Decode would accept
// the file too: well-formed strict JSON (package schema's scanner's
// rules), a "$schema" of a bundle or promise document and a schemaVersion
// 1.x, the format's JSON Schema, and the invariants of the document and of
// each report against it. The bundle is the value encoding/json would
// decode from the file. Otherwise it returns an *Error with the problems,
// in file order.
//
// Decode takes time and memory linear in len(data) and never panics.
func Decode(data []byte) (*followup.Bundle, error) {
	body := data
	bom := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) { // spreadsheet tools add one
		body, bom = data[3:], 3
	}
	r := result{body: body, bom: bom}
	b := r.decode()
	if len(r.problems) > 0 {
		return nil, r.err()
	}
	return b, nil
}

// result is one call of Decode.
type result struct {
	body     []byte
	bom      int
	kind     ErrorKind
	problems []Problem
	more     int
}

func (r *result) decode() *followup.Bundle {
	t, serr := parse(r.body)
	if serr != nil {
		r.kind = Syntax
		r.problems = []Problem{{Offset: serr.Offset, Pointer: serr.Pointer, Code: serr.Code, Arg: serr.Arg}}
		return nil
	}
	if t.nodes[0].kind != kObject {
		r.refuse(0, "", CodeNotObject, "")
		return nil
	}
	var root int32
	s := t.member(0, "$schema")
	switch {
	case s < 0 || t.nodes[s].kind != kString:
		r.refuse(0, "/$schema", CodeSchemaMissing, "")
		return nil
	case t.nodes[s].str == BundleSchema:
		root = schemaBundle
	case t.nodes[s].str == DocumentSchema:
		root = schemaDocument
	default:
		r.refuse(t.offsetOf(s), "/$schema", CodeSchemaUnknown, quoteValue(t, s))
		return nil
	}
	if v := t.member(0, "schemaVersion"); v < 0 || t.nodes[v].kind != kString || !supportedVersion(t.nodes[v].str) {
		arg, off := "(none)", 0
		if v >= 0 {
			arg, off = quoteValue(t, v), t.offsetOf(v)
		}
		r.refuse(off, "/schemaVersion", CodeSchemaVersion, arg)
		return nil
	}
	v := validator{t: t}
	v.check(at(root), 0)
	if len(v.problems) > 0 {
		r.kind, r.problems, r.more = Structure, v.problems, v.more
		return nil
	}
	d := decoder{t: t}
	b := new(followup.Bundle)
	if root == schemaBundle {
		d.decode(tFollowupBundle, 0, unsafe.Pointer(b))
	} else {
		*b = followup.Bundle{Schema: BundleSchema, SchemaVersion: promise.SchemaVersion}
		d.decode(tFollowupBundle.field("document"), 0, unsafe.Pointer(&b.Document))
	}
	if len(d.problems) > 0 {
		r.kind, r.problems = Structure, d.problems
		if d.internal {
			r.kind = Internal
		}
		return nil
	}
	prefix := "/document"
	if root != schemaBundle {
		prefix = ""
	}
	r.invariants(t, prefix, b.Document.Validate())
	for i, err := range followup.ValidateReports(&b.Document, b.Reports) {
		r.invariants(t, "/reports/"+strconv.Itoa(i), err)
	}
	if len(r.problems) > 0 {
		r.kind = Invalid
		return nil
	}
	return b
}

func (r *result) refuse(off int, ptr string, code Code, arg string) {
	r.kind = NotCitizenPromise
	r.problems = []Problem{{Offset: off, Pointer: ptr, Code: code, Arg: arg}}
}

// invariants adds the model's violations, placed in the file.
func (r *result) invariants(t *tree, prefix string, err error) {
	if err == nil {
		return
	}
	vs, ok := err.(promise.Violations)
	if !ok {
		vs = promise.Violations{{Pointer: "", Code: "invalid", Message: promise.Text{"en": err.Error(), "sv": err.Error()}}}
	}
	for _, v := range vs {
		ptr := prefix + strings.TrimPrefix(v.Pointer, "(root)")
		if len(r.problems) >= MaxProblems {
			r.more++
			continue
		}
		// An absent value is placed at the nearest value that holds it.
		n, p := t.locate(ptr), ptr
		for n < 0 && p != "" {
			p = p[:strings.LastIndexByte(p, '/')]
			n = t.locate(p)
		}
		off := 0
		if n >= 0 {
			off = t.offsetOf(n)
		}
		r.problems = append(r.problems, Problem{Offset: off, Pointer: ptr, Code: Code(v.Code), Message: v.Message})
	}
}

// err sorts the problems by offset, places and words them.
func (r *result) err() *Error {
	ps := r.problems
	// Few problems, mostly in order already: an insertion sort, stable.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Offset < ps[j-1].Offset; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	// One pass over the text places every problem.
	line, start, i := 1, 0, 0
	for k := range ps {
		off := min(max(ps[k].Offset, 0), len(r.body))
		for ; i < off; i++ {
			switch r.body[i] {
			case '\n':
			case '\r':
				if i+1 < len(r.body) && r.body[i+1] == '\n' {
					continue
				}
			default:
				continue
			}
			line, start = line+1, i+1
		}
		ps[k].Line = line
		ps[k].Column = countRunes(r.body[start:off]) + 1
		ps[k].Offset = off + r.bom
		if ps[k].Message == nil {
			ps[k].message()
		}
	}
	return &Error{Kind: r.kind, Problems: ps, More: r.more}
}

func countRunes(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

// supportedVersion reports whether s is 1.x, as package schema reads it.
func supportedVersion(s string) bool {
	major, minor, ok := strings.Cut(s, ".")
	if !ok || major != "1" || minor == "" {
		return false
	}
	return strings.Trim(minor, "0123456789") == ""
}

// typ describes a Go type of the model for decoder.decode: model_gen.go
// has one for each type reachable from followup.Bundle, generated from the
// types by reflection, so that the decoder follows the model (a table and
// one loop cost a tenth of the code of a method per type in WebAssembly).
type typ struct {
	kind vkind
	// fields are a struct's, by their JSON names.
	fields []field
	// elem is a slice's or pointer's element; size a slice element's.
	elem *typ
	size uintptr
	// text decodes b into the value at p with its UnmarshalText (vText),
	// called directly: a call through encoding.TextUnmarshaler would make
	// the linker keep the UnmarshalText of every type in an interface
	// (time.Time's links time.Parse).
	text func(p unsafe.Pointer, b []byte) error
	// alloc returns a new value of a pointer's element (vPtr).
	alloc func() unsafe.Pointer
	// slice makes a slice of n elements at p and returns its first
	// element; n < 0 sets the slice to nil (vSlice).
	slice func(p unsafe.Pointer, n int) unsafe.Pointer
}

// field is a struct field: its JSON name, its offset and its type.
type field struct {
	name string
	off  uintptr
	t    *typ
}

// vkind is how a value is decoded.
type vkind uint8

const (
	vString    vkind = iota + 1 // string and string types
	vBool                       // bool
	vFloat64                    // float64
	vInt                        // int
	vText                       // a type with UnmarshalText
	vStringMap                  // map[string]string and its named types
	vAnyMap                     // map[string]any
	vAny                        // any
	vStruct
	vSlice
	vPtr
)

// The descriptors of the predeclared types and the maps.
var (
	tdString    = &typ{kind: vString}
	tdBool      = &typ{kind: vBool}
	tdFloat64   = &typ{kind: vFloat64}
	tdInt       = &typ{kind: vInt}
	tdStringMap = &typ{kind: vStringMap}
	tdAnyMap    = &typ{kind: vAnyMap}
)

// field returns the type of a struct's field.
func (t *typ) field(name string) *typ {
	for i := range t.fields {
		if t.fields[i].name == name {
			return t.fields[i].t
		}
	}
	return nil
}

// decode decodes node n into the value of type t at p, as encoding/json
// would: absent members leave fields as they are, null sets a pointer,
// slice, map or interface to nil and leaves anything else, [] makes an
// empty slice, not nil.
func (d *decoder) decode(t *typ, n int32, p unsafe.Pointer) {
	switch t.kind {
	case vString:
		d.string(n, (*string)(p))
	case vBool:
		d.bool(n, (*bool)(p))
	case vFloat64:
		d.float64(n, (*float64)(p))
	case vInt:
		d.int(n, (*int)(p))
	case vText:
		d.text(n, p, t.text)
	case vStringMap:
		d.stringMap(n, (*map[string]string)(p))
	case vAnyMap:
		d.anyMap(n, (*map[string]any)(p))
	case vAny:
		*(*any)(p) = d.any(n)
	case vPtr:
		if d.isNull(n) {
			*(*unsafe.Pointer)(p) = nil
			return
		}
		q := t.alloc()
		d.decode(t.elem, n, q)
		*(*unsafe.Pointer)(p) = q
	case vSlice:
		if d.isNull(n) {
			t.slice(p, -1)
			return
		}
		if !d.array(n) {
			return
		}
		base := t.slice(p, int(d.t.nodes[n].n))
		var i uintptr
		for c := d.t.nodes[n].first; c >= 0; c = d.t.nodes[c].next {
			d.decode(t.elem, c, unsafe.Add(base, i*t.size))
			i++
		}
	case vStruct:
		if !d.object(n) {
			return
		}
		for m := d.t.nodes[n].first; m >= 0; m = d.t.nodes[m].next {
			key := d.t.nodes[m].key
			for i := range t.fields {
				if f := &t.fields[i]; f.name == key {
					d.decode(f.t, m, unsafe.Add(p, f.off))
					break
				}
			}
		}
	}
}

// decoder turns a tree that the schema accepted into the model's values,
// as encoding/json would (decode), its methods below decoding the leaves.
type decoder struct {
	t        *tree
	problems []Problem
	internal bool
}

// mismatch reports a node whose JSON type the model cannot take: the
// schema accepted it, so the schema and the model disagree.
func (d *decoder) mismatch(n int32, want string) {
	d.internal = true
	d.problems = append(d.problems, Problem{Offset: d.t.offsetOf(n), Code: CodeInternal,
		Want: "the schema accepts " + jsonTypeName(bitOf(&d.t.nodes[n])) + " where the model takes " + want})
}

func (d *decoder) kind(n int32) kind { return d.t.nodes[n].kind }

// isNull reports whether node n is null: encoding/json then leaves a
// value as it is, and sets a pointer, slice, map or interface to nil.
func (d *decoder) isNull(n int32) bool { return d.t.nodes[n].kind == kNull }

// object reports whether n is an object, or reports the mismatch.
func (d *decoder) object(n int32) bool {
	if d.kind(n) == kObject {
		return true
	}
	if !d.isNull(n) {
		d.mismatch(n, "an object")
	}
	return false
}

// array reports whether n is an array, or reports the mismatch.
func (d *decoder) array(n int32) bool {
	if d.kind(n) == kArray {
		return true
	}
	if !d.isNull(n) {
		d.mismatch(n, "a list")
	}
	return false
}

func (d *decoder) string(n int32, v *string) {
	switch d.kind(n) {
	case kString:
		*v = d.t.nodes[n].str
	case kNull:
	default:
		d.mismatch(n, "a string")
	}
}

func (d *decoder) bool(n int32, v *bool) {
	switch d.kind(n) {
	case kTrue:
		*v = true
	case kFalse:
		*v = false
	case kNull:
	default:
		d.mismatch(n, "a boolean")
	}
}

func (d *decoder) float64(n int32, v *float64) {
	switch d.kind(n) {
	case kNumber:
		f, err := strconv.ParseFloat(d.t.nodes[n].str, 64)
		if err != nil {
			d.fail(n, err.Error())
			return
		}
		*v = f
	case kNull:
	default:
		d.mismatch(n, "a number")
	}
}

// int decodes an integer as encoding/json does: only a literal without a
// fraction or exponent, within range.
func (d *decoder) int(n int32, v *int) {
	switch d.kind(n) {
	case kNumber:
		i, err := strconv.ParseInt(d.t.nodes[n].str, 10, 64)
		if err != nil || int64(int(i)) != i {
			d.fail(n, "not a whole number the model can hold")
			return
		}
		*v = int(i)
	case kNull:
	default:
		d.mismatch(n, "a whole number")
	}
}

// text decodes a string with the value's UnmarshalText.
func (d *decoder) text(n int32, p unsafe.Pointer, unmarshal func(unsafe.Pointer, []byte) error) {
	switch d.kind(n) {
	case kString:
		if err := unmarshal(p, []byte(d.t.nodes[n].str)); err != nil {
			d.fail(n, err.Error())
		}
	case kNull:
	default:
		d.mismatch(n, "a string")
	}
}

// fail reports a value the model refuses: the file is refused, as
// encoding/json's error makes package schema refuse it.
func (d *decoder) fail(n int32, why string) {
	d.problems = append(d.problems, Problem{Offset: d.t.offsetOf(n), Code: CodeDecode, Arg: quoteValue(d.t, n), Want: why})
}

// stringMap decodes an object of strings.
func (d *decoder) stringMap(n int32, v *map[string]string) {
	if d.isNull(n) {
		*v = nil
		return
	}
	if !d.object(n) {
		return
	}
	m := make(map[string]string, d.t.nodes[n].n)
	for c := d.t.nodes[n].first; c >= 0; c = d.t.nodes[c].next {
		var s string
		d.string(c, &s)
		m[d.t.nodes[c].key] = s
	}
	*v = m
}

// anyMap decodes an object of any values.
func (d *decoder) anyMap(n int32, v *map[string]any) {
	if d.isNull(n) {
		*v = nil
		return
	}
	if !d.object(n) {
		return
	}
	*v = d.any(n).(map[string]any)
}

// any returns a value as encoding/json decodes into an interface:
// map[string]any, []any, string, float64, bool or nil.
func (d *decoder) any(n int32) any {
	nd := &d.t.nodes[n]
	switch nd.kind {
	case kObject:
		m := make(map[string]any, nd.n)
		for c := nd.first; c >= 0; c = d.t.nodes[c].next {
			m[d.t.nodes[c].key] = d.any(c)
		}
		return m
	case kArray:
		a := make([]any, 0, nd.n)
		for c := nd.first; c >= 0; c = d.t.nodes[c].next {
			a = append(a, d.any(c))
		}
		return a
	case kString:
		return nd.str
	case kNumber:
		var f float64
		d.float64(n, &f)
		return f
	case kTrue:
		return true
	case kFalse:
		return false
	}
	return nil
}
