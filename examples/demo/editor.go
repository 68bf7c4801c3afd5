package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file serves the editor, <medborgarlofte-editor> (wasm/editor), at
// /redigera: a page with the editor, and its files at /redigera/editor.js
// and /redigera/editor.wasm, pre-compressed like the widget's. The editor
// is built into DIST/editor (DIST is the widget's directory) with
// go -C examples/tools run ./cmd/buildeditor on the first request of the
// page when its files are missing or older than its sources.

// editorFiles are what the demo serves of the built editor.
var editorFiles = []string{
	"editor.js", "editor.js.gz", "editor.js.br",
	"editor.wasm", "editor.wasm.gz", "editor.wasm.br",
}

const editorPage = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redigera medborgarlöften</title>
<link rel="stylesheet" href="/page.css">
</head>
<body>
<main id="innehall">
<medborgarlofte-editor lang="%s"%s>
<p>Redigeraren för medborgarlöften behöver JavaScript och WebAssembly. Den laddas …</p>
</medborgarlofte-editor>
</main>
<script async src="/redigera/editor.js"></script>
</body>
</html>
`

type editorServer struct {
	root, dir string
	mu        sync.Mutex // one build at a time
}

// registerEditor adds the editor's routes to mux. dataDir is
// ROOT/examples/data; the editor is built into WIDGETDIR/editor.
func registerEditor(mux *http.ServeMux, dataDir, widgetDir string) {
	s := &editorServer{root: filepath.Dir(filepath.Dir(dataDir)), dir: filepath.Join(widgetDir, "editor")}
	mux.HandleFunc("GET /redigera", s.page)
	mux.HandleFunc("GET /redigera/{$}", s.page)
	mux.HandleFunc("GET /redigera/{file}", s.file)
}

func (s *editorServer) page(w http.ResponseWriter, r *http.Request) {
	if err := s.ensure(r); err != nil {
		http.Error(w, "the editor could not be built: "+err.Error(), http.StatusInternalServerError)
		return
	}
	// ?lang=en shows the editor in English; ?today=YYYY-MM-DD sets its
	// idea of today (for tests: the default dates of new reports).
	lang, today := "sv", ""
	if r.URL.Query().Get("lang") == "en" {
		lang = "en"
	}
	if d := r.URL.Query().Get("today"); len(d) == 10 && strings.Trim(d, "0123456789-") == "" {
		today = ` today="` + d + `"`
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprintf(w, editorPage, lang, today)
}

// ensure builds the editor when a file is missing or older than a source.
func (s *editorServer) ensure(r *http.Request) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	built := time.Time{}
	for _, name := range editorFiles {
		fi, err := os.Stat(filepath.Join(s.dir, name))
		if err != nil {
			built = time.Time{}
			break
		}
		if built.IsZero() || fi.ModTime().Before(built) {
			built = fi.ModTime()
		}
	}
	if !built.IsZero() && !s.newerSource(built) {
		return nil
	}
	fmt.Printf("building the editor into %s\n", s.dir)
	cmd := exec.CommandContext(r.Context(), "go", "-C", filepath.Join(s.root, "examples", "tools"), "run", "./cmd/buildeditor", "-out", s.dir)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// newerSource reports whether a source of the editor is newer than t.
func (s *editorServer) newerSource(t time.Time) bool {
	newer := false
	for _, d := range []string{"wasm/editor", "schema", "followup", "promise", "go.mod", "go.sum"} {
		filepath.WalkDir(filepath.Join(s.root, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil || newer {
				return filepath.SkipAll
			}
			if e.IsDir() {
				if e.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if fi, err := e.Info(); err == nil && !strings.HasSuffix(e.Name(), "_test.go") && fi.ModTime().After(t) {
				newer = true
			}
			return nil
		})
	}
	return newer
}

// file serves editor.js and editor.wasm as the widget's files are served.
func (s *editorServer) file(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var ctype string
	switch name {
	case "editor.js":
		ctype = "text/javascript; charset=utf-8"
	case "editor.wasm":
		ctype = "application/wasm"
	default:
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	path := filepath.Join(s.dir, name)
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
		http.Error(w, "the editor is not built: open /redigera first", http.StatusNotFound)
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
