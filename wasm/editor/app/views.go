package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// view renders the whole editor.
func (e *Editor) view() *Node {
	screens := []struct {
		id  string
		key wordKey
	}{{screenValidate, wValidate}, {screenNew, wNew}, {screenEdit, wEdit}, {screenFollowUp, wFollowUp}, {screenPreview, wPreview}}
	nav := el("ul", a("class", "screens"))
	for _, s := range screens {
		b := button(e.w(s.key), "screen", s.id, "data-key", "screen-"+s.id)
		if s.id == e.screen {
			b.set("aria-current", "page")
		}
		nav.add(el("li", nil, b))
	}
	// The other language: the next catalog's.
	langs := words.Languages()
	other := langs[(slices.Index(langs, e.lang)+1)%len(langs)]
	tools := el("div", a("class", "tools"),
		button(e.w(wUndo), "undo", "", "data-key", "undo", "aria-keyshortcuts", "Control+Z"),
		button(e.w(wRedo), "redo", "", "data-key", "redo", "aria-keyshortcuts", "Control+Y"),
		button(e.w(wLanguage), "lang", other, "lang", other, "data-key", "lang"),
	)
	var main *Node
	switch e.screen {
	case screenNew:
		main = e.newView()
	case screenEdit:
		main = e.editView()
	case screenFollowUp:
		main = e.fu.view(e)
	case screenPreview:
		main = e.previewView()
	default:
		main = e.validateView()
	}
	status := "valid"
	switch {
	case e.data == nil:
		status = "none"
	case e.bundle == nil:
		status = "invalid"
	}
	return el("div", a("class", "editor", "lang", e.lang, "data-screen", e.screen, "data-file", status),
		el("header", a("class", "top"),
			tel("h1", nil, e.w(wTitle)),
			el("nav", a("aria-label", e.w(wTitle)), nav),
			tools,
		),
		tel("p", a("class", "notice", "role", "status", "aria-live", "polite", "data-key", "notice"), e.notice),
		el("main", a("class", "screen", "data-key", "main"), main),
	)
}

// validateView is the first screen: a web validator.
func (e *Editor) validateView() *Node {
	s := el("section", a("aria-labelledby", "validate-h"),
		tel("h2", a("id", "validate-h"), e.w(wValidate)),
		tel("p", nil, e.w(wValidateIntro)),
		el("div", a("class", "drop", "data-drop", "validate"),
			tel("label", a("for", "validate-file"), e.w(wChooseFile)),
			el("input", a("type", "file", "id", "validate-file", "data-file", "validate", "accept", ".json,application/json")),
			tel("p", a("class", "hint"), e.w(wDropHere)),
		),
		el("div", a("class", "row"),
			tel("label", a("for", "validate-url"), e.w(wURL)),
			el("input", a("type", "url", "id", "validate-url", "data-bind", "new:url", "value", e.newForm["url"], "autocomplete", "url")),
			button(e.w(wFetch), "fetch", ""),
		),
	)
	if v := e.val; v.name != "" {
		res := el("section", a("class", "result", "aria-labelledby", "result-h", "data-key", "validation", "data-valid", strconv.FormatBool(v.valid)),
			tel("h3", a("id", "result-h"), v.name))
		switch {
		case v.err != "":
			res.add(tel("p", a("class", "invalid"), v.err))
		case v.valid:
			res.add(tel("p", a("class", "valid"), e.w(wValid)+" ("+v.kind.String()+")"))
		default:
			res.add(tel("p", a("class", "invalid"), e.w(wInvalid)+" "+e.count(wProblemsCount, countErrors(v.problems))))
		}
		if len(v.problems) > 0 {
			res.add(e.problemList(v.problems, v.name, false))
		}
		if v.valid {
			res.add(button(e.w(wOpenInEditor), "open-validated", "", "data-key", "open-validated"))
		}
		s.add(res)
	}
	s.add(el("p", nil, button(e.w(wStartNew), "screen", screenNew, "data-key", "start-new")))
	return s
}

func countErrors(ps schema.Problems) int {
	n := 0
	for _, p := range ps {
		if p.Severity == schema.Error {
			n++
		}
	}
	return n
}

// problemList lists problems as the validator prints them; with goTo, each
// has a button to the entity it concerns.
func (e *Editor) problemList(ps schema.Problems, file string, goTo bool) *Node {
	list := el("ol", a("class", "problems"))
	for _, p := range ps {
		li := el("li", a("data-pointer", p.Pointer, "data-code", string(p.Code), "class", p.Severity.String()),
			tel("code", nil, p.Format(file, e.lang)))
		if goTo && strings.HasPrefix(p.Pointer, "/") {
			li.add(txt(" "), button(e.w(wGoTo), "select", e.nearestEntity(p.Pointer)))
		}
		list.add(li)
	}
	return list
}

// newView is the guided form for a new citizen promise.
func (e *Editor) newView() *Node {
	f := e.newForm
	field := func(key, label, help, typ string) *Node {
		id := "new-" + key
		input := el("input", a("id", id, "type", typ, "data-bind", "new:"+key, "value", f[key], "data-key", id))
		n := el("div", a("class", "field"), tel("label", a("for", id), label), input)
		if help != "" {
			input.set("aria-describedby", id+"-help")
			n.add(tel("p", a("class", "hint", "id", id+"-help"), help))
		}
		return n
	}
	kommun := field("kommun", e.w(wMunicipality), e.w(wMunicipalityH), "text")
	kommun.Kids[1].set("list", "kommuner").set("autocomplete", "off")
	if e.newErr != "" {
		kommun.Kids[1].set("aria-invalid", "true").set("aria-describedby", "new-kommun-help new-kommun-error")
		kommun.add(tel("p", a("class", "problem", "id", "new-kommun-error"), e.newErr))
	}
	list := el("datalist", a("id", "kommuner"))
	for _, k := range kommunerOnce() {
		list.add(el("option", a("value", k.name+" ("+k.code+")")))
	}
	start := field("start", e.w(wPeriodStart), e.w(wDateHint), "text")
	end := field("end", e.w(wPeriodEnd), e.w(wDateHint), "text")
	signers := el("fieldset", nil, tel("legend", nil, e.w(wSignatories)))
	for i, who := range []string{e.w(wMunicipality), e.w(wPoliceArea)} {
		n := strconv.Itoa(i + 1)
		signers.add(el("div", a("class", "row"),
			tel("span", a("class", "for"), strings.SplitN(who, " (", 2)[0]+":"),
			field("sign"+n, e.w(wSignatoryName), "", "text"),
			field("role"+n, e.w(wSignatoryRole), "", "text"),
		))
	}
	return el("section", a("aria-labelledby", "new-h"),
		tel("h2", a("id", "new-h"), e.w(wNew)),
		el("form", a("data-submit", "create"),
			kommun, list,
			field("polis", e.w(wPoliceArea), e.w(wPoliceAreaH), "text"),
			start, end, signers,
			tel("button", a("type", "submit", "data-key", "create"), e.w(wCreate)),
		),
	)
}

// editView shows the document's entities and the form of the chosen one.
func (e *Editor) editView() *Node {
	if e.data == nil {
		return el("section", nil, tel("h2", nil, e.w(wEdit)), tel("p", nil, e.w(wNoDocument)))
	}
	if e.sel == "" {
		e.sel = "/document"
	}
	if _, ok := get(e.data, e.sel); !ok {
		e.sel = "/document"
	}
	downloads := el("div", a("class", "downloads"),
		button(e.w(wDownloadBundle), "download", "bundle", "data-key", "download-bundle"),
		button(e.w(wDownloadDoc), "download", "document", "data-key", "download-document"),
	)
	if r := reportOf(e.sel); r != "" {
		downloads.add(button(e.w(wDownloadReport), "download", "report:"+strings.TrimPrefix(r, "/reports/"), "data-key", "download-report"))
	}
	problems := el("section", a("class", "all-problems", "aria-labelledby", "problems-h", "data-key", "all-problems"),
		tel("h2", a("id", "problems-h"), e.w(wProblems)+" ("+strconv.Itoa(e.errorCount())+")"))
	if len(e.problems) == 0 {
		problems.add(tel("p", a("class", "valid"), e.w(wNoProblems)))
	} else {
		problems.add(e.problemList(e.problems, e.fileName(), true))
	}
	return el("div", a("class", "edit"),
		e.outline(),
		el("div", a("class", "form-area"), downloads, e.form(e.sel), problems),
	)
}

func (e *Editor) fileName() string {
	if e.name != "" {
		return e.name
	}
	return "medborgarlofte.json"
}

// outline is the navigation of the document's entities.
func (e *Editor) outline() *Node {
	nav := el("nav", a("class", "outline", "aria-label", e.w(wDocument)))
	top := el("ul", nil)
	item := func(ptr, label string) *Node {
		b := button(label, "select", ptr, "data-key", "sel:"+ptr)
		if ptr == e.sel {
			b.set("aria-current", "true")
		}
		return el("li", nil, b)
	}
	top.add(item("/document", e.w(wDocument)))
	lists := []string{"parties", "people", "places", "themes", "sources", "agreements", "actionPlans", "citizenPromises"}
	for _, l := range lists {
		ptr := "/document/" + l
		top.add(e.outlineList(ptr, e.label("promise-document", l), item, func(p string) *Node {
			if l != "citizenPromises" && l != "actionPlans" {
				return nil
			}
			sub := el("ul", nil)
			for _, k := range []string{"promises", "activities"} {
				if _, ok := get(e.data, p+"/"+k); ok || l == "citizenPromises" {
					sub.add(e.outlineList(p+"/"+k, e.label("citizenPromise", k), item, nil))
				}
			}
			return sub
		}))
	}
	top.add(e.outlineList("/reports", e.w(wReports), item, nil))
	return nav.add(top)
}

func (e *Editor) outlineList(ptr, label string, item func(string, string) *Node, children func(string) *Node) *Node {
	v, _ := get(e.data, ptr)
	list, _ := v.([]any)
	id := domID("ol-", ptr)
	li := el("li", nil, tel("span", a("id", id, "class", "list-label"), fmt.Sprintf("%s (%d)", label, len(list))))
	ul := el("ul", a("aria-labelledby", id))
	for i, x := range list {
		m, _ := x.(map[string]any)
		p := ptr + "/" + strconv.Itoa(i)
		name := e.entityLabel(m)
		if strings.HasSuffix(ptr, "/reports") {
			name = e.reportLabel(m)
		}
		it := item(p, name)
		if children != nil {
			it.add(children(p))
		}
		ul.add(it)
	}
	li.add(ul, button(e.w(wAdd)+": "+strings.ToLower(label), "add", ptr, "data-key", "add:"+ptr, "class", "add"))
	return li
}

// reportLabel names a report by its title, else its period.
func (e *Editor) reportLabel(m map[string]any) string {
	if t := textIn(m["title"], e.lang); t != "" {
		return short(t, 60)
	}
	p, _ := m["period"].(map[string]any)
	return e.w(wFollowUp) + " " + str(p["start"]) + "–" + str(p["end"])
}
