//go:build js && wasm

// Command editor is <medborgarlofte-editor>: an editor of promise documents
// and follow-up reports, in Go compiled to WebAssembly, with its loader
// script editor.js. It is a program of its own, apart from the status
// widget, so that the widget stays small: the editor links the JSON Schema
// validator (package schema) and the spreadsheet round trip (package
// followup/sheet).
//
// Build editor.js and editor.wasm (and their .gz and .br files) with
//
//	go -C examples/tools run ./cmd/buildeditor -out DIR
//
// and put on a page
//
//	<medborgarlofte-editor lang="sv">
//	  <p>Redigeraren behöver JavaScript och WebAssembly.</p>
//	</medborgarlofte-editor>
//	<script async src="/files/editor.js"></script>
//
// The page needs 'wasm-unsafe-eval' in its script-src, as the widget does.
// Nothing is sent anywhere: files are read in the browser, the draft is
// kept in the browser's IndexedDB, and files are saved by download.
//
// # The bridge
//
// The loader (loader.js) starts the Go runtime as the widget's loader does,
// with a random global name as go.argv[1]; main assigns its API to it:
// mount() returns the id of a new editor, and dispatch(id, event) hands an
// event (JSON) to that editor and returns its response (JSON): the tree of
// the view, which dom.js patches into the editor's shadow root, and the
// effects (downloads, the draft to save, a URL to fetch, an element to
// focus). All the editor's state and logic is in package app, which is
// tested on the host; this file is the only one that touches syscall/js.
package main

import (
	"encoding/json"
	"os"
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/wasm/editor/app"
)

// apiVersion is checked by the loader: a loader and a wasm of different
// builds refuse to work together.
const apiVersion = 1

func main() {
	if len(os.Args) < 2 {
		println("medborgarlofte-editor: start the editor with its loader, editor.js")
		return
	}
	editors := map[int]*app.Editor{}
	next := 0
	mount := js.FuncOf(func(this js.Value, args []js.Value) any {
		next++
		editors[next] = app.New()
		return next
	})
	unmount := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) > 0 {
			delete(editors, args[0].Int())
		}
		return nil
	})
	dispatch := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeString {
			println("medborgarlofte-editor: dispatch(id, event) needs a number and a string")
			return nil
		}
		e := editors[args[0].Int()]
		if e == nil {
			println("medborgarlofte-editor: no editor", args[0].Int())
			return nil
		}
		var ev app.Event
		if err := json.Unmarshal([]byte(args[1].String()), &ev); err != nil {
			println("medborgarlofte-editor: an event that is not JSON:", err.Error())
			return nil
		}
		out, err := json.Marshal(e.Dispatch(ev))
		if err != nil {
			println("medborgarlofte-editor:", err.Error())
			return nil
		}
		return string(out)
	})
	api := js.Global().Get("Object").New()
	api.Set("version", apiVersion)
	api.Set("mount", mount)
	api.Set("unmount", unmount)
	api.Set("dispatch", dispatch)
	js.Global().Set(os.Args[1], api)
	select {}
}
