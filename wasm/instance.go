//go:build js && wasm

package main

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"sync"
	"syscall/js"
	"time"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict"
)

// The element states (data-state).
const (
	stateLoading = "loading"
	stateReady   = "ready"
	stateStale   = "stale"
	stateError   = "error"
)

// networkTimeout bounds one fetch of the data, whoever waits for it.
const networkTimeout = 30 * time.Second

// config is a widget's attributes, checked.
type config struct {
	Src     string // absolute http(s) URL
	Lang    string // "sv" or "en"
	At      promise.Date
	Promise promise.ID
	// Level is the level of the top headings: 1 to 4, default 2.
	Level   int
	Offline bool
	Debug   bool
	// SameOrigin is whether Src has the page's origin.
	SameOrigin bool
}

// configError is an attribute the widget cannot use: what is wrong, with
// the attribute's value.
type configError struct {
	what words.Key
	arg  string
}

func (e configError) Error() string { return words.M(e.what, e.arg).In("en") }
func (e configError) explain(lang string) string {
	return words.M("widget.errConfig", words.M(e.what, e.arg)).In(lang)
}
func (configError) retryable() bool { return false }

// parseConfig checks the loader's config object (see the package
// documentation) against the page's origin.
func parseConfig(v js.Value, origin string) (config, error) {
	str := func(name string) string {
		if f := v.Get(name); f.Type() == js.TypeString {
			return f.String()
		}
		return ""
	}
	c := config{
		Src:     str("src"),
		Lang:    language(str("lang")),
		Offline: v.Get("offline").Truthy(),
		Debug:   v.Get("debug").Truthy(),
		Level:   2,
	}
	if c.Src == "" {
		return c, configError{"widget.cfgNoSrc", ""}
	}
	if !webURL(c.Src) {
		return c, configError{"widget.cfgSrc", strict.Quote(c.Src)}
	}
	if u, err := url.Parse(c.Src); err == nil {
		c.SameOrigin = u.Scheme+"://"+u.Host == origin
	}
	if at := str("at"); at != "" {
		d, err := promise.ParseDate(at)
		if err != nil {
			return c, configError{"widget.cfgAt", strict.Quote(at)}
		}
		c.At = d
	}
	if p := str("promise"); p != "" {
		id, err := promise.ParseID(p)
		if err != nil {
			return c, configError{"widget.cfgPromise", strict.Quote(p)}
		}
		c.Promise = id
	}
	if l := str("headingLevel"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 4 {
			return c, configError{"widget.cfgHeading", strict.Quote(l)}
		}
		c.Level = n
	}
	return c, nil
}

// data is valid data, with where and when it came from.
type data struct {
	Bundle             *followup.Bundle
	Body               []byte
	ETag, LastModified string
	Fetched            time.Time
	FromCache          bool
}

// instance is one widget on the page.
type instance struct {
	id   int
	app  *app
	view js.Value // the loader's render and setState (package documentation)

	mu       sync.Mutex
	cfg      config
	cfgErr   error
	gen      int // counts starts: work of an older start does not show
	cancel   context.CancelFunc
	state    string
	lastJSON string
	shown    *data // what is on screen, if it is data
	failure  error // why the last refresh failed
	started  time.Time
}

// start (re)starts the widget's work with cfg, cancelling earlier work.
func (in *instance) start(cfg config, cfgErr error) {
	in.mu.Lock()
	if in.cancel != nil {
		in.cancel()
	}
	if cfg.Src != in.cfg.Src || cfg.Offline != in.cfg.Offline {
		in.shown = nil
	}
	in.cfg, in.cfgErr = cfg, cfgErr
	in.gen++
	gen := in.gen
	ctx, cancel := context.WithCancel(context.Background())
	in.cancel = cancel
	in.started = time.Now()
	in.mu.Unlock()
	go in.run(ctx, gen)
}

// stop cancels the widget's work; nothing it does afterwards shows.
func (in *instance) stop() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.gen++
	if in.cancel != nil {
		in.cancel()
	}
}

// retry starts again after a failure, keeping what is shown.
func (in *instance) retry() {
	in.mu.Lock()
	cfg, cfgErr, shown, failure, gen := in.cfg, in.cfgErr, in.shown, in.failure, in.gen
	in.mu.Unlock()
	if failure == nil {
		return
	}
	if shown != nil {
		in.showData(gen, shown, failure, true)
	} else {
		in.showError(gen, failure, true)
	}
	in.start(cfg, cfgErr)
}

// run loads and shows the data: from the offline cache at once when the
// page opted in, then from the network.
func (in *instance) run(ctx context.Context, gen int) {
	defer func() {
		if r := recover(); r != nil {
			in.showError(gen, errors.New("panic: "+panicText(r)), false)
		}
	}()
	in.mu.Lock()
	cfg, cfgErr, shown := in.cfg, in.cfgErr, in.shown
	in.mu.Unlock()
	if cfgErr != nil {
		in.showError(gen, cfgErr, false)
		return
	}
	if shown == nil {
		in.setState(gen, stateLoading)
		if cfg.Offline {
			d, err := in.app.cached(ctx, cfg.Src)
			in.debug(cfg, "cache: "+describe(d, err))
			if d != nil {
				shown = d
				if !in.showData(gen, d, nil, false) {
					return
				}
			}
		}
	}
	d, err := in.app.fetch(ctx, in.view, cfg, shown)
	in.debug(cfg, "network: "+describe(d, err))
	if ctx.Err() != nil {
		return
	}
	switch {
	case err == nil:
		in.showData(gen, d, nil, false)
	case shown != nil && refreshFailure(err):
		in.showData(gen, shown, err, false)
	default:
		in.showError(gen, err, false)
	}
}

// refreshFailure reports whether err means the network, not the data,
// failed: then offline data is shown as stale, with a retry button.
func refreshFailure(err error) bool {
	e, ok := err.(explained)
	return ok && e.retryable()
}

// showData renders data, as stale when failure is not nil. It reports
// false when gen is outdated or the view fails.
func (in *instance) showData(gen int, d *data, failure error, retrying bool) bool {
	in.mu.Lock()
	cfg := in.cfg
	in.mu.Unlock()
	at := cfg.At
	if at.IsZero() {
		at = promise.DateOf(time.Now())
	}
	json, err := in.app.views.render(viewKey{d: d, lang: cfg.Lang, at: at, promise: cfg.Promise, level: cfg.Level, src: cfg.Src}, failure, retrying)
	if err != nil {
		in.showError(gen, err, false)
		return false
	}
	state := stateReady
	if failure != nil {
		state = stateStale
	}
	in.mu.Lock()
	if gen != in.gen {
		in.mu.Unlock()
		return false
	}
	in.shown, in.failure = d, failure
	in.mu.Unlock()
	mark("rendered")
	in.render(gen, json)
	in.setState(gen, state)
	return true
}

// mark records a step in the page's performance timeline
// (medborgarlofte:NAME), for cmd/loadtime -v and the browser's tools.
func mark(name string) {
	if p := js.Global().Get("performance"); p.Truthy() {
		p.Call("mark", "medborgarlofte:"+name)
	}
}

// showError renders the error view and logs the error to the console.
func (in *instance) showError(gen int, err error, retrying bool) {
	in.mu.Lock()
	if gen != in.gen {
		in.mu.Unlock()
		return
	}
	cfg := in.cfg
	in.failure = err
	in.shown = nil
	in.mu.Unlock()
	in.render(gen, marshal(errorView(cfg.Lang, cfg.Src, err, retrying)))
	if !retrying {
		js.Global().Get("console").Call("error", consoleMessage(cfg.Src, cfg.Lang, err))
	}
	in.setState(gen, stateError)
}

// render hands the tree to the loader: one call, one JSON string.
func (in *instance) render(gen int, s string) {
	in.mu.Lock()
	if gen != in.gen || s == in.lastJSON {
		in.mu.Unlock()
		return
	}
	in.lastJSON = s
	in.mu.Unlock()
	in.view.Call("render", s)
}

// setState sets data-state through the loader, which fires the event.
func (in *instance) setState(gen int, state string) {
	in.mu.Lock()
	if gen != in.gen || state == in.state {
		in.mu.Unlock()
		return
	}
	in.state = state
	cfg, started := in.cfg, in.started
	in.mu.Unlock()
	in.debug(cfg, state+" after "+strconv.FormatInt(time.Since(started).Milliseconds(), 10)+" ms")
	in.view.Call("setState", state)
}

// debug logs a step when the widget has the debug attribute. It writes
// with println, through wasm_exec.js's own console output (the loader
// keeps that working after it removed wasm_exec.js's globals).
func (in *instance) debug(cfg config, msg string) {
	if cfg.Debug {
		println("medborgarlofte-status #" + strconv.Itoa(in.id) + ": " + msg)
	}
}

func describe(d *data, err error) string {
	switch {
	case err != nil:
		return err.Error()
	case d == nil:
		return "nothing"
	case d.FromCache:
		return "data of " + isoTime(d.Fetched)
	}
	return strconv.Itoa(len(d.Body)) + " bytes"
}

func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "unknown"
}
