package app

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// file reads a file the page read for target: the validator's, or a sheet.
func (e *Editor) file(target, name, text string) {
	if len(text) > MaxFile {
		e.notice = e.w(wFileTooLarge)
		return
	}
	switch target {
	case "csv":
		e.fu.importCSV(e, name, text)
	default:
		data := []byte(text)
		f, problems := schema.Decode(data, schema.Options{})
		e.val = validation{name: name, data: data, problems: problems, valid: f != nil}
		if f != nil {
			e.val.kind = f.Kind
		}
		e.screen = screenValidate
	}
}

// openValidated opens the validator's file in the editor: a promise
// document as a bundle without reports, a bundle as it is, and a report
// into the bundle that is open.
func (e *Editor) openValidated() {
	if !e.val.valid {
		return
	}
	tree, err := decodeTree(e.val.data)
	if err != nil {
		return
	}
	e.snapshot("")
	switch e.val.kind {
	case schema.PromiseDocument:
		m, _ := tree.(map[string]any)
		e.data = map[string]any{"$schema": schema.BundleURL, "schemaVersion": str(m["schemaVersion"]), "document": tree, "reports": []any{}}
		e.name = e.val.name
	case schema.Bundle:
		e.data, e.name = tree, e.val.name
	case schema.Report:
		if e.data == nil {
			e.notice = e.w(wNoDocument)
			return
		}
		m, _ := tree.(map[string]any)
		e.data = putReport(e.data, m)
	}
	e.sel = "/document"
	e.screen = screenEdit
	e.changed()
	e.notice = strings.Replace(e.w(wOpened), "%s", e.val.name, 1)
}

// putReport puts a report into the bundle's reports, in place of one with
// its id.
func putReport(tree any, report map[string]any) any {
	v, _ := get(tree, "/reports")
	list, _ := v.([]any)
	for i, x := range list {
		if m, _ := x.(map[string]any); str(m["id"]) == str(report["id"]) {
			list[i] = report
			out, _ := set(tree, "/reports", list)
			return out
		}
	}
	out, _ := set(tree, "/reports", append(list, report))
	return out
}

// newID returns a new version 7 UUID.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// newItem makes a new value of schema s: for an object, its required
// properties (a new id, empty texts, the first of an enum, empty lists).
func newItem(s sch) any {
	r := s.resolve()
	switch r.typ() {
	case "object":
		if r.defName() == "text" || r.defName() == "shortText" {
			return map[string]any{"sv": ""}
		}
		m := map[string]any{}
		req := r.required()
		for _, k := range r.props() {
			if !req[k] {
				continue
			}
			p, _ := r.prop(k)
			if k == "id" {
				m[k] = newID()
				continue
			}
			if v := newItem(p); v != nil {
				m[k] = v
			}
		}
		return m
	case "array":
		return []any{}
	case "string":
		if en := r.enum(); len(en) > 0 {
			return en[0]
		}
		if r.defName() == "uuid" {
			return nil
		}
		return ""
	case "boolean":
		return false
	}
	return nil
}

// addItem appends a new item to the list at ptr and shows it.
func (e *Editor) addItem(ptr string) {
	if e.data == nil {
		return
	}
	s, _ := schemaAt(ptr)
	item := newItem(s.items())
	e.snapshot("")
	if _, ok := get(e.data, ptr); !ok {
		e.data, _ = set(e.data, ptr, []any{})
	}
	v, _ := get(e.data, ptr)
	list, _ := v.([]any)
	var err error
	if e.data, err = set(e.data, ptr, append(list, item)); err != nil {
		return
	}
	item_ptr := ptr + "/" + strconv.Itoa(len(list))
	if m, ok := item.(map[string]any); ok && m["id"] != nil {
		e.sel = item_ptr
		e.screen = screenEdit
		e.effects = append(e.effects, Effect{Kind: "focus", Name: "entity-heading"})
	}
	e.changed()
}

// removeItem removes the list item at ptr.
func (e *Editor) removeItem(ptr string) {
	if e.data == nil {
		return
	}
	e.snapshot("")
	e.data, _ = remove(e.data, ptr)
	if strings.HasPrefix(e.sel+"/", ptr+"/") {
		list, _ := parent(ptr)
		e.sel = e.nearestEntity(list)
	}
	e.changed()
}

// nearestEntity returns the pointer of the entity (an object with an id,
// or the document) that holds ptr.
func (e *Editor) nearestEntity(ptr string) string {
	for p := ptr; p != ""; p, _ = parent(p) {
		if v, ok := get(e.data, p); ok {
			if m, ok := v.(map[string]any); ok && (m["id"] != nil || p == "/document") {
				if p == "/document" || strings.Count(p, "/") > 1 {
					return p
				}
			}
		}
	}
	return "/document"
}

// download gives the page a file: the bundle, the document or a report,
// as valid JSON in the layout Go writes it where it decodes.
func (e *Editor) download(what string) {
	if e.data == nil {
		return
	}
	var (
		tree any
		name string
	)
	switch {
	case what == "document":
		tree, _ = get(e.data, "/document")
		name = "medborgarlofte-dokument.json"
	case strings.HasPrefix(what, "report:"):
		tree, _ = get(e.data, "/reports/"+strings.TrimPrefix(what, "report:"))
		m, _ := tree.(map[string]any)
		name = "uppfoljning-" + str(m["id"])[:min(8, len(str(m["id"])))] + ".json"
	default:
		tree = e.data
		name = "medborgarlofte.json"
		if e.name != "" && strings.HasSuffix(e.name, ".json") {
			name = e.name
		}
	}
	if tree == nil {
		return
	}
	data := canonical(tree)
	f, problems := schema.Decode(data, schema.Options{})
	if f == nil {
		n := 0
		for _, p := range problems {
			if p.Severity == schema.Error {
				n++
			}
		}
		e.notice = e.count(wSavedInvalid, n)
	}
	e.effects = append(e.effects, Effect{Kind: "download", Name: name, Mime: "application/json", Text: string(data)})
}

// canonical writes a tree as the library writes the file it is, when it
// decodes as one (keys in the format's order), else as it is.
func canonical(tree any) []byte {
	raw, err := json.Marshal(tree)
	if err != nil {
		return encodeTree(tree)
	}
	f, _ := schema.Decode(raw, schema.Options{})
	var v any
	switch {
	case f == nil:
		return encodeTree(tree)
	case f.Document != nil:
		v = f.Document
	case f.Report != nil:
		v = f.Report
	default:
		v = f.Bundle
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return encodeTree(tree)
	}
	return []byte(b.String())
}

// kommun is a municipality of SCB's list.
type kommun struct{ code, name, org string }

//go:embed kommuner.tsv
var kommunerTSV string

var kommunerOnce = sync.OnceValue(func() []kommun {
	var out []kommun
	sc := bufio.NewScanner(strings.NewReader(kommunerTSV))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) >= 3 {
			out = append(out, kommun{code: f[0], name: f[1], org: f[2]})
		}
	}
	return out
})

// findKommun finds a municipality by name, organisation name or code.
func findKommun(s string) (kommun, bool) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[i+2 : len(s)-1] // "Strängnäs (0486)"
	}
	for _, k := range kommunerOnce() {
		if s == k.code || strings.EqualFold(s, k.name) || strings.EqualFold(s, k.org) {
			return k, true
		}
	}
	return kommun{}, false
}

// create makes a new document from the guided form: the municipality and
// the police area as parties, and a citizen promise for the period,
// signed by the two.
func (e *Editor) create() {
	f := e.newForm
	k, ok := findKommun(f["kommun"])
	e.newErr = ""
	if !ok {
		e.newErr = fmt.Sprintf(strings.Replace(e.w(wUnknownKommun), "%q", "%s", 1), strconv.Quote(f["kommun"]))
		e.effects = append(e.effects, Effect{Kind: "focus", Name: "new-kommun"})
		return
	}
	police := strings.TrimSpace(f["polis"])
	if police == "" {
		police = "Lokalpolisområde " + k.name
	}
	mun, pol, cp := newID(), newID(), newID()
	start, end := strings.TrimSpace(f["start"]), strings.TrimSpace(f["end"])
	period := map[string]any{"start": start}
	if end != "" {
		period["end"] = end
	}
	year := start
	if len(year) >= 4 {
		year = year[:4]
	}
	var signatories []any
	for _, s := range []struct{ party, name, role string }{{mun, f["sign1"], f["role1"]}, {pol, f["sign2"], f["role2"]}} {
		if strings.TrimSpace(s.name) == "" {
			continue
		}
		sig := map[string]any{"partyId": s.party, "name": strings.TrimSpace(s.name)}
		if r := strings.TrimSpace(s.role); r != "" {
			sig["role"] = map[string]any{"sv": r}
		}
		signatories = append(signatories, sig)
	}
	citizen := map[string]any{
		"id":       cp,
		"title":    map[string]any{"sv": words.M("editor.newTitle", year, k.org).In("sv")},
		"period":   period,
		"partyIds": []any{mun, pol},
		"promises": []any{},
	}
	if len(signatories) > 0 {
		citizen["signatories"] = signatories
	}
	doc := map[string]any{
		"$schema":       schema.PromiseDocumentURL,
		"schemaVersion": promise.SchemaVersion,
		"id":            newID(),
		"title":         map[string]any{"sv": words.M("editor.newTitle", year, k.org).In("sv")},
		"language":      "sv",
		"parties": []any{
			map[string]any{"id": mun, "kind": "municipality", "name": map[string]any{"sv": k.org}, "identifiers": map[string]any{"kommunkod": k.code}},
			map[string]any{"id": pol, "kind": "police", "name": map[string]any{"sv": police}},
		},
		"citizenPromises": []any{citizen},
	}
	e.snapshot("")
	e.data = map[string]any{"$schema": schema.BundleURL, "schemaVersion": promise.SchemaVersion, "document": doc, "reports": []any{}}
	e.name = "medborgarlofte-" + year + "-" + strings.ToLower(k.code) + ".json"
	e.sel = "/document/citizenPromises/0"
	e.screen = screenEdit
	e.changed()
	e.notice = e.w(wCreated)
	e.effects = append(e.effects, Effect{Kind: "focus", Name: "entity-heading"})
}
