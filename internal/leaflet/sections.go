package leaflet

import (
	"strconv"
	"strings"
	"unicode"

	"victimsite/internal/config"
	"victimsite/internal/phone"
)

// This file composes the sections every leaflet shares: the emergency
// box, support services, and the rights.

// emergency is the boxed block at the top of page 1: when to call 999,
// how to call it silently, and 101 quoting the reference. call101 says
// when to call 101, given its number; it is personal when own is set.
func (c *composer) emergency(call101 func(phone string) text) {
	title := c.msg("LeafletDangerTitle")
	bx := block{kind: box, more: []block{{kind: heading, body: title}}}
	if ct, ok := c.cfg.Contact(c.cfg.Code.EmergencyContact); ok {
		call := block{kind: strong, body: c.data("LeafletCall999", map[string]any{"Phone": ct.Phone}), links: []link{{ct.Phone, telURI(ct.Phone)}}}
		bx.more = append(bx.more, call)
		about, in := ct.AboutIn(c.lang)
		if about = afterTitle(about, title.s); about != "" {
			bx.more = append(bx.more, block{kind: para, body: text{s: about, where: "site.toml: contact " + ct.ID + " about"}, lang: c.other(in)})
		}
	}
	if ct, ok := c.cfg.Contact(c.cfg.Code.NonEmergencyContact); ok {
		body := call101(ct.Phone)
		bx.more = append(bx.more, block{kind: strong, body: body, links: []link{{ct.Phone, telURI(ct.Phone)}}})
	}
	c.add(bx)
}

// afterTitle drops the first sentence of about when it says what the
// box's title already says ("If you are in danger now.").
func afterTitle(about, title string) string {
	rest, ok := strings.CutPrefix(about, strings.TrimSpace(title))
	if !ok {
		return about
	}
	rest = strings.TrimLeftFunc(rest, func(r rune) bool { return r == '.' || r == '۔' || r == '।' || r == '!' })
	if rest == "" || !unicode.IsSpace([]rune(rest)[0]) {
		return about
	}
	return strings.TrimSpace(rest)
}

// other returns in when it is another language than the leaflet's.
func (c *composer) other(in string) string {
	if in == "" || in == c.lang {
		return ""
	}
	c.fallback = true
	return in
}

// support lists the independent support service every leaflet names,
// then the contacts the page names.
func (c *composer) support(ids []string) {
	c.heading("LeafletSupportTitle")
	seen := map[string]bool{}
	var cards []block
	for _, id := range append([]string{c.cfg.Code.SupportContact}, ids...) {
		if seen[id] {
			continue
		}
		seen[id] = true
		if ct, ok := c.cfg.Contact(id); ok {
			cards = append(cards, c.card(ct, true))
		}
	}
	c.cards(cards)
}

// cards adds contact cards two by two, side by side; an odd last card
// takes the whole width.
func (c *composer) cards(cards []block) {
	for len(cards) >= 2 {
		c.add(block{kind: columns, more: cards[:2]})
		cards = cards[2:]
	}
	c.add(cards...)
}

// contact shows a contact's card across the page.
func (c *composer) contact(ct config.Contact, about bool) { c.add(c.card(ct, about)) }

// card is a contact's name, then what it is for (when about is set), its
// phone, website and hours, kept together.
func (c *composer) card(ct config.Contact, about bool) block {
	at := "site.toml: contact " + ct.ID
	g := block{kind: group, more: []block{{kind: subhead, body: text{s: ct.Name, where: at}}}}
	if about {
		if a, in := ct.AboutIn(c.lang); a != "" {
			g.more = append(g.more, block{kind: para, body: text{s: a, where: at + " about"}, lang: c.other(in)})
		}
	}
	// The phone number and the web address share a line.
	var line []string
	var links []link
	if ct.Phone != "" {
		line = append(line, c.strs.T("LeafletPhone")+": "+ct.Phone)
		links = append(links, link{ct.Phone, telURI(ct.Phone)})
	}
	if ct.URL != "" {
		short := displayURL(ct.URL)
		line = append(line, short)
		links = append(links, link{short, ct.URL})
	}
	if len(line) > 0 {
		g.more = append(g.more, block{kind: para, body: text{s: strings.Join(line, "  ·  "), where: at + " phone and url"}, links: links})
	}
	if hours, in := ct.HoursIn(c.lang); hours != "" {
		g.more = append(g.more, block{kind: para, body: text{s: c.strs.T("LeafletHours") + ": " + hours, where: at + " hours"}, lang: c.other(in)})
	}
	return g
}

// displayURL drops the scheme, "www." and the final slash, which say
// nothing to a reader: "victimlincs.co.uk".
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

// telURI is the tel: link of a UK phone number as people write it:
// "01522 947510" is tel:+441522947510, "+44 (0)1522 000000" is
// tel:+441522000000, short numbers such as 999 stay as they are.
func telURI(number string) string {
	n := phone.Tel(strings.ReplaceAll(number, "(0)", ""))
	if strings.HasPrefix(n, "0") && len(n) > 6 {
		n = "+44" + n[1:]
	}
	return "tel:" + n
}

// complaintsContact is the contact that takes complaints the police have
// not put right, shown under "How to complain" when site.toml has it.
const complaintsContact = "phso"

// rights lists the Victims' Code rights from the rights page, the time
// limits from site.toml, enhanced rights, complaints, interpreters and the
// other languages the leaflet is in.
func (c *composer) rights(enhanced, generic bool) {
	code := c.cfg.Code
	// A site need not name a rights page; the id "" would be the home page.
	if p, in := c.pageOf(code.RightsPage, hasRights); code.RightsPage != "" && p != nil && len(p.Rights) > 0 {
		c.add(block{kind: heading, body: text{s: p.Title, where: p.File + ": title"}, lang: in})
		if p.Summary != "" {
			c.add(block{kind: para, body: text{s: p.Summary, where: p.File + ": summary"}, lang: in, keep: true})
		}
		// Each right is short: two columns, the first read first.
		list := block{kind: columns, lang: in}
		for i, right := range p.Rights {
			n := strconv.Itoa(i + 1)
			list.more = append(list.more, block{kind: item, label: text{s: n + ".", where: p.File}, body: text{s: right, where: p.File + ": rights"}, lang: in})
		}
		c.add(list)
	}
	c.add(block{kind: para, body: c.data("LeafletReferral", map[string]any{"Count": code.ReferralDays})})
	c.add(block{kind: para, body: c.data("LeafletUpdates", map[string]any{"Count": code.UpdateDays})})
	switch {
	case generic:
		c.heading("LeafletEnhancedGenericTitle")
		c.add(block{kind: para, body: c.data("LeafletEnhancedGeneric", map[string]any{"Count": code.EnhancedUpdateDays})})
	case enhanced:
		c.heading("LeafletEnhancedTitle")
		c.add(block{kind: para, body: c.data("LeafletEnhanced", map[string]any{"Count": code.EnhancedUpdateDays})})
	}
	c.heading("LeafletComplainTitle")
	phone := ""
	if ct, ok := c.cfg.Contact(code.NonEmergencyContact); ok {
		phone = ct.Phone
	}
	c.add(block{kind: para, body: c.data("LeafletComplain", map[string]any{"Phone": phone}), links: []link{{phone, telURI(phone)}}})
	if ct, ok := c.cfg.Contact(complaintsContact); ok {
		c.contact(ct, true)
	}
	c.heading("LeafletInterpreterTitle")
	c.add(block{kind: para, body: c.msg("LeafletInterpreter")})
	c.heading("LeafletLanguagesTitle")
	short := displayURL(c.cfg.URL(c.lang + "/"))
	c.add(block{kind: para, body: c.data("LeafletLanguages", map[string]any{"Languages": c.endonyms(), "URL": short}),
		links: []link{{short, c.cfg.URL(c.lang + "/")}}})
	if c.fallback {
		c.add(block{kind: note, body: c.msg("LeafletFallback")})
	}
	c.newPage()
}

// endonyms lists the site's languages by their own names.
func (c *composer) endonyms() string {
	names := make([]string, len(c.cfg.Languages))
	for i, l := range c.cfg.Languages {
		names[i] = l.Endonym
	}
	return strings.Join(names, c.strs.T("LeafletListSeparator"))
}
