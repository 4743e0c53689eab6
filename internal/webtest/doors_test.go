package webtest

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// notFoundPage is what a reader sees at an address that does not exist.
type notFoundPage struct {
	Lang, H1 string
	Homes    []string // where the language list leads
}

const notFoundJS = `({lang: document.documentElement.lang, h1: document.querySelector('h1').textContent,
	homes: [...document.querySelectorAll('main a')].map(a => a.href)})`

// checkNotFound opens a missing page in each language's folder and
// expects the "page not found" page in that language, with status 404,
// and links to every language's home page that work from there.
func checkNotFound(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	status := make(chan int64, 16)
	if err := chromedp.Listen(tab, func(ev any) {
		if ev, ok := ev.(*network.EventResponseReceived); ok && ev.Type == network.ResourceTypeDocument {
			select {
			case status <- ev.Response.Status:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	var homes []string
	for _, l := range fx.site.Config.Languages {
		homes = append(homes, fx.url+"/"+l.Code+"/")
	}
	for _, l := range fx.site.Config.Languages {
		p := "/" + l.Code + "/crime/no-such-page/"
		step := open(t, tab, fx, p, 30*time.Second)
		select {
		case got := <-status:
			if got != 404 {
				t.Errorf("%s: status %d, want 404", p, got)
			}
		case <-step.Done():
			t.Fatalf("%s: no response", p)
		}
		got, err := chromedp.Run(step, chromedp.Evaluate[notFoundPage](notFoundJS))
		if err != nil {
			t.Fatal(err)
		}
		if want := fx.site.Strings(l.Code).T("NotFoundTitle"); got.Lang != l.Code || got.H1 != want {
			t.Errorf("%s: got a page in %q headed %q, want %q headed %q", p, got.Lang, got.H1, l.Code, want)
		}
		if strings.Join(got.Homes, " ") != strings.Join(homes, " ") {
			t.Errorf("%s links %v, want the home pages %v", p, got.Homes, homes)
		}
	}
}

// iconFetch is the answer to a request for an icon.
type iconFetch struct {
	URL, Type string
	Status    int
}

// iconJS asks for the icon the page names and for /favicon.ico, where
// browsers look without being told, as the browser itself would.
const iconJS = `Promise.all([document.querySelector('link[rel="icon"]').href, '/favicon.ico'].map(u => fetch(u)))
	.then(rs => rs.map(r => ({url: r.url, status: r.status, type: r.headers.get('content-type')})))`

// checkIcon expects the icon a page names, and the one at the root, to be
// served from the site, and the page to load with no failed request and
// no error in the console.
func checkIcon(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	tr := watch(t, tab)
	step := open(t, tab, fx, "/en/crime/burglary/", 30*time.Second)
	icons, err := chromedp.Run(step, chromedp.Evaluate[[]iconFetch](iconJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fx.url + "/" + assetPath(t, fx.files, "favicon", ".ico"), fx.url + "/favicon.ico"}
	for i, ic := range icons {
		if ic.URL != want[i] || ic.Status != 200 || !strings.HasPrefix(ic.Type, "image/") {
			t.Errorf("the icon at %s: %d %q, want %s: 200 and an image", ic.URL, ic.Status, ic.Type, want[i])
		}
	}
	if len(icons) != 2 {
		t.Errorf("got %d icons, want 2", len(icons))
	}
	_, responses, errs := tr.take()
	checkResponses(t, "/en/crime/burglary/", responses)
	for _, e := range errs {
		t.Errorf("the console shows a %s error: %s %s", e.source, e.text, e.url)
	}
}

// printed is what a page looks like on paper.
type printed struct {
	Hidden  []string // controls shown on paper
	Address string   // what follows a link to another site
	Href    string
	Split   []string // help blocks that may be split across pages
}

const printJS = `(() => {
	const hidden = ['.exit-this-page', '.lang-switcher', '.skip-link', '.breadcrumbs']
		.filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none');
	const a = document.querySelector('main a[href^="http"]:not(.url)');
	const split = [...document.querySelectorAll('.help-now, .get-help, .get-help li, .support li, .notice')]
		.filter(el => getComputedStyle(el).breakInside !== 'avoid').map(el => el.className || el.tagName);
	return {hidden: hidden, address: a ? getComputedStyle(a, '::after').content : '', href: a ? a.getAttribute('href') : '', split: split};
})()`

// mediaBox finds the size of a PDF page in points.
var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)

// checkPrint prints pages as the browser does: on A4, without the
// controls, with the address after each link to another site, and with
// no help block split.
func checkPrint(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	for _, p := range []string{"/en/crime/fraud-and-cyber-crime/", "/ar/after-reporting/complaints/", "/pl/help/victim-lincs/"} {
		step := open(t, tab, fx, p, time.Minute)
		if _, err := chromedp.Call(step, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(step, chromedp.Evaluate[printed](printJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Hidden) > 0 {
			t.Errorf("%s: on paper it shows %v", p, got.Hidden)
		}
		if got.Href == "" {
			t.Errorf("%s has no link to another site to print", p)
		} else if !strings.Contains(got.Address, got.Href) {
			t.Errorf("%s: on paper a link to %s is followed by %s, want its address", p, got.Href, got.Address)
		}
		if len(got.Split) > 0 {
			t.Errorf("%s: on paper %v may be split across pages", p, got.Split)
		}
		pdf, err := chromedp.Run(step, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		m := mediaBox.FindSubmatch(pdf)
		if m == nil {
			t.Fatalf("%s: the PDF has no page size", p)
		}
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w < 593 || w > 598 || h < 840 || h > 845 { // A4: 595.28 x 841.89 points
			t.Errorf("%s prints on %.0f x %.0f points, want A4 (595 x 842)", p, w, h)
		}
	}
}
