package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestTemporary(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"burglary.en.md", false},
		{"_index.pl.md", false},
		{"site.css", false},
		{"en.toml", false},
		{".burglary.en.md.swp", true}, // vim's swap file
		{".burglary.en.md.swx", true},
		{"burglary.en.md~", true},    // a backup
		{".#burglary.en.md", true},   // Emacs's lock
		{"#burglary.en.md#", true},   // Emacs's auto-save
		{"4913", true},               // vim checks it may write here
		{"burglary.en.md.tmp", true}, // write, then rename into place
		{"burglary.en.md___jb_tmp___", true},
		{".DS_Store", true},
		{"2026.en.md", false},
	} {
		if got := temporary(tt.name); got != tt.want {
			t.Errorf("temporary(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// startWatch watches a new site folder with content/crime in it.
func startWatch(t *testing.T, quiet time.Duration) (string, *watcher) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "site.toml", "name = \"x\"\n")
	writeFile(t, dir, "content/crime/burglary.en.md", "old\n")
	w, err := watch(dir, quiet, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

func nextChange(t *testing.T, w *watcher) Change {
	t.Helper()
	select {
	case ch, ok := <-w.Changes():
		if !ok {
			t.Fatal("the watcher stopped")
		}
		return ch
	case <-time.After(wait):
		t.Fatal("no change within", wait)
		return Change{}
	}
}

// TestWatchGathersABurst writes several files and a temporary one at
// once, and gets them back as one change, without the temporary file.
func TestWatchGathersABurst(t *testing.T) {
	checkNoLeaks(t)
	// A long pause, so the burst is surely one however slow the machine.
	dir, w := startWatch(t, 300*time.Millisecond)
	writeFile(t, dir, "content/crime/burglary.en.md", "new\n")
	writeFile(t, dir, "content/crime/.burglary.en.md.swp", "swap\n")
	writeFile(t, dir, "content/crime/theft.en.md", "new\n")
	writeFile(t, dir, "locales/en.toml", "new\n") // a folder made after the watch began
	writeFile(t, dir, "site.toml", "name = \"y\"\n")
	writeFile(t, dir, "content/crime/sedX1b2c3", "sed -i writes this, then renames it\n")
	writeFile(t, dir, "content/crime/notes.txt", "not a page\n")
	writeFile(t, dir, "content/crime/map.png", "an image beside a page\n")
	writeFile(t, dir, "README.md", "not part of the site\n")
	writeFile(t, dir, "public/index.html", "output\n")
	ch := nextChange(t, w)
	want := []string{"content/crime/burglary.en.md", "content/crime/map.png", "content/crime/theft.en.md", "locales", "locales/en.toml", "site.toml"}
	if !slices.Equal(ch.Paths, want) {
		t.Errorf("got change %q, want %q", ch.Paths, want)
	}
	// The files in content/ that are not part of a site come apart: a
	// build reports them, so the next one must look at them again.
	others := []string{"content/crime/notes.txt", "content/crime/sedX1b2c3"}
	if !slices.Equal(ch.Others, others) {
		t.Errorf("got others %q, want %q", ch.Others, others)
	}
}

// TestWatchNewFolders makes folders after the watch began and checks that
// files written into them later are seen too.
func TestWatchNewFolders(t *testing.T) {
	checkNoLeaks(t)
	dir, w := startWatch(t, 10*time.Millisecond)
	if err := os.MkdirAll(filepath.Join(dir, "content/court/deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitForPath(t, w, "content/court")
	writeFile(t, dir, "content/court/deep/witness.en.md", "x\n")
	waitForPath(t, w, "content/court/deep/witness.en.md")
	if err := os.Rename(filepath.Join(dir, "content/court"), filepath.Join(dir, "content/trial")); err != nil {
		t.Fatal(err)
	}
	waitForPath(t, w, "content/trial")
	writeFile(t, dir, "content/trial/deep/witness.en.md", "y\n")
	waitForPath(t, w, "content/trial/deep/witness.en.md")
	if err := os.RemoveAll(filepath.Join(dir, "content/trial")); err != nil {
		t.Fatal(err)
	}
	waitForPath(t, w, "content/trial")
}

// waitForPath waits for a change that names path.
func waitForPath(t *testing.T, w *watcher, path string) {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case ch := <-w.Changes():
			if slices.Contains(ch.Paths, path) {
				return
			}
		case <-deadline:
			t.Fatalf("no change names %s", path)
		}
	}
}

func TestWatchClose(t *testing.T) {
	checkNoLeaks(t)
	dir, w := startWatch(t, 10*time.Millisecond)
	writeFile(t, dir, "content/crime/burglary.en.md", "new\n") // a change nobody takes
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case _, ok := <-w.Changes():
		for ok {
			_, ok = <-w.Changes()
		}
	case <-time.After(wait):
		t.Fatal("Changes is still open after Close")
	}
	if err := w.Close(); err != nil {
		t.Errorf("a second Close returned %v", err)
	}
}

// TestWatchFontFiles checks that the preview sees the font files site.toml
// names for the leaflets, outside the folders it watches, and nothing
// else beside them; and follows site.toml to a font in a folder made
// later.
func TestWatchFontFiles(t *testing.T) {
	checkNoLeaks(t)
	dir := t.TempDir()
	writeFile(t, dir, "site.toml", "name = \"x\"\n[leaflet.fonts.pl]\nregular = \"fonts/Own.ttf\"\n")
	writeFile(t, dir, "content/crime/burglary.en.md", "old\n")
	writeFile(t, dir, "fonts/Own.ttf", "a font\n")
	w, err := watch(dir, 10*time.Millisecond, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	writeFile(t, dir, "fonts/Own.ttf", "another font\n")
	waitForPath(t, w, "fonts/Own.ttf")

	writeFile(t, dir, "fonts/Other.ttf", "a font site.toml does not name\n")
	writeFile(t, dir, "content/crime/burglary.en.md", "new\n")
	deadline := time.After(wait)
	for seen := false; !seen; {
		select {
		case ch := <-w.Changes():
			if slices.Contains(ch.Paths, "fonts/Other.ttf") {
				t.Errorf("change %q names a font site.toml does not name", ch.Paths)
			}
			seen = slices.Contains(ch.Paths, "content/crime/burglary.en.md")
		case <-deadline:
			t.Fatal("no change names the page")
		}
	}

	writeFile(t, dir, "site.toml", "name = \"x\"\n[leaflet.fonts.pl]\nregular = \"more/New.ttf\"\n")
	waitForPath(t, w, "site.toml")
	writeFile(t, dir, "more/New.ttf", "a font in a folder made later\n")
	waitForPath(t, w, "more/New.ttf")
	writeFile(t, dir, "more/New.ttf", "edited\n")
	waitForPath(t, w, "more/New.ttf")

	// A font two new folders down, the folders made one at a time.
	writeFile(t, dir, "site.toml", "name = \"x\"\n[leaflet.fonts.pl]\nregular = \"deep/er/B.ttf\"\n")
	waitForPath(t, w, "site.toml")
	for _, d := range []string{"deep", "deep/er"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
		waitForPath(t, w, d)
	}
	writeFile(t, dir, "deep/er/B.ttf", "a font\n")
	waitForPath(t, w, "deep/er/B.ttf")
}
