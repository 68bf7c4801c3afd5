// Package e2e tests the status widget end to end: the demo server
// (examples/demo) serves its pages and the built widget, and Debian's
// headless Chromium loads them. Run it from the nested module:
//
//	go -C examples/tools test ./e2e
//
// (make e2e). TestMain builds the demo, starts it on a free port of
// 127.0.0.1 (the demo builds the widget first when it is missing or stale)
// and stops it with SIGINT at the end.
package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/demoserver"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

var (
	root    string // the repository root
	baseURL string // the demo server, http://127.0.0.1:PORT
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if root, err = widgetbuild.FindRoot("."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	demo, err := demoserver.Start(root, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 2
	}
	baseURL = demo.URL
	code := m.Run()
	if err := demo.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
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
