package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// documentIDs returns the ids of every promise and activity of an example
// document.
func documentIDs(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "examples", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	var d promise.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, cp := range d.CitizenPromises {
		for _, p := range cp.Promises {
			ids = append(ids, p.ID.String())
		}
		for _, a := range cp.Activities {
			ids = append(ids, a.ID.String())
		}
	}
	return ids
}

// TestDemoReady: both widgets of the demo page reach ready under the
// strict CSP, render every promise and activity with its data-id, leave no
// global behind, violate no CSP rule and request nothing from another host.
func TestDemoReady(t *testing.T) {
	b := newTab(t, "")
	b.open("/")
	b.waitStates(2, "ready")
	for i, name := range []string{"strangnas-2019.json", "strangnas-2022-2023.json"} {
		got := inWidget[[]string](b, i, `return [...w.querySelectorAll("[data-id]")].map((e) => e.dataset.id)`)
		for _, id := range documentIDs(t, name) {
			if !slices.Contains(got, id) {
				t.Errorf("widget %d (%s): no element with data-id %s", i, name, id)
			}
		}
		if log := b.stateLog(i); !slices.Equal(log, []string{"loading", "ready"}) {
			t.Errorf("widget %d: state events %v, want [loading ready]", i, log)
		}
		// The fallback link is hidden once the widget shows data.
		if visible := inWidget[bool](b, i, `return w.host.querySelector("a").checkVisibility()`); visible {
			t.Errorf("widget %d: the fallback link is still visible", i)
		}
	}
	if n := inWidget[int](b, 0, `return w.querySelectorAll("li.activity[data-id]").length`); n < 7 {
		t.Errorf("2019: %d activities rendered, want at least 7", n)
	}
	globals := eval[[]string](b, `["Go", "fs", "process", "path"].filter((n) => n in window).concat(Object.getOwnPropertyNames(window).filter((n) => n.startsWith("__medborgarlofte")))`)
	if len(globals) > 0 {
		t.Errorf("globals left behind: %v", globals)
	}
	if v := eval[[]string](b, `__e2e.violations`); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}
	// Nothing logged: no error, no CSP report, no fallback from
	// instantiateStreaming for a wrong Content-Type.
	for _, l := range b.consoleLines() {
		t.Errorf("console: %s", l)
	}
	// widget.wasm came pre-compressed, as application/wasm.
	enc := eval[[]string](b, `performance.getEntriesByType("resource").filter((e) => /\/widget\.[0-9a-f]{16}\.wasm$/.test(e.name)).map((e) => e.encodedBodySize + " " + e.decodedBodySize)`)
	if len(enc) != 1 {
		t.Fatalf("widget.wasm loaded %d times, want once: %v", len(enc), enc)
	}
	var encoded, decoded int
	fmt.Sscan(enc[0], &encoded, &decoded)
	if encoded*2 > decoded {
		t.Errorf("widget.wasm came %d bytes for %d: not compressed", encoded, decoded)
	}
	b.checkOneHost()
}

// TestTenInstances: ten widgets share one runtime and one fetch per src.
func TestTenInstances(t *testing.T) {
	b := newTab(t, "")
	b.open("/?instances=10")
	b.waitStates(10, "ready")
	n := 0
	for _, u := range b.requestURLs() {
		if isWidgetWASM(u) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("widget.wasm requested %d times, want once", n)
	}
	b.checkOneHost()
}

// TestLoadedTwice: a second widget.js neither registers the element again
// nor starts a second runtime, and a div added later is upgraded.
func TestLoadedTwice(t *testing.T) {
	b := newTab(t, "")
	b.open("/")
	b.waitStates(2, "ready")
	eval[bool](b, `new Promise((resolve) => {
		const s = document.createElement("script");
		s.src = "/widget/widget.js";
		s.onload = () => resolve(true);
		document.head.append(s);
	})`)
	eval[bool](b, `(() => {
		const d = document.createElement("div");
		d.setAttribute("data-medborgarlofte-status", "");
		d.setAttribute("data-src", "/data/strangnas-2019.json");
		d.setAttribute("data-promise", "01a2013e-d988-7e97-a5b1-6e0878effa05");
		document.querySelector("main").append(d);
		return true;
	})()`)
	if got := b.waitStates(3, "ready"); len(got) != 3 {
		t.Fatal(got)
	}
	// The promise attribute: only that promise.
	if n := inWidget[int](b, 2, `return w.querySelectorAll("li.promise").length`); n != 1 {
		t.Errorf("the widget with a promise attribute shows %d promises, want 1", n)
	}
	wasm := 0
	for _, u := range b.requestURLs() {
		if isWidgetWASM(u) {
			wasm++
		}
	}
	if wasm != 1 {
		t.Errorf("widget.wasm requested %d times, want once", wasm)
	}
	for _, l := range b.consoleLines() {
		if strings.Contains(l, "already defined") || strings.HasPrefix(l, "error") || strings.HasPrefix(l, "exception") {
			t.Errorf("console: %s", l)
		}
	}
}

// TestHostileData: markup in the data stays text and runs nothing;
// javascript: and data: links make the data invalid, and the widget lists
// the problems instead of rendering links.
func TestHostileData(t *testing.T) {
	b := newTab(t, "")
	b.open("/?data=hostile&csp=off") // no CSP: markup that ran would show
	got := b.waitStates(2, "ready", "error")
	if !slices.Equal(got, []string{"ready", "error"}) {
		t.Fatalf("states %v, want [ready error]", got)
	}
	if pwned := eval[bool](b, `"__mloPwned" in window`); pwned {
		t.Errorf("hostile markup ran")
	}
	text := inWidget[string](b, 0, `return w.textContent`)
	for _, s := range []string{"<script>window.__mloPwned=1</script>", `<img src="x" onerror=`, "<style>"} {
		if !strings.Contains(text, s) {
			t.Errorf("the markup %q is not shown as text", s)
		}
	}
	for i := range 2 {
		n := inWidget[int](b, i, `return w.querySelectorAll("script, img, style, iframe, [onerror], a[href^='javascript'], a[href^='data']").length`)
		if n != 0 {
			t.Errorf("widget %d: %d elements made from data", i, n)
		}
	}
	errText := inWidget[string](b, 1, `return w.textContent`)
	if !strings.Contains(errText, "kan inte visas") || !strings.Contains(errText, "javascript:window.__mloPwned=1") {
		t.Errorf("the error view says %q", errText)
	}
	// The fallback link shows again on error.
	if !inWidget[bool](b, 1, `return w.host.querySelector("a").checkVisibility()`) {
		t.Errorf("the fallback link is hidden on error")
	}
	found := false
	for _, l := range b.consoleLines() {
		found = found || strings.HasPrefix(l, "error: medborgarlofte-status:") && strings.Contains(l, "/document/sources/0/url")
	}
	if !found {
		t.Errorf("the console lacks the problems: %q", b.consoleLines())
	}
	b.checkOneHost()
}

// TestOffline: with the offline attribute the first visit stores the data;
// the second is a conditional request answered 304; on the third the data
// URL fails, and the stored data shows as stale with its date and a retry
// button, which works once the network is back.
func TestOffline(t *testing.T) {
	profile := t.TempDir()
	b := newTab(t, profile)
	b.open("/?offline=1")
	b.waitStates(2, "ready")

	b.open("/?offline=1")
	b.waitStates(2, "ready")
	// The stored data shows at once (ready); the refresh that follows is
	// conditional.
	data := baseURL + "/data/strangnas-2019.json"
	b.waitFor("the refresh's 304", func() bool { return slices.Contains(b.statuses(data), 304) })

	stop := b.failData()
	b.open("/?offline=1")
	b.waitStates(2, "stale")
	for i := range 2 {
		if log := b.stateLog(i); !slices.Equal(log, []string{"loading", "ready", "stale"}) {
			t.Errorf("widget %d: state events %v, want [loading ready stale]", i, log)
		}
		notice := inWidget[string](b, i, `return w.querySelector(".notice.stale").textContent`)
		if !strings.Contains(notice, "sparade uppgifter från") {
			t.Errorf("widget %d: notice %q", i, notice)
		}
		if inWidget[int](b, i, `return w.querySelectorAll("button[data-action=retry]").length`) != 1 {
			t.Errorf("widget %d: no retry button", i)
		}
		if inWidget[int](b, i, `return w.querySelectorAll("[data-id]").length`) < 3 {
			t.Errorf("widget %d: the stored data is not shown", i)
		}
	}
	stop()
	inWidget[bool](b, 0, `w.querySelector("button[data-action=retry]").click(); return true`)
	b.waitFor("the first widget ready after its retry", func() bool {
		s := b.states()
		return s[0] == "ready" && s[1] == "stale"
	})
	b.checkOneHost()
}

// TestNoWASM: without 'wasm-unsafe-eval' the widget cannot start: the
// fallback link stays visible, data-state is error, and the console says
// what to add to the CSP.
func TestNoWASM(t *testing.T) {
	b := newTab(t, "")
	b.open("/?csp=nowasm")
	b.waitStates(2, "error")
	for i := range 2 {
		if !inWidget[bool](b, i, `return w.host.querySelector("a").checkVisibility()`) {
			t.Errorf("widget %d: the fallback link is not visible", i)
		}
	}
	said := 0
	for _, l := range b.consoleLines() {
		if strings.HasPrefix(l, "error: medborgarlofte-status:") && strings.Contains(l, "Add 'wasm-unsafe-eval' to script-src") {
			said++
		}
	}
	if said != 1 {
		t.Errorf("the console says why %d times, want once: %q", said, b.consoleLines())
	}
}

// TestGoConsoleOutput: after the loader removed wasm_exec.js's globals,
// Go's println still reaches the console (the debug attribute logs each
// step with it).
func TestGoConsoleOutput(t *testing.T) {
	b := newTab(t, "")
	b.open("/?debug=1")
	b.waitStates(2, "ready")
	found := false
	for _, l := range b.consoleLines() {
		found = found || strings.Contains(l, "medborgarlofte-status #") && strings.Contains(l, "ready after")
	}
	if !found {
		t.Errorf("no debug output from Go: %q", b.consoleLines())
	}
	if n := eval[int](b, `["Go", "fs", "process", "path"].filter((n) => n in window).length`); n != 0 {
		t.Errorf("%d globals of wasm_exec.js left", n)
	}
}

// TestAccessibility runs axe-core on each widget for WCAG 2.0 and 2.1, A
// and AA: no violation.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	for _, path := range []string{"/", "/?lang=en", "/?data=hostile"} {
		t.Run(path, func(t *testing.T) {
			b := newTab(t, "")
			b.open(path)
			b.waitStates(2, "ready", "error")
			eval[bool](b, src+";true")
			for i := range 2 {
				vs := eval[[]axeViolation](b, fmt.Sprintf(`axe.run(%s[%d], {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
					.then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target))})))`, widgets, i))
				for _, v := range vs {
					t.Errorf("widget %d: %s", i, v)
				}
			}
		})
	}
}

// wasmURL matches the URL of the widget's content-addressed wasm.
var wasmURL = regexp.MustCompile(`/widget/widget\.[0-9a-f]{16}\.wasm$`)

func isWidgetWASM(u string) bool { return wasmURL.MatchString(u) }
