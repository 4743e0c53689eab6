package content

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestListingMatchesWalk changes the content folder through a Cache,
// telling it what changed as the live preview does, and checks after each
// change that the files it lists are those a walk of the folder finds, in
// the same order.
func TestListingMatchesWalk(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	fsys := fstest.MapFS{
		"content/_index.en.md":    file,
		"content/a/x.en.md":       file,
		"content/a.b/y.en.md":     file,
		"content/a-b/z.en.md":     file,
		"content/ab.en.md":        file,
		"content/.hidden/h.md":    file,
		"content/a/.#x.en.md":     file,
		"content/a/x.en.md~":      file,
		"content/a/map.png":       file,
		"content/backup~/b.md":    file,
		"content/a/notes.txt":     file,
		"content/Zed/upper.en.md": file,
	}
	steps := []struct {
		name   string
		change func()
		forget []string
		same   bool // the files listed are the same
	}{
		{"nothing", func() {}, nil, true},
		{"edit a file", func() { fsys["content/a/x.en.md"] = &fstest.MapFile{Data: []byte("y")} }, []string{"content/a/x.en.md"}, true},
		{"add a file", func() { fsys["content/a/w.en.md"] = file }, []string{"content/a/w.en.md"}, false},
		{"add a file before a longer folder", func() { fsys["content/a/zz.en.md"] = file }, []string{"content/a/zz.en.md"}, false},
		{"add an editor's file", func() { fsys["content/a/.w.en.md.swp"] = file }, []string{"content/a/.w.en.md.swp"}, true},
		{"add a file in a hidden folder", func() { fsys["content/.hidden/i.md"] = file }, []string{"content/.hidden/i.md"}, true},
		{"remove a file", func() { delete(fsys, "content/ab.en.md") }, []string{"content/ab.en.md"}, false},
		{"add a folder", func() {
			fsys["content/court/_index.en.md"] = file
			fsys["content/court/deep/witness.en.md"] = file
			fsys["content/court/.swp"] = file
		}, []string{"content/court"}, false},
		{"remove a folder", func() {
			delete(fsys, "content/a/x.en.md")
			delete(fsys, "content/a/w.en.md")
			delete(fsys, "content/a/zz.en.md")
			delete(fsys, "content/a/map.png")
			delete(fsys, "content/a/notes.txt")
			delete(fsys, "content/a/.#x.en.md")
			delete(fsys, "content/a/x.en.md~")
			delete(fsys, "content/a/.w.en.md.swp")
		}, []string{"content/a"}, false},
		{"a file where a folder was", func() { fsys["content/a"] = file }, []string{"content/a"}, false},
		{"a folder where a file was", func() {
			delete(fsys, "content/a")
			fsys["content/a/again.en.md"] = file
		}, []string{"content/a"}, false},
		{"a forgotten file that is not there", func() {}, []string{"content/nowhere.en.md"}, true},
	}
	var c Cache
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change()
			c.Forget(step.forget...)
			gen := c.listing.gen
			got, err := c.list(fsys)
			if err != nil {
				t.Fatal(err)
			}
			want, err := walkContent(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got files\n%q\nwant\n%q", got, want)
			}
			// A load after an edit to a page's text alone relies on this.
			if step.same && step.name != "nothing" && c.listing.gen != gen {
				t.Error("the listing counts as changed")
			}
			if !step.same && c.listing.gen == gen {
				t.Error("the listing counts as the same")
			}
		})
	}
}

// TestWalkOrder checks that walkOrder sorts as fs.WalkDir visits.
func TestWalkOrder(t *testing.T) {
	want := []string{"content/_index.en.md", "content/a/x.md", "content/a/y/z.md", "content/a-b/x.md", "content/a.b/x.md", "content/ab.md"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, walkOrder)
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
