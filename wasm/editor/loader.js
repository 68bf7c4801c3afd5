// loader.js defines <medborgarlofte-editor> and runs editor.wasm for it. The
// build (examples/tools/cmd/buildeditor) wraps it, with dom.js, editor.css
// (as the string medborgarlofteEditorCSS) and Go's wasm_exec.js (as the
// function medborgarlofteWasmExec), in one closure: editor.js. It leaves
// no global behind; the bridge to Go is documented in wasm/editor/main.go.
//
// The page's part: pass each event to Go, patch the shadow root to the
// tree Go returns, and do the effects Go asks for: download a file, keep
// the draft in IndexedDB, fetch a URL the user typed, move the focus.

const EDITOR_TAG = "medborgarlofte-editor";
const EDITOR_API_VERSION = 1;
const MAX_FILE = 16 << 20;
const DRAFT_DB = "medborgarlofte-editor";
const DRAFT_STORE = "drafts";

let fs; // Go's console output finds this, as in the widget's loader

(function main() {
	if (typeof window === "undefined" || !window.customElements || customElements.get(EDITOR_TAG)) {
		return;
	}
	const script = document.currentScript;
	const wasmURL = new URL("editor.wasm", script && script.src ? script.src : document.baseURI).href;
	let runtime = null;

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
			return () => { for (const n of keys) { delete globalThis[n]; } };
		};
		return { Go, lend };
	}

	async function compile(importObject) {
		try {
			return (await WebAssembly.instantiateStreaming(fetch(wasmURL, { credentials: "same-origin" }), importObject)).instance;
		} catch (err) {
			if (err instanceof TypeError && /MIME|Content-Type/i.test(err.message)) {
				const bytes = await (await fetch(wasmURL, { credentials: "same-origin" })).arrayBuffer();
				return (await WebAssembly.instantiate(bytes, importObject)).instance;
			}
			if (/Content Security Policy|unsafe-eval|CSP/i.test(String(err && err.message))) {
				throw new Error("medborgarlofte-editor: the page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to script-src");
			}
			throw err;
		}
	}

	async function boot() {
		if (typeof WebAssembly !== "object") {
			throw new Error("medborgarlofte-editor: this browser cannot run WebAssembly");
		}
		const { Go, lend } = installGo();
		const go = new Go();
		const instance = await compile(go.importObject);
		const name = "__medborgarlofte_editor_" + Array.from(crypto.getRandomValues(new Uint8Array(8)),
			(b) => b.toString(16).padStart(2, "0")).join("");
		let api = null;
		Object.defineProperty(globalThis, name, {
			configurable: true,
			get() { return undefined; },
			set(v) { api = v; delete globalThis[name]; },
		});
		go.argv = ["medborgarlofte-editor", name];
		go.env = {};
		const giveBack = lend();
		go.run(instance).then(() => console.error("medborgarlofte-editor: the Go runtime stopped"));
		giveBack();
		delete globalThis[name];
		if (api === null || api.version !== EDITOR_API_VERSION) {
			throw new Error("medborgarlofte-editor: editor.wasm did not start, or is from another build than editor.js");
		}
		return api;
	}

	// The draft: one per origin, in IndexedDB. Every request has a
	// deadline; where IndexedDB is missing (some private modes), there is
	// no draft and the editor says nothing of it.
	function openDB() {
		return new Promise((resolve, reject) => {
			if (!window.indexedDB) {
				reject(new Error("no IndexedDB"));
				return;
			}
			const req = indexedDB.open(DRAFT_DB, 1);
			req.onupgradeneeded = () => req.result.createObjectStore(DRAFT_STORE);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
			setTimeout(() => reject(new Error("IndexedDB timed out")), 5000);
		});
	}
	async function draftGet() {
		try {
			const db = await openDB();
			return await new Promise((resolve) => {
				const req = db.transaction(DRAFT_STORE, "readonly").objectStore(DRAFT_STORE).get("draft");
				req.onsuccess = () => resolve(typeof req.result === "string" ? req.result : "");
				req.onerror = () => resolve("");
				setTimeout(() => resolve(""), 5000);
			});
		} catch {
			return "";
		}
	}
	let saving = Promise.resolve();
	function draftPut(text) {
		saving = saving.then(async () => {
			try {
				const db = await openDB();
				await new Promise((resolve) => {
					const tx = db.transaction(DRAFT_STORE, "readwrite");
					const store = tx.objectStore(DRAFT_STORE);
					if (text) {
						store.put(text, "draft");
					} else {
						store.delete("draft");
					}
					tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
					setTimeout(resolve, 5000);
				});
			} catch (err) {
				console.warn("medborgarlofte-editor: the draft could not be saved:", err.message);
			}
		});
		return saving;
	}

	function today() {
		const d = new Date();
		return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
	}

	class MedborgarlofteEditor extends HTMLElement {
		connectedCallback() {
			if (this.shadowRoot) {
				return;
			}
			const root = this.attachShadow({ mode: "open" });
			try {
				const sheet = new CSSStyleSheet();
				sheet.replaceSync(medborgarlofteEditorCSS);
				root.adoptedStyleSheets = [sheet];
			} catch {
				// no constructable stylesheets: unstyled, still usable
			}
			const body = document.createElement("div");
			body.className = "host";
			const slot = document.createElement("slot");
			root.append(body, slot);
			this.body = body;
			this.pending = new Map(); // element → timer of a debounced input
			this.queue = []; // events that came while the view was patched
			this.busy = false;
			this.setAttribute("data-state", "loading");
			runtime = runtime || boot();
			runtime.then(async (api) => {
				this.api = api;
				this.mountID = api.mount();
				this.draftOff = this.getAttribute("draft") === "off";
				const draft = this.draftOff ? "" : await draftGet();
				this.listen(root);
				this.send({ type: "init", lang: this.getAttribute("lang") || document.documentElement.lang || "sv",
					today: this.getAttribute("today") || today(), draft }, null);
				slot.remove();
				this.setAttribute("data-state", "ready");
				this.dispatchEvent(new CustomEvent("medborgarlofte-editor-ready", { bubbles: true, composed: true,
					detail: { ms: performance.now() } }));
			}, (err) => {
				console.error(err.message);
				this.setAttribute("data-state", "error");
			});
		}

		// send hands an event to Go and lays out the answer; from is the
		// element the event came from, whose value is left alone.
		send(ev, from) {
			// An event fired while the view is being patched (removing a
			// focused field fires its change) waits for the patch.
			if (this.busy) {
				this.queue.push([ev, from]);
				return;
			}
			// Values being typed elsewhere go first: the view sent back
			// sets every field, and must not set one to an older value.
			for (const el of Array.from(this.pending.keys())) {
				if (el !== from) {
					this.flush(el);
				}
			}
			const out = this.api.dispatch(this.mountID, JSON.stringify(ev));
			if (typeof out !== "string") {
				return;
			}
			const res = JSON.parse(out);
			const keep = from && this.shadowRoot.activeElement === from ? from : null;
			this.busy = true;
			try {
				editorPatch(document, this.body, [res.tree], 0, keep);
			} finally {
				this.busy = false;
			}
			this.setAttribute("data-valid", String(res.valid));
			this.setAttribute("data-problems", String(res.problems));
			for (const eff of res.effects || []) {
				this.effect(eff);
			}
			while (this.queue.length > 0) {
				const [e, f] = this.queue.shift();
				this.send(e, f);
			}
		}

		effect(eff) {
			switch (eff.kind) {
			case "download": {
				const blob = new Blob([eff.text], { type: eff.mime || "application/octet-stream" });
				const url = URL.createObjectURL(blob);
				const a = document.createElement("a");
				a.href = url;
				a.download = eff.name;
				a.hidden = true;
				this.shadowRoot.appendChild(a);
				a.click();
				a.remove();
				setTimeout(() => URL.revokeObjectURL(url), 10000);
				break;
			}
			case "draft":
				if (!this.draftOff) {
					this.saved = draftPut(eff.text || "");
				}
				break;
			case "fetch":
				this.fetchURL(eff.name);
				break;
			case "focus": {
				const el = this.shadowRoot.querySelector(`[data-key="${CSS.escape(eff.name)}"]`);
				if (el) {
					el.focus();
				}
				break;
			}
			}
		}

		async fetchURL(url) {
			let text = "", error = "";
			try {
				const u = new URL(url, document.baseURI);
				if (u.protocol !== "https:" && u.protocol !== "http:") {
					throw new Error("only http and https addresses");
				}
				const res = await fetch(u.href, { credentials: "omit", redirect: "error" });
				if (!res.ok) {
					throw new Error("HTTP " + res.status);
				}
				const blob = await res.blob();
				if (blob.size > MAX_FILE) {
					throw new Error("over 16 MiB");
				}
				text = await blob.text();
			} catch (err) {
				error = String(err.message || err);
			}
			this.send({ type: "fetched", name: url, text, value: error }, null);
		}

		async readFile(file, target) {
			if (!file) {
				return;
			}
			if (file.size > MAX_FILE) {
				this.send({ type: "file", target, name: file.name, value: "too-large" }, null);
				return;
			}
			this.send({ type: "file", target, name: file.name, text: await file.text() }, null);
		}

		flush(el) {
			const t = this.pending.get(el);
			if (t !== undefined) {
				clearTimeout(t);
				this.pending.delete(el);
				if (el.isConnected) {
					this.send({ type: "input", bind: el.getAttribute("data-bind"), value: el.value }, el);
				}
			}
		}

		flushAll() {
			for (const el of Array.from(this.pending.keys())) {
				this.flush(el);
			}
		}

		listen(root) {
			root.addEventListener("click", (e) => {
				const b = e.target instanceof Element ? e.target.closest("button[data-action]") : null;
				if (b && !b.disabled) {
					this.flushAll();
					this.send({ type: "action", action: b.getAttribute("data-action"), arg: b.getAttribute("data-arg") || "" }, null);
				}
			});
			root.addEventListener("submit", (e) => {
				const f = e.target;
				e.preventDefault();
				this.flushAll();
				if (f instanceof Element && f.hasAttribute("data-submit")) {
					this.send({ type: "action", action: f.getAttribute("data-submit"), arg: "" }, null);
				}
			});
			root.addEventListener("input", (e) => {
				const el = e.target;
				if (!(el instanceof Element) || !el.hasAttribute("data-bind") || el.type === "checkbox" || el.localName === "select") {
					return;
				}
				clearTimeout(this.pending.get(el));
				this.pending.set(el, setTimeout(() => this.flush(el), 300));
			});
			root.addEventListener("change", (e) => {
				const el = e.target;
				if (!(el instanceof Element)) {
					return;
				}
				if (el.hasAttribute("data-file")) {
					this.readFile(el.files && el.files[0], el.getAttribute("data-file"));
					el.value = "";
					return;
				}
				if (!el.hasAttribute("data-bind")) {
					return;
				}
				if (el.type === "checkbox") {
					this.send({ type: "input", bind: el.getAttribute("data-bind"), value: String(el.checked) }, el);
				} else if (el.localName === "select") {
					this.send({ type: "input", bind: el.getAttribute("data-bind"), value: el.value }, el);
				} else {
					this.pending.set(el, 0);
					this.flush(el);
				}
			});
			root.addEventListener("dragover", (e) => {
				if (e.target instanceof Element && e.target.closest("[data-drop]")) {
					e.preventDefault();
				}
			});
			root.addEventListener("drop", (e) => {
				const zone = e.target instanceof Element ? e.target.closest("[data-drop]") : null;
				if (zone && e.dataTransfer && e.dataTransfer.files.length) {
					e.preventDefault();
					this.readFile(e.dataTransfer.files[0], zone.getAttribute("data-drop"));
				}
			});
			root.addEventListener("keydown", (e) => {
				const field = e.target instanceof Element && /^(input|textarea|select)$/.test(e.target.localName);
				if (!(e.ctrlKey || e.metaKey) || field) {
					return;
				}
				const k = e.key.toLowerCase();
				if (k === "z" || k === "y") {
					e.preventDefault();
					this.flushAll();
					this.send({ type: "action", action: (k === "z" && !e.shiftKey) ? "undo" : "redo", arg: "" }, null);
				}
			});
		}

		disconnectedCallback() {
			if (this.api && this.mountID) {
				this.api.unmount(this.mountID);
				this.mountID = 0;
			}
		}
	}
	customElements.define(EDITOR_TAG, MedborgarlofteEditor);
})();
