package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const minimal = "../../testdata/minimal.json"

func badFile(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(minimal)
	require.NoError(t, err)
	bad := strings.Replace(string(data), `"signed": "2019-02-08"`, `"signed": "2019-02-30"`, 1)
	name := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(name, []byte(bad), 0o600))
	return name
}

func TestExitCodesAndLines(t *testing.T) {
	bad := badFile(t)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout []string
	}{
		{"valid", []string{minimal}, "", 0, nil},
		{"invalid", []string{"-lang", "en", bad}, "", 1, []string{bad + ":36:7: /citizenPromises/0/signed: \"2019-02-30\" is not a real date: February 2019 has 28 days"}},
		{"invalid in Swedish", []string{bad}, "", 1, []string{bad + ":36:7: /citizenPromises/0/signed: \"2019-02-30\" är inget riktigt datum"}},
		{"one valid, one invalid", []string{minimal, bad}, "", 1, []string{bad + ":36:7:"}},
		{"standard input", []string{"-lang", "en", "-"}, "[]", 1, []string{"<stdin>:1:1: (root): the file must be a JSON object"}},
		{"byte order mark is a warning", []string{"-lang", "en", "-"}, "\xEF\xBB\xBF" + mustRead(t, minimal), 0, []string{"<stdin>:1:1: (root): warning: the file starts with a byte order mark"}},
		{"missing file", []string{"no-such-file.json"}, "", 2, nil},
		{"a directory", []string{"."}, "", 2, nil},
		{"no files", nil, "", 2, nil},
		{"bad language", []string{"-lang", "de", minimal}, "", 2, nil},
		{"over the size limit", []string{"-max-bytes", "100", minimal}, "", 1, []string{":1:1: (roten): filen är"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code, "stderr: %s", stderr.String())
			for _, want := range tc.stdout {
				assert.Contains(t, stdout.String(), want)
			}
			if tc.code == 2 {
				assert.NotEmpty(t, stderr.String())
			}
		})
	}
}

func TestJSON(t *testing.T) {
	bad := badFile(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"-json", minimal, bad}, nil, &stdout, &stderr)
	require.Equal(t, 1, code)
	var out struct {
		Valid bool `json:"valid"`
		Files []struct {
			File     string `json:"file"`
			Kind     string `json:"kind"`
			Valid    bool   `json:"valid"`
			Problems []struct {
				Line, Column int
				Pointer      string
				Code         string
				Severity     string
				Message      map[string]string
			} `json:"problems"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), stdout.String())
	assert.False(t, out.Valid)
	require.Len(t, out.Files, 2)
	assert.True(t, out.Files[0].Valid)
	assert.Equal(t, "promise-document", out.Files[0].Kind)
	assert.Empty(t, out.Files[0].Problems)
	assert.False(t, out.Files[1].Valid)
	require.Len(t, out.Files[1].Problems, 1)
	p := out.Files[1].Problems[0]
	assert.Equal(t, [2]int{36, 7}, [2]int{p.Line, p.Column})
	assert.Equal(t, "/citizenPromises/0/signed", p.Pointer)
	assert.Equal(t, "structure", p.Code)
	assert.Equal(t, "error", p.Severity)
	assert.NotEmpty(t, p.Message["sv"])
	assert.NotEmpty(t, p.Message["en"])
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

// -json names the kind a file declares even when it is invalid, and lists
// its problems as [], never null, when there are none.
func TestJSONKindAndEmptyProblems(t *testing.T) {
	bad := badFile(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"-json", minimal, bad, "-"}, strings.NewReader(`{"$schema": 5}`), &stdout, &stderr)
	require.Equal(t, 1, code, stderr.String())
	var out struct {
		Files []struct {
			Kind     string            `json:"kind"`
			Valid    bool              `json:"valid"`
			Problems []json.RawMessage `json:"problems"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), stdout.String())
	require.Len(t, out.Files, 3)
	assert.Equal(t, "promise-document", out.Files[0].Kind)
	assert.NotNil(t, out.Files[0].Problems, "problems of a valid file: [], not null")
	assert.Contains(t, stdout.String(), `"problems": []`)
	assert.NotContains(t, stdout.String(), `null`)
	assert.Equal(t, "promise-document", out.Files[1].Kind, "the kind of an invalid file")
	assert.False(t, out.Files[1].Valid)
	assert.Equal(t, "unknown", out.Files[2].Kind)
}

// The problems are printed in the order of the file, the same in every
// run.
func TestProblemsInFileOrder(t *testing.T) {
	data, err := os.ReadFile(minimal)
	require.NoError(t, err)
	var extra strings.Builder
	for i := range 300 {
		fmt.Fprintf(&extra, `"u%03d": 1, `, 299-i)
	}
	in := strings.Replace(string(data), `"signed": "2019-02-08",`, `"signed": "2019-02-08", `+extra.String(), 1)
	var first string
	for i := range 3 {
		var stdout, stderr bytes.Buffer
		require.Equal(t, 1, run([]string{"-lang", "en", "-"}, strings.NewReader(in), &stdout, &stderr))
		if i == 0 {
			first = stdout.String()
			continue
		}
		require.Equal(t, first, stdout.String())
	}
	lines := strings.Split(strings.TrimSpace(first), "\n")
	require.Len(t, lines, 201)
	assert.Contains(t, lines[0], "/citizenPromises/0/u299:")
	assert.Contains(t, lines[199], "/citizenPromises/0/u100:")
	assert.Contains(t, lines[200], "the first 200 problems are shown; there are 100 more")
}

// TestFlagMistakesSaySo: a wrong flag value is told in one line, not only
// by the usage.
func TestFlagMistakesSaySo(t *testing.T) {
	for args, want := range map[string]string{
		"-lang de":      `validate: -lang must be one of sv, en, not "de"`,
		"-max-bytes -1": "validate: -max-bytes must be a positive number of bytes, not -1",
	} {
		var stdout, stderr bytes.Buffer
		code := run(append(strings.Fields(args), minimal), nil, &stdout, &stderr)
		assert.Equal(t, 2, code, args)
		assert.Equal(t, want+"\n", stderr.String(), args)
	}
}
