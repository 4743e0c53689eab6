package webtest

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// TestInBrowser opens the built site in one headless Chromium and runs
// every check that needs a browser as a subtest, so the browser starts
// once. Each check works in tabs of its own, and they run side by side.
func TestInBrowser(t *testing.T) {
	t.Parallel()
	fx := build(t)
	ctx := browser.New(t)
	for _, check := range []struct {
		name string
		run  func(*testing.T, context.Context, *fixture)
	}{
		{"axe", checkAccessibility},
		{"privacy", checkPrivacy},
		{"exit", checkExit},
		{"rtl", checkRightToLeft},
		{"mobile", checkMobile},
		{"help first", checkHelpFirst},
		{"focus", checkFocusNotObscured},
		{"not found", checkNotFound},
		{"icon", checkIcon},
		{"print", checkPrint},
	} {
		t.Run(check.name, func(t *testing.T) {
			t.Parallel()
			check.run(t, ctx, fx)
		})
	}
}

// open loads the page at p in the tab, giving up after d, and returns the
// context for further steps on that page.
func open(t *testing.T, tab context.Context, fx *fixture, p string, d time.Duration) context.Context {
	t.Helper()
	step := browser.Step(t, tab, d)
	if err := chromedp.Do(step, chromedp.Navigate(fx.url+p)); err != nil {
		t.Fatalf("open %s: %v", p, err)
	}
	return step
}
