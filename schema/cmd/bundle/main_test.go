package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const example = "../../../examples/data/bundles/strangnas-2019.json"

// files writes the Strängnäs 2019 bundle's document and reports as
// separate files in dir and returns their names.
func files(t *testing.T, dir string) (doc string, reports []string) {
	t.Helper()
	data, err := os.ReadFile(example)
	require.NoError(t, err)
	var b struct {
		Document json.RawMessage   `json:"document"`
		Reports  []json.RawMessage `json:"reports"`
	}
	require.NoError(t, json.Unmarshal(data, &b))
	write := func(name string, raw []byte) string {
		var out bytes.Buffer
		require.NoError(t, json.Indent(&out, raw, "", "  "))
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, out.Bytes(), 0o600))
		return path
	}
	doc = write("dokument.json", b.Document)
	for i, r := range b.Reports {
		reports = append(reports, write("rapport"+string(rune('1'+i))+".json", r))
	}
	return doc, reports
}

func TestBundleWritesTheExample(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	out := filepath.Join(dir, "samling.json")
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-o", out, doc}, reports...), nil, &stdout, &stderr)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout.String(), stderr.String())
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "löftesdokumentet och 4 rapporter")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile(example)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	assertNoTemp(t, dir)
}

// The bundle may be one of its own inputs: a new report is added in place,
// and the file keeps its permissions.
func TestBundleInPlace(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	out := filepath.Join(dir, "samling.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", out, doc, reports[0], reports[1], reports[2]}, nil, &stdout, &stderr), stderr.String())
	require.NoError(t, os.Chmod(out, 0o640))
	require.Equal(t, 0, run([]string{"-lang", "en", "-o", out, out, reports[3]}, nil, &stdout, &stderr), stderr.String())
	assert.Contains(t, stderr.String(), "the promise document and 4 reports")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile(example)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	assertNoTemp(t, dir)
}

func TestBundleToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	reportData, err := os.ReadFile(reports[0])
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	code := run([]string{"-o", "-", doc, "-"}, bytes.NewReader(reportData), &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.True(t, strings.HasPrefix(stdout.String(), "{\n  \"$schema\": \"https://medborgarlofte.se/schema/1/bundle.schema.json\""))
	assert.Contains(t, stdout.String(), `"reports": [`)
}

// A warning (the same report twice) is printed, and the bundle written.
func TestBundleSameReportTwice(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	out := filepath.Join(dir, "samling.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-lang", "en", "-o", out, doc, reports[0], reports[0]}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, reports[0]+":4:3: /id: warning: report 016ab8c9-e400-7651-8ce7-a36c2d9d9538 is also in "+reports[0]+":4:3, with the same content: it is kept once\n", stdout.String())
	assert.FileExists(t, out)
}

// Every refusal: the exit status, the problem line, and the bundle left as
// it was (absent, or the old one), with no temporary file left behind.
func TestBundleRefusals(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	edit := func(src, name, old, new string) string {
		t.Helper()
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.Contains(t, string(data), old)
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o600))
		return path
	}
	otherCP := edit(reports[0], "annat.json", `"citizenPromiseId": "01a2013e-d988-7de5-bc78-50dc7b123343"`, `"citizenPromiseId": "01a2013e-d988-7de5-bc78-50dc7b999999"`)
	changed := edit(reports[0], "andrad.json", `"date": "2019-05-15"`, `"date": "2019-05-16"`)
	otherDoc := edit(doc, "dokument2.json", `"id": "01a2013e-d988-7ad5-9001-8df0a79ed619"`, `"id": "01a2013e-d988-7ad5-9001-8df0a79e0000"`)
	invalid := edit(reports[0], "ogiltig.json", `"date": "2019-05-15"`, `"date": "2019-05-32"`)
	old := []byte("the old bundle\n")

	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // a line that must be printed
		stderr string
	}{
		{name: "an invalid report", args: []string{doc, invalid}, code: 1, stdout: invalid + ":14:3: /date: \"2019-05-32\" är inget riktigt datum"},
		{name: "a report on another citizen promise", args: []string{"-lang", "en", doc, otherCP}, code: 1, stdout: otherCP + ":5:3: /citizenPromiseId: citizenPromiseId 01a2013e-d988-7de5-bc78-50dc7b999999 names no citizen promise of the document"},
		{name: "one id, two reports", args: []string{"-lang", "en", doc, reports[0], changed}, code: 1, stdout: changed + ":4:3: /id: report 016ab8c9-e400-7651-8ce7-a36c2d9d9538 is also in " + reports[0] + ":4:3, with different content"},
		{name: "no document", args: []string{reports[0], reports[1]}, code: 1, stdout: reports[0] + ":1:1: (roten): inget löftesdokument"},
		{name: "two different documents", args: []string{"-lang", "en", doc, otherDoc}, code: 1, stdout: otherDoc + ":4:3: /id: a second promise document, different from the one in " + doc},
		{name: "the same document twice is kept once", args: []string{"-lang", "en", doc, "-"}, stdin: mustRead(t, example), code: 0, stdout: "<stdin>:4:3: /document: warning: the same promise document as in " + doc + ":4:3"},
		{name: "not JSON on standard input", args: []string{doc, "-"}, stdin: "{", code: 1, stdout: "<stdin>:1:2:"},
		{name: "missing file", args: []string{doc, filepath.Join(dir, "saknas.json")}, code: 2, stderr: "saknas.json"},
		{name: "a directory", args: []string{doc, dir}, code: 2, stderr: "is a directory"},
		{name: "standard input twice", args: []string{doc, "-", "-"}, stdin: "{}", code: 2, stderr: "standard input can be read once"},
		{name: "over the size limit", args: []string{"-max-bytes", "1000", doc}, code: 1, stdout: "dokument.json:1:1: (roten): filen är"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "samling.json")
			require.NoError(t, os.WriteFile(out, old, 0o644))
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"-o", out}, tc.args...), strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code, "stdout: %s\nstderr: %s", stdout.String(), stderr.String())
			assert.Contains(t, stdout.String(), tc.stdout)
			assert.Contains(t, stderr.String(), tc.stderr)
			if code != 0 {
				got, err := os.ReadFile(out)
				require.NoError(t, err)
				assert.Equal(t, string(old), string(got), "the old bundle is left as it was")
				assert.NotEmpty(t, stderr.String())
			}
			assertNoTemp(t, filepath.Dir(out))
		})
	}
}

// -replace puts a corrected report in place of the old one.
func TestBundleReplace(t *testing.T) {
	dir := t.TempDir()
	doc, reports := files(t, dir)
	out := filepath.Join(dir, "samling.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", out, doc, reports[0]}, nil, &stdout, &stderr), stderr.String())
	data, err := os.ReadFile(reports[0])
	require.NoError(t, err)
	corrected := filepath.Join(dir, "rattad.json")
	require.NoError(t, os.WriteFile(corrected, bytes.Replace(data, []byte(`"date": "2019-05-15"`), []byte(`"date": "2019-05-16"`), 1), 0o600))
	stdout.Reset()
	require.Equal(t, 1, run([]string{"-o", out, out, corrected}, nil, &stdout, &stderr))
	stdout.Reset()
	require.Equal(t, 0, run([]string{"-replace", "-lang", "en", "-o", out, out, corrected}, nil, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), corrected+":4:3: /id: warning: report 016ab8c9-e400-7651-8ce7-a36c2d9d9538 replaces the one with the same id in "+out)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"date": "2019-05-16"`)
	assert.NotContains(t, string(got), `"date": "2019-05-15"`)
}

func TestBundleUsage(t *testing.T) {
	dir := t.TempDir()
	doc, _ := files(t, dir)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no -o", []string{doc}, "-o is required"},
		{"no files", []string{"-o", filepath.Join(dir, "x.json")}, "usage:"},
		{"bad language", []string{"-lang", "de", "-o", filepath.Join(dir, "x.json"), doc}, "-lang must be sv or en"},
		{"bad limit", []string{"-max-bytes", "0", "-o", filepath.Join(dir, "x.json"), doc}, "-max-bytes must be positive"},
		{"unknown flag", []string{"-x"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, 2, run(tc.args, nil, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tc.stderr)
			assert.NoFileExists(t, filepath.Join(dir, "x.json"))
		})
	}
}

// Where the bundle cannot be written, the status is 2, nothing is left
// behind, and a bundle that was there is unchanged.
func TestBundleWriteFailures(t *testing.T) {
	dir := t.TempDir()
	doc, _ := files(t, dir)
	t.Run("OUT is a directory", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "samling.json")
		require.NoError(t, os.Mkdir(out, 0o755))
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run([]string{"-o", out, doc}, nil, &stdout, &stderr))
		assert.Contains(t, stderr.String(), "is a directory")
		assertNoTemp(t, filepath.Dir(out))
	})
	t.Run("no such directory", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "saknas", "samling.json")
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run([]string{"-o", out, doc}, nil, &stdout, &stderr))
		assert.NotEmpty(t, stderr.String())
		assert.NoFileExists(t, out)
	})
	t.Run("a read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into read-only directories")
		}
		ro := t.TempDir()
		out := filepath.Join(ro, "samling.json")
		require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
		require.NoError(t, os.Chmod(ro, 0o555))
		t.Cleanup(func() { os.Chmod(ro, 0o755) })
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run([]string{"-o", out, doc}, nil, &stdout, &stderr))
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, "old", string(got))
		assertNoTemp(t, ro)
	})
}

// A write that fails half-way leaves the old file as it was.
func TestWriteAtomicFailsHalfway(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "samling.json")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
	err := writeAtomic(out, func(w io.Writer) error {
		if _, err := w.Write([]byte(`{"$schema": "https://medb`)); err != nil {
			return err
		}
		return errors.New("disk full")
	})
	require.EqualError(t, err, "disk full")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got))
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "temporary file left behind: %s", e.Name())
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}
