package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/bad from the table in corpus_test.go")

// The corpus of bad files, testdata/bad/*.json, is written from the table
// below by go test -run TestBadCorpus -update. Each is minimal.json, or a
// report or bundle built on it, with a mistake. The files serve this
// package's tests and the check that a second JSON Schema validator (ajv,
// in examples/tools/schemacheck) gives the same verdicts: schemaValid is
// the verdict of the JSON Schema alone, valid that of Decode, which also
// checks the model's invariants.

const reportText = `{
  "$schema": "https://medborgarlofte.se/schema/1/followup-report.schema.json",
  "schemaVersion": "1.1",
  "id": "0193a1c2-7d4e-7f00-8a3b-000000000020",
  "citizenPromiseId": "0193a1c2-7d4e-7f00-8a3b-000000000010",
  "period": {"start": "2019-01-01", "end": "2019-12-31"},
  "date": "2020-01-28",
  "reportedBy": ["0193a1c2-7d4e-7f00-8a3b-000000000002"],
  "final": true,
  "updates": [
    {
      "activityId": "0193a1c2-7d4e-7f00-8a3b-000000000012",
      "occurrences": [{"date": "2019-05-14", "targetId": "0193a1c2-7d4e-7f00-8a3b-000000000013"}],
      "results": [{"targetId": "0193a1c2-7d4e-7f00-8a3b-000000000013", "value": 4, "date": "2019-12-31"}],
      "assessment": {"status": "achieved", "justification": {"sv": "Fyra vandringar."}},
      "evidence": [{"url": "https://www.strangnas.se/nyheter"}]
    }
  ]
}`

type corpusFile struct {
	name  string
	base  string   // "document", "report" or "bundle"
	edits []string // pairs of old and new text, applied in turn
	// schemaValid is the JSON Schema's verdict, valid Decode's.
	schemaValid, valid bool
}

func edit(pairs ...string) []string { return pairs }

var corpus = []corpusFile{
	{"valid-document", "document", nil, true, true},
	{"valid-report", "report", nil, true, true},
	{"valid-bundle", "bundle", nil, true, true},
	{"wrong-type", "document", edit(`"value": 4`, `"value": "4"`), false, false},
	{"unknown-property", "document", edit(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "signd": "x",`), false, false},
	{"missing-givenBy", "document", edit(`"givenBy": ["0193a1c2-7d4e-7f00-8a3b-000000000003"]`, `"themeIds": []`), false, false},
	{"duplicate-id", "document", edit(`"id": "0193a1c2-7d4e-7f00-8a3b-000000000004"`, `"id": "0193a1c2-7d4e-7f00-8a3b-000000000003"`), true, false},
	{"dangling-reference", "document", edit(`"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-000000000011"]`, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`), true, false},
	{"impossible-date", "document", edit(`"signed": "2019-02-08"`, `"signed": "2019-02-30"`), false, false},
	{"date-time", "document", edit(`"signed": "2019-02-08"`, `"signed": "2019-02-08T10:00:00Z"`), false, false},
	{"date-without-zeros", "document", edit(`"signed": "2019-02-08"`, `"signed": "2019-2-8"`), false, false},
	{"date-in-year-0", "document", edit(`"signed": "2019-02-08"`, `"signed": "0000-01-01"`), false, false},
	{"month-date", "document", edit(`"signed": "2019-02-08"`, `"signed": "2019-02"`), true, true},
	{"end-before-start", "document", edit(`"end": "2019-12-31"`, `"end": "2018-12-31"`), true, false},
	{"non-uuid-id", "document", edit(`"id": "0193a1c2-7d4e-7f00-8a3b-000000000001"`, `"id": "strangnas-2019"`), false, false},
	{"javascript-link", "document", edit(`"https://www.strangnas.se/samverkan"`, `"javascript:alert(1)"`), false, false},
	{"link-without-host", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https:///samverkan"`), false, false},
	{"link-with-space", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/sam verkan"`), false, false},
	{"link-with-space-in-host", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.str angnas.se/samverkan"`), false, false},
	{"link-with-bad-escape", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/sam%zzverkan"`), false, false},
	{"link-with-letters-and-dash", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strängnäs.se/medborgarlöfte-2019–2020?år=2019#översikt"`), true, true},
	{"link-percent-encoded", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/medborgarl%C3%B6fte-2019%E2%80%932020"`), true, true},
	{"link-in-capitals", "document", edit(`"https://www.strangnas.se/samverkan"`, `"HTTPS://WWW.STRANGNAS.SE/SAMVERKAN"`), true, true},
	{"link-with-port-and-query", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se:8443/samverkan?id=4&x=a%20b"`), true, true},
	{"link-with-quote", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/sam\"verkan"`), false, false},
	{"link-with-backslash", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se\\samverkan"`), false, false},
	{"link-with-two-fragments", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/samverkan#a#b"`), false, false},
	{"link-ipv6", "document", edit(`"https://www.strangnas.se/samverkan"`, `"https://[2001:db8::1]/samverkan"`), true, true},
	{"schema-version-2", "document", edit(`"schemaVersion": "1.0"`, `"schemaVersion": "2.0"`), false, false},
	{"schema-version-number", "document", edit(`"schemaVersion": "1.0"`, `"schemaVersion": 1.0`), false, false},
	{"schema-not-text", "document", edit(`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json"`, `"$schema": 5`), false, false},
	{"count-of-zero", "document", edit(`"value": 4`, `"value": 0`), false, false},
	{"count-of-4.0", "document", edit(`"value": 4`, `"value": 4.0`), true, true},
	{"count-beyond-double-precision", "document", edit(`"value": 4`, `"value": 4.0000000000000000001`), true, true},
	{"count-of-4.5", "document", edit(`"value": 4`, `"value": 4.5`), false, false},
	{"count-underflowing", "document", edit(`"value": 4`, `"value": 1e-99999`), false, false},
	{"count-with-every", "document", edit(`"comparison": "atLeast",`, `"comparison": "atLeast", "every": "week",`), false, false},
	{"language-key", "document", edit(`{"sv": "Läggesta station"}`, `{"Svenska": "Läggesta station"}`), false, false},
	{"lineage-naming-nothing", "document", edit(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "lineage": [{"relation": "renews"}],`), false, false},
	{"place-kind-square", "document", edit(`"kind": "site"`, `"kind": "square"`), false, false},
	{"empty-givenBy", "document", edit(`"givenBy": ["0193a1c2-7d4e-7f00-8a3b-000000000003"]`, `"givenBy": []`), false, false},
	{"party-listed-twice", "document", edit(`"partyIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002", "0193a1c2-7d4e-7f00-8a3b-000000000003"]`,
		`"partyIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002", "0193a1c2-7d4e-7f00-8a3b-000000000003", "0193a1c2-7d4e-7f00-8a3b-000000000002"]`), false, false},
	{"null-title", "document", edit(`"title": {"sv": "Medborgarlöfte 2019", "en": "Citizen promise 2019"}`, `"title": null`), false, false},
	{"text-too-long", "document", edit(`{"sv": "Läggesta station"}`, `{"sv": "`+strings.Repeat("Läggesta ", 60)+`"}`), false, false},
	{"extensions", "document", edit(`"schemaVersion": "1.0",`, `"schemaVersion": "1.0", "extensions": {"se.strangnas.diarienummer": "KS/2019:1", "se.strangnas.x": [1, {"a": null}]},`), true, true},
	{"not-an-object", "document", edit(`{`, `[{`, "\n}\n", "\n}]\n"), false, false},
	{"many-problems", "document", edit(`"signed": "2019-02-08",`, `"signed": "2019-02-08", `+strings.Repeat(`"u": 1, `, 0)+manyUnknown(300)+`,`), false, false},
	{"report-date-with-time", "report", edit(`"date": "2020-01-28"`, `"date": "2020-01-28T12:00:00"`), false, false},
	{"report-unknown-in-update", "report", edit(`"activityId"`, `"activityID": "x", "activityId"`), false, false},
	{"report-status-token", "report", edit(`"achieved"`, `"done"`), false, false},
	{"bundle-unknown-activity", "bundle", edit(`"activityId": "0193a1c2-7d4e-7f00-8a3b-000000000012"`, `"activityId": "0193a1c2-7d4e-7f00-8a3b-0000000000ee"`), true, false},
	{"bundle-report-date-outside", "bundle", edit(`"date": "2019-05-14"`, `"date": "2018-05-14"`), true, false},
	{"bundle-document-as-bundle", "bundle", edit(`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json"`, `"$schema": "https://medborgarlofte.se/schema/1/bundle.schema.json"`), false, false},
}

func manyUnknown(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"x`)
		b.WriteString(strings.Repeat("y", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(string(rune('a' + i/26%26)))
		b.WriteString(`": 1`)
	}
	return b.String()
}

// build returns the text of a corpus file.
func (c corpusFile) build(t *testing.T) []byte {
	doc := minimal(t)
	var s string
	switch c.base {
	case "document":
		s = doc
	case "report":
		s = reportText
	case "bundle":
		s = `{
  "$schema": "https://medborgarlofte.se/schema/1/bundle.schema.json",
  "schemaVersion": "1.1",
  "document": ` + strings.TrimSpace(doc) + `,
  "reports": [` + reportText + `]
}
`
	}
	for i := 0; i+1 < len(c.edits); i += 2 {
		require.Contains(t, s, c.edits[i], "%s: edit %d", c.name, i/2)
		s = strings.Replace(s, c.edits[i], c.edits[i+1], 1)
	}
	return []byte(s)
}

func TestBadCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	if *update {
		require.NoError(t, os.RemoveAll(dir))
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for _, c := range corpus {
			require.NoError(t, os.WriteFile(filepath.Join(dir, c.name+".json"), c.build(t), 0o644))
		}
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	assert.Len(t, names, len(corpus), "testdata/bad is stale: go test ./schema -run TestBadCorpus -update")
	library := libraryVerdicts(t)
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.name+".json"))
			require.NoError(t, err)
			require.Equal(t, string(c.build(t)), string(data), "stale: go test ./schema -run TestBadCorpus -update")
			file, problems := schema.Decode(data, schema.Options{})
			assert.Equal(t, c.valid, file != nil, "Decode's verdict: %s", dump(problems))
			assert.Equal(t, c.schemaValid, !structurallyInvalid(problems), "the schema's verdict in Decode: %s", dump(problems))
			assert.Equal(t, c.schemaValid, library(data), "the JSON Schema library's verdict")
		})
	}
}

// structurallyInvalid reports whether problems hold one that the JSON
// Schema would also find: any but the model's.
func structurallyInvalid(ps schema.Problems) bool {
	return slices.ContainsFunc(ps, func(p schema.Problem) bool {
		switch p.Code {
		case schema.CodeStructure, schema.CodeSchemaMissing, schema.CodeSchemaUnknown, schema.CodeSchemaVersion, schema.CodeNotObject,
			schema.CodeSyntax, schema.CodeEmpty, schema.CodeTrailingData:
			return true
		}
		return false
	})
}

// libraryVerdicts returns a function that validates a file with the JSON
// Schema library alone, against the schema its "$schema" names (the
// promise document's when it names none), as any other program would:
// with its numbers read as IEEE doubles, as JavaScript reads them.
func libraryVerdicts(t *testing.T) func([]byte) bool {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	for _, k := range []schema.Kind{schema.Unknown, schema.PromiseDocument, schema.Report, schema.Bundle} {
		url := k.URL()
		if k == schema.Unknown {
			url = schema.BaseURL + "common.schema.json"
		}
		require.NoError(t, c.AddResource(url, bytes.NewReader(schema.Source(k))))
	}
	compiled := map[schema.Kind]*jsonschema.Schema{}
	for _, k := range []schema.Kind{schema.PromiseDocument, schema.Report, schema.Bundle} {
		s, err := c.Compile(k.URL())
		require.NoError(t, err)
		compiled[k] = s
	}
	return func(data []byte) bool {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return false
		}
		k := schema.KindOf(data)
		if k == schema.Unknown {
			k = schema.PromiseDocument
		}
		return compiled[k].Validate(v) == nil
	}
}

// TestWalkMatchesLibrary checks that walking arrays and objects gives the
// problems the library gives when it validates them whole: on every file
// of the corpus, every example and some national synthetic data, with
// every array and object walked, the problems are the same.
func TestWalkMatchesLibrary(t *testing.T) {
	var files [][]byte
	names, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	examples, _ := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	bundles, _ := filepath.Glob(filepath.Join("..", "examples", "data", "bundles", "*.json"))
	for _, name := range slices.Concat(names, examples, bundles) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		files = append(files, data)
	}
	national := synthetic.Generate(synthetic.Options{Seed: 1})
	for _, b := range national[:min(len(national), 4)] {
		data, err := json.Marshal(b)
		require.NoError(t, err)
		files = append(files, data)
		// And the same with a mistake in every activity.
		files = append(files, bytes.ReplaceAll(data, []byte(`"kind":"count"`), []byte(`"kind":"amount"`)))
	}
	require.NotEmpty(t, files)
	for i, data := range files {
		_, whole := schema.Decode(data, schema.Options{})
		restore := schema.SetSmallTree(0)
		_, walked := schema.Decode(data, schema.Options{})
		restore()
		assert.Equal(t, whole, walked, "file %d", i)
	}
}

// TestMalformedDateOneMessage: a date written without its zeros gets one
// problem that says how to write a date, not two, and never tells the
// writer to check a day and month that are fine.
func TestMalformedDateOneMessage(t *testing.T) {
	for _, c := range corpus {
		if c.name != "date-without-zeros" {
			continue
		}
		_, problems := schema.Decode(c.build(t), schema.Options{})
		require.Len(t, problems, 1, dump(problems))
		p := problems[0]
		assert.Equal(t, "/citizenPromises/0/signed", p.Pointer)
		assert.Equal(t, `"2019-2-8" is not a date: write dates as YYYY-MM-DD, e.g. 2019-02-08 (or YYYY-MM or YYYY when the source gives only the month or year)`, p.Message["en"])
		assert.NotContains(t, p.Message["sv"], "dag")
		return
	}
	t.Fatal("no corpus entry date-without-zeros")
}
