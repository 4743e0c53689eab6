package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// longAgo is the time tests set on files to see whether a build wrote them.
var longAgo = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ageTree sets the times of dir and everything in it to longAgo.
func ageTree(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, longAgo, longAgo)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeOver writes first into dir, ages the tree, and writes second over
// it, so that touched shows what the second Write changed.
func writeOver(t *testing.T, dir string, first, second Files) {
	t.Helper()
	if err := Write(dir, first); err != nil {
		t.Fatal(err)
	}
	ageTree(t, dir)
	if err := Write(dir, second); err != nil {
		t.Fatal(err)
	}
}

// touched returns the slash-separated paths below dir (folders too, "."
// for dir itself) whose modification time is no longer longAgo.
func touched(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !info.ModTime().Equal(longAgo) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestWriteOnlyWhatChanged: a build into its own earlier output writes
// the changed and new files, leaves the same ones untouched, removes the
// ones it no longer makes (and the folders that leaves empty), and lists
// what it wrote in the Marker.
func TestWriteOnlyWhatChanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := Files{"assets/site.1.css": []byte("p{}"), "en/index.html": []byte("1"), "en/old/index.html": []byte("old"), "same.html": []byte("s")}
	second := Files{"assets/site.1.css": []byte("p{}"), "en/index.html": []byte("2"), "pl/new.html": []byte("n"), "same.html": []byte("s")}
	writeOver(t, dir, first, second)
	got := readTree(t, dir)
	want := map[string]string{Marker: string(markerFor([]string{"assets/site.1.css", "en/index.html", "pl/new.html", "same.html"}))}
	for p, data := range second {
		want[p] = string(data)
	}
	if len(got) != len(want) {
		t.Errorf("got files %v, want %v", keys(got), keys(want))
	}
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s: got %q, want %q", p, got[p], data)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "en", "old")); err == nil {
		t.Error("en/old/ is still there, empty")
	}
	// The folders change as files are renamed into them; the unchanged
	// files and the folder that holds only them must not.
	wantTouched := []string{".", Marker, "en", "en/index.html", "pl", "pl/new.html"}
	if got := touched(t, dir); !slices.Equal(got, wantTouched) {
		t.Errorf("the build touched %v, want only %v", got, wantTouched)
	}
}

// TestWriteNothingWhenNothingChanged: a rebuild with the same files writes
// nothing at all, not even a temporary file (the folders keep their times).
func TestWriteNothingWhenNothingChanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := Files{"assets/site.1.css": []byte("p{}"), "en/index.html": []byte("1"), "en/a/index.html": []byte("a"), "sitemap.xml": []byte("<x/>")}
	writeOver(t, dir, files, files)
	if got := touched(t, dir); len(got) != 0 {
		t.Errorf("a rebuild with nothing changed touched %v", got)
	}
}

// TestWriteNeverRemovesForeignFiles: files someone added to the output
// stay, a Marker edited to name files outside the folder or files that
// are someone's folders removes nothing of theirs, and a file of theirs
// where the build would write one is refused with nothing changed.
func TestWriteNeverRemovesForeignFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	if err := Write(dir, Files{"en/index.html": []byte("1"), "gone.html": []byte("g")}); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "gone.html")); err != nil {
		t.Fatal(err)
	}
	writeTree(t, root, map[string]string{"outside.txt": "mine", "public/notes.txt": "mine", "public/en/mine.html": "mine", "public/gone.html/x": "mine"})
	marker := filepath.Join(dir, Marker)
	list := string(markerFor([]string{"../outside.txt", "en/index.html", "gone.html"}))
	if err := os.WriteFile(marker, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Files{"en/index.html": []byte("2")}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"outside.txt", "public/notes.txt", "public/en/mine.html", "public/gone.html/x"} {
		if got, err := os.ReadFile(filepath.Join(root, p)); err != nil || string(got) != "mine" {
			t.Errorf("%s: got %q, %v; want it kept", p, got, err)
		}
	}

	before := readTree(t, root)
	err := Write(dir, Files{"en/index.html": []byte("3"), "notes.txt": []byte("built"), "new.html": []byte("n")})
	if err == nil || !strings.Contains(err.Error(), "notes.txt, which victimsite did not write") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("got %v, want a refusal that names notes.txt", err)
	}
	after := readTree(t, root)
	if len(after) != len(before) {
		t.Errorf("got files %v after the refusal, want %v", keys(after), keys(before))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s: got %q after the refusal, want %q", p, after[p], data)
		}
	}
}

// TestWriteReplacesAnUnlistedBuild: a folder marked by a victimsite from
// before the Marker listed files is replaced whole, as that marker said.
func TestWriteReplacesAnUnlistedBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeTree(t, dir, map[string]string{Marker: "This folder was written by victimsite build, which replaces all of it\n", "old.html": "o"})
	if err := Write(dir, Files{"index.html": []byte("i")}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)
	want := map[string]string{"index.html": "i", Marker: string(markerFor([]string{"index.html"}))}
	if len(got) != len(want) || got["index.html"] != "i" || got[Marker] != want[Marker] {
		t.Errorf("got %v, want only %v", got, want)
	}
}

// TestReadManifest: the list survives file names with spaces, and a
// Marker without one has none.
func TestReadManifest(t *testing.T) {
	dir := t.TempDir()
	want := []string{"a b.pdf", "en/index.html"}
	if err := os.WriteFile(filepath.Join(dir, Marker), markerFor(want), 0o644); err != nil {
		t.Fatal(err)
	}
	got, ok, err := readManifest(dir)
	if err != nil || !ok || !slices.Equal(got, want) {
		t.Errorf("got %q, %v, %v; want %q", got, ok, err, want)
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := readManifest(dir); ok || err != nil {
		t.Errorf("a Marker without a list: got %q, %v, %v", got, ok, err)
	}
}
