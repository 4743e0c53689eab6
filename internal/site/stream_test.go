package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"victimsite/internal/problem"
)

// loadGolden loads the golden site, with changes, failing the test on
// any problem.
func loadGolden(t *testing.T, change func(fstest.MapFS)) *Site {
	t.Helper()
	fsys := goldenSite(t)
	if change != nil {
		change(fsys)
	}
	s, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatalf("the golden site has problems:\n%v", probs)
	}
	return s
}

// TestPublishWritesWhatWriteWrites: a build into a new folder, which
// writes each file as it is rendered, leaves the same folder, byte for
// byte and the Marker's list included, as rendering in memory and then
// writing.
func TestPublishWritesWhatWriteWrites(t *testing.T) {
	s := loadGolden(t, nil)
	tmp := t.TempDir()
	streamed, written := filepath.Join(tmp, "streamed"), filepath.Join(tmp, "written")
	n, _, err := PublishBuild(context.Background(), streamed, s, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.Render()
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(written, files); err != nil {
		t.Fatal(err)
	}
	if n != len(files) {
		t.Errorf("PublishBuild says it wrote %d files; Render made %d", n, len(files))
	}
	got, want := readTree(t, streamed), readTree(t, written)
	if len(got) != len(want) {
		t.Errorf("PublishBuild wrote %d files, Write %d", len(got), len(want))
	}
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s: PublishBuild wrote %d bytes, Write %d, or they differ", p, len(got[p]), len(data))
		}
	}
	if _, ok := got["en/crime/burglary/index.html"]; !ok {
		t.Error("PublishBuild wrote no en/crime/burglary/index.html")
	}
	// Into its own output, PublishBuild updates in place, and nothing changed.
	ageTree(t, streamed)
	if _, _, err := PublishBuild(context.Background(), streamed, s, nil, nil); err != nil {
		t.Fatal(err)
	}
	if w := touched(t, streamed); len(w) != 0 {
		t.Errorf("PublishBuild into its own output, nothing changed, wrote %v", w)
	}
}

// TestPublishFailureLeavesFolderAlone: a build into a new folder that
// fails after some pages were written (a layout that fails on most pages,
// or the build being stopped) leaves no folder, and into a folder marked
// by an older build without a list, leaves that folder as it was; in
// neither case is the half-written new folder left behind.
func TestPublishFailureLeavesFolderAlone(t *testing.T) {
	broken := loadGolden(t, func(fsys fstest.MapFS) {
		// The home page has no breadcrumbs, so it renders; the others fail.
		base := string(fsys["templates/base.html"].Data)
		base = string(bytes.Replace([]byte(base), []byte(`{{with .Crumbs}}`), []byte(`{{with .Crumbs}}{{index . 7}}`), 1))
		fsys["templates/base.html"].Data = []byte(base)
	})
	good := loadGolden(t, nil)
	stopped, stop := context.WithCancel(context.Background())
	stop()
	tests := []struct {
		name   string
		s      *Site
		ctx    context.Context
		before map[string]string // the folder's files before; nil: no folder
		check  func(error) bool
	}{
		{"a failing layout, new folder", broken, context.Background(), nil, isProblem},
		{"a failing layout, older build", broken, context.Background(), map[string]string{Marker: "old", "index.html": "old"}, isProblem},
		{"stopped, new folder", good, stopped, nil, isCanceled},
		{"stopped, empty folder", good, stopped, map[string]string{}, isCanceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if tt.before != nil {
				if err := os.Mkdir(out, 0o755); err != nil {
					t.Fatal(err)
				}
				writeTree(t, out, tt.before)
			}
			_, _, err := PublishBuild(tt.ctx, out, tt.s, nil, nil)
			if !tt.check(err) {
				t.Fatalf("PublishBuild = %v, want the failure", err)
			}
			if tt.before == nil {
				if _, err := os.Lstat(out); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the failed build made %s (%v)", out, err)
				}
			} else if got := readTree(t, out); !equalTrees(got, tt.before) {
				t.Errorf("the failed build changed the folder: %v, want %v", keys(got), keys(tt.before))
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*"))
			if len(leftovers) != 0 {
				t.Errorf("the failed build left %v behind", leftovers)
			}
		})
	}
}

// TestPublishBuildRecordsTheCache: a build into a new folder, streamed,
// records in CacheFile every file it wrote and every page's view key, so
// that the next build with nothing changed is up to date (with the
// build's notes) and, after one page's text changed, renders again only
// the pages that show it, leaving what a full build leaves.
func TestPublishBuildRecordsTheCache(t *testing.T) {
	fsys := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	in, err := ReadInputs(fsys, "k")
	if err != nil {
		t.Fatal(err)
	}
	n, pages, err := PublishBuild(context.Background(), out, loadGolden(t, nil), in, []string{"a note"})
	if err != nil {
		t.Fatal(err)
	}
	if pages.Kept() != 0 || pages.Count() == 0 {
		t.Errorf("the first build kept %d of %d pages", pages.Kept(), pages.Count())
	}
	c, ok := readCache(out)
	if !ok {
		t.Fatal("the streamed build wrote no cache")
	}
	if len(c.outputs) != n {
		t.Errorf("the cache lists %d files; the build wrote %d", len(c.outputs), n)
	}
	views := 0
	for _, e := range c.outputs {
		if e.hash != hashBytes([]byte(readTree(t, out)[e.path])) {
			t.Errorf("%s: the cache has the SHA-256 %q, not that of the file", e.path, e.hash)
		}
		if e.view != "" {
			views++
		}
	}
	if views != pages.Count() {
		t.Errorf("the cache has view keys for %d page files; the build made %d", views, pages.Count())
	}
	again, err := ReadInputs(fsys, "k")
	if err != nil {
		t.Fatal(err)
	}
	if notes, ok := UpToDate(out, again); !ok || len(notes) != 1 || notes[0] != "a note" {
		t.Errorf("after a streamed build, UpToDate = %v, %v; want the note, true", notes, ok)
	}
	const page = "content/crime/burglary.en.md"
	fsys[page] = &fstest.MapFile{Data: append(bytes.Clone(fsys[page].Data), "\nOne more line.\n"...)}
	kept := buildInto(t, fsys, out, "k")
	if kept == 0 || kept >= pages.Count() {
		t.Errorf("after one page changed the build kept %d of %d page files", kept, pages.Count())
	}
	full, err := loadGolden(t, func(f fstest.MapFS) { f[page] = fsys[page] }).Render()
	if err != nil {
		t.Fatal(err)
	}
	compareFiles(t, builtFiles(t, out), full)
}

func isProblem(err error) bool {
	var perr *problem.Error
	return errors.As(err, &perr) && len(perr.List) > 0
}

func isCanceled(err error) bool { return errors.Is(err, context.Canceled) }

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, data := range a {
		if d, ok := b[p]; !ok || d != data {
			return false
		}
	}
	return true
}
