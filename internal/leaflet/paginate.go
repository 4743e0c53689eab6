package leaflet

import (
	"strings"

	"victimsite/internal/pdf"
	"victimsite/internal/typeset"
)

// layout sets the docs, one after the other, each from a new page, and
// places their units on pages: a unit that does not fit on what is left
// of a page moves whole to the next, and a heading moves with what
// follows it. Then it adds the footer of every page.
func (r *Renderer) layout(docs []*doc, qr [][][]bool, large bool) (*laid, error) {
	sz := sizesFor(large)
	out := &laid{title: docs[0].title, lang: docs[0].lang}
	type docPages struct {
		d           *doc
		first, last int
	}
	var spans []docPages
	sc := newScratch() // dropped when this leaflet is laid out
	page := -1
	for i, d := range docs {
		fh, err := r.footerHeight(d, sz, sc)
		if err != nil {
			return nil, err
		}
		first := page + 1
		p, err := r.placeDoc(d, qr[i], sz, first, pageH-marginBottom-fh-10, sc)
		if err != nil {
			return nil, err
		}
		out.tree = append(out.tree, p.part)
		for len(out.furniture) < len(p.furniture) {
			out.furniture = append(out.furniture, nil)
		}
		for pg, f := range p.furniture {
			out.furniture[pg] = append(out.furniture[pg], f...)
		}
		out.fills = append(out.fills, p.fills...)
		page = p.last
		spans = append(spans, docPages{d, first, page})
	}
	out.pages = page + 1
	for len(out.furniture) < out.pages {
		out.furniture = append(out.furniture, nil)
	}
	for _, sp := range spans {
		for p := sp.first; p <= sp.last; p++ {
			f, err := r.footer(sp.d, sz, p, out.pages, sc)
			if err != nil {
				return nil, err
			}
			out.furniture[p] = append(out.furniture[p], f)
		}
	}
	return out, nil
}

// footerHeight is the height of the doc's longest footer, measured
// without setting its glyphs.
func (r *Renderer) footerHeight(d *doc, sz sizes, sc *scratch) (float64, error) {
	s := r.footerSetter(d, sz, sc)
	_, blk := s.footerLine(&node{}, d.footer, 98, 99, footerStyle(sz))
	return blk.Height, s.err
}

// footerSetter is the setter of a doc's footer, keeping the reference
// it sets in sc.
func (r *Renderer) footerSetter(d *doc, sz sizes, sc *scratch) *setter {
	s := &setter{fonts: r.fonts, stack: r.fonts.stacks[d.lang], lang: d.lang, rtl: d.rtl, sz: sz, part: &node{}, scratch: sc}
	s.sz.lead = 1.3
	return s
}

// footerStyle is the style of the footer's text.
func footerStyle(sz sizes) tstyle { return tstyle{size: sz.small, color: inkGrey} }

// footer sets the footer of page p of n: the reference, "Page 2 of 4"
// and the day the leaflet was made. It holds the reference, so it is
// shaped anew for every page and not kept; once a page, as the line
// footerLine chose is set as it was measured.
func (r *Renderer) footer(d *doc, sz sizes, p, n int, sc *scratch) (piece, error) {
	s := r.footerSetter(d, sz, sc)
	n0 := &node{}
	st := footerStyle(sz)
	t, blk := s.footerLine(n0, d.footer, p, n, st)
	if s.err != nil {
		return piece{}, s.err
	}
	h := 0.0
	if len(blk.Lines) > 0 {
		h = s.set(n0, t, blk, nil, st, 0, textW, 0)
	}
	y := pageH - marginBottom - h
	n0.shift(p, y)
	f := piece{page: p, footer: true, h: h, rules: []rule{{marginX, y - 7, pageW - marginX, y - 7, 0.5}}}
	for _, it := range n0.items {
		f.runs = append(f.runs, it.piece.runs...)
	}
	return f, nil
}

// footerLine is the footer's text for page p of n, set in the style st:
// the labelled reference, the page and the day made, with wide gaps
// between them; or, where that would not stand on one line, with narrow
// gaps; or else with the reference alone, without its label (it is
// labelled on page 1), on as many lines as it takes. On a failure it sets
// s.err. A line is set in pieces (footerPieces), so that only the
// reference is shaped anew.
func (s *setter) footerLine(n0 *node, f footer, p, n int, st tstyle) (text, typeset.Block) {
	var t text
	for _, try := range []struct{ ref, sep string }{{f.ref, "  ·  "}, {f.ref, " · "}, {f.bare, " · "}} {
		var keep []string
		for _, part := range []string{try.ref, f.pageOf(p+1, n), f.made} {
			if part != "" {
				keep = append(keep, part)
			}
		}
		t = text{s: strings.Join(keep, try.sep), where: "the footer", own: true}
		if blk, ok := s.footerPieces(f, t.s, st); ok || s.err != nil {
			return t, blk
		}
	}
	blk, _ := s.layout(n0, t, st, textW)
	return t, blk
}

// labelWidth is the width of the label column of rows and ruled lines:
// the longest label of the doc in bold, and a gap, up to half the line.
func (s *setter) labelWidth(d *doc) float64 {
	w := 0.0
	for _, blocks := range d.pages {
		walkBlocks(blocks, func(b block) {
			if b.kind != row && b.kind != blank {
				return
			}
			w = max(w, s.width(b.label, true))
		})
	}
	return min(w+16, 0.5*textW)
}

// cover sets the top of the first page: the title, the campaign, the
// force and the QR code with its caption beside them, and a rule below.
func (s *setter) cover(c cover, qr [][]bool) unit {
	u := unit{}
	qrSize := 0.0
	if len(qr) > 0 {
		qrSize = 5 * s.sz.body
	}
	w := textW
	if qrSize > 0 {
		w -= qrSize + 18
	}
	y := s.text(s.part.add(&node{role: pdf.H1}), c.title, nil, s.titleStyle(c.title, w), 0, w, 0)
	y += s.byline(c, w, y)
	if qrSize > 0 {
		x1, _ := s.across(textW-qrSize, qrSize)
		fig := s.part.add(&node{role: pdf.Figure, alt: c.caption.s + " " + c.qr})
		fig.content(&piece{fills: qrRects(qr, x1, 0, qrSize)})
		y += s.text(s.part.add(&node{role: pdf.P}), c.caption, nil, tstyle{size: s.sz.small, color: inkText}, 0, w, y+2) + 2
	}
	h := max(y, qrSize) + 8
	x1, x2 := s.across(0, textW)
	u.art = append(u.art, &piece{rules: []rule{{x1, h, x2, h, 1.5}}})
	u.h = h + 4
	for _, it := range s.part.items {
		u.nodes = append(u.nodes, it.kid)
	}
	return u
}

// titleStyle is the style of the title w wide: h1, or smaller, down to
// six sevenths of it (18 pt in ordinary print), where that keeps it on
// one line.
func (s *setter) titleStyle(t text, w float64) tstyle {
	st := s.head(s.sz.h1)
	if s.widthIn(t, st) <= w {
		return st
	}
	small := st
	small.size = s.sz.h1 * 6 / 7
	if s.widthIn(t, small) > w {
		return st
	}
	for st.size > small.size && s.widthIn(t, st) > w {
		st.size -= 0.5
	}
	return st
}

// byline sets the campaign in bold and the force under the title from y,
// on one line where they fit side by side, and returns their height.
func (s *setter) byline(c cover, w, y float64) float64 {
	sub, force := tstyle{size: s.sz.sub, bold: true, color: inkText}, tstyle{size: s.sz.sub, color: inkText}
	if c.subtitle.s == "" || c.force.s == "" {
		h := 0.0
		for _, t := range []struct {
			t  text
			st tstyle
		}{{c.subtitle, sub}, {c.force, force}} {
			if t.t.s != "" {
				h += s.text(s.part.add(&node{role: pdf.P}), t.t, nil, t.st, 0, w, y+h+2) + 2
			}
		}
		return h
	}
	sw, fw, space := s.widthIn(c.subtitle, sub), s.widthIn(c.force, force), 1.5*s.sz.sub
	if sw+space+fw > w {
		h := s.text(s.part.add(&node{role: pdf.P}), c.subtitle, nil, sub, 0, w, y+2) + 2
		return h + s.text(s.part.add(&node{role: pdf.P}), c.force, nil, force, 0, w, y+h+2) + 2
	}
	h := s.text(s.part.add(&node{role: pdf.P}), c.subtitle, nil, sub, 0, sw+1, y+2)
	return max(h, s.text(s.part.add(&node{role: pdf.P}), c.force, nil, force, sw+space, w-sw-space, y+2)) + 2
}

// qrRects are the dark modules of a QR code as squares, size points wide
// with the top left corner at x, y: one rectangle per run of dark modules
// in a row, so the code stays sharp at any scale and costs little.
func qrRects(m [][]bool, x, y, size float64) []pdf.Rect {
	unit := size / float64(len(m))
	var out []pdf.Rect
	for row, mods := range m {
		for col := 0; col < len(mods); {
			if !mods[col] {
				col++
				continue
			}
			start := col
			for col < len(mods) && mods[col] {
				col++
			}
			out = append(out, pdf.Rect{X: x + float64(start)*unit, Y: y + float64(row)*unit, W: float64(col-start) * unit, H: unit})
		}
	}
	return out
}
