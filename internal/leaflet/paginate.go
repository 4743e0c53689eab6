package leaflet

import (
	"math"
	"sort"
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
	page := -1
	for i, d := range docs {
		s := &setter{fonts: r.fonts, stack: r.fonts.stacks[d.lang], lang: d.lang, rtl: d.rtl, sz: sz,
			part: &node{role: pdf.Part, lang: d.lang}}
		s.labelW = s.labelWidth(d)
		units := []unit{s.cover(d.cover, qr[i])}
		for _, blocks := range d.pages {
			for _, b := range blocks {
				if b.kind == pair {
					units = append(units, s.officerAndReport(b)...)
					continue
				}
				units = append(units, s.unit(b))
			}
		}
		if s.err != nil {
			return nil, s.err
		}
		out.tree = append(out.tree, s.part)
		fh, err := r.footerHeight(d, sz)
		if err != nil {
			return nil, err
		}
		page++
		first := page
		page = place(units, page, marginTop, pageH-marginBottom-fh-10, &out.furniture)
		spans = append(spans, docPages{d, first, page})
	}
	out.pages = page + 1
	for len(out.furniture) < out.pages {
		out.furniture = append(out.furniture, nil)
	}
	for _, sp := range spans {
		for p := sp.first; p <= sp.last; p++ {
			f, err := r.footer(sp.d, sz, p, out.pages)
			if err != nil {
				return nil, err
			}
			out.furniture[p] = append(out.furniture[p], f)
		}
	}
	return out, nil
}

// place puts units on pages from page, and returns the last page used.
func place(units []unit, page int, top, bottom float64, furniture *[][]piece) int {
	y := top
	for i := 0; i < len(units); {
		j, h := i, units[i].h
		for units[j].glue && j+1 < len(units) {
			j++
			h += units[j].gap + units[j].h
		}
		if h > bottom-top {
			page, y = placeTall(units[i], page, y, top, bottom, furniture)
			i++
			continue
		}
		gap := units[i].gap
		if y == top {
			gap = 0
		}
		if y+gap+h > bottom && y > top {
			if u := units[j]; u.split != nil && y+gap+h-u.h+u.split[0].h <= bottom {
				// Cards side by side flow card by card instead.
				units = append(append(append([]unit(nil), units[:j]...), u.useSplit()...), units[j+1:]...)
				continue
			}
			page, y, gap = page+1, top, 0
		}
		y += gap
		for k := i; k <= j; k++ {
			if k > i {
				y += units[k].gap
			}
			for _, n := range units[k].nodes {
				n.shift(page, y)
			}
			for len(*furniture) <= page {
				*furniture = append(*furniture, nil)
			}
			for _, a := range units[k].art {
				a.shift(page, y)
				(*furniture)[page] = append((*furniture)[page], *a)
			}
			y += units[k].h
		}
		i = j + 1
	}
	return page
}

// placeTall places a unit taller than a page, such as a very long
// paragraph, line by line from y, moving each line that does not fit to
// the next page. It returns the page and height it ends at.
func placeTall(u unit, page int, y, top, bottom float64, furniture *[][]piece) (int, float64) {
	var pieces []*piece
	var walk func(n *node)
	walk = func(n *node) {
		for _, it := range n.items {
			if it.kid != nil {
				walk(it.kid)
			} else {
				pieces = append(pieces, it.piece)
			}
		}
	}
	for _, n := range u.nodes {
		walk(n)
	}
	sort.SliceStable(pieces, func(i, j int) bool { return extentTop(pieces[i]) < extentTop(pieces[j]) })
	offset, end := y, y
	for _, p := range pieces {
		t, b := extentTop(p), extentBottom(p)
		if b+offset > bottom && t+offset > top {
			page, offset = page+1, top-t
		}
		p.shift(page, offset)
		end = max(end, b+offset)
	}
	for len(*furniture) <= page {
		*furniture = append(*furniture, nil)
	}
	for _, a := range u.art {
		a.shift(page, offset)
		(*furniture)[page] = append((*furniture)[page], *a)
	}
	return page, end
}

// extentTop and extentBottom are how far a piece's glyphs reach up and
// down, near enough to keep lines whole.
func extentTop(p *piece) float64 {
	t := math.Inf(1)
	for _, r := range p.runs {
		t = min(t, r.y-r.size*1.1)
	}
	for _, f := range p.fills {
		t = min(t, f.Y)
	}
	return t
}

func extentBottom(p *piece) float64 {
	b := math.Inf(-1)
	for _, r := range p.runs {
		b = max(b, r.y+r.size*0.45)
	}
	for _, f := range p.fills {
		b = max(b, f.Y+f.H)
	}
	return b
}

// footerHeight is the height of the doc's longest footer, measured
// without setting its glyphs.
func (r *Renderer) footerHeight(d *doc, sz sizes) (float64, error) {
	s := r.footerSetter(d, sz)
	_, blk := s.footerLine(&node{}, d.footer, 98, 99, footerStyle(sz))
	return blk.Height, s.err
}

// footerSetter is the setter of a doc's footer.
func (r *Renderer) footerSetter(d *doc, sz sizes) *setter {
	s := &setter{fonts: r.fonts, stack: r.fonts.stacks[d.lang], lang: d.lang, rtl: d.rtl, sz: sz, part: &node{}}
	s.sz.lead = 1.3
	return s
}

// footerStyle is the style of the footer's text.
func footerStyle(sz sizes) tstyle { return tstyle{size: sz.small, color: inkGrey} }

// footer sets the footer of page p of n: the reference, "Page 2 of 4"
// and the day the leaflet was made. It holds the reference, so it is
// shaped anew for every page and not kept; once a page, as the line
// footerLine chose is set as it was measured.
func (r *Renderer) footer(d *doc, sz sizes, p, n int) (piece, error) {
	s := r.footerSetter(d, sz)
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
			blk, err := typeset.Layout(b.label.s, typeset.Style{Stack: s.stack, Size: s.sz.body, Bold: true, Lang: s.lang}, 10*textW)
			if err == nil {
				w = max(w, blk.Width)
			}
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
	y := s.text(s.part.add(&node{role: pdf.H1}), c.title, nil, tstyle{s.sz.h1, true, inkBlue}, 0, w, 0)
	for _, t := range []struct {
		t    text
		bold bool
	}{{c.subtitle, true}, {c.force, false}} {
		if t.t.s != "" {
			y += s.text(s.part.add(&node{role: pdf.P}), t.t, nil, tstyle{s.sz.sub, t.bold, inkText}, 0, w, y+2) + 2
		}
	}
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
