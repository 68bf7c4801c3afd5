package schema_test

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// hostile is a file with a mistake repeated as often as it fits in about
// size bytes.
type hostile struct {
	name string
	// make returns the file: minimal with one part replaced by n copies
	// of a mistake.
	make func(t testing.TB, n int) string
	// per is about the bytes each copy takes.
	per int
}

const partyIDs = `"partyIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002", "0193a1c2-7d4e-7f00-8a3b-000000000003"]`

var hostiles = []hostile{
	{"ids that are not UUIDs", func(t testing.TB, n int) string {
		return many(t, partyIDs, `"partyIds": [`, "]", n, func(i int) string { return fmt.Sprintf(`"x%d"`, i) })
	}, 9},
	{"nulls", func(t testing.TB, n int) string {
		return many(t, partyIDs, `"partyIds": [`, "]", n, func(int) string { return "null" })
	}, 6},
	{"unknown properties", func(t testing.TB, n int) string {
		return many(t, `"signed": "2019-02-08",`, `"signed": "2019-02-08", `, ",", n, func(i int) string { return fmt.Sprintf(`"u%07d": 1`, i) })
	}, 14},
	{"references to nothing", func(t testing.TB, n int) string {
		return many(t, partyIDs, `"partyIds": [`, "]", n, func(i int) string { return fmt.Sprintf(`"0193a1c2-7d4e-7f00-8a3b-1%011d"`, i) })
	}, 40},
	{"places of no kind", func(t testing.TB, n int) string {
		return many(t, `"places": [`, `"places": [`, ",", n, func(i int) string { return fmt.Sprintf(`{"id": "x%d", "kind": "square"}`, i) })
	}, 32},
	{"language keys that are no language", func(t testing.TB, n int) string {
		return many(t, `"title": {"sv": "Medborgarlöfte 2019", "en": "Citizen promise 2019"}`, `"title": {"sv": "x", `, "}", n, func(i int) string { return fmt.Sprintf(`"L%d": "x"`, i) })
	}, 11},
	{"numbers of many digits", func(t testing.TB, n int) string {
		return many(t, partyIDs, `"partyIds": [`, "]", n, func(int) string { return "0." + strings.Repeat("1", 400) })
	}, 404},
	{"numbers with huge exponents", func(t testing.TB, n int) string {
		return many(t, partyIDs, `"partyIds": [`, "]", n, func(i int) string { return fmt.Sprintf("1e-%d", 99000+i%999) })
	}, 10},
}

// many returns minimal with old replaced by prefix, n items joined by
// commas, and suffix.
func many(t testing.TB, old, prefix, suffix string, n int, item func(int) string) string {
	in := minimal(t)
	require.Contains(t, in, old)
	var b strings.Builder
	b.WriteString(prefix)
	for k := range n {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item(k))
	}
	b.WriteString(suffix)
	return strings.Replace(in, old, b.String(), 1)
}

// TestDecodeCostBounded checks that a file of one mistake repeated costs
// memory in proportion to its size with a small constant, however many
// problems it holds: at most 64 bytes allocated per byte of input, plus
// about 100 MB for the 10,000 problems after which decoding stops; and
// (without the race detector, whose noise is larger than small files)
// decoding a file three times as large allocates at most 64 bytes more per
// byte added. Allocation is counted, not time, which does not depend on
// how busy the machine is. Before the validator bounded its work, each
// byte of bad ids cost about 2,300 bytes.
func TestDecodeCostBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes files of a few megabytes")
	}
	size := 1 << 20
	if raceEnabled {
		// Each file reaches the 10,000 problems after which decoding
		// stops, slow under the race detector: smaller files, and only
		// the first three shapes.
		size = 128 << 10
	}
	for i, h := range hostiles {
		t.Run(h.name, func(t *testing.T) {
			if raceEnabled && i >= 3 {
				t.Skip("with the race detector, only the first three shapes")
			}
			small, smallAlloc := decodeAllocs(t, h, size)
			large, largeAlloc := decodeAllocs(t, h, 3*size)
			// The model's checks cost about 1,300 bytes for each broken
			// reference (40 bytes of input): their share is the largest.
			const perByte, fixed = 64, 100 << 20
			assert.Less(t, largeAlloc, perByte*int64(large)+fixed, "bytes allocated for %d bytes", large)
			marginal := float64(largeAlloc-smallAlloc) / float64(large-small)
			t.Logf("%d and %d bytes: %d and %d bytes allocated, %.1f per byte added", small, large, smallAlloc, largeAlloc, marginal)
			if !raceEnabled {
				assert.Less(t, marginal, float64(perByte), "bytes allocated per byte added")
			}
		})
	}
}

// decodeAllocs decodes the hostile file of about size bytes and returns its
// size and the bytes Decode allocated.
func decodeAllocs(t *testing.T, h hostile, size int) (int, int64) {
	data := []byte(h.make(t, size/h.per))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, problems := schema.Decode(data, schema.Options{})
	runtime.ReadMemStats(&after)
	require.True(t, problems.Invalid())
	require.LessOrEqual(t, len(problems), schema.MaxProblems+1)
	return len(data), int64(after.TotalAlloc - before.TotalAlloc)
}

// BenchmarkDecodeHostile reports the time and memory of decoding each
// hostile file of 4 MB, per byte of input.
func BenchmarkDecodeHostile(b *testing.B) {
	const size = 4 << 20
	for _, h := range hostiles {
		b.Run(strings.ReplaceAll(h.name, " ", "-"), func(b *testing.B) {
			data := []byte(h.make(b, size/h.per))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				schema.Decode(data, schema.Options{})
			}
		})
	}
}

// The problems are the first MaxProblems in the order of the file, and the
// same in every run: 300 unknown properties used to give five different
// selections in five runs.
func TestDecodeFirstProblemsInFileOrder(t *testing.T) {
	for _, n := range []int{210, 300, 5000} {
		in := many(t, `"signed": "2019-02-08",`, `"signed": "2019-02-08", `, ",", n, func(i int) string { return fmt.Sprintf(`"u%05d": 1`, n-i) })
		var first schema.Problems
		for run := range 5 {
			_, problems := schema.Decode([]byte(in), schema.Options{})
			require.Len(t, problems, schema.MaxProblems+1)
			if run == 0 {
				first = problems
				continue
			}
			require.Equal(t, first, problems, "run %d", run)
		}
		for i, p := range first[:schema.MaxProblems] {
			// Written from u{n} down: the first in the file is u{n}.
			assert.Equal(t, fmt.Sprintf("/citizenPromises/0/u%05d", n-i), p.Pointer)
		}
		assert.True(t, slices.IsSortedFunc(first[:schema.MaxProblems], func(a, b schema.Problem) int { return a.Offset - b.Offset }))
		assert.Contains(t, first[schema.MaxProblems].Message["en"], "there are "+string(words.AppendNumber(nil, float64(n-schema.MaxProblems), 0, "en"))+" more")
	}
}

// Past 10,000 problems the validator stops looking: the problems shown are
// still the first ones, and the count of the rest says it is a lower
// bound.
func TestDecodeStopsCounting(t *testing.T) {
	in := hostiles[0].make(t, 30000)
	_, problems := schema.Decode([]byte(in), schema.Options{})
	require.Len(t, problems, schema.MaxProblems+1)
	for i, p := range problems[:schema.MaxProblems] {
		assert.Equal(t, fmt.Sprintf("/citizenPromises/0/partyIds/%d", i), p.Pointer)
	}
	last := problems[schema.MaxProblems]
	assert.Equal(t, schema.CodeTooMany, last.Code)
	assert.Contains(t, last.Message["en"], "at least 9,800 more")
	assert.Contains(t, last.Message["sv"], "minst 9800 till")
}

// Past 10,000 problems the model's checks do not run (millions of empty
// entities could cost more than all the rest), and the last problem says
// so.
func TestDecodeStopsBeforeTheModel(t *testing.T) {
	in := hostiles[1].make(t, 30000)
	in = strings.Replace(in, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-000000000011"]`, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`, 1)
	_, problems := schema.Decode([]byte(in), schema.Options{})
	require.Len(t, problems, schema.MaxProblems+1)
	for _, p := range problems {
		assert.Contains(t, []schema.Code{schema.CodeStructure, schema.CodeTooMany}, p.Code, p.Error())
	}
	assert.Contains(t, problems[schema.MaxProblems].Message["en"], "before the references, dates and targets were checked")
}
