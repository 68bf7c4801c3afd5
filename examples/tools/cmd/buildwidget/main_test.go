package main

import (
	"path/filepath"
	"testing"
)

// TestFromShell: a relative path is relative to the shell's PWD, which
// go -C leaves as it was; absolute paths and a missing PWD change nothing.
func TestFromShell(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PWD", dir)
	if got, want := fromShell("dist"), filepath.Join(dir, "dist"); got != want {
		t.Errorf("fromShell(dist) = %q, want %q", got, want)
	}
	if got := fromShell("/abs/dist"); got != "/abs/dist" {
		t.Errorf("fromShell(/abs/dist) = %q", got)
	}
	if got := fromShell(""); got != "" {
		t.Errorf("fromShell(\"\") = %q", got)
	}
	t.Setenv("PWD", "relative")
	if got := fromShell("dist"); got != "dist" {
		t.Errorf("with a relative PWD, fromShell(dist) = %q, want it unchanged", got)
	}
	t.Setenv("PWD", filepath.Join(dir, "missing"))
	if got := fromShell("dist"); got != "dist" {
		t.Errorf("with a PWD that does not exist, fromShell(dist) = %q, want it unchanged", got)
	}
}
