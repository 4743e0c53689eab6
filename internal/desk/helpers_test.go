package desk

import (
	"bytes"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"victimsite/internal/browser"
	"victimsite/internal/leaflet"
)

// repoRoot is the repository, which is also the site officers use.
const repoRoot = "../.."

var (
	siteOnce sync.Once
	siteSrc  leaflet.Source
	siteR    *leaflet.Renderer
	siteErr  error
)

// testSite loads the repository's site and its Renderer once for the
// whole test binary, as the desk command does once per process.
func testSite(t testing.TB) (leaflet.Source, *leaflet.Renderer) {
	t.Helper()
	siteOnce.Do(func() {
		src, probs := leaflet.Load(os.DirFS(repoRoot))
		if probs.Errors() > 0 {
			siteErr = probs.Err()
			return
		}
		siteSrc = src
		siteR, siteErr = leaflet.New(src)
	})
	if siteErr != nil {
		t.Fatalf("load the repository's site (run victimsite check): %v", siteErr)
	}
	return siteSrc, siteR
}

// today is the desk's clock in the tests.
var today = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newDesk makes a desk for the repository's site that logs to logw.
func newDesk(t testing.TB, logw io.Writer, now func() time.Time) *Desk {
	t.Helper()
	src, r := testSite(t)
	css, err := os.ReadFile(repoRoot + "/templates/assets/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if now == nil {
		now = func() time.Time { return today }
	}
	d, err := New(Options{Source: src, Renderer: r, SiteCSS: css, Log: logw, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sample is the example leaflet, as the form sends it.
func sample() map[string]string {
	return map[string]string{
		"lang": "pl", "crime": "burglary", "crime-ref": "LP-12345-26", "reported": "2026-11-20",
		"officer-name": "Jane Smith", "officer-rank": "PC", "collar": "1234",
		"officer-phone": "01522 000000", "officer-email": "jane.smith@lincs.police.uk", "station": "Boston",
		"promise-method": "phone", "promise-every": "7", "promise-next": "",
		"victim-name": "Anna Kowalska", "bilingual": "yes",
	}
}

// officer is a browser at the desk: a cookie jar and the token of the
// form it last saw.
type officer struct {
	t      testing.TB
	url    string
	client *http.Client
	token  string
}

// startDesk serves d on 127.0.0.1 for the test.
func startDesk(t testing.TB, d http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return srv
}

// newOfficer opens the form once, as a browser would, to get the session
// cookie and the form's token.
func newOfficer(t testing.TB, base string) *officer {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	o := &officer{t: t, url: base, client: &http.Client{Jar: jar, Timeout: time.Minute}}
	resp, body := o.get("/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d, want 200", resp.StatusCode)
	}
	o.token = tokenIn(t, body)
	return o
}

var tokenField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func tokenIn(t testing.TB, page string) string {
	t.Helper()
	m := tokenField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page has no csrf field:\n%s", page)
	}
	return m[1]
}

func (o *officer) get(path string) (*http.Response, string) {
	o.t.Helper()
	resp, err := o.client.Get(o.url + path)
	if err != nil {
		o.t.Fatal(err)
	}
	return resp, readAll(o.t, resp)
}

// post sends the form with the officer's token, as the browser marks a
// form sent from the page itself.
func (o *officer) post(values map[string]string, action string) (*http.Response, string) {
	o.t.Helper()
	body := Form{Values: values, Token: o.token, Action: action}.Encode()
	return o.send(body, func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "same-origin") })
}

func (o *officer) send(body string, edit func(*http.Request)) (*http.Response, string) {
	o.t.Helper()
	req, err := http.NewRequest(http.MethodPost, o.url+"/leaflet", strings.NewReader(body))
	if err != nil {
		o.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if edit != nil {
		edit(req)
	}
	resp, err := o.client.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	return resp, readAll(o.t, resp)
}

func readAll(t testing.TB, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pdfText returns the text of a PDF as pdftotext reads it.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	cmd := exec.Command(browser.Tool(t, "pdftotext", "apt-get install -y poppler-utils"), "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// syncBuffer is a log that handlers write to from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// formValue returns the value attribute of the input with the given id in
// an HTML page, and whether there is one.
func formValue(page, id string) (string, bool) {
	re := regexp.MustCompile(`<input[^>]* id="` + regexp.QuoteMeta(id) + `"[^>]* value="([^"]*)"`)
	m := re.FindStringSubmatch(page)
	if m == nil {
		return "", false
	}
	v := html.UnescapeString(m[1])
	return v, true
}
