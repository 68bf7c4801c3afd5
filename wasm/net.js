// net.js fetches the data a widget shows. The build bundles it inside
// widget.js's closure, where the loader starts each widget's fetch as soon
// as the element is on the page, while widget.wasm still downloads and
// compiles, and hands Go the result (view.fetch, wasm/doc.go);
// cmd/wasmtest loads it as a plain script, where its top-level functions
// are globals that the wasm package's tests call.
//
// The fetch asks only for src, follows no redirect, reads at most a limit
// of bytes, and never rejects: it resolves to
//
//	{status, etag, lastModified, body: Uint8Array | null, error: null | {kind, message, csp, origin}}
//
// kind being "network" (no answer: offline, DNS, CORS, the page's CSP, an
// abort), "redirect", "too-large" or "http" (an answer other than 200 or
// 304). csp is true when the page's Content-Security-Policy blocked the
// request (connect-src); origin is the data's origin.

const medborgarlofteDataLimit = 2 << 20;

// The origins whose requests the page's CSP blocked, from the browser's
// securitypolicyviolation events.
const medborgarlofteBlocked = new Set();
if (typeof document !== "undefined") {
	document.addEventListener("securitypolicyviolation", (e) => {
		if (/^(connect-src|default-src)/.test(e.effectiveDirective || e.violatedDirective || "")) {
			try {
				medborgarlofteBlocked.add(new URL(e.blockedURI).origin);
			} catch {
				// "inline", "eval" and the like: not a fetch
			}
		}
	});
}

// medborgarlofteFetch fetches url; opts may hold etag and lastModified
// (for a conditional request, same origin only), sameOrigin, limit (bytes,
// default 2 MiB) and timeout (ms, default 30 s).
async function medborgarlofteFetch(url, opts) {
	opts = opts || {};
	const limit = opts.limit > 0 ? opts.limit : medborgarlofteDataLimit;
	const out = { status: 0, etag: "", lastModified: "", body: null, error: null };
	let origin = "";
	try {
		origin = new URL(url).origin;
	} catch {
		// a blob: or a malformed URL: fetch says what is wrong with it
	}
	const fail = (kind, message, csp) => {
		out.error = { kind, message: String(message), csp: !!csp, origin };
		return out;
	};
	const headers = new Headers({ Accept: "application/json" });
	const init = { credentials: "same-origin", redirect: "manual", headers };
	if (opts.sameOrigin) {
		if (opts.etag) {
			headers.set("If-None-Match", opts.etag);
		}
		if (opts.lastModified) {
			headers.set("If-Modified-Since", opts.lastModified);
		}
	} else {
		// Conditional headers would need a CORS preflight on another
		// origin: the browser's HTTP cache revalidates instead.
		init.mode = "cors";
		if (opts.etag || opts.lastModified) {
			init.cache = "no-cache";
		}
	}
	if (typeof AbortSignal !== "undefined" && AbortSignal.timeout) {
		init.signal = AbortSignal.timeout(opts.timeout > 0 ? opts.timeout : 30000);
	}
	let res;
	try {
		res = await fetch(url, init);
	} catch (err) {
		// The violation event may follow the failure: give it a moment.
		await new Promise((resolve) => setTimeout(resolve, 50));
		const name = err && err.name ? err.name + ": " : "";
		return fail("network", name + (err && err.message ? err.message : err), origin !== "" && medborgarlofteBlocked.has(origin));
	}
	if (res.type === "opaqueredirect") {
		return fail("redirect", "the address redirects elsewhere");
	}
	out.status = res.status;
	out.etag = res.headers.get("ETag") || "";
	out.lastModified = res.headers.get("Last-Modified") || "";
	if (res.status === 304) {
		return out;
	}
	if (res.status !== 200) {
		return fail("http", "HTTP " + res.status);
	}
	// Content-Length counts encoded bytes: over the limit fails at once,
	// under it the stream below is the real check.
	const length = Number(res.headers.get("Content-Length"));
	if (length > limit) {
		return fail("too-large", length + " bytes");
	}
	try {
		const chunks = [];
		let size = 0;
		if (res.body) {
			const reader = res.body.getReader();
			for (;;) {
				const { done, value } = await reader.read();
				if (done) {
					break;
				}
				size += value.length;
				if (size > limit) {
					reader.cancel();
					return fail("too-large", "more than " + limit + " bytes");
				}
				chunks.push(value);
			}
		}
		const body = new Uint8Array(size);
		let at = 0;
		for (const c of chunks) {
			body.set(c, at);
			at += c.length;
		}
		out.body = body;
	} catch (err) {
		return fail("network", err && err.message ? err.message : err);
	}
	return out;
}
