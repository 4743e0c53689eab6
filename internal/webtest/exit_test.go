package webtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// exitWindow is how long the three presses of Shift may take (FACTS.md).
const exitWindow = 5 * time.Second

// checkExit tests "Exit this page" as a victim uses it: with the mouse,
// with the keyboard, with a screen reader and without JavaScript.
func checkExit(t *testing.T, ctx context.Context, fx *fixture) {
	t.Run("click", func(t *testing.T) {
		step := open(t, browser.Tab(t, ctx), fx, "/en/crime/burglary/", 30*time.Second)
		fx.exit.leave(t, step, chromedp.Click(chromedp.CSS(".exit-button")))
	})
	for _, lang := range []string{"en", "ar"} {
		t.Run("shift three times/"+lang, func(t *testing.T) { exitByShift(t, ctx, fx, lang) })
	}
	t.Run("two presses then a pause", func(t *testing.T) { exitNotAfterPause(t, ctx, fx) })
	t.Run("space", func(t *testing.T) { exitBySpace(t, ctx, fx) })
	for _, lang := range []string{"en", "ar"} {
		t.Run("lights and another key/"+lang, func(t *testing.T) { exitLights(t, ctx, fx, lang) })
	}
	t.Run("without JavaScript", func(t *testing.T) {
		tab := browser.Tab(t, ctx)
		if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		step := open(t, tab, fx, "/en/crime/burglary/", 30*time.Second)
		pressShift(t, step)
		if got := exitStatus(t, step); got != "" {
			t.Fatalf("with JavaScript off the live region says %q, so the script still ran", got)
		}
		fx.exit.leave(t, step, chromedp.Click(chromedp.CSS(".exit-button")))
	})
}

// exitByShift presses Shift three times on the home page in lang, and
// expects the live region to count down in that language, then the exit.
func exitByShift(t *testing.T, ctx context.Context, fx *fixture, lang string) {
	step := open(t, browser.Tab(t, ctx), fx, "/"+lang+"/", 30*time.Second)
	want := exitTexts(t, step)
	pressShift(t, step)
	if got := exitStatus(t, step); got != want.PressTwo {
		t.Errorf("after one press of Shift the live region says %q, want %q", got, want.PressTwo)
	}
	pressShift(t, step)
	if got := exitStatus(t, step); got != want.PressOne {
		t.Errorf("after two presses of Shift the live region says %q, want %q", got, want.PressOne)
	}
	fx.exit.leave(t, step, shift())
}

// exitNotAfterPause presses Shift twice, lets the window close, and
// expects a third press to start counting again instead of leaving. The
// window is the behaviour under test, so the test takes as long as it.
func exitNotAfterPause(t *testing.T, ctx context.Context, fx *fixture) {
	step := open(t, browser.Tab(t, ctx), fx, "/en/", 30*time.Second)
	want := exitTexts(t, step)
	start := time.Now()
	pressShift(t, step)
	pressShift(t, step)
	// The live region says so when the window closes: wait for that,
	// not for a fixed time.
	_, err := chromedp.Run(step, chromedp.Poll[bool](
		`document.querySelector('[data-exit-status]').textContent === document.querySelector('[data-exit]').dataset.expired`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(exitWindow+5*time.Second)))
	if err != nil {
		t.Fatalf("the live region never said %q: %v", want.Expired, err)
	}
	if waited := time.Since(start); waited < exitWindow-100*time.Millisecond {
		t.Errorf("the presses expired after %v, want %v", waited, exitWindow)
	}
	if got := exitLightsOn(t, step); got != 0 {
		t.Errorf("after the pause %d lights are on, want none", got)
	}
	pressShift(t, step)
	if got := exitStatus(t, step); got != want.PressTwo {
		t.Errorf("a third press after the pause: the live region says %q, want %q (counting again from one)", got, want.PressTwo)
	}
	fx.exit.stayed(t, step, fx.url+"/en/")
}

// leave runs trigger and expects the tab to arrive at the Exit destination,
// without telling it which page the victim was on.
func (e *exitServer) leave(t *testing.T, step context.Context, trigger chromedp.Action[chromedp.Void]) {
	t.Helper()
	e.drain()
	_, err := chromedp.Run(step, chromedp.WaitEvent(page.FrameNavigated, func(ev page.EventFrameNavigated) bool {
		return ev.Frame.ParentID == "" && ev.Frame.URL == e.url
	}, trigger))
	if err != nil {
		t.Fatalf("the tab did not go to the Exit destination %s: %v", e.url, err)
	}
	select {
	case v := <-e.visits:
		if want := strings.TrimPrefix(e.url, e.origin); v.path != want {
			t.Errorf("the Exit server was asked for %s, want %s", v.path, want)
		}
		if v.referer != "" {
			t.Errorf("the Exit destination was told the page the victim came from: Referer %q", v.referer)
		}
	default:
		t.Errorf("the tab shows %s, but the Exit server had no request", e.url)
	}
}

// stayed expects the tab still to show want and the Exit destination to
// have had no request.
func (e *exitServer) stayed(t *testing.T, step context.Context, want string) {
	t.Helper()
	loc, err := chromedp.Run(step, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if loc != want {
		t.Errorf("the tab shows %s, want %s still", loc, want)
	}
	select {
	case v := <-e.visits:
		t.Errorf("the Exit destination had a request for %s", v.path)
	default:
	}
}

// drain forgets earlier visits.
func (e *exitServer) drain() {
	for {
		select {
		case <-e.visits:
		default:
			return
		}
	}
}

// texts are the localised announcements, from the page's data attributes.
type texts struct{ PressTwo, PressOne, Activated, Expired string }

func exitTexts(t *testing.T, step context.Context) texts {
	t.Helper()
	got, err := chromedp.Run(step, chromedp.Evaluate[texts](`(d => ({pressTwo: d.pressTwo, pressOne: d.pressOne, activated: d.activated, expired: d.expired}))(document.querySelector('[data-exit]').dataset)`))
	if err != nil {
		t.Fatal(err)
	}
	if got.PressTwo == "" || got.PressOne == "" || got.Activated == "" || got.Expired == "" {
		t.Fatalf("the Exit control lacks announcements: %+v", got)
	}
	return got
}

// exitStatus reads the live region that screen readers announce. It reads
// the DOM, not a script's view of it, so it works with JavaScript off.
func exitStatus(t *testing.T, step context.Context) string {
	t.Helper()
	got, err := chromedp.Run(step, chromedp.TextContent(chromedp.CSS("[data-exit-status]")))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func pressShift(t *testing.T, step context.Context) {
	t.Helper()
	if err := chromedp.Do(step, shift()); err != nil {
		t.Fatal(err)
	}
}

// shift presses and releases the left Shift key, as a keyboard does.
func shift() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, ev := range []input.DispatchKeyEventParams{
			{Type: input.DispatchKeyEventTypeRawKeyDown, Modifiers: 8},
			{Type: input.DispatchKeyEventTypeKeyUp},
		} {
			ev.Key, ev.Code, ev.WindowsVirtualKeyCode, ev.NativeVirtualKeyCode, ev.Location = "Shift", "ShiftLeft", 16, 16, 1
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// exitBySpace moves to the Exit control with Tab, as a keyboard user does,
// and presses Space, which a button answers to as well as Enter.
func exitBySpace(t *testing.T, ctx context.Context, fx *fixture) {
	step := open(t, browser.Tab(t, ctx), fx, "/en/crime/burglary/", 30*time.Second)
	for range 2 { // the skip link, then the Exit control
		if err := chromedp.Do(step, tabKey(false)); err != nil {
			t.Fatal(err)
		}
	}
	focused, err := chromedp.Run(step, chromedp.Evaluate[string](`document.activeElement.className`))
	if err != nil || focused != "exit-button" {
		t.Fatalf("after two presses of Tab the focus is on %q (%v), want the Exit control", focused, err)
	}
	fx.exit.leave(t, step, chromedp.KeyEvent(" "))
}

// exitLights presses Shift and expects one light, then two, on the Exit
// control; another key turns them off and says so; then Shift+Tab three
// times counts nothing.
func exitLights(t *testing.T, ctx context.Context, fx *fixture, lang string) {
	step := open(t, browser.Tab(t, ctx), fx, "/"+lang+"/", 30*time.Second)
	want := exitTexts(t, step)
	for n, say := range []string{want.PressTwo, want.PressOne} {
		pressShift(t, step)
		if got := exitLightsOn(t, step); got != n+1 {
			t.Errorf("after %d presses of Shift %d lights are on, want %d", n+1, got, n+1)
		}
		if got := exitStatus(t, step); got != say {
			t.Errorf("after %d presses of Shift the live region says %q, want %q", n+1, got, say)
		}
	}
	if err := chromedp.Do(step, chromedp.KeyEvent("a")); err != nil {
		t.Fatal(err)
	}
	if got := exitLightsOn(t, step); got != 0 {
		t.Errorf("after another key %d lights are on, want none", got)
	}
	if got := exitStatus(t, step); got != want.Expired {
		t.Errorf("after another key the live region says %q, want %q", got, want.Expired)
	}
	for range 3 {
		if err := chromedp.Do(step, tabKey(true)); err != nil {
			t.Fatal(err)
		}
	}
	if got := exitLightsOn(t, step); got != 0 {
		t.Errorf("after Shift+Tab three times %d lights are on, want none", got)
	}
	fx.exit.stayed(t, step, fx.url+"/"+lang+"/")
}

// exitLightsOn counts the lights that show the presses of Shift on screen.
func exitLightsOn(t *testing.T, step context.Context) int {
	t.Helper()
	n, err := chromedp.Run(step, chromedp.Evaluate[int](`[...document.querySelectorAll('.exit-indicator span.on')].filter(s => s.getBoundingClientRect().width > 0).length`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
