package content

import (
	"bytes"
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"unicode"
	"weak"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/config"
	"victimsite/internal/phone"
	"victimsite/internal/problem"
)

// Folder is the folder, inside a site, that holds the pages.
const Folder = "content"

// Set is every page of a site, in every language it exists in.
type Set struct {
	source string // the source language, "en"
	pages  []*Page
	byID   map[string]map[string]*Page // id -> lang -> page
	ids    []string                    // ids of source pages, sorted
	// children holds what each list shows; see Children.
	children map[string][]*Page

	// broken holds the ids of files that could not be read, so that their
	// translations and links are not reported as problems too.
	broken map[string]bool

	// files are the images and PDFs under content/, by file; published
	// are those that pages link to, by the path they are published at.
	files, published map[string][]byte

	// What rendering the Markdown takes from site.toml: the contacts'
	// phone numbers, which become tel: links, and the direction of each
	// language, for spans marked as in another language.
	phones *phone.Matcher
	dirs   map[string]string

	// base is the Set this one was made from by taking in edits to the
	// text of the pages with the ids edited, if it was; see EditedSince.
	// It is weak, so that a preview open all day holds no chain of Sets.
	base   weak.Pointer[Set]
	edited []string
}

// newSet makes an empty Set for the site.
func newSet(site *config.Site) *Set {
	s := &Set{source: site.DefaultLanguage, byID: map[string]map[string]*Page{}, broken: map[string]bool{}, published: map[string][]byte{}, dirs: map[string]string{}}
	var numbers []string
	for _, c := range site.Contacts {
		numbers = append(numbers, c.Phone)
	}
	s.phones = phone.New(numbers...)
	for _, l := range site.Languages {
		s.dirs[l.Code] = l.Dir
	}
	return s
}

// renderKey identifies what the Set's rendering takes from site.toml:
// pages rendered under another key must be rendered again.
func (s *Set) renderKey() string {
	codes := make([]string, 0, len(s.dirs))
	for code, dir := range s.dirs {
		codes = append(codes, code+"="+dir)
	}
	slices.Sort(codes)
	return s.phones.Key() + ";" + strings.Join(codes, ",")
}

var slugName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// Load reads every page under content/ in fsys, checks it against the
// site's languages and contacts, and renders it. Problems come back in the
// list; the Set holds every page that could be read.
func Load(fsys fs.FS, site *config.Site) (*Set, problem.List) {
	return load(fsys, site, nil)
}

// load is Load, taking unchanged pages from c when c is not nil.
func load(fsys fs.FS, site *config.Site, c *Cache) (*Set, problem.List) {
	var probs problem.List
	all, err := c.list(fsys)
	s := newSet(site)
	if err != nil {
		probs.Add(Folder, 0, "cannot read the content folder: %v", err)
		return s, probs
	}
	if edited, eprobs, ok := c.loadEdits(fsys, site, s); ok {
		return edited, eprobs
	}
	var files, others []string
	for _, p := range all {
		if strings.HasSuffix(p, ".md") {
			files = append(files, p)
		} else {
			others = append(others, p)
		}
	}
	s.files = c.readFiles(fsys, others, &probs)
	urls := make(map[string]string, len(files)) // lower-cased published path -> first file
	c.begin()
	var names []pageName
	for _, file := range files {
		id, kind, lang, ok := c.parseName(file, &probs)
		if !ok {
			continue
		}
		if _, declared := site.Language(lang); !declared {
			probs.Add(file, 0, "language %q in the file name is not declared in site.toml; declare it there or rename the file", lang)
			continue
		}
		key := strings.ToLower(lang + "/" + id)
		if first, dup := urls[key]; dup {
			probs.Add(file, 0, "duplicate page: %s is published at the same address as %s; rename one of them", file, first)
			continue
		}
		urls[key] = file
		names = append(names, pageName{file, strings.ToLower(id), kind, lang})
	}
	nameProbs := slices.Clone(probs)
	complete := len(s.files) == attachable(others) // every image and PDF read
	for i, r := range c.readAll(fsys, names) {
		probs = append(probs, r.probs...)
		switch {
		case !r.ok:
			complete = false
		case r.page == nil:
			s.broken[names[i].id] = true
		default:
			s.add(r.page)
		}
	}
	c.beginChecks(site)
	s.check(site, &probs, c)
	s.indexChildren()
	c.render(s, &probs)
	s.checkLinks(&probs)
	probs.Sort()
	c.remember(s, site, names, nameProbs, complete)
	return s, probs
}

// readFiles reads the images and PDFs under content/, and reports any
// other kind of file. With a cache, it reads only those it has not kept.
func (c *Cache) readFiles(fsys fs.FS, names []string, probs *problem.List) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range names {
		if !Attachable(name) {
			probs.Add(name, 0, "only pages (.md), images (%s) and PDFs (.pdf) can be in the content folder; move this file out of content/, or put it on a web site and link to its https:// address", strings.Join(imageExts, ", "))
			continue
		}
		data, ok := c.fileData(name)
		if !ok {
			var err error
			if data, err = fs.ReadFile(fsys, name); err != nil {
				probs.Add(name, 0, "cannot read: %v", err)
				continue
			}
			c.keepData(name, data)
		}
		files[name] = data
	}
	return files
}

// parseName splits content/<section>/<slug>.<lang>.md into its parts.
func parseName(file string, probs *problem.List) (id string, kind Kind, lang string, ok bool) {
	rel := strings.TrimPrefix(file, Folder+"/")
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	base := strings.TrimSuffix(name, ".md")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 {
		probs.Add(file, 0, "the file name needs a language before .md, such as %s.en.md", base)
		return "", 0, "", false
	}
	slug, lang := base[:dot], base[dot+1:]
	if strings.Contains(dir, "/") {
		probs.Add(file, 0, "pages may be at most one folder deep under content/; move it to content/<section>/")
		return "", 0, "", false
	}
	for _, part := range []string{dir, slug} {
		if part != "" && part != "_index" && !slugName.MatchString(part) {
			probs.Add(file, 0, "%q may hold only letters, digits and dashes, because it becomes part of the web address", part)
			return "", 0, "", false
		}
	}
	switch {
	case slug == "_index" && dir == "":
		return "", Home, lang, true
	case slug == "_index":
		return dir, Section, lang, true
	case dir == "":
		return slug, Regular, lang, true
	default:
		return dir + "/" + slug, Regular, lang, true
	}
}

func (s *Set) add(p *Page) {
	m := s.byID[p.ID]
	if m == nil {
		m = map[string]*Page{}
		s.byID[p.ID] = m
	}
	m[p.Lang] = p
	s.pages = append(s.pages, p)
}

// check validates pages against each other and against the site, taking
// what checking a page found from c while nothing it looked at changed.
func (s *Set) check(site *config.Site, probs *problem.List, c *Cache) {
	slices.SortFunc(s.pages, func(a, b *Page) int { return cmp.Compare(a.File, b.File) })
	s.ids = s.ids[:0]
	for id, langs := range s.byID {
		if langs[s.source] != nil {
			s.ids = append(s.ids, id)
		}
	}
	slices.Sort(s.ids)
	for _, p := range s.pages {
		*probs = append(*probs, c.checkPage(s, p, site)...)
	}
	s.checkSite(probs)
}

// checkSite checks what the site needs as a whole: a home page, and the
// steps of each step-by-step section in order.
func (s *Set) checkSite(probs *problem.List) {
	if s.Get("", s.source) == nil {
		probs.Add(Folder, 0, "the site has no home page: add content/_index.%s.md", s.source)
	}
	s.checkSteps(probs)
}

// checkSteps checks the step numbers of step-by-step sections: only
// pages in a section are steps, numbered from 1 without a gap or a
// repeat, and the number is given in the English page only.
func (s *Set) checkSteps(probs *problem.List) {
	steps := map[string][]*Page{} // section -> its steps
	for _, p := range s.pages {
		switch {
		case p.Step == 0:
		case p.Lang != s.source:
			probs.Warn(p.File, p.KeyLine("step"), "step is taken from the English page, so it does nothing here; remove it")
		case p.Step < 0 || p.Kind != Regular || p.Section() == "":
			probs.Add(p.File, p.KeyLine("step"), "step must be a number from 1, on a page in a section (content/<section>/<page>.%s.md)", s.source)
		default:
			steps[p.Section()] = append(steps[p.Section()], p)
		}
	}
	for _, list := range steps {
		slices.SortStableFunc(list, func(a, b *Page) int { return cmp.Compare(a.Step, b.Step) })
		want := 1 // the number the next step should have
		for i, p := range list {
			switch {
			case i > 0 && p.Step == list[i-1].Step:
				probs.Add(p.File, p.KeyLine("step"), "step %d is also the step of %s; give each step of the section its own number", p.Step, list[i-1].File)
			case p.Step != want && want > 0:
				probs.Add(p.File, p.KeyLine("step"), "this is step %d, but the step before it is %d; number the steps 1, 2, 3 and so on without a gap", p.Step, want-1)
				want = -1 // one gap is enough to report
			case want > 0:
				want++
			}
		}
	}
}

// stillEnglish reports a translation whose title or text is still that
// of the page it translates: copied back from an export untranslated, it
// would publish the English text marked as the other language. A title
// that is the name of a contact in site.toml (a service's page) is left
// alone, as names are not translated.
func stillEnglish(p, src *Page, site *config.Site, probs *problem.List) {
	if src == nil {
		return
	}
	name := false
	for _, c := range site.Contacts {
		name = name || same([]byte(c.Name), []byte(src.Title))
	}
	if same([]byte(p.Title), []byte(src.Title)) && !name {
		probs.Add(p.File, p.KeyLine("title"), "the title is still the title of %s; translate it (readers would get English marked as another language)", src.File)
	}
	if same(p.Body, src.Body) && len(bytes.TrimSpace(p.Body)) > 0 {
		probs.Add(p.File, p.BodyLine, "the text is still the text of %s; translate it, or delete this file so that readers get the English page with a notice that it is not translated", src.File)
	}
}

// same reports whether two texts are the same but for spacing and line
// endings: the same words, separated by any white space.
func same(a, b []byte) bool {
	for {
		a = bytes.TrimLeftFunc(a, unicode.IsSpace)
		b = bytes.TrimLeftFunc(b, unicode.IsSpace)
		if len(a) == 0 || len(b) == 0 {
			return len(a) == len(b)
		}
		i, j := bytes.IndexFunc(a, unicode.IsSpace), bytes.IndexFunc(b, unicode.IsSpace)
		if i < 0 {
			i = len(a)
		}
		if j < 0 {
			j = len(b)
		}
		if !bytes.Equal(a[:i], b[:j]) {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

func sourceName(p *Page, source string) string {
	return strings.TrimSuffix(p.File, "."+p.Lang+".md") + "." + source + ".md"
}

// render renders the Markdown of pages, in parallel, checking their links.
// It returns the problems of each page.
func (s *Set) render(pages []*Page, probs *problem.List) []problem.List {
	r := newRenderer(s)
	out := make([]problem.List, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range pages {
		g.Go(func() error {
			r.render(pages[i], &out[i])
			return nil
		})
	}
	g.Wait()
	for _, l := range out {
		*probs = append(*probs, l...)
	}
	return out
}

// Source returns the language translations are made from.
func (s *Set) Source() string { return s.source }

// IDs returns the id of every page that exists in the source language,
// sorted.
func (s *Set) IDs() []string { return s.ids }

// Pages returns every page in every language, sorted by file name.
func (s *Set) Pages() []*Page { return s.pages }

// Get returns the page with the given id in lang, or nil.
func (s *Set) Get(id, lang string) *Page { return s.byID[id][lang] }

// Children returns the source-language pages that a list shows: for the
// home page, the section pages and top-level pages; for a section, its
// pages. They are ordered by weight, then title.
func (s *Set) Children(id string) []*Page {
	return slices.Clone(s.children[id])
}

// indexChildren works out every list once: a site of thousands of pages
// asks for them once per page per language.
func (s *Set) indexChildren() {
	s.children = map[string][]*Page{}
	for _, cid := range s.ids {
		p := s.byID[cid][s.source]
		switch {
		case p.Kind == Section, p.Kind == Regular && p.Section() == "":
			s.children[""] = append(s.children[""], p)
		case p.Kind == Regular:
			s.children[p.Section()] = append(s.children[p.Section()], p)
		}
	}
	for _, list := range s.children {
		slices.SortStableFunc(list, func(a, b *Page) int {
			return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Title, b.Title))
		})
	}
}
