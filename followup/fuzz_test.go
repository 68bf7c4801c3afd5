package followup_test

import (
	"encoding/json"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// FuzzEvaluate feeds Evaluate whatever a JSON decoder makes of arbitrary
// bytes, at arbitrary dates: the widget evaluates files fetched from the
// web, so no input may make it panic or produce a share outside [0, 1].
func FuzzEvaluate(f *testing.F) {
	for _, b := range []*followup.Bundle{
		strangnas(strangnasT1(), strangnasT2(), strangnasPage(), strangnasFinal()),
		newGen(3).bundle(1, 4),
	} {
		js, err := json.Marshal(b)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(js, uint16(300))
	}
	f.Add([]byte(`{"document":{"citizenPromises":[{"id":"01a2013e-d988-7de5-bc78-50dc7b123343","period":{"start":"2019-01-01"},"activities":[{"targets":[{"kind":"recurring","every":"week","value":1e308}]}]}]}}`), uint16(10))
	f.Fuzz(func(t *testing.T, data []byte, day uint16) {
		var b followup.Bundle
		if json.Unmarshal(data, &b) != nil {
			return
		}
		at := promise.MustParseDate("2018-01-01").AddDays(int(day % 3000))
		e := followup.Evaluate(&b, at)
		for _, cp := range e.CitizenPromises {
			if cp.Progress < 0 || cp.Progress > 1 {
				t.Fatalf("progress %v", cp.Progress)
			}
			for _, a := range cp.Activities {
				if a.Progress < 0 || a.Progress > 1 {
					t.Fatalf("activity progress %v", a.Progress)
				}
			}
		}
		if _, err := json.Marshal(e); err != nil {
			t.Fatalf("the evaluation does not encode: %v", err)
		}
	})
}
