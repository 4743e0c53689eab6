package leaflet

import "victimsite/internal/pdf"

// This file sets blocks in two columns: the rights (each right is short)
// and contact cards side by side. The structure tree holds column 1,
// then column 2, whatever the direction of the page.

// colGap is the space between two columns, in multiples of the body size.
const colGap = 1.6

// columns sets b's blocks in two columns of the width w from y down and
// returns the height of the taller: the first blocks in the first column
// (the right one in a right-to-left language), the rest in the second,
// split where the columns come out nearest in height. Numbered items go
// into one list. Where long blocks wrap so much in half the width that
// two columns come out taller than one, they are set in one.
func (s *setter) columns(b block, parent *node, x, w, y float64, u *unit) float64 {
	f := s.bestFlow(b, parent, x, w)
	var tmp unit
	h := f.arrange(0, len(f.h), y, &tmp)
	u.art = append(u.art, tmp.art...)
	return h
}

// listUnit sets a list of rights in columns as one unit that breaks
// between rights at the foot of a page.
func (s *setter) listUnit(b block, u unit) unit {
	f := s.bestFlow(b, s.part, 0, textW)
	return f.unit(0, len(f.h), u.gap)
}

// flow is blocks set in one or two columns: each set once, at the
// column's width, and then arranged in the columns, all of them or a
// run of them at a time.
type flow struct {
	n     int     // columns: 1 or 2
	dx    float64 // from the first column to the second, on the page
	space float64 // between blocks in a column
	h     []float64
	kids  [][]*node    // each block's nodes
	art   [][]*piece   // each block's decoration
	at    [][2]float64 // how far each block has been moved across and down
}

// bestFlow sets b's blocks under parent in two columns of the width w,
// or in one where that comes out shorter.
func (s *setter) bestFlow(b block, parent *node, x, w float64) *flow {
	one, n1 := s.newFlow(b, x, w, 1)
	two, n2 := s.newFlow(b, x, w, 2)
	f, n := two, n2
	if one.height(0, len(one.h)) < two.height(0, len(two.h)) {
		f, n = one, n1
	}
	parent.items = append(parent.items, n.items...)
	return f
}

// newFlow sets b's blocks in n columns of the width w, under a node of
// their own, which it returns: a list, or the cards one after the other.
func (s *setter) newFlow(b block, x, w float64, n int) (*flow, *node) {
	gap := colGap * s.sz.body
	colW := w
	if n == 2 {
		colW = (w - gap) / 2
	}
	top := &node{}
	parent := top
	if len(b.more) > 0 && b.more[0].kind == item {
		parent = parent.add(&node{role: pdf.L, lang: b.lang})
	}
	l1, _ := s.across(x, colW)
	l2, _ := s.across(x+colW+gap, colW)
	f := &flow{n: n, dx: l2 - l1, space: s.sz.gap * 0.6}
	for _, blk := range b.more {
		before := len(parent.items)
		var u unit
		f.h = append(f.h, s.put(blk, parent, x, colW, 0, &u))
		var ns []*node
		for _, it := range parent.items[before:] {
			ns = append(ns, it.kid)
		}
		f.kids, f.art = append(f.kids, ns), append(f.art, u.art)
	}
	f.at = make([][2]float64, len(f.h))
	return f, top
}

// height is the height of the blocks from to to arranged in the columns.
func (f *flow) height(from, to int) float64 {
	hs := f.h[from:to]
	if f.n == 1 {
		return stacked(hs, f.space)
	}
	k := balance(hs, f.space)
	return max(stacked(hs[:k], f.space), stacked(hs[k:], f.space))
}

// arrange puts the blocks from to to in the columns from y down, adds
// their nodes and decoration to u, and returns the height of the taller
// column.
func (f *flow) arrange(from, to int, y float64, u *unit) float64 {
	k := to - from
	if f.n == 2 {
		k = balance(f.h[from:to], f.space)
	}
	col := [2]float64{}
	for i := from; i < to; i++ {
		c, dx := 0, 0.0
		if i-from >= k {
			c, dx = 1, f.dx
		}
		if col[c] > 0 {
			col[c] += f.space
		}
		f.moveTo(i, dx, y+col[c])
		u.nodes = append(u.nodes, f.kids[i]...)
		u.art = append(u.art, f.art[i]...)
		col[c] += f.h[i]
	}
	return max(col[0], col[1])
}

// moveTo moves block i to dx across and y down from where it was set.
func (f *flow) moveTo(i int, dx, y float64) {
	ddx, ddy := dx-f.at[i][0], y-f.at[i][1]
	for _, n := range f.kids[i] {
		n.shift(0, ddy)
		n.shiftX(ddx)
	}
	for _, a := range f.art[i] {
		a.move(ddx, ddy)
	}
	f.at[i] = [2]float64{dx, y}
}

// unit is the blocks from to to as a unit with gap above it, which
// breaks between blocks at the foot of a page.
func (f *flow) unit(from, to int, gap float64) unit {
	u := unit{gap: gap}
	u.h = f.arrange(from, to, 0, &u)
	if to-from > 1 {
		u.parts = &flowSplit{f, from, to, gap}
	}
	return u
}

// flowSplit breaks a flow's blocks from to to between two of them.
type flowSplit struct {
	f        *flow
	from, to int
	gap      float64
}

// cut returns where the most blocks that fit in room end, or from where
// not one does, or all but the last would.
func (fs *flowSplit) cut(room float64) int {
	k := fs.from
	for m := fs.from + 1; m < fs.to && fs.f.height(fs.from, m) <= room; m++ {
		k = m
	}
	return k
}

func (fs *flowSplit) first(room float64) float64 {
	if k := fs.cut(room); k > fs.from {
		return fs.f.height(fs.from, k)
	}
	return 0
}

func (fs *flowSplit) split(room float64) []unit {
	k := fs.cut(room)
	if k == fs.from {
		return nil
	}
	return []unit{fs.f.unit(fs.from, k, fs.gap), fs.f.unit(k, fs.to, fs.gap)}
}

// balance returns how many of the blocks of these heights go into the
// first column, so that the taller column is as short as it can be; on a
// tie the first column takes more.
func balance(heights []float64, space float64) int {
	best, bestH := len(heights), 0.0
	for k := len(heights); k >= 1; k-- {
		h := max(stacked(heights[:k], space), stacked(heights[k:], space))
		if k == len(heights) || h < bestH-0.01 {
			best, bestH = k, h
		}
	}
	return best
}

// stacked is the height of blocks one under the other.
func stacked(heights []float64, space float64) float64 {
	h := 0.0
	for i, v := range heights {
		if i > 0 {
			h += space
		}
		h += v
	}
	return h
}

// shiftX moves a node's pieces across by dx.
func (n *node) shiftX(dx float64) {
	for _, it := range n.items {
		if it.kid != nil {
			it.kid.shiftX(dx)
			continue
		}
		it.piece.move(dx, 0)
	}
}

// splitCards sets the cards of b one under the other across the page, each
// a unit of its own, the first with the gap above b: what a pair of cards
// becomes where it would not fit whole at the foot of a page. The nodes
// are not yet in the structure tree (see [cardSplit.split]).
func (s *setter) splitCards(b block, gap float64) []unit {
	var out []unit
	for _, c := range b.more {
		tmp := &node{}
		u := unit{gap: s.sz.gap * 1.6}
		u.h = s.put(c, tmp, 0, textW, 0, &u)
		for _, it := range tmp.items {
			u.nodes = append(u.nodes, it.kid)
		}
		out = append(out, u)
	}
	out[0].gap = gap
	return out
}

// cardSplit breaks contact cards side by side, whole, into the same cards
// one under the other across the page (cards), which flow card by card
// onto the next page; parent holds whole's nodes, which the cards'
// replace then.
type cardSplit struct {
	whole  unit
	cards  []unit
	parent *node
}

func (cs *cardSplit) first(room float64) float64 {
	if cs.cards[0].h <= room {
		return cs.cards[0].h
	}
	return 0
}

// split puts the nodes of the cards in the structure tree where the
// whole's nodes are, in the same order, and returns the cards.
func (cs *cardSplit) split(room float64) []unit {
	if cs.first(room) == 0 {
		return nil
	}
	var kids []*node
	for _, su := range cs.cards {
		kids = append(kids, su.nodes...)
	}
	at := map[*node]int{}
	for i, n := range cs.whole.nodes {
		at[n] = i
	}
	for i, it := range cs.parent.items {
		if k, ok := at[it.kid]; ok && k < len(kids) {
			cs.parent.items[i].kid = kids[k]
		}
	}
	return cs.cards
}
