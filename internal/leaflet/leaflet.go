// Package leaflet makes the PDF leaflets that officers give to victims of
// crime: an A4 leaflet in the victim's language with their officer's
// details, the contact promise agreed with them, what happens next, where
// to get support and their rights under the Victims' Code.
//
// Data enters as Details, parsed and checked from text by Parse (the
// command's flags, a CSV row, a web form: the field names are the same
// everywhere), and as a Source: the site's config, content and interface
// strings. Every fact comes from the site, never from Go code: phone
// numbers and hours from site.toml, the "what happens next" text and the
// support contacts from the crime's page, the rights from the front matter
// of the rights page, the wording from locales/leaflet.<lang>.toml.
// A discreet leaflet (Details.Discreet) says nothing that shows it comes
// from the police or what happened: its rules are in what it says
// (discreet.go), so any drawing of it keeps them, and Check tests every
// language's words against them.
// Renderer.Render returns the PDF bytes and touches no disk;
// Renderer.Generic makes the unpersonalised leaflet the website publishes,
// with blank lines for an officer to fill in by hand; Calendar makes the
// officer's reminders of the contact promise as iCalendar.
//
// What a leaflet says is composed first (compose.go, sections.go,
// discreet.go: blocks of text, each with where it came from), then laid
// out with internal/typeset (setblock.go, paginate.go: shaped, broken
// lines in every script, positioned on A4 pages; a block never splits
// across pages), then drawn with internal/pdf (draw.go: a tagged PDF/UA-1
// document with headings, lists, tables, links and the QR code as a
// Figure, and page furniture as artifacts). Text no font of the language
// can draw is an error that names where it came from, never a box. The
// same Details give byte-identical output; the metadata holds only the
// leaflet's title and language, never the victim's or the officer's
// details.
package leaflet

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/config"
	"victimsite/internal/content"
	"victimsite/internal/locale"
	"victimsite/internal/problem"
)

// Details are what one personalised leaflet says about one victim's case.
// Parse makes them from text; Render checks them against the site.
type Details struct {
	Lang     string    // the victim's language, a language the site declares
	Crime    string    // the crime page's slug: "burglary" for content/crime/burglary
	CrimeRef string    // the crime reference number, such as LP-12345-26
	Reported time.Time // the day the crime was reported
	Officer  Officer
	Promise  Promise

	VictimName string // optional: printed on the leaflet so it reaches the right person
	Bilingual  bool   // also print the leaflet in English, after the victim's language
	// Discreet makes a leaflet that shows neither that it comes from the
	// police nor what happened: see composeDiscreet.
	Discreet bool
	// ContactName is how a discreet leaflet names the officer; empty
	// means the officer's first name.
	ContactName string
	// LargePrint sets every text at least 16 pt instead of 12 pt (the
	// RNIB's large print): the same leaflet, on more pages.
	LargePrint bool
	// Made is the day the leaflet is made, printed at the foot of every
	// page (Parse sets it to the day of now); zero means Reported.
	Made time.Time
}

// made is the day the leaflet says it was made.
func (d Details) made() time.Time {
	if d.Made.IsZero() {
		return d.Reported
	}
	return d.Made
}

// Officer is the officer in charge of the case: the person the victim
// contacts.
type Officer struct {
	Name, Rank, Collar, Phone, Email, Station string
}

// Promise is the contact promise agreed with the victim: how and how often
// the officer will update them, and when the next update is due.
type Promise struct {
	Method string    // one of Methods
	Every  int       // days between updates
	Next   time.Time // the next update is due by this day
}

// Methods are the ways an officer can promise to keep in touch.
var Methods = []string{"phone", "email", "text", "letter", "visit"}

// Source is the site a leaflet is made from.
type Source struct {
	Config  *config.Site
	Content *content.Set
	// Fonts is the site's folder, where site.toml's [leaflet.fonts]
	// files are. When it is nil those entries are not used, and every
	// language is drawn in the embedded fonts.
	Fonts   fs.FS
	Locales *locale.Bundle
	// site holds the font files of Fonts as Load read them (nil for a
	// Source made otherwise: they are then read where they are used).
	site *siteFonts
}

// Load reads what leaflets need from a site folder (site.toml, content/
// and locales/, not the templates) and checks that every language has
// every leaflet message and that the font files site.toml names can be
// used (CheckFonts). The Source must not be used when the list holds
// errors.
func Load(fsys fs.FS) (Source, problem.List) {
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		return Source{}, probs
	}
	src := Source{Config: cfg, Fonts: fsys, site: newSiteFonts(fsys)}
	var more problem.List
	src.Content, more = content.Load(fsys, cfg)
	probs = append(probs, more...)
	src.Locales, more = locale.Load(fsys, cfg)
	probs = append(probs, more...)
	probs = append(probs, Check(src)...)
	probs = append(probs, CheckFonts(src)...)
	probs.Sort()
	return src, probs
}

// Check reports every leaflet message a language lacks, every plural
// message without a form its language needs, a rights page without
// rights, and any text that a discreet leaflet would show and that gives
// away that it comes from the police or what happened.
func Check(src Source) problem.List {
	var probs problem.List
	lacking := map[string]bool{}
	for _, l := range src.Config.Languages {
		strs := src.Locales.Lang(l.Code)
		if strs == nil {
			continue // locale.Load has reported it
		}
		for _, id := range messageIDs {
			if strs.Has(id) {
				continue
			}
			lacking[l.Code] = true
			file, from := strs.File(), locale.Folder+"/"+src.Config.DefaultLanguage+".toml"
			if strings.HasPrefix(id, "Leaflet") {
				file = locale.Folder + "/leaflet." + l.Code + ".toml"
				from = locale.Folder + "/leaflet." + src.Config.DefaultLanguage + ".toml"
			}
			probs.Add(file, 0, "message %q, which leaflets use, is missing; add it, translated from %s", id, from)
		}
	}
	probs = append(probs, checkPlurals(src)...)
	if def := src.Config.DefaultLanguage; !lacking[def] {
		probs = append(probs, discreetProblems(src, lacking)...)
	}
	if id := src.Config.Code.RightsPage; id != "" {
		if p := src.Content.Get(id, src.Content.Source()); p == nil || len(p.Rights) == 0 {
			probs.Add(config.File, 0, "[code] rights_page %q must name a page whose front matter lists the rights", id)
		}
	}
	return probs
}

// pluralIDs are the leaflet messages that take a count.
var pluralIDs = []string{"LeafletPromise", "LeafletDiscreetPromise", "LeafletReferral", "LeafletUpdates", "LeafletEnhanced", "LeafletEnhancedGeneric"}

// checkPlurals reports a plural leaflet message that lacks a form its
// language needs for some count.
func checkPlurals(src Source) problem.List {
	var probs problem.List
	for _, l := range src.Config.Languages {
		strs := src.Locales.Lang(l.Code)
		if strs == nil {
			continue
		}
		for _, id := range pluralIDs {
			if !strs.Has(id) {
				continue // reported as missing
			}
			for _, n := range sampleCounts {
				if strs.N(id, n) == id+" "+strconv.Itoa(n) {
					w := strs.Where(id)
					probs.Add(w.File, w.Line, "message %q has no plural form for %d in %s; add the form (one, few, many, other…) the language uses for it", id, n, l.Code)
					break
				}
			}
		}
	}
	return probs
}

// Renderer makes leaflets from one site. It is safe for concurrent use:
// bulk runs share one Renderer between workers, so fonts are parsed once
// and shaped text is shared.
type Renderer struct {
	src   Source
	fonts *fontSet
	qr    sync.Map // URL -> [][]bool
	// wholeOwn shapes personal messages whole, not in pieces (ownData):
	// for tests that compare the two.
	wholeOwn bool
}

// New returns a Renderer for the site. It fails when the site lacks a
// leaflet message, a language's strings or the rights page, or a font
// site.toml names.
func New(src Source) (*Renderer, error) {
	if src.Config == nil || src.Content == nil || src.Locales == nil {
		return nil, errors.New("leaflet: the site is not loaded")
	}
	if probs := Check(src); probs.Errors() > 0 {
		return nil, probs.Err()
	}
	r := &Renderer{src: src}
	for _, l := range src.Config.Languages {
		if src.Locales.Lang(l.Code) == nil {
			return nil, fmt.Errorf("leaflet: no strings for language %q", l.Code)
		}
	}
	fs, err := newFontSet(src, r.languages())
	if err != nil {
		return nil, err
	}
	r.fonts = fs
	return r, nil
}

// Render returns the personalised leaflet for d as PDF bytes. Details
// that the site cannot serve (a language it does not declare, a crime it
// has no page for) are an *InvalidError naming the field.
func (r *Renderer) Render(d Details) ([]byte, error) {
	if err := r.Validate(d); err != nil {
		return nil, err
	}
	return r.print(r.docs(d), d.LargePrint)
}

// docs composes the leaflet for d: in its language, then, where d asks
// for a bilingual leaflet, in the site's default language.
func (r *Renderer) docs(d Details) []*doc {
	docs := []*doc{r.compose(d, d.Lang)}
	if d.Bilingual && d.Lang != r.src.Config.DefaultLanguage {
		docs = append(docs, r.compose(d, r.src.Config.DefaultLanguage))
	}
	return docs
}

// Generic returns the leaflet in lang that is not about any one case: the
// one the website publishes, with blank lines for the officer to fill in.
// Its dates are the day the site's facts were last checked.
func (r *Renderer) Generic(lang string) ([]byte, error) {
	if _, ok := r.fonts.stacks[lang]; !ok {
		return nil, fmt.Errorf("leaflet: %q is not a language of the site", lang)
	}
	return r.print([]*doc{r.composeGeneric(lang)}, false)
}

// Generics returns the generic leaflet of every language of the site, by
// language code, made in parallel: what a site build publishes.
func (r *Renderer) Generics() (map[string][]byte, error) {
	langs := r.languages()
	pdfs := make([][]byte, len(langs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, l := range langs {
		g.Go(func() (err error) {
			if pdfs[i], err = r.Generic(l); err != nil {
				return fmt.Errorf("leaflet in %s: %w", l, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(langs))
	for i, l := range langs {
		out[l] = pdfs[i]
	}
	return out, nil
}

// Read parses details from text fields as Parse does, on the day of now,
// and checks them against the site as Validate does: every problem in
// one *InvalidError, in the order of the fields. It is how the command,
// a CSV file and the desk all read a leaflet's details.
func (r *Renderer) Read(values map[string]string, now time.Time) (Details, error) {
	d, err := Parse(values, now)
	var parsed *InvalidError
	if !errors.As(err, &parsed) && err != nil {
		return d, err
	}
	var inv InvalidError
	bad := map[string]bool{}
	if parsed != nil {
		inv.Problems = parsed.Problems
		for _, p := range parsed.Problems {
			bad[p.Field] = true
		}
	}
	var site *InvalidError
	if errors.As(r.Validate(d), &site) {
		for _, p := range site.Problems {
			if !bad[p.Field] { // a field Parse refused says so once
				inv.Problems = append(inv.Problems, p)
			}
		}
	}
	inv.sort()
	return d, inv.err()
}

// Validate reports, as an *InvalidError, the details that this site
// cannot serve: a language it does not declare, a crime it has no page
// for, both when both are wrong. Parse has checked everything else.
func (r *Renderer) Validate(d Details) error {
	var inv InvalidError
	if _, ok := r.fonts.stacks[d.Lang]; !ok {
		inv.add(FieldLang, "is not a language of the site; use one of %s", strings.Join(r.languages(), ", "))
	}
	if r.src.Content.Get(CrimePage(d.Crime), r.src.Content.Source()) == nil {
		inv.add(FieldCrime, "has no page on the site; use one of %s", strings.Join(r.Crimes(), ", "))
	}
	return inv.err()
}

func (r *Renderer) languages() []string {
	var codes []string
	for _, l := range r.src.Config.Languages {
		codes = append(codes, l.Code)
	}
	return codes
}

// Crimes returns the slugs of the crime pages, the values -crime takes.
func (r *Renderer) Crimes() []string {
	var out []string
	for _, id := range r.src.Content.IDs() {
		if slug, ok := strings.CutPrefix(id, crimeSection+"/"); ok {
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out
}

const crimeSection = "crime"

// FileBase returns the name, without extension, that a leaflet's files
// take from its crime reference: LP-12345-26, with any / made a -.
func FileBase(crimeRef string) string {
	base := strings.Map(func(r rune) rune {
		if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			return r
		}
		return '-'
	}, crimeRef)
	if strings.Trim(base, "-") == "" {
		return "leaflet"
	}
	return base
}

// CrimePage returns the content id of a crime's page: "crime/burglary".
func CrimePage(slug string) string { return crimeSection + "/" + slug }

// print lays out the docs, one after the other, and draws them into one
// PDF.
func (r *Renderer) print(docs []*doc, large bool) ([]byte, error) {
	l, err := r.lay(docs, large)
	if err != nil {
		return nil, err
	}
	return r.fonts.draw(l)
}

// lay makes the QR code of each doc's cover and lays the docs out, one
// after the other.
func (r *Renderer) lay(docs []*doc, large bool) (*laid, error) {
	qr := make([][][]bool, len(docs))
	for i, d := range docs {
		if d.cover.qr != "" { // a discreet leaflet has none
			m, err := r.qrCode(d.cover.qr)
			if err != nil {
				return nil, err
			}
			qr[i] = m
		}
	}
	return r.layout(docs, qr, large)
}
