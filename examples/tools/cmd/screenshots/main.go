// Command screenshots takes screenshots in headless Chromium of what
// citizens and councils see: the published report (the Strängnäs 2019
// bundle at 2020-01-31, `go run ./followup/cmd/report -format html`) on
// screen and printed to PDF (its pages as PNG too, when pdftoppm is
// installed), and the status widget on the demo page on a desktop
// (1280 px) and a phone (390 px), in Swedish and English, with the
// first activity's follow-up (and its chart) opened. It writes the
// files to -out and prints their names.
//
//	go -C examples/tools run ./cmd/screenshots -out /tmp/shots
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/browser"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/demoserver"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
)

func main() {
	out := flag.String("out", "", "the directory to write the screenshots to (required)")
	at := flag.String("at", "2020-01-31", "the date of the report, YYYY-MM-DD")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: screenshots -out DIR [-at YYYY-MM-DD]")
		os.Exit(2)
	}
	if err := run(*out, *at); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(out, at string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	out, _ = filepath.Abs(out)
	root, err := widgetbuild.FindRoot(".")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bctx, stop, err := browser.New(ctx, browser.Options{})
	if err != nil {
		return err
	}
	defer stop()
	write := func(name string, b []byte) error {
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		fmt.Println(p)
		return nil
	}
	viewport := func(w int64, mobile bool) error {
		_, err := chromedp.Call(bctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: w, Height: 900, DeviceScaleFactor: 1, Mobile: mobile})
		return err
	}

	// The report, on screen and printed.
	for _, lang := range []string{"sv", "en"} {
		cmd := exec.Command("go", "run", "./followup/cmd/report", "-at", at, "-lang", lang, "-format", "html",
			filepath.Join("examples", "data", "bundles", "strangnas-2019.json"))
		cmd.Dir = root
		cmd.Stderr = os.Stderr
		html, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		page := filepath.Join(out, "report."+lang+".html")
		if err := write("report."+lang+".html", html); err != nil {
			return err
		}
		if err := viewport(1280, false); err != nil {
			return err
		}
		if err := chromedp.Do(bctx, chromedp.Navigate("file://"+page)); err != nil {
			return err
		}
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			return err
		}
		if err := write("report."+lang+".screen.png", png); err != nil {
			return err
		}
		pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
		if err != nil {
			return err
		}
		name := "report." + lang + ".print.pdf"
		if err := write(name, pdf); err != nil {
			return err
		}
		if err := pdfPages(filepath.Join(out, name)); err != nil {
			return err
		}
	}

	// The widget on the demo page.
	demo, err := demoserver.Start(root, os.Stderr)
	if err != nil {
		return err
	}
	defer demo.Stop()
	for _, size := range []struct {
		name   string
		width  int64
		mobile bool
	}{{"desktop", 1280, false}, {"phone", 390, true}} {
		for _, lang := range []string{"sv", "en"} {
			if err := viewport(size.width, size.mobile); err != nil {
				return err
			}
			if err := chromedp.Do(bctx, chromedp.Navigate(demo.URL+"/?lang="+lang)); err != nil {
				return err
			}
			if err := waitReady(bctx); err != nil {
				return err
			}
			// Open the first activity's follow-up of each widget: its chart.
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("medborgarlofte-status")].forEach((w) => { const d = w.shadowRoot && w.shadowRoot.querySelector("details"); if (d) d.open = true; }); true`)); err != nil {
				return err
			}
			time.Sleep(300 * time.Millisecond)
			png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
			if err != nil {
				return err
			}
			if err := write("widget."+size.name+"."+lang+".png", png); err != nil {
				return err
			}
		}
	}
	return nil
}

// waitReady waits until every widget of the page shows its data.
func waitReady(ctx context.Context) error {
	for range 200 {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const ws = [...document.querySelectorAll("medborgarlofte-status")]; return ws.length > 0 && ws.every((w) => w.getAttribute("data-state") === "ready"); })()`))
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("the widgets did not become ready in 20 s")
}

// pdfPages writes each page of the PDF as a PNG with pdftoppm, or says
// that it cannot.
func pdfPages(pdf string) error {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots: pdftoppm is not installed (Debian: poppler-utils): the PDF's pages are not written as PNG")
		return nil
	}
	prefix := strings.TrimSuffix(pdf, ".pdf")
	if err := exec.Command("pdftoppm", "-png", "-r", "60", pdf, prefix).Run(); err != nil {
		return fmt.Errorf("pdftoppm: %w", err)
	}
	pages, _ := filepath.Glob(prefix + "-*.png")
	for _, p := range pages {
		fmt.Println(p)
	}
	return nil
}
