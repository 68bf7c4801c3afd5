package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The widget is measured as a visitor's browser runs it: a page with one
// <medborgarlofte-status src="…" at="…"> and the built widget.js from
// examples/demo/dist, in a fresh headless Chromium for each file. The time
// is from the start of the page's load to the element's data-state
// becoming ready, stale or error; the memory is the peak resident set size
// of the renderer process that ran the page (the widget's WebAssembly
// memory lives there), read from /proc, with its CPU time. Only the
// documented markup and data-state are used, so this keeps working as the
// widget changes.

// pageServer serves the widget's files, the files measured and the page.
type pageServer struct {
	url  string
	srv  *http.Server
	dist string
	data map[string]string // name → path of the file measured
}

func startPages(dist string) (*pageServer, error) {
	if _, err := os.Stat(filepath.Join(dist, "widget.js")); err != nil {
		return nil, fmt.Errorf("no built widget in %s (make widget builds it): %w", dist, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &pageServer{url: "http://" + ln.Addr().String(), dist: dist, data: map[string]string{}}
	mux := http.NewServeMux()
	mux.Handle("/dist/", http.StripPrefix("/dist/", http.FileServer(http.Dir(dist))))
	mux.HandleFunc("/data/", func(w http.ResponseWriter, r *http.Request) {
		path, ok := p.data[strings.TrimPrefix(r.URL.Path, "/data/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		http.ServeFile(w, r, path)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		name, at := r.URL.Query().Get("data"), r.URL.Query().Get("at")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>cost</title></head>
<body>
<medborgarlofte-status src="/data/%s" at="%s" lang="sv"><a href="/data/%s">data</a></medborgarlofte-status>
<script async src="/dist/widget.js"></script>
</body></html>
`, name, at, name)
	})
	p.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *pageServer) close() { p.srv.Close() }

// widget measures the widget on file: a fresh browser loads the page.
func (p *pageServer) widget(ctx context.Context, name, file string, at promise.Date, timeout time.Duration) figure {
	f := figure{what: "widget", out: -1}
	p.data[name] = file
	defer delete(p.data, name)
	bctx, cancel, err := browser.New(ctx, browser.Options{})
	if err != nil {
		f.note = err.Error()
		return f
	}
	defer cancel()
	tctx, tcancel := context.WithTimeout(bctx, timeout)
	defer tcancel()
	start := time.Now()
	_, err = chromedp.Run(tctx, chromedp.Navigate(p.url+"/page?data="+name+"&at="+at.String()))
	state := ""
	for err == nil {
		state, err = chromedp.Run(tctx, chromedp.Evaluate[string](`(() => {
			const e = document.querySelector("medborgarlofte-status");
			return e ? (e.getAttribute("data-state") || "") : "none";
		})()`))
		if state == "ready" || state == "stale" || state == "error" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	f.wall = time.Since(start)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || tctx.Err() != nil:
		f.note = fmt.Sprintf("not ready after %v (data-state %q)", timeout, state)
	case err != nil:
		f.note = err.Error()
	default:
		f.note = state
		// The widget marks its steps in the page's performance timeline:
		// where the time went, for the note.
		if steps, err := chromedp.Run(tctx, chromedp.Evaluate[string](`performance.getEntriesByType("mark").
			filter(m => m.name.startsWith("medborgarlofte:") && ["compiled", "decoded", "rendered"].includes(m.name.slice(15))).
			map(m => m.name.slice(15) + " " + Math.round(m.startTime)).join(", ")`)); err == nil && steps != "" {
			f.note += " (" + steps + " ms)"
		}
	}
	if proc := chromedp.FromContext(bctx).Browser.Process(); proc != nil {
		f.peak, f.cpu = renderer(proc.Pid)
	}
	return f
}

// clockTick is the unit of the CPU times in /proc/PID/stat: USER_HZ, 100 on
// Linux.
const clockTick = 10 * time.Millisecond

// renderer returns the largest peak resident set size (VmHWM) of the
// renderer processes under the browser whose process id is root, and their
// CPU time.
func renderer(root int) (peak int64, cpu time.Duration) {
	entries, _ := os.ReadDir("/proc")
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so read after ')'.
		s := string(stat)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 12 {
			parent[pid], _ = strconv.Atoi(fields[1])
			utime, _ := strconv.ParseInt(fields[11], 10, 64)
			stime, _ := strconv.ParseInt(fields[12], 10, 64)
			ticks[pid] = utime + stime
		}
	}
	under := func(pid int) bool {
		for range 16 {
			if pid == root {
				return true
			}
			pid = parent[pid]
			if pid <= 1 {
				return false
			}
		}
		return false
	}
	for pid := range parent {
		if !under(pid) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		if !strings.Contains(string(cmdline), "--type=renderer") {
			continue
		}
		cpu += time.Duration(ticks[pid]) * clockTick
		status, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				peak = max(peak, kb<<10)
			}
		}
	}
	return peak, cpu
}
