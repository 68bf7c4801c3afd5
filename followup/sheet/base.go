package sheet

import (
	"maps"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// keep fills into r, read from a sheet, what base, the report the sheet
// was exported from, holds and a sheet cannot: texts in other languages
// where the sheet's text is unchanged, the report's sources, notes,
// results and extensions, and the updates of activities the sheet has no
// row for. It does nothing when base is another report.
func keep(r, base *followup.Report, lang string, listed map[uuid.UUID]bool) {
	if base == nil || base.ID != r.ID {
		return
	}
	r.Title = keepText(base.Title, r.Title, lang)
	r.Summary = keepText(base.Summary, r.Summary, lang)
	r.Period.Label = keepText(base.Period.Label, r.Period.Label, lang)
	if r.Results == nil {
		r.Results = base.Results
	}
	if r.Sources == nil {
		r.Sources = base.Sources
	}
	if r.Notes == nil {
		r.Notes = base.Notes
	}
	if r.Extensions == nil {
		r.Extensions = base.Extensions
	}
	old := map[uuid.UUID]*followup.Update{}
	for i := range base.Updates {
		old[base.Updates[i].ActivityID] = &base.Updates[i]
	}
	for i := range r.Updates {
		if bu := old[r.Updates[i].ActivityID]; bu != nil {
			keepUpdate(&r.Updates[i], bu, lang)
		}
	}
	for _, bu := range base.Updates {
		if !listed[bu.ActivityID] {
			r.Updates = append(r.Updates, bu)
		}
	}
}

func keepUpdate(u, bu *followup.Update, lang string) {
	u.Narrative = keepText(bu.Narrative, u.Narrative, lang)
	u.Shortfall = keepText(bu.Shortfall, u.Shortfall, lang)
	if u.Assessment != nil && bu.Assessment != nil {
		u.Assessment.Justification = keepText(bu.Assessment.Justification, u.Assessment.Justification, lang)
	}
	// Occurrences and results are matched by target and position among
	// those of the target, as the sheet lists them.
	nth := map[uuid.UUID]int{}
	for i := range u.Occurrences {
		o := &u.Occurrences[i]
		if bo := nthOf(bu.Occurrences, o.TargetID, nth[o.TargetID], func(o followup.Occurrence) uuid.UUID { return o.TargetID }); bo != nil {
			o.Note = keepText(bo.Note, o.Note, lang)
			if o.PlaceID == uuid.Nil && bo.PlaceID == uuid.Nil {
				o.Place = keepText(bo.Place, o.Place, lang)
			}
		}
		nth[o.TargetID]++
	}
	clear(nth)
	for i := range u.Results {
		res := &u.Results[i]
		if br := nthOf(bu.Results, res.TargetID, nth[res.TargetID], func(r followup.Result) uuid.UUID { return r.TargetID }); br != nil {
			res.Unit = keepText(br.Unit, res.Unit, lang)
			res.Description = keepText(br.Description, res.Description, lang)
		}
		nth[res.TargetID]++
	}
	for i := range u.Substitutes {
		if i < len(bu.Substitutes) {
			u.Substitutes[i].Text = keepText(bu.Substitutes[i].Text, u.Substitutes[i].Text, lang)
		}
	}
	for i := range u.Evidence {
		if i < len(bu.Evidence) && bu.Evidence[i].URL == u.Evidence[i].URL {
			u.Evidence[i].Title = keepText(bu.Evidence[i].Title, u.Evidence[i].Title, lang)
		}
	}
}

func nthOf[T any](items []T, target uuid.UUID, n int, targetOf func(T) uuid.UUID) *T {
	for i := range items {
		if targetOf(items[i]) == target {
			if n == 0 {
				return &items[i]
			}
			n--
		}
	}
	return nil
}

// keepText returns old, with all its languages, when the sheet left its
// text in lang as it was; else the sheet's text.
func keepText(old, read promise.Text, lang string) promise.Text {
	if old[lang] == read[lang] {
		return maps.Clone(old)
	}
	return read
}
