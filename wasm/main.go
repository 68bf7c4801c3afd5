//go:build js && wasm

package main

import (
	"context"
	"errors"
	"os"
	"sync"
	"syscall/js"
	"time"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// apiVersion is the version of the bridge between the loader and Go; the
// loader refuses an API of another version (a widget.js and widget.wasm
// from different builds).
const apiVersion = 2

func main() {
	if len(os.Args) < 2 || os.Args[1] == "" {
		js.Global().Get("console").Call("error", "medborgarlofte-status: widget.wasm is started by widget.js, which passes the name to publish its API under")
		return
	}
	mark("main")
	a := newApp()
	js.Global().Set(os.Args[1], a.api())
	select {}
}

// app is the runtime's state: every widget on the page, the offline cache
// and the loads in flight, which widgets of the same src share.
type app struct {
	origin string

	mu        sync.Mutex
	next      int
	instances map[int]*instance
	flights   map[string]*flight

	cache cache
	views views
	now   func() time.Time
}

func newApp() *app {
	origin := ""
	if loc := js.Global().Get("location"); loc.Truthy() {
		origin = loc.Get("origin").String()
	}
	return &app{
		origin:    origin,
		instances: make(map[int]*instance),
		flights:   make(map[string]*flight),
		now:       time.Now,
	}
}

// api returns the object the loader uses; its functions are never released:
// they live as long as the page.
func (a *app) api() js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("version", apiVersion)
	obj.Set("mount", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() any { return a.mount(arg(args, 0), arg(args, 1)) })
	}))
	obj.Set("update", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() any { a.update(arg(args, 0).Int(), arg(args, 1)); return nil })
	}))
	obj.Set("action", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() any { a.action(arg(args, 0).Int(), arg(args, 1).String()); return nil })
	}))
	obj.Set("unmount", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() any { a.unmount(arg(args, 0).Int()); return nil })
	}))
	return obj
}

// guard turns a panic in an API call into a console error: a panic that
// reached the runtime would stop every widget on the page.
func guard(f func() any) (out any) {
	defer func() {
		if r := recover(); r != nil {
			js.Global().Get("console").Call("error", "medborgarlofte-status: "+panicText(r))
			out = nil
		}
	}()
	return f()
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// mount starts a widget and returns its id.
func (a *app) mount(view, cfg js.Value) int {
	a.mu.Lock()
	a.next++
	in := &instance{id: a.next, app: a, view: view}
	a.instances[in.id] = in
	a.mu.Unlock()
	c, err := parseConfig(cfg, a.origin)
	in.start(c, err)
	return in.id
}

func (a *app) update(id int, cfg js.Value) {
	if in := a.instance(id); in != nil {
		c, err := parseConfig(cfg, a.origin)
		in.start(c, err)
	}
}

func (a *app) action(id int, name string) {
	if in := a.instance(id); in != nil && name == "retry" {
		in.retry()
	}
}

func (a *app) unmount(id int) {
	a.mu.Lock()
	in := a.instances[id]
	delete(a.instances, id)
	a.mu.Unlock()
	if in != nil {
		in.stop()
	}
}

func (a *app) instance(id int) *instance {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.instances[id]
}

// flight is a load that several widgets may wait for.
type flight struct {
	done chan struct{}
	d    *data
	err  error
}

// share runs load once for every caller with the same key while it runs,
// with its own deadline, so that one widget leaving does not cancel the
// others' load. A caller whose ctx ends stops waiting.
func (a *app) share(ctx context.Context, key string, timeout time.Duration, load func(context.Context) (*data, error)) (*data, error) {
	a.mu.Lock()
	f := a.flights[key]
	if f == nil {
		f = &flight{done: make(chan struct{})}
		a.flights[key] = f
		go func() {
			lctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			func() {
				defer func() {
					if r := recover(); r != nil {
						f.err = errors.New("panic: " + panicText(r))
					}
				}()
				f.d, f.err = load(lctx)
			}()
			a.mu.Lock()
			delete(a.flights, key)
			a.mu.Unlock()
			close(f.done)
		}()
	}
	a.mu.Unlock()
	select {
	case <-f.done:
		return f.d, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// cached returns the offline copy of src, or nil. A copy that no longer
// decodes or validates (an older widget stored it, or it was damaged) is
// deleted, never shown. Errors of IndexedDB itself mean no copy.
func (a *app) cached(ctx context.Context, src string) (*data, error) {
	return a.share(ctx, "cache "+src, 2*cacheDeadline, func(ctx context.Context) (*data, error) {
		e, ok, err := a.cache.get(ctx, src)
		if err != nil || !ok {
			return nil, err
		}
		b, err := decodeBundle(e.Body)
		if err != nil {
			_ = a.cache.delete(ctx, src)
			return nil, err
		}
		return &data{Bundle: b, Body: e.Body, ETag: e.ETag, LastModified: e.LastModified, Fetched: e.Fetched, FromCache: true}, nil
	})
}

// fetch loads src from the network with the loader's fetch (the view's),
// conditionally when shown is the data the widget already has, and with
// the page's opt-in stores what it got in the offline cache, after the
// fetch (never inside a transaction).
func (a *app) fetch(ctx context.Context, view js.Value, cfg config, shown *data) (*data, error) {
	req := request{URL: cfg.Src, SameOrigin: cfg.SameOrigin}
	if shown != nil {
		req.ETag, req.LastModified = shown.ETag, shown.LastModified
	}
	key := "net " + cfg.Src + " " + req.ETag + " " + req.LastModified
	if cfg.Offline {
		key += " offline"
	}
	return a.share(ctx, key, networkTimeout, func(ctx context.Context) (*data, error) {
		res, err := fetchData(ctx, view.Get("fetch"), req)
		mark("fetched")
		if err != nil {
			return nil, err
		}
		var d *data
		if res.NotModified() && shown != nil {
			c := *shown
			c.Fetched, c.FromCache = a.now(), false
			d = &c
		} else {
			b, err := decodeBundle(res.Body)
			mark("decoded")
			if err != nil {
				return nil, err
			}
			d = &data{Bundle: b, Body: res.Body, ETag: res.ETag, LastModified: res.LastModified, Fetched: a.now()}
		}
		if cfg.Offline {
			_ = a.cache.put(ctx, cfg.Src, cacheEntry{Body: d.Body, ETag: d.ETag, LastModified: d.LastModified, Fetched: d.Fetched})
		}
		return d, nil
	})
}

// viewKey is what a widget's view depends on, besides a failure.
type viewKey struct {
	d       *data
	lang    string
	at      promise.Date
	promise promise.ID
	level   int
	src     string
}

// views keeps the last views rendered: widgets of the same data, date,
// language and promise (ten instances of two bundles) share one
// evaluation and one tree, and the loader clones the DOM it built for
// the first.
type views struct {
	mu   sync.Mutex
	keys []viewKey
	json []string
}

// maxViews is how many views are kept: a page has a few widgets.
const maxViews = 8

// render returns the JSON tree of the view of k: the data's status at
// k.at (followup.Evaluate) in its frame, noting why it is stale and
// whether a retry runs. A view without failure is kept for the next
// widget that asks.
func (v *views) render(k viewKey, failure error, retrying bool) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if failure == nil && !retrying {
		for i := range v.keys {
			if v.keys[i] == k {
				return v.json[i], nil
			}
		}
	}
	body, err := content(viewInput{Bundle: k.d.Bundle, Lang: k.lang, At: k.at, Promise: k.promise, Level: k.level})
	if err != nil {
		return "", err
	}
	s := marshal(frame(frameInput{Lang: k.lang, Src: k.src, Fetched: k.d.Fetched, Stale: failure, Retrying: retrying}, body))
	if failure == nil && !retrying {
		if len(v.keys) == maxViews {
			v.keys, v.json = v.keys[1:], v.json[1:]
		}
		v.keys, v.json = append(v.keys, k), append(v.json, s)
	}
	return s, nil
}
