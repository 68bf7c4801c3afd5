package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

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
// when it is valid, and every problem found: structural (the JSON Schema)
// and semantic ([promise.Document.Validate], and the reports' references)
// in one list ordered by position. Warnings do not make a file invalid.
//
// Decode never panics and is safe for concurrent use.
func Decode(data []byte, opts Options) (*File, Problems) {
	d := decoder{data: data}
	f := d.decode(opts)
	d.problems.sort()
	if d.dropped > 0 {
		d.problems = append(d.problems, Problem{Line: 1, Column: 1, Code: CodeTooMany, Severity: Error, Message: mTooMany.text(MaxProblems, d.dropped)})
	}
	if d.problems.Invalid() {
		return nil, d.problems
	}
	return f, d.problems
}

type decoder struct {
	data     []byte // as given
	body     []byte // data without a byte order mark
	bom      int    // 3 when data starts with a byte order mark
	problems Problems
	dropped  int // problems found beyond MaxProblems
}

// MaxProblems is the most problems Decode places and reports for one file;
// beyond it, one last problem says how many more there are.
const MaxProblems = 200

var (
	mTooLarge   = msg{"the file is %d bytes or more, over the limit of %d bytes: split it, or raise the limit if you trust it", "filen är %d byte eller mer, över gränsen %d byte: dela upp den, eller höj gränsen om du litar på den"}
	mBOM        = msg{"the file starts with a byte order mark (BOM), which some programs do not accept: save it as UTF-8 without BOM", "filen börjar med en byte order mark (BOM), som vissa program inte accepterar: spara den som UTF-8 utan BOM"}
	mNotObject  = msg{"the file must be a JSON object ({…}), not %s", "filen måste vara ett JSON-objekt ({…}), inte %s"}
	mNoSchema   = msg{"the file does not say what it is: add \"$schema\" with one of %s", "filen säger inte vad den är: lägg till \"$schema\" med något av %s"}
	mBadSchema  = msg{"\"$schema\" is %q, which this program does not know: use one of %s", "\"$schema\" är %q, som programmet inte känner till: använd något av %s"}
	mVersion    = msg{"schemaVersion %q is not supported: this program reads version 1.x; use a newer program or convert the file", "schemaVersion %q stöds inte: programmet läser version 1.x; använd ett nyare program eller konvertera filen"}
	mNoVersion  = msg{"the file has no \"schemaVersion\": add \"schemaVersion\": %q", "filen saknar \"schemaVersion\": lägg till \"schemaVersion\": %q"}
	mDecode     = msg{"the value cannot be read: %s", "värdet kan inte läsas: %s"}
	mSyntaxWrap = msg{"%s", "%s"}
	mTooMany    = msg{"the first %d problems are shown; there are %d more: correct these and validate again", "de första %d problemen visas; det finns %d till: rätta dessa och validera igen"}
	mInternal   = msg{"internal error, please report it: the embedded schema does not compile: %v", "internt fel, rapportera det gärna: det inbyggda schemat går inte att kompilera: %v"}
)

func (d *decoder) add(offset int, ptr string, code Code, sev Severity, m promise.Text) {
	d.problems = append(d.problems, d.at(Problem{Offset: offset, Pointer: ptr, Code: code, Severity: sev, Message: m}))
}

// at fills in the line and column of p's offset.
func (d *decoder) at(p Problem) Problem {
	p.Line, p.Column = jsonscan.Position(d.body, p.Offset-d.bom)
	return p
}

// addAt adds a problem at the value that ptr names.
func (d *decoder) addAt(ptr string, code Code, keyword string, m promise.Text) {
	if len(d.problems) >= MaxProblems {
		// Each problem costs a scan of the file to place it: a hostile
		// file with a problem in every value must not cost hours.
		d.dropped++
		return
	}
	off, ok := jsonscan.Locate(d.body, ptr)
	for !ok && ptr != "" {
		// The value is absent (a missing property): point at its parent.
		ptr = ptr[:strings.LastIndexByte(ptr, '/')]
		off, ok = jsonscan.Locate(d.body, ptr)
	}
	p := Problem{Offset: off + d.bom, Pointer: ptr, Code: code, Keyword: keyword, Message: m}
	d.problems = append(d.problems, d.at(p))
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
	tree, err := jsonscan.Parse(d.body, jsonscan.Limits{MaxDepth: opts.MaxDepth})
	if err != nil {
		var se *jsonscan.Error
		if errors.As(err, &se) {
			d.add(se.Offset+d.bom, se.Pointer, Code(se.Code), Error, syntaxMessage(se))
		} else {
			d.add(0, "", CodeSyntax, Error, mSyntaxWrap.text(err.Error()))
		}
		return nil
	}
	root, ok := tree.(map[string]any)
	if !ok {
		d.add(d.bom, "", CodeNotObject, Error, mNotObject.text(jsonType(tree)))
		return nil
	}
	kind := d.kind(root)
	if kind == Unknown {
		return nil
	}
	if !d.version(root, "") {
		return nil
	}
	structural := d.structure(kind, tree)
	f := &File{Kind: kind}
	var target any
	switch kind {
	case PromiseDocument:
		f.Document = new(promise.Document)
		target = f.Document
	case Report:
		f.Report = new(followup.Report)
		target = f.Report
	case Bundle:
		f.Bundle = new(followup.Bundle)
		target = f.Bundle
	}
	if err := json.Unmarshal(d.body, target); err != nil {
		// The schema explains structural faults better; only report
		// the decoder's own words when the schema found nothing.
		if len(structural) == 0 {
			d.decodeError(err)
		}
		// After a type mismatch encoding/json has decoded everything
		// else, so the invariants can still be checked; after any other
		// error (a value its type refuses) the model is incomplete.
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return nil
		}
	}
	d.semantic(f, structural)
	return f
}

// kind reads "$schema" to tell what the file is.
func (d *decoder) kind(root map[string]any) Kind {
	known := fmt.Sprintf("%q, %q, %q", PromiseDocumentURL, ReportURL, BundleURL)
	s, ok := root["$schema"].(string)
	if !ok {
		d.addAt("/$schema", CodeSchemaMissing, "", mNoSchema.text(known))
		return Unknown
	}
	for _, k := range []Kind{PromiseDocument, Report, Bundle} {
		if s == k.URL() {
			return k
		}
	}
	d.addAt("/$schema", CodeSchemaUnknown, "", mBadSchema.text(s, known))
	return Unknown
}

// version checks schemaVersion before anything else: a file of another
// major version would otherwise drown in structural problems that are not
// the point.
func (d *decoder) version(obj map[string]any, ptr string) bool {
	v, present := obj["schemaVersion"]
	s, _ := v.(string)
	switch {
	case !present:
		d.addAt(ptr+"/schemaVersion", CodeSchemaVersion, "", mNoVersion.text(promise.SchemaVersion))
	case !supportedVersion(s):
		d.addAt(ptr+"/schemaVersion", CodeSchemaVersion, "", mVersion.text(fmt.Sprint(v)))
	default:
		return true
	}
	return false
}

func supportedVersion(s string) bool {
	major, minor, ok := strings.Cut(s, ".")
	if !ok || major != "1" || minor == "" {
		return false
	}
	return strings.Trim(minor, "0123456789") == ""
}

func jsonType(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "null"
}

var (
	compileOnce sync.Once
	compiled    map[Kind]*jsonschema.Schema
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
	})
	return compiled, compileErr
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

// structure validates the tree against the kind's JSON Schema and returns
// the pointers of the values it found fault with.
func (d *decoder) structure(kind Kind, tree any) map[string]bool {
	ss, err := schemas()
	if err != nil {
		// The embedded schemas are tested to compile: this is a bug in
		// this package, reported rather than hidden.
		d.add(0, "", CodeStructure, Error, mInternal.text(err))
		return nil
	}
	err = ss[kind].Validate(tree)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	faulty := map[string]bool{}
	for _, leaf := range leaves(ve, nil) {
		for _, p := range structureProblems(leaf, tree) {
			faulty[p.ptr] = true
			d.addAt(p.ptr, CodeStructure, p.keyword, p.text)
		}
	}
	return faulty
}

func leaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	// A failed oneOf or anyOf is explained as a whole: its branches'
	// failures (each branch is wrong in its own way) would only confuse.
	if len(ve.Causes) == 0 || strings.HasSuffix(ve.KeywordLocation, "/oneOf") || strings.HasSuffix(ve.KeywordLocation, "/anyOf") {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = leaves(c, out)
	}
	return out
}

func (d *decoder) decodeError(err error) {
	off := 0
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		off = int(te.Offset)
	case errors.As(err, &se):
		off = int(se.Offset)
	}
	d.add(off+d.bom, "", CodeDecode, Error, mDecode.text(err.Error()))
}

// flagged reports whether the schema found fault with ptr or a value that
// holds it.
func flagged(structural map[string]bool, ptr string) bool {
	for {
		if structural[ptr] {
			return true
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return false
		}
		ptr = ptr[:i]
	}
}

// semantic runs the invariants of the model. A problem at a pointer where
// the schema already found one is left out: it says the same thing twice.
func (d *decoder) semantic(f *File, structural map[string]bool) {
	add := func(prefix string, err error) {
		var vs promise.Violations
		if !errors.As(err, &vs) {
			return
		}
		for _, v := range vs {
			ptr := prefix + v.Pointer
			if flagged(structural, ptr) {
				continue
			}
			d.addAt(ptr, Code(v.Code), "", v.Message)
		}
	}
	switch f.Kind {
	case PromiseDocument:
		add("", f.Document.Validate())
	case Report:
		add("", f.Report.Validate(nil))
	case Bundle:
		add("/document", f.Bundle.Document.Validate())
		for i := range f.Bundle.Reports {
			add(fmt.Sprintf("/reports/%d", i), f.Bundle.Reports[i].Validate(&f.Bundle.Document))
		}
	}
}
