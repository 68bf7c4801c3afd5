// dom.js patches the editor's shadow root to the tree Go renders (package
// app, the Node type): elements are kept where the tree keeps them (same
// tag, same data-key), so that focus, the caret and scroll positions
// survive a render; what changed is set, what is gone removed.
//
// Only createElement, createTextNode and setAttribute: never innerHTML or
// anything else that parses markup. Tags and attributes pass an allowlist;
// the editor renders no links.

const editorTags = new Set(["article", "br", "button", "caption", "code", "datalist", "details", "div",
	"dd", "dl", "dt", "em", "fieldset", "footer", "form", "h1", "h2", "h3", "h4", "header",
	"input", "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "select",
	"small", "span", "strong", "summary", "table", "tbody", "td", "textarea", "th", "thead",
	"tr", "ul"]);
const editorAttrs = new Set(["class", "id", "lang", "dir", "role", "hidden", "tabindex", "title",
	"for", "type", "value", "checked", "selected", "disabled", "readonly", "required", "name",
	"accept", "inputmode", "list", "autocomplete", "placeholder", "rows", "scope", "colspan", "open"]);
const editorInputTypes = new Set(["text", "url", "checkbox", "file", "search", "submit", "button"]);
const editorMaxDepth = 64;

function editorAttrAllowed(tag, name, value) {
	if (name === "tabindex") {
		return value === "0" || value === "-1";
	}
	if (name === "type" && tag === "input") {
		return editorInputTypes.has(value);
	}
	return editorAttrs.has(name) || /^(data|aria)-[a-z][a-z0-9-]*$/.test(name);
}

// editorKids are a node's children as the tree gives them: its text first.
function editorKids(n) {
	const kids = Array.isArray(n.kids) ? n.kids : [];
	return typeof n.text === "string" && n.text !== "" && n.tag !== "textarea" ? [{ text: n.text }].concat(kids) : kids;
}

function editorKey(n) {
	return n && n.attrs && typeof n.attrs["data-key"] === "string" ? n.attrs["data-key"] : null;
}

function editorSame(dom, n) {
	if (!n.tag) {
		return dom.nodeType === Node.TEXT_NODE;
	}
	return dom.nodeType === Node.ELEMENT_NODE && dom.localName === n.tag &&
		(dom.getAttribute("data-key") || null) === editorKey(n) &&
		(n.tag !== "input" || dom.getAttribute("type") === (n.attrs && n.attrs.type));
}

// editorBuild makes the DOM of a node; null for what the allowlist drops.
function editorBuild(doc, n, depth) {
	if (n === null || typeof n !== "object" || depth > editorMaxDepth) {
		return null;
	}
	if (!n.tag) {
		return doc.createTextNode(typeof n.text === "string" ? n.text : "");
	}
	if (!editorTags.has(n.tag)) {
		return null;
	}
	const el = doc.createElement(n.tag);
	editorUpdate(doc, el, n, depth, null);
	return el;
}

// editorUpdate sets el's attributes and children to n's. keep is an element
// whose value the user is typing: it is left as it is.
function editorUpdate(doc, el, n, depth, keep) {
	const attrs = n.attrs !== null && typeof n.attrs === "object" ? n.attrs : {};
	const tag = n.tag;
	for (const a of Array.from(el.attributes)) {
		if (!(a.name in attrs) && !(tag === "details" && a.name === "open")) {
			el.removeAttribute(a.name);
		}
	}
	for (const name of Object.keys(attrs)) {
		const v = attrs[name];
		if (typeof v !== "string" || !editorAttrAllowed(tag, name, v)) {
			continue;
		}
		if (el.getAttribute(name) !== v) {
			el.setAttribute(name, v);
		}
	}
	if (tag === "button" && !("type" in attrs)) {
		el.setAttribute("type", "button");
	}
	// The properties that attributes no longer set once a user has
	// touched the field.
	if (tag === "input" || tag === "textarea") {
		if (attrs.type === "checkbox") {
			el.checked = "checked" in attrs;
		} else if (attrs.type !== "file" && el !== keep) {
			const v = typeof attrs.value === "string" ? attrs.value : "";
			if (el.value !== v) {
				el.value = v;
			}
		}
	}
	if (tag === "textarea") {
		return; // its text is its value
	}
	editorPatch(doc, el, editorKids(n), depth + 1, keep);
	if (tag === "select") {
		const chosen = editorKids(n).find((k) => k.tag === "option" && k.attrs && "selected" in k.attrs);
		const v = chosen ? chosen.attrs.value : (el.options.length ? el.options[0].value : "");
		if (el !== keep && el.value !== v) {
			el.value = v;
		}
	}
}

// editorPatch makes parent's children the nodes, reusing what matches.
function editorPatch(doc, parent, nodes, depth, keep) {
	const old = Array.from(parent.childNodes);
	let i = 0;
	for (const n of nodes) {
		const o = old[i];
		if (o && editorSame(o, n)) {
			if (!n.tag) {
				const t = typeof n.text === "string" ? n.text : "";
				if (o.nodeValue !== t) {
					o.nodeValue = t;
				}
			} else {
				editorUpdate(doc, o, n, depth, keep);
			}
			i++;
			continue;
		}
		const built = editorBuild(doc, n, depth);
		if (built === null) {
			continue;
		}
		if (o) {
			parent.insertBefore(built, o);
			// A node that no longer matches its place is dropped when
			// the rest has been laid out.
		} else {
			parent.appendChild(built);
		}
	}
	const now = Array.from(parent.childNodes);
	const wanted = new Set();
	let j = 0;
	for (const n of nodes) {
		while (j < now.length && !(editorSame(now[j], n) && !wanted.has(now[j]))) {
			j++;
		}
		if (j < now.length) {
			wanted.add(now[j]);
			j++;
		}
	}
	for (const c of now) {
		if (!wanted.has(c)) {
			parent.removeChild(c);
		}
	}
}
