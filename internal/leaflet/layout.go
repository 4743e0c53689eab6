package leaflet

import (
	"victimsite/internal/pdf"
	"victimsite/internal/typeset"
)

// This file holds what the layout makes of the composed docs: pages of
// positioned glyph runs, rules and squares, and a tree of what each
// piece is (heading, paragraph, list, table, link, figure) in reading
// order, for the PDF writer (draw.go) to tag. setblock.go sets each block;
// paginate.go places them on pages.

// The page, in points: A4 with margins. Nothing is drawn outside the
// margins.
const (
	pageW, pageH = 595.276, 841.89
	marginX      = 34.0 // 12 mm
	marginTop    = 30.0
	marginBottom = 20.0 // below the footer
	textW        = pageW - 2*marginX
)

// laid is a leaflet laid out.
type laid struct {
	title, lang string
	pages       int
	tree        []*node   // the top of the structure tree, in reading order
	furniture   [][]piece // per page: what repeats on every page and decoration
	fills       []fill    // how full each page is, doc by doc
}

// node is one element of the structure tree: a role, its properties and
// its content and children, in reading order.
type node struct {
	role   pdf.Role
	lang   string    // its language, where it is another than its parent's
	actual string    // the text its glyphs stand for, when they do not map one to one
	alt    string    // a Figure's description
	uri    string    // a Link's address
	scope  pdf.Scope // a TH's
	items  []entry
}

// entry is either a child element or a piece of the node's own content.
type entry struct {
	kid   *node
	piece *piece
}

func (n *node) add(kid *node) *node {
	n.items = append(n.items, entry{kid: kid})
	return kid
}

func (n *node) content(p *piece) { n.items = append(n.items, entry{piece: p}) }

// piece is content on one page: glyph runs, filled squares, rules and
// box outlines, with their positions.
type piece struct {
	page   int
	runs   []textRun
	fills  []pdf.Rect
	rules  []rule
	boxes  []pdf.Rect // outlined, with rounded corners
	areas  []pdf.Rect // where a link can be tapped
	footer bool       // page furniture: a running footer
	own    bool       // it draws the victim's or the officer's details
	h      float64    // a footer's height
}

// textRun is glyphs in one font and size, the pen on the baseline at x, y:
// consecutive glyphs of one or more runs of a typeset line.
type textRun struct {
	font  *typeset.Font
	size  float64
	x, y  float64
	color pdf.Color
	parts []runPart
}

// runPart is the glyphs start to end of a typeset run. The run belongs to
// a layout that the typesetter may have cached and hand out again: it is
// read, never changed, and its glyphs are not copied.
type runPart struct {
	run        *typeset.Run
	start, end int
}

// glyphs appends the part's glyphs to dst as the PDF writer takes them,
// each cluster's text on its first glyph.
func (p runPart) glyphs(dst []pdf.Glyph) []pdf.Glyph {
	prev := [2]int{-1, -1}
	if p.start > 0 {
		g := p.run.Glyphs[p.start-1]
		prev = [2]int{g.ClusterStart, g.ClusterEnd}
	}
	for _, g := range p.run.Glyphs[p.start:p.end] {
		gl := pdf.Glyph{ID: g.ID, Advance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset}
		if c := [2]int{g.ClusterStart, g.ClusterEnd}; c != prev {
			gl.Text, prev = p.run.Text[g.ClusterStart:g.ClusterEnd], c
		}
		dst = append(dst, gl)
	}
	return dst
}

// rule is a straight line.
type rule struct {
	x1, y1, x2, y2, width float64
}

// shift moves a piece down by dy and onto page.
func (p *piece) shift(page int, dy float64) {
	p.page = page
	p.move(0, dy)
}

// move moves everything a piece draws by dx across and dy down.
func (p *piece) move(dx, dy float64) {
	for i := range p.runs {
		p.runs[i].x += dx
		p.runs[i].y += dy
	}
	for _, rs := range [][]pdf.Rect{p.fills, p.boxes, p.areas} {
		for i := range rs {
			rs[i].X += dx
			rs[i].Y += dy
		}
	}
	for i := range p.rules {
		p.rules[i].x1 += dx
		p.rules[i].x2 += dx
		p.rules[i].y1 += dy
		p.rules[i].y2 += dy
	}
}

// shift moves every piece of the node and its children.
func (n *node) shift(page int, dy float64) {
	for _, it := range n.items {
		if it.kid != nil {
			it.kid.shift(page, dy)
		} else {
			it.piece.shift(page, dy)
		}
	}
}

// Colours: dark blue headings and box, near-black text, dark grey
// footer, all well above 7:1 on white.
var (
	inkBlue  = pdf.Color{R: 22, G: 52, B: 110}
	inkText  = pdf.Color{R: 20, G: 20, B: 20}
	inkGrey  = pdf.Color{R: 70, G: 70, B: 70}
	ruleGrey = pdf.Color{R: 120, G: 120, B: 120}
)

// sizes are the type sizes and spaces of a leaflet, in points, scaled for
// large print.
type sizes struct {
	body, h1, h2, h3, sub, small float64
	lead                         float64 // line height, in multiples of the size
	headLead                     float64 // a heading's line height
	gap                          float64 // space between paragraphs
}

// sizesFor returns the sizes of ordinary print, nothing under 12 pt, or
// of large print, nothing under 16 pt.
func sizesFor(large bool) sizes {
	s := sizes{body: 12, h1: 21, h2: 14, h3: 13, sub: 13, small: 12, lead: 1.3, headLead: 1.15, gap: 4}
	if large {
		k := 16.0 / 12
		s = sizes{body: s.body * k, h1: s.h1 * k, h2: s.h2 * k, h3: s.h3 * k, sub: s.sub * k, small: 16, lead: 1.3, headLead: 1.15, gap: s.gap * k}
	}
	return s
}
