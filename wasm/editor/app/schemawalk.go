package app

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// The forms are drawn from the embedded JSON Schema: which properties an
// entity has (in the schema's order), their types, enums and which are
// required. A property the format gains is in the forms at once; words
// for it in Swedish come from words.go, or its name is shown.

// obj is a JSON object that keeps the order of its keys.
type obj struct {
	keys []string
	m    map[string]any
}

// parseOrdered decodes JSON keeping the order of object keys.
func parseOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return orderedValue(dec)
}

func orderedValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := &obj{m: map[string]any{}}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				v, err := orderedValue(dec)
				if err != nil {
					return nil, err
				}
				o.keys = append(o.keys, key)
				o.m[key] = v
			}
			_, err := dec.Token()
			return o, err
		case '[':
			var s []any
			for dec.More() {
				v, err := orderedValue(dec)
				if err != nil {
					return nil, err
				}
				s = append(s, v)
			}
			_, err := dec.Token()
			return s, err
		}
	}
	return tok, nil
}

// sch is a schema (or subschema) in one of the embedded files, with the
// name of the definition it is ("target", "text"), if any.
type sch struct {
	file string // "promise-document.schema.json"
	def  string
	o    *obj
}

var (
	schemaOnce  sync.Once
	schemaFiles map[string]*obj
)

func loadSchemas() map[string]*obj {
	schemaOnce.Do(func() {
		schemaFiles = map[string]*obj{}
		for _, k := range []schema.Kind{schema.Unknown, schema.PromiseDocument, schema.Report, schema.Bundle} {
			name := "common.schema.json"
			if k != schema.Unknown {
				name = strings.TrimPrefix(k.URL(), schema.BaseURL)
			}
			v, err := parseOrdered(schema.Source(k))
			if o, ok := v.(*obj); ok && err == nil {
				schemaFiles[name] = o
			}
		}
	})
	return schemaFiles
}

// bundleSchema is the schema of the editor's tree: a bundle.
func bundleSchema() sch {
	return sch{file: "bundle.schema.json", o: loadSchemas()["bundle.schema.json"]}
}

func (s sch) get(k string) any {
	if s.o == nil {
		return nil
	}
	return s.o.m[k]
}

func (s sch) str(k string) string { v, _ := s.get(k).(string); return v }

// resolve follows $ref until a schema without one.
func (s sch) resolve() sch {
	for range 16 {
		ref := s.str("$ref")
		if ref == "" {
			return s
		}
		file, frag, _ := strings.Cut(ref, "#")
		if file == "" {
			file = s.file
		}
		root := loadSchemas()[file]
		next := sch{file: file, o: root}
		if frag != "" {
			v := any(root)
			for _, t := range tokens(frag) {
				o, _ := v.(*obj)
				if o == nil {
					return sch{}
				}
				v = o.m[t]
			}
			next.o, _ = v.(*obj)
			_, next.def = parent(frag)
		}
		s = next
	}
	return s
}

// prop returns the schema of property k (resolved), looking also into the
// branches of allOf.
func (s sch) prop(k string) (sch, bool) {
	s = s.resolve()
	if p, ok := s.get("properties").(*obj); ok {
		if v, ok := p.m[k].(*obj); ok {
			// A property's own description beside a $ref is kept: the
			// referenced definition's is more general.
			return sch{file: s.file, o: v}, true
		}
	}
	return sch{}, false
}

// props returns the names of the properties, in the schema's order.
func (s sch) props() []string {
	s = s.resolve()
	if p, ok := s.get("properties").(*obj); ok {
		return p.keys
	}
	return nil
}

func (s sch) required() map[string]bool {
	s = s.resolve()
	out := map[string]bool{}
	if r, ok := s.get("required").([]any); ok {
		for _, x := range r {
			if k, ok := x.(string); ok {
				out[k] = true
			}
		}
	}
	return out
}

// items returns the schema of an array's items.
func (s sch) items() sch {
	s = s.resolve()
	if v, ok := s.get("items").(*obj); ok {
		return sch{file: s.file, o: v}
	}
	return sch{}
}

// typ returns the JSON type ("object", "array", "string" …).
func (s sch) typ() string {
	r := s.resolve()
	if t := r.str("type"); t != "" {
		return t
	}
	if r.get("enum") != nil {
		return "string"
	}
	return ""
}

// enum returns the allowed values of a string enum.
func (s sch) enum() []string {
	r := s.resolve()
	var out []string
	if e, ok := r.get("enum").([]any); ok {
		for _, x := range e {
			if v, ok := x.(string); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// defName returns the name of the definition s refers to ("text",
// "uuid", "target"), or "".
func (s sch) defName() string {
	if s.def != "" {
		return s.def
	}
	return s.resolve().def
}

// at returns the schema of the value at ptr in a bundle, with the name of
// the definition of the nearest object that holds it (for the words and
// references of its properties).
func schemaAt(ptr string) (s sch, holder string) {
	s = bundleSchema()
	for _, t := range tokens(ptr) {
		r := s.resolve()
		if r.typ() == "array" || r.get("items") != nil {
			s = r.items()
			continue
		}
		if _, err := strconv.Atoi(t); err == nil && r.get("items") != nil {
			s = r.items()
			continue
		}
		if d := r.def; d != "" {
			holder = d
		} else if r.file != s.file || r.o == loadSchemas()[r.file] {
			holder = strings.TrimSuffix(r.file, ".schema.json")
		}
		p, ok := r.prop(t)
		if !ok {
			return sch{}, holder
		}
		s = p
	}
	return s, holder
}

// forbidden returns the properties that the schema's conditions forbid for
// the object m: an allOf branch "if kind is count, then every: false"
// hides every for a count target. A property that holds a value is shown
// anyway, so that the validator's word on it has a field to stand beside.
func (s sch) forbidden(m map[string]any) map[string]bool {
	out := map[string]bool{}
	all, _ := s.resolve().get("allOf").([]any)
	for _, x := range all {
		branch, _ := x.(*obj)
		if branch == nil {
			continue
		}
		cond, _ := branch.m["if"].(*obj)
		then, _ := branch.m["then"].(*obj)
		if cond == nil || then == nil {
			continue
		}
		props, _ := cond.m["properties"].(*obj)
		if props == nil || len(props.keys) == 0 {
			continue
		}
		match := true
		for _, k := range props.keys {
			c, _ := props.m[k].(*obj)
			want, isConst := c.m["const"].(string)
			if c == nil || !isConst || str(m[k]) != want {
				match = false
			}
		}
		if !match {
			continue
		}
		if tp, ok := then.m["properties"].(*obj); ok {
			for _, k := range tp.keys {
				if b, ok := tp.m[k].(bool); ok && !b {
					out[k] = true
				}
			}
		}
	}
	return out
}
