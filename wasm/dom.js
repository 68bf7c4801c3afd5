// dom.js builds a widget's DOM from the tree Go renders (see the "tree"
// section of the package documentation, wasm/doc.go) and sets the widget's
// state. The build bundles it inside widget.js's closure; cmd/wasmtest also
// loads it as a plain script, where its top-level functions are globals
// that the wasm package's tests call.
//
// Only createElement, createTextNode and setAttribute: never innerHTML or
// anything else that parses markup. Tags and attributes pass the same
// allowlist as in Go (wasm/tree.go); links need an absolute http(s) URL.

const medborgarlofteTags = new Set(["a", "abbr", "article", "br", "button",
	"dd", "details", "div", "dl", "dt", "em", "footer", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "li", "meter", "ol", "p", "progress", "section", "small",
	"span", "strong", "summary", "time", "ul"]);
const medborgarlofteAttrs = new Set(["class", "id", "title", "lang", "dir",
	"role", "hidden", "tabindex", "part"]);
const medborgarlofteTagAttrs = {
	a: new Set(["href"]),
	details: new Set(["open"]),
	time: new Set(["datetime"]),
	progress: new Set(["value", "max"]),
	meter: new Set(["value", "min", "max", "low", "high", "optimum"]),
	button: new Set(["disabled"]),
	svg: new Set(["viewBox", "width", "height"]),
	rect: new Set(["x", "y", "width", "height"]),
	line: new Set(["x1", "y1", "x2", "y2"]),
	polyline: new Set(["points"]),
	text: new Set(["x", "y"]),
};
// The tags of a chart: only inside an svg element, created in the SVG
// namespace; an svg holds nothing else.
const medborgarlofteSVGTags = new Set(["g", "rect", "line", "polyline", "text", "title", "desc"]);
const medborgarlofteSVGNS = "http://www.w3.org/2000/svg";
const medborgarlofteMaxDepth = 64;

// medborgarlofteSafeHref returns the normalised URL when value is an
// absolute http: or https: URL with a host, else null.
function medborgarlofteSafeHref(value) {
	if (typeof value !== "string" || value === "") {
		return null;
	}
	let u;
	try {
		u = new URL(value); // no base: relative URLs fail
	} catch {
		return null;
	}
	return (u.protocol === "https:" || u.protocol === "http:") && u.host ? u.href : null;
}

function medborgarlofteAttrAllowed(tag, name, value) {
	if (medborgarlofteAttrs.has(name)) {
		return name !== "tabindex" || value === "0" || value === "-1";
	}
	const own = medborgarlofteTagAttrs[tag];
	if (own && own.has(name)) {
		return name !== "href";
	}
	return /^(data|aria)-[a-z][a-z0-9-]*$/.test(name);
}

// medborgarlofteBuild returns a DocumentFragment holding tree, built in doc.
// Elements of unknown tags are dropped with their kids, unknown attributes
// are dropped, and an a without a safe href becomes a span.
//
// With deferred (a Map), a closed details element with a data-key gets
// only its summary; what it holds besides is kept in deferred under its
// key, for medborgarlofteBuildDeferred when it opens. A view of thousands
// of activities then builds the DOM of what is seen, not of every
// follow-up behind its disclosure.
function medborgarlofteBuild(doc, tree, deferred) {
	const frag = doc.createDocumentFragment();
	medborgarlofteAdd(doc, frag, tree, 0, false, deferred);
	return frag;
}

// medborgarlofteBuildDeferred builds into the details element d what
// medborgarlofteBuild deferred for it, once.
function medborgarlofteBuildDeferred(doc, d, deferred) {
	const key = d.getAttribute("data-key");
	const rest = key === null ? undefined : deferred.get(key);
	if (!rest || d.hasAttribute("data-built")) {
		return;
	}
	d.setAttribute("data-built", "");
	for (const k of rest.kids) {
		medborgarlofteAdd(doc, d, k, rest.depth, false, undefined);
	}
}

function medborgarlofteAdd(doc, parent, tree, depth0, inSVG0, deferred) {
	const add = (parent, n, depth, inSVG) => {
		if (n === null || typeof n !== "object" || depth > medborgarlofteMaxDepth) {
			return;
		}
		const txt = typeof n.text === "string" ? n.text : "";
		if (!n.tag) {
			if (txt) {
				parent.appendChild(doc.createTextNode(txt));
			}
			return;
		}
		let tag = String(n.tag);
		if (inSVG !== medborgarlofteSVGTags.has(tag) || (!inSVG && tag !== "svg" && !medborgarlofteTags.has(tag))) {
			return;
		}
		const attrs = n.attrs !== null && typeof n.attrs === "object" ? n.attrs : {};
		let href = null;
		if (tag === "a") {
			href = medborgarlofteSafeHref(attrs.href);
			if (href === null) {
				tag = "span";
			}
		}
		const svg = inSVG || tag === "svg";
		const el = svg ? doc.createElementNS(medborgarlofteSVGNS, tag) : doc.createElement(tag);
		for (const name of Object.keys(attrs)) {
			const value = attrs[name];
			if (typeof value === "string" && medborgarlofteAttrAllowed(tag, name, value)) {
				el.setAttribute(name, value);
			}
		}
		if (href !== null) {
			el.setAttribute("href", href);
			el.setAttribute("rel", "noopener noreferrer");
		}
		if (tag === "button") {
			el.setAttribute("type", "button");
		}
		if (txt) {
			el.appendChild(doc.createTextNode(txt));
		}
		if (Array.isArray(n.kids)) {
			let kids = n.kids;
			const key = attrs["data-key"];
			if (deferred && tag === "details" && !("open" in attrs) && typeof key === "string" && medborgarlofteAttrAllowed(tag, "data-key", key)) {
				kids = kids.filter((k) => k !== null && typeof k === "object" && k.tag === "summary");
				deferred.set(key, { kids: n.kids.filter((k) => !kids.includes(k)), depth: depth + 1 });
			}
			for (const k of kids) {
				add(el, k, depth + 1, svg);
			}
		}
		parent.appendChild(el);
	};
	add(parent, tree, depth0, inSVG0);
}

// medborgarlofteSetState sets the element's data-state and, when it
// changed, fires medborgarlofte-statechange. It reports whether it changed.
function medborgarlofteSetState(el, state) {
	if (el.getAttribute("data-state") === state) {
		return false;
	}
	el.setAttribute("data-state", state);
	el.dispatchEvent(new CustomEvent("medborgarlofte-statechange", {
		bubbles: true,
		composed: true,
		detail: { state },
	}));
	return true;
}
