package typeset

import "sort"

// piece is the part of one item on one line, at one level after rule L1.
type piece struct {
	runeSpan
	item   int // index in paragraph.items
	level  int8
	glyphs []sglyph
}

// lineSetter sets the lines of one paragraph in one style.
type lineSetter struct {
	p     *paragraph
	st    Style
	fonts []*Font
	sh    *shaper // borrowed from the stack's pool when a cut needs reshaping
}

// release returns a borrowed shaper to the stack's pool.
func (ls *lineSetter) release() {
	if ls.sh != nil {
		ls.st.Stack.pool.Put(ls.sh)
		ls.sh = nil
	}
}

// lines breaks the paragraph into lines no wider than width points,
// greedily: each line takes as much as fits up to a break opportunity. A
// word wider than a line is cut between characters, and a single
// character wider than a line stands alone on it. A line is measured by
// the advances of the shaped paragraph, then set; where setting changes
// its width (a cut through a kerned pair or a joined word is shaped
// again) and it no longer fits, it ends at the opportunity before.
func (ls *lineSetter) lines(width float64) []Line {
	p, size := ls.p, ls.st.Size
	var lines []Line
	for start := 0; start < len(p.runes); {
		for limit := len(p.runes); ; {
			end := p.fit(start, limit, size, width)
			l := ls.line(runeSpan{start, end})
			if l.Width <= width+slack || end <= p.firstCharEnd(start) {
				lines = append(lines, l)
				start = end
				break
			}
			limit = end - 1
		}
	}
	return lines
}

// line sets runes[span] as a Line.
func (ls *lineSetter) line(span runeSpan) Line {
	p := ls.p
	pieces := ls.pieces(span)
	levels := make([]int8, len(pieces))
	for i, pc := range pieces {
		levels[i] = pc.level
	}
	l := Line{Text: p.text[p.offs[span.start]:p.offs[span.end]], Offset: p.offs[span.start]}
	x := 0.0
	for _, i := range visualOrder(levels) {
		r := ls.run(pieces[i], x)
		x += r.Width
		l.Runs = append(l.Runs, r)
	}
	l.Width = x
	ls.metrics(&l, pieces)
	return l
}

// pieces cuts the items under span at item edges, at the end of the ink
// and where rule L1 changes a level, and finds each piece's glyphs.
func (ls *lineSetter) pieces(span runeSpan) []piece {
	p := ls.p
	base := int8(0)
	if p.rtl {
		base = 1
	}
	levels := lineLevels(p.classes[span.start:span.end], p.levels[span.start:span.end], base)
	ink := p.inkEnd(span.start, span.end)
	var out []piece
	for k := ls.firstItem(span.start); k < len(p.items) && p.items[k].start < span.end; k++ {
		it := p.items[k]
		for s := max(it.start, span.start); s < min(it.end, span.end); {
			e := s + 1
			lvl := levels[s-span.start]
			for e < min(it.end, span.end) && levels[e-span.start] == lvl && e != ink {
				e++
			}
			pc := piece{runeSpan{s, e}, k, lvl, nil}
			if s < ink {
				pc.glyphs = ls.glyphs(pc, span)
			}
			out = append(out, pc)
			s = e
		}
	}
	return out
}

// firstItem returns the index of the item that holds rune i.
func (ls *lineSetter) firstItem(i int) int {
	items := ls.p.items
	lo, hi := 0, len(items)
	for lo < hi {
		m := (lo + hi) / 2
		if items[m].end <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// glyphs returns the glyphs of a piece: the item's own, or those of its
// clusters, or, where the cut runs through letters that HarfBuzz shaped
// together (an Arabic word broken across lines), the piece shaped again
// on its own within its line.
func (ls *lineSetter) glyphs(pc piece, line runeSpan) []sglyph {
	p := ls.p
	it := p.items[pc.item]
	if pc.runeSpan == it.runeSpan {
		return it.glyphs
	}
	if (pc.start > it.start && !p.safeCut(pc.start)) || (pc.end < it.end && !p.safeCut(pc.end)) {
		return ls.reshape(pc, line)
	}
	return clusterRange(it.glyphs, pc.runeSpan, it.level%2 == 1)
}

// clusterRange returns the glyphs whose clusters lie in span. Clusters
// are monotonic in HarfBuzz's output, so they are a slice of gl; should
// they not be, they are gathered one by one.
func clusterRange(gl []sglyph, span runeSpan, rtl bool) []sglyph {
	in := func(c int) bool { return c >= span.start && c < span.end }
	a := sort.Search(len(gl), func(i int) bool {
		return (!rtl && gl[i].cluster >= span.start) || (rtl && gl[i].cluster < span.end)
	})
	b := sort.Search(len(gl), func(i int) bool {
		return (!rtl && gl[i].cluster >= span.end) || (rtl && gl[i].cluster < span.start)
	})
	monotonic := true
	for i := a; i < b && monotonic; i++ {
		monotonic = in(gl[i].cluster)
	}
	if monotonic && (a == 0 || !in(gl[a-1].cluster)) && (b == len(gl) || !in(gl[b].cluster)) {
		return gl[a:b:b]
	}
	var out []sglyph
	for _, g := range gl {
		if in(g.cluster) {
			out = append(out, g)
		}
	}
	return out
}

// reshape shapes a piece again with only its line's text as context.
func (ls *lineSetter) reshape(pc piece, line runeSpan) []sglyph {
	if ls.sh == nil {
		ls.sh = ls.st.Stack.pool.Get().(*shaper)
	}
	p := ls.p
	it := p.items[pc.item].item
	it.level = pc.level
	runes := p.runes[line.start:line.end]
	span := runeSpan{pc.start - line.start, pc.end - line.start}
	gl := ls.sh.shape(runes, span, it, ls.fonts[it.font], p.lang)
	for i := range gl {
		gl[i].cluster += line.start
	}
	return gl
}

// run turns a piece into a Run whose left edge is at x.
func (ls *lineSetter) run(pc piece, x float64) Run {
	p := ls.p
	f := ls.fonts[p.items[pc.item].font]
	scale := ls.st.Size / float64(f.upem)
	text := p.text[p.offs[pc.start]:p.offs[pc.end]]
	r := Run{Font: f, Size: ls.st.Size, Text: text, Offset: p.offs[pc.start], Lang: ls.st.Lang,
		Dir: LeftToRight, Level: int(pc.level), X: x}
	if pc.level%2 == 1 {
		r.Dir = RightToLeft
	}
	r.Glyphs = make([]Glyph, len(pc.glyphs))
	for i, g := range pc.glyphs {
		r.Glyphs[i] = Glyph{
			ID: g.id, XAdvance: float64(g.adv) * scale, XOffset: float64(g.dx) * scale, YOffset: float64(g.dy) * scale,
			ClusterStart: p.offs[g.cluster] - r.Offset,
		}
		r.Width += r.Glyphs[i].XAdvance
	}
	setClusterEnds(r.Glyphs, len(text), r.Dir == RightToLeft)
	return r
}

// setClusterEnds sets each glyph's ClusterEnd to the start of the next
// cluster in logical order, or to textLen for the last. HarfBuzz keeps
// clusters monotonic (increasing in left-to-right glyphs, decreasing in
// right-to-left ones), so one pass in logical order does; otherwise the
// next start is looked up.
func setClusterEnds(gl []Glyph, textLen int, rtl bool) {
	at := func(k int) *Glyph { // k-th glyph in logical order, from the end
		if rtl {
			return &gl[k]
		}
		return &gl[len(gl)-1-k]
	}
	next, cur := textLen, -1
	for k := range gl {
		g := at(k)
		if g.ClusterStart != cur {
			if cur >= 0 {
				next = cur
			}
			cur = g.ClusterStart
		}
		if g.ClusterStart >= next {
			setClusterEndsSorted(gl, textLen)
			return
		}
		g.ClusterEnd = next
	}
}

// setClusterEndsSorted sets cluster ends for glyphs in any order.
func setClusterEndsSorted(gl []Glyph, textLen int) {
	starts := make([]int, 0, len(gl))
	for _, g := range gl {
		starts = append(starts, g.ClusterStart)
	}
	sort.Ints(starts)
	for i := range gl {
		k := sort.SearchInts(starts, gl[i].ClusterStart+1)
		gl[i].ClusterEnd = textLen
		if k < len(starts) {
			gl[i].ClusterEnd = starts[k]
		}
	}
}
