package leaflet

import (
	"strings"
	"unicode"

	"victimsite/internal/pdf"
	"victimsite/internal/typeset"
)

// setter sets the blocks of one doc into units: a unit is what the
// pagination keeps on one page.
type setter struct {
	fonts   *fontSet
	stack   *typeset.Stack
	lang    string
	rtl     bool
	sz      sizes
	labelW  float64 // the label column of rows, for the longest label of the language
	stacked bool    // rows are set each label above its value
	part    *node   // the doc's element
	list    *node   // the open list of rights
	err     error
	base    float64  // the first baseline of the last text set, from its top
	own     bool     // the text being set holds personal details
	scratch *scratch // the layouts of personal text of this leaflet
}

// unit is blocks that stay on one page, laid out from y = 0.
type unit struct {
	h     float64
	gap   float64 // space above it, unless it starts a page
	glue  bool    // keep with the next unit: a heading
	nodes []*node
	art   []*piece // decoration: box outlines, ruled lines
	parts splitter // where set, how the unit breaks at the foot of a page
}

// splitter breaks a unit between its items or cards: a list, or contact
// cards side by side.
type splitter interface {
	// first returns the height of the largest first part that fits in
	// room, or 0 where none does.
	first(room float64) float64
	// split breaks the unit so that its first part fits in room, and
	// returns the parts that replace it, or nil where none fits.
	split(room float64) []unit
}

// tstyle is how a text is set.
type tstyle struct {
	size  float64
	bold  bool
	color pdf.Color
	lead  float64 // the line height, in multiples of size; 0 is the body's
}

// head is the style of a heading of the size: bold, blue, its lines
// closer than the body's.
func (s *setter) head(size float64) tstyle {
	return tstyle{size: size, bold: true, color: inkBlue, lead: s.sz.headLead}
}

func (s *setter) body() tstyle { return tstyle{size: s.sz.body, color: inkText} }

// unit sets one top-level block.
func (s *setter) unit(b block) unit {
	u := unit{gap: s.sz.gap, glue: b.keep}
	switch b.kind {
	case heading:
		u.gap, u.glue = s.sz.gap*2, true
	case subhead, group:
		u.gap = s.sz.gap * 1.6
	case box, columns:
		u.gap = s.sz.gap * 1.6
	}
	if b.kind == item {
		if b.lang != "" && s.rtl {
			s.rtl = false
			defer func() { s.rtl = true }()
		}
		if s.list == nil {
			s.list = s.part.add(&node{role: pdf.L, lang: b.lang})
		}
		before := len(s.list.items)
		u.h = s.put(b, s.list, 0, textW, 0, &u)
		u.gap = s.sz.gap * 0.6
		for _, it := range s.list.items[before:] {
			u.nodes = append(u.nodes, it.kid)
		}
		return u
	}
	s.list = nil
	if b.lang != "" && s.rtl {
		// English in a right-to-left leaflet is set left to right.
		s.rtl = false
		defer func() { s.rtl = true }()
	}
	if b.kind == columns && len(b.more) > 0 && b.more[0].kind == item {
		return s.listUnit(b, u)
	}
	before := len(s.part.items)
	u.h = s.put(b, s.part, 0, textW, 0, &u)
	for _, it := range s.part.items[before:] {
		u.nodes = append(u.nodes, it.kid)
	}
	if b.kind == columns && b.more[0].kind == group {
		u.parts = &cardSplit{whole: u, cards: s.splitCards(b, u.gap), parent: s.part}
	}
	return u
}

// put sets b under parent in the column x (from the leading edge) wide
// w, from y down, and returns its height.
func (s *setter) put(b block, parent *node, x, w, y float64, u *unit) float64 {
	switch b.kind {
	case heading:
		return s.text(parent.add(&node{role: pdf.H2, lang: b.lang}), b.body, b.links, s.head(s.sz.h2), x, w, y)
	case subhead:
		return s.text(parent.add(&node{role: pdf.H3, lang: b.lang}), b.body, b.links, s.head(s.sz.h3), x, w, y)
	case para, note:
		return s.text(parent.add(&node{role: pdf.P, lang: b.lang}), b.body, b.links, s.body(), x, w, y)
	case strong:
		st := s.body()
		st.bold = true
		return s.text(parent.add(&node{role: pdf.P, lang: b.lang}), b.body, b.links, st, x, w, y)
	case item:
		return s.item(b, parent, x, w, y)
	case blank:
		return s.blank(b, parent, x, w, y, u)
	case group:
		return s.group(b.more, parent, x, w, y, u)
	case box:
		return s.box(b, parent, x, w, y, u)
	case columns:
		return s.columns(b, parent, x, w, y, u)
	}
	return 0
}

// group sets blocks one under the other; rows in a row make a table.
func (s *setter) group(blocks []block, parent *node, x, w, y float64, u *unit) float64 {
	top := y
	var table *node
	for i, b := range blocks {
		if i > 0 {
			y += s.sz.gap * 0.6
			if s.stacked {
				y += s.sz.gap * 0.6
			}
		}
		if b.kind != row {
			table = nil
			y += s.put(b, parent, x, w, y, u)
			continue
		}
		if table == nil {
			table = parent.add(&node{role: pdf.Table})
		}
		y += s.row(b, table, x, w, y)
	}
	return y - top
}

// row sets a label and its value side by side, as a table row whose
// header cell heads the row.
func (s *setter) row(b block, table *node, x, w, y float64) float64 {
	tr := table.add(&node{role: pdf.TR})
	label := s.body()
	label.bold = true
	th, td := tr.add(&node{role: pdf.TH, scope: pdf.ScopeRow}), tr.add(&node{role: pdf.TD, lang: b.lang})
	if s.stacked {
		h := s.text(th, b.label, nil, label, x, w, y)
		return h + s.text(td, b.body, b.links, s.body(), x, w, y+h)
	}
	h1 := s.text(th, b.label, nil, label, x, s.labelW-12, y)
	base1 := s.base
	h2 := s.text(td, b.body, b.links, s.body(), x+s.labelW, w-s.labelW, y)
	return alignBaselines(th, td, h1, h2, base1, s.base)
}

// item sets a numbered list item: the number, then the text beside it.
func (s *setter) item(b block, list *node, x, w, y float64) float64 {
	li := list.add(&node{role: pdf.LI})
	numW := 2 * s.sz.body
	lbl, body := li.add(&node{role: pdf.Lbl}), li.add(&node{role: pdf.LBody})
	h1 := s.text(lbl, b.label, nil, s.body(), x, numW, y)
	base1 := s.base
	h2 := s.text(body, b.body, b.links, s.body(), x+numW, w-numW, y)
	return alignBaselines(lbl, body, h1, h2, base1, s.base)
}

// alignBaselines moves the side by side text whose first baseline is
// higher down to the other's, and returns the height of both.
func alignBaselines(a, b *node, ha, hb, basea, baseb float64) float64 {
	switch {
	case basea < baseb:
		a.shift(0, baseb-basea)
		ha += baseb - basea
	case baseb < basea:
		b.shift(0, basea-baseb)
		hb += basea - baseb
	}
	return max(ha, hb)
}

// blank sets a label with a ruled line beside it to write on.
func (s *setter) blank(b block, parent *node, x, w, y float64, u *unit) float64 {
	label := s.body()
	label.bold = true
	if s.stacked { // the line under the label, as wide as the column
		h := s.text(parent.add(&node{role: pdf.P}), b.label, nil, label, x, w, y) + 1.6*s.sz.body
		x1, x2 := s.across(x, w)
		u.art = append(u.art, &piece{rules: []rule{{x1, y + h - 4, x2, y + h - 4, 0.75}}})
		return h + 2
	}
	h := s.text(parent.add(&node{role: pdf.P}), b.label, nil, label, x, s.labelW-12, y)
	h = max(h, 2.2*s.sz.body)
	x1, x2 := s.across(x+s.labelW, w-s.labelW)
	u.art = append(u.art, &piece{rules: []rule{{x1, y + h - 4, x2, y + h - 4, 0.75}}})
	return h + 2
}

// box sets its blocks inside an outlined box with rounded corners.
func (s *setter) box(b block, parent *node, x, w, y float64, u *unit) float64 {
	pad := s.sz.body
	sect := parent.add(&node{role: pdf.Sect})
	h := s.group(b.more, sect, x+pad, w-2*pad, y+pad*0.8, u) + pad*1.6
	x1, x2 := s.across(x, w)
	u.art = append(u.art, &piece{boxes: []pdf.Rect{{X: x1, Y: y, W: x2 - x1, H: h}}})
	return h
}

// across returns the left and right edges on the page of the column x
// (from the leading edge) wide w: mirrored in a right-to-left language.
func (s *setter) across(x, w float64) (float64, float64) {
	if s.rtl {
		return pageW - marginX - x - w, pageW - marginX - x
	}
	return marginX + x, marginX + x + w
}

// text sets t into n (and a Link child for each link) in the column x
// wide w, from y down, and returns its height. Its lines are aligned to
// the leading edge of the paragraph's direction.
func (s *setter) text(n *node, t text, links []link, st tstyle, x, w, y float64) float64 {
	s.base = 0
	blk, ok := s.layout(n, t, st, w)
	if !ok {
		return 0
	}
	return s.set(n, t, blk, links, st, x, w, y)
}

// layout checks t against the fonts and sets it into lines w wide, as
// text does; ok is false when there is nothing to set or s.err is set.
func (s *setter) layout(n *node, t text, st tstyle, w float64) (blk typeset.Block, ok bool) {
	if t.s == "" || s.err != nil {
		return blk, false
	}
	lang := s.lang
	if n.lang != "" {
		lang = n.lang
	}
	if err := s.fonts.check(s.lang, t, st.bold); err != nil {
		s.err = err
		return blk, false
	}
	dir := typeset.LeftToRight
	if s.rtl {
		dir = typeset.RightToLeft
	}
	lead := s.sz.lead
	if st.lead > 0 {
		lead = st.lead
	}
	blk, err := s.scratch.layout(t, typeset.Style{Stack: s.stack, Size: st.size, Bold: st.bold, Lang: lang, Dir: dir,
		LineHeight: lead, NoCache: t.own}, w)
	if err != nil {
		s.err = err
		return blk, false
	}
	return blk, true
}

// set puts blk, t set by layout, into n as text does, and returns its
// height.
func (s *setter) set(n *node, t text, blk typeset.Block, links []link, st tstyle, x, w, y float64) float64 {
	if needsActualText(t.s) || blk.Dir == typeset.RightToLeft {
		n.actual = t.s
	}
	s.base = blk.Lines[0].Baseline
	s.own = t.own
	spans := linkSpans(t.s, links)
	left, right := s.across(x, w)
	linkNodes := make([]*node, len(spans))
	top := y
	for _, line := range blk.Lines {
		lx := left
		if blk.Dir == typeset.RightToLeft {
			lx = right - line.Width
		}
		s.line(n, line, spans, linkNodes, st, lx, top)
		top += line.Height
	}
	return blk.Height
}

// line adds a line's glyphs to n, and those of a link to its Link
// element, in visual order.
func (s *setter) line(n *node, line typeset.Line, spans []span, linkNodes []*node, st tstyle, lx, top float64) {
	base := top + line.Baseline
	var cur *piece
	curSpan := -2
	for ri := range line.Runs {
		r := &line.Runs[ri]
		pen := lx + r.X
		for gi, g := range r.Glyphs {
			sp := spanAt(spans, r.Offset+g.ClusterStart)
			if cur == nil || sp != curSpan {
				cur, curSpan = &piece{own: s.own}, sp
				if sp < 0 {
					n.content(cur)
				} else {
					if linkNodes[sp] == nil {
						linkNodes[sp] = n.add(&node{role: pdf.Link, uri: spans[sp].uri})
						if needsActualText(spans[sp].s) || n.actual != "" {
							linkNodes[sp].actual = spans[sp].s
						}
					}
					linkNodes[sp].content(cur)
					cur.areas = append(cur.areas, pdf.Rect{X: pen, Y: top, W: 0, H: line.Height})
				}
			}
			if len(cur.runs) == 0 || cur.runs[len(cur.runs)-1].font != r.Font {
				cur.runs = append(cur.runs, textRun{font: r.Font, size: r.Size, x: pen, y: base, color: st.color})
			}
			tr := &cur.runs[len(cur.runs)-1]
			if k := len(tr.parts) - 1; k >= 0 && tr.parts[k].run == r && tr.parts[k].end == gi {
				tr.parts[k].end++
			} else {
				tr.parts = append(tr.parts, runPart{run: r, start: gi, end: gi + 1})
			}
			pen += g.XAdvance
			if len(cur.areas) > 0 {
				a := &cur.areas[len(cur.areas)-1]
				a.W = pen - a.X
			}
		}
	}
}

// span is where a link's text is in a paragraph, in bytes.
type span struct {
	start, end int
	s, uri     string
}

// linkSpans finds each link's text in s, in order.
func linkSpans(s string, links []link) []span {
	var out []span
	from := 0
	for _, l := range links {
		if l.s == "" {
			continue
		}
		i := strings.Index(s[from:], l.s)
		if i < 0 {
			continue
		}
		out = append(out, span{from + i, from + i + len(l.s), l.s, l.uri})
		from += i + len(l.s)
	}
	return out
}

func spanAt(spans []span, off int) int {
	for i, sp := range spans {
		if off >= sp.start && off < sp.end {
			return i
		}
	}
	return -1
}

// needsActualText reports whether text holds a script that is shaped or
// written right to left, whose glyphs do not map one to one, in reading
// order, onto the text.
func needsActualText(s string) bool {
	for _, r := range s {
		if r < 0x0370 {
			continue
		}
		if !unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Common, unicode.Inherited) {
			return true
		}
	}
	return false
}
