package leaflet

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"victimsite/internal/problem"
)

// This file composes the discreet leaflet, for a victim who is at risk if
// someone else reads it: of domestic abuse, stalking, a sexual offence,
// or anyone who asks. FACTS.md lists what it must not show: the word
// police (in any language), a police address, email or station, the crime
// type, any domestic-abuse service's name, or a QR code to a police
// address. The rules live here, in what the leaflet says, so that every
// drawing of it keeps them; discreetProblems checks the words of every
// language against them at load time.

// discreetCrimes are the crimes whose victims most need a leaflet that
// does not give them away: the command warns, and the desk suggests the
// discreet leaflet, when one of these is made without it.
var discreetCrimes = []string{"domestic-abuse", "stalking-and-harassment", "rape-and-sexual-offences"}

// SuggestsDiscreet reports whether the victims of a crime (a crime page's
// slug) should be offered the discreet leaflet first.
func SuggestsDiscreet(crime string) bool { return slices.Contains(discreetCrimes, crime) }

// composeDiscreet makes the discreet leaflet of d in lang. It keeps a
// neutral title; the name the officer gives (their first name unless they
// chose another) and their phone; the reference, not called a crime
// reference; the contact promise in neutral words; the support services
// every victim is given (the site's support contact and the rights page's
// contacts, not the crime's), by name, phone, web address and hours; and
// 999 and 101. It leaves out the cover's force and QR code, the date
// reported, the crime, rank, collar number, email and station, what
// happens next, the crime's own support services, the rights and how to
// complain, and the web address of the site, all of which say police or
// what happened.
func (r *Renderer) composeDiscreet(d Details, lang string) *doc {
	c := r.newComposer(lang)
	c.footer("LeafletDiscreetRef", d.CrimeRef, d.made())
	c.cover(true, "")
	if d.VictimName != "" {
		c.add(block{kind: strong, body: c.ownData("LeafletFor", map[string]any{"Name": d.VictimName})})
	}
	name := text{s: contactName(d), where: FieldContactName, own: true}
	if d.ContactName == "" {
		name.where = FieldOfficerName
	}
	c.emergency(func(phone string) text {
		return c.ownData("LeafletDiscreetCall101", map[string]any{"Name": name.s, "Phone": phone, "Ref": d.CrimeRef})
	})
	c.heading("LeafletDiscreetContactTitle")
	phone := c.row("LeafletPhone", text{s: d.Officer.Phone, where: FieldOfficerPhone})
	phone.links = []link{{d.Officer.Phone, telURI(d.Officer.Phone)}}
	c.add(block{kind: group, more: []block{
		{kind: row, label: c.msg("LeafletDiscreetName"), body: name},
		phone,
		c.row("LeafletDiscreetRef", text{s: d.CrimeRef, where: FieldCrimeRef}),
	}})
	c.add(block{kind: para, body: c.discreetPromise(d.Promise, name.s)})
	c.heading("LeafletSupportTitle")
	var cards []block
	for _, id := range r.generalContacts() {
		if ct, ok := c.cfg.Contact(id); ok {
			// What site.toml says a service is for is written for
			// the website, and may say the police or whom it helps.
			cards = append(cards, c.card(ct, false))
		}
	}
	c.cards(cards)
	c.add(block{kind: para, body: c.ownData("LeafletDiscreetMore", map[string]any{"Name": name.s})})
	if c.fallback {
		c.add(block{kind: note, body: c.msg("LeafletFallback")})
	}
	c.newPage()
	return c.doc
}

// contactName is how a discreet leaflet names the officer: the name they
// chose, or else their first name.
func contactName(d Details) string {
	if d.ContactName != "" {
		return d.ContactName
	}
	first, _, _ := strings.Cut(strings.TrimSpace(d.Officer.Name), " ")
	return first
}

// generalContacts are the support services every victim is given,
// whatever the crime: the site's support contact and the contacts of the
// rights page, which the generic leaflet lists too.
func (r *Renderer) generalContacts() []string {
	ids := []string{r.src.Config.Code.SupportContact}
	if p := r.src.Content.Get(r.src.Config.Code.RightsPage, r.src.Content.Source()); p != nil {
		for _, id := range p.Support {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// discreetProblems reports every text that a discreet leaflet in one of
// the site's languages would show and that gives the victim away, at the
// file and line it comes from. skip holds languages that lack messages,
// which Check reports instead.
func discreetProblems(src Source, skip map[string]bool) problem.List {
	r := &Renderer{src: src}
	var probs problem.List
	seen := map[[2]string]bool{} // text and where
	for _, l := range src.Config.Languages {
		if skip[l.Code] || src.Locales.Lang(l.Code) == nil {
			continue
		}
		terms := r.discreetTerms(l.Code)
		for _, t := range r.discreetTexts(l.Code) {
			term := terms.find(t.s)
			if term == "" || slices.Contains(Fields, t.where) || seen[[2]string{t.s, t.where}] {
				continue
			}
			seen[[2]string{t.s, t.where}] = true
			file, line, what := sourceOf(t.where)
			probs.Add(file, line, "%sa discreet leaflet in %s would show %q, which can give away that it comes from the police or what happened; reword it (locales/leaflet.%s.toml lists the words to avoid in LeafletDiscreetNever)",
				what, l.Code, term, l.Code)
		}
	}
	return probs
}

// discreetTexts returns every text and link a discreet leaflet in lang
// can show that does not come from the officer: a sample leaflet for
// each way of keeping in touch, and each plural form of the promise.
func (r *Renderer) discreetTexts(lang string) []text {
	var out []text
	d := Details{Lang: lang, CrimeRef: "0", Officer: Officer{Name: "A", Phone: "0"}, VictimName: "A",
		Promise: Promise{Every: 7, Next: r.src.Config.Checked}, Discreet: true}
	for _, m := range Methods {
		d.Promise.Method = m
		doc := r.composeDiscreet(d, lang)
		// The document's title is the cover's.
		out = append(out, doc.cover.title, doc.cover.subtitle, doc.cover.force, doc.cover.caption, text{s: doc.cover.qr, where: "the QR code"},
			text{s: doc.footer.ref, where: "the footer"}, text{s: doc.footer.made, where: "the footer"})
		for _, page := range doc.pages {
			walkBlocks(page, func(b block) {
				out = append(out, b.label, b.body)
				for _, l := range b.links {
					out = append(out, text{s: l.uri, where: b.body.where + " (its link)"})
				}
			})
		}
	}
	c := r.newComposer(lang)
	for _, n := range sampleCounts {
		d.Promise.Every = n
		out = append(out, c.discreetPromise(d.Promise, "A"))
	}
	return append(out, c.msg("LeafletFallback"))
}

// discreetTerms are what a discreet leaflet in lang must not show.
type discreetTerms struct {
	anywhere  []string // found inside any word: stems of the leaflet's language, names, addresses
	wordStart []string // found at the start of a word: the stems of the site's default language
}

// discreetTerms gathers, in lower case, the words of LeafletDiscreetNever
// in lang and in the default language (which a bilingual leaflet adds,
// and which shows where a translation is missing); the site's name, the
// force and the site's host; the title of every crime page in both
// languages; and the name of every support service that a crime page
// lists and that is not given to every victim.
func (r *Renderer) discreetTerms(lang string) discreetTerms {
	cfg, set := r.src.Config, r.src.Content
	var t discreetTerms
	t.anywhere = neverWords(r.src.Locales.Lang(lang).T("LeafletDiscreetNever"))
	if def := cfg.DefaultLanguage; def != lang {
		t.wordStart = neverWords(r.src.Locales.Lang(def).T("LeafletDiscreetNever"))
	}
	add := func(s string) {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" && !slices.Contains(t.anywhere, s) {
			t.anywhere = append(t.anywhere, s)
		}
	}
	add(cfg.Name)
	add(cfg.Force)
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		add(u.Hostname())
	}
	general := r.generalContacts()
	for _, crime := range r.Crimes() {
		for _, l := range []string{lang, set.Source()} {
			if p := set.Get(CrimePage(crime), l); p != nil {
				add(p.Title)
			}
		}
		if p := set.Get(CrimePage(crime), set.Source()); p != nil {
			for _, id := range p.Support {
				if ct, ok := cfg.Contact(id); ok && !slices.Contains(general, id) {
					add(ct.Name)
				}
			}
		}
	}
	return t
}

// neverWords splits a LeafletDiscreetNever message into its words.
func neverWords(list string) []string {
	var out []string
	for _, w := range strings.Split(list, ",") {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// find returns the first term s shows, or "".
func (t discreetTerms) find(s string) string {
	s = strings.ToLower(s)
	for _, term := range t.anywhere {
		if strings.Contains(s, term) {
			return term
		}
	}
	for _, term := range t.wordStart {
		for i := strings.Index(s, term); i >= 0; {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !unicode.IsLetter(r) {
				return term
			}
			next := strings.Index(s[i+1:], term)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return ""
}

// sourceOf splits where a text came from ("locales/leaflet.pl.toml:12:
// message X", "site.toml: contact x hours") into a file, a line (0 when
// it is not known) and what in the file, followed by ": ".
func sourceOf(where string) (file string, line int, what string) {
	head, rest, ok := strings.Cut(where, ": ")
	if !ok {
		return where, 0, ""
	}
	file = head
	if f, n, ok := strings.Cut(head, ":"); ok {
		if l, err := strconv.Atoi(n); err == nil {
			file, line = f, l
		}
	}
	return file, line, rest + ": "
}

// walkBlocks calls fn for each block and each block of a group, in order.
func walkBlocks(blocks []block, fn func(block)) {
	for _, b := range blocks {
		fn(b)
		walkBlocks(b.more, fn)
	}
}
