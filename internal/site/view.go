package site

import (
	"html/template"
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
	"victimsite/internal/phone"
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
	// Contents are the sections of a long page, for its "On this page"
	// list; nil on a short one.
	Contents []content.Heading

	Fallback, Outdated, Draft bool
	SourceHref                string

	Canonical  string
	Alternates []alternate
	Switcher   []switchLink
	Root       string // from this page to the site root: "../../"
	Crumbs     []link
	Children   []link
	Sections   []section
	// Steps are the steps of a step-by-step section, on the section's
	// page; Children are then its other pages.
	Steps []link
	// Step places a step page in its step-by-step; nil on other pages.
	Step *stepNav

	Enhanced     bool
	EnhancedDays int
	Support      []contact
	Help         help
	// HelpHTML is the "get help now" block and HelpNowHTML the lines at
	// the top of every page; both are the same on every page of a
	// language, so they are rendered once per language (see Site.helpBlocks).
	HelpHTML, HelpNowHTML template.HTML
	// ExitHTML, HeaderHTML, FooterHTML and AssetsHTML (the links to the
	// icon, style sheet and script) are the blocks around the page,
	// rendered once per language and Root, and AlternatesHTML once for all
	// the languages of the page (see setChrome).
	ExitHTML, HeaderHTML, FooterHTML, AssetsHTML, AlternatesHTML template.HTML
	LeafletHref                                                  string
	Checked                                                      string
	// Policy is the Content-Security-Policy, for the page's meta element.
	Policy string
}

// minContents is how many sections make a page long enough to list them
// at its top, and maxContents how many make it a reference (a glossary, a
// list of helplines) whose headings are its contents already: listing
// them again would double a long page that a phone must download.
const (
	minContents = 3
	maxContents = 15
)

type alternate struct{ Lang, URL string }

type switchLink struct {
	Code, Endonym, English, Dir, Href string
	Current                           bool
}

// link is a link to another page; Lang is set when its title is shown in
// another language than the page's (an untranslated page).
type link struct {
	ID, Title, Summary, Href, Lang string
	// Step is the page's number in a step-by-step, or 0; Current marks
	// the page the link is on.
	Step    int
	Current bool
	weight  int
}

type section struct {
	link
	Children []link
}

// help is what every page offers a reader who needs help now.
type help struct {
	Emergency, NonEmergency, Support *contact
}

type contact struct {
	Name, About, Hours, Phone, Tel, URL string
	// NameLang, AboutLang and HoursLang are set when the text is not in
	// the page's language (it fell back to English, or it is a name).
	NameLang, AboutLang, HoursLang string
}

// TelLink is the contact's phone number as a tel: link, which reads left
// to right in every language.
func (c *contact) TelLink() template.HTML {
	return template.HTML(`<a href="tel:` + template.HTMLEscapeString(c.Tel) + `" dir="ltr">` + template.HTMLEscapeString(c.Phone) + `</a>`)
}

// NameHTML is the contact's name, marked as English inside another
// language.
func (c *contact) NameHTML() template.HTML {
	name := template.HTMLEscapeString(c.Name)
	if c.NameLang == "" {
		return template.HTML(name)
	}
	return template.HTML(`<span lang="` + c.NameLang + `" dir="ltr">` + name + `</span>`)
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
	if n := len(p.Headings); n >= minContents && n <= maxContents {
		v.Contents = p.Headings
	}
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
			v.Support = append(v.Support, s.contactOf(c, lang.Code))
		}
	}
	v.Crumbs = s.crumbs(src, lang.Code, v.Root)
	s.lists(v, src, lang.Code)
	return v
}

// lists fills in the lists a page shows: a section's pages, the home
// page's sections, and the steps around a step page.
func (s *Site) lists(v *view, src *content.Page, lang string) {
	set := s.Content
	switch src.Kind {
	case content.Section:
		all := s.links(set.Children(src.ID), lang, v.Root)
		for _, l := range all {
			if l.Step > 0 {
				v.Steps = append(v.Steps, l)
			} else {
				v.Children = append(v.Children, l)
			}
		}
	case content.Home:
		for _, c := range set.Children("") {
			sec := section{link: s.linkTo(c, lang, v.Root)}
			if c.Kind == content.Section {
				sec.Children = s.links(set.Children(c.ID), lang, v.Root)
			}
			v.Sections = append(v.Sections, sec)
		}
	case content.Regular:
		if src.Step > 0 {
			v.Step = s.stepNav(src, lang, v.Root)
		}
	}
}

// chrome builds what every page shows, whatever its content: the help
// block, the footer and the links that depend on where the page sits.
func (s *Site) chrome(lang config.Language, strs *locale.Lang, depth int) *view {
	v := &view{Site: s.Config, Lang: lang, Root: strings.Repeat("../", depth), Policy: ContentPolicy}
	code := s.Config.Code
	for _, h := range []struct {
		id string
		to **contact
	}{
		{code.EmergencyContact, &v.Help.Emergency},
		{code.NonEmergencyContact, &v.Help.NonEmergency},
		{code.SupportContact, &v.Help.Support},
	} {
		if c, ok := s.Config.Contact(h.id); ok {
			ct := s.contactOf(c, lang.Code)
			*h.to = &ct
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

// contactOf is a contact as a page in lang shows it. Its name is written
// in the site's source language.
func (s *Site) contactOf(c config.Contact, lang string) contact {
	v := contact{Name: c.Name, Phone: c.Phone, Tel: phone.Tel(c.Phone), URL: c.URL}
	if src := s.Config.DefaultLanguage; lang != src {
		v.NameLang = src
	}
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
		Href: root + lang + "/" + src.Dir(), Step: src.Step, weight: src.Weight}
	if t := s.Content.Get(src.ID, lang); t != nil {
		l.Title, l.Summary = t.Title, t.Summary
	} else {
		l.Lang = s.Content.Source()
	}
	return l
}

// links links to pages from a page at root, in the order readers of lang
// expect (see order).
func (s *Site) links(pages []*content.Page, lang, root string) []link {
	out := make([]link, 0, len(pages))
	for _, p := range pages {
		out = append(out, s.linkTo(p, lang, root))
	}
	order(out, lang)
	return out
}

// crumbs are the pages above this one: home, then its section. The home
// page is called "Home" there, whatever its title.
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
