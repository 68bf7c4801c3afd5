// Command buildwidget builds the status widget into one directory:
// widget.js, widget.HASH.wasm (named by its content) and a .gz and .br file
// of each, and can check the wasm's size against budgets.
//
// Usage, from the repository root:
//
//	go -C examples/tools run ./cmd/buildwidget -out DIR [-budget-gzip BYTES] [-budget-brotli BYTES] [-costs]
//
// A relative DIR is relative to the directory the command is run from
// (go -C changes the working directory, not the shell's PWD, which it
// reads). It removes the wasm files of earlier builds from DIR.
//
// It prints the raw, gzip and brotli sizes of the wasm and of widget.js,
// and exits with status 1 when the wasm's .gz file is larger than
// -budget-gzip or its .br file larger than -budget-brotli (0, the default,
// checks nothing; make widget checks the project's budgets). With -costs
// it also prints what each dependency adds to the wasm, from comparison
// programs built step by step (an empty syscall/js program, then promise,
// followup, go-indexeddb, the decoder and the widget), and the code of
// each package in the wasm.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

func main() {
	out := flag.String("out", "", "the directory to write the widget's files to (required)")
	budgetGzip := flag.Int64("budget-gzip", 0, "the most bytes the wasm's .gz file may have; 0 means no check")
	budgetBrotli := flag.Int64("budget-brotli", 0, "the most bytes the wasm's .br file may have; 0 means no check")
	costs := flag.Bool("costs", false, "also print what each dependency adds to the wasm")
	root := flag.String("root", "", "the repository root (default: found above the working directory)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: buildwidget -out DIR [-budget-gzip BYTES] [-budget-brotli BYTES] [-costs] [-root DIR]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := widgetbuild.Options{Root: fromShell(*root), Out: fromShell(*out)}
	os.Exit(run(ctx, opts, *budgetGzip, *budgetBrotli, *costs))
}

// fromShell makes a relative path relative to the shell's working
// directory, PWD, which go -C leaves as it was; it returns other paths as
// they are.
func fromShell(path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	pwd := os.Getenv("PWD")
	if !filepath.IsAbs(pwd) {
		return path
	}
	if fi, err := os.Stat(pwd); err != nil || !fi.IsDir() {
		return path
	}
	return filepath.Join(pwd, path)
}

func run(ctx context.Context, opts widgetbuild.Options, budgetGzip, budgetBrotli int64, costs bool) int {
	start := time.Now()
	res, err := widgetbuild.Build(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Printf("built %s in %.1f s\n", res.Dir, time.Since(start).Seconds())
	fmt.Printf("%-30s %12s %12s %12s\n", "file", "raw", "gzip", "brotli")
	for _, f := range []widgetbuild.File{res.WASM, res.JS} {
		fmt.Printf("%-30s %12s %12s %12s\n", f.Name, bytes(f.Raw), bytes(f.Gzip), bytes(f.Brotli))
	}
	if costs {
		if err := printCosts(ctx, opts); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	code := 0
	for _, b := range []struct {
		name           string
		size, budget   int64
		file, encoding string
	}{
		{"gzip", res.WASM.Gzip, budgetGzip, res.WASM.Name + ".gz", "gzip"},
		{"brotli", res.WASM.Brotli, budgetBrotli, res.WASM.Name + ".br", "brotli"},
	} {
		switch {
		case b.budget <= 0:
		case b.size > b.budget:
			fmt.Printf("FAIL: %s is %s bytes, over the %s budget of %s by %s\n", b.file, bytes(b.size), b.encoding, bytes(b.budget), bytes(b.size-b.budget))
			code = 1
		default:
			fmt.Printf("ok: %s is %s bytes, within the %s budget of %s\n", b.file, bytes(b.size), b.encoding, bytes(b.budget))
		}
	}
	return code
}

func printCosts(ctx context.Context, opts widgetbuild.Options) error {
	cs, err := widgetbuild.Costs(ctx, opts)
	if err != nil {
		return err
	}
	fmt.Printf("\nwhat each dependency adds to the wasm (the stripped .wasm, compressed at the best levels):\n")
	fmt.Printf("%-58s %11s %11s %11s %11s\n", "program", "gzip", "added", "brotli", "added")
	for i, c := range cs {
		ag, ab := "", ""
		if i > 0 {
			ag, ab = "+"+bytes(c.AddedGzip), "+"+bytes(c.AddedBrotl)
		}
		fmt.Printf("%-58s %11s %11s %11s %11s\n", c.Name, bytes(c.Gzip), ag, bytes(c.Brotli), ab)
	}
	pkgs, code, data, err := widgetbuild.PackageSizes(ctx, opts)
	if err != nil {
		return err
	}
	fmt.Printf("\nthe wasm's code by package (function bodies; gzip: the package's bodies compressed alone, an estimate);\n")
	fmt.Printf("code section %s bytes, data section %s bytes (type data, strings, function tables)\n", bytes(code), bytes(data))
	fmt.Printf("%-58s %11s %11s %8s\n", "package", "code", "gzip", "funcs")
	for i, p := range pkgs {
		if i == 25 {
			var c, g int64
			for _, q := range pkgs[i:] {
				c, g = c+q.Code, g+q.Gzip
			}
			fmt.Printf("%-58s %11s %11s\n", strconv.Itoa(len(pkgs)-i)+" more packages", bytes(c), bytes(g))
			break
		}
		fmt.Printf("%-58s %11s %11s %8d\n", p.Package, bytes(p.Code), bytes(p.Gzip), p.Funcs)
	}
	return nil
}

// bytes formats n with thousands separators: 1,418,743.
func bytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
