package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

const (
	document = "../../../../examples/data/strangnas-2019.json"
	bundle   = "../../../../examples/data/bundles/strangnas-2019.json"
	final    = "016fe972-9c00-734d-815b-b5be4d7b091c"
)

func now() time.Time { return time.Date(2019, 9, 10, 12, 0, 0, 0, time.UTC) }

func sh(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut, now)
	return code, out.String(), errOut.String()
}

func decode(t *testing.T, name string) *schema.File {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	f, problems := schema.Decode(data, schema.Options{})
	require.NotNil(t, f, "%v", problems)
	return f
}

// An empty sheet for the second tertial, read back: an empty, valid report
// of that period, dated today.
func TestExportAndImportAnEmptySheet(t *testing.T) {
	dir := t.TempDir()
	csvFile, report := filepath.Join(dir, "tertial-2.csv"), filepath.Join(dir, "tertial-2.json")
	code, _, stderr := sh(t, "export", "-period", "2", "-o", csvFile, document)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "perioden 2019-05-01/2019-08-31")
	data, err := os.ReadFile(csvFile)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte("\xEF\xBB\xBFFormat;")))
	assert.Contains(t, string(data), "Rapportdatum (eller okänt);2019-09-10\r\n")
	code, stdout, stderr := sh(t, "import", "-o", report, csvFile, document)
	require.Equal(t, 0, code, stdout+stderr)
	f := decode(t, report)
	require.Equal(t, schema.Report, f.Kind)
	assert.Equal(t, "2019-05-01/2019-08-31", f.Report.Period.String())
	assert.Empty(t, f.Report.Updates)
	assert.Len(t, f.Report.ReportedBy, 2)
}

// The sheet of a real report, read back with the bundle it came from, is
// that report.
func TestExportAndImportAReport(t *testing.T) {
	dir := t.TempDir()
	csvFile, report := filepath.Join(dir, "slut.csv"), filepath.Join(dir, "slut.json")
	code, _, stderr := sh(t, "export", "-lang", "en", "-report", final, "-o", csvFile, bundle)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "warning: /sources/0: a source of the report is not in the sheet")
	code, stdout, stderr := sh(t, "import", "-lang", "en", "-o", report, csvFile, bundle)
	require.Equal(t, 0, code, stdout+stderr)
	got := decode(t, report).Report
	want := decode(t, bundle).Bundle.Reports[3]
	require.Equal(t, final, want.ID.String())
	want.SchemaVersion = promise.SchemaVersion // the sheet writes the current version
	assert.Equal(t, jsonOf(t, &want), jsonOf(t, got))
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, writeJSON(&buf, v))
	return buf.String()
}

// A party's sheet: only its activities, and it reports.
func TestExportAParty(t *testing.T) {
	code, all, stderr := sh(t, "export", "-period", "1", "-o", "-", document)
	require.Equal(t, 0, code, stderr)
	code, police, stderr := sh(t, "export", "-period", "1", "-party", "Lokalpolisområde Eskilstuna/Strängnäs", "-o", "-", document)
	require.Equal(t, 0, code, stderr)
	assert.Less(t, strings.Count(police, "\r\n"), strings.Count(all, "\r\n"))
	assert.Contains(t, police, "Rapporteras av (en part per rad);Lokalpolisområde Eskilstuna/Strängnäs\r\n")
}

func TestImportProblems(t *testing.T) {
	dir := t.TempDir()
	csvFile, report := filepath.Join(dir, "slut.csv"), filepath.Join(dir, "slut.json")
	code, _, stderr := sh(t, "export", "-report", final, "-o", csvFile, bundle)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(csvFile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(csvFile, bytes.Replace(data, []byte(";20;"), []byte(";tjugo;"), 1), 0o600))
	code, stdout, stderr := sh(t, "import", "-o", report, csvFile, bundle)
	assert.Equal(t, 1, code)
	assert.Equal(t, csvFile+":17:3: rad 17, kolumn C (Resultat): \"tjugo\" är varken ett tal eller ett utfall: skriv ett tal med decimalkomma, som 12,5 eller drygt 300, eller genomfört, delvis genomfört eller ej genomfört\n", stdout)
	assert.Contains(t, stderr, "inget skrevs")
	assert.NoFileExists(t, report)
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no command", nil, 2, "usage:"},
		{"unknown command", []string{"exportera"}, 2, "unknown command \"exportera\""},
		{"no -o", []string{"export", "-period", "1", document}, 2, "-o is required"},
		{"bad language", []string{"export", "-lang", "fi", "-o", "-", document}, 2, "-lang must be sv or en"},
		{"no period", []string{"export", "-o", "-", document}, 2, "give the reporting period with -period N or -period START/END; the calendar of \"Medborgarlöfte 2019\":\n  1  2019-01-01/2019-04-30 (due 2019-05-31)"},
		{"a period not in the calendar", []string{"export", "-period", "4", "-o", "-", document}, 2, "is neither START/END nor a number from 1 to 3"},
		{"a period that is no period", []string{"export", "-period", "2019-01-01/2019-02-30", "-o", "-", document}, 2, "-period 2019-01-01/2019-02-30"},
		{"a date that is none", []string{"export", "-period", "1", "-date", "igår", "-o", "-", document}, 2, "-date"},
		{"an unknown party", []string{"export", "-period", "1", "-party", "Brandkåren", "-o", "-", document}, 2, "\"Brandkåren\" is not a party of the document"},
		{"an unknown report", []string{"export", "-report", "016fe972-9c00-734d-815b-b5be4d7b0000", "-o", "-", bundle}, 2, "no report 016fe972-9c00-734d-815b-b5be4d7b0000 among the files"},
		{"a report and a period", []string{"export", "-report", final, "-period", "1", "-o", "-", bundle}, 2, "give -period and -date only for a new report"},
		{"an unknown citizen promise", []string{"export", "-period", "1", "-citizen-promise", "016fe972-9c00-734d-815b-b5be4d7b0000", "-o", "-", document}, 2, "no citizen promise 016fe972-9c00-734d-815b-b5be4d7b0000"},
		{"import without document", []string{"import", "-o", "-", "x.csv"}, 2, "usage:"},
		{"import from standard input", []string{"import", "-o", "-", "-", document}, 2, "give the sheet as a file"},
		{"a missing sheet", []string{"import", "-o", "-", "saknas.csv", document}, 2, "saknas.csv"},
		{"a missing document", []string{"export", "-period", "1", "-o", "-", "saknas.json"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := sh(t, tc.args...)
			assert.Equal(t, tc.code, code, stdout+stderr)
			assert.Contains(t, stderr, tc.stderr)
		})
	}
}

// An invalid document is reported as the validator reports it, and no
// sheet is written.
func TestExportInvalidDocument(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(document)
	require.NoError(t, err)
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, bytes.Replace(data, []byte(`"2019-02-08"`), []byte(`"2019-02-30"`), 1), 0o600))
	out := filepath.Join(dir, "x.csv")
	code, stdout, _ := sh(t, "export", "-period", "1", "-o", out, bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, bad+":")
	assert.Contains(t, stdout, "är inget riktigt datum")
	assert.NoFileExists(t, out)
}
