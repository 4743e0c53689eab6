package content

import (
	"hash/maphash"
	"io/fs"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

// Cache keeps the pages of one site folder between loads, so that the live
// preview reads, parses and renders again only what changed: on a large
// site, reading every file alone takes longer than an editor will wait.
//
// The cache does not look at the disk to find what changed; its owner, who
// watches the folder, says so with Forget, naming every file or folder in
// content/ that was written, made or removed (a note too, which a load
// reports). The content folder is walked once, and after that only what
// was forgotten is looked at again. A page whose file was not forgotten
// is taken as it was, and its rendered body is kept while every page it
// links to still exists (or still does not); what checking it found is
// kept while the page it translates and its section are the same. When
// only the text of pages changed, a load starts from the last Set instead
// of going through every page (see loadEdits). The zero value is ready to
// use; a Cache is not safe for concurrent use.
type Cache struct {
	entries map[string]*entry // by file, e.g. "content/crime/burglary.pl.md"
	load    int               // counts loads, to find the entries a load did not see
	// linkable identifies the pages that could be linked to in the last
	// load; while it is the same, no rendered body needs checking.
	linkable uint64
	seed     maphash.Seed
	// renderKey is what the last load's rendering took from site.toml
	// (see Set.renderKey): when it changes, every page is rendered again.
	renderKey string
	listing   listing // the files in the content folder
	// checkKey is what the last load's checks took from site.toml (see
	// checkKey): when it changes, every page is checked again.
	checkKey string
	checkGen int
	// last is what the last full load found, and edited the page files
	// forgotten since the last load: see loadEdits.
	last   *lastLoad
	edited []string
}

// entry is what one file gave the last time it was read.
type entry struct {
	id, lang string
	kind     Kind
	page     *Page        // nil when the file could not be parsed
	parse    problem.List // the problems Parse found
	load     int          // the last load that saw the file
	// rendered is set once page.HTML is rendered; render holds the
	// problems found then, and exists whether each linked page existed.
	rendered bool
	render   problem.List
	exists   map[string]bool
	// checked holds what checking the page found, with what the checks
	// took from other pages (see checkPage).
	checked *checked
}

// Load is Load, reading again only the files that are new or forgotten
// since the last Load through c. Pages it returns may be shared with the
// Sets of earlier loads; none of them is changed after it is returned.
func (c *Cache) Load(fsys fs.FS, site *config.Site) (*Set, problem.List) {
	return load(fsys, site, c)
}

// Forget drops what the cache holds for the given slash-separated paths in
// the site folder, and for everything under those that are folders, so
// the next Load reads them again.
func (c *Cache) Forget(paths ...string) {
	for _, p := range paths {
		if p == Folder || strings.HasPrefix(p, Folder+"/") {
			c.listing.forget(p)
			c.edited = append(c.edited, p)
		}
		delete(c.entries, p)
		prefix := strings.TrimSuffix(p, "/") + "/"
		for file := range c.entries {
			if strings.HasPrefix(file, prefix) {
				delete(c.entries, file)
			}
		}
	}
}

// ForgetAll empties the cache, for when changes may have been missed.
func (c *Cache) ForgetAll() {
	c.entries = nil
	c.linkable = 0
	c.listing = listing{gen: c.listing.gen + 1}
	c.last = nil
}

// begin starts a load.
func (c *Cache) begin() {
	if c == nil {
		return
	}
	if c.entries == nil {
		c.entries = map[string]*entry{}
		c.seed = maphash.MakeSeed()
	}
	c.load++
}

// parseName is parseName, remembered for files read before.
func (c *Cache) parseName(file string, probs *problem.List) (id string, kind Kind, lang string, ok bool) {
	if c != nil {
		if e, hit := c.entries[file]; hit {
			return e.id, e.kind, e.lang, true
		}
	}
	return parseName(file, probs)
}

// pageName is a page file and what its name says.
type pageName struct {
	file, id string // id lower-cased
	kind     Kind
	lang     string
}

// readResult is what reading one page file gave: ok is false when the
// file could not be read, and page is nil when it could not be parsed.
type readResult struct {
	page  *Page
	probs problem.List
	ok    bool
}

// readAll returns the page in each named file, from the cache or read
// and parsed afresh, several files at once, and keeps the new ones.
func (c *Cache) readAll(fsys fs.FS, names []pageName) []readResult {
	out := make([]readResult, len(names))
	fresh := make([]bool, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, n := range names {
		if c != nil {
			if e, hit := c.entries[n.file]; hit {
				e.load = c.load
				out[i] = readResult{e.page, e.parse, true}
				continue
			}
		}
		fresh[i] = true
		g.Go(func() error {
			out[i] = readPage(fsys, n)
			return nil
		})
	}
	g.Wait()
	if c != nil {
		for i, n := range names {
			if fresh[i] && out[i].ok {
				c.entries[n.file] = &entry{id: n.id, kind: n.kind, lang: n.lang, page: out[i].page, parse: out[i].probs, load: c.load}
			}
		}
	}
	return out
}

// readPage reads and parses one page file.
func readPage(fsys fs.FS, n pageName) readResult {
	var r readResult
	data, err := fs.ReadFile(fsys, n.file)
	if err != nil {
		r.probs.Add(n.file, 0, "cannot read: %v", err)
		return r
	}
	r.ok = true
	r.page = Parse(n.file, data, &r.probs)
	if r.page != nil {
		r.page.ID, r.page.Kind, r.page.Lang = n.id, n.kind, n.lang
	}
	return r
}

// render renders the Markdown of the pages of s that need it: with no
// cache, every page; with one, the pages read afresh and those whose links
// now point at pages that have come or gone. A cached page is copied
// before it is rendered again, as earlier Sets may still hold it.
func (c *Cache) render(s *Set, probs *problem.List) {
	if c == nil {
		s.render(s.pages, probs)
		return
	}
	linkable := c.fingerprint(s)
	check := linkable != c.linkable
	key := s.renderKey()
	same := key == c.renderKey
	var todo []*Page
	var entries []*entry
	for i, p := range s.pages {
		e := c.entries[p.File]
		if e.rendered && same && (!check || c.stillValid(s, e)) {
			*probs = append(*probs, e.render...)
			continue
		}
		if e.rendered {
			cp := *p
			cp.links, cp.anchors, cp.fragments, cp.files, cp.HTML, cp.Headings = nil, nil, nil, nil, "", nil
			p = &cp
			s.pages[i], s.byID[p.ID][p.Lang] = p, p
			e.page = p
		}
		todo = append(todo, p)
		entries = append(entries, e)
	}
	for i, found := range s.render(todo, probs) {
		e, p := entries[i], todo[i]
		e.rendered, e.render, e.exists = true, found, map[string]bool{}
		for _, id := range p.links {
			e.exists[id] = s.linkable(id)
		}
	}
	for file, e := range c.entries {
		if e.load != c.load {
			delete(c.entries, file) // gone, or no longer a page
		}
	}
	c.linkable, c.renderKey = linkable, key
}

// fingerprint identifies the set of pages that can be linked to.
func (c *Cache) fingerprint(s *Set) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, id := range s.ids {
		h.WriteString(id)
		h.WriteByte(0)
	}
	var broken uint64 // a sum, as the map has no order
	for id := range s.broken {
		if s.Get(id, s.source) == nil {
			broken += maphash.String(c.seed, id)
		}
	}
	h.WriteByte(1)
	maphash.WriteComparable(&h, broken)
	return h.Sum64()
}

// stillValid reports whether every page a rendered page links to exists
// now exactly when it did when the page was rendered.
func (c *Cache) stillValid(s *Set, e *entry) bool {
	for id, was := range e.exists {
		if s.linkable(id) != was {
			return false
		}
	}
	return true
}

// linkable reports whether a link to the page id is not broken.
func (s *Set) linkable(id string) bool {
	return s.Get(id, s.source) != nil || s.broken[id]
}
