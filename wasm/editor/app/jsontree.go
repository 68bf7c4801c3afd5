package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The document being edited is kept as a JSON tree: map[string]any,
// []any, string, json.Number, bool and nil. Forms read and write it by
// JSON pointer, so that a property the format gains appears in the forms
// without new code, and what is saved is exactly what was edited.

// decodeTree decodes JSON into a tree, numbers as json.Number.
func decodeTree(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}

// tokens splits a JSON pointer into its unescaped tokens.
func tokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(ptr[1:], "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

// escape escapes a token for a JSON pointer.
func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// join appends tokens to a pointer.
func join(ptr string, toks ...string) string {
	for _, t := range toks {
		ptr += "/" + escape(t)
	}
	return ptr
}

// parent returns the pointer of the value that holds ptr, and ptr's last
// token.
func parent(ptr string) (string, string) {
	i := strings.LastIndexByte(ptr, '/')
	if i < 0 {
		return "", ""
	}
	return ptr[:i], strings.ReplaceAll(strings.ReplaceAll(ptr[i+1:], "~1", "/"), "~0", "~")
}

// get returns the value at ptr.
func get(tree any, ptr string) (any, bool) {
	v := tree
	for _, t := range tokens(ptr) {
		switch c := v.(type) {
		case map[string]any:
			x, ok := c[t]
			if !ok {
				return nil, false
			}
			v = x
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// set sets the value at ptr, creating objects on the way; "-" as the last
// token of an array appends. It returns the new root.
func set(tree any, ptr string, value any) (any, error) {
	toks := tokens(ptr)
	if len(toks) == 0 {
		return value, nil
	}
	return setIn(tree, toks, value)
}

func setIn(v any, toks []string, value any) (any, error) {
	t := toks[0]
	switch c := v.(type) {
	case nil:
		m := map[string]any{}
		return setIn(m, toks, value)
	case map[string]any:
		if len(toks) == 1 {
			c[t] = value
			return c, nil
		}
		x, err := setIn(c[t], toks[1:], value)
		if err != nil {
			return nil, err
		}
		c[t] = x
		return c, nil
	case []any:
		if t == "-" {
			if len(toks) != 1 {
				return nil, fmt.Errorf("editor: %q inside a pointer", t)
			}
			return append(c, value), nil
		}
		i, err := strconv.Atoi(t)
		if err != nil || i < 0 || i >= len(c) {
			return nil, fmt.Errorf("editor: no element %q", t)
		}
		if len(toks) == 1 {
			c[i] = value
			return c, nil
		}
		x, err := setIn(c[i], toks[1:], value)
		if err != nil {
			return nil, err
		}
		c[i] = x
		return c, nil
	}
	return nil, fmt.Errorf("editor: cannot set %q inside a %T", t, v)
}

// remove deletes the value at ptr (a member or an array element) and
// returns the new root.
func remove(tree any, ptr string) (any, error) {
	par, last := parent(ptr)
	holder, ok := get(tree, par)
	if !ok {
		return tree, nil
	}
	switch c := holder.(type) {
	case map[string]any:
		delete(c, last)
		return tree, nil
	case []any:
		i, err := strconv.Atoi(last)
		if err != nil || i < 0 || i >= len(c) {
			return tree, nil
		}
		return set(tree, par, append(c[:i:i], c[i+1:]...))
	}
	return tree, nil
}

// encodeTree writes the tree as indented JSON with a final newline.
// Object keys come sorted (encoding/json); files are reordered as Go
// writes them by [canonical] where they decode.
func encodeTree(tree any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil {
		return []byte("null\n")
	}
	return b.Bytes()
}

// str returns v as a string, or "".
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// textIn returns a language map's text in lang, else Swedish, else any.
func textIn(v any, lang string) string {
	m, _ := v.(map[string]any)
	if s := str(m[lang]); s != "" {
		return s
	}
	if s := str(m["sv"]); s != "" {
		return s
	}
	for _, x := range m {
		if s := str(x); s != "" {
			return s
		}
	}
	return ""
}
