package jsonscan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdlibDecode decodes data as encoding/json does with UseNumber.
func stdlibDecode(t testing.TB, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

// validInputs are well-formed documents that Parse must decode exactly as
// encoding/json does.
var validInputs = []string{
	`null`, `true`, `false`,
	`0`, `-0`, `-0.0e+00`, `1E5`, `1e-400`, `2.5E-3`, `3.14159`, `-12`,
	`123456789012345678901234567890`,
	`1.7976931348623157e308`,
	"1" + strings.Repeat("0", 308),
	`""`, `"plain"`, `"å ä ö Å Ä Ö é ü €"`, `"😀 𝄞"`,
	`"\"\\\/\b\f\n\r\t"`,
	`"\u00e5\u00C5\u00e4\u00f6"`,
	`"\ud83d\ude00"`, `"\uD834\uDD1E"`, `"\udbff\udfff"`, `"\ud800\udc00"`,
	`"\u0000"`, `"\u001f"`, `"\uffff"`, `"\ufffd"`, `"\u2028\u2029"`,
	`"a\nb\\c" `,
	`"\u00e5ngest\u00e4ndare \"citat\" och mer text efter"`,
	"\"\x7f\"",
	`[]`, `{}`, ` [ 1 , [ ] , { } ] `, "\t\r\n [\n\t1\r\n]\n",
	`[[1,2],[3,[4,5]],6,[[[]]]]`,
	`["a\nb","c\td","e"]`,
	`{"a":{"b":[1,{"c":null}]},"d":[true,false,null,"x",-1.5e+10]}`,
	`{"":1," ":2,"a/b":3,"a~b":4}`,
	`{"k\u00e5y":1,"k\"":2,"kåy2":3}`,
	`{"åäö":"ÅÄÖ","id":"3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f","datum":"2024-05-01"}`,
	`[{"id":1,"namn":"a"},{"id":2,"namn":"b"},{"id":3,"namn":"c"}]`,
	strings.Repeat("[", 64) + strings.Repeat("]", 64),
	strings.Repeat(`{"a":`, 63) + `[]` + strings.Repeat("}", 63),
}

func TestParseMatchesStdlib(t *testing.T) {
	inputs := append([]string(nil), validInputs...)
	// Many distinct keys, long keys and long strings go past the interning
	// limits and the scratch stacks' first sizes.
	var b strings.Builder
	b.WriteString("{")
	for i := range 2000 {
		fmt.Fprintf(&b, `%q:[%d,"v%d"],`, fmt.Sprintf("key%d", i), i, i)
	}
	fmt.Fprintf(&b, `%q:%q}`, strings.Repeat("k", 100), strings.Repeat("å\\n", 1000))
	inputs = append(inputs, b.String())

	for _, in := range inputs {
		t.Run(abbreviate(in), func(t *testing.T) {
			got, err := Parse([]byte(in), Limits{})
			require.NoError(t, err)
			assert.Equal(t, stdlibDecode(t, []byte(in)), got)
		})
	}
}

func TestParseBenchDocument(t *testing.T) {
	data := genDocument(256 << 10)
	got, err := Parse(data, Limits{})
	require.NoError(t, err)
	require.Equal(t, stdlibDecode(t, data), got)
}

func TestParseTypes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want any
	}{
		{name: "object", in: `{"a":1}`, want: map[string]any{"a": json.Number("1")}},
		{name: "empty object", in: `{}`, want: map[string]any{}},
		{name: "empty array", in: `[]`, want: []any{}},
		{name: "number keeps its text", in: `-1.50E+3`, want: json.Number("-1.50E+3")},
		{name: "surrogate pair", in: `"\ud83d\ude00"`, want: "\U0001F600"},
		{name: "upper-case pair", in: `"\uD834\uDD1E"`, want: "\U0001D11E"},
		{name: "highest code point", in: `"\uDBFF\uDFFF"`, want: "\U0010FFFF"},
		{name: "escaped å", in: `"\u00e5"`, want: "å"},
		{name: "NUL", in: `"a\u0000b"`, want: "a\x00b"},
		{name: "short escapes", in: `"\"\\\/\b\f\n\r\t"`, want: "\"\\/\b\f\n\r\t"},
		{name: "null", in: ` null `, want: nil},
		{name: "bools", in: `[true,false]`, want: []any{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in), Limits{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	tests := []struct {
		name    string
		in      string
		limits  Limits
		code    Code
		offset  int
		pointer string
		detail  string // when not empty, the exact Detail
	}{
		// Nothing there.
		{name: "no bytes", in: ``, code: CodeEmpty, detail: "no JSON value (the input is empty)"},
		{name: "only whitespace", in: " \n\t\r", code: CodeEmpty, detail: "no JSON value (the input is only whitespace)"},

		// Structure.
		{name: "trailing comma in object", in: `{"a":1,}`, code: CodeSyntax, offset: 6, detail: "trailing comma before '}'"},
		{name: "trailing comma in array", in: `{"a":[1,2,]}`, code: CodeSyntax, offset: 9, pointer: "/a", detail: "trailing comma before ']'"},
		{name: "missing comma in array", in: `[1 2]`, code: CodeSyntax, offset: 3, detail: "unexpected character '2' after array element (expecting ',' or ']')"},
		{name: "missing colon", in: `{"a" 1}`, code: CodeSyntax, offset: 5, pointer: "/a", detail: "unexpected character '1' after object key (expecting ':')"},
		{name: "brace after key", in: `{"id"}`, code: CodeSyntax, offset: 5, pointer: "/id", detail: "unexpected character '}' after object key (expecting ':')"},
		{name: "missing comma in object", in: `{"a":1 "b":2}`, code: CodeSyntax, offset: 7, detail: "unexpected character '\"' after object member (expecting ',' or '}')"},
		{name: "unquoted key", in: `{a:1}`, code: CodeSyntax, offset: 1, detail: "unexpected character 'a' where an object key was expected"},
		{name: "single-quoted key", in: `{'a':1}`, code: CodeSyntax, offset: 1, detail: `unexpected character '\'' where an object key was expected; strings and keys take double quotes`},
		{name: "single-quoted string", in: `['a']`, code: CodeSyntax, offset: 1, pointer: "/0"},
		{name: "line comment", in: "{\"a\":1 // no\n}", code: CodeSyntax, offset: 7, detail: "unexpected character '/' after object member (expecting ',' or '}'); JSON has no comments"},
		{name: "block comment", in: "/* x */ 1", code: CodeSyntax, offset: 0},
		{name: "missing value", in: `{"a":}`, code: CodeSyntax, offset: 5, pointer: "/a", detail: "unexpected character '}' where a value was expected"},
		{name: "mismatched bracket", in: `[1}`, code: CodeSyntax, offset: 2},
		{name: "unclosed array", in: `[1,[2`, code: CodeSyntax, offset: 5, pointer: "/1", detail: "unexpected end of input after array element (expecting ',' or ']')"},
		{name: "unclosed object", in: `{"a":1`, code: CodeSyntax, offset: 6, detail: "unexpected end of input after object member (expecting ',' or '}')"},
		{name: "end after key", in: `{"a"`, code: CodeSyntax, offset: 4, pointer: "/a"},
		{name: "end after colon", in: `{"a":`, code: CodeSyntax, offset: 5, pointer: "/a", detail: "unexpected end of input where a value was expected"},
		{name: "end after comma", in: `[1,`, code: CodeSyntax, offset: 3, pointer: "/1"},
		{name: "end in object before key", in: `{"a":1,`, code: CodeSyntax, offset: 7, detail: "unexpected end of input where an object key was expected"},
		{name: "byte order mark", in: "\ufeff{}", code: CodeSyntax, offset: 0, detail: `unexpected character '\ufeff' where a value was expected`},
		{name: "nested pointer", in: `{"a":[1,{"b~/":tru}]}`, code: CodeSyntax, offset: 18, pointer: "/a/1/b~0~1", detail: "unexpected character '}' in literal true"},

		// Literals and numbers.
		{name: "short literal", in: `tru`, code: CodeSyntax, offset: 3, detail: "unexpected end of input in literal true"},
		{name: "misspelt literal", in: `[falsy]`, code: CodeSyntax, offset: 5, pointer: "/0", detail: "unexpected character 'y' in literal false"},
		{name: "capitalised literal", in: `True`, code: CodeSyntax, offset: 0},
		{name: "NaN", in: `NaN`, code: CodeSyntax, offset: 0, detail: "unexpected character 'N' where a value was expected"},
		{name: "Infinity", in: `[Infinity]`, code: CodeSyntax, offset: 1, pointer: "/0"},
		{name: "minus Infinity", in: `[-Infinity]`, code: CodeSyntax, offset: 2, pointer: "/0", detail: "unexpected character 'I' in number (expecting a digit after '-')"},
		{name: "leading zero", in: `[01]`, code: CodeSyntax, offset: 2, pointer: "/0", detail: "number with a leading zero"},
		{name: "negative leading zero", in: `-00`, code: CodeSyntax, offset: 2},
		{name: "point without fraction", in: `1.`, code: CodeSyntax, offset: 2, detail: "unexpected end of input in number (expecting a digit after '.')"},
		{name: "point before bracket", in: `[1.]`, code: CodeSyntax, offset: 3, pointer: "/0"},
		{name: "point without integer", in: `.5`, code: CodeSyntax, offset: 0},
		{name: "plus sign", in: `+1`, code: CodeSyntax, offset: 0},
		{name: "lone minus", in: `-`, code: CodeSyntax, offset: 1},
		{name: "empty exponent", in: `1e`, code: CodeSyntax, offset: 2, detail: "unexpected end of input in number (expecting a digit in the exponent)"},
		{name: "signed empty exponent", in: `1e+`, code: CodeSyntax, offset: 3},
		{name: "bad exponent", in: `[1Ex]`, code: CodeSyntax, offset: 3, pointer: "/0"},
		{name: "hex number", in: `0x10`, code: CodeTrailingData, offset: 1},

		// Strings.
		{name: "unterminated string", in: `"abc`, code: CodeSyntax, offset: 4, detail: "unexpected end of input in string (missing closing quote)"},
		{name: "unterminated after escape", in: `"a\n`, code: CodeSyntax, offset: 4},
		{name: "raw newline", in: "{\"a\":\"x\ny\"}", code: CodeSyntax, offset: 7, pointer: "/a", detail: `line break in string (missing closing quote, or write it as \n)`},
		{name: "raw tab", in: "\"a\tb\"", code: CodeSyntax, offset: 2, detail: "control character U+0009 in string (it must be escaped)"},
		{name: "raw NUL after escape", in: "\"\\n\x00\"", code: CodeSyntax, offset: 3},
		{name: "control character in key", in: "{\"a\x01\":1}", code: CodeSyntax, offset: 3},
		{name: "bad escape", in: `"\x41"`, code: CodeSyntax, offset: 1, detail: `invalid escape \x in string`},
		{name: "escaped single quote", in: `"\'"`, code: CodeSyntax, offset: 1, detail: `invalid escape \' in string`},
		{name: "escaped newline", in: "\"\\\n\"", code: CodeSyntax, offset: 1, detail: `invalid escape in string (backslash followed by character '\n')`},
		{name: "bad hex", in: `"\u12G4"`, code: CodeSyntax, offset: 1, detail: `invalid \u escape in string (expecting four hex digits)`},
		{name: "short hex", in: `"\u12"`, code: CodeSyntax, offset: 1},
		{name: "hex at end", in: `"\u12`, code: CodeSyntax, offset: 5},
		{name: "backslash at end", in: `"\`, code: CodeSyntax, offset: 2},

		// UTF-8.
		{name: "lone high surrogate", in: `"\ud800"`, code: CodeInvalidUTF8, offset: 1, detail: `lone surrogate escape \ud800 in string`},
		{name: "high surrogate then letter", in: `"\ud800\u0041"`, code: CodeInvalidUTF8, offset: 1},
		{name: "high surrogate then text", in: `["ok","x\uD800yz"]`, code: CodeInvalidUTF8, offset: 8, pointer: "/1"},
		{name: "two high surrogates", in: `"\ud800\ud800"`, code: CodeInvalidUTF8, offset: 1},
		{name: "lone low surrogate", in: `"\udc00"`, code: CodeInvalidUTF8, offset: 1},
		{name: "reversed pair", in: `"\ude00\ud83d"`, code: CodeInvalidUTF8, offset: 1},
		{name: "surrogate at end", in: `"\ud800`, code: CodeInvalidUTF8, offset: 1},
		{name: "invalid byte in string", in: "\"\xff\"", code: CodeInvalidUTF8, offset: 1, detail: "invalid UTF-8 byte 0xff"},
		{name: "Latin-1 å", in: "{\"namn\":\"\xe5sa\"}", code: CodeInvalidUTF8, offset: 9, pointer: "/namn", detail: "invalid UTF-8 byte 0xe5"},
		{name: "truncated sequence", in: "\"a\xc3(\"", code: CodeInvalidUTF8, offset: 2},
		{name: "truncated at end", in: "\"a\xc3", code: CodeInvalidUTF8, offset: 2},
		{name: "encoded surrogate", in: "\"\xed\xa0\x80\"", code: CodeInvalidUTF8, offset: 1},
		{name: "overlong encoding", in: "\"\xc0\xaf\"", code: CodeInvalidUTF8, offset: 1},
		{name: "beyond U+10FFFF", in: "\"\xf4\x90\x80\x80\"", code: CodeInvalidUTF8, offset: 1},
		{name: "invalid after escape", in: "\"\\n\xff\"", code: CodeInvalidUTF8, offset: 3},
		{name: "invalid in key", in: "{\"k\xff\":1}", code: CodeInvalidUTF8, offset: 3},
		{name: "invalid between tokens", in: "[1,\xff]", code: CodeInvalidUTF8, offset: 3, pointer: "/1"},
		{name: "invalid after value", in: "{}\xff", code: CodeInvalidUTF8, offset: 2},
		{name: "valid non-ASCII between tokens", in: "[1,é]", code: CodeSyntax, offset: 3, pointer: "/1", detail: "unexpected character 'é' where a value was expected"},

		// Trailing data.
		{name: "second value", in: `{"a":1}{}`, code: CodeTrailingData, offset: 7, detail: "unexpected character '{' after top-level value"},
		{name: "two numbers", in: `1 2`, code: CodeTrailingData, offset: 2},
		{name: "garbage after literal", in: "true\n x", code: CodeTrailingData, offset: 6},
		{name: "number then letter", in: `12x`, code: CodeTrailingData, offset: 2},
		{name: "trailing data wins over duplicate", in: `{"a":1,"a":2} x`, code: CodeTrailingData, offset: 14},

		// Duplicate keys.
		{name: "duplicate key", in: `{"a":1,"a":2}`, code: CodeDuplicateKey, offset: 7, pointer: "/a", detail: `key "a" appears twice (first at line 1, column 2)`},
		{name: "nested duplicate", in: "{\"x\":{\"id\":1,\n  \"id\":2}}", code: CodeDuplicateKey, offset: 16, pointer: "/x/id", detail: `key "id" appears twice (first at line 1, column 7)`},
		{name: "duplicate in array", in: `[{}, {"b":1, "c":2, "b":3}]`, code: CodeDuplicateKey, offset: 20, pointer: "/1/b"},
		{name: "duplicate after unescaping", in: `{"å":1,"\u00e5":2}`, code: CodeDuplicateKey, offset: 8, pointer: "/å"},
		{name: "duplicate escaped pointer", in: `{"a~b/c":1,"a~b/c":2}`, code: CodeDuplicateKey, offset: 11, pointer: "/a~0b~1c"},
		{name: "first duplicate by offset", in: `{"a":{"b":1,"b":2},"a":3}`, code: CodeDuplicateKey, offset: 12, pointer: "/a/b"},
		{name: "outer duplicate first", in: `{"a":1,"a":{"b":1,"b":2}}`, code: CodeDuplicateKey, offset: 7, pointer: "/a"},
		{name: "syntax error wins over duplicate", in: `{"a":1,"a":2,`, code: CodeSyntax, offset: 13},
		{name: "invalid UTF-8 wins over duplicate", in: "{\"a\":1,\"a\":\"\xff\"}", code: CodeInvalidUTF8, offset: 12, pointer: "/a"},

		// Number range.
		{name: "overflow", in: `[1e400]`, code: CodeNumberRange, offset: 1, pointer: "/0", detail: "number 1e400 is out of range"},
		{name: "negative overflow", in: `{"belopp":-1e400}`, code: CodeNumberRange, offset: 10, pointer: "/belopp"},
		{name: "just above the maximum", in: `1.7976931348623159e308`, code: CodeNumberRange, offset: 0},
		{name: "long integer", in: "2" + strings.Repeat("0", 308), code: CodeNumberRange, offset: 0, detail: "number 20000000000000000000…0000000000 is out of range"},
		{name: "range after duplicate", in: `{"a":1,"a":2,"b":1e999}`, code: CodeDuplicateKey, offset: 7, pointer: "/a"},
		{name: "range before duplicate", in: `[1e999,{"a":1,"a":2}]`, code: CodeNumberRange, offset: 1, pointer: "/0"},
		{name: "syntax error wins over range", in: `[1e400,]`, code: CodeSyntax, offset: 6},

		// Depth.
		{name: "too deep", in: deep, code: CodeTooDeep, offset: 64, pointer: strings.Repeat("/0", 64), detail: "arrays and objects nested more than 64 deep"},
		{name: "custom depth", in: `{"a":[{"b":1}]}`, limits: Limits{MaxDepth: 2}, code: CodeTooDeep, offset: 6, pointer: "/a/0", detail: "arrays and objects nested more than 2 deep"},
		{name: "depth one", in: `[[]]`, limits: Limits{MaxDepth: 1}, code: CodeTooDeep, offset: 1, pointer: "/0"},
		{name: "negative depth means default", in: deep, limits: Limits{MaxDepth: -1}, code: CodeTooDeep, offset: 64, pointer: strings.Repeat("/0", 64)},
		{name: "depth beats later syntax error", in: `[[[1,]]]`, limits: Limits{MaxDepth: 2}, code: CodeTooDeep, offset: 2, pointer: "/0/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse([]byte(tt.in), tt.limits)
			assert.Nil(t, v)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.code, e.Code, "code (%s)", e.Detail)
			assert.Equal(t, tt.offset, e.Offset, "offset (%s)", e.Detail)
			assert.Equal(t, tt.pointer, e.Pointer, "pointer (%s)", e.Detail)
			if tt.detail != "" {
				assert.Equal(t, tt.detail, e.Detail)
			}
			assert.Equal(t, fmt.Sprintf("jsonscan: %s at offset %d", e.Detail, e.Offset), err.Error())
		})
	}
}

func TestParseDepthLimit(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		limit int
		ok    bool
	}{
		{name: "default limit reached", depth: 64, ok: true},
		{name: "default limit passed", depth: 65},
		{name: "custom limit reached", depth: 3, limit: 3, ok: true},
		{name: "custom limit passed", depth: 4, limit: 3},
		{name: "large limit", depth: 5000, limit: 5000, ok: true},
		{name: "hard limit reached", depth: 10000, limit: 1 << 30, ok: true},
		{name: "hard limit passed", depth: 10001, limit: 1 << 30},
	}
	for _, tt := range tests {
		for _, open := range []string{"[", `{"k":`} {
			closing := map[string]string{"[": "]", `{"k":`: "}"}[open]
			t.Run(tt.name+" "+open, func(t *testing.T) {
				in := strings.Repeat(open, tt.depth) + "0" + strings.Repeat(closing, tt.depth)
				_, err := Parse([]byte(in), Limits{MaxDepth: tt.limit})
				if tt.ok {
					require.NoError(t, err)
					return
				}
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, CodeTooDeep, e.Code)
				assert.Equal(t, (tt.depth-1)*len(open), e.Offset)
			})
		}
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Code: CodeSyntax, Offset: 6, Detail: "trailing comma before '}'"}
	assert.Equal(t, "jsonscan: trailing comma before '}' at offset 6", e.Error())
}

// TestParseDoesNotAlias checks that values own their memory: the input may be
// reused after Parse returns.
func TestParseDoesNotAlias(t *testing.T) {
	in := []byte(`{"key":["text","esc\naped",12.5],"key2":{"key":"x"}}`)
	v, err := Parse(in, Limits{})
	require.NoError(t, err)
	want := stdlibDecode(t, in)
	for i := range in {
		in[i] = 'X'
	}
	assert.Equal(t, want, v)
}
