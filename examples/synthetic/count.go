package synthetic

import (
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// Counts are the numbers of things in a set of bundles.
type Counts struct {
	Bundles         int
	Municipalities  int // municipalities as parties, once per bundle they are in
	CitizenPromises int
	Promises        int
	Activities      int
	Targets         int // of activities and of expected effects
	Reports         int
	Updates         int // activity updates in the reports
}

// Count counts the things in bundles.
func Count(bundles []followup.Bundle) Counts {
	c := Counts{Bundles: len(bundles)}
	for i := range bundles {
		d := &bundles[i].Document
		for _, p := range d.Parties {
			if p.Kind == promise.Municipality {
				c.Municipalities++
			}
		}
		for _, cp := range d.CitizenPromises {
			c.CitizenPromises++
			c.Promises += len(cp.Promises)
			c.Activities += len(cp.Activities)
			for _, a := range cp.Activities {
				c.Targets += len(a.Targets)
			}
			if cp.Effect != nil {
				c.Targets += len(cp.Effect.Targets)
			}
		}
		c.Reports += len(bundles[i].Reports)
		for _, r := range bundles[i].Reports {
			c.Updates += len(r.Updates)
		}
	}
	return c
}
