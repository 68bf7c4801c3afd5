package followup_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// BenchmarkEvaluate decodes and evaluates generated bundles of 1×, 2× and
// 4× a county's worth of citizen promises (25 citizen promises of 8
// activities, one to three years each, tertial reports with narratives)
// and reports:
//
//   - eval-ns/activity: evaluation time per activity, history included;
//     flat when evaluation grows linearly with the data;
//   - eval/decode: evaluation time as a share of decoding the same JSON
//     into a Bundle with encoding/json (the goal is under 0.25 of the
//     decoding the tools do, schema.Decode, which is slower still).
//
// Each iteration decodes and then evaluates, so that both are measured
// under the same conditions on a shared machine.
func BenchmarkEvaluate(b *testing.B) {
	at := promise.MustParseDate("2021-06-30")
	for _, scale := range []int{1, 2, 4} {
		bundle := newGen(42).bundle(25*scale, 8)
		js, err := json.Marshal(bundle)
		if err != nil {
			b.Fatal(err)
		}
		activities := 0
		for _, cp := range bundle.Document.CitizenPromises {
			activities += len(cp.Activities)
		}
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(len(js)))
			var decode, eval time.Duration
			for b.Loop() {
				t0 := time.Now()
				var x followup.Bundle
				if err := json.Unmarshal(js, &x); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				followup.Evaluate(&x, at)
				eval += time.Since(t1)
				decode += t1.Sub(t0)
			}
			b.ReportMetric(float64(eval.Nanoseconds())/float64(b.N)/float64(activities), "eval-ns/activity")
			b.ReportMetric(float64(eval)/float64(decode), "eval/decode")
		})
	}
}
