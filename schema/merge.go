package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema/internal/jsonscan"
)

// Input is one file given to [Merge]: its name, as problems show it, and
// its bytes.
type Input struct {
	Name string
	Data []byte
}

// FileProblem is a [Problem] in one of the files given to [Merge]. File is
// the Input's Name, or "" for a problem of the set of files as a whole
// (no file given at all).
type FileProblem struct {
	File string `json:"file"`
	Problem
}

// Format returns the problem as one line of the validator's output (see
// [Problem.Format]); a problem of no file is its message alone.
func (p FileProblem) Format(lang string) string {
	if p.File == "" {
		return p.Message.In(lang)
	}
	return p.Problem.Format(p.File, lang)
}

// FileProblems is every problem [Merge] found, file by file in the order
// the files were given, each file's in order of position.
type FileProblems []FileProblem

// Invalid reports whether any problem is an [Error].
func (ps FileProblems) Invalid() bool {
	return slices.ContainsFunc(ps, func(p FileProblem) bool { return p.Severity == Error })
}

// The codes of problems of [Merge], beside those of [Decode] and the
// reports' invariants (a report that names what its document lacks has
// promise.CodeDanglingRef, as the validator says it of a bundle).
const (
	CodeNoDocument      Code = "no-document"      // no promise document or bundle among the files
	CodeSecondDocument  Code = "second-document"  // a second, different promise document
	CodeSameDocument    Code = "same-document"    // the same document twice (a warning: kept once)
	CodeDuplicateReport Code = "duplicate-report" // two different reports with one id
	CodeSameReport      Code = "same-report"      // the same report twice (a warning: kept once)
	CodeReplacedReport  Code = "replaced-report"  // a report replaced by a later one with its id (a warning, with MergeOptions.Replace)
)

var (
	mNoFiles     = msg("schema.noFiles")
	mNoDocument  = msg("schema.noDocument")
	mSecondDoc   = msg("schema.secondDoc")
	mSameDoc     = msg("schema.sameDoc")
	mDupReport   = msg("schema.dupReport")
	mReplaced    = msg("schema.replaced")
	mSameReport  = msg("schema.sameReport")
	mMergedLarge = msg("schema.mergedLarge")
)

// MergeOptions direct [Merge]. The zero value means the defaults.
type MergeOptions struct {
	// Options bound each file, and the merged bundle, as for [Decode].
	Options
	// Replace lets a report replace an earlier one (in the order of the
	// inputs) with the same id and different content, with a warning,
	// instead of refusing the two: for a corrected report added to a
	// bundle that holds the old one.
	Replace bool
}

// Merged is the result of [Merge]: the bundle and its JSON.
type Merged struct {
	// Bundle is the merged bundle, decoded from JSON.
	Bundle *followup.Bundle
	// JSON is the bundle as a file: indented by two spaces, ending in a
	// newline. The document and each report are the bytes of the files
	// they came from, re-indented: their key order, numbers and texts
	// are kept as written.
	JSON []byte
}

// Merge merges one promise document and any number of follow-up reports
// into the bundle that the widget reads. Any input may also be a bundle:
// an existing bundle plus new reports gives the bundle with every report.
//
// Each input is decoded and validated by [Decode]; then Merge checks that
// the files belong together and refuses, with a problem placed at the
// file, line, column and JSON pointer concerned:
//
//   - a set of files without a promise document or bundle;
//   - a second promise document that differs from the first (the same
//     document twice, as in two bundles of it, is a warning and is kept
//     once);
//   - a report that names what the document lacks: a citizen promise,
//     an activity of it, a target, a party, a place (the checks of
//     [followup.Report.Validate] with the document);
//   - two different reports with one id (the same report twice is a
//     warning, and is kept once; with [MergeOptions.Replace] the later
//     one replaces the earlier, with a warning).
//
// The reports are ordered by their date, then period and id, so that the
// result does not depend on the order of the files. The bundle declares
// the highest schemaVersion of its inputs. Finally the merged bundle is
// decoded and validated as a whole; any problem it has is placed in the
// input it came from.
//
// Merge returns the bundle only when no problem is an [Error]; the
// problems it returns may then still hold warnings.
func Merge(inputs []Input, opts MergeOptions) (*Merged, FileProblems) {
	m := merger{inputs: inputs, opts: opts.Options, replace: opts.Replace}
	return m.merge()
}

type merger struct {
	inputs   []Input
	opts     Options
	files    []*File
	problems FileProblems
	replace  bool
	parts    map[int]*bundleParts // the parts of bundle inputs, split once
}

// bundleParts are the bytes of a bundle's document and reports.
type bundleParts struct {
	Document json.RawMessage   `json:"document"`
	Reports  []json.RawMessage `json:"reports"`
}

// part is a document or report inside an input: the input, the pointer
// of the part there ("" for the whole file), and its bytes.
type part struct {
	input  int
	prefix string
	raw    []byte
}

type mergedReport struct {
	part
	report *followup.Report
	key    []byte // the report's meaning, to tell equal copies
}

func (m *merger) merge() (*Merged, FileProblems) {
	if len(m.inputs) == 0 {
		m.problems = append(m.problems, FileProblem{Problem: Problem{Code: CodeNoDocument, Severity: Error, Message: mNoFiles.text()}})
		return nil, m.problems
	}
	if !m.decode() {
		return nil, m.problems
	}
	doc, docPart, ok := m.document()
	if !ok {
		return nil, m.problems
	}
	reports := m.reports(doc)
	if m.problems.Invalid() {
		return nil, m.problems
	}
	slices.SortStableFunc(reports, func(a, b mergedReport) int {
		ra, rb := a.report, b.report
		return cmp.Or(ra.Date.Compare(rb.Date), ra.Period.Start.Compare(rb.Period.Start),
			ra.Period.End.Compare(rb.Period.End), bytes.Compare(ra.ID[:], rb.ID[:]))
	})
	data, err := m.write(docPart, reports)
	if err != nil {
		m.problems = append(m.problems, FileProblem{Problem: Problem{Code: CodeDecode, Severity: Error, Message: mDecode.text(err.Error())}})
		return nil, m.problems
	}
	if int64(len(data)) > m.opts.maxBytes() {
		m.problems = append(m.problems, FileProblem{Problem: Problem{Code: CodeTooLarge, Severity: Error, Message: mMergedLarge.text(len(data), m.opts.maxBytes())}})
		return nil, m.problems
	}
	f, problems := Decode(data, m.opts)
	for _, p := range problems {
		m.back(p, docPart, reports)
	}
	if f == nil || m.problems.Invalid() {
		return nil, m.problems
	}
	return &Merged{Bundle: f.Bundle, JSON: data}, m.problems
}

// decode decodes every input; it reports whether all are valid.
func (m *merger) decode() bool {
	m.files = make([]*File, len(m.inputs))
	valid := true
	for i, in := range m.inputs {
		f, problems := Decode(in.Data, m.opts)
		for _, p := range problems {
			m.problems = append(m.problems, FileProblem{File: in.Name, Problem: p})
		}
		if f == nil {
			valid = false
		}
		m.files[i] = f
	}
	return valid
}

// document finds the one promise document among the inputs.
func (m *merger) document() (*promise.Document, part, bool) {
	var (
		doc   *promise.Document
		first part
		key   []byte
	)
	for i, f := range m.files {
		var d *promise.Document
		p := part{input: i}
		switch f.Kind {
		case PromiseDocument:
			d = f.Document
		case Bundle:
			d, p.prefix = &f.Bundle.Document, "/document"
		default:
			continue
		}
		k := meaning(d)
		if doc == nil {
			doc, first, key = d, p, k
			continue
		}
		if bytes.Equal(k, key) {
			m.add(i, p.prefix, CodeSameDocument, Warning, mSameDoc.text(m.where(first.input, first.prefix+"/id")))
			continue
		}
		m.add(i, p.prefix+"/id", CodeSecondDocument, Error, mSecondDoc.text(m.inputs[first.input].Name, doc.ID))
	}
	if doc == nil {
		m.add(0, "", CodeNoDocument, Error, mNoDocument.text())
		return nil, part{}, false
	}
	if m.problems.Invalid() {
		return nil, part{}, false
	}
	var err error
	if first.raw, err = m.raw(first.input, first.prefix); err != nil {
		m.add(first.input, first.prefix, CodeDecode, Error, mDecode.text(err.Error()))
		return nil, part{}, false
	}
	return doc, first, true
}

// reports gathers every report of the inputs, checks those of report files
// against the document (those in a bundle were checked against theirs,
// the same document), and leaves out copies.
func (m *merger) reports(doc *promise.Document) []mergedReport {
	var (
		out  []mergedReport
		seen = map[promise.ID]int{} // report id → index in out
	)
	for i, f := range m.files {
		var rs []followup.Report
		prefix := func(int) string { return "" }
		switch f.Kind {
		case Report:
			rs = []followup.Report{*f.Report}
			m.belongs(i, f.Report, doc)
		case Bundle:
			rs = f.Bundle.Reports
			prefix = func(j int) string { return "/reports/" + strconv.Itoa(j) }
		}
		for j := range rs {
			r := mergedReport{part: part{input: i, prefix: prefix(j)}, report: &rs[j], key: meaning(&rs[j])}
			if k, ok := seen[r.report.ID]; ok {
				prev := out[k]
				where := m.where(prev.input, prev.prefix+"/id")
				switch {
				case bytes.Equal(prev.key, r.key):
					m.add(i, r.prefix+"/id", CodeSameReport, Warning, mSameReport.text(r.report.ID, where))
					continue
				case !m.replace:
					m.add(i, r.prefix+"/id", CodeDuplicateReport, Error, mDupReport.text(r.report.ID, where))
					continue
				}
				m.add(i, r.prefix+"/id", CodeReplacedReport, Warning, mReplaced.text(r.report.ID, where))
			}
			raw, err := m.raw(i, r.prefix)
			if err != nil {
				m.add(i, r.prefix, CodeDecode, Error, mDecode.text(err.Error()))
				continue
			}
			r.raw = raw
			if k, ok := seen[r.report.ID]; ok {
				out[k] = r
				continue
			}
			seen[r.report.ID] = len(out)
			out = append(out, r)
		}
	}
	return out
}

// belongs checks a report file against the document: the citizen promise
// it reports on, and every activity, target, party and place it names.
func (m *merger) belongs(i int, r *followup.Report, doc *promise.Document) {
	var vs promise.Violations
	if !errors.As(r.Validate(doc), &vs) {
		return
	}
	for _, v := range vs {
		m.add(i, v.Pointer, Code(v.Code), Error, v.Message)
	}
}

// write lays out the bundle: the document and the reports as the bytes of
// their inputs, indented.
func (m *merger) write(doc part, reports []mergedReport) ([]byte, error) {
	version := m.version()
	var b bytes.Buffer
	b.WriteString(`{"$schema":`)
	b.WriteString(strconv.Quote(BundleURL))
	b.WriteString(`,"schemaVersion":`)
	b.WriteString(strconv.Quote(version))
	b.WriteString(`,"document":`)
	b.Write(doc.raw)
	if len(reports) > 0 {
		b.WriteString(`,"reports":[`)
		for i, r := range reports {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(r.raw)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// version returns the highest schemaVersion among the inputs: a bundle
// that holds a 1.1 report is a 1.1 file.
func (m *merger) version() string {
	best, bestMinor := promise.SchemaVersion, -1
	consider := func(v string) {
		_, minor, _ := strings.Cut(v, ".")
		if n, err := strconv.Atoi(minor); err == nil && n > bestMinor {
			best, bestMinor = v, n
		}
	}
	for _, f := range m.files {
		switch f.Kind {
		case PromiseDocument:
			consider(f.Document.SchemaVersion)
		case Report:
			consider(f.Report.SchemaVersion)
		case Bundle:
			consider(f.Bundle.SchemaVersion)
			consider(f.Bundle.Document.SchemaVersion)
			for _, r := range f.Bundle.Reports {
				consider(r.SchemaVersion)
			}
		}
	}
	return best
}

// back places a problem of the merged bundle in the input that the value
// came from.
func (m *merger) back(p Problem, doc part, reports []mergedReport) {
	ptr := p.Pointer
	switch {
	case ptr == "/document" || strings.HasPrefix(ptr, "/document/"):
		m.add(doc.input, doc.prefix+strings.TrimPrefix(ptr, "/document"), p.Code, p.Severity, p.Message)
		return
	case strings.HasPrefix(ptr, "/reports/"):
		rest := strings.TrimPrefix(ptr, "/reports/")
		idx, tail, _ := strings.Cut(rest, "/")
		if k, err := strconv.Atoi(idx); err == nil && k >= 0 && k < len(reports) {
			r := reports[k]
			if tail != "" {
				tail = "/" + tail
			}
			m.add(r.input, r.prefix+tail, p.Code, p.Severity, p.Message)
			return
		}
	}
	// The bundle's own members, written by Merge: no input to blame.
	p.Line, p.Column, p.Offset = 0, 0, 0
	m.problems = append(m.problems, FileProblem{Problem: p})
}

// add adds a problem at the value that ptr names in input i.
func (m *merger) add(i int, ptr string, code Code, sev Severity, text promise.Text) {
	in := m.inputs[i]
	body, bom := in.Data, 0
	if bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) {
		body, bom = body[3:], 3
	}
	off, ok := jsonscan.Locate(body, ptr)
	for !ok && ptr != "" {
		ptr = ptr[:strings.LastIndexByte(ptr, '/')]
		off, ok = jsonscan.Locate(body, ptr)
	}
	line, col := jsonscan.Position(body, off)
	m.problems = append(m.problems, FileProblem{File: in.Name, Problem: Problem{
		Line: line, Column: col, Offset: off + bom, Pointer: ptr, Code: code, Severity: sev, Message: text,
	}})
}

// where names the place of ptr in input i for a message: "FILE:LINE:COL".
func (m *merger) where(i int, ptr string) string {
	body := bytes.TrimPrefix(m.inputs[i].Data, []byte("\xEF\xBB\xBF"))
	off, ok := jsonscan.Locate(body, ptr)
	if !ok {
		return m.inputs[i].Name
	}
	line, col := jsonscan.Position(body, off)
	return fmt.Sprintf("%s:%d:%d", m.inputs[i].Name, line, col)
}

// raw returns the bytes of the value at ptr in input i. The inputs are
// valid: the value is there.
func (m *merger) raw(i int, ptr string) ([]byte, error) {
	body := bytes.TrimPrefix(m.inputs[i].Data, []byte("\xEF\xBB\xBF"))
	if ptr == "" {
		return bytes.TrimSpace(body), nil
	}
	b := m.parts[i]
	if b == nil {
		b = new(bundleParts)
		if err := json.Unmarshal(body, b); err != nil {
			return nil, err
		}
		if m.parts == nil {
			m.parts = map[int]*bundleParts{}
		}
		m.parts[i] = b
	}
	if ptr == "/document" {
		return b.Document, nil
	}
	k, err := strconv.Atoi(strings.TrimPrefix(ptr, "/reports/"))
	if err != nil || k < 0 || k >= len(b.Reports) {
		return nil, fmt.Errorf("schema: merge: no value at %s", ptr)
	}
	return b.Reports[k], nil
}

// meaning returns v encoded from its typed form: two values with equal
// encodings mean the same, however they were written.
func meaning(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// A decoded value always encodes; were it not to, no two
		// values compare equal.
		return []byte(uuid.NewString())
	}
	return b
}
