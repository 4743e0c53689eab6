package serve

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// TestBrowserReloads opens a page in Chromium, edits its file, and waits
// for the open page to show the edit by itself; then it breaks the file,
// sees the problems, fixes it and sees the page come back.
func TestBrowserReloads(t *testing.T) {
	dir := goldenSite(t)
	p := startPreview(t, dir)
	ctx := browser.New(t)
	tab := browser.Tab(t, ctx)

	step := browser.Step(t, tab, wait)
	if err := chromedp.Do(step, chromedp.Navigate(p.url+"/pl/crime/burglary/")); err != nil {
		t.Fatal(err)
	}
	h1 := func() string {
		t.Helper()
		got, err := chromedp.Run(step, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(got)
	}
	if got := h1(); got != "Włamanie" {
		t.Fatalf("got h1 %q, want Włamanie", got)
	}
	// Wait until the page listens, so the test proves the reload and not
	// a page that happened to load late.
	if _, err := chromedp.Run(step, chromedp.Poll[bool](`document.querySelector("script[data-listening]") !== null`,
		chromedp.WithPollingTimeout(wait))); err != nil {
		t.Fatalf("the page does not listen for reloads: %v", err)
	}

	const pl = "content/crime/burglary.pl.md"
	good := readFile(t, dir, pl)
	// until polls the page for js to hold. The reload navigates away
	// from under a poll, which then fails; it polls the new page again.
	until := func(js string) {
		t.Helper()
		for {
			_, err := chromedp.Run(step, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(wait)))
			if err == nil {
				return
			}
			if step.Err() != nil {
				t.Fatalf("waiting for %s: %v (h1 is %q)", js, err, h1())
			}
		}
	}
	writeFile(t, dir, pl, strings.Replace(good, "title: Włamanie", "title: Włamanie do domu", 1))
	until(`document.querySelector("h1") && document.querySelector("h1").textContent === "Włamanie do domu"`)
	nav, err := chromedp.Run(step, chromedp.Evaluate[string](`performance.getEntriesByType("navigation")[0].type`))
	if err != nil || nav != "reload" {
		t.Errorf("got navigation type %q (%v), want reload", nav, err)
	}

	writeFile(t, dir, pl, strings.Replace(good, "title: Włamanie", "title: [Włamanie", 1))
	until(`document.querySelector("h1") && document.querySelector("h1").textContent === "The site has problems"`)
	body, err := chromedp.Run(step, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "burglary.pl.md:") {
		t.Errorf("the error page does not name the file:\n%s", body)
	}

	writeFile(t, dir, pl, good)
	until(`document.querySelector("h1") && document.querySelector("h1").textContent === "Włamanie"`)
}
