package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// assetHash finds the hash in the name of an asset.
var assetHash = regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js|ico)\b`)

// goldenSite is the small site in testdata/golden with the repository's
// own layouts and strings, so that a change to a template shows up here,
// and a step-by-step section, testdata/journey (which the other packages
// that test with testdata/golden do without).
func goldenSite(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	copyTree(t, fsys, "testdata/golden", "")
	copyTree(t, fsys, "testdata/journey", "content/journey")
	copyTree(t, fsys, "../../templates", "templates")
	copyTree(t, fsys, "../../locales", "locales")
	return fsys
}

func copyTree(t testing.TB, dst fstest.MapFS, dir, prefix string) {
	t.Helper()
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return err
		}
		dst[strings.TrimPrefix(prefix+"/"+p, "/")] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func renderGolden(t testing.TB) Files {
	t.Helper()
	return renderSite(t, goldenSite(t))
}

// renderSite loads fsys and renders it; a problem in the site or in the
// rendering fails the test.
func renderSite(t testing.TB, fsys fs.FS) Files {
	t.Helper()
	s, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatalf("the site has problems:\n%v", probs)
	}
	files, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares pages with testdata/*.golden. Run
// go test ./internal/site -update to accept a deliberate change.
func TestGolden(t *testing.T) {
	files := renderGolden(t)
	for _, tt := range []struct{ path, golden string }{
		{"en/crime/burglary/index.html", "en-burglary.html"}, // the English source
		{"pl/crime/burglary/index.html", "pl-burglary.html"}, // a current translation
		{"lt/crime/burglary/index.html", "lt-burglary.html"}, // not translated: English fallback
		{"ar/crime/burglary/index.html", "ar-burglary.html"}, // right to left, draft
		{"pl/crime/violence/index.html", "pl-violence.html"}, // outdated, enhanced rights
		{"pl/index.html", "pl-home.html"},                    // the home page
		{"index.html", "root.html"},                          // the language chooser
		{"en/journey/index.html", "en-journey.html"},         // a step-by-step
		{"ar/journey/court/index.html", "ar-court.html"},     // its last step, right to left
		{"lt/404.html", "lt-404.html"},                       // not found, in Lithuanian
		{"sitemap.xml", "sitemap.xml"},
		{"_headers", "headers"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			got, ok := files[tt.path]
			if !ok {
				t.Fatalf("no %s in the output", tt.path)
			}
			// An asset's name changes with every edit of the stylesheet
			// or script; TestAssetNames checks the names.
			got = assetHash.ReplaceAll(got, []byte(".HASH.$1"))
			golden := filepath.Join("testdata", tt.golden+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update if the change is meant):\n%s", tt.path, golden, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// TestPageSemantics states, one by one, what the golden files hold, so a
// regression names the rule it breaks.
func TestPageSemantics(t *testing.T) {
	files := renderGolden(t)
	page := func(p string) string {
		t.Helper()
		b, ok := files[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		return string(b)
	}
	tests := []struct {
		name, path string
		want       []string
		notWant    []string
	}{
		{"english source", "en/crime/burglary/index.html",
			[]string{`<html lang="en" dir="ltr">`, `<link rel="canonical" href="https://victims.example.org/en/crime/burglary/">`,
				`hreflang="pl" href="https://victims.example.org/pl/crime/burglary/"`, `hreflang="x-default" href="https://victims.example.org/en/crime/burglary/"`,
				`href="../../crime/violence/"`, `href="../../help/exit-this-page/#how-it-works"`, `href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer"`,
				`<a class="skip-link" href="#main">`, `<main id="main"`},
			[]string{`rel="alternate" hreflang="lt"`, `class="notice"`, `<script>`}},
		{"translation", "pl/crime/burglary/index.html",
			[]string{`<html lang="pl" dir="ltr">`, `<link rel="canonical" href="https://victims.example.org/pl/crime/burglary/">`, "<h1>Włamanie</h1>"},
			[]string{`class="notice"`}},
		{"fallback to English", "lt/crime/burglary/index.html",
			[]string{`<html lang="lt" dir="ltr">`, `<link rel="canonical" href="https://victims.example.org/en/crime/burglary/">`,
				`<h1 lang="en" dir="ltr">Burglary</h1>`, `<div class="body" lang="en" dir="ltr">`, `class="notice"`},
			[]string{`rel="alternate" hreflang="lt"`}},
		{"right to left", "ar/crime/burglary/index.html",
			[]string{`<html lang="ar" dir="rtl">`, `<a href="../../../en/crime/burglary/" lang="en" hreflang="en" dir="ltr">English</a>`, `<h2 id="ما-هو">`,
				`<span lang="en" dir="ltr">Monday to Friday, 8am to 4pm</span>`, `<span lang="en" dir="ltr">Victim Lincs</span>`},
			nil},
		{"a draft says so in an inset, and how to get an interpreter", "ar/crime/burglary/index.html",
			[]string{`<div class="notice" role="note"><p>لم يراجع مترجم مؤهل هذه الترجمة بعد.</p>`, `<a href="tel:101" dir="ltr">101</a>`},
			nil},
		{"help first", "pl/crime/burglary/index.html",
			[]string{`<p class="danger">Grozi Ci niebezpieczeństwo? Zadzwoń pod <a href="tel:999" dir="ltr">999</a></p>`,
				`Bezpłatne wsparcie: <span lang="en" dir="ltr">Victim Lincs</span>, tel. <a href="tel:01522947510" dir="ltr">01522 947510</a>`},
			[]string{`class="exit-about"`}},
		{"every phone number is a link", "en/crime/burglary/index.html",
			[]string{`Call <a href="../../help/exit-this-page/">Victim Lincs</a> on <a href="tel:01522947510" dir="ltr">01522 947510</a>, or <a href="tel:999" dir="ltr">999</a>`,
				`Call <a href="tel:101" dir="ltr">101</a> quoting`},
			nil},
		{"a long page lists its parts", "en/crime/burglary/index.html",
			[]string{`<h2 id="contents-title">On this page</h2>`, `<li><a href="#what-you-can-do-now">What you can do now</a></li>`, `<li><a href="#support-title">Who can help</a></li>`},
			nil},
		{"a short page does not", "pl/crime/violence/index.html", nil, []string{`contents-title`}},
		{"a step", "ar/journey/court/index.html",
			[]string{`<p class="step-caption">الخطوة 2 من 2</p>`, `rel="prev"`, `<li aria-current="step">`},
			[]string{`rel="next"`}},
		{"the step-by-step lists its steps, then the rest", "en/journey/index.html",
			[]string{`<h2 id="in-section">Step by step</h2>`, `<h2 id="also-in-section">Also in this section</h2>`},
			nil},
		{"not found in Lithuanian", "lt/404.html",
			[]string{`<html lang="lt" dir="ltr">`, `<link rel="stylesheet" href="/assets/site.`, `<a href="/lt/" lang="lt" hreflang="lt" dir="ltr" aria-current="true">`},
			nil},
		{"the chooser greets each reader in their language", "index.html",
			[]string{`<li lang="pl" dir="ltr"><a href="pl/" hreflang="pl"><span class="endonym">Polski</span> <span class="greeting">Pomoc dla ofiar przestępstw, po polsku</span></a>`},
			nil},
		{"outdated translation", "pl/crime/violence/index.html",
			[]string{`class="notice"`, `href="../../../en/crime/violence/" hreflang="en"`, `class="enhanced"`},
			nil},
		{"one h1", "pl/index.html", []string{"<h1>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := page(tt.path)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("%s lacks %s", tt.path, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(html, w) {
					t.Errorf("%s holds %s, which it must not", tt.path, w)
				}
			}
			if n := strings.Count(html, "<h1"); n != 1 {
				t.Errorf("%s has %d h1 elements, want 1", tt.path, n)
			}
		})
	}
}

func TestTwoBuildsAreIdentical(t *testing.T) {
	a, b := renderGolden(t), renderGolden(t)
	if len(a) != len(b) {
		t.Fatalf("got %d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

func TestFailedBuildLeavesOutputAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, renderGolden(t)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	// A tree that cannot be written is refused before anything is written.
	bad := Files{"a.html": []byte("new"), "a.html/b.html": []byte("cannot be under a file")}
	if err := Write(out, bad); err == nil {
		t.Fatal("got no error writing an impossible tree")
	}
	after := snapshot(t, out)
	if len(before) != len(after) {
		t.Fatalf("got %d files after the failed write, want the %d from before", len(after), len(before))
	}
	for p, data := range before {
		if !bytes.Equal(data, after[p]) {
			t.Errorf("%s changed after a failed write", p)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*"))
	if len(leftovers) != 0 {
		t.Errorf("the failed write left %v behind", leftovers)
	}
	// A site with problems never gets as far as Write.
	fsys := goldenSite(t)
	fsys["content/crime/burglary.en.md"].Data = []byte("---\ntitle: [\n---\n")
	if s, probs := Load(fsys); probs.Errors() == 0 {
		t.Fatalf("got no errors from a broken page; site %v", s != nil)
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
