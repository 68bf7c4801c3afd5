// Command loadtime measures how long the demo page takes, in headless
// Chromium, from the start of navigation until every widget on it shows
// data (data-state ready or stale), and prints the median of several runs:
//
//   - cold: a fresh browser profile each run: nothing cached, widget.wasm
//     downloaded and compiled, the data fetched;
//   - warm: one profile, the widgets opted in to the offline cache
//     (?offline=1), after a first visit that is not counted: the browser
//     revalidates widget.wasm (304) and may reuse its compiled code, and
//     the widgets show the stored data at once.
//
// for the demo page (two widgets) and the page with ten.
//
// Usage, from the repository root:
//
//	go -C examples/tools run ./cmd/loadtime [-n 7] [-url http://127.0.0.1:8080]
//
// Without -url it builds and starts the demo itself.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/demoserver"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

// probe records, in ms since the start of navigation, when every widget of
// the page first shows data.
const probe = `window.__loadtime = {done: 0};
document.addEventListener("medborgarlofte-statechange", () => {
	const all = [...document.querySelectorAll("medborgarlofte-status, div[data-medborgarlofte-status]")];
	if (!__loadtime.done && document.readyState !== "loading" && all.length > 0 &&
		all.every((w) => ["ready", "stale"].includes(w.getAttribute("data-state")))) {
		__loadtime.done = performance.now();
	}
});`

func main() {
	n := flag.Int("n", 7, "runs of each measurement")
	base := flag.String("url", "", "a running demo (default: build and start one)")
	flag.Parse()
	if err := run(*n, *base); err != nil {
		fmt.Fprintln(os.Stderr, "loadtime:", err)
		os.Exit(1)
	}
}

func run(n int, base string) error {
	if base == "" {
		root, err := widgetbuild.FindRoot(".")
		if err != nil {
			return err
		}
		demo, err := demoserver.Start(root, os.Stderr)
		if err != nil {
			return err
		}
		defer demo.Stop()
		base = demo.URL
	}
	fmt.Printf("time from navigation start to every widget showing data, median of %d runs (min–max)\n", n)
	fmt.Printf("%-18s %24s %24s\n", "page", "cold", "warm (offline cache)")
	for _, p := range []struct{ name, path string }{
		{"demo (2 widgets)", "/"},
		{"10 widgets", "/?instances=10"},
	} {
		cold, err := measureCold(base+p.path, n)
		if err != nil {
			return err
		}
		warm, err := measureWarm(base+withOffline(p.path), n)
		if err != nil {
			return err
		}
		fmt.Printf("%-18s %24s %24s\n", p.name, summary(cold), summary(warm))
	}
	return nil
}

func withOffline(path string) string {
	if path == "/" {
		return "/?offline=1"
	}
	return path + "&offline=1"
}

// measureCold loads url in a new browser with a fresh profile, n times.
func measureCold(url string, n int) ([]float64, error) {
	var out []float64
	for range n {
		err := func() error {
			ctx, cancel, err := newBrowser("")
			if err != nil {
				return err
			}
			defer cancel()
			ms, err := load(ctx, url)
			out = append(out, ms)
			return err
		}()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// measureWarm loads url once, then n times more in the same browser.
func measureWarm(url string, n int) ([]float64, error) {
	dir, err := os.MkdirTemp("", "loadtime-profile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel, err := newBrowser(dir)
	if err != nil {
		return nil, err
	}
	defer cancel()
	if _, err := load(ctx, url); err != nil {
		return nil, err
	}
	// Let the first visit's background refresh and cache writes finish.
	time.Sleep(500 * time.Millisecond)
	var out []float64
	for range n {
		ms, err := load(ctx, url)
		if err != nil {
			return nil, err
		}
		out = append(out, ms)
	}
	return out, nil
}

func newBrowser(dir string) (context.Context, context.CancelFunc, error) {
	ctx, cancel, err := browser.New(context.Background(), browser.Options{UserDataDir: dir})
	if err != nil {
		return nil, nil, err
	}
	tctx, tcancel := context.WithTimeout(ctx, 10*time.Second)
	defer tcancel()
	if _, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// load navigates to url and returns the ms from navigation start until
// every widget showed data.
func load(ctx context.Context, url string) (float64, error) {
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url)); err != nil {
		return 0, fmt.Errorf("open %s: %w", url, err)
	}
	for {
		ms, err := chromedp.Run(tctx, chromedp.Evaluate[float64](`window.__loadtime ? __loadtime.done : 0`))
		if err != nil {
			return 0, err
		}
		if ms > 0 {
			return ms, nil
		}
		select {
		case <-tctx.Done():
			return 0, errors.New("the widgets did not show data within 60 s: " + url)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func summary(ms []float64) string {
	s := slices.Clone(ms)
	slices.Sort(s)
	median := s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return fmt.Sprintf("%4.0f ms (%.0f–%.0f)", median, s[0], s[len(s)-1])
}
