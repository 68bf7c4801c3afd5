//go:build js && wasm

// Command gofloor is cmd/loadtime -gofloor's Go floor: a Go program, built
// and loaded exactly as the widget is (the same widget.js, the same
// toolchain and flags), that does what the plain-JS floor does
// (internal/site/floor.js) and no more: it takes the data the loader
// fetched, draws one element per object of it, holding the object's own
// strings, numbers and booleans as text, and says ready. No validation, no
// evaluation, no offline cache. What it costs above the JS floor is what
// the Go runtime in WebAssembly costs: the download, compilation and
// start of a Go program, and its calls into JavaScript (syscall/js) and
// the tree's JSON, which the loader builds the DOM from (for a bundle of
// tens of kilobytes, a small part). It lives in the test tooling only and
// is never shipped.
package main

import (
	"os"
	"strings"
	"syscall/js"
)

// apiVersion is the loader's (wasm/main.go).
const apiVersion = 2

func main() {
	if len(os.Args) < 2 {
		return
	}
	js.Global().Get("performance").Call("mark", "medborgarlofte:main")
	api := js.Global().Get("Object").New()
	api.Set("version", apiVersion)
	next := 0
	api.Set("mount", js.FuncOf(func(_ js.Value, args []js.Value) any {
		next++
		view, cfg := args[0], args[1]
		go show(view, cfg.Get("src").String())
		return next
	}))
	nop := js.FuncOf(func(js.Value, []js.Value) any { return nil })
	api.Set("update", nop)
	api.Set("action", nop)
	api.Set("unmount", nop)
	js.Global().Set(os.Args[1], api)
	select {}
}

// show fetches src with the loader's fetch (which hands over the request
// it started while the wasm loaded), parses it with the browser's JSON,
// and renders one div per object.
func show(view js.Value, src string) {
	defer func() {
		// A body that is not JSON: JSON.parse threw (floor.js says error).
		if recover() != nil {
			view.Call("setState", "error")
		}
	}()
	done := make(chan js.Value, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- args[0]
		return nil
	})
	defer then.Release()
	view.Call("fetch", src, js.Undefined()).Call("then", then)
	res := <-done
	body := res.Get("body")
	if body.IsNull() || body.IsUndefined() {
		view.Call("setState", "error")
		return
	}
	text := js.Global().Get("TextDecoder").New().Call("decode", body)
	v := js.Global().Get("JSON").Call("parse", text)
	var b strings.Builder
	b.WriteString(`{"tag":"div","kids":[`)
	first := true
	draw(&b, v, &first)
	b.WriteString(`]}`)
	view.Call("render", b.String())
	view.Call("setState", "ready")
}

var (
	isArray   = js.Global().Get("Array").Get("isArray")
	keys      = js.Global().Get("Object").Get("keys")
	stringify = js.Global().Get("JSON").Get("stringify")
	toString  = js.Global().Get("String")
)

// draw writes the tree of v's objects as the loader's tree JSON (wasm/doc.go,
// "The tree"), as floor.js builds its DOM.
func draw(b *strings.Builder, v js.Value, first *bool) {
	if v.Type() != js.TypeObject {
		return
	}
	if isArray.Invoke(v).Bool() {
		for i, n := 0, v.Length(); i < n; i++ {
			draw(b, v.Index(i), first)
		}
		return
	}
	if !*first {
		b.WriteByte(',')
	}
	*first = false
	var words []string
	var kids strings.Builder
	kidsFirst := true
	ks := keys.Invoke(v)
	for i, n := 0, ks.Length(); i < n; i++ {
		x := v.Get(ks.Index(i).String())
		if x.Type() == js.TypeObject {
			draw(&kids, x, &kidsFirst)
		} else {
			words = append(words, toString.Invoke(x).String()) // as floor.js's String(x)
		}
	}
	b.WriteString(`{"tag":"div","text":`)
	b.WriteString(stringify.Invoke(strings.Join(words, " ")).String())
	b.WriteString(`,"kids":[`)
	b.WriteString(kids.String())
	b.WriteString(`]}`)
}
