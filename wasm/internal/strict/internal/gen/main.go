// Command gen writes package strict's two generated files from the
// exchange format, so that the widget's decoder follows the format as it
// grows:
//
//   - schema_gen.go: the JSON Schema of schema/*.schema.json as a table of
//     subschemas (strict's sch), without annotations, every $ref an index
//     into the table, every pattern compiled (package nfa), and with each
//     pattern and format the name of the $def or property that holds it,
//     for messages;
//   - model_gen.go: a descriptor of each type reachable from
//     followup.Bundle, read by reflection, from which strict's decoder
//     decodes what encoding/json would decode into it.
//
// It fails when the schema and the model disagree in a way the decoder
// could not follow: a field of the model that the schema does not name, an
// object of the model whose schema allows other properties (encoding/json
// would match them case-insensitively), a type it cannot decode (a
// json.Unmarshaler, an embedded struct, a ",string" field), or a keyword
// of JSON Schema that package strict does not implement.
//
// Run it with go generate ./wasm/... from the repository root.
package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"reflect"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// files are the schema files, by the name each gets under $defs.
var files = []string{"bundle", "promise-document", "followup-report", "common"}

const baseURL = "https://medborgarlofte.se/schema/1/"

func main() {
	out := flag("-out", ".")
	root, err := findRoot(".")
	if err == nil {
		err = run(root, out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// flag returns the value after name in the arguments, or def.
func flag(name, def string) string {
	for i, a := range os.Args[1:] {
		if a == name && i+2 < len(os.Args) {
			return os.Args[i+2]
		}
	}
	return def
}

func findRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module github.com/medborgarlofte/medborgarlofte\n")) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no go.mod of github.com/medborgarlofte/medborgarlofte above " + dir)
		}
	}
}

func run(root, out string) error {
	combined, err := Schema(filepath.Join(root, "schema"))
	if err != nil {
		return err
	}
	code, err := Model(combined)
	if err != nil {
		return err
	}
	table, err := SchemaTable(combined)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "schema_gen.go"), table, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "model_gen.go"), code, 0o644)
}

// Schema returns the combined schema of the files in dir.
func Schema(dir string) ([]byte, error) {
	defs := map[string]any{}
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join(dir, name+".schema.json"))
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s.schema.json: %w", name, err)
		}
		c := converter{file: name}
		defs[name] = c.schema(v, "", "#")
		if c.err != nil {
			return nil, fmt.Errorf("%s.schema.json: %w", name, c.err)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{"$defs": defs}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// converter strips one file's schema of annotations and rewrites its refs.
type converter struct {
	file string
	err  error
}

func (c *converter) fail(at, msg string) {
	if c.err == nil {
		c.err = fmt.Errorf("%s: %s", at, msg)
	}
}

// The keywords package strict implements, by what their value is.
var (
	schemaKeywords    = set("additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else")
	schemaMapKeywords = set("properties", "$defs")
	schemaListKw      = set("allOf", "anyOf", "oneOf")
	valueKeywords     = set("$ref", "type", "enum", "const", "required", "dependentRequired", "minProperties", "maxProperties",
		"minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
		"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
	annotations = set("$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly")
	formats     = set("date", "uri")
)

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// schema converts a schema; what names it (its $def or property name),
// at is its location for errors.
func (c *converter) schema(v any, what, at string) any {
	switch v := v.(type) {
	case bool:
		return v
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			here := at + "/" + k
			switch {
			case annotations[k]:
			case schemaKeywords[k]:
				out[k] = c.schema(x, what, here)
			case schemaMapKeywords[k]:
				m, ok := x.(map[string]any)
				if !ok {
					c.fail(here, "not an object")
					continue
				}
				o := map[string]any{}
				for name, s := range m {
					o[name] = c.schema(s, name, here+"/"+name)
				}
				out[k] = o
			case schemaListKw[k]:
				l, ok := x.([]any)
				if !ok {
					c.fail(here, "not an array")
					continue
				}
				var o []any
				for i, s := range l {
					o = append(o, c.schema(s, what, fmt.Sprintf("%s/%d", here, i)))
				}
				out[k] = o
			case k == "$ref":
				s, _ := x.(string)
				out[k] = c.ref(s, here)
			case valueKeywords[k]:
				out[k] = x
			default:
				c.fail(here, "the keyword "+k+" is not implemented by package strict (wasm/internal/strict/schema.go)")
			}
		}
		if p, ok := v["pattern"].(string); ok {
			if _, err := syntax.Parse(p, syntax.Perl); err != nil {
				c.fail(at+"/pattern", err.Error())
			}
			out["x-what"] = what
		}
		if f, ok := v["format"].(string); ok {
			if !formats[f] {
				c.fail(at+"/format", "the format "+f+" is not implemented by package strict (pattern.go)")
			}
			out["x-what"] = what
		}
		if m, ok := v["multipleOf"].(json.Number); ok {
			if i, err := m.Int64(); err != nil || i <= 0 {
				c.fail(at+"/multipleOf", "package strict implements multipleOf for positive integers only")
			}
		}
		return out
	}
	c.fail(at, "a schema is an object or a boolean")
	return nil
}

// ref rewrites a $ref into a pointer of the combined document.
func (c *converter) ref(ref, at string) string {
	ref = strings.TrimPrefix(ref, baseURL)
	file, frag, _ := strings.Cut(ref, "#")
	name := c.file
	if file != "" {
		name = strings.TrimSuffix(file, ".schema.json")
		if !slices.Contains(files, name) || !strings.HasSuffix(file, ".schema.json") {
			c.fail(at, "a $ref to an unknown file: "+ref)
			return ""
		}
	}
	if frag != "" && !strings.HasPrefix(frag, "/") {
		c.fail(at, "a $ref to an anchor: "+ref)
		return ""
	}
	return "#/$defs/" + name + frag
}

// Model returns model_gen.go: a descriptor (typ) for each type reachable
// from followup.Bundle, which decoder.decode follows, checked against the
// combined schema.
func Model(combined []byte) ([]byte, error) {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(combined))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	g := &generator{doc: doc, vars: map[reflect.Type]string{}, imports: map[string]bool{"unsafe": true}}
	root := g.desc(reflect.TypeOf(followup.Bundle{}), g.resolve(map[string]any{"$ref": "#/$defs/bundle"}), "followup.Bundle")
	if g.err != nil {
		return nil, g.err
	}
	if root != "tFollowupBundle" {
		return nil, fmt.Errorf("the root's descriptor is %s", root)
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by wasm/internal/strict/internal/gen from the model's types; DO NOT EDIT.\n\n")
	b.WriteString("package strict\n\nimport (\n")
	var std, other []string
	for p := range g.imports {
		if strings.Contains(strings.Split(p, "/")[0], ".") {
			other = append(other, p)
		} else {
			std = append(std, p)
		}
	}
	sort.Strings(std)
	sort.Strings(other)
	for _, p := range std {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString("\n")
	for _, p := range other {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString(")\n\n")
	b.WriteString("// The descriptors of the model's types: what decoder.decode needs to\n// decode a value of each as encoding/json would.\nvar (\n")
	b.Write(g.out.Bytes())
	b.WriteString(")\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated code does not format: %w\n%s", err, b.Bytes())
	}
	return src, nil
}

type generator struct {
	doc     any
	vars    map[reflect.Type]string // the descriptor of each type, by variable name
	busy    map[reflect.Type]bool   // types whose descriptor is being made
	imports map[string]bool
	out     bytes.Buffer
	err     error
}

func (g *generator) fail(path, msg string) {
	if g.err == nil {
		g.err = fmt.Errorf("%s: %s", path, msg)
	}
}

// resolve returns the schema objects that apply at a schema: itself and
// what its $ref (and theirs) name, and the branches of allOf, if/then and
// else, whose properties a value may hold.
func (g *generator) resolve(s any) []map[string]any {
	var out []map[string]any
	var walk func(s any, depth int)
	walk = func(s any, depth int) {
		m, ok := s.(map[string]any)
		if !ok || depth > 32 {
			return
		}
		out = append(out, m)
		if r, ok := m["$ref"].(string); ok {
			walk(g.pointer(r), depth+1)
		}
		for _, k := range []string{"allOf", "anyOf", "oneOf"} {
			if l, ok := m[k].([]any); ok {
				for _, x := range l {
					walk(x, depth+1)
				}
			}
		}
		for _, k := range []string{"then", "else"} {
			walk(m[k], depth+1)
		}
	}
	walk(s, 0)
	return out
}

// pointer returns the value a "#/..." pointer names in the combined
// schema.
func (g *generator) pointer(ref string) any {
	v := g.doc
	for _, tok := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")]
	}
	return v
}

// property returns the schemas of a property among schemas.
func (g *generator) property(schemas []map[string]any, name string) (out []map[string]any, found bool) {
	for _, s := range schemas {
		if props, ok := s["properties"].(map[string]any); ok {
			if p, ok := props[name]; ok {
				if b, isBool := p.(bool); isBool {
					if b {
						found = true
					}
					continue
				}
				found = true
				out = append(out, g.resolve(p)...)
			}
		}
	}
	return out, found
}

// keyword returns the first value of a keyword among schemas.
func keyword(schemas []map[string]any, k string) (any, bool) {
	for _, s := range schemas {
		if v, ok := s[k]; ok {
			return v, true
		}
	}
	return nil, false
}

// types returns the JSON types the schemas allow, or nil for any.
func types(schemas []map[string]any) []string {
	v, ok := keyword(schemas, "type")
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	idType          = reflect.TypeFor[promise.ID]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// name returns a method name for a type: followupBundle, slicePromiseID.
func (g *generator) name(t reflect.Type) string {
	switch {
	case t == idType:
		return "promiseID"
	case t.Name() != "" && t.PkgPath() == "":
		return t.Name() // a predeclared type: string, float64
	case t.Name() != "":
		pkg := t.PkgPath()
		return lower(pkg[strings.LastIndexByte(pkg, '/')+1:]) + upper(t.Name())
	case t.Kind() == reflect.Slice:
		return "slice" + upper(g.name(t.Elem()))
	case t.Kind() == reflect.Map:
		return "map" + upper(g.name(t.Elem()))
	case t.Kind() == reflect.Pointer:
		return "ptr" + upper(g.name(t.Elem()))
	}
	return t.Kind().String()
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// typeName returns t as Go source, noting its package's import.
func (g *generator) typeName(t reflect.Type) string {
	if t == idType {
		// promise.ID is an alias whose type depends on the build tag
		// medborgarlofte_nouuid: name the alias, never google/uuid.
		g.imports[reflect.TypeFor[promise.Document]().PkgPath()] = true
		return "promise.ID"
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name()
		}
		g.imports[t.PkgPath()] = true
		pkg := t.PkgPath()
		return pkg[strings.LastIndexByte(pkg, '/')+1:] + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + g.typeName(t.Elem())
	case reflect.Map:
		return "map[" + g.typeName(t.Key()) + "]" + g.typeName(t.Elem())
	case reflect.Pointer:
		return "*" + g.typeName(t.Elem())
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any"
		}
	}
	g.fail(t.String(), "a type the generator cannot name")
	return "any"
}

// desc returns the name of t's descriptor variable, writing it (and those
// it refers to) first if need be. sch are the schemas of t's values.
func (g *generator) desc(t reflect.Type, sch []map[string]any, path string) string {
	pt := reflect.PointerTo(t)
	ts := types(sch)
	check := func(want ...string) {
		if ts == nil {
			return
		}
		for _, w := range want {
			if slices.Contains(ts, w) {
				return
			}
		}
		g.fail(path, fmt.Sprintf("the model has %s where the schema has %s", t, strings.Join(ts, "|")))
	}
	switch {
	case pt.Implements(jsonUnmarshaler):
		g.fail(path, t.String()+" implements json.Unmarshaler, which the generator does not follow")
		return "nil"
	case pt.Implements(textUnmarshaler):
		check("string")
	default:
		switch t.Kind() {
		case reflect.String:
			check("string")
			return "tdString"
		case reflect.Bool:
			check("boolean")
			return "tdBool"
		case reflect.Float64:
			check("number", "integer")
			return "tdFloat64"
		case reflect.Int:
			check("integer")
			return "tdInt"
		case reflect.Interface:
			if t.NumMethod() != 0 {
				g.fail(path, "an interface with methods")
			}
			return "&typ{kind: vAny}"
		case reflect.Map:
			check("object")
			switch {
			case t.Key().Kind() != reflect.String || t.Key().PkgPath() != "":
				g.fail(path, "a map whose key is not a string")
			case t.Elem().Kind() == reflect.String && t.Elem().PkgPath() == "":
				return "tdStringMap"
			case t.Elem().Kind() == reflect.Interface && t.Elem().NumMethod() == 0:
				return "tdAnyMap"
			default:
				g.fail(path, "a map of "+t.Elem().String()+": teach the generator and decoder.decode maps of other values")
			}
			return "nil"
		case reflect.Struct, reflect.Slice, reflect.Pointer:
		default:
			g.fail(path, "the generator cannot decode "+t.String())
			return "nil"
		}
	}
	if v, ok := g.vars[t]; ok {
		return v
	}
	if g.busy == nil {
		g.busy = map[reflect.Type]bool{}
	}
	if g.busy[t] {
		g.fail(path, "the recursive type "+t.String()+": teach the generator to tie it in init")
		return "nil"
	}
	g.busy[t] = true
	defer delete(g.busy, t)
	name := "t" + upper(g.name(t))
	var lit string
	switch {
	case pt.Implements(textUnmarshaler):
		lit = fmt.Sprintf("&typ{kind: vText, text: func(p unsafe.Pointer, b []byte) error { return (*%s)(p).UnmarshalText(b) }}", g.typeName(t))
	case t.Kind() == reflect.Struct:
		lit = g.structDesc(t, sch, path)
	case t.Kind() == reflect.Slice:
		check("array")
		var items []map[string]any
		if it, ok := keyword(sch, "items"); ok {
			items = g.resolve(it)
		}
		elem := g.desc(t.Elem(), items, path+"/*")
		tn := g.typeName(t)
		lit = fmt.Sprintf(`&typ{kind: vSlice, elem: %s, size: unsafe.Sizeof(*new(%s)), slice: func(p unsafe.Pointer, n int) unsafe.Pointer {
			if n < 0 {
				*(*%s)(p) = nil
				return nil
			}
			s := make(%s, n)
			*(*%s)(p) = s
			return unsafe.Pointer(unsafe.SliceData(s))
		}}`, elem, g.typeName(t.Elem()), tn, tn, tn)
	case t.Kind() == reflect.Pointer:
		elem := g.desc(t.Elem(), sch, path)
		lit = fmt.Sprintf("&typ{kind: vPtr, elem: %s, alloc: func() unsafe.Pointer { return unsafe.Pointer(new(%s)) }}", elem, g.typeName(t.Elem()))
	}
	g.vars[t] = name
	fmt.Fprintf(&g.out, "\t%s = %s\n", name, lit)
	return name
}

// structDesc returns the descriptor literal of a struct, checking its
// fields against the schema.
func (g *generator) structDesc(t reflect.Type, sch []map[string]any, path string) string {
	if ts := types(sch); ts != nil && !slices.Contains(ts, "object") {
		g.fail(path, "the model has an object where the schema has "+strings.Join(ts, "|"))
	}
	if a, ok := keyword(sch, "additionalProperties"); !ok || a != false {
		g.fail(path, "the schema of "+t.String()+" allows other properties: encoding/json would match them to fields case-insensitively; add \"additionalProperties\": false")
	}
	var fields []string
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			g.fail(path, t.String()+" embeds "+f.Type.String()+": the generator does not flatten embedded structs as encoding/json does")
			continue
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		if slices.Contains(strings.Split(opts, ","), "string") {
			g.fail(path+"/"+name, "the ,string option is not supported")
		}
		if seen[name] {
			g.fail(path+"/"+name, "two fields of "+t.String()+" have the name")
		}
		seen[name] = true
		ps, found := g.property(sch, name)
		if !found {
			g.fail(path+"/"+name, "the model's field "+t.String()+"."+f.Name+" is not a property of the schema")
		}
		d := g.desc(f.Type, ps, path+"/"+name)
		fields = append(fields, fmt.Sprintf("{name: %q, off: unsafe.Offsetof(%s{}.%s), t: %s}", name, g.typeName(t), f.Name, d))
	}
	return "&typ{kind: vStruct, fields: []field{\n" + strings.Join(fields, ",\n") + ",\n}}"
}
