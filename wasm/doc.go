//go:build js && wasm

// Command wasm is the status widget: a Go program compiled to WebAssembly
// (GOOS=js GOARCH=wasm) that, with its loader script, shows a citizen
// promise and its follow-up on any web page. Editors paste
//
//	<medborgarlofte-status src="/files/medborgarlofte-2019.json" lang="sv">
//	  <a href="https://www.example.se/medborgarlofte">Medborgarlöfte 2019</a>
//	</medborgarlofte-status>
//	<script async src="/files/widget.js"></script>
//
// or, where a CMS strips unknown tags, the same as
// <div data-medborgarlofte-status data-src="…" data-lang="sv">. The link
// inside is the fallback: it stays visible until the widget has something
// to show, and again when it fails.
//
// Build widget.js and widget.HASH.wasm (and their .gz and .br files)
// with
//
//	go -C examples/tools run ./cmd/buildwidget -out DIR
//
// The wasm is named by its content, so that a browser or proxy never gives
// a new widget.js an old cached wasm; widget.js names it and checks its Go
// build ID. Serve the wasm with a long cache lifetime (the browser then
// reuses its compiled code) and widget.js with a short one.
//
// # Attributes
//
// On the element (on the div form with a data- prefix):
//
//   - src: the bundle (or plain promise document) to show, any URL the
//     page may fetch: same origin, or another origin that allows it by
//     CORS. Required.
//   - lang: the language of the widget's own words and of the texts
//     chosen from the data ("sv", the default, or "en"); without it the
//     nearest lang of the page.
//   - at: a date, YYYY-MM-DD: show the status as of that day instead of
//     today (archives, tests).
//   - promise: the id of one promise: show only it and its activities.
//   - heading-level: the level of the widget's top heading, 1 to 4
//     (default 2, an h2): set it to fit the page's own outline; themes
//     and promises are one and two levels below.
//   - offline: opt in to keep the last good data in the visitor's
//     IndexedDB, show it at once on the next visit, and show it, with its
//     date, when the network fails.
//   - debug: log each step, with times, to the console.
//   - wasm: the URL of widget.wasm, for a CMS that gives each uploaded
//     file a URL of its own; the script's data-wasm does the same for
//     every widget of the page. Default: the build's widget.HASH.wasm next
//     to widget.js. A page runs one wasm: the first widget's counts.
//
// The element's data-state attribute is "loading", "ready" (data shown),
// "stale" (data from the offline cache shown because the refresh failed),
// or "error" (nothing to show: the fallback link is visible). Each change
// fires a medborgarlofte-statechange CustomEvent (bubbles, composed) with
// detail {state}.
//
// # The bridge between the loader and Go
//
// The loader (loader.js, bundled with Go's wasm_exec.js and dom.js into
// widget.js) starts one Go runtime for the page, lazily, when the first
// widget connects:
//
//  1. It compiles widget.wasm with WebAssembly.instantiateStreaming,
//     refuses a module whose go:buildid section is not the build ID
//     widget.js was built with, sets go.argv to ["medborgarlofte", NAME]
//     where NAME is a random global name, defines globalThis[NAME] as a
//     setter, and runs the program. Meanwhile it has started fetching each
//     widget's src (net.js), so that the data is there when Go asks.
//  2. main builds the API object and assigns it to globalThis[NAME]; the
//     loader's setter takes it and deletes the global at once. main then
//     blocks forever: the runtime serves every widget on the page.
//  3. The loader removes the globals wasm_exec.js added (Go, fs, process,
//     path). Go's syscall package captured fs, process and path when it
//     was initialised, and the bundled wasm_exec.js finds fs through a
//     variable of the loader, so Go's output still reaches the console.
//
// The API object (apiVersion 2) has, all returning at once:
//
//	version                  the number apiVersion; the loader refuses another
//	mount(view, config) id   show a widget; returns its id, a number
//	update(id, config)       its attributes changed: start again with config
//	action(id, name)         a click on a button with data-action=name ("retry")
//	unmount(id)              the element left the page: stop and forget it
//
// config is {src, lang, at, promise, headingLevel, offline, debug}: src made absolute by
// the loader, the rest as the attributes say (strings, offline and debug
// booleans). view is the loader's object for one element, and the only way
// Go reaches the page:
//
//	view.render(json)     replace the widget's content with the tree in json
//	view.setState(state)  set data-state and fire the event, if it changed
//	view.fetch(url, opts) a promise of the data at url (net.js): the fetch the
//	                      loader started early when it has one for url and the
//	                      request is not conditional, else a new one
//
// Widgets that show the same data, date, language and promise share one
// evaluation and one tree, and the loader clones the DOM it built from it.
// The loader and Go mark their steps in the page's performance timeline
// (medborgarlofte:boot, compiled, started, main, fetched, decoded,
// rendered), for the browser's performance tools and cmd/loadtime -v.
//
// # The tree
//
// A view is a [node] tree, sent as JSON to view.render, which builds it
// with createElement, createTextNode and setAttribute (never innerHTML):
//
//	{"tag": "li", "attrs": {"class": "activity", "data-id": "…"},
//	 "text": "…", "kids": [{"text": "more text"}, {"tag": "a", …}]}
//
// A node without tag is a text node. An element's text becomes a text node
// before its kids. Tags and attributes pass an allowlist, in Go ([sanitize])
// and again in the loader: data-* and aria-* attributes, and class, id,
// part, title, lang, dir, role, hidden, tabindex, open (details), datetime
// (time), value, min, max, low, high, optimum (progress, meter), disabled
// (button); never style, on*, src. An a keeps its href only when it is an
// absolute http: or https: URL; else it becomes a span with the same text.
// A button is always type=button; one with data-action calls api.action.
// A details with data-key keeps its open state across renders.
package main
