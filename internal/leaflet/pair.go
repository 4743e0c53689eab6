package leaflet

import "victimsite/internal/typeset"

// This file sets the officer and the report side by side: two short
// tables, each with its heading, where every label and value of both fits
// on one line in half the width. The structure tree holds the officer,
// then the report; in a right-to-left language the officer is on the
// right. The contact promise follows across the page.

// officerAndReport returns the units of a pair block, whose more are the
// officer's heading and table, the promise's heading and paragraph, and
// the report's heading and table: side by side where they fit, else one
// after the other as composed.
func (s *setter) officerAndReport(b block) []unit {
	off, rep := b.more[:2], b.more[4:6]
	gap := colGap * s.sz.body
	colW := (textW - gap) / 2
	lw1, ok1 := s.tableFits(off[1], colW)
	lw2, ok2 := s.tableFits(rep[1], colW)
	if !ok1 || !ok2 {
		var out []unit
		for _, m := range b.more {
			out = append(out, s.unit(m))
		}
		return out
	}
	s.list = nil
	u := unit{gap: s.sz.gap * 2}
	saved := s.labelW
	before := len(s.part.items)
	s.labelW = lw1
	h1 := s.put(block{kind: group, more: off}, s.part, 0, colW, 0, &u)
	s.labelW = lw2
	h2 := s.put(block{kind: group, more: rep}, s.part, colW+gap, colW, 0, &u)
	s.labelW = saved
	u.h = max(h1, h2)
	for _, it := range s.part.items[before:] {
		u.nodes = append(u.nodes, it.kid)
	}
	return []unit{u, s.unit(b.more[2]), s.unit(b.more[3])}
}

// tableFits returns the label column width of a group of rows set w wide
// (its longest label in bold and a gap), and whether every label and
// value then stands on one line. The officer's details are measured
// without being kept in the stack's caches, as everywhere.
func (s *setter) tableFits(g block, w float64) (float64, bool) {
	width := func(t text, bold bool) float64 {
		blk, err := typeset.Layout(t.s, typeset.Style{Stack: s.stack, Size: s.sz.body, Bold: bold, Lang: s.lang, NoCache: t.own}, 10*textW)
		if err != nil {
			return 10 * textW
		}
		return blk.Width
	}
	lw := 0.0
	for _, r := range g.more {
		lw = max(lw, width(r.label, true))
	}
	lw += 16
	for _, r := range g.more {
		if r.kind != row || lw+width(r.body, false) > w {
			return 0, false
		}
	}
	return lw, true
}
