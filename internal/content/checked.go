package content

import (
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/problem"
)

// checked is what checking one page found (Set.checkPage), with what the
// check took from outside the page: when those are the same, so is what
// it finds, and a large site's translations need not be compared with
// their English pages again after every edit.
type checked struct {
	gen     int   // Cache.checkGen when it was checked
	src     *Page // the page it translates, or nil
	broken  bool  // whether the file of the page it translates is broken
	section bool  // whether its section exists
	probs   problem.List
}

// beginChecks notes what the load's checks take from site.toml: the
// source language and the contacts' ids and names. When they changed, no
// page's check is kept.
func (c *Cache) beginChecks(site *config.Site) {
	if c == nil {
		return
	}
	var b strings.Builder
	b.WriteString(site.DefaultLanguage)
	b.WriteByte(0)
	for _, ct := range site.Contacts {
		b.WriteString(ct.ID)
		b.WriteByte(0)
		b.WriteString(ct.Name)
		b.WriteByte(0)
	}
	if key := b.String(); key != c.checkKey {
		c.checkKey = key
		c.checkGen++
	}
}

// checkPage is Set.checkPage, kept from the last load while the page, the
// page it translates (or whether its file is broken), its section and the
// contacts are the same.
func (c *Cache) checkPage(s *Set, p *Page, site *config.Site) problem.List {
	if c == nil {
		return s.checkPage(p, site)
	}
	e := c.entries[p.File]
	var src *Page
	broken := false
	if p.Lang != s.source {
		src = s.Get(p.ID, s.source)
		broken = src == nil && s.broken[p.ID]
	}
	section := p.Kind == Regular && p.Section() != "" && s.byID[p.Section()] != nil
	if k := e.checked; k != nil && k.gen == c.checkGen && k.src == src && k.broken == broken && k.section == section {
		return k.probs
	}
	probs := s.checkPage(p, site)
	e.checked = &checked{gen: c.checkGen, src: src, broken: broken, section: section, probs: probs}
	return probs
}

// checkPage checks one page against the site and the page it translates.
// What it finds depends on the page, the site's contacts, the source
// page (or, when there is none, whether its file could not be parsed)
// and whether the page's section exists: see Cache.checkPage.
func (s *Set) checkPage(p *Page, site *config.Site) problem.List {
	var probs problem.List
	for _, id := range p.Support {
		if _, ok := site.Contact(id); !ok {
			probs.Add(p.File, p.KeyLine("support"), "support names contact %q, which is not in site.toml; use one of its contact ids", id)
		}
	}
	if p.Kind == Regular && p.Section() != "" && s.byID[p.Section()] == nil {
		probs.Add(p.File, 0, "section %q has no page of its own: add content/%s/_index.%s.md with its title", p.Section(), p.Section(), s.source)
	}
	if p.Lang != s.source {
		src := s.Get(p.ID, s.source)
		if src == nil && !s.broken[p.ID] {
			probs.Add(p.File, 0, "a translation with no English source: add %s, or remove this file", sourceName(p, s.source))
		}
		stillEnglish(p, src, site, &probs)
		if src != nil && p.SourceHash != src.Hash {
			if p.SourceHash == "" {
				probs.Warn(p.File, 1, "translation has no source_hash, so it counts as outdated; once it matches %s, run: victimsite translated %s", src.File, p.File)
			} else {
				probs.Warn(p.File, p.KeyLine("source_hash"), "translation is outdated: %s has changed since it was made; update it, then run: victimsite translated %s", src.File, p.File)
			}
		}
	}
	return probs
}
