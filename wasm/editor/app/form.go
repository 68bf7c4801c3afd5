package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// mainProps are the properties shown first in the form of a definition;
// the others are under "More". A definition not listed shows all.
var mainProps = map[string][]string{
	"promise-document": {"title", "language", "updated"},
	"party":            {"kind", "name", "shortName", "identifiers", "parentId", "website"},
	"place":            {"kind", "name", "parentId", "kommunkod"},
	"theme":            {"title", "description", "parentId"},
	"source":           {"kind", "title", "url", "published", "publisherId"},
	"person":           {"name", "partyId", "title"},
	"agreement":        {"title", "period", "partyIds", "signatories", "signed", "summary", "purpose", "themeIds"},
	"actionPlan":       {"title", "agreementId", "period", "partyIds", "decided", "summary", "activities", "reporting"},
	"citizenPromise":   {"title", "period", "partyIds", "signatories", "signed", "signedAt", "summary", "purpose", "promises", "activities", "agreementId", "reporting"},
	"promise":          {"text", "givenBy", "themeIds", "placeIds"},
	"activity":         {"text", "promiseIds", "leadIds", "partnerIds", "placeIds", "themeIds", "window", "targets"},
	"target":           {"kind", "description", "value", "comparison", "unit", "scope", "every", "due", "placeIds", "baseline", "direction", "actionThreshold", "split"},
	"followup-report":  {"citizenPromiseId", "actionPlanId", "agreementId", "title", "period", "date", "reportedBy", "final", "illustrative", "summary", "updates"},
}

// skipped are properties the forms leave alone.
var skipped = map[string]bool{"$schema": true, "schemaVersion": true, "id": true, "extensions": true}

// longTexts are texts edited in a text area.
var longTexts = map[string]bool{"text": true, "description": true, "summary": true, "purpose": true, "narrative": true,
	"justification": true, "shortfall": true, "reason": true, "note": true, "evaluationPlan": true}

// form renders the form of the entity at ptr.
type form struct {
	e     *Editor
	shown map[string]bool // pointers of the problems shown beside a field
	probs map[string][]schema.Problem
}

func (e *Editor) form(ptr string) *Node {
	f := &form{e: e, shown: map[string]bool{}, probs: map[string][]schema.Problem{}}
	for _, p := range e.problems {
		f.probs[p.Pointer] = append(f.probs[p.Pointer], p)
	}
	s, _ := schemaAt(ptr)
	v, _ := get(e.data, ptr)
	m, _ := v.(map[string]any)
	def := s.defName()
	if def == "" {
		def = holderOf(ptr)
	}
	title := e.entityLabel(m)
	if ptr == "/document" {
		title = e.w(wDocument)
	}
	if strings.HasPrefix(ptr, "/reports/") && strings.Count(ptr, "/") == 2 {
		title = e.reportLabel(m)
	}
	sec := el("section", a("class", "entity", "aria-labelledby", "entity-h", "data-key", "entity:"+ptr, "data-ptr", ptr),
		tel("h2", a("id", "entity-h", "tabindex", "-1", "data-key", "entity-heading"), title))
	if id := str(m["id"]); id != "" {
		sec.add(tel("p", a("class", "id"), e.w(wIDs)+": "+id))
	}
	body := f.fields(ptr, s, def, m)
	here := el("div", a("class", "problems-here", "data-key", "problems-here"))
	var left schema.Problems
	for _, p := range e.problems {
		if (p.Pointer == ptr || strings.HasPrefix(p.Pointer, ptr+"/")) && !f.shown[p.Pointer] {
			left = append(left, p)
		}
	}
	if len(left) > 0 {
		here.add(tel("h3", nil, e.w(wProblemsHere)), e.problemList(left, e.fileName(), true))
		sec.add(here)
	}
	sec.add(body)
	if ptr != "/document" {
		sec.add(el("p", nil, button(e.w(wRemove)+": "+title, "remove", ptr, "class", "danger", "data-key", "remove-entity")))
	}
	return sec
}

// holderOf names the definition of the value at ptr from its place.
func holderOf(ptr string) string {
	switch {
	case ptr == "/document":
		return "promise-document"
	case strings.HasPrefix(ptr, "/reports/") && strings.Count(ptr, "/") == 2:
		return "followup-report"
	}
	return ""
}

// fields renders the properties of the object m at ptr.
func (f *form) fields(ptr string, s sch, def string, m map[string]any) *Node {
	e := f.e
	box := el("div", a("class", "fields"))
	more := el("div", a("class", "fields"))
	moreProblem := false
	main := mainProps[def]
	props := s.props()
	order := props
	if main != nil {
		order = append(slices.Clone(main), slices.DeleteFunc(slices.Clone(props), func(p string) bool { return slices.Contains(main, p) })...)
	}
	req := s.required()
	forbidden := s.forbidden(m)
	for _, p := range order {
		if skipped[p] || !slices.Contains(props, p) {
			continue
		}
		if ptr == "/document" && topLists[p] != "" {
			continue // in the outline
		}
		if forbidden[p] && m[p] == nil {
			continue
		}
		ps, _ := s.prop(p)
		n := f.field(join(ptr, p), def, p, ps, m[p], req[p])
		if n == nil {
			continue
		}
		if main == nil || slices.Contains(main, p) {
			box.add(n)
		} else {
			more.add(n)
			if f.hasProblem(join(ptr, p)) {
				moreProblem = true
			}
		}
	}
	if len(more.Kids) > 0 {
		d := el("details", a("class", "more", "data-key", "more:"+ptr), tel("summary", nil, e.w(wMore)), more)
		if moreProblem {
			d.set("open", "")
		}
		box.add(d)
	}
	return box
}

func (f *form) hasProblem(ptr string) bool {
	for p := range f.probs {
		if p == ptr || strings.HasPrefix(p, ptr+"/") {
			return true
		}
	}
	return false
}

// problems returns the problems shown beside the field at ptr (and, with
// sub, of its members) and marks them shown.
func (f *form) problems(ptrs ...string) []schema.Problem {
	var out []schema.Problem
	for _, p := range ptrs {
		out = append(out, f.probs[p]...)
		f.shown[p] = true
	}
	return out
}

// problemNote is the text of a field's problems, with the id the field's
// aria-describedby names.
func (f *form) problemNote(id string, ps []schema.Problem) *Node {
	if len(ps) == 0 {
		return nil
	}
	n := el("div", a("class", "problem", "id", id, "data-problem", "true"))
	for _, p := range ps {
		n.add(tel("p", a("data-code", string(p.Code)), p.Message.In(f.e.lang)))
	}
	return n
}

// withProblems marks an input invalid and points it to its problems.
func withProblems(input *Node, id string, ps []schema.Problem) {
	if len(ps) > 0 {
		input.set("aria-invalid", "true").set("aria-describedby", id)
	}
}

// field renders one property.
func (f *form) field(ptr, holder, prop string, s sch, v any, required bool) *Node {
	e := f.e
	r := s.resolve()
	id := domID("f", ptr)
	pid := id + "-problem"
	label := e.label(holder, prop)
	if required {
		label += " *"
	}
	def := r.defName()
	switch {
	case def == "text" || def == "shortText":
		return f.textField(ptr, id, pid, label, prop, v)
	case def == "uuid" || (r.typ() == "string" && listOf(holder, prop) != ""):
		list := listOf(holder, prop)
		if list == "" {
			return nil // an id, or a reference the table does not know: left as it is
		}
		ps := f.problems(ptr)
		sel := el("select", a("id", id, "data-bind", "ref:"+ptr, "data-key", "b:"+ptr))
		sel.add(tel("option", a("value", ""), e.w(wNone)))
		cur := str(v)
		found := cur == ""
		for _, o := range e.options(list, ptr) {
			opt := tel("option", a("value", o.id), o.label)
			if o.id == cur {
				opt.set("selected", "")
				found = true
			}
			sel.add(opt)
		}
		if !found {
			sel.add(tel("option", a("value", cur, "selected", ""), cur))
		}
		withProblems(sel, pid, ps)
		return el("div", a("class", "field"), tel("label", a("for", id), label), sel, f.problemNote(pid, ps))
	case r.typ() == "array":
		return f.arrayField(ptr, id, pid, label, holder, prop, r, v)
	case r.typ() == "object":
		return f.objectField(ptr, id, pid, label, prop, r, v, required)
	case len(r.enum()) > 0:
		ps := f.problems(ptr)
		sel := el("select", a("id", id, "data-bind", "enum:"+ptr, "data-key", "b:"+ptr))
		if !required {
			sel.add(tel("option", a("value", ""), e.w(wNone)))
		}
		cur := str(v)
		for _, x := range r.enum() {
			opt := tel("option", a("value", x), e.enumLabel(prop, x))
			if x == cur {
				opt.set("selected", "")
			}
			sel.add(opt)
		}
		withProblems(sel, pid, ps)
		return el("div", a("class", "field"), tel("label", a("for", id), label), sel, f.problemNote(pid, ps))
	case r.typ() == "boolean":
		ps := f.problems(ptr)
		box := el("input", a("type", "checkbox", "id", id, "data-bind", "bool:"+ptr, "data-key", "b:"+ptr))
		if v == true {
			box.set("checked", "")
		}
		withProblems(box, pid, ps)
		return el("div", a("class", "field check"), box, tel("label", a("for", id), label), f.problemNote(pid, ps))
	case r.typ() == "number" || r.typ() == "integer":
		ps := f.problems(ptr)
		in := el("input", a("type", "text", "inputmode", "decimal", "id", id, "data-bind", "num:"+ptr, "value", str(v), "data-key", "b:"+ptr))
		withProblems(in, pid, ps)
		return el("div", a("class", "field"), tel("label", a("for", id), label), in, f.problemNote(pid, ps))
	case r.typ() == "string":
		ps := f.problems(ptr)
		kind, typ := "str", "text"
		switch def {
		case "date":
			kind = "date"
		case "webUrl":
			typ = "url"
		}
		in := el("input", a("type", typ, "id", id, "data-bind", kind+":"+ptr, "value", str(v), "data-key", "b:"+ptr))
		n := el("div", a("class", "field"), tel("label", a("for", id), label), in)
		desc := ""
		if def == "date" {
			n.add(tel("p", a("class", "hint", "id", id+"-hint"), e.w(wDateHint)))
			desc = id + "-hint"
		}
		if len(ps) > 0 {
			in.set("aria-invalid", "true")
			desc = strings.TrimSpace(desc + " " + pid)
		}
		if desc != "" {
			in.set("aria-describedby", desc)
		}
		return n.add(f.problemNote(pid, ps))
	}
	return nil
}

// textField is a text in Swedish, and in English beside it.
func (f *form) textField(ptr, id, pid, label, prop string, v any) *Node {
	e := f.e
	m, _ := v.(map[string]any)
	n := el("div", a("class", "field text"))
	langs := []string{"sv", "en"}
	for l := range m {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	all := f.problems(ptr)
	for i, l := range langs {
		lid := id + "-" + l
		lp := f.problems(join(ptr, l))
		ps := lp
		if i == 0 {
			ps = append(slices.Clone(all), lp...)
		}
		name := label
		if l != promise.DefaultLanguage {
			// A text in another language than the default: its field
			// says which, by the language's name where the catalog has it.
			lname := l
			if n, ok := words.Lookup(words.Key("language."+l), e.lang); ok {
				lname = n
			}
			name = strings.TrimSuffix(label, " *") + " (" + lname + ")"
		}
		var in *Node
		if longTexts[prop] {
			in = tel("textarea", a("id", lid, "data-bind", "text:"+ptr+"|"+l, "data-key", "b:"+ptr+"|"+l, "lang", l, "rows", "3"), str(m[l]))
			in.set("value", str(m[l]))
		} else {
			in = el("input", a("type", "text", "id", lid, "data-bind", "text:"+ptr+"|"+l, "value", str(m[l]), "data-key", "b:"+ptr+"|"+l, "lang", l))
		}
		withProblems(in, lid+"-problem", ps)
		n.add(el("div", a("class", "lang-"+l), tel("label", a("for", lid), name), in, f.problemNote(lid+"-problem", ps)))
	}
	return n
}

// objectField is a group of fields, or a button to add the group.
func (f *form) objectField(ptr, id, pid, label, prop string, s sch, v any, required bool) *Node {
	e := f.e
	m, ok := v.(map[string]any)
	ps := f.problems(ptr)
	if !ok {
		if prop == "extensions" {
			return nil
		}
		n := el("div", a("class", "field"),
			button(e.w(wAdd)+": "+strings.TrimSuffix(label, " *"), "add-object", ptr, "data-key", "add:"+ptr, "aria-describedby", pid))
		return n.add(f.problemNote(pid, ps))
	}
	fs := el("fieldset", a("class", "group", "data-key", "g:"+ptr), tel("legend", nil, label))
	fs.add(f.problemNote(pid, ps))
	def := s.defName()
	fs.add(f.fields(ptr, s, def, m))
	if !required {
		fs.add(button(e.w(wRemove)+": "+strings.TrimSuffix(label, " *"), "remove", ptr, "class", "danger small"))
	}
	return fs
}

// arrayField is a list: of references (check boxes), of enum values (check
// boxes), of entities (links to their forms) or of other objects (groups).
func (f *form) arrayField(ptr, id, pid, label, holder, prop string, s sch, v any) *Node {
	e := f.e
	list, _ := v.([]any)
	items := s.items().resolve()
	ps := f.problems(ptr)
	for i := range list {
		ps = append(ps, f.problems(join(ptr, strconv.Itoa(i)))...)
	}
	fs := el("fieldset", a("class", "list", "data-key", "l:"+ptr, "id", id), tel("legend", nil, label))
	if len(ps) > 0 {
		fs.set("aria-describedby", pid).set("data-invalid", "true")
	}
	switch {
	case items.defName() == "uuid" || (items.typ() == "string" && listOf(holder, prop) != ""):
		l := listOf(holder, prop)
		if l == "" {
			return nil
		}
		have := map[string]bool{}
		for _, x := range list {
			have[str(x)] = true
		}
		opts := e.options(l, ptr)
		for _, o := range opts {
			bid := domID("c", ptr+"/"+o.id)
			box := el("input", a("type", "checkbox", "id", bid, "data-bind", "refs:"+ptr+"|"+o.id, "data-key", "b:"+ptr+"|"+o.id))
			if have[o.id] {
				box.set("checked", "")
			}
			fs.add(el("div", a("class", "check"), box, tel("label", a("for", bid), o.label)))
		}
		if len(opts) == 0 {
			fs.add(tel("p", a("class", "hint"), e.w(wNone)))
		}
	case len(items.enum()) > 0 && items.typ() == "string":
		have := map[string]bool{}
		for _, x := range list {
			have[str(x)] = true
		}
		for _, x := range items.enum() {
			bid := domID("c", ptr+"/"+x)
			box := el("input", a("type", "checkbox", "id", bid, "data-bind", "set:"+ptr+"|"+x, "data-key", "b:"+ptr+"|"+x))
			if have[x] {
				box.set("checked", "")
			}
			fs.add(el("div", a("class", "check"), box, tel("label", a("for", bid), e.enumLabel(prop, x))))
		}
	case items.typ() == "object" && items.required()["id"]:
		ul := el("ul", nil)
		for i, x := range list {
			m, _ := x.(map[string]any)
			name := e.entityLabel(m)
			if items.defName() == "target" {
				name = e.targetLabel(m)
			}
			ul.add(el("li", nil, button(name, "select", join(ptr, strconv.Itoa(i)), "data-key", "sel:"+join(ptr, strconv.Itoa(i)))))
		}
		fs.add(ul, button(e.w(wAdd)+": "+strings.ToLower(strings.TrimSuffix(label, " *")), "add", ptr, "data-key", "add:"+ptr, "class", "add"))
	case items.typ() == "object":
		for i, x := range list {
			m, _ := x.(map[string]any)
			ip := join(ptr, strconv.Itoa(i))
			g := el("fieldset", a("class", "group", "data-key", "g:"+ip), tel("legend", nil, strings.TrimSuffix(label, " *")+" "+strconv.Itoa(i+1)))
			g.add(f.fields(ip, items, items.defName(), m))
			g.add(button(e.w(wRemove)+": "+strings.TrimSuffix(label, " *")+" "+strconv.Itoa(i+1), "remove", ip, "class", "danger small"))
			fs.add(g)
		}
		fs.add(button(e.w(wAdd)+": "+strings.ToLower(strings.TrimSuffix(label, " *")), "add", ptr, "data-key", "add:"+ptr, "class", "add"))
	default:
		var lines []string
		for _, x := range list {
			lines = append(lines, str(x))
		}
		ta := tel("textarea", a("id", id+"-lines", "data-bind", "lines:"+ptr, "data-key", "b:"+ptr, "rows", "3"), strings.Join(lines, "\n"))
		ta.set("value", strings.Join(lines, "\n"))
		fs.add(tel("label", a("for", id+"-lines"), label+" ("+e.w(wLines)+")"), ta)
	}
	return fs.add(f.problemNote(pid, ps))
}
