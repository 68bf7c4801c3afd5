package jsonscan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const locateDoc = ` 
{
  "a": {"b": [10, {"c~d": 1, "e/f": [true, null]}, "s"]},
  "x y": "z \"q\" \\",
  "": 0,
  "esc\u00e5": 5,
  "dup": 1,
  "arr": [[], {}, [[7]]],
  "dup": 2
}`

func TestLocate(t *testing.T) {
	at := func(s string) int {
		i := strings.Index(locateDoc, s)
		require.GreaterOrEqual(t, i, 0, s)
		return i
	}
	tests := []struct {
		name    string
		pointer string
		want    int // offset, when ok
		ok      bool
	}{
		{name: "root", pointer: "", want: at("{"), ok: true},
		{name: "member is its key", pointer: "/a", want: at(`"a"`), ok: true},
		{name: "nested member", pointer: "/a/b", want: at(`"b"`), ok: true},
		{name: "array element", pointer: "/a/b/0", want: at("10"), ok: true},
		{name: "object element", pointer: "/a/b/1", want: at(`{"c~d"`), ok: true},
		{name: "last element", pointer: "/a/b/2", want: at(`"s"`), ok: true},
		{name: "key with ~0", pointer: "/a/b/1/c~0d", want: at(`"c~d"`), ok: true},
		{name: "key with ~1", pointer: "/a/b/1/e~1f", want: at(`"e/f"`), ok: true},
		{name: "deep element", pointer: "/a/b/1/e~1f/1", want: at("null"), ok: true},
		{name: "key with space", pointer: "/x y", want: at(`"x y"`), ok: true},
		{name: "after escaped quotes", pointer: "/", want: at(`"": 0`), ok: true},
		{name: "empty key", pointer: "/", want: at(`"": 0`), ok: true},
		{name: "escaped key", pointer: "/escå", want: at(`"esc\u00e5"`), ok: true},
		{name: "duplicate key gives the first", pointer: "/dup", want: at(`"dup": 1`), ok: true},
		{name: "empty array element", pointer: "/arr/0", want: at("[]"), ok: true},
		{name: "empty object element", pointer: "/arr/1", want: at("{}, [[7]]"), ok: true},
		{name: "nested arrays", pointer: "/arr/2/0/0", want: at("7"), ok: true},

		{name: "missing member", pointer: "/nope"},
		{name: "missing nested member", pointer: "/a/c"},
		{name: "index past the end", pointer: "/a/b/3"},
		{name: "index in empty array", pointer: "/arr/0/0"},
		{name: "member of empty object", pointer: "/arr/1/x"},
		{name: "dash index", pointer: "/a/b/-"},
		{name: "leading zero index", pointer: "/a/b/01"},
		{name: "signed index", pointer: "/a/b/+1"},
		{name: "huge index", pointer: "/a/b/99999999999999999999999"},
		{name: "name as index", pointer: "/a/b/x"},
		{name: "into a string", pointer: "/x y/0"},
		{name: "into a number", pointer: "/a/b/0/0"},
		{name: "no leading slash", pointer: "a"},
		{name: "bad escape", pointer: "/a~2"},
		{name: "escape at end", pointer: "/a~"},
		{name: "unescaped key text", pointer: "/c~d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, ok := Locate([]byte(locateDoc), tt.pointer)
			require.Equal(t, tt.ok, ok)
			if tt.ok {
				assert.Equal(t, tt.want, off, "got %q", locateDoc[off:min(off+10, len(locateDoc))])
			}
		})
	}
}

func TestLocateMalformed(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		pointer string
		want    int
		ok      bool
	}{
		{name: "empty input", data: "", pointer: ""},
		{name: "only whitespace", data: "  ", pointer: ""},
		{name: "root not a value", data: " x", pointer: ""},
		{name: "malformed before", data: `{"a": [1, }, "b": 2}`, pointer: "/b"},
		{name: "unterminated string before", data: `{"a": "x, "b": 2}`, pointer: "/b"},
		{name: "missing colon before", data: `{"a" 1, "b": 2}`, pointer: "/b"},
		{name: "bad literal before", data: `[nul, 2]`, pointer: "/1"},
		{name: "malformed after is fine", data: `{"a": 1, "b": ]`, pointer: "/a", want: 1, ok: true},
		{name: "truncated at value", data: `{"a": `, pointer: "/a/0"},
		{name: "truncated after key", data: `{"a"`, pointer: "/a"},
		{name: "truncated array", data: `[1,`, pointer: "/1"},
		{name: "member value missing", data: `{"a": }`, pointer: "/a/x"},
		{name: "mismatched brackets", data: `[[1}, 2]`, pointer: "/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, ok := Locate([]byte(tt.data), tt.pointer)
			require.Equal(t, tt.ok, ok)
			if ok {
				assert.Equal(t, tt.want, off)
			}
		})
	}
}

// TestLocateDeep checks that Locate skips deep nesting without recursion.
func TestLocateDeep(t *testing.T) {
	const n = 1_000_000
	data := []byte(`{"deep":` + strings.Repeat(`[{"k":`, n) + "0" + strings.Repeat("}]", n) + `,"after":true}`)
	off, ok := Locate(data, "/after")
	require.True(t, ok)
	assert.Equal(t, `"after"`, string(data[off:off+7]))
}

func TestPosition(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		offset int
		line   int
		col    int
	}{
		{name: "start", data: "abc", offset: 0, line: 1, col: 1},
		{name: "first line", data: "abc", offset: 2, line: 1, col: 3},
		{name: "at EOF", data: "abc", offset: 3, line: 1, col: 4},
		{name: "empty input", data: "", offset: 0, line: 1, col: 1},
		{name: "past the end", data: "ab\ncd", offset: 100, line: 2, col: 3},
		{name: "negative", data: "abc", offset: -5, line: 1, col: 1},
		{name: "after LF", data: "a\nb", offset: 2, line: 2, col: 1},
		{name: "on LF", data: "a\nb", offset: 1, line: 1, col: 2},
		{name: "after CRLF", data: "a\r\nb", offset: 3, line: 2, col: 1},
		{name: "on the LF of CRLF", data: "a\r\nb", offset: 2, line: 1, col: 3},
		{name: "on the CR of CRLF", data: "a\r\nb", offset: 1, line: 1, col: 2},
		{name: "after lone CR", data: "a\rb", offset: 2, line: 2, col: 1},
		{name: "CR at the end", data: "a\r", offset: 2, line: 2, col: 1},
		{name: "CR CR LF", data: "\r\r\nx", offset: 3, line: 3, col: 1},
		{name: "LF CR", data: "\n\rx", offset: 2, line: 3, col: 1},
		{name: "several lines", data: "{\n  \"a\": 1,\n  \"b\": 2\n}", offset: 14, line: 3, col: 3},
		{name: "multibyte runes", data: "åäö x", offset: 7, line: 1, col: 5},
		{name: "runes on a later line", data: "x\r\n\"Åsa\": y", offset: 11, line: 2, col: 8},
		{name: "four-byte rune", data: "😀x", offset: 4, line: 1, col: 2},
		{name: "at EOF after runes", data: "\n\nå", offset: 4, line: 3, col: 2},
		{name: "invalid bytes count one each", data: "\xff\xfex", offset: 2, line: 1, col: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := Position([]byte(tt.data), tt.offset)
			assert.Equal(t, tt.line, line, "line")
			assert.Equal(t, tt.col, col, "column")
		})
	}
}
