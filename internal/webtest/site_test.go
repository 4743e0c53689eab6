package webtest

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"victimsite/internal/browser"
	"victimsite/internal/content"
	"victimsite/internal/site"
)

// repoRoot is the repository, which is also the site that is published.
const repoRoot = "../.."

// npmInstall is what makes the npm tools appear in node_modules.
const npmInstall = "npm ci (in the repository root; needs Node.js)"

// missingPath is a page that does not exist, deep enough to show whether
// the 404 page's links work from anywhere; missingPaths are more, in other
// languages and outside any language.
const missingPath = "/en/crime/no-such-page/"

var missingPaths = []string{missingPath, "/ar/no-such-page/", "/lt/crime/no-such-page/", "/no-such-page"}

// missing reports whether p is one of the missingPaths.
func missing(p string) bool { return slices.Contains(missingPaths, p) }

// fixture is the repository's site, rendered and served from 127.0.0.1,
// with the Exit destination on a second local server.
type fixture struct {
	site  *site.Site
	files site.Files
	url   string // the site's server, such as http://127.0.0.1:41234
	exit  *exitServer
}

// build loads and renders the site in the repository and serves it. A site
// with errors fails the test: there would be nothing true to check.
func build(t *testing.T) *fixture {
	t.Helper()
	s, probs := site.Load(os.DirFS(repoRoot))
	if s == nil || probs.Errors() > 0 {
		t.Fatalf("the site in the repository has problems (run victimsite check):\n%v", probs)
	}
	exit := startExit(t, s.Config.ExitURL)
	s.Config.ExitURL = exit.url
	// The command links a leaflet from every page's footer. Its PDF is
	// tested in package leaflet; here it only has to exist, so that the
	// pages are the ones published.
	s.Leaflet = func(string) ([]byte, error) { return []byte("%PDF-1.7\n"), nil }
	files, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serveFiles(files, s.HeaderRules(files)))
	t.Cleanup(srv.Close)
	return &fixture{site: s, files: files, url: srv.URL, exit: exit}
}

// serveFiles serves published files as deploy/ has a host do it: a folder
// gets its index.html, anything else unknown the 404 page of its
// language's folder (or the root's) with status 404, and every answer the
// headers of public/_headers, so the browser enforces them. Nothing is
// cached, though, so every page load shows all its requests.
func serveFiles(files site.Files, rules site.HeaderRules) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		for k, v := range rules.For(r.URL.Path) {
			w.Header()[k] = v
		}
		w.Header().Set("Cache-Control", "no-store")
		data, ok := files[name]
		switch {
		case ok:
			if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
				w.Header().Set("Content-Type", ct)
			}
		case files[name+"/index.html"] != nil:
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data = files["404.html"]
			if lang, _, ok := strings.Cut(name, "/"); ok && files[lang+"/404.html"] != nil {
				data = files[lang+"/404.html"]
			}
		}
		w.Write(data)
	})
}

// exitServer stands in for the neutral page that "Exit this page" opens.
type exitServer struct {
	url    string     // the Exit destination as the site is built with it
	origin string     // the server part of url: http://127.0.0.1:port
	visits chan visit // one for each request, in order
}

// visit is a request that reached the Exit destination.
type visit struct {
	path    string
	referer string // must be empty: the neutral site must not learn where the victim was
}

// startExit serves the Exit destination on 127.0.0.1, with the path and
// query of the configured one, so nothing leaves the machine.
func startExit(t *testing.T, configured string) *exitServer {
	t.Helper()
	u, err := url.Parse(configured)
	if err != nil {
		t.Fatalf("exit_url %q: %v", configured, err)
	}
	e := &exitServer{visits: make(chan visit, 64)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r) // the browser asks for it by itself, at any time
			return
		}
		select {
		case e.visits <- visit{r.URL.RequestURI(), r.Referer()}:
		default:
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1>"))
	}))
	t.Cleanup(srv.Close)
	dest, _ := url.Parse(srv.URL)
	dest.Path, dest.RawQuery = u.Path, u.RawQuery
	e.url, e.origin = dest.String(), srv.URL
	return e
}

// pages lists the URL paths to audit: every page in the source language
// and in each right-to-left language, one page of each kind in each state
// (translated, draft, outdated, English fallback) in every other language,
// the language chooser and the 404 page.
func (fx *fixture) pages() []string {
	set := fx.site.Content
	var out []string
	for _, l := range fx.site.Config.Languages {
		every := l.Code == set.Source() || l.RTL()
		seen := map[[2]int]bool{}
		for _, id := range set.IDs() {
			typ := [2]int{int(set.Get(id, set.Source()).Kind), int(set.State(id, l.Code))}
			if seen[typ] && !every {
				continue
			}
			seen[typ] = true
			out = append(out, "/"+l.Code+"/"+content.Dir(id))
		}
	}
	return append(append(out, "/"), missingPaths...)
}

// htmlPages lists every published HTML file, by the URL path it is served at.
func (fx *fixture) htmlPages() []string {
	var out []string
	for name := range fx.files {
		if strings.HasSuffix(name, "404.html") || !strings.HasSuffix(name, ".html") {
			continue
		}
		out = append(out, "/"+strings.TrimSuffix(name, "index.html"))
	}
	slices.Sort(out)
	return append(out, missingPaths...)
}

// testName turns a URL path into a subtest name.
func testName(p string) string {
	if p == "/" {
		return "root"
	}
	return strings.Trim(p, "/")
}

// npmFile returns a file that npm ci installs, or skips the test (fails it
// under CI=true) when it is not there.
func npmFile(t *testing.T, rel, what string) string {
	t.Helper()
	p := filepath.Join(repoRoot, "node_modules", filepath.FromSlash(rel))
	_, err := os.Stat(p)
	browser.Need(t, err == nil, what+" ("+filepath.Clean(p)+")", npmInstall)
	return p
}
