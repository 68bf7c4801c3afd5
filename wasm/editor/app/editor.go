package app

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// The screens of the editor.
const (
	screenValidate = "validate"
	screenNew      = "new"
	screenEdit     = "edit"
	screenFollowUp = "followup"
	screenPreview  = "preview"
)

// Editor is the state of one editor: the file being edited, as a JSON
// tree of a bundle, what the validator says of it, and what each screen
// shows. It is driven by [Editor.Dispatch] and never touches the browser:
// the glue of package main passes events in and lays the tree out.
//
// An Editor is not safe for concurrent use.
type Editor struct {
	lang   string
	screen string
	today  promise.Date

	data     any // the bundle being edited; nil when none is open
	name     string
	problems schema.Problems
	bundle   *followup.Bundle // data decoded, when it is valid

	undo, redo [][]byte
	lastBind   string // the field of the last edit, to merge typing into one undo step

	sel     string // the pointer of the entity shown in the edit screen
	val     validation
	newForm map[string]string
	newErr  string
	at      string // the preview's date
	fu      followUpState

	notice  string
	effects []Effect
}

// validation is the validator screen's file and what Decode said of it.
type validation struct {
	name     string
	data     []byte
	kind     schema.Kind
	problems schema.Problems
	valid    bool
	err      string
}

// Event is what happened in the page.
type Event struct {
	// Type is "init", "action", "input", "file" or "fetched".
	Type string `json:"type"`
	// Action and Arg: the data-action and data-arg of a button.
	Action string `json:"action,omitempty"`
	Arg    string `json:"arg,omitempty"`
	// Bind and Value: the data-bind of a field and its new value.
	Bind  string `json:"bind,omitempty"`
	Value string `json:"value,omitempty"`
	// Target, Name and Text: a file read for Target ("validate", "csv").
	Target string `json:"target,omitempty"`
	Name   string `json:"name,omitempty"`
	Text   string `json:"text,omitempty"`
	// Lang, Today and Draft: the page's language, today's date and the
	// saved draft, at init.
	Lang  string `json:"lang,omitempty"`
	Today string `json:"today,omitempty"`
	Draft string `json:"draft,omitempty"`
}

// Effect is something the page does for the editor.
type Effect struct {
	// Kind is "download" (Name, Mime, Text), "draft" (save Text as the
	// draft; "" deletes it), "fetch" (Name is a URL to read for the
	// validator) or "focus" (the element whose data-key is Name).
	Kind string `json:"kind"`
	Name string `json:"name,omitempty"`
	Mime string `json:"mime,omitempty"`
	Text string `json:"text,omitempty"`
}

// Response is the editor's answer to an event: the view to show, what the
// page should do, and a message for its live region.
type Response struct {
	Tree    *Node    `json:"tree"`
	Effects []Effect `json:"effects,omitempty"`
	Notice  string   `json:"notice,omitempty"`
	// Valid and Problems say whether the open file is valid, for the
	// page's data-valid attribute and tests.
	Valid    bool `json:"valid"`
	Problems int  `json:"problems"`
}

// New returns an editor on its first screen, the validator.
func New() *Editor {
	return &Editor{lang: "sv", screen: screenValidate, newForm: map[string]string{}}
}

// MaxFile is the largest file the editor reads.
const MaxFile = schema.DefaultMaxBytes

// Dispatch handles an event and returns what to show.
func (e *Editor) Dispatch(ev Event) Response {
	e.effects, e.notice = nil, ""
	switch ev.Type {
	case "init":
		e.init(ev)
	case "action":
		e.action(ev.Action, ev.Arg)
	case "input":
		e.input(ev.Bind, ev.Value)
	case "file":
		if ev.Value == "too-large" {
			e.notice = e.w(wFileTooLarge)
			break
		}
		e.file(ev.Target, ev.Name, ev.Text)
	case "fetched":
		if ev.Text == "" && ev.Value != "" {
			e.val = validation{name: ev.Name, err: ev.Value}
		} else {
			e.file("validate", ev.Name, ev.Text)
		}
	}
	return Response{Tree: e.view(), Effects: e.effects, Notice: e.notice, Valid: e.data != nil && e.bundle != nil, Problems: e.errorCount()}
}

func (e *Editor) init(ev Event) {
	e.lang = words.Lang(ev.Lang)
	if d, err := promise.ParseDate(ev.Today); err == nil {
		e.today = d
		e.at = d.String()
	}
	if ev.Draft == "" {
		return
	}
	var draft struct {
		Name string          `json:"name"`
		Data json.RawMessage `json:"data"`
		Sel  string          `json:"sel"`
	}
	if json.Unmarshal([]byte(ev.Draft), &draft) != nil {
		return
	}
	tree, err := decodeTree(draft.Data)
	if err != nil {
		return
	}
	e.data, e.name, e.sel = tree, draft.Name, draft.Sel
	e.refresh()
	e.screen = screenEdit
	e.notice = e.w(wDraftRestored)
}

// changed records that data changed: it is validated again and saved as
// the draft.
func (e *Editor) changed() {
	e.refresh()
	e.saveDraft()
}

func (e *Editor) saveDraft() {
	if e.data == nil {
		e.effects = append(e.effects, Effect{Kind: "draft"})
		return
	}
	data, _ := json.Marshal(e.data)
	d, _ := json.Marshal(struct {
		Name string          `json:"name"`
		Data json.RawMessage `json:"data"`
		Sel  string          `json:"sel"`
	}{e.name, data, e.sel})
	e.effects = append(e.effects, Effect{Kind: "draft", Text: string(d)})
}

// refresh validates data as the validator would.
func (e *Editor) refresh() {
	e.problems, e.bundle = nil, nil
	if e.data == nil {
		return
	}
	data, err := json.Marshal(e.data)
	if err != nil {
		return
	}
	f, problems := schema.Decode(data, schema.Options{})
	e.problems = problems
	if f != nil && f.Kind == schema.Bundle {
		e.bundle = f.Bundle
	}
}

func (e *Editor) errorCount() int {
	n := 0
	for _, p := range e.problems {
		if p.Severity == schema.Error {
			n++
		}
	}
	return n
}

// snapshot saves the data for undo, before a change. Edits of one field
// in a row are one step.
func (e *Editor) snapshot(bind string) {
	if bind != "" && bind == e.lastBind {
		return
	}
	e.lastBind = bind
	data, _ := json.Marshal(e.data)
	e.undo = append(e.undo, data)
	if len(e.undo) > maxUndo {
		e.undo = e.undo[1:]
	}
	e.redo = nil
}

const maxUndo = 200

func (e *Editor) restore(from, to *[][]byte, done wordKey) {
	if len(*from) == 0 {
		e.notice = e.w(wNothingToUndo)
		return
	}
	cur, _ := json.Marshal(e.data)
	*to = append(*to, cur)
	last := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	tree, err := decodeTree(last)
	if err != nil {
		return
	}
	e.data, e.lastBind = tree, ""
	if _, ok := get(e.data, e.sel); !ok {
		e.sel = ""
	}
	e.changed()
	e.notice = e.w(done)
}

func (e *Editor) action(action, arg string) {
	switch action {
	case "screen":
		e.screen = arg
		if arg == screenFollowUp {
			e.fu.ensure(e)
		}
	case "lang":
		e.lang = arg
	case "select":
		e.sel, e.screen = arg, screenEdit
		e.effects = append(e.effects, Effect{Kind: "focus", Name: "entity-heading"})
	case "undo":
		e.restore(&e.undo, &e.redo, wUndone)
	case "redo":
		e.restore(&e.redo, &e.undo, wRedone)
	case "add":
		e.addItem(arg)
	case "add-object":
		e.snapshot("")
		e.data, _ = set(e.data, arg, map[string]any{})
		e.changed()
	case "remove":
		e.removeItem(arg)
	case "open-validated":
		e.openValidated()
	case "fetch":
		if u := strings.TrimSpace(e.newForm["url"]); u != "" {
			e.effects = append(e.effects, Effect{Kind: "fetch", Name: u})
		}
	case "create":
		e.create()
	case "download":
		e.download(arg)
	case "discard-draft":
		e.data, e.name, e.sel, e.undo, e.redo = nil, "", "", nil, nil
		e.refresh()
		e.screen = screenValidate
		e.saveDraft()
	case "preview-at":
		// The date is bound to e.at; the button only re-renders.
	default:
		e.fu.action(e, action, arg)
	}
}

// input sets the value of a bound field.
func (e *Editor) input(bind, value string) {
	kind, rest, _ := strings.Cut(bind, ":")
	switch kind {
	case "new":
		e.newForm[rest] = value
		return
	case "at":
		e.at = strings.TrimSpace(value)
		return
	case "fu":
		e.fu.input(e, rest, value)
		return
	}
	if e.data == nil {
		return
	}
	ptr, extra, _ := strings.Cut(rest, "|")
	e.snapshot(bind)
	var err error
	switch kind {
	case "text": // a language map at ptr, the language in extra
		m, _ := getMap(e.data, ptr)
		if value == "" {
			delete(m, extra)
		} else {
			m[extra] = value
		}
		if len(m) == 0 && !e.isRequired(ptr) {
			e.data, err = remove(e.data, ptr)
		} else {
			e.data, err = set(e.data, ptr, m)
		}
	case "str", "date", "enum", "ref":
		if value == "" && !e.isRequired(ptr) {
			e.data, err = remove(e.data, ptr)
		} else {
			e.data, err = set(e.data, ptr, value)
		}
	case "num":
		switch v := strings.TrimSpace(value); {
		case v == "" && !e.isRequired(ptr):
			e.data, err = remove(e.data, ptr)
		default:
			e.data, err = set(e.data, ptr, number(v))
		}
	case "bool":
		if value == "true" {
			e.data, err = set(e.data, ptr, true)
		} else {
			e.data, err = remove(e.data, ptr)
		}
	case "refs", "set": // toggle extra in the list at ptr
		e.data, err = toggle(e.data, ptr, extra, value == "true", e.isRequired(ptr))
	case "lines": // a list of strings, one a line
		var items []any
		for _, l := range strings.Split(value, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				items = append(items, l)
			}
		}
		if len(items) == 0 && !e.isRequired(ptr) {
			e.data, err = remove(e.data, ptr)
		} else {
			e.data, err = set(e.data, ptr, items)
		}
	}
	if err == nil {
		e.changed()
	}
}

// number reads a number as people write it (decimal comma, spaces); what
// is no number stays text, and the validator says so beside the field.
func number(s string) any {
	t := strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\u00a0", "")
	if !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil && !strings.ContainsAny(t, "xXpP_") {
		return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
	}
	return s
}

func getMap(tree any, ptr string) (map[string]any, bool) {
	v, ok := get(tree, ptr)
	m, isMap := v.(map[string]any)
	if !isMap {
		m = map[string]any{}
	}
	return m, ok && isMap
}

// toggle adds id to, or removes it from, the list at ptr.
func toggle(tree any, ptr, id string, on, required bool) (any, error) {
	v, _ := get(tree, ptr)
	list, _ := v.([]any)
	out := []any{}
	for _, x := range list {
		if str(x) != id {
			out = append(out, x)
		}
	}
	if on {
		out = append(out, id)
	}
	if len(out) == 0 && !required {
		return remove(tree, ptr)
	}
	return set(tree, ptr, out)
}

// isRequired reports whether the property at ptr is required by its
// object's schema.
func (e *Editor) isRequired(ptr string) bool {
	par, last := parent(ptr)
	s, _ := schemaAt(par)
	return s.required()[last]
}

func itoa(n int) string { return strconv.Itoa(n) }
