package webtest

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"victimsite/internal/browser"
)

// traffic is what a tab asked the network for, as the DevTools protocol
// reports it.
type traffic struct {
	mu        sync.Mutex
	requests  []string
	responses []response
	errors    []consoleError
}

// consoleError is an error in the DevTools console: a request the
// Content-Security-Policy blocked, a failed load or a script error.
type consoleError struct{ source, text, url string }

type response struct {
	url       string
	status    int64
	document  bool
	setCookie bool
}

// watch records every request and response of the tab from now on.
func watch(t *testing.T, tab context.Context) *traffic {
	t.Helper()
	tr := &traffic{}
	err := chromedp.Listen(tab, func(ev any) {
		// This runs in the tab's message loop: record and return.
		tr.mu.Lock()
		defer tr.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tr.requests = append(tr.requests, ev.Request.URL)
		case *network.EventResponseReceived:
			r := response{url: ev.Response.URL, status: ev.Response.Status, document: ev.Type == network.ResourceTypeDocument}
			for k := range ev.Response.Headers {
				r.setCookie = r.setCookie || http.CanonicalHeaderKey(k) == "Set-Cookie"
			}
			tr.responses = append(tr.responses, r)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				tr.errors = append(tr.errors, consoleError{string(ev.Entry.Source), ev.Entry.Text, ev.Entry.URL})
			}
		case *runtime.EventExceptionThrown:
			tr.errors = append(tr.errors, consoleError{"javascript", ev.ExceptionDetails.Text, ev.ExceptionDetails.URL})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// take returns what was recorded since the last take.
func (tr *traffic) take() ([]string, []response, []consoleError) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	req, resp, errs := tr.requests, tr.responses, tr.errors
	tr.requests, tr.responses, tr.errors = nil, nil, nil
	return req, resp, errs
}

// traces are what a page's scripts may leave in the browser.
type traces struct {
	Cookie         string
	Local, Session int
}

// checkPrivacy loads each type of page and expects every request to go to
// the site itself, every part of the page to load, no error in the console
// (where a request that the Content-Security-Policy blocked shows), and no
// cookie or stored data afterwards: someone who checks a victim's browser
// or network must find as little as possible.
func checkPrivacy(t *testing.T, ctx context.Context, fx *fixture) {
	tab := browser.Tab(t, ctx)
	tr := watch(t, tab)
	site, _ := url.Parse(fx.url)
	for _, p := range fx.pages() {
		t.Run(testName(p), func(t *testing.T) {
			step := open(t, tab, fx, p, 30*time.Second)
			// The page's scripts have run once the load event has fired;
			// ask for what they may have left behind.
			left, err := chromedp.Run(step, chromedp.Evaluate[traces](`({cookie: document.cookie, local: localStorage.length, session: sessionStorage.length})`))
			if err != nil {
				t.Fatal(err)
			}
			if left != (traces{}) {
				t.Errorf("%s left traces: document.cookie %q, %d items in localStorage, %d in sessionStorage; want none", p, left.Cookie, left.Local, left.Session)
			}
			jar, err := chromedp.CallBrowser(step, storage.GetCookies, storage.GetCookiesParams{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range jar.Cookies {
				t.Errorf("%s: the browser holds the cookie %s from %s", p, c.Name, c.Domain)
			}
			requests, responses, errs := tr.take()
			if len(requests) == 0 {
				t.Fatalf("%s: saw no request at all, so the check would prove nothing", p)
			}
			for _, r := range requests {
				if u, err := url.Parse(r); err != nil || u.Scheme != site.Scheme || u.Host != site.Host {
					t.Errorf("%s requested %s, which is not on the site's own host %s", p, r, site.Host)
				}
			}
			checkResponses(t, p, responses)
			for _, e := range errs {
				if e.source == "network" && missing(p) && e.url == fx.url+p {
					continue // the 404 status of the page itself
				}
				t.Errorf("%s: the console shows a %s error: %s %s", p, e.source, e.text, e.url)
			}
		})
	}
}

// checkResponses expects each part of the page to load, no Set-Cookie
// header, and the page itself to have status 200, or 404 at a missing address.
func checkResponses(t *testing.T, p string, responses []response) {
	t.Helper()
	for _, r := range responses {
		want := int64(http.StatusOK)
		if r.document && missing(p) {
			want = http.StatusNotFound
		}
		if r.status != want {
			t.Errorf("%s: %s answered %d, want %d", p, r.url, r.status, want)
		}
		if r.setCookie {
			t.Errorf("%s: %s set a cookie", p, r.url)
		}
	}
}
