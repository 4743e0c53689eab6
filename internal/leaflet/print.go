package leaflet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

// GlyphError is text from the site (a message, a page, a contact) holding
// a rune the leaflet font cannot draw. Text an officer typed is reported
// as a *FieldError instead.
type GlyphError struct {
	Where string // file and what in it: "locales/leaflet.pl.toml:12: message LeafletQR"
	Rune  rune
}

// Error names the source and the rune.
func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s: the leaflet font cannot draw %q (U+%04X); replace it", e.Where, e.Rune, e.Rune)
}

// Producer is the only name the PDF metadata carries besides the title.
const Producer = "victimsite"

// print lays out the docs, one after the other, into one PDF dated date.
func (r *Renderer) print(docs []*doc, date time.Time) (out []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			out, err = nil, fmt.Errorf("leaflet: cannot draw the PDF: %v", e)
		}
	}()
	var used runeSet
	for _, d := range docs {
		if err := prepare(d, &used); err != nil {
			return nil, err
		}
	}
	fonts, err := r.fontsFor(docs[0].lang)
	if err != nil {
		return nil, err
	}
	if !used.subsetOf(&fonts.runes) {
		// Text in a script the language's subset lacks: cut a subset
		// for this leaflet alone.
		used.union(&fonts.runes)
		if fonts, err = cutFont(&used); err != nil {
			return nil, err
		}
	}
	pdf := newPDF(docs[0], date, fonts)
	for _, d := range docs {
		var qr [][]bool
		if d.cover.qr != "" { // a discreet leaflet has none
			if qr, err = r.qrCode(d.cover.qr); err != nil {
				return nil, err
			}
		}
		p := &printer{pdf: pdf, rtl: d.rtl}
		p.print(d, qr)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("leaflet: %w", err)
	}
	return buf.Bytes(), nil
}

// newPDF starts a document whose metadata holds the title and language
// of d and nothing about the case, dated date so the same input always
// gives the same bytes.
func newPDF(d *doc, date time.Time, fonts *fontSubset) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(d.title, true)
	pdf.SetLang(d.lang)
	pdf.SetCreator(Producer, true)
	pdf.SetProducer(Producer, true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.AddUTF8FontFromBytes(family, "", fonts.ttf)
	return pdf
}

// prepare readies every string of d for drawing: spaces made plain,
// normal form C, Arabic shaped; and checks that the font has every rune,
// adding them to used.
func prepare(d *doc, used *runeSet) error {
	texts := []*text{&d.cover.title, &d.cover.subtitle, &d.cover.caption}
	for _, page := range d.pages {
		for i := range page {
			texts = append(texts, &page[i].label, &page[i].body)
			for j := range page[i].more {
				texts = append(texts, &page[i].more[j].body)
			}
		}
	}
	for _, t := range texts {
		s := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, t.s)
		s = shapeArabic(keepNumbers(norm.NFC.String(s)))
		for _, r := range s {
			if !CanDraw(r) {
				return glyphError(t.where, r)
			}
			used.add(r)
		}
		t.s = s
	}
	return nil
}

// keepNumbers joins the groups of a number written with spaces, such as
// the phone number 01522 947510, with no-break spaces. A line never breaks
// inside the number, and in right-to-left text the bidi algorithm sees one
// number (a no-break space is a number separator) instead of two numbers
// that it would put in reverse order.
func keepNumbers(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	b := []byte(s)
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]) {
			out = append(out, "\u00a0"...)
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// glyphError names the field when the text came from the officer.
func glyphError(where string, r rune) error {
	if slices.Contains(Fields, where) {
		inv := &InvalidError{}
		inv.add(where, "holds %q (U+%04X), which the leaflet font cannot draw", r, r)
		return inv
	}
	return &GlyphError{Where: where, Rune: r}
}

// print draws one doc from a new page: its cover, then its pages. A page
// of the doc starts a new sheet unless the one before it already ran over
// onto a sheet of its own.
func (p *printer) print(d *doc, qr [][]bool) {
	p.pdf.AddPage()
	p.stroked = false
	first := p.pdf.PageNo()
	p.y = p.cover(d.cover, qr)
	p.pageTop = p.y
	for i, page := range d.pages {
		if i > 0 && p.pdf.PageNo() == first {
			p.newPage()
			first = 0
		}
		p.flow(page)
	}
}

// The cover's measures, in millimetres.
const (
	qrBox  = 31.0 // the white square that holds the QR code
	qrSize = 27.0 // the code itself, quiet zone around it
	qrTop  = 5.0
)

// cover draws the top of the first page and returns where the text below
// it starts. The title and the QR code change sides in a right-to-left
// language; a plain cover has no colour band and no police name, and a
// cover without an address has no QR code.
func (p *printer) cover(c cover, qr [][]bool) float64 {
	lines := p.coverLines(c)
	h := 0.0
	for _, l := range lines {
		h += l.h
	}
	height := 10 + h + 6
	if c.qr != "" {
		height = max(qrTop+qrBox+qrTop, height)
	}
	if !c.plain {
		p.pdf.SetFillColor(blue[0], blue[1], blue[2])
		p.pdf.Rect(0, 0, pageW, height, "F")
	}
	if c.qr != "" {
		qx := pageW - margin - qrBox
		if p.rtl {
			qx = margin
		}
		p.pdf.SetFillColor(255, 255, 255)
		p.pdf.Rect(qx, qrTop, qrBox, qrBox, "F")
		p.drawQR(qr, qx+(qrBox-qrSize)/2, qrTop+(qrBox-qrSize)/2, qrSize)
		p.pdf.LinkString(qx, qrTop, qrBox, qrBox, c.qr)
	}
	y := 10.0
	for _, l := range lines {
		for _, s := range l.segs {
			p.drawSeg(s, y, l.h)
		}
		y += l.h
	}
	if c.plain {
		p.pdf.SetDrawColor(grey[0], grey[1], grey[2])
		p.pdf.SetLineWidth(0.3)
		p.pdf.Line(margin, height, pageW-margin, height)
	}
	return height + 5
}

// coverLines sets the title, the force and the caption of the QR code
// beside the code: white on the colour band, black on a plain cover.
func (p *printer) coverLines(c cover) []line {
	textW := pageW - 2*margin - qrBox - 6
	color := white
	if c.plain {
		color = [3]int{0, 0, 0}
	}
	var lines []line
	for _, part := range []struct {
		t  text
		st style
	}{
		{c.title, style{bold: true, size: 20, color: color}},
		{c.subtitle, style{size: 11, color: color}},
		{c.caption, style{size: 8.5, color: color}},
	} {
		if part.t.s == "" {
			continue
		}
		for _, sg := range p.column(p.wrap(part.t.s, part.st, textW), part.st, margin, textW, "") {
			lines = append(lines, line{h: part.st.lineHeight(), segs: []seg{sg}})
		}
		lines = append(lines, line{h: 1.5})
	}
	return lines
}
