package synthetic_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

var (
	nationalOnce  sync.Once
	nationalFiles [][]byte
	nationalBytes int64
)

// national returns the default national data set as the files the
// generate command writes: one indented bundle per municipality.
func national(b *testing.B) ([][]byte, int64) {
	nationalOnce.Do(func() {
		for _, bu := range synthetic.Generate(synthetic.Options{}) {
			data, err := json.MarshalIndent(bu, "", "  ")
			if err != nil {
				b.Fatal(err)
			}
			nationalFiles = append(nationalFiles, data)
			nationalBytes += int64(len(data))
		}
	})
	return nationalFiles, nationalBytes
}

func unmarshalAny(b *testing.B, files [][]byte) {
	for _, f := range files {
		var v any
		if err := json.Unmarshal(f, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func decodeAll(b *testing.B, files [][]byte) {
	for _, f := range files {
		if _, problems := schema.Decode(f, schema.Options{}); problems.Invalid() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkDecodeNational measures schema.Decode (strict scan, JSON Schema,
// typed decoding and the invariants of every document and report) on the
// national data set, next to a plain encoding/json unmarshal of the same
// bytes into any. Both run in every iteration, alternately, so that the
// ratio is measured under the same conditions on a shared machine. It
// reports the throughput of each and the ratio of their times
// (x-unmarshal; the goal is at most 3).
func BenchmarkDecodeNational(b *testing.B) {
	files, size := national(b)
	var plain, decode time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		unmarshalAny(b, files)
		t1 := time.Now()
		decodeAll(b, files)
		decode += time.Since(t1)
		plain += t1.Sub(t0)
		n++
	}
	mb := float64(size) / 1e6 * float64(n)
	b.ReportMetric(mb/decode.Seconds(), "decode-MB/s")
	b.ReportMetric(mb/plain.Seconds(), "unmarshal-MB/s")
	b.ReportMetric(float64(decode)/float64(plain), "x-unmarshal")
	b.ReportMetric(float64(size), "bytes")
}
