// Command buildeditor builds the editor, <medborgarlofte-editor> (package
// wasm/editor): editor.wasm (GOOS=js GOARCH=wasm), editor.js (its loader,
// dom.js, editor.css and Go's wasm_exec.js in one closure) and a .gz and a
// .br file of each, and prints their sizes. With -measure it then opens a
// page with the editor in headless Chromium and prints the time to
// interactive: from navigation to the editor's first view, ready for
// input, cold (empty cache) and warm (cached), the median of -runs.
//
//	go -C examples/tools run ./cmd/buildeditor -out DIR [-measure] [-runs N]
//
// The demo (go run ./examples/demo) serves the editor from
// examples/demo/dist/editor at /redigera.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

func main() {
	out := flag.String("out", "", "the directory to write the files to (default ROOT/examples/demo/dist/editor)")
	measure := flag.Bool("measure", false, "also measure the time to interactive in headless Chromium")
	runs := flag.Int("runs", 5, "measurements of each kind (cold, warm); the median is printed")
	flag.Parse()
	if flag.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: buildeditor [-out DIR] [-measure] [-runs N]")
		os.Exit(2)
	}
	if err := run(*out, *measure, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "buildeditor:", err)
		os.Exit(1)
	}
}

func run(out string, measure bool, runs int) error {
	ctx := context.Background()
	root, err := widgetbuild.FindRoot(".")
	if err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join(root, "examples", "demo", "dist", "editor")
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	files, err := Build(ctx, root, out)
	if err != nil {
		return err
	}
	fmt.Printf("built the editor into %s\n", out)
	fmt.Printf("%-12s %12s %12s %12s\n", "file", "bytes", "gzip", "brotli")
	for _, f := range files {
		fmt.Printf("%-12s %12d %12d %12d\n", f.Name, f.Raw, f.Gzip, f.Brotli)
	}
	if !measure {
		return nil
	}
	return measureTTI(ctx, out, runs)
}

// Build compiles editor.wasm and bundles editor.js into out, with a .gz
// and a .br file of each. Files are written to a temporary name and
// renamed, so a server never sends half a file.
func Build(ctx context.Context, root, out string) ([]widgetbuild.File, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	tmp := filepath.Join(out, "editor.wasm.tmp")
	if err := widgetbuild.GoBuildWASM(ctx, "go", root, tmp, "", "./wasm/editor"); err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(tmp)
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, filepath.Join(out, "editor.wasm")); err != nil {
		return nil, err
	}
	js, err := bundle(ctx, root)
	if err != nil {
		return nil, err
	}
	var files []widgetbuild.File
	for _, f := range []struct {
		name string
		data []byte
	}{{"editor.wasm", wasm}, {"editor.js", js}} {
		gz, br, err := widgetbuild.Compress(f.data)
		if err != nil {
			return nil, err
		}
		for _, w := range []struct {
			name string
			data []byte
		}{{f.name, f.data}, {f.name + ".gz", gz}, {f.name + ".br", br}} {
			if f.name == "editor.wasm" && w.name == f.name {
				continue // written above
			}
			if err := writeFile(filepath.Join(out, w.name), w.data); err != nil {
				return nil, err
			}
		}
		files = append(files, widgetbuild.File{Name: f.name, Raw: int64(len(f.data)), Gzip: int64(len(gz)), Brotli: int64(len(br))})
	}
	return files, nil
}

// bundle returns editor.js: one closure holding editor.css as a string,
// Go's wasm_exec.js as a function the loader calls, dom.js and loader.js.
func bundle(ctx context.Context, root string) ([]byte, error) {
	goroot, err := widgetbuild.GOROOT(ctx, "go", root)
	if err != nil {
		return nil, err
	}
	read := func(path string) (string, error) {
		b, err := os.ReadFile(path)
		return string(b), err
	}
	wasmExec, err := read(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js: %w", err)
	}
	dir := filepath.Join(root, "wasm", "editor")
	css, err := read(filepath.Join(dir, "editor.css"))
	if err != nil {
		return nil, err
	}
	dom, err := read(filepath.Join(dir, "dom.js"))
	if err != nil {
		return nil, err
	}
	loader, err := read(filepath.Join(dir, "loader.js"))
	if err != nil {
		return nil, err
	}
	for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML(", "document.write(", "eval(", "new Function("} {
		if strings.Contains(loader, bad) || strings.Contains(dom, bad) {
			return nil, fmt.Errorf("loader.js or dom.js uses %s", bad)
		}
	}
	cssLit, err := json.Marshal(css)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// medborgarlofte editor: loader. Built by examples/tools/cmd/buildeditor from\n")
	b.WriteString("// wasm/editor/loader.js, dom.js, editor.css (MIT licence) and Go's\n")
	b.WriteString("// lib/wasm/wasm_exec.js (BSD licence, its notice below). Do not edit.\n")
	b.WriteString("(() => {\n\"use strict\";\n\nconst medborgarlofteEditorCSS = ")
	b.Write(cssLit)
	b.WriteString(";\n\nfunction medborgarlofteWasmExec() {\n")
	b.WriteString(wasmExec)
	b.WriteString("\n}\n\n")
	b.WriteString(dom)
	b.WriteString("\n")
	b.WriteString(loader)
	b.WriteString("})();\n")
	return b.Bytes(), nil
}

func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// page is the test page of the measurement: the editor alone, under the
// strict CSP the README gives.
const testPage = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Redigeraren</title></head>
<body><medborgarlofte-editor lang="sv" draft="off"><p>Redigeraren laddas …</p></medborgarlofte-editor>
<script async src="/editor.js"></script></body></html>
`

// measureTTI serves the files with their .br variants and measures, in
// Chromium, the time from navigation to the editor's first view.
func measureTTI(ctx context.Context, dir string, runs int) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'")
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(testPage))
		case "/editor.js", "/editor.wasm":
			name := strings.TrimPrefix(r.URL.Path, "/")
			ctype := "text/javascript; charset=utf-8"
			if strings.HasSuffix(name, ".wasm") {
				ctype = "application/wasm"
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Cache-Control", "max-age=3600")
			if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
				w.Header().Set("Content-Encoding", "br")
				name += ".br"
			}
			http.ServeFile(w, r, filepath.Join(dir, name))
		default:
			http.NotFound(w, r)
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/"
	var cold, warm []float64
	for range runs {
		c, w, err := once(ctx, url)
		if err != nil {
			return err
		}
		cold, warm = append(cold, c), append(warm, w)
	}
	fmt.Printf("time to interactive (navigation to the editor's first view), median of %d in headless Chromium on this machine:\n", runs)
	fmt.Printf("  cold (empty cache): %6.0f ms   (all: %s)\n", median(cold), list(cold))
	fmt.Printf("  warm (cached):      %6.0f ms   (all: %s)\n", median(warm), list(warm))
	return nil
}

// once loads the page in a fresh browser twice: cold, then warm.
func once(parent context.Context, url string) (cold, warm float64, err error) {
	ctx, cancel, err := browser.New(parent, browser.Options{})
	if err != nil {
		return 0, 0, err
	}
	defer cancel()
	// The moment the editor is ready, recorded by the page itself: polling
	// would add its interval.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("medborgarlofte-editor-ready", (e) => { window.__ready = e.detail.ms; });`}); err != nil {
		return 0, 0, err
	}
	ctx, stop := context.WithTimeout(ctx, 2*time.Minute)
	defer stop()
	load := func() (float64, error) {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			return 0, err
		}
		for {
			ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => { const e = document.querySelector("medborgarlofte-editor");
				if (e && e.getAttribute("data-state") === "error") { return -1; }
				return e && e.getAttribute("data-state") === "ready" && e.shadowRoot.querySelector("main") ? window.__ready || performance.now() : 0; })()`))
			switch {
			case err != nil:
				return 0, err
			case ms < 0:
				return 0, errors.New("the editor failed to start")
			case ms > 0:
				return ms, nil
			}
			select {
			case <-ctx.Done():
				return 0, ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	if cold, err = load(); err != nil {
		return 0, 0, fmt.Errorf("cold load: %w", err)
	}
	if warm, err = load(); err != nil {
		return 0, 0, fmt.Errorf("warm load: %w", err)
	}
	if cold <= 0 || warm <= 0 {
		return 0, 0, errors.New("no time measured")
	}
	return cold, warm, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func list(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.0f", x)
	}
	return strings.Join(parts, ", ")
}
