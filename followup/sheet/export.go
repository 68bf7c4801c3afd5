package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// Options say how a sheet is written and read. The zero value means a
// Swedish sheet of every activity.
type Options struct {
	// Lang is the language of the sheet's words, and of the texts it
	// shows and reads back: "sv" (the default) or "en".
	Lang string
	// Party, when set, limits an exported sheet to the activities the
	// party leads or takes part in (and those the report already
	// updates): a party that reports only its own share.
	Party uuid.UUID
	// Base, for Import, is the report the sheet was exported from. What
	// a sheet cannot hold is kept from it (texts in other languages
	// where the sheet's text is unchanged, the report's sources, notes,
	// results and extensions, updates of activities without a row), when
	// the sheet's report id is Base's.
	Base *followup.Report
	// MaxBytes is the largest sheet Import reads; default
	// schema.DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) lang() string { return words.Lang(o.Lang) }

// The codes of problems of sheets, beside those of package schema and
// package promise.
const (
	CodeNotASheet     schema.Code = "not-a-sheet"    // no table with the id columns
	CodeSheetVersion  schema.Code = "sheet-version"  // a layout of another major version
	CodeUnknownColumn schema.Code = "unknown-column" // a column or key the sheet does not read (a warning)
	CodeConflict      schema.Code = "conflict"       // an activity's value differs between its rows
	CodeEncoding      schema.Code = "encoding"       // not UTF-8 (a warning when read as Windows-1252)
	CodeNotInSheet    schema.Code = "not-in-sheet"   // exported data a sheet cannot hold (a warning)
	CodeDuplicateRow  schema.Code = "duplicate-row"  // an activity and target on two rows
	CodeBadCell       schema.Code = "bad-value"      // a value that cannot be read
	CodeMissingCell   schema.Code = "missing"        // a value the report needs
)

var (
	mNotInSheet   = msg("sheet.notInSheet")
	mOtherLangs   = msg("sheet.otherLangs")
	mNoLang       = msg("sheet.noLang")
	mNotShown     = msg("sheet.notShown")
	mNotFit       = msg("sheet.notFit")
	mEmptyUpd     = msg("sheet.emptyUpd")
	mUnknownBound = msg("sheet.unknownBound")
	mResultPeriod = msg("sheet.resultPeriod")
	mActivityIDs  = msg("sheet.activityIDs")
	mResult       = msg("sheet.result")
	mSource       = msg("sheet.source")
	mNote         = msg("sheet.note")
	mExtensions   = msg("sheet.extensions")
	mPlaceName    = msg("sheet.placeName")
)

// NewReport returns an empty report about the citizen promise cpID for
// period, dated date, by the parties reportedBy, with a new id: what
// [Export] writes as an empty sheet to fill in.
func NewReport(cpID uuid.UUID, period promise.Period, date promise.Date, reportedBy []uuid.UUID) *followup.Report {
	return &followup.Report{
		Schema:           schema.ReportURL,
		SchemaVersion:    promise.SchemaVersion,
		ID:               uuid.Must(uuid.NewV7()),
		CitizenPromiseID: cpID,
		Period:           period,
		Date:             date,
		ReportedBy:       reportedBy,
		Updates:          []followup.Update{},
	}
}

// Export writes report r, about a citizen promise of doc, as a sheet:
// a CSV file that Excel in Swedish opens as a table (UTF-8 with a byte
// order mark, semicolons, CRLF line ends, decimal commas). Above the
// table, one row per value of the report (its ids, period, date, who
// reports, title, summary); then one row per activity and target, with
// the activity's text and the target as a sentence to read, and columns
// for results, dated occurrences, a completion date, an assessment with
// its justification, narrative, reasons for a shortfall, substitute
// activities and evidence links. The rows are the citizen promise's
// activities whose window meets the report's period (or, with
// Options.Party, those the party leads or takes part in), and any the
// report updates; an empty report gives a sheet to fill in.
//
// r must be valid (see [followup.Report.Validate]). What the report holds
// that a sheet cannot (texts in other languages than Options.Lang,
// sources, notes and results of the report as a whole, extensions) is
// returned as warnings, each with its pointer into the report: the sheet
// read back by [Import] lacks it.
func Export(w io.Writer, doc *promise.Document, r *followup.Report, opts Options) (schema.Problems, error) {
	records, lost, err := Records(doc, r, opts)
	if err != nil {
		return nil, err
	}
	return lost, WriteCSV(w, records)
}

// Records returns the sheet of report r as [Export] writes it, as rows of
// cells, for a program that shows it as a table (the editor); the warnings
// are Export's. [WriteCSV] writes the rows as Export does, and
// [ImportRecords] reads them back.
func Records(doc *promise.Document, r *followup.Report, opts Options) ([][]string, schema.Problems, error) {
	if err := r.Validate(doc); err != nil {
		return nil, nil, fmt.Errorf("sheet: the report is invalid: %w", err)
	}
	e := exporter{doc: doc, r: r, lang: opts.lang()}
	e.acts, _ = r.Subject(doc)
	e.meta()
	e.header()
	e.table(opts.Party)
	return e.records, e.lost, nil
}

// WriteCSV writes rows of cells as a sheet for Swedish Excel: a byte order
// mark, semicolons, CRLF, and an apostrophe before a text that a
// spreadsheet would run as a formula.
func WriteCSV(w io.Writer, records [][]string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	for _, rec := range records {
		guarded := make([]string, len(rec))
		for i, c := range rec {
			guarded[i] = guard(c)
		}
		if err := cw.Write(guarded); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type exporter struct {
	doc     *promise.Document
	acts    []*promise.Activity // of what the report follows up
	r       *followup.Report
	lang    string
	records [][]string
	lost    schema.Problems
}

// lose warns that what, at ptr in the report, is not in the sheet, and why.
func (e *exporter) lose(ptr string, what promise.Text, why msg, args ...any) {
	e.warn(ptr, mNotInSheet.text(map[string]string(what), words.M(words.Key(why), args...)))
}

func (e *exporter) warn(ptr string, m promise.Text) {
	e.lost = append(e.lost, schema.Problem{Pointer: ptr, Code: CodeNotInSheet, Severity: schema.Warning, Message: m})
}

// same is a text that is the same in every language (a name, a number).
func same(s string) promise.Text {
	out := make(promise.Text)
	for _, l := range words.Languages() {
		out[l] = s
	}
	return out
}

// text returns t's text in the sheet's language, and warns of the others.
func (e *exporter) text(ptr string, t promise.Text) string {
	var others []string
	for lang, s := range t {
		if lang != e.lang && strings.TrimSpace(s) != "" {
			others = append(others, lang)
		}
	}
	if len(others) > 0 {
		slices.Sort(others)
		e.lose(ptr, mOtherLangs.text(strings.Join(others, ", ")), mNoLang)
	}
	return t[e.lang]
}

// entryText is text for a field of an entry, checked to read back whole.
func (e *exporter) entryText(ptr string, t promise.Text, last bool) string {
	s := e.text(ptr, t)
	if (last && !fitsLast(s)) || (!last && !fitsField(s)) {
		e.lose(ptr, same(strconv.Quote(s)), mNotFit)
	}
	return s
}

func (e *exporter) add(cells ...string) {
	e.records = append(e.records, cells)
}

func (e *exporter) metaRow(k metaID, value string) {
	e.add(metaKeys[k].label.in(e.lang), value)
}

func (e *exporter) meta() {
	r := e.r
	e.metaRow(metaFormat, formatName+" "+FormatVersion)
	e.metaRow(metaHelp, help.in(e.lang))
	e.metaRow(metaSubject, subjectTitle(e.doc, r).In(e.lang))
	switch {
	case r.CitizenPromiseID != uuid.Nil:
		e.metaRow(metaCitizenPromiseID, r.CitizenPromiseID.String())
	case r.ActionPlanID != uuid.Nil:
		e.metaRow(metaActionPlanID, r.ActionPlanID.String())
	default:
		e.metaRow(metaAgreementID, r.AgreementID.String())
	}
	e.metaRow(metaReportID, r.ID.String())
	e.metaRow(metaTitle, e.text("/title", r.Title))
	e.metaRow(metaPeriodStart, r.Period.Start.String())
	e.metaRow(metaPeriodEnd, r.Period.End.String())
	e.metaRow(metaPeriodLabel, e.text("/period/label", r.Period.Label))
	date := r.Date.String()
	if r.Date.IsZero() {
		date = unknown.in(e.lang)
	}
	e.metaRow(metaDate, date)
	if len(r.Period.NotStated) > 0 {
		e.lose("/period/notStated", mUnknownBound.text(), mNotShown)
	}
	var parties []string
	for _, id := range r.ReportedBy {
		parties = append(parties, e.partyName(id))
	}
	e.metaRow(metaReportedBy, strings.Join(parties, "\n"))
	e.metaRow(metaFinal, formatBool(r.Final, e.lang))
	e.metaRow(metaIllustrative, formatBool(r.Illustrative, e.lang))
	e.metaRow(metaSummary, e.text("/summary", r.Summary))
	for i := range r.Results {
		e.lose("/results/"+strconv.Itoa(i), mResult.text(), mNotShown)
	}
	for i := range r.Sources {
		e.lose("/sources/"+strconv.Itoa(i), mSource.text(), mNotShown)
	}
	for i := range r.Notes {
		e.lose("/notes/"+strconv.Itoa(i), mNote.text(), mNotShown)
	}
	if len(r.Extensions) > 0 {
		e.lose("/extensions", mExtensions.text(), mNotShown)
	}
	e.add("", "")
}

// subjectTitle is the title of what r follows up.
func subjectTitle(doc *promise.Document, r *followup.Report) promise.Text {
	for _, c := range doc.CitizenPromises {
		if c.ID == r.CitizenPromiseID {
			return c.Title
		}
	}
	for _, a := range doc.ActionPlans {
		if a.ID == r.ActionPlanID {
			return a.Title
		}
	}
	for _, a := range doc.Agreements {
		if a.ID == r.AgreementID {
			return a.Title
		}
	}
	return nil
}

// unknown is what the sheet says of a date the source does not give.
var unknown = label("fmt.unknown")

// partyName names a party by its name, or by its id when the name is not
// unique among the document's parties.
func (e *exporter) partyName(id uuid.UUID) string {
	return uniqueName(id, e.lang, len(e.doc.Parties), func(i int) (uuid.UUID, []promise.Text) {
		p := &e.doc.Parties[i]
		return p.ID, []promise.Text{p.Name, p.ShortName}
	})
}

func (e *exporter) placeName(id uuid.UUID) string {
	return uniqueName(id, e.lang, len(e.doc.Places), func(i int) (uuid.UUID, []promise.Text) {
		return e.doc.Places[i].ID, []promise.Text{e.doc.Places[i].Name}
	})
}

// uniqueName returns the name of entity id in lang when it names no other
// of the n entities (in any of their names and languages), else the id.
func uniqueName(id uuid.UUID, lang string, n int, entity func(int) (uuid.UUID, []promise.Text)) string {
	name := ""
	for i := range n {
		if eid, names := entity(i); eid == id {
			name = names[0].In(lang)
		}
	}
	if name == "" || !fitsField(name) {
		return id.String()
	}
	for i := range n {
		eid, names := entity(i)
		if eid == id {
			continue
		}
		for _, t := range names {
			for _, s := range t {
				if key(s) == key(name) {
					return id.String()
				}
			}
		}
	}
	return name
}

func (e *exporter) header() {
	row := make([]string, numColumns)
	for c := range numColumns {
		row[c] = columns[c].label.in(e.lang)
	}
	e.add(row...)
}

// table writes the rows of the activities.
func (e *exporter) table(party uuid.UUID) {
	updates := map[uuid.UUID]int{}
	for i := range e.r.Updates {
		updates[e.r.Updates[i].ActivityID] = i
	}
	for _, a := range e.acts {
		ui, has := updates[a.ID]
		if !has && !e.include(a, party) {
			continue
		}
		var u *followup.Update
		ptr := ""
		if has {
			u, ptr = &e.r.Updates[ui], "/updates/"+strconv.Itoa(ui)
		}
		e.activity(a, u, ptr)
	}
}

func (e *exporter) include(a *promise.Activity, party uuid.UUID) bool {
	p := e.r.Period
	if w := a.Window; w != nil {
		if f := w.From(); !f.IsZero() && f.After(p.Through()) {
			return false
		}
		if t := w.Through(); !t.IsZero() && t.Before(p.From()) {
			return false
		}
	}
	return party == uuid.Nil || slices.Contains(a.LeadIDs, party) || slices.Contains(a.PartnerIDs, party)
}

func (e *exporter) activity(a *promise.Activity, u *followup.Update, ptr string) {
	targets := make([]*promise.Target, 0, len(a.Targets)+1)
	for i := range a.Targets {
		targets = append(targets, &a.Targets[i])
	}
	if len(targets) == 0 || (u != nil && untargeted(u)) {
		targets = append(targets, nil)
	}
	for n, t := range targets {
		row := make([]string, numColumns)
		row[colActivity] = a.Text.In(e.lang)
		row[colActivityID] = a.ID.String()
		tid := uuid.Nil
		switch {
		case t != nil:
			tid = t.ID
			row[colTarget] = TargetSentence(t, e.doc, e.lang)
			row[colTargetID] = t.ID.String()
		case len(a.Targets) > 0:
			row[colTarget] = label("sheet.noTargetRow").in(e.lang)
		}
		if u != nil {
			row[colResults] = e.results(u, ptr, tid)
			row[colOccurrences] = e.occurrences(u, ptr, tid)
			if n == 0 {
				e.activityCells(row, u, ptr)
			}
		}
		e.add(row...)
	}
}

func untargeted(u *followup.Update) bool {
	return slices.ContainsFunc(u.Occurrences, func(o followup.Occurrence) bool { return o.TargetID == uuid.Nil }) ||
		slices.ContainsFunc(u.Results, func(r followup.Result) bool { return r.TargetID == uuid.Nil })
}

func (e *exporter) results(u *followup.Update, ptr string, tid uuid.UUID) string {
	var lines []string
	for i, res := range u.Results {
		if res.TargetID != tid {
			continue
		}
		p := ptr + "/results/" + strconv.Itoa(i)
		if q := res.Period; q != nil && (len(q.Label) > 0 || len(q.NotStated) > 0) {
			e.lose(p+"/period", mResultPeriod.text(), mNotShown)
		}
		if len(res.ActivityIDs) > 0 {
			e.lose(p+"/activityIds", mActivityIDs.text(), mNotShown)
		}
		lines = append(lines, joinFields(formatValue(&res, e.lang), formatWhen(&res),
			e.entryText(p+"/unit", res.Unit, false), e.entryText(p+"/description", res.Description, true)))
	}
	return strings.Join(lines, "\n")
}

func (e *exporter) occurrences(u *followup.Update, ptr string, tid uuid.UUID) string {
	var lines []string
	for i, o := range u.Occurrences {
		if o.TargetID != tid {
			continue
		}
		p := ptr + "/occurrences/" + strconv.Itoa(i)
		count := ""
		if o.Count != 0 {
			count = strconv.Itoa(o.Count)
		}
		place := ""
		switch {
		case o.PlaceID != uuid.Nil:
			place = e.placeName(o.PlaceID)
		case !o.Place.IsZero():
			place = e.entryText(p+"/place", o.Place, false)
			if e.findPlace(place) != uuid.Nil {
				e.warn(p+"/place", mPlaceName.text(place))
			}
		}
		lines = append(lines, joinFields(o.Date.String(), count, place, e.entryText(p+"/note", o.Note, true)))
	}
	return strings.Join(lines, "\n")
}

func (e *exporter) findPlace(name string) uuid.UUID {
	id, _ := findByName(name, len(e.doc.Places), func(i int) (uuid.UUID, []promise.Text) {
		return e.doc.Places[i].ID, []promise.Text{e.doc.Places[i].Name}
	})
	return id
}

func (e *exporter) activityCells(row []string, u *followup.Update, ptr string) {
	if !u.Completed.IsZero() {
		row[colCompleted] = u.Completed.String()
	}
	if a := u.Assessment; a != nil {
		row[colAssessment] = a.Status.Label(e.lang)
		row[colJustification] = e.text(ptr+"/assessment/justification", a.Justification)
	}
	row[colNarrative] = e.text(ptr+"/narrative", u.Narrative)
	row[colShortfall] = e.text(ptr+"/shortfall", u.Shortfall)
	var lines []string
	for i, s := range u.Substitutes {
		text := e.entryText(ptr+"/substitutes/"+strconv.Itoa(i)+"/text", s.Text, true)
		switch {
		case !s.Date.IsZero():
			lines = append(lines, s.Date.String()+fieldSep+text)
		case strings.Contains(text, "|"):
			lines = append(lines, "|"+" "+text)
		default:
			lines = append(lines, text)
		}
	}
	row[colSubstitutes] = strings.Join(lines, "\n")
	lines = nil
	for i, l := range u.Evidence {
		p := ptr + "/evidence/" + strconv.Itoa(i)
		if !fitsField(l.URL) {
			e.lose(p+"/url", same(strconv.Quote(l.URL)), mNotFit)
		}
		lines = append(lines, joinFields(l.URL, e.entryText(p+"/title", l.Title, true)))
	}
	row[colEvidence] = strings.Join(lines, "\n")
	if u.Completed.IsZero() && u.Assessment == nil && u.Narrative.IsZero() && u.Shortfall.IsZero() &&
		len(u.Substitutes) == 0 && len(u.Evidence) == 0 && len(u.Occurrences) == 0 && len(u.Results) == 0 {
		e.lose(ptr, mEmptyUpd.text(), mNotShown)
	}
}
