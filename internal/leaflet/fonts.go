package leaflet

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"victimsite/fonts"
	"victimsite/internal/pdf"
	"victimsite/internal/typeset"
)

// GlyphError is text from the site (a message, a page, a contact) holding
// a rune that no font of the language can draw. Text an officer typed is
// reported as an *InvalidError naming the field instead.
type GlyphError struct {
	Where string // file and what in it: "locales/leaflet.pl.toml:12: message LeafletQR"
	Rune  rune
}

// Error names the source and the rune.
func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s: no leaflet font can draw %q (U+%04X); replace it", e.Where, e.Rune, e.Rune)
}

// fontSet is the fonts of a Renderer: a typeset stack per language and
// each font file parsed once for the PDF writer, which caches its subsets.
type fontSet struct {
	lib    *typeset.Library
	stacks map[string]*typeset.Stack // by language code
	pdf    pdfFonts
	// drawable holds the site's texts (never personal ones) that check
	// has passed, by checkKey: they are the same in every leaflet.
	drawable sync.Map
}

// checkKey is what check's answer for a site's text depends on.
type checkKey struct {
	lang, s string
	bold    bool
}

// newFontSet loads the stack of every language: the fonts site.toml
// gives it ([leaflet.fonts.<lang>], read from the site's folder), or
// else the embedded Noto fonts for its script, followed by Noto Sans.
func newFontSet(src Source, langs []string) (*fontSet, error) {
	fs := &fontSet{lib: typeset.NewLibrary(fonts.FS()).CutAtSpaces(), stacks: map[string]*typeset.Stack{}}
	site := src.siteFonts()
	var errs []error
	for _, lang := range langs {
		families := withFallbacks(typeset.DefaultFamilies(lang))
		for i := range families {
			if families[i].Regular == fonts.NastaliqUrduRegular {
				// Nastaliq's own line height (2.5 em) leaves gaps; the
				// typesetter keeps 1.8 em wherever the ink of two lines
				// stays apart, and opens a line where it would not.
				families[i].LineHeight = 1.8
				// Nastaliq bold adds some 10 KB to every Urdu leaflet;
				// headings are told apart by size and colour.
				families[i].Bold = families[i].Regular
			}
		}
		st, err := fs.lib.Stack(families...)
		if _, ok := src.Config.Leaflet.Fonts[lang]; ok && site != nil {
			if st, err = fs.siteStack(site, src.Config, lang, families); err != nil {
				errs = append(errs, err) // it names site.toml's line
				continue
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("leaflet fonts for %s: %w", lang, err))
			continue
		}
		fs.stacks[lang] = st
	}
	return fs, errors.Join(errs...)
}

// withFallbacks adds the other embedded families after a language's own,
// so that a leaflet can name every language of the site in its own
// script ("Polski, العربية, ਪੰਜਾਬੀ").
func withFallbacks(families []typeset.Family) []typeset.Family {
	for _, code := range []string{"ar", "pa"} {
		for _, f := range typeset.DefaultFamilies(code)[:1] {
			if !slices.ContainsFunc(families, func(g typeset.Family) bool { return g.Regular == f.Regular }) {
				families = append(families, f)
			}
		}
	}
	return families
}

// pdfFont returns the font parsed for the PDF writer, parsing it on
// first use; Noto Sans keeps its digits (keptDigits).
func (fs *fontSet) pdfFont(f *typeset.Font) (*pdf.Font, error) {
	p, err := fs.pdf.get(f, func(p *pdf.Font) {
		for _, name := range []string{fonts.SansRegular, fonts.SansBold} {
			if sans, err := fs.lib.Font(name); err == nil && f == sans {
				p.Keep(keptGlyphs(f)...)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name(), err)
	}
	return p, nil
}

// pdfFonts keeps each font parsed once for the PDF writer, which caches
// its subsets. The zero value is empty and ready; it is safe for
// concurrent use.
type pdfFonts struct {
	mu sync.Mutex
	m  map[*typeset.Font]*pdf.Font
}

// get returns f parsed for the PDF writer, parsing it and calling setup
// (if not nil) on first use.
func (c *pdfFonts) get(f *typeset.Font, setup func(*pdf.Font)) (*pdf.Font, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.m[f]; ok {
		return p, nil
	}
	p, err := pdf.ParseFont(f.Data())
	if err != nil {
		return nil, err
	}
	if setup != nil {
		setup(p)
	}
	c.putLocked(f, p)
	return p, nil
}

// put keeps p as f parsed, unless f has been parsed already.
func (c *pdfFonts) put(f *typeset.Font, p *pdf.Font) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[f]; !ok {
		c.putLocked(f, p)
	}
}

func (c *pdfFonts) putLocked(f *typeset.Font, p *pdf.Font) {
	if c.m == nil {
		c.m = map[*typeset.Font]*pdf.Font{}
	}
	c.m[f] = p
}

// keptDigits are the characters every leaflet embeds in Noto Sans,
// regular and bold, drawn or not: the digits of the references, phone
// numbers, collar numbers and dates that change from victim to victim
// and are set in it in every language. Without them most leaflets'
// digits made a subset of their own, subset and compressed anew: in a
// bulk run of 1,000 in every language and crime, 87% of the bold Noto
// Sans ones and 29% of the regular, against 10% and 22% with them, for
// 0.3 KB a leaflet. The other fonts' subsets are remade for few
// leaflets (Naskh 2%, Gurmukhi 2%, Nastaliq about one Urdu leaflet in
// five), as personal details are mostly set in Noto Sans.
const keptDigits = "0123456789"

// keptGlyphs returns f's glyphs of keptDigits, each with its text, or
// none where f lacks one of them.
func keptGlyphs(f *typeset.Font) []pdf.Glyph {
	for _, r := range keptDigits {
		if !f.Covers(r) {
			return nil
		}
	}
	st, err := typeset.NewStack([]*typeset.Font{f}, []*typeset.Font{f})
	if err != nil {
		return nil
	}
	st.SetCacheSize(0)
	blk, err := typeset.Layout(keptDigits, typeset.Style{Stack: st, Size: 10, Lang: "en", Dir: typeset.LeftToRight}, 1000)
	if err != nil || len(blk.Lines) != 1 {
		return nil
	}
	var out []pdf.Glyph
	for _, r := range blk.Lines[0].Runs {
		for _, g := range r.Glyphs {
			out = append(out, pdf.Glyph{ID: g.ID, Text: r.Text[g.ClusterStart:g.ClusterEnd]})
		}
	}
	return out
}

// check refuses text that no font of the language's stack can draw,
// naming where it came from: the field when an officer typed it.
// A site's text that passed is remembered; personal text is checked
// every time, and never kept.
func (fs *fontSet) check(lang string, t text, bold bool) error {
	key := checkKey{lang, t.s, bold}
	if !t.own {
		if _, ok := fs.drawable.Load(key); ok {
			return nil
		}
	}
	var missing *typeset.MissingGlyphError
	if err := fs.stacks[lang].Check(t.s, bold); errors.As(err, &missing) {
		return glyphError(t.where, missing.Rune)
	} else if err != nil {
		return err
	}
	if !t.own {
		fs.drawable.Store(key, struct{}{})
	}
	return nil
}

// glyphError names the field when the text came from the officer.
func glyphError(where string, r rune) error {
	if slices.Contains(Fields, where) {
		inv := &InvalidError{}
		inv.add(where, "holds %q (U+%04X), which no leaflet font can draw; type it in the Latin alphabet or ask for the font to be added in site.toml", r, r)
		return inv
	}
	return &GlyphError{Where: where, Rune: r}
}

// embedded is every font victimsite embeds, loaded once, for CanDraw.
var embedded = sync.OnceValue(func() []*typeset.Font {
	lib := typeset.NewLibrary(fonts.FS())
	var out []*typeset.Font
	for _, name := range []string{fonts.SansRegular, fonts.NaskhArabicRegular, fonts.NastaliqUrduRegular, fonts.SansGurmukhiRegular} {
		if f, err := lib.Font(name); err == nil {
			out = append(out, f)
		}
	}
	return out
})

// allFonts is a stack of every embedded font, for Drawable.
var allFonts = sync.OnceValue(func() *typeset.Stack {
	st, _ := typeset.NewStack(embedded(), embedded())
	return st
})

// Drawable reports the first rune of s that no embedded font can draw
// (with the marks on it: a letter and its marks come from one font), or
// -1 when every rune can be drawn.
func Drawable(s string) rune {
	var missing *typeset.MissingGlyphError
	if st := allFonts(); st != nil && errors.As(st.Check(s, false), &missing) {
		return missing.Rune
	}
	return -1
}

// CanDraw reports whether some font victimsite embeds has a glyph for r.
// Parse refuses text with a rune none can draw; a leaflet checks its
// text again against the fonts of its own language.
func CanDraw(r rune) bool {
	if typeset.Invisible(r) {
		return true
	}
	for _, f := range embedded() {
		if f.Covers(r) {
			return true
		}
	}
	return false
}
