package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testWASM is the name of the fake built widget's wasm.
const testWASM = "widget.0123456789abcdef.wasm"

// testServer serves the real example data and a fake built widget whose
// files hold their own names (widget.js also the line that names its
// wasm), so that a test sees which variant it got.
func testServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	dir := fakeWidget(t)
	srv := httptest.NewServer(newServer(filepath.Join("..", "data"), dir))
	t.Cleanup(srv.Close)
	return srv, dir
}

// fakeWidget writes a fake built widget into a new directory.
func fakeWidget(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"widget.js", "widget.js.gz", "widget.js.br", testWASM, testWASM + ".gz", testWASM + ".br"} {
		body := name
		if name == "widget.js" {
			body = "const medborgarlofteWasmName = \"" + testWASM + "\";\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
func get(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// No transparent gzip: the tests check the encodings themselves.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func TestPage(t *testing.T) {
	srv, _ := testServer(t)
	tests := []struct {
		query          string
		csp            string
		elements, divs int
		contains       []string
	}{
		{"", cspStrict, 1, 1, []string{`src="/data/strangnas-2019.json"`, `at="2020-01-31"`, `data-src="/data/strangnas-2022-2023.json"`}},
		{"?instances=10", cspStrict, 5, 5, nil},
		{"?offline=1&lang=en&debug=1", cspStrict, 1, 1, []string{` offline`, ` data-offline`, `lang="en"`, ` debug`}},
		{"?csp=nowasm", cspNoWASM, 1, 1, nil},
		{"?csp=off&data=hostile", "", 1, 1, []string{`/data/hostile-markup.json`, `/data/hostile-links.json`}},
		{"?wasm=script", cspStrict, 1, 1, []string{`<script async src="/widget/widget.js" data-wasm="/upload/4711/widget.wasm"></script>`}},
		{"?wasm=element", cspStrict, 1, 1, []string{` wasm="/upload/4711/widget.wasm"`, ` data-wasm="/upload/4711/widget.wasm"`}},
		{"?wasm=other", cspStrict, 1, 1, []string{`data-wasm="/upload/other/widget.wasm"`}},
		{"?src=cross", cspStrict, 1, 1, []string{`src="http://localhost:`}},
		{"?src=cross&csp=cross", cspStrict + "; connect-src 'self' http://localhost:", 1, 1, nil},
	}
	elements := regexp.MustCompile(`<medborgarlofte-status `)
	divs := regexp.MustCompile(`<div data-medborgarlofte-status `)
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			res, body := get(t, srv.URL+"/"+tc.query, nil)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Security-Policy"); !strings.HasPrefix(got, tc.csp) || got != tc.csp && !strings.HasSuffix(tc.csp, ":") {
				t.Errorf("CSP = %q, want %q", got, tc.csp)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			if n := len(elements.FindAllString(body, -1)); n != tc.elements {
				t.Errorf("%d <medborgarlofte-status> elements, want %d", n, tc.elements)
			}
			if n := len(divs.FindAllString(body, -1)); n != tc.divs {
				t.Errorf("%d div widgets, want %d", n, tc.divs)
			}
			for _, s := range tc.contains {
				if !strings.Contains(body, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			// Nothing inline: the strict CSP would block it.
			for _, bad := range []string{"<style", " style=", "<script>", " onclick=", " onload="} {
				if strings.Contains(body, bad) {
					t.Errorf("the page has %q", bad)
				}
			}
			if !strings.Contains(body, `<script async src="/widget/widget.js"`) {
				t.Errorf("the page does not load the widget")
			}
		})
	}
}

func TestWidgetEncodings(t *testing.T) {
	srv, _ := testServer(t)
	tests := []struct {
		file, accept string
		body, enc    string
		ctype        string
	}{
		{testWASM, "gzip, deflate, br, zstd", testWASM + ".br", "br", "application/wasm"},
		{testWASM, "gzip", testWASM + ".gz", "gzip", "application/wasm"},
		{testWASM, "br;q=0, gzip;q=0.8", testWASM + ".gz", "gzip", "application/wasm"},
		{testWASM, "*", testWASM + ".br", "br", "application/wasm"},
		{testWASM, "", testWASM, "", "application/wasm"},
		{testWASM, "identity", testWASM, "", "application/wasm"},
		{"widget.js", "br", "widget.js.br", "br", "text/javascript; charset=utf-8"},
	}
	etags := map[string]string{}
	for _, tc := range tests {
		res, body := get(t, srv.URL+"/widget/"+tc.file, map[string]string{"Accept-Encoding": tc.accept})
		if res.StatusCode != 200 || body != tc.body {
			t.Errorf("%s, Accept-Encoding %q: %d %q, want %q", tc.file, tc.accept, res.StatusCode, body, tc.body)
		}
		if got := res.Header.Get("Content-Encoding"); got != tc.enc {
			t.Errorf("%s, Accept-Encoding %q: Content-Encoding %q, want %q", tc.file, tc.accept, got, tc.enc)
		}
		if got := res.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.file, got, tc.ctype)
		}
		if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("%s: Vary %q", tc.file, got)
		}
		etag := res.Header.Get("ETag")
		if prev, ok := etags[etag]; ok && prev != tc.body {
			t.Errorf("ETag %s for both %s and %s", etag, prev, tc.body)
		}
		etags[etag] = tc.body
		res, _ = get(t, srv.URL+"/widget/"+tc.file, map[string]string{"Accept-Encoding": tc.accept, "If-None-Match": etag})
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match: %d, want 304", tc.file, res.StatusCode)
		}
	}
	res, body := get(t, srv.URL+"/widget/widget.js", nil)
	if !strings.Contains(body, testWASM) || res.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("widget.js: %q, Cache-Control %q; want its wasm's name and no-cache", body, res.Header.Get("Cache-Control"))
	}
	// The wasm, named by its content, is cached for a year.
	res, _ = get(t, srv.URL+"/widget/"+testWASM, nil)
	if got := res.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("the wasm's Cache-Control %q", got)
	}
	for _, name := range []string{"other.js", "widget.wasm", "widget.0123.wasm"} {
		if res, _ := get(t, srv.URL+"/widget/"+name, nil); res.StatusCode != 404 {
			t.Errorf("/widget/%s: %d, want 404", name, res.StatusCode)
		}
	}
}

// TestUpload: the wasm under a CMS's URL of its own, and a wasm of
// another build.
func TestUpload(t *testing.T) {
	srv, _ := testServer(t)
	res, body := get(t, srv.URL+"/upload/4711/widget.wasm", map[string]string{"Accept-Encoding": "gzip"})
	if res.StatusCode != 200 || body != testWASM+".gz" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("/upload/4711/widget.wasm: %d %q %s", res.StatusCode, body, res.Header.Get("Content-Type"))
	}
	res, body = get(t, srv.URL+"/upload/other/widget.wasm", nil)
	if res.StatusCode != 200 || !strings.HasPrefix(body, "\x00asm") || !strings.Contains(body, `Go build ID: "another-build/0"`) {
		t.Errorf("/upload/other/widget.wasm: %d %q", res.StatusCode, body)
	}
}

func TestData(t *testing.T) {
	srv, _ := testServer(t)
	for _, name := range []string{"strangnas-2019", "strangnas-2022-2023", "hostile-markup"} {
		t.Run(name, func(t *testing.T) {
			res, body := get(t, srv.URL+"/data/"+name+".json", nil)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", got)
			}
			var b bundle
			if err := json.Unmarshal([]byte(body), &b); err != nil {
				t.Fatal(err)
			}
			if b.Schema != bundleSchema {
				t.Errorf("$schema %q", b.Schema)
			}
			if err := b.Document.Validate(); err != nil {
				t.Errorf("the bundle's document is invalid: %v", err)
			}
			etag := res.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			res, body = get(t, srv.URL+"/data/"+name+".json", map[string]string{"If-None-Match": etag})
			if res.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("with If-None-Match: %d and %d bytes, want 304 and none", res.StatusCode, len(body))
			}
		})
	}
	_, body := get(t, srv.URL+"/data/hostile-markup.json", nil)
	if !strings.Contains(body, "<script>window.__mloPwned=1</script>") {
		t.Errorf("the hostile bundle lacks its markup")
	}
	_, body = get(t, srv.URL+"/data/hostile-links.json", nil)
	var b bundle
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	if err := b.Document.Validate(); err == nil || !strings.Contains(err.Error(), "javascript:") {
		t.Errorf("the hostile links validate: %v", err)
	}
	for _, path := range []string{"/data/none.json", "/data/..%2fgo.mod", "/data/x.txt"} {
		if res, _ := get(t, srv.URL+path, nil); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
}

// TestFailSwitch: ?fail=data makes the data fail for this browser until a
// page without it.
func TestFailSwitch(t *testing.T) {
	srv, _ := testServer(t)
	res, _ := get(t, srv.URL+"/?fail=data", nil)
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == failCookie {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatal("no cookie")
	}
	res, _ = get(t, srv.URL+"/data/strangnas-2019.json", map[string]string{"Cookie": cookie.String()})
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("data with the cookie: %d, want 503", res.StatusCode)
	}
	res, _ = get(t, srv.URL+"/", map[string]string{"Cookie": cookie.String()})
	cleared := false
	for _, c := range res.Cookies() {
		cleared = cleared || c.Name == failCookie && c.MaxAge < 0
	}
	if !cleared {
		t.Errorf("a page without fail does not clear the cookie")
	}
}

func TestAccepts(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, br", "br", true},
		{"gzip;q=1.0, br;q=0", "br", false},
		{"GZIP", "gzip", true},
		{"*;q=0.5", "br", true},
		{"*;q=0", "br", false},
		{"br;q=0, *", "br", false},
		{"", "gzip", false},
		{"identity", "gzip", false},
	}
	for _, tc := range tests {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}

func TestOldestBuilt(t *testing.T) {
	dir := t.TempDir()
	if got, err := oldestBuilt(dir); err != nil || !got.IsZero() {
		t.Errorf("oldestBuilt(empty) = %v, %v; want zero", got, err)
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	dir = fakeWidget(t)
	files, err := widgetFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range files {
		p := filepath.Join(dir, name)
		if err := os.Chtimes(p, old.AddDate(0, 0, i), old.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := oldestBuilt(dir); err != nil || !got.Equal(old) {
		t.Errorf("oldestBuilt = %v, %v; want %v", got, err, old)
	}
	root, err := findRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	newest, which, err := newestSource(root)
	if err != nil || !newest.After(old) || which == "" {
		t.Errorf("newestSource = %v %q %v", newest, which, err)
	}
}
