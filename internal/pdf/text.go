package pdf

import (
	"fmt"
	"math"
	"strconv"
)

// Run is a line (or part of a line) of shaped text in one font and size:
// glyphs in visual order, left to right, as a shaper places them.
type Run struct {
	Font *Font
	// Size is the font size in points.
	Size float64
	// X, Y is the pen position of the first glyph on the baseline, in
	// points from the top-left corner of the page.
	X, Y   float64
	Color  Color
	Glyphs []Glyph
}

// Glyph is one positioned glyph of a Run.
type Glyph struct {
	// ID is the glyph's index in the font.
	ID uint16
	// Advance moves the pen to the next glyph, in points. Where it
	// differs from the font's own advance (kerning, justification, a
	// shaper's positioning) the writer adjusts the spacing in TJ.
	Advance float64
	// XOffset and YOffset move this glyph alone from the pen position, in
	// points, as a shaper gives them: x to the right and y UP (an Arabic
	// mark above its letter, a Nastaliq letter on its cascading baseline).
	XOffset, YOffset float64
	// Text is the text this glyph stands for, for the font's ToUnicode
	// map: "f" for an f, "ffi" for a ligature, a whole cluster for the
	// glyph that carries it. Leave it empty for the other glyphs of a
	// cluster (a mark, a Nastaliq dot): the writer maps such a glyph to
	// no text, unless it is drawn elsewhere with text of its own. A glyph
	// has one text in a document, the first non-empty one it is drawn
	// with. Text extraction follows these maps; screen readers follow the
	// ActualText of the structure element, which the caller should give
	// wherever glyphs do not map one to one onto the text in reading
	// order (right-to-left and shaped scripts).
	Text string
}

// Text draws a run of glyphs. It must be drawn inside Begin ... End (or an
// artifact). It keeps nothing of r.Glyphs: the caller may reuse it.
func (p *Page) Text(r Run) {
	if !p.checkRun(r) || len(r.Glyphs) == 0 {
		return
	}
	df := p.doc.use(r.Font)
	p.useFont(df)
	var width float64
	for _, g := range r.Glyphs {
		df.addGlyph(g.ID, g.Text)
		width += g.Advance
	}
	if e := p.open.elem; e != nil {
		e.readGlyphs(df, r.Glyphs)
		if e.role == Link {
			for _, g := range r.Glyphs {
				e.text = append(e.text, g.Text...)
			}
		}
	}
	p.setFill(r.Color)
	b := append(p.content, "BT\n"...)
	if p.text.font != df || p.text.size != r.Size {
		b = appendName(b, df.res)
		b = append(appendNum(append(b, ' '), r.Size), " Tf\n"...)
		p.text.font, p.text.size = df, r.Size
	}
	b = append(appendCoordPair(b, r.X, p.size.Height-r.Y), " Td\n"...)
	b, p.text.rise = appendShow(b, r, p.text.rise)
	p.content = append(b, "ET\n"...)
	d := r.Font.desc
	top, bottom := d.ascent*r.Size/1000, d.descent*r.Size/1000
	p.grow(Rect{X: r.X, Y: r.Y - top, W: width, H: top - bottom})
}

// checkRun refuses a run that would write a bad PDF.
func (p *Page) checkRun(r Run) bool {
	if !p.drawing("text", r.X, r.Y, r.Size) {
		return false
	}
	for i, g := range r.Glyphs {
		if !finite3(g.Advance, g.XOffset, g.YOffset) {
			p.fail(fmt.Errorf("glyph %d of a text run has an advance or offset that is not a finite number", i+1))
			return false
		}
	}
	switch {
	case r.Font == nil:
		p.fail(fmt.Errorf("text run with no font"))
		return false
	case r.Size <= 0:
		p.fail(fmt.Errorf("text run with font size %g: want a size above 0", r.Size))
		return false
	}
	for i, g := range r.Glyphs {
		if int(g.ID) >= r.Font.numGlyphs {
			p.fail(fmt.Errorf("glyph %d of a text run is glyph id %d, but font %s has glyphs 0 to %d", i+1, g.ID, r.Font.name, r.Font.numGlyphs-1))
			return false
		}
	}
	return true
}

// useFont adds the font to the page's resources.
func (p *Page) useFont(df *docFont) {
	for _, f := range p.fonts {
		if f == df {
			return
		}
	}
	p.fonts = append(p.fonts, df)
}

// textState is the font, size and rise a page's content stream has set
// last. They are part of the graphics state and hold from one text object
// to the next (ISO 32000-1, 9.3.1), so a run that keeps them sets them
// not again; the writer draws nothing between q and Q that could restore
// older ones.
type textState struct {
	font *docFont // nil before the first Tf
	size float64
	rise float64 // Ts, in points, as written
}

// appendShow writes the glyphs as TJ arrays of two-byte glyph ids
// (Identity-H) in literal strings, with the text rise at rise to begin
// with, and returns the rise it leaves. A number in the array moves the
// next glyph by thousandths of the font size, to the left when positive:
// it makes up the difference between each glyph's width in the W array
// and the advance the shaper gave, and places glyphs with an x offset.
// The numbers are whole, each chosen to bring the pen back to within
// half a thousandth of an em of where the shaper put the glyph, so that
// rounding never adds up along a line. A y offset is a text rise (Ts),
// to a hundredth of a point, which needs its own TJ; the next run starts
// from the rise this one leaves.
func appendShow(b []byte, r Run, rise float64) ([]byte, float64) {
	scale := 1000 / r.Size
	ideal, pen := 0.0, 0.0 // where the shaper and the PDF have the pen, in thousandths of an em
	inStr, inArray := false, false
	for _, g := range r.Glyphs {
		if y := round2(g.YOffset); y != rise {
			b = closeString(b, &inStr)
			if inArray {
				b = append(b, "]TJ\n"...)
				inArray = false
			}
			b = append(appendCoord(b, y), " Ts"...)
			rise = y
		}
		if !inArray {
			b = append(b, '[')
			inArray = true
		}
		if adj := math.Round(pen - ideal - g.XOffset*scale); adj != 0 {
			b = closeString(b, &inStr)
			b = strconv.AppendInt(b, int64(adj), 10)
			pen -= adj
		}
		if !inStr {
			b = append(b, '(')
			inStr = true
		}
		b = appendCodeByte(appendCodeByte(b, byte(g.ID>>8)), byte(g.ID))
		pen += r.Font.width(g.ID)
		ideal += g.Advance * scale
	}
	b = closeString(b, &inStr)
	return append(b, "]TJ\n"...), rise
}

// round2 rounds to hundredths, the precision of a content stream's
// positions.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

func closeString(b []byte, inStr *bool) []byte {
	if *inStr {
		*inStr = false
		return append(b, ')')
	}
	return b
}

// appendCodeByte writes one byte of a glyph code into a literal string:
// as it is, but for the three that need a backslash and a carriage
// return, which a reader would turn into a line feed (ISO 32000-1, 7.3.4.2).
// Literal strings are half the size of hex ones before compression.
func appendCodeByte(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}
