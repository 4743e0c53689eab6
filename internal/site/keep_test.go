package site

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// buildInto loads the site in fsys and builds it into out as the build
// command does (PublishBuild: streamed into a new folder, RenderInto and
// WriteBuild into its own output), returning how many pages it kept; it
// fails the test if the site has errors.
func buildInto(t *testing.T, fsys fstest.MapFS, out, key string) int {
	t.Helper()
	in, err := ReadInputs(fsys, key)
	if err != nil {
		t.Fatal(err)
	}
	st, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatalf("the site has problems:\n%v", probs)
	}
	_, pages, err := PublishBuild(context.Background(), out, st, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pages.Kept()
}

// renderInto fingerprints and loads the site in fsys and renders it into
// out as a build with key "k" would, without writing it.
func renderInto(t *testing.T, fsys fstest.MapFS, out string) (*Site, *Inputs, Files, *Pages) {
	t.Helper()
	in, err := ReadInputs(fsys, "k")
	if err != nil {
		t.Fatal(err)
	}
	st, probs := Load(fsys)
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	files, pages, err := st.RenderInto(out, in)
	if err != nil {
		t.Fatal(err)
	}
	return st, in, files, pages
}

// builtFiles reads what a build wrote into out, less its Marker and
// cache.
func builtFiles(t *testing.T, out string) Files {
	t.Helper()
	got := Files{}
	for p, s := range readTree(t, out) {
		if p != Marker && p != CacheFile {
			got[p] = []byte(s)
		}
	}
	return got
}

// TestRenderIntoMatchesFullBuild: after each of an editor's edits, a
// build into the last build's output, which renders again only the pages
// whose view changed, leaves the folder byte for byte as a full build of
// the edited site; after an edit to a page's text most pages are kept.
// An edit to the layouts, the strings or site.toml, another program, and
// a page edited by hand in the output are rendered again.
func TestRenderIntoMatchesFullBuild(t *testing.T) {
	fsys := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if kept := buildInto(t, fsys, out, "k"); kept != 0 {
		t.Fatalf("the first build kept %d pages", kept)
	}
	check := func(t *testing.T, kept int, wantKept bool) {
		t.Helper()
		compareFiles(t, builtFiles(t, out), renderSite(t, fsys))
		if (kept > 0) != wantKept {
			t.Errorf("kept %d pages; want some kept: %v", kept, wantKept)
		}
	}
	for _, step := range editSteps() {
		t.Run(step.name, func(t *testing.T) {
			step.change(t, fsys)
			if _, probs := Load(fsys); probs.Errors() > 0 {
				if !step.errors {
					t.Fatalf("unexpected problems:\n%v", probs)
				}
				return
			}
			check(t, buildInto(t, fsys, out, "k"), true)
		})
	}
	edit := func(file, old, new string) func(t *testing.T) {
		return func(t *testing.T) {
			data := string(fsys[file].Data)
			if !strings.Contains(data, old) {
				t.Fatalf("%s has no %q", file, old)
			}
			fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
		}
	}
	others := []struct {
		name     string
		change   func(t *testing.T)
		key      string
		wantKept bool
	}{
		{"a layout", edit("templates/base.html", "</body>", "<p>Changed.</p></body>"), "k", false},
		{"a language's strings", edit("locales/pl.toml", "\n", "\n# a comment\n"), "k", false},
		{"site.toml", edit("site.toml", "https://", "http://"), "k", false},
		{"another program", func(*testing.T) {}, "k2", false},
		{"a page edited by hand in the output", func(t *testing.T) {
			name := filepath.Join(out, "en", "index.html")
			if err := os.WriteFile(name, []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "k2", true},
	}
	for _, o := range others {
		t.Run(o.name, func(t *testing.T) {
			o.change(t)
			check(t, buildInto(t, fsys, out, o.key), o.wantKept)
		})
	}
}

// BenchmarkViewKeys measures what the build cache adds to a render: the
// view key of every page in every language (1,000 pages × 5).
func BenchmarkViewKeys(b *testing.B) {
	s, probs := Load(benchSite(b))
	if probs.Errors() > 0 {
		b.Fatal(probs.Err())
	}
	jobs := s.jobs()
	b.ReportAllocs()
	for b.Loop() {
		k := &keeper{pages: Pages{keys: map[string]string{}}}
		k.filter(jobs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(jobs)), "ns/page")
}

// TestViewKey: two views with the same content have the same key however
// they were made, and a change anywhere in one, down to a link in a list
// or a contact behind a pointer, changes it.
func TestViewKey(t *testing.T) {
	newView := func() *view {
		return &view{Title: "Burglary", Body: "<p>Text.</p>", Children: []link{{ID: "a", Title: "A", Step: 1}},
			Help: help{Emergency: &contact{Name: "Police", Phone: "999"}}, Sections: []section{{link: link{ID: "s"}}}}
	}
	vh := newViewHasher()                  // one hasher for all, as a build uses it
	alive := []*view{newView(), newView()} // as a build's views are, while it hashes them
	base := vh.key(alive[0])
	if base == "" || vh.key(alive[1]) != base {
		t.Fatalf("the same view made twice has keys %q and another", base)
	}
	changes := map[string]func(v *view){
		"title":                 func(v *view) { v.Title = "Break-ins" },
		"body":                  func(v *view) { v.Body += " " },
		"a link's title":        func(v *view) { v.Children[0].Title = "B" },
		"a link's step":         func(v *view) { v.Children[0].Step = 2 },
		"a link's hidden order": func(v *view) { v.Children[0].weight = 3 },
		"a list that is empty":  func(v *view) { v.Crumbs = []link{} },
		"a contact's number":    func(v *view) { v.Help.Emergency.Phone = "112" },
		"no contact":            func(v *view) { v.Help.Emergency = nil },
		"a flag":                func(v *view) { v.Fallback = true },
		"two strings' boundary": func(v *view) { v.Title, v.Summary = "Burglar", "y" },
	}
	for name, change := range changes {
		v := newView()
		alive = append(alive, v)
		change(v)
		if k := vh.key(v); k == base || k == "" {
			t.Errorf("%s: the key did not change (%q)", name, k)
		}
	}
}

// TestRenderIntoHoldsOnlyWhatChanged: after a change that renders every
// page again (a comment in a language's strings), RenderInto holds in
// memory only the files that came out other than the last build left
// them (here one page edited by hand in the output), and the build then
// leaves the folder as a full build would, having written only that page.
func TestRenderIntoHoldsOnlyWhatChanged(t *testing.T) {
	fsys := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, "k")
	fsys["locales/pl.toml"] = &fstest.MapFile{Data: append([]byte("# a comment\n"), fsys["locales/pl.toml"].Data...)}
	edited := filepath.Join(out, "en", "index.html")
	if err := os.WriteFile(edited, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := stamps(t, out)
	st, in, files, pages := renderInto(t, fsys, out)
	if pages.Kept() != 0 {
		t.Errorf("kept %d pages after the strings changed; want every page rendered again", pages.Kept())
	}
	if len(files) != 1 || files["en/index.html"] == nil {
		t.Errorf("RenderInto holds %d files (%v); want en/index.html alone", len(files), slices.Sorted(maps.Keys(files)))
	}
	if err := WriteBuild(out, files, in, nil, pages); err != nil {
		t.Fatal(err)
	}
	full, err := st.Render()
	if err != nil {
		t.Fatal(err)
	}
	compareFiles(t, builtFiles(t, out), full)
	for p, st := range stamps(t, out) {
		if st != before[p] && p != "en/index.html" && p != CacheFile && p != Marker {
			t.Errorf("the build wrote %s, which was as the last build left it", p)
		}
	}
}

// stamps returns the stamp of every file below dir, by slash-separated
// path.
func stamps(t *testing.T, dir string) map[string]stamp {
	t.Helper()
	out := map[string]stamp{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = stampOf(info)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteBuildRefusesKeptPagesWhenTheCacheWent: WriteBuild takes the
// last build's record from RenderInto rather than reading it again, but
// only while that record is still in the folder as RenderInto read it.
// When it went in between (another build into the same folder removes
// it before changing anything), the pages RenderInto kept can no longer
// be vouched for: the build fails, asks to be run again, and leaves the
// folder as it was.
func TestWriteBuildRefusesKeptPagesWhenTheCacheWent(t *testing.T) {
	fsys := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, "k")
	const page = "content/crime/burglary.en.md"
	fsys[page] = &fstest.MapFile{Data: append(slices.Clone(fsys[page].Data), "\nOne more line.\n"...)}
	_, in, files, pages := renderInto(t, fsys, out)
	if pages.Kept() == 0 {
		t.Fatal("RenderInto kept no pages after an edit to one page's text")
	}
	if err := os.Remove(filepath.Join(out, CacheFile)); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	err := WriteBuild(out, files, in, nil, pages)
	if err == nil || !strings.Contains(err.Error(), "changed while the build ran; build again") {
		t.Errorf("WriteBuild = %v, want it to say the folder changed while the build ran", err)
	}
	if after := readTree(t, out); !equalTrees(after, before) {
		t.Errorf("the refused build changed the folder: %v, want %v", keys(after), keys(before))
	}
}
