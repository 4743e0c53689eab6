package serve

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"victimsite/internal/site"
)

// TestRebuildMatchesFullBuild edits a site at random, many times over,
// telling the preview's builder what changed as the watcher would, and
// after every edit checks that the preview serves exactly what a full
// build of the folder gives: the same problems, and when it builds, the
// same files, byte for byte. The edits are those an editor makes: the
// text, the title or the order of a page, a new page or translation, a
// translation still in English, a file removed, front matter broken and
// then mended, an image, a folder made or removed, a note left in the
// content folder, several files at once, a change to site.toml.
func TestRebuildMatchesFullBuild(t *testing.T) {
	// Seed 23 once found images that no page linked to any more still
	// served after their folder was removed.
	for _, seed := range []uint64{1, 2, 3, 23} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			e := &editor{t: t, dir: goldenSite(t), rnd: rand.New(rand.NewPCG(seed, 16))}
			b := &builder{fsys: os.DirFS(e.dir), dir: e.dir}
			e.compare(b, Change{}, "the first build")
			for step := range 40 {
				what, ch := e.edit(step)
				e.compare(b, ch, fmt.Sprintf("step %d (%s)", step, what))
				if t.Failed() {
					return
				}
			}
			if e.quick == 0 {
				t.Error("no build took in edits alone: the test missed the preview's quick way")
			}
		})
	}
}

// editor makes random edits to a site folder.
type editor struct {
	t   *testing.T
	dir string
	rnd *rand.Rand
	// damage holds, for each edit that made the site fail to build not
	// yet mended, what its files held before (nil: no file), so that the
	// site builds about half of the time.
	damage []map[string]*string
	quick  int // builds that took in edits alone (content.Set.EditedSince)
}

// edit makes one random edit and returns what it did and the change the
// watcher would report.
func (e *editor) edit(step int) (string, Change) {
	edits := []struct {
		name string
		do   func(n int) []string
	}{
		{"text", e.text}, {"text", e.text}, {"title", e.title}, {"weight", e.weight},
		{"new page", e.newPage}, {"translation", e.translation}, {"still English", e.stillEnglish},
		{"remove", e.remove}, {"remove new", e.removeNew}, {"break", e.breakFile}, {"image", e.image},
		{"sed -i", e.sed}, {"folder", e.folder}, {"remove folder", e.removeFolder}, {"note", e.note},
		{"two at once", e.two}, {"site.toml", e.config},
	}
	ed := edits[e.rnd.IntN(len(edits))]
	if len(e.damage) > 0 && e.rnd.IntN(2) == 0 {
		ed.name, ed.do = "mend", e.mend
	}
	paths := ed.do(step)
	var ch Change
	for _, p := range paths {
		// Notes and sed's files are the only files the edits make that
		// are not part of a site: the watcher reports them apart.
		if strings.HasSuffix(p, ".txt") || strings.HasPrefix(path.Base(p), "sed") {
			ch.Others = append(ch.Others, p)
		} else {
			ch.Paths = append(ch.Paths, p)
		}
	}
	slices.Sort(ch.Paths)
	if len(ch.Paths) == 0 {
		return ed.name, ch // a note alone starts no build; build anyway, as the next change would
	}
	return ed.name + " " + strings.Join(paths, ", "), ch
}

// pages lists the page files in the site, sorted.
func (e *editor) pages(lang string) []string {
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, "."+lang+".md") {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func (e *editor) pick(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return files[e.rnd.IntN(len(files))]
}

func (e *editor) anyPage() string {
	langs := []string{"en", "en", "pl", "lt", "ar"}
	return e.pick(e.pages(langs[e.rnd.IntN(len(langs))]))
}

func (e *editor) read(file string) string {
	data, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(file)))
	if err != nil {
		return ""
	}
	return string(data)
}

func (e *editor) write(file, text string) []string {
	writeFile(e.t, e.dir, file, text)
	return []string{file}
}

func (e *editor) text(n int) []string {
	file := e.anyPage()
	if file == "" {
		return nil
	}
	return e.write(file, e.read(file)+fmt.Sprintf("\nA line added in edit %d.\n", n))
}

func (e *editor) title(n int) []string {
	file := e.anyPage()
	if file == "" || !strings.Contains(e.read(file), "\ntitle: ") {
		return nil
	}
	return e.write(file, strings.Replace(e.read(file), "\ntitle: ", fmt.Sprintf("\ntitle: %c%d ", 'A'+e.rnd.IntN(26), n), 1))
}

func (e *editor) weight(n int) []string {
	file := e.pick(e.pages("en"))
	if file == "" || !strings.HasPrefix(e.read(file), "---\n") {
		return nil
	}
	line := fmt.Sprintf("weight: %d", e.rnd.IntN(50))
	if text := e.read(file); weightLine.MatchString(text) {
		return e.write(file, weightLine.ReplaceAllLiteralString(text, line))
	}
	return e.write(file, strings.Replace(e.read(file), "---\n", "---\n"+line+"\n", 1))
}

var weightLine = regexp.MustCompile(`(?m)^weight: .*$`)

func (e *editor) newPage(n int) []string {
	dirs := []string{"content/crime", "content/help", "content"}
	file := fmt.Sprintf("%s/page-%d.en.md", e.pick(dirs), n)
	return e.write(file, fmt.Sprintf("---\ntitle: Page %d\nsummary: What page %d is about.\nweight: %d\n---\nSee [violence](/crime/violence/).\n", n, n, e.rnd.IntN(40)))
}

func (e *editor) translation(n int) []string {
	src := e.pick(e.pages("en"))
	if src == "" {
		return nil
	}
	file := strings.TrimSuffix(src, ".en.md") + ".pl.md"
	return e.write(file, fmt.Sprintf("---\ntitle: Strona %d\nsummary: O czym jest.\n---\nTekst po polsku %d.\n\n## Jak to działa {#how-it-works}\n\nTekst.\n", n, n))
}

func (e *editor) stillEnglish(int) []string {
	src := e.pick(e.pages("en"))
	if src == "" {
		return nil
	}
	file := strings.TrimSuffix(src, ".en.md") + ".lt.md"
	e.keep(file)
	return e.write(file, e.read(src))
}

// sed edits a page as sed -i does: it writes a new file beside it, then
// renames that over the page.
func (e *editor) sed(n int) []string {
	file := e.anyPage()
	if file == "" {
		return nil
	}
	tmp := path.Dir(file) + fmt.Sprintf("/sed%06d", n)
	e.write(tmp, e.read(file)+fmt.Sprintf("\nA line added by sed in edit %d.\n", n))
	if err := os.Rename(filepath.Join(e.dir, filepath.FromSlash(tmp)), filepath.Join(e.dir, filepath.FromSlash(file))); err != nil {
		e.t.Fatal(err)
	}
	return []string{file, tmp}
}

// keep notes what the files hold before an edit that breaks the site.
func (e *editor) keep(files ...string) {
	group := map[string]*string{}
	for _, f := range files {
		if data, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(f))); err == nil {
			text := string(data)
			group[f] = &text
		} else {
			group[f] = nil
		}
	}
	e.damage = append(e.damage, group)
}

func (e *editor) remove(int) []string {
	file := e.anyPage()
	if file == "" {
		return nil
	}
	e.keep(file)
	if err := os.Remove(filepath.Join(e.dir, filepath.FromSlash(file))); err != nil {
		e.t.Fatal(err)
	}
	return []string{file}
}

// removeNew removes a page that an earlier edit made.
func (e *editor) removeNew(int) []string {
	var made []string
	for _, f := range e.pages("en") {
		if strings.Contains(f, "/page-") {
			made = append(made, f)
		}
	}
	file := e.pick(made)
	if file == "" {
		return nil
	}
	if err := os.Remove(filepath.Join(e.dir, filepath.FromSlash(file))); err != nil {
		e.t.Fatal(err)
	}
	return []string{file}
}

func (e *editor) breakFile(int) []string {
	file := e.anyPage()
	if file == "" {
		return nil
	}
	e.keep(file)
	return e.write(file, "---\ntitle: [\n---\nBroken.\n")
}

// mend puts back what an edit that broke the site changed, undoing later
// edits to the same files.
func (e *editor) mend(int) []string {
	i := e.rnd.IntN(len(e.damage))
	group := e.damage[i]
	e.damage = slices.Delete(e.damage, i, i+1)
	var paths []string
	for f, text := range group {
		full := filepath.Join(e.dir, filepath.FromSlash(f))
		if text == nil {
			if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
				e.t.Fatal(err)
			}
		} else {
			writeFile(e.t, e.dir, f, *text)
		}
		paths = append(paths, f)
	}
	slices.Sort(paths)
	return paths
}

func (e *editor) image(n int) []string {
	file := e.pick(e.pages("en"))
	if file == "" {
		return nil
	}
	img := fmt.Sprintf("%s/map-%d.png", path.Dir(file), n)
	e.write(img, fmt.Sprintf("not really a PNG %d", n))
	return append(e.write(file, e.read(file)+fmt.Sprintf("\n![A map](map-%d.png)\n", n)), img)
}

func (e *editor) folder(n int) []string {
	dir := fmt.Sprintf("content/court-%d", n%3)
	e.write(dir+"/_index.en.md", fmt.Sprintf("---\ntitle: Court %d\nsummary: Going to court.\n---\nText.\n", n))
	e.write(dir+"/witness.en.md", fmt.Sprintf("---\ntitle: Being a witness %d\nsummary: What happens.\nstep: 1\n---\nText.\n", n))
	return []string{dir}
}

func (e *editor) removeFolder(n int) []string {
	dir := fmt.Sprintf("content/court-%d", n%3)
	if e.rnd.IntN(3) == 0 {
		dir = "content/help"
		var files []string
		filepath.WalkDir(filepath.Join(e.dir, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(e.dir, p)
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		e.keep(files...)
	}
	if err := os.RemoveAll(filepath.Join(e.dir, filepath.FromSlash(dir))); err != nil {
		e.t.Fatal(err)
	}
	return []string{dir}
}

// note leaves a note in the content folder, which is not part of a site.
func (e *editor) note(n int) []string {
	file := fmt.Sprintf("content/crime/notes-%d.txt", n)
	e.keep(file)
	return e.write(file, "a note\n")
}

func (e *editor) two(n int) []string {
	return append(e.text(n), e.title(n)...)
}

func (e *editor) config(n int) []string {
	return e.write("site.toml", e.read("site.toml")+fmt.Sprintf("\n# edit %d\n", n))
}

// compare builds after the change ch and checks what the preview serves
// against a full build of the folder.
func (e *editor) compare(b *builder, ch Change, when string) {
	t := e.t
	t.Helper()
	prev := b.good
	res, snap := b.build(ch)
	if prev != nil && b.good != prev {
		if _, quick := b.good.Content.EditedSince(prev.Content); quick {
			e.quick++
		}
	}
	st, probs := site.Load(os.DirFS(e.dir))
	if g, w := fmt.Sprint(res.Problems), fmt.Sprint(probs); g != w {
		t.Errorf("%s: the preview finds\n%s\nbut a full build finds\n%s", when, g, w)
	}
	if st == nil || probs.Errors() > 0 {
		want := b.failure(probs, nil)
		switch {
		case snap.fail == nil:
			t.Errorf("%s: the preview built, but a full build fails: %v", when, probs)
		case !slices.Equal(snap.fail.Problems, want.Problems):
			t.Errorf("%s: the preview shows\n%s\nbut a full build finds\n%s", when,
				strings.Join(snap.fail.Problems, "\n"), strings.Join(want.Problems, "\n"))
		}
		return
	}
	if snap.fail != nil {
		t.Errorf("%s: the preview failed with %v %q, but a full build works", when, snap.fail.Problems, snap.fail.Err)
		return
	}
	want, err := st.Render()
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	got := map[string][]byte{}
	for p, data := range snap.files {
		if l := snap.lazy[p]; l != nil {
			if data, err = l.get(); err != nil {
				t.Errorf("%s: making %s: %v", when, p, err)
			}
		}
		got[p] = data
	}
	for p, w := range want {
		switch g, ok := got[p]; {
		case !ok:
			t.Errorf("%s: the preview has no %s", when, p)
		case !bytes.Equal(g, w):
			t.Errorf("%s: the preview's %s differs from a full build's:\n%s", when, p, firstDifference(g, w))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: the preview has %s, which a full build does not make", when, p)
		}
	}
}

// firstDifference shows where two files first differ.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("got  …%s…\nwant …%s…", got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
