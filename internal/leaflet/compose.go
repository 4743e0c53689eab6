package leaflet

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
	"victimsite/internal/typeset"
)

// This file decides what a leaflet says, in which order; layout.go decides
// where it goes on the page. Every string carries where it came from, so
// that text the font cannot draw is reported at its source.

// doc is one language's version of a leaflet.
type doc struct {
	lang   string
	rtl    bool
	title  string // the document title: "Information for victims of crime", translated
	cover  cover
	pages  [][]block // the blocks, in reading order; each list flows on from the last
	footer footer
}

// footer is what every page carries at its foot: the reference, the page
// number and the day the leaflet was made.
type footer struct {
	ref    string                 // "Crime reference number: LP-12345-26", or "" on the generic leaflet
	bare   string                 // "LP-12345-26": the reference alone, where the labelled one would wrap
	made   string                 // "Made on 23 November 2026"
	pageOf func(n, of int) string // "Page 2 of 4"
}

// cover is the top of the first page: a title, the campaign and force and
// a QR code to read more online. A plain cover has a neutral title alone;
// a cover with no qr has no QR code and no caption.
type cover struct {
	title, subtitle, force, caption text
	qr                              string
	plain                           bool
}

// text is a string and where it came from.
type text struct {
	s, where string
	own      bool // personal: it holds the victim's or the officer's details
	// mine, for an own text filled in from a message, are the bytes of s
	// that hold the details; the rest is the message's words (ownData).
	// nil: all of s is personal.
	mine []typeset.Span
}

type blockKind int

const (
	heading blockKind = iota // a section heading, kept with what follows
	subhead                  // a contact's name, kept with what follows
	para                     // a paragraph
	strong                   // a paragraph in bold
	row                      // label: value; rows in a row make a table
	item                     // a numbered list item; label is the number
	blank                    // label and a line to fill in by hand
	note                     // a paragraph about the leaflet itself
	group                    // blocks kept together on one page
	box                      // a group in a box: the emergency numbers
	columns                  // blocks in two columns, kept together: rights, contact cards
	pair                     // the officer, promise and report: the two tables side by side where they fit
)

// link is a part of a block's text that links to uri: a phone number, a
// web or email address.
type link struct {
	s, uri string
}

// block is one thing on the page. No block is split across pages.
type block struct {
	kind  blockKind
	label text
	body  text
	links []link  // parts of body that link, in order
	more  []block // a group's blocks
	lang  string  // the language of body when it is not the leaflet's (English fallback)
	keep  bool    // kept on the page of the block that follows: an introduction
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
	c.doc = &doc{lang: lang, rtl: l.RTL(), title: c.strs.T("LeafletTitle")}
	c.doc.footer.pageOf = func(n, of int) string {
		return c.strs.D("LeafletPageOf", map[string]any{"Page": n, "Pages": of})
	}
	return c
}

// msg returns a plain message.
func (c *composer) msg(id string) text { return text{s: c.strs.T(id), where: c.where(id)} }

// data returns a message filled in with data; a "Count" chooses the
// plural form.
func (c *composer) data(id string, data map[string]any) text {
	return text{s: c.strs.D(id, data), where: c.where(id)}
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

// footer sets what every page carries: ref (labelled), and the day made.
func (c *composer) footer(label, ref string, made time.Time) {
	if ref != "" {
		c.doc.footer.ref, c.doc.footer.bare = c.strs.T(label)+": "+ref, ref
	}
	c.doc.footer.made = c.strs.D("LeafletMade", map[string]any{"Date": c.strs.Date(made)})
}

// pageOf returns a page in the leaflet's language when it is translated
// and has what need asks for, or else the English page, noting that some
// of the leaflet is in English; and the language of the page it returns.
func (c *composer) pageOf(id string, need func(*content.Page) bool) (*content.Page, string) {
	if p := c.set.Get(id, c.lang); p != nil && need(p) {
		return p, ""
	}
	p := c.set.Get(id, c.set.Source())
	if p != nil && c.lang != c.set.Source() {
		c.fallback = true
		return p, c.set.Source()
	}
	return p, ""
}

func hasLeaflet(p *content.Page) bool { return p.Title != "" && p.Leaflet != "" }
func hasRights(p *content.Page) bool  { return p.Title != "" && len(p.Rights) > 0 }

// compose makes the personalised leaflet of d in lang: the emergency
// numbers first, then the officer, the contact promise, the report, what
// happens next, support, and the rights.
func (r *Renderer) compose(d Details, lang string) *doc {
	if d.Discreet {
		return r.composeDiscreet(d, lang)
	}
	c := r.newComposer(lang)
	c.footer("LeafletCrimeRef", d.CrimeRef, d.made())
	crime, crimeLang := c.pageOf(CrimePage(d.Crime), hasLeaflet)
	// Facts that do not depend on the language come from the English
	// page: translations need not repeat them.
	facts := c.set.Get(CrimePage(d.Crime), c.set.Source())
	c.cover(false, c.cfg.URL(lang+"/"+content.Dir(CrimePage(d.Crime))))
	if d.VictimName != "" {
		c.add(block{kind: strong, body: c.ownData("LeafletFor", map[string]any{"Name": d.VictimName})})
	}
	c.emergency(func(phone string) text {
		return c.ownData("LeafletCall101", map[string]any{"Phone": phone, "Ref": d.CrimeRef})
	})
	start := len(c.page)
	c.officer(d.Officer)
	c.heading("LeafletPromiseTitle")
	c.add(block{kind: para, body: c.promise(d.Promise)})
	c.heading("LeafletReportTitle")
	c.add(block{kind: group, more: []block{
		c.row("LeafletCrimeRef", text{s: d.CrimeRef, where: FieldCrimeRef}),
		c.row("LeafletReported", text{s: c.strs.Date(d.Reported), where: c.where("DateFormat")}),
		{kind: row, label: c.msg("LeafletCrime"), body: text{s: crime.Title, where: crime.File + ": title"}, lang: crimeLang},
	}})
	c.page = append(c.page[:start], block{kind: pair, more: append([]block(nil), c.page[start:]...)})
	c.heading("LeafletNextTitle")
	if crime.Leaflet != "" {
		c.add(block{kind: para, body: text{s: crime.Leaflet, where: crime.File + ": leaflet"}, lang: crimeLang})
	} else {
		c.add(block{kind: para, body: c.msg("LeafletNextGeneric")})
	}
	c.support(facts.Support)
	c.rights(facts.EnhancedRights, false)
	return c.doc
}

// composeGeneric makes the leaflet with ruled lines that the site
// publishes in every language.
func (r *Renderer) composeGeneric(lang string) *doc {
	c := r.newComposer(lang)
	c.footer("", "", c.cfg.Checked)
	c.cover(false, c.cfg.URL(lang+"/"))
	c.emergency(func(phone string) text {
		return c.data("LeafletCall101Generic", map[string]any{"Phone": phone})
	})
	start := len(c.page)
	c.heading("LeafletOfficerTitle")
	c.blanks("LeafletOfficerName", "LeafletCollar", "LeafletPhone", "LeafletEmail", "LeafletStation")
	c.heading("LeafletPromiseTitle")
	c.blanks("LeafletPromiseHow", "LeafletPromiseEvery", "LeafletPromiseNext")
	c.heading("LeafletReportTitle")
	c.blanks("LeafletCrimeRef", "LeafletReported", "LeafletCrime")
	c.page = append(c.page[:start], block{kind: pair, more: append([]block(nil), c.page[start:]...)})
	c.heading("LeafletNextTitle")
	c.add(block{kind: para, body: c.msg("LeafletNextGeneric")})
	var support []string
	if p := c.set.Get(c.cfg.Code.RightsPage, c.set.Source()); p != nil {
		support = p.Support
	}
	c.support(support)
	c.rights(false, true)
	return c.doc
}

// cover sets the top of the first page: the title, the campaign, the
// force and a QR code to qr; or, plain, a neutral title alone, with no
// force and no QR code.
func (c *composer) cover(plain bool, qr string) {
	cv := cover{title: c.msg("LeafletTitle"), caption: c.msg("LeafletQR"), qr: qr}
	if plain {
		cv = cover{title: c.msg("LeafletDiscreetTitle"), plain: true}
		c.doc.title = cv.title.s
	} else {
		cv.subtitle = c.msg("SiteName")
		cv.force = text{s: c.cfg.Force, where: "site.toml: force"}
	}
	c.doc.cover = cv
}

// own marks a text as personal.
func own(t text) text {
	t.own = true
	return t
}

func (c *composer) row(label string, value text) block {
	if slices.Contains(Fields, value.where) || value.where == c.where("DateFormat") {
		value.own = true
	}
	return block{kind: row, label: c.msg(label), body: value}
}

// blanks are labels with ruled lines to write on, kept together.
func (c *composer) blanks(labels ...string) {
	g := block{kind: group}
	for _, l := range labels {
		g.more = append(g.more, block{kind: blank, label: c.msg(l)})
	}
	c.add(g)
}

func (c *composer) officer(o Officer) {
	c.heading("LeafletOfficerTitle")
	phone, email := c.row("LeafletPhone", text{s: o.Phone, where: FieldOfficerPhone}), c.row("LeafletEmail", text{s: o.Email, where: FieldOfficerEmail})
	phone.links = []link{{o.Phone, telURI(o.Phone)}}
	email.links = []link{{o.Email, "mailto:" + o.Email}}
	c.add(block{kind: group, more: []block{
		c.row("LeafletOfficerName", text{s: o.Rank + " " + o.Name, where: FieldOfficerName}),
		c.row("LeafletCollar", text{s: o.Collar, where: FieldCollar}),
		phone, email,
		c.row("LeafletStation", text{s: o.Station, where: FieldStation}),
	}})
}

// promise puts the contact promise in words: "Your officer will contact
// you by phone every 7 days; next update by 27 November 2026."
func (c *composer) promise(p Promise) text {
	method, date := c.promiseWords(p)
	t := c.ownData("LeafletPromise", map[string]any{"Count": p.Every, "Method": method, "Date": date})
	return endSentence(t, date)
}

// discreetPromise is the promise on a discreet leaflet, naming the person
// who keeps in touch: "Jane will contact you by phone every 7 days...".
func (c *composer) discreetPromise(p Promise, name string) text {
	method, date := c.promiseWords(p)
	t := c.ownData("LeafletDiscreetPromise", map[string]any{"Count": p.Every, "Method": method, "Date": date, "Name": name})
	return endSentence(t, date)
}

// promiseWords returns the way of contact and the date, in the language.
func (c *composer) promiseWords(p Promise) (method, date string) {
	return c.strs.T(methodMessages[p.Method]), c.strs.Date(p.Next)
}

// endSentence drops the full stop after a date that ends in an
// abbreviation ("2026 m. lapkričio 27 d."), which also ends the sentence.
func endSentence(t text, date string) text {
	if !strings.HasSuffix(date, ".") {
		return t
	}
	at := strings.LastIndex(t.s, date+".") // the date ends the sentence; a name comes before it
	if at < 0 {
		return t
	}
	cut := at + len(date) // the byte dropped
	t.s = t.s[:cut] + t.s[cut+1:]
	t.mine = slices.Clone(t.mine) // nil (all personal) stays nil
	for i := range t.mine {
		if t.mine[i].Start > cut {
			t.mine[i].Start--
		}
		if t.mine[i].End > cut {
			t.mine[i].End--
		}
	}
	return t
}

var methodMessages = map[string]string{
	"phone": "LeafletByPhone", "email": "LeafletByEmail", "text": "LeafletByText",
	"letter": "LeafletByLetter", "visit": "LeafletByVisit",
}
