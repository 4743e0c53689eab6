package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"victimsite/internal/site"
)

// TestBuildNeverReplacesWhatItDidNotWrite: -out names a folder the build
// replaces whole, so a folder of notes, the site, a folder that holds the
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

// TestBuildReplacesItsOwnOutput: the default public/ is built, marked,
// and replaced whole by the next build.
func TestBuildReplacesItsOwnOutput(t *testing.T) {
	dir := initSite(t)
	for range 2 {
		if code, _, stderr := runCmd(t, dir, "build"); code != 0 {
			t.Fatalf("build: exit %d: %s", code, stderr)
		}
		stray := filepath.Join(dir, "public", "stray.html")
		if err := os.WriteFile(stray, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCmd(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", site.Marker)); err != nil {
		t.Errorf("the build is not marked: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "stray.html")); err == nil {
		t.Error("a file left in public/ survived the next build, which should replace the folder whole")
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
