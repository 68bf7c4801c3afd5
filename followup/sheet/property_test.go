package sheet_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// gen makes random documents and reports of what a sheet holds: texts in
// the sheet's language with semicolons, quotes, line breaks, "|" where it
// may stand, and leading = - + @ that a spreadsheet would run as formulas;
// numbers negative, fractional and large; places of the document (some
// with names that are not unique, so that the sheet names them by id) and
// places by name only; every assessment; substitutes with and without
// dates; evidence links.
type gen struct {
	r    *rand.Rand
	lang string
}

func (g *gen) id() uuid.UUID {
	var u uuid.UUID
	for i := range u {
		u[i] = byte(g.r.UintN(256))
	}
	u[6] = u[6]&0x0f | 0x70
	u[8] = u[8]&0x3f | 0x80
	return u
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// precise returns d, or sometimes its month: the precision of a source that
// gives only the month (format 1.1).
func (g *gen) precise(d promise.Date) promise.Date {
	if g.chance(0.2) {
		m, err := promise.NewMonth(d.Year(), d.Month())
		if err == nil {
			return m
		}
	}
	return d
}

func targetKind(a promise.Activity, id uuid.UUID) promise.TargetKind {
	for _, t := range a.Targets {
		if t.ID == id {
			return t.Kind
		}
	}
	return ""
}

var words = []string{"trygghetsvandring", "Läggesta", "grannsamverkan", "polis; kommun", `"citat"`, "å ä ö", "20 %", "a|b", "=SUMMA(A1)", "-minus", "+plus", "@at", "'apostrof", "x\ny", "  ", "kväll"}

// text is a text with no line break or "|" when entry (a field of an
// entry that is not the last), and no spaces at its ends when trimmed.
func (g *gen) text(field bool, last bool) promise.Text {
	var parts []string
	for range 1 + g.r.IntN(4) {
		w := words[g.r.IntN(len(words))]
		if field || last {
			w = strings.NewReplacer("\n", " ", "  ", "x").Replace(w)
		}
		if field {
			w = strings.ReplaceAll(w, "|", "/")
		}
		parts = append(parts, w)
	}
	s := strings.Join(parts, " ")
	if field || last {
		s = strings.TrimSpace(s)
	}
	if strings.TrimSpace(s) == "" {
		s = "text"
	}
	return promise.Text{g.lang: s}
}

func (g *gen) document() *promise.Document {
	kommun, polis := g.id(), g.id()
	doc := &promise.Document{
		Schema: schema.PromiseDocumentURL, SchemaVersion: promise.SchemaVersion, ID: g.id(),
		Parties: []promise.Party{
			{ID: kommun, Kind: promise.Municipality, Name: promise.Text{"sv": "Kommunen", "en": "The municipality"}},
			{ID: polis, Kind: promise.Police, Name: promise.Text{"sv": "Polisen", "en": "The police"}},
			{ID: g.id(), Kind: promise.OtherParty, Name: promise.Text{"sv": "Polisen", "en": "Police"}}, // a name twice
		},
	}
	for i := range 5 {
		name := fmt.Sprintf("Plats %d", i%4) // Plats 0 twice
		doc.Places = append(doc.Places, promise.Place{ID: g.id(), Kind: promise.PlaceSite, Name: promise.Text{"sv": name, "en": "Place " + name[6:]}})
	}
	period := promise.Period{Start: promise.MustParseDate("2019-01-01"), End: promise.MustParseDate("2019-12-31")}
	cp := promise.CitizenPromise{ID: g.id(), Title: promise.Text{"sv": "Löfte"}, Period: period, PartyIDs: []uuid.UUID{kommun, polis}}
	cp.Promises = []promise.Promise{{ID: g.id(), Text: promise.Text{"sv": "Vi lovar"}, GivenBy: []uuid.UUID{kommun}}}
	kinds := []promise.TargetKind{promise.Count, promise.Milestone, promise.Recurring, promise.Rate, promise.Coverage, promise.Continuous, promise.Indicator, promise.Unmeasurable}
	for range 1 + g.r.IntN(6) {
		a := promise.Activity{ID: g.id(), Text: promise.Text{"sv": "Aktivitet", "en": "Activity"}, LeadIDs: []uuid.UUID{kommun}}
		for range g.r.IntN(4) {
			t := promise.Target{ID: g.id(), Kind: kinds[g.r.IntN(len(kinds))]}
			four := 4.0
			switch t.Kind {
			case promise.Count:
				t.Value, t.Comparison = &four, promise.AtLeast
			case promise.Recurring:
				t.Value, t.Every = &four, promise.Yearly
			case promise.Rate:
				t.Value, t.Every = &four, promise.Weekly
			case promise.Coverage:
				t.PlaceIDs = []uuid.UUID{doc.Places[0].ID, doc.Places[4].ID}
			case promise.Indicator:
				t.Value, t.Direction = &four, promise.Increase
				t.Baseline = &promise.Measurement{Value: 1, Date: period.Start}
			}
			a.Targets = append(a.Targets, t)
		}
		cp.Activities = append(cp.Activities, a)
	}
	doc.CitizenPromises = []promise.CitizenPromise{cp}
	return doc
}

func (g *gen) report(doc *promise.Document) *followup.Report {
	cp := &doc.CitizenPromises[0]
	period := promise.Period{Start: promise.MustParseDate("2019-01-01"), End: promise.MustParseDate("2019-04-30")}
	date := period.End.AddDays(g.r.IntN(30))
	r := sheet.NewReport(cp.ID, period, date, []uuid.UUID{doc.Parties[g.r.IntN(3)].ID})
	if g.chance(0.1) {
		r.Date, r.NotStated = promise.Date{}, []string{promise.DateField}
	}
	if g.chance(0.5) {
		r.Title = g.text(false, false)
	}
	if g.chance(0.5) {
		r.Summary = g.text(false, false)
	}
	if g.chance(0.3) {
		r.Period.Label = g.text(false, false)
	}
	r.Final, r.Illustrative = g.chance(0.3), g.chance(0.3)
	day := func() promise.Date { return period.Start.AddDays(g.r.IntN(120)) }
	for _, a := range cp.Activities {
		if g.chance(0.25) {
			continue
		}
		u := followup.Update{ActivityID: a.ID}
		targets := []uuid.UUID{uuid.Nil}
		for _, t := range a.Targets {
			targets = append(targets, t.ID)
		}
		for range g.r.IntN(4) {
			o := followup.Occurrence{Date: g.precise(day()), TargetID: targets[g.r.IntN(len(targets))]}
			if g.chance(0.4) {
				o.Count = 1 + g.r.IntN(20)
			}
			switch g.r.IntN(3) {
			case 1:
				o.PlaceID = doc.Places[g.r.IntN(len(doc.Places))].ID
			case 2:
				o.Place = promise.Text{g.lang: "Abborrberget"}
			}
			if g.chance(0.5) {
				o.Note = g.text(false, true)
			}
			u.Occurrences = append(u.Occurrences, o)
		}
		for range g.r.IntN(3) {
			res := followup.Result{TargetID: targets[g.r.IntN(len(targets))]}
			// Totals of count, rate, recurring and coverage targets are
			// whole and not negative; other figures need not be.
			values := []float64{20, 0.78, -3.5, 1e9, 12345.678, 0}
			if kind := targetKind(a, res.TargetID); kind == promise.Count || kind == promise.Rate || kind == promise.Recurring || kind == promise.Coverage {
				values = []float64{20, 1e9, 0, 303}
			}
			if g.chance(0.8) {
				v := values[g.r.IntN(len(values))]
				res.Value = &v
				qualifiers := []promise.Qualifier{"", "", promise.AtLeastQualifier, promise.OverQualifier, promise.AboutQualifier, promise.UnderQualifier, promise.AtMostQualifier}
				res.Qualifier = qualifiers[g.r.IntN(len(qualifiers))]
			}
			if res.Value == nil || g.chance(0.3) {
				res.Outcome = []followup.StatedOutcome{followup.Done, followup.PartlyDone, followup.NotDone}[g.r.IntN(3)]
			}
			if g.chance(0.5) {
				res.Date = g.precise(day())
			}
			if g.chance(0.3) {
				from := day()
				res.Period = &promise.Period{Start: from, End: from.AddDays(g.r.IntN(30))}
				if res.Period.End.After(period.End) {
					res.Period.End = period.End
				}
			}
			if g.chance(0.5) {
				res.Unit = g.text(true, false)
			}
			if g.chance(0.5) {
				res.Description = g.text(false, true)
			}
			u.Results = append(u.Results, res)
		}
		if g.chance(0.2) {
			u.Completed = g.precise(day())
		}
		if g.chance(0.4) {
			statuses := []followup.Status{followup.OnTrack, followup.AtRisk, followup.Behind, followup.Achieved, followup.PartlyAchieved, followup.NotAchieved, followup.Unassessable, followup.Withdrawn}
			u.Assessment = &followup.Assessment{Status: statuses[g.r.IntN(len(statuses))], Justification: g.text(false, false)}
		}
		if g.chance(0.3) {
			u.Narrative = g.text(false, false)
		}
		if g.chance(0.3) {
			u.Shortfall = g.text(false, false)
		}
		for range g.r.IntN(3) {
			s := followup.Substitute{Text: g.text(false, true)}
			if g.chance(0.5) {
				s.Date = day()
			}
			u.Substitutes = append(u.Substitutes, s)
		}
		for range g.r.IntN(3) {
			l := promise.Link{URL: "https://www.example.se/sida?a=1;b=2"}
			if g.chance(0.5) {
				l.Title = g.text(false, true)
			}
			u.Evidence = append(u.Evidence, l)
		}
		if len(u.Occurrences)+len(u.Results)+len(u.Substitutes)+len(u.Evidence) == 0 && u.Assessment == nil && u.Completed.IsZero() && u.Narrative == nil && u.Shortfall == nil {
			u.Narrative = promise.Text{g.lang: "Genomfört."}
		}
		r.Updates = append(r.Updates, u)
	}
	return r
}

// meaning is a report's JSON with its updates in the document's order and,
// within each, occurrences and results in the order of their targets: the
// order a sheet lists them in, which says nothing.
func meaning(t *testing.T, doc *promise.Document, r *followup.Report) string {
	t.Helper()
	c := *r
	c.Updates = slices.Clone(r.Updates)
	acts := doc.CitizenPromises[0].Activities
	actIndex := func(id uuid.UUID) int {
		return slices.IndexFunc(acts, func(a promise.Activity) bool { return a.ID == id })
	}
	slices.SortStableFunc(c.Updates, func(a, b followup.Update) int { return cmp.Compare(actIndex(a.ActivityID), actIndex(b.ActivityID)) })
	for i := range c.Updates {
		u := &c.Updates[i]
		a := acts[actIndex(u.ActivityID)]
		tIndex := func(id uuid.UUID) int {
			if id == uuid.Nil {
				return len(a.Targets)
			}
			return slices.IndexFunc(a.Targets, func(t promise.Target) bool { return t.ID == id })
		}
		u.Occurrences = slices.Clone(u.Occurrences)
		slices.SortStableFunc(u.Occurrences, func(x, y followup.Occurrence) int { return cmp.Compare(tIndex(x.TargetID), tIndex(y.TargetID)) })
		u.Results = slices.Clone(u.Results)
		slices.SortStableFunc(u.Results, func(x, y followup.Result) int { return cmp.Compare(tIndex(x.TargetID), tIndex(y.TargetID)) })
	}
	b, err := json.MarshalIndent(&c, "", " ")
	require.NoError(t, err)
	return string(b)
}

// A report written as a sheet and read back means the same, in Swedish
// and in English, with no warning on export.
func TestRoundTripProperty(t *testing.T) {
	for seed := range uint64(300) {
		g := &gen{r: rand.New(rand.NewPCG(seed, 7)), lang: []string{"sv", "en"}[seed%2]}
		doc := g.document()
		require.NoError(t, doc.Validate(), "seed %d", seed)
		r := g.report(doc)
		require.NoError(t, r.Validate(doc), "seed %d", seed)
		var buf bytes.Buffer
		lost, err := sheet.Export(&buf, doc, r, sheet.Options{Lang: g.lang})
		require.NoError(t, err, "seed %d", seed)
		require.Empty(t, lost, "seed %d", seed)
		back, problems := sheet.Import(buf.Bytes(), doc, sheet.Options{Lang: g.lang})
		require.NotNil(t, back, "seed %d: %v\n%s", seed, problems, buf.String())
		require.Empty(t, problems, "seed %d", seed)
		require.Equal(t, meaning(t, doc, r), meaning(t, doc, back), "seed %d\n%s", seed, buf.String())
	}
}
