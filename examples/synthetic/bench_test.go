package synthetic_test

import (
	"encoding/json"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/followup"
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

// timed returns how long f takes, after a garbage collection: the garbage
// of the previous phase is not charged to f.
func timed(f func()) time.Duration {
	runtime.GC()
	t := time.Now()
	f()
	return time.Since(t)
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
		plain += timed(func() { unmarshalAny(b, files) })
		decode += timed(func() { decodeAll(b, files) })
		n++
	}
	mb := float64(size) / 1e6 * float64(n)
	b.ReportMetric(mb/decode.Seconds(), "decode-MB/s")
	b.ReportMetric(mb/plain.Seconds(), "unmarshal-MB/s")
	b.ReportMetric(float64(decode)/float64(plain), "x-unmarshal")
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkEvaluateNational measures followup.Evaluate over every bundle of
// the national data set at the last day of the data, next to the
// schema.Decode of the same bundles, alternately in every iteration. It
// reports eval-share, the evaluation's time as a share of the decoding's
// (the goal is under 0.25), and the time per activity.
func BenchmarkEvaluateNational(b *testing.B) {
	files, _ := national(b)
	at := synthetic.Options{}.AsOf()
	bundles := make([]*followup.Bundle, len(files))
	activities := 0
	for i, f := range files {
		file, problems := schema.Decode(f, schema.Options{})
		if problems.Invalid() {
			b.Fatal(problems)
		}
		bundles[i] = file.Bundle
		for _, cp := range file.Bundle.Document.CitizenPromises {
			activities += len(cp.Activities)
		}
	}
	var decode, eval time.Duration
	n := 0
	for b.Loop() {
		decode += timed(func() { decodeAll(b, files) })
		eval += timed(func() {
			for _, bu := range bundles {
				if e := followup.Evaluate(bu, at); len(e.CitizenPromises) == 0 {
					b.Fatal("no citizen promise evaluated")
				}
			}
		})
		n++
	}
	b.ReportMetric(float64(eval)/float64(decode), "eval-share")
	b.ReportMetric(float64(eval.Nanoseconds())/float64(n*activities), "eval-ns/activity")
}

// merged returns the national data of opt as one bundle: every document
// merged into one, with every report. Evaluating it shows how the
// evaluation of one bundle grows with its size.
func merged(opt synthetic.Options) (*followup.Bundle, int) {
	bundles := synthetic.Generate(opt)
	b := &followup.Bundle{Schema: synthetic.BundleSchema, SchemaVersion: "1.0", Document: synthetic.Merge(bundles)}
	for _, bu := range bundles {
		b.Reports = append(b.Reports, bu.Reports...)
	}
	activities := 0
	for _, cp := range b.Document.CitizenPromises {
		activities += len(cp.Activities)
	}
	return b, activities
}

// BenchmarkEvaluateGrowth evaluates the national data as one bundle at 1×
// and at 4× its size (four copies of the country in one document),
// alternately in every iteration, and reports x-time, the ratio of the two
// times (the goal is linear growth: about 4), and the time per activity of
// each.
func BenchmarkEvaluateGrowth(b *testing.B) {
	one, n1 := merged(synthetic.Options{})
	four, n4 := merged(synthetic.Options{Scale: 4})
	at := synthetic.Options{}.AsOf()
	var t1, t4 time.Duration
	n := 0
	for b.Loop() {
		t1 += timed(func() { followup.Evaluate(one, at) })
		t4 += timed(func() { followup.Evaluate(four, at) })
		n++
	}
	b.ReportMetric(float64(t4)/float64(t1), "x-time")
	b.ReportMetric(float64(n4)/float64(n1), "x-activities")
	b.ReportMetric(float64(t1.Nanoseconds())/float64(n*n1), "ns/activity-1x")
	b.ReportMetric(float64(t4.Nanoseconds())/float64(n*n4), "ns/activity-4x")
}
