// Command demo serves a page that looks like a municipality's web page and
// embeds the status widget twice: Strängnäs' citizen promise 2019 with its
// follow-up, and 2022–2023. It is the README's main command:
//
//	go run ./examples/demo [-addr 127.0.0.1:8080]
//
// Run it from the repository root. It builds the widget (widget.js,
// widget.HASH.wasm and their .gz and .br files) into examples/demo/dist
// when they are missing or older than a source file of wasm/, followup/ or
// promise/, with go -C examples/tools run ./cmd/buildwidget, then serves,
// with a strict Content-Security-Policy, and prints the address to open.
// widget.js is revalidated on each load; the wasm, named by its content, is
// cached for a year. Connections are bounded by read, write and idle
// timeouts.
//
// The data are the bundles in examples/data/bundles/NAME.json where they
// exist, else the promise documents examples/data/NAME.json wrapped into
// bundles without reports, at /data/NAME.json.
//
// # Test pages
//
// Query parameters of / change the page, for the browser tests and for
// trying the widget by hand:
//
//	instances=N   N widgets (1–50) instead of two, alternating the two bundles
//	offline=1     the widgets opt in to the offline cache
//	fail=data     every /data/ request fails with 503 while the browser
//	              keeps the cookie this sets; a page without fail clears it
//	csp=nowasm    the CSP without 'wasm-unsafe-eval': the widget cannot run
//	csp=off       no CSP at all (for the hostile page: markup that ran
//	              would show)
//	csp=cross     the strict CSP with connect-src naming the demo's other
//	              host name (with src=cross: the README's recipe for data
//	              on another host)
//	src=cross     the widgets' data from the demo's other host name
//	              (localhost for 127.0.0.1 and the other way round): under
//	              the strict CSP the browser blocks it, and the widget says
//	              what to add to connect-src
//	wasm=script   widget.wasm as a CMS serves an upload, under a URL of its
//	              own (/upload/4711/widget.wasm), given in the script's
//	              data-wasm
//	wasm=element  the same, given in each widget's wasm (data-wasm) attribute
//	wasm=other    data-wasm names a wasm of another build: the widget refuses it
//	compress=off  the widget's files come uncompressed while the browser
//	              keeps the cookie this sets, as from a server without
//	              compression; a page without compress clears it
//	data=hostile  widgets of hostile data: texts with <script> and <img
//	              onerror> markup (valid data), and javascript: and data:
//	              links (invalid data, so an error with the problems)
//	data=mistakes widgets of data with an editor's mistakes: a misspelt
//	              property and a date written 2019-2-8
//	data=large    a widget of 900 activities (Strängnäs 2019's, copied):
//	              the follow-up of each is built when it is opened
//	lang=en       the widgets in English
//	debug=1       the widgets log their steps to the console
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the address to listen on, host:port (port 0 picks a free one)")
	root := flag.String("root", "", "the repository root (default: found above the working directory)")
	widget := flag.String("widget", "", "the directory of the built widget (default ROOT/examples/demo/dist)")
	build := flag.Bool("build", true, "build the widget when it is missing or older than its sources")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./examples/demo [-addr host:port] [-widget DIR] [-build=false]")
		os.Exit(2)
	}
	if err := run(*addr, *root, *widget, *build); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(addr, root, widget string, build bool) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if root == "" {
		var err error
		if root, err = findRoot("."); err != nil {
			return err
		}
	}
	if widget == "" {
		widget = filepath.Join(root, "examples", "demo", "dist")
	}
	if build {
		if err := ensureWidget(ctx, root, widget, os.Stdout); err != nil {
			return err
		}
	}
	if err := checkWidget(widget); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(newServer(filepath.Join(root, "examples", "data"), widget), defaultTimeouts)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Printf("Open http://%s/ in a browser\n", ln.Addr())
	fmt.Println("Test pages: /?instances=10  /?offline=1  /?fail=data  /?csp=nowasm  /?data=hostile&csp=off  (see go doc ./examples/demo)")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	fmt.Println("stopped")
	return nil
}

// timeouts bound how long one connection may hold the server.
type timeouts struct {
	// header is the most a request's headers may take to arrive, read
	// the whole request.
	header, read time.Duration
	// write is the most a response may take to be written: a client
	// that stops reading is dropped then.
	write time.Duration
	// idle is the most a keep-alive connection may wait for its next
	// request.
	idle time.Duration
}

// defaultTimeouts: the largest response, widget.wasm uncompressed (5 MB),
// takes about 45 s at 1 Mbit/s, so a response may take 2 minutes.
var defaultTimeouts = timeouts{header: 10 * time.Second, read: 30 * time.Second, write: 2 * time.Minute, idle: time.Minute}

// newHTTPServer returns the demo's server for h with the timeouts.
func newHTTPServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.header,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    64 << 10,
	}
}
