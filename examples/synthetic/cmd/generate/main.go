// Command generate writes national-scale synthetic promise documents and
// follow-up reports (see package synthetic).
//
// Usage:
//
//	go run ./examples/synthetic/cmd/generate [-seed N] [-years N] [-scale N] [-reports=false] [-out DIR] [-single FILE]
//
// With -out it writes one bundle per file to DIR, named
// KOMMUNKOD-slug.json after the bundle's municipalities
// ("0486-strangnas.json", "1415-stenungsund-tjorn-orust.json"); with
// -scale above 1, the files of copy c (from 2) end in "-c.json". With
// -single it writes one promise document that merges every bundle's
// document, without reports. At least one of the two is required. Files
// are indented with two spaces, as a person would write them, and are
// written whole or not at all. It prints how many files and bytes it
// wrote, and what they hold.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/followup"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	seed := fs.Int64("seed", 0, "the seed: the same seed gives the same files")
	years := fs.Int("years", 4, fmt.Sprintf("calendar years from %d, 1 to %d", synthetic.FirstYear, synthetic.MaxYears))
	scale := fs.Int("scale", 1, "copies of the country, 1 to 100: the size grows linearly")
	reports := fs.Bool("reports", true, "include follow-up reports")
	out := fs.String("out", "", "write one bundle per file to this directory (created if missing)")
	single := fs.String("single", "", "write one promise document merging all municipalities to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q: give the output with -out DIR or -single FILE", fs.Arg(0))
	case *out == "" && *single == "":
		return errors.New("nothing to write: give -out DIR, -single FILE or both")
	case *years < 1 || *years > synthetic.MaxYears:
		return fmt.Errorf("-years %d is out of range: give 1 to %d", *years, synthetic.MaxYears)
	case *scale < 1 || *scale > 100:
		return fmt.Errorf("-scale %d is out of range: give 1 to 100", *scale)
	}

	start := time.Now()
	bundles := synthetic.Generate(synthetic.Options{Seed: *seed, Years: *years, Scale: *scale, NoReports: !*reports})
	elapsed := time.Since(start)

	if *out != "" {
		n, size, err := writeBundles(*out, bundles)
		if err != nil {
			return err
		}
		c := synthetic.Count(bundles)
		fmt.Printf("wrote %d files, %d bytes, to %s\n", n, size, *out)
		fmt.Printf("%d municipalities, %d citizen promises, %d promises, %d activities, %d targets, %d reports; generated in %v\n",
			c.Municipalities, c.CitizenPromises, c.Promises, c.Activities, c.Targets, c.Reports, elapsed.Round(time.Millisecond))
	}
	if *single != "" {
		doc := synthetic.Merge(bundles)
		data, err := marshal(doc)
		if err != nil {
			return err
		}
		if err := writeFile(*single, data); err != nil {
			return err
		}
		fmt.Printf("wrote 1 file, %d bytes, to %s\n", len(data), *single)
	}
	return nil
}

// writeBundles writes each bundle to dir and returns the number of files
// and bytes written.
func writeBundles(dir string, bundles []followup.Bundle) (int, int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	copyOf := map[string]int{}
	var size int64
	for _, b := range bundles {
		name := synthetic.BundleName(b)
		copyOf[name]++
		if c := copyOf[name]; c > 1 {
			name = fmt.Sprintf("%s-%d", name, c)
		}
		data, err := marshal(b)
		if err != nil {
			return 0, 0, err
		}
		if err := writeFile(filepath.Join(dir, name+".json"), data); err != nil {
			return 0, 0, err
		}
		size += int64(len(data))
	}
	return len(bundles), size, nil
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeFile writes data to a temporary file beside path and renames it,
// so that path holds either its old content or all of data.
func writeFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Chmod(0o644)
	}
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
