//go:build js && wasm

package main

import (
	_ "embed"
	"strings"
	"syscall/js"
	"testing"
	"time"
)

// These tests run in Chromium: go -C examples/tools run ./cmd/wasmtest
// (make wasmtest), which loads dom.js into the page first.

//go:embed testdata/bundle.json
var bundleJSON []byte

// blobURL returns a same-origin URL whose body is data; the test revokes
// it at the end.
func blobURL(t *testing.T, data []byte) string {
	t.Helper()
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	opts := js.Global().Get("Object").New()
	opts.Set("type", "application/json")
	blob := js.Global().Get("Blob").New(js.Global().Get("Array").Call("of", arr), opts)
	u := js.Global().Get("URL").Call("createObjectURL", blob).String()
	t.Cleanup(func() { js.Global().Get("URL").Call("revokeObjectURL", u) })
	return u
}

// jsFunc returns a global function of dom.js, failing the test when the
// page did not load it.
func jsFunc(t *testing.T, name string) js.Value {
	t.Helper()
	f := js.Global().Get(name)
	if f.Type() != js.TypeFunction {
		t.Fatalf("%s is not defined: run the tests with cmd/wasmtest, which loads wasm/dom.js", name)
	}
	return f
}

// build runs dom.js's builder on the JSON of a tree and returns a detached
// div holding the result.
func build(t *testing.T, treeJSON string) js.Value {
	t.Helper()
	doc := js.Global().Get("document")
	tree := js.Global().Get("JSON").Call("parse", treeJSON)
	frag := jsFunc(t, "medborgarlofteBuild").Invoke(doc, tree)
	div := doc.Call("createElement", "div")
	div.Call("appendChild", frag)
	return div
}

// waitFor polls cond every 10 ms until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
