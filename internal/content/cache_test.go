package content

import (
	"fmt"
	"runtime"
	"testing"
	"testing/fstest"
	"weak"
)

// TestCacheMatchesLoad changes pages through a Cache, telling it what
// changed, and checks that it gives what Load gives: the same problems and
// the same rendered pages.
func TestCacheMatchesLoad(t *testing.T) {
	cfg := testConfig(t)
	page := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n" + body + "\n")}
	}
	fsys := fstest.MapFS{
		"content/_index.en.md":     page("Home", "See [a](a.md) and [b](/b/)."),
		"content/a.en.md":          page("A", "Text."),
		"content/a.ar.md":          page("أ", "نص."),
		"content/b.en.md":          page("B", "Back [home](_index.md)."),
		"content/.#a.en.md":        page("an editor's lock file", "not a page"),
		"content/.hidden/x.md":     page("hidden", "not a page"),
		"content/b.en.md.swp~":     page("swap", "not a page"),
		"content/notes.en.txt":     page("notes", "not a page"),
		"content/c.en.md":          page("C", "Links to [a missing page](missing.md)."),
		"content/broken.ar.md":     {Data: []byte("---\ntitle: [\n---\n")},
		"content/unused.fr.md":     page("F", "an undeclared language"),
		"content/dup/_index.en.md": page("D", "One address."),
		"content/dup.en.md":        page("D too", "The same address."),
	}
	steps := []struct {
		name   string
		change func()
		forget []string
	}{
		{"nothing", func() {}, nil},
		{"edit a page", func() { fsys["content/a.en.md"] = page("A2", "Changed.") }, []string{"content/a.en.md"}},
		{"edit a page with sed -i", func() { fsys["content/b.en.md"] = page("B", "Back [home](_index.md), changed.") }, []string{"content/b.en.md", "content/sedX1b2c3"}},
		{"add the missing page", func() { fsys["content/missing.en.md"] = page("M", "Here now.") }, []string{"content/missing.en.md"}},
		{"remove a linked page", func() { delete(fsys, "content/a.en.md") }, []string{"content/a.en.md"}},
		{"fix the broken file", func() { fsys["content/broken.ar.md"] = page("ب", "نص.") }, []string{"content/broken.ar.md"}},
		{"bring the page back", func() { fsys["content/a.en.md"] = page("A3", "Back.") }, []string{"content/a.en.md"}},
		{"remove a folder", func() { delete(fsys, "content/dup/_index.en.md") }, []string{"content/dup"}},
	}
	// The step that only changes the text of a page starts from the last
	// Set, going through no other page; the first load cannot.
	quick := map[string]bool{"edit a page": true, "edit a page with sed -i": true}
	var c Cache
	var prev *Set
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change()
			c.Forget(step.forget...)
			got, gotProbs := c.Load(fsys, cfg)
			if _, ok := got.EditedSince(prev); ok != quick[step.name] {
				t.Errorf("taken as an edit to pages' text alone: %v, want %v", ok, quick[step.name])
			}
			prev = got
			want, wantProbs := Load(fsys, cfg)
			if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
				t.Errorf("got problems\n%v\nwant\n%v", gotProbs, wantProbs)
			}
			if len(got.Pages()) != len(want.Pages()) {
				t.Fatalf("got %d pages, want %d", len(got.Pages()), len(want.Pages()))
			}
			for i, w := range want.Pages() {
				g := got.Pages()[i]
				if g.File != w.File || g.ID != w.ID || g.Lang != w.Lang || g.Title != w.Title || g.HTML != w.HTML {
					t.Errorf("got page %s %q %q %q, want %s %q %q %q", g.File, g.ID, g.Title, g.HTML, w.File, w.ID, w.Title, w.HTML)
				}
			}
			for _, p := range want.Pages() {
				if p.File == "content/.#a.en.md" || p.File == "content/.hidden/x.md" {
					t.Errorf("%s, a hidden file, was read as a page", p.File)
				}
			}
		})
	}
}

// TestCacheLetsGoOfOldSets edits a page through a Cache again and again,
// as a preview open all day does, and checks that a Set is let go of once
// nothing but the Sets made from it holds it.
func TestCacheLetsGoOfOldSets(t *testing.T) {
	cfg := testConfig(t)
	fsys := fstest.MapFS{
		"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\nText.\n")},
		"content/a.en.md":      {Data: []byte("---\ntitle: A\n---\nText.\n")},
	}
	var c Cache
	first, _ := c.Load(fsys, cfg)
	old := weak.Make(first)
	prev := first
	for n := range 3 {
		fsys["content/a.en.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: A\n---\nText %d.\n", n))}
		c.Forget("content/a.en.md")
		s, _ := c.Load(fsys, cfg)
		if _, ok := s.EditedSince(prev); !ok {
			t.Fatalf("edit %d was not taken in alone", n)
		}
		prev = s
	}
	first = nil
	runtime.GC()
	if old.Value() != nil {
		t.Error("the first Set is still held after three edits")
	}
	runtime.KeepAlive(prev)
}
