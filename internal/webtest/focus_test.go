package webtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// focusState is what the keyboard focus is on, and whether anything
// covers it: each corner of each of its boxes must show the element
// itself, not the Exit bar or anything else, and be on screen.
type focusState struct {
	Tag, Text string
	Body      bool // the focus is on no element
	Covered   []string
}

const focusJS = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return {body: true};
	const covered = [];
	for (const r of el.getClientRects()) {
		if (r.width < 4 || r.height < 4) continue;
		for (const [x, y] of [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]]) {
			const hit = document.elementFromPoint(x, y);
			if (hit !== el && !el.contains(hit)) {
				covered.push('(' + Math.round(x) + ',' + Math.round(y) + ') shows ' + (hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + hit.className : '') : 'nothing: off screen'));
			}
		}
	}
	return {tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40), covered: covered};
})()`

// focusable counts what Tab stops at.
const focusableJS = `document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length`

// exitBar is the Exit control's place and look on a phone.
type exitBar struct {
	Width, ScreenWidth, Top float64
	Background              string
}

const exitBarJS = `(() => {
	scrollTo(0, 2000);
	const b = document.querySelector('.exit-button');
	const r = b.getBoundingClientRect();
	const out = {width: r.width, screenWidth: document.documentElement.clientWidth, top: r.top, background: getComputedStyle(b).backgroundColor};
	scrollTo(0, 0);
	return out;
})()`

// checkFocusNotObscured tabs through long pages on a phone, forwards and
// backwards with Shift+Tab, and expects every focused element in full
// view: the sticky Exit bar never covers it, not even partly. Shift+Tab
// must not count towards the three presses of Shift that leave the page.
func checkFocusNotObscured(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(phoneScreenWidth, phoneScreenHeight, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/en/crime/burglary/", "/ar/crime/burglary/", "/lt/after-reporting/the-investigation/"} {
		t.Run(testName(p), func(t *testing.T) {
			step := open(t, tab, fx, p, 2*time.Minute)
			bar, err := chromedp.Run(step, chromedp.Evaluate[exitBar](exitBarJS))
			if err != nil {
				t.Fatal(err)
			}
			if bar.Width != bar.ScreenWidth || bar.Top != 0 || !solid(bar.Background) {
				t.Errorf("scrolled down, the Exit control is %.0f px wide of %.0f at %.0f px from the top, in %s; want a solid bar across the top", bar.Width, bar.ScreenWidth, bar.Top, bar.Background)
			}
			n, err := chromedp.Run(step, chromedp.Evaluate[int](focusableJS))
			if err != nil || n < 10 {
				t.Fatalf("found %d elements to tab to (%v); want a page with links", n, err)
			}
			tabThrough(t, step, p, n, false)
			tabThrough(t, step, p, n, true)
			fx.exit.stayed(t, step, fx.url+p)
		})
	}
}

// tabThrough presses Tab (or Shift+Tab) n times and checks the focus
// after each press.
func tabThrough(t *testing.T, step context.Context, p string, n int, back bool) {
	t.Helper()
	seen := 0
	for i := range n {
		if err := chromedp.Do(step, tabKey(back)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(step, chromedp.Evaluate[focusState](focusJS))
		if err != nil {
			t.Fatal(err)
		}
		if got.Body {
			continue
		}
		seen++
		if len(got.Covered) > 0 {
			t.Errorf("%s, %d presses of %s: the focused %s %q is covered: %s", p, i+1, keyName(back), got.Tag, got.Text, strings.Join(got.Covered, "; "))
		}
	}
	if seen < n/2 {
		t.Errorf("%s: %s reached %d elements of %d", p, keyName(back), seen, n)
	}
}

func keyName(back bool) string {
	if back {
		return "Shift+Tab"
	}
	return "Tab"
}

// tabKey presses Tab, or Shift+Tab as a keyboard does it: Shift down,
// Tab down and up with Shift held, then Shift up.
func tabKey(back bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		key := func(typ input.DispatchKeyEventType, name, code string, vk, mods int64) input.DispatchKeyEventParams {
			return input.DispatchKeyEventParams{Type: typ, Key: name, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk, Modifiers: mods}
		}
		var mods int64
		var events []input.DispatchKeyEventParams
		if back {
			mods = 8
			down := key(input.DispatchKeyEventTypeRawKeyDown, "Shift", "ShiftLeft", 16, 8)
			down.Location = 1
			events = append(events, down)
		}
		events = append(events, key(input.DispatchKeyEventTypeRawKeyDown, "Tab", "Tab", 9, mods), key(input.DispatchKeyEventTypeKeyUp, "Tab", "Tab", 9, mods))
		if back {
			up := key(input.DispatchKeyEventTypeKeyUp, "Shift", "ShiftLeft", 16, 0)
			up.Location = 1
			events = append(events, up)
		}
		for _, ev := range events {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// solid reports whether a CSS colour is opaque.
func solid(colour string) bool {
	return strings.HasPrefix(colour, "rgb(") || strings.HasPrefix(colour, "rgba(") && strings.HasSuffix(colour, ", 1)")
}
