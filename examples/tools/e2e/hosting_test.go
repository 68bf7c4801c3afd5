package e2e

import (
	"net/url"
	"strings"
	"testing"
)

// TestDataWASM: a CMS that serves each upload under a URL of its own: the
// page names the wasm with data-wasm, on the script or on the widgets,
// and the widget loads it from there, once, and from nowhere else.
func TestDataWASM(t *testing.T) {
	for _, on := range []string{"script", "element"} {
		t.Run(on, func(t *testing.T) {
			b := newTab(t, "")
			b.open("/?wasm=" + on)
			b.waitStates(2, "ready")
			uploads, hashed := 0, 0
			for _, u := range b.requestURLs() {
				switch {
				case strings.HasSuffix(u, "/upload/4711/widget.wasm"):
					uploads++
				case isWidgetWASM(u):
					hashed++
				}
			}
			if uploads != 1 || hashed != 0 {
				t.Errorf("the wasm of data-wasm requested %d times and the default one %d times, want once and never", uploads, hashed)
			}
			for _, l := range b.consoleLines() {
				t.Errorf("console: %s", l)
			}
			b.checkOneHost()
		})
	}
}

// TestOtherBuild: a widget.wasm of another build than widget.js (a
// forgotten upload, a cache) is refused: the fallback link stays and the
// console says to upload both files of one build.
func TestOtherBuild(t *testing.T) {
	b := newTab(t, "")
	b.open("/?wasm=other")
	b.waitStates(2, "error")
	for i := range 2 {
		if !inWidget[bool](b, i, `return w.host.querySelector("a").checkVisibility()`) {
			t.Errorf("widget %d: the fallback link is not visible", i)
		}
	}
	said := 0
	for _, l := range b.consoleLines() {
		if strings.HasPrefix(l, "error: medborgarlofte-status:") && strings.Contains(l, "different builds") && strings.Contains(l, "data-wasm") {
			said++
		}
	}
	if said != 1 {
		t.Errorf("the console says why %d times, want once: %q", said, b.consoleLines())
	}
}

// TestWarmWASMFromCache: the content-addressed wasm is cached for a year:
// the second visit takes it from the browser's cache without a request
// to the server, which lets the browser reuse its compiled code.
func TestWarmWASMFromCache(t *testing.T) {
	b := newTab(t, t.TempDir())
	b.open("/")
	b.waitStates(2, "ready")
	b.open("/")
	b.waitStates(2, "ready")
	sizes := eval[[]int](b, `performance.getEntriesByType("resource").filter((e) => /\/widget\.[0-9a-f]{16}\.wasm$/.test(e.name)).map((e) => e.transferSize)`)
	if len(sizes) != 1 || sizes[0] != 0 {
		t.Errorf("widget.wasm transferred %v bytes on the second visit, want [0] (from the cache)", sizes)
	}
}

// TestUncompressed: from a server that does not compress, the widget works
// as from one that does.
func TestUncompressed(t *testing.T) {
	b := newTab(t, "")
	b.open("/?compress=off")
	b.waitStates(2, "ready")
	enc := eval[[]int](b, `performance.getEntriesByType("resource").filter((e) => /\/widget\.[0-9a-f]{16}\.wasm$/.test(e.name)).map((e) => e.encodedBodySize - e.decodedBodySize)`)
	if len(enc) != 1 || enc[0] != 0 {
		t.Errorf("widget.wasm came compressed (encoded - decoded bytes: %v)", enc)
	}
	b.open("/") // clears the cookie for the tests after
}

// TestCrossHostCSP: data on another host under the README's strict CSP,
// which has no connect-src: the browser blocks the fetch, and the widget
// says, in the reader's language and in the console, which address to add
// to connect-src. With the README's recipe (connect-src naming the host)
// the same data shows.
func TestCrossHostCSP(t *testing.T) {
	b := newTab(t, "")
	b.open("/?src=cross")
	b.waitStates(2, "error")
	base, _ := url.Parse(baseURL)
	other := "http://localhost:" + base.Port()
	for i := range 2 {
		text := inWidget[string](b, i, `return w.textContent`)
		if !strings.Contains(text, "Content-Security-Policy") || !strings.Contains(text, "connect-src 'self' "+other) {
			t.Errorf("widget %d says %q, want what to add to connect-src", i, text)
		}
		if strings.Contains(text, "Failed to fetch") {
			t.Errorf("widget %d shows the browser's message: %q", i, text)
		}
	}
	found := false
	for _, l := range b.consoleLines() {
		found = found || strings.HasPrefix(l, "error: medborgarlofte-status:") && strings.Contains(l, "connect-src 'self' "+other)
	}
	if !found {
		t.Errorf("the console does not say what to add to connect-src: %q", b.consoleLines())
	}

	b.open("/?src=cross&csp=cross")
	b.waitStates(2, "ready")
	if v := eval[[]string](b, `__e2e.violations`); len(v) > 0 {
		t.Errorf("CSP violations with connect-src: %v", v)
	}
}

// TestMistakesInReadersLanguage: a file with a misspelt property and one
// with a date written 2019-2-8 are refused, never shown, with a short
// message in the reader's language (no developer's English), the
// problems behind a disclosure, and the details with line, column and
// pointer in the console.
func TestMistakesInReadersLanguage(t *testing.T) {
	for _, tc := range []struct {
		path, says string
		problems   [2]string
	}{
		{"/?data=mistakes", "följer inte formatet för medborgarlöften", [2]string{`"sumary" ingår inte i formatet`, `"2019-2-8" är inte ett datum`}},
		{"/?data=mistakes&lang=en", "does not follow the format of citizen promises", [2]string{`"sumary" is not part of the format`, `"2019-2-8" is not a date`}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			b := newTab(t, "")
			b.open(tc.path)
			b.waitStates(2, "error")
			for i := range 2 {
				text := inWidget[string](b, i, `return w.textContent`)
				if !strings.Contains(text, tc.says) || !strings.Contains(text, tc.problems[i]) {
					t.Errorf("widget %d says %q, want %q and %q", i, text, tc.says, tc.problems[i])
				}
				for _, dev := range []string{"promise:", "json:", "strict:", "YYYY-MM-DD\" is not"} {
					if strings.Contains(text, dev) {
						t.Errorf("widget %d shows the developer's %q: %q", i, dev, text)
					}
				}
				if n := inWidget[int](b, i, `return w.querySelectorAll("[data-id]").length`); n != 0 {
					t.Errorf("widget %d shows %d elements of the refused data", i, n)
				}
				if open := inWidget[bool](b, i, `return w.querySelector("details").open`); open {
					t.Errorf("widget %d: the problems are not behind a closed disclosure", i)
				}
			}
			for i, want := range tc.problems {
				found := false
				for _, l := range b.consoleLines() {
					found = found || strings.HasPrefix(l, "error: medborgarlofte-status:") && strings.Contains(l, want) && strings.Contains(l, "/document/citizenPromises/0/")
				}
				if !found {
					t.Errorf("the console lacks problem %d, %q with its pointer: %q", i, want, b.consoleLines())
				}
			}
			b.checkOneHost()
		})
	}
}
