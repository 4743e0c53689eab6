package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"victimsite/internal/site"
)

// TestBuildNeverReplacesWhatItDidNotWrite: -out names a folder the build
// takes over, so a folder of notes, the site, a folder that holds the
// site and the site's own folders are refused, and nothing in them changes.
func TestBuildNeverReplacesWhatItDidNotWrite(t *testing.T) {
	dir := initSite(t)
	notes := filepath.Join(t.TempDir(), "notes")
	if err := os.MkdirAll(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notes, "a"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out, want string
	}{
		{notes, "holds files that victimsite did not write (such as a)"},
		{".", "is the site folder"},
		{"content", "inside the site's content/ folder"},
		{"..", "holds the site folder"},
		{filepath.Join("templates", "assets"), "inside the site's templates/ folder"},
	}
	before := treeOf(t, filepath.Dir(dir))
	for _, tt := range tests {
		code, _, stderr := runCmd(t, dir, "build", "-out", tt.out)
		if code != 1 || !strings.Contains(stderr, "victimsite build: -out "+tt.out+" ") || !strings.Contains(stderr, tt.want) {
			t.Errorf("build -out %s: got exit %d with %q; want exit 1 and %q", tt.out, code, stderr, tt.want)
		}
	}
	after := treeOf(t, filepath.Dir(dir))
	if len(after) != len(before) {
		t.Errorf("got %d files after the refused builds, want the %d from before", len(after), len(before))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if got, err := os.ReadFile(filepath.Join(notes, "a")); err != nil || string(got) != "x" {
		t.Errorf("the notes: got %q, %v", got, err)
	}
}

// TestBuildUpdatesItsOwnOutput: the default public/ is built and marked;
// a rebuild with nothing changed writes nothing, a build with problems
// changes nothing, and a file someone added to public/ is kept.
func TestBuildUpdatesItsOwnOutput(t *testing.T) {
	dir := initSite(t)
	public := filepath.Join(dir, "public")
	if code, _, stderr := runCmd(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(public, site.Marker)); err != nil {
		t.Errorf("the build is not marked: %v", err)
	}
	if err := os.WriteFile(filepath.Join(public, "stray.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	longAgo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	err := filepath.WalkDir(public, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, longAgo, longAgo)
	})
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "crime", "burglary.en.md")
	good, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("---\ntitle: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, dir, "build"); code != 1 || !strings.Contains(stderr, "nothing was published") {
		t.Errorf("build with a broken page: got exit %d with %q, want 1 and nothing published", code, stderr)
	}
	if err := os.WriteFile(page, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	// The page was written again, so the build records the site anew in
	// its cache (and so writes the folder that holds it), but no other file.
	unwritten := func(what string, skip ...string) {
		t.Helper()
		err = filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
			if err != nil || slices.Contains(skip, p) {
				return err
			}
			if info, err := d.Info(); err != nil || !info.ModTime().Equal(longAgo) {
				t.Errorf("%s was written (err %v); %s", p, err, what)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	unwritten("neither the failed build nor the one with the same text should write a page", public, filepath.Join(public, site.CacheFile))
	if err := os.Chtimes(public, longAgo, longAgo); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(public, site.CacheFile), longAgo, longAgo); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, dir, "build"); code != 0 || !strings.Contains(stdout, "is up to date") {
		t.Fatalf("build with nothing changed: exit %d: %s%s; want it up to date", code, stdout, stderr)
	}
	unwritten("a build with nothing changed should write nothing")
	if got, err := os.ReadFile(filepath.Join(public, "stray.html")); err != nil || string(got) != "x" {
		t.Errorf("a file someone added to public/: got %q, %v; want it kept", got, err)
	}
}

// TestInitNeverOverwrites: init into a folder that has one of the site's
// files names it, keeps it and writes nothing else.
func TestInitNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	mine := filepath.Join(dir, "locales", "en.toml")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "init", dir)
	if code != 1 || !strings.Contains(stderr, "already has locales/en.toml") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("init: got exit %d, %q; want exit 1 naming locales/en.toml", code, stderr)
	}
	if got := treeOf(t, dir); len(got) != 1 || got[mine] != "mine" {
		t.Errorf("got %d files after the refused init, want only %s unchanged", len(got), mine)
	}
}

// treeOf returns every file below dir, by path.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
