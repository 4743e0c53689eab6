package serve

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"time"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/problem"
	"victimsite/internal/site"
)

// builder turns changes into snapshots. It keeps the last good site and
// its files, so that a content change renders only the pages it touches.
type builder struct {
	fsys      fs.FS
	dir       string // for naming files in problems; "" for the built-in site
	configure func(*site.Site)
	check     func(*site.Site) problem.List
	loader    site.Loader

	good  *site.Site // the last site that built
	files site.Files // its files; a lazy file's entry here is out of date
	lazy  lazyFiles  // its files that are made when first asked for
	full  bool       // something other than content changed since good
	count int        // builds so far, to name them
	start int64      // names this run of the preview, so pages from an earlier one reload
}

// build loads the site again after a change and renders what the change
// needs. It always returns a snapshot to serve.
func (b *builder) build(ch Change) (Build, *snapshot) {
	began := time.Now()
	if b.start == 0 {
		b.start = began.UnixNano()
	}
	b.count++
	res := Build{Change: ch}
	b.note(ch)
	st, probs := b.loader.Load(b.fsys)
	if st != nil && b.check != nil {
		probs = append(probs, b.check(st)...)
		probs.Sort()
	}
	res.Problems = probs
	snap := &snapshot{id: fmt.Sprintf("%x-%d", b.start, b.count), files: b.files, lazy: b.lazy}
	if st == nil || probs.Errors() > 0 {
		snap.fail = b.failure(probs, nil)
		res.Took = time.Since(began)
		return res, snap
	}
	if b.configure != nil {
		b.configure(st)
	}
	leaflets := deferLeaflets(st)
	files, lists, err := b.render(st, &res)
	if err != nil {
		res.Err = err
		snap.fail = b.failure(probs, err)
		res.Took = time.Since(began)
		return res, snap
	}
	for p, f := range leaflets {
		lists[p] = f
	}
	b.good, b.files, b.lazy, b.full = st, files, lists, false
	snap.files, snap.lazy = files, lists
	res.Took = time.Since(began)
	return res, snap
}

// note tells the loader which files to read again, and marks a change to
// anything but content as needing a full render.
func (b *builder) note(ch Change) {
	if ch.Lost {
		b.loader.ForgetAll()
		b.full = true
	}
	b.loader.Forget(ch.Others...) // files in content/ that are not pages, to report
	for _, p := range ch.Paths {
		b.loader.Forget(p)
		switch {
		case p == content.Folder || strings.HasPrefix(p, content.Folder+"/"):
		case p == config.File:
			b.loader.ForgetAll() // the languages may have changed
			b.full = true
		default:
			b.full = true
		}
	}
}

// render renders everything, or the pages that changed since the last
// good build, returning the files to serve and those to make when first
// asked for: the pages that list what changed (each home page of a site of
// thousands of pages lists them all, and takes a while to render).
func (b *builder) render(st *site.Site, res *Build) (site.Files, lazyFiles, error) {
	var u site.Update
	if b.good != nil && !b.full {
		u = st.UpdateSince(b.good)
	}
	if b.good == nil || b.full || u.All {
		files, err := st.Render()
		res.Pages, res.Full = countPages(files), true
		return files, lazyFiles{}, err
	}
	part, err := st.RenderUpdate(site.Update{Pages: u.Pages, Removed: u.Removed, Sitemap: u.Sitemap})
	if err != nil {
		return nil, nil, err
	}
	files := maps.Clone(b.files) // far quicker than a copy file by file
	lists := b.lazy.lists(files)
	for _, p := range u.Removed {
		delete(files, p)
		delete(lists, p)
	}
	// The images and PDFs that no page links to any more are published
	// no more; RenderUpdate gives those that are.
	for p := range b.good.Content.Files() {
		if _, ok := st.Content.Files()[p]; !ok {
			delete(files, p)
		}
	}
	for p, data := range part {
		files[p] = data
		delete(lists, p)
	}
	for _, id := range u.Lists {
		for i, p := range st.PageFiles(id) {
			lang := st.Config.Languages[i].Code
			lists[p] = &lazyFile{list: true, make: func() ([]byte, error) { return st.RenderPage(id, lang) }}
			if _, ok := files[p]; !ok {
				files[p] = nil
			}
		}
	}
	res.Pages, res.Lists = countPages(part), len(u.Lists)*len(st.Config.Languages)
	return files, lists, nil
}

// deferLeaflets swaps the site's leaflet maker for one that makes nothing,
// and returns the real leaflets to make when a reader asks for one: a PDF
// per language on every keystroke would slow the preview down.
func deferLeaflets(st *site.Site) lazyFiles {
	real := st.Leaflet
	if real == nil {
		return nil
	}
	st.Leaflet = func(string) ([]byte, error) { return nil, nil }
	lazy := lazyFiles{}
	for _, l := range st.Config.Languages {
		code := l.Code
		lazy[code+"/leaflet.pdf"] = &lazyFile{make: func() ([]byte, error) { return real(code) }}
	}
	return lazy
}

func countPages(files site.Files) int {
	n := 0
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	return n
}

// failure lists the problems as the terminal prints them, errors first.
func (b *builder) failure(probs problem.List, err error) *failure {
	f := &failure{}
	for _, warnings := range []bool{false, true} {
		for _, p := range probs {
			if p.Warning == warnings {
				p.File = display(b.dir, p.File)
				f.Problems = append(f.Problems, p.String())
			}
		}
	}
	if err != nil {
		f.Err = err.Error()
	}
	return f
}

// line is the build's line in the terminal.
func (r Build) line(dir string) string {
	what := "built the site"
	if len(r.Change.Paths) > 0 || r.Change.Lost {
		what = describe(r.Change) + " changed"
	}
	took := r.Took.Round(time.Millisecond)
	if r.Took < 10*time.Millisecond {
		took = r.Took.Round(100 * time.Microsecond)
	}
	stamp := time.Now().Format("15:04:05")
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s %s: the build failed after %s: %v (shown in the browser)", stamp, what, took, r.Err)
	case r.Problems.Errors() > 0:
		n := r.Problems.Errors()
		first := ""
		for _, p := range r.Problems {
			if !p.Warning {
				p.File = display(dir, p.File)
				first = p.String()
				break
			}
		}
		return fmt.Sprintf("%s %s: %d %s, shown in the browser; the first: %s", stamp, what, n, plural(n, "problem", "problems"), first)
	}
	line := fmt.Sprintf("%s %s: rendered %d %s in %s", stamp, what, r.Pages, plural(r.Pages, "page", "pages"), took)
	if r.Lists > 0 {
		line += fmt.Sprintf("; %d %s that list %s follow", r.Lists, plural(r.Lists, "page", "pages"), plural(r.Pages, "it", "them"))
	}
	return line
}

func describe(ch Change) string {
	switch {
	case len(ch.Paths) == 0:
		return "something (events were lost)"
	case len(ch.Paths) == 1:
		return ch.Paths[0]
	}
	return fmt.Sprintf("%s and %d more", ch.Paths[0], len(ch.Paths)-1)
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// display names a site file as the user can open it.
func display(dir, file string) string {
	switch dir {
	case "":
		return "(built-in site)/" + file
	case ".":
		return file
	}
	return filepath.Join(dir, filepath.FromSlash(file))
}
