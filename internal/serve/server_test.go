package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"victimsite/internal/problem"
	"victimsite/internal/site"
)

// TestServing checks what the preview sends besides pages.
func TestServing(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	p := startPreview(t, dir)
	css := p.stylesheet(t)
	tests := []struct {
		path, ctype string
		status      int
		want, not   []string
	}{
		{"/en/crime/burglary/", "text/html; charset=utf-8", 200,
			[]string{`<script src="/__victimsite/reload.js" data-build="`, "</script>\n</body>"}, nil},
		{"/", "text/html; charset=utf-8", 200, []string{"/__victimsite/reload.js"}, nil},
		{css, "text/css; charset=utf-8", 200, nil, []string{"__victimsite"}},
		{"/sitemap.xml", "", 200, []string{"<urlset"}, []string{"__victimsite"}},
		{"/no/such/page/", "text/html; charset=utf-8", 404, []string{"/__victimsite/reload.js", "<h1>", `<html lang="en"`}, nil},
		{"/pl/no/such/page/", "text/html; charset=utf-8", 404, []string{"/__victimsite/reload.js", `<html lang="pl"`}, nil},
		{"/__victimsite/reload.js", "text/javascript; charset=utf-8", 200, []string{"EventSource", "/__victimsite/events"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body, h := p.get(t, tt.path)
			if status != tt.status {
				t.Errorf("got status %d, want %d", status, tt.status)
			}
			if tt.ctype != "" && h.Get("Content-Type") != tt.ctype {
				t.Errorf("got Content-Type %q, want %q", h.Get("Content-Type"), tt.ctype)
			}
			if got := h.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("got Cache-Control %q, want no-cache", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("the body lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("the body holds %q", w)
				}
			}
		})
	}
	t.Run("a folder without its slash", func(t *testing.T) {
		p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		defer func() { p.client.CheckRedirect = nil }()
		status, _, h := p.get(t, "/en?x=1")
		if status != http.StatusFound || h.Get("Location") != "/en/?x=1" {
			t.Errorf("got %d to %q, want 302 to /en/?x=1", status, h.Get("Location"))
		}
	})
	t.Run("POST", func(t *testing.T) {
		resp, err := p.client.Post(p.url+"/en/", "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("got %d, want 405", resp.StatusCode)
		}
	})
	t.Run("public/ is not written", func(t *testing.T) {
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Errorf("got %v for public/, want it not to exist", err)
		}
	})
}

// TestEventStream reads the server-sent events as the reload script does.
func TestEventStream(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	p := startPreview(t, dir)
	_, page, _ := p.get(t, "/en/crime/burglary/")
	build := between(page, `data-build="`, `"`)
	if build == "" {
		t.Fatal("the page names no build")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	messages := stream(t, ctx, p, "/__victimsite/events?since="+build)
	writeFile(t, dir, burglary, retitle(t, dir, burglary, "Streamed"))
	select {
	case id := <-messages:
		if id == build {
			t.Errorf("got a reload to the build %s the page came from", id)
		}
		_, page, _ := p.get(t, "/en/crime/burglary/")
		if !strings.Contains(page, "<h1>Streamed</h1>") || !strings.Contains(page, `data-build="`+id+`"`) {
			t.Errorf("after the reload message, the page is not the new build %s", id)
		}
	case <-time.After(wait):
		t.Fatal("no reload message")
	}

	// A page from an earlier build is told at once.
	late := stream(t, ctx, p, "/__victimsite/events?since="+build)
	select {
	case <-late:
	case <-time.After(wait):
		t.Fatal("a page from an earlier build got no reload message")
	}
}

// stream connects to the event stream and sends the data of each message.
func stream(t *testing.T, ctx context.Context, p *running, path string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.url+path, nil)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("got Content-Type %q, want text/event-stream", ct)
	}
	out := make(chan string, 10)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				out <- data
			}
		}
	}()
	return out
}

func between(s, start, end string) string {
	_, rest, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, end)
	return v
}

// TestLeafletsOnRequest checks that the leaflets are made when a reader
// asks for one, once a build, and never by the build itself.
func TestLeafletsOnRequest(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var made atomic.Int32
	built := make(chan Build, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ln, Options{Dir: dir, OnBuild: func(b Build) { built <- b },
			Configure: func(st *site.Site) {
				st.Leaflet = func(lang string) ([]byte, error) {
					made.Add(1)
					return []byte("%PDF-1.7 leaflet in " + lang), nil
				}
			}})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	if b := <-built; b.Failed() {
		t.Fatal(b.Problems, b.Err)
	}
	if n := made.Load(); n != 0 {
		t.Errorf("the build made %d leaflets, want none", n)
	}
	url := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(path string) (string, string) {
		t.Helper()
		resp, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.Header.Get("Content-Type"), string(body)
	}
	if _, page := get("/pl/crime/burglary/"); !strings.Contains(page, `href="../../../pl/leaflet.pdf"`) {
		t.Error("the page does not link to its leaflet")
	}
	for range 2 {
		ctype, pdf := get("/pl/leaflet.pdf")
		if ctype != "application/pdf" || pdf != "%PDF-1.7 leaflet in pl" {
			t.Errorf("got %q %q, want the Polish leaflet", ctype, pdf)
		}
	}
	if n := made.Load(); n != 1 {
		t.Errorf("made %d leaflets for two requests, want 1", n)
	}
}

// TestListsMadeWhenCalm checks that the pages left to make when first
// asked for are made anyway once the preview is calm.
func TestListsMadeWhenCalm(t *testing.T) {
	checkNoLeaks(t)
	made := make(chan string, 3)
	lazy := lazyFiles{}
	for _, path := range []string{"en/index.html", "pl/index.html", "en/leaflet.pdf"} {
		lazy[path] = &lazyFile{list: strings.HasSuffix(path, ".html"), make: func() ([]byte, error) {
			made <- path
			return []byte(path), nil
		}}
	}
	p := &preview{srv: newServer(), calm: time.NewTimer(time.Hour), opts: Options{Log: io.Discard}}
	defer p.calm.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.loop(ctx, nil, nil) }()
	start := time.Now()
	p.publish(Build{}, &snapshot{files: site.Files{}, lazy: lazy})
	for _, want := range []string{"en/index.html", "pl/index.html"} {
		select {
		case got := <-made:
			if got != want {
				t.Errorf("made %s, want %s next", got, want)
			}
			if since := time.Since(start); since < calmAfter {
				t.Errorf("made %s %v after the build, before it was calm", got, since)
			}
		case <-time.After(wait):
			t.Fatalf("%s was not made", want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-made:
		t.Errorf("made %s, which waits to be asked for", got)
	default:
	}
}

func TestBuildLine(t *testing.T) {
	edit := Change{Paths: []string{"content/crime/burglary.en.md"}}
	for _, tt := range []struct {
		b    Build
		want string
	}{
		{Build{Pages: 290, Full: true, Took: 1234 * time.Millisecond}, "built the site: rendered 290 pages in 1.234s"},
		{Build{Change: edit, Pages: 9, Lists: 18, Took: 8 * time.Millisecond},
			"content/crime/burglary.en.md changed: rendered 9 pages in 8ms; 18 pages that list them follow"},
		{Build{Change: Change{Paths: []string{"templates/base.html", "templates/page.html"}}, Pages: 290, Full: true, Took: 40 * time.Millisecond},
			"templates/base.html and 1 more changed: rendered 290 pages in 40ms"},
		{Build{Change: edit, Problems: problem.List{{File: "site.toml", Line: 3, Message: "a warning", Warning: true},
			{File: "content/crime/burglary.en.md", Line: 2, Message: "yaml: bad"}, {File: "content/x.en.md", Message: "bad too"}}},
			"content/crime/burglary.en.md changed: 2 problems, shown in the browser; the first: site/content/crime/burglary.en.md:2: yaml: bad"},
		{Build{Change: Change{Lost: true}, Err: errors.New("render en/index.html: boom")},
			"something (events were lost) changed: the build failed after 0s: render en/index.html: boom (shown in the browser)"},
	} {
		got := tt.b.line("site")
		if _, rest, _ := strings.Cut(got, " "); rest != tt.want {
			t.Errorf("got line %q, want %q after the time", got, tt.want)
		}
	}
}

// TestMoreChecks checks that the problems Options.Check finds stop the
// preview as the site's own do.
func TestMoreChecks(t *testing.T) {
	checkNoLeaks(t)
	dir := goldenSite(t)
	p := startPreview(t, dir, func(o *Options) {
		o.Check = func(st *site.Site) problem.List {
			var probs problem.List
			if p := st.Content.Get("crime/burglary", "en"); p != nil && strings.Contains(p.Title, "Forbidden") {
				probs.Add(p.File, p.KeyLine("title"), "a leaflet cannot say %q", p.Title)
			}
			return probs
		}
	})
	writeFile(t, dir, burglary, retitle(t, dir, burglary, "Forbidden"))
	p.waitFor(t, "/en/crime/burglary/", 500, filepath.Join(dir, burglary)+`:2: a leaflet cannot say &#34;Forbidden&#34;`)
	writeFile(t, dir, burglary, retitle(t, dir, burglary, "Allowed"))
	p.waitFor(t, "/en/crime/burglary/", 200, "<h1>Allowed</h1>")
}
