package schema

import (
	"bytes"
	"cmp"
	"container/heap"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema/internal/jsonscan"
)

// The absolute ids of the schemas. A file names its kind by declaring one
// of them as its "$schema".
const (
	BaseURL            = "https://medborgarlofte.se/schema/1/"
	PromiseDocumentURL = BaseURL + "promise-document.schema.json"
	ReportURL          = BaseURL + "followup-report.schema.json"
	BundleURL          = BaseURL + "bundle.schema.json"
	commonURL          = BaseURL + "common.schema.json"
)

//go:embed *.schema.json
var files embed.FS

// Kind is the kind of an exchange file.
type Kind uint8

// The kinds of file.
const (
	Unknown         Kind = iota
	PromiseDocument      // a promise document: agreements, citizen promises, promises, activities
	Report               // a follow-up report
	Bundle               // a promise document with its follow-up reports
)

var kindNames = [...]string{"unknown", "promise-document", "followup-report", "bundle"}

// String returns the kind's name: "promise-document", "followup-report",
// "bundle" or "unknown".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[0]
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// URL returns the absolute $id of the kind's schema, or "".
func (k Kind) URL() string {
	switch k {
	case PromiseDocument:
		return PromiseDocumentURL
	case Report:
		return ReportURL
	case Bundle:
		return BundleURL
	}
	return ""
}

// Options bound what [Decode] accepts. The zero value means the defaults.
type Options struct {
	// MaxBytes is the largest file accepted; default 16 MiB.
	MaxBytes int64
	// MaxDepth is the deepest nesting of objects and arrays accepted;
	// default 64 (real files need about 10).
	MaxDepth int
}

// DefaultMaxBytes is the default of Options.MaxBytes.
const DefaultMaxBytes = 16 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// File is a decoded exchange file. Exactly one of Document, Report and
// Bundle is set, as Kind says.
type File struct {
	Kind     Kind
	Document *promise.Document
	Report   *followup.Report
	Bundle   *followup.Bundle
}

// ReadAll reads r for [Decode], up to one byte more than opts allows, so
// that an oversized input is reported as such and never read whole.
func ReadAll(r io.Reader, opts Options) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, opts.maxBytes()+1))
}

// Decode decodes and validates one exchange file. It returns the file only
// when it is valid, and its problems: structural (the JSON Schema) and
// semantic ([promise.Document.Validate], and the reports' references) in one
// list ordered by position in the file, at most [MaxProblems] of them, then
// one that says how many more there are. Warnings do not make a file
// invalid.
//
// The model's checks run even when the schema found problems: the values
// the schema refused are left out of the model, and a problem the schema
// already reported at a value is not reported again.
//
// Decode never panics and is safe for concurrent use. Its cost is bounded
// by the size of the file, whatever the file holds: see the package
// documentation.
func Decode(data []byte, opts Options) (*File, Problems) {
	d := decoder{data: data, horizon: -1}
	f := d.decode(opts)
	problems := d.result()
	if problems.Invalid() {
		return nil, problems
	}
	return f, problems
}

// KindOf returns the kind of file data declares by its "$schema", whether
// or not the file is valid, or Unknown when it declares none that this
// package knows. It reads no more of data than it needs.
func KindOf(data []byte) Kind {
	v, ok := jsonscan.Value(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), "/$schema")
	if s, isString := v.(string); ok && isString {
		for _, k := range []Kind{PromiseDocument, Report, Bundle} {
			if s == k.URL() {
				return k
			}
		}
	}
	return Unknown
}

type decoder struct {
	data []byte // as given
	body []byte // data without a byte order mark
	bom  int    // 3 when data starts with a byte order mark
	tree any
	ix   *jsonscan.Index

	found []found          // the problems found before the model's checks, in no order
	at    map[string][]int // the problems found at each pointer, for de-duplication
	// modelKept holds the first MaxProblems problems the model's checks found
	// (a heap, see addModel), modelCount how many they found.
	modelKept  []found
	modelCount int
	// reported holds the values about which a problem was found before
	// the schema ran: nothing more is said about them. structural holds
	// the values about which the schema found a problem, which the model's
	// checks do not report again; faulty those of them that are wrong in
	// themselves, which the model leaves out.
	reported   map[string]bool
	structural map[string]bool
	faulty     map[int]bool // by offset
	repeated   map[int]bool // arrays whose elements are not unique, by offset
	// remap holds, for each array from which the model left out elements,
	// the indexes in the file of the elements it kept.
	remap map[string][]int
	// horizon is the offset of the first value the schema did not look at
	// because enough problems were found before it, or -1.
	horizon int
}

// found is a problem before it is placed on a line.
type found struct {
	Problem
	phase int // phaseFile, phaseSchema or phaseModel: the order at one place
}

const (
	phaseFile   = iota // the JSON text, the kind and the version
	phaseSchema        // the JSON Schema
	phaseModel         // the model's invariants
)

// MaxProblems is the most problems Decode reports for one file; beyond it,
// one last problem says how many more there are.
const MaxProblems = 200

// maxCounted is the number of problems after which Decode stops looking
// for more: the problems it reports are exact, and the count of the rest
// is then a lower bound ("at least N more").
const maxCounted = 10000

var (
	mTooLarge       = msg("schema.tooLarge")
	mBOM            = msg("schema.bOM")
	mNotObject      = msg("schema.notObject")
	mNoSchema       = msg("schema.noSchema")
	mSchemaType     = msg("schema.schemaType")
	mBadSchema      = msg("schema.badSchema")
	mVersion        = msg("schema.version")
	mVersionType    = msg("schema.versionType")
	mVersionQuote   = msg("schema.versionQuote")
	mNoVersion      = msg("schema.noVersion")
	mDecode         = msg("schema.decode")
	mSyntaxWrap     = msg("schema.syntaxWrap")
	mTooMany        = msg("schema.tooMany")
	mTooManyAtLeast = msg("schema.tooManyAtLeast")
	mInternal       = msg("schema.internal")
)

// add records a problem at a byte offset of the file as given.
func (d *decoder) add(offset int, ptr string, code Code, sev Severity, m promise.Text) {
	d.found = append(d.found, found{Problem{Offset: offset, Pointer: ptr, Code: code, Severity: sev, Message: m}, phaseFile})
}

// addAt records a problem at the value that ptr names, or, when there is
// no such value (a missing property), at the nearest value that holds it.
// It leaves out a problem already found there in the same words, and a
// failed "format" where a "pattern" failed: both say the value does not
// have the form it must have.
func (d *decoder) addAt(phase int, ptr string, code Code, keyword string, m promise.Text) {
	if phase != phaseModel {
		if !d.unique(ptr, code, keyword, m) {
			return
		}
	}
	place := ptr
	off, ok := d.ix.Offset(d.tree, place)
	for !ok && place != "" {
		place = place[:strings.LastIndexByte(place, '/')]
		off, ok = d.ix.Offset(d.tree, place)
	}
	if !ok {
		off = 0
	}
	f := found{Problem{Offset: off + d.bom, Pointer: place, Code: code, Keyword: keyword, Message: m}, phase}
	if phase == phaseModel {
		d.addModel(f)
		return
	}
	d.found = append(d.found, f)
}

// addModel records a problem the model's checks found, keeping only those
// that may be among the first MaxProblems: a file can hold hundreds of
// thousands of broken references.
func (d *decoder) addModel(f found) {
	d.modelCount++
	h := (*problemHeap)(&d.modelKept)
	switch {
	case len(d.modelKept) < MaxProblems:
		heap.Push(h, f)
	case order(f, d.modelKept[0]) < 0:
		d.modelKept[0] = f
		heap.Fix(h, 0)
	}
}

// order is the order of problems: by position, then pointer, then the
// order in which they were looked for, then their words.
func order(a, b found) int {
	return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Pointer, b.Pointer), cmp.Compare(a.phase, b.phase),
		cmp.Compare(a.Code, b.Code), cmp.Compare(a.Keyword, b.Keyword), cmp.Compare(a.Message["en"], b.Message["en"]))
}

// problemHeap is a heap whose root is the last problem in order.
type problemHeap []found

func (h problemHeap) Len() int           { return len(h) }
func (h problemHeap) Less(i, j int) bool { return order(h[i], h[j]) > 0 }
func (h problemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *problemHeap) Push(x any)        { *h = append(*h, x.(found)) }
func (h *problemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// unique reports whether a problem at ptr is new, and records it. The
// model's checks do not repeat themselves, and what the schema said is
// not repeated by them (see semantic): only the problems found before
// them are compared.
func (d *decoder) unique(ptr string, code Code, keyword string, m promise.Text) bool {
	for _, i := range d.at[ptr] {
		f := &d.found[i]
		switch {
		case f.Code == code && f.Message["en"] == m["en"],
			keyword == "format" && f.Keyword == "pattern":
			return false
		case keyword == "pattern" && f.Keyword == "format":
			f.Keyword, f.Message = keyword, m
			return false
		}
	}
	if d.at == nil {
		d.at = map[string][]int{}
	}
	d.at[ptr] = append(d.at[ptr], len(d.found))
	return true
}

// full reports whether enough problems have been found to stop looking.
func (d *decoder) full() bool { return len(d.found) >= maxCounted }

// result orders the problems by position, keeps the first MaxProblems and
// places them on their lines.
func (d *decoder) result() Problems {
	more := len(d.found) + d.modelCount - MaxProblems
	fs := append(d.found, d.modelKept...)
	slices.SortFunc(fs, order)
	fs = fs[:min(len(fs), MaxProblems)]
	ps := make(Problems, len(fs))
	offsets := make([]int, len(fs))
	for i := range fs {
		ps[i] = fs[i].Problem
		ps[i].Pointer = shortPointer(ps[i].Pointer)
		offsets[i] = ps[i].Offset
	}
	lines, cols := jsonscan.Positions(d.data, offsets)
	for i := range ps {
		ps[i].Line, ps[i].Column = lines[i], cols[i]
	}
	switch {
	case d.horizon >= 0:
		ps = append(ps, Problem{Line: 1, Column: 1, Code: CodeTooMany, Severity: Error, Message: mTooManyAtLeast.text(MaxProblems, max(more, 1))})
	case more > 0:
		ps = append(ps, Problem{Line: 1, Column: 1, Code: CodeTooMany, Severity: Error, Message: mTooMany.text(MaxProblems, more)})
	}
	return ps
}

func (d *decoder) decode(opts Options) *File {
	if int64(len(d.data)) > opts.maxBytes() {
		d.add(0, "", CodeTooLarge, Error, mTooLarge.text(len(d.data), opts.maxBytes()))
		return nil
	}
	d.body = d.data
	if bytes.HasPrefix(d.data, []byte("\xEF\xBB\xBF")) {
		d.body, d.bom = d.data[3:], 3
		d.add(0, "", CodeBOM, Warning, mBOM.text())
	}
	tree, ix, err := jsonscan.ParseIndexed(d.body, jsonscan.Limits{MaxDepth: opts.MaxDepth})
	if err != nil {
		var se *jsonscan.Error
		if errors.As(err, &se) {
			d.add(se.Offset+d.bom, se.Pointer, Code(se.Code), Error, syntaxMessage(se))
		} else {
			d.add(0, "", CodeSyntax, Error, mSyntaxWrap.text(err.Error()))
		}
		return nil
	}
	d.tree, d.ix = tree, ix
	root, ok := tree.(map[string]any)
	if !ok {
		d.add(ix.RootOffset()+d.bom, "", CodeNotObject, Error, mNotObject.typed(tree))
		return nil
	}
	kind := d.kind(root)
	if kind == Unknown {
		return nil
	}
	if !d.version(root) {
		return nil
	}
	// The JSON Schema library and the model read numbers as IEEE 754
	// doubles, as JavaScript does: the number the schema judges is the
	// one the model holds, and a number of a million digits costs no more
	// than any other.
	normalizeNumbers(tree)
	d.structure(kind)
	if d.horizon >= 0 {
		// The schema found so many problems that it stopped looking: the
		// rest of the file is unchecked, and the model's checks could
		// cost more than everything else (millions of empty entities).
		// They run once the file is corrected.
		return nil
	}
	f := d.model(kind)
	if f == nil {
		return nil
	}
	d.semantic(f)
	return f
}

// kind reads "$schema" to tell what the file is.
func (d *decoder) kind(root map[string]any) Kind {
	known := fmt.Sprintf("%q, %q, %q", PromiseDocumentURL, ReportURL, BundleURL)
	v, present := root["$schema"]
	s, ok := v.(string)
	switch {
	case !present:
		d.addAt(phaseFile, "/$schema", CodeSchemaMissing, "", mNoSchema.text(known))
		return Unknown
	case !ok:
		d.addAt(phaseFile, "/$schema", CodeSchemaUnknown, "", mSchemaType.typed(v, known))
		return Unknown
	}
	for _, k := range []Kind{PromiseDocument, Report, Bundle} {
		if s == k.URL() {
			return k
		}
	}
	d.addAt(phaseFile, "/$schema", CodeSchemaUnknown, "", mBadSchema.text(clip(s), known))
	return Unknown
}

// version checks schemaVersion before anything else: a file of another
// major version would otherwise drown in structural problems that are not
// the point. A version of 1.x written as a number is reported and the file
// checked as what it evidently is.
func (d *decoder) version(root map[string]any) bool {
	const ptr = "/schemaVersion"
	v, present := root["schemaVersion"]
	switch v := v.(type) {
	case string:
		if promise.SupportedVersion(v) {
			return true
		}
		d.addAt(phaseFile, ptr, CodeSchemaVersion, "", mVersion.text(clip(v)))
	case json.Number:
		lit := string(v)
		if lit == "1" {
			lit = "1.0"
		}
		if !promise.SupportedVersion(lit) {
			d.addAt(phaseFile, ptr, CodeSchemaVersion, "", mVersion.text(clip(string(v))))
			return false
		}
		d.addAt(phaseFile, ptr, CodeSchemaVersion, "", mVersionQuote.text(string(v), lit))
		d.report(ptr)
		return true
	default:
		if !present {
			d.addAt(phaseFile, ptr, CodeSchemaVersion, "", mNoVersion.text(promise.SchemaVersion))
		} else {
			d.addAt(phaseFile, ptr, CodeSchemaVersion, "", mVersionType.typed(v))
		}
	}
	return false
}

// report marks ptr as reported: later problems at or under it say the
// same thing again and are left out.
func (d *decoder) report(ptr string) {
	if d.reported == nil {
		d.reported = map[string]bool{}
	}
	d.reported[ptr] = true
}

var (
	compileOnce sync.Once
	compiled    map[Kind]*jsonschema.Schema
	byLocation  map[string]*jsonschema.Schema
	compileErr  error
)

// schemas compiles the embedded schemas once, on first use: nothing is
// spent at program start.
func schemas() (map[Kind]*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		c.AssertFormat = true
		// Resources are added by their absolute $id: a relative name
		// would be resolved against the working directory, which a
		// browser does not have.
		for _, name := range []string{"common", "promise-document", "followup-report", "bundle"} {
			b, err := files.ReadFile(name + ".schema.json")
			if err != nil {
				compileErr = err
				return
			}
			if err := c.AddResource(BaseURL+name+".schema.json", bytes.NewReader(b)); err != nil {
				compileErr = err
				return
			}
		}
		m := make(map[Kind]*jsonschema.Schema, 3)
		for _, k := range []Kind{PromiseDocument, Report, Bundle} {
			s, err := c.Compile(k.URL())
			if err != nil {
				compileErr = err
				return
			}
			m[k] = s
		}
		compiled = m
		byLocation = map[string]*jsonschema.Schema{}
		for _, s := range m {
			indexSchema(s, byLocation)
		}
	})
	return compiled, compileErr
}

// schemaAt returns the compiled schema at an absolute location, or nil.
func schemaAt(loc string) *jsonschema.Schema {
	if _, err := schemas(); err != nil {
		return nil
	}
	return byLocation[loc]
}

// indexSchema records s and every schema it holds by location.
func indexSchema(s *jsonschema.Schema, index map[string]*jsonschema.Schema) {
	if s == nil || index[s.Location] != nil {
		return
	}
	index[s.Location] = s
	for _, c := range []*jsonschema.Schema{s.Ref, s.RecursiveRef, s.DynamicRef, s.Not, s.If, s.Then, s.Else,
		s.PropertyNames, s.UnevaluatedProperties, s.Items2020, s.Contains, s.UnevaluatedItems, s.ContentSchema} {
		indexSchema(c, index)
	}
	for _, list := range [][]*jsonschema.Schema{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, c := range list {
			indexSchema(c, index)
		}
	}
	for _, c := range s.Properties {
		indexSchema(c, index)
	}
	for _, c := range s.PatternProperties {
		indexSchema(c, index)
	}
	for _, c := range s.DependentSchemas {
		indexSchema(c, index)
	}
	for _, x := range []any{s.AdditionalProperties, s.Items, s.AdditionalItems} {
		switch x := x.(type) {
		case *jsonschema.Schema:
			indexSchema(x, index)
		case []*jsonschema.Schema:
			for _, c := range x {
				indexSchema(c, index)
			}
		}
	}
}

// Source returns the text of the embedded schema of kind k (or of the
// common definitions, for Unknown), for tools that publish or inspect it.
func Source(k Kind) []byte {
	name := "common.schema.json"
	if k != Unknown {
		name = strings.TrimPrefix(k.URL(), BaseURL)
	}
	b, _ := files.ReadFile(name)
	return b
}

// maxToken is the longest reference token of a problem's pointer: the
// names of properties in real files are short, and a name of megabytes
// repeated in the pointers of two hundred problems would make an output of
// gigabytes.
const maxToken = 256

// shortPointer shortens the reference tokens of ptr longer than maxToken
// to their first and last 100 bytes (whole characters) around "…".
func shortPointer(ptr string) string {
	if len(ptr) <= maxToken {
		return ptr
	}
	toks := strings.Split(ptr, "/")
	for i, t := range toks {
		if len(t) <= maxToken {
			continue
		}
		head, tail := 100, len(t)-100
		for head > 0 && !utf8.RuneStart(t[head]) {
			head--
		}
		for tail < len(t) && !utf8.RuneStart(t[tail]) {
			tail++
		}
		toks[i] = t[:head] + "…" + t[tail:]
	}
	return strings.Join(toks, "/")
}
