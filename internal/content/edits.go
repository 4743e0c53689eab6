package content

import (
	"cmp"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"weak"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

// lastLoad is what a Cache keeps of its last full load, so that the next
// load, when only the text of pages it read changed, can start from its
// Set instead of going through every page again (see loadEdits).
type lastLoad struct {
	set   *Set
	names []pageName
	// entries are those of names, nil where the file was not kept.
	entries []*entry
	index   map[string]int // file -> its place in names
	// nameProbs are the problems found before pages were read: in the
	// names of files, and in the images and PDFs.
	nameProbs problem.List
	// troubled are the places in names of the files with problems,
	// sorted, so that gathering problems need not go through every page.
	troubled []int
	// complete is set when every file could be read.
	complete bool
	listGen  int    // the listing's generation it was made from
	namesKey string // see namesKey
}

// remember keeps what a full load found, for loadEdits.
func (c *Cache) remember(s *Set, site *config.Site, names []pageName, nameProbs problem.List, complete bool) {
	if c == nil {
		return
	}
	last := &lastLoad{set: s, names: names, entries: make([]*entry, len(names)),
		index: make(map[string]int, len(names)), nameProbs: nameProbs, complete: complete,
		listGen: c.listing.gen, namesKey: namesKey(site)}
	for i, n := range names {
		last.entries[i] = c.entries[n.file]
		last.index[n.file] = i
		switch {
		case last.entries[i] == nil:
			last.complete = false
		case len(last.entries[i].problems(nil)) > 0:
			last.troubled = append(last.troubled, i)
		}
	}
	c.last = last
	c.edited = c.edited[:0]
}

// namesKey identifies what the names of page files are checked against:
// the languages of the site.
func namesKey(site *config.Site) string {
	codes := make([]string, 0, len(site.Languages))
	for _, l := range site.Languages {
		codes = append(codes, l.Code)
	}
	return site.DefaultLanguage + ";" + strings.Join(codes, ",")
}

// loadEdits is a load for the common case of the live preview: since the
// last load, only the text of page files it read changed. The files in
// the content folder are the same, and so are the languages, the
// contacts and what rendering takes from site.toml; every edited file is
// still a page. Then the new Set is the last one with the edited pages
// read again; only they are rendered and checked again (with the pages
// that translate them or that they translate), and the lists that show
// them are sorted again. fresh is the Set a full load would start from.
// It reports false, having changed nothing a full load relies on, when
// the case is not that one.
func (c *Cache) loadEdits(fsys fs.FS, site *config.Site, fresh *Set) (*Set, problem.List, bool) {
	if c == nil || c.last == nil {
		return nil, nil, false
	}
	last, prev := c.last, c.last.set
	gen := c.checkGen
	c.beginChecks(site)
	if !last.complete || last.listGen != c.listing.gen || last.namesKey != namesKey(site) ||
		fresh.renderKey() != c.renderKey || gen != c.checkGen {
		return nil, nil, false
	}
	var at []int // places in names of the edited files
	for _, f := range c.edited {
		i, ok := last.index[f]
		switch {
		case !ok && c.listing.holds(f):
			return nil, nil, false // not a page: a folder, an image, a bad name
		case !ok:
			continue // a file that came and went, such as sed's sedXXXXXX
		}
		if !slices.Contains(at, i) {
			at = append(at, i)
		}
	}
	slices.Sort(at)
	c.begin()
	reads := make([]readResult, len(at))
	for k, i := range at {
		reads[k] = readPage(fsys, last.names[i])
		if r := reads[k]; r.ok {
			n := last.names[i]
			c.entries[n.file] = &entry{id: n.id, kind: n.kind, lang: n.lang, page: r.page, parse: r.probs, load: c.load}
		}
	}
	for k, i := range at {
		if !reads[k].ok || reads[k].page == nil || last.entries[i].page == nil {
			return nil, nil, false // a page that came or went: the full load does it
		}
	}
	s := prev.withPages(reads)
	var todo []*Page
	var entries []*entry
	for _, i := range at {
		e := c.entries[last.names[i].file]
		todo = append(todo, e.page)
		entries = append(entries, e)
	}
	c.renderEdited(s, todo, entries)
	return s, c.editProblems(s, site, at), true
}

// withPages returns a copy of s with the pages of reads in place of those
// of the same files, and its lists sorted again where they show one.
func (s *Set) withPages(reads []readResult) *Set {
	n := *s
	n.pages = slices.Clone(s.pages)
	n.byID = maps.Clone(s.byID)
	n.children = maps.Clone(s.children)
	n.base, n.edited = weak.Make(s), nil
	for _, r := range reads {
		p := r.page
		i, _ := slices.BinarySearchFunc(n.pages, p.File, func(q *Page, file string) int { return cmp.Compare(q.File, file) })
		n.pages[i] = p
		if langs := n.byID[p.ID]; langs[p.Lang] != p {
			langs = maps.Clone(langs)
			langs[p.Lang] = p
			n.byID[p.ID] = langs
		}
		if !slices.Contains(n.edited, p.ID) {
			n.edited = append(n.edited, p.ID)
		}
		if p.Lang == n.source {
			n.relist(p)
		}
	}
	slices.Sort(n.edited)
	return &n
}

// relist puts the source page p in the list that shows it, in place of
// the page of the same id, and sorts the list again as indexChildren does.
func (s *Set) relist(p *Page) {
	list := ""
	switch {
	case p.Kind == Section, p.Kind == Regular && p.Section() == "":
	case p.Kind == Regular:
		list = p.Section()
	default:
		return // the home page is in no list
	}
	l := slices.Clone(s.children[list])
	for i, q := range l {
		if q.ID == p.ID {
			l[i] = p
		}
	}
	// indexChildren sorts stably from the pages in id order.
	slices.SortFunc(l, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	s.children[list] = l
}

// renderEdited renders the edited pages, as Cache.render does: the pages
// that can be linked to are the same, so no other page needs it.
func (c *Cache) renderEdited(s *Set, pages []*Page, entries []*entry) {
	var probs problem.List
	for i, found := range s.render(pages, &probs) {
		e, p := entries[i], pages[i]
		e.rendered, e.render, e.exists = true, found, map[string]bool{}
		for _, id := range p.links {
			e.exists[id] = s.linkable(id)
		}
	}
}

// editProblems gathers the problems of a Set made by loadEdits: those kept
// for each page, after checking again the pages of the edited ids, and
// those found across pages.
func (c *Cache) editProblems(s *Set, site *config.Site, at []int) problem.List {
	last := c.last
	for _, i := range at {
		last.entries[i] = c.entries[last.names[i].file]
	}
	touched := slices.Clone(at)
	for _, id := range s.edited {
		for _, p := range s.byID[id] {
			c.checkPage(s, p, site)
			touched = append(touched, last.index[p.File])
		}
	}
	// Only the pages checked again can have come to have problems, or
	// to have none.
	slices.Sort(touched)
	last.troubled = slices.DeleteFunc(last.troubled, func(i int) bool {
		_, found := slices.BinarySearch(touched, i)
		return found
	})
	for _, i := range slices.Compact(touched) {
		if len(last.entries[i].problems(nil)) > 0 {
			last.troubled = append(last.troubled, i)
		}
	}
	slices.Sort(last.troubled)
	probs := slices.Clone(last.nameProbs)
	for _, i := range last.troubled {
		probs = last.entries[i].problems(probs)
	}
	s.checkSite(&probs)
	s.checkLinks(&probs)
	probs.Sort()
	last.set = s
	c.edited = c.edited[:0]
	return probs
}

// problems appends to probs what the last load found in the entry's file.
func (e *entry) problems(probs problem.List) problem.List {
	probs = append(probs, e.parse...)
	if e.page != nil {
		probs = append(probs, e.checked.probs...)
		probs = append(probs, e.render...)
	}
	return probs
}

// EditedSince returns, sorted, the ids of the pages that differ between
// s and old, when s was made from old by taking in edits to pages' text
// (see Cache): pages that are not the same *Page in both are those. It
// reports false when s was not made that way, and old must be compared
// with s page by page.
func (s *Set) EditedSince(old *Set) ([]string, bool) {
	if s == nil || old == nil || s.base.Value() != old {
		return nil, false
	}
	return slices.Clone(s.edited), true
}

// attachable counts the images and PDFs among files.
func attachable(files []string) int {
	n := 0
	for _, f := range files {
		if Attachable(f) {
			n++
		}
	}
	return n
}
