// Package reporte2e checks the published HTML report (package
// followup/publish, `go run ./followup/cmd/report -format html`) in
// headless Chromium: axe-core finds no violation of WCAG 2.1 A and AA,
// in Swedish and English, on screen and printed. Run it from the nested
// module (make e2e runs it):
//
//	go -C examples/tools test ./reporte2e
package reporte2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

// report writes the report of the Strängnäs 2019 bundle at at in lang to
// a file and returns its path.
func report(t *testing.T, root, at, lang string) string {
	t.Helper()
	cmd := exec.Command("go", "run", "./followup/cmd/report", "-at", at, "-lang", lang, "-format", "html",
		filepath.Join("examples", "data", "bundles", "strangnas-2019.json"))
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("report -at %s -lang %s: %v", at, lang, err)
	}
	path := filepath.Join(t.TempDir(), "report."+lang+".html")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// TestAccessibility runs axe-core (WCAG 2.0 and 2.1, A and AA) on the
// report in September (illustrative interim reports) and after the final
// report, in Swedish and English, for the screen and for print: no
// violation.
func TestAccessibility(t *testing.T) {
	root, err := widgetbuild.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	axePath := os.Getenv("AXE_CORE")
	if axePath == "" {
		axePath = filepath.Join(root, "examples", "tools", "node", "node_modules", "axe-core", "axe.min.js")
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core: %v (install it with make node)", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bctx, stop, err := browser.New(ctx, browser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	for _, at := range []string{"2019-09-20", "2020-01-31"} {
		for _, lang := range []string{"sv", "en"} {
			path := report(t, root, at, lang)
			for _, media := range []string{"screen", "print"} {
				t.Run(at+"/"+lang+"/"+media, func(t *testing.T) {
					// The report's own policy allows no script: let the test
					// inject axe-core.
					if _, err := chromedp.Call(bctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Call(bctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
						t.Fatal(err)
					}
					if err := chromedp.Do(bctx, chromedp.Navigate("file://"+path)); err != nil {
						t.Fatal(err)
					}
					lines, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("tbody tr").length`))
					if err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
						t.Fatal(err)
					}
					vs, err := chromedp.Run(bctx, chromedp.Evaluate[[]violation](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
						.then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target))})))`, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatal(err)
					}
					if lines < 10 {
						t.Fatalf("the report has %d table rows: not the report", lines)
					}
					for _, v := range vs {
						b, _ := json.Marshal(v)
						t.Errorf("axe: %s", b)
					}
					fmt.Fprintf(os.Stderr, "report %s %s %s: %d table rows, %d violations\n", at, lang, media, lines, len(vs))
				})
			}
		}
	}
}
