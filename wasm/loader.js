// loader.js defines <medborgarlofte-status> and the
// <div data-medborgarlofte-status> form, and runs widget.wasm for them. The
// build (examples/tools/cmd/buildwidget) wraps it, with dom.js, net.js,
// widget.css (as the string medborgarlofteCSS), Go's wasm_exec.js (as the
// function medborgarlofteWasmExec), the name of its widget.HASH.wasm
// (medborgarlofteWasmName) and that wasm's Go build ID
// (medborgarlofteBuildID), in one closure: widget.js. It leaves no global
// behind; the bridge to Go is documented in wasm/doc.go.

const TAG = "medborgarlofte-status";
const DIV = "div[data-medborgarlofte-status]";
const MARK = Symbol.for("medborgarlofte-status");
const API_VERSION = 2;
const OPTIONS = ["src", "lang", "at", "promise", "heading-level", "offline", "debug"];

// fs is the console output of Go's runtime: wasm_exec.js's
// runtime.wasmWrite (println, panics) looks up `fs` by name each time Go
// writes, and finds this variable instead of the global it installed and
// installGo removes.
let fs;

(function main() {
	if (typeof window === "undefined" || !window.customElements || !window.HTMLElement) {
		return; // the fallback link stays
	}
	const defined = customElements.get(TAG);
	if (defined) {
		if (!defined[MARK]) {
			console.warn(`medborgarlofte-status: another script already defined <${TAG}>`);
		}
		return; // widget.js loaded twice: the first one serves the page
	}

	// The script's own URL and data-wasm, read now: currentScript is
	// null later.
	const script = document.currentScript;
	const scriptBase = script && script.src ? script.src : document.baseURI;
	const scriptWasm = script ? script.getAttribute("data-wasm") : null;
	let wasmURL = ""; // decided when the runtime starts
	let wasmGiven = null; // the wasm attribute that decided it, if any

	// resolveWasm returns widget.wasm's URL: the script's data-wasm, else
	// the first widget's wasm attribute (data-wasm on the div), both
	// relative to the page, else the build's content-addressed name next
	// to widget.js. A CMS that gives each uploaded file its own URL needs
	// data-wasm.
	function resolveWasm(host) {
		wasmGiven = scriptWasm || option(host, "wasm");
		try {
			return wasmGiven ? new URL(wasmGiven, document.baseURI).href : new URL(medborgarlofteWasmName, scriptBase).href;
		} catch {
			return String(wasmGiven);
		}
	}

	// The fetches of the data started when a widget connected, before the
	// runtime was ready, by src: Go takes each once (view.fetch).
	const early = new Map();

	function prefetch(host) {
		const c = config(host);
		if (c.src && !c.offline && /^https?:/i.test(c.src) && !early.has(c.src)) {
			early.set(c.src, medborgarlofteFetch(c.src, {}));
		}
	}

	function fetchFor(url, opts) {
		const o = opts || {};
		if (!o.etag && !o.lastModified && early.has(url)) {
			const p = early.get(url);
			early.delete(url);
			return p;
		}
		return medborgarlofteFetch(url, o);
	}

	// The fragments built from each tree JSON lately: widgets that show
	// the same data get a clone, which is cheaper than building again.
	const built = new Map();
	// A view larger than this (in characters of its JSON: thousands of
	// activities) builds the follow-up behind each closed disclosure when
	// it opens. A usual view, a few dozen activities, is built whole, so
	// that the browser's find in page sees everything.
	const lazyFrom = 500000;

	function fragmentFor(json) {
		let t = built.get(json);
		if (!t) {
			const deferred = json.length > lazyFrom ? new Map() : null;
			t = { frag: medborgarlofteBuild(document, JSON.parse(json), deferred || undefined), deferred };
			built.set(json, t);
			if (built.size > 4) {
				built.delete(built.keys().next().value);
			}
		}
		return { frag: t.frag.cloneNode(true), deferred: t.deferred };
	}

	let runtime = null; // Promise of the API: one Go runtime for the page
	let reported = false; // a failure to start is logged once, not per widget
	const widgets = new WeakMap(); // host element → widget
	const live = new Set(); // mounted widgets, told when the runtime stops
	let sheet = null;

	function styles() {
		if (sheet === null) {
			sheet = new CSSStyleSheet();
			sheet.replaceSync(medborgarlofteCSS);
		}
		return sheet;
	}

	// installGo runs wasm_exec.js and takes what it defines off the global
	// object: Go (restoring a page's own Go), and fs, process and path
	// where the page had none. It returns the Go class and a function that
	// puts fs, process and path back while Go's runtime initialises
	// (syscall reads them then, once) and removes them again.
	function installGo() {
		const names = ["Go", "fs", "process", "path"];
		const had = new Map(names.map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)]));
		medborgarlofteWasmExec();
		const Go = globalThis.Go;
		const added = {};
		for (const n of names) {
			const before = had.get(n);
			if (before) {
				if (n === "Go") {
					Object.defineProperty(globalThis, n, before);
				}
			} else {
				added[n] = globalThis[n];
				delete globalThis[n];
			}
		}
		fs = added.fs !== undefined ? added.fs : globalThis.fs;
		const lend = () => {
			const keys = ["fs", "process", "path"].filter((n) => n in added);
			for (const n of keys) {
				Object.defineProperty(globalThis, n, { value: added[n], configurable: true, writable: true });
			}
			return () => {
				for (const n of keys) {
					delete globalThis[n];
				}
			};
		};
		return { Go, lend };
	}

	// explain turns a failure to compile widget.wasm into a message that
	// says what to do.
	function explain(err) {
		const msg = String(err && err.message ? err.message : err);
		if (/Content Security Policy|unsafe-eval|CSP/i.test(msg)) {
			return new Error("medborgarlofte-status: the page's Content-Security-Policy does not allow WebAssembly, " +
				"so the widget shows only its fallback link. Add 'wasm-unsafe-eval' to script-src, for example: " +
				"script-src 'self' 'wasm-unsafe-eval'. (" + msg + ")");
		}
		return new Error(`medborgarlofte-status: could not load ${wasmURL}: ${msg}`);
	}

	async function compile(importObject) {
		if (typeof WebAssembly !== "object") {
			throw new Error("medborgarlofte-status: this browser cannot run WebAssembly; the fallback link stays");
		}
		const response = fetch(wasmURL, { credentials: "same-origin" });
		let result;
		try {
			result = await WebAssembly.instantiateStreaming(response, importObject);
		} catch (err) {
			// A server that sends widget.wasm with another Content-Type
			// than application/wasm: compile from the bytes instead.
			if (!(err instanceof TypeError && /MIME|Content-Type/i.test(err.message))) {
				throw err;
			}
			console.warn(`medborgarlofte-status: serve ${wasmURL} as application/wasm for faster start-up`);
			const res = await fetch(wasmURL, { credentials: "same-origin" });
			if (!res.ok) {
				throw new Error("HTTP " + res.status);
			}
			result = await WebAssembly.instantiate(await res.arrayBuffer(), importObject);
		}
		checkBuild(result.module);
		return result.instance;
	}

	// checkBuild refuses a widget.wasm of another build than widget.js
	// (Go writes its build ID into the module): a new widget.js must
	// never run with an old wasm from a cache or a forgotten upload.
	function checkBuild(module) {
		if (!medborgarlofteBuildID) {
			return; // a build without an ID (the tests' loader)
		}
		let text = "";
		for (const s of WebAssembly.Module.customSections(module, "go:buildid")) {
			text += new TextDecoder().decode(s);
		}
		if (!text.includes(`"${medborgarlofteBuildID}"`)) {
			const hint = wasmGiven ? ", and give its URL in data-wasm" : "";
			throw new Error(`medborgarlofte-status: ${wasmURL} is not the widget.wasm of this widget.js (they are from different builds), so the widget shows only its fallback link. Upload widget.js and the widget.wasm of the same build${hint}.`);
		}
	}

	// mark records a step in the page's performance timeline, for
	// cmd/loadtime -v and the browser's performance tools.
	function mark(name) {
		if (typeof performance !== "undefined" && performance.mark) {
			performance.mark("medborgarlofte:" + name);
		}
	}

	async function boot(host) {
		mark("boot");
		wasmURL = resolveWasm(host);
		const { Go, lend } = installGo();
		const go = new Go();
		let instance;
		try {
			instance = await compile(go.importObject);
			mark("compiled");
		} catch (err) {
			throw err.message && err.message.startsWith("medborgarlofte-status:") ? err : explain(err);
		}
		// The handshake: Go assigns its API to a random global name, which
		// this setter takes and deletes at once.
		const name = "__medborgarlofte_" + Array.from(crypto.getRandomValues(new Uint8Array(8)),
			(b) => b.toString(16).padStart(2, "0")).join("");
		let api = null;
		let published;
		const ready = new Promise((resolve) => { published = resolve; });
		Object.defineProperty(globalThis, name, {
			configurable: true,
			get() { return undefined; },
			set(v) {
				api = v;
				delete globalThis[name];
				published(v);
			},
		});
		go.argv = ["medborgarlofte", name];
		go.env = {};
		const giveBack = lend();
		let exited = null;
		const exit = go.run(instance).then(() => {
			exited = new Error("medborgarlofte-status: the widget's Go runtime stopped");
			return exited;
		});
		exit.then(stopped);
		try {
			// main publishes before it first blocks, so api is normally set
			// by now; the wait covers a runtime that yields earlier.
			if (api === null) {
				const timeout = new Promise((resolve) => setTimeout(resolve, 10000));
				await Promise.race([ready, exit, timeout]);
			}
		} finally {
			giveBack();
			delete globalThis[name];
		}
		if (exited) {
			throw exited;
		}
		mark("started");
		if (api === null || api.version !== API_VERSION) {
			throw new Error("medborgarlofte-status: widget.wasm did not start, or is from another build than widget.js");
		}
		return api;
	}

	function stopped(err) {
		console.error(err.message);
		for (const w of live) {
			w.id = null;
			medborgarlofteSetState(w.host, "error");
		}
		live.clear();
	}

	function fail(w, err) {
		if (!reported) {
			reported = true;
			console.error(err.message);
		}
		medborgarlofteSetState(w.host, "error");
	}

	// option reads an attribute of the element, or data-NAME on the div.
	function option(host, name) {
		return host.localName === TAG ? host.getAttribute(name) : host.getAttribute("data-" + name);
	}

	function config(host) {
		const src = option(host, "src");
		let abs = "";
		if (src !== null && src.trim() !== "") {
			try {
				abs = new URL(src, document.baseURI).href;
			} catch {
				abs = src;
			}
		}
		let lang = option(host, "lang");
		if (!lang) {
			const near = host.closest("[lang]");
			lang = near ? near.getAttribute("lang") : "";
		}
		return {
			src: abs,
			lang: lang || "sv",
			at: option(host, "at") || "",
			promise: option(host, "promise") || "",
			headingLevel: option(host, "heading-level") || "",
			offline: option(host, "offline") !== null,
			debug: option(host, "debug") !== null,
		};
	}

	// setup gives the host its shadow root: the widget's content first,
	// then a slot that shows the host's own children, the fallback link,
	// until the state is ready or stale (the stylesheet hides it then).
	function setup(host) {
		let w = widgets.get(host);
		if (w) {
			return w;
		}
		if (host.shadowRoot) {
			console.warn("medborgarlofte-status: the element already has a shadow root", host);
			return null;
		}
		const root = host.attachShadow({ mode: "open" });
		try {
			root.adoptedStyleSheets = [styles()];
		} catch {
			// no constructable stylesheets: unstyled, still readable
		}
		const body = document.createElement("div");
		body.setAttribute("part", "widget");
		body.className = "body";
		const slot = document.createElement("slot");
		slot.className = "fallback";
		root.append(body, slot);
		w = { host, root, body, id: null, api: null, json: "", pending: false, deferred: null };
		w.view = {
			render: (json) => render(w, json),
			setState: (state) => { medborgarlofteSetState(host, state); },
			fetch: fetchFor,
		};
		root.addEventListener("click", (e) => {
			const button = e.target instanceof Element ? e.target.closest("button[data-action]") : null;
			if (button && w.id !== null && !button.disabled) {
				w.api.action(w.id, button.getAttribute("data-action"));
			}
		});
		// toggle does not bubble: listen while it goes down.
		root.addEventListener("toggle", (e) => {
			const d = e.target;
			if (w.deferred && d instanceof HTMLDetailsElement && d.open) {
				medborgarlofteBuildDeferred(document, d, w.deferred);
			}
		}, true);
		widgets.set(host, w);
		return w;
	}

	// render replaces the widget's content with the tree, keeping open
	// the details elements (by data-key) the visitor opened.
	function render(w, json) {
		if (json === w.json) {
			return;
		}
		w.json = json;
		const open = new Set();
		for (const d of w.body.querySelectorAll("details[open][data-key]")) {
			open.add(d.getAttribute("data-key"));
		}
		const { frag, deferred } = fragmentFor(json);
		w.deferred = deferred;
		for (const d of frag.querySelectorAll("details[data-key]")) {
			if (open.has(d.getAttribute("data-key"))) {
				d.setAttribute("open", "");
				if (deferred) {
					medborgarlofteBuildDeferred(document, d, deferred);
				}
			}
		}
		w.body.replaceChildren(frag);
	}

	function connect(host) {
		const w = setup(host);
		if (!w) {
			return;
		}
		w.pending = false;
		if (w.id !== null) {
			return; // moved within the page: still mounted
		}
		if (!host.hasAttribute("data-state")) {
			medborgarlofteSetState(host, "loading");
		}
		if (runtime === null) {
			runtime = boot(host); // the wasm's download starts first: it is the larger
		} else if (option(host, "wasm") && !scriptWasm && wasmURL && option(host, "wasm") !== wasmGiven) {
			console.warn(`medborgarlofte-status: the page runs one widget.wasm, ${wasmURL}; this widget's wasm attribute is ignored`, host);
		}
		prefetch(host);
		runtime.then((api) => {
			if (!host.isConnected || w.id !== null) {
				return;
			}
			w.api = api;
			w.id = api.mount(w.view, config(host));
			live.add(w);
		}, (err) => fail(w, err));
	}

	function disconnect(host) {
		const w = widgets.get(host);
		if (!w || w.id === null) {
			return;
		}
		// A move fires disconnect then connect: unmount only if it stays out.
		queueMicrotask(() => {
			if (!host.isConnected && w.id !== null) {
				w.api.unmount(w.id);
				w.id = null;
				live.delete(w);
			}
		});
	}

	function changed(host) {
		const w = widgets.get(host);
		if (!w || w.id === null || w.pending) {
			return;
		}
		w.pending = true; // several attributes set at once: one update
		queueMicrotask(() => {
			w.pending = false;
			if (w.id !== null) {
				w.api.update(w.id, config(host));
			}
		});
	}

	class MedborgarlofteStatus extends HTMLElement {
		static get observedAttributes() {
			return OPTIONS;
		}
		connectedCallback() {
			connect(this);
		}
		disconnectedCallback() {
			disconnect(this);
		}
		attributeChangedCallback() {
			changed(this);
		}
	}
	MedborgarlofteStatus[MARK] = true;
	customElements.define(TAG, MedborgarlofteStatus);

	// The div form, for editors whose CMS strips unknown tags.
	const each = (node, f) => {
		if (node.nodeType !== Node.ELEMENT_NODE) {
			return;
		}
		if (node.matches(DIV)) {
			f(node);
		}
		for (const el of node.querySelectorAll(DIV)) {
			f(el);
		}
	};
	new MutationObserver((records) => {
		for (const r of records) {
			if (r.type === "attributes") {
				if (r.target.matches(DIV)) {
					if (widgets.has(r.target)) {
						changed(r.target);
					} else if (r.target.isConnected) {
						connect(r.target);
					}
				}
				continue;
			}
			for (const n of r.removedNodes) {
				each(n, disconnect);
			}
			for (const n of r.addedNodes) {
				each(n, (el) => { if (el.isConnected) connect(el); });
			}
		}
	}).observe(document.documentElement, {
		childList: true,
		subtree: true,
		attributes: true,
		attributeFilter: ["data-medborgarlofte-status"].concat(OPTIONS.map((n) => "data-" + n)),
	});
	each(document.documentElement, connect);
})();
