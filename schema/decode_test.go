package schema_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

func minimal(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "minimal.json"))
	require.NoError(t, err)
	return string(b)
}

func TestDecodeValid(t *testing.T) {
	f, problems := schema.Decode([]byte(minimal(t)), schema.Options{})
	require.Empty(t, problems)
	require.NotNil(t, f)
	assert.Equal(t, schema.PromiseDocument, f.Kind)
	require.Len(t, f.Document.CitizenPromises, 1)
	assert.Equal(t, "2019-02-08", f.Document.CitizenPromises[0].Signed.String())
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(string) string
		opts    schema.Options
		code    string
		pointer string
		anchor  string // where the problem must be reported; "" means 1:1
		nth     int    // which occurrence of anchor, 0-based
		shift   int    // bytes from the anchor to the reported offset
		keyword string
	}{
		{
			name:    "wrong type",
			mutate:  replace(`"value": 4`, `"value": "4"`),
			code:    "structure",
			keyword: "type",
			pointer: "/citizenPromises/0/activities/0/targets/0/value",
			anchor:  `"value"`,
		},
		{
			name:    "unknown property",
			mutate:  replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "signd": "x",`),
			code:    "structure",
			keyword: "additionalProperties",
			pointer: "/citizenPromises/0/signd",
			anchor:  `"signd"`,
		},
		{
			name:    "missing required property",
			mutate:  replace(`"givenBy": ["0193a1c2-7d4e-7f00-8a3b-000000000003"]`, `"themeIds": []`),
			code:    "structure",
			keyword: "required",
			pointer: "/citizenPromises/0/promises/0",
			anchor: `{
          "id": "0193a1c2-7d4e-7f00-8a3b-000000000011"`,
		},
		{
			name:    "duplicate id",
			mutate:  replace(`"id": "0193a1c2-7d4e-7f00-8a3b-000000000004"`, `"id": "0193a1c2-7d4e-7f00-8a3b-000000000003"`),
			code:    "duplicate-id",
			pointer: "/places/0/id",
			anchor:  `"id": "0193a1c2-7d4e-7f00-8a3b-000000000003"`,
			nth:     1,
		},
		{
			name:    "dangling reference",
			mutate:  replace(`"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-000000000011"]`, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`),
			code:    "dangling-ref",
			pointer: "/citizenPromises/0/activities/0/promiseIds/0",
			anchor:  `"0193a1c2-7d4e-7f00-8a3b-0000000000ff"`,
		},
		{
			name:    "impossible date",
			mutate:  replace(`"signed": "2019-02-08"`, `"signed": "2019-02-30"`),
			code:    "structure",
			keyword: "format",
			pointer: "/citizenPromises/0/signed",
			anchor:  `"signed"`,
		},
		{
			name:    "end before start",
			mutate:  replace(`"end": "2019-12-31"`, `"end": "2018-12-31"`),
			code:    "date-order",
			pointer: "/citizenPromises/0/period/end",
			anchor:  `"end"`,
		},
		{
			name:    "non-UUID id",
			mutate:  replace(`"id": "0193a1c2-7d4e-7f00-8a3b-000000000001"`, `"id": "strangnas-2019"`),
			code:    "structure",
			keyword: "pattern",
			pointer: "/id",
			anchor:  `"id"`,
		},
		{
			name:    "javascript link",
			mutate:  replace(`"url": "https://www.strangnas.se/samverkan"`, `"url": "javascript:alert(1)"`),
			code:    "structure",
			pointer: "/sources/0/url",
			anchor:  `"url"`,
		},
		{
			name:    "unsupported schemaVersion",
			mutate:  replace(`"schemaVersion": "1.0"`, `"schemaVersion": "2.0"`),
			code:    "schema-version",
			pointer: "/schemaVersion",
			anchor:  `"schemaVersion"`,
		},
		{
			name:    "missing $schema",
			mutate:  replace(`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json",`, ``),
			code:    "schema-missing",
			pointer: "",
		},
		{
			name:    "unknown $schema",
			mutate:  replace(`promise-document.schema.json`, `promise.json`),
			code:    "schema-unknown",
			pointer: "/$schema",
			anchor:  `"$schema"`,
		},
		{
			name:   "empty file",
			mutate: func(string) string { return "" },
			code:   "empty-file",
		},
		{
			name:   "only whitespace",
			mutate: func(string) string { return " \n\t\n" },
			code:   "empty-file",
			anchor: "",
		},
		{
			name:   "not an object",
			mutate: func(string) string { return "[1, 2]" },
			code:   "not-object",
		},
		{
			name:    "invalid UTF-8",
			mutate:  replace(`Strängnäs kommun"}`, "Str\xe4ngn\xe4s kommun\"}"),
			code:    "invalid-utf8",
			pointer: "/parties/0/name/sv",
			anchor:  "\xe4ngn",
		},
		{
			name:    "duplicate key",
			mutate:  replace(`"kind": "police",`, `"kind": "police", "kind": "municipality",`),
			code:    "duplicate-key",
			pointer: "/parties/1/kind",
			anchor:  `"kind": "municipality",`,
			nth:     1,
		},
		{
			name:   "data after the value",
			mutate: func(s string) string { return s + "\n{}\n" },
			code:   "trailing-data",
			anchor: "{}\n",
		},
		{
			name: "nesting too deep",
			mutate: replace(`"title": {"sv": "Medborgarlöfte 2019", "en": "Citizen promise 2019"},`,
				`"extensions": {"x": `+strings.Repeat("[", 200)+strings.Repeat("]", 200)+`},`),
			code:    "too-deep",
			anchor:  "[[",
			shift:   62, // the 63rd bracket is at depth 65: root, extensions, then 63 arrays
			pointer: "/extensions/x" + strings.Repeat("/0", 62),
		},
		{
			name:   "too large",
			mutate: func(s string) string { return s },
			opts:   schema.Options{MaxBytes: 100},
			code:   "too-large",
		},
		{
			name:    "count target of zero",
			mutate:  replace(`"value": 4`, `"value": 0`),
			code:    "structure",
			pointer: "/citizenPromises/0/activities/0/targets/0/value",
			anchor:  `"value"`,
		},
		{
			name:    "promise given by no party of its citizen promise",
			mutate:  replace(`"partyIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002", "0193a1c2-7d4e-7f00-8a3b-000000000003"]`, `"partyIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002"]`),
			code:    "not-a-party",
			pointer: "/citizenPromises/0/promises/0/givenBy",
			anchor:  `"givenBy"`,
		},
		{
			name:    "window outside the period",
			mutate:  replace(`"targets": [`, `"window": {"start": "2019-10-01", "end": "2020-03-31"}, "targets": [`),
			code:    "outside-period",
			pointer: "/citizenPromises/0/activities/0/window",
			anchor:  `"window"`,
		},
		{
			name:    "field that does not apply to the kind",
			mutate:  replace(`"comparison": "atLeast",`, `"comparison": "atLeast", "every": "week",`),
			code:    "structure",
			pointer: "/citizenPromises/0/activities/0/targets/0/every",
			anchor:  `"every"`,
		},
		{
			name:    "unknown property whose name has quotes and a slash",
			mutate:  replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "it's \"a\"/b": 1,`),
			code:    "structure",
			keyword: "additionalProperties",
			pointer: "/citizenPromises/0/it's \"a\"~1b",
			anchor:  `"it's`,
		},
		{
			name:    "lineage that names nothing",
			mutate:  replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "lineage": [{"relation": "renews"}],`),
			code:    "structure",
			keyword: "anyOf",
			pointer: "/citizenPromises/0/lineage/0",
			anchor:  `{"relation": "renews"}`,
		},
		{
			name:    "field of another kind of target",
			mutate:  replace(`"comparison": "atLeast",`, `"comparison": "atLeast", "baseline": {"value": 1, "date": "2018-01-01"},`),
			code:    "structure",
			pointer: "/citizenPromises/0/activities/0/targets/0/baseline",
			anchor:  `"baseline"`,
		},
		{
			name:    "language key that is no language",
			mutate:  replace(`{"sv": "Läggesta station"}`, `{"Svenska": "Läggesta station"}`),
			code:    "structure",
			pointer: "/places/0/name/Svenska",
			anchor:  `"Svenska"`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.mutate(minimal(t))
			f, problems := schema.Decode([]byte(in), tc.opts)
			assert.Nil(t, f, "an invalid file must not be returned")
			require.True(t, problems.Invalid(), "want an error, got %v", problems)
			var found *schema.Problem
			for i, p := range problems {
				if string(p.Code) == tc.code && p.Pointer == tc.pointer {
					found = &problems[i]
					break
				}
			}
			require.NotNil(t, found, "no problem %s at %q in:\n%s", tc.code, tc.pointer, dump(problems))
			if tc.keyword != "" {
				assert.Equal(t, tc.keyword, found.Keyword)
			}
			wantLine, wantCol := 1, 1
			if tc.anchor != "" {
				off := nthIndex(in, tc.anchor, tc.nth)
				require.GreaterOrEqual(t, off, 0, "anchor %q not in input", tc.anchor)
				wantLine, wantCol = lineCol(in, off+tc.shift)
			}
			assert.Equal(t, [2]int{wantLine, wantCol}, [2]int{found.Line, found.Column}, "position of %s", found.Error())
			for _, lang := range []string{"sv", "en"} {
				assert.NotEmpty(t, found.Message[lang], "message in %s", lang)
			}
		})
	}
}

// nthIndex returns the byte offset of the nth (0-based) occurrence of sub
// in s, or -1.
func nthIndex(s, sub string, nth int) int {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if nth == 0 {
			return off + i
		}
		nth--
		off += i + len(sub)
	}
}

// lineCol returns the 1-based line and column (in runes) of a byte offset:
// an implementation independent of the one under test.
func lineCol(s string, off int) (int, int) {
	before := s[:off]
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test input does not contain " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func dump(ps schema.Problems) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(string(p.Code) + " " + p.Error() + "\n")
	}
	return b.String()
}

func TestDecodeByteOrderMark(t *testing.T) {
	f, problems := schema.Decode(append([]byte("\xEF\xBB\xBF"), minimal(t)...), schema.Options{})
	require.NotNil(t, f, "a byte order mark is accepted")
	require.Len(t, problems, 1)
	assert.Equal(t, schema.CodeBOM, problems[0].Code)
	assert.Equal(t, schema.Warning, problems[0].Severity)
	assert.False(t, problems.Invalid())
}

func TestDecodeReportsAllProblems(t *testing.T) {
	in := minimal(t)
	for _, m := range []func(string) string{
		replace(`"value": 4`, `"value": "4"`),
		replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "signd": "x",`),
		replace(`"kind": "site"`, `"kind": "square"`),
		replace(`"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-000000000011"]`, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`),
	} {
		in = m(in)
	}
	_, problems := schema.Decode([]byte(in), schema.Options{})
	var codes []string
	for _, p := range problems {
		codes = append(codes, string(p.Code)+" "+p.Pointer)
	}
	// Structural and semantic problems in one list, in file order, even
	// though a type mismatch stopped the typed decoding of one value.
	assert.Equal(t, []string{
		"structure /places/0/kind",
		"structure /citizenPromises/0/signd",
		"dangling-ref /citizenPromises/0/activities/0/promiseIds/0",
		"structure /citizenPromises/0/activities/0/targets/0/value",
	}, codes, dump(problems))
	for i := 1; i < len(problems); i++ {
		assert.LessOrEqual(t, problems[i-1].Offset, problems[i].Offset, "problems are ordered by position")
	}
}

func TestReadAllLimit(t *testing.T) {
	data, err := schema.ReadAll(bytes.NewReader(make([]byte, 1000)), schema.Options{MaxBytes: 10})
	require.NoError(t, err)
	assert.Len(t, data, 11, "reads one byte past the limit, no more")
}

// TestSyntaxMessagesInSwedish checks that the scanner's English details are
// translated for Swedish readers.
func TestSyntaxMessagesInSwedish(t *testing.T) {
	for _, in := range []string{
		`{"a": 1,}`, `{"a" 1}`, `{"a": 01}`, `{"a": "x`, `{"a": "\ud800"}`, `{"a":1}x`,
		`{"a":1,"a":2}`, `{"a": -}`, `{"a": 1.}`, `{"a": 1e}`, `{"a": "\q"}`, `{"a": "\u12"}`,
		"{\"a\": \"x\ny\"}", "{\"a\": \"\x01\"}", `{1: 2}`, `[1 2]`, `{"a": tru}`, "{\"a\": \"\xff\"}",
		strings.Repeat("[", 100) + strings.Repeat("]", 100),
	} {
		_, problems := schema.Decode([]byte(in), schema.Options{})
		require.NotEmpty(t, problems, in)
		sv := problems[0].Message["sv"]
		for _, english := range []string{"unexpected", "expecting", "character", "input", "escape", "nested", "after", "literal", "string"} {
			assert.NotContains(t, sv, english, "Swedish message for %q: %s", in, sv)
		}
	}
}

// A file with a problem in every value is answered quickly, with the first
// MaxProblems problems and one that says how many more there are.
func TestDecodeTooManyProblems(t *testing.T) {
	var ids []string
	for i := range 5000 {
		ids = append(ids, fmt.Sprintf(`"0193a1c2-7d4e-7f00-8a3b-1%011d"`, i))
	}
	in := replace(`"placeIds": ["0193a1c2-7d4e-7f00-8a3b-000000000004"]`, `"placeIds": [`+strings.Join(ids, ", ")+`]`)(minimal(t))
	_, problems := schema.Decode([]byte(in), schema.Options{})
	require.Len(t, problems, schema.MaxProblems+1)
	last := problems[len(problems)-1]
	assert.Equal(t, schema.CodeTooMany, last.Code)
	assert.Contains(t, last.Message["en"], "4,800 more")
}
