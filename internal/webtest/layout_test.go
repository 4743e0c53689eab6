package webtest

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// box is an element's place on screen, from getBoundingClientRect.
type box struct{ Left, Right float64 }

func (b box) centre() float64 { return (b.Left + b.Right) / 2 }

// header is where the two controls of the header sit, and how wide the
// window is.
type header struct {
	Exit, Switcher box // the Exit button, and the switcher's first language
	Width          float64
}

const headerJS = `(() => {
	const box = s => { const r = document.querySelector(s).getBoundingClientRect(); return {left: r.left, right: r.right}; };
	return {exit: box('.exit-button'), switcher: box('.lang-switcher li:first-child a'), width: document.documentElement.clientWidth};
})()`

// mixedJS finds the runs of digits or Latin letters inside the page that
// must read left to right: phone numbers, and links and text marked as
// English. For each that fits on one line it returns the text and the
// order in which its characters appear on screen, left to right.
const mixedJS = `(() => {
	const out = [];
	const els = document.querySelectorAll('a[href^="tel:"], [lang="en"]:not(html), main a');
	for (const el of els) {
		const text = el.textContent;
		if (!/^[\x20-\x7e]+$/.test(text) || !/[0-9A-Za-z]/.test(text)) continue;
		const chars = [];
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			for (let i = 0; i < n.data.length; i++) {
				if (n.data[i] === ' ') continue;
				const r = document.createRange();
				r.setStart(n, i); r.setEnd(n, i + 1);
				const b = r.getBoundingClientRect();
				chars.push({c: n.data[i], x: b.left + b.width / 2, y: Math.round(b.top)});
			}
		}
		if (chars.length < 2 || chars.some(ch => ch.y !== chars[0].y)) continue;
		const logical = chars.map(ch => ch.c).join('');
		const visual = chars.slice().sort((a, b) => a.x - b.x).map(ch => ch.c).join('');
		out.push({text: text, logical: logical, visual: visual});
	}
	return out;
})()`

type mixedRun struct{ Text, Logical, Visual string }

// checkRightToLeft compares the header of the home page in English and in
// each right-to-left language: the Exit control and the language switcher
// swap sides, by the same distance from the edges. On every page in a
// right-to-left language, numbers and Latin text show in reading order.
func checkRightToLeft(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	src := fx.site.Content.Source()
	ltr := readHeader(t, open(t, tab, fx, "/"+src+"/", 30*time.Second))
	if ltr.Exit.centre() <= ltr.Switcher.centre() {
		t.Errorf("in %s the Exit control (%+v) is not right of the language switcher (%+v)", src, ltr.Exit, ltr.Switcher)
	}
	var rtl []string
	for _, l := range fx.site.Config.Languages {
		if l.RTL() {
			rtl = append(rtl, l.Code)
		}
	}
	if len(rtl) == 0 {
		t.Fatal("the site declares no right-to-left language (site.toml: dir = \"rtl\"), so there is no mirrored header to check")
	}
	for _, lang := range rtl {
		t.Run(lang, func(t *testing.T) {
			got := readHeader(t, open(t, tab, fx, "/"+lang+"/", 30*time.Second))
			if got.Exit.centre() >= got.Switcher.centre() {
				t.Errorf("the Exit control (%+v) is not left of the language switcher (%+v)", got.Exit, got.Switcher)
			}
			// Mirrored: each control is as far from its edge as in English.
			near := func(a, b float64) bool { return math.Abs(a-b) <= 2 }
			if !near(got.Exit.Left, ltr.Width-ltr.Exit.Right) {
				t.Errorf("the Exit control starts %.0fpx from the left edge, want %.0fpx as from the right in %s", got.Exit.Left, ltr.Width-ltr.Exit.Right, src)
			}
			if !near(got.Width-got.Switcher.Right, ltr.Switcher.Left) {
				t.Errorf("the language switcher starts %.0fpx from the right edge, want %.0fpx as from the left in %s", got.Width-got.Switcher.Right, ltr.Switcher.Left, src)
			}
			for _, p := range fx.pages() {
				if strings.HasPrefix(p, "/"+lang+"/") {
					checkReadingOrder(t, open(t, tab, fx, p, 30*time.Second), p)
				}
			}
		})
	}
}

func readHeader(t *testing.T, step context.Context) header {
	t.Helper()
	h, err := chromedp.Run(step, chromedp.Evaluate[header](headerJS))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// checkReadingOrder expects each run of digits or Latin text on the page to
// show its characters left to right in the order they are written.
func checkReadingOrder(t *testing.T, step context.Context, p string) {
	t.Helper()
	runs, err := chromedp.Run(step, chromedp.Evaluate[[]mixedRun](mixedJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) == 0 {
		t.Errorf("%s: found no number or Latin text to check; want at least the phone numbers", p)
	}
	for _, r := range runs {
		if r.Visual != r.Logical {
			t.Errorf("%s: %q reads %q on screen, want %q", p, r.Text, r.Visual, r.Logical)
		}
	}
}

// overflow is what makes a page wider than the screen.
type overflow struct {
	ScrollWidth, ClientWidth int
	Widest                   []string // the elements that stick out, innermost first
}

// overflowJS measures the page and names the innermost elements that
// stick out of the screen on either side, or whose content sticks out of them.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth;
	const out = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
		if ((r.left < -0.5 || r.right > w + 0.5 || spills) && !el.querySelector('*:not(br)')) {
			out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + JSON.stringify(el.textContent.slice(0, 40)));
		}
	}
	return {scrollWidth: document.documentElement.scrollWidth, clientWidth: w, widest: out.slice(0, 5)};
})()`

// phoneWidth is the narrowest screen WCAG 1.4.10 (Reflow) asks for, in CSS pixels.
const phoneWidth = 320

// checkMobile loads every page on a phone-sized screen and expects none to
// scroll sideways.
func checkMobile(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(phoneWidth, 640, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, p := range fx.htmlPages() {
		step := open(t, tab, fx, p, 30*time.Second)
		got, err := chromedp.Run(step, chromedp.Evaluate[overflow](overflowJS))
		if err != nil {
			t.Fatal(err)
		}
		if got.ClientWidth != phoneWidth {
			t.Fatalf("%s: the page is laid out %dpx wide, want %d", p, got.ClientWidth, phoneWidth)
		}
		if got.ScrollWidth > got.ClientWidth {
			t.Errorf("%s scrolls sideways at %dpx: it is %dpx wide; sticking out: %s", p, phoneWidth, got.ScrollWidth, strings.Join(got.Widest, "; "))
		}
	}
}
