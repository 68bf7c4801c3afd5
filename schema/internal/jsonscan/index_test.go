package jsonscan

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkIndex checks that ParseIndexed returns what Parse returns, and that
// its index agrees with Locate on every value, lists every object's keys in
// the order written and counts every container's values.
func checkIndex(t *testing.T, data []byte) {
	t.Helper()
	want, werr := Parse(data, Limits{})
	v, ix, err := ParseIndexed(data, Limits{})
	require.Equal(t, werr, err)
	if err != nil {
		require.Nil(t, ix)
		return
	}
	require.Equal(t, want, v)
	off, ok := ix.Offset(v, "")
	loff, lok := Locate(data, "")
	require.Equal(t, [2]any{loff, lok}, [2]any{off, ok}, "root")
	walk(v, "", func(ptr string, _ bool, _ any) bool {
		off, ok := ix.Offset(v, ptr)
		loff, lok := Locate(data, ptr)
		require.True(t, ok, "Offset(%q)", ptr)
		require.Equal(t, loff, off, "Offset(%q)", ptr)
		require.True(t, lok)
		return true
	})
	var count func(v any) int
	count = func(v any) int {
		n := 1
		switch v := v.(type) {
		case map[string]any:
			keys, offs := ix.Members(v)
			require.Len(t, keys, len(v))
			require.True(t, slices.IsSorted(offs), "keys in the order written")
			for _, k := range keys {
				n += count(v[k])
			}
		case []any:
			if len(v) > 0 {
				require.Len(t, ix.Elements(v), len(v))
			}
			for _, e := range v {
				n += count(e)
			}
		}
		require.Equal(t, n, ix.Size(v))
		return n
	}
	count(v)
}

func TestParseIndexed(t *testing.T) {
	for _, s := range append(append([]string{locateDoc[:strings.Index(locateDoc, `"dup": 2`)-4] + "}"}, validInputs...), invalidSeeds...) {
		checkIndex(t, []byte(s))
	}
	checkIndex(t, genDocument(64<<10))
}

func TestIndexOffsetMissing(t *testing.T) {
	data := []byte(`{"a": [1, {"b": 2}], "c": {}}`)
	v, ix, err := ParseIndexed(data, Limits{})
	require.NoError(t, err)
	for _, ptr := range []string{"/x", "/a/2", "/a/-", "/a/01", "/a/1/b/c", "/c/d", "a", "/a/1/c", "/a/~2"} {
		_, ok := ix.Offset(v, ptr)
		assert.False(t, ok, "Offset(%q)", ptr)
	}
}

// A key is found in a large object with a map, in a small one by a scan:
// both give the first member's offset.
func TestIndexLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"k` + strings.Repeat("x", i) + `": ` + "1")
	}
	b.WriteString("}")
	checkIndex(t, []byte(b.String()))
}

func FuzzIndex(f *testing.F) {
	for _, s := range validInputs {
		f.Add([]byte(s))
	}
	for _, s := range invalidSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkIndex(t, data) })
}

func TestPositionsMatchPosition(t *testing.T) {
	inputs := []string{"a\r\nb\rc\nd", "åäö\n😀x", "\r", "\xff\n\xc3", "", "x\n\n\r\r\n\xe2\x82"}
	inputs = append(inputs, string(genDocument(8<<10)))
	r := rand.New(rand.NewPCG(1, 1))
	for _, s := range inputs {
		data := []byte(s)
		var offs []int
		for range 50 {
			offs = append(offs, r.IntN(len(data)+3)-1)
		}
		checkPositions(t, data, offs)
	}
}

func checkPositions(t *testing.T, data []byte, offs []int) {
	t.Helper()
	lines, cols := Positions(data, offs)
	for i, off := range offs {
		l, c := Position(data, off)
		require.Equal(t, [2]int{l, c}, [2]int{lines[i], cols[i]}, "Positions at %d of %q", off, data)
	}
}

func FuzzPositions(f *testing.F) {
	f.Add([]byte("a\r\nb\rc\nd"), 3, 5, 1)
	f.Add([]byte("åäö\n😀x"), 9, 2, 5)
	f.Add([]byte("\xff\n\xc3"), -1, 1, 8)
	f.Fuzz(func(t *testing.T, data []byte, a, b, c int) {
		checkPositions(t, data, []int{a, b, c})
	})
}
