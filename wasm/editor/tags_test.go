//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWasmTags checks that every Go file of package main but this one is
// built only for js/wasm (it uses syscall/js); the logic is in package app,
// which is built and tested on the host.
func TestWasmTags(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f == "tags_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "//go:build js && wasm\n") {
			t.Errorf("%s does not start with //go:build js && wasm", f)
		}
	}
	if len(files) < 2 {
		t.Errorf("found %d Go files, want main.go and this test", len(files))
	}
}
