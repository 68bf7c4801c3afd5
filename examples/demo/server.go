package main

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The Content-Security-Policy of the demo's pages: what the README asks of
// a page that embeds the widget. cspNoWASM lacks 'wasm-unsafe-eval'.
const (
	cspStrict = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
	cspNoWASM = "default-src 'self'; script-src 'self'; style-src 'self'"
)

// failCookie makes /data/ requests fail while the browser sends it;
// rawCookie makes the widget's files come uncompressed, as from a server
// without compression.
const (
	failCookie = "medborgarlofte-demo-fail"
	rawCookie  = "medborgarlofte-demo-raw"
)

//go:embed static
var static embed.FS

type server struct {
	data   string // examples/data
	widget string // the built widget
	mux    *http.ServeMux
}

func newServer(dataDir, widgetDir string) http.Handler {
	s := &server{data: dataDir, widget: widgetDir, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /page.css", s.css)
	s.mux.HandleFunc("GET /widget/{file}", s.widgetFile)
	s.mux.HandleFunc("GET /upload/{id}/{file}", s.upload)
	s.mux.HandleFunc("GET /data/{file}", s.dataFile)
	registerEditor(s.mux, dataDir, widgetDir) // the editor at /redigera (editor.go)
	s.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	switch r.URL.Query().Get("csp") {
	case "off":
	case "nowasm":
		h.Set("Content-Security-Policy", cspNoWASM)
	case "cross":
		// The README's recipe for data on another host.
		h.Set("Content-Security-Policy", cspStrict+"; connect-src 'self' "+otherOrigin(r))
	default:
		h.Set("Content-Security-Policy", cspStrict)
	}
	s.mux.ServeHTTP(w, r)
}

func (s *server) css(w http.ResponseWriter, r *http.Request) {
	b, err := static.ReadFile("static/page.css")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	serveBytes(w, r, b, time.Time{})
}

// widgetFile serves widget.js and its widget.HASH.wasm, pre-compressed:
// the .br file when the request accepts br, else the .gz file when it
// accepts gzip, else the raw file; with Content-Encoding, Vary:
// Accept-Encoding and an ETag of each variant. widget.js is revalidated on
// every load (no-cache); the wasm, named by its content, is cached for a
// year (immutable), so that a browser reuses its compiled code. The wasm
// goes as application/wasm, which WebAssembly.instantiateStreaming
// requires.
func (s *server) widgetFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	switch {
	case name == "widget.js":
		w.Header().Set("Cache-Control", "no-cache")
		s.serveWidget(w, r, name, "text/javascript; charset=utf-8")
	case hashedWASM.MatchString(name):
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		s.serveWidget(w, r, name, "application/wasm")
	default:
		http.NotFound(w, r)
	}
}

// hashedWASM matches the name of a built wasm.
var hashedWASM = regexp.MustCompile(`^widget\.[0-9a-f]{16}\.wasm$`)

// upload serves the wasm as a CMS serves an uploaded file: under a path
// and name of its own (/upload/ID/NAME), cached for an hour, which pages
// give in data-wasm (?wasm=script and ?wasm=element). /upload/other/NAME
// is a wasm module of another build (?wasm=other): the loader must refuse
// it.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "max-age=3600")
	if r.PathValue("id") == "other" {
		w.Header().Set("Content-Type", "application/wasm")
		serveBytes(w, r, otherBuild, time.Time{})
		return
	}
	name, err := wasmName(s.widget)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.serveWidget(w, r, name, "application/wasm")
}

// otherBuild is the smallest wasm module of another Go build: no code,
// only a custom section go:buildid with another ID.
var otherBuild = func() []byte {
	sec := []byte("\x0ago:buildid\xff Go build ID: \"another-build/0\"\n \xff")
	return append([]byte{0, 'a', 's', 'm', 1, 0, 0, 0, 0, byte(len(sec))}, sec...)
}()

// serveWidget serves a file of the built widget with the best encoding
// the request accepts.
func (s *server) serveWidget(w http.ResponseWriter, r *http.Request, name, ctype string) {
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	path := filepath.Join(s.widget, name)
	enc := ""
	_, err := r.Cookie(rawCookie)
	raw := err == nil
	for _, e := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !raw && accepts(r.Header.Get("Accept-Encoding"), e.name) {
			if _, err := os.Stat(path + e.ext); err == nil {
				enc, path = e.name, path+e.ext
				break
			}
		}
	}
	f, err := os.Open(path)
	if err != nil {
		http.Error(w, "the widget is not built", http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.Set("Content-Type", ctype)
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("ETag", `"`+strconv.FormatInt(fi.Size(), 36)+"-"+strconv.FormatInt(fi.ModTime().UnixNano(), 36)+encSuffix(enc)+`"`)
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

func encSuffix(enc string) string {
	if enc == "" {
		return ""
	}
	return "-" + enc
}

// accepts reports whether an Accept-Encoding header accepts the coding
// with a q-value above 0 (explicitly or through *).
func accepts(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch name {
		case coding:
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

var dataName = regexp.MustCompile(`^[a-z0-9-]+\.json$`)

// dataFile serves a bundle with an ETag and Last-Modified, answering
// conditional requests with 304, so that the widget's background refresh
// costs no body when nothing changed.
func (s *server) dataFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if c, err := r.Cookie(failCookie); err == nil && c.Value == "data" {
		http.Error(w, "failing on purpose (the demo's fail=data switch)", http.StatusServiceUnavailable)
		return
	}
	if !dataName.MatchString(name) {
		http.NotFound(w, r)
		return
	}
	b, mod, err := s.bundle(strings.TrimSuffix(name, ".json"))
	if os.IsNotExist(err) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(b)
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	// Any page may show the demo's data: the cross-host test pages
	// (?src=cross) read it from the demo's other host name.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	serveBytes(w, r, b, mod)
}

// serveBytes serves b with http.ServeContent, which answers If-None-Match
// (given an ETag header) and If-Modified-Since (given mod).
func serveBytes(w http.ResponseWriter, r *http.Request, b []byte, mod time.Time) {
	http.ServeContent(w, r, "", mod, bytes.NewReader(b))
}

// otherOrigin returns the demo's origin under its other host name:
// http://localhost:PORT for a request to 127.0.0.1:PORT and the other way
// round. The browser counts them as two hosts.
func otherOrigin(r *http.Request) string {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, "80"
	}
	if host == "localhost" {
		host = "127.0.0.1"
	} else {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
