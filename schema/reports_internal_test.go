package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/schema/internal/jsonscan"
)

// Each report checked against the part of the document it mentions finds
// what it finds against the whole document: on the example bundles, the
// corpus of bad files, national synthetic data (one bundle of many
// municipalities), and the same with references broken at random.
func TestReportsCheckedAgainstTheirPart(t *testing.T) {
	bundles, _ := filepath.Glob(filepath.Join("..", "examples", "data", "bundles", "*.json"))
	bad, _ := filepath.Glob(filepath.Join("testdata", "bad", "bundle-*.json"))
	var files [][]byte
	for _, name := range slices.Concat(bundles, bad) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		files = append(files, data)
	}
	national := synthetic.Generate(synthetic.Options{Seed: 3})[:12]
	merged := followup.Bundle{Schema: synthetic.BundleSchema, SchemaVersion: "1.1", Document: synthetic.Merge(national)}
	for _, b := range national {
		merged.Reports = append(merged.Reports, b.Reports...)
	}
	data, err := json.Marshal(merged)
	require.NoError(t, err)
	files = append(files, data)
	// Break references in every third report: an activity, a reporting
	// party that is a place, an occurrence's place that is a party, a
	// citizen promise that is not there, a report about an agreement.
	nothing := uuid.MustParse("0193a1c2-7d4e-7f00-8a3b-0000000000f0")
	for r := range merged.Reports {
		rep := &merged.Reports[r]
		switch r % 15 {
		case 0:
			if len(rep.Updates) > 0 {
				rep.Updates[0].ActivityID = nothing
			}
		case 3:
			rep.ReportedBy = append(rep.ReportedBy, merged.Document.Places[r%len(merged.Document.Places)].ID)
		case 6:
			for u := range rep.Updates {
				for o := range rep.Updates[u].Occurrences {
					rep.Updates[u].Occurrences[o].PlaceID = merged.Document.Parties[0].ID
				}
			}
		case 9:
			rep.CitizenPromiseID = nothing
		case 12:
			if len(merged.Document.Agreements) > 0 {
				rep.CitizenPromiseID, rep.AgreementID = uuid.Nil, merged.Document.Agreements[r%len(merged.Document.Agreements)].ID
			}
		}
	}
	broken, err := json.Marshal(merged)
	require.NoError(t, err)
	files = append(files, broken)

	for i, data := range files {
		tree, ix, err := jsonscan.ParseIndexed(data, jsonscan.Limits{})
		require.NoError(t, err)
		var b followup.Bundle
		require.NoError(t, json.Unmarshal(data, &b))
		_ = ix
		x := indexDocument(&b.Document)
		checked, violated := 0, 0
		for r := range b.Reports {
			rtree, ok := lookup(tree, "/reports/"+strconv.Itoa(r))
			require.True(t, ok)
			want := b.Reports[r].Validate(&b.Document)
			got := b.Reports[r].Validate(x.part(mentioned(rtree)))
			assert.Equal(t, want, got, "file %d, report %d", i, r)
			checked++
			if want != nil {
				violated++
			}
		}
		t.Logf("file %d: %d reports, %d with violations", i, checked, violated)
		if i == len(files)-1 {
			assert.Positive(t, violated, "the broken references are found")
		}
	}
}
