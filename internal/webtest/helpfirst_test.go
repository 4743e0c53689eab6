package webtest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
	"victimsite/internal/phone"
)

// The phone screen the help must fit on: an iPhone 12 to 15, in CSS pixels.
const (
	phoneScreenWidth  = 390
	phoneScreenHeight = 844
)

// helpLinks is where the first tel: link to each number is, top and
// bottom in CSS pixels from the top of the page.
type helpLinks struct {
	Emergency, NonEmergency, Support struct {
		Found       bool
		Top, Bottom float64
	}
	ScrollY float64
}

const helpLinksJS = `((numbers) => {
	const at = tel => {
		const a = document.querySelector('a[href="tel:' + tel + '"]');
		if (!a) return {found: false, top: 0, bottom: 0};
		const r = a.getBoundingClientRect();
		return {found: true, top: r.top + scrollY, bottom: r.bottom + scrollY};
	};
	return {emergency: at(numbers[0]), nonEmergency: at(numbers[1]), support: at(numbers[2]), scrollY: scrollY};
})(%s)`

// checkHelpFirst opens every audited page on a phone screen and expects a
// tel: link to 999, 101 and the support service on the first screen, in
// every language and direction, before any scrolling.
func checkHelpFirst(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(phoneScreenWidth, phoneScreenHeight, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	code := fx.site.Config.Code
	var tels []string
	for _, id := range []string{code.EmergencyContact, code.NonEmergencyContact, code.SupportContact} {
		c, ok := fx.site.Config.Contact(id)
		if !ok {
			t.Fatalf("site.toml has no contact %q", id)
		}
		tels = append(tels, phone.Tel(c.Phone))
	}
	js := fmt.Sprintf(helpLinksJS, fmt.Sprintf("[%q, %q, %q]", tels[0], tels[1], tels[2]))
	lowest := map[string]float64{} // by language: the lowest bottom of the 999 link
	for _, p := range fx.pages() {
		step := open(t, tab, fx, p, 30*time.Second)
		got, err := chromedp.Run(step, chromedp.Evaluate[helpLinks](js))
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range []struct {
			Found       bool
			Top, Bottom float64
		}{got.Emergency, got.NonEmergency, got.Support} {
			switch {
			case !l.Found:
				t.Errorf("%s has no tel:%s link", p, tels[i])
			case l.Bottom > phoneScreenHeight || got.ScrollY != 0:
				t.Errorf("%s: the tel:%s link is at %.0f to %.0f px (scrolled %.0f), want it within the first %d px of a %d px wide phone", p, tels[i], l.Top, l.Bottom, got.ScrollY, phoneScreenHeight, phoneScreenWidth)
			}
		}
		lang := strings.Split(strings.Trim(p, "/"), "/")[0]
		lowest[lang] = max(lowest[lang], got.Emergency.Bottom)
	}
	t.Logf("the 999 link ends at most this far down a %dx%d screen: %v", phoneScreenWidth, phoneScreenHeight, lowest)
}

// TestEveryPhoneNumberIsALink reads every published page and expects each
// phone number of a contact in site.toml to be the text of a tel: link.
func TestEveryPhoneNumberIsALink(t *testing.T) {
	fx := build(t)
	var numbers []string
	for _, c := range fx.site.Config.Contacts {
		numbers = append(numbers, c.Phone)
	}
	m := phone.New(numbers...)
	checked := 0
	for name, data := range fx.files {
		if strings.HasSuffix(name, ".html") {
			for _, n := range unlinkedNumbers(string(data), m) {
				t.Errorf("%s: %s", name, n)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no page checked")
	}
}

var (
	telLink = regexp.MustCompile(`(?s)<a [^>]*href="tel:[^"]*"[^>]*>.*?</a>`)
	anyTag  = regexp.MustCompile(`(?s)<[^>]*>`)
	// aLink is a link and its text; links do not nest in HTML.
	aLink = regexp.MustCompile(`(?s)<a [^>]*>(.*?)</a>`)
)

// unlinkedNumbers returns the known numbers in the text of a page that are
// not the text of a tel: link, each with the text around it.
//
// A number in the words of a link to a page ("read about a silent 999
// call") names a topic there, and a link cannot hold another link; a link
// whose words are only the number is still reported, as a reader would
// take it for a way to call.
func unlinkedNumbers(html string, m *phone.Matcher) []string {
	html = telLink.ReplaceAllString(html, " ")
	html = aLink.ReplaceAllStringFunc(html, func(a string) string {
		words := anyTag.ReplaceAllString(aLink.FindStringSubmatch(a)[1], " ")
		if strings.IndexFunc(words, unicode.IsLetter) >= 0 {
			return " "
		}
		return a
	})
	text := anyTag.ReplaceAllString(html, " ")
	var out []string
	for _, f := range m.Find(text) {
		out = append(out, fmt.Sprintf("%q is not a tel: link, in %q", text[f.Start:f.End], text[max(f.Start-40, 0):min(f.End+40, len(text))]))
	}
	return out
}

func TestUnlinkedNumbers(t *testing.T) {
	m := phone.New("101", "01522 947510")
	for html, want := range map[string]int{
		`<p>Call <a href="tel:101" dir="ltr">101</a>.</p>`:                     0,
		`<p>Call <b>101</b> or <a href="tel:01522947510">01522 947510</a></p>`: 1,
		`<meta name="description" content="Call 101">`:                         0,
		`<p>Call <a href="/help/">01522 947510</a></p>`:                        1,
		`<p>Read <a href="/help/#non-emergency">when to call 101</a>.</p>`:     0,
	} {
		if got := unlinkedNumbers(html, m); len(got) != want {
			t.Errorf("%s: got %q, want %d", html, got, want)
		}
	}
}

// pageListLink finds the links of the generated lists of pages.
var pageListLink = regexp.MustCompile(`<li><a href="([^"]+)"`)

// TestHomeListsEachPageOnce expects each language's home page to list
// every section and page once, in the lists it makes itself, and its own
// text to hold no list of links that repeats them.
func TestHomeListsEachPageOnce(t *testing.T) {
	fx := build(t)
	for _, l := range fx.site.Config.Languages {
		page := string(fx.files[l.Code+"/index.html"])
		main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
		body := main[strings.Index(main, `<div class="body"`):]
		body = body[:strings.Index(body, "</div>")]
		if strings.Contains(body, "<li>") {
			t.Errorf("%s/index.html: the home page's own text has a list, which repeats the lists of pages", l.Code)
		}
		seen := map[string]int{}
		for _, m := range pageListLink.FindAllStringSubmatch(main, -1) {
			seen[m[1]]++
		}
		for _, id := range fx.site.Content.IDs() {
			if !strings.Contains(id, "/") {
				continue // the home page, and the sections, which head the lists
			}
			if href := "../" + l.Code + "/" + id + "/"; seen[href] != 1 {
				t.Errorf("%s/index.html lists %s %d times, want once", l.Code, href, seen[href])
			}
		}
	}
}

// TestContentsOnlyWhereTheyHelp expects "On this page" on a long guide and
// not on a reference page whose many headings are its contents already:
// listing the glossary's terms twice made it too heavy for a phone.
func TestContentsOnlyWhereTheyHelp(t *testing.T) {
	fx := build(t)
	for page, want := range map[string]bool{"en/crime/burglary/index.html": true, "en/help/words/index.html": false, "ru/help/words/index.html": false} {
		if got := strings.Contains(string(fx.files[page]), `id="contents-title"`); got != want {
			t.Errorf("%s: got contents %v, want %v", page, got, want)
		}
	}
}
