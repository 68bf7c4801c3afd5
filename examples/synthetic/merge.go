package synthetic

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Merge returns one promise document holding the documents of all the
// bundles: a national document, for benchmarks on one large file. Parties
// that several documents share (Polismyndigheten, the police regions and
// areas) appear once; everything else is listed as it is, since ids are
// unique across the generated bundles. Its id is derived from the ids of
// the documents merged, so that merging the same bundles gives the same
// document. Reports are left out.
func Merge(bundles []followup.Bundle) promise.Document {
	out := promise.Document{
		Schema: DocumentSchema, SchemaVersion: promise.SchemaVersion,
		Title:    promise.Text{"sv": "Medborgarlöften i Sveriges kommuner (syntetiska data)", "en": "Citizen promises in Sweden's municipalities (synthetic data)"},
		Language: "sv",
	}
	h := sha256.New()
	seen := map[uuid.UUID]bool{}
	for i := range bundles {
		d := &bundles[i].Document
		h.Write(d.ID[:])
		if d.Updated.After(out.Updated) {
			out.Updated = d.Updated
		}
		for _, p := range d.Parties {
			if !seen[p.ID] {
				seen[p.ID] = true
				out.Parties = append(out.Parties, p)
			}
		}
		out.Places = append(out.Places, d.Places...)
		out.Themes = append(out.Themes, d.Themes...)
		out.Sources = append(out.Sources, d.Sources...)
		out.Agreements = append(out.Agreements, d.Agreements...)
		out.CitizenPromises = append(out.CitizenPromises, d.CitizenPromises...)
	}
	// A version 7 UUID whose timestamp is the latest update and whose
	// random bits are the hash of the merged documents' ids.
	sum := h.Sum(nil)
	s := newSource(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16]))
	if out.Updated.IsZero() {
		out.Updated = date(FirstYear, 1, 1)
	}
	out.ID = s.id(out.Updated)
	return out
}
