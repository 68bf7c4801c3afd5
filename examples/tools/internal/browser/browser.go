// Package browser starts Debian's headless Chromium for the widget's tests
// and measurements, with the flags this machine needs: without the
// background-networking flags Chromium hangs on lookups of Google's hosts
// in a closed network.
package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Path returns the Chromium to run: $CHROMIUM, else chromium or
// chromium-browser on PATH, else /usr/bin/chromium.
func Path() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	return "", errors.New("browser: no chromium found: install Debian's package (make browser) or set CHROMIUM")
}

// Options of a browser.
type Options struct {
	// UserDataDir is the profile directory. "" means a fresh temporary
	// one, removed when the browser is cancelled.
	UserDataDir string
	// Flags are extra command-line flags.
	Flags map[string]any
}

// New starts a headless Chromium and returns a chromedp context of its
// first tab. Cancelling it closes the browser.
func New(parent context.Context, opts Options) (context.Context, context.CancelFunc, error) {
	path, err := Path()
	if err != nil {
		return nil, nil, err
	}
	dir := opts.UserDataDir
	cleanup := func() {}
	if dir == "" {
		dir, err = os.MkdirTemp("", "medborgarlofte-chromium-")
		if err != nil {
			return nil, nil, err
		}
		cleanup = func() { os.RemoveAll(dir) }
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
		// Headless Chromium (156) loads the omnibox popup's WebUI pages
		// at start, two pages of web components in another renderer,
		// which compete for the CPU with the page under test.
		chromedp.Flag("disable-features", "WebUIOmniboxPopup,WebUIOmniboxAimPopup"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.WindowSize(1024, 900),
	}
	for k, v := range opts.Flags {
		allocOpts = append(allocOpts, chromedp.Flag(k, v))
	}
	actx, acancel := chromedp.NewExecAllocator(parent, allocOpts...)
	ctx, cancel := chromedp.NewContext(actx)
	// Start the browser now, so that a failure shows here.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		acancel()
		cleanup()
		return nil, nil, fmt.Errorf("browser: start %s: %w", path, err)
	}
	return ctx, func() { cancel(); acancel(); cleanup() }, nil
}

// ConsoleText returns a console message as one line, its arguments joined
// by spaces, strings unquoted.
func ConsoleText(ev *runtime.EventConsoleAPICalled) string {
	parts := make([]string, 0, len(ev.Args))
	for _, a := range ev.Args {
		parts = append(parts, RemoteText(a))
	}
	return strings.Join(parts, " ")
}

// RemoteText returns a remote object as text: a string unquoted, else its
// JSON value or description.
func RemoteText(a *runtime.RemoteObject) string {
	if a == nil {
		return ""
	}
	if len(a.Value) > 0 {
		var s string
		if json.Unmarshal(a.Value, &s) == nil {
			return s
		}
		return string(a.Value)
	}
	if a.Description != "" {
		return a.Description
	}
	return string(a.Type)
}
