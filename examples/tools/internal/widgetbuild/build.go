// Package widgetbuild builds the status widget of package wasm:
// widget.HASH.wasm (GOOS=js GOARCH=wasm, named by the first 16 hex digits
// of its SHA-256, so that a browser or proxy never mixes a cached old one
// with a new widget.js), widget.js (the loader, dom.js, net.js, widget.css,
// Go's wasm_exec.js, the wasm's name and its Go build ID in one closure)
// and a .gz and a .br file of each, for servers that send them
// pre-compressed.
package widgetbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
	// Main, when not "", is the directory of another main package to
	// build instead of the widget's (with BuildFlags and no tags):
	// cmd/loadtime's Go floor, internal/gofloor.
	Main string
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

// WASMName matches the names of the built wasm files: widget.HASH.wasm,
// HASH being 16 lower-case hex digits.
var WASMName = regexp.MustCompile(`^widget\.[0-9a-f]{16}\.wasm$`)

// Build compiles widget.wasm, names it by its hash, bundles widget.js for
// it and compresses both; it removes the wasm files of earlier builds
// (widget.HASH.wasm and their .gz and .br) from the directory. The wasm is
// written before widget.js, and each file to a temporary name first, so a
// server never sends half a file or a widget.js whose wasm is missing.
func Build(ctx context.Context, opts Options) (Result, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return Result{}, err
	}
	res := Result{Dir: opts.Out}
	tmp := filepath.Join(opts.Out, "widget.wasm.tmp")
	if opts.Main != "" {
		err = GoBuildWASM(ctx, opts.Go, opts.Main, tmp, "", ".")
	} else {
		err = GoBuildWASM(ctx, opts.Go, opts.Root, tmp, WidgetTags, "./wasm")
	}
	if err != nil {
		return res, err
	}
	wasm, err := os.ReadFile(tmp)
	os.Remove(tmp)
	if err != nil {
		return res, err
	}
	id, err := BuildID(wasm)
	if err != nil {
		return res, err
	}
	sum := sha256.Sum256(wasm)
	name := "widget." + hex.EncodeToString(sum[:8]) + ".wasm"
	if err := writeFile(filepath.Join(opts.Out, name), wasm); err != nil {
		return res, err
	}
	if res.WASM, err = compressFiles(opts.Out, name, wasm); err != nil {
		return res, err
	}
	js, err := Bundle(ctx, opts.Go, opts.Root, name, id)
	if err != nil {
		return res, err
	}
	if err := writeFile(filepath.Join(opts.Out, "widget.js"), js); err != nil {
		return res, err
	}
	if res.JS, err = compressFiles(opts.Out, "widget.js", js); err != nil {
		return res, err
	}
	return res, removeOld(opts.Out, name)
}

// removeOld removes the wasm files of other builds from dir.
func removeOld(dir, keep string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		base := strings.TrimSuffix(strings.TrimSuffix(e.Name(), ".gz"), ".br")
		if WASMName.MatchString(base) && base != keep {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// BuildID returns the Go build ID that the linker writes into a wasm
// module's custom section go:buildid (what go tool buildid prints). The
// loader checks it: widget.js runs only the wasm it was built with.
func BuildID(wasm []byte) (string, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" {
		return "", errBadModule
	}
	for i := 8; i < len(wasm); {
		id := wasm[i]
		size, n := uleb(wasm[i+1:])
		start := i + 1 + n
		end := start + int(size)
		if n == 0 || end > len(wasm) {
			break
		}
		if id == 0 {
			l, m := uleb(wasm[start:end])
			if m > 0 && string(wasm[start+m:min(end, start+m+int(l))]) == "go:buildid" {
				sec := string(wasm[start+m+int(l) : end])
				if _, after, ok := strings.Cut(sec, `Go build ID: "`); ok {
					if id, _, ok := strings.Cut(after, `"`); ok {
						return id, nil
					}
				}
			}
		}
		i = end
	}
	return "", errors.New("widgetbuild: the wasm has no Go build ID (section go:buildid)")
}

// uleb decodes an unsigned LEB128 number and returns it and its length, 0
// when b ends first.
func uleb(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
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
// in the network, not in Go's calls. The editor is built with them too.
var BuildFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l"}

// WidgetTags are the build tags of the widget: its tests (cmd/wasmtest)
// and its vet (make wasmvet) use them too. medborgarlofte_nouuid makes
// promise.ID a UUID of the module's own (promise/internal/uid) rather than
// google/uuid's, whose package variables link crypto/rand, crypto/md5 and
// crypto/sha1. (The editor creates ids with google/uuid and is built
// without it.)
const WidgetTags = "medborgarlofte_nouuid"

// errBadModule is a file that is not a WebAssembly module.
var errBadModule = errors.New("widgetbuild: not a WebAssembly module")

// GoBuildWASM runs go build for js/wasm in dir with BuildFlags and the
// build tags (comma-separated; none if empty), writing out.
func GoBuildWASM(ctx context.Context, goCmd, dir, out, tags string, args ...string) error {
	return goBuild(ctx, goCmd, dir, out, withTags(BuildFlags, tags), args...)
}

// withTags returns flags with -tags=tags added, unless tags is empty.
func withTags(flags []string, tags string) []string {
	if tags == "" {
		return flags
	}
	return append(slices.Clip(flags), "-tags="+tags)
}

// goBuild runs go build for js/wasm in dir with the flags, writing out.
func goBuild(ctx context.Context, goCmd, dir, out string, flags []string, args ...string) error {
	cmd := exec.CommandContext(ctx, goCmd, append(append(append([]string{"build"}, flags...), "-o", out), args...)...)
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
// starts, the name and Go build ID of its wasm, dom.js, net.js and
// loader.js. Nothing of it is global.
func Bundle(ctx context.Context, goCmd, root, wasmName, buildID string) ([]byte, error) {
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
	net, err := read(filepath.Join(root, "wasm", "net.js"))
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
	nameLit, _ := json.Marshal(wasmName)
	idLit, _ := json.Marshal(buildID)
	for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML(", "document.write(", "eval(", "new Function("} {
		if strings.Contains(loader, bad) || strings.Contains(dom, bad) || strings.Contains(net, bad) {
			return nil, fmt.Errorf("widgetbuild: loader.js, dom.js or net.js uses %s", bad)
		}
	}
	var b bytes.Buffer
	b.WriteString("// medborgarlofte status widget: loader. Built by examples/tools/cmd/buildwidget\n")
	b.WriteString("// from wasm/loader.js, wasm/dom.js, wasm/net.js, wasm/widget.css (MIT licence)\n")
	b.WriteString("// and Go's lib/wasm/wasm_exec.js (BSD licence, its notice below). Do not edit.\n")
	b.WriteString("(() => {\n\"use strict\";\n\n")
	b.WriteString("// The wasm of this widget.js, next to it, and its Go build ID.\n")
	b.WriteString("const medborgarlofteWasmName = ")
	b.Write(nameLit)
	b.WriteString(";\nconst medborgarlofteBuildID = ")
	b.Write(idLit)
	b.WriteString(";\n\n")
	b.WriteString("const medborgarlofteCSS = ")
	b.Write(cssLit)
	b.WriteString(";\n\n// Go's wasm_exec.js, run by the loader when the runtime starts.\nfunction medborgarlofteWasmExec() {\n")
	b.WriteString(wasmExec)
	b.WriteString("\n}\n\n")
	b.WriteString(dom)
	b.WriteString("\n")
	b.WriteString(net)
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
