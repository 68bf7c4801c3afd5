//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"
)

func TestWebURL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://www.strangnas.se/samverkan", true},
		{"http://example.se/a?b=c#d", true},
		{"HTTPS://EXAMPLE.SE/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox", false},
		{"file:///etc/passwd", false},
		{"//example.se/x", false},
		{"/relative/path", false},
		{"https:example.se", false},
		{"https://", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := webURL(tc.in); got != tc.want {
			t.Errorf("webURL(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name string
		in   node
		want string
	}{
		{"text", text("<script>alert(1)</script>"), `{"text":"\u003cscript\u003ealert(1)\u003c/script\u003e"}`},
		{"unknown tag dropped", h("div", h("script", text("x")), textEl("p", "ok")), `{"tag":"div","kids":[{"tag":"p","text":"ok"}]}`},
		{"img dropped", h("div", node{Tag: "img", Attrs: map[string]string{"src": "x"}}), `{"tag":"div"}`},
		{"event and style attributes dropped", node{Tag: "p", Attrs: map[string]string{"onclick": "x()", "style": "color:red", "class": "a"}}, `{"tag":"p","attrs":{"class":"a"}}`},
		{"javascript link becomes span", node{Tag: "a", Attrs: map[string]string{"href": "javascript:alert(1)"}, Text: "x"}, `{"tag":"span","text":"x"}`},
		{"data link becomes span", link("data:text/html,x", "x"), `{"tag":"span","text":"x"}`},
		{"web link kept", link("https://example.se/", "x"), `{"tag":"a","attrs":{"href":"https://example.se/"},"text":"x"}`},
		{"href only on a", node{Tag: "span", Attrs: map[string]string{"href": "https://example.se/"}}, `{"tag":"span"}`},
		{"data and aria attributes", node{Tag: "li", Attrs: map[string]string{"data-id": "1", "aria-label": "x", "data-X": "no", "data-": "no", "aria-1": "no"}}, `{"tag":"li","attrs":{"aria-label":"x","data-id":"1"}}`},
		{"tabindex", node{Tag: "div", Attrs: map[string]string{"tabindex": "5"}}, `{"tag":"div"}`},
		{"open on details only", h("div", node{Tag: "details", Attrs: map[string]string{"open": ""}}, node{Tag: "p", Attrs: map[string]string{"open": ""}}), `{"tag":"div","kids":[{"tag":"details","attrs":{"open":""}},{"tag":"p"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := marshal(tc.in); got != tc.want {
				t.Errorf("marshal(%+v) =\n%s, want\n%s", tc.in, got, tc.want)
			}
		})
	}
}

// TestBuildKeepsMarkupAsText renders hostile texts through Go and dom.js:
// markup stays text, nothing executes, no element is created from data.
func TestBuildKeepsMarkupAsText(t *testing.T) {
	hostile := `<img src=x onerror="window.__mloPwned=1"><script>window.__mloPwned=1</script>`
	tree := h("div",
		textEl("h2", hostile),
		h("p", text(hostile), link("javascript:window.__mloPwned=1", "click")),
		link("data:text/html,<script>alert(1)</script>", "data"),
		link("https://www.strangnas.se/", "Strängnäs"),
		textEl("button", "Retry").attr("data-action", "retry"),
	)
	div := build(t, marshal(tree))
	for _, sel := range []string{"script", "img", "a[href^='javascript']", "a[href^='data']", "[onerror]"} {
		if n := div.Call("querySelectorAll", sel).Length(); n != 0 {
			t.Errorf("%d elements match %q, want 0", n, sel)
		}
	}
	if got := div.Get("textContent").String(); !contains(got, hostile) {
		t.Errorf("textContent = %q, want the markup as text", got)
	}
	links := div.Call("querySelectorAll", "a")
	if links.Length() != 1 {
		t.Fatalf("%d links, want 1", links.Length())
	}
	if got := links.Index(0).Call("getAttribute", "href").String(); got != "https://www.strangnas.se/" {
		t.Errorf("href = %q", got)
	}
	if got := links.Index(0).Call("getAttribute", "rel").String(); got != "noopener noreferrer" {
		t.Errorf("rel = %q", got)
	}
	if got := div.Call("querySelector", "button").Call("getAttribute", "type").String(); got != "button" {
		t.Errorf("button type = %q, want button", got)
	}
	if v := js.Global().Get("__mloPwned"); !v.IsUndefined() {
		t.Errorf("window.__mloPwned = %v: hostile markup ran", v)
	}
}

// TestBuildChecksAgain feeds dom.js trees that Go's sanitize would never
// produce: the loader drops them on its own.
func TestBuildChecksAgain(t *testing.T) {
	raw := []any{
		map[string]any{"tag": "script", "text": "window.__mloPwned=1"},
		map[string]any{"tag": "img", "attrs": map[string]any{"src": "x", "onerror": "window.__mloPwned=1"}},
		map[string]any{"tag": "a", "attrs": map[string]any{"href": "javascript:window.__mloPwned=1"}, "text": "js"},
		map[string]any{"tag": "a", "attrs": map[string]any{"href": " JAVASCRIPT:window.__mloPwned=1"}, "text": "js2"},
		map[string]any{"tag": "a", "attrs": map[string]any{"href": "/relative"}, "text": "rel"},
		map[string]any{"tag": "div", "attrs": map[string]any{"onclick": "x", "style": "color:red", "srcdoc": "x", "data-ok": "1"}},
		map[string]any{"tag": "iframe", "attrs": map[string]any{"src": "https://example.se/"}},
		map[string]any{"tag": "button", "attrs": map[string]any{"type": "submit", "formaction": "https://example.se/"}, "text": "b"},
	}
	b, err := json.Marshal(map[string]any{"tag": "div", "kids": raw})
	if err != nil {
		t.Fatal(err)
	}
	div := build(t, string(b))
	for _, sel := range []string{"script", "img", "iframe", "a", "[onclick]", "[style]", "[srcdoc]", "[formaction]", "[onerror]"} {
		if n := div.Call("querySelectorAll", sel).Length(); n != 0 {
			t.Errorf("%d elements match %q, want 0", n, sel)
		}
	}
	if n := div.Call("querySelectorAll", "span").Length(); n != 3 {
		t.Errorf("%d spans, want the 3 unsafe links as spans", n)
	}
	if n := div.Call("querySelectorAll", "[data-ok]").Length(); n != 1 {
		t.Errorf("data-ok dropped")
	}
	if got := div.Call("querySelector", "button").Call("getAttribute", "type").String(); got != "button" {
		t.Errorf("button type = %q, want button", got)
	}
}

// TestBuildKeepsWhatGoAllows checks that dom.js's allowlist holds Go's:
// every tag and attribute Go lets through reaches the DOM.
func TestBuildKeepsWhatGoAllows(t *testing.T) {
	var kids []node
	for tag := range allowedTags {
		n := node{Tag: tag, Attrs: map[string]string{"data-tag": tag}}
		for a := range allowedAttrs {
			n.Attrs[a] = "0"
		}
		for a := range tagAttrs[tag] {
			n.Attrs[a] = "1"
		}
		if tag == "a" {
			n.Attrs["href"] = "https://example.se/"
		}
		kids = append(kids, n)
	}
	div := build(t, marshal(node{Tag: "div", Kids: kids}))
	for tag := range allowedTags {
		el := div.Call("querySelector", "[data-tag='"+tag+"']")
		if el.IsNull() {
			t.Errorf("%s dropped by dom.js", tag)
			continue
		}
		if got := el.Get("localName").String(); got != tag {
			t.Errorf("%s built as %s", tag, got)
		}
		for a := range allowedAttrs {
			if !el.Call("hasAttribute", a).Bool() {
				t.Errorf("%s: attribute %s dropped by dom.js", tag, a)
			}
		}
		for a := range tagAttrs[tag] {
			if !el.Call("hasAttribute", a).Bool() {
				t.Errorf("%s: attribute %s dropped by dom.js", tag, a)
			}
		}
	}
}

// TestBuildDefersClosedDetails: with a map of deferred content, a closed
// details element with a data-key gets only its summary, and the rest is
// built into it once, when medborgarlofteBuildDeferred runs (the loader
// runs it when the details opens); an open one and one without a key are
// built whole.
func TestBuildDefersClosedDetails(t *testing.T) {
	doc := js.Global().Get("document")
	tree := js.Global().Get("JSON").Call("parse", `{"tag":"div","kids":[
		{"tag":"details","attrs":{"data-key":"f-1"},"kids":[{"tag":"summary","text":"Uppföljning"},{"tag":"p","text":"behind"},{"tag":"svg","attrs":{"viewBox":"0 0 10 10"},"kids":[{"tag":"rect","attrs":{"x":"1"}}]}]},
		{"tag":"details","attrs":{"data-key":"f-2","open":""},"kids":[{"tag":"summary","text":"Öppen"},{"tag":"p","text":"shown"}]},
		{"tag":"details","kids":[{"tag":"summary","text":"Utan nyckel"},{"tag":"p","text":"whole"}]}]}`)
	deferred := js.Global().Get("Map").New()
	div := doc.Call("createElement", "div")
	div.Call("appendChild", jsFunc(t, "medborgarlofteBuild").Invoke(doc, tree, deferred))
	if got := div.Get("textContent").String(); got != "UppföljningÖppenshownUtan nyckelwhole" {
		t.Fatalf("built %q, want the first details' summary only", got)
	}
	if n := deferred.Get("size").Int(); n != 1 {
		t.Fatalf("%d deferred, want 1 (f-1)", n)
	}
	d := div.Call("querySelector", `details[data-key="f-1"]`)
	for range 2 {
		jsFunc(t, "medborgarlofteBuildDeferred").Invoke(doc, d, deferred)
	}
	if got := d.Get("textContent").String(); got != "Uppföljningbehind" {
		t.Errorf("after opening: %q, want the summary and the paragraph once", got)
	}
	svg := d.Call("querySelector", "svg")
	if svg.IsNull() || svg.Get("namespaceURI").String() != "http://www.w3.org/2000/svg" || svg.Call("querySelector", "rect").IsNull() {
		t.Errorf("the chart was not built in the SVG namespace: %v", d.Get("innerHTML"))
	}
}
