//go:build js && wasm

package main

import (
	_ "embed"
	"strings"
	"syscall/js"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// A copy of examples/data/bundles/strangnas-2019.json: the browser has no
// file system.
//
//go:embed testdata/strangnas-2019.json
var strangnas2019 []byte

// renderView decodes the Strängnäs 2019 bundle, lets change alter it,
// renders it with content and builds it with dom.js.
func renderView(t *testing.T, in viewInput, change func(b *followup.Bundle)) (js.Value, *followup.Bundle) {
	t.Helper()
	b, err := decodeBundle(strangnas2019)
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(b)
	}
	in.Bundle = b
	if in.At.IsZero() {
		in.At = promise.MustParseDate("2020-01-31")
	}
	n, err := content(in)
	if err != nil {
		t.Fatal(err)
	}
	return build(t, marshal(n)), b
}

func all(root js.Value, sel string) []js.Value {
	list := root.Call("querySelectorAll", sel)
	out := make([]js.Value, list.Length())
	for i := range out {
		out[i] = list.Index(i)
	}
	return out
}

// TestViewStatuses: every promise and activity is shown with the status
// followup.Evaluate gives at the same date, as data-status and as text.
func TestViewStatuses(t *testing.T) {
	for _, at := range []string{"2019-06-30", "2020-01-31"} {
		t.Run(at, func(t *testing.T) {
			d := promise.MustParseDate(at)
			div, b := renderView(t, viewInput{Lang: "sv", At: d}, nil)
			ev := followup.Evaluate(b, d)
			want := map[string]followup.Status{}
			for _, cs := range ev.CitizenPromises {
				want[cs.ID.String()] = cs.Status
				for _, p := range cs.Promises {
					want[p.ID.String()] = p.Status
				}
				for _, a := range cs.Activities {
					want[a.ID.String()] = a.Status
				}
			}
			seen := map[string]bool{}
			for _, el := range all(div, "[data-id]") {
				id := el.Get("dataset").Get("id").String()
				s, ok := want[id]
				if !ok {
					t.Errorf("data-id %s is not in the evaluation", id)
					continue
				}
				seen[id] = true
				if got := el.Get("dataset").Get("status").String(); got != s.String() {
					t.Errorf("%s: data-status %q, want %q", id, got, s)
				}
				if el.Get("className").String() == "activity" {
					chip := el.Call("querySelector", ".status")
					if got := chip.Get("textContent").String(); !strings.Contains(got, s.Label("sv")) {
						t.Errorf("%s: status chip %q, want the label %q", id, got, s.Label("sv"))
					}
					if chip.Call("querySelector", ".icon[aria-hidden=true]").IsNull() {
						t.Errorf("%s: status chip without its icon", id)
					}
				}
			}
			for id := range want {
				if !seen[id] {
					t.Errorf("%s is not shown", id)
				}
			}
			if n := len(all(div, "li.activity")); n < 7 {
				t.Errorf("%d activities shown, want 7", n)
			}
		})
	}
}

// TestViewContent: the header, the summary, the progress semantics and
// the follow-up details of Strängnäs 2019 as of 31 January 2020.
func TestViewContent(t *testing.T) {
	div, _ := renderView(t, viewInput{Lang: "sv"}, nil)
	txt := div.Get("textContent").String()
	for _, want := range []string{
		"Medborgarlöfte 2019",
		"1 januari–31 december 2019",
		"Undertecknat 8 februari 2019",
		"Status per 31 januari 2020",
		"Senaste uppföljning 28 januari 2020",
		"20 av minst 8 områden",
		"Trygghet och minskad brottslighet",
		"Trygg trafikmiljö",
		"Uppföljning och källor",
		"Aktiviteter utan kopplat löfte",
		"Lovas av",
		"7 aktiviteter",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the view does not say %q", want)
		}
	}
	if n := len(all(div, "h2")); n != 1 {
		t.Errorf("%d h2, want 1", n)
	}
	if len(all(div, "h3")) == 0 || len(all(div, "h4")) == 0 {
		t.Errorf("no h3 or h4 below the h2")
	}
	// The summary counts activities per status.
	counts := div.Call("querySelector", ".summary .counts").Get("textContent").String()
	if !strings.Contains(counts, "Uppfyllt 4") || !strings.Contains(counts, "Kan inte bedömas 2") {
		t.Errorf("summary counts %q", counts)
	}
	// Progress: a progress element with value, max, a name and the
	// numbers as its value text.
	found := false
	for _, p := range all(div, "li.activity progress") {
		if p.Call("getAttribute", "aria-valuetext").String() != "20 av minst 8 områden" {
			continue
		}
		found = true
		if v, m := p.Get("value").Float(), p.Get("max").Float(); v != 100 || m != 100 {
			t.Errorf("progress value %v max %v, want 100 of 100", v, m)
		}
		if p.Call("getAttribute", "aria-label").String() == "" {
			t.Errorf("progress without a name")
		}
	}
	if !found {
		t.Errorf(`no progress with aria-valuetext "20 av minst 8 områden"`)
	}
	// On 31 January 2020 one activity still awaits its report: the
	// summary shows no bar of the others' progress, which would look
	// better than the whole. From 1 February it has a verdict and a bar.
	if !div.Call("querySelector", ".summary progress").IsNull() {
		t.Errorf("the summary shows a progress bar while an activity awaits its report")
	}
	after, _ := renderView(t, viewInput{Lang: "sv", At: promise.MustParseDate("2020-02-01")}, nil)
	overall := after.Call("querySelector", ".summary progress")
	if overall.IsNull() || overall.Call("getAttribute", "aria-label").String() == "" {
		t.Errorf("the summary of a verdict has no named progress")
	}
	// The details: a native disclosure with a key, the latest follow-up.
	ds := all(div, "details[data-key]")
	if len(ds) == 0 {
		t.Fatal("no details")
	}
	if ds[0].Call("querySelector", "summary").IsNull() {
		t.Errorf("details without summary")
	}
	if !strings.Contains(txt, "Uppföljning 28 januari 2020") {
		t.Errorf("no latest follow-up with its date")
	}
	// Two reports of 2019 are examples.
	if ill := div.Call("querySelector", ".illustrative"); ill.IsNull() || !strings.Contains(ill.Get("textContent").String(), "15 maj 2019") {
		t.Errorf("the illustrative reports are not marked")
	}
	for _, p := range []string{"summary", "status", "activity", "promise", "progress", "details", "header"} {
		if div.Call("querySelector", "[part~="+p+"]").IsNull() {
			t.Errorf("no part %s", p)
		}
	}
	for _, a := range all(div, "a[href]") {
		if h := a.Call("getAttribute", "href").String(); !strings.HasPrefix(h, "https://") && !strings.HasPrefix(h, "http://") {
			t.Errorf("link to %q", h)
		}
	}
}

// TestViewEnglish: the widget's words in English, and a text the data has
// only in Swedish marked lang="sv".
func TestViewEnglish(t *testing.T) {
	var only promise.ID
	div, _ := renderView(t, viewInput{Lang: "en"}, func(b *followup.Bundle) {
		a := &b.Document.CitizenPromises[0].Activities[0]
		only = a.ID
		a.Text = promise.Text{"sv": "Bara på svenska"}
	})
	txt := div.Get("textContent").String()
	for _, want := range []string{"Status as of 31 January 2020", "Latest follow-up 28 January 2020", "Signed 8 February 2019", "Follow-up and sources", "Achieved", "20 of at least 8 areas", "Safety and less crime"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the English view does not say %q", want)
		}
	}
	el := div.Call("querySelector", "[data-id='"+only.String()+"'] .activity-text")
	if el.IsNull() || el.Call("getAttribute", "lang").String() != "sv" || el.Get("textContent").String() != "Bara på svenska" {
		t.Errorf("the Swedish fallback is not marked lang=sv")
	}
	if n := len(all(div, ".activity-text[lang]")); n != 1 {
		t.Errorf("%d activity texts with lang, want only the one without English", n)
	}
}

// TestViewHostile: markup in the data stays text.
func TestViewHostile(t *testing.T) {
	const evil = `<img src=x onerror="alert(1)"><script>alert(2)</script>`
	div, _ := renderView(t, viewInput{Lang: "sv"}, func(b *followup.Bundle) {
		cp := &b.Document.CitizenPromises[0]
		cp.Title = promise.Text{"sv": evil}
		cp.Promises[0].Text = promise.Text{"sv": evil}
		cp.Activities[0].Text = promise.Text{"sv": evil}
		b.Document.Sources[0].URL = "javascript:alert(3)"
	})
	if n := len(all(div, "img, script, [onerror]")); n != 0 {
		t.Errorf("%d elements from the data's markup", n)
	}
	if got := div.Call("querySelector", "h2").Get("textContent").String(); got != evil {
		t.Errorf("h2 = %q, want the text as is", got)
	}
	for _, a := range all(div, "a") {
		if h := a.Call("getAttribute", "href").String(); strings.HasPrefix(h, "javascript:") {
			t.Errorf("link to %q", h)
		}
	}
}

// TestViewOnePromise: with the promise attribute only that promise and
// its activities are shown.
func TestViewOnePromise(t *testing.T) {
	b, err := decodeBundle(strangnas2019)
	if err != nil {
		t.Fatal(err)
	}
	p := b.Document.CitizenPromises[0].Promises[1]
	div, _ := renderView(t, viewInput{Lang: "sv", Promise: p.ID}, nil)
	ps := all(div, "li.promise")
	if len(ps) != 1 || ps[0].Get("dataset").Get("id").String() != p.ID.String() {
		t.Fatalf("%d promises shown, want only %s", len(ps), p.ID)
	}
	if n := len(all(div, "li.activity")); n != 3 {
		t.Errorf("%d activities shown, want the promise's 3", n)
	}
}

// TestViewHeadingLevel: the heading-level attribute sets the level of
// the title; themes and promises follow one and two levels below.
func TestViewHeadingLevel(t *testing.T) {
	for _, level := range []int{0, 1, 2, 3, 4} {
		div, _ := renderView(t, viewInput{Lang: "sv", Level: level}, nil)
		top := level
		if top == 0 {
			top = 2
		}
		h := func(d int) string { return "h" + string(rune('0'+top+d)) }
		if n := len(all(div, h(0)+".title")); n != 1 {
			t.Errorf("level %d: %d %s titles, want 1", level, n, h(0))
		}
		if n := len(all(div, h(1)+".group")); n != 2 {
			t.Errorf("level %d: %d %s theme headings, want 2", level, n, h(1))
		}
		if n := len(all(div, h(2)+".promise-text")); n != 2 {
			t.Errorf("level %d: %d %s promise headings, want 2", level, n, h(2))
		}
	}
}

// TestViewForCitizens: the document's notes for editors are not shown;
// a promise's status is a banner and an activity's a chip; the summary
// says what it counts; each activity's history is a chart with a title
// and a description.
func TestViewForCitizens(t *testing.T) {
	b, err := decodeBundle(strangnas2019)
	if err != nil {
		t.Fatal(err)
	}
	div, _ := renderView(t, viewInput{Lang: "sv"}, nil)
	txt := div.Get("textContent").String()
	cp := &b.Document.CitizenPromises[0]
	notes := 0
	for _, n := range cp.Notes {
		notes++
		if strings.Contains(txt, n.Text["sv"]) {
			t.Errorf("an editor's note of the citizen promise is shown: %.60q", n.Text["sv"])
		}
	}
	for _, a := range cp.Activities {
		for _, n := range a.Notes {
			notes++
			if strings.Contains(txt, n.Text["sv"]) {
				t.Errorf("an editor's note of an activity is shown: %.60q", n.Text["sv"])
			}
		}
	}
	if notes == 0 {
		t.Fatal("the test data has no notes: the test proves nothing")
	}
	if strings.Contains(txt, "(coverage)") || strings.Contains(txt, "comparison exactly") {
		t.Errorf("the view shows an editor's words")
	}
	if n := len(all(div, "li.promise > .promise-head .status.banner")); n != 2 {
		t.Errorf("%d promise banners, want 2", n)
	}
	if n := len(all(div, "li.activity > .activity-status .status.chip")); n != 7 {
		t.Errorf("%d activity chips, want 7", n)
	}
	if n := len(all(div, "li.activity .banner")); n != 0 {
		t.Errorf("%d banners in activities, want none", n)
	}
	counts := div.Call("querySelector", ".summary .counts")
	if l := counts.Call("getAttribute", "aria-label").String(); !strings.HasPrefix(l, "7 aktiviteter: ") {
		t.Errorf("the counts are labelled %q", l)
	}
	if c := counts.Get("textContent").String(); !strings.Contains(c, "4 aktiviteter") {
		t.Errorf("the counts %q do not say what they count", c)
	}
	charts := all(div, "details svg[role=img]")
	if len(charts) != 7 {
		t.Fatalf("%d charts, want one per activity", len(charts))
	}
	svg := charts[0]
	if svg.Get("namespaceURI").String() != "http://www.w3.org/2000/svg" {
		t.Errorf("the chart is not in the SVG namespace")
	}
	if svg.Call("querySelector", "title").IsNull() || svg.Call("querySelector", "desc").IsNull() {
		t.Errorf("the chart has no title or desc")
	}
	if n := len(all(svg, "rect.bar")); n != 3 {
		t.Errorf("%d bars, want one per tertial", n)
	}
}

// TestViewEnglishNumbers: English figures are grouped and pointed as
// English writes them, percentages without a space.
func TestViewEnglishNumbers(t *testing.T) {
	final := promise.MustParseDate("2020-02-01") // a verdict: the summary has its bar
	div, _ := renderView(t, viewInput{Lang: "en", At: final}, nil)
	label := div.Call("querySelector", ".overall .label").Get("textContent").String()
	if strings.Contains(label, " %") || !strings.Contains(label, "%") {
		t.Errorf("English progress %q", label)
	}
	sv, _ := renderView(t, viewInput{Lang: "sv", At: final}, nil)
	if l := sv.Call("querySelector", ".overall .label").Get("textContent").String(); !strings.Contains(l, "\u00a0%") {
		t.Errorf("Swedish progress %q", l)
	}
}
