//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"syscall/js"
	"testing"
	"time"
)

// widget is a test double of what the loader gives Go for one element: a
// real element whose state changes go through dom.js's
// medborgarlofteSetState, and a render that builds with dom.js into the
// element. It records every medborgarlofte-statechange event.
type widget struct {
	el   js.Value
	view js.Value

	mu     sync.Mutex
	states []string
	trees  []string
	funcs  []js.Func
}

func newWidget(t *testing.T) *widget {
	t.Helper()
	setState := jsFunc(t, "medborgarlofteSetState")
	doc := js.Global().Get("document")
	w := &widget{el: doc.Call("createElement", "div")}
	doc.Get("body").Call("appendChild", w.el)
	listen := js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.states = append(w.states, args[0].Get("detail").Get("state").String())
		return nil
	})
	render := js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.mu.Lock()
		w.trees = append(w.trees, args[0].String())
		w.mu.Unlock()
		frag := js.Global().Get("medborgarlofteBuild").Invoke(doc, js.Global().Get("JSON").Call("parse", args[0]))
		w.el.Call("replaceChildren", frag)
		return nil
	})
	set := js.FuncOf(func(_ js.Value, args []js.Value) any {
		setState.Invoke(w.el, args[0])
		return nil
	})
	w.funcs = []js.Func{listen, render, set}
	// Listen on the document: the event bubbles.
	doc.Call("addEventListener", "medborgarlofte-statechange", listen)
	w.view = js.ValueOf(map[string]any{"render": render, "setState": set, "fetch": jsFunc(t, "medborgarlofteFetch")})
	t.Cleanup(func() {
		doc.Call("removeEventListener", "medborgarlofte-statechange", listen)
		w.el.Call("remove")
		for _, f := range w.funcs {
			f.Release()
		}
	})
	return w
}

func (w *widget) history() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.states)
}

func (w *widget) state() string { return w.el.Call("getAttribute", "data-state").String() }

// waitState waits until the element's data-state is state.
func (w *widget) waitState(t *testing.T, state string) {
	t.Helper()
	waitFor(t, 10*time.Second, "data-state="+state, func() bool { return w.state() == state })
}

// mountTest starts a widget of app a on cfg, as api.mount does but with
// any src (tests use blob: URLs, which parseConfig refuses).
func mountTest(a *app, w *widget, cfg config) *instance {
	a.mu.Lock()
	a.next++
	in := &instance{id: a.next, app: a, view: w.view}
	a.instances[in.id] = in
	a.mu.Unlock()
	in.start(cfg, nil)
	return in
}

func TestStatesReady(t *testing.T) {
	w := newWidget(t)
	a := newApp()
	in := mountTest(a, w, config{Src: blobURL(t, bundleJSON), Lang: "sv", SameOrigin: true})
	defer a.unmount(in.id)
	w.waitState(t, stateReady)
	if got, want := w.history(), []string{stateLoading, stateReady}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	for _, id := range []string{"0193a1c2-7d4e-7f00-8a3b-000000000011", "0193a1c2-7d4e-7f00-8a3b-000000000012"} {
		if w.el.Call("querySelector", "[data-id='"+id+"']").IsNull() {
			t.Errorf("no element with data-id %s", id)
		}
	}
	if got := w.el.Call("querySelector", ".activity").Get("className").String(); got != "activity" {
		t.Errorf("activity class = %q", got)
	}
}

func TestStatesError(t *testing.T) {
	w := newWidget(t)
	a := newApp()
	bad := bytes.Replace(bundleJSON, []byte(`"leadIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002"]`), []byte(`"leadIds": []`), 1)
	in := mountTest(a, w, config{Src: blobURL(t, bad), Lang: "en", SameOrigin: true})
	defer a.unmount(in.id)
	w.waitState(t, stateError)
	if got, want := w.history(), []string{stateLoading, stateError}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	text := w.el.Get("textContent").String()
	if !strings.Contains(text, "cannot be shown") || !strings.Contains(text, "/document/citizenPromises/0/activities/0/leadIds") {
		t.Errorf("the error view says %q", text)
	}
}

func TestStatesConfigError(t *testing.T) {
	w := newWidget(t)
	a := newApp()
	id := a.mount(w.view, js.ValueOf(map[string]any{"src": "javascript:alert(1)", "lang": "sv"}))
	defer a.unmount(id)
	w.waitState(t, stateError)
	if text := w.el.Get("textContent").String(); !strings.Contains(text, "felaktigt inbäddad") {
		t.Errorf("the error view says %q", text)
	}
}

// TestStatesOffline: the first visit stores the data; on the next, with the
// network failing, the stored data shows at once and then as stale, with
// its date and a retry button.
func TestStatesOffline(t *testing.T) {
	dbName := testDBName(t)
	src := blobURL(t, bundleJSON)
	first := newWidget(t)
	a := newApp()
	a.cache.name = dbName
	in := mountTest(a, first, config{Src: src, Lang: "sv", Offline: true, SameOrigin: true})
	first.waitState(t, stateReady)
	a.unmount(in.id)
	waitFor(t, 5*time.Second, "the cache entry", func() bool { return a.cache.count(t) == 1 })

	js.Global().Get("URL").Call("revokeObjectURL", src) // the network fails from now on

	second := newWidget(t)
	b := newApp() // a new page load
	b.cache.name = dbName
	in2 := mountTest(b, second, config{Src: src, Lang: "en", Offline: true, SameOrigin: true})
	defer b.unmount(in2.id)
	second.waitState(t, stateStale)
	if got, want := second.history(), []string{stateLoading, stateReady, stateStale}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	notice := second.el.Call("querySelector", ".notice.stale")
	if notice.IsNull() || !strings.Contains(notice.Get("textContent").String(), "Showing data saved on") {
		t.Fatalf("no stale notice in %q", second.el.Get("textContent").String())
	}
	button := second.el.Call("querySelector", "button[data-action='retry']")
	if button.IsNull() {
		t.Fatal("no retry button")
	}
	if second.el.Call("querySelector", "[data-id='0193a1c2-7d4e-7f00-8a3b-000000000012']").IsNull() {
		t.Error("the stored data is not shown")
	}

	// Retry: the network still fails; the widget stays stale and says
	// it tried.
	renders := len(second.trees)
	b.action(in2.id, "retry")
	waitFor(t, 5*time.Second, "the retry's render", func() bool {
		second.mu.Lock()
		defer second.mu.Unlock()
		return len(second.trees) >= renders+2
	})
	second.waitState(t, stateStale)
	if !second.el.Call("querySelector", "button[disabled]").IsNull() {
		t.Errorf("the retry button is still disabled after the retry")
	}
}

// TestSharedLoad: widgets of the same src share one load and one bundle.
func TestSharedLoad(t *testing.T) {
	a := newApp()
	src := blobURL(t, bundleJSON)
	var ws []*widget
	for range 3 {
		w := newWidget(t)
		ws = append(ws, w)
		in := mountTest(a, w, config{Src: src, Lang: "sv", SameOrigin: true})
		defer a.unmount(in.id)
	}
	for _, w := range ws {
		w.waitState(t, stateReady)
	}
	var shown []*data
	for _, in := range a.instances {
		shown = append(shown, in.shown)
	}
	for _, d := range shown[1:] {
		if d.Bundle != shown[0].Bundle {
			t.Errorf("widgets of one src decoded the data separately")
		}
	}
}

// TestPromiseAttribute: with a promise id the widget shows that promise
// only; an unknown id is an error.
func TestPromiseAttribute(t *testing.T) {
	b, err := decodeBundle(bundleJSON)
	if err != nil {
		t.Fatal(err)
	}
	var cfg config
	raw := js.ValueOf(map[string]any{"src": "https://example.se/x.json", "promise": "0193a1c2-7d4e-7f00-8a3b-000000000011"})
	if cfg, err = parseConfig(raw, "https://example.se"); err != nil {
		t.Fatal(err)
	}
	if !cfg.SameOrigin {
		t.Errorf("SameOrigin = false for a URL of the page's origin")
	}
	n, err := content(viewInput{Bundle: b, Lang: "sv", Promise: cfg.Promise})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(n)
	if !strings.Contains(string(out), "0193a1c2-7d4e-7f00-8a3b-000000000011") {
		t.Errorf("the promise is not shown: %s", out)
	}
	cfg.Promise[15] ^= 1
	if _, err := content(viewInput{Bundle: b, Lang: "sv", Promise: cfg.Promise}); err == nil {
		t.Errorf("content(unknown promise) = nil, want an error")
	}
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  map[string]any
		ok   bool
	}{
		{"ok", map[string]any{"src": "https://example.se/x.json", "lang": "en-GB", "at": "2020-01-31", "offline": true, "headingLevel": "3"}, true},
		{"no src", map[string]any{"lang": "sv"}, false},
		{"javascript src", map[string]any{"src": "javascript:alert(1)"}, false},
		{"relative src", map[string]any{"src": "/x.json"}, false},
		{"bad at", map[string]any{"src": "https://example.se/x.json", "at": "2020-02-30"}, false},
		{"bad promise", map[string]any{"src": "https://example.se/x.json", "promise": "nope"}, false},
		{"heading level 5", map[string]any{"src": "https://example.se/x.json", "headingLevel": "5"}, false},
		{"heading level h2", map[string]any{"src": "https://example.se/x.json", "headingLevel": "h2"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseConfig(js.ValueOf(tc.cfg), "https://www.example.se")
			if (err == nil) != tc.ok {
				t.Fatalf("parseConfig = %+v, %v; want ok=%v", c, err, tc.ok)
			}
			if tc.ok && (c.Lang != "en" || c.At.String() != "2020-01-31" || !c.Offline || c.SameOrigin || c.Level != 3) {
				t.Errorf("parseConfig = %+v", c)
			}
		})
	}
}
