package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runCmd runs the command line in dir and returns its exit code and output.
func runCmd(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// initSite writes the built-in site to a new folder.
func initSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCmd(t, "", "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	return dir
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"-h"}, 0},
		{[]string{"nonsense"}, 2},
		{[]string{"build", "-h"}, 0},
		{[]string{"build", "-nonsense"}, 2},
		{[]string{"build", "extra"}, 2},
		{[]string{"check", "-h"}, 0},
		{[]string{"init"}, 2},
		{[]string{"translated"}, 2},
	}
	for _, tt := range tests {
		code, _, _ := runCmd(t, "", tt.args...)
		if code != tt.code {
			t.Errorf("victimsite %s: got exit %d, want %d", strings.Join(tt.args, " "), code, tt.code)
		}
	}
}

// TestBuiltInSiteBuilds proves the site compiled into the binary is valid:
// init writes it out, check passes and build publishes every language.
func TestBuiltInSiteBuilds(t *testing.T) {
	dir := initSite(t)
	code, stdout, stderr := runCmd(t, dir, "check")
	if code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCmd(t, dir, "build")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	toml, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	langs := strings.Count(string(toml), "[[languages]]")
	want := fmt.Sprintf(`^built \d+ files \(\d+ pages in %d languages\) into public in `, langs)
	if !regexp.MustCompile(want).MatchString(stdout) {
		t.Errorf("got %q, want a summary such as \"built 303 files (32 pages in %d languages) into public in 1s\"", stdout, langs)
	}
	for _, p := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt", "_headers", "favicon.ico", "en/index.html", "en/404.html", "ar/404.html", "ar/crime/burglary/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("the build has no %s: %v", p, err)
		}
	}
	// Assets are published under names that hold a hash of their content.
	for _, pattern := range []string{"site.??????????.css", "exit.??????????.js"} {
		if m, _ := filepath.Glob(filepath.Join(dir, "public", "assets", pattern)); len(m) != 1 {
			t.Errorf("the build has %v for assets/%s, want one file", m, pattern)
		}
	}
	if code, _, stderr := runCmd(t, "", "init", dir); code != 1 || !strings.Contains(stderr, "already holds a site") {
		t.Errorf("init over a site: got exit %d, %q; want 1 and a refusal", code, stderr)
	}
}

func TestBrokenSiteKeepsLastBuild(t *testing.T) {
	dir := initSite(t)
	if code, _, stderr := runCmd(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	index := filepath.Join(dir, "public", "en", "index.html")
	before, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "crime", "burglary.en.md")
	if err := os.WriteFile(page, []byte("---\ntitle: Burglary\ncolour: red\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, dir, "check")
	want := filepath.Join("content", "crime", "burglary.en.md") + ":3: front matter: unknown key \"colour\""
	if code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("check: got exit %d with\n%s\nwant exit 1 and %q", code, stdout, want)
	}
	code, _, stderr := runCmd(t, dir, "build")
	if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "nothing was published") {
		t.Errorf("build: got exit %d with\n%s\nwant exit 1, %q and nothing published", code, stderr, want)
	}
	after, err := os.ReadFile(index)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the failed build changed the last good public/ (err %v)", err)
	}
}

func TestSiteFlagAndOut(t *testing.T) {
	dir := initSite(t)
	out := filepath.Join(t.TempDir(), "www")
	code, _, stderr := runCmd(t, "", "build", "-site", dir, "-out", out)
	if code != 0 {
		t.Fatalf("build -site -out: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "pl", "index.html")); err != nil {
		t.Error(err)
	}
	if code, _, stderr := runCmd(t, "", "check", "-site", t.TempDir()); code != 1 || !strings.Contains(stderr, "has no site.toml") {
		t.Errorf("check on an empty folder: got exit %d, %q", code, stderr)
	}
}

func TestTranslated(t *testing.T) {
	dir := initSite(t)
	page := filepath.Join("content", "crime", "burglary.pl.md")
	src := filepath.Join(dir, "content", "crime", "burglary.en.md")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, page), []byte("---\ntitle: Włamanie\n---\nTekst.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, dir, "translated", page); code != 0 {
		t.Fatalf("translated: exit %d: %s", code, stderr)
	}
	if _, stdout, _ := runCmd(t, dir, "check"); strings.Contains(stdout, page+":") {
		t.Fatalf("a translation just marked current is reported:\n%s", stdout)
	}
	// Change the English page: the Polish one turns outdated.
	if err := os.WriteFile(src, append(data, []byte("\nOne more sentence.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runCmd(t, dir, "check")
	if !strings.Contains(stdout, page+":") || !strings.Contains(stdout, "warning: translation is outdated") {
		t.Fatalf("check after an English edit does not call %s outdated:\n%s", page, stdout)
	}
	if code, stdout, stderr := runCmd(t, dir, "translated", page); code != 0 || !strings.Contains(stdout, "current") {
		t.Fatalf("translated: exit %d: %s%s", code, stdout, stderr)
	}
	_, stdout, _ = runCmd(t, dir, "check")
	if strings.Contains(stdout, page+":") {
		t.Errorf("%s is still reported after translated:\n%s", page, stdout)
	}
	if code, _, stderr := runCmd(t, dir, "translated", filepath.Join("content", "crime", "burglary.en.md")); code != 1 || !strings.Contains(stderr, "not a translation") {
		t.Errorf("translated on an English page: exit %d, %q", code, stderr)
	}
}

func TestCheckReportsMissingLeafletMessages(t *testing.T) {
	dir := initSite(t)
	file := filepath.Join(dir, "locales", "leaflet.pl.toml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "LeafletCrimeRef ") && !strings.HasPrefix(line, "LeafletCrimeRef=") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(file, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, dir, "check")
	want := filepath.Join("locales", "leaflet.pl.toml") + `: message "LeafletCrimeRef", which leaflets use, is missing`
	if code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("got exit %d with\n%s\nwant exit 1 and %q", code, stdout, want)
	}
}

func TestUsageNamesEveryCommand(t *testing.T) {
	for _, c := range commands() {
		if !strings.Contains(usage, "victimsite "+c.name+" ") {
			t.Errorf("the usage text does not mention %q", c.name)
		}
	}
}

// TestTranslatedRefusesABrokenTranslation: a translation whose front
// matter does not parse is not recorded as current, and is left as it was.
func TestTranslatedRefusesABrokenTranslation(t *testing.T) {
	dir := initSite(t)
	page := filepath.Join("content", "crime", "burglary.pl.md")
	broken := []byte("---\ntitle: Włamanie: co robić\n---\nTekst.\n")
	if err := os.WriteFile(filepath.Join(dir, page), broken, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, dir, "translated", page)
	if code != 1 || !strings.Contains(stderr, "burglary.pl.md:2:") {
		t.Errorf("got exit %d, %q; want exit 1 naming the line to fix", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, page)); !bytes.Equal(got, broken) {
		t.Errorf("the file was changed:\n%s", got)
	}
}
