package main

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
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

// failCookie makes /data/ requests fail while the browser sends it.
const failCookie = "medborgarlofte-demo-fail"

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

// widgetFile serves widget.js and widget.wasm, pre-compressed: the .br
// file when the request accepts br, else the .gz file when it accepts
// gzip, else the raw file; with Content-Encoding, Vary: Accept-Encoding
// and an ETag of each variant. widget.wasm goes as application/wasm, which
// WebAssembly.instantiateStreaming requires.
func (s *server) widgetFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var ctype string
	switch name {
	case "widget.js":
		ctype = "text/javascript; charset=utf-8"
	case "widget.wasm":
		ctype = "application/wasm"
	default:
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache") // a demo rebuilds; a real site names files by hash
	path := filepath.Join(s.widget, name)
	enc := ""
	for _, e := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if accepts(r.Header.Get("Accept-Encoding"), e.name) {
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
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	serveBytes(w, r, b, mod)
}

// serveBytes serves b with http.ServeContent, which answers If-None-Match
// (given an ETag header) and If-Modified-Since (given mod).
func serveBytes(w http.ResponseWriter, r *http.Request, b []byte, mod time.Time) {
	http.ServeContent(w, r, "", mod, bytes.NewReader(b))
}
