package schema_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

const strangnas = "../examples/data/bundles/strangnas-2019.json"

// split returns the Strängnäs 2019 bundle, and its document and reports as
// separate files, indented as a person would write them.
func split(t *testing.T) (bundle []byte, doc schema.Input, reports []schema.Input) {
	t.Helper()
	bundle, err := os.ReadFile(strangnas)
	require.NoError(t, err)
	var b struct {
		Document json.RawMessage   `json:"document"`
		Reports  []json.RawMessage `json:"reports"`
	}
	require.NoError(t, json.Unmarshal(bundle, &b))
	indent := func(raw []byte) []byte {
		var out bytes.Buffer
		require.NoError(t, json.Indent(&out, raw, "", "  "))
		return out.Bytes()
	}
	doc = schema.Input{Name: "dokument.json", Data: indent(b.Document)}
	for i, r := range b.Reports {
		reports = append(reports, schema.Input{Name: "rapport" + string(rune('1'+i)) + ".json", Data: indent(r)})
	}
	require.Len(t, reports, 4)
	return bundle, doc, reports
}

func TestMergeGivesTheExampleBundle(t *testing.T) {
	bundle, doc, reports := split(t)
	inputs := append([]schema.Input{doc}, reports...)
	merged, problems := schema.Merge(inputs, schema.MergeOptions{})
	require.Empty(t, problems)
	require.NotNil(t, merged)
	// The example bundle is laid out as Merge lays it out: byte for byte.
	assert.Equal(t, string(bundle), string(merged.JSON))
	assert.Len(t, merged.Bundle.Reports, 4)
}

// The result does not depend on the order of the files.
func TestMergeOrderDoesNotMatter(t *testing.T) {
	bundle, doc, reports := split(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		inputs := append([]schema.Input{doc}, reports...)
		rng.Shuffle(len(inputs), func(i, j int) { inputs[i], inputs[j] = inputs[j], inputs[i] })
		merged, problems := schema.Merge(inputs, schema.MergeOptions{})
		require.Empty(t, problems)
		assert.Equal(t, string(bundle), string(merged.JSON))
	}
}

// An existing bundle plus new reports: the new ones join the old.
func TestMergeBundleAndNewReport(t *testing.T) {
	bundle, doc, reports := split(t)
	older, problems := schema.Merge([]schema.Input{doc, reports[0], reports[1]}, schema.MergeOptions{})
	require.Empty(t, problems)
	inputs := []schema.Input{{Name: "samling.json", Data: older.JSON}, reports[2], reports[3]}
	merged, problems := schema.Merge(inputs, schema.MergeOptions{})
	require.Empty(t, problems)
	assert.Equal(t, string(bundle), string(merged.JSON))
}

// Two bundles of the same document: its reports are merged and the
// document is kept once, with a warning.
func TestMergeTwoBundlesOfOneDocument(t *testing.T) {
	bundle, doc, reports := split(t)
	a, problems := schema.Merge([]schema.Input{doc, reports[0], reports[3]}, schema.MergeOptions{})
	require.Empty(t, problems)
	b, problems := schema.Merge([]schema.Input{doc, reports[1], reports[2]}, schema.MergeOptions{})
	require.Empty(t, problems)
	merged, problems := schema.Merge([]schema.Input{{Name: "a.json", Data: a.JSON}, {Name: "b.json", Data: b.JSON}}, schema.MergeOptions{})
	require.NotNil(t, merged)
	require.Len(t, problems, 1)
	p := problems[0]
	assert.Equal(t, "b.json", p.File)
	assert.Equal(t, schema.CodeSameDocument, p.Code)
	assert.Equal(t, schema.Warning, p.Severity)
	assert.Equal(t, "/document", p.Pointer)
	assert.Equal(t, [2]int{4, 3}, [2]int{p.Line, p.Column})
	assert.Equal(t, "b.json:4:3: /document: warning: the same promise document as in a.json:7:5: it is kept once", p.Format("en"))
	assert.Equal(t, string(bundle), string(merged.JSON))
}

func TestMergeVersionIsTheHighest(t *testing.T) {
	_, doc, reports := split(t)
	r := reports[0]
	r.Data = bytes.Replace(r.Data, []byte(`"schemaVersion": "1.0"`), []byte(`"schemaVersion": "1.7"`), 1)
	merged, problems := schema.Merge([]schema.Input{doc, r}, schema.MergeOptions{})
	require.Empty(t, problems)
	assert.Equal(t, "1.7", merged.Bundle.SchemaVersion)
	var d struct{ SchemaVersion string }
	require.NoError(t, json.Unmarshal(doc.Data, &d))
	assert.Equal(t, d.SchemaVersion, merged.Bundle.Document.SchemaVersion, "the document keeps its own version")
}

// A byte order mark is a warning; problems after it are placed as in the
// file without it, and the bundle is written without it.
func TestMergeByteOrderMark(t *testing.T) {
	_, doc, reports := split(t)
	doc.Data = append([]byte("\xEF\xBB\xBF"), doc.Data...)
	merged, problems := schema.Merge([]schema.Input{doc, reports[0]}, schema.MergeOptions{})
	require.NotNil(t, merged)
	require.Len(t, problems, 1)
	assert.Equal(t, schema.CodeBOM, problems[0].Code)
	assert.False(t, bytes.HasPrefix(merged.JSON, []byte("\xEF\xBB\xBF")))
}

// Every refusal: the problem, its file, place and pointer, and no bundle.
func TestMergeRefusals(t *testing.T) {
	_, doc, reports := split(t)
	replace := func(in schema.Input, name, old, new string) schema.Input {
		t.Helper()
		require.Contains(t, string(in.Data), old)
		return schema.Input{Name: name, Data: []byte(strings.Replace(string(in.Data), old, new, 1))}
	}
	const cpID = `"citizenPromiseId": "01a2013e-d988-7de5-bc78-50dc7b123343"`
	otherCP := replace(reports[0], "annat-lofte.json", cpID, `"citizenPromiseId": "01a2013e-d988-7de5-bc78-50dc7b999999"`)
	otherDoc := replace(doc, "annat-dokument.json", `"id": "01a2013e-d988-7ad5-9001-8df0a79ed619"`, `"id": "01a2013e-d988-7ad5-9001-8df0a79e0000"`)
	edited := replace(reports[0], "andrad.json", `"date": "2019-05-15"`, `"date": "2019-05-16"`)
	invalid := replace(reports[0], "ogiltig.json", `"date": "2019-05-15"`, `"date": "2019-05-32"`)
	foreignActivity := replace(reports[0], "fel-aktivitet.json", `"activityId": "01a2013e-d989-7110-b348-6046f01f8780"`, `"activityId": "01a2013e-d989-7110-b348-6046f01f0000"`)
	bundleWithR1, problems := schema.Merge([]schema.Input{doc, reports[0]}, schema.MergeOptions{})
	require.Empty(t, problems)

	tests := []struct {
		name    string
		inputs  []schema.Input
		opts    schema.Options
		file    string
		code    schema.Code
		pointer string
		line    int
		text    string // in the English message
	}{
		{name: "no files", inputs: nil, code: schema.CodeNoDocument, text: "no files to merge"},
		{name: "an invalid file", inputs: []schema.Input{doc, invalid}, file: "ogiltig.json", code: schema.CodeStructure, pointer: "/date", line: 14, text: "not a real date"},
		{name: "not JSON", inputs: []schema.Input{doc, {Name: "trasig.json", Data: []byte(`{"id": `)}}, file: "trasig.json", code: schema.CodeSyntax, pointer: "/id", line: 1},
		{name: "only reports", inputs: []schema.Input{reports[0], reports[1]}, file: "rapport1.json", code: schema.CodeNoDocument, line: 1, text: "only reports"},
		{name: "two different documents", inputs: []schema.Input{doc, otherDoc, reports[0]}, file: "annat-dokument.json", code: schema.CodeSecondDocument, pointer: "/id", line: 4, text: "different from the one in dokument.json"},
		{name: "a report on another citizen promise", inputs: []schema.Input{doc, otherCP}, file: "annat-lofte.json", code: schema.Code(promise.CodeDanglingRef), pointer: "/citizenPromiseId", line: 5, text: "names no citizen promise of the document"},
		{name: "a report on an activity the document lacks", inputs: []schema.Input{doc, foreignActivity}, file: "fel-aktivitet.json", code: schema.Code(promise.CodeDanglingRef), pointer: "/updates/0/activityId", text: "names no activity"},
		{name: "one id, two reports", inputs: []schema.Input{doc, reports[0], edited}, file: "andrad.json", code: schema.CodeDuplicateReport, pointer: "/id", line: 4, text: "is also in rapport1.json:4:3, with different content"},
		{name: "one id, in a bundle and a report file", inputs: []schema.Input{{Name: "samling.json", Data: bundleWithR1.JSON}, edited}, file: "andrad.json", code: schema.CodeDuplicateReport, pointer: "/id", line: 4, text: "is also in samling.json:"},
		{name: "over the size limit", inputs: []schema.Input{doc, reports[0]}, opts: schema.Options{MaxBytes: int64(len(doc.Data) + len(reports[0].Data))}, code: schema.CodeTooLarge, text: "the merged bundle would be"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			merged, problems := schema.Merge(tc.inputs, schema.MergeOptions{Options: tc.opts})
			assert.Nil(t, merged)
			require.True(t, problems.Invalid(), "%v", problems)
			var p *schema.FileProblem
			for i := range problems {
				if problems[i].Code == tc.code && problems[i].Severity == schema.Error {
					p = &problems[i]
					break
				}
			}
			require.NotNil(t, p, "no problem %s in %v", tc.code, problems)
			assert.Equal(t, tc.file, p.File)
			assert.Equal(t, tc.pointer, p.Pointer)
			if tc.line != 0 {
				assert.Equal(t, tc.line, p.Line)
			}
			if tc.file != "" {
				assert.Positive(t, p.Line)
				assert.Positive(t, p.Column)
				assert.True(t, strings.HasPrefix(p.Format("sv"), tc.file+":"), p.Format("sv"))
			}
			assert.Contains(t, p.Message.In("en"), tc.text)
			assert.NotEmpty(t, p.Message.In("sv"))
			assert.NotEqual(t, p.Message["en"], p.Message["sv"])
		})
	}
}

// The same report twice is kept once, with a warning that says where the
// other copy is; however it is laid out, its meaning decides.
func TestMergeSameReportTwice(t *testing.T) {
	_, doc, reports := split(t)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, reports[1].Data))
	again := schema.Input{Name: "kopia.json", Data: compact.Bytes()}
	merged, problems := schema.Merge([]schema.Input{doc, reports[1], again}, schema.MergeOptions{})
	require.NotNil(t, merged)
	require.Len(t, problems, 1)
	p := problems[0]
	assert.Equal(t, schema.CodeSameReport, p.Code)
	assert.Equal(t, schema.Warning, p.Severity)
	assert.Equal(t, "kopia.json", p.File)
	assert.Equal(t, "/id", p.Pointer)
	assert.Equal(t, 1, p.Line)
	assert.Contains(t, p.Message.In("en"), "is also in rapport2.json:4:3, with the same content: it is kept once")
	assert.Len(t, merged.Bundle.Reports, 1)
}

func TestFileProblemFormat(t *testing.T) {
	p := schema.FileProblem{Problem: schema.Problem{Message: promise.Text{"sv": "inga filer", "en": "no files"}}}
	assert.Equal(t, "no files", p.Format("en"))
	p.File, p.Line, p.Column, p.Pointer = "a.json", 3, 5, "/id"
	assert.Equal(t, "a.json:3:5: /id: inga filer", p.Format("sv"))
}

// FuzzMerge: Merge never panics, places every problem of a file in it, and
// what it returns is a valid bundle.
func FuzzMerge(f *testing.F) {
	doc, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		f.Fatal(err)
	}
	report, err := os.ReadFile("testdata/minimal-report.json")
	if err != nil {
		f.Fatal(err)
	}
	merged, problems := schema.Merge([]schema.Input{{Name: "a", Data: doc}, {Name: "b", Data: report}}, schema.MergeOptions{})
	if merged == nil {
		f.Fatal(problems)
	}
	f.Add(doc, report)
	f.Add(merged.JSON, report)
	f.Add(report, merged.JSON)
	f.Add(doc, bytes.Replace(report, []byte("2019-04-10"), []byte("2019-05-10"), 1))
	f.Add([]byte(`{}`), []byte(`[]`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		merged, problems := schema.Merge([]schema.Input{{Name: "a", Data: a}, {Name: "b", Data: b}}, schema.MergeOptions{})
		for _, p := range problems {
			if p.File != "" && (p.Line < 1 || p.Column < 1) {
				t.Fatalf("problem not placed: %+v", p)
			}
		}
		if merged == nil {
			if !problems.Invalid() {
				t.Fatalf("no bundle, and no error: %v", problems)
			}
			return
		}
		if problems.Invalid() {
			t.Fatalf("a bundle despite errors: %v", problems)
		}
		f, ps := schema.Decode(merged.JSON, schema.Options{})
		if f == nil || f.Kind != schema.Bundle {
			t.Fatalf("the merged bundle is invalid: %v", ps)
		}
	})
}

// With Replace, a corrected report replaces the one in the bundle, with a
// warning; the bundle then holds the corrected one only.
func TestMergeReplace(t *testing.T) {
	_, doc, reports := split(t)
	old, problems := schema.Merge([]schema.Input{doc, reports[0], reports[1]}, schema.MergeOptions{})
	require.Empty(t, problems)
	corrected := schema.Input{Name: "rättad.json", Data: bytes.Replace(reports[0].Data, []byte(`"date": "2019-05-15"`), []byte(`"date": "2019-05-16"`), 1)}
	inputs := []schema.Input{{Name: "samling.json", Data: old.JSON}, corrected}
	_, problems = schema.Merge(inputs, schema.MergeOptions{})
	require.True(t, problems.Invalid(), "refused without Replace")
	merged, problems := schema.Merge(inputs, schema.MergeOptions{Replace: true})
	require.NotNil(t, merged, "%v", problems)
	require.Len(t, problems, 1)
	assert.Equal(t, schema.CodeReplacedReport, problems[0].Code)
	assert.Equal(t, schema.Warning, problems[0].Severity)
	assert.Equal(t, "rättad.json:4:3: /id: warning: report 016ab8c9-e400-7651-8ce7-a36c2d9d9538 replaces the one with the same id in samling.json:", problems[0].Format("en")[:len("rättad.json:4:3: /id: warning: report 016ab8c9-e400-7651-8ce7-a36c2d9d9538 replaces the one with the same id in samling.json:")])
	require.Len(t, merged.Bundle.Reports, 2)
	assert.Equal(t, "2019-05-16", merged.Bundle.Reports[0].Date.String())
}
