package sheet_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// The sheet of the final report of Strängnäs 2019, in Swedish: rows 1–14
// are the report's values (B4 the citizen promise's id, B5 the report's,
// B7 and B8 the period, B10 the date, B11 who reports, B12 final), row 16
// the header, rows 17–24 the activities: 17 grannsamverkan (result in C),
// 21 and 22 the traffic controls (its target, and what belongs to none),
// 23 and 24 the moped operations, 25 and 26 the traffic safety council.
// Columns: C results, D occurrences, E completed, F assessment, G
// justification, H narrative, J substitutes, K evidence, L activity id, M
// target id.

func set(row int, col string, value string) func([][]string) [][]string {
	return func(recs [][]string) [][]string {
		c := int(col[0] - 'A')
		for len(recs[row-1]) <= c {
			recs[row-1] = append(recs[row-1], "")
		}
		recs[row-1][c] = value
		return recs
	}
}

func TestImportRefusals(t *testing.T) {
	b := strangnas(t)
	final := &b.Reports[3]
	exported := export(t, b, final, sheet.Options{})
	doc2 := b.Document // with two parties of one name
	doc2.Parties = append(slices.Clone(doc2.Parties), promise.Party{ID: uuid.Must(uuid.NewV7()), Kind: promise.OtherParty, Name: promise.Text{"sv": "Strängnäs kommun"}})
	båt := b.Document.CitizenPromises[0].Activities[1]

	tests := []struct {
		name    string
		edit    func([][]string) [][]string // on the exported rows
		raw     func([]byte) []byte         // or on the bytes
		doc     *promise.Document
		opts    sheet.Options
		row     int
		col     string // "" for the row as a whole (column 1)
		code    schema.Code
		pointer string
		text    string // in the English message
		warning bool   // a warning: the report is still read
	}{
		{name: "not a sheet", raw: func([]byte) []byte { return []byte("namn;antal\r\nx;1\r\n") }, row: 1, code: sheet.CodeNotASheet, text: "row 1: no row with the column \"Aktivitets-id (ändra inte)\""},
		{name: "too large", opts: sheet.Options{MaxBytes: 1000}, row: 1, code: schema.CodeTooLarge, text: "over the limit of 1,000 bytes"},
		{name: "a byte order mark before what is not UTF-8", raw: func(d []byte) []byte { return append(d, 0xE5) }, row: 1, code: sheet.CodeEncoding, text: "starts with a UTF-8 byte order mark but is not UTF-8"},
		{name: "not CSV", raw: func(d []byte) []byte { return append(d, []byte("a;b\"c;d\r\n")...) }, row: 27, code: schema.CodeSyntax, text: "cannot be read as CSV"},
		{name: "another version", edit: set(1, "B", "medborgarlofte-uppfoljning 2"), row: 1, col: "B", code: sheet.CodeSheetVersion, text: "row 1, column B (Format): the sheet is of format \"medborgarlofte-uppfoljning 2\""},
		{name: "a column missing", edit: set(16, "M", ""), row: 16, code: sheet.CodeMissingCell, text: "the column \"Mål-id (ändra inte)\" is missing"},
		{name: "a column twice", edit: set(16, "A", "Berättelse"), row: 16, col: "H", code: sheet.CodeDuplicateRow, text: "the column \"Berättelse\" is also column A"},
		{name: "an unknown column", edit: set(16, "N", "Kommentar"), row: 16, col: "N", code: sheet.CodeUnknownColumn, text: "\"Kommentar\" is not a column of the sheet", warning: true},
		{name: "an unknown value", edit: set(15, "A", "Diarienummer"), row: 15, col: "A", code: sheet.CodeUnknownColumn, text: "\"Diarienummer\" is not a value of the sheet", warning: true},
		{name: "a value twice", edit: func(r [][]string) [][]string { return set(15, "B", "2020-01-29")(set(15, "A", "Rapportdatum")(r)) }, row: 15, col: "A", code: sheet.CodeDuplicateRow, text: "\"Rapportdatum\" is also on row 10"},
		{name: "no citizen promise id", edit: set(4, "B", ""), row: 4, col: "B", code: sheet.CodeMissingCell, pointer: "/citizenPromiseId", text: "row 4, column B (Medborgarlöftets id): \"Medborgarlöftets id\" is missing"},
		{name: "a citizen promise id that is no id", edit: set(4, "B", "ett löfte"), row: 4, col: "B", code: sheet.CodeBadCell, pointer: "/citizenPromiseId", text: "\"ett löfte\" is not an id"},
		{name: "a citizen promise of another document", edit: set(4, "B", "01a2013e-d988-7de5-bc78-50dc7b000000"), row: 4, col: "B", code: schema.Code(promise.CodeDanglingRef), pointer: "/citizenPromiseId", text: "is not in the document"},
		{name: "a report id that is no id", edit: set(5, "B", "rapport 4"), row: 5, col: "B", code: sheet.CodeBadCell, pointer: "/id", text: "\"rapport 4\" is not an id"},
		{name: "no report id", edit: set(5, "B", ""), row: 5, col: "B", code: sheet.CodeMissingCell, pointer: "/id", text: "the report had no id; it got a new one", warning: true},
		{name: "no period start", edit: set(7, "B", ""), row: 7, col: "B", code: sheet.CodeMissingCell, pointer: "/period/start", text: "\"Period från\" is missing"},
		{name: "a date that is none", edit: set(10, "B", "2020-02-30"), row: 10, col: "B", code: sheet.CodeBadCell, pointer: "/date", text: "\"2020-02-30\" is not a date that exists: check the day and month"},
		{name: "a date without its zeros", edit: set(10, "B", "2020-2-3"), row: 10, col: "B", code: sheet.CodeBadCell, pointer: "/date", text: "\"2020-2-3\" is not a date of the form YYYY-MM-DD"},
		{name: "neither yes nor no", edit: set(12, "B", "kanske"), row: 12, col: "B", code: sheet.CodeBadCell, pointer: "/final", text: "\"kanske\" is neither yes nor no"},
		{name: "an unknown party", edit: set(11, "B", "Räddningstjänsten"), row: 11, col: "B", code: schema.Code(promise.CodeDanglingRef), pointer: "/reportedBy/0", text: "\"Räddningstjänsten\" is not a party of the document"},
		{name: "a party name of two parties", doc: &doc2, row: 11, col: "B", code: schema.Code(promise.CodeDanglingRef), pointer: "/reportedBy/0", text: "names several parties"},
		{name: "no party", edit: set(11, "B", ""), row: 11, col: "B", code: schema.Code(promise.CodeEmptyCollection), pointer: "/reportedBy", text: "reportedBy is missing"},
		{name: "values but no activity id", edit: set(17, "L", ""), row: 17, col: "L", code: sheet.CodeMissingCell, text: "row 17, column L (Aktivitets-id): the row has values but no activity id"},
		{name: "an activity id that is no id", edit: set(17, "L", "grannsamverkan"), row: 17, col: "L", code: sheet.CodeBadCell, text: "\"grannsamverkan\" is not an id"},
		{name: "an activity of another citizen promise", edit: set(17, "L", "01a2013e-d989-7110-b348-604600000000"), row: 17, col: "L", code: schema.Code(promise.CodeDanglingRef), text: "is not an activity of what the report follows up"},
		{name: "a target id that is no id", edit: set(17, "M", "mål 1"), row: 17, col: "M", code: sheet.CodeBadCell, text: "\"mål 1\" is not an id"},
		{name: "a target of another activity", edit: set(17, "M", båt.Targets[0].ID.String()), row: 17, col: "M", code: schema.Code(promise.CodeDanglingRef), text: "is not a target of the row's activity"},
		{name: "an activity and target twice", edit: func(r [][]string) [][]string { return append(r, slices.Clone(r[16])) }, row: 27, col: "M", code: sheet.CodeDuplicateRow, text: "the same activity and target as row 17"},
		{name: "two values of one activity", edit: func(r [][]string) [][]string { return set(22, "H", "Något annat.")(set(21, "H", "Kontroller.")(r)) }, row: 22, col: "H", code: sheet.CodeConflict, text: "row 22, column H (Berättelse): differs from row 21"},
		{name: "a result that is no number", edit: set(17, "C", "tjugo | 2019-12-31"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/value", text: "\"tjugo\" is neither a number nor an outcome"},
		{name: "a number with comma and point", edit: set(17, "C", "1.234,5"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/value", text: "\"1.234,5\" is neither a number nor an outcome"},
		{name: "an outcome that is none", edit: set(17, "C", "20 (kanske) | 2019-12-31"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/value", text: "\"20 (kanske)\" is neither a number nor an outcome"},
		{name: "a qualifier without number", edit: set(17, "C", "drygt"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/value", text: "\"drygt\" is neither a number nor an outcome"},
		{name: "a result's period that is none", edit: set(17, "C", "20 | 2019-05-01/2019-13"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/date", text: "\"2019-05-01/2019-13\" is not a date"},
		{name: "a fraction of a count", edit: set(17, "C", "20,5 | 2019-12-31"), row: 17, col: "C", code: schema.Code(promise.CodeBadValue), pointer: "/updates/0/results/0/value", text: "20.5 is not a whole number"},
		{name: "a result's date that is none", edit: set(17, "C", "20 | 31/12"), row: 17, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/date", text: "\"31/12\" is not a date"},
		{name: "an occurrence without date", edit: set(17, "D", " | 2"), row: 17, col: "D", code: sheet.CodeMissingCell, pointer: "/updates/0/occurrences/0/date", text: "the entry has no date"},
		{name: "an occurrence's date that is none", edit: set(17, "D", "2019-04-31"), row: 17, col: "D", code: sheet.CodeBadCell, pointer: "/updates/0/occurrences/0/date", text: "\"2019-04-31\" is not a date"},
		{name: "a count of zero", edit: set(17, "D", "2019-04-10 | 0"), row: 17, col: "D", code: sheet.CodeBadCell, pointer: "/updates/0/occurrences/0/count", text: "\"0\" is not a count"},
		{name: "a count in words", edit: set(17, "D", "2019-04-10 | två"), row: 17, col: "D", code: sheet.CodeBadCell, pointer: "/updates/0/occurrences/0/count", text: "\"två\" is not a count"},
		{name: "an occurrence outside the period", edit: set(17, "D", "2020-01-10"), row: 17, col: "D", code: schema.Code(promise.CodeOutsidePeriod), pointer: "/updates/0/occurrences/0/date", text: "is outside the report's period"},
		{name: "an unknown assessment", edit: set(25, "F", "Klart"), row: 25, col: "F", code: sheet.CodeBadCell, pointer: "/updates/5/assessment/status", text: "\"Klart\" is not an assessment: use one of \"Enligt plan\""},
		{name: "not started is no assessment", edit: set(25, "F", "Ej påbörjat"), row: 25, col: "F", code: sheet.CodeBadCell, pointer: "/updates/5/assessment/status", text: "is not an assessment"},
		{name: "an assessment without justification", edit: set(25, "F", "Uppfyllt"), row: 25, col: "F", code: schema.Code(promise.CodeMissing), pointer: "/updates/5/assessment/justification", text: "justification is empty"},
		{name: "a justification without assessment", edit: set(17, "G", "Det gick bra."), row: 17, col: "G", code: sheet.CodeBadCell, pointer: "/updates/0/assessment/status", text: "a justification needs an assessment: choose one in column F"},
		{name: "a completion date that is none", edit: set(17, "E", "i maj"), row: 17, col: "E", code: sheet.CodeBadCell, pointer: "/updates/0/completed", text: "\"i maj\" is not a date"},
		{name: "a link that is no web link", edit: set(17, "K", "javascript:alert(1) | titel"), row: 17, col: "K", code: schema.Code(promise.CodeBadLink), pointer: "/updates/0/evidence/0/url", text: "\"javascript:alert(1)\" is not an absolute http or https address"},
		{name: "a substitute's date that is none", edit: set(17, "J", "2019-13-01 | Extra vandring"), row: 17, col: "J", code: sheet.CodeBadCell, pointer: "/updates/0/substitutes/0/date", text: "\"2019-13-01\" is not a date"},
		{name: "blank lines are rows", raw: func(d []byte) []byte {
			recs := records(t, d)
			recs = set(17, "C", "tjugo")(recs)
			out := write(t, recs, ';')
			return bytes.Replace(out, []byte("\r\nAktivitet;"), []byte("\r\n\r\n\r\nAktivitet;"), 1)
		}, row: 19, col: "C", code: sheet.CodeBadCell, pointer: "/updates/0/results/0/value", text: "row 19, column C (Resultat): \"tjugo\" is neither a number nor an outcome"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := exported
			if tc.edit != nil {
				data = write(t, tc.edit(records(t, exported)), ';')
			}
			if tc.raw != nil {
				data = tc.raw(exported)
			}
			doc := &b.Document
			if tc.doc != nil {
				doc = tc.doc
			}
			r, problems := sheet.Import(data, doc, tc.opts)
			var p *schema.Problem
			for i := range problems {
				if problems[i].Code == tc.code {
					p = &problems[i]
					break
				}
			}
			require.NotNil(t, p, "no problem %s in %v", tc.code, problems)
			col := 1
			if tc.col != "" {
				col = int(tc.col[0]-'A') + 1
			}
			assert.Equal(t, fmt.Sprintf("%d:%d", tc.row, col), fmt.Sprintf("%d:%d", p.Line, p.Column), p.Message.In("en"))
			assert.Equal(t, tc.pointer, p.Pointer)
			assert.Contains(t, p.Message.In("en"), tc.text)
			assert.True(t, strings.HasPrefix(p.Message.In("sv"), fmt.Sprintf("rad %d", tc.row)), p.Message.In("sv"))
			assert.True(t, strings.HasPrefix(p.Message.In("en"), fmt.Sprintf("row %d", tc.row)), p.Message.In("en"))
			if tc.warning {
				assert.Equal(t, schema.Warning, p.Severity)
				assert.NotNil(t, r, "%v", problems)
			} else {
				assert.Equal(t, schema.Error, p.Severity)
				assert.Nil(t, r)
			}
		})
	}
}

// What Excel and other tools make of a sheet is read as well: commas
// instead of semicolons, columns moved, rows sorted, Windows-1252 instead
// of UTF-8.
func TestImportTolerates(t *testing.T) {
	b := strangnas(t)
	final := &b.Reports[3]
	exported := export(t, b, final, sheet.Options{})
	want := jsonOf(t, current(final))
	recs := func() [][]string { return records(t, exported) }
	tests := []struct {
		name    string
		data    []byte
		warning schema.Code
	}{
		{"commas", write(t, recs(), ','), ""},
		{"columns moved", write(t, func() [][]string {
			r := recs()
			for i := 15; i < len(r); i++ { // the id columns first
				r[i] = append(r[i][11:13:13], r[i][:11]...)
			}
			return r
		}(), ';'), ""},
		{"rows sorted", write(t, func() [][]string {
			r := recs()
			slices.Reverse(r[16:])
			return r
		}(), ';'), ""},
		{"Windows-1252", windows1252(t, bytes.TrimPrefix(exported, []byte("\xEF\xBB\xBF"))), sheet.CodeEncoding},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, problems := sheet.Import(tc.data, &b.Document, sheet.Options{Base: final})
			require.NotNil(t, r, "%v", problems)
			if tc.warning != "" {
				require.Len(t, problems, 1)
				assert.Equal(t, tc.warning, problems[0].Code)
				assert.Equal(t, schema.Warning, problems[0].Severity)
			} else {
				assert.Empty(t, problems)
			}
			assert.Equal(t, want, jsonOf(t, r))
		})
	}
}

// windows1252 encodes UTF-8 text as Windows-1252, as Excel saves "CSV
// (semikolonavgränsad)".
func windows1252(t *testing.T, utf []byte) []byte {
	t.Helper()
	var out []byte
	for _, r := range string(utf) {
		switch {
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			out = append(out, byte(r))
		case r == '–':
			out = append(out, 0x96)
		case r == '’':
			out = append(out, 0x92)
		default:
			t.Fatalf("no Windows-1252 for %q", r)
		}
	}
	return out
}
