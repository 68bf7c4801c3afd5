package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

const modulePath = "github.com/medborgarlofte/medborgarlofte"

// wasmNameInJS finds the name of widget.js's wasm in it (the build writes
// it there).
var wasmNameInJS = regexp.MustCompile(`const medborgarlofteWasmName = "(widget\.[0-9a-f]{16}\.wasm)";`)

// errNotBuilt is a widget directory without widget.js.
var errNotBuilt = errors.New("the widget is not built")

// wasmName returns the name of the wasm that dir's widget.js loads,
// widget.HASH.wasm.
func wasmName(dir string) (string, error) {
	js, err := os.ReadFile(filepath.Join(dir, "widget.js"))
	if os.IsNotExist(err) {
		return "", errNotBuilt
	}
	if err != nil {
		return "", err
	}
	m := wasmNameInJS.FindSubmatch(js)
	if m == nil {
		return "", fmt.Errorf("%s names no widget.HASH.wasm: rebuild it", filepath.Join(dir, "widget.js"))
	}
	return string(m[1]), nil
}

// widgetFiles returns what the demo serves of the widget built in dir:
// widget.js, its wasm and the .gz and .br file of each.
func widgetFiles(dir string) ([]string, error) {
	name, err := wasmName(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range []string{"widget.js", name} {
		out = append(out, f, f+".gz", f+".br")
	}
	return out, nil
}

// findRoot returns the directory at or above dir whose go.mod is this
// module's.
func findRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module "+modulePath+"\n")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("run the demo inside the repository: no go.mod of %s at or above %s", modulePath, dir)
		}
		d = parent
	}
}

// ensureWidget builds the widget into dir when a file is missing or older
// than the newest source of the widget.
func ensureWidget(ctx context.Context, root, dir string, log io.Writer) error {
	built, err := oldestBuilt(dir)
	if err != nil {
		return err
	}
	newest, src, err := newestSource(root)
	if err != nil {
		return err
	}
	if !built.IsZero() && built.After(newest) {
		return nil
	}
	if built.IsZero() {
		fmt.Fprintf(log, "building the widget into %s\n", dir)
	} else {
		fmt.Fprintf(log, "rebuilding the widget: %s is newer\n", src)
	}
	cmd := exec.CommandContext(ctx, "go", "-C", filepath.Join(root, "examples", "tools"),
		"run", "./cmd/buildwidget", "-out", dir, "-budget-gzip", "0")
	cmd.Stdout, cmd.Stderr = log, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the widget: %w", err)
	}
	return nil
}

// oldestBuilt returns the modification time of the oldest widget file, or
// the zero time when one is missing.
func oldestBuilt(dir string) (time.Time, error) {
	files, err := widgetFiles(dir)
	if errors.Is(err, errNotBuilt) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	var oldest time.Time
	for _, name := range files {
		fi, err := os.Stat(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			return time.Time{}, nil
		}
		if err != nil {
			return time.Time{}, err
		}
		if oldest.IsZero() || fi.ModTime().Before(oldest) {
			oldest = fi.ModTime()
		}
	}
	return oldest, nil
}

// newestSource returns the newest modification time among the widget's
// sources: the files of wasm/, followup/ and promise/ (tests and test data
// aside), go.mod and go.sum.
func newestSource(root string) (time.Time, string, error) {
	var newest time.Time
	var which string
	see := func(path string, fi fs.FileInfo) {
		if fi.ModTime().After(newest) {
			newest, which = fi.ModTime(), path
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if fi, err := os.Stat(filepath.Join(root, f)); err == nil {
			see(f, fi)
		}
	}
	for _, d := range []string{"wasm", "followup", "promise"} {
		err := filepath.WalkDir(filepath.Join(root, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if e.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(e.Name(), "_test.go") {
				return nil
			}
			fi, err := e.Info()
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			see(rel, fi)
			return nil
		})
		if err != nil {
			return time.Time{}, "", err
		}
	}
	return newest, which, nil
}

// checkWidget reports a missing widget file.
func checkWidget(dir string) error {
	files, err := widgetFiles(dir)
	if err != nil {
		return fmt.Errorf("the widget is not built in %s (run without -build=false): %w", dir, err)
	}
	for _, name := range files {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("the widget is not built in %s (run without -build=false): %w", dir, err)
		}
	}
	return nil
}
