// Command bundle merges a promise document and any number of follow-up
// reports into the bundle that the status widget reads, checking that they
// belong together.
//
// Usage:
//
//	go run ./schema/cmd/bundle [-lang sv|en] [-replace] [-max-bytes N] -o OUT FILE...
//
// The files are one promise document, or a bundle, plus any number of
// reports (or further bundles of the same document); "-" reads standard
// input. To add a new report to a published bundle:
//
//	go run ./schema/cmd/bundle -o medborgarlofte-2019.json medborgarlofte-2019.json uppfoljning-tertial-2.json
//
// Each file is decoded and validated as by schema/cmd/validate. Then bundle
// refuses files that do not belong together: no promise document, two
// different ones, a report about a citizen promise, activity, target,
// party or place the document lacks, two different reports with one id. The
// same report (or document) given twice is a warning, and kept once (see
// schema.Merge). With -replace, a report replaces an earlier one (in the
// order of the FILEs) with the same id, with a warning: to put a corrected
// report into a bundle that holds the old one. Every problem is printed on one line as
//
//	FILE:LINE:COL: POINTER: message
//
// OUT is written only when every file is valid and they belong together,
// and atomically: the bundle is written to a temporary file beside OUT and
// renamed over it, so that OUT is never half-written, and OUT may be one of
// the FILEs. OUT "-" writes to standard output.
//
// The exit status is 0 when the bundle was written, 1 when a file is
// invalid or the files do not belong together, and 2 on a usage or I/O
// error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "sv", "language of the messages: sv or en")
	out := fs.String("o", "", "the bundle to write (required); - writes to standard output")
	replace := fs.Bool("replace", false, "a report replaces an earlier one with the same id (a corrected report), instead of refusing both")
	maxBytes := fs.Int64("max-bytes", schema.DefaultMaxBytes, "largest file accepted and written, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bundle [-lang sv|en] [-replace] [-max-bytes N] -o OUT FILE...  (a promise document or bundle, plus reports; - reads standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case *out == "":
		fmt.Fprintln(stderr, "bundle: -o is required: name the bundle to write")
		fs.Usage()
		return 2
	case !slices.Contains(words.Languages(), *lang):
		fmt.Fprintf(stderr, "bundle: -lang must be sv or en, not %q\n", *lang)
		return 2
	case *maxBytes <= 0:
		fmt.Fprintln(stderr, "bundle: -max-bytes must be positive")
		return 2
	case fs.NArg() == 0:
		fs.Usage()
		return 2
	}
	opts := schema.Options{MaxBytes: *maxBytes}
	inputs, ok := read(fs.Args(), stdin, opts, stderr)
	if !ok {
		return 2
	}
	merged, problems := schema.Merge(inputs, schema.MergeOptions{Options: opts, Replace: *replace})
	for _, p := range problems {
		fmt.Fprintln(stdout, p.Format(*lang))
	}
	if merged == nil {
		fmt.Fprintln(stderr, words.Key("bundle.nothingWritten").In(*lang))
		return 1
	}
	if *out == "-" {
		if _, err := stdout.Write(merged.JSON); err != nil {
			fmt.Fprintf(stderr, "bundle: %v\n", err)
			return 2
		}
		return 0
	}
	if err := writeAtomic(*out, func(w io.Writer) error { _, err := w.Write(merged.JSON); return err }); err != nil {
		fmt.Fprintf(stderr, "bundle: %v\n", err)
		return 2
	}
	reports := len(merged.Bundle.Reports)
	fmt.Fprintln(stderr, words.M("bundle.wrote", *out, words.Count{N: reports, Noun: "noun.report"}, len(merged.JSON)).In(*lang))
	return 0
}

// read reads every file whole before anything is written, so that OUT may
// be one of them.
func read(names []string, stdin io.Reader, opts schema.Options, stderr io.Writer) ([]schema.Input, bool) {
	inputs := make([]schema.Input, 0, len(names))
	stdinUsed := false
	ok := true
	for _, name := range names {
		data, display, err := readFile(name, stdin, opts)
		if name == "-" {
			if stdinUsed {
				fmt.Fprintln(stderr, "bundle: - is given twice: standard input can be read once")
				return nil, false
			}
			stdinUsed = true
		}
		if err != nil {
			fmt.Fprintf(stderr, "bundle: %v\n", err)
			ok = false
			continue
		}
		inputs = append(inputs, schema.Input{Name: display, Data: data})
	}
	return inputs, ok
}

func readFile(name string, stdin io.Reader, opts schema.Options) ([]byte, string, error) {
	if name == "-" {
		data, err := schema.ReadAll(stdin, opts)
		if err != nil {
			return nil, "<stdin>", fmt.Errorf("<stdin>: %w", err)
		}
		return data, "<stdin>", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, name, fmt.Errorf("%s is a directory", name)
	}
	data, err := schema.ReadAll(f, opts)
	if err != nil {
		var pe *os.PathError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", name, err)
		}
		return nil, name, err
	}
	return data, name, nil
}

// writeAtomic calls write on a temporary file in name's directory and, when
// it succeeds, renames the file to name: readers see the old file or the
// new one, never a part. The new file keeps the old one's permissions, if
// there was one.
func writeAtomic(name string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(name)
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory", name)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
