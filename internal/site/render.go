package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
	"victimsite/internal/problem"
)

// ErrNotRenderable is returned by Render for a site that failed to load.
var ErrNotRenderable = errors.New("the site has problems; run victimsite check to list them")

// job is one HTML file to render.
type job struct {
	path string
	kind string
	view *view
}

// Render returns every published file. It is pure: it reads only the
// loaded site and writes nothing.
func (s *Site) Render() (Files, error) {
	var c collector
	if err := s.renderTo(c.add); err != nil {
		return nil, err
	}
	return c.files, nil
}

// collector gathers rendered files into Files, from several goroutines.
type collector struct {
	mu    sync.Mutex
	files Files
}

// add keeps a copy of f and gives its buffer back.
func (c *collector) add(f rendered) error {
	data := f.data
	if f.buf != nil {
		data = bytes.Clone(f.data)
		f.release()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = Files{}
	}
	c.files[f.path] = data
	return nil
}

// renderTo renders every published file and hands each to emit as it is
// made, from several goroutines at once; the pages come in no fixed
// order. While a keeper is set (see RenderInto) the pages it keeps are
// left out, but _headers, made from the list of every page, still names
// those at the root. It stops at the first error from emit, and returns
// it. A layout that cannot be executed is a *problem.Error, returned once
// every page has been tried, so it may come after emit was given the
// other files.
func (s *Site) renderTo(emit func(rendered) error) error {
	if s == nil || s.layouts == nil || s.Content == nil {
		return ErrNotRenderable
	}
	var root []string // the files at the top, for _headers
	put := func(p string, data []byte) error {
		if !strings.Contains(p, "/") {
			root = append(root, p)
		}
		return emit(rendered{path: p, data: data})
	}
	for _, files := range []Files{s.assets.files, s.Content.Files()} {
		for p, b := range files {
			if err := put(p, b); err != nil {
				return err
			}
		}
	}
	jobs := s.jobs()
	for _, j := range jobs {
		if !strings.Contains(j.path, "/") {
			root = append(root, j.path)
		}
	}
	probs, err := s.executeAll(s.keep.filter(jobs), emit)
	if err != nil {
		return err
	}
	if err := probs.Err(); err != nil {
		return err
	}
	if err := put("sitemap.xml", s.sitemap()); err != nil {
		return err
	}
	if err := put("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+s.Config.URL("sitemap.xml")+"\n")); err != nil {
		return err
	}
	if s.Leaflet != nil {
		for _, l := range s.Config.Languages {
			pdf, err := s.Leaflet(l.Code)
			if err != nil {
				return fmt.Errorf("make the leaflets: %w", err) // it names the language
			}
			if err := put(l.Code+"/leaflet.pdf", pdf); err != nil {
				return err
			}
		}
	}
	return emit(rendered{path: "_headers", data: s.headerRules(root).File()})
}

// helpBlocks are the blocks of a language that are the same on every
// page: "help", the "Get help now" block, and "helpnow", the lines at the
// top of the page.
type helpBlocks struct{ help, now template.HTML }

// helpBlocks renders the help blocks once for each language.
func (s *Site) helpBlocks() (map[string]helpBlocks, error) {
	blocks := map[string]helpBlocks{}
	for _, lang := range s.Config.Languages {
		t := s.layouts.byLang[lang.Code]["page"]
		v := s.chrome(lang, s.Locales.Lang(lang.Code), 0)
		var b helpBlocks
		for _, block := range []struct {
			name string
			to   *template.HTML
		}{{"help", &b.help}, {"helpnow", &b.now}} {
			if t.Lookup(block.name) == nil {
				continue // a site whose layouts have no such block
			}
			var buf bytes.Buffer
			if err := t.ExecuteTemplate(&buf, block.name, v); err != nil {
				return nil, fmt.Errorf("render the %s block in %s: %w", block.name, lang.Code, err)
			}
			*block.to = template.HTML(buf.String())
		}
		blocks[lang.Code] = b
	}
	return blocks, nil
}

// buffers hold pages as they are rendered: a buffer, grown to the size
// of a page, is used again once the page is written or copied out.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders HTML files, in parallel. A layout that cannot be
// executed is a *problem.Error naming the layout's file and line, as
// Check reports it.
func (s *Site) execute(jobs []job) (Files, error) {
	c := collector{files: make(Files, len(jobs))}
	probs, err := s.executeAll(jobs, c.add)
	if err != nil {
		return nil, err
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return c.files, nil
}

// executeAll renders HTML files, in parallel, and hands each to emit, when
// emit is not nil. It reports every layout that fails, once for all the
// files it fails on, and returns the first error from emit, after which
// it renders no more.
func (s *Site) executeAll(jobs []job, emit func(rendered) error) (problem.List, error) {
	help, err := s.helpBlocks()
	if err != nil {
		var probs problem.List
		addExecError(&probs, err, "the help block", s.layouts.definedIn("page"))
		return probs, nil
	}
	for _, j := range jobs {
		b := help[j.view.Lang.Code]
		j.view.HelpHTML, j.view.HelpNowHTML = b.help, b.now
	}
	if err := s.setChrome(jobs, help); err != nil {
		var probs problem.List
		addExecError(&probs, err, "the page's chrome", s.layouts.definedIn("page"))
		return probs, nil
	}
	errs := make([]error, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			buf := buffers.Get().(*bytes.Buffer)
			buf.Reset()
			t := s.layouts.byLang[j.view.Lang.Code][j.kind]
			err := t.ExecuteTemplate(buf, "base", j.view)
			jobs[i].view = nil // what it holds is not needed again
			if err != nil || emit == nil {
				buffers.Put(buf)
				errs[i] = err
				return nil // every page is rendered, so every error is reported
			}
			return emit(rendered{path: j.path, data: buf.Bytes(), buf: buf})
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return s.execProblems(jobs, errs), nil
}

// jobs lists every HTML file: each page in each language, the language
// chooser at the root, and the 404 page at the root (in the source
// language) and in each language's folder.
func (s *Site) jobs() []job {
	jobs := s.pageJobs(s.Content.IDs())
	def, _ := s.Config.Language(s.Config.DefaultLanguage)
	strs := s.Locales.Lang(def.Code)
	root := s.special(def, strs, "", "root")
	jobs = append(jobs, job{path: "index.html", kind: "root", view: root})
	nf := s.special(def, strs, s.basePath(), "404")
	jobs = append(jobs, job{path: "404.html", kind: "404", view: nf})
	for _, l := range s.Config.Languages {
		nf := s.special(l, s.Locales.Lang(l.Code), s.basePath(), "404")
		jobs = append(jobs, job{path: l.Code + "/404.html", kind: "404", view: nf})
	}
	return jobs
}

// pageJobs lists the HTML files of the pages with the given ids, each in
// every language.
func (s *Site) pageJobs(ids []string) []job {
	var jobs []job
	for _, lang := range s.Config.Languages {
		strs := s.Locales.Lang(lang.Code)
		for _, id := range ids {
			v := s.pageView(id, lang, strs)
			jobs = append(jobs, job{path: lang.Code + "/" + content.Dir(id) + "index.html", kind: v.Kind, view: v})
		}
	}
	return jobs
}

// special builds the view of a page that is not content: the language
// chooser and the 404 page. The 404 page is served at any address, so its
// links start from the site's own path rather than being relative.
func (s *Site) special(lang config.Language, strs *locale.Lang, root, kind string) *view {
	v := s.chrome(lang, strs, 0)
	v.Root, v.Kind = root, kind
	if kind == "root" {
		v.Title = strs.T("ChooseLanguage")
		v.Canonical = s.Config.URL("")
	} else {
		v.Title = strs.T("NotFoundTitle")
	}
	if s.Leaflet != nil {
		v.LeafletHref = root + lang.Code + "/leaflet.pdf"
	}
	for _, l := range s.Config.Languages {
		v.Switcher = append(v.Switcher, switchLink{l.Code, l.Endonym, l.English, l.Dir, root + l.Code + "/", l.Code == lang.Code && kind != "root"})
	}
	return v
}

// basePath is the path part of the base URL, "/" for a site at the root
// of its host.
func (s *Site) basePath() string {
	rest := s.Config.BaseURL
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return "/"
}

// sitemap lists every real page (translations that exist, not English
// fallbacks) with its language alternates.
func (s *Site) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, id := range s.Content.IDs() {
		var alts []alternate
		for _, l := range s.Config.Languages {
			if s.Content.Get(id, l.Code) != nil {
				alts = append(alts, alternate{l.Code, s.Config.URL(l.Code + "/" + content.Dir(id))})
			}
		}
		alts = append(alts, alternate{"x-default", s.Config.URL(s.Content.Source() + "/" + content.Dir(id))})
		for _, a := range alts[:len(alts)-1] {
			b.WriteString("<url><loc>")
			template.HTMLEscape(&b, []byte(a.URL))
			b.WriteString("</loc>\n")
			for _, alt := range alts {
				b.WriteString(`  <xhtml:link rel="alternate" hreflang="` + alt.Lang + `" href="`)
				template.HTMLEscape(&b, []byte(alt.URL))
				b.WriteString("\"/>\n")
			}
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Strings returns the interface strings of a language, for callers that
// render outside templates (leaflets).
func (s *Site) Strings(lang string) *locale.Lang { return s.Locales.Lang(lang) }
