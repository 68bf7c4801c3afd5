package widgetbuild

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// wasmModule returns a wasm module with one custom section.
func wasmModule(name, content string) []byte {
	sec := append([]byte{byte(len(name))}, name...)
	sec = append(sec, content...)
	return append([]byte{0, 'a', 's', 'm', 1, 0, 0, 0, 0, byte(len(sec))}, sec...)
}

func TestBuildID(t *testing.T) {
	id, err := BuildID(wasmModule("go:buildid", "\xff Go build ID: \"abc/def\"\n \xff"))
	if err != nil || id != "abc/def" {
		t.Errorf("BuildID = %q, %v; want abc/def", id, err)
	}
	for name, b := range map[string][]byte{
		"not wasm":       []byte("hello, world"),
		"no build ID":    wasmModule("producers", "x"),
		"section cut":    wasmModule("go:buildid", "\xff Go build ID: \"abc")[:14],
		"empty":          nil,
		"no ID in quote": wasmModule("go:buildid", "something else"),
	} {
		if id, err := BuildID(b); err == nil {
			t.Errorf("BuildID(%s) = %q, want an error", name, id)
		}
	}
}

// TestRemoveOld: the wasm files of other builds go, everything else stays.
func TestRemoveOld(t *testing.T) {
	dir := t.TempDir()
	keep := "widget.0123456789abcdef.wasm"
	files := []string{
		keep, keep + ".gz", keep + ".br",
		"widget.fedcba9876543210.wasm", "widget.fedcba9876543210.wasm.gz", "widget.fedcba9876543210.wasm.br",
		"widget.js", "widget.js.gz", "widget.wasm", "widget.0123.wasm", "notes.txt",
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeOld(dir, keep); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"notes.txt", keep, keep + ".br", keep + ".gz", "widget.0123.wasm", "widget.js", "widget.js.gz", "widget.wasm"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("left %v, want %v", got, want)
	}
}

func TestPackageOf(t *testing.T) {
	for name, want := range map[string]string{
		"github.com_medborgarlofte_medborgarlofte_followup.Evaluate":                      "followup",
		"github.com_medborgarlofte_medborgarlofte_wasm_internal_strict.__decoder_.decode": "wasm/internal/strict",
		"github.com_hack_pad_go_indexeddb_idb.__Database_.Transaction":                    "github.com/hack-pad/go-indexeddb/idb",
		"github.com_google_uuid.Parse":                                                    "github.com/google/uuid",
		"internal_runtime_maps.__Map_.getWithKey":                                         "internal/runtime/maps",
		"runtime.mallocgc":      "runtime",
		"main.renderer.details": "wasm (the widget's own code)",
	} {
		if got := packageOf(name); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", name, got, want)
		}
	}
}
