package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// TestBrowserReloads opens a page in Chromium, edits its file, and waits
// for the open page to show the edit by itself; then it breaks the file,
// sees the problems, fixes it and sees the page come back.
//
// The page reloads by itself at moments the test does not choose (an
// editor's save can make two builds, so two reloads), so the test never
// holds on to a node of the page: it asks the page in JavaScript, again
// after a navigation, until the page is in the state it waits for or the
// deadline passes.
func TestBrowserReloads(t *testing.T) {
	dir := goldenSite(t)
	p := startPreview(t, dir)
	page := livePage{t: t, tab: browser.Tab(t, browser.New(t))}

	page.navigate(p.url + "/pl/crime/burglary/")
	page.until(h1Is("Włamanie"))
	// Wait until the page listens, so the test proves the reload and not
	// a page that happened to load late.
	page.until(`document.querySelector("script[data-listening]") !== null`)

	const pl = "content/crime/burglary.pl.md"
	good := readFile(t, dir, pl)
	writeFile(t, dir, pl, strings.Replace(good, "title: Włamanie", "title: Włamanie do domu", 1))
	page.until(h1Is("Włamanie do domu"))
	if nav := page.eval(`performance.getEntriesByType("navigation")[0].type`); nav != "reload" {
		t.Errorf("got navigation type %q, want reload", nav)
	}

	writeFile(t, dir, pl, strings.Replace(good, "title: Włamanie", "title: [Włamanie", 1))
	page.until(h1Is("The site has problems") + ` && document.body.innerText.includes("burglary.pl.md:")`)

	writeFile(t, dir, pl, good)
	page.until(h1Is("Włamanie"))
}

// h1Is is JavaScript that is true when the page's heading is text.
func h1Is(text string) string {
	return `(document.querySelector("h1") || {}).textContent === ` + jsString(text)
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// livePage is a tab whose page may reload at any moment.
type livePage struct {
	t   *testing.T
	tab context.Context
}

// navigate opens url in the tab.
func (p livePage) navigate(url string) {
	p.t.Helper()
	step := browser.Step(p.t, p.tab, wait)
	if err := chromedp.Do(step, chromedp.Navigate(url)); err != nil {
		p.t.Fatalf("open %s: %v", url, err)
	}
}

// until waits for the JavaScript expression js to be true in the page,
// polling it again in the new page after every reload, for up to wait.
func (p livePage) until(js string) {
	p.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		step, cancel := context.WithDeadline(p.tab, deadline)
		_, err := chromedp.Run(step, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil {
			return
		}
		// A reload ends the poll with an error; poll the new page.
		if !p.retry(deadline) {
			p.t.Fatalf("waited %v for %s: %v; the page says %q", wait, js, err, p.tryEval(`document.title + ": " + document.body.innerText.slice(0, 300)`))
		}
	}
}

// eval returns the value of the JavaScript expression js in the page,
// evaluating it again if a reload destroys the page it ran in.
func (p livePage) eval(js string) string {
	p.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		step, cancel := context.WithDeadline(p.tab, deadline)
		got, err := chromedp.Run(step, chromedp.Evaluate[string](js))
		cancel()
		if err == nil {
			return got
		}
		if !p.retry(deadline) {
			p.t.Fatalf("evaluate %s for %v: %v", js, wait, err)
		}
	}
}

// retry waits a moment before the next try while a new page loads, and
// reports whether the deadline leaves time for one.
func (p livePage) retry(deadline time.Time) bool {
	left := time.Until(deadline)
	if left <= 0 {
		return false
	}
	select {
	case <-time.After(min(50*time.Millisecond, left)):
	case <-p.tab.Done():
		return false
	}
	return time.Now().Before(deadline)
}

// tryEval is eval for a failure message: one try, and the error as text.
func (p livePage) tryEval(js string) string {
	step, cancel := context.WithTimeout(p.tab, 5*time.Second)
	defer cancel()
	got, err := chromedp.Run(step, chromedp.Evaluate[string](js))
	if err != nil {
		return err.Error()
	}
	return got
}
