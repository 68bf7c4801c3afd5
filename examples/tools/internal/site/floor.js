// floor.js is the floor of cmd/loadtime's comparison: a plain JavaScript
// widget that fetches the same JSON as the status widget and draws one
// element per object of it, with no validation and no evaluation: what a
// page cannot avoid paying to show the data at all. It lives in the test
// tooling only and is never shipped.
(() => {
	"use strict";
	const TAG = "floor-status";

	function setState(el, state) {
		el.setAttribute("data-state", state);
		el.dispatchEvent(new CustomEvent("medborgarlofte-statechange", { bubbles: true, composed: true, detail: { state } }));
	}

	// draw appends one div per object of v to parent, holding the object's
	// own strings, numbers and booleans as text, its objects nested.
	function draw(parent, v) {
		if (Array.isArray(v)) {
			for (const x of v) {
				draw(parent, x);
			}
			return;
		}
		if (v === null || typeof v !== "object") {
			return;
		}
		const div = document.createElement("div");
		const words = [];
		for (const k of Object.keys(v)) {
			const x = v[k];
			if (x !== null && typeof x === "object") {
				draw(div, x);
			} else {
				words.push(String(x));
			}
		}
		div.prepend(document.createTextNode(words.join(" ")));
		parent.append(div);
	}

	class FloorStatus extends HTMLElement {
		connectedCallback() {
			if (this.shadowRoot) {
				return;
			}
			const root = this.attachShadow({ mode: "open" });
			setState(this, "loading");
			const src = new URL(this.getAttribute("src"), document.baseURI).href;
			fetch(src, { credentials: "same-origin", headers: { Accept: "application/json" } })
				.then((r) => {
					if (!r.ok) {
						throw new Error("HTTP " + r.status);
					}
					return r.json();
				})
				.then((v) => {
					const frag = document.createDocumentFragment();
					draw(frag, v);
					root.append(frag);
					setState(this, "ready");
				}, (err) => {
					console.error("floor-status: " + err);
					setState(this, "error");
				});
		}
	}
	customElements.define(TAG, FloorStatus);
})();
