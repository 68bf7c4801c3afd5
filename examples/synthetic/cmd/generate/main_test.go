package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

func TestRunWrites(t *testing.T) {
	dir := t.TempDir()
	out, single := filepath.Join(dir, "out"), filepath.Join(dir, "national.json")
	if err := run([]string{"-seed", "3", "-years", "1", "-scale", "2", "-reports=false", "-out", out, "-single", single}); err != nil {
		t.Fatalf("run() = %v", err)
	}
	files, err := filepath.Glob(filepath.Join(out, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 400 {
		t.Errorf("wrote %d files for two copies of the country, want one per bundle (over 400)", len(files))
	}
	for _, name := range []string{"0486-strangnas.json", "1415-stenungsund-tjorn-orust.json", "1415-stenungsund-tjorn-orust-2.json", "0486-strangnas-2.json"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Errorf("missing %s: %v", name, err)
			continue
		}
		var b followup.Bundle
		if err := json.Unmarshal(data, &b); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := b.Document.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v", name, err)
		}
		if len(b.Reports) != 0 {
			t.Errorf("%s: %d reports with -reports=false", name, len(b.Reports))
		}
		if !strings.HasPrefix(string(data), "{\n  \"$schema\"") {
			t.Errorf("%s: not indented with two spaces: %.40q", name, data)
		}
	}
	data, err := os.ReadFile(single)
	if err != nil {
		t.Fatal(err)
	}
	var doc promise.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(); err != nil {
		t.Errorf("the merged document: Validate() = %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(out, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestRunRejects(t *testing.T) {
	dir := t.TempDir()
	notADir := filepath.Join(dir, "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{nil, "nothing to write"},
		{[]string{"-out", dir, "extra"}, "unexpected argument"},
		{[]string{"-years", "0", "-out", dir}, "-years 0 is out of range"},
		{[]string{"-years", "31", "-out", dir}, "-years 31 is out of range"},
		{[]string{"-scale", "0", "-out", dir}, "-scale 0 is out of range"},
		{[]string{"-seed", "x", "-out", dir}, "invalid value"},
		{[]string{"-years", "1", "-out", filepath.Join(notADir, "sub")}, "not a directory"},
	}
	for _, tc := range tests {
		err := run(tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}
