package view_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func strangnas(t *testing.T) *followup.Bundle {
	t.Helper()
	data, err := os.ReadFile("../../examples/data/bundles/strangnas-2019.json")
	require.NoError(t, err)
	f, problems := schema.Decode(data, schema.Options{})
	require.Empty(t, problems)
	require.NotNil(t, f.Bundle)
	return f.Bundle
}

// TestGolden builds the page of the Strängnäs 2019 bundle in September
// (two illustrative interim reports) and after the final report, in
// Swedish and English, and compares the tree, as JSON, with testdata.
// Run with -update after a deliberate change and read the diff.
func TestGolden(t *testing.T) {
	b := strangnas(t)
	for _, at := range []string{"2019-09-20", "2020-01-31"} {
		e := followup.Evaluate(b, promise.MustParseDate(at))
		for _, lang := range []string{"sv", "en"} {
			name := "strangnas-2019." + at + "." + lang + ".json"
			t.Run(name, func(t *testing.T) {
				p := view.BuildReport(b, e, lang)
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "\t")
				require.NoError(t, enc.Encode(p))
				path := filepath.Join("testdata", name)
				if *update {
					require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test ./followup/view -update to create it")
				assert.Equal(t, string(want), buf.String())
			})
		}
	}
}
