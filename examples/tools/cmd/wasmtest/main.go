// Command wasmtest runs a package's Go tests for js/wasm in headless
// Chromium, where the DOM and IndexedDB are real (Go under Node has
// neither). It builds the test binary with GOOS=js GOARCH=wasm go test -c,
// serves it with Go's wasm_exec.js on 127.0.0.1, runs it with -test.v,
// prints the console output as it comes, and exits with the test binary's
// exit code. (Like agnivade/wasmbrowsertest, in a hundred lines.)
//
// Usage, from the repository root:
//
//	go -C examples/tools run ./cmd/wasmtest [-pkg ./wasm] [-script wasm/dom.js -script wasm/net.js] [-gcflags FLAGS] [-tags TAGS] [-timeout 3m] [-- TESTFLAGS]
//
// -script loads a file as a classic script before the test binary; the
// widget's tests need wasm/dom.js and wasm/net.js (the default). TESTFLAGS go to the test
// binary, for example -- -test.run=TestCache.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

type scripts []string

func (s *scripts) String() string     { return strings.Join(*s, ",") }
func (s *scripts) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	pkg := flag.String("pkg", "./wasm", "the package to test, relative to the repository root")
	root := flag.String("root", "", "the repository root (default: found above the working directory)")
	timeout := flag.Duration("timeout", 3*time.Minute, "the most the tests may take")
	gcflags := flag.String("gcflags", "", "go test's -gcflags, to compare benchmarks of builds (all=-l is the widget's)")
	tags := flag.String("tags", "", "go test's -tags (default: the widget's, widgetbuild.WidgetTags, for ./wasm; none for other packages)")
	var extra scripts
	flag.Var(&extra, "script", "a script to load before the tests, relative to the root (repeatable; default wasm/dom.js and wasm/net.js)")
	flag.Parse()
	if *tags == "" && filepath.Clean(*pkg) == "wasm" {
		*tags = widgetbuild.WidgetTags
	}
	if len(extra) == 0 {
		extra = scripts{"wasm/dom.js", "wasm/net.js"}
	}
	code, err := run(*root, *pkg, extra, *gcflags, *tags, *timeout, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmtest:", err)
		if code == 0 {
			code = 2
		}
	}
	os.Exit(code)
}

func run(root, pkg string, extra []string, gcflags, tags string, timeout time.Duration, testArgs []string) (int, error) {
	if root == "" {
		var err error
		if root, err = widgetbuild.FindRoot("."); err != nil {
			return 2, err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	dir, err := os.MkdirTemp("", "wasmtest-")
	if err != nil {
		return 2, err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "test.wasm")
	args := []string{"test", "-c", "-o", bin}
	if gcflags != "" {
		args = append(args, "-gcflags="+gcflags)
	}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	build := exec.CommandContext(ctx, "go", append(args, pkg)...)
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return 2, fmt.Errorf("go test -c %s: %w", pkg, err)
	}
	goroot, err := widgetbuild.GOROOT(ctx, "go", root)
	if err != nil {
		return 2, err
	}

	argv := append([]string{"test.wasm", "-test.v", "-test.timeout=" + timeout.String()}, testArgs...)
	argvJSON, err := json.Marshal(argv)
	if err != nil {
		return 2, err
	}
	mux := http.NewServeMux()
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>wasmtest</title>` +
		`<script src="/wasm_exec.js"></script>`
	for i := range extra {
		page += `<script src="/script/` + strconv.Itoa(i) + `.js"></script>`
	}
	page += `<script src="/run.js"></script></head><body></body></html>`
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("GET /wasm_exec.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		http.ServeFile(w, r, filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	})
	for i, s := range extra {
		path := filepath.Join(root, s)
		mux.HandleFunc("GET /script/"+strconv.Itoa(i)+".js", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			http.ServeFile(w, r, path)
		})
	}
	mux.HandleFunc("GET /test.wasm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		http.ServeFile(w, r, bin)
	})
	mux.HandleFunc("GET /run.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprintf(w, `(async () => {
	const go = new Go();
	go.argv = %s;
	go.env = {};
	go.exit = (code) => { window.__wasmtestExit = code; };
	try {
		const r = await WebAssembly.instantiateStreaming(fetch("/test.wasm"), go.importObject);
		await go.run(r.instance);
	} catch (e) {
		console.error("wasmtest: " + e);
		window.__wasmtestExit = 3;
	}
})();
`, argvJSON)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 2, err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	bctx, bcancel, err := browser.New(ctx, browser.Options{})
	if err != nil {
		return 2, err
	}
	defer bcancel()
	// Print the console as it comes, in order: Listen runs in the loop
	// that reads the tab's messages.
	if err := chromedp.Listen(bctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			fmt.Println(browser.ConsoleText(ev))
		case *runtime.EventExceptionThrown:
			fmt.Println("exception:", ev.ExceptionDetails.Text, browser.RemoteText(ev.ExceptionDetails.Exception))
		}
	}); err != nil {
		return 2, err
	}
	url := "http://" + ln.Addr().String() + "/"
	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		return 2, fmt.Errorf("open %s: %w", url, err)
	}
	for {
		code, err := chromedp.Run(bctx, chromedp.Evaluate[any](`window.__wasmtestExit`))
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
				return 2, fmt.Errorf("the tests did not finish within %v", timeout)
			}
			return 2, err
		}
		if n, ok := code.(float64); ok {
			time.Sleep(200 * time.Millisecond) // the last console events
			return int(n), nil
		}
		select {
		case <-ctx.Done():
			return 2, fmt.Errorf("the tests did not finish within %v", timeout)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
