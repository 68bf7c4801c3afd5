package sheet

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
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

var (
	mAt          = msg("sheet.at")
	mAtRow       = msg("sheet.atRow")
	mTooLarge    = msg("sheet.tooLarge")
	mWindows     = msg("sheet.windows")
	mBadUTF8     = msg("sheet.badUTF8")
	mCSV         = msg("sheet.cSV")
	mNoTable     = msg("sheet.noTable")
	mVersion     = msg("sheet.version")
	mNoColumn    = msg("sheet.noColumn")
	mColTwice    = msg("sheet.colTwice")
	mUnknownCol  = msg("sheet.unknownCol")
	mUnknownKey  = msg("sheet.unknownKey")
	mKeyTwice    = msg("sheet.keyTwice")
	mNoValue     = msg("sheet.noValue")
	mBadID       = msg("sheet.badID")
	mNoSubject   = msg("sheet.noSubject")
	mTwoSubjects = msg("sheet.twoSubjects")
	mNoActivity  = msg("sheet.noActivity")
	mNoTarget    = msg("sheet.noTarget")
	mNoIDs       = msg("sheet.noIDs")
	mRowTwice    = msg("sheet.rowTwice")
	mConflict    = msg("sheet.conflict")
	mBadDate     = msg("sheet.badDate")
	mNoSuchDate  = msg("sheet.noSuchDate")
	mBadValue    = msg("sheet.badValue")
	mBadCount    = msg("sheet.badCount")
	mBadBool     = msg("sheet.badBool")
	mBadStatus   = msg("sheet.badStatus")
	mNoStatus    = msg("sheet.noStatus")
	mNoParty     = msg("sheet.noParty")
	mPartyTwice  = msg("sheet.partyTwice")
	mNoDate      = msg("sheet.noDate")
	mNoURL       = msg("sheet.noURL")
	mGeneratedID = msg("sheet.generatedID")
)

// badDate says what is wrong with a date of a cell: its form, or, for
// one of the right form such as 2019-06-31, that no such day exists.
func badDate(s string) promise.Text {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		if _, err := strconv.Atoi(s[:4] + s[5:7] + s[8:]); err == nil && s[5:7] >= "01" && s[5:7] <= "12" {
			return mNoSuchDate.text(s)
		}
	}
	return mBadDate.text(s)
}

// Import reads a sheet written by [Export], and edited, back into a
// report about doc. Columns may be moved, rows sorted, and rows of
// activities not reported left empty (they give no update). A sheet saved
// by Excel in Windows-1252 instead of UTF-8, or with commas instead of
// semicolons, is read too, the first with a warning.
//
// Every problem is placed by row and column: Line is the row and Column
// the column as the spreadsheet numbers them (1 is column A), Pointer is
// the JSON pointer of the value in the report, where there is one, and
// the message begins "row N, column X (name): ". The report is returned
// only when no problem is an error; it is then valid for doc (the checks
// of [schema.Decode] and [followup.Report.Validate]).
func Import(data []byte, doc *promise.Document, opts Options) (*followup.Report, schema.Problems) {
	im := importer{doc: doc, lang: opts.lang(), listed: map[uuid.UUID]bool{}}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = schema.DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		im.problem(cell{row: 1, col: -1}, "", schema.CodeTooLarge, schema.Error, mTooLarge.text(len(data), limit))
		return nil, im.problems
	}
	text, enc := decodeText(data)
	switch enc {
	case badUTF8:
		im.problem(cell{row: 1, col: -1}, "", CodeEncoding, schema.Error, mBadUTF8.text())
		return nil, im.problems
	case windowsText:
		im.problem(cell{row: 1, col: -1}, "", CodeEncoding, schema.Warning, mWindows.text())
	}
	if !im.read(text) {
		return nil, im.problems
	}
	return im.finish(opts)
}

// ImportRecords reads rows of cells, as [Records] returns them and a
// program that shows them as a table changes them, back into a report, as
// [Import] reads a sheet; row N of a problem is records[N-1].
func ImportRecords(records [][]string, doc *promise.Document, opts Options) (*followup.Report, schema.Problems) {
	im := importer{doc: doc, lang: opts.lang(), listed: map[uuid.UUID]bool{}}
	for i, rec := range records {
		im.rows = append(im.rows, record{row: i + 1, cells: rec})
	}
	return im.finish(opts)
}

func (im *importer) finish(opts Options) (*followup.Report, schema.Problems) {
	r := im.report()
	if r != nil && !im.problems.Invalid() {
		keep(r, opts.Base, im.lang, im.listed)
		im.validate(r)
	}
	slices.SortStableFunc(im.problems, func(a, b schema.Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	if im.problems.Invalid() {
		return nil, im.problems
	}
	return r, im.problems
}

// cell is a place in the sheet: a row and a 0-based column (-1: the row).
type cell struct {
	row, col int
	name     label // the column's name
}

type importer struct {
	doc      *promise.Document
	acts     []*promise.Activity // of what the report follows up
	lang     string
	rows     []record
	problems schema.Problems
	// where maps a pointer into the report to its cell.
	where map[string]cell
	// listed holds the activities the sheet has a row for.
	listed map[uuid.UUID]bool
}

// record is one row of the sheet with its number in the spreadsheet.
type record struct {
	row   int
	cells []string
}

func (im *importer) problem(c cell, ptr string, code schema.Code, sev schema.Severity, m promise.Text) {
	var at promise.Text
	switch {
	case c.col >= 0 && c.name != "":
		// The column by the name the sheet shows, in either message.
		at = mAt.text(c.row, columnName(c.col), short(c.name.in(im.lang)))
	case c.col >= 0:
		at = msg("sheet.atColumn").text(c.row, columnName(c.col))
	default:
		at = mAtRow.text(c.row)
	}
	im.problems = append(im.problems, schema.Problem{
		Line: c.row, Column: max(c.col, 0) + 1, Pointer: ptr, Code: code, Severity: sev,
		Message: joinTexts(at, m),
	})
}

// short is a column's name without its explanation in parentheses.
func short(name string) string {
	if i := strings.Index(name, " ("); i >= 0 {
		return name[:i]
	}
	return name
}

// read splits the text into rows, numbered as a spreadsheet shows them.
func (im *importer) read(text string) bool {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(text)
	cr.FieldsPerRecord = -1
	lineAt := newLines(text)
	row, prevEnd := 0, int64(0)
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			var pe *csv.ParseError
			line, col := 1, 0
			if errors.As(err, &pe) {
				line, col = pe.Line, pe.Column
				err = pe.Err
			}
			im.problem(cell{row: line, col: -1}, "", schema.CodeSyntax, schema.Error,
				mCSV.text(fmt.Sprintf("line %d, character %d: %v", line, col, err)))
			return false
		}
		// A blank line is a row in a spreadsheet, but the CSV reader
		// skips it: count the lines between this record and the last.
		start, _ := cr.FieldPos(0)
		row += 1 + max(start-lineAt(prevEnd), 0)
		prevEnd = cr.InputOffset()
		for i := range cells {
			cells[i] = unguard(cells[i])
		}
		im.rows = append(im.rows, record{row: row, cells: cells})
	}
}

// newLines returns a function from byte offset to 1-based line number.
func newLines(text string) func(off int64) int {
	var starts []int64
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, int64(i+1))
		}
	}
	return func(off int64) int {
		n, _ := slices.BinarySearch(starts, off+1)
		return n + 1
	}
}

// separator guesses the sheet's separator from its first line: Swedish
// Excel writes semicolons, English Excel commas, some tools tabs.
func separator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ';', strings.Count(first, ";")
	for _, c := range []rune{',', '\t'} {
		if k := strings.Count(first, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func (r record) at(i int) string {
	if i >= 0 && i < len(r.cells) {
		return r.cells[i]
	}
	return ""
}

// table is what the header row says: which column is where.
type table struct {
	header int             // index in rows
	at     [numColumns]int // the column of each, -1 when absent
}

func (im *importer) report() *followup.Report {
	t, ok := im.table()
	if !ok {
		return nil
	}
	r := &followup.Report{Schema: schema.ReportURL, SchemaVersion: promise.SchemaVersion, Updates: []followup.Update{}}
	im.where = map[string]cell{}
	if !im.meta(r, im.rows[:t.header]) {
		return r
	}
	im.updates(r, &t, im.rows[t.header+1:])
	return r
}

func (im *importer) table() (table, bool) {
	t := table{header: -1}
	for i, rec := range im.rows {
		if slices.ContainsFunc(rec.cells, columns[colActivityID].label.matches) {
			t.header = i
			break
		}
	}
	if t.header < 0 {
		im.problem(cell{row: 1, col: -1}, "", CodeNotASheet, schema.Error, mNoTable.text(columns[colActivityID].label.in(im.lang)))
		return t, false
	}
	for c := range t.at {
		t.at[c] = -1
	}
	h := im.rows[t.header]
	ok := true
	for i, name := range h.cells {
		if strings.TrimSpace(name) == "" {
			continue
		}
		c := slices.IndexFunc(columns[:], func(col column) bool { return col.label.matches(name) })
		switch {
		case c < 0:
			im.problem(cell{row: h.row, col: i}, "", CodeUnknownColumn, schema.Warning, mUnknownCol.text(name))
		case t.at[c] >= 0:
			im.problem(cell{row: h.row, col: i}, "", CodeDuplicateRow, schema.Error, mColTwice.text(name, columnName(t.at[c])))
			ok = false
		default:
			t.at[c] = i
		}
	}
	for c, at := range t.at {
		if at < 0 && !columns[c].shown {
			im.problem(cell{row: h.row, col: -1}, "", CodeMissingCell, schema.Error, mNoColumn.text(columns[c].label.in(im.lang)))
			ok = false
		}
	}
	return t, ok
}

// meta reads the rows above the table into r.
func (im *importer) meta(r *followup.Report, rows []record) bool {
	var (
		found [numMeta]int // the row of each key, 0 when absent
		value [numMeta]string
	)
	for _, rec := range rows {
		k := rec.at(0)
		if strings.TrimSpace(k) == "" {
			continue
		}
		m := slices.IndexFunc(metaKeys[:], func(mk struct {
			label label
			shown bool
		}) bool {
			return mk.label.matches(k)
		})
		switch {
		case m < 0:
			im.problem(cell{row: rec.row, col: 0}, "", CodeUnknownColumn, schema.Warning, mUnknownKey.text(k))
		case found[m] > 0:
			im.problem(cell{row: rec.row, col: 0}, "", CodeDuplicateRow, schema.Error, mKeyTwice.text(k, found[m]))
		default:
			found[m], value[m] = rec.row, rec.at(1)
		}
	}
	at := func(m metaID) cell {
		row := found[m]
		if row == 0 {
			row = 1
			if len(rows) > 0 {
				row = rows[0].row
			}
			return cell{row: row, col: -1}
		}
		return cell{row: row, col: 1, name: metaKeys[m].label}
	}
	if f := value[metaFormat]; found[metaFormat] > 0 && f != formatName+" "+FormatVersion && !strings.HasPrefix(f, formatName+" "+FormatVersion+".") {
		im.problem(at(metaFormat), "", CodeSheetVersion, schema.Error, mVersion.text(f, formatName+" "+FormatVersion))
		return false
	}
	required := func(m metaID, ptr string) (string, bool) {
		s := strings.TrimSpace(value[m])
		im.where[ptr] = at(m)
		if s == "" {
			im.problem(at(m), ptr, CodeMissingCell, schema.Error, mNoValue.text(short(metaKeys[m].label.in(im.lang))))
			return "", false
		}
		return s, true
	}
	ok := im.subject(r, found, value, at)
	im.where["/id"] = at(metaReportID)
	if s := strings.TrimSpace(value[metaReportID]); s == "" {
		r.ID = uuid.Must(uuid.NewV7())
		im.problem(at(metaReportID), "/id", CodeMissingCell, schema.Warning, mGeneratedID.text(r.ID))
	} else if id, err := uuid.Parse(s); err != nil {
		im.problem(at(metaReportID), "/id", CodeBadCell, schema.Error, mBadID.text(s))
	} else {
		r.ID = id
	}
	im.where["/title"] = at(metaTitle)
	r.Title = im.text(value[metaTitle])
	im.where["/summary"] = at(metaSummary)
	r.Summary = im.text(value[metaSummary])
	im.where["/period/label"] = at(metaPeriodLabel)
	r.Period.Label = im.text(value[metaPeriodLabel])
	for _, d := range []struct {
		m   metaID
		ptr string
		to  *promise.Date
	}{{metaPeriodStart, "/period/start", &r.Period.Start}, {metaPeriodEnd, "/period/end", &r.Period.End}, {metaDate, "/date", &r.Date}} {
		if d.m == metaDate && unknown.matches(value[d.m]) {
			im.where["/date"], im.where["/notStated"] = at(d.m), at(d.m)
			r.NotStated = []string{promise.DateField}
			continue
		}
		if s, has := required(d.m, d.ptr); has {
			if *d.to, has = parseDate(s); !has {
				im.problem(at(d.m), d.ptr, CodeBadCell, schema.Error, badDate(s))
			}
		}
	}
	for _, b := range []struct {
		m   metaID
		ptr string
		to  *bool
	}{{metaFinal, "/final", &r.Final}, {metaIllustrative, "/illustrative", &r.Illustrative}} {
		im.where[b.ptr] = at(b.m)
		v, good := parseBool(value[b.m])
		if !good {
			im.problem(at(b.m), b.ptr, CodeBadCell, schema.Error, mBadBool.text(value[b.m]))
		}
		*b.to = v
	}
	im.where["/reportedBy"] = at(metaReportedBy)
	for _, line := range entryLines(value[metaReportedBy]) {
		ptr := "/reportedBy/" + strconv.Itoa(len(r.ReportedBy))
		id, good := im.party(at(metaReportedBy), ptr, strings.TrimSpace(line))
		if good {
			im.where[ptr] = at(metaReportedBy)
			r.ReportedBy = append(r.ReportedBy, id)
		}
	}
	return ok
}

// subject reads what the report follows up: the one of the citizen
// promise's, the action plan's and the agreement's id that is given.
func (im *importer) subject(r *followup.Report, found [numMeta]int, value [numMeta]string, at func(metaID) cell) bool {
	subjects := []struct {
		m   metaID
		ptr string
		to  *uuid.UUID
	}{
		{metaCitizenPromiseID, "/citizenPromiseId", &r.CitizenPromiseID},
		{metaActionPlanID, "/actionPlanId", &r.ActionPlanID},
		{metaAgreementID, "/agreementId", &r.AgreementID},
	}
	var given []metaID
	for _, sub := range subjects {
		im.where[sub.ptr] = at(sub.m)
		s := strings.TrimSpace(value[sub.m])
		if s == "" {
			continue
		}
		given = append(given, sub.m)
		id, err := uuid.Parse(s)
		if err != nil {
			im.problem(at(sub.m), sub.ptr, CodeBadCell, schema.Error, mBadID.text(s))
			return false
		}
		*sub.to = id
		if len(given) > 1 {
			im.problem(at(sub.m), sub.ptr, CodeDuplicateRow, schema.Error, mTwoSubjects.text(short(metaKeys[given[0]].label.in(im.lang))))
			return false
		}
	}
	if len(given) == 0 {
		m := metaCitizenPromiseID
		im.problem(at(m), "/citizenPromiseId", CodeMissingCell, schema.Error, mNoValue.text(short(metaKeys[m].label.in(im.lang))))
		return false
	}
	acts, ok := r.Subject(im.doc)
	if !ok {
		sub := subjects[slices.Index([]metaID{metaCitizenPromiseID, metaActionPlanID, metaAgreementID}, given[0])]
		im.problem(at(given[0]), sub.ptr, schema.Code(promise.CodeDanglingRef), schema.Error, mNoSubject.text(*sub.to))
		return false
	}
	im.acts = acts
	return true
}

// text is a cell's text as a text of the sheet's language; nil when empty.
func (im *importer) text(s string) promise.Text {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return promise.Text{im.lang: s}
}

// party finds a party by id or by name (in any language, or short name).
func (im *importer) party(c cell, ptr, s string) (uuid.UUID, bool) {
	if id, err := uuid.Parse(s); err == nil {
		return id, true // Validate says whether it is a party of the document
	}
	id, n := findByName(s, len(im.doc.Parties), func(i int) (uuid.UUID, []promise.Text) {
		p := &im.doc.Parties[i]
		return p.ID, []promise.Text{p.Name, p.ShortName}
	})
	switch n {
	case 0:
		var names []string
		for _, p := range im.doc.Parties {
			names = append(names, strconv.Quote(p.Name.In(im.lang)))
		}
		im.problem(c, ptr, schema.Code(promise.CodeDanglingRef), schema.Error, mNoParty.text(s, strings.Join(names, ", ")))
		return uuid.Nil, false
	case 1:
		return id, true
	}
	im.problem(c, ptr, schema.Code(promise.CodeDanglingRef), schema.Error, mPartyTwice.text(s))
	return uuid.Nil, false
}

// findByName returns the entity of the n whose name, in any language, is
// name (without case and extra spaces), and how many entities match.
func findByName(name string, n int, entity func(int) (uuid.UUID, []promise.Text)) (uuid.UUID, int) {
	k := key(name)
	found, count := uuid.Nil, 0
	for i := range n {
		id, names := entity(i)
		if slices.ContainsFunc(names, func(t promise.Text) bool {
			for _, s := range t {
				if key(s) == k {
					return true
				}
			}
			return false
		}) {
			found, count = id, count+1
		}
	}
	return found, count
}

// activityValues are the rows that set each value of an activity, so that
// a second row with another value is caught.
type activityValues struct {
	index int                  // of the update in the report
	rows  [numColumns]int      // the row that set each activity column
	vals  [numColumns]string   // its value
	seen  map[uuid.UUID]record // target id → the row that holds it
}

func (im *importer) updates(r *followup.Report, t *table, rows []record) {
	acts := map[uuid.UUID]*activityValues{}
	idCol := t.at[colActivityID]
	// The report lists activities in the document's order, and what
	// each target holds in the order of the targets, however the rows
	// were sorted.
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(a, b record) int {
		ai, at := im.order(a, t)
		bi, bt := im.order(b, t)
		if ai != bi {
			return ai - bi
		}
		return at - bt
	})
	for _, rec := range rows {
		if id, err := uuid.Parse(strings.TrimSpace(rec.at(idCol))); err == nil {
			im.listed[id] = true
		}
		if !hasData(rec, t) {
			continue
		}
		c := func(col columnID) cell { return cell{row: rec.row, col: t.at[col], name: columns[col].label} }
		s := strings.TrimSpace(rec.at(idCol))
		if s == "" {
			im.problem(c(colActivityID), "", CodeMissingCell, schema.Error, mNoIDs.text(columnName(idCol)))
			continue
		}
		aid, err := uuid.Parse(s)
		if err != nil {
			im.problem(c(colActivityID), "", CodeBadCell, schema.Error, mBadID.text(s))
			continue
		}
		a := im.activity(aid)
		if a == nil {
			im.problem(c(colActivityID), "", schema.Code(promise.CodeDanglingRef), schema.Error, mNoActivity.text(aid))
			continue
		}
		tid := uuid.Nil
		if s := strings.TrimSpace(rec.at(t.at[colTargetID])); s != "" {
			if tid, err = uuid.Parse(s); err != nil {
				im.problem(c(colTargetID), "", CodeBadCell, schema.Error, mBadID.text(s))
				continue
			}
			if !slices.ContainsFunc(a.Targets, func(t promise.Target) bool { return t.ID == tid }) {
				im.problem(c(colTargetID), "", schema.Code(promise.CodeDanglingRef), schema.Error, mNoTarget.text(tid))
				continue
			}
		}
		av := acts[aid]
		if av == nil {
			av = &activityValues{index: len(r.Updates), seen: map[uuid.UUID]record{}}
			acts[aid] = av
			r.Updates = append(r.Updates, followup.Update{ActivityID: aid})
			im.where["/updates/"+strconv.Itoa(av.index)] = c(colActivityID)
			im.where["/updates/"+strconv.Itoa(av.index)+"/activityId"] = c(colActivityID)
		}
		if prev, twice := av.seen[tid]; twice {
			im.problem(c(colTargetID), "", CodeDuplicateRow, schema.Error, mRowTwice.text(prev.row))
			continue
		}
		av.seen[tid] = rec
		ptr := "/updates/" + strconv.Itoa(av.index)
		u := &r.Updates[av.index]
		im.results(u, ptr, tid, rec.at(t.at[colResults]), c(colResults))
		im.occurrences(u, ptr, tid, rec.at(t.at[colOccurrences]), c(colOccurrences))
		im.activityCells(u, ptr, av, rec, t)
	}
	for _, av := range acts {
		u := &r.Updates[av.index]
		if u.Assessment != nil && av.rows[colAssessment] == 0 {
			c := cell{row: av.rows[colJustification], col: t.at[colJustification], name: columns[colJustification].label}
			im.problem(c, "/updates/"+strconv.Itoa(av.index)+"/assessment/status", CodeBadCell, schema.Error, mNoStatus.text(columnName(t.at[colAssessment])))
		}
	}
}

// order returns the position of the row's activity in the citizen promise
// and of its target in the activity (after them: the row without target,
// then rows whose ids are wrong).
func (im *importer) order(rec record, t *table) (activity, target int) {
	n := len(im.acts)
	aid, err := uuid.Parse(strings.TrimSpace(rec.at(t.at[colActivityID])))
	if err != nil {
		return n, 0
	}
	ai := slices.IndexFunc(im.acts, func(a *promise.Activity) bool { return a.ID == aid })
	if ai < 0 {
		return n, 0
	}
	targets := im.acts[ai].Targets
	s := strings.TrimSpace(rec.at(t.at[colTargetID]))
	if s == "" {
		return ai, len(targets)
	}
	tid, err := uuid.Parse(s)
	if err != nil {
		return ai, len(targets) + 1
	}
	ti := slices.IndexFunc(targets, func(t promise.Target) bool { return t.ID == tid })
	if ti < 0 {
		return ai, len(targets) + 1
	}
	return ai, ti
}

// hasData reports whether a row holds anything to read: a row left as
// exported, with only what is shown and ids, is no update.
func hasData(rec record, t *table) bool {
	for c := range numColumns {
		if columns[c].shown || c == colActivityID || c == colTargetID {
			continue
		}
		if strings.TrimSpace(rec.at(t.at[c])) != "" {
			return true
		}
	}
	return false
}

func (im *importer) activity(id uuid.UUID) *promise.Activity {
	for _, a := range im.acts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func (im *importer) results(u *followup.Update, ptr string, tid uuid.UUID, s string, c cell) {
	for _, line := range entryLines(s) {
		f := fields(line, 4)
		p := ptr + "/results/" + strconv.Itoa(len(u.Results))
		im.where[p] = c
		res := followup.Result{TargetID: tid}
		if !parseValue(f[0], &res) {
			im.problem(c, p+"/value", CodeBadCell, schema.Error, mBadValue.text(f[0]))
			continue
		}
		if len(f) > 1 && f[1] != "" {
			if bad := parseWhen(f[1], &res); bad != "" {
				im.problem(c, p+"/date", CodeBadCell, schema.Error, badDate(bad))
				continue
			}
		}
		if len(f) > 2 {
			res.Unit = im.text(f[2])
		}
		if len(f) > 3 {
			res.Description = im.text(f[3])
		}
		u.Results = append(u.Results, res)
	}
}

func (im *importer) occurrences(u *followup.Update, ptr string, tid uuid.UUID, s string, c cell) {
	for _, line := range entryLines(s) {
		// "2019-03-12, 2019-04-02": several dates on one line.
		if !strings.Contains(line, "|") && strings.Contains(line, ",") {
			parts := strings.Split(line, ",")
			if !slices.ContainsFunc(parts, func(p string) bool { _, ok := parseDate(p); return !ok }) {
				for _, p := range parts {
					d, _ := parseDate(p)
					im.where[ptr+"/occurrences/"+strconv.Itoa(len(u.Occurrences))] = c
					u.Occurrences = append(u.Occurrences, followup.Occurrence{Date: d, TargetID: tid})
				}
				continue
			}
		}
		f := fields(line, 4)
		p := ptr + "/occurrences/" + strconv.Itoa(len(u.Occurrences))
		im.where[p] = c
		o := followup.Occurrence{TargetID: tid}
		var ok bool
		if f[0] == "" {
			im.problem(c, p+"/date", CodeMissingCell, schema.Error, mNoDate.text())
			continue
		}
		if o.Date, ok = parseDate(f[0]); !ok {
			im.problem(c, p+"/date", CodeBadCell, schema.Error, badDate(f[0]))
			continue
		}
		if len(f) > 1 && f[1] != "" {
			n, err := strconv.Atoi(f[1])
			if err != nil || n < 1 {
				im.problem(c, p+"/count", CodeBadCell, schema.Error, mBadCount.text(f[1]))
				continue
			}
			o.Count = n
		}
		if len(f) > 2 && f[2] != "" {
			if id, err := uuid.Parse(f[2]); err == nil {
				o.PlaceID = id
			} else if id, n := im.findPlace(f[2]); n > 0 {
				o.PlaceID = id
			} else {
				o.Place = im.text(f[2])
			}
		}
		if len(f) > 3 {
			o.Note = im.text(f[3])
		}
		u.Occurrences = append(u.Occurrences, o)
	}
}

func (im *importer) findPlace(name string) (uuid.UUID, int) {
	return findByName(name, len(im.doc.Places), func(i int) (uuid.UUID, []promise.Text) {
		return im.doc.Places[i].ID, []promise.Text{im.doc.Places[i].Name}
	})
}

// activityCells reads the values of the activity on this row; a value an
// earlier row of the activity gave differently is a conflict.
func (im *importer) activityCells(u *followup.Update, ptr string, av *activityValues, rec record, t *table) {
	for col := range numColumns {
		if columns[col].perTarget || columns[col].shown || col == colActivityID {
			continue
		}
		s := rec.at(t.at[col])
		if strings.TrimSpace(s) == "" {
			continue
		}
		c := cell{row: rec.row, col: t.at[col], name: columns[col].label}
		if av.rows[col] != 0 {
			if av.vals[col] != s {
				im.problem(c, "", CodeConflict, schema.Error, mConflict.text(av.rows[col]))
			}
			continue
		}
		av.rows[col], av.vals[col] = rec.row, s
		im.activityCell(u, ptr, col, s, c, av, t)
	}
}

func (im *importer) activityCell(u *followup.Update, ptr string, col columnID, s string, c cell, av *activityValues, t *table) {
	switch col {
	case colCompleted:
		im.where[ptr+"/completed"] = c
		d, ok := parseDate(s)
		if !ok {
			im.problem(c, ptr+"/completed", CodeBadCell, schema.Error, badDate(s))
		}
		u.Completed = d
	case colAssessment:
		im.where[ptr+"/assessment"] = c
		im.where[ptr+"/assessment/status"] = c
		st, ok := parseStatus(s)
		if !ok {
			var names []string
			for _, st := range followup.Statuses() {
				if st != followup.NotStarted && st != followup.NotReported {
					names = append(names, strconv.Quote(st.Label(im.lang)))
				}
			}
			im.problem(c, ptr+"/assessment/status", CodeBadCell, schema.Error, mBadStatus.text(s, strings.Join(names, ", ")))
			return
		}
		if u.Assessment == nil {
			u.Assessment = &followup.Assessment{}
		}
		u.Assessment.Status = st
		if av.rows[colJustification] == 0 {
			// The justification, if on another row, comes later.
			im.where[ptr+"/assessment/justification"] = c
		}
	case colJustification:
		im.where[ptr+"/assessment/justification"] = c
		if u.Assessment == nil {
			u.Assessment = &followup.Assessment{}
			if t.at[colAssessment] >= 0 {
				im.where[ptr+"/assessment/status"] = c
			}
		}
		u.Assessment.Justification = im.text(s)
	case colNarrative:
		im.where[ptr+"/narrative"] = c
		u.Narrative = im.text(s)
	case colShortfall:
		im.where[ptr+"/shortfall"] = c
		u.Shortfall = im.text(s)
	case colSubstitutes:
		for _, line := range entryLines(s) {
			p := ptr + "/substitutes/" + strconv.Itoa(len(u.Substitutes))
			im.where[p] = c
			sub := followup.Substitute{}
			if strings.Contains(line, "|") {
				f := fields(line, 2)
				if f[0] != "" {
					d, ok := parseDate(f[0])
					if !ok {
						im.problem(c, p+"/date", CodeBadCell, schema.Error, badDate(f[0]))
						continue
					}
					sub.Date = d
				}
				sub.Text = im.text(f[1])
			} else {
				sub.Text = im.text(strings.TrimSpace(line))
			}
			u.Substitutes = append(u.Substitutes, sub)
		}
	case colEvidence:
		for _, line := range entryLines(s) {
			p := ptr + "/evidence/" + strconv.Itoa(len(u.Evidence))
			im.where[p] = c
			f := fields(line, 2)
			if !promise.IsWebURL(f[0]) {
				im.problem(c, p+"/url", schema.Code(promise.CodeBadLink), schema.Error, mNoURL.text(f[0]))
				continue
			}
			l := promise.Link{URL: f[0]}
			if len(f) > 1 {
				l.Title = im.text(f[1])
			}
			u.Evidence = append(u.Evidence, l)
		}
	}
}

// parseStatus reads an assessment: its label in Swedish or English, or its
// token ("achieved").
func parseStatus(s string) (followup.Status, bool) {
	k := key(s)
	for _, st := range followup.Statuses() {
		if k == key(st.Label("sv")) || k == key(st.Label("en")) || k == st.String() {
			return st, st != followup.NotStarted && st != followup.NotReported
		}
	}
	return 0, false
}

// validate checks the report as the validator would, and places each
// problem at the cell its value came from.
func (im *importer) validate(r *followup.Report) {
	seen := map[string]bool{}
	for _, p := range im.problems {
		seen[p.Pointer+"\x00"+string(p.Code)] = true
	}
	place := func(ptr string, code schema.Code, sev schema.Severity, m promise.Text) {
		if seen[ptr+"\x00"+string(code)] {
			return
		}
		seen[ptr+"\x00"+string(code)] = true
		c, ok := im.where[ptr]
		for p := ptr; !ok && p != ""; {
			p = p[:strings.LastIndexByte(p, '/')]
			c, ok = im.where[p]
		}
		if !ok {
			c = cell{row: 1, col: -1}
			if len(im.rows) > 0 {
				c.row = im.rows[0].row
			}
		}
		im.problem(c, ptr, code, sev, m)
	}
	var vs promise.Violations
	if errors.As(r.Validate(im.doc), &vs) {
		for _, v := range vs {
			place(v.Pointer, schema.Code(v.Code), schema.Error, v.Message)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		place("", schema.CodeDecode, schema.Error, promise.Text{"en": err.Error(), "sv": err.Error()})
		return
	}
	_, problems := schema.Decode(buf.Bytes(), schema.Options{})
	for _, p := range problems {
		place(p.Pointer, p.Code, p.Severity, p.Message)
	}
}

// joinTexts is a followed by b, in every language.
func joinTexts(a, b promise.Text) promise.Text {
	out := make(promise.Text, len(a))
	for _, l := range words.Languages() {
		out[l] = a.In(l) + b.In(l)
	}
	return out
}
