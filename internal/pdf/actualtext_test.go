package pdf

import (
	"bytes"
	"testing"

	"victimsite/internal/pdfjs"
)

// TestActualTextLeftOutWhereGlyphsSayIt checks that the writer leaves out
// an ActualText that the glyphs drawn for the element already read as, in
// order (a Latin name in a right-to-left leaflet's table; an Urdu leaflet
// has some forty, 0.2 KB compressed), and keeps every other one: glyphs in
// another order, other text, a glyph whose ToUnicode entry reads
// otherwise because it was drawn first with other text, ActualText given
// after the drawing, an element with child elements.
func TestActualTextLeftOutWhereGlyphsSayIt(t *testing.T) {
	latin := loadFont(t, "NotoSans-Regular.ttf")
	const text = "Officer 22"
	// drawn adds a P whose ActualText is text and draws glyphs for s in it.
	drawn := func(d *Document, p *Page, s string) *Element {
		e := d.Root().Add(P)
		e.ActualText = text
		pen{t, p}.write(e, latin, 12, 56, 80, s)
		return e
	}
	cases := []struct {
		name string
		draw func(d *Document, p *Page) *Element
		keep bool
	}{
		{"same text", func(d *Document, p *Page) *Element { return drawn(d, p, text) }, false},
		{"two runs", func(d *Document, p *Page) *Element {
			e := drawn(d, p, "Officer ")
			pen{t, p}.write(e, latin, 12, 56, 100, "22")
			return e
		}, false},
		{"visual order", func(d *Document, p *Page) *Element {
			e := d.Root().Add(P)
			e.ActualText = text
			p.Begin(e)
			p.Text(Run{Font: latin, Size: 12, X: 56, Y: 80, Glyphs: glyphs(t, latin, 12, text, true)})
			p.End()
			return e
		}, true},
		{"other text", func(d *Document, p *Page) *Element { return drawn(d, p, "Officer 23") }, true},
		{"glyph read otherwise", func(d *Document, p *Page) *Element {
			gs := glyphs(t, latin, 12, "O", false)
			gs[0].Text = "0"
			first := d.Root().Add(P)
			p.Begin(first)
			p.Text(Run{Font: latin, Size: 12, X: 56, Y: 60, Glyphs: gs})
			p.End()
			return drawn(d, p, text)
		}, true},
		{"given after drawing", func(d *Document, p *Page) *Element {
			e := d.Root().Add(P)
			pen{t, p}.write(e, latin, 12, 56, 80, text)
			e.ActualText = text
			return e
		}, true},
		{"changed after drawing", func(d *Document, p *Page) *Element {
			e := drawn(d, p, text)
			e.ActualText = "Officer 2"
			return e
		}, true},
		{"child element", func(d *Document, p *Page) *Element {
			e := drawn(d, p, text)
			pen{t, p}.write(e.Add(Span), latin, 12, 56, 100, "x")
			return e
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New(Info{Title: "ActualText", Lang: "ar"})
			e := c.draw(d, d.AddPage(A4))
			b := write(t, d)
			written := bytes.Contains(unpack(t, b), appendTextString([]byte("/ActualText"), e.ActualText))
			if written != c.keep {
				t.Errorf("ActualText written: %v, want %v", written, c.keep)
			}
			if c.keep {
				return
			}
			if ps := pdfjs.Read(t, b).Find("P"); len(ps) != 1 || ps[0].Text != text || ps[0].Alt != "" {
				t.Errorf("pdf.js read %+v, want one P reading %q from its glyphs", ps, text)
			}
		})
	}
}
