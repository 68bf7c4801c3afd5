// Command loadtime measures how long the status widget takes, in headless
// Chromium, from the start of navigation until every widget on the page
// shows data (data-state ready), next to a plain-JS floor widget that
// fetches the same JSON from the same server and draws one element per
// object with no validation and no evaluation (internal/site/floor.js,
// never shipped). It prints the median of n interleaved runs of each:
//
//   - cold: a fresh browser profile each run (started half a second
//     before): nothing cached;
//   - warm: one profile per page, visited once first for five seconds (as
//     a visitor reads a page), then visited again for each run: the HTTP
//     cache is warm, and the browser may reuse compiled WebAssembly;
//
// for a page of 1 and of 10 instances, on the desktop profile (no
// throttling) and the phone profile (Chromium's CPU throttling 4×, the
// network at 9 Mbps down, 1.5 Mbps up and 60 ms round trip), with the
// ratios the goals are set in: widget / floor, and 10 instances / 1.
//
// Usage, from the repository root:
//
//	go -C examples/tools run ./cmd/loadtime [-n 7] [-profile desktop,phone] [-compress=false] [-widget DIR] [-before DIR [-before-data DIR] | -gofloor] [-js-flags FLAGS] [-v]
//
// Without -widget it builds the widget into a temporary directory first.
// -before adds another build of the widget (a directory of
// cmd/buildwidget's files, of an older commit) to the interleaved runs, to
// measure a change before and after in one loop; -before-data gives it
// the bundles of its own format version when the format changed since.
// -gofloor measures, in the place of -before, the Go floor: a Go program
// built and loaded as the widget is that does only what the plain-JS
// floor does (internal/gofloor), which is what the Go runtime in
// WebAssembly costs before the widget does anything; the last column is
// then its ratio to the plain-JS floor.
// -js-flags passes flags to Chromium's JavaScript engine, V8: with
// --no-wasm-lazy-compilation it compiles every function of a wasm before
// the wasm runs, where by default it compiles each at its first call.
// -compress=false serves every file uncompressed, as a server without
// compression would. -v prints, for each widget run of one instance, when
// widget.js, the wasm and the data arrived (start, end, bytes), and when
// the widget marked its steps: boot (the loader asked for the runtime),
// compiled (the wasm compiled and instantiated), main (Go's main began),
// started (the API received), fetched (Go has the data), decoded
// (decoded and validated) and rendered (the first widget's tree built).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/site"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

// probe records, in ms since the start of navigation, when every element
// marked data-loadtime first shows data (ready or stale), once the parser
// has seen them all.
const probe = `window.__loadtime = {done: 0};
(() => {
	let last = 0; // when a widget last became ready
	const check = () => {
		const all = [...document.querySelectorAll("[data-loadtime]")];
		if (!__loadtime.done && document.readyState !== "loading" && all.length > 0 &&
			all.every((w) => ["ready", "stale"].includes(w.getAttribute("data-state")))) {
			__loadtime.done = last || performance.now();
		}
	};
	document.addEventListener("medborgarlofte-statechange", (e) => {
		if (["ready", "stale"].includes(e.detail.state)) {
			last = performance.now();
		}
		check();
	});
	// Widgets may all be ready before the parser has seen the whole page.
	document.addEventListener("DOMContentLoaded", check);
})();`

// timings returns, for -v, when the widget's files and the data arrived,
// and the steps the widget marked (medborgarlofte:NAME): boot (the runtime
// asked for), compiled, main (Go's main began), started (the API
// received), fetched, decoded, rendered (the first widget's tree built).
const timings = `(() => {
	const out = {};
	for (const e of performance.getEntriesByType("resource")) {
		const name = e.name.includes("/data/") ? "data" : e.name.endsWith(".wasm") ? "wasm" : e.name.endsWith("widget.js") ? "js" : "";
		if (name && !(name in out)) {
			out[name] = [Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize];
		}
	}
	for (const e of performance.getEntriesByType("mark")) {
		const name = e.name.replace("medborgarlofte:", "");
		if (e.name.startsWith("medborgarlofte:") && !(name in out)) {
			out[name] = Math.round(e.startTime);
		}
	}
	return JSON.stringify(out);
})()`

// profile is a set of browser conditions.
type profile struct {
	name string
	// cpu is the CPU slowdown factor; 0 or 1 is none.
	cpu float64
	// latency in ms and throughput in bytes per second; 0 is none.
	latency, down, up float64
}

var profiles = map[string]profile{
	"desktop": {name: "desktop"},
	"phone":   {name: "phone", cpu: 4, latency: 60, down: 9e6 / 8, up: 1.5e6 / 8},
}

// page is one of the pages measured.
type pageKind struct {
	kind string // "widget" or "floor"
	n    int
}

var pages = []pageKind{{"widget", 1}, {"floor", 1}, {"widget", 10}, {"floor", 10}}

// beforePages are measured too with -before.
var beforePages = []pageKind{{"before", 1}, {"before", 10}}

func main() {
	n := flag.Int("n", 7, "runs of each measurement (at least 7 for the goals)")
	names := flag.String("profile", "desktop,phone", "the profiles to measure: desktop, phone or both")
	compress := flag.Bool("compress", true, "serve pre-compressed files (false: a server without compression)")
	widget := flag.String("widget", "", "a built widget directory (default: build one)")
	before := flag.String("before", "", "another built widget directory to measure in the same runs")
	beforeData := flag.String("before-data", "", "the bundles -before's pages show (for a build of an older format; default the same data)")
	flag.StringVar(&jsFlags, "js-flags", "", "flags for Chromium's V8, to see what the engine's choices cost (--no-wasm-lazy-compilation: compile the whole wasm before it runs)")
	gofloor := flag.Bool("gofloor", false, "measure the Go floor (internal/gofloor: a Go program that does what the JS floor does) in the place of -before")
	verbose := flag.Bool("v", false, "print when the widget's files and the data arrived in each run of one widget")
	flag.Parse()
	if *gofloor && (*before != "" || *beforeData != "") {
		fmt.Fprintln(os.Stderr, "loadtime: -gofloor and -before (-before-data) measure in the same place; give one")
		os.Exit(2)
	}
	if *gofloor {
		beforeLabel = "go floor"
	}
	if err := run(*n, *names, *compress, *widget, *before, *beforeData, *gofloor, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "loadtime:", err)
		os.Exit(1)
	}
}

// jsFlags are -js-flags: V8's flags for every browser started.
var jsFlags string

// beforeLabel names the -before column: "before", or "go floor".
var beforeLabel = "before"

func run(n int, names string, compress bool, widget, before, beforeData string, gofloor, verbose bool) error {
	var profs []profile
	for _, name := range strings.Split(names, ",") {
		p, ok := profiles[strings.TrimSpace(name)]
		if !ok {
			return fmt.Errorf("unknown profile %q: use desktop, phone or both", name)
		}
		profs = append(profs, p)
	}
	root, err := widgetbuild.FindRoot(".")
	if err != nil {
		return err
	}
	if widget == "" {
		dir, err := os.MkdirTemp("", "loadtime-widget-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		res, err := widgetbuild.Build(context.Background(), widgetbuild.Options{Root: root, Out: dir})
		if err != nil {
			return err
		}
		fmt.Printf("widget.wasm: %d bytes, %d gzip, %d brotli\n", res.WASM.Raw, res.WASM.Gzip, res.WASM.Brotli)
		widget = dir
	}
	if gofloor {
		dir, err := os.MkdirTemp("", "loadtime-gofloor-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		res, err := widgetbuild.Build(context.Background(), widgetbuild.Options{Root: root, Out: dir, Main: filepath.Join(root, "examples", "tools", "internal", "gofloor")})
		if err != nil {
			return err
		}
		fmt.Printf("the Go floor's wasm: %d bytes, %d gzip, %d brotli\n", res.WASM.Raw, res.WASM.Gzip, res.WASM.Brotli)
		before = dir
	}
	opts := site.Options{Widget: widget, Before: before, BeforeName: beforeLabel, BeforeData: beforeData, Data: filepath.Join(root, "examples", "data", "bundles"), Compress: compress}
	srv, err := site.Start(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	measured := pages
	if before != "" {
		measured = append(slices.Clone(pages), beforePages...)
	}
	fmt.Printf("navigation start → every widget ready, ms, median of %d interleaved runs (min–max); %s\n", n, opts)
	if jsFlags != "" {
		fmt.Printf("V8's flags: %s\n", jsFlags)
	}
	fmt.Println("ratio: widget / floor (goals: cold ≤ 2×, warm ≤ 1.5×); 10 instances / 1 (goal ≤ 1.2×); phone: cold ≤ 2500 ms, warm ≤ 1200 ms")
	for _, p := range profs {
		if err := measure(srv, p, measured, n, verbose); err != nil {
			return err
		}
	}
	return nil
}

// measure runs the interleaved loop of one profile and prints its table.
func measure(srv *site.Server, p profile, pages []pageKind, n int, verbose bool) error {
	cold := map[pageKind][]float64{}
	warm := map[pageKind][]float64{}
	// One browser per page for the warm runs, each visited once first.
	warmTabs := map[pageKind]context.Context{}
	for _, pg := range pages {
		dir, err := os.MkdirTemp("", "loadtime-profile-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		ctx, cancel, err := newTab(dir, p)
		if err != nil {
			return err
		}
		defer cancel()
		if _, _, err := load(ctx, srv.PageURL(pg.kind, pg.n), p, false, 5*time.Second); err != nil {
			return err
		}
		warmTabs[pg] = ctx
	}
	for i := range n {
		order := slices.Clone(pages)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, pg := range order {
			ms, info, err := coldLoad(srv.PageURL(pg.kind, pg.n), p, verbose && pg.kind == "widget" && pg.n == 1)
			if err != nil {
				return err
			}
			cold[pg] = append(cold[pg], ms)
			if info != "" {
				fmt.Printf("  %s cold run %d: ready %4.0f ms; %s\n", p.name, i+1, ms, info)
			}
		}
		for _, pg := range order {
			ms, info, err := load(warmTabs[pg], srv.PageURL(pg.kind, pg.n), p, verbose && pg.kind == "widget" && pg.n == 1, 0)
			if err != nil {
				return err
			}
			warm[pg] = append(warm[pg], ms)
			if info != "" {
				fmt.Printf("  %s warm run %d: ready %4.0f ms; %s\n", p.name, i+1, ms, info)
			}
		}
	}
	desc := "no throttling"
	if p.cpu > 1 {
		desc = fmt.Sprintf("CPU %g× slower, %g Mbps down, %g Mbps up, %g ms round trip", p.cpu, p.down*8/1e6, p.up*8/1e6, p.latency)
	}
	fmt.Printf("\n%s profile (%s)\n", p.name, desc)
	withBefore := len(cold[pageKind{"before", 1}]) > 0
	if withBefore {
		fmt.Printf("%-10s %-5s %22s %22s %22s %14s %14s\n", "instances", "load", "widget", beforeLabel, "floor", "widget/floor", strings.ReplaceAll(beforeLabel, " ", "")+"/floor")
	} else {
		fmt.Printf("%-10s %-5s %22s %22s %14s\n", "instances", "load", "widget", "floor", "widget/floor")
	}
	for _, pg := range []int{1, 10} {
		for _, l := range []struct {
			name string
			m    map[pageKind][]float64
		}{{"cold", cold}, {"warm", warm}} {
			w, f := l.m[pageKind{"widget", pg}], l.m[pageKind{"floor", pg}]
			if withBefore {
				b := l.m[pageKind{"before", pg}]
				fmt.Printf("%-10d %-5s %22s %22s %22s %13.2f× %13.2f×\n", pg, l.name, summary(w), summary(b), summary(f), median(w)/median(f), median(b)/median(f))
				continue
			}
			fmt.Printf("%-10d %-5s %22s %22s %13.2f×\n", pg, l.name, summary(w), summary(f), median(w)/median(f))
		}
	}
	for _, l := range []struct {
		name string
		m    map[pageKind][]float64
	}{{"cold", cold}, {"warm", warm}} {
		fmt.Printf("10 instances / 1, %s: widget %.2f×, floor %.2f×", l.name,
			median(l.m[pageKind{"widget", 10}])/median(l.m[pageKind{"widget", 1}]),
			median(l.m[pageKind{"floor", 10}])/median(l.m[pageKind{"floor", 1}]))
		if withBefore {
			fmt.Printf(", %s %.2f×", beforeLabel, median(l.m[pageKind{"before", 10}])/median(l.m[pageKind{"before", 1}]))
		}
		fmt.Println()
	}
	fmt.Println()
	return nil
}

// coldLoad loads url in a new browser with a fresh profile.
func coldLoad(url string, p profile, verbose bool) (float64, string, error) {
	ctx, cancel, err := newTab("", p)
	if err != nil {
		return 0, "", err
	}
	defer cancel()
	// A visitor's browser is already running: let this one settle after
	// its start before the page is measured.
	time.Sleep(500 * time.Millisecond)
	return load(ctx, url, p, verbose, 0)
}

// detail returns when widget.js, the wasm and the data started and ended,
// and their transfer sizes.
func detail(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](timings))
	if err != nil {
		return err.Error()
	}
	return "[start, end, bytes]: " + s
}

// newTab starts a browser with the profile in dir ("" is a fresh one)
// under the conditions of p, with the probe installed.
func newTab(dir string, p profile) (context.Context, context.CancelFunc, error) {
	opts := browser.Options{UserDataDir: dir}
	if jsFlags != "" {
		opts.Flags = map[string]any{"js-flags": jsFlags}
	}
	ctx, cancel, err := browser.New(context.Background(), opts)
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (context.Context, context.CancelFunc, error) {
		cancel()
		return nil, nil, err
	}
	tctx, tcancel := context.WithTimeout(ctx, 10*time.Second)
	defer tcancel()
	if _, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		return fail(err)
	}
	if p.latency > 0 || p.down > 0 {
		if _, err := chromedp.Call(tctx, network.Enable, network.EnableParams{}); err != nil {
			return fail(err)
		}
		cond := network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{{
			Latency: p.latency, DownloadThroughput: p.down, UploadThroughput: p.up,
		}}}
		if _, err := chromedp.Call(tctx, network.EmulateNetworkConditionsByRule, cond); err != nil {
			return fail(err)
		}
	}
	return ctx, cancel, nil
}

// load navigates to url under p's CPU throttling and returns the ms from
// navigation start until every widget showed data, and with verbose the
// run's detail. Then it lifts the throttling (an idle throttled tab keeps
// a core busy, Chromium's throttler, which would slow the other runs),
// stays on the page for stay (the browser caches the wasm's compiled code
// while a visitor reads the page), and leaves it for about:blank.
func load(ctx context.Context, url string, p profile, verbose bool, stay time.Duration) (ms float64, info string, err error) {
	throttle := func(rate float64) error {
		tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, err := chromedp.Call(tctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
		return err
	}
	if p.cpu > 1 {
		if err := throttle(p.cpu); err != nil {
			return 0, "", err
		}
	}
	ms, info, err = loadPage(ctx, url, verbose)
	if p.cpu > 1 {
		throttle(1)
	}
	time.Sleep(stay)
	bctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	chromedp.Do(bctx, chromedp.Navigate("about:blank"))
	return ms, info, err
}

// loadPage navigates to url and waits until the probe says every widget
// shows data.
func loadPage(ctx context.Context, url string, verbose bool) (ms float64, info string, err error) {
	tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url)); err != nil {
		return 0, "", fmt.Errorf("open %s: %w", url, err)
	}
	for {
		ms, err := chromedp.Run(tctx, chromedp.Evaluate[float64](`window.__loadtime ? __loadtime.done : 0`))
		if err != nil {
			return 0, "", err
		}
		if ms > 0 {
			if verbose {
				info = detail(tctx)
			}
			return ms, info, nil
		}
		select {
		case <-tctx.Done():
			sctx, scancel := context.WithTimeout(ctx, 5*time.Second)
			defer scancel()
			states, _ := chromedp.Run(sctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[data-loadtime]")].map((w) => w.getAttribute("data-state")).join(" ")`))
			return 0, "", errors.New("the widgets did not show data within 2 minutes: " + url + ": states " + states)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func median(ms []float64) float64 {
	s := slices.Clone(ms)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

func summary(ms []float64) string {
	s := slices.Clone(ms)
	slices.Sort(s)
	return fmt.Sprintf("%5.0f (%.0f–%.0f)", median(ms), s[0], s[len(s)-1])
}
