package widgetbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Cost is the size of one comparison program: what the widget's
// dependencies cost, each on top of the previous step. (Using context at
// all costs about 50 kB gzipped in js/wasm: its Deadline method makes the
// linker keep every method of time.Time, formatting and parsing included.)
type Cost struct {
	Name                  string
	Raw, Gzip, Brotli     int64
	AddedGzip, AddedBrotl int64
}

// costPrograms are the steps, each a main package for js/wasm that uses
// what it names so that the linker keeps it. They are built as if they
// were the package wasm/internal/zzcost (through go build -overlay, so
// nothing is written into the repository), which may import the widget's
// internal packages.
var costPrograms = []struct{ name, src string }{
	{"empty syscall/js program", `package main

import "syscall/js"

func main() { js.Global().Set("x", 1); select {} }
`},
	{"+ promise (Validate; links fmt, net/url)", `package main

import (
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

func main() {
	var d promise.Document
	js.Global().Set("x", d.Validate() == nil)
	select {}
}
`},
	{"+ followup (Report.Validate, Evaluate)", `package main

import (
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func main() {
	var b followup.Bundle
	ok := b.Document.Validate() == nil
	for i := range b.Reports {
		ok = ok && b.Reports[i].Validate(&b.Document) == nil
	}
	ev := followup.Evaluate(&b, promise.DateOf(b.Document.Updated.Time()))
	js.Global().Set("x", ok && len(ev.CitizenPromises) == 0)
	select {}
}
`},
	{"+ context, go-indexeddb (the offline cache)", `package main

import (
	"context"
	"syscall/js"

	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func main() {
	var b followup.Bundle
	ok := b.Document.Validate() == nil
	for i := range b.Reports {
		ok = ok && b.Reports[i].Validate(&b.Document) == nil
	}
	ev := followup.Evaluate(&b, promise.DateOf(b.Document.Updated.Time()))
	if js.Global().Get("indexedDB").Truthy() {
		ctx := context.Background()
		req, _ := idb.Global().Open(ctx, "x", 1, func(db *idb.Database, _, _ uint) error {
			_, err := db.CreateObjectStore("x", idb.ObjectStoreOptions{})
			return err
		})
		db, _ := req.Await(ctx)
		txn, _ := db.Transaction(idb.TransactionReadWrite, "x")
		s, _ := txn.ObjectStore("x")
		_, _ = s.PutKey(js.ValueOf("k"), js.ValueOf("v"))
		_ = txn.Await(ctx)
	}
	js.Global().Set("x", ok && len(ev.CitizenPromises) == 0)
	select {}
}
`},
	{"+ wasm/internal/strict (the decoder)", `package main

import (
	"context"
	"syscall/js"

	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict"
)

func main() {
	b, err := strict.Decode([]byte(js.Global().Get("x").String()))
	if err != nil {
		js.Global().Set("y", err.(*strict.Error).Problems[0].Message.In("sv"))
		b = &followup.Bundle{}
	}
	ev := followup.Evaluate(b, promise.DateOf(b.Document.Updated.Time()))
	if js.Global().Get("indexedDB").Truthy() {
		ctx := context.Background()
		req, _ := idb.Global().Open(ctx, "x", 1, func(db *idb.Database, _, _ uint) error {
			_, err := db.CreateObjectStore("x", idb.ObjectStoreOptions{})
			return err
		})
		db, _ := req.Await(ctx)
		txn, _ := db.Transaction(idb.TransactionReadWrite, "x")
		s, _ := txn.ObjectStore("x")
		_, _ = s.PutKey(js.ValueOf("k"), js.ValueOf("v"))
		_ = txn.Await(ctx)
	}
	js.Global().Set("x", len(ev.CitizenPromises) == 0)
	select {}
}
`},
}

// Costs builds each comparison program, and the widget itself last, and
// returns their sizes. It takes a minute when the build cache is cold.
func Costs(ctx context.Context, opts Options) ([]Cost, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "widgetcosts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var out []Cost
	measure := func(name string, args ...string) error {
		bin := filepath.Join(dir, "out.wasm")
		if err := GoBuildWASM(ctx, opts.Go, opts.Root, bin, WidgetTags, args...); err != nil {
			return err
		}
		b, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		gz, br, err := Compress(b)
		if err != nil {
			return err
		}
		c := Cost{Name: name, Raw: int64(len(b)), Gzip: int64(len(gz)), Brotli: int64(len(br))}
		if n := len(out); n > 0 {
			c.AddedGzip, c.AddedBrotl = c.Gzip-out[n-1].Gzip, c.Brotli-out[n-1].Brotli
		}
		out = append(out, c)
		return nil
	}
	pkgDir := filepath.Join(opts.Root, "wasm", "internal", "zzcost")
	for i, p := range costPrograms {
		src := filepath.Join(dir, "p"+string(rune('0'+i))+".go")
		if err := os.WriteFile(src, []byte(p.src), 0o644); err != nil {
			return nil, err
		}
		overlay, err := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(pkgDir, "main.go"): src}})
		if err != nil {
			return nil, err
		}
		ov := filepath.Join(dir, "overlay.json")
		if err := os.WriteFile(ov, overlay, 0o644); err != nil {
			return nil, err
		}
		if err := measure(p.name, "-overlay="+ov, "./wasm/internal/zzcost"); err != nil {
			return nil, err
		}
	}
	if err := measure("the widget (./wasm): + the view, the bridge", "./wasm"); err != nil {
		return nil, err
	}
	return out, nil
}

// PackageSize is the code of one package in widget.wasm.
type PackageSize struct {
	Package string
	// Code is the bytes of its functions' bodies; Gzip those bodies
	// gzipped on their own, an estimate of what they add to the
	// compressed file.
	Code, Gzip int64
	Funcs      int
}

// PackageSizes builds the widget with its function names (the name
// section that -s strips) and returns the code of each package, largest
// first, and the sizes of the code and data sections.
func PackageSizes(ctx context.Context, opts Options) (pkgs []PackageSize, code, data int64, err error) {
	opts, err = opts.withDefaults()
	if err != nil {
		return nil, 0, 0, err
	}
	dir, err := os.MkdirTemp("", "widgetsizes-")
	if err != nil {
		return nil, 0, 0, err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "named.wasm")
	flags := []string{"-ldflags=-w"}
	for _, f := range BuildFlags {
		if !strings.HasPrefix(f, "-ldflags") {
			flags = append(flags, f)
		}
	}
	flags = withTags(flags, WidgetTags)
	if err := goBuild(ctx, opts.Go, opts.Root, bin, flags, "./wasm"); err != nil {
		return nil, 0, 0, err
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		return nil, 0, 0, err
	}
	m, err := parseModule(b)
	if err != nil {
		return nil, 0, 0, err
	}
	bodies := map[string]*bytes.Buffer{}
	funcs := map[string]int{}
	for i, body := range m.bodies {
		p := packageOf(m.names[m.imports+i])
		if bodies[p] == nil {
			bodies[p] = new(bytes.Buffer)
		}
		bodies[p].Write(body)
		funcs[p]++
	}
	for p, buf := range bodies {
		var g bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
		zw.Write(buf.Bytes())
		zw.Close()
		pkgs = append(pkgs, PackageSize{Package: p, Code: int64(buf.Len()), Gzip: int64(g.Len()), Funcs: funcs[p]})
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Code > pkgs[j].Code })
	return pkgs, m.code, m.data, nil
}

// packageOf returns the import path of a function's package from its
// name in the name section, where the path's slashes (and a module's
// hyphens) are underscores: "github.com_medborgarlofte_medborgarlofte_followup.Evaluate".
func packageOf(name string) string {
	for _, m := range []struct{ mangled, path string }{
		{"github.com_medborgarlofte_medborgarlofte_", ""},
		{"github.com_hack_pad_go_indexeddb_", "github.com/hack-pad/go-indexeddb/"},
		{"github.com_hack_pad_safejs", "github.com/hack-pad/safejs"},
		{"github.com_google_uuid", "github.com/google/uuid"},
	} {
		if rest, ok := strings.CutPrefix(name, m.mangled); ok {
			pkg, _, _ := strings.Cut(rest, ".")
			if m.path == "" && pkg == "" {
				return "?"
			}
			return m.path + strings.ReplaceAll(pkg, "_", "/")
		}
	}
	pkg, _, _ := strings.Cut(name, ".")
	switch pkg {
	case "main":
		return "wasm (the widget's own code)"
	case "type_", "type":
		return "(type equality and hash functions)"
	case "":
		return "?"
	}
	return strings.ReplaceAll(pkg, "_", "/")
}

// module is what PackageSizes reads of a wasm module.
type module struct {
	imports    int
	bodies     [][]byte
	names      map[int]string
	code, data int64
}

// parseModule reads the function bodies, the function names and the
// sizes of the code and data sections of a wasm module.
func parseModule(b []byte) (*module, error) {
	m := &module{names: map[int]string{}}
	bad := func() (*module, error) { return nil, errBadModule }
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return bad()
	}
	for i := 8; i < len(b); {
		id := b[i]
		size, n := uleb(b[i+1:])
		if n == 0 || i+1+n+int(size) > len(b) {
			return bad()
		}
		sec := b[i+1+n : i+1+n+int(size)]
		i += 1 + n + int(size)
		switch id {
		case 2: // imports: count the functions
			cnt, k := uleb(sec)
			for range cnt {
				for range 2 { // module and field names
					l, n := uleb(sec[k:])
					k += n + int(l)
				}
				kind := sec[k]
				k++
				switch kind {
				case 0:
					_, n := uleb(sec[k:])
					k += n
					m.imports++
				case 1:
					k++
					fallthrough
				case 2:
					flags := sec[k]
					k++
					_, n := uleb(sec[k:])
					k += n
					if flags&1 == 1 {
						_, n := uleb(sec[k:])
						k += n
					}
				case 3:
					k += 2
				}
			}
		case 10:
			m.code = int64(len(sec))
			cnt, k := uleb(sec)
			for range cnt {
				l, n := uleb(sec[k:])
				m.bodies = append(m.bodies, sec[k+n:k+n+int(l)])
				k += n + int(l)
			}
		case 11:
			m.data = int64(len(sec))
		case 0:
			l, k := uleb(sec)
			if string(sec[k:k+int(l)]) != "name" {
				continue
			}
			for k += int(l); k < len(sec); {
				sub := sec[k]
				sl, n := uleb(sec[k+1:])
				body := sec[k+1+n : k+1+n+int(sl)]
				k += 1 + n + int(sl)
				if sub != 1 {
					continue
				}
				cnt, j := uleb(body)
				for range cnt {
					idx, n := uleb(body[j:])
					j += n
					nl, n := uleb(body[j:])
					j += n
					m.names[int(idx)] = string(body[j : j+int(nl)])
					j += int(nl)
				}
			}
		}
	}
	return m, nil
}
