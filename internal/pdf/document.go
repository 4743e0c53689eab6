package pdf

import (
	"errors"
	"fmt"
	"time"
)

// Info describes the document as a whole. It goes into the catalog, the
// Info dictionary and the XMP metadata, so it must hold nothing personal.
type Info struct {
	// Title is what the viewer's title bar shows (PDF/UA-1 7.1 asks for
	// one, shown instead of the file name). Required.
	Title string
	// Lang is the BCP 47 tag of the document's main language, such as
	// "en-GB": the catalog's /Lang and the XMP dc:language. Required.
	Lang string
	// Created, when not zero, is written as the creation date. The writer
	// never reads the clock: the same calls give the same bytes.
	Created time.Time
}

// Size is a page size in points (1/72 inch).
type Size struct{ Width, Height float64 }

// A4 is 210 x 297 mm, the default page of a leaflet.
var A4 = Size{Width: 595.276, Height: 841.89}

// Document is a PDF being built: pages of marked content, and the
// structure tree that gives that content its meaning and reading order.
// A Document is used by one goroutine at a time; the Fonts it draws with
// may be shared.
//
// Drawing calls do not return errors. A misuse (a glyph id past the end of
// the font, text drawn outside marked content, a link without an area)
// is remembered, and Bytes reports every one of them instead of writing a
// PDF that would mislead a screen reader.
type Document struct {
	info    Info
	pages   []*Page
	root    *Element
	fonts   []*docFont
	nextKey int // next key in the structure parent tree
	errs    []error
}

// New starts a document with the given title and language. Its structure
// tree has a Document element at the root (see Root).
func New(info Info) *Document {
	d := &Document{info: info}
	d.root = &Element{doc: d, role: roleDocument}
	return d
}

// Root is the Document structure element, the root of the structure tree:
// add the headings, paragraphs, lists, tables and figures to it in reading
// order.
func (d *Document) Root() *Element { return d.root }

// AddPage adds a page of the given size at the end of the document; the
// zero Size is A4.
func (d *Document) AddPage(size Size) *Page {
	if size == (Size{}) {
		size = A4
	}
	p := &Page{doc: d, index: len(d.pages), size: size, structParents: -1, content: make([]byte, 0, 8<<10)}
	if !finite(size.Width, size.Height) || size.Width < 3 || size.Height < 3 || size.Width > 14400 || size.Height > 14400 {
		p.fail(fmt.Errorf("page size %gx%g pt is outside 3 to 14400 points", size.Width, size.Height))
		p.size = A4
	}
	d.pages = append(d.pages, p)
	return p
}

// Bytes checks the document and returns it as a PDF file. It reports
// every misuse of the drawing calls, every marked-content sequence that
// was begun and not ended, and every structure element that was given no
// content, all at once (errors.Join), and then returns no PDF.
func (d *Document) Bytes() ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	return d.write()
}

// check collects every problem that would make the PDF wrong.
func (d *Document) check() error {
	errs := append([]error(nil), d.errs...)
	if d.info.Title == "" {
		errs = append(errs, errors.New("pdf: the document has no title (Info.Title)"))
	}
	if !validLang(d.info.Lang) {
		errs = append(errs, fmt.Errorf("pdf: the document language %q is not a BCP 47 tag such as en-GB (Info.Lang)", d.info.Lang))
	}
	if len(d.pages) == 0 {
		errs = append(errs, errors.New("pdf: the document has no pages"))
	}
	for _, p := range d.pages {
		if p.open != nil {
			errs = append(errs, fmt.Errorf("pdf: page %d: marked content for %s was begun and never ended", p.index+1, p.open.what()))
		}
	}
	errs = append(errs, d.root.check(d.info.Lang)...)
	errs = append(errs, d.checkHeadings()...)
	return errors.Join(errs...)
}

// validLang accepts the shape of a BCP 47 tag: letters, digits and
// hyphens, beginning with a letter.
func validLang(s string) bool {
	if s == "" || len(s) > 35 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s[0] > '9'
}

// docFont is a Font as one document uses it: the glyphs drawn and the text
// each stands for.
type docFont struct {
	font *Font
	res  string // resource name, F1, F2, ...
	ref  int    // the Type0 font's object number, while writing
	used glyphSet
	// text maps a glyph id to its text; it is only looked up, never
	// ranged over. withText marks the glyphs that have text, so that
	// drawing a glyph again costs no lookup.
	text     map[uint16]string
	withText glyphSet
}

// use returns the document's record of font f, starting one on first use.
func (d *Document) use(f *Font) *docFont {
	for _, df := range d.fonts {
		if df.font == f {
			return df
		}
	}
	df := &docFont{font: f, res: fmt.Sprintf("F%d", len(d.fonts)+1), used: newGlyphSet(f.numGlyphs),
		withText: newGlyphSet(f.numGlyphs), text: make(map[uint16]string, 128)}
	for _, g := range f.kept {
		df.addGlyph(g.ID, g.Text)
	}
	d.fonts = append(d.fonts, df)
	return df
}

// addGlyph records that glyph g was drawn for text. A glyph keeps the first
// non-empty text it is drawn with: ToUnicode gives each glyph one text.
func (df *docFont) addGlyph(g uint16, text string) {
	df.used.add(g)
	if text != "" && !df.withText.has(g) {
		df.withText.add(g)
		df.text[g] = text
	}
}
