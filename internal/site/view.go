package site

import (
	"html/template"
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
)

// view is what a layout sees for one page in one language.
type view struct {
	Site *config.Site
	Lang config.Language
	Kind string

	Title, Summary string
	Body           template.HTML
	// BodyLang is "en" when the page is not translated and its text is
	// shown in English; it is empty when the text is in the reader's language.
	BodyLang string

	Fallback, Outdated, Draft bool
	SourceHref                string

	Canonical  string
	Alternates []alternate
	Switcher   []switchLink
	Root       string // from this page to the site root: "../../"
	Crumbs     []link
	Children   []link
	Sections   []section

	Enhanced     bool
	EnhancedDays int
	Support      []contact
	Help         []contact
	// HelpHTML is the "get help now" block, the same on every page of a
	// language, so it is rendered once per language (see Site.helpBlocks).
	HelpHTML    template.HTML
	LeafletHref string
	Checked     string
}

type alternate struct{ Lang, URL string }

type switchLink struct {
	Code, Endonym, English, Dir, Href string
	Current                           bool
}

// link is a link to another page; Lang is set when its title is shown in
// another language than the page's (an untranslated page).
type link struct {
	ID, Title, Summary, Href, Lang string
}

type section struct {
	link
	Children []link
}

type contact struct {
	Label, Name, About, Hours, Phone, Tel, URL string
	// AboutLang and HoursLang are set when the text is not in the page's
	// language (it fell back to English).
	AboutLang, HoursLang string
}

// pageView builds the view of the page with the given id in lang.
func (s *Site) pageView(id string, lang config.Language, strs *locale.Lang) *view {
	set := s.Content
	src := set.Get(id, set.Source())
	p := set.Get(id, lang.Code)
	v := s.chrome(lang, strs, strings.Count(content.Dir(id), "/")+1)
	v.Kind = kindOf(src)
	state := set.State(id, lang.Code)
	if p == nil {
		p = src
		v.Fallback = true
		v.BodyLang = set.Source()
	}
	v.Title, v.Summary, v.Body = p.Title, p.Summary, p.HTML
	v.Outdated = state == content.Outdated
	v.Draft = state == content.Draft
	v.SourceHref = v.Root + set.Source() + "/" + content.Dir(id)
	if v.Fallback {
		v.Canonical = s.Config.URL(set.Source() + "/" + content.Dir(id))
	} else {
		v.Canonical = s.Config.URL(lang.Code + "/" + content.Dir(id))
	}
	for _, l := range s.Config.Languages {
		if set.Get(id, l.Code) != nil {
			v.Alternates = append(v.Alternates, alternate{l.Code, s.Config.URL(l.Code + "/" + content.Dir(id))})
		}
		v.Switcher = append(v.Switcher, switchLink{l.Code, l.Endonym, l.English, l.Dir,
			v.Root + l.Code + "/" + content.Dir(id), l.Code == lang.Code})
	}
	v.Alternates = append(v.Alternates, alternate{"x-default", s.Config.URL(set.Source() + "/" + content.Dir(id))})
	v.Enhanced, v.EnhancedDays = src.EnhancedRights, s.Config.Code.EnhancedUpdateDays
	for _, cid := range src.Support {
		if c, ok := s.Config.Contact(cid); ok {
			v.Support = append(v.Support, contactOf(c, lang.Code, ""))
		}
	}
	v.Crumbs = s.crumbs(src, lang.Code, v.Root)
	switch src.Kind {
	case content.Section:
		v.Children = s.links(set.Children(id), lang.Code, v.Root)
	case content.Home:
		for _, c := range set.Children("") {
			sec := section{link: s.linkTo(c, lang.Code, v.Root)}
			if c.Kind == content.Section {
				sec.Children = s.links(set.Children(c.ID), lang.Code, v.Root)
			}
			v.Sections = append(v.Sections, sec)
		}
	}
	return v
}

// chrome builds what every page shows, whatever its content: the help
// block, the footer and the links that depend on where the page sits.
func (s *Site) chrome(lang config.Language, strs *locale.Lang, depth int) *view {
	v := &view{Site: s.Config, Lang: lang, Root: strings.Repeat("../", depth)}
	code := s.Config.Code
	for _, h := range []struct{ id, label string }{
		{code.EmergencyContact, "HelpEmergency"},
		{code.NonEmergencyContact, "HelpNonEmergency"},
		{code.SupportContact, "HelpSupport"},
	} {
		if c, ok := s.Config.Contact(h.id); ok {
			v.Help = append(v.Help, contactOf(c, lang.Code, strs.T(h.label)))
		}
	}
	v.Checked = strs.D("LastChecked", map[string]any{"Date": strs.Date(s.Config.Checked)})
	if s.Leaflet != nil {
		v.LeafletHref = v.Root + lang.Code + "/leaflet.pdf"
	}
	return v
}

func kindOf(p *content.Page) string {
	switch p.Kind {
	case content.Home:
		return "home"
	case content.Section:
		return "list"
	}
	return "page"
}

func contactOf(c config.Contact, lang, label string) contact {
	v := contact{Label: label, Name: c.Name, Phone: c.Phone, Tel: strings.ReplaceAll(c.Phone, " ", ""), URL: c.URL}
	var in string
	if v.About, in = c.AboutIn(lang); in != lang {
		v.AboutLang = in
	}
	if v.Hours, in = c.HoursIn(lang); in != lang {
		v.HoursLang = in
	}
	return v
}

// linkTo links to a source page from a page at root, titled in lang when
// it is translated and in English otherwise.
func (s *Site) linkTo(src *content.Page, lang, root string) link {
	l := link{ID: strings.ReplaceAll(src.ID, "/", "-"), Title: src.Title, Summary: src.Summary,
		Href: root + lang + "/" + src.Dir()}
	if t := s.Content.Get(src.ID, lang); t != nil {
		l.Title, l.Summary = t.Title, t.Summary
	} else {
		l.Lang = s.Content.Source()
	}
	return l
}

func (s *Site) links(pages []*content.Page, lang, root string) []link {
	out := make([]link, 0, len(pages))
	for _, p := range pages {
		out = append(out, s.linkTo(p, lang, root))
	}
	return out
}

// crumbs are the pages above this one: home, then its section.
func (s *Site) crumbs(src *content.Page, lang, root string) []link {
	if src.Kind == content.Home {
		return nil
	}
	home := s.Content.Get("", s.Content.Source())
	out := []link{s.linkTo(home, lang, root)}
	if src.Kind == content.Regular && src.Section() != "" {
		if sec := s.Content.Get(src.Section(), s.Content.Source()); sec != nil {
			out = append(out, s.linkTo(sec, lang, root))
		}
	}
	return out
}
