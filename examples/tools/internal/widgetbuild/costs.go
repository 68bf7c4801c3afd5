package widgetbuild

import (
	"context"
	"os"
	"path/filepath"
)

// Cost is the size of one comparison program: what the widget's
// dependencies cost, each on top of the previous step. (Using context at
// all costs about 50 kB gzipped in js/wasm: its Deadline method makes the
// linker keep every method of time.Time, formatting and parsing included.)
type Cost struct {
	Name      string
	Raw, Gzip int64
}

// costPrograms are the steps, each a main package for js/wasm that uses
// what it names so that the linker keeps it.
var costPrograms = []struct{ name, src string }{
	{"empty syscall/js program", `package main

import "syscall/js"

func main() { js.Global().Set("x", 1); select {} }
`},
	{"+ encoding/json", `package main

import (
	"encoding/json"
	"syscall/js"
)

func main() {
	var v map[string]any
	_ = json.Unmarshal([]byte(js.Global().Get("x").String()), &v)
	js.Global().Set("x", len(v))
	select {}
}
`},
	{"+ promise (decode, Validate)", `package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

func main() {
	var d promise.Document
	_ = json.Unmarshal([]byte(js.Global().Get("x").String()), &d)
	js.Global().Set("x", d.Validate() == nil)
	select {}
}
`},
	{"+ followup (Bundle, Report.Validate)", `package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/followup"
)

func main() {
	var b followup.Bundle
	_ = json.Unmarshal([]byte(js.Global().Get("x").String()), &b)
	ok := b.Document.Validate() == nil
	for i := range b.Reports {
		ok = ok && b.Reports[i].Validate(&b.Document) == nil
	}
	js.Global().Set("x", ok)
	select {}
}
`},
	{"+ context (go-indexeddb's API needs it)", `package main

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/medborgarlofte/medborgarlofte/followup"
)

func main() {
	var b followup.Bundle
	_ = json.Unmarshal([]byte(js.Global().Get("x").String()), &b)
	ok := b.Document.Validate() == nil
	for i := range b.Reports {
		ok = ok && b.Reports[i].Validate(&b.Document) == nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	js.Global().Set("x", ok && ctx.Err() == nil)
	select {}
}
`},
	{"+ go-indexeddb", `package main

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/medborgarlofte/medborgarlofte/followup"
)

func main() {
	var b followup.Bundle
	_ = json.Unmarshal([]byte(js.Global().Get("x").String()), &b)
	ok := b.Document.Validate() == nil
	for i := range b.Reports {
		ok = ok && b.Reports[i].Validate(&b.Document) == nil
	}
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
	js.Global().Set("x", ok)
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
		if err := GoBuildWASM(ctx, opts.Go, opts.Root, bin, args...); err != nil {
			return err
		}
		b, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		gz, err := GzipSize(b)
		if err != nil {
			return err
		}
		out = append(out, Cost{Name: name, Raw: int64(len(b)), Gzip: gz})
		return nil
	}
	for i, p := range costPrograms {
		// The program lives outside the module but builds in its root,
		// so that it resolves the module's packages and versions.
		src := filepath.Join(dir, "p"+string(rune('0'+i)), "main.go")
		if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(src, []byte(p.src), 0o644); err != nil {
			return nil, err
		}
		if err := measure(p.name, src); err != nil {
			return nil, err
		}
	}
	if err := measure("the widget (./wasm)", "./wasm"); err != nil {
		return nil, err
	}
	return out, nil
}
