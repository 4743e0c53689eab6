package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"victimsite/internal/pdf/pdftest"
	"victimsite/internal/site"
)

// TestPublishedLeafletsUseTheSiteFonts: the generic leaflet that build
// publishes for a language embeds the font site.toml gives it
// ([leaflet.fonts]), as victimsite leaflet's do; a build after the font
// file is replaced uses the new one; once it is gone, check, the
// preview's check and build name site.toml's line, and build leaves the
// last good leaflet in place.
func TestPublishedLeafletsUseTheSiteFonts(t *testing.T) {
	embedded, err := filepath.Abs(filepath.Join("..", "..", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	dir := initSite(t)
	font := filepath.Join(dir, "fonts", "Own-Regular.ttf")
	// Noto Nastaliq Urdu is no Polish leaflet's own font: the default
	// draws Urdu in the list of languages with Noto Naskh Arabic.
	copyFile(t, filepath.Join(embedded, "NotoNastaliqUrdu-Regular.ttf"), font)
	appendTo(t, filepath.Join(dir, "site.toml"), "\n[leaflet.fonts.pl]\nregular = \"fonts/Own-Regular.ttf\"\n")
	line := lineOf(t, filepath.Join(dir, "site.toml"), "[leaflet.fonts.pl]")
	build := func(wantCode int) (string, string) {
		t.Helper()
		code, stdout, stderr := runCmd(t, dir, "build")
		if code != wantCode {
			t.Fatalf("build: exit %d, want %d\n%s%s", code, wantCode, stdout, stderr)
		}
		return stdout, stderr
	}
	pl, en := filepath.Join(dir, "public", "pl", "leaflet.pdf"), filepath.Join(dir, "public", "en", "leaflet.pdf")

	build(0)
	wantFonts(t, pl, "NotoNastaliqUrdu-Regular", true)
	wantFonts(t, en, "NotoNastaliqUrdu-Regular", false)
	if out, _ := build(0); !strings.Contains(out, "is up to date") {
		t.Fatalf("the build after the first printed %q, want it up to date", out)
	}

	// Another font under the same name, as a designer would drop in.
	copyFile(t, filepath.Join(embedded, "NotoNaskhArabic-Bold.ttf"), font)
	if out, _ := build(0); !strings.HasPrefix(out, "built ") {
		t.Fatalf("the build after the font was replaced printed %q, want it built", out)
	}
	wantFonts(t, pl, "NotoNaskhArabic-Bold", true)
	wantFonts(t, pl, "NotoNastaliqUrdu-Regular", false)
	good, err := os.ReadFile(pl)
	if err != nil {
		t.Fatal(err)
	}

	remove(t, font)
	want := "site.toml:" + line + `: [leaflet.fonts.pl]: the regular font "fonts/Own-Regular.ttf" is not in the site's folder`
	if code, stdout, _ := runCmd(t, dir, "check"); code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("check: exit %d with\n%s\nwant exit 1 and %q", code, stdout, want)
	}
	st, _ := site.Load(os.DirFS(dir))
	if probs := cachedLeafletProblems()(st); !strings.Contains(probs.Err().Error(), want) {
		t.Errorf("the preview's check: %v, want %q", probs.Err(), want)
	}
	if _, stderr := build(1); !strings.Contains(stderr, want) || !strings.Contains(stderr, "nothing was published") {
		t.Errorf("build: %s\nwant %q and nothing published", stderr, want)
	}
	if now, err := os.ReadFile(pl); err != nil || string(now) != string(good) {
		t.Errorf("the failed build changed pl/leaflet.pdf (%v)", err)
	}
}

// baseFont is a font's name in a PDF, after its subset's tag.
var baseFont = regexp.MustCompile(`/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)`)

// wantFonts fails the test unless the PDF embeds the font (its
// PostScript name) when want is true, and not when it is false.
func wantFonts(t *testing.T, pdf, name string, want bool) {
	t.Helper()
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range baseFont.FindAllSubmatch(pdftest.Unpack(t, data), -1) {
		names = append(names, string(m[1]))
	}
	slices.Sort(names) // a font and its descendant both name it
	names = slices.Compact(names)
	if len(names) == 0 {
		t.Fatalf("%s names no fonts", pdf)
	}
	if slices.Contains(names, name) != want {
		t.Errorf("%s embeds %v; want %s in it: %v", pdf, names, name, want)
	}
}

// copyFile copies the file src to dst, making dst's folder.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeTestFile(dst, data); err != nil {
		t.Fatal(err)
	}
}
