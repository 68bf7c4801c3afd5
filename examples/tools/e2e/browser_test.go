package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
)

// probe runs in every page before its scripts: it records each widget's
// state changes and every CSP violation. (CDP's scripts are not subject to
// the page's CSP.)
const probe = `window.__e2e = {states: [], violations: []};
document.addEventListener("medborgarlofte-statechange", (e) => {
	const all = [...document.querySelectorAll("medborgarlofte-status, div[data-medborgarlofte-status]")];
	__e2e.states.push({i: all.indexOf(e.target), state: e.detail.state});
});
document.addEventListener("securitypolicyviolation", (e) => {
	__e2e.violations.push(e.violatedDirective + " " + e.blockedURI);
});`

// widgets selects every widget of a page, in document order.
const widgets = `[...document.querySelectorAll("medborgarlofte-status, div[data-medborgarlofte-status]")]`

// tab is a headless Chromium with one tab, recording what the page says
// and requests.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu        sync.Mutex
	console   []string
	requests  []string
	responses map[string][]int64 // URL → statuses
}

// newTab starts a browser with the profile in dir ("" is a fresh one).
func newTab(t *testing.T, dir string) *tab {
	t.Helper()
	ctx, cancel, err := browser.New(testContext(t, 3*time.Minute), browser.Options{UserDataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	b := &tab{t: t, ctx: ctx, responses: map[string][]int64{}}
	err = chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			b.console = append(b.console, string(ev.Type)+": "+browser.ConsoleText(ev))
		case *runtime.EventExceptionThrown:
			b.console = append(b.console, "exception: "+ev.ExceptionDetails.Text+" "+browser.RemoteText(ev.ExceptionDetails.Exception))
		case *log.EventEntryAdded:
			b.console = append(b.console, "log "+string(ev.Entry.Level)+": "+ev.Entry.Text)
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		case *network.EventResponseReceived:
			b.responses[ev.Response.URL] = append(b.responses[ev.Response.URL], ev.Response.Status)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.timeout(10*time.Second), page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		t.Fatal(err)
	}
	return b
}

// timeout returns the tab's context with a deadline, for one action.
func (b *tab) timeout(d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(b.ctx, d)
	b.t.Cleanup(cancel)
	return ctx
}

// open loads a page of the demo.
func (b *tab) open(path string) {
	b.t.Helper()
	if err := chromedp.Do(b.timeout(30*time.Second), chromedp.Navigate(baseURL+path)); err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
}

// eval evaluates expr in the page, awaiting a promise, and decodes the
// result into T.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.timeout(30*time.Second), chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", short(expr), err)
	}
	return v
}

func short(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// states returns the data-state of each widget.
func (b *tab) states() []string {
	b.t.Helper()
	return eval[[]string](b, widgets+`.map((w) => w.getAttribute("data-state") || "")`)
}

// waitStates waits until there are n widgets and each is in one of the
// states, and returns their states.
func (b *tab) waitStates(n int, want ...string) []string {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := b.states()
		ok := len(got) == n
		for _, s := range got {
			ok = ok && contains(want, s)
		}
		if ok {
			return got
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("widgets in states %v, want %d in %v; console:\n%s", got, n, want, strings.Join(b.consoleLines(), "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor polls cond until it holds, for at most 30 s.
func (b *tab) waitFor(what string, cond func() bool) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			b.t.Fatalf("timed out waiting for %s; console:\n%s", what, strings.Join(b.consoleLines(), "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (b *tab) consoleLines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.console...)
}

func (b *tab) requestURLs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

func (b *tab) statuses(u string) []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]int64(nil), b.responses[u]...)
}

// stateLog returns the recorded state changes of widget i.
func (b *tab) stateLog(i int) []string {
	b.t.Helper()
	return eval[[]string](b, fmt.Sprintf(`__e2e.states.filter((s) => s.i === %d).map((s) => s.state)`, i))
}

// inWidget evaluates a function body with w bound to the shadow root of
// widget i.
func inWidget[T any](b *tab, i int, body string) T {
	b.t.Helper()
	return eval[T](b, fmt.Sprintf(`((w) => { %s })(%s[%d].shadowRoot)`, body, widgets, i))
}

// failData makes every request to /data/ fail as if the network were down,
// until the returned func is called.
func (b *tab) failData() (stop func()) {
	b.t.Helper()
	ctx, cancel := context.WithCancel(b.ctx)
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonInternetDisconnected})
		}
	}()
	_, err := chromedp.Call(b.timeout(10*time.Second), fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/data/*"}}})
	if err != nil {
		b.t.Fatal(err)
	}
	return func() {
		if _, err := chromedp.Call(b.timeout(10*time.Second), fetch.Disable, cdp.Empty{}); err != nil {
			b.t.Error(err)
		}
		cancel()
	}
}

// checkOneHost checks that every request went to the demo server.
func (b *tab) checkOneHost() {
	b.t.Helper()
	base, _ := url.Parse(baseURL)
	for _, r := range b.requestURLs() {
		u, err := url.Parse(r)
		if err != nil || u.Host != base.Host {
			b.t.Errorf("a request left for another host: %s", r)
		}
	}
}

// axeSource returns axe-core's script, installed by make node.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE")
	if path == "" {
		path = root + "/examples/tools/node/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core: %v (install it with make node)", err)
	}
	return string(b)
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v axeViolation) String() string {
	b, _ := json.Marshal(v)
	return string(b)
}
