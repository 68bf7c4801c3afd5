package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogsHaveTheSameKeys: a language is complete only when it has
// every key of every other.
func TestCatalogsHaveTheSameKeys(t *testing.T) {
	for _, a := range catalogs {
		for _, b := range catalogs {
			for k := range a.c {
				_, ok := b.c[k]
				assert.True(t, ok, "%q is in the %s catalog but not in the %s one", k, a.lang, b.lang)
			}
		}
	}
}

// TestCatalogsHaveTheSameVerbs: a template and its translation take the
// same arguments.
func TestCatalogsHaveTheSameVerbs(t *testing.T) {
	verbs := func(s string) int { return strings.Count(s, "%") - 2*strings.Count(s, "%%") }
	for k, sv := range swedish {
		for _, c := range catalogs[1:] {
			assert.Equal(t, verbs(sv), verbs(c.c[k]), "%q: %q against %q", k, sv, c.c[k])
		}
	}
}

// TestEveryKeyUsedExists walks the module's Go code for keys given as
// literals (words.Key("…"), words.M("…", …), phrase("…")) and checks that
// the catalog has each, so that no text falls back to its key.
func TestEveryKeyUsedExists(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	found := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			if name != "Key" && name != "M" && name != "phrase" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			k, _ := strconv.Unquote(lit.Value)
			if strings.HasSuffix(k, ".") {
				return true // a prefix, completed at run time
			}
			found++
			_, ok = swedish[Key(k)]
			assert.True(t, ok, "%s: key %q is not in the catalog", fset.Position(lit.Pos()), k)
			return true
		})
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, found, 100, "the walk found the keys the code uses")
}

func TestAppendNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		lang string
		want string
	}{
		{12000, 2, "sv", "12\u00a0000"},
		{1200, 2, "sv", "1200"},
		{12000, 2, "en", "12,000"},
		{1200, 2, "en", "1,200"},
		{0.775, 2, "sv", "0,78"},
		{2.70, 2, "sv", "2,7"},
		{-3.5, 2, "en", "-3.5"},
		{3.5, 0, "en", "4"},
		{12000, 2, "en-GB", "12,000"},
		{12000, 2, "fi", "12\u00a0000"},
	} {
		assert.Equal(t, tc.want, string(AppendNumber(nil, tc.v, tc.dec, tc.lang)), "AppendNumber(%v, %d, %s)", tc.v, tc.dec, tc.lang)
	}
	// The largest floats print as their digits, never as +Inf.
	got := string(AppendNumber(nil, 1e308, 2, "en"))
	assert.NotContains(t, got, "Inf")
	assert.True(t, strings.HasPrefix(got, "100,000,000,000,000,00"), got)
}

func TestFormatters(t *testing.T) {
	assert.Equal(t, "58\u00a0%", string(AppendShare(nil, 0.58, "sv")))
	assert.Equal(t, "58%", string(AppendShare(nil, 0.58, "en")))
	assert.Equal(t, "A, B och C", M("followup.of", List{"A", "B", "C"}).In("sv")[:10])
	assert.Equal(t, "A and B", string(List{"A", "B"}.AppendIn(nil, "en")))
	assert.Equal(t, "1 aktivitet", string(Count{1, "noun.activity"}.AppendIn(nil, "sv")))
	assert.Equal(t, "3 activities", string(Count{3, "noun.activity"}.AppendIn(nil, "en")))
	assert.Equal(t, "8 februari 2019", string(AppendLongDate(nil, 2019, time.February, 8, "sv")))
	assert.Equal(t, "8 February 2019", string(AppendLongDate(nil, 2019, time.February, 8, "en")))
	assert.Equal(t, "oktober 2018", string(AppendLongDate(nil, 2018, time.October, 0, "sv")))
	assert.Equal(t, "2019", string(AppendLongDate(nil, 2019, 0, 0, "en")))
	assert.Equal(t, "Uppfyllt", Key("status.achieved").In("sv"))
	assert.Equal(t, "Achieved", Key("status.achieved").In("en-GB"))
	assert.Equal(t, "Uppfyllt", Key("status.achieved").In("fi"), "a language without a catalog gets Swedish")
	assert.Equal(t, "en", Lang("EN-gb"))
	assert.Equal(t, "sv", Lang(""))
	assert.Equal(t, []string{"sv", "en"}, Languages())
	assert.True(t, slices.Contains(Languages(), Default))
	assert.Equal(t, `"x" 50%`, string(Fill(nil, "%q %s%%", "en", []any{"x", 50})))
	assert.Equal(t, "%s", string(Fill(nil, "%s", "en", nil)), "a missing argument leaves its verb")
}
