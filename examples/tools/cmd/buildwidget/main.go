// Command buildwidget builds the status widget: widget.wasm, widget.js and
// a .gz and .br file of each, into one directory, and checks the size of
// widget.wasm against a budget.
//
// Usage, from the repository root:
//
//	go -C examples/tools run ./cmd/buildwidget -out DIR [-budget-gzip BYTES] [-costs]
//
// It prints the raw, gzip and brotli sizes of widget.wasm and widget.js and
// exits with status 1 when widget.wasm.gz is larger than -budget-gzip
// (default 1,000,000 bytes, the goal). With -costs it also builds small
// comparison programs (an empty syscall/js program, then adding
// encoding/json, promise, followup and go-indexeddb) and prints what each
// step adds, gzipped.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

func main() {
	out := flag.String("out", "", "the directory to write the widget's files to (required)")
	budget := flag.Int64("budget-gzip", 1_000_000, "the most bytes widget.wasm.gz may have; 0 means no check")
	costs := flag.Bool("costs", false, "also print what each dependency adds to widget.wasm")
	root := flag.String("root", "", "the repository root (default: found above the working directory)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: buildwidget -out DIR [-budget-gzip BYTES] [-costs] [-root DIR]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, widgetbuild.Options{Root: *root, Out: *out}, *budget, *costs))
}

func run(ctx context.Context, opts widgetbuild.Options, budget int64, costs bool) int {
	start := time.Now()
	res, err := widgetbuild.Build(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Printf("built %s in %.1f s\n", res.Dir, time.Since(start).Seconds())
	fmt.Printf("%-12s %12s %12s %12s\n", "file", "raw", "gzip", "brotli")
	for _, f := range []widgetbuild.File{res.WASM, res.JS} {
		fmt.Printf("%-12s %12s %12s %12s\n", f.Name, bytes(f.Raw), bytes(f.Gzip), bytes(f.Brotli))
	}
	if costs {
		cs, err := widgetbuild.Costs(ctx, opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("\nwhat each dependency costs (the stripped .wasm, gzipped at best compression):\n")
		fmt.Printf("%-40s %12s %12s\n", "program", "gzip", "added")
		var prev int64
		for i, c := range cs {
			added := ""
			if i > 0 {
				added = "+" + bytes(c.Gzip-prev)
			}
			fmt.Printf("%-40s %12s %12s\n", c.Name, bytes(c.Gzip), added)
			prev = c.Gzip
		}
	}
	if budget > 0 {
		if res.WASM.Gzip > budget {
			fmt.Printf("FAIL: widget.wasm.gz is %s bytes, over the budget of %s by %s\n",
				bytes(res.WASM.Gzip), bytes(budget), bytes(res.WASM.Gzip-budget))
			return 1
		}
		fmt.Printf("ok: widget.wasm.gz is %s bytes, within the budget of %s\n", bytes(res.WASM.Gzip), bytes(budget))
	}
	return 0
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
