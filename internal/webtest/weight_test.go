package webtest

import (
	"bytes"
	"compress/gzip"
	"path"
	"regexp"
	"strings"
	"testing"
)

// A victim may be on a slow, capped phone plan. maxWeight is the most a
// page may cost to download, HTML, CSS and JavaScript together, each
// compressed with gzip as deploy/ and every CDN serves them; maxHTML is
// the most its HTML may hold uncompressed, which a phone must parse.
// (Until the glossary came, the budget was 40 kB for all three
// uncompressed; the Russian glossary is 31 kB of HTML alone.)
const (
	maxWeight = 14_000
	maxHTML   = 40_000
)

// gzipped returns the size of b compressed as a web server would.
func gzipped(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// linked finds the stylesheets and scripts a page loads.
var linked = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"`)

// TestWeight adds up each page's HTML and the CSS and JavaScript it links.
func TestWeight(t *testing.T) {
	fx := build(t)
	heaviest, heaviestPage := 0, ""
	for name, data := range fx.files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if len(data) > maxHTML {
			t.Errorf("%s holds %d bytes of HTML, want at most %d", name, len(data), maxHTML)
		}
		total, parts := gzipped(t, data), []string{name}
		for _, m := range linked.FindAllSubmatch(data, -1) {
			ref := string(m[1]) + string(m[2])
			asset := resolve(name, ref)
			b, ok := fx.files[asset]
			if !ok {
				t.Errorf("%s links %s, which is not in the site", name, ref)
				continue
			}
			total += gzipped(t, b)
			parts = append(parts, asset)
		}
		if len(parts) < 3 {
			t.Errorf("%s links %v; want its stylesheet and script counted too", name, parts[1:])
		}
		if total > maxWeight {
			t.Errorf("%s costs %d bytes to download with %v, want at most %d", name, total, parts[1:], maxWeight)
		}
		if total > heaviest {
			heaviest, heaviestPage = total, name
		}
	}
	t.Logf("the heaviest page is %s: %d bytes to download, of at most %d", heaviestPage, heaviest, maxWeight)
}

// resolve turns a link in the page at name into the published path it
// points to. The 404 page links from the site root, other pages relatively.
func resolve(name, ref string) string {
	if strings.HasPrefix(ref, "/") {
		return strings.TrimPrefix(path.Clean(ref), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir(name), ref), "/")
}

// exitControl is the Exit control's markup: the localised announcements,
// the live region that speaks them, and the plain link that works without
// JavaScript.
var exitControl = regexp.MustCompile(`<div class="exit-this-page" data-exit data-press-two="([^"]+)" data-press-one="([^"]+)" data-activated="([^"]+)" data-expired="([^"]+)">\s*<a class="exit-button" href="([^"]+)" rel="nofollow noreferrer"[^>]*>.*</a>\s*<div class="visually-hidden" aria-live="polite" data-exit-status></div>`)

// TestExitControlOnEveryPage expects every page to carry the Exit control
// with its announcements in the page's language.
func TestExitControlOnEveryPage(t *testing.T) {
	fx := build(t)
	source := map[string]bool{} // announcements in the source language
	for name, data := range fx.files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := exitControl.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s has no Exit control with its four announcements and a live region", name)
			continue
		}
		if got := strings.ReplaceAll(string(m[5]), "&amp;", "&"); got != fx.exit.url {
			t.Errorf("%s: the Exit control goes to %s, want %s", name, got, fx.exit.url)
		}
		if strings.HasPrefix(name, fx.site.Content.Source()+"/") {
			source[string(m[1])] = true
		}
	}
	for _, l := range fx.site.Config.Languages {
		if l.Code == fx.site.Content.Source() {
			continue
		}
		m := exitControl.FindSubmatch(fx.files[l.Code+"/index.html"])
		if m != nil && source[string(m[1])] {
			t.Errorf("%s/index.html announces %q, the same as in %s: not translated", l.Code, m[1], fx.site.Content.Source())
		}
	}
}
