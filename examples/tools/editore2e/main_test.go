// Package editore2e tests the editor, <medborgarlofte-editor>, end to end:
// the demo server (examples/demo) serves it at /redigera, and Debian's
// headless Chromium drives it through its forms as a person would, by the
// DOM events of clicks, typing and choices. Run it from the nested module:
//
//	go -C examples/tools test ./editore2e
//
// (make editor-e2e). TestMain builds the editor into
// examples/demo/dist/editor, the validate and report commands into a
// temporary directory (the downloaded files are checked with them), starts
// the demo on a free port of 127.0.0.1 and stops it at the end.
package editore2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/demoserver"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

var (
	root     string // the repository root
	baseURL  string // the demo server
	validate string // the schema/cmd/validate command, built
	report   string // the followup/cmd/report command, built
)

func TestMain(m *testing.M) {
	// The tests drive a browser through many forms: on a busy machine
	// they take longer than go test's default 10 minutes, when make e2e
	// runs them beside the widget's. A -timeout given is kept.
	flag.Parse()
	if f := flag.Lookup("test.timeout"); f != nil && f.Value.String() == (10*time.Minute).String() {
		flag.Set("test.timeout", "30m")
	}
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if root, err = widgetbuild.FindRoot("."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	bin, err := os.MkdirTemp("", "editore2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(bin)
	steps := []struct {
		dir  string
		args []string
	}{
		{filepath.Join(root, "examples", "tools"), []string{"run", "./cmd/buildeditor", "-out", filepath.Join(root, "examples", "demo", "dist", "editor")}},
		{root, []string{"build", "-o", filepath.Join(bin, "validate"), "./schema/cmd/validate"}},
		{root, []string{"build", "-o", filepath.Join(bin, "report"), "./followup/cmd/report"}},
	}
	for _, s := range steps {
		cmd := exec.Command("go", s.args...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = s.dir, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "editore2e: go %v: %v\n", s.args, err)
			return 2
		}
	}
	validate, report = filepath.Join(bin, "validate"), filepath.Join(bin, "report")
	demo, err := demoserver.Start(root, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "editore2e:", err)
		return 2
	}
	baseURL = demo.URL
	code := m.Run()
	if err := demo.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "editore2e:", err)
		code = max(code, 1)
	}
	return code
}

// testContext returns a context for one test, ended by its deadline.
func testContext(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
