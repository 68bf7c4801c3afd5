package jsonscan

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Index records where each value of a document parsed by [ParseIndexed]
// starts in the text, the order of each object's members as written, and
// how many values each array and object holds, so that a JSON pointer is
// placed in time proportional to its length, not to the document's.
//
// An Index refers to the arrays and objects of its own parse by identity:
// ask it only about values of the tree that came with it, unmodified. It is
// not safe for concurrent use.
type Index struct {
	objects    map[uintptr]*objectIndex
	arrays     map[uintptr]*arrayIndex
	rootOffset int
}

type objectIndex struct {
	keys   []string // in the order written
	offs   []int    // offset of each key's opening quote
	size   int      // values in the object, itself included
	lookup map[string]int
}

type arrayIndex struct {
	offs []int // offset of each element
	size int   // values in the array, itself included
}

// lookupAfter is the number of members from which an object's keys are
// found with a map rather than by a scan.
const lookupAfter = 16

// ParseIndexed parses data as [Parse] does and also returns its [Index].
func ParseIndexed(data []byte, lim Limits) (any, *Index, error) {
	ix := &Index{objects: map[uintptr]*objectIndex{}, arrays: map[uintptr]*arrayIndex{}}
	v, err := parse(data, lim, ix)
	if err != nil {
		return nil, nil, err
	}
	return v, ix, nil
}

// identity returns the address that identifies a non-empty array or any
// object of a tree: the address of its first element, or of its map.
func identity(v any) uintptr {
	switch v := v.(type) {
	case map[string]any:
		return reflect.ValueOf(v).Pointer()
	case []any:
		if len(v) > 0 {
			return reflect.ValueOf(v).Pointer()
		}
	}
	return 0
}

// Members returns the keys of obj in the order written and the offsets of
// their opening quotes. Both are nil for an object the index does not know.
func (ix *Index) Members(obj map[string]any) (keys []string, offsets []int) {
	if o := ix.objects[identity(obj)]; o != nil {
		return o.keys, o.offs
	}
	return nil, nil
}

// Elements returns the offsets at which the elements of arr start, or nil.
func (ix *Index) Elements(arr []any) []int {
	if a := ix.arrays[identity(arr)]; a != nil {
		return a.offs
	}
	return nil
}

// Size returns the number of values in v: 1 for a scalar or an empty array
// or object, and for an array or object 1 plus the sizes of its contents.
func (ix *Index) Size(v any) int {
	switch v.(type) {
	case map[string]any:
		if o := ix.objects[identity(v)]; o != nil {
			return o.size
		}
	case []any:
		if a := ix.arrays[identity(v)]; a != nil {
			return a.size
		}
	}
	return 1
}

// keyOffset returns the offset of key in the object o, or -1.
func (o *objectIndex) keyOffset(key string) int {
	if len(o.keys) < lookupAfter {
		if i := slices.Index(o.keys, key); i >= 0 {
			return o.offs[i]
		}
		return -1
	}
	if o.lookup == nil {
		o.lookup = make(map[string]int, len(o.keys))
		for i := len(o.keys) - 1; i >= 0; i-- {
			o.lookup[o.keys[i]] = i
		}
	}
	if i, ok := o.lookup[key]; ok {
		return o.offs[i]
	}
	return -1
}

// Offset returns the offset of the value that pointer names in root, the
// tree parsed with ix, as [Locate] does: for an object member the offset
// of its key, else of the value itself. It reports false when there is no
// such value. It takes time proportional to the pointer's length.
func (ix *Index) Offset(root any, pointer string) (offset int, ok bool) {
	if pointer != "" && pointer[0] != '/' {
		return 0, false
	}
	cur, off := root, ix.rootOffset
	for rest := pointer; rest != ""; {
		// rest is "/token…"
		tok := rest[1:]
		if i := strings.IndexByte(tok, '/'); i >= 0 {
			tok, rest = tok[:i], tok[i:]
		} else {
			rest = ""
		}
		if strings.IndexByte(tok, '~') >= 0 {
			toks, ok := splitPointer("/" + tok)
			if !ok {
				return 0, false
			}
			tok = toks[0]
		}
		switch c := cur.(type) {
		case map[string]any:
			v, found := c[tok]
			o := ix.objects[identity(c)]
			if !found || o == nil {
				return 0, false
			}
			cur, off = v, o.keyOffset(tok)
		case []any:
			if tok == "" || len(tok) > 1 && tok[0] == '0' {
				return 0, false
			}
			i, err := strconv.ParseUint(tok, 10, 0)
			a := ix.arrays[identity(c)]
			if err != nil || i >= uint64(len(c)) || a == nil {
				return 0, false
			}
			cur, off = c[i], a.offs[i]
		default:
			return 0, false
		}
	}
	return off, off >= 0
}

// indexObject records the members[base:] of the object being closed, whose
// contents start with value number first.
func (p *parser) indexObject(base, first int) *objectIndex {
	ms := p.members[base:]
	o := &objectIndex{keys: make([]string, len(ms)), offs: make([]int, len(ms)), size: 1 + p.values - first}
	for k := range ms {
		o.keys[k], o.offs[k] = ms[k].key, ms[k].off
	}
	return o
}

// RootOffset returns the offset at which the root value starts.
func (ix *Index) RootOffset() int { return ix.rootOffset }
