package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/schema/internal/jsonscan"
)

// The lenient decoding gives what encoding/json gives on a valid file: the
// model's checks see the file as it is.
func TestLenientMatchesEncodingJSON(t *testing.T) {
	examples, _ := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	bundles, _ := filepath.Glob(filepath.Join("..", "examples", "data", "bundles", "*.json"))
	var files [][]byte
	for _, name := range slices.Concat(examples, bundles) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		files = append(files, data)
	}
	for _, b := range synthetic.Generate(synthetic.Options{Seed: 2})[:3] {
		data, err := json.Marshal(b)
		require.NoError(t, err)
		files = append(files, data)
	}
	for i, data := range files {
		kind := KindOf(data)
		require.NotEqual(t, Unknown, kind, "file %d", i)
		want, target := newFile(kind)
		require.NoError(t, json.Unmarshal(data, target))
		tree, ix, err := jsonscan.ParseIndexed(data, jsonscan.Limits{})
		require.NoError(t, err)
		normalizeNumbers(tree)
		d := &decoder{data: data, body: data, tree: tree, ix: ix, horizon: -1}
		got, target := newFile(kind)
		l := lenient{d: d}
		l.value(reflect.ValueOf(target).Elem(), tree, nil, ix.RootOffset())
		require.Equal(t, want, got, "file %d", i)
		require.Empty(t, d.found, "file %d", i)
	}
}
