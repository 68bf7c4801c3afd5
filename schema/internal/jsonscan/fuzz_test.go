package jsonscan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// invalidSeeds are malformed or suspicious snippets for the fuzzers.
var invalidSeeds = []string{
	``, ` `, `{`, `[`, `"`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`, `{a:1}`,
	`{'a':1}`, `// c`, `[01]`, `-01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `NaN`,
	`-Infinity`, `tru`, `nul`, `[falsy]`, `"abc`, "\"a\nb\"", "\"\x01\"",
	`"\x"`, `"\u12G4"`, `"\u12`, `"\ud800"`, `"\udc00"`, `"\ud800\u0041"`,
	`"\ud800\ud800"`, "\"\xff\"", "\"\xc3(\"", "\"\xed\xa0\x80\"", "[\xff]",
	"{}\xff", "\ufeff{}", `{"a":1}x`, `1 2`, `{"a":1,"a":2}`,
	`{"a":{"b":1,"b":2},"a":3}`, `{"a":1,"\u0061":2}`, `{"a":1,"a":2,`,
	`[1e400]`, `-1e400`, `1e-400`, `[1e400,]`, `{"a~b/c":1,"a~b/c":2}`,
	"2" + strings.Repeat("0", 308), `[1E+308, 1e309]`,
	strings.Repeat("[", 65) + strings.Repeat("]", 65),
	strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70),
}

func FuzzParse(f *testing.F) {
	for _, s := range validInputs {
		f.Add([]byte(s))
	}
	for _, s := range invalidSeeds {
		f.Add([]byte(s))
	}
	f.Add(genDocument(4 << 10))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data, Limits{})
		valid := json.Valid(data)
		if err == nil {
			require.True(t, valid, "Parse accepted what encoding/json rejects")
			require.True(t, utf8.Valid(data), "Parse accepted invalid UTF-8")
			require.False(t, hasDuplicateKey(data), "Parse accepted a duplicate key")
			require.Equal(t, stdlibDecode(t, data), v)
			walk(v, "", func(ptr string, _ bool, v any) bool {
				if n, ok := v.(json.Number); ok {
					_, err := n.Float64()
					require.NoError(t, err, "Parse accepted a number out of range at %q", ptr)
				}
				return true
			})
			return
		}
		require.Nil(t, v)
		var e *Error
		require.ErrorAs(t, err, &e)
		require.GreaterOrEqual(t, e.Offset, 0)
		require.LessOrEqual(t, e.Offset, len(data))
		require.NotEmpty(t, e.Detail)
		require.True(t, e.Pointer == "" || e.Pointer[0] == '/', "pointer %q", e.Pointer)
		switch e.Code {
		case CodeEmpty:
			require.Zero(t, len(bytes.Trim(data, " \t\r\n")))
			require.False(t, valid)
		case CodeSyntax, CodeTrailingData:
			require.False(t, valid, "Parse rejected what encoding/json accepts: %s", e.Detail)
		case CodeInvalidUTF8:
			require.True(t, utf8.Valid(data[:e.Offset]), "an earlier byte is invalid: %s", e.Detail)
			if r, n := utf8.DecodeRune(data[e.Offset:]); r != utf8.RuneError || n != 1 {
				require.Equal(t, `\u`, string(data[e.Offset:e.Offset+2]), "a lone surrogate escape")
			}
		case CodeTooDeep:
			require.Contains(t, "[{", string(data[e.Offset]))
		case CodeDuplicateKey:
			require.True(t, valid, "a duplicate key reported in a malformed document")
			require.True(t, hasDuplicateKey(data))
			// The pointer leads to the first member of that name.
			first, ok := Locate(data, e.Pointer)
			require.True(t, ok, "Locate(%q)", e.Pointer)
			require.Less(t, first, e.Offset)
			line, col := Position(data, first)
			require.Contains(t, e.Detail, fmt.Sprintf("(first at line %d, column %d)", line, col))
		case CodeNumberRange:
			require.True(t, valid, "a number range problem reported in a malformed document")
			_, err := strconv.ParseFloat(string(data[e.Offset:skipNumber(data, e.Offset)]), 64)
			require.Error(t, err)
			_, ok := Locate(data, e.Pointer)
			require.True(t, ok, "Locate(%q)", e.Pointer)
		default:
			t.Fatalf("unknown code %q", e.Code)
		}
		if valid && utf8.Valid(data) {
			require.Contains(t, []Code{CodeInvalidUTF8, CodeDuplicateKey, CodeNumberRange, CodeTooDeep}, e.Code,
				"encoding/json accepts the document: %s", e.Detail)
		}
	})
}

func FuzzLocate(f *testing.F) {
	for _, s := range []string{"", "/", "/a", "/a/b/1/c~0d", "/e~1f", "/0", "/-", "/01", "/a~2", "a"} {
		f.Add([]byte(locateDoc), s)
	}
	for _, s := range validInputs {
		f.Add([]byte(s), "/0")
	}
	for _, s := range invalidSeeds {
		f.Add([]byte(s), "/a")
	}
	f.Fuzz(func(t *testing.T, data []byte, pointer string) {
		if off, ok := Locate(data, pointer); ok {
			require.GreaterOrEqual(t, off, 0)
			require.Less(t, off, len(data))
			require.True(t, startsValue(data[off]), "offset %d", off)
		}
		// In a document that Parse accepts, every value can be located, and
		// the text there decodes to that value.
		v, err := Parse(data, Limits{})
		if err != nil {
			return
		}
		n := 0
		walk(v, "", func(ptr string, member bool, want any) bool {
			off, ok := Locate(data, ptr)
			require.True(t, ok, "Locate(%q)", ptr)
			if member {
				require.Equal(t, byte('"'), data[off], "Locate(%q)", ptr)
				key, i, _ := decodeString(data, off, nil)
				require.Equal(t, unescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:]), string(key))
				i = skipSpace(data, i)
				require.Equal(t, byte(':'), data[i])
				off = skipSpace(data, i+1)
			}
			end := skipValue(data, off)
			require.Greater(t, end, off, "skipValue at %d", off)
			got, err := Parse(data[off:end], Limits{MaxDepth: 1 << 20})
			require.NoError(t, err)
			require.Equal(t, want, got, "value at %q", ptr)
			n++
			return n < 200
		})
	})
}

// hasDuplicateKey reports whether a well-formed document has an object with
// the same key twice, reading it with encoding/json's tokenizer.
func hasDuplicateKey(data []byte) bool {
	type object struct {
		keys    map[string]bool
		wantKey bool
	}
	var stack []*object // nil for an array
	d := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.wantKey {
			if k, ok := tok.(string); ok {
				if top.keys[k] {
					return true
				}
				top.keys[k], top.wantKey = true, false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]bool{}, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, nil)
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value has ended: its object, if any, waits for the next key.
		if len(stack) > 0 && stack[len(stack)-1] != nil {
			stack[len(stack)-1].wantKey = true
		}
	}
}

// walk calls fn for each value in v, in document order for arrays and in key
// order for objects, with its JSON pointer, while fn returns true.
func walk(v any, ptr string, fn func(ptr string, member bool, v any) bool) bool {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := ptr + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
			if !fn(p, true, v[k]) || !walk(v[k], p, fn) {
				return false
			}
		}
	case []any:
		for i, e := range v {
			p := ptr + "/" + strconv.Itoa(i)
			if !fn(p, false, e) || !walk(e, p, fn) {
				return false
			}
		}
	}
	return true
}

func unescapeToken(tok string) string {
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

func FuzzPosition(f *testing.F) {
	f.Add([]byte("a\r\nb\rc\nd"), 3)
	f.Add([]byte("åäö\n😀x"), 9)
	f.Add([]byte("\r"), 1)
	f.Add([]byte("\xff\n\xc3"), -1)
	f.Fuzz(func(t *testing.T, data []byte, offset int) {
		line, col := Position(data, offset)
		// A reference: normalise the line breaks in the text before the
		// offset. A \r whose \n is at the offset does not end the line yet.
		off := min(max(offset, 0), len(data))
		prefix := string(data[:off])
		if off > 0 && off < len(data) && data[off-1] == '\r' && data[off] == '\n' {
			prefix = prefix[:off-1] + "\x00"
		}
		prefix = strings.ReplaceAll(prefix, "\r\n", "\n")
		prefix = strings.ReplaceAll(prefix, "\r", "\n")
		last := prefix[strings.LastIndexByte(prefix, '\n')+1:]
		assert.Equal(t, strings.Count(prefix, "\n")+1, line, "line")
		assert.Equal(t, utf8.RuneCountInString(last)+1, col, "column")
	})
}
