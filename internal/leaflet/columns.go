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
	one := s.inColumns(b, &node{}, x, w, y, &unit{}, 1)
	items, art := len(parent.items), len(u.art)
	two := s.inColumns(b, parent, x, w, y, u, 2)
	if one >= two {
		return two
	}
	parent.items, u.art = parent.items[:items], u.art[:art]
	return s.inColumns(b, parent, x, w, y, u, 1)
}

// inColumns sets b's blocks in n columns (1 or 2) and returns the height
// of the tallest.
func (s *setter) inColumns(b block, parent *node, x, w, y float64, u *unit, n int) float64 {
	gap := colGap * s.sz.body
	colW := w
	if n == 2 {
		colW = (w - gap) / 2
	}
	if len(b.more) > 0 && b.more[0].kind == item {
		parent = parent.add(&node{role: pdf.L, lang: b.lang})
	}
	space := s.sz.gap * 0.6
	heights := make([]float64, len(b.more))
	var kids [][]*node
	for i, blk := range b.more {
		before := len(parent.items)
		heights[i] = s.put(blk, parent, x, colW, 0, u)
		var ns []*node
		for _, it := range parent.items[before:] {
			ns = append(ns, it.kid)
		}
		kids = append(kids, ns)
	}
	k := len(heights)
	if n == 2 {
		k = balance(heights, space)
	}
	l1, _ := s.across(x, colW)
	l2, _ := s.across(x+colW+gap, colW)
	h := [2]float64{}
	for i, ns := range kids {
		col, dx := 0, 0.0
		if i >= k {
			col, dx = 1, l2-l1
		}
		if h[col] > 0 {
			h[col] += space
		}
		for _, n := range ns {
			n.shift(0, y+h[col])
			n.shiftX(dx)
		}
		h[col] += heights[i]
	}
	return max(h[0], h[1])
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
// are not yet in the structure tree (see [unit.useSplit]).
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

// useSplit puts the nodes of u's split in the structure tree where u's
// own nodes are, in the same order, and returns the split's units.
func (u unit) useSplit() []unit {
	var kids []*node
	for _, su := range u.split {
		kids = append(kids, su.nodes...)
	}
	at := map[*node]int{}
	for i, n := range u.nodes {
		at[n] = i
	}
	for i, it := range u.parent.items {
		if k, ok := at[it.kid]; ok && k < len(kids) {
			u.parent.items[i].kid = kids[k]
		}
	}
	return u.split
}
