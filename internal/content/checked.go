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
