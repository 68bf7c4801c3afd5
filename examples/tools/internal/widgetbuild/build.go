// Package widgetbuild builds the status widget of package wasm: widget.wasm
// (GOOS=js GOARCH=wasm), widget.js (the loader, dom.js, widget.css and Go's
// wasm_exec.js in one closure) and a .gz and a .br file of each, for
// servers that send them pre-compressed.
package widgetbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// ModulePath is the module of the repository whose ./wasm is built.
const ModulePath = "github.com/medborgarlofte/medborgarlofte"

// Options say what to build where. The zero value builds from the
// repository found above the working directory into "dist".
type Options struct {
	// Root is the repository root; "" means FindRoot(".").
	Root string
	// Out is the directory the files are written to; it is created.
	Out string
	// Go is the go command; "" means "go".
	Go string
}

// File is the size of one built file, raw and compressed.
type File struct {
	Name              string
	Raw, Gzip, Brotli int64
}

// Result is what Build wrote.
type Result struct {
	Dir  string
	WASM File
	JS   File
}

// Build compiles widget.wasm, bundles widget.js and compresses both. Each
// file is written to a temporary name and renamed, so a server never
// sends half a file.
func Build(ctx context.Context, opts Options) (Result, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return Result{}, err
	}
	res := Result{Dir: opts.Out}
	wasmPath := filepath.Join(opts.Out, "widget.wasm")
	tmp := wasmPath + ".tmp"
	if err := GoBuildWASM(ctx, opts.Go, opts.Root, tmp, "./wasm"); err != nil {
		return res, err
	}
	wasm, err := os.ReadFile(tmp)
	if err != nil {
		return res, err
	}
	if err := os.Rename(tmp, wasmPath); err != nil {
		return res, err
	}
	js, err := Bundle(ctx, opts.Go, opts.Root)
	if err != nil {
		return res, err
	}
	if err := writeFile(filepath.Join(opts.Out, "widget.js"), js); err != nil {
		return res, err
	}
	if res.WASM, err = compressFiles(opts.Out, "widget.wasm", wasm); err != nil {
		return res, err
	}
	if res.JS, err = compressFiles(opts.Out, "widget.js", js); err != nil {
		return res, err
	}
	return res, nil
}

func (o Options) withDefaults() (Options, error) {
	if o.Go == "" {
		o.Go = "go"
	}
	if o.Out == "" {
		o.Out = "dist"
	}
	if o.Root == "" {
		root, err := FindRoot(".")
		if err != nil {
			return o, err
		}
		o.Root = root
	}
	var err error
	if o.Root, err = filepath.Abs(o.Root); err != nil {
		return o, err
	}
	o.Out, err = filepath.Abs(o.Out)
	return o, err
}

// FindRoot returns the directory at or above dir whose go.mod declares
// ModulePath.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module "+ModulePath+"\n")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("widgetbuild: no go.mod of %s at or above %s", ModulePath, dir)
		}
		d = parent
	}
}

// BuildFlags are the flags of go build for widget.wasm: no file paths,
// no symbol table and debug information (-s -w), and no inlining
// (-gcflags=all=-l): in WebAssembly every inlined copy of a function costs
// its size again, and the widget spends its time in the browser's DOM and
// in the network, not in Go's calls.
var BuildFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l"}

// GoBuildWASM runs go build for js/wasm in dir with BuildFlags, writing
// out.
func GoBuildWASM(ctx context.Context, goCmd, dir, out string, args ...string) error {
	cmd := exec.CommandContext(ctx, goCmd, append(append(append([]string{"build"}, BuildFlags...), "-o", out), args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("widgetbuild: go build %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return nil
}

// GOROOT returns the GOROOT of the go command.
func GOROOT(ctx context.Context, goCmd, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, "env", "GOROOT")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("widgetbuild: go env GOROOT: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Bundle returns widget.js: one closure holding widget.css as a string,
// Go's wasm_exec.js as a function the loader calls when the runtime
// starts, dom.js and loader.js. Nothing of it is global.
func Bundle(ctx context.Context, goCmd, root string) ([]byte, error) {
	goroot, err := GOROOT(ctx, goCmd, root)
	if err != nil {
		return nil, err
	}
	read := func(path string) (string, error) {
		b, err := os.ReadFile(path)
		return string(b), err
	}
	wasmExec, err := read(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		// Go before 1.24 kept it in misc/wasm.
		if wasmExec, err = read(filepath.Join(goroot, "misc", "wasm", "wasm_exec.js")); err != nil {
			return nil, fmt.Errorf("widgetbuild: wasm_exec.js: %w", err)
		}
	}
	css, err := read(filepath.Join(root, "wasm", "widget.css"))
	if err != nil {
		return nil, err
	}
	dom, err := read(filepath.Join(root, "wasm", "dom.js"))
	if err != nil {
		return nil, err
	}
	loader, err := read(filepath.Join(root, "wasm", "loader.js"))
	if err != nil {
		return nil, err
	}
	cssLit, err := json.Marshal(css)
	if err != nil {
		return nil, err
	}
	for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML(", "document.write(", "eval(", "new Function("} {
		if strings.Contains(loader, bad) || strings.Contains(dom, bad) {
			return nil, fmt.Errorf("widgetbuild: loader.js or dom.js uses %s", bad)
		}
	}
	var b bytes.Buffer
	b.WriteString("// medborgarlofte status widget: loader. Built by examples/tools/cmd/buildwidget\n")
	b.WriteString("// from wasm/loader.js, wasm/dom.js, wasm/widget.css (MIT licence) and Go's\n")
	b.WriteString("// lib/wasm/wasm_exec.js (BSD licence, its notice below). Do not edit.\n")
	b.WriteString("(() => {\n\"use strict\";\n\n")
	b.WriteString("const medborgarlofteCSS = ")
	b.Write(cssLit)
	b.WriteString(";\n\n// Go's wasm_exec.js, run by the loader when the runtime starts.\nfunction medborgarlofteWasmExec() {\n")
	b.WriteString(wasmExec)
	b.WriteString("\n}\n\n")
	b.WriteString(dom)
	b.WriteString("\n")
	b.WriteString(loader)
	b.WriteString("})();\n")
	return b.Bytes(), nil
}

// compressFiles writes name.gz and name.br of data to dir and returns the
// three sizes.
func compressFiles(dir, name string, data []byte) (File, error) {
	gz, br, err := Compress(data)
	if err != nil {
		return File{}, err
	}
	if err := writeFile(filepath.Join(dir, name+".gz"), gz); err != nil {
		return File{}, err
	}
	if err := writeFile(filepath.Join(dir, name+".br"), br); err != nil {
		return File{}, err
	}
	return File{Name: name, Raw: int64(len(data)), Gzip: int64(len(gz)), Brotli: int64(len(br))}, nil
}

// Compress returns data compressed with gzip at its best compression and
// with brotli at its best quality.
func Compress(data []byte) (gz, br []byte, err error) {
	var g bytes.Buffer
	zw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	return g.Bytes(), b.Bytes(), nil
}

// GzipSize returns the size of data gzipped at the best compression.
func GzipSize(data []byte) (int64, error) {
	var g bytes.Buffer
	zw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(data); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return int64(g.Len()), nil
}

func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
