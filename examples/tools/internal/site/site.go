// Package site serves the status widget and the plain-JS floor widget
// (floor.js, never shipped) side by side on one static server, for
// cmd/loadtime: the same page, the same data, the same server, the same
// caching and compression, so that the only difference is the widget.
//
// It serves files as a municipality's web server would: pre-compressed
// .br or .gz files when the request accepts them (Options.Compress), an
// ETag on everything, Cache-Control no-cache (revalidate) on widget.js,
// floor.js, the pages and the data, and a year's immutable caching on the
// widget's content-addressed widget.HASH.wasm.
package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed floor.js
var floorJS []byte

// Options say what the server serves.
type Options struct {
	// Widget is the directory of the built widget (cmd/buildwidget's -out).
	Widget string
	// Before, if set, is the directory of another build of the widget,
	// served under /before/ with pages of its own, to compare builds;
	// BeforeName names the other build in String ("" is "before").
	BeforeName string
	// BeforeData, if set, the bundles its pages show (/before-data/), for
	// a build that reads an older version of the format.
	Before, BeforeData string
	// Data is the directory of the bundles, examples/data/bundles.
	Data string
	// Compress serves the .br and .gz files, and gzipped data, to
	// requests that accept them; false serves everything uncompressed.
	Compress bool
}

// The bundles the pages show, alternately, as on the demo page; the first
// at the date its follow-up was published.
var bundles = []struct{ name, at string }{
	{"strangnas-2019", "2020-01-31"},
	{"strangnas-2022-2023", ""},
}

// Server is a running site.
type Server struct {
	// URL is http://127.0.0.1:PORT, without a trailing slash.
	URL string

	srv   *http.Server
	opts  Options
	mu    sync.Mutex
	files map[string]*file // by request path, filled on first use
}

// file is one response body and its variants.
type file struct {
	ctype, cache string
	raw, gz, br  []byte
}

// Start serves opts on a free port of 127.0.0.1.
func Start(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), opts: opts, files: map[string]*file{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{kind}/{$}", s.page)
	mux.HandleFunc("GET /widget/{name}", s.static)
	mux.HandleFunc("GET /before/{name}", s.static)
	mux.HandleFunc("GET /floor/floor.js", s.static)
	mux.HandleFunc("GET /data/{name}", s.static)
	mux.HandleFunc("GET /before-data/{name}", s.static)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// PageURL returns the page with n instances of the widget ("widget"), of
// the other build ("before") or of the floor ("floor").
func (s *Server) PageURL(kind string, n int) string {
	return s.URL + "/" + kind + "/?n=" + strconv.Itoa(n)
}

type instance struct{ Src, At string }

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Medborgarlöfte – Trygghet</title>
{{if .Widget}}<script async src="/{{.Dir}}/widget.js"></script>{{else}}<script async src="/floor/floor.js"></script>{{end}}
</head>
<body>
<header><p>Kommunen</p></header>
<main>
<h1>Medborgarlöfte</h1>
<p>Polisen och kommunen lovar varje år konkreta aktiviteter för att öka tryggheten. Här ser du hur det går.</p>
{{range .Instances}}<section>
{{if $.Widget}}<medborgarlofte-status data-loadtime src="{{.Src}}"{{if .At}} at="{{.At}}"{{end}}><p><a href="{{.Src}}">Medborgarlöftet</a></p></medborgarlofte-status>{{else}}<floor-status data-loadtime src="{{.Src}}"{{if .At}} at="{{.At}}"{{end}}><p><a href="{{.Src}}">Medborgarlöftet</a></p></floor-status>{{end}}
</section>
{{end}}</main>
</body>
</html>
`))

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	kind := r.PathValue("kind")
	if kind != "widget" && kind != "floor" && (kind != "before" || s.opts.Before == "") {
		http.NotFound(w, r)
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n < 1 || n > 50 {
		n = 1
	}
	d := struct {
		Widget    bool
		Dir       string
		Instances []instance
	}{Widget: kind != "floor", Dir: kind}
	data := "/data/"
	if kind == "before" && s.opts.BeforeData != "" {
		data = "/before-data/"
	}
	for i := range n {
		b := bundles[i%len(bundles)]
		d.Instances = append(d.Instances, instance{Src: data + b.name + ".json", At: b.at})
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'")
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	s.serve(w, r, &file{raw: buf.Bytes()})
}

// hashed is a content-addressed file name: cached for a year.
var hashed = regexp.MustCompile(`^widget\.[0-9a-f]{8,64}\.wasm$`)

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	f, err := s.load(r.URL.Path)
	if os.IsNotExist(err) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", f.cache)
	s.serve(w, r, f)
}

// load reads the file of a request path once.
func (s *Server) load(path string) (*file, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.files[path]; f != nil {
		return f, nil
	}
	f := &file{cache: "no-cache"}
	dir, name := filepath.Split(path)
	if strings.Contains(name, "..") || strings.HasPrefix(name, ".") || name == "" {
		return nil, os.ErrNotExist
	}
	var err error
	switch dir {
	case "/floor/":
		f.raw = floorJS
	case "/data/", "/before-data/":
		if !strings.HasSuffix(name, ".json") {
			return nil, os.ErrNotExist
		}
		dataDir := s.opts.Data
		if dir == "/before-data/" {
			dataDir = s.opts.BeforeData
		}
		f.raw, err = os.ReadFile(filepath.Join(dataDir, name))
	case "/widget/", "/before/":
		base := filepath.Join(s.opts.Widget, name)
		if dir == "/before/" {
			base = filepath.Join(s.opts.Before, name)
		}
		if f.raw, err = os.ReadFile(base); err != nil {
			return nil, err
		}
		// The build's pre-compressed files, as a site would upload them.
		f.gz, _ = os.ReadFile(base + ".gz")
		f.br, _ = os.ReadFile(base + ".br")
		if hashed.MatchString(name) {
			f.cache = "public, max-age=31536000, immutable"
		}
	default:
		return nil, os.ErrNotExist
	}
	if err != nil {
		return nil, err
	}
	switch {
	case strings.HasSuffix(name, ".wasm"):
		f.ctype = "application/wasm"
	case strings.HasSuffix(name, ".js"):
		f.ctype = "text/javascript; charset=utf-8"
	default:
		f.ctype = "application/json; charset=utf-8"
	}
	if f.gz == nil && dir != "/widget/" && dir != "/before/" {
		// A server compresses scripts and data on the fly.
		f.gz = gzipBytes(f.raw)
	}
	s.files[path] = f
	return f, nil
}

// serve writes f's best variant for the request, with an ETag of it, and
// answers If-None-Match with 304.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, f *file) {
	body, enc := f.raw, ""
	if s.opts.Compress {
		accept := r.Header.Get("Accept-Encoding")
		switch {
		case f.br != nil && strings.Contains(accept, "br"):
			body, enc = f.br, "br"
		case f.gz != nil && strings.Contains(accept, "gzip"):
			body, enc = f.gz, "gzip"
		}
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	sum := sha256.Sum256(body)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:10])+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// String describes the server's options.
func (o Options) String() string {
	c := "pre-compressed (br, gzip)"
	if !o.Compress {
		c = "uncompressed"
	}
	s := "widget " + o.Widget
	if o.Before != "" {
		name := o.BeforeName
		if name == "" {
			name = "before"
		}
		s += ", " + name + " " + o.Before
	}
	return fmt.Sprintf("%s, %s", s, c)
}
