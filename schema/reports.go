package schema

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// followup.Report.Validate indexes the parties, places and activities of
// the document it is given, for each report: a bundle of many reports on a
// large document cost reports × document (10,000 small reports and 90,000
// places, within 16 MiB: about a minute). So each report is checked against
// the part of the document it can name: the parties and places, citizen
// promises, action plans, agreements, activities and targets whose ids it
// mentions anywhere, and the citizen promises and action plans under an
// agreement it mentions. The report's checks only ask whether what it
// names is there, so they find the same; a test compares both on every
// example, the national synthetic data and the corpus of bad files.

// smallDocument is the size (parties, places and activities) under which
// each report is checked against the whole document.
const smallDocument = 1000

// documentIndex says where in a document each id is.
type documentIndex struct {
	doc        *promise.Document
	parties    map[promise.ID]int
	places     map[promise.ID]int
	agreements map[promise.ID]int
	// owners holds, by their own id and by their agreement's, the
	// citizen promises (index ≥ 0) and action plans (-1 - index).
	owners map[promise.ID][]int
	// activities holds, by the activity's id and its targets', the owner
	// (as in owners) and the activity's index.
	activities map[promise.ID][][2]int
	// effects holds, by target id, the citizen promises whose expected
	// effect holds that target.
	effects map[promise.ID][]int
}

func indexDocument(doc *promise.Document) *documentIndex {
	x := &documentIndex{doc: doc, parties: map[promise.ID]int{}, places: map[promise.ID]int{}, agreements: map[promise.ID]int{},
		owners: map[promise.ID][]int{}, activities: map[promise.ID][][2]int{}, effects: map[promise.ID][]int{}}
	for i := range doc.Parties {
		x.parties[doc.Parties[i].ID] = i
	}
	for i := range doc.Places {
		x.places[doc.Places[i].ID] = i
	}
	for i := range doc.Agreements {
		x.agreements[doc.Agreements[i].ID] = i
	}
	owner := func(o int, id, agreement promise.ID, acts []promise.Activity) {
		x.owners[id] = append(x.owners[id], o)
		if agreement != (promise.ID{}) {
			x.owners[agreement] = append(x.owners[agreement], o)
		}
		for j := range acts {
			x.activities[acts[j].ID] = append(x.activities[acts[j].ID], [2]int{o, j})
			for k := range acts[j].Targets {
				t := acts[j].Targets[k].ID
				x.activities[t] = append(x.activities[t], [2]int{o, j})
			}
		}
	}
	for i := range doc.CitizenPromises {
		c := &doc.CitizenPromises[i]
		owner(i, c.ID, c.AgreementID, c.Activities)
		if c.Effect != nil {
			for k := range c.Effect.Targets {
				x.effects[c.Effect.Targets[k].ID] = append(x.effects[c.Effect.Targets[k].ID], i)
			}
		}
	}
	for i := range doc.ActionPlans {
		a := &doc.ActionPlans[i]
		owner(-1-i, a.ID, a.AgreementID, a.Activities)
	}
	return x
}

// large reports whether the document is worth trimming for each report.
func (x *documentIndex) large() bool {
	n := len(x.doc.Parties) + len(x.doc.Places)
	for i := range x.doc.CitizenPromises {
		n += len(x.doc.CitizenPromises[i].Activities)
	}
	for i := range x.doc.ActionPlans {
		n += len(x.doc.ActionPlans[i].Activities)
	}
	return n >= smallDocument
}

// part returns the part of the document that names any of ids: a document
// of its own, sharing what it keeps with the whole.
func (x *documentIndex) part(ids []promise.ID) *promise.Document {
	d := x.doc
	out := &promise.Document{Schema: d.Schema, SchemaVersion: d.SchemaVersion, ID: d.ID}
	cps, plans := map[int]*promise.CitizenPromise{}, map[int]*promise.ActionPlan{}
	ownerOf := func(o int) {
		if o >= 0 {
			if cps[o] == nil {
				c := d.CitizenPromises[o]
				c.Activities, c.Effect = nil, nil
				if e := d.CitizenPromises[o].Effect; e != nil {
					c.Effect = &promise.Effect{Description: e.Description}
				}
				cps[o] = &c
			}
			return
		}
		if plans[-1-o] == nil {
			a := d.ActionPlans[-1-o]
			a.Activities = nil
			plans[-1-o] = &a
		}
	}
	seenActivity := map[[2]int]bool{}
	for _, id := range ids {
		if i, ok := x.parties[id]; ok {
			out.Parties = append(out.Parties, d.Parties[i])
		}
		if i, ok := x.places[id]; ok {
			out.Places = append(out.Places, d.Places[i])
		}
		if i, ok := x.agreements[id]; ok {
			out.Agreements = append(out.Agreements, d.Agreements[i])
		}
		for _, o := range x.owners[id] {
			ownerOf(o)
		}
		for _, oa := range x.activities[id] {
			if seenActivity[oa] {
				continue
			}
			seenActivity[oa] = true
			ownerOf(oa[0])
			if oa[0] >= 0 {
				cps[oa[0]].Activities = append(cps[oa[0]].Activities, d.CitizenPromises[oa[0]].Activities[oa[1]])
			} else {
				plans[-1-oa[0]].Activities = append(plans[-1-oa[0]].Activities, d.ActionPlans[-1-oa[0]].Activities[oa[1]])
			}
		}
		for _, i := range x.effects[id] {
			ownerOf(i)
			for _, t := range d.CitizenPromises[i].Effect.Targets {
				if t.ID == id {
					cps[i].Effect.Targets = append(cps[i].Effect.Targets, t)
				}
			}
		}
	}
	// In the order of the document, as the whole would give them.
	for i := range d.CitizenPromises {
		if c := cps[i]; c != nil {
			out.CitizenPromises = append(out.CitizenPromises, *c)
		}
	}
	for i := range d.ActionPlans {
		if a := plans[i]; a != nil {
			out.ActionPlans = append(out.ActionPlans, *a)
		}
	}
	return out
}

// mentioned returns the ids that the report's tree holds as texts, each
// once.
func mentioned(tree any) []promise.ID {
	seen := map[promise.ID]bool{}
	var ids []promise.ID
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			if len(v) != 36 {
				return
			}
			if id, err := promise.ParseID(v); err == nil && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	walk(tree)
	return ids
}

// validateReports returns the result of each report's Validate against doc,
// as if given the whole document.
func (d *decoder) validateReports(doc *promise.Document, reports []followup.Report) []error {
	errs := make([]error, len(reports))
	x := indexDocument(doc)
	large := x.large()
	for i := range reports {
		part := doc
		if large {
			rtree, _ := lookup(d.tree, d.original("/reports/"+strconv.Itoa(i)))
			part = x.part(mentioned(rtree))
		}
		errs[i] = reports[i].Validate(part)
	}
	return errs
}
