// Command gen writes package strict's two generated files from the
// exchange format, so that the widget's decoder follows the format as it
// grows:
//
//   - schema.json: the JSON Schema of schema/*.schema.json in one document,
//     without annotations, each file under #/$defs/NAME and every $ref a
//     pointer into it; with "x-what" beside each pattern and format, the
//     name of the $def or property that holds it, for messages;
//   - model_gen.go: a decoder method for each type reachable from
//     followup.Bundle, read by reflection, that decodes what encoding/json
//     would decode into it.
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
	if err := os.WriteFile(filepath.Join(out, "schema.json"), combined, 0o644); err != nil {
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

// Model returns model_gen.go: decoder methods for the types reachable from
// followup.Bundle, checked against the combined schema.
func Model(combined []byte) ([]byte, error) {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(combined))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	g := &generator{doc: doc, done: map[reflect.Type]bool{}, imports: map[string]bool{}}
	root := reflect.TypeOf(followup.Bundle{})
	g.need(root, g.resolve(map[string]any{"$ref": "#/$defs/bundle"}), "followup.Bundle")
	for len(g.queue) > 0 {
		w := g.queue[0]
		g.queue = g.queue[1:]
		g.method(w)
		if g.err != nil {
			return nil, g.err
		}
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by wasm/internal/strict/internal/gen from the model's types; DO NOT EDIT.\n\n")
	b.WriteString("package strict\n\nimport (\n")
	var imps []string
	for p := range g.imports {
		imps = append(imps, p)
	}
	sort.Strings(imps)
	for _, p := range imps {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString(")\n\n")
	b.Write(g.out.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated code does not format: %w\n%s", err, b.Bytes())
	}
	return src, nil
}

type work struct {
	t    reflect.Type
	sch  []map[string]any // the schemas that apply to the type's values
	path string
}

type generator struct {
	doc     any
	done    map[reflect.Type]bool
	queue   []work
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
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// name returns a method name for a type: followupBundle, sliceUuidUUID.
func (g *generator) name(t reflect.Type) string {
	switch {
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

// need queues a method for t unless it has one.
func (g *generator) need(t reflect.Type, sch []map[string]any, path string) {
	if g.done[t] {
		return
	}
	g.done[t] = true
	g.queue = append(g.queue, work{t, sch, path})
}

// method writes the decoder method of a struct, slice or map type.
func (g *generator) method(w work) {
	t := w.t
	fmt.Fprintf(&g.out, "// %s decodes node n into v as encoding/json would.\n", g.name(t))
	fmt.Fprintf(&g.out, "func (d *decoder) %s(n int32, v *%s) {\n", g.name(t), g.typeName(t))
	switch t.Kind() {
	case reflect.Struct:
		g.structBody(w)
	case reflect.Slice:
		elem := t.Elem()
		fmt.Fprintf(&g.out, "\tif d.isNull(n) {\n\t\t*v = nil\n\t\treturn\n\t}\n\tif !d.array(n) {\n\t\treturn\n\t}\n")
		fmt.Fprintf(&g.out, "\ts := make(%s, d.t.nodes[n].n)\n\ti := 0\n", g.typeName(t))
		fmt.Fprintf(&g.out, "\tfor c := d.t.nodes[n].first; c >= 0; c = d.t.nodes[c].next {\n")
		items := []map[string]any(nil)
		if it, ok := keyword(w.sch, "items"); ok {
			items = g.resolve(it)
		}
		g.value(elem, "s[i]", "c", items, w.path+"/*")
		fmt.Fprintf(&g.out, "\t\ti++\n\t}\n\t*v = s\n")
	case reflect.Map:
		fmt.Fprintf(&g.out, "\tif d.isNull(n) {\n\t\t*v = nil\n\t\treturn\n\t}\n\tif !d.object(n) {\n\t\treturn\n\t}\n")
		fmt.Fprintf(&g.out, "\tm := make(%s, d.t.nodes[n].n)\n", g.typeName(t))
		fmt.Fprintf(&g.out, "\tfor c := d.t.nodes[n].first; c >= 0; c = d.t.nodes[c].next {\n")
		fmt.Fprintf(&g.out, "\t\tvar x %s\n", g.typeName(t.Elem()))
		var addl []map[string]any
		if a, ok := keyword(w.sch, "additionalProperties"); ok {
			addl = g.resolve(a)
		}
		g.value(t.Elem(), "x", "c", addl, w.path+"/*")
		fmt.Fprintf(&g.out, "\t\tm[%s(d.t.nodes[c].key)] = x\n\t}\n\t*v = m\n", g.typeName(t.Key()))
	}
	fmt.Fprintf(&g.out, "}\n\n")
}

func (g *generator) structBody(w work) {
	t := w.t
	if ts := types(w.sch); ts != nil && !slices.Contains(ts, "object") {
		g.fail(w.path, "the model has an object where the schema has "+strings.Join(ts, "|"))
	}
	if a, ok := keyword(w.sch, "additionalProperties"); !ok || a != false {
		g.fail(w.path, "the schema of "+t.String()+" allows other properties: encoding/json would match them to fields case-insensitively; add \"additionalProperties\": false")
	}
	fmt.Fprintf(&g.out, "\tif !d.object(n) {\n\t\treturn\n\t}\n")
	fmt.Fprintf(&g.out, "\tfor m := d.t.nodes[n].first; m >= 0; m = d.t.nodes[m].next {\n\t\tswitch d.t.nodes[m].key {\n")
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			g.fail(w.path, t.String()+" embeds "+f.Type.String()+": the generator does not flatten embedded structs as encoding/json does")
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
			g.fail(w.path+"/"+name, "the ,string option is not supported")
		}
		if seen[name] {
			g.fail(w.path+"/"+name, "two fields of "+t.String()+" have the name")
		}
		seen[name] = true
		ps, found := g.property(w.sch, name)
		if !found {
			g.fail(w.path+"/"+name, "the model's field "+t.String()+"."+f.Name+" is not a property of the schema")
		}
		fmt.Fprintf(&g.out, "\t\tcase %q:\n", name)
		g.value(f.Type, "v."+f.Name, "m", ps, w.path+"/"+name)
	}
	fmt.Fprintf(&g.out, "\t\t}\n\t}\n")
}

// value writes the decoding of node into the addressable expression lv of
// type t.
func (g *generator) value(t reflect.Type, lv, node string, sch []map[string]any, path string) {
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
		return
	case pt.Implements(textUnmarshaler):
		check("string")
		fmt.Fprintf(&g.out, "\t\t\td.text(%s, %s)\n", node, addr(lv))
		return
	}
	conv := func(base string) string {
		if t.Name() != base || t.PkgPath() != "" {
			return "(*" + base + ")(" + addr(lv) + ")"
		}
		return addr(lv)
	}
	switch t.Kind() {
	case reflect.String:
		check("string")
		fmt.Fprintf(&g.out, "\t\t\td.string(%s, %s)\n", node, conv("string"))
	case reflect.Bool:
		check("boolean")
		fmt.Fprintf(&g.out, "\t\t\td.bool(%s, %s)\n", node, conv("bool"))
	case reflect.Float64:
		check("number", "integer")
		fmt.Fprintf(&g.out, "\t\t\td.float64(%s, %s)\n", node, conv("float64"))
	case reflect.Int:
		check("integer")
		fmt.Fprintf(&g.out, "\t\t\td.int(%s, %s)\n", node, conv("int"))
	case reflect.Struct:
		g.need(t, sch, path)
		fmt.Fprintf(&g.out, "\t\t\td.%s(%s, %s)\n", g.name(t), node, addr(lv))
	case reflect.Pointer:
		fmt.Fprintf(&g.out, "\t\t\tif d.isNull(%s) {\n\t\t\t\t%s = nil\n\t\t\t} else {\n", node, lv)
		fmt.Fprintf(&g.out, "\t\t\tp := new(%s)\n", g.typeName(t.Elem()))
		g.value(t.Elem(), "*p", node, sch, path)
		fmt.Fprintf(&g.out, "\t\t\t%s = p\n\t\t\t}\n", lv)
	case reflect.Slice:
		check("array")
		g.need(t, sch, path)
		fmt.Fprintf(&g.out, "\t\t\td.%s(%s, %s)\n", g.name(t), node, addr(lv))
	case reflect.Map:
		check("object")
		if t.Key().Kind() != reflect.String {
			g.fail(path, "a map whose key is not a string")
			return
		}
		switch {
		case t.Elem().Kind() == reflect.String && t.Elem().PkgPath() == "" && t.Key().PkgPath() == "":
			fmt.Fprintf(&g.out, "\t\t\td.stringMap(%s, (*map[string]string)(%s))\n", node, addr(lv))
		case t.Elem().Kind() == reflect.Interface && t.Elem().NumMethod() == 0 && t.Key().PkgPath() == "":
			fmt.Fprintf(&g.out, "\t\t\td.anyMap(%s, (*map[string]any)(%s))\n", node, addr(lv))
		default:
			g.need(t, sch, path)
			fmt.Fprintf(&g.out, "\t\t\td.%s(%s, %s)\n", g.name(t), node, addr(lv))
		}
	case reflect.Interface:
		if t.NumMethod() != 0 {
			g.fail(path, "an interface with methods")
			return
		}
		fmt.Fprintf(&g.out, "\t\t\t%s = d.any(%s)\n", lv, node)
	default:
		g.fail(path, "the generator cannot decode "+t.String())
	}
}

// addr returns the address of the addressable expression lv.
func addr(lv string) string {
	if strings.HasPrefix(lv, "*") {
		return lv[1:]
	}
	return "&" + lv
}
