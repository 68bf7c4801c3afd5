package editore2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
)

// helpers runs in every page before its scripts: functions for the tests
// to find the editor's elements in its shadow root and to use them as a
// person does, by the events a click, typing or a choice fire.
const helpers = `window.__ed = {
	host() { return document.querySelector("medborgarlofte-editor"); },
	root() { const e = this.host(); return e && e.shadowRoot; },
	q(sel) {
		const r = this.root();
		const el = r && r.querySelector(sel);
		if (!el) { throw new Error("no element " + sel); }
		return el;
	},
	has(sel) { const r = this.root(); return !!(r && r.querySelector(sel)); },
	bind(b) { return '[data-bind="' + CSS.escape(b) + '"]'; },
	act(action, arg) {
		let sel = 'button[data-action="' + CSS.escape(action) + '"]';
		if (arg !== undefined && arg !== "") { sel += '[data-arg="' + CSS.escape(arg) + '"]'; }
		this.q(sel).click();
		return true;
	},
	set(b, value) {
		const el = this.q(this.bind(b));
		el.value = value;
		el.dispatchEvent(new Event("change", { bubbles: true }));
		return true;
	},
	check(b, on) {
		const el = this.q(this.bind(b));
		if (el.checked !== on) {
			el.checked = on;
			el.dispatchEvent(new Event("change", { bubbles: true }));
		}
		return true;
	},
	ptr() { return this.q("section.entity").getAttribute("data-ptr"); },
	id() { const p = this.root().querySelector("section.entity p.id"); return p ? p.textContent.replace(/^Id: /, "") : ""; },
	binds(prefix) { return [...this.root().querySelectorAll("[data-bind]")].map((e) => e.getAttribute("data-bind")).filter((b) => b.startsWith(prefix)); },
	statuses() {
		return [...this.root().querySelectorAll(".statuses [data-id][data-status]")].map((e) => ({ id: e.getAttribute("data-id"), status: e.getAttribute("data-status") }));
	},
	// meta returns the bind of the follow-up screen's field for the
	// report's value whose key begins with key.
	meta(key) {
		for (const l of this.root().querySelectorAll("fieldset.meta label")) {
			if (l.textContent.startsWith(key)) { return this.root().getElementById(l.getAttribute("for")).getAttribute("data-bind"); }
		}
		throw new Error("no field " + key);
	},
	// cell returns the bind of the follow-up cell of the row of activity
	// (by its text's beginning) and target number n (1 is the first; 0 the
	// row without target), in the column whose header begins with column.
	cell(activity, n, column) {
		const heads = [...this.root().querySelectorAll("table.rows thead th")];
		const col = heads.findIndex((h) => h.textContent.startsWith(column));
		if (col < 0) { throw new Error("no column " + column); }
		let seen = 0;
		for (const tr of this.root().querySelectorAll("table.rows tbody tr")) {
			const th = tr.querySelector("th");
			if (!th.textContent.startsWith(activity)) { continue; }
			seen++;
			const target = tr.children[1].textContent;
			if ((n === 0 && target.startsWith("(")) || (n > 0 && seen === n && !target.startsWith("("))) {
				const field = tr.children[col].querySelector("[data-bind]");
				if (!field) { throw new Error("no field in column " + column); }
				return field.getAttribute("data-bind");
			}
		}
		throw new Error("no row " + activity + " " + n);
	},
	// kindOf returns the kind of the field bound to the value at ptr
	// ("text", "enum", "date", "str", "num", "ref", "refs" …), or "".
	kindOf(ptr) {
		for (const e of this.root().querySelectorAll("[data-bind]")) {
			const b = e.getAttribute("data-bind");
			const i = b.indexOf(":");
			if (b.slice(i + 1).split("|")[0] === ptr) { return b.slice(0, i); }
		}
		return "";
	},
	// rowCell returns the bind of the follow-up cell of the nth activity
	// (0 is the first) and its target number n (1 is the first; 0 the row
	// without target), in the column whose header begins with column.
	rowCell(activity, n, column) {
		const heads = [...this.root().querySelectorAll("table.rows thead th")];
		const col = heads.findIndex((h) => h.textContent.startsWith(column));
		if (col < 0) { throw new Error("no column " + column); }
		for (const tr of this.activityRows(activity).rows) {
			const target = tr.children[1].textContent;
			const i = this.activityRows(activity).rows.indexOf(tr);
			if ((n === 0 && target.startsWith("(")) || (n > 0 && i === n - 1 && !target.startsWith("("))) {
				return tr.children[col].querySelector("[data-bind]").getAttribute("data-bind");
			}
		}
		throw new Error("no row " + activity + " " + n);
	},
	activityRows(activity) {
		const groups = [];
		let last = null;
		for (const tr of this.root().querySelectorAll("table.rows tbody tr")) {
			const text = tr.querySelector("th").childNodes[0].textContent;
			if (text !== last) { groups.push([]); last = text; }
			groups[groups.length - 1].push(tr);
		}
		return { rows: groups[activity] };
	},
	addUntargeted(activity) {
		this.activityRows(activity).rows[0].querySelector('button[data-action="fu-untargeted"]').click();
		return true;
	},
	focused() {
		const a = this.root().activeElement;
		if (!a) { return ""; }
		return a.localName + "|" + (a.getAttribute("data-action") || "") + "|" + (a.getAttribute("data-arg") || a.getAttribute("data-bind") || a.id || "") + "|" + (a.textContent || "").trim().slice(0, 40);
	},
};`

// tab is a headless Chromium with one tab at the editor, recording what
// the page says and where downloads go.
type tab struct {
	t         *testing.T
	ctx       context.Context
	downloads string

	mu      sync.Mutex
	console []string
}

// newTab starts a browser with the profile in dir ("" is a fresh one).
func newTab(t *testing.T, dir string) *tab {
	t.Helper()
	ctx, cancel, err := browser.New(testContext(t, 10*time.Minute), browser.Options{UserDataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	b := &tab{t: t, ctx: ctx, downloads: t.TempDir()}
	err = chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			b.console = append(b.console, string(ev.Type)+": "+browser.ConsoleText(ev))
		case *runtime.EventExceptionThrown:
			b.console = append(b.console, "exception: "+ev.ExceptionDetails.Text+" "+browser.RemoteText(ev.ExceptionDetails.Exception))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.timeout(10*time.Second), page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: helpers}); err != nil {
		t.Fatal(err)
	}
	on := true
	if _, err := chromedp.CallBrowser(b.timeout(10*time.Second), cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: b.downloads, EventsEnabled: &on,
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			b.mu.Lock()
			defer b.mu.Unlock()
			for _, l := range b.console {
				t.Log("console:", l)
			}
		}
	})
	return b
}

func (b *tab) timeout(d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(b.ctx, d)
	b.t.Cleanup(cancel)
	return ctx
}

// open loads /redigera and waits until the editor is ready.
func (b *tab) open() {
	b.t.Helper()
	if err := chromedp.Do(b.timeout(60*time.Second), chromedp.Navigate(baseURL+"/redigera")); err != nil {
		b.t.Fatalf("open /redigera: %v", err)
	}
	b.waitFor(`__ed.host() && __ed.host().getAttribute("data-state") === "ready" && __ed.has("main")`, 90*time.Second)
}

// eval evaluates expr in the page, awaiting a promise, and decodes the
// result into T.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.timeout(60*time.Second), chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", short(expr), err)
	}
	return v
}

func short(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

// waitFor polls expr until it is true.
func (b *tab) waitFor(expr string, d time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(d)
	for {
		v, err := chromedp.Run(b.timeout(30*time.Second), chromedp.Evaluate[bool]("(() => { try { return !!("+expr+"); } catch { return false; } })()"))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			state, _ := chromedp.Run(b.timeout(10*time.Second), chromedp.Evaluate[string](`(() => { try { const r = __ed.root(); return "notice: " + r.querySelector(".notice").textContent + " | main: " + r.querySelector("main").textContent.slice(0, 600); } catch (e) { return String(e); } })()`))
			b.t.Fatalf("waited %s for %s (%v); the editor shows %s", d, short(expr), err, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (b *tab) act(action, arg string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf("__ed.act(%s, %s)", js(action), js(arg)))
}

func (b *tab) set(bind, value string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf("__ed.set(%s, %s)", js(bind), js(value)))
}

func (b *tab) check(bind string, on bool) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf("__ed.check(%s, %v)", js(bind), on))
}

// ptr is the pointer of the entity the edit screen shows; id its id.
func (b *tab) ptr() string { b.t.Helper(); return eval[string](b, "__ed.ptr()") }
func (b *tab) id() string  { b.t.Helper(); return eval[string](b, "__ed.id()") }

// attr returns an attribute of the editor element.
func (b *tab) attr(name string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`__ed.host().getAttribute(%s) || ""`, js(name)))
}

// shadow returns a chromedp selector of an element in the editor's shadow
// root, for real key events and file uploads.
func shadow(css string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`document.querySelector("medborgarlofte-editor").shadowRoot.querySelector(%s)`, js(css)))
}

// upload gives the file input of the editor (by its id) a file.
func (b *tab) upload(inputID, path string) {
	b.t.Helper()
	if err := chromedp.Do(b.timeout(30*time.Second), chromedp.SetUploadFiles(shadow("#"+inputID), []string{path})); err != nil {
		b.t.Fatalf("upload %s: %v", path, err)
	}
}

// download clicks the button of a download and returns the file.
func (b *tab) download(action, arg, name string) []byte {
	b.t.Helper()
	path := filepath.Join(b.downloads, name)
	os.Remove(path)
	b.act(action, arg)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(b.downloads)
			b.t.Fatalf("no download %s within 30 s (have %v)", name, entries)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// command runs a built command and returns its output and exit status.
func command(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), 0
}

// save writes data to a file in a test's temporary directory.
func save(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// reportStatuses runs the report command and returns the status of each
// citizen promise, promise and activity by id.
func reportStatuses(t *testing.T, at string, files ...string) map[string]string {
	t.Helper()
	out, code := command(t, report, append([]string{"-at", at, "-format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, out)
	}
	var ev struct {
		CitizenPromises []struct {
			ID         string `json:"id"`
			Status     string `json:"status"`
			Promises   []struct{ ID, Status string }
			Activities []struct{ ID, Status string }
		} `json:"citizenPromises"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("report: %v: %s", err, short(out))
	}
	m := map[string]string{}
	for _, cp := range ev.CitizenPromises {
		m[cp.ID] = cp.Status
		for _, p := range cp.Promises {
			m[p.ID] = p.Status
		}
		for _, a := range cp.Activities {
			m[a.ID] = a.Status
		}
	}
	return m
}

// previewStatuses returns the preview's status of each citizen promise,
// promise and activity by id, at a date.
func (b *tab) previewStatuses(at string) map[string]string {
	b.t.Helper()
	b.act("screen", "preview")
	b.set("at:", at)
	b.act("preview-at", "")
	b.waitFor(fmt.Sprintf(`__ed.q(".statuses").getAttribute("data-at") === %s`, js(at)), 30*time.Second)
	list := eval[[]struct{ ID, Status string }](b, "__ed.statuses()")
	m := map[string]string{}
	for _, s := range list {
		m[s.ID] = s.Status
	}
	return m
}

func (b *tab) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range b.console {
		if strings.HasPrefix(l, "error") || strings.HasPrefix(l, "exception") {
			out = append(out, l)
		}
	}
	return out
}
