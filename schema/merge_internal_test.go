package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// A problem of the merged bundle is placed in the input its value came
// from: the document's file, or the report's, at the pointer there.
func TestMergeBack(t *testing.T) {
	m := merger{inputs: []Input{
		{Name: "doc.json", Data: []byte("{\n  \"id\": \"x\",\n  \"parties\": []\n}")},
		{Name: "samling.json", Data: []byte("{\"document\": {},\n \"reports\": [{}, {\"id\": \"r\",\n \"date\": \"d\"}]}")},
		{Name: "rapport.json", Data: []byte("{\"id\": \"r2\"}")},
	}}
	doc := part{input: 0}
	reports := []mergedReport{{part: part{input: 2}}, {part: part{input: 1, prefix: "/reports/1"}}}
	text := promise.Text{"en": "m", "sv": "m"}
	for _, ptr := range []string{"/document/parties", "/reports/1/date", "/reports/0", "/schemaVersion", "/reports/9/id"} {
		m.back(Problem{Pointer: ptr, Code: CodeStructure, Message: text, Line: 7, Column: 7}, doc, reports)
	}
	want := []struct {
		file, ptr string
		line, col int
	}{
		{"doc.json", "/parties", 3, 3},
		{"samling.json", "/reports/1/date", 3, 2},
		{"rapport.json", "", 1, 1},
		{"", "/schemaVersion", 0, 0},
		{"", "/reports/9/id", 0, 0},
	}
	assert.Len(t, m.problems, len(want))
	for i, w := range want {
		p := m.problems[i]
		assert.Equal(t, w.file, p.File, "problem %d", i)
		assert.Equal(t, w.ptr, p.Pointer, "problem %d", i)
		assert.Equal(t, [2]int{w.line, w.col}, [2]int{p.Line, p.Column}, "problem %d", i)
	}
}
