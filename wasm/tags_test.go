//go:build !js

package main

import (
	"bufio"
	"go/build/constraint"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAllWasmTags checks that every Go file of the widget but this one is
// built only for js/wasm: the widget uses syscall/js throughout, and a file
// without the constraint would break `go build ./...` and `go vet ./...` on
// the host. (After go-indexeddb's idb/wasm_tags_test.go.)
func TestAllWasmTags(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d Go files, want the widget's", len(files))
	}
	for _, path := range files {
		if path == "tags_test.go" {
			continue
		}
		expr, err := buildConstraint(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if expr == nil || !isJSWasm(expr) {
			t.Errorf("%s does not start with //go:build js && wasm", path)
		}
	}
}

// buildConstraint returns the file's //go:build expression, or nil.
func buildConstraint(path string) (constraint.Expr, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "//") {
			return nil, sc.Err() // code before any constraint
		}
		if constraint.IsGoBuild(line) {
			return constraint.Parse(line)
		}
	}
	return nil, sc.Err()
}

// isJSWasm reports whether expr is exactly js && wasm.
func isJSWasm(expr constraint.Expr) bool {
	and, ok := expr.(*constraint.AndExpr)
	if !ok {
		return false
	}
	x, y := and.X.String(), and.Y.String()
	return x == "js" && y == "wasm" || x == "wasm" && y == "js"
}
