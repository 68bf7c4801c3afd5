// Command validate checks medborgarlofte exchange files (promise documents,
// follow-up reports and bundles) against the JSON Schema and the model's
// invariants, and prints every problem with its place in the file.
//
// Usage:
//
//	go run ./schema/cmd/validate [-lang sv|en] [-json] [-max-bytes N] FILE...
//
// A FILE of "-" reads standard input. Each problem is printed on one line as
//
//	FILE:LINE:COL: POINTER: message
//
// with warnings marked as such, in the order of the file. With -json, the
// same problems are printed as one JSON object, with each file's kind as its
// "$schema" names it, even when the file is invalid. The exit status is 0 when every file is valid, 1 when any
// is invalid, and 2 on a usage or I/O error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// fileResult is what -json prints for one file. Kind is what the file
// declares by its "$schema", valid or not; Problems is never null.
type fileResult struct {
	File     string          `json:"file"`
	Kind     schema.Kind     `json:"kind"`
	Valid    bool            `json:"valid"`
	Problems schema.Problems `json:"problems"`
	Error    string          `json:"error,omitempty"`
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "sv", "language of the messages: sv or en")
	asJSON := fs.Bool("json", false, "print the problems as JSON")
	maxBytes := fs.Int64("max-bytes", schema.DefaultMaxBytes, "largest file accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: validate [-lang sv|en] [-json] [-max-bytes N] FILE...  (FILE - reads standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case !slices.Contains(words.Languages(), *lang):
		fmt.Fprintf(stderr, "validate: -lang must be one of %s, not %q\n", strings.Join(words.Languages(), ", "), *lang)
		return 2
	case *maxBytes <= 0:
		fmt.Fprintf(stderr, "validate: -max-bytes must be a positive number of bytes, not %d\n", *maxBytes)
		return 2
	case fs.NArg() == 0:
		fs.Usage()
		return 2
	}
	opts := schema.Options{MaxBytes: *maxBytes}
	status := 0
	var results []fileResult
	for _, name := range fs.Args() {
		res := check(name, stdin, opts)
		switch {
		case res.Error != "":
			status = 2
			fmt.Fprintf(stderr, "validate: %s\n", res.Error)
		case !res.Valid && status == 0:
			status = 1
		}
		if !*asJSON {
			for _, p := range res.Problems {
				fmt.Fprintln(stdout, p.Format(res.File, *lang))
			}
		}
		results = append(results, res)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Valid bool         `json:"valid"`
			Files []fileResult `json:"files"`
		}{status == 0, results}); err != nil {
			fmt.Fprintf(stderr, "validate: %v\n", err)
			return 2
		}
	}
	return status
}

func check(name string, stdin io.Reader, opts schema.Options) fileResult {
	res := fileResult{File: name, Problems: schema.Problems{}}
	var r io.Reader = stdin
	if name == "-" {
		res.File = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			res.Error = err.Error()
			return res
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			res.Error = name + " is a directory"
			return res
		}
		r = f
	}
	data, err := schema.ReadAll(r, opts)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			res.Error = err.Error()
		} else {
			res.Error = fmt.Sprintf("%s: %v", res.File, err)
		}
		return res
	}
	file, problems := schema.Decode(data, opts)
	if problems != nil {
		res.Problems = problems
	}
	res.Valid = file != nil
	res.Kind = schema.KindOf(data)
	if file != nil {
		res.Kind = file.Kind
	}
	return res
}
