// Package browser starts Debian's headless Chromium for the tests that must
// see the site as a person does: the accessibility audits, the Exit control,
// live reload and the officers' desk form. It wraps chromedp; no other
// package imports chromedp directly.
//
// A test calls New(t) and gets a browser context that closes when the test
// ends. Where no Chromium is installed, the test is skipped with a message
// saying what to install; when the environment variable CI is "true", a
// missing browser fails the test instead, so CI cannot pass by skipping.
package browser

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// candidates are the names Chromium goes by on Debian and elsewhere.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Path returns the Chromium executable to use: $CHROMIUM if set, else the
// first of the usual names on PATH.
func Path() (string, bool) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, true
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Need skips the test (or fails it under CI=true) when tool is not
// installed, naming the Debian package that provides it.
func Need(t testing.TB, ok bool, what, install string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing, and CI=true makes that a failure: %s", what, install)
	}
	t.Skipf("%s is missing; to run this test: %s", what, install)
}

// Tool returns the path of a program the test needs (pdftotext, qpdf,
// java), skipping the test without it, or failing it under CI=true.
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	Need(t, err == nil, name, install)
	return p
}

// Options are the Chromium flags the tests use: headless, no sandbox (CI
// runs as root), and nothing that reaches out to the network by itself.
func Options(path string) []chromedp.ExecAllocatorOption {
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	return append(opts,
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.WindowSize(1024, 768),
	)
}

// New starts a browser for the test and returns the context of its first
// tab, which has already run once, so the browser is up. Limit each step
// with a context.WithTimeout derived from it (a deadline on the first run
// would stop the whole browser); the browser stops when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	path, ok := Path()
	Need(t, ok, "Chromium", "apt-get install -y chromium")
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(Options(path), chromedp.UserDataDir(t.TempDir()))...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	open(t, ctx, "start Chromium at "+path)
	return ctx
}

// open runs nothing on a new context, which starts its browser or opens
// its tab, without a deadline on the context itself: chromedp ties a tab's
// life to the context of its first run.
func open(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	case <-time.After(time.Minute):
		t.Fatalf("%s: no answer within a minute", what)
	}
}

// Step returns a context for one step of a test, derived from a browser
// context, that gives up after d.
func Step(t testing.TB, ctx context.Context, d time.Duration) context.Context {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, d)
	t.Cleanup(cancel)
	return step
}

// Tab opens another tab in the same browser as ctx and returns its
// context, already open, so that steps on it may carry their own deadlines.
func Tab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	open(t, tab, "open a tab")
	return tab
}
