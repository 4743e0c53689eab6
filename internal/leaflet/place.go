package leaflet

import (
	"math"
	"sort"

	"victimsite/internal/pdf"
)

// This file places units on pages. A unit is the smallest whole thing a
// reader takes in at once: the emergency box, a table, a paragraph, a
// contact card, a right. A unit that does not fit on what is left of a
// page moves whole to the next; a heading moves with the unit that
// follows it; a list or a pair of cards that does not fit breaks between
// its items or cards (see splitter).

// placed is a doc set and placed on pages from its first page to last.
type placed struct {
	part      *node
	furniture [][]piece // by page, from page 0: the pages before its first are empty
	fills     []fill
	gaps      float64
	last      int
}

// tightGap is the space between blocks, in multiples of the usual, of a
// leaflet that saves a page with it. A leaflet is set again with it where
// its last page holds at most tightLast of a page, and no more than
// tightGaps times the space between its units: where it holds more, less
// space does not save the page (measured on the leaflets of the shipped
// site, whose pages it saved held up to 1.37 times that space).
const (
	tightGap  = 0.625
	tightLast = 0.35
	tightGaps = 1.4
)

// placeDoc sets d and places it from page first, its body down to bottom.
// Where its last page holds little, it sets it again with less space
// between blocks, and keeps that where it takes fewer pages.
func (r *Renderer) placeDoc(d *doc, qr [][]bool, sz sizes, first int, bottom float64, sc *scratch) (placed, error) {
	p, err := r.placeDocIn(d, qr, sz, first, bottom, sc)
	if err != nil || p.last == first {
		return p, err
	}
	if last := p.fills[len(p.fills)-1]; last.used > tightLast*last.room || last.used > tightGaps*p.gaps {
		return p, nil
	}
	sz.gap *= tightGap
	tight, err := r.placeDocIn(d, qr, sz, first, bottom, sc)
	if err != nil || tight.last >= p.last {
		return p, err
	}
	return tight, nil
}

// placeDocIn sets d in the sizes sz and places it from page first.
func (r *Renderer) placeDocIn(d *doc, qr [][]bool, sz sizes, first int, bottom float64, sc *scratch) (placed, error) {
	s := &setter{fonts: r.fonts, stack: r.fonts.stacks[d.lang], lang: d.lang, rtl: d.rtl, sz: sz, scratch: sc,
		part: &node{role: pdf.Part, lang: d.lang}}
	s.labelW = s.labelWidth(d)
	units := []unit{s.cover(d.cover, qr)}
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
		return placed{}, s.err
	}
	p := placed{part: s.part}
	pl := placer{top: marginTop, bottom: bottom, furniture: &p.furniture}
	p.last = pl.place(units, first)
	p.fills, p.gaps = pl.fills, pl.gaps
	return p, nil
}

// placer puts units on pages between top and bottom.
type placer struct {
	top, bottom float64
	furniture   *[][]piece
	fills       []fill
	gaps        float64 // the space placed between units
}

// fill is how full a page is: the height of its body (room), the height
// its units take, and the height of what would not fit below them (the
// next unit with what is glued to it, or the first part of it that can
// stand alone), which is 0 on a doc's last page.
type fill struct {
	page             int
	room, used, next float64
}

// place puts units on pages from page, and returns the last page used.
func (pl *placer) place(units []unit, page int) int {
	y, top, bottom := pl.top, pl.top, pl.bottom
	for i := 0; i < len(units); {
		j, h := i, units[i].h
		for units[j].glue && j+1 < len(units) {
			j++
			h += units[j].gap + units[j].h
		}
		gap := units[i].gap
		if y == top {
			gap = 0
		}
		if y+gap+h > bottom {
			if u := units[j]; u.parts != nil {
				if parts := u.parts.split(bottom - (y + gap + h - u.h)); parts != nil {
					units = append(append(append([]unit(nil), units[:j]...), parts...), units[j+1:]...)
					continue
				}
			}
			if y > top {
				pl.fills = append(pl.fills, fill{page, bottom - top, y - top, pl.need(units[i:j+1], bottom-top)})
				page, y, gap = page+1, top, 0
				continue
			}
			if h > bottom-top {
				from := page
				page, y = placeTall(units[i], page, y, top, bottom, pl.furniture)
				for p := from; p < page; p++ { // full, but for a line's fraction
					pl.fills = append(pl.fills, fill{p, bottom - top, bottom - top, math.SmallestNonzeroFloat64})
				}
				i++
				continue
			}
		}
		y += gap
		pl.gaps += gap
		for k := i; k <= j; k++ {
			if k > i {
				y += units[k].gap
				pl.gaps += units[k].gap
			}
			pl.put(units[k], page, y)
			y += units[k].h
		}
		i = j + 1
	}
	pl.fills = append(pl.fills, fill{page, bottom - top, y - top, 0})
	return page
}

// need is the height of the least part of units, a chain of glued units,
// that a fresh page as tall as room takes: all of them, or the glued
// units and the first part of the last that splits.
func (pl *placer) need(units []unit, room float64) float64 {
	h := 0.0
	for k, u := range units {
		if k > 0 {
			h += u.gap
		}
		h += u.h
	}
	last := units[len(units)-1]
	if last.parts == nil || h <= room {
		return h
	}
	if first := last.parts.first(room - (h - last.h)); first > 0 {
		return h - last.h + first
	}
	return h
}

// put puts u on page at y.
func (pl *placer) put(u unit, page int, y float64) {
	for _, n := range u.nodes {
		n.shift(page, y)
	}
	for len(*pl.furniture) <= page {
		*pl.furniture = append(*pl.furniture, nil)
	}
	for _, a := range u.art {
		a.shift(page, y)
		(*pl.furniture)[page] = append((*pl.furniture)[page], *a)
	}
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
