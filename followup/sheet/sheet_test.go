package sheet_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func strangnas(t testing.TB) *followup.Bundle {
	t.Helper()
	data, err := os.ReadFile("../../examples/data/bundles/strangnas-2019.json")
	require.NoError(t, err)
	f, problems := schema.Decode(data, schema.Options{})
	require.NotNil(t, f, "%v", problems)
	return f.Bundle
}

func export(t *testing.T, b *followup.Bundle, r *followup.Report, opts sheet.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := sheet.Export(&buf, &b.Document, r, opts)
	require.NoError(t, err)
	return buf.Bytes()
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	require.NoError(t, err)
	return string(b)
}

// The real reports of Strängnäs 2019, written as sheets and read back with
// the report as base, are the same reports, byte for byte as JSON.
func TestRoundTripStrangnas(t *testing.T) {
	b := strangnas(t)
	for i := range b.Reports {
		r := &b.Reports[i]
		for _, lang := range []string{"sv", "en"} {
			data := export(t, b, r, sheet.Options{Lang: lang})
			back, problems := sheet.Import(data, &b.Document, sheet.Options{Lang: lang, Base: r})
			require.NotNil(t, back, "%v", problems)
			assert.Empty(t, problems)
			assert.Equal(t, jsonOf(t, current(r)), jsonOf(t, back), "report %d in %s", i, lang)
		}
	}
}

// Without the base, what the sheet lacks is gone, and export said so: the
// report read back is the report without each thing it warned of.
func TestExportWarnsOfWhatIsLost(t *testing.T) {
	b := strangnas(t)
	r := &b.Reports[3] // the final report: English texts, sources, notes
	var buf bytes.Buffer
	lost, err := sheet.Export(&buf, &b.Document, r, sheet.Options{})
	require.NoError(t, err)
	pointers := map[string]bool{}
	for _, p := range lost {
		assert.Equal(t, schema.Warning, p.Severity)
		assert.Equal(t, sheet.CodeNotInSheet, p.Code)
		assert.NotEmpty(t, p.Message["sv"])
		pointers[p.Pointer] = true
	}
	assert.True(t, pointers["/sources/0"])
	assert.True(t, pointers["/notes/0"])
	assert.True(t, pointers["/title"])
	back, problems := sheet.Import(buf.Bytes(), &b.Document, sheet.Options{})
	require.NotNil(t, back, "%v", problems)
	// Strip from the original what export warned of.
	want := *current(r)
	want.Sources, want.Notes = nil, nil
	want.Title = promise.Text{"sv": r.Title["sv"]}
	want.Summary = promise.Text{"sv": r.Summary["sv"]}
	want.Updates = nil
	for _, u := range r.Updates {
		u.Narrative = svOnly(u.Narrative)
		u.Shortfall = svOnly(u.Shortfall)
		if u.Assessment != nil {
			a := *u.Assessment
			a.Justification = svOnly(a.Justification)
			u.Assessment = &a
		}
		var rs []followup.Result
		for _, res := range u.Results {
			res.Unit, res.Description = svOnly(res.Unit), svOnly(res.Description)
			rs = append(rs, res)
		}
		u.Results = rs
		want.Updates = append(want.Updates, u)
	}
	assert.Equal(t, jsonOf(t, &want), jsonOf(t, back))
}

// current is r as this program writes it: in the current version of the
// format. A sheet does not carry the version of the report it came from.
func current(r *followup.Report) *followup.Report {
	c := *r
	c.SchemaVersion = promise.SchemaVersion
	return &c
}

func svOnly(t promise.Text) promise.Text {
	if t["sv"] == "" {
		return nil
	}
	return promise.Text{"sv": t["sv"]}
}

func TestExportWarnings(t *testing.T) {
	b := strangnas(t)
	base := b.Reports[3]
	tests := []struct {
		name    string
		edit    func(r *followup.Report)
		pointer string
		text    string
	}{
		{"a result of the report", func(r *followup.Report) { r.Results = []followup.Result{{Outcome: followup.Done}} }, "/results/0", "a result of the report as a whole"},
		{"extensions", func(r *followup.Report) { r.Extensions = map[string]any{"se.strangnas.dnr": "1"} }, "/extensions", "extensions"},
		{"an entry text with a line break", func(r *followup.Report) {
			r.Updates[0].Results[0].Description = promise.Text{"sv": "två\nrader"}
		}, "/updates/0/results/0/description", "line break"},
		{"a unit with a |", func(r *followup.Report) { r.Updates[0].Results[0].Unit = promise.Text{"sv": "a|b"} }, "/updates/0/results/0/unit", "line break, a \"|\""},
		{"an empty update", func(r *followup.Report) { r.Updates[0] = followup.Update{ActivityID: r.Updates[0].ActivityID} }, "/updates/0", "an update with nothing in it"},
		{"a place by name that is a place of the document", func(r *followup.Report) {
			r.Updates[0].Occurrences = []followup.Occurrence{{Date: promise.MustParseDate("2019-03-01"), Place: promise.Text{"sv": "Läggesta station"}}}
		}, "/updates/0/occurrences/0/place", "will be read back as that place"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := clone(t, &base)
			tc.edit(r)
			require.NoError(t, r.Validate(&b.Document))
			var buf bytes.Buffer
			lost, err := sheet.Export(&buf, &b.Document, r, sheet.Options{})
			require.NoError(t, err)
			var found *schema.Problem
			for i := range lost {
				if lost[i].Pointer == tc.pointer {
					found = &lost[i]
				}
			}
			require.NotNil(t, found, "no warning at %s in %v", tc.pointer, lost)
			assert.Contains(t, found.Message.In("en"), tc.text)
			assert.Equal(t, schema.Warning, found.Severity)
		})
	}
}

func clone(t *testing.T, r *followup.Report) *followup.Report {
	t.Helper()
	data, err := json.Marshal(r)
	require.NoError(t, err)
	var c followup.Report
	require.NoError(t, json.Unmarshal(data, &c))
	return &c
}

func TestExportRefusesAnInvalidReport(t *testing.T) {
	b := strangnas(t)
	r := clone(t, &b.Reports[3])
	r.CitizenPromiseID = uuid.Must(uuid.NewV7())
	var buf bytes.Buffer
	_, err := sheet.Export(&buf, &b.Document, r, sheet.Options{})
	require.ErrorContains(t, err, "sheet: the report is invalid")
	assert.Zero(t, buf.Len(), "nothing is written")
}

// The file is what Swedish Excel opens as a table.
func TestExportIsForSwedishExcel(t *testing.T) {
	b := strangnas(t)
	data := export(t, b, &b.Reports[3], sheet.Options{})
	assert.True(t, bytes.HasPrefix(data, []byte("\xEF\xBB\xBFFormat;medborgarlofte-uppfoljning 1\r\n")))
	s := string(data)
	assert.Contains(t, s, "\r\nAktivitet;Mål;Resultat (värde | datum | enhet | beskrivning);")
	assert.Contains(t, s, ";20;")
	assert.NotContains(t, s, "\n\n")
	// A decimal comma where a number has decimals.
	r := clone(t, &b.Reports[3])
	v := 0.78
	r.Updates[3].Results[0].Value = &v // of no target: need not be whole
	r.Updates[3].Results[0].Qualifier = promise.AboutQualifier
	assert.Contains(t, string(export(t, b, r, sheet.Options{})), ";cirka 0,78 |  | trafikkontroller | 303 trafikkontroller")
}

// An empty report gives a sheet with a row per activity and target to fill
// in; a party's sheet holds only its activities.
func TestExportRows(t *testing.T) {
	b := strangnas(t)
	doc := &b.Document
	cp := &doc.CitizenPromises[0]
	r := sheet.NewReport(cp.ID, promise.Period{Start: promise.MustParseDate("2019-05-01"), End: promise.MustParseDate("2019-08-31")}, promise.MustParseDate("2019-09-10"), cp.PartyIDs)
	rows := func(opts sheet.Options) [][]string {
		var buf bytes.Buffer
		_, err := sheet.Export(&buf, doc, r, opts)
		require.NoError(t, err)
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
		cr.Comma, cr.FieldsPerRecord = ';', -1
		recs, err := cr.ReadAll()
		require.NoError(t, err)
		for i, rec := range recs {
			if rec[0] == "Aktivitet" {
				return recs[i+1:]
			}
		}
		t.Fatal("no header")
		return nil
	}
	all := rows(sheet.Options{})
	assert.Len(t, all, len(cp.Activities), "one target each")
	police := cp.PartyIDs[1]
	var want int
	for _, a := range cp.Activities {
		if contains(a.LeadIDs, police) || contains(a.PartnerIDs, police) {
			want++
		}
	}
	own := rows(sheet.Options{Party: police})
	assert.Len(t, own, want)
	assert.Less(t, want, len(all))
	// The empty sheet, read back, is the empty report.
	var buf bytes.Buffer
	_, err := sheet.Export(&buf, doc, r, sheet.Options{})
	require.NoError(t, err)
	back, problems := sheet.Import(buf.Bytes(), doc, sheet.Options{})
	require.NotNil(t, back, "%v", problems)
	assert.Equal(t, jsonOf(t, r), jsonOf(t, back))
}

func contains(ids []uuid.UUID, id uuid.UUID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func TestTargetSentence(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	doc := &promise.Document{Places: []promise.Place{{ID: uuid.MustParse("01a2013e-d988-7ad5-9001-8df0a79ed619"), Name: promise.Text{"sv": "Läggesta"}}}}
	tests := []struct {
		target promise.Target
		sv, en string
	}{
		{promise.Target{Kind: promise.Count, Value: v(4), Comparison: promise.AtLeast, Unit: promise.Text{"sv": "vandringar", "en": "walks"}}, "minst 4 vandringar", "at least 4 walks"},
		{promise.Target{Kind: promise.Count, Value: v(2.5), Comparison: promise.Exactly, Scope: promise.EachYear}, "exakt 2,5 varje år", "exactly 2,5 each year"},
		{promise.Target{Kind: promise.Milestone, Due: promise.MustParseDate("2019-06-30")}, "klart senast 2019-06-30", "done by 2019-06-30"},
		{promise.Target{Kind: promise.Recurring, Value: v(1), Every: promise.Weekly}, "minst 1 per vecka", "at least 1 per week"},
		{promise.Target{Kind: promise.Coverage, PlaceIDs: []uuid.UUID{doc.Places[0].ID}}, "alla: Läggesta", "all of: Läggesta"},
		{promise.Target{Kind: promise.Continuous, Description: promise.Text{"sv": "Fortsätta"}}, "Fortsätta (löpande arbete)", "Fortsätta (continuing work)"},
		{promise.Target{Kind: promise.Indicator, Value: v(90), Direction: promise.Increase, Baseline: &promise.Measurement{Value: 85}, Unit: promise.Text{"sv": "%"}}, "öka från 85 till 90 %", "increase from 85 to 90 %"},
		{promise.Target{Kind: promise.Unmeasurable}, "inget mätbart mål", "nothing measurable"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.sv, sheet.TargetSentence(&tc.target, doc, "sv"))
		assert.Equal(t, tc.en, sheet.TargetSentence(&tc.target, doc, "en"))
	}
}

// records reads a sheet as CSV rows, for tests that edit it.
func records(t *testing.T, data []byte) [][]string {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	cr.Comma, cr.FieldsPerRecord = ';', -1
	recs, err := cr.ReadAll()
	require.NoError(t, err)
	return recs
}

func write(t *testing.T, recs [][]string, comma rune) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBF")
	cw := csv.NewWriter(&buf)
	cw.Comma, cw.UseCRLF = comma, true
	require.NoError(t, cw.WriteAll(recs))
	return buf.Bytes()
}

// Strings that a spreadsheet would run are written after an apostrophe and
// read back as they were.
func TestFormulasAreNotRun(t *testing.T) {
	b := strangnas(t)
	r := clone(t, &b.Reports[3])
	r.Updates[0].Narrative = promise.Text{"sv": "=HYPERLINK(\"https://evil.example\")"}
	r.Summary = promise.Text{"sv": "-5 fler"}
	data := export(t, b, r, sheet.Options{})
	assert.Contains(t, string(data), `;"'=HYPERLINK(""https://evil.example"")";`)
	assert.Contains(t, string(data), "Sammanfattning;'-5 fler")
	back, problems := sheet.Import(data, &b.Document, sheet.Options{})
	require.NotNil(t, back, "%v", problems)
	assert.Equal(t, r.Updates[0].Narrative, back.Updates[0].Narrative)
	assert.Equal(t, "-5 fler", back.Summary["sv"])
}

// Format 1.1: a report about an action plan, with a date the source does
// not give, results with qualifiers, outcomes and periods, and dates of a
// month: written and read back the same.
func TestRoundTripFormat11(t *testing.T) {
	b := strangnas(t)
	doc := b.Document
	kommun := doc.Parties[0].ID
	five := 5.0
	plan := promise.ActionPlan{
		ID: uuid.Must(uuid.NewV7()), Title: promise.Text{"sv": "Åtgärdsplan 2024"},
		Period:   promise.Period{Start: promise.MustParseDate("2024-01-01"), End: promise.MustParseDate("2024-12-31")},
		PartyIDs: []uuid.UUID{kommun},
		Activities: []promise.Activity{{
			ID: uuid.Must(uuid.NewV7()), Text: promise.Text{"sv": "Trafikkontroller varje vecka"}, LeadIDs: []uuid.UUID{kommun},
			Targets: []promise.Target{{ID: uuid.Must(uuid.NewV7()), Kind: promise.Rate, Value: &five, Every: promise.Weekly}},
		}},
	}
	doc.ActionPlans = []promise.ActionPlan{plan}
	require.NoError(t, doc.Validate())
	act := plan.Activities[0]
	v := 71.0
	r := &followup.Report{
		Schema: schema.ReportURL, SchemaVersion: promise.SchemaVersion, ID: uuid.Must(uuid.NewV7()), ActionPlanID: plan.ID,
		Period:    promise.Period{Start: promise.MustParseDate("2024-05-01"), End: promise.MustParseDate("2024-08-31")},
		NotStated: []string{promise.DateField}, ReportedBy: []uuid.UUID{kommun},
		Updates: []followup.Update{{
			ActivityID: act.ID,
			Results: []followup.Result{
				{TargetID: act.Targets[0].ID, Value: &v, Qualifier: promise.OverQualifier, Outcome: followup.PartlyDone,
					Period: &promise.Period{Start: promise.MustParseDate("2024-05-01"), End: promise.MustParseDate("2024-07-31")}, Date: promise.MustParseDate("2024-08")},
				{Outcome: followup.Done},
			},
			Occurrences: []followup.Occurrence{{Date: promise.MustParseDate("2024-06"), TargetID: act.Targets[0].ID}},
		}},
	}
	require.NoError(t, r.Validate(&doc))
	var buf bytes.Buffer
	lost, err := sheet.Export(&buf, &doc, r, sheet.Options{})
	require.NoError(t, err)
	require.Empty(t, lost)
	s := buf.String()
	assert.Contains(t, s, "Följer upp;Åtgärdsplan 2024\r\n")
	assert.Contains(t, s, "Åtgärdsplanens id (ändra inte);"+plan.ID.String()+"\r\n")
	assert.Contains(t, s, "Rapportdatum (eller okänt);okänt\r\n")
	assert.Contains(t, s, ";drygt 71 (delvis genomfört) | 2024-05-01/2024-07-31, 2024-08;2024-06;")
	assert.Contains(t, s, ";genomfört;")
	back, problems := sheet.Import(buf.Bytes(), &doc, sheet.Options{})
	require.NotNil(t, back, "%v", problems)
	assert.Empty(t, problems)
	assert.Equal(t, jsonOf(t, r), jsonOf(t, back))
}

// The words of a result's value and date, as people write them.
func TestResultWords(t *testing.T) {
	b := strangnas(t)
	exported := export(t, b, &b.Reports[3], sheet.Options{})
	tests := []struct {
		value, when string
		want        string // the result as JSON, without target
	}{
		{"drygt 300", "", `{"value":300,"qualifier":"over"}`},
		{"ca 12,5", "2019-06", `{"value":12.5,"qualifier":"about","date":"2019-06"}`},
		{"at most 3", "2019", `{"value":3,"qualifier":"atMost","date":"2019"}`},
		{"Genomfört", "", `{"outcome":"done"}`},
		{"delvis", "", `{"outcome":"partlyDone"}`},
		{"inte genomfört", "", `{"outcome":"notDone"}`},
		{"knappt 1 234", "2019-05-01/2019-07-31", `{"value":1234,"qualifier":"under","period":{"start":"2019-05-01","end":"2019-07-31"}}`},
		{"40 (done)", "2019-05/2019-07, 2019-08-15", `{"value":40,"outcome":"done","date":"2019-08-15","period":{"start":"2019-05","end":"2019-07"}}`},
	}
	for _, tc := range tests {
		recs := records(t, exported)
		recs = set(22, "C", tc.value+" | "+tc.when)(recs) // the traffic controls, no target
		r, problems := sheet.Import(write(t, recs, ';'), &b.Document, sheet.Options{})
		require.NotNil(t, r, "%s | %s: %v", tc.value, tc.when, problems)
		got, err := json.Marshal(r.Updates[3].Results[0])
		require.NoError(t, err)
		assert.JSONEq(t, tc.want, string(got), "%s | %s", tc.value, tc.when)
	}
}
