package synthetic

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// national returns the default data set for a seed, and its encoding,
// made once per test binary: the tests share them.
var national, nationalJSON = func() (func(int64) []followup.Bundle, func(testing.TB, int64) []byte) {
	var mu sync.Mutex
	bundles := map[int64][]followup.Bundle{}
	encoded := map[int64][]byte{}
	get := func(seed int64) []followup.Bundle {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := bundles[seed]; !ok {
			bundles[seed] = Generate(Options{Seed: seed})
		}
		return bundles[seed]
	}
	enc := func(t testing.TB, seed int64) []byte {
		bs := get(seed)
		mu.Lock()
		defer mu.Unlock()
		if _, ok := encoded[seed]; !ok {
			encoded[seed] = encode(t, bs)
		}
		return encoded[seed]
	}
	return get, enc
}()

// encode writes bundles as the command does: indented with two spaces,
// one file each.
func encode(t testing.TB, bundles []followup.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	for i := range bundles {
		if err := enc.Encode(&bundles[i]); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestGenerateValid(t *testing.T) {
	for _, seed := range []int64{0, 1, 2} {
		bundles := national(seed)
		if len(bundles) < 200 || len(bundles) > 290 {
			t.Errorf("seed %d: %d bundles, want one per municipality or joint police area (200 to 290)", seed, len(bundles))
		}
		for _, b := range bundles {
			name := BundleName(b)
			if b.Schema != BundleSchema || b.Document.Schema != DocumentSchema || b.SchemaVersion != promise.SchemaVersion {
				t.Errorf("seed %d, %s: $schema or schemaVersion wrong: %q %q %q", seed, name, b.Schema, b.Document.Schema, b.SchemaVersion)
			}
			if err := b.Document.Validate(); err != nil {
				t.Errorf("seed %d, %s: Validate() =\n%v", seed, name, err)
				continue
			}
			for i := range b.Reports {
				r := &b.Reports[i]
				if r.Schema != ReportSchema || r.SchemaVersion != promise.SchemaVersion {
					t.Errorf("seed %d, %s, report %d: $schema %q, schemaVersion %q", seed, name, i, r.Schema, r.SchemaVersion)
				}
				if err := r.Validate(&b.Document); err != nil {
					t.Errorf("seed %d, %s, report %d: Validate() =\n%v", seed, name, i, err)
				}
			}
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a := nationalJSON(t, 0)
	if b := encode(t, Generate(Options{})); !bytes.Equal(a, b) {
		t.Fatalf("two runs with seed 0 differ")
	}
	if c := nationalJSON(t, 1); bytes.Equal(a, c) {
		t.Fatalf("seeds 0 and 1 give the same data")
	}
}

func TestScaleGrowsLinearly(t *testing.T) {
	opt := Options{Seed: 7, Years: 2}
	one, two := Generate(opt), Generate(Options{Seed: 7, Years: 2, Scale: 2})
	if len(two) < 2*len(one)*9/10 || len(two) > 2*len(one)*11/10 {
		t.Errorf("Scale 2 gives %d bundles, Scale 1 %d: want about twice as many", len(two), len(one))
	}
	n1, n2 := len(encode(t, one)), len(encode(t, two))
	if r := float64(n2) / float64(n1); r < 1.9 || r > 2.1 {
		t.Errorf("Scale 2 gives %d bytes, Scale 1 %d: ratio %.3f, want 2 ± 0.1", n2, n1, r)
	}
	// Every copy has its own ids: the merged country is still valid.
	doc := Merge(two)
	if err := doc.Validate(); err != nil {
		t.Errorf("Merge(Scale 2).Validate() =\n%v", err)
	}
}

func TestMerge(t *testing.T) {
	bundles := national(0)
	doc := Merge(bundles)
	if err := doc.Validate(); err != nil {
		t.Fatalf("Merge().Validate() =\n%v", err)
	}
	c := Count(bundles)
	if len(doc.CitizenPromises) != c.CitizenPromises {
		t.Errorf("merged document has %d citizen promises, want %d", len(doc.CitizenPromises), c.CitizenPromises)
	}
	munis := 0
	for _, p := range doc.Parties {
		if p.Kind == promise.Municipality {
			munis++
		}
	}
	if munis != 290 {
		t.Errorf("merged document has %d municipalities, want 290", munis)
	}
	if again := Merge(bundles); again.ID != doc.ID {
		t.Errorf("Merge is not deterministic: ids %s and %s", doc.ID, again.ID)
	}
}

func TestIDsAreVersion7(t *testing.T) {
	for _, b := range national(0)[:20] {
		d := &b.Document
		for _, id := range []uuid.UUID{d.ID, d.Parties[0].ID, d.Places[0].ID, d.CitizenPromises[0].ID, d.CitizenPromises[0].Activities[0].ID} {
			if id.Version() != 7 || id.Variant() != uuid.RFC4122 {
				t.Errorf("%s: id %s has version %d, variant %v; want 7, RFC 4122", BundleName(b), id, id.Version(), id.Variant())
			}
		}
		// The timestamp is the day the citizen promise was signed.
		cp := &d.CitizenPromises[0]
		sec, _ := cp.ID.Time().UnixTime()
		if got := promise.DateOf(time.Unix(sec, 0).UTC()); got != cp.Signed {
			t.Errorf("%s: citizen promise id %s is of %s, want the signing date %s", BundleName(b), cp.ID, got, cp.Signed)
		}
	}
}

// TestShapes checks that the data holds the shapes the real documents
// have, so that tools tested on it meet them.
func TestShapes(t *testing.T) {
	bundles := national(0)
	asOf := Options{}.AsOf()
	var (
		joint, third, twoYears, renewed, withdrawn, split      int
		late, missing, disagree, final, elsewhere, substitutes int
		targetKinds                                            = map[promise.TargetKind]int{}
		statuses                                               = map[followup.Status]int{}
	)
	fyrbodal := false
	for _, b := range bundles {
		d := &b.Document
		n := 0
		for _, p := range d.Parties {
			if p.Kind == promise.Municipality {
				n++
			}
		}
		if n > 1 {
			joint++
		}
		if BundleName(b) == "1415-stenungsund-tjorn-orust" {
			fyrbodal = true
		}
		for _, cp := range d.CitizenPromises {
			if len(cp.PartyIDs) > n+1 {
				third++
			}
			if cp.Period.Start.Year() != cp.Period.End.Year() {
				twoYears++
			}
			if len(cp.Lineage) > 0 && cp.Lineage[0].ID != uuid.Nil {
				renewed++
			}
			for _, a := range cp.Activities {
				if a.Withdrawn != nil {
					withdrawn++
				}
				for _, t := range a.Targets {
					targetKinds[t.Kind]++
				}
			}
			if cp.Effect != nil {
				for _, t := range cp.Effect.Targets {
					targetKinds[t.Kind]++
				}
			}
			// Reports of this citizen promise, by period.
			byPeriod := map[string][]*followup.Report{}
			for i := range b.Reports {
				r := &b.Reports[i]
				if r.CitizenPromiseID != cp.ID {
					continue
				}
				byPeriod[r.Period.String()] = append(byPeriod[r.Period.String()], r)
				if r.Date.After(asOf) || !r.Period.End.Before(asOf) {
					t.Errorf("%s: report %s of %s dated %s: want periods ended and reports published by %s", BundleName(b), r.ID, r.Period, r.Date, asOf)
				}
				if r.Date.After(r.Period.End.AddDays(1).AddMonths(1)) {
					late++
				}
				if r.Final {
					final++
				}
				for _, u := range r.Updates {
					if u.Assessment != nil {
						statuses[u.Assessment.Status]++
					}
					substitutes += len(u.Substitutes)
					for _, o := range u.Occurrences {
						if len(o.Place) > 0 {
							elsewhere++
						}
					}
				}
			}
			ended := 0
			for _, p := range intervals(promise.Tertially, cp.Period) {
				if p.End.Before(asOf) {
					ended++
				}
			}
			if cp.Reporting == nil && len(byPeriod) < ended {
				missing++
			}
			for _, rs := range byPeriod {
				if len(rs) < 2 {
					continue
				}
				split++
				if disagrees(rs[0], rs[1]) {
					disagree++
				}
			}
		}
	}
	checks := []struct {
		name string
		n    int
	}{
		{"bundles with several municipalities", joint},
		{"citizen promises with a third signing party", third},
		{"two-year citizen promises", twoYears},
		{"citizen promises renewing the one before", renewed},
		{"withdrawn activities", withdrawn},
		{"periods reported by two parties separately", split},
		{"reports on the same figure that disagree", disagree},
		{"late reports", late},
		{"citizen promises with a report missing", missing},
		{"final reports", final},
		{"occurrences elsewhere than promised", elsewhere},
		{"substitute activities", substitutes},
	}
	for _, c := range checks {
		if c.n == 0 {
			t.Errorf("no %s", c.name)
		}
	}
	if !fyrbodal {
		t.Errorf("no joint bundle for Stenungsund, Tjörn and Orust")
	}
	for _, k := range []promise.TargetKind{promise.Count, promise.Milestone, promise.Recurring, promise.Coverage, promise.Continuous, promise.Indicator, promise.Unmeasurable} {
		if targetKinds[k] == 0 {
			t.Errorf("no target of kind %s", k)
		}
	}
	if targetKinds[promise.Count] < targetKinds[promise.Unmeasurable] {
		t.Errorf("%d count targets, %d unmeasurable: want counts the most common, as in real promises", targetKinds[promise.Count], targetKinds[promise.Unmeasurable])
	}
	for _, s := range []followup.Status{followup.OnTrack, followup.AtRisk, followup.Behind, followup.Achieved} {
		if statuses[s] == 0 {
			t.Errorf("no assessment with status %s", s)
		}
	}
}

// disagrees reports whether two reports give different totals for the same
// target.
func disagrees(a, b *followup.Report) bool {
	totals := map[uuid.UUID]float64{}
	for _, u := range a.Updates {
		for _, r := range u.Results {
			if r.Value != nil {
				totals[r.TargetID] = *r.Value
			}
		}
	}
	for _, u := range b.Updates {
		for _, r := range u.Results {
			if v, ok := totals[r.TargetID]; ok && r.Value != nil && v != *r.Value {
				return true
			}
		}
	}
	return false
}

func TestOptions(t *testing.T) {
	tests := []struct {
		in, want Options
	}{
		{Options{}, Options{Years: 4, Scale: 1}},
		{Options{Seed: 5, Years: -1, Scale: -3, NoReports: true}, Options{Seed: 5, Years: 4, Scale: 1, NoReports: true}},
		{Options{Years: 100, Scale: 3}, Options{Years: MaxYears, Scale: 3}},
	}
	for _, tc := range tests {
		if got := tc.in.normalized(); got != tc.want {
			t.Errorf("%+v.normalized() = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	if got, want := (Options{Years: 2}).AsOf(), promise.MustParseDate("2021-12-31"); got != want {
		t.Errorf("AsOf() = %s, want %s", got, want)
	}
}

func TestYearsAndNoReports(t *testing.T) {
	for _, opt := range []Options{{Seed: 4, Years: 1, NoReports: true}, {Seed: 4, Years: 6, NoReports: true}} {
		bundles := Generate(opt)
		years := map[int]bool{}
		for _, b := range bundles {
			if len(b.Reports) != 0 {
				t.Fatalf("%+v: %s has %d reports, want none", opt, BundleName(b), len(b.Reports))
			}
			if err := b.Document.Validate(); err != nil {
				t.Fatalf("%+v: %s: Validate() =\n%v", opt, BundleName(b), err)
			}
			if want := (opt.Years + 3) / 4; len(b.Document.Agreements) != want {
				t.Fatalf("%+v: %s has %d agreements, want %d of at most four years", opt, BundleName(b), len(b.Document.Agreements), want)
			}
			for _, cp := range b.Document.CitizenPromises {
				for y := cp.Period.Start.Year(); y <= cp.Period.End.Year(); y++ {
					years[y] = true
				}
			}
		}
		var got []int
		for y := range years {
			got = append(got, y)
		}
		slices.Sort(got)
		if len(got) != opt.Years || got[0] != FirstYear {
			t.Errorf("%+v: citizen promises cover %v, want %d years from %d", opt, got, opt.Years, FirstYear)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	var c Counts
	for b.Loop() {
		c = Count(Generate(Options{}))
	}
	b.ReportMetric(float64(c.Bundles), "bundles")
	b.ReportMetric(float64(c.Activities), "activities")
}

// TestDefaultFigures checks the figures that doc.go gives for the default
// options: when the generator changes, measure again and update both.
func TestDefaultFigures(t *testing.T) {
	bundles := national(0)
	want := Counts{Bundles: 276, Municipalities: 290, CitizenPromises: 789, Promises: 2910, Activities: 5182, Targets: 5875, Reports: 3558, Updates: 17519}
	if got := Count(bundles); got != want {
		t.Errorf("Count(Generate(Options{})) =\n%+v, want (as doc.go says)\n%+v", got, want)
	}
	if got, want := len(nationalJSON(t, 0)), 29161856; got != want {
		t.Errorf("the bundles encode to %d bytes, want %d (as doc.go says)", got, want)
	}
}
