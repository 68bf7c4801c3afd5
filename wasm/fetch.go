//go:build js && wasm

package main

import (
	"context"
	"errors"
	"strconv"
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// defaultLimit is the most the widget reads of a response: a real bundle
// is tens of kilobytes, so 2 MiB leaves room for years of reports while a
// wrong src (a video, a huge export) cannot fill the visitor's memory.
const defaultLimit = 2 << 20

// request is one fetch of the data.
type request struct {
	URL string
	// Limit is the most bytes of body to read; 0 means defaultLimit.
	Limit int
	// ETag and LastModified, when set, make the request conditional:
	// If-None-Match and If-Modified-Since. Only for same-origin URLs: on
	// another origin these headers would need a CORS preflight, so there
	// the browser's HTTP cache revalidates instead (cache: "no-cache").
	ETag, LastModified string
	SameOrigin         bool
}

// response is what came back.
type response struct {
	Status             int
	Body               []byte
	ETag, LastModified string
}

// NotModified reports whether the server answered 304 to a conditional
// request: the data the widget has is still current.
func (r response) NotModified() bool { return r.Status == 304 }

// The errors of fetchData; each explains itself to the visitor.
type (
	// networkError is a fetch that failed without an answer: offline,
	// DNS, refused by CORS or by the page's CSP, aborted.
	networkError struct {
		Msg string
		// Origin is the data's origin, when it is not the page's.
		Origin string
		// CSP is set when the page's Content-Security-Policy blocked
		// the request.
		CSP bool
	}
	// httpError is an answer other than 200 or 304.
	httpError struct{ Status int }
	// redirectError is an answer that redirects: the widget requests
	// nothing but its own files and src.
	redirectError struct{}
	// tooLargeError is a response cut off at the limit.
	tooLargeError struct{ Limit int }
)

func (e networkError) Error() string { return e.Msg }
func (e httpError) Error() string    { return "the server answered " + strconv.Itoa(e.Status) }
func (redirectError) Error() string  { return "the data's address redirects elsewhere" }
func (e tooLargeError) Error() string {
	return "the response is larger than " + strconv.Itoa(e.Limit) + " bytes"
}

// explain says what failed and, for data on another origin, what the page
// and that origin must allow: with the page's CSP in the way, exactly what
// to add to connect-src.
func (e networkError) explain(lang string) string {
	switch {
	case e.CSP:
		return words.M("widget.errCSP", e.Origin, e.Origin).In(lang)
	case e.Origin != "":
		return words.M("widget.errCrossOrigin", e.Origin, e.Origin).In(lang)
	}
	return words.Key("widget.errNetwork").In(lang)
}
func (e httpError) explain(lang string) string {
	return words.M("widget.errHTTP", strconv.Itoa(e.Status)).In(lang)
}
func (redirectError) explain(lang string) string { return words.Key("widget.errRedirect").In(lang) }
func (e tooLargeError) explain(lang string) string {
	return words.M("widget.errTooLarge", strconv.Itoa(e.Limit>>20)+" MiB").In(lang)
}

func (networkError) retryable() bool  { return true }
func (httpError) retryable() bool     { return true }
func (redirectError) retryable() bool { return false }
func (tooLargeError) retryable() bool { return false }

// fetchData fetches req.URL with fetch, the loader's function of net.js
// (view.fetch; net/http would add about 1 MB to the widget). The loader
// may answer with the fetch it started when the element appeared. It must
// not run in a js.Func callback: it waits on a promise.
func fetchData(ctx context.Context, fetch js.Value, req request) (response, error) {
	limit := req.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	opts := js.Global().Get("Object").New()
	opts.Set("sameOrigin", req.SameOrigin)
	opts.Set("etag", req.ETag)
	opts.Set("lastModified", req.LastModified)
	opts.Set("limit", limit)
	opts.Set("timeout", networkTimeout.Milliseconds())
	v, err := await(ctx, fetch.Invoke(req.URL, opts))
	if err != nil {
		return response{}, networkError{Msg: err.Error()}
	}
	res := response{Status: v.Get("status").Int(), ETag: jsString(v.Get("etag")), LastModified: jsString(v.Get("lastModified"))}
	if e := v.Get("error"); e.Truthy() {
		msg := jsString(e.Get("message"))
		switch jsString(e.Get("kind")) {
		case "redirect":
			return res, redirectError{}
		case "too-large":
			return res, tooLargeError{limit}
		case "http":
			return res, httpError{res.Status}
		}
		ne := networkError{Msg: msg, CSP: e.Get("csp").Truthy()}
		if !req.SameOrigin {
			ne.Origin = jsString(e.Get("origin"))
		}
		return res, ne
	}
	if body := v.Get("body"); body.Truthy() {
		res.Body = make([]byte, body.Length())
		js.CopyBytesToGo(res.Body, body)
	}
	return res, nil
}

// jsString returns v when it is a string, else "".
func jsString(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// await waits for a JS promise to settle and returns its value, or its
// rejection as an error, or ctx's error. It must not run in a js.Func
// callback, where waiting would deadlock the runtime.
func await(ctx context.Context, p js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	resolve := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: arg0(args)}
		return nil
	})
	reject := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: jsError(arg0(args))}
		return nil
	})
	release := func() { resolve.Release(); reject.Release() }
	p.Call("then", resolve, reject)
	select {
	case s := <-ch:
		release()
		return s.v, s.err
	case <-ctx.Done():
		// The promise may still settle and call the functions: release
		// them only then.
		go func() { <-ch; release() }()
		return js.Undefined(), ctx.Err()
	}
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

// jsError turns a thrown JS value into an error with its message.
func jsError(v js.Value) error {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			name := v.Get("name")
			if name.Type() == js.TypeString {
				return errors.New(name.String() + ": " + m.String())
			}
			return errors.New(m.String())
		}
	}
	return errors.New(v.String())
}
