//go:build js && wasm

package main

import (
	"context"
	"errors"
	"strconv"
	"syscall/js"
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
	// DNS, refused by CORS, aborted.
	networkError struct{ Msg string }
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

func (e networkError) explain(lang string) string { return sprintf(wErrNetwork.in(lang), e.Msg) }
func (e httpError) explain(lang string) string {
	return sprintf(wErrHTTP.in(lang), strconv.Itoa(e.Status))
}
func (redirectError) explain(lang string) string { return wErrRedirect.in(lang) }
func (e tooLargeError) explain(lang string) string {
	return sprintf(wErrTooLarge.in(lang), strconv.Itoa(e.Limit>>20)+" MiB")
}

func (networkError) retryable() bool  { return true }
func (httpError) retryable() bool     { return true }
func (redirectError) retryable() bool { return false }
func (tooLargeError) retryable() bool { return false }

// fetchData fetches req.URL with the browser's fetch (net/http would add
// about 1 MB to the widget) and reads the body as a stream, stopping with a
// tooLargeError past the limit. Redirects are not followed: the widget
// requests nothing but its own files and src. It must not run in a js.Func
// callback: it waits on promises.
func fetchData(ctx context.Context, req request) (response, error) {
	limit := req.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	global := js.Global()
	abort := global.Get("AbortController").New()
	stop := context.AfterFunc(ctx, func() { abort.Call("abort") })
	defer stop()

	headers := global.Get("Headers").New()
	headers.Call("set", "Accept", "application/json")
	opts := global.Get("Object").New()
	opts.Set("signal", abort.Get("signal"))
	opts.Set("credentials", "same-origin")
	opts.Set("redirect", "manual")
	if req.SameOrigin {
		if req.ETag != "" {
			headers.Call("set", "If-None-Match", req.ETag)
		}
		if req.LastModified != "" {
			headers.Call("set", "If-Modified-Since", req.LastModified)
		}
	} else {
		opts.Set("mode", "cors")
		if req.ETag != "" || req.LastModified != "" {
			opts.Set("cache", "no-cache")
		}
	}
	opts.Set("headers", headers)

	v, err := await(ctx, global.Call("fetch", req.URL, opts))
	if err != nil {
		return response{}, networkError{err.Error()}
	}
	if v.Get("type").String() == "opaqueredirect" {
		return response{}, redirectError{}
	}
	res := response{
		Status:       v.Get("status").Int(),
		ETag:         header(v, "ETag"),
		LastModified: header(v, "Last-Modified"),
	}
	switch res.Status {
	case 200:
	case 304:
		return res, nil
	default:
		return res, httpError{res.Status}
	}
	// A Content-Length over the limit fails at once. It counts encoded
	// bytes, so a body under it may still decode to more: the stream
	// below is the real check.
	if n, err := strconv.Atoi(header(v, "Content-Length")); err == nil && n > limit {
		return res, tooLargeError{limit}
	}
	res.Body, err = readLimited(ctx, v.Get("body"), limit)
	return res, err
}

// header returns a response header, or "" when it is absent (the Headers
// API returns null).
func header(resp js.Value, name string) string {
	h := resp.Get("headers").Call("get", name)
	if h.Type() != js.TypeString {
		return ""
	}
	return h.String()
}

// readLimited reads a ReadableStream of Uint8Array chunks to the end, or
// cancels it and fails once more than limit bytes have come.
func readLimited(ctx context.Context, body js.Value, limit int) ([]byte, error) {
	if body.IsNull() || body.IsUndefined() {
		return nil, nil
	}
	reader := body.Call("getReader")
	var buf []byte
	for {
		r, err := await(ctx, reader.Call("read"))
		if err != nil {
			return nil, networkError{err.Error()}
		}
		if r.Get("done").Bool() {
			return buf, nil
		}
		chunk := r.Get("value")
		n := chunk.Get("length").Int()
		if len(buf)+n > limit {
			reader.Call("cancel")
			return nil, tooLargeError{limit}
		}
		if buf == nil {
			buf = make([]byte, 0, max(n, 32<<10))
		}
		start := len(buf)
		buf = append(buf, make([]byte, n)...)
		js.CopyBytesToGo(buf[start:], chunk)
	}
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
