// Package site turns a site folder into the published website.
//
// Load reads everything a site is made of from an fs.FS: site.toml
// (package config), the pages under content/ (package content), the
// interface strings under locales/ (package locale) and the html/template
// layouts under templates/, whose assets/ folder is published under
// content-hashed names (see assets). It checks them all and returns every
// problem at once.
//
// Render is pure: it returns the published files, path to bytes, and never
// touches a disk. Besides the pages they are a "page not found" page at the
// root and in each language's folder, the sitemap, and _headers, the
// response headers a host must send (see HeaderRules), which deploy/ gives
// nginx and Caddy too. Every page exists in every declared language; a page that
// is not translated shows the English text, with a notice in the reader's
// language, and points search engines at the English page. The same input
// gives byte-identical output. Write writes only into a folder that it
// wrote itself (see Marker), an empty one or none: never someone's files,
// and never the site (see CheckOutput). Into its own earlier output it
// writes only the files that changed, each whole, and removes only files
// it listed as its own; a first build goes through a temporary folder.
// WriteBuild also records what the build read and wrote (see CacheFile),
// so that UpToDate can tell the next build that nothing changed.
// PublishBuild, what victimsite build calls, renders and writes in one
// go: into a new or empty folder it writes each file as soon as it is
// rendered, through the temporary folder, rather than rendering the whole
// site into memory first, and it records the cache there too.
package site

import (
	"io/fs"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
	"victimsite/internal/phone"
	"victimsite/internal/problem"
)

// Site is a loaded, checked site, ready to render.
type Site struct {
	Config  *config.Site
	Content *content.Set
	Locales *locale.Bundle
	// FS is the site's folder, as Load read it: the leaflets read the font
	// files site.toml names ([leaflet.fonts]) from it.
	FS fs.FS

	layouts *layouts
	assets  assets
	keep    *keeper // set while RenderInto renders

	// Leaflet, when set, makes the generic (not personalised) leaflet of a
	// language, published as <lang>/leaflet.pdf and linked from every page.
	Leaflet func(lang string) ([]byte, error)
}

// Files are published files: a slash-separated path below the output
// folder, and the file's bytes.
type Files map[string][]byte

// Load reads and checks the site in fsys. It returns the problems found,
// warnings included; the Site is nil when the problems stop it from
// loading at all, and must not be rendered when the list holds errors.
func Load(fsys fs.FS) (*Site, problem.List) {
	return load(fsys, content.Load, loadChrome)
}

// load is Load, reading the pages with loadContent and what is around
// them with loadChrome.
func load(fsys fs.FS, loadContent func(fs.FS, *config.Site) (*content.Set, problem.List),
	loadChrome func(fs.FS, *config.Site) (chrome, problem.List)) (*Site, problem.List) {
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		return nil, probs
	}
	s := &Site{Config: cfg, FS: fsys}
	var more problem.List
	s.Content, more = loadContent(fsys, cfg)
	probs = append(probs, more...)
	ch, more := loadChrome(fsys, cfg)
	probs = append(probs, more...)
	s.Locales, s.layouts, s.assets = ch.locales, ch.layouts, ch.assets
	s.checkRights(&probs)
	probs.Sort()
	return s, probs
}

// chrome is what a site has around its pages: the interface strings, the
// layouts, bound to the strings of each language, and the assets.
type chrome struct {
	locales *locale.Bundle
	layouts *layouts
	assets  assets
}

// loadChrome reads and checks the strings, layouts and assets.
func loadChrome(fsys fs.FS, cfg *config.Site) (chrome, problem.List) {
	var ch chrome
	var probs, more problem.List
	ch.locales, probs = locale.Load(fsys, cfg)
	var used map[string]locale.Use
	ch.layouts, used, more = loadLayouts(fsys, cfg)
	probs = append(probs, more...)
	for _, id := range locale.CodeMessages {
		if _, ok := used[id]; !ok {
			used[id] = locale.Use{File: locale.Folder + "/" + cfg.DefaultLanguage + ".toml"}
		}
	}
	used["LastChecked"] = locale.Use{File: TemplatesFolder + "/base.html"}
	ch.locales.Check(used, &probs)
	ch.assets, more = loadAssets(fsys)
	probs = append(probs, more...)
	if ch.layouts != nil {
		var numbers []string
		for _, c := range cfg.Contacts {
			numbers = append(numbers, c.Phone)
		}
		phones := phone.New(numbers...)
		for _, l := range cfg.Languages {
			if strs := ch.locales.Lang(l.Code); strs != nil {
				ch.layouts.bind(l.Code, strs, ch.locales, ch.assets, phones)
			}
		}
	}
	return ch, probs
}

// checkRights makes sure the page that holds the Victims' Code rights
// exists and lists them.
func (s *Site) checkRights(probs *problem.List) {
	id := s.Config.Code.RightsPage
	if id == "" {
		return
	}
	p := s.Content.Get(id, s.Content.Source())
	if p == nil {
		probs.Add(config.File, 0, "[code] rights_page names %q, but there is no page content/%s.%s.md", id, id, s.Content.Source())
		return
	}
	if len(p.Rights) == 0 {
		probs.Add(p.File, 1, "this is the rights page named in site.toml, but it has no rights: list in its front matter")
	}
}
