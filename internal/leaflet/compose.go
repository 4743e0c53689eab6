package leaflet

import (
	"strconv"
	"strings"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
)

// This file decides what a leaflet says, in which order; layout.go decides
// where it goes on the page. Every string carries where it came from, so
// that text the font cannot draw is reported at its source.

// doc is one language's version of a leaflet.
type doc struct {
	lang  string
	rtl   bool
	title string // the document title: "Putting Victims First", translated
	cover cover
	pages [][]block // each list starts on a new page
}

// cover is the top of the first page: a title, the force and a QR code to
// read more online. A plain cover has no colour band and no police name;
// a cover with no qr has no QR code and no caption.
type cover struct {
	title, subtitle, caption text
	qr                       string
	plain                    bool
}

// text is a string and where it came from.
type text struct {
	s, where string
}

type blockKind int

const (
	heading blockKind = iota // a section heading, kept with what follows
	para                     // a paragraph
	strong                   // a paragraph in bold
	row                      // label: value
	item                     // a numbered list item; label is the number
	blank                    // label and a line to fill in by hand
	entry                    // a name in bold beside paragraphs about it: a contact
	note                     // small print
)

// block is one thing on the page.
type block struct {
	kind  blockKind
	label text
	body  text
	link  string  // a web or mailto address the body links to
	more  []block // an entry's further paragraphs, under its body
	keep  bool    // keep on the same page as the next block
}

// composer builds the doc of one language.
type composer struct {
	r        *Renderer
	cfg      *config.Site
	set      *content.Set
	strs     *locale.Lang
	lang     string
	doc      *doc
	page     []block
	fallback bool // some content is shown in English
}

func (r *Renderer) newComposer(lang string) *composer {
	l, _ := r.src.Config.Language(lang)
	c := &composer{r: r, cfg: r.src.Config, set: r.src.Content, strs: r.src.Locales.Lang(lang), lang: lang}
	c.doc = &doc{lang: lang, rtl: l.RTL(), title: c.strs.T("SiteName")}
	return c
}

// msg returns a plain message.
func (c *composer) msg(id string) text { return text{c.strs.T(id), c.where(id)} }

// data returns a message filled in with data; a "Count" chooses the
// plural form.
func (c *composer) data(id string, data map[string]any) text {
	return text{c.strs.D(id, data), c.where(id)}
}

func (c *composer) where(id string) string {
	w := c.strs.Where(id)
	return w.File + ":" + strconv.Itoa(w.Line) + ": message " + id
}

func (c *composer) add(b ...block) { c.page = append(c.page, b...) }

func (c *composer) newPage() {
	if len(c.page) > 0 {
		c.doc.pages = append(c.doc.pages, c.page)
	}
	c.page = nil
}

func (c *composer) heading(id string) { c.add(block{kind: heading, body: c.msg(id)}) }

// pageOf returns a page in the leaflet's language when it is translated
// and has what need asks for, or else the English page, noting that some
// of the leaflet is in English.
func (c *composer) pageOf(id string, need func(*content.Page) bool) *content.Page {
	if p := c.set.Get(id, c.lang); p != nil && need(p) {
		return p
	}
	p := c.set.Get(id, c.set.Source())
	if p != nil && c.lang != c.set.Source() {
		c.fallback = true
	}
	return p
}

func hasLeaflet(p *content.Page) bool { return p.Title != "" && p.Leaflet != "" }
func hasRights(p *content.Page) bool  { return p.Title != "" && len(p.Rights) > 0 }

// compose makes the personalised leaflet of d in lang.
func (r *Renderer) compose(d Details, lang string) *doc {
	if d.Discreet {
		return r.composeDiscreet(d, lang)
	}
	c := r.newComposer(lang)
	crime := c.pageOf(CrimePage(d.Crime), hasLeaflet)
	// Facts that do not depend on the language come from the English
	// page: translations need not repeat them.
	facts := c.set.Get(CrimePage(d.Crime), c.set.Source())
	c.cover(false, c.cfg.URL(lang+"/"+content.Dir(CrimePage(d.Crime))))
	if d.VictimName != "" {
		c.add(block{kind: strong, body: c.data("LeafletFor", map[string]any{"Name": d.VictimName})})
	}
	c.heading("LeafletReportTitle")
	c.row("LeafletCrimeRef", text{d.CrimeRef, FieldCrimeRef}, "")
	c.row("LeafletReported", text{c.strs.Date(d.Reported), c.where("DateFormat")}, "")
	c.row("LeafletCrime", text{crime.Title, crime.File + ": title"}, "")
	c.officer(d.Officer)
	c.heading("LeafletPromiseTitle")
	c.add(block{kind: para, body: c.promise(d.Promise)})
	c.heading("LeafletNextTitle")
	if crime.Leaflet != "" {
		c.add(block{kind: para, body: text{crime.Leaflet, crime.File + ": leaflet"}})
	} else {
		c.add(block{kind: para, body: c.msg("LeafletNextGeneric")})
	}
	c.support(facts.Support)
	c.emergency(d.CrimeRef)
	c.newPage()
	c.rights(facts.EnhancedRights, false)
	return c.doc
}

// composeGeneric makes the leaflet with blank lines that the site
// publishes in every language.
func (r *Renderer) composeGeneric(lang string) *doc {
	c := r.newComposer(lang)
	c.cover(false, c.cfg.URL(lang+"/"))
	c.heading("LeafletReportTitle")
	c.blanks("LeafletCrimeRef", "LeafletReported", "LeafletCrime")
	c.heading("LeafletOfficerTitle")
	c.blanks("LeafletOfficerName", "LeafletCollar", "LeafletPhone", "LeafletEmail", "LeafletStation")
	c.heading("LeafletPromiseTitle")
	c.blanks("LeafletPromiseHow", "LeafletPromiseEvery", "LeafletPromiseNext")
	c.heading("LeafletNextTitle")
	c.add(block{kind: para, body: c.msg("LeafletNextGeneric")})
	var support []string
	if p := c.set.Get(c.cfg.Code.RightsPage, c.set.Source()); p != nil {
		support = p.Support
	}
	c.support(support)
	c.emergency("")
	c.newPage()
	c.rights(false, true)
	return c.doc
}

// cover sets the top of the first page: the site's name, the force and a
// QR code to qr; or, plain, a neutral title alone, with no force and no
// QR code.
func (c *composer) cover(plain bool, qr string) {
	cv := cover{title: c.msg("SiteName"), caption: c.msg("LeafletQR"), qr: qr}
	if plain {
		cv = cover{title: c.msg("LeafletDiscreetTitle"), plain: true}
		c.doc.title = cv.title.s
	} else {
		cv.subtitle = text{c.cfg.Force, "site.toml: force"}
	}
	c.doc.cover = cv
}

func (c *composer) row(label string, value text, link string) {
	c.add(block{kind: row, label: c.msg(label), body: value, link: link})
}

func (c *composer) blanks(labels ...string) {
	for _, l := range labels {
		c.add(block{kind: blank, label: c.msg(l)})
	}
}

func (c *composer) officer(o Officer) {
	c.heading("LeafletOfficerTitle")
	c.row("LeafletOfficerName", text{o.Rank + " " + o.Name, FieldOfficerName}, "")
	c.row("LeafletCollar", text{o.Collar, FieldCollar}, "")
	c.row("LeafletPhone", text{o.Phone, FieldOfficerPhone}, "")
	c.row("LeafletEmail", text{o.Email, FieldOfficerEmail}, "mailto:"+o.Email)
	c.row("LeafletStation", text{o.Station, FieldStation}, "")
}

// promise puts the contact promise in words: "Your officer will contact
// you by phone every 7 days; next update by 27 November 2026."
func (c *composer) promise(p Promise) text {
	method, date := c.promiseWords(p)
	t := c.data("LeafletPromise", map[string]any{"Count": p.Every, "Method": method, "Date": date})
	return endSentence(t, date)
}

// discreetPromise is the promise on a discreet leaflet, naming the person
// who keeps in touch: "Jane will contact you by phone every 7 days...".
func (c *composer) discreetPromise(p Promise, name string) text {
	method, date := c.promiseWords(p)
	t := c.data("LeafletDiscreetPromise", map[string]any{"Count": p.Every, "Method": method, "Date": date, "Name": name})
	return endSentence(t, date)
}

// promiseWords returns the way of contact and the date, in the language.
func (c *composer) promiseWords(p Promise) (method, date string) {
	return c.strs.T(methodMessages[p.Method]), c.strs.Date(p.Next)
}

// endSentence drops the full stop after a date that ends in an
// abbreviation ("2026 m. lapkričio 27 d."), which also ends the sentence.
func endSentence(t text, date string) text {
	if strings.HasSuffix(date, ".") {
		t.s = strings.Replace(t.s, date+".", date, 1)
	}
	return t
}

var methodMessages = map[string]string{
	"phone": "LeafletByPhone", "email": "LeafletByEmail", "text": "LeafletByText",
	"letter": "LeafletByLetter", "visit": "LeafletByVisit",
}

// support lists the independent support service every leaflet names,
// then the contacts the page names.
func (c *composer) support(ids []string) {
	c.heading("LeafletSupportTitle")
	seen := map[string]bool{}
	for _, id := range append([]string{c.cfg.Code.SupportContact}, ids...) {
		if seen[id] {
			continue
		}
		seen[id] = true
		if ct, ok := c.cfg.Contact(id); ok {
			c.contact(ct, true)
		}
	}
}

// contact shows a contact's name beside what it is for (when about is
// set), its phone, website and hours.
func (c *composer) contact(ct config.Contact, about bool) {
	at := "site.toml: contact " + ct.ID
	var paras []block
	if a := c.aboutText(ct, about); a.s != "" {
		paras = append(paras, block{body: a})
	}
	if ct.Phone != "" {
		paras = append(paras, block{body: text{c.strs.T("LeafletPhone") + ": " + ct.Phone, at + " phone"}})
	}
	if ct.URL != "" {
		paras = append(paras, block{body: text{displayURL(ct.URL), at + " url"}, link: ct.URL})
	}
	if hours := c.inLang(ct.HoursIn); hours != "" {
		paras = append(paras, block{body: text{c.strs.T("LeafletHours") + ": " + hours, at + " hours"}})
	}
	e := block{kind: entry, label: text{ct.Name, at}}
	if len(paras) > 0 {
		e.body, e.link, e.more = paras[0].body, paras[0].link, paras[1:]
	}
	c.add(e)
}

// aboutText is what a contact is for, when it is wanted.
func (c *composer) aboutText(ct config.Contact, wanted bool) text {
	if !wanted {
		return text{}
	}
	return text{c.inLang(ct.AboutIn), "site.toml: contact " + ct.ID + " about"}
}

// inLang returns a contact's text in the leaflet's language, noting when
// site.toml only has it in English.
func (c *composer) inLang(get func(lang string) (string, string)) string {
	s, in := get(c.lang)
	if s != "" && in != c.lang {
		c.fallback = true
	}
	return s
}

// displayURL drops the scheme and the final slash, which say nothing to a
// reader: "www.victimlincs.co.uk".
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// emergency says when to call 999 and 101; ref is the crime reference to
// quote, or "" on the generic leaflet.
func (c *composer) emergency(ref string) {
	c.heading("LeafletEmergencyTitle")
	if ct, ok := c.cfg.Contact(c.cfg.Code.EmergencyContact); ok {
		c.add(block{kind: strong, body: c.data("LeafletCall999", map[string]any{"Phone": ct.Phone})})
		if about := c.inLang(ct.AboutIn); about != "" {
			c.add(block{kind: para, body: text{about, "site.toml: contact " + ct.ID + " about"}})
		}
	}
	if ct, ok := c.cfg.Contact(c.cfg.Code.NonEmergencyContact); ok {
		if ref == "" {
			c.add(block{kind: strong, body: c.data("LeafletCall101Generic", map[string]any{"Phone": ct.Phone})})
		} else {
			c.add(block{kind: strong, body: c.data("LeafletCall101", map[string]any{"Phone": ct.Phone, "Ref": ref})})
		}
	}
}

// complaintsContact is the contact that takes complaints the police have
// not put right, shown under "How to complain" when site.toml has it.
const complaintsContact = "phso"

// rights lists the Victims' Code rights from the rights page, the time
// limits from site.toml, enhanced rights, complaints, interpreters and the
// other languages the leaflet is in.
func (c *composer) rights(enhanced, generic bool) {
	code := c.cfg.Code
	if p := c.pageOf(code.RightsPage, hasRights); p != nil {
		c.add(block{kind: heading, body: text{p.Title, p.File + ": title"}})
		if p.Summary != "" {
			c.add(block{kind: para, body: text{p.Summary, p.File + ": summary"}})
		}
		for i, right := range p.Rights {
			n := strconv.Itoa(i + 1)
			c.add(block{kind: item, label: text{n + ".", p.File}, body: text{right, p.File + ": rights"}})
		}
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
	c.add(block{kind: para, body: c.data("LeafletComplain", map[string]any{"Phone": phone})})
	if ct, ok := c.cfg.Contact(complaintsContact); ok {
		c.contact(ct, true)
	}
	c.heading("LeafletInterpreterTitle")
	c.add(block{kind: para, body: c.msg("LeafletInterpreter")})
	c.heading("LeafletLanguagesTitle")
	c.add(block{kind: para, body: c.data("LeafletLanguages", map[string]any{"Languages": c.endonyms(), "URL": displayURL(c.cfg.URL(c.lang + "/"))})})
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
