package webtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"victimsite/internal/browser"
	"victimsite/internal/site"
)

// deployDir holds the server configurations the repository ships.
const deployDir = repoRoot + "/deploy"

// nginxServer is Debian's nginx serving a built public/ folder through
// deploy/nginx.conf, on a loopback port.
type nginxServer struct {
	url       string
	accessLog string
	errorLog  string
}

// TestNginx serves the built site through deploy/nginx.conf with Debian's
// nginx and checks what a host must do: the headers of public/_headers on
// every answer, each language's "page not found" with status 404, gzip,
// and access log lines that say nothing of which page was read, or by whom.
func TestNginx(t *testing.T) {
	t.Parallel()
	nginx := browser.Tool(t, "nginx", "apt-get install -y nginx")
	fx := build(t)
	public := filepath.Join(t.TempDir(), "public")
	if err := site.Write(public, fx.files); err != nil {
		t.Fatal(err)
	}
	// A build leaves its records beside the site; no host may serve them.
	records := []string{".victimsite-output", ".victimsite-cache"}
	for _, name := range records {
		if err := os.WriteFile(filepath.Join(public, name), []byte("the build's record\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := startNginx(t, nginx, public)
	rules := fx.site.HeaderRules(fx.files)
	css := assetPath(t, fx.files, "site", ".css")
	private := []string{"/en/crime/domestic-abuse/", "/pl/no-such-page/"} // must not reach the log

	t.Run("headers", func(t *testing.T) {
		for _, p := range []string{"/", "/en/", "/ar/crime/burglary/", private[0], "/" + css, "/favicon.ico", "/sitemap.xml", "/pl/leaflet.pdf", "/en/404.html"} {
			resp, _ := get(t, srv.url+p, nil)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d, want 200", p, resp.StatusCode)
			}
			checkHeaders(t, p, resp.Header, rules)
		}
	})
	t.Run("not found", func(t *testing.T) {
		for _, tt := range []struct{ path, page string }{
			{private[1], "pl/404.html"},
			{"/ar/crime/no-such-page/", "ar/404.html"},
			{"/no-such-page", "404.html"},
			{"/xx/not-a-language/", "404.html"},
			{"/_headers", "404.html"},
			{"/" + records[0], "404.html"},
			{"/" + records[1], "404.html"},
		} {
			resp, body := get(t, srv.url+tt.path, nil)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", tt.path, resp.StatusCode)
			}
			if !bytes.Equal(body, fx.files[tt.page]) {
				t.Errorf("%s: got %.60q, want %s", tt.path, body, tt.page)
			}
			checkHeaders(t, tt.path, resp.Header, rules)
		}
	})
	t.Run("a folder without its slash", func(t *testing.T) {
		resp, _ := get(t, srv.url+"/en/crime", nil)
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || loc != "/en/crime/" {
			t.Errorf("got %d to %q, want 301 to /en/crime/", resp.StatusCode, loc)
		}
	})
	t.Run("gzip", func(t *testing.T) {
		for _, p := range []string{"/en/", "/" + css, "/" + assetPath(t, fx.files, "exit", ".js")} {
			resp, body := get(t, srv.url+p, http.Header{"Accept-Encoding": {"gzip"}})
			if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: Content-Encoding %q, Vary %q; want gzip, Accept-Encoding", p, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
				continue
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := io.ReadAll(zr)
			name := strings.TrimPrefix(p, "/")
			if p == "/en/" {
				name = "en/index.html"
			}
			if err != nil || !bytes.Equal(plain, fx.files[name]) {
				t.Errorf("%s: the compressed body is not the file (%v)", p, err)
			}
		}
	})
	t.Run("the log does not say what was read", func(t *testing.T) {
		srv.checkLogs(t, private)
	})
}

// startNginx runs nginx with deploy/nginx.conf on a free loopback port,
// serving public, until the test ends.
func startNginx(t *testing.T, nginx, public string) *nginxServer {
	t.Helper()
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := &nginxServer{url: "http://" + addr, accessLog: filepath.Join(dir, "access.log"), errorLog: filepath.Join(dir, "site-error.log")}
	server := deployedNginx(t, fmt.Sprintf("listen %s;\n\troot %s;\n\taccess_log %s victimsite;\n\terror_log %s;", addr, public, srv.accessLog, srv.errorLog))
	mime := "/etc/nginx/mime.types"
	if _, err := os.Stat(mime); err != nil {
		browser.Need(t, false, mime, "apt-get install -y nginx")
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;\n" // the files are in the test's private folder
	}
	main := fmt.Sprintf(`daemon off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
%[2]sevents { worker_connections 64; }
http {
	include %[3]s;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	include %[1]s/victimsite.conf;
}
`, dir, user, mime)
	for name, data := range map[string]string{"nginx.conf": main, "victimsite.conf": server} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-e", filepath.Join(dir, "error.log")}
	if out, err := exec.Command(nginx, append(args, "-t")...).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t rejects deploy/nginx.conf: %v\n%s", err, out)
	}
	cmd := exec.Command(nginx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT) // finish the requests, then stop
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	waitListening(t, addr, exited, &stderr)
	return srv
}

// deployedNginx returns deploy/nginx.conf with its host part (between
// "host: begin" and "host: end") replaced by host, and without the
// redirect from port 80. Every other line is served as shipped.
func deployedNginx(t *testing.T, host string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(deployDir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(data)
	for _, part := range []struct {
		re, with string
	}{
		{`(?s)# redirect: begin\n.*?# redirect: end\n`, ""},
		{`(?s)# host: begin\n.*?# host: end`, host},
	} {
		re := regexp.MustCompile(part.re)
		if !re.MatchString(conf) {
			t.Fatalf("deploy/nginx.conf has no part matching %s; keep its markers", part.re)
		}
		conf = re.ReplaceAllLiteralString(conf, part.with)
	}
	return conf
}

// waitListening waits until something accepts connections at addr, or
// nginx exits, or ten seconds pass.
func waitListening(t *testing.T, addr string, exited <-chan error, stderr *bytes.Buffer) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		select {
		case err := <-exited:
			t.Fatalf("nginx stopped: %v\n%s", err, stderr)
		case <-deadline:
			t.Fatalf("nginx is not listening on %s after 10 seconds\n%s", addr, stderr)
		case <-tick.C:
		}
	}
}

// get fetches a URL without following redirects or undoing gzip.
func get(t *testing.T, url string, h http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	client := &http.Client{
		Timeout:       10 * time.Second,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// checkHeaders expects the headers public/_headers gives the path.
func checkHeaders(t *testing.T, p string, got http.Header, rules site.HeaderRules) {
	t.Helper()
	want := rules.For(p)
	if len(want) == 0 {
		t.Fatalf("public/_headers has no rule for %s", p)
	}
	for name := range want {
		if got.Get(name) != want.Get(name) {
			t.Errorf("%s: %s %q, want %q as in public/_headers", p, name, got.Get(name), want.Get(name))
		}
	}
}

// assetPath returns the published path of an asset, whose name holds a hash.
func assetPath(t *testing.T, files site.Files, name, ext string) string {
	t.Helper()
	for p := range files {
		if strings.HasPrefix(p, "assets/"+name+".") && strings.HasSuffix(p, ext) {
			return p
		}
	}
	t.Fatalf("no assets/%s.*%s in the site", name, ext)
	return ""
}

// logLine is all an access log line may say: when, the method, the status,
// the size and the time taken.
var logLine = regexp.MustCompile(`^\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] (GET|HEAD) \d{3} \d+ \d+\.\d{3}$`)

// checkLogs expects a line in the access log for each request, none
// naming a page or the reader's address, and the error log not to name
// the pages that were not found.
func (srv *nginxServer) checkLogs(t *testing.T, private []string) {
	t.Helper()
	// nginx writes a request's line as the request ends, and the requests
	// above have all ended; poll briefly all the same.
	var lines []string
	poll(5*time.Second, func() bool {
		data, _ := os.ReadFile(srv.accessLog)
		lines = strings.Split(strings.TrimSpace(string(data)), "\n")
		return len(lines) >= 10
	})
	if len(lines) < 10 {
		t.Fatalf("the access log has %d lines, want one for each of the requests:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if !logLine.MatchString(l) {
			t.Errorf("access log line %q says more than when, method, status, size and time", l)
		}
		for _, p := range append(private, "127.0.0.1", "crime") {
			if strings.Contains(l, p) {
				t.Errorf("access log line %q records %s", l, p)
			}
		}
	}
	errs, _ := os.ReadFile(srv.errorLog)
	for _, p := range private {
		if bytes.Contains(errs, []byte(strings.Trim(p, "/"))) {
			t.Errorf("the error log names %s:\n%s", p, errs)
		}
	}
}

// poll calls done every 20 ms until it reports true or d has passed.
func poll(d time.Duration, done func() bool) bool {
	deadline := time.After(d)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !done() {
		select {
		case <-deadline:
			return done()
		case <-tick.C:
		}
	}
	return true
}

// caddyHeader is a header line in the Caddyfile: Name "value".
var caddyHeader = regexp.MustCompile(`(?m)^\t\t([A-Za-z-]+) "([^"]*)"$`)

// TestCaddyfile reads deploy/Caddyfile, which no test can run without
// Caddy, and checks that it sends the headers of public/_headers, with
// the assets' own caching, and keeps what the nginx test proves: gzip,
// "page not found" pages and a log without addresses.
func TestCaddyfile(t *testing.T) {
	fx := build(t)
	rules := fx.site.HeaderRules(fx.files)
	data, err := os.ReadFile(filepath.Join(deployDir, "Caddyfile"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(data)
	start := strings.Index(conf, "\theader {\n")
	end := strings.Index(conf[max(start, 0):], "\n\t}\n")
	if start < 0 || end < 0 {
		t.Fatal("deploy/Caddyfile has no header { ... } block")
	}
	got := http.Header{}
	for _, m := range caddyHeader.FindAllStringSubmatch(conf[start:start+end], -1) {
		got.Set(m[1], m[2])
	}
	checkHeaders(t, "/en/", got, rules)
	asset := regexp.MustCompile(`(?m)^\theader @assets Cache-Control "([^"]*)"$`).FindStringSubmatch(conf)
	if want := rules.For("/assets/site.css").Get("Cache-Control"); asset == nil || asset[1] != want {
		t.Errorf("deploy/Caddyfile gives assets Cache-Control %v, want %q", asset, want)
	}
	for _, want := range []string{"encode gzip", "handle_errors {", "try_files /{re.inlang.1}/404.html /404.html",
		"@assets path /assets/*", "@rules path /_headers /.victimsite-*", "request>uri delete", "request>remote_ip delete", "request>client_ip delete", "request>headers delete"} {
		if !strings.Contains(conf, want) {
			t.Errorf("deploy/Caddyfile lacks %q", want)
		}
	}
}
