package app

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// followUpState is the follow-up screen: a report of one reporting
// period, shown as the rows of package sheet (one per activity and
// target), read back with sheet.ImportRecords at every change, so that
// what it checks and says is what the spreadsheet round trip checks and
// says.
type followUpState struct {
	subject string // "cp:ID" or "ap:ID"
	period  string // "START/END"
	party   string // the reporting party, or "" for all
	records [][]string
	header  int
	base    *followup.Report // the report the rows came from
	report  *followup.Report // the rows read back, when valid
	probs   schema.Problems
	csvName string
	csvProb schema.Problems
}

// subjects lists what a report may follow up: citizen promises and action
// plans, as "cp:ID" and "ap:ID" with their titles.
func (e *Editor) subjects() []option {
	if e.bundle == nil {
		return nil
	}
	var out []option
	for _, cp := range e.bundle.Document.CitizenPromises {
		out = append(out, option{id: "cp:" + cp.ID.String(), label: cp.Title.In(e.lang)})
	}
	for _, ap := range e.bundle.Document.ActionPlans {
		out = append(out, option{id: "ap:" + ap.ID.String(), label: ap.Title.In(e.lang)})
	}
	return out
}

// calendar returns the reporting periods of the subject, and its whole
// period last.
func (e *Editor) calendar(subject string) []promise.Period {
	if e.bundle == nil {
		return nil
	}
	kind, id, _ := strings.Cut(subject, ":")
	var c *promise.CitizenPromise
	doc := &e.bundle.Document
	switch kind {
	case "cp":
		for i := range doc.CitizenPromises {
			if doc.CitizenPromises[i].ID.String() == id {
				c = &doc.CitizenPromises[i]
			}
		}
	case "ap":
		for i := range doc.ActionPlans {
			if ap := &doc.ActionPlans[i]; ap.ID.String() == id {
				c = &promise.CitizenPromise{ID: ap.ID, Period: ap.Period, Reporting: ap.Reporting}
			}
		}
	}
	if c == nil {
		return nil
	}
	until := e.today
	if until.IsZero() {
		until = c.Period.Through()
	}
	var out []promise.Period
	for _, p := range followup.Calendar(c, until) {
		out = append(out, p.Period)
	}
	if c.Period.Closed() && (len(out) != 1 || out[0].String() != c.Period.String()) {
		out = append(out, promise.Period{Start: c.Period.Start, End: c.Period.End})
	}
	return out
}

// ensure chooses the first subject and period when none is chosen.
func (s *followUpState) ensure(e *Editor) {
	subs := e.subjects()
	if len(subs) == 0 {
		return
	}
	if s.subject == "" || !containsOption(subs, s.subject) {
		s.subject, s.period, s.records = subs[0].id, "", nil
	}
	if s.period == "" {
		if cal := e.calendar(s.subject); len(cal) > 0 {
			s.period = cal[0].String()
		}
	}
}

func containsOption(os []option, id string) bool {
	for _, o := range os {
		if o.id == id {
			return true
		}
	}
	return false
}

func (s *followUpState) input(e *Editor, key, value string) {
	switch {
	case key == "subject":
		s.subject, s.period, s.records = value, "", nil
		s.ensure(e)
	case key == "period":
		s.period, s.records = value, nil
	case key == "party":
		s.party, s.records = value, nil
	case strings.HasPrefix(key, "cell:"):
		r, c, ok := cellOf(strings.TrimPrefix(key, "cell:"))
		if !ok || r >= len(s.records) {
			return
		}
		for len(s.records[r]) <= c {
			s.records[r] = append(s.records[r], "")
		}
		s.records[r][c] = value
		s.read(e)
	}
}

func cellOf(s string) (r, c int, ok bool) {
	rs, cs, found := strings.Cut(s, ".")
	r, err1 := strconv.Atoi(rs)
	c, err2 := strconv.Atoi(cs)
	return r, c, found && err1 == nil && err2 == nil && r >= 0 && c >= 0
}

func (s *followUpState) action(e *Editor, action, arg string) {
	switch action {
	case "fu-load":
		s.load(e)
	case "fu-save":
		s.save(e)
	case "fu-untargeted":
		s.untargeted(e, arg)
	case "fu-csv":
		if s.records != nil {
			var b bytes.Buffer
			if sheet.WriteCSV(&b, s.records) == nil {
				e.effects = append(e.effects, Effect{Kind: "download", Name: "uppfoljning.csv", Mime: "text/csv;charset=utf-8", Text: b.String()})
			}
		}
	}
}

// load shows the rows of the chosen period: of the report the bundle has
// for it (by the chosen party), or of a new one.
func (s *followUpState) load(e *Editor) {
	s.ensure(e)
	if e.bundle == nil || s.subject == "" {
		return
	}
	kind, id, _ := strings.Cut(s.subject, ":")
	sid, err := uuid.Parse(id)
	if err != nil {
		return
	}
	var period promise.Period
	if start, end, ok := strings.Cut(s.period, "/"); ok {
		period.Start, _ = promise.ParseDate(start)
		period.End, _ = promise.ParseDate(end)
	}
	party, _ := uuid.Parse(s.party)
	var base *followup.Report
	for i := range e.bundle.Reports {
		r := &e.bundle.Reports[i]
		if (r.CitizenPromiseID == sid || r.ActionPlanID == sid) && r.Period.String() == period.String() &&
			(party == uuid.Nil || (len(r.ReportedBy) == 1 && r.ReportedBy[0] == party)) {
			base = r
		}
	}
	if base == nil {
		by := []uuid.UUID{party}
		if party == uuid.Nil {
			by = append([]uuid.UUID(nil), e.subjectParties(s.subject)...)
		}
		date := e.today
		if date.IsZero() || date.Before(period.Through()) {
			date = period.Through()
		}
		base = sheet.NewReport(sid, period, date, by)
		if kind == "ap" {
			base.CitizenPromiseID, base.ActionPlanID = uuid.Nil, sid
		}
	}
	records, _, err := sheet.Records(&e.bundle.Document, base, sheet.Options{Lang: e.lang, Party: party})
	if err != nil {
		e.notice = err.Error()
		return
	}
	s.records, s.base, s.csvProb = records, base, nil
	s.read(e)
}

// subjectParties are the parties of a citizen promise or action plan.
func (e *Editor) subjectParties(subject string) []uuid.UUID {
	_, id, _ := strings.Cut(subject, ":")
	for _, cp := range e.bundle.Document.CitizenPromises {
		if cp.ID.String() == id {
			return cp.PartyIDs
		}
	}
	for _, ap := range e.bundle.Document.ActionPlans {
		if ap.ID.String() == id {
			return ap.PartyIDs
		}
	}
	return nil
}

// read reads the rows back into a report and notes the problems by cell.
func (s *followUpState) read(e *Editor) {
	s.header = -1
	for i, rec := range s.records {
		for _, c := range rec {
			if col, ok := sheet.ColumnOf(c); ok && col.ID {
				s.header = i
			}
		}
		if s.header >= 0 {
			break
		}
	}
	if e.bundle == nil {
		return
	}
	s.report, s.probs = sheet.ImportRecords(s.records, &e.bundle.Document, sheet.Options{Lang: e.lang, Base: s.base})
}

// untargeted adds, after the rows of activity row r, a row for what
// belongs to none of its targets ("303 trafikkontroller").
func (s *followUpState) untargeted(e *Editor, arg string) {
	r, err := strconv.Atoi(arg)
	if err != nil || r <= s.header || r >= len(s.records) {
		return
	}
	head := s.records[s.header]
	idCol, targetCol := idCols(head)
	if idCol < 0 || targetCol < 0 {
		return
	}
	act := cellAt(s.records[r], idCol)
	last := r
	for i := r + 1; i < len(s.records) && cellAt(s.records[i], idCol) == act; i++ {
		last = i
	}
	row := make([]string, len(head))
	row[0], row[idCol] = cellAt(s.records[r], 0), act
	if c, ok := columnNamed(head, "target"); ok {
		row[c] = e.w(wNoTarget)
	}
	s.records = append(s.records[:last+1], append([][]string{row}, s.records[last+1:]...)...)
	s.read(e)
	e.effects = append(e.effects, Effect{Kind: "focus", Name: "fu-cell-" + strconv.Itoa(last+1) + "-2"})
}

// columnNamed returns the column of the table that shows the target.
func columnNamed(head []string, what string) (int, bool) {
	for c, h := range head {
		if col, ok := sheet.ColumnOf(h); ok && col.Shown && col.PerTarget && what == "target" {
			return c, true
		}
	}
	return 0, false
}

// save puts the report into the bundle, in place of one with its id.
func (s *followUpState) save(e *Editor) {
	if s.report == nil {
		e.notice = e.w(wFixFirst)
		return
	}
	raw, err := json.Marshal(s.report)
	if err != nil {
		return
	}
	tree, err := decodeTree(raw)
	if err != nil {
		return
	}
	m, _ := tree.(map[string]any)
	e.snapshot("")
	e.data = putReport(e.data, m)
	e.changed()
	s.base = s.report
	e.notice = e.w(wReportSaved)
}

// importCSV reads a sheet file into the rows.
func (s *followUpState) importCSV(e *Editor, name, text string) {
	e.screen = screenFollowUp
	s.csvName = name
	if e.bundle == nil {
		e.notice = e.w(wNoPreview)
		return
	}
	var base *followup.Report
	r, problems := sheet.Import([]byte(text), &e.bundle.Document, sheet.Options{Lang: e.lang})
	if r != nil {
		for i := range e.bundle.Reports {
			if e.bundle.Reports[i].ID == r.ID {
				base = &e.bundle.Reports[i]
				r, problems = sheet.Import([]byte(text), &e.bundle.Document, sheet.Options{Lang: e.lang, Base: base})
			}
		}
	}
	s.csvProb = problems
	if r == nil {
		return
	}
	records, _, err := sheet.Records(&e.bundle.Document, r, sheet.Options{Lang: e.lang})
	if err != nil {
		return
	}
	s.records, s.base = records, r
	if r.CitizenPromiseID != uuid.Nil {
		s.subject = "cp:" + r.CitizenPromiseID.String()
	} else if r.ActionPlanID != uuid.Nil {
		s.subject = "ap:" + r.ActionPlanID.String()
	}
	s.period = r.Period.String()
	s.read(e)
}

// view is the follow-up screen.
func (s *followUpState) view(e *Editor) *Node {
	sec := el("section", a("aria-labelledby", "fu-h", "class", "followup"), tel("h2", a("id", "fu-h"), e.w(wFollowUp)))
	if e.bundle == nil {
		return sec.add(tel("p", nil, e.w(wNoPreview)))
	}
	s.ensure(e)
	choose := el("div", a("class", "row choose"))
	sel := func(id, label, bind, cur string, opts []option) {
		n := el("select", a("id", id, "data-bind", "fu:"+bind, "data-key", id))
		for _, o := range opts {
			opt := tel("option", a("value", o.id), o.label)
			if o.id == cur {
				opt.set("selected", "")
			}
			n.add(opt)
		}
		choose.add(el("div", a("class", "field"), tel("label", a("for", id), label), n))
	}
	sel("fu-subject", e.w(wCitizenPromise), "subject", s.subject, e.subjects())
	var periods []option
	for _, p := range e.calendar(s.subject) {
		periods = append(periods, option{id: p.String(), label: p.Start.String() + " – " + p.End.String()})
	}
	sel("fu-period", e.w(wPeriod), "period", s.period, periods)
	parties := []option{{id: "", label: e.w(wAllParties)}}
	for _, id := range e.subjectParties(s.subject) {
		for _, p := range e.bundle.Document.Parties {
			if p.ID == id {
				parties = append(parties, option{id: id.String(), label: p.Name.In(e.lang)})
			}
		}
	}
	sel("fu-party", e.w(wParty), "party", s.party, parties)
	choose.add(button(e.w(wLoadPeriod), "fu-load", "", "data-key", "fu-load"))
	sec.add(choose)
	sec.add(el("div", a("class", "drop", "data-drop", "csv"),
		tel("label", a("for", "fu-csv-file"), e.w(wImportCSV)),
		el("input", a("type", "file", "id", "fu-csv-file", "data-file", "csv", "accept", ".csv,text/csv"))))
	if len(s.csvProb) > 0 {
		sec.add(e.problemList(s.csvProb, s.csvName, false))
	}
	if s.records == nil {
		return sec
	}
	sec.add(s.metaView(e), s.tableView(e))
	actions := el("div", a("class", "row"),
		button(e.w(wSaveReport), "fu-save", "", "data-key", "fu-save"),
		button(e.w(wDownloadCSV), "fu-csv", "", "data-key", "fu-csv"))
	if s.report != nil {
		for i := range e.bundle.Reports {
			if e.bundle.Reports[i].ID == s.report.ID {
				actions.add(button(e.w(wDownloadReport), "download", "report:"+strconv.Itoa(i), "data-key", "fu-download"))
			}
		}
	}
	sec.add(actions)
	left := schema.Problems{}
	for _, p := range s.probs {
		if p.Line > len(s.records) || p.Line < 1 {
			left = append(left, p)
		}
	}
	st := "valid"
	if s.report == nil {
		st = "invalid"
	}
	sec.set("data-report", st)
	if len(left) > 0 {
		sec.add(e.problemList(left, "", false))
	}
	return sec
}

// cellProblems returns the problems of cell (r, c), 0-based.
func (s *followUpState) cellProblems(r, c int) []schema.Problem {
	var out []schema.Problem
	for _, p := range s.probs {
		if p.Line == r+1 && (p.Column == c+1 || (c == 1 && p.Column == 1 && r < s.header)) {
			out = append(out, p)
		}
	}
	return out
}

// idCols returns the columns of the activity's and the target's ids.
func idCols(head []string) (act, target int) {
	act, target = -1, -1
	for c, h := range head {
		if col, ok := sheet.ColumnOf(h); ok && col.ID {
			if act < 0 {
				act = c
			} else {
				target = c
			}
		}
	}
	return act, target
}

func cellAt(rec []string, c int) string {
	if c >= 0 && c < len(rec) {
		return rec[c]
	}
	return ""
}

// firstOfActivity reports whether row r is the first of its activity.
func (s *followUpState) firstOfActivity(r int, head []string) bool {
	act, _ := idCols(head)
	return r == s.header+1 || cellAt(s.records[r-1], act) != cellAt(s.records[r], act)
}

// hasUntargeted reports whether the activity of row r has a row without
// target, or has no targets at all (its one row is without target).
func (s *followUpState) hasUntargeted(r int, head []string) bool {
	act, target := idCols(head)
	id := cellAt(s.records[r], act)
	for i := s.header + 1; i < len(s.records); i++ {
		if cellAt(s.records[i], act) == id && cellAt(s.records[i], target) == "" {
			return true
		}
	}
	return false
}

// metaView shows the report's own values: a key and a field per row.
func (s *followUpState) metaView(e *Editor) *Node {
	fs := el("fieldset", a("class", "meta"), tel("legend", nil, e.w(wReportFor)))
	for r := 0; r < s.header && r < len(s.records); r++ {
		rec := s.records[r]
		if len(rec) == 0 || strings.TrimSpace(rec[0]) == "" {
			continue
		}
		readOnly, ok := sheet.KeyOf(rec[0])
		if !ok {
			continue
		}
		value := ""
		if len(rec) > 1 {
			value = rec[1]
		}
		if readOnly {
			if strings.Contains(strings.ToLower(rec[0]), "id") || strings.HasPrefix(rec[0], "Format") {
				continue
			}
			fs.add(el("p", a("class", "meta-read"), tel("strong", nil, rec[0]+": "), txt(value)))
			continue
		}
		id := "fu-meta-" + strconv.Itoa(r)
		ps := s.cellProblems(r, 1)
		var in *Node
		if strings.Contains(value, "\n") || strings.HasPrefix(rec[0], "Sammanfattning") || strings.HasPrefix(rec[0], "Summary") || strings.HasPrefix(rec[0], "Rapporteras") || strings.HasPrefix(rec[0], "Reported") {
			in = tel("textarea", a("id", id, "data-bind", "fu:cell:"+strconv.Itoa(r)+".1", "data-key", id, "rows", "2"), value)
			in.set("value", value)
		} else {
			in = el("input", a("type", "text", "id", id, "data-bind", "fu:cell:"+strconv.Itoa(r)+".1", "value", value, "data-key", id))
		}
		f := &form{e: e}
		withProblems(in, id+"-problem", ps)
		fs.add(el("div", a("class", "field"), tel("label", a("for", id), rec[0]), in, f.problemNote(id+"-problem", ps)))
	}
	return fs
}

// tableView shows the rows of the activities, with a field per cell that
// is filled in.
func (s *followUpState) tableView(e *Editor) *Node {
	if s.header < 0 {
		return nil
	}
	head := s.records[s.header]
	cols := make([]sheet.Column, len(head))
	for c, h := range head {
		cols[c], _ = sheet.ColumnOf(h)
	}
	tr := el("tr", nil)
	for c, h := range head {
		if cols[c].ID {
			continue
		}
		tr.add(tel("th", a("scope", "col", "id", "fu-col-"+strconv.Itoa(c)), h))
	}
	body := el("tbody", nil)
	f := &form{e: e}
	for r := s.header + 1; r < len(s.records); r++ {
		rec := s.records[r]
		row := el("tr", a("data-row", strconv.Itoa(r+1)))
		rowHead := "fu-row-" + strconv.Itoa(r)
		for c := range head {
			if cols[c].ID {
				continue
			}
			v := ""
			if c < len(rec) {
				v = rec[c]
			}
			if cols[c].Shown {
				if c == 0 {
					th := tel("th", a("scope", "row", "id", rowHead), short(v, 140))
					if s.firstOfActivity(r, head) && !s.hasUntargeted(r, head) {
						th.add(el("br", nil), button(e.w(wAddNoTarget), "fu-untargeted", strconv.Itoa(r), "class", "small add",
							"aria-label", e.w(wAddNoTarget)+": "+short(v, 60), "data-key", "fu-untargeted-"+strconv.Itoa(r)))
					}
					row.add(th)
				} else {
					row.add(tel("td", a("id", rowHead+"-"+strconv.Itoa(c)), v))
				}
				continue
			}
			id := "fu-cell-" + strconv.Itoa(r) + "-" + strconv.Itoa(c)
			bind := "fu:cell:" + strconv.Itoa(r) + "." + strconv.Itoa(c)
			ps := s.cellProblems(r, c)
			var in *Node
			if cols[c].Assessment {
				in = el("select", a("id", id, "data-bind", bind, "data-key", id))
				in.add(tel("option", a("value", ""), e.w(wNone)))
				for _, st := range followup.Statuses() {
					if st == followup.NotStarted || st == followup.NotReported {
						continue
					}
					opt := tel("option", a("value", st.Label(e.lang)), st.Label(e.lang))
					if v == st.Label(e.lang) || v == st.Label("sv") || v == st.Label("en") {
						opt.set("selected", "")
					}
					in.add(opt)
				}
			} else {
				in = tel("textarea", a("id", id, "data-bind", bind, "data-key", id, "rows", "2"), v)
				in.set("value", v)
			}
			in.set("aria-labelledby", "fu-col-"+strconv.Itoa(c)+" "+rowHead)
			withProblems(in, id+"-problem", ps)
			row.add(el("td", nil, in, f.problemNote(id+"-problem", ps)))
		}
		body.add(row)
	}
	return el("div", a("class", "table-wrap", "tabindex", "0", "role", "region", "aria-label", e.w(wFollowUp)),
		el("table", a("class", "rows"), el("thead", nil, tr), body))
}
