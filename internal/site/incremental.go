package site

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/problem"
)

// Loader loads the same site folder again and again, as the live preview
// does after each edit, keeping what has not changed: the pages whose files
// were not forgotten (see content.Cache), and the strings, layouts and
// assets while nothing in site.toml, locales/ or templates/ was. Its
// owner says which files changed with Forget. The zero value is ready to
// use; a Loader is not safe for concurrent use.
type Loader struct {
	cache  content.Cache
	chrome *chrome
	probs  problem.List // the problems loading chrome found
}

// Load is Load, reading again only what is new or forgotten since the
// last Load through l.
func (l *Loader) Load(fsys fs.FS) (*Site, problem.List) {
	return load(fsys, l.cache.Load, l.loadChrome)
}

func (l *Loader) loadChrome(fsys fs.FS, cfg *config.Site) (chrome, problem.List) {
	if l.chrome == nil {
		ch, probs := loadChrome(fsys, cfg)
		l.chrome, l.probs = &ch, probs
	}
	return *l.chrome, slices.Clone(l.probs)
}

// Forget makes the next Load read again the given files and folders
// (slash-separated paths in the site folder).
func (l *Loader) Forget(paths ...string) {
	for _, p := range paths {
		if p != content.Folder && !strings.HasPrefix(p, content.Folder+"/") {
			l.chrome = nil
		}
	}
	l.cache.Forget(paths...)
}

// ForgetAll makes the next Load read everything again.
func (l *Loader) ForgetAll() {
	l.chrome = nil
	l.cache.ForgetAll()
}

// Update is what changed in the published files between two loads of a
// site whose settings, strings and layouts did not change.
type Update struct {
	// Pages are the ids of the pages that changed, to render again in
	// every language.
	Pages []string
	// Lists are the ids of the pages that show them, in lists or in
	// breadcrumbs, to render again too.
	Lists []string
	// Removed are the files of pages that are gone.
	Removed []string
	// Sitemap is set when a page or a translation came or went.
	Sitemap bool
	// All is set when everything must be rendered again: the home
	// page's title is in every breadcrumb.
	All bool
}

// UpdateSince works out what changed since old, which the same Loader
// loaded (a page the Loader kept is the same page; one it read again is
// not). A page is rendered again when it changed, in any language, or
// when it shows one that changed in a way it shows: the home page and a
// section list their pages' titles and summaries in the order of their
// steps, weights and titles, a page's breadcrumbs name its section, and
// each step of a step-by-step names every other.
func (s *Site) UpdateSince(old *Site) Update {
	var u Update
	render := map[string]bool{} // id -> whether the page itself changed
	list := func(id string) {
		if _, ok := render[id]; !ok {
			render[id] = false
		}
	}
	src := s.Content.Source()
	for _, id := range s.changedPages(old) {
		now := s.Content.Get(id, src)
		if now == nil {
			u.Removed = append(u.Removed, s.PageFiles(id)...)
		} else {
			render[id] = true
		}
		if !s.sameLanguages(old, id) {
			u.Sitemap = true
		}
		if s.sameListing(old, id) {
			continue
		}
		if id == "" {
			return Update{All: true}
		}
		list("")
		if p := old.Content.Get(id, src); p != nil && p.Section() != id && p.Section() != "" {
			list(p.Section())
		}
		if now != nil && now.Section() != id && now.Section() != "" {
			list(now.Section())
		}
		if now != nil && now.Kind == content.Section {
			for _, c := range s.Content.Children(id) {
				list(c.ID)
			}
		}
		// The pages of a step-by-step show every step's title.
		for _, p := range []*content.Page{old.Content.Get(id, src), now} {
			if p != nil && p.Step > 0 {
				for _, c := range s.Content.Children(p.Section()) {
					if c.Step > 0 {
						list(c.ID)
					}
				}
			}
		}
	}
	for id, changed := range render {
		switch {
		case s.Content.Get(id, src) == nil:
		case changed:
			u.Pages = append(u.Pages, id)
		default:
			u.Lists = append(u.Lists, id)
		}
	}
	slices.Sort(u.Pages)
	slices.Sort(u.Lists)
	slices.Sort(u.Removed)
	return u
}

// changedPages returns, sorted, the ids of the pages that were added,
// removed or changed in any language since old.
func (s *Site) changedPages(old *Site) []string {
	if ids, ok := s.Content.EditedSince(old.Content); ok {
		return ids // the live preview's common case, without going through every page
	}
	changed := map[string]bool{}
	for _, p := range s.Content.Pages() {
		if old.Content.Get(p.ID, p.Lang) != p {
			changed[p.ID] = true
		}
	}
	for _, p := range old.Content.Pages() {
		if s.Content.Get(p.ID, p.Lang) == nil {
			changed[p.ID] = true
		}
	}
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// sameLanguages reports whether the page id exists in the same languages
// in s and old.
func (s *Site) sameLanguages(old *Site, id string) bool {
	for _, l := range s.Config.Languages {
		if (s.Content.Get(id, l.Code) == nil) != (old.Content.Get(id, l.Code) == nil) {
			return false
		}
	}
	return true
}

// sameListing reports whether the page id shows the same in lists and
// breadcrumbs in s and old: in the same place, with the same title and
// summary in every language.
func (s *Site) sameListing(old *Site, id string) bool {
	src := s.Content.Source()
	a, b := s.Content.Get(id, src), old.Content.Get(id, src)
	if a == nil || b == nil || a.Kind != b.Kind || a.Weight != b.Weight || a.Step != b.Step {
		return false
	}
	for _, l := range s.Config.Languages {
		a, b := s.Content.Get(id, l.Code), old.Content.Get(id, l.Code)
		if (a == nil) != (b == nil) || a != nil && (a.Title != b.Title || a.Summary != b.Summary) {
			return false
		}
	}
	return true
}

// RenderUpdate renders what u says changed, leaflets aside, and gives the
// images and PDFs that pages link to. Merged into
// the files Render gave for the site before, less u.Removed, they are
// what Render gives now.
func (s *Site) RenderUpdate(u Update) (Files, error) {
	if s == nil || s.layouts == nil || s.Content == nil {
		return nil, ErrNotRenderable
	}
	if u.All {
		return s.Render()
	}
	files, err := s.execute(s.pageJobs(append(slices.Clone(u.Pages), u.Lists...)))
	if err != nil {
		return nil, err
	}
	if u.Sitemap {
		files["sitemap.xml"] = s.sitemap()
	}
	// The images and PDFs beside pages are few; a page may link to a new
	// one, so they are all given again.
	for p, b := range s.Content.Files() {
		files[p] = b
	}
	return files, nil
}

// RenderPage renders the page with the given id in one language, as
// Render does, for a preview that renders a page only when it is asked
// for.
func (s *Site) RenderPage(id, lang string) ([]byte, error) {
	if s == nil || s.layouts == nil || s.Content == nil {
		return nil, ErrNotRenderable
	}
	l, ok := s.Config.Language(lang)
	if !ok || s.Content.Get(id, s.Content.Source()) == nil {
		return nil, fmt.Errorf("render: there is no page %q in %q", id, lang)
	}
	v := s.pageView(id, l, s.Locales.Lang(lang))
	path := lang + "/" + content.Dir(id) + "index.html"
	files, err := s.execute([]job{{path: path, kind: v.Kind, view: v}})
	return files[path], err
}

// PageFiles returns the files the page with the given id is published
// as, one per language, whether or not the page exists.
func (s *Site) PageFiles(id string) []string {
	out := make([]string, 0, len(s.Config.Languages))
	for _, l := range s.Config.Languages {
		out = append(out, l.Code+"/"+content.Dir(id)+"index.html")
	}
	return out
}
