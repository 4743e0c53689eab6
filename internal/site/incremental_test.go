package site

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"victimsite/internal/content"
)

// editStep is one of the edits an editor makes to the golden site, in
// turn: whether it leaves the site with errors, and how many pages the
// preview renders again after it (0 for all).
type editStep struct {
	name   string
	change func(t *testing.T, fsys fstest.MapFS) []string
	errors bool
	pages  int
}

// editSteps are the edits an editor makes to the golden site, in turn.
func editSteps() []editStep {
	const (
		burglary   = "content/crime/burglary.en.md"
		burglaryPL = "content/crime/burglary.pl.md"
		violence   = "content/crime/violence.en.md"
		section    = "content/crime/_index.en.md"
		home       = "content/_index.en.md"
		exitPage   = "content/help/exit-this-page.en.md"
		report     = "content/journey/report.en.md"
		court      = "content/journey/court.en.md"
		rights     = "content/journey/rights.en.md"
	)
	edit := func(file, old, new string) func(t *testing.T, fsys fstest.MapFS) []string {
		return func(t *testing.T, fsys fstest.MapFS) []string {
			t.Helper()
			data := string(fsys[file].Data)
			if !strings.Contains(data, old) {
				t.Fatalf("%s has no %q", file, old)
			}
			fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
			return []string{file}
		}
	}
	add := func(file, text string) func(t *testing.T, fsys fstest.MapFS) []string {
		return func(t *testing.T, fsys fstest.MapFS) []string {
			fsys[file] = &fstest.MapFile{Data: []byte(text)}
			return []string{file}
		}
	}
	remove := func(file string) func(t *testing.T, fsys fstest.MapFS) []string {
		return func(t *testing.T, fsys fstest.MapFS) []string {
			delete(fsys, file)
			return []string{file}
		}
	}
	rename := func(from, to string) func(t *testing.T, fsys fstest.MapFS) []string {
		return func(t *testing.T, fsys fstest.MapFS) []string {
			fsys[to] = fsys[from]
			delete(fsys, from)
			return []string{from, to}
		}
	}
	stalking := "---\ntitle: Stalking\nsummary: Being followed or watched.\nweight: 30\n---\nSee [burglary](burglary.md).\n"
	return []editStep{
		{"edit a page's title", edit(burglary, "title: Burglary", "title: Break-ins"), false, 3},
		{"edit a page's text", edit(burglary, "\n## ", "\nMore text.\n\n## "), false, 1},
		{"edit a translation's title", edit(burglaryPL, "title: Włamanie", "title: Włamanie do domu"), false, 3},
		{"add a page", add("content/crime/stalking.en.md", stalking), false, 3},
		{"add its translation", add("content/crime/stalking.pl.md", "---\ntitle: Nękanie\n---\nTekst.\n"), false, 3},
		{"remove the translation", remove("content/crime/stalking.pl.md"), false, 3},
		{"rename the page", rename("content/crime/stalking.en.md", "content/help/stalking.en.md"), true, 0},
		{"fix its link", edit("content/help/stalking.en.md", "(burglary.md)", "(../crime/burglary.md)"), false, 4},
		{"remove a page that others link to", remove(violence), true, 0},
		// The home page and burglary link to it, so their text is
		// rendered again.
		{"bring it back", add(violence, "---\ntitle: Violence\nsummary: Hurt by someone.\nweight: 20\n---\nText.\n"), false, 4},
		{"break the front matter", edit(burglary, "title: Break-ins", "title: [Break-ins"), true, 0},
		{"fix the front matter", edit(burglary, "title: [Break-ins", "title: Burglary again"), false, 3},
		{"edit a section's title", edit(section, "title: Types of crime", "title: Crimes"), false, 4},
		{"edit a section's text", edit(section, "Choose", "Please choose"), false, 1},
		{"reorder a section", edit(violence, "weight: 20", "weight: 1"), false, 3},
		{"edit a page others link to", edit(exitPage, "\n---\n", "\n---\nMore text.\n\n"), false, 1},
		{"edit the home page's text", edit(home, "You are not alone.", "You are never alone."), false, 1},
		// Each step names the others, in its list of steps and as the
		// previous or next step.
		{"edit a step's title", edit(report, "title: You report the crime", "title: Reporting"), false, 4},
		{"edit a step's text", edit(report, "a crime reference number", "a crime number"), false, 1},
		{"swap two steps", func(t *testing.T, fsys fstest.MapFS) []string {
			edit(report, "step: 1", "step: 2")(t, fsys)
			return append(edit(court, "step: 2", "step: 1")(t, fsys), report)
		}, false, 4},
		{"make a page a step", func(t *testing.T, fsys fstest.MapFS) []string {
			return edit(rights, "weight: 30", "weight: 30\nstep: 3")(t, fsys)
		}, false, 5},
		{"edit the home page's title", edit(home, "\ntitle: ", "\ntitle: Welcome, "), false, 0},
	}
}

// TestIncrementalMatchesFullBuild edits the golden site in the ways an
// editor does and checks, after each edit, that the Loader finds the same
// problems as Load, and that the files of the last build updated with
// RenderPages are byte for byte those of a full Render.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	steps := editSteps()
	fsys := goldenSite(t)
	var l Loader
	good, probs := l.Load(fsys)
	if probs.Errors() > 0 {
		t.Fatalf("the golden site has problems:\n%v", probs)
	}
	files, err := good.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			l.Forget(step.change(t, fsys)...)
			got, gotProbs := l.Load(fsys)
			want, wantProbs := Load(fsys)
			if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
				t.Fatalf("got problems\n%v\nwant (from Load)\n%v", gotProbs, wantProbs)
			}
			if (wantProbs.Errors() > 0) != step.errors {
				t.Fatalf("got %d errors, want errors: %v\n%v", wantProbs.Errors(), step.errors, wantProbs)
			}
			if step.errors {
				return
			}
			u := got.UpdateSince(good)
			part, err := got.RenderUpdate(u)
			if err != nil {
				t.Fatal(err)
			}
			next := Files{}
			for p, b := range files {
				next[p] = b
			}
			for _, p := range u.Removed {
				delete(next, p)
			}
			for p, b := range part {
				next[p] = b
			}
			full, err := want.Render()
			if err != nil {
				t.Fatal(err)
			}
			compareFiles(t, next, full)
			if step.pages != 0 && len(u.Pages)+len(u.Lists) != step.pages {
				t.Errorf("rendered pages %v and lists %v again, want %d of them", u.Pages, u.Lists, step.pages)
			}
			for _, id := range append(slices.Clone(u.Pages), u.Lists...) {
				for _, l := range got.Config.Languages {
					one, err := got.RenderPage(id, l.Code)
					if err != nil {
						t.Fatal(err)
					}
					if path := l.Code + "/" + content.Dir(id) + "index.html"; !bytes.Equal(one, full[path]) {
						t.Errorf("RenderPage(%q, %q) differs from %s in a full build", id, l.Code, path)
					}
				}
			}
			if isPartial := len(part) < len(full)-len(want.assets.files); isPartial != (step.pages != 0) {
				t.Errorf("rendered %d of %d files for %+v; want a partial render: %v", len(part), len(full), u, step.pages != 0)
			}
			good, files = got, next
		})
	}
}

func compareFiles(t *testing.T, got, want Files) {
	t.Helper()
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is published, but a full build has no such file", p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s is missing; a full build has it", p)
		case !bytes.Equal(g, want[p]):
			t.Errorf("%s differs from a full build:\n%s", p, firstDiff(g, want[p]))
		}
	}
}

// TestLoaderKeepsUnchangedPages checks that the Loader reads again only
// what it was told changed.
func TestLoaderKeepsUnchangedPages(t *testing.T) {
	fsys := goldenSite(t)
	var l Loader
	first, _ := l.Load(fsys)
	second, _ := l.Load(fsys)
	if ids := second.changedPages(first); len(ids) != 0 {
		t.Errorf("got changed pages %v with nothing forgotten, want none", ids)
	}
	// Unforgotten, a change is not seen: the Loader trusts its owner.
	fsys["content/crime/violence.en.md"].Data = bytes.Replace(fsys["content/crime/violence.en.md"].Data, []byte("title:"), []byte("title: New"), 1)
	third, _ := l.Load(fsys)
	if ids := third.changedPages(second); len(ids) != 0 {
		t.Errorf("got changed pages %v with nothing forgotten, want none", ids)
	}
	l.Forget("content/crime")
	fourth, _ := l.Load(fsys)
	got := fourth.changedPages(third)
	want := []string{"crime", "crime/burglary", "crime/violence"}
	if !slices.Equal(got, want) {
		t.Errorf("after forgetting content/crime, got changed pages %v, want %v", got, want)
	}
	l.ForgetAll()
	fifth, _ := l.Load(fsys)
	if got := fifth.changedPages(fourth); len(got) != len(fifth.Content.IDs()) {
		t.Errorf("after ForgetAll, got changed pages %v, want all %d", got, len(fifth.Content.IDs()))
	}
}

// TestLoaderKeepsUnchangedLayouts checks that the Loader reads the
// strings, layouts and assets again only when told that one changed.
func TestLoaderKeepsUnchangedLayouts(t *testing.T) {
	fsys := goldenSite(t)
	var l Loader
	l.Load(fsys)
	const page = "templates/page.html"
	fsys[page].Data = bytes.Replace(fsys[page].Data, []byte("<article>"), []byte(`<article class="edited">`), 1)
	fsys["locales/pl.toml"].Data = bytes.Replace(fsys["locales/pl.toml"].Data, []byte("\"\n"), []byte(" (edited)\"\n"), -1)
	rendered := func() string {
		t.Helper()
		s, probs := l.Load(fsys)
		if probs.Errors() > 0 {
			t.Fatal(probs)
		}
		files, err := s.Render()
		if err != nil {
			t.Fatal(err)
		}
		return string(files["pl/crime/burglary/index.html"])
	}
	if strings.Contains(rendered(), "edited") {
		t.Error("the Loader read a layout or strings again without being told they changed")
	}
	l.Forget("content/crime/burglary.en.md")
	if strings.Contains(rendered(), "edited") {
		t.Error("the Loader read a layout or strings again when a page changed")
	}
	l.Forget(page)
	html := rendered()
	if !strings.Contains(html, `<article class="edited">`) || !strings.Contains(html, "(edited)") {
		t.Error("after Forget, the Loader did not read the layouts and strings again")
	}
}

// TestUpdateSplitsPagesFromLists checks which pages an edit renders as
// changed and which only because they list a changed page.
func TestUpdateSplitsPagesFromLists(t *testing.T) {
	const file = "content/crime/burglary.en.md"
	for _, tt := range []struct {
		name, old, new string
		lists          []string
	}{
		{"text", "\n## ", "\nMore.\n\n## ", nil},
		{"title", "title: Burglary", "title: Break-ins", []string{"", "crime"}},
		{"weight", "weight: 20", "weight: 40", []string{"", "crime"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goldenSite(t)
			var l Loader
			old, _ := l.Load(fsys)
			fsys[file].Data = bytes.Replace(fsys[file].Data, []byte(tt.old), []byte(tt.new), 1)
			l.Forget(file)
			now, _ := l.Load(fsys)
			u := now.UpdateSince(old)
			if !slices.Equal(u.Pages, []string{"crime/burglary"}) || !slices.Equal(u.Lists, tt.lists) || u.All || u.Sitemap || len(u.Removed) > 0 {
				t.Errorf("got %+v, want pages [crime/burglary] and lists %q", u, tt.lists)
			}
		})
	}
}
