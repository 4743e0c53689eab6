package serve

import (
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// wait is how long a test waits for anything before it fails.
const wait = 15 * time.Second

// goldenSite writes the small site of package site's golden tests, with
// the repository's layouts and strings, into a new folder.
func goldenSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "../site/testdata/golden", dir, nil)
	copyDir(t, "../../templates", filepath.Join(dir, "templates"), nil)
	langs := []string{"en", "pl", "lt", "ar"}
	copyDir(t, "../../locales", filepath.Join(dir, "locales"), func(name string) bool {
		for _, l := range langs {
			if strings.HasSuffix(name, l+".toml") {
				return true
			}
		}
		return false
	})
	return dir
}

// shippedSite copies the repository's own site into a new folder.
func shippedSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "locales", "templates"} {
		copyDir(t, filepath.Join("../..", d), filepath.Join(dir, d), nil)
	}
	data, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "site.toml", string(data))
	return dir
}

func copyDir(t testing.TB, from, to string, keep func(name string) bool) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (keep != nil && !keep(d.Name())) {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, dir, name, text string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// running is a running Serve on a free loopback port.
type running struct {
	url    string
	builds chan Build
	last   atomic.Pointer[Build]
	client *http.Client
	stop   func() error
}

// startPreview serves the site in dir until the test ends, and waits for
// the first build.
func startPreview(t testing.TB, dir string, more ...func(*Options)) *running {
	t.Helper()
	p, err := startPreviewErr(t, dir, more...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.stop(); err != nil {
			t.Errorf("Serve returned %v", err)
		}
	})
	// The first build of a large site takes a while.
	var first Build
	select {
	case first = <-p.builds:
	case <-time.After(10 * wait):
		t.Fatal("no first build within", 10*wait)
	}
	if first.Failed() {
		t.Fatalf("the first build failed: %v %v", first.Problems, first.Err)
	}
	return p
}

func startPreviewErr(t testing.TB, dir string, more ...func(*Options)) (*running, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &running{url: "http://" + ln.Addr().String(), builds: make(chan Build, 1000),
		client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: wait}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	opts := Options{Dir: dir, OnBuild: func(b Build) {
		p.last.Store(&b)
		select {
		case p.builds <- b:
		default:
		}
	}}
	for _, f := range more {
		f(&opts)
	}
	go func() { done <- Serve(ctx, ln, opts) }()
	stopped := false
	p.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(wait):
			return context.DeadlineExceeded
		}
	}
	return p, nil
}

// nextBuild waits for the next build.
func (p *running) nextBuild(t testing.TB) Build {
	t.Helper()
	select {
	case b := <-p.builds:
		return b
	case <-time.After(wait):
		t.Fatal("no build within", wait)
		return Build{}
	}
}

// get fetches a path from the preview.
func (p *running) get(t testing.TB, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := p.client.Get(p.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

// waitFor waits, build by build, until path is served with status and a
// body holding every one of want, and returns the body.
func (p *running) waitFor(t testing.TB, path string, status int, want ...string) string {
	t.Helper()
	deadline := time.After(wait)
	var got int
	var body string
	for {
		got, body, _ = p.get(t, path)
		if got == status && containsAll(body, want) {
			return body
		}
		select {
		case <-p.builds:
		case <-deadline:
			t.Fatalf("%s: got status %d and a body without %q, want %d with it:\n%.2000s", path, got, want, status, body)
		}
	}
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// checkNoLeaks fails the test if more goroutines run at its end than at
// its start, after giving the ones that are ending a moment to go.
func checkNoLeaks(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(wait)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				t.Errorf("got %d goroutines at the end, want at most the %d at the start:\n%s", runtime.NumGoroutine(), before, buf[:n])
				return
			}
			runtime.Gosched()
			time.Sleep(time.Millisecond) // a deadline loop, not a wait for an event
		}
	})
}

// stylesheetLink finds the stylesheet a page links, whose name holds a
// hash of its content.
var stylesheetLink = regexp.MustCompile(`<link rel="stylesheet" href="[./]*(assets/site\.[0-9a-f]+\.css)">`)

// stylesheet returns the address of the site's stylesheet, from the
// English home page.
func (p *running) stylesheet(t testing.TB) string {
	t.Helper()
	body := p.waitFor(t, "/en/", 200)
	m := stylesheetLink.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("/en/ links no stylesheet:\n%s", body)
	}
	return "/" + m[1]
}
